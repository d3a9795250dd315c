/*
 * agency_problems.c - the agencies' indicators off their targets
 * (agency_problems.h).
 */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "agency_problems.h"
#include "assess_priv.h"
#include "display.h"

/* The wrong side first: the highest values of a lower-is-better indicator,
 * the lowest of the others; then more units, then by place. */
static int cmp_lower_first(const void *a, const void *b)
{
	const assess_place *x = a, *y = b;

	if (x->value != y->value)
		return x->value < y->value ? -1 : 1;
	if (x->den != y->den)
		return x->den > y->den ? -1 : 1;
	return strcmp(x->area, y->area) ? strcmp(x->area, y->area) : (x->rt > y->rt) - (x->rt < y->rt);
}

static int cmp_higher_first(const void *a, const void *b)
{
	const assess_place *x = a, *y = b;

	if (x->value != y->value)
		return x->value > y->value ? -1 : 1;
	return cmp_lower_first(a, b);
}

static int worst_places(const assessment *as, const assess_area *aa, const reg_indicator *ind,
                        assess_agency_problem *pb)
{
	assess_place *all = calloc(aa->n_parts + 1, sizeof *all);
	size_t n = 0;

	if (!all)
		return PK2D_ERR_NOMEM;
	for (size_t k = 0; k < aa->n_parts; k++) {
		reg_sum s;

		if (!registry_get_at(as->registry, ind, &aa->parts[k].place, aa->parts[k].rt, &s))
			continue;
		all[n].value = reg_value(ind, &s);
		if (isnan(all[n].value))
			continue;
		all[n].area = aa->parts[k].area;      /* borrowed until copied below */
		all[n].rt = aa->parts[k].rt;
		all[n].num = s.num;
		all[n].den = s.den;
		all[n].score = all[n].value;
		n++;
	}
	qsort(all, n, sizeof *all,
	      ind->direction == PK2D_LOWER_IS_BETTER ? cmp_higher_first : cmp_lower_first);
	return assess_keep_worst(all, n, as->model->worst, &pb->worst, &pb->n_worst);
}

static void problem_clear(assess_agency_problem *pb)
{
	for (size_t j = 0; j < pb->n_worst; j++)
		free(pb->worst[j].area);
	free(pb->worst);
	free(pb->actions);
	planner_steps_free(pb->steps, pb->n_steps);
}

void agency_problems_free(assess_area *aa)
{
	for (size_t i = 0; i < aa->n_agency_problems; i++)
		problem_clear(&aa->agency_problems[i]);
	free(aa->agency_problems);
	aa->agency_problems = NULL;
	aa->n_agency_problems = 0;
}

/* Headline indicators first, then the largest relative gap, then the larger
 * gap, then declaration order
 * (the rows' addresses run in it within an agency; agencies in order of
 * first declaration). */
static int cmp_problem(const void *a, const void *b)
{
	const assess_agency_problem *x = a, *y = b;

	if (x->headline != y->headline)
		return x->headline ? -1 : 1;
	if (x->relative_gap != y->relative_gap)
		return x->relative_gap > y->relative_gap ? -1 : 1;
	if (x->gap != y->gap)
		return x->gap > y->gap ? -1 : 1;
	return x->row->decl->index < y->row->decl->index ? -1 :
	       x->row->decl->index > y->row->decl->index;
}

static int one(const assessment *as, const assess_area *aa, const assess_agency *ag,
               const assess_row *row, assess_agency_problem *pb)
{
	const reg_indicator *ind = row->decl;

	memset(pb, 0, sizeof *pb);
	pb->row = row;
	pb->agency = ag->agency;
	pb->headline = registry_display(as->registry, ind) &&
	               registry_display(as->registry, ind)->headline;
	pb->gap = fabs(row->value - row->target);
	pb->relative_gap = row->target != 0 ? 100.0 * pb->gap / fabs(row->target) : INFINITY;
	pb->to_change = planner_need(ind->kind, ind->direction, row->num, row->den, row->target);
	if (worst_places(as, aa, ind, pb) < 0 ||
	    assess_follow_up(as, &aa->score.place, ind->full_id, &pb->actions, &pb->n_actions) < 0 ||
	    planner_steps(as, aa, ind, pb->to_change, &pb->steps, &pb->n_steps) < 0)
		return PK2D_ERR_NOMEM;
	return 0;
}

int agency_problems_compute(const assessment *as, assess_area *aa)
{
	size_t total = 0;

	for (size_t a = 0; a < aa->n_agencies; a++)
		total += aa->agencies[a].n_rows;
	aa->agency_problems = calloc(total + 1, sizeof *aa->agency_problems);
	if (!aa->agency_problems)
		return PK2D_ERR_NOMEM;
	for (size_t a = 0; a < aa->n_agencies; a++) {
		const assess_agency *ag = &aa->agencies[a];

		for (size_t r = 0; r < ag->n_rows; r++) {
			const assess_row *row = &ag->rows[r];

			if (!row->off_target || as->decl_model[row->decl->index])
				continue;
			if (one(as, aa, ag, row, &aa->agency_problems[aa->n_agency_problems++]) < 0)
				return PK2D_ERR_NOMEM;
		}
	}
	qsort(aa->agency_problems, aa->n_agency_problems, sizeof *aa->agency_problems,
	      cmp_problem);
	return 0;
}
