/*
 * report_view.h - what the HTML, Markdown, CSV, XLSX and DHIS2 writers read:
 * one run's assessment, the registry behind it, the plugin statuses, the
 * trends, and for a kecamatan, kabupaten or province run the assessment of
 * every village under it. report_view_build() fills it from a run; the
 * writers never change it.
 */
#ifndef PK2D_REPORT_VIEW_H
#define PK2D_REPORT_VIEW_H

#include <stddef.h>
#include <stdio.h>
#include "assess.h"
#include "registry.h"
#include "run.h"
#include "store.h"
#include "trend.h"

/* One assessed area: the run area itself, or one village of a wider run. */
typedef struct view_area {
	assess_area *aa;
	trend *trend;          /* never NULL after report_view_build */
} view_area;

typedef struct report_view {
	int lang;                  /* enum i18n_lang */
	const char *title;         /* [pk2d] title, NULL for the default */
	const char *note;          /* [pk2d] note (the footer), NULL for none */
	const char *version;       /* PACKAGE_VERSION */
	const char *period;
	const assessment *as;
	const registry *reg;
	const plugin_run *runs;
	size_t n_runs;
	int store_on;              /* 0: store = none, trends are not available */
	view_area main;            /* the run area */
	size_t n_villages;         /* villages of a wider run (0 for a village run) */
	view_area *villages;       /* by code */
	const char *stunting_id;   /* indicator of the summary's stunting column
	                              ("health.stunting"); NULL when not declared */
} report_view;

/* Fills v for an assessment. s may be NULL (store = none). The caller sets
 * lang, title, note, version, runs before writing. 0, or < 0 with err set. */
int report_view_build(report_view *v, const assessment *as, const registry *r,
                      store *s, char *err, size_t errlen);
void report_view_free(report_view *v);

/* The value of the summary's stunting column for an area; NaN when none. */
double report_view_stunting(const report_view *v, const char *area);

/* Writers: 0, or PK2D_ERR_IO when writing failed. */
int report_html_write(const report_view *v, FILE *f);
int report_md_write(const report_view *v, FILE *f);
int report_csv_write(const report_view *v, FILE *f);
int report_dhis2_write(const report_view *v, FILE *f);
/* XLSX is written by libxlsxwriter to a file name. */
int report_xlsx_write(const report_view *v, const char *path, char *err, size_t errlen);

#endif
