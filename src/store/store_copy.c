/*
 * store_copy.c - `pk2d store copy FROM TO`: an office's SQLite history into
 * the shared PostgreSQL store (docs/store.md), in one transaction on the
 * server.
 *
 * Nothing the server holds is replaced: a run the server already has (the
 * same start, period, area, digest, version and status) is not added
 * again, and a figure of an area, RT, period and id that the server already
 * has stays as it is: the copy fills in what the server does not know, and
 * copying twice adds nothing the second time.
 */
#include <config.h>

#include "store_priv.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The old run ids (SQLite's, ascending) and the server's for each. */
typedef struct run_map {
	long long *old_id, *new_id;
	size_t n;
} run_map;

/* The server's id of an old run as text, or NULL when it has none. */
static const char *map_run(const run_map *m, long long old, char *buf, size_t len)
{
	size_t lo = 0, hi = m->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (m->old_id[mid] == old) {
			snprintf(buf, len, "%lld", m->new_id[mid]);
			return buf;
		}
		if (m->old_id[mid] < old)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static const char *col(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

static int oom(store *s, char *err, size_t errlen)
{
	store_set_err(err, errlen, "%s: out of memory", s->path);
	return PK2D_ERR_NOMEM;
}

static int copy_runs(store *from, store *to, run_map *m, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = store_prepare(from, "SELECT id, started, period, area, config_digest, version,"
	                        " status FROM runs ORDER BY id", &st, err, errlen)) < 0)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *p[6] = { col(st, 1), col(st, 2), col(st, 3), col(st, 4), col(st, 5),
		                     col(st, 6) };
		char id[32];
		long long *o = realloc(m->old_id, (m->n + 1) * sizeof *o), *n;
		int found;

		if (o)
			m->old_id = o;
		if (!o || !(n = realloc(m->new_id, (m->n + 1) * sizeof *n))) {
			sqlite3_finalize(st);
			return oom(from, err, errlen);
		}
		m->new_id = n;
		found = store_pg_first(to, "SELECT id FROM runs WHERE started = $1 AND period = $2"
		                       " AND area = $3 AND config_digest = $4 AND version = $5"
		                       " AND status = $6 ORDER BY id LIMIT 1", 6, p, id, sizeof id,
		                       err, errlen);
		if (found == 0)
			found = store_pg_first(to, "INSERT INTO runs(started, period, area,"
			                       " config_digest, version, status)"
			                       " VALUES ($1,$2,$3,$4,$5,$6) RETURNING id", 6, p,
			                       id, sizeof id, err, errlen);
		if (found < 0) {
			sqlite3_finalize(st);
			return found;
		}
		m->old_id[m->n] = sqlite3_column_int64(st, 0);
		m->new_id[m->n++] = strtoll(id, NULL, 10);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_db_fail(from, err, errlen);
}

/* Rows of a log table: select's first column is the run id to map (or
 * NULL-able last_run of meta, at map_col), the others go to insert as
 * they are. */
static int copy_rows(store *from, store *to, const run_map *m, const char *select,
                     int map_col, const char *insert, int ncols, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = store_prepare(from, select, &st, err, errlen)) < 0)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *p[16];
		char run[32];

		for (int i = 0; i < ncols; i++)
			p[i] = col(st, i);
		if (!(p[map_col] = map_run(m, sqlite3_column_int64(st, map_col), run, sizeof run)))
			continue;
		if ((rc = store_pg_exec(to, insert, ncols, p, err, errlen)) < 0) {
			sqlite3_finalize(st);
			return rc;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_db_fail(from, err, errlen);
}

/* The names of the SQLite store's dictionary, by key. */
typedef struct names {
	char **by_key;
	size_t n;
} names;

static int load_names(store *from, names *nm, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = store_prepare(from, "SELECT key, id FROM ids", &st, err, errlen)) < 0)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		sqlite3_int64 key = sqlite3_column_int64(st, 0);

		if (key < 0 || key > UINT32_MAX)
			continue;
		if ((size_t)key >= nm->n) {
			char **v = realloc(nm->by_key, ((size_t)key + 1) * sizeof *v);

			if (!v) {
				sqlite3_finalize(st);
				return oom(from, err, errlen);
			}
			memset(v + nm->n, 0, ((size_t)key + 1 - nm->n) * sizeof *v);
			nm->by_key = v;
			nm->n = (size_t)key + 1;
		}
		if (!(nm->by_key[key] = strdup(col(st, 1)))) {
			sqlite3_finalize(st);
			return oom(from, err, errlen);
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_db_fail(from, err, errlen);
}

static const char *name_of(const names *nm, uint32_t key)
{
	return key < nm->n ? nm->by_key[key] : NULL;
}

/* One figures table: every record of every row, through COPY. */
static int copy_figures(store *from, store *to, const run_map *m, const names *nm,
                        const char *table, int nd, char *err, size_t errlen)
{
	char sql[96];
	sqlite3_stmt *st;
	store_pg_copy c;
	int rc, scores = strcmp(table, "scores") == 0;

	snprintf(sql, sizeof sql, "SELECT area, rt, period, run_id, data FROM %s", table);
	if ((rc = store_prepare(from, sql, &st, err, errlen)) < 0)
		return rc;
	if ((rc = store_pg_copy_begin(to, table, &c, err, errlen)) < 0) {
		sqlite3_finalize(st);
		return rc;
	}
	while (rc == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const unsigned char *p = sqlite3_column_blob(st, 4);
		const unsigned char *end = p + sqlite3_column_bytes(st, 4);
		char run[32];
		const char *run_id = map_run(m, sqlite3_column_int64(st, 3), run, sizeof run);
		uint32_t key, aux;
		double v[REC_VALS];

		rc = 0;
		while (run_id && rc == 0 && p && p < end &&
		       store_rec_next(&p, end, nd, &key, &aux, v) == 0) {
			const char *id = name_of(nm, key);

			if (id)
				rc = store_pg_copy_line(&c, col(st, 0), sqlite3_column_int(st, 1),
				                        col(st, 2), id, strtoll(run_id, NULL, 10), v, nd,
				                        scores, aux ? name_of(nm, aux) : NULL);
		}
	}
	if (rc == SQLITE_DONE)
		rc = 0;
	else if (rc > 0)
		rc = store_db_fail(from, err, errlen);
	sqlite3_finalize(st);
	return store_pg_copy_end(&c, rc, "ON CONFLICT DO NOTHING");
}

int store_copy(store *from, store *to, long *runs, char *err, size_t errlen)
{
	run_map m = { 0 };
	names nm = { 0 };
	int rc;

	if (from->pg || !to->pg) {
		store_set_err(err, errlen, "store copy: FROM must be an SQLite file and TO a"
		              " PostgreSQL store");
		return PK2D_ERR_INVALID;
	}
	if ((rc = store_pg_exec(to, "BEGIN", 0, NULL, err, errlen)) < 0)
		return rc;
	to->in_txn = 1;
	/* Every run of every office waits while the history grows under it. */
	if ((rc = store_pg_exec(to, "SELECT pg_advisory_xact_lock(" STORE_PG_LOCK_CLASS
	                        ", hashtext('all'))", 0, NULL, err, errlen)) == 0)
		rc = copy_runs(from, to, &m, err, errlen);
	if (rc == 0)
		rc = copy_rows(from, to, &m, "SELECT run_id, instance, module, agency, state,"
		               " reason, seconds, n_values, refused, rows_read, rows_rejected"
		               " FROM plugin_runs", 0, "INSERT INTO plugin_runs VALUES"
		               " ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) ON CONFLICT DO NOTHING",
		               11, err, errlen);
	if (rc == 0)
		rc = copy_rows(from, to, &m, "SELECT last_run, id, is_intervention, agency,"
		               " label_id, label_en, unit, kind, direction FROM meta", 0,
		               "INSERT INTO meta(last_run, id, is_intervention, agency, label_id,"
		               " label_en, unit, kind, direction)"
		               " VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) ON CONFLICT DO NOTHING",
		               9, err, errlen);
	if (rc == 0)
		rc = load_names(from, &nm, err, errlen);
	if (rc == 0)
		rc = copy_figures(from, to, &m, &nm, "vals", REC_VALS, err, errlen);
	if (rc == 0)
		rc = copy_figures(from, to, &m, &nm, "ivals", REC_IVALS, err, errlen);
	if (rc == 0)
		rc = copy_figures(from, to, &m, &nm, "scores", REC_SCORES, err, errlen);
	if (rc == 0)
		rc = store_commit(to, err, errlen);
	else
		store_rollback(to);
	if (rc == 0)
		*runs = (long)m.n;
	free(m.old_id);
	free(m.new_id);
	for (size_t i = 0; i < nm.n; i++)
		free(nm.by_key[i]);
	free(nm.by_key);
	return rc;
}
