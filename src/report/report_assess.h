/*
 * report_assess.h - the assessment part of the text and JSON reports
 * (profile, IKK, dimensions, indicators, RT breakdown, agency tables,
 * problems, follow-up plan, summary of the areas).
 */
#ifndef PK2D_REPORT_ASSESS_H
#define PK2D_REPORT_ASSESS_H

#include <stdio.h>
#include "report.h"

struct cJSON;

/* Writes the assessment of ctx->assessment as text; nothing when NULL. */
void report_assess_text(const report_ctx *ctx, FILE *out);

/* Writes the assessment as a JSON object (docs/json.md), or null when
 * ctx->assessment is NULL, building one village's tree at a time. 0, or
 * PK2D_ERR_NOMEM. */
int report_assess_json(const report_ctx *ctx, FILE *out);

/* Writes ,"key": and item (printed by cJSON; "key": alone for the first
 * member of an object) and frees item. 0, or PK2D_ERR_NOMEM (also when item
 * is NULL). */
int report_json_member(FILE *out, int first, const char *key, struct cJSON *item);

#endif
