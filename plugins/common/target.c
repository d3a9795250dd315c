/*
 * target.c - a plugin's target key for the run's period (target.h).
 */
#include <config.h>

#include "target.h"
#include "year_value.h"

int target_for_run(const pk2d_host_api *api, pk2d_host *h, const char *text, double min,
                   double max, double *value, int *year, char *err, size_t errlen)
{
	year_value yv;

	if (year_value_parse(text, min, max, &yv, err, errlen) < 0)
		return -1;
	*value = year_value_at(&yv, year_value_period_year(api->run_period(h)), year);
	return 0;
}
