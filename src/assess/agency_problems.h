/*
 * agency_problems.h - the agencies' problems: every indicator outside the
 * model whose value misses its target (direction-aware), beside the model's
 * problems (assess.h). Their units differ (children, people, KK, events), so
 * they are ranked by their relative gap to the target, not by KK affected,
 * the plugins' headline indicators (pk2d_display.headline: stunting) first
 * (docs/model.md, "Problems").
 */
#ifndef PK2D_AGENCY_PROBLEMS_H
#define PK2D_AGENCY_PROBLEMS_H

#include "assess.h"
#include "planner.h"

typedef struct assess_agency_problem {
	const assess_row *row;        /* into the area's agency table: value,
	                                 target, target year, capaian, status */
	const char *agency;           /* the row's agency */
	int headline;                 /* its plugin declared it a headline: first */
	double gap;                   /* |value - target|, in the value's unit */
	double relative_gap;          /* 100 * gap / target (the ranking key);
	                                 INFINITY for a target of 0 */
	double to_change;             /* units (of the denominator; the count for
	                                 a count) that must change to reach the
	                                 target; NaN for a mean (planner.h) */
	size_t n_steps;
	assess_step *steps;           /* where to find them, most affected first */
	size_t n_worst;
	assess_place *worst;          /* the parts furthest on the wrong side
	                                 first (score = the value), at most
	                                 model->worst */
	size_t n_actions;
	assess_action *actions;       /* every intervention that aims at it */
} assess_agency_problem;

/* aa->agency_problems from aa's agency tables. 0, or PK2D_ERR_NOMEM. */
int agency_problems_compute(const assessment *as, assess_area *aa);
void agency_problems_free(assess_area *aa);

#endif
