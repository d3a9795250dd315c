/*
 * report_dhis2.c - a DHIS2 dataValueSet (JSON, bulk form) for import with
 * idScheme=code: every value carries its own dataElement, period and
 * orgUnit. docs/report.md explains the codes:
 *
 *   indicator family.l1       PK2D_FAMILY_L1 (the value: a percentage,
 *                             mean or count), PK2D_FAMILY_L1_NUM and
 *                             PK2D_FAMILY_L1_DEN (the sums DHIS2 can
 *                             aggregate further; not for counts)
 *   intervention health.pmt   PK2D_HEALTH_PMT_TARGET, _REALISED, _BUDGET
 *   assessment                PK2D_IKK, PK2D_IKK_<DIMENSION>
 *
 * orgUnit is the Kemendagri code of the area ("63.02.09.2007"); RTs are not
 * DHIS2 org units and are left out. period is the run's DHIS2 period.
 * Values are strings, as DHIS2 writes them; a value without a denominator
 * (NaN) is left out, as DHIS2 has no empty number.
 */
#include <config.h>

#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>

#include "report_view.h"

/* DHIS2 codes are at most 50 characters. */
#define CODE_MAX 50

/* "PK2D_" + the id in upper case with every other character as '_', and
 * suffix; an over-long code keeps its first characters and ends with 8 hex
 * digits of an FNV-1a hash of the whole, so it stays unique. */
static void de_code(const char *id, const char *suffix, char out[CODE_MAX + 1])
{
	char full[512];
	size_t n;

	n = (size_t)snprintf(full, sizeof full, "PK2D_%s%s", id, suffix);
	for (size_t i = 5; i < n && i < sizeof full; i++)
		full[i] = isalnum((unsigned char)full[i]) ? (char)toupper((unsigned char)full[i]) : '_';
	if (n <= CODE_MAX) {
		memcpy(out, full, n + 1);
		return;
	}
	{
		uint32_t h = 0x811c9dc5u;

		for (size_t i = 0; i < n; i++) {
			h ^= (unsigned char)full[i];
			h *= 0x01000193u;
		}
		memcpy(out, full, CODE_MAX - 9);
		snprintf(out + CODE_MAX - 9, 10, "_%08x", (unsigned)h);
	}
}

struct dctx {
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
	char de[CODE_MAX + 1];

	if (rt != RT_ALL)
		return 0;
	de_code(d->full_id, "", de);
	add(c, de, area, period, reg_value(d, s));
	if (d->kind != PK2D_COUNT) {
		de_code(d->full_id, "_NUM", de);
		add(c, de, area, period, s->num);
		de_code(d->full_id, "_DEN", de);
		add(c, de, area, period, s->den);
	}
	return c->failed ? PK2D_ERR_NOMEM : 0;
}

static int intervention(void *ud, const reg_intervention *d, const char *area, int rt,
                        const char *period, const reg_isum *s)
{
	struct dctx *c = ud;
	char de[CODE_MAX + 1];

	if (rt != RT_ALL)
		return 0;
	de_code(d->full_id, "_TARGET", de);
	add(c, de, area, period, s->target);
	de_code(d->full_id, "_REALISED", de);
	add(c, de, area, period, s->realised);
	if (s->budget > 0) {
		de_code(d->full_id, "_BUDGET", de);
		add(c, de, area, period, s->budget);
	}
	return c->failed ? PK2D_ERR_NOMEM : 0;
}

static void scores(struct dctx *c, const report_view *v, const assess_area *aa)
{
	char de[CODE_MAX + 1];

	add(c, "PK2D_IKK", aa->code, v->period, aa->score.ikk);
	for (size_t i = 0; i < aa->score.n_dimensions; i++) {
		de_code("IKK_", aa->score.dimensions[i].model->key, de);
		add(c, de, aa->code, v->period, aa->score.dimensions[i].value);
	}
}

int report_dhis2_write(const report_view *v, FILE *f)
{
	cJSON *root = cJSON_CreateObject();
	struct dctx c = { 0 };
	char *text;
	int rc;

	if (!root || !(c.values = cJSON_AddArrayToObject(root, "dataValues"))) {
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
	text = rc == 0 ? cJSON_Print(root) : NULL;
	cJSON_Delete(root);
	if (rc < 0)
		return rc;
	if (!text)
		return PK2D_ERR_NOMEM;
	fputs(text, f);
	fputc('\n', f);
	cJSON_free(text);
	return ferror(f) ? PK2D_ERR_IO : 0;
}

void report_dhis2_code(const char *id, const char *suffix, char out[51])
{
	de_code(id, suffix, out);
}
