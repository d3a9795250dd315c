/*
 * check_synth.c - the pieces of pk2d-synth with exact answers: the
 * calendar, the xoshiro256** stream, the LMS inversion, the code table
 * reader and the WHO table loader.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <check.h>

#include "pk2d/plugin.h"
#include "synth/cal.h"
#include "synth/growth.h"
#include "synth/regions.h"
#include "synth/rng.h"

START_TEST(test_cal_days)
{
	int y, m, d;

	ck_assert_int_eq(cal_days(1970, 1, 1), 0);
	/* 2000-01-01 is day 10957; 31 days of January and 29 of February. */
	ck_assert_int_eq(cal_days(2000, 3, 1), 11017);
	/* 2023-01-01 is day 19358; January to July have 212 days. */
	ck_assert_int_eq(cal_days(2023, 8, 1), 19570);
	ck_assert_int_eq(cal_days(1969, 12, 31), -1);
	cal_civil(19570, &y, &m, &d);
	ck_assert_int_eq(y, 2023);
	ck_assert_int_eq(m, 8);
	ck_assert_int_eq(d, 1);
	cal_civil(cal_days(2024, 2, 29), &y, &m, &d);
	ck_assert_int_eq(y * 10000 + m * 100 + d, 20240229);
}
END_TEST

START_TEST(test_xoshiro_reference)
{
	/* From state {1, 2, 3, 4}: rotl(2 * 5, 7) * 9 = 11520; then s[1] is 0;
	 * then s[1] = 2^18 + 5 = 262149 and rotl(262149 * 5, 7) * 9 =
	 * 1509978240 (worked by hand from the update rule). */
	rng r = { { 1, 2, 3, 4 } };

	ck_assert_uint_eq(rng_next(&r), 11520);
	ck_assert_uint_eq(rng_next(&r), 0);
	ck_assert_uint_eq(rng_next(&r), 1509978240ULL);
}
END_TEST

START_TEST(test_rng_streams)
{
	rng a, b, c, d;
	int same_label = 1, other_label = 0, other_stream = 0;

	rng_seed(&a, 42, "63.02.09.2007", 1);
	rng_seed(&b, 42, "63.02.09.2007", 1);
	rng_seed(&c, 42, "63.02.09.2008", 1);
	rng_seed(&d, 42, "63.02.09.2007", 2);
	for (int i = 0; i < 100; i++) {
		uint64_t x = rng_next(&a);

		same_label &= x == rng_next(&b);
		other_label += x != rng_next(&c);
		other_stream += x != rng_next(&d);
	}
	ck_assert(same_label);
	ck_assert_int_eq(other_label, 100);
	ck_assert_int_eq(other_stream, 100);
}
END_TEST

START_TEST(test_rng_ranges)
{
	rng r;
	double sum = 0, sum2 = 0;
	int seen[6] = { 0 };
	const int n = 200000;

	rng_seed(&r, 1, "range", 0);
	for (int i = 0; i < n; i++) {
		int k = rng_range(&r, 10, 15);
		double u = rng_uniform(&r);

		ck_assert(k >= 10 && k <= 15);
		ck_assert(u >= 0.0 && u < 1.0);
		seen[k - 10]++;
	}
	for (int k = 0; k < 6; k++)
		ck_assert(seen[k] > n / 6 - 1500 && seen[k] < n / 6 + 1500);
	for (int i = 0; i < n; i++) {
		double z = rng_normal(&r);

		sum += z;
		sum2 += z * z;
	}
	/* Standard error of the mean is 1/sqrt(n) = 0.0022. */
	ck_assert(fabs(sum / n) < 0.01);
	ck_assert(fabs(sum2 / n - 1.0) < 0.02);
}
END_TEST

START_TEST(test_rng_pick)
{
	rng r;
	const double cum[] = { 0.25, 0.25, 1.0 };
	int count[3] = { 0 };

	rng_seed(&r, 9, "pick", 0);
	for (int i = 0; i < 40000; i++)
		count[rng_pick(&r, cum, 3)]++;
	/* The middle weight is zero. */
	ck_assert_int_eq(count[1], 0);
	ck_assert(count[0] > 9500 && count[0] < 10500);
}
END_TEST

START_TEST(test_lms_inverse)
{
	/* L = 1: M (1 + S z) = 80 * (1 - 0.08) = 73.6. */
	lms a = { 1.0, 80.0, 0.04 };
	/* L = -0.5: 10 * (1 - 0.05)^-2 = 10 / 0.9025. */
	lms b = { -0.5, 10.0, 0.1 };
	double y = growth_value(&b, 1.0);

	ck_assert(fabs(growth_value(&a, -2.0) - 73.6) < 1e-12);
	ck_assert(fabs(y - 10.0 / 0.9025) < 1e-12);
	/* And the z-score formula takes it back to 1. */
	ck_assert(fabs((pow(y / b.m, b.l) - 1) / (b.l * b.s) - 1.0) < 1e-12);
}
END_TEST

START_TEST(test_growth_load)
{
	static growth g;
	char dir[4096], err[512];
	const char *data = getenv("PK2D_DATA_DIR");

	ck_assert_ptr_nonnull(data);
	snprintf(dir, sizeof(dir), "%s/who-growth", data);
	ck_assert_int_eq(growth_load(&g, dir, err, sizeof(err)), 0);
	/* First rows of the tables (boys), as in the files. */
	ck_assert(g.lhfa[0][0].m == 49.8842);
	ck_assert(g.lhfa[0][0].s == 0.03795);
	ck_assert(g.wfl[0][0].m == 2.441);
	ck_assert(g.wfa[0][0].l == 0.3487);
	ck_assert_int_eq(growth_load(&g, "/nonexistent", err, sizeof(err)), PK2D_ERR_IO);
	ck_assert_ptr_nonnull(strstr(err, "/nonexistent/length-height-for-age.csv: cannot open"));
}
END_TEST

START_TEST(test_code_level)
{
	ck_assert_int_eq(regions_code_level("63"), 1);
	ck_assert_int_eq(regions_code_level("63.02"), 2);
	ck_assert_int_eq(regions_code_level("63.02.09"), 3);
	ck_assert_int_eq(regions_code_level("63.02.09.2007"), 4);
	ck_assert_int_eq(regions_code_level("63.2"), 0);
	ck_assert_int_eq(regions_code_level("63.02.09.2007.1"), 0);
	ck_assert_int_eq(regions_code_level("63.02.09.207"), 0);
	ck_assert_int_eq(regions_code_level("6x"), 0);
	ck_assert_int_eq(regions_code_level(""), 0);
	ck_assert(regions_within("63.02.09.2007", "63.02"));
	ck_assert(regions_within("63.02", "63.02"));
	ck_assert(regions_within("63.02", ""));
	ck_assert(!regions_within("63.02.09.2007", "63.0"));
	ck_assert(!regions_within("63.02", "63.02.09"));
}
END_TEST

static char *write_temp(const char *text)
{
	char *path = strdup("/tmp/check_synth.XXXXXX");
	int fd = mkstemp(path);

	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	return path;
}

START_TEST(test_regions_reader)
{
	char *path = write_temp("kode,nama,tingkat\n"
				"12,Sumatera Utara,provinsi\n"
				"12.07.28.1007,\"Lubuk Pakam I,II\",desa_kelurahan\n"
				"12.07,\"Kabupaten \"\"X\"\"\",kabupaten_kota\n"
				"12.7,Bad,kecamatan\n");
	region_reader r;
	char err[512];

	ck_assert_int_eq(regions_open(&r, path, err, sizeof(err)), 0);
	ck_assert_int_eq(regions_next(&r, err, sizeof(err)), 1);
	ck_assert_str_eq(r.code, "12");
	ck_assert_int_eq(r.level, 1);
	ck_assert_int_eq(regions_next(&r, err, sizeof(err)), 1);
	ck_assert_str_eq(r.name, "Lubuk Pakam I,II");
	ck_assert_int_eq(r.level, 4);
	ck_assert_int_eq(regions_next(&r, err, sizeof(err)), 1);
	ck_assert_str_eq(r.name, "Kabupaten \"X\"");
	ck_assert_int_eq(regions_next(&r, err, sizeof(err)), PK2D_ERR_DATA);
	ck_assert_ptr_nonnull(strstr(err, ":5: malformed code '12.7'"));
	regions_close(&r);
	unlink(path);
	free(path);

	path = write_temp("code,name\n");
	ck_assert_int_eq(regions_open(&r, path, err, sizeof(err)), PK2D_ERR_DATA);
	ck_assert_ptr_nonnull(strstr(err, ":1: header is not kode,nama,tingkat"));
	unlink(path);
	free(path);
}
END_TEST

static Suite *synth_suite(void)
{
	Suite *s = suite_create("synth");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_cal_days);
	tcase_add_test(tc, test_xoshiro_reference);
	tcase_add_test(tc, test_rng_streams);
	tcase_add_test(tc, test_rng_ranges);
	tcase_add_test(tc, test_rng_pick);
	tcase_add_test(tc, test_lms_inverse);
	tcase_add_test(tc, test_growth_load);
	tcase_add_test(tc, test_code_level);
	tcase_add_test(tc, test_regions_reader);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(synth_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
