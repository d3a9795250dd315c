/*
 * json_out.h - members of the JSON documents pk2d writes (report, trend,
 * evaluation), built with cJSON but with numbers formatted here.
 *
 * cJSON prints each number with "%1.15g", reads it back with sscanf and
 * prints it again with "%1.17g" when that missed; in a province's JSON
 * report that was a third of the writer's time (docs/performance.md).
 */
#ifndef PK2D_JSON_OUT_H
#define PK2D_JSON_OUT_H

#include <cjson/cJSON.h>

/* Longest text json_number writes, with its NUL ("-2.2250738585072014e-308"). */
#define JSON_NUMBER_MAX 32

/* The JSON text of the finite number v in buf, as cJSON prints it: an
 * integral v below 1e15 in magnitude as its digits; otherwise "%.15g" when
 * that reads back within DBL_EPSILON of v (relatively), else "%.17g".
 * Returns buf. */
char *json_number(double v, char buf[JSON_NUMBER_MAX]);

/* Adds "key": v to object o, null when v is not finite (a value whose
 * denominator is 0). */
void json_add_num(cJSON *o, const char *key, double v);

/* Adds "key": "s" to object o (escaped by cJSON), null when s is NULL. */
void json_add_str(cJSON *o, const char *key, const char *s);

#endif
