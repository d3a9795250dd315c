/*
 * check_health_zscore.c - the health plugin's z-scores against WHO Anthro.
 *
 * Reads data/who-growth/reference-zscores.csv (334 children computed by the
 * WHO R package anthro 1.1.0) through the host's api (a real host of a
 * [plugin.health] instance, from the test harness) and the plugin's own
 * table loader and value parsers, and checks every z-score (rounded,
 * exactly; unrounded, within 1e-9), every flag, clenhei, cbmi, cmeasure and
 * c9mo_flag, on every row including the documented quirks.
 */
#include <check.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "plugins/health/ppgbm.h"
#include "plugins/health/who_tables.h"
#include "plugins/health/zscore.h"

static who_tables *tables;
static harness t;
static const pk2d_host_api *api;
static pk2d_host *host;

static void setup(void)
{
	char dir[4096];
	int rc;

	harness_init(&t);
	ck_assert_msg(harness_open(&t, "[pk2d]\nperiod = 2024\narea = 63.02.09.2007\n"
	                           "[plugin.health]\n") == 0, "%s", t.log);
	api = harness_api();
	host = harness_host(&t, "health");
	snprintf(dir, sizeof dir, "%s/who-growth", api->data_dir(host));
	tables = malloc(sizeof *tables);
	ck_assert_ptr_nonnull(tables);
	harness_capture_begin(&t);
	rc = who_tables_load(api, host, dir, tables);
	harness_capture_end(&t);
	ck_assert_msg(rc == 0, "%s", t.log);
}

static void teardown(void)
{
	free(tables);
	harness_free(&t);
}

/* An expected value as anthro wrote it: NA is NAN, Inf and -Inf are
 * infinities, anything else a number with up to 17 digits and maybe an
 * exponent (which exports never have, so the host's parser refuses it). */
static double expected(pk2d_csv *c, const char *column)
{
	int col = csv_column(c, column);
	const char *s = csv_field(c, col);
	char *end;
	double v;

	ck_assert_int_ge(col, 0);
	if (strcmp(s, "NA") == 0)
		return NAN;
	v = strtod(s, &end);
	ck_assert_msg(*s != '\0' && *end == '\0', "line %ld: %s '%s'", csv_line(c), column, s);
	return v;
}

/* An input value through the host's number parser: NA is NAN. */
static double ref_number(pk2d_csv *c, const char *column)
{
	int col = csv_column(c, column);
	const char *s = csv_field(c, col);
	double v;

	ck_assert_int_ge(col, 0);
	if (strcmp(s, "NA") == 0)
		return NAN;
	ck_assert_msg(api->csv_number(c, col, &v) == 0, "line %ld: %s '%s'",
	              csv_line(c), column, s);
	return v;
}

/* Equal as anthro writes them: both missing, or the same double. */
static int same(double a, double b)
{
	return (isnan(a) && isnan(b)) || a == b;
}

START_TEST(reference_zscores)
{
	static const char *const zcol[ZS_N] = { "zlen", "zwei", "zwfl", "zbmi" };
	static const char *const fcol[ZS_N] = { "flen", "fwei", "fwfl", "fbmi" };
	static const char *const ucol[ZS_N] = { "zlen_unrounded", "zwei_unrounded",
	                                         "zwfl_unrounded", "zbmi_unrounded" };
	char path[4096];
	long rows = 0, quirks = 0, flagged = 0, computed = 0;
	double max_diff = 0;
	int rc;

	snprintf(path, sizeof path, "%s/who-growth/reference-zscores.csv", api->data_dir(host));
	pk2d_csv *c = api->csv_open(host, path);
	ck_assert_ptr_nonnull(c);
	while ((rc = api->csv_next(c)) == 1) {
		zscore_input in;
		zscore_result out;
		long line = csv_line(c);
		const char *kase = csv_field(c, csv_column(c, "case"));
		int v;

		v = ppgbm_parse_sex(csv_field(c, csv_column(c, "sex")));
		in.sex = v > 0 ? v : 0;
		in.age_days = ref_number(c, "age_days");
		in.weight = ref_number(c, "weight");
		in.lenhei = ref_number(c, "lenhei");
		v = ppgbm_parse_measure(csv_field(c, csv_column(c, "measure")));
		in.measure = v > 0 ? (char)v : 0;
		v = ppgbm_parse_oedema(csv_field(c, csv_column(c, "oedema")));
		in.oedema = v > 0;
		zscore_compute(tables, &in, &out);

		for (int i = 0; i < ZS_N; i++) {
			double z = expected(c, zcol[i]), f = expected(c, fcol[i]);
			double u = expected(c, ucol[i]);
			ck_assert_msg(same(out.z[i], z), "line %ld (%s): %s %.17g, anthro %.17g",
			              line, kase, zcol[i], out.z[i], z);
			ck_assert_msg(isnan(f) ? out.flag[i] == -1 : out.flag[i] == (int)f,
			              "line %ld (%s): %s %d, anthro %g", line, kase, fcol[i],
			              out.flag[i], f);
			ck_assert_msg(isnan(u) == isnan(out.raw[i]), "line %ld (%s): %s %.17g, anthro %.17g",
			              line, kase, ucol[i], out.raw[i], u);
			if (isfinite(u)) {
				double d = fabs(out.raw[i] - u);
				ck_assert_msg(d <= 1e-9, "line %ld (%s): %s %.17g, anthro %.17g",
				              line, kase, ucol[i], out.raw[i], u);
				if (d > max_diff)
					max_diff = d;
			} else if (!isnan(u)) {
				ck_assert_msg(out.raw[i] == u, "line %ld: %s infinite", line, ucol[i]);
			}
			computed += !isnan(z);
			flagged += f == 1;
		}
		ck_assert_msg(same(out.clenhei, expected(c, "clenhei")), "line %ld (%s): clenhei %.17g",
		              line, kase, out.clenhei);
		ck_assert_msg(same(out.cbmi, expected(c, "cbmi")), "line %ld (%s): cbmi %.17g",
		              line, kase, out.cbmi);
		v = ppgbm_parse_measure(csv_field(c, csv_column(c, "cmeasure")));
		ck_assert_msg(out.cmeasure == (v > 0 ? v : 0), "line %ld (%s): cmeasure %c",
		              line, kase, out.cmeasure ? out.cmeasure : '-');
		ck_assert_int_eq(out.c9mo_flag, (int)expected(c, "c9mo_flag"));
		quirks += strcmp(kase, "wfh_interp_fp_quirk") == 0;
		rows++;
	}
	ck_assert_int_eq(rc, 0);
	api->csv_close(c);
	/* Every row was compared, the quirk rows among them, and the file is not
	 * trivially empty of z-scores or flags. */
	ck_assert_int_eq(rows, 334);
	ck_assert_int_eq(quirks, 4);
	ck_assert_int_gt(computed, 900);
	ck_assert_int_gt(flagged, 20);
	fprintf(stderr, "reference: %ld rows, %ld z-scores, largest unrounded difference %g\n",
	        rows, computed, max_diff);
}
END_TEST

/* The quirk on its own: 103.1 cm lying at 800 days becomes 102.39999999999999
 * cm, and anthro interpolates between the 102.3 and 102.5 rows with a weight
 * of 0.99999999999999: practically the 102.5 row. */
START_TEST(interpolation_quirk)
{
	zscore_input in = { .sex = 1, .age_days = 800, .weight = 16, .lenhei = 103.1,
	                    .measure = 'l', .oedema = 0 };
	zscore_result out;
	const who_lms *r = &tables->wfh[0][1025 - WHO_WFH_FIRST];

	zscore_compute(tables, &in, &out);
	ck_assert(out.clenhei == 103.1 - 0.7);
	ck_assert(out.clenhei < 102.4);
	double z = (pow(16 / r->m, r->l) - 1) / (r->s * r->l);
	ck_assert_double_eq_tol(out.raw[ZS_WFL], z, 1e-12);
}
END_TEST

/* R's round(x, 2): the nearer 2-decimal neighbour, an exact tie to even. */
START_TEST(round2)
{
	ck_assert(zscore_round2(5.003) == 5.0);
	ck_assert(zscore_round2(5.007) == 5.01);
	ck_assert(zscore_round2(-5.007) == -5.01);
	ck_assert(zscore_round2(0.125) == 0.12);   /* 0.125 is exact: tie, to even */
	ck_assert(zscore_round2(0.375) == 0.38);
	ck_assert(zscore_round2(2.675) == 2.67);   /* 2.67499999... as a double */
	ck_assert(isinf(zscore_round2(INFINITY)));
	ck_assert(isnan(zscore_round2(NAN)));
	ck_assert(zscore_round_day(730.5) == 731);
	ck_assert(zscore_round_day(730.49) == 730);
}
END_TEST

/* R's round(x, 2) step by step, as the plugin computed it before it
 * took the short way away from ties. */
static double r_round2(double x)
{
	if (!isfinite(x) || x == 0)
		return x;
	double sgn = x < 0 ? -1 : 1;
	x = fabs(x);
	if (x > 1e13)
		return sgn * x;
	double xd = x * 100.0, i10 = floor(xd);
	double lo = i10 / 100.0, hi = (xd == i10 ? i10 : i10 + 1) / 100.0;
	double du = hi - x, dd = x - lo;
	int odd = ((long long)i10 & 1) != 0;
	return sgn * ((du < dd || (du == dd && odd)) ? hi : lo);
}

/* The short way gives R's answer bit for bit: random z-like values, values
 * at and a few units in the last place around every kind of tie, at the
 * edges of the short way's band (a millionth of a hundredth from a tie),
 * and around 1e6, where it stops. Counted first and asserted once: a
 * Check assertion per value would cost a message to the runner each. */
static long round2_differs(double x, long differ, double *first)
{
	if (zscore_round2(x) == r_round2(x))
		return differ;
	if (differ == 0)
		*first = x;
	return differ + 1;
}

START_TEST(round2_as_r)
{
	uint64_t seed = 88172645463325252u;
	long checked = 0, differ = 0;
	double first = 0;

	for (int i = 0; i < 1000000; i++) {
		seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
		double x = (double)(seed >> 11) / 9007199254740992.0 * 40 - 20;
		differ = round2_differs(x, differ, &first);
		checked++;
	}
	for (long k = -2000; k <= 2000; k++) {
		double base[] = { k + 0.005, k * 0.01 + 0.005, k * 7.77 + 0.005,
		                  k * 500.0 + 0.005, 999999.995, 1e6 + k * 0.01 + 0.005 };
		for (size_t b = 0; b < sizeof base / sizeof *base; b++) {
			double off[] = { 0, 1e-8, -1e-8, 0.999e-8, 1.001e-8, 0.5e-8, 1e-10 };
			for (size_t o = 0; o < sizeof off / sizeof *off; o++) {
				double x = base[b] + off[o];
				for (int u = -3; u <= 3; u++) {
					double y = x;
					for (int s = 0; s < (u < 0 ? -u : u); s++)
						y = nextafter(y, u < 0 ? -INFINITY : INFINITY);
					differ = round2_differs(y, differ, &first);
					differ = round2_differs(-y, differ, &first);
					checked += 2;
				}
			}
		}
	}
	ck_assert_msg(differ == 0, "%ld of %ld values round otherwise than R, the first %.17g",
	              differ, checked, first);
	ck_assert_int_gt(checked, 1000000);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("health_zscore");
	TCase *tc = tcase_create("anthro");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, reference_zscores);
	tcase_add_test(tc, interpolation_quirk);
	tcase_add_test(tc, round2);
	tcase_add_test(tc, round2_as_r);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
