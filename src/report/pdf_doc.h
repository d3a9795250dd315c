/*
 * pdf_doc.h - the pages of the PDF report (report_pdf.c): A4 portrait,
 * text set by pango on cairo's PDF surface, the SVG charts of the HTML
 * report drawn by librsvg. It flows headings, paragraphs, tables and
 * charts down the pages: a heading (or a bold caption, pdf_para) waits
 * until what follows it is placed and goes on the page where that begins, a
 * table's header row is repeated on every page it spans, a row or a chart
 * is never cut in two. Every page carries the report's title at the top
 * and "page N of M" with a note at the bottom.
 *
 * Text is laid out as plain text (pango_layout_set_text, never markup), so
 * that data needs no escaping here.
 *
 * Pages are numbered "N of M": a document is laid out twice, first with
 * out NULL to count its pages (nothing is written), then for real.
 */
#ifndef PK2D_PDF_DOC_H
#define PK2D_PDF_DOC_H

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct pdf_doc pdf_doc;

/* A column of a table: its heading, its share of the text width (the
 * shares of a table add up to 1) and 'l' or 'r' alignment. */
typedef struct pdf_col {
	const char *head;
	double share;
	char align;
} pdf_col;

/* A document writing to out (NULL: counting pages only). total_pages is
 * the count from the first pass (0 in it). title heads every page; foot
 * (may be NULL) stands beside the page number; page_word is "Halaman" or
 * "Page", of_word "dari" or "of". NULL when out of memory. */
pdf_doc *pdf_doc_new(FILE *out, const char *title, const char *foot, const char *page_word,
                     const char *of_word, int total_pages);

/* A heading: level 1 (the report's title), 2 (a section), 3. */
void pdf_heading(pdf_doc *d, int level, const char *text);
/* A paragraph; bold non-zero for emphasis (a caption: kept with what
 * follows, as a heading). */
void pdf_para(pdf_doc *d, const char *text, int bold);
/* A paragraph that introduces what follows it (a chart's note): kept with
 * it, as a heading. */
void pdf_note(pdf_doc *d, const char *text);
/* The IKK as a large number with its category beside it, on a band of the
 * category's colour (colour: enum assess_colour, -1 for none). */
void pdf_figure(pdf_doc *d, const char *number, const char *label, int colour);

/* A table of n columns (at most PDF_MAX_COLS); rows follow, then the end. */
#define PDF_MAX_COLS 12
void pdf_table_begin(pdf_doc *d, size_t n, const pdf_col *cols);
/* A row of n cells (NULL is empty). colour (enum assess_colour, -1 none)
 * tints the cell colour_col: the cell's own words say the status too. */
void pdf_table_row(pdf_doc *d, const char *const *cells, int colour_col, int colour);
/* A row that is one bold cell across the table (a group's name). */
void pdf_table_group(pdf_doc *d, const char *text, int depth);
void pdf_table_end(pdf_doc *d);

/* An SVG chart (the HTML report's), scaled to share of the text width, or
 * wider up to the whole width so that its text is 9 pt at least, and kept
 * whole on one page; an SVG librsvg cannot read is left out and makes
 * pdf_doc_finish fail. */
void pdf_svg(pdf_doc *d, const char *svg, size_t len, double share);

/* The largest chart, in SVG user units, that pdf_svg draws with its text
 * at 9 pt at least on a page under a heading: a larger one (a heat map of
 * many columns or rows) is drawn in parts of that size. */
void pdf_chart_room(double *max_w, double *max_h);

/* An SVG chart written by call (an expression writing to the FILE *f it is
 * given) into memory, then drawn with pdf_svg at share of the width. */
#define CHART(d, share, call)                                               \
	do {                                                                \
		char *svg_ = NULL;                                          \
		size_t len_ = 0;                                            \
		FILE *f = open_memstream(&svg_, &len_);                      \
		if (f) {                                                    \
			call;                                               \
			if (fclose(f) == 0)                                 \
				pdf_svg(d, svg_, len_, share);              \
		}                                                           \
		free(svg_);                                                 \
	} while (0)

/* Ends the document: the last page's footer, the PDF closed. Sets *pages.
 * 0, or -1 when cairo, pango or librsvg failed (err says why) or out
 * could not be written. Frees d. */
int pdf_doc_finish(pdf_doc *d, int *pages, char *err, size_t errlen);

/* Gives back pango's font map and fontconfig's caches, which live until the
 * process ends otherwise (the next document builds them again): called
 * after a report, so that a leak checker sees what pk2d itself leaves. */
void pdf_fonts_release(void);

#endif
