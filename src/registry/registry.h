/*
 * registry.h - every declaration and value the plugins report, and their
 * roll-up through the region hierarchy.
 *
 * Ids are namespaced by the host: a plugin instance "health" declaring
 * "stunting" creates "health.stunting". Values are kept as sums of numerators
 * and denominators keyed by (indicator, area, RT, period); reporting the same
 * key twice adds up. registry_rollup() then sums RT -> village -> kecamatan ->
 * kabupaten -> province -> the country ("all", AREA_ALL); percentages are only
 * ever computed from those sums.
 *
 * Single-threaded: the host feeds it from one thread, in configuration order.
 *
 * Decisions the plugin ABI leaves open:
 *  - Indicators and interventions have separate namespaces.
 *  - Optional strings of a declaration are copied as "" (never NULL);
 *    label_en defaults to label_id, unit to "%" for proportions and rates.
 *  - Every kind needs den > 0 (a plugin does not report an empty group);
 *    a count needs den == 1; num >= 0 except for means.
 *  - Values added after registry_rollup() are in the totals only after the
 *    next registry_rollup(); registry_drop_plugin_values() recomputes the
 *    totals itself when a roll-up had been done.
 */
#ifndef PK2D_REGISTRY_H
#define PK2D_REGISTRY_H

#include <stddef.h>
#include <stdint.h>
#include "pk2d/plugin.h"

/* rt argument of the queries: the whole area (every RT and the values with
 * no RT). rt 0 is "no RT given"; rt > 0 is that RT of a village. */
#define RT_ALL (-1)

typedef struct registry registry;

typedef struct reg_indicator {
	char *full_id;       /* "health.stunting" */
	char *plugin;        /* instance name: "health" */
	char *id;            /* "stunting" */
	char *agency;
	char *label_id, *label_en, *unit, *group, *description;
	int kind, direction, has_target;
	double target;
	int target_year;     /* the year target was taken from; 0: one value */
	size_t index;        /* declaration order, 0.. */
} reg_indicator;

typedef struct reg_intervention {
	char *full_id, *plugin, *id, *agency;
	char *label_id, *label_en, *target_group, *unit, *origin;
	char **aims;         /* full ids ("family.l1"); bare ids are qualified */
	size_t n_aims;
	size_t index;
} reg_intervention;

typedef struct reg_sum {
	double num, den;
} reg_sum;

typedef struct reg_isum {
	double target, realised, budget;
} reg_isum;

registry *registry_new(void);
void registry_free(registry *r);

/* RT detail (the default: keep). With keep 0, set before the first value,
 * a value reported for an RT of a village is checked as always and then
 * summed into the village: memory grows with the villages and not with
 * their RTs, registry_get() answers for the village (RT_ALL) and for rt 0,
 * registry_rts() lists no RT, registry_n_rts() still counts them, and
 * registry_each_value() gives the village's sums with rt RT_ALL. The RTs
 * of values that registry_drop_plugin_values() drops stay counted. */
void registry_keep_rts(registry *r, int keep);

/* Declarations. 0, or PK2D_ERR_DUPLICATE / PK2D_ERR_INVALID with err set to a
 * message naming the plugin and the id. */
int registry_declare_indicator(registry *r, const char *plugin, const char *agency,
                               const pk2d_indicator *d, char *err, size_t errlen);
int registry_declare_intervention(registry *r, const char *plugin, const char *agency,
                                  const pk2d_intervention *d, char *err, size_t errlen);

/* Values. period NULL in v means default_period. 0, or PK2D_ERR_UNKNOWN_ID,
 * PK2D_ERR_INVALID (NaN/inf, negative count, num > den for a proportion,
 * den != 1 for a count, den <= 0, malformed area, RT out of range or RT on a
 * non-village area, malformed period) with err naming plugin and value. */
int registry_add_value(registry *r, const char *plugin, const char *default_period,
                       const pk2d_value *v, char *err, size_t errlen);
/* What registry_add_value finds from one string of a value (its indicator
 * id, its area or its period, default_period for none), kept by a caller
 * that adds many values with the same strings so that each is looked up
 * once: zeroed (all bits) for a string not looked up yet, and again
 * whenever the string it stands for changes. */
typedef struct reg_name {
	int looked_up;       /* the two below are set */
	int found;           /* indicator: declared; area: its level
	                        (area_level); period: well formed */
	uint32_t id;         /* indicator id; area or period id when gen is
	                        the registry's (interned once a value is kept) */
	unsigned gen;
} reg_name;
/* registry_add_value, with the names of v's indicator, area and period: the
 * same checks, messages and result. */
int registry_add_value_named(registry *r, const char *plugin, const char *default_period,
                             const pk2d_value *v, reg_name *indicator, reg_name *area,
                             reg_name *period, char *err, size_t errlen);
/* The index (registry_indicator_at) of indicator "plugin.id" or of
 * intervention "plugin.id" (registry_intervention_at), found as
 * registry_add_value finds it, or -1 when it is not declared. */
long registry_indicator_index(registry *r, const char *plugin, const char *id);
long registry_intervention_index(const registry *r, const char *plugin, const char *id);
/* Without RT detail: a sum of values for RTs of a village that a child
 * process added up (its api checked each value like registry_add_value
 * first). Checked as one value, except that a count's denominator is the
 * number of values it sums (a whole number >= 1). PK2D_ERR_INVALID also
 * when RT detail is kept or the area is not a village. */
int registry_add_folded(registry *r, const char *plugin, const char *default_period,
                        const pk2d_value *v, char *err, size_t errlen);
/* Without RT detail: RTs (1..9999) a child process saw values for in a
 * village, counted by registry_n_rts(). 0, PK2D_ERR_INVALID (RT detail
 * kept, not a village, RT out of range) or PK2D_ERR_NOMEM. */
int registry_note_rts(registry *r, const char *plugin, const char *village, const int *rts,
                      size_t n, char *err, size_t errlen);
/* Forgets every value, RT and area, keeping the declarations. */
void registry_forget_values(registry *r);
int registry_add_intervention_value(registry *r, const char *plugin,
                                    const char *default_period,
                                    const pk2d_intervention_value *v,
                                    char *err, size_t errlen);
/* Forgets every value a plugin reported (its run failed half way). */
void registry_drop_plugin_values(registry *r, const char *plugin);

/* Calls fn for every aim of every intervention that names no declared
 * indicator; returns how many there were. */
size_t registry_check_aims(const registry *r,
                           void (*fn)(void *ud, const reg_intervention *iv, const char *aim),
                           void *ud);

/* Computes the totals for every level above the reported values. Call after
 * the last value; calling again recomputes. */
void registry_rollup(registry *r);

size_t registry_n_indicators(const registry *r);
const reg_indicator *registry_indicator_at(const registry *r, size_t i);
const reg_indicator *registry_find_indicator(const registry *r, const char *full_id);
size_t registry_n_interventions(const registry *r);
const reg_intervention *registry_intervention_at(const registry *r, size_t i);
const reg_intervention *registry_find_intervention(const registry *r, const char *full_id);

/* Sums for an indicator in an area (any level) and RT (RT_ALL, 0, or an RT of
 * a village) and period, after registry_rollup(). 1 and *out set when
 * anything was reported there, 0 otherwise. */
int registry_get(const registry *r, const reg_indicator *ind, const char *area, int rt,
                 const char *period, reg_sum *out);
int registry_get_intervention(const registry *r, const reg_intervention *iv,
                              const char *area, int rt, const char *period,
                              reg_isum *out);

/* An area and a period looked up once, for the many registry_get_at() calls
 * of an assessment (every indicator in every village and RT): no string is
 * hashed again. Valid until a value is added or the registry rolled up. */
typedef struct reg_place {
	uint32_t vals, ivals;    /* the (area, period) group of each value table,
	                            or UINT32_MAX when nothing is there */
} reg_place;

/* The place of (area, period); an unknown one finds nothing. */
void registry_place(const registry *r, const char *area, const char *period, reg_place *out);
/* registry_get and registry_get_intervention at a place. */
int registry_get_at(const registry *r, const reg_indicator *ind, const reg_place *p, int rt,
                    reg_sum *out);
int registry_get_intervention_at(const registry *r, const reg_intervention *iv,
                                 const reg_place *p, int rt, reg_isum *out);

/* Every indicator's sums at a place at once, for a caller that wants them
 * all (the history store): for the area itself (RT_ALL) and for each RT of
 * rts[0..nrt-1] (sorted, as registry_rts gives them), in one pass over the
 * place's entries instead of a lookup each. Row 0 is RT_ALL's and row k + 1
 * is rts[k]'s; with n = registry_n_indicators(r), has[j * n + i] is 1 and
 * out[j * n + i] what registry_get_at gives in row j for the declaration
 * index i, else has[j * n + i] is 0. out and has hold (nrt + 1) * n
 * elements. registry_irows_at likewise for the interventions. */
void registry_rows_at(const registry *r, const reg_place *p, const int *rts, size_t nrt,
                      reg_sum *out, unsigned char *has);
void registry_irows_at(const registry *r, const reg_place *p, const int *rts, size_t nrt,
                       reg_isum *out, unsigned char *has);

/* The value shown for a sum: 100*num/den for proportions and rates, num for
 * counts, num/den for means; NaN when den is 0. */
double reg_value(const reg_indicator *ind, const reg_sum *s);

/* The decimals the reports show a value of an indicator of kind (enum
 * pk2d_kind) with: a count none when whole, else 1; a mean 2; a share 1. */
int reg_value_decimals(int kind, double v);

/* Distinct codes at a level (enum area_level) under prefix (NULL or "":
 * everywhere) that have any value or intervention value, themselves or in
 * an area under them; sorted; *out is malloc'd (free each string and the
 * array), NULL when the count is 0. Returns the count. */
size_t registry_areas(const registry *r, const char *prefix, int level, char ***out);
/* Distinct RT numbers (> 0) reported for a village, sorted; *out malloc'd. */
size_t registry_rts(const registry *r, const char *village, int **out);
/* How many distinct RTs (> 0) were reported for a village, with or without
 * RT detail. */
size_t registry_n_rts(const registry *r, const char *village);
/* Distinct periods of reported values, sorted as strings; *out as for
 * registry_areas. */
size_t registry_periods(const registry *r, char ***out);

/* Every reported (not rolled-up) value, ordered by indicator declaration,
 * area, RT, period. fn returning non-zero stops the walk. */
void registry_each_value(const registry *r,
                         int (*fn)(void *ud, const reg_indicator *ind, const char *area,
                                   int rt, const char *period, const reg_sum *s),
                         void *ud);
void registry_each_intervention_value(const registry *r,
                                      int (*fn)(void *ud, const reg_intervention *iv,
                                                const char *area, int rt,
                                                const char *period, const reg_isum *s),
                                      void *ud);

/* PK2D_ERR_NOMEM once a call that cannot return an error (roll-up, drop,
 * the listings) ran out of memory and its result is incomplete; else 0. */
int registry_status(const registry *r);


#endif
