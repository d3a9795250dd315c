/*
 * xlsx_cell.h - a workbook cell's stored form turned into the text a person
 * sees in Excel: numbers without float noise, serial dates as dates, cell
 * references, and the _xHHHH_ escapes of OOXML text. No I/O; xlsx.c uses it.
 */
#ifndef PK2D_XLSX_CELL_H
#define PK2D_XLSX_CELL_H

#include <stddef.h>

/* Largest column and row a worksheet has (XFD1048576). */
#define XLSX_MAX_COLS 16384
#define XLSX_MAX_ROWS 1048576L

/* Whether a built-in number format (numFmtId) shows a date or a time. */
int xlsx_builtin_is_date(long id);
/* Whether a custom number format code ("dd/mm/yyyy;@") shows a date or a
 * time: a d, m, y, h or s outside quotes, brackets and escapes. */
int xlsx_format_is_date(const char *code);

/* What xlsx_number found. */
enum {
	XLSX_NUM_OK = 0,
	XLSX_NUM_UNREADABLE = 1, /* v is not a number */
	XLSX_NUM_LONG = 2        /* 16 digits or more before the point: Excel kept 15 */
};
/* The text of the numeric cell value v (as stored, "3.5", "1E-3") into out
 * (room for XLSX_NUM_MAX bytes). A date cell (date set) becomes
 * "YYYY-MM-DD", with " HH:MM:SS" when it has a time, or "HH:MM:SS" for a
 * time alone, in the 1900 or the 1904 system; a serial outside
 * 1900..9999 is shown as the number. Other numbers show at most 15
 * significant digits, integers without a point. Returns XLSX_NUM_*; on
 * XLSX_NUM_UNREADABLE out holds v as it is (cut to fit). */
#define XLSX_NUM_MAX 64
int xlsx_number(const char *v, int date, int date1904, char *out);
/* Whether out (from xlsx_number) is a whole number of fewer than digits
 * digits: a code stored as a number that lost its leading zeros. */
int xlsx_is_short_integer(const char *text, size_t digits);

/* Parses a cell reference "C17" (columns from 0, rows from 1): 0, or -1
 * when it is not one within the sheet's bounds; _n: the n bytes at r. */
int xlsx_cellref(const char *r, int *col, long *row);
int xlsx_cellref_n(const char *r, size_t n, int *col, long *row);
/* Writes column col's letters (0 -> "A", 16383 -> "XFD"). */
void xlsx_colname(int col, char out[4]);

/* Decodes OOXML's _xHHHH_ escapes in the n bytes at s, in place; returns
 * the new length. */
size_t xlsx_unescape(char *s, size_t n);

#endif
