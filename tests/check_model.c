/*
 * check_model.c - the assessment model file: the shipped model loads as
 * documented, and every error a coordinator can make is reported with the
 * file and line.
 */
#include <config.h>

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model.h"

static char tmpdir[256];
static char errors[8192];
static int n_errors;

/* Loads path, with every error message joined into errors. */
static int load(const char *path, model **m)
{
	msglist l = { 0 };
	int rc = model_load(path, m, &l);

	errors[0] = '\0';
	n_errors = (int)l.n;
	for (size_t i = 0; i < l.n; i++) {
		strncat(errors, l.items[i], sizeof errors - strlen(errors) - 2);
		strcat(errors, "\n");
	}
	msglist_free(&l);
	return rc;
}

static void setup(void)
{
	strcpy(tmpdir, "/tmp/check_model.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
	errors[0] = '\0';
	n_errors = 0;
}

static void teardown(void)
{
	char cmd[300];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	ck_assert_int_eq(system(cmd), 0);
}

/* Writes text to tmpdir/name and returns the path (static buffer). */
static const char *write_file(const char *name, const char *text)
{
	static char path[512];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
	return path;
}

/* A small valid model; tests append or replace parts of it. */
#define HEAD \
	"[model]\n"                                   /* 1 */ \
	"name = Test\n"                               /* 2 */ \
	"source = test\n"                             /* 3 */ \
	"status = working\n"                          /* 4 */ \
	"statement = a test model\n"                  /* 5 */ \
	"[category.ikk.hi]\n"                         /* 6 */ \
	"from = 50\n"                                 /* 7 */ \
	"to = 100\n"                                  /* 8 */ \
	"label_id = Tinggi\n"                         /* 9 */ \
	"[category.ikk.lo]\n"                         /* 10 */ \
	"from = 0\n"                                  /* 11 */ \
	"to = 50\n"                                   /* 12 */ \
	"label_id = Rendah\n"                         /* 13 */

#define DIMS \
	"[dimension.a]\n"                             /* 14 */ \
	"label_id = A\n"                              /* 15 */ \
	"weight = 0.5\n"                              /* 16 */ \
	"indicator.A1 = family.a1\n"                  /* 17 */ \
	"[dimension.b]\n"                             /* 18 */ \
	"label_id = B\n"                              /* 19 */ \
	"weight = 0.5\n"                              /* 20 */ \
	"indicator.B1 = family.b1\n"                  /* 21 */

static model *load_ok(const char *text)
{
	model *m = NULL;
	int rc = load(write_file("m.ini", text), &m);

	ck_assert_msg(rc == 0, "model_load failed: %s", errors);
	ck_assert_ptr_nonnull(m);
	return m;
}

/* Loads text that must fail and checks that msg is among the errors. */
static void load_fails(const char *text, const char *msg)
{
	model *m = (model *)1;
	char want[512];
	int rc = load(write_file("m.ini", text), &m);

	ck_assert_int_eq(rc, PK2D_ERR_CONFIG);
	ck_assert_ptr_null(m);
	snprintf(want, sizeof want, "%s/m.ini:%s", tmpdir, msg);
	ck_assert_msg(strstr(errors, want) != NULL, "expected '%s' in:\n%s", want, errors);
}

START_TEST(shipped_model)
{
	const char *top = getenv("PK2D_TOP_SRCDIR");
	char path[512];
	model *m = NULL;
	static const size_t counts[] = { 3, 6, 8, 6, 6 };
	double sum = 0;

	snprintf(path, sizeof path, "%s/conf/models/ikk.ini", top ? top : "..");
	ck_assert_int_eq(load(path, &m), 0);
	ck_assert_int_eq(m->n_dimensions, 5);
	for (size_t d = 0; d < 5; d++) {
		ck_assert_uint_eq(m->dimensions[d].n_indicators, counts[d]);
		ck_assert_double_eq_tol(m->dimensions[d].weight, 0.2, 1e-12);
		sum += m->dimensions[d].weight;
	}
	ck_assert_double_eq_tol(sum, 1, 1e-12);
	ck_assert_str_eq(m->status, "working");
	ck_assert_double_eq(m->attention, 75);
	ck_assert_uint_eq(m->worst, 3);
	/* F2 and E5 come from the health and education plugins. */
	ck_assert_str_eq(m->dimensions[1].indicators[1].code, "F2");
	ck_assert_str_eq(m->dimensions[1].indicators[1].ref, "health.kk_free_of_stunting");
	ck_assert_str_eq(m->dimensions[2].indicators[4].ref, "education.kk_children_in_school");
	ck_assert_str_eq(m->dimensions[0].indicators[0].ref, "family.l1");
	/* Categories, sorted from the top down; 75 and 100 are "responsif". */
	ck_assert_uint_eq(m->n_ikk, 3);
	ck_assert_str_eq(model_range_of(m->ikk, m->n_ikk, 75)->key, "responsif");
	ck_assert_str_eq(model_range_of(m->ikk, m->n_ikk, 100)->key, "responsif");
	ck_assert_str_eq(model_range_of(m->ikk, m->n_ikk, 74.999)->key, "cukup");
	ck_assert_str_eq(model_range_of(m->ikk, m->n_ikk, 50)->key, "cukup");
	ck_assert_str_eq(model_range_of(m->ikk, m->n_ikk, 49.99)->key, "kurang");
	ck_assert_str_eq(model_range_of(m->ikk, m->n_ikk, 0)->key, "kurang");
	ck_assert_ptr_null(model_range_of(m->ikk, m->n_ikk, NAN));
	ck_assert_str_eq(model_range_of(m->ikk, m->n_ikk, 81.78)->label_id,
	                 "Kualitas Keluarga Responsif Gender dan Pemenuhan Hak Anak");
	ck_assert_uint_eq(m->n_household, 3);
	ck_assert_str_eq(m->household[0].indicator, "family.kk_baik");
	/* The LKjIP scale: >= 91 (and above 100) Sangat Baik ... <= 50 Sangat Kurang. */
	ck_assert_uint_eq(m->n_capaian, 5);
	ck_assert_str_eq(model_range_of(m->capaian, 5, 130)->key, "sangat_baik");
	ck_assert_str_eq(model_range_of(m->capaian, 5, 91)->key, "sangat_baik");
	ck_assert_str_eq(model_range_of(m->capaian, 5, 90.9)->key, "baik");
	ck_assert_str_eq(model_range_of(m->capaian, 5, 66)->key, "cukup");
	ck_assert_str_eq(model_range_of(m->capaian, 5, 51)->key, "kurang");
	ck_assert_str_eq(model_range_of(m->capaian, 5, 50.99)->key, "sangat_kurang");
	ck_assert_str_eq(model_range_of(m->capaian, 5, -20)->key, "sangat_kurang");
	ck_assert_str_eq(m->profile[MODEL_PROFILE_KK], "family.kk");
	model_free(m);
}
END_TEST

START_TEST(small_model_defaults)
{
	model *m = load_ok(HEAD DIMS);

	ck_assert_str_eq(m->name_en, "Test");
	ck_assert_str_eq(m->ikk[0].label_en, "Tinggi");
	ck_assert_double_eq(m->attention, 75);
	ck_assert_double_eq(m->dimensions[0].indicators[0].weight, 1);
	ck_assert_int_eq(m->dimensions[0].indicators[0].has_target, 0);
	/* No capaian steps in the file: the built-in LKjIP scale. */
	ck_assert_uint_eq(m->n_capaian, 5);
	ck_assert_str_eq(m->capaian[4].label_id, "Sangat Kurang");
	ck_assert_str_eq(m->dimensions[1].indicators[0].where + strlen(tmpdir), "/m.ini:21");
	model_free(m);
}
END_TEST

START_TEST(indicator_weight_and_target)
{
	model *m = load_ok(HEAD DIMS "weight.B1 = 2\ntarget.B1 = 90\n");

	ck_assert_double_eq(m->dimensions[1].indicators[0].weight, 2);
	ck_assert_int_eq(m->dimensions[1].indicators[0].has_target, 1);
	ck_assert_uint_eq(m->dimensions[1].indicators[0].target.n, 0);
	ck_assert_double_eq(m->dimensions[1].indicators[0].target.single, 90);
	model_free(m);
}
END_TEST

/* A target by year: the period's own year, else the next later year with
 * one, else the last; a single value holds for every year (year 0). */
START_TEST(target_by_year)
{
	model *m = load_ok(HEAD DIMS "target.B1 = 2024:14 2025:18.8 2029:14.2\n");
	const year_value *t = &m->dimensions[1].indicators[0].target;
	int used = -1;

	ck_assert_uint_eq(t->n, 3);
	ck_assert_double_eq(year_value_at(t, 2023, &used), 14);     /* next later: 2024 */
	ck_assert_int_eq(used, 2024);
	ck_assert_double_eq(year_value_at(t, 2024, &used), 14);     /* its own year */
	ck_assert_int_eq(used, 2024);
	ck_assert_double_eq(year_value_at(t, 2025, &used), 18.8);
	ck_assert_int_eq(used, 2025);
	ck_assert_double_eq(year_value_at(t, 2026, &used), 14.2);   /* next later: 2029 */
	ck_assert_int_eq(used, 2029);
	ck_assert_double_eq(year_value_at(t, 2029, &used), 14.2);
	ck_assert_int_eq(used, 2029);
	ck_assert_double_eq(year_value_at(t, 2030, &used), 14.2);   /* past the last */
	ck_assert_int_eq(used, 2029);
	model_free(m);
	/* A decimal comma, in one value and in pairs. */
	m = load_ok(HEAD DIMS "target.B1 = 81,78\n");
	ck_assert_double_eq_tol(year_value_at(&m->dimensions[1].indicators[0].target, 2024, &used),
	                        81.78, 1e-12);
	model_free(m);
	m = load_ok(HEAD DIMS "target.B1 = 2024:14,5 2029:14.2\n");
	ck_assert_double_eq_tol(year_value_at(&m->dimensions[1].indicators[0].target, 2024, &used),
	                        14.5, 1e-12);
	model_free(m);
}
END_TEST

START_TEST(target_by_year_errors)
{
	load_fails(HEAD DIMS "target.B1 = 2024:14 2024:15\n",
	           "22: target.B1: year 2024 after 2024: give the years in ascending order, each once");
	load_fails(HEAD DIMS "target.B1 = 2025:14 2024:15\n", "22: target.B1: year 2024 after 2025");
	load_fails(HEAD DIMS "target.B1 = 24:14\n", "22: target.B1: '24:14' is not YEAR:VALUE");
	load_fails(HEAD DIMS "target.B1 = 2024:x\n", "22: target.B1: '2024:x' is not YEAR:VALUE");
	load_fails(HEAD DIMS "target.B1 = 2024:101\n", "22: target.B1: 101 is outside 0-100");
	load_fails(HEAD DIMS "target.B1 = 14 2029:14\n", "22: target.B1: '14' is not YEAR:VALUE");
	load_fails(HEAD DIMS "target.B1 = abc\n",
	           "22: target.B1: 'abc' is neither a number nor YEAR:VALUE pairs");
	load_fails(HEAD DIMS "target.B1 = 100.5\n", "22: target.B1: 100.5 is outside 0-100");
	load_fails(HEAD DIMS "target.B1 = 1,2,3\n",
	           "22: target.B1: '1,2,3' is neither a number nor YEAR:VALUE pairs");
	load_fails(HEAD DIMS "target.B1 = 2024:1,5.2\n", "22: target.B1: '2024:1,5.2' is not YEAR:VALUE");
}
END_TEST

START_TEST(period_year)
{
	ck_assert_int_eq(year_value_period_year("2023"), 2023);
	ck_assert_int_eq(year_value_period_year("2023S1"), 2023);
	ck_assert_int_eq(year_value_period_year("2023Q2"), 2023);
	ck_assert_int_eq(year_value_period_year("202306"), 2023);
	ck_assert_int_eq(year_value_period_year("20x3"), 0);
	ck_assert_int_eq(year_value_period_year(NULL), 0);
}
END_TEST

START_TEST(weights_must_add_up)
{
	load_fails(HEAD DIMS "[dimension.c]\nlabel_id = C\nweight = 0.1\nindicator.C1 = x.c\n",
	           "14: the dimension weights add up to 1.1, not 1");
}
END_TEST

START_TEST(weights_tolerance)
{
	/* 0.1 + 0.2 + 0.7 is 1.0000000000000002 in doubles: within 1e-9. */
	model *m = load_ok(HEAD
	                   "[dimension.a]\nlabel_id = A\nweight = 0.1\nindicator.A1 = x.a\n"
	                   "[dimension.b]\nlabel_id = B\nweight = 0.2\nindicator.B1 = x.b\n"
	                   "[dimension.c]\nlabel_id = C\nweight = 0.7\nindicator.C1 = x.c\n");

	model_free(m);
}
END_TEST

START_TEST(category_gap)
{
	load_fails("[model]\nname = T\nsource = s\nstatus = working\nstatement = s\n"
	           "[category.ikk.hi]\nfrom = 60\nto = 100\nlabel_id = H\n"   /* 6 */
	           "[category.ikk.lo]\nfrom = 0\nto = 50\nlabel_id = L\n"     /* 10 */
	           DIMS,
	           "10: gap between category.ikk.lo (ends at 50) and category.ikk.hi (starts at 60)");
}
END_TEST

START_TEST(category_overlap)
{
	load_fails("[model]\nname = T\nsource = s\nstatus = working\nstatement = s\n"
	           "[category.ikk.hi]\nfrom = 40\nto = 100\nlabel_id = H\n"
	           "[category.ikk.lo]\nfrom = 0\nto = 50\nlabel_id = L\n"
	           DIMS,
	           "10: category.ikk.lo (up to 50) overlaps category.ikk.hi (from 40)");
}
END_TEST

START_TEST(category_not_to_100)
{
	load_fails("[model]\nname = T\nsource = s\nstatus = working\nstatement = s\n"
	           "[category.ikk.hi]\nfrom = 50\nto = 90\nlabel_id = H\n"
	           "[category.ikk.lo]\nfrom = 0\nto = 50\nlabel_id = L\n"
	           DIMS,
	           "6: the ikk categories end at 90, not 100");
}
END_TEST

START_TEST(category_not_from_0)
{
	load_fails("[model]\nname = T\nsource = s\nstatus = working\nstatement = s\n"
	           "[category.ikk.hi]\nfrom = 50\nto = 100\nlabel_id = H\n"
	           "[category.household.a]\nfrom = 10\nto = 100\nlabel_id = A\n"
	           DIMS,
	           "10: the household categories start at 10, not 0");
}
END_TEST

START_TEST(duplicate_code)
{
	load_fails(HEAD DIMS "indicator.A1 = family.z\n",
	           "22: indicator A1 is already in the model");
}
END_TEST

START_TEST(bad_reference)
{
	load_fails(HEAD DIMS "indicator.B2 = Family L1\n",
	           "22: 'Family L1' is not an indicator id of the form <plugin instance>.<indicator>");
}
END_TEST

START_TEST(bad_indicator_weight)
{
	load_fails(HEAD DIMS "weight.B1 = 0\n", "22: weight.B1 must be a number above 0");
}
END_TEST

START_TEST(target_of_unknown_code)
{
	load_fails(HEAD DIMS "target.Z9 = 80\n", "22: target.Z9 names no indicator.Z9");
}
END_TEST

START_TEST(unknown_key_and_section)
{
	load_fails(HEAD DIMS "colour = red\n[dimensions.c]\nweight = 1\n",
	           "22: unknown key 'colour' in a dimension");
	ck_assert_msg(strstr(errors, "m.ini:23: unknown section [dimensions.c]"), "%s", errors);
	/* The keys of the unknown section are not reported one by one. */
	ck_assert_int_eq(n_errors, 2);
}
END_TEST

START_TEST(repeated_key)
{
	load_fails(HEAD DIMS "label_id = again\n",
	           "22: label_id is set twice in this section");
}
END_TEST

START_TEST(missing_metadata)
{
	load_fails("[category.ikk.all]\nfrom = 0\nto = 100\nlabel_id = All\n"
	           "[dimension.a]\nlabel_id = A\nweight = 1\nindicator.A1 = x.a\n",
	           "1: [model] has no name");
	ck_assert_msg(strstr(errors, "[model] has no statement"), "%s", errors);
	ck_assert_msg(strstr(errors, "[model] has no source"), "%s", errors);
}
END_TEST

START_TEST(empty_dimension)
{
	load_fails(HEAD DIMS "[dimension.c]\nlabel_id = C\nweight = 0.25\n",
	           "22: dimension c has no indicator");
}
END_TEST

START_TEST(bad_attention)
{
	load_fails(HEAD DIMS "[model]\nattention = 120\n",
	           "23: attention must be a number from 0 to 100, not '120'");
}
END_TEST

START_TEST(key_outside_section)
{
	load_fails("stray = 1\n" HEAD DIMS, "1: 'stray' is outside any section");
}
END_TEST

START_TEST(not_ini)
{
	load_fails(HEAD DIMS "this line has no equals sign\n",
	           "22: expected 'key = value' or '[section]'");
}
END_TEST

START_TEST(line_too_long)
{
	char text[2048];
	char label[260];

	memset(label, 'x', 250);
	label[250] = '\0';
	snprintf(text, sizeof text, HEAD DIMS "label_en = %s\n", label);
	load_fails(text, "22: line is 261 characters long; at most 198 fit");
}
END_TEST

START_TEST(capaian_needs_bottom)
{
	load_fails(HEAD "[category.capaian.good]\nfrom = 80\nlabel_id = Good\n" DIMS,
	           "1: the capaian scale needs exactly one step without 'from'");
}
END_TEST

START_TEST(capaian_own_scale)
{
	model *m = load_ok(HEAD "[category.capaian.ok]\nfrom = 80\nlabel_id = OK\n"
	                   "[category.capaian.bad]\nlabel_id = Bad\n" DIMS);

	ck_assert_uint_eq(m->n_capaian, 2);
	ck_assert_str_eq(model_range_of(m->capaian, 2, 80)->key, "ok");
	ck_assert_str_eq(model_range_of(m->capaian, 2, 79.9)->key, "bad");
	model_free(m);
}
END_TEST

START_TEST(missing_file)
{
	model *m = (model *)1;
	char path[512];

	snprintf(path, sizeof path, "%s/none.ini", tmpdir);
	ck_assert_int_eq(load(path, &m), PK2D_ERR_IO);
	ck_assert_ptr_null(m);
	ck_assert_msg(strstr(errors, "none.ini: cannot read: No such file"), "%s", errors);
}
END_TEST

static Suite *model_suite(void)
{
	Suite *s = suite_create("model");
	TCase *tc = tcase_create("load");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, shipped_model);
	tcase_add_test(tc, small_model_defaults);
	tcase_add_test(tc, indicator_weight_and_target);
	tcase_add_test(tc, target_by_year);
	tcase_add_test(tc, target_by_year_errors);
	tcase_add_test(tc, period_year);
	tcase_add_test(tc, weights_must_add_up);
	tcase_add_test(tc, weights_tolerance);
	tcase_add_test(tc, category_gap);
	tcase_add_test(tc, category_overlap);
	tcase_add_test(tc, category_not_to_100);
	tcase_add_test(tc, category_not_from_0);
	tcase_add_test(tc, duplicate_code);
	tcase_add_test(tc, bad_reference);
	tcase_add_test(tc, bad_indicator_weight);
	tcase_add_test(tc, target_of_unknown_code);
	tcase_add_test(tc, unknown_key_and_section);
	tcase_add_test(tc, repeated_key);
	tcase_add_test(tc, missing_metadata);
	tcase_add_test(tc, empty_dimension);
	tcase_add_test(tc, bad_attention);
	tcase_add_test(tc, key_outside_section);
	tcase_add_test(tc, not_ini);
	tcase_add_test(tc, line_too_long);
	tcase_add_test(tc, capaian_needs_bottom);
	tcase_add_test(tc, capaian_own_scale);
	tcase_add_test(tc, missing_file);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(model_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
