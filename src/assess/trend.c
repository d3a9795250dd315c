/*
 * trend.c - comparison with the previous period and intervention progress
 * (see trend.h).
 */
#include <config.h>

#include "trend.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int trend_change_of(int direction, double prev, double cur)
{
	double d;

	if (isnan(prev) || isnan(cur))
		return TREND_NONE;
	d = cur - prev;
	if (fabs(d) < TREND_EPSILON)
		return TREND_SAME;
	if (direction == PK2D_NEUTRAL)
		return TREND_MOVED;
	return (d > 0) == (direction == PK2D_HIGHER_IS_BETTER) ? TREND_BETTER : TREND_WORSE;
}

void trend_free(trend *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->n_progress; i++)
		free(t->progress[i].points);
	free(t->progress);
	for (size_t i = 0; i < t->n_dims; i++)
		free(t->dims[i].history);
	free(t->rows);
	free(t->dims);
	free(t);
}

static double prev_score(store *s, const trend *t, const char *item, char *err,
                         size_t errlen, int *rc)
{
	double v = NAN;

	if (!s || !*t->prev_period || *rc < 0)
		return NAN;
	if ((*rc = store_get_score(s, t->area, RT_ALL, t->prev_period, item, &v, err,
	                           errlen)) <= 0)
		v = NAN;
	if (*rc > 0)
		*rc = 0;
	return v;
}

/* Every stored period of a score with this run's value put in (or in
 * place of a stored one; a stored one of this period goes when the run has
 * no value), as with_current does for an intervention. */
static int score_history(store *s, const trend *t, const char *item, trend_dim *td,
                         char *err, size_t errlen)
{
	store_point *pts = NULL, *v;
	long k, at = 0;
	int stored;

	if (!s)
		return 0;
	if ((k = store_score_series(s, item, t->area, RT_ALL, &pts, err, errlen)) < 0)
		return (int)k;
	while (at < k && store_period_cmp(pts[at].period, t->period) < 0)
		at++;
	stored = at < k && strcmp(pts[at].period, t->period) == 0;
	if (isnan(td->cur) && stored) {
		memmove(pts + at, pts + at + 1, (size_t)(k - at - 1) * sizeof *pts);
		k--;
	} else if (!isnan(td->cur)) {
		if (!stored) {
			if (!(v = realloc(pts, (size_t)(k + 1) * sizeof *v))) {
				free(pts);
				return PK2D_ERR_NOMEM;
			}
			pts = v;
			memmove(pts + at + 1, pts + at, (size_t)(k - at) * sizeof *pts);
			k++;
		}
		snprintf(pts[at].period, sizeof pts[at].period, "%s", t->period);
		pts[at].num = pts[at].den = pts[at].target = NAN;
		pts[at].value = td->cur;
	}
	td->history = pts;
	td->n_history = (size_t)k;
	return 0;
}

static int fill_dims(store *s, const assess_area *aa, trend *t, char *err, size_t errlen)
{
	int rc = 0;

	t->n_dims = aa->score.n_dimensions + 1;
	if (!(t->dims = calloc(t->n_dims, sizeof *t->dims)))
		return PK2D_ERR_NOMEM;
	t->dims[0].cur = aa->score.ikk;
	t->dims[0].prev = prev_score(s, t, "ikk", err, errlen, &rc);
	t->dims[0].change = trend_change_of(PK2D_HIGHER_IS_BETTER, t->dims[0].prev,
	                                    t->dims[0].cur);
	if (rc == 0)
		rc = score_history(s, t, "ikk", &t->dims[0], err, errlen);
	for (size_t i = 0; i < aa->score.n_dimensions && rc == 0; i++) {
		const assess_dimension *d = &aa->score.dimensions[i];
		trend_dim *td = &t->dims[i + 1];
		char item[160];

		snprintf(item, sizeof item, "dim.%s", d->model->key);
		td->model = d->model;
		td->cur = d->value;
		td->prev = prev_score(s, t, item, err, errlen, &rc);
		td->change = trend_change_of(PK2D_HIGHER_IS_BETTER, td->prev, td->cur);
		if (rc == 0)
			rc = score_history(s, t, item, td, err, errlen);
	}
	return rc;
}

static int fill_rows(store *s, const registry *r, trend *t, char *err, size_t errlen)
{
	size_t n = registry_n_indicators(r);

	if (n && !(t->rows = calloc(n, sizeof *t->rows)))
		return PK2D_ERR_NOMEM;
	for (size_t i = 0; i < n; i++) {
		const reg_indicator *d = registry_indicator_at(r, i);
		trend_row row = { .decl = d, .prev = NAN, .cur = NAN };
		reg_sum sum;

		if (registry_get(r, d, t->area, RT_ALL, t->period, &sum))
			row.cur = reg_value(d, &sum);
		if (s && *t->prev_period) {
			store_point p;
			int rc = store_get_value(s, d->full_id, t->area, RT_ALL, t->prev_period,
			                         &p, err, errlen);

			if (rc < 0)
				return rc;
			if (rc)
				row.prev = p.value;
		}
		if (isnan(row.cur) && isnan(row.prev))
			continue;
		row.change = trend_change_of(d->direction, row.prev, row.cur);
		t->rows[t->n_rows++] = row;
	}
	return 0;
}

/* The stored points of an intervention with this run's own period put in
 * (or in place of a stored one: the report shows this run's figures), so
 * that every progress chart has the report's period, first run or not. */
static long with_current(const registry *r, const reg_intervention *d, const trend *t,
                         store_ipoint **pts, long k)
{
	store_ipoint cur, *v;
	reg_isum sum;
	long at = 0;

	if (!registry_get_intervention(r, d, t->area, RT_ALL, t->period, &sum))
		return k;
	memset(&cur, 0, sizeof cur);
	snprintf(cur.period, sizeof cur.period, "%s", t->period);
	cur.target = sum.target;
	cur.realised = sum.realised;
	cur.budget = sum.budget;
	while (at < k && store_period_cmp((*pts)[at].period, t->period) < 0)
		at++;
	if (at < k && strcmp((*pts)[at].period, t->period) == 0) {
		(*pts)[at] = cur;
		return k;
	}
	if (!(v = realloc(*pts, (size_t)(k + 1) * sizeof *v)))
		return PK2D_ERR_NOMEM;
	memmove(v + at + 1, v + at, (size_t)(k - at) * sizeof *v);
	v[at] = cur;
	*pts = v;
	return k + 1;
}

static int fill_progress(store *s, const registry *r, trend *t, char *err, size_t errlen)
{
	size_t n = registry_n_interventions(r);

	if (!s || !n)
		return 0;
	if (!(t->progress = calloc(n, sizeof *t->progress)))
		return PK2D_ERR_NOMEM;
	for (size_t i = 0; i < n; i++) {
		const reg_intervention *d = registry_intervention_at(r, i);
		store_ipoint *pts;
		long k = store_iseries(s, d->full_id, t->area, RT_ALL, &pts, err, errlen);

		if (k >= 0)
			k = with_current(r, d, t, &pts, k);
		if (k < 0) {
			free(pts);
			return (int)k;
		}
		if (k == 0) {
			free(pts);
			continue;
		}
		t->progress[t->n_progress].decl = d;
		t->progress[t->n_progress].n = (size_t)k;
		t->progress[t->n_progress].points = pts;
		t->n_progress++;
	}
	return 0;
}

int trend_compute(store *s, const registry *r, const assess_area *aa,
                  const char *period, trend **out, char *err, size_t errlen)
{
	trend *t = calloc(1, sizeof *t);
	int rc;

	*out = NULL;
	if (!t) {
		snprintf(err, errlen, "out of memory");
		return PK2D_ERR_NOMEM;
	}
	snprintf(t->area, sizeof t->area, "%s", aa->code);
	snprintf(t->period, sizeof t->period, "%s", period);
	rc = s ? store_previous_period(s, t->area, period, t->prev_period,
	                               sizeof t->prev_period, err, errlen) : 0;
	if (rc == 0)
		*t->prev_period = 0;
	if (rc >= 0)
		rc = fill_dims(s, aa, t, err, errlen);
	if (rc >= 0)
		rc = fill_rows(s, r, t, err, errlen);
	if (rc >= 0)
		rc = fill_progress(s, r, t, err, errlen);
	if (rc < 0) {
		if (rc == PK2D_ERR_NOMEM)
			snprintf(err, errlen, "out of memory");
		trend_free(t);
		return rc;
	}
	*out = t;
	return 0;
}

static int put_score(store *s, const assess_score *sc, const char *period,
                     char *err, size_t errlen)
{
	int rc = store_put_score(s, sc->area, sc->rt, period, "ikk", sc->ikk,
	                         sc->category ? sc->category->key : NULL, err, errlen);

	for (size_t i = 0; i < sc->n_dimensions && rc == 0; i++) {
		char item[160];

		snprintf(item, sizeof item, "dim.%s", sc->dimensions[i].model->key);
		rc = store_put_score(s, sc->area, sc->rt, period, item,
		                     sc->dimensions[i].value, NULL, err, errlen);
	}
	return rc;
}

int trend_store_scores(store *s, const assess_area *aa, const char *period,
                       const char *model_digest, char *err, size_t errlen)
{
	int rc = put_score(s, &aa->score, period, err, errlen);

	if (rc == 0 && model_digest)
		rc = store_put_score(s, aa->score.area, aa->score.rt, period, "model", NAN,
		                     model_digest, err, errlen);

	for (size_t i = 0; i < aa->n_parts && rc == 0; i++)
		rc = put_score(s, &aa->parts[i], period, err, errlen);
	return rc;
}
