/*
 * check_family.c - the family survey plugin, run through the test harness:
 * the built family.so under the host's own session, so its declarations and
 * values land in the real registry and its files are read by the core's CSV
 * reader, exactly as pk2d does it.
 *
 * Every expected number is counted by hand from the survey rows written in
 * the test (see the comments above each table).
 */
#include <config.h>

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "answers.h"

static harness t;
/* The run area of the next run. */
static const char *run_area;

static void setup(void)
{
	harness_init(&t);
	run_area = "63.02.09";
}

static void teardown(void)
{
	harness_free(&t);
}

static void write_survey(const char *name, const char *text)
{
	harness_file(&t, name, text);
}

/* Runs [plugin.family] with keys (key, value, ..., NULL; the first key on
 * line 6 of pk2d.ini, the second on line 7) over 2024 and run_area; returns
 * what collect (or init) returned. */
static int run_plugin(const char *const *keys)
{
	char *ini = harness_ini("2024", run_area, "family", keys);

	ck_assert_int_eq(harness_run(&t, ini), 0);
	free(ini);
	return harness_returned(&t, "family", NULL);
}

/* num/den of family.ID in (area, rt); -1/-1 when nothing was reported. */
static reg_sum get(const char *id, const char *area, int rt)
{
	char full[64];
	reg_sum s = { -1, -1 };

	snprintf(full, sizeof full, "family.%s", id);
	if (!harness_get(&t, full, area, rt, &s)) {
		s.num = -1;
		s.den = -1;
	}
	return s;
}

#define ASSERT_SUM(id, area, rt, n, d) do {                                          \
		reg_sum s_ = get(id, area, rt);                                      \
		ck_assert_msg(s_.num == (n) && s_.den == (d),                        \
		              "%s %s rt %d: got %g/%g, want %g/%g", id, area, rt,    \
		              s_.num, s_.den, (double)(n), (double)(d));             \
	} while (0)

/* A count: only the numerator means something once rolled up. */
#define ASSERT_COUNT(id, area, rt, n) do {                                           \
		reg_sum s_ = get(id, area, rt);                                      \
		ck_assert_msg(s_.num == (n), "%s %s rt %d: got %g, want %g", id,     \
		              area, rt, s_.num, (double)(n));                        \
	} while (0)

#define V1 "63.02.09.2007"
#define V9 "63.02.09.2099"

/*
 * Lines 2-6 are used, line 11 is used with a note, the others rejected:
 *  line KK  RT  L1 L2 F2  met/appl  score  cat     PUS method      wish
 *   2   001 1   1  1  0   2/3       66.7   sedang  1   pil (modern) segera
 *   3   002 1   1  NA 1   2/2       100    baik    1   none         tunda  -> unmet
 *   4   003 2   0  0  -   0/2       0      rendah  1   pantang (trad) tidak
 *   5   004 2   1  "" 1   2/2       100    baik    0
 *   6   005 -   1  1  1   3/3       100    baik    1   tidak (none) tidak  -> unmet
 *  11   009 3   1  1  1   3/3 (village 2099, not in the code table: noted)
 */
static const char *survey =
	"no_kk;kode_wilayah;rt;dasawisma;jml_laki;jml_perempuan;L1;L2;F2;"
	"status_pus;alat_kontrasepsi;keinginan_anak\n"
	"001;63.02.09.2007;1;Mawar;2;2;1;1;0;1;pil;segera\n"                 /* 2 */
	"002;63.02.09.2007;RT 01;Mawar;1;1;1;NA;1;1;;tunda\n"                /* 3 */
	"003;63.02.09.2007;2;Melati;1;2;0;0;-;ya;pantang berkala;tidak\n"    /* 4 */
	"004;63.02.09.2007;002;Melati;2;0;1;;1;0;;\n"                        /* 5 */
	"005;63.02.09.2007;;Kenanga;1;1;1;1;1;1;tidak;tidak\n"               /* 6 */
	"006;63.02.09.2007;1;Mawar;1;1;2;1;1;0;;\n"                          /* 7 bad answer */
	"001;63.02.09.2007;1;Mawar;2;2;1;1;0;1;pil;segera\n"                 /* 8 repeated */
	"007;63.02.9.2007;1;Mawar;1;1;1;1;1;0;;\n"                           /* 9 malformed */
	"008;63.02.10.2001;1;Mawar;1;1;1;1;1;0;;\n"                          /* 10 outside */
	"009;63.02.09.2099;3;Anggrek;1;1;1;1;1;0;;\n"                        /* 11 unknown */
	"010;63.02.09.2007;x;Mawar;1;1;1;1;1;0;;\n"                          /* 12 bad RT */
	"011;63.02.09.2007;1;Mawar;1;1;1;1;1;1;spiral;segera\n"              /* 13 method */
	"012;63.02.09;1;Mawar;1;1;1;1;1;0;;\n";                              /* 14 not village */

static const char *const basic_keys[] = { "survey", "keluarga.csv", NULL };

/* Runs basic_keys, which the host must refuse before the plugin runs: the
 * reason from the file's name on (the directory is a temporary one). */
static const char *refusal(void)
{
	char *ini = harness_ini("2024", run_area, "family", basic_keys);
	const plugin_run *run;
	const char *from;

	ck_assert_int_eq(harness_run(&t, ini), 0);
	free(ini);
	run = harness_instance(&t, "family");
	ck_assert_int_eq(run->state, RUN_FAILED);
	from = strstr(run->reason, "keluarga.csv");
	ck_assert_msg(from != NULL, "%s", run->reason);
	return from;
}

/* Each answer form of docs/plugins/family.md; "1" and "0" only as whole
 * cells (the fast path must not take "10" or "0x" for an answer). */
START_TEST(answer_forms)
{
	static const struct {
		const char *cell;
		int want;
	} cases[] = {
		{ "1", FAMILY_MEETS }, { "0", FAMILY_FAILS }, { "", FAMILY_NA }, { "-", FAMILY_NA },
		{ "NA", FAMILY_NA }, { "na", FAMILY_NA }, { "N/A", FAMILY_NA }, { "n/a", FAMILY_NA },
		{ "10", FAMILY_BAD }, { "01", FAMILY_BAD }, { "0x", FAMILY_BAD }, { "2", FAMILY_BAD },
		{ "--", FAMILY_BAD }, { "N", FAMILY_BAD }, { " 1", FAMILY_BAD },
		{ "nA", FAMILY_NA }, { "N/a", FAMILY_NA }, { "NAN", FAMILY_BAD },
		{ "N/", FAMILY_BAD }, { "N/AX", FAMILY_BAD }, { "NA/", FAMILY_BAD },
		{ "-1", FAMILY_BAD }, { "-0", FAMILY_BAD }, { "A", FAMILY_BAD },
		{ "M", FAMILY_BAD }, { "/", FAMILY_BAD }, { "NB", FAMILY_BAD },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		ck_assert_msg(family_answer(cases[i].cell) == cases[i].want, "'%s': %d, not %d",
		              cases[i].cell, family_answer(cases[i].cell), cases[i].want);
}
END_TEST

/* The KB cells: every word of docs/plugins/family.md in some case, and
 * near misses (a prefix, a longer word, a word of the other field). */
START_TEST(kb_forms)
{
	static const struct {
		const char *cell;
		int want;
	} yes_no[] = {
		{ "1", 1 }, { "0", 0 }, { "", 0 }, { "ya", 1 }, { "YA", 1 }, { "y", 1 }, { "Y", 1 },
		{ "tidak", 0 }, { "Tidak", 0 }, { "n", 0 }, { "N", 0 }, { "2", -1 }, { "yes", -1 },
		{ "no", -1 }, { "t", -1 }, { "yaa", -1 }, { "10", -1 }, { "tidakk", -1 },
	}, method[] = {
		{ "", FAMILY_METHOD_NONE }, { "tidak", FAMILY_METHOD_NONE },
		{ "TIDAK", FAMILY_METHOD_NONE }, { "MOW", FAMILY_METHOD_MODERN },
		{ "mop", FAMILY_METHOD_MODERN }, { "Iud", FAMILY_METHOD_MODERN },
		{ "implan", FAMILY_METHOD_MODERN }, { "IMPLANT", FAMILY_METHOD_MODERN },
		{ "suntik", FAMILY_METHOD_MODERN }, { "Pil", FAMILY_METHOD_MODERN },
		{ "kondom", FAMILY_METHOD_MODERN }, { "mal", FAMILY_METHOD_MODERN },
		{ "tradisional", FAMILY_METHOD_TRADITIONAL },
		{ "Pantang Berkala", FAMILY_METHOD_TRADITIONAL },
		{ "senggama terputus", FAMILY_METHOD_TRADITIONAL },
		{ "spiral", FAMILY_METHOD_BAD }, { "pill", FAMILY_METHOD_BAD },
		{ "pi", FAMILY_METHOD_BAD }, { "implants", FAMILY_METHOD_BAD },
		{ "pantang", FAMILY_METHOD_BAD }, { "m", FAMILY_METHOD_BAD },
		{ "tid", FAMILY_METHOD_BAD }, { "ya", FAMILY_METHOD_BAD },
		{ "segera", FAMILY_METHOD_BAD },
	}, wish[] = {
		{ "", FAMILY_WISH_UNKNOWN }, { "segera", FAMILY_WISH_SOON },
		{ "SEGERA", FAMILY_WISH_SOON }, { "tunda", FAMILY_WISH_LATER },
		{ "Tunda", FAMILY_WISH_LATER }, { "tidak", FAMILY_WISH_NO_MORE },
		{ "TIDAK", FAMILY_WISH_NO_MORE }, { "hamil", FAMILY_WISH_PREGNANT },
		{ "Hamil", FAMILY_WISH_PREGNANT }, { "t", FAMILY_WISH_BAD },
		{ "tundaa", FAMILY_WISH_BAD }, { "tida", FAMILY_WISH_BAD },
		{ "seger", FAMILY_WISH_BAD }, { "ya", FAMILY_WISH_BAD }, { "pil", FAMILY_WISH_BAD },
	};

	for (size_t i = 0; i < sizeof yes_no / sizeof yes_no[0]; i++)
		ck_assert_msg(family_yes_no(yes_no[i].cell) == yes_no[i].want, "yes/no '%s': %d",
		              yes_no[i].cell, family_yes_no(yes_no[i].cell));
	for (size_t i = 0; i < sizeof method / sizeof method[0]; i++)
		ck_assert_msg(family_method(method[i].cell) == method[i].want, "method '%s': %d",
		              method[i].cell, family_method(method[i].cell));
	for (size_t i = 0; i < sizeof wish / sizeof wish[0]; i++)
		ck_assert_msg(family_wish(wish[i].cell) == wish[i].want, "wish '%s': %d",
		              wish[i].cell, family_wish(wish[i].cell));
}
END_TEST

START_TEST(indicators_per_rt)
{
	write_survey("keluarga.csv", survey);
	ck_assert_msg(run_plugin(basic_keys) == 0, "%s", t.log);
	/* RT 1: lines 2, 3. */
	ASSERT_SUM("l1", V1, 1, 2, 2);
	ASSERT_SUM("l2", V1, 1, 1, 1);
	ASSERT_SUM("f2", V1, 1, 1, 2);
	/* RT 2: lines 4, 5 ("002" is RT 2). */
	ASSERT_SUM("l1", V1, 2, 1, 2);
	ASSERT_SUM("l2", V1, 2, 0, 1);
	ASSERT_SUM("f2", V1, 2, 1, 1);
	/* No RT: line 6. */
	ASSERT_SUM("l1", V1, 0, 1, 1);
	/* The village: sums. */
	ASSERT_SUM("l1", V1, RT_ALL, 4, 5);
	ASSERT_SUM("l2", V1, RT_ALL, 2, 3);
	ASSERT_SUM("f2", V1, RT_ALL, 3, 4);
	/* The unknown village is kept; the kecamatan sums both villages. */
	ASSERT_SUM("l1", V9, 3, 1, 1);
	ASSERT_SUM("l1", "63.02.09", RT_ALL, 5, 6);
	/* Columns absent from the file: declared, not reported, and said so. */
	ASSERT_SUM("b6", V1, RT_ALL, -1, -1);
	ck_assert_msg(strstr(t.log, "keluarga.csv:1: no column 'B6': indicator B6 is not "
	                     "reported"), "%s", t.log);
}
END_TEST

START_TEST(counts_and_scores)
{
	write_survey("keluarga.csv", survey);
	ck_assert_int_eq(run_plugin(basic_keys), 0);
	ASSERT_COUNT("kk", V1, 1, 2);
	ASSERT_COUNT("kk", V1, RT_ALL, 5);
	ASSERT_COUNT("male", V1, RT_ALL, 7);       /* 2+1+1+2+1 */
	ASSERT_COUNT("female", V1, RT_ALL, 6);     /* 2+1+2+0+1 */
	ASSERT_COUNT("population", V1, RT_ALL, 13);
	ASSERT_COUNT("dasawisma", V1, 1, 1);       /* Mawar */
	ASSERT_COUNT("dasawisma", V1, RT_ALL, 3);  /* Mawar, Melati, Kenanga */
	/* Household categories of the village: baik lines 3, 5, 6; sedang 2;
	 * rendah 4. */
	ASSERT_SUM("kk_baik", V1, RT_ALL, 3, 5);
	ASSERT_SUM("kk_sedang", V1, RT_ALL, 1, 5);
	ASSERT_SUM("kk_rendah", V1, RT_ALL, 1, 5);
	/* Mean score of RT 1: (200/3 + 100) / 2. */
	{
		reg_sum s = get("kk_score", V1, 1);

		ck_assert_double_eq_tol(s.num, 200.0 / 3 + 100, 1e-9);
		ck_assert_double_eq(s.den, 2);
	}
}
END_TEST

START_TEST(family_planning)
{
	write_survey("keluarga.csv", survey);
	ck_assert_int_eq(run_plugin(basic_keys), 0);
	/* PUS: lines 2, 3, 4, 6. Any method: 2 (pil), 4 (pantang). Modern: 2.
	 * Unmet need: 3 (none, tunda), 6 (none, tidak). */
	ASSERT_COUNT("pus", V1, RT_ALL, 4);
	ASSERT_SUM("cpr", V1, RT_ALL, 2, 4);
	ASSERT_SUM("mcpr", V1, RT_ALL, 1, 4);
	ASSERT_SUM("unmet_need", V1, RT_ALL, 2, 4);
	ASSERT_SUM("cpr", V1, 2, 1, 1);
	ASSERT_SUM("unmet_need", V1, 0, 1, 1);
	/* The unknown village has no PUS: a count of 0, no CPR. */
	ASSERT_COUNT("pus", V9, 3, 0);
	ASSERT_SUM("cpr", V9, 3, -1, -1);
}
END_TEST

static const csv_problem *problem(const char *kind)
{
	return harness_problem(&t, "family", "keluarga.csv", kind);
}

START_TEST(rejected_rows)
{
	static const struct {
		const char *kind;
		long line;
		int rejected;
	} want[] = {
		{ "impossible answer", 7, 1 }, { "repeated row", 8, 1 },
		{ "malformed area", 9, 1 }, { "outside area", 10, 1 },
		{ "unknown area", 11, 0 }, { "malformed RT", 12, 1 },
		{ "unknown contraceptive method", 13, 1 }, { "not a village", 14, 1 },
	};
	const csv_stats *stats;

	write_survey("keluarga.csv", survey);
	ck_assert_int_eq(run_plugin(basic_keys), 0);
	stats = harness_stats(&t, "family", "keluarga.csv");
	ck_assert_ptr_nonnull(stats);
	ck_assert_int_eq(stats->records, 13);
	ck_assert_int_eq(stats->rejected, 7);
	ck_assert_int_eq(stats->noted, 1);
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		const csv_problem *p = problem(want[i].kind);

		ck_assert_msg(p != NULL, "no problem '%s'", want[i].kind);
		ck_assert_int_eq(p->count, 1);
		ck_assert_int_eq(p->rejected, want[i].rejected);
		ck_assert_int_eq(p->example_line[0], want[i].line);
	}
	ck_assert_str_eq(problem("impossible answer")->example_text[0],
	                 "impossible answer: L1 = '2' (1, 0, blank, NA or -)");
	ck_assert_str_eq(problem("outside area")->example_text[0],
	                 "outside area: 63.02.10.2001 is not in the run area 63.02.09");
}
END_TEST

/*
 * The survey is read village by village whatever its order, and a KK
 * number's copies in a village are decided together: identical ones count
 * once, differing ones are all rejected.
 *  line KK village RT L1
 *   2   K1 2007    1  1   K1 differs from line 4: rejected
 *   3   K2 2007    1  0
 *   4   K1 2007    2  1   rejected
 *   5   K1 2099    1  1   another village's K1
 *   6   K3 2099    1  0
 *   7   K2 2007    1  0   2007 again; the same as line 3: counted once
 *   8   K4 2007    2  0
 * 2007 RT 1: line 3 (L1 0/1); RT 2: line 8 (0/1); 2099 RT 1: 5, 6 (1/2);
 * the kecamatan 1/4.
 */
START_TEST(village_blocks)
{
	const csv_problem *p;

	write_survey("keluarga.csv", "no_kk;kode_wilayah;rt;L1\n"
	             "K1;" V1 ";1;1\n" "K2;" V1 ";1;0\n" "K1;" V1 ";2;1\n"
	             "K1;" V9 ";1;1\n" "K3;" V9 ";1;0\n"
	             "K2;" V1 ";1;0\n" "K4;" V1 ";2;0\n");
	ck_assert_msg(run_plugin(basic_keys) == 0, "%s", t.log);
	ASSERT_COUNT("kk", V1, 1, 1);
	ASSERT_COUNT("kk", V1, 2, 1);
	ASSERT_COUNT("kk", V1, RT_ALL, 2);
	ASSERT_COUNT("kk", V9, 1, 2);
	ASSERT_SUM("l1", V1, 1, 0, 1);
	ASSERT_SUM("l1", V1, 2, 0, 1);
	ASSERT_SUM("l1", V9, 1, 1, 2);
	ASSERT_SUM("l1", "63.02.09", RT_ALL, 1, 4);
	p = problem("duplicate no_kk");
	ck_assert_ptr_nonnull(p);
	ck_assert_int_eq(p->count, 2);
	ck_assert_int_eq(p->rejected, 1);
	ck_assert_int_eq(p->example_line[0], 2);
	ck_assert_str_eq(p->example_text[0], "duplicate no_kk: other contents, also on line 4");
	ck_assert_int_eq(p->example_line[1], 4);
	p = problem("repeated row");
	ck_assert_ptr_nonnull(p);
	ck_assert_int_eq(p->count, 1);
	ck_assert_int_eq(p->example_line[0], 7);
	ck_assert_str_eq(p->example_text[0], "repeated row: the same as line 3, counted once");
	ck_assert_ptr_null(problem("village split"));
	ck_assert_ptr_null(strstr(t.log, "not grouped"));
}
END_TEST

/*
 * What the reader keeps from row to row (the current village's name lookup,
 * the previous row's RT group) must follow the rows, which the host hands
 * out village by village:
 *  line KK village RT L1
 *   2   K1 2099    1  1   not in the code table: noted
 *   3   K2 2099    2  0   noted
 *   4   K3 2099    1  1   noted; back to RT 1
 *   5   K4 2007    1  0   same RT, another village: its own group
 *   6   K5 2007    1  1
 *   7   K6 2099    1  1   2099 again: unknown area note
 *   8   K7 x       1  1   malformed area: rejected
 *   9   K8 2099    1  0
 * 2099 RT 1: lines 2, 4, 7, 9 (L1 3/4); RT 2: line 3 (0/1); 2007 RT 1:
 * lines 5, 6 (1/2).
 */
START_TEST(row_to_row_state)
{
	const csv_problem *p;

	write_survey("keluarga.csv", "no_kk;kode_wilayah;rt;L1\n"
	             "K1;" V9 ";1;1\n" "K2;" V9 ";2;0\n" "K3;" V9 ";1;1\n"
	             "K4;" V1 ";1;0\n" "K5;" V1 ";1;1\n" "K6;" V9 ";1;1\n"
	             "K7;x;1;1\n" "K8;" V9 ";1;0\n");
	ck_assert_msg(run_plugin(basic_keys) == 0, "%s", t.log);
	ASSERT_COUNT("kk", V9, 1, 4);
	ASSERT_SUM("l1", V9, 1, 3, 4);
	ASSERT_COUNT("kk", V9, 2, 1);
	ASSERT_SUM("l1", V9, 2, 0, 1);
	ASSERT_COUNT("kk", V1, 1, 2);
	ASSERT_SUM("l1", V1, 1, 1, 2);
	p = problem("unknown area");
	ck_assert_ptr_nonnull(p);
	ck_assert_int_eq(p->count, 5);
	ck_assert_int_eq(p->rejected, 0);
	ck_assert_int_eq(p->example_line[0], 2);
	ck_assert_int_eq(p->example_line[1], 3);
	ck_assert_int_eq(p->example_line[2], 4);
	ck_assert_str_eq(p->example_text[0],
	                 "unknown area: 63.02.09.2099 is not in the Kemendagri code table");
	p = problem("malformed area");
	ck_assert_ptr_nonnull(p);
	ck_assert_int_eq(p->count, 1);
	ck_assert_int_eq(p->example_line[0], 8);
}
END_TEST

START_TEST(column_mapping_and_extra_indicator)
{
	static const char *const keys[] = {
		"survey", "s.csv", "column.kk", "Nomor KK", "column.L1", "Buku Nikah",
		"indicator.X1", "Punya KIA | Has a child ID card", "target.mcpr", "65", NULL
	};
	const reg_indicator *ind;

	/* No area column: every row belongs to the run area, a village. */
	run_area = V1;
	write_survey("s.csv", "Nomor KK,RT,Buku Nikah,X1\n1,1,1,0\n2,1,0,1\n3,2,1,NA\n");
	ck_assert_msg(run_plugin(keys) == 0, "%s", t.log);
	ASSERT_SUM("l1", V1, RT_ALL, 2, 3);
	ASSERT_SUM("x1", V1, 1, 1, 2);
	ind = harness_indicator(&t, "family.x1");
	ck_assert_str_eq(ind->label_id, "Punya KIA");
	ck_assert_str_eq(ind->label_en, "Has a child ID card");
	ind = harness_indicator(&t, "family.mcpr");
	ck_assert_int_eq(ind->has_target, 1);
	ck_assert_double_eq(ind->target, 65);
	/* No KB columns: no PUS figures at all. */
	ASSERT_SUM("pus", V1, RT_ALL, -1, -1);
	/* Scores: KK 1: 1/2 = 50 sedang; KK 2: 1/2 sedang; KK 3: 1/1 baik. */
	ASSERT_SUM("kk_sedang", V1, RT_ALL, 2, 3);
}
END_TEST

/* Every form of an answer cell, in a row of its own, through the row
 * loop: "1" meets, "0" fails, blank, "-", "NA" and "N/A" in any case do not
 * apply; every other text (a digit and more, a sign, "N") is impossible
 * and rejects its row. */
START_TEST(answer_cells_every_form)
{
	static const char *const keys[] = { "survey", "s.csv", NULL };
	static const char *const bad[] = { "2", "10", "01", "-1", "-0", "1-", "0-", "N", "NAN",
		                           "N/", "1 0", "x", "A", "Nb", "MA", "NQ", "na0", "--" };
	char text[1024];
	size_t len;
	const csv_stats *stats;
	const csv_problem *p;

	run_area = V1;
	len = (size_t)snprintf(text, sizeof text,
	                       "no_kk,L1,L2\n1,1,1\n2,0,1\n3,,1\n4,-,1\n5,NA,1\n6,n/a,1\n"
	                       "7,N/A,1\n8,na,0\n9,Na,1\n10,nA,1\n");
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		len += (size_t)snprintf(text + len, sizeof text - len, "%zu,%s,1\n", 11 + i, bad[i]);
	ck_assert_uint_lt(len, sizeof text);
	write_survey("s.csv", text);
	ck_assert_msg(run_plugin(keys) == 0, "%s", t.log);
	/* KK 1 meets, KK 2 fails; the eight others do not apply. */
	ASSERT_SUM("l1", V1, RT_ALL, 1, 2);
	ASSERT_SUM("l2", V1, RT_ALL, 9, 10);
	/* KK 8 ("na", 0) scores 0 of 1: L1 does not apply to it. */
	ASSERT_SUM("kk_rendah", V1, RT_ALL, 1, 10);
	stats = harness_stats(&t, "family", "s.csv");
	ck_assert_int_eq(stats->records, 10 + (long)(sizeof bad / sizeof bad[0]));
	ck_assert_int_eq(stats->rejected, (long)(sizeof bad / sizeof bad[0]));
	p = harness_problem(&t, "family", "s.csv", "impossible answer");
	ck_assert_ptr_nonnull(p);
	ck_assert_int_eq(p->count, (long)(sizeof bad / sizeof bad[0]));
}
END_TEST

/* The answers are told apart sixteen at a time: a blank, an "NA", a "0"
 * and an impossible answer each in a different block of sixteen (E8 is the
 * 17th indicator, B6 the 29th). */
START_TEST(answers_past_sixteen)
{
	static const char *const keys[] = { "survey", "s.csv", NULL };
	const csv_problem *p;

	run_area = V1;
	write_survey("s.csv", "no_kk,L1,E8,B6\n1,1,NA,0\n2,1,0,\n3,0,1,2\n4,1,x,1\n5,1,1,NA\n");
	ck_assert_msg(run_plugin(keys) == 0, "%s", t.log);
	ASSERT_SUM("l1", V1, RT_ALL, 3, 3);
	ASSERT_SUM("e8", V1, RT_ALL, 1, 2);
	ASSERT_SUM("b6", V1, RT_ALL, 0, 1);
	p = harness_problem(&t, "family", "s.csv", "impossible answer");
	ck_assert_ptr_nonnull(p);
	ck_assert_int_eq(p->count, 2);
	ck_assert_str_eq(p->example_text[0], "impossible answer: B6 = '2' (1, 0, blank, NA or -)");
}
END_TEST

START_TEST(household_cut_offs)
{
	static const char *const keys[] = {
		"survey", "s.csv", "household_categories", "60, 40", NULL
	};

	run_area = V1;
	/* Scores 66.7 (baik at 60), 50 (sedang at 40), 33.3 (rendah). */
	write_survey("s.csv", "no_kk,L1,L2,L3\n1,1,1,0\n2,1,0,\n3,1,0,0\n");
	ck_assert_int_eq(run_plugin(keys), 0);
	ASSERT_SUM("kk_baik", V1, RT_ALL, 1, 3);
	ASSERT_SUM("kk_sedang", V1, RT_ALL, 1, 3);
	ASSERT_SUM("kk_rendah", V1, RT_ALL, 1, 3);
}
END_TEST

START_TEST(configuration_errors)
{
	static const char *const bad_cut[] = { "survey", "s.csv", "household_categories",
	                                       "50 75", NULL };
	static const char *const bad_column[] = { "survey", "s.csv", "column.colour", "x",
	                                          NULL };
	static const char *const bad_target[] = { "survey", "s.csv", "target.zz", "5", NULL };
	static const char *const bad_code[] = { "survey", "s.csv", "indicator.9x", "Nine",
	                                        NULL };
	static const char *const dup_code[] = { "survey", "s.csv", "indicator.L1", "Again",
	                                        NULL };

	write_survey("s.csv", "no_kk;L1\n");
	ck_assert_int_eq(run_plugin(bad_cut), PK2D_ERR_CONFIG);
	ck_assert_msg(strstr(t.log, "pk2d.ini:7: household_categories must be two scores"),
	              "%s", t.log);
	ck_assert_int_eq(run_plugin(bad_column), PK2D_ERR_CONFIG);
	ck_assert_msg(strstr(t.log, "pk2d.ini:7: column.colour: no field or indicator "
	                     "'colour'"), "%s", t.log);
	ck_assert_int_eq(run_plugin(bad_target), PK2D_ERR_CONFIG);
	ck_assert_msg(strstr(t.log, "target.zz: the family plugin has no indicator 'zz'"),
	              "%s", t.log);
	ck_assert_int_eq(run_plugin(bad_code), PK2D_ERR_CONFIG);
	ck_assert_msg(strstr(t.log, "'9x' is not an indicator code"), "%s", t.log);
	ck_assert_int_eq(run_plugin(dup_code), PK2D_ERR_CONFIG);
	ck_assert_msg(strstr(t.log, "the indicator L1 already exists"), "%s", t.log);
}
END_TEST

START_TEST(unusable_files)
{
	char *path;

	run_area = "63.02.09";
	/* The host's check of the declared survey refuses these before
	 * the plugin runs: no KK column, and no file. */
	write_survey("keluarga.csv", "kode_wilayah;L1\n63.02.09.2007;1\n");
	ck_assert_str_eq(refusal(), "keluarga.csv:1: no column 'no_kk' ([plugin.family] survey: "
	                 "kk, required); add it, or set column.kk = HEADER");
	/* No area column while the run area is a kecamatan. */
	write_survey("keluarga.csv", "no_kk;L1\n1;1\n");
	ck_assert_int_eq(run_plugin(basic_keys), PK2D_ERR_DATA);
	ck_assert_msg(strstr(t.log, "and the run area 63.02.09 is not a village"), "%s",
	              t.log);
	/* No indicator column at all. */
	write_survey("keluarga.csv", "no_kk;kode_wilayah\n1;63.02.09.2007\n");
	ck_assert_int_eq(run_plugin(basic_keys), PK2D_ERR_DATA);
	ck_assert_msg(strstr(t.log, "none of the indicator columns"), "%s", t.log);
	/* The file does not exist. */
	path = harness_path(&t, "keluarga.csv");
	ck_assert_int_eq(unlink(path), 0);
	free(path);
	ck_assert_str_eq(refusal(), "keluarga.csv: No such file or directory");
}
END_TEST

static Suite *family_suite(void)
{
	Suite *s = suite_create("family");
	TCase *tc = tcase_create("survey");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, answer_forms);
	tcase_add_test(tc, kb_forms);
	tcase_add_test(tc, indicators_per_rt);
	tcase_add_test(tc, counts_and_scores);
	tcase_add_test(tc, family_planning);
	tcase_add_test(tc, rejected_rows);
	tcase_add_test(tc, village_blocks);
	tcase_add_test(tc, row_to_row_state);
	tcase_add_test(tc, column_mapping_and_extra_indicator);
	tcase_add_test(tc, answer_cells_every_form);
	tcase_add_test(tc, answers_past_sixteen);
	tcase_add_test(tc, household_cut_offs);
	tcase_add_test(tc, configuration_errors);
	tcase_add_test(tc, unusable_files);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(family_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
