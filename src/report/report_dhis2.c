/*
 * report_dhis2.c - a DHIS2 dataValueSet (JSON, bulk form): every value
 * carries its own dataElement, period and orgUnit, and the payload states
 * its id scheme (CODE), which DHIS2 prefers to the request's. The codes
 * (dhis2.h, docs/report.md):
 *
 *   indicator family.l1       PK2D_FAMILY_L1 (the value: a percentage,
 *                             mean or count), PK2D_FAMILY_L1_NUM and
 *                             PK2D_FAMILY_L1_DEN (the sums DHIS2 can
 *                             aggregate further; not for counts)
 *   intervention health.pmt   PK2D_HEALTH_PMT_TARGET, _REALISED, _BUDGET
 *   assessment                PK2D_IKK, PK2D_IKK_<DIMENSION>
 *
 * orgUnit is the Kemendagri code of the area ("63.02.09.2007"). Only the
 * areas of the levels in [pk2d] dhis2_levels are written (villages by
 * default): DHIS2 adds the numerators and denominators up its own
 * hierarchy, and a kecamatan's own figures beside its villages' would be
 * counted twice. RTs are not DHIS2 org units and are left out. period is
 * the run's DHIS2 period. Values are strings, as DHIS2 writes them; a value
 * without a denominator (NaN) is left out, as DHIS2 has no empty number.
 */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>

#include "dhis2.h"
#include "report_view.h"
#include "writers.h"

struct dctx {
	const report_view *v;
	cJSON *values;
	int failed;
};

static void add(struct dctx *c, const char *de, const char *area, const char *period,
                double x)
{
	cJSON *o;
	char buf[64];

	if (isnan(x) || c->failed)
		return;
	snprintf(buf, sizeof buf, "%.10g", x);
	if (!(o = cJSON_CreateObject()) ||
	    !cJSON_AddStringToObject(o, "dataElement", de) ||
	    !cJSON_AddStringToObject(o, "period", period) ||
	    !cJSON_AddStringToObject(o, "orgUnit", area) ||
	    !cJSON_AddStringToObject(o, "value", buf)) {
		cJSON_Delete(o);
		c->failed = 1;
		return;
	}
	cJSON_AddItemToArray(c->values, o);
}

static int indicator(void *ud, const reg_indicator *d, const char *area, int rt,
                     const char *period, const reg_sum *s)
{
	struct dctx *c = ud;
	char de[DHIS2_CODE_MAX + 1];

	if (rt != RT_ALL || !dhis2_level_wanted(c->v, area))
		return 0;
	dhis2_code(d->full_id, "", de);
	add(c, de, area, period, reg_value(d, s));
	if (d->kind != PK2D_COUNT) {
		dhis2_code(d->full_id, "_NUM", de);
		add(c, de, area, period, s->num);
		dhis2_code(d->full_id, "_DEN", de);
		add(c, de, area, period, s->den);
	}
	return c->failed ? PK2D_ERR_NOMEM : 0;
}

static int intervention(void *ud, const reg_intervention *d, const char *area, int rt,
                        const char *period, const reg_isum *s)
{
	struct dctx *c = ud;
	char de[DHIS2_CODE_MAX + 1];

	if (rt != RT_ALL || !dhis2_level_wanted(c->v, area))
		return 0;
	dhis2_code(d->full_id, "_TARGET", de);
	add(c, de, area, period, s->target);
	dhis2_code(d->full_id, "_REALISED", de);
	add(c, de, area, period, s->realised);
	if (s->budget > 0) {
		dhis2_code(d->full_id, "_BUDGET", de);
		add(c, de, area, period, s->budget);
	}
	return c->failed ? PK2D_ERR_NOMEM : 0;
}

static void scores(struct dctx *c, const report_view *v, const assess_area *aa)
{
	char de[DHIS2_CODE_MAX + 1];

	if (!dhis2_level_wanted(v, aa->code))
		return;
	dhis2_code("IKK", "", de);
	add(c, de, aa->code, v->period, aa->score.ikk);
	for (size_t i = 0; i < aa->score.n_dimensions; i++) {
		dhis2_code("IKK_", aa->score.dimensions[i].model->key, de);
		add(c, de, aa->code, v->period, aa->score.dimensions[i].value);
	}
}

int report_dhis2_write(const report_view *v, FILE *f, char *err, size_t errlen)
{
	cJSON *root = cJSON_CreateObject();
	struct dctx c = { .v = v };
	int rc;

	(void)err; /* a failure to write: errno says why (report.c) */
	(void)errlen;
	/* The scheme in the payload wins over the request's (DHIS2's "Identifier
	 * schemes"): an import without ?idScheme=code still matches by code. */
	if (!root || !cJSON_AddStringToObject(root, "idScheme", "CODE") ||
	    !cJSON_AddStringToObject(root, "dataElementIdScheme", "CODE") ||
	    !cJSON_AddStringToObject(root, "orgUnitIdScheme", "CODE") ||
	    !(c.values = cJSON_AddArrayToObject(root, "dataValues"))) {
		cJSON_Delete(root);
		return PK2D_ERR_NOMEM;
	}
	scores(&c, v, v->main.aa);
	for (size_t i = 0; i < v->n_villages; i++)
		scores(&c, v, v->villages[i].aa);
	rc = report_view_each_value(v, indicator, &c);
	if (rc == 0)
		rc = report_view_each_intervention(v, intervention, &c);
	if (rc == 0 && c.failed)
		rc = PK2D_ERR_NOMEM;
	if (rc < 0) {
		cJSON_Delete(root);
		return rc;
	}
	return dhis2_print(root, f);
}
