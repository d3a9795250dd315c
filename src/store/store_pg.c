/*
 * store_pg.c - the history store on a PostgreSQL server, shared by many
 * offices (docs/store.md): the same history as the SQLite store, one row
 * per value instead of packed records (the server has no single file to
 * keep small, and row-level security works on rows).
 *
 * Concurrency: a run takes, inside its transaction, a shared advisory lock
 * on every area above its own and an exclusive one on its own area. Runs of
 * areas that do not contain one another (two regencies) write at the same
 * time; a run of an area and a run of an area above it (a regency and its
 * province, or the same regency twice) wait for each other, as they would
 * replace each other's rows. The locks are taken from the country down, so
 * two runs never wait for each other in a circle.
 */
#include <config.h>

#include "store_priv.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>


/* The PostgreSQL schema this build writes (table pk2d_schema). */
#define PG_SCHEMA_VERSION 2

/* Whether the current role may write area a (docs/store.md), run inside
 * every office's statements by the row-level security policies: every name
 * in it is qualified with the tables' schema (%s) and its search_path pinned,
 * so that a table an office creates in its own temporary schema (searched
 * first) cannot stand in for offices. Created with schema version 1 without
 * either, replaced by version 2. */
static const char pg_may_write[] =
	"CREATE OR REPLACE FUNCTION %s.pk2d_may_write(a text) RETURNS boolean"
	" LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS"
	" $$SELECT EXISTS (SELECT 1 FROM %s.offices o WHERE o.role = current_user"
	" AND (o.area = 'all' OR a = o.area OR a LIKE o.area || '.%%'))$$;";

/* Version 1's tables. */
static const char pg_schema[] =
	"CREATE TABLE pk2d_schema (version integer NOT NULL);"
	"CREATE TABLE runs ("
	" id bigserial PRIMARY KEY,"
	" started bigint NOT NULL,"
	" period text NOT NULL,"
	" area text COLLATE \"C\" NOT NULL,"
	" config_digest text NOT NULL,"
	" version text NOT NULL,"
	" status integer NOT NULL,"
	" written_by name NOT NULL DEFAULT current_user);"
	"CREATE TABLE plugin_runs ("
	" run_id bigint NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
	" instance text NOT NULL, module text, agency text,"
	" state integer NOT NULL, reason text, seconds double precision,"
	" n_values bigint, refused bigint, rows_read bigint, rows_rejected bigint,"
	" PRIMARY KEY (run_id, instance));"
	"CREATE TABLE meta ("
	" id text PRIMARY KEY, is_intervention integer NOT NULL, agency text,"
	" label_id text, label_en text, unit text, kind integer, direction integer,"
	" last_run bigint NOT NULL);"
	"CREATE TABLE vals ("
	" area text COLLATE \"C\" NOT NULL, rt integer NOT NULL, period text NOT NULL,"
	" id text NOT NULL, run_id bigint NOT NULL,"
	" num double precision, den double precision, value double precision,"
	" target double precision,"
	" PRIMARY KEY (area, rt, period, id));"
	"CREATE INDEX vals_id ON vals (id, area, rt);"
	"CREATE TABLE ivals ("
	" area text COLLATE \"C\" NOT NULL, rt integer NOT NULL, period text NOT NULL,"
	" id text NOT NULL, run_id bigint NOT NULL,"
	" target double precision, realised double precision, budget double precision,"
	" PRIMARY KEY (area, rt, period, id));"
	"CREATE INDEX ivals_id ON ivals (id, area, rt);"
	"CREATE TABLE scores ("
	" area text COLLATE \"C\" NOT NULL, rt integer NOT NULL, period text NOT NULL,"
	" id text NOT NULL, run_id bigint NOT NULL,"
	" value double precision, category text,"
	" PRIMARY KEY (area, rt, period, id));"
	"CREATE INDEX scores_id ON scores (id, area, rt);"
	/* Which areas each office's role may write (docs/store.md): the owner
	 * of the tables is not bound by row-level security and writes all. */
	"CREATE TABLE offices (role name NOT NULL, area text COLLATE \"C\" NOT NULL,"
	" PRIMARY KEY (role, area));";

/* Version 2: an office writes the plugin runs of its own areas' runs only,
 * and adds the declarations of new ids but changes none already stored
 * (the owner does): they are every area's labels and directions. */
static const char pg_upgrade_2[] =
	"ALTER TABLE plugin_runs ENABLE ROW LEVEL SECURITY;"
	"CREATE POLICY read_all ON plugin_runs FOR SELECT USING (true);"
	"CREATE POLICY own_areas ON plugin_runs"
	" USING (EXISTS (SELECT 1 FROM runs r WHERE r.id = run_id AND pk2d_may_write(r.area)))"
	" WITH CHECK (EXISTS (SELECT 1 FROM runs r WHERE r.id = run_id"
	" AND pk2d_may_write(r.area)));"
	"ALTER TABLE meta ENABLE ROW LEVEL SECURITY;"
	"CREATE POLICY read_all ON meta FOR SELECT USING (true);"
	"CREATE POLICY new_ids ON meta FOR INSERT WITH CHECK (true);"
	"UPDATE pk2d_schema SET version = 2;";

/* Version 1's row-level security, after pg_may_write. */
static const char pg_policies_1[] =
	"ALTER TABLE runs ENABLE ROW LEVEL SECURITY;"
	"ALTER TABLE vals ENABLE ROW LEVEL SECURITY;"
	"ALTER TABLE ivals ENABLE ROW LEVEL SECURITY;"
	"ALTER TABLE scores ENABLE ROW LEVEL SECURITY;"
	"CREATE POLICY read_all ON runs FOR SELECT USING (true);"
	"CREATE POLICY read_all ON vals FOR SELECT USING (true);"
	"CREATE POLICY read_all ON ivals FOR SELECT USING (true);"
	"CREATE POLICY read_all ON scores FOR SELECT USING (true);"
	"CREATE POLICY own_areas ON runs USING (pk2d_may_write(area))"
	" WITH CHECK (pk2d_may_write(area));"
	"CREATE POLICY own_areas ON vals USING (pk2d_may_write(area))"
	" WITH CHECK (pk2d_may_write(area));"
	"CREATE POLICY own_areas ON ivals USING (pk2d_may_write(area))"
	" WITH CHECK (pk2d_may_write(area));"
	"CREATE POLICY own_areas ON scores USING (pk2d_may_write(area))"
	" WITH CHECK (pk2d_may_write(area));";

/* The figures tables: their record's columns, in the order of store_priv.h's
 * records. */
static const struct {
	const char *table, *cols;
	int nd;
} figures[] = {
	{ "vals", "num, den, value, target", REC_VALS },
	{ "ivals", "target, realised, budget", REC_IVALS },
	{ "scores", "value", REC_SCORES },
};

static int figures_of(const char *table)
{
	for (int i = 0; i < (int)(sizeof figures / sizeof *figures); i++)
		if (strcmp(figures[i].table, table) == 0)
			return i;
	return 0;
}

/* Copies text (an address, or libpq's message quoting one) into out (len
 * bytes, cut if longer) with "***" for what may be a password: the part
 * after ':' of a URI's user ("://user:PASSWORD@"), the value of a password
 * keyword or URI parameter in any case, and all after a password keyword
 * followed by a blank and no '='. Returns whether it masked anything. */
static int redact_address(const char *text, char *out, size_t len)
{
	size_t o = 0;
	int masked = 0;

#define PUT(c) do { if (o + 1 < len) out[o++] = (c); } while (0)
	for (const char *t = text; *t;) {
		const char *mask_end = NULL;

		if (strncmp(t, "://", 3) == 0) {
			const char *u = t + 3, *end = u + strcspn(u, "/?#\" \t"), *at = NULL;

			for (const char *x = u; x < end; x++)
				if (*x == '@')
					at = x;
			const char *colon = at ? memchr(u, ':', (size_t)(at - u)) : NULL;

			if (colon) {
				while (t <= colon)
					PUT(*t++);
				mask_end = at;
			}
		} else if (strncasecmp(t, "password", 8) == 0 &&
		           (t == text || strchr(" \t?&'\"", t[-1]))) {
			const char *w = t + 8;

			for (int k = 0; k < 8; k++)
				PUT(*t++);
			while (*t == ' ' || *t == '\t')
				PUT(*t++);
			if (*t != '=') {
				/* "password s3cr3t"; not the name quoted in a message. */
				if (t > w && *t)
					mask_end = t + strlen(t);
			} else {
				PUT(*t++);
				while (*t == ' ' || *t == '\t')
					PUT(*t++);
				mask_end = t;
				if (*mask_end == '\'') {
					for (mask_end++; *mask_end && *mask_end != '\''; mask_end++)
						if (*mask_end == '\\' && mask_end[1])
							mask_end++;
					if (*mask_end)
						mask_end++;
				} else {
					mask_end += strcspn(mask_end, " \t&\"");
				}
			}
		}
		if (!mask_end) {
			PUT(*t++);
			continue;
		}
		for (const char *m = "***"; *m; m++)
			PUT(*m);
		masked = 1;
		t = mask_end;
	}
#undef PUT
	if (len)
		out[o] = '\0';
	return masked;
}

/* The server's message on one line, without libpq's trailing newline. */
static int pg_fail(store *s, const char *what, char *err, size_t errlen)
{
	char msg[512], addr[512];
	size_t n;

	redact_address(s->path, addr, sizeof addr);
	snprintf(msg, sizeof msg, "%s", PQerrorMessage(s->pg));
	for (n = 0; msg[n]; n++)
		if (msg[n] == '\n' || msg[n] == '\t')
			msg[n] = ' ';
	while (n > 0 && msg[n - 1] == ' ')
		msg[--n] = '\0';
	store_set_err(err, errlen, "%s: %s%s", addr, what, msg);
	return PK2D_ERR_IO;
}

/* Runs sql with its text parameters (NULL for SQL's NULL): the result when
 * it succeeded, else NULL with err set. */
static PGresult *run(store *s, const char *sql, int n, const char *const *params,
                     char *err, size_t errlen)
{
	/* Without parameters, sql may hold several commands (the schema). */
	PGresult *res = n ? PQexecParams(s->pg, sql, n, NULL, params, NULL, NULL, 0) :
	                PQexec(s->pg, sql);
	ExecStatusType st = PQresultStatus(res);

	if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK)
		return res;
	PQclear(res);
	pg_fail(s, "", err, errlen);
	return NULL;
}

int store_pg_exec(store *s, const char *sql, int n, const char *const *params,
                  char *err, size_t errlen)
{
	PGresult *res = run(s, sql, n, params, err, errlen);

	PQclear(res);
	return res ? 0 : PK2D_ERR_IO;
}

static double col_num(const PGresult *res, int row, int col)
{
	return PQgetisnull(res, row, col) ? NAN : strtod(PQgetvalue(res, row, col), NULL);
}

/* A double as a parameter or a COPY field: NULL (and "\N") for NaN. */
static const char *num_text(double v, char *buf, size_t len)
{
	if (!isfinite(v))
		return NULL;
	snprintf(buf, len, "%.17g", v);
	return buf;
}

static void ignore_notice(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

/* A password in the address would sit in an INI file any reader of the
 * configuration sees: libpq's password file, service file or environment
 * keep it instead. */
static int refuse_password(const char *conninfo, char *err, size_t errlen)
{
	char *msg = NULL;
	PQconninfoOption *opts = PQconninfoParse(conninfo, &msg);
	int rc = 0;

	if (!opts) {
		/* Never the address as given: it may hold a password libpq did
		 * not take for one (PASSWORD=, a quote left open). */
		char a[512], m[512];
		size_t n;

		redact_address(conninfo, a, sizeof a);
		redact_address(msg ? msg : "out of memory", m, sizeof m);
		for (n = strlen(m); n > 0 && (m[n - 1] == '\n' || m[n - 1] == ' '); n--)
			m[n - 1] = '\0';
		store_set_err(err, errlen, "%s: %s", a, m);
		PQfreemem(msg);
		return PK2D_ERR_CONFIG;
	}
	for (PQconninfoOption *o = opts; o->keyword; o++)
		if (strcmp(o->keyword, "password") == 0 && o->val && *o->val) {
			store_set_err(err, errlen, "the PostgreSQL store's address carries a password:"
			              " remove it and keep the password in ~/.pgpass, in a service"
			              " file (service=NAME) or in the PGPASSWORD environment variable");
			rc = PK2D_ERR_CONFIG;
		}
	PQconninfoFree(opts);
	return rc;
}

/* The schema of pk2d's tables, quoted, in q (64 bytes and more). */
static int tables_schema(store *s, char *q, size_t len, char *err, size_t errlen)
{
	PGresult *res = run(s, "SELECT quote_ident(current_schema())", 0, NULL, err, errlen);

	if (!res)
		return PK2D_ERR_IO;
	snprintf(q, len, "%s", PQgetvalue(res, 0, 0));
	PQclear(res);
	return 0;
}

/* Brings a store of schema version v (0: none) to this build's, inside
 * pg_migrate's transaction. */
static int pg_upgrade(store *s, int v, char *err, size_t errlen)
{
	char q[160], fn[sizeof pg_may_write + 2 * sizeof q];
	int rc;

	if ((rc = tables_schema(s, q, sizeof q, err, errlen)) < 0)
		return rc;
	snprintf(fn, sizeof fn, pg_may_write, q, q);
	if (v == 0 && ((rc = store_pg_exec(s, pg_schema, 0, NULL, err, errlen)) < 0 ||
	               (rc = store_pg_exec(s, fn, 0, NULL, err, errlen)) < 0 ||
	               (rc = store_pg_exec(s, pg_policies_1, 0, NULL, err, errlen)) < 0 ||
	               (rc = store_pg_exec(s, "INSERT INTO pk2d_schema VALUES (1)", 0, NULL,
	                                   err, errlen)) < 0))
		return rc;
	if (v <= 1 && ((rc = store_pg_exec(s, fn, 0, NULL, err, errlen)) < 0 ||
	               (rc = store_pg_exec(s, pg_upgrade_2, 0, NULL, err, errlen)) < 0)) {
		/* Only the tables' owner may: an office's run stops until it has. */
		if (v == 1)
			store_set_err(err + strlen(err), errlen - strlen(err),
			              " (the store is of an older pk2d: run pk2d once as the"
			              " tables' owner to upgrade it, docs/store.md)");
		return rc;
	}
	return 0;
}

/* Creates the schema on a new database, or checks the version of an
 * existing one and upgrades it, in one transaction under pk2d's schema
 * lock. */
static int pg_migrate(store *s, char *err, size_t errlen)
{
	PGresult *res;
	int rc, v;

	if ((rc = store_pg_exec(s, "BEGIN", 0, NULL, err, errlen)) < 0)
		return rc;
	if ((rc = store_pg_exec(s, "SELECT pg_advisory_xact_lock(" STORE_PG_LOCK_CLASS ", 0)", 0, NULL,
	                 err, errlen)) < 0 ||
	    !(res = run(s, "SELECT to_regclass('pk2d_schema') IS NULL", 0, NULL, err, errlen))) {
		rc = PK2D_ERR_IO;
		goto fail;
	}
	v = strcmp(PQgetvalue(res, 0, 0), "t") == 0 ? 0 : -1;
	PQclear(res);
	if (v < 0) {
		if (!(res = run(s, "SELECT max(version) FROM pk2d_schema", 0, NULL, err, errlen))) {
			rc = PK2D_ERR_IO;
			goto fail;
		}
		v = atoi(PQgetvalue(res, 0, 0));
		PQclear(res);
	}
	if (v > PG_SCHEMA_VERSION) {
		store_set_err(err, errlen, "%s: written by a newer pk2d: schema version %d"
		              " (this pk2d knows %d)", s->path, v, PG_SCHEMA_VERSION);
		rc = PK2D_ERR_CONFIG;
		goto fail;
	}
	if (v < PG_SCHEMA_VERSION && (rc = pg_upgrade(s, v, err, errlen)) < 0)
		goto fail;
	return store_pg_exec(s, "COMMIT", 0, NULL, err, errlen);
fail:
	PQclear(PQexec(s->pg, "ROLLBACK"));
	return rc;
}

int store_pg_open(store *s, const char *conninfo, double lock_wait, char *err, size_t errlen)
{
	/* The address's own settings override these defaults. */
	const char *const keys[] = { "connect_timeout", "application_name", "dbname", NULL };
	const char *const vals[] = { "10", "pk2d", conninfo, NULL };
	char sql[64];
	int rc;

	if ((rc = refuse_password(conninfo, err, errlen)) < 0)
		return rc;
	s->pg = PQconnectdbParams(keys, vals, 1);
	if (!s->pg) {
		store_set_err(err, errlen, "%s: out of memory", conninfo);
		return PK2D_ERR_NOMEM;
	}
	if (PQstatus(s->pg) != CONNECTION_OK)
		return pg_fail(s, "cannot connect: ", err, errlen);
	PQsetNoticeProcessor(s->pg, ignore_notice, NULL);
	/* Another run of an overlapping area may hold its area's lock. */
	snprintf(sql, sizeof sql, "SET lock_timeout = %ld", (long)(lock_wait * 1000) + 1);
	if ((rc = store_pg_exec(s, sql, 0, NULL, err, errlen)) < 0)
		return rc;
	return pg_migrate(s, err, errlen);
}

void store_pg_close(store *s)
{
	if (s->pg)
		PQfinish(s->pg);
	s->pg = NULL;
}

/* The advisory locks of the run's area (see the top of this file). */
static int lock_area(store *s, const char *area, char *err, size_t errlen)
{
	char up[64];
	const char *p[1] = { up };
	int rc = 0;

	if (strcmp(area, "all") == 0)
		return store_pg_exec(s, "SELECT pg_advisory_xact_lock(" STORE_PG_LOCK_CLASS ", hashtext('all'))",
		              0, NULL, err, errlen);
	rc = store_pg_exec(s, "SELECT pg_advisory_xact_lock_shared(" STORE_PG_LOCK_CLASS ", hashtext('all'))",
	            0, NULL, err, errlen);
	for (const char *dot = strchr(area, '.'); dot && rc == 0; dot = strchr(dot + 1, '.')) {
		snprintf(up, sizeof up, "%.*s", (int)(dot - area), area);
		rc = store_pg_exec(s, "SELECT pg_advisory_xact_lock_shared(" STORE_PG_LOCK_CLASS ", hashtext($1))",
		            1, p, err, errlen);
	}
	snprintf(up, sizeof up, "%s", area);
	if (rc == 0)
		rc = store_pg_exec(s, "SELECT pg_advisory_xact_lock(" STORE_PG_LOCK_CLASS ", hashtext($1))",
		            1, p, err, errlen);
	return rc;
}

int store_pg_begin(store *s, const store_run_info *info, char *err, size_t errlen)
{
	char started[32], status[16];
	const char *p[6] = { started, info->period, info->area,
	                     info->config_digest ? info->config_digest : "",
	                     info->version ? info->version : "", status };
	PGresult *res;
	int rc;

	snprintf(started, sizeof started, "%lld", info->started);
	snprintf(status, sizeof status, "%d", info->status);
	if ((rc = store_pg_exec(s, "BEGIN", 0, NULL, err, errlen)) < 0)
		return rc;
	s->in_txn = 1;
	if ((rc = lock_area(s, info->area, err, errlen)) < 0)
		goto fail;
	if (!(res = run(s, "INSERT INTO runs(started, period, area, config_digest, version,"
	                " status) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id", 6, p, err, errlen))) {
		rc = PK2D_ERR_IO;
		goto fail;
	}
	s->run_id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	PQclear(res);
	return 0;
fail:
	store_pg_rollback(s);
	return rc;
}

int store_pg_put_plugins(store *s, const plugin_run *runs, size_t n, char *err, size_t errlen)
{
	int rc = 0;

	for (size_t i = 0; i < n && rc == 0; i++) {
		const plugin_run *r = &runs[i];
		long long rows = 0, rejected = 0;
		char b[7][32];

		for (size_t f = 0; f < r->n_files; f++) {
			rows += r->files[f]->records;
			rejected += r->files[f]->rejected;
		}
		snprintf(b[0], sizeof b[0], "%lld", s->run_id);
		snprintf(b[1], sizeof b[1], "%d", r->state);
		snprintf(b[2], sizeof b[2], "%.17g", r->seconds);
		snprintf(b[3], sizeof b[3], "%ld", r->values);
		snprintf(b[4], sizeof b[4], "%ld", r->refused);
		snprintf(b[5], sizeof b[5], "%lld", rows);
		snprintf(b[6], sizeof b[6], "%lld", rejected);
		const char *p[11] = { b[0], r->instance, r->module, r->agency, b[1], r->reason,
		                      b[2], b[3], b[4], b[5], b[6] };
		rc = store_pg_exec(s, "INSERT INTO plugin_runs VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)",
		            11, p, err, errlen);
	}
	return rc;
}

/* One declaration for meta, sorted by id: runs writing at the same time
 * update the shared rows in the same order and never deadlock. An office
 * (a role under row-level security) adds the ids the store does not hold
 * and leaves those it holds as they are: only the tables' owner changes a
 * declaration every area reads (docs/store.md). */
typedef struct decl {
	const char *id, *agency, *label_id, *label_en, *unit;
	int is_intervention, kind, direction;
} decl;

static int decl_cmp(const void *a, const void *b)
{
	return strcmp(((const decl *)a)->id, ((const decl *)b)->id);
}

static int put_meta(store *s, const registry *r, char *err, size_t errlen)
{
	size_t ni = registry_n_indicators(r), nv = registry_n_interventions(r), n = 0;
	decl *d = calloc(ni + nv + 1, sizeof *d);
	char active[8] = "";
	int rc = 0, office;

	if (!d) {
		store_set_err(err, errlen, "%s: out of memory", s->path);
		return PK2D_ERR_NOMEM;
	}
	for (size_t i = 0; i < ni; i++) {
		const reg_indicator *x = registry_indicator_at(r, i);

		d[n++] = (decl){ x->full_id, x->agency, x->label_id, x->label_en, x->unit, 0,
		                 x->kind, x->direction };
	}
	for (size_t i = 0; i < nv; i++) {
		const reg_intervention *x = registry_intervention_at(r, i);

		d[n++] = (decl){ x->full_id, x->agency, x->label_id, x->label_en, x->unit, 1,
		                 -1, -1 };
	}
	qsort(d, n, sizeof *d, decl_cmp);
	if ((office = store_pg_first(s, "SELECT row_security_active('meta')::int", 0, NULL,
	                             active, sizeof active, err, errlen)) < 0)
		rc = office;
	else
		office = strcmp(active, "1") == 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		char b[4][32];

		snprintf(b[0], sizeof b[0], "%d", d[i].is_intervention);
		snprintf(b[1], sizeof b[1], "%d", d[i].kind);
		snprintf(b[2], sizeof b[2], "%d", d[i].direction);
		snprintf(b[3], sizeof b[3], "%lld", s->run_id);
		const char *p[9] = { d[i].id, b[0], d[i].agency, d[i].label_id, d[i].label_en,
		                     d[i].unit, d[i].is_intervention ? NULL : b[1],
		                     d[i].is_intervention ? NULL : b[2], b[3] };
		rc = store_pg_exec(s, office ? "INSERT INTO meta VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)"
		            " ON CONFLICT (id) DO NOTHING" :
		            "INSERT INTO meta VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)"
		            " ON CONFLICT (id) DO UPDATE SET is_intervention = excluded.is_intervention,"
		            " agency = excluded.agency, label_id = excluded.label_id,"
		            " label_en = excluded.label_en, unit = excluded.unit,"
		            " kind = excluded.kind, direction = excluded.direction,"
		            " last_run = excluded.last_run", 9, p, err, errlen);
	}
	free(d);
	return rc;
}

int store_pg_copy_begin(store *s, const char *table, store_pg_copy *c, char *err,
                        size_t errlen)
{
	char sql[160];
	PGresult *res;
	int rc;

	*c = (store_pg_copy){ .s = s, .table = table, .err = err, .errlen = errlen };
	snprintf(sql, sizeof sql, "CREATE TEMPORARY TABLE copy_%s (LIKE %s) ON COMMIT DROP",
	         table, table);
	if ((rc = store_pg_exec(s, sql, 0, NULL, err, errlen)) < 0)
		return rc;
	snprintf(sql, sizeof sql, "COPY copy_%s FROM STDIN", table);
	res = PQexec(s->pg, sql);
	rc = PQresultStatus(res) == PGRES_COPY_IN ? 0 : pg_fail(s, "", err, errlen);
	PQclear(res);
	return rc;
}

static int copy_flush(store_pg_copy *c)
{
	if (c->buf.len && PQputCopyData(c->s->pg, (const char *)c->buf.p, (int)c->buf.len) != 1)
		return pg_fail(c->s, "", c->err, c->errlen);
	c->buf.len = 0;
	return 0;
}

static int copy_add(store_pg_copy *c, const char *text, size_t n)
{
	if (c->buf.len + n > c->buf.cap) {
		size_t cap = (c->buf.len + n) * 2;
		unsigned char *p = realloc(c->buf.p, cap);

		if (!p) {
			store_set_err(c->err, c->errlen, "%s: out of memory", c->s->path);
			return PK2D_ERR_NOMEM;
		}
		c->buf.p = p;
		c->buf.cap = cap;
	}
	memcpy(c->buf.p + c->buf.len, text, n);
	c->buf.len += n;
	return 0;
}

/* A text field of a COPY line, after a tab unless first; NULL is "\N".
 * COPY's text format takes a backslash, tab, line feed or carriage return
 * only escaped. */
static int copy_field(store_pg_copy *c, const char *text, int first)
{
	int rc = first ? 0 : copy_add(c, "\t", 1);

	if (!text)
		return rc ? rc : copy_add(c, "\\N", 2);
	for (const char *t = text; *t && rc == 0; t++) {
		const char *e = *t == '\\' ? "\\\\" : *t == '\t' ? "\\t" : *t == '\n' ? "\\n" :
		                *t == '\r' ? "\\r" : NULL;

		rc = e ? copy_add(c, e, 2) : copy_add(c, t, 1);
	}
	return rc;
}

int store_pg_copy_line(store_pg_copy *c, const char *area, int rt, const char *period,
                       const char *id, long long run_id, const double *v, int nd,
                       int with_category, const char *category)
{
	char b[2][32], num[32];
	int rc;

	snprintf(b[0], sizeof b[0], "%d", rt);
	snprintf(b[1], sizeof b[1], "%lld", run_id);
	rc = copy_field(c, area, 1);
	if (rc == 0)
		rc = copy_field(c, b[0], 0);
	if (rc == 0)
		rc = copy_field(c, period, 0);
	if (rc == 0)
		rc = copy_field(c, id, 0);
	if (rc == 0)
		rc = copy_field(c, b[1], 0);
	for (int i = 0; i < nd && rc == 0; i++)
		rc = copy_field(c, num_text(v[i], num, sizeof num), 0);
	if (rc == 0 && with_category)
		rc = copy_field(c, category, 0);
	if (rc == 0)
		rc = copy_add(c, "\n", 1);
	if (rc < 0)
		return rc;
	return c->buf.len >= 65536 ? copy_flush(c) : 0;
}

int store_pg_copy_end(store_pg_copy *c, int rc, const char *on_conflict)
{
	char sql[160];
	PGresult *res;

	if (rc == 0)
		rc = copy_flush(c);
	/* Ending the COPY with an error message aborts it (and the transaction). */
	if (PQputCopyEnd(c->s->pg, rc == 0 ? NULL : "pk2d: the write failed") != 1 && rc == 0)
		rc = pg_fail(c->s, "", c->err, c->errlen);
	while ((res = PQgetResult(c->s->pg))) {
		if (PQresultStatus(res) != PGRES_COMMAND_OK && rc == 0)
			rc = pg_fail(c->s, "", c->err, c->errlen);
		PQclear(res);
	}
	store_buf_free(&c->buf);
	snprintf(sql, sizeof sql, "INSERT INTO %s SELECT * FROM copy_%s %s", c->table, c->table,
	         on_conflict);
	return rc < 0 ? rc : store_pg_exec(c->s, sql, 0, NULL, c->err, c->errlen);
}

/* What the registry's walk writes with. */
typedef struct put_ctx {
	store_pg_copy copy;
	const registry *r;
	int ivals;
} put_ctx;

static int copy_area(void *ctx, const store_row *w)
{
	put_ctx *c = ctx;
	long long run = c->copy.s->run_id;
	int rc = 0;

	if (!c->ivals)
		for (size_t i = 0; i < registry_n_indicators(c->r) && rc == 0; i++) {
			const reg_indicator *d = registry_indicator_at(c->r, i);
			const reg_sum *sum = &w->sum[i];

			if (!w->has[i])
				continue;
			double v[REC_VALS] = { sum->num, sum->den, reg_value(d, sum),
			                       d->has_target ? d->target : NAN };
			rc = store_pg_copy_line(&c->copy, w->area, w->rt, w->period, d->full_id, run,
			                        v, REC_VALS, 0, NULL);
		}
	else
		for (size_t i = 0; i < registry_n_interventions(c->r) && rc == 0; i++) {
			const reg_isum *sum = &w->isum[i];

			if (!w->ihas[i])
				continue;
			double v[REC_IVALS] = { sum->target, sum->realised, sum->budget };
			rc = store_pg_copy_line(&c->copy, w->area, w->rt, w->period,
			                        registry_intervention_at(c->r, i)->full_id, run, v,
			                        REC_IVALS, 0, NULL);
		}
	return rc;
}

/* The run's figures into vals (or ivals): COPY into a temporary table,
 * then one INSERT, as row-level security refuses COPY into its tables. */
static int copy_table(store *s, const registry *r, int ivals, char *const *periods, size_t np,
                      char *err, size_t errlen)
{
	put_ctx c = { .r = r, .ivals = ivals };
	int rc = store_pg_copy_begin(s, ivals ? "ivals" : "vals", &c.copy, err, errlen);

	if (rc < 0)
		return rc;
	rc = store_walk_registry(s, r, periods, np, copy_area, &c, err, errlen);
	return store_pg_copy_end(&c.copy, rc, "");
}

int store_pg_put_registry(store *s, const registry *r, char *const *periods, size_t np,
                          char *err, size_t errlen)
{
	int rc = put_meta(s, r, err, errlen);

	if (rc == 0)
		rc = copy_table(s, r, 0, periods, np, err, errlen);
	if (rc == 0)
		rc = copy_table(s, r, 1, periods, np, err, errlen);
	return rc;
}

int store_pg_put_score(store *s, const char *area, int rt, const char *period,
                       const char *item, double value, const char *category,
                       char *err, size_t errlen)
{
	char b[3][32];
	const char *p[7] = { area, b[0], period, item, b[1],
	                     num_text(value, b[2], sizeof b[2]), category };

	snprintf(b[0], sizeof b[0], "%d", rt);
	snprintf(b[1], sizeof b[1], "%lld", s->run_id);
	/* The last score of an item in a run is the one kept. */
	return store_pg_exec(s, "INSERT INTO scores VALUES ($1,$2,$3,$4,$5,$6,$7)"
	              " ON CONFLICT (area, rt, period, id) DO UPDATE SET run_id = excluded.run_id,"
	              " value = excluded.value, category = excluded.category", 7, p, err, errlen);
}

void store_pg_rollback(store *s)
{
	if (s->in_txn)
		PQclear(PQexec(s->pg, "ROLLBACK"));
	s->in_txn = 0;
}

/* The first column of every row of res, as a malloc'd array of strings. */
static long column_strings(store *s, PGresult *res, char ***out, char *err, size_t errlen)
{
	int n = PQntuples(res);
	char **v = calloc((size_t)n + 1, sizeof *v);

	for (int i = 0; v && i < n; i++)
		if (!(v[i] = strdup(PQgetvalue(res, i, 0)))) {
			store_free_strings(v, (size_t)i);
			v = NULL;
		}
	PQclear(res);
	if (!v) {
		store_set_err(err, errlen, "%s: out of memory", s->path);
		return PK2D_ERR_NOMEM;
	}
	*out = v;
	return n;
}

long store_pg_strings(store *s, const char *sql, const char *param, char ***out, char *err,
                      size_t errlen)
{
	const char *p[1] = { param };
	PGresult *res = run(s, sql, 1, p, err, errlen);

	return res ? column_strings(s, res, out, err, errlen) : PK2D_ERR_IO;
}

int store_pg_area_rows(store *s, const char *table, const char *area, int rt,
                       int (*fn)(void *ctx, const char *id, const char *period,
                                 const double *v, int nd),
                       void *ctx, char *err, size_t errlen)
{
	int f = figures_of(table), n, rc = 0;
	char sql[160], b[16];
	const char *p[2] = { area, b };
	PGresult *res;

	snprintf(b, sizeof b, "%d", rt);
	snprintf(sql, sizeof sql, "SELECT id, period, %s FROM %s WHERE area = $1 AND rt = $2",
	         figures[f].cols, figures[f].table);
	if (!(res = run(s, sql, 2, p, err, errlen)))
		return PK2D_ERR_IO;
	n = PQntuples(res);
	for (int i = 0; i < n && rc == 0; i++) {
		double rec[REC_VALS];

		for (int k = 0; k < figures[f].nd; k++)
			rec[k] = col_num(res, i, 2 + k);
		rc = fn(ctx, PQgetvalue(res, i, 0), PQgetvalue(res, i, 1), rec, figures[f].nd);
	}
	PQclear(res);
	return rc;
}

static void copy_value(const PGresult *res, int col, char *out, size_t len)
{
	snprintf(out, len, "%s", PQgetvalue(res, 0, col));
}

int store_pg_meta_of(store *s, const char *id, store_meta *out, char *err, size_t errlen)
{
	const char *p[1] = { id };
	PGresult *res = run(s, "SELECT is_intervention, label_id, label_en, unit,"
	                    " coalesce(kind, 0), coalesce(direction, 0), agency FROM meta"
	                    " WHERE id = $1",
	                    1, p, err, errlen);
	int found;

	if (!res)
		return PK2D_ERR_IO;
	if ((found = PQntuples(res) > 0)) {
		out->is_intervention = atoi(PQgetvalue(res, 0, 0));
		copy_value(res, 1, out->label_id, sizeof out->label_id);
		copy_value(res, 2, out->label_en, sizeof out->label_en);
		copy_value(res, 3, out->unit, sizeof out->unit);
		out->kind = atoi(PQgetvalue(res, 0, 4));
		out->direction = atoi(PQgetvalue(res, 0, 5));
		copy_value(res, 6, out->agency, sizeof out->agency);
	}
	PQclear(res);
	return found;
}

int store_pg_first(store *s, const char *sql, int n, const char *const *p, char *out,
                       size_t outlen, char *err, size_t errlen)
{
	PGresult *res = run(s, sql, n, p, err, errlen);
	int found;

	if (!res)
		return PK2D_ERR_IO;
	if ((found = PQntuples(res) > 0 && !PQgetisnull(res, 0, 0)))
		copy_value(res, 0, out, outlen);
	PQclear(res);
	return found;
}

int store_pg_get_category(store *s, const char *area, int rt, const char *period,
                          const char *item, char *out, size_t outlen, char *err, size_t errlen)
{
	char b[16];
	const char *p[4] = { area, b, period, item };

	snprintf(b, sizeof b, "%d", rt);
	return store_pg_first(s, "SELECT category FROM scores WHERE area = $1 AND rt = $2"
	                   " AND period = $3 AND id = $4", 4, p, out, outlen, err, errlen);
}

long store_pg_ids(store *s, char ***out, char *err, size_t errlen)
{
	PGresult *res = run(s, "SELECT id FROM (SELECT id FROM meta UNION SELECT id FROM scores)"
	                    " AS x ORDER BY id COLLATE \"C\"", 0, NULL, err, errlen);

	return res ? column_strings(s, res, out, err, errlen) : PK2D_ERR_IO;
}

/* The store is whole when its schema is this build's and every figure and
 * plugin status belongs to a stored run. */
int store_pg_check(store *s, char *err, size_t errlen)
{
	PGresult *res = run(s, "SELECT (SELECT max(version) FROM pk2d_schema),"
	                    " (SELECT count(*) FROM vals x WHERE NOT EXISTS"
	                    "  (SELECT 1 FROM runs r WHERE r.id = x.run_id))"
	                    " + (SELECT count(*) FROM ivals x WHERE NOT EXISTS"
	                    "  (SELECT 1 FROM runs r WHERE r.id = x.run_id))"
	                    " + (SELECT count(*) FROM scores x WHERE NOT EXISTS"
	                    "  (SELECT 1 FROM runs r WHERE r.id = x.run_id))",
	                    0, NULL, err, errlen);
	int rc = 0;

	if (!res)
		return PK2D_ERR_IO;
	if (atoi(PQgetvalue(res, 0, 0)) != PG_SCHEMA_VERSION) {
		store_set_err(err, errlen, "%s: schema version %s, not %d", s->path,
		              PQgetvalue(res, 0, 0), PG_SCHEMA_VERSION);
		rc = PK2D_ERR_IO;
	} else if (strcmp(PQgetvalue(res, 0, 1), "0") != 0) {
		store_set_err(err, errlen, "%s: %s figures of no stored run", s->path,
		              PQgetvalue(res, 0, 1));
		rc = PK2D_ERR_IO;
	}
	PQclear(res);
	return rc;
}

long store_pg_count_runs(store *s, char *err, size_t errlen)
{
	PGresult *res = run(s, "SELECT count(*) FROM runs", 0, NULL, err, errlen);
	long n;

	if (!res)
		return PK2D_ERR_IO;
	n = strtol(PQgetvalue(res, 0, 0), NULL, 10);
	PQclear(res);
	return n;
}
