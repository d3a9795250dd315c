/*
 * session.h - one run of pk2d: the configuration, the plugins it names
 * (loaded and checked), the registry they fill, and what happened to each
 * instance. main.c drives it; tests use it to run whole configurations.
 */
#ifndef PK2D_SESSION_H
#define PK2D_SESSION_H

#include <stddef.h>
#include "accounting.h"
#include "areas.h"
#include "conf.h"
#include "loader.h"
#include "log.h"
#include "registry.h"
#include "run.h"
#include "runner.h"

typedef struct session_module {
	char *name;
	loaded_plugin *lp;        /* NULL when refused */
	char *error;              /* why it was refused */
	char *untrusted;          /* the trust rule it broke, when allowed */
} session_module;

typedef struct session {
	conf *cfg;
	plugin_search search;
	areas *areas;
	registry *reg;
	size_t n_modules;
	session_module *modules;
	size_t n_runs;
	plugin_run *runs;         /* one per [plugin.*] section, in order */
	runner_job *jobs;
	accounting acct;          /* the rows of every file read (after a full run) */
} session;

typedef struct session_opts {
	const char *config;       /* the file to read */
	const char *plugin_path;  /* --plugin-path, or NULL */
	int jobs;                 /* -j, or 0 for [pk2d] jobs */
	int no_fork;
	int allow_untrusted;      /* --allow-untrusted-plugins */
} session_opts;

/* Reads the configuration and the region codes, loads every enabled
 * instance's module and checks its section against the descriptor. Returns
 * 0, or PK2D_ERR_CONFIG with every problem in errs (the session is then
 * freed). A module the loader refuses is not a configuration error: its
 * instances are RUN_NOT_LOADED with the reason, and the others run. */
int session_open(session *s, const session_opts *opts, msglist *errs);

/* Runs every loaded instance (init only with declare_only), then checks the
 * interventions' aims, rolls the registry up and counts every file's rows
 * (s->acct). Returns the number of instances that failed or were not
 * loaded. */
size_t session_run(session *s, const session_opts *opts, int declare_only);

/* The first required instance that did not run well, or NULL. */
const plugin_run *session_required_failure(const session *s);

void session_free(session *s);

/* Frees what a plugin_run owns (not the struct). */
void plugin_run_clear(plugin_run *run);

/* "ok", "failed", "not loaded", "disabled". */
const char *run_state_name(int state);

#endif
