/*
 * check_dhis2.c - the DHIS2 data value set and metadata on the hand-worked
 * kecamatan of report_fixture.h, field by field against the reference
 * payloads transcribed from DHIS2's documentation (tests/data/dhis2/README.md
 * names their source). No DHIS2 server is at hand: a live import is
 * untested.
 */
#include <config.h>

#include <check.h>
#include <cjson/cJSON.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "areas.h"
#include "dhis2.h"
#include "report_fixture.h"

#define UID_FAMILY_L1 "B5JZkJrravt"

static fixture fx;
static cJSON *doc;

static char *slurp(const char *rel)
{
	const char *src = getenv("PK2D_TOP_SRCDIR");
	char path[1024];
	char *text = NULL;
	size_t n = 0;
	FILE *f, *m;
	int c;

	snprintf(path, sizeof path, "%s/tests/data/dhis2/%s", src ? src : ".", rel);
	f = fopen(path, "r");
	ck_assert_msg(f != NULL, "cannot open %s", path);
	m = open_memstream(&text, &n);
	while ((c = fgetc(f)) != EOF)
		fputc(c, m);
	fclose(f);
	fclose(m);
	return text;
}

static cJSON *reference(const char *rel)
{
	char *text = slurp(rel);
	cJSON *j = cJSON_Parse(text);

	free(text);
	ck_assert_ptr_nonnull(j);
	return j;
}

/* The view written by fn, parsed. */
static cJSON *written(report_writer fn)
{
	char *text = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&text, &n);
	cJSON *j;

	ck_assert_int_eq(fn(&fx.view, f, NULL, 0), 0);
	fclose(f);
	j = cJSON_Parse(text);
	free(text);
	ck_assert_ptr_nonnull(j);
	return j;
}

static void setup(void)
{
	ck_assert_int_eq(fixture_setup(&fx, FX_KEC, LANG_ID, 1), 0);
}

static void teardown(void)
{
	cJSON_Delete(doc);
	doc = NULL;
	fixture_teardown(&fx);
}

static const char *str_of(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	ck_assert_msg(cJSON_IsString(v), "%s is not a string", key);
	return v->valuestring;
}

/* Every key of ref's object is in o, with a value of the same JSON type. */
static void has_fields_of(const cJSON *o, const cJSON *ref)
{
	const cJSON *r;

	cJSON_ArrayForEach(r, ref) {
		const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, r->string);

		ck_assert_msg(v != NULL, "no field %s", r->string);
		ck_assert_msg((v->type & 0xff) == (r->type & 0xff) ||
		              (cJSON_IsBool(v) && cJSON_IsBool(r)),
		              "field %s: not the reference's JSON type", r->string);
	}
}

static size_t count_org_unit(const cJSON *values, const char *ou)
{
	const cJSON *v;
	size_t n = 0;

	cJSON_ArrayForEach(v, values)
		n += !strcmp(str_of(v, "orgUnit"), ou);
	return n;
}

static const cJSON *find_value(const cJSON *values, const char *de, const char *ou)
{
	const cJSON *v;

	cJSON_ArrayForEach(v, values)
		if (!strcmp(str_of(v, "dataElement"), de) && !strcmp(str_of(v, "orgUnit"), ou))
			return v;
	return NULL;
}

START_TEST(codes)
{
	char code[DHIS2_CODE_MAX + 1], other[DHIS2_CODE_MAX + 1];

	dhis2_code("family.l1", "", code);
	ck_assert_str_eq(code, "PK2D_FAMILY_L1");
	dhis2_code("my-agency.x1", "_NUM", code);
	ck_assert_str_eq(code, "PK2D_MY_AGENCY_X1_NUM");
	/* 50 characters stay as they are; 51 are cut to 41 and a hash. */
	dhis2_code("a23456789012345678901234567890123456789012345", "", code);
	ck_assert_str_eq(code, "PK2D_A23456789012345678901234567890123456789012345");
	dhis2_code("a234567890123456789012345678901234567890123456", "", code);
	ck_assert_uint_eq(strlen(code), 50);
	ck_assert_int_eq(code[41], '_');
	dhis2_code("a234567890123456789012345678901.b2345678901234567890123456789", "_NUM", code);
	dhis2_code("a234567890123456789012345678901.b2345678901234567890123456780", "_NUM", other);
	ck_assert_uint_eq(strlen(code), 50);
	ck_assert_int_eq(strncmp(code, "PK2D_A234567890123456789012345678901_B2345", 41), 0);
	ck_assert_int_eq(code[41], '_');
	ck_assert_str_ne(code, other);
}
END_TEST

static void is_uid(const char *s)
{
	ck_assert_uint_eq(strlen(s), DHIS2_UID_LEN);
	ck_assert_msg(isalpha((unsigned char)s[0]), "%s: the first is not a letter", s);
	for (const char *p = s; *p; p++)
		ck_assert_msg(isalnum((unsigned char)*p), "%s: not alphanumeric", s);
}

START_TEST(uids)
{
	char a[DHIS2_UID_LEN + 1], b[DHIS2_UID_LEN + 1];

	dhis2_uid("dataElements", "PK2D_FAMILY_L1", a);
	is_uid(a);
	/* Pinned: a change of the derivation would orphan every object an
	 * instance already imported. */
	ck_assert_str_eq(a, UID_FAMILY_L1);
	dhis2_uid("dataElements", "PK2D_FAMILY_L1", b);
	ck_assert_str_eq(a, b);
	dhis2_uid("indicators", "PK2D_FAMILY_L1", b);
	ck_assert_str_ne(a, b);
	dhis2_uid("dataElements", "PK2D_FAMILY_L2", b);
	ck_assert_str_ne(a, b);
	/* The first character among letters only, whatever the code. */
	for (int i = 0; i < 2000; i++) {
		char code[32];

		snprintf(code, sizeof code, "PK2D_X%d", i);
		dhis2_uid("dataElements", code, a);
		is_uid(a);
	}
}
END_TEST

START_TEST(period_types)
{
	ck_assert_str_eq(dhis2_period_type("2024"), "Yearly");
	ck_assert_str_eq(dhis2_period_type("2024S2"), "SixMonthly");
	ck_assert_str_eq(dhis2_period_type("2024Q4"), "Quarterly");
	ck_assert_str_eq(dhis2_period_type("202412"), "Monthly");
}
END_TEST

START_TEST(data_values_match_the_reference)
{
	cJSON *ref = reference("datavalueset-bulk.json");
	const cJSON *ref_value = cJSON_GetArrayItem(cJSON_GetObjectItem(ref, "dataValues"), 0);
	char *schemes = slurp("datavalueset-idscheme.xml");
	const cJSON *values, *v, *top;

	doc = written(report_dhis2_write);
	/* The top level: the reference's dataValues, and the id schemes the
	 * documentation allows in the payload, each CODE. */
	cJSON_ArrayForEach(top, doc) {
		char attr[64];

		if (!strcmp(top->string, "dataValues"))
			continue;
		snprintf(attr, sizeof attr, " %s=\"", top->string);
		ck_assert_msg(strstr(schemes, attr) != NULL, "%s is not a documented scheme",
		              top->string);
		ck_assert_str_eq(top->valuestring, "CODE");
	}
	ck_assert_str_eq(str_of(doc, "idScheme"), "CODE");
	ck_assert_str_eq(str_of(doc, "dataElementIdScheme"), "CODE");
	ck_assert_str_eq(str_of(doc, "orgUnitIdScheme"), "CODE");
	values = cJSON_GetObjectItem(doc, "dataValues");
	ck_assert(cJSON_IsArray(values));
	/* Each value has exactly the reference's fields, all strings. */
	cJSON_ArrayForEach(v, values) {
		has_fields_of(v, ref_value);
		ck_assert_int_eq(cJSON_GetArraySize(v), cJSON_GetArraySize(ref_value));
		ck_assert_str_eq(str_of(v, "period"), "2024");
	}
	ck_assert_str_eq(str_of(find_value(values, "PK2D_FAM_A1", FX_V1), "value"), "73.33333333");
	ck_assert_str_eq(str_of(find_value(values, "PK2D_FAM_A1_NUM", FX_V1), "value"), "11");
	ck_assert_str_eq(str_of(find_value(values, "PK2D_FAM_A1_DEN", FX_V1), "value"), "15");
	ck_assert_str_eq(str_of(find_value(values, "PK2D_FAM_KELAS_BUDGET", FX_V1), "value"),
	                 "1000000");
	ck_assert_str_eq(str_of(find_value(values, "PK2D_IKK", FX_V2), "value"), "68");
	ck_assert_str_eq(str_of(find_value(values, "PK2D_IKK_A", FX_V2), "value"), "50");
	ck_assert_ptr_null(find_value(values, "PK2D_FAM_KK_NUM", FX_V1));
	free(schemes);
	cJSON_Delete(ref);
}
END_TEST

/* Villages only by default: the kecamatan's own figures would be added to
 * its villages' by DHIS2's aggregation. */
START_TEST(data_values_at_the_configured_levels)
{
	const cJSON *values;
	size_t all, kec;

	fx.view.dhis2_levels = 1 << AREA_DISTRICT | 1 << AREA_VILLAGE;
	doc = written(report_dhis2_write);
	values = cJSON_GetObjectItem(doc, "dataValues");
	all = (size_t)cJSON_GetArraySize(values);
	kec = count_org_unit(values, FX_KEC);
	ck_assert_uint_gt(kec, 0);
	ck_assert_str_eq(str_of(find_value(values, "PK2D_FAM_A1", FX_KEC), "value"), "64");
	ck_assert_str_eq(str_of(find_value(values, "PK2D_IKK", FX_KEC), "value"), "69.86666667");
	cJSON_Delete(doc);

	fx.view.dhis2_levels = 0;
	doc = written(report_dhis2_write);
	values = cJSON_GetObjectItem(doc, "dataValues");
	ck_assert_uint_eq(count_org_unit(values, FX_KEC), 0);
	ck_assert_uint_eq((size_t)cJSON_GetArraySize(values), all - kec);
	cJSON_Delete(doc);

	fx.view.dhis2_levels = 1 << AREA_DISTRICT;
	doc = written(report_dhis2_write);
	values = cJSON_GetObjectItem(doc, "dataValues");
	ck_assert_uint_eq((size_t)cJSON_GetArraySize(values), kec);
	ck_assert_uint_eq(count_org_unit(values, FX_KEC), kec);
}
END_TEST

/* The object of an array with a field's value, or NULL. */
static const cJSON *by(const cJSON *array, const char *key, const char *value)
{
	const cJSON *o;

	cJSON_ArrayForEach(o, array)
		if (!strcmp(str_of(o, key), value))
			return o;
	return NULL;
}

static void every_uid_unique(const cJSON *node, char (*seen)[DHIS2_UID_LEN + 1], size_t *n,
                             int count)
{
	const cJSON *c;

	cJSON_ArrayForEach(c, node) {
		if (cJSON_IsArray(c)) {
			const cJSON *o;

			cJSON_ArrayForEach(o, c) {
				const char *id = str_of(o, "id");

				is_uid(id);
				if (count) {
					for (size_t i = 0; i < *n; i++)
						ck_assert_msg(strcmp(seen[i], id), "UID %s twice", id);
					memcpy(seen[(*n)++], id, DHIS2_UID_LEN + 1);
				}
			}
		}
	}
}

START_TEST(metadata_matches_the_reference)
{
	static const char *const aggregation[] = { "SUM", "NONE" };
	cJSON *ref = reference("metadata-import.json");
	const cJSON *ref_de = cJSON_GetArrayItem(cJSON_GetObjectItem(ref, "dataElements"), 0);
	const cJSON *ref_ind = cJSON_GetArrayItem(cJSON_GetObjectItem(ref, "indicators"), 0);
	const cJSON *des, *inds, *types, *sets, *o, *set, *members;
	char (*seen)[DHIS2_UID_LEN + 1];
	size_t n_seen = 0;
	int n_de;

	doc = written(report_dhis2_meta_write);
	des = cJSON_GetObjectItem(doc, "dataElements");
	inds = cJSON_GetObjectItem(doc, "indicators");
	types = cJSON_GetObjectItem(doc, "indicatorTypes");
	sets = cJSON_GetObjectItem(doc, "dataSets");
	ck_assert(cJSON_IsArray(des) && cJSON_IsArray(inds) && cJSON_IsArray(types) &&
	          cJSON_IsArray(sets));
	n_de = cJSON_GetArraySize(des);
	/* IKK and 3 dimensions; a1, b1, c1, stunting, z, flagged, missing, mean
	 * and meansq of zlen with their numerators and denominators (9 x 3);
	 * kk, children and rows_rejected (counts); kelas (3). */
	ck_assert_int_eq(n_de, 4 + 27 + 3 + 3);
	seen = calloc((size_t)n_de * 2 + 8, sizeof *seen);
	every_uid_unique(doc, seen, &n_seen, 1);
	ck_assert_uint_eq(n_seen, (size_t)n_de + (size_t)cJSON_GetArraySize(inds) + 2 + 1);

	cJSON_ArrayForEach(o, des) {
		const char *code = str_of(o, "code");
		char uid[DHIS2_UID_LEN + 1];
		int agg_ok = 0;

		has_fields_of(o, ref_de);
		dhis2_uid("dataElements", code, uid);
		ck_assert_str_eq(str_of(o, "id"), uid);
		ck_assert_str_eq(str_of(o, "shortName"), code);
		ck_assert_uint_le(strlen(str_of(o, "name")), 230);
		ck_assert_ptr_nonnull(strstr(str_of(o, "name"), code));
		ck_assert_str_eq(str_of(o, "domainType"), "AGGREGATE");
		ck_assert_str_eq(str_of(o, "valueType"), "NUMBER");
		ck_assert(cJSON_IsTrue(cJSON_GetObjectItem(o, "zeroIsSignificant")));
		ck_assert_str_eq(str_of(cJSON_GetObjectItem(o, "categoryCombo"), "id"),
		                 DHIS2_DEFAULT_CATEGORY_COMBO);
		for (size_t i = 0; i < 2; i++)
			agg_ok |= !strcmp(str_of(o, "aggregationType"), aggregation[i]);
		ck_assert(agg_ok);
	}
	/* Parts are summed up the hierarchy; shares, means and scores never. */
	ck_assert_str_eq(str_of(by(des, "code", "PK2D_FAM_A1_NUM"), "aggregationType"), "SUM");
	ck_assert_str_eq(str_of(by(des, "code", "PK2D_FAM_A1_DEN"), "aggregationType"), "SUM");
	ck_assert_str_eq(str_of(by(des, "code", "PK2D_FAM_KK"), "aggregationType"), "SUM");
	ck_assert_str_eq(str_of(by(des, "code", "PK2D_FAM_KELAS_BUDGET"), "aggregationType"),
	                 "SUM");
	ck_assert_str_eq(str_of(by(des, "code", "PK2D_FAM_A1"), "aggregationType"), "NONE");
	ck_assert_str_eq(str_of(by(des, "code", "PK2D_FAM_Z"), "aggregationType"), "NONE");
	ck_assert_str_eq(str_of(by(des, "code", "PK2D_IKK_A"), "aggregationType"), "NONE");
	ck_assert_ptr_null(by(des, "code", "PK2D_FAM_KK_NUM"));
	/* A label from data is a name, escaped by JSON, with its code. */
	ck_assert_str_eq(str_of(by(des, "code", "PK2D_FAM_A1"), "name"),
	                 "<script>alert(\"x\")</script> [PK2D_FAM_A1]");

	/* Indicators: one per indicator with a denominator (not the counts). */
	ck_assert_int_eq(cJSON_GetArraySize(inds), 9);
	cJSON_ArrayForEach(o, inds) {
		const char *code = str_of(o, "code");
		char num_code[DHIS2_CODE_MAX + 8], den_code[DHIS2_CODE_MAX + 8], want[32];
		const cJSON *type;

		has_fields_of(o, ref_ind);
		snprintf(num_code, sizeof num_code, "%s_NUM", code);
		snprintf(den_code, sizeof den_code, "%s_DEN", code);
		snprintf(want, sizeof want, "#{%s}", str_of(by(des, "code", num_code), "id"));
		ck_assert_str_eq(str_of(o, "numerator"), want);
		snprintf(want, sizeof want, "#{%s}", str_of(by(des, "code", den_code), "id"));
		ck_assert_str_eq(str_of(o, "denominator"), want);
		ck_assert_str_eq(str_of(o, "numeratorDescription"), num_code);
		type = by(types, "id", str_of(cJSON_GetObjectItem(o, "indicatorType"), "id"));
		ck_assert_ptr_nonnull(type);
	}
	ck_assert_double_eq(cJSON_GetObjectItem(by(types, "code", "PK2D_PERCENT"),
	                                        "factor")->valuedouble, 100);
	ck_assert_double_eq(cJSON_GetObjectItem(by(types, "code", "PK2D_RATIO"),
	                                        "factor")->valuedouble, 1);
	ck_assert_str_eq(str_of(by(types, "id", str_of(cJSON_GetObjectItem(
	                 by(inds, "code", "PK2D_FAM_Z"), "indicatorType"), "id")), "code"),
	                 "PK2D_RATIO");
	ck_assert_str_eq(str_of(by(types, "id", str_of(cJSON_GetObjectItem(
	                 by(inds, "code", "PK2D_FAM_A1"), "indicatorType"), "id")), "code"),
	                 "PK2D_PERCENT");

	/* The data set holds every data element, for the run's period type. */
	ck_assert_int_eq(cJSON_GetArraySize(sets), 1);
	set = cJSON_GetArrayItem(sets, 0);
	ck_assert_str_eq(str_of(set, "code"), "PK2D_YEARLY");
	ck_assert_str_eq(str_of(set, "periodType"), "Yearly");
	ck_assert_str_eq(str_of(cJSON_GetObjectItem(set, "categoryCombo"), "id"),
	                 DHIS2_DEFAULT_CATEGORY_COMBO);
	members = cJSON_GetObjectItem(set, "dataSetElements");
	ck_assert_int_eq(cJSON_GetArraySize(members), n_de);
	cJSON_ArrayForEach(o, members)
		ck_assert_ptr_nonnull(by(des, "id", str_of(cJSON_GetObjectItem(o, "dataElement"),
		                                            "id")));
	free(seen);
	cJSON_Delete(ref);
}
END_TEST

/* Every code the data value set carries, at every level, is a data element
 * of the metadata: an import of the metadata first lets every value in. */
START_TEST(metadata_covers_the_data)
{
	cJSON *meta = written(report_dhis2_meta_write);
	const cJSON *des = cJSON_GetObjectItem(meta, "dataElements"), *v;

	fx.view.dhis2_levels = 0x1e;
	doc = written(report_dhis2_write);
	cJSON_ArrayForEach(v, cJSON_GetObjectItem(doc, "dataValues"))
		ck_assert_msg(by(des, "code", str_of(v, "dataElement")) != NULL,
		              "%s has no data element", str_of(v, "dataElement"));
	cJSON_Delete(meta);
}
END_TEST

/* Metadata of two runs (another registry, store and directory) is the
 * same: nothing in it depends on the run. */
START_TEST(metadata_stable)
{
	fixture other;
	cJSON *again;
	char *a, *b;

	doc = written(report_dhis2_meta_write);
	ck_assert_int_eq(fixture_setup(&other, FX_KEC, LANG_ID, 0), 0);
	{
		char *text = NULL;
		size_t n = 0;
		FILE *f = open_memstream(&text, &n);

		ck_assert_int_eq(report_dhis2_meta_write(&other.view, f, NULL, 0), 0);
		fclose(f);
		again = cJSON_Parse(text);
		free(text);
	}
	fixture_teardown(&other);
	a = cJSON_PrintUnformatted(doc);
	b = cJSON_PrintUnformatted(again);
	ck_assert_str_eq(a, b);
	free(a);
	free(b);
	cJSON_Delete(again);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("dhis2");
	TCase *tc = tcase_create("dhis2");
	SRunner *sr;
	int failed;

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, codes);
	tcase_add_test(tc, uids);
	tcase_add_test(tc, period_types);
	tcase_add_test(tc, data_values_match_the_reference);
	tcase_add_test(tc, data_values_at_the_configured_levels);
	tcase_add_test(tc, metadata_matches_the_reference);
	tcase_add_test(tc, metadata_covers_the_data);
	tcase_add_test(tc, metadata_stable);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
