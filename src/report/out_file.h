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

#endif
