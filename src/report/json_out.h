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

/* A document written as it is made, in json_print's layout, without a
 * tree: json_w_object and json_w_array open a container (as a member
 * "key" of the object open, or as a value of the array open, whose key is
 * ignored; or at the top, as a value of depth 0), json_w_end closes the
 * innermost, and the other calls add one value to it: a number (null
 * when not finite), a string (null when s is NULL), null, true or false,
 * or a cJSON tree. json_w_raw writes text as it is, between values at
 * the top. json_w_free writes what is left and frees w: 0, or -1 when
 * out has an error. json_w_new returns NULL when out of memory. */
typedef struct json_w json_w;

json_w *json_w_new(FILE *out);
int json_w_free(json_w *w);
/* From here on, w writes as cJSON_PrintUnformatted lays out: without line
 * breaks, indentation or a space after ':' and ','. */
void json_w_compact(json_w *w);
/* Writes what w holds to its out, so that out can be written to directly. */
void json_w_flush(json_w *w);
void json_w_object(json_w *w, const char *key);
void json_w_array(json_w *w, const char *key);
void json_w_end(json_w *w);
void json_w_num(json_w *w, const char *key, double v);
void json_w_str(json_w *w, const char *key, const char *s);
void json_w_null(json_w *w, const char *key);
void json_w_bool(json_w *w, const char *key, int b);
void json_w_tree(json_w *w, const char *key, const cJSON *item);
void json_w_raw(json_w *w, const char *text);

/* Adds "key": v to object o, null when v is not finite (a value whose
 * denominator is 0). */
void json_add_num(cJSON *o, const char *key, double v);

/* Adds "key": "s" to object o (escaped by cJSON), null when s is NULL. */
void json_add_str(cJSON *o, const char *key, const char *s);

#endif
