/*
 * csv_priv.h - the reader's state, shared by csv.c (reading a file in
 * order), csv_group.c (handing its records out grouped) and csv_parts.c
 * (a file read in parts). Nothing else includes it but the reader's test
 * (csv_read_fields against its reference).
 */
#ifndef PK2D_CSV_PRIV_H
#define PK2D_CSV_PRIV_H

#include <stdint.h>
#include <sys/types.h>

#include "csv.h"

struct csv_areas;
struct csv_group;
struct scanner;
struct xlsx_book;

/* Bits k of the 64 bytes at p that are the separator, '"', '\n', a blank
 * (space, CR, and tab unless tab separates), and a byte that may need the
 * UTF-8 check: above 0x7F, or a control character that is none of the
 * others. */
struct masks {
	uint64_t sep, quote, nl, blank, odd;
};

struct pk2d_csv {
	int fd;
	int eof;
	uint64_t bytes_read;    /* of the file, so far */
	uint64_t size;          /* of the file when opened; 0 when unknown */
	csv_read_hook on_read;  /* csv_on_read() */
	void *on_read_arg;
	int failed;             /* a csv_next() error; repeated on later calls */
	char sep;
	unsigned char cls[256]; /* CLS_BLANK, CLS_QUOTE per byte */
	char *buf;              /* cap + CSV_PAD bytes; buf[len] is always 0 */
	size_t cap, len, pos;   /* unread data is buf[pos..len) */
	off_t base;             /* file offset of buf[0] */
	off_t pin;              /* file offset from which refill keeps the data
	                           (csv_group.c holds a group's records there);
	                           -1: none, only the unread data is kept */
	int ranged;             /* csv_restrict(): read only range */
	csv_range range;
	off_t left;             /* with ranged: bytes of the range not read yet */
	long line;              /* physical line of buf[pos] */
	long rec_line;          /* line the current record starts on */
	/* Scan of the record at pos, offsets relative to pos. */
	size_t scan_at;         /* first byte not scanned yet */
	size_t mask_blk;        /* offset of the block whose masks are kept */
	struct masks masks;
	size_t sep_blk;         /* the same for csv_read_fields' fast way, */
	struct masks sep_masks; /* which keeps only sep, quote and nl */
	const struct scanner *scanner; /* csv.c's scan, around one mask function */
	int scan_quoted;        /* inside a quoted field */
	int scan_slow;          /* finish the record's fields one by one: one may
	                           have a blank or quote at an edge */
	int scan_cr;            /* the record ends in CR LF */
	int scan_odd;           /* the record may hold text that is not clean UTF-8 */
	int rec_fixed;          /* UTF8_FIXED_* bits of the current record's repairs */
	char *fix;              /* the current record's repaired fields */
	size_t fix_cap;
	long scan_lines;        /* newlines inside quoted fields so far */
	long quote_line;        /* line of the open quote */
	size_t *ends;           /* offset where each field ends (a NUL there): the
	                           last one's from the scan, the others' from
	                           note_ends (csv.c) */
	char **fields;          /* the current record's fields, finished (while
	                           scanned: where each starts) */
	size_t rec_pos;         /* the current record is buf[rec_pos..] */
	int n_fields, cap_fields;
	char **header;
	int n_header;
	int n_named;            /* header columns up to the last one with a name */
	long header_line;       /* the line the header is on */
	int rec_flags;          /* REC_REJECTED, REC_NOTED for the current record */
	long *prob_last;        /* per problem: last record that counted it */
	size_t cap_problems;
	char error[160];
	csv_stats stats;
	int started;            /* csv_next() was called */
	struct csv_group *group; /* csv_group(): where the records come from */
	char *source;           /* the path csv_open was given, with a selector */
	struct xlsx_book *book; /* a workbook: the rows come from it (xlsx.h) */
	int rec_sheet;          /* the current record's sheet in the book's table */
	int book_ended;         /* the book's table has ended: its unread sheets counted */
	uint32_t rec_cells;     /* XLSX_ROW_* of the current record */
	struct csv_areas *areas; /* csv_area_names(): the area columns */
	char **tmpl[CSV_TEMPLATE_ROWS]; /* csv_template_rows(): per file column,
	                           each row's text ("" for none); NULL: none */
	int made_column;        /* 1: the header's last column is made from the
	                           area names (csv_areas.c), not the file's */
};

enum { REC_REJECTED = 1, REC_NOTED = 2 };

/* Reads the next non-blank record of the file (or row of the workbook),
 * finished: 1, 0 at end of file, or a negative error with c->error set. */
int csv_read_record(csv_reader *c);
/* Reads the next non-blank record of the file but finishes only the n
 * fields cols (ascending, without repeats, n <= CSV_READ_FIELDS_MAX): 1 with
 * out[i] the field cols[i] ("" when the record has no such field) and
 * lens[i] its length, 0 at end of file, or a negative error with c->error
 * set. */
#define CSV_READ_FIELDS_MAX 9
int csv_read_fields(csv_reader *c, const int *cols, int n, const char **out, size_t *lens);
/* Passes over the records that follow while field col of each holds the
 * len bytes at same exactly, as csv_read_fields would return them: those
 * it can judge without finishing them (no quote, read to their end). It
 * stops before the first it cannot judge or that differs, leaving it to
 * csv_read_fields. Returns how many it passed over. */
long csv_skip_same(csv_reader *c, int col, const char *same, size_t len);
/* Reads c on from its next record by the column col, while every value
 * of it forms one block: *grouped 1 at the end of the file, 0 when a value
 * comes back after another (the reading stops there). Each of the n_target
 * offsets (ascending) moves on to the first record at or after it that
 * starts a value's block: that record's start and line go to starts, told
 * to found (when not NULL) as it is found, *n_starts of them. 0,
 * PK2D_ERR_NOMEM, or the reader's error with c->error set (csv_parts.c). */
int csv_find_starts(csv_reader *c, int col, const long long *target, size_t n_target,
                    csv_range *starts, size_t *n_starts, int *grouped, csv_split_found found,
                    void *arg);
/* Makes room for at least want fields in c->fields. */
int csv_reserve_fields(csv_reader *c, int want);
/* A set of strings: open addressing over owned copies (csv_group.c). */
typedef struct csv_strset {
	char **slot;
	size_t n, cap;
} csv_strset;
/* 1 when key was in the set; 0 after adding it; <0 out of memory. */
int csv_strset_seen(csv_strset *s, const char *key);
void csv_strset_free(csv_strset *s);

/* The file's own columns: the reader's, less a code column made from area
 * names. */
static inline int csv_file_columns(const csv_reader *c)
{
	return c->n_header - c->made_column;
}

/* Whether the current record is one of the template's rows under the
 * header (csv_template.c), and not data. Every record asks, and the rows
 * are right under the header: the others are told here, without a call. */
int csv_template_match(const csv_reader *c);
static inline int csv_template_row(const csv_reader *c)
{
	return c->tmpl[0] && c->rec_line - c->header_line <= CSV_TEMPLATE_ROWS &&
	       csv_template_match(c);
}
void csv_template_free(csv_reader *c);

/* Appends a column named header to the header (the code column
 * csv_area_names makes): 0, or -1 out of memory. */
int csv_add_column(csv_reader *c, const char *header);
/* With a code column made from names (csv_areas.c): puts the current
 * record's code into it, moving any fields past the file's header one on.
 * 1, or PK2D_ERR_NOMEM with c->error set. */
int csv_area_fill(csv_reader *c);
/* With a code column made from names: the record whose fields are fields
 * is held while others are read (csv_group.c), and the reader's made code
 * will be the next record's, so its code is copied into *copy (which the
 * caller frees; NULL when the record has none made) and fields pointed at
 * the copy. 0, or PK2D_ERR_NOMEM. */
int csv_area_hold(csv_reader *c, char **fields, int n_fields, char **copy);
/* Whether the current record's area may be used (csv_areas.c): 1, or 0
 * after rejecting the record (no code found for its names, or names and
 * code that disagree). */
int csv_area_check(csv_reader *c);
/* Gives k, another reader of c's file, c's area columns: 0, or
 * PK2D_ERR_NOMEM. */
int csv_area_same(csv_reader *k, const csv_reader *c);

/* The bytes [lo, hi] of the buffer have moved to start at to (refill with
 * a pin): the records csv_group.c holds there are pointed at their new
 * place. */
void csv_group_moved(struct csv_group *g, uintptr_t lo, uintptr_t hi, char *to);
/* Frees the grouping state (csv_group.c). */
void csv_group_free(struct csv_group *g);
/* The next record in group order into c (csv_group.c): 1, 0, or <0. */
int csv_group_next(csv_reader *c);

#endif
