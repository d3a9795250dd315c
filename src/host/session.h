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
	char *path;               /* the file found, NULL when none was */
	loaded_plugin *lp;        /* NULL when refused */
	char *error;              /* why it was refused (without the file) */
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
	conf_plugin *listed;      /* the instances of session_open_listing() */
	accounting acct;          /* the rows of every file read (after a full run) */
} session;

typedef struct session_opts {
	const char *config;       /* the file to read */
	const char *plugin_path;  /* --plugin-path, or NULL */
	int jobs;                 /* -j, or 0 for [pk2d] jobs */
	const char *store;        /* --store FILE or none, or NULL for [pk2d] store */
	const char *csv_dialect;  /* --csv-dialect NAME (checked), or NULL for
	                             [pk2d] csv_dialect */
	int no_fork;
	int allow_untrusted;      /* --allow-untrusted-plugins */
	int lokus_only;           /* --lokus */
	int hold_messages;        /* runner_opts.hold_messages */
} session_opts;

/* Reads the configuration and the region codes, loads every enabled
 * instance's module and checks its section against the descriptor. Returns
 * 0, or PK2D_ERR_CONFIG with every problem in errs (the session is then
 * freed). A module the loader refuses is not a configuration error: its
 * instances are RUN_NOT_LOADED with the reason, and the others run. */
int session_open(session *s, const session_opts *opts, msglist *errs);

/* For pk2d plugins: every plugin file on the search path, loaded as a
 * session loads a module, and one instance of each (in name order) run with
 * the configuration's first section of that module, or with an empty
 * section when it has none (session_unconfigured() tells which). opts->config
 * NULL: no configuration file (defaults only). s->modules[i] is the module
 * of s->runs[i]. Returns 0, or
 * PK2D_ERR_CONFIG with the configuration's errors in errs. */
int session_open_listing(session *s, const session_opts *opts, msglist *errs);

/* Whether an instance of session_open_listing() got an empty section. */
int session_unconfigured(const session *s, size_t i);

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
