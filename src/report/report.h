/*
 * report.h - the table of formats and the one way to write a report file.
 *
 * The table sits above the view (report_view.h) and the writers
 * (writers.h): it is the only place that names every writer, so the view
 * names none. Adding a format is one writer file and one line of the table.
 *
 * A writer writes the whole report to an open stream and returns 0 or a
 * PK2D_ERR_* (with err set, or errno telling why writing failed);
 * report_write_file() gives it a temporary file next to the destination and
 * renames it into place only when everything was written, so a reader never
 * sees a partial report.
 */
#ifndef PK2D_REPORT_H
#define PK2D_REPORT_H

#include <stdio.h>
#include "report_view.h"

typedef int (*report_writer)(const report_view *v, FILE *out, char *err, size_t errlen);

typedef struct report_format {
	const char *name;         /* -f NAME: "text", "json" */
	const char *ext;          /* the file name extension it writes: ".txt" */
	const char *also_ext;     /* another extension read as this format, or NULL */
	int needs_assessment;     /* refused without a model (v->as NULL) */
	report_writer write;
	const char *title;        /* the format in messages: "HTML" */
} report_format;

/* Every format, ending with a NULL name. */
extern const report_format report_formats[];

const report_format *report_find_format(const char *name);
/* The format a file name asks for by its extension (the longest that
 * matches, ASCII case ignored), or NULL; *ext_len (unless NULL) is the
 * length of that extension, 0 for none. */
const report_format *report_format_of_path(const char *path, size_t *ext_len);
/* "text, json": the names, for messages. Static storage. */
const char *report_format_names(void);
/* ".txt .json": the extensions, for messages. Static storage. */
const char *report_format_extensions(void);

/* Writes v with fmt to path ("-" or NULL: stdout) atomically. */
int report_write_file(const report_view *v, const report_format *fmt, const char *path,
                      char *err, size_t errlen);

#endif
