/*
 * harness.h - the one test harness of pk2d's Check suites.
 *
 * Temporary directories and files for every suite, and for the plugin tests
 * a whole configuration run in-process through the host's own code:
 * session_open and session_run with no_fork, so a plugin's calls go through
 * src/api.c (configuration look-ups, the CSV reader, the registry sink) and
 * land in the real registry exactly as under "pk2d --no-fork". The harness
 * keeps what the host printed, at every level, so that tests can look for
 * "pk2d.ini:LINE: ..." messages, and PK2D_DATA_DIR names the data directory
 * (region codes, WHO tables) as for pk2d itself.
 */
#ifndef PK2D_HARNESS_H
#define PK2D_HARNESS_H

#include <stddef.h>
#include <stdio.h>
#include "api.h"
#include "csv.h"
#include "registry.h"
#include "run.h"
#include "session.h"

/* ---- files ------------------------------------------------------------ */

/* A new empty directory under $TMPDIR (malloc'd). */
char *harness_tmpdir(void);
/* Removes dir and everything in it. */
void harness_rmtree(const char *dir);
/* Writes text to dir/name and returns the path (malloc'd). */
char *harness_write(const char *dir, const char *name, const char *text);
/* $PK2D_TOP_SRCDIR/rel, or ./rel when it is not set (malloc'd). */
char *harness_source(const char *rel);
/* Non-zero when some item of the list contains needle. */
int harness_has(char *const *items, size_t n, const char *needle);

/* ---- a configuration run in-process ----------------------------------- */

typedef struct harness {
	char *dir;           /* temporary directory: pk2d.ini and the inputs */
	session s;
	int opened;          /* session_open succeeded */
	size_t failed;       /* instances that failed or were not loaded */
	char *log;           /* what the host printed during the last run */
	/* harness_host's host and sink, and the capture of stderr. */
	pk2d_host *host;
	registry_sink sink;
	int saved_stderr, saved_verbosity;
	FILE *capture;
} harness;

/* Makes the temporary directory. */
void harness_init(harness *t);
/* The path of name in the directory (malloc'd). */
char *harness_path(const harness *t, const char *name);
/* Writes name (relative to the directory) with text. */
void harness_file(harness *t, const char *name, const char *text);
/* Writes pk2d.ini with ini and opens it (configuration, region codes,
 * plugins), closing any session of an earlier run. Returns 0, or
 * PK2D_ERR_CONFIG with the reasons in the log. */
int harness_open(harness *t, const char *ini);
/* harness_open, then every instance's init, collect and fini (init only
 * with declare_only), the aims check and the roll-up. Returns what
 * harness_open returned (plugins may still have failed: see failed). */
int harness_run(harness *t, const char *ini);
int harness_declare(harness *t, const char *ini);
/* The INI text of a run over period and area with one section
 * [plugin.instance] holding kv (key, value, ..., NULL), one key a line in
 * order: the first key is on line 6 (malloc'd). */
char *harness_ini(const char *period, const char *area, const char *instance,
                  const char *const *kv);

/* The run of an instance. */
const plugin_run *harness_instance(const harness *t, const char *instance);
/* What the instance's callbacks returned: 0 when it ran well, else the code
 * in its failure reason ("collect returned -5 (...)"), which must name stage
 * unless stage is NULL. Any other failure (a crash, not loaded) fails the
 * test. */
int harness_returned(const harness *t, const char *instance, const char *stage);
/* The declaration of "pkk.rumah_sehat" (fails the test when there is
 * none). */
const reg_indicator *harness_indicator(const harness *t, const char *full_id);
const reg_intervention *harness_intervention(const harness *t, const char *full_id);
/* The sums of an indicator or intervention in area and rt (RT_ALL: the
 * whole area) in the run's period; 1 when anything was reported there. */
int harness_get(const harness *t, const char *full_id, const char *area, int rt,
                reg_sum *out);
int harness_iget(const harness *t, const char *full_id, const char *area, int rt,
                 reg_isum *out);
/* The statistics of the instance's file whose path ends with suffix, or
 * NULL. */
const csv_stats *harness_stats(const harness *t, const char *instance, const char *suffix);
/* The first problem of a kind in the instance's file ending with suffix,
 * or NULL. */
const csv_problem *harness_problem(const harness *t, const char *instance, const char *suffix,
                                   const char *kind);
/* Rows of the instance's files (only the one ending with suffix, unless it
 * is NULL) rejected (rejected = 1) or noted (0) with a kind. */
long harness_problems(const harness *t, const char *instance, const char *suffix,
                      const char *kind, int rejected);
/* Non-zero when the log holds text. */
int harness_logged(const harness *t, const char *text);

/* The api and a host of an opened instance, for tests that call a
 * plugin's modules directly: the same functions a plugin's init gets, over
 * the instance's section, feeding the session's registry. */
const pk2d_host_api *harness_api(void);
pk2d_host *harness_host(harness *t, const char *instance);
/* Sends the host's messages (stderr, every level) to the log from begin to
 * end; harness_open and harness_run do so themselves. */
void harness_capture_begin(harness *t);
void harness_capture_end(harness *t);

/* Removes the directory and frees everything. */
void harness_free(harness *t);

#endif
