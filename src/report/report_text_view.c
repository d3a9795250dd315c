/*
 * report_text_view.c - what the text report adds from the report's view:
 * the trend against the previous stored period, the intervention progress,
 * each village's assessment in a wider run, and the footer note. Tables are
 * aligned by display width (esc_width), so names with accents or wide
 * characters keep the columns straight.
 */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "i18n.h"
#include "report_assess.h"
#include "report_view.h"
#include "util.h"
#include "view_rows.h"
#include "villages_out.h"

#define NCOLS 5

typedef struct ttable {
	size_t n;
	char (*cell)[NCOLS][160];
} ttable;

static void trow(ttable *t, const char *a, const char *b, const char *c, const char *d,
                 const char *e)
{
	const char *v[NCOLS] = { a, b, c, d, e };
	void *grown = realloc(t->cell, (t->n + 1) * sizeof *t->cell);

	if (!grown)
		return;
	t->cell = grown;
	for (int k = 0; k < NCOLS; k++)
		snprintf(t->cell[t->n][k], sizeof t->cell[t->n][k], "%s", v[k] ? v[k] : "");
	t->n++;
}

/* Column 0 left, 1-3 right, 4 left; two blanks between. */
static void tprint(const ttable *t, FILE *out)
{
	size_t w[NCOLS] = { 0 };

	for (size_t r = 0; r < t->n; r++)
		for (int k = 0; k < NCOLS; k++)
			if (esc_width(t->cell[r][k]) > w[k])
				w[k] = esc_width(t->cell[r][k]);
	for (size_t r = 0; r < t->n; r++) {
		char line[1024];
		size_t o = 0;

		o += (size_t)snprintf(line + o, sizeof line - o, "  ");
		for (int k = 0; k < NCOLS && o < sizeof line; k++) {
			size_t pad = w[k] - esc_width(t->cell[r][k]);

			o += (size_t)snprintf(line + o, sizeof line - o, "%*s%s%*s%s",
			                      k > 0 && k < 4 ? (int)pad : 0, "", t->cell[r][k],
			                      k == 0 ? (int)pad : 0, "", k < NCOLS - 1 ? "  " : "");
		}
		if (o >= sizeof line)
			o = sizeof line - 1;
		while (o > 0 && line[o - 1] == ' ')
			o--;
		line[o] = 0;
		fprintf(out, "%s\n", line);
	}
}

/* A table of view rows, its columns padded to their display width
 * (esc_width), numbers to the right. Each cell is measured once and each
 * line goes out in one write: a province's report has 2,000 village
 * tables of a hundred rows. */
void report_text_table(const report_view *v, const view_table *t, FILE *out)
{
	size_t w[VIEW_MAX_COLS] = { 0 }, nc = t->n_cols, cells = (t->n_rows + 1) * nc;
	size_t *cw = xcalloc(2 * cells, sizeof *cw), *len = cw + cells, most = 0;
	char *line;

	for (size_t r = 0; r <= t->n_rows; r++) {
		size_t bytes = 3;

		for (size_t c = 0; c < nc; c++) {
			const char *cell = r ? view_cell(t, r - 1, c) : view_head(v, t, c);

			cw[r * nc + c] = esc_width(cell);
			len[r * nc + c] = strlen(cell);
			if (cw[r * nc + c] > w[c])
				w[c] = cw[r * nc + c];
			bytes += len[r * nc + c] + 2;
		}
		if (bytes > most)
			most = bytes;
	}
	for (size_t c = 0; c < nc; c++)
		most += w[c];
	line = xmalloc(most);
	for (size_t r = 0; r <= t->n_rows; r++) {
		size_t o = 2;

		memcpy(line, "  ", 2);
		for (size_t c = 0; c < nc; c++) {
			const char *cell = r ? view_cell(t, r - 1, c) : view_head(v, t, c);
			size_t pad = w[c] - cw[r * nc + c], n = len[r * nc + c];

			if (t->align[c] == 'r') {
				memset(line + o, ' ', pad);
				o += pad;
			}
			memcpy(line + o, cell, n);
			o += n;
			if (c + 1 < nc) {
				n = (t->align[c] == 'r' ? 0 : pad) + 2;
				memset(line + o, ' ', n);
				o += n;
			}
		}
		line[o++] = '\n';
		fwrite(line, 1, o, out);
	}
	free(line);
	free(cw);
}

static void trend_text(const report_view *v, const trend *t, FILE *out)
{
	char p[48], c[48], d[48];
	ttable tt = { 0 };

	fprintf(out, "\n== %s ==\n", i18n(v->lang, T_TREND));
	if (!v->store_on) {
		fprintf(out, "  %s\n", i18n(v->lang, T_NO_STORE));
		return;
	}
	if (t->model_changed)
		fprintf(out, "  ! %s (%s)\n", i18n(v->lang, T_MODEL_CHANGED), t->prev_period);
	if (!*t->prev_period) {
		fprintf(out, "  %s\n", i18n(v->lang, report_view_no_trend(v, t)));
	} else {
		view_table vt;

		view_trend_table(v, t, &vt);
		report_text_table(v, &vt, out);
		view_table_free(&vt);
	}
	if (!t->n_progress)
		return;
	fprintf(out, "\n  %s\n", i18n(v->lang, T_PROGRESS));
	trow(&tt, i18n(v->lang, T_INTERVENTION), i18n(v->lang, T_TARGET),
	     i18n(v->lang, T_REALISATION), i18n(v->lang, T_COVERAGE), i18n(v->lang, T_PERIOD));
	for (size_t i = 0; i < t->n_progress; i++)
		for (size_t k = 0; k < t->progress[i].n; k++) {
			const store_ipoint *q = &t->progress[i].points[k];

			i18n_value(v->lang, PK2D_COUNT, q->target, p, sizeof p);
			i18n_value(v->lang, PK2D_COUNT, q->realised, c, sizeof c);
			i18n_num(v->lang, report_coverage(q->target, q->realised), 1, d,
			         sizeof d);
			trow(&tt, k ? "" : i18n_pick(v->lang, t->progress[i].decl->label_id,
			                             t->progress[i].decl->label_en), p, c, d, q->period);
		}
	tprint(&tt, out);
	free(tt.cell);
}

static int villages_text(const report_view *v, size_t from, size_t to, FILE *out, void *ud)
{
	(void)ud;
	for (size_t i = from; i < to; i++) {
		fprintf(out, "\n\n######## %s %s %s ########\n", i18n(v->lang, T_VILLAGE_ASSESSMENTS),
		        v->villages[i].aa->code,
		        v->villages[i].aa->name ? v->villages[i].aa->name : "");
		report_assess_text(v, v->villages[i].aa, out);
		trend_text(v, v->villages[i].trend, out);
	}
	return 0;
}

int report_text_view(const report_view *v, FILE *out)
{
	int rc;

	if (!v->as)
		return 0;
	trend_text(v, v->main.trend, out);
	rc = villages_write(v, out, villages_text, NULL);
	if (v->note && *v->note)
		fprintf(out, "\n%s: %s\n", i18n(v->lang, T_NOTE), v->note);
	return rc;
}
