/*
 * store.c - the SQLite history store (see store.h and docs/report.md).
 *
 * The store keeps SQLite's default rollback journal rather than WAL: between
 * runs it is one self-contained file a coordinator can copy or mail, and a
 * run killed in its transaction leaves a hot journal that the next opener
 * rolls back.
 */
#include <config.h>

#include "store.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sqlite3.h>

#include "areas.h"

/* The read queries a report repeats for every area and indicator keep
 * their prepared statement (keyed by the SQL literal's address). */
#define STORE_CACHED 8

struct store {
	sqlite3 *db;
	struct {
		const char *sql;
		sqlite3_stmt *st;
	} cache[STORE_CACHED];
	char *path;
	int in_txn;
	long long run_id;
	char *run_area;
	char *run_period;
	double lock_wait;         /* seconds another writer may keep us waiting */
	double waited;            /* seconds waited so far, in all statements */
};

/* Values are keyed area first: a run writes area by area, and every query
 * (a value, a series, the periods of an area) starts from an area. */
static const char schema_v1[] =
	"CREATE TABLE runs ("
	" id INTEGER PRIMARY KEY,"
	" started INTEGER NOT NULL,"          /* seconds since the epoch */
	" period TEXT NOT NULL,"
	" area TEXT NOT NULL,"
	" config_digest TEXT NOT NULL,"
	" version TEXT NOT NULL,"
	" status INTEGER NOT NULL);"
	"CREATE TABLE plugin_runs ("
	" run_id INTEGER NOT NULL REFERENCES runs(id),"
	" instance TEXT NOT NULL,"
	" module TEXT,"
	" agency TEXT,"
	" state INTEGER NOT NULL,"            /* enum run_state */
	" reason TEXT,"
	" seconds REAL,"
	" n_values INTEGER,"
	" refused INTEGER,"
	" rows_read INTEGER,"
	" rows_rejected INTEGER,"
	" PRIMARY KEY (run_id, instance));"
	"CREATE TABLE meta ("
	" id TEXT PRIMARY KEY,"                /* 'health.stunting' */
	" is_intervention INTEGER NOT NULL,"
	" agency TEXT,"
	" label_id TEXT, label_en TEXT, unit TEXT,"
	" kind INTEGER, direction INTEGER,"
	" last_run INTEGER NOT NULL);"
	"CREATE TABLE vals ("
	" indicator TEXT NOT NULL,"
	" area TEXT NOT NULL,"
	" rt INTEGER NOT NULL,"                /* -1 the whole area */
	" period TEXT NOT NULL,"
	" num REAL NOT NULL, den REAL NOT NULL,"
	" value REAL,"                         /* NULL when den is 0 */
	" target REAL,"                        /* in force in that run; NULL none */
	" run_id INTEGER NOT NULL,"
	" PRIMARY KEY (area, indicator, rt, period)) WITHOUT ROWID;"
	"CREATE TABLE ivals ("
	" intervention TEXT NOT NULL,"
	" area TEXT NOT NULL, rt INTEGER NOT NULL, period TEXT NOT NULL,"
	" target REAL NOT NULL, realised REAL NOT NULL, budget REAL NOT NULL,"
	" run_id INTEGER NOT NULL,"
	" PRIMARY KEY (area, intervention, rt, period)) WITHOUT ROWID;"
	"CREATE TABLE scores ("
	" area TEXT NOT NULL, rt INTEGER NOT NULL, period TEXT NOT NULL,"
	" item TEXT NOT NULL,"                 /* 'ikk', 'dim.<id>' */
	" value REAL, category TEXT,"
	" run_id INTEGER NOT NULL,"
	" PRIMARY KEY (area, rt, period, item)) WITHOUT ROWID;";

static void set_err(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void set_err(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (!err || !errlen)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

static int db_fail(store *s, char *err, size_t errlen, const char *what)
{
	set_err(err, errlen, "%s: %s", what, sqlite3_errmsg(s->db));
	return PK2D_ERR_IO;
}

static int exec(store *s, const char *sql, char *err, size_t errlen)
{
	char *msg = NULL;

	if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		set_err(err, errlen, "%s: %s", s->path, msg ? msg : sqlite3_errmsg(s->db));
		sqlite3_free(msg);
		return PK2D_ERR_IO;
	}
	return 0;
}

static int prepare(store *s, const char *sql, sqlite3_stmt **st, char *err, size_t errlen)
{
	if (sqlite3_prepare_v2(s->db, sql, -1, st, NULL) != SQLITE_OK)
		return db_fail(s, err, errlen, s->path);
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
	if ((rc = prepare(s, sql, st, err, errlen)) < 0 || i == STORE_CACHED)
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

static int user_version(store *s, int *v, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = prepare(s, "PRAGMA user_version", &st, err, errlen)) < 0)
		return rc;
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return db_fail(s, err, errlen, s->path);
	}
	*v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return 0;
}

static int migrate(store *s, char *err, size_t errlen)
{
	int v, rc;
	char buf[64];

	if ((rc = exec(s, "BEGIN IMMEDIATE", err, errlen)) < 0)
		return rc;
	if ((rc = user_version(s, &v, err, errlen)) < 0)
		goto fail;
	if (v > STORE_SCHEMA_VERSION) {
		set_err(err, errlen, "%s: written by a newer pk2d: schema version %d"
		        " (this pk2d knows %d)", s->path, v, STORE_SCHEMA_VERSION);
		rc = PK2D_ERR_CONFIG;
		goto fail;
	}
	if (v == 0) {
		if ((rc = exec(s, schema_v1, err, errlen)) < 0)
			goto fail;
		snprintf(buf, sizeof buf, "PRAGMA user_version = %d", STORE_SCHEMA_VERSION);
		if ((rc = exec(s, buf, err, errlen)) < 0)
			goto fail;
	}
	return exec(s, "COMMIT", err, errlen);
fail:
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
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

store *store_open(const char *path, double lock_wait, char *err, size_t errlen)
{
	store *s = calloc(1, sizeof *s);

	if (!s || !(s->path = strdup(path))) {
		free(s);
		set_err(err, errlen, "%s: out of memory", path);
		return NULL;
	}
	/* pk2d opens it from one thread: no mutex around every call. */
	if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
	                    SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		set_err(err, errlen, "%s: %s", path,
		        s->db ? sqlite3_errmsg(s->db) : "cannot open");
		store_close(s);
		return NULL;
	}
	/* Another run writing the same store waits for it instead of failing. */
	s->lock_wait = lock_wait;
	sqlite3_busy_handler(s->db, wait_for_lock, s);
	/* A kabupaten run writes 10^5 rows and more in one transaction: a 64 MiB
	 * page cache keeps them in memory until COMMIT. */
	exec(s, "PRAGMA cache_size = -65536", NULL, 0);
	if (migrate(s, err, errlen) < 0) {
		store_close(s);
		return NULL;
	}
	return s;
}

void store_close(store *s)
{
	if (!s)
		return;
	if (s->in_txn)
		store_rollback(s);
	for (size_t i = 0; i < STORE_CACHED; i++)
		sqlite3_finalize(s->cache[i].st);
	sqlite3_close(s->db);
	free(s->path);
	free(s->run_area);
	free(s->run_period);
	free(s);
}

int store_begin(store *s, const store_run_info *info, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc;

	if (s->in_txn) {
		set_err(err, errlen, "%s: %s", s->path, "a run is already being written");
		return PK2D_ERR_INVALID;
	}
	if (area_level(info->area) == AREA_INVALID || !period_valid(info->period)) {
		set_err(err, errlen, "store: invalid area '%s' or period '%s'",
		        info->area, info->period);
		return PK2D_ERR_INVALID;
	}
	free(s->run_area);
	free(s->run_period);
	s->run_area = strdup(info->area);
	s->run_period = strdup(info->period);
	if (!s->run_area || !s->run_period) {
		set_err(err, errlen, "%s: %s", s->path, "out of memory");
		return PK2D_ERR_NOMEM;
	}
	/* Test-only: a small page cache makes the transaction's pages reach the
	 * database file before COMMIT, so the kill test really interrupts a
	 * half-written file (and the journal has to undo it). */
	if (getenv(STORE_PAUSE_ENV) && *getenv(STORE_PAUSE_ENV))
		exec(s, "PRAGMA cache_size = 8", NULL, 0);
	if ((rc = exec(s, "BEGIN IMMEDIATE", err, errlen)) < 0)
		return rc;
	s->in_txn = 1;
	if ((rc = prepare(s, "INSERT INTO runs(started, period, area, config_digest,"
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
		rc = db_fail(s, err, errlen, s->path);
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

static void bind_opt_double(sqlite3_stmt *st, int i, double v)
{
	if (isfinite(v))
		sqlite3_bind_double(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

static int step_reset(store *s, sqlite3_stmt *st, char *err, size_t errlen)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE)
		return db_fail(s, err, errlen, s->path);
	return 0;
}

static int need_txn(store *s, char *err, size_t errlen)
{
	if (!s->in_txn) {
		set_err(err, errlen, "%s: %s", s->path, "no run is being written");
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
	if ((rc = prepare(s, "INSERT OR REPLACE INTO plugin_runs VALUES"
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
		rc = step_reset(s, st, err, errlen);
	}
	sqlite3_finalize(st);
	return rc;
}

static int put_meta(store *s, const registry *r, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = prepare(s, "INSERT OR REPLACE INTO meta VALUES (?,?,?,?,?,?,?,?,?)",
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
		rc = step_reset(s, st, err, errlen);
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
		rc = step_reset(s, st, err, errlen);
	}
	sqlite3_finalize(st);
	return rc;
}

/* Removes the stored values of one period in the run's area and under it. */
static int clear_period(store *s, const char *period, char *err, size_t errlen)
{
	static const char *const tables[] = { "vals", "ivals", "scores" };
	char sql[160];
	int rc = 0;

	for (size_t t = 0; t < sizeof tables / sizeof *tables && rc == 0; t++) {
		sqlite3_stmt *st;

		snprintf(sql, sizeof sql, "DELETE FROM %s WHERE period = ?1 AND (area = ?2"
		         " OR substr(area, 1, length(?2) + 1) = ?2 || '.')", tables[t]);
		if ((rc = prepare(s, sql, &st, err, errlen)) < 0)
			return rc;
		sqlite3_bind_text(st, 1, period, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, s->run_area, -1, SQLITE_TRANSIENT);
		rc = step_reset(s, st, err, errlen);
		sqlite3_finalize(st);
	}
	return rc;
}

/* The values of one area (every RT of a village too) and period. */
static int put_area(store *s, const registry *r, sqlite3_stmt *vst, sqlite3_stmt *ist,
                    const char *area, int rt, const char *period, char *err, size_t errlen)
{
	int rc = 0;

	for (size_t i = 0; i < registry_n_indicators(r) && rc == 0; i++) {
		const reg_indicator *d = registry_indicator_at(r, i);
		reg_sum sum;

		if (!registry_get(r, d, area, rt, period, &sum))
			continue;
		sqlite3_bind_text(vst, 1, d->full_id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(vst, 2, area, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(vst, 3, rt);
		sqlite3_bind_text(vst, 4, period, -1, SQLITE_TRANSIENT);
		sqlite3_bind_double(vst, 5, sum.num);
		sqlite3_bind_double(vst, 6, sum.den);
		bind_opt_double(vst, 7, reg_value(d, &sum));
		bind_opt_double(vst, 8, d->has_target ? d->target : NAN);
		sqlite3_bind_int64(vst, 9, s->run_id);
		rc = step_reset(s, vst, err, errlen);
	}
	for (size_t i = 0; i < registry_n_interventions(r) && rc == 0; i++) {
		const reg_intervention *d = registry_intervention_at(r, i);
		reg_isum sum;

		if (!registry_get_intervention(r, d, area, rt, period, &sum))
			continue;
		sqlite3_bind_text(ist, 1, d->full_id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(ist, 2, area, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(ist, 3, rt);
		sqlite3_bind_text(ist, 4, period, -1, SQLITE_TRANSIENT);
		sqlite3_bind_double(ist, 5, sum.target);
		sqlite3_bind_double(ist, 6, sum.realised);
		sqlite3_bind_double(ist, 7, sum.budget);
		sqlite3_bind_int64(ist, 8, s->run_id);
		rc = step_reset(s, ist, err, errlen);
	}
	return rc;
}

static void free_strings(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static int put_level(store *s, const registry *r, sqlite3_stmt *vst, sqlite3_stmt *ist,
                     int level, const char *period, char *err, size_t errlen)
{
	char **codes = NULL;
	size_t n = registry_areas(r, s->run_area, level, &codes);
	int rc = 0;

	for (size_t a = 0; a < n && rc == 0; a++) {
		rc = put_area(s, r, vst, ist, codes[a], RT_ALL, period, err, errlen);
		if (rc == 0 && level == AREA_VILLAGE) {
			int *rts = NULL;
			size_t nrt = registry_rts(r, codes[a], &rts);

			for (size_t k = 0; k < nrt && rc == 0; k++)
				rc = put_area(s, r, vst, ist, codes[a], rts[k], period, err, errlen);
			free(rts);
		}
	}
	free_strings(codes, n);
	return rc;
}

int store_put_registry(store *s, const registry *r, char *err, size_t errlen)
{
	sqlite3_stmt *vst = NULL, *ist = NULL;
	char **periods = NULL;
	size_t np;
	int rc, seen_run_period = 0;

	if ((rc = need_txn(s, err, errlen)) < 0)
		return rc;
	if ((rc = put_meta(s, r, err, errlen)) < 0)
		return rc;
	np = registry_periods(r, &periods);
	for (size_t p = 0; p < np && rc == 0; p++) {
		rc = clear_period(s, periods[p], err, errlen);
		if (strcmp(periods[p], s->run_period) == 0)
			seen_run_period = 1;
	}
	if (rc == 0 && !seen_run_period)
		rc = clear_period(s, s->run_period, err, errlen);
	if (rc == 0)
		rc = prepare(s, "INSERT INTO vals VALUES (?,?,?,?,?,?,?,?,?)", &vst, err, errlen);
	if (rc == 0)
		rc = prepare(s, "INSERT INTO ivals VALUES (?,?,?,?,?,?,?,?)", &ist, err, errlen);
	for (size_t p = 0; p < np && rc == 0; p++)
		for (int level = area_level(s->run_area); level <= AREA_VILLAGE && rc == 0; level++)
			rc = put_level(s, r, vst, ist, level, periods[p], err, errlen);
	sqlite3_finalize(vst);
	sqlite3_finalize(ist);
	free_strings(periods, np);
	return rc;
}

int store_put_score(store *s, const char *area, int rt, const char *period,
                    const char *item, double value, const char *category,
                    char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = need_txn(s, err, errlen)) < 0)
		return rc;
	if ((rc = cached(s, "INSERT OR REPLACE INTO scores VALUES (?,?,?,?,?,?,?)",
	                 &st, err, errlen)) < 0)
		return rc;
	sqlite3_bind_text(st, 1, area, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 2, rt);
	sqlite3_bind_text(st, 3, period, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, item, -1, SQLITE_TRANSIENT);
	bind_opt_double(st, 5, value);
	bind_opt_text(st, 6, category);
	sqlite3_bind_int64(st, 7, s->run_id);
	rc = step_reset(s, st, err, errlen);
	release(s, st);
	return rc;
}

/* Test-only pause inside the transaction (see STORE_PAUSE_ENV). */
static void test_pause(void)
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
	test_pause();
	if ((rc = exec(s, "COMMIT", err, errlen)) < 0) {
		store_rollback(s);
		return rc;
	}
	s->in_txn = 0;
	return 0;
}

void store_rollback(store *s)
{
	if (s->in_txn)
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	s->in_txn = 0;
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

int store_previous_period(store *s, const char *area, const char *period,
                          char *out, size_t outlen, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	long start, best = -1;
	int months, rc;

	if (period_span(period, &start, &months) < 0) {
		set_err(err, errlen, "invalid period '%s'", period);
		return PK2D_ERR_INVALID;
	}
	if ((rc = prepare(s, "SELECT DISTINCT period FROM vals WHERE area = ? AND rt = -1",
	                  &st, err, errlen)) < 0)
		return rc;
	sqlite3_bind_text(st, 1, area, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *p = (const char *)sqlite3_column_text(st, 0);
		long ps;
		int pm;

		if (period_span(p, &ps, &pm) == 0 && pm == months && ps < start && ps > best) {
			best = ps;
			snprintf(out, outlen, "%s", p);
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(s, err, errlen, s->path);
	return best >= 0;
}

static double col_double(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? NAN : sqlite3_column_double(st, i);
}

static void read_point(sqlite3_stmt *st, store_point *p)
{
	snprintf(p->period, sizeof p->period, "%s", (const char *)sqlite3_column_text(st, 0));
	p->num = col_double(st, 1);
	p->den = col_double(st, 2);
	p->value = col_double(st, 3);
	p->target = col_double(st, 4);
}

static void read_ipoint(sqlite3_stmt *st, store_ipoint *p)
{
	snprintf(p->period, sizeof p->period, "%s", (const char *)sqlite3_column_text(st, 0));
	p->target = col_double(st, 1);
	p->realised = col_double(st, 2);
	p->budget = col_double(st, 3);
}

/* Runs a one-row query keyed by (id, area, rt, period); 1 found, 0 not. */
static int get_one(store *s, const char *sql, const char *id, const char *area, int rt,
                   const char *period, sqlite3_stmt **out, char *err, size_t errlen)
{
	int rc;

	if ((rc = cached(s, sql, out, err, errlen)) < 0)
		return rc;
	sqlite3_bind_text(*out, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(*out, 2, area, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(*out, 3, rt);
	sqlite3_bind_text(*out, 4, period, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(*out);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	rc = db_fail(s, err, errlen, s->path);
	release(s, *out);
	*out = NULL;
	return rc;
}

int store_get_value(store *s, const char *indicator, const char *area, int rt,
                    const char *period, store_point *out, char *err, size_t errlen)
{
	sqlite3_stmt *st = NULL;
	int rc = get_one(s, "SELECT period, num, den, value, target FROM vals WHERE"
	                 " indicator = ? AND area = ? AND rt = ? AND period = ?",
	                 indicator, area, rt, period, &st, err, errlen);

	if (rc == 1)
		read_point(st, out);
	release(s, st);
	return rc;
}

int store_get_intervention(store *s, const char *intervention, const char *area, int rt,
                           const char *period, store_ipoint *out, char *err, size_t errlen)
{
	sqlite3_stmt *st = NULL;
	int rc = get_one(s, "SELECT period, target, realised, budget FROM ivals WHERE"
	                 " intervention = ? AND area = ? AND rt = ? AND period = ?",
	                 intervention, area, rt, period, &st, err, errlen);

	if (rc == 1)
		read_ipoint(st, out);
	release(s, st);
	return rc;
}

int store_get_score(store *s, const char *area, int rt, const char *period,
                    const char *item, double *value, char *err, size_t errlen)
{
	sqlite3_stmt *st = NULL;
	int rc = get_one(s, "SELECT value FROM scores WHERE"
	                 " item = ? AND area = ? AND rt = ? AND period = ?",
	                 item, area, rt, period, &st, err, errlen);

	if (rc == 1)
		*value = col_double(st, 0);
	release(s, st);
	return rc;
}

static void copy_col(sqlite3_stmt *st, int i, char *out, size_t outlen)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	snprintf(out, outlen, "%s", t ? (const char *)t : "");
}

int store_meta_of(store *s, const char *id, store_meta *out, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = prepare(s, "SELECT is_intervention, label_id, label_en, unit, kind,"
	                  " direction FROM meta WHERE id = ?", &st, err, errlen)) < 0)
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
		rc = 1;
	} else if (rc == SQLITE_DONE) {
		rc = 0;
	} else {
		rc = db_fail(s, err, errlen, s->path);
	}
	sqlite3_finalize(st);
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

/* Reads every row of a series query into a growing array of elem-sized
 * records filled by read. */
static long read_series(store *s, const char *sql, const char *id, const char *area,
                        int rt, size_t elem, void (*read)(sqlite3_stmt *, void *),
                        void **out, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	size_t n = 0, cap = 0;
	char *v = NULL;
	int rc;

	*out = NULL;
	if ((rc = cached(s, sql, &st, err, errlen)) < 0)
		return rc;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, area, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 3, rt);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			char *nv;

			cap = cap ? cap * 2 : 8;
			if (!(nv = realloc(v, cap * elem))) {
				free(v);
				release(s, st);
				set_err(err, errlen, "%s: %s", s->path, "out of memory");
				return PK2D_ERR_NOMEM;
			}
			v = nv;
		}
		read(st, v + n * elem);
		n++;
	}
	if (rc != SQLITE_DONE) {
		free(v);
		rc = db_fail(s, err, errlen, s->path);
		release(s, st);
		return rc;
	}
	release(s, st);
	*out = v;
	return (long)n;
}

static void read_point_v(sqlite3_stmt *st, void *p)
{
	read_point(st, p);
}

static void read_ipoint_v(sqlite3_stmt *st, void *p)
{
	read_ipoint(st, p);
}

long store_series(store *s, const char *indicator, const char *area, int rt,
                  store_point **out, char *err, size_t errlen)
{
	void *v;
	long n = read_series(s, "SELECT period, num, den, value, target FROM vals"
	                     " WHERE indicator = ? AND area = ? AND rt = ?",
	                     indicator, area, rt, sizeof(store_point), read_point_v,
	                     &v, err, errlen);

	if (n > 0)
		qsort(v, (size_t)n, sizeof(store_point), cmp_point);
	*out = v;
	return n;
}

long store_iseries(store *s, const char *intervention, const char *area, int rt,
                   store_ipoint **out, char *err, size_t errlen)
{
	void *v;
	long n = read_series(s, "SELECT period, target, realised, budget FROM ivals"
	                     " WHERE intervention = ? AND area = ? AND rt = ?",
	                     intervention, area, rt, sizeof(store_ipoint), read_ipoint_v,
	                     &v, err, errlen);

	if (n > 0)
		qsort(v, (size_t)n, sizeof(store_ipoint), cmp_ipoint);
	*out = v;
	return n;
}

long store_score_series(store *s, const char *item, const char *area, int rt,
                        store_point **out, char *err, size_t errlen)
{
	void *v;
	long n = read_series(s, "SELECT period, NULL, NULL, value, NULL FROM scores"
	                     " WHERE item = ? AND area = ? AND rt = ?",
	                     item, area, rt, sizeof(store_point), read_point_v,
	                     &v, err, errlen);

	if (n > 0)
		qsort(v, (size_t)n, sizeof(store_point), cmp_point);
	*out = v;
	return n;
}

long store_ids(store *s, char ***out, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	char **v = NULL;
	size_t n = 0;
	int rc;

	*out = NULL;
	if ((rc = prepare(s, "SELECT id FROM meta UNION SELECT DISTINCT item FROM scores"
	                  " ORDER BY 1", &st, err, errlen)) < 0)
		return rc;
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
		rc = db_fail(s, err, errlen, s->path);
	sqlite3_finalize(st);
	if (rc < 0) {
		for (size_t i = 0; i < n; i++)
			free(v[i]);
		free(v);
		if (rc == PK2D_ERR_NOMEM)
			set_err(err, errlen, "%s: out of memory", s->path);
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

	if ((rc = prepare(s, "SELECT count(*) FROM runs", &st, err, errlen)) < 0)
		return rc;
	if (sqlite3_step(st) != SQLITE_ROW) {
		rc = db_fail(s, err, errlen, s->path);
		sqlite3_finalize(st);
		return rc;
	}
	n = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
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
			set_err(err, errlen, "%s: %s", paths[i], strerror(errno));
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
			set_err(err, errlen, "%s: %s", paths[i], "read error");
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
