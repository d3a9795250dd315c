/*
 * out_file.h - one output file (a report, an evaluation) written whole or
 * not at all: into a temporary file next to it, renamed into place only
 * when everything was written, so that a reader never sees a partial file
 * and a failure leaves nothing behind.
 */
#ifndef PK2D_OUT_FILE_H
#define PK2D_OUT_FILE_H

#include <stddef.h>
#include <stdio.h>

/* What writes one output into out: 0, or a PK2D_ERR_* with err set (or
 * errno telling why writing failed). */
typedef int (*out_emit)(const void *ctx, FILE *out, char *err, size_t errlen);

/* Writes emit(ctx) to path ("-" or NULL: standard output; a device or a
 * pipe in place) through a temporary file. 0, or a PK2D_ERR_* with err
 * naming path (or "standard output") before the reason. */
int out_file_write(const char *path, out_emit emit, const void *ctx, char *err,
                   size_t errlen);

/* Whether out_file_write would write path through a temporary file (not
 * standard output, a device or a pipe): only such a file can be held. */
int out_file_holdable(const char *path);

/* Most files held at once: each stays on the signal handler's list
 * (cleanup.c, 16 files) until it is released. */
#define OUT_FILE_HOLD_MAX 8

/* From out_file_hold() to out_file_release(), a file written whole stays
 * under its temporary name instead of being renamed into place, so that
 * a run can make its files appear only once something else (the history
 * store's transaction) has ended; a signal meanwhile removes them. The
 * caller writes only holdable paths, at most OUT_FILE_HOLD_MAX, in the
 * thread that holds. out_file_release renames them into place: 0, or
 * PK2D_ERR_IO with err naming the first file that could not be renamed
 * (removed). */
void out_file_hold(void);
int out_file_release(char *err, size_t errlen);

#endif
