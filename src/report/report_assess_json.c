/*
 * report_assess_json.c - the assessment as a JSON object (docs/json.md,
 * "assessment"), written member by member. Numbers that have no value
 * (NaN) are null.
 */
#include "config.h"

#include <cJSON.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "agency_problems.h"
#include "assess.h"
#include "present.h"
#include "report_assess.h"
#include "json_out.h"
#include "report_view.h"
#include "villages_out.h"

static void add_labels(const report_view *v, json_w *w, const char *id, const char *en)
{
	json_w_str(w, "label", i18n_pick(v->lang, id, en));
	json_w_str(w, "label_id", id);
	json_w_str(w, "label_en", en ? en : id);
}

static void add_range(const report_view *v, json_w *w, const char *key, const model_range *r)
{
	if (!r) {
		json_w_null(w, key);
		return;
	}
	json_w_object(w, key);
	json_w_str(w, "key", r->key);
	add_labels(v, w, r->label_id, r->label_en);
	json_w_end(w);
}

static const char *status_key(int status)
{
	static const char *const k[] = { "no_data", "good", "off_target", "attention" };

	return status >= 0 && status <= 3 ? k[status] : "no_data";
}

/* enum assess_colour as a word. */
static const char *colour_key(int colour)
{
	static const char *const k[] = { "grey", "green", "amber", "red" };

	return colour >= 0 && colour <= 3 ? k[colour] : NULL;
}

static const char *missing_key(int missing)
{
	static const char *const k[] = { NULL, "not_declared", "not_reported", "not_applicable" };

	return missing > 0 && missing <= 3 ? k[missing] : NULL;
}

static void indicator_json(const report_view *v, json_w *w, const assess_indicator *ai, int full)
{
	json_w_object(w, NULL);
	json_w_str(w, "code", ai->model->code);
	json_w_str(w, "id", ai->model->ref);
	if (full) {
		if (ai->decl) {
			add_labels(v, w, ai->decl->label_id, ai->decl->label_en);
			json_w_str(w, "agency", ai->decl->agency);
		} else {
			add_labels(v, w, NULL, NULL);
			json_w_null(w, "agency");
		}
		json_w_num(w, "weight", ai->model->weight);
		json_w_num(w, "target", ai->target);
	}
	if (ai->missing == ASSESS_HAS_DATA || ai->missing == ASSESS_NOT_APPLICABLE) {
		json_w_num(w, "numerator", ai->num);
		json_w_num(w, "denominator", ai->den);
	} else {
		json_w_null(w, "numerator");
		json_w_null(w, "denominator");
	}
	json_w_num(w, "value", ai->value);
	json_w_num(w, "score", ai->score);
	json_w_str(w, "status", status_key(ai->status));
	json_w_str(w, "missing", missing_key(ai->missing));
	if (full) {
		json_w_num(w, "affected", ai->affected);
		json_w_bool(w, "below_attention", ai->below_attention);
		json_w_bool(w, "off_target", ai->off_target);
	}
	json_w_end(w);
}

/* An index: its IKK, category and dimensions (full: with everything about
 * each indicator; otherwise the values only), as members of the object
 * open. */
static void score_json(const report_view *v, json_w *w, const assess_score *s, int full)
{
	json_w_num(w, "ikk", s->ikk);
	add_range(v, w, "category", s->category);
	json_w_num(w, "missing_dimensions", (double)s->n_missing_dimensions);
	json_w_array(w, "dimensions");
	for (size_t d = 0; d < s->n_dimensions; d++) {
		const assess_dimension *ad = &s->dimensions[d];

		json_w_object(w, NULL);
		json_w_str(w, "key", ad->model->key);
		if (full) {
			add_labels(v, w, ad->model->label_id, ad->model->label_en);
			json_w_num(w, "weight", ad->model->weight);
		}
		json_w_num(w, "value", ad->value);
		json_w_num(w, "available", (double)ad->n_available);
		json_w_array(w, "indicators");
		for (size_t i = 0; i < ad->model->n_indicators; i++)
			indicator_json(v, w, &ad->indicators[i], full);
		json_w_end(w);
		json_w_end(w);
	}
	json_w_end(w);
}

static void profile_json(json_w *w, const assess_profile *p)
{
	json_w_object(w, "profile");
	json_w_array(w, "hierarchy");
	for (size_t i = 0; i < p->n_up; i++) {
		json_w_object(w, NULL);
		json_w_num(w, "level", p->up[i].level);
		json_w_str(w, "code", p->up[i].code);
		json_w_str(w, "name", p->up[i].name);
		json_w_end(w);
	}
	json_w_end(w);
	json_w_str(w, "period", p->period);
	json_w_num(w, "villages", (double)p->n_villages);
	json_w_num(w, "rt", (double)p->n_rt);
	json_w_num(w, "kk", p->kk);
	json_w_num(w, "male", p->male);
	json_w_num(w, "female", p->female);
	json_w_num(w, "population", p->male + p->female);
	json_w_array(w, "agencies");
	for (size_t i = 0; i < p->n_agencies; i++)
		if (p->agencies[i]) /* as cJSON, which leaves a NULL string out */
			json_w_str(w, NULL, p->agencies[i]);
	json_w_end(w);
	json_w_end(w);
}

static void action_json(const report_view *v, json_w *w, const assess_action *x)
{
	json_w_object(w, NULL);
	json_w_str(w, "id", x->decl->full_id);
	add_labels(v, w, x->decl->label_id, x->decl->label_en);
	json_w_str(w, "agency", x->decl->agency);
	json_w_str(w, "target_group", x->decl->target_group);
	json_w_str(w, "unit", x->decl->unit);
	json_w_bool(w, "reported", x->has_data);
	json_w_num(w, "target", x->has_data ? x->target : NAN);
	json_w_num(w, "realised", x->has_data ? x->realised : NAN);
	json_w_num(w, "budget", x->has_data ? x->budget : NAN);
	json_w_num(w, "coverage", x->coverage);
	json_w_end(w);
}

/* "rt": an RT's number, null for the whole village. */
static void add_rt(json_w *w, int rt)
{
	if (rt == RT_ALL)
		json_w_null(w, "rt");
	else
		json_w_num(w, "rt", rt);
}

static void place_json(json_w *w, const assess_place *p)
{
	json_w_object(w, NULL);
	json_w_str(w, "area", p->area);
	add_rt(w, p->rt);
	json_w_num(w, "numerator", p->num);
	json_w_num(w, "denominator", p->den);
	json_w_num(w, "value", p->value);
	json_w_end(w);
}

/* "target_year": the year a target was taken from; null for one value. */
static void add_year(json_w *w, int year)
{
	if (year)
		json_w_num(w, "target_year", year);
	else
		json_w_null(w, "target_year");
}

/* The planner's part of a problem: "to_change" and "where". */
static void plan_json(json_w *w, double to_change, const assess_step *st, size_t n)
{
	json_w_num(w, "to_change", to_change);
	json_w_array(w, "where");
	for (size_t k = 0; k < n; k++) {
		json_w_object(w, NULL);
		json_w_str(w, "area", st[k].area);
		add_rt(w, st[k].rt);
		json_w_num(w, "affected", st[k].affected);
		json_w_num(w, "take", st[k].take);
		json_w_end(w);
	}
	json_w_end(w);
}

/* A problem's worst places, whether it has an intervention, its
 * interventions and its plan. */
static void problem_tail(const report_view *v, json_w *w, const assess_place *worst,
                         size_t n_worst, const assess_action *actions, size_t n_actions,
                         double to_change, const assess_step *steps, size_t n_steps)
{
	json_w_array(w, "worst");
	for (size_t k = 0; k < n_worst; k++)
		place_json(w, &worst[k]);
	json_w_end(w);
	json_w_bool(w, "no_intervention", n_actions == 0);
	json_w_array(w, "actions");
	for (size_t k = 0; k < n_actions; k++)
		action_json(v, w, &actions[k]);
	json_w_end(w);
	plan_json(w, to_change, steps, n_steps);
}

static void problem_json(const report_view *v, json_w *w, const assess_problem *p, size_t rank)
{
	const assess_indicator *ai = p->indicator;

	json_w_object(w, NULL);
	json_w_num(w, "rank", (double)rank);
	json_w_str(w, "code", ai->model->code);
	json_w_str(w, "id", ai->model->ref);
	add_labels(v, w, ai->decl ? ai->decl->label_id : NULL,
	           ai->decl ? ai->decl->label_en : NULL);
	json_w_str(w, "dimension", p->dimension->model->key);
	json_w_num(w, "numerator", ai->num);
	json_w_num(w, "denominator", ai->den);
	json_w_num(w, "value", ai->value);
	json_w_num(w, "affected", p->affected);
	json_w_bool(w, "below_attention", ai->below_attention);
	json_w_bool(w, "off_target", ai->off_target);
	json_w_num(w, "attention_gap", p->attention_gap);
	json_w_num(w, "target_gap", p->target_gap);
	add_year(w, ai->target_year);
	problem_tail(v, w, p->worst, p->n_worst, p->actions, p->n_actions, p->to_change,
	             p->steps, p->n_steps);
	json_w_end(w);
}

static void agency_problem_json(const report_view *v, json_w *w,
                                const assess_agency_problem *p, size_t rank)
{
	const assess_row *r = p->row;

	json_w_object(w, NULL);
	json_w_num(w, "rank", (double)rank);
	json_w_str(w, "id", r->decl->full_id);
	add_labels(v, w, r->decl->label_id, r->decl->label_en);
	json_w_str(w, "agency", p->agency);
	json_w_str(w, "unit", r->decl->unit);
	json_w_str(w, "direction", report_direction_name(r->decl->direction));
	json_w_num(w, "numerator", r->num);
	json_w_num(w, "denominator", r->den);
	json_w_num(w, "value", r->value);
	json_w_num(w, "target", r->target);
	add_year(w, r->target_year);
	json_w_num(w, "gap", p->gap);
	json_w_num(w, "relative_gap", p->relative_gap);
	json_w_num(w, "capaian", r->capaian);
	add_range(v, w, "category", r->category);
	problem_tail(v, w, p->worst, p->n_worst, p->actions, p->n_actions, p->to_change,
	             p->steps, p->n_steps);
	json_w_end(w);
}

/* The IKK part of the target planner (docs/json.md, IKK_PLAN), or null. */
static void ikk_plan_json(const report_view *v, json_w *w, const assess_ikk_plan *pl)
{
	if (!pl) {
		json_w_null(w, "ikk_plan");
		return;
	}
	json_w_object(w, "ikk_plan");
	add_range(v, w, "next_category", pl->next);
	json_w_num(w, "needed", pl->needed);
	json_w_num(w, "changes", pl->changes);
	json_w_array(w, "moves");
	for (size_t k = 0; k < pl->n_moves; k++) {
		json_w_object(w, NULL);
		json_w_str(w, "code", pl->moves[k].indicator->model->code);
		json_w_num(w, "gain", pl->moves[k].gain);
		json_w_num(w, "changes", pl->moves[k].changes);
		json_w_end(w);
	}
	json_w_end(w);
	json_w_num(w, "ikk_at_lines", pl->ikk_at_lines);
	add_range(v, w, "category_at_lines", pl->category_at_lines);
	json_w_end(w);
}

/* "class": a value's class of its declared classes, or null. */
static void add_class(const report_view *v, json_w *w, const reg_class *c)
{
	if (!c) {
		json_w_null(w, "class");
		return;
	}
	json_w_object(w, "class");
	json_w_str(w, "key", c->key);
	add_labels(v, w, c->label_id, c->label_en);
	json_w_end(w);
}

/* "group": the declared group's full id ("pkk.pokja_1"), or null. */
static void add_group(json_w *w, const reg_group *g)
{
	char id[128];

	if (!g) {
		json_w_null(w, "group");
		return;
	}
	snprintf(id, sizeof id, "%s.%s", g->plugin, g->id);
	json_w_str(w, "group", id);
}

static void agency_json(const report_view *v, json_w *w, const assess_agency *ag)
{
	const reg_display *d;

	json_w_object(w, NULL);
	json_w_array(w, "rows");
	for (size_t i = 0; i < ag->n_rows; i++) {
		const assess_row *r = &ag->rows[i];

		json_w_object(w, NULL);
		json_w_num(w, "no", (double)(i + 1));
		json_w_str(w, "id", r->decl->full_id);
		add_labels(v, w, r->decl->label_id, r->decl->label_en);
		json_w_str(w, "unit", r->decl->unit);
		json_w_str(w, "direction", report_direction_name(r->decl->direction));
		json_w_num(w, "target", r->has_target ? r->target : NAN);
		add_year(w, r->target_year);
		json_w_num(w, "realisasi", r->value);
		json_w_num(w, "numerator", r->has_value ? r->num : NAN);
		json_w_num(w, "denominator", r->has_value ? r->den : NAN);
		json_w_num(w, "capaian", r->capaian);
		add_range(v, w, "category", r->category);
		if (r->has_value && r->has_target)
			json_w_bool(w, "off_target", r->off_target);
		else
			json_w_null(w, "off_target");
		json_w_str(w, "status", r->status < 0 ? NULL : status_key(r->status));
		json_w_str(w, "colour", r->colour < 0 ? NULL : colour_key(r->colour));
		add_class(v, w, present_class(v->reg, r->decl, r->has_value ? r->value : NAN));
		add_group(w, registry_group_of(v->reg, r->decl));
		d = registry_display(v->reg, r->decl);
		json_w_bool(w, "hidden", d && d->hidden);
		json_w_end(w);
	}
	json_w_end(w);
	/* cJSON kept a member's place when it was added first: "agency" came
	 * after "rows" */
	json_w_str(w, "agency", ag->agency);
	json_w_array(w, "interventions");
	for (size_t i = 0; i < ag->n_actions; i++)
		action_json(v, w, &ag->actions[i]);
	json_w_end(w);
	json_w_end(w);
}

/* The declared tables with a value in the area (docs/json.md, TABLE). */
static void tables_json(const report_view *v, json_w *w, const assess_area *aa)
{
	json_w_array(w, "tables");
	for (size_t k = 0; k < registry_n_tables(v->reg); k++) {
		const reg_table *t = registry_table_at(v->reg, k);
		char id[128];

		if (!present_table_shown(v->reg, t, t->agency, aa->code, v->as->period))
			continue;
		json_w_object(w, NULL);
		snprintf(id, sizeof id, "%s.%s", t->plugin, t->id);
		json_w_str(w, "id", id);
		json_w_str(w, "agency", t->agency);
		json_w_str(w, "title", i18n_pick(v->lang, t->title_id, t->title_en));
		json_w_str(w, "title_id", t->title_id);
		json_w_str(w, "title_en", t->title_en);
		json_w_str(w, "rows_label", *t->rows_label_id ? i18n_pick(v->lang, t->rows_label_id,
		                                                          t->rows_label_en) : NULL);
		json_w_str(w, "note", *t->note_id ? i18n_pick(v->lang, t->note_id, t->note_en) : NULL);
		json_w_array(w, "columns");
		for (size_t j = 0; j < t->n_cols; j++) {
			json_w_object(w, NULL);
			add_labels(v, w, t->cols[j].label_id, t->cols[j].label_en);
			json_w_str(w, "rule", present_rule_name(t->cols[j].rule));
			json_w_num(w, "decimals", t->cols[j].decimals);
			json_w_end(w);
		}
		json_w_end(w);
		json_w_array(w, "rows");
		for (size_t i = 0; i < t->n_rows; i++) {
			json_w_object(w, NULL);
			add_labels(v, w, t->rows[i].label_id, t->rows[i].label_en);
			json_w_array(w, "cells");
			for (size_t j = 0; j < t->n_cols; j++)
				json_w_num(w, NULL, reg_table_cell_value(v->reg, t, i, j, aa->code,
				                                         v->as->period));
			json_w_end(w);
			json_w_end(w);
		}
		json_w_end(w);
		json_w_end(w);
	}
	json_w_end(w);
}

/* An area's assessment and its trend, as the value of depth 0 at the top. */
static int area_json(const report_view *v, json_w *w, const assess_area *aa, const trend *tr)
{
	cJSON *tj = report_trend_json(v, tr);

	if (!tj)
		return PK2D_ERR_NOMEM;
	json_w_object(w, NULL);
	json_w_str(w, "code", aa->code);
	json_w_num(w, "level", aa->level);
	json_w_str(w, "name", aa->name);
	profile_json(w, &aa->profile);
	score_json(v, w, &aa->score, 1);
	json_w_array(w, "households");
	for (size_t i = 0; i < aa->n_household; i++) {
		json_w_object(w, NULL);
		json_w_str(w, "key", aa->household[i].range->key);
		add_labels(v, w, aa->household[i].range->label_id,
		           aa->household[i].range->label_en);
		json_w_num(w, "numerator", aa->household[i].num);
		json_w_num(w, "denominator", aa->household[i].den);
		json_w_num(w, "value", aa->household[i].value);
		json_w_end(w);
	}
	json_w_end(w);
	json_w_array(w, "parts");
	for (size_t k = 0; k < aa->n_parts; k++) {
		json_w_object(w, NULL);
		json_w_str(w, "area", aa->parts[k].area);
		add_rt(w, aa->parts[k].rt);
		score_json(v, w, &aa->parts[k], 0);
		json_w_end(w);
	}
	json_w_end(w);
	json_w_array(w, "problems");
	for (size_t i = 0; i < aa->n_problems; i++)
		problem_json(v, w, &aa->problems[i], i + 1);
	json_w_end(w);
	json_w_array(w, "agency_problems");
	for (size_t i = 0; i < aa->n_agency_problems; i++)
		agency_problem_json(v, w, &aa->agency_problems[i], aa->n_problems + i + 1);
	json_w_end(w);
	ikk_plan_json(v, w, aa->ikk_plan);
	json_w_array(w, "agencies");
	for (size_t i = 0; i < aa->n_agencies; i++)
		agency_json(v, w, &aa->agencies[i]);
	json_w_end(w);
	tables_json(v, w, aa);
	json_w_tree(w, "trend", tj);
	json_w_end(w);
	cJSON_Delete(tj);
	return 0;
}

static void model_json(const report_view *v, json_w *w, const model *m)
{
	json_w_object(w, NULL);
	json_w_str(w, "path", m->path);
	json_w_str(w, "name", i18n_pick(v->lang, m->name, m->name_en));
	json_w_str(w, "source", m->source);
	json_w_str(w, "status", m->status);
	json_w_str(w, "statement", i18n_pick(v->lang, m->statement, m->statement_en));
	json_w_num(w, "attention", m->attention);
	json_w_end(w);
}

/* Prints lead, then item, and frees item; 0, or PK2D_ERR_NOMEM when item
 * is NULL (it could not be built). */
static int put_item(FILE *out, const char *lead, cJSON *item)
{
	if (!item)
		return PK2D_ERR_NOMEM;
	fputs(lead, out);
	json_print(out, item); /* a write error: ferror(out), seen by report.c */
	cJSON_Delete(item);
	return 0;
}

int report_json_member(FILE *out, int first, const char *key, cJSON *item)
{
	char lead[80];

	snprintf(lead, sizeof lead, "%s\n\"%s\": ", first ? "" : ",", key);
	return put_item(out, lead, item);
}

static void summary_json(const report_view *v, json_w *w)
{
	json_w_array(w, NULL);
	for (size_t i = 0; i < v->n_summary; i++) {
		const assess_summary *s = &v->summary[i];

		json_w_object(w, NULL);
		json_w_str(w, "code", s->code);
		json_w_num(w, "level", s->level);
		json_w_str(w, "name", s->name);
		json_w_num(w, "kk", s->kk);
		json_w_num(w, "ikk", s->ikk);
		add_range(v, w, "category", s->category);
		json_w_num(w, "missing_dimensions", (double)s->n_missing_dimensions);
		if (s->rank)
			json_w_num(w, "rank", (double)s->rank);
		else
			json_w_null(w, "rank");
		json_w_object(w, "headlines");
		for (size_t h = 0; h < v->n_headlines; h++)
			json_w_num(w, v->headlines[h]->full_id,
			           report_view_headline(v, v->headlines[h], s->code));
		json_w_end(w);
		json_w_end(w);
	}
	json_w_end(w);
}

/* The villages from .. to-1 of the report's "villages" array, each after
 * a comma but the first, on a line of its own without indentation: a
 * province's villages are 95 % of its report, and their tabs and spaces
 * made it 40 % longer (docs/json.md). */
static int villages_json(const report_view *v, size_t from, size_t to, FILE *out, void *ud)
{
	json_w *w = json_w_new(out);
	int rc = w ? 0 : PK2D_ERR_NOMEM;

	(void)ud;
	if (w)
		json_w_compact(w);
	for (size_t i = from; i < to && rc == 0; i++) {
		json_w_raw(w, i ? ",\n" : "\n");
		rc = area_json(v, w, v->villages[i].aa, v->villages[i].trend);
	}
	json_w_free(w);
	return rc;
}

int report_assess_json(const report_view *v, FILE *out)
{
	const assessment *as = v->as;
	json_w *w;
	int rc;

	if (!as) {
		fputs("null", out);
		return 0;
	}
	/* Written as it is made, village after village: a province's 2,000
	 * villages as one cJSON tree were gigabytes, and even a tree per
	 * village cost more than printing it. */
	if (!(w = json_w_new(out)))
		return PK2D_ERR_NOMEM;
	json_w_raw(w, "{\n\"model\": ");
	model_json(v, w, as->model);
	json_w_raw(w, ",\n\"area\": ");
	rc = area_json(v, w, v->main.aa, v->main.trend);
	json_w_raw(w, ",\n\"summary\": ");
	summary_json(v, w);
	json_w_raw(w, ",\n\"villages\": [");
	json_w_flush(w);
	if (rc == 0)
		rc = villages_write(v, out, villages_json, NULL);
	json_w_raw(w, "]\n}");
	json_w_free(w); /* a write error: ferror(out), seen by report.c */
	return rc;
}
