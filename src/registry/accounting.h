/*
 * accounting.h - what became of every row a run read, and the rules that
 * turn a loss of rows into a failed run (docs/inputs.md, "Accounting").
 *
 * Every data row of every file a plugin read is used, or counted in one
 * class by the kind of the reason the plugin gave (csv_reject, csv_note):
 *   outside area    the kind "outside area"
 *   outside period  the kind "outside period"
 *   not lokus       the kind "not a lokus village": a row the plugin used, of
 *                   a village that is not one of the lokus villages a
 *                   report is limited to (host/lokus_rows.h); its values
 *                   are left out of the roll-up
 *   duplicate       a kind that starts with "duplicate", and "repeated row"
 *                   (an identical copy the reader counts once)
 *   rejected        any other kind of a dropped row
 *   noted           a row used with a problem noted (csv_note)
 * The class rejected is what the file's rejected rows leave after the other
 * four (the shipped plugins reject a row under one kind only).
 *
 * A file fails the run when
 *   - it has rows and not one could be used (ACCT_NOTHING_USED; said as
 *     ACCT_NOT_IN_AREA when rows outside the run's area are among them, and
 *     at least as many as those outside its period), or
 *   - more than half of its rows inside the run's area lie outside the run's
 *     period (ACCT_NOT_IN_PERIOD), or
 *   - its rejected share is above max_rejected percent (ACCT_TOO_MANY_REJECTED):
 *     the rows of the classes rejected and duplicate, out of the rows inside
 *     the run's area and period (rows outside them are not errors).
 * A file with only a header has no rows: it is warned about, not failed.
 * The rules count the rows not lokus as used: a file fails a report limited
 * to the lokus villages exactly when it fails the report of the whole area.
 */
#ifndef PK2D_ACCOUNTING_H
#define PK2D_ACCOUNTING_H

#include <stddef.h>
#include "csv.h"
#include "run.h"

enum acct_class {
	ACCT_OUTSIDE_AREA, ACCT_OUTSIDE_PERIOD, ACCT_NOT_LOKUS, ACCT_DUPLICATE, ACCT_REJECTED,
	ACCT_NOTED,
	ACCT_N_CLASSES
};

/* The kind of the class not lokus. */
#define ACCT_NOT_LOKUS_KIND "not a lokus village"

enum acct_failure {
	ACCT_FINE = 0, ACCT_NOT_IN_AREA, ACCT_NOT_IN_PERIOD, ACCT_NOTHING_USED,
	ACCT_TOO_MANY_REJECTED
};

typedef struct acct_file {
	const char *instance;        /* the plugin instance that read it */
	const csv_stats *st;
	long rows[ACCT_N_CLASSES];   /* rows in each class */
	long used;                   /* rows used, the noted ones included (not
	                                those of class not lokus) */
	double share;                /* rejected share in percent (see above) */
	int failure;                 /* enum acct_failure */
} acct_file;

typedef struct accounting {
	size_t n;
	acct_file *files;            /* every file of every instance, in run order */
	long records, used;          /* over all files */
	long by_name;                /* rows whose area code was found from their
	                                area names (csv_stats.by_name) */
	long rows[ACCT_N_CLASSES];
	size_t n_failed;             /* files with a failure */
	size_t n_lossy;              /* files with a row not used or noted */
	double max_rejected;
} accounting;

/* Machine names of a class ("outside_area", "used" for -1) and of a
 * failure ("not_in_area"; NULL for ACCT_FINE), for the CSV and JSON
 * reports. */
const char *acct_class_key(int cls);
const char *acct_failure_key(int failure);

/* The class of a problem (by its kind and whether it dropped the row). */
int acct_class_of(const csv_problem *p);

/* Counts every file of the runs and applies the rules. The accounting
 * points into the runs, which must outlive it. */
void accounting_build(accounting *a, const plugin_run *runs, size_t n_runs,
                      double max_rejected);
void accounting_free(accounting *a);

/* The value most rows of a file had for a class that keeps values
 * (ACCT_OUTSIDE_AREA: an area code; ACCT_OUTSIDE_PERIOD: a year), or NULL. */
const char *acct_most_seen(const acct_file *f, int cls);

/* Non-zero when file f has a row that was not used, or used with a note:
 * the files every summary and report lists. */
int acct_file_lossy(const acct_file *f);

#endif
