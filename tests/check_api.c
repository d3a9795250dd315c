/*
 * check_api.c - every function of pk2d_host_api, called by a plugin whose
 * callbacks live in this file, in process and in a child. The plugin counts
 * the checks that came out as expected and reports the count as a value, so
 * the forked run (where an assertion in the child would go unseen) is
 * checked through the registry like any plugin's result.
 */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "runner.h"
#include "harness.h"
#include "log.h"
#include "util.h"

#define VILLAGE "63.02.09.2007"

static char *dir;
static char *ini_path;

/* A run's configuration (ini, written to pk2d.ini in a new dir) and the
 * region table it reads. */
typedef struct {
	conf *cfg;
	areas *ar;
	msglist errs;
	char *codes;
} fixture;

static void fixture_open(fixture *f, const char *ini)
{
	char err[256];

	memset(f, 0, sizeof *f);
	dir = harness_tmpdir();
	ini_path = harness_write(dir, "pk2d.ini", ini);
	f->cfg = conf_load(ini_path, &f->errs);
	ck_assert_ptr_nonnull(f->cfg);
	f->codes = xasprintf("%s/wilayah/kode-wilayah.csv", api_data_dir());
	f->ar = areas_load(f->codes, err, sizeof err);
	ck_assert_ptr_nonnull(f->ar);
}

static void fixture_close(fixture *f)
{
	areas_free(f->ar);
	free(f->codes);
	conf_free(f->cfg);
	msglist_free(&f->errs);
	harness_rmtree(dir);
	free(dir);
	free(ini_path);
}

static int count_key(void *ud, const char *key, const char *value)
{
	(void)value;
	char *seen = ud;
	strcat(seen, key);
	strcat(seen, ",");
	return 0;
}

static int stop_at_second(void *ud, const char *key, const char *value)
{
	(void)key;
	(void)value;
	return ++*(int *)ud == 2 ? 7 : 0;
}

struct probe {
	const pk2d_host_api *api;
	pk2d_host *h;
	int passed;
};

static struct probe probe;

#define CHECK(cond) (probe.passed += (cond) ? 1 : 0)

/* 22 checks. */
static int probe_init(const pk2d_host_api *api, pk2d_host *h, void **state)
{
	probe.api = api;
	probe.h = h;
	probe.passed = 0;
	*state = &probe;
	char *want_path = xasprintf("%s/sub/x.csv", dir);
	char *want_where = xasprintf("%s:6", ini_path);
	const char *data_dir = getenv("PK2D_DATA_DIR");
	CHECK(api->abi_major == PK2D_ABI_MAJOR && api->abi_minor == PK2D_ABI_MINOR);
	CHECK(api->struct_size == sizeof(pk2d_host_api));
	CHECK(!strcmp(api->config_get(h, "data"), "sub/x.csv"));
	CHECK(!strcmp(api->config_get(h, "DATA"), "sub/x.csv"));
	CHECK(!strcmp(api->config_get(h, "label"), "bawaan"));
	CHECK(api->config_get(h, "nothing") == NULL);
	CHECK(!strcmp(api->config_path(h, "data"), want_path));
	CHECK(!strcmp(api->config_where(h, "data"), want_where));
	CHECK(!strcmp(api->config_where(h, "label"), ""));
	char seen[256] = "";
	CHECK(api->config_each(h, count_key, seen) == 0 && !strcmp(seen, "agency,data,column.x,"));
	int calls = 0;
	CHECK(api->config_each(h, stop_at_second, &calls) == 7 && calls == 2);
	CHECK(!strcmp(api->run_period(h), "2023"));
	CHECK(!strcmp(api->run_area(h), VILLAGE));
	CHECK(!strcmp(api->agency(h), "Dinas Probe"));
	CHECK(!strcmp(api->area_name(h, VILLAGE), "Sang-Sang"));
	CHECK(api->area_name(h, "99.99.99.9999") == NULL);
	CHECK(data_dir && !strcmp(api->data_dir(h), data_dir));
	CHECK(!strcmp(api->strerror(PK2D_ERR_DUPLICATE), "an id declared twice"));
	const pk2d_indicator ind = { .id = "checks", .label_id = "Uji", .kind = PK2D_COUNT,
	                             .direction = PK2D_NEUTRAL };
	CHECK(api->declare_indicator(h, &ind) == 0);
	CHECK(api->declare_indicator(h, &ind) == PK2D_ERR_DUPLICATE);
	const pk2d_indicator bad = { .id = "Bad Id", .label_id = "x" };
	CHECK(api->declare_indicator(h, &bad) == PK2D_ERR_INVALID);
	/* Values belong in collect. */
	const pk2d_value v = { .indicator = "checks", .area = VILLAGE, .numerator = 1,
	                       .denominator = 1 };
	CHECK(api->report_value(h, &v) == PK2D_ERR_INVALID);
	api->log(h, PK2D_LOG_DEBUG, "init checks: %d", probe.passed);
	free(want_path);
	free(want_where);
	return 0;
}

/* 7 more checks, then the count is reported as "checks". */
static int probe_collect(void *state)
{
	struct probe *p = state;
	const pk2d_host_api *api = p->api;
	pk2d_host *h = p->h;
	const pk2d_indicator late = { .id = "late", .label_id = "x", .kind = PK2D_COUNT };
	CHECK(api->declare_indicator(h, &late) == PK2D_ERR_INVALID);
	const pk2d_value undeclared = { .indicator = "nope", .area = VILLAGE, .numerator = 1,
	                                .denominator = 1 };
	CHECK(api->report_value(h, &undeclared) == PK2D_ERR_UNKNOWN_ID);
	const pk2d_value no_area = { .indicator = "checks", .numerator = 1, .denominator = 1 };
	CHECK(api->report_value(h, &no_area) == PK2D_ERR_INVALID);
	const pk2d_intervention_value iv = { .intervention = "nope", .area = VILLAGE };
	CHECK(api->report_intervention(h, &iv) == PK2D_ERR_UNKNOWN_ID);
	CHECK(api->csv_open(h, "/nonexistent/file.csv") == NULL);
	CHECK(api->report_value(h, NULL) == PK2D_ERR_INVALID);
	api->csv_close(NULL);
	CHECK(api->csv_next(NULL) == PK2D_ERR_INVALID);
	{
		const int cols[] = { 0, 3 };
		const char *out[2] = { NULL, NULL };

		api->csv_fields(NULL, cols, 2, out); /* no reader: every field empty */
		CHECK(out[0] && !*out[0] && out[1] && !*out[1]);
	}
	const pk2d_value v = { .indicator = "checks", .area = VILLAGE, .rt = 2,
	                       .numerator = p->passed, .denominator = 1 };
	return api->report_value(h, &v);
}

static void run_probe(int no_fork, reg_sum *out, plugin_run *run)
{
	fixture f;

	fixture_open(&f, "[pk2d]\nperiod = 2023\narea = " VILLAGE "\n"
	             "[plugin.probe]\nagency = Dinas Probe\ndata = sub/x.csv\ncolumn.x = X\n");
	pk2d_config_key keys[] = {
		{ "data", NULL, 1, NULL }, { "label", "bawaan", 0, NULL },
		{ "column.*", NULL, 0, NULL }, { NULL, NULL, 0, NULL },
	};
	loaded_plugin lp = { .name = "probe", .agency = "Dinas Bawaan", .keys = keys,
	                     .n_keys = 3, .init = probe_init, .collect = probe_collect };
	ck_assert_int_eq(conf_check_plugin(&f.cfg->plugins[0], keys, &f.errs), 0);
	memset(run, 0, sizeof *run);
	run->instance = xstrdup("probe");
	run->agency = xstrdup("Dinas Probe");
	runner_job job = { .cp = &f.cfg->plugins[0], .lp = &lp, .run = run };
	registry *reg = registry_new();
	runner_opts o = { .jobs = 1, .no_fork = no_fork };
	ck_assert_uint_eq(runner_run(f.cfg, f.ar, reg, &job, 1, &o), 0);
	registry_rollup(reg);
	const reg_indicator *ind = registry_find_indicator(reg, "probe.checks");
	ck_assert_ptr_nonnull(ind);
	ck_assert_int_eq(registry_get(reg, ind, VILLAGE, 2, "2023", out), 1);
	registry_free(reg);
	fixture_close(&f);
}

START_TEST(in_process)
{
	reg_sum s;
	plugin_run run;
	run_probe(1, &s, &run);
	ck_assert_int_eq(run.state, RUN_OK);
	ck_assert_msg(s.num == 30, "%g checks passed", s.num);
	/* Accepted: the count. Refused by the registry: the undeclared value
	 * and intervention (the value without an area never gets that far). */
	ck_assert_int_eq(run.values, 1);
	ck_assert_int_eq(run.refused, 2);
	free(run.instance);
	free(run.agency);
}
END_TEST

START_TEST(in_child)
{
	reg_sum s;
	plugin_run run;
	run_probe(0, &s, &run);
	ck_assert_int_eq(run.state, RUN_OK);
	ck_assert_msg(s.num == 30, "%g checks passed", s.num);
	ck_assert_int_eq(run.values, 1);
	ck_assert_int_eq(run.refused, 2);
	free(run.instance);
	free(run.agency);
}
END_TEST

/* A plugin whose values go to the parent as NAMED records and as VALUE
 * records (wire.h), accepted and refused, with more areas than the pipe
 * sink has name slots, each area named again as its slot is taken over. */
static int named_init(const pk2d_host_api *api, pk2d_host *h, void **state)
{
	const pk2d_indicator n = { .id = "n", .label_id = "n", .kind = PK2D_COUNT };
	const pk2d_indicator p = { .id = "p", .label_id = "p", .kind = PK2D_PROPORTION };

	probe.api = api;
	probe.h = h;
	*state = &probe;
	return api->declare_indicator(h, &n) || api->declare_indicator(h, &p);
}

#define NAMED_AREAS (PIPE_NAME_SLOTS + 44)

static int named_collect(void *state)
{
	const pk2d_host_api *api = ((struct probe *)state)->api;
	pk2d_host *h = ((struct probe *)state)->h;
	char area[32], long_area[WIRE_MAX_NAME + 2];
	/* What report_value returned for a NaN and an undeclared id, as
	 * digits: a child's pipe sink knows those; the rest only the parent's
	 * registry (0 from a child), which also logs them. */
	char said[16] = "";
	size_t k = 0;

	for (int round = 0; round < 3; round++)
		for (int i = 0; i < NAMED_AREAS; i++) {
			pk2d_value v = { .indicator = i % 3 ? "n" : "p", .area = area,
			                 .rt = 1 + round, .numerator = 1, .denominator = 2 };
			snprintf(area, sizeof area, "63.02.09.%d", 2001 + i);
			if (i % 3)
				v.denominator = 1;
			if (round == 2 && i % 60 == 6)
				v.numerator = 5;         /* > den: refused */
			if (round == 2 && i % 70 == 3)
				v.period = i % 140 == 3 ? "2023" : "20x3";
			if (round == 1 && i % 50 == 7) {
				v.numerator = NAN;
				said[k++] = (char)('0' - api->report_value(h, &v));
			} else {
				api->report_value(h, &v);
			}
		}
	memset(long_area, '6', sizeof long_area - 1);
	long_area[sizeof long_area - 1] = '\0';
	const pk2d_value odd[] = {
		{ .indicator = "n", .area = long_area, .numerator = 1, .denominator = 1 },
		{ .indicator = "q", .area = VILLAGE, .numerator = 1, .denominator = 1 },
		{ .indicator = "n", .area = "63.02.09", .rt = 3, .numerator = 1, .denominator = 1 },
		{ .indicator = "n", .area = "63.02.09", .numerator = 1, .denominator = 1 },
		/* Not UTF-8: a VALUE record, its texts repaired on the way. */
		{ .indicator = "n", .area = "63.02.09.\xf1" "1", .numerator = 1, .denominator = 1 },
		{ .indicator = "n", .area = VILLAGE, .period = "20\xc0", .numerator = 1,
		  .denominator = 1 },
	};
	for (size_t i = 0; i < sizeof odd / sizeof odd[0]; i++)
		if (api->report_value(h, &odd[i]) == PK2D_ERR_UNKNOWN_ID)
			said[k++] = 'u';
	api->log(h, PK2D_LOG_WARNING, "said %s", said);
	return 0;
}

/* Runs the named plugin; its messages, the sums of its first areas and its
 * counts into what (NUL-separated lines). */
static char *run_named(int no_fork, plugin_run *run)
{
	fixture f;

	fixture_open(&f, "[pk2d]\nperiod = 2023\narea = 63.02.09\n[plugin.named]\n");
	pk2d_config_key keys[] = { { NULL, NULL, 0, NULL } };
	loaded_plugin lp = { .name = "named", .agency = "Dinas", .keys = keys,
	                     .init = named_init, .collect = named_collect };
	memset(run, 0, sizeof *run);
	run->instance = xstrdup("named");
	run->agency = xstrdup("Dinas");
	runner_job job = { .cp = &f.cfg->plugins[0], .lp = &lp, .run = run };
	registry *reg = registry_new();
	runner_opts o = { .jobs = 1, .no_fork = no_fork };
	log_hold hold = { 0 };
	log_set_verbosity(0);
	log_hold_start(&hold);
	size_t failed = runner_run(f.cfg, f.ar, reg, &job, 1, &o);
	log_hold_stop();
	log_set_verbosity(-1);
	ck_assert_uint_eq(failed, 0);
	char *out = xstrdup("");
	for (size_t i = 0; i < hold.n; i++) {
		char *more = xasprintf("%s%s\n", out, hold.text[i]);
		free(out);
		out = more;
	}
	for (int i = 0; i < 3; i++) {
		const reg_indicator *ind = registry_find_indicator(reg, i ? "named.n" : "named.p");
		char area[32];
		reg_sum sum = { 0, 0 };
		snprintf(area, sizeof area, "63.02.09.%d", 2001 + i);
		ck_assert_int_eq(registry_get(reg, ind, area, 1, "2023", &sum), 1);
		char *more = xasprintf("%s%s: %g/%g\n", out, area, sum.num, sum.den);
		free(out);
		out = more;
	}
	log_hold_free(&hold);
	registry_free(reg);
	fixture_close(&f);
	return out;
}

/* A child's values reach the registry as an in-process run's do: the same
 * sums, counts, results and refusal messages. */
START_TEST(named_values)
{
	plugin_run in, forked;
	char *a = run_named(1, &in);
	char *b = run_named(0, &forked);

	ck_assert_str_eq(a, b);
	ck_assert_int_eq(in.state, RUN_OK);
	ck_assert_int_eq(forked.state, RUN_OK);
	ck_assert_int_eq(in.values, forked.values);
	ck_assert_int_eq(in.refused, forked.refused);
	/* 3 x 300 values and 6 odd ones: 6 NaN, 5 num > den, 2 malformed
	 * periods, a long area, an undeclared id, an RT of a kecamatan and
	 * an area and a period not UTF-8 refused. */
	ck_assert_int_eq(in.values + in.refused, 3 * NAMED_AREAS + 6);
	ck_assert_int_eq(in.refused, 6 + 5 + 2 + 5);
	ck_assert_ptr_nonnull(strstr(a, "63.02.09.2001: 1/2\n63.02.09.2002: 1/1\n"));
	ck_assert_ptr_nonnull(strstr(a, "malformed period '20x3'"));
	/* Repaired as utf8.h says: 0xF1 and 0xC0 read as Windows-1252. */
	ck_assert_ptr_nonnull(strstr(a, "malformed area code '63.02.09.\u00f11'"));
	ck_assert_ptr_nonnull(strstr(a, "malformed period '20\u00c0'"));
	ck_assert_ptr_nonnull(strstr(a, "named: said 111111u\n"));
	free(a);
	free(b);
	free(in.instance);
	free(in.agency);
	free(forked.instance);
	free(forked.agency);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("api");
	TCase *t = tcase_create("api");
	tcase_add_test(t, in_process);
	tcase_add_test(t, in_child);
	tcase_add_test(t, named_values);
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	log_set_verbosity(-1);
	SRunner *r = srunner_create(suite());
	srunner_run_all(r, CK_NORMAL);
	int failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
