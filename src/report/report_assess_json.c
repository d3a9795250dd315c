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

static void add_labels(const report_view *v, cJSON *o, const char *id, const char *en)
{
	json_add_str(o, "label", i18n_pick(v->lang, id, en));
	json_add_str(o, "label_id", id);
	json_add_str(o, "label_en", en ? en : id);
}

static void add_range(const report_view *v, cJSON *o, const char *key, const model_range *r)
{
	cJSON *c;

	if (!r) {
		cJSON_AddNullToObject(o, key);
		return;
	}
	c = cJSON_AddObjectToObject(o, key);
	json_add_str(c, "key", r->key);
	add_labels(v, c, r->label_id, r->label_en);
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

static cJSON *indicator_json(const report_view *v, const assess_indicator *ai, int full)
{
	cJSON *o = cJSON_CreateObject();

	json_add_str(o, "code", ai->model->code);
	json_add_str(o, "id", ai->model->ref);
	if (full) {
		if (ai->decl) {
			add_labels(v, o, ai->decl->label_id, ai->decl->label_en);
			json_add_str(o, "agency", ai->decl->agency);
		} else {
			add_labels(v, o, NULL, NULL);
			cJSON_AddNullToObject(o, "agency");
		}
		json_add_num(o, "weight", ai->model->weight);
		json_add_num(o, "target", ai->target);
	}
	if (ai->missing == ASSESS_HAS_DATA || ai->missing == ASSESS_NOT_APPLICABLE) {
		json_add_num(o, "numerator", ai->num);
		json_add_num(o, "denominator", ai->den);
	} else {
		cJSON_AddNullToObject(o, "numerator");
		cJSON_AddNullToObject(o, "denominator");
	}
	json_add_num(o, "value", ai->value);
	json_add_num(o, "score", ai->score);
	json_add_str(o, "status", status_key(ai->status));
	json_add_str(o, "missing", missing_key(ai->missing));
	if (full) {
		json_add_num(o, "affected", ai->affected);
		cJSON_AddBoolToObject(o, "below_attention", ai->below_attention);
		cJSON_AddBoolToObject(o, "off_target", ai->off_target);
	}
	return o;
}

/* An index: its IKK, category and dimensions (full: with everything about
 * each indicator; otherwise the values only). */
static void score_json(const report_view *v, cJSON *o, const assess_score *s, int full)
{
	cJSON *dims = cJSON_CreateArray();

	json_add_num(o, "ikk", s->ikk);
	add_range(v, o, "category", s->category);
	json_add_num(o, "missing_dimensions", (double)s->n_missing_dimensions);
	for (size_t d = 0; d < s->n_dimensions; d++) {
		const assess_dimension *ad = &s->dimensions[d];
		cJSON *dj = cJSON_CreateObject();
		cJSON *inds = cJSON_CreateArray();

		json_add_str(dj, "key", ad->model->key);
		if (full) {
			add_labels(v, dj, ad->model->label_id, ad->model->label_en);
			json_add_num(dj, "weight", ad->model->weight);
		}
		json_add_num(dj, "value", ad->value);
		json_add_num(dj, "available", (double)ad->n_available);
		for (size_t i = 0; i < ad->model->n_indicators; i++)
			cJSON_AddItemToArray(inds, indicator_json(v, &ad->indicators[i], full));
		cJSON_AddItemToObject(dj, "indicators", inds);
		cJSON_AddItemToArray(dims, dj);
	}
	cJSON_AddItemToObject(o, "dimensions", dims);
}

static cJSON *profile_json(const assess_profile *p)
{
	cJSON *o = cJSON_CreateObject();
	cJSON *up = cJSON_AddArrayToObject(o, "hierarchy");
	cJSON *ag;

	for (size_t i = 0; i < p->n_up; i++) {
		cJSON *u = cJSON_CreateObject();

		json_add_num(u, "level", p->up[i].level);
		json_add_str(u, "code", p->up[i].code);
		json_add_str(u, "name", p->up[i].name);
		cJSON_AddItemToArray(up, u);
	}
	json_add_str(o, "period", p->period);
	json_add_num(o, "villages", (double)p->n_villages);
	json_add_num(o, "rt", (double)p->n_rt);
	json_add_num(o, "kk", p->kk);
	json_add_num(o, "male", p->male);
	json_add_num(o, "female", p->female);
	json_add_num(o, "population", p->male + p->female);
	ag = cJSON_AddArrayToObject(o, "agencies");
	for (size_t i = 0; i < p->n_agencies; i++)
		cJSON_AddItemToArray(ag, cJSON_CreateString(p->agencies[i]));
	return o;
}

static cJSON *action_json(const report_view *v, const assess_action *x)
{
	cJSON *o = cJSON_CreateObject();

	json_add_str(o, "id", x->decl->full_id);
	add_labels(v, o, x->decl->label_id, x->decl->label_en);
	json_add_str(o, "agency", x->decl->agency);
	json_add_str(o, "target_group", x->decl->target_group);
	json_add_str(o, "unit", x->decl->unit);
	cJSON_AddBoolToObject(o, "reported", x->has_data);
	json_add_num(o, "target", x->has_data ? x->target : NAN);
	json_add_num(o, "realised", x->has_data ? x->realised : NAN);
	json_add_num(o, "budget", x->has_data ? x->budget : NAN);
	json_add_num(o, "coverage", x->coverage);
	return o;
}

static cJSON *place_json(const assess_place *p)
{
	cJSON *o = cJSON_CreateObject();

	json_add_str(o, "area", p->area);
	if (p->rt == RT_ALL)
		cJSON_AddNullToObject(o, "rt");
	else
		json_add_num(o, "rt", p->rt);
	json_add_num(o, "numerator", p->num);
	json_add_num(o, "denominator", p->den);
	json_add_num(o, "value", p->value);
	return o;
}

/* "target_year": the year a target was taken from; null for one value. */
static void add_year(cJSON *o, int year)
{
	if (year)
		json_add_num(o, "target_year", year);
	else
		cJSON_AddNullToObject(o, "target_year");
}

/* The planner's part of a problem: "to_change" and "where". */
static void plan_json(cJSON *o, double to_change, const assess_step *st, size_t n)
{
	cJSON *arr;

	json_add_num(o, "to_change", to_change);
	arr = cJSON_AddArrayToObject(o, "where");
	for (size_t k = 0; k < n; k++) {
		cJSON *w = cJSON_CreateObject();

		json_add_str(w, "area", st[k].area);
		if (st[k].rt == RT_ALL)
			cJSON_AddNullToObject(w, "rt");
		else
			json_add_num(w, "rt", st[k].rt);
		json_add_num(w, "affected", st[k].affected);
		json_add_num(w, "take", st[k].take);
		cJSON_AddItemToArray(arr, w);
	}
}

static cJSON *problem_json(const report_view *v, const assess_problem *p, size_t rank)
{
	const assess_indicator *ai = p->indicator;
	cJSON *o = cJSON_CreateObject();
	cJSON *w, *a;

	json_add_num(o, "rank", (double)rank);
	json_add_str(o, "code", ai->model->code);
	json_add_str(o, "id", ai->model->ref);
	add_labels(v, o, ai->decl ? ai->decl->label_id : NULL,
	           ai->decl ? ai->decl->label_en : NULL);
	json_add_str(o, "dimension", p->dimension->model->key);
	json_add_num(o, "numerator", ai->num);
	json_add_num(o, "denominator", ai->den);
	json_add_num(o, "value", ai->value);
	json_add_num(o, "affected", p->affected);
	cJSON_AddBoolToObject(o, "below_attention", ai->below_attention);
	cJSON_AddBoolToObject(o, "off_target", ai->off_target);
	json_add_num(o, "attention_gap", p->attention_gap);
	json_add_num(o, "target_gap", p->target_gap);
	add_year(o, ai->target_year);
	w = cJSON_AddArrayToObject(o, "worst");
	for (size_t k = 0; k < p->n_worst; k++)
		cJSON_AddItemToArray(w, place_json(&p->worst[k]));
	cJSON_AddBoolToObject(o, "no_intervention", p->n_actions == 0);
	a = cJSON_AddArrayToObject(o, "actions");
	for (size_t k = 0; k < p->n_actions; k++)
		cJSON_AddItemToArray(a, action_json(v, &p->actions[k]));
	plan_json(o, p->to_change, p->steps, p->n_steps);
	return o;
}

static cJSON *agency_problem_json(const report_view *v, const assess_agency_problem *p,
                                  size_t rank)
{
	const assess_row *r = p->row;
	cJSON *o = cJSON_CreateObject();
	cJSON *w, *a;

	json_add_num(o, "rank", (double)rank);
	json_add_str(o, "id", r->decl->full_id);
	add_labels(v, o, r->decl->label_id, r->decl->label_en);
	json_add_str(o, "agency", p->agency);
	json_add_str(o, "unit", r->decl->unit);
	json_add_str(o, "direction", report_direction_name(r->decl->direction));
	json_add_num(o, "numerator", r->num);
	json_add_num(o, "denominator", r->den);
	json_add_num(o, "value", r->value);
	json_add_num(o, "target", r->target);
	add_year(o, r->target_year);
	json_add_num(o, "gap", p->gap);
	json_add_num(o, "relative_gap", p->relative_gap);
	json_add_num(o, "capaian", r->capaian);
	add_range(v, o, "category", r->category);
	w = cJSON_AddArrayToObject(o, "worst");
	for (size_t k = 0; k < p->n_worst; k++)
		cJSON_AddItemToArray(w, place_json(&p->worst[k]));
	cJSON_AddBoolToObject(o, "no_intervention", p->n_actions == 0);
	a = cJSON_AddArrayToObject(o, "actions");
	for (size_t k = 0; k < p->n_actions; k++)
		cJSON_AddItemToArray(a, action_json(v, &p->actions[k]));
	plan_json(o, p->to_change, p->steps, p->n_steps);
	return o;
}

/* The IKK part of the target planner (docs/json.md, IKK_PLAN), or null. */
static cJSON *ikk_plan_json(const report_view *v, const assess_ikk_plan *pl)
{
	cJSON *o, *arr;

	if (!pl)
		return cJSON_CreateNull();
	o = cJSON_CreateObject();
	add_range(v, o, "next_category", pl->next);
	json_add_num(o, "needed", pl->needed);
	json_add_num(o, "changes", pl->changes);
	arr = cJSON_AddArrayToObject(o, "moves");
	for (size_t k = 0; k < pl->n_moves; k++) {
		cJSON *m = cJSON_CreateObject();

		json_add_str(m, "code", pl->moves[k].indicator->model->code);
		json_add_num(m, "gain", pl->moves[k].gain);
		json_add_num(m, "changes", pl->moves[k].changes);
		cJSON_AddItemToArray(arr, m);
	}
	json_add_num(o, "ikk_at_lines", pl->ikk_at_lines);
	add_range(v, o, "category_at_lines", pl->category_at_lines);
	return o;
}

/* "class": a value's class of its declared classes, or null. */
static void add_class(const report_view *v, cJSON *o, const reg_class *c)
{
	cJSON *x;

	if (!c) {
		cJSON_AddNullToObject(o, "class");
		return;
	}
	x = cJSON_AddObjectToObject(o, "class");
	json_add_str(x, "key", c->key);
	add_labels(v, x, c->label_id, c->label_en);
}

/* "group": the declared group's full id ("pkk.pokja_1"), or null. */
static void add_group(cJSON *o, const reg_group *g)
{
	char id[128];

	if (!g) {
		cJSON_AddNullToObject(o, "group");
		return;
	}
	snprintf(id, sizeof id, "%s.%s", g->plugin, g->id);
	json_add_str(o, "group", id);
}

static cJSON *agency_json(const report_view *v, const assess_agency *ag)
{
	cJSON *o = cJSON_CreateObject();
	cJSON *rows = cJSON_AddArrayToObject(o, "rows");
	cJSON *acts;
	const reg_display *d;

	json_add_str(o, "agency", ag->agency);
	for (size_t i = 0; i < ag->n_rows; i++) {
		const assess_row *r = &ag->rows[i];
		cJSON *rj = cJSON_CreateObject();

		json_add_num(rj, "no", (double)(i + 1));
		json_add_str(rj, "id", r->decl->full_id);
		add_labels(v, rj, r->decl->label_id, r->decl->label_en);
		json_add_str(rj, "unit", r->decl->unit);
		json_add_str(rj, "direction", report_direction_name(r->decl->direction));
		json_add_num(rj, "target", r->has_target ? r->target : NAN);
		add_year(rj, r->target_year);
		json_add_num(rj, "realisasi", r->value);
		json_add_num(rj, "numerator", r->has_value ? r->num : NAN);
		json_add_num(rj, "denominator", r->has_value ? r->den : NAN);
		json_add_num(rj, "capaian", r->capaian);
		add_range(v, rj, "category", r->category);
		if (r->has_value && r->has_target)
			cJSON_AddBoolToObject(rj, "off_target", r->off_target);
		else
			cJSON_AddNullToObject(rj, "off_target");
		json_add_str(rj, "status", r->status < 0 ? NULL : status_key(r->status));
		json_add_str(rj, "colour", r->colour < 0 ? NULL : colour_key(r->colour));
		add_class(v, rj, present_class(v->reg, r->decl, r->has_value ? r->value : NAN));
		add_group(rj, registry_group_of(v->reg, r->decl));
		d = registry_display(v->reg, r->decl);
		cJSON_AddBoolToObject(rj, "hidden", d && d->hidden);
		cJSON_AddItemToArray(rows, rj);
	}
	acts = cJSON_AddArrayToObject(o, "interventions");
	for (size_t i = 0; i < ag->n_actions; i++)
		cJSON_AddItemToArray(acts, action_json(v, &ag->actions[i]));
	return o;
}

/* The declared tables with a value in the area (docs/json.md, TABLE). */
static cJSON *tables_json(const report_view *v, const assess_area *aa)
{
	cJSON *arr = cJSON_CreateArray();

	for (size_t k = 0; k < registry_n_tables(v->reg); k++) {
		const reg_table *t = registry_table_at(v->reg, k);
		cJSON *o, *cols, *rows;
		char id[128];

		if (!present_table_shown(v->reg, t, t->agency, aa->code, v->as->period))
			continue;
		o = cJSON_CreateObject();
		snprintf(id, sizeof id, "%s.%s", t->plugin, t->id);
		json_add_str(o, "id", id);
		json_add_str(o, "agency", t->agency);
		json_add_str(o, "title", i18n_pick(v->lang, t->title_id, t->title_en));
		json_add_str(o, "title_id", t->title_id);
		json_add_str(o, "title_en", t->title_en);
		json_add_str(o, "rows_label", *t->rows_label_id ? i18n_pick(v->lang, t->rows_label_id,
		                                                          t->rows_label_en) : NULL);
		json_add_str(o, "note", *t->note_id ? i18n_pick(v->lang, t->note_id, t->note_en) : NULL);
		cols = cJSON_AddArrayToObject(o, "columns");
		for (size_t j = 0; j < t->n_cols; j++) {
			cJSON *c = cJSON_CreateObject();
			add_labels(v, c, t->cols[j].label_id, t->cols[j].label_en);
			json_add_str(c, "rule", present_rule_name(t->cols[j].rule));
			json_add_num(c, "decimals", t->cols[j].decimals);
			cJSON_AddItemToArray(cols, c);
		}
		rows = cJSON_AddArrayToObject(o, "rows");
		for (size_t i = 0; i < t->n_rows; i++) {
			cJSON *r = cJSON_CreateObject();
			cJSON *cells;

			add_labels(v, r, t->rows[i].label_id, t->rows[i].label_en);
			cells = cJSON_AddArrayToObject(r, "cells");
			for (size_t j = 0; j < t->n_cols; j++) {
				double x = reg_table_cell_value(v->reg, t, i, j, aa->code,
				                                v->as->period);
				cJSON_AddItemToArray(cells, isfinite(x) ? cJSON_CreateNumber(x)
				                                        : cJSON_CreateNull());
			}
			cJSON_AddItemToArray(rows, r);
		}
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

static cJSON *area_json(const report_view *v, const assess_area *aa)
{
	cJSON *o = cJSON_CreateObject();
	cJSON *arr;

	json_add_str(o, "code", aa->code);
	json_add_num(o, "level", aa->level);
	json_add_str(o, "name", aa->name);
	cJSON_AddItemToObject(o, "profile", profile_json(&aa->profile));
	score_json(v, o, &aa->score, 1);
	arr = cJSON_AddArrayToObject(o, "households");
	for (size_t i = 0; i < aa->n_household; i++) {
		cJSON *h = cJSON_CreateObject();

		json_add_str(h, "key", aa->household[i].range->key);
		add_labels(v, h, aa->household[i].range->label_id,
		           aa->household[i].range->label_en);
		json_add_num(h, "numerator", aa->household[i].num);
		json_add_num(h, "denominator", aa->household[i].den);
		json_add_num(h, "value", aa->household[i].value);
		cJSON_AddItemToArray(arr, h);
	}
	arr = cJSON_AddArrayToObject(o, "parts");
	for (size_t k = 0; k < aa->n_parts; k++) {
		cJSON *p = cJSON_CreateObject();

		json_add_str(p, "area", aa->parts[k].area);
		if (aa->parts[k].rt == RT_ALL)
			cJSON_AddNullToObject(p, "rt");
		else
			json_add_num(p, "rt", aa->parts[k].rt);
		score_json(v, p, &aa->parts[k], 0);
		cJSON_AddItemToArray(arr, p);
	}
	arr = cJSON_AddArrayToObject(o, "problems");
	for (size_t i = 0; i < aa->n_problems; i++)
		cJSON_AddItemToArray(arr, problem_json(v, &aa->problems[i], i + 1));
	arr = cJSON_AddArrayToObject(o, "agency_problems");
	for (size_t i = 0; i < aa->n_agency_problems; i++)
		cJSON_AddItemToArray(arr, agency_problem_json(v, &aa->agency_problems[i],
		                                              aa->n_problems + i + 1));
	cJSON_AddItemToObject(o, "ikk_plan", ikk_plan_json(v, aa->ikk_plan));
	arr = cJSON_AddArrayToObject(o, "agencies");
	for (size_t i = 0; i < aa->n_agencies; i++)
		cJSON_AddItemToArray(arr, agency_json(v, &aa->agencies[i]));
	cJSON_AddItemToObject(o, "tables", tables_json(v, aa));
	return o;
}

static cJSON *model_json(const report_view *v, const model *m)
{
	cJSON *o = cJSON_CreateObject();

	json_add_str(o, "path", m->path);
	json_add_str(o, "name", i18n_pick(v->lang, m->name, m->name_en));
	json_add_str(o, "source", m->source);
	json_add_str(o, "status", m->status);
	json_add_str(o, "statement", i18n_pick(v->lang, m->statement, m->statement_en));
	json_add_num(o, "attention", m->attention);
	return o;
}

/* Prints lead, then item, and frees item unless it lives in an arena
 * (whose end frees it whole: cJSON_Delete would only walk it); 0, or
 * PK2D_ERR_NOMEM when item is NULL (it could not be built). */
static int put_item(FILE *out, const char *lead, cJSON *item, int in_arena)
{
	if (!item)
		return PK2D_ERR_NOMEM;
	fputs(lead, out);
	json_print(out, item); /* a write error: ferror(out), seen by report.c */
	if (!in_arena)
		cJSON_Delete(item);
	return 0;
}

int report_json_member(FILE *out, int first, const char *key, cJSON *item)
{
	char lead[80];

	snprintf(lead, sizeof lead, "%s\n\"%s\": ", first ? "" : ",", key);
	return put_item(out, lead, item, 0);
}

static cJSON *summary_json(const report_view *v)
{
	cJSON *sum = cJSON_CreateArray();

	for (size_t i = 0; i < v->n_summary; i++) {
		const assess_summary *s = &v->summary[i];
		cJSON *sj = cJSON_CreateObject();

		json_add_str(sj, "code", s->code);
		json_add_num(sj, "level", s->level);
		json_add_str(sj, "name", s->name);
		json_add_num(sj, "kk", s->kk);
		json_add_num(sj, "ikk", s->ikk);
		add_range(v, sj, "category", s->category);
		json_add_num(sj, "missing_dimensions", (double)s->n_missing_dimensions);
		if (s->rank)
			json_add_num(sj, "rank", (double)s->rank);
		else
			cJSON_AddNullToObject(sj, "rank");
		cJSON *hj = cJSON_AddObjectToObject(sj, "headlines");
		for (size_t h = 0; h < v->n_headlines; h++)
			json_add_num(hj, v->headlines[h]->full_id,
			        report_view_headline(v, v->headlines[h], s->code));
		cJSON_AddItemToArray(sum, sj);
	}
	return sum;
}

int report_assess_json(const report_view *v, FILE *out)
{
	const assessment *as = v->as;
	json_arena *arena;
	cJSON *area;
	int rc;

	if (!as) {
		fputs("null", out);
		return 0;
	}
	area = area_json(v, v->main.aa);
	cJSON_AddItemToObject(area, "trend", report_trend_json(v, v->main.trend));
	fputs("{", out);
	if ((rc = report_json_member(out, 1, "model", model_json(v, as->model))) < 0 ||
	    (rc = report_json_member(out, 0, "area", area)) < 0 ||
	    (rc = report_json_member(out, 0, "summary", summary_json(v))) < 0)
		return rc;
	/* The full assessment of every village of a wider run (the report's
	 * view), written one village at a time: a province's 2,000 at once
	 * would be a cJSON tree of gigabytes. Each village's tree lives in the
	 * arena. */
	if (!(arena = json_arena_new()))
		return PK2D_ERR_NOMEM;
	fputs(",\n\"villages\": [", out);
	for (size_t i = 0; i < v->n_villages && rc == 0; i++) {
		cJSON *a;

		json_arena_begin(arena);
		a = area_json(v, v->villages[i].aa);
		cJSON_AddItemToObject(a, "trend", report_trend_json(v, v->villages[i].trend));
		rc = put_item(out, i ? ",\n" : "\n", a, 1);
		json_arena_end(arena);
	}
	json_arena_free(arena);
	fputs("]\n}", out);
	return rc;
}
