/*
 * parse.c - numbers and dates as agencies write them (declared in csv.h).
 *
 * Neither parser depends on the locale: numbers of up to 15 significant
 * digits are computed as an exact integer divided by an exact power of ten
 * (one correctly rounded division, so the result equals what strtod gives
 * for the same text with a decimal point); longer ones go to strtod_l() in
 * the C locale.
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pk2d/plugin.h"
#include "csv.h"

static const double pow10_exact[] = {
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
};

static int is_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
}

static int is_digit(char ch)
{
	return ch >= '0' && ch <= '9';
}

static const char *skip_space(const char *s)
{
	while (is_space(*s))
		s++;
	return s;
}

/* The rare slow path: the text with a point for decimal, read in the C
 * locale whatever the process's locale is. */
static int parse_long_number(const char *s, size_t n, double *out)
{
	static locale_t c_locale;
	char small[128], *copy = n < sizeof small ? small : malloc(n + 1);
	char *end;
	double v;

	if (!copy)
		return PK2D_ERR_NOMEM;
	if (!c_locale)
		c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
	if (!c_locale) {
		if (copy != small)
			free(copy);
		return PK2D_ERR_NOMEM;
	}
	for (size_t i = 0; i < n; i++)
		copy[i] = s[i] == ',' ? '.' : s[i];
	copy[n] = '\0';
	v = strtod_l(copy, &end, c_locale);
	if (copy != small)
		free(copy);
	if (!isfinite(v))
		return PK2D_ERR_INVALID;
	*out = v;
	return 0;
}

int parse_number(const char *text, double *out)
{
	const char *s = skip_space(text), *p = s;
	int neg = 0, seen_sep = 0, digits = 0, significant = 0, frac = 0;
	uint64_t mant = 0;
	double v;

	if (!*s)
		return PK2D_ERR_MISSING;
	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	for (;; p++) {
		char ch = *p;
		if (is_digit(ch)) {
			digits++;
			frac += seen_sep;
			if (significant || ch != '0')
				significant++;
			if (significant <= 15)
				mant = mant * 10 + (uint64_t)(ch - '0');
		} else if ((ch == '.' || ch == ',') && !seen_sep) {
			seen_sep = 1;
		} else {
			break;
		}
	}
	/* Only blanks may follow: a second separator ("1.234,5"), a blank
	 * inside, an exponent or any other character make it invalid. */
	if (digits == 0 || *skip_space(p))
		return PK2D_ERR_INVALID;
	if (significant > 15 || frac > 22) {
		int rc = parse_long_number(s, (size_t)(p - s), &v);
		if (rc < 0)
			return rc;
		*out = v;
		return 0;
	}
	v = (double)mant;
	if (frac)
		v /= pow10_exact[frac];
	*out = neg ? -v : v;
	return 0;
}

/* Reads min to max digits at *p; -1 when there are fewer, or more. */
static int read_digits(const char **p, int min, int max)
{
	int v = 0, n = 0;

	while (n < max && is_digit(**p)) {
		v = v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	if (is_digit(**p))
		return -1;
	return n >= min ? v : -1;
}

static int is_leap(long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(long y, int m)
{
	static const int dim[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && is_leap(y) ? 29 : dim[m - 1];
}

/* Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar. The
 * year is counted from March, so the leap day is the last of its year, and
 * split into 400-year eras of 146097 days. */
static long days_from_civil(long y, int m, int d)
{
	long era, yoe, doy, doe;

	if (m <= 2)
		y--;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void date_civil(long days, int *year, int *month, int *day)
{
	long z = days + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;

	*day = (int)(doy - (153 * mp + 2) / 5 + 1);
	*month = (int)(mp < 10 ? mp + 3 : mp - 9);
	*year = (int)(yoe + era * 400 + (*month <= 2));
}

/* A time after the date, as Excel writes it: " 00:00:00", "T08:30",
 * " 0:00"; then only blanks. */
static int valid_rest(const char *p)
{
	int h, mi, sec;

	if (*p == 'T' || (*p == ' ' && is_digit(p[1]))) {
		p++;
		if ((h = read_digits(&p, 1, 2)) < 0 || h > 23 || *p++ != ':')
			return 0;
		if ((mi = read_digits(&p, 2, 2)) < 0 || mi > 59)
			return 0;
		if (*p == ':') {
			p++;
			if ((sec = read_digits(&p, 2, 2)) < 0 || sec > 60)
				return 0;
			if (*p == '.') {
				p++;
				if (!is_digit(*p))
					return 0;
				while (is_digit(*p))
					p++;
			}
		}
	}
	return *skip_space(p) == '\0';
}

int parse_date(const char *text, long *days)
{
	const char *p = skip_space(text);
	int y, m, d;

	if (!*p)
		return PK2D_ERR_MISSING;
	if (is_digit(p[0]) && is_digit(p[1]) && is_digit(p[2]) && is_digit(p[3]) && p[4] == '-') {
		y = read_digits(&p, 4, 4);
		p++;
		if ((m = read_digits(&p, 1, 2)) < 0 || *p++ != '-' || (d = read_digits(&p, 1, 2)) < 0)
			return PK2D_ERR_INVALID;
	} else {
		char sep;
		if ((d = read_digits(&p, 1, 2)) < 0 || (*p != '/' && *p != '-'))
			return PK2D_ERR_INVALID;
		sep = *p++;
		if ((m = read_digits(&p, 1, 2)) < 0 || *p++ != sep || (y = read_digits(&p, 4, 4)) < 0)
			return PK2D_ERR_INVALID;
	}
	if (!valid_rest(p))
		return PK2D_ERR_INVALID;
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return PK2D_ERR_INVALID;
	*days = days_from_civil(y, m, d);
	return 0;
}
