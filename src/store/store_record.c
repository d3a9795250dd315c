/*
 * store_record.c - the packed records of an area's values (one BLOB per
 * area, RT and period instead of one row per value: a province run keeps
 * about 1.5 million values of its RTs) and the dictionary that gives every
 * id, score item and category a small integer key.
 */
#include <config.h>

#include "store_priv.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pk2d/plugin.h"

/* A record: the key and the aux as varints (7 bits a byte, low first, the
 * high bit set on every byte but the last), one tag byte with two bits per
 * double (low bits first), then each double as its tag says: */
enum {
	TAG_F64 = 0,          /* 8 bytes, IEEE 754, little-endian */
	TAG_UINT = 1,         /* a whole number >= 0 below 2^53, as a varint */
	TAG_NAN = 2,          /* none: no bytes */
	TAG_NEG = 3           /* a whole number < 0 above -2^53, its negation as a varint */
};
#define REC_MAX (10 + 10 + 1 + 4 * 10)

static size_t put_varint(unsigned char *p, uint64_t v)
{
	size_t n = 0;

	while (v >= 0x80) {
		p[n++] = (unsigned char)(v | 0x80);
		v >>= 7;
	}
	p[n++] = (unsigned char)v;
	return n;
}

/* The varint at p (before end): its length, 0 when cut short. */
static size_t get_varint(const unsigned char *p, const unsigned char *end, uint64_t *v)
{
	size_t n = 0;

	*v = 0;
	while (p + n < end && n < 10) {
		*v |= (uint64_t)(p[n] & 0x7f) << (7 * n);
		if (!(p[n++] & 0x80))
			return n;
	}
	return 0;
}

#define TWO_53 9007199254740992.0

/* A whole number's tag by a signed conversion (an unsigned one costs
 * branches on x86-64); -0 is kept as F64, and so are NaN and infinities. */
static int tag_of(double d)
{
	if (d > -TWO_53 && d < TWO_53) {
		int64_t i = (int64_t)d;

		if ((double)i == d && (i != 0 || !signbit(d)))
			return i >= 0 ? TAG_UINT : TAG_NEG;
		return TAG_F64;
	}
	return isnan(d) ? TAG_NAN : TAG_F64;
}

/* The 8 bytes of d, little-endian. */
static unsigned char *put_f64(unsigned char *p, double d)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	memcpy(p, &d, 8);
#else
	uint64_t u;

	memcpy(&u, &d, sizeof u);
	for (int k = 0; k < 8; k++)
		p[k] = (unsigned char)(u >> (8 * k));
#endif
	return p + 8;
}

int store_buf_add(store_buf *b, uint32_t key, uint32_t aux, const double *v, int nd)
{
	unsigned char *p, tags = 0;
	int tag[4];

	if (nd < 0 || nd > 4)
		return PK2D_ERR_INVALID;
	if (b->len + REC_MAX > b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 1024;

		if (!(p = realloc(b->p, cap)))
			return PK2D_ERR_NOMEM;
		b->p = p;
		b->cap = cap;
	}
	p = b->p + b->len;
	p += put_varint(p, key);
	p += put_varint(p, aux);
	for (int i = 0; i < nd; i++) {
		tag[i] = tag_of(v[i]);
		tags |= (unsigned char)(tag[i] << (2 * i));
	}
	*p++ = tags;
	for (int i = 0; i < nd; i++) {
		switch (tag[i]) {
		case TAG_UINT:
			p += put_varint(p, (uint64_t)(int64_t)v[i]);
			break;
		case TAG_NEG:
			p += put_varint(p, (uint64_t)-(int64_t)v[i]);
			break;
		case TAG_F64:
			p = put_f64(p, v[i]);
			break;
		}
	}
	b->len = (size_t)(p - b->p);
	return 0;
}

void store_buf_free(store_buf *b)
{
	free(b->p);
	memset(b, 0, sizeof *b);
}

int store_rec_next(const unsigned char **p, const unsigned char *end, int nd,
                    uint32_t *key, uint32_t *aux, double *v)
{
	uint64_t k, a, u;
	size_t n;
	int tags;

	if (!(n = get_varint(*p, end, &k)))
		return -1;
	*p += n;
	if (!(n = get_varint(*p, end, &a)) || *p + n >= end)
		return -1;
	*p += n;
	tags = *(*p)++;
	for (int i = 0; i < nd; i++) {
		switch ((tags >> (2 * i)) & 3) {
		case TAG_NAN:
			v[i] = NAN;
			break;
		case TAG_F64:
			if (end - *p < 8)
				return -1;
			u = 0;
			for (int b = 0; b < 8; b++)
				u |= (uint64_t)(*p)[b] << (8 * b);
			memcpy(&v[i], &u, sizeof u);
			*p += 8;
			break;
		default:
			if (!(n = get_varint(*p, end, &u)))
				return -1;
			*p += n;
			v[i] = ((tags >> (2 * i)) & 3) == TAG_NEG ? -(double)u : (double)u;
		}
	}
	*key = (uint32_t)k;
	*aux = (uint32_t)a;
	return 0;
}

static int name_cmp(int role, const char *name, const store_name *n)
{
	if (role != n->role)
		return role < n->role ? -1 : 1;
	return strcmp(name, n->name);
}

/* The index of (role, name) in the sorted dictionary, or where it goes. */
static size_t name_find(const store *s, int role, const char *name, int *found)
{
	size_t lo = 0, hi = s->n_names;

	*found = 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = name_cmp(role, name, &s->names[mid]);

		if (c == 0) {
			*found = 1;
			return mid;
		}
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

static int name_insert(store *s, size_t at, int role, const char *name, uint32_t key)
{
	char *copy;

	if (s->n_names == s->cap_names) {
		size_t cap = s->cap_names ? s->cap_names * 2 : 64;
		store_name *v = realloc(s->names, cap * sizeof *v);

		if (!v)
			return PK2D_ERR_NOMEM;
		s->names = v;
		s->cap_names = cap;
	}
	if (!(copy = strdup(name)))
		return PK2D_ERR_NOMEM;
	memmove(&s->names[at + 1], &s->names[at], (s->n_names - at) * sizeof *s->names);
	s->names[at] = (store_name){ .name = copy, .key = key, .role = role };
	s->n_names++;
	return 0;
}

void store_names_forget(store *s)
{
	for (size_t i = 0; i < s->n_names; i++)
		free(s->names[i].name);
	s->n_names = 0;
	s->names_loaded = 0;
}

static int names_load(store *s, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc;

	store_names_forget(s);
	if ((rc = store_prepare(s, "SELECT key, role, id FROM ids", &st, err, errlen)) < 0)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 2);
		int role = sqlite3_column_int(st, 1), found;
		size_t at = name_find(s, role, name ? name : "", &found);

		if (!found && name_insert(s, at, role, name ? name : "",
		                          (uint32_t)sqlite3_column_int64(st, 0)) < 0) {
			sqlite3_finalize(st);
			store_names_forget(s);
			store_set_err(err, errlen, "%s: out of memory", s->path);
			return PK2D_ERR_NOMEM;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		store_names_forget(s);
		return store_db_fail(s, err, errlen);
	}
	s->names_loaded = 1;
	return 0;
}

int store_name_of(store *s, int role, uint32_t key, char *out, size_t outlen, char *err,
                  size_t errlen)
{
	int rc;

	if (!s->names_loaded && (rc = names_load(s, err, errlen)) < 0)
		return rc;
	for (size_t i = 0; i < s->n_names; i++)
		if (s->names[i].key == key && s->names[i].role == role) {
			snprintf(out, outlen, "%s", s->names[i].name);
			return 1;
		}
	return 0;
}

int store_name_key(store *s, int role, const char *name, int create, uint32_t *key,
                   char *err, size_t errlen)
{
	sqlite3_stmt *st;
	size_t at;
	int found, rc;

	if (!s->names_loaded && (rc = names_load(s, err, errlen)) < 0)
		return rc;
	at = name_find(s, role, name, &found);
	if (found) {
		*key = s->names[at].key;
		return 1;
	}
	if (!create)
		return 0;
	if ((rc = store_prepare(s, "INSERT INTO ids(role, id) VALUES (?,?)", &st,
	                        err, errlen)) < 0)
		return rc;
	sqlite3_bind_int(st, 1, role);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	rc = store_step_reset(s, st, err, errlen);
	sqlite3_finalize(st);
	if (rc < 0)
		return rc;
	*key = (uint32_t)sqlite3_last_insert_rowid(s->db);
	if (name_insert(s, at, role, name, *key) < 0) {
		store_set_err(err, errlen, "%s: out of memory", s->path);
		return PK2D_ERR_NOMEM;
	}
	return 1;
}
