/*
 * check_areas.c - region code forms, ancestors, and the shipped code table.
 */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "area_names.h"
#include "areas.h"
#include "csv.h"

static const struct {
	const char *code;
	int level;
} level_cases[] = {
	{ "63", AREA_PROVINCE },
	{ "63.02", AREA_REGENCY },
	{ "63.02.09", AREA_DISTRICT },
	{ "63.02.09.2007", AREA_VILLAGE },
	{ "00.00.00.0000", AREA_VILLAGE }, /* the form alone decides */
	{ "", AREA_INVALID },
	{ "6", AREA_INVALID },
	{ "630", AREA_INVALID },
	{ "6a", AREA_INVALID },
	{ " 63", AREA_INVALID },
	{ "63 ", AREA_INVALID },
	{ "63.", AREA_INVALID },
	{ "63.2", AREA_INVALID },
	{ "63-02", AREA_INVALID },
	{ "63.02.", AREA_INVALID },
	{ "63.02.9", AREA_INVALID },
	{ "63.02.09.", AREA_INVALID },
	{ "63.02.09.207", AREA_INVALID },
	{ "63.02.09.20071", AREA_INVALID },
	{ "63.02.09.2007.", AREA_INVALID },
	{ "63.02.09.20a7", AREA_INVALID },
	{ "6302092007", AREA_INVALID },
	{ "63.02.09/2007", AREA_INVALID },
	{ "all", AREA_NATIONAL },            /* the whole country */
	{ "ALL", AREA_INVALID },
	{ "al", AREA_INVALID },
	{ "alls", AREA_INVALID },
	{ "all.63", AREA_INVALID },
};

START_TEST(levels)
{
	ck_assert_msg(area_level(level_cases[_i].code) == level_cases[_i].level, "'%s'",
	              level_cases[_i].code);
}
END_TEST

START_TEST(null_is_invalid)
{
	ck_assert_int_eq(area_level(NULL), AREA_INVALID);
}
END_TEST

START_TEST(ancestors)
{
	char out[16];

	ck_assert_int_eq(area_ancestor("63.02.09.2007", AREA_PROVINCE, out, sizeof out), 0);
	ck_assert_str_eq(out, "63");
	ck_assert_int_eq(area_ancestor("63.02.09.2007", AREA_REGENCY, out, sizeof out), 0);
	ck_assert_str_eq(out, "63.02");
	ck_assert_int_eq(area_ancestor("63.02.09.2007", AREA_DISTRICT, out, sizeof out), 0);
	ck_assert_str_eq(out, "63.02.09");
	ck_assert_int_eq(area_ancestor("63.02.09.2007", AREA_VILLAGE, out, sizeof out), 0);
	ck_assert_str_eq(out, "63.02.09.2007");
	ck_assert_int_eq(area_ancestor("63.02", AREA_REGENCY, out, sizeof out), 0);
	ck_assert_str_eq(out, "63.02");
	ck_assert_int_eq(area_ancestor("63.02", AREA_PROVINCE, out, 3), 0);
	ck_assert_str_eq(out, "63");
	ck_assert_int_eq(area_ancestor("63.02.09.2007", AREA_NATIONAL, out, sizeof out), 0);
	ck_assert_str_eq(out, "all");
	ck_assert_int_eq(area_ancestor("all", AREA_NATIONAL, out, 4), 0);
	ck_assert_str_eq(out, "all");

	strcpy(out, "unchanged");
	ck_assert_int_eq(area_ancestor("all", AREA_PROVINCE, out, sizeof out), -1);
	ck_assert_int_eq(area_ancestor("63", AREA_NATIONAL, out, 3), -1); /* no room */
	ck_assert_int_eq(area_ancestor("63.02", AREA_DISTRICT, out, sizeof out), -1);
	ck_assert_int_eq(area_ancestor("63.2", AREA_PROVINCE, out, sizeof out), -1);
	ck_assert_int_eq(area_ancestor("63.02", AREA_INVALID, out, sizeof out), -1);
	ck_assert_int_eq(area_ancestor("63.02", 5, out, sizeof out), -1);
	ck_assert_int_eq(area_ancestor("63.02", AREA_PROVINCE, out, 2), -1); /* no room */
	ck_assert_str_eq(out, "unchanged");
}
END_TEST

START_TEST(within)
{
	ck_assert(area_within("63.02.09.2007", "63.02"));
	ck_assert(area_within("63.02.09.2007", "63"));
	ck_assert(area_within("63.02.09.2007", "63.02.09.2007"));
	ck_assert(area_within("63.02", "63.02"));
	ck_assert(area_within("63.02", ""));
	ck_assert(!area_within("63.02.09.2007", "63.0"));
	ck_assert(!area_within("63.02.09.2007", "63.02.0"));
	ck_assert(!area_within("63.02.09.2007", "63.03"));
	ck_assert(!area_within("64.02", "63"));
	ck_assert(!area_within("63", "63.02"));
	ck_assert(area_within("63.02.09.2007", "all"));
	ck_assert(area_within("11", "all"));
	ck_assert(area_within("all", "all"));
	ck_assert(!area_within("all", "63"));
	ck_assert(!area_within("63.2", "all"));   /* malformed codes are in no area */
}
END_TEST

static areas *shipped;

static void load_shipped(void)
{
	const char *dir = getenv("PK2D_DATA_DIR");
	char path[4096], err[512] = "";

	ck_assert_msg(dir != NULL, "PK2D_DATA_DIR is not set");
	snprintf(path, sizeof path, "%s/wilayah/kode-wilayah.csv", dir);
	shipped = areas_load(path, err, sizeof err);
	ck_assert_msg(shipped != NULL, "%s", err);
	snprintf(path, sizeof path, "%s/wilayah/alias-provinsi.csv", dir);
	ck_assert_msg(areas_load_aliases(shipped, path, err, sizeof err) == 0, "%s", err);
}

static void free_shipped(void)
{
	areas_free(shipped);
	shipped = NULL;
}

START_TEST(names_from_shipped_table)
{
	ck_assert_str_eq(areas_name(shipped, "63"), "Kalimantan Selatan");
	ck_assert_str_eq(areas_name(shipped, "63.02"), "Kabupaten Kotabaru");
	ck_assert_str_eq(areas_name(shipped, "63.02.09"), "Kelumpang Tengah");
	ck_assert_str_eq(areas_name(shipped, "63.02.09.2007"), "Sang-Sang");
	ck_assert_str_eq(areas_name(shipped, "11"), "Aceh");
	ck_assert_str_eq(areas_name(shipped, "11.01.01.2001"), "Keude Bakongan");
	ck_assert_str_eq(areas_name(shipped, "96.71.10.1004"), "Tanjung Kasuari"); /* last row */
	/* A quoted name with a comma in it. */
	ck_assert_str_eq(areas_name(shipped, "12.07.28.1007"), "Lubuk Pakam I,II");
	ck_assert_ptr_null(areas_name(shipped, "63.02.09.9999"));
	ck_assert_ptr_null(areas_name(shipped, "99"));
	ck_assert_ptr_null(areas_name(shipped, "63.2"));
	ck_assert_ptr_null(areas_name(NULL, "63"));
	ck_assert_str_eq(areas_name(shipped, "all"), "Indonesia");
}
END_TEST

START_TEST(village_counts_from_shipped_table)
{
	/* Counted with grep on the file: 202 under 63.02, 13 under 63.02.09,
	 * 2016 in province 63, 83762 in all (the README's figure). */
	ck_assert_uint_eq(areas_count_villages(shipped, "63.02"), 202);
	ck_assert_uint_eq(areas_count_villages(shipped, "63.02.09"), 13);
	ck_assert_uint_eq(areas_count_villages(shipped, "63"), 2016);
	ck_assert_uint_eq(areas_count_villages(shipped, ""), 83762);
	ck_assert_uint_eq(areas_count_villages(shipped, NULL), 83762);
	ck_assert_uint_eq(areas_count_villages(shipped, "all"), 83762);
	ck_assert_uint_eq(areas_count_villages(shipped, "63.02.09.2007"), 1);
	ck_assert_uint_eq(areas_count_villages(shipped, "63.02.09.9999"), 0);
	ck_assert_uint_eq(areas_count_villages(shipped, "99"), 0);
	ck_assert_uint_eq(areas_count_villages(shipped, "6"), 0);
}
END_TEST

/* A small table written to a temporary file; loading it returns NULL or the
 * table, with err filled. */
static areas *load_text(const char *text, char *err, size_t errlen, char *path, size_t pathlen)
{
	char dir[] = "/tmp/check_areas.XXXXXX";
	FILE *f;
	areas *a;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, pathlen, "%s/kode.csv", dir);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	ck_assert_int_eq(fclose(f), 0);
	a = areas_load(path, err, errlen);
	unlink(path);
	rmdir(dir);
	return a;
}

START_TEST(unsorted_small_table)
{
	char err[512] = "", path[128];
	areas *a = load_text("nama;kode;tingkat\n"
	                     "Desa B;01.01.01.2002;desa_kelurahan\n"
	                     "Prov;01;provinsi\n"
	                     "Desa A;01.01.01.2001;desa_kelurahan\n"
	                     "Kec;01.01.01;kecamatan\n"
	                     "Kab;01.01;kabupaten_kota\n"
	                     "Kab 2;01.02;kabupaten_kota\n"
	                     "Desa C;01.02.01.1001;DESA_KELURAHAN\n",
	                     err, sizeof err, path, sizeof path);

	ck_assert_msg(a != NULL, "%s", err);
	ck_assert_str_eq(areas_name(a, "01.01.01.2001"), "Desa A");
	ck_assert_str_eq(areas_name(a, "01.01.01.2002"), "Desa B");
	ck_assert_str_eq(areas_name(a, "01"), "Prov");
	ck_assert_uint_eq(areas_count_villages(a, "01.01"), 2);
	ck_assert_uint_eq(areas_count_villages(a, "01"), 3);
	ck_assert_uint_eq(areas_count_villages(a, "01.02"), 1);
	areas_free(a);
}
END_TEST

static const struct {
	const char *text;
	const char *error; /* after "PATH" */
} bad_tables[] = {
	{ "kode,nama\n11,Aceh\n", ":1: the header needs the columns kode, nama and tingkat" },
	{ "kode,nama,tingkat\n11,Aceh,provinsi\n11.1,X,kabupaten_kota\n",
	  ":3: malformed code '11.1'" },
	{ "kode,nama,tingkat\n11,Aceh,kecamatan\n", ":2: tingkat 'kecamatan' does not match code '11'" },
	{ "kode,nama,tingkat\n11,Aceh,negara\n", ":2: tingkat 'negara' does not match code '11'" },
	{ "kode,nama,tingkat\n11,,provinsi\n", ":2: no name for code '11'" },
	{ "kode,nama,tingkat\n11.01,A,kabupaten_kota\n11,Aceh,provinsi\n11.01,B,kabupaten_kota\n",
	  ":4: code 11.01 already on line 2" },
	{ "kode,nama,tingkat\n11,\"Aceh\n", ": line 2: unterminated quoted field" },
	{ "", ": empty file: no header line" },
};

START_TEST(bad_table)
{
	char err[512] = "", path[128], want[640];
	areas *a = load_text(bad_tables[_i].text, err, sizeof err, path, sizeof path);

	ck_assert_ptr_null(a);
	snprintf(want, sizeof want, "%s%s", path, bad_tables[_i].error);
	ck_assert_str_eq(err, want);
}
END_TEST

START_TEST(missing_table)
{
	char err[512] = "";

	ck_assert_ptr_null(areas_load("/nonexistent/kode.csv", err, sizeof err));
	ck_assert_str_eq(err, "/nonexistent/kode.csv: No such file or directory");
	areas_free(NULL);
}
END_TEST

#define N(a) ((int)(sizeof a / sizeof a[0]))

/* A name as the exports write it, and the code it finds under parent. */
static const struct {
	const char *parent, *name, *code;
} name_cases[] = {
	{ "all", "Kalimantan Selatan", "63" },
	{ "all", "PROV. KALIMANTAN SELATAN", "63" },
	{ "63", "Kabupaten Kotabaru", "63.02" },
	{ "63", "Kab. Kotabaru", "63.02" },
	{ "63", "KOTABARU", "63.02" },
	{ "63", "Kota Baru", "63.02" },          /* "Kota" is no prefix here */
	{ "32", "Kota Bekasi", "32.75" },
	{ "32", "Kab Bekasi", "32.16" },
	{ "32", "Kabupaten Tjiandjoer", "32.03" }, /* the old spelling */
	{ "63.02", "Kec. Kelumpang Tengah", "63.02.09" },
	{ "63.02", "kecamatan  kelumpang tengah ", "63.02.09" },
	{ "63.02.09", "Sang-Sang", "63.02.09.2007" },
	{ "63.02.09", "Desa Sangsang", "63.02.09.2007" },
	{ "63.02.09", "SANG SANG", "63.02.09.2007" },
	{ "63.02.09", "Kel. Sang-Sang", "63.02.09.2007" },
	{ "63.02.09", "Ds. Sang-Sang", "63.02.09.2007" },
	/* The abbreviations exports write: D.K.I., D.I., Kep. */
	{ "all", "DKI Jakarta", "31" },
	{ "all", "D.K.I. Jakarta", "31" },
	{ "all", "DKI JAKARTA", "31" },
	{ "all", "Prov. DKI Jakarta", "31" },
	{ "all", "Provinsi D.K.I Jakarta", "31" },
	{ "all", "DI Yogyakarta", "34" },
	{ "all", "Prov. D.I. Yogyakarta", "34" },
	{ "all", "Kep. Bangka Belitung", "19" },
	{ "all", "Kep.Riau", "21" },
	{ "31", "Kab. Kep. Seribu", "31.01" },
	{ "31", "Kab. Adm. Kep. Seribu", "31.01" },
	{ "73", "Kab. Kep. Selayar", "73.01" },
	{ "73", "Kep. Selayar", "73.01" },
	{ "31.01", "Kep. Seribu Utara", "31.01.01" },
	/* The provinces' short and old names (alias-provinsi.csv). */
	{ "all", "Yogyakarta", "34" },
	{ "all", "DIY", "34" },
	{ "all", "Bangka Belitung", "19" },
	{ "all", "Nanggroe Aceh Darussalam", "11" },
	{ "all", "Prov. NAD", "11" },
	{ "all", "NTB", "52" },
	{ "all", "Kalsel", "63" },
	{ "all", "KALTIM", "64" },
	{ "all", "Daerah Khusus Jakarta", "31" },
	{ "all", "Irian Jaya Barat", "92" },
};

START_TEST(names_found)
{
	char code[AREAS_CODE_MAX] = "", why[512] = "";

	ck_assert_msg(area_name_find(shipped, name_cases[_i].parent, name_cases[_i].name, code, why,
	                             sizeof why) == 0, "%s: %s", name_cases[_i].name, why);
	ck_assert_str_eq(code, name_cases[_i].code);
}
END_TEST

START_TEST(names_not_found)
{
	char code[AREAS_CODE_MAX] = "", why[512] = "";

	ck_assert_int_eq(area_name_find(shipped, "63.02.09", "Sang Sangg", code, why, sizeof why), -1);
	ck_assert_str_eq(why, "unknown area name: desa/kelurahan 'Sang Sangg' is not in Kelumpang "
	                 "Tengah (63.02.09); did you mean Sang-Sang (63.02.09.2007), Sembilang "
	                 "(63.02.09.2005), Senakin (63.02.09.2014)?");
	ck_assert_int_eq(area_name_find(shipped, "all", "Atlantis", code, why, sizeof why), -1);
	ck_assert_str_eq(why, "unknown area name: province 'Atlantis' is not in Indonesia; did you "
	                 "mean Banten (36), Jawa Timur (35), Kalimantan Timur (64)?");
	/* The nearest however far, each area once though an alias is nearer. */
	ck_assert_int_eq(area_name_find(shipped, "all", "Jakarta Pusat", code, why, sizeof why), -1);
	ck_assert_str_eq(why, "unknown area name: province 'Jakarta Pusat' is not in Indonesia; did "
	                 "you mean Daerah Khusus Ibukota Jakarta (31), Jawa Barat (32), Jawa Tengah (33)?");
	ck_assert_int_eq(area_name_find(shipped, "all", "NTX", code, why, sizeof why), -1);
	ck_assert_str_eq(why, "unknown area name: province 'NTX' is not in Indonesia; did you "
	                 "mean Nusa Tenggara Barat (52), Nusa Tenggara Timur (53), Aceh (11)?");
	/* "DI" is Daerah Istimewa in a province's name only. */
	ck_assert_int_eq(area_name_find(shipped, "63.02.09", "DI Sang-Sang", code, why, sizeof why),
	                 -1);
	ck_assert_int_eq(area_name_find(shipped, "32", "Bekasi", code, why, sizeof why), -1);
	ck_assert_str_eq(why, "ambiguous area name: kabupaten/kota 'Bekasi' in Jawa Barat (32) is "
	                 "Kabupaten Bekasi (32.16) or Kota Bekasi (32.75); write Kabupaten or "
	                 "Kota before the name");
	/* Nothing lies below a village. */
	ck_assert_int_eq(area_name_find(shipped, "63.02.09.2007", "X", code, why, sizeof why), -1);
}
END_TEST

START_TEST(names_matched)
{
	ck_assert(area_name_matches(shipped, "63.02.09.2007", "Desa Sangsang"));
	ck_assert(area_name_matches(shipped, "63.02", "Kab. Kotabaru"));
	ck_assert(!area_name_matches(shipped, "63.02", "Kota Kotabaru"));
	ck_assert(!area_name_matches(shipped, "63.02.09.2007", "Tamiang Bakung"));
	/* A code the table lacks has no name to disagree with. */
	ck_assert(area_name_matches(shipped, "63.02.09.2999", "Anything"));
}
END_TEST

START_TEST(name_headers)
{
	ck_assert(area_name_header_is("Desa/Kel", AREA_VILLAGE));
	ck_assert(area_name_header_is("desa_kelurahan", AREA_VILLAGE));
	ck_assert(area_name_header_is("NAMA DESA", AREA_VILLAGE));
	ck_assert(area_name_header_is("Kab/Kota", AREA_REGENCY));
	ck_assert(area_name_header_is("kecamatan", AREA_DISTRICT));
	ck_assert(area_name_header_is("Prov", AREA_PROVINCE));
	ck_assert(!area_name_header_is("Kode Desa", AREA_VILLAGE));
	ck_assert(!area_name_header_is("Kec", AREA_VILLAGE));
	ck_assert(!area_name_header_is("Prov", 0));
	ck_assert_str_eq(area_name_header(AREA_DISTRICT), "Kec");
}
END_TEST

/* A file of village names out of order, read grouped by the code column
 * made from them: each village's rows come together, a row with a field
 * past the header is rejected with the file's own field numbers. */
START_TEST(names_grouped)
{
	char path[] = "/tmp/pk2d-names-XXXXXX", err[256];
	int fd = mkstemp(path), col, rc;
	FILE *f = fdopen(fd, "w");
	csv_reader *c;
	const csv_stats *st;
	static const char *const want[][2] = {
		{ "1", "63.02.09.2007" }, { "2", "63.02.09.2004" },
		{ "3", "63.02.09.2007" }, { "4", "63.02.09.2004" },
	};
	int order[4], n = 0;

	ck_assert(f != NULL);
	fputs("id;Kec;Desa/Kel\n1;Kelumpang Tengah;Sang-Sang\n2;Kelumpang Tengah;Sebuli\n"
	      "3;Kec. Kelumpang Tengah;SANGSANG\n4;Kelumpang Tengah;Desa Sebuli\n"
	      "5;Kelumpang Tengah;Sebuli;extra\n", f);
	fclose(f);
	c = csv_open(path, err, sizeof err);
	ck_assert_msg(c != NULL, "%s", err);
	ck_assert_int_eq(csv_area_names(c, "Kode Desa", shipped, "63.02", err, sizeof err), 0);
	col = csv_column(c, "Kode Desa");
	ck_assert_int_eq(col, 3);
	ck_assert_int_eq(csv_group(c, col, NULL, 0, err, sizeof err), 0);
	while ((rc = csv_next(c, err, sizeof err)) == 1) {
		ck_assert_int_lt(n, 4);
		order[n++] = (int)csv_line(c);
		ck_assert_str_eq(csv_field(c, 0), want[csv_line(c) - 2][0]);
		ck_assert_str_eq(csv_field(c, col), want[csv_line(c) - 2][1]);
	}
	ck_assert_int_eq(rc, 0);
	ck_assert_int_eq(n, 4);
	/* Either village first, each one's rows in file order. */
	ck_assert(order[0] + 2 == order[1] && order[2] + 2 == order[3]);
	st = csv_get_stats(c);
	ck_assert_int_eq(st->by_name, 4);
	ck_assert_int_eq(st->rejected, 1);
	ck_assert_str_eq(st->problems[0].example_text[0],
	                 "too many fields: field 4 holds 'e…' where the header has 3");
	csv_stats_free(csv_close(c));
	unlink(path);
}
END_TEST

/* A file of village names in village order, read grouped by the code
 * column made from them with an identifier: each village's rows are held
 * until the next village's first row is read, and keep their own code; an
 * identical copy is dropped with its code decided too. */
START_TEST(names_held_with_their_codes)
{
	char path[] = "/tmp/pk2d-names-XXXXXX", err[256];
	int fd = mkstemp(path), col, rc, id = 0;
	FILE *f = fdopen(fd, "w");
	csv_reader *c;
	const csv_stats *st;
	static const char *const want[] = {
		"63.02.09.2007", "63.02.09.2007", NULL, "63.02.09.2004", "63.02.09.2004",
	};
	int n = 0;

	ck_assert(f != NULL);
	fputs("id;Kec;Desa/Kel\n1;Kelumpang Tengah;Sang-Sang\n2;Kelumpang Tengah;Sang-Sang\n"
	      "1;Kelumpang Tengah;Sang-Sang\n3;Kelumpang Tengah;Sebuli\n"
	      "4;Kelumpang Tengah;Desa Sebuli\n", f);
	fclose(f);
	c = csv_open(path, err, sizeof err);
	ck_assert_msg(c != NULL, "%s", err);
	ck_assert_int_eq(csv_area_names(c, "Kode Desa", shipped, "63.02", err, sizeof err), 0);
	col = csv_column(c, "Kode Desa");
	ck_assert_int_eq(csv_group(c, col, &id, 1, err, sizeof err), 0);
	while ((rc = csv_next(c, err, sizeof err)) == 1) {
		ck_assert_int_eq(csv_line(c), n < 2 ? n + 2 : n + 3);
		ck_assert_ptr_nonnull(want[csv_line(c) - 2]);
		ck_assert_str_eq(csv_field(c, col), want[csv_line(c) - 2]);
		n++;
	}
	ck_assert_int_eq(rc, 0);
	ck_assert_int_eq(n, 4);
	st = csv_get_stats(c);
	ck_assert_int_eq(st->by_name, 4);
	ck_assert_int_eq(st->rejected, 1);
	ck_assert_str_eq(st->problems[0].kind, "repeated row");
	csv_stats_free(csv_close(c));
	unlink(path);
}
END_TEST

/* A file's own codes are checked against its names row by row, though
 * most rows repeat the one before: a row with the same code and another
 * name, or a name cut short, is checked again and rejected. */
START_TEST(given_codes_checked_every_row)
{
	char path[] = "/tmp/pk2d-names-XXXXXX", err[256];
	int fd = mkstemp(path), rc;
	FILE *f = fdopen(fd, "w");
	csv_reader *c;
	const csv_stats *st;
	long used[8];
	int n = 0;

	ck_assert(f != NULL);
	fputs("Kode Desa;Desa/Kel;x\n63.02.09.2007;Sang-Sang;1\n63.02.09.2007;Sang-Sang;2\n"
	      "63.02.09.2007;Sebuli;3\n63.02.09.2007;Sang-Sang;4\n63.02.09.2007;Sang;5\n"
	      "63.02.09.2004;Sebuli;6\n63.02.09.2004;Sang-Sang;7\n", f);
	fclose(f);
	c = csv_open(path, err, sizeof err);
	ck_assert_msg(c != NULL, "%s", err);
	ck_assert_int_eq(csv_area_names(c, "Kode Desa", shipped, "63.02", err, sizeof err), 0);
	while ((rc = csv_next(c, err, sizeof err)) == 1) {
		ck_assert_int_lt(n, 8);
		used[n++] = csv_line(c);
	}
	ck_assert_int_eq(rc, 0);
	ck_assert_int_eq(n, 4);
	ck_assert_int_eq(used[0], 2);
	ck_assert_int_eq(used[1], 3);
	ck_assert_int_eq(used[2], 5);
	ck_assert_int_eq(used[3], 7);
	st = csv_get_stats(c);
	ck_assert_int_eq(st->rejected, 3);
	csv_stats_free(csv_close(c));
	unlink(path);
}
END_TEST

/* A code column headed as a name column ("column.area = desa") is no name
 * to check the codes against. */
START_TEST(code_headed_as_name)
{
	char path[] = "/tmp/pk2d-names-XXXXXX", err[256];
	int fd = mkstemp(path);
	FILE *f = fdopen(fd, "w");
	csv_reader *c;

	ck_assert(f != NULL);
	fputs("desa,x\n63.02.09.2007,1\n", f);
	fclose(f);
	c = csv_open(path, err, sizeof err);
	ck_assert_msg(c != NULL, "%s", err);
	ck_assert_int_eq(csv_area_names(c, "desa", shipped, "63.02", err, sizeof err), 0);
	ck_assert_int_eq(csv_next(c, err, sizeof err), 1);
	ck_assert_str_eq(csv_field(c, 0), "63.02.09.2007");
	ck_assert_int_eq(csv_next(c, err, sizeof err), 0);
	ck_assert_int_eq(csv_get_stats(c)->rejected, 0);
	csv_stats_free(csv_close(c));
	unlink(path);
}
END_TEST

/* An alias file: each row's alias and source are needed, and its code must
 * be the table's. */
static const struct {
	const char *text, *err;
} bad_aliases[] = {
	{ "alias,kode,sumber\nNTB,52,singkatan\nAtlantis,99,legenda\n",
	  "alias.csv:3: code '99' is not in the region table" },
	{ "alias,kode,sumber\nNTB,52,\n", "alias.csv:2: an alias needs its name and its source" },
	{ "alias,kode,sumber\n,52,singkatan\n",
	  "alias.csv:2: an alias needs its name and its source" },
	{ "alias,kode\nNTB,52\n", "alias.csv:1: the header needs the columns alias, kode and sumber" },
};

START_TEST(bad_alias_file)
{
	char dir[] = "/tmp/check_areas.XXXXXX", path[128], err[512] = "";
	FILE *f;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/alias.csv", dir);
	ck_assert_ptr_nonnull(f = fopen(path, "w"));
	fputs(bad_aliases[_i].text, f);
	ck_assert_int_eq(fclose(f), 0);
	ck_assert_int_eq(areas_load_aliases(shipped, path, err, sizeof err), -1);
	unlink(path);
	rmdir(dir);
	ck_assert_msg(strstr(err, bad_aliases[_i].err) != NULL, "%s", err);
}
END_TEST

static Suite *areas_suite(void)
{
	Suite *s = suite_create("areas");
	TCase *tc = tcase_create("forms");

	tcase_add_loop_test(tc, levels, 0, N(level_cases));
	tcase_add_test(tc, null_is_invalid);
	tcase_add_test(tc, ancestors);
	tcase_add_test(tc, within);
	suite_add_tcase(s, tc);

	tc = tcase_create("shipped table");
	tcase_set_timeout(tc, 30);
	tcase_add_checked_fixture(tc, load_shipped, free_shipped);
	tcase_add_test(tc, names_from_shipped_table);
	tcase_add_test(tc, village_counts_from_shipped_table);
	tcase_add_loop_test(tc, names_found, 0, N(name_cases));
	tcase_add_test(tc, names_not_found);
	tcase_add_test(tc, names_matched);
	tcase_add_test(tc, name_headers);
	tcase_add_test(tc, names_grouped);
	tcase_add_test(tc, names_held_with_their_codes);
	tcase_add_test(tc, code_headed_as_name);
	tcase_add_test(tc, given_codes_checked_every_row);
	tcase_add_loop_test(tc, bad_alias_file, 0, N(bad_aliases));
	suite_add_tcase(s, tc);

	tc = tcase_create("loading");
	tcase_add_test(tc, unsorted_small_table);
	tcase_add_loop_test(tc, bad_table, 0, N(bad_tables));
	tcase_add_test(tc, missing_table);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(areas_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
