/*
 * check_csv_group.c - the grouping reader (csv_group): grouped files read
 * in order, others through a temporary file that is gone at once, groups
 * whole, lines kept, and the duplicate rule the same for any order.
 */
#include "config.h"

#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pk2d/plugin.h"
#include "csv.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static char dir[64], tmpdir[96], path[128];

/* A fresh folder with the input, and an empty one used as TMPDIR. */
static void setup(void)
{
	snprintf(dir, sizeof dir, "/tmp/check_csv_group.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(tmpdir, sizeof tmpdir, "%s/tmp", dir);
	ck_assert_int_eq(mkdir(tmpdir, 0700), 0);
	snprintf(path, sizeof path, "%s/in.csv", dir);
	setenv("TMPDIR", tmpdir, 1);
	csv_group_tune((size_t)16 << 20, (size_t)64 << 10);
}

static void teardown(void)
{
	unlink(path);
	rmdir(tmpdir);
	rmdir(dir);
	unsetenv("TMPDIR");
}

static void write_text(const char *text)
{
	FILE *f = fopen(path, "wb");

	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(fputs(text, f) >= 0, 1);
	ck_assert_int_eq(fclose(f), 0);
}

/* Entries in TMPDIR besides . and .. */
static int tmp_entries(void)
{
	DIR *d = opendir(tmpdir);
	struct dirent *e;
	int n = 0;

	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			n++;
	closedir(d);
	return n;
}

/* Reads every record grouped by col with the id columns, as
 * "line:f0|f1|...\n" in the order handed out, into out. Returns csv_next's
 * last result. */
static int read_grouped(int col, const int *ids, int n_ids, char *out, size_t outlen,
                        csv_stats **stats)
{
	char err[256] = "";
	csv_reader *c = csv_open(path, err, sizeof err);
	size_t len = 0;
	int rc;

	ck_assert_msg(c != NULL, "csv_open: %s", err);
	ck_assert_int_eq(csv_group(c, col, ids, n_ids, err, sizeof err), 0);
	ck_assert_int_eq(tmp_entries(), 0);
	out[0] = '\0';
	while ((rc = csv_next(c, err, sizeof err)) == 1) {
		len += (size_t)snprintf(out + len, outlen - len, "%ld:", csv_line(c));
		for (int k = 0; k < csv_count(c); k++)
			len += (size_t)snprintf(out + len, outlen - len, "%s%s", k ? "|" : "",
			                        csv_field(c, k));
		len += (size_t)snprintf(out + len, outlen - len, "\n");
		ck_assert_uint_lt(len, outlen);
	}
	ck_assert_int_eq(tmp_entries(), 0);
	*stats = csv_close(c);
	return rc;
}

/* Reads part r of the file grouped by column 0 with id column 1, as
 * read_grouped() does. */
static void read_part(const csv_range *r, char *out, size_t outlen, csv_stats **stats)
{
	char err[256] = "";
	csv_reader *c = csv_open(path, err, sizeof err);
	int ids[1] = { 1 };
	size_t len = 0;

	ck_assert_ptr_nonnull(c);
	ck_assert_int_eq(csv_restrict(c, r, err, sizeof err), 0);
	ck_assert_int_eq(csv_group(c, 0, ids, 1, err, sizeof err), 0);
	out[0] = '\0';
	while (csv_next(c, err, sizeof err) == 1) {
		len += (size_t)snprintf(out + len, outlen - len, "%ld:%s|%s\n", csv_line(c),
		                        csv_field(c, 0), csv_field(c, 1));
		ck_assert_uint_lt(len, outlen);
	}
	*stats = csv_close(c);
}

/*
 * A grouped file split into parts: each part starts where a value starts
 * (never inside a group), at or after its share of the bytes; the parts
 * read apart give every record once, on its own line, copies decided in
 * their group; their statistics merged are one reader's. A blank line and
 * a record that does not fit the header sit inside parts.
 */
START_TEST(split_at_group_starts)
{
	/* Bytes: header 4; each "X;n\n" 4 or 5. */
	write_text("v;k\nA;1\nA;2\nA;1\nB;3\n\nB;4\nC;5\nC;6;7\nD;8\nD;9\nD;9\nE;10\n");
	csv_range *r;
	size_t n;
	char err[256], out[4][512], all[2048] = "";
	csv_stats *st[4];

	ck_assert_int_eq(csv_split(path, "V", 12, 8, &r, &n, err, sizeof err), 0);
	/* 48 bytes of records: targets 16, 28 and 40. B starts at 16 exactly;
	 * C started before 28, so D (35); then E (47). */
	ck_assert_uint_eq(n, 4);
	ck_assert_int_eq(r[0].start, 4);
	ck_assert_int_eq(r[0].line, 2);
	for (size_t k = 1; k < n; k++) {
		ck_assert_int_eq(r[k].start, r[k - 1].end);
		ck_assert_int_gt(r[k].start, r[k - 1].start);
	}
	ck_assert_int_eq(r[1].start, 16);
	ck_assert_int_eq(r[1].line, 5);
	ck_assert_int_eq(r[2].start, 35);
	ck_assert_int_eq(r[2].line, 10);
	ck_assert_int_eq(r[3].start, 47);
	ck_assert_int_eq(r[3].line, 13);
	ck_assert_int_eq(r[3].end, 52);
	for (size_t k = 0; k < n; k++) {
		read_part(&r[k], out[k], sizeof out[k], &st[k]);
		strcat(all, out[k]);
	}
	ck_assert_str_eq(out[0], "2:A|1\n3:A|2\n");
	ck_assert_str_eq(all, "2:A|1\n3:A|2\n5:B|3\n7:B|4\n8:C|5\n10:D|8\n11:D|9\n13:E|10\n");
	for (size_t k = 1; k < n; k++)
		csv_stats_merge(st[0], st[k]);
	ck_assert_int_eq(st[0]->records, 11);
	ck_assert_int_eq(st[0]->rejected, 3);
	ck_assert_uint_eq(st[0]->n_problems, 2);
	ck_assert_str_eq(st[0]->problems[0].kind, "repeated row");
	ck_assert_int_eq(st[0]->problems[0].count, 2);
	ck_assert_int_eq(st[0]->problems[0].n_examples, 2);
	ck_assert_int_eq(st[0]->problems[0].example_line[0], 4);
	ck_assert_int_eq(st[0]->problems[0].example_line[1], 12);
	ck_assert_str_eq(st[0]->problems[1].kind, "too many fields");
	for (size_t k = 0; k < n; k++)
		csv_stats_free(st[k]);
	free(r);

	/* Parts bigger than half the file: one part, the whole file. */
	ck_assert_int_eq(csv_split(path, "v", 30, 8, &r, &n, err, sizeof err), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(r[0].start, 4);
	free(r);
	/* At most max_parts. */
	ck_assert_int_eq(csv_split(path, "v", 1, 3, &r, &n, err, sizeof err), 0);
	ck_assert_uint_le(n, 3);
	free(r);
}
END_TEST

/* A value that comes back after another: not grouped, one part; no such
 * column, an error. */
START_TEST(split_ungrouped_is_one_part)
{
	csv_range *r;
	size_t n;
	char err[256];

	write_text("v;k\nA;1\nA;2\nB;3\nB;4\nC;5\nA;6\nD;7\n");
	ck_assert_int_eq(csv_split(path, "v", 4, 8, &r, &n, err, sizeof err), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(r[0].end, 32);
	free(r);
	write_text("v;k\nA;1\nA;2\nB;3\nB;4\nC;5\nD;6\nD;7\n");
	ck_assert_int_eq(csv_split(path, "v", 4, 8, &r, &n, err, sizeof err), 0);
	ck_assert_uint_gt(n, 1);
	free(r);
	ck_assert_int_eq(csv_split(path, "w", 4, 8, &r, &n, err, sizeof err), PK2D_ERR_MISSING);
	ck_assert_str_eq(err, "no column 'w'");
	ck_assert_ptr_null(r);
}
END_TEST

/* The starts csv_split_each() tells as it finds them. */
typedef struct told {
	csv_range at[8];
	size_t n;
} told;

static void tell(void *arg, const csv_range *start)
{
	told *t = arg;

	ck_assert_uint_lt(t->n, N(t->at));
	t->at[t->n++] = *start;
}

/* Each part's start is told as it is found, the first part's first: the
 * split's starts when it ends grouped; when a value comes back after the
 * starts were told, they were told all the same and the file is one part. */
START_TEST(split_tells_starts)
{
	told t = { .n = 0 };
	csv_range *r;
	size_t n;
	char err[256];

	write_text("v;k\nA;1\nA;2\nA;1\nB;3\n\nB;4\nC;5\nC;6;7\nD;8\nD;9\nD;9\nE;10\n");
	ck_assert_int_eq(csv_split_each(path, "v", 12, 8, tell, &t, &r, &n, err, sizeof err), 0);
	ck_assert_uint_eq(n, 4);
	ck_assert_uint_eq(t.n, n);
	for (size_t k = 0; k < n; k++) {
		ck_assert_int_eq(t.at[k].start, r[k].start);
		ck_assert_int_eq(t.at[k].line, r[k].line);
	}
	free(r);

	t.n = 0;
	write_text("v;k\nA;1\nA;2\nB;3\nB;4\nC;5\nD;6\nD;7\nA;8\n");
	ck_assert_int_eq(csv_split_each(path, "v", 4, 8, tell, &t, &r, &n, err, sizeof err), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_gt(t.n, 2);
	ck_assert_int_eq(t.at[0].start, 4);
	ck_assert_int_eq(r[0].end, 36);
	free(r);
}
END_TEST

/* The merged examples and values are the first ones in file order, up to
 * the limits. */
START_TEST(stats_merge_limits)
{
	csv_stats a = { 0 }, b = { 0 };
	csv_problem pa = { .kind = (char *)"outside area", .count = 4, .rejected = 1 };
	csv_problem pb = { .kind = (char *)"outside area", .count = 3, .rejected = 1 };
	csv_problem pc = { .kind = (char *)"bad x", .count = 1, .rejected = 0 };
	csv_problem probs_b[2];
	csv_stats *into = calloc(1, sizeof *into);
	char *t = (char *)"t";

	for (int i = 0; i < 4; i++) {
		pa.example_line[i] = 10 + i;
		pa.example_text[i] = t;
	}
	pa.n_examples = 4;
	pa.seen[0] = (char *)"63.01";
	pa.seen_count[0] = 4;
	pa.n_seen = 1;
	for (int i = 0; i < 3; i++) {
		pb.example_line[i] = 20 + i;
		pb.example_text[i] = t;
	}
	pb.n_examples = 3;
	pb.seen[0] = (char *)"63.02";
	pb.seen[1] = (char *)"63.01";
	pb.seen_count[0] = 1;
	pb.seen_count[1] = 2;
	pb.n_seen = 2;
	a.records = 10;
	a.rejected = 4;
	a.n_problems = 1;
	a.problems = &pa;
	probs_b[0] = pc;
	probs_b[1] = pb;
	b.records = 5;
	b.rejected = 3;
	b.noted = 1;
	b.n_problems = 2;
	b.problems = probs_b;
	csv_stats_merge(into, &a);
	csv_stats_merge(into, &b);
	ck_assert_int_eq(into->records, 15);
	ck_assert_int_eq(into->rejected, 7);
	ck_assert_int_eq(into->noted, 1);
	ck_assert_uint_eq(into->n_problems, 2);
	ck_assert_str_eq(into->problems[0].kind, "outside area");
	ck_assert_int_eq(into->problems[0].count, 7);
	ck_assert_int_eq(into->problems[0].n_examples, CSV_EXAMPLES);
	ck_assert_int_eq(into->problems[0].example_line[3], 13);
	ck_assert_int_eq(into->problems[0].example_line[4], 20);
	ck_assert_int_eq(into->problems[0].n_seen, 2);
	ck_assert_str_eq(into->problems[0].seen[0], "63.01");
	ck_assert_int_eq(into->problems[0].seen_count[0], 6);
	ck_assert_str_eq(into->problems[0].seen[1], "63.02");
	ck_assert_str_eq(into->problems[1].kind, "bad x");
	ck_assert_int_eq(into->problems[1].rejected, 0);
	csv_stats_free(into);
}
END_TEST

START_TEST(grouped_file_in_order)
{
	char out[1024];
	csv_stats *s;

	write_text("v;x\nA;1\nA;2\nB;3\nC;4\nC;5\n");
	ck_assert_int_eq(read_grouped(0, NULL, 0, out, sizeof out, &s), 0);
	ck_assert_str_eq(out, "2:A|1\n3:A|2\n4:B|3\n5:C|4\n6:C|5\n");
	ck_assert_int_eq(s->records, 5);
	csv_stats_free(s);
}
END_TEST

START_TEST(ungrouped_file_grouped_with_its_lines)
{
	char out[1024];
	csv_stats *s;

	/* B comes back on the very last line only. */
	write_text("v;x\nB;1\nA;2\nA;3\nC;4\nB;5\n");
	ck_assert_int_eq(read_grouped(0, NULL, 0, out, sizeof out, &s), 0);
	/* One partition: groups sorted by value, file order within. */
	ck_assert_str_eq(out, "3:A|2\n4:A|3\n2:B|1\n6:B|5\n5:C|4\n");
	ck_assert_int_eq(s->records, 5);
	csv_stats_free(s);
}
END_TEST

START_TEST(quoted_and_blank_forms_are_one_value)
{
	char out[1024];
	csv_stats *s;

	/* A, then "A" after B: the same value once finished, so it came back. */
	write_text("v,x\nA,1\nB,2\n \"A\" ,3\n\n,,\n");
	ck_assert_int_eq(read_grouped(0, NULL, 0, out, sizeof out, &s), 0);
	ck_assert_str_eq(out, "2:A|1\n4:A|3\n3:B|2\n");
	csv_stats_free(s);
}
END_TEST

/* The check reads the group column the quick way when a record has no
 * quote: a last column, CR LF, blanks and short rows give the same values
 * as the careful way. */
START_TEST(last_column_crlf_and_short_rows)
{
	char out[1024];
	csv_stats *s;

	write_text("x;v\r\n1; A \r\n2;B\r\n3\r\n4;A\r\n;;\r\n5;\r\n");
	ck_assert_int_eq(read_grouped(1, NULL, 0, out, sizeof out, &s), 0);
	/* Line 4 has too few fields: read (as value "") and rejected. */
	ck_assert_str_eq(out, "7:5|\n2:1|A\n5:4|A\n3:2|B\n");
	ck_assert_int_eq(s->records, 5);
	ck_assert_int_eq(s->rejected, 1);
	csv_stats_free(s);
	/* Grouped: read in order. */
	write_text("x;v\r\n1; A \r\n4;A\r\n2;B\r\n3\r\n");
	ck_assert_int_eq(read_grouped(1, NULL, 0, out, sizeof out, &s), 0);
	ck_assert_str_eq(out, "2:1|A\n3:4|A\n4:2|B\n");
	csv_stats_free(s);
}
END_TEST

static const csv_problem *problem(const csv_stats *s, const char *kind);

/* A field repaired on reading (not UTF-8) keeps its repair, and its note,
 * through the temporary file. */
START_TEST(repaired_text_through_the_split)
{
	char out[1024];
	csv_stats *s;

	write_text("v;x\nA;caf\xe9\nB;2\nA;3\n");
	ck_assert_int_eq(read_grouped(0, NULL, 0, out, sizeof out, &s), 0);
	ck_assert_str_eq(out, "2:A|caf\xc3\xa9\n4:A|3\n3:B|2\n");
	ck_assert_int_eq(s->noted, 1);
	ck_assert_ptr_nonnull(problem(s, "text not in UTF-8"));
	csv_stats_free(s);
}
END_TEST

START_TEST(whole_file_one_group)
{
	char out[1024];
	csv_stats *s;
	int id = 0;

	write_text("id,x\n1,a\n2,b\n1,a\n");
	ck_assert_int_eq(read_grouped(-1, &id, 1, out, sizeof out, &s), 0);
	ck_assert_str_eq(out, "2:1|a\n3:2|b\n");
	ck_assert_int_eq(s->records, 3);
	ck_assert_int_eq(s->rejected, 1);
	csv_stats_free(s);
}
END_TEST

START_TEST(header_only_and_one_record)
{
	char out[256];
	csv_stats *s;

	write_text("v;x\n");
	ck_assert_int_eq(read_grouped(0, NULL, 0, out, sizeof out, &s), 0);
	ck_assert_str_eq(out, "");
	csv_stats_free(s);
	write_text("v;x\nA;1");
	ck_assert_int_eq(read_grouped(0, NULL, 0, out, sizeof out, &s), 0);
	ck_assert_str_eq(out, "2:A|1\n");
	csv_stats_free(s);
}
END_TEST

static const csv_problem *problem(const csv_stats *s, const char *kind)
{
	for (size_t i = 0; i < s->n_problems; i++)
		if (strcmp(s->problems[i].kind, kind) == 0)
			return &s->problems[i];
	return NULL;
}

START_TEST(duplicates_identical_once_differing_none)
{
	char out[1024];
	csv_stats *s;
	const csv_problem *p;
	int id = 1;

	/* k1: two identical copies; k2: copies that differ; k3: one; an
	 * empty id is no identifier. */
	write_text("v;id;x\nA;k1;1\nA;k2;1\nA;;7\nA;k1;1\nA;k2;2\nA;k3;1\nA;;7\nA;k2;1\n");
	ck_assert_int_eq(read_grouped(0, &id, 1, out, sizeof out, &s), 0);
	ck_assert_str_eq(out, "2:A|k1|1\n4:A||7\n7:A|k3|1\n8:A||7\n");
	ck_assert_int_eq(s->records, 8);
	ck_assert_int_eq(s->rejected, 4);
	p = problem(s, "duplicate id");
	ck_assert_ptr_nonnull(p);
	ck_assert_int_eq(p->count, 3);
	ck_assert_int_eq(p->rejected, 1);
	ck_assert_int_eq(p->example_line[0], 3);
	/* The first copy names the second; the others name the first. */
	ck_assert_str_eq(p->example_text[0], "duplicate id: other contents, also on line 6");
	ck_assert_str_eq(p->example_text[1], "duplicate id: other contents, also on line 3");
	p = problem(s, "repeated row");
	ck_assert_ptr_nonnull(p);
	ck_assert_int_eq(p->count, 1);
	ck_assert_int_eq(p->example_line[0], 5);
	ck_assert_str_eq(p->example_text[0], "repeated row: the same as line 2, counted once");
	csv_stats_free(s);
}
END_TEST

START_TEST(duplicates_per_group_and_by_all_ids)
{
	char out[1024];
	csv_stats *s;
	int ids[2] = { 1, 2 };

	/* The same child in two villages is two children; the same child on
	 * two dates is two measurements. */
	write_text("v,id,date,x\nA,c,d1,1\nB,c,d1,2\nA,c,d2,3\n");
	ck_assert_int_eq(read_grouped(0, ids, 2, out, sizeof out, &s), 0);
	ck_assert_str_eq(out, "2:A|c|d1|1\n4:A|c|d2|3\n3:B|c|d1|2\n");
	ck_assert_int_eq(s->rejected, 0);
	csv_stats_free(s);
}
END_TEST

static int by_text(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every order of a file gives the same records in each group and the same
 * counts; with several partitions and small write buffers too. */
START_TEST(any_order_same_groups)
{
	enum { ROWS = 400 };
	char *rows[ROWS], text[ROWS * 32 + 16], *ref = malloc(1 << 16), *out = malloc(1 << 16);
	csv_stats *s;
	long ref_rejected = -1;
	int id = 1;

	ck_assert_ptr_nonnull(ref);
	ck_assert_ptr_nonnull(out);
	srand(7);
	for (int i = 0; i < ROWS; i++) {
		rows[i] = malloc(32);
		/* 37 villages; ids repeat, some copies identical. */
		snprintf(rows[i], 32, "V%02d;i%d;%d\n", i % 37, i % 150, i % 300 < 150 ? 0 : i % 2);
	}
	for (int round = 0; round < 6; round++) {
		size_t len = (size_t)sprintf(text, "v;id;x\n");
		char *p, *sorted_out;

		if (round > 0)
			for (int i = ROWS - 1; i > 0; i--) {
				int j = rand() % (i + 1);
				char *t = rows[i];
				rows[i] = rows[j];
				rows[j] = t;
			}
		for (int i = 0; i < ROWS; i++)
			len += (size_t)sprintf(text + len, "%s", rows[i]);
		write_text(text);
		csv_group_tune(round % 2 ? 512 : (size_t)16 << 20, round % 2 ? 128 : (size_t)64 << 10);
		ck_assert_int_eq(read_grouped(0, &id, 1, out, 1 << 16, &s), 0);
		if (ref_rejected < 0)
			ref_rejected = s->rejected;
		ck_assert_int_eq(s->records, ROWS);
		ck_assert_int_eq(s->rejected, ref_rejected);
		csv_stats_free(s);
		/* Groups whole: a value never comes back. Then, without the
		 * line numbers and sorted, the records equal the first round's. */
		{
			char seen[40] = { 0 }, last = -1;
			for (p = out; *p; p = strchr(p, '\n') + 1) {
				char *v = strchr(p, ':') + 2;
				char g = (char)((v[0] - '0') * 10 + (v[1] - '0'));
				if (g != last) {
					ck_assert_msg(!seen[(int)g], "group V%02d came back", g);
					seen[(int)g] = 1;
					last = g;
				}
			}
		}
		sorted_out = malloc(1 << 16);
		ck_assert_ptr_nonnull(sorted_out);
		{
			char *lines[ROWS];
			int n = 0;
			size_t at = 0;
			for (p = strtok(out, "\n"); p; p = strtok(NULL, "\n"))
				lines[n++] = strchr(p, ':') + 1;
			qsort(lines, (size_t)n, sizeof *lines, by_text);
			sorted_out[0] = '\0';
			for (int i = 0; i < n; i++)
				at += (size_t)sprintf(sorted_out + at, "%s\n", lines[i]);
		}
		if (round == 0)
			strcpy(ref, sorted_out);
		else
			ck_assert_str_eq(sorted_out, ref);
		free(sorted_out);
	}
	for (int i = 0; i < ROWS; i++)
		free(rows[i]);
	free(ref);
	free(out);
	csv_group_tune((size_t)16 << 20, (size_t)64 << 10);
}
END_TEST

/*
 * A grouped file bigger than the reader's buffer, each group's records held
 * in it until the group ends: the buffer is refilled and grows (one group
 * of 1.6 MB) under held records, which must still be their own. Every
 * record handed out carries its own line in a field; a group with a copy
 * of an identifier (other contents) loses both copies; text not in UTF-8
 * is repaired in held records too.
 */
START_TEST(held_groups_across_refills)
{
	enum { GROUPS = 60, BIG = 30 };
	FILE *f = fopen(path, "wb");
	char err[256] = "";
	csv_reader *c;
	csv_stats *s;
	long line = 1, handed = 0, copies = 0, repaired = 0, group_start = -1;
	int ids[1] = { 1 }, rc, last_group = -1;

	ck_assert_ptr_nonnull(f);
	fputs("g;id;line;text\n", f);
	for (int g = 0; g < GROUPS; g++) {
		int n = g == BIG ? 40000 : 300 + 37 * g;

		for (int k = 0; k < n; k++) {
			/* The last record of every seventh group copies the first's
			 * identifier. */
			int id = g % 7 == 3 && k == n - 1 ? 0 : k;

			++line;
			if (g % 11 == 4 && k % 3 == 0)
				fprintf(f, "G%03d;i%d;L%ld;caf\xe9%ld\n", g, id, line, line);
			else
				fprintf(f, "G%03d;i%d;L%ld;plain\n", g, id, line);
		}
		copies += g % 7 == 3 ? 2 : 0;
	}
	ck_assert_int_eq(fclose(f), 0);
	c = csv_open(path, err, sizeof err);
	ck_assert_ptr_nonnull(c);
	ck_assert_int_eq(csv_group(c, 0, ids, 1, err, sizeof err), 0);
	while ((rc = csv_next(c, err, sizeof err)) == 1) {
		char want[32];
		int g = atoi(csv_field(c, 0) + 1);

		snprintf(want, sizeof want, "L%ld", csv_line(c));
		ck_assert_str_eq(csv_field(c, 2), want);
		/* In file order, each group whole. */
		ck_assert_int_gt(csv_line(c), group_start);
		if (g != last_group) {
			ck_assert_int_eq(g, last_group + 1);
			last_group = g;
		}
		group_start = csv_line(c);
		if (strcmp(csv_field(c, 3), "plain") != 0) {
			/* Each repaired text its own record's. */
			snprintf(want, sizeof want, "caf\xc3\xa9%ld", csv_line(c));
			ck_assert_str_eq(csv_field(c, 3), want);
			repaired++;
		}
		handed++;
	}
	ck_assert_int_eq(rc, 0);
	ck_assert_int_eq(last_group, GROUPS - 1);
	ck_assert_int_gt(repaired, 0);
	s = csv_close(c);
	ck_assert_int_eq(s->records, line - 1);
	ck_assert_int_eq(s->rejected, copies);
	ck_assert_int_eq(handed, line - 1 - copies);
	ck_assert_ptr_nonnull(problem(s, "duplicate id"));
	ck_assert_int_eq(problem(s, "duplicate id")->count, copies);
	csv_stats_free(s);
	unlink(path);
}
END_TEST

/* A part cut by csv_split at the group column is read as grouped, without
 * a check: here a range that is not (the split would have made it one part
 * of the whole file) comes in file order, and needs no temporary file; the
 * same range not marked as cut at that column is checked and partitioned. */
START_TEST(range_cut_at_the_group_column_trusted)
{
	char out[256];
	csv_stats *s;
	csv_range r = { .start = 4, .end = 20, .line = 2, .grouped_by = 1 };

	/* "v;x\n" is 4 bytes, each record 4. */
	write_text("v;x\nA;1\nB;2\nA;3\nC;4\nD;5\n");
	setenv("TMPDIR", "/nonexistent/pk2d", 1);
	read_part(&r, out, sizeof out, &s);
	ck_assert_str_eq(out, "2:A|1\n3:B|2\n4:A|3\n5:C|4\n");
	ck_assert_int_eq(s->records, 4);
	csv_stats_free(s);
	setenv("TMPDIR", tmpdir, 1);
	r.grouped_by = 0;
	read_part(&r, out, sizeof out, &s);
	ck_assert_str_eq(out, "2:A|1\n4:A|3\n3:B|2\n5:C|4\n");
	csv_stats_free(s);
	/* Cut at another column: checked. */
	r.grouped_by = 2;
	read_part(&r, out, sizeof out, &s);
	ck_assert_str_eq(out, "2:A|1\n4:A|3\n3:B|2\n5:C|4\n");
	csv_stats_free(s);
}
END_TEST

/* A record handed out after a group's dropped copies starts clean: the
 * caller's rejection of it counts. */
START_TEST(record_after_dropped_copies_counts_its_rejection)
{
	char err[256];
	csv_reader *c;
	csv_stats *s;
	int id = 1;

	write_text("v;id;x\nA;1;a\nA;1;b\nB;2;c\n");
	c = csv_open(path, err, sizeof err);
	ck_assert_ptr_nonnull(c);
	ck_assert_int_eq(csv_group(c, 0, &id, 1, err, sizeof err), 0);
	ck_assert_int_eq(csv_next(c, err, sizeof err), 1);
	ck_assert_int_eq(csv_line(c), 4);
	csv_reject(c, "bad x: %s", csv_field(c, 2));
	ck_assert_int_eq(csv_next(c, err, sizeof err), 0);
	s = csv_close(c);
	ck_assert_int_eq(s->records, 3);
	ck_assert_int_eq(s->rejected, 3);
	csv_stats_free(s);
}
END_TEST

/* An error in the file inside a held group: the records before it are
 * handed out, then the error, every time. */
START_TEST(read_error_inside_a_held_group)
{
	char err[256];
	csv_reader *c;
	int id = 1;

	write_text("v;id;x\nA;1;a\nB;1;b\nB;2;c\nB;3;\"d\n");
	c = csv_open(path, err, sizeof err);
	ck_assert_ptr_nonnull(c);
	ck_assert_int_eq(csv_group(c, 0, &id, 1, err, sizeof err), 0);
	for (int line = 2; line <= 4; line++) {
		ck_assert_int_eq(csv_next(c, err, sizeof err), 1);
		ck_assert_int_eq(csv_line(c), line);
	}
	ck_assert_int_eq(csv_next(c, err, sizeof err), PK2D_ERR_DATA);
	ck_assert_str_eq(err, "line 5: unterminated quoted field");
	ck_assert_int_eq(csv_next(c, err, sizeof err), PK2D_ERR_DATA);
	csv_stats_free(csv_close(c));
}
END_TEST

/* A NUL byte inside a group value: the split and the grouping check compare
 * the value up to it, never reading past their copy of it (found by
 * fuzz_csv under ASan); such a file counts as not grouped, and every
 * record is still read. */
START_TEST(nul_byte_in_a_group_value)
{
	static const char text[] = "v;x\nA\0z;1\nA\0z;2\nB;3\n";
	FILE *f = fopen(path, "wb");
	char err[256], out[256];
	csv_range *r;
	csv_stats *s;
	size_t n;

	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(text, 1, sizeof text - 1, f), sizeof text - 1);
	ck_assert_int_eq(fclose(f), 0);
	ck_assert_int_eq(csv_split(path, "v", 4, 8, &r, &n, err, sizeof err), 0);
	ck_assert_uint_eq(n, 1);
	free(r);
	ck_assert_int_eq(read_grouped(0, NULL, 0, out, sizeof out, &s), 0);
	ck_assert_int_eq(s->records, 3);
	csv_stats_free(s);
}
END_TEST

START_TEST(wrong_calls)
{
	char err[256];
	csv_reader *c;
	int bad = 5;

	write_text("v;x\nA;1\n");
	c = csv_open(path, err, sizeof err);
	ck_assert_ptr_nonnull(c);
	ck_assert_int_eq(csv_group(c, 2, NULL, 0, err, sizeof err), PK2D_ERR_INVALID);
	ck_assert_int_eq(csv_group(c, -2, NULL, 0, err, sizeof err), PK2D_ERR_INVALID);
	ck_assert_int_eq(csv_group(c, 0, &bad, 1, err, sizeof err), PK2D_ERR_INVALID);
	ck_assert_int_eq(csv_group(c, 0, NULL, 1, err, sizeof err), PK2D_ERR_INVALID);
	ck_assert_int_eq(csv_group(c, 0, NULL, CSV_GROUP_MAX_IDS + 1, err, sizeof err),
	                 PK2D_ERR_INVALID);
	ck_assert_int_eq(csv_next(c, err, sizeof err), 1);
	ck_assert_int_eq(csv_group(c, 0, NULL, 0, err, sizeof err), PK2D_ERR_INVALID);
	ck_assert_ptr_nonnull(strstr(err, "after the first record"));
	csv_stats_free(csv_close(c));
}
END_TEST

START_TEST(no_temporary_folder)
{
	char err[256];
	csv_reader *c;

	write_text("v;x\nA;1\nB;2\nA;3\n");
	setenv("TMPDIR", "/nonexistent/pk2d", 1);
	c = csv_open(path, err, sizeof err);
	ck_assert_ptr_nonnull(c);
	ck_assert_int_eq(csv_group(c, 0, NULL, 0, err, sizeof err), PK2D_ERR_IO);
	ck_assert_ptr_nonnull(strstr(err, "cannot make a temporary file in /nonexistent/pk2d"));
	/* The same error from csv_next, never a record. */
	ck_assert_int_eq(csv_next(c, err, sizeof err), PK2D_ERR_IO);
	csv_stats_free(csv_close(c));
}
END_TEST

START_TEST(read_error_while_partitioning)
{
	char err[256];
	csv_reader *c;

	/* A comes back before the error: the file is split, and meets it. */
	write_text("v;x\nA;1\nB;2\nA;3\nC;\"4\n");
	c = csv_open(path, err, sizeof err);
	ck_assert_ptr_nonnull(c);
	ck_assert_int_eq(csv_group(c, 0, NULL, 0, err, sizeof err), PK2D_ERR_DATA);
	ck_assert_str_eq(err, "line 5: unterminated quoted field");
	ck_assert_int_eq(csv_next(c, err, sizeof err), PK2D_ERR_DATA);
	ck_assert_int_eq(tmp_entries(), 0);
	csv_stats_free(csv_close(c));
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("csv_group");
	TCase *tc = tcase_create("group");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, grouped_file_in_order);
	tcase_add_test(tc, ungrouped_file_grouped_with_its_lines);
	tcase_add_test(tc, quoted_and_blank_forms_are_one_value);
	tcase_add_test(tc, last_column_crlf_and_short_rows);
	tcase_add_test(tc, repaired_text_through_the_split);
	tcase_add_test(tc, whole_file_one_group);
	tcase_add_test(tc, header_only_and_one_record);
	tcase_add_test(tc, duplicates_identical_once_differing_none);
	tcase_add_test(tc, duplicates_per_group_and_by_all_ids);
	tcase_add_test(tc, any_order_same_groups);
	tcase_add_test(tc, held_groups_across_refills);
	tcase_add_test(tc, range_cut_at_the_group_column_trusted);
	tcase_add_test(tc, read_error_inside_a_held_group);
	tcase_add_test(tc, record_after_dropped_copies_counts_its_rejection);
	tcase_add_test(tc, nul_byte_in_a_group_value);
	tcase_add_test(tc, wrong_calls);
	tcase_add_test(tc, no_temporary_folder);
	tcase_add_test(tc, read_error_while_partitioning);
	tcase_add_test(tc, split_at_group_starts);
	tcase_add_test(tc, split_ungrouped_is_one_part);
	tcase_add_test(tc, split_tells_starts);
	tcase_add_test(tc, stats_merge_limits);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *r = srunner_create(suite());
	int failed;

	srunner_run_all(r, CK_NORMAL);
	failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
