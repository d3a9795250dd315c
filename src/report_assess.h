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

/* The assessment as a cJSON object (docs/json.md), or a JSON null when
 * ctx->assessment is NULL. */
struct cJSON *report_assess_json(const report_ctx *ctx);

#endif
