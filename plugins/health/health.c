/*
 * health.c - the Dinas Kesehatan plugin: WHO 2006 z-scores and nutrition
 * prevalence from the e-PPGBM export, the health interventions from their
 * activity log, a children file to check against WHO Anthro and the by-name
 * follow-up list. See docs/plugins/health.md.
 */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pk2d/plugin.h"
#include "../common/activity_log.h"
#include "indicators.h"
#include "../common/target.h"
#include "interventions.h"
#include "outputs.h"
#include "ppgbm.h"
#include "roster.h"
#include "who_tables.h"
#include "zscore.h"

struct health {
	const pk2d_host_api *api;
	pk2d_host *h;
	who_tables *tables;
	iv_set ivs;
};

static const pk2d_config_key config_keys[] = {
	{ "children", NULL, 0, "e-PPGBM export of child measurements (CSV)" },
	{ "column.*", NULL, 0, "column.FIELD = header: the export's column for FIELD (id kk "
	  "area rt sex birth_date measure_date age_days weight height measure oedema name "
	  "parent posyandu)" },
	/* Perpres 72/2021: 14 % in 2024; RPJMN 2025-2029: 18.8 % in 2025 to
	 * 14.2 % in 2029 (docs/plugins/health.md); 2026-2028 take 2029's. */
	{ "target_stunting", "2024:14 2025:18.8 2029:14.2", 0,
	  "stunting target in %, one value or YEAR:VALUE pairs (docs/config.md)" },
	{ "children_output", NULL, 0, "write one row per child with WHO Anthro's z-scores and "
	  "flags to this CSV file" },
	{ "followup_output", NULL, 0, "write the by-name list of children to follow up to this "
	  "CSV file (personal data)" },
	{ "log", NULL, 0, "health intervention log (activity log CSV)" },
	{ "log_column.*", NULL, 0, "log_column.FIELD = header (area rt intervention target "
	  "realised date budget)" },
	{ "interventions", NULL, 0, "interventions to declare, in order (default: the nine of "
	  "Perpres 72/2021)" },
	{ "intervention.*", NULL, 0, "intervention.ID.FIELD (label label_en target_group unit "
	  "target aims)" },
	{ NULL, NULL, 0, NULL }
};

static void health_fini(void *state)
{
	struct health *s = state;
	if (s == NULL)
		return;
	interventions_free(&s->ivs);
	free(s->tables);
	free(s);
}

static int read_target(struct health *s, double *target, int *year)
{
	const char *text = s->api->config_get(s->h, "target_stunting");
	char why[160];

	if (target_for_run(s->api, s->h, text, 0, 100, target, year, why, sizeof why) < 0) {
		s->api->log(s->h, PK2D_LOG_ERROR, "%s: target_stunting: %s",
		            s->api->config_where(s->h, "target_stunting"), why);
		return PK2D_ERR_CONFIG;
	}
	return 0;
}

/* init's work on a zeroed state; on failure the state may hold some of
 * what it allocated, for health_fini to free. */
static int health_setup(struct health *s, const pk2d_host_api *api, pk2d_host *h)
{
	char dir[4096];
	double target;
	int rc, rc2, year;

	s->api = api;
	s->h = h;
	/* Every configuration problem is reported before giving up. */
	rc = fields_check_keys(api, h, PPGBM_PREFIX, ppgbm_fields, PF_N);
	rc2 = activity_log_check_keys(api, h, IV_LOG_PREFIX);
	if (rc == 0)
		rc = rc2;
	rc2 = read_target(s, &target, &year);
	if (rc == 0)
		rc = rc2;
	rc2 = interventions_configure(&s->ivs, api, h);
	if (rc == 0 || rc2 == PK2D_ERR_NOMEM)
		rc = rc2;
	if (rc != 0)
		return rc;
	s->tables = malloc(sizeof *s->tables);
	if (s->tables == NULL)
		return PK2D_ERR_NOMEM;
	snprintf(dir, sizeof dir, "%s/who-growth", api->data_dir(h));
	if ((rc = who_tables_load(api, h, dir, s->tables)) != 0)
		return rc;
	if ((rc = indicators_declare(api, h, target, year)) != 0)
		return rc;
	return interventions_declare(&s->ivs, api, h);
}

static int health_init(const pk2d_host_api *api, pk2d_host *h, void **state)
{
	struct health *s = calloc(1, sizeof *s);
	int rc;

	*state = NULL;
	if (s == NULL)
		return PK2D_ERR_NOMEM;
	/* The host calls fini only after an init that succeeded. */
	rc = health_setup(s, api, h);
	if (rc != 0) {
		health_fini(s);
		return rc;
	}
	*state = s;
	return 0;
}

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* One pass over the export, which the host hands out village by village
 * (api->csv_group): the roster holds the current village only. */
typedef struct child_pass {
	roster ros;
	FILE *children;          /* the children file, or NULL */
	FILE *followup;          /* the follow-up list, or NULL */
	char village[FIELDS_AREA_MAX];
	size_t n_kids, n_cells;  /* totals of the villages finished */
} child_pass;

/* Counts the village, reports its cells (by area and RT, so that the host
 * adds them up in one order whatever the rows' order), writes its children
 * to follow up, and empties the roster. */
static int finish_block(struct health *s, child_pass *p)
{
	roster *ros = &p->ros;
	int rc = roster_count(ros);

	for (size_t i = 0; rc == 0 && i < ros->n_cells; i++) {
		uint32_t c = ros->cell_order[i];
		rc = indicators_report(s->api, s->h, ros->cell_area[c], ros->cell_rt[c],
		                       &ros->counts[c]);
	}
	if (rc == 0 && p->followup != NULL)
		rc = followup_write(p->followup, ros);
	p->n_kids += ros->n_kids;
	p->n_cells += ros->n_cells;
	roster_reset(ros);
	return rc;
}

/* Makes area the current village, finishing the one before. */
static int enter_village(struct health *s, child_pass *p, const char *area)
{
	int rc;

	if (p->village[0] != '\0' && strcmp(p->village, area) == 0)
		return 0;
	if (p->village[0] != '\0' && (rc = finish_block(s, p)) != 0)
		return rc;
	snprintf(p->village, sizeof p->village, "%s", area);
	return 0;
}

/* Asks the host for the rows village by village, a child's copies of one
 * measurement (same id and measure date) decided by it. */
static int group_rows(const pk2d_host_api *api, pk2d_csv *c, const ppgbm_reader *rd)
{
	int ids[2], n = 0;

	if (rd->col[PF_ID] >= 0) {
		ids[n++] = rd->col[PF_ID];
		if (rd->col[PF_MEASURED] >= 0)
			ids[n++] = rd->col[PF_MEASURED];
	}
	return api->csv_group(c, rd->col[PF_AREA], ids, n);
}

/* Reads the export row by row into the roster (and the children file). */
static int read_children(struct health *s, pk2d_csv *c, child_pass *p)
{
	roster *ros = &p->ros;
	const pk2d_host_api *api = s->api;
	ppgbm_reader rd;
	ppgbm_row row;
	zscore_result res;
	int more, rc;

	rc = ppgbm_reader_init(&rd, api, s->h, c, api->run_area(s->h));
	if (rc == 0)
		rc = group_rows(api, c, &rd);
	if (rc != 0)
		return rc;
	/* The names go to the follow-up list only. */
	rd.names = !ros->no_followup;
	while ((more = api->csv_next(c)) == 1) {
		long other;
		uint32_t cell;

		if (!ppgbm_read_row(&rd, &row)) {
			if (row.placed) {
				if ((rc = roster_cell(ros, row.area, row.rt, &cell)) != 0)
					return rc;
				ros->counts[cell].rejected++;
			}
			continue;
		}
		/* A rejected row above is counted in the current village's
		 * roster, under its own area; only a usable row starts the
		 * next village. */
		if ((rc = enter_village(s, p, row.area)) != 0)
			return rc;
		zscore_compute(s->tables, &row.in, &res);
		if (p->children != NULL)
			children_write_row(p->children, row.id, row.area, row.rt, row.kk, &res);
		if ((rc = roster_add(ros, &row, &res, api->csv_line(c), &other)) != 0)
			return rc;
		if (other != 0)
			api->csv_note(c, "repeated child: same id as line %ld; the later "
			              "measurement counts", other);
	}
	if (more < 0)
		return PK2D_ERR_DATA;
	return finish_block(s, p);
}

/* Opens an output file named by key (none when unset). 0 or the error,
 * logged. */
static int open_output(struct health *s, const char *key, out_file *o)
{
	const char *path = s->api->config_path(s->h, key);
	char err[1024];
	int rc;

	memset(o, 0, sizeof *o);
	if (path == NULL)
		return 0;
	/* In a run in parts, this part's share of the file (joined by the
	 * host). */
	path = s->api->part_output(s->h, path);
	if ((rc = out_open(o, path, err, sizeof err)) != 0)
		s->api->log(s->h, PK2D_LOG_ERROR, "%s", err);
	return rc;
}

static int commit_output(struct health *s, out_file *o)
{
	char err[1024];
	int rc;

	if (o->f == NULL)
		return 0;
	if ((rc = out_commit(o, err, sizeof err)) != 0)
		s->api->log(s->h, PK2D_LOG_ERROR, "%s", err);
	return rc;
}

static int collect_children(struct health *s, const char *path)
{
	const pk2d_host_api *api = s->api;
	double t0 = now();
	out_file out, fol;
	child_pass p = { .children = NULL };
	int rc;

	pk2d_csv *c = api->csv_open(s->h, path);
	if (c == NULL)
		return PK2D_ERR_IO;
	rc = open_output(s, "children_output", &out);
	if (rc == 0)
		rc = open_output(s, "followup_output", &fol);
	else
		memset(&fol, 0, sizeof fol);
	if (rc == 0) {
		roster_init(&p.ros);
		p.ros.no_followup = fol.f == NULL;
		p.children = out.f;
		p.followup = fol.f;
		/* The header once, in the first part. */
		if (out.f != NULL && api->part(s->h, NULL) == 0)
			children_write_header(out.f);
		if (fol.f != NULL && api->part(s->h, NULL) == 0)
			followup_write_header(fol.f);
		rc = read_children(s, c, &p);
	}
	api->csv_close(c);
	if (rc == 0)
		rc = commit_output(s, &fol);
	if (rc == 0)
		rc = commit_output(s, &out);
	out_abort(&fol);
	out_abort(&out);
	api->log(s->h, PK2D_LOG_INFO, "%s: %zu children in %zu areas/RT in %.1f ms", path,
	         p.n_kids, p.n_cells, (now() - t0) * 1e3);
	roster_free(&p.ros);
	return rc;
}

static int health_collect(void *state)
{
	struct health *s = state;
	const char *children = s->api->config_path(s->h, "children");
	const char *log = s->api->config_path(s->h, "log");
	int rc = 0;

	/* Checked here, not in init: without them the plugin still declares
	 * what it reports (pk2d plugins lists it without a section). */
	if (children == NULL && log == NULL) {
		s->api->log(s->h, PK2D_LOG_ERROR, "neither children (the e-PPGBM export) nor "
		            "log is set: nothing to read");
		return PK2D_ERR_CONFIG;
	}
	if (children != NULL)
		rc = collect_children(s, children);
	/* The log is read whole by the first part of a run in parts. */
	if (rc == 0 && log != NULL && s->api->part(s->h, NULL) == 0)
		rc = interventions_read_log(&s->ivs, s->api, s->h, log);
	return rc;
}

/* The files pk2d check opens before the plugin runs. */
static const pk2d_input inputs[] = {
	{ "children", PPGBM_PREFIX, ppgbm_fields },
	{ "log", IV_LOG_PREFIX, activity_log_fields },
	{ NULL, NULL, NULL }
};

static const pk2d_area_column health_areas[] = {
	{ "children", "area" }, { "log", "area" }, { NULL, NULL }
};

static const pk2d_input_help health_help[] = {
	{ "children", ppgbm_help }, { "log", activity_log_help }, { NULL, NULL }
};

PK2D_PLUGIN_DEFINE(.name = "health", .agency = "Dinas Kesehatan", .version = "1.0.0",
                   .description = "WHO 2006 z-scores and stunting, wasting, underweight and "
                                  "overweight prevalence from the e-PPGBM export; health "
                                  "interventions (Perpres 72/2021) from their log",
                   .config_keys = config_keys, .init = health_init,
                   .collect = health_collect, .fini = health_fini, .inputs = inputs,
                   .parts_input = "children", .parts_column = "area",
                   .area_columns = health_areas, .input_help = health_help);
