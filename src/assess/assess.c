/*
 * assess.c - the combined assessment (assess.h): the model applied to the
 * rolled-up registry for an area, its RTs or villages, its problems, its
 * follow-up plan and the agencies' tables.
 */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agency_problems.h"
#include "assess.h"
#include "assess_priv.h"
#include "period.h"
#include "planner.h"

static void score_free(assess_score *s)
{
	if (!s)
		return;
	if (s->dimensions)
		free(s->dimensions[0].indicators);
	free(s->dimensions);
	free(s->area);
	s->dimensions = NULL;
	s->area = NULL;
}

/* One model indicator, declared decl (NULL: not declared), at rt of a place. */
static void indicator_eval(const assessment *as, const model_indicator *mi,
                           const reg_indicator *decl, const reg_place *at, int rt,
                           assess_indicator *ai)
{
	const model *m = as->model;
	reg_sum s;

	memset(ai, 0, sizeof *ai);
	ai->model = mi;
	ai->value = NAN;
	ai->score = NAN;
	ai->target = mi->has_target ? year_value_at(&mi->target, as->year, &ai->target_year) : NAN;
	ai->decl = decl;
	if (!ai->decl) {
		ai->missing = ASSESS_NOT_DECLARED;
		return;
	}
	if (!registry_get_at(as->registry, ai->decl, at, rt, &s)) {
		ai->missing = ASSESS_NOT_REPORTED;
		return;
	}
	ai->num = s.num;
	ai->den = s.den;
	if (!(s.den > 0)) {
		ai->missing = ASSESS_NOT_APPLICABLE;
		return;
	}
	ai->value = 100.0 * s.num / s.den;
	if (ai->decl->direction == PK2D_LOWER_IS_BETTER) {
		ai->score = 100.0 - ai->value;
		ai->affected = s.num;
		ai->off_target = mi->has_target && ai->value > ai->target;
	} else {
		ai->score = ai->value;
		ai->affected = s.den - s.num;
		ai->off_target = mi->has_target && ai->value < ai->target;
	}
	ai->below_attention = ai->score < m->attention;
	ai->status = ai->below_attention ? ASSESS_ATTENTION :
	             ai->off_target ? ASSESS_OFF_TARGET : ASSESS_GOOD;
}

/* The IKK of (area, rt): every indicator, dimension and the index. */
static int score_compute(const assessment *as, const char *area, int rt, assess_score *out)
{
	const model *m = as->model;
	size_t total = 0, k = 0;
	assess_indicator *all;
	double ikk = 0;

	memset(out, 0, sizeof *out);
	out->ikk = NAN;
	out->rt = rt;
	for (size_t d = 0; d < m->n_dimensions; d++)
		total += m->dimensions[d].n_indicators;
	out->area = strdup(area);
	out->dimensions = calloc(m->n_dimensions, sizeof *out->dimensions);
	all = calloc(total ? total : 1, sizeof *all);
	if (!out->area || !out->dimensions || !all) {
		free(all);
		free(out->dimensions);
		out->dimensions = NULL;
		score_free(out);
		return PK2D_ERR_NOMEM;
	}
	out->n_dimensions = m->n_dimensions;
	registry_place(as->registry, area, as->period, &out->place);
	for (size_t d = 0; d < m->n_dimensions; d++) {
		const model_dimension *md = &m->dimensions[d];
		assess_dimension *ad = &out->dimensions[d];
		double wsum = 0, sum = 0;

		ad->model = md;
		ad->indicators = all + k;
		for (size_t i = 0; i < md->n_indicators; i++) {
			assess_indicator *ai = &ad->indicators[i];

			indicator_eval(as, &md->indicators[i], as->model_decl[k + i], &out->place, rt,
			               ai);
			if (ai->missing != ASSESS_HAS_DATA)
				continue;
			ad->n_available++;
			wsum += md->indicators[i].weight;
			sum += md->indicators[i].weight * ai->score;
		}
		k += md->n_indicators;
		ad->value = ad->n_available ? sum / wsum : NAN;
		if (ad->n_available)
			ikk += md->weight * ad->value;
		else
			out->n_missing_dimensions++;
	}
	if (out->n_missing_dimensions == 0) {
		out->ikk = ikk;
		out->category = model_range_of(m->ikk, m->n_ikk, ikk);
	}
	return 0;
}

double assess_capaian(int direction, double target, double realised)
{
	if (isnan(target) || isnan(realised) || target == 0)
		return NAN;
	if (direction == PK2D_LOWER_IS_BETTER)
		return 100.0 * (2.0 * target - realised) / target;
	return 100.0 * realised / target;
}

/* A figure of the profile (enum model_profile) at a place as shown
 * (reg_value); NaN when its id is not declared or nothing was reported. */
static double figure(const assessment *as, int which, const reg_place *at)
{
	const reg_indicator *ind = as->profile_decl[which];
	reg_sum s;

	if (!ind || !registry_get_at(as->registry, ind, at, RT_ALL, &s))
		return NAN;
	return reg_value(ind, &s);
}

static void free_strings(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static int add_agency_name(assess_profile *p, const char *agency)
{
	char **a;

	for (size_t i = 0; i < p->n_agencies; i++)
		if (strcmp(p->agencies[i], agency) == 0)
			return 0;
	a = realloc(p->agencies, (p->n_agencies + 1) * sizeof *a);
	if (!a)
		return PK2D_ERR_NOMEM;
	p->agencies = a;
	a[p->n_agencies] = strdup(agency);
	if (!a[p->n_agencies])
		return PK2D_ERR_NOMEM;
	p->n_agencies++;
	return 0;
}

static int profile_compute(const assessment *as, const char *code, int level, assess_profile *p)
{
	const registry *r = as->registry;
	char **villages = NULL;
	reg_place at;
	size_t nv;

	p->period = as->period;
	registry_place(r, code, as->period, &at);
	for (int l = AREA_PROVINCE; l <= level; l++) {
		char buf[32];
		assess_place_name *u = &p->up[p->n_up];

		if (area_ancestor(code, l, buf, sizeof buf) < 0)
			return PK2D_ERR_INVALID;
		u->level = l;
		u->code = strdup(buf);
		if (!u->code)
			return PK2D_ERR_NOMEM;
		u->name = as->areas ? areas_name(as->areas, buf) : NULL;
		p->n_up++;
	}
	nv = registry_areas(r, code, AREA_VILLAGE, &villages);
	p->n_villages = nv;
	for (size_t i = 0; i < nv; i++)
		p->n_rt += registry_n_rts(r, villages[i]);
	free_strings(villages, nv);
	p->kk = figure(as, MODEL_PROFILE_KK, &at);
	p->male = figure(as, MODEL_PROFILE_MALE, &at);
	p->female = figure(as, MODEL_PROFILE_FEMALE, &at);
	for (size_t i = 0; i < registry_n_indicators(r); i++) {
		const reg_indicator *ind = registry_indicator_at(r, i);
		reg_sum s;

		if (registry_get_at(r, ind, &at, RT_ALL, &s) &&
		    add_agency_name(p, ind->agency) < 0)
			return PK2D_ERR_NOMEM;
	}
	for (size_t i = 0; i < registry_n_interventions(r); i++) {
		const reg_intervention *iv = registry_intervention_at(r, i);
		reg_isum s;

		if (registry_get_intervention_at(r, iv, &at, RT_ALL, &s) &&
		    add_agency_name(p, iv->agency) < 0)
			return PK2D_ERR_NOMEM;
	}
	return 0;
}

/* Does any model indicator have a value at rt 0 (rows without an RT) of
 * the village scored sc? */
static int has_rt0(const assessment *as, const assess_score *sc)
{
	const model *m = as->model;
	size_t k = 0;
	reg_sum s;

	for (size_t d = 0; d < m->n_dimensions; d++)
		for (size_t i = 0; i < m->dimensions[d].n_indicators; i++, k++)
			if (registry_get_at(as->registry, as->model_decl[k], &sc->place, 0, &s))
				return 1;
	return 0;
}

/* The breakdown: the RTs of a village, the villages of a kecamatan, kabupaten
 * or province, the provinces of the country. */
static int parts_compute(const assessment *as, assess_area *aa)
{
	if (aa->level == AREA_VILLAGE) {
		int *rts = NULL;
		size_t n = registry_rts(as->registry, aa->code, &rts);
		int zero = has_rt0(as, &aa->score);

		aa->parts = calloc(n + 1, sizeof *aa->parts);
		if (!aa->parts) {
			free(rts);
			return PK2D_ERR_NOMEM;
		}
		for (size_t i = 0; i < n; i++) {
			if (score_compute(as, aa->code, rts[i], &aa->parts[aa->n_parts]) < 0) {
				free(rts);
				return PK2D_ERR_NOMEM;
			}
			aa->n_parts++;
		}
		free(rts);
		if (zero) {
			if (score_compute(as, aa->code, 0, &aa->parts[aa->n_parts]) < 0)
				return PK2D_ERR_NOMEM;
			aa->n_parts++;
		}
	} else {
		/* The country's parts are its provinces: 38 rows, not 84,000
		 * villages in every report and every problem's worst places. */
		char **v = NULL;
		size_t n = registry_areas(as->registry, aa->code,
		                          aa->level == AREA_NATIONAL ? AREA_PROVINCE : AREA_VILLAGE, &v);

		aa->parts = calloc(n + 1, sizeof *aa->parts);
		if (!aa->parts) {
			free_strings(v, n);
			return PK2D_ERR_NOMEM;
		}
		for (size_t i = 0; i < n; i++) {
			if (score_compute(as, v[i], RT_ALL, &aa->parts[aa->n_parts]) < 0) {
				free_strings(v, n);
				return PK2D_ERR_NOMEM;
			}
			aa->n_parts++;
		}
		free_strings(v, n);
	}
	return 0;
}

void assess_action_eval(const assessment *as, const reg_intervention *iv, const reg_place *at,
                        assess_action *a)
{
	reg_isum s;

	memset(a, 0, sizeof *a);
	a->decl = iv;
	a->coverage = NAN;
	if (registry_get_intervention_at(as->registry, iv, at, RT_ALL, &s)) {
		a->has_data = 1;
		a->target = s.target;
		a->realised = s.realised;
		a->budget = s.budget;
		if (s.target > 0)
			a->coverage = 100.0 * s.realised / s.target;
	}
}

static int aims_at(const reg_intervention *iv, const char *ref)
{
	for (size_t i = 0; i < iv->n_aims; i++)
		if (strcmp(iv->aims[i], ref) == 0)
			return 1;
	return 0;
}

int assess_keep_worst(assess_place *all, size_t n, size_t worst, assess_place **out,
                      size_t *n_out)
{
	size_t keep = n < worst ? n : worst;

	for (size_t k = 0; k < keep; k++) {
		all[k].area = strdup(all[k].area);
		if (!all[k].area) {
			for (size_t j = 0; j < k; j++)
				free(all[j].area);
			free(all);
			return PK2D_ERR_NOMEM;
		}
	}
	*out = all;
	*n_out = keep;
	return 0;
}

static int cmp_place(const void *a, const void *b)
{
	const assess_place *x = a, *y = b;

	if (x->score != y->score)
		return x->score < y->score ? -1 : 1;
	if (x->den != y->den)
		return x->den > y->den ? -1 : 1;      /* more KK first */
	return strcmp(x->area, y->area) != 0 ? strcmp(x->area, y->area) : x->rt - y->rt;
}

/* The places (parts) where the indicator at (d, i) is worst. */
static int worst_places(const assessment *as, const assess_area *aa, size_t d, size_t i,
                        assess_problem *pb)
{
	assess_place *all = calloc(aa->n_parts + 1, sizeof *all);
	size_t n = 0;

	if (!all)
		return PK2D_ERR_NOMEM;
	for (size_t k = 0; k < aa->n_parts; k++) {
		const assess_indicator *ai = &aa->parts[k].dimensions[d].indicators[i];

		if (ai->missing != ASSESS_HAS_DATA)
			continue;
		all[n].area = aa->parts[k].area;      /* borrowed until copied below */
		all[n].rt = aa->parts[k].rt;
		all[n].num = ai->num;
		all[n].den = ai->den;
		all[n].value = ai->value;
		all[n].score = ai->score;
		n++;
	}
	qsort(all, n, sizeof *all, cmp_place);
	return assess_keep_worst(all, n, as->model->worst, &pb->worst, &pb->n_worst);
}

int assess_follow_up(const assessment *as, const reg_place *at, const char *ref,
                     assess_action **out, size_t *n_out)
{
	const registry *r = as->registry;
	size_t n = 0;

	for (size_t k = 0; k < registry_n_interventions(r); k++)
		if (aims_at(registry_intervention_at(r, k), ref))
			n++;
	*n_out = 0;
	*out = calloc(n + 1, sizeof **out);
	if (!*out)
		return PK2D_ERR_NOMEM;
	for (size_t k = 0; k < registry_n_interventions(r); k++) {
		const reg_intervention *iv = registry_intervention_at(r, k);

		if (aims_at(iv, ref))
			assess_action_eval(as, iv, at, &(*out)[(*n_out)++]);
	}
	return 0;
}

void assess_problem_clear(assess_problem *pb)
{
	for (size_t j = 0; j < pb->n_worst; j++)
		free(pb->worst[j].area);
	free(pb->worst);
	free(pb->actions);
	planner_steps_free(pb->steps, pb->n_steps);
}

typedef struct ranked {
	assess_problem pb;
	size_t order;
} ranked;

static int cmp_problem(const void *a, const void *b)
{
	const ranked *x = a, *y = b;

	if (x->pb.affected != y->pb.affected)
		return x->pb.affected > y->pb.affected ? -1 : 1;
	if (x->pb.attention_gap != y->pb.attention_gap)
		return x->pb.attention_gap > y->pb.attention_gap ? -1 : 1;
	if (x->pb.target_gap != y->pb.target_gap)
		return x->pb.target_gap > y->pb.target_gap ? -1 : 1;
	return x->order < y->order ? -1 : 1;
}

static int problems_compute(const assessment *as, assess_area *aa)
{
	const model *m = as->model;
	size_t total = 0, n = 0;
	ranked *rk;

	for (size_t d = 0; d < m->n_dimensions; d++)
		total += m->dimensions[d].n_indicators;
	rk = calloc(total + 1, sizeof *rk);
	if (!rk)
		return PK2D_ERR_NOMEM;
	for (size_t d = 0; d < aa->score.n_dimensions; d++) {
		const assess_dimension *ad = &aa->score.dimensions[d];

		for (size_t i = 0; i < ad->model->n_indicators; i++) {
			const assess_indicator *ai = &ad->indicators[i];
			assess_problem *pb = &rk[n].pb;

			if (!ai->below_attention && !ai->off_target)
				continue;
			rk[n].order = n;
			pb->dimension = ad;
			pb->indicator = ai;
			pb->affected = ai->affected;
			pb->attention_gap = ai->below_attention ? m->attention - ai->score : 0;
			pb->target_gap = ai->off_target ? fabs(ai->value - ai->target) : 0;
			n++;
			if (worst_places(as, aa, d, i, pb) < 0 ||
			    assess_follow_up(as, &aa->score.place, ai->model->ref, &pb->actions,
			                     &pb->n_actions) < 0 ||
			    planner_problem(as, aa, d, i, pb) < 0) {
				aa->problems = calloc(n, sizeof *aa->problems);
				for (size_t k = 0; aa->problems && k < n; k++)
					aa->problems[k] = rk[k].pb;
				aa->n_problems = aa->problems ? n : 0;
				free(rk);
				return PK2D_ERR_NOMEM;
			}
		}
	}
	qsort(rk, n, sizeof *rk, cmp_problem);
	aa->problems = calloc(n + 1, sizeof *aa->problems);
	if (!aa->problems) {
		for (size_t k = 0; k < n; k++)
			assess_problem_clear(&rk[k].pb);
		free(rk);
		return PK2D_ERR_NOMEM;
	}
	for (size_t k = 0; k < n; k++)
		aa->problems[k] = rk[k].pb;
	aa->n_problems = n;
	free(rk);
	return 0;
}

static int household_compute(const assessment *as, assess_area *aa)
{
	const model *m = as->model;

	aa->household = calloc(m->n_household + 1, sizeof *aa->household);
	if (!aa->household)
		return PK2D_ERR_NOMEM;
	aa->n_household = m->n_household;
	for (size_t i = 0; i < m->n_household; i++) {
		assess_household *h = &aa->household[i];
		const reg_indicator *ind = m->household[i].indicator ?
			registry_find_indicator(as->registry, m->household[i].indicator) : NULL;
		reg_sum s;

		h->range = &m->household[i];
		h->value = NAN;
		if (ind && registry_get_at(as->registry, ind, &aa->score.place, RT_ALL, &s)) {
			h->num = s.num;
			h->den = s.den;
			if (s.den > 0)
				h->value = 100.0 * s.num / s.den;
		}
	}
	return 0;
}

const model_indicator *assess_model_indicator(const model *m, const char *ref)
{
	for (size_t d = 0; d < m->n_dimensions; d++)
		for (size_t i = 0; i < m->dimensions[d].n_indicators; i++) {
			const model_indicator *mi = &m->dimensions[d].indicators[i];

			if (strcmp(mi->ref, ref) == 0)
				return mi;
		}
	return NULL;
}

static int wrong_side(int direction, double value, double target)
{
	return direction == PK2D_LOWER_IS_BETTER ? value > target : value < target;
}

int assess_colour(const assessment *as, int status, double capaian)
{
	const model *m = as->model;
	const model_range *c;

	if (status != ASSESS_OFF_TARGET || isnan(capaian))
		return status;
	c = model_range_of(m->capaian, m->n_capaian, capaian);
	return c && 5 * (size_t)(c - m->capaian) < 3 * m->n_capaian ? ASSESS_AMBER : ASSESS_RED;
}

int assess_value_status(const assessment *as, const reg_indicator *d, double value,
                        double *target, int *target_year)
{
	const model *m = as->model;
	const model_indicator *mi = as->decl_model[d->index];

	*target = NAN;
	*target_year = 0;
	if (mi && mi->has_target)
		*target = year_value_at(&mi->target, as->year, target_year);
	else if (d->has_target && d->direction != PK2D_NEUTRAL) {
		*target = d->target;
		*target_year = d->target_year;
	}
	if (!mi && isnan(*target))
		return -1;
	if (isnan(value))
		return ASSESS_NO_DATA;
	if (mi) {
		double score = d->direction == PK2D_LOWER_IS_BETTER ? 100 - value : value;

		if (score < m->attention)
			return ASSESS_ATTENTION;
		if (!isnan(*target) && wrong_side(d->direction, value, *target))
			return ASSESS_OFF_TARGET;
		return ASSESS_GOOD;
	}
	return wrong_side(d->direction, value, *target) ? ASSESS_OFF_TARGET : ASSESS_GOOD;
}

static void row_eval(const assessment *as, const reg_indicator *ind, const reg_place *at,
                     assess_row *row)
{
	reg_sum s;

	memset(row, 0, sizeof *row);
	row->decl = ind;
	row->value = NAN;
	row->capaian = NAN;
	if (registry_get_at(as->registry, ind, at, RT_ALL, &s)) {
		row->has_value = 1;
		row->num = s.num;
		row->den = s.den;
		row->value = reg_value(ind, &s);
	}
	row->status = assess_value_status(as, ind, row->value, &row->target, &row->target_year);
	row->has_target = !isnan(row->target);
	if (!row->has_target)
		row->target = 0;
	if (row->has_value && row->has_target) {
		row->capaian = assess_capaian(ind->direction, row->target, row->value);
		row->off_target = wrong_side(ind->direction, row->value, row->target);
	}
	row->category = model_range_of(as->model->capaian, as->model->n_capaian, row->capaian);
	row->colour = assess_colour(as, row->status, row->capaian);
}

static assess_agency *agency_slot(assess_area *aa, const char *agency)
{
	assess_agency *a;

	for (size_t i = 0; i < aa->n_agencies; i++)
		if (strcmp(aa->agencies[i].agency, agency) == 0)
			return &aa->agencies[i];
	a = realloc(aa->agencies, (aa->n_agencies + 1) * sizeof *a);
	if (!a)
		return NULL;
	aa->agencies = a;
	a = &a[aa->n_agencies];
	memset(a, 0, sizeof *a);
	a->agency = strdup(agency);
	if (!a->agency)
		return NULL;
	aa->n_agencies++;
	return a;
}

static int agencies_compute(const assessment *as, assess_area *aa)
{
	const registry *r = as->registry;

	for (size_t i = 0; i < registry_n_indicators(r); i++) {
		const reg_indicator *ind = registry_indicator_at(r, i);
		assess_agency *ag = agency_slot(aa, ind->agency);
		assess_row *rows;

		if (!ag)
			return PK2D_ERR_NOMEM;
		rows = realloc(ag->rows, (ag->n_rows + 1) * sizeof *rows);
		if (!rows)
			return PK2D_ERR_NOMEM;
		ag->rows = rows;
		row_eval(as, ind, &aa->score.place, &rows[ag->n_rows++]);
	}
	for (size_t i = 0; i < registry_n_interventions(r); i++) {
		const reg_intervention *iv = registry_intervention_at(r, i);
		assess_agency *ag = agency_slot(aa, iv->agency);
		assess_action *acts;

		if (!ag)
			return PK2D_ERR_NOMEM;
		acts = realloc(ag->actions, (ag->n_actions + 1) * sizeof *acts);
		if (!acts)
			return PK2D_ERR_NOMEM;
		ag->actions = acts;
		assess_action_eval(as, iv, &aa->score.place, &acts[ag->n_actions++]);
	}
	return 0;
}

void assess_area_free(assess_area *aa)
{
	if (!aa)
		return;
	free(aa->code);
	for (size_t i = 0; i < aa->profile.n_up; i++)
		free(aa->profile.up[i].code);
	free_strings(aa->profile.agencies, aa->profile.n_agencies);
	score_free(&aa->score);
	for (size_t i = 0; i < aa->n_parts; i++)
		score_free(&aa->parts[i]);
	free(aa->parts);
	free(aa->household);
	for (size_t i = 0; i < aa->n_problems; i++)
		assess_problem_clear(&aa->problems[i]);
	free(aa->problems);
	agency_problems_free(aa);
	planner_ikk_free(aa->ikk_plan);
	for (size_t i = 0; i < aa->n_agencies; i++) {
		free(aa->agencies[i].agency);
		free(aa->agencies[i].rows);
		free(aa->agencies[i].actions);
	}
	free(aa->agencies);
	free(aa);
}

assess_area *assess_area_compute(const assessment *as, const char *code)
{
	int level = area_level(code);
	assess_area *aa;

	if (level == AREA_INVALID)
		return NULL;
	aa = calloc(1, sizeof *aa);
	if (!aa)
		return NULL;
	aa->level = level;
	aa->code = strdup(code);
	aa->name = as->areas ? areas_name(as->areas, code) : NULL;
	if (!aa->code || profile_compute(as, code, level, &aa->profile) < 0 ||
	    score_compute(as, code, RT_ALL, &aa->score) < 0 || parts_compute(as, aa) < 0 ||
	    household_compute(as, aa) < 0 || problems_compute(as, aa) < 0 ||
	    agencies_compute(as, aa) < 0 || agency_problems_compute(as, aa) < 0 ||
	    planner_ikk(as, aa) < 0) {
		assess_area_free(aa);
		return NULL;
	}
	return aa;
}

static int summary_add(assessment *as, const char *code, size_t *cap)
{
	assess_summary *s;
	assess_score sc;

	if (as->n_summary == *cap) {
		size_t ncap = *cap ? *cap * 2 : 16;

		s = realloc(as->summary, ncap * sizeof *s);
		if (!s)
			return PK2D_ERR_NOMEM;
		as->summary = s;
		*cap = ncap;
	}
	if (score_compute(as, code, RT_ALL, &sc) < 0)
		return PK2D_ERR_NOMEM;
	s = &as->summary[as->n_summary];
	memset(s, 0, sizeof *s);
	s->code = sc.area;            /* taken over from the score */
	sc.area = NULL;
	s->level = area_level(code);
	s->name = as->areas ? areas_name(as->areas, code) : NULL;
	s->kk = figure(as, MODEL_PROFILE_KK, &sc.place);
	s->n_missing_dimensions = sc.n_missing_dimensions;
	s->ikk = sc.ikk;
	s->category = sc.category;
	score_free(&sc);
	as->n_summary++;
	return 0;
}

/* Standard competition ranking by IKK within each level ("1224"). */
/* Summary lines by level, then IKK from the highest. */
static int cmp_by_level_ikk(const void *x, const void *y, void *ud)
{
	const assess_summary *all = ud;
	const assess_summary *a = &all[*(const size_t *)x], *b = &all[*(const size_t *)y];

	if (a->level != b->level)
		return a->level < b->level ? -1 : 1;
	return a->ikk > b->ikk ? -1 : a->ikk < b->ikk;
}

/* Each line with an IKK gets 1 + how many areas of its level have a higher
 * one, so that equal IKKs share a rank: one sort, where comparing every
 * pair took 4.8 M steps for a province's 2,186 lines. */
static int summary_rank(assessment *as)
{
	size_t *by = malloc((as->n_summary + 1) * sizeof *by), n = 0, level_at = 0, tie_at = 0;

	if (!by)
		return PK2D_ERR_NOMEM;
	for (size_t i = 0; i < as->n_summary; i++)
		if (!isnan(as->summary[i].ikk))
			by[n++] = i;
	qsort_r(by, n, sizeof *by, cmp_by_level_ikk, as->summary);
	for (size_t i = 0; i < n; i++) {
		assess_summary *s = &as->summary[by[i]];
		const assess_summary *before = i ? &as->summary[by[i - 1]] : NULL;

		if (!before || before->level != s->level)
			level_at = tie_at = i;
		else if (before->ikk != s->ikk)
			tie_at = i;
		s->rank = tie_at - level_at + 1;
	}
	free(by);
	return 0;
}

void assess_free(assessment *as)
{
	if (!as)
		return;
	assess_area_free(as->main);
	for (size_t i = 0; i < as->n_summary; i++)
		free(as->summary[i].code);
	free(as->summary);
	free(as->run_area);
	free(as->period);
	free(as->model_decl);
	free(as->decl_model);
	free(as);
}

/* The declarations of the model's indicators and profile figures, and the
 * model indicator of each declaration, found once: every area's assessment
 * asks for them. */
static int lookups_build(assessment *as)
{
	const model *m = as->model;
	const registry *r = as->registry;
	size_t total = 0, k = 0;

	for (size_t d = 0; d < m->n_dimensions; d++)
		total += m->dimensions[d].n_indicators;
	as->model_decl = calloc(total + 1, sizeof *as->model_decl);
	as->decl_model = calloc(registry_n_indicators(r) + 1, sizeof *as->decl_model);
	if (!as->model_decl || !as->decl_model)
		return PK2D_ERR_NOMEM;
	for (size_t d = 0; d < m->n_dimensions; d++)
		for (size_t i = 0; i < m->dimensions[d].n_indicators; i++)
			as->model_decl[k++] = registry_find_indicator(r, m->dimensions[d].indicators[i].ref);
	for (size_t i = 0; i < registry_n_indicators(r); i++)
		as->decl_model[i] = assess_model_indicator(m, registry_indicator_at(r, i)->full_id);
	for (int p = 0; p < MODEL_N_PROFILE; p++)
		as->profile_decl[p] = m->profile[p] ? registry_find_indicator(r, m->profile[p]) : NULL;
	return 0;
}

int assess_run(const model *m, const registry *r, const areas *a, const char *run_area,
               const char *period, assessment **out, char *err, size_t errlen)
{
	assessment *as;
	int level = area_level(run_area);
	size_t cap = 0;

	*out = NULL;
	if (level == AREA_INVALID) {
		snprintf(err, errlen, "'%s' is not a Kemendagri area code (PP, PP.KK, PP.KK.CC "
		         "or PP.KK.CC.DDDD) or all", run_area);
		return PK2D_ERR_INVALID;
	}
	if (!period_valid(period)) {
		snprintf(err, errlen, "'%s' is not a period (2023, 2023S1, 2023Q2, 202306)", period);
		return PK2D_ERR_INVALID;
	}
	as = calloc(1, sizeof *as);
	if (!as)
		goto oom;
	as->model = m;
	as->year = year_value_period_year(period);
	as->registry = r;
	as->areas = a;
	as->run_area = strdup(run_area);
	as->period = strdup(period);
	if (!as->run_area || !as->period || lookups_build(as) < 0)
		goto oom;
	as->main = assess_area_compute(as, run_area);
	if (!as->main || summary_add(as, run_area, &cap) < 0)
		goto oom;
	/* A national run is summarised by province: 38 rows, not the 90,000
	 * regencies, districts and villages under them. */
	for (int l = level + 1; l <= (level == AREA_NATIONAL ? AREA_PROVINCE : AREA_VILLAGE); l++) {
		char **codes = NULL;
		size_t n = registry_areas(r, run_area, l, &codes);
		int rc = 0;

		for (size_t i = 0; i < n && rc == 0; i++)
			rc = summary_add(as, codes[i], &cap);
		free_strings(codes, n);
		if (rc < 0)
			goto oom;
	}
	if (summary_rank(as) < 0)
		goto oom;
	*out = as;
	return 0;
oom:
	assess_free(as);
	snprintf(err, errlen, "out of memory");
	return PK2D_ERR_NOMEM;
}

