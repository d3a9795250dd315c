/*
 * check_log.c - the progress line's decisions (when it is shown, when it is
 * redrawn, what it says) and the bytes it leaves on stderr around a message.
 * Expected texts are written out from the format in log.h.
 */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "log.h"
#include "pk2d/plugin.h"

START_TEST(redrawn_on_a_terminal_lines_with_v_elsewhere)
{
	ck_assert_int_eq(log_progress_mode(1, 0), LOG_PROGRESS_REDRAW);
	ck_assert_int_eq(log_progress_mode(1, 2), LOG_PROGRESS_REDRAW);
	ck_assert_int_eq(log_progress_mode(1, -1), LOG_PROGRESS_NONE);   /* -q */
	ck_assert_int_eq(log_progress_mode(0, 0), LOG_PROGRESS_NONE);    /* a file or a pipe */
	ck_assert_int_eq(log_progress_mode(0, 1), LOG_PROGRESS_LINES);   /* -v */
	ck_assert_int_eq(log_progress_mode(0, 2), LOG_PROGRESS_LINES);
	ck_assert_int_eq(log_progress_mode(0, -1), LOG_PROGRESS_NONE);
}
END_TEST

START_TEST(due_after_a_second_then_four_times_a_second)
{
	/* Started at 100 s: nothing before 101 s; the first draw at 101 s; then
	 * not again until 0.25 s later. */
	ck_assert(!log_progress_due(100.0, -1, 100.0));
	ck_assert(!log_progress_due(100.0, -1, 100.99));
	ck_assert(log_progress_due(100.0, -1, 101.0));
	ck_assert(!log_progress_due(100.0, 101.0, 101.2));
	ck_assert(log_progress_due(100.0, 101.0, 101.25));
	ck_assert(log_progress_due(100.0, 101.0, 130.0));
}
END_TEST

START_TEST(text)
{
	char buf[128], small[40];

	ck_assert_str_eq(log_progress_text(buf, sizeof buf, 3, 7, "health", 12.34),
	                 "plugins: 3/7 done (health running, 12.3 s)");
	ck_assert_str_eq(log_progress_text(buf, sizeof buf, 1, 3, "health, pkk", 2.0),
	                 "plugins: 1/3 done (health, pkk running, 2.0 s)");
	ck_assert_str_eq(log_progress_text(buf, sizeof buf, 7, 7, "", 30.06),
	                 "plugins: 7/7 done (30.1 s)");
	/* 39 characters fit: "plugins: 2/9 done (" and "... running, 5.0 s)" are 19
	 * each, which leaves one character of the running list. */
	ck_assert_str_eq(log_progress_text(small, sizeof small, 2, 9,
	                                   "education, activities", 5.0),
	                 "plugins: 2/9 done (e... running, 5.0 s)");
	ck_assert_uint_eq(strlen(small), sizeof small - 1);
}
END_TEST

START_TEST(read_text)
{
	char buf[128];

	/* The unit follows the larger of size and bytes read; the share is
	 * rounded down and never past 100 %. */
	ck_assert_str_eq(log_read_text(buf, sizeof buf, "health", "/data/2024/anak.csv",
	                               45200000, 120000000, 1234567),
	                 "health: anak.csv: 45.2 of 120.0 MB (37%), 1234567 rows");
	ck_assert_str_eq(log_read_text(buf, sizeof buf, "pkk", "kk.csv", 999, 1000, 3),
	                 "pkk: kk.csv: 1.0 of 1.0 kB (99%), 3 rows");
	ck_assert_str_eq(log_read_text(buf, sizeof buf, "pkk", "kk.csv", 1000, 1000, 4),
	                 "pkk: kk.csv: 1.0 of 1.0 kB (100%), 4 rows");
	ck_assert_str_eq(log_read_text(buf, sizeof buf, "pkk", "kk.csv", 1200, 1000, 4),
	                 "pkk: kk.csv: 1.2 of 1.0 kB (100%), 4 rows");
	ck_assert_str_eq(log_read_text(buf, sizeof buf, "a", "b.csv", 999999, 1000000, 0),
	                 "a: b.csv: 1.0 of 1.0 MB (99%), 0 rows");
	ck_assert_str_eq(log_read_text(buf, sizeof buf, "a", "b.csv", 2500000000u, 0, 7),
	                 "a: b.csv: 2.5 GB, 7 rows");
}
END_TEST

/* Reads what was written to the file behind stderr since it was opened. */
static char *slurp(FILE *f)
{
	long n;
	char *s;

	fflush(stderr);
	ck_assert_int_eq(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	ck_assert_int_ge(n, 0);
	rewind(f);
	s = calloc((size_t)n + 1, 1);
	ck_assert_ptr_nonnull(s);
	ck_assert_uint_eq(fread(s, 1, (size_t)n, f), (size_t)n);
	return s;
}

/* A message blanks the block first; a redraw goes back up to the block's
 * first line and clears what a taller block left below; the end blanks it
 * and leaves the cursor at its start. Not a terminal: lines are cut at 80
 * columns. */
START_TEST(drawing_around_messages)
{
	FILE *f = tmpfile();
	int saved = dup(STDERR_FILENO);
	char *out, wide[100];

	ck_assert_ptr_nonnull(f);
	ck_assert_int_ge(saved, 0);
	fflush(stderr);
	ck_assert_int_ge(dup2(fileno(f), STDERR_FILENO), 0);
	log_set_verbosity(0);
	log_progress("abcdef");
	log_msg(PK2D_LOG_WARNING, "x");
	log_progress("top\nsub1\nsub2");
	log_progress("abc");
	log_progress_end();
	log_progress_end();           /* nothing shown: nothing written */
	log_msg(PK2D_LOG_INFO, "hidden");   /* not shown at verbosity 0 */
	memset(wide, 'w', 99);
	wide[99] = '\0';
	log_progress(wide);
	log_progress_end();
	out = slurp(f);
	fflush(stderr);
	ck_assert_int_ge(dup2(saved, STDERR_FILENO), 0);
	close(saved);
	fclose(f);
	ck_assert_str_eq(out, "\rabcdef\033[J"
	                      "\r\033[J" "pk2d: warning: x\n"
	                      "\rtop\033[K\nsub1\033[K\nsub2\033[J"
	                      "\033[2A\rabc\033[J"
	                      "\r\033[J"
	                      "\r" "wwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwww"
	                      "wwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwww" "\033[J"
	                      "\r\033[J");
	free(out);
}
END_TEST

/* A phase is a plain line with -v off a terminal, nothing without -v or
 * with -q. */
START_TEST(phase_lines)
{
	FILE *f = tmpfile();
	int saved = dup(STDERR_FILENO);
	char *out;

	ck_assert_ptr_nonnull(f);
	fflush(stderr);
	ck_assert_int_ge(dup2(fileno(f), STDERR_FILENO), 0);
	log_set_verbosity(1);
	log_phase("writing %s", "r.html");
	log_set_verbosity(0);
	log_phase("assessment");
	log_set_verbosity(-1);
	log_phase("roll-up");
	out = slurp(f);
	fflush(stderr);
	ck_assert_int_ge(dup2(saved, STDERR_FILENO), 0);
	close(saved);
	fclose(f);
	ck_assert_str_eq(out, "pk2d: writing r.html\n");
	free(out);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("log");
	TCase *tc = tcase_create("progress");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, redrawn_on_a_terminal_lines_with_v_elsewhere);
	tcase_add_test(tc, due_after_a_second_then_four_times_a_second);
	tcase_add_test(tc, text);
	tcase_add_test(tc, read_text);
	tcase_add_test(tc, drawing_around_messages);
	tcase_add_test(tc, phase_lines);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
