/*
 * check_registry.c - declarations, value validation, roll-up and listings.
 */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "accounting.h"
#include "areas.h"
#include "period.h"
#include "registry.h"

#define VA "63.02.09.2007" /* Sang-Sang */
#define VB "63.02.09.2001"
#define VC "63.02.10.2001" /* another kecamatan of the same kabupaten */
#define VD "64.01.01.2001" /* another province */

static registry *r;
static char err[512];

static const pk2d_indicator stunting = {
	.id = "stunting", .label_id = "Prevalensi stunting", .kind = PK2D_PROPORTION,
	.direction = PK2D_LOWER_IS_BETTER, .has_target = 1, .target = 14.2,
};
static const pk2d_indicator apk = {
	.id = "apk", .label_id = "Angka partisipasi kasar", .label_en = "Gross enrolment",
	.unit = "persen", .kind = PK2D_RATE, .direction = PK2D_HIGHER_IS_BETTER,
	.group = "SMP", .description = "siswa / penduduk usia sekolah",
};
static const pk2d_indicator posyandu = {
	.id = "posyandu", .label_id = "Jumlah posyandu", .kind = PK2D_COUNT,
	.direction = PK2D_NEUTRAL,
};
static const pk2d_indicator mean_z = {
	.id = "mean_z", .label_id = "Rata-rata z TB/U", .unit = "z", .kind = PK2D_MEAN,
	.direction = PK2D_HIGHER_IS_BETTER,
};
static const char *const ttd_aims[] = { "stunting", "family.l1", NULL };
static const pk2d_intervention ttd = {
	.id = "ttd", .label_id = "Tablet tambah darah remaja", .target_group = "remaja putri",
	.unit = "orang", .aims = ttd_aims,
};

static void setup(void)
{
	r = registry_new();
	ck_assert_ptr_nonnull(r);
	err[0] = '\0';
	ck_assert_int_eq(registry_declare_indicator(r, "health", "Dinas Kesehatan", &stunting, err,
	                                            sizeof err), 0);
	ck_assert_int_eq(registry_declare_indicator(r, "health", "Dinas Kesehatan", &apk, err,
	                                            sizeof err), 0);
	ck_assert_int_eq(registry_declare_indicator(r, "health", "Dinas Kesehatan", &posyandu, err,
	                                            sizeof err), 0);
	ck_assert_int_eq(registry_declare_indicator(r, "health", "Dinas Kesehatan", &mean_z, err,
	                                            sizeof err), 0);
	ck_assert_int_eq(registry_declare_intervention(r, "health", "Dinas Kesehatan", &ttd, err,
	                                               sizeof err), 0);
}

static void teardown(void)
{
	ck_assert_int_eq(registry_status(r), 0);
	registry_free(r);
	r = NULL;
}

static int add(const char *plugin, const char *id, const char *area, int rt, const char *period,
               double num, double den)
{
	pk2d_value v = { .indicator = id, .area = area, .rt = rt, .period = period,
	                 .numerator = num, .denominator = den };
	err[0] = '\0';
	return registry_add_value(r, plugin, "2023", &v, err, sizeof err);
}

static void add_ok(const char *id, const char *area, int rt, const char *period, double num,
                   double den)
{
	int rc = add("health", id, area, rt, period, num, den);
	ck_assert_msg(rc == 0, "%s", err);
}

static int add_iv(const char *plugin, const char *id, const char *area, int rt,
                  const char *period, double target, double realised, double budget)
{
	pk2d_intervention_value v = { .intervention = id, .area = area, .rt = rt,
	                              .period = period, .target = target,
	                              .realised = realised, .budget = budget };
	err[0] = '\0';
	return registry_add_intervention_value(r, plugin, "2023", &v, err, sizeof err);
}

/* The sums of health.ID in area/rt/period; fails the test when absent. */
static reg_sum get(const char *id, const char *area, int rt, const char *period)
{
	char full[64];
	reg_sum s = { -1, -1 };

	snprintf(full, sizeof full, "health.%s", id);
	ck_assert_msg(registry_get(r, registry_find_indicator(r, full), area, rt, period, &s) == 1,
	              "nothing for %s %s rt %d %s", full, area, rt, period);
	return s;
}

static int has(const char *id, const char *area, int rt, const char *period)
{
	char full[64];
	reg_sum s;

	snprintf(full, sizeof full, "health.%s", id);
	return registry_get(r, registry_find_indicator(r, full), area, rt, period, &s);
}

#define ck_assert_sum(s, n, d)                 \
	do {                                   \
		reg_sum s_ = (s);              \
		ck_assert_double_eq(s_.num, n); \
		ck_assert_double_eq(s_.den, d); \
	} while (0)

/* ---- declarations ---------------------------------------------------- */

START_TEST(declarations_are_copied_with_defaults)
{
	const reg_indicator *s = registry_find_indicator(r, "health.stunting");
	const reg_indicator *a = registry_find_indicator(r, "health.apk");
	const reg_indicator *p = registry_indicator_at(r, 2);
	const reg_intervention *iv = registry_find_intervention(r, "health.ttd");

	ck_assert_uint_eq(registry_n_indicators(r), 4);
	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(s->full_id, "health.stunting");
	ck_assert_str_eq(s->plugin, "health");
	ck_assert_str_eq(s->id, "stunting");
	ck_assert_str_eq(s->agency, "Dinas Kesehatan");
	ck_assert_str_eq(s->label_en, "Prevalensi stunting"); /* label_id stands in */
	ck_assert_str_eq(s->unit, "%");
	ck_assert_str_eq(s->group, "");
	ck_assert_str_eq(s->description, "");
	ck_assert_int_eq(s->kind, PK2D_PROPORTION);
	ck_assert_int_eq(s->direction, PK2D_LOWER_IS_BETTER);
	ck_assert_int_eq(s->has_target, 1);
	ck_assert_double_eq(s->target, 14.2);
	ck_assert_uint_eq(s->index, 0);
	ck_assert_str_eq(a->label_en, "Gross enrolment");
	ck_assert_str_eq(a->unit, "persen");
	ck_assert_str_eq(a->group, "SMP");
	ck_assert_uint_eq(a->index, 1);
	ck_assert_str_eq(p->full_id, "health.posyandu");
	ck_assert_str_eq(p->unit, ""); /* a count has no default unit */
	ck_assert_ptr_null(registry_indicator_at(r, 4));
	ck_assert_ptr_null(registry_find_indicator(r, "stunting"));
	ck_assert_ptr_null(registry_find_indicator(r, "family.stunting"));

	ck_assert_uint_eq(registry_n_interventions(r), 1);
	ck_assert_ptr_eq(registry_intervention_at(r, 0), iv);
	ck_assert_ptr_null(registry_intervention_at(r, 1));
	ck_assert_str_eq(iv->agency, "Dinas Kesehatan");
	ck_assert_str_eq(iv->target_group, "remaja putri");
	ck_assert_str_eq(iv->origin, "");
	ck_assert_uint_eq(iv->n_aims, 2);
	ck_assert_str_eq(iv->aims[0], "health.stunting"); /* qualified */
	ck_assert_str_eq(iv->aims[1], "family.l1");
}
END_TEST

START_TEST(same_id_in_other_plugin_or_as_intervention)
{
	pk2d_intervention iv = { .id = "stunting", .label_id = "x", .agency = "Bappeda" };

	ck_assert_int_eq(registry_declare_indicator(r, "family", NULL, &stunting, err, sizeof err), 0);
	ck_assert_str_eq(registry_find_indicator(r, "family.stunting")->agency, "");
	ck_assert_int_eq(registry_declare_intervention(r, "health", "Dinas", &iv, err, sizeof err), 0);
	ck_assert_str_eq(registry_find_intervention(r, "health.stunting")->agency, "Bappeda");
	ck_assert_uint_eq(registry_find_intervention(r, "health.stunting")->n_aims, 0);
}
END_TEST

static const char id48[] = "a23456789012345678901234567890123456789012345678";
static const char id49[] = "a234567890123456789012345678901234567890123456789";
static const char pl32[] = "p2345678901234567890123456789012";
static const char pl33[] = "p23456789012345678901234567890123";

static const struct {
	const char *plugin;
	pk2d_indicator d;
	int rc;
	const char *msg;
} bad_indicators[] = {
	{ "health", { .id = "stunting", .label_id = "x" }, PK2D_ERR_DUPLICATE,
	  "health: indicator health.stunting declared twice" },
	{ "health", { .id = "Stunting", .label_id = "x" }, PK2D_ERR_INVALID,
	  "health: indicator id 'Stunting' is not [a-z][a-z0-9_]{0,47}" },
	{ "health", { .id = "1abc", .label_id = "x" }, PK2D_ERR_INVALID,
	  "health: indicator id '1abc' is not [a-z][a-z0-9_]{0,47}" },
	{ "health", { .id = "a.b", .label_id = "x" }, PK2D_ERR_INVALID,
	  "health: indicator id 'a.b' is not [a-z][a-z0-9_]{0,47}" },
	{ "health", { .id = "", .label_id = "x" }, PK2D_ERR_INVALID,
	  "health: indicator id '' is not [a-z][a-z0-9_]{0,47}" },
	{ "health", { .id = NULL, .label_id = "x" }, PK2D_ERR_INVALID,
	  "health: indicator id '(null)' is not [a-z][a-z0-9_]{0,47}" },
	{ "health", { .id = id49, .label_id = "x" }, PK2D_ERR_INVALID,
	  "health: indicator id 'a234567890123456789012345678901234567890123456789' is not "
	  "[a-z][a-z0-9_]{0,47}" },
	{ "Health", { .id = "x", .label_id = "x" }, PK2D_ERR_INVALID,
	  "plugin name 'Health' is not [a-z][a-z0-9_]{0,31}" },
	{ pl33, { .id = "x", .label_id = "x" }, PK2D_ERR_INVALID,
	  "plugin name 'p23456789012345678901234567890123' is not [a-z][a-z0-9_]{0,31}" },
	{ "health", { .id = "x" }, PK2D_ERR_INVALID, "health: indicator health.x has no label_id" },
	{ "health", { .id = "x", .label_id = "" }, PK2D_ERR_INVALID,
	  "health: indicator health.x has no label_id" },
	{ "health", { .id = "x", .label_id = "x", .kind = 4 }, PK2D_ERR_INVALID,
	  "health: indicator health.x: kind 4 is not one of 0..3" },
	{ "health", { .id = "x", .label_id = "x", .kind = -1 }, PK2D_ERR_INVALID,
	  "health: indicator health.x: kind -1 is not one of 0..3" },
	{ "health", { .id = "x", .label_id = "x", .direction = 2 }, PK2D_ERR_INVALID,
	  "health: indicator health.x: direction 2 is not -1, 0 or 1" },
	{ "health", { .id = "x", .label_id = "x", .has_target = 1, .target = INFINITY },
	  PK2D_ERR_INVALID, "health: indicator health.x: target is not a finite number" },
	{ "health", { .id = "x", .label_id = "Caf\xe9" }, PK2D_ERR_INVALID,
	  "health: indicator health.x: label_id is not UTF-8 text without control characters" },
	{ "health", { .id = "x", .label_id = "x", .description = "a\x1b[2J" }, PK2D_ERR_INVALID,
	  "health: indicator health.x: description is not UTF-8 text without control characters" },
};

START_TEST(indicator_refused)
{
	int rc = registry_declare_indicator(r, bad_indicators[_i].plugin, "A", &bad_indicators[_i].d,
	                                    err, sizeof err);

	ck_assert_int_eq(rc, bad_indicators[_i].rc);
	ck_assert_str_eq(err, bad_indicators[_i].msg);
	ck_assert_uint_eq(registry_n_indicators(r), 4);
}
END_TEST

START_TEST(longest_names_accepted)
{
	pk2d_indicator d = { .id = id48, .label_id = "x" };

	ck_assert_int_eq(registry_declare_indicator(r, pl32, NULL, &d, err, sizeof err), 0);
	ck_assert_uint_eq(registry_n_indicators(r), 5);
}
END_TEST

static const char *const aims_bad_form[] = { "family.L1", NULL };
static const char *const aims_bad_plugin[] = { "Family.l1", NULL };
static const char *const aims_trailing_dot[] = { "family.", NULL };
static const char *const aims_leading_dot[] = { ".l1", NULL };
static const char *const aims_twice[] = { "stunting", "health.stunting", NULL };

static const struct {
	pk2d_intervention d;
	int rc;
	const char *msg;
} bad_interventions[] = {
	{ { .id = "ttd", .label_id = "x" }, PK2D_ERR_DUPLICATE,
	  "health: intervention health.ttd declared twice" },
	{ { .id = "TTD", .label_id = "x" }, PK2D_ERR_INVALID,
	  "health: intervention id 'TTD' is not [a-z][a-z0-9_]{0,47}" },
	{ { .id = "pmt" }, PK2D_ERR_INVALID, "health: intervention health.pmt has no label_id" },
	{ { .id = "pmt", .label_id = "x", .origin = "\xc0\xaf" }, PK2D_ERR_INVALID,
	  "health: intervention health.pmt: origin is not UTF-8 text without control characters" },
	{ { .id = "pmt", .label_id = "x", .aims = aims_bad_form }, PK2D_ERR_INVALID,
	  "health: intervention health.pmt: aim 'family.L1' is not an indicator id" },
	{ { .id = "pmt", .label_id = "x", .aims = aims_bad_plugin }, PK2D_ERR_INVALID,
	  "health: intervention health.pmt: aim 'Family.l1' is not an indicator id" },
	{ { .id = "pmt", .label_id = "x", .aims = aims_trailing_dot }, PK2D_ERR_INVALID,
	  "health: intervention health.pmt: aim 'family.' is not an indicator id" },
	{ { .id = "pmt", .label_id = "x", .aims = aims_leading_dot }, PK2D_ERR_INVALID,
	  "health: intervention health.pmt: aim '.l1' is not an indicator id" },
	{ { .id = "pmt", .label_id = "x", .aims = aims_twice }, PK2D_ERR_INVALID,
	  "health: intervention health.pmt: aim health.stunting listed twice" },
};

START_TEST(intervention_refused)
{
	int rc = registry_declare_intervention(r, "health", "A", &bad_interventions[_i].d, err,
	                                       sizeof err);

	ck_assert_int_eq(rc, bad_interventions[_i].rc);
	ck_assert_str_eq(err, bad_interventions[_i].msg);
	ck_assert_uint_eq(registry_n_interventions(r), 1);
}
END_TEST

static void collect_aim(void *ud, const reg_intervention *iv, const char *aim)
{
	char *buf = ud;
	strcat(buf, iv->full_id);
	strcat(buf, ">");
	strcat(buf, aim);
	strcat(buf, " ");
}

START_TEST(aims_checked_against_declarations)
{
	static const char *const aims[] = { "gizi", "family.l9", "mean_z", NULL };
	pk2d_intervention pmt = { .id = "pmt", .label_id = "PMT", .aims = aims };
	pk2d_indicator l1 = { .id = "l1", .label_id = "L1" };
	char seen[256] = "";

	ck_assert_int_eq(registry_declare_intervention(r, "health", NULL, &pmt, err, sizeof err), 0);
	/* Before family declares l1: health.ttd > family.l1 is missing too. */
	ck_assert_uint_eq(registry_check_aims(r, NULL, NULL), 3);
	ck_assert_int_eq(registry_declare_indicator(r, "family", NULL, &l1, err, sizeof err), 0);
	ck_assert_uint_eq(registry_check_aims(r, collect_aim, seen), 2);
	ck_assert_str_eq(seen, "health.pmt>health.gizi health.pmt>family.l9 ");
}
END_TEST

/* ---- value validation ----------------------------------------------- */

static const struct bad_value {
	const char *plugin, *id, *area;
	int rt;
	const char *period;
	double num, den;
	int rc;
	const char *msg;
} bad_values[] = {
	{ "health", "nope", VA, 0, NULL, 1, 1, PK2D_ERR_UNKNOWN_ID,
	  "health: value of undeclared indicator health.nope" },
	{ "family", "stunting", VA, 0, NULL, 1, 1, PK2D_ERR_UNKNOWN_ID,
	  "family: value of undeclared indicator family.stunting" },
	{ "health", NULL, VA, 0, NULL, 1, 1, PK2D_ERR_INVALID, "health: value without an indicator id" },
	{ "health", "stunting", VA, 3, NULL, 12, 10, PK2D_ERR_INVALID,
	  "health: value of health.stunting for 63.02.09.2007 RT 3: numerator 12 > denominator 10" },
	{ "health", "stunting", VA, 0, NULL, 10.000000000000002, 10, PK2D_ERR_INVALID,
	  "health: value of health.stunting for 63.02.09.2007: numerator 10.000000000000002 > "
	  "denominator 10" },
	{ "health", "stunting", VA, 3, NULL, NAN, 10, PK2D_ERR_INVALID,
	  "health: value of health.stunting for 63.02.09.2007 RT 3: numerator nan is not a finite "
	  "number" },
	{ "health", "stunting", VA, 0, NULL, 1, INFINITY, PK2D_ERR_INVALID,
	  "health: value of health.stunting for 63.02.09.2007: denominator inf is not a finite "
	  "number" },
	{ "health", "stunting", VA, 0, NULL, -1, 10, PK2D_ERR_INVALID,
	  "health: value of health.stunting for 63.02.09.2007: numerator -1 < 0" },
	{ "health", "stunting", VA, 0, NULL, 0, 0, PK2D_ERR_INVALID,
	  "health: value of health.stunting for 63.02.09.2007: denominator 0 is not > 0" },
	{ "health", "apk", VA, 0, NULL, 5, -2, PK2D_ERR_INVALID,
	  "health: value of health.apk for 63.02.09.2007: denominator -2 is not > 0" },
	{ "health", "apk", VA, 0, NULL, -5, 2, PK2D_ERR_INVALID,
	  "health: value of health.apk for 63.02.09.2007: numerator -5 < 0" },
	{ "health", "posyandu", VA, 0, NULL, 3, 2, PK2D_ERR_INVALID,
	  "health: value of health.posyandu for 63.02.09.2007: denominator 2 of a count is not 1" },
	{ "health", "posyandu", VA, 0, NULL, -3, 1, PK2D_ERR_INVALID,
	  "health: value of health.posyandu for 63.02.09.2007: numerator -3 < 0" },
	{ "health", "mean_z", VA, 0, NULL, -3, 0, PK2D_ERR_INVALID,
	  "health: value of health.mean_z for 63.02.09.2007: denominator 0 is not > 0" },
	{ "health", "stunting", "63.2", 0, NULL, 1, 1, PK2D_ERR_INVALID,
	  "health: value of health.stunting: malformed area code '63.2'" },
	{ "health", "stunting", NULL, 0, NULL, 1, 1, PK2D_ERR_INVALID,
	  "health: value of health.stunting: malformed area code '(null)'" },
	{ "health", "stunting", VA, 10000, NULL, 1, 1, PK2D_ERR_INVALID,
	  "health: value of health.stunting for 63.02.09.2007: RT 10000 is not in 0..9999" },
	{ "health", "stunting", VA, -1, NULL, 1, 1, PK2D_ERR_INVALID,
	  "health: value of health.stunting for 63.02.09.2007: RT -1 is not in 0..9999" },
	{ "health", "stunting", "63.02.09", 3, NULL, 1, 1, PK2D_ERR_INVALID,
	  "health: value of health.stunting for 63.02.09: RT 3 given for an area that is not a "
	  "village" },
	{ "health", "stunting", VA, 0, "2023Q5", 1, 1, PK2D_ERR_INVALID,
	  "health: value of health.stunting for 63.02.09.2007: malformed period '2023Q5' (yyyy, "
	  "yyyySn, yyyyQn, yyyyMM)" },
};

START_TEST(value_refused)
{
	int rc = add(bad_values[_i].plugin, bad_values[_i].id, bad_values[_i].area, bad_values[_i].rt,
	             bad_values[_i].period, bad_values[_i].num, bad_values[_i].den);
	char **periods;

	ck_assert_int_eq(rc, bad_values[_i].rc);
	ck_assert_str_eq(err, bad_values[_i].msg);
	registry_rollup(r);
	ck_assert(!has("stunting", VA, RT_ALL, "2023"));
	ck_assert_uint_eq(registry_periods(r, &periods), 0);
	ck_assert_ptr_null(periods);
}
END_TEST

/* The same refusals with the value's names (reg_name): looked up by the
 * first value and kept for the second. */
START_TEST(value_refused_named)
{
	const struct bad_value *b = &bad_values[_i];
	pk2d_value v = { .indicator = b->id, .area = b->area, .rt = b->rt, .period = b->period,
	                 .numerator = b->num, .denominator = b->den };
	reg_name names[3];

	memset(names, 0, sizeof names);
	for (int k = 0; k < 2; k++) {
		err[0] = '\0';
		ck_assert_int_eq(registry_add_value_named(r, b->plugin, "2023", &v, &names[0],
		                                          &names[1], &names[2], err, sizeof err),
		                 b->rc);
		ck_assert_str_eq(err, b->msg);
	}
	registry_rollup(r);
	ck_assert(!has("stunting", VA, RT_ALL, "2023"));
}
END_TEST

/* Names whose area was interned before the registry forgot its areas are
 * looked up again: the area's old id now stands for another area. */
START_TEST(names_after_forget)
{
	pk2d_value v = { .indicator = "stunting", .area = VA, .rt = 1, .numerator = 1,
	                 .denominator = 2 };
	reg_name names[3];

	memset(names, 0, sizeof names);
	ck_assert_int_eq(registry_add_value_named(r, "health", "2023", &v, &names[0], &names[1],
	                                          &names[2], err, sizeof err), 0);
	registry_forget_values(r);
	add_ok("stunting", VD, 1, NULL, 1, 1);
	ck_assert_int_eq(registry_add_value_named(r, "health", "2023", &v, &names[0], &names[1],
	                                          &names[2], err, sizeof err), 0);
	registry_rollup(r);
	ck_assert_sum(get("stunting", VA, 1, "2023"), 1, 2);
	ck_assert_sum(get("stunting", VD, 1, "2023"), 1, 1);
}
END_TEST

START_TEST(period_needed)
{
	pk2d_value v = { .indicator = "stunting", .area = VA, .numerator = 1, .denominator = 1 };

	ck_assert_int_eq(registry_add_value(r, "health", NULL, &v, err, sizeof err), PK2D_ERR_INVALID);
	ck_assert_str_eq(err, "health: value of health.stunting for 63.02.09.2007: no period");
	ck_assert_int_eq(registry_add_value(r, "health", "2023-1", &v, err, sizeof err),
	                 PK2D_ERR_INVALID);
	ck_assert_str_eq(err, "health: value of health.stunting for 63.02.09.2007: malformed period "
	                      "'2023-1' (yyyy, yyyySn, yyyyQn, yyyyMM)");
	ck_assert_int_eq(registry_add_value(r, "health", "202306", &v, err, sizeof err), 0);
	registry_rollup(r);
	ck_assert_sum(get("stunting", "63", RT_ALL, "202306"), 1, 1);
}
END_TEST

START_TEST(edge_values_accepted)
{
	add_ok("stunting", VA, 9999, NULL, 0, 1);       /* highest RT, none stunted */
	add_ok("stunting", VA, 1, NULL, 10, 10);        /* num == den */
	add_ok("stunting", "63.02.09", 0, NULL, 1, 2);  /* a kecamatan figure */
	add_ok("apk", VA, 0, NULL, 120, 100);           /* a rate above 100 % */
	add_ok("mean_z", VA, 0, NULL, -3.5, 2);         /* a negative mean */
	add_ok("posyandu", "63", 0, NULL, 0, 1);        /* a zero count */
}
END_TEST

static const struct {
	const char *plugin, *id, *area;
	int rt;
	double t, re, b;
	int rc;
	const char *msg;
} bad_iv_values[] = {
	{ "health", "nope", VA, 0, 1, 1, 1, PK2D_ERR_UNKNOWN_ID,
	  "health: value of undeclared intervention health.nope" },
	{ "health", NULL, VA, 0, 1, 1, 1, PK2D_ERR_INVALID,
	  "health: intervention value without an intervention id" },
	{ "health", "ttd", VA, 2, -1, 1, 1, PK2D_ERR_INVALID,
	  "health: value of health.ttd for 63.02.09.2007 RT 2: target -1 is not a finite number >= 0" },
	{ "health", "ttd", VA, 0, 1, NAN, 1, PK2D_ERR_INVALID,
	  "health: value of health.ttd for 63.02.09.2007: realised nan is not a finite number >= 0" },
	{ "health", "ttd", VA, 0, 1, 1, INFINITY, PK2D_ERR_INVALID,
	  "health: value of health.ttd for 63.02.09.2007: budget inf is not a finite number >= 0" },
	{ "health", "ttd", "63.02.09", 4, 1, 1, 1, PK2D_ERR_INVALID,
	  "health: value of health.ttd for 63.02.09: RT 4 given for an area that is not a village" },
	{ "health", "ttd", "63.02.09.20", 0, 1, 1, 1, PK2D_ERR_INVALID,
	  "health: value of health.ttd: malformed area code '63.02.09.20'" },
};

START_TEST(intervention_value_refused)
{
	int rc = add_iv(bad_iv_values[_i].plugin, bad_iv_values[_i].id, bad_iv_values[_i].area,
	                bad_iv_values[_i].rt, NULL, bad_iv_values[_i].t, bad_iv_values[_i].re,
	                bad_iv_values[_i].b);
	char **areas_out;

	ck_assert_int_eq(rc, bad_iv_values[_i].rc);
	ck_assert_str_eq(err, bad_iv_values[_i].msg);
	ck_assert_uint_eq(registry_areas(r, NULL, AREA_VILLAGE, &areas_out), 0);
}
END_TEST

static const struct {
	const char *p;
	int ok;
} periods[] = {
	{ "2023", 1 }, { "2023S1", 1 }, { "2023S2", 1 }, { "2023Q1", 1 }, { "2023Q4", 1 },
	{ "202301", 1 }, { "202309", 1 }, { "202310", 1 }, { "202312", 1 }, { "1999", 1 },
	{ "", 0 }, { "202", 0 }, { "20234", 0 }, { "2023S0", 0 }, { "2023S3", 0 },
	{ "2023Q0", 0 }, { "2023Q5", 0 }, { "202300", 0 }, { "202313", 0 }, { "202320", 0 },
	{ "2023q1", 0 }, { "0999", 0 }, { "2023W1", 0 }, { "2023-01", 0 }, { "2023Q12", 0 },
	{ "abcd", 0 }, { "2023 ", 0 },
};

START_TEST(period_syntax)
{
	ck_assert_msg(period_valid(periods[_i].p) == periods[_i].ok, "'%s'", periods[_i].p);
}
END_TEST

START_TEST(period_null)
{
	ck_assert(!period_valid(NULL));
}
END_TEST

/* ---- roll-up --------------------------------------------------------- */

/*
 * health.stunting in 2023:
 *   VA RT 1: 2/10 and 1/5 (same key: 3/15); RT 2: 4/20; no RT: 1/5
 *     -> VA total 8/40
 *   VB RT 1: 5/25                              -> VB total 5/25
 *   63.02.09 itself (no RT): 2/5
 *     -> kecamatan 63.02.09: 8+5+2 / 40+25+5 = 15/70
 *   VC no RT: 6/10                             -> kecamatan 63.02.10: 6/10
 *     -> kabupaten 63.02 and province 63: 21/80
 *   VD: 1/1                                    -> province 64: 1/1
 * and in 2023Q1: VA RT 1: 7/7 (a separate period).
 */
static void free_strings(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void report_stunting(void)
{
	add_ok("stunting", VA, 1, NULL, 2, 10);
	add_ok("stunting", VA, 1, "2023", 1, 5);
	add_ok("stunting", VA, 2, NULL, 4, 20);
	add_ok("stunting", VA, 0, NULL, 1, 5);
	add_ok("stunting", VB, 1, NULL, 5, 25);
	add_ok("stunting", "63.02.09", 0, NULL, 2, 5);
	add_ok("stunting", VC, 0, NULL, 6, 10);
	add_ok("stunting", VD, 0, NULL, 1, 1);
	add_ok("stunting", VA, 1, "2023Q1", 7, 7);
}

static void check_stunting_totals(void)
{
	ck_assert_sum(get("stunting", VA, 1, "2023"), 3, 15);
	ck_assert_sum(get("stunting", VA, 2, "2023"), 4, 20);
	ck_assert_sum(get("stunting", VA, 0, "2023"), 1, 5);
	ck_assert_sum(get("stunting", VA, RT_ALL, "2023"), 8, 40);
	ck_assert_sum(get("stunting", VB, RT_ALL, "2023"), 5, 25);
	ck_assert_sum(get("stunting", "63.02.09", 0, "2023"), 2, 5);
	ck_assert_sum(get("stunting", "63.02.09", RT_ALL, "2023"), 15, 70);
	ck_assert_sum(get("stunting", "63.02.10", RT_ALL, "2023"), 6, 10);
	ck_assert_sum(get("stunting", "63.02", RT_ALL, "2023"), 21, 80);
	ck_assert_sum(get("stunting", "63", RT_ALL, "2023"), 21, 80);
	ck_assert_sum(get("stunting", "64", RT_ALL, "2023"), 1, 1);
	ck_assert_sum(get("stunting", "all", RT_ALL, "2023"), 22, 81); /* 63 and 64 */
	ck_assert_sum(get("stunting", VA, RT_ALL, "2023Q1"), 7, 7);
	ck_assert_sum(get("stunting", "63", RT_ALL, "2023Q1"), 7, 7);
}

START_TEST(rollup_sums_every_level)
{
	report_stunting();
	ck_assert(!has("stunting", VA, RT_ALL, "2023")); /* not before the roll-up */
	registry_rollup(r);
	check_stunting_totals();
	ck_assert(!has("stunting", VA, 3, "2023"));
	ck_assert(!has("stunting", VB, 0, "2023"));
	ck_assert(!has("stunting", "63.02", 0, "2023"));
	ck_assert(!has("stunting", "63.02.09.2002", RT_ALL, "2023"));
	ck_assert(!has("stunting", VA, RT_ALL, "2024"));
	ck_assert(!has("stunting", VA, -2, "2023"));
	ck_assert(!has("apk", VA, RT_ALL, "2023"));
	ck_assert_double_eq_tol(reg_value(registry_find_indicator(r, "health.stunting"),
	                                  &(reg_sum){ 21, 80 }), 26.25, 1e-12);
}
END_TEST

START_TEST(rollup_recomputes)
{
	report_stunting();
	registry_rollup(r);
	registry_rollup(r);
	check_stunting_totals();
	/* A value added later counts once the roll-up runs again. */
	add_ok("stunting", VB, 2, NULL, 1, 5);
	registry_rollup(r);
	ck_assert_sum(get("stunting", VB, RT_ALL, "2023"), 6, 30);
	ck_assert_sum(get("stunting", "63", RT_ALL, "2023"), 22, 85);
}
END_TEST

/* Each total is the sum of the totals under it taken in the order of their
 * codes, whatever order they were reported in and however the periods
 * interleave. These five give other last bits in the other order, or
 * summed by kecamatan first. */
START_TEST(rollup_adds_in_area_order)
{
	static const char *const village[] = { "63.02.01.2001", "63.02.01.2002", "63.02.01.2003",
		                                "63.02.02.2001", "63.02.02.2002" };
	static const double num[] = { 0.72, 0.23, 0.95, 0.9, 0.03 };
	double kec1 = 0, kec2 = 0, kab = 0;

	/* Reported backwards, the second period's value first. */
	for (int i = 4; i >= 0; i--) {
		add_ok("stunting", village[i], 1, "2023Q1", num[4 - i], 1);
		add_ok("stunting", village[i], 1, NULL, num[i], 1);
	}
	registry_rollup(r);
	for (int i = 0; i < 5; i++) {
		if (i < 3)
			kec1 += num[i];
		else
			kec2 += num[i];
		kab += num[i];
	}
	ck_assert(get("stunting", "63.02.01", RT_ALL, "2023").num == kec1);
	ck_assert(get("stunting", "63.02.02", RT_ALL, "2023").num == kec2);
	ck_assert(get("stunting", "63.02", RT_ALL, "2023").num == kab);
	ck_assert(get("stunting", "63", RT_ALL, "2023").num == kab);
	ck_assert(get("stunting", "all", RT_ALL, "2023").num == kab);
	ck_assert(kab != kec1 + kec2);
	ck_assert(get("stunting", "63", RT_ALL, "2023Q1").num != kab);
	kab = 0;
	for (int i = 0; i < 5; i++)
		kab += num[4 - i];
	ck_assert(get("stunting", "63", RT_ALL, "2023Q1").num == kab);
	ck_assert_sum(get("stunting", "63.02.01", RT_ALL, "2023Q1"), 0.03 + 0.9 + 0.95, 3);
}
END_TEST

START_TEST(intervention_rollup)
{
	reg_isum s;
	const reg_intervention *iv = registry_find_intervention(r, "health.ttd");

	ck_assert_int_eq(add_iv("health", "ttd", VA, 1, NULL, 10, 8, 1000), 0);
	ck_assert_int_eq(add_iv("health", "ttd", VA, 1, NULL, 2, 2, 0), 0);
	ck_assert_int_eq(add_iv("health", "ttd", VA, 0, NULL, 5, 5, 0), 0);
	ck_assert_int_eq(add_iv("health", "ttd", VB, 0, NULL, 20, 10, 500), 0);
	registry_rollup(r);
	ck_assert_int_eq(registry_get_intervention(r, iv, VA, 1, "2023", &s), 1);
	ck_assert_double_eq(s.target, 12);
	ck_assert_double_eq(s.realised, 10);
	ck_assert_double_eq(s.budget, 1000);
	ck_assert_int_eq(registry_get_intervention(r, iv, "63.02.09", RT_ALL, "2023", &s), 1);
	ck_assert_double_eq(s.target, 37);
	ck_assert_double_eq(s.realised, 25);
	ck_assert_double_eq(s.budget, 1500);
	ck_assert_int_eq(registry_get_intervention(r, iv, "63.02.10", RT_ALL, "2023", &s), 0);
	ck_assert_int_eq(registry_get_intervention(r, NULL, VA, 1, "2023", &s), 0);
}
END_TEST

START_TEST(drop_plugin_values)
{
	pk2d_indicator l1 = { .id = "l1", .label_id = "L1" };
	reg_isum is;

	ck_assert_int_eq(registry_declare_indicator(r, "family", NULL, &l1, err, sizeof err), 0);
	report_stunting();
	ck_assert_int_eq(add_iv("health", "ttd", VA, 0, NULL, 1, 1, 1), 0);
	ck_assert_int_eq(add("family", "l1", VA, 4, NULL, 30, 40), 0);
	ck_assert_int_eq(add("family", "l1", VC, 0, NULL, 10, 10), 0);
	registry_rollup(r);
	ck_assert_sum(get("stunting", "63", RT_ALL, "2023"), 21, 80);

	registry_drop_plugin_values(r, "health");
	ck_assert(!has("stunting", VA, 1, "2023"));
	ck_assert(!has("stunting", VA, RT_ALL, "2023"));
	ck_assert(!has("stunting", "63", RT_ALL, "2023"));
	ck_assert_int_eq(registry_get_intervention(r, registry_find_intervention(r, "health.ttd"),
	                                           VA, 0, "2023", &is), 0);
	/* family's values and totals are still there. */
	{
		const reg_indicator *f = registry_find_indicator(r, "family.l1");
		reg_sum s;
		ck_assert_int_eq(registry_get(r, f, VA, 4, "2023", &s), 1);
		ck_assert_int_eq(registry_get(r, f, "63.02", RT_ALL, "2023", &s), 1);
		ck_assert_double_eq(s.num, 40);
		ck_assert_double_eq(s.den, 50);
	}
	/* A village only health reported for is no longer listed. */
	{
		char **v = NULL;
		size_t n;

		ck_assert_uint_eq(registry_areas(r, VB, AREA_VILLAGE, &v), 0);
		ck_assert_ptr_null(v);
		n = registry_areas(r, "63.02.09", AREA_VILLAGE, &v);
		ck_assert_uint_eq(n, 1);
		ck_assert_str_eq(v[0], VA);
		free_strings(v, n);
		n = registry_areas(r, VA, AREA_VILLAGE, &v);
		ck_assert_uint_eq(n, 1);
		ck_assert_str_eq(v[0], VA);
		free_strings(v, n);
	}
	/* The declarations stay. */
	ck_assert_ptr_nonnull(registry_find_indicator(r, "health.stunting"));
	registry_drop_plugin_values(r, "nobody");
}
END_TEST

START_TEST(drop_before_any_value)
{
	registry_drop_plugin_values(r, "health");
	registry_rollup(r);
	ck_assert(!has("stunting", VA, RT_ALL, "2023"));
}
END_TEST

/* ---- walks and listings ---------------------------------------------- */

struct walk {
	char text[1024];
	int calls, stop_after;
};

static int walk_value(void *ud, const reg_indicator *ind, const char *area, int rt,
                      const char *period, const reg_sum *s)
{
	struct walk *w = ud;
	size_t n = strlen(w->text);

	snprintf(w->text + n, sizeof w->text - n, "%s %s %d %s %g/%g\n", ind->id, area, rt, period,
	         s->num, s->den);
	return ++w->calls == w->stop_after;
}

START_TEST(each_value_order)
{
	struct walk w = { "", 0, 0 };

	add_ok("apk", VB, 0, NULL, 2, 4);
	add_ok("stunting", VA, 10, NULL, 1, 2);
	add_ok("stunting", VA, 2, NULL, 1, 3);
	add_ok("stunting", VB, 0, "2023Q1", 1, 4);
	add_ok("stunting", VB, 0, NULL, 1, 5);
	add_ok("stunting", VA, 2, "2023Q1", 1, 6);
	add_ok("stunting", VA, 2, NULL, 1, 7); /* adds to the second report */
	registry_rollup(r); /* totals are not walked */
	registry_each_value(r, walk_value, &w);
	ck_assert_str_eq(w.text, "stunting 63.02.09.2001 0 2023 1/5\n"
	                         "stunting 63.02.09.2001 0 2023Q1 1/4\n"
	                         "stunting 63.02.09.2007 2 2023 2/10\n"
	                         "stunting 63.02.09.2007 2 2023Q1 1/6\n"
	                         "stunting 63.02.09.2007 10 2023 1/2\n"
	                         "apk 63.02.09.2001 0 2023 2/4\n");
	w = (struct walk){ "", 0, 2 };
	registry_each_value(r, walk_value, &w);
	ck_assert_int_eq(w.calls, 2);
}
END_TEST

struct rt_walk {
	int rt[64];
	size_t n;
};

static int walk_rt(void *ud, const reg_indicator *ind, const char *area, int rt,
                   const char *period, const reg_sum *s)
{
	struct rt_walk *w = ud;

	(void)ind, (void)area, (void)period, (void)s;
	ck_assert_uint_lt(w->n, 64);
	w->rt[w->n++] = rt;
	return 0;
}

/* A village's RTs come in any order (a hash table's); the walk gives them
 * in order, neighbours and the ends of 0..9999 included, and no RT twice. */
START_TEST(each_value_rt_order)
{
	static const int order[] = { 17, 3, 9999, 2, 0, 40, 1, 9998, 4, 5, 33, 6, 32, 7, 8 };
	static const int sorted[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 17, 32, 33, 40, 9998, 9999 };
	const size_t n = sizeof order / sizeof order[0];
	struct rt_walk w = { { 0 }, 0 };

	for (size_t i = 0; i < n; i++)
		add_ok("stunting", VA, order[i], NULL, 1, 2);
	registry_rollup(r);
	registry_each_value(r, walk_rt, &w);
	ck_assert_uint_eq(w.n, n);
	for (size_t i = 0; i < n; i++)
		ck_assert_int_eq(w.rt[i], sorted[i]);
}
END_TEST

static int walk_iv(void *ud, const reg_intervention *iv, const char *area, int rt,
                   const char *period, const reg_isum *s)
{
	struct walk *w = ud;
	size_t n = strlen(w->text);

	snprintf(w->text + n, sizeof w->text - n, "%s %s %d %s %g/%g/%g\n", iv->id, area, rt,
	         period, s->target, s->realised, s->budget);
	return ++w->calls == w->stop_after;
}

START_TEST(each_intervention_value_order)
{
	pk2d_intervention pmt = { .id = "pmt", .label_id = "PMT" };
	struct walk w = { "", 0, 0 };

	ck_assert_int_eq(registry_declare_intervention(r, "health", NULL, &pmt, err, sizeof err), 0);
	ck_assert_int_eq(add_iv("health", "pmt", VA, 0, NULL, 1, 1, 0), 0);
	ck_assert_int_eq(add_iv("health", "ttd", VB, 3, "2023S2", 4, 3, 2), 0);
	ck_assert_int_eq(add_iv("health", "ttd", VB, 3, "2023S1", 5, 4, 3), 0);
	ck_assert_int_eq(add_iv("health", "ttd", VA, 0, NULL, 6, 5, 4), 0);
	registry_rollup(r);
	registry_each_intervention_value(r, walk_iv, &w);
	ck_assert_str_eq(w.text, "ttd 63.02.09.2001 3 2023S1 5/4/3\n"
	                         "ttd 63.02.09.2001 3 2023S2 4/3/2\n"
	                         "ttd 63.02.09.2007 0 2023 6/5/4\n"
	                         "pmt 63.02.09.2007 0 2023 1/1/0\n");
	w = (struct walk){ "", 0, 1 };
	registry_each_intervention_value(r, walk_iv, &w);
	ck_assert_int_eq(w.calls, 1);
}
END_TEST

/*
 * Without RT detail the same reports give the same totals at every level
 * (check_stunting_totals, except per RT), no RT is listed, the RTs are
 * still counted, a bad RT is still refused, and the walk shows a village's
 * folded RTs as RT_ALL beside its values without RT.
 */
START_TEST(rollup_without_rt_detail)
{
	struct walk w = { "", 0, 0 };
	reg_isum is;
	int *rts = NULL;

	registry_keep_rts(r, 0);
	report_stunting();
	ck_assert_int_eq(add("health", "stunting", VA, 10000, NULL, 1, 2), PK2D_ERR_INVALID);
	ck_assert_ptr_nonnull(strstr(err, "RT 10000 is not in 0..9999"));
	ck_assert_int_eq(add("health", "stunting", "63.02.09", 3, NULL, 1, 2), PK2D_ERR_INVALID);
	ck_assert_int_eq(add("health", "stunting", VA, 2, NULL, 5, 4), PK2D_ERR_INVALID);
	ck_assert_int_eq(add_iv("health", "ttd", VA, 4, NULL, 10, 8, 100), 0);
	ck_assert_int_eq(add_iv("health", "ttd", VA, 0, NULL, 1, 1, 0), 0);
	registry_rollup(r);
	ck_assert_sum(get("stunting", VA, RT_ALL, "2023"), 8, 40);
	ck_assert_sum(get("stunting", VA, 0, "2023"), 1, 5);
	ck_assert(!has("stunting", VA, 1, "2023"));
	ck_assert(!has("stunting", VA, 2, "2023"));
	ck_assert_sum(get("stunting", "63.02.09", RT_ALL, "2023"), 15, 70);
	ck_assert_sum(get("stunting", "all", RT_ALL, "2023"), 22, 81);
	ck_assert_sum(get("stunting", VA, RT_ALL, "2023Q1"), 7, 7);
	ck_assert_int_eq(registry_get_intervention(r, registry_find_intervention(r, "health.ttd"),
	                                           VA, RT_ALL, "2023", &is), 1);
	ck_assert_double_eq(is.target, 11);
	ck_assert_double_eq(is.budget, 100);
	ck_assert_int_eq(registry_rts(r, VA, &rts), 0);
	ck_assert_ptr_null(rts);
	/* VA: RT 1 (in two periods), RT 2 and RT 4 of the intervention. */
	ck_assert_uint_eq(registry_n_rts(r, VA), 3);
	ck_assert_uint_eq(registry_n_rts(r, VB), 1);
	ck_assert_uint_eq(registry_n_rts(r, VC), 0);
	ck_assert_uint_eq(registry_n_rts(r, "63.02.99.2001"), 0);
	registry_each_value(r, walk_value, &w);
	ck_assert_str_eq(w.text, "stunting 63.02.09 0 2023 2/5\n"
	                         "stunting 63.02.09.2001 -1 2023 5/25\n"
	                         "stunting 63.02.09.2007 -1 2023 7/35\n"
	                         "stunting 63.02.09.2007 -1 2023Q1 7/7\n"
	                         "stunting 63.02.09.2007 0 2023 1/5\n"
	                         "stunting 63.02.10.2001 0 2023 6/10\n"
	                         "stunting 64.01.01.2001 0 2023 1/1\n");
}
END_TEST

/* What a child sends without RT detail: sums checked as one value (a
 * count's denominator is the number of values), RTs counted per village. */
START_TEST(folded_sums_from_a_child)
{
	pk2d_value sum = { .indicator = "stunting", .area = VA, .numerator = 7, .denominator = 35 };
	pk2d_value cnt = { .indicator = "posyandu", .area = VA, .numerator = 4, .denominator = 3 };
	static const int rts[] = { 1, 2, 5 };

	ck_assert_int_eq(registry_add_folded(r, "health", "2023", &sum, err, sizeof err),
	                 PK2D_ERR_INVALID);
	ck_assert_ptr_nonnull(strstr(err, "RT detail is kept in this run"));
	ck_assert_int_eq(registry_note_rts(r, "health", VA, rts, 3, err, sizeof err),
	                 PK2D_ERR_INVALID);
	registry_keep_rts(r, 0);
	ck_assert_int_eq(registry_add_folded(r, "health", "2023", &sum, err, sizeof err), 0);
	ck_assert_int_eq(registry_add_folded(r, "health", "2023", &cnt, err, sizeof err), 0);
	cnt.denominator = 2.5;
	ck_assert_int_eq(registry_add_folded(r, "health", "2023", &cnt, err, sizeof err),
	                 PK2D_ERR_INVALID);
	ck_assert_ptr_nonnull(strstr(err, "folded value of health.posyandu for " VA
	                              ": denominator 2.5 of a count is not 1"));
	sum.area = "63.02.09";
	ck_assert_int_eq(registry_add_folded(r, "health", "2023", &sum, err, sizeof err),
	                 PK2D_ERR_INVALID);
	ck_assert_ptr_nonnull(strstr(err, "folded value of health.stunting for 63.02.09: not a village"));
	sum.area = VA;
	sum.numerator = 40;
	ck_assert_int_eq(registry_add_folded(r, "health", "2023", &sum, err, sizeof err),
	                 PK2D_ERR_INVALID);
	ck_assert_ptr_nonnull(strstr(err, "numerator 40 > denominator 35"));
	ck_assert_int_eq(registry_note_rts(r, "health", VA, rts, 3, err, sizeof err), 0);
	ck_assert_int_eq(registry_note_rts(r, "health", VA, rts, 2, err, sizeof err), 0);
	ck_assert_int_eq(registry_note_rts(r, "health", "63.02", rts, 1, err, sizeof err),
	                 PK2D_ERR_INVALID);
	add_ok("stunting", VA, 0, NULL, 1, 5);
	registry_rollup(r);
	ck_assert_sum(get("stunting", VA, RT_ALL, "2023"), 8, 40);
	ck_assert_sum(get("stunting", "63", RT_ALL, "2023"), 8, 40);
	ck_assert_sum(get("posyandu", VA, RT_ALL, "2023"), 4, 3);
	ck_assert_uint_eq(registry_n_rts(r, VA), 3);
	/* Forgetting keeps the declarations. */
	registry_forget_values(r);
	registry_rollup(r);
	ck_assert(!has("stunting", VA, RT_ALL, "2023"));
	{
		char **codes = NULL;
		ck_assert_uint_eq(registry_areas(r, NULL, AREA_VILLAGE, &codes), 0);
		ck_assert_ptr_null(codes);
	}
	ck_assert_uint_eq(registry_n_rts(r, VA), 0);
	add_ok("stunting", VB, 2, NULL, 1, 2);
	registry_rollup(r);
	ck_assert_sum(get("stunting", VB, RT_ALL, "2023"), 1, 2);
}
END_TEST

START_TEST(rt_count_with_detail)
{
	report_stunting();
	registry_rollup(r);
	ck_assert_uint_eq(registry_n_rts(r, VA), 2);
	ck_assert_uint_eq(registry_n_rts(r, VB), 1);
	ck_assert_uint_eq(registry_n_rts(r, VC), 0);
}
END_TEST

/* RTs listed in order across the words of the set that dedupes them, its
 * first and last RT included, each once whatever its indicators and periods. */
START_TEST(rts_at_the_bounds)
{
	static const int rt[] = { 9999, 64, 1, 63, 65, 128, 127 };
	static const int sorted[] = { 1, 63, 64, 65, 127, 128, 9999 };
	int *rts = NULL;

	for (size_t i = 0; i < sizeof rt / sizeof *rt; i++) {
		add_ok("stunting", VA, rt[i], NULL, 1, 2);
		add_ok("apk", VA, rt[i], "2024", 1, 2);
	}
	add_ok("stunting", VA, 0, NULL, 1, 2);
	registry_rollup(r);
	ck_assert_uint_eq(registry_rts(r, VA, &rts), 7);
	for (size_t i = 0; i < 7; i++)
		ck_assert_int_eq(rts[i], sorted[i]);
	free(rts);
	ck_assert_uint_eq(registry_n_rts(r, VA), 7);
}
END_TEST

static void assert_rts(const char *village, const int *want, size_t n)
{
	int *rts = NULL;

	ck_assert_uint_eq(registry_rts(r, village, &rts), n);
	for (size_t i = 0; i < n; i++)
		ck_assert_int_eq(rts[i], want[i]);
	free(rts);
	ck_assert_uint_eq(registry_n_rts(r, village), n);
}

/* The roll-up lists each village's RTs once (of values and of
 * interventions, every period, both ends of a 64-RT word); the lists
 * answer as the tables did, and a value added or a plugin's values
 * dropped after it are seen. */
START_TEST(rts_listed_by_the_rollup)
{
	static const pk2d_indicator l1 = { .id = "l1", .label_id = "Akta", .kind = PK2D_PROPORTION };
	static const int before[] = { 3, 63, 64, 128 }, added[] = { 3, 5, 63, 64, 128 };
	static const int with_ttd[] = { 3, 5, 63, 64, 128, 9999 }, family[] = { 5, 64 };
	static const int seven[] = { 7 };

	ck_assert_int_eq(registry_declare_indicator(r, "family", NULL, &l1, err, sizeof err), 0);
	add_ok("stunting", VA, 3, NULL, 1, 2);
	add_ok("stunting", VA, 63, "2024", 1, 2);
	ck_assert_int_eq(add("family", "l1", VA, 64, NULL, 1, 2), 0);
	ck_assert_int_eq(add_iv("health", "ttd", VA, 128, NULL, 4, 3, 2), 0);
	add_ok("stunting", VB, 0, NULL, 1, 2);
	assert_rts(VA, before, 4);
	registry_rollup(r);
	assert_rts(VA, before, 4);
	assert_rts(VB, NULL, 0);
	assert_rts("63.02.09", NULL, 0);
	assert_rts(VC, NULL, 0);
	ck_assert_int_eq(add("family", "l1", VA, 5, NULL, 1, 2), 0);
	assert_rts(VA, added, 5);
	registry_rollup(r);
	assert_rts(VA, added, 5);
	ck_assert_int_eq(add_iv("health", "ttd", VA, 9999, "2024", 1, 1, 0), 0);
	assert_rts(VA, with_ttd, 6);
	registry_rollup(r);
	registry_drop_plugin_values(r, "health");
	assert_rts(VA, family, 2);
	registry_forget_values(r);
	add_ok("stunting", VB, 7, NULL, 1, 2);
	assert_rts(VB, seven, 1);
	assert_rts(VA, NULL, 0);
}
END_TEST

/* The lists hold every RT of many villages (1,000 and 9,999 of them: the
 * lists grow past their first room at once), and a village's RTs of
 * another table, below those of its first, are listed too. */
START_TEST(rts_lists_of_many)
{
	static const int low_and_high[] = { 5, 200 };
	int *rts = NULL;

	for (int rt = 1; rt <= 1000; rt++)
		add_ok("stunting", VA, rt, NULL, 1, 2);
	for (int rt = 9999; rt >= 1; rt--)
		add_ok("apk", VC, rt, NULL, 1, 2);
	add_ok("stunting", VB, 200, NULL, 1, 2);
	ck_assert_int_eq(add_iv("health", "ttd", VB, 5, NULL, 1, 1, 0), 0);
	assert_rts(VB, low_and_high, 2);
	registry_rollup(r);
	assert_rts(VB, low_and_high, 2);
	ck_assert_uint_eq(registry_n_rts(r, VA), 1000);
	ck_assert_uint_eq(registry_rts(r, VC, &rts), 9999);
	for (int i = 0; i < 9999; i++)
		ck_assert_int_eq(rts[i], i + 1);
	free(rts);
}
END_TEST

/* A place found once answers as registry_get does, and an area, a period
 * or a value table without values there finds nothing. */
START_TEST(place_lookups)
{
	const reg_indicator *st = registry_find_indicator(r, "health.stunting");
	const reg_intervention *iv = registry_find_intervention(r, "health.ttd");
	reg_place p;
	reg_sum s;
	reg_isum is;

	report_stunting();
	ck_assert_int_eq(add_iv("health", "ttd", VB, 0, NULL, 20, 10, 500), 0);
	registry_rollup(r);
	registry_place(r, VA, "2023", &p);
	ck_assert_int_eq(registry_get_at(r, st, &p, RT_ALL, &s), 1);
	ck_assert_sum(s, get("stunting", VA, RT_ALL, "2023").num,
	              get("stunting", VA, RT_ALL, "2023").den);
	ck_assert_int_eq(registry_get_at(r, st, &p, 3, &s), has("stunting", VA, 3, "2023"));
	ck_assert_int_eq(registry_get_at(r, NULL, &p, RT_ALL, &s), 0);
	ck_assert_int_eq(registry_get_at(r, st, &p, -2, &s), 0);
	ck_assert_int_eq(registry_get_intervention_at(r, iv, &p, RT_ALL, &is), 0);
	registry_place(r, VB, "2023", &p);
	ck_assert_int_eq(registry_get_intervention_at(r, iv, &p, 0, &is), 1);
	ck_assert_double_eq(is.realised, 10);
	registry_place(r, VA, "2024", &p);
	ck_assert_int_eq(registry_get_at(r, st, &p, RT_ALL, &s), 0);
	registry_place(r, "63.02.09.2002", "2023", &p);
	ck_assert_int_eq(registry_get_at(r, st, &p, RT_ALL, &s), 0);
	registry_place(r, NULL, NULL, &p);
	ck_assert_int_eq(registry_get_at(r, st, &p, RT_ALL, &s), 0);
}
END_TEST

/* A place's rows hold, for every declaration, what registry_get_at
 * answers there: at RT_ALL and at each RT asked for (reported there or not,
 * the village's RTs with a gap and a high one), and nothing at a place
 * without values; interventions likewise. */
START_TEST(place_rows)
{
	static const char *const places[] = { VA, VB, VC, "63.02.09", "63", "63.02.09.2002" };
	static const int rts[] = { 1, 2, 3, 5, 40 };
	enum { NRT = sizeof rts / sizeof *rts };
	size_t ni = registry_n_indicators(r), nv = registry_n_interventions(r), found = 0;
	size_t n = ni > nv ? ni : nv;
	reg_sum *sums = calloc((NRT + 1) * ni, sizeof *sums);
	reg_isum *isums = calloc((NRT + 1) * nv, sizeof *isums);
	unsigned char *has = malloc((NRT + 1) * n);

	report_stunting();
	add_ok("apk", VA, 2, NULL, 3, 4);
	add_ok("posyandu", VA, 40, NULL, 1, 1);
	add_ok("apk", VA, 4, NULL, 9, 9);     /* an RT no row asks for */
	ck_assert_int_eq(add_iv("health", "ttd", VB, 5, NULL, 20, 10, 500), 0);
	registry_rollup(r);
	for (size_t a = 0; a < sizeof places / sizeof *places; a++) {
		reg_place p;

		registry_place(r, places[a], "2023", &p);
		memset(has, 7, (NRT + 1) * n);
		registry_rows_at(r, &p, rts, NRT, sums, has);
		for (size_t j = 0; j <= NRT; j++)
			for (size_t i = 0; i < ni; i++) {
				reg_sum s;
				int got = registry_get_at(r, registry_indicator_at(r, i), &p,
				                          j ? rts[j - 1] : RT_ALL, &s);

				ck_assert_int_eq(has[j * ni + i], got);
				if (got)
					ck_assert_sum(sums[j * ni + i], s.num, s.den);
				found += (size_t)got;
			}
		memset(has, 7, (NRT + 1) * n);
		registry_irows_at(r, &p, rts, NRT, isums, has);
		for (size_t j = 0; j <= NRT; j++)
			for (size_t i = 0; i < nv; i++) {
				reg_isum s;
				int got = registry_get_intervention_at(r, registry_intervention_at(r, i),
				                                       &p, j ? rts[j - 1] : RT_ALL, &s);

				ck_assert_int_eq(has[j * nv + i], got);
				if (got) {
					ck_assert_double_eq(isums[j * nv + i].target, s.target);
					ck_assert_double_eq(isums[j * nv + i].realised, s.realised);
					ck_assert_double_eq(isums[j * nv + i].budget, s.budget);
				}
				found += (size_t)got;
			}
	}
	/* Not a test of nothing: most of these places hold values. */
	ck_assert_uint_ge(found, 15);
	free(sums);
	free(isums);
	free(has);
}
END_TEST

START_TEST(listings)
{
	char **v;
	int *rts;
	size_t n;

	report_stunting();
	ck_assert_int_eq(add_iv("health", "ttd", "63.02.11.2003", 5, "2024", 1, 1, 0), 0);
	registry_rollup(r);

	n = registry_areas(r, "63", AREA_DISTRICT, &v);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(v[0], "63.02.09");
	ck_assert_str_eq(v[1], "63.02.10");
	ck_assert_str_eq(v[2], "63.02.11"); /* known from an intervention value only */
	free_strings(v, n);

	n = registry_areas(r, "63.02.09", AREA_VILLAGE, &v);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(v[0], VB);
	ck_assert_str_eq(v[1], VA);
	free_strings(v, n);

	n = registry_areas(r, NULL, AREA_PROVINCE, &v);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(v[0], "63");
	ck_assert_str_eq(v[1], "64");
	free_strings(v, n);

	n = registry_areas(r, "all", AREA_PROVINCE, &v);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(v[0], "63");
	ck_assert_str_eq(v[1], "64");
	free_strings(v, n);

	n = registry_areas(r, NULL, AREA_NATIONAL, &v);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(v[0], "all");
	free_strings(v, n);

	/* One village asked alone. */
	n = registry_areas(r, VA, AREA_VILLAGE, &v);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(v[0], VA);
	free_strings(v, n);
	n = registry_areas(r, VC, AREA_VILLAGE, &v);   /* only "no RT" there */
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(v[0], VC);
	free_strings(v, n);
	ck_assert_uint_eq(registry_areas(r, "63.02.09.2002", AREA_VILLAGE, &v), 0);
	ck_assert_uint_eq(registry_areas(r, "63.02.09.9999", AREA_VILLAGE, &v), 0);

	n = registry_areas(r, "", AREA_REGENCY, &v);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(v[0], "63.02");
	ck_assert_str_eq(v[1], "64.01");
	free_strings(v, n);

	ck_assert_uint_eq(registry_areas(r, "65", AREA_VILLAGE, &v), 0);
	ck_assert_ptr_null(v);

	n = registry_rts(r, VA, &rts);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(rts[0], 1);
	ck_assert_int_eq(rts[1], 2);
	free(rts);
	n = registry_rts(r, "63.02.11.2003", &rts);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(rts[0], 5);
	free(rts);
	ck_assert_uint_eq(registry_rts(r, VC, &rts), 0); /* only "no RT" there */
	ck_assert_ptr_null(rts);
	ck_assert_uint_eq(registry_rts(r, "63.02.09.9999", &rts), 0);

	n = registry_periods(r, &v);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(v[0], "2023");
	ck_assert_str_eq(v[1], "2023Q1");
	ck_assert_str_eq(v[2], "2024");
	free_strings(v, n);
}
END_TEST

START_TEST(values_per_kind)
{
	const reg_indicator *prop = registry_find_indicator(r, "health.stunting");
	const reg_indicator *rate = registry_find_indicator(r, "health.apk");
	const reg_indicator *count = registry_find_indicator(r, "health.posyandu");
	const reg_indicator *mean = registry_find_indicator(r, "health.mean_z");
	reg_sum zero = { 0, 0 };

	ck_assert_double_eq(reg_value(prop, &(reg_sum){ 3, 15 }), 20);
	ck_assert_double_eq(reg_value(rate, &(reg_sum){ 120, 100 }), 120);
	ck_assert_double_eq(reg_value(count, &(reg_sum){ 7, 3 }), 7);
	ck_assert_double_eq(reg_value(mean, &(reg_sum){ -3, 2 }), -1.5);
	ck_assert(isnan(reg_value(prop, &zero)));
	ck_assert(isnan(reg_value(rate, &zero)));
	ck_assert(isnan(reg_value(count, &zero)));
	ck_assert(isnan(reg_value(mean, &zero)));
}
END_TEST

START_TEST(count_sums_reports)
{
	const reg_indicator *count = registry_find_indicator(r, "health.posyandu");
	reg_sum s;

	add_ok("posyandu", VA, 0, NULL, 2, 1);
	add_ok("posyandu", VA, 0, NULL, 3, 1);
	add_ok("posyandu", VB, 0, NULL, 4, 1);
	registry_rollup(r);
	ck_assert_int_eq(registry_get(r, count, "63.02.09", RT_ALL, "2023", &s), 1);
	ck_assert_double_eq(reg_value(count, &s), 9);
	ck_assert_double_eq(s.den, 3);
}
END_TEST

/* Enough distinct keys to grow the table many times: 600 villages in 6
 * kecamatan, 20 RTs each, two reports per key of 1/2 and 1/3. */
START_TEST(many_keys)
{
	char area[16];
	reg_sum s;
	const reg_indicator *ind = registry_find_indicator(r, "health.stunting");

	for (int pass = 0; pass < 2; pass++) {
		for (int v = 0; v < 600; v++) {
			snprintf(area, sizeof area, "63.02.%02d.%04d", v % 6 + 1, 2001 + v);
			for (int rt = 1; rt <= 20; rt++)
				add_ok("stunting", area, rt, NULL, 1, pass ? 3 : 2);
		}
	}
	registry_rollup(r);
	ck_assert_int_eq(registry_get(r, ind, "63.02.03.2003", 7, "2023", &s), 1);
	ck_assert_double_eq(s.num, 2);
	ck_assert_double_eq(s.den, 5);
	ck_assert_int_eq(registry_get(r, ind, "63.02.03.2003", RT_ALL, "2023", &s), 1);
	ck_assert_double_eq(s.num, 40);
	ck_assert_double_eq(s.den, 100);
	/* Each kecamatan has 100 villages: 100 * 20 * (1+1) / (2+3). */
	ck_assert_int_eq(registry_get(r, ind, "63.02.06", RT_ALL, "2023", &s), 1);
	ck_assert_double_eq(s.num, 4000);
	ck_assert_double_eq(s.den, 10000);
	ck_assert_int_eq(registry_get(r, ind, "63", RT_ALL, "2023", &s), 1);
	ck_assert_double_eq(s.num, 24000);
	ck_assert_double_eq(s.den, 60000);
}
END_TEST

#define N(a) ((int)(sizeof a / sizeof a[0]))

/* A file's stats as a plugin leaves them: records rows, and problems of
 * (kind, rows, rejected). */
static csv_stats *stats(long records, const char *const *kinds, const long *rows,
                        const int *rejected, size_t n)
{
	csv_stats *st = calloc(1, sizeof *st);

	st->path = strdup("f.csv");
	st->records = records;
	st->problems = calloc(n ? n : 1, sizeof *st->problems);
	st->n_problems = n;
	for (size_t i = 0; i < n; i++) {
		st->problems[i].kind = strdup(kinds[i]);
		st->problems[i].count = rows[i];
		st->problems[i].rejected = rejected[i];
		if (rejected[i])
			st->rejected += rows[i];
		else
			st->noted += rows[i];
	}
	return st;
}

/* The failure of one file. */
static int judged(csv_stats *st, double max_rejected, acct_file *out)
{
	plugin_run run = { .instance = (char *)"p", .n_files = 1, .files = &st };
	accounting a;
	int failure;

	accounting_build(&a, &run, 1, max_rejected);
	ck_assert_uint_eq(a.n, 1);
	*out = a.files[0];
	failure = a.files[0].failure;
	ck_assert_uint_eq(a.n_failed, failure != ACCT_FINE);
	accounting_free(&a);
	csv_stats_free(st);
	return failure;
}

START_TEST(accounting_classes_and_rules)
{
	static const char *const k[] = { "outside area", "outside period", "duplicate KK",
	                                 "unreadable weight", "missing sex" };
	long rows[] = { 50, 10, 1, 1, 7 };
	static const int rej[] = { 1, 1, 1, 1, 0 };
	acct_file f;

	/* 100 rows: 50 outside area, 10 outside period, 2 bad of the 40 in
	 * scope = 5 %: exactly the limit passes, a little less fails. */
	ck_assert_int_eq(judged(stats(100, k, rows, rej, 5), 5, &f), ACCT_FINE);
	ck_assert_int_eq(f.rows[ACCT_OUTSIDE_AREA], 50);
	ck_assert_int_eq(f.rows[ACCT_OUTSIDE_PERIOD], 10);
	ck_assert_int_eq(f.rows[ACCT_DUPLICATE], 1);
	ck_assert_int_eq(f.rows[ACCT_REJECTED], 1);
	ck_assert_int_eq(f.rows[ACCT_NOTED], 7);
	ck_assert_int_eq(f.used, 38);
	ck_assert_double_eq_tol(f.share, 5, 1e-9);
	ck_assert_int_eq(judged(stats(100, k, rows, rej, 5), 4.99, &f), ACCT_TOO_MANY_REJECTED);
	/* Half of the 50 rows in the area outside the period passes; one more fails. */
	rows[1] = 25;
	ck_assert_int_eq(judged(stats(100, k, rows, rej, 5), 100, &f), ACCT_FINE);
	rows[1] = 26;
	ck_assert_int_eq(judged(stats(100, k, rows, rej, 5), 100, &f), ACCT_NOT_IN_PERIOD);
	/* Every row outside the area, or none usable. */
	rows[0] = 100;
	ck_assert_int_eq(judged(stats(100, k, rows, rej, 1), 100, &f), ACCT_NOT_IN_AREA);
	rows[0] = 99;
	rows[3] = 1;
	{
		static const char *const k2[] = { "outside area", "unreadable weight" };
		long r2[] = { 1, 2 };
		static const int j2[] = { 1, 1 };

		ck_assert_int_eq(judged(stats(3, k2, r2, j2, 2), 100, &f), ACCT_NOT_IN_AREA);
		r2[0] = 0;
		ck_assert_int_eq(judged(stats(2, k2, r2, j2, 2), 100, &f), ACCT_NOTHING_USED);
	}
	/* A header-only file does not fail. */
	ck_assert_int_eq(judged(stats(0, k, rows, rej, 0), 0, &f), ACCT_FINE);
	{
		csv_problem rep = { .kind = (char *)"repeated row", .rejected = 1 };

		ck_assert_int_eq(acct_class_of(&rep), ACCT_DUPLICATE);
	}
	{
		/* A report limited to the lokus villages: the other villages'
		 * rows are a class of their own, and fail no file: all 10 rows
		 * of other villages; or 9 of them and 1 of the 11 rejected, a
		 * share of 9.1 % (the other villages' rows in scope, as in the
		 * report of the whole area). */
		static const char *const k3[] = { "not a lokus village", "unreadable weight" };
		long r3[] = { 10, 0 };
		static const int j3[] = { 1, 1 };

		ck_assert_int_eq(judged(stats(10, k3, r3, j3, 2), 0, &f), ACCT_FINE);
		ck_assert_int_eq(f.rows[ACCT_NOT_LOKUS], 10);
		ck_assert_int_eq(f.rows[ACCT_REJECTED], 0);
		ck_assert_int_eq(f.used, 0);
		r3[0] = 9;
		r3[1] = 1;
		ck_assert_int_eq(judged(stats(11, k3, r3, j3, 2), 50, &f), ACCT_FINE);
		ck_assert_int_eq(judged(stats(11, k3, r3, j3, 2), 9, &f), ACCT_TOO_MANY_REJECTED);
		ck_assert_double_eq_tol(f.share, 100.0 / 11, 1e-9);
		ck_assert_str_eq(acct_class_key(ACCT_NOT_LOKUS), "not_lokus");
	}
	ck_assert_str_eq(acct_class_key(ACCT_OUTSIDE_AREA), "outside_area");
	ck_assert_str_eq(acct_class_key(-1), "used");
	ck_assert_str_eq(acct_failure_key(ACCT_TOO_MANY_REJECTED), "too_many_rejected");
	ck_assert_ptr_null(acct_failure_key(ACCT_FINE));
}
END_TEST

static Suite *registry_suite(void)
{
	Suite *s = suite_create("registry");
	TCase *tc = tcase_create("declarations");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, declarations_are_copied_with_defaults);
	tcase_add_test(tc, accounting_classes_and_rules);
	tcase_add_test(tc, same_id_in_other_plugin_or_as_intervention);
	tcase_add_loop_test(tc, indicator_refused, 0, N(bad_indicators));
	tcase_add_test(tc, longest_names_accepted);
	tcase_add_loop_test(tc, intervention_refused, 0, N(bad_interventions));
	tcase_add_test(tc, aims_checked_against_declarations);
	suite_add_tcase(s, tc);

	tc = tcase_create("values");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, value_refused, 0, N(bad_values));
	tcase_add_loop_test(tc, value_refused_named, 0, N(bad_values));
	tcase_add_test(tc, names_after_forget);
	tcase_add_test(tc, period_needed);
	tcase_add_test(tc, edge_values_accepted);
	tcase_add_loop_test(tc, intervention_value_refused, 0, N(bad_iv_values));
	tcase_add_loop_test(tc, period_syntax, 0, N(periods));
	tcase_add_test(tc, period_null);
	suite_add_tcase(s, tc);

	tc = tcase_create("roll-up");
	tcase_set_timeout(tc, 30);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, rollup_sums_every_level);
	tcase_add_test(tc, rollup_recomputes);
	tcase_add_test(tc, rollup_without_rt_detail);
	tcase_add_test(tc, rollup_adds_in_area_order);
	tcase_add_test(tc, rt_count_with_detail);
	tcase_add_test(tc, folded_sums_from_a_child);
	tcase_add_test(tc, intervention_rollup);
	tcase_add_test(tc, drop_plugin_values);
	tcase_add_test(tc, drop_before_any_value);
	tcase_add_test(tc, each_value_order);
	tcase_add_test(tc, each_value_rt_order);
	tcase_add_test(tc, each_intervention_value_order);
	tcase_add_test(tc, listings);
	tcase_add_test(tc, rts_at_the_bounds);
	tcase_add_test(tc, rts_listed_by_the_rollup);
	tcase_add_test(tc, rts_lists_of_many);
	tcase_add_test(tc, place_lookups);
	tcase_add_test(tc, place_rows);
	tcase_add_test(tc, values_per_kind);
	tcase_add_test(tc, count_sums_reports);
	tcase_add_test(tc, many_keys);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(registry_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
