/*
 * accounting.c - rows used and not used, per file, and the failure rules
 * (accounting.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "accounting.h"
#include "util.h"

const char *acct_class_key(int cls)
{
	static const char *const keys[ACCT_N_CLASSES] = {
		[ACCT_OUTSIDE_AREA] = "outside_area", [ACCT_OUTSIDE_PERIOD] = "outside_period",
		[ACCT_NOT_LOKUS] = "not_lokus",
		[ACCT_DUPLICATE] = "duplicate", [ACCT_REJECTED] = "rejected", [ACCT_NOTED] = "noted",
	};

	return cls >= 0 && cls < ACCT_N_CLASSES ? keys[cls] : "used";
}

const char *acct_failure_key(int failure)
{
	static const char *const keys[] = {
		[ACCT_FINE] = NULL, [ACCT_NOT_IN_AREA] = "not_in_area",
		[ACCT_NOT_IN_PERIOD] = "not_in_period", [ACCT_NOTHING_USED] = "nothing_used",
		[ACCT_TOO_MANY_REJECTED] = "too_many_rejected",
	};

	return failure > 0 && failure <= ACCT_TOO_MANY_REJECTED ? keys[failure] : NULL;
}

int acct_class_of(const csv_problem *p)
{
	if (!p->rejected)
		return ACCT_NOTED;
	if (strcmp(p->kind, "outside area") == 0)
		return ACCT_OUTSIDE_AREA;
	if (strcmp(p->kind, "outside period") == 0)
		return ACCT_OUTSIDE_PERIOD;
	if (strcmp(p->kind, ACCT_NOT_LOKUS_KIND) == 0)
		return ACCT_NOT_LOKUS;
	if (strncmp(p->kind, "duplicate", 9) == 0 || strcmp(p->kind, "repeated row") == 0)
		return ACCT_DUPLICATE;
	return ACCT_REJECTED;
}

static int judge(acct_file *f, double max_rejected)
{
	const csv_stats *st = f->st;
	long in_area = st->records - f->rows[ACCT_OUTSIDE_AREA];
	long in_scope = in_area - f->rows[ACCT_OUTSIDE_PERIOD];
	long bad = f->rows[ACCT_REJECTED] + f->rows[ACCT_DUPLICATE];
	long used = f->used + f->rows[ACCT_NOT_LOKUS]; /* as in the whole area's run */

	f->share = in_scope > 0 ? 100.0 * (double)bad / (double)in_scope : 0;
	if (st->records == 0)
		return ACCT_FINE;
	if (used == 0 && f->rows[ACCT_OUTSIDE_AREA] > 0 &&
	    f->rows[ACCT_OUTSIDE_AREA] >= f->rows[ACCT_OUTSIDE_PERIOD])
		return ACCT_NOT_IN_AREA;
	if (in_area > 0 && 2 * f->rows[ACCT_OUTSIDE_PERIOD] > in_area)
		return ACCT_NOT_IN_PERIOD;
	if (used == 0)
		return ACCT_NOTHING_USED;
	if (f->share > max_rejected)
		return ACCT_TOO_MANY_REJECTED;
	return ACCT_FINE;
}

static void count_file(acct_file *f)
{
	const csv_stats *st = f->st;
	long other = 0;

	for (size_t k = 0; k < st->n_problems; k++) {
		int cls = acct_class_of(&st->problems[k]);

		if (cls != ACCT_REJECTED && cls != ACCT_NOTED)
			f->rows[cls] += st->problems[k].count;
	}
	for (int cls = 0; cls < ACCT_REJECTED; cls++)
		other += f->rows[cls];
	f->rows[ACCT_REJECTED] = st->rejected > other ? st->rejected - other : 0;
	f->rows[ACCT_NOTED] = st->noted;
	f->used = st->records > st->rejected ? st->records - st->rejected : 0;
}

void accounting_build(accounting *a, const plugin_run *runs, size_t n_runs,
                      double max_rejected)
{
	memset(a, 0, sizeof *a);
	a->max_rejected = max_rejected;
	for (size_t i = 0; i < n_runs; i++)
		a->n += runs[i].n_files;
	a->files = xcalloc(a->n ? a->n : 1, sizeof *a->files);
	a->n = 0;
	for (size_t i = 0; i < n_runs; i++)
		for (size_t k = 0; k < runs[i].n_files; k++) {
			acct_file *f = &a->files[a->n++];

			f->instance = runs[i].instance;
			f->st = runs[i].files[k];
			count_file(f);
			f->failure = judge(f, max_rejected);
			a->records += f->st->records;
			a->used += f->used;
			a->by_name += f->st->by_name;
			for (int cls = 0; cls < ACCT_N_CLASSES; cls++)
				a->rows[cls] += f->rows[cls];
			a->n_failed += f->failure != ACCT_FINE;
			a->n_lossy += acct_file_lossy(f);
		}
}

void accounting_free(accounting *a)
{
	free(a->files);
	memset(a, 0, sizeof *a);
}

const char *acct_most_seen(const acct_file *f, int cls)
{
	const char *best = NULL;
	long most = 0;

	for (size_t k = 0; k < f->st->n_problems; k++) {
		const csv_problem *p = &f->st->problems[k];

		if (acct_class_of(p) != cls)
			continue;
		for (int j = 0; j < p->n_seen; j++)
			if (p->seen_count[j] > most) {
				most = p->seen_count[j];
				best = p->seen[j];
			}
	}
	return best;
}

int acct_file_lossy(const acct_file *f)
{
	return f->used < f->st->records || f->rows[ACCT_NOTED] > 0;
}
