/*
 * check_svg.c - the SVG charts and the report's words. Coordinates are
 * worked out from the chart geometry in svg.c: the radar is centred at
 * (370, 200) with radius 125, axis 0 pointing up; the bars start at x = 384
 * (24 + 40 columns of 9) and are 380 wide for 100, their rows from y = 54,
 * 28 high for a label of one line, 19 more for each further line.
 */
#include <config.h>

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "areas.h"
#include <stdint.h>
#include "i18n.h"
#include "pk2d/plugin.h"
#include "run.h"
#include "svg.h"

static char *buf;
static size_t len;

static FILE *mem(void)
{
	free(buf);
	buf = NULL;
	return open_memstream(&buf, &len);
}

/* Every text of the chart in buf is at least the HTML body's 16 px. */
static void no_small_text(void)
{
	int n = 0;

	for (const char *p = buf; (p = strstr(p, "font-size=\"")); p++, n++)
		ck_assert_msg(atoi(p + 11) >= 16, "text of %d px", atoi(p + 11));
	ck_assert_int_gt(n, 0);
}

START_TEST(radar)
{
	const char *labels[] = { "A", "<b>B</b>", "C", "D & E" };
	double v[] = { 100, 50, NAN, 0 };
	FILE *f = mem();

	svg_radar(f, "IKK \"dims\"", 4, labels, v, 80, "Garis <80>", ',');
	fclose(f);
	ck_assert_ptr_nonnull(strstr(buf, "<svg xmlns=\"http://www.w3.org/2000/svg\""));
	ck_assert_ptr_nonnull(strstr(buf, "aria-label=\"IKK &quot;dims&quot;\""));
	/* Up 100 -> (370, 75); right 50 -> (432.5, 200); NaN and 0 at the centre. */
	ck_assert_ptr_nonnull(strstr(buf, "class=\"value\" fill=\"#1565c0\" fill-opacity=\"0.25\""
	                      " stroke=\"#1565c0\" stroke-width=\"2\""
	                      " points=\"370.0,75.0 432.5,200.0 370.0,200.0 370.0,200.0\""));
	/* The attention ring at 80 (radius 100): up, right, down, left; and
	 * its legend. */
	ck_assert_ptr_nonnull(strstr(buf, "points=\"370.0,100.0 470.0,200.0 370.0,300.0 270.0,200.0\""));
	ck_assert_ptr_nonnull(strstr(buf, "class=\"legend\""));
	ck_assert_ptr_nonnull(strstr(buf, ">Garis &lt;80&gt;</text>"));
	ck_assert_ptr_nonnull(strstr(buf, "&lt;b&gt;B&lt;/b&gt; (50,0)"));
	ck_assert_ptr_nonnull(strstr(buf, "C (-)"));
	ck_assert_ptr_nonnull(strstr(buf, "D &amp; E (0,0)"));
	ck_assert_ptr_null(strstr(buf, "<b>"));
	ck_assert_ptr_nonnull(strstr(buf, "fill=\"" SVG_NONE "\" cx=\"370.0\" cy=\"200.0\""));
	ck_assert_ptr_nonnull(strstr(buf, "</svg>\n"));
	no_small_text();
	/* Without a line, no ring and no legend. */
	f = mem();
	svg_radar(f, "r", 4, labels, v, NAN, "x", ',');
	fclose(f);
	ck_assert_ptr_null(strstr(buf, "class=\"attention\""));
	ck_assert_ptr_null(strstr(buf, "class=\"legend\""));
}
END_TEST

START_TEST(bars)
{
	/* 40 columns: the third label is cut at a space into three lines
	 * (the last word of 41 letters on a line of its own, longer than the
	 * column, never cut). */
	const char *labels[] = { "L1", "=evil",
		                 "L2 Anak 0-17 th memiliki akta kelahiran yang sah "
		                 "Abcdefghijabcdefghijabcdefghijabcdefghijk" };
	const char *colour[] = { SVG_GOOD, SVG_BAD, SVG_WARN };
	double v[] = { 80, NAN, 75 };
	FILE *f = mem();

	svg_bars(f, "bars", 3, labels, v, colour, 75, "Garis <75>", '.');
	fclose(f);
	ck_assert_ptr_nonnull(strstr(buf, "class=\"bar\" x=\"384\" y=\"59\" width=\"304.0\""
	                      " height=\"18\" fill=\"" SVG_GOOD "\""));
	/* Two bars only: the NaN row has its grey track and "-". */
	ck_assert_ptr_nonnull(strstr(buf, "fill=\"" SVG_WARN "\""));
	ck_assert_ptr_null(strstr(buf, "fill=\"" SVG_BAD "\""));
	ck_assert_ptr_nonnull(strstr(buf, ">80.0</text>"));
	ck_assert_ptr_nonnull(strstr(buf, ">-</text>"));
	/* The third row, from y = 54 + 28 + 28 = 110, is 3 * 19 + 9 = 66 high;
	 * its bar in the middle (y 110 + 24) and its label whole, centred. */
	ck_assert_ptr_nonnull(strstr(buf, "<tspan x=\"376.0\" dy=\"0\">L2 Anak 0-17 th memiliki akta "
	                      "kelahiran</tspan><tspan x=\"376.0\" dy=\"19\">yang sah</tspan>"
	                      "<tspan x=\"376.0\" dy=\"19\">Abcdefghijabcdefghijabcdefghijabcdefghijk"
	                      "</tspan>"));
	ck_assert_ptr_nonnull(strstr(buf, "class=\"bar\" x=\"384\" y=\"134\" width=\"285.0\""));
	ck_assert_ptr_nonnull(strstr(buf, "height=\"182\""));
	/* The attention line at 384 + 380 * 0.75 = 669, and its legend. */
	ck_assert_ptr_nonnull(strstr(buf, "class=\"attention\" x1=\"669\" y1=\"50\" x2=\"669\""));
	ck_assert_ptr_nonnull(strstr(buf, "<title>Garis &lt;75&gt;</title>"));
	ck_assert_ptr_nonnull(strstr(buf, "class=\"legend\""));
	ck_assert_ptr_nonnull(strstr(buf, ">Garis &lt;75&gt;</text>"));
	no_small_text();
}
END_TEST

START_TEST(heat)
{
	char c[8];
	const char *rows[] = { "RT 1", "RT 2" };
	const char *cols[] = { "L1", "L2" };
	double v[] = { 100, 0, NAN, 37.5 };
	FILE *f;

	svg_heat_colour(0, 75, c);
	ck_assert_str_eq(c, "#d73027");
	svg_heat_colour(75, 75, c);
	ck_assert_str_eq(c, "#ffffbf");
	svg_heat_colour(100, 75, c);
	ck_assert_str_eq(c, "#4575b4");
	/* The stops each side of the line of 75 every 25 and 8.33 points:
	 * 25 orange, 50 yellow, 83.33 pale blue. */
	svg_heat_colour(25, 75, c);
	ck_assert_str_eq(c, "#fc8d59");
	svg_heat_colour(50, 75, c);
	ck_assert_str_eq(c, "#fee090");
	svg_heat_colour(75 + 25.0 / 3, 75, c);
	ck_assert_str_eq(c, "#e0f3f8");
	/* Half way from red to orange: (215+252)/2 = 233.5 -> 234, (48+141)/2 =
	 * 94.5 -> 95, (39+89)/2 = 64. */
	svg_heat_colour(12.5, 75, c);
	ck_assert_str_eq(c, "#ea5f40");
	/* A point under the line is not the line's colour. */
	svg_heat_colour(74, 75, c);
	ck_assert_str_ne(c, "#ffffbf");
	svg_heat_colour(NAN, 75, c);
	ck_assert_str_eq(c, "#e0e0e0");
	svg_heat_colour(150, 75, c);
	ck_assert_str_eq(c, "#4575b4");

	f = mem();
	svg_heatmap(f, "heat", 2, 2, rows, cols, v, 75, "Garis <75>");
	fclose(f);
	/* Row labels of 4 columns: cells from x = 16 + 36; column labels of 2:
	 * from y = 16 + 0.87 * 18. */
	ck_assert_ptr_nonnull(strstr(buf, "x=\"52\" y=\"32\" width=\"48\" height=\"30\" fill=\"#4575b4\""));
	ck_assert_ptr_nonnull(strstr(buf, "x=\"100\" y=\"32\" width=\"48\" height=\"30\" fill=\"#d73027\""));
	ck_assert_ptr_nonnull(strstr(buf, "x=\"52\" y=\"62\" width=\"48\" height=\"30\" fill=\"#e0e0e0\""));
	/* 37.5: half way from orange to yellow. */
	ck_assert_ptr_nonnull(strstr(buf, "fill=\"#fdb775\""));
	/* Each score in the ink that reads best on its cell: white on the dark
	 * red and blue ends, black on the orange. */
	ck_assert_ptr_nonnull(strstr(buf, "fill=\"#fff\">100</text>"));
	ck_assert_ptr_nonnull(strstr(buf, "fill=\"#fff\">0</text>"));
	ck_assert_ptr_nonnull(strstr(buf, "fill=\"#000\">38</text>"));
	/* The colour scale: 20 swatches, the line at 75 marked and named. */
	ck_assert_ptr_nonnull(strstr(buf, "<g class=\"legend\">"));
	ck_assert_ptr_nonnull(strstr(buf, ">Garis &lt;75&gt;</text>"));
	ck_assert_ptr_nonnull(strstr(buf, "text-anchor=\"middle\">75</text>"));
	ck_assert_int_eq((int)(strstr(buf, "</svg>") - buf) > 0, 1);
	no_small_text();
	/* The family of the text given: a chart read alone (librsvg, the PDF)
	 * is not set in a serif. */
	ck_assert_ptr_nonnull(strstr(buf, " font-family=\"DejaVu Sans, Verdana, sans-serif\" "));
}
END_TEST

/* The largest heat map within a box: rows labelled "RT 1" (4 columns of
 * 9: cells from x = 52) and 2-character columns (from y = 32), 48 x 30
 * cells, 10 to the right and 70 under them; one of each at least. */
START_TEST(heat_fit)
{
	const char *rows[] = { "RT 1", "RT 2", "RT 3" };
	const char *cols[] = { "L1", "L2", "L3" };
	size_t fc, fr;

	svg_heatmap_fit(3, 3, rows, cols, 52 + 2 * 48 + 10, 32 + 2 * 30 + 70, &fc, &fr);
	ck_assert_uint_eq(fc, 2);
	ck_assert_uint_eq(fr, 2);
	svg_heatmap_fit(3, 3, rows, cols, 52 + 2 * 48 + 9, 32 + 2 * 30 + 69, &fc, &fr);
	ck_assert_uint_eq(fc, 1);
	ck_assert_uint_eq(fr, 1);
	svg_heatmap_fit(3, 3, rows, cols, 10, 10, &fc, &fr);
	ck_assert_uint_eq(fc, 1);
	ck_assert_uint_eq(fr, 1);
}
END_TEST

START_TEST(series)
{
	const char *labels[] = { "2023", "2024" };
	double v[] = { 50, 200 };
	FILE *f = mem();

	svg_series(f, "cov", 2, labels, v, ',');
	fclose(f);
	/* max 200 over a 120-high plot: 50 -> 30 high, 200 -> 120 high. */
	ck_assert_ptr_nonnull(strstr(buf, "class=\"bar\" x=\"58\" y=\"112\" width=\"56\" height=\"30\""));
	ck_assert_ptr_nonnull(strstr(buf, "class=\"bar\" x=\"130\" y=\"22\" width=\"56\" height=\"120\""));
	/* The 100 % line half way up: y = 142 - 60. */
	ck_assert_ptr_nonnull(strstr(buf, "class=\"target\" x1=\"50\" y1=\"82\""));
	ck_assert_ptr_nonnull(strstr(buf, ">200,0</text>"));
	/* The legend of the bars' three colours, under them. */
	ck_assert_ptr_nonnull(strstr(buf, "fill=\"" SVG_GOOD "\"/><text x=\"27\" y=\"195\""));
	ck_assert_ptr_nonnull(strstr(buf, ">\u2265 100 %</text>"));
	ck_assert_ptr_nonnull(strstr(buf, ">50\u201399 %</text>"));
	ck_assert_ptr_nonnull(strstr(buf, ">&lt; 50 %</text>"));
	no_small_text();
}
END_TEST

/* The baseline (y) of the text in buf that reads exactly s. */
static double text_y(const char *s)
{
	char want[64];
	const char *p, *y = NULL;

	snprintf(want, sizeof want, ">%s</text>", s);
	p = strstr(buf, want);
	ck_assert_msg(p != NULL, "no text %s", s);
	for (const char *q = buf; (q = strstr(q, " y=\"")) && q < p; q++)
		y = q;
	ck_assert_ptr_nonnull(y);
	return atof(y + 4);
}

START_TEST(lines)
{
	const char *labels[] = { "2023", "2024" };
	const char *names[] = { "IKK", "Dimensi <A>", "Dimensi B" };
	double v[] = { 80, 93.3, 85, 93.4, 70, 89.8 };
	FILE *f = mem();

	/* Three lines' ends, two 0.1 apart: each label a line (19, printed to the tenth) or more
	 * from the other, in the values' order. */
	svg_lines(f, "Riwayat", 2, labels, 3, names, v, 75, "Garis 75", ',');
	fclose(f);
	ck_assert_double_ge(text_y("93,3") - text_y("93,4"), 18.85);
	ck_assert_double_ge(text_y("89,8") - text_y("93,3"), 18.85);
	ck_assert_ptr_nonnull(strstr(buf, ">Dimensi &lt;A&gt;</text>"));
	no_small_text();
	/* One line: its name is the chart's title, not in the legend; the
	 * target line's is. */
	f = mem();
	svg_lines(f, "Akta kelahiran anak", 2, labels, 1, names, v, 75, "Target 75", ',');
	fclose(f);
	ck_assert_ptr_null(strstr(buf, ">IKK</text>"));
	ck_assert_ptr_nonnull(strstr(buf, ">Target 75</text>"));
	/* The chart shrinks on a narrow page to 3/4 of its size at most. */
	ck_assert_ptr_nonnull(strstr(buf, "style=\"min-width:"));
}
END_TEST

START_TEST(words)
{
	char b[32];
	int lang = -1;

	for (int k = 0; k < I18N_N_KEYS; k++) {
		ck_assert_msg(i18n(LANG_ID, k) && *i18n(LANG_ID, k), "key %d has no Indonesian", k);
		ck_assert_msg(i18n(LANG_EN, k) && *i18n(LANG_EN, k), "key %d has no English", k);
	}
	ck_assert_str_eq(i18n(LANG_ID, T_PROBLEMS), "Permasalahan");
	ck_assert_str_eq(i18n(LANG_EN, T_PROBLEMS), "Problems");
	ck_assert_str_eq(i18n(LANG_EN, I18N_N_KEYS), "");
	ck_assert_int_eq(i18n_parse_lang("EN", &lang), 0);
	ck_assert_int_eq(lang, LANG_EN);
	ck_assert_int_eq(i18n_parse_lang("id", &lang), 0);
	ck_assert_int_eq(lang, LANG_ID);
	ck_assert_int_eq(i18n_parse_lang("fr", &lang), -1);
	ck_assert_str_eq(i18n_pick(LANG_EN, "Desa", "Village"), "Village");
	ck_assert_str_eq(i18n_pick(LANG_EN, "Desa", ""), "Desa");
	ck_assert_str_eq(i18n_pick(LANG_ID, "Desa", "Village"), "Desa");
	ck_assert_str_eq(i18n_level(LANG_ID, AREA_DISTRICT), "Kecamatan");
	ck_assert_str_eq(i18n_level(LANG_ID, AREA_NATIONAL), "Nasional");
	ck_assert_str_eq(i18n_level(LANG_EN, AREA_NATIONAL), "National");
	ck_assert_str_eq(i18n_level(LANG_EN, AREA_INVALID), "");
	ck_assert_str_eq(i18n_area_word(LANG_EN, AREA_ALL), "National");
	ck_assert_str_eq(i18n_state(LANG_EN, RUN_FAILED), "failed");
	ck_assert_str_eq(i18n_num(LANG_ID, 81.775, 2, b, sizeof b), "81,78");
	ck_assert_str_eq(i18n_num(LANG_EN, 81.775, 2, b, sizeof b), "81.78");
	ck_assert_str_eq(i18n_num(LANG_ID, -0.04, 1, b, sizeof b), "0,0");
	ck_assert_str_eq(i18n_num(LANG_ID, -3.25, 1, b, sizeof b), "-3,2");
	ck_assert_str_eq(i18n_num(LANG_EN, NAN, 1, b, sizeof b), "-");
	ck_assert_str_eq(i18n_num(LANG_EN, 786, 0, b, sizeof b), "786");
	ck_assert_str_eq(i18n_value(LANG_ID, PK2D_COUNT, 786, b, sizeof b), "786");
	ck_assert_str_eq(i18n_value(LANG_ID, PK2D_COUNT, 2.5, b, sizeof b), "2,5");
	ck_assert_str_eq(i18n_value(LANG_ID, PK2D_MEAN, -1.234, b, sizeof b), "-1,23");
	ck_assert_str_eq(i18n_value(LANG_EN, PK2D_PROPORTION, 73.333, b, sizeof b), "73.3");
	ck_assert_str_eq(i18n_area_word(LANG_ID, "63.02.09.2007"), "Desa");
	ck_assert_str_eq(i18n_area_word(LANG_ID, "63.71.01.1001"), "Kelurahan");
	ck_assert_str_eq(i18n_area_word(LANG_EN, "63.02"), "Regency/City");
}
END_TEST

/* Numbers are formatted without printf where the digits are not in doubt:
 * whatever the value, the text must be printf's own. Ties (x.5 at the last
 * place: 0.125, 2.5), values just either side of them, every magnitude up
 * to and past the fast path's bound, and a fixed pseudo-random sweep. */
START_TEST(numbers_as_printf)
{
	static const double fixed[] = {
		0, 0.5, 1.5, 2.5, 0.125, 0.375, 1.005, 2.675, 0.045, 81.775, 99.995, 100,
		0.00005, 0.00015, 12345.5, 999999999.5, 1e9, 1e9 + 0.25, 123456789.125,
		4503599627370496.0, 1e15 + 0.5, 1e300, 0.1 + 0.2, 1.0 / 3, 2.0 / 3,
	};
	uint64_t x = 88172645463325252u;
	char got[64], want[64];

	for (int dec = 0; dec <= 5; dec++) {
		for (size_t i = 0; i < sizeof fixed / sizeof *fixed + 30000; i++) {
			double v;
			if (i < sizeof fixed / sizeof *fixed) {
				v = fixed[i];
			} else {
				/* xorshift64: mantissas at every scale from 1e-6 to 1e12 */
				x ^= x << 13;
				x ^= x >> 7;
				x ^= x << 17;
				v = (double)(x >> 11) / 9007199254740992.0 * pow(10, (double)(x % 19) - 6);
			}
			for (int sign = 1; sign >= -1; sign -= 2) {
				double w = v * sign;
				double z = fabs(w) < 0.5 * pow(10, -dec) ? 0 : w;
				snprintf(want, sizeof want, "%.*f", dec, z);
				i18n_num(LANG_EN, w, dec, got, sizeof got);
				ck_assert_msg(strcmp(got, want) == 0, "%.17g with %d decimals: %s, printf %s",
				              w, dec, got, want);
			}
		}
	}
}
END_TEST

int main(void)
{
	Suite *s = suite_create("svg");
	TCase *tc = tcase_create("core");
	SRunner *sr;
	int failed;

	/* numbers_as_printf compares some 360,000 numbers: room for
	 * the sanitizer build on a loaded machine. */
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, radar);
	tcase_add_test(tc, bars);
	tcase_add_test(tc, heat);
	tcase_add_test(tc, heat_fit);
	tcase_add_test(tc, series);
	tcase_add_test(tc, lines);
	tcase_add_test(tc, words);
	tcase_add_test(tc, numbers_as_printf);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
