/*
 * csv.h - the shared CSV reader behind api->csv_*.
 *
 * Reads the files agencies save from Excel on Indonesian-locale machines:
 * separator ',' ';' or tab detected from the header line, optional UTF-8 BOM,
 * CRLF or LF, RFC 4180 quoting (separators, doubled quotes and newlines inside
 * quotes), decimal comma or point, dates YYYY-MM-DD, DD/MM/YYYY, DD-MM-YYYY.
 * It is the hot path of a national run, so it reads big blocks and splits
 * fields in place without a copy per field.
 *
 * Every record remembers the line it starts on. Rows a plugin rejects, and
 * fields it could not read, are counted per "kind" (the text of the reason up
 * to its first ':') with the first CSV_EXAMPLES lines of each kind kept.
 *
 * Dialect details:
 *  - The separator is the one of ';' ',' and tab that occurs most outside
 *    quotes in the header line; ties go in that order; a header with none of
 *    them (one column) reads as ','.
 *  - Lines that are blank, or hold nothing but separators and blanks (Excel
 *    writes ";;;" for formatted empty rows), are skipped and not counted.
 *  - Fields are trimmed of spaces, tabs and CRs. A field is quoted only when
 *    its first non-blank character is '"'; blanks inside the quotes are
 *    kept, and text after the closing quote is appended ("ab"cd -> abcd). A
 *    '"' elsewhere in an unquoted field is ordinary text (5" -> 5").
 *  - A file with no header line (empty, or only a BOM and blank lines) is
 *    refused by csv_open: "empty file: no header line".
 *  - A record must fit the header (docs/inputs.md): csv_next() rejects one
 *    with too few fields ("too few fields"; "other separator" when the line
 *    is one field holding another separator, e.g. a ',' row in a ';' file)
 *    or with text in fields past the header's ("too many fields"), counts
 *    it in the file's rejected rows and reads on: the caller never sees it.
 *    Fields missing where the header's last columns have no name, and empty
 *    fields past the header, are accepted (Excel writes both).
 */
#ifndef PK2D_CSV_H
#define PK2D_CSV_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "areas.h"

#define CSV_EXAMPLES 5
/* Distinct areas or years kept for the kinds "outside area" and "outside
 * period" (csv_problem.seen). */
#define CSV_SEEN 16

typedef struct pk2d_csv csv_reader;

/* The kind of the rows of a workbook's sheets after its table, not read
 * (xlsx_unread): counted as read and rejected, one example per sheet. */
#define CSV_SHEET_NOT_READ "sheet not read"

/* One kind of problem in a file: how many rows, and the first examples. */
typedef struct csv_problem {
	char *kind;                   /* "unreadable weight" */
	long count;                   /* rows with this kind of problem */
	int rejected;                 /* 1: the rows were dropped; 0: kept */
	int n_examples;
	long example_line[CSV_EXAMPLES];
	char *example_text[CSV_EXAMPLES]; /* the whole reason */
	/* For the kinds "outside area" and "outside period" only: the first
	 * CSV_SEEN distinct values the rows had, in order of appearance, and
	 * how many rows had each. The value is the reason's first word after
	 * the colon (quotes removed): an area code as written, or, for a
	 * period, the year of the date or DHIS2 period ("2023"). */
	int n_seen;
	char *seen[CSV_SEEN];
	long seen_count[CSV_SEEN];
} csv_problem;

/* What happened to one file: filled while reading, kept after close. */
typedef struct csv_stats {
	char *path;
	long records;                 /* data records read (header excluded) */
	long rejected;                /* records dropped by the plugin */
	long noted;                   /* records kept with a problem noted */
	long by_name;                 /* records whose area code was found from
	                                 their area names (csv_area_names) */
	size_t n_problems;
	csv_problem *problems;        /* in order of first appearance */
} csv_stats;

/* Opens path and reads its header. NULL on failure with err set to the
 * reason (without the path). */
csv_reader *csv_open(const char *path, char *err, size_t errlen);
/* Column index of a header name, ASCII case and blanks ignored; -1 if none,
 * CSV_AMBIGUOUS when several headers carry it. "NAME#N" (N from 1) is the
 * N-th of the headers called NAME, unless a header is called "NAME#N". */
#define CSV_AMBIGUOUS (-2)
int csv_column(const csv_reader *c, const char *name);
/* The message for an ambiguous name: which columns carry it and how to
 * pick one ("column 'Berat' appears more than once (columns 3, 6): ..."). */
void csv_ambiguous(const csv_reader *c, const char *name, char *buf, size_t len);
/* Number of header columns, and the header name of column i. */
int csv_header_count(const csv_reader *c);
const char *csv_header(const csv_reader *c, int i);
/* 1: a record is current; 0: end of file; <0: PK2D_ERR_* with err set as
 * "line N: why": PK2D_ERR_DATA "line N: unterminated quoted field" (N is
 * the line the quote opens on), PK2D_ERR_IO "line N: read error: ...".
 * After an error every later call returns the same error. */
int csv_next(csv_reader *c, char *err, size_t errlen);
/* The area names of the file (area_names.h) for its area code column
 * header, within the run's area code area: when the file has no column
 * header but has name columns, makes that column of the reader, filled
 * from the names (a record whose names find no code is rejected: "unknown
 * area name", "ambiguous area name", "no area name"); when it has both,
 * rejects a record whose names are not its code's ("area name and code
 * disagree"). Call it before the first csv_next(). 0 (also when the file
 * has no name columns), PK2D_ERR_MISSING with err set when a name column
 * the lookup needs is missing, PK2D_ERR_NOMEM. */
int csv_area_names(csv_reader *c, const char *header, const areas *table, const char *area,
                   char *err, size_t errlen);
/* The rows a blank template ("pk2d template") has under its header: a row
 * of explanation and one of accepted values. text[k][i] is the text of the
 * file's column i in row k, or NULL (an empty cell); n_text the columns
 * given (at most the file's). A record on one of the CSV_TEMPLATE_ROWS
 * lines (a workbook's rows) right under the header, on the table's first
 * sheet, whose every field is its column's text in one row (empty past
 * n_text) and which has some text, is not data: no call hands it out or
 * counts it. Call it before the first csv_next(). 0, or PK2D_ERR_NOMEM. */
#define CSV_TEMPLATE_ROWS 2
int csv_template_rows(csv_reader *c, const char *const *const text[CSV_TEMPLATE_ROWS],
                      int n_text);
/* Makes every later csv_next() return err with the message why ("" when
 * the caller has reported it already): a file that cannot be read as it
 * is, e.g. one whose column is ambiguous. */
void csv_fail(csv_reader *c, int err, const char *why);
int csv_count(const csv_reader *c);
const char *csv_field(const csv_reader *c, int col);
/* out[i]: csv_field(c, cols[i]) for i < n (api->csv_fields). */
void csv_fields_of(const csv_reader *c, const int *cols, int n, const char **out);
int csv_number(const csv_reader *c, int col, double *out);
int csv_date(const csv_reader *c, int col, long *days);
long csv_line(const csv_reader *c);
/* The line (a workbook's row) the header is on: 1 unless blank lines or a
 * title block stand above it. */
long csv_header_line(const csv_reader *c);
const char *csv_path(const csv_reader *c);
char csv_separator(const csv_reader *c);
/* A row counts once per kind however often it is named, and once in
 * rejected or noted: a noted row that is then rejected counts as rejected.
 * The kind is the text up to the first ':'; see csv_problem.seen for the
 * two kinds whose first word is kept. */
void csv_reject(csv_reader *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void csv_vreject(csv_reader *c, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
void csv_note(csv_reader *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void csv_vnote(csv_reader *c, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* The statistics so far; they belong to the reader. */
const csv_stats *csv_get_stats(const csv_reader *c);
/* Calls fn(arg, done, size, end) at once, after each block read from the
 * file (one per megabyte, also while csv_group() splits it) and every few
 * thousand rows csv_next() hands out: done the bytes
 * read so far, size the file's when it was opened (0 when not a regular
 * file), end non-zero at its end. For a progress display; fn NULL stops. */
typedef void (*csv_read_hook)(void *arg, uint64_t done, uint64_t size, int end);
void csv_on_read(csv_reader *c, csv_read_hook fn, void *arg);
/* Closes the file and hands over its statistics (free with
 * csv_stats_free); NULL c is allowed and returns NULL. */
csv_stats *csv_close(csv_reader *c);
void csv_stats_free(csv_stats *s);

/* A part of a file: the records from byte start (a record's first byte,
 * on line line) up to byte end (the next part's start, or the file's end).
 * grouped_by: 1 + the column by which csv_split cut the file (the part
 * holds whole groups of it; a file that turns out not grouped is read in
 * one part after all, the parts' work dropped), 0 for none. */
typedef struct csv_range {
	long long start, end;
	long line;
	int grouped_by;
} csv_range;
/* Makes c read only the records of r, as if the file held its header and
 * them alone (csv_group() too). Call it before the first csv_next(). 0, or
 * PK2D_ERR_IO with err set. */
int csv_restrict(csv_reader *c, const csv_range *r, char *err, size_t errlen);
/* Merges the statistics of the next part of the same file into into: the
 * counts added, and the problems' examples and values kept as one reader
 * of both parts in order would have kept them (except the rows of a value
 * from's reader no longer kept, past its own CSV_SEEN values: never an
 * area of a file split by area, and a year only past CSV_SEEN years). from
 * is left as it was. */
void csv_stats_merge(csv_stats *into, const csv_stats *from);
/* Splits path into at most max_parts ranges of about part_bytes each, at
 * records where the value of the column headed column changes (a group is
 * never cut). *n 1 (the whole file, from its first record) when the file
 * is smaller than two parts, has fewer groups, or is not grouped by that
 * column (a value comes back after another): its records must be read in
 * one process. 0 and *out (malloc'd), or a negative PK2D_ERR_* with err
 * set (the file or the column cannot be read). */
int csv_split(const char *path, const char *column, long long part_bytes, size_t max_parts,
              csv_range **out, size_t *n, char *err, size_t errlen);
/* As csv_split(), telling found(arg, start) of each part's start (end not
 * set) as soon as the scan finds it, the first part's first, so that a
 * part can be read before the scan ends. The starts told are the split's
 * only when it ends with *n above 1: a file found not grouped is one part
 * after all. */
typedef void (*csv_split_found)(void *arg, const csv_range *start);
int csv_split_each(const char *path, const char *column, long long part_bytes,
                   size_t max_parts, csv_split_found found, void *arg, csv_range **out,
                   size_t *n, char *err, size_t errlen);

/* Hands the records out grouped (api->csv_group; include/pk2d/plugin.h says
 * what the caller sees, csv_group.c how). Call it before the first
 * csv_next(). col: the group column, or -1 for one group of the whole file;
 * ids: the n_ids (at most CSV_GROUP_MAX_IDS) columns that identify a
 * record within its group, for the duplicate rule. 0, or PK2D_ERR_INVALID
 * for a wrong call, PK2D_ERR_IO / _DATA / _NOMEM when the file could not be
 * read for grouping (later csv_next() calls return the same error); err
 * says why. */
#define CSV_GROUP_MAX_IDS 8
int csv_group(csv_reader *c, int col, const int *ids, int n_ids, char *err, size_t errlen);
/* For tests: the size of a partition of an ungrouped file (the number of
 * partitions is the file's size over it, at most 256) and of the write
 * buffer of each; 16 MB and 64 KB unless set. */
void csv_group_tune(size_t partition, size_t chunk);

/* Chooses the code that finds separators, quotes and line ends in readers
 * opened afterwards: "auto" (the default: AVX2 where the CPU has it, else
 * SSE2), "avx2", "sse2" or "plain" (portable C). -1 when that one is not
 * available here. All give the same results; tests run each. */
int csv_set_scanner(const char *name);

/* The same parsers on a plain string, shared by every module that reads
 * numbers and dates from text (INI values included). Surrounding blanks are
 * ignored; empty text is PK2D_ERR_MISSING, anything malformed
 * PK2D_ERR_INVALID (and *out is left alone).
 *
 * Numbers: an optional sign, digits, and at most one decimal point or
 * comma ("81,78", "-0,5", ".5", "5."). No thousands separators ("1.234,5"
 * and "1,234.5" are refused), no exponent, no NaN or infinity. The result
 * does not depend on the locale and equals what strtod gives in the C
 * locale for the same text with a point.
 *
 * Dates: YYYY-MM-DD, DD/MM/YYYY or DD-MM-YYYY (day and month may have one
 * digit), a real calendar day (leap years checked), year 0001..9999. A time
 * may follow as Excel writes it, after a space or 'T': H:MM, HH:MM:SS or
 * HH:MM:SS.fff ("2023-05-01 00:00:00"); it is checked and ignored. */
int parse_number(const char *s, double *out);   /* 0, PK2D_ERR_MISSING, _INVALID */
int parse_date(const char *s, long *days);      /* days since 1970-01-01 */
/* The inverse of the date part: the calendar day of a count of days since
 * 1970-01-01. */
void date_civil(long days, int *year, int *month, int *day);

#endif
