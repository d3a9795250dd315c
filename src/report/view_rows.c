/*
 * view_rows.c - the sections the human writers lay out alike, as rows of
 * text cells (see view_rows.h).
 */
#include <config.h>

#include "view_rows.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "agency_problems.h"
#include "i18n.h"
#include "planner.h"
#include "util.h"

void view_table_init(view_table *t, size_t n_cols, const int *heads, const char *align,
                       int colour_col)
{
	memset(t, 0, sizeof *t);
	t->n_cols = n_cols;
	memcpy(t->heads, heads, n_cols * sizeof *heads);
	t->align = align;
	t->colour_col = colour_col;
}

void view_table_add(view_table *t, int colour, char **cells)
{
	if (t->n_rows == t->cap_rows) {
		t->cap_rows = t->cap_rows ? 2 * t->cap_rows : 16;
		t->cells = xrealloc(t->cells, t->cap_rows * t->n_cols * sizeof *t->cells);
		t->colour = xrealloc(t->colour, t->cap_rows * sizeof *t->colour);
	}
	memcpy(t->cells + t->n_rows * t->n_cols, cells, t->n_cols * sizeof *cells);
	t->colour[t->n_rows++] = colour;
}

void view_table_free(view_table *t)
{
	for (size_t i = 0; i < t->n_rows * t->n_cols; i++)
		free(t->cells[i]);
	free(t->cells);
	free(t->colour);
	t->cells = NULL;
	t->colour = NULL;
	t->n_rows = t->cap_rows = 0;
}

/* s with more appended (s may be NULL); returns the new string. */
static char *append(char *s, const char *more)
{
	char *r = xasprintf("%s%s", s ? s : "", more);

	free(s);
	return r;
}

/* s with "; " (unless first), "RT n" or the area, and what appended. */
static char *add_place(char *s, int first, int rt, const char *area, const char *what)
{
	char *r = rt > 0 ? xasprintf("%s%sRT %d%s", s, first ? "" : "; ", rt, what)
	                 : xasprintf("%s%s%s%s", s, first ? "" : "; ", area, what);

	free(s);
	return r;
}

/* "RT 1 (40,0); 63.02.09.2001 (38,5)": the worst places. */
static char *places(const report_view *v, const assess_place *w, size_t n)
{
	char *s = xstrdup(""), what[64];

	for (size_t k = 0; k < n; k++) {
		snprintf(what, sizeof what, " (%s)", rv_num(v, w[k].value, 1));
		s = add_place(s, !k, w[k].rt, w[k].area, what);
	}
	return s;
}

/* "RT 1: 3/5; RT 2: 2/4": where the changes are taken. */
static char *steps(const report_view *v, const assess_step *st, size_t n)
{
	char *s = xstrdup(""), what[64];

	for (size_t k = 0; k < n; k++) {
		snprintf(what, sizeof what, ": %s/%s", rv_cnt(v, st[k].take),
		         rv_cnt(v, st[k].affected));
		s = add_place(s, !k, st[k].rt, st[k].area, what);
	}
	return s;
}

static const char *label(const report_view *v, const reg_indicator *d)
{
	return i18n_pick(v->lang, d->label_id, d->label_en);
}

static const char *range(const report_view *v, const model_range *r)
{
	return r ? i18n_pick(v->lang, r->label_id, r->label_en) : "-";
}

/* An agency row's word with its capaian: "belum tercapai (capaian 96,0 %)". */
static char *row_word(const report_view *v, const assess_row *r)
{
	const char *w = report_view_row_word(v, r, 1);

	return xstrdup(w ? w : "-");
}

void view_agency_problems(const report_view *v, const assess_area *aa, view_table *t)
{
	static const int heads[] = { T_NO, T_INDICATOR, T_AGENCY, T_REALISATION, T_TARGET,
	                             T_RELATIVE_GAP, T_CATEGORY, T_WORST };

	view_table_init(t, 8, heads, "rllrrrll", 6);
	for (size_t i = 0; i < aa->n_agency_problems; i++) {
		const assess_agency_problem *p = &aa->agency_problems[i];
		const assess_row *r = p->row;
		char *cells[] = {
			xasprintf("%zu", aa->n_problems + i + 1), xstrdup(label(v, r->decl)),
			xstrdup(p->agency), xstrdup(rv_val(v, r->decl, r->value)),
			xstrdup(report_view_target(v, r->decl, 1, r->target, r->target_year)),
			xstrdup(rv_num(v, p->relative_gap, 1)), row_word(v, r),
			places(v, p->worst, p->n_worst),
		};

		view_table_add(t, r->colour, cells);
	}
}

void view_planner(const report_view *v, const assess_area *aa, view_table *t)
{
	static const int heads[] = { T_NO, T_INDICATOR, T_TO_CHANGE, T_WHERE };

	view_table_init(t, 4, heads, "rlrl", -1);
	for (size_t i = 0; i < aa->n_problems; i++) {
		const assess_problem *p = &aa->problems[i];
		char *cells[] = {
			xasprintf("%zu", i + 1),
			xasprintf("%s %s", p->indicator->model->code,
			          report_view_ind_label(v, p->indicator)),
			xasprintf("%s KK", rv_cnt(v, p->to_change)), steps(v, p->steps, p->n_steps),
		};

		view_table_add(t, -1, cells);
	}
	for (size_t i = 0; i < aa->n_agency_problems; i++) {
		const assess_agency_problem *p = &aa->agency_problems[i];
		char *cells[] = {
			xasprintf("%zu", aa->n_problems + i + 1), xstrdup(label(v, p->row->decl)),
			xstrdup(isnan(p->to_change) ? rv_t(v, T_NOT_A_MEAN) : rv_cnt(v, p->to_change)),
			steps(v, p->steps, p->n_steps),
		};

		view_table_add(t, -1, cells);
	}
}

int view_planner_ikk(const report_view *v, const assess_area *aa, char *lines[2])
{
	const assess_ikk_plan *pl = aa->ikk_plan;
	char *s;

	if (!pl)
		return 0;
	s = xasprintf("IKK %s: ", rv_num(v, aa->score.ikk, 2));
	if (!pl->next) {
		s = append(s, rv_t(v, T_TOP_CATEGORY));
	} else {
		char *part = xasprintf("%s %s (\xe2\x89\xa5 %s); %s: %s", rv_t(v, T_NEXT_CATEGORY),
		                       range(v, pl->next), rv_num(v, pl->next->from, 2),
		                       rv_t(v, T_CHANGES), isnan(pl->changes)
		                       ? rv_t(v, T_OUT_OF_REACH) : rv_cnt(v, pl->changes));

		s = append(s, part);
		free(part);
		for (size_t k = 0; k < pl->n_moves; k++) {
			part = xasprintf("%s%s %s \xc3\x97 %s", k ? ", " : " (",
			                 pl->moves[k].indicator->model->code,
			                 rv_cnt(v, pl->moves[k].changes), rv_num(v, pl->moves[k].gain, 3));
			s = append(s, part);
			free(part);
		}
		if (pl->n_moves)
			s = append(s, ")");
	}
	lines[0] = s;
	lines[1] = xasprintf("%s: %s (%s)", rv_t(v, T_IKK_AT_LINES), rv_num(v, pl->ikk_at_lines, 2),
	                     range(v, pl->category_at_lines));
	return 1;
}

static void push(char ***list, size_t *n, char *s)
{
	*list = xrealloc(*list, (*n + 1) * sizeof **list);
	(*list)[(*n)++] = s;
}

void view_unused_build(const report_view *v, view_unused *u)
{
	const unused_ctx *c = &v->unused;
	char buf[2048];

	memset(u, 0, sizeof *u);
	if (!unused_any(c->acct))
		return;
	for (size_t i = 0; c->acct->n_failed && i < c->acct->n; i++)
		if (c->acct->files[i].failure != ACCT_FINE)
			push(&u->failures, &u->n_failures,
			     xstrdup(unused_failure(c, &c->acct->files[i], buf, sizeof buf)));
	u->headline = xstrdup(unused_headline(c, buf, sizeof buf));
	for (size_t i = 0; i < c->acct->n; i++) {
		const acct_file *f = &c->acct->files[i];

		if (acct_file_lossy(f))
			push(&u->files, &u->n_files, xasprintf("%s (%s): %s", f->st->path, f->instance,
			                                       unused_file_counts(c, f, buf, sizeof buf)));
	}
}

void view_unused_free(view_unused *u)
{
	for (size_t i = 0; i < u->n_failures; i++)
		free(u->failures[i]);
	free(u->failures);
	for (size_t i = 0; i < u->n_files; i++)
		free(u->files[i]);
	free(u->files);
	free(u->headline);
	memset(u, 0, sizeof *u);
}

void view_lokus_build(const report_view *v, char **line, view_table *t)
{
	static const int heads[] = { T_CODE, T_NAME, T_EV_STAGE };
	char buf[512];

	view_table_init(t, 3, heads, "lll", -1);
	*line = NULL;
	if (!v->n_lokus)
		return;
	snprintf(buf, sizeof buf, i18n_format(v->lang, T_FMT_LOKUS_ONLY, "%zu%d"), v->n_lokus,
	         v->lokus_year);
	*line = xstrdup(buf);
	for (size_t i = 0; i < v->n_lokus; i++) {
		const char *name = v->areas ? areas_name(v->areas, v->lokus[i].code) : NULL;
		char *cells[3];

		cells[0] = xstrdup(v->lokus[i].code);
		cells[1] = xstrdup(name ? name : "-");
		cells[2] = xstrdup(v->lokus[i].stage ? v->lokus[i].stage : "-");
		view_table_add(t, -1, cells);
	}
}

int view_category_colour(const report_view *v, const model_range *category)
{
	size_t i;

	if (!category)
		return -1;
	i = (size_t)(category - v->as->model->ikk);
	return i == 0 ? ASSESS_GREEN : i == 1 ? ASSESS_AMBER : ASSESS_RED;
}

/* "2 Intervensi", or "Belum ada intervensi". */
static char *followup_word(const report_view *v, size_t n_actions)
{
	return n_actions ? xasprintf("%zu %s", n_actions, rv_t(v, T_INTERVENTIONS))
	                 : xstrdup(rv_t(v, T_NO_INTERVENTION));
}

static void summary_dims(const report_view *v, const assess_score *sc, view_table *t)
{
	static const int heads[] = { T_DIMENSION, T_VALUE, T_INDICATORS };

	view_table_init(t, 3, heads, "lrr", -1);
	for (size_t i = 0; i < sc->n_dimensions; i++) {
		const assess_dimension *d = &sc->dimensions[i];
		char *cells[] = {
			xstrdup(i18n_pick(v->lang, d->model->label_id, d->model->label_en)),
			xstrdup(rv_num(v, d->value, 2)),
			xasprintf("%zu/%zu", d->n_available, d->model->n_indicators),
		};

		view_table_add(t, -1, cells);
	}
}

/* The value a problem's indicator must reach: under the attention line,
 * the line on the value's scale (a lower-is-better value is scored 100 -
 * value); else its target. */
static double problem_line(const report_view *v, const assess_problem *p)
{
	const assess_indicator *ai = p->indicator;
	double line = v->as->model->attention;

	if (p->attention_gap > 0)
		return ai->decl->direction == PK2D_LOWER_IS_BETTER ? 100 - line : line;
	return ai->target;
}

static void summary_problems(const report_view *v, const assess_area *aa, view_table *t)
{
	static const int heads[] = { T_PROBLEMS, T_STATUS, T_VALUE, T_TARGET, T_FOLLOWUP };

	view_table_init(t, 5, heads, "llrrl", 1);
	for (size_t i = 0; i < aa->n_agency_problems && i < VIEW_SUMMARY_PROBLEMS; i++) {
		const assess_agency_problem *p = &aa->agency_problems[i];
		const assess_row *r = p->row;
		char *cells[] = {
			xasprintf("%s (%s)", label(v, r->decl), p->agency),
			row_word(v, r), xstrdup(rv_val(v, r->decl, r->value)),
			xstrdup(report_view_target(v, r->decl, r->has_target, r->target,
			                           r->target_year)),
			followup_word(v, p->n_actions),
		};

		view_table_add(t, r->colour, cells);
	}
	for (size_t i = 0; i < aa->n_problems && i < VIEW_SUMMARY_PROBLEMS; i++) {
		const assess_problem *p = &aa->problems[i];
		const assess_indicator *ai = p->indicator;
		char *cells[] = {
			xasprintf("%s %s", ai->model->code, report_view_ind_label(v, ai)),
			xstrdup(report_view_ind_status(v, ai)), xstrdup(rv_num(v, ai->value, 1)),
			xstrdup(rv_num(v, problem_line(v, p), 1)),
			followup_word(v, p->n_actions),
		};

		view_table_add(t, ai->status, cells);
	}
}

/* The headline indicators' rows in aa, in v->headlines' order, with the
 * target's state ("belum tercapai") as their status. */
static void summary_headlines(const report_view *v, const assess_area *aa, view_table *t)
{
	static const int heads[] = { T_INDICATOR, T_AGENCY, T_REALISATION, T_TARGET, T_STATUS };

	view_table_init(t, 5, heads, "llrrl", 4);
	for (size_t h = 0; h < v->n_headlines; h++)
		for (size_t g = 0; g < aa->n_agencies; g++)
			for (size_t i = 0; i < aa->agencies[g].n_rows; i++) {
				const assess_row *r = &aa->agencies[g].rows[i];
				char *cells[5];

				if (r->decl != v->headlines[h])
					continue;
				cells[0] = xstrdup(label(v, r->decl));
				cells[1] = xstrdup(aa->agencies[g].agency);
				cells[2] = xstrdup(r->has_value ? rv_val(v, r->decl, r->value) : "-");
				cells[3] = xstrdup(report_view_target(v, r->decl, r->has_target, r->target,
				                                      r->target_year));
				cells[4] = xstrdup(report_view_target_state(v, r));
				view_table_add(t, r->colour, cells);
			}
}

void view_summary_build(const report_view *v, const assess_area *aa, view_summary *s)
{
	char buf[1024];

	memset(s, 0, sizeof *s);
	s->colour = -1;
	if (v->title)
		s->title = xstrdup(v->title);
	else if (aa)
		s->title = xasprintf("%s \xe2\x80\x94 %s", rv_t(v, T_TITLE),
		                     i18n_area_title(v->lang, aa->code, aa->name, buf, sizeof buf));
	else
		s->title = xstrdup(rv_t(v, T_REPORT));
	s->sub = xasprintf("%s %s \xc2\xb7 %s %s", rv_t(v, T_CODE), aa ? aa->code : v->area,
	                   rv_t(v, T_PERIOD), v->period);
	view_unused_build(v, &s->unused);
	view_lokus_build(v, &s->lokus, &s->lokus_villages);
	if (!aa)
		return;
	s->assessed = 1;
	s->ikk = xstrdup(rv_num(v, aa->score.ikk, 2));
	s->category = xstrdup(aa->score.category ? range(v, aa->score.category)
	                                         : rv_t(v, T_IKK_MISSING));
	s->colour = view_category_colour(v, aa->score.category);
	summary_dims(v, &aa->score, &s->dims);
	summary_problems(v, aa, &s->problems);
	if (!s->problems.n_rows)
		s->looked_at = xstrdup(report_view_looked_at(v, aa, buf, sizeof buf));
	summary_headlines(v, aa, &s->headlines);
}

void view_summary_free(view_summary *s)
{
	free(s->title);
	free(s->sub);
	free(s->ikk);
	free(s->category);
	free(s->looked_at);
	view_table_free(&s->dims);
	view_table_free(&s->problems);
	view_table_free(&s->headlines);
	view_unused_free(&s->unused);
	free(s->lokus);
	view_table_free(&s->lokus_villages);
}

/* The attention line's legend in lang; "" for none (NaN). */
static const char *line_label_of(int lang, double attention, char *buf)
{
	if (isnan(attention))
		buf[0] = '\0';
	else
		snprintf(buf, VIEW_LINE_LABEL, "%s %s", i18n(lang, T_ATTENTION_LINE),
		         i18n_fmt(lang, attention, 0));
	return buf;
}

const char *view_line_label(const report_view *v, char *buf)
{
	return line_label_of(v->lang, v->as->model->attention, buf);
}

/* The row of score p, labelled label, into row r of h. */
static void heat_row(const report_view *v, view_heatmap *h, size_t r, const assess_score *p,
                     const char *label)
{
	size_t c = 0;

	snprintf(h->row_text[r], sizeof h->row_text[r], "%s", label);
	h->row_labels[r] = h->row_text[r];
	for (size_t d = 0; d < p->n_dimensions; d++)
		for (size_t i = 0; i < p->dimensions[d].model->n_indicators; i++) {
			h->col_labels[c] = p->dimensions[d].model->indicators[i].code;
			h->values[r * h->cols + c++] = p->dimensions[d].indicators[i].score;
		}
	h->col_labels[c] = i18n(v->lang, T_IKK_SHORT);
	h->values[r * h->cols + c] = p->ikk;
}

static int is_child(const assess_summary *s, const assess_area *aa)
{
	return s->level == aa->level + 1 && area_within(s->code, aa->code);
}

/* The areas one level below a kabupaten or wider area, each assessed. */
static void heat_children(const report_view *v, const assess_area *aa, view_heatmap *h)
{
	size_t n = 0;

	for (size_t i = 0; i < v->n_summary; i++)
		n += is_child(&v->summary[i], aa);
	h->rows = n;
	h->row_labels = xcalloc(n ? n : 1, sizeof *h->row_labels);
	h->values = xcalloc((n ? n : 1) * h->cols, sizeof *h->values);
	h->row_text = xcalloc(n ? n : 1, sizeof *h->row_text);
	n = 0;
	for (size_t i = 0; i < v->n_summary; i++) {
		const assess_summary *s = &v->summary[i];
		assess_area *child;

		if (!is_child(s, aa))
			continue;
		if (!(child = assess_area_compute(v->as, s->code))) {
			/* Out of memory: the row says "no value" rather than
			 * go missing. */
			heat_row(v, h, n, &aa->score, s->name ? s->name : s->code);
			for (size_t c = 0; c < h->cols; c++)
				h->values[n * h->cols + c] = NAN;
			n++;
			continue;
		}
		heat_row(v, h, n++, &child->score, s->name ? s->name : s->code);
		assess_area_free(child);
	}
}

int view_heatmap_build(const report_view *v, const assess_area *aa, view_heatmap *h)
{
	const assess_score *s = &aa->score;
	int level = aa->level < AREA_DISTRICT ? aa->level + 1 : AREA_VILLAGE;

	memset(h, 0, sizeof *h);
	if (!aa->n_parts)
		return 0;
	h->cols = 1;
	for (size_t d = 0; d < s->n_dimensions; d++)
		h->cols += s->dimensions[d].model->n_indicators;
	h->col_labels = xcalloc(h->cols, sizeof *h->col_labels);
	h->areas = aa->level < AREA_VILLAGE;
	if (!h->areas)
		snprintf(h->title, sizeof h->title, "%s", i18n(v->lang, T_RT_BREAKDOWN));
	else
		snprintf(h->title, sizeof h->title, "%s %s %s", i18n(v->lang, T_SCORE),
		         i18n(v->lang, T_BY), i18n_level(v->lang, level));
	view_line_label(v, h->line_label);
	if (aa->level < AREA_DISTRICT) {
		heat_children(v, aa, h);
		return h->rows > 0;
	}
	h->rows = aa->n_parts;
	h->row_labels = xcalloc(h->rows, sizeof *h->row_labels);
	h->values = xcalloc(h->rows * h->cols, sizeof *h->values);
	h->row_text = xcalloc(h->rows, sizeof *h->row_text);
	for (size_t r = 0; r < h->rows; r++) {
		const assess_score *p = &aa->parts[r];
		const char *name = p->rt < 0 && v->areas ? areas_name(v->areas, p->area) : NULL;
		char label[32];

		if (p->rt > 0)
			snprintf(label, sizeof label, "RT %d", p->rt);
		else if (p->rt == 0)
			snprintf(label, sizeof label, "RT ?");
		heat_row(v, h, r, p, p->rt >= 0 ? label : name ? name : p->area);
	}
	return 1;
}

void view_heatmap_free(view_heatmap *h)
{
	free(h->row_labels);
	free(h->col_labels);
	free(h->values);
	free(h->row_text);
}

int view_history_build(const report_view *v, const trend *t, view_history *h)
{
	return view_history_of(v->lang, v->as->model->attention, t, h);
}

int view_history_of(int lang, double attention, const trend *t, view_history *h)
{
	const trend_dim *ikk = t->n_dims ? &t->dims[0] : NULL;

	memset(h, 0, sizeof *h);
	if (!ikk || ikk->n_history < 2)
		return 0;
	h->n = ikk->n_history;
	h->n_series = t->n_dims;
	h->labels = xcalloc(h->n, sizeof *h->labels);
	h->names = xcalloc(h->n_series, sizeof *h->names);
	h->values = xcalloc(h->n * h->n_series, sizeof *h->values);
	for (size_t i = 0; i < h->n; i++)
		h->labels[i] = ikk->history[i].period;
	for (size_t k = 0; k < h->n_series; k++) {
		const trend_dim *dm = &t->dims[k];

		h->names[k] = dm->model ? i18n_pick(lang, dm->model->label_id, dm->model->label_en)
		                        : i18n(lang, T_IKK_SHORT);
		for (size_t i = 0; i < h->n; i++) {
			h->values[k * h->n + i] = NAN;
			for (size_t j = 0; j < dm->n_history; j++)
				if (!strcmp(dm->history[j].period, h->labels[i]))
					h->values[k * h->n + i] = dm->history[j].value;
		}
	}
	line_label_of(lang, attention, h->line_label);
	return 1;
}

void view_history_free(view_history *h)
{
	free(h->labels);
	free(h->names);
	free(h->values);
}

/* A change as shown (trend_delta: the difference of the values as shown)
 * as a cell, signed, with the decimals of the values (a score's two, an
 * indicator's kind's): "+1,3", "0,0"; "-" when there is nothing to
 * compare. */
static char *change_cell(const report_view *v, const reg_indicator *d, double delta)
{
	if (isnan(delta))
		return xstrdup("-");
	return xasprintf("%s%s", delta > 0 ? "+" : "",
	                 d ? rv_val(v, d, delta) : rv_num(v, delta, TREND_SCORE_DECIMALS));
}

/* The colour of a change: green better, red worse. */
static int change_colour(int change)
{
	return change == TREND_BETTER ? ASSESS_GREEN : change == TREND_WORSE ? ASSESS_RED : -1;
}

void view_trend_table(const report_view *v, const trend *t, view_table *out)
{
	static const int heads[] = { T_CODE, T_INDICATOR, T_PERIOD, T_PERIOD, T_CHANGE, T_STATUS };
	char note[VIEW_NOTE];

	view_table_init(out, 6, heads, "llrrrl", 5);
	out->head_text[2] = t->prev_period;
	out->head_text[3] = t->period;
	if (!*t->prev_period)
		return;
	for (size_t i = 0; i < t->n_dims; i++) {
		const trend_dim *d = &t->dims[i];
		char *cells[] = {
			d->model ? xasprintf("dim.%s", d->model->key) : xstrdup("ikk"),
			xstrdup(d->model ? i18n_pick(v->lang, d->model->label_id, d->model->label_en)
			                 : rv_t(v, T_IKK_SHORT)),
			xstrdup(rv_num(v, d->prev, TREND_SCORE_DECIMALS)),
			xstrdup(rv_num(v, d->cur, TREND_SCORE_DECIMALS)), change_cell(v, NULL, d->delta),
			xstrdup(report_view_change_word(v, d->change)),
		};

		view_table_add(out, change_colour(d->change), cells);
	}
	for (size_t i = 0; i < t->n_rows; i++) {
		const trend_row *r = &t->rows[i];
		const char *word = report_view_change_word(v, r->change);
		char *cells[] = {
			xstrdup(view_indicator_code(v, r->decl)), xstrdup(label(v, r->decl)),
			xstrdup(rv_val(v, r->decl, r->prev)), xstrdup(rv_val(v, r->decl, r->cur)),
			change_cell(v, r->decl, r->delta),
			xasprintf("%s%s%s", word, *word && r->target_changed ? "; " : "",
			          view_target_change(v, r, note)),
		};

		view_table_add(out, change_colour(r->change), cells);
	}
}

const char *view_indicator_code(const report_view *v, const reg_indicator *d)
{
	return v->codes[d->index];
}

const char *view_target_change(const report_view *v, const trend_row *r, char *buf)
{
	char then[64];

	*buf = 0;
	if (!r->target_changed)
		return buf;
	snprintf(then, sizeof then, "%s", isnan(r->prev_target) ? "-" : rv_val(v, r->decl,
	                                                                      r->prev_target));
	snprintf(buf, VIEW_NOTE, "%s: %s \xe2\x86\x92 %s", rv_t(v, T_TARGET_CHANGED), then,
	         isnan(r->cur_target) ? "-" : rv_val(v, r->decl, r->cur_target));
	return buf;
}

/* The problem of aa whose indicator is d: its chart's title, line and the
 * line's label. 0 when none is. */
static int problem_of(const report_view *v, const assess_area *aa, const reg_indicator *d,
                      view_problem_trend *c)
{
	for (size_t i = 0; i < aa->n_problems; i++) {
		const assess_problem *p = &aa->problems[i];

		if (p->indicator->decl != d)
			continue;
		snprintf(c->title, sizeof c->title, "%s %s", p->indicator->model->code,
		         report_view_ind_label(v, p->indicator));
		c->line = problem_line(v, p);
		snprintf(c->line_label, sizeof c->line_label, "%s %s",
		         rv_t(v, p->attention_gap > 0 ? T_ATTENTION_LINE : T_TARGET),
		         rv_num(v, c->line, p->attention_gap > 0 ? 0 : 1));
		return 1;
	}
	for (size_t i = 0; i < aa->n_agency_problems; i++) {
		const assess_row *r = aa->agency_problems[i].row;

		if (r->decl != d)
			continue;
		snprintf(c->title, sizeof c->title, "%s (%s)", label(v, d),
		         aa->agency_problems[i].agency);
		c->line = r->has_target ? r->target : NAN;
		snprintf(c->line_label, sizeof c->line_label, "%s %s", rv_t(v, T_TARGET),
		         report_view_target(v, d, r->has_target, r->target, r->target_year));
		return 1;
	}
	return 0;
}

size_t view_problem_trends(const report_view *v, const view_area *va, view_problem_trend **out)
{
	const trend *t = va->trend;
	size_t n = 0;

	*out = NULL;
	if (!t || !t->n_series)
		return 0;
	*out = xcalloc(t->n_series, sizeof **out);
	for (size_t i = 0; i < t->n_series; i++) {
		const trend_series *ts = &t->series[i];
		view_problem_trend *c = &(*out)[n];
		double now = ts->decl->has_target ? ts->decl->target : NAN;

		if (!problem_of(v, va->aa, ts->decl, c))
			continue;
		c->n = ts->n;
		c->labels = xcalloc(ts->n, sizeof *c->labels);
		c->values = xcalloc(ts->n, sizeof *c->values);
		for (size_t k = 0; k < ts->n; k++) {
			const store_point *pt = &ts->points[k];
			size_t used = strlen(c->note);

			c->labels[k] = pt->period;
			c->values[k] = pt->value;
			if (!trend_target_changed(pt->target, now) || used + 1 >= sizeof c->note)
				continue;
			snprintf(c->note + used, sizeof c->note - used, "%s%s %s (%s)",
			         used ? ";" : rv_t(v, T_OTHER_TARGET), used ? "" : ":", pt->period,
			         isnan(pt->target) ? "-" : rv_val(v, ts->decl, pt->target));
		}
		n++;
	}
	return n;
}

void view_problem_trends_free(view_problem_trend *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(c[i].labels);
		free(c[i].values);
	}
	free(c);
}
