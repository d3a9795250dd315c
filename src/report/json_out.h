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
#include <stdio.h>

/* Longest text json_number writes, with its NUL ("-2.2250738585072014e-308"). */
#define JSON_NUMBER_MAX 32

/* The JSON text of the finite number v in buf, as cJSON prints it: an
 * integral v below 1e15 in magnitude as its digits; otherwise "%.15g" when
 * that reads back within DBL_EPSILON of v (relatively), else "%.17g".
 * Returns buf. */
char *json_number(double v, char buf[JSON_NUMBER_MAX]);

/* Writes item to out as cJSON_Print would, without building the text in
 * memory first (cJSON measures its growing buffer with strlen after every
 * value). 0, or -1 when out has an error or memory ran out. */
int json_print(FILE *out, const cJSON *item);

/* Adds "key": v to object o, null when v is not finite (a value whose
 * denominator is 0). */
void json_add_num(cJSON *o, const char *key, double v);

/* Adds "key": "s" to object o (escaped by cJSON), null when s is NULL. */
void json_add_str(cJSON *o, const char *key, const char *s);

/* An arena for the cJSON trees of one item at a time: between
 * json_arena_begin and json_arena_end every cJSON allocation in the process
 * comes from it and cJSON_Delete frees nothing; json_arena_end gives it all
 * back at once (keeping one block for the next item). No cJSON value made
 * before begin may be freed, nor one made in between kept, across the
 * pair. json_arena_new returns NULL when out of memory. */
typedef struct json_arena json_arena;

json_arena *json_arena_new(void);
void json_arena_begin(json_arena *a);
void json_arena_end(json_arena *a);
void json_arena_free(json_arena *a);

#endif
