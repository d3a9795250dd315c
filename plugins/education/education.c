/*
 * education.c - the Dinas Pendidikan plugin: school-age children give APK,
 * APM, APS, anak tidak sekolah and, per KK, "every child 7-18 in school";
 * the education activity log gives the interventions. See
 * docs/plugins/education.md.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pk2d/plugin.h"
#include "../common/activity_log.h"
#include "../common/grow.h"
#include "../common/strmap.h"
#include "education.h"

/* Oldest age read; older rows are rejected as implausible for this file. */
#define MAX_AGE 24

typedef struct edu_group {
	char area[FIELDS_AREA_MAX];
	int rt;
	size_t village;
	double acc[2 * EI_N];   /* num at 2*i, den at 2*i+1 */
} edu_group;

typedef struct edu_kk {
	size_t group;           /* where the KK is counted: the first by area code
	                           and RT of the places of its children 7-18 */
	int all_in_school;
	int places;             /* 2: its children live in more than one place */
} edu_kk;

typedef struct edu_state {
	const pk2d_host_api *api;
	pk2d_host *h;
	catalogue cat;
	const char *children_path, *log_path;
	int has_reference;
	long reference;         /* day number of the reference date */
	int paud_min, paud_max;
	run_scope scope;
	edu_group *groups;
	size_t n_groups, cap_groups;
	strmap group_map;       /* "area\trt" -> group */
	strmap village_map;     /* area -> village index */
	size_t n_villages;
	edu_kk *kks;
	size_t n_kks, cap_kks;
	strmap kk_map;          /* no_kk -> kk */
} edu_state;

static const pk2d_config_key edu_keys[] = {
	{ "children", NULL, 1, "school-age children CSV (anak-sekolah.csv)" },
	{ "log", NULL, 0, "education activity log CSV (intervensi-pendidikan.csv)" },
	{ "reference_date", NULL, 0, "date ages are computed at (default: 1 July of the run's "
	  "year, the start of the school year)" },
	{ "paud_age_min", "3", 0, "youngest age of the PAUD band (BPS: 3)" },
	{ "paud_age_max", "6", 0, "oldest age of the PAUD band (BPS: 6)" },
	{ "column.*", NULL, 0, "column.FIELD = header of the children file" },
	{ "log_column.*", NULL, 0, "log_column.FIELD = header of the activity log" },
	{ "intervention.*", NULL, 0, "intervention.ID.FIELD: change a built-in intervention "
	  "(aims, labels, target) or add one" },
	{ NULL, NULL, 0, NULL }
};

/* Official age bands of SD, SMP, SMA (PAUD's is the state's). */
static const int band_min[LV_N] = { 0, 7, 13, 16 };
static const int band_max[LV_N] = { 0, 12, 15, 18 };

static void edu_fini(void *state)
{
	edu_state *s = state;

	if (s == NULL)
		return;
	catalogue_free(&s->cat);
	free(s->groups);
	free(s->kks);
	strmap_free(&s->group_map);
	strmap_free(&s->village_map);
	strmap_free(&s->kk_map);
	free(s);
}

static int own_indicator(void *ud, const char *id)
{
	size_t i;

	(void)ud;
	for (i = 0; i < EI_N; i++)
		if (strcmp(edu_indicators[i].id, id) == 0)
			return 1;
	return 0;
}

/* Reads an age key: a whole number 0..MAX_AGE. */
static int age_key(edu_state *s, const char *key, int *out)
{
	const char *v = s->api->config_get(s->h, key);
	double d;

	if (v == NULL || fields_number(v, &d) != 0 || d != floor(d) || d < 0 || d > MAX_AGE) {
		s->api->log(s->h, PK2D_LOG_ERROR, "%s: %s must be a whole number of years 0-%d, "
		            "not '%s'", s->api->config_where(s->h, key), key, MAX_AGE, v ? v : "");
		return PK2D_ERR_CONFIG;
	}
	*out = (int)d;
	return 0;
}

static int read_settings(edu_state *s)
{
	const pk2d_host_api *api = s->api;
	const char *ref = api->config_get(s->h, "reference_date");
	int rc = 0;

	s->children_path = api->config_path(s->h, "children");
	s->log_path = api->config_path(s->h, "log");
	if (ref != NULL) {
		if (fields_date(ref, &s->reference) != 0) {
			api->log(s->h, PK2D_LOG_ERROR, "%s: reference_date must be a date "
			         "(YYYY-MM-DD), not '%s'", api->config_where(s->h, "reference_date"),
			         ref);
			rc = PK2D_ERR_CONFIG;
		}
		s->has_reference = 1;
	}
	if (age_key(s, "paud_age_min", &s->paud_min) != 0 ||
	    age_key(s, "paud_age_max", &s->paud_max) != 0) {
		rc = PK2D_ERR_CONFIG;
	} else if (s->paud_min > s->paud_max || s->paud_max >= band_min[LV_SD]) {
		api->log(s->h, PK2D_LOG_ERROR, "%s: the PAUD band %d-%d must not be empty and must "
		         "end before 7", api->config_where(s->h, "paud_age_max"), s->paud_min,
		         s->paud_max);
		rc = PK2D_ERR_CONFIG;
	}
	return rc;
}

static int edu_init(const pk2d_host_api *api, pk2d_host *h, void **state)
{
	edu_state *s = calloc(1, sizeof *s);
	size_t i;
	int rc, rc2;

	*state = NULL;
	if (s == NULL)
		return PK2D_ERR_NOMEM;
	s->api = api;
	s->h = h;
	rc = read_settings(s);
	rc2 = fields_check_keys(api, h, "column.", edu_child_fields, CF_N);
	if (rc == 0)
		rc = rc2;
	rc2 = activity_log_check_keys(api, h, "log_column.");
	if (rc == 0)
		rc = rc2;
	rc2 = catalogue_load(&s->cat, api, h, edu_interventions, edu_n_interventions,
	                     own_indicator, NULL);
	if (rc == 0 || rc2 == PK2D_ERR_NOMEM)
		rc = rc2;
	for (i = 0; rc == 0 && i < EI_N; i++) {
		rc = api->declare_indicator(h, &edu_indicators[i]);
		if (rc != 0)
			api->log(h, PK2D_LOG_ERROR, "indicator '%s' could not be declared: %s",
			         edu_indicators[i].id, api->strerror(rc));
	}
	if (rc == 0)
		rc = catalogue_declare(&s->cat, api, h);
	if (rc != 0) {
		edu_fini(s);
		return rc;
	}
	*state = s;
	return 0;
}

/* The group of (area, rt), created when new; NULL when out of memory. */
static edu_group *group_of(edu_state *s, const char *area, int rt, size_t *index)
{
	char key[FIELDS_AREA_MAX + 16];
	edu_group *g, *grown;
	size_t at;

	snprintf(key, sizeof key, "%s\t%d", area, rt);
	if (strmap_get(&s->group_map, key, &at)) {
		*index = at;
		return &s->groups[at];
	}
	grown = grow_for_one(s->groups, &s->cap_groups, s->n_groups, sizeof *grown, 32);
	if (grown == NULL)
		return NULL;
	s->groups = grown;
	g = &s->groups[s->n_groups];
	memset(g, 0, sizeof *g);
	strcpy(g->area, area);
	g->rt = rt;
	if (!strmap_get(&s->village_map, area, &g->village)) {
		g->village = s->n_villages++;
		if (strmap_put(&s->village_map, area, g->village) != 0)
			return NULL;
	}
	if (strmap_put(&s->group_map, key, s->n_groups) != 0)
		return NULL;
	*index = s->n_groups++;
	return g;
}

static void add(edu_group *g, int i, double num, double den)
{
	g->acc[2 * i] += num;
	g->acc[2 * i + 1] += den;
}

/* Age of the current row at the reference date; rejects the row and
 * returns -1 when it cannot be known. */
static int row_age(edu_state *s, pk2d_csv *c, const int *cols)
{
	const pk2d_host_api *api = s->api;
	long birth;
	double years;
	int rc;

	if (cols[CF_BIRTH] >= 0) {
		rc = api->csv_date(c, cols[CF_BIRTH], &birth);
		if (rc == 0) {
			if (birth > s->reference) {
				api->csv_reject(c, "born after reference date: %s",
				                api->csv_field(c, cols[CF_BIRTH]));
				return -1;
			}
			return fields_age_years(birth, s->reference);
		}
		if (rc != PK2D_ERR_MISSING) {
			api->csv_reject(c, "bad birth date: '%s'", api->csv_field(c, cols[CF_BIRTH]));
			return -1;
		}
	}
	if (cols[CF_AGE] >= 0) {
		rc = api->csv_number(c, cols[CF_AGE], &years);
		if (rc == 0 && years >= 0 && years == floor(years) && years <= 1000)
			return (int)years;
		if (rc != PK2D_ERR_MISSING) {
			api->csv_reject(c, "bad age: '%s'", api->csv_field(c, cols[CF_AGE]));
			return -1;
		}
	}
	api->csv_reject(c, "missing age: neither a birth date nor an age");
	return -1;
}

/* Whether group a comes before group b by area code, then RT. */
static int place_before(const edu_state *s, size_t a, size_t b)
{
	int d = strcmp(s->groups[a].area, s->groups[b].area);

	return d ? d < 0 : s->groups[a].rt < s->groups[b].rt;
}

/* Counts a child 7-18 for its KK, in the same place whatever the rows'
 * order. */
static int count_kk(edu_state *s, pk2d_csv *c, int col, size_t group, int in_school)
{
	edu_kk *grown;
	const char *kk;
	size_t at;

	if (col < 0)
		return 0;
	kk = s->api->csv_field(c, col);
	if (kk[0] == '\0') {
		s->api->csv_note(c, "missing no_kk: child left out of kk_children_in_school");
		return 0;
	}
	if (strmap_get(&s->kk_map, kk, &at)) {
		if (s->kks[at].group != group) {
			s->kks[at].places = 2;
			if (place_before(s, group, s->kks[at].group))
				s->kks[at].group = group;
		}
		s->kks[at].all_in_school &= in_school;
		return 0;
	}
	grown = grow_for_one(s->kks, &s->cap_kks, s->n_kks, sizeof *grown, 64);
	if (grown == NULL)
		return PK2D_ERR_NOMEM;
	s->kks = grown;
	s->kks[s->n_kks].group = group;
	s->kks[s->n_kks].all_in_school = in_school;
	s->kks[s->n_kks].places = 1;
	if (strmap_put(&s->kk_map, kk, s->n_kks) != 0)
		return PK2D_ERR_NOMEM;
	s->n_kks++;
	return 0;
}

static int in_band(int age, int lo, int hi)
{
	return age >= lo && age <= hi;
}

/* Adds a child to the enrolment sums of its group. */
static void add_child(edu_state *s, edu_group *g, int age, int status, int level)
{
	static const int aps_min[3] = { 7, 13, 16 }, aps_max[3] = { 12, 15, 18 };
	int in_school = status == ST_SCHOOL;
	int lv, k;

	for (lv = 0; lv < LV_N; lv++) {
		int lo = lv == LV_PAUD ? s->paud_min : band_min[lv];
		int hi = lv == LV_PAUD ? s->paud_max : band_max[lv];
		int apk = EI_APK_PAUD + 2 * lv, apm = apk + 1;
		int of_age = in_band(age, lo, hi);
		int here = in_school && level == lv;

		add(g, apk, here, of_age);
		add(g, apm, here && of_age, of_age);
	}
	for (k = 0; k < 3; k++)
		if (in_band(age, aps_min[k], aps_max[k]))
			add(g, EI_APS_7_12 + k, in_school, 1);
	if (in_band(age, 7, 18)) {
		add(g, EI_CHILDREN_7_18, 1, 1);
		add(g, EI_ATS, !in_school, 1);
		add(g, EI_ATS_NEVER, status == ST_NEVER, 1);
		add(g, EI_ATS_DROPOUT, status == ST_DROPOUT, 1);
		add(g, EI_ATS_NOT_CONTINUED, status == ST_NOT_CONTINUED, 1);
	}
}

static int child_row(edu_state *s, pk2d_csv *c, const int *cols)
{
	const pk2d_host_api *api = s->api;
	char area[FIELDS_AREA_MAX];
	const char *st, *lv;
	int rt, age, status, level;
	edu_group *g;
	size_t gi;

	if (activity_log_row_area(api, c, cols[CF_AREA], &s->scope, area, sizeof area) != 0 ||
	    activity_log_row_rt(api, c, cols[CF_RT], area, &rt) != 0)
		return 0;
	st = api->csv_field(c, cols[CF_STATUS]);
	if (st[0] == '\0') {
		api->csv_reject(c, "missing status: empty");
		return 0;
	}
	status = edu_parse_status(st);
	if (status == ST_UNKNOWN) {
		api->csv_reject(c, "unknown status: '%s' (expected sekolah, putus sekolah, belum "
		                "pernah sekolah or lulus tidak melanjutkan)", st);
		return 0;
	}
	age = row_age(s, c, cols);
	if (age < 0)
		return 0;
	if (age > MAX_AGE) {
		api->csv_reject(c, "age out of range: %d (expected 0-%d)", age, MAX_AGE);
		return 0;
	}
	level = LV_NONE;
	if (status == ST_SCHOOL) {
		lv = cols[CF_LEVEL] >= 0 ? api->csv_field(c, cols[CF_LEVEL]) : "";
		level = edu_parse_level(lv);
		if (level == LV_NONE)
			api->csv_note(c, "missing jenjang: in school, left out of APK and APM");
		else if (level == LV_UNKNOWN)
			api->csv_note(c, "unknown jenjang: '%s', in school, left out of APK and APM",
			              lv);
	}
	g = group_of(s, area, rt, &gi);
	if (g == NULL)
		return PK2D_ERR_NOMEM;
	add_child(s, g, age, status, level);
	if (in_band(age, 7, 18))
		return count_kk(s, c, cols[CF_KK], gi, status == ST_SCHOOL);
	return 0;
}

static int read_children(edu_state *s)
{
	const pk2d_host_api *api = s->api;
	int cols[CF_N], rc;
	pk2d_csv *c = api->csv_open(s->h, s->children_path);

	if (c == NULL)
		return PK2D_ERR_IO;
	rc = fields_resolve(api, s->h, c, "column.", edu_child_fields, CF_N, cols);
	if (rc == 0 && cols[CF_STATUS] < 0) {
		api->log(s->h, PK2D_LOG_ERROR, "%s:1: no column '%s' (the child's school status; map "
		         "it with column.status)", s->children_path,
		         fields_header(api, s->h, "column.", &edu_child_fields[CF_STATUS]));
		rc = PK2D_ERR_DATA;
	}
	if (rc == 0 && cols[CF_BIRTH] < 0 && cols[CF_AGE] < 0) {
		api->log(s->h, PK2D_LOG_ERROR, "%s:1: neither column '%s' nor '%s' (birth date or "
		         "age)", s->children_path,
		         fields_header(api, s->h, "column.", &edu_child_fields[CF_BIRTH]),
		         fields_header(api, s->h, "column.", &edu_child_fields[CF_AGE]));
		rc = PK2D_ERR_DATA;
	}
	if (rc == 0)
		rc = run_scope_need_area(&s->scope, api, s->h, s->children_path, "column.",
		                         &edu_child_fields[CF_AREA], cols[CF_AREA]);
	if (rc == 0 && cols[CF_KK] < 0)
		api->log(s->h, PK2D_LOG_WARNING, "%s:1: no column '%s': kk_children_in_school is not "
		         "reported", s->children_path,
		         fields_header(api, s->h, "column.", &edu_child_fields[CF_KK]));
	/* A child id's rows together, its copies decided by the host, in the
	 * whole file. */
	if (rc == 0 && cols[CF_ID] >= 0)
		rc = api->csv_group(c, cols[CF_ID], &cols[CF_ID], 1);
	while (rc == 0) {
		rc = api->csv_next(c);
		if (rc <= 0)
			break;
		rc = child_row(s, c, cols);
	}
	api->csv_close(c);
	return rc < 0 ? rc : 0;
}

/* Says once how many KK have children 7-18 in more than one place. */
static void log_split_kks(edu_state *s)
{
	size_t n = 0;

	for (size_t k = 0; k < s->n_kks; k++)
		n += s->kks[k].places > 1;
	if (n > 0)
		s->api->log(s->h, PK2D_LOG_WARNING, "%s: %zu KK have children 7-18 in more than "
		            "one RT or village; each is counted in kk_children_in_school in the "
		            "first of those places by area code and RT", s->children_path, n);
}

static int report(edu_state *s, int i, const char *area, int rt, double num, double den)
{
	pk2d_value v;
	int rc;

	memset(&v, 0, sizeof v);
	v.indicator = edu_indicators[i].id;
	v.area = area;
	v.rt = rt;
	v.numerator = num;
	v.denominator = den;
	rc = s->api->report_value(s->h, &v);
	return rc == PK2D_ERR_NOMEM ? rc : 0;
}

/* APK of one level. Per RT where the RT has children of the official age;
 * but when some RT of a village has pupils of the level and no child of the
 * age (a rate without denominator), the village's APK is reported once for
 * the whole village (RT 0), so no pupil is lost from the village's rate. */
static int report_apk(edu_state *s, int i)
{
	char *whole = calloc(s->n_villages + 1, 1);
	double *num = calloc(s->n_villages + 1, sizeof *num);
	double *den = calloc(s->n_villages + 1, sizeof *den);
	const char **area = calloc(s->n_villages + 1, sizeof *area);
	size_t g, v;
	int rc = 0;

	if (whole == NULL || num == NULL || den == NULL || area == NULL) {
		rc = PK2D_ERR_NOMEM;
		goto out;
	}
	for (g = 0; g < s->n_groups; g++) {
		const edu_group *gr = &s->groups[g];

		v = gr->village;
		area[v] = gr->area;
		num[v] += gr->acc[2 * i];
		den[v] += gr->acc[2 * i + 1];
		if (gr->acc[2 * i] > 0 && gr->acc[2 * i + 1] == 0)
			whole[v] = 1;
	}
	for (g = 0; rc == 0 && g < s->n_groups; g++) {
		const edu_group *gr = &s->groups[g];

		if (!whole[gr->village] && gr->acc[2 * i + 1] > 0)
			rc = report(s, i, gr->area, gr->rt, gr->acc[2 * i], gr->acc[2 * i + 1]);
	}
	for (v = 0; rc == 0 && v < s->n_villages; v++) {
		if (!whole[v])
			continue;
		if (den[v] > 0)
			rc = report(s, i, area[v], 0, num[v], den[v]);
		else
			s->api->log(s->h, PK2D_LOG_WARNING, "%s: %s not reported: %.0f pupils but no "
			            "child of the official age", area[v], edu_indicators[i].id, num[v]);
	}
out:
	free(whole);
	free(num);
	free(den);
	free(area);
	return rc;
}

static int report_all(edu_state *s)
{
	size_t g, k;
	int i, rc = 0;

	for (k = 0; k < s->n_kks; k++)
		add(&s->groups[s->kks[k].group], EI_KK_IN_SCHOOL, s->kks[k].all_in_school, 1);
	for (i = 0; rc == 0 && i < EI_N; i++) {
		int kind = edu_indicators[i].kind;

		if (kind == PK2D_RATE) {
			rc = report_apk(s, i);
			continue;
		}
		for (g = 0; rc == 0 && g < s->n_groups; g++) {
			const edu_group *gr = &s->groups[g];

			if (kind == PK2D_COUNT)
				rc = report(s, i, gr->area, gr->rt, gr->acc[2 * i], 1);
			else if (gr->acc[2 * i + 1] > 0)
				rc = report(s, i, gr->area, gr->rt, gr->acc[2 * i], gr->acc[2 * i + 1]);
		}
	}
	return rc;
}

static int edu_collect(void *state)
{
	edu_state *s = state;
	int rc = run_scope_init(&s->scope, s->api, s->h);

	if (rc != 0)
		return rc;
	if (!s->has_reference)
		s->reference = fields_days(fields_year_of(s->scope.first), 7, 1);
	rc = read_children(s);
	if (rc == 0) {
		log_split_kks(s);
		rc = report_all(s);
	}
	if (rc == 0)
		rc = catalogue_report_targets(&s->cat, s->api, s->h);
	if (rc == 0 && s->log_path != NULL)
		rc = activity_log_read(s->api, s->h, s->log_path, "log_column.", &s->cat, &s->scope);
	return rc;
}

/* The files pk2d check opens before the plugin runs. */
static const pk2d_input edu_inputs[] = {
	{ "children", "column.", edu_child_fields },
	{ "log", "log_column.", activity_log_fields },
	{ NULL, NULL, NULL }
};

static const pk2d_area_column edu_areas[] = {
	{ "children", "area" }, { "log", "area" }, { NULL, NULL }
};

static const pk2d_input_help edu_help[] = {
	{ "children", edu_child_help }, { "log", activity_log_help }, { NULL, NULL }
};

PK2D_PLUGIN_DEFINE(.name = "education", .agency = "Dinas Pendidikan", .version = "1.0.0",
                   .description = "School-age children: APK, APM, APS, anak tidak sekolah, "
                                  "KK with all children 7-18 in school; education "
                                  "interventions",
                   .config_keys = edu_keys, .init = edu_init, .collect = edu_collect,
                   .fini = edu_fini, .inputs = edu_inputs, .area_columns = edu_areas,
                   .input_help = edu_help);
