/*
 * report_json.c - the report as one JSON document, written with cJSON
 * (which escapes every string that comes from input).
 *
 * {
 *   "pk2d": version, "schema": REPORT_JSON_SCHEMA, "title", "period", "language",
 *   "area": {"code", "name"},
 *   "lokus": {"year", "villages": [{"code", "name", "stage"}]} when the
 *            report is limited to the lokus villages, else null,
 *   "accounting": {"failed", "max_rejected", "records", "used",
 *                  "outside_area", "outside_period", "not_lokus",
 *                  "duplicate", "rejected",
 *                  "noted", "failures": [{"path", "instance", "rule",
 *                  "message"}], "files": [{"path", "instance", "records",
 *                  "used", "outside_area", ..., "noted", "rejected_share",
 *                  "failure"}]} (docs/json.md), or null,
 *   "assessment": the combined assessment (docs/json.md), or null without
 *                 a model,
 *   "runs": [{"instance", "module", "agency", "path", "state", "reason",
 *             "required", "seconds", "values", "refused",
 *             "files": [{"path", "records", "rejected", "noted",
 *                        "problems": [{"kind", "count", "rejected",
 *                                      "examples": [{"line", "text"}]}]}]}],
 *   "indicators": [{"id", "plugin", "agency", "label", "label_id",
 *                   "label_en", "unit", "kind", "direction", "target",
 *                   "group", "description", "headline", "hidden",
 *                   "classes": [{"key", "from", "label", "label_id",
 *                                "label_en"}] or null, "classes_source",
 *                   "total": {"numerator", "denominator", "value"} or null}],
 *   "groups": [{"id", "plugin", "parent", "label", "label_id", "label_en"}],
 *   "interventions": [{"id", "plugin", "agency", "label", "label_id",
 *                      "label_en", "target_group", "unit", "origin",
 *                      "aims": [...],
 *                      "total": {"target", "realised", "budget"} or null}],
 *   "values": [{"indicator", "area", "rt", "period", "numerator",
 *               "denominator", "value"}],
 *   "intervention_values": [{"intervention", "area", "rt", "period",
 *                            "target", "realised", "budget"}]
 * }
 *
 * "total" is the sum for the run's area and period after the roll-up;
 * "values" are the values as reported in the run's village (by RT where
 * the plugin knew it), in declaration order, then RT and period; they and
 * "intervention_values" are listed only in a village run (null in a wider
 * run: its totals and assessment are what a coordinator reads, and a
 * national list would run to tens of millions of entries).
 * rt is null for a value without RT; a number that cannot be computed
 * (value with denominator 0) is null.
 */
#include "config.h"

#include <cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "display.h"
#include "i18n.h"
#include "json_out.h"
#include "report_view.h"
#include "writers.h"
#include "report_assess.h"
#include "unused.h"

/* The shape of this document: raised whenever a member is added, removed or
 * changes its meaning, so that a program reading it can tell (docs/json.md
 * lists each version). */
#define REPORT_JSON_SCHEMA 7

static cJSON *run_json(const plugin_run *r)
{
	static const char *const states[] = { "ok", "failed", "not_loaded", "disabled" };
	cJSON *o = cJSON_CreateObject();
	json_add_str(o, "instance", r->instance);
	json_add_str(o, "module", r->module);
	json_add_str(o, "agency", r->agency);
	json_add_str(o, "path", r->path);
	json_add_str(o, "state", r->state >= 0 && r->state <= 3 ? states[r->state] : "unknown");
	json_add_str(o, "reason", r->reason);
	cJSON_AddBoolToObject(o, "required", r->required);
	json_add_num(o, "seconds", r->seconds);
	json_add_num(o, "values", (double)r->values);
	json_add_num(o, "refused", (double)r->refused);
	cJSON *files = cJSON_AddArrayToObject(o, "files");
	for (size_t i = 0; i < r->n_files; i++) {
		const csv_stats *s = r->files[i];
		cJSON *f = cJSON_CreateObject();
		json_add_str(f, "path", s->path);
		json_add_num(f, "records", (double)s->records);
		json_add_num(f, "rejected", (double)s->rejected);
		json_add_num(f, "noted", (double)s->noted);
		cJSON *probs = cJSON_AddArrayToObject(f, "problems");
		for (size_t j = 0; j < s->n_problems; j++) {
			const csv_problem *p = &s->problems[j];
			cJSON *po = cJSON_CreateObject();
			json_add_str(po, "kind", p->kind);
			json_add_num(po, "count", (double)p->count);
			cJSON_AddBoolToObject(po, "rejected", p->rejected);
			cJSON *ex = cJSON_AddArrayToObject(po, "examples");
			for (int k = 0; k < p->n_examples; k++) {
				cJSON *e = cJSON_CreateObject();
				json_add_num(e, "line", (double)p->example_line[k]);
				json_add_str(e, "text", p->example_text[k]);
				cJSON_AddItemToArray(ex, e);
			}
			cJSON_AddItemToArray(probs, po);
		}
		cJSON_AddItemToArray(files, f);
	}
	return o;
}

static void add_rt(cJSON *o, int rt)
{
	if (rt > 0)
		json_add_num(o, "rt", rt);
	else
		cJSON_AddNullToObject(o, "rt");
}

static int value_json(void *ud, const reg_indicator *ind, const char *area, int rt,
                      const char *period, const reg_sum *s)
{
	cJSON *values = ud;
	cJSON *v = cJSON_CreateObject();
	json_add_str(v, "indicator", ind->full_id);
	json_add_str(v, "area", area);
	add_rt(v, rt);
	json_add_str(v, "period", period);
	json_add_num(v, "numerator", s->num);
	json_add_num(v, "denominator", s->den);
	json_add_num(v, "value", reg_value(ind, s));
	cJSON_AddItemToArray(values, v);
	return 0;
}

static int ivalue_json(void *ud, const reg_intervention *iv, const char *area, int rt,
                       const char *period, const reg_isum *s)
{
	cJSON *values = ud;
	cJSON *v = cJSON_CreateObject();
	json_add_str(v, "intervention", iv->full_id);
	json_add_str(v, "area", area);
	add_rt(v, rt);
	json_add_str(v, "period", period);
	json_add_num(v, "target", s->target);
	json_add_num(v, "realised", s->realised);
	json_add_num(v, "budget", s->budget);
	cJSON_AddItemToArray(values, v);
	return 0;
}

/* What the plugin declared for the indicator's presentation (ABI 1.3). */
static void display_json(const report_view *v, cJSON *o, const reg_display *d)
{
	cJSON_AddBoolToObject(o, "headline", d && d->headline);
	cJSON_AddBoolToObject(o, "hidden", d && d->hidden);
	if (!d || !d->n_classes) {
		cJSON_AddNullToObject(o, "classes");
		cJSON_AddNullToObject(o, "classes_source");
		return;
	}
	cJSON *arr = cJSON_AddArrayToObject(o, "classes");
	for (size_t i = 0; i < d->n_classes; i++) {
		const reg_class *c = &d->classes[i];
		cJSON *x = cJSON_CreateObject();
		json_add_str(x, "key", c->key);
		json_add_num(x, "from", c->lower);
		json_add_str(x, "label", i18n_pick(v->lang, c->label_id, c->label_en));
		json_add_str(x, "label_id", c->label_id);
		json_add_str(x, "label_en", c->label_en);
		cJSON_AddItemToArray(arr, x);
	}
	json_add_str(o, "classes_source", d->classes_source);
}

static cJSON *groups_json(const report_view *v)
{
	cJSON *arr = cJSON_CreateArray();
	char id[128];

	for (size_t i = 0; i < registry_n_groups(v->reg); i++) {
		const reg_group *g = registry_group_at(v->reg, i);
		cJSON *o = cJSON_CreateObject();
		snprintf(id, sizeof id, "%s.%s", g->plugin, g->id);
		json_add_str(o, "id", id);
		json_add_str(o, "plugin", g->plugin);
		if (g->parent) {
			snprintf(id, sizeof id, "%s.%s", g->parent->plugin, g->parent->id);
			json_add_str(o, "parent", id);
		} else {
			cJSON_AddNullToObject(o, "parent");
		}
		json_add_str(o, "label", i18n_pick(v->lang, g->label_id, g->label_en));
		json_add_str(o, "label_id", g->label_id);
		json_add_str(o, "label_en", g->label_en);
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

static cJSON *indicators_json(const report_view *v)
{
	cJSON *arr = cJSON_CreateArray();
	for (size_t i = 0; i < registry_n_indicators(v->reg); i++) {
		const reg_indicator *ind = registry_indicator_at(v->reg, i);
		cJSON *o = cJSON_CreateObject();
		json_add_str(o, "id", ind->full_id);
		json_add_str(o, "plugin", ind->plugin);
		json_add_str(o, "agency", ind->agency);
		json_add_str(o, "label", i18n_pick(v->lang, ind->label_id, ind->label_en));
		json_add_str(o, "label_id", ind->label_id);
		json_add_str(o, "label_en", ind->label_en);
		json_add_str(o, "unit", ind->unit);
		json_add_str(o, "kind", report_kind_name(ind->kind));
		json_add_str(o, "direction", ind->direction > 0 ? "higher" : ind->direction < 0 ? "lower"
		                                                                           : "neutral");
		if (ind->has_target)
			json_add_num(o, "target", ind->target);
		else
			cJSON_AddNullToObject(o, "target");
		json_add_str(o, "group", ind->group);
		json_add_str(o, "description", ind->description);
		display_json(v, o, registry_display(v->reg, ind));
		reg_sum s;
		if (registry_get(v->reg, ind, v->area, RT_ALL, v->period, &s)) {
			cJSON *t = cJSON_AddObjectToObject(o, "total");
			json_add_num(t, "numerator", s.num);
			json_add_num(t, "denominator", s.den);
			json_add_num(t, "value", reg_value(ind, &s));
		} else {
			cJSON_AddNullToObject(o, "total");
		}
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

static cJSON *interventions_json(const report_view *v)
{
	cJSON *arr = cJSON_CreateArray();
	for (size_t i = 0; i < registry_n_interventions(v->reg); i++) {
		const reg_intervention *iv = registry_intervention_at(v->reg, i);
		cJSON *o = cJSON_CreateObject();
		json_add_str(o, "id", iv->full_id);
		json_add_str(o, "plugin", iv->plugin);
		json_add_str(o, "agency", iv->agency);
		json_add_str(o, "label", i18n_pick(v->lang, iv->label_id, iv->label_en));
		json_add_str(o, "label_id", iv->label_id);
		json_add_str(o, "label_en", iv->label_en);
		json_add_str(o, "target_group", iv->target_group);
		json_add_str(o, "unit", iv->unit);
		json_add_str(o, "origin", iv->origin);
		cJSON *aims = cJSON_AddArrayToObject(o, "aims");
		for (size_t j = 0; j < iv->n_aims; j++)
			cJSON_AddItemToArray(aims, cJSON_CreateString(iv->aims[j]));
		reg_isum s;
		if (registry_get_intervention(v->reg, iv, v->area, RT_ALL, v->period, &s)) {
			cJSON *t = cJSON_AddObjectToObject(o, "total");
			json_add_num(t, "target", s.target);
			json_add_num(t, "realised", s.realised);
			json_add_num(t, "budget", s.budget);
		} else {
			cJSON_AddNullToObject(o, "total");
		}
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

static cJSON *area_of_run(const report_view *v)
{
	cJSON *area = cJSON_CreateObject();

	json_add_str(area, "code", v->area);
	json_add_str(area, "name", v->areas ? areas_name(v->areas, v->area) : NULL);
	return area;
}

static void add_rows(cJSON *o, long records, long used, const long *rows)
{
	json_add_num(o, "records", (double)records);
	json_add_num(o, "used", (double)used);
	for (int cls = 0; cls < ACCT_N_CLASSES; cls++)
		json_add_num(o, acct_class_key(cls), (double)rows[cls]);
}

static cJSON *accounting_json(const report_view *v)
{
	const accounting *a = v->unused.acct;
	char buf[2048];
	cJSON *o, *failures, *files;

	if (!a)
		return cJSON_CreateNull();
	o = cJSON_CreateObject();
	cJSON_AddBoolToObject(o, "failed", a->n_failed > 0);
	json_add_num(o, "max_rejected", a->max_rejected);
	add_rows(o, a->records, a->used, a->rows);
	json_add_num(o, "areas_by_name", (double)a->by_name);
	failures = cJSON_AddArrayToObject(o, "failures");
	files = cJSON_AddArrayToObject(o, "files");
	for (size_t i = 0; i < a->n; i++) {
		const acct_file *f = &a->files[i];
		cJSON *fo = cJSON_CreateObject();

		json_add_str(fo, "path", f->st->path);
		json_add_str(fo, "instance", f->instance);
		add_rows(fo, f->st->records, f->used, f->rows);
		json_add_num(fo, "areas_by_name", (double)f->st->by_name);
		json_add_num(fo, "rejected_share", f->share);
		json_add_str(fo, "failure", acct_failure_key(f->failure));
		cJSON_AddItemToArray(files, fo);
		if (f->failure == ACCT_FINE)
			continue;
		fo = cJSON_CreateObject();
		json_add_str(fo, "path", f->st->path);
		json_add_str(fo, "instance", f->instance);
		json_add_str(fo, "rule", acct_failure_key(f->failure));
		json_add_str(fo, "message", unused_failure(&v->unused, f, buf, sizeof buf));
		cJSON_AddItemToArray(failures, fo);
	}
	return o;
}

/* The lokus villages a report is limited to, or null. */
static cJSON *lokus_json(const report_view *v)
{
	cJSON *o, *villages;

	if (!v->n_lokus)
		return cJSON_CreateNull();
	o = cJSON_CreateObject();
	json_add_num(o, "year", v->lokus_year);
	villages = cJSON_AddArrayToObject(o, "villages");
	for (size_t i = 0; i < v->n_lokus; i++) {
		cJSON *vo = cJSON_CreateObject();

		json_add_str(vo, "code", v->lokus[i].code);
		json_add_str(vo, "name", v->areas ? areas_name(v->areas, v->lokus[i].code) : NULL);
		json_add_str(vo, "stage", v->lokus[i].stage);
		cJSON_AddItemToArray(villages, vo);
	}
	return o;
}

static cJSON *runs_json(const report_view *v)
{
	cJSON *runs = cJSON_CreateArray();

	for (size_t i = 0; i < v->n_runs; i++)
		cJSON_AddItemToArray(runs, run_json(&v->runs[i]));
	return runs;
}

static cJSON *str_or_null(const char *s)
{
	return s ? cJSON_CreateString(s) : cJSON_CreateNull();
}

/* The document is written member by member, each built as a small cJSON
 * tree and freed once printed, so that a wide run's assessment never
 * stands in memory as one tree. */
int report_json_write(const report_view *v, FILE *out, char *err, size_t errlen)
{
	int rc;

	fputs("{", out);
	if ((rc = report_json_member(out, 1, "pk2d", cJSON_CreateString(PACKAGE_VERSION))) < 0 ||
	    (rc = report_json_member(out, 0, "schema", cJSON_CreateNumber(REPORT_JSON_SCHEMA))) < 0 ||
	    (rc = report_json_member(out, 0, "title", str_or_null(v->title))) < 0 ||
	    (rc = report_json_member(out, 0, "period", str_or_null(v->period))) < 0 ||
	    (rc = report_json_member(out, 0, "language", cJSON_CreateString(rv_lang_code(v)))) < 0 ||
	    (rc = report_json_member(out, 0, "area", area_of_run(v))) < 0 ||
	    (rc = report_json_member(out, 0, "lokus", lokus_json(v))) < 0 ||
	    (rc = report_json_member(out, 0, "accounting", accounting_json(v))) < 0 ||
	    (rc = report_json_member(out, 0, "runs", runs_json(v))) < 0)
		goto failed;
	fputs(",\n\"assessment\": ", out);
	if ((rc = report_assess_json(v, out)) < 0 ||
	    (rc = report_json_member(out, 0, "indicators", indicators_json(v))) < 0 ||
	    (rc = report_json_member(out, 0, "groups", groups_json(v))) < 0 ||
	    (rc = report_json_member(out, 0, "interventions", interventions_json(v))) < 0)
		goto failed;
	if (report_lists_values(v)) {
		cJSON *values = cJSON_CreateArray(), *ivalues = cJSON_CreateArray();

		report_each_value(v, value_json, values);
		report_each_intervention_value(v, ivalue_json, ivalues);
		if ((rc = report_json_member(out, 0, "values", values)) < 0) {
			cJSON_Delete(ivalues);
			goto failed;
		}
		if ((rc = report_json_member(out, 0, "intervention_values", ivalues)) < 0)
			goto failed;
	} else if ((rc = report_json_member(out, 0, "values", cJSON_CreateNull())) < 0 ||
	           (rc = report_json_member(out, 0, "intervention_values", cJSON_CreateNull())) < 0) {
		goto failed;
	}
	fputs("\n}\n", out);
	return 0;
failed:
	/* A write that failed is named by errno (out_file.c). */
	if (rc != PK2D_ERR_IO)
		snprintf(err, errlen, "cJSON could not print the report (out of memory)");
	return rc;
}
