/*
 * session.c - configuration, plugins, run, roll-up, in that order.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "input_check.h"
#include "log.h"
#include "parts.h"
#include "probe.h"
#include "session.h"
#include "util.h"

const char *run_state_name(int state)
{
	switch (state) {
	case RUN_OK: return "ok";
	case RUN_FAILED: return "failed";
	case RUN_NOT_LOADED: return "not loaded";
	case RUN_DISABLED: return "disabled";
	default: return "unknown";
	}
}

void plugin_run_clear(plugin_run *run)
{
	free(run->instance);
	free(run->module);
	free(run->agency);
	free(run->path);
	free(run->reason);
	for (size_t i = 0; i < run->n_held; i++)
		free(run->held[i].text);
	free(run->held);
	for (size_t i = 0; i < run->n_files; i++)
		csv_stats_free(run->files[i]);
	free(run->files);
	memset(run, 0, sizeof *run);
}

/* The module called name, checked and loaded on first use (probe.h). */
static session_module *get_module(session *s, const char *name, const probe_opts *po)
{
	for (size_t i = 0; i < s->n_modules; i++)
		if (!strcmp(s->modules[i].name, name))
			return &s->modules[i];
	s->modules = xrealloc(s->modules, (s->n_modules + 1) * sizeof *s->modules);
	session_module *m = &s->modules[s->n_modules++];
	memset(m, 0, sizeof *m);
	m->name = xstrdup(name);
	char err[1024];
	if (plugin_find(&s->search, name, &m->path, err, sizeof err) == 0) {
		if (probe_module(m->path, name, po, &m->lp, &m->untrusted, err, sizeof err) < 0)
			m->error = xstrdup(err);
	} else {
		m->error = xstrdup(err);
	}
	return m;
}

/* Why a module was refused, with its file when one was found. */
static char *refusal(const session_module *m)
{
	return m->path ? xasprintf("%s: %s", m->path, m->error) : xstrdup(m->error);
}

/* The run's area against the region table: a code the table lacks is an
 * error with the nearest codes and their names, except a village under a
 * known kecamatan (the table lags new villages), which is a warning. */
static void check_area(const session *s, const char *table, msglist *errs)
{
	const conf_entry *e = conf_section_get(conf_find_section(s->cfg, "pk2d"), "area");
	char near[3][AREAS_CODE_MAX], parent[AREAS_CODE_MAX], text[512];
	const char *area = s->cfg->area;
	size_t n, at = 0;
	int level = area_level(area), village_of_known;

	if (!s->areas || !e || level < AREA_PROVINCE || areas_name(s->areas, area))
		return;
	n = areas_suggest(s->areas, area, near, 3);
	text[0] = '\0';
	for (size_t i = 0; i < n && at < sizeof text; i++) {
		const char *name = areas_name(s->areas, near[i]);
		int k = snprintf(text + at, sizeof text - at, "%s%s (%s)", i ? ", " : "; did you mean ",
		                 near[i], name ? name : "?");

		at += k > 0 ? (size_t)k : 0;
	}
	village_of_known = level == AREA_VILLAGE &&
	                   area_ancestor(area, AREA_DISTRICT, parent, sizeof parent) == 0 &&
	                   areas_name(s->areas, parent);
	if (village_of_known) {
		log_msg(PK2D_LOG_WARNING, "%s:%d: area %s is not in the region table %s (a new "
		        "village?)%s%s", e->file, e->line, area, table, text, n ? "?" : "");
		return;
	}
	msglist_add(errs, e->file, e->line, "area %s is not in the region table %s%s%s", area,
	            table, text, n ? "?" : "");
}

int session_open(session *s, const session_opts *opts, msglist *errs)
{
	memset(s, 0, sizeof *s);
	size_t before = errs->n;
	/* Read on past errors: the plugin sections are checked as well. */
	s->cfg = conf_read(opts->config, errs);
	if (!s->cfg)
		return PK2D_ERR_CONFIG;
	conf *cfg = s->cfg;
	conf_apply_cli(cfg, &(conf_cli){ .jobs = opts->jobs, .store = opts->store,
	                                .csv_dialect = opts->csv_dialect,
	                                .lokus_only = opts->lokus_only });
	char err[1024];
	char *codes = xasprintf("%s/wilayah/kode-wilayah.csv", api_data_dir());
	char *aliases = xasprintf("%s/wilayah/alias-provinsi.csv", api_data_dir());
	s->areas = areas_load(codes, err, sizeof err);
	if (!s->areas || areas_load_aliases(s->areas, aliases, err, sizeof err) < 0)
		msglist_add(errs, codes, 0, "cannot load the region codes: %s "
		            "(set PK2D_DATA_DIR to the directory holding wilayah/)", err);
	free(aliases);
	conf_pick_lokus(cfg, s->areas, errs);
	check_area(s, codes, errs);
	free(codes);
	plugin_search_init(&s->search, opts->plugin_path, getenv("PK2D_PLUGIN_PATH"),
	                   cfg->plugin_path, cfg->n_plugin_path);
	s->reg = registry_new();
	registry_keep_rts(s->reg, cfg->rt_detail);
	s->n_runs = cfg->n_plugins;
	s->runs = xcalloc(s->n_runs, sizeof *s->runs);
	s->jobs = xcalloc(s->n_runs, sizeof *s->jobs);
	msglist inputs = { 0 };
	for (size_t i = 0; i < cfg->n_plugins; i++) {
		const conf_plugin *cp = &cfg->plugins[i];
		plugin_run *run = &s->runs[i];
		run->instance = xstrdup(cp->instance);
		run->module = xstrdup(cp->module);
		run->required = cp->required;
		s->jobs[i].cp = cp;
		s->jobs[i].run = run;
		if (!cp->enabled) {
			run->state = RUN_DISABLED;
			run->agency = xstrdup(cp->agency ? cp->agency : "");
			continue;
		}
		const probe_opts po = {
			.timeout = cp->timeout, .no_fork = opts->no_fork,
			.allow_untrusted = opts->allow_untrusted || cfg->allow_untrusted_plugins,
		};
		session_module *m = get_module(s, cp->module, &po);
		if (!m->lp) {
			run->state = RUN_NOT_LOADED;
			run->reason = refusal(m);
			run->agency = xstrdup(cp->agency ? cp->agency : "");
			log_msg(PK2D_LOG_ERROR, "%s:%d: [plugin.%s]: %s", cp->section->file,
			        cp->section->line, cp->instance, run->reason);
			continue;
		}
		run->path = xstrdup(m->lp->path);
		if (m->untrusted) {
			/* Every report shows an ok run's reason: it says so. */
			run->reason = xasprintf("untrusted plugin file loaded for development "
			                        "(allow_untrusted_plugins): %s", m->untrusted);
			log_msg(PK2D_LOG_WARNING, "[plugin.%s]: %s", cp->instance, run->reason);
		}
		run->agency = xstrdup(cp->agency ? cp->agency : m->lp->agency);
		conf_check_plugin(cp, m->lp->keys, errs);
		/* An instance whose declared inputs do not fit fails without
		 * running; the others run. */
		size_t first = inputs.n;
		if (input_check(cp, m->lp, s->areas, cfg->area, &inputs)) {
			run->state = RUN_FAILED;
			free(run->reason);
			run->reason = xstrdup(inputs.items[first]);
			continue;
		}
		s->jobs[i].lp = m->lp;
	}
	size_t enabled = 0;
	for (size_t i = 0; i < cfg->n_plugins; i++)
		enabled += cfg->plugins[i].enabled;
	if (!enabled)
		msglist_add(errs, cfg->path, 0, "no plugin is enabled: add or uncomment a "
		            "[plugin.NAME] section for each agency that reports (pk2d plugins lists "
		            "the installed plugins)");
	if (errs->n != before) {
		for (size_t i = 0; i < inputs.n; i++)
			msglist_add(errs, NULL, 0, "%s", inputs.items[i]);
		msglist_free(&inputs);
		session_free(s);
		return PK2D_ERR_CONFIG;
	}
	msglist_print(&inputs);
	msglist_free(&inputs);
	return 0;
}

/* The section of a listed plugin the configuration does not name. */
static const conf_section no_section = { .name = (char *)"", .file = (char *)"" };

int session_open_listing(session *s, const session_opts *opts, msglist *errs)
{
	memset(s, 0, sizeof *s);
	if (opts->config) {
		size_t before = errs->n;
		s->cfg = conf_load(opts->config, errs);
		if (!s->cfg || errs->n != before) {
			session_free(s);
			return PK2D_ERR_CONFIG;
		}
	} else {
		s->cfg = conf_empty();
	}
	conf *cfg = s->cfg;
	conf_apply_cli(cfg, &(conf_cli){ .jobs = opts->jobs, .store = opts->store,
	                                .csv_dialect = opts->csv_dialect });
	plugin_search_init(&s->search, opts->plugin_path, getenv("PK2D_PLUGIN_PATH"),
	                   cfg->plugin_path, cfg->n_plugin_path);
	s->reg = registry_new();
	char **names;
	s->n_runs = plugin_search_list(&s->search, &names);
	s->runs = xcalloc(s->n_runs, sizeof *s->runs);
	s->jobs = xcalloc(s->n_runs, sizeof *s->jobs);
	s->listed = xcalloc(s->n_runs, sizeof *s->listed);
	for (size_t i = 0; i < s->n_runs; i++) {
		const conf_plugin *match = NULL;
		for (size_t j = 0; j < cfg->n_plugins && !match; j++)
			if (!strcmp(cfg->plugins[j].module, names[i]))
				match = &cfg->plugins[j];
		conf_plugin *cp = &s->listed[i];
		cp->instance = xstrdup(names[i]);
		cp->module = names[i];
		cp->enabled = 1;
		cp->section = match ? match->section : &no_section;
		cp->timeout = match ? match->timeout : cfg->timeout;
		const probe_opts po = {
			.timeout = cp->timeout, .no_fork = opts->no_fork,
			.allow_untrusted = opts->allow_untrusted || cfg->allow_untrusted_plugins,
		};
		session_module *m = get_module(s, cp->module, &po);
		plugin_run *run = &s->runs[i];
		run->instance = xstrdup(cp->instance);
		run->module = xstrdup(cp->module);
		run->agency = xstrdup(m->lp ? m->lp->agency : "");
		if (m->lp) {
			run->path = xstrdup(m->lp->path);
		} else {
			run->state = RUN_NOT_LOADED;
			run->reason = refusal(m);
		}
		s->jobs[i] = (runner_job){ .cp = cp, .lp = m->lp, .run = run };
	}
	free(names);
	return 0;
}

int session_unconfigured(const session *s, size_t i)
{
	return s->listed && s->listed[i].section == &no_section;
}

static void unknown_aim(void *ud, const reg_intervention *iv, const char *aim)
{
	(void)ud;
	log_msg(PK2D_LOG_WARNING, "%s%sintervention '%s' aims at '%s', which no enabled plugin "
	        "declares", iv->origin ? iv->origin : "", iv->origin ? ": " : "", iv->full_id, aim);
}

size_t session_run(session *s, const session_opts *opts, int declare_only)
{
	runner_opts ro = {
		.jobs = s->cfg->jobs,
		.no_fork = opts->no_fork,
		.declare_only = declare_only,
		.hold_messages = opts->hold_messages,
	};
	if (!declare_only && !opts->no_fork)
		parts_plan(s->jobs, s->n_runs, s->cfg->jobs);
	runner_run(s->cfg, s->areas, s->reg, s->jobs, s->n_runs, &ro);
	registry_check_aims(s->reg, unknown_aim, NULL);
	if (!declare_only)
		log_phase("roll-up");
	registry_rollup(s->reg);
	accounting_free(&s->acct);
	accounting_build(&s->acct, s->runs, s->n_runs, s->cfg->max_rejected);
	size_t bad = 0;
	for (size_t i = 0; i < s->n_runs; i++)
		bad += s->runs[i].state == RUN_FAILED || s->runs[i].state == RUN_NOT_LOADED;
	return bad;
}

const plugin_run *session_required_failure(const session *s)
{
	for (size_t i = 0; i < s->n_runs; i++)
		if (s->runs[i].required &&
		    (s->runs[i].state == RUN_FAILED || s->runs[i].state == RUN_NOT_LOADED))
			return &s->runs[i];
	return NULL;
}

void session_free(session *s)
{
	accounting_free(&s->acct);
	for (size_t i = 0; i < s->n_runs; i++)
		plugin_run_clear(&s->runs[i]);
	free(s->runs);
	for (size_t i = 0; s->jobs && i < s->n_runs; i++)
		parts_clear(&s->jobs[i]);
	free(s->jobs);
	for (size_t i = 0; s->listed && i < s->n_runs; i++) {
		free(s->listed[i].instance);
		free(s->listed[i].module);
	}
	free(s->listed);
	for (size_t i = 0; i < s->n_modules; i++) {
		loader_unload(s->modules[i].lp);
		free(s->modules[i].name);
		free(s->modules[i].path);
		free(s->modules[i].error);
		free(s->modules[i].untrusted);
	}
	free(s->modules);
	registry_free(s->reg);
	areas_free(s->areas);
	plugin_search_free(&s->search);
	conf_free(s->cfg);
	memset(s, 0, sizeof *s);
}
