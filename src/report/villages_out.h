/*
 * villages_out.h - the villages' part of a wide report rendered by several
 * threads at once.
 *
 * A province's report is mostly its villages' sections (2,000 of them), each
 * rendered from the view alone, and the run's other processes have ended by
 * then: rendering them one after another kept one core busy while the other
 * idled. The villages are cut into chunks of a few; v->jobs threads each take
 * the next chunk, render it into a buffer in memory and, on the chunk's turn
 * (every chunk before it written), write it to the report themselves, while
 * the others render theirs. A thread holds one chunk at a time, so the
 * buffers do not grow with the report, and each byte of it is written to
 * the file once, from the cache of the core that rendered it.
 * The report is byte for byte the one a single thread writes
 * (tests/villages_jobs.sh). The writers called here keep no state between
 * calls but in their arguments: a buffer they return is thread-local.
 */
#ifndef PK2D_VILLAGES_OUT_H
#define PK2D_VILLAGES_OUT_H

#include <stddef.h>
#include <stdio.h>
#include "report_view.h"

/* Writes the villages from .. to-1 of v to out, in order, as they follow
 * the ones before from (from 0: the first); 0, or < 0 after which nothing
 * more is written. Called once per chunk, in whichever thread renders it,
 * several at once. */
typedef int (*villages_fn)(const report_view *v, size_t from, size_t to, FILE *out, void *ud);

/* Test-only: with PK2D_TEST_VILLAGES_FAIL=K, a thread's rendering of chunk
 * K (from 0) into memory fails, so that it renders it again straight into
 * the report on its turn; with copy:K, writing chunk K into the report
 * fails (EIO), which fails it; with start, no thread starts, so that the
 * caller renders them all. */
#define VILLAGES_FAIL_ENV "PK2D_TEST_VILLAGES_FAIL"

/* Writes all of v's villages to out through write, in chunks as above
 * (with one job, or a single village, all at once by the caller). A chunk
 * whose thread fails to render it into memory is rendered again straight
 * into out; without any thread, the caller renders them all. Returns 0, or
 * the first error of a write to out or of write straight into it (errno
 * set), after which nothing more is written. */
int villages_write(const report_view *v, FILE *out, villages_fn write, void *ud);

#endif
