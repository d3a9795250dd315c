/*
 * indicators.h - the health plugin's indicators: their declarations and the
 * values of one (area, RT) cell.
 */
#ifndef HEALTH_INDICATORS_H
#define HEALTH_INDICATORS_H

#include "pk2d/plugin.h"
#include "prevalence.h"

/* Declares every indicator; the stunting indicator gets the target
 * target_stunting gives for the run's year (target_year its year). */
int indicators_declare(const pk2d_host_api *api, pk2d_host *h, double target_stunting,
                       int target_year);

/* Reports the values of one cell (values with a zero denominator are
 * skipped: nothing was counted there). */
int indicators_report(const pk2d_host_api *api, pk2d_host *h, const char *area, int rt,
                      const prev_counts *c);

#endif
