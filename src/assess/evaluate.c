/*
 * evaluate.c - the evaluation of the desa lokus (see evaluate.h).
 */
#include <config.h>

#include "evaluate.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "areas.h"
#include "assess_priv.h"
#include "pk2d/plugin.h"
#include "registry.h"
#include "util.h"

/* value on the wrong side of target for direction (at the target meets it). */
static int misses(double value, double target, int direction)
{
	if (isnan(value) || isnan(target))
		return 0;
	return direction == PK2D_HIGHER_IS_BETTER ? value < target :
	       direction == PK2D_LOWER_IS_BETTER ? value > target : 0;
}

int evaluate_is_problem(const model *m, const char *id, int direction, const store_point *p)
{
	const model_indicator *mi = m ? assess_model_indicator(m, id) : NULL;

	if (mi) {
		double value = p->den > 0 ? 100.0 * p->num / p->den : NAN;
		double score = direction == PK2D_LOWER_IS_BETTER ? 100.0 - value : value;
		int year_used;
		double target = mi->has_target ?
			year_value_at(&mi->target, year_value_period_year(p->period), &year_used) : NAN;

		return score < m->attention || misses(value, target, direction);
	}
	return misses(p->value, p->target, direction);
}

static eval_agency *agency_of(eval_regency *r, const char *name)
{
	size_t i = 0;

	while (i < r->n_agencies && strcmp(r->agencies[i].name, name) < 0)
		i++;
	if (i < r->n_agencies && strcmp(r->agencies[i].name, name) == 0)
		return &r->agencies[i];
	r->agencies = xrealloc(r->agencies, (r->n_agencies + 1) * sizeof *r->agencies);
	memmove(&r->agencies[i + 1], &r->agencies[i],
	        (r->n_agencies - i) * sizeof *r->agencies);
	r->n_agencies++;
	r->agencies[i] = (eval_agency){ .target = 0, .realised = 0 };
	snprintf(r->agencies[i].name, sizeof r->agencies[i].name, "%s", name);
	return &r->agencies[i];
}

/* The problems closed and opened, and the interventions by agency, over
 * every id the store holds. */
static int village_ids(store *s, eval_regency *r, eval_village *v, const model *mdl,
                       char **ids, long n, char *err, size_t errlen)
{
	for (long i = 0; i < n; i++) {
		store_meta m;
		int rc = store_meta_of(s, ids[i], &m, err, errlen);

		if (rc < 0)
			return rc;
		if (rc == 0)
			continue;
		if (m.is_intervention) {
			store_ipoint ip;

			if ((rc = store_get_intervention(s, ids[i], v->code, RT_ALL, v->latest, &ip,
			                                 err, errlen)) < 0)
				return rc;
			if (rc == 1 && !isnan(ip.target) && !isnan(ip.realised)) {
				/* The agency the village's own run stored, else the
				 * declaration's. */
				char own[sizeof m.agency];
				int ha = store_agency_of(s, ids[i], v->code, RT_ALL, v->latest, own,
				                         sizeof own, err, errlen);
				eval_agency *a;

				if (ha < 0)
					return ha;
				a = agency_of(r, ha ? own : *m.agency ? m.agency : "-");

				a->target += ip.target;
				a->realised += ip.realised;
			}
			continue;
		}
		if (!*v->first || !strcmp(v->first, v->latest))
			continue;
		store_point p0, p1;
		int h0, h1;

		if ((h0 = store_get_value(s, ids[i], v->code, RT_ALL, v->first, &p0, err,
		                          errlen)) < 0 ||
		    (h1 = store_get_value(s, ids[i], v->code, RT_ALL, v->latest, &p1, err,
		                          errlen)) < 0)
			return h0 < 0 ? h0 : h1;
		if (h0 != 1 || h1 != 1)
			continue;
		if (isnan(p0.target) != isnan(p1.target) ||
		    (!isnan(p0.target) && p0.target != p1.target))
			v->config_changed = 1;
		if (isnan(p0.value) || isnan(p1.value))
			continue; /* no figure in one of the two: nothing closed or opened */
		int was = evaluate_is_problem(mdl, ids[i], m.direction, &p0);
		int is = evaluate_is_problem(mdl, ids[i], m.direction, &p1);

		v->closed += was && !is;
		v->opened += !was && is;
	}
	return 0;
}

/* The village's history: the IKK's series p (np points, taken) and each
 * dimension of m over every stored period. */
static int history_of(store *s, eval_village *v, const model *m, store_point *p, long np,
                      char *err, size_t errlen)
{
	trend *t = xcalloc(1, sizeof *t);

	snprintf(t->area, sizeof t->area, "%s", v->code);
	t->dims = xcalloc(1 + (m ? m->n_dimensions : 0), sizeof *t->dims);
	t->dims[0] = (trend_dim){ .n_history = (size_t)np, .history = p };
	t->n_dims = 1;
	v->history = t;
	for (size_t k = 0; m && k < m->n_dimensions; k++) {
		char item[128];
		trend_dim *dm = &t->dims[t->n_dims++];
		long nd;

		snprintf(item, sizeof item, "dim.%s", m->dimensions[k].key);
		*dm = (trend_dim){ .model = &m->dimensions[k] };
		if ((nd = store_score_series(s, item, v->code, RT_ALL, &dm->history, err,
		                             errlen)) < 0)
			return (int)nd;
		dm->n_history = (size_t)nd;
	}
	return 0;
}

static int eval_village_of(store *s, eval_regency *r, eval_village *v, const model *m,
                           char **ids, long n, char *err, size_t errlen)
{
	store_point *p = NULL;
	long np = store_score_series(s, "ikk", v->code, RT_ALL, &p, err, errlen);
	char m0[32] = "", m1[32] = "";
	int rc;

	v->ikk_first = v->ikk_latest = v->change = NAN;
	if (np < 0)
		return (int)np;
	if (np == 0) {
		free(p);
		return 0;
	}
	snprintf(v->first, sizeof v->first, "%s", p[0].period);
	snprintf(v->latest, sizeof v->latest, "%s", p[np - 1].period);
	v->ikk_first = p[0].value;
	v->ikk_latest = p[np - 1].value;
	if (np > 1)
		v->change = v->ikk_latest - v->ikk_first;
	if ((rc = history_of(s, v, m, p, np, err, errlen)) < 0)
		return rc;
	if ((rc = store_get_category(s, v->code, RT_ALL, v->first, "ikk", v->cat_first,
	                             sizeof v->cat_first, err, errlen)) < 0 ||
	    (rc = store_get_category(s, v->code, RT_ALL, v->latest, "ikk", v->cat_latest,
	                             sizeof v->cat_latest, err, errlen)) < 0 ||
	    (rc = store_get_category(s, v->code, RT_ALL, v->first, "model", m0, sizeof m0,
	                             err, errlen)) < 0 ||
	    (rc = store_get_category(s, v->code, RT_ALL, v->latest, "model", m1, sizeof m1,
	                             err, errlen)) < 0)
		return rc;
	v->config_changed = strcmp(m0, m1) != 0;
	return village_ids(s, r, v, m, ids, n, err, errlen);
}

static int cmp_improvement(const void *a, const void *b)
{
	const eval_regency *x = *(eval_regency *const *)a, *y = *(eval_regency *const *)b;

	if (isnan(x->improvement) != isnan(y->improvement))
		return isnan(x->improvement) ? 1 : -1;
	if (!isnan(x->improvement) && x->improvement != y->improvement)
		return x->improvement > y->improvement ? -1 : 1;
	return strcmp(x->code, y->code);
}

static void rank(evaluation *e)
{
	eval_regency **order = xcalloc(e->n + 1, sizeof *order);

	for (size_t i = 0; i < e->n; i++)
		order[i] = &e->regencies[i];
	qsort(order, e->n, sizeof *order, cmp_improvement);
	for (size_t i = 0; i < e->n; i++)
		order[i]->rank = isnan(order[i]->improvement) ? 0 : (int)i + 1;
	free(order);
}

int evaluate(store *s, const lokus *l, const model *m, const areas *a, const char *area,
             evaluation **out, char *err, size_t errlen)
{
	evaluation *e = xcalloc(1, sizeof *e);
	char **ids = NULL;
	long n = store_ids(s, &ids, err, errlen);
	int rc = n < 0 ? (int)n : 0;

	e->model = m;
	e->regencies = xcalloc(l->n + 1, sizeof *e->regencies);
	for (size_t i = 0; i < l->n && rc == 0; i++) {
		const lokus_regency *lr = &l->regencies[i];
		const char **codes, **stages;
		eval_regency *r;
		double sum = 0;

		if (strcmp(area, "all") && !area_within(lr->code, area) &&
		    !area_within(area, lr->code))
			continue;
		r = &e->regencies[e->n++];
		r->code = lr->code;
		r->name = areas_name(a, lr->code);
		r->n = lokus_villages(lr, &codes, &stages);
		r->villages = xcalloc(r->n + 1, sizeof *r->villages);
		for (size_t k = 0; k < r->n && rc == 0; k++) {
			eval_village *v = &r->villages[k];

			v->code = codes[k];
			v->name = areas_name(a, codes[k]);
			v->stage = stages[k];
			rc = eval_village_of(s, r, v, m, ids, n, err, errlen);
			if (!isnan(v->change)) {
				sum += v->change;
				r->n_compared++;
			}
			r->config_changed |= v->config_changed;
		}
		free(codes);
		free(stages);
		r->improvement = r->n_compared ? sum / (double)r->n_compared : NAN;
	}
	for (long i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
	if (rc < 0) {
		evaluation_free(e);
		return rc;
	}
	rank(e);
	*out = e;
	return 0;
}

void evaluation_free(evaluation *e)
{
	if (!e)
		return;
	for (size_t i = 0; i < e->n; i++) {
		for (size_t k = 0; k < e->regencies[i].n; k++)
			trend_free(e->regencies[i].villages[k].history);
		free(e->regencies[i].villages);
		free(e->regencies[i].agencies);
	}
	free(e->regencies);
	free(e);
}
