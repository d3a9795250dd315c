/*
 * villages_out.h - the villages' part of a wide report written by several
 * processes at once.
 *
 * A province's report is mostly its villages' sections (2,000 of them), each
 * rendered from the view alone, and the run's other processes have ended by
 * then: the parent rendering them one after another kept one core busy while
 * the other idled. The villages are cut into up to v->jobs runs of about as
 * many; every run but the first is rendered by a forked process into an
 * unlinked temporary file, which the parent copies to the report after
 * rendering the first run itself, in order. The report is byte for byte the
 * one a single process writes (tests/villages_jobs.sh).
 */
#ifndef PK2D_VILLAGES_OUT_H
#define PK2D_VILLAGES_OUT_H

#include <stddef.h>
#include <stdio.h>
#include "report_view.h"

/* Writes the villages from .. to-1 of v to out, in order, as they follow
 * the ones before from (from 0: the first); 0, or < 0 after which nothing
 * more is written. Called once per run, in whichever process renders it. */
typedef int (*villages_fn)(const report_view *v, size_t from, size_t to, FILE *out, void *ud);

/* Test-only: with PK2D_TEST_VILLAGES_FAIL=K, the process rendering run K
 * (K >= 1) ends with an error, so that the parent renders it again; with
 * copy:K, copying run K into the report fails (EIO), which fails it. */
#define VILLAGES_FAIL_ENV "PK2D_TEST_VILLAGES_FAIL"

/* Writes all of v's villages to out through write, in runs as above. A
 * run whose process cannot be made, or fails (an error, a signal, no room
 * for its temporary file), is rendered again by the caller's process.
 * Returns the first error of write in the caller's process: 0 or < 0. */
int villages_write(const report_view *v, FILE *out, villages_fn write, void *ud);

#endif
