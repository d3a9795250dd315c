/*
 * plugin_harness.h - runs a whole configuration in-process for the plugin
 * tests (session_open and session_run with no_fork), in a temporary
 * directory that holds the INI file and the input files, and keeps what the
 * host printed so that tests can look for "pk2d.ini:LINE: ..." messages.
 */
#ifndef PK2D_PLUGIN_HARNESS_H
#define PK2D_PLUGIN_HARNESS_H

#include <stddef.h>
#include "registry.h"
#include "run.h"
#include "session.h"

typedef struct harness {
	char dir[64];
	session s;
	int opened;         /* session_open succeeded */
	size_t failed;      /* instances that failed or were not loaded */
	char *log;          /* everything written on stderr */
} harness;

/* Makes the temporary directory. */
void harness_init(harness *t);
/* Writes name (relative to the directory) with text. */
void harness_file(harness *t, const char *name, const char *text);
/* Writes pk2d.ini with text and runs it. Returns 0 when the configuration
 * was accepted (plugins may still have failed: see failed). */
int harness_run(harness *t, const char *ini);
/* The sums of an indicator ("pkk.rumah_sehat") in area and rt; 1 when
 * anything was reported there. */
int harness_get(const harness *t, const char *full_id, const char *area, int rt,
                reg_sum *out);
int harness_iget(const harness *t, const char *full_id, const char *area, int rt,
                 reg_isum *out);
/* The run of an instance. */
const plugin_run *harness_instance(const harness *t, const char *instance);
/* Rows of an instance's files rejected (rejected = 1) or noted (0) with a
 * kind. */
long harness_problems(const harness *t, const char *instance, const char *kind, int rejected);
/* Non-zero when the log holds text. */
int harness_logged(const harness *t, const char *text);
/* Removes the directory and frees everything. */
void harness_free(harness *t);

#endif
