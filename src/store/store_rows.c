/*
 * store_rows.c - the packed rows of one area and RT of an SQLite figures
 * table, decoded once and kept while a report reads them: its trends ask
 * for each problem's indicator, each intervention and each score of an
 * area in turn, and each question would otherwise read the area's rows
 * again and walk their records to the one asked for.
 */
#include <config.h>

#include "store_priv.h"

#include <stdlib.h>
#include <string.h>

void store_rows_forget(store_rows *m)
{
	/* Called at every write: most often there is nothing to forget. */
	if (!m->area && !m->cap_rows && !m->cap_recs)
		return;
	free(m->area);
	free(m->period);
	free(m->first);
	free(m->recs);
	memset(m, 0, sizeof *m);
}

/* Records in key order, and of one key in the order written. */
static int cmp_rec(const void *a, const void *b)
{
	const store_rows_rec *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Room for one more row, and for the records of a blob of len bytes (each
 * record takes at least 3 of them). */
static int room(store_rows *m, size_t len)
{
	size_t need = m->n_recs + len / 3 + 1;

	if (m->n_rows + 2 > m->cap_rows) {
		size_t cap = m->cap_rows ? m->cap_rows * 2 : 8;
		char (*p)[16] = realloc(m->period, cap * sizeof *p);
		size_t *f;

		if (!p)
			return -1;
		m->period = p;
		if (!(f = realloc(m->first, cap * sizeof *f)))
			return -1;
		m->first = f;
		m->cap_rows = cap;
	}
	if (need > m->cap_recs) {
		size_t cap = m->cap_recs ? m->cap_recs : 256;
		store_rows_rec *r;

		while (cap < need)
			cap *= 2;
		if (!(r = realloc(m->recs, cap * sizeof *r)))
			return -1;
		m->recs = r;
		m->cap_recs = cap;
	}
	return 0;
}

int store_rows_add(store_rows *m, const char *period, const void *blob, size_t len, int nd)
{
	const unsigned char *p = blob, *end = p + len;
	size_t first = m->n_recs, k = first;

	if (room(m, len) < 0)
		return PK2D_ERR_NOMEM;
	snprintf(m->period[m->n_rows], sizeof m->period[m->n_rows], "%s", period);
	m->first[m->n_rows] = first;
	while (p < end) {
		store_rows_rec *r = &m->recs[m->n_recs];

		if (store_rec_next(&p, end, nd, &r->key, &r->aux, r->v) < 0)
			break;
		r->seq = (uint32_t)(m->n_recs - first);
		m->n_recs++;
	}
	/* A key written twice in a row (a score written again in a run): the
	 * last is the one kept. */
	qsort(m->recs + first, m->n_recs - first, sizeof *m->recs, cmp_rec);
	for (size_t i = first; i < m->n_recs; i++)
		if (i + 1 == m->n_recs || m->recs[i + 1].key != m->recs[i].key)
			m->recs[k++] = m->recs[i];
	m->n_recs = k;
	m->first[++m->n_rows] = k;
	return 0;
}

int store_rows_load(store_rows *m, sqlite3_stmt *st, int nd, const char *area, int rt)
{
	int rc;

	free(m->area);
	m->area = NULL;
	m->n_rows = m->n_recs = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *period = (const char *)sqlite3_column_text(st, 0);
		const void *blob = sqlite3_column_blob(st, 1);

		if (store_rows_add(m, period ? period : "", blob, (size_t)sqlite3_column_bytes(st, 1),
		                   nd) < 0)
			return PK2D_ERR_NOMEM;
	}
	if (rc != SQLITE_DONE)
		return PK2D_ERR_IO;
	if (!(m->area = strdup(area)))
		return PK2D_ERR_NOMEM;
	m->rt = rt;
	return 0;
}

int store_rows_hold(const store_rows *m, const char *area, int rt)
{
	return m->area && m->rt == rt && strcmp(m->area, area) == 0;
}

const store_rows_rec *store_rows_find(const store_rows *m, size_t row, uint32_t key)
{
	size_t lo = m->first[row], hi = m->first[row + 1];

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (m->recs[mid].key == key)
			return &m->recs[mid];
		if (m->recs[mid].key < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}
