/*
 * activities.c - the generic module for an agency without a developer.
 *
 * One section per agency ([plugin.dukcapil] with module = activities)
 * describes the agency's interventions (intervention.ID.* keys, read by the
 * shared catalogue) with an activity log, and optionally indicators computed
 * from the numerator and denominator columns of an aggregate table
 * (indicator.ID.* keys, read here). See docs/plugins/activities.md.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pk2d/plugin.h"
#include "../common/activity_log.h"
#include "../common/catalogue.h"
#include "../common/fields.h"
#include "../common/keyblocks.h"
#include "../common/target.h"

#define INDICATOR_PREFIX "indicator."
#define LOG_PREFIX "column."
#define KEY_MAX 128

/* Columns of an indicator's table, in the order of table_fields. */
enum table_field { TF_NUM, TF_DEN, TF_AREA, TF_RT, TF_PERIOD, TF_N };

static const char *const table_field_names[TF_N] = {
	"numerator", "denominator", "area", "rt", "period"
};
/* Default headers of the columns that have one. */
static const char *const table_defaults[TF_N] = {
	NULL, NULL, "kode_wilayah", "rt", "periode"
};

typedef struct table_ind {
	char *id, *label_id, *label_en, *unit, *group, *description;
	int kind, direction, has_target;
	double target;
	int target_year;      /* the year target was taken from; 0: one value */
	char *column[TF_N];   /* header set in the INI, or NULL */
	int has_table;
	const char *where;    /* file:line of the block's first key */
} table_ind;

typedef struct act_state {
	const pk2d_host_api *api;
	pk2d_host *h;
	catalogue cat;
	table_ind *ind;
	size_t n_ind;
	const char *log_path;
} act_state;

static const pk2d_config_key act_keys[] = {
	{ "log", NULL, 0, "activity log CSV (docs/inputs.md, Activity log)" },
	{ "column.*", NULL, 0, "column.FIELD = header of the activity log (area, rt, "
	  "intervention, target, realised, date, budget)" },
	{ "intervention.*", NULL, 0, "intervention.ID.FIELD: label, label_en, target_group, "
	  "unit, agency, target, aims" },
	{ "indicator.*", NULL, 0, "indicator.ID.FIELD: label, label_en, unit, kind, direction, "
	  "target, group, description, table, numerator, denominator, area, rt, period" },
	{ NULL, NULL, 0, NULL }
};

static void ind_free(table_ind *t)
{
	int f;

	free(t->id);
	free(t->label_id);
	free(t->label_en);
	free(t->unit);
	free(t->group);
	free(t->description);
	for (f = 0; f < TF_N; f++)
		free(t->column[f]);
}

static void act_fini(void *state)
{
	act_state *s = state;
	size_t i;

	if (s == NULL)
		return;
	catalogue_free(&s->cat);
	for (i = 0; i < s->n_ind; i++)
		ind_free(&s->ind[i]);
	free(s->ind);
	free(s);
}

static int own_indicator(void *ud, const char *id)
{
	const act_state *s = ud;
	size_t i;

	for (i = 0; i < s->n_ind; i++)
		if (strcmp(s->ind[i].id, id) == 0)
			return 1;
	return 0;
}

struct ind_ctx {
	act_state *s;
	keyblocks blocks;
	int bad;
	int nomem;
};

static void ind_error(struct ind_ctx *x, const char *key, const char *fmt, ...)
	PK2D_PRINTF(3, 4);

static void ind_error(struct ind_ctx *x, const char *key, const char *fmt, ...)
{
	char text[320];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	x->s->api->log(x->s->h, PK2D_LOG_ERROR, "%s: %s", x->s->api->config_where(x->s->h, key),
	               text);
	x->bad = 1;
}

static int set_str(char **slot, const char *value)
{
	char *v = strdup(value);

	if (v == NULL)
		return PK2D_ERR_NOMEM;
	free(*slot);
	*slot = v;
	return 0;
}

static int parse_kind(const char *v)
{
	static const char *const names[] = { "proportion", "rate", "count", "mean" };
	int i;

	for (i = 0; i < 4; i++)
		if (strcasecmp(v, names[i]) == 0)
			return i;
	return -1;
}

static int parse_direction(const char *v, int *out)
{
	if (strcasecmp(v, "higher") == 0)
		*out = PK2D_HIGHER_IS_BETTER;
	else if (strcasecmp(v, "lower") == 0)
		*out = PK2D_LOWER_IS_BETTER;
	else if (strcasecmp(v, "neutral") == 0)
		*out = PK2D_NEUTRAL;
	else
		return -1;
	return 0;
}

/* Sets one field of an indicator. */
static int ind_field(struct ind_ctx *x, table_ind *t, const char *key, const char *field,
                     const char *value)
{
	int f;

	if (strcasecmp(field, "label") == 0)
		return set_str(&t->label_id, value);
	if (strcasecmp(field, "label_en") == 0)
		return set_str(&t->label_en, value);
	if (strcasecmp(field, "unit") == 0)
		return set_str(&t->unit, value);
	if (strcasecmp(field, "group") == 0)
		return set_str(&t->group, value);
	if (strcasecmp(field, "description") == 0)
		return set_str(&t->description, value);
	if (strcasecmp(field, "kind") == 0) {
		t->kind = parse_kind(value);
		if (t->kind < 0) {
			ind_error(x, key, "kind of indicator '%s' must be proportion, rate, count "
			          "or mean, not '%s'", t->id, value);
			t->kind = PK2D_PROPORTION;
		}
		return 0;
	}
	if (strcasecmp(field, "direction") == 0) {
		if (parse_direction(value, &t->direction) != 0)
			ind_error(x, key, "direction of indicator '%s' must be higher, lower or "
			          "neutral, not '%s'", t->id, value);
		return 0;
	}
	if (strcasecmp(field, "target") == 0) {
		char why[160];

		if (target_for_run(x->s->api, x->s->h, value, -HUGE_VAL, HUGE_VAL, &t->target,
		                   &t->target_year, why, sizeof why) < 0)
			ind_error(x, key, "target of indicator '%s': %s", t->id, why);
		else
			t->has_target = 1;
		return 0;
	}
	if (strcasecmp(field, "table") == 0) {
		t->has_table = value[0] != '\0';
		return 0;
	}
	for (f = 0; f < TF_N; f++)
		if (strcasecmp(field, table_field_names[f]) == 0)
			return set_str(&t->column[f], value);
	ind_error(x, key, "unknown field '%s' of indicator '%s' (expected label, label_en, "
	          "unit, kind, direction, target, group, description, table, numerator, "
	          "denominator, area, rt or period)", field, t->id);
	return 0;
}

static int ind_key(void *ud, const char *key, const char *value)
{
	struct ind_ctx *x = ud;
	act_state *s = x->s;
	char id[64];
	const char *field, *first;
	table_ind *t;
	size_t i;
	int rc = keyblocks_split(key, INDICATOR_PREFIX, id, sizeof id, &field);

	if (rc == 0)
		return 0;
	if (rc < 0 || !fields_valid_id(id) || field == NULL || field[0] == '\0') {
		ind_error(x, key, "malformed key '%s': expected indicator.ID.FIELD with ID in "
		          "lower case letters, digits and '_'", key);
		return 0;
	}
	rc = keyblocks_enter(&x->blocks, id, s->api->config_where(s->h, key), &first);
	if (rc == PK2D_ERR_DUPLICATE) {
		ind_error(x, key, "duplicate indicator id '%s': it is already defined by the "
		          "block starting at %s (keys of one indicator must be written "
		          "together)", id, first);
		return 0;
	}
	if (rc != 0) {
		x->nomem = 1;
		return 1;
	}
	for (i = 0; i < s->n_ind && strcmp(s->ind[i].id, id) != 0; i++)
		;
	if (i == s->n_ind) {
		table_ind *grown = realloc(s->ind, (s->n_ind + 1) * sizeof *grown);

		if (grown == NULL) {
			x->nomem = 1;
			return 1;
		}
		s->ind = grown;
		t = &s->ind[s->n_ind++];
		memset(t, 0, sizeof *t);
		t->kind = PK2D_PROPORTION;
		t->direction = PK2D_HIGHER_IS_BETTER;
		t->where = s->api->config_where(s->h, key);
		if ((t->id = strdup(id)) == NULL) {
			x->nomem = 1;
			return 1;
		}
	}
	if (ind_field(x, &s->ind[i], key, field, value) != 0) {
		x->nomem = 1;
		return 1;
	}
	return 0;
}

static void key_of(char *buf, const table_ind *t, const char *field)
{
	snprintf(buf, KEY_MAX, INDICATOR_PREFIX "%s.%s", t->id, field);
}

/* Checks what a whole block needs, after all its keys are read. */
static void ind_check(struct ind_ctx *x, const table_ind *t)
{
	const pk2d_host_api *api = x->s->api;
	char key[KEY_MAX];

	if (t->label_id == NULL) {
		api->log(x->s->h, PK2D_LOG_ERROR, "%s: indicator '%s' has no label (set "
		         "indicator.%s.label)", t->where, t->id, t->id);
		x->bad = 1;
	}
	if (!t->has_table) {
		api->log(x->s->h, PK2D_LOG_ERROR, "%s: indicator '%s' has no table (set "
		         "indicator.%s.table = FILE)", t->where, t->id, t->id);
		x->bad = 1;
	}
	if (t->column[TF_NUM] == NULL || t->column[TF_NUM][0] == '\0') {
		api->log(x->s->h, PK2D_LOG_ERROR, "%s: indicator '%s' has no numerator column "
		         "(set indicator.%s.numerator = COLUMN)", t->where, t->id, t->id);
		x->bad = 1;
	}
	if (t->kind == PK2D_COUNT && t->column[TF_DEN] != NULL) {
		key_of(key, t, "denominator");
		ind_error(x, key, "indicator '%s' is a count: it has no denominator", t->id);
	} else if (t->kind != PK2D_COUNT &&
	           (t->column[TF_DEN] == NULL || t->column[TF_DEN][0] == '\0')) {
		api->log(x->s->h, PK2D_LOG_ERROR, "%s: indicator '%s' has no denominator column "
		         "(set indicator.%s.denominator = COLUMN, or kind = count)", t->where,
		         t->id, t->id);
		x->bad = 1;
	}
}

static int read_indicators(act_state *s)
{
	struct ind_ctx x;
	size_t i;

	memset(&x, 0, sizeof x);
	x.s = s;
	s->api->config_each(s->h, ind_key, &x);
	keyblocks_free(&x.blocks);
	if (x.nomem)
		return PK2D_ERR_NOMEM;
	for (i = 0; i < s->n_ind; i++)
		ind_check(&x, &s->ind[i]);
	return x.bad ? PK2D_ERR_CONFIG : 0;
}

static int declare_indicators(act_state *s)
{
	size_t i;

	for (i = 0; i < s->n_ind; i++) {
		const table_ind *t = &s->ind[i];
		pk2d_indicator d;
		int rc;

		memset(&d, 0, sizeof d);
		d.id = t->id;
		d.label_id = t->label_id;
		d.label_en = t->label_en;
		d.unit = t->unit;
		d.kind = t->kind;
		d.direction = t->direction;
		d.has_target = t->has_target;
		d.target = t->target;
		d.target_year = t->target_year;
		d.group = t->group;
		d.description = t->description;
		rc = s->api->declare_indicator(s->h, &d);
		if (rc != 0) {
			s->api->log(s->h, PK2D_LOG_ERROR, "%s: indicator '%s' could not be "
			            "declared: %s", t->where, t->id, s->api->strerror(rc));
			return rc;
		}
	}
	return 0;
}

static int act_init(const pk2d_host_api *api, pk2d_host *h, void **state)
{
	act_state *s = calloc(1, sizeof *s);
	int rc, rc2;

	*state = NULL;
	if (s == NULL)
		return PK2D_ERR_NOMEM;
	*state = s;
	s->api = api;
	s->h = h;
	s->log_path = api->config_path(h, "log");
	rc = read_indicators(s);
	if (rc != PK2D_ERR_NOMEM) {
		rc2 = catalogue_read_config(&s->cat, api, h, own_indicator, s);
		if (rc == 0 || rc2 == PK2D_ERR_NOMEM)
			rc = rc2;
	}
	rc2 = activity_log_check_keys(api, h, LOG_PREFIX);
	if (rc == 0)
		rc = rc2;
	if (s->log_path != NULL && s->cat.n == 0) {
		api->log(h, PK2D_LOG_ERROR, "%s: a log is given but the section declares no "
		         "intervention (intervention.ID.label = ...)", api->config_where(h, "log"));
		rc = PK2D_ERR_CONFIG;
	}
	if (s->cat.n == 0 && s->n_ind == 0 && rc == 0) {
		api->log(h, PK2D_LOG_ERROR, "the section declares neither interventions "
		         "(intervention.ID.*) nor indicators (indicator.ID.*)");
		rc = PK2D_ERR_CONFIG;
	}
	if (rc == 0)
		rc = declare_indicators(s);
	if (rc == 0)
		rc = catalogue_declare(&s->cat, api, h);
	if (rc != 0) {
		act_fini(s);
		*state = NULL;
	}
	return rc;
}

/* Reads one value column of a table row; rejects and returns
 * PK2D_ERR_INVALID when it cannot be used. */
static int row_value(act_state *s, pk2d_csv *c, int col, const char *what, int may_be_negative,
                     double *out)
{
	const pk2d_host_api *api = s->api;
	int rc = api->csv_number(c, col, out);

	if (rc == PK2D_ERR_MISSING) {
		api->csv_reject(c, "missing %s: empty", what);
		return PK2D_ERR_INVALID;
	}
	if (rc != 0) {
		api->csv_reject(c, "unreadable %s: '%s'", what, api->csv_field(c, col));
		return PK2D_ERR_INVALID;
	}
	if (*out < 0 && !may_be_negative) {
		api->csv_reject(c, "negative %s: %s", what, api->csv_field(c, col));
		return PK2D_ERR_INVALID;
	}
	return 0;
}

/* One table row: 0 reported or rejected, <0 stops the read. */
static int table_row(act_state *s, const table_ind *t, pk2d_csv *c, const int *cols,
                     const run_scope *scope)
{
	const pk2d_host_api *api = s->api;
	char area[FIELDS_AREA_MAX];
	pk2d_value v;
	int rc;

	memset(&v, 0, sizeof v);
	if (activity_log_row_area(api, c, cols[TF_AREA], scope, area, sizeof area) != 0 ||
	    activity_log_row_rt(api, c, cols[TF_RT], area, &v.rt) != 0 ||
	    activity_log_row_period(api, c, cols[TF_PERIOD], scope) != 0)
		return 0;
	if (row_value(s, c, cols[TF_NUM], "numerator", t->kind == PK2D_MEAN, &v.numerator) != 0)
		return 0;
	if (t->kind == PK2D_COUNT) {
		v.denominator = 1;
	} else {
		if (row_value(s, c, cols[TF_DEN], "denominator", 0, &v.denominator) != 0)
			return 0;
		if (v.denominator == 0) {
			api->csv_reject(c, "zero denominator: %s is 0", api->csv_field(c, cols[TF_DEN]));
			return 0;
		}
		if (t->kind == PK2D_PROPORTION && v.numerator > v.denominator) {
			api->csv_reject(c, "numerator above denominator: %s > %s",
			                api->csv_field(c, cols[TF_NUM]), api->csv_field(c, cols[TF_DEN]));
			return 0;
		}
	}
	v.indicator = t->id;
	v.area = area;
	rc = api->report_value(s->h, &v);
	return rc == PK2D_ERR_NOMEM ? rc : 0;
}

/* Finds the table's columns: an explicit header must exist, a default one
 * may be absent (no area: the run's village; no rt; no period: the run's). */
static int table_columns(act_state *s, const table_ind *t, pk2d_csv *c, const char *path,
                         int *cols, const run_scope *scope)
{
	const pk2d_host_api *api = s->api;
	char key[KEY_MAX];
	int f, rc = 0;

	for (f = 0; f < TF_N; f++) {
		const char *header = t->column[f] ? t->column[f] : table_defaults[f];

		cols[f] = -1;
		if (header == NULL || header[0] == '\0')
			continue;
		cols[f] = api->csv_column(c, header);
		if (cols[f] < 0 && t->column[f] != NULL) {
			key_of(key, t, table_field_names[f]);
			api->log(s->h, PK2D_LOG_ERROR, "%s: indicator '%s': column '%s' is not in %s",
			         api->config_where(s->h, key), t->id, header, path);
			rc = PK2D_ERR_CONFIG;
		}
	}
	if (rc == 0 && cols[TF_AREA] < 0 && !scope->area_is_village) {
		key_of(key, t, "table");
		api->log(s->h, PK2D_LOG_ERROR, "%s: indicator '%s': %s has no column '%s' and the "
		         "run's area %s is not a village", api->config_where(s->h, key), t->id,
		         path, table_defaults[TF_AREA], scope->area);
		rc = PK2D_ERR_DATA;
	}
	return rc;
}

static int read_table(act_state *s, const table_ind *t, const run_scope *scope)
{
	const pk2d_host_api *api = s->api;
	char key[KEY_MAX];
	const char *path;
	int cols[TF_N], rc;
	pk2d_csv *c;

	key_of(key, t, "table");
	path = api->config_path(s->h, key);
	c = path ? api->csv_open(s->h, path) : NULL;
	if (c == NULL)
		return PK2D_ERR_IO;
	rc = table_columns(s, t, c, path, cols, scope);
	while (rc == 0) {
		rc = api->csv_next(c);
		if (rc <= 0)
			break;
		rc = table_row(s, t, c, cols, scope);
	}
	api->csv_close(c);
	return rc < 0 ? rc : 0;
}

static int act_collect(void *state)
{
	act_state *s = state;
	run_scope scope;
	size_t i;
	int rc = run_scope_init(&scope, s->api, s->h);

	if (rc != 0)
		return rc;
	rc = catalogue_report_targets(&s->cat, s->api, s->h);
	if (rc == 0 && s->log_path != NULL)
		rc = activity_log_read(s->api, s->h, s->log_path, LOG_PREFIX, &s->cat, &scope);
	/* A column error in one table does not hide those of the next. */
	for (i = 0; (rc == 0 || rc == PK2D_ERR_CONFIG) && i < s->n_ind; i++) {
		int r = read_table(s, &s->ind[i], &scope);

		if (rc == 0)
			rc = r;
		else if (r != 0 && r != PK2D_ERR_CONFIG)
			rc = r;
	}
	return rc;
}

/* The files pk2d check opens before the plugin runs. An indicator's table
 * has its columns renamed by its own keys (indicator.ID.area), and its
 * value columns named by them only (indicator.ID.numerator). */
static const pk2d_input_column table_input_fields[] = {
	{ "area", "kode_wilayah", 0 }, { "rt", "rt", 0 }, { "period", "periode", 0 },
	{ "numerator", NULL, 0 }, { "denominator", NULL, 0 }, { NULL, NULL, 0 }
};

static const pk2d_input act_inputs[] = {
	{ "log", LOG_PREFIX, activity_log_fields },
	{ "indicator.*.table", "indicator.*.", table_input_fields },
	{ NULL, NULL, NULL }
};

static const pk2d_area_column act_areas[] = {
	{ "log", "area" }, { "indicator.*.table", "area" }, { NULL, NULL }
};

static const pk2d_column_help table_help[] = {
	{ "area", FIELDS_HELP_AREA, FIELDS_ACCEPT_AREA },
	{ "rt", FIELDS_HELP_RT, FIELDS_ACCEPT_RT },
	{ "period", "Periode angka baris ini", "Periode DHIS2 (2023, 2023S1, 2023Q2, 202306) "
	  "atau tanggal di dalam periode laporan" },
	{ "numerator", "Pembilang indikator: jumlah yang memenuhi kriteria (atau jumlah nilai "
	  "untuk rata-rata)", "Angka, desimal dengan koma atau titik; untuk proporsi 0 sampai "
	  "penyebut" },
	{ "denominator", "Penyebut indikator: jumlah sasaran", "Angka lebih dari 0" },
	{ NULL, NULL, NULL }
};

static const pk2d_input_help act_help[] = {
	{ "log", activity_log_help }, { "indicator.*.table", table_help }, { NULL, NULL }
};

PK2D_PLUGIN_DEFINE(.name = "activities", .agency = "Perangkat Daerah (OPD)",
                   .version = "1.0.0",
                   .description = "Interventions of any agency from an INI catalogue and an "
                                  "activity log; indicators from an aggregate table",
                   .config_keys = act_keys, .init = act_init, .collect = act_collect,
                   .fini = act_fini, .inputs = act_inputs, .area_columns = act_areas,
                   .input_help = act_help);
