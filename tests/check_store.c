/*
 * check_store.c - the store-test harness: what a run writes and reads back,
 * rerunning a period, runs kept, previous period, series, the store's own
 * check clean after every write, and a writer killed at every step of its
 * run and at many moments inside the write leaving the history before it
 * whole. The tcase "store" runs against the backend PK2D_TEST_STORE names
 * ("sqlite", the default: a new SQLite file per test; or a PostgreSQL
 * connection string, as tests/pg_store.sh gives it: a new database per
 * test); the tcase "sqlite" holds what only SQLite has (its files, its
 * lock, the upgrade of a store written by schema 1, tests/data/store/),
 * the tcase "postgresql" what only the server has (writers of different
 * areas at the same time, the refused password, an unreachable server).
 *
 * Values (family.l1, a proportion with target 75):
 *   63.02.09.2007 RT 1: 8/10, RT 2: 3/5   -> village 11/15 = 73.333 %
 *   63.02.09.2008 RT 1: 2/4               -> village  2/4  = 50 %
 *   kecamatan 63.02.09                    -> 13/19 = 68.421 %
 */
#include <config.h>

#include <check.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>
#include <libpq-fe.h>

#include "conf.h"
#include "registry.h"
#include "store.h"
#include "store_priv.h"

static char dir[64], path[256];
static char err[512];
/* The PostgreSQL server's connection string, or NULL for SQLite. */
static const char *server;

/* Runs sql on the server's database db: the first field of its answer as
 * a number (0 when it has none). */
static long server_exec(const char *db, const char *sql)
{
	char info[512];
	PGconn *c;
	PGresult *res;
	long n;

	snprintf(info, sizeof info, "%s dbname=%s", server, db);
	c = PQconnectdb(info);
	ck_assert_msg(PQstatus(c) == CONNECTION_OK, "%s", PQerrorMessage(c));
	res = PQexec(c, sql);
	ck_assert_msg(PQresultStatus(res) == PGRES_COMMAND_OK ||
	              PQresultStatus(res) == PGRES_TUPLES_OK, "%s: %s", sql, PQerrorMessage(c));
	n = PQntuples(res) > 0 ? atol(PQgetvalue(res, 0, 0)) : 0;
	PQclear(res);
	PQfinish(c);
	return n;
}

static void setup_sqlite(void)
{
	strcpy(dir, "/tmp/pk2d-store-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/history.sqlite", dir);
}

static void setup(void)
{
	const char *backend = getenv("PK2D_TEST_STORE");
	char sql[128];

	setup_sqlite();
	if (!backend || !*backend || strcmp(backend, "sqlite") == 0)
		return;
	ck_assert_msg(conf_store_is_server(backend),
	              "PK2D_TEST_STORE: neither sqlite nor a connection string: '%s'", backend);
	/* Each test (a process of its own) writes a new database. */
	server = backend;
	snprintf(sql, sizeof sql, "CREATE DATABASE pk2d_t%ld", (long)getpid());
	server_exec("postgres", sql);
	snprintf(path, sizeof path, "%s dbname=pk2d_t%ld", server, (long)getpid());
}

/* The store passes its own check (SQLite: PRAGMA integrity_check). */
static void assert_whole(store *s)
{
	ck_assert_msg(store_check(s, err, sizeof err) == 0, "%s", err);
}

static void teardown(void)
{
	char cmd[128];

	if (server) {
		snprintf(cmd, sizeof cmd, "DROP DATABASE pk2d_t%ld WITH (FORCE)", (long)getpid());
		server_exec("postgres", cmd);
	}
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}

static void add(registry *r, const char *ind, const char *area, int rt,
                const char *period, double num, double den)
{
	pk2d_value v = { .indicator = ind, .area = area, .rt = rt, .period = period,
	                 .numerator = num, .denominator = den };

	ck_assert_msg(registry_add_value(r, "family", "2023", &v, err, sizeof err) == 0,
	              "%s", err);
}

/* The registry of make_registry, not rolled up yet. */
static registry *fill_registry(double rt1_num, const char *period)
{
	static const char *const aims[] = { "l1", NULL };
	pk2d_indicator d = { .id = "l1", .label_id = "Akta nikah", .label_en = "Marriage deed",
	                     .kind = PK2D_PROPORTION, .direction = PK2D_HIGHER_IS_BETTER,
	                     .has_target = 1, .target = 75 };
	pk2d_intervention iv = { .id = "isbat", .label_id = "Isbat nikah", .unit = "KK",
	                         .aims = aims };
	pk2d_intervention_value ivv = { .intervention = "isbat", .area = "63.02.09.2007",
	                                .rt = 0, .period = NULL, .target = 20,
	                                .realised = 15, .budget = 1000000 };
	registry *r = registry_new();

	ck_assert_int_eq(registry_declare_indicator(r, "family", "DP3A", &d, err, sizeof err), 0);
	ck_assert_int_eq(registry_declare_intervention(r, "family", "DP3A", &iv, err,
	                                               sizeof err), 0);
	add(r, "l1", "63.02.09.2007", 1, period, rt1_num, 10);
	add(r, "l1", "63.02.09.2007", 2, period, 3, 5);
	add(r, "l1", "63.02.09.2008", 1, period, 2, 4);
	ivv.period = period;
	ck_assert_int_eq(registry_add_intervention_value(r, "family", "2023", &ivv, err,
	                                                 sizeof err), 0);
	return r;
}

static registry *make_registry(double rt1_num, const char *period)
{
	registry *r = fill_registry(rt1_num, period);

	registry_rollup(r);
	return r;
}

static void write_run(const char *area, const char *period, registry *r)
{
	store_run_info info = { .period = period, .area = area, .config_digest = "0123",
	                        .version = PACKAGE_VERSION, .started = 1700000000, .status = 0 };
	store *s = store_open(path, CONF_DEFAULT_LOCK_WAIT, err, sizeof err);

	ck_assert_msg(s != NULL, "%s", err);
	ck_assert_msg(store_begin(s, &info, err, sizeof err) == 0, "%s", err);
	ck_assert_msg(store_put_registry(s, r, err, sizeof err) == 0, "%s", err);
	ck_assert_msg(store_put_score(s, area, RT_ALL, period, "ikk", 81.78, "Responsif",
	                              err, sizeof err) == 0, "%s", err);
	ck_assert_msg(store_commit(s, err, sizeof err) == 0, "%s", err);
	assert_whole(s);
	store_close(s);
}

/* The stored value, or -1 when there is none. */
static double stored(store *s, const char *area, int rt, const char *period)
{
	store_point p;
	int rc = store_get_value(s, "family.l1", area, rt, period, &p, err, sizeof err);

	ck_assert_msg(rc >= 0, "%s", err);
	return rc ? p.value : -1;
}

START_TEST(run_is_written)
{
	registry *r = make_registry(8, "2023");
	store *s;
	store_point p;
	store_ipoint ip, p2;
	store_meta m;
	double ikk;
	char cat[32];

	write_run("63.02.09", "2023", r);
	s = store_open(path, CONF_DEFAULT_LOCK_WAIT, err, sizeof err);
	ck_assert_ptr_nonnull(s);
	ck_assert_int_eq(store_count_runs(s, err, sizeof err), 1);
	ck_assert_int_eq(store_get_value(s, "family.l1", "63.02.09", RT_ALL, "2023", &p,
	                                 err, sizeof err), 1);
	ck_assert_double_eq(p.num, 13);
	ck_assert_double_eq(p.den, 19);
	ck_assert_double_eq_tol(p.value, 100.0 * 13 / 19, 1e-9);
	ck_assert_double_eq(p.target, 75);
	ck_assert_double_eq_tol(stored(s, "63.02.09.2007", RT_ALL, "2023"), 100.0 * 11 / 15, 1e-9);
	ck_assert_double_eq(stored(s, "63.02.09.2007", 1, "2023"), 80);
	ck_assert_double_eq(stored(s, "63.02.09.2007", 2, "2023"), 60);
	ck_assert_double_eq(stored(s, "63.02.09.2008", RT_ALL, "2023"), 50);
	/* Nothing above the run's area is stored: the regency reads as the
	 * sums of what is below it, the kecamatan's own figures; its
	 * interventions too. */
	ck_assert_double_eq_tol(stored(s, "63.02", RT_ALL, "2023"), 100.0 * 13 / 19, 1e-9);
	ck_assert_double_eq(stored(s, "63.02", RT_ALL, "2022"), -1);
	ck_assert_double_eq(stored(s, "63.01", RT_ALL, "2023"), -1);
	ck_assert_int_eq(store_get_intervention(s, "family.isbat", "63.02", RT_ALL, "2023", &ip,
	                                        err, sizeof err), 1);
	ck_assert_int_eq(store_get_intervention(s, "family.isbat", "63.02.09", RT_ALL, "2023", &p2,
	                                        err, sizeof err), 1);
	ck_assert_double_eq(ip.target, p2.target);
	ck_assert_double_eq(ip.realised, p2.realised);
	ck_assert_double_eq(ip.budget, p2.budget);
	ck_assert_int_eq(store_get_intervention(s, "family.isbat", "63.02.09.2007", RT_ALL,
	                                        "2023", &ip, err, sizeof err), 1);
	ck_assert_double_eq(ip.target, 20);
	ck_assert_double_eq(ip.realised, 15);
	ck_assert_double_eq(ip.budget, 1000000);
	ck_assert_int_eq(store_get_score(s, "63.02.09", RT_ALL, "2023", "ikk", &ikk, err,
	                                 sizeof err), 1);
	ck_assert_double_eq(ikk, 81.78);
	ck_assert_int_eq(store_get_category(s, "63.02.09", RT_ALL, "2023", "ikk", cat, sizeof cat,
	                                    err, sizeof err), 1);
	ck_assert_str_eq(cat, "Responsif");
	ck_assert_int_eq(store_get_category(s, "63.02.09.2007", RT_ALL, "2023", "ikk", cat,
	                                    sizeof cat, err, sizeof err), 0);
	ck_assert_int_eq(store_meta_of(s, "family.l1", &m, err, sizeof err), 1);
	ck_assert_int_eq(m.is_intervention, 0);
	ck_assert_str_eq(m.label_en, "Marriage deed");
	ck_assert_int_eq(store_meta_of(s, "family.isbat", &m, err, sizeof err), 1);
	ck_assert_int_eq(m.is_intervention, 1);
	ck_assert_str_eq(m.unit, "KK");
	ck_assert_int_eq(store_meta_of(s, "family.nope", &m, err, sizeof err), 0);
	store_close(s);
	registry_free(r);
}
END_TEST

/* SQLite: the bytes of the stored scores (-1 on a server). */
static long score_bytes(void)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	long n;

	if (server)
		return -1;
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT sum(length(data)) FROM scores", -1, &st,
	                                    NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	n = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

START_TEST(rerun_replaces_period_and_keeps_log)
{
	registry *r1 = make_registry(8, "2023"), *r2 = make_registry(10, "2023"), *r3 = make_registry(4, "2024");
	store *s;
	store_point *pts;
	char prev[16];
	long bytes;

	write_run("63.02.09", "2023", r1);
	bytes = score_bytes();
	write_run("63.02.09", "2023", r2);     /* RT 1 now 10/10 */
	ck_assert_int_eq(score_bytes(), bytes); /* the scores replaced, not added to */
	write_run("63.02.09", "2024", r3);     /* RT 1 4/10 */
	s = store_open(path, CONF_DEFAULT_LOCK_WAIT, err, sizeof err);
	ck_assert_int_eq(store_count_runs(s, err, sizeof err), 3);
	ck_assert_double_eq(stored(s, "63.02.09.2007", 1, "2023"), 100);
	ck_assert_double_eq_tol(stored(s, "63.02.09", RT_ALL, "2023"), 100.0 * 15 / 19, 1e-9);
	ck_assert_double_eq_tol(stored(s, "63.02.09", RT_ALL, "2024"), 100.0 * 9 / 19, 1e-9);
	ck_assert_int_eq(store_previous_period(s, "63.02.09", "2024", prev, sizeof prev,
	                                       err, sizeof err), 1);
	ck_assert_str_eq(prev, "2023");
	ck_assert_int_eq(store_previous_period(s, "63.02.09", "2023", prev, sizeof prev,
	                                       err, sizeof err), 0);
	/* Another kind of period has no previous one. */
	ck_assert_int_eq(store_previous_period(s, "63.02.09", "2024Q1", prev, sizeof prev,
	                                       err, sizeof err), 0);
	ck_assert_int_eq(store_series(s, "family.l1", "63.02.09.2007", RT_ALL, &pts, err,
	                              sizeof err), 2);
	ck_assert_str_eq(pts[0].period, "2023");
	ck_assert_double_eq_tol(pts[0].value, 100.0 * 13 / 15, 1e-9);
	ck_assert_str_eq(pts[1].period, "2024");
	ck_assert_double_eq_tol(pts[1].value, 100.0 * 7 / 15, 1e-9);
	free(pts);
	store_close(s);
	registry_free(r1);
	registry_free(r2);
	registry_free(r3);
}
END_TEST

/* A national run (area = all) run again replaces every area's values. */
START_TEST(national_rerun_replaces)
{
	registry *r1 = make_registry(8, "2023"), *r2 = make_registry(10, "2023");
	long bytes;

	write_run("all", "2023", r1);
	bytes = score_bytes();
	write_run("all", "2023", r2);
	/* The period's scores replaced, not added to. */
	ck_assert_int_eq(score_bytes(), bytes);
	store *s = store_open(path, CONF_DEFAULT_LOCK_WAIT, err, sizeof err);
	ck_assert_int_eq(store_count_runs(s, err, sizeof err), 2);
	ck_assert_double_eq(stored(s, "63.02.09.2007", 1, "2023"), 100);
	ck_assert_double_eq_tol(stored(s, "63", RT_ALL, "2023"), 100.0 * 15 / 19, 1e-9);
	ck_assert_double_eq_tol(stored(s, "all", RT_ALL, "2023"), 100.0 * 15 / 19, 1e-9);
	store_close(s);
	registry_free(r1);
	registry_free(r2);
}
END_TEST

START_TEST(village_run_leaves_neighbours)
{
	registry *r1 = make_registry(8, "2023"), *r2 = make_registry(1, "2023");

	write_run("63.02.09", "2023", r1);
	write_run("63.02.09.2008", "2023", r2);
	store *s = store_open(path, CONF_DEFAULT_LOCK_WAIT, err, sizeof err);
	/* 2008 rewritten (same values), 2007 and the kecamatan untouched: RT 1
	 * of 2007 is still 8/10, not the 1/10 of the second registry. */
	ck_assert_double_eq(stored(s, "63.02.09.2007", 1, "2023"), 80);
	ck_assert_double_eq(stored(s, "63.02.09.2008", RT_ALL, "2023"), 50);
	ck_assert_double_eq_tol(stored(s, "63.02.09", RT_ALL, "2023"), 100.0 * 13 / 19, 1e-9);
	store_close(s);
	registry_free(r1);
	registry_free(r2);
}
END_TEST

/* A kecamatan's own row of a period is its figures (docs/store.md): an
 * indicator it lacks, which one of its villages stored later, is not summed
 * into it (the sum of the villages that have it would pass for the
 * kecamatan's), nor into the regency above it; a period it has no row of,
 * its villages' sums are. */
START_TEST(own_row_is_the_area_figures)
{
	registry *r1 = make_registry(8, "2023"), *r2 = fill_registry(8, "2023");
	registry *r3 = fill_registry(8, "2024");
	pk2d_indicator d = { .id = "l2", .label_id = "KTP", .label_en = "ID card",
	                     .kind = PK2D_PROPORTION, .direction = PK2D_HIGHER_IS_BETTER };
	store_point *pts, p;

	ck_assert_int_eq(registry_declare_indicator(r2, "family", "DP3A", &d, err, sizeof err), 0);
	add(r2, "l2", "63.02.09.2007", 1, "2023", 4, 8);
	registry_rollup(r2);
	ck_assert_int_eq(registry_declare_indicator(r3, "family", "DP3A", &d, err, sizeof err), 0);
	add(r3, "l2", "63.02.09.2007", 1, "2024", 3, 6);
	registry_rollup(r3);
	write_run("63.02.09", "2023", r1);
	write_run("63.02.09.2007", "2023", r2);
	write_run("63.02.09.2007", "2024", r3);
	store *s = store_open(path, CONF_DEFAULT_LOCK_WAIT, err, sizeof err);
	ck_assert_int_eq(store_series(s, "family.l2", "63.02.09", RT_ALL, &pts, err,
	                              sizeof err), 1);
	ck_assert_str_eq(pts[0].period, "2024");
	ck_assert_double_eq(pts[0].num, 3);
	ck_assert_double_eq(pts[0].den, 6);
	free(pts);
	ck_assert_int_eq(store_get_value(s, "family.l2", "63.02.09", RT_ALL, "2023", &p, err,
	                                 sizeof err), 0);
	ck_assert_int_eq(store_get_value(s, "family.l2", "63.02.09", RT_ALL, "2024", &p, err,
	                                 sizeof err), 1);
	ck_assert_double_eq(p.num, 3);
	ck_assert_int_eq(store_series(s, "family.l1", "63.02.09", RT_ALL, &pts, err,
	                              sizeof err), 2);
	ck_assert_double_eq(pts[0].num, 13);
	ck_assert_double_eq(pts[0].den, 19);
	free(pts);
	ck_assert_int_eq(store_series(s, "family.l2", "63.02", RT_ALL, &pts, err, sizeof err), 1);
	ck_assert_str_eq(pts[0].period, "2024");
	free(pts);
	ck_assert_int_eq(store_get_value(s, "family.l2", "63.02.09.2007", RT_ALL, "2023", &p,
	                                 err, sizeof err), 1);
	ck_assert_double_eq(p.num, 4);
	store_close(s);
	registry_free(r1);
	registry_free(r2);
	registry_free(r3);
}
END_TEST

/* RT 1 of village 2007 of 2023, the village's numerator in its series and
 * the kecamatan's IKK, as s reads them. */
static void assert_reads(store *s, double rt1, double num, double ikk)
{
	store_point *pts;
	double v;

	ck_assert_double_eq(stored(s, "63.02.09.2007", 1, "2023"), rt1);
	ck_assert_int_eq(store_series(s, "family.l1", "63.02.09.2007", RT_ALL, &pts, err,
	                              sizeof err), 1);
	ck_assert_double_eq(pts[0].num, num);
	free(pts);
	ck_assert_int_eq(store_get_score(s, "63.02.09", RT_ALL, "2023", "ikk", &v, err,
	                                 sizeof err), 1);
	ck_assert_double_eq(v, ikk);
}

/* What a handle read of an area is kept for the next question, and
 * forgotten when the handle writes: its series and values after a rerun
 * are the rerun's. A score written twice in a run reads as the second. */
START_TEST(reads_after_own_write)
{
	registry *r1 = make_registry(8, "2023"), *r2 = make_registry(10, "2023");
	store_run_info info = { .period = "2023", .area = "63.02.09", .config_digest = "0123",
	                        .version = PACKAGE_VERSION, .started = 1700000000 };

	write_run("63.02.09", "2023", r1);
	store *s = store_open(path, CONF_DEFAULT_LOCK_WAIT, err, sizeof err);
	store_point *none;

	assert_reads(s, 80, 11, 81.78);
	/* An area without rows reads as none; the handle keeps it until its write. */
	ck_assert_int_eq(store_series(s, "family.l1", "63.01.01.2001", RT_ALL, &none, err,
	                              sizeof err), 0);
	free(none);
	ck_assert_msg(store_begin(s, &info, err, sizeof err) == 0, "%s", err);
	ck_assert_msg(store_put_registry(s, r2, err, sizeof err) == 0, "%s", err);
	ck_assert_int_eq(store_put_score(s, "63.02.09", RT_ALL, "2023", "ikk", 50, NULL, err,
	                                 sizeof err), 0);
	ck_assert_int_eq(store_put_score(s, "63.02.09", RT_ALL, "2023", "ikk", 60, NULL, err,
	                                 sizeof err), 0);
	ck_assert_msg(store_commit(s, err, sizeof err) == 0, "%s", err);
	assert_reads(s, 100, 13, 60);
	store_close(s);
	registry_free(r1);
	registry_free(r2);
}
END_TEST

/* The periods of thousands of areas are read once each and kept: each
 * area keeps its own answer however many are kept beside it. */
START_TEST(periods_of_many_areas)
{
	registry *r1 = make_registry(8, "2023");
	char prev[16], area[32];

	write_run("63.02.09", "2023", r1);
	store *s = store_open(path, CONF_DEFAULT_LOCK_WAIT, err, sizeof err);
	ck_assert_int_eq(store_read_begin(s, err, sizeof err), 0);
	for (int round = 0; round < 2; round++)
		for (int i = 0; i < 3000; i++) {
			snprintf(area, sizeof area, "63.02.%02d.%04d", i % 7 + 10, i);
			ck_assert_int_eq(store_previous_period(s, area, "2024", prev, sizeof prev,
			                                       err, sizeof err), 0);
			ck_assert_int_eq(store_previous_period(s, "63.02.09.2007", "2024", prev,
			                                       sizeof prev, err, sizeof err), 1);
			ck_assert_str_eq(prev, "2023");
		}
	store_read_end(s);
	store_close(s);
	registry_free(r1);
}
END_TEST

START_TEST(bad_store_files)
{
	char p2[160];
	FILE *f;
	store *s;

	snprintf(p2, sizeof p2, "%s/notdb.sqlite", dir);
	f = fopen(p2, "w");
	fputs("this is not a database, it is a text file long enough to be read as one\n", f);
	fclose(f);
	ck_assert_ptr_null(store_open(p2, CONF_DEFAULT_LOCK_WAIT, err, sizeof err));
	ck_assert_ptr_nonnull(strstr(err, "notdb.sqlite"));
	snprintf(p2, sizeof p2, "%s/no/such/dir/h.sqlite", dir);
	ck_assert_ptr_null(store_open(p2, CONF_DEFAULT_LOCK_WAIT, err, sizeof err));
	/* A schema from the future. */
	s = store_open(path, CONF_DEFAULT_LOCK_WAIT, err, sizeof err);
	ck_assert_ptr_nonnull(s);
	store_close(s);
	{
		sqlite3 *db;

		ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
		ck_assert_int_eq(sqlite3_exec(db, "PRAGMA user_version = 9", NULL, NULL, NULL),
		                 SQLITE_OK);
		sqlite3_close(db);
	}
	ck_assert_ptr_null(store_open(path, CONF_DEFAULT_LOCK_WAIT, err, sizeof err));
	ck_assert_ptr_nonnull(strstr(err, "newer pk2d: schema version 9"));
}
END_TEST

static double seconds_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* While another run holds the store, a run waits lock_wait seconds in all
 * (not once per statement), then fails naming the lock. */
START_TEST(lock_wait_in_all)
{
	store_run_info info = { .period = "2023", .area = "63.02.09.2007", .config_digest = "0",
	                        .version = PACKAGE_VERSION, .started = 1700000000 };
	store *waiter = store_open(path, 0.4, err, sizeof err);
	ck_assert_msg(waiter != NULL, "%s", err);
	store *holder = store_open(path, CONF_DEFAULT_LOCK_WAIT, err, sizeof err);
	ck_assert_msg(holder != NULL, "%s", err);
	ck_assert_msg(store_begin(holder, &info, err, sizeof err) == 0, "%s", err);

	double t0 = seconds_now();
	ck_assert_int_lt(store_begin(waiter, &info, err, sizeof err), 0);
	double waited = seconds_now() - t0;
	ck_assert_msg(waited >= 0.39 && waited < 1.5, "waited %.3f s for 0.4", waited);
	ck_assert_msg(strstr(err, "locked") != NULL, "%s", err);
	/* The wait is spent: the next try fails at once. */
	t0 = seconds_now();
	ck_assert_int_lt(store_begin(waiter, &info, err, sizeof err), 0);
	ck_assert_double_lt(seconds_now() - t0, 0.2);
	store_close(waiter);
	/* Opening waits too, for its own lock_wait. */
	t0 = seconds_now();
	ck_assert_ptr_null(store_open(path, 0.2, err, sizeof err));
	waited = seconds_now() - t0;
	ck_assert_msg(waited >= 0.19 && waited < 1.2, "waited %.3f s for 0.2", waited);
	store_close(holder);
}
END_TEST

/* Reads under store_read_begin see what is stored; a run cannot be begun
 * until they end, nor reads begun while a run is written. */
START_TEST(reads_in_one_transaction)
{
	store_run_info info = { .period = "2024", .area = "63.02.09.2007", .config_digest = "0",
	                        .version = PACKAGE_VERSION, .started = 1700000000 };
	registry *r = make_registry(4, "2023");
	store *s;

	write_run("63.02.09.2007", "2023", r);
	s = store_open(path, CONF_DEFAULT_LOCK_WAIT, err, sizeof err);
	ck_assert_msg(s != NULL, "%s", err);
	ck_assert_msg(store_read_begin(s, err, sizeof err) == 0, "%s", err);
	ck_assert_double_eq_tol(stored(s, "63.02.09.2007", 1, "2023"), 40, 1e-9);
	ck_assert_int_eq(store_read_begin(s, err, sizeof err), PK2D_ERR_INVALID);
	ck_assert_int_eq(store_begin(s, &info, err, sizeof err), PK2D_ERR_INVALID);
	ck_assert_msg(strstr(err, "reads") != NULL, "%s", err);
	store_read_end(s);
	store_read_end(s); /* nothing to end */
	ck_assert_msg(store_begin(s, &info, err, sizeof err) == 0, "%s", err);
	ck_assert_int_eq(store_read_begin(s, err, sizeof err), PK2D_ERR_INVALID);
	store_rollback(s);
	ck_assert_double_eq_tol(stored(s, "63.02.09.2007", 2, "2023"), 60, 1e-9);
	store_close(s);
	registry_free(r);
}
END_TEST

/* SQLite: the reads keep the store's shared lock from the first to the
 * last, so another run that would open the store in between (which takes
 * and commits a write transaction to check its schema) waits for them, and
 * fails here after its 0.3 s; once they end it opens, writes and commits. */
START_TEST(reads_keep_the_lock)
{
	registry *r = make_registry(4, "2023");
	store_run_info info = { .period = "2024", .area = "63.02.09.2007", .config_digest = "0",
	                        .version = PACKAGE_VERSION, .started = 1700000000 };
	store *reader, *writer;

	write_run("63.02.09.2007", "2023", r);
	reader = store_open(path, CONF_DEFAULT_LOCK_WAIT, err, sizeof err);
	ck_assert_msg(reader != NULL, "%s", err);
	ck_assert_msg(store_read_begin(reader, err, sizeof err) == 0, "%s", err);
	ck_assert_double_eq_tol(stored(reader, "63.02.09.2007", 1, "2023"), 40, 1e-9);
	ck_assert_ptr_null(store_open(path, 0.3, err, sizeof err));
	ck_assert_msg(strstr(err, "locked") != NULL, "%s", err);
	store_read_end(reader);
	writer = store_open(path, 0.3, err, sizeof err);
	ck_assert_msg(writer != NULL, "%s", err);
	ck_assert_msg(store_begin(writer, &info, err, sizeof err) == 0, "%s", err);
	ck_assert_msg(store_commit(writer, err, sizeof err) == 0, "%s", err);
	store_close(writer);
	store_close(reader);
	registry_free(r);
}
END_TEST

START_TEST(bad_run_info)
{
	store_run_info info = { .period = "2023Q5", .area = "63.02", .config_digest = "",
	                        .version = "x", .started = 0, .status = 0 };
	store *s = store_open(path, CONF_DEFAULT_LOCK_WAIT, err, sizeof err);

	ck_assert_int_eq(store_begin(s, &info, err, sizeof err), PK2D_ERR_INVALID);
	info.period = "2023";
	info.area = "63.2";
	ck_assert_int_eq(store_begin(s, &info, err, sizeof err), PK2D_ERR_INVALID);
	ck_assert_int_eq(store_put_score(s, "63", RT_ALL, "2023", "ikk", 1, NULL, err,
	                                 sizeof err), PK2D_ERR_INVALID);
	ck_assert_int_eq(store_count_runs(s, err, sizeof err), 0);
	store_close(s);
}
END_TEST

/* A registry big enough that the transaction spills pages to the file. */
static registry *big_registry(double num)
{
	pk2d_indicator d = { .id = "l1", .label_id = "x", .kind = PK2D_PROPORTION,
	                     .direction = PK2D_HIGHER_IS_BETTER };
	registry *r = registry_new();
	char area[32];

	ck_assert_int_eq(registry_declare_indicator(r, "family", "DP3A", &d, err, sizeof err), 0);
	for (int v = 0; v < 60; v++) {
		snprintf(area, sizeof area, "63.02.09.%04d", 2001 + v);
		for (int rt = 1; rt <= 20; rt++)
			add(r, "l1", area, rt, NULL, num, 10);
	}
	registry_rollup(r);
	return r;
}

START_TEST(killed_inside_transaction)
{
	registry *old = big_registry(5), *new = big_registry(7);
	char marker[160], journal[300];
	struct stat st;
	pid_t pid;
	store *s;
	int status;

	write_run("63.02.09", "2023", old);
	snprintf(marker, sizeof marker, "%s/paused", dir);
	snprintf(journal, sizeof journal, "%s-journal", path);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		setenv(STORE_PAUSE_ENV, marker, 1);
		write_run("63.02.09", "2023", new);
		_exit(0);
	}
	for (int i = 0; i < 3000 && stat(marker, &st) != 0; i++)
		usleep(10000);
	ck_assert_msg(stat(marker, &st) == 0, "the writer never reached its pause");
	/* The transaction really is half way: its journal is there, or the
	 * server holds it open. */
	if (!server)
		ck_assert_int_eq(stat(journal, &st), 0);
	else
		ck_assert_int_eq(server_exec("postgres", "SELECT count(*) FROM pg_stat_activity"
		                             " WHERE application_name = 'pk2d'"
		                             " AND state = 'idle in transaction'"), 1);
	ck_assert_int_eq(kill(pid, SIGKILL), 0);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);

	s = store_open(path, CONF_DEFAULT_LOCK_WAIT, err, sizeof err);
	ck_assert_msg(s != NULL, "%s", err);
	ck_assert_int_eq(store_count_runs(s, err, sizeof err), 1);
	ck_assert_double_eq(stored(s, "63.02.09.2030", 20, "2023"), 50);
	ck_assert_double_eq(stored(s, "63.02.09", RT_ALL, "2023"), 50);
	store_close(s);

	/* And a run that is not killed leaves the new state. */
	write_run("63.02.09", "2023", new);
	s = store_open(path, CONF_DEFAULT_LOCK_WAIT, err, sizeof err);
	ck_assert_int_eq(store_count_runs(s, err, sizeof err), 2);
	ck_assert_double_eq(stored(s, "63.02.09.2030", 20, "2023"), 70);
	store_close(s);
	registry_free(old);
	registry_free(new);
}
END_TEST

/* The history a big_registry(num) run of 63.02.09 left, read back whole:
 * num when every figure says num, -1 when they disagree. */
static double history_of(store *s)
{
	double rt = stored(s, "63.02.09.2030", 20, "2023"), village, kec, ikk;

	village = stored(s, "63.02.09.2001", RT_ALL, "2023");
	kec = stored(s, "63.02.09", RT_ALL, "2023");
	ck_assert_int_eq(store_get_score(s, "63.02.09", RT_ALL, "2023", "ikk", &ikk, err,
	                                 sizeof err), 1);
	if (rt != village || rt != kec || ikk != 81.78)
		return -1;
	return rt / 10;
}

/* Opens the store after a killed writer: whole, with runs runs, and every
 * figure num's. */
static void assert_history(int runs, double num)
{
	store *s = store_open(path, CONF_DEFAULT_LOCK_WAIT, err, sizeof err);

	ck_assert_msg(s != NULL, "%s", err);
	assert_whole(s);
	ck_assert_int_eq(store_count_runs(s, err, sizeof err), runs);
	ck_assert_double_eq(history_of(s), num);
	store_close(s);
}

/* A writer that kills itself after each step of its run: open, begin, the
 * values, a score (the commit is killed_inside_transaction's). */
START_TEST(killed_at_every_step)
{
	registry *old = big_registry(5), *new = big_registry(7);
	store_run_info info = { .period = "2023", .area = "63.02.09", .config_digest = "0",
	                        .version = PACKAGE_VERSION, .started = 1700000000 };

	write_run("63.02.09", "2023", old);
	for (int step = 0; step < 4; step++) {
		pid_t pid = fork();
		int status;

		ck_assert_int_ge(pid, 0);
		if (pid == 0) {
			store *s = store_open(path, CONF_DEFAULT_LOCK_WAIT, err, sizeof err);

			if (step == 0 || !s || store_begin(s, &info, err, sizeof err) < 0 || step == 1 ||
			    store_put_registry(s, new, err, sizeof err) < 0 || step == 2 ||
			    store_put_score(s, "63.02.09", RT_ALL, "2023", "ikk", 1, NULL, err,
			                    sizeof err) < 0 || step == 3)
				raise(SIGKILL);
			_exit(1);
		}
		ck_assert_int_eq(waitpid(pid, &status, 0), pid);
		ck_assert_msg(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
		              "step %d: the writer was not killed", step);
		assert_history(1, 5);
	}
	registry_free(old);
	registry_free(new);
}
END_TEST

/* A writer killed after 0, 1, 2, ... ms, more and more (wherever it is:
 * opening, writing, committing, done), until two of them finished: the
 * store holds the history before it or the one after it, never a mix, and
 * passes its check. */
START_TEST(killed_at_any_moment)
{
	registry *regs[2] = { big_registry(5), big_registry(7) };
	int runs = 1, cur = 0;

	write_run("63.02.09", "2023", regs[0]);
	for (int ms = 0; runs < 3; ms += 1 + ms / 4) {
		ck_assert_msg(ms < 10000, "no writer finished in 10 s");
		pid_t pid = fork();
		int status;

		ck_assert_int_ge(pid, 0);
		if (pid == 0) {
			write_run("63.02.09", "2023", regs[!cur]);
			_exit(0);
		}
		usleep((useconds_t)ms * 1000);
		kill(pid, SIGKILL);
		ck_assert_int_eq(waitpid(pid, &status, 0), pid);
		store *s = store_open(path, CONF_DEFAULT_LOCK_WAIT, err, sizeof err);

		ck_assert_msg(s != NULL, "%s", err);
		assert_whole(s);
		long n = store_count_runs(s, err, sizeof err);
		double num = history_of(s);

		store_close(s);
		ck_assert_msg((n == runs && num == (cur ? 7 : 5)) ||
		              (n == runs + 1 && num == (cur ? 5 : 7)),
		              "killed after %d ms: %ld runs, history %g (before: %d runs, %d)",
		              ms, n, num, runs, cur ? 7 : 5);
		if (n == runs + 1) {
			runs++;
			cur = !cur;
		}
	}
	registry_free(regs[0]);
	registry_free(regs[1]);
}
END_TEST

/* A copy of the store schema 1 wrote (tests/data/store/README.md) at path. */
static void copy_v1_fixture(void)
{
	char cmd[1024];

	snprintf(cmd, sizeof cmd, "cp '%s/tests/data/store/v1.sqlite' '%s'",
	         getenv("PK2D_TOP_SRCDIR"), path);
	ck_assert_int_eq(system(cmd), 0);
}

static double col_or_nan(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? NAN : sqlite3_column_double(st, i);
}

static int same(double a, double b)
{
	return (isnan(a) && isnan(b)) || a == b;
}

/* Every value, intervention value and score of schema 1 reads the same
 * through the store after its upgrade. */
START_TEST(upgrade_v1)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	store *s;
	long n = 0;

	copy_v1_fixture();
	s = store_open(path, CONF_DEFAULT_LOCK_WAIT, err, sizeof err);
	ck_assert_msg(s != NULL, "%s", err);
	assert_whole(s);
	ck_assert_int_eq(store_count_runs(s, err, sizeof err), 3);
	/* The fixture's rows, read from a second copy left at schema 1. */
	char v1[160], cmd[400];

	snprintf(v1, sizeof v1, "%s/v1.sqlite", dir);
	snprintf(cmd, sizeof cmd, "cp '%s/tests/data/store/v1.sqlite' '%s'",
	         getenv("PK2D_TOP_SRCDIR"), v1);
	ck_assert_int_eq(system(cmd), 0);
	ck_assert_int_eq(sqlite3_open(v1, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT indicator, area, rt, period, num, den,"
	                                    " value, target FROM vals", -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		store_point p;
		const char *id = (const char *)sqlite3_column_text(st, 0);

		ck_assert_int_eq(store_get_value(s, id, (const char *)sqlite3_column_text(st, 1),
		                                 sqlite3_column_int(st, 2),
		                                 (const char *)sqlite3_column_text(st, 3), &p,
		                                 err, sizeof err), 1);
		ck_assert_msg(same(p.num, col_or_nan(st, 4)) && same(p.den, col_or_nan(st, 5)) &&
		              same(p.value, col_or_nan(st, 6)) && same(p.target, col_or_nan(st, 7)),
		              "%s %s RT %d", id, sqlite3_column_text(st, 1), sqlite3_column_int(st, 2));
		n++;
	}
	sqlite3_finalize(st);
	ck_assert_int_eq(n, 1323);
	ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT intervention, area, rt, period, target,"
	                                    " realised, budget FROM ivals", -1, &st, NULL),
	                 SQLITE_OK);
	for (n = 0; sqlite3_step(st) == SQLITE_ROW; n++) {
		store_ipoint p;

		ck_assert_int_eq(store_get_intervention(s, (const char *)sqlite3_column_text(st, 0),
		                                        (const char *)sqlite3_column_text(st, 1),
		                                        sqlite3_column_int(st, 2),
		                                        (const char *)sqlite3_column_text(st, 3), &p,
		                                        err, sizeof err), 1);
		ck_assert(same(p.target, col_or_nan(st, 4)) && same(p.realised, col_or_nan(st, 5)) &&
		          same(p.budget, col_or_nan(st, 6)));
	}
	sqlite3_finalize(st);
	ck_assert_int_gt(n, 100);
	ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT item, area, rt, period, value FROM scores",
	                                    -1, &st, NULL), SQLITE_OK);
	for (n = 0; sqlite3_step(st) == SQLITE_ROW; n++) {
		double v;

		ck_assert_int_eq(store_get_score(s, (const char *)sqlite3_column_text(st, 1),
		                                 sqlite3_column_int(st, 2),
		                                 (const char *)sqlite3_column_text(st, 3),
		                                 (const char *)sqlite3_column_text(st, 0), &v,
		                                 err, sizeof err), 1);
		ck_assert(same(v, col_or_nan(st, 4)));
	}
	sqlite3_finalize(st);
	ck_assert_int_gt(n, 60);
	sqlite3_close(db);
	store_close(s);
	/* The upgraded file is at this build's schema, without schema 1's tables. */
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT (SELECT user_version FROM"
	                                    " pragma_user_version), (SELECT count(*) FROM"
	                                    " sqlite_master WHERE name LIKE '%_v1')",
	                                    -1, &st, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	ck_assert_int_eq(sqlite3_column_int(st, 0), STORE_SCHEMA_VERSION);
	ck_assert_int_eq(sqlite3_column_int(st, 1), 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
}
END_TEST

/* An upgrade that fails half way (here: a table in the way) leaves the
 * store as schema 1 wrote it. */
START_TEST(upgrade_in_one_transaction)
{
	sqlite3 *db;
	sqlite3_stmt *st;

	copy_v1_fixture();
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(db, "CREATE TABLE ivals_v1 (x)", NULL, NULL, NULL),
	                 SQLITE_OK);
	ck_assert_ptr_null(store_open(path, CONF_DEFAULT_LOCK_WAIT, err, sizeof err));
	ck_assert_msg(strstr(err, "ivals_v1") != NULL, "%s", err);
	ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT (SELECT user_version FROM"
	                                    " pragma_user_version), (SELECT count(*) FROM vals),"
	                                    " (SELECT count(*) FROM sqlite_master WHERE"
	                                    " name IN ('ids', 'vals_v1'))", -1, &st, NULL),
	                 SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	ck_assert_int_eq(sqlite3_column_int(st, 0), 1);
	ck_assert_int_eq(sqlite3_column_int(st, 1), 1323);
	ck_assert_int_eq(sqlite3_column_int(st, 2), 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
}
END_TEST

START_TEST(periods_and_digest)
{
	char files[3][160], out[17];
	const char *abc[2], *a_bc[2], *one[1];
	const char *texts[3] = { "ab", "c", "a" };

	ck_assert_int_lt(store_period_cmp("2023", "2023S1"), 0);
	ck_assert_int_lt(store_period_cmp("2023S1", "2023Q1"), 0);
	ck_assert_int_lt(store_period_cmp("2023Q1", "202301"), 0);
	ck_assert_int_lt(store_period_cmp("202301", "2023Q2"), 0);
	ck_assert_int_gt(store_period_cmp("2023S2", "2023Q2"), 0);
	ck_assert_int_lt(store_period_cmp("202312", "2024"), 0);
	ck_assert_int_eq(store_period_cmp("2023Q3", "2023Q3"), 0);

	for (int i = 0; i < 3; i++) {
		FILE *f;

		snprintf(files[i], sizeof files[i], "%s/f%d", dir, i);
		f = fopen(files[i], "w");
		fputs(texts[i], f);
		fclose(f);
	}
	one[0] = files[2];
	/* FNV-1a 64 over 'a' then the length 1 as 8 little-endian bytes. */
	ck_assert_int_eq(store_digest_files(one, 1, out, err, sizeof err), 0);
	ck_assert_str_eq(out, "dedf9f982e43402d");
	abc[0] = files[0];
	abc[1] = files[1];
	ck_assert_int_eq(store_digest_files(abc, 2, out, err, sizeof err), 0);
	ck_assert_str_eq(out, "5091916f8ceeb7b0");
	a_bc[0] = files[1];
	a_bc[1] = files[0];
	ck_assert_int_eq(store_digest_files(a_bc, 2, out, err, sizeof err), 0);
	ck_assert_str_ne(out, "5091916f8ceeb7b0");
	snprintf(files[0], sizeof files[0], "%s/missing.ini", dir);
	ck_assert_int_eq(store_digest_files(abc, 1, out, err, sizeof err), PK2D_ERR_IO);
	ck_assert_ptr_nonnull(strstr(err, "missing.ini"));
}
END_TEST

/* A registry of one village of a regency: family.l1 num/10 in RTs 1-3. */
static registry *regency_registry(const char *village, double num)
{
	pk2d_indicator d = { .id = "l1", .label_id = "Akta nikah", .kind = PK2D_PROPORTION,
	                     .direction = PK2D_HIGHER_IS_BETTER };
	registry *r = registry_new();

	ck_assert_int_eq(registry_declare_indicator(r, "family", "DP3A", &d, err, sizeof err), 0);
	for (int rt = 1; rt <= 3; rt++)
		add(r, "l1", village, rt, "2023", num, 10);
	registry_rollup(r);
	return r;
}

/* Four regency offices write their own regency, same period, at the same
 * time, three times each: every run and every regency's figures are
 * there, and the store is whole. */
START_TEST(concurrent_areas)
{
	enum { OFFICES = 4, RUNS = 3 };
	pid_t pids[OFFICES];
	store *s;

	for (int k = 0; k < OFFICES; k++) {
		ck_assert_int_ge(pids[k] = fork(), 0);
		if (pids[k] == 0) {
			char regency[16], village[32];

			snprintf(regency, sizeof regency, "63.%02d", k + 1);
			snprintf(village, sizeof village, "%s.01.2001", regency);
			for (int n = 0; n < RUNS; n++) {
				registry *r = regency_registry(village, k + 1 + n);

				write_run(regency, "2023", r);
				registry_free(r);
			}
			_exit(0);
		}
	}
	for (int k = 0; k < OFFICES; k++) {
		int status;

		ck_assert_int_eq(waitpid(pids[k], &status, 0), pids[k]);
		ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0,
		              "office %d failed", k + 1);
	}
	s = store_open(path, CONF_DEFAULT_LOCK_WAIT, err, sizeof err);
	ck_assert_msg(s != NULL, "%s", err);
	assert_whole(s);
	ck_assert_int_eq(store_count_runs(s, err, sizeof err), OFFICES * RUNS);
	for (int k = 0; k < OFFICES; k++) {
		char regency[16], village[32];

		snprintf(regency, sizeof regency, "63.%02d", k + 1);
		snprintf(village, sizeof village, "%s.01.2001", regency);
		/* The last of the office's runs: num k + RUNS out of 10. */
		ck_assert_double_eq_tol(stored(s, regency, RT_ALL, "2023"), 10.0 * (k + RUNS), 1e-9);
		ck_assert_double_eq_tol(stored(s, village, 3, "2023"), 10.0 * (k + RUNS), 1e-9);
	}
	/* Nothing of the province is stored: its figures are the regencies'
	 * sums, (RUNS + ... + OFFICES - 1 + RUNS) out of 10 * OFFICES. */
	{
		double num = 0;

		for (int k = 0; k < OFFICES; k++)
			num += k + RUNS;
		ck_assert_double_eq_tol(stored(s, "63", RT_ALL, "2023"), 100.0 * num / (10.0 * OFFICES),
		                        1e-9);
	}
	store_close(s);
}
END_TEST

/* A password in the address is refused before connecting, without being
 * repeated; an unreachable server is one clear message. */
START_TEST(password_and_unreachable)
{
	ck_assert_ptr_null(store_open("postgresql://office:s3cret@localhost/pk2d",
	                              CONF_DEFAULT_LOCK_WAIT, err, sizeof err));
	ck_assert_ptr_nonnull(strstr(err, "~/.pgpass"));
	ck_assert_ptr_null(strstr(err, "s3cret"));
	ck_assert_ptr_null(store_open("host=localhost password=s3cret dbname=pk2d",
	                              CONF_DEFAULT_LOCK_WAIT, err, sizeof err));
	ck_assert_ptr_null(strstr(err, "s3cret"));
	ck_assert_ptr_null(store_open("host=/nonexistent/pk2d dbname=pk2d",
	                              CONF_DEFAULT_LOCK_WAIT, err, sizeof err));
	ck_assert_ptr_nonnull(strstr(err, "cannot connect"));
	ck_assert_ptr_null(strchr(err, '\n'));
}
END_TEST

/* Each value of a packed record comes back bit for bit, and takes the
 * encoding its kind is given: whole numbers below 2^53 in magnitude as
 * varints (positive, or negated), -0 and every other number as 8 bytes,
 * NaN (SQL's NULL) as none. */
START_TEST(records_keep_every_value)
{
	static const struct {
		double v;
		int tag; /* 0 F64, 1 whole >= 0, 2 NaN, 3 whole < 0 */
	} cases[] = {
		{ 0.0, 1 }, { -0.0, 0 }, { 1, 1 }, { -1, 3 }, { 127, 1 }, { 128, 1 },
		{ 9007199254740991.0, 1 }, { 9007199254740992.0, 0 }, { -9007199254740991.0, 3 },
		{ -9007199254740992.0, 0 }, { 0.5, 0 }, { -0.5, 0 }, { 26.25, 0 },
		{ 1e300, 0 }, { -1e300, 0 }, { 4.9e-324, 0 }, { INFINITY, 0 }, { -INFINITY, 0 },
		{ NAN, 2 }, { 4294967296.0, 1 }, { -4294967297.0, 3 },
	};
	size_t n = sizeof cases / sizeof *cases;

	for (size_t i = 0; i < n; i++) {
		store_buf b = { 0 };
		double in[REC_VALS] = { cases[i].v, 3, cases[i].v, NAN }, out[REC_VALS];
		const unsigned char *p, *end;
		uint32_t key, aux;

		ck_assert_int_eq(store_buf_add(&b, 5, 2, in, REC_VALS), 0);
		/* key and aux take a byte each; then the tags. */
		ck_assert_msg((b.p[2] & 3) == cases[i].tag, "%g: tag %d", cases[i].v, b.p[2] & 3);
		ck_assert_int_eq((b.p[2] >> 2) & 3, 1);
		ck_assert_int_eq((b.p[2] >> 6) & 3, 2);
		p = b.p;
		end = b.p + b.len;
		ck_assert_int_eq(store_rec_next(&p, end, REC_VALS, &key, &aux, out), 0);
		ck_assert_ptr_eq(p, end);
		ck_assert_uint_eq(key, 5);
		ck_assert_uint_eq(aux, 2);
		for (int k = 0; k < 3; k += 2) {
			if (isnan(cases[i].v))
				ck_assert(isnan(out[k]));
			else
				ck_assert_msg(memcmp(&out[k], &cases[i].v, sizeof out[k]) == 0,
				              "%g came back as %g", cases[i].v, out[k]);
		}
		ck_assert(out[1] == 3);
		ck_assert(isnan(out[3]));
		store_buf_free(&b);
	}
}
END_TEST

/* A row's records decoded (store_rows): a key's last record is found past
 * records of other keys of every encoding (whole numbers of one and many
 * bytes, negative, 8 bytes, none), a key of several bytes too; a record
 * cut short ends its row. */
START_TEST(records_found_past_others)
{
	static const double others[][REC_VALS] = {
		{ 1, 300, -5, NAN }, { 0.25, -1e300, 9007199254740991.0, -0.0 },
		{ NAN, NAN, NAN, NAN }, { 4294967296.0, -4294967297.0, 127, 128 },
	};
	const double first[REC_VALS] = { 3, 10, 30, 75 }, last[REC_VALS] = { 4, 10, 40.5, NAN };
	const double wide[REC_VALS] = { -2, 0.125, 1e-300, 1 };
	store_buf b = { 0 };
	store_rows m = { 0 };
	const store_rows_rec *r;

	for (size_t i = 0; i < 4; i++)
		ck_assert_int_eq(store_buf_add(&b, 7 + (uint32_t)i, 1, others[i], REC_VALS), 0);
	ck_assert_int_eq(store_buf_add(&b, 5, 2, first, REC_VALS), 0);
	for (size_t i = 0; i < 4; i++)
		ck_assert_int_eq(store_buf_add(&b, 300000, 0, others[i], REC_VALS), 0);
	ck_assert_int_eq(store_buf_add(&b, 5, 3, last, REC_VALS), 0);
	ck_assert_int_eq(store_buf_add(&b, 70000, 4, wide, REC_VALS), 0);

	/* Row 0 whole, row 1 cut inside its last record: that key is not
	 * found there, the ones before it still are. */
	ck_assert_int_eq(store_rows_add(&m, "2023", b.p, b.len, REC_VALS), 0);
	ck_assert_int_eq(store_rows_add(&m, "2024", b.p, b.len - 1, REC_VALS), 0);
	ck_assert_uint_eq(m.n_rows, 2);
	ck_assert_str_eq(m.period[1], "2024");
	ck_assert_ptr_nonnull(r = store_rows_find(&m, 0, 5));
	ck_assert_uint_eq(r->aux, 3);
	ck_assert(r->v[0] == 4 && r->v[1] == 10 && r->v[2] == 40.5 && isnan(r->v[3]));
	ck_assert_ptr_nonnull(r = store_rows_find(&m, 0, 70000));
	ck_assert_uint_eq(r->aux, 4);
	ck_assert(r->v[0] == -2 && r->v[1] == 0.125 && r->v[2] == 1e-300 && r->v[3] == 1);
	ck_assert_ptr_nonnull(r = store_rows_find(&m, 0, 10));
	ck_assert(r->v[0] == 4294967296.0 && r->v[1] == -4294967297.0 && r->v[3] == 128);
	ck_assert_ptr_nonnull(r = store_rows_find(&m, 0, 9));
	ck_assert(isnan(r->v[0]) && isnan(r->v[3]));
	ck_assert_ptr_nonnull(r = store_rows_find(&m, 0, 7));
	ck_assert_ptr_nonnull(r = store_rows_find(&m, 0, 300000));
	ck_assert_uint_eq(r->aux, 0);
	ck_assert(r->v[0] == 4294967296.0);
	ck_assert_ptr_null(store_rows_find(&m, 0, 6));
	ck_assert_ptr_null(store_rows_find(&m, 0, 4));
	ck_assert_ptr_null(store_rows_find(&m, 0, 300001));
	ck_assert_ptr_null(store_rows_find(&m, 1, 70000));
	ck_assert_ptr_nonnull(r = store_rows_find(&m, 1, 5));
	ck_assert_uint_eq(r->aux, 3);
	store_rows_forget(&m);
	store_buf_free(&b);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("store");
	TCase *tc = tcase_create("store"), *lite = tcase_create("sqlite");
	TCase *rec = tcase_create("records");
	SRunner *sr;
	int failed;

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, run_is_written);
	tcase_add_test(tc, rerun_replaces_period_and_keeps_log);
	tcase_add_test(tc, village_run_leaves_neighbours);
	tcase_add_test(tc, own_row_is_the_area_figures);
	tcase_add_test(tc, periods_of_many_areas);
	tcase_add_test(tc, reads_after_own_write);
	tcase_add_test(tc, national_rerun_replaces);
	tcase_add_test(tc, bad_run_info);
	tcase_add_test(tc, reads_in_one_transaction);
	tcase_add_test(tc, killed_at_every_step);
	tcase_add_test(tc, killed_inside_transaction);
	tcase_add_test(tc, killed_at_any_moment);
	tcase_add_test(tc, periods_and_digest);
	suite_add_tcase(s, tc);
	tcase_add_checked_fixture(lite, setup_sqlite, teardown);
	tcase_set_timeout(lite, 60);
	tcase_add_test(lite, bad_store_files);
	tcase_add_test(lite, lock_wait_in_all);
	tcase_add_test(lite, reads_keep_the_lock);
	tcase_add_test(lite, upgrade_v1);
	tcase_add_test(lite, upgrade_in_one_transaction);
	suite_add_tcase(s, lite);
	if (getenv("PK2D_TEST_STORE") && conf_store_is_server(getenv("PK2D_TEST_STORE"))) {
		TCase *pg = tcase_create("postgresql");

		tcase_add_checked_fixture(pg, setup, teardown);
		tcase_set_timeout(pg, 60);
		tcase_add_test(pg, concurrent_areas);
		tcase_add_test(pg, password_and_unreachable);
		suite_add_tcase(s, pg);
	}
	tcase_add_test(rec, records_keep_every_value);
	tcase_add_test(rec, records_found_past_others);
	suite_add_tcase(s, rec);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
