/*
 * check_plugin_common.c - the value readers shared by the pkk, education and
 * activities plugins (plugins/common), compiled into this test as they are
 * compiled into each plugin. Expected values come from docs/inputs.md and
 * the calendar.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <check.h>

#include "../plugins/common/activity_log.h"
#include "../plugins/common/catalogue.h"
#include "../plugins/common/fields.h"
#include "../plugins/common/grow.h"
#include "../plugins/common/keyblocks.h"
#include "../plugins/common/strmap.h"

START_TEST(rt_forms)
{
	int rt = -1;

	ck_assert_int_eq(fields_rt("3", &rt), 0);
	ck_assert_int_eq(rt, 3);
	ck_assert_int_eq(fields_rt(" 003 ", &rt), 0);
	ck_assert_int_eq(rt, 3);
	ck_assert_int_eq(fields_rt("RT 03", &rt), 0);
	ck_assert_int_eq(rt, 3);
	ck_assert_int_eq(fields_rt("rt.12", &rt), 0);
	ck_assert_int_eq(rt, 12);
	ck_assert_int_eq(fields_rt("", &rt), 0);
	ck_assert_int_eq(rt, 0);
	ck_assert_int_eq(fields_rt("9999", &rt), 0);
	ck_assert_int_eq(fields_rt("10000", &rt), PK2D_ERR_INVALID);
	ck_assert_int_eq(fields_rt("0", &rt), PK2D_ERR_INVALID);
	ck_assert_int_eq(fields_rt("RT X", &rt), PK2D_ERR_INVALID);
	ck_assert_int_eq(fields_rt("3/2", &rt), PK2D_ERR_INVALID);
	ck_assert_int_eq(fields_rt("RT", &rt), PK2D_ERR_INVALID);
}
END_TEST

START_TEST(tick_forms)
{
	static const char *const yes[] = { "1", "ya", "Ya", "y", "YES", "v", "V", "\xe2\x88\x9a",
	                                   " 1 " };
	static const char *const no[] = { "", "0", "tidak", "n", "no", "-", "  " };
	int v;
	size_t i;

	for (i = 0; i < sizeof yes / sizeof yes[0]; i++) {
		v = -1;
		ck_assert_msg(fields_tick(yes[i], &v) == 0 && v == 1, "'%s'", yes[i]);
	}
	for (i = 0; i < sizeof no / sizeof no[0]; i++) {
		v = -1;
		ck_assert_msg(fields_tick(no[i], &v) == 0 && v == 0, "'%s'", no[i]);
	}
	ck_assert_int_eq(fields_tick("2", &v), PK2D_ERR_INVALID);
	ck_assert_int_eq(fields_tick("ada", &v), PK2D_ERR_INVALID);
}
END_TEST

START_TEST(area_forms)
{
	char out[FIELDS_AREA_MAX];

	ck_assert_int_eq(fields_area(" 63.02.09.2007 ", out, sizeof out), 0);
	ck_assert_str_eq(out, "63.02.09.2007");
	ck_assert_int_eq(fields_area("6302092007", out, sizeof out), 0);
	ck_assert_str_eq(out, "63.02.09.2007");
	ck_assert_int_eq(fields_area("63.02", out, sizeof out), 0);
	ck_assert_int_eq(fields_area("", out, sizeof out), PK2D_ERR_MISSING);
	ck_assert_int_eq(fields_area("63.2.09.2007", out, sizeof out), PK2D_ERR_INVALID);
	ck_assert_int_eq(fields_area("63.02.09.2007.1", out, sizeof out), PK2D_ERR_INVALID);
	ck_assert_int_eq(fields_area("63.02.09.20x7", out, sizeof out), PK2D_ERR_INVALID);
	ck_assert_int_eq(fields_area_level("63"), 1);
	ck_assert_int_eq(fields_area_level("63.02.09"), 3);
	ck_assert_int_eq(fields_area_level("63.02.09.2007"), 4);
	ck_assert_int_eq(fields_area_level("63."), 0);
	ck_assert(fields_area_within("63.02.09.2007", "63.02"));
	ck_assert(fields_area_within("63.02.09.2007", "63.02.09.2007"));
	ck_assert(!fields_area_within("63.02.09.2007", "63.02.09.200"));
	ck_assert(!fields_area_within("63.02.09.2007", "63.02.09.2008"));
	ck_assert(!fields_area_within("63.02.09.2007", "63.03"));
	ck_assert_int_eq(fields_area("63-02-09-2007", out, sizeof out), PK2D_ERR_INVALID);
	ck_assert_int_eq(fields_area("63.02.09.20071", out, sizeof out), PK2D_ERR_INVALID);
}
END_TEST

START_TEST(period_ranges)
{
	long first, last;

	/* 1970-01-01 is day 0; 2023-01-01 is 19358 (53 years, 13 of them leap). */
	ck_assert_int_eq(fields_days(1970, 1, 1), 0);
	ck_assert_int_eq(fields_days(2023, 1, 1), 53 * 365 + 13);
	ck_assert_int_eq(fields_period_range("2023", &first, &last), 0);
	ck_assert_int_eq(first, fields_days(2023, 1, 1));
	ck_assert_int_eq(last, fields_days(2023, 12, 31));
	ck_assert_int_eq(fields_period_range("2023Q2", &first, &last), 0);
	ck_assert_int_eq(first, fields_days(2023, 4, 1));
	ck_assert_int_eq(last, fields_days(2023, 6, 30));
	ck_assert_int_eq(fields_period_range("2024S2", &first, &last), 0);
	ck_assert_int_eq(first, fields_days(2024, 7, 1));
	ck_assert_int_eq(last, fields_days(2024, 12, 31));
	ck_assert_int_eq(fields_period_range("2024S1", &first, &last), 0);
	ck_assert_int_eq(last - first + 1, 31 + 29 + 31 + 30 + 31 + 30);
	ck_assert_int_eq(fields_period_range("202402", &first, &last), 0);
	ck_assert_int_eq(last - first + 1, 29);
	ck_assert_int_eq(fields_period_range("2023Q5", &first, &last), PK2D_ERR_INVALID);
	ck_assert_int_eq(fields_period_range("202313", &first, &last), PK2D_ERR_INVALID);
	ck_assert_int_eq(fields_period_range("23", &first, &last), PK2D_ERR_INVALID);
}
END_TEST

START_TEST(dates_and_ages)
{
	long d, birth;
	int y, m, day;

	ck_assert_int_eq(fields_date("2023-07-01", &d), 0);
	ck_assert_int_eq(d, fields_days(2023, 7, 1));
	ck_assert_int_eq(fields_date("01/07/2023", &d), 0);
	ck_assert_int_eq(d, fields_days(2023, 7, 1));
	ck_assert_int_eq(fields_date("29-02-2024", &d), 0);
	ck_assert_int_eq(fields_date("29-02-2023", &d), PK2D_ERR_INVALID);
	ck_assert_int_eq(fields_date("2023-7-1", &d), PK2D_ERR_INVALID);
	fields_civil(fields_days(2024, 2, 29), &y, &m, &day);
	ck_assert(y == 2024 && m == 2 && day == 29);
	ck_assert_int_eq(fields_year_of(fields_days(1999, 12, 31)), 1999);
	/* Born 2009-07-02: 13 on 2023-07-01, 14 the day after. */
	birth = fields_days(2009, 7, 2);
	ck_assert_int_eq(fields_age_years(birth, fields_days(2023, 7, 1)), 13);
	ck_assert_int_eq(fields_age_years(birth, fields_days(2023, 7, 2)), 14);
	ck_assert_int_eq(fields_age_years(birth, birth), 0);
}
END_TEST

START_TEST(numbers)
{
	double v;

	ck_assert_int_eq(fields_number("81,78", &v), 0);
	ck_assert_double_eq(v, 81.78);
	ck_assert_int_eq(fields_number(" 12.5 ", &v), 0);
	ck_assert_double_eq(v, 12.5);
	ck_assert_int_eq(fields_number("", &v), PK2D_ERR_MISSING);
	ck_assert_int_eq(fields_number("1e3", &v), PK2D_ERR_INVALID);
	ck_assert_int_eq(fields_number("12 ekor", &v), PK2D_ERR_INVALID);
	ck_assert_int_eq(fields_number("1,2,3", &v), PK2D_ERR_INVALID);
}
END_TEST

START_TEST(ids_and_aims)
{
	char **aims, msg[160];
	size_t n, i;

	ck_assert(fields_valid_id("akta_anak"));
	ck_assert(fields_valid_id("l2"));
	ck_assert(!fields_valid_id("2l"));
	ck_assert(!fields_valid_id("Akta"));
	ck_assert(!fields_valid_id("akta-anak"));
	/* At most 48 characters. */
	ck_assert(!fields_valid_id("a234567890123456789012345678901234567890123456789"));
	ck_assert(fields_valid_id("a23456789012345678901234567890123456789012345678"));
	ck_assert_int_eq(catalogue_parse_aims(" family.l2 ,akta_anak", &aims, &n, msg, sizeof msg),
	                 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(aims[0], "family.l2");
	ck_assert_str_eq(aims[1], "akta_anak");
	for (i = 0; i < n; i++)
		free(aims[i]);
	free(aims);
	ck_assert_int_eq(catalogue_parse_aims("", &aims, &n, msg, sizeof msg), 0);
	ck_assert_uint_eq(n, 0);
	ck_assert_int_eq(catalogue_parse_aims("family.l2, ", &aims, &n, msg, sizeof msg),
	                 PK2D_ERR_INVALID);
	ck_assert_int_eq(catalogue_parse_aims("a.b.c", &aims, &n, msg, sizeof msg),
	                 PK2D_ERR_INVALID);
	ck_assert_int_eq(catalogue_parse_aims("x, y, x", &aims, &n, msg, sizeof msg),
	                 PK2D_ERR_INVALID);
	ck_assert_str_eq(msg, "indicator 'x' is listed twice in aims");
}
END_TEST

START_TEST(key_blocks)
{
	keyblocks kb;
	char id[16];
	const char *field, *first = NULL;

	memset(&kb, 0, sizeof kb);
	ck_assert_int_eq(keyblocks_split("intervention.akta.label", "intervention.", id,
	                                 sizeof id, &field), 1);
	ck_assert_str_eq(id, "akta");
	ck_assert_str_eq(field, "label");
	ck_assert_int_eq(keyblocks_split("indicator.a.label", "intervention.", id, sizeof id,
	                                 &field), 0);
	ck_assert_int_eq(keyblocks_split("intervention.akta", "intervention.", id, sizeof id,
	                                 &field), 1);
	ck_assert_ptr_null(field);
	ck_assert_int_eq(keyblocks_split("intervention.a_very_long_identifier.x",
	                                 "intervention.", id, sizeof id, &field), -1);
	ck_assert_int_eq(keyblocks_enter(&kb, "a", "f:1", &first), 0);
	ck_assert_int_eq(keyblocks_enter(&kb, "a", "f:2", &first), 0);
	ck_assert_int_eq(keyblocks_enter(&kb, "b", "f:3", &first), 0);
	ck_assert_int_eq(keyblocks_enter(&kb, "a", "f:4", &first), PK2D_ERR_DUPLICATE);
	ck_assert_str_eq(first, "f:1");
	ck_assert_int_eq(keyblocks_enter(&kb, "b", "f:5", &first), 0);
	keyblocks_free(&kb);
}
END_TEST

/* A host that maps column.area to "Kode Desa" and keeps the last error. */
static char last_log[256];

static void fake_log(pk2d_host *h, int level, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void fake_log(pk2d_host *h, int level, const char *fmt, ...)
{
	va_list ap;

	(void)h;
	ck_assert_int_eq(level, PK2D_LOG_ERROR);
	va_start(ap, fmt);
	vsnprintf(last_log, sizeof last_log, fmt, ap);
	va_end(ap);
}

static const char *fake_config_get(pk2d_host *h, const char *key)
{
	(void)h;
	return strcmp(key, "column.area") == 0 ? "Kode Desa" : NULL;
}

/* A file without an area column is only for a village run. */
START_TEST(area_column_needed_above_village)
{
	static const field_spec area = { "area", "kode_wilayah", 0 };
	pk2d_host_api api;
	run_scope village = { .area = "63.02.09.2007", .area_is_village = 1 };
	run_scope district = { .area = "63.02.09", .area_is_village = 0 };

	memset(&api, 0, sizeof api);
	api.log = fake_log;
	api.config_get = fake_config_get;
	last_log[0] = '\0';
	ck_assert_int_eq(run_scope_need_area(&district, &api, NULL, "a.csv", "column.", &area, 2),
	                 0);
	ck_assert_int_eq(run_scope_need_area(&village, &api, NULL, "a.csv", "column.", &area, -1),
	                 0);
	ck_assert_str_eq(last_log, "");
	ck_assert_int_eq(run_scope_need_area(&district, &api, NULL, "a.csv", "column.", &area, -1),
	                 PK2D_ERR_DATA);
	ck_assert_str_eq(last_log, "a.csv:1: no column 'Kode Desa', and the run's area 63.02.09 "
	                 "is not a village");
	ck_assert_int_eq(run_scope_need_area(&district, &api, NULL, "b.csv", "pokja_column.",
	                                     &area, -1), PK2D_ERR_DATA);
	ck_assert_str_eq(last_log, "b.csv:1: no column 'kode_wilayah', and the run's area "
	                 "63.02.09 is not a village");
}
END_TEST

/* An array starts at first elements, keeps its place while it has room,
 * then doubles, keeping what it held. */
START_TEST(array_grows)
{
	size_t cap = 0, n;
	int *v = grow_for_one(NULL, &cap, 0, sizeof *v, 4), *w;

	ck_assert_ptr_nonnull(v);
	ck_assert_uint_eq(cap, 4);
	for (n = 0; n < 4; n++) {
		ck_assert_ptr_eq(grow_for_one(v, &cap, n, sizeof *v, 4), v);
		v[n] = (int)n * 10;
	}
	ck_assert_uint_eq(cap, 4);
	w = grow_for_one(v, &cap, 4, sizeof *w, 4);
	ck_assert_ptr_nonnull(w);
	ck_assert_uint_eq(cap, 8);
	ck_assert_int_eq(w[0], 0);
	ck_assert_int_eq(w[3], 30);
	free(w);
}
END_TEST

START_TEST(string_map_grows)
{
	strmap m;
	char key[16];
	size_t i, v;

	memset(&m, 0, sizeof m);
	for (i = 0; i < 1000; i++) {
		snprintf(key, sizeof key, "k%zu", i);
		ck_assert_int_eq(strmap_put(&m, key, i * 3), 0);
	}
	ck_assert_int_eq(strmap_put(&m, "k7", 1), 0);
	ck_assert_uint_eq(m.len, 1000);
	for (i = 0; i < 1000; i++) {
		snprintf(key, sizeof key, "k%zu", i);
		ck_assert(strmap_get(&m, key, &v));
		ck_assert_uint_eq(v, i == 7 ? 1 : i * 3);
	}
	ck_assert(!strmap_get(&m, "k1000", &v));
	strmap_free(&m);
	ck_assert(!strmap_get(&m, "k1", &v));
}
END_TEST

/* get_or_put adds an absent key with the value given and leaves a present
 * one alone, handing back what it holds. */
START_TEST(string_map_get_or_put)
{
	strmap m;
	char key[16];
	size_t i, v;

	memset(&m, 0, sizeof m);
	for (i = 0; i < 1000; i++) {
		snprintf(key, sizeof key, "kk%zu", i);
		v = i + 10;
		ck_assert_int_eq(strmap_get_or_put(&m, key, &v), 0);
		ck_assert_uint_eq(v, i + 10);
	}
	for (i = 0; i < 1000; i++) {
		snprintf(key, sizeof key, "kk%zu", i);
		v = 0;
		ck_assert_int_eq(strmap_get_or_put(&m, key, &v), 1);
		ck_assert_uint_eq(v, i + 10);
	}
	ck_assert_uint_eq(m.len, 1000);
	strmap_free(&m);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("plugin common");
	TCase *tc = tcase_create("readers");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, rt_forms);
	tcase_add_test(tc, tick_forms);
	tcase_add_test(tc, area_forms);
	tcase_add_test(tc, period_ranges);
	tcase_add_test(tc, dates_and_ages);
	tcase_add_test(tc, numbers);
	tcase_add_test(tc, ids_and_aims);
	tcase_add_test(tc, key_blocks);
	tcase_add_test(tc, area_column_needed_above_village);
	tcase_add_test(tc, array_grows);
	tcase_add_test(tc, string_map_grows);
	tcase_add_test(tc, string_map_get_or_put);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
