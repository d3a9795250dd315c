/*
 * check_csv.c - the CSV reader and the number and date parsers.
 */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pk2d/plugin.h"
#include "csv.h"
#include "csv_priv.h"
#include "redact.h"

/* Check's ck_assert marks each assertion that passes (in fork mode, a
 * message to the runner): in the loops over thousands of records that
 * cost this suite minutes under the sanitizers. These call Check only to
 * say what failed. */
#define EXPECT(cond, ...)                                \
	do {                                             \
		if (!(cond))                             \
			ck_abort_msg(__VA_ARGS__);       \
	} while (0)
#define EXPECT_TRUE(cond) EXPECT(cond, "%s", #cond)
#define EXPECT_STR(a, b)                                                          \
	do {                                                                      \
		const char *x_ = (a), *y_ = (b);                                  \
		EXPECT(strcmp(x_, y_) == 0, "%s is '%s', want '%s'", #a, x_, y_); \
	} while (0)
#define EXPECT_INT(a, b)                                                      \
	do {                                                                  \
		long long x_ = (long long)(a), y_ = (long long)(b);           \
		EXPECT(x_ == y_, "%s is %lld, want %lld", #a, x_, y_);        \
	} while (0)

/* A file with the given bytes in a fresh temporary directory. */
struct tmpfile {
	char dir[64];
	char path[96];
};

static void tmp_write(struct tmpfile *t, const char *data, size_t len)
{
	FILE *f;

	snprintf(t->dir, sizeof t->dir, "/tmp/check_csv.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(t->dir));
	snprintf(t->path, sizeof t->path, "%s/in.csv", t->dir);
	f = fopen(t->path, "wb");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(data, 1, len, f), len);
	ck_assert_int_eq(fclose(f), 0);
}

static void tmp_remove(struct tmpfile *t)
{
	unlink(t->path);
	rmdir(t->dir);
}

/* Opens a temporary file holding text; fails the test if it cannot. */
static csv_reader *open_text(struct tmpfile *t, const char *text)
{
	char err[256] = "";
	csv_reader *c;

	tmp_write(t, text, strlen(text));
	c = csv_open(t->path, err, sizeof err);
	ck_assert_msg(c != NULL, "csv_open: %s", err);
	return c;
}

static void close_all(csv_reader *c, struct tmpfile *t)
{
	csv_stats_free(csv_close(c));
	tmp_remove(t);
}

static int next(csv_reader *c)
{
	char err[256] = "";
	int rc = csv_next(c, err, sizeof err);
	ck_assert_msg(rc >= 0, "csv_next: %s", err);
	return rc;
}

static char *srcdir_path(const char *rel)
{
	const char *srcdir = getenv("srcdir");
	char *p;

	ck_assert_int_ge(asprintf(&p, "%s/%s", srcdir ? srcdir : ".", rel), 0);
	return p;
}

START_TEST(excel_indonesian_export)
{
	char err[256] = "", *path = srcdir_path("tests/data/csv/excel-id.csv");
	csv_reader *c = csv_open(path, err, sizeof err);
	double w;
	long d;

	ck_assert_msg(c != NULL, "%s", err);
	ck_assert_int_eq(csv_separator(c), ';');
	ck_assert_int_eq(csv_header_count(c), 5);
	ck_assert_str_eq(csv_header(c, 0), "NIK");
	ck_assert_int_eq(csv_column(c, "nik"), 0);
	ck_assert_int_eq(csv_column(c, "  BERAT "), 2);
	ck_assert_int_eq(csv_column(c, "tgl lahir"), 3);
	ck_assert_int_eq(csv_column(c, "Kode Desa"), 4);

	ck_assert_int_eq(next(c), 1);
	ck_assert_int_eq(csv_line(c), 2);
	ck_assert_int_eq(csv_count(c), 5);
	ck_assert_str_eq(csv_field(c, 0), "3302010101010001");
	ck_assert_str_eq(csv_field(c, 4), "63.02.09.2007"); /* no CR left */
	ck_assert_int_eq(csv_number(c, 2, &w), 0);
	ck_assert_double_eq(w, 81.78);
	ck_assert_int_eq(csv_date(c, 3, &d), 0);
	ck_assert_int_eq(d, 18632); /* 2021-01-05: 51*365 + 13 leap days + 4 */

	ck_assert_int_eq(next(c), 1);
	ck_assert_int_eq(csv_line(c), 4); /* line 3 is blank */
	ck_assert_str_eq(csv_field(c, 1), "Budi; anak \"Bungsu\"");
	ck_assert_int_eq(csv_number(c, 2, &w), 0);
	ck_assert_double_eq(w, 9.5);
	ck_assert_int_eq(csv_date(c, 3, &d), 0);
	ck_assert_int_eq(d, 18321); /* 2020-02-29: 50*365 + 12 + 31 + 28 */

	ck_assert_int_eq(next(c), 0);
	ck_assert_int_eq(csv_get_stats(c)->records, 2);
	csv_stats_free(csv_close(c));
	free(path);
}
END_TEST

START_TEST(quoted_fields_and_lines)
{
	char err[256] = "", *path = srcdir_path("tests/data/csv/quoted.csv");
	csv_reader *c = csv_open(path, err, sizeof err);
	double v;

	ck_assert_msg(c != NULL, "%s", err);
	ck_assert_int_eq(csv_separator(c), ',');
	ck_assert_int_eq(next(c), 1);
	ck_assert_int_eq(csv_line(c), 2);
	ck_assert_str_eq(csv_field(c, 1), "first line\nsecond line");
	ck_assert_int_eq(csv_number(c, 2, &v), 0);
	ck_assert_double_eq(v, 10.5);
	ck_assert_int_eq(next(c), 1);
	ck_assert_int_eq(csv_line(c), 4); /* the field above took lines 2 and 3 */
	ck_assert_str_eq(csv_field(c, 1), "a \"quoted\" word, and a comma");
	ck_assert_int_eq(csv_number(c, 2, &v), 0);
	ck_assert_double_eq(v, -0.25);
	ck_assert_int_eq(next(c), 1);
	ck_assert_int_eq(csv_line(c), 6);
	ck_assert_str_eq(csv_field(c, 0), "3");
	ck_assert_int_eq(next(c), 0);
	csv_stats_free(csv_close(c));
	free(path);
}
END_TEST

/* Each case: file text, expected separator, expected header count. */
static const struct {
	const char *text;
	char sep;
	int columns;
} sep_cases[] = {
	{ "a,b,c\n1,2,3\n", ',', 3 },
	{ "a;b;c\n1;2;3\n", ';', 3 },
	{ "a\tb\tc\n1\t2\t3\n", '\t', 3 },
	{ "a;b,c\n", ';', 2 },               /* tie: ';' first */
	{ "a,b\tc\n", ',', 2 },              /* tie: ',' before tab */
	{ "a;b\tc\n", ';', 2 },
	{ "a,b;c,d\n", ',', 3 },             /* most wins */
	{ "\"x;y;z\",b\n", ',', 2 },         /* quoted separators do not count */
	{ "single\n1\n", ',', 1 },
	{ "\n  \n a ; b \n", ';', 2 },      /* blank lines before the header */
	{ "a;b", ';', 2 },                   /* no newline at all */
};

START_TEST(separator_detection)
{
	struct tmpfile t;
	csv_reader *c = open_text(&t, sep_cases[_i].text);

	ck_assert_int_eq(csv_separator(c), sep_cases[_i].sep);
	ck_assert_int_eq(csv_header_count(c), sep_cases[_i].columns);
	close_all(c, &t);
}
END_TEST

START_TEST(blank_lines_and_trimming)
{
	struct tmpfile t;
	csv_reader *c = open_text(&t, "a;b;c\n"
	                              "\n"
	                              "  \t \r\n"
	                              ";;\n"
	                              "  x  ; \" y \" ;z\t\n"
	                              " ; ;\r\n"
	                              "\"ab\"cd;5\";\n"
	                              "\"\";\"\";w");

	ck_assert_int_eq(next(c), 1);
	ck_assert_int_eq(csv_line(c), 5);
	ck_assert_int_eq(csv_count(c), 3);
	ck_assert_str_eq(csv_field(c, 0), "x");
	ck_assert_str_eq(csv_field(c, 1), " y "); /* blanks inside quotes are kept */
	ck_assert_str_eq(csv_field(c, 2), "z");
	/* several at once, as one by one: any order, repeats, none past the
	 * record or negative */
	{
		const int cols[] = { 2, 0, -1, 3, 1, 2, -7 };
		const char *out[7];

		csv_fields_of(c, cols, 7, out);
		for (int i = 0; i < 7; i++)
			ck_assert_str_eq(out[i], csv_field(c, cols[i]));
		ck_assert_str_eq(out[0], "z");
		ck_assert_str_eq(out[3], "");
	}
	ck_assert_int_eq(next(c), 1);
	ck_assert_int_eq(csv_line(c), 7); /* " ; ;" has nothing in it */
	ck_assert_str_eq(csv_field(c, 0), "abcd");
	ck_assert_str_eq(csv_field(c, 1), "5\""); /* a quote inside a field is text */
	ck_assert_str_eq(csv_field(c, 2), "");
	ck_assert_int_eq(next(c), 1);
	ck_assert_int_eq(csv_line(c), 8);
	ck_assert_str_eq(csv_field(c, 0), "");
	ck_assert_str_eq(csv_field(c, 2), "w");
	ck_assert_str_eq(csv_field(c, 3), "");
	ck_assert_str_eq(csv_field(c, -1), "");
	ck_assert_int_eq(next(c), 0);
	ck_assert_int_eq(next(c), 0);
	ck_assert_int_eq(csv_get_stats(c)->records, 3);
	close_all(c, &t);
}
END_TEST

/* The rows of a blank template under the header are skipped where the
 * template put them (the two lines under it), whole and word for word, and
 * in grouped reading too; the same text lower, a row that differs in one
 * field, or one with nothing but a column's help, is data. */
START_TEST(template_rows_are_skipped)
{
	static const char *const help[] = { "Kode desa", "Nomor RT", NULL };
	static const char *const accepted[] = { "PP.KK.CC.DDDD", NULL, NULL };
	const char *const *const rows[CSV_TEMPLATE_ROWS] = { help, accepted };
	const char *text = "area,rt,x\n"
	                   "Kode desa,Nomor RT,\n"
	                   "PP.KK.CC.DDDD,,\n"
	                   "63.02.09.2007,1,a\n"
	                   "Kode desa,Nomor RT,\n";
	char err[256];

	for (int grouped = 0; grouped < 2; grouped++) {
		struct tmpfile t;
		csv_reader *c = open_text(&t, text);
		ck_assert_int_eq(csv_template_rows(c, rows, 2), 0);
		if (grouped)
			ck_assert_int_eq(csv_group(c, 0, NULL, 0, err, sizeof err), 0);
		ck_assert_int_eq(next(c), 1);
		ck_assert_int_eq(csv_line(c), 4);
		ck_assert_int_eq(next(c), 1);
		ck_assert_int_eq(csv_line(c), 5); /* not under the header */
		ck_assert_int_eq(next(c), 0);
		ck_assert_int_eq(csv_get_stats(c)->records, 2);
		close_all(c, &t);
	}
	for (int k = 0; k < 3; k++) {
		static const char *const data[] = {
			"area,rt,x\nKode desa,Nomor RT,a\n", /* text in a column without help */
			"area,rt,x\nKode desa,3,\n",         /* another value */
			"area,rt,x\n,,\nx,,\n",             /* the help rows of nothing */
		};
		struct tmpfile t;
		csv_reader *c = open_text(&t, data[k]);
		ck_assert_int_eq(csv_template_rows(c, rows, 2), 0);
		ck_assert_int_eq(next(c), 1);
		ck_assert_int_eq(csv_line(c), 2 + (k == 2));
		close_all(c, &t);
	}
}
END_TEST

START_TEST(tab_separated_keeps_empty_fields)
{
	struct tmpfile t;
	csv_reader *c = open_text(&t, "a\tb\tc\n1\t\t 3 \n");

	ck_assert_int_eq(next(c), 1);
	ck_assert_int_eq(csv_count(c), 3);
	ck_assert_str_eq(csv_field(c, 0), "1");
	ck_assert_str_eq(csv_field(c, 1), "");
	ck_assert_str_eq(csv_field(c, 2), "3");
	close_all(c, &t);
}
END_TEST

START_TEST(quotes_keep_crlf_and_count_lines)
{
	struct tmpfile t;
	csv_reader *c = open_text(&t, "h1,h2\r\n"
	                              "\"a\r\nb\r\nc\",\"\"\"\"\r\n"
	                              "next,\"x,y\"\r\n");

	ck_assert_int_eq(next(c), 1);
	ck_assert_int_eq(csv_line(c), 2);
	ck_assert_str_eq(csv_field(c, 0), "a\r\nb\r\nc");
	ck_assert_str_eq(csv_field(c, 1), "\"");
	ck_assert_int_eq(next(c), 1);
	ck_assert_int_eq(csv_line(c), 5);
	ck_assert_str_eq(csv_field(c, 0), "next");
	ck_assert_str_eq(csv_field(c, 1), "x,y");
	ck_assert_int_eq(next(c), 0);
	close_all(c, &t);
}
END_TEST

START_TEST(header_lookup)
{
	struct tmpfile t;
	csv_reader *c = open_text(&t, "\xEF\xBB\xBF  Kode_Wilayah ,RT,\"Nama, Lengkap\",rt\n");

	ck_assert_int_eq(csv_header_count(c), 4);
	ck_assert_str_eq(csv_header(c, 0), "Kode_Wilayah");
	ck_assert_str_eq(csv_header(c, 2), "Nama, Lengkap");
	ck_assert_str_eq(csv_header(c, 9), "");
	ck_assert_int_eq(csv_column(c, "kode_wilayah"), 0);
	ck_assert_int_eq(csv_column(c, "\xEF\xBB\xBFkode_wilayah"), 0);
	ck_assert_int_eq(csv_column(c, "rt"), CSV_AMBIGUOUS); /* two of them */
	ck_assert_int_eq(csv_column(c, "RT#1"), 1);
	ck_assert_int_eq(csv_column(c, " rt#2 "), 3);
	ck_assert_int_eq(csv_column(c, "rt#3"), -1);
	ck_assert_int_eq(csv_column(c, "rt#0"), -1);
	ck_assert_int_eq(csv_column(c, "nama, lengkap#1"), 2);
	ck_assert_int_eq(csv_column(c, "#1"), -1);
	ck_assert_int_eq(csv_column(c, "nama, lengkap "), 2);
	ck_assert_int_eq(csv_column(c, "nama"), -1);
	ck_assert_int_eq(csv_column(c, "kode"), -1);
	ck_assert_int_eq(csv_column(c, ""), -1);
	ck_assert_int_eq(next(c), 0);
	ck_assert_int_eq(csv_get_stats(c)->records, 0);
	close_all(c, &t);
}
END_TEST

START_TEST(ambiguous_column_message)
{
	struct tmpfile t;
	csv_reader *c = open_text(&t, "Berat;Tinggi;berat;Berat#2\n");
	char why[256];

	ck_assert_int_eq(csv_column(c, "Berat"), CSV_AMBIGUOUS);
	/* A header called "Berat#2" is that header, not the second Berat. */
	ck_assert_int_eq(csv_column(c, "Berat#2"), 3);
	ck_assert_int_eq(csv_column(c, "Berat#1"), 0);
	csv_ambiguous(c, " Berat ", why, sizeof why);
	ck_assert_str_eq(why, "column 'Berat' appears more than once (columns 1, 3): name the "
	                 "one to use with its column key, e.g. column.FIELD = Berat#2 for the "
	                 "second");
	close_all(c, &t);
}
END_TEST

/* Rows that do not fit the header are rejected by the reader and never
 * seen; the rules of docs/inputs.md, boundaries included. */
START_TEST(records_must_fit_the_header)
{
	struct tmpfile t;
	csv_reader *c = open_text(&t, "a;b;c\n"
	                              "1;2;3\n"          /* 2: fits */
	                              "1;2\n"            /* 3: one short */
	                              "1,2,3\n"          /* 4: written with ',' */
	                              "1;2;3;\n"         /* 5: an empty extra field: fits */
	                              "1;2;3; ;\t\n"     /* 6: blank extras: fits */
	                              "1;2;3;x\n"        /* 7: text past the header */
	                              "1\n"              /* 8: one field, no separator */
	                              "\"1;2\";3\n"       /* 9: quoted ';': two fields */
	                              "1;2;3;4;5\n");    /* 10 */
	const csv_stats *s;

	ck_assert_int_eq(next(c), 1);
	ck_assert_int_eq(csv_line(c), 2);
	ck_assert_int_eq(next(c), 1);
	ck_assert_int_eq(csv_line(c), 5);
	ck_assert_int_eq(csv_count(c), 3);
	ck_assert_int_eq(next(c), 1);
	ck_assert_int_eq(csv_line(c), 6);
	ck_assert_int_eq(csv_count(c), 3);
	ck_assert_str_eq(csv_field(c, 2), "3");
	ck_assert_int_eq(next(c), 0);
	s = csv_get_stats(c);
	ck_assert_int_eq(s->records, 9);
	ck_assert_int_eq(s->rejected, 6);
	ck_assert_uint_eq(s->n_problems, 3);
	ck_assert_str_eq(s->problems[0].kind, "too few fields");
	ck_assert_int_eq(s->problems[0].count, 3); /* lines 3, 8, 9 */
	ck_assert_int_eq(s->problems[0].example_line[0], 3);
	ck_assert_str_eq(s->problems[0].example_text[0], "too few fields: 2 where the header has 3");
	ck_assert_int_eq(s->problems[0].example_line[2], 9);
	ck_assert_str_eq(s->problems[1].kind, "other separator");
	ck_assert_int_eq(s->problems[1].example_line[0], 4);
	ck_assert_str_eq(s->problems[1].example_text[0], "other separator: the line is one "
	                 "field with ',' in it, the header is separated by ';'");
	ck_assert_str_eq(s->problems[2].kind, "too many fields");
	ck_assert_int_eq(s->problems[2].count, 2);
	ck_assert_str_eq(s->problems[2].example_text[0], "too many fields: field 4 holds 'x' "
	                 "where the header has 3");
	ck_assert_int_eq(s->problems[2].example_line[1], 10);
	close_all(c, &t);
}
END_TEST

/* Excel's trailing unnamed header columns: rows may stop before them. */
START_TEST(unnamed_last_columns_may_be_missing)
{
	struct tmpfile t;
	csv_reader *c = open_text(&t, "a,b,,\n1,2\n1\n1,2,3,4\n");

	ck_assert_int_eq(next(c), 1);
	ck_assert_int_eq(csv_count(c), 2);
	ck_assert_str_eq(csv_field(c, 3), "");
	ck_assert_int_eq(next(c), 1);
	ck_assert_int_eq(csv_line(c), 4);
	ck_assert_int_eq(next(c), 0);
	ck_assert_int_eq(csv_get_stats(c)->rejected, 1);
	ck_assert_str_eq(csv_get_stats(c)->problems[0].kind, "too few fields");
	close_all(c, &t);
}
END_TEST

START_TEST(a_failed_reader_stays_failed)
{
	struct tmpfile t;
	csv_reader *c = open_text(&t, "a\n1\n");
	char err[64] = "x";

	csv_fail(c, PK2D_ERR_DATA, "");
	ck_assert_int_eq(csv_next(c, err, sizeof err), PK2D_ERR_DATA);
	ck_assert_str_eq(err, "");
	ck_assert_int_eq(csv_next(c, err, sizeof err), PK2D_ERR_DATA);
	close_all(c, &t);
}
END_TEST

START_TEST(reject_and_note_statistics)
{
	struct tmpfile t;
	csv_reader *c = open_text(&t, "w\n1\n2\n3\n4\n5\n6\n7\n8\n");
	const csv_stats *s;
	csv_stats *owned;

	/* line 2: rejected; 3: noted; 4: noted twice (one row) then rejected;
	 * 5-8: rejected with the same kind; 9: nothing. */
	next(c);
	csv_reject(c, "unreadable weight: '%s'", "abc");
	next(c);
	csv_note(c, "missing sex: treated as unknown");
	next(c);
	csv_note(c, "missing sex: again");
	csv_note(c, "missing sex: and again");
	csv_reject(c, "outside period: %d", 2022);
	for (int i = 0; i < 4; i++) {
		next(c);
		csv_reject(c, "unreadable weight: row %d", i);
	}
	next(c);
	ck_assert_int_eq(next(c), 0);

	s = csv_get_stats(c);
	ck_assert_int_eq(s->records, 8);
	ck_assert_int_eq(s->rejected, 6); /* lines 2, 4, 5, 6, 7, 8 */
	ck_assert_int_eq(s->noted, 1);    /* line 3; line 4 was dropped after all */
	ck_assert_uint_eq(s->n_problems, 3);

	ck_assert_str_eq(s->problems[0].kind, "unreadable weight");
	ck_assert_int_eq(s->problems[0].rejected, 1);
	ck_assert_int_eq(s->problems[0].count, 5);
	ck_assert_int_eq(s->problems[0].n_examples, CSV_EXAMPLES);
	ck_assert_int_eq(s->problems[0].example_line[0], 2);
	ck_assert_str_eq(s->problems[0].example_text[0], "unreadable weight: 'a…'");
	ck_assert_int_eq(s->problems[0].example_line[4], 8);
	ck_assert_str_eq(s->problems[0].example_text[4], "unreadable weight: row 3");

	ck_assert_str_eq(s->problems[1].kind, "missing sex");
	ck_assert_int_eq(s->problems[1].rejected, 0);
	ck_assert_int_eq(s->problems[1].count, 2); /* rows 3 and 4, not 3 calls */
	ck_assert_int_eq(s->problems[1].n_examples, 2);
	ck_assert_int_eq(s->problems[1].example_line[1], 4);
	ck_assert_str_eq(s->problems[1].example_text[1], "missing sex: again");

	ck_assert_str_eq(s->problems[2].kind, "outside period");
	ck_assert_int_eq(s->problems[2].count, 1);

	owned = csv_close(c);
	ck_assert_str_eq(owned->path, t.path);
	ck_assert_int_eq(owned->rejected, 6);
	ck_assert_str_eq(owned->problems[2].example_text[0], "outside period: 2022");
	csv_stats_free(owned);
	tmp_remove(&t);
}
END_TEST

START_TEST(kind_without_colon_is_whole_text)
{
	struct tmpfile t;
	csv_reader *c = open_text(&t, "w\n1\n");

	next(c);
	csv_reject(c, "duplicate row");
	ck_assert_str_eq(csv_get_stats(c)->problems[0].kind, "duplicate row");
	ck_assert_int_eq(csv_get_stats(c)->problems[0].example_line[0], 2);
	close_all(c, &t);
}
END_TEST

/* The kinds "outside area" and "outside period" keep the first word of
 * their detail (a period as its year), each value once with its rows. */
START_TEST(outside_rows_keep_their_values)
{
	struct tmpfile t;
	csv_reader *c = open_text(&t, "w\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n"
	                          "17\n18\n19\n20\n21\n22\n23\n");
	const csv_problem *area, *period;

	next(c);
	csv_reject(c, "outside area: 63.02.08.2001 is not in the run area 63.02.09");
	next(c);
	csv_reject(c, "outside area: '63.02.08.2001' is not in the run area 63.02.09");
	next(c);
	csv_reject(c, "outside period: '01/05/2023' is not in 2024");
	next(c);
	csv_reject(c, "outside period: '2022Q3' is not in 2024");
	next(c);
	csv_reject(c, "outside period: '2023-06' is not in 2024");
	next(c);
	csv_reject(c, "outside period: 'soon' is not in 2024");
	for (int i = 0; i < CSV_SEEN + 1; i++) {
		next(c);
		csv_reject(c, "outside area: 64.01.01.%04d is elsewhere", 2001 + i);
	}
	area = &csv_get_stats(c)->problems[0];
	period = &csv_get_stats(c)->problems[1];
	ck_assert_str_eq(area->kind, "outside area");
	ck_assert_int_eq(area->count, 2 + CSV_SEEN + 1);
	ck_assert_int_eq(area->n_seen, CSV_SEEN);
	ck_assert_str_eq(area->seen[0], "63.02.08.2001");
	ck_assert_int_eq(area->seen_count[0], 2);
	ck_assert_str_eq(area->seen[CSV_SEEN - 1], "64.01.01.2015");
	ck_assert_str_eq(period->kind, "outside period");
	ck_assert_int_eq(period->count, 4);
	ck_assert_int_eq(period->n_seen, 2);
	ck_assert_str_eq(period->seen[0], "2023");
	ck_assert_int_eq(period->seen_count[0], 2);
	ck_assert_str_eq(period->seen[1], "2022");
	ck_assert_int_eq(period->seen_count[1], 1);
	close_all(c, &t);
}
END_TEST

START_TEST(unterminated_quote)
{
	struct tmpfile t;
	csv_reader *c = open_text(&t, "a,b\n1,2\n3,\"open\nstill open\n");
	char err[256] = "";

	ck_assert_int_eq(next(c), 1);
	ck_assert_int_eq(csv_next(c, err, sizeof err), PK2D_ERR_DATA);
	ck_assert_str_eq(err, "line 3: unterminated quoted field");
	err[0] = '\0';
	ck_assert_int_eq(csv_next(c, err, sizeof err), PK2D_ERR_DATA);
	ck_assert_str_eq(err, "line 3: unterminated quoted field");
	close_all(c, &t);
}
END_TEST

START_TEST(unterminated_quote_in_header)
{
	struct tmpfile t;
	char err[256] = "";

	tmp_write(&t, "a,\"b\n", 5);
	ck_assert_ptr_null(csv_open(t.path, err, sizeof err));
	ck_assert_str_eq(err, "line 1: unterminated quoted field");
	tmp_remove(&t);
}
END_TEST

/* A record of several MiB (more than the 1 MiB read block) in quotes with
 * doubled quotes and newlines, between two ordinary records. */
START_TEST(record_longer_than_buffer)
{
	size_t big = 3 * 1024 * 1024 + 17, len = 0;
	char *text = malloc(big * 2 + 100), *want = malloc(big + 1);
	struct tmpfile t;
	char err[256] = "";
	csv_reader *c;

	ck_assert_ptr_nonnull(text);
	ck_assert_ptr_nonnull(want);
	len += (size_t)sprintf(text, "id;text\n1;short\n2;\"");
	for (size_t i = 0; i < big; i++) {
		char ch = i % 1000 == 999 ? '\n' : i % 7 == 0 ? '"' : (char)('a' + i % 26);
		want[i] = ch;
		if (ch == '"')
			text[len++] = '"';
		text[len++] = ch;
	}
	want[big] = '\0';
	len += (size_t)sprintf(text + len, "\"\n3;end\n");
	tmp_write(&t, text, len);
	c = csv_open(t.path, err, sizeof err);
	ck_assert_msg(c != NULL, "%s", err);
	ck_assert_int_eq(next(c), 1);
	ck_assert_str_eq(csv_field(c, 1), "short");
	ck_assert_int_eq(next(c), 1);
	ck_assert_int_eq(csv_line(c), 3);
	ck_assert_uint_eq(strlen(csv_field(c, 1)), big);
	ck_assert(memcmp(csv_field(c, 1), want, big) == 0);
	ck_assert_int_eq(next(c), 1);
	/* Line 3 plus one line per newline inside the big field. */
	ck_assert_int_eq(csv_line(c), 3 + (long)(big / 1000) + 1);
	ck_assert_str_eq(csv_field(c, 1), "end");
	ck_assert_int_eq(next(c), 0);
	close_all(c, &t);
	free(text);
	free(want);
}
END_TEST

/* Many records, so that records and quoted fields straddle the read
 * blocks; every one must come back whole. */
START_TEST(many_records_across_blocks)
{
	const long n = 120000;
	size_t cap = (size_t)n * 40, len = 0;
	char *text = malloc(cap);
	struct tmpfile t;
	char err[256] = "", want[64];
	csv_reader *c;
	long i = 0;

	ck_assert_ptr_nonnull(text);
	len += (size_t)sprintf(text, "n;q;x\r\n");
	for (long k = 0; k < n; k++)
		len += (size_t)sprintf(text + len, "%ld;\"v \"\"%ld\"\"\";%ld,5\r\n", k, k, k % 100);
	tmp_write(&t, text, len);
	c = csv_open(t.path, err, sizeof err);
	ck_assert_msg(c != NULL, "%s", err);
	while (next(c) == 1) {
		double x;
		snprintf(want, sizeof want, "%ld", i);
		EXPECT_STR(csv_field(c, 0), want);
		snprintf(want, sizeof want, "v \"%ld\"", i);
		EXPECT_STR(csv_field(c, 1), want);
		EXPECT_INT(csv_number(c, 2, &x), 0);
		EXPECT_TRUE(x == (double)(i % 100) + 0.5);
		EXPECT_INT(csv_line(c), i + 2);
		i++;
	}
	EXPECT_INT(i, n);
	close_all(c, &t);
	free(text);
}
END_TEST

/* What the csv_on_read() hook was told. */
struct read_calls {
	int n, ends;
	uint64_t last_done, last_size;
};

static void count_read(void *arg, uint64_t done, uint64_t size, int end)
{
	struct read_calls *r = arg;

	ck_assert(done >= r->last_done);
	r->n++;
	r->ends += end != 0;
	r->last_done = done;
	r->last_size = size;
}

/* The hook is called at once, per block and every 4096 rows; its last call
 * has read the whole file and says so. 3 MB of 10,000 rows. */
START_TEST(read_hook_reaches_the_size)
{
	const long n = 10000;
	size_t len = 0, cap = (size_t)n * 310 + 16;
	char *text = malloc(cap);
	struct read_calls r = { 0 };
	struct tmpfile t;
	char err[256] = "";
	csv_reader *c;
	long rows = 0;

	ck_assert_ptr_nonnull(text);
	len += (size_t)sprintf(text, "n;pad\n");
	for (long k = 0; k < n; k++)
		len += (size_t)sprintf(text + len, "%ld;%0300d\n", k, 0);
	tmp_write(&t, text, len);
	c = csv_open(t.path, err, sizeof err);
	ck_assert_msg(c != NULL, "%s", err);
	csv_on_read(c, count_read, &r);
	ck_assert_int_eq(r.n, 1);
	ck_assert(r.last_done > 0 && r.last_done < len);
	ck_assert(r.last_size == len);
	while (next(c) == 1)
		rows++;
	ck_assert_int_eq(rows, n);
	/* At once, rows 4096 and 8192, and at least two more blocks after the
	 * first megabyte (a refill reads what the rows consumed). */
	ck_assert_int_ge(r.n, 1 + 2 + 2);
	ck_assert_int_ge(r.ends, 1);
	ck_assert(r.last_done == len);
	close_all(c, &t);
	free(text);
}
END_TEST

/*
 * The reader against a reference written from the rules in csv.h, one
 * character at a time, on random records: fields with blanks, tabs, CRs
 * and quotes at their edges and inside, quoted fields with separators and
 * doubled quotes, text after a closing quote, LF and CR LF line ends, at
 * every offset against the 64-byte blocks. Run with ';' and with tab.
 */
static int ref_blank(char ch, char sep)
{
	return ch == ' ' || ch == '\r' || (ch == '\t' && sep != '\t');
}

/* Splits one line (no line end) into out[] by the csv.h rules; returns the
 * number of fields. */
static int ref_fields(const char *line, char sep, char out[][96], int max)
{
	int n = 0;
	const char *p = line;

	for (;;) {
		char *o = out[n];
		size_t w = 0, keep = 0;
		const char *q = p;

		EXPECT_TRUE(n < max);
		while (ref_blank(*q, sep))
			q++;
		if (*q == '"') {
			/* Quoted: up to the closing quote, "" is one quote. */
			for (q++; !(*q == '"' && q[1] != '"'); q++) {
				if (*q == '"')
					q++;
				o[w++] = *q;
			}
			q++;
			keep = w;
			while (*q && *q != sep)
				o[w++] = *q++;
			while (w > keep && ref_blank(o[w - 1], sep))
				w--;
		} else {
			while (*q && *q != sep)
				o[w++] = *q++;
			while (w > 0 && ref_blank(o[w - 1], sep))
				w--;
			while (keep < w && ref_blank(o[keep], sep))
				keep++;
			memmove(o, o + keep, w - keep);
			w -= keep;
		}
		o[w] = '\0';
		n++;
		if (!*q)
			return n;
		p = q + 1;
	}
}

static uint64_t rnd_state = 0x9e3779b97f4a7c15u;
static unsigned rnd(unsigned n)
{
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 7;
	rnd_state ^= rnd_state << 17;
	return (unsigned)(rnd_state % n);
}

/* A field of plain text (inner spaces only), with at most one blank or
 * quote at an edge now and then: rows whose fields need no trimming but
 * one, with the one anywhere against the 64-byte blocks. */
static void clean_field(char *f, char sep)
{
	size_t w = 0, n = 1 + rnd(9);
	unsigned defect = rnd(16);
	const char edge_blank = defect & 1 ? '\r' : sep == '\t' ? ' ' : '\t';

	if (defect == 0 || defect == 1)
		f[w++] = edge_blank;
	if (defect == 2)
		f[w++] = '"';
	for (size_t i = 0; i < n; i++)
		f[w++] = i > 0 && i + 1 < n && rnd(4) == 0 ? ' ' : (char)('a' + rnd(26));
	if (defect == 2)
		f[w++] = '"';
	if (defect == 3 || defect == 4)
		f[w++] = defect == 3 ? ' ' : '\r';
	f[w] = '\0';
}

/* A random field (no line end inside) into f: tabs only where they are
 * not the separator (or inside quotes). */
static void random_field(char *f, char sep)
{
	static const char text[] = { 'a', 'b', '7', ' ', ' ', '\t', '\r', '"', '.' };
	char tab = sep == '\t' ? ' ' : '\t';
	size_t w = 0, n = rnd(8);
	int text_yet = 0;

	while (rnd(3) == 0)
		f[w++] = rnd(2) ? ' ' : tab;
	if (rnd(4) == 0) {
		f[w++] = '"';
		for (size_t i = 0; i < n; i++) {
			unsigned k = rnd(11);
			if (k == 9)
				f[w++] = sep;
			else if (k == 10) {
				f[w++] = '"';
				f[w++] = '"';
			} else
				f[w++] = text[k == 7 ? 0 : k];
		}
		f[w++] = '"';
		for (size_t i = rnd(3); i > 0; i--)
			f[w++] = rnd(2) ? 'z' : ' ';
	} else {
		for (size_t i = 0; i < n; i++) {
			char ch = text[rnd(sizeof text)];
			if (ch == '\t')
				ch = tab;
			/* A quote before any text would open a quoted field. */
			if (ch == '"' && !text_yet)
				ch = 'q';
			text_yet |= !ref_blank(ch, sep);
			f[w++] = ch;
		}
	}
	f[w] = '\0';
}

static void reader_against_reference(char sep, int clean)
{
	/* Over 1 MiB (CSV_BLOCK): a refill in the middle of a record. */
	enum { ROWS = 30000, COLS = 7 };
	size_t cap = (size_t)ROWS * COLS * 40 + 64, len = 0;
	char *text = malloc(cap), **lines = calloc(ROWS, sizeof *lines);
	char field[64], group[64] = "", want[COLS + 8][96];
	int all[COLS + 9];
	const char *out[COLS + 9];
	struct tmpfile t;
	char err[256] = "";
	csv_reader *c;
	long row = 0;

	ck_assert_ptr_nonnull(text);
	ck_assert_ptr_nonnull(lines);
	len += (size_t)sprintf(text, "a%cb%cc%cd%ce%cf%cg\n", sep, sep, sep, sep, sep, sep);
	for (int r = 0; r < ROWS; r++) {
		size_t start = len;
		/* A first field that is never blank, so no row is skipped. */
		len += (size_t)sprintf(text + len, "r%d", r);
		/* Column 2 mostly repeats the row before as it was written (a
		 * group of rows, as the split sees them), or nearly: longer,
		 * shorter, with a blank before, or its text in column 1's
		 * quotes where a split by separators alone would find it. */
		unsigned v = r > 0 ? rnd(10) : 9;
		int plain_group = *group && !strchr(group, '"') && !strchr(group, sep);
		for (int k = 1; k < COLS; k++) {
			if (k == 1 && v == 7 && plain_group)
				sprintf(field, "\"%c%s%c\"", sep, group, sep);
			else if (k == 2 && v <= 3)
				strcpy(field, group);
			else if (k == 2 && v == 4 && plain_group)
				sprintf(field, "%.40sx", group);
			else if (k == 2 && v == 5 && plain_group && strlen(group) > 1)
				sprintf(field, "%.*s", (int)strlen(group) - 1, group);
			else if (k == 2 && v == 6 && plain_group)
				sprintf(field, " %.40s", group);
			else if (k == 2 && v == 7 && plain_group)
				strcpy(field, "zz");
			else if (clean)
				clean_field(field, sep);
			else
				random_field(field, sep);
			if (k == 2)
				strcpy(group, field);
			len += (size_t)sprintf(text + len, "%c%s", sep, field);
		}
		lines[r] = strndup(text + start, len - start);
		len += (size_t)sprintf(text + len, rnd(3) ? "\n" : "\r\n");
	}
	ck_assert_uint_gt(len, (size_t)1 << 20);
	tmp_write(&t, text, len);
	c = csv_open(t.path, err, sizeof err);
	EXPECT(c != NULL, "%s", err);
	while (next(c) == 1) {
		int n;
		EXPECT_TRUE(row < ROWS);
		/* The line's own CR LF: its CR is a blank of the last field. */
		n = ref_fields(lines[row], sep, want, COLS + 8);
		EXPECT_INT(csv_count(c), n);
		for (int k = 0; k < n; k++)
			EXPECT(strcmp(csv_field(c, k), want[k]) == 0,
			              "row %ld field %d: '%s', want '%s' (line '%s')", row, k,
			              csv_field(c, k), want[k], lines[row]);
		/* All at once, and one past the record: an odd or even count. */
		for (int k = 0; k <= n; k++)
			all[k] = k;
		csv_fields_of(c, all, n + 1, out);
		for (int k = 0; k < n; k++)
			EXPECT_STR(out[k], want[k]);
		EXPECT_STR(out[n], "");
		EXPECT_INT(csv_line(c), row + 2);
		row++;
	}
	EXPECT_INT(row, ROWS);
	csv_stats_free(csv_close(c));
	/* Some fields only, as the grouping's check and the split read them
	 * (csv_read_fields: the fast way for a row without quotes). */
	c = csv_open(t.path, err, sizeof err);
	EXPECT(c != NULL, "%s", err);
	for (row = 0; row < ROWS; row++) {
		static const int cols[] = { 1, 4, 6 };
		size_t lens[3];

		EXPECT_INT(csv_read_fields(c, cols, 3, out, lens), 1);
		ref_fields(lines[row], sep, want, COLS + 8);
		for (int i = 0; i < 3; i++) {
			EXPECT(strcmp(out[i], want[cols[i]]) == 0,
			              "row %ld field %d: '%s', want '%s' (line '%s')", row, cols[i],
			              out[i], want[cols[i]], lines[row]);
			EXPECT_INT(lens[i], strlen(want[cols[i]]));
		}
	}
	EXPECT_INT(csv_read_fields(c, (const int[]){ 0 }, 1, out, (size_t[1]){ 0 }), 0);
	csv_stats_free(csv_close(c));
	/* Passing over the rows that repeat column 2 (csv_skip_same, as the
	 * split does) lands where csv_read_fields one row at a time does. */
	c = csv_open(t.path, err, sizeof err);
	EXPECT(c != NULL, "%s", err);
	long passed = 0;
	for (row = 0; row < ROWS;) {
		char same[96];
		size_t lens[1];

		EXPECT_INT(csv_read_fields(c, (const int[]){ 2 }, 1, out, lens), 1);
		ref_fields(lines[row], sep, want, COLS + 8);
		EXPECT_STR(out[0], want[2]);
		EXPECT_INT(csv_line(c), row + 2);
		strcpy(same, out[0]);
		long k = csv_skip_same(c, 2, same, lens[0]);
		EXPECT_TRUE(row + 1 + k <= ROWS);
		for (long i = 1; i <= k; i++) {
			ref_fields(lines[row + i], sep, want, COLS + 8);
			EXPECT(strcmp(want[2], same) == 0, "row %ld passed over: '%s' is not '%s'",
			              row + i, want[2], same);
		}
		passed += k;
		row += 1 + k;
	}
	EXPECT_INT(csv_read_fields(c, (const int[]){ 0 }, 1, out, (size_t[1]){ 0 }), 0);
	ck_assert_int_gt(passed, clean ? ROWS / 8 : 0);
	close_all(c, &t);
	for (int r = 0; r < ROWS; r++)
		free(lines[r]);
	free(lines);
	free(text);
}

START_TEST(reference_semicolon)
{
	reader_against_reference(';', 0);
	reader_against_reference(';', 1);
}
END_TEST

START_TEST(reference_tab)
{
	reader_against_reference('\t', 0);
	reader_against_reference('\t', 1);
}
END_TEST

START_TEST(empty_file)
{
	struct tmpfile t;
	char err[256] = "";

	tmp_write(&t, "", 0);
	ck_assert_ptr_null(csv_open(t.path, err, sizeof err));
	ck_assert_str_eq(err, "empty file: no header line");
	tmp_remove(&t);
}
END_TEST

START_TEST(only_bom_and_blank_lines)
{
	struct tmpfile t;
	char err[256] = "";

	tmp_write(&t, "\xEF\xBB\xBF\r\n  \n", 7);
	ck_assert_ptr_null(csv_open(t.path, err, sizeof err));
	ck_assert_str_eq(err, "empty file: no header line");
	tmp_remove(&t);
}
END_TEST

START_TEST(header_only_file)
{
	struct tmpfile t;
	csv_reader *c = open_text(&t, "a;b\r\n");

	ck_assert_int_eq(csv_header_count(c), 2);
	ck_assert_int_eq(next(c), 0);
	ck_assert_int_eq(csv_count(c), 0);
	ck_assert_int_eq(csv_get_stats(c)->records, 0);
	close_all(c, &t);
}
END_TEST

START_TEST(missing_file)
{
	char err[256] = "";

	ck_assert_ptr_null(csv_open("/nonexistent/dir/file.csv", err, sizeof err));
	ck_assert_str_eq(err, strerror(ENOENT));
	ck_assert_ptr_null(csv_close(NULL));
}
END_TEST

START_TEST(directory_is_a_read_error)
{
	char err[256] = "";

	ck_assert_ptr_null(csv_open("/", err, sizeof err));
	ck_assert_msg(strncmp(err, "line 1: read error: ", 20) == 0, "%s", err);
}
END_TEST

START_TEST(last_record_without_newline)
{
	struct tmpfile t;
	csv_reader *c = open_text(&t, "a,b\n1,2\n3,\"x\"");

	ck_assert_int_eq(next(c), 1);
	ck_assert_int_eq(next(c), 1);
	ck_assert_int_eq(csv_line(c), 3);
	ck_assert_str_eq(csv_field(c, 1), "x");
	ck_assert_int_eq(next(c), 0);
	close_all(c, &t);
}
END_TEST

START_TEST(path_and_stats_path)
{
	struct tmpfile t;
	csv_reader *c = open_text(&t, "a\n1\n");

	ck_assert_str_eq(csv_path(c), t.path);
	ck_assert_str_eq(csv_get_stats(c)->path, t.path);
	close_all(c, &t);
}
END_TEST

/* parse_number: text, expected return, expected value. */
static const struct {
	const char *text;
	int rc;
	double value;
} number_cases[] = {
	{ "81,78", 0, 81.78 },
	{ "81.78", 0, 81.78 },
	{ "12,34", 0, 12.34 },
	{ "-0,5", 0, -0.5 },
	{ "+3", 0, 3 },
	{ "  42 \r\n", 0, 42 },
	{ "007", 0, 7 },
	{ ".5", 0, 0.5 },
	{ "5.", 0, 5 },
	{ "0,1", 0, 0.1 },
	{ "123456789012345", 0, 123456789012345.0 },
	{ "3.14159265358979323846", 0, 3.14159265358979323846 },
	{ "12345678901234567890", 0, 12345678901234567890.0 },
	{ "0,000000000000000000000001", 0, 1e-24 },
	{ "", PK2D_ERR_MISSING, 0 },
	{ "   ", PK2D_ERR_MISSING, 0 },
	{ "1.234,5", PK2D_ERR_INVALID, 0 },
	{ "1,234.5", PK2D_ERR_INVALID, 0 },
	{ "1.234.567", PK2D_ERR_INVALID, 0 },
	{ "1 234", PK2D_ERR_INVALID, 0 },
	{ "1e3", PK2D_ERR_INVALID, 0 },
	{ "abc", PK2D_ERR_INVALID, 0 },
	{ "-", PK2D_ERR_INVALID, 0 },
	{ ",", PK2D_ERR_INVALID, 0 },
	{ "12kg", PK2D_ERR_INVALID, 0 },
	{ "--1", PK2D_ERR_INVALID, 0 },
	{ "nan", PK2D_ERR_INVALID, 0 },
	{ "inf", PK2D_ERR_INVALID, 0 },
	{ "0x10", PK2D_ERR_INVALID, 0 },
};

START_TEST(numbers)
{
	double v = -12345;
	int rc = parse_number(number_cases[_i].text, &v);

	ck_assert_msg(rc == number_cases[_i].rc, "'%s': %d", number_cases[_i].text, rc);
	if (rc == 0)
		ck_assert_msg(v == number_cases[_i].value, "'%s': %.17g", number_cases[_i].text, v);
	else
		ck_assert_double_eq(v, -12345); /* untouched on failure */
}
END_TEST

START_TEST(negative_zero_and_huge)
{
	double v;
	char *huge = malloc(400);

	ck_assert_int_eq(parse_number("-0", &v), 0);
	ck_assert_double_eq(v, 0);
	memset(huge, '9', 399);
	huge[399] = '\0';
	ck_assert_int_eq(parse_number(huge, &v), PK2D_ERR_INVALID); /* overflows to inf */
	huge[1] = ',';
	ck_assert_int_eq(parse_number(huge, &v), 0);
	ck_assert_double_eq(v, 10); /* 9,999... with 397 nines rounds to 10 */
	free(huge);
}
END_TEST

/* parse_date: text, expected return, expected days since 1970-01-01. Days
 * worked out as 365 a year plus one per leap year passed plus the days of
 * the months passed. */
static const struct {
	const char *text;
	int rc;
	long days;
} date_cases[] = {
	{ "1970-01-01", 0, 0 },
	{ "1969-12-31", 0, -1 },
	{ "1970-03-01", 0, 59 },
	{ "2023-05-01", 0, 19478 },     /* 53*365 + 13 + 120 */
	{ "01/05/2023", 0, 19478 },
	{ "01-05-2023", 0, 19478 },
	{ "1/5/2023", 0, 19478 },
	{ " 2023-05-01 ", 0, 19478 },
	{ "2023-05-01 00:00:00", 0, 19478 },
	{ "2023-05-01T08:30", 0, 19478 },
	{ "01/05/2023 0:00", 0, 19478 },
	{ "2023-05-01 23:59:59.5", 0, 19478 },
	{ "2000-02-29", 0, 11016 },     /* 30*365 + 7 + 31 + 28 */
	{ "2000-03-01", 0, 11017 },
	{ "29/02/2024", 0, 19782 },     /* 54*365 + 13 + 31 + 28 */
	{ "31/12/2023", 0, 19722 },     /* 19358 + 364 */
	{ "1900-01-01", 0, -25567 },    /* -(70*365 + 17) */
	{ "", PK2D_ERR_MISSING, 0 },
	{ "  ", PK2D_ERR_MISSING, 0 },
	{ "2023-02-29", PK2D_ERR_INVALID, 0 },
	{ "1900-02-29", PK2D_ERR_INVALID, 0 },
	{ "31/04/2023", PK2D_ERR_INVALID, 0 },
	{ "2023-13-01", PK2D_ERR_INVALID, 0 },
	{ "2023-00-10", PK2D_ERR_INVALID, 0 },
	{ "00/01/2023", PK2D_ERR_INVALID, 0 },
	{ "2023/05/01", PK2D_ERR_INVALID, 0 },
	{ "01/05-2023", PK2D_ERR_INVALID, 0 },
	{ "01/05/23", PK2D_ERR_INVALID, 0 },
	{ "01/05/20231", PK2D_ERR_INVALID, 0 },
	{ "001/05/2023", PK2D_ERR_INVALID, 0 },
	{ "2023-05-01x", PK2D_ERR_INVALID, 0 },
	{ "2023-05-01 24:00", PK2D_ERR_INVALID, 0 },
	{ "2023-05-01 12", PK2D_ERR_INVALID, 0 },
	{ "2023-05", PK2D_ERR_INVALID, 0 },
	{ "0000-01-01", PK2D_ERR_INVALID, 0 },
	{ "kemarin", PK2D_ERR_INVALID, 0 },
};

START_TEST(dates)
{
	long d = 12345;
	int rc = parse_date(date_cases[_i].text, &d);

	ck_assert_msg(rc == date_cases[_i].rc, "'%s': %d", date_cases[_i].text, rc);
	if (rc == 0)
		ck_assert_msg(d == date_cases[_i].days, "'%s': %ld", date_cases[_i].text, d);
	else
		ck_assert_int_eq(d, 12345);
}
END_TEST

/* Text that is not clean UTF-8 is repaired where it is read: bytes of
 * another encoding as Windows-1252, control characters as U+FFFD; each
 * record counts once per kind as noted, the header with line 1 but not as
 * a record. */
START_TEST(text_repaired_from_windows_1252)
{
	struct tmpfile t;
	csv_reader *c = open_text(&t, "nama;ket\xe9rangan\r\n"
	                              "Sang-Sang;Caf\xe9 \x80\r\n"
	                              "\"D\xe9sa\nbaru\";ok\r\n"
	                              "S\xc3\xa9kolah;bel\x01l\r\n"
	                              "plain;\x81\r\n");
	const csv_stats *st;

	ck_assert_int_eq(csv_column(c, "ket\xc3\xa9rangan"), 1);
	ck_assert_int_eq(next(c), 1);
	ck_assert_str_eq(csv_field(c, 1), "Caf\xc3\xa9 \xe2\x82\xac");
	ck_assert_int_eq(next(c), 1);
	ck_assert_str_eq(csv_field(c, 0), "D\xc3\xa9sa\nbaru");
	ck_assert_int_eq(csv_line(c), 3);
	ck_assert_int_eq(next(c), 1);
	ck_assert_str_eq(csv_field(c, 0), "S\xc3\xa9kolah"); /* valid UTF-8 stays */
	ck_assert_str_eq(csv_field(c, 1), "bel\xef\xbf\xbdl");
	ck_assert_int_eq(next(c), 1);
	ck_assert_str_eq(csv_field(c, 1), "\xef\xbf\xbd"); /* undefined in Windows-1252 */
	ck_assert_int_eq(next(c), 0);
	st = csv_get_stats(c);
	ck_assert_int_eq(st->records, 4);
	ck_assert_int_eq(st->noted, 4);
	ck_assert_int_eq(st->rejected, 0);
	ck_assert_uint_eq(st->n_problems, 2);
	ck_assert_str_eq(st->problems[0].kind, "text not in UTF-8");
	ck_assert_int_eq(st->problems[0].count, 4);
	ck_assert_int_eq(st->problems[0].example_line[0], 1);
	ck_assert_int_eq(st->problems[0].example_line[1], 2);
	ck_assert_int_eq(st->problems[0].example_line[2], 3);
	ck_assert_int_eq(st->problems[0].example_line[3], 6);
	ck_assert_str_eq(st->problems[0].example_text[0], "text not in UTF-8: read as Windows-1252");
	ck_assert_str_eq(st->problems[1].kind, "control character in text");
	ck_assert_int_eq(st->problems[1].count, 1);
	ck_assert_int_eq(st->problems[1].example_line[0], 5);
	close_all(c, &t);
}
END_TEST

/* One byte above 0x7F at every offset of a long record against the 64-byte
 * blocks: that record, and no ASCII record beside it, is repaired. */
START_TEST(odd_byte_at_every_offset)
{
	enum { ROWS = 200 };
	char *text = malloc(ROWS * 3 * 200 + 16), want[200];
	size_t len = (size_t)sprintf(text, "a;b\n");
	struct tmpfile t;
	char err[256] = "";
	csv_reader *c;
	const csv_stats *st;

	ck_assert_ptr_nonnull(text);
	for (int r = 0; r < ROWS; r++) {
		len += (size_t)sprintf(text + len, "x;");
		for (int k = 0; k < r % 130; k++)
			text[len++] = 'a';
		len += (size_t)sprintf(text + len, "\xe9%s\nascii;only\n", r % 2 ? "\r" : "");
	}
	tmp_write(&t, text, len);
	c = csv_open(t.path, err, sizeof err);
	ck_assert_msg(c != NULL, "%s", err);
	for (int r = 0; r < ROWS; r++) {
		memset(want, 'a', (size_t)(r % 130));
		strcpy(want + r % 130, "\xc3\xa9");
		ck_assert_int_eq(next(c), 1);
		ck_assert_str_eq(csv_field(c, 1), want);
		ck_assert_int_eq(next(c), 1);
		ck_assert_str_eq(csv_field(c, 1), "only");
	}
	ck_assert_int_eq(next(c), 0);
	st = csv_get_stats(c);
	ck_assert_int_eq(st->noted, ROWS);
	ck_assert_uint_eq(st->n_problems, 1);
	ck_assert_int_eq(st->problems[0].count, ROWS);
	ck_assert_int_eq(st->problems[0].example_line[1], 4);
	close_all(c, &t);
	free(text);
}
END_TEST

/* A reason a plugin writes is repaired like the fields it may quote. */
START_TEST(reason_text_repaired)
{
	struct tmpfile t;
	csv_reader *c = open_text(&t, "a\n1\n");
	const csv_stats *st;

	ck_assert_int_eq(next(c), 1);
	csv_reject(c, "bad value: '%s'", "\xff\x1b");
	st = csv_get_stats(c);
	ck_assert_str_eq(st->problems[0].example_text[0],
	                 "bad value: '\xc3\xbf\xef\xbf\xbd'");
	close_all(c, &t);
}
END_TEST

/* Reasons keep no identifier: long digit runs keep their ends, quoted
 * words their first letter (redact.h). */
static const struct {
	const char *in, *out;
} redact_cases[] = {
	{ "unreadable weight: 'abc'", "unreadable weight: 'a…'" },
	{ "duplicate child: 6302092007000003 already on line 3",
	  "duplicate child: 6302…0003 already on line 3" },
	{ "bad rt: '123456789'", "bad rt: '12…89'" },
	{ "bad rt: '12345678'", NULL },
	{ "period 202306 is not 2023", NULL },
	{ "bad rt: '12345678901'", "bad rt: '12…01'" },
	{ "bad rt: '123456789012'", "bad rt: '1234…9012'" },
	{ "unreadable sex: 'Siti Aminah'", "unreadable sex: 'S… A…'" },
	{ "unreadable sex: 'Li'", NULL },
	{ "unknown status: '\xc3\x89lo\xc3\xafse'", "unknown status: '\xc3\x89…'" },
	{ "outside area: 63.01 is not in 63.02.09.2007", NULL },
	{ "no volume: target and realisation are both empty", NULL },
	{ "bad date: '2023-13-45' is neither a date nor a period", NULL },
	{ "bad date: '20230545'", NULL },
	{ "unreadable budget: '12,5 kg' counted as 0", NULL },
};

START_TEST(reasons_redacted)
{
	char *got = redact_reason(redact_cases[_i].in);

	if (redact_cases[_i].out)
		ck_assert_str_eq(got, redact_cases[_i].out);
	else
		ck_assert_ptr_null(got);
	free(got);
}
END_TEST

/* The reader masks what a plugin rejects or notes, kind included. */
START_TEST(reader_redacts_reasons)
{
	struct tmpfile t;
	csv_reader *c = open_text(&t, "nik;berat\n6302092007000051;Siti\n");
	const csv_stats *st;

	ck_assert_int_eq(next(c), 1);
	csv_reject(c, "duplicate KK: %s", csv_field(c, 0));
	csv_note(c, "unreadable weight: '%s'", csv_field(c, 1));
	st = csv_get_stats(c);
	ck_assert_str_eq(st->problems[0].kind, "duplicate KK");
	ck_assert_str_eq(st->problems[0].example_text[0], "duplicate KK: 6302…0051");
	ck_assert_str_eq(st->problems[1].example_text[0], "unreadable weight: 'S…'");
	close_all(c, &t);
}
END_TEST

#define N(a) ((int)(sizeof a / sizeof a[0]))

static Suite *csv_suite(void)
{
	Suite *s = suite_create("csv");
	TCase *tc = tcase_create("reader");

	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, excel_indonesian_export);
	tcase_add_test(tc, quoted_fields_and_lines);
	tcase_add_loop_test(tc, separator_detection, 0, N(sep_cases));
	tcase_add_test(tc, blank_lines_and_trimming);
	tcase_add_test(tc, tab_separated_keeps_empty_fields);
	tcase_add_test(tc, quotes_keep_crlf_and_count_lines);
	tcase_add_test(tc, header_lookup);
	tcase_add_test(tc, ambiguous_column_message);
	tcase_add_test(tc, records_must_fit_the_header);
	tcase_add_test(tc, unnamed_last_columns_may_be_missing);
	tcase_add_test(tc, a_failed_reader_stays_failed);
	tcase_add_test(tc, reject_and_note_statistics);
	tcase_add_test(tc, kind_without_colon_is_whole_text);
	tcase_add_test(tc, outside_rows_keep_their_values);
	tcase_add_test(tc, unterminated_quote);
	tcase_add_test(tc, unterminated_quote_in_header);
	tcase_add_test(tc, record_longer_than_buffer);
	tcase_add_test(tc, many_records_across_blocks);
	tcase_add_test(tc, reference_semicolon);
	tcase_add_test(tc, reference_tab);
	tcase_add_test(tc, empty_file);
	tcase_add_test(tc, only_bom_and_blank_lines);
	tcase_add_test(tc, header_only_file);
	tcase_add_test(tc, missing_file);
	tcase_add_test(tc, directory_is_a_read_error);
	tcase_add_test(tc, last_record_without_newline);
	tcase_add_test(tc, path_and_stats_path);
	tcase_add_test(tc, text_repaired_from_windows_1252);
	tcase_add_test(tc, odd_byte_at_every_offset);
	tcase_add_test(tc, reason_text_repaired);
	tcase_add_loop_test(tc, reasons_redacted, 0, N(redact_cases));
	tcase_add_test(tc, reader_redacts_reasons);
	suite_add_tcase(s, tc);

	tc = tcase_create("parsers");
	tcase_add_loop_test(tc, numbers, 0, N(number_cases));
	tcase_add_test(tc, negative_zero_and_huge);
	tcase_add_test(tc, read_hook_reaches_the_size);
	tcase_add_test(tc, template_rows_are_skipped);
	tcase_add_loop_test(tc, dates, 0, N(date_cases));
	suite_add_tcase(s, tc);
	return s;
}

/* The whole suite once with each scanner this machine has. */
int main(void)
{
	static const char *const scanners[] = { "avx2", "sse2", "plain" };
	int failed = 0, ran = 0;

	for (size_t i = 0; i < sizeof scanners / sizeof scanners[0]; i++) {
		SRunner *sr;
		if (csv_set_scanner(scanners[i]) < 0)
			continue;
		printf("scanner %s\n", scanners[i]);
		sr = srunner_create(csv_suite());
		srunner_run_all(sr, CK_NORMAL);
		failed += srunner_ntests_failed(sr);
		srunner_free(sr);
		ran++;
	}
	if (csv_set_scanner("auto") != 0 || csv_set_scanner("mmx") != -1) {
		printf("csv_set_scanner: wrong answer for auto or mmx\n");
		failed++;
	}
	return failed || ran == 0 ? EXIT_FAILURE : EXIT_SUCCESS;
}
