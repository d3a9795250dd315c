/*
 * xlsx.h - an Excel workbook (.xlsx) read as a table, row by row, for the
 * shared reader (csv.c), which opens a file as a workbook when it starts
 * with a zip header. Plugins see a workbook's table exactly as a CSV file.
 *
 * The table: the sheet and header cell the selector names ("Data!A5",
 * "Data"), else the first visible sheet and its first row with text; the
 * header's first cell is the table's first column (cells left of it are
 * not read). A table continues on the following visible sheets that repeat
 * its header (no more than XLSX_TITLE_ROWS rows lower than on the first
 * sheet; rows above it are a title block); the first that does not ends
 * it, and its rows and those of the visible sheets after it are counted
 * (xlsx_unread). Rows without text are skipped.
 *
 * Cells read as Excel shows them (xlsx_cell.h): shared and inline strings,
 * numbers, dates in either date system, booleans as TRUE and FALSE,
 * formulas' cached values, errors as their text (#N/A). A merged range
 * keeps its value in its first cell only; the others read empty.
 *
 * Memory is one row and the shared strings. What the workbook holds is
 * untrusted: a part that unpacks to more than XLSX_RATIO times its packed
 * size (past a grace of a few MB), or past the part limit; shared strings
 * past their limit; XML nested deeper than XLSX_DEPTH, with a DOCTYPE, or
 * malformed: each is an error naming the part, never a crash or a hang.
 */
#ifndef PK2D_XLSX_H
#define PK2D_XLSX_H

#include <stddef.h>
#include <stdint.h>

#define XLSX_RATIO 500
#define XLSX_DEPTH 32
#define XLSX_TITLE_ROWS 10

typedef struct xlsx_book xlsx_book;

/* What the reader saw in a row's cells, kept with the row (csv_group
 * stores it with a record): a 16-digit-or-longer number (an identifier
 * Excel cut to 15 digits), and a number where the column's codes are
 * written with leading zeros; each with the column of its first cell. */
#define XLSX_ROW_LONG (UINT32_C(1) << 30)
#define XLSX_ROW_ZEROS (UINT32_C(1) << 31)
#define XLSX_ROW_LONG_COL(f) ((int)((f) & 0x7FFF))
#define XLSX_ROW_ZEROS_COL(f) ((int)(((f) >> 15) & 0x7FFF))

typedef struct xlsx_row {
	char **fields;  /* the table's columns, "" where empty; the book's */
	int n;          /* up to the last cell with text */
	long line;      /* the row's number on its sheet */
	int sheet;      /* which sheet of the table (0: the first) */
	int fixed;      /* UTF8_FIXED_* bits of text repaired */
	uint32_t cells; /* XLSX_ROW_* */
} xlsx_row;

/* Whether the file starts with a zip header. */
int xlsx_is_zip(const unsigned char *head, size_t n);

/* Opens the workbook at path on the table sel names (NULL or "": the
 * default). NULL on failure with err set ("Data!A5: the header row is
 * empty", "no sheet 'Dat'; did you mean 'Data'?"). */
xlsx_book *xlsx_open(const char *path, const char *sel, char *err, size_t errlen);
/* The table's next row, the header first: 1, 0 at its end, or <0
 * (PK2D_ERR_*) with the reason in xlsx_error(): "C17: ...", or the part and
 * line of malformed XML. */
int xlsx_next(xlsx_book *b, xlsx_row *row);
const char *xlsx_error(const xlsx_book *b);
/* "FILE:SHEET" for the table's sheet n. */
const char *xlsx_where(const xlsx_book *b, int sheet);
/* The name of the table's sheet n. */
const char *xlsx_sheet(const xlsx_book *b, int sheet);
/* Once the table has ended: the n-th visible sheet after it that holds
 * rows with text, none of them read: 1 with its name, first such row and
 * their count; 0 when there is no n-th. */
int xlsx_unread(const xlsx_book *b, int n, const char **sheet, long *first_row, long *rows);
void xlsx_close(xlsx_book *b);

/* For tests: the most a part may unpack to, and the most bytes of shared
 * strings (0 keeps a limit). */
void xlsx_tune(uint64_t part, size_t strings);

#endif
