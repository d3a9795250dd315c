/*
 * prevalence.h - what the health plugin counts in one area and RT.
 *
 * Pure arithmetic on counts, as WHO Anthro's prevalence analysis (anthro's
 * anthro_prevalence(), "standard analysis") does it on the rounded z-scores:
 *  - a flagged z-score and a missing one are left out of every prevalence;
 *  - a child with oedema has no weight-based z-score but counts as below
 *    -3 SD in weight-for-age and weight-for-length/height (so as wasted,
 *    severely wasted and underweight, and in the denominator of overweight);
 *  - the means and standard deviations use the z-scores themselves, without
 *    the oedema children.
 * The standard deviation comes from the sums kept here (n, sum z, sum z^2)
 * through the indicators mean_zX and meansq_zX: the SD column of the zscores
 * table the plugin declares (indicators.c).
 */
#ifndef HEALTH_PREVALENCE_H
#define HEALTH_PREVALENCE_H

#include "zscore.h"

typedef struct prev_counts {
	long children;           /* children counted (one row each) */
	long rejected;           /* rows of the export rejected here */
	long computed[ZS_N];     /* z-scores computed, flagged ones included */
	long flagged[ZS_N];
	long missing[ZS_N];      /* children without that z-score */
	long n[ZS_N];            /* z-scores used: computed and not flagged */
	double sum[ZS_N];        /* sum of those z-scores */
	double sumsq[ZS_N];      /* sum of their squares */
	long len_den, stunted, severely_stunted;
	long wei_den, underweight;
	long wfl_den, wasted, severely_wasted, overweight;
	long kk_measured;        /* KK with a child with a usable zlen */
	long kk_free;            /* ... and no stunted child */
} prev_counts;

/* Counts one child's result; oedema is the child's oedema (1 yes). */
void prev_add_child(prev_counts *c, const zscore_result *r, int oedema);

#endif
