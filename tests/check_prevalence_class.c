/*
 * check_prevalence_class.c - the WHO-UNICEF prevalence classes (de Onis et
 * al. 2019): every boundary of the three tables, on both sides.
 */
#include <check.h>
#include <math.h>
#include <stdlib.h>

#include "prevalence_class.h"

START_TEST(stunting_boundaries)
{
	ck_assert_int_eq(prevalence_class("stunting", 0), PCLASS_VERY_LOW);
	ck_assert_int_eq(prevalence_class("stunting", 2.49), PCLASS_VERY_LOW);
	ck_assert_int_eq(prevalence_class("stunting", 2.5), PCLASS_LOW);
	ck_assert_int_eq(prevalence_class("stunting", 9.99), PCLASS_LOW);
	ck_assert_int_eq(prevalence_class("stunting", 10), PCLASS_MEDIUM);
	ck_assert_int_eq(prevalence_class("stunting", 19.99), PCLASS_MEDIUM);
	ck_assert_int_eq(prevalence_class("stunting", 20), PCLASS_HIGH);
	ck_assert_int_eq(prevalence_class("stunting", 29.99), PCLASS_HIGH);
	ck_assert_int_eq(prevalence_class("stunting", 30), PCLASS_VERY_HIGH);
	ck_assert_int_eq(prevalence_class("stunting", 100), PCLASS_VERY_HIGH);
}
END_TEST

START_TEST(wasting_and_overweight_boundaries)
{
	static const char *const ids[] = { "wasting", "health.overweight" };
	for (int i = 0; i < 2; i++) {
		ck_assert_int_eq(prevalence_class(ids[i], 2.49), PCLASS_VERY_LOW);
		ck_assert_int_eq(prevalence_class(ids[i], 2.5), PCLASS_LOW);
		ck_assert_int_eq(prevalence_class(ids[i], 4.99), PCLASS_LOW);
		ck_assert_int_eq(prevalence_class(ids[i], 5), PCLASS_MEDIUM);
		ck_assert_int_eq(prevalence_class(ids[i], 9.99), PCLASS_MEDIUM);
		ck_assert_int_eq(prevalence_class(ids[i], 10), PCLASS_HIGH);
		ck_assert_int_eq(prevalence_class(ids[i], 14.99), PCLASS_HIGH);
		ck_assert_int_eq(prevalence_class(ids[i], 15), PCLASS_VERY_HIGH);
	}
}
END_TEST

START_TEST(no_class)
{
	ck_assert_int_eq(prevalence_class("severe_wasting", 50), PCLASS_NONE);
	ck_assert_int_eq(prevalence_class("health.underweight", 50), PCLASS_NONE);
	ck_assert_int_eq(prevalence_class("stunting", NAN), PCLASS_NONE);
	ck_assert_str_eq(prevalence_class_label(PCLASS_NONE, "id"), "");
	ck_assert_str_eq(prevalence_class_label(PCLASS_MEDIUM, NULL), "sedang");
	ck_assert_str_eq(prevalence_class_label(PCLASS_VERY_HIGH, "en"), "very high");
	ck_assert_str_eq(prevalence_class_label(PCLASS_VERY_LOW, "id"), "sangat rendah");
}
END_TEST

/* z = 1, 2, 3, 6: mean 3, mean of squares 12.5, sample variance
 * (50 - 36) / 3 = 14/3, SD 2.1602468994692869. */
START_TEST(standard_deviation)
{
	ck_assert_double_eq_tol(prevalence_sd(4, 3, 12.5), 2.1602468994692869, 1e-12);
	ck_assert_double_eq_tol(prevalence_sd(2, -1, 1), 0, 1e-12);
	ck_assert(isnan(prevalence_sd(1, 2, 4)));
	ck_assert(isnan(prevalence_sd(0, 0, 0)));
}
END_TEST

int main(void)
{
	Suite *s = suite_create("prevalence_class");
	TCase *tc = tcase_create("who_unicef");
	tcase_add_test(tc, stunting_boundaries);
	tcase_add_test(tc, wasting_and_overweight_boundaries);
	tcase_add_test(tc, no_class);
	tcase_add_test(tc, standard_deviation);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
