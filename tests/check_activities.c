/*
 * check_activities.c - the activities module: several agencies side by side,
 * indicators from aggregate tables, the shared activity log, and every
 * configuration error reported at the line of the key that caused it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <check.h>

#include "harness.h"

#define VILLAGE "63.02.09.2007"
#define HEAD "[pk2d]\nperiod = 2023\narea = " VILLAGE "\n"

static const char dukcapil_ini[] =
	HEAD                                                       /* lines 1-3 */
	"[plugin.dukcapil]\n"                                      /* 4 */
	"module = activities\n"                                    /* 5 */
	"agency = Disdukcapil\n"                                   /* 6 */
	"log = kegiatan-dukcapil.csv\n"                            /* 7 */
	"intervention.akta_lahir.label = Penerbitan akta kelahiran\n" /* 8 */
	"intervention.akta_lahir.unit = akta\n"                    /* 9 */
	"intervention.akta_lahir.aims = family.l2, akta_anak\n"    /* 10 */
	"intervention.kia.label = Kartu Identitas Anak\n"          /* 11 */
	"intervention.kia.target = 40\n"                           /* 12 */
	"indicator.akta_anak.label = Anak 0-17 dengan akta kelahiran\n" /* 13 */
	"indicator.akta_anak.table = rekap-akta.csv\n"             /* 14 */
	"indicator.akta_anak.numerator = berakta\n"                /* 15 */
	"indicator.akta_anak.denominator = anak\n"                 /* 16 */
	"indicator.akta_anak.target = 95\n"                        /* 17 */
	"indicator.ktp_baru.label = KTP-el baru\n"                 /* 18 */
	"indicator.ktp_baru.kind = count\n"                        /* 19 */
	"indicator.ktp_baru.table = rekap-akta.csv\n"              /* 20 */
	"indicator.ktp_baru.numerator = ktp\n"                     /* 21 */
	"\n"
	"[plugin.pupr]\n"
	"module = activities\n"
	"agency = Dinas PUPR\n"
	"log = kegiatan-pupr.csv\n"
	"column.intervention = kegiatan\n"
	"column.realised = unit_selesai\n"
	"intervention.bedah_rumah.label = Bedah rumah (RTLH)\n"
	"intervention.bedah_rumah.aims = family.e8, family.f6\n";

/* akta_anak = berakta/anak: RT1 8/10, RT2 5/5; rejected: RT3 6 > 4, RT4
 * zero denominator, RT5 'x', RT6 a 2022 period. ktp_baru (a count, no
 * denominator) reads the same rows: 3 + 2 + 1 + 0 + 0, RT6 rejected. */
static const char akta_table[] =
	"kode_wilayah,rt,periode,anak,berakta,ktp\n"
	VILLAGE ",1,2023,10,8,3\n"
	VILLAGE ",2,2023S1,5,5,2\n"
	VILLAGE ",3,2023,4,6,1\n"
	VILLAGE ",4,2023,0,0,0\n"
	VILLAGE ",5,2023,x,1,0\n"
	VILLAGE ",6,2022,5,5,0\n";

static const char dukcapil_log[] =
	"kode_wilayah;rt;intervensi;sasaran;realisasi;tanggal;anggaran\n"
	VILLAGE ";1;akta_lahir;20;18;15/03/2023;0\n"
	VILLAGE ";2;akta_lahir;10;4;2023-09-01;\n"
	VILLAGE ";;kia;;25;2023;\n"
	VILLAGE ";1;bedah_rumah;1;1;2023-01-01;\n"
	";1;kia;1;1;2023-01-01;\n"
	VILLAGE ";1;kia;1;1;;\n"
	VILLAGE ";1;kia;1;1;2023-02-30;\n"
	VILLAGE ";1;kia;-1;1;2023-02-03;\n";

static const char pupr_log[] =
	"kode_wilayah,rt,kegiatan,sasaran,unit_selesai,tanggal,anggaran\n"
	"6302092007,3,bedah_rumah,4,3,2023-10-01,60000000\n";

static harness t;

static void setup(void)
{
	harness_init(&t);
	harness_file(&t, "rekap-akta.csv", akta_table);
	harness_file(&t, "kegiatan-dukcapil.csv", dukcapil_log);
	harness_file(&t, "kegiatan-pupr.csv", pupr_log);
	ck_assert_int_eq(harness_run(&t, dukcapil_ini), 0);
	ck_assert_msg(t.failed == 0, "activities failed: %s", t.log);
}

static void teardown(void)
{
	harness_free(&t);
}

START_TEST(table_indicator)
{
	const reg_indicator *ind = registry_find_indicator(t.s.reg, "dukcapil.akta_anak");
	reg_sum s;

	ck_assert_ptr_nonnull(ind);
	ck_assert_str_eq(ind->agency, "Disdukcapil");
	ck_assert_int_eq(ind->kind, PK2D_PROPORTION);
	ck_assert(ind->has_target && ind->target == 95);
	ck_assert(harness_get(&t, "dukcapil.akta_anak", VILLAGE, 1, &s));
	ck_assert(s.num == 8 && s.den == 10);
	ck_assert(harness_get(&t, "dukcapil.akta_anak", VILLAGE, RT_ALL, &s));
	ck_assert(s.num == 13 && s.den == 15);
	ck_assert(harness_get(&t, "dukcapil.ktp_baru", VILLAGE, RT_ALL, &s));
	ck_assert(s.num == 6);
	ck_assert_int_eq(harness_problems(&t, "dukcapil", NULL, "numerator above denominator", 1), 1);
	ck_assert_int_eq(harness_problems(&t, "dukcapil", NULL, "zero denominator", 1), 1);
	ck_assert_int_eq(harness_problems(&t, "dukcapil", NULL, "unreadable denominator", 1), 1);
	ck_assert_int_eq(harness_problems(&t, "dukcapil", NULL, "outside period", 1), 2);
}
END_TEST

START_TEST(activity_log)
{
	reg_isum s;

	ck_assert(harness_iget(&t, "dukcapil.akta_lahir", VILLAGE, RT_ALL, &s));
	ck_assert(s.target == 30 && s.realised == 22);
	/* kia: the catalogue's 40 at the village, and 25 realised without RT. */
	ck_assert(harness_iget(&t, "dukcapil.kia", VILLAGE, 0, &s));
	ck_assert(s.target == 40 && s.realised == 25);
	ck_assert_int_eq(harness_problems(&t, "dukcapil", NULL, "unknown intervention", 1), 1);
	ck_assert_int_eq(harness_problems(&t, "dukcapil", NULL, "missing area", 1), 1);
	ck_assert_int_eq(harness_problems(&t, "dukcapil", NULL, "missing date", 1), 1);
	ck_assert_int_eq(harness_problems(&t, "dukcapil", NULL, "bad date", 1), 1);
	ck_assert_int_eq(harness_problems(&t, "dukcapil", NULL, "negative volume", 1), 1);
}
END_TEST

START_TEST(instances_side_by_side)
{
	const reg_intervention *iv = registry_find_intervention(t.s.reg, "pupr.bedah_rumah");
	reg_isum s;

	ck_assert_ptr_nonnull(iv);
	ck_assert_str_eq(iv->agency, "Dinas PUPR");
	ck_assert_uint_eq(iv->n_aims, 2);
	ck_assert_str_eq(iv->aims[0], "family.e8");
	/* The dots of the village code were dropped by a spreadsheet. */
	ck_assert(harness_iget(&t, "pupr.bedah_rumah", VILLAGE, 3, &s));
	ck_assert(s.target == 4 && s.realised == 3 && s.budget == 60000000);
	iv = registry_find_intervention(t.s.reg, "dukcapil.akta_lahir");
	ck_assert_str_eq(iv->agency, "Disdukcapil");
	ck_assert_str_eq(iv->aims[1], "dukcapil.akta_anak");
	ck_assert_ptr_nonnull(strstr(iv->origin, "pk2d.ini:10"));
}
END_TEST

/* Runs a [plugin.x] body after HEAD and expects the instance to fail with a
 * message containing what. */
static void expect_config_error(const char *body, const char *what)
{
	harness u;
	char *ini = malloc(strlen(HEAD) + strlen(body) + 1);

	ck_assert_ptr_nonnull(ini);
	strcpy(ini, HEAD);
	strcat(ini, body);
	harness_init(&u);
	harness_file(&u, "t.csv", "kode_wilayah,rt,anak,berakta\n" VILLAGE ",1,2,1\n");
	harness_file(&u, "log.csv", "kode_wilayah,rt,intervensi,sasaran,realisasi,tanggal\n");
	ck_assert_int_eq(harness_run(&u, ini), 0);
	ck_assert_uint_eq(u.failed, 1);
	ck_assert_msg(harness_logged(&u, what), "expected '%s' in:\n%s", what, u.log);
	harness_free(&u);
	free(ini);
}

/* A column a key names that the file lacks is found by pk2d's check of
 * the declared inputs, before the plugin runs. */
START_TEST(unknown_column)
{
	expect_config_error("[plugin.x]\nmodule = activities\n"
	                    "indicator.a.label = A\n"
	                    "indicator.a.table = t.csv\n"
	                    "indicator.a.numerator = berakta\n"
	                    "indicator.a.denominator = jumlah_anak\n",
	                    "pk2d.ini:9: column 'jumlah_anak' is not in");
	expect_config_error("[plugin.x]\nmodule = activities\n"
	                    "log = log.csv\n"
	                    "column.realised = selesai\n"
	                    "intervention.a.label = A\n",
	                    "pk2d.ini:7: column 'selesai' is not in");
}
END_TEST

/* Both tables' column errors are reported, not only the first. */
START_TEST(every_table_checked)
{
	harness u;

	harness_init(&u);
	harness_file(&u, "t.csv", "kode_wilayah,rt,anak,berakta\n" VILLAGE ",1,2,1\n");
	ck_assert_int_eq(harness_run(&u, HEAD "[plugin.x]\nmodule = activities\n"
	                             "indicator.a.label = A\n"
	                             "indicator.a.table = t.csv\n"
	                             "indicator.a.numerator = akta\n"
	                             "indicator.a.denominator = anak\n"
	                             "indicator.b.label = B\n"
	                             "indicator.b.table = t.csv\n"
	                             "indicator.b.numerator = berakta\n"
	                             "indicator.b.denominator = anak\n"
	                             "indicator.b.rt = nomor_rt\n"), 0);
	ck_assert_uint_eq(u.failed, 1);
	ck_assert_msg(harness_logged(&u, "pk2d.ini:8: column 'akta' is not in"), "%s", u.log);
	ck_assert_msg(harness_logged(&u, "pk2d.ini:14: column 'nomor_rt' is not in"), "%s",
	              u.log);
	harness_free(&u);
}
END_TEST

START_TEST(undeclared_target_indicator)
{
	expect_config_error("[plugin.x]\nmodule = activities\n"
	                    "intervention.akta.label = Akta\n"
	                    "intervention.akta.aims = family.l2, akta_anak\n",
	                    "pk2d.ini:7: intervention 'akta' aims at undeclared indicator "
	                    "'akta_anak'");
}
END_TEST

START_TEST(duplicate_intervention_id)
{
	expect_config_error("[plugin.x]\nmodule = activities\n"
	                    "intervention.akta.label = Akta\n"
	                    "intervention.akta.aims = family.l2\n"
	                    "intervention.kia.label = KIA\n"
	                    "intervention.akta.unit = akta\n",
	                    "pk2d.ini:9: duplicate intervention id 'akta': it is already defined "
	                    "by the block starting at ");
	expect_config_error("[plugin.x]\nmodule = activities\n"
	                    "intervention.akta.label = Akta\n"
	                    "intervention.akta.aims = family.l2, family.l1, family.l2\n",
	                    "pk2d.ini:7: intervention 'akta': indicator 'family.l2' is listed "
	                    "twice in aims");
	expect_config_error("[plugin.x]\nmodule = activities\n"
	                    "indicator.a.label = A\n"
	                    "indicator.b.label = B\n"
	                    "indicator.a.table = t.csv\n",
	                    "pk2d.ini:8: duplicate indicator id 'a'");
}
END_TEST

START_TEST(malformed_keys)
{
	expect_config_error("[plugin.x]\nmodule = activities\nintervention.akta-1.label = A\n",
	                    "pk2d.ini:6: malformed key 'intervention.akta-1.label'");
	expect_config_error("[plugin.x]\nmodule = activities\nintervention.akta = A\n",
	                    "pk2d.ini:6: malformed key 'intervention.akta'");
	expect_config_error("[plugin.x]\nmodule = activities\nintervention.akta.labl = A\n",
	                    "pk2d.ini:6: unknown field 'labl' of intervention 'akta'");
	expect_config_error("[plugin.x]\nmodule = activities\nintervention.akta.unit = A\n",
	                    "pk2d.ini:6: intervention 'akta' has no label");
	expect_config_error("[plugin.x]\nmodule = activities\nintervention.a.label = A\n"
	                    "intervention.a.aims = Family.L1\n",
	                    "pk2d.ini:7: intervention 'a': malformed indicator id 'Family.L1'");
	expect_config_error("[plugin.x]\nmodule = activities\nintervention.a.label = A\n"
	                    "intervention.a.target = banyak\n",
	                    "pk2d.ini:7: target of intervention 'a' must be a number");
	expect_config_error("[plugin.x]\nmodule = activities\nindicator.a.label = A\n"
	                    "indicator.a.kind = persen\n",
	                    "pk2d.ini:7: kind of indicator 'a' must be proportion");
	expect_config_error("[plugin.x]\nmodule = activities\nindicator.a.label = A\n"
	                    "indicator.a.numerator = n\n",
	                    "pk2d.ini:6: indicator 'a' has no table");
	expect_config_error("[plugin.x]\nmodule = activities\nlog = log.csv\n",
	                    "pk2d.ini:6: a log is given but the section declares no intervention");
	expect_config_error("[plugin.x]\nmodule = activities\nagency = Dinsos\n",
	                    "declares neither interventions");
	expect_config_error("[plugin.x]\nmodule = activities\ncolumn.kegiatan = x\n"
	                    "intervention.a.label = A\n",
	                    "pk2d.ini:6: unknown column field 'kegiatan'");
}
END_TEST

static Suite *activities_suite(void)
{
	Suite *s = suite_create("activities");
	TCase *tc = tcase_create("agencies");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, table_indicator);
	tcase_add_test(tc, activity_log);
	tcase_add_test(tc, instances_side_by_side);
	suite_add_tcase(s, tc);
	tc = tcase_create("configuration errors");
	tcase_add_test(tc, unknown_column);
	tcase_add_test(tc, every_table_checked);
	tcase_add_test(tc, undeclared_target_indicator);
	tcase_add_test(tc, duplicate_intervention_id);
	tcase_add_test(tc, malformed_keys);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(activities_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
