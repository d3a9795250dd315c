/*
 * check_education.c - the education plugin on small files whose expected
 * APK, APM, APS, ATS and kk_children_in_school are worked out by hand from
 * the definitions (docs/plugins/education.md).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <check.h>

#include "harness.h"

#define VILLAGE "63.02.09.2007"
#define HEAD "[pk2d]\nperiod = 2023\narea = " VILLAGE "\n[plugin.education]\n"

/* Reference date: 1 July 2023 (the default for period 2023).
 *   RT1: c1 6 PAUD; c2 9 SD (birthday on the reference date); c3 13 SMP (turns
 *        14 the day after); c4 12 SMP; c5 16 putus; c15 14 SMP without KK
 *   RT2: c6 8 SD; c7 19 SMA; c8 17 lulus tidak melanjutkan; c9 10 belum pernah;
 *        c10 5 belum pernah; c11 15 MTs; c12 7 in school at an unknown level
 *   rejected: c2 again (the same row: counted once), c13 age 'abc', c14
 *   status 'libur' */
static const char children[] =
	"nik,no_kk,kode_wilayah,rt,tanggal_lahir,umur,jenis_kelamin,jenjang,status\n"
	"c1,K1," VILLAGE ",1,2017-03-01,,L,PAUD,sekolah\n"
	"c2,K1," VILLAGE ",1,01/07/2014,,P,SD,sekolah\n"
	"c3,K1," VILLAGE ",1,2009-07-02,,L,SMP,Sekolah\n"
	"c4,K2," VILLAGE ",1,,12,P,SMP,sekolah\n"
	"c5,K2," VILLAGE ",1,,16,L,,putus sekolah\n"
	"c6,K3," VILLAGE ",2,,8,P,SD,sekolah\n"
	"c7,K3," VILLAGE ",2,,19,L,SMA,sekolah\n"
	"c8,K4," VILLAGE ",2,,17,P,,lulus tidak melanjutkan\n"
	"c9,K4," VILLAGE ",2,,10,L,,belum pernah sekolah\n"
	"c10,K5," VILLAGE ",2,,5,L,,belum pernah sekolah\n"
	"c11,K6," VILLAGE ",2,,15,P,MTs,sekolah\n"
	"c12,K6," VILLAGE ",2,,7,L,xyz,sekolah\n"
	"c2,K1," VILLAGE ",1,01/07/2014,,P,SD,sekolah\n"
	"c13,K7," VILLAGE ",1,,abc,P,SD,sekolah\n"
	"c14,K7," VILLAGE ",1,,10,P,SD,libur\n"
	"c15,," VILLAGE ",1,,14,L,SMP,sekolah\n";

static const char log_rows[] =
	"kode_wilayah,rt,intervensi,sasaran,realisasi,tanggal,anggaran\n"
	VILLAGE ",1,pip_kip,4,3,2023-08-17,1350000\n"
	VILLAGE ",2,kejar_paket,2,1,2023S2,\n"
	VILLAGE ",2,kejar_paket,2,2,2022S2,\n";

static harness t;

static void setup(void)
{
	harness_init(&t);
	harness_file(&t, "anak-sekolah.csv", children);
	harness_file(&t, "intervensi-pendidikan.csv", log_rows);
	ck_assert_int_eq(harness_run(&t, HEAD "children = anak-sekolah.csv\n"
	                             "log = intervensi-pendidikan.csv\n"), 0);
	ck_assert_msg(t.failed == 0, "education failed: %s", t.log);
}

static void teardown(void)
{
	harness_free(&t);
}

static void expect_in(harness *u, const char *id, int rt, double num, double den)
{
	reg_sum s;
	char full[64];

	snprintf(full, sizeof full, "education.%s", id);
	ck_assert_msg(harness_get(u, full, VILLAGE, rt, &s), "%s RT %d not reported", id, rt);
	ck_assert_msg(s.num == num && (den < 0 || s.den == den),
	              "%s RT %d: got %g/%g, expected %g/%g", id, rt, s.num, s.den, num, den);
}

static void expect(const char *id, int rt, double num, double den)
{
	expect_in(&t, id, rt, num, den);
}

START_TEST(apk_apm_paud)
{
	/* Band 3-6: RT1 c1 (in PAUD), RT2 c10 (not in school). */
	expect("apk_paud", 1, 1, 1);
	expect("apk_paud", 2, 0, 1);
	expect("apk_paud", RT_ALL, 1, 2);
	expect("apm_paud", RT_ALL, 1, 2);
}
END_TEST

START_TEST(apk_apm_sd)
{
	/* Age 7-12: RT1 c2, c4; RT2 c6, c9, c12. At SD: c2, c6 (c12's level is
	 * unknown). */
	expect("apk_sd", 1, 1, 2);
	expect("apk_sd", 2, 1, 3);
	expect("apk_sd", RT_ALL, 2, 5);
	expect("apm_sd", RT_ALL, 2, 5);
}
END_TEST

START_TEST(apk_above_100_smp)
{
	const reg_indicator *ind = registry_find_indicator(t.s.reg, "education.apk_smp");
	reg_sum s;

	/* Age 13-15: RT1 c3, c15; RT2 c11. At SMP: RT1 c3, c4 (aged 12), c15;
	 * RT2 c11. APK RT1 = 3/2 = 150 %; APM counts only c3 and c15. */
	expect("apk_smp", 1, 3, 2);
	expect("apm_smp", 1, 2, 2);
	expect("apk_smp", RT_ALL, 4, 3);
	expect("apm_smp", RT_ALL, 3, 3);
	ck_assert_int_eq(ind->kind, PK2D_RATE);
	ck_assert(harness_get(&t, "education.apk_smp", VILLAGE, 1, &s));
	ck_assert_double_eq_tol(reg_value(ind, &s), 150.0, 1e-9);
}
END_TEST

START_TEST(apk_apm_sma)
{
	/* Age 16-18: RT1 c5, RT2 c8. At SMA: c7, aged 19 (APK only). */
	expect("apk_sma", 1, 0, 1);
	expect("apk_sma", 2, 1, 1);
	expect("apk_sma", RT_ALL, 1, 2);
	expect("apm_sma", RT_ALL, 0, 2);
}
END_TEST

START_TEST(aps_by_age_band)
{
	/* 7-12: RT1 c2, c4 in school; RT2 c6, c12 in school, c9 not. */
	expect("aps_7_12", 1, 2, 2);
	expect("aps_7_12", 2, 2, 3);
	expect("aps_7_12", RT_ALL, 4, 5);
	expect("aps_13_15", RT_ALL, 3, 3);
	expect("aps_16_18", RT_ALL, 0, 2);
}
END_TEST

START_TEST(ats_by_kind)
{
	/* Ages 7-18: RT1 c2 c3 c4 c5 c15; RT2 c6 c8 c9 c11 c12. Not in school:
	 * c5 (putus), c8 (lulus tidak melanjutkan), c9 (belum pernah); c10 is 5
	 * and c7 is 19, outside 7-18. */
	expect("anak_7_18", RT_ALL, 10, -1);
	expect("ats", 1, 1, 5);
	expect("ats", 2, 2, 5);
	expect("ats", RT_ALL, 3, 10);
	expect("ats_belum_pernah", RT_ALL, 1, -1);
	expect("ats_belum_pernah", 2, 1, -1);
	expect("ats_putus_sekolah", 1, 1, -1);
	expect("ats_putus_sekolah", RT_ALL, 1, -1);
	expect("ats_lulus_tidak_melanjutkan", RT_ALL, 1, -1);
}
END_TEST

START_TEST(kk_all_children_in_school)
{
	/* K1 (c2, c3) all in school; K2 (c4, c5) not; K3 (c6; c7 is 19) all;
	 * K4 (c8, c9) not; K5 has no child 7-18; K6 (c11, c12) all; c15 has no
	 * KK. RT1 1/2, RT2 2/3, village 3/5. */
	expect("kk_children_in_school", 1, 1, 2);
	expect("kk_children_in_school", 2, 2, 3);
	expect("kk_children_in_school", RT_ALL, 3, 5);
}
END_TEST

START_TEST(rows_rejected_and_noted)
{
	ck_assert_int_eq(harness_problems(&t, "education", NULL, "repeated row", 1), 1);
	ck_assert_int_eq(harness_problems(&t, "education", NULL, "bad age", 1), 1);
	ck_assert_int_eq(harness_problems(&t, "education", NULL, "unknown status", 1), 1);
	ck_assert_int_eq(harness_problems(&t, "education", NULL, "unknown jenjang", 0), 1);
	ck_assert_int_eq(harness_problems(&t, "education", NULL, "missing no_kk", 0), 1);
	ck_assert_int_eq(harness_problems(&t, "education", NULL, "outside period", 1), 1);
}
END_TEST

START_TEST(interventions)
{
	reg_isum s;
	const reg_intervention *iv;

	ck_assert(harness_iget(&t, "education.pip_kip", VILLAGE, 1, &s));
	ck_assert(s.target == 4 && s.realised == 3 && s.budget == 1350000);
	ck_assert(harness_iget(&t, "education.kejar_paket", VILLAGE, RT_ALL, &s));
	ck_assert(s.target == 2 && s.realised == 1);
	iv = registry_find_intervention(t.s.reg, "education.kembali_bersekolah");
	ck_assert_ptr_nonnull(iv);
	ck_assert_str_eq(iv->aims[2], "family.e5");
}
END_TEST

/* An RT with a pupil of a level but no child of its age: the village's APK
 * is then reported once for the whole village, so the pupil still counts. */
START_TEST(apk_without_denominator_in_an_rt)
{
	harness u;
	reg_sum s;

	harness_init(&u);
	harness_file(&u, "a.csv", "nik,no_kk,rt,umur,jenjang,status\n"
	             "a,K1,1,17,,putus sekolah\nb,K2,3,19,SMA,sekolah\nc,K3,3,9,SD,sekolah\n");
	ck_assert_int_eq(harness_run(&u, HEAD "children = a.csv\n"), 0);
	ck_assert_uint_eq(u.failed, 0);
	expect_in(&u, "apk_sma", 0, 1, 1);
	expect_in(&u, "apk_sma", RT_ALL, 1, 1);
	ck_assert(!harness_get(&u, "education.apk_sma", VILLAGE, 1, &s));
	ck_assert(!harness_get(&u, "education.apk_sma", VILLAGE, 3, &s));
	/* SD has its denominator in RT3 itself: per RT as usual. */
	expect_in(&u, "apk_sd", 3, 1, 1);
	expect_in(&u, "apm_sma", 1, 0, 1);
	harness_free(&u);
}
END_TEST

/* The same numbers in both orders: a child id's differing copies are all
 * rejected, and a KK whose children live in two RTs is counted in the
 * first (RT 1) whichever row comes first. */
START_TEST(order_free_duplicates_and_kk_place)
{
	static const char *const rows[] = {
		"a,K1,1,8,SD,sekolah\n", "a,K1,2,8,SD,sekolah\n",
		"b,K2,2,9,SD,sekolah\n", "c,K2,1,10,,putus sekolah\n",
	};

	for (int order = 0; order < 2; order++) {
		harness u;
		reg_sum s;
		char text[256] = "nik,no_kk,rt,umur,jenjang,status\n";

		for (int i = 0; i < 4; i++)
			strcat(text, rows[order ? 3 - i : i]);
		harness_init(&u);
		harness_file(&u, "a.csv", text);
		ck_assert_int_eq(harness_run(&u, HEAD "children = a.csv\n"), 0);
		ck_assert_uint_eq(u.failed, 0);
		ck_assert_int_eq(harness_problems(&u, "education", NULL, "duplicate nik", 1), 2);
		expect_in(&u, "anak_7_18", RT_ALL, 2, -1);
		expect_in(&u, "kk_children_in_school", 1, 0, 1);
		ck_assert(!harness_get(&u, "education.kk_children_in_school", VILLAGE, 2, &s));
		ck_assert(harness_logged(&u, "1 KK have children 7-18 in more than one RT"));
		harness_free(&u);
	}
}
END_TEST

/* The default PAUD band is BPS's 3-6, both ends in: a pupil of 3 and a child of
 * 6 are of PAUD age; pupils of 2 and 7 at PAUD count in APK PAUD only (the 7
 * in SD's band). */
START_TEST(paud_band_ends)
{
	harness u;

	harness_init(&u);
	harness_file(&u, "a.csv", "nik,no_kk,rt,umur,jenjang,status\n"
	             "a,K1,1,2,PAUD,sekolah\nb,K1,1,3,PAUD,sekolah\n"
	             "c,K2,1,6,,belum pernah sekolah\nd,K2,1,7,TK,sekolah\n");
	ck_assert_int_eq(harness_run(&u, HEAD "children = a.csv\n"), 0);
	ck_assert_msg(u.failed == 0, "%s", u.log);
	expect_in(&u, "apk_paud", 1, 3, 2);
	expect_in(&u, "apm_paud", 1, 1, 2);
	expect_in(&u, "apk_sd", 1, 0, 1);
	harness_free(&u);
}
END_TEST

/* reference_date moves ages; the PAUD band is a setting. */
START_TEST(reference_date_and_paud_band)
{
	harness u;
	reg_sum s;

	harness_init(&u);
	/* Born 15 June 2010: 13 on 1 July 2023, 12 on 1 June 2023. Born 1 Jan
	 * 2019: 4 on 1 June 2023, in the band 4-6. */
	harness_file(&u, "a.csv", "nik;no_kk;rt;tanggal_lahir;jenjang;status\n"
	             "a;K1;1;2010-06-15;SD;sekolah\nb;K1;1;2019-01-01;TK;sekolah\n");
	ck_assert_int_eq(harness_run(&u, HEAD "children = a.csv\n"), 0);
	expect_in(&u, "apk_smp", 1, 0, 1);
	ck_assert(!harness_get(&u, "education.apk_sd", VILLAGE, 1, &s));
	harness_free(&u);

	harness_init(&u);
	harness_file(&u, "a.csv", "nik;no_kk;rt;tanggal_lahir;jenjang;status\n"
	             "a;K1;1;2010-06-15;SD;sekolah\nb;K1;1;2019-01-01;TK;sekolah\n");
	ck_assert_int_eq(harness_run(&u, HEAD "children = a.csv\nreference_date = 2023-06-01\n"
	                             "paud_age_min = 4\n"), 0);
	expect_in(&u, "apk_sd", 1, 1, 1);
	expect_in(&u, "apm_paud", 1, 1, 1);
	ck_assert(!harness_get(&u, "education.apk_smp", VILLAGE, 1, &s));
	harness_free(&u);
}
END_TEST

START_TEST(bad_settings)
{
	harness u;

	harness_init(&u);
	harness_file(&u, "a.csv", "rt,umur,status\n1,9,sekolah\n");
	ck_assert_int_eq(harness_run(&u, HEAD "children = a.csv\nreference_date = 2023-13-01\n"
	                             "paud_age_max = 8\n"), 0);
	ck_assert_uint_eq(u.failed, 1);
	ck_assert_msg(harness_logged(&u, "pk2d.ini:6: reference_date must be a date"), "%s",
	              u.log);
	ck_assert_msg(harness_logged(&u, "pk2d.ini:7: the PAUD band 3-8"), "%s", u.log);
	harness_free(&u);
}
END_TEST

static Suite *education_suite(void)
{
	Suite *s = suite_create("education");
	TCase *tc = tcase_create("sample");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, apk_apm_paud);
	tcase_add_test(tc, apk_apm_sd);
	tcase_add_test(tc, apk_above_100_smp);
	tcase_add_test(tc, apk_apm_sma);
	tcase_add_test(tc, aps_by_age_band);
	tcase_add_test(tc, ats_by_kind);
	tcase_add_test(tc, kk_all_children_in_school);
	tcase_add_test(tc, rows_rejected_and_noted);
	tcase_add_test(tc, interventions);
	suite_add_tcase(s, tc);
	tc = tcase_create("settings");
	tcase_add_test(tc, apk_without_denominator_in_an_rt);
	tcase_add_test(tc, order_free_duplicates_and_kk_place);
	tcase_add_test(tc, reference_date_and_paud_band);
	tcase_add_test(tc, paud_band_ends);
	tcase_add_test(tc, bad_settings);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(education_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
