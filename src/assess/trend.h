/*
 * trend.h - an area's values against the previous period in the history
 * store, and its interventions' progress and its problems' indicators
 * across every stored period.
 *
 * "Previous" is the latest stored period of the same kind (year, semester,
 * quarter, month) before the run's period (store_previous_period).
 */
#ifndef PK2D_TREND_H
#define PK2D_TREND_H

#include <stddef.h>
#include "assess.h"
#include "registry.h"
#include "store.h"

enum trend_change {
	TREND_NONE = 0,    /* nothing to compare (no previous or no current value) */
	TREND_BETTER = 1,
	TREND_WORSE = 2,
	TREND_SAME = 3,    /* the values are equal as the reports show them */
	TREND_MOVED = 4    /* changed, but the indicator has no good direction */
};

/* The decimals the reports show a score (the IKK, a dimension) with. */
#define TREND_SCORE_DECIMALS 2

typedef struct trend_row {
	const reg_indicator *decl;
	double prev, cur;          /* NaN when none */
	double delta;              /* the change as the reports show it: cur
	                              less prev, each rounded to the decimals it
	                              is shown with (reg_value_decimals); NaN
	                              without both */
	int change;                /* enum trend_change of delta */
	double prev_target, cur_target; /* NaN when none */
	int target_changed;        /* the target then is not the target now
	                              (one of them set, or both and different) */
} trend_row;

typedef struct trend_dim {
	const model_dimension *model; /* NULL for the IKK row */
	double prev, cur;
	double delta;              /* as a trend_row's, with TREND_SCORE_DECIMALS */
	int change;
	size_t n_history;
	store_point *history;      /* every stored period of the score, in time
	                              order, with this run's own in place (only
	                              period and value set); none without a store */
} trend_dim;

/* Every stored period of one indicator's value in the area, with this
 * run's own in place (as for the scores). */
typedef struct trend_series {
	const reg_indicator *decl;
	size_t n;
	store_point *points;       /* time order */
} trend_series;

typedef struct trend_progress {
	const reg_intervention *decl;
	size_t n;
	store_ipoint *points;      /* every stored period, in time order */
} trend_progress;

typedef struct trend {
	char area[32];
	char period[16];
	char prev_period[16];      /* "" when the store has none */
	size_t n_dims;
	trend_dim *dims;           /* the IKK first, then the model's dimensions */
	size_t n_rows;
	trend_row *rows;           /* every declared indicator with a value now
	                              or then, declaration order */
	size_t n_progress;
	trend_progress *progress;  /* every declared intervention with a stored
	                              value in the area */
	size_t n_series;
	trend_series *series;      /* each problem's indicator (the IKK's
	                              problems, then the agencies'), when the
	                              store holds two periods of it or more */
	int model_changed;         /* the model that scored prev_period is not
	                              this run's (their digests differ) */
} trend;

/* Compares aa (the run's assessment of one area) with the store. s may be
 * NULL (store off): then only current values are filled. model_digest is
 * this run's model file's (store_digest_files), NULL when unknown: then no
 * change of model is seen. 0 and *out set, or < 0 with err set. */
int trend_compute(store *s, const registry *r, const assess_area *aa, const char *period,
                  const char *model_digest, trend **out, char *err, size_t errlen);
void trend_free(trend *t);

/* Non-zero when a target then (NaN: none) is not the target now. */
int trend_target_changed(double then, double now);

/* x as the reports show it with dec decimals (printf's rounding, which
 * i18n_num follows): 0.349 -> 0.3 for 1; NaN stays NaN. */
double trend_shown(double x, int dec);

/* The change from prev to cur as shown: each rounded to its decimals
 * (decp, decc), the difference rounded to the larger of them (no 0.0999..
 * for 0.1); NaN when either is NaN. */
double trend_delta(double prev, int decp, double cur, int decc);

/* enum trend_change of a change delta (trend_delta) for direction: same
 * when it is 0, none when NaN. */
int trend_change_of(int direction, double delta);

/* Writes the assessment's scores into the store's open run: "ikk" for the
 * area and every RT or area part, and "dim.<key>" for each dimension; and,
 * when model_digest is not NULL, the item "model" of the area, without a
 * value, whose category is the digest of the model file (store_digest_files)
 * that scored it: an evaluation across periods sees a change of model. */
int trend_store_scores(store *s, const assess_area *aa, const char *period,
                       const char *model_digest,
                       char *err, size_t errlen);

#endif
