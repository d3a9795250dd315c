/*
 * target.h - a target key of a plugin read for the run's period: one value,
 * or YEAR:VALUE pairs of which the period's year picks one (the one syntax of
 * every target key, src/base/year_value.h; docs/config.md, "Targets by
 * year"). Compiled into each plugin with its own copy of year_value.c.
 */
#ifndef PK2D_PLUGIN_TARGET_H
#define PK2D_PLUGIN_TARGET_H

#include <stddef.h>
#include "pk2d/plugin.h"

/* The value text gives for the year of api->run_period(h), within
 * [min, max]: 0 with *value and *year (the year it was taken from; 0 for one
 * value) set, or -1 with the reason in err. */
int target_for_run(const pk2d_host_api *api, pk2d_host *h, const char *text, double min,
                   double max, double *value, int *year, char *err, size_t errlen);

#endif
