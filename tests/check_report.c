/*
 * check_report.c - the HTML, Markdown, CSV and XLSX writers and the
 * trends, on the hand-worked kecamatan of report_fixture.h: every expected
 * number below comes from the table in that header.
 */
#include <config.h>

#include <check.h>
#include <cjson/cJSON.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "conf.h"
#include "i18n.h"
#include "report_fixture.h"
#include "view_rows.h"

#define TOL 1e-9

static fixture fx;
static char *out;
static size_t outlen;

static void write_with(int (*fn)(const report_view *, FILE *, char *, size_t))
{
	FILE *f;

	free(out);
	out = NULL;
	f = open_memstream(&out, &outlen);
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(fn(&fx.view, f, NULL, 0), 0);
	fclose(f);
}

static void has(const char *needle)
{
	ck_assert_msg(strstr(out, needle) != NULL, "missing: %s", needle);
}

static void hasnt(const char *needle)
{
	ck_assert_msg(strstr(out, needle) == NULL, "unexpected: %s", needle);
}

static size_t count(const char *needle)
{
	size_t n = 0;

	for (const char *p = out; (p = strstr(p, needle)); p++)
		n++;
	return n;
}

static void kec_setup(void)
{
	ck_assert_int_eq(fixture_setup(&fx, FX_KEC, LANG_ID, 1), 0);
}

static void teardown(void)
{
	fixture_teardown(&fx);
	free(out);
	out = NULL;
}

START_TEST(trend_against_2023)
{
	const trend *t = fx.view.main.trend;
	int seen = 0;

	ck_assert_str_eq(t->prev_period, "2023");
	ck_assert_ptr_null(t->dims[0].model);
	/* Every stored period of the IKK, the run's own (not yet stored) last. */
	ck_assert_uint_eq(t->dims[0].n_history, 2);
	ck_assert_str_eq(t->dims[0].history[0].period, "2023");
	ck_assert_double_eq_tol(t->dims[0].history[0].value, 24 + 19.2 + 56.0 / 3, TOL);
	ck_assert_str_eq(t->dims[0].history[1].period, "2024");
	ck_assert_double_eq_tol(t->dims[0].history[1].value, 32 + 19.2 + 56.0 / 3, TOL);
	ck_assert_uint_eq(t->dims[1].n_history, 2);
	ck_assert_double_eq_tol(t->dims[0].prev, 24 + 19.2 + 56.0 / 3, TOL);
	ck_assert_double_eq_tol(t->dims[0].cur, 32 + 19.2 + 56.0 / 3, TOL);
	ck_assert_int_eq(t->dims[0].change, TREND_BETTER);
	for (size_t i = 0; i < t->n_rows; i++) {
		const trend_row *r = &t->rows[i];

		if (!strcmp(r->decl->full_id, "fam.a1")) {
			ck_assert_double_eq_tol(r->prev, 48, TOL);
			ck_assert_double_eq_tol(r->cur, 64, TOL);
			ck_assert_int_eq(r->change, TREND_BETTER);
			seen++;
		} else if (!strcmp(r->decl->full_id, "health.stunting")) {
			ck_assert_double_eq_tol(r->prev, 20, TOL);
			ck_assert_int_eq(r->change, TREND_SAME);
			seen++;
		}
	}
	ck_assert_int_eq(seen, 2);
	ck_assert_uint_eq(t->n_progress, 1);
	/* The kecamatan: 2023 from the store, and 2024, this report's own. */
	ck_assert_uint_eq(t->progress[0].n, 2);
	ck_assert_str_eq(t->progress[0].points[0].period, "2023");
	ck_assert_str_eq(t->progress[0].points[1].period, "2024");
	/* The village's own trend: a1 7/15 -> 11/15. */
	ck_assert_uint_eq(fx.view.n_villages, 2);
	ck_assert_str_eq(fx.view.villages[0].aa->code, FX_V1);
	ck_assert_str_eq(fx.view.villages[0].trend->prev_period, "2023");
	ck_assert_int_eq(trend_change_of(PK2D_LOWER_IS_BETTER, 5), TREND_WORSE);
	ck_assert_int_eq(trend_change_of(PK2D_NEUTRAL, 5), TREND_MOVED);
	ck_assert_int_eq(trend_change_of(PK2D_HIGHER_IS_BETTER, NAN), TREND_NONE);
}
END_TEST

/* printf's rounding read back, as trend_shown did it before its direct
 * path. */
static double shown_by_text(double x, int dec)
{
	char buf[400];

	snprintf(buf, sizeof buf, "%.*f", dec, x);
	return strtod(buf, NULL) + 0.0;
}

static void assert_shown(double x, int dec)
{
	double a = trend_shown(x, dec), b = shown_by_text(x, dec);

	ck_assert_msg(memcmp(&a, &b, sizeof a) == 0, "trend_shown(%.17g, %d) = %.17g, printf %.17g",
	              x, dec, a, b);
}

/* trend_shown rounds as printf shows: the decimal halves (which are not
 * halves in binary, 2.675 below 2.675), exact halves, negatives and -0,
 * every thousandth and, from a fixed seed, numbers of every magnitude. */
START_TEST(shown_as_printf)
{
	static const double some[] = { 0.05, 0.15, 0.25, 0.35, 2.675, 1.005, 1.115, -0.05,
	                               -2.5, 0.5, 1.5, 2.5, -0.5, -0.04, -0.0, 0.0, 1e-300,
	                               -1e-300, 4503599627370495.5, 9.995, 99.95, 1e15,
	                               123456789.125, 0.1 + 0.2 };
	uint64_t state = 42;

	for (size_t i = 0; i < sizeof some / sizeof *some; i++)
		for (int dec = 0; dec <= 9; dec++)
			assert_shown(some[i], dec);
	for (int k = -200000; k <= 200000; k++)
		for (int dec = 0; dec <= 3; dec++)
			assert_shown(k / 1000.0, dec);
	for (int i = 0; i < 300000; i++) {
		uint64_t bits;
		double x;

		state = state * 6364136223846793005u + 1442695040888963407u;
		bits = state;
		/* A mantissa at random, a magnitude from 1e-6 to 1e16, a sign. */
		x = (double)(bits >> 11) / 9007199254740992.0 * pow(10, (double)(bits % 23) - 6);
		if (bits & 1024)
			x = -x;
		assert_shown(x, (int)(bits >> 5) % 6);
	}
}
END_TEST

/* A trend's change is the difference of the values as shown, rounded as
 * the reports round them: 90,8 -> 89,4 is -1,4 (not -1,32 shown -1,3);
 * a mean -0,86 -> -0,88 and a share 0,3 -> 0,4 changed (under the 0.05
 * they were "same" by once); "same" only when the shown values are equal.
 * The trend table shows that change, and the IKK's and dimensions' codes. */
START_TEST(trend_change_as_shown)
{
	trend *t = (trend *)fx.view.main.trend;
	view_table vt;
	int seen = 0;

	ck_assert_double_eq(trend_delta(90.76, 1, 89.44, 1), -1.4);
	ck_assert_double_eq(trend_delta(-0.861, 2, -0.879, 2), -0.02);
	ck_assert_int_eq(trend_change_of(PK2D_HIGHER_IS_BETTER, trend_delta(-0.861, 2, -0.879, 2)),
	                 TREND_WORSE);
	ck_assert_double_eq(trend_delta(0.34, 1, 0.36, 1), 0.1);
	ck_assert_int_eq(trend_change_of(PK2D_LOWER_IS_BETTER, trend_delta(0.34, 1, 0.36, 1)),
	                 TREND_WORSE);
	ck_assert_double_eq(trend_delta(0.31, 1, 0.34, 1), 0);
	ck_assert_int_eq(trend_change_of(PK2D_LOWER_IS_BETTER, trend_delta(0.31, 1, 0.34, 1)),
	                 TREND_SAME);
	ck_assert_double_eq(trend_delta(25, 0, 25.5, 1), 0.5);
	ck_assert_double_eq(trend_delta(0.3, 1, 0.1, 1), -0.2);
	ck_assert(isnan(trend_delta(NAN, 1, 3, 1)));
	/* Rounded as the reports print: a half to even as printf does. */
	ck_assert_double_eq(trend_shown(0.25, 1), strtod(i18n_fmt(LANG_EN, 0.25, 1), NULL));
	ck_assert_double_eq(trend_shown(0.35, 1), strtod(i18n_fmt(LANG_EN, 0.35, 1), NULL));
	ck_assert_double_eq(trend_shown(-0.004, 2), 0);
	ck_assert(!signbit(trend_shown(-0.004, 2)));

	for (size_t i = 0; i < t->n_rows; i++)
		if (!strcmp(t->rows[i].decl->full_id, "fam.a1")) {
			t->rows[i].prev = 90.76;
			t->rows[i].cur = 89.44;
			t->rows[i].delta = trend_delta(90.76, 1, 89.44, 1);
		}
	view_trend_table(&fx.view, t, &vt);
	ck_assert_str_eq(view_cell(&vt, 0, 0), "ikk");
	ck_assert_str_eq(view_cell(&vt, 0, 1), "IKK");
	ck_assert_str_eq(view_cell(&vt, 1, 0), "dim.a");
	for (size_t r = 0; r < vt.n_rows; r++)
		if (!strcmp(view_cell(&vt, r, 2), "90,8")) {
			ck_assert_str_eq(view_cell(&vt, r, 3), "89,4");
			ck_assert_str_eq(view_cell(&vt, r, 4), "-1,4");
			seen++;
		}
	ck_assert_int_eq(seen, 1);
	view_table_free(&vt);
}
END_TEST

/* An area's word before its name, unless the name says its level. */
START_TEST(area_title_once)
{
	char b[128];

	ck_assert_str_eq(i18n_area_title(LANG_ID, "63.02", "Kabupaten Kotabaru", b, sizeof b),
	                 "Kabupaten Kotabaru");
	ck_assert_str_eq(i18n_area_title(LANG_ID, "63.72", "Kota Banjarbaru", b, sizeof b),
	                 "Kota Banjarbaru");
	ck_assert_str_eq(i18n_area_title(LANG_EN, "63.72", "KOTA BANJARBARU", b, sizeof b),
	                 "KOTA BANJARBARU");
	ck_assert_str_eq(i18n_area_title(LANG_ID, "63.72.02", "Liang Anggang", b, sizeof b),
	                 "Kecamatan Liang Anggang");
	ck_assert_str_eq(i18n_area_title(LANG_ID, "63.72.02.2001", "Kotabaru", b, sizeof b),
	                 "Desa Kotabaru");
	ck_assert_str_eq(i18n_area_title(LANG_ID, "63.02", NULL, b, sizeof b), "Kabupaten/Kota 63.02");
}
END_TEST

/* Splits one CSV record (RFC 4180) into fields; returns the count. */
static size_t csv_fields(const char **p, char fields[][256], size_t max)
{
	size_t n = 0, k = 0;
	int quoted = 0, start = 1;
	const char *s = *p;

	for (; *s; s++) {
		if (start && *s == '"') {
			quoted = 1;
			start = 0;
			continue;
		}
		start = 0;
		if (quoted && *s == '"' && s[1] == '"') {
			fields[n][k++] = '"';
			s++;
		} else if (quoted && *s == '"') {
			quoted = 0;
		} else if (!quoted && (*s == ',' || *s == '\r')) {
			fields[n][k] = 0;
			n++;
			k = 0;
			start = 1;
			if (*s == '\r') {
				s += 2;
				break;
			}
		} else {
			fields[n][k++] = *s;
		}
		ck_assert_uint_lt(k, 255);
		ck_assert_uint_lt(n, max);
	}
	*p = s;
	return n;
}

START_TEST(csv_long_format)
{
	const char *p;
	char fields[16][256];
	size_t rows = 0;

	write_with(report_csv_write);
	has("kind,area,area_name,level,rt,period,id,label,agency,unit,numerator,denominator,"
	    "value,target,status\r\n");
	has("\nindicator,63.02.09.2007,\"<script>alert(1)</script> & \"\"Sang\"\"\",4,1,2024,"
	    "fam.a1,\"<script>alert(\"\"x\"\")</script>\",\"'=HYPERLINK(\"\"http://x\"\","
	    "\"\"y\"\")\",%,8,10,80,,good\r\n");
	has(",4,2,2024,fam.a1,");
	has(",%,3,5,60,,attention\r\n");
	has("\nindicator,63.02.09.2008,'=cmd|' /C calc'!A0,4,,2024,fam.b1,'@SUM(1),");
	has(",%,9,10,90,,good\r\n");
	has("\nindicator,63.02.09,Kelumpang Tengah,3,,2024,health.stunting,'-2+3,"
	    "Dinas Kesehatan,%,2,10,20,14.2,off_target\r\n");
	/* A negative number stays a number. */
	has(",4,1,2024,fam.z,Rerata z,");
	has(",,-3,2,-1.5,,\r\n");
	has(",fam.c1,\"Tab\t& 'quote'\nline\",");
	has("\nintervention,63.02.09.2007,");
	has(",2024,fam.kelas,'+kelas parenting,");
	has(",KK,15,20,75,,\r\n");
	has("\nikk,63.02.09,Kelumpang Tengah,3,,2024,ikk,Indeks Kualitas Keluarga (IKK),,,,,"
	    "69.86666667,,mid\r\n");
	has("\ndimension,63.02.09.2008,'=cmd|' /C calc'!A0,4,,2024,dim.a,Dimensi A,,,,,50,,\r\n");
	/* Every record has 15 fields, and no text field could start a formula:
	 * a field starting with = + - @ is a number. */
	for (p = out; *p; rows++) {
		size_t n = csv_fields(&p, fields, 16);

		ck_assert_uint_eq(n, 15);
		for (size_t i = 0; i < n; i++)
			if (strchr("=+-@\t\r", fields[i][0]) && fields[i][0]) {
				char *end;

				strtod(fields[i], &end);
				ck_assert_msg(*end == 0, "formula text in a cell: %s", fields[i]);
			}
	}
	/* Header; ikk + 3 dimensions for the 3 areas, for RT 1 and 2 of 2007
	 * and for the no-RT part of 2008; indicator rows a1 5 (kecamatan, 2007,
	 * its RT 1 and 2, 2008), b1 5, c1 4, kk 5, stunting 3, z 3, the six
	 * health data-quality indicators 3 each (2007 RT 1, 2007, kecamatan);
	 * the intervention in 2007 and the kecamatan; for the kecamatan and 2007
	 * (2008 has no health data) the class of stunting and the 2 + 5 cells
	 * of the two declared tables. Problems and planner: the kecamatan's
	 * a1, b1 and stunting (3 problem records, 5 worst villages, 3 actions,
	 * 3 plan_change, 3 plan_where) and its IKK plan (ikk_plan, 1 move,
	 * ikk_at_lines); 2007's the same with 5 worst and 4 where RTs; 2008's
	 * a1 (1 worst, 1 action, 1 change, 1 where) and its IKK plan. */
	ck_assert_uint_eq(rows, 1 + 12 + 8 + 4 + 25 + 18 + 2 + 2 * (1 + 7) +
	                        (3 + 5 + 3 + 3 + 3 + 3) + (3 + 5 + 3 + 3 + 4 + 3) +
	                        (1 + 1 + 1 + 1 + 1 + 3));
	/* A problem record, then its worst place, action and plan. */
	has("\nproblem,63.02.09.2008,'=cmd|' /C calc'!A0,4,,2024,fam.a1,");
	has("\nagency_problem,63.02.09.2007,\"<script>alert(1)</script> & \"\"Sang\"\"\",4,,2024,"
	    "health.stunting,'-2+3,Dinas Kesehatan,%,");
}
END_TEST

/* The excel-id dialect: a byte order mark, ';' between cells, a decimal
 * comma; the same records otherwise. */
START_TEST(csv_excel_id_dialect)
{
	char *rfc;
	size_t lines;

	write_with(report_csv_write);
	rfc = strdup(out);
	fx.view.csv_dialect = CONF_CSV_EXCEL_ID;
	write_with(report_csv_write);
	ck_assert_int_eq(strncmp(out, "\xEF\xBB\xBFkind;area;area_name;level;rt;period;id;"
	                 "label;agency;unit;numerator;denominator;value;target;status\r\n", 102), 0);
	has("indicator;63.02.09.2007;\"<script>alert(1)</script> & \"\"Sang\"\"\";4;;2024;"
	    "fam.z;Rerata z;\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\";;-3;2;-1,5;;\r\n");
	has(";2024;ikk;Indeks Kualitas Keluarga (IKK);;;;;69,86666667;;mid\r\n");
	hasnt("69.86666667");
	/* As many records as in RFC 4180. */
	lines = count("\r\n");
	free(out);
	out = rfc;
	ck_assert_uint_eq(count("\r\n"), lines);
}
END_TEST

START_TEST(html_escaped_and_complete)
{
	write_with(report_html_write);
	ck_assert_int_eq(strncmp(out, "<!DOCTYPE html>\n<html lang=\"id\">", 32), 0);
	/* Nothing from data becomes markup: no script element at all. */
	ck_assert_ptr_null(strcasestr(out, "<script"));
	has("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Sang&quot;");
	has("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
	has("=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)");
	has("killed by signal 11 (&lt;Segmentation fault&gt;)");
	/* A plugin's status keeps its light and word on one line. */
	has("<td class=\"st\"><span class=\"dot good\"></span>berhasil</td>");
	has("data/keluarga &quot;2024&quot;.csv");
	has("unreadable &lt;answer&gt;: 2 (Contoh baris 7, 12)");
	has("<p class=\"note\">Catatan: Data sintetis: &lt;b&gt;bukan&lt;/b&gt; data nyata &amp; "
	    "&quot;uji&quot;</p>");
	/* No external resource and no script: self-contained. */
	hasnt("src=");
	hasnt("href=\"http");
	hasnt("url(");
	hasnt("@import");
	/* The summary, the kecamatan and both villages, each with its charts:
	 * a radar, the indicator bars and a heat map (3 x 3), plus the coverage
	 * series of the intervention stored for 2023 in the kecamatan and in
	 * 2007 (2), the scores over the two stored periods of each (3),
	 * each problem indicator over them (7), and the summary's top-down
	 * charts: the villages by IKK and by the headline figure, the lowest
	 * indicators and the villages by category (4). */
	has("<h2>Ringkasan desa</h2>");
	has("<a href=\"#area-63.02.09.2007\">");
	has("<section class=\"area\" id=\"area-63.02.09.2008\">");
	ck_assert_uint_eq(count("<svg "), 3 * 3 + 2 + 3 + 7 + 4);
	ck_assert_uint_eq(count("<section class=\"area\""), 4);
	/* The IKK and the trend in Indonesian number format. */
	has("<div class=\"ikk\">69,87</div>");
	has("<tr><td>ikk</td><td>IKK</td><td class=\"n\">61,87</td><td class=\"n\">69,87</td>"
	    "<td class=\"n\">+8,00</td><td class=\"st\"><span class=\"dot good\"></span>membaik"
	    "</td></tr>");
	has("@page{size:A4");
	has("<td class=\"n\">1.000.000</td>");
	/* health.stunting 20 % at the kecamatan: WHO-UNICEF "high" (20-<30). */
	has("<small>Kelas: tinggi</small>");
	/* The planner's IKK line and table from the view's rows, escaped. */
	has("<p>IKK 69,87: Kategori berikutnya Tinggi (\xe2\x89\xa5 75,00); Perubahan KK-indikator "
	    "paling sedikit: 3 (A1 3 \xc3\x97 2,000)<br>");
	has("<th class=\"n\">No</th><th>Indikator</th><th class=\"n\">Harus berubah</th>");
}
END_TEST

START_TEST(markdown_escaped)
{
	write_with(report_md_write);
	has("# Ringkasan Penilaian Kualitas Keluarga — Kecamatan Kelumpang Tengah");
	has("\\<script\\>alert(1)\\</script\\> \\& \"Sang\"");
	has("| A1 \\<script\\>alert(\"x\")\\</script\\> |");
	has("**IKK: 69,87** — Sedang");
	has("**Catatan:** Data sintetis: \\<b\\>bukan\\</b\\> data nyata \\& \"uji\"");
	/* The c1 label's line break does not break the table row. */
	has("| C1 | Tab\t\\& 'quote' line |");
	/* The planner's IKK line from the same view rows as HTML. */
	has("\nIKK 69,87: Kategori berikutnya Tinggi (\xe2\x89\xa5 75,00); Perubahan KK-indikator "
	    "paling sedikit: 3 (A1 3 \xc3\x97 2,000)\n");
	has("| No | Indikator | Harus berubah |");
}
END_TEST

START_TEST(xlsx_is_a_zip)
{
	char path[128], err[256];
	FILE *f;
	unsigned char sig[4];

	snprintf(path, sizeof path, "%s/r.xlsx", fx.dir);
	f = fopen(path, "wb");
	ck_assert_int_eq(report_xlsx_write(&fx.view, f, err, sizeof err), 0);
	fclose(f);
	f = fopen(path, "rb");
	ck_assert_uint_eq(fread(sig, 1, 4, f), 4);
	fclose(f);
	ck_assert(sig[0] == 'P' && sig[1] == 'K' && sig[2] == 3 && sig[3] == 4);
}
END_TEST

/* The highest N of the "xl/worksheets/sheetN.xml" names in a workbook (zip
 * file names are stored uncompressed): its number of sheets. */
static int xlsx_sheets(const char *path)
{
	static const char name[] = "xl/worksheets/sheet";
	FILE *f = fopen(path, "rb");
	char *buf, *p;
	long n;
	int most = 0;

	ck_assert_ptr_nonnull(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = malloc((size_t)n + 1);
	ck_assert_uint_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	for (p = buf; (p = memmem(p, (size_t)(buf + n - p), name, sizeof name - 1)) != NULL;
	     p += sizeof name - 1) {
		int k = atoi(p + sizeof name - 1);

		if (k > most)
			most = k;
	}
	free(buf);
	return most;
}

/* With room for 2 rows under the header, the Data table of D rows takes
 * ceil(D / 2) sheets; at the full limit it takes one. */
START_TEST(xlsx_long_table_continues)
{
	char path[128], err[256];
	long rows = 0;
	int whole, parts;
	FILE *f;

	rows = report_view_n_values(&fx.view);
	ck_assert_int_gt(rows, 4);
	snprintf(path, sizeof path, "%s/whole.xlsx", fx.dir);
	f = fopen(path, "wb");
	ck_assert_int_eq(report_xlsx_write(&fx.view, f, err, sizeof err), 0);
	fclose(f);
	whole = xlsx_sheets(path);
	report_xlsx_set_row_limit(3);
	snprintf(path, sizeof path, "%s/parts.xlsx", fx.dir);
	f = fopen(path, "wb");
	ck_assert_int_eq(report_xlsx_write(&fx.view, f, err, sizeof err), 0);
	fclose(f);
	report_xlsx_set_row_limit(0);
	parts = xlsx_sheets(path);
	ck_assert_int_eq(parts - whole, (int)((rows + 1) / 2) - 1);
}
END_TEST

START_TEST(json_trend_and_villages)
{
	const report_view *ctx = &fx.view;
	char err[256];
	cJSON *root, *as, *t, *vil, *sum, *e;
	FILE *f;

	free(out);
	out = NULL;
	f = open_memstream(&out, &outlen);
	ck_assert_int_eq(report_json_write(ctx, f, err, sizeof err), 0);
	fclose(f);
	root = cJSON_Parse(out);
	ck_assert_ptr_nonnull(root);
	ck_assert_int_eq(cJSON_GetObjectItem(root, "schema")->valueint, 7);
	as = cJSON_GetObjectItem(root, "assessment");
	t = cJSON_GetObjectItem(cJSON_GetObjectItem(as, "area"), "trend");
	ck_assert_str_eq(cJSON_GetObjectItem(t, "previous_period")->valuestring, "2023");
	e = cJSON_GetArrayItem(cJSON_GetObjectItem(t, "scores"), 0);
	ck_assert_str_eq(cJSON_GetObjectItem(e, "item")->valuestring, "ikk");
	ck_assert_double_eq_tol(cJSON_GetObjectItem(e, "previous")->valuedouble,
	                        24 + 19.2 + 56.0 / 3, 1e-9);
	ck_assert_str_eq(cJSON_GetObjectItem(e, "change")->valuestring, "better");
	e = cJSON_GetArrayItem(cJSON_GetObjectItem(t, "indicators"), 0);
	ck_assert_str_eq(cJSON_GetObjectItem(e, "id")->valuestring, "fam.a1");
	ck_assert_double_eq_tol(cJSON_GetObjectItem(e, "current")->valuedouble, 64, 1e-9);
	e = cJSON_GetArrayItem(cJSON_GetObjectItem(t, "interventions"), 0);
	ck_assert_str_eq(cJSON_GetObjectItem(e, "id")->valuestring, "fam.kelas");
	e = cJSON_GetArrayItem(cJSON_GetObjectItem(e, "periods"), 0);
	ck_assert_str_eq(cJSON_GetObjectItem(e, "period")->valuestring, "2023");
	ck_assert_double_eq(cJSON_GetObjectItem(e, "coverage")->valuedouble, 75);
	vil = cJSON_GetObjectItem(as, "villages");
	ck_assert_int_eq(cJSON_GetArraySize(vil), 2);
	e = cJSON_GetArrayItem(vil, 1);
	ck_assert_str_eq(cJSON_GetObjectItem(e, "code")->valuestring, FX_V2);
	ck_assert_str_eq(cJSON_GetObjectItem(e, "name")->valuestring, "=cmd|' /C calc'!A0");
	ck_assert_double_eq(cJSON_GetObjectItem(e, "ikk")->valuedouble, 68);
	sum = cJSON_GetObjectItem(as, "summary");
	e = cJSON_GetArrayItem(sum, 0);
	ck_assert_str_eq(cJSON_GetObjectItem(e, "code")->valuestring, FX_KEC);
	ck_assert_double_eq(cJSON_GetObjectItem(cJSON_GetObjectItem(e, "headlines"),
	                                        "health.stunting")->valuedouble, 20);
	cJSON_Delete(root);
}
END_TEST

START_TEST(text_trend_villages_and_control_characters)
{
	const report_view *ctx = &fx.view;
	char err[256];
	FILE *f;

	free(out);
	out = NULL;
	f = open_memstream(&out, &outlen);
	ck_assert_int_eq(report_text_write(ctx, f, err, sizeof err), 0);
	fclose(f);
	/* Not a terminal: no colour; no control character but line feeds. */
	for (size_t i = 0; i < outlen; i++)
		ck_assert_msg((unsigned char)out[i] >= 0x20 || out[i] == '\n',
		              "control character %d at %zu", out[i], i);
	has("Jumlah KK");
	has("== Tren ==");
	/* Right-aligned columns: "2024" in the header ends where "69,87" ends
	 * in the IKK row under it (both lines are ASCII: bytes are columns). */
	{
		const char *tren = strstr(out, "== Tren ==");
		const char *head = strstr(tren, "\n  Kode  "), *ikk = head ? strchr(head + 1, '\n') : NULL;

		ck_assert_ptr_nonnull(head);
		ck_assert_ptr_nonnull(ikk);
		ck_assert_ptr_nonnull(strstr(ikk, " IKK  "));
		ck_assert_int_eq(strstr(head, "2024") + 4 - head, strstr(ikk, "69,87") + 5 - ikk);
		ck_assert_ptr_nonnull(strstr(ikk, "61,87  69,87  "));
		ck_assert_int_eq(strncmp(strstr(ikk, "8,00"), "8,00  membaik\n", 14), 0);
	}
	has("######## Penilaian per desa 63.02.09.2008 =cmd|' /C calc'!A0 ########");
	has("\nCatatan: Data sintetis: <b>bukan</b> data nyata & \"uji\"\n");
}
END_TEST

static void write_text_report(void)
{
	const report_view *ctx = &fx.view;
	char err[256];
	FILE *f;

	free(out);
	out = NULL;
	f = open_memstream(&out, &outlen);
	ck_assert_int_eq(report_text_write(ctx, f, err, sizeof err), 0);
	fclose(f);
}

/* Every number of the text report with the language's decimal mark, as in
 * HTML and Markdown: IKK 32 + 19.2 + 56/3 = 69.87; dimension weight 0.5;
 * the intervention 15 / 20 = 75 %; a1 in the kecamatan 16 / 25 = 64 %. */
START_TEST(text_numbers_in_indonesian)
{
	write_text_report();
	has("  IKK 69,87  Sedang\n");
	has("  0,5      ");
	has("target 20, realisasi 15 KK, cakupan 75,00 %\n");
	has("- +kelas parenting [=HYPERLINK(\"http://x\",\"y\")]: target 20, realisasi 15, "
	    "cakupan 75,00 %\n");
	has("total 63.02.09 (Kelumpang Tengah) 2024: 64,00 (16 / 25)\n");
	has("anggaran 1.000.000\n");
	hasnt("69.87");
	hasnt("75.00");
	hasnt("64.00");
	/* The kinds and directions of the values as reported, in Indonesian. */
	has("[proporsi, makin tinggi makin baik, ");
	has("[jumlah, netral, KK]");
	hasnt("higher is better");
	hasnt("[count, ");
}
END_TEST

/* fam.kk is a count: 10 + 5 in V1 (two reports), 10 in V2, 25 in the
 * kecamatan (three reports). Its value is the count, never shown over the
 * number of reports; CSV keeps the sums with the count as the value. */
START_TEST(counts_without_denominator)
{
	write_text_report();
	has("total 63.02.09 (Kelumpang Tengah) 2024: 25\n");
	hasnt("(25 / 3)");
	hasnt("(10 / 1)");
	hasnt("25,00");
	/* The agency table: the count alone, without decimals. */
	has("    4 KK                  -         25           -  -              -              Jumlah KK\n");
	write_with(report_csv_write);
	has(",2024,fam.kk,Jumlah KK,");
	has(",KK,25,3,25,,\r\n");
	has(",KK,15,2,15,,\r\n");
	write_with(report_md_write);
	has("| 4 | Jumlah KK | KK | - | 25 | - | - | - |\n");
	/* Its trend row: 25 in both years, no decimals. */
	has("| Jumlah KK | 25 | 25 | 0 | tetap |\n");
	write_with(report_html_write);
	has("</td><td>KK</td><td class=\"n\">-</td><td class=\"n\">25</td><td class=\"n\">-</td>");
}
END_TEST

/* What report_fixture.h's "health" declares, in every format: V1 and the
 * kecamatan have 10 children, 2 rows rejected; zlen n 9, 10 % flagged,
 * 0 % missing, mean -1, SD sqrt(1.125) = 1.06; stunting 20 % is in the
 * class "tinggi" from 20 on. V2 has no health data, so no table. */
START_TEST(declared_presentation_everywhere)
{
	cJSON *root, *tables, *x;
	FILE *f;
	char err[256];
	const report_view *ctx = &fx.view;

	write_text_report();
	has("  Mutu data pengukuran balita\n  Indeks                                        n   "
	    "Ditandai (%)  Tidak ada (%)    Rata-rata z           SD z\n");
	has("  TB/U (zlen)                                   9           10,0            0,0"
	    "          -1,00           1,06\n");
	has("  n: <catatan> & \"uji\"\n");
	has("  belum tercapai belum tercapai -2+3 (Kelas: tinggi)\n");
	has("  Sumber kelas: Sumber <b>kelas</b> & \"uji\"\n");
	write_with(report_html_write);
	has("<h4>Mutu data pengukuran balita</h4>\n<table class=\"hq\" style=\"width:auto\"><thead><tr>"
	    "<th>Indeks</th><th class=\"n\">n</th>");
	has("<tr><td>TB/U (zlen)</td><td class=\"n\">9</td><td class=\"n\">10,0</td>"
	    "<td class=\"n\">0,0</td><td class=\"n\">-1,00</td><td class=\"n\">1,06</td></tr>");
	has("<small>Kelas: tinggi</small>");
	has("Sumber kelas: Sumber &lt;b&gt;kelas&lt;/b&gt; &amp; &quot;uji&quot;</p>");
	has("<tr><td>Balita</td><td class=\"n\">10</td><td class=\"n\">2</td></tr>");
	has("<th class=\"n\">-2+3 (%)</th>");
	/* The kecamatan and V1; not V2. */
	ck_assert_uint_eq(count("<h4>Mutu data pengukuran balita</h4>"), 2);
	write_with(report_md_write);
	has("#### Mutu data pengukuran balita\n\n| Indeks | n | Ditandai (%) | Tidak ada (%) |"
	    " Rata-rata z | SD z |\n");
	has("| TB/U (zlen) | 9 | 10,0 | 0,0 | -1,00 | 1,06 |\n");
	has(" (Kelas: tinggi) | belum tercapai |\n");

	free(out);
	out = NULL;
	f = open_memstream(&out, &outlen);
	ck_assert_int_eq(report_json_write(ctx, f, err, sizeof err), 0);
	fclose(f);
	root = cJSON_Parse(out);
	ck_assert_ptr_nonnull(root);
	ck_assert_int_eq(cJSON_GetObjectItem(root, "schema")->valueint, 7);
	tables = cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetObjectItem(root, "assessment"),
	                                                 "area"), "tables");
	ck_assert_int_eq(cJSON_GetArraySize(tables), 2);
	x = cJSON_GetArrayItem(tables, 1);
	ck_assert_str_eq(cJSON_GetObjectItem(x, "id")->valuestring, "health.zscores");
	ck_assert_str_eq(cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(x, "columns"),
	                                                        4), "rule")->valuestring, "sd");
	x = cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(x, "rows"), 0), "cells");
	ck_assert_double_eq(cJSON_GetArrayItem(x, 0)->valuedouble, 9);
	ck_assert_double_eq_tol(cJSON_GetArrayItem(x, 1)->valuedouble, 10, TOL);
	ck_assert_double_eq_tol(cJSON_GetArrayItem(x, 4)->valuedouble, sqrt(1.125), TOL);
	/* V2 (the second village) has none. */
	x = cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetObjectItem(root, "assessment"),
	                                           "villages"), 1);
	ck_assert_int_eq(cJSON_GetArraySize(cJSON_GetObjectItem(x, "tables")), 0);
	/* The stunting row's class, and the summary's headline. */
	x = cJSON_GetObjectItem(cJSON_GetObjectItem(root, "assessment"), "summary");
	ck_assert_double_eq_tol(cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetArrayItem(x, 0),
	                                                                "headlines"),
	                                            "health.stunting")->valuedouble, 20, TOL);
	x = cJSON_GetArrayItem(cJSON_GetObjectItem(root, "indicators"), 5);
	ck_assert_str_eq(cJSON_GetObjectItem(x, "id")->valuestring, "health.stunting");
	ck_assert(cJSON_IsTrue(cJSON_GetObjectItem(x, "headline")));
	ck_assert_str_eq(cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(x, "classes"),
	                                                        1), "key")->valuestring, "high");
	cJSON_Delete(root);
}
END_TEST

START_TEST(english_village_without_store)
{
	fixture_teardown(&fx);
	ck_assert_int_eq(fixture_setup(&fx, FX_V1, LANG_EN, 0), 0);
	ck_assert_uint_eq(fx.view.n_villages, 0);
	ck_assert_int_eq(fx.view.wide, 0);
	write_with(report_html_write);
	has("<html lang=\"en\">");
	has("<div class=\"ikk\">70.67</div>");
	has("The history store is off (store = none).");
	hasnt("Village summary");
	/* The village's 2 RTs in its heat map, its radar and bars. */
	ck_assert_uint_eq(count("<svg "), 3);
	has(">RT 1</text>");
	has("A one");
	write_with(report_md_write);
	has("## 4. Problems");
	/* The text report: points in English. V1: IKK 70.67, the intervention
	 * 75 %, a1 11 / 15 = 73.33 %. */
	write_text_report();
	has("  IKK 70.67  ");
	has("target 20, realised 15 KK, coverage 75.00 %\n");
	has("2024: 73.33 (11 / 15)\n");
	has("budget 1,000,000\n");
	hasnt("70,67");
}
END_TEST

static cJSON *json_report(void)
{
	const report_view *ctx = &fx.view;
	char err[256];
	cJSON *root;
	FILE *f;

	free(out);
	out = NULL;
	f = open_memstream(&out, &outlen);
	ck_assert_int_eq(report_json_write(ctx, f, err, sizeof err), 0);
	fclose(f);
	root = cJSON_Parse(out);
	ck_assert_ptr_nonnull(root);
	return root;
}

/* A kecamatan run lists its totals, not the values as reported: neither
 * V1's RT 1 (fam.kk 10, a1 8/10) nor V2's a1 5/10; its JSON has null value
 * lists. The totals stay: kk 10 + 5 + 10 = 25, a1 16/25. */
START_TEST(kecamatan_without_raw_values)
{
	cJSON *root;

	write_text_report();
	has("total 63.02.09 (Kelumpang Tengah) 2024: 25\n");
	has("total 63.02.09 (Kelumpang Tengah) 2024: 64,00 (16 / 25)\n");
	hasnt(" RT 1 2024: ");
	hasnt("    63.02.09.2008 2024: ");
	hasnt("(8 / 10)");
	root = json_report();
	ck_assert(cJSON_IsNull(cJSON_GetObjectItem(root, "values")));
	ck_assert(cJSON_IsNull(cJSON_GetObjectItem(root, "intervention_values")));
	cJSON_Delete(root);
}
END_TEST

/* A village run lists every value as reported there: V1's RT 1 and 2 of a1
 * (8/10 = 80 %, 3/5 = 60 %), kk 10 at RT 1, the intervention without RT;
 * not its roll-up (11/15) as a value without RT, and nothing of V2 (a
 * --split village report sees the whole run's registry). */
START_TEST(village_with_raw_values)
{
	const cJSON *v, *a1rt2 = NULL, *kel = NULL;
	cJSON *root;
	int rt1 = 0;

	fixture_teardown(&fx);
	ck_assert_int_eq(fixture_setup(&fx, FX_V1, LANG_ID, 0), 0);
	write_text_report();
	has("    63.02.09.2007 RT 1 2024: 80,00 (8 / 10)\n");
	has("    63.02.09.2007 RT 2 2024: 60,00 (3 / 5)\n");
	has("    63.02.09.2007 RT 1 2024: 10\n");
	has("    63.02.09.2007 2024: target 20, realisasi 15, anggaran 1.000.000\n");
	hasnt("    63.02.09.2007 2024: 73,33");
	hasnt("    63.02.09.2008 ");
	root = json_report();
	cJSON_ArrayForEach(v, cJSON_GetObjectItem(root, "values")) {
		const cJSON *rt = cJSON_GetObjectItem(v, "rt");
		const char *id = cJSON_GetObjectItem(v, "indicator")->valuestring;

		if (!strcmp(id, "fam.a1") && cJSON_IsNumber(rt) && rt->valueint == 2)
			a1rt2 = v;
		if (cJSON_IsNumber(rt) && rt->valueint == 1)
			rt1++;
		ck_assert_str_eq(cJSON_GetObjectItem(v, "area")->valuestring, FX_V1);
	}
	ck_assert_ptr_nonnull(a1rt2);
	ck_assert_double_eq(cJSON_GetObjectItem(a1rt2, "numerator")->valuedouble, 3);
	ck_assert_double_eq(cJSON_GetObjectItem(a1rt2, "denominator")->valuedouble, 5);
	/* RT 1 of V1: a1, b1, c1, kk, stunting, z and the six data-quality
	 * indicators. */
	ck_assert_int_eq(rt1, 12);
	kel = cJSON_GetArrayItem(cJSON_GetObjectItem(root, "intervention_values"), 0);
	ck_assert_ptr_nonnull(kel);
	ck_assert_str_eq(cJSON_GetObjectItem(kel, "intervention")->valuestring, "fam.kelas");
	ck_assert_double_eq(cJSON_GetObjectItem(kel, "realised")->valuedouble, 15);
	cJSON_Delete(root);
}
END_TEST

/* A national run (area all) is named as such: the Markdown summary's title
 * and its roll-up row of the whole country (the kecamatan's IKK 69.87, the
 * only data), in both languages. */
START_TEST(national_level_named)
{
	fixture_teardown(&fx);
	ck_assert_int_eq(fixture_setup(&fx, AREA_ALL, LANG_ID, 0), 0);
	write_with(report_md_write);
	has("# Ringkasan Penilaian Kualitas Keluarga — Nasional Indonesia\n");
	has("| 1 | all | Indonesia | Nasional | 69,87 | ");
	fixture_teardown(&fx);
	ck_assert_int_eq(fixture_setup(&fx, AREA_ALL, LANG_EN, 0), 0);
	write_with(report_md_write);
	has(" — National Indonesia\n");
}
END_TEST

/* Cuts out the text from the first from to the next to (the agency
 * section of a report) and makes it the text has() and hasnt() search. */
static void only_between(const char *from, const char *to)
{
	char *a = strstr(out, from), *b;

	ck_assert_msg(a != NULL, "missing: %s", from);
	b = strstr(a, to);
	ck_assert_msg(b != NULL, "missing: %s", to);
	*b = 0;
	memmove(out, a, strlen(a) + 1);
}

/* The Dinas Kesehatan agency table of the human formats: stunting (1) and
 * children measured (2), not the raw data-quality indicators (zlen flagged
 * and missing, its mean and mean square, rows rejected), which the
 * data-quality table under it presents; CSV and JSON keep them. */
START_TEST(agency_tables_without_raw_quality)
{
	static const char *const raw[] = { "zlen ditandai", "zlen tidak ada", "Rata-rata zlen",
	                                   "Rata-rata kuadrat zlen" };
	cJSON *root;

	write_text_report();
	only_between("== Capaian per OPD ==", "== Permasalahan ==");
	for (size_t k = 0; k < 4; k++)
		hasnt(raw[k]);
	has("    2 KK  ");
	has("Balita diukur\n");
	hasnt("\n    3 KK ");
	hasnt("Baris ditolak\n");
	write_with(report_html_write);
	only_between(">3. Capaian per OPD</h2>", ">4. ");
	for (size_t k = 0; k < 4; k++)
		hasnt(raw[k]);
	has("<tr><td class=\"n\">2</td><td>Balita diukur</td>");
	hasnt("<td>Baris ditolak</td>");
	write_with(report_md_write);
	only_between("## 3. Capaian per OPD", "## 4. ");
	for (size_t k = 0; k < 4; k++)
		hasnt(raw[k]);
	has("| 2 | Balita diukur | ");
	hasnt("| Baris ditolak |");
	write_with(report_csv_write);
	for (size_t k = 0; k < 4; k++)
		has(raw[k]);
	root = json_report();
	ck_assert_ptr_nonnull(strstr(out, "\"health.meansq_zlen\""));
	ck_assert_ptr_nonnull(strstr(out, "\"health.rows_rejected\""));
	cJSON_Delete(root);
}
END_TEST

/* One catalogue of words: every key has both languages, and a sentence
 * that is a printf format has the same conversions in both, as the
 * compiler cannot check a format taken from the catalogue. */
START_TEST(catalogue_complete_and_formats_agree)
{
	for (int key = 0; key < I18N_N_KEYS; key++) {
		const char *id = i18n(LANG_ID, key), *en = i18n(LANG_EN, key);
		char cid[64], cen[64];

		ck_assert_msg(id && *id && en && *en, "key %d lacks a language", key);
		i18n_conversions(id, cid, sizeof cid);
		i18n_conversions(en, cen, sizeof cen);
		ck_assert_msg(!strcmp(cid, cen), "key %d: '%s' has %s, '%s' has %s", key, id, cid,
		              en, cen);
	}
	ck_assert_str_eq(i18n_format(LANG_EN, T_FMT_NOT_USED, "%ld%ld%zu%zu"),
	                 "%ld of %ld rows not used (%zu of %zu files)");
	/* Conversions that are not the call's: the bare conversions instead. */
	ck_assert_str_eq(i18n_format(LANG_ID, T_FMT_NOT_USED, "%ld%ld%zu"), "%ld%ld%zu");
	ck_assert_str_eq(i18n_format(LANG_ID, T_FMT_NOT_USED, "%d%ld%zu%zu"), "%d%ld%zu%zu");
}
END_TEST


int main(void)
{
	Suite *s = suite_create("report");
	TCase *tc = tcase_create("core");
	SRunner *sr;
	int failed;

	tcase_add_checked_fixture(tc, kec_setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, trend_against_2023);
	tcase_add_test(tc, trend_change_as_shown);
	tcase_add_test(tc, shown_as_printf);
	tcase_add_test(tc, area_title_once);
	tcase_add_test(tc, catalogue_complete_and_formats_agree);
	tcase_add_test(tc, csv_long_format);
	tcase_add_test(tc, csv_excel_id_dialect);
	tcase_add_test(tc, html_escaped_and_complete);
	tcase_add_test(tc, markdown_escaped);
	tcase_add_test(tc, xlsx_is_a_zip);
	tcase_add_test(tc, xlsx_long_table_continues);
	tcase_add_test(tc, json_trend_and_villages);
	tcase_add_test(tc, text_trend_villages_and_control_characters);
	tcase_add_test(tc, text_numbers_in_indonesian);
	tcase_add_test(tc, counts_without_denominator);
	tcase_add_test(tc, declared_presentation_everywhere);
	tcase_add_test(tc, english_village_without_store);
	tcase_add_test(tc, kecamatan_without_raw_values);
	tcase_add_test(tc, village_with_raw_values);
	tcase_add_test(tc, national_level_named);
	tcase_add_test(tc, agency_tables_without_raw_quality);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
