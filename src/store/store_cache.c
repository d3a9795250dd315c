/*
 * store_cache.c - what a report reads from the store again and again, read
 * once: the figures of a whole area (every id and period of an area and
 * RT, on PostgreSQL, whose tables hold one row per id), the lists of
 * areas and periods below an area, and the metadata of an id. A report
 * reads them for every indicator of every area it shows: without this,
 * one query per figure (some 55,000 for a regency, docs/performance.md).
 *
 * The cache holds what the store held when it was read: every write
 * (store_begin, store_put_registry, store_put_score, store_rollback)
 * forgets it.
 */
#include <config.h>

#include "store_priv.h"
#include "util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* One row of a figures table. */
typedef struct crow {
	char *id;
	char period[16];
	double v[REC_VALS];
} crow;

/* Every row of (table, area, rt), sorted by (id, period). */
typedef struct carea {
	const char *table;       /* "vals", "ivals" or "scores" */
	int rt;
	char *area;
	crow *rows;
	size_t n, cap;
} carea;

/* The rows of a query of store_read_strings (sql, its literal's address, and its
 * parameter). */
typedef struct cstrings {
	const char *sql;
	char *param;
	char **v;
	size_t n;
} cstrings;

typedef struct cmeta {
	char *id;
	int found;
	store_meta m;
} cmeta;

struct store_cache {
	carea *areas;             /* sorted by (table, rt, area) */
	size_t n_areas, cap_areas;
	cstrings *strings;        /* in the order read */
	size_t n_strings, cap_strings;
	/* Open addressing over strings: 1 + the index of an entry, 0 for
	 * none; n_slots a power of two, at most half full. A report asks for
	 * the periods of each of its thousands of villages once. */
	uint32_t *slots;
	size_t n_slots;
	cmeta *metas;             /* sorted by id */
	size_t n_metas;
};

void store_cache_forget(store *s)
{
	store_cache *c = s->rcache;

	for (int t = 0; t < N_TABLES; t++)
		store_rows_forget(&s->rows[t]);
	if (!c)
		return;
	for (size_t i = 0; i < c->n_areas; i++) {
		for (size_t j = 0; j < c->areas[i].n; j++)
			free(c->areas[i].rows[j].id);
		free(c->areas[i].rows);
		free(c->areas[i].area);
	}
	for (size_t i = 0; i < c->n_strings; i++) {
		free(c->strings[i].param);
		store_free_strings(c->strings[i].v, c->strings[i].n);
	}
	for (size_t i = 0; i < c->n_metas; i++)
		free(c->metas[i].id);
	free(c->areas);
	free(c->strings);
	free(c->slots);
	free(c->metas);
	free(c);
	s->rcache = NULL;
}

static store_cache *cache_of(store *s)
{
	if (!s->rcache)
		s->rcache = calloc(1, sizeof *s->rcache);
	return s->rcache;
}

static int nomem(store *s, char *err, size_t errlen)
{
	store_set_err(err, errlen, "%s: out of memory", s->path);
	return PK2D_ERR_NOMEM;
}

static char **dup_strings(char *const *v, size_t n)
{
	char **d = malloc((n ? n : 1) * sizeof *d);

	for (size_t i = 0; d && i < n; i++)
		if (!(d[i] = strdup(v[i]))) {
			store_free_strings(d, i);
			return NULL;
		}
	return d;
}

/* The hash of the query's address and its parameter. */
static size_t strings_hash(const char *sql, const char *param)
{
	return (size_t)str_hash((uint64_t)(uintptr_t)sql, param);
}

/* The slot of (sql, param): its entry's, or the empty one where it goes. */
static uint32_t *strings_slot(const store_cache *c, const char *sql, const char *param)
{
	size_t mask = c->n_slots - 1, i = strings_hash(sql, param) & mask;

	for (;; i = (i + 1) & mask) {
		const cstrings *e;

		if (!c->slots[i])
			return &c->slots[i];
		e = &c->strings[c->slots[i] - 1];
		if (e->sql == sql && !strcmp(e->param, param))
			return &c->slots[i];
	}
}

/* Room for one entry more, the slots at most half full. 0 or -1. */
static int strings_room(store_cache *c)
{
	cstrings *nv;
	uint32_t *slots;
	size_t n = c->n_slots ? c->n_slots : 64;

	if (c->n_strings == c->cap_strings) {
		size_t cap = c->cap_strings ? 2 * c->cap_strings : 64;

		if (!(nv = realloc(c->strings, cap * sizeof *nv)))
			return -1;
		c->strings = nv;
		c->cap_strings = cap;
	}
	if (2 * (c->n_strings + 1) <= c->n_slots)
		return 0;
	while (2 * (c->n_strings + 1) > n)
		n *= 2;
	if (n > UINT32_MAX || !(slots = calloc(n, sizeof *slots)))
		return -1;
	free(c->slots);
	c->slots = slots;
	c->n_slots = n;
	for (size_t i = 0; i < c->n_strings; i++)
		*strings_slot(c, c->strings[i].sql, c->strings[i].param) = (uint32_t)i + 1;
	return 0;
}

long store_cache_strings(store *s, const char *sql, const char *param, char ***out,
                         char *err, size_t errlen)
{
	store_cache *c = cache_of(s);
	uint32_t *slot;
	cstrings *e;
	char **v, *p;
	long n;

	if (!c)
		return nomem(s, err, errlen);
	if (c->n_slots && *(slot = strings_slot(c, sql, param))) {
		e = &c->strings[*slot - 1];
		if (!(*out = dup_strings(e->v, e->n)))
			return nomem(s, err, errlen);
		return (long)e->n;
	}
	if ((n = store_read_strings(s, sql, param, &v, err, errlen)) < 0)
		return n;
	p = strings_room(c) == 0 ? strdup(param) : NULL;
	if (!p || !(*out = dup_strings(v, (size_t)n))) {
		free(p);
		store_free_strings(v, (size_t)n);
		return nomem(s, err, errlen);
	}
	e = &c->strings[c->n_strings];
	*e = (cstrings){ .sql = sql, .param = p, .v = v, .n = (size_t)n };
	*strings_slot(c, sql, param) = (uint32_t)++c->n_strings;
	return n;
}

static int cmp_meta(const void *key, const void *m)
{
	return strcmp(key, ((const cmeta *)m)->id);
}

int store_cache_meta(store *s, const char *id, store_meta *out, char *err, size_t errlen)
{
	store_cache *c = cache_of(s);
	cmeta *m, *nv;
	size_t at = 0;
	int rc;

	if (!c)
		return nomem(s, err, errlen);
	if (c->n_metas && (m = bsearch(id, c->metas, c->n_metas, sizeof *m, cmp_meta))) {
		if (m->found)
			*out = m->m;
		return m->found;
	}
	if ((rc = store_read_meta(s, id, out, err, errlen)) < 0)
		return rc;
	while (at < c->n_metas && strcmp(c->metas[at].id, id) < 0)
		at++;
	if (!(nv = realloc(c->metas, (c->n_metas + 1) * sizeof *nv)))
		return nomem(s, err, errlen);
	c->metas = nv;
	memmove(nv + at + 1, nv + at, (c->n_metas - at) * sizeof *nv);
	if (!(nv[at].id = strdup(id))) {
		memmove(nv + at, nv + at + 1, (c->n_metas - at) * sizeof *nv);
		return nomem(s, err, errlen);
	}
	c->n_metas++;
	nv[at].found = rc;
	if (rc)
		nv[at].m = *out;
	return rc;
}

/* The order of areas: table, rt, area. */
static int cmp_area(const char *table, int rt, const char *area, const carea *a)
{
	int d = strcmp(table, a->table);

	if (d)
		return d;
	if (rt != a->rt)
		return rt < a->rt ? -1 : 1;
	return strcmp(area, a->area);
}

static int cmp_row(const void *a, const void *b)
{
	const crow *x = a, *y = b;
	int d = strcmp(x->id, y->id);

	return d ? d : strcmp(x->period, y->period);
}

/* Takes one row from store_pg_area_rows. */
static int add_row(void *ctx, const char *id, const char *period, const double *v, int nd)
{
	carea *a = ctx;
	crow *r;

	if (a->n == a->cap) {
		size_t cap = a->cap ? a->cap * 2 : 64;

		if (!(r = realloc(a->rows, cap * sizeof *r)))
			return PK2D_ERR_NOMEM;
		a->rows = r;
		a->cap = cap;
	}
	r = &a->rows[a->n];
	if (!(r->id = strdup(id)))
		return PK2D_ERR_NOMEM;
	snprintf(r->period, sizeof r->period, "%s", period);
	memcpy(r->v, v, (size_t)nd * sizeof *v);
	a->n++;
	return 0;
}

/* The rows of (table, area, rt), read from the server the first time. */
static carea *area_rows(store *s, const char *table, const char *area, int rt, int *rc,
                        char *err, size_t errlen)
{
	store_cache *c = cache_of(s);
	size_t lo = 0, hi;
	carea a = { .table = table, .rt = rt }, *nv = NULL;

	if (!c) {
		*rc = nomem(s, err, errlen);
		return NULL;
	}
	hi = c->n_areas;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int d = cmp_area(table, rt, area, &c->areas[mid]);

		if (d == 0)
			return &c->areas[mid];
		if (d < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	if (!(a.area = strdup(area))) {
		*rc = nomem(s, err, errlen);
		return NULL;
	}
	*rc = store_pg_area_rows(s, table, area, rt, add_row, &a, err, errlen);
	/* Grown by doubling: a report reads thousands of villages. */
	if (*rc == 0 && c->n_areas == c->cap_areas) {
		size_t cap = c->cap_areas ? 2 * c->cap_areas : 64;

		if ((nv = realloc(c->areas, cap * sizeof *nv))) {
			c->areas = nv;
			c->cap_areas = cap;
		} else {
			*rc = nomem(s, err, errlen);
		}
	}
	if (*rc < 0) {
		if (*rc == PK2D_ERR_NOMEM)
			nomem(s, err, errlen);
		for (size_t j = 0; j < a.n; j++)
			free(a.rows[j].id);
		free(a.rows);
		free(a.area);
		return NULL;
	}
	if (a.n)
		qsort(a.rows, a.n, sizeof *a.rows, cmp_row);
	nv = c->areas;
	memmove(nv + lo + 1, nv + lo, (c->n_areas - lo) * sizeof *nv);
	nv[lo] = a;
	c->n_areas++;
	return &nv[lo];
}

/* The first row of id in a, or a->n when there is none. */
static size_t first_of(const carea *a, const char *id)
{
	size_t lo = 0, hi = a->n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (strcmp(a->rows[mid].id, id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < a->n && !strcmp(a->rows[lo].id, id) ? lo : a->n;
}

int store_cache_get(store *s, const char *table, const char *id, const char *area, int rt,
                    const char *period, double *v, int nd, char *err, size_t errlen)
{
	int rc = 0;
	carea *a = area_rows(s, table, area, rt, &rc, err, errlen);

	if (!a)
		return rc;
	for (size_t i = first_of(a, id); i < a->n && !strcmp(a->rows[i].id, id); i++)
		if (!strcmp(a->rows[i].period, period)) {
			memcpy(v, a->rows[i].v, (size_t)nd * sizeof *v);
			return 1;
		}
	return 0;
}

long store_cache_series(store *s, const char *table, const char *id, const char *area, int rt,
                        size_t elem, store_conv conv, void **out, char *err, size_t errlen)
{
	int rc = 0;
	carea *a = area_rows(s, table, area, rt, &rc, err, errlen);
	size_t first, n = 0;
	char *v;

	*out = NULL;
	if (!a)
		return rc;
	first = first_of(a, id);
	while (first + n < a->n && !strcmp(a->rows[first + n].id, id))
		n++;
	if (!(v = calloc(n + 1, elem)))
		return nomem(s, err, errlen);
	for (size_t i = 0; i < n; i++)
		conv(a->rows[first + i].period, a->rows[first + i].v, v + i * elem);
	store_sort_series(v, n, elem);
	*out = v;
	return (long)n;
}
