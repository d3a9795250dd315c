/*
 * check_utf8.c - the input text check (src/base/utf8.c) at its edges.
 */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* Bytes in, text out, what was repaired. */
static const struct {
	const char *in;
	const char *out;
	int fixed;
} cases[] = {
	{ "", "", 0 },
	{ "plain ASCII ~\x7f", "plain ASCII ~\x7f", 0 },
	{ "tab\tLF\nCR\r", "tab\tLF\nCR\r", 0 },
	{ "\x01", "\xef\xbf\xbd", UTF8_FIXED_CONTROL },
	{ "\x1f", "\xef\xbf\xbd", UTF8_FIXED_CONTROL },
	{ "\x20", "\x20", 0 },
	/* Valid sequences at each length's edges are kept. */
	{ "\xc2\x80", "\xc2\x80", 0 },
	{ "\xdf\xbf", "\xdf\xbf", 0 },
	{ "\xe0\xa0\x80", "\xe0\xa0\x80", 0 },
	{ "\xed\x9f\xbf", "\xed\x9f\xbf", 0 },             /* U+D7FF */
	{ "\xee\x80\x80", "\xee\x80\x80", 0 },             /* U+E000 */
	{ "\xef\xbf\xbd", "\xef\xbf\xbd", 0 },             /* U+FFFD */
	{ "\xf0\x90\x80\x80", "\xf0\x90\x80\x80", 0 },
	{ "\xf4\x8f\xbf\xbf", "\xf4\x8f\xbf\xbf", 0 },     /* U+10FFFF */
	/* XML's non-characters. */
	{ "\xef\xbf\xbe", "\xef\xbf\xbd", UTF8_FIXED_CONTROL },
	{ "\xef\xbf\xbf", "\xef\xbf\xbd", UTF8_FIXED_CONTROL },
	/* Windows-1252: 0x80..0x9F from its table, the rest as Latin-1. */
	{ "Caf\xe9", "Caf\xc3\xa9", UTF8_FIXED_ENCODING },
	{ "\x80", "\xe2\x82\xac", UTF8_FIXED_ENCODING },
	{ "\x9f", "\xc5\xb8", UTF8_FIXED_ENCODING },
	{ "\xa0", "\xc2\xa0", UTF8_FIXED_ENCODING },
	{ "\xff", "\xc3\xbf", UTF8_FIXED_ENCODING },
	{ "\x81\x8d\x8f\x90\x9d", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd",
	  UTF8_FIXED_ENCODING },
	/* Not UTF-8: overlong forms, surrogates, past U+10FFFF, cut short. */
	{ "\xc0\xaf", "\xc3\x80\xc2\xaf", UTF8_FIXED_ENCODING },
	{ "\xc1\xbf", "\xc3\x81\xc2\xbf", UTF8_FIXED_ENCODING },
	{ "\xe0\x9f\xbf", "\xc3\xa0\xc5\xb8\xc2\xbf", UTF8_FIXED_ENCODING },
	{ "\xed\xa0\x80", "\xc3\xad\xc2\xa0\xe2\x82\xac", UTF8_FIXED_ENCODING },
	{ "\xf4\x90\x80\x80", "\xc3\xb4\xef\xbf\xbd\xe2\x82\xac\xe2\x82\xac", UTF8_FIXED_ENCODING },
	{ "\xf5", "\xc3\xb5", UTF8_FIXED_ENCODING },
	{ "\xe2\x82", "\xc3\xa2\xe2\x80\x9a", UTF8_FIXED_ENCODING },
	{ "a\xe9\x01", "a\xc3\xa9\xef\xbf\xbd", UTF8_FIXED_ENCODING | UTF8_FIXED_CONTROL },
	/* Valid UTF-8 beside a stray byte stays as it is. */
	{ "\xc3\xa9\xe9", "\xc3\xa9\xc3\xa9", UTF8_FIXED_ENCODING },
};

START_TEST(clean)
{
	size_t n = strlen(cases[_i].in);
	char *out = malloc(UTF8_CLEAN_MAX(n));
	int fixed = -1;

	ck_assert_ptr_nonnull(out);
	ck_assert_uint_eq(utf8_clean(cases[_i].in, n, out, &fixed), strlen(cases[_i].out));
	ck_assert_str_eq(out, cases[_i].out);
	ck_assert_int_eq(fixed, cases[_i].fixed);
	ck_assert_int_eq(utf8_is_clean(cases[_i].in, n), cases[_i].fixed == 0);
	/* What comes out is clean, and repairing it changes nothing. */
	ck_assert(utf8_is_clean(out, strlen(out)));
	char *again = utf8_clean_dup(out, &fixed);
	ck_assert_ptr_null(again);
	ck_assert_int_eq(fixed, 0);
	free(out);
}
END_TEST

/* A NUL byte inside the counted bytes is a control character too. */
START_TEST(nul_inside)
{
	char out[UTF8_CLEAN_MAX(3)];
	int fixed;

	ck_assert(!utf8_is_clean("a\0b", 3));
	ck_assert_uint_eq(utf8_clean("a\0b", 3, out, &fixed), 5);
	ck_assert_str_eq(out, "a\xef\xbf\xbd" "b");
	ck_assert_int_eq(fixed, UTF8_FIXED_CONTROL);
}
END_TEST

/* Every 4-byte length bound: the worst case is three bytes per byte. */
START_TEST(worst_case_fits)
{
	char in[64], out[UTF8_CLEAN_MAX(64)];
	int fixed;

	memset(in, 0x80, sizeof in);
	ck_assert_uint_eq(utf8_clean(in, sizeof in, out, &fixed), 3 * sizeof in);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("utf8");
	TCase *tc = tcase_create("clean");
	SRunner *sr;
	int failed;

	tcase_add_loop_test(tc, clean, 0, (int)(sizeof cases / sizeof cases[0]));
	tcase_add_test(tc, nul_inside);
	tcase_add_test(tc, worst_case_fits);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
