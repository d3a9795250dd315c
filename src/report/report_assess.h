/*
 * report_assess.h - the assessment part of the text and JSON reports
 * (profile, IKK, dimensions, indicators, RT breakdown, agency tables,
 * problems, follow-up plan, summary of the areas).
 */
#ifndef PK2D_REPORT_ASSESS_H
#define PK2D_REPORT_ASSESS_H

#include <stdio.h>
#include "report_view.h"

struct cJSON;

/* Writes the assessment of area aa (the report area or one of its
 * villages) as text: profile to follow-up plan and planner. */
void report_assess_text(const report_view *v, const assess_area *aa, FILE *out);
/* The summary of the areas under the report area, as text (nothing for
 * fewer than two). */
void report_summary_text(const report_view *v, FILE *out);
/* The text report's trend, village and note sections (report_text_view.c):
 * 0, or < 0 when the villages could not all be written. */
int report_text_view(const report_view *v, FILE *out);
/* A table of view rows in the text report (report_text_view.c): columns
 * padded to their display width, numbers to the right. */
struct view_table;
void report_text_table(const report_view *v, const struct view_table *t, FILE *out);

/* Writes the assessment as a JSON object (docs/json.md), or null when
 * v->as is NULL, building one village's tree at a time. 0, or
 * PK2D_ERR_NOMEM. */
int report_assess_json(const report_view *v, FILE *out);

/* Writes ,"key": and item (printed by cJSON; "key": alone for the first
 * member of an object) and frees item. 0, or PK2D_ERR_NOMEM (also when item
 * is NULL). */
int report_json_member(FILE *out, int first, const char *key, struct cJSON *item);

#endif
