/*
 * health_quality.c - the health plugin's data quality for the reports (see
 * health_quality.h).
 */
#include <config.h>

#include "health_quality.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "assess.h"
#include "i18n.h"
#include "prevalence_class.h"

const char *const hq_index_name[HQ_N_INDEX] = { "zlen", "zwei", "zwfl", "zbmi" };
const char *const hq_prev_name[HQ_N_PREV] = { "stunting", "wasting", "overweight" };

static const char *const index_label[HQ_N_INDEX][2] = {
	{ "TB/U (zlen)", "length/height-for-age (zlen)" },
	{ "BB/U (zwei)", "weight-for-age (zwei)" },
	{ "BB/TB (zwfl)", "weight-for-length/height (zwfl)" },
	{ "IMT/U (zbmi)", "BMI-for-age (zbmi)" },
};

/* The sums of HQ_PLUGIN.<name>_<z> (or .<name> when z is NULL); 0 when
 * there is none. */
static int get(const registry *r, const char *name, const char *z, const char *area,
               const char *period, reg_sum *s)
{
	char id[64];
	const reg_indicator *d;

	snprintf(id, sizeof id, "%s.%s%s%s", HQ_PLUGIN, name, z ? "_" : "", z ? z : "");
	if (!(d = registry_find_indicator(r, id)))
		return 0;
	return registry_get(r, d, area, RT_ALL, period, s);
}

/* 100 * num / den of a proportion, NaN without one. */
static double percent(const registry *r, const char *name, const char *z, const char *area,
                      const char *period)
{
	reg_sum s;

	return get(r, name, z, area, period, &s) && s.den > 0 ? 100 * s.num / s.den : NAN;
}

int health_quality_get(const registry *r, const char *area, const char *period,
                       health_quality *q)
{
	reg_sum s, sq;

	if (!get(r, "children", NULL, area, period, &s))
		return 0;
	q->children = s.num;
	/* The plugin reports rows_rejected only where it rejected some. */
	q->rejected = get(r, "rows_rejected", NULL, area, period, &s) ? s.num : 0;
	for (int i = 0; i < HQ_N_INDEX; i++) {
		hq_index *x = &q->index[i];

		x->flagged = percent(r, "flagged", hq_index_name[i], area, period);
		x->missing = percent(r, "missing", hq_index_name[i], area, period);
		x->n = x->mean = x->sd = NAN;
		if (get(r, "mean", hq_index_name[i], area, period, &s) && s.den > 0) {
			x->n = s.den;
			x->mean = s.num / s.den;
			if (get(r, "meansq", hq_index_name[i], area, period, &sq) && sq.den > 0)
				x->sd = prevalence_sd(s.den, x->mean, sq.num / sq.den);
		}
	}
	for (int i = 0; i < HQ_N_PREV; i++) {
		q->prevalence[i] = percent(r, hq_prev_name[i], NULL, area, period);
		q->cls[i] = prevalence_class(hq_prev_name[i], q->prevalence[i]);
	}
	return 1;
}

const char *hq_index_label(int lang, int i)
{
	return index_label[i][lang == LANG_EN];
}

const char *hq_class_key(int cls)
{
	static const char *const keys[] = { "very_low", "low", "medium", "high", "very_high" };

	return cls >= PCLASS_VERY_LOW && cls <= PCLASS_VERY_HIGH ? keys[cls] : NULL;
}

int health_quality_raw(const reg_indicator *d)
{
	static const char *const prefix[] = { "flagged_z", "missing_z", "mean_z", "meansq_z" };

	if (strcmp(d->plugin, HQ_PLUGIN) != 0)
		return 0;
	if (!strcmp(d->id, "rows_rejected"))
		return 1;
	for (size_t i = 0; i < sizeof prefix / sizeof *prefix; i++)
		if (!strncmp(d->id, prefix[i], strlen(prefix[i])))
			return 1;
	return 0;
}

size_t health_quality_shown_rows(const assess_agency *ag)
{
	size_t n = 0;

	for (size_t i = 0; i < ag->n_rows; i++)
		n += !health_quality_raw(ag->rows[i].decl);
	return n;
}

const char *health_quality_agency(const registry *r)
{
	const reg_indicator *d = registry_find_indicator(r, HQ_PLUGIN ".children");

	return d ? d->agency : NULL;
}

const char *hq_prev_label(const registry *r, int lang, int i)
{
	char id[64];
	const reg_indicator *d;

	snprintf(id, sizeof id, "%s.%s", HQ_PLUGIN, hq_prev_name[i]);
	d = registry_find_indicator(r, id);
	return d ? i18n_pick(lang, d->label_id, d->label_en) : hq_prev_name[i];
}
