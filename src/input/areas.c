/*
 * areas.c - Kemendagri codes: their form, their ancestors and their names.
 *
 * The table is a sorted array of packed codes (province, kabupaten,
 * kecamatan and desa numbers, then the level in the low byte) pointing into
 * one block of names. In that order every code is followed by all the codes
 * under it, so "everything under 63.02" is one contiguous range.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pk2d/plugin.h"
#include "areas.h"
#include "csv.h"
#include "log.h"
#include "suggest.h"

struct area_entry {
	uint64_t key;
	uint32_t name;   /* offset into names */
	uint32_t line;   /* line in the file, for messages */
};

/* Another name of an area (areas_load_aliases). */
struct area_alias {
	char code[AREAS_CODE_MAX];
	char *name;
};

struct areas {
	struct area_entry *v;
	size_t n;
	char *names;
	struct area_alias *aliases;
	size_t n_aliases;
};

/* Lengths of the code at each level: "all" (apart), "63", "63.02", "63.02.09",
 * "63.02.09.2007". */
static const size_t level_len[] = { 0, 2, 5, 8, 13 };

static int is_digit(char ch)
{
	return ch >= '0' && ch <= '9';
}

/* Reading left to right, without strlen: this runs for every value. */
int area_level(const char *code)
{
	const char *p = code;

	if (!p)
		return AREA_INVALID;
	if (p[0] == 'a' && p[1] == 'l' && p[2] == 'l' && !p[3])
		return AREA_NATIONAL;
	if (!is_digit(p[0]) || !is_digit(p[1]))
		return AREA_INVALID;
	if (!p[2])
		return AREA_PROVINCE;
	if (p[2] != '.' || !is_digit(p[3]) || !is_digit(p[4]))
		return AREA_INVALID;
	if (!p[5])
		return AREA_REGENCY;
	if (p[5] != '.' || !is_digit(p[6]) || !is_digit(p[7]))
		return AREA_INVALID;
	if (!p[8])
		return AREA_DISTRICT;
	if (p[8] == '.' && is_digit(p[9]) && is_digit(p[10]) && is_digit(p[11]) && is_digit(p[12]) &&
	    !p[13])
		return AREA_VILLAGE;
	return AREA_INVALID;
}

int area_ancestor(const char *code, int level, char *out, size_t outlen)
{
	int own = area_level(code);

	if (own == AREA_INVALID || level < AREA_NATIONAL || level > own)
		return -1;
	if (level == AREA_NATIONAL) {
		if (outlen <= strlen(AREA_ALL))
			return -1;
		memcpy(out, AREA_ALL, sizeof AREA_ALL);
		return 0;
	}
	if (outlen <= level_len[level])
		return -1;
	memcpy(out, code, level_len[level]);
	out[level_len[level]] = '\0';
	return 0;
}

int area_within(const char *code, const char *prefix)
{
	size_t n = strlen(prefix);

	if (strcmp(prefix, AREA_ALL) == 0)
		return area_level(code) != AREA_INVALID;
	if (strncmp(code, prefix, n) != 0)
		return 0;
	return n == 0 || code[n] == '\0' || code[n] == '.';
}

static int two(const char *s)
{
	return (s[0] - '0') * 10 + (s[1] - '0');
}

/* The packed key of a code; 0 when malformed or "all" (not in the table). */
static uint64_t area_key(const char *code)
{
	int level = area_level(code);
	uint64_t k = 0;

	if (level < AREA_PROVINCE)
		return 0;
	k = (uint64_t)two(code) << 40;
	if (level >= AREA_REGENCY)
		k |= (uint64_t)two(code + 3) << 32;
	if (level >= AREA_DISTRICT)
		k |= (uint64_t)two(code + 6) << 24;
	if (level == AREA_VILLAGE)
		k |= (uint64_t)(two(code + 9) * 100 + two(code + 11)) << 8;
	return k | (uint64_t)level;
}

/* The first key after every code under the one of key k (its next sibling). */
static uint64_t area_key_after(uint64_t k)
{
	static const int shift[] = { 0, 40, 32, 24, 8 };
	int level = (int)(k & 0xff);

	return ((k >> shift[level]) + 1) << shift[level];
}

/* The dotted code of a packed key. */
static void key_code(uint64_t k, char *out, size_t len)
{
	int level = (int)(k & 0xff);
	unsigned pp = (unsigned)(k >> 40) & 0xff, kk = (unsigned)(k >> 32) & 0xff,
	         cc = (unsigned)(k >> 24) & 0xff, dd = (unsigned)((k >> 8) & 0xffff) % 10000u;

	if (level == AREA_PROVINCE)
		snprintf(out, len, "%02u", pp);
	else if (level == AREA_REGENCY)
		snprintf(out, len, "%02u.%02u", pp, kk);
	else if (level == AREA_DISTRICT)
		snprintf(out, len, "%02u.%02u.%02u", pp, kk, cc);
	else
		snprintf(out, len, "%02u.%02u.%02u.%04u", pp, kk, cc, dd);
}

static size_t lower_bound(const areas *a, uint64_t key)
{
	size_t lo = 0, hi = a->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (a->v[mid].key < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The tingkat column's word for each level. */
static const char *const tingkat_names[] = { NULL, "provinsi", "kabupaten_kota", "kecamatan",
                                             "desa_kelurahan" };

static int cmp_entry(const void *x, const void *y)
{
	const struct area_entry *a = x, *b = y;
	return a->key < b->key ? -1 : a->key > b->key;
}

void areas_free(areas *a)
{
	if (!a)
		return;
	free(a->v);
	free(a->names);
	for (size_t i = 0; i < a->n_aliases; i++)
		free(a->aliases[i].name);
	free(a->aliases);
	free(a);
}

/* Adds one row of the table; 0 or -1 with err set. */
static int add_row(areas *a, csv_reader *c, int ck, int cn, int ct, size_t *cap, size_t *ncap,
                   size_t *nlen, char *err, size_t errlen)
{
	const char *code = csv_field(c, ck), *name = csv_field(c, cn);
	uint64_t key = area_key(code);
	int level = (int)(key & 0xff);
	size_t len = strlen(name) + 1;

	if (key == 0) {
		snprintf(err, errlen, "%s:%ld: malformed code '%s'", csv_path(c), csv_line(c), code);
		return -1;
	}
	if (strcasecmp(csv_field(c, ct), tingkat_names[level]) != 0) {
		snprintf(err, errlen, "%s:%ld: tingkat '%s' does not match code '%s'", csv_path(c),
		         csv_line(c), csv_field(c, ct), code);
		return -1;
	}
	if (!*name) {
		snprintf(err, errlen, "%s:%ld: no name for code '%s'", csv_path(c), csv_line(c),
		         code);
		return -1;
	}
	if (a->n == *cap) {
		size_t nc = *cap ? *cap * 2 : 4096;
		struct area_entry *nv = realloc(a->v, nc * sizeof *nv);
		if (!nv)
			goto nomem;
		a->v = nv;
		*cap = nc;
	}
	if (*nlen + len > *ncap) {
		size_t nc = *ncap ? *ncap * 2 : 65536;
		while (nc < *nlen + len)
			nc *= 2;
		char *nn = realloc(a->names, nc);
		if (!nn)
			goto nomem;
		a->names = nn;
		*ncap = nc;
	}
	memcpy(a->names + *nlen, name, len);
	a->v[a->n].key = key;
	a->v[a->n].name = (uint32_t)*nlen;
	a->v[a->n].line = (uint32_t)csv_line(c);
	a->n++;
	*nlen += len;
	return 0;
nomem:
	snprintf(err, errlen, "%s: out of memory", csv_path(c));
	return -1;
}

/* The names the reader repaired (its only notes here, utf8.h), as
 * warnings: this file is no plugin's, so no report lists it. */
static void warn_repairs(const csv_stats *s)
{
	for (size_t i = 0; i < s->n_problems; i++) {
		const csv_problem *p = &s->problems[i];
		for (int j = 0; j < p->n_examples; j++)
			log_msg(PK2D_LOG_WARNING, "%s:%ld: %s", s->path, p->example_line[j],
			        p->example_text[j]);
		if (p->count > p->n_examples)
			log_msg(PK2D_LOG_WARNING, "%s: %ld more lines: %s", s->path,
			        p->count - p->n_examples, p->kind);
	}
}

areas *areas_load(const char *path, char *err, size_t errlen)
{
	char why[256];
	csv_reader *c = csv_open(path, why, sizeof why);
	areas *a;
	int ck, cn, ct, rc, sorted = 1;
	size_t cap = 0, ncap = 0, nlen = 0;

	if (!c) {
		snprintf(err, errlen, "%s: %s", path, why);
		return NULL;
	}
	ck = csv_column(c, "kode");
	cn = csv_column(c, "nama");
	ct = csv_column(c, "tingkat");
	if (ck < 0 || cn < 0 || ct < 0) {
		snprintf(err, errlen, "%s:1: the header needs the columns kode, nama and tingkat",
		         path);
		csv_stats_free(csv_close(c));
		return NULL;
	}
	if (!(a = calloc(1, sizeof *a))) {
		snprintf(err, errlen, "%s: out of memory", path);
		csv_stats_free(csv_close(c));
		return NULL;
	}
	while ((rc = csv_next(c, why, sizeof why)) == 1) {
		if (add_row(a, c, ck, cn, ct, &cap, &ncap, &nlen, err, errlen) < 0)
			goto fail;
		if (a->n > 1 && a->v[a->n - 1].key <= a->v[a->n - 2].key)
			sorted = 0;
	}
	if (rc < 0) {
		snprintf(err, errlen, "%s: %s", path, why);
		goto fail;
	}
	if (!sorted)
		qsort(a->v, a->n, sizeof *a->v, cmp_entry);
	for (size_t i = 1; i < a->n; i++) {
		if (a->v[i].key == a->v[i - 1].key) {
			char code[24];
			key_code(a->v[i].key, code, sizeof code);
			snprintf(err, errlen, "%s:%u: code %s already on line %u", path,
			         a->v[i].line > a->v[i - 1].line ? a->v[i].line : a->v[i - 1].line, code,
			         a->v[i].line > a->v[i - 1].line ? a->v[i - 1].line : a->v[i].line);
			goto fail;
		}
	}
	warn_repairs(csv_get_stats(c));
	csv_stats_free(csv_close(c));
	return a;
fail:
	csv_stats_free(csv_close(c));
	areas_free(a);
	return NULL;
}

const char *areas_name(const areas *a, const char *code)
{
	uint64_t key = area_key(code);
	size_t i;

	if (a && code && strcmp(code, AREA_ALL) == 0)
		return "Indonesia";
	if (!a || key == 0)
		return NULL;
	i = lower_bound(a, key);
	return i < a->n && a->v[i].key == key ? a->names + a->v[i].name : NULL;
}

size_t areas_count_villages(const areas *a, const char *prefix)
{
	size_t i, end, count = 0;

	if (!a)
		return 0;
	if (!prefix || !*prefix || strcmp(prefix, AREA_ALL) == 0) {
		i = 0;
		end = a->n;
	} else {
		uint64_t key = area_key(prefix);
		if (key == 0)
			return 0;
		i = lower_bound(a, key);
		end = lower_bound(a, area_key_after(key));
	}
	for (; i < end; i++)
		count += (a->v[i].key & 0xff) == AREA_VILLAGE;
	return count;
}

size_t areas_suggest(const areas *a, const char *code, char (*out)[AREAS_CODE_MAX], size_t max)
{
	int level = area_level(code);
	char parent[AREAS_CODE_MAX];
	size_t i = 0, end, n = 0, found = 0;
	char **codes;
	size_t *best;

	if (!a || level < AREA_PROVINCE || max == 0)
		return 0;
	end = a->n;
	/* Under the code's parent when the table knows it: a typo is likelier in
	 * the last part than in all of them. */
	if (level > AREA_PROVINCE && area_ancestor(code, level - 1, parent, sizeof parent) == 0 &&
	    areas_name(a, parent)) {
		uint64_t key = area_key(parent);

		i = lower_bound(a, key);
		end = lower_bound(a, area_key_after(key));
	}
	codes = malloc((end - i) * sizeof *codes + 1);
	best = malloc(max * sizeof *best);
	if (!codes || !best)
		goto out;
	for (; i < end; i++) {
		if ((int)(a->v[i].key & 0xff) != level)
			continue;
		if (!(codes[n] = malloc(AREAS_CODE_MAX)))
			goto out;
		key_code(a->v[i].key, codes[n++], AREAS_CODE_MAX);
	}
	found = suggest(code, (const char *const *)codes, n, best, max);
	for (size_t k = 0; k < found; k++)
		memcpy(out[k], codes[best[k]], AREAS_CODE_MAX);
out:
	for (size_t k = 0; codes && k < n; k++)
		free(codes[k]);
	free(codes);
	free(best);
	return found;
}

void areas_each_child(const areas *a, const char *parent,
                      void (*fn)(void *ud, const char *code, const char *name), void *ud)
{
	int level = area_level(parent);
	size_t i = 0, end;

	if (!a || level == AREA_INVALID || level == AREA_VILLAGE)
		return;
	end = a->n;
	if (level > AREA_NATIONAL) {
		uint64_t key = area_key(parent);

		i = lower_bound(a, key);
		if (i == a->n || a->v[i].key != key)
			return;
		end = lower_bound(a, area_key_after(key));
		i++;
	}
	/* Each child is followed by the codes under it: skip them. */
	while (i < end) {
		char code[AREAS_CODE_MAX];
		uint64_t key = a->v[i].key;

		if ((int)(key & 0xff) == level + 1) {
			key_code(key, code, sizeof code);
			fn(ud, code, a->names + a->v[i].name);
		}
		i = lower_bound(a, area_key_after(key));
	}
}

/* Adds the alias row of c; 0 or -1 with err set. */
static int add_alias(areas *a, csv_reader *c, int ca, int ck, int cs, char *err, size_t errlen)
{
	const char *alias = csv_field(c, ca), *code = csv_field(c, ck);
	struct area_alias *v;

	if (!*alias || !*csv_field(c, cs)) {
		snprintf(err, errlen, "%s:%ld: an alias needs its name and its source", csv_path(c),
		         csv_line(c));
		return -1;
	}
	if (!areas_name(a, code) || !strcmp(code, AREA_ALL)) {
		snprintf(err, errlen, "%s:%ld: code '%s' is not in the region table", csv_path(c),
		         csv_line(c), code);
		return -1;
	}
	if (!(v = realloc(a->aliases, (a->n_aliases + 1) * sizeof *v)) ||
	    !(v[a->n_aliases].name = strdup(alias))) {
		if (v)
			a->aliases = v;
		snprintf(err, errlen, "%s: out of memory", csv_path(c));
		return -1;
	}
	a->aliases = v;
	snprintf(v[a->n_aliases].code, sizeof v->code, "%s", code);
	a->n_aliases++;
	return 0;
}

int areas_load_aliases(areas *a, const char *path, char *err, size_t errlen)
{
	char why[256];
	csv_reader *c = csv_open(path, why, sizeof why);
	int ca, ck, cs, rc = 0;

	if (!c) {
		snprintf(err, errlen, "%s: %s", path, why);
		return -1;
	}
	ca = csv_column(c, "alias");
	ck = csv_column(c, "kode");
	cs = csv_column(c, "sumber");
	if (ca < 0 || ck < 0 || cs < 0) {
		snprintf(err, errlen, "%s:1: the header needs the columns alias, kode and sumber",
		         path);
		csv_stats_free(csv_close(c));
		return -1;
	}
	while ((rc = csv_next(c, why, sizeof why)) == 1)
		if (add_alias(a, c, ca, ck, cs, err, errlen) < 0)
			break;
	if (rc < 0)
		snprintf(err, errlen, "%s: %s", path, why);
	csv_stats_free(csv_close(c));
	return rc == 0 ? 0 : -1;
}

void areas_each_alias(const areas *a, const char *parent,
                      void (*fn)(void *ud, const char *code, const char *alias), void *ud)
{
	int level = area_level(parent);
	char up[AREAS_CODE_MAX];

	for (size_t i = 0; a && level != AREA_INVALID && i < a->n_aliases; i++)
		if (area_level(a->aliases[i].code) == level + 1 &&
		    area_ancestor(a->aliases[i].code, level, up, sizeof up) == 0 && !strcmp(up, parent))
			fn(ud, a->aliases[i].code, a->aliases[i].name);
}
