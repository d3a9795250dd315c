/*
 * xlsx_book.h - what the XLSX report's sheets (report_xlsx.c) and charts
 * (xlsx_chart.c) share: the workbook being built, its formats, the cell
 * writers, and the set-up every sheet with a table gets.
 *
 * Every cell goes through xb_str or xb_num, which also keep the widest cell
 * of each column, so that xb_fit_columns can give every column of every
 * sheet a width that fits what it holds.
 */
#ifndef PK2D_XLSX_BOOK_H
#define PK2D_XLSX_BOOK_H

#include <stddef.h>
#include <stdio.h>
#include <xlsxwriter.h>

#include "report_view.h"

/* The widest cell of each column of one sheet (in characters, capped). */
struct xb_fit;

typedef struct xlsx_book {
	const report_view *v;     /* the report's view; NULL for other books */
	int lang;                 /* enum i18n_lang of the interface words */
	lxw_workbook *wb;
	lxw_format *head, *num1, *num2, *int0, *good, *warn, *bad, *title;
	lxw_format *group[PK2D_GROUP_DEPTH]; /* a declared group's heading, indented
	                                        by its depth (0: a top group) */
	struct xb_fit *fits;
	size_t n_fits;
	size_t last_fit;          /* the sheet written last, looked at first */
	int failed;
} xlsx_book;

/* Builds a workbook with build(b, ctx) (0 or a PK2D_ERR_*) in a
 * temporary file in TMPDIR, fits its columns, and copies it to f when all
 * went well. b->v and b->lang are set by the caller. 0, or a PK2D_ERR_*
 * with err set. */
int xb_write(xlsx_book *b, int (*build)(xlsx_book *b, const void *ctx), const void *ctx,
             FILE *f, char *err, size_t errlen);

/* The formats above. */
void xb_formats(xlsx_book *b);

/* A text cell (neutralised by esc_cell_text, cut to Excel's 32,767
 * characters with a note); NULL is an empty cell. */
void xb_str(xlsx_book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s,
            lxw_format *fmt);
/* A number cell; NaN is an empty cell. */
void xb_num(xlsx_book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, double x,
            lxw_format *fmt);
/* A header row of n interface words (enum i18n_key) in b->lang. */
void xb_header(xlsx_book *b, lxw_worksheet *ws, lxw_row_t r, size_t n, const int *keys);
/* =IF(den>0,100*num/den,"") with its result cached. */
void xb_percent_formula(xlsx_book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
                        lxw_col_t num_col, lxw_col_t den_col, double cached);
/* "A1"-style reference of a cell (columns up to ZZ). */
void xb_ref(char out[16], lxw_row_t r, lxw_col_t c);
/* The fill of a status (enum assess_status): good, warn, bad; NULL else. */
lxw_format *xb_status_fmt(xlsx_book *b, int status);

/* A column that holds machine keys only: hidden, never widened. */
void xb_hide_column(xlsx_book *b, lxw_worksheet *ws, lxw_col_t c);

/* Every sheet: A4 landscape, one page wide, the sheet's name and the page
 * number in the footer. */
void xb_print_setup(lxw_worksheet *ws);
/* A sheet's table of columns 0..ncols-1 whose header is row head and last
 * row last: the header (and the first frozen_cols columns) frozen, an
 * autofilter over the table, the header repeated on every printed page,
 * and xb_print_setup. */
void xb_table(lxw_worksheet *ws, lxw_row_t head, lxw_row_t last, lxw_col_t ncols,
              lxw_col_t frozen_cols);
/* Colours the cells r0..r1 x c0..c1 by the status key ("good",
 * "off_target", "attention": report_status_key) that the cell key_offset
 * columns to the right of each holds: conditional formats keyed on the
 * status the assessment computed, never a second copy of its rule. */
void xb_status_colours(xlsx_book *b, lxw_worksheet *ws, lxw_row_t r0, lxw_col_t c0,
                       lxw_row_t r1, lxw_col_t c1, int key_offset);

/* Sets every column width from the widest cell written (at the end). */
void xb_fit_columns(xlsx_book *b);

/* The charts of the IKK sheet: the dimensions (radar) from rows d0..d1
 * (labels in column 0, values in column 1), and the indicators' scores
 * against the attention line from rows i0..i1 (codes in column 0, scores
 * in column 6, the line in column 8). Placed from column at_col. */
void xlsx_chart_ikk(xlsx_book *b, lxw_worksheet *ws, const char *sheet, lxw_row_t d0,
                    lxw_row_t d1, lxw_row_t i0, lxw_row_t i1, lxw_col_t at_col);
/* The score history sheet's chart: one line per score, each a block of
 * rows (first[k]..last[k], periods in column 1, values in column 2, the
 * score's name in column 0 of its first row). */
void xlsx_chart_history(xlsx_book *b, lxw_worksheet *ws, const char *sheet,
                        const lxw_row_t *first, const lxw_row_t *last, size_t n,
                        lxw_col_t at_col);

#endif
