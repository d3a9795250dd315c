/*
 * activity_log.h - the activity log every intervention-reporting plugin
 * reads (docs/inputs.md, "Activity log"): one row per activity or recap,
 * with area, RT, intervention id, target, realisation, date and budget.
 *
 * Shared by the health, pkk, education and activities modules (compiled
 * into each). Rows are checked one by one and handed to the plugin (the
 * catalogue plugins report each through api->report_intervention; health
 * sums them for its coverage indicators); every row that cannot be used is
 * rejected through api->csv_reject with one
 * of the kinds: "missing intervention", "unknown intervention",
 * "missing area", "bad area code", "outside area", "bad rt",
 * "rt outside village", "missing date", "bad date", "outside period",
 * "unreadable target", "unreadable realised", "negative volume",
 * "no volume". An unreadable or negative budget is noted
 * ("unreadable budget") and counted as 0.
 */
#ifndef PK2D_PLUGIN_ACTIVITY_LOG_H
#define PK2D_PLUGIN_ACTIVITY_LOG_H

#include <stddef.h>
#include "pk2d/plugin.h"
#include "catalogue.h"
#include "fields.h"

/* The log's fields and default headers, in this order. */
enum activity_log_field {
	ALOG_AREA, ALOG_RT, ALOG_INTERVENTION, ALOG_TARGET, ALOG_REALISED, ALOG_DATE,
	ALOG_BUDGET, ALOG_N_FIELDS
};
extern const field_spec activity_log_fields[ALOG_N_FIELDS + 1];
/* What an agency writes in each of them (pk2d_input_help). */
extern const pk2d_column_help activity_log_help[ALOG_N_FIELDS + 1];

/* The run's period as a day range, and the run's area; shared by every
 * reader that checks rows against the run. */
typedef struct run_scope {
	const char *area;
	const char *period;
	long first, last;
	int area_is_village;
} run_scope;

/* Fills scope from api->run_area and api->run_period. PK2D_ERR_CONFIG
 * (logged) when the run's period is not a DHIS2 period. */
int run_scope_init(run_scope *scope, const pk2d_host_api *api, pk2d_host *h);
/* A file without an area column (col < 0) is read only when the run's area
 * is a village. 0, or PK2D_ERR_DATA logged as "path:1: no column 'Header',
 * and the run's area A is not a village" (Header of area under prefix). */
int run_scope_need_area(const run_scope *scope, const pk2d_host_api *api, pk2d_host *h,
                        const char *path, const char *prefix, const field_spec *area,
                        int col);

/* Checks that the key prefix+FIELD keys name fields of the log (init). */
int activity_log_check_keys(const pk2d_host_api *api, pk2d_host *h, const char *prefix);

/* A row of the log that passed every check: a known intervention, an area
 * within the run's, a readable RT, a date or period inside the run's, and
 * at least one volume. An empty volume is 0; an unreadable budget (noted)
 * too. */
typedef struct activity_row {
	long intervention;              /* the index find gave */
	char area[FIELDS_AREA_MAX];
	int rt;
	double target, realised, budget;
} activity_row;

/* How a plugin reads its log. */
typedef struct activity_log_spec {
	const char *prefix;             /* of the column keys: "log_column." */
	unsigned required;              /* (1u << ALOG_*) of the columns the file must
	                                 * have besides the intervention */
	long (*find)(void *ud, const char *id);        /* an intervention's index, or -1 */
	int (*use)(void *ud, const activity_row *row); /* 0, or an error that stops */
	void *ud;
} activity_log_spec;

/* Reads the log at path: every row is checked and handed to spec->use, or
 * rejected with one of the kinds above. 0; PK2D_ERR_IO when the file cannot
 * be opened or read; PK2D_ERR_CONFIG for a mapped column the file lacks;
 * PK2D_ERR_DATA (logged as "file:1: ...") when the file lacks the
 * intervention column, a required column, or both volume columns, or has
 * no area column while the run's area is not a village; what use
 * returned. */
int activity_log_each(const pk2d_host_api *api, pk2d_host *h, const char *path,
                      const activity_log_spec *spec, const run_scope *scope);

/* activity_log_each for the interventions of cat, each row reported through
 * api->report_intervention (prefix the column keys' prefix). */
int activity_log_read(const pk2d_host_api *api, pk2d_host *h, const char *path,
                      const char *prefix, const catalogue *cat, const run_scope *scope);

/* Reads the area of a row: the area column's value, or the run's area when
 * col < 0. On failure the row has been rejected ("missing area", "bad area
 * code", "outside area") and PK2D_ERR_INVALID is returned. */
int activity_log_row_area(const pk2d_host_api *api, pk2d_csv *c, int col,
                          const run_scope *scope, char *out, size_t outlen);
/* Reads the RT of a row (0 when col < 0 or empty); rejects "bad rt" or "rt
 * outside village" and returns PK2D_ERR_INVALID. */
int activity_log_row_rt(const pk2d_host_api *api, pk2d_csv *c, int col, const char *area,
                        int *rt);
/* Checks a row's date or DHIS2 period against the run's period (nothing to
 * check when col < 0); rejects "missing date", "bad date" or "outside
 * period" and returns PK2D_ERR_INVALID. */
int activity_log_row_period(const pk2d_host_api *api, pk2d_csv *c, int col,
                            const run_scope *scope);

#endif
