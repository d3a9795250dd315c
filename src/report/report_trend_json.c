/*
 * report_trend_json.c - the trend of an area as JSON (docs/json.md, TREND).
 */
#include <config.h>

#include <cjson/cJSON.h>
#include <math.h>

#include "json_out.h"
#include "report_view.h"

static const char *change_key(int change)
{
	switch (change) {
	case TREND_BETTER: return "better";
	case TREND_WORSE: return "worse";
	case TREND_SAME: return "same";
	case TREND_MOVED: return "moved";
	default: return "none";
	}
}

cJSON *report_trend_json(const report_view *v, const trend *t)
{
	cJSON *o, *arr;

	if (!v->store_on || !t)
		return cJSON_CreateNull();
	o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "period", t->period);
	if (*t->prev_period)
		cJSON_AddStringToObject(o, "previous_period", t->prev_period);
	else
		cJSON_AddNullToObject(o, "previous_period");
	/* The same flags as the text and HTML trend tables say: trend.c sets
	 * them once. */
	cJSON_AddBoolToObject(o, "model_changed", t->model_changed);
	arr = cJSON_AddArrayToObject(o, "scores");
	for (size_t i = 0; i < t->n_dims; i++) {
		cJSON *d = cJSON_CreateObject();

		cJSON_AddStringToObject(d, "item", i == 0 ? "ikk" : t->dims[i].model->key);
		json_add_num(d, "previous", t->dims[i].prev);
		json_add_num(d, "current", t->dims[i].cur);
		cJSON_AddStringToObject(d, "change", change_key(t->dims[i].change));
		cJSON_AddItemToArray(arr, d);
	}
	arr = cJSON_AddArrayToObject(o, "indicators");
	for (size_t i = 0; i < t->n_rows; i++) {
		cJSON *r = cJSON_CreateObject();

		cJSON_AddStringToObject(r, "id", t->rows[i].decl->full_id);
		json_add_num(r, "previous", t->rows[i].prev);
		json_add_num(r, "current", t->rows[i].cur);
		cJSON_AddStringToObject(r, "change", change_key(t->rows[i].change));
		json_add_num(r, "previous_target", t->rows[i].prev_target);
		json_add_num(r, "current_target", t->rows[i].cur_target);
		cJSON_AddBoolToObject(r, "target_changed", t->rows[i].target_changed);
		cJSON_AddItemToArray(arr, r);
	}
	arr = cJSON_AddArrayToObject(o, "interventions");
	for (size_t i = 0; i < t->n_progress; i++) {
		cJSON *p = cJSON_CreateObject(), *pts = cJSON_AddArrayToObject(p, "periods");

		cJSON_AddStringToObject(p, "id", t->progress[i].decl->full_id);
		for (size_t k = 0; k < t->progress[i].n; k++) {
			const store_ipoint *q = &t->progress[i].points[k];
			cJSON *e = cJSON_CreateObject();

			cJSON_AddStringToObject(e, "period", q->period);
			json_add_num(e, "target", q->target);
			json_add_num(e, "realised", q->realised);
			json_add_num(e, "budget", q->budget);
			json_add_num(e, "coverage", report_coverage(q->target, q->realised));
			cJSON_AddItemToArray(pts, e);
		}
		cJSON_AddItemToArray(arr, p);
	}
	return o;
}
