/*
 * year_value.h - a target that knows the year: the one syntax of every
 * target key (the model's target.CODE, the plugins' target keys), documented
 * in docs/config.md ("Targets by year"):
 *
 *   target = 14.2                          one value for every period
 *   target = 2024:14 2025:18.8 2029:14.2   YEAR:VALUE pairs, years ascending
 *
 * A period takes the value of its own year, else of the next later year that
 * has one, else of the last year given.
 *
 * Plain C without the host: each plugin compiles its own copy (plugins/common
 * lists this file), so that the host and the plugins read targets alike.
 */
#ifndef PK2D_YEAR_VALUE_H
#define PK2D_YEAR_VALUE_H

#include <stddef.h>

/* At most this many YEAR:VALUE pairs in one key. */
#define YEAR_VALUE_MAX 16

typedef struct year_value {
	size_t n;                     /* pairs; 0 for a single value */
	int year[YEAR_VALUE_MAX];     /* ascending */
	double value[YEAR_VALUE_MAX];
	double single;                /* the value when n == 0 */
} year_value;

/* Parses text. Values are finite numbers with a decimal point within
 * [min, max]. 0, or -1 with a message in err ("'2024:x' is not YEAR:VALUE"). */
int year_value_parse(const char *text, double min, double max, year_value *out, char *err,
                     size_t errlen);

/* The value for year; *used the year it was taken from (0 for a single value,
 * which holds for every year). */
double year_value_at(const year_value *yv, int year, int *used);

/* The year of a DHIS2 period ("2023", "2023S1", "2023Q2", "202306"): its
 * first four digits; 0 when it has none. */
int year_value_period_year(const char *period);

#endif
