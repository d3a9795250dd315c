/*
 * assess.h - the combined assessment: the model (model.h) applied to what the
 * plugins reported (registry.h), for the run area, each of its RTs, and every
 * village, kecamatan and higher area under it found in the data.
 *
 * Every percentage is computed from sums of numerators and denominators
 * (registry_get after registry_rollup), never as a mean of percentages:
 *
 *   indicator value  = 100 * num / den               (NaN when den == 0)
 *   indicator score  = value (higher is better) or 100 - value (lower)
 *   dimension value  = sum(w_i * score_i) / sum(w_i) over the indicators
 *                      that have data (the others are left out and listed)
 *   IKK              = sum(w_d * dimension_d) over all dimensions; NaN when
 *                      any dimension has no value (no indicator with data)
 *   capaian          = 100 * realisasi / target (higher is better)
 *                      100 * (2 * target - realisasi) / target (lower)
 *   coverage         = 100 * realised / target of an intervention
 *
 * Targets know the year (year_value.h): the period's year picks one, and
 * every target below carries the year it was taken from (0: one value for
 * every year).
 *
 * The status of every value with a line or a target, and so its colour, is
 * decided here once (assess_value_status, docs/model.md "Status and colour");
 * the writers render it and never recompute it.
 *
 * NaN is the one "no value" marker in every double below: test with isnan().
 * Nothing is ever silently zero.
 *
 * Report writers read these structures and never change them. Labels come in
 * both languages; a writer picks label_id or label_en by the report language.
 * Pointers to model_* and reg_* structures point into the model and the
 * registry, which outlive the assessment.
 */
#ifndef PK2D_ASSESS_H
#define PK2D_ASSESS_H

#include <stddef.h>
#include "areas.h"
#include "model.h"
#include "registry.h"

/* Status of a value against the model's attention line and its target.
 * -1 where a status is an int: neither a line nor a target. */
enum assess_status {
	ASSESS_NO_DATA = 0,     /* no value: see enum assess_missing */
	ASSESS_GOOD = 1,        /* at or above the attention line, on target */
	ASSESS_OFF_TARGET = 2,  /* at or above the attention line, off its target */
	ASSESS_ATTENTION = 3    /* under the attention line (model indicators) */
};

/* The one colour rule (docs/model.md, "Status and colour"); each colour has
 * the number of the status it stands for, so that a writer maps statuses and
 * colours alike. -1: no colour (neither a line nor a target). */
enum assess_colour {
	ASSESS_GREY = ASSESS_NO_DATA,
	ASSESS_GREEN = ASSESS_GOOD,      /* on target and not under the line */
	ASSESS_AMBER = ASSESS_OFF_TARGET, /* off target, capaian in the upper three
	                                    fifths of the scale (or no capaian) */
	ASSESS_RED = ASSESS_ATTENTION     /* under the line, or off target with a
	                                    capaian in the lower two fifths */
};

/* Why a model indicator has no value. */
enum assess_missing {
	ASSESS_HAS_DATA = 0,
	ASSESS_NOT_DECLARED = 1,   /* no enabled plugin declares the id */
	ASSESS_NOT_REPORTED = 2,   /* declared, nothing reported in this area */
	ASSESS_NOT_APPLICABLE = 3  /* reported with denominator 0: no KK it applies to */
};

/* One model indicator in one area (or RT). */
typedef struct assess_indicator {
	const model_indicator *model; /* code, registry id, weight, target */
	const reg_indicator *decl;    /* the plugin's declaration (labels, unit,
	                                 agency, direction); NULL when not declared */
	int status;                   /* enum assess_status */
	int missing;                  /* enum assess_missing */
	double num, den;              /* sums; 0 when nothing was reported */
	double value;                 /* 100 * num / den; NaN without data */
	double score;                 /* the value on the index scale (higher is
	                                 better); NaN without data */
	double affected;              /* KK (units) affected: den - num, or num
	                                 for a lower-is-better indicator; 0
	                                 without data */
	int below_attention;          /* score < model attention line */
	int off_target;               /* the model target is set and the value is
	                                 on the wrong side of it (direction-aware) */
	double target;                /* the model's target for the period's year;
	                                 NaN when the model sets none */
	int target_year;              /* the year target was taken from; 0 for one
	                                 value for every year */
} assess_indicator;

/* One dimension in one area (or RT). */
typedef struct assess_dimension {
	const model_dimension *model; /* key, labels, weight, indicator list */
	assess_indicator *indicators; /* model->n_indicators entries, model order */
	size_t n_available;           /* indicators with data */
	double value;                 /* weighted mean of the available scores;
	                                 NaN when n_available == 0 */
} assess_dimension;

/* The index of one area or one RT. */
typedef struct assess_score {
	char *area;                   /* area code */
	int rt;                       /* RT_ALL: the whole area; > 0 an RT; 0 the
	                                 rows that gave no RT */
	size_t n_dimensions;
	assess_dimension *dimensions; /* model order */
	size_t n_missing_dimensions;  /* dimensions without a value */
	double ikk;                   /* NaN when n_missing_dimensions > 0 */
	const model_range *category;  /* model IKK category; NULL without IKK */
	reg_place place;              /* area with the run's period in the
	                                 registry, for lookups */
} assess_score;

/* A code and its official name, one step of the area hierarchy. */
typedef struct assess_place_name {
	int level;                    /* enum area_level */
	char *code;
	const char *name;             /* NULL when the code is not in the table */
} assess_place_name;

/* Profil wilayah. */
typedef struct assess_profile {
	size_t n_up;
	assess_place_name up[4];      /* province first, down to the area itself */
	size_t n_villages;            /* villages with data (1 for a village) */
	size_t n_rt;                  /* RTs with data, summed over the villages */
	double kk;                    /* KK (model [profile] kk); NaN when unknown */
	double male, female;          /* population by sex; NaN when unknown */
	size_t n_agencies;
	char **agencies;              /* agencies that reported a value here, in
	                                 declaration order */
	const char *period;
} assess_profile;

/* Share of KK in one household category (model [category.household.*]). */
typedef struct assess_household {
	const model_range *range;
	double num, den;              /* KK in the range, KK scored */
	double value;                 /* 100 * num / den; NaN without data */
} assess_household;

/* A place where a problem indicator is worst: an RT of a village, or a
 * village of a higher area. */
typedef struct assess_place {
	char *area;
	int rt;                       /* RT_ALL when the place is a whole village */
	double num, den, value, score;
} assess_place;

/* An intervention with its target, realisation and coverage in an area. */
typedef struct assess_action {
	const reg_intervention *decl; /* labels, agency, target group, unit */
	int has_data;                 /* anything reported in the area */
	double target, realised, budget; /* 0 without data */
	double coverage;              /* 100 * realised / target; NaN when the
	                                 target is 0 or there is no data */
} assess_action;

/* Permasalahan, with its rencana tindak lanjut. */
typedef struct assess_problem {
	const assess_dimension *dimension; /* into the area's score */
	const assess_indicator *indicator; /* into the area's score */
	double affected;              /* = indicator->affected; the ranking key */
	double attention_gap;         /* attention - score; 0 when not below */
	double target_gap;            /* how far the value misses its target, in
	                                 points; 0 when on target or none */
	double to_change;             /* KK that must come to meet the indicator
	                                 for the area to reach the line and the
	                                 target (planner.h) */
	size_t n_steps;
	struct assess_step *steps;    /* where to find them: the parts with the
	                                 most KK affected first (planner.h) */
	size_t n_worst;
	assess_place *worst;          /* lowest scores first, at most model->worst */
	size_t n_actions;
	assess_action *actions;       /* every intervention that aims at the
	                                 indicator; none: "belum ada intervensi" */
} assess_problem;

/* One row of an agency's table: No | Indikator | Satuan | Target |
 * Realisasi | Capaian (%) | Kategori. */
typedef struct assess_row {
	const reg_indicator *decl;    /* labels, unit, direction, kind */
	int has_value;                /* anything reported in the area */
	double num, den;
	double value;                 /* reg_value(); the realisasi; NaN without data */
	int has_target;
	double target;                /* the declared target (the model's when the
	                                 model sets one for the same id) */
	int target_year;              /* the year the target was taken from (the
	                                 model's or the plugin's); 0 for one value */
	double capaian;               /* NaN without value, target, or with target 0 */
	const model_range *category;  /* capaian step; NULL when capaian is NaN */
	int off_target;               /* value and target known, and the value on
	                                 the wrong side of the target */
	int status;                   /* enum assess_status, or -1 without a target
	                                 (and outside the model) */
	int colour;                   /* enum assess_colour: off target is never
	                                 green */
} assess_row;

typedef struct assess_agency {
	char *agency;                 /* as declared ("Dinas Kesehatan") */
	size_t n_rows;
	assess_row *rows;             /* its indicators, declaration order */
	size_t n_actions;
	assess_action *actions;       /* its interventions, declaration order */
} assess_agency;

/* The full assessment of one area. */
typedef struct assess_area {
	char *code;
	int level;                    /* enum area_level */
	const char *name;             /* NULL when the code is not in the table */
	assess_profile profile;
	assess_score score;           /* the whole area */
	size_t n_parts;
	assess_score *parts;          /* village: its RTs in order (rt 0 last,
	                                 when rows had no RT); higher areas: the
	                                 villages under it, by code */
	size_t n_household;
	assess_household *household;  /* model household categories, top down */
	size_t n_problems;
	assess_problem *problems;     /* the model's indicators under the line or
	                                 off target, ranked: most KK affected first */
	size_t n_agency_problems;
	struct assess_agency_problem *agency_problems; /* every other indicator
	                                 off its target (agency_problems.h), ranked:
	                                 headline first, then by relative gap */
	struct assess_ikk_plan *ikk_plan; /* what lifts the IKK to the next
	                                 category (planner.h); NULL without IKK */
	size_t n_agencies;
	assess_agency *agencies;      /* in order of first declaration */
} assess_area;

/* One line of the summary of all areas under the run area. */
typedef struct assess_summary {
	char *code;
	int level;
	const char *name;             /* NULL when not in the table */
	double kk;                    /* NaN when unknown */
	size_t n_missing_dimensions;
	double ikk;                   /* NaN when not computed */
	const model_range *category;  /* NULL without IKK */
	size_t rank;                  /* 1 = highest IKK among areas of the same
	                                 level; 0 without IKK */
} assess_summary;

typedef struct assessment {
	const model *model;
	int year;                     /* the period's year: picks the targets */
	const registry *registry;
	const areas *areas;           /* may be NULL: no names */
	char *run_area;
	char *period;
	assess_area *main;            /* the run area, in full */
	size_t n_summary;
	assess_summary *summary;      /* the run area first, then every area under
	                                 it with data: by level (kecamatan, ...,
	                                 village), then by code; a national run
	                                 ("all") lists its provinces only */
	/* Found once, for the assessment of every area (assess_run): */
	const reg_indicator **model_decl; /* per model indicator, dimension by
	                                 dimension: its declaration, or NULL */
	const model_indicator **decl_model; /* per declared indicator (its
	                                 index): the model indicator taking its
	                                 value from it, or NULL */
	const reg_indicator *profile_decl[MODEL_N_PROFILE]; /* or NULL */
} assessment;

/* Computes the assessment of run_area (any level, or "all") for period. The registry
 * must be rolled up. 0 and *out set, or PK2D_ERR_INVALID (malformed area or
 * period) / PK2D_ERR_NOMEM with err set. */
int assess_run(const model *m, const registry *r, const areas *a,
               const char *run_area, const char *period,
               assessment **out, char *err, size_t errlen);
void assess_free(assessment *as);

/* The full assessment of any area of the summary (or any code). NULL when out
 * of memory or code is malformed. Free with assess_area_free. */
assess_area *assess_area_compute(const assessment *as, const char *code);
/* A step taken for area i once its assessment aa is made: 0, or < 0. */
typedef int (*assess_then_fn)(void *arg, size_t i, assess_area *aa);

/* The full assessments of n areas into out[0..n-1], made by up to jobs
 * threads at once (an assessment reads the model and the registry only).
 * then, when not NULL, is called by the calling thread for each area in
 * turn, as soon as it is made, while the threads make the next ones: a
 * step that must not run in several threads (the trends, which read the
 * store). 0; PK2D_ERR_NOMEM; or then's first error, after which it is not
 * called again. On an error every out[i] is NULL. */
int assess_areas_compute(const assessment *as, const char *const *codes, size_t n, int jobs,
                         assess_area **out, assess_then_fn then, void *arg);
void assess_area_free(assess_area *aa);

/* Capaian (%) of a realisation against a target; NaN when target is 0 or
 * either is NaN. direction is enum pk2d_direction (neutral counts as higher). */
double assess_capaian(int direction, double target, double realised);

/* The colour (enum assess_colour) of a status and the capaian beside it. */
int assess_colour(const assessment *as, int status, double capaian);

/* The status (enum assess_status) of a value of an indicator declared d in
 * the model or with a target: the one rule every writer renders. *target and
 * *target_year are set (NaN and 0 without a target). -1: no line, no target. */
int assess_value_status(const assessment *as, const reg_indicator *d, double value,
                        double *target, int *target_year);


#endif
