/*
 * csv_parts.c - a grouped file read in parts by several processes: where the
 * parts start (csv_split), and the parts' statistics joined again
 * (csv_stats_merge). csv_restrict() in csv.c makes a reader read one part.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "pk2d/plugin.h"
#include "csv.h"
#include "csv_priv.h"
#include "util.h"

int csv_find_starts(csv_reader *c, int col, const long long *target, size_t n_target,
                    csv_range *starts, size_t *n_starts, int *grouped, csv_split_found found,
                    void *arg)
{
	csv_strset seen = { 0 };
	char *prev = NULL;
	size_t prev_len = 0, t = 0;
	const char *field;
	size_t len;
	int rc;

	*grouped = 1;
	*n_starts = 0;
	while ((rc = csv_read_fields(c, &col, 1, &field, &len)) == 1) {
		long long at = (long long)c->base + (long long)c->rec_pos;

		/* Most records repeat the group of the one before. */
		if (prev && len == prev_len && memcmp(field, prev, len) == 0) {
			csv_skip_same(c, col, prev, prev_len);
			continue;
		}
		if ((rc = csv_strset_seen(&seen, field)) != 0) {
			*grouped = rc < 0;
			rc = rc < 0 ? rc : 0;
			break;
		}
		free(prev);
		prev = xstrdup(field);
		/* A NUL byte in the field ends the copy: its bytes after it
		 * are not compared (the value then counts as another, and the
		 * file as not grouped when it comes again). */
		prev_len = strlen(prev);
		if (t < n_target && at >= target[t] && at > starts[0].start) {
			starts[*n_starts] = (csv_range){ .start = at, .line = c->rec_line,
			                                   .grouped_by = col + 1 };
			if (found)
				found(arg, &starts[*n_starts]);
			(*n_starts)++;
			while (t < n_target && target[t] <= at)
				t++;
		}
		csv_skip_same(c, col, prev, prev_len);
	}
	free(prev);
	csv_strset_free(&seen);
	return rc;
}

int csv_split(const char *path, const char *column, long long part_bytes, size_t max_parts,
              csv_range **out, size_t *n, char *err, size_t errlen)
{
	return csv_split_each(path, column, part_bytes, max_parts, NULL, NULL, out, n, err,
	                      errlen);
}

int csv_split_each(const char *path, const char *column, long long part_bytes,
                   size_t max_parts, csv_split_found found, void *arg, csv_range **out,
                   size_t *n, char *err, size_t errlen)
{
	csv_reader *c = csv_open(path, err, errlen);
	struct stat st;
	int col, rc = 0, grouped = 1;
	size_t want, n_starts = 0;

	*out = NULL;
	*n = 0;
	if (!c)
		return PK2D_ERR_IO;
	if ((col = csv_column(c, column)) < 0) {
		if (col == CSV_AMBIGUOUS)
			csv_ambiguous(c, column, err, errlen);
		else
			snprintf(err, errlen, "no column '%s'", column);
		csv_stats_free(csv_close(c));
		return PK2D_ERR_MISSING;
	}
	long long size = fstat(c->fd, &st) == 0 ? (long long)st.st_size : 0;
	long long first = (long long)c->base + (long long)c->pos;
	want = part_bytes > 0 ? (size_t)((size - first) / part_bytes) : 1;
	if (want > max_parts)
		want = max_parts;
	/* A workbook's rows have no byte offsets to cut at: one part. */
	if (c->book)
		want = 1;
	csv_range *r = xcalloc(want > 1 ? want : 1, sizeof *r);
	r[0] = (csv_range){ .start = first, .line = c->line, .grouped_by = col + 1 };
	if (found)
		found(arg, &r[0]);
	if (want > 1) {
		long long *target = xcalloc(want - 1, sizeof *target);

		for (size_t k = 1; k < want; k++)
			target[k - 1] = first + (long long)((double)(size - first) * (double)k /
			                                    (double)want);
		rc = csv_find_starts(c, col, target, want - 1, r + 1, &n_starts, &grouped, found, arg);
		free(target);
		if (rc < 0)
			snprintf(err, errlen, "%s", c->error[0] ? c->error : "out of memory");
	}
	csv_stats_free(csv_close(c));
	if (rc < 0) {
		free(r);
		return rc;
	}
	*n = grouped ? n_starts + 1 : 1;
	if (!grouped)
		r[0].grouped_by = 0;
	for (size_t k = 0; k < *n; k++)
		r[k].end = k + 1 < *n ? r[k + 1].start : size;
	*out = r;
	return 0;
}

/* The problem of from's kind in into, added (empty) when absent. */
static csv_problem *problem_of(csv_stats *into, const csv_problem *from)
{
	csv_problem *p;

	for (size_t i = 0; i < into->n_problems; i++) {
		p = &into->problems[i];
		if (p->rejected == from->rejected && strcmp(p->kind, from->kind) == 0)
			return p;
	}
	into->problems = xrealloc(into->problems, (into->n_problems + 1) * sizeof *p);
	p = &into->problems[into->n_problems++];
	memset(p, 0, sizeof *p);
	p->kind = xstrdup(from->kind);
	p->rejected = from->rejected;
	return p;
}

void csv_stats_merge(csv_stats *into, const csv_stats *from)
{
	into->records += from->records;
	into->rejected += from->rejected;
	into->noted += from->noted;
	into->by_name += from->by_name;
	for (size_t i = 0; i < from->n_problems; i++) {
		const csv_problem *f = &from->problems[i];
		csv_problem *p = problem_of(into, f);

		p->count += f->count;
		for (int j = 0; j < f->n_examples && p->n_examples < CSV_EXAMPLES; j++) {
			p->example_line[p->n_examples] = f->example_line[j];
			p->example_text[p->n_examples++] = xstrdup(f->example_text[j]);
		}
		for (int j = 0; j < f->n_seen; j++) {
			int k = 0;

			while (k < p->n_seen && strcmp(p->seen[k], f->seen[j]) != 0)
				k++;
			if (k < p->n_seen) {
				p->seen_count[k] += f->seen_count[j];
			} else if (p->n_seen < CSV_SEEN) {
				p->seen[p->n_seen] = xstrdup(f->seen[j]);
				p->seen_count[p->n_seen++] = f->seen_count[j];
			}
		}
	}
}
