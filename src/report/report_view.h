/*
 * report_view.h - what every report writer reads, built once per report
 * area: the run (plugin statuses, files, accounting), the registry, and
 * when a model was found the assessment as assess.c computed it (statuses
 * included: a writer only renders them), the trends, and for a kecamatan,
 * kabupaten or province run the assessment of every village under it.
 * report_view_build() fills it from a run; report_view_for_village() makes
 * a village's view for --split. The writers never change it.
 *
 * The view names no writer: the table of formats (report.h) sits above
 * the view and the writers (writers.h), and calls them with a view.
 */
#ifndef PK2D_REPORT_VIEW_H
#define PK2D_REPORT_VIEW_H

#include <stddef.h>
#include <stdio.h>
#include "accounting.h"
#include "areas.h"
#include "assess.h"
#include "i18n.h"
#include "lokus.h"
#include "registry.h"
#include "run.h"
#include "store.h"
#include "trend.h"
#include "unused.h"

struct cJSON;

/* One assessed area: the report area itself, or one village of a wider run. */
typedef struct view_area {
	assess_area *aa;       /* NULL without an assessment */
	trend *trend;          /* never NULL after report_view_build with an
	                          assessment */
} view_area;

enum view_pages { VIEW_PAGES_VILLAGES = 1, VIEW_PAGES_ALL = 2 };

typedef struct report_view {
	int lang;                  /* enum i18n_lang */
	const char *title;         /* [pk2d] title, NULL for the default */
	const char *note;          /* [pk2d] note (the footer), NULL for none */
	const char *version;       /* PACKAGE_VERSION */
	const char *period;        /* the run's period */
	const char *area;          /* the report's area code: the run's, or a
	                              village's in its --split file */
	const areas *areas;        /* may be NULL: codes are shown without names */
	const registry *reg;
	const plugin_run *runs;
	size_t n_runs;
	const assessment *as;      /* NULL: no model, or the assessment failed;
	                              the formats that need it are refused */
	int store_on;              /* 0: store = none, trends are not available */
	view_area main;            /* the report area */
	int wide;                  /* the report area is above a village: the
	                              report starts with the summary of its villages */
	const assess_summary *summary; /* the areas under the report area (the
	                              assessment's summary; none in a village's
	                              --split file) */
	size_t n_summary;
	size_t n_villages;         /* villages of a wider run whose assessments
	                              follow in the same file (0 for a village run,
	                              and in --split files) */
	view_area *villages;       /* by code */
	const reg_indicator **headlines; /* the headline indicators (present.h):
	                              a column each in the summaries */
	size_t n_headlines;
	const char **codes;        /* each declared indicator's code in the
	                              model, by reg_indicator.index (its full
	                              id when the model has none); NULL
	                              without an assessment */
	unused_ctx unused;         /* the rows the run did not use, shown near the
	                              top (unused.acct NULL: not counted) */
	int csv_dialect;           /* enum conf_csv_dialect: [pk2d] csv_dialect
	                              or --csv-dialect */
	const char *model_digest;  /* the model file's digest (store_digest_files),
	                              NULL when unknown: the trends say when the
	                              model changed since the previous period */
	int dhis2_levels;          /* [pk2d] dhis2_levels: the levels (bits
	                              1 << enum area_level) whose values the DHIS2
	                              data value set carries; 0: villages only */
	int borrowed;              /* a --split view: its arrays are its parent's */
	int own_area;              /* a report_view_for_area view: its area, trend
	                              and summary are its own, the rest borrowed */
	size_t n_lokus;            /* a report limited to the lokus villages
	                              ([pk2d] lokus_only): the villages of */
	const lokus_village *lokus; /* lokus_year in the run's area, by code;
	                              NULL: the report is not limited */
	int lokus_year;
	int pages;                 /* the areas with a page of their own beside
	                              this file (<code>.html): 0 none,
	                              VIEW_PAGES_VILLAGES (--split), VIEW_PAGES_ALL
	                              (--site) */
	const char *site_top;      /* a page of the site (pages VIEW_PAGES_ALL):
	                              the site's top area, where its breadcrumb
	                              starts */
	int jobs;                  /* processes that may write the villages'
	                              part at once (villages_out.h); 0 or 1: the
	                              writer's own only */
} report_view;

/* Fills the assessment's part of v (as may be NULL: no model). s may be
 * NULL (store = none). The caller sets the run's part (lang, title, note,
 * version, period, area, areas, runs, unused, csv_dialect, dhis2_levels,
 * model_digest, lokus) first. 0, or < 0 with err set. */
int report_view_build(report_view *v, const assessment *as, const registry *r,
                      store *s, char *err, size_t errlen);
/* The view of the run area alone (the summary of its villages, not their
 * assessments): the first file of --split. It borrows from parent. */
void report_view_run_area(report_view *out, const report_view *parent);
/* The view of parent's village i as if it were the report area: every
 * writer sees only it. It borrows from parent (report_view_free does
 * nothing to it). */
void report_view_for_village(report_view *out, const report_view *parent, size_t i);
/* The view of an area of parent's summary (a page of the site), as if it
 * were the report area: its own assessment and trend (s may be NULL), and
 * above a village the summary of the areas under it; no village's
 * assessment. The rest it borrows from parent. 0, or < 0 with err set. */
int report_view_for_area(report_view *out, const report_view *parent, const char *code,
                         store *s, char *err, size_t errlen);
void report_view_free(report_view *v);

/* Why an area's trend has no previous period, as an i18n key: none in the
 * store (T_NO_HISTORY), or, in a report limited to the lokus villages, an
 * area above a village, which has no trend there (T_LOKUS_NO_TREND). */
int report_view_no_trend(const report_view *v, const trend *t);

/* The value of a headline indicator in an area; NaN when none. */
double report_view_headline(const report_view *v, const reg_indicator *d, const char *area);
/* A headline column's heading into buf: "label (unit)". Returns buf. */
const char *report_view_headline_label(const report_view *v, const reg_indicator *d, char *buf,
                                       size_t n);

/* The words and numbers of the HTML, Markdown and XLSX writers in the
 * view's language, through the formatting helpers shared with the text
 * report (i18n.h): rv_num with dec decimals, rv_val with the decimals of
 * an indicator's kind, rv_cnt a count (no decimals when whole), rv_t an
 * interface text. */
static inline const char *rv_num(const report_view *v, double x, int dec)
{
	return i18n_fmt(v->lang, x, dec);
}

static inline const char *rv_val(const report_view *v, const reg_indicator *d, double x)
{
	return i18n_fmtv(v->lang, d->kind, x);
}

static inline const char *rv_cnt(const report_view *v, double x)
{
	return i18n_count(v->lang, x);
}

static inline const char *rv_t(const report_view *v, int key)
{
	return i18n(v->lang, key);
}

/* "en" or "id": the language code of the HTML document. */
static inline const char *rv_lang_code(const report_view *v)
{
	return v->lang == LANG_EN ? "en" : "id";
}

/* What every writer shows of an assessment, in one place. */
/* An indicator of the model by its declared label, else the model's ref. */
const char *report_view_ind_label(const report_view *v, const assess_indicator *ai);
/* An indicator's status cell: why it is missing, or its status. */
const char *report_view_ind_status(const report_view *v, const assess_indicator *ai);
/* "Looked at: ... (29 + 12); none is under the line or off target.": the
 * empty problem list saying what it looked at. Returns buf. */
const char *report_view_looked_at(const report_view *v, const assess_area *aa, char *buf,
                                  size_t len);
/* A target with the year it was taken from: "14 (2024)", "90"; "-" for
 * none. One of 8 rotating static buffers. */
const char *report_view_target(const report_view *v, const reg_indicator *d, int has_target,
                               double target, int year);
/* The plain state beside a capaian category: "tercapai", "belum tercapai",
 * or "-" without value or target. */
const char *report_view_target_state(const report_view *v, const assess_row *r);
/* The word of an agency indicator's capaian, the second cue beside its
 * colour: off target "belum tercapai" (with_capaian: "belum tercapai
 * (capaian 96,0 %)"), never the capaian's band, whatever band 96 % falls
 * in; else the band ("Sangat Baik"); NULL without either. One of 8
 * rotating static buffers. */
const char *report_view_row_word(const report_view *v, const assess_row *r, int with_capaian);

/* Non-zero when aa is a village whose RTs were counted but summed into it
 * as they came (rt_detail = no): it has no breakdown by RT to show. */
int report_view_rts_folded(const report_view *v, const assess_area *aa);

/* The word of a trend change ("better", ...); "" for TREND_NONE. */
const char *report_view_change_word(const report_view *v, int change);

/* The gap a problem is ranked by: below the attention line, else below
 * its target. */
double report_problem_gap(const assess_problem *p);
/* Coverage of an intervention: 100 * realised / target, NaN without a
 * positive target. */
double report_coverage(double target, double realised);

/* The trend of an area for the JSON report (docs/json.md, TREND): JSON
 * null when the store is off. */
struct cJSON *report_trend_json(const report_view *v, const trend *t);

/* Status of an indicator value in the machine formats (CSV, XLSX, JSON):
 * for an indicator of the model as the assessment judges it (enum
 * assess_status: the attention line on the score, then the model's target);
 * for any other indicator with a target ASSESS_GOOD or ASSESS_OFF_TARGET
 * (direction-aware); -1 when it has neither. ASSESS_NO_DATA for NaN. */
int report_view_status(const report_view *v, const reg_indicator *d, double value,
                       double *target);
/* "good", "off_target", "attention", "no_data", or "" for -1. */
const char *report_status_key(int status);

/* Every rolled-up value in the run's area and under it: areas in code order
 * (an area before the areas under it), each area's whole value (rt RT_ALL)
 * before its RTs, then periods, then indicators in declaration order. fn
 * returning non-zero stops the walk and is returned. */
int report_view_each_value(const report_view *v,
                           int (*fn)(void *ud, const reg_indicator *d, const char *area,
                                     int rt, const char *period, const reg_sum *s),
                           void *ud);
int report_view_each_intervention(const report_view *v,
                                  int (*fn)(void *ud, const reg_intervention *d,
                                            const char *area, int rt, const char *period,
                                            const reg_isum *s),
                                  void *ud);

/* The values of both walks above (the rows of the long format), or a
 * PK2D_ERR_* when a walk fails. */
long report_view_n_values(const report_view *v);

/* The machine names of a kind and a direction ("proportion", "higher is
 * better"): JSON keys, and the keys of their words (report_word). */
const char *report_kind_name(int kind);
const char *report_direction_name(int direction);
/* Non-zero when the text and JSON reports list every value as reported (by
 * RT): only in a village report. A wider report shows the totals of its area
 * and the assessment; its villages' RT detail is in their --split reports. */
int report_lists_values(const report_view *v);
typedef int (*report_value_fn)(void *ud, const reg_indicator *ind, const char *area, int rt,
                               const char *period, const reg_sum *s);
typedef int (*report_ivalue_fn)(void *ud, const reg_intervention *iv, const char *area,
                                int rt, const char *period, const reg_isum *s);
/* The values as reported in the report's village (values without RT first,
 * then each RT; each period), in declaration order, found by key (a --split
 * village report never walks the whole registry); nothing when
 * !report_lists_values(v). */
void report_each_value(const report_view *v, report_value_fn fn, void *ud);
void report_each_intervention_value(const report_view *v, report_ivalue_fn fn, void *ud);

#endif
