/*
 * health_quality.h - the data quality of the child measurements of the
 * health plugin (docs/plugins/health.md) for one area, as every report
 * format shows it: children measured, rows rejected, and per z-score index
 * the share flagged and missing, the mean and the SD (prevalence_sd from
 * mean_zX and meansq_zX), with the WHO-UNICEF prevalence classes of
 * stunting, wasting and overweight.
 */
#ifndef PK2D_HEALTH_QUALITY_H
#define PK2D_HEALTH_QUALITY_H

#include <stddef.h>
#include "registry.h"

struct assess_agency;

/* The plugin instance whose indicators are read ("health.children"). */
#define HQ_PLUGIN "health"

enum { HQ_N_INDEX = 4, HQ_N_PREV = 3 };

/* "zlen", "zwei", "zwfl", "zbmi" as WHO Anthro names them. */
extern const char *const hq_index_name[HQ_N_INDEX];
/* "stunting", "wasting", "overweight". */
extern const char *const hq_prev_name[HQ_N_PREV];

typedef struct hq_index {
	double n;          /* z-scores in the mean (unflagged); NaN: no value */
	double flagged;    /* % of the computed z-scores flagged */
	double missing;    /* % of the children without this z-score */
	double mean, sd;   /* NaN when not available (SD: fewer than 2) */
} hq_index;

typedef struct health_quality {
	double children;   /* children measured */
	double rejected;   /* rows of the export rejected (0 when none reported) */
	hq_index index[HQ_N_INDEX];
	double prevalence[HQ_N_PREV]; /* % or NaN */
	int cls[HQ_N_PREV];           /* enum prevalence_class */
} health_quality;

/* Fills q for area (RT_ALL) and period: 1 when the health plugin counted
 * children there, 0 when it did not (q is then untouched). */
int health_quality_get(const registry *r, const char *area, const char *period,
                       health_quality *q);

/* The index's name in the report's language (enum i18n_lang):
 * "TB/U (zlen)", "length/height-for-age (zlen)". */
const char *hq_index_label(int lang, int i);

/* A prevalence class key for machine formats: "very_low" ... "very_high",
 * NULL for PCLASS_NONE. */
const char *hq_class_key(int cls);

/* The declared label of stunting, wasting or overweight (i < HQ_N_PREV) in
 * the language (enum i18n_lang); the bare name when not declared. */
const char *hq_prev_label(const registry *r, int lang, int i);

/* Non-zero for the health plugin's raw data-quality indicators
 * (rows_rejected, flagged_zX, missing_zX, mean_zX, meansq_zX), which the
 * data-quality table presents: the human formats' agency tables (text,
 * HTML, Markdown, XLSX) leave them out; CSV, JSON and DHIS2 keep them. */
int health_quality_raw(const reg_indicator *d);
/* The rows of an agency table without the raw data-quality indicators. */
size_t health_quality_shown_rows(const struct assess_agency *ag);

/* The agency of the health plugin's indicators, NULL when not declared. */
const char *health_quality_agency(const registry *r);

#endif
