/*
 * evaluate_pdf.c - the evaluation as a printable A4 PDF (pdf_doc.h): the
 * title, the method, then each table (evaluate_table.h). The villages' and
 * the agencies' tables are grouped by regency (a row naming it) instead of
 * repeating it in a column, and the villages' table is folded to fit the
 * page's width (villages()).
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evaluate_table.h"
#include "i18n.h"
#include "pdf_doc.h"
#include "pk2d/plugin.h"
#include "util.h"

/* Characters across the page's text at the body size (a digit of DejaVu
 * Sans as pango sets it is about 7.4 points, of 499), less one a column
 * for its padding. */
#define LINE_CHARS 66

/* The longest word of s and its whole length, in characters (UTF-8). */
static void measure(const char *s, size_t *word, size_t *whole)
{
	size_t n = 0;

	for (; *s; s++) {
		if (*s == ' ') {
			n = 0;
			continue;
		}
		if ((*s & 0xC0) != 0x80) {
			(*whole)++;
			if (++n > *word)
				*word = n;
		}
	}
}

/* Each column at least as wide as its longest word (header or cell), so
 * that no word is cut while the page has room; what room is left goes to
 * the columns whose cells would wrap, up to 20 characters each. */
static void shares(pdf_col *cols, size_t n, const size_t *word, const size_t *whole)
{
	double min = 0, extra = 0, room = LINE_CHARS - (double)n;

	for (size_t c = 0; c < n; c++) {
		min += (double)word[c];
		extra += (double)(whole[c] - word[c]);
	}
	for (size_t c = 0; c < n; c++) {
		double w = (double)word[c];

		if (min >= room)
			w *= room / min;
		else if (extra > 0)
			w += (double)(whole[c] - word[c]) * (room - min < extra ? (room - min) / extra : 1);
		cols[c].share = w / room;
	}
	/* The shares add up to 1. */
	double sum = 0;
	for (size_t c = 0; c < n; c++)
		sum += cols[c].share;
	for (size_t c = 0; c < n; c++)
		cols[c].share /= sum;
}

/* A table as it stands on paper: n columns of cells, each row under its
 * regency (a group row when it changes; NULL: no groups). */
typedef struct paper {
	size_t n, nrows;
	pdf_col cols[PDF_MAX_COLS];
	char **cells;              /* nrows * n, malloc'd */
	const char **group;        /* nrows, or NULL */
	const char **group_name;   /* the regencies' names ("" none), with group */
} paper;

/* A row; t's row r gives its group (the regency's code and name) when it
 * is not NULL. */
static void paper_row(paper *p, char **cells, const etable *t, size_t r)
{
	p->cells = xrealloc(p->cells, (p->nrows + 1) * p->n * sizeof *p->cells);
	memcpy(p->cells + p->nrows * p->n, cells, p->n * sizeof *cells);
	if (t) {
		p->group = xrealloc(p->group, (p->nrows + 1) * sizeof *p->group);
		p->group_name = xrealloc(p->group_name, (p->nrows + 1) * sizeof *p->group_name);
		p->group[p->nrows] = ev_cell(t, r, 0);
		p->group_name[p->nrows] = ev_cell(t, r, 1);
	}
	p->nrows++;
}

static void paper_col(paper *p, int lang, int word)
{
	p->cols[p->n++] = (pdf_col){ i18n(lang, ev_text(word)), 0,
	                            ev_decimals(word) >= 0 ? 'r' : 'l' };
}

/* The ranking and the agencies as they are, the regency (when it is the
 * first column, its name the second) as the rows' group. */
static void plain(paper *p, const etable *t, int lang)
{
	size_t from = t->head[0] == W_REGENCY ? 2 : 0, col[PDF_MAX_COLS];

	/* A regency's name in its code's cell ("63.02 Kabupaten Kotabaru"). */
	for (size_t c = from; c < t->ncols && p->n < PDF_MAX_COLS; c++)
		if (t->head[c] != W_REGENCY_NAME) {
			col[p->n] = c;
			paper_col(p, lang, t->head[c]);
		}
	for (size_t r = 0; r < t->nrows; r++) {
		char *cells[PDF_MAX_COLS];

		for (size_t c = 0; c < p->n; c++) {
			const char *v = ev_cell(t, r, col[c]);
			const char *name = t->head[col[c]] == W_REGENCY && col[c] + 1 < t->ncols &&
			                   t->head[col[c] + 1] == W_REGENCY_NAME ?
			                   ev_cell(t, r, col[c] + 1) : "";

			cells[c] = *name ? xasprintf("%s %s", v, name) : xstrdup(v);
		}
		paper_row(p, cells, from ? t : NULL, r);
	}
}

static size_t col_of(const etable *t, int word)
{
	size_t c = 0;

	while (c < t->ncols && t->head[c] != word)
		c++;
	return c;
}

/* The villages folded to fit the page: an IKK with its category and
 * period ("60,00 lo (2023)"), the problems closed and opened in one cell,
 * and a changed comparison marked '*' by the change, said under the table. */
static int villages(paper *p, const etable *t, int lang)
{
	size_t c_ikk[2] = { col_of(t, W_IKK_FIRST), col_of(t, W_IKK_LATEST) };
	size_t c_cat[2] = { col_of(t, W_CAT_FIRST), col_of(t, W_CAT_LATEST) };
	size_t c_per[2] = { col_of(t, W_FIRST), col_of(t, W_LATEST) };
	int marked = 0;

	paper_col(p, lang, W_VILLAGE);
	paper_col(p, lang, W_STAGE);
	paper_col(p, lang, W_IKK_FIRST);
	paper_col(p, lang, W_IKK_LATEST);
	paper_col(p, lang, W_CHANGE);
	p->cols[p->n++] = (pdf_col){ i18n(lang, T_EV_CLOSED_OPENED), 0, 'r' };
	for (size_t r = 0; r < t->nrows; r++) {
		const char *note = ev_cell(t, r, col_of(t, W_NOTE));
		const char *vname = ev_cell(t, r, col_of(t, W_VILLAGE_NAME));
		char *cells[6] = { *vname ? xasprintf("%s %s", ev_cell(t, r, col_of(t, W_VILLAGE)), vname)
		                          : xstrdup(ev_cell(t, r, col_of(t, W_VILLAGE))),
		                   xstrdup(ev_cell(t, r, col_of(t, W_STAGE))) };

		for (int k = 0; k < 2; k++)
			cells[2 + k] = *ev_cell(t, r, c_per[k]) ?
			               xasprintf("%s %s (%s)", ev_cell(t, r, c_ikk[k]),
			                         ev_cell(t, r, c_cat[k]), ev_cell(t, r, c_per[k])) :
			               xstrdup("-");
		cells[4] = xasprintf("%s%s", ev_cell(t, r, col_of(t, W_CHANGE)), *note ? " *" : "");
		cells[5] = xasprintf("%s / %s", ev_cell(t, r, col_of(t, W_CLOSED)),
		                     ev_cell(t, r, col_of(t, W_OPENED)));
		paper_row(p, cells, t, r);
		marked |= *note != '\0';
	}
	return marked;
}

static void lay_table(pdf_doc *d, paper *p, int lang)
{
	size_t word[PDF_MAX_COLS] = { 0 }, whole[PDF_MAX_COLS] = { 0 };
	const char *group = NULL;

	for (size_t c = 0; c < p->n; c++) {
		size_t hw = 0;

		measure(p->cols[c].head, &word[c], &hw);
		word[c] = (word[c] * 11 + 9) / 10;  /* a header is bold: a tenth wider */
		for (size_t r = 0; r < p->nrows; r++) {
			size_t w = 0, all = 0;

			measure(p->cells[r * p->n + c], &w, &all);
			word[c] = w > word[c] ? w : word[c];
			whole[c] = all > whole[c] ? all : whole[c];
		}
		whole[c] = whole[c] > 20 ? 20 : whole[c] < word[c] ? word[c] : whole[c];
	}
	shares(p->cols, p->n, word, whole);
	pdf_table_begin(d, p->n, p->cols);
	for (size_t r = 0; r < p->nrows; r++) {
		if (p->group && (!group || strcmp(group, p->group[r]))) {
			char name[128];

			group = p->group[r];
			if (*p->group_name[r])
				snprintf(name, sizeof name, "%s %s", group, p->group_name[r]);
			else
				snprintf(name, sizeof name, "%s %s", i18n(lang, ev_text(W_REGENCY)), group);
			pdf_table_group(d, name, 0);
		}
		pdf_table_row(d, (const char *const *)&p->cells[r * p->n], -1, -1);
	}
	pdf_table_end(d);
	for (size_t i = 0; i < p->nrows * p->n; i++)
		free(p->cells[i]);
	free(p->cells);
	free(p->group);
	free(p->group_name);
}

static void table(pdf_doc *d, const etable *t, int lang)
{
	paper p = { 0 };
	int marked = 0;

	pdf_heading(d, 2, i18n(lang, ev_text(t->title)));
	if (t->title == W_VILLAGES)
		marked = villages(&p, t, lang);
	else
		plain(&p, t, lang);
	lay_table(d, &p, lang);
	if (marked) {
		char note[160];

		snprintf(note, sizeof note, "* %s", i18n(lang, ev_text(W_CHANGED)));
		pdf_para(d, note, 0);
	}
}

/* What a chart is drawn with. */
typedef struct chart_to {
	pdf_doc *d;
	const evaluation *e;
	int lang;
} chart_to;

/* A lokus village's chart under its code. */
static void chart(void *ctx, const char *village, const view_history *h, int first)
{
	const chart_to *c = ctx;

	if (first)
		pdf_heading(c->d, 2, i18n(c->lang, T_EV_TRENDS));
	pdf_heading(c->d, 3, village);
	CHART(c->d, 1.0, ev_chart(f, c->e, h, c->lang));
}

static int lay_out(const evaluation *e, const etable t[EV_TABLES], int lang, FILE *out,
                   int total, int *pages, char *err, size_t errlen)
{
	const char *title = i18n(lang, ev_text(W_TITLE));
	pdf_doc *d = pdf_doc_new(out, title, "pk2d " PACKAGE_VERSION, i18n(lang, T_PAGE),
	                         i18n(lang, T_OF), total);

	if (!d) {
		snprintf(err, errlen, "out of memory");
		return PK2D_ERR_NOMEM;
	}
	pdf_heading(d, 1, title);
	pdf_para(d, i18n(lang, ev_text(W_METHOD)), 0);
	for (int k = 0; k < EV_TABLES; k++)
		table(d, &t[k], lang);
	ev_each_history(e, lang, chart, &(chart_to){ d, e, lang });
	return pdf_doc_finish(d, pages, err, errlen) ? PK2D_ERR_IO : 0;
}

int evaluate_pdf(const evaluation *e, int lang, FILE *out, char *err, size_t errlen)
{
	etable t[EV_TABLES];
	int pages = 0, rc;

	ev_build(e, lang, EV_TEXT, t);
	/* "Page N of M": the first pass counts M. */
	if ((rc = lay_out(e, t, lang, NULL, 0, &pages, err, errlen)) == 0)
		rc = lay_out(e, t, lang, out, pages, &pages, err, errlen);
	pdf_fonts_release();
	ev_free(t);
	return rc;
}
