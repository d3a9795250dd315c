/*
 * planner.c - the target planner (planner.h).
 */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "planner.h"

/* x, or the whole number it differs from by rounding error only. */
static double settle(double x)
{
	double r = round(x);

	return fabs(x - r) < 1e-9 ? r : x;
}

double planner_need(int kind, int direction, double num, double den, double line)
{
	double at = kind == PK2D_COUNT ? line : settle(line * den / 100.0);
	double need;

	if (kind == PK2D_MEAN || isnan(line))
		return NAN;
	need = direction == PK2D_LOWER_IS_BETTER ? num - floor(at) : ceil(at) - num;
	return need > 0 ? need : 0;
}

/* Units on the wrong side of a part's value. */
static double wrong_units(int direction, double num, double den)
{
	double w = direction == PK2D_LOWER_IS_BETTER ? num : den - num;

	return w > 0 ? w : 0;
}

static int cmp_step(const void *a, const void *b)
{
	const assess_step *x = a, *y = b;
	int c;

	if (x->affected != y->affected)
		return x->affected > y->affected ? -1 : 1;
	c = strcmp(x->area, y->area);
	return c ? c : (x->rt > y->rt) - (x->rt < y->rt);
}

void planner_steps_free(assess_step *steps, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(steps[i].area);
	free(steps);
}

int planner_steps(const assessment *as, const assess_area *aa, const reg_indicator *ind,
                  double need, assess_step **out, size_t *n_out)
{
	assess_step *all = calloc(aa->n_parts + 1, sizeof *all);
	size_t n = 0, keep = 0;
	double left = need;

	*out = NULL;
	*n_out = 0;
	if (!all)
		return PK2D_ERR_NOMEM;
	if (ind->kind == PK2D_COUNT || ind->kind == PK2D_MEAN || !(need > 0)) {
		free(all);
		return 0;
	}
	for (size_t k = 0; k < aa->n_parts; k++) {
		reg_sum s;

		if (!registry_get_at(as->registry, ind, &aa->parts[k].place, aa->parts[k].rt, &s) ||
		    !(s.den > 0))
			continue;
		all[n].area = aa->parts[k].area;      /* borrowed until copied below */
		all[n].rt = aa->parts[k].rt;
		all[n].affected = wrong_units(ind->direction, s.num, s.den);
		if (all[n].affected > 0)
			n++;
	}
	qsort(all, n, sizeof *all, cmp_step);
	for (; keep < n && left > 0; keep++) {
		all[keep].take = all[keep].affected < left ? all[keep].affected : left;
		left -= all[keep].take;
		all[keep].area = strdup(all[keep].area);
		if (!all[keep].area) {
			planner_steps_free(all, keep);
			return PK2D_ERR_NOMEM;
		}
	}
	*out = all;
	*n_out = keep;
	return 0;
}

int planner_problem(const assessment *as, const assess_area *aa, size_t d, size_t i,
                    assess_problem *pb)
{
	const assess_indicator *ai = &aa->score.dimensions[d].indicators[i];
	int dir = ai->decl->direction;
	double need = 0;

	if (ai->below_attention)
		need = planner_need(PK2D_PROPORTION, dir, ai->num, ai->den,
		                    dir == PK2D_LOWER_IS_BETTER ? 100 - as->model->attention :
		                                                  as->model->attention);
	if (ai->off_target) {
		double t = planner_need(PK2D_PROPORTION, dir, ai->num, ai->den, ai->target);

		if (t > need)
			need = t;
	}
	pb->to_change = need;
	return planner_steps(as, aa, ai->decl, need, &pb->steps, &pb->n_steps);
}

static int cmp_move(const void *a, const void *b)
{
	const assess_ikk_move *x = a, *y = b;

	if (x->gain != y->gain)
		return x->gain > y->gain ? -1 : 1;
	return strcmp(x->indicator->model->code, y->indicator->model->code);
}

/* The IKK with every problem of the score lifted to its line and target. */
static double ikk_at_lines(const model *m, const assess_score *s)
{
	double ikk = 0;

	for (size_t d = 0; d < s->n_dimensions; d++) {
		const assess_dimension *ad = &s->dimensions[d];
		double wsum = 0, sum = 0;

		for (size_t i = 0; i < ad->model->n_indicators; i++) {
			const assess_indicator *ai = &ad->indicators[i];
			double score = ai->score, w = ad->model->indicators[i].weight;

			if (ai->missing != ASSESS_HAS_DATA)
				continue;
			if (score < m->attention)
				score = m->attention;
			if (ai->off_target) {
				double t = ai->decl->direction == PK2D_LOWER_IS_BETTER ? 100 - ai->target :
				                                                         ai->target;

				if (score < t)
					score = t;
			}
			wsum += w;
			sum += w * score;
		}
		ikk += ad->model->weight * sum / wsum;
	}
	return ikk;
}

void planner_ikk_free(assess_ikk_plan *p)
{
	if (!p)
		return;
	free(p->moves);
	free(p);
}

int planner_ikk(const assessment *as, assess_area *aa)
{
	const model *m = as->model;
	const assess_score *s = &aa->score;
	assess_ikk_plan *p;
	size_t n = 0, used = 0;
	double left;

	if (isnan(s->ikk))
		return 0;
	p = calloc(1, sizeof *p);
	if (!p)
		return PK2D_ERR_NOMEM;
	aa->ikk_plan = p;
	p->ikk_at_lines = ikk_at_lines(m, s);
	p->category_at_lines = model_range_of(m->ikk, m->n_ikk, p->ikk_at_lines);
	/* The ranges run top down: the next one up is the one before. */
	for (size_t k = 1; k < m->n_ikk; k++)
		if (&m->ikk[k] == s->category)
			p->next = &m->ikk[k - 1];
	if (!p->next)
		return 0;
	p->needed = p->next->from - s->ikk;
	for (size_t d = 0; d < s->n_dimensions; d++)
		n += s->dimensions[d].model->n_indicators;
	p->moves = calloc(n + 1, sizeof *p->moves);
	if (!p->moves)
		return PK2D_ERR_NOMEM;
	n = 0;
	for (size_t d = 0; d < s->n_dimensions; d++) {
		const assess_dimension *ad = &s->dimensions[d];
		double wsum = 0;

		for (size_t i = 0; i < ad->model->n_indicators; i++)
			if (ad->indicators[i].missing == ASSESS_HAS_DATA)
				wsum += ad->model->indicators[i].weight;
		for (size_t i = 0; i < ad->model->n_indicators; i++) {
			const assess_indicator *ai = &ad->indicators[i];

			if (ai->missing != ASSESS_HAS_DATA || !(ai->affected > 0))
				continue;
			p->moves[n].dimension = ad;
			p->moves[n].indicator = ai;
			p->moves[n].gain = 100.0 * ad->model->weight * ad->model->indicators[i].weight /
			                   (wsum * ai->den);
			n++;
		}
	}
	qsort(p->moves, n, sizeof *p->moves, cmp_move);
	left = p->needed;
	p->changes = 0;
	for (; used < n && left > 1e-9; used++) {
		assess_ikk_move *mv = &p->moves[used];
		double k = ceil(settle(left / mv->gain));

		if (k > mv->indicator->affected)
			k = mv->indicator->affected;
		mv->changes = k;
		p->changes += k;
		left -= k * mv->gain;
	}
	p->n_moves = used;
	if (left > 1e-9)
		p->changes = NAN;
	return 0;
}
