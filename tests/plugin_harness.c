/*
 * plugin_harness.c - see plugin_harness.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <check.h>

#include "log.h"
#include "plugin_harness.h"
#include "util.h"

void harness_init(harness *t)
{
	memset(t, 0, sizeof *t);
	strcpy(t->dir, "/tmp/pk2d-plugin-test.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(t->dir));
}

void harness_file(harness *t, const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", t->dir, name);
	FILE *f = fopen(path, "w");

	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	ck_assert_int_eq(fclose(f), 0);
	free(path);
}

/* Runs fn with stderr going to a file, and appends what it wrote to log. */
static char *slurp(FILE *f)
{
	long n;
	char *text;

	fflush(f);
	n = ftell(f);
	rewind(f);
	text = xmalloc((size_t)n + 1);
	n = (long)fread(text, 1, (size_t)n, f);
	text[n] = '\0';
	return text;
}

int harness_run(harness *t, const char *ini)
{
	char *config = xasprintf("%s/pk2d.ini", t->dir);
	session_opts opts = { .config = config, .no_fork = 1, .jobs = 1 };
	msglist errs = { 0 };
	FILE *capture = tmpfile();
	int saved = dup(STDERR_FILENO), rc;

	harness_file(t, "pk2d.ini", ini);
	ck_assert_ptr_nonnull(capture);
	fflush(stderr);
	dup2(fileno(capture), STDERR_FILENO);
	rc = session_open(&t->s, &opts, &errs);
	if (rc == 0) {
		t->opened = 1;
		t->failed = session_run(&t->s, &opts, 0);
	} else {
		msglist_print(&errs);
	}
	msglist_free(&errs);
	fflush(stderr);
	dup2(saved, STDERR_FILENO);
	close(saved);
	free(t->log);
	t->log = slurp(capture);
	fclose(capture);
	free(config);
	return rc;
}

int harness_get(const harness *t, const char *full_id, const char *area, int rt,
                reg_sum *out)
{
	const reg_indicator *ind = registry_find_indicator(t->s.reg, full_id);

	ck_assert_msg(ind != NULL, "indicator %s not declared", full_id);
	return registry_get(t->s.reg, ind, area, rt, t->s.cfg->period, out);
}

int harness_iget(const harness *t, const char *full_id, const char *area, int rt,
                 reg_isum *out)
{
	const reg_intervention *iv = registry_find_intervention(t->s.reg, full_id);

	ck_assert_msg(iv != NULL, "intervention %s not declared", full_id);
	return registry_get_intervention(t->s.reg, iv, area, rt, t->s.cfg->period, out);
}

const plugin_run *harness_instance(const harness *t, const char *instance)
{
	size_t i;

	for (i = 0; i < t->s.n_runs; i++)
		if (strcmp(t->s.runs[i].instance, instance) == 0)
			return &t->s.runs[i];
	ck_abort_msg("no instance %s", instance);
	return NULL;
}

long harness_problems(const harness *t, const char *instance, const char *kind, int rejected)
{
	const plugin_run *run = harness_instance(t, instance);
	long n = 0;
	size_t f, p;

	for (f = 0; f < run->n_files; f++)
		for (p = 0; p < run->files[f]->n_problems; p++) {
			const csv_problem *pr = &run->files[f]->problems[p];

			if (strcmp(pr->kind, kind) == 0 && pr->rejected == rejected)
				n += pr->count;
		}
	return n;
}

int harness_logged(const harness *t, const char *text)
{
	return t->log != NULL && strstr(t->log, text) != NULL;
}

void harness_free(harness *t)
{
	char *cmd = xasprintf("rm -rf '%s'", t->dir);

	if (t->opened)
		session_free(&t->s);
	free(t->log);
	ck_assert_int_eq(system(cmd), 0);
	free(cmd);
}
