/*
 * prevalence.c - counting children as WHO Anthro's prevalence analysis does.
 */
#include <math.h>

#include "prevalence.h"

void prev_add_child(prev_counts *c, const zscore_result *r, int oedema)
{
	c->children++;
	for (int i = 0; i < ZS_N; i++) {
		double z = r->z[i];

		if (isnan(z)) {
			c->missing[i]++;
			continue;
		}
		c->computed[i]++;
		if (r->flag[i] == 1) {
			c->flagged[i]++;
			continue;
		}
		c->n[i]++;
		c->sum[i] += z;
		c->sumsq[i] += z * z;
	}

	if (!isnan(r->z[ZS_LEN]) && r->flag[ZS_LEN] == 0) {
		c->len_den++;
		c->stunted += r->z[ZS_LEN] < -2;
		c->severely_stunted += r->z[ZS_LEN] < -3;
	}
	/* anthro gives an oedema child the z-score -3.1 for the weight-based
	 * prevalences only. */
	if (oedema) {
		c->wei_den++;
		c->underweight++;
		c->wfl_den++;
		c->wasted++;
		c->severely_wasted++;
		return;
	}
	if (!isnan(r->z[ZS_WEI]) && r->flag[ZS_WEI] == 0) {
		c->wei_den++;
		c->underweight += r->z[ZS_WEI] < -2;
	}
	if (!isnan(r->z[ZS_WFL]) && r->flag[ZS_WFL] == 0) {
		c->wfl_den++;
		c->wasted += r->z[ZS_WFL] < -2;
		c->severely_wasted += r->z[ZS_WFL] < -3;
		c->overweight += r->z[ZS_WFL] > 2;
	}
}
