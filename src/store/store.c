/*
 * store.c - the SQLite history store (see store.h and docs/report.md).
 *
 * The store keeps SQLite's default rollback journal rather than WAL: between
 * runs it is one self-contained file a coordinator can copy or mail, and a
 * run killed in its transaction leaves a hot journal that the next opener
 * rolls back.
 */
#include <config.h>

#include "store_priv.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sqlite3.h>

#include "areas.h"
#include "conf.h"
#include "period.h"

void store_set_err(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (!err || !errlen)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

int store_db_fail(store *s, char *err, size_t errlen)
{
	store_set_err(err, errlen, "%s: %s", s->path, sqlite3_errmsg(s->db));
	return PK2D_ERR_IO;
}

int store_exec(store *s, const char *sql, char *err, size_t errlen)
{
	char *msg = NULL;

	if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		store_set_err(err, errlen, "%s: %s", s->path, msg ? msg : sqlite3_errmsg(s->db));
		sqlite3_free(msg);
		return PK2D_ERR_IO;
	}
	return 0;
}

int store_prepare(store *s, const char *sql, sqlite3_stmt **st, char *err, size_t errlen)
{
	if (sqlite3_prepare_v2(s->db, sql, -1, st, NULL) != SQLITE_OK)
		return store_db_fail(s, err, errlen);
	return 0;
}

/* A cached statement for sql, reset and unbound; release it with
 * sqlite3_reset, never finalize it. */
static int cached(store *s, const char *sql, sqlite3_stmt **st, char *err, size_t errlen)
{
	size_t i;
	int rc;

	for (i = 0; i < STORE_CACHED && s->cache[i].sql; i++)
		if (s->cache[i].sql == sql) {
			sqlite3_reset(s->cache[i].st);
			sqlite3_clear_bindings(s->cache[i].st);
			*st = s->cache[i].st;
			return 0;
		}
	if ((rc = store_prepare(s, sql, st, err, errlen)) < 0 || i == STORE_CACHED)
		return rc;
	s->cache[i].sql = sql;
	s->cache[i].st = *st;
	return 0;
}

/* Releases a statement from cached(): reset, or finalized when the cache
 * was full and it is not in it. */
static void release(store *s, sqlite3_stmt *st)
{
	if (!st)
		return;
	for (size_t i = 0; i < STORE_CACHED; i++)
		if (s->cache[i].st == st) {
			sqlite3_reset(st);
			return;
		}
	sqlite3_finalize(st);
}

/* SQLite's busy handler: sleeps while another connection holds the lock,
 * until the store's lock_wait is spent in all. sqlite3_busy_timeout() would
 * give every statement the whole wait again (opening and writing a run take
 * two, so a run waited twice as long as documented). */
static int wait_for_lock(void *ud, int tries)
{
	store *s = ud;
	double left = s->lock_wait - s->waited;
	if (left <= 0)
		return 0;
	/* 1 ms at first, up to 50 ms between tries. */
	double nap = tries < 6 ? 0.001 * (1 << tries) : 0.05;
	if (nap > left)
		nap = left;
	struct timespec ts = { .tv_sec = 0, .tv_nsec = (long)(nap * 1e9) };
	nanosleep(&ts, NULL);
	s->waited += nap;
	return 1;
}

/* SQLite counts the memory it holds under a mutex at every allocation,
 * for sqlite3_memory_used(), which pk2d never asks. Before its first use
 * in the process only: later, sqlite3_config refuses and nothing changes. */
static void sqlite_setup(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

store *store_open(const char *path, double lock_wait, char *err, size_t errlen)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	store *s = calloc(1, sizeof *s);

	if (!s || !(s->path = strdup(path))) {
		free(s);
		store_set_err(err, errlen, "%s: out of memory", path);
		return NULL;
	}
	if (conf_store_is_server(path)) {
		if (store_pg_open(s, path, lock_wait, err, errlen) < 0) {
			store_close(s);
			return NULL;
		}
		return s;
	}
	pthread_once(&once, sqlite_setup);
	/* pk2d opens it from one thread: no mutex around every call. */
	if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
	                    SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		store_set_err(err, errlen, "%s: %s", path,
		        s->db ? sqlite3_errmsg(s->db) : "cannot open");
		store_close(s);
		return NULL;
	}
	/* Another run writing the same store waits for it instead of failing. */
	s->lock_wait = lock_wait;
	sqlite3_busy_handler(s->db, wait_for_lock, s);
	/* A kabupaten run writes 10^5 rows and more in one transaction: a 64 MiB
	 * page cache keeps them in memory until COMMIT. */
	store_exec(s, "PRAGMA cache_size = -65536", NULL, 0);
	if (store_migrate(s, err, errlen) < 0) {
		store_close(s);
		return NULL;
	}
	return s;
}

void store_close(store *s)
{
	if (!s)
		return;
	store_read_end(s);
	if (s->in_txn)
		store_rollback(s);
	store_pg_close(s);
	store_cache_forget(s);
	for (size_t i = 0; i < STORE_CACHED; i++)
		sqlite3_finalize(s->cache[i].st);
	sqlite3_close(s->db);
	store_names_forget(s);
	free(s->names);
	store_buf_free(&s->scores);
	free(s->path);
	free(s->run_area);
	free(s->run_period);
	free(s);
}

int store_read_begin(store *s, char *err, size_t errlen)
{
	int rc;

	if (s->in_txn || s->in_read) {
		store_set_err(err, errlen, "%s: %s", s->path, "a transaction is already open");
		return PK2D_ERR_INVALID;
	}
	/* SQLite takes its shared lock at the first read and keeps it. */
	rc = s->pg ? store_pg_exec(s, "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY", 0, NULL,
	                           err, errlen)
	           : store_exec(s, "BEGIN", err, errlen);
	s->in_read = rc == 0;
	return rc;
}

void store_read_end(store *s)
{
	if (!s || !s->in_read)
		return;
	if (s->pg) {
		store_pg_exec(s, "COMMIT", 0, NULL, NULL, 0);
	} else {
		/* A statement left stepping would keep the transaction open. */
		for (size_t i = 0; i < STORE_CACHED; i++)
			if (s->cache[i].st)
				sqlite3_reset(s->cache[i].st);
		sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
	}
	s->in_read = 0;
}

int store_begin(store *s, const store_run_info *info, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc;

	if (s->in_txn || s->in_read) {
		store_set_err(err, errlen, "%s: %s", s->path, s->in_txn ? "a run is already being written"
		              : "its reads are not ended");
		return PK2D_ERR_INVALID;
	}
	if (area_level(info->area) == AREA_INVALID || !period_valid(info->period)) {
		store_set_err(err, errlen, "store: invalid area '%s' or period '%s'",
		        info->area, info->period);
		return PK2D_ERR_INVALID;
	}
	store_cache_forget(s);
	free(s->run_area);
	free(s->run_period);
	s->run_area = strdup(info->area);
	s->run_period = strdup(info->period);
	if (!s->run_area || !s->run_period) {
		store_set_err(err, errlen, "%s: %s", s->path, "out of memory");
		return PK2D_ERR_NOMEM;
	}
	if (s->pg)
		return store_pg_begin(s, info, err, errlen);
	/* Test-only: a small page cache makes the transaction's pages reach the
	 * database file before COMMIT, so the kill test really interrupts a
	 * half-written file (and the journal has to undo it). */
	if (getenv(STORE_PAUSE_ENV) && *getenv(STORE_PAUSE_ENV))
		store_exec(s, "PRAGMA cache_size = 8", NULL, 0);
	if ((rc = store_exec(s, "BEGIN IMMEDIATE", err, errlen)) < 0)
		return rc;
	s->in_txn = 1;
	/* Another run may have added names since this handle read them. */
	store_names_forget(s);
	if ((rc = store_prepare(s, "INSERT INTO runs(started, period, area, config_digest,"
	                  " version, status) VALUES (?,?,?,?,?,?)", &st, err, errlen)) < 0)
		goto fail;
	sqlite3_bind_int64(st, 1, info->started);
	sqlite3_bind_text(st, 2, info->period, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, info->area, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, info->config_digest ? info->config_digest : "", -1,
	                  SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, info->version ? info->version : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 6, info->status);
	if (sqlite3_step(st) != SQLITE_DONE) {
		rc = store_db_fail(s, err, errlen);
		sqlite3_finalize(st);
		goto fail;
	}
	sqlite3_finalize(st);
	s->run_id = sqlite3_last_insert_rowid(s->db);
	return 0;
fail:
	store_rollback(s);
	return rc;
}

static void bind_opt_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

int store_step_reset(store *s, sqlite3_stmt *st, char *err, size_t errlen)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE)
		return store_db_fail(s, err, errlen);
	return 0;
}

static int need_txn(store *s, char *err, size_t errlen)
{
	if (!s->in_txn) {
		store_set_err(err, errlen, "%s: %s", s->path, "no run is being written");
		return PK2D_ERR_INVALID;
	}
	return 0;
}

int store_put_plugins(store *s, const plugin_run *runs, size_t n, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = need_txn(s, err, errlen)) < 0)
		return rc;
	if (s->pg)
		return store_pg_put_plugins(s, runs, n, err, errlen);
	if ((rc = store_prepare(s, "INSERT OR REPLACE INTO plugin_runs VALUES"
	                  " (?,?,?,?,?,?,?,?,?,?,?)", &st, err, errlen)) < 0)
		return rc;
	for (size_t i = 0; i < n && rc == 0; i++) {
		const plugin_run *p = &runs[i];
		long long rows = 0, rejected = 0;

		for (size_t f = 0; f < p->n_files; f++) {
			rows += p->files[f]->records;
			rejected += p->files[f]->rejected;
		}
		sqlite3_bind_int64(st, 1, s->run_id);
		sqlite3_bind_text(st, 2, p->instance, -1, SQLITE_TRANSIENT);
		bind_opt_text(st, 3, p->module);
		bind_opt_text(st, 4, p->agency);
		sqlite3_bind_int(st, 5, p->state);
		bind_opt_text(st, 6, p->reason);
		sqlite3_bind_double(st, 7, p->seconds);
		sqlite3_bind_int64(st, 8, p->values);
		sqlite3_bind_int64(st, 9, p->refused);
		sqlite3_bind_int64(st, 10, rows);
		sqlite3_bind_int64(st, 11, rejected);
		rc = store_step_reset(s, st, err, errlen);
	}
	sqlite3_finalize(st);
	return rc;
}

static int put_meta(store *s, const registry *r, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = store_prepare(s, "INSERT OR REPLACE INTO meta VALUES (?,?,?,?,?,?,?,?,?)",
	                  &st, err, errlen)) < 0)
		return rc;
	for (size_t i = 0; i < registry_n_indicators(r) && rc == 0; i++) {
		const reg_indicator *d = registry_indicator_at(r, i);

		sqlite3_bind_text(st, 1, d->full_id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(st, 2, 0);
		bind_opt_text(st, 3, d->agency);
		bind_opt_text(st, 4, d->label_id);
		bind_opt_text(st, 5, d->label_en);
		bind_opt_text(st, 6, d->unit);
		sqlite3_bind_int(st, 7, d->kind);
		sqlite3_bind_int(st, 8, d->direction);
		sqlite3_bind_int64(st, 9, s->run_id);
		rc = store_step_reset(s, st, err, errlen);
	}
	for (size_t i = 0; i < registry_n_interventions(r) && rc == 0; i++) {
		const reg_intervention *d = registry_intervention_at(r, i);

		sqlite3_bind_text(st, 1, d->full_id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(st, 2, 1);
		bind_opt_text(st, 3, d->agency);
		bind_opt_text(st, 4, d->label_id);
		bind_opt_text(st, 5, d->label_en);
		bind_opt_text(st, 6, d->unit);
		sqlite3_bind_null(st, 7);
		sqlite3_bind_null(st, 8);
		sqlite3_bind_int64(st, 9, s->run_id);
		rc = store_step_reset(s, st, err, errlen);
	}
	sqlite3_finalize(st);
	return rc;
}

/* Removes the stored values of one period in the run's area and under it:
 * the codes from the area's own up to its code and '/' ("63" and every
 * "63.…", '.' sorting just before '/'), one range of the (area, rt,
 * period) index, not a scan of every period's rows; the whole table's
 * rows of the period for the country. */
static int clear_period(store *s, const char *period, char *err, size_t errlen)
{
	/* $1 and $2 are SQLite's parameters 1 and 2, and PostgreSQL's; the
	 * server's area columns sort bytewise (COLLATE "C") as SQLite's do. */
	static const char *const below[] = {
		"DELETE FROM vals WHERE period = $1 AND area >= $2 AND area < $2 || '/'",
		"DELETE FROM ivals WHERE period = $1 AND area >= $2 AND area < $2 || '/'",
		"DELETE FROM scores WHERE period = $1 AND area >= $2 AND area < $2 || '/'",
	};
	static const char *const all[] = {
		"DELETE FROM vals WHERE period = $1",
		"DELETE FROM ivals WHERE period = $1",
		"DELETE FROM scores WHERE period = $1",
	};
	int country = strcmp(s->run_area, "all") == 0;
	const char *const *sql = country ? all : below;
	const char *p[2] = { period, s->run_area };
	int rc = 0;

	for (size_t t = 0; t < N_TABLES && rc == 0; t++) {
		sqlite3_stmt *st;

		if (s->pg) {
			rc = store_pg_exec(s, sql[t], country ? 1 : 2, p, err, errlen);
			continue;
		}
		if ((rc = store_prepare(s, sql[t], &st, err, errlen)) < 0)
			return rc;
		sqlite3_bind_text(st, 1, period, -1, SQLITE_STATIC);
		if (!country)
			sqlite3_bind_text(st, 2, s->run_area, -1, SQLITE_STATIC);
		rc = store_step_reset(s, st, err, errlen);
		sqlite3_finalize(st);
	}
	return rc;
}

/* What store_put_registry writes with: one statement per table, and the
 * dictionary key of every declared indicator and intervention. */
typedef struct put_ctx {
	store *s;
	char *err;
	size_t errlen;
	const registry *r;
	sqlite3_stmt *vst, *ist;
	uint32_t *ikeys, *vkeys;
	store_buf vb, ib;
} put_ctx;

static int put_row(store *s, sqlite3_stmt *st, const char *area, int rt,
                   const char *period, const store_buf *b, char *err, size_t errlen)
{
	if (b->len == 0)
		return 0;
	sqlite3_bind_text(st, 1, area, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, rt);
	sqlite3_bind_text(st, 3, period, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, s->run_id);
	sqlite3_bind_blob(st, 5, b->p, (int)b->len, SQLITE_STATIC);
	return store_step_reset(s, st, err, errlen);
}

/* The values of one area (or one RT of a village) and period: a row of
 * vals and a row of ivals. */
static int put_area(void *ctx, const store_row *w)
{
	put_ctx *c = ctx;
	store *s = c->s;
	char *err = c->err;
	size_t errlen = c->errlen;
	size_t n_ind = registry_n_indicators(c->r), n_iv = registry_n_interventions(c->r);
	int rc = 0;

	c->vb.len = c->ib.len = 0;
	for (size_t i = 0; i < n_ind && rc == 0; i++) {
		const reg_indicator *d = registry_indicator_at(c->r, i);
		const reg_sum *sum = &w->sum[i];

		if (!w->has[i])
			continue;
		double v[REC_VALS] = { sum->num, sum->den, reg_value(d, sum),
		                       d->has_target ? d->target : NAN };
		rc = store_buf_add(&c->vb, c->vkeys[i], 0, v, REC_VALS);
	}
	for (size_t i = 0; i < n_iv && rc == 0; i++) {
		const reg_isum *sum = &w->isum[i];

		if (!w->ihas[i])
			continue;
		double v[REC_IVALS] = { sum->target, sum->realised, sum->budget };
		rc = store_buf_add(&c->ib, c->ikeys[i], 0, v, REC_IVALS);
	}
	if (rc < 0) {
		store_set_err(err, errlen, "%s: out of memory", s->path);
		return rc;
	}
	if ((rc = put_row(s, c->vst, w->area, w->rt, w->period, &c->vb, err, errlen)) == 0)
		rc = put_row(s, c->ist, w->area, w->rt, w->period, &c->ib, err, errlen);
	return rc;
}

void store_free_strings(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* Room for a place's rows of every declaration (store_walk_registry). */
struct rows {
	size_t cap;             /* rows there is room for */
	reg_sum *sum;
	reg_isum *isum;
	unsigned char *has, *ihas;
};

/* Room for n rows in w; 0, or PK2D_ERR_NOMEM (w as it was). */
static int rows_room(struct rows *w, size_t n, size_t ni, size_t nv)
{
	reg_sum *sum;
	reg_isum *isum;
	unsigned char *has, *ihas;

	if (n <= w->cap)
		return 0;
	n = n > 2 * w->cap ? n : 2 * w->cap;
	if ((sum = realloc(w->sum, n * ni * sizeof *sum + 1)))
		w->sum = sum;
	if ((isum = realloc(w->isum, n * nv * sizeof *isum + 1)))
		w->isum = isum;
	if ((has = realloc(w->has, n * ni + 1)))
		w->has = has;
	if ((ihas = realloc(w->ihas, n * nv + 1)))
		w->ihas = ihas;
	if (!sum || !isum || !has || !ihas)
		return PK2D_ERR_NOMEM;
	w->cap = n;
	return 0;
}

/* fn for an area's own row, then (rts, nrt: a village's) each RT's; w has
 * room for them. */
static int walk_place(const registry *r, const char *area, const char *period, const int *rts,
                      size_t nrt, struct rows *w, int (*fn)(void *ctx, const store_row *row),
                      void *ctx)
{
	size_t ni = registry_n_indicators(r), nv = registry_n_interventions(r);
	int rc = 0;
	reg_place at;

	registry_place(r, area, period, &at);
	registry_rows_at(r, &at, rts, nrt, w->sum, w->has);
	registry_irows_at(r, &at, rts, nrt, w->isum, w->ihas);
	for (size_t j = 0; j <= nrt && rc == 0; j++) {
		store_row row = { area, period, j ? rts[j - 1] : RT_ALL, w->sum + j * ni,
		                  w->has + j * ni, w->isum + j * nv, w->ihas + j * nv };
		rc = fn(ctx, &row);
	}
	return rc;
}

int store_walk_registry(const store *s, const registry *r, char *const *periods, size_t np,
                        int (*fn)(void *ctx, const store_row *row), void *ctx, char *err,
                        size_t errlen)
{
	struct rows w = { 0 };
	int rc = 0;

	for (size_t p = 0; p < np && rc == 0; p++)
		for (int level = area_level(s->run_area); level <= AREA_VILLAGE && rc == 0;
		     level++) {
			char **codes = NULL;
			size_t n = registry_areas(r, s->run_area, level, &codes);

			for (size_t a = 0; a < n && rc == 0; a++) {
				int *rts = NULL;
				size_t nrt = level == AREA_VILLAGE ? registry_rts(r, codes[a], &rts) : 0;

				if (rows_room(&w, nrt + 1, registry_n_indicators(r),
				              registry_n_interventions(r)) < 0) {
					store_set_err(err, errlen, "%s: out of memory", s->path);
					rc = PK2D_ERR_NOMEM;
				} else {
					rc = walk_place(r, codes[a], periods[p], rts, nrt, &w, fn, ctx);
				}
				free(rts);
			}
			store_free_strings(codes, n);
		}
	free(w.sum);
	free(w.isum);
	free(w.has);
	free(w.ihas);
	return rc;
}

long store_run_periods(const store *s, const registry *r, char ***out)
{
	size_t np = registry_periods(r, out);
	char **v;

	for (size_t p = 0; p < np; p++)
		if (strcmp((*out)[p], s->run_period) == 0)
			return (long)np;
	if (!(v = realloc(*out, (np + 1) * sizeof *v)) || !(v[np] = strdup(s->run_period))) {
		store_free_strings(v ? v : *out, np);
		*out = NULL;
		return PK2D_ERR_NOMEM;
	}
	*out = v;
	return (long)np + 1;
}

/* The dictionary keys of the registry's declarations. */
static int declared_keys(store *s, put_ctx *c, char *err, size_t errlen)
{
	size_t ni = registry_n_indicators(c->r), nv = registry_n_interventions(c->r);
	int rc = 0;

	c->vkeys = calloc(ni + 1, sizeof *c->vkeys);
	c->ikeys = calloc(nv + 1, sizeof *c->ikeys);
	if (!c->vkeys || !c->ikeys) {
		store_set_err(err, errlen, "%s: out of memory", s->path);
		return PK2D_ERR_NOMEM;
	}
	for (size_t i = 0; i < ni && rc >= 0; i++)
		rc = store_name_key(s, ROLE_VALUE, registry_indicator_at(c->r, i)->full_id, 1,
		                    &c->vkeys[i], err, errlen);
	for (size_t i = 0; i < nv && rc >= 0; i++)
		rc = store_name_key(s, ROLE_VALUE, registry_intervention_at(c->r, i)->full_id, 1,
		                    &c->ikeys[i], err, errlen);
	return rc < 0 ? rc : 0;
}

int store_put_registry(store *s, const registry *r, char *err, size_t errlen)
{
	put_ctx c = { .s = s, .err = err, .errlen = errlen, .r = r };
	char **periods = NULL;
	long np;
	int rc;

	if ((rc = need_txn(s, err, errlen)) < 0)
		return rc;
	store_cache_forget(s);
	if ((np = store_run_periods(s, r, &periods)) < 0) {
		store_set_err(err, errlen, "%s: out of memory", s->path);
		return PK2D_ERR_NOMEM;
	}
	for (long p = 0; p < np && rc == 0; p++)
		rc = clear_period(s, periods[p], err, errlen);
	if (s->pg) {
		if (rc == 0)
			rc = store_pg_put_registry(s, r, periods, (size_t)np, err, errlen);
		store_free_strings(periods, (size_t)np);
		return rc;
	}
	if (rc == 0)
		rc = put_meta(s, r, err, errlen);
	if (rc == 0)
		rc = declared_keys(s, &c, err, errlen);
	if (rc == 0)
		rc = store_prepare(s, "INSERT INTO vals(area, rt, period, run_id, data) VALUES (?,?,?,?,?)", &c.vst, err, errlen);
	if (rc == 0)
		rc = store_prepare(s, "INSERT INTO ivals(area, rt, period, run_id, data) VALUES (?,?,?,?,?)", &c.ist, err, errlen);
	if (rc == 0)
		rc = store_walk_registry(s, r, periods, (size_t)np, put_area, &c, err, errlen);
	sqlite3_finalize(c.vst);
	sqlite3_finalize(c.ist);
	free(c.vkeys);
	free(c.ikeys);
	store_buf_free(&c.vb);
	store_buf_free(&c.ib);
	store_free_strings(periods, (size_t)np);
	return rc;
}

/* Writes the scores gathered for one (area, rt, period), appended to any
 * written before for it in this run (the last of an item is the one read). */
static int flush_scores(store *s, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc;

	if (!s->score_area)
		return 0;
	rc = cached(s, "INSERT INTO scores(area, rt, period, run_id, data) VALUES (?,?,?,?,?) ON CONFLICT (area, rt, period)"
	            " DO UPDATE SET data = data || excluded.data, run_id = excluded.run_id",
	            &st, err, errlen);
	if (rc == 0)
		rc = put_row(s, st, s->score_area, s->score_rt, s->score_period, &s->scores,
		             err, errlen);
	release(s, st);
	free(s->score_area);
	free(s->score_period);
	s->score_area = s->score_period = NULL;
	s->scores.len = 0;
	return rc;
}

int store_put_score(store *s, const char *area, int rt, const char *period,
                    const char *item, double value, const char *category,
                    char *err, size_t errlen)
{
	uint32_t key, cat = 0;
	int rc;

	if ((rc = need_txn(s, err, errlen)) < 0)
		return rc;
	store_cache_forget(s);
	if (s->pg)
		return store_pg_put_score(s, area, rt, period, item, value, category, err, errlen);
	if (s->score_area && (rt != s->score_rt || strcmp(area, s->score_area) ||
	                      strcmp(period, s->score_period)) &&
	    (rc = flush_scores(s, err, errlen)) < 0)
		return rc;
	if (!s->score_area) {
		s->score_area = strdup(area);
		s->score_period = strdup(period);
		s->score_rt = rt;
		if (!s->score_area || !s->score_period) {
			store_set_err(err, errlen, "%s: out of memory", s->path);
			return PK2D_ERR_NOMEM;
		}
	}
	if ((rc = store_name_key(s, ROLE_ITEM, item, 1, &key, err, errlen)) < 0 ||
	    (category && (rc = store_name_key(s, ROLE_CATEGORY, category, 1, &cat,
	                                      err, errlen)) < 0))
		return rc;
	if (store_buf_add(&s->scores, key, cat, &value, REC_SCORES) < 0) {
		store_set_err(err, errlen, "%s: out of memory", s->path);
		return PK2D_ERR_NOMEM;
	}
	return 0;
}

void store_test_pause(void)
{
	const char *marker = getenv(STORE_PAUSE_ENV);
	int fd;

	if (!marker || !*marker)
		return;
	fd = open(marker, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd >= 0)
		close(fd);
	for (int i = 0; i < 60; i++)
		sleep(1);
}

int store_commit(store *s, char *err, size_t errlen)
{
	int rc;

	if ((rc = need_txn(s, err, errlen)) < 0)
		return rc;
	/* PostgreSQL took the scores as they came; SQLite buffers them. */
	if (!s->pg && (rc = flush_scores(s, err, errlen)) < 0) {
		store_rollback(s);
		return rc;
	}
	store_test_pause();
	rc = s->pg ? store_pg_exec(s, "COMMIT", 0, NULL, err, errlen) :
	             store_exec(s, "COMMIT", err, errlen);
	if (rc < 0) {
		store_rollback(s);
		return rc;
	}
	s->in_txn = 0;
	return 0;
}

void store_rollback(store *s)
{
	if (s->pg)
		store_pg_rollback(s);
	else if (s->in_txn)
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	s->in_txn = 0;
	store_cache_forget(s);
	/* The names this run added are gone with it. */
	store_names_forget(s);
	free(s->score_area);
	free(s->score_period);
	s->score_area = s->score_period = NULL;
	s->scores.len = 0;
}

/* Start month (year * 12 + month - 1) and length in months of a period;
 * -1 when malformed. */
static int period_span(const char *p, long *start, int *months)
{
	size_t n = strlen(p);
	long y;

	if (n < 4 || !period_valid(p))
		return -1;
	y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
	if (n == 4) {
		*start = y * 12;
		*months = 12;
	} else if (p[4] == 'S') {
		*start = y * 12 + (p[5] - '1') * 6;
		*months = 6;
	} else if (p[4] == 'Q') {
		*start = y * 12 + (p[5] - '1') * 3;
		*months = 3;
	} else {
		*start = y * 12 + ((p[4] - '0') * 10 + (p[5] - '0')) - 1;
		*months = 1;
	}
	return 0;
}

int store_period_cmp(const char *a, const char *b)
{
	long sa, sb;
	int ma, mb;

	if (period_span(a, &sa, &ma) < 0 || period_span(b, &sb, &mb) < 0)
		return strcmp(a, b);
	if (sa != sb)
		return sa < sb ? -1 : 1;
	if (ma != mb)
		return ma > mb ? -1 : 1;
	return 0;
}

int store_pick_previous(const char *period, char *const *periods, size_t n,
                        char *out, size_t outlen)
{
	long start, best = -1;
	int months;

	if (period_span(period, &start, &months) < 0)
		return 0;
	for (size_t i = 0; i < n; i++) {
		long ps;
		int pm;

		if (period_span(periods[i], &ps, &pm) == 0 && pm == months && ps < start &&
		    ps > best) {
			best = ps;
			snprintf(out, outlen, "%s", periods[i]);
		}
	}
	return best >= 0;
}

long store_read_strings(store *s, const char *sql, const char *param, char ***out,
                        char *err, size_t errlen)
{
	sqlite3_stmt *st;
	char **v = NULL;
	size_t n = 0;
	int rc;

	if (s->pg)
		return store_pg_strings(s, sql, param, out, err, errlen);
	/* A report asks once per village: prepared once. */
	if ((rc = cached(s, sql, &st, err, errlen)) < 0)
		return rc;
	sqlite3_bind_text(st, 1, param, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char **nv = realloc(v, (n + 1) * sizeof *v);

		if (!nv || !(nv[n] = strdup((const char *)sqlite3_column_text(st, 0)))) {
			v = nv ? nv : v;
			rc = SQLITE_NOMEM;
			break;
		}
		v = nv;
		n++;
	}
	if (rc != SQLITE_DONE) {
		rc = rc == SQLITE_NOMEM ? PK2D_ERR_NOMEM : store_db_fail(s, err, errlen);
		if (rc == PK2D_ERR_NOMEM)
			store_set_err(err, errlen, "%s: out of memory", s->path);
		release(s, st);
		store_free_strings(v, n);
		return rc;
	}
	release(s, st);
	*out = v;
	return (long)n;
}

/* The condition and pattern that select an area above a village and every
 * area below it: "area GLOB $1" with "63.02*" on SQLite, which then reads
 * a range of its (area, rt, period) index (its LIKE is case-insensitive and
 * scans the whole index: some 20 ms for a country's villages, once for
 * every kecamatan of a report), and "area LIKE $1" with "63.02%" on
 * PostgreSQL, which has no GLOB. 0, or -1 for a village or a code that is
 * none (the area alone). */
static int pattern_below(const store *s, const char *area, char *out, size_t len)
{
	int level = area_level(area);

	if (level == AREA_INVALID || level >= AREA_VILLAGE)
		return -1;
	snprintf(out, len, "%s%c", level == AREA_NATIONAL ? "" : area, s->pg ? '%' : '*');
	return 0;
}

/* The periods of a figures table's rows (whole areas, not RTs): an
 * area's own, and those of an area and the areas below it (pattern_below:
 * GLOB on SQLite, LIKE on PostgreSQL). */
typedef struct periods_sql {
	const char *own, *below_lite, *below_pg;
} periods_sql;
static const periods_sql vals_periods = {
	"SELECT DISTINCT period FROM vals WHERE area = $1 AND rt = -1",
	"SELECT DISTINCT period FROM vals WHERE rt = -1 AND area GLOB $1",
	"SELECT DISTINCT period FROM vals WHERE rt = -1 AND area LIKE $1",
};
static const periods_sql ivals_periods = {
	"SELECT DISTINCT period FROM ivals WHERE area = $1 AND rt = -1",
	"SELECT DISTINCT period FROM ivals WHERE rt = -1 AND area GLOB $1",
	"SELECT DISTINCT period FROM ivals WHERE rt = -1 AND area LIKE $1",
};

/* The periods of q's table an area has figures for: its own, and those of
 * the areas below it, whose sums are its figures when read (store_series). */
static long table_periods(store *s, const periods_sql *q, const char *area, char ***out,
                          char *err, size_t errlen)
{
	char pattern[40];

	if (pattern_below(s, area, pattern, sizeof pattern) == 0)
		return store_cache_strings(s, s->pg ? q->below_pg : q->below_lite, pattern, out,
		                           err, errlen);
	return store_cache_strings(s, q->own, area, out, err, errlen);
}

/* The periods an area has values for, its own and below it. */
static long area_periods(store *s, const char *area, char ***out, char *err, size_t errlen)
{
	return table_periods(s, &vals_periods, area, out, err, errlen);
}

int store_previous_period(store *s, const char *area, const char *period,
                          char *out, size_t outlen, char *err, size_t errlen)
{
	long start, n;
	int months, rc;
	char **periods = NULL;

	if (period_span(period, &start, &months) < 0) {
		store_set_err(err, errlen, "invalid period '%s'", period);
		return PK2D_ERR_INVALID;
	}
	if ((n = area_periods(s, area, &periods, err, errlen)) < 0)
		return (int)n;
	rc = store_pick_previous(period, periods, (size_t)n, out, outlen);
	store_free_strings(periods, (size_t)n);
	return rc;
}

static int cmp_point(const void *a, const void *b)
{
	return store_period_cmp(((const store_point *)a)->period,
	                        ((const store_point *)b)->period);
}

static int cmp_ipoint(const void *a, const void *b)
{
	return store_period_cmp(((const store_ipoint *)a)->period,
	                        ((const store_ipoint *)b)->period);
}

/* The rows of an area and RT of each figures table (store_rows). */
static const char *const table_name[N_TABLES] = { "vals", "ivals", "scores" };
static const char *const rows_sql[N_TABLES] = {
	"SELECT period, data FROM vals WHERE area = ? AND rt = ?",
	"SELECT period, data FROM ivals WHERE area = ? AND rt = ?",
	"SELECT period, data FROM scores WHERE area = ? AND rt = ?",
};
static const int rows_nd[N_TABLES] = { REC_VALS, REC_IVALS, REC_SCORES };

/* The decoded rows of (area, rt) of table t (SQLite), read unless they are
 * the last read of t; NULL with *rc < 0 on error. */
static const store_rows *rows_of(store *s, enum store_table t, const char *area, int rt,
                                 int *rc, char *err, size_t errlen)
{
	store_rows *m = &s->rows[t];
	sqlite3_stmt *st;

	if (store_rows_hold(m, area, rt))
		return m;
	if ((*rc = cached(s, rows_sql[t], &st, err, errlen)) < 0)
		return NULL;
	sqlite3_bind_text(st, 1, area, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, rt);
	*rc = store_rows_load(m, st, rows_nd[t], area, rt);
	if (*rc == PK2D_ERR_NOMEM)
		store_set_err(err, errlen, "%s: out of memory", s->path);
	else if (*rc < 0)
		*rc = store_db_fail(s, err, errlen);
	release(s, st);
	return *rc < 0 ? NULL : m;
}

/* One stored record of id in (area, rt, period) of figures table t: 1 and
 * v (and *aux unless NULL) set, 0 when there is none. */
static int get_rec(store *s, enum store_table t, int role, const char *id, const char *area,
                   int rt, const char *period, uint32_t *aux, double *v, char *err,
                   size_t errlen)
{
	const store_rows *m;
	const store_rows_rec *r;
	uint32_t key;
	int rc = 0;

	if (s->pg)
		return store_cache_get(s, table_name[t], id, area, rt, period, v, rows_nd[t], err,
		                       errlen);
	if ((rc = store_name_key(s, role, id, 0, &key, err, errlen)) <= 0)
		return rc;
	if (!(m = rows_of(s, t, area, rt, &rc, err, errlen)))
		return rc;
	for (size_t i = 0; i < m->n_rows; i++) {
		if (strcmp(m->period[i], period))
			continue;
		if (!(r = store_rows_find(m, i, key)))
			return 0;
		if (aux)
			*aux = r->aux;
		memcpy(v, r->v, (size_t)rows_nd[t] * sizeof *v);
		return 1;
	}
	return 0;
}

void store_conv_point(const char *period, const double *v, void *out)
{
	store_point *p = out;

	snprintf(p->period, sizeof p->period, "%s", period);
	p->num = v[0];
	p->den = v[1];
	p->value = v[2];
	p->target = v[3];
}

void store_conv_ipoint(const char *period, const double *v, void *out)
{
	store_ipoint *p = out;

	snprintf(p->period, sizeof p->period, "%s", period);
	p->target = v[0];
	p->realised = v[1];
	p->budget = v[2];
}

void store_conv_score(const char *period, const double *v, void *out)
{
	store_point *p = out;

	snprintf(p->period, sizeof p->period, "%s", period);
	p->num = p->den = p->target = NAN;
	p->value = v[0];
}

void store_sort_series(void *v, size_t n, size_t elem)
{
	if (n > 0)
		qsort(v, n, elem, elem == sizeof(store_point) ? cmp_point : cmp_ipoint);
}

/* How the sums below are made for one kind of series: its element, how an
 * area's whole series is read (itself with its own sums below), how a
 * point of an area below adds into a sum (first: the sum's first), and
 * what a sum computes once complete. Every element starts with its
 * period (char[16]). */
typedef struct series_kind {
	size_t elem;
	const periods_sql *periods; /* of its table */
	long (*read)(store *s, const char *id, const char *area, void **out, char *err,
	             size_t errlen);
	void (*add)(void *sum, const void *part, int first);
	void (*finish)(void *sum, const store_meta *m);
} series_kind;

static long read_points(store *s, const char *id, const char *area, void **out, char *err,
                        size_t errlen)
{
	return store_series(s, id, area, RT_ALL, (store_point **)out, err, errlen);
}

/* Numerators and denominators add up; the target is theirs when they all
 * have the same, else none. */
static void add_point(void *sum, const void *part, int first)
{
	store_point *p = sum;
	const store_point *q = part;

	if (first)
		p->target = q->target;
	else if (!(p->target == q->target))
		p->target = NAN;
	p->num += q->num;
	p->den += q->den;
}

/* The value from the sums, as a run computes it. */
static void finish_point(void *sum, const store_meta *m)
{
	store_point *p = sum;

	p->value = reg_value(&(reg_indicator){ .kind = m->kind }, &(reg_sum){ p->num, p->den });
}

static const series_kind point_kind = { sizeof(store_point), &vals_periods, read_points,
                                        add_point, finish_point };

static long read_ipoints(store *s, const char *id, const char *area, void **out, char *err,
                         size_t errlen)
{
	return store_iseries(s, id, area, RT_ALL, (store_ipoint **)out, err, errlen);
}

/* Targets, realisations and budgets add up. */
static void add_ipoint(void *sum, const void *part, int first)
{
	store_ipoint *p = sum;
	const store_ipoint *q = part;

	(void)first;
	p->target += q->target;
	p->realised += q->realised;
	p->budget += q->budget;
}

static void finish_ipoint(void *sum, const store_meta *m)
{
	(void)sum;
	(void)m;
}

static const series_kind ipoint_kind = { sizeof(store_ipoint), &ivals_periods, read_ipoints,
                                         add_ipoint, finish_ipoint };

/* The element of series v (n elements of k) of a period, or NULL. */
static char *point_of(const series_kind *k, char *v, long n, const char *period)
{
	for (long i = 0; i < n; i++)
		if (!strcmp(v + (size_t)i * k->elem, period))
			return v + (size_t)i * k->elem;
	return NULL;
}

/* Whether s is one of the n strings of v. */
static int in_list(char *const *v, long n, const char *s)
{
	for (long i = 0; i < n; i++)
		if (!strcmp(v[i], s))
			return 1;
	return 0;
}

/* Without a stored row of the whole of an area above a village: its
 * figures of period as its series sums them (store_series, store_iseries),
 * one code path with pk2d history. 1 and out (k's element) set, 0 when the
 * areas below have none either, < 0 on error. */
static int sum_of_period(store *s, const series_kind *k, const char *id, const char *area,
                         int rt, const char *period, void *out, char *err, size_t errlen)
{
	void *v = NULL;
	char *p, **own;
	long n;
	int has_row;

	if (rt != RT_ALL || area_level(area) == AREA_INVALID || area_level(area) >= AREA_VILLAGE)
		return 0;
	/* A row of its own for the period is the area's figures: what it
	 * lacks, the area has not. */
	if ((n = store_cache_strings(s, k->periods->own, area, &own, err, errlen)) < 0)
		return (int)n;
	has_row = in_list(own, n, period);
	store_free_strings(own, (size_t)n);
	if (has_row)
		return 0;
	if ((n = k->read(s, id, area, &v, err, errlen)) < 0)
		return (int)n;
	if ((p = point_of(k, v, n, period)))
		memcpy(out, p, k->elem);
	free(v);
	return p != NULL;
}

int store_get_value(store *s, const char *indicator, const char *area, int rt,
                    const char *period, store_point *out, char *err, size_t errlen)
{
	double v[REC_VALS];
	int rc = get_rec(s, TABLE_VALS, ROLE_VALUE, indicator, area, rt, period, NULL, v, err,
	                 errlen);

	if (rc == 1)
		store_conv_point(period, v, out);
	else if (rc == 0)
		rc = sum_of_period(s, &point_kind, indicator, area, rt, period, out, err, errlen);
	return rc;
}

int store_get_intervention(store *s, const char *intervention, const char *area, int rt,
                           const char *period, store_ipoint *out, char *err, size_t errlen)
{
	double v[REC_IVALS];
	int rc = get_rec(s, TABLE_IVALS, ROLE_VALUE, intervention, area, rt, period, NULL, v, err,
	                 errlen);

	if (rc == 1)
		store_conv_ipoint(period, v, out);
	else if (rc == 0)
		rc = sum_of_period(s, &ipoint_kind, intervention, area, rt, period, out, err, errlen);
	return rc;
}

int store_get_score(store *s, const char *area, int rt, const char *period,
                    const char *item, double *value, char *err, size_t errlen)
{
	return get_rec(s, TABLE_SCORES, ROLE_ITEM, item, area, rt, period, NULL, value, err,
	               errlen);
}

int store_get_category(store *s, const char *area, int rt, const char *period,
                       const char *item, char *out, size_t outlen, char *err, size_t errlen)
{
	uint32_t aux = 0;
	double v;
	int rc;

	if (s->pg)
		return store_pg_get_category(s, area, rt, period, item, out, outlen, err, errlen);
	rc = get_rec(s, TABLE_SCORES, ROLE_ITEM, item, area, rt, period, &aux,
	             &v, err, errlen);
	if (rc <= 0 || aux == 0)
		return rc < 0 ? rc : 0;
	return store_name_of(s, ROLE_CATEGORY, aux, out, outlen, err, errlen);
}

static void copy_col(sqlite3_stmt *st, int i, char *out, size_t outlen)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	snprintf(out, outlen, "%s", t ? (const char *)t : "");
}

int store_one_text(store *s, sqlite3_stmt *st, char *out, size_t outlen, char *err,
                   size_t errlen)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW) {
		copy_col(st, 0, out, outlen);
		rc = 1;
	} else {
		rc = rc == SQLITE_DONE ? 0 : store_db_fail(s, err, errlen);
	}
	sqlite3_finalize(st);
	return rc;
}

int store_meta_of(store *s, const char *id, store_meta *out, char *err, size_t errlen)
{
	return store_cache_meta(s, id, out, err, errlen);
}

int store_read_meta(store *s, const char *id, store_meta *out, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc;

	if (s->pg)
		return store_pg_meta_of(s, id, out, err, errlen);
	if ((rc = store_prepare(s, "SELECT is_intervention, label_id, label_en, unit, kind,"
	                  " direction, agency FROM meta WHERE id = ?", &st, err, errlen)) < 0)
		return rc;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->is_intervention = sqlite3_column_int(st, 0);
		copy_col(st, 1, out->label_id, sizeof out->label_id);
		copy_col(st, 2, out->label_en, sizeof out->label_en);
		copy_col(st, 3, out->unit, sizeof out->unit);
		out->kind = sqlite3_column_int(st, 4);
		out->direction = sqlite3_column_int(st, 5);
		copy_col(st, 6, out->agency, sizeof out->agency);
		rc = 1;
	} else if (rc == SQLITE_DONE) {
		rc = 0;
	} else {
		rc = store_db_fail(s, err, errlen);
	}
	sqlite3_finalize(st);
	return rc;
}

/* Every stored period of id in (area, rt) of figures table t, as
 * elem-sized records made by conv, in time order. */
static long read_series(store *s, enum store_table t, int role, const char *id,
                        const char *area, int rt, size_t elem, store_conv conv, void **out,
                        char *err, size_t errlen)
{
	const store_rows *m;
	size_t n = 0;
	uint32_t key;
	char *v;
	int rc = 0;

	*out = NULL;
	if (s->pg)
		return store_cache_series(s, table_name[t], id, area, rt, elem, conv, out, err,
		                          errlen);
	if ((rc = store_name_key(s, role, id, 0, &key, err, errlen)) <= 0)
		return rc;
	if (!(m = rows_of(s, t, area, rt, &rc, err, errlen)))
		return rc;
	if (!(v = calloc(m->n_rows + 1, elem))) {
		store_set_err(err, errlen, "%s: out of memory", s->path);
		return PK2D_ERR_NOMEM;
	}
	for (size_t i = 0; i < m->n_rows; i++) {
		const store_rows_rec *r = store_rows_find(m, i, key);

		if (r)
			conv(m->period[i], r->v, v + n++ * elem);
	}
	store_sort_series(v, n, elem);
	*out = v;
	return (long)n;
}

static int cmp_text(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The highest areas below area with stored values of their own (whole
 * areas, not RTs): those with no stored area between them and area. */
static long areas_below(store *s, const char *area, char ***out, char *err, size_t errlen)
{
	int level = area_level(area);
	char pattern[40], **v, *top;
	long n, k = 0;

	*out = NULL;
	if (pattern_below(s, area, pattern, sizeof pattern) < 0)
		return 0;
	if ((n = store_cache_strings(s, s->pg ? "SELECT DISTINCT area FROM vals WHERE rt = -1 AND area LIKE $1"
	                             : "SELECT DISTINCT area FROM vals WHERE rt = -1 AND area GLOB $1",
	                    pattern, &v, err, errlen)) < 0)
		return n;
	if (!(top = calloc((size_t)n + 1, 1))) {
		store_free_strings(v, (size_t)n);
		store_set_err(err, errlen, "%s: out of memory", s->path);
		return PK2D_ERR_NOMEM;
	}
	if (n > 0) /* v is NULL for none */
		qsort(v, (size_t)n, sizeof *v, cmp_text);
	for (long i = 0; i < n; i++) {
		int lv = area_level(v[i]);
		char up[32];

		top[i] = lv > level && area_within(v[i], area);
		for (int l = level + 1; top[i] && l < lv; l++) {
			const char *key = up;

			top[i] = area_ancestor(v[i], l, up, sizeof up) < 0 ||
			         !bsearch(&key, v, (size_t)n, sizeof *v, cmp_text);
		}
	}
	for (long i = 0; i < n; i++)
		if (top[i])
			v[k++] = v[i];
		else
			free(v[i]);
	free(top);
	*out = v;
	return k;
}

/* Whether area has a period stored in k's table below it and not in a row of its own
 * (own, n_own): 1, 0 (the usual case: a run stores its area and every
 * area under it), or < 0 on error. */
static int lacks_a_period(store *s, const series_kind *k, const char *area, char *const *own,
                          long n_own, char *err, size_t errlen)
{
	char **all;
	long n_all = table_periods(s, k->periods, area, &all, err, errlen);
	int lacks = 0;

	if (n_all < 0)
		return (int)n_all;
	for (long i = 0; i < n_all && !lacks; i++)
		lacks = !in_list(own, n_own, all[i]);
	store_free_strings(all, (size_t)n_all);
	return lacks;
}

/* Adds to series *v (n elements of area) every period that the areas below
 * have and area has not: the sums of their figures (k's add and finish).
 * The areas below are the highest stored (a province's regencies, or its
 * villages when only those were stored), each read the same way for the
 * periods it lacks itself. */
static long add_sums_below(store *s, const series_kind *k, const char *id, const char *area,
                           void **v, long n, char *err, size_t errlen)
{
	char **below, **rows, pattern[40];
	long nb, n_rows, rc = 0;
	store_meta m;
	size_t own = (size_t)n;

	/* A village has nothing below it; the periods of the area's own rows
	 * are its own figures, whatever they lack. */
	if (pattern_below(s, area, pattern, sizeof pattern) < 0)
		return n;
	if ((n_rows = store_cache_strings(s, k->periods->own, area, &rows, err, errlen)) < 0)
		return n_rows;
	if ((rc = lacks_a_period(s, k, area, rows, n_rows, err, errlen)) <= 0) {
		store_free_strings(rows, (size_t)n_rows);
		return rc < 0 ? rc : n;
	}
	nb = areas_below(s, area, &below, err, errlen);
	if (nb <= 0 || (rc = store_meta_of(s, id, &m, err, errlen)) <= 0) {
		store_free_strings(below, nb > 0 ? (size_t)nb : 0);
		store_free_strings(rows, (size_t)n_rows);
		return nb < 0 ? nb : rc < 0 ? rc : n;
	}
	for (long b = 0; b < nb && rc >= 0; b++) {
		void *cv = NULL;
		long cn = k->read(s, id, below[b], &cv, err, errlen);

		rc = cn;
		for (long i = 0; i < cn; i++) {
			const char *part = (const char *)cv + (size_t)i * k->elem;
			char *p;
			int first;

			if (in_list(rows, n_rows, part))
				continue;
			first = !(p = point_of(k, *v, n, part));
			if (!p) {
				char *nv = realloc(*v, (size_t)(n + 1) * k->elem);

				if (!nv) {
					store_set_err(err, errlen, "%s: out of memory", s->path);
					rc = PK2D_ERR_NOMEM;
					break;
				}
				*v = nv;
				p = nv + (size_t)n++ * k->elem;
				memset(p, 0, k->elem);
				snprintf(p, 16, "%s", part);
			}
			k->add(p, part, first);
		}
		free(cv);
	}
	store_free_strings(below, (size_t)nb);
	store_free_strings(rows, (size_t)n_rows);
	if (rc < 0)
		return rc;
	for (long i = (long)own; i < n; i++)
		k->finish((char *)*v + (size_t)i * k->elem, &m);
	store_sort_series(*v, (size_t)n, k->elem);
	return n;
}

/* The series of id in (area, rt) read by read_series into *out (n or an
 * error), with the sums below added for the whole of an area. */
static long with_sums_below(store *s, const series_kind *k, const char *id, const char *area,
                            int rt, long n, void **out, char *err, size_t errlen)
{
	if (n < 0 || rt != RT_ALL)
		return n;
	if ((n = add_sums_below(s, k, id, area, out, n, err, errlen)) < 0) {
		free(*out);
		*out = NULL;
	}
	return n;
}

long store_series(store *s, const char *indicator, const char *area, int rt,
                  store_point **out, char *err, size_t errlen)
{
	long n = read_series(s, TABLE_VALS, ROLE_VALUE, indicator, area, rt, sizeof(store_point),
	                     store_conv_point, (void **)out, err, errlen);

	return with_sums_below(s, &point_kind, indicator, area, rt, n, (void **)out, err, errlen);
}

long store_iseries(store *s, const char *intervention, const char *area, int rt,
                   store_ipoint **out, char *err, size_t errlen)
{
	long n = read_series(s, TABLE_IVALS, ROLE_VALUE, intervention, area, rt,
	                     sizeof(store_ipoint), store_conv_ipoint, (void **)out, err, errlen);

	return with_sums_below(s, &ipoint_kind, intervention, area, rt, n, (void **)out, err,
	                       errlen);
}

long store_score_series(store *s, const char *item, const char *area, int rt,
                        store_point **out, char *err, size_t errlen)
{
	return read_series(s, TABLE_SCORES, ROLE_ITEM, item, area, rt, sizeof(store_point),
	                   store_conv_score, (void **)out, err, errlen);
}

long store_ids(store *s, char ***out, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	char **v = NULL;
	size_t n = 0;
	int rc;

	*out = NULL;
	if (s->pg)
		return store_pg_ids(s, out, err, errlen);
	if ((rc = store_prepare(s, "SELECT id FROM meta UNION SELECT id FROM ids WHERE role = ?"
	                  " ORDER BY 1", &st, err, errlen)) < 0)
		return rc;
	sqlite3_bind_int(st, 1, ROLE_ITEM);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char **nv = realloc(v, (n + 1) * sizeof *v);
		const unsigned char *t = sqlite3_column_text(st, 0);

		if (!nv || !(nv[n] = strdup(t ? (const char *)t : ""))) {
			v = nv ? nv : v;
			rc = SQLITE_NOMEM;
			break;
		}
		v = nv;
		n++;
	}
	if (rc == SQLITE_DONE)
		rc = 0;
	else if (rc == SQLITE_NOMEM)
		rc = PK2D_ERR_NOMEM;
	else
		rc = store_db_fail(s, err, errlen);
	sqlite3_finalize(st);
	if (rc < 0) {
		for (size_t i = 0; i < n; i++)
			free(v[i]);
		free(v);
		if (rc == PK2D_ERR_NOMEM)
			store_set_err(err, errlen, "%s: out of memory", s->path);
		return rc;
	}
	*out = v;
	return (long)n;
}

long store_count_runs(store *s, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	long n;
	int rc;

	if (s->pg)
		return store_pg_count_runs(s, err, errlen);
	if ((rc = store_prepare(s, "SELECT count(*) FROM runs", &st, err, errlen)) < 0)
		return rc;
	if (sqlite3_step(st) != SQLITE_ROW) {
		rc = store_db_fail(s, err, errlen);
		sqlite3_finalize(st);
		return rc;
	}
	n = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

int store_check(store *s, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc;

	if (s->pg)
		return store_pg_check(s, err, errlen);
	if ((rc = store_prepare(s, "PRAGMA integrity_check", &st, err, errlen)) < 0)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(st, 0), "ok") == 0)
		rc = 0;
	else if (rc == SQLITE_ROW) {
		store_set_err(err, errlen, "%s: integrity check: %s", s->path,
		              (const char *)sqlite3_column_text(st, 0));
		rc = PK2D_ERR_IO;
	} else
		rc = store_db_fail(s, err, errlen);
	sqlite3_finalize(st);
	return rc;
}

int store_digest_files(const char *const *paths, size_t n, char out[17],
                       char *err, size_t errlen)
{
	uint64_t h = 0xcbf29ce484222325ull;          /* FNV-1a 64 offset basis */
	const uint64_t prime = 0x100000001b3ull;

	for (size_t i = 0; i < n; i++) {
		FILE *f = fopen(paths[i], "rb");
		unsigned char buf[8192];
		uint64_t len = 0;
		size_t got;

		if (!f) {
			store_set_err(err, errlen, "%s: %s", paths[i], strerror(errno));
			return PK2D_ERR_IO;
		}
		while ((got = fread(buf, 1, sizeof buf, f)) > 0) {
			for (size_t k = 0; k < got; k++) {
				h ^= buf[k];
				h *= prime;
			}
			len += got;
		}
		if (ferror(f)) {
			store_set_err(err, errlen, "%s: %s", paths[i], "read error");
			fclose(f);
			return PK2D_ERR_IO;
		}
		fclose(f);
		/* The length separates "ab"+"c" from "a"+"bc". */
		for (int k = 0; k < 8; k++) {
			h ^= (len >> (8 * k)) & 0xff;
			h *= prime;
		}
	}
	snprintf(out, 17, "%016llx", (unsigned long long)h);
	return 0;
}
