/*
 * report_view.c - gathers what the writers read (see report_view.h).
 */
#include <config.h>

#include "report_view.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

/* The indicator of the summary's stunting column. */
#define STUNTING_ID "health.stunting"

static int fill(view_area *va, store *s, const registry *r, const char *period,
                char *err, size_t errlen)
{
	return trend_compute(s, r, va->aa, period, &va->trend, err, errlen);
}

int report_view_build(report_view *v, const assessment *as, const registry *r,
                      store *s, char *err, size_t errlen)
{
	size_t nv = 0;
	int rc;

	v->as = as;
	v->reg = r;
	v->period = as->period;
	v->store_on = s != NULL;
	v->stunting_id = registry_find_indicator(r, STUNTING_ID) ? STUNTING_ID : NULL;
	v->main.aa = as->main;
	if ((rc = fill(&v->main, s, r, as->period, err, errlen)) < 0)
		return rc;
	if (as->main->level == AREA_VILLAGE)
		return 0;
	for (size_t i = 0; i < as->n_summary; i++)
		nv += as->summary[i].level == AREA_VILLAGE;
	if (nv && !(v->villages = calloc(nv, sizeof *v->villages))) {
		snprintf(err, errlen, "out of memory");
		return PK2D_ERR_NOMEM;
	}
	for (size_t i = 0; i < as->n_summary; i++) {
		view_area *va;

		if (as->summary[i].level != AREA_VILLAGE)
			continue;
		va = &v->villages[v->n_villages];
		if (!(va->aa = assess_area_compute(as, as->summary[i].code))) {
			snprintf(err, errlen, "out of memory");
			return PK2D_ERR_NOMEM;
		}
		v->n_villages++;
		if ((rc = fill(va, s, r, as->period, err, errlen)) < 0)
			return rc;
	}
	return 0;
}

void report_view_free(report_view *v)
{
	trend_free(v->main.trend);
	for (size_t i = 0; i < v->n_villages; i++) {
		assess_area_free(v->villages[i].aa);
		trend_free(v->villages[i].trend);
	}
	free(v->villages);
	v->villages = NULL;
	v->n_villages = 0;
	v->main.trend = NULL;
}

double report_view_stunting(const report_view *v, const char *area)
{
	const reg_indicator *d;
	reg_sum sum;

	if (!v->stunting_id || !(d = registry_find_indicator(v->reg, v->stunting_id)))
		return NAN;
	if (!registry_get(v->reg, d, area, RT_ALL, v->period, &sum))
		return NAN;
	return reg_value(d, &sum);
}
