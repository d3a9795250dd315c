/*
 * check_suggest.c - the one "did you mean" helper: folding, the typo limit at
 * its bounds, the order of several suggestions.
 */
#include "config.h"

#include <check.h>
#include <stdlib.h>

#include "suggest.h"

START_TEST(distance)
{
	ck_assert_uint_eq(edit_distance("kitten", "sitting", 5), 3);
	ck_assert_uint_eq(edit_distance("abc", "abcdefgh", 2), 3);
	ck_assert_uint_eq(edit_distance("", "", 0), 0);
}
END_TEST

START_TEST(nearest_key)
{
	const char *const cands[] = { "period", "plugin_path", "language" };
	ck_assert_str_eq(did_you_mean("perid", cands, 3), "period");
	ck_assert_str_eq(did_you_mean("langauge", cands, 3), "language");
	ck_assert_ptr_null(did_you_mean("colour", cands, 3));
}
END_TEST

START_TEST(folds_case_blanks_and_separators)
{
	const char *const cands[] = { "jml_laki", "jumlah_laki" };
	ck_assert_str_eq(did_you_mean("Jumlah Laki", cands, 2), "jumlah_laki");
	/* "jumlahlaki" against "jmllaki": 3 edits in 10 characters. */
	ck_assert_str_eq(did_you_mean("jumlah-laki", cands, 1), "jml_laki");
}
END_TEST

START_TEST(same_folded_words)
{
	ck_assert(same_folded("J K", "jk"));
	ck_assert(same_folded("Kode_Desa", "kode-desa."));
	ck_assert(!same_folded("F1", "X1"));
	ck_assert(!same_folded("jk", "jkl"));
	ck_assert(!same_folded("", "_"));
}
END_TEST

START_TEST(limit_is_a_third_of_the_word_at_least_two)
{
	/* 9 characters: 3 edits are a typo, 4 are not. */
	const char *const three[] = { "abcdefxyz" }, *const four[] = { "abcdwxyzi" };
	ck_assert_ptr_nonnull(did_you_mean("abcdefghi", three, 1));
	ck_assert_ptr_null(did_you_mean("abcdefghi", four, 1));
	/* 6 characters: 2 edits; 3 are not. */
	const char *const two6[] = { "abcdxy" }, *const three6[] = { "abcxyz" };
	ck_assert_ptr_nonnull(did_you_mean("abcdef", two6, 1));
	ck_assert_ptr_null(did_you_mean("abcdef", three6, 1));
	/* 3 characters: less than half the word, so 1 edit and not 2. */
	const char *const one3[] = { "abd" }, *const two3[] = { "axy" };
	ck_assert_ptr_nonnull(did_you_mean("abc", one3, 1));
	ck_assert_ptr_null(did_you_mean("abc", two3, 1));
}
END_TEST

START_TEST(several_nearest_first_ties_in_order)
{
	const char *const codes[] = { "63.02.11", "63.02.09", NULL, "63.02.98", "11.01", "63.01.99" };
	size_t out[3];
	ck_assert_uint_eq(suggest("63.02.99", codes, 6, out, 3), 3);
	ck_assert_uint_eq(out[0], 1);
	ck_assert_uint_eq(out[1], 3);
	ck_assert_uint_eq(out[2], 5);
	/* With room for all: the two-edit code comes last. */
	size_t all[6];
	ck_assert_uint_eq(suggest("63.02.99", codes, 6, all, 6), 4);
	ck_assert_uint_eq(all[3], 0);
	ck_assert_uint_eq(suggest("63.02.99", codes, 6, out, 0), 0);
	ck_assert_uint_eq(suggest("", codes, 6, out, 3), 0);
}
END_TEST

/* suggest_nearest: the nearest however far, in the same order. */
START_TEST(nearest_however_far)
{
	const char *const codes[] = { "63.02.01.2001", NULL, "63.02.09.2007", "63.02.01.2002" };
	size_t out[3];
	ck_assert_uint_eq(suggest("63.02.99.9999", codes, 4, out, 3), 0);
	ck_assert_uint_eq(suggest_nearest("63.02.99.9999", codes, 4, out, 3), 3);
	ck_assert_uint_eq(out[0], 2);
	ck_assert_uint_eq(out[1], 0);
	ck_assert_uint_eq(out[2], 3);
	ck_assert_uint_eq(suggest_nearest("63.02.99.9999", codes, 4, out, 0), 0);
	ck_assert_uint_eq(suggest_nearest("..", codes, 4, out, 3), 0);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("suggest");
	TCase *t = tcase_create("suggest");
	tcase_add_test(t, distance);
	tcase_add_test(t, nearest_key);
	tcase_add_test(t, folds_case_blanks_and_separators);
	tcase_add_test(t, same_folded_words);
	tcase_add_test(t, limit_is_a_third_of_the_word_at_least_two);
	tcase_add_test(t, several_nearest_first_ties_in_order);
	tcase_add_test(t, nearest_however_far);
	suite_add_tcase(s, t);
	SRunner *r = srunner_create(s);
	srunner_run_all(r, CK_NORMAL);
	int failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
