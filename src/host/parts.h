/*
 * parts.h - an instance's input read in parts, each part in a child of its
 * own (pk2d_plugin.parts_input, ABI 1.5): how many parts and where each
 * starts, decided before the children start, and the parts' shares of an
 * output file joined once they all succeeded.
 */
#ifndef PK2D_PARTS_H
#define PK2D_PARTS_H

#include <stddef.h>
#include "runner.h"

/* Below this size a file is read in one part: a part costs a process and
 * the plugin's init. */
#define PARTS_MIN_BYTES (32LL << 20)
/* Most parts of one file. */
#define PARTS_MAX 64
/* Test-only: the part size in bytes, instead of the rule below. */
#define PARTS_BYTES_ENV "PK2D_PART_BYTES"

/* Splits the parts_input file of every job whose plugin has one and whose
 * section names it into parts (job->parts_path, parts, n_parts) of about
 * the same size: the files' total over four times jobs_at_once (so that
 * the pool of parts keeps every process busy to the end: the plugins
 * differ in their time per byte, and the last part to end runs alone), at
 * least
 * PARTS_MIN_BYTES. A file that is not grouped by the parts column, or
 * cannot be read for the split (the plugin then meets the error itself),
 * stays one part. With several such files and jobs_at_once above 1, up to
 * jobs_at_once files are read at once, each by a process of its own. */
void parts_plan(runner_job *jobs, size_t n, int jobs_at_once);

/* Frees what parts_plan() set in a job. */
void parts_clear(runner_job *job);

/* Joins the n parts' files api_part_path(path, k) into path, in part order
 * (through a temporary file renamed into place), and removes them. 0, or
 * PK2D_ERR_IO with err set (the parts' files are removed all the same). */
int parts_join(const char *path, size_t n, char *err, size_t errlen);

/* Removes the n parts' files of path (a part failed). */
void parts_remove(const char *path, size_t n);

#endif
