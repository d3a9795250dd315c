/*
 * harness.c - see harness.h.
 */
#include "config.h"

#include <check.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "log.h"
#include "util.h"

/* ---- files ------------------------------------------------------------ */

char *harness_tmpdir(void)
{
	const char *t = getenv("TMPDIR");
	char *d = xasprintf("%s/pk2d-test.XXXXXX", t && *t ? t : "/tmp");

	ck_assert_msg(mkdtemp(d) != NULL, "cannot make %s", d);
	return d;
}

static int rm_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

void harness_rmtree(const char *dir)
{
	ck_assert_int_eq(nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS), 0);
}

char *harness_write(const char *dir, const char *name, const char *text)
{
	char *p = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(p, "w");

	ck_assert_msg(f != NULL, "cannot write %s", p);
	fputs(text, f);
	ck_assert_int_eq(fclose(f), 0);
	return p;
}

char *harness_source(const char *rel)
{
	const char *top = getenv("PK2D_TOP_SRCDIR");

	return xasprintf("%s/%s", top && *top ? top : ".", rel);
}

int harness_has(char *const *items, size_t n, const char *needle)
{
	for (size_t i = 0; i < n; i++)
		if (strstr(items[i], needle))
			return 1;
	return 0;
}

/* ---- a configuration run in-process ----------------------------------- */

void harness_init(harness *t)
{
	memset(t, 0, sizeof *t);
	t->dir = harness_tmpdir();
	t->saved_stderr = -1;
}

char *harness_path(const harness *t, const char *name)
{
	return xasprintf("%s/%s", t->dir, name);
}

void harness_file(harness *t, const char *name, const char *text)
{
	free(harness_write(t->dir, name, text));
}

/* Every message at every level, as a plugin author would want to see them;
 * the verbosity in force before is restored at the end. */
void harness_capture_begin(harness *t)
{
	FILE *f = tmpfile();

	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(t->saved_stderr, -1);
	fflush(stderr);
	t->saved_stderr = dup(STDERR_FILENO);
	ck_assert_int_ge(t->saved_stderr, 0);
	ck_assert_int_ge(dup2(fileno(f), STDERR_FILENO), 0);
	t->capture = f;
	t->saved_verbosity = log_verbosity();
	log_set_verbosity(2);
}

void harness_capture_end(harness *t)
{
	FILE *f = t->capture;
	size_t old = t->log ? strlen(t->log) : 0;
	long n;

	log_set_verbosity(t->saved_verbosity);
	fflush(stderr);
	dup2(t->saved_stderr, STDERR_FILENO);
	close(t->saved_stderr);
	t->saved_stderr = -1;
	t->capture = NULL;
	n = ftell(f);
	ck_assert_int_ge(n, 0);
	rewind(f);
	t->log = xrealloc(t->log, old + (size_t)n + 1);
	t->log[old + fread(t->log + old, 1, (size_t)n, f)] = '\0';
	fclose(f);
}

static void close_session(harness *t)
{
	api_host_free(t->host);
	t->host = NULL;
	if (t->opened)
		session_free(&t->s);
	t->opened = 0;
	t->failed = 0;
}

static int open_session(harness *t, const char *ini)
{
	char *config = harness_write(t->dir, "pk2d.ini", ini);
	session_opts opts = { .config = config, .no_fork = 1, .jobs = 1 };
	msglist errs = { 0 };
	int rc;

	close_session(t);
	rc = session_open(&t->s, &opts, &errs);
	if (rc == 0)
		t->opened = 1;
	else
		msglist_print(&errs);
	msglist_free(&errs);
	free(config);
	return rc;
}

/* Opens, and runs when the configuration was accepted, with stderr in the
 * log (the log of an earlier run is dropped). */
static int open_and_run(harness *t, const char *ini, int run, int declare_only)
{
	session_opts opts = { .no_fork = 1, .jobs = 1 };
	int rc;

	free(t->log);
	t->log = NULL;
	harness_capture_begin(t);
	rc = open_session(t, ini);
	if (rc == 0 && run)
		t->failed = session_run(&t->s, &opts, declare_only);
	harness_capture_end(t);
	return rc;
}

int harness_open(harness *t, const char *ini)
{
	return open_and_run(t, ini, 0, 0);
}

int harness_run(harness *t, const char *ini)
{
	return open_and_run(t, ini, 1, 0);
}

int harness_declare(harness *t, const char *ini)
{
	return open_and_run(t, ini, 1, 1);
}

char *harness_ini(const char *period, const char *area, const char *instance,
                  const char *const *kv)
{
	char *ini = xasprintf("[pk2d]\nperiod = %s\narea = %s\n\n[plugin.%s]\n", period, area,
	                      instance);

	for (; kv && kv[0]; kv += 2) {
		char *more;

		ck_assert_msg(kv[1] != NULL, "key %s has no value", kv[0]);
		more = xasprintf("%s%s = %s\n", ini, kv[0], kv[1]);
		free(ini);
		ini = more;
	}
	return ini;
}

const plugin_run *harness_instance(const harness *t, const char *instance)
{
	ck_assert_msg(t->opened, "no configuration is open: %s", t->log ? t->log : "");
	for (size_t i = 0; i < t->s.n_runs; i++)
		if (strcmp(t->s.runs[i].instance, instance) == 0)
			return &t->s.runs[i];
	ck_abort_msg("no instance %s", instance);
	return NULL;
}

int harness_returned(const harness *t, const char *instance, const char *stage)
{
	const plugin_run *run = harness_instance(t, instance);
	char name[16];
	int code;

	if (run->state == RUN_OK)
		return 0;
	ck_assert_msg(run->state == RUN_FAILED && run->reason &&
	              sscanf(run->reason, "%15s returned %d", name, &code) == 2,
	              "%s: %s, not a callback's error: %s", instance, run_state_name(run->state),
	              run->reason ? run->reason : "");
	ck_assert_msg(!stage || strcmp(name, stage) == 0, "%s: %s, not in %s", instance,
	              run->reason, stage);
	return code;
}

const reg_indicator *harness_indicator(const harness *t, const char *full_id)
{
	const reg_indicator *ind = registry_find_indicator(t->s.reg, full_id);

	ck_assert_msg(ind != NULL, "indicator %s not declared", full_id);
	return ind;
}

const reg_intervention *harness_intervention(const harness *t, const char *full_id)
{
	const reg_intervention *iv = registry_find_intervention(t->s.reg, full_id);

	ck_assert_msg(iv != NULL, "intervention %s not declared", full_id);
	return iv;
}

int harness_get(const harness *t, const char *full_id, const char *area, int rt,
                reg_sum *out)
{
	return registry_get(t->s.reg, harness_indicator(t, full_id), area, rt, t->s.cfg->period,
	                    out);
}

int harness_iget(const harness *t, const char *full_id, const char *area, int rt,
                 reg_isum *out)
{
	return registry_get_intervention(t->s.reg, harness_intervention(t, full_id), area, rt,
	                                 t->s.cfg->period, out);
}

static int ends_with(const char *s, const char *suffix)
{
	size_t ls = strlen(s), lx = strlen(suffix);

	return ls >= lx && strcmp(s + ls - lx, suffix) == 0;
}

const csv_stats *harness_stats(const harness *t, const char *instance, const char *suffix)
{
	const plugin_run *run = harness_instance(t, instance);

	for (size_t f = 0; f < run->n_files; f++)
		if (ends_with(run->files[f]->path, suffix))
			return run->files[f];
	return NULL;
}

const csv_problem *harness_problem(const harness *t, const char *instance, const char *suffix,
                                   const char *kind)
{
	const csv_stats *s = harness_stats(t, instance, suffix);

	for (size_t p = 0; s && p < s->n_problems; p++)
		if (strcmp(s->problems[p].kind, kind) == 0)
			return &s->problems[p];
	return NULL;
}

long harness_problems(const harness *t, const char *instance, const char *suffix,
                      const char *kind, int rejected)
{
	const plugin_run *run = harness_instance(t, instance);
	long n = 0;

	for (size_t f = 0; f < run->n_files; f++) {
		if (suffix && !ends_with(run->files[f]->path, suffix))
			continue;
		for (size_t p = 0; p < run->files[f]->n_problems; p++) {
			const csv_problem *pr = &run->files[f]->problems[p];

			if (strcmp(pr->kind, kind) == 0 && pr->rejected == rejected)
				n += pr->count;
		}
	}
	return n;
}

int harness_logged(const harness *t, const char *text)
{
	return t->log != NULL && strstr(t->log, text) != NULL;
}

const pk2d_host_api *harness_api(void)
{
	return api_table();
}

pk2d_host *harness_host(harness *t, const char *instance)
{
	plugin_run *run = (plugin_run *)harness_instance(t, instance);
	size_t i = (size_t)(run - t->s.runs);

	ck_assert_msg(t->s.jobs[i].lp != NULL, "%s was not loaded: %s", instance,
	              run->reason ? run->reason : "");
	ck_assert_ptr_null(t->host);
	registry_sink_init(&t->sink, t->s.reg, run, run->agency, t->s.cfg->period);
	t->host = api_host_new(t->s.cfg, t->s.jobs[i].cp, t->s.jobs[i].lp, t->s.areas,
	                       &t->sink.base);
	return t->host;
}

void harness_free(harness *t)
{
	close_session(t);
	free(t->log);
	harness_rmtree(t->dir);
	free(t->dir);
	memset(t, 0, sizeof *t);
}
