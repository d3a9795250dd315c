/*
 * period.c - DHIS2 periods as day ranges.
 */
#include <string.h>

#include "pk2d/plugin.h"
#include "period.h"

long period_days(long year, int month, int day)
{
	/* Howard Hinnant's days_from_civil. */
	long y = year - (month <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void period_civil(long days, long *year, int *month, int *day)
{
	/* Howard Hinnant's civil_from_days. */
	long z = days + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;

	*day = (int)(doy - (153 * mp + 2) / 5 + 1);
	*month = (int)(mp < 10 ? mp + 3 : mp - 9);
	*year = yoe + era * 400 + (*month <= 2);
}

static int digits(const char *s, int n, long *out)
{
	long v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 1;
}

int period_range(const char *p, long *first, long *last)
{
	size_t n = strlen(p);
	long year, part;
	int m0, m1;

	if (n < 4 || !digits(p, 4, &year) || year < 1900)
		return PK2D_ERR_INVALID;
	if (n == 4) {
		m0 = 1;
		m1 = 12;
	} else if (n == 6 && p[4] == 'S' && (p[5] == '1' || p[5] == '2')) {
		m0 = p[5] == '1' ? 1 : 7;
		m1 = m0 + 5;
	} else if (n == 6 && p[4] == 'Q' && p[5] >= '1' && p[5] <= '4') {
		m0 = (p[5] - '1') * 3 + 1;
		m1 = m0 + 2;
	} else if (n == 6 && digits(p + 4, 2, &part) && part >= 1 && part <= 12) {
		m0 = m1 = (int)part;
	} else {
		return PK2D_ERR_INVALID;
	}
	*first = period_days(year, m0, 1);
	*last = (m1 == 12 ? period_days(year + 1, 1, 1) : period_days(year, m1 + 1, 1)) - 1;
	return 0;
}
