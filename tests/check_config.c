/*
 * check_config.c - the configuration: the line reader in front of inih,
 * [pk2d] keys and their defaults, [plugin.*] host keys, include =, and every
 * error with its file:line, all collected in one pass.
 */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "areas.h"
#include "conf.h"
#include "inifile.h"
#include "harness.h"
#include "util.h"

static char *dir;
static msglist errs;

static void setup(void)
{
	dir = harness_tmpdir();
	memset(&errs, 0, sizeof errs);
}

static void teardown(void)
{
	harness_rmtree(dir);
	free(dir);
	msglist_free(&errs);
}

/* Fails with every message when the list lacks one with this text. */
#define ck_has_error(text)                                                      \
	do {                                                                    \
		if (!harness_has(errs.items, errs.n, (text))) {                      \
			for (size_t i_ = 0; i_ < errs.n; i_++)                  \
				fprintf(stderr, "  got: %s\n", errs.items[i_]); \
			ck_abort_msg("no error containing \"%s\"", (text));     \
		}                                                               \
	} while (0)

static conf *load(const char *text)
{
	char *p = harness_write(dir, "pk2d.ini", text);
	conf *c = conf_load(p, &errs);
	free(p);
	return c;
}

START_TEST(whole_country)
{
	conf *c = load("[pk2d]\nperiod = 2023\narea = all\n");
	ck_assert_ptr_nonnull(c);
	ck_assert_uint_eq(errs.n, 0);
	ck_assert_str_eq(c->area, "all");
	ck_assert_int_eq(c->rt_detail, 0); /* a national run keeps village sums */
	conf_free(c);
	c = load("[pk2d]\nperiod = 2023\narea = all\nrt_detail = yes\n");
	ck_assert_ptr_nonnull(c);
	ck_assert_int_eq(c->rt_detail, 1);
	conf_free(c);
}
END_TEST

START_TEST(minimal_defaults)
{
	conf *c = load("[pk2d]\nperiod = 2023\narea = 63.02.09.2007\n");
	ck_assert_ptr_nonnull(c);
	ck_assert_uint_eq(errs.n, 0);
	ck_assert_str_eq(c->period, "2023");
	ck_assert_str_eq(c->area, "63.02.09.2007");
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	ck_assert_int_eq(c->jobs, cpus < 1 ? 1 : (int)cpus);
	ck_assert(c->timeout == 600.0);
	ck_assert_str_eq(c->language, "id");
	ck_assert_int_eq(c->rt_detail, 1);
	/* No model next to it, none installed (PK2D_SYSCONFDIR). */
	ck_assert_ptr_null(c->model);
	ck_assert_ptr_null(c->format);
	ck_assert_ptr_null(c->output);
	char *store = xasprintf("%s/" CONF_DEFAULT_STORE, dir);
	ck_assert_str_eq(c->store, store);
	free(store);
	ck_assert_ptr_null(c->store_off);
	ck_assert_ptr_null(c->title);
	ck_assert_int_eq(c->csv_dialect, CONF_CSV_RFC4180);
	ck_assert_int_eq(c->dhis2_levels, 1 << AREA_VILLAGE);
	ck_assert_uint_eq(c->n_plugin_path, 0);
	ck_assert_uint_eq(c->n_plugins, 0);
	conf_free(c);
	/* models/ikk.ini next to the configuration is the default. */
	char *sub = xasprintf("%s/models", dir);
	ck_assert_int_eq(mkdir(sub, 0700), 0);
	char *model = harness_write(sub, "ikk.ini", "");
	c = load("[pk2d]\nperiod = 2023\narea = 63.02.09.2007\n");
	ck_assert_str_eq(c->model, model);
	conf_free(c);
	free(model);
	free(sub);
}
END_TEST

/* store = none (any case) turns the store off and says where; the command
 * line replaces the key both ways; defaults without a file have no store. */
START_TEST(store_and_command_line)
{
	conf *c = load("[pk2d]\nperiod = 2023\narea = 63\nstore = NONE\njobs = 3\n");
	ck_assert_ptr_nonnull(c);
	ck_assert_ptr_null(c->store);
	char *want = xasprintf("%s/pk2d.ini:4: store = NONE", dir);
	ck_assert_str_eq(c->store_off, want);
	free(want);
	conf_apply_cli(c, &(conf_cli){ .jobs = 0, .store = "h.sqlite" });
	ck_assert_str_eq(c->store, "h.sqlite");
	ck_assert_ptr_null(c->store_off);
	ck_assert_int_eq(c->jobs, 3);
	conf_apply_cli(c, &(conf_cli){ .jobs = 1, .store = "none" });
	ck_assert_ptr_null(c->store);
	ck_assert_str_eq(c->store_off, "--store none");
	ck_assert_int_eq(c->jobs, 1);
	conf_free(c);

	c = conf_empty();
	ck_assert_ptr_null(c->store);
	ck_assert_ptr_null(c->store_off);
	ck_assert_str_eq(c->period, "");
	ck_assert_str_eq(c->area, "");
	ck_assert(c->timeout == CONF_DEFAULT_TIMEOUT);
	ck_assert(c->lock_wait == CONF_DEFAULT_LOCK_WAIT);
	ck_assert_str_eq(c->language, "id");
	conf_free(c);
}
END_TEST

/* A model key naming nothing is an error at its line, with the two ways
 * out; the default is looked for only without the key. */
START_TEST(model_must_exist)
{
	conf *c = load("[pk2d]\nperiod = 2023\narea = 63.02.09.2007\nmodel = models/ikk.ini\n");
	ck_assert_ptr_null(c);
	ck_assert_uint_eq(errs.n, 1);
	char *want = xasprintf("%s/pk2d.ini:4: model 'models/ikk.ini': %s/models/ikk.ini does not "
	                       "exist (the path is relative to this file); copy a model there (cp ",
	                       dir, dir);
	ck_assert_msg(strncmp(errs.items[0], want, strlen(want)) == 0, "%s", errs.items[0]);
	ck_assert_ptr_nonnull(strstr(errs.items[0], "/models/ikk.ini), or remove the key to use "
	                             "models/ikk.ini next to the configuration or the installed "));
	free(want);
	msglist_free(&errs);
	c = load("[pk2d]\nperiod = 2023\narea = 63.02.09.2007\nmodel = /no/such/ikk.ini\n");
	ck_assert_ptr_null(c);
	ck_assert_ptr_nonnull(strstr(errs.items[0], "pk2d.ini:4: model '/no/such/ikk.ini' does "
	                             "not exist"));
}
END_TEST

/* A configuration file that cannot be read: one message. */
START_TEST(unreadable_file_one_message)
{
	char *p = xasprintf("%s/none.ini", dir);
	ck_assert_ptr_null(conf_read(p, &errs));
	ck_assert_uint_eq(errs.n, 1);
	ck_assert_ptr_nonnull(strstr(errs.items[0], "none.ini: cannot read: No such file"));
	free(p);
}
END_TEST

START_TEST(every_key)
{
	char *msub = xasprintf("%s/m", dir);
	ck_assert_int_eq(mkdir(msub, 0700), 0);
	free(harness_write(msub, "ikk.ini", ""));
	free(msub);
	conf *c = load("; a comment\n"
	               "[pk2d]\n"
	               "PERIOD = 2023Q2\n"
	               "Area = 63.02\n"
	               "plugin_path = agency/plugins:/opt/pk2d\n"
	               "jobs = 3\n"
	               "timeout = 2.5\n"
	               "model = m/ikk.ini\n"
	               "language = en\n"
	               "format = json\n"
	               "output = out/report.json\n"
	               "store = hist.db\n"
	               "split = per-village\n"
	               "title = Laporan Desa  Sang-Sang\n"
	               "rt_detail = no\n");
	ck_assert_ptr_nonnull(c);
	ck_assert_str_eq(c->period, "2023Q2");
	ck_assert_str_eq(c->area, "63.02");
	ck_assert_uint_eq(c->n_plugin_path, 2);
	char *p0 = xasprintf("%s/agency/plugins", dir);
	ck_assert_str_eq(c->plugin_path[0], p0);
	ck_assert_str_eq(c->plugin_path[1], "/opt/pk2d");
	ck_assert_int_eq(c->jobs, 3);
	ck_assert(c->timeout == 2.5);
	char *m = xasprintf("%s/m/ikk.ini", dir), *st = xasprintf("%s/hist.db", dir);
	char *sp = xasprintf("%s/per-village", dir);
	ck_assert_str_eq(c->model, m);
	ck_assert_str_eq(c->store, st);
	ck_assert_str_eq(c->split, sp);
	ck_assert_str_eq(c->language, "en");
	ck_assert_str_eq(c->format, "json");
	ck_assert_str_eq(c->output, "out/report.json");
	/* Values are verbatim: case and inner blanks kept. */
	ck_assert_str_eq(c->title, "Laporan Desa  Sang-Sang");
	ck_assert_int_eq(c->rt_detail, 0);
	const conf_entry *e = conf_section_get(conf_find_section(c, "pk2d"), "output");
	ck_assert_int_eq(e->line, 11);
	char *out = conf_entry_path(e, e->value), *want = xasprintf("%s/out/report.json", dir);
	ck_assert_str_eq(out, want);
	free(p0); free(m); free(st); free(sp); free(out); free(want);
	conf_free(c);
}
END_TEST

START_TEST(errors_all_reported)
{
	char long_title[260];
	memset(long_title, 'x', sizeof long_title);
	long_title[sizeof long_title - 1] = '\0';
	char *text = xasprintf("[pk2d]\n"                         /* 1 */
	                       "perod = 2023\n"                   /* 2 */
	                       "jobs = many\n"                    /* 3 */
	                       "timeout = 0\n"                    /* 4 */
	                       "language = fr\n"                  /* 5 */
	                       "title = %s\n"                     /* 6 */
	                       "area = 63.2\n"                    /* 7 */
	                       "this line has no equals sign\n"   /* 8 */
	                       "[pk2]\n"                          /* 9 */
	                       "x = 1\n"                          /* 10 */
	                       "[plugin.Health]\n"                /* 11 */
	                       "[plugin.health]\n"                /* 12 */
	                       "enabled = maybe\n"                /* 13 */
	                       "required = yes\n"                 /* 14 */
	                       "timeout = -3\n"                   /* 15 */
	                       "children = a.csv\n"               /* 16 */
	                       "   b.csv\n"                       /* 17 */
	                       "children = c.csv\n"               /* 18 */
	                       "module = Health\n"                /* 19 */
	                       "[plugins.dukcapil]\n",            /* 20 */
	                       long_title);
	char *p = harness_write(dir, "bad.ini", text);
	conf *c = conf_load(p, &errs);
	ck_assert_ptr_null(c);
	char *at;
#define AT(line, what) (free(at), at = xasprintf("%s:%d: %s", p, line, what))
	at = NULL;
	ck_has_error(AT(2, "unknown key 'perod' in [pk2d]; did you mean 'period'?"));
	ck_has_error(AT(6, "line is 267 characters long; at most 198 fit"));
	ck_has_error(AT(8, "expected 'key = value' or '[section]'"));
	ck_has_error(AT(9, "unknown section [pk2]; did you mean [pk2d]?"));
	ck_has_error(AT(11, "[plugin.Health]: the instance name 'Health' must match"));
	ck_has_error(AT(17, "'children' is set again in [plugin.health] (first set at"));
	ck_has_error(AT(18, "'children' is set again in [plugin.health]"));
	ck_has_error(AT(20, "unknown section [plugins.dukcapil]; did you mean [plugin.dukcapil]?"));
	/* The values are checked too, in the same pass. */
	ck_has_error(AT(1, "[pk2d]: missing required key 'period'"));
	ck_has_error(AT(3, "jobs 'many' is not a whole number"));
	ck_has_error(AT(4, "timeout '0' is not a number of seconds above 0"));
	ck_has_error(AT(5, "language 'fr' is neither 'id' nor 'en'"));
	ck_has_error(AT(7, "area '63.2' is not a Kemendagri code (63, 63.02, 63.02.09, 63.02.09.2007) or all"));
	ck_has_error(AT(13, "enabled 'maybe' is not yes or no"));
	ck_has_error(AT(15, "timeout '-3' is not a number of seconds above 0"));
	ck_has_error(AT(19, "module 'Health' is not a plugin name"));
	/* The key under the unknown section is not reported again. */
	ck_assert(!harness_has(errs.items, errs.n, "'x'"));
	ck_assert_uint_eq(errs.n, 16);
	free(at);
	free(p);
	free(text);
}
END_TEST

/* Values are checked once the file has no syntax errors. */
START_TEST(value_errors)
{
	conf *c = load("[pk2d]\n"
	               "period = 2023Q5\n"
	               "area = 63.2\n"
	               "jobs = many\n"
	               "timeout = 0\n"
	               "language = fr\n"
	               "rt_detail = perhaps\n"
	               "[plugin.health]\n"
	               "enabled = maybe\n"
	               "required = sometimes\n"
	               "timeout = -3\n"
	               "module = Health\n"
	               "agency =\n");
	ck_assert_ptr_null(c);
	char *p = xasprintf("%s/pk2d.ini", dir), *at = NULL;
	ck_has_error(AT(2, "period '2023Q5' is not a DHIS2 period"));
	ck_has_error(AT(3, "area '63.2' is not a Kemendagri code"));
	ck_has_error(AT(4, "jobs 'many' is not a whole number from 1 to 1024"));
	ck_has_error(AT(5, "timeout '0' is not a number of seconds above 0"));
	ck_has_error(AT(6, "language 'fr' is neither 'id' nor 'en'"));
	ck_has_error(AT(7, "rt_detail 'perhaps' is not yes or no"));
	ck_has_error(AT(9, "enabled 'maybe' is not yes or no"));
	ck_has_error(AT(10, "required 'sometimes' is not yes or no"));
	ck_has_error(AT(11, "timeout '-3' is not a number of seconds above 0"));
	ck_has_error(AT(12, "module 'Health' is not a plugin name"));
	ck_has_error(AT(13, "agency is empty"));
	ck_assert_uint_eq(errs.n, 11);
	free(at);
	free(p);
}
END_TEST

/* The report's dialects and levels: each word, a list, and what is not. */
START_TEST(csv_dialect_and_dhis2_levels)
{
	conf *c = load("[pk2d]\nperiod = 2023\narea = 63\ncsv_dialect = excel-id\n"
	               "dhis2_levels = kecamatan,village, province\n");
	int d = -1;

	ck_assert_ptr_nonnull(c);
	ck_assert_int_eq(c->csv_dialect, CONF_CSV_EXCEL_ID);
	ck_assert_int_eq(c->dhis2_levels, 1 << AREA_PROVINCE | 1 << AREA_DISTRICT |
	                 1 << AREA_VILLAGE);
	conf_free(c);
	c = load("[pk2d]\nperiod = 2023\narea = 63\ncsv_dialect = rfc4180\n"
	         "dhis2_levels = kabupaten\n");
	ck_assert_int_eq(c->csv_dialect, CONF_CSV_RFC4180);
	ck_assert_int_eq(c->dhis2_levels, 1 << AREA_REGENCY);
	conf_free(c);
	ck_assert_int_eq(conf_parse_csv_dialect("excel-id", &d), 0);
	ck_assert_int_eq(d, CONF_CSV_EXCEL_ID);
	ck_assert_int_eq(conf_parse_csv_dialect("Excel", &d), PK2D_ERR_INVALID);

	c = load("[pk2d]\nperiod = 2023\narea = 63\ncsv_dialect = excel\n"
	         "dhis2_levels = village, dusun\n");
	ck_assert_ptr_null(c);
	char *p = xasprintf("%s/pk2d.ini", dir), *at = NULL;
	ck_has_error(AT(4, "csv_dialect 'excel' is neither 'rfc4180' nor 'excel-id'"));
	ck_has_error(AT(5, "dhis2_levels 'village, dusun' is not a list of levels"));
	ck_assert_uint_eq(errs.n, 2);
	msglist_free(&errs);
	c = load("[pk2d]\nperiod = 2023\narea = 63\ndhis2_levels = ,\n");
	ck_assert_ptr_null(c);
	ck_has_error(AT(4, "dhis2_levels ',' is not a list of levels"));
	free(at);
	free(p);
}
END_TEST

START_TEST(missing_required_at_section_line)
{
	conf *c = load("; header\n\n[pk2d]\ntitle = x\n");
	ck_assert_ptr_null(c);
	char *p = xasprintf("%s/pk2d.ini", dir), *at = NULL;
	ck_has_error(AT(3, "[pk2d]: missing required key 'period'"));
	ck_has_error(AT(3, "[pk2d]: missing required key 'area'"));
	ck_assert_uint_eq(errs.n, 2);
	free(at);
	free(p);
}
END_TEST

START_TEST(no_pk2d_section)
{
	conf *c = load("[plugin.health]\nchildren = a.csv\n");
	ck_assert_ptr_null(c);
	ck_has_error("no [pk2d] section");
}
END_TEST

START_TEST(key_outside_section)
{
	conf *c = load("period = 2023\n[pk2d]\nperiod = 2023\narea = 63\n");
	ck_assert_ptr_null(c);
	char *p = xasprintf("%s/pk2d.ini", dir), *at = NULL;
	ck_has_error(AT(1, "'period' is outside any section"));
	ck_assert_uint_eq(errs.n, 1);
	free(at);
	free(p);
}
END_TEST

START_TEST(line_length_limit)
{
	/* "title = " is 8 characters: 190 more make a line of 198, the
	 * longest that inih reads whole; one more is refused. */
	char v[192];
	memset(v, 'a', 190);
	v[190] = '\0';
	char *ok = xasprintf("[pk2d]\nperiod = 2023\narea = 63\ntitle = %s\n", v);
	conf *c = load(ok);
	ck_assert_ptr_nonnull(c);
	ck_assert_uint_eq(strlen(c->title), 190);
	conf_free(c);
	v[190] = 'a';
	v[191] = '\0';
	char *bad = xasprintf("[pk2d]\nperiod = 2023\narea = 63\ntitle = %s\n", v);
	c = load(bad);
	ck_assert_ptr_null(c);
	char *p = xasprintf("%s/pk2d.ini", dir), *at = NULL;
	ck_has_error(AT(4, "line is 199 characters long; at most 198 fit"));
	free(at);
	free(p);
	free(ok);
	free(bad);
}
END_TEST

/* Text in another encoding is read as Windows-1252 with a warning that
 * names the line; a control character becomes U+FFFD. */
START_TEST(values_repaired_to_utf8)
{
	log_hold hold = { 0 };
	log_hold_start(&hold);
	conf *c = load("[pk2d]\nperiod = 2023\narea = 63\ntitle = Caf\xe9 \x80\nnote = a\x02z\n");
	log_hold_stop();
	ck_assert_ptr_nonnull(c);
	ck_assert_str_eq(c->title, "Caf\xc3\xa9 \xe2\x82\xac");
	ck_assert_str_eq(c->note, "a\xef\xbf\xbdz");
	ck_assert_uint_eq(hold.n, 2);
	ck_assert_int_eq(hold.level[0], PK2D_LOG_WARNING);
	char *want = xasprintf("%s/pk2d.ini:4: text not in UTF-8: read as Windows-1252", dir);
	ck_assert_str_eq(hold.text[0], want);
	free(want);
	want = xasprintf("%s/pk2d.ini:5: control character in text: replaced by U+FFFD", dir);
	ck_assert_str_eq(hold.text[1], want);
	free(want);
	log_hold_free(&hold);
	conf_free(c);
}
END_TEST

START_TEST(long_names)
{
	char name[60];
	memset(name, 'k', 50);
	name[50] = '\0';
	char *text = xasprintf("[pk2d]\nperiod = 2023\narea = 63\n[plugin.%s]\n"
	                       "[plugin.x]\n%s = 1\n", name, name);
	conf *c = load(text);
	ck_assert_ptr_null(c);
	char *p = xasprintf("%s/pk2d.ini", dir), *at = NULL;
	ck_has_error(AT(4, "section name is 57 characters long; at most 49 are allowed"));
	ck_has_error(AT(6, "key name is 50 characters long; at most 49 are allowed"));
	free(at);
	free(p);
	free(text);
}
END_TEST

START_TEST(plugin_sections)
{
	conf *c = load("[pk2d]\nperiod = 2023\narea = 63.02.09.2007\ntimeout = 30\n"
	               "[plugin.health]\nchildren = data/balita.csv\nrequired = yes\n"
	               "[plugin.dukcapil]\nmodule = activities\nagency = Disdukcapil\n"
	               "timeout = 5\nenabled = no\n"
	               "[plugin.pupr]\nmodule = activities\nenabled = Yes\n");
	ck_assert_ptr_nonnull(c);
	ck_assert_uint_eq(c->n_plugins, 3);
	const conf_plugin *h = &c->plugins[0], *d = &c->plugins[1], *u = &c->plugins[2];
	ck_assert_str_eq(h->instance, "health");
	ck_assert_str_eq(h->module, "health");
	ck_assert_int_eq(h->enabled, 1);
	ck_assert_int_eq(h->required, 1);
	ck_assert_ptr_null(h->agency);
	ck_assert(h->timeout == 30.0);
	ck_assert_str_eq(d->instance, "dukcapil");
	ck_assert_str_eq(d->module, "activities");
	ck_assert_str_eq(d->agency, "Disdukcapil");
	ck_assert_int_eq(d->enabled, 0);
	ck_assert_int_eq(d->required, 0);
	ck_assert(d->timeout == 5.0);
	ck_assert_str_eq(u->module, "activities");
	ck_assert_int_eq(u->enabled, 1);
	ck_assert_int_eq(conf_host_key("Module"), 1);
	ck_assert_int_eq(conf_host_key("children"), 0);
	conf_free(c);
}
END_TEST

START_TEST(plugin_keys_against_descriptor)
{
	conf *c = load("[pk2d]\nperiod = 2023\narea = 63\n"
	               "[plugin.health]\n"      /* 4 */
	               "childern = a.csv\n"     /* 5 */
	               "column.weight = Berat\n"
	               "column. = nothing\n"    /* 7 */
	               "agency = Dinkes\n"
	               "colour = blue\n");      /* 9 */
	ck_assert_ptr_nonnull(c);
	static const pk2d_config_key keys[] = {
		{ "children", NULL, 1, "the e-PPGBM export" },
		{ "log", "kegiatan.csv", 0, NULL },
		{ "column.*", NULL, 0, NULL },
		{ NULL, NULL, 0, NULL },
	};
	int n = conf_check_plugin(&c->plugins[0], keys, &errs);
	char *p = xasprintf("%s/pk2d.ini", dir), *at = NULL;
	ck_has_error(AT(5, "[plugin.health]: unknown key 'childern' for module 'health'; "
	                "did you mean 'children'?"));
	ck_has_error(AT(7, "[plugin.health]: unknown key 'column.' for module 'health'"));
	ck_has_error(AT(9, "[plugin.health]: unknown key 'colour' for module 'health'"));
	ck_has_error(AT(4, "[plugin.health]: missing required key 'children' (the e-PPGBM export)"));
	ck_assert_int_eq(n, 4);
	ck_assert_uint_eq(errs.n, 4);
	free(at);
	free(p);
	conf_free(c);
}
END_TEST

START_TEST(include_relative_and_paths)
{
	char *sub = xasprintf("%s/agencies", dir);
	ck_assert_int_eq(mkdir(sub, 0700), 0);
	char *inc = harness_write(sub, "health.ini", "[plugin.health]\nchildren = balita.csv\n");
	char *inc2 = harness_write(sub, "more.ini", "[plugin.pkk]\nrecap = r.csv\n");
	conf *c = load("[pk2d]\nperiod = 2023\narea = 63\n"
	               "include = agencies/health.ini agencies/more.ini\n"
	               "[plugin.family]\nsurvey = keluarga.csv\n");
	ck_assert_ptr_nonnull(c);
	ck_assert_uint_eq(c->n_plugins, 3);
	/* Sections in the order they are met: the included ones at the
	 * include line. */
	ck_assert_str_eq(c->plugins[0].instance, "health");
	ck_assert_str_eq(c->plugins[1].instance, "pkk");
	ck_assert_str_eq(c->plugins[2].instance, "family");
	const conf_entry *e = conf_section_get(c->plugins[0].section, "children");
	ck_assert_str_eq(e->file, inc);
	ck_assert_int_eq(e->line, 2);
	char *resolved = conf_entry_path(e, e->value), *want = xasprintf("%s/balita.csv", sub);
	ck_assert_str_eq(resolved, want);
	free(resolved);
	free(want);
	e = conf_section_get(c->plugins[2].section, "survey");
	resolved = conf_entry_path(e, e->value);
	want = xasprintf("%s/keluarga.csv", dir);
	ck_assert_str_eq(resolved, want);
	free(resolved);
	free(want);
	conf_free(c);
	free(sub);
	free(inc);
	free(inc2);
}
END_TEST

START_TEST(include_errors)
{
	char *a = harness_write(dir, "a.ini", "[pk2d]\ninclude = b.ini\n");
	char *b = harness_write(dir, "b.ini", "[pk2d]\n\ninclude = a.ini\n");
	conf *c = load("[pk2d]\nperiod = 2023\narea = 63\ninclude = a.ini missing.ini\n");
	ck_assert_ptr_null(c);
	char *p = xasprintf("%s/pk2d.ini", dir), *at = NULL;
	char *want = xasprintf("%s:3: include cycle: '%s/a.ini' is already being read", b, dir);
	ck_has_error(want);
	ck_has_error(AT(4, "cannot read '"));
	ck_has_error("missing.ini': No such file or directory");
	ck_assert_uint_eq(errs.n, 2);
	free(want);
	free(at);
	free(p);
	free(a);
	free(b);
}
END_TEST

START_TEST(missing_file)
{
	char *p = xasprintf("%s/none.ini", dir);
	conf *c = conf_load(p, &errs);
	ck_assert_ptr_null(c);
	char *want = xasprintf("%s: cannot read: No such file or directory", p);
	ck_has_error(want);
	free(want);
	free(p);
}
END_TEST

struct seen {
	char text[2048];
};

static int record(void *ud, const char *section, const char *key, const char *value,
                  const char *file, int line)
{
	struct seen *s = ud;
	const char *base = strrchr(file, '/') + 1;
	size_t n = strlen(s->text);
	snprintf(s->text + n, sizeof s->text - n, "%s:%d [%s] %s=%s\n", base, line, section,
	         key ? key : "(start)", value ? value : "");
	return 0;
}

START_TEST(reader_events)
{
	/* A BOM, CRLF line ends, ':' as separator and an inline comment. */
	char *p = harness_write(dir, "m.ini", "\xEF\xBB\xBF[model]\r\nName = IKK ; working\r\n"
	                   "\r\n[dimension.fisik]\nweight: 0.2\n");
	struct seen s = { "" };
	ck_assert_int_eq(ini_file_parse(p, record, &s, &errs), 0);
	ck_assert_str_eq(s.text, "m.ini:1 [model] (start)=\n"
	                 "m.ini:2 [model] Name=IKK\n"
	                 "m.ini:4 [dimension.fisik] (start)=\n"
	                 "m.ini:5 [dimension.fisik] weight=0.2\n");
	ck_assert_uint_eq(errs.n, 0);
	free(p);
}
END_TEST

START_TEST(reader_errors_continue)
{
	char *p = harness_write(dir, "m.ini", "[a\nk\nx = 1\n= 2\nafter = 3\n");
	struct seen s = { "" };
	ck_assert_int_eq(ini_file_parse(p, record, &s, &errs), PK2D_ERR_CONFIG);
	/* The bad lines are reported; the good ones still reach the handler. */
	ck_assert_str_eq(s.text, "m.ini:3 [] x=1\nm.ini:5 [] after=3\n");
	char *at = NULL;
	ck_has_error(AT(1, "section header without ']'"));
	ck_has_error(AT(2, "expected 'key = value' or '[section]'"));
	ck_has_error(AT(4, "'=' without a key before it"));
	ck_assert_uint_eq(errs.n, 3);
	free(at);
	free(p);
}
END_TEST

START_TEST(find_order)
{
	char *cwd = getcwd(NULL, 0);
	ck_assert_int_eq(chdir(dir), 0);
	unsetenv("PK2D_CONFIG");
	char *f = conf_find("given.ini");
	ck_assert_str_eq(f, "given.ini");
	free(f);
	setenv("PK2D_CONFIG", "from-env.ini", 1);
	f = conf_find(NULL);
	ck_assert_str_eq(f, "from-env.ini");
	free(f);
	setenv("PK2D_CONFIG", "", 1);
	free(harness_write(".", "pk2d.ini", "[pk2d]\n"));
	f = conf_find(NULL);
	ck_assert_str_eq(f, "pk2d.ini");
	free(f);
	unsetenv("PK2D_CONFIG");
	ck_assert_int_eq(chdir(cwd), 0);
	free(cwd);
}
END_TEST

START_TEST(parsers)
{
	int b;
	long n;
	double d;
	ck_assert_int_eq(conf_parse_bool("ON", &b), 0);
	ck_assert_int_eq(b, 1);
	ck_assert_int_eq(conf_parse_bool("false", &b), 0);
	ck_assert_int_eq(b, 0);
	ck_assert_int_eq(conf_parse_bool("ya", &b), PK2D_ERR_INVALID);
	ck_assert_int_eq(conf_parse_int("12", 1, 1024, &n), 0);
	ck_assert_int_eq(n, 12);
	ck_assert_int_eq(conf_parse_int("0", 1, 1024, &n), PK2D_ERR_INVALID);
	ck_assert_int_eq(conf_parse_int(" 3", 1, 1024, &n), PK2D_ERR_INVALID);
	ck_assert_int_eq(conf_parse_int("3x", 1, 1024, &n), PK2D_ERR_INVALID);
	ck_assert_int_eq(conf_parse_seconds("0.5", &d), 0);
	ck_assert(d == 0.5);
	ck_assert_int_eq(conf_parse_seconds("nan", &d), PK2D_ERR_INVALID);
	ck_assert_int_eq(conf_parse_seconds("-1", &d), PK2D_ERR_INVALID);
	ck_assert_int_eq(conf_parse_seconds("1e99", &d), PK2D_ERR_INVALID);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("config");
	TCase *t = tcase_create("config");
	tcase_add_checked_fixture(t, setup, teardown);
	tcase_add_test(t, minimal_defaults);
	tcase_add_test(t, whole_country);
	tcase_add_test(t, store_and_command_line);
	tcase_add_test(t, model_must_exist);
	tcase_add_test(t, unreadable_file_one_message);
	tcase_add_test(t, every_key);
	tcase_add_test(t, errors_all_reported);
	tcase_add_test(t, value_errors);
	tcase_add_test(t, csv_dialect_and_dhis2_levels);
	tcase_add_test(t, missing_required_at_section_line);
	tcase_add_test(t, no_pk2d_section);
	tcase_add_test(t, key_outside_section);
	tcase_add_test(t, line_length_limit);
	tcase_add_test(t, long_names);
	tcase_add_test(t, values_repaired_to_utf8);
	tcase_add_test(t, plugin_sections);
	tcase_add_test(t, plugin_keys_against_descriptor);
	tcase_add_test(t, include_relative_and_paths);
	tcase_add_test(t, include_errors);
	tcase_add_test(t, missing_file);
	tcase_add_test(t, reader_events);
	tcase_add_test(t, reader_errors_continue);
	tcase_add_test(t, find_order);
	tcase_add_test(t, parsers);
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
