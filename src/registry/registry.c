/*
 * registry.c - declarations, validated values and their roll-up.
 *
 * Values live in an open-addressing hash table keyed by (indicator, area,
 * RT, period), where area and period are small ids of interned strings, so
 * memory grows with the distinct keys and not with the reports. Keys and
 * sums are kept in parallel arrays: a probe touches 16-byte keys only.
 * Roll-up totals are ordinary entries with rt = RT_ALL.
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "areas.h"
#include "period.h"
#include "registry.h"
#include "registry_priv.h"
#include "utf8.h"

#define NONE UINT32_MAX
#define RT_MAX 9999
/* Key of a village's RT values summed on arrival (registry_keep_rts(r, 0)):
 * reported like any value, never shown as an RT. */
#define RT_FOLDED (-2)

/* ---- interned strings ------------------------------------------------ */

struct strtab {
	char **s;         /* id -> string */
	uint32_t *hash;   /* id -> str_hash of the string */
	size_t n, cap;
	uint32_t *slot;   /* hash slots holding id + 1; 0 is empty */
	size_t nslot;     /* power of two */
};

/* FNV-1a of a, then '.' and b when b is given: the hash of "a.b" without
 * building it. The lengths of a and b are stored in *alen and *blen. */
static uint32_t str_hash(const char *a, const char *b, size_t *alen, size_t *blen)
{
	uint32_t h = 2166136261u;
	const char *p;

	for (p = a; *p; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	*alen = (size_t)(p - a);
	*blen = 0;
	if (b) {
		h = (h ^ '.') * 16777619u;
		for (p = b; *p; p++)
			h = (h ^ (unsigned char)*p) * 16777619u;
		*blen = (size_t)(p - b);
	}
	return h;
}

static int str_equal(const char *s, const char *a, size_t alen, const char *b, size_t blen)
{
	if (memcmp(s, a, alen) != 0)
		return 0;
	if (!b)
		return s[alen] == '\0';
	return s[alen] == '.' && memcmp(s + alen + 1, b, blen) == 0 && s[alen + 1 + blen] == '\0';
}

/* Id of "a" (or "a.b"), or NONE. */
static uint32_t st_find2(const struct strtab *t, const char *a, const char *b)
{
	size_t alen, blen, mask = t->nslot - 1, i;
	uint32_t h;

	if (!t->nslot)
		return NONE;
	h = str_hash(a, b, &alen, &blen);
	for (i = h & mask; t->slot[i]; i = (i + 1) & mask) {
		uint32_t id = t->slot[i] - 1;
		if (t->hash[id] == h && str_equal(t->s[id], a, alen, b, blen))
			return id;
	}
	return NONE;
}

static uint32_t st_find(const struct strtab *t, const char *s)
{
	return st_find2(t, s, NULL);
}

static void st_place(struct strtab *t, uint32_t id)
{
	size_t mask = t->nslot - 1, i = t->hash[id] & mask;

	while (t->slot[i])
		i = (i + 1) & mask;
	t->slot[i] = id + 1;
}

/* Adds a string known to be absent, taking ownership of it; its id, or NONE
 * when out of memory (s is then freed). */
static uint32_t st_add(struct strtab *t, char *s)
{
	size_t alen, blen;

	if (!s)
		return NONE;
	if (t->n == t->cap) {
		size_t ncap = t->cap ? t->cap * 2 : 64;
		char **ns = realloc(t->s, ncap * sizeof *ns);
		if (!ns) {
			free(s);
			return NONE;
		}
		t->s = ns;
		uint32_t *nh = realloc(t->hash, ncap * sizeof *nh);
		if (!nh) {
			free(s);
			return NONE;
		}
		t->hash = nh;
		t->cap = ncap;
	}
	if ((t->n + 1) * 2 > t->nslot) {
		size_t nslot = t->nslot ? t->nslot * 2 : 128;
		uint32_t *ns = calloc(nslot, sizeof *ns);
		if (!ns) {
			free(s);
			return NONE;
		}
		free(t->slot);
		t->slot = ns;
		t->nslot = nslot;
		for (uint32_t id = 0; id < t->n; id++)
			st_place(t, id);
	}
	t->s[t->n] = s;
	t->hash[t->n] = str_hash(s, NULL, &alen, &blen);
	st_place(t, (uint32_t)t->n);
	return (uint32_t)t->n++;
}

static void st_free(struct strtab *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->s[i]);
	free(t->s);
	free(t->hash);
	free(t->slot);
}

/* ---- the value table ------------------------------------------------- */

/*
 * Entries are grouped by (area, period): each group has its own small
 * open-addressing table keyed by (indicator, RT). Plugins report row by row,
 * mostly one village after another, so the group of the last report is kept
 * and its table stays in cache however large the whole registry grows.
 */

struct rkey {
	uint32_t ind;
	uint32_t area;
	uint32_t period;
	int32_t rt;
};

struct slot {
	uint32_t ind;     /* NONE marks an empty slot */
	int32_t rt;
};

struct group {
	uint32_t area, period;
	uint32_t cap, n;  /* cap is a power of two (or 0) */
	struct slot *keys;
	double *vals;     /* nv sums per slot */
};

struct vtable {
	int nv;
	struct group *groups;
	size_t n_groups, cap_groups;
	uint32_t *gslot;  /* hash slots holding group index + 1; 0 is empty */
	size_t n_gslot;   /* power of two (or 0) */
	size_t n;         /* entries in all groups */
	uint32_t last;    /* group of the last vt_get(), or NONE */
	int32_t rt_hi;    /* no entry's RT is greater (walk_index_build's
	                     counts per RT go up to it) */
};

static size_t mix64(uint64_t h)
{
	h ^= h >> 31;
	h *= 0x9E3779B97F4A7C15u;
	h ^= h >> 29;
	h *= 0xBF58476D1CE4E5B9u;
	h ^= h >> 32;
	return (size_t)h;
}

static size_t group_hash(uint32_t area, uint32_t period)
{
	return mix64((uint64_t)area << 32 | period);
}

static size_t slot_hash(uint32_t ind, int32_t rt)
{
	return mix64((uint64_t)ind << 32 | (uint32_t)rt);
}

static void vt_free(struct vtable *t)
{
	for (size_t i = 0; i < t->n_groups; i++) {
		free(t->groups[i].keys);
		free(t->groups[i].vals);
	}
	free(t->groups);
	free(t->gslot);
	t->groups = NULL;
	t->gslot = NULL;
	t->n_groups = t->cap_groups = t->n_gslot = t->n = 0;
	t->last = NONE;
	t->rt_hi = 0;
}

/* The group of (area, period), or NONE. */
static uint32_t group_find(const struct vtable *t, uint32_t area, uint32_t period)
{
	size_t mask = t->n_gslot - 1, i;

	if (t->last != NONE && t->groups[t->last].area == area && t->groups[t->last].period == period)
		return t->last;
	if (!t->n_gslot)
		return NONE;
	for (i = group_hash(area, period) & mask; t->gslot[i]; i = (i + 1) & mask) {
		const struct group *g = &t->groups[t->gslot[i] - 1];
		if (g->area == area && g->period == period)
			return t->gslot[i] - 1;
	}
	return NONE;
}

static void group_place(struct vtable *t, uint32_t gi)
{
	size_t mask = t->n_gslot - 1;
	size_t i = group_hash(t->groups[gi].area, t->groups[gi].period) & mask;

	while (t->gslot[i])
		i = (i + 1) & mask;
	t->gslot[i] = gi + 1;
}

/* Room for one more element of an array of *cap elements holding n: doubles
 * the capacity (starting at first) when it is full. Returns the array, moved
 * or not, or NULL when out of memory (the array and *cap are then unchanged). */
static void *grow_array(void *arr, size_t *cap, size_t n, size_t size, size_t first)
{
	size_t ncap;
	void *grown;

	if (n < *cap)
		return arr;
	ncap = *cap ? *cap * 2 : first;
	grown = realloc(arr, ncap * size);
	if (grown)
		*cap = ncap;
	return grown;
}

static int group_rebuild(struct group *g, int nv, uint32_t want, size_t *count,
                         int (*keep)(void *ud, const struct rkey *k), void *ud);

/* The group of (area, period), created when absent; NONE when out of memory. */
static uint32_t group_get(struct vtable *t, uint32_t area, uint32_t period)
{
	uint32_t gi = group_find(t, area, period);

	if (gi != NONE)
		return t->last = gi;
	struct group *ng = grow_array(t->groups, &t->cap_groups, t->n_groups, sizeof *ng, 64);
	if (!ng)
		return NONE;
	t->groups = ng;
	if ((t->n_groups + 1) * 2 > t->n_gslot) {
		size_t nslot = t->n_gslot ? t->n_gslot * 2 : 128;
		uint32_t *ns = calloc(nslot, sizeof *ns);
		if (!ns)
			return NONE;
		free(t->gslot);
		t->gslot = ns;
		t->n_gslot = nslot;
		for (uint32_t i = 0; i < t->n_groups; i++)
			group_place(t, i);
	}
	gi = (uint32_t)t->n_groups++;
	t->groups[gi] = (struct group){ .area = area, .period = period };
	group_place(t, gi);
	/* Villages come one after another and hold about as many entries:
	 * the new group is given room for as many as the last one or as the
	 * groups so far on average, whichever is more (the last one may be
	 * another plugin's village, half reported), instead of growing by
	 * half a dozen times on the way. */
	{
		size_t want = gi ? t->n / gi : 0;

		if (t->last != NONE && t->groups[t->last].n > want)
			want = t->groups[t->last].n;
		if (want > 0 && group_rebuild(&t->groups[gi], t->nv, (uint32_t)want, &t->n, NULL,
		                              NULL) < 0)
			return NONE;
	}
	return t->last = gi;
}

/* The slot of (ind, rt) in g: its own, or the empty one where it would go.
 * Any capacity works (the hash is scaled to it, not masked), so a table is
 * sized to its entries and not to the next power of two. */
static uint32_t slot_probe(const struct group *g, uint32_t ind, int32_t rt)
{
	uint32_t i = (uint32_t)(((uint64_t)(uint32_t)slot_hash(ind, rt) * g->cap) >> 32);

	while (g->keys[i].ind != NONE && (g->keys[i].ind != ind || g->keys[i].rt != rt))
		i = i + 1 == g->cap ? 0 : i + 1;
	return i;
}

/* The empty slot where (ind, rt), known to be absent from g, goes:
 * slot_probe's answer without comparing the keys on the way. */
static uint32_t slot_empty(const struct group *g, uint32_t ind, int32_t rt)
{
	uint32_t i = (uint32_t)(((uint64_t)(uint32_t)slot_hash(ind, rt) * g->cap) >> 32);

	while (g->keys[i].ind != NONE)
		i = i + 1 == g->cap ? 0 : i + 1;
	return i;
}

/* Load factor of a group table: at most 8 entries in 10 slots. */
#define LOAD_NUM 8
#define LOAD_DEN 10

/* Gives g room for want entries, keeping those for which keep() is true
 * (all when keep is NULL); the dropped ones are subtracted from *count. */
static int group_rebuild(struct group *g, int nv, uint32_t want, size_t *count,
                         int (*keep)(void *ud, const struct rkey *k), void *ud)
{
	struct group old = *g;
	uint32_t cap = want + want / 4 + 2;   /* at most 80 % full */

	g->keys = malloc(cap * sizeof *g->keys);
	g->vals = malloc(cap * (size_t)nv * sizeof *g->vals);
	if (!g->keys || !g->vals) {
		free(g->keys);
		free(g->vals);
		*g = old;
		return PK2D_ERR_NOMEM;
	}
	for (uint32_t i = 0; i < cap; i++)
		g->keys[i].ind = NONE;
	g->cap = cap;
	g->n = 0;
	for (uint32_t i = 0; i < old.cap; i++) {
		struct rkey k = { old.keys[i].ind, old.area, old.period, old.keys[i].rt };
		uint32_t j;
		if (k.ind == NONE)
			continue;
		if (keep && !keep(ud, &k)) {
			(*count)--;
			continue;
		}
		j = slot_empty(g, k.ind, k.rt);
		g->keys[j] = old.keys[i];
		/* nv is 2 or 3 (values_init): copied without a call. */
		double *to = g->vals + (size_t)j * nv;
		const double *from = old.vals + (size_t)i * nv;
		to[0] = from[0];
		to[1] = from[1];
		if (nv == 3)
			to[2] = from[2];
		g->n++;
	}
	free(old.keys);
	free(old.vals);
	return 0;
}

/* The sums of key k, created as zeros when absent; NULL when out of memory. */
static double *vt_get(struct vtable *t, const struct rkey *k)
{
	uint32_t gi = group_get(t, k->area, k->period), i;
	struct group *g;
	double *v;

	if (gi == NONE)
		return NULL;
	g = &t->groups[gi];
	/* Grown by half: 53 % full after, 80 % before the next growth. */
	if ((uint64_t)(g->n + 1) * LOAD_DEN > (uint64_t)g->cap * LOAD_NUM &&
	    group_rebuild(g, t->nv, g->n + 1 + (g->n + 1) / 2, &t->n, NULL, NULL) < 0)
		return NULL;
	i = slot_probe(g, k->ind, k->rt);
	v = g->vals + (size_t)i * t->nv;
	if (g->keys[i].ind == NONE) {
		g->keys[i].ind = k->ind;
		g->keys[i].rt = k->rt;
		if (k->rt > t->rt_hi)
			t->rt_hi = k->rt;
		for (int j = 0; j < t->nv; j++)
			v[j] = 0;
		g->n++;
		t->n++;
	}
	return v;
}

/* Keeps only the entries for which keep() is true; a group that keeps them
 * all is left as it is (the first roll-up drops nothing). */
static int vt_filter(struct vtable *t, int (*keep)(void *ud, const struct rkey *k), void *ud)
{
	for (size_t i = 0; i < t->n_groups; i++) {
		struct group *g = &t->groups[i];
		uint32_t kept = 0;

		for (uint32_t j = 0; j < g->cap; j++) {
			struct rkey k = { g->keys[j].ind, g->area, g->period, g->keys[j].rt };

			kept += k.ind != NONE && keep(ud, &k);
		}
		if (kept < g->n && group_rebuild(g, t->nv, g->n, &t->n, keep, ud) < 0)
			return PK2D_ERR_NOMEM;
	}
	return 0;
}

/* Walks every entry: it = {0, 0} first; 1 with *k and *v set, 0 at the end. */
struct vt_iter {
	size_t group;
	uint32_t slot;
};

static int vt_next(const struct vtable *t, struct vt_iter *it, struct rkey *k, double **v)
{
	for (; it->group < t->n_groups; it->group++, it->slot = 0) {
		const struct group *g = &t->groups[it->group];
		for (; it->slot < g->cap; it->slot++) {
			if (g->keys[it->slot].ind == NONE)
				continue;
			k->ind = g->keys[it->slot].ind;
			k->rt = g->keys[it->slot].rt;
			k->area = g->area;
			k->period = g->period;
			*v = g->vals + (size_t)it->slot * t->nv;
			it->slot++;
			return 1;
		}
	}
	return 0;
}

/* ---- the RTs of folded values ---------------------------------------- */

/*
 * With RT detail off, a village's RT values are summed into it as they come
 * and only the (village, RT) pairs are remembered, so that the profile can
 * still say how many RTs a village has: 8 bytes a pair instead of a value
 * per indicator and RT.
 */
struct rtset {
	uint64_t *slot;     /* (area id + 1) << 32 | rt; 0 is empty */
	size_t n, cap;      /* cap is a power of two (or 0) */
	uint32_t *count;    /* per area id: its distinct RTs */
	size_t cap_count;
};

static void rtset_free(struct rtset *s)
{
	free(s->slot);
	free(s->count);
}

static size_t rtset_index(const struct rtset *s, uint64_t key)
{
	size_t i = mix64(key) & (s->cap - 1);

	while (s->slot[i] && s->slot[i] != key)
		i = (i + 1) & (s->cap - 1);
	return i;
}

/* Remembers RT rt of area; 0, or PK2D_ERR_NOMEM. */
static int rtset_add(struct rtset *s, uint32_t area, int rt)
{
	uint64_t key = (uint64_t)(area + 1) << 32 | (uint32_t)rt;
	size_t i;

	if ((s->n + 1) * 2 > s->cap) {
		struct rtset old = *s;
		size_t cap = s->cap ? s->cap * 2 : 1024;
		if (!(s->slot = calloc(cap, sizeof *s->slot))) {
			s->slot = old.slot;
			return PK2D_ERR_NOMEM;
		}
		s->cap = cap;
		for (size_t j = 0; j < old.cap; j++)
			if (old.slot[j])
				s->slot[rtset_index(s, old.slot[j])] = old.slot[j];
		free(old.slot);
	}
	i = rtset_index(s, key);
	if (s->slot[i])
		return 0;
	if (area >= s->cap_count) {
		size_t cap = s->cap_count ? s->cap_count : 1024;
		while (cap <= area)
			cap *= 2;
		uint32_t *nc = realloc(s->count, cap * sizeof *nc);
		if (!nc)
			return PK2D_ERR_NOMEM;
		memset(nc + s->cap_count, 0, (cap - s->cap_count) * sizeof *nc);
		s->count = nc;
		s->cap_count = cap;
	}
	s->slot[i] = key;
	s->n++;
	s->count[area]++;
	return 0;
}

/* ---- the registry ---------------------------------------------------- */

/* The RTs of each village, listed once by the roll-up: a wide report asks
 * for a village's RTs five times and more (registry_rts, registry_n_rts),
 * and each asking looked at every entry of the village's tables. A value
 * added after the roll-up drops the lists (rt_lists_forget), and so does
 * the next roll-up, which makes them again. */
struct rt_lists {
	size_t n_areas;  /* areas listed; 0: no lists, the tables are asked */
	uint32_t *at;    /* per area id: where its RTs start in rt; n_areas + 1 */
	int *rt;         /* each area's RTs, ascending */
};

struct registry {
	reg_indicator **ind;
	size_t n_ind, cap_ind;
	struct strtab ind_names;
	reg_intervention **iv;
	size_t n_iv, cap_iv;
	struct strtab iv_names;
	struct strtab areas;
	uint32_t *area_parent;       /* per area id: the parent's id, or NONE */
	unsigned char *area_level;
	size_t cap_area_info;
	struct strtab periods;
	struct vtable vals;          /* num, den */
	struct vtable ivals;         /* target, realised, budget */
	int rolled;                  /* registry_rollup() has run */
	int fold_rts;                /* RT values are summed into the village */
	struct rtset folded;         /* the (village, RT) pairs summed so */
	struct rt_lists rts;         /* made by the roll-up, with RT detail */
	int status;                  /* PK2D_ERR_NOMEM after a void call failed */
	uint32_t last_area, last_period;
	uint32_t last_ind;           /* indicator of the last value, or NONE */
	unsigned gen;                /* bumped when the areas are forgotten
	                                (reg_name ids of an older one are stale) */
	uint32_t last_fold_area;     /* (village, RT) of the last folded value */
	int last_fold_rt;
	reg_decls *decls;            /* groups, displays, tables (display.c) */
};

/* Empty value tables (num, den; target, realised, budget). */
static void values_init(registry *r)
{
	memset(&r->vals, 0, sizeof r->vals);
	memset(&r->ivals, 0, sizeof r->ivals);
	r->vals.nv = 2;
	r->ivals.nv = 3;
	r->vals.last = r->ivals.last = NONE;
}

registry *registry_new(void)
{
	registry *r = calloc(1, sizeof *r);

	if (!r)
		return NULL;
	values_init(r);
	r->last_area = r->last_period = r->last_ind = r->last_fold_area = NONE;
	r->gen = 1;
	return r;
}

static void indicator_free(reg_indicator *d)
{
	if (!d)
		return;
	free(d->full_id);
	free(d->plugin);
	free(d->id);
	free(d->agency);
	free(d->label_id);
	free(d->label_en);
	free(d->unit);
	free(d->group);
	free(d->description);
	free(d);
}

static void intervention_free(reg_intervention *d)
{
	if (!d)
		return;
	free(d->full_id);
	free(d->plugin);
	free(d->id);
	free(d->agency);
	free(d->label_id);
	free(d->label_en);
	free(d->target_group);
	free(d->unit);
	free(d->origin);
	for (size_t i = 0; i < d->n_aims; i++)
		free(d->aims[i]);
	free(d->aims);
	free(d);
}

static void rt_lists_forget(registry *r)
{
	free(r->rts.at);
	free(r->rts.rt);
	memset(&r->rts, 0, sizeof r->rts);
}

void registry_free(registry *r)
{
	if (!r)
		return;
	rt_lists_forget(r);
	for (size_t i = 0; i < r->n_ind; i++)
		indicator_free(r->ind[i]);
	free(r->ind);
	for (size_t i = 0; i < r->n_iv; i++)
		intervention_free(r->iv[i]);
	free(r->iv);
	st_free(&r->ind_names);
	st_free(&r->iv_names);
	st_free(&r->areas);
	st_free(&r->periods);
	free(r->area_parent);
	free(r->area_level);
	vt_free(&r->vals);
	vt_free(&r->ivals);
	rtset_free(&r->folded);
	reg_decls_free(r->decls);
	free(r);
}

void registry_keep_rts(registry *r, int keep)
{
	r->fold_rts = !keep;
}

reg_decls **registry_decls(registry *r)
{
	return &r->decls;
}

const reg_decls *registry_decls_const(const registry *r)
{
	return r->decls;
}

int registry_status(const registry *r)
{
	return r->status;
}

/* [a-z][a-z0-9_]{0,max-1} */
int registry_valid_name(const char *s, size_t max)
{
	size_t n;

	if (!s || !(*s >= 'a' && *s <= 'z'))
		return 0;
	for (n = 1; s[n]; n++)
		if (!((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= '0' && s[n] <= '9') || s[n] == '_'))
			return 0;
	return n <= max;
}


static char *dup_or(const char *s, const char *dflt)
{
	return strdup(s ? s : dflt);
}

static int check_plugin(const char *plugin, char *err, size_t errlen)
{
	if (registry_valid_name(plugin, PLUGIN_NAME_MAX))
		return 0;
	snprintf(err, errlen, "plugin name '%s' is not [a-z][a-z0-9_]{0,31}",
	         plugin ? plugin : "(null)");
	return PK2D_ERR_INVALID;
}

static int check_decl(const char *plugin, const char *what, const char *id, const char *label,
                      char *err, size_t errlen)
{
	int rc = check_plugin(plugin, err, errlen);

	if (rc < 0)
		return rc;
	if (!registry_valid_name(id, ID_MAX)) {
		snprintf(err, errlen, "%s: %s id '%s' is not [a-z][a-z0-9_]{0,47}", plugin, what,
		         id ? id : "(null)");
		return PK2D_ERR_INVALID;
	}
	if (!label || !*label) {
		snprintf(err, errlen, "%s: %s %s.%s has no label_id", plugin, what, plugin, id);
		return PK2D_ERR_INVALID;
	}
	return 0;
}

int registry_check_texts(const char *plugin, const char *what, const char *id,
                         const char *const *names, const char *const *texts, size_t n,
                         char *err, size_t errlen)
{
	for (size_t i = 0; i < n; i++) {
		if (texts[i] && !utf8_is_clean(texts[i], strlen(texts[i]))) {
			snprintf(err, errlen, "%s: %s %s.%s: %s is not UTF-8 text without control "
			         "characters", plugin, what, plugin, id, names[i]);
			return PK2D_ERR_INVALID;
		}
	}
	return 0;
}

static char *join_id(const char *plugin, const char *id)
{
	char *s;
	return asprintf(&s, "%s.%s", plugin, id) < 0 ? NULL : s;
}

int registry_declare_indicator(registry *r, const char *plugin, const char *agency,
                               const pk2d_indicator *d, char *err, size_t errlen)
{
	reg_indicator *x;
	int rc = check_decl(plugin, "indicator", d->id, d->label_id, err, errlen);

	if (rc < 0)
		return rc;
	static const char *const ind_texts[] = { "label_id", "label_en", "unit", "group",
	                                         "description" };
	const char *const ind_vals[] = { d->label_id, d->label_en, d->unit, d->group,
	                                 d->description };
	if ((rc = registry_check_texts(plugin, "indicator", d->id, ind_texts, ind_vals, 5, err, errlen)) < 0)
		return rc;
	if (d->kind < PK2D_PROPORTION || d->kind > PK2D_MEAN) {
		snprintf(err, errlen, "%s: indicator %s.%s: kind %d is not one of 0..3", plugin,
		         plugin, d->id, d->kind);
		return PK2D_ERR_INVALID;
	}
	if (d->direction < PK2D_LOWER_IS_BETTER || d->direction > PK2D_HIGHER_IS_BETTER) {
		snprintf(err, errlen, "%s: indicator %s.%s: direction %d is not -1, 0 or 1", plugin,
		         plugin, d->id, d->direction);
		return PK2D_ERR_INVALID;
	}
	if (d->has_target && !isfinite(d->target)) {
		snprintf(err, errlen, "%s: indicator %s.%s: target is not a finite number", plugin,
		         plugin, d->id);
		return PK2D_ERR_INVALID;
	}
	if (d->target_year != 0 && (d->target_year < 1900 || d->target_year > 9999)) {
		snprintf(err, errlen, "%s: indicator %s.%s: target_year %d is neither 0 nor a year "
		         "1900-9999", plugin, plugin, d->id, d->target_year);
		return PK2D_ERR_INVALID;
	}
	if (st_find2(&r->ind_names, plugin, d->id) != NONE) {
		snprintf(err, errlen, "%s: indicator %s.%s declared twice", plugin, plugin, d->id);
		return PK2D_ERR_DUPLICATE;
	}
	reg_indicator **grown = grow_array(r->ind, &r->cap_ind, r->n_ind, sizeof *grown, 32);
	if (!grown)
		goto nomem_early;
	r->ind = grown;
	if (!(x = calloc(1, sizeof *x)))
		goto nomem_early;
	x->full_id = join_id(plugin, d->id);
	x->plugin = strdup(plugin);
	x->id = strdup(d->id);
	x->agency = dup_or(agency, "");
	x->label_id = strdup(d->label_id);
	x->label_en = dup_or(d->label_en, d->label_id);
	x->unit = dup_or(d->unit, d->kind == PK2D_PROPORTION || d->kind == PK2D_RATE ? "%" : "");
	x->group = dup_or(d->group, "");
	x->description = dup_or(d->description, "");
	x->kind = d->kind;
	x->direction = d->direction;
	x->has_target = d->has_target != 0;
	x->target = d->has_target ? d->target : 0;
	x->target_year = d->has_target ? d->target_year : 0;
	x->index = r->n_ind;
	if (!x->full_id || !x->plugin || !x->id || !x->agency || !x->label_id || !x->label_en ||
	    !x->unit || !x->group || !x->description)
		goto nomem;
	if (st_add(&r->ind_names, strdup(x->full_id)) == NONE)
		goto nomem;
	r->ind[r->n_ind++] = x;
	return 0;
nomem:
	indicator_free(x);
nomem_early:
	snprintf(err, errlen, "%s: indicator %s.%s: out of memory", plugin, plugin, d->id);
	return PK2D_ERR_NOMEM;
}

/* Qualifies and checks the aims of an intervention into x. */
static int copy_aims(reg_intervention *x, const char *plugin, const char *const *aims, char *err,
                     size_t errlen)
{
	size_t n = 0;

	while (aims && aims[n])
		n++;
	if (n == 0)
		return 0;
	if (!(x->aims = calloc(n, sizeof *x->aims)))
		goto nomem;
	for (size_t i = 0; i < n; i++) {
		const char *a = aims[i], *dot = strchr(a, '.');
		char own[PLUGIN_NAME_MAX + 1];
		int ok;

		if (dot) {
			size_t pl = (size_t)(dot - a);
			ok = pl <= PLUGIN_NAME_MAX && registry_valid_name(dot + 1, ID_MAX);
			if (ok) {
				memcpy(own, a, pl);
				own[pl] = '\0';
				ok = registry_valid_name(own, PLUGIN_NAME_MAX);
			}
		} else {
			ok = registry_valid_name(a, ID_MAX);
		}
		if (!ok) {
			snprintf(err, errlen, "%s: intervention %s: aim '%s' is not an indicator id",
			         plugin, x->full_id, a);
			return PK2D_ERR_INVALID;
		}
		x->aims[i] = dot ? strdup(a) : join_id(plugin, a);
		if (!x->aims[i])
			goto nomem;
		x->n_aims++;
		for (size_t j = 0; j < i; j++) {
			if (strcmp(x->aims[j], x->aims[i]) == 0) {
				snprintf(err, errlen, "%s: intervention %s: aim %s listed twice", plugin,
				         x->full_id, x->aims[i]);
				return PK2D_ERR_INVALID;
			}
		}
	}
	return 0;
nomem:
	snprintf(err, errlen, "%s: intervention %s: out of memory", plugin, x->full_id);
	return PK2D_ERR_NOMEM;
}

int registry_declare_intervention(registry *r, const char *plugin, const char *agency,
                                  const pk2d_intervention *d, char *err, size_t errlen)
{
	reg_intervention *x;
	int rc = check_decl(plugin, "intervention", d->id, d->label_id, err, errlen);

	if (rc < 0)
		return rc;
	static const char *const iv_texts[] = { "label_id", "label_en", "agency", "target_group",
	                                        "unit", "origin" };
	const char *const iv_vals[] = { d->label_id, d->label_en, d->agency, d->target_group,
	                                d->unit, d->origin };
	if ((rc = registry_check_texts(plugin, "intervention", d->id, iv_texts, iv_vals, 6, err, errlen)) < 0)
		return rc;
	if (st_find2(&r->iv_names, plugin, d->id) != NONE) {
		snprintf(err, errlen, "%s: intervention %s.%s declared twice", plugin, plugin, d->id);
		return PK2D_ERR_DUPLICATE;
	}
	reg_intervention **grown = grow_array(r->iv, &r->cap_iv, r->n_iv, sizeof *grown, 32);
	if (!grown)
		goto nomem_early;
	r->iv = grown;
	if (!(x = calloc(1, sizeof *x)))
		goto nomem_early;
	x->full_id = join_id(plugin, d->id);
	x->plugin = strdup(plugin);
	x->id = strdup(d->id);
	x->agency = dup_or(d->agency, agency ? agency : "");
	x->label_id = strdup(d->label_id);
	x->label_en = dup_or(d->label_en, d->label_id);
	x->target_group = dup_or(d->target_group, "");
	x->unit = dup_or(d->unit, "");
	x->origin = dup_or(d->origin, "");
	x->index = r->n_iv;
	if (!x->full_id || !x->plugin || !x->id || !x->agency || !x->label_id || !x->label_en ||
	    !x->target_group || !x->unit || !x->origin) {
		intervention_free(x);
		goto nomem_early;
	}
	if ((rc = copy_aims(x, plugin, d->aims, err, errlen)) < 0) {
		intervention_free(x);
		return rc;
	}
	if (st_add(&r->iv_names, strdup(x->full_id)) == NONE) {
		intervention_free(x);
		goto nomem_early;
	}
	r->iv[r->n_iv++] = x;
	return 0;
nomem_early:
	snprintf(err, errlen, "%s: intervention %s.%s: out of memory", plugin, plugin, d->id);
	return PK2D_ERR_NOMEM;
}

/* Shortest text that reads back as v (for messages). */
static const char *num_text(double v, char *buf, size_t len)
{
	snprintf(buf, len, "%.15g", v);
	if (isfinite(v) && strtod(buf, NULL) != v)
		snprintf(buf, len, "%.17g", v);
	return buf;
}

/* Interns an area code of a valid form and its ancestors; id or NONE. */
static uint32_t intern_area(registry *r, const char *code)
{
	uint32_t id, parent = NONE;
	int level;

	if (r->last_area != NONE && strcmp(r->areas.s[r->last_area], code) == 0)
		return r->last_area;
	id = st_find(&r->areas, code);
	if (id != NONE)
		return r->last_area = id;
	level = area_level(code);
	if (level > AREA_NATIONAL) {
		char up[16];
		area_ancestor(code, level - 1, up, sizeof up);
		if ((parent = intern_area(r, up)) == NONE)
			return NONE;
	}
	if (r->areas.n == r->cap_area_info) {
		size_t ncap = r->cap_area_info ? r->cap_area_info * 2 : 256;
		uint32_t *np = realloc(r->area_parent, ncap * sizeof *np);
		if (!np)
			return NONE;
		r->area_parent = np;
		unsigned char *nl = realloc(r->area_level, ncap);
		if (!nl)
			return NONE;
		r->area_level = nl;
		r->cap_area_info = ncap;
	}
	id = st_add(&r->areas, strdup(code));
	if (id == NONE)
		return NONE;
	r->area_parent[id] = parent;
	r->area_level[id] = (unsigned char)level;
	return r->last_area = id;
}

static uint32_t intern_period(registry *r, const char *p)
{
	uint32_t id;

	if (r->last_period != NONE && strcmp(r->periods.s[r->last_period], p) == 0)
		return r->last_period;
	id = st_find(&r->periods, p);
	if (id == NONE)
		id = st_add(&r->periods, strdup(p));
	if (id != NONE)
		r->last_period = id;
	return id;
}

/* The level of a value's area (AREA_INVALID when malformed), kept in its
 * name when there is one. */
static int value_area_level(const registry *r, const char *area, reg_name *name)
{
	if (name && name->looked_up)
		return name->found;
	int level;
	/* The area of the last value was checked already. */
	if (r->last_area != NONE && area && strcmp(r->areas.s[r->last_area], area) == 0)
		level = r->area_level[r->last_area];
	else
		level = area_level(area);
	if (name) {
		name->found = level;
		name->looked_up = 1;
	}
	return level;
}

/* Whether a value's period is well formed, kept in its name when there is
 * one. */
static int value_period_valid(const registry *r, const char *period, reg_name *name)
{
	if (name && name->looked_up)
		return name->found;
	int valid = (r->last_period != NONE && strcmp(r->periods.s[r->last_period], period) == 0) ||
	            period_valid(period);
	if (name) {
		name->found = valid;
		name->looked_up = 1;
	}
	return valid;
}

/* Checks area, RT and period of a value (their names NULL, or kept as
 * registry_add_value_named says). */
static int check_place(const registry *r, const char *plugin, const char *what,
                       const char *full_id, const char *area, int rt, const char *period,
                       reg_name *area_name, reg_name *period_name, char *err, size_t errlen)
{
	int level = value_area_level(r, area, area_name);

	if (level == AREA_INVALID) {
		snprintf(err, errlen, "%s: %s of %s: malformed area code '%s'", plugin, what, full_id,
		         area ? area : "(null)");
		return PK2D_ERR_INVALID;
	}
	if (rt < 0 || rt > RT_MAX) {
		snprintf(err, errlen, "%s: %s of %s for %s: RT %d is not in 0..%d", plugin, what,
		         full_id, area, rt, RT_MAX);
		return PK2D_ERR_INVALID;
	}
	if (rt > 0 && level != AREA_VILLAGE) {
		snprintf(err, errlen, "%s: %s of %s for %s: RT %d given for an area that is not a village",
		         plugin, what, full_id, area, rt);
		return PK2D_ERR_INVALID;
	}
	if (!period) {
		snprintf(err, errlen, "%s: %s of %s for %s: no period", plugin, what, full_id, area);
		return PK2D_ERR_INVALID;
	}
	if (!value_period_valid(r, period, period_name)) {
		snprintf(err, errlen,
		         "%s: %s of %s for %s: malformed period '%s' (yyyy, yyyySn, yyyyQn, yyyyMM)",
		         plugin, what, full_id, area, period);
		return PK2D_ERR_INVALID;
	}
	return 0;
}

static void where_text(char *buf, size_t len, const char *area, int rt)
{
	if (rt > 0)
		snprintf(buf, len, "%s RT %d", area, rt);
	else
		snprintf(buf, len, "%s", area);
}

/* Why num/den cannot be a value of this kind, or NULL when they can. */
static const char *bad_sums(int kind, double num, double den, double count_den, char *buf,
                            size_t len)
{
	char a[32], b[32];

	if (!isfinite(num))
		snprintf(buf, len, "numerator %s is not a finite number", num_text(num, a, sizeof a));
	else if (!isfinite(den))
		snprintf(buf, len, "denominator %s is not a finite number", num_text(den, a, sizeof a));
	else if (kind != PK2D_MEAN && num < 0)
		snprintf(buf, len, "numerator %s < 0", num_text(num, a, sizeof a));
	else if (kind == PK2D_COUNT && den != count_den)
		snprintf(buf, len, "denominator %s of a count is not %s", num_text(den, a, sizeof a),
		         num_text(count_den, b, sizeof b));
	else if (den <= 0)
		snprintf(buf, len, "denominator %s is not > 0", num_text(den, a, sizeof a));
	else if (kind == PK2D_PROPORTION && num > den)
		snprintf(buf, len, "numerator %s > denominator %s", num_text(num, a, sizeof a),
		         num_text(den, b, sizeof b));
	else
		return NULL;
	return buf;
}

/* The id of indicator "plugin.id" of a value. Plugins mostly report one
 * indicator after another in the order they declared them, or the same
 * one again: the next one and the last one are compared before the hash
 * table is asked. */
static uint32_t find_reported(registry *r, const char *plugin, const char *id)
{
	for (int step = 1; step >= 0 && r->last_ind != NONE; step--) {
		uint32_t guess = r->last_ind + (uint32_t)step;
		const reg_indicator *d;
		if (guess >= r->n_ind)
			continue;
		d = r->ind[guess];
		if (strcmp(d->id, id) == 0 && strcmp(d->plugin, plugin) == 0)
			return r->last_ind = guess;
	}
	return r->last_ind = st_find2(&r->ind_names, plugin, id);
}

long registry_indicator_index(registry *r, const char *plugin, const char *id)
{
	uint32_t i = find_reported(r, plugin, id);
	return i == NONE ? -1 : (long)i;
}

long registry_intervention_index(const registry *r, const char *plugin, const char *id)
{
	uint32_t i = st_find2(&r->iv_names, plugin, id);
	return i == NONE ? -1 : (long)i;
}

/* The indicator of a value, kept in its name when there is one. */
static uint32_t value_indicator(registry *r, const char *plugin, const char *id, reg_name *name)
{
	if (name && name->looked_up)
		return name->id;
	uint32_t i = find_reported(r, plugin, id);
	if (name) {
		name->id = i;
		name->found = i != NONE;
		name->looked_up = 1;
	}
	return i;
}

/* The interned id of a value's area or period (intern: intern_area or
 * intern_period), kept in its name when there is one; NONE when out of
 * memory. */
static uint32_t value_interned(registry *r, uint32_t (*intern)(registry *, const char *),
                               const char *s, reg_name *name)
{
	if (name && name->gen == r->gen)
		return name->id;
	uint32_t id = intern(r, s);
	if (name && id != NONE) {
		name->id = id;
		name->gen = r->gen;
	}
	return id;
}

/* The RT key a checked value is kept under: its own, or RT_FOLDED when RT
 * detail is off; RT_ALL when out of memory. */
static int32_t place_rt(registry *r, uint32_t area, int rt)
{
	if (!r->fold_rts || rt == 0)
		return rt;
	/* A village's values come RT by RT: each pair is added once in a row. */
	if (area == r->last_fold_area && rt == r->last_fold_rt)
		return RT_FOLDED;
	if (rtset_add(&r->folded, area, rt) < 0)
		return RT_ALL;
	r->last_fold_area = area;
	r->last_fold_rt = rt;
	return RT_FOLDED;
}

/* Checks v and adds it: a value as a plugin reported it (folded 0), or a
 * sum of values for RTs of a village that a child added up (folded 1). */
static int add_checked(registry *r, const char *plugin, const char *default_period,
                       const pk2d_value *v, int folded, reg_name *ind_name,
                       reg_name *area_name, reg_name *period_name, char *err, size_t errlen)
{
	const char *period = v->period ? v->period : default_period;
	const char *what = folded ? "folded value" : "value";
	char why[128], where[48];
	const reg_indicator *ind;
	struct rkey k;
	double *sum, count_den;
	uint32_t id;
	int rt = folded ? 0 : v->rt, rc;

	if (!v->indicator) {
		snprintf(err, errlen, "%s: %s without an indicator id", plugin, what);
		return PK2D_ERR_INVALID;
	}
	id = value_indicator(r, plugin, v->indicator, ind_name);
	if (id == NONE) {
		snprintf(err, errlen, "%s: %s of undeclared indicator %s.%s", plugin, what, plugin,
		         v->indicator);
		return PK2D_ERR_UNKNOWN_ID;
	}
	ind = r->ind[id];
	if ((rc = check_place(r, plugin, what, ind->full_id, v->area, rt, period, area_name,
	                      period_name, err, errlen)) < 0)
		return rc;
	if (folded && (!r->fold_rts || area_level(v->area) != AREA_VILLAGE)) {
		snprintf(err, errlen, "%s: folded value of %s for %s: %s", plugin, ind->full_id,
		         v->area, r->fold_rts ? "not a village" : "RT detail is kept in this run");
		return PK2D_ERR_INVALID;
	}
	/* A folded count's denominator is the number of values it sums. */
	count_den = folded && v->denominator >= 1 && v->denominator == floor(v->denominator) ?
	            v->denominator : 1;
	if (bad_sums(ind->kind, v->numerator, v->denominator, count_den, why, sizeof why)) {
		where_text(where, sizeof where, v->area, rt);
		snprintf(err, errlen, "%s: %s of %s for %s: %s", plugin, what, ind->full_id, where, why);
		return PK2D_ERR_INVALID;
	}
	k.ind = id;
	if ((k.area = value_interned(r, intern_area, v->area, area_name)) == NONE ||
	    (k.period = value_interned(r, intern_period, period, period_name)) == NONE ||
	    (k.rt = folded ? RT_FOLDED : place_rt(r, k.area, rt)) == RT_ALL ||
	    !(sum = vt_get(&r->vals, &k))) {
		snprintf(err, errlen, "%s: %s of %s: out of memory", plugin, what, ind->full_id);
		return PK2D_ERR_NOMEM;
	}
	sum[0] += v->numerator;
	sum[1] += v->denominator;
	if (r->rts.n_areas)
		rt_lists_forget(r);
	return 0;
}

int registry_add_value(registry *r, const char *plugin, const char *default_period,
                       const pk2d_value *v, char *err, size_t errlen)
{
	return add_checked(r, plugin, default_period, v, 0, NULL, NULL, NULL, err, errlen);
}

int registry_add_value_named(registry *r, const char *plugin, const char *default_period,
                             const pk2d_value *v, reg_name *indicator, reg_name *area,
                             reg_name *period, char *err, size_t errlen)
{
	return add_checked(r, plugin, default_period, v, 0, indicator, area, period, err, errlen);
}

int registry_add_folded(registry *r, const char *plugin, const char *default_period,
                        const pk2d_value *v, char *err, size_t errlen)
{
	return add_checked(r, plugin, default_period, v, 1, NULL, NULL, NULL, err, errlen);
}

int registry_note_rts(registry *r, const char *plugin, const char *village, const int *rts,
                      size_t n, char *err, size_t errlen)
{
	uint32_t area;

	if (!r->fold_rts || !village || area_level(village) != AREA_VILLAGE) {
		snprintf(err, errlen, "%s: RTs of %s: %s", plugin, village ? village : "(null)",
		         r->fold_rts ? "not a village" : "RT detail is kept in this run");
		return PK2D_ERR_INVALID;
	}
	for (size_t i = 0; i < n; i++) {
		if (rts[i] < 1 || rts[i] > RT_MAX) {
			snprintf(err, errlen, "%s: RTs of %s: RT %d is not in 1..%d", plugin, village,
			         rts[i], RT_MAX);
			return PK2D_ERR_INVALID;
		}
	}
	if ((area = intern_area(r, village)) == NONE)
		goto oom;
	for (size_t i = 0; i < n; i++)
		if (place_rt(r, area, rts[i]) == RT_ALL)
			goto oom;
	return 0;
oom:
	snprintf(err, errlen, "%s: RTs of %s: out of memory", plugin, village);
	return PK2D_ERR_NOMEM;
}

void registry_forget_values(registry *r)
{
	vt_free(&r->vals);
	vt_free(&r->ivals);
	rtset_free(&r->folded);
	/* The areas go too: an ordered walk sorts every interned area, and a
	 * child forgets its values once per village of a national run. */
	st_free(&r->areas);
	memset(&r->areas, 0, sizeof r->areas);
	r->last_area = NONE;
	r->gen++;
	values_init(r);
	memset(&r->folded, 0, sizeof r->folded);
	r->last_fold_area = NONE;
	r->rolled = 0;
}

int registry_add_intervention_value(registry *r, const char *plugin,
                                    const char *default_period,
                                    const pk2d_intervention_value *v,
                                    char *err, size_t errlen)
{
	static const char *const names[] = { "target", "realised", "budget" };
	const char *period = v->period ? v->period : default_period;
	double x[3] = { v->target, v->realised, v->budget };
	const reg_intervention *iv;
	char where[48], a[32];
	struct rkey k;
	double *sum;
	uint32_t id;
	int rc;

	if (!v->intervention) {
		snprintf(err, errlen, "%s: intervention value without an intervention id", plugin);
		return PK2D_ERR_INVALID;
	}
	id = st_find2(&r->iv_names, plugin, v->intervention);
	if (id == NONE) {
		snprintf(err, errlen, "%s: value of undeclared intervention %s.%s", plugin, plugin,
		         v->intervention);
		return PK2D_ERR_UNKNOWN_ID;
	}
	iv = r->iv[id];
	if ((rc = check_place(r, plugin, "value", iv->full_id, v->area, v->rt, period, NULL, NULL,
	                      err, errlen)) < 0)
		return rc;
	for (int i = 0; i < 3; i++) {
		if (!isfinite(x[i]) || x[i] < 0) {
			where_text(where, sizeof where, v->area, v->rt);
			snprintf(err, errlen, "%s: value of %s for %s: %s %s is not a finite number >= 0",
			         plugin, iv->full_id, where, names[i], num_text(x[i], a, sizeof a));
			return PK2D_ERR_INVALID;
		}
	}
	k.ind = id;
	if ((k.area = intern_area(r, v->area)) == NONE || (k.period = intern_period(r, period)) == NONE ||
	    (k.rt = place_rt(r, k.area, v->rt)) == RT_ALL || !(sum = vt_get(&r->ivals, &k))) {
		snprintf(err, errlen, "%s: value of %s: out of memory", plugin, iv->full_id);
		return PK2D_ERR_NOMEM;
	}
	for (int i = 0; i < 3; i++)
		sum[i] += x[i];
	if (r->rts.n_areas)
		rt_lists_forget(r);
	return 0;
}

/* ---- dropping and rolling up ------------------------------------------ */

static int keep_reported(void *ud, const struct rkey *k)
{
	(void)ud;
	return k->rt != RT_ALL;
}


struct drop_ctx {
	const registry *r;
	const char *plugin;
	int interventions;
};

static int keep_other_plugin(void *ud, const struct rkey *k)
{
	const struct drop_ctx *d = ud;
	const char *owner = d->interventions ? d->r->iv[k->ind]->plugin : d->r->ind[k->ind]->plugin;

	return strcmp(owner, d->plugin) != 0;
}

void registry_drop_plugin_values(registry *r, const char *plugin)
{
	struct drop_ctx d = { r, plugin, 0 };

	if (vt_filter(&r->vals, keep_other_plugin, &d) < 0)
		r->status = PK2D_ERR_NOMEM;
	d.interventions = 1;
	if (vt_filter(&r->ivals, keep_other_plugin, &d) < 0)
		r->status = PK2D_ERR_NOMEM;
	/* Totals that included the dropped values are recomputed. */
	if (r->rolled)
		registry_rollup(r);
}

size_t registry_check_aims(const registry *r,
                           void (*fn)(void *ud, const reg_intervention *iv, const char *aim),
                           void *ud)
{
	size_t count = 0;

	for (size_t i = 0; i < r->n_iv; i++) {
		for (size_t j = 0; j < r->iv[i]->n_aims; j++) {
			if (st_find(&r->ind_names, r->iv[i]->aims[j]) == NONE) {
				if (fn)
					fn(ud, r->iv[i], r->iv[i]->aims[j]);
				count++;
			}
		}
	}
	return count;
}

/* ---- queries --------------------------------------------------------- */

size_t registry_n_indicators(const registry *r)
{
	return r->n_ind;
}

const reg_indicator *registry_indicator_at(const registry *r, size_t i)
{
	return i < r->n_ind ? r->ind[i] : NULL;
}

const reg_indicator *registry_find_indicator(const registry *r, const char *full_id)
{
	uint32_t id = st_find(&r->ind_names, full_id);
	return id == NONE ? NULL : r->ind[id];
}

size_t registry_n_interventions(const registry *r)
{
	return r->n_iv;
}

const reg_intervention *registry_intervention_at(const registry *r, size_t i)
{
	return i < r->n_iv ? r->iv[i] : NULL;
}

const reg_intervention *registry_find_intervention(const registry *r, const char *full_id)
{
	uint32_t id = st_find(&r->iv_names, full_id);
	return id == NONE ? NULL : r->iv[id];
}

/* The sums of (index, rt) in group gi of t, or NULL. */
static const double *group_value(const struct vtable *t, uint32_t gi, size_t index, int rt)
{
	const struct group *g;
	uint32_t i;

	if (gi == NONE || rt < RT_ALL || !t->groups[gi].cap)
		return NULL;
	g = &t->groups[gi];
	i = slot_probe(g, (uint32_t)index, rt);
	return g->keys[i].ind == NONE ? NULL : g->vals + (size_t)i * t->nv;
}

void registry_place(const registry *r, const char *area, const char *period, reg_place *out)
{
	uint32_t a = area ? st_find(&r->areas, area) : NONE;
	uint32_t p = period ? st_find(&r->periods, period) : NONE;

	out->vals = out->ivals = NONE;
	if (a == NONE || p == NONE)
		return;
	out->vals = group_find(&r->vals, a, p);
	out->ivals = group_find(&r->ivals, a, p);
}

int registry_get_at(const registry *r, const reg_indicator *ind, const reg_place *p, int rt,
                    reg_sum *out)
{
	const double *v;

	if (!ind || !(v = group_value(&r->vals, p->vals, ind->index, rt)))
		return 0;
	out->num = v[0];
	out->den = v[1];
	return 1;
}

int registry_get_intervention_at(const registry *r, const reg_intervention *iv,
                                 const reg_place *p, int rt, reg_isum *out)
{
	const double *v;

	if (!iv || !(v = group_value(&r->ivals, p->ivals, iv->index, rt)))
		return 0;
	out->target = v[0];
	out->realised = v[1];
	out->budget = v[2];
	return 1;
}

/* The row of RT rt among RT_ALL (row 0) and rts[0..nrt-1] (sorted): k + 1
 * for rts[k], or -1 when rt is not there. */
static long rt_row(int rt, const int *rts, size_t nrt)
{
	size_t lo = 0, hi = nrt;

	if (rt == RT_ALL)
		return 0;
	/* Most villages number their RTs from 1 without a gap. */
	if (rt >= 1 && (size_t)rt <= nrt && rts[rt - 1] == rt)
		return rt;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (rts[mid] < rt)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < nrt && rts[lo] == rt ? (long)lo + 1 : -1;
}

/* Calls put(ud, row * n + index, values) for each entry of group gi of t
 * whose declaration index is below n and whose RT has a row (rt_row). */
static void group_rows(const struct vtable *t, uint32_t gi, const int *rts, size_t nrt, size_t n,
                       void (*put)(void *ud, size_t at, const double *v), void *ud)
{
	const struct group *g;

	if (gi == NONE)
		return;
	g = &t->groups[gi];
	for (uint32_t i = 0; i < g->cap; i++) {
		long row;

		if (g->keys[i].ind >= n || (row = rt_row(g->keys[i].rt, rts, nrt)) < 0)
			continue;
		put(ud, (size_t)row * n + g->keys[i].ind, g->vals + (size_t)i * t->nv);
	}
}

struct rows_out {
	void *out;
	unsigned char *has;
};

static void put_sum(void *ud, size_t at, const double *v)
{
	struct rows_out *o = ud;

	((reg_sum *)o->out)[at] = (reg_sum){ v[0], v[1] };
	o->has[at] = 1;
}

static void put_isum(void *ud, size_t at, const double *v)
{
	struct rows_out *o = ud;

	((reg_isum *)o->out)[at] = (reg_isum){ v[0], v[1], v[2] };
	o->has[at] = 1;
}

void registry_rows_at(const registry *r, const reg_place *p, const int *rts, size_t nrt,
                      reg_sum *out, unsigned char *has)
{
	struct rows_out o = { out, has };

	memset(has, 0, (nrt + 1) * r->n_ind);
	group_rows(&r->vals, p->vals, rts, nrt, r->n_ind, put_sum, &o);
}

void registry_irows_at(const registry *r, const reg_place *p, const int *rts, size_t nrt,
                       reg_isum *out, unsigned char *has)
{
	struct rows_out o = { out, has };

	memset(has, 0, (nrt + 1) * r->n_iv);
	group_rows(&r->ivals, p->ivals, rts, nrt, r->n_iv, put_isum, &o);
}

int registry_get(const registry *r, const reg_indicator *ind, const char *area, int rt,
                 const char *period, reg_sum *out)
{
	reg_place p;

	if (!ind)
		return 0;
	registry_place(r, area, period, &p);
	return registry_get_at(r, ind, &p, rt, out);
}

int registry_get_intervention(const registry *r, const reg_intervention *iv,
                              const char *area, int rt, const char *period,
                              reg_isum *out)
{
	reg_place p;

	if (!iv)
		return 0;
	registry_place(r, area, period, &p);
	return registry_get_intervention_at(r, iv, &p, rt, out);
}

int reg_value_decimals(int kind, double v)
{
	if (kind == PK2D_COUNT)
		return !isnan(v) && v == floor(v) ? 0 : 1;
	return kind == PK2D_MEAN ? 2 : 1;
}

double reg_value(const reg_indicator *ind, const reg_sum *s)
{
	if (s->den == 0)
		return NAN;
	switch (ind->kind) {
	case PK2D_PROPORTION:
	case PK2D_RATE:
		return 100.0 * s->num / s->den;
	case PK2D_COUNT:
		return s->num;
	default:
		return s->num / s->den;
	}
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Non-zero when g holds a reported entry (not only roll-up totals). */
static int group_reported(const struct group *g)
{
	for (uint32_t i = 0; i < g->cap; i++)
		if (g->keys[i].ind != NONE && g->keys[i].rt != RT_ALL)
			return 1;
	return 0;
}

/* Marks with 1 every id that a reported entry uses as area (and every
 * ancestor), or as period: one look at each (area, period) group, not at
 * each value. */
static void mark_used(const registry *r, unsigned char *area_used, unsigned char *period_used)
{
	const struct vtable *tables[] = { &r->vals, &r->ivals };

	for (int t = 0; t < 2; t++) {
		for (size_t gi = 0; gi < tables[t]->n_groups; gi++) {
			const struct group *g = &tables[t]->groups[gi];
			if ((!period_used || period_used[g->period]) &&
			    (!area_used || area_used[g->area]))
				continue;
			if (!group_reported(g))
				continue;
			if (period_used)
				period_used[g->period] = 1;
			if (area_used)
				for (uint32_t a = g->area; a != NONE && !area_used[a]; a = r->area_parent[a])
					area_used[a] = 1;
		}
	}
}

/* Copies the marked strings of t into a sorted, malloc'd array. */
static size_t sorted_strings(registry *r, const struct strtab *t, const unsigned char *use,
                             char ***out)
{
	size_t n = 0, k = 0;
	char **v;

	*out = NULL;
	for (size_t i = 0; i < t->n; i++)
		n += use[i] != 0;
	if (n == 0)
		return 0;
	if (!(v = malloc(n * sizeof *v)))
		goto nomem;
	for (size_t i = 0; i < t->n; i++) {
		if (!use[i])
			continue;
		if (!(v[k] = strdup(t->s[i]))) {
			while (k > 0)
				free(v[--k]);
			free(v);
			goto nomem;
		}
		k++;
	}
	qsort(v, n, sizeof *v, cmp_str);
	*out = v;
	return n;
nomem:
	r->status = PK2D_ERR_NOMEM;
	return 0;
}

/* Whether village a has a reported value in any period: its own groups
 * answer, not a walk over every group. */
static int village_reported(const registry *r, uint32_t a)
{
	const struct vtable *tables[] = { &r->vals, &r->ivals };

	for (int t = 0; t < 2 && a != NONE; t++)
		for (uint32_t p = 0; p < r->periods.n; p++) {
			uint32_t gi = group_find(tables[t], a, p);
			if (gi != NONE && group_reported(&tables[t]->groups[gi]))
				return 1;
		}
	return 0;
}

size_t registry_areas(const registry *r, const char *prefix, int level, char ***out)
{
	unsigned char *use;
	size_t n;

	*out = NULL;
	if (level == AREA_VILLAGE && prefix && area_level(prefix) == AREA_VILLAGE) {
		/* One village: the assessment of each village of a wide run asks
		 * this, and every area's strings were looked at for it. */
		uint32_t a = st_find(&r->areas, prefix);

		if (!village_reported(r, a))
			return 0;
		if (!(*out = malloc(sizeof **out)) || !(**out = strdup(r->areas.s[a]))) {
			free(*out);
			*out = NULL;
			((registry *)r)->status = PK2D_ERR_NOMEM;
			return 0;
		}
		return 1;
	}
	if (!(use = calloc(r->areas.n + 1, 1))) {
		((registry *)r)->status = PK2D_ERR_NOMEM;
		return 0;
	}
	mark_used(r, use, NULL);
	for (size_t i = 0; i < r->areas.n; i++)
		if (use[i] && (r->area_level[i] != level || (prefix && !area_within(r->areas.s[i], prefix))))
			use[i] = 0;
	/* The registry is logically const here: only the status may change. */
	n = sorted_strings((registry *)r, &r->areas, use, out);
	free(use);
	return n;
}

size_t registry_periods(const registry *r, char ***out)
{
	unsigned char *use = calloc(r->periods.n + 1, 1);
	size_t n;

	*out = NULL;
	if (!use) {
		((registry *)r)->status = PK2D_ERR_NOMEM;
		return 0;
	}
	mark_used(r, NULL, use);
	n = sorted_strings((registry *)r, &r->periods, use, out);
	free(use);
	return n;
}

/* The RTs (1..RT_MAX) of some groups' entries, a bit each: a village's
 * RTs, whichever table and period they were reported in. */
struct rt_bits {
	uint64_t w[RT_MAX / 64 + 1];
	size_t lo, hi;   /* the words that may hold a bit: lo..hi-1 */
};

static void rt_bits_mark(struct rt_bits *b, const struct group *g)
{
	for (uint32_t i = 0; i < g->cap; i++) {
		int rt = g->keys[i].rt;
		size_t w = (size_t)rt / 64;

		if (g->keys[i].ind == NONE || rt <= 0)
			continue;
		if (b->lo == b->hi)
			b->lo = w, b->hi = w + 1;
		b->lo = w < b->lo ? w : b->lo;
		b->hi = w + 1 > b->hi ? w + 1 : b->hi;
		b->w[w] |= (uint64_t)1 << (rt & 63);
	}
}

static size_t rt_bits_count(const struct rt_bits *b)
{
	size_t n = 0;

	for (size_t w = b->lo; w < b->hi; w++)
		n += (size_t)__builtin_popcountll(b->w[w]);
	return n;
}

/* Writes the RTs marked to out, ascending (rt_bits_count of them), and
 * clears b for the next village. */
static void rt_bits_take(struct rt_bits *b, int *out)
{
	for (size_t w = b->lo; w < b->hi; w++) {
		for (uint64_t bits = b->w[w]; bits; bits &= bits - 1)
			*out++ = (int)(w * 64) + __builtin_ctzll(bits);
		b->w[w] = 0;
	}
	b->lo = b->hi = 0;
}

size_t registry_rts(const registry *r, const char *village, int **out)
{
	const struct vtable *tables[] = { &r->vals, &r->ivals };
	uint32_t area = village ? st_find(&r->areas, village) : NONE;
	struct rt_bits b = { { 0 }, 0, 0 };
	size_t n;

	*out = NULL;
	if (area == NONE)
		return 0;
	if (r->rts.n_areas) {
		if (area >= r->rts.n_areas || (n = r->rts.at[area + 1] - r->rts.at[area]) == 0)
			return 0;
		if (!(*out = malloc(n * sizeof **out))) {
			((registry *)r)->status = PK2D_ERR_NOMEM;
			return 0;
		}
		memcpy(*out, r->rts.rt + r->rts.at[area], n * sizeof **out);
		return n;
	}
	/* No lists (before the roll-up, or a value added since): the
	 * village's own groups, one per period. */
	for (int t = 0; t < 2; t++) {
		for (uint32_t p = 0; p < r->periods.n; p++) {
			uint32_t gi = group_find(tables[t], area, p);
			if (gi != NONE)
				rt_bits_mark(&b, &tables[t]->groups[gi]);
		}
	}
	if ((n = rt_bits_count(&b)) == 0)
		return 0;
	if (!(*out = malloc(n * sizeof **out))) {
		((registry *)r)->status = PK2D_ERR_NOMEM;
		return 0;
	}
	rt_bits_take(&b, *out);
	return n;
}

size_t registry_n_rts(const registry *r, const char *village)
{
	uint32_t area = village ? st_find(&r->areas, village) : NONE;
	int *rts = NULL;
	size_t n;

	if (r->fold_rts)
		return area != NONE && area < r->folded.cap_count ? r->folded.count[area] : 0;
	if (r->rts.n_areas)
		return area < r->rts.n_areas ? r->rts.at[area + 1] - r->rts.at[area] : 0;
	n = registry_rts(r, village, &rts);
	free(rts);
	return n;
}

/* ---- ordered walks --------------------------------------------------- */

/*
 * The walk is by indicator, then area and RT, then period. Instead of
 * sorting every value (40 bytes each, and the largest sort of a run), the
 * (area, period) groups are sorted, and each group's reported entries are
 * put in RT order by counting and then bucketed by indicator in that
 * order: 4 bytes a value and no sort inside a group.
 */

struct walk_index {
	uint32_t *gorder;    /* groups with reported entries, by area then period rank */
	size_t n_gorder;
	size_t *start;       /* per position in gorder: its first bucket offset */
	uint32_t *bucket;    /* per position, n_ind + 1 offsets into slots (relative) */
	uint32_t *slots;     /* slot numbers: bucket by bucket, RT ascending */
	uint32_t *arank, *prank;
	size_t n_ind;
};

static void walk_index_free(struct walk_index *w)
{
	free(w->gorder);
	free(w->start);
	free(w->bucket);
	free(w->slots);
	free(w->arank);
	free(w->prank);
}

static int cmp_rank(const void *x, const void *y, void *ud)
{
	const struct strtab *t = ud;
	return strcmp(t->s[*(const uint32_t *)x], t->s[*(const uint32_t *)y]);
}

/* rank[id] = position of string id in sorted order; NULL when out of memory. */
static uint32_t *ranks(const struct strtab *t)
{
	uint32_t *ids = malloc((t->n + 1) * sizeof *ids), *rank = malloc((t->n + 1) * sizeof *rank);

	if (!ids || !rank) {
		free(ids);
		free(rank);
		return NULL;
	}
	for (uint32_t i = 0; i < t->n; i++)
		ids[i] = i;
	qsort_r(ids, t->n, sizeof *ids, cmp_rank, (void *)t);
	for (uint32_t i = 0; i < t->n; i++)
		rank[ids[i]] = i;
	free(ids);
	return rank;
}

struct group_sort {
	const struct vtable *t;
	const uint32_t *arank, *prank;
};

static int cmp_group_order(const void *x, const void *y, void *ud)
{
	const struct group_sort *gs = ud;
	const struct group *a = &gs->t->groups[*(const uint32_t *)x];
	const struct group *b = &gs->t->groups[*(const uint32_t *)y];
	uint32_t ra = gs->arank[a->area], rb = gs->arank[b->area];

	if (ra != rb)
		return ra < rb ? -1 : 1;
	ra = gs->prank[a->period];
	rb = gs->prank[b->period];
	return ra < rb ? -1 : ra > rb;
}

/* An RT key of an entry (not RT_ALL) as 0..rt_key(RT_MAX), in RT order. */
static uint32_t rt_key(int32_t rt)
{
	return (uint32_t)(rt - RT_FOLDED);
}

/* Builds the index of t; 0 or PK2D_ERR_NOMEM. */
static int walk_index_build(const registry *r, const struct vtable *t, size_t n_ind,
                            struct walk_index *w)
{
	size_t total = 0, pos = 0, most = 0;
	uint32_t *count = NULL, *by_rt = NULL, *in_rt_order = NULL, n_keys;

	memset(w, 0, sizeof *w);
	w->n_ind = n_ind;
	w->arank = ranks(&r->areas);
	w->prank = ranks(&r->periods);
	w->gorder = malloc((t->n_groups + 1) * sizeof *w->gorder);
	count = calloc(n_ind + 1, sizeof *count);
	if (!w->arank || !w->prank || !w->gorder || !count)
		goto nomem;
	for (size_t gi = 0; gi < t->n_groups; gi++) {
		if (group_reported(&t->groups[gi]))
			w->gorder[w->n_gorder++] = (uint32_t)gi;
		total += t->groups[gi].n;
		if (t->groups[gi].n > most)
			most = t->groups[gi].n;
	}
	{
		struct group_sort gs = { t, w->arank, w->prank };
		qsort_r(w->gorder, w->n_gorder, sizeof *w->gorder, cmp_group_order, &gs);
	}
	w->start = malloc((w->n_gorder + 1) * sizeof *w->start);
	w->bucket = malloc((w->n_gorder * (n_ind + 1) + 1) * sizeof *w->bucket);
	w->slots = malloc((total + 1) * sizeof *w->slots);
	/* Counted per RT key up to the table's greatest: a child's table of
	 * one village's folded sums is walked once per village. */
	n_keys = rt_key(t->rt_hi) + 1;
	by_rt = calloc(n_keys, sizeof *by_rt);
	in_rt_order = malloc((most + 1) * sizeof *in_rt_order);
	if (!w->start || !w->bucket || !w->slots || !by_rt || !in_rt_order)
		goto nomem;
	/* A group's entries are put in RT order first (counted per RT: an
	 * RT key is RT_FOLDED, 0 or 1..RT_MAX), then into their indicator's
	 * bucket in that order; no bucket is sorted. */
	for (size_t o = 0; o < w->n_gorder; o++) {
		const struct group *g = &t->groups[w->gorder[o]];
		uint32_t *b = w->bucket + o * (n_ind + 1), *out = w->slots + pos;
		uint32_t n = 0, lo = n_keys, hi = 0;

		memset(count, 0, (n_ind + 1) * sizeof *count);
		for (uint32_t i = 0; i < g->cap; i++) {
			uint32_t key;
			if (g->keys[i].ind == NONE || g->keys[i].rt == RT_ALL)
				continue;
			count[g->keys[i].ind]++;
			key = rt_key(g->keys[i].rt);
			by_rt[key]++;
			lo = key < lo ? key : lo;
			hi = key > hi ? key : hi;
		}
		for (size_t d = 0; d < n_ind; d++) {
			b[d] = n;
			n += count[d];
			count[d] = b[d];
		}
		b[n_ind] = n;
		for (uint32_t key = lo, at = 0; key <= hi; key++) {
			uint32_t c = by_rt[key];
			by_rt[key] = at;
			at += c;
		}
		for (uint32_t i = 0; i < g->cap; i++)
			if (g->keys[i].ind != NONE && g->keys[i].rt != RT_ALL)
				in_rt_order[by_rt[rt_key(g->keys[i].rt)]++] = i;
		for (uint32_t i = 0; i < n; i++)
			out[count[g->keys[in_rt_order[i]].ind]++] = in_rt_order[i];
		if (n)
			memset(by_rt + lo, 0, (hi - lo + 1) * sizeof *by_rt);
		w->start[o] = pos;
		pos += n;
	}
	w->start[w->n_gorder] = pos;
	free(count);
	free(by_rt);
	free(in_rt_order);
	return 0;
nomem:
	free(count);
	free(by_rt);
	free(in_rt_order);
	walk_index_free(w);
	memset(w, 0, sizeof *w);
	return PK2D_ERR_NOMEM;
}

/* The running totals of the ancestors at each level (province to
 * kecamatan, and the country) of the groups being rolled up: groups come
 * by area, so every group under one ancestor comes in one run, and its
 * totals are summed here and go into the ancestors' table once, when the
 * run ends, instead of a table look-up per group, id and ancestor. */
struct ancestor_run {
	uint32_t area[AREA_VILLAGE];  /* the ancestor at each level, or NONE */
	double *acc[AREA_VILLAGE];    /* per (period rank, id): nv sums */
	uint32_t *used[AREA_VILLAGE]; /* the (period rank, id) summed, in order */
	size_t n_used[AREA_VILLAGE];
	unsigned char *is_used[AREA_VILLAGE];
	size_t n_slots, nv;
	uint32_t *period_of_rank;     /* period id of each rank */
};

static void ancestor_run_free(struct ancestor_run *run)
{
	for (int l = 0; l < AREA_VILLAGE; l++) {
		free(run->acc[l]);
		free(run->used[l]);
		free(run->is_used[l]);
	}
	free(run->period_of_rank);
}

static int ancestor_run_init(struct ancestor_run *run, const registry *r, const uint32_t *prank,
                             size_t n_ids, size_t nv)
{
	size_t n_periods = r->periods.n;

	memset(run, 0, sizeof *run);
	run->n_slots = n_periods * n_ids;
	run->nv = nv;
	run->period_of_rank = malloc((n_periods + 1) * sizeof *run->period_of_rank);
	if (!run->period_of_rank)
		return PK2D_ERR_NOMEM;
	for (uint32_t p = 0; p < n_periods; p++)
		run->period_of_rank[prank[p]] = p;
	for (int l = 0; l < AREA_VILLAGE; l++) {
		run->area[l] = NONE;
		run->acc[l] = calloc(run->n_slots * nv + 1, sizeof *run->acc[l]);
		run->used[l] = malloc((run->n_slots + 1) * sizeof *run->used[l]);
		run->is_used[l] = calloc(run->n_slots + 1, 1);
		if (!run->acc[l] || !run->used[l] || !run->is_used[l])
			return PK2D_ERR_NOMEM;
	}
	return 0;
}

/* Adds the totals of the run at level l to its ancestor in up, and empties
 * it. Each total was made from zero by the same additions, in the same
 * order, that adding each group's total to the table would make. */
static int ancestor_flush(struct ancestor_run *run, int l, struct vtable *up, size_t n_ids)
{
	size_t nv = run->nv;

	for (size_t i = 0; i < run->n_used[l]; i++) {
		uint32_t slot = run->used[l][i];
		struct rkey k = { (uint32_t)(slot % n_ids), run->area[l],
			          run->period_of_rank[slot / n_ids], RT_ALL };
		double *dst = vt_get(up, &k), *src = run->acc[l] + (size_t)slot * nv;

		if (!dst)
			return PK2D_ERR_NOMEM;
		for (size_t j = 0; j < nv; j++) {
			dst[j] += src[j];
			src[j] = 0;
		}
		run->is_used[l][slot] = 0;
	}
	run->n_used[l] = 0;
	return 0;
}

/* Adds the totals of every reported entry of t to its area and each of its
 * ancestors, after dropping the old totals. Each (area, period) group is
 * summed per id (n_ids ids) and its own total added to it directly; its
 * ancestors' totals are summed in a run per level (struct ancestor_run)
 * and then wait in a second table, which therefore holds the kecamatan and
 * higher areas and not every village again. The sums are made in one
 * order, groups by area and period, entries by RT, whatever order the
 * values came in: adding numbers with decimals in another order may change
 * their last bits, and a plugin's values come in the order of its input's
 * rows. */
static int rollup_table(registry *r, struct vtable *t, size_t n_ids)
{
	struct vtable up = { .nv = t->nv, .last = NONE };
	struct vt_iter it = { 0, 0 };
	struct walk_index w;
	struct ancestor_run run;
	size_t nv = (size_t)t->nv;
	double *acc = calloc(n_ids * nv + 1, sizeof *acc), *src;
	struct rkey k;
	/* Old totals are dropped; before the first roll-up there are none,
	 * and looking at every entry for them is a tenth of the roll-up. */
	int rc = !acc ? PK2D_ERR_NOMEM : r->rolled ? vt_filter(t, keep_reported, NULL) : 0;

	memset(&run, 0, sizeof run);
	if (rc == 0)
		rc = walk_index_build(r, t, n_ids, &w);
	else
		memset(&w, 0, sizeof w);
	if (rc == 0)
		rc = ancestor_run_init(&run, r, w.prank, n_ids, nv);
	/* Totals go into existing groups only: the index stays right. */
	for (size_t o = 0; rc == 0 && o < w.n_gorder; o++) {
		struct group *g = &t->groups[w.gorder[o]];
		const uint32_t *b = w.bucket + o * (n_ids + 1), *slots = w.slots + w.start[o];
		uint32_t area = g->area, totals = 0;
		size_t base = (size_t)w.prank[g->period] * n_ids;
		int level = r->area_level[area];

		/* A new ancestor at a level ends the run of the one before. */
		for (uint32_t a = r->area_parent[area]; rc == 0 && a != NONE; a = r->area_parent[a]) {
			int l = r->area_level[a];
			if (run.area[l] != a) {
				rc = ancestor_flush(&run, l, &up, n_ids);
				run.area[l] = a;
			}
		}
		/* All of the group's sums first: adding its own totals below may
		 * rebuild its table and move its slots. */
		for (size_t id = 0; id < n_ids; id++) {
			totals += b[id] != b[id + 1];
			for (uint32_t i = b[id]; i < b[id + 1]; i++)
				for (size_t j = 0; j < nv; j++)
					acc[id * nv + j] += g->vals[(size_t)slots[i] * nv + j];
		}
		/* Room for its totals at once, 80 % full after them: not grown by
		 * half on the way and made smaller again below. */
		if (rc == 0 && (uint64_t)(g->n + totals) * LOAD_DEN > (uint64_t)g->cap * LOAD_NUM)
			rc = group_rebuild(g, t->nv, g->n + totals, &t->n, NULL, NULL);
		k.area = area;
		k.period = g->period;
		k.rt = RT_ALL;
		for (size_t id = 0; rc == 0 && id < n_ids; id++) {
			double *dst;

			if (b[id] == b[id + 1])
				continue;
			k.ind = (uint32_t)id;
			if (!(dst = vt_get(t, &k))) {
				rc = PK2D_ERR_NOMEM;
				break;
			}
			for (size_t j = 0; j < nv; j++)
				dst[j] += acc[id * nv + j];
			for (int l = 0; l < level; l++) {
				size_t slot = base + id;
				double *sum = run.acc[l] + slot * nv;

				if (!run.is_used[l][slot]) {
					run.is_used[l][slot] = 1;
					run.used[l][run.n_used[l]++] = (uint32_t)slot;
				}
				for (size_t j = 0; j < nv; j++)
					sum[j] += acc[id * nv + j];
			}
			memset(acc + id * nv, 0, nv * sizeof *acc);
		}
	}
	for (int l = AREA_VILLAGE - 1; rc == 0 && l >= 0; l--)
		rc = ancestor_flush(&run, l, &up, n_ids);
	/* An ancestor's total adds to what it reported itself. */
	while (rc == 0 && vt_next(&up, &it, &k, &src)) {
		double *dst = vt_get(t, &k);
		if (!dst)
			rc = PK2D_ERR_NOMEM;
		else
			for (size_t j = 0; j < nv; j++)
				dst[j] += src[j];
	}
	vt_free(&up);
	free(acc);
	ancestor_run_free(&run);
	walk_index_free(&w);
	/* The totals grew most village tables by half: the values stay as
	 * they are until the run ends, so each table is made 80 % full. */
	for (size_t i = 0; rc == 0 && i < t->n_groups; i++) {
		struct group *g = &t->groups[i];
		if ((uint64_t)g->n * 10 < (uint64_t)g->cap * 7)
			rc = group_rebuild(g, t->nv, g->n, &t->n, NULL, NULL);
	}
	return rc;
}

static int cmp_group_area(const void *x, const void *y)
{
	uint32_t a = (*(const struct group *const *)x)->area;
	uint32_t b = (*(const struct group *const *)y)->area;

	return a < b ? -1 : a > b;
}

/* Lists the RTs of every village (struct rt_lists): its groups, of both
 * tables and every period, taken together in area order. Without memory
 * for them, no lists: registry_rts asks the tables as before. */
static void rt_lists_make(registry *r)
{
	const struct vtable *tables[] = { &r->vals, &r->ivals };
	size_t n = r->vals.n_groups + r->ivals.n_groups, k = 0, out = 0, cap = 0;
	const struct group **gs = malloc((n + 1) * sizeof *gs);
	struct rt_bits b = { { 0 }, 0, 0 };
	struct rt_lists l = { r->areas.n, calloc(r->areas.n + 1, sizeof *l.at), NULL };

	if (!gs || !l.at)
		goto nomem;
	for (int t = 0; t < 2; t++)
		for (size_t i = 0; i < tables[t]->n_groups; i++)
			gs[k++] = &tables[t]->groups[i];
	qsort(gs, n, sizeof *gs, cmp_group_area);
	k = 0;
	for (uint32_t a = 0; a < l.n_areas; a++) {
		size_t c;

		l.at[a] = (uint32_t)out;
		for (; k < n && gs[k]->area == a; k++)
			rt_bits_mark(&b, gs[k]);
		if ((c = rt_bits_count(&b)) == 0)
			continue;
		while (out + c > cap) {
			int *grown = grow_array(l.rt, &cap, cap, sizeof *l.rt, 1024);
			if (!grown)
				goto nomem;
			l.rt = grown;
		}
		rt_bits_take(&b, l.rt + out);
		out += c;
	}
	l.at[l.n_areas] = (uint32_t)out;
	free(gs);
	r->rts = l;
	return;
nomem:
	free(gs);
	free(l.at);
	free(l.rt);
}

void registry_rollup(registry *r)
{
	rt_lists_forget(r);
	if (rollup_table(r, &r->vals, r->n_ind) < 0 || rollup_table(r, &r->ivals, r->n_iv) < 0)
		r->status = PK2D_ERR_NOMEM;
	else if (!r->fold_rts)
		rt_lists_make(r);
	r->rolled = 1;
}

struct walk_item {
	int32_t rt;
	uint32_t prank;
	uint32_t group, slot;
};

static int cmp_walk_item(const void *x, const void *y)
{
	const struct walk_item *a = x, *b = y;

	if (a->rt != b->rt)
		return a->rt < b->rt ? -1 : 1;
	return a->prank < b->prank ? -1 : a->prank > b->prank;
}

/* Calls emit for every reported entry of t in walk order; stops when emit
 * returns non-zero. */
static void walk_ordered(registry *r, const struct vtable *t, size_t n_ind,
                         int (*emit)(const registry *r, void *ud, uint32_t ind,
                                     const struct group *g, uint32_t slot),
                         void *ud)
{
	struct walk_index w;
	struct walk_item *items = NULL;
	size_t cap_items = 0;

	if (walk_index_build(r, t, n_ind, &w) < 0) {
		r->status = PK2D_ERR_NOMEM;
		return;
	}
	for (size_t d = 0; d < n_ind; d++) {
		for (size_t o = 0; o < w.n_gorder;) {
			size_t end = o + 1, n = 0;

			while (end < w.n_gorder && t->groups[w.gorder[end]].area == t->groups[w.gorder[o]].area)
				end++;
			if (end == o + 1) {
				/* One period: the bucket is in order already. */
				const struct group *g = &t->groups[w.gorder[o]];
				const uint32_t *b = w.bucket + o * (n_ind + 1);
				for (uint32_t i = b[d]; i < b[d + 1]; i++)
					if (emit(r, ud, (uint32_t)d, g, w.slots[w.start[o] + i]))
						goto out;
				o = end;
				continue;
			}
			/* Several periods of one area: RT first, then period. */
			for (size_t q = o; q < end; q++) {
				const uint32_t *b = w.bucket + q * (n_ind + 1);
				n += b[d + 1] - b[d];
			}
			if (n > cap_items) {
				struct walk_item *ni = realloc(items, n * sizeof *ni);
				if (!ni) {
					r->status = PK2D_ERR_NOMEM;
					goto out;
				}
				items = ni;
				cap_items = n;
			}
			n = 0;
			for (size_t q = o; q < end; q++) {
				const struct group *g = &t->groups[w.gorder[q]];
				const uint32_t *b = w.bucket + q * (n_ind + 1);
				for (uint32_t i = b[d]; i < b[d + 1]; i++) {
					uint32_t slot = w.slots[w.start[q] + i];
					items[n++] = (struct walk_item){ g->keys[slot].rt, w.prank[g->period],
					                                 w.gorder[q], slot };
				}
			}
			qsort(items, n, sizeof *items, cmp_walk_item);
			for (size_t i = 0; i < n; i++)
				if (emit(r, ud, (uint32_t)d, &t->groups[items[i].group], items[i].slot))
					goto out;
			o = end;
		}
	}
out:
	free(items);
	walk_index_free(&w);
}

struct value_walk {
	int (*fn)(void *ud, const reg_indicator *ind, const char *area, int rt, const char *period,
	          const reg_sum *s);
	void *ud;
};

/* The RT a walk shows for a key: RT_ALL for a village's folded RTs. */
static int shown_rt(int32_t rt)
{
	return rt == RT_FOLDED ? RT_ALL : rt;
}

static int emit_value(const registry *r, void *ud, uint32_t ind, const struct group *g,
                      uint32_t slot)
{
	const struct value_walk *w = ud;
	const double *v = g->vals + (size_t)slot * 2;
	reg_sum s = { v[0], v[1] };

	return w->fn(w->ud, r->ind[ind], r->areas.s[g->area], shown_rt(g->keys[slot].rt),
	             r->periods.s[g->period], &s);
}

void registry_each_value(const registry *r,
                         int (*fn)(void *ud, const reg_indicator *ind, const char *area,
                                   int rt, const char *period, const reg_sum *s),
                         void *ud)
{
	struct value_walk w = { fn, ud };

	/* The registry is logically const here: only the status may change. */
	walk_ordered((registry *)r, &r->vals, r->n_ind, emit_value, &w);
}

struct ivalue_walk {
	int (*fn)(void *ud, const reg_intervention *iv, const char *area, int rt,
	          const char *period, const reg_isum *s);
	void *ud;
};

static int emit_ivalue(const registry *r, void *ud, uint32_t ind, const struct group *g,
                       uint32_t slot)
{
	const struct ivalue_walk *w = ud;
	const double *v = g->vals + (size_t)slot * 3;
	reg_isum s = { v[0], v[1], v[2] };

	return w->fn(w->ud, r->iv[ind], r->areas.s[g->area], shown_rt(g->keys[slot].rt),
	             r->periods.s[g->period], &s);
}

void registry_each_intervention_value(const registry *r,
                                      int (*fn)(void *ud, const reg_intervention *iv,
                                                const char *area, int rt,
                                                const char *period, const reg_isum *s),
                                      void *ud)
{
	struct ivalue_walk w = { fn, ud };

	walk_ordered((registry *)r, &r->ivals, r->n_iv, emit_ivalue, &w);
}
