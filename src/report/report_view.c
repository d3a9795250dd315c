/*
 * report_view.c - gathers what the writers read (see report_view.h) and
 * the questions every writer asks of it, answered once.
 */
#include <config.h>

#include "report_view.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "present.h"
#include "util.h"


/* The trend of an area. In a report limited to the lokus villages an area
 * above a village has none: the store holds the whole area's figures, not
 * its lokus villages' sums. */
static int fill(const report_view *v, view_area *va, store *s, const registry *r,
                const char *period, char *err, size_t errlen)
{
	if (v->n_lokus && va->aa->level < AREA_VILLAGE)
		s = NULL;
	return trend_compute(s, r, va->aa, period, v->model_digest, &va->trend, err, errlen);
}

struct village_trends {
	const report_view *v;
	store *s;
	const registry *r;
	const char *period;
	trend **out;            /* by village */
	char *err;
	size_t errlen;
};

/* A village's trend, as soon as it is assessed (assess_then_fn). */
static int village_trend(void *arg, size_t i, assess_area *aa)
{
	struct village_trends *c = arg;
	view_area va = { .aa = aa };
	int rc = fill(c->v, &va, c->s, c->r, c->period, c->err, c->errlen);

	c->out[i] = va.trend;
	return rc;
}

int report_view_no_trend(const report_view *v, const trend *t)
{
	return v->n_lokus && area_level(t->area) < AREA_VILLAGE ? T_LOKUS_NO_TREND : T_NO_HISTORY;
}

/* d's code in m ("F2"), or its full id when m has none. */
static const char *code_in(const model *m, const reg_indicator *d)
{
	for (size_t k = 0; k < m->n_dimensions; k++)
		for (size_t i = 0; i < m->dimensions[k].n_indicators; i++)
			if (!strcmp(m->dimensions[k].indicators[i].ref, d->full_id))
				return m->dimensions[k].indicators[i].code;
	return d->full_id;
}

/* Every declared indicator's code in m, by its index (view.codes): the
 * trend tables show one for every indicator of every village: a
 * province's 2,000 tables searched the model some 200,000 times. */
static const char **indicator_codes(const model *m, const registry *r)
{
	size_t n = registry_n_indicators(r);
	const char **codes = malloc((n + 1) * sizeof *codes);

	for (size_t i = 0; codes && i < n; i++)
		codes[i] = code_in(m, registry_indicator_at(r, i));
	return codes;
}

int report_view_build(report_view *v, const assessment *as, const registry *r,
                      store *s, char *err, size_t errlen)
{
	size_t nv = 0;
	int rc;

	v->as = as;
	v->reg = r;
	v->store_on = s != NULL;
	v->headlines = present_headlines(r, &v->n_headlines);
	if (!as)
		return 0;
	if (!(v->codes = indicator_codes(as->model, r))) {
		snprintf(err, errlen, "out of memory");
		return PK2D_ERR_NOMEM;
	}
	v->period = as->period;
	v->area = as->run_area;
	v->summary = as->summary;
	v->n_summary = as->n_summary;
	v->main.aa = as->main;
	v->wide = as->main->level < AREA_VILLAGE;
	if ((rc = fill(v, &v->main, s, r, as->period, err, errlen)) < 0)
		return rc;
	if (as->main->level == AREA_VILLAGE)
		return 0;
	for (size_t i = 0; i < as->n_summary; i++)
		nv += as->summary[i].level == AREA_VILLAGE;
	if (nv && !(v->villages = calloc(nv, sizeof *v->villages))) {
		snprintf(err, errlen, "out of memory");
		return PK2D_ERR_NOMEM;
	}
	if (!nv)
		return 0;
	/* Assessed by up to jobs threads; their trends, which may read the
	 * store, by this one, each as soon as its village is assessed. */
	const char **codes = malloc(nv * sizeof *codes);
	assess_area **aa = malloc(nv * sizeof *aa);
	trend **tr = calloc(nv, sizeof *tr);
	struct village_trends vt = { v, s, r, as->period, tr, err, errlen };

	for (size_t i = 0, k = 0; codes && i < as->n_summary; i++)
		if (as->summary[i].level == AREA_VILLAGE)
			codes[k++] = as->summary[i].code;
	*err = '\0';
	rc = codes && aa && tr ? assess_areas_compute(as, codes, nv, v->jobs, aa, village_trend, &vt)
	                       : PK2D_ERR_NOMEM;
	for (size_t i = 0; i < nv; i++)
		if (rc == 0)
			v->villages[v->n_villages++] = (view_area){ aa[i], tr[i] };
		else if (tr)
			trend_free(tr[i]);
	free(codes);
	free(aa);
	free(tr);
	if (rc < 0 && !*err)
		snprintf(err, errlen, "out of memory");
	return rc;
}

void report_view_run_area(report_view *out, const report_view *parent)
{
	*out = *parent;
	out->n_villages = 0;
	out->villages = NULL;
	out->borrowed = 1;
	out->pages = VIEW_PAGES_VILLAGES;
}

void report_view_for_village(report_view *out, const report_view *parent, size_t i)
{
	report_view_run_area(out, parent);
	out->main = parent->villages[i];
	out->area = out->main.aa->code;
	out->wide = 0;
	out->summary = NULL;
	out->n_summary = 0;
}

int report_view_for_area(report_view *out, const report_view *parent, const char *code,
                         store *s, char *err, size_t errlen)
{
	assess_summary *sum = NULL;
	size_t n = 0;

	report_view_run_area(out, parent);
	out->borrowed = 0;
	out->own_area = 1;
	out->main = (view_area){ 0 };
	out->summary = NULL;
	out->n_summary = 0;
	if (!(out->main.aa = assess_area_compute(parent->as, code)))
		goto oom;
	out->area = out->main.aa->code;
	out->wide = out->main.aa->level < AREA_VILLAGE;
	/* A village lists no area under it. */
	if (!out->wide)
		return fill(out, &out->main, s, parent->reg, parent->period, err, errlen);
	if (!(sum = calloc(parent->n_summary ? parent->n_summary : 1, sizeof *sum)))
		goto oom;
	out->summary = sum;
	/* The area first, then the areas under it in the parent's order. */
	for (size_t i = 0; i < parent->n_summary; i++)
		if (!strcmp(parent->summary[i].code, code))
			sum[n++] = parent->summary[i];
	for (size_t i = 0; i < parent->n_summary; i++)
		if (strcmp(parent->summary[i].code, code) && area_within(parent->summary[i].code, code))
			sum[n++] = parent->summary[i];
	out->n_summary = n;
	return fill(out, &out->main, s, parent->reg, parent->period, err, errlen);
oom:
	snprintf(err, errlen, "out of memory");
	return PK2D_ERR_NOMEM;
}

void report_view_free(report_view *v)
{
	if (v->own_area) {
		assess_area_free(v->main.aa);
		trend_free(v->main.trend);
		free((void *)v->summary);
		v->main = (view_area){ 0 };
		v->summary = NULL;
		return;
	}
	if (v->borrowed)
		return;
	trend_free(v->main.trend);
	for (size_t i = 0; i < v->n_villages; i++) {
		assess_area_free(v->villages[i].aa);
		trend_free(v->villages[i].trend);
	}
	free(v->villages);
	v->villages = NULL;
	free(v->headlines);
	v->headlines = NULL;
	v->n_headlines = 0;
	free(v->codes);
	v->codes = NULL;
	v->n_villages = 0;
	v->main.trend = NULL;
}

int report_view_rts_folded(const report_view *v, const assess_area *aa)
{
	int *rts = NULL;
	size_t n;

	if (aa->level != AREA_VILLAGE)
		return 0;
	n = registry_rts(v->reg, aa->code, &rts);
	free(rts);
	return n == 0 && registry_n_rts(v->reg, aa->code) > 0;
}

double report_view_headline(const report_view *v, const reg_indicator *d, const char *area)
{
	reg_sum sum;

	if (!registry_get(v->reg, d, area, RT_ALL, v->period, &sum))
		return NAN;
	return reg_value(d, &sum);
}

const char *report_view_headline_label(const report_view *v, const reg_indicator *d, char *buf,
                                       size_t n)
{
	snprintf(buf, n, *d->unit ? "%s (%s)" : "%s",
	         i18n_pick(v->lang, d->label_id, d->label_en), d->unit);
	return buf;
}

/* The model indicator that takes its value from id, or NULL. */
int report_view_status(const report_view *v, const reg_indicator *d, double value,
                       double *target)
{
	int year;

	return assess_value_status(v->as, d, value, target, &year);
}

const char *report_status_key(int status)
{
	switch (status) {
	case ASSESS_NO_DATA: return "no_data";
	case ASSESS_GOOD: return "good";
	case ASSESS_OFF_TARGET: return "off_target";
	case ASSESS_ATTENTION: return "attention";
	default: return "";
	}
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every area code with data from the run's area down to its villages, in
 * code order; *out malloc'd. */
static size_t all_areas(const report_view *v, char ***out)
{
	const char *run = v->area;
	char **all = NULL;
	size_t n = 0;

	for (int level = area_level(run); level <= AREA_VILLAGE; level++) {
		char **codes = NULL, **grown;
		size_t k = registry_areas(v->reg, run, level, &codes);

		if (k && (grown = realloc(all, (n + k) * sizeof *all))) {
			all = grown;
			memcpy(all + n, codes, k * sizeof *codes);
			n += k;
			free(codes);
		} else {
			for (size_t i = 0; i < k; i++)
				free(codes[i]);
			free(codes);
		}
	}
	if (n)
		qsort(all, n, sizeof *all, cmp_str);
	*out = all;
	return n;
}

struct walk {
	int (*ifn)(void *, const reg_indicator *, const char *, int, const char *, const reg_sum *);
	int (*vfn)(void *, const reg_intervention *, const char *, int, const char *,
	           const reg_isum *);
	void *ud;
};

static int walk_one(const report_view *v, const struct walk *w, const char *area, int rt,
                    char **periods, size_t np)
{
	int rc = 0;

	for (size_t p = 0; p < np && rc == 0; p++) {
		if (w->ifn) {
			for (size_t i = 0; i < registry_n_indicators(v->reg) && rc == 0; i++) {
				const reg_indicator *d = registry_indicator_at(v->reg, i);
				reg_sum s;

				if (registry_get(v->reg, d, area, rt, periods[p], &s))
					rc = w->ifn(w->ud, d, area, rt, periods[p], &s);
			}
		} else {
			for (size_t i = 0; i < registry_n_interventions(v->reg) && rc == 0; i++) {
				const reg_intervention *d = registry_intervention_at(v->reg, i);
				reg_isum s;

				if (registry_get_intervention(v->reg, d, area, rt, periods[p], &s))
					rc = w->vfn(w->ud, d, area, rt, periods[p], &s);
			}
		}
	}
	return rc;
}

static int walk(const report_view *v, const struct walk *w)
{
	char **codes = NULL, **periods = NULL;
	size_t na = all_areas(v, &codes), np = registry_periods(v->reg, &periods);
	int rc = 0;

	for (size_t a = 0; a < na && rc == 0; a++) {
		rc = walk_one(v, w, codes[a], RT_ALL, periods, np);
		if (rc == 0 && area_level(codes[a]) == AREA_VILLAGE) {
			int *rts = NULL;
			size_t nr = registry_rts(v->reg, codes[a], &rts);

			for (size_t k = 0; k < nr && rc == 0; k++)
				rc = walk_one(v, w, codes[a], rts[k], periods, np);
			free(rts);
		}
	}
	for (size_t a = 0; a < na; a++)
		free(codes[a]);
	free(codes);
	for (size_t p = 0; p < np; p++)
		free(periods[p]);
	free(periods);
	return rc;
}

int report_view_each_value(const report_view *v,
                           int (*fn)(void *ud, const reg_indicator *d, const char *area,
                                     int rt, const char *period, const reg_sum *s),
                           void *ud)
{
	struct walk w = { .ifn = fn, .ud = ud };

	return walk(v, &w);
}

int report_view_each_intervention(const report_view *v,
                                  int (*fn)(void *ud, const reg_intervention *d,
                                            const char *area, int rt, const char *period,
                                            const reg_isum *s),
                                  void *ud)
{
	struct walk w = { .vfn = fn, .ud = ud };

	return walk(v, &w);
}

static int count_value(void *ud, const reg_indicator *d, const char *area, int rt,
                       const char *period, const reg_sum *s)
{
	(void)d, (void)area, (void)rt, (void)period, (void)s;
	++*(long *)ud;
	return 0;
}

static int count_intervention(void *ud, const reg_intervention *d, const char *area, int rt,
                              const char *period, const reg_isum *s)
{
	(void)d, (void)area, (void)rt, (void)period, (void)s;
	++*(long *)ud;
	return 0;
}

long report_view_n_values(const report_view *v)
{
	long n = 0;
	int rc;

	if ((rc = report_view_each_value(v, count_value, &n)) < 0 ||
	    (rc = report_view_each_intervention(v, count_intervention, &n)) < 0)
		return rc;
	return n;
}

const char *report_kind_name(int kind)
{
	switch (kind) {
	case PK2D_PROPORTION: return "proportion";
	case PK2D_RATE: return "rate";
	case PK2D_COUNT: return "count";
	case PK2D_MEAN: return "mean";
	default: return "unknown";
	}
}

const char *report_direction_name(int direction)
{
	switch (direction) {
	case PK2D_HIGHER_IS_BETTER: return "higher is better";
	case PK2D_LOWER_IS_BETTER: return "lower is better";
	default: return "neutral";
	}
}

int report_lists_values(const report_view *v)
{
	return area_level(v->area) == AREA_VILLAGE;
}

/* The village's RTs with the values without RT (0) first, as the
 * registry's own order; its periods. Returns the number of RTs. */
static size_t village_keys(const report_view *v, int **rts, char ***periods, size_t *np)
{
	int *r = NULL;
	size_t n = registry_rts(v->reg, v->area, &r);

	*rts = xcalloc(n + 1, sizeof **rts);
	if (n)
		memcpy(*rts + 1, r, n * sizeof *r);
	free(r);
	*np = registry_periods(v->reg, periods);
	return n + 1;
}

static void free_periods(char **periods, size_t np)
{
	for (size_t i = 0; i < np; i++)
		free(periods[i]);
	free(periods);
}

/* The village's values of every indicator (w->ifn) or intervention (w->vfn),
 * each by RT and period. */
static void village_walk(const report_view *v, const struct walk *w)
{
	int *rts;
	char **periods;
	size_t np, nr, n;

	if (!report_lists_values(v))
		return;
	nr = village_keys(v, &rts, &periods, &np);
	n = w->ifn ? registry_n_indicators(v->reg) : registry_n_interventions(v->reg);
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < nr; k++)
			for (size_t p = 0; p < np; p++) {
				reg_sum s;
				reg_isum is;

				if (w->ifn) {
					const reg_indicator *d = registry_indicator_at(v->reg, i);

					if (registry_get(v->reg, d, v->area, rts[k], periods[p], &s))
						w->ifn(w->ud, d, v->area, rts[k], periods[p], &s);
				} else {
					const reg_intervention *d = registry_intervention_at(v->reg, i);

					if (registry_get_intervention(v->reg, d, v->area, rts[k], periods[p],
					                              &is))
						w->vfn(w->ud, d, v->area, rts[k], periods[p], &is);
				}
			}
	free(rts);
	free_periods(periods, np);
}

void report_each_value(const report_view *v, report_value_fn fn, void *ud)
{
	struct walk w = { .ifn = fn, .ud = ud };

	village_walk(v, &w);
}

void report_each_intervention_value(const report_view *v, report_ivalue_fn fn, void *ud)
{
	struct walk w = { .vfn = fn, .ud = ud };

	village_walk(v, &w);
}

const char *report_view_ind_label(const report_view *v, const assess_indicator *ai)
{
	return ai->decl ? i18n_pick(v->lang, ai->decl->label_id, ai->decl->label_en)
	                : ai->model->ref;
}

const char *report_view_ind_status(const report_view *v, const assess_indicator *ai)
{
	return ai->status == ASSESS_NO_DATA ? i18n_missing(v->lang, ai->missing)
	                                    : i18n_status(v->lang, ai->status);
}

const char *report_view_change_word(const report_view *v, int change)
{
	switch (change) {
	case TREND_BETTER: return i18n(v->lang, T_BETTER);
	case TREND_WORSE: return i18n(v->lang, T_WORSE);
	case TREND_SAME: return i18n(v->lang, T_SAME);
	default: return "";
	}
}

double report_problem_gap(const assess_problem *p)
{
	return p->attention_gap > 0 ? p->attention_gap : p->target_gap;
}

double report_coverage(double target, double realised)
{
	return target > 0 ? 100 * realised / target : NAN;
}

const char *report_view_looked_at(const report_view *v, const assess_area *aa, char *buf,
                                  size_t len)
{
	size_t n_model = 0, n_agency = 0;

	for (size_t d = 0; d < aa->score.n_dimensions; d++)
		n_model += aa->score.dimensions[d].n_available;
	for (size_t a = 0; a < aa->n_agencies; a++)
		for (size_t i = 0; i < aa->agencies[a].n_rows; i++)
			n_agency += aa->agencies[a].rows[i].has_value && aa->agencies[a].rows[i].has_target;
	snprintf(buf, len, "%s (%zu + %zu). %s", rv_t(v, T_LOOKED_AT), n_model, n_agency,
	         rv_t(v, T_NO_PROBLEMS));
	return buf;
}

const char *report_view_target(const report_view *v, const reg_indicator *d, int has_target,
                               double target, int year)
{
	static _Thread_local char bufs[8][48];
	static _Thread_local unsigned next;
	char *b = bufs[next++ % 8];

	if (!has_target)
		return "-";
	if (year)
		snprintf(b, sizeof bufs[0], "%s (%d)", rv_val(v, d, target), year);
	else
		snprintf(b, sizeof bufs[0], "%s", rv_val(v, d, target));
	return b;
}

const char *report_view_target_state(const report_view *v, const assess_row *r)
{
	if (!r->has_value || !r->has_target)
		return "-";
	return rv_t(v, r->off_target ? T_MISSED : T_MET);
}

const char *report_view_row_word(const report_view *v, const assess_row *r, int with_capaian)
{
	static _Thread_local char bufs[8][96];
	static _Thread_local unsigned next;
	char *b = bufs[next++ % 8];

	if (!r->off_target)
		return r->category ? i18n_pick(v->lang, r->category->label_id, r->category->label_en)
		                   : NULL;
	if (!with_capaian || !isfinite(r->capaian))
		return rv_t(v, T_MISSED);
	snprintf(b, sizeof bufs[0], i18n_format(v->lang, T_MISSED_CAPAIAN, "%s%%"),
	         rv_num(v, r->capaian, 1));
	return b;
}
