/*
 * year_value.c - a target value chosen by year (year_value.h).
 */
#include <config.h>

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "year_value.h"

static const char *skip_blanks(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

/* A finite number ending at a blank or the end of the text; a decimal comma
 * (81,78) reads as a point, as the plugins' number fields always have. */
static int number(const char *s, const char **end, double *out)
{
	char buf[64], *comma, *e;
	size_t n = strcspn(s, " \t");

	if (!isdigit((unsigned char)*s) && *s != '-' && *s != '+' && *s != '.')
		return -1;
	if (n >= sizeof buf)
		return -1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	if ((comma = strchr(buf, ',')) && !strchr(buf, '.') && !strchr(comma + 1, ','))
		*comma = '.';
	*out = strtod(buf, &e);
	if (e == buf || *e != '\0' || !isfinite(*out))
		return -1;
	*end = s + n;
	return 0;
}

static int out_of_range(double v, double min, double max, char *err, size_t errlen)
{
	if (v >= min && v <= max)
		return 0;
	snprintf(err, errlen, "%g is outside %g-%g", v, min, max);
	return -1;
}

int year_value_parse(const char *text, double min, double max, year_value *out, char *err,
                     size_t errlen)
{
	const char *s = skip_blanks(text);

	memset(out, 0, sizeof *out);
	if (!strchr(s, ':')) {
		const char *end;

		if (number(s, &end, &out->single) < 0 || *skip_blanks(end) != '\0') {
			snprintf(err, errlen, "'%s' is neither a number nor YEAR:VALUE pairs "
			         "(2024:14 2029:14.2)", text);
			return -1;
		}
		return out_of_range(out->single, min, max, err, errlen);
	}
	while (*s) {
		const char *p = s, *end;
		int y = 0, digits = 0;
		double v;

		while (isdigit((unsigned char)*p) && digits < 5) {
			y = y * 10 + (*p++ - '0');
			digits++;
		}
		if (digits != 4 || *p != ':' || number(p + 1, &end, &v) < 0) {
			int n = 0;

			while (s[n] && s[n] != ' ' && s[n] != '\t')
				n++;
			snprintf(err, errlen, "'%.*s' is not YEAR:VALUE (2029:14.2)", n, s);
			return -1;
		}
		if (out->n && y <= out->year[out->n - 1]) {
			snprintf(err, errlen, "year %d after %d: give the years in ascending order, "
			         "each once", y, out->year[out->n - 1]);
			return -1;
		}
		if (out->n == YEAR_VALUE_MAX) {
			snprintf(err, errlen, "more than %d YEAR:VALUE pairs", YEAR_VALUE_MAX);
			return -1;
		}
		if (out_of_range(v, min, max, err, errlen) < 0)
			return -1;
		out->year[out->n] = y;
		out->value[out->n] = v;
		out->n++;
		s = skip_blanks(end);
	}
	return 0;
}

double year_value_at(const year_value *yv, int year, int *used)
{
	if (yv->n == 0) {
		*used = 0;
		return yv->single;
	}
	for (size_t i = 0; i < yv->n; i++)
		if (yv->year[i] >= year) {
			*used = yv->year[i];
			return yv->value[i];
		}
	*used = yv->year[yv->n - 1];
	return yv->value[yv->n - 1];
}

int year_value_period_year(const char *period)
{
	int y = 0;

	for (int i = 0; i < 4; i++) {
		if (!period || !isdigit((unsigned char)period[i]))
			return 0;
		y = y * 10 + (period[i] - '0');
	}
	return y;
}
