/*
 * check_runner.c - whole configurations run through the session: each
 * misbehaving plugin is recorded with its reason while the good instances'
 * values stand; jobs > 1 gives the same registry as one job at a time; the
 * in-process mode gives the same registry as the forked one.
 *
 * Expected numbers, from tests/data/good.csv (kk, meets, members, target,
 * realised per row; the fourth row's kk "abc" is rejected):
 *   RT 1: 20 KK, 16 meet; 70 members; visits 10 planned, 8 done
 *   RT 2: 30 + 10 = 40 KK, 15 + 9 = 24 meet; 100 + 35 = 135 members;
 *         visits 12 + 0 = 12 planned, 12 + 0 = 12 done
 *   village: 60 KK, 40 meet (66.67 %); 205 members; visits 22 / 20
 */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "session.h"
#include "harness.h"
#include "util.h"

#define VILLAGE "63.02.09.2007"

/* ASan catches the SIGSEGV in the child, reports it and exits with 1. */
#ifdef __SANITIZE_ADDRESS__
#define CRASH_REASON "exit status 1"
#else
#define CRASH_REASON "killed by signal 11 (Segmentation fault)"
#endif

static char *dir;

static void setup(void)
{
	dir = harness_tmpdir();
	log_set_verbosity(-1);
}

static void teardown(void)
{
	harness_rmtree(dir);
	free(dir);
}

static const char all_bad[] =
	"[plugin.crash]\n"
	"[plugin.hang]\ntimeout = 1\n"
	"[plugin.garbage]\n"
	"[plugin.undeclared]\n"
	"[plugin.exits]\n"
	"[plugin.fails]\n"
	"[plugin.bad_abi]\n"
	"[plugin.no_symbol]\n"
	"[plugin.bad_name]\n"
	"[plugin.off]\nmodule = good\nenabled = no\n";

/* Opens a session on [pk2d] + good + good2 + extra. */
static void open_with(session *s, session_opts *o, const char *extra, int jobs, int no_fork)
{
	char *data = harness_source("tests/data/good.csv");
	char *abs = realpath(data, NULL);
	ck_assert_ptr_nonnull(abs);
	char *text = xasprintf("[pk2d]\nperiod = 2023\narea = " VILLAGE "\n"
	                       "[plugin.good]\ndata = %s\n"
	                       "[plugin.good2]\nmodule = good\ndata = %s\nlabel = Kedua\n%s",
	                       abs, abs, extra);
	char *path = harness_write(dir, "pk2d.ini", text);
	memset(o, 0, sizeof *o);
	o->config = path;
	o->jobs = jobs;
	o->no_fork = no_fork;
	msglist errs = { 0 };
	int r = session_open(s, o, &errs);
	for (size_t i = 0; i < errs.n; i++)
		fprintf(stderr, "%s\n", errs.items[i]);
	ck_assert_int_eq(r, 0);
	msglist_free(&errs);
	free(text);
	free(abs);
	free(data);
}

static void close_session(session *s, session_opts *o)
{
	session_free(s);
	free((char *)o->config);
}

static const plugin_run *run_of(const session *s, const char *instance)
{
	for (size_t i = 0; i < s->n_runs; i++)
		if (!strcmp(s->runs[i].instance, instance))
			return &s->runs[i];
	ck_abort_msg("no instance %s", instance);
	return NULL;
}

static void expect_sum(const session *s, const char *id, int rt, double num, double den)
{
	const reg_indicator *ind = registry_find_indicator(s->reg, id);
	ck_assert_msg(ind != NULL, "%s not declared", id);
	reg_sum sum;
	ck_assert_msg(registry_get(s->reg, ind, VILLAGE, rt, "2023", &sum), "%s: no value", id);
	ck_assert_msg(sum.num == num && sum.den == den, "%s rt %d: %g/%g, want %g/%g", id, rt,
	              sum.num, sum.den, num, den);
}

static void expect_good(const session *s, const char *inst)
{
	char id[64];
	snprintf(id, sizeof id, "%s.kk_meets", inst);
	expect_sum(s, id, RT_ALL, 40, 60);
	expect_sum(s, id, 1, 16, 20);
	expect_sum(s, id, 2, 24, 40);
	snprintf(id, sizeof id, "%s.members", inst);
	expect_sum(s, id, RT_ALL, 205, 1 + 1 + 1);
	snprintf(id, sizeof id, "%s.visit", inst);
	const reg_intervention *iv = registry_find_intervention(s->reg, id);
	ck_assert_ptr_nonnull(iv);
	ck_assert_int_eq(iv->n_aims, 1);
	snprintf(id, sizeof id, "%s.kk_meets", inst);
	ck_assert_str_eq(iv->aims[0], id);
	reg_isum is;
	ck_assert(registry_get_intervention(s->reg, iv, VILLAGE, RT_ALL, "2023", &is));
	ck_assert(is.target == 22 && is.realised == 20 && is.budget == 0);
	const plugin_run *r = run_of(s, inst);
	ck_assert_int_eq(r->state, RUN_OK);
	ck_assert_ptr_null(r->reason);
	ck_assert_int_eq(r->values, 9);
	ck_assert_int_eq(r->refused, 0);
	ck_assert_uint_eq(r->n_files, 1);
	ck_assert_int_eq(r->files[0]->records, 4);
	ck_assert_int_eq(r->files[0]->rejected, 1);
	ck_assert_uint_eq(r->files[0]->n_problems, 1);
	ck_assert_str_eq(r->files[0]->problems[0].kind, "unreadable number");
	ck_assert_int_eq(r->files[0]->problems[0].example_line[0], 5);
}

static void expect_failed(const session *s, const char *inst, const char *reason)
{
	const plugin_run *r = run_of(s, inst);
	ck_assert_msg(r->state == RUN_FAILED, "%s: state %d", inst, r->state);
	ck_assert_msg(r->reason && strstr(r->reason, reason), "%s: reason '%s' lacks '%s'", inst,
	              r->reason ? r->reason : "(none)", reason);
	ck_assert_int_eq(r->values, 0);
	/* The one value it reported before going wrong was dropped. */
	char id[64];
	snprintf(id, sizeof id, "%s.ok", inst);
	const reg_indicator *ind = registry_find_indicator(s->reg, id);
	ck_assert_msg(ind != NULL, "%s: declaration lost", id);
	reg_sum sum;
	ck_assert_msg(!registry_get(s->reg, ind, VILLAGE, RT_ALL, "2023", &sum),
	              "%s: values not dropped", inst);
}

static void expect_not_loaded(const session *s, const char *inst, const char *reason)
{
	const plugin_run *r = run_of(s, inst);
	ck_assert_int_eq(r->state, RUN_NOT_LOADED);
	ck_assert_msg(strstr(r->reason, reason), "%s: '%s' lacks '%s'", inst, r->reason, reason);
}

static void check_all_bad(int jobs)
{
	session s;
	session_opts o;
	open_with(&s, &o, all_bad, jobs, 0);
	size_t bad = session_run(&s, &o, 0);
	ck_assert_uint_eq(bad, 8);
	expect_good(&s, "good");
	expect_good(&s, "good2");
	ck_assert_str_eq(registry_find_indicator(s.reg, "good2.kk_meets")->label_id, "Kedua");
	ck_assert_str_eq(registry_find_indicator(s.reg, "good.kk_meets")->label_id, "KK memenuhi");
	expect_failed(&s, "crash", CRASH_REASON);
	expect_failed(&s, "hang", "timed out after 1 s");
	expect_failed(&s, "garbage", "malformed record at byte ");
	expect_failed(&s, "garbage", ": record length 2147483647 is outside 1..1048576");
	expect_failed(&s, "exits", "exit status 3");
	expect_failed(&s, "fails", "collect returned -7 (the input data cannot be used at all)");
	/* What a call returned is kept as data; a crash returned nothing. */
	ck_assert_int_eq(run_of(&s, "fails")->error_call, RUN_CALL_COLLECT);
	ck_assert_int_eq(run_of(&s, "fails")->error_code, -7);
	ck_assert_int_eq(run_of(&s, "crash")->error_call, RUN_CALL_NONE);
	ck_assert_int_eq(run_of(&s, "good")->error_call, RUN_CALL_NONE);
	expect_not_loaded(&s, "bad_abi", "built for ABI 2.0");
	expect_not_loaded(&s, "no_symbol", "no symbol pk2d_plugin_descriptor");
	expect_not_loaded(&s, "bad_name", "does not match the file name");
	ck_assert_int_eq(run_of(&s, "off")->state, RUN_DISABLED);
	const plugin_run *u = run_of(&s, "undeclared");
	ck_assert_int_eq(u->state, RUN_OK);
	ck_assert_int_eq(u->values, 1);
	ck_assert_int_eq(u->refused, 1);
	expect_sum(&s, "undeclared.ok", 1, 5, 1);
	ck_assert_ptr_null(session_required_failure(&s));
	/* Declarations are in configuration order, whatever finished first. */
	static const char *const order[] = {
		"good.kk_meets", "good.members", "good2.kk_meets", "good2.members", "crash.ok",
		"hang.ok", "garbage.ok", "undeclared.ok", "exits.ok", "fails.ok",
	};
	ck_assert_uint_eq(registry_n_indicators(s.reg), 10);
	for (size_t i = 0; i < 10; i++)
		ck_assert_str_eq(registry_indicator_at(s.reg, i)->full_id, order[i]);
	close_session(&s, &o);
}

START_TEST(bad_plugins_one_job)
{
	check_all_bad(1);
}
END_TEST

START_TEST(bad_plugins_many_jobs)
{
	check_all_bad(8);
}
END_TEST

START_TEST(required_failure)
{
	session s;
	session_opts o;
	open_with(&s, &o, "[plugin.fails]\nrequired = yes\n", 2, 0);
	session_run(&s, &o, 0);
	const plugin_run *r = session_required_failure(&s);
	ck_assert_ptr_nonnull(r);
	ck_assert_str_eq(r->instance, "fails");
	close_session(&s, &o);
}
END_TEST

START_TEST(jobs_run_in_parallel)
{
	/* Two instances that each hang for their 1 s limit: with two jobs
	 * they are killed together. */
	session s;
	session_opts o;
	open_with(&s, &o, "[plugin.hang]\ntimeout = 1\n[plugin.hang2]\nmodule = hang\n"
	          "timeout = 1\n", 2, 0);
	double t0 = now_seconds();
	ck_assert_uint_eq(session_run(&s, &o, 0), 2);
	double took = now_seconds() - t0;
	ck_assert_msg(took >= 1.0 && took < 1.9, "took %.2f s", took);
	expect_failed(&s, "hang2", "timed out after 1 s");
	close_session(&s, &o);
}
END_TEST

static int dump_value(void *ud, const reg_indicator *ind, const char *area, int rt,
                      const char *period, const reg_sum *s)
{
	char **out = ud;
	char *old = *out;
	*out = xasprintf("%s%s %s %d %s %g %g\n", old, ind->full_id, area, rt, period, s->num,
	                 s->den);
	free(old);
	return 0;
}

static int dump_ivalue(void *ud, const reg_intervention *iv, const char *area, int rt,
                       const char *period, const reg_isum *s)
{
	char **out = ud;
	char *old = *out;
	*out = xasprintf("%s%s %s %d %s %g %g %g\n", old, iv->full_id, area, rt, period,
	                 s->target, s->realised, s->budget);
	free(old);
	return 0;
}

static char *dump(const session *s)
{
	char *out = xstrdup("");
	for (size_t i = 0; i < registry_n_indicators(s->reg); i++) {
		char *old = out;
		out = xasprintf("%sindicator %s %s\n", old, registry_indicator_at(s->reg, i)->full_id,
		                registry_indicator_at(s->reg, i)->label_id);
		free(old);
	}
	registry_each_value(s->reg, dump_value, &out);
	registry_each_intervention_value(s->reg, dump_ivalue, &out);
	for (size_t i = 0; i < s->n_runs; i++) {
		char *old = out;
		const plugin_run *r = &s->runs[i];
		out = xasprintf("%srun %s %d %ld %ld %s %zu\n", old, r->instance, r->state, r->values,
		                r->refused, r->reason ? r->reason : "-", r->n_files);
		free(old);
	}
	return out;
}

START_TEST(in_process_same_as_forked)
{
	static const char extra[] = "[plugin.undeclared]\n[plugin.fails]\n[plugin.bad_abi]\n";
	session s;
	session_opts o;
	open_with(&s, &o, extra, 2, 0);
	session_run(&s, &o, 0);
	char *forked = dump(&s);
	close_session(&s, &o);
	open_with(&s, &o, extra, 2, 1);
	session_run(&s, &o, 0);
	char *inproc = dump(&s);
	expect_good(&s, "good");
	close_session(&s, &o);
	ck_assert_str_eq(inproc, forked);
	free(forked);
	free(inproc);
}
END_TEST

START_TEST(declare_only)
{
	session s;
	session_opts o;
	open_with(&s, &o, "[plugin.crash]\n", 2, 0);
	ck_assert_uint_eq(session_run(&s, &o, 1), 0);
	/* init ran (declarations), collect did not (no values, no crash). */
	ck_assert_uint_eq(registry_n_indicators(s.reg), 5);
	ck_assert_int_eq(run_of(&s, "crash")->state, RUN_OK);
	ck_assert_int_eq(run_of(&s, "good")->values, 0);
	ck_assert_uint_eq(run_of(&s, "good")->n_files, 0);
	close_session(&s, &o);
}
END_TEST

START_TEST(plugin_config_checked_before_running)
{
	char *text = xasprintf("[pk2d]\nperiod = 2023\narea = " VILLAGE "\n"
	                       "[plugin.good]\ndta = x.csv\n");
	char *path = harness_write(dir, "pk2d.ini", text);
	session s;
	session_opts o = { .config = path, .jobs = 1 };
	msglist errs = { 0 };
	ck_assert_int_eq(session_open(&s, &o, &errs), PK2D_ERR_CONFIG);
	ck_assert(harness_has(errs.items, errs.n, ":5: [plugin.good]: unknown key 'dta' for module "
	                 "'good'; did you mean 'data'?"));
	ck_assert(harness_has(errs.items, errs.n, ":4: [plugin.good]: missing required key 'data'"));
	ck_assert_uint_eq(errs.n, 2);
	msglist_free(&errs);
	free(path);
	free(text);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("runner");
	TCase *t = tcase_create("runner");
	tcase_add_checked_fixture(t, setup, teardown);
	tcase_set_timeout(t, 60);
	tcase_add_test(t, bad_plugins_one_job);
	tcase_add_test(t, bad_plugins_many_jobs);
	tcase_add_test(t, required_failure);
	tcase_add_test(t, jobs_run_in_parallel);
	tcase_add_test(t, in_process_same_as_forked);
	tcase_add_test(t, declare_only);
	tcase_add_test(t, plugin_config_checked_before_running);
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	SRunner *r = srunner_create(suite());
	srunner_run_all(r, CK_NORMAL);
	int failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
