/*
 * run.h - what happened to each plugin instance in a run: the run-status and
 * data-quality sections of the report are written from these.
 */
#ifndef PK2D_RUN_H
#define PK2D_RUN_H

#include <stddef.h>
#include "csv.h"

enum run_state {
	RUN_OK = 0,        /* init, collect and fini returned 0 */
	RUN_FAILED = 1,    /* crashed, exited, timed out, returned an error or sent garbage */
	RUN_NOT_LOADED = 2,/* the loader refused the file (no symbol, ABI, not a shared object) */
	RUN_DISABLED = 3   /* enabled = no */
};

/* The plugin's own calls, for a failure that one of them returned. */
enum run_call {
	RUN_CALL_NONE = 0,
	RUN_CALL_INIT = 1,
	RUN_CALL_COLLECT = 2
};

/* A message an instance logged, held back (runner_opts.hold_messages). */
typedef struct run_message {
	int level;            /* enum pk2d_log_level */
	char *text;           /* as the plugin wrote it, without the instance */
} run_message;

typedef struct plugin_run {
	char *instance;       /* section name: [plugin.dukcapil] -> "dukcapil" */
	char *module;         /* module name: "activities" */
	char *agency;
	char *path;           /* the .so that was loaded, or NULL */
	int state;            /* enum run_state */
	char *reason;         /* why it failed: "killed by signal 11 (Segmentation fault)",
	                         "timed out after 30 s", "exit status 3", "collect returned -7 (...)",
	                         "malformed record at byte 120: ..."; NULL when OK, except
	                         that an untrusted file loaded for development says so */
	int error_call;       /* the call that returned an error (enum run_call);
	                         RUN_CALL_NONE when none did, even if the run
	                         failed otherwise (killed, timed out, garbage) */
	int error_code;       /* what that call returned: a PK2D_ERR_* */
	size_t n_held;
	run_message *held;    /* what it logged, when held back */
	int required;         /* required = yes: its failure fails the run */
	double seconds;       /* wall time of the child */
	long values;          /* values accepted into the registry */
	long refused;         /* values the registry refused (each logged) */
	size_t n_files;
	csv_stats **files;    /* every CSV file the instance read, in order */
} plugin_run;

#endif
