/*
 * period.c - the period syntax (see period.h).
 */
#include <config.h>

#include "period.h"

#include <string.h>

int period_valid(const char *p)
{
	size_t n;

	if (!p || !(p[0] >= '1' && p[0] <= '9'))
		return 0;
	for (n = 1; n < 4; n++)
		if (!(p[n] >= '0' && p[n] <= '9'))
			return 0;
	n = strlen(p);
	if (n == 4)
		return 1;
	if (n != 6)
		return 0;
	if (p[4] == 'S')
		return p[5] >= '1' && p[5] <= '2';
	if (p[4] == 'Q')
		return p[5] >= '1' && p[5] <= '4';
	if (p[4] == '0')
		return p[5] >= '1' && p[5] <= '9';
	if (p[4] == '1')
		return p[5] >= '0' && p[5] <= '2';
	return 0;
}
