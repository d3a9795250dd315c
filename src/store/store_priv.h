/*
 * store_priv.h - what the history store's files share: the handle, the
 * SQLite helpers, the dictionary of names and the packed records.
 */
#ifndef PK2D_STORE_PRIV_H
#define PK2D_STORE_PRIV_H

#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>
#include <libpq-fe.h>

#include "store.h"

/* The queries a run repeats for every area and indicator keep their
 * prepared statement (keyed by the SQL literal's address): a report's
 * trends use up to eight, and the scores' insert comes after them; a
 * query past the last slot is prepared at every call. */
#define STORE_CACHED 16

/* What a name in the dictionary (table ids) names. */
enum store_role {
	ROLE_VALUE = 0,       /* an indicator or intervention id ('health.stunting') */
	ROLE_ITEM = 1,        /* an assessment score ('ikk', 'dim.<key>') */
	ROLE_CATEGORY = 2     /* a score's category key */
};

typedef struct store_name {
	char *name;
	uint32_t key;
	int role;
} store_name;

/* A growing packed list of records (see store_record.c). */
typedef struct store_buf {
	unsigned char *p;
	size_t len, cap;
} store_buf;

/* Records (the encoding is in store_record.c): a key, an aux and nd
 * doubles, one after the other in a BLOB of the tables vals (nd 4: num,
 * den, value, target; aux 0), ivals (nd 3: target, realised, budget; aux
 * 0) and scores (nd 1: value; aux the category's key, 0 for none). NaN
 * stands for SQL's NULL. */
#define REC_VALS 4
#define REC_IVALS 3
#define REC_SCORES 1

/* One record of a row decoded (store_rows.c). */
typedef struct store_rows_rec {
	uint32_t key, aux, seq;
	double v[REC_VALS];         /* the most numbers of a record */
} store_rows_rec;

/* The rows of one (area, rt) of an SQLite figures table, decoded: row i
 * has period[i] and records recs[first[i]] to recs[first[i + 1]], sorted
 * by key. */
typedef struct store_rows {
	char *area;               /* NULL when it holds none */
	int rt;
	size_t n_rows, cap_rows;
	char (*period)[16];
	size_t *first;
	store_rows_rec *recs;
	size_t n_recs, cap_recs;
} store_rows;

/* Adds a row: period and its packed records of nd numbers (a blob cut
 * inside a record keeps those before it). 0 or PK2D_ERR_NOMEM. */
int store_rows_add(store_rows *m, const char *period, const void *blob, size_t len, int nd);
/* Reads the rows (period, data) st gives, records of nd numbers, as those
 * of (area, rt). 0, or < 0 (m then holds none). */
int store_rows_load(store_rows *m, sqlite3_stmt *st, int nd, const char *area, int rt);
/* Whether m holds the rows of (area, rt). */
int store_rows_hold(const store_rows *m, const char *area, int rt);
/* The record of key in row, or NULL. */
const store_rows_rec *store_rows_find(const store_rows *m, size_t row, uint32_t key);
void store_rows_forget(store_rows *m);

/* The figures tables. */
enum store_table { TABLE_VALS, TABLE_IVALS, TABLE_SCORES, N_TABLES };

struct store {
	sqlite3 *db;              /* the SQLite store, or */
	PGconn *pg;               /* the PostgreSQL one (store_pg.c) */
	struct {
		const char *sql;
		sqlite3_stmt *st;
	} cache[STORE_CACHED];
	char *path;
	int in_txn;
	int in_read;              /* store_read_begin() */
	long long run_id;
	char *run_area;
	char *run_period;
	double lock_wait;         /* seconds another writer may keep us waiting */
	double waited;            /* seconds waited so far, in all statements */
	/* The dictionary, sorted by (role, name); loaded on first use and
	 * again at every run's start, when another process may have added to
	 * it. */
	store_name *names;
	size_t n_names, cap_names;
	int names_loaded;
	/* What this handle read, read once (store_cache.c); NULL when empty. */
	struct store_cache *rcache;
	/* The last rows of each figures table read (SQLite), forgotten with
	 * rcache. */
	store_rows rows[N_TABLES];
	/* The scores of one (area, rt, period) not yet written. */
	char *score_area, *score_period;
	int score_rt;
	store_buf scores;
};

void store_set_err(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int store_db_fail(store *s, char *err, size_t errlen);
int store_exec(store *s, const char *sql, char *err, size_t errlen);
int store_prepare(store *s, const char *sql, sqlite3_stmt **st, char *err, size_t errlen);
/* Steps st (prepared and bound) once and finalizes it: 1 with the text of
 * its first column in out, 0 when it gives no row, < 0 on error. */
int store_one_text(store *s, sqlite3_stmt *st, char *out, size_t outlen, char *err,
                   size_t errlen);
/* sqlite3_step then reset: 0 when it was done, else the error. */
int store_step_reset(store *s, sqlite3_stmt *st, char *err, size_t errlen);

/* The key of (role, name): 1 and *key set, 0 when the store has no such
 * name (and create is 0), < 0 on error. With create, a missing name is
 * added to table ids (inside the caller's transaction). */
int store_name_key(store *s, int role, const char *name, int create, uint32_t *key,
                   char *err, size_t errlen);
/* The name of (role, key) in the dictionary: 1 and out set, 0 when it has
 * none, < 0 on error. */
int store_name_of(store *s, int role, uint32_t key, char *out, size_t outlen, char *err,
                  size_t errlen);
/* Forgets the dictionary (after a rollback, or when another process may
 * have added names); the next lookup loads it again. */
void store_names_forget(store *s);

int store_buf_add(store_buf *b, uint32_t key, uint32_t aux, const double *v, int nd);
void store_buf_free(store_buf *b);
/* Decodes the record at *p into key, aux and v; advances *p. 0, or -1
 * when the record is cut short (a damaged BLOB). */
int store_rec_next(const unsigned char **p, const unsigned char *end, int nd,
                   uint32_t *key, uint32_t *aux, double *v);

/* An area's (or one RT of a village's) sums in a period, for every
 * declaration: has[i] says whether the indicator (ihas[i]: the
 * intervention) of declaration index i has a value there, sum[i] (isum[i])
 * what it is. */
typedef struct store_row {
	const char *area, *period;
	int rt;
	const reg_sum *sum;
	const unsigned char *has;
	const reg_isum *isum;
	const unsigned char *ihas;
} store_row;

/* The values of every area and RT store_put_registry writes: fn for each
 * period of r, each area from the run's area down to its villages, and
 * after a village's own row the rows of its RTs; a place's rows are taken
 * from the registry at once (registry_rows_at). Stops at the first fn < 0
 * and returns it; PK2D_ERR_NOMEM with err set when memory runs out. */
int store_walk_registry(const store *s, const registry *r, char *const *periods, size_t np,
                        int (*fn)(void *ctx, const store_row *row), void *ctx, char *err,
                        size_t errlen);
/* The run's periods to replace (registry_periods() and the run's own): a
 * malloc'd array of malloc'd strings, its count, or < 0 when out of memory. */
long store_run_periods(const store *s, const registry *r, char ***out);
void store_free_strings(char **v, size_t n);
/* Test-only pause inside the transaction (see STORE_PAUSE_ENV). */
void store_test_pause(void);

/* A series' records from the nd doubles of a figures table. */
typedef void (*store_conv)(const char *period, const double *v, void *out);
void store_conv_point(const char *period, const double *v, void *out);
void store_conv_ipoint(const char *period, const double *v, void *out);
void store_conv_score(const char *period, const double *v, void *out);
/* Puts n records of elem bytes (store_point or store_ipoint) in time order. */
void store_sort_series(void *v, size_t n, size_t elem);
/* The latest of the periods before period and of its kind, into out: 1, or
 * 0 when there is none. */
int store_pick_previous(const char *period, char *const *periods, size_t n,
                        char *out, size_t outlen);

/* The first column of every row of sql run with one text parameter $1
 * (both SQLite and PostgreSQL read it): a malloc'd array of malloc'd
 * strings and its count, or < 0 with err set. */
long store_read_strings(store *s, const char *sql, const char *param, char ***out,
                        char *err, size_t errlen);
/* store_meta_of read from the store. */
int store_read_meta(store *s, const char *id, store_meta *out, char *err, size_t errlen);

/* What a report reads again and again, read once (store_cache.c) and
 * forgotten at every write: store_read_strings and store_read_meta by
 * their arguments, and, on PostgreSQL, every row of a figures table
 * ("vals", "ivals", "scores") of an area and RT in one query. */
typedef struct store_cache store_cache;
void store_cache_forget(store *s);
long store_cache_strings(store *s, const char *sql, const char *param, char ***out,
                         char *err, size_t errlen);
int store_cache_meta(store *s, const char *id, store_meta *out, char *err, size_t errlen);
/* The nd doubles of id in (area, rt, period) of table: 1 and v set, 0 when
 * none, < 0 on error. */
int store_cache_get(store *s, const char *table, const char *id, const char *area, int rt,
                    const char *period, double *v, int nd, char *err, size_t errlen);
/* Every period of id in (area, rt) of table, as conv's elem-sized records
 * in time order: the count, or < 0 on error. */
long store_cache_series(store *s, const char *table, const char *id, const char *area, int rt,
                        size_t elem, store_conv conv, void **out, char *err, size_t errlen);

/* The PostgreSQL store (store_pg.c), one function for each of store.h's
 * that differs; s->pg is set by store_pg_open. */
/* The first key of pk2d's advisory locks ("pk2d"); the second is 0 for the
 * schema's creation, else the hash of an area. */
#define STORE_PG_LOCK_CLASS "1886073444"
int store_pg_open(store *s, const char *conninfo, double lock_wait, char *err, size_t errlen);
void store_pg_close(store *s);
int store_pg_begin(store *s, const store_run_info *info, char *err, size_t errlen);
int store_pg_put_plugins(store *s, const plugin_run *runs, size_t n, char *err, size_t errlen);
/* The declarations and figures of every period of periods (already
 * cleared by the caller). */
int store_pg_put_registry(store *s, const registry *r, char *const *periods, size_t np,
                          char *err, size_t errlen);
int store_pg_put_score(store *s, const char *area, int rt, const char *period,
                       const char *item, double value, const char *category,
                       char *err, size_t errlen);
void store_pg_rollback(store *s);
/* Runs sql with its text parameters (NULL for SQL's NULL): 0, or < 0 with
 * err set. */
int store_pg_exec(store *s, const char *sql, int n, const char *const *params,
                  char *err, size_t errlen);
/* The first field of the answer to sql: 1 and out set, 0 when no row or
 * NULL, < 0 on error. */
int store_pg_first(store *s, const char *sql, int n, const char *const *p, char *out,
                   size_t outlen, char *err, size_t errlen);
/* Rows into a figures table through COPY: into a temporary table copy_TABLE,
 * then one INSERT INTO TABLE ... on_conflict (row-level security refuses
 * COPY into its tables). Lines are gathered in buf and sent in blocks. */
typedef struct store_pg_copy {
	store *s;
	const char *table;
	store_buf buf;
	char *err;
	size_t errlen;
} store_pg_copy;
int store_pg_copy_begin(store *s, const char *table, store_pg_copy *c, char *err,
                        size_t errlen);
/* One row: area, rt, period, id, run_id, the nd doubles (NaN as NULL) and,
 * with_category (table scores), the category (NULL for none). */
int store_pg_copy_line(store_pg_copy *c, const char *area, int rt, const char *period,
                       const char *id, long long run_id, const double *v, int nd,
                       int with_category, const char *category);
/* Ends the COPY (aborting it when rc < 0) and inserts its rows; returns rc
 * when it is < 0, else the outcome. */
int store_pg_copy_end(store_pg_copy *c, int rc, const char *on_conflict);
/* The first column of every row of sql run with one text parameter $1. */
long store_pg_strings(store *s, const char *sql, const char *param, char ***out, char *err,
                      size_t errlen);
/* Every row of a figures table ("vals", "ivals", "scores") in (area, rt):
 * fn with its id, period and nd doubles (NaN for NULL) for each. 0, fn's
 * first error, or < 0 with err set. */
int store_pg_area_rows(store *s, const char *table, const char *area, int rt,
                       int (*fn)(void *ctx, const char *id, const char *period,
                                 const double *v, int nd),
                       void *ctx, char *err, size_t errlen);
int store_pg_get_category(store *s, const char *area, int rt, const char *period,
                          const char *item, char *out, size_t outlen, char *err, size_t errlen);
int store_pg_meta_of(store *s, const char *id, store_meta *out, char *err, size_t errlen);
long store_pg_ids(store *s, char ***out, char *err, size_t errlen);
int store_pg_check(store *s, char *err, size_t errlen);
long store_pg_count_runs(store *s, char *err, size_t errlen);

/* Brings the schema to STORE_SCHEMA_VERSION, in one transaction
 * (store_schema.c). */
int store_migrate(store *s, char *err, size_t errlen);

#endif
