/*
 * trend.c - comparison with the previous period, intervention progress
 * and the problems' histories (see trend.h).
 */
#include <config.h>

#include "trend.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agency_problems.h"

/* x rounded as printf's "%.*f" shows it and read back: y = x * 10^dec
 * rounded to the nearest whole number n, then n / 10^dec, the double
 * nearest to the decimal printf writes, as strtod reads it (two exact
 * whole numbers divided). Below 2^52 every half is a double and rounding
 * is monotonic, so the computed y is on the same side of a half as the
 * exact product, or on it: only then, and for the rest, are printf and
 * strtod asked (a province's trends round half a million numbers). */
double trend_shown(double x, int dec)
{
	static const double pow10[] = { 1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8 };
	char buf[400];

	if (!isfinite(x))
		return x;
	if (dec >= 0 && dec < (int)(sizeof pow10 / sizeof *pow10)) {
		double y = x * pow10[dec], f = floor(y), half = y - f - 0.5;

		if (fabs(y) < 1e15 && half != 0)
			return (half < 0 ? f : f + 1) / pow10[dec] + 0.0; /* no -0 */
	}
	snprintf(buf, sizeof buf, "%.*f", dec, x);
	return strtod(buf, NULL) + 0.0;
}

double trend_delta(double prev, int decp, double cur, int decc)
{
	if (isnan(prev) || isnan(cur))
		return NAN;
	return trend_shown(trend_shown(cur, decc) - trend_shown(prev, decp),
	                   decp > decc ? decp : decc);
}

int trend_change_of(int direction, double delta)
{
	if (isnan(delta))
		return TREND_NONE;
	if (delta == 0)
		return TREND_SAME;
	if (direction == PK2D_NEUTRAL)
		return TREND_MOVED;
	return (delta > 0) == (direction == PK2D_HIGHER_IS_BETTER) ? TREND_BETTER : TREND_WORSE;
}

/* The change of a score from prev to cur (trend_delta, two decimals). */
static void score_change(trend_dim *td)
{
	td->delta = trend_delta(td->prev, TREND_SCORE_DECIMALS, td->cur, TREND_SCORE_DECIMALS);
	td->change = trend_change_of(PK2D_HIGHER_IS_BETTER, td->delta);
}

int trend_target_changed(double then, double now)
{
	if (isnan(then) || isnan(now))
		return isnan(then) != isnan(now);
	return fabs(then - now) > 1e-9;
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
	for (size_t i = 0; i < t->n_series; i++)
		free(t->series[i].points);
	free(t->series);
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

/* The k points of *pts (time order) with this run's point cur put in its
 * place, or in place of a stored one of its period; with cur NULL (the run
 * has no value) a stored one of the period taken out. The new count, or
 * PK2D_ERR_NOMEM (*pts freed). */
static long with_point(store_point **pts, long k, const char *period, const store_point *cur)
{
	store_point *v;
	long at = 0;
	int stored;

	while (at < k && store_period_cmp((*pts)[at].period, period) < 0)
		at++;
	stored = at < k && strcmp((*pts)[at].period, period) == 0;
	if (!cur) {
		if (stored) {
			memmove(*pts + at, *pts + at + 1, (size_t)(k - at - 1) * sizeof **pts);
			k--;
		}
		return k;
	}
	if (!stored) {
		if (!(v = realloc(*pts, (size_t)(k + 1) * sizeof *v))) {
			free(*pts);
			*pts = NULL;
			return PK2D_ERR_NOMEM;
		}
		*pts = v;
		memmove(v + at + 1, v + at, (size_t)(k - at) * sizeof *v);
		k++;
	}
	(*pts)[at] = *cur;
	return k;
}

/* Every stored period of a score with this run's value put in (with_point). */
static int score_history(store *s, const trend *t, const char *item, trend_dim *td,
                         char *err, size_t errlen)
{
	store_point *pts = NULL, cur = { .num = NAN, .den = NAN, .value = td->cur, .target = NAN };
	long k;

	if (!s)
		return 0;
	if ((k = store_score_series(s, item, t->area, RT_ALL, &pts, err, errlen)) < 0)
		return (int)k;
	snprintf(cur.period, sizeof cur.period, "%s", t->period);
	if ((k = with_point(&pts, k, t->period, isnan(td->cur) ? NULL : &cur)) < 0)
		return (int)k;
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
	score_change(&t->dims[0]);
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
		score_change(td);
		if (rc == 0)
			rc = score_history(s, t, item, td, err, errlen);
	}
	return rc;
}

static int fill_rows(store *s, const registry *r, trend *t, char *err, size_t errlen)
{
	size_t n = registry_n_indicators(r);
	reg_place at;

	if (n && !(t->rows = calloc(n, sizeof *t->rows)))
		return PK2D_ERR_NOMEM;
	registry_place(r, t->area, t->period, &at);
	for (size_t i = 0; i < n; i++) {
		const reg_indicator *d = registry_indicator_at(r, i);
		trend_row row = { .decl = d, .prev = NAN, .cur = NAN, .prev_target = NAN,
		                  .cur_target = d->has_target ? d->target : NAN };
		reg_sum sum;

		if (registry_get_at(r, d, &at, RT_ALL, &sum))
			row.cur = reg_value(d, &sum);
		if (s && *t->prev_period) {
			store_point p;
			int rc = store_get_value(s, d->full_id, t->area, RT_ALL, t->prev_period,
			                         &p, err, errlen);

			if (rc < 0)
				return rc;
			if (rc) {
				row.prev = p.value;
				row.prev_target = p.target;
			}
		}
		if (isnan(row.cur) && isnan(row.prev))
			continue;
		row.delta = trend_delta(row.prev, reg_value_decimals(d->kind, row.prev), row.cur,
		                        reg_value_decimals(d->kind, row.cur));
		row.change = trend_change_of(d->direction, row.delta);
		row.target_changed = !isnan(row.prev) && !isnan(row.cur) &&
		                     trend_target_changed(row.prev_target, row.cur_target);
		t->rows[t->n_rows++] = row;
	}
	return 0;
}

/* Every stored period of an indicator's value with this run's own put in
 * (with_point). */
static long value_history(store *s, const registry *r, const reg_indicator *d, const trend *t,
                          store_point **out, char *err, size_t errlen)
{
	store_point cur = { .target = d->has_target ? d->target : NAN };
	long k = store_series(s, d->full_id, t->area, RT_ALL, out, err, errlen);
	reg_sum sum;
	int has = registry_get(r, d, t->area, RT_ALL, t->period, &sum);

	if (k < 0)
		return k;
	snprintf(cur.period, sizeof cur.period, "%s", t->period);
	if (has) {
		cur.num = sum.num;
		cur.den = sum.den;
		cur.value = reg_value(d, &sum);
	}
	return with_point(out, k, t->period, has ? &cur : NULL);
}

/* The history of each problem's indicator, kept when it has two periods. */
static int fill_series(store *s, const registry *r, const assess_area *aa, trend *t,
                       char *err, size_t errlen)
{
	size_t n = aa->n_problems + aa->n_agency_problems;

	if (!s || !n)
		return 0;
	if (!(t->series = calloc(n, sizeof *t->series)))
		return PK2D_ERR_NOMEM;
	for (size_t i = 0; i < n; i++) {
		const reg_indicator *d = i < aa->n_problems
		                         ? aa->problems[i].indicator->decl
		                         : aa->agency_problems[i - aa->n_problems].row->decl;
		store_point *pts = NULL;
		long k;

		if (!d)
			continue;
		if ((k = value_history(s, r, d, t, &pts, err, errlen)) < 0)
			return (int)k;
		if (k < 2) {
			free(pts);
			continue;
		}
		t->series[t->n_series].decl = d;
		t->series[t->n_series].n = (size_t)k;
		t->series[t->n_series++].points = pts;
	}
	return 0;
}

/* Whether the model that scored prev_period is not this run's. */
static int model_changed(store *s, const trend *t, const char *digest, char *err,
                         size_t errlen, int *changed)
{
	char then[64];
	int rc;

	*changed = 0;
	if (!s || !digest || !*t->prev_period)
		return 0;
	rc = store_get_category(s, t->area, RT_ALL, t->prev_period, "model", then, sizeof then,
	                        err, errlen);
	if (rc > 0)
		*changed = strcmp(then, digest) != 0;
	return rc < 0 ? rc : 0;
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

int trend_compute(store *s, const registry *r, const assess_area *aa, const char *period,
                  const char *model_digest, trend **out, char *err, size_t errlen)
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
	if (rc >= 0)
		rc = fill_series(s, r, aa, t, err, errlen);
	if (rc >= 0)
		rc = model_changed(s, t, model_digest, err, errlen, &t->model_changed);
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
