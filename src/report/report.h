/*
 * report.h - what every report writer gets (report_ctx) and the table of
 * formats. One file per format: report_text.c, report_json.c, ...
 *
 * A writer writes the whole report to an open stream and returns 0 or a
 * PK2D_ERR_* with err set; report_write_file() gives it a temporary file
 * next to the destination and renames it into place only when everything
 * was written, so a reader never sees a partial report.
 */
#ifndef PK2D_REPORT_H
#define PK2D_REPORT_H

#include <stdio.h>
#include "accounting.h"
#include "areas.h"
#include "conf.h"
#include "registry.h"
#include "run.h"

struct assessment;
struct report_view;

typedef struct report_ctx {
	const conf *cfg;
	const registry *reg;
	const areas *areas;       /* may be NULL: codes are then shown without names */
	const plugin_run *runs;
	size_t n_runs;
	const char *period;       /* the run's period */
	const char *area;         /* the run's area code */
	const char *language;     /* "id" or "en" */
	const char *title;        /* NULL: the default title */
	const struct assessment *assessment; /* NULL until the assessment is computed */
	const accounting *acct;   /* the rows of every file; NULL: not counted */
	const struct report_view *view; /* the HTML, Markdown, CSV, XLSX and DHIS2
	                                   writers' input (report_view.h); NULL
	                                   without an assessment */
} report_ctx;

typedef int (*report_writer)(const report_ctx *ctx, FILE *out, char *err, size_t errlen);

typedef struct report_format {
	const char *name;         /* "text", "json" */
	report_writer write;
	const char *description;
} report_format;

/* Every format, ending with a NULL name. */
extern const report_format report_formats[];

const report_format *report_find_format(const char *name);
/* "text, json": the names, for messages. Static storage. */
const char *report_format_names(void);

/* Writes with fmt to path ("-" or NULL: stdout) atomically. */
int report_write_file(const report_ctx *ctx, const report_format *fmt, const char *path,
                      char *err, size_t errlen);

/* Helpers the writers share. */
const char *report_label(const report_ctx *ctx, const char *label_id, const char *label_en);
const char *report_kind_name(int kind);
const char *report_direction_name(int direction);
/* Non-zero when the text and JSON reports list every value as reported (by
 * RT): only in a village run. A wider run shows the totals of its area and
 * the assessment; its villages' RT detail is in their --split reports. */
int report_lists_values(const report_ctx *ctx);
typedef int (*report_value_fn)(void *ud, const reg_indicator *ind, const char *area, int rt,
                               const char *period, const reg_sum *s);
typedef int (*report_ivalue_fn)(void *ud, const reg_intervention *iv, const char *area,
                                int rt, const char *period, const reg_isum *s);
/* The values as reported in the run's village (values without RT first,
 * then each RT; each period), in declaration order, found by key (a --split
 * village report never walks the whole registry); nothing when
 * !report_lists_values(ctx). */
void report_each_value(const report_ctx *ctx, report_value_fn fn, void *ud);
void report_each_intervention_value(const report_ctx *ctx, report_ivalue_fn fn, void *ud);
/* The text of a heading or word in the report's language. */
const char *report_word(const report_ctx *ctx, const char *en_word);

int report_write_text(const report_ctx *ctx, FILE *out, char *err, size_t errlen);
int report_write_json(const report_ctx *ctx, FILE *out, char *err, size_t errlen);

#endif
