/*
 * check_escape.c - escaping for every format, and atomic output files.
 */
#include <config.h>

#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "escape.h"
#include "outfile.h"

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

START_TEST(shorten)
{
	char a[32] = "Kecukupan pangan";
	char b[32] = "Désa Ñaña";
	char c[8] = "abcdefg";

	esc_shorten(a, sizeof a, 8);
	ck_assert_str_eq(a, "Kecukup\xe2\x80\xa6");
	ck_assert_uint_eq(esc_width(a), 8);
	/* Never half of a two-byte character: 5 columns = "Désa" + ellipsis. */
	esc_shorten(b, sizeof b, 5);
	ck_assert_str_eq(b, "Désa\xe2\x80\xa6");
	/* Short enough: untouched. */
	esc_shorten(b, sizeof b, 40);
	ck_assert_str_eq(b, "Désa\xe2\x80\xa6");
	/* The buffer bounds the result too: 6 columns would be "abcde" and the
	 * ellipsis, but 8 bytes hold only "abcd" + 3 + NUL. */
	esc_shorten(c, sizeof c, 6);
	ck_assert_str_eq(c, "abcd\xe2\x80\xa6");
}
END_TEST

static char dir[64];

static void make_dir(void)
{
	strcpy(dir, "/tmp/pk2d-escape-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
}

/* Number of entries in dir other than . and .. */
static int count_entries(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			n++;
	closedir(d);
	return n;
}

static char *slurp(const char *path)
{
	static char buf[256];
	FILE *f = fopen(path, "r");
	size_t n;

	ck_assert_ptr_nonnull(f);
	n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = 0;
	fclose(f);
	return buf;
}

START_TEST(outfile_commit_and_abort)
{
	char path[128], err[256];
	outfile o;
	struct stat st;

	make_dir();
	snprintf(path, sizeof path, "%s/report.html", dir);
	/* An earlier report survives an aborted run untouched. */
	ck_assert_int_eq(outfile_open(&o, path, err, sizeof err), 0);
	fputs("old", o.f);
	ck_assert_int_eq(outfile_commit(&o, err, sizeof err), 0);
	ck_assert_str_eq(slurp(path), "old");
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0666 & ~(mode_t)022);

	ck_assert_int_eq(outfile_open(&o, path, err, sizeof err), 0);
	ck_assert_int_eq(count_entries(), 2);           /* report + temp */
	fputs("half", o.f);
	outfile_abort(&o);
	ck_assert_int_eq(count_entries(), 1);
	ck_assert_str_eq(slurp(path), "old");

	ck_assert_int_eq(outfile_open(&o, path, err, sizeof err), 0);
	fputs("new", o.f);
	ck_assert_int_eq(outfile_commit(&o, err, sizeof err), 0);
	ck_assert_str_eq(slurp(path), "new");
	ck_assert_int_eq(count_entries(), 1);
	unlink(path);
	rmdir(dir);
}
END_TEST

START_TEST(outfile_failures)
{
	char path[160], err[256];
	outfile o;

	make_dir();
	/* A directory that does not exist: nothing is created. */
	snprintf(path, sizeof path, "%s/nope/report.csv", dir);
	ck_assert_int_lt(outfile_open(&o, path, err, sizeof err), 0);
	ck_assert_ptr_nonnull(strstr(err, "nope/report.csv"));
	/* The destination is a directory: rename fails, the temp is removed. */
	snprintf(path, sizeof path, "%s/isdir", dir);
	ck_assert_int_eq(mkdir(path, 0755), 0);
	ck_assert_int_eq(outfile_open(&o, path, err, sizeof err), 0);
	fputs("x", o.f);
	ck_assert_int_lt(outfile_commit(&o, err, sizeof err), 0);
	ck_assert_ptr_nonnull(strstr(err, "isdir: cannot write"));
	ck_assert_int_eq(count_entries(), 1);
	rmdir(path);
	/* A full disk: /dev/full refuses every write at flush time. */
	if (access("/dev/full", W_OK) == 0) {
		o.f = fopen("/dev/full", "w");
		ck_assert_ptr_nonnull(o.f);
		o.path = strdup("/dev/full");
		o.tmp = NULL;
		fputs("x", o.f);
		ck_assert_int_lt(outfile_commit(&o, err, sizeof err), 0);
		ck_assert_ptr_null(o.f);
	}
	rmdir(dir);
}
END_TEST

START_TEST(outfile_reserve_by_name)
{
	char path[128], err[256];
	outfile o;
	FILE *f;

	make_dir();
	snprintf(path, sizeof path, "%s/book.xlsx", dir);
	ck_assert_int_eq(outfile_reserve(&o, path, err, sizeof err), 0);
	ck_assert_ptr_null(o.f);
	f = fopen(o.tmp, "w");
	fputs("xlsx", f);
	fclose(f);
	ck_assert_int_eq(outfile_commit(&o, err, sizeof err), 0);
	ck_assert_str_eq(slurp(path), "xlsx");
	ck_assert_int_eq(count_entries(), 1);
	unlink(path);
	rmdir(dir);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("escape");
	TCase *tc = tcase_create("core");
	SRunner *sr;
	int failed;

	umask(022);
	tcase_add_test(tc, html_entities);
	tcase_add_test(tc, csv_quoting_and_formulas);
	tcase_add_test(tc, cell_text);
	tcase_add_test(tc, markdown);
	tcase_add_test(tc, terminal);
	tcase_add_test(tc, width);
	tcase_add_test(tc, shorten);
	tcase_add_test(tc, outfile_commit_and_abort);
	tcase_add_test(tc, outfile_failures);
	tcase_add_test(tc, outfile_reserve_by_name);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
