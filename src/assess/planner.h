/*
 * planner.h - the target planner: how many KK (children, people) must change
 * for an area to reach a line or a target, where they are easiest to find,
 * and the fewest changes that lift the IKK to the next category
 * (docs/model.md, "Target planner").
 *
 * Assumptions, stated in the report: a change is one unit of a denominator
 * (one KK, one child) moving to the right side of an indicator; the
 * denominators stay as they are; a KK meeting one more IKK indicator is one
 * change. With every indicator's gain per change constant (its weight per
 * KK), taking the largest gains first gives the fewest changes.
 */
#ifndef PK2D_PLANNER_H
#define PK2D_PLANNER_H

#include "assess.h"

/* One part (an RT of a village, a village of a higher area) and the changes
 * to look for there: the parts with the most units on the wrong side first. */
typedef struct assess_step {
	char *area;
	int rt;                       /* RT_ALL for a whole village */
	double affected;              /* units on the wrong side in this part */
	double take;                  /* of the area's changes, how many here */
} assess_step;

/* One indicator of the IKK plan: changes taken from it, and what each one
 * adds to the IKK. */
typedef struct assess_ikk_move {
	const assess_dimension *dimension;  /* into the area's score */
	const assess_indicator *indicator;
	double gain;                  /* IKK points per change:
	                                 100 * w_dim * w_ind / (sum w_ind * den) */
	double changes;               /* changes taken, at most its KK affected */
} assess_ikk_move;

typedef struct assess_ikk_plan {
	const model_range *next;      /* the next category up; NULL at the top */
	double needed;                /* next->from - IKK; 0 at the top */
	double changes;               /* the fewest KK-indicator changes; NaN when
	                                 all of them together do not reach it */
	size_t n_moves;
	assess_ikk_move *moves;       /* largest gain first; only those used */
	double ikk_at_lines;          /* the IKK if every problem reached its
	                                 attention line and its target */
	const model_range *category_at_lines;
} assess_ikk_plan;

/* Changes to lift an area from num/den (value 100*num/den, or num for a
 * count) to the line or target `line` in the value's unit, direction-aware;
 * 0 when it is already there. */
double planner_need(int kind, int direction, double num, double den, double line);

/* The model problem at dimension d, indicator i of aa: pb->to_change and
 * pb->steps. 0, or PK2D_ERR_NOMEM. */
int planner_problem(const assessment *as, const assess_area *aa, size_t d, size_t i,
                    assess_problem *pb);

/* Steps over aa's parts for a registry indicator that needs `need` changes.
 * 0, or PK2D_ERR_NOMEM. */
int planner_steps(const assessment *as, const assess_area *aa, const reg_indicator *ind,
                  double need, assess_step **out, size_t *n_out);
void planner_steps_free(assess_step *steps, size_t n);

/* aa->ikk_plan (NULL when the area has no IKK). 0, or PK2D_ERR_NOMEM. */
int planner_ikk(const assessment *as, assess_area *aa);
void planner_ikk_free(assess_ikk_plan *p);

#endif
