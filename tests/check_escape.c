/*
 * check_escape.c - escaping for every format.
 */
#include <config.h>

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"

static void esc_csv_semicolon(FILE *f, const char *s)
{
	esc_csv_field(f, s, ';');
}

/* Runs fn(f, in) into a memory stream and returns the text (static). */
static const char *esc(void (*fn)(FILE *, const char *), const char *in)
{
	static char *buf;
	size_t len;
	FILE *f;

	free(buf);
	buf = NULL;
	f = open_memstream(&buf, &len);
	ck_assert_ptr_nonnull(f);
	fn(f, in);
	fclose(f);
	return buf;
}

START_TEST(html_entities)
{
	ck_assert_str_eq(esc(esc_html, "<script>alert(\"x\")</script>"),
	                 "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
	ck_assert_str_eq(esc(esc_html, "Tom & Jerry's"), "Tom &amp; Jerry&#39;s");
	ck_assert_str_eq(esc(esc_html, "Désa Ñ 村"), "Désa Ñ 村");
	ck_assert_str_eq(esc(esc_html, NULL), "");
}
END_TEST

START_TEST(csv_quoting_and_formulas)
{
	ck_assert_str_eq(esc(esc_csv, "Sang-Sang"), "Sang-Sang");
	ck_assert_str_eq(esc(esc_csv, "a,b"), "\"a,b\"");
	ck_assert_str_eq(esc(esc_csv, "say \"hi\""), "\"say \"\"hi\"\"\"");
	ck_assert_str_eq(esc(esc_csv, "two\nlines"), "\"two\nlines\"");
	ck_assert_str_eq(esc(esc_csv, " padded"), "\" padded\"");
	ck_assert_str_eq(esc(esc_csv, "=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0");
	ck_assert_str_eq(esc(esc_csv, "@SUM(1)"), "'@SUM(1)");
	ck_assert_str_eq(esc(esc_csv, "+62"), "'+62");
	ck_assert_str_eq(esc(esc_csv, "-3"), "'-3");
	ck_assert_str_eq(esc(esc_csv, "\tx"), "'\tx");
	/* With ';' between cells, ';' is what needs quotes, not ','. */
	ck_assert_str_eq(esc(esc_csv_semicolon, "a;b"), "\"a;b\"");
	ck_assert_str_eq(esc(esc_csv_semicolon, "a,b"), "a,b");
	ck_assert_str_eq(esc(esc_csv_semicolon, "=1;2"), "\"'=1;2\"");
	ck_assert_str_eq(esc(esc_csv, "a;b"), "a;b");
	/* Quoted and neutralised: the apostrophe goes inside the quotes. */
	ck_assert_str_eq(esc(esc_csv, "=1,2"), "\"'=1,2\"");
	ck_assert_str_eq(esc(esc_csv, "\rx"), "\"'\rx\"");
	ck_assert_str_eq(esc(esc_csv, ""), "");
}
END_TEST

START_TEST(cell_text)
{
	char *s = esc_cell_text("=HYPERLINK(\"x\")");

	ck_assert_str_eq(s, "'=HYPERLINK(\"x\")");
	free(s);
	s = esc_cell_text("Kelumpang Tengah");
	ck_assert_str_eq(s, "Kelumpang Tengah");
	free(s);
	ck_assert_int_eq(esc_is_formula("a=b"), 0);
	ck_assert_int_eq(esc_is_formula(""), 0);
	ck_assert_int_eq(esc_is_formula(NULL), 0);
}
END_TEST

START_TEST(markdown)
{
	ck_assert_str_eq(esc(esc_md, "a|b *c* [x](y) <b>"),
	                 "a\\|b \\*c\\* \\[x\\](y) \\<b\\>");
	ck_assert_str_eq(esc(esc_md, "line\r\nnext"), "line next");
	ck_assert_str_eq(esc(esc_md, "Sang-Sang 1.5"), "Sang-Sang 1.5");
}
END_TEST

START_TEST(terminal)
{
	ck_assert_str_eq(esc(esc_term, "a\033[2Jb\nc"), "a?[2Jb c");
	ck_assert_str_eq(esc(esc_term, "ok ü"), "ok ü");
}
END_TEST

START_TEST(width)
{
	ck_assert_uint_eq(esc_width("abc"), 3);
	ck_assert_uint_eq(esc_width("Désa"), 4);        /* precomposed é */
	ck_assert_uint_eq(esc_width("De\xcc\x81sa"), 4);   /* e + combining acute */
	ck_assert_uint_eq(esc_width("村村"), 4);
	ck_assert_uint_eq(esc_width("≥"), 1);
	ck_assert_uint_eq(esc_width("\xff" "a"), 2);     /* invalid byte counts 1 */
	ck_assert_uint_eq(esc_width(""), 0);
}
END_TEST

START_TEST(terminal_report)
{
	const char text[] = "F2 perlu perhatian\tx\033[2J\nB1 membaik\n";
	char *buf = NULL;
	size_t len;
	FILE *f = open_memstream(&buf, &len);

	ck_assert_int_eq(esc_term_report(f, text, sizeof text - 1, 0), 0);
	fclose(f);
	ck_assert_str_eq(buf, "F2 perlu perhatian x?[2J\nB1 membaik\n");
	free(buf);
	f = open_memstream(&buf, &len);
	ck_assert_int_eq(esc_term_report(f, text, sizeof text - 1, 1), 0);
	fclose(f);
	ck_assert_str_eq(buf, "F2 \033[31mperlu perhatian\033[0m x?[2J\n"
	                 "B1 \033[32mmembaik\033[0m\n");
	free(buf);
	/* Never colour anything but a terminal on standard output. */
	f = open_memstream(&buf, &len);
	ck_assert_int_eq(esc_want_colour(f), 0);
	fclose(f);
	free(buf);
	setenv("NO_COLOR", "1", 1);
	ck_assert_int_eq(esc_want_colour(stdout), 0);
}
END_TEST

/* Without colour the report is scanned eight bytes at a time: every byte
 * value at every place of a word, and the tail after the last word, is
 * replaced as one byte at a time would. */
START_TEST(terminal_report_every_byte)
{
	for (int c = 0; c < 256; c++)
		for (size_t len = 1; len <= 19; len++)
			for (size_t at = 0; at < len; at++) {
				char text[20], want[20], *buf = NULL;
				size_t n;
				FILE *f = open_memstream(&buf, &n);

				memset(text, 0xc3, len);     /* bytes above 0x7f pass */
				text[len - 1] = '\n';
				text[at] = (char)c;
				memcpy(want, text, len);
				if ((c < 0x20 && c != '\n') || c == 0x7f)
					want[at] = c == '\t' ? ' ' : '?';
				ck_assert_int_eq(esc_term_report(f, text, len, 0), 0);
				fclose(f);
				ck_assert_uint_eq(n, len);
				ck_assert_msg(memcmp(buf, want, len) == 0, "byte %d at %zu of %zu", c, at,
				              len);
				free(buf);
			}
}
END_TEST

/* The streaming form: a coloured word split across two flushes is still
 * coloured, a line longer than any stdio buffer passes whole, the last line
 * without a line feed is written at fclose, and a write error is reported
 * there. */
START_TEST(terminal_stream)
{
	char *buf = NULL, *expect;
	size_t len, n = 3 * BUFSIZ;
	FILE *f = open_memstream(&buf, &len), *t = esc_term_stream(f, 1), *full;

	ck_assert_ptr_nonnull(t);
	fputs("F2 perlu per", t);
	fflush(t);
	fputs("hatian\tx\033", t);
	fflush(t);
	fputs("[2J\nB1 memb", t);
	fflush(t);
	fputs("aik ", t);
	for (size_t i = 0; i < n; i++)
		fputc(i == n - 2 ? '\a' : 'y', t);
	ck_assert_int_eq(fclose(t), 0);
	fclose(f);
	expect = malloc(n + 64);
	ck_assert_ptr_nonnull(expect);
	len = (size_t)sprintf(expect, "F2 \033[31mperlu perhatian\033[0m x?[2J\n"
	                      "B1 \033[32mmembaik\033[0m ");
	memset(expect + len, 'y', n);
	expect[len + n - 2] = '?';
	expect[len + n] = 0;
	ck_assert_str_eq(buf, expect);
	free(expect);
	free(buf);
	/* Every byte lost on a full device is an error at fclose. */
	full = fopen("/dev/full", "w");
	ck_assert_ptr_nonnull(full);
	setvbuf(full, NULL, _IONBF, 0);
	t = esc_term_stream(full, 0);
	ck_assert_ptr_nonnull(t);
	fputs("one line\n", t);
	ck_assert_int_eq(fclose(t), EOF);
	fclose(full);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("escape");
	TCase *tc = tcase_create("core");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, html_entities);
	tcase_add_test(tc, csv_quoting_and_formulas);
	tcase_add_test(tc, cell_text);
	tcase_add_test(tc, markdown);
	tcase_add_test(tc, terminal);
	tcase_add_test(tc, width);
	tcase_add_test(tc, terminal_report);
	tcase_add_test(tc, terminal_report_every_byte);
	tcase_add_test(tc, terminal_stream);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
