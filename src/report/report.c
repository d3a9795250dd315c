/*
 * report.c - the table of formats, and a report written to a file (see
 * report.h) through out_file.h.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "out_file.h"
#include "report.h"
#include "util.h"
#include "writers.h"

const report_format report_formats[] = {
	{ "text", ".txt", NULL, 0, report_text_write, "text" },
	{ "json", ".json", NULL, 0, report_json_write, "JSON" },
	{ "html", ".html", ".htm", 1, report_html_write, "HTML" },
	{ "md", ".md", NULL, 1, report_md_write, "Markdown" },
	{ "csv", ".csv", NULL, 1, report_csv_write, "CSV" },
	{ "xlsx", ".xlsx", NULL, 1, report_xlsx_write, "XLSX" },
	{ "dhis2", ".dhis2.json", NULL, 1, report_dhis2_write, "DHIS2" },
	{ "dhis2-metadata", ".dhis2-metadata.json", NULL, 1, report_dhis2_meta_write,
	  "DHIS2 metadata" },
	{ "pdf", ".pdf", NULL, 1, report_pdf_write, "PDF" },
	{ NULL, NULL, NULL, 0, NULL, NULL },
};

const report_format *report_find_format(const char *name)
{
	for (const report_format *f = report_formats; f->name; f++)
		if (!strcmp(f->name, name))
			return f;
	return NULL;
}

/* The length of ext when path ends with it (and has more before it), else 0. */
static size_t ends_with(const char *path, const char *ext)
{
	size_t n = strlen(path), k = ext ? strlen(ext) : 0;

	return k && n > k && strcasecmp(path + n - k, ext) == 0 ? k : 0;
}

const report_format *report_format_of_path(const char *path, size_t *ext_len)
{
	const report_format *best = NULL;
	size_t best_len = 0;

	for (const report_format *f = report_formats; f->name; f++) {
		size_t k = ends_with(path, f->ext);

		if (!k)
			k = ends_with(path, f->also_ext);
		if (k > best_len) {
			best = f;
			best_len = k;
		}
	}
	if (ext_len)
		*ext_len = best_len;
	return best;
}

/* Each format's name (or extension) after the other, sep between, into buf
 * once. */
static const char *join_formats(char *buf, size_t len, const char *sep, int ext)
{
	if (!buf[0]) {
		size_t off = 0;
		for (const report_format *f = report_formats; f->name && off < len; f++)
			off += (size_t)snprintf(buf + off, len - off, "%s%s",
			                        f == report_formats ? "" : sep, ext ? f->ext : f->name);
	}
	return buf;
}

const char *report_format_names(void)
{
	static char names[256];

	return join_formats(names, sizeof names, ", ", 0);
}

const char *report_format_extensions(void)
{
	static char exts[256];

	return join_formats(exts, sizeof exts, " ", 1);
}

/* A report writer as an emitter: the view and its format. */
typedef struct view_output {
	const report_view *v;
	const report_format *fmt;
} view_output;

static int emit_view(const void *ctx, FILE *out, char *err, size_t errlen)
{
	const view_output *o = ctx;

	return o->fmt->write(o->v, out, err, errlen);
}

int report_write_file(const report_view *v, const report_format *fmt, const char *path,
                      char *err, size_t errlen)
{
	if (fmt->needs_assessment && !v->as) {
		snprintf(err, errlen, "%s: the %s report needs the assessment: no model was found "
		         "([pk2d] model, or models/ikk.ini next to the configuration) or the "
		         "assessment failed", path && strcmp(path, "-") ? path : "standard output",
		         fmt->title);
		return PK2D_ERR_DATA;
	}
	return out_file_write(path, emit_view, &(view_output){ v, fmt }, err, errlen);
}
