/*
 * parts.h - an instance's input read in parts, each part in a child of its
 * own (pk2d_plugin.parts_input, ABI 1.5): how many parts and where each
 * starts, found by a process of its own while the children run, and the
 * parts' shares of an output file joined once they all succeeded.
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
/* Test-only: while the file this names exists (at most 60 s), a split
 * process waits before it tells how the split ended, so that a test can
 * see the parts started before it (tests/parts.sh). */
#define PARTS_HOLD_ENV "PK2D_TEST_SPLIT_HOLD"

/* Plans the split of the parts_input file of every job whose plugin has
 * one and whose section names it: parts of about the same size, the files'
 * total over four times jobs_at_once (so that the pool of parts keeps
 * every process busy to the end: the plugins differ in their time per
 * byte, and the last part to end runs alone), at least PARTS_MIN_BYTES. A
 * job with a file big enough for two parts gets job->split, job->parts_path
 * and job->n_parts, the most parts it may have; the runner then makes the
 * split beside the children (parts_split_start() and on). */
void parts_plan(runner_job *jobs, size_t n, int jobs_at_once);

/* Starts job's split: its file's parts column read through by a process
 * of its own, which tells each part's start as it finds it. 1: poll
 * parts_split_fd(job) and call parts_split_read(); 0: no process could
 * start, the split was made here and has ended (as parts_split_read()
 * leaves it). */
int parts_split_start(runner_job *job);

/* The descriptor to poll for job's split process, or -1. */
int parts_split_fd(const runner_job *job);

/* Takes what job's split process has sent: each part's start found goes
 * to job->parts (job->n_found; a part's end is set once the next part's
 * start is found). 1 when the split has ended: job->split is NULL and
 * job->n_parts final: above 1, the parts all in job->parts; 1, the file is
 * read in one part (not grouped by the parts column, too few groups, or
 * the split failed: its process ended early, or the file could not be
 * read, which the plugin then meets itself). 0 while it goes on. */
int parts_split_read(runner_job *job);

/* Ends job's split, its process killed if one runs: the file in one part,
 * as parts_split_read() leaves it. */
void parts_split_stop(runner_job *job);

/* Frees what parts_plan() set in a job. */
void parts_clear(runner_job *job);

/* Joins the n parts' files api_part_path(path, k) into path, in part order
 * (through a temporary file renamed into place), and removes them. 0, or
 * PK2D_ERR_IO with err set (the parts' files are removed all the same). */
int parts_join(const char *path, size_t n, char *err, size_t errlen);

/* Removes the n parts' files of path (a part failed). */
void parts_remove(const char *path, size_t n);

#endif
