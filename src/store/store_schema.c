/*
 * store_schema.c - the store's tables, and the upgrade of a store written
 * by an earlier pk2d, in the same transaction as the check of its version.
 */
#include <config.h>

#include "store_priv.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Schema 2, the run log: as in schema 1. */
static const char schema_log[] =
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
	" last_run INTEGER NOT NULL);";

/* Schema 2, the figures. The values of one area, RT (-1 the whole area) and
 * period are one row whose data packs every indicator's (or intervention's,
 * or score's) record (store_priv.h): a province run writes some 40,000 rows
 * instead of 1.6 million. Not WITHOUT ROWID: a village's row is a kilobyte
 * or more, past what an index b-tree keeps in its page, and every row would
 * spill into an overflow page of its own. */
static const char schema_figures[] =
	"CREATE TABLE ids ("
	" key INTEGER PRIMARY KEY,"
	" role INTEGER NOT NULL,"              /* enum store_role */
	" id TEXT NOT NULL,"
	" UNIQUE (role, id));"
	"CREATE TABLE vals ("
	" area TEXT NOT NULL, rt INTEGER NOT NULL, period TEXT NOT NULL,"
	" run_id INTEGER NOT NULL,"
	" data BLOB NOT NULL,"
	" UNIQUE (area, rt, period));"
	"CREATE TABLE ivals ("
	" area TEXT NOT NULL, rt INTEGER NOT NULL, period TEXT NOT NULL,"
	" run_id INTEGER NOT NULL,"
	" data BLOB NOT NULL,"
	" UNIQUE (area, rt, period));"
	"CREATE TABLE scores ("
	" area TEXT NOT NULL, rt INTEGER NOT NULL, period TEXT NOT NULL,"
	" run_id INTEGER NOT NULL,"
	" data BLOB NOT NULL,"
	" UNIQUE (area, rt, period));";

static int user_version(store *s, int *v, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = store_prepare(s, "PRAGMA user_version", &st, err, errlen)) < 0)
		return rc;
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return store_db_fail(s, err, errlen);
	}
	*v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return 0;
}

static double col_double(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? NAN : sqlite3_column_double(st, i);
}

static const char *col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t ? (const char *)t : "";
}

/* Packs one schema-1 table into its schema-2 table: select gives area, rt,
 * period, run_id, the id, the category (or NULL) and the nd doubles, ordered
 * by area, rt and period. */
static int upgrade_table(store *s, const char *select, const char *insert, int role,
                         int nd, char *err, size_t errlen)
{
	sqlite3_stmt *sel = NULL, *ins = NULL;
	store_buf b = { 0 };
	char *area = NULL, *period = NULL;
	long long run_id = 0;
	int rt = 0, rc, step;

	if ((rc = store_prepare(s, select, &sel, err, errlen)) < 0 ||
	    (rc = store_prepare(s, insert, &ins, err, errlen)) < 0)
		goto done;
	for (;;) {
		step = sqlite3_step(sel);
		if (step != SQLITE_ROW && step != SQLITE_DONE) {
			rc = store_db_fail(s, err, errlen);
			break;
		}
		/* A new (area, rt, period), or the end: write the one before. */
		if (area && (step == SQLITE_DONE || rt != sqlite3_column_int(sel, 1) ||
		             strcmp(area, col_text(sel, 0)) || strcmp(period, col_text(sel, 2)))) {
			sqlite3_bind_text(ins, 1, area, -1, SQLITE_STATIC);
			sqlite3_bind_int(ins, 2, rt);
			sqlite3_bind_text(ins, 3, period, -1, SQLITE_STATIC);
			sqlite3_bind_int64(ins, 4, run_id);
			sqlite3_bind_blob(ins, 5, b.p, (int)b.len, SQLITE_STATIC);
			if ((rc = store_step_reset(s, ins, err, errlen)) < 0)
				break;
			free(area);
			free(period);
			area = period = NULL;
			b.len = 0;
			run_id = 0;
		}
		if (step == SQLITE_DONE)
			break;
		if (!area) {
			area = strdup(col_text(sel, 0));
			period = strdup(col_text(sel, 2));
			rt = sqlite3_column_int(sel, 1);
			if (!area || !period) {
				rc = PK2D_ERR_NOMEM;
				break;
			}
		}
		if (sqlite3_column_int64(sel, 3) > run_id)
			run_id = sqlite3_column_int64(sel, 3);

		uint32_t key, cat = 0;
		double v[REC_VALS];

		if ((rc = store_name_key(s, role, col_text(sel, 4), 1, &key, err, errlen)) < 0 ||
		    (sqlite3_column_type(sel, 5) != SQLITE_NULL &&
		     (rc = store_name_key(s, ROLE_CATEGORY, col_text(sel, 5), 1, &cat,
		                          err, errlen)) < 0))
			break;
		for (int i = 0; i < nd; i++)
			v[i] = col_double(sel, 6 + i);
		if ((rc = store_buf_add(&b, key, cat, v, nd)) < 0)
			break;
		rc = 0;
	}
	if (rc == PK2D_ERR_NOMEM)
		store_set_err(err, errlen, "%s: out of memory", s->path);
done:
	sqlite3_finalize(sel);
	sqlite3_finalize(ins);
	store_buf_free(&b);
	free(area);
	free(period);
	return rc;
}

/* Schema 1 (pk2d 0.1): one row per value, RT and period, text keys. */
static int upgrade_v1(store *s, char *err, size_t errlen)
{
	int rc;

	if ((rc = store_exec(s, "ALTER TABLE vals RENAME TO vals_v1;"
	                     "ALTER TABLE ivals RENAME TO ivals_v1;"
	                     "ALTER TABLE scores RENAME TO scores_v1;", err, errlen)) < 0 ||
	    (rc = store_exec(s, schema_figures, err, errlen)) < 0)
		return rc;
	store_names_forget(s);
	if ((rc = upgrade_table(s, "SELECT area, rt, period, run_id, indicator, NULL,"
	                        " num, den, value, target FROM vals_v1"
	                        " ORDER BY area, rt, period",
	                        "INSERT INTO vals(area, rt, period, run_id, data)"
	                        " VALUES (?,?,?,?,?)", ROLE_VALUE,
	                        REC_VALS, err, errlen)) < 0 ||
	    (rc = upgrade_table(s, "SELECT area, rt, period, run_id, intervention, NULL,"
	                        " target, realised, budget FROM ivals_v1"
	                        " ORDER BY area, rt, period",
	                        "INSERT INTO ivals(area, rt, period, run_id, data)"
	                        " VALUES (?,?,?,?,?)", ROLE_VALUE,
	                        REC_IVALS, err, errlen)) < 0 ||
	    (rc = upgrade_table(s, "SELECT area, rt, period, run_id, item, category,"
	                        " value FROM scores_v1 ORDER BY area, rt, period",
	                        "INSERT INTO scores(area, rt, period, run_id, data)"
	                        " VALUES (?,?,?,?,?)", ROLE_ITEM,
	                        REC_SCORES, err, errlen)) < 0)
		return rc;
	return store_exec(s, "DROP TABLE vals_v1; DROP TABLE ivals_v1; DROP TABLE scores_v1;",
	                  err, errlen);
}

int store_migrate(store *s, char *err, size_t errlen)
{
	int v = 0, rc;
	char buf[64];

	if ((rc = store_exec(s, "BEGIN IMMEDIATE", err, errlen)) < 0)
		return rc;
	if ((rc = user_version(s, &v, err, errlen)) < 0)
		goto fail;
	if (v > STORE_SCHEMA_VERSION) {
		store_set_err(err, errlen, "%s: written by a newer pk2d: schema version %d"
		              " (this pk2d knows %d)", s->path, v, STORE_SCHEMA_VERSION);
		rc = PK2D_ERR_CONFIG;
		goto fail;
	}
	if (v == STORE_SCHEMA_VERSION)
		return store_exec(s, "COMMIT", err, errlen);
	if (v == 0) {
		if ((rc = store_exec(s, schema_log, err, errlen)) == 0)
			rc = store_exec(s, schema_figures, err, errlen);
	} else
		rc = upgrade_v1(s, err, errlen);
	if (rc < 0)
		goto fail;
	snprintf(buf, sizeof buf, "PRAGMA user_version = %d", STORE_SCHEMA_VERSION);
	if ((rc = store_exec(s, buf, err, errlen)) < 0 ||
	    (rc = store_exec(s, "COMMIT", err, errlen)) < 0)
		goto fail;
	return 0;
fail:
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	store_names_forget(s);
	return rc;
}
