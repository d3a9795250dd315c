/*
 * report_dhis2_meta.c - the DHIS2 metadata (JSON, for POST /api/metadata)
 * that creates what the data value set (report_dhis2.c) names:
 *
 *   dataElements    every code the data value set can carry (dhis2.h),
 *                   numbers of the aggregate domain in the default category
 *                   combination, zero significant (DHIS2 drops the zeros
 *                   of the others), summed up the hierarchy or not at all
 *   indicatorTypes  PK2D_PERCENT (factor 100) and PK2D_RATIO (factor 1)
 *   indicators      for each indicator with a denominator: numerator
 *                   #{<uid of _NUM>}, denominator #{<uid of _DEN>}, so that
 *                   DHIS2 computes the share at every level of its own
 *                   hierarchy from the summed parts
 *   dataSets        PK2D_<PERIODTYPE>: all the data elements, the run's
 *                   period type
 *
 * Every object carries its code and a UID derived from it (dhis2_uid), so a
 * second import of the same file, or of a later run's, updates the same
 * objects. Names are the label with the code in brackets, unique as DHIS2
 * requires; short names (50 characters at most, unique) are the codes.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>
#include <cjson/cJSON.h>

#include "dhis2.h"
#include "report_view.h"
#include "writers.h"
#include "utf8.h"

/* DHIS2's longest name. */
#define NAME_MAX_LEN 230

struct mctx {
	cJSON *elements, *set_elements;
};

/* "label [CODE]", the label cut so that the whole fits NAME_MAX_LEN. */
static void object_name(const char *label, const char *code, char out[NAME_MAX_LEN + 1])
{
	size_t room = NAME_MAX_LEN - strlen(code) - 3;
	size_t n = utf8_cut(label, strlen(label), room);

	snprintf(out, NAME_MAX_LEN + 1, "%.*s [%s]", (int)n, label, code);
}

/* An object with id, code, name and shortName; NULL when out of memory. */
static cJSON *object(cJSON *array, const char *type, const char *code, const char *label)
{
	char uid[DHIS2_UID_LEN + 1], name[NAME_MAX_LEN + 1];
	cJSON *o = cJSON_CreateObject();

	dhis2_uid(type, code, uid);
	object_name(label, code, name);
	if (!o)
		return NULL;
	if (!cJSON_AddItemToArray(array, o)) {
		cJSON_Delete(o);
		return NULL;
	}
	if (!cJSON_AddStringToObject(o, "id", uid) ||
	    !cJSON_AddStringToObject(o, "code", code) || !cJSON_AddStringToObject(o, "name", name) ||
	    !cJSON_AddStringToObject(o, "shortName", code))
		return NULL;
	return o;
}

/* {"id": uid}: a reference to an object. */
static cJSON *id_ref(const char *uid)
{
	cJSON *o = cJSON_CreateObject();

	if (o && !cJSON_AddStringToObject(o, "id", uid)) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

/* A reference to the object of a type with a code. */
static cJSON *ref_to(const char *type, const char *code)
{
	char uid[DHIS2_UID_LEN + 1];

	dhis2_uid(type, code, uid);
	return id_ref(uid);
}

static int add_ref(cJSON *o, const char *key, cJSON *ref)
{
	if (!ref)
		return 0;
	if (!cJSON_AddItemToObject(o, key, ref)) {
		cJSON_Delete(ref);
		return 0;
	}
	return 1;
}

static int data_element(void *ud, const dhis2_element *e)
{
	struct mctx *c = ud;
	cJSON *o = object(c->elements, "dataElements", e->code, e->label);
	cJSON *member = cJSON_CreateObject();

	if (member && !cJSON_AddItemToArray(c->set_elements, member)) {
		cJSON_Delete(member);
		member = NULL;
	}
	if (!o || !member || !cJSON_AddStringToObject(o, "valueType", "NUMBER") ||
	    !cJSON_AddStringToObject(o, "domainType", "AGGREGATE") ||
	    !cJSON_AddStringToObject(o, "aggregationType", e->summable ? "SUM" : "NONE") ||
	    !cJSON_AddBoolToObject(o, "zeroIsSignificant", 1) ||
	    !add_ref(o, "categoryCombo", id_ref(DHIS2_DEFAULT_CATEGORY_COMBO)) ||
	    !add_ref(member, "dataElement", ref_to("dataElements", e->code)))
		return PK2D_ERR_NOMEM;
	return 0;
}

#define TYPE_PERCENT "PK2D_PERCENT"
#define TYPE_RATIO "PK2D_RATIO"

static int indicator_types(cJSON *root)
{
	cJSON *types = cJSON_AddArrayToObject(root, "indicatorTypes");
	cJSON *pc = types ? object(types, "indicatorTypes", TYPE_PERCENT, "PK2D persen") : NULL;
	cJSON *ratio = pc ? object(types, "indicatorTypes", TYPE_RATIO, "PK2D rasio") : NULL;

	return ratio && cJSON_AddNumberToObject(pc, "factor", 100) &&
	       cJSON_AddBoolToObject(pc, "number", 0) &&
	       cJSON_AddNumberToObject(ratio, "factor", 1) &&
	       cJSON_AddBoolToObject(ratio, "number", 0);
}

/* "#{uid}" of the data element of an id and suffix. */
static void operand(const char *id, const char *suffix, char out[DHIS2_UID_LEN + 4])
{
	char code[DHIS2_CODE_MAX + 1], uid[DHIS2_UID_LEN + 1];

	dhis2_code(id, suffix, code);
	dhis2_uid("dataElements", code, uid);
	snprintf(out, DHIS2_UID_LEN + 4, "#{%s}", uid);
}

static int indicators(const report_view *v, cJSON *root)
{
	cJSON *list = cJSON_AddArrayToObject(root, "indicators");

	if (!list)
		return 0;
	for (size_t i = 0; i < registry_n_indicators(v->reg); i++) {
		const reg_indicator *d = registry_indicator_at(v->reg, i);
		const char *label = i18n_pick(v->lang, d->label_id, d->label_en);
		char code[DHIS2_CODE_MAX + 1], num[DHIS2_UID_LEN + 4], den[DHIS2_UID_LEN + 4];
		char num_name[DHIS2_CODE_MAX + 1], den_name[DHIS2_CODE_MAX + 1];
		cJSON *o;

		if (d->kind == PK2D_COUNT)
			continue;
		dhis2_code(d->full_id, "", code);
		dhis2_code(d->full_id, "_NUM", num_name);
		dhis2_code(d->full_id, "_DEN", den_name);
		operand(d->full_id, "_NUM", num);
		operand(d->full_id, "_DEN", den);
		if (!(o = object(list, "indicators", code, label)) ||
		    !cJSON_AddStringToObject(o, "numerator", num) ||
		    !cJSON_AddStringToObject(o, "numeratorDescription", num_name) ||
		    !cJSON_AddStringToObject(o, "denominator", den) ||
		    !cJSON_AddStringToObject(o, "denominatorDescription", den_name) ||
		    !cJSON_AddBoolToObject(o, "annualized", 0) ||
		    !add_ref(o, "indicatorType", ref_to("indicatorTypes", d->kind == PK2D_MEAN
		                                        ? TYPE_RATIO : TYPE_PERCENT)))
			return 0;
	}
	return 1;
}

int report_dhis2_meta_write(const report_view *v, FILE *f, char *err, size_t errlen)
{
	cJSON *root = cJSON_CreateObject();
	struct mctx c = { 0 };
	const char *ptype = dhis2_period_type(v->period);
	char set_code[DHIS2_CODE_MAX + 1];
	cJSON *sets, *set = NULL;

	(void)err; /* a failure to write: errno says why (report.c) */
	(void)errlen;

	dhis2_code(ptype, "", set_code);
	if (root && (c.elements = cJSON_AddArrayToObject(root, "dataElements")) &&
	    indicator_types(root) && indicators(v, root) &&
	    (sets = cJSON_AddArrayToObject(root, "dataSets")) &&
	    (set = object(sets, "dataSets", set_code, "PK2D")) &&
	    cJSON_AddStringToObject(set, "periodType", ptype) &&
	    add_ref(set, "categoryCombo", id_ref(DHIS2_DEFAULT_CATEGORY_COMBO)) &&
	    (c.set_elements = cJSON_AddArrayToObject(set, "dataSetElements")) &&
	    dhis2_each_element(v, data_element, &c) == 0)
		return dhis2_print(root, f);
	cJSON_Delete(root);
	return PK2D_ERR_NOMEM;
}
