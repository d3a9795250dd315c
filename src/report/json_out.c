/*
 * json_out.c - JSON members with numbers formatted fast (json_out.h).
 *
 * The text is what cJSON would print: a count as its digits; any other
 * number with 15 significant digits when that reads back within
 * DBL_EPSILON of it, else with 17. The digits are made in integer
 * arithmetic from a long double product; printf is left the numbers below
 * 1e-4 or from 1e14, and the rare product too near a half to round
 * safely. tests/check_json_out.c compares it with printf.
 */
#include <config.h>

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "json_out.h"

/* Powers of ten, exact in a long double up to 10^27. */
static const long double pow10_l[] = {
	1e0L, 1e1L, 1e2L, 1e3L, 1e4L, 1e5L, 1e6L, 1e7L, 1e8L, 1e9L, 1e10L,
	1e11L, 1e12L, 1e13L, 1e14L, 1e15L, 1e16L, 1e17L, 1e18L, 1e19L, 1e20L,
};

/* Writes the decimal digits of n, zero-padded to width (at most 20)
 * digits, at p; returns the end. */
static char *put_digits(char *p, uint64_t n, int width)
{
	char tmp[24];
	int len = 0;

	do {
		tmp[len++] = (char)('0' + n % 10);
		n /= 10;
	} while (n);
	while (len < width)
		tmp[len++] = '0';
	while (len)
		*p++ = tmp[--len];
	return p;
}

/* cJSON's test of its 15-digit text: the value read back is within
 * DBL_EPSILON of v, relatively. Keeping it keeps pk2d's JSON what it was. */
static int reads_back(const char *text, double v)
{
	double back = strtod(text, NULL);
	double larger = fabs(back) > fabs(v) ? fabs(back) : fabs(v);

	return fabs(back - v) <= larger * DBL_EPSILON;
}

/* For 1e-4 <= |v| < 1e14, not integral: the "%.<digits>g" text of v
 * (digits 15 or 17) in buf, made in integer arithmetic. 0 when that could
 * differ from printf's: v * 10^k too near a half unit for the long
 * double product (relative error 2^-64, under 0.006 units below 10^17) to
 * say which way it rounds, or v's leading digit misjudged at a power of
 * ten. printf decides those. */
static int fixed_digits(double v, int digits, char *buf)
{
	double a = fabs(v);
	int e = 0; /* 10^e <= a < 10^(e + 1) */
	int k;     /* digits after the point */
	long double x, whole;
	uint64_t m, unit;
	char *p = buf;

	if (a >= 1) {
		while (a >= (double)pow10_l[e + 1])
			e++;
	} else {
		while (e > -4 && a * (double)pow10_l[-e] < 1)
			e--;
	}
	k = digits - 1 - e;
	x = (long double)a * pow10_l[k];
	whole = floorl(x);
	if (fabsl(x - whole - 0.5L) < 1.0L / 64)
		return 0;
	m = (uint64_t)whole + (x - whole > 0.5L);
	if (m < (uint64_t)pow10_l[digits - 1] || m >= (uint64_t)pow10_l[digits])
		return 0;
	if (v < 0)
		*p++ = '-';
	if (e >= 0) {
		unit = (uint64_t)pow10_l[k];
		p = put_digits(p, m / unit, 1);
		m %= unit;
	} else {
		*p++ = '0';
	}
	if (m) {
		*p++ = '.';
		p = put_digits(p, m, k);
		while (p[-1] == '0')
			p--;
	}
	*p = '\0';
	return 1;
}

char *json_number(double v, char buf[JSON_NUMBER_MAX])
{
	if (v == floor(v) && fabs(v) < 1e15) {
		char *p = buf;

		if (signbit(v))
			*p++ = '-'; /* "-0" too, as "%g" prints it */
		*put_digits(p, (uint64_t)fabs(v), 1) = '\0';
		return buf;
	}
	if (fabs(v) >= 1e-4 && fabs(v) < 1e14 && fixed_digits(v, 15, buf)) {
		if (reads_back(buf, v) || fixed_digits(v, 17, buf))
			return buf;
	} else {
		snprintf(buf, JSON_NUMBER_MAX, "%.15g", v);
		if (reads_back(buf, v))
			return buf;
	}
	snprintf(buf, JSON_NUMBER_MAX, "%.17g", v);
	return buf;
}

void json_add_num(cJSON *o, const char *key, double v)
{
	char buf[JSON_NUMBER_MAX];

	if (isfinite(v))
		cJSON_AddRawToObject(o, key, json_number(v, buf));
	else
		cJSON_AddNullToObject(o, key);
}

void json_add_str(cJSON *o, const char *key, const char *s)
{
	if (s)
		cJSON_AddStringToObject(o, key, s);
	else
		cJSON_AddNullToObject(o, key);
}
