/*
 * runner.h - running plugin instances: each in its own child process (init,
 * collect, fini), up to `jobs` at once, with a time limit each; or all in
 * this process, one after the other (--no-fork, unit tests).
 *
 * The parent applies each child's records through the registry sink
 * (api.h). An instance may only apply its records once every instance
 * before it in the configuration has finished declaring, so declarations
 * land in the registry in configuration order whatever finishes first; until
 * then its pipe is not read, and the child waits on the full pipe.
 *
 * A job read in parts (parts.h) runs one child per part, all of them in the
 * one pool of `jobs` children: every instance's part 0 first, in
 * configuration order, then the other parts. Part 0's declarations are the
 * instance's (the other parts' are not applied); every part's values go to
 * the registry as they come; when the last part ends, the parts' file
 * statistics are merged in part order into the instance's run, their
 * output files joined, and the instance fails (its values dropped) when
 * one part failed.
 *
 * The split of a job's file is made beside the children, up to `jobs`
 * files at once, each by a process of its own: a part starts as soon as
 * its start and end are known, before the split has ended. Such a part's
 * values, messages and file statistics are held until the split ends:
 * then they go on as any part's when the file is in parts after all;
 * when it is not (not grouped, or the split failed), the parts started
 * are stopped, their records and files dropped, and part 0 runs again as
 * the whole file (its declarations already made).
 */
#ifndef PK2D_RUNNER_H
#define PK2D_RUNNER_H

#include <stddef.h>
#include "api.h"

typedef struct runner_job {
	const conf_plugin *cp;
	const loaded_plugin *lp;  /* NULL: not run (not loaded or disabled) */
	plugin_run *run;          /* filled: state, reason, seconds, counts, files */
	char *parts_path;         /* the file read in parts (parts.h), or NULL */
	csv_range *parts;         /* its n_parts (> 1) parts; NULL: one part;
	                             while split, the n_found found so far */
	size_t n_parts;           /* while split: the most parts it may have */
	size_t n_found;
	struct parts_split *split; /* while its split is being made, else NULL */
} runner_job;

typedef struct runner_opts {
	int jobs;                 /* children at once, >= 1 */
	int no_fork;              /* run in this process */
	int declare_only;         /* init and fini only: pk2d check, pk2d plugins */
	int hold_messages;        /* what each instance logs goes to its run's held
	                             list, and its failure is not logged: the
	                             caller shows them (pk2d plugins) */
} runner_opts;

/* Runs every job with an lp, in configuration order. Returns the number of
 * instances that failed. A failed instance's values are dropped from the
 * registry; its declarations stay. */
size_t runner_run(const conf *cfg, const areas *ar, registry *reg, runner_job *jobs,
                  size_t n, const runner_opts *opts);

/* What every child of pk2d does first (runs and probes): the default
 * action of the stopping signals (cleanup.h), and stdout on /dev/null, since
 * a plugin must not write there and the report may go there. */
void runner_child_setup(void);

/* A signal's name for messages: "Segmentation fault". */
const char *runner_signal_name(int sig);

#endif
