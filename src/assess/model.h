/*
 * model.h - the assessment model (conf/models/ikk.ini): which registry
 * indicators make up the family quality index (IKK), in which dimensions and
 * with which weights, the category ranges, the attention line, and the
 * capaian scale of the agency tables.
 *
 * The model is data, not code: a coordinator replaces the file without
 * recompiling. docs/model.md describes the file format and every formula.
 *
 * Loading checks everything that can be checked from the file alone
 * (weights, ranges, duplicates); model_check_registry() then checks the
 * indicator ids against what the enabled plugins declared. Every problem is
 * passed to the caller's function as one message "file:line: what is wrong",
 * and all of them are reported before the function returns.
 */
#ifndef PK2D_MODEL_H
#define PK2D_MODEL_H

#include <stddef.h>
#include "log.h"
#include "registry.h"
#include "year_value.h"

/* Dimension weights must add up to 1 within this tolerance. */
#define MODEL_WEIGHT_TOLERANCE 1e-9

/* The figures of the area profile a model can take from the registry. */
enum model_profile {
	MODEL_PROFILE_KK = 0,     /* [profile] kk: number of KK (a count) */
	MODEL_PROFILE_MALE = 1,   /* [profile] male: population, male */
	MODEL_PROFILE_FEMALE = 2, /* [profile] female: population, female */
	MODEL_N_PROFILE = 3
};

/* One step of a scale: a category of the IKK, of the household score, or of
 * the capaian of an agency indicator. */
typedef struct model_range {
	char *key;            /* the section suffix: "responsif", "baik", "sangat_baik" */
	char *label_id;       /* label in Bahasa Indonesia */
	char *label_en;       /* label in English (label_id when the file has none) */
	int has_from;         /* 0 only for the lowest capaian step (open below) */
	double from;          /* lower bound, included */
	int has_to;           /* 0 for capaian steps (open above) */
	double to;            /* upper bound, excluded; 100 (the top) is included */
	char *indicator;      /* household ranges: the registry id whose value is
	                         the share of KK in this range ("family.kk_baik");
	                         NULL when not given and for the other scales */
	char *where;          /* "ikk.ini:12", where the section starts */
} model_range;

/* One indicator of a dimension. */
typedef struct model_indicator {
	char *code;           /* short code in the model: "L1" */
	char *ref;            /* registry id it takes its value from: "family.l1" */
	double weight;        /* > 0; 1 when the file gives none */
	int has_target;       /* 1 when target is set */
	year_value target;    /* target on the 0-100 scale of the value, by year */
	char *where;          /* "ikk.ini:20", where indicator.CODE is set */
} model_indicator;

typedef struct model_dimension {
	char *key;            /* section suffix: "legalitas_struktur" */
	char *label_id, *label_en;
	double weight;        /* weight in the IKK; all dimensions add up to 1 */
	size_t n_indicators;
	model_indicator *indicators; /* in file order */
	char *where;          /* where the section starts */
} model_dimension;

typedef struct model {
	char *path;           /* the file as given */
	char *name;           /* [model] name */
	char *name_en;        /* [model] name_en (name when absent) */
	char *source;         /* [model] source: where the model comes from */
	char *status;         /* [model] status: "working" or "official" */
	char *statement;      /* [model] statement: what is official and what is
	                         a working assumption, in plain words */
	char *statement_en;   /* [model] statement_en (statement when absent) */
	double attention;     /* [model] attention: the attention line (75) */
	size_t worst;         /* [model] worst: places listed per problem (3) */
	/* [profile]: registry ids of the area profile figures (enum
	 * model_profile), NULL when the model names none, and where each is set. */
	char *profile[MODEL_N_PROFILE];
	char *profile_where[MODEL_N_PROFILE];
	size_t n_ikk;
	model_range *ikk;     /* [category.ikk.KEY], sorted from the top down */
	size_t n_household;
	model_range *household; /* [category.household.KEY], top down */
	size_t n_capaian;
	model_range *capaian; /* [category.capaian.KEY], top down; the built-in
	                         five-step LKjIP scale when the file has none */
	size_t n_dimensions;
	model_dimension *dimensions; /* in file order */
} model;

/* Reads and validates a model file. 0 and *out set; PK2D_ERR_IO when the file
 * cannot be read; PK2D_ERR_CONFIG when it has errors (every one of them added
 * to errs as "file:line: what is wrong"). */
int model_load(const char *path, model **out, msglist *errs);
void model_free(model *m);

/* Checks the model's indicator ids against the registry after the plugins
 * declared: every dimension indicator must be a declared proportion, every
 * profile and household id a declared indicator. An id whose plugin no
 * enabled instance is (an agency not enabled yet) is a gap, not an error:
 * it goes to gaps, and the assessment shows it without data. Returns the
 * number of errors (each added to errs as "file:line: ..."). */
size_t model_check_registry(const model *m, const registry *r, msglist *errs, msglist *gaps);

/* The step of a scale a value falls in; NULL for NaN or a value outside
 * every range (a capaian scale catches everything). */
const model_range *model_range_of(const model_range *ranges, size_t n, double v);

#endif
