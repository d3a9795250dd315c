/*
 * store_agency.c - the agency an area's own run stored for an intervention
 * (store.h, store_agency_of): each office's run keeps its instances'
 * [plugin.NAME] agency with its plugin runs, while meta holds one agency
 * per id for every area (docs/store.md), so that a regency's evaluation
 * lists its interventions under its own agencies, not another regency's.
 */
#include <config.h>

#include "store_priv.h"

#include <stdio.h>
#include <string.h>

/* The plugin run of the run that stored the figures of (area, rt, period)
 * whose instance prefixes id ("instance.key"; the longest such instance). */
#define AGENCY_SQL(P1, P2, P3, P4, TABLE_ID) \
	"SELECT p.agency FROM ivals x JOIN plugin_runs p ON p.run_id = x.run_id" \
	" WHERE x.area = " P2 " AND x.rt = " P3 " AND x.period = " P4 TABLE_ID \
	" AND substr(" P1 ", 1, length(p.instance) + 1) = p.instance || '.'" \
	" AND coalesce(p.agency, '') <> ''" \
	" ORDER BY length(p.instance) DESC LIMIT 1"

int store_agency_of(store *s, const char *id, const char *area, int rt, const char *period,
                    char *out, size_t outlen, char *err, size_t errlen)
{
	char b[16];
	sqlite3_stmt *st;
	int rc;

	snprintf(b, sizeof b, "%d", rt);
	if (s->pg) {
		const char *p[4] = { id, area, b, period };

		return store_pg_first(s, AGENCY_SQL("$1", "$2", "$3::integer", "$4",
		                                    " AND x.id = $1"), 4, p, out, outlen,
		                      err, errlen);
	}
	/* SQLite keeps one record of every id per (area, rt, period). */
	if ((rc = store_prepare(s, AGENCY_SQL("?1", "?2", "?3", "?4", ""), &st, err,
	                        errlen)) < 0)
		return rc;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, area, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 3, rt);
	sqlite3_bind_text(st, 4, period, -1, SQLITE_TRANSIENT);
	return store_one_text(s, st, out, outlen, err, errlen);
}
