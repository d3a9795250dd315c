/*
 * pdf_doc.c - pages of the PDF report: cairo's PDF surface, pango for the
 * text, librsvg for the charts (pdf_doc.h).
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <librsvg/rsvg.h>
#include <pango/pangocairo.h>

#include "assess.h"
#include "pdf_doc.h"
#include "svg.h"

/* A4 in points, and its margins. */
#define PAGE_W 595.28
#define PAGE_H 841.89
#define MARGIN 48.0
#define TOP (MARGIN + 14.0)      /* below the running title */
#define BOTTOM (PAGE_H - MARGIN - 6.0)
#define TEXT_W (PAGE_W - 2 * MARGIN)
#define PAD 3.0                  /* inside a table cell */
#define FONT "DejaVu Sans"
#define BODY 9.5                 /* points */
#define PDF_MAX_KEEP 8           /* headings waiting for what follows */
/* A chart's text is drawn this large at least (points): a chart narrower
 * than its share of the width would make it is drawn wider. */
#define CHART_TEXT_MIN 9.0
#define CHART_SCALE_MIN (CHART_TEXT_MIN / SVG_TEXT_SIZE)
/* Room a chart leaves for its heading and a note above it on a page. */
#define CHART_HEAD_ROOM 70.0

struct pdf_doc {
	FILE *out;
	cairo_surface_t *surface;
	cairo_t *cr;
	PangoLayout *layout;
	PangoLayout *furniture;      /* the running title and footer: kept apart,
	                                so that a page break in the middle of
	                                laying out text leaves that text alone */
	char *title, *foot, *page_word, *of_word;
	int total, page;
	double y;
	int failed;
	char why[160];
	/* The table being laid out; its header is drawn with its first row. */
	size_t n_cols;
	pdf_col cols[PDF_MAX_COLS];
	char *heads[PDF_MAX_COLS];
	int head_waits;
	/* Its rows, kept until its end: the columns' widths are fitted to
	 * every cell before any is drawn (fit_columns). */
	struct trow {
		char *cells[PDF_MAX_COLS]; /* a group's name in cells[0] */
		int colour_col, colour;
		int group;               /* a group's row: 1 + its depth */
	} *rows;
	size_t n_rows, cap_rows;
	/* Headings and captions (bold paragraphs) not drawn yet: each is
	 * drawn with what follows it, on the page where that begins (keep). */
	size_t n_keep;
	struct keep {
		int level;               /* 1-3 a heading, 0 a caption (bold), -1 a
		                            note introducing what follows */
		char *text;
	} keep[PDF_MAX_KEEP];
};

static cairo_status_t write_out(void *closure, const unsigned char *data, unsigned int len)
{
	FILE *out = closure;

	if (!out)
		return CAIRO_STATUS_SUCCESS;
	return fwrite(data, 1, len, out) == len ? CAIRO_STATUS_SUCCESS
	                                        : CAIRO_STATUS_WRITE_ERROR;
}

/* "#rrggbb" into cairo's source colour, lightened by tint (0: as is, 1:
 * white). */
static void set_hex(cairo_t *cr, const char *hex, double tint)
{
	unsigned r = 0, g = 0, b = 0;

	sscanf(hex + 1, "%2x%2x%2x", &r, &g, &b);
	cairo_set_source_rgb(cr, (r / 255.0) * (1 - tint) + tint, (g / 255.0) * (1 - tint) + tint,
	                     (b / 255.0) * (1 - tint) + tint);
}

static const char *colour_hex(int colour)
{
	switch (colour) {
	case ASSESS_GREEN: return SVG_GOOD;
	case ASSESS_AMBER: return SVG_WARN;
	case ASSESS_RED: return SVG_BAD;
	case ASSESS_GREY: return SVG_NONE;
	default: return NULL;
	}
}

/* Sets the layout's text, size, weight, width and alignment; returns its
 * height in points. */
static double layout_text(PangoLayout *layout, const char *text, double size, int bold,
                          double width, char align)
{
	PangoFontDescription *fd = pango_font_description_new();
	int w, h;

	pango_font_description_set_family(fd, FONT);
	pango_font_description_set_size(fd, (int)(size * PANGO_SCALE));
	pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_layout_set_font_description(layout, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(layout, (int)(width * PANGO_SCALE));
	/* Lines break between words only, never inside one and never with a
	 * hyphen: a code, a number or a word is whole (the columns are wide
	 * enough for their longest word, fit_columns). */
	pango_layout_set_wrap(layout, PANGO_WRAP_WORD);
	pango_layout_set_alignment(layout, align == 'r' ? PANGO_ALIGN_RIGHT
	                                   : align == 'c' ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
	pango_layout_set_text(layout, text ? text : "", -1);
	{
		PangoAttrList *attrs = pango_attr_list_new();

		pango_attr_list_insert(attrs, pango_attr_insert_hyphens_new(FALSE));
		pango_layout_set_attributes(layout, attrs);
		pango_attr_list_unref(attrs);
	}
	pango_layout_get_size(layout, &w, &h);
	return (double)h / PANGO_SCALE;
}

static double set_text(pdf_doc *d, const char *text, double size, int bold, double width,
                       char align)
{
	return layout_text(d->layout, text, size, bold, width, align);
}

static void show_layout(pdf_doc *d, PangoLayout *layout, double x, double y)
{
	cairo_move_to(d->cr, x, y);
	pango_cairo_show_layout(d->cr, layout);
}

static void show_at(pdf_doc *d, double x, double y)
{
	show_layout(d, d->layout, x, y);
}

static void page_furniture(pdf_doc *d)
{
	PangoLayout *l = d->furniture;
	char num[96];

	cairo_set_source_rgb(d->cr, 0.33, 0.33, 0.33);
	layout_text(l, d->title, 7.5, 0, TEXT_W, 'l');
	show_layout(d, l, MARGIN, MARGIN - 12);
	if (d->total)
		snprintf(num, sizeof num, "%s %d %s %d", d->page_word, d->page, d->of_word, d->total);
	else
		snprintf(num, sizeof num, "%s %d", d->page_word, d->page);
	layout_text(l, num, 7.5, 0, TEXT_W, 'r');
	show_layout(d, l, MARGIN, PAGE_H - MARGIN + 10);
	if (d->foot) {
		/* One line: what does not fit ends in an ellipsis. */
		layout_text(l, d->foot, 7.5, 0, TEXT_W * 0.75, 'l');
		pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
		pango_layout_set_height(l, 0);
		show_layout(d, l, MARGIN, PAGE_H - MARGIN + 10);
		pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_NONE);
		pango_layout_set_height(l, -1);
	}
	cairo_set_source_rgb(d->cr, 0, 0, 0);
}

static void new_page(pdf_doc *d)
{
	cairo_show_page(d->cr);
	d->page++;
	d->y = TOP;
	page_furniture(d);
}

/* Room for h points on this page, else a new page. 1 when a page began. */
static int need(pdf_doc *d, double h)
{
	if (d->y + h <= BOTTOM || d->y <= TOP)
		return 0;
	new_page(d);
	return 1;
}

pdf_doc *pdf_doc_new(FILE *out, const char *title, const char *foot, const char *page_word,
                     const char *of_word, int total_pages)
{
	pdf_doc *d = calloc(1, sizeof *d);

	if (!d)
		return NULL;
	d->out = out;
	d->total = total_pages;
	d->title = strdup(title ? title : "");
	d->foot = foot && *foot ? strdup(foot) : NULL;
	d->page_word = strdup(page_word);
	d->of_word = strdup(of_word);
	d->surface = cairo_pdf_surface_create_for_stream(write_out, out, PAGE_W, PAGE_H);
	d->cr = cairo_create(d->surface);
	d->layout = pango_cairo_create_layout(d->cr);
	d->furniture = pango_cairo_create_layout(d->cr);
	if (!d->title || (foot && *foot && !d->foot) || !d->page_word || !d->of_word ||
	    cairo_status(d->cr) != CAIRO_STATUS_SUCCESS) {
		d->failed = 1;
		snprintf(d->why, sizeof d->why, "cannot start the PDF: %s",
		         cairo_status_to_string(cairo_status(d->cr)));
	}
	cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_TITLE, d->title);
	cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_CREATOR, "pk2d");
	d->page = 1;
	d->y = TOP;
	page_furniture(d);
	return d;
}

/* A heading's (level 1-3) or a caption's (0) size, and the room it takes
 * above and below its text. */
static double keep_size(int level)
{
	return level == 1 ? 17 : level == 2 ? 13 : level == 3 ? 11 : BODY;
}

/* A caption or note (level 0, -1) bold or not. */
static int keep_bold(int level)
{
	return level >= 0;
}

static double keep_height(pdf_doc *d, const struct keep *k)
{
	double h = set_text(d, k->text, keep_size(k->level), keep_bold(k->level), TEXT_W, 'l');

	if (k->level <= 0)
		return h + 5;
	return (k->level == 1 ? 0 : k->level == 2 ? 12 : 7) + h + 3 + (k->level == 2 ? 5 : 0);
}

static void draw_keep(pdf_doc *d, const struct keep *k)
{
	double h = set_text(d, k->text, keep_size(k->level), keep_bold(k->level), TEXT_W, 'l');

	if (k->level <= 0) {
		show_at(d, MARGIN, d->y);
		d->y += h + 5;
		return;
	}
	if (d->y > TOP)
		d->y += k->level == 1 ? 0 : k->level == 2 ? 12 : 7;
	if (k->level <= 2)
		cairo_set_source_rgb(d->cr, 0.05, 0.28, 0.63);
	show_at(d, MARGIN, d->y);
	d->y += h + 3;
	if (k->level == 2) {
		cairo_rectangle(d->cr, MARGIN, d->y, TEXT_W, 1.5);
		cairo_fill(d->cr);
		d->y += 5;
	}
	cairo_set_source_rgb(d->cr, 0, 0, 0);
}

/* Room for the waiting headings and h points of what follows them on this
 * page, else a new page; then the headings drawn. 1 when a page began. */
static int place(pdf_doc *d, double h)
{
	double hk = 0;
	int paged;

	for (size_t i = 0; i < d->n_keep; i++)
		hk += keep_height(d, &d->keep[i]);
	paged = need(d, hk + h);
	for (size_t i = 0; i < d->n_keep; i++) {
		draw_keep(d, &d->keep[i]);
		free(d->keep[i].text);
	}
	d->n_keep = 0;
	return paged;
}

/* A heading or caption kept for what follows it (place). */
static void keep_with_next(pdf_doc *d, int level, const char *text)
{
	char *t;

	if (d->n_keep == PDF_MAX_KEEP) {
		/* Headings upon headings: the first ones go down as they are. */
		draw_keep(d, &d->keep[0]);
		free(d->keep[0].text);
		memmove(d->keep, d->keep + 1, --d->n_keep * sizeof *d->keep);
	}
	if (!(t = strdup(text ? text : ""))) {
		if (!d->failed)
			snprintf(d->why, sizeof d->why, "out of memory");
		d->failed = 1;
		return;
	}
	d->keep[d->n_keep].level = level;
	d->keep[d->n_keep++].text = t;
}

void pdf_heading(pdf_doc *d, int level, const char *text)
{
	keep_with_next(d, level < 1 ? 1 : level > 3 ? 3 : level, text);
}

void pdf_note(pdf_doc *d, const char *text)
{
	keep_with_next(d, -1, text);
}

void pdf_para(pdf_doc *d, const char *text, int bold)
{
	double h;

	if (bold) {
		keep_with_next(d, 0, text);
		return;
	}
	h = set_text(d, text, BODY, 0, TEXT_W, 'l');
	place(d, h);
	set_text(d, text, BODY, 0, TEXT_W, 'l');
	show_at(d, MARGIN, d->y);
	d->y += h + 5;
}

void pdf_figure(pdf_doc *d, const char *number, const char *label, int colour)
{
	const char *hex = colour_hex(colour);
	double h = set_text(d, number, 30, 1, TEXT_W / 3, 'l') + 8;
	double lh;

	place(d, h);
	set_text(d, number, 30, 1, TEXT_W / 3, 'l');
	if (hex) {
		set_hex(d->cr, hex, 0.8);
		cairo_rectangle(d->cr, MARGIN, d->y, TEXT_W, h);
		cairo_fill(d->cr);
	}
	cairo_set_source_rgb(d->cr, 0.05, 0.28, 0.63);
	show_at(d, MARGIN + 8, d->y + 4);
	cairo_set_source_rgb(d->cr, 0, 0, 0);
	lh = set_text(d, label, 14, 1, TEXT_W * 2 / 3 - 16, 'l');
	show_at(d, MARGIN + TEXT_W / 3, d->y + (h - lh) / 2);
	d->y += h + 8;
}

/* A row's height: the tallest of its cells. */
static double row_height(pdf_doc *d, const char *const *cells, int bold)
{
	double h = 0;

	for (size_t c = 0; c < d->n_cols; c++) {
		double ch = set_text(d, cells[c], BODY - 0.5, bold, d->cols[c].share * TEXT_W - 2 * PAD,
		                     d->cols[c].align);

		if (ch > h)
			h = ch;
	}
	return h + 2 * PAD;
}

static void draw_row(pdf_doc *d, const char *const *cells, int bold, int colour_col,
                     int colour, int head)
{
	double h = row_height(d, cells, bold), x = MARGIN;
	const char *hex = colour_hex(colour);

	if (head) {
		cairo_set_source_rgb(d->cr, 0.91, 0.93, 0.97);
		cairo_rectangle(d->cr, MARGIN, d->y, TEXT_W, h);
		cairo_fill(d->cr);
	}
	for (size_t c = 0; c < d->n_cols; c++) {
		double w = d->cols[c].share * TEXT_W;

		if ((int)c == colour_col && hex) {
			set_hex(d->cr, hex, 0.55);
			cairo_rectangle(d->cr, x, d->y, w, h);
			cairo_fill(d->cr);
		}
		cairo_set_source_rgb(d->cr, 0.8, 0.8, 0.8);
		cairo_set_line_width(d->cr, 0.5);
		cairo_rectangle(d->cr, x, d->y, w, h);
		cairo_stroke(d->cr);
		cairo_set_source_rgb(d->cr, 0, 0, 0);
		set_text(d, cells[c], BODY - 0.5, bold, w - 2 * PAD, d->cols[c].align);
		show_at(d, x + PAD, d->y + PAD);
		x += w;
	}
	d->y += h;
}

static void table_head(pdf_doc *d)
{
	draw_row(d, (const char *const *)d->heads, 1, -1, -1, 1);
}

void pdf_table_begin(pdf_doc *d, size_t n, const pdf_col *cols)
{
	d->n_cols = n < PDF_MAX_COLS ? n : PDF_MAX_COLS;
	for (size_t c = 0; c < d->n_cols; c++) {
		d->cols[c] = cols[c];
		d->heads[c] = (char *)cols[c].head;
	}
	d->head_waits = 1;
}

/* Room for a row of height h under the header: the header (and the
 * headings above the table) with the first row and room for a second
 * one; on a new page the header again. */
static void row_room(pdf_doc *d, double h)
{
	if (d->head_waits) {
		place(d, row_height(d, (const char *const *)d->heads, 1) + h +
		         BODY * 1.5 + 2 * PAD);
		table_head(d);
		d->head_waits = 0;
	} else if (need(d, h)) {
		table_head(d);
	}
}

/* A row kept for the table's end; NULL cells are empty. */
static void keep_row(pdf_doc *d, const char *const *cells, size_t n, int colour_col, int colour,
                     int group)
{
	struct trow *r;

	if (d->n_rows == d->cap_rows) {
		size_t cap = d->cap_rows ? 2 * d->cap_rows : 16;
		struct trow *rows = realloc(d->rows, cap * sizeof *rows);

		if (!rows) {
			if (!d->failed)
				snprintf(d->why, sizeof d->why, "out of memory");
			d->failed = 1;
			return;
		}
		d->rows = rows;
		d->cap_rows = cap;
	}
	r = &d->rows[d->n_rows++];
	memset(r, 0, sizeof *r);
	r->colour_col = colour_col;
	r->colour = colour;
	r->group = group;
	for (size_t c = 0; c < n; c++)
		if (!(r->cells[c] = strdup(cells[c] ? cells[c] : ""))) {
			if (!d->failed)
				snprintf(d->why, sizeof d->why, "out of memory");
			d->failed = 1;
		}
}

void pdf_table_row(pdf_doc *d, const char *const *cells, int colour_col, int colour)
{
	keep_row(d, cells, d->n_cols, colour_col, colour, 0);
}

void pdf_table_group(pdf_doc *d, const char *text, int depth)
{
	keep_row(d, (const char *const[]){ text }, 1, -1, -1, 1 + depth);
}

/* The width of the longest word of text (between spaces) in points. */
static double longest_word(pdf_doc *d, const char *text, int bold)
{
	double most = 0;
	char word[256];

	while (text && *text) {
		size_t n = strcspn(text, " \n");

		if (n) {
			PangoRectangle ink, log;

			snprintf(word, sizeof word, "%.*s", (int)(n < sizeof word ? n : sizeof word - 1),
			         text);
			layout_text(d->layout, word, BODY - 0.5, bold, TEXT_W, 'l');
			pango_layout_set_width(d->layout, -1);
			pango_layout_get_extents(d->layout, &ink, &log);
			if ((double)log.width / PANGO_SCALE > most)
				most = (double)log.width / PANGO_SCALE;
		}
		text += n;
		text += strspn(text, " \n");
	}
	return most;
}

/* Each column as wide as its longest word (header and cells) at least:
 * what a column lacks is taken from the columns with room to spare, in
 * proportion to it. The shares stay when every word fits. */
static void fit_columns(pdf_doc *d)
{
	double need[PDF_MAX_COLS], have[PDF_MAX_COLS], lack = 0, spare = 0;

	for (size_t c = 0; c < d->n_cols; c++) {
		need[c] = longest_word(d, d->heads[c], 1);
		for (size_t r = 0; r < d->n_rows; r++)
			if (!d->rows[r].group) {
				double w = longest_word(d, d->rows[r].cells[c], 0);

				if (w > need[c])
					need[c] = w;
			}
		need[c] += 2 * PAD + 1;
		have[c] = d->cols[c].share * TEXT_W;
		if (need[c] > have[c])
			lack += need[c] - have[c];
		else
			spare += have[c] - need[c];
	}
	if (lack <= 0 || spare <= 0)
		return;
	for (size_t c = 0; c < d->n_cols; c++) {
		double w = need[c] > have[c] ? (lack <= spare ? need[c]
		                                             : have[c] + (need[c] - have[c]) * spare / lack)
		                             : have[c] - (have[c] - need[c]) * (lack < spare ? lack / spare : 1);

		d->cols[c].share = w / TEXT_W;
	}
}

static void draw_group(pdf_doc *d, const char *text, int depth)
{
	double indent = 10.0 * depth;
	double h = set_text(d, text, BODY - 0.5, 1, TEXT_W - 2 * PAD - indent, 'l') + 2 * PAD;

	row_room(d, h + BODY * 1.5 + 2 * PAD);
	cairo_set_source_rgb(d->cr, 0.96, 0.96, 0.96);
	cairo_rectangle(d->cr, MARGIN, d->y, TEXT_W, h);
	cairo_fill(d->cr);
	cairo_set_source_rgb(d->cr, 0, 0, 0);
	set_text(d, text, BODY - 0.5, 1, TEXT_W - 2 * PAD - indent, 'l');
	show_at(d, MARGIN + PAD + indent, d->y + PAD);
	d->y += h;
}

void pdf_table_end(pdf_doc *d)
{
	fit_columns(d);
	for (size_t i = 0; i < d->n_rows; i++) {
		struct trow *r = &d->rows[i];

		if (r->group) {
			draw_group(d, r->cells[0], r->group - 1);
		} else {
			row_room(d, row_height(d, (const char *const *)r->cells, 0));
			draw_row(d, (const char *const *)r->cells, 0, r->colour_col, r->colour, 0);
		}
		for (size_t c = 0; c < PDF_MAX_COLS; c++)
			free(r->cells[c]);
	}
	d->n_rows = 0;
	if (d->head_waits) {
		place(d, row_height(d, (const char *const *)d->heads, 1));
		table_head(d);
		d->head_waits = 0;
	}
	d->y += 8;
}

void pdf_svg(pdf_doc *d, const char *svg, size_t len, double share)
{
	GError *gerr = NULL;
	RsvgHandle *h = rsvg_handle_new_from_data((const guint8 *)svg, len, &gerr);
	gdouble w = 0, ht = 0;
	double width = share * TEXT_W, height;

	if (!h || !rsvg_handle_get_intrinsic_size_in_pixels(h, &w, &ht) || w <= 0 || ht <= 0) {
		if (!d->failed)
			snprintf(d->why, sizeof d->why, "a chart could not be drawn: %s",
			         gerr ? gerr->message : "no size");
		d->failed = 1;
		goto done;
	}
	if (width < w * CHART_SCALE_MIN)
		width = w * CHART_SCALE_MIN < TEXT_W ? w * CHART_SCALE_MIN : TEXT_W;
	height = width * ht / w;
	if (height > BOTTOM - TOP) {
		/* A tall chart (a long heat map) fits the page's height. */
		height = BOTTOM - TOP;
		width = height * w / ht;
	}
	place(d, height);
	{
		RsvgRectangle box = { MARGIN, d->y, width, height };

		if (!rsvg_handle_render_document(h, d->cr, &box, &gerr)) {
			if (!d->failed)
				snprintf(d->why, sizeof d->why, "a chart could not be drawn: %s",
				         gerr ? gerr->message : "librsvg");
			d->failed = 1;
		}
	}
	d->y += height + 8;
done:
	if (gerr)
		g_error_free(gerr);
	if (h)
		g_object_unref(h);
}

void pdf_chart_room(double *max_w, double *max_h)
{
	*max_w = TEXT_W / CHART_SCALE_MIN;
	*max_h = (BOTTOM - TOP - CHART_HEAD_ROOM) / CHART_SCALE_MIN;
}

int pdf_doc_finish(pdf_doc *d, int *pages, char *err, size_t errlen)
{
	cairo_status_t st;
	int rc = 0;

	place(d, 0);
	*pages = d->page;
	g_object_unref(d->layout);
	g_object_unref(d->furniture);
	cairo_destroy(d->cr);
	cairo_surface_finish(d->surface);
	st = cairo_surface_status(d->surface);
	cairo_surface_destroy(d->surface);
	if (d->failed) {
		snprintf(err, errlen, "%s", d->why);
		rc = -1;
	} else if (st != CAIRO_STATUS_SUCCESS) {
		snprintf(err, errlen, "the PDF could not be written: %s", cairo_status_to_string(st));
		rc = -1;
	}
	free(d->rows);
	free(d->title);
	free(d->foot);
	free(d->page_word);
	free(d->of_word);
	free(d);
	return rc;
}

void pdf_fonts_release(void)
{
	pango_cairo_font_map_set_default(NULL);
	cairo_debug_reset_static_data();
	FcFini();
}
