/*
 * main.c - the pk2d command line.
 *
 *   pk2d [options] report    run every plugin and write the report
 *   pk2d [options] check     check the configuration and the plugins' init
 *   pk2d [options] plugins   list the plugins on the plugin path
 *   pk2d [options] history ID  an indicator, intervention, ikk or dim.KEY over the stored periods
 *   pk2d [options] evaluate  the regencies' desa lokus across the stored periods
 *   pk2d [options] store copy FROM TO  an SQLite history into a PostgreSQL store
 *   pk2d [options] template [DIR]  blank forms of every enabled plugin's inputs
 *
 * Exit status: 0 all went well; 1 a data, configuration or plugin failure;
 * 2 a usage error.
 */
#include "config.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "api.h"
#include "cleanup.h"
#include "evaluate_out.h"
#include "history.h"
#include "i18n.h"
#include "report_run.h"
#include "log.h"
#include "assess.h"
#include "assess_setup.h"
#include "probe.h"
#include "report.h"
#include "session.h"
#include "store.h"
#include "template.h"
#include "unused.h"
#include "util.h"

#define EXIT_FAIL 1
#define EXIT_USAGE 2
#define MAX_OUTPUTS 32

struct options {
	const char *config;
	const char *plugin_path;
	const char *format;
	const char **outputs;     /* -o, repeatable */
	size_t n_outputs;
	const char *split;
	const char *site;
	const char *store;
	const char *csv_dialect;  /* --csv-dialect, checked */
	const char *area;         /* history --area */
	int rt;                   /* history --rt, RT_ALL when not given */
	int no_fork;
	int allow_untrusted;      /* --allow-untrusted-plugins */
	int lokus_only;           /* --lokus */
	int jobs;
	int verbosity;
};

static void usage(FILE *out)
{
	fprintf(out,
	        "Usage: pk2d [OPTION]... COMMAND\n"
	        "Track the interventions of a family-quality programme (PK2D) from the\n"
	        "agencies' data, through plugins.\n"
	        "\n"
	        "Commands:\n"
	        "  report     run every enabled plugin and write the report\n"
	        "  check      check the configuration, load the plugins and run their init\n"
	        "  plugins    list the plugins on the plugin path and what they declare\n"
	        "  history ID print an indicator, intervention, the IKK (ikk) or a dimension\n"
	        "             (dim.KEY) over the stored periods\n"
	        "  evaluate   the desa lokus of every regency ([pk2d] lokus) from the first to\n"
	        "             the latest stored period, and the regencies ranked\n"
	        "  store copy FROM TO  copy the history of the SQLite file FROM into the\n"
	        "             PostgreSQL store TO (a connection string; docs/store.md)\n"
	        "  template [DIR]  write in DIR (default: .) a blank workbook and CSV of each\n"
	        "             input file of each enabled plugin, with a row of explanation\n"
	        "             and one of accepted values; never over an existing file\n"
	        "\n"
	        "Options:\n"
	        "  -c, --config FILE        configuration file (else $PK2D_CONFIG, ./pk2d.ini,\n"
	        "                           %s/pk2d.ini)\n"
	        "      --plugin-path DIRS   search only these directories (colon-separated)\n"
	        "  -f, --format FORMATS     report formats, comma-separated: %s\n"
	        "                           (default: [pk2d] format, or the output's extension,\n"
	        "                           or text); history: text or csv; evaluate: text,\n"
	        "                           csv, json, md, html, xlsx or pdf\n"
	        "  -o, --output FILE        write the report to FILE (repeatable; default:\n"
	        "                           [pk2d] output, or standard output)\n"
	        "      --split DIR          also one file per village (and the summary) in DIR,\n"
	        "                           in each format of -f\n"
	        "      --site DIR           also a site of linked HTML pages in DIR: the area,\n"
	        "                           each area under it and each village\n"
	        "      --store FILE         history store (default: [pk2d] store, or\n"
	        "                           pk2d-history.sqlite next to the configuration);\n"
	        "                           'none' keeps no history\n"
	        "      --csv-dialect NAME   CSV for a program (rfc4180, the default) or for\n"
	        "                           Excel in an Indonesian locale (excel-id: ';',\n"
	        "                           decimal comma, BOM); default: [pk2d] csv_dialect\n"
	        "      --lokus              report: only the period's desa lokus villages of\n"
	        "                           [pk2d] lokus (as lokus_only = yes)\n"
	        "      --area CODE          history, evaluate: the area (default: [pk2d] area)\n"
	        "      --rt N               history: one RT of the village\n"
	        "  -j, --jobs N             run up to N plugins at once (default: [pk2d] jobs)\n"
	        "      --no-fork            load and run plugins inside pk2d itself, with no\n"
	        "                           time limit (unsafe: for debugging a plugin only)\n"
	        "      --allow-untrusted-plugins  load plugin files that others could change\n"
	        "                           (for development only; the report says so)\n"
	        "  -q, --quiet              show errors only\n"
	        "  -v, --verbose            show progress; twice for debugging detail\n"
	        "  -h, --help               show this help and exit\n"
	        "  -V, --version            show the version and exit\n"
	        "\n"
	        "Exit status: 0 success, 1 data, configuration or plugin failure, 2 usage error.\n",
	        PK2D_SYSCONFDIR, report_format_names());
}

static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "pk2d: ");
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\nTry 'pk2d --help'.\n");
	va_end(ap);
	return EXIT_USAGE;
}

static int open_session(session *s, const struct options *o, session_opts *so)
{
	char *path = conf_find(o->config);
	if (!path) {
		log_msg(PK2D_LOG_ERROR, "no configuration: give -c FILE, set PK2D_CONFIG, or "
		        "create ./pk2d.ini (%s/pk2d.ini was not found either)", PK2D_SYSCONFDIR);
		return -1;
	}
	*so = (session_opts){
		.config = path, .plugin_path = o->plugin_path, .jobs = o->jobs, .store = o->store,
		.csv_dialect = o->csv_dialect, .no_fork = o->no_fork,
		.allow_untrusted = o->allow_untrusted, .lokus_only = o->lokus_only,
	};
	msglist errs = { 0 };
	int r = session_open(s, so, &errs);
	msglist_print(&errs);
	msglist_free(&errs);
	if (r < 0) {
		free(path);
		so->config = NULL;
		return -1;
	}
	return 0;
}

/* The summary of the rows not used, at the end of a run, in its language. */
static void print_unused(const session *s)
{
	unused_ctx u = { .acct = &s->acct, .areas = s->areas, .area = s->cfg->area,
	                 .period = s->cfg->period };

	i18n_parse_lang(s->cfg->language, &u.lang);
	unused_print_summary(&u);
}

static int cmd_report(const struct options *o)
{
	session s;
	session_opts so;
	long long started = (long long)time(NULL);
	if (open_session(&s, o, &so) < 0)
		return EXIT_FAIL;
	int status = 0;
	model *mdl = NULL;
	if (assess_setup_model(s.cfg, &mdl) < 0) {
		session_free(&s);
		free((char *)so.config);
		return EXIT_FAIL;
	}
	size_t bad = session_run(&s, &so, 0);
	const plugin_run *req = session_required_failure(&s);
	if (s.acct.n_failed)
		status = EXIT_FAIL;
	if (req) {
		log_msg(PK2D_LOG_ERROR, "required plugin '%s' did not run: %s; no report written",
		        req->instance, req->reason ? req->reason : run_state_name(req->state));
		status = EXIT_FAIL;
	} else {
		if (bad) {
			log_msg(PK2D_LOG_ERROR, "%zu plugin instance%s did not run well; the report "
			        "says which and why", bad, bad == 1 ? "" : "s");
			status = EXIT_FAIL;
		}
		report_request rq = {
			.formats = o->format, .n_outputs = o->n_outputs, .outputs = o->outputs,
			.split = o->split, .site = o->site, .started = started,
		};
		status = report_run(&s, mdl, &rq, status);
	}
	print_unused(&s);
	model_free(mdl);
	session_free(&s);
	free((char *)so.config);
	return status;
}

/* The configuration of a command that can do without one: the file found,
 * else defaults only (conf_empty), with the command line applied. NULL when
 * the file has errors (logged). */
static conf *load_config(const struct options *o)
{
	char *path = conf_find(o->config);
	conf *cfg;

	if (path) {
		msglist errs = { 0 };
		cfg = conf_load(path, &errs);
		msglist_print(&errs);
		msglist_free(&errs);
		free(path);
	} else {
		cfg = conf_empty();
	}
	if (cfg)
		conf_apply_cli(cfg, &(conf_cli){ .jobs = o->jobs, .store = o->store,
		                                .csv_dialect = o->csv_dialect });
	return cfg;
}

static int cmd_history(const struct options *o, const char *id)
{
	conf *cfg = load_config(o);
	if (!cfg)
		return EXIT_FAIL;
	const char *area = o->area ? o->area : cfg->area;
	int status;
	if (cfg->store_off) {
		log_msg(PK2D_LOG_ERROR, "%s: this configuration keeps no history (give --store "
		        "FILE to read a history store)", cfg->store_off);
		status = EXIT_FAIL;
	} else if (!cfg->store || !*area) {
		log_msg(PK2D_LOG_ERROR, "history needs a configuration, or --store FILE and "
		        "--area CODE");
		status = EXIT_FAIL;
	} else if (o->format && strcmp(o->format, "csv") && strcmp(o->format, "text")) {
		status = usage_error("history prints text or csv, not '%s'", o->format);
	} else {
		history_request rq = {
			.store = cfg->store, .id = id, .area = area, .rt = o->rt,
			.csv = o->format && !strcmp(o->format, "csv"), .lang = LANG_ID,
			.lock_wait = cfg->lock_wait,
		};
		i18n_parse_lang(cfg->language, &rq.lang);
		status = history_print(&rq, stdout);
	}
	conf_free(cfg);
	return status;
}

/* The region table (data/wilayah): NULL, said, when it cannot be read. */
static areas *region_table(void)
{
	char err[1024], *path = xasprintf("%s/wilayah/kode-wilayah.csv", api_data_dir());
	char *aliases = xasprintf("%s/wilayah/alias-provinsi.csv", api_data_dir());
	areas *a = areas_load(path, err, sizeof err);

	if (!a || areas_load_aliases(a, aliases, err, sizeof err) < 0) {
		log_msg(PK2D_LOG_ERROR, "cannot load the region codes: %s (set PK2D_DATA_DIR to the"
		        " directory holding wilayah/)", err);
		areas_free(a);
		a = NULL;
	}
	free(path);
	free(aliases);
	return a;
}

static int cmd_evaluate(const struct options *o)
{
	const char *path = o->n_outputs ? o->outputs[0] : NULL;
	const report_format *by_name = path ? report_format_of_path(path, NULL) : NULL;
	const char *format = o->format ? o->format : by_name ? by_name->name : "text";

	if (o->n_outputs > 1)
		return usage_error("evaluate writes one file (-o FILE), not %zu", o->n_outputs);
	if (!evaluate_format_known(format))
		return usage_error("evaluate writes text, csv, json, md, html, xlsx or pdf, not '%s'",
		                   format);
	conf *cfg = load_config(o);
	if (!cfg)
		return EXIT_FAIL;
	const char *area = o->area ? o->area : *cfg->area ? cfg->area : "all";
	int status = EXIT_FAIL, lang = LANG_ID;
	msglist errs = { 0 };
	areas *codes = NULL;
	lokus *lk = NULL;
	store *st = NULL;
	model *mdl = NULL;
	evaluation *e = NULL;
	char err[1024];

	i18n_parse_lang(cfg->language, &lang);
	if (cfg->store_off)
		log_msg(PK2D_LOG_ERROR, "%s: this configuration keeps no history to evaluate",
		        cfg->store_off);
	else if (!cfg->store || !cfg->lokus)
		log_msg(PK2D_LOG_ERROR, "evaluate needs a configuration with [pk2d] lokus = FILE"
		        " (the desa lokus of each regency) and a history store");
	else if (!(codes = region_table()))
		;
	else if (lokus_load(cfg->lokus, codes, &lk, &errs) < 0)
		msglist_print(&errs);
	/* The model names the dimensions of the villages' charts. */
	else if (assess_setup_model(cfg, &mdl) < 0)
		;
	else if (!(st = store_open(cfg->store, cfg->lock_wait, err, sizeof err)) ||
	         evaluate(st, lk, mdl, codes, area, &e, err, sizeof err) < 0)
		log_msg(PK2D_LOG_ERROR, "history store: %s", err);
	else if (evaluate_write_file(e, format, lang, path, err, sizeof err) < 0)
		log_msg(PK2D_LOG_ERROR, "cannot write the evaluation: %s", err);
	else
		status = 0;
	evaluation_free(e);
	model_free(mdl);
	store_close(st);
	lokus_free(lk);
	areas_free(codes);
	msglist_free(&errs);
	conf_free(cfg);
	return status;
}

static int cmd_store_copy(const char *from, const char *to)
{
	store *src = NULL, *dst = NULL;
	char err[1024];
	long runs = 0;
	int status = EXIT_FAIL;

	if (conf_store_is_server(from) || !conf_store_is_server(to))
		return usage_error("store copy needs an SQLite file FROM and a PostgreSQL store TO"
		                   " (postgresql://..., service=NAME, host=... dbname=...)");
	if (access(from, R_OK) != 0)
		log_msg(PK2D_LOG_ERROR, "%s: no history store here", from);
	else if (!(src = store_open(from, CONF_DEFAULT_LOCK_WAIT, err, sizeof err)) ||
	         !(dst = store_open(to, CONF_DEFAULT_LOCK_WAIT, err, sizeof err)) ||
	         store_copy(src, dst, &runs, err, sizeof err) < 0)
		log_msg(PK2D_LOG_ERROR, "store copy: %s", err);
	else {
		log_msg(PK2D_LOG_INFO, "store copy: %ld runs of %s copied", runs, from);
		status = 0;
	}
	store_close(src);
	store_close(dst);
	return status;
}

static int cmd_template(const struct options *o, const char *dir)
{
	conf *cfg = load_config(o);
	if (!cfg)
		return EXIT_FAIL;
	const template_request rq = {
		.cfg = cfg, .plugin_path = o->plugin_path, .dir = dir, .no_fork = o->no_fork,
		.allow_untrusted = o->allow_untrusted,
	};
	int status = template_write(&rq);
	conf_free(cfg);
	return status;
}

static int cmd_check(const struct options *o)
{
	session s;
	session_opts so;
	if (open_session(&s, o, &so) < 0)
		return EXIT_FAIL;
	model *mdl = NULL;
	int model_rc = assess_setup_model(s.cfg, &mdl);
	size_t bad = session_run(&s, &so, 1);
	if (mdl) {
		bad += assess_setup_check(mdl, s.reg, PK2D_LOG_ERROR);
		printf("model %s: %zu dimensions\n", mdl->path, mdl->n_dimensions);
		model_free(mdl);
	}
	if (model_rc < 0)
		bad++;
	for (size_t i = 0; i < s.n_runs; i++) {
		const plugin_run *r = &s.runs[i];
		printf("%-16s %-12s %s%s%s\n", r->instance, r->module, run_state_name(r->state),
		       r->reason ? ": " : "", r->reason ? r->reason : "");
	}
	printf("%zu indicators and %zu interventions declared by %zu plugin instances\n",
	       registry_n_indicators(s.reg), registry_n_interventions(s.reg), s.n_runs);
	session_free(&s);
	free((char *)so.config);
	return bad ? EXIT_FAIL : 0;
}

/* ------------------------------------------------------------- plugins */

static void print_declarations(const registry *reg, const char *instance)
{
	for (size_t i = 0; i < registry_n_indicators(reg); i++) {
		const reg_indicator *ind = registry_indicator_at(reg, i);
		if (!strcmp(ind->plugin, instance))
			printf("    indicator     %-28s %s [%s]\n", ind->full_id, ind->label_id,
			       report_kind_name(ind->kind));
	}
	for (size_t i = 0; i < registry_n_interventions(reg); i++) {
		const reg_intervention *iv = registry_intervention_at(reg, i);
		if (!strcmp(iv->plugin, instance))
			printf("    intervention  %-28s %s\n", iv->full_id, iv->label_id);
	}
}

/* A plugin listed without a section of its own whose init failed with
 * PK2D_ERR_CONFIG: it needs configuration before it can declare anything. */
static int needs_section(const session *s, size_t i)
{
	const plugin_run *run = &s->runs[i];

	return session_unconfigured(s, i) && run->state == RUN_FAILED &&
	       run->error_call == RUN_CALL_INIT && run->error_code == PK2D_ERR_CONFIG;
}

/* What the instances logged while they declared, held back by the runner:
 * an instance that needs a section says it in the listing; every other
 * message is shown, with the failure of an instance that has a section. */
static void show_held(const session *s)
{
	for (size_t i = 0; i < s->n_runs; i++) {
		const plugin_run *run = &s->runs[i];

		if (needs_section(s, i))
			continue;
		for (size_t k = 0; k < run->n_held; k++)
			log_msg(run->held[k].level, "%s: %s", run->instance, run->held[k].text);
		if (run->state == RUN_FAILED)
			log_msg(PK2D_LOG_ERROR, "%s: failed: %s", run->instance, run->reason);
	}
}

/* "need a [plugin.NAME] section (init: what it logged)" */
static void print_needs_section(const plugin_run *run)
{
	printf("  declarations: need a [plugin.%s] section (init: ", run->instance);
	for (size_t k = 0; k < run->n_held; k++)
		printf("%s%s", k ? "; " : "", run->held[k].text);
	printf("%s)\n", run->n_held ? "" : run->reason);
}

static void print_plugin(const session *s, size_t i)
{
	const plugin_run *run = &s->runs[i];
	const session_module *m = &s->modules[i];
	const loaded_plugin *lp = m->lp;

	printf("%s\n", run->instance);
	if (m->path)
		printf("  file: %s\n", m->path);
	if (m->untrusted)
		printf("  untrusted, loaded for development (allow_untrusted_plugins): %s\n",
		       m->untrusted);
	if (!lp) {
		printf("  refused: %s\n\n", m->error);
		return;
	}
	printf("  ABI: %u.%u\n  agency: %s\n  version: %s\n  description: %s\n",
	       lp->abi_major, lp->abi_minor, lp->agency, lp->version, lp->description);
	if (lp->n_keys)
		printf("  config keys:\n");
	for (size_t k = 0; k < lp->n_keys; k++) {
		const pk2d_config_key *key = &lp->keys[k];
		printf("    %-20s%s%s%s%s\n", key->name, key->required ? " (required)" : "",
		       key->default_value ? " [default: " : "",
		       key->default_value ? key->default_value : "", key->default_value ? "]" : "");
		if (key->help)
			printf("      %s\n", key->help);
	}
	if (needs_section(s, i))
		print_needs_section(run);
	else if (run->state == RUN_FAILED)
		printf("  declarations: init failed: %s\n", run->reason);
	else
		print_declarations(s->reg, run->instance);
	printf("\n");
}

/* Every plugin on the search path, loaded and declaring (init) through the
 * same session as a report; exit 1 when a file was refused. */
static int cmd_plugins(const struct options *o)
{
	session s;
	session_opts so = {
		.config = conf_find(o->config), .plugin_path = o->plugin_path, .jobs = o->jobs,
		.no_fork = o->no_fork, .allow_untrusted = o->allow_untrusted, .hold_messages = 1,
	};
	msglist errs = { 0 };
	int r = session_open_listing(&s, &so, &errs);
	msglist_print(&errs);
	msglist_free(&errs);
	if (r < 0) {
		free((char *)so.config);
		return EXIT_FAIL;
	}
	session_run(&s, &so, 1);
	show_held(&s);
	if (s.n_runs == 0)
		log_msg(PK2D_LOG_WARNING, "no plugins found on the plugin path");
	int status = 0;
	for (size_t i = 0; i < s.n_runs; i++) {
		print_plugin(&s, i);
		if (!s.modules[i].lp)
			status = EXIT_FAIL;
	}
	session_free(&s);
	free((char *)so.config);
	return status;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "plugin-path", required_argument, NULL, 'P' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "split", required_argument, NULL, 'S' },
		{ "site", required_argument, NULL, 'W' },
		{ "store", required_argument, NULL, 'T' },
		{ "csv-dialect", required_argument, NULL, 'D' },
		{ "area", required_argument, NULL, 'A' },
		{ "rt", required_argument, NULL, 'R' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "no-fork", no_argument, NULL, 'N' },
		{ "allow-untrusted-plugins", no_argument, NULL, 'U' },
		{ "lokus", no_argument, NULL, 'L' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	static const char *outputs[MAX_OUTPUTS];
	struct options o = { .rt = RT_ALL, .outputs = outputs };
	char bad[64];
	int c, n_dialect;
	long n;
	/* A stopping signal removes the run's temporary files first. */
	cleanup_install();
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":c:f:o:j:qvhV", longopts, NULL)) != -1) {
		switch (c) {
		case 'c': o.config = optarg; break;
		case 'P': o.plugin_path = optarg; break;
		case 'f':
			if (report_check_formats(optarg, bad, sizeof bad) < 0)
				return usage_error("unknown format '%s' (known: %s)", bad,
				                   report_format_names());
			o.format = optarg;
			break;
		case 'o':
			if (o.n_outputs == MAX_OUTPUTS)
				return usage_error("more than %d -o options", MAX_OUTPUTS);
			outputs[o.n_outputs++] = optarg;
			break;
		case 'S': o.split = optarg; break;
		case 'W': o.site = optarg; break;
		case 'T': o.store = optarg; break;
		case 'D':
			if (conf_parse_csv_dialect(optarg, &n_dialect) < 0)
				return usage_error("--csv-dialect needs rfc4180 or excel-id, not '%s'",
				                   optarg);
			o.csv_dialect = optarg;
			break;
		case 'A':
			if (area_level(optarg) == AREA_INVALID)
				return usage_error("--area needs a Kemendagri code (63, 63.02, 63.02.09, "
				                   "63.02.09.2007) or all, not '%s'", optarg);
			o.area = optarg;
			break;
		case 'R':
			if (conf_parse_int(optarg, 1, 9999, &n) < 0)
				return usage_error("--rt needs a whole number from 1 to 9999, not '%s'",
				                   optarg);
			o.rt = (int)n;
			break;
		case 'j':
			if (conf_parse_int(optarg, 1, 1024, &n) < 0)
				return usage_error("-j needs a whole number from 1 to 1024, not '%s'", optarg);
			o.jobs = (int)n;
			break;
		case 'N': o.no_fork = 1; break;
		case 'U': o.allow_untrusted = 1; break;
		case 'L': o.lokus_only = 1; break;
		case 'q': o.verbosity = -1; break;
		case 'v': o.verbosity = o.verbosity < 0 ? 1 : o.verbosity + 1; break;
		case 'h': usage(stdout); return 0;
		case 'V':
			printf("pk2d %s (plugin ABI %d.%d)\n", PACKAGE_VERSION, PK2D_ABI_MAJOR,
			       PK2D_ABI_MINOR);
			return 0;
		case ':':
			return usage_error("option '%s' needs an argument", argv[optind - 1]);
		default:
			return usage_error("unknown option '%s'", argv[optind - 1]);
		}
	}
	log_set_verbosity(o.verbosity);
	if (optind >= argc)
		return usage_error("%s", "no command given (report, check, plugins, history, evaluate, store or template)");
	const char *cmd = argv[optind];
	int status;
	if (!strcmp(cmd, "history")) {
		if (optind + 1 >= argc)
			status = usage_error("%s", "history needs an indicator or intervention id "
			                     "(<plugin instance>.<id>)");
		else if (optind + 2 < argc)
			status = usage_error("unexpected argument '%s'", argv[optind + 2]);
		else
			status = cmd_history(&o, argv[optind + 1]);
		return status;
	}
	if (!strcmp(cmd, "store")) {
		if (optind + 1 >= argc || strcmp(argv[optind + 1], "copy"))
			return usage_error("%s", "store needs a subcommand: store copy FROM TO");
		if (optind + 4 != argc)
			return usage_error("%s", "store copy needs FROM (an SQLite file) and TO (a"
			                   " PostgreSQL store)");
		return cmd_store_copy(argv[optind + 2], argv[optind + 3]);
	}
	if (!strcmp(cmd, "template")) {
		if (optind + 2 < argc)
			return usage_error("unexpected argument '%s'", argv[optind + 2]);
		return cmd_template(&o, optind + 1 < argc ? argv[optind + 1] : ".");
	}
	if (optind + 1 < argc)
		return usage_error("unexpected argument '%s'", argv[optind + 1]);
	if (!strcmp(cmd, "report") && o.area)
		return usage_error("report takes its area from the configuration ([pk2d] area = %s),"
		                   " not --area (history and evaluate take --area)", o.area);
	if (!strcmp(cmd, "report"))
		return cmd_report(&o);
	if (!strcmp(cmd, "check"))
		return cmd_check(&o);
	if (!strcmp(cmd, "plugins"))
		return cmd_plugins(&o);
	if (!strcmp(cmd, "evaluate"))
		return cmd_evaluate(&o);
	return usage_error("unknown command '%s' (report, check, plugins, history, evaluate, store or template)", cmd);
}
