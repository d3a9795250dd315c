/*
 * assess_priv.h - what the assessment's files share among themselves
 * (assess.c, agency_problems.c, planner.c); nothing outside src/assess uses it.
 */
#ifndef PK2D_ASSESS_PRIV_H
#define PK2D_ASSESS_PRIV_H

#include "assess.h"

/* Target, realisation and coverage of iv at a place (an area's
 * score.place). */
void assess_action_eval(const assessment *as, const reg_intervention *iv, const reg_place *at,
                        assess_action *a);

/* Every intervention whose aims include the registry id ref, evaluated at
 * a place, in declaration order. 0, or PK2D_ERR_NOMEM. */
int assess_follow_up(const assessment *as, const reg_place *at, const char *ref,
                     assess_action **out, size_t *n_out);

/* The model indicator that takes its value from the registry id ref; NULL
 * when the id is not in the model. */
const model_indicator *assess_model_indicator(const model *m, const char *ref);

/* The first min(n, worst) of the sorted places all, each with its own copy
 * of its area code, as a problem's worst places; all is taken (freed on
 * failure). 0, or PK2D_ERR_NOMEM. */
int assess_keep_worst(assess_place *all, size_t n, size_t worst, assess_place **out,
                      size_t *n_out);

/* Frees what a problem owns (worst places, actions, planner steps). */
void assess_problem_clear(assess_problem *pb);

#endif
