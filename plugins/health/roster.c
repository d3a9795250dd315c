/*
 * roster.c - one record per child, cells and KK.
 */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "roster.h"

void roster_init(roster *r)
{
	memset(r, 0, sizeof *r);
}

void roster_free(roster *r)
{
	idmap_free(&r->cells);
	idmap_free(&r->ids);
	idmap_free(&r->kks);
	free(r->cell_area);
	free(r->cell_rt);
	free(r->counts);
	free(r->cell_order);
	free(r->cell_rank);
	free(r->kk_cell);
	free(r->kids);
	for (size_t i = 0; i < r->n_follow; i++)
		free(r->follow[i].id);
	free(r->follow);
	memset(r, 0, sizeof *r);
}

void roster_reset(roster *r)
{
	idmap_clear(&r->cells);
	idmap_clear(&r->ids);
	idmap_clear(&r->kks);
	for (size_t i = 0; i < r->n_follow; i++)
		free(r->follow[i].id);
	r->n_cells = 0;
	r->n_kids = 0;
	r->n_follow = 0;
}

/* Makes room for one more element of size sz in *arr of capacity *cap. */
static int reserve(void **arr, size_t *cap, size_t n, size_t sz)
{
	if (n < *cap)
		return 0;
	size_t c = *cap != 0 ? *cap * 2 : 64;
	void *p = realloc(*arr, c * sz);
	if (p == NULL)
		return PK2D_ERR_NOMEM;
	*arr = p;
	*cap = c;
	return 0;
}

/* Doubles the room for cells (64 the first time). */
static int grow_cells(roster *r)
{
	size_t c = r->cap_cells != 0 ? r->cap_cells * 2 : 64;
	void *p;

	/* Each array keeps its old block when another cannot grow. */
	if ((p = realloc(r->cell_area, c * sizeof *r->cell_area)) == NULL)
		return PK2D_ERR_NOMEM;
	r->cell_area = p;
	if ((p = realloc(r->cell_rt, c * sizeof *r->cell_rt)) == NULL)
		return PK2D_ERR_NOMEM;
	r->cell_rt = p;
	if ((p = realloc(r->counts, c * sizeof *r->counts)) == NULL)
		return PK2D_ERR_NOMEM;
	r->counts = p;
	if ((p = realloc(r->cell_order, c * sizeof *r->cell_order)) == NULL)
		return PK2D_ERR_NOMEM;
	r->cell_order = p;
	if ((p = realloc(r->cell_rank, c * sizeof *r->cell_rank)) == NULL)
		return PK2D_ERR_NOMEM;
	r->cell_rank = p;
	r->cap_cells = c;
	return 0;
}

int roster_cell(roster *r, const char *area, int rt, uint32_t *cell)
{
	char key[FIELDS_AREA_MAX + sizeof rt];
	size_t n = strlen(area);
	uint32_t v = (uint32_t)r->n_cells;
	int rc;

	/* The export comes RT by RT: most rows are in the cell of the row
	 * before, the last cell made or found. */
	if (r->n_cells > 0 && r->cell_rt[r->last_cell] == rt &&
	    strcmp(r->cell_area[r->last_cell], area) == 0) {
		*cell = r->last_cell;
		return 0;
	}
	if (n >= FIELDS_AREA_MAX)
		return PK2D_ERR_INVALID;
	memcpy(key, area, n + 1);
	memcpy(key + n + 1, &rt, sizeof rt);
	rc = idmap_get_or_put(&r->cells, key, n + 1 + sizeof rt, &v);
	if (rc < 0)
		return rc;
	if (rc == 0) {
		if (r->n_cells >= r->cap_cells && grow_cells(r) != 0)
			return PK2D_ERR_NOMEM;
		memcpy(r->cell_area[v], area, n + 1);
		r->cell_rt[v] = rt;
		memset(&r->counts[v], 0, sizeof r->counts[v]);
		r->n_cells++;
	}
	r->last_cell = v;
	*cell = v;
	return 0;
}

unsigned roster_reasons(const zscore_result *res, int oedema)
{
	unsigned why = 0;

	if (res->flag[ZS_LEN] == 0 && res->z[ZS_LEN] < -3)
		why |= FR_SEVERELY_STUNTED;
	else if (res->flag[ZS_LEN] == 0 && res->z[ZS_LEN] < -2)
		why |= FR_STUNTED;
	if (res->flag[ZS_WFL] == 0 && res->z[ZS_WFL] < -3)
		why |= FR_SEVERELY_WASTED;
	else if (res->flag[ZS_WFL] == 0 && res->z[ZS_WFL] < -2)
		why |= FR_WASTED;
	if (oedema)
		why |= FR_OEDEMA;
	for (int i = 0; i < ZS_N; i++)
		if (res->flag[i] == 1)
			why |= FR_REMEASURE;
	return why;
}

static int add_followup(roster *r, const ppgbm_row *row, const zscore_result *res,
                        uint32_t cell, unsigned why, uint32_t *index)
{
	const char *parts[5] = { row->id, row->name, row->parent, row->posyandu, row->kk };
	size_t len[5], total = 0;
	int rc = reserve((void **)&r->follow, &r->cap_follow, r->n_follow, sizeof *r->follow);

	if (rc != 0)
		return rc;
	for (int i = 0; i < 5; i++)
		total += (len[i] = strlen(parts[i])) + 1;
	char *block = malloc(total), *p = block;
	if (block == NULL)
		return PK2D_ERR_NOMEM;
	followup *f = &r->follow[r->n_follow];
	char **dest[5] = { &f->id, &f->name, &f->parent, &f->posyandu, &f->kk };
	for (int i = 0; i < 5; i++) {
		memcpy(p, parts[i], len[i] + 1);
		*dest[i] = p;
		p += len[i] + 1;
	}
	f->cell = cell;
	f->sex = row->in.sex;
	f->age_days = row->in.age_days;
	f->measured = row->measured;
	for (int i = 0; i < ZS_N; i++) {
		f->z[i] = res->z[i];
		f->flag[i] = res->flag[i];
	}
	f->reasons = why;
	*index = (uint32_t)++r->n_follow;
	return 0;
}

/* Fills record k from the row. */
static int set_record(roster *r, child_rec *k, const ppgbm_row *row,
                      const zscore_result *res, uint32_t cell, long line)
{
	unsigned why = roster_reasons(res, row->in.oedema);
	int rc;

	if (k->follow != 0) {
		free(r->follow[k->follow - 1].id);
		r->follow[k->follow - 1].id = NULL;
	}
	k->cell = cell;
	k->kk = ROSTER_NONE;
	k->follow = 0;
	k->measured = row->measured;
	k->line = line;
	k->oedema = (char)row->in.oedema;
	for (int i = 0; i < ZS_N; i++) {
		k->z[i] = res->z[i];
		k->flag[i] = (signed char)res->flag[i];
	}
	if (*row->kk != '\0') {
		uint32_t v = (uint32_t)r->kks.len;
		rc = idmap_get_or_put(&r->kks, row->kk, strlen(row->kk), &v);
		if (rc < 0)
			return rc;
		if (rc == 0) {
			rc = reserve((void **)&r->kk_cell, &r->cap_kk, v, sizeof *r->kk_cell);
			if (rc != 0)
				return rc;
		}
		k->kk = v;
	}
	if (why != 0 && !r->no_followup)
		return add_followup(r, row, res, cell, why, &k->follow);
	return 0;
}

/* Whether a measurement of a child replaces the one kept: the later date
 * wins, and a known date an unknown one. The host already decided copies
 * with one id and one date text (csv_group); a tie left here (two texts of
 * one day, or two unknown dates) goes by the results, so that the order of
 * the rows never matters. */
static int replaces(const roster *r, const ppgbm_row *row, const zscore_result *res,
                    uint32_t cell, const child_rec *k)
{
	int d;

	if (row->measured != k->measured)
		return row->measured > k->measured;
	for (int i = 0; i < ZS_N; i++) {
		if (isnan(res->z[i]) != isnan(k->z[i]))
			return isnan(k->z[i]);
		if (!isnan(res->z[i]) && res->z[i] != k->z[i])
			return res->z[i] > k->z[i];
		if (res->flag[i] != k->flag[i])
			return res->flag[i] > k->flag[i];
	}
	if ((d = (row->in.oedema != 0) - (k->oedema != 0)) != 0)
		return d > 0;
	return r->cell_rt[cell] > r->cell_rt[k->cell];
}

int roster_add(roster *r, const ppgbm_row *row, const zscore_result *res, long line,
               long *other_line)
{
	uint32_t cell;
	uint32_t index = (uint32_t)r->n_kids;
	int rc = roster_cell(r, row->area, row->rt, &cell);

	*other_line = 0;
	if (rc != 0)
		return rc;
	if (*row->id != '\0') {
		rc = idmap_get_or_put(&r->ids, row->id, strlen(row->id), &index);
		if (rc < 0)
			return rc;
		if (rc == 1) {
			child_rec *k = &r->kids[index];
			*other_line = k->line;
			if (!replaces(r, row, res, cell, k))
				return 0;
			return set_record(r, k, row, res, cell, line);
		}
	}
	rc = reserve((void **)&r->kids, &r->cap_kids, r->n_kids, sizeof *r->kids);
	if (rc != 0)
		return rc;
	child_rec *k = &r->kids[r->n_kids++];
	k->follow = 0;
	return set_record(r, k, row, res, cell, line);
}

/* The cells by area code, then RT: the order the cells are reported in and
 * the children added in. A village has few cells; compared once each. */
static const roster *sort_roster;

static int by_area_rt(const void *x, const void *y)
{
	const roster *r = sort_roster;
	uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
	int d = strcmp(r->cell_area[a], r->cell_area[b]);

	if (d != 0)
		return d;
	return (r->cell_rt[a] > r->cell_rt[b]) - (r->cell_rt[a] < r->cell_rt[b]);
}

static void order_cells(roster *r)
{
	for (size_t i = 0; i < r->n_cells; i++)
		r->cell_order[i] = (uint32_t)i;
	sort_roster = r;
	if (r->n_cells > 1)     /* no cells: cell_order is still NULL */
		qsort(r->cell_order, r->n_cells, sizeof *r->cell_order, by_area_rt);
	for (size_t i = 0; i < r->n_cells; i++)
		r->cell_rank[r->cell_order[i]] = (uint32_t)i;
}

/* Whether child a's results come before child b's: index by index, no z
 * before a z, then the smaller z. */
static int results_before(const child_rec *a, const child_rec *b)
{
	for (int i = 0; i < ZS_N; i++) {
		int na = isnan(a->z[i]), nb = isnan(b->z[i]);
		if (na != nb)
			return na;
		if (!na && a->z[i] != b->z[i])
			return a->z[i] < b->z[i];
	}
	return 0;
}

static int by_results(const void *x, const void *y)
{
	const child_rec *a = &sort_roster->kids[*(const uint32_t *)x];
	const child_rec *b = &sort_roster->kids[*(const uint32_t *)y];

	return results_before(a, b) ? -1 : results_before(b, a);
}

/* A cell's children (their indices) sorted by results: an RT's few by
 * binary insertion (no call per comparison), a village's many (one without
 * RTs) by qsort. Both keep equal children in their order. */
#define FEW_CHILDREN 256

static void sort_by_results(const roster *r, uint32_t *idx, size_t n)
{
	if (n > FEW_CHILDREN) {
		sort_roster = r;
		qsort(idx, n, sizeof *idx, by_results);
		return;
	}
	for (size_t i = 1; i < n; i++) {
		uint32_t v = idx[i];
		size_t lo = 0, hi = i;
		/* The first of idx[0..i) that v comes before. */
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (results_before(&r->kids[v], &r->kids[idx[mid]]))
				hi = mid;
			else
				lo = mid + 1;
		}
		memmove(idx + lo + 1, idx + lo, (i - lo) * sizeof *idx);
		idx[lo] = v;
	}
}

/* The children's indices in the order they are added: by cell (cell_rank),
 * then by results. */
static int order_children(const roster *r, uint32_t *order)
{
	uint32_t *start = calloc(r->n_cells + 1, sizeof *start);

	if (start == NULL)
		return PK2D_ERR_NOMEM;
	for (size_t i = 0; i < r->n_kids; i++)
		start[r->cell_rank[r->kids[i].cell] + 1]++;
	for (size_t c = 0; c < r->n_cells; c++)
		start[c + 1] += start[c];
	/* start[c] now runs over cell rank c's slots as they fill; once all
	 * are placed it is where rank c + 1 begins. */
	for (size_t i = 0; i < r->n_kids; i++)
		order[start[r->cell_rank[r->kids[i].cell]]++] = (uint32_t)i;
	for (size_t c = 0; c < r->n_cells; c++) {
		uint32_t from = c > 0 ? start[c - 1] : 0;
		sort_by_results(r, order + from, start[c] - from);
	}
	free(start);
	return 0;
}

int roster_count(roster *r)
{
	size_t n_kk = r->kks.len;
	unsigned char *state = calloc(n_kk != 0 ? n_kk : 1, 1);   /* 1 measured, 2 stunted */
	uint32_t *order = malloc((r->n_kids + 1) * sizeof *order);

	order_cells(r);
	if (state == NULL || order == NULL || order_children(r, order) != 0) {
		free(state);
		free(order);
		return PK2D_ERR_NOMEM;
	}
	/* The z-score sums are added in one order whatever the rows' order:
	 * numbers with decimals added in another order may differ in their
	 * last bits. Children that compare equal add the same numbers. */
	/* A KK counts in the first cell of the children counted (a child's
	 * earlier measurement, replaced, places nothing). */
	for (size_t i = 0; i < n_kk; i++)
		r->kk_cell[i] = ROSTER_NONE;
	for (size_t i = 0; i < r->n_kids; i++) {
		const child_rec *k = &r->kids[i];
		if (k->kk != ROSTER_NONE &&
		    (r->kk_cell[k->kk] == ROSTER_NONE ||
		     r->cell_rank[k->cell] < r->cell_rank[r->kk_cell[k->kk]]))
			r->kk_cell[k->kk] = k->cell;
	}
	/* A record keeps only the rounded z-scores and flags, all that the
	 * counting reads of a result. */
	zscore_result res;
	for (size_t i = 0; i < r->n_kids; i++) {
		const child_rec *k = &r->kids[order[i]];
		for (int j = 0; j < ZS_N; j++) {
			res.z[j] = k->z[j];
			res.flag[j] = k->flag[j];
		}
		prev_add_child(&r->counts[k->cell], &res, k->oedema);
		if (k->kk != ROSTER_NONE && !isnan(k->z[ZS_LEN]) &&
		    k->flag[ZS_LEN] == 0)
			state[k->kk] |= 1 | (k->z[ZS_LEN] < -2 ? 2 : 0);
	}
	for (size_t i = 0; i < n_kk; i++) {
		if (!(state[i] & 1))
			continue;
		prev_counts *c = &r->counts[r->kk_cell[i]];
		c->kk_measured++;
		c->kk_free += !(state[i] & 2);
	}
	free(state);
	free(order);
	return 0;
}
