/*
 * evaluate.h - the province's evaluation of its regencies' desa lokus
 * (`pk2d evaluate`, docs/store.md): read from the history store, for each
 * regency its lokus villages' IKK and category at the first and the latest
 * stored period, the change, the problems closed and opened, the
 * interventions' realisation against their targets by agency, and the
 * regencies ranked by improvement.
 *
 * A problem is what a report lists as one (assess.h): a model indicator
 * under the model's attention line or off the model's target, or another
 * indicator whose stored value misses its stored target. The improvement of a regency is the mean
 * change of the IKK (latest minus first, in points) over its lokus villages
 * with both periods; the ranking puts the largest first, ties by code.
 */
#ifndef PK2D_EVALUATE_H
#define PK2D_EVALUATE_H

#include <stddef.h>
#include "lokus.h"
#include "model.h"
#include "store.h"
#include "trend.h"

typedef struct eval_village {
	const char *code;          /* the lokus file's code */
	const char *name;          /* its name in the region table, or NULL */
	const char *stage;         /* the stage of its latest lokus year, or NULL */
	char first[16], latest[16]; /* the first and latest periods with an IKK; "" none */
	double ikk_first, ikk_latest, change; /* NaN when missing */
	char cat_first[64], cat_latest[64];   /* category keys; "" none */
	int closed, opened;        /* problems closed and opened between the two */
	int config_changed;        /* the two periods were scored with different models
	                              (the stored "model" digests differ) or an
	                              indicator's target changed: the comparison says so */
	trend *history;            /* the IKK (dims[0]) and each of the model's
	                              dimensions over every stored period (only
	                              area, n_dims and dims set); NULL with none */
} eval_village;

typedef struct eval_agency {
	char name[128];
	double target, realised;   /* sums over the lokus villages' latest periods */
} eval_agency;

typedef struct eval_regency {
	const char *code;
	const char *name;          /* its name in the region table, or NULL */
	size_t n;
	eval_village *villages;    /* in the lokus file's order */
	size_t n_agencies;
	eval_agency *agencies;     /* sorted by name */
	double improvement;        /* NaN when no village has both periods */
	size_t n_compared;         /* villages with both periods */
	int rank;                  /* 1 the most improved; 0 when no improvement */
	int config_changed;        /* any of its villages' config_changed */
} eval_regency;

typedef struct evaluation {
	size_t n;
	eval_regency *regencies;   /* in the lokus file's order */
	const model *model;        /* the dimensions and the attention line of the
	                              villages' histories; NULL: the IKK only */
} evaluation;

/* Evaluates the lokus villages of the regencies within area ("63", "63.02",
 * "all"); m (may be NULL) names the dimensions whose histories are read;
 * the names come from the region table a (may be NULL), which must outlive
 * *out. 0 and *out set, or < 0 with err set. */
int evaluate(store *s, const lokus *l, const model *m, const areas *a, const char *area,
             evaluation **out, char *err, size_t errlen);
void evaluation_free(evaluation *e);

/* Non-zero when p, the stored point of indicator id (direction its
 * PK2D_*_IS_BETTER), is a problem as a report lists it (assess.h): with m
 * (may be NULL) and id one of its indicators, its score (the value, or 100
 * minus a lower-is-better value) under m's attention line or its value on
 * the wrong side of m's target for p's year; else its value on the wrong
 * side of its stored target. A value at a target meets it; a point without
 * a value (or target) is none. */
int evaluate_is_problem(const model *m, const char *id, int direction, const store_point *p);

#endif
