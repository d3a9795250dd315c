/*
 * check_pkk.c - the pkk plugin on small files whose expected sums are
 * worked out by hand below, row by row, from the definitions in
 * docs/plugins/pkk.md.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <check.h>
#include <sys/stat.h>

#include "display.h"
#include "harness.h"
#include "util.h"

#define VILLAGE "63.02.09.2007"

/* Five households in two RTs, and three rows that cannot be placed.
 *   A RT1 Mawar:  kk 1, L2 P2, balita 1+0, pus 1, wus 1, menyusui 1; all ticks but
 *                 industri; PDAM; beras
 *   B RT1 Mawar:  kk 2, L3 P3, balita 0+1, pus 1, wus 2, hamil 1, lansia 1;
 *                 rumah_sehat v, sampah blank, spal 1, jamban ya, pekarangan 1; sumur; beras
 *   C RT1 Melati: kk 1, L1 P2, wus 1, lansia 1, tiga_buta 1; sampah 1, industri 1;
 *                 sumur; non beras
 *   D RT2 Melati: kk 1, L2 P1, balita 1+1, pus 1, wus 1, menyusui 1, khusus 1;
 *                 rumah_sehat, sampah, spal, jamban, up2k, kesling; lainnya; beras
 *   E RT2 Anggrek: kk 1, L1 P1, wus 1; rumah_sehat 'abc' (noted), sampah, spal,
 *                 jamban, pekarangan, kesling; sumber_air blank (noted); beras
 *   rejected: 'RT X' (bad rt), another village (outside area), 'abc' (bad area code) */
static const char recap[] =
	"kode_wilayah,rt,dasawisma,nama_krt,jml_kk,anggota_l,anggota_p,balita_l,balita_p,"
	"pus,wus,ibu_hamil,ibu_menyusui,lansia,tiga_buta,berkebutuhan_khusus,rumah_sehat,"
	"tempat_sampah,spal,jamban,sumber_air,makanan_pokok,up2k,pekarangan,industri_rt,"
	"kesehatan_lingkungan\n"
	VILLAGE ",1,Mawar,A,1,2,2,1,0,1,1,0,1,0,0,0,1,1,1,1,PDAM,beras,1,1,0,1\n"
	VILLAGE ",1,Mawar,B,2,3,3,0,1,1,2,1,0,1,0,0,v,,1,ya,sumur,beras,,1,0,\n"
	VILLAGE ",RT 01,Melati,C,1,1,2,0,0,0,1,0,0,1,1,0,0,1,0,tidak,Sumur,non beras,0,0,1,0\n"
	VILLAGE ",2,Melati,D,1,2,1,1,1,1,1,0,1,0,0,1,1,1,1,1,lainnya,beras,1,0,0,1\n"
	VILLAGE ",2,Anggrek,E,1,1,1,0,0,0,1,0,0,0,0,0,abc,1,1,1,,Beras,0,1,0,1\n"
	VILLAGE ",RT X,Anggrek,F,1,1,1,0,0,0,1,0,0,0,0,0,1,1,1,1,PDAM,beras,0,1,0,1\n"
	"63.02.09.2008,1,Kenanga,G,1,1,1,0,0,0,1,0,0,0,0,0,1,1,1,1,PDAM,beras,0,1,0,1\n"
	"abc,1,Kenanga,H,1,1,1,0,0,0,1,0,0,0,0,0,1,1,1,1,PDAM,beras,0,1,0,1\n";

/* Pokja records: Pokja I twice in RT1 (volume 2+1, peserta 30+25), II once in
 * RT2 (4, 10), III once without RT (1, blank), IV once in RT2 (12, 'abc'
 * noted as 0); rejected: Pokja V, and a date in 2022. */
static const char pokja[] =
	"kode_wilayah;rt;pokja;kegiatan;volume;peserta;tanggal\n"
	VILLAGE ";1;I;Kerja bakti;2;30;2023-03-05\n"
	VILLAGE ";1;Pokja I;Penghayatan Pancasila;1;25;10/04/2023\n"
	VILLAGE ";2;II;Keaksaraan fungsional;4;10;2023-05-01\n"
	VILLAGE ";;3;Penyuluhan HATINYA;1;;2023-06-01\n"
	VILLAGE ";2;IV;Posyandu;12;abc;2023-07-01\n"
	VILLAGE ";1;V;Lain;1;1;2023-01-01\n"
	VILLAGE ";1;I;Kerja bakti;1;1;2022-12-31\n";

/* hatinya_pkk: RT1 10/8 budget 500000, RT2 5/5 (a quarter as date);
 * pembinaan_dasawisma: no RT 12/10, budget 'abc' noted; rejected: unknown id,
 * 2024, no volume, unreadable realisation. */
static const char log_rows[] =
	"kode_wilayah,rt,intervensi,sasaran,realisasi,tanggal,anggaran\n"
	VILLAGE ",1,hatinya_pkk,10,8,2023-02-01,500000\n"
	VILLAGE ",2,HATINYA_PKK,5,5,2023Q2,\n"
	VILLAGE ",,pembinaan_dasawisma,12,10,2023,abc\n"
	VILLAGE ",1,foo,1,1,2023-01-01,\n"
	VILLAGE ",1,up2k,1,1,2024-01-01,\n"
	VILLAGE ",1,up2k,,,2023-01-01,\n"
	VILLAGE ",1,up2k,3,x,2023-01-01,\n";

static const char ini[] =
	"[pk2d]\n"
	"period = 2023\n"
	"area = " VILLAGE "\n"
	"\n"
	"[plugin.pkk]\n"
	"recap = rekap-dasawisma.csv\n"
	"pokja = kegiatan-pokja.csv\n"
	"log = intervensi-pkk.csv\n"
	"dasawisma_output = out/dasawisma.csv\n"
	"intervention.up2k.aims = up2k\n";

static harness t;

static void setup(void)
{
	char *out;

	harness_init(&t);
	harness_file(&t, "rekap-dasawisma.csv", recap);
	harness_file(&t, "kegiatan-pokja.csv", pokja);
	harness_file(&t, "intervensi-pkk.csv", log_rows);
	out = xasprintf("%s/out", t.dir);
	ck_assert_int_eq(mkdir(out, 0755), 0);
	free(out);
	ck_assert_int_eq(harness_run(&t, ini), 0);
	ck_assert_msg(t.failed == 0, "pkk failed: %s", t.log);
}

static void teardown(void)
{
	harness_free(&t);
}

/* num/den of an indicator at rt (RT_ALL for the village); den < 0 for a
 * count, whose denominator means nothing once summed. */
static void expect(const char *id, int rt, double num, double den)
{
	reg_sum s;
	char full[64];

	snprintf(full, sizeof full, "pkk.%s", id);
	ck_assert_msg(harness_get(&t, full, VILLAGE, rt, &s), "%s RT %d not reported", id, rt);
	ck_assert_msg(s.num == num && (den < 0 || s.den == den), "%s RT %d: got %g/%g, expected %g/%g", id,
	              rt, s.num, s.den, num, den);
}

START_TEST(recap_counts)
{
	expect("krt", 1, 3, -1);
	expect("krt", 2, 2, -1);
	expect("krt", RT_ALL, 5, -1);
	expect("kk", RT_ALL, 6, -1);
	expect("penduduk_l", 1, 6, -1);
	expect("penduduk_p", RT_ALL, 9, -1);
	expect("balita", 1, 2, -1);
	expect("balita", 2, 2, -1);
	expect("pus", RT_ALL, 3, -1);
	expect("wus", 1, 4, -1);
	expect("wus", RT_ALL, 6, -1);
	expect("ibu_hamil", RT_ALL, 1, -1);
	expect("ibu_menyusui", RT_ALL, 2, -1);
	expect("lansia", 1, 2, -1);
	expect("tiga_buta", RT_ALL, 1, -1);
	expect("berkebutuhan_khusus", 2, 1, -1);
}
END_TEST

START_TEST(recap_proportions)
{
	reg_sum s;
	const reg_indicator *ind;

	/* rumah_sehat: A 1, B 'v', C 0; D 1; E 'abc' left out. */
	expect("rumah_sehat", 1, 2, 3);
	expect("rumah_sehat", 2, 1, 1);
	expect("rumah_sehat", RT_ALL, 3, 4);
	ind = registry_find_indicator(t.s.reg, "pkk.rumah_sehat");
	ck_assert(registry_get(t.s.reg, ind, VILLAGE, RT_ALL, "2023", &s));
	ck_assert_double_eq_tol(reg_value(ind, &s), 75.0, 1e-9);
	/* tempat_sampah: B blank is no tick. */
	expect("tempat_sampah", 1, 2, 3);
	expect("tempat_sampah", RT_ALL, 4, 5);
	expect("spal", RT_ALL, 4, 5);
	expect("jamban", 1, 2, 3);
	expect("jamban", RT_ALL, 4, 5);
	expect("up2k", 1, 1, 3);
	expect("up2k", RT_ALL, 2, 5);
	expect("pekarangan", RT_ALL, 3, 5);
	expect("industri_rt", RT_ALL, 1, 5);
	expect("kesehatan_lingkungan", 2, 2, 2);
	expect("kesehatan_lingkungan", RT_ALL, 3, 5);
	expect("makanan_pokok_beras", 1, 2, 3);
	expect("makanan_pokok_beras", RT_ALL, 4, 5);
	/* Water: E's blank source is left out of all three. */
	expect("air_pdam", 1, 1, 3);
	expect("air_sumur", 1, 2, 3);
	expect("air_lainnya", 2, 1, 1);
	expect("air_pdam", RT_ALL, 1, 4);
	expect("air_sumur", RT_ALL, 2, 4);
	expect("air_lainnya", RT_ALL, 1, 4);
}
END_TEST

START_TEST(dasawisma_count_is_per_village)
{
	reg_sum s;

	/* Mawar, Melati (in RT1 and RT2: once), Anggrek; F's row was rejected
	 * before its dasawisma was counted. */
	expect("dasawisma", 0, 3, -1);
	expect("dasawisma", RT_ALL, 3, -1);
	ck_assert(!harness_get(&t, "pkk.dasawisma", VILLAGE, 1, &s));
}
END_TEST

START_TEST(pokja_records)
{
	expect("pokja1_kegiatan", 1, 2, -1);
	expect("pokja1_volume", 1, 3, -1);
	expect("pokja1_peserta", 1, 55, -1);
	expect("pokja2_kegiatan", 2, 1, -1);
	expect("pokja2_volume", RT_ALL, 4, -1);
	expect("pokja2_peserta", RT_ALL, 10, -1);
	expect("pokja3_kegiatan", 0, 1, -1);
	expect("pokja3_peserta", RT_ALL, 0, -1);
	expect("pokja4_volume", 2, 12, -1);
	expect("pokja4_peserta", 2, 0, -1);
	expect("pokja1_kegiatan", RT_ALL, 2, -1);
}
END_TEST

START_TEST(rows_rejected_and_noted)
{
	ck_assert_int_eq(harness_problems(&t, "pkk", NULL, "bad rt", 1), 1);
	ck_assert_int_eq(harness_problems(&t, "pkk", NULL, "outside area", 1), 1);
	ck_assert_int_eq(harness_problems(&t, "pkk", NULL, "bad area code", 1), 1);
	ck_assert_int_eq(harness_problems(&t, "pkk", NULL, "unreadable tick", 0), 1);
	ck_assert_int_eq(harness_problems(&t, "pkk", NULL, "missing sumber_air", 0), 1);
	ck_assert_int_eq(harness_problems(&t, "pkk", NULL, "unknown pokja", 1), 1);
	ck_assert_int_eq(harness_problems(&t, "pkk", NULL, "outside period", 1), 2);
	ck_assert_int_eq(harness_problems(&t, "pkk", NULL, "unreadable participants", 0), 1);
	ck_assert_int_eq(harness_problems(&t, "pkk", NULL, "unknown intervention", 1), 1);
	ck_assert_int_eq(harness_problems(&t, "pkk", NULL, "no volume", 1), 1);
	ck_assert_int_eq(harness_problems(&t, "pkk", NULL, "unreadable realised", 1), 1);
	ck_assert_int_eq(harness_problems(&t, "pkk", NULL, "unreadable budget", 0), 1);
}
END_TEST

START_TEST(interventions)
{
	reg_isum s;
	const reg_intervention *iv;

	ck_assert(harness_iget(&t, "pkk.hatinya_pkk", VILLAGE, 1, &s));
	ck_assert(s.target == 10 && s.realised == 8 && s.budget == 500000);
	ck_assert(harness_iget(&t, "pkk.hatinya_pkk", VILLAGE, RT_ALL, &s));
	ck_assert(s.target == 15 && s.realised == 13 && s.budget == 500000);
	ck_assert(harness_iget(&t, "pkk.pembinaan_dasawisma", VILLAGE, 0, &s));
	ck_assert(s.target == 12 && s.realised == 10 && s.budget == 0);
	/* The INI replaced up2k's built-in aims; its origin is the key's line. */
	iv = registry_find_intervention(t.s.reg, "pkk.up2k");
	ck_assert_uint_eq(iv->n_aims, 1);
	ck_assert_str_eq(iv->aims[0], "pkk.up2k");
	ck_assert_ptr_nonnull(strstr(iv->origin, "pk2d.ini:10"));
	iv = registry_find_intervention(t.s.reg, "pkk.jamban_sehat");
	ck_assert_uint_eq(iv->n_aims, 3);
	ck_assert_str_eq(iv->aims[2], "family.f6");
}
END_TEST

/* The group an indicator is in, and that group's parent ("" for a top one). */
static void expect_group(const char *id, const char *group, const char *parent)
{
	const reg_group *g = registry_group_of(t.s.reg, registry_find_indicator(t.s.reg, id));

	ck_assert_msg(g != NULL, "%s is in no declared group", id);
	ck_assert_str_eq(g->id, group);
	ck_assert_str_eq(g->parent ? g->parent->id : "", parent);
}

/* The 10 program pokok under their Pokja (docs/plugins/pkk.md). */
START_TEST(indicators_grouped_by_pokja)
{
	ck_assert_uint_eq(registry_n_groups(t.s.reg), 15);
	expect_group("pkk.kk", "dasawisma_data", "");
	expect_group("pkk.pokja1_kegiatan", "pokja_1", "");
	expect_group("pkk.tiga_buta", "pp6_pendidikan", "pokja_2");
	expect_group("pkk.up2k", "pp8_koperasi", "pokja_2");
	expect_group("pkk.pekarangan", "pp3_pangan", "pokja_3");
	expect_group("pkk.industri_rt", "pokja_3", "");
	expect_group("pkk.rumah_sehat", "pp5_perumahan", "pokja_3");
	expect_group("pkk.jamban", "pp7_kesehatan", "pokja_4");
	expect_group("pkk.spal", "pp9_lingkungan", "pokja_4");
	expect_group("pkk.pus", "pp10_perencanaan_sehat", "pokja_4");
	expect_group("pkk.pokja4_peserta", "pokja_4", "");
	ck_assert_int_eq(registry_find_indicator(t.s.reg, "pkk.rumah_sehat")->kind,
	                 PK2D_PROPORTION);
}
END_TEST

START_TEST(dasawisma_table)
{
	char *path = xasprintf("%s/out/dasawisma.csv", t.dir);
	FILE *f = fopen(path, "r");
	char line[1024];
	int n = 0;

	ck_assert_ptr_nonnull(f);
	ck_assert_ptr_nonnull(fgets(line, sizeof line, f));
	ck_assert_str_eq(line, "kode_wilayah,rt,dasawisma,krt,kk,penduduk_l,penduduk_p,"
	                 "tiga_buta,up2k,makanan_pokok_beras,pekarangan,industri_rt,rumah_sehat,"
	                 "jamban,spal,tempat_sampah,kesehatan_lingkungan,air_pdam,air_sumur,"
	                 "air_lainnya,balita,ibu_hamil,ibu_menyusui,lansia,berkebutuhan_khusus,"
	                 "pus,wus\n");
	/* Mawar RT1 = A + B: krt 2, kk 3, L 5, P 5, tiga_buta 0, up2k 1/2,
	 * beras 2/2, pekarangan 2/2, industri 0/2, rumah_sehat 2/2, jamban 2/2,
	 * spal 2/2, sampah 1/2, kesling 1/2, PDAM 1/2, sumur 1/2, lainnya 0/2,
	 * balita 2, hamil 1, menyusui 1, lansia 1, khusus 0, pus 2, wus 3. */
	ck_assert_ptr_nonnull(fgets(line, sizeof line, f));
	ck_assert_str_eq(line, VILLAGE ",1,Mawar,2,3,5,5,0,50.0,100.0,100.0,0.0,100.0,100.0,"
	                 "100.0,50.0,50.0,50.0,50.0,0.0,2,1,1,1,0,2,3\n");
	ck_assert_ptr_nonnull(fgets(line, sizeof line, f));
	ck_assert_ptr_nonnull(strstr(line, VILLAGE ",1,Melati,1,1,1,2,1,"));
	ck_assert_ptr_nonnull(fgets(line, sizeof line, f));
	/* Anggrek RT2 = E: rumah_sehat unreadable gives an empty cell, and so
	 * do the water columns. */
	ck_assert_str_eq(line, VILLAGE ",2,Anggrek,1,1,1,1,0,0.0,100.0,100.0,0.0,,100.0,100.0,"
	                 "100.0,100.0,,,,0,0,0,0,0,0,1\n");
	while (fgets(line, sizeof line, f))
		n++;
	ck_assert_int_eq(n, 1);
	fclose(f);
	free(path);
}
END_TEST

/* A recap without the optional columns: their indicators are not reported
 * (no number is made up), and the others are. */
START_TEST(missing_columns_not_reported)
{
	harness u;
	reg_sum s;

	harness_init(&u);
	harness_file(&u, "r.csv", "rt;dasawisma;jml_kk;rumah_sehat\n1;Mawar;1;1\n2;Mawar;2;0\n");
	ck_assert_int_eq(harness_run(&u, "[pk2d]\nperiod = 2023\narea = " VILLAGE "\n"
	                             "[plugin.pkk]\nrecap = r.csv\n"), 0);
	ck_assert_uint_eq(u.failed, 0);
	ck_assert(harness_get(&u, "pkk.rumah_sehat", VILLAGE, RT_ALL, &s));
	ck_assert(s.num == 1 && s.den == 2);
	ck_assert(harness_get(&u, "pkk.kk", VILLAGE, RT_ALL, &s));
	ck_assert(s.num == 3);
	ck_assert(!harness_get(&u, "pkk.jamban", VILLAGE, RT_ALL, &s));
	ck_assert(!harness_get(&u, "pkk.pokja1_kegiatan", VILLAGE, RT_ALL, &s));
	ck_assert(harness_logged(&u, "no column 'jamban': indicator 'jamban' is not reported"));
	harness_free(&u);
}
END_TEST

/* A column named in the INI that the file lacks is a configuration error at
 * the key's line; so is a column field the plugin does not know. */
START_TEST(mapped_column_missing)
{
	harness u;

	harness_init(&u);
	harness_file(&u, "r.csv", "rt,dasawisma,rumah_sehat\n1,Mawar,1\n");
	ck_assert_int_eq(harness_run(&u, "[pk2d]\nperiod = 2023\narea = " VILLAGE "\n"
	                             "[plugin.pkk]\nrecap = r.csv\n"
	                             "column.rumah_sehat = Rumah Sehat\n"), 0);
	ck_assert_uint_eq(u.failed, 1);
	/* The host's check of the declared recap, before the plugin runs. */
	ck_assert_ptr_nonnull(strstr(harness_instance(&u, "pkk")->reason,
	                             "pk2d.ini:6: column 'Rumah Sehat' is not in"));
	ck_assert_ptr_nonnull(strstr(harness_instance(&u, "pkk")->reason,
	                             "([plugin.pkk] column.rumah_sehat); did you mean "
	                             "'rumah_sehat'?"));
	harness_free(&u);
	harness_init(&u);
	harness_file(&u, "r.csv", "rt,dasawisma,rumah_sehat\n1,Mawar,1\n");
	ck_assert_int_eq(harness_run(&u, "[pk2d]\nperiod = 2023\narea = " VILLAGE "\n"
	                             "[plugin.pkk]\nrecap = r.csv\n"
	                             "column.rumah_sehta = Rumah Sehat\n"), 0);
	ck_assert_uint_eq(u.failed, 1);
	ck_assert_msg(harness_logged(&u, "pk2d.ini:6: unknown column field 'rumah_sehta'"),
	              "%s", u.log);
	harness_free(&u);
}
END_TEST

static Suite *pkk_suite(void)
{
	Suite *s = suite_create("pkk");
	TCase *tc = tcase_create("sample");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, recap_counts);
	tcase_add_test(tc, recap_proportions);
	tcase_add_test(tc, dasawisma_count_is_per_village);
	tcase_add_test(tc, pokja_records);
	tcase_add_test(tc, rows_rejected_and_noted);
	tcase_add_test(tc, interventions);
	tcase_add_test(tc, indicators_grouped_by_pokja);
	tcase_add_test(tc, dasawisma_table);
	suite_add_tcase(s, tc);
	tc = tcase_create("columns");
	tcase_add_test(tc, missing_columns_not_reported);
	tcase_add_test(tc, mapped_column_missing);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(pkk_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
