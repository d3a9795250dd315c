/*
 * indicators.h - the health plugin's indicators: their declarations and the
 * values of one (area, RT) cell.
 */
#ifndef HEALTH_INDICATORS_H
#define HEALTH_INDICATORS_H

#include "pk2d/plugin.h"
#include "prevalence.h"

/* The national stunting target for 2029 (RPJMN 2025-2029, ECOSYSTEM.md 3.3);
 * Bappenas' adjusted target for 2025, 18.8, is set with target_stunting. */
#define HEALTH_TARGET_STUNTING_2029 14.2

/* Declares every indicator; the stunting indicator gets target_stunting. */
int indicators_declare(const pk2d_host_api *api, pk2d_host *h, double target_stunting);

/* Reports the values of one cell (values with a zero denominator are
 * skipped: nothing was counted there). */
int indicators_report(const pk2d_host_api *api, pk2d_host *h, const char *area, int rt,
                      const prev_counts *c);

#endif
