/*
 * mock_host.h - a small in-test pk2d_host_api for the health plugin's unit
 * tests: configuration from a key/value list, the real CSV reader of the core
 * (src/csv.h) behind api->csv_*, and everything the plugin declares, reports
 * and logs recorded for the test to inspect.
 */
#ifndef HEALTH_MOCK_HOST_H
#define HEALTH_MOCK_HOST_H

#include <stddef.h>

#include "pk2d/plugin.h"
#include "csv.h"

struct pk2d_host {
	const char *const *config;    /* key, value, key, value, ..., NULL */
	const char *data_dir;
	const char *period;
	const char *area;
	char *log;                    /* every message, one per line */
	size_t log_len;
	pk2d_indicator *ind;          /* declared (strings copied) */
	size_t n_ind;
	pk2d_intervention *iv;
	size_t n_iv;
	pk2d_value *val;              /* reported (strings copied) */
	size_t n_val;
	pk2d_intervention_value *ivv;
	size_t n_ivv;
	csv_stats **files;            /* every file closed, in order */
	size_t n_files;
};

/* The api table; every function takes the pk2d_host above. */
extern const pk2d_host_api mock_api;

/* A host with the given configuration (key/value pairs ending in NULL);
 * data_dir is $PK2D_DATA_DIR, the period "2024", the area "63.02.09.2007". */
void mock_host_init(struct pk2d_host *h, const char *const *config);
void mock_host_free(struct pk2d_host *h);

/* Sum of the numerators and denominators reported for indicator at area and
 * rt (rt -1: every RT). Returns how many values matched. */
int mock_host_sum(const struct pk2d_host *h, const char *indicator, const char *area,
                  int rt, double *num, double *den);
/* The problems recorded for the file whose path ends with suffix, and the
 * count of one kind (0 when none). */
const csv_stats *mock_host_file(const struct pk2d_host *h, const char *suffix);
long mock_host_problem(const struct pk2d_host *h, const char *suffix, const char *kind,
                       int rejected);

#endif
