/*
 * report_run.h - what `pk2d report` does after the plugins ran: the
 * assessment, the history store, and every report file asked for
 * (--format, -o, --split and their [pk2d] keys format, output, split).
 */
#ifndef PK2D_REPORT_RUN_H
#define PK2D_REPORT_RUN_H

#include <stddef.h>
#include "model.h"
#include "report.h"
#include "session.h"

typedef struct report_request {
	const char *formats;      /* --format: "html" or "html,xlsx"; NULL: [pk2d] format */
	size_t n_outputs;
	const char **outputs;     /* -o FILE (repeatable); none: [pk2d] output */
	const char *split;        /* --split DIR; NULL: [pk2d] split */
	const char *site;         /* --site DIR; NULL: none */
	long long started;        /* time(NULL) at the start of the run */
} report_request;

/* Checks a comma-separated list of format names: 0, or -1 with the first
 * unknown name in bad. */
int report_check_formats(const char *list, char *bad, size_t badlen);

/* Computes the assessment with mdl (NULL: no model, so no assessment and
 * only the text and JSON reports), writes the store and every report.
 * status is the exit status so far (plugin failures); returns the final one
 * (0, 1, or 2 for an impossible request). */
int report_run(session *s, const model *mdl, const report_request *rq, int status);

#endif
