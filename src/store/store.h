/*
 * store.h - the history store: every `pk2d report` run and all its values,
 * in one SQLite file, for trends and intervention progress across periods;
 * or, when the path is a PostgreSQL address (conf_store_is_server), in a
 * database shared by many offices (store_pg.c, docs/store.md).
 *
 * A run is written in one transaction (store_begin ... store_commit): the run
 * row, the plugin statuses, the values of every area from the run's area down
 * to its RTs, and the assessment scores. Rerunning a period replaces that
 * period's values for the run's area and everything under it; the runs table
 * only grows. SQLite's journal makes the write atomic: a process killed at
 * any moment leaves the store as it was before the run or as it is after it.
 *
 * Values above the run's area are not stored: a village run's kecamatan total
 * holds one village only and would overwrite the real one.
 */
#ifndef PK2D_STORE_H
#define PK2D_STORE_H

#include <stddef.h>
#include "registry.h"
#include "run.h"

/* The schema this build writes (PRAGMA user_version). */
#define STORE_SCHEMA_VERSION 2

/* Test-only: when this variable names a file, store_commit() creates that
 * file and then sleeps (for up to 60 s) before COMMIT, so a test can kill the
 * process in the middle of the transaction. */
#define STORE_PAUSE_ENV "PK2D_TEST_STORE_PAUSE"

typedef struct store store;

typedef struct store_run_info {
	const char *period;        /* the run's period ("2023") */
	const char *area;          /* the run's area (a village or any level above) */
	const char *config_digest; /* store_digest_files() of the configuration */
	const char *version;       /* PACKAGE_VERSION */
	long long started;         /* time(NULL) at the start of the run */
	int status;                /* the run's exit status */
} store_run_info;

/* One period of an indicator's history; value is NaN when den is 0 and
 * target NaN when the indicator had none. */
typedef struct store_point {
	char period[16];
	double num, den, value, target;
} store_point;

/* One period of an intervention's history. */
typedef struct store_ipoint {
	char period[16];
	double target, realised, budget;
} store_ipoint;

/* What the store knows of an id: from the last run that declared it. */
typedef struct store_meta {
	int is_intervention;
	char label_id[256], label_en[256], unit[64], agency[128];
	int kind, direction;
} store_meta;

/* Opens (creating if needed) the store at path (a file, or a PostgreSQL
 * address without a password) and brings its schema to
 * STORE_SCHEMA_VERSION. While another run writes the store, waits for its
 * lock up to lock_wait seconds in all (over every later call on this
 * handle too), then fails with "database is locked". NULL with err set
 * when it cannot (not a database, a schema newer than this build, no
 * permission, locked). */
store *store_open(const char *path, double lock_wait, char *err, size_t errlen);
/* Closes the store; an open transaction is rolled back. NULL is allowed. */
void store_close(store *s);

/* The reads that follow, until store_read_end(), see one state of the
 * store and take its lock once instead of once each: a wide report's
 * trends read it thousands of times. Not while a run is being written.
 * 0, or < 0 with err set. */
int store_read_begin(store *s, char *err, size_t errlen);
/* Ends what store_read_begin() began; nothing without it. */
void store_read_end(store *s);

/* Starts the run's transaction and writes the run row. */
int store_begin(store *s, const store_run_info *info, char *err, size_t errlen);
/* The status of every plugin instance of the run. */
int store_put_plugins(store *s, const plugin_run *runs, size_t n, char *err, size_t errlen);
/* Every declaration, and every value (rolled up: the run's area and every area
 * and RT under it) of every period in r. Removes first the stored values of
 * those periods (and of the run's period) in the run's area and under it. */
int store_put_registry(store *s, const registry *r, char *err, size_t errlen);
/* One assessment result: item is "ikk", "dim.<id>" or any other key the
 * assessment defines; category may be NULL; value NaN is stored as NULL. */
int store_put_score(store *s, const char *area, int rt, const char *period,
                    const char *item, double value, const char *category,
                    char *err, size_t errlen);
/* Commits the run. On failure the transaction is rolled back. */
int store_commit(store *s, char *err, size_t errlen);
/* Abandons the run's transaction (no-op when none is open). */
void store_rollback(store *s);

/* The latest stored period before period, of the same kind (year, semester,
 * quarter, month), that has values for area or an area below it (whose
 * sums are then area's: store_series). 1 and out set, 0 when there is
 * none, < 0 on error. */
int store_previous_period(store *s, const char *area, const char *period,
                          char *out, size_t outlen, char *err, size_t errlen);
/* A stored value: 1 and *out set, 0 when none, < 0 on error. For the
 * whole of an area above a village without a row of its own for the
 * period, the period of its series (store_series, store_iseries: the sums
 * of the areas below). */
int store_get_value(store *s, const char *indicator, const char *area, int rt,
                    const char *period, store_point *out, char *err, size_t errlen);
int store_get_intervention(store *s, const char *intervention, const char *area, int rt,
                           const char *period, store_ipoint *out, char *err, size_t errlen);
int store_get_score(store *s, const char *area, int rt, const char *period,
                    const char *item, double *value, char *err, size_t errlen);

/* The category key stored with a score (the IKK's category): 1 and out
 * set, 0 when none, < 0 on error. */
int store_get_category(store *s, const char *area, int rt, const char *period,
                       const char *item, char *out, size_t outlen, char *err, size_t errlen);

/* Metadata of an indicator or intervention id: 1 found, 0 not, < 0 error. */
int store_meta_of(store *s, const char *id, store_meta *out, char *err, size_t errlen);
/* The agency that the run which stored intervention id's figures of (area,
 * rt, period) had for its plugin instance: 1 and out set, 0 when that run
 * stored none, < 0 on error (store_agency.c). */
int store_agency_of(store *s, const char *id, const char *area, int rt, const char *period,
                    char *out, size_t outlen, char *err, size_t errlen);
/* Every stored period of an id in an area and RT, in time order (start of
 * the period, then the longer period first). *out is malloc'd; returns the
 * count or < 0 on error. Both add, for the whole of an area (RT_ALL), the
 * periods stored only below it: store_series the sums of the numerators
 * and denominators of the highest stored areas below, store_iseries those
 * of the targets, realisations and budgets (docs/store.md). */
long store_series(store *s, const char *indicator, const char *area, int rt,
                  store_point **out, char *err, size_t errlen);
long store_iseries(store *s, const char *intervention, const char *area, int rt,
                   store_ipoint **out, char *err, size_t errlen);

/* Every stored period of an assessment score ("ikk", "dim.<key>") in an
 * area and RT, in time order; only period and value are set (the others
 * NaN). Same returns as store_series. */
long store_score_series(store *s, const char *item, const char *area, int rt,
                        store_point **out, char *err, size_t errlen);
/* Every id the store can give a history of: indicators and interventions
 * (meta) and assessment scores, sorted; *out is a malloc'd array of
 * malloc'd strings. The count, or < 0 on error. */
long store_ids(store *s, char ***out, char *err, size_t errlen);

/* Copies the history of an SQLite store (from) into a PostgreSQL store
 * (to), in one transaction on the server, adding only what the server does
 * not hold yet (store_copy.c, docs/store.md); *runs is the number of runs
 * of from. 0, or < 0 with err set. */
int store_copy(store *from, store *to, long *runs, char *err, size_t errlen);

/* Checks the store's structure (SQLite: PRAGMA integrity_check): 0 when
 * whole, PK2D_ERR_IO with what is wrong in err. */
int store_check(store *s, char *err, size_t errlen);

/* Number of rows in the runs table (the run log), or < 0 on error. */
long store_count_runs(store *s, char *err, size_t errlen);

/* FNV-1a 64-bit digest of the bytes of the files, in order, with each file's
 * length mixed in, written as 16 hex digits. It only detects a change of
 * configuration between runs; it is not a cryptographic hash. 0, or
 * PK2D_ERR_IO with err set. */
int store_digest_files(const char *const *paths, size_t n, char out[17],
                       char *err, size_t errlen);

/* Orders two DHIS2 periods by the month they start, then the longer one
 * first ("2023" < "2023S1" < "2023Q1" < "202301" < "2023Q2"). */
int store_period_cmp(const char *a, const char *b);

#endif
