/*
 * view_wide.c - a wide area read from the top down (see view_wide.h).
 */
#include <config.h>

#include "view_wide.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "svg.h"
#include "util.h"

#define RANKED_VILLAGES 5 /* the best and the lowest villages listed */

static const char *colour_of(int colour)
{
	switch (colour) {
	case ASSESS_GREEN: return SVG_GOOD;
	case ASSESS_AMBER: return SVG_WARN;
	case ASSESS_RED: return SVG_BAD;
	default: return SVG_NONE;
	}
}

const char *view_category_short(const report_view *v, const model_range *c, char *buf,
                                size_t n)
{
	if (!c)
		snprintf(buf, n, "-");
	else
		snprintf(buf, n, "%s\u2013%s", i18n_short(v->lang, c->from), i18n_short(v->lang, c->to));
	return buf;
}

static void bars_init(view_bars *b, size_t n)
{
	b->n = 0;
	b->labels = xcalloc(n ? n : 1, sizeof *b->labels);
	b->values = xcalloc(n ? n : 1, sizeof *b->values);
	b->colours = xcalloc(n ? n : 1, sizeof *b->colours);
	b->text = xcalloc(n ? n : 1, sizeof *b->text);
	b->line = NAN;
}

static void bars_add(view_bars *b, const char *label, double value, int colour)
{
	snprintf(b->text[b->n], sizeof b->text[b->n], "%s", label);
	b->labels[b->n] = b->text[b->n];
	b->values[b->n] = value;
	b->colours[b->n++] = colour_of(colour);
}

static void bars_free(view_bars *b)
{
	free(b->labels);
	free(b->values);
	free(b->colours);
	free(b->text);
}

/* Sorts the bars by value, the best first (lower first when lower is
 * better), NaN last; a stable insertion sort (a few dozen bars). */
static void bars_rank(view_bars *b, int lower_is_better)
{
	for (size_t i = 1; i < b->n; i++)
		for (size_t k = i; k > 0; k--) {
			double a = b->values[k - 1], c = b->values[k];
			int swap = isnan(a) ? !isnan(c) : !isnan(c) && (lower_is_better ? c < a : c > a);
			char t[sizeof *b->text];
			const char *col = b->colours[k];

			if (!swap)
				break;
			memcpy(t, b->text[k], sizeof t);
			memcpy(b->text[k], b->text[k - 1], sizeof t);
			memcpy(b->text[k - 1], t, sizeof t);
			b->values[k] = a;
			b->values[k - 1] = c;
			b->colours[k] = b->colours[k - 1];
			b->colours[k - 1] = col;
		}
}

static const char *summary_name(const assess_summary *s)
{
	return s->name ? s->name : s->code;
}

/* The level of the parts the area is ranked by: the next level down (the
 * summary of a national run lists provinces only). */
static int part_level(const report_view *v)
{
	return v->main.aa->level + 1;
}

static view_bars *new_chart(view_wide *w, size_t n)
{
	view_bars *b;

	w->charts = xrealloc(w->charts, (w->n_charts + 1) * sizeof *w->charts);
	b = &w->charts[w->n_charts++];
	memset(b, 0, sizeof *b);
	bars_init(b, n);
	return b;
}

static void parts_by_ikk(const report_view *v, view_wide *w, size_t n_parts)
{
	view_bars *b = new_chart(w, n_parts);
	double line = v->as->model->attention;

	snprintf(b->title, sizeof b->title, "%s %s %s", i18n(v->lang, T_IKK_SHORT),
	         i18n(v->lang, T_BY), i18n_level(v->lang, part_level(v)));
	for (size_t i = 0; i < v->n_summary; i++) {
		const assess_summary *s = &v->summary[i];

		if (s->level == part_level(v))
			bars_add(b, summary_name(s), s->ikk, isnan(s->ikk) ? ASSESS_GREY
			         : s->ikk < line ? ASSESS_RED : ASSESS_GREEN);
	}
	b->line = line;
	snprintf(b->line_label, sizeof b->line_label, "%s %s", i18n(v->lang, T_ATTENTION_LINE),
	         i18n_fmt(v->lang, line, 0));
	bars_rank(b, 0);
}

/* A headline indicator shown on 0-100 (a share), with its target drawn. */
static void parts_by_headline(const report_view *v, view_wide *w, const reg_indicator *d,
                              size_t n_parts)
{
	view_bars *b;
	char head[512];

	if (d->kind != PK2D_PROPORTION)
		return;
	b = new_chart(w, n_parts);
	snprintf(b->title, sizeof b->title, "%s %s %s",
	         report_view_headline_label(v, d, head, sizeof head), i18n(v->lang, T_BY),
	         i18n_level(v->lang, part_level(v)));
	for (size_t i = 0; i < v->n_summary; i++) {
		const assess_summary *s = &v->summary[i];
		double value, target;
		int year, status;

		if (s->level != part_level(v))
			continue;
		value = report_view_headline(v, d, s->code);
		status = assess_value_status(v->as, d, value, &target, &year);
		bars_add(b, summary_name(s), value, status < 0 ? ASSESS_GREY : status);
		if (!isnan(target)) {
			b->line = target;
			snprintf(b->line_label, sizeof b->line_label, "%s %s",
			         i18n(v->lang, T_TARGET), i18n_short(v->lang, target));
		}
	}
	bars_rank(b, d->direction == PK2D_LOWER_IS_BETTER);
}

/* The area's own indicators with a score, the lowest first (at most 8). */
static void lowest_indicators(const report_view *v, view_wide *w)
{
	const assess_score *s = &v->main.aa->score;
	size_t n = 0;
	view_bars *b;

	for (size_t d = 0; d < s->n_dimensions; d++)
		n += s->dimensions[d].model->n_indicators;
	b = new_chart(w, n);
	snprintf(b->title, sizeof b->title, "%s", i18n(v->lang, T_LOWEST_INDICATORS));
	for (size_t d = 0; d < s->n_dimensions; d++)
		for (size_t i = 0; i < s->dimensions[d].model->n_indicators; i++) {
			const assess_indicator *ai = &s->dimensions[d].indicators[i];
			char label[160];

			if (isnan(ai->score))
				continue;
			snprintf(label, sizeof label, "%s %s", ai->model->code,
			         report_view_ind_label(v, ai));
			bars_add(b, label, ai->score, ai->status);
		}
	bars_rank(b, 1);
	if (b->n > 8)
		b->n = 8;
	b->line = v->as->model->attention;
	snprintf(b->line_label, sizeof b->line_label, "%s %s", i18n(v->lang, T_ATTENTION_LINE),
	         i18n_fmt(v->lang, b->line, 0));
}

static void distribution(const report_view *v, view_wide *w, size_t n_villages)
{
	static const int heads[] = { T_CATEGORY, T_IKK_RANGE, T_N_VILLAGES, T_SHARE };
	const model *m = v->as->model;
	size_t none = n_villages;

	view_table_init(&w->categories, 4, heads, "llrr", 0);
	bars_init(&w->distribution, m->n_ikk + 1);
	snprintf(w->distribution.title, sizeof w->distribution.title, "%s",
	         i18n(v->lang, T_VILLAGES_BY_CATEGORY));
	for (size_t c = 0; c <= m->n_ikk; c++) {
		const model_range *r = c < m->n_ikk ? &m->ikk[c] : NULL;
		size_t k = 0;
		double share;
		char range[64], label[96];

		for (size_t i = 0; i < v->n_summary; i++)
			k += v->summary[i].level == AREA_VILLAGE && v->summary[i].category == r && r;
		if (!r)
			k = none;
		none -= r ? k : 0;
		if (!r && !k)
			break;
		share = n_villages ? 100.0 * (double)k / (double)n_villages : NAN;
		view_category_short(v, r, range, sizeof range);
		snprintf(label, sizeof label, "%s (%zu)", r ? range : i18n(v->lang, T_NO_IKK), k);
		bars_add(&w->distribution, label, share, view_category_colour(v, r));
		view_table_add(&w->categories, view_category_colour(v, r), (char *[]){
			xstrdup(r ? i18n_pick(v->lang, r->label_id, r->label_en) : i18n(v->lang, T_NO_IKK)),
			xstrdup(r ? range : "-"), xasprintf("%zu", k),
			xstrdup(i18n_fmt(v->lang, share, 1)) });
	}
}

static int by_rank(const void *a, const void *b)
{
	const assess_summary *x = *(const assess_summary *const *)a;
	const assess_summary *y = *(const assess_summary *const *)b;

	return (x->rank > y->rank) - (x->rank < y->rank);
}

const char *view_district_name(const report_view *v, const char *code, char *buf, size_t n)
{
	const char *name = NULL;

	if (area_ancestor(code, AREA_DISTRICT, buf, n) < 0)
		*buf = '\0';
	else if (v->areas)
		name = areas_name(v->areas, buf);
	return name ? name : buf;
}

/* The name of the regency above a village's code (its code without one). */
static const char *regency_name(const report_view *v, const char *code, char *buf, size_t n)
{
	const char *name = NULL;

	if (area_ancestor(code, AREA_REGENCY, buf, n) < 0)
		*buf = '\0';
	else if (v->areas)
		name = areas_name(v->areas, buf);
	return name ? name : buf;
}

/* A ranked village's row; with_regency: its kabupaten/kota after its name. */
static void village_row(const report_view *v, view_table *t, const assess_summary *s,
                        int with_regency)
{
	char kec[AREAS_CODE_MAX], kab[AREAS_CODE_MAX], range[64];
	char *cells[6];
	size_t c = 0;

	view_category_short(v, s->category, range, sizeof range);
	cells[c++] = xasprintf("%zu", s->rank);
	cells[c++] = xstrdup(summary_name(s));
	if (with_regency)
		cells[c++] = xstrdup(regency_name(v, s->code, kab, sizeof kab));
	cells[c++] = xstrdup(view_district_name(v, s->code, kec, sizeof kec));
	cells[c++] = xstrdup(i18n_fmt(v->lang, s->ikk, 2));
	cells[c++] = xstrdup(range);
	view_table_add(t, view_category_colour(v, s->category), cells);
}

/* The villages with an IKK, by rank: the best and the lowest few (half of
 * them each when there are fewer than twice as many). */
static void ranked_villages(const report_view *v, view_wide *w)
{
	static const int heads[] = { T_RANK, T_VILLAGE, T_DISTRICT, T_IKK_SHORT, T_CATEGORY },
	                 heads_kab[] = { T_RANK, T_VILLAGE, T_REGENCY, T_DISTRICT, T_IKK_SHORT,
	                                 T_CATEGORY };
	const assess_summary **ranked = xcalloc(v->n_summary ? v->n_summary : 1, sizeof *ranked);
	size_t n = 0, k;
	int kab = v->main.aa->level < AREA_REGENCY;

	if (kab) {
		view_table_init(&w->best, 6, heads_kab, "rlllrl", 5);
		view_table_init(&w->lowest, 6, heads_kab, "rlllrl", 5);
	} else {
		view_table_init(&w->best, 5, heads, "rllrl", 4);
		view_table_init(&w->lowest, 5, heads, "rllrl", 4);
	}
	for (size_t i = 0; i < v->n_summary; i++)
		if (v->summary[i].level == AREA_VILLAGE && v->summary[i].rank)
			ranked[n++] = &v->summary[i];
	qsort(ranked, n, sizeof *ranked, by_rank);
	k = n / 2 < RANKED_VILLAGES ? n / 2 : RANKED_VILLAGES;
	w->best_codes = xcalloc(k ? k : 1, sizeof *w->best_codes);
	w->lowest_codes = xcalloc(k ? k : 1, sizeof *w->lowest_codes);
	for (size_t i = 0; i < k; i++) {
		village_row(v, &w->best, ranked[i], kab);
		village_row(v, &w->lowest, ranked[n - 1 - i], kab);
		w->best_codes[i] = ranked[i]->code;
		w->lowest_codes[i] = ranked[n - 1 - i]->code;
	}
	free(ranked);
}

int view_wide_build(const report_view *v, view_wide *w)
{
	size_t n_parts = 0, n_villages = 0;

	memset(w, 0, sizeof *w);
	if (!v->as || !v->wide || !v->main.aa)
		return 0;
	for (size_t i = 0; i < v->n_summary; i++) {
		n_parts += v->summary[i].level == part_level(v);
		n_villages += v->summary[i].level == AREA_VILLAGE;
	}
	parts_by_ikk(v, w, n_parts);
	for (size_t i = 0; i < v->n_headlines; i++)
		parts_by_headline(v, w, v->headlines[i], n_parts);
	lowest_indicators(v, w);
	distribution(v, w, n_villages);
	ranked_villages(v, w);
	return 1;
}

void view_wide_free(view_wide *w)
{
	for (size_t i = 0; i < w->n_charts; i++)
		bars_free(&w->charts[i]);
	free(w->charts);
	bars_free(&w->distribution);
	view_table_free(&w->categories);
	view_table_free(&w->best);
	view_table_free(&w->lowest);
	free(w->best_codes);
	free(w->lowest_codes);
	memset(w, 0, sizeof *w);
}
