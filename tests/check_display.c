/*
 * check_display.c - the presentation a plugin declares (display.h): groups
 * and their nesting, classes and their bands at the cut-offs, tables whose
 * cells are computed by their column's rule from rolled-up sums, and the
 * declarations the registry refuses.
 */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "display.h"

#define VA "63.02.09.2007"
#define VB "63.02.09.2001"

static registry *r;
static char err[512];

static void declare(const char *id, int kind)
{
	pk2d_indicator d = { .id = id, .label_id = id, .kind = kind };
	ck_assert_int_eq(registry_declare_indicator(r, "pl", "Dinas", &d, err, sizeof err), 0);
}

static void put(const char *id, const char *area, double num, double den)
{
	pk2d_value v = { .indicator = id, .area = area, .numerator = num, .denominator = den };
	ck_assert_msg(registry_add_value(r, "pl", "2024", &v, err, sizeof err) == 0, "%s", err);
}

static void setup(void)
{
	r = registry_new();
	declare("stunting", PK2D_PROPORTION);
	declare("mean_z", PK2D_MEAN);
	declare("meansq_z", PK2D_MEAN);
	declare("children", PK2D_COUNT);
}

static void teardown(void)
{
	registry_free(r);
}

static const pk2d_class bands[] = { { 0, "low", "rendah", NULL },
                                    { 10, "medium", "sedang", "medium" },
                                    { 20, "high", "tinggi", "high" },
                                    { 0, NULL, NULL, NULL } };

START_TEST(classes_at_the_cut_offs)
{
	pk2d_display d = { "stunting", 1, 0, bands, "a source" };
	const reg_display *x;

	ck_assert_msg(registry_declare_display(r, "pl", &d, err, sizeof err) == 0, "%s", err);
	x = registry_display(r, registry_find_indicator(r, "pl.stunting"));
	ck_assert_ptr_nonnull(x);
	ck_assert_int_eq(x->headline, 1);
	ck_assert_int_eq(x->hidden, 0);
	ck_assert_uint_eq(x->n_classes, 3);
	ck_assert_str_eq(x->classes[0].label_en, "rendah");
	ck_assert_str_eq(reg_display_class(x, -5)->key, "low");
	ck_assert_str_eq(reg_display_class(x, 9.999)->key, "low");
	ck_assert_str_eq(reg_display_class(x, 10)->key, "medium");
	ck_assert_str_eq(reg_display_class(x, 19.999)->key, "medium");
	ck_assert_str_eq(reg_display_class(x, 20)->key, "high");
	ck_assert_ptr_null(reg_display_class(x, NAN));
	ck_assert_ptr_null(registry_display(r, registry_find_indicator(r, "pl.mean_z")));
	ck_assert_int_eq(registry_declare_display(r, "pl", &d, err, sizeof err),
	                 PK2D_ERR_DUPLICATE);
}
END_TEST

START_TEST(groups_nest)
{
	pk2d_group top = { "pokja_1", NULL, "Pokja I", NULL };
	pk2d_group sub = { "p1", "pokja_1", "Penghayatan Pancasila", "Pancasila" };
	pk2d_indicator d = { .id = "in_p1", .label_id = "x", .kind = PK2D_COUNT, .group = "p1" };
	pk2d_indicator plain = { .id = "plain", .label_id = "x", .kind = PK2D_COUNT,
	                         .group = "SMP" };
	const reg_group *g;

	ck_assert_int_eq(registry_declare_group(r, "pl", &top, err, sizeof err), 0);
	ck_assert_int_eq(registry_declare_group(r, "pl", &sub, err, sizeof err), 0);
	ck_assert_int_eq(registry_declare_indicator(r, "pl", NULL, &d, err, sizeof err), 0);
	ck_assert_int_eq(registry_declare_indicator(r, "pl", NULL, &plain, err, sizeof err), 0);
	g = registry_group_of(r, registry_find_indicator(r, "pl.in_p1"));
	ck_assert_ptr_nonnull(g);
	ck_assert_str_eq(g->label_en, "Pancasila");
	ck_assert_int_eq(g->depth, 1);
	ck_assert_str_eq(g->parent->label_en, "Pokja I");
	ck_assert_ptr_null(registry_group_of(r, registry_find_indicator(r, "pl.plain")));
	ck_assert_ptr_null(registry_group_of(r, registry_find_indicator(r, "pl.stunting")));
	ck_assert_uint_eq(registry_n_groups(r), 2);
	/* Another plugin's group of the same id is its own. */
	ck_assert_int_eq(registry_declare_group(r, "other", &top, err, sizeof err), 0);
	ck_assert_int_eq(registry_declare_group(r, "pl", &top, err, sizeof err),
	                 PK2D_ERR_DUPLICATE);
}
END_TEST

START_TEST(groups_depth)
{
	char id[PK2D_GROUP_DEPTH + 1][8];
	for (int i = 0; i <= PK2D_GROUP_DEPTH; i++) {
		snprintf(id[i], sizeof id[i], "g%d", i);
		pk2d_group g = { id[i], i ? id[i - 1] : NULL, "G", NULL };
		int rc = registry_declare_group(r, "pl", &g, err, sizeof err);
		ck_assert_int_eq(rc, i < PK2D_GROUP_DEPTH ? 0 : PK2D_ERR_INVALID);
	}
	ck_assert_ptr_nonnull(strstr(err, "deeper"));
}
END_TEST

START_TEST(table_rules_roll_up)
{
	static const pk2d_table_column cols[] = {
		{ "n", NULL, PK2D_CELL_COUNT, 0 }, { "Mean", NULL, PK2D_CELL_MEAN, 2 },
		{ "SD", NULL, PK2D_CELL_SD, 2 }, { "%", NULL, PK2D_CELL_PERCENT, 1 },
		{ "Sum", NULL, PK2D_CELL_SUM, 0 }, { NULL, NULL, 0, 0 } };
	static const pk2d_table_cell cells[] = { { "mean_z", NULL }, { "mean_z", NULL },
	                                         { "mean_z", "meansq_z" }, { "stunting", NULL },
	                                         { "children", NULL } };
	static const pk2d_table_row rows[] = { { "TB/U", NULL, cells }, { NULL, NULL, NULL } };
	pk2d_table t = { .id = "quality", .title_id = "Mutu", .columns = cols, .rows = rows };
	const reg_table *x;

	ck_assert_msg(registry_declare_table(r, "pl", "Dinas", &t, err, sizeof err) == 0, "%s",
	              err);
	ck_assert_uint_eq(registry_n_tables(r), 1);
	x = registry_table_at(r, 0);
	ck_assert_str_eq(x->title_en, "Mutu");
	ck_assert_str_eq(x->rows_label_id, "");
	/* Village A: z = -1, -3 (sum -4, sumsq 10, n 2); village B: z = 0, n 1. */
	put("mean_z", VA, -4, 2);
	put("meansq_z", VA, 10, 2);
	put("stunting", VA, 1, 2);
	put("children", VA, 2, 1);
	put("mean_z", VB, 0, 1);
	put("meansq_z", VB, 0, 1);
	put("stunting", VB, 0, 1);
	put("children", VB, 1, 1);
	registry_rollup(r);
	ck_assert(reg_table_cell_value(r, x, 0, 0, VA, "2024") == 2);
	ck_assert(reg_table_cell_value(r, x, 0, 1, VA, "2024") == -2);
	ck_assert_double_eq_tol(reg_table_cell_value(r, x, 0, 2, VA, "2024"), sqrt(2), 1e-12);
	ck_assert(reg_table_cell_value(r, x, 0, 3, VA, "2024") == 50);
	/* One value: no SD. */
	ck_assert(isnan(reg_table_cell_value(r, x, 0, 2, VB, "2024")));
	/* The kecamatan from the sums: z = -1, -3, 0. */
	ck_assert(reg_table_cell_value(r, x, 0, 0, "63.02.09", "2024") == 3);
	ck_assert_double_eq_tol(reg_table_cell_value(r, x, 0, 1, "63.02.09", "2024"), -4.0 / 3,
	                        1e-12);
	ck_assert_double_eq_tol(reg_table_cell_value(r, x, 0, 2, "63.02.09", "2024"),
	                        sqrt((10 - 16.0 / 3) / 2), 1e-12);
	ck_assert_double_eq_tol(reg_table_cell_value(r, x, 0, 3, "63.02.09", "2024"), 100.0 / 3,
	                        1e-12);
	ck_assert(reg_table_cell_value(r, x, 0, 4, "63.02.09", "2024") == 3);
	ck_assert(isnan(reg_table_cell_value(r, x, 0, 0, "63.02.10", "2024")));
}
END_TEST

/* Declarations the registry refuses, each with its reason. */
static const struct bad_display {
	pk2d_display d;
	int rc;
	const char *why;
} bad_displays[] = {
	{ { "nope", 0, 0, NULL, NULL }, PK2D_ERR_UNKNOWN_ID, "not an indicator" },
	{ { "stunting", 0, 0, bands, NULL }, PK2D_ERR_INVALID, "classes_source" },
	{ { "stunting", 0, 0, bands + 2, "s" }, PK2D_ERR_INVALID, "at least two" },
	{ { "stunting", 0, 0, (const pk2d_class[]){ { 0, "a", "a", NULL }, { 5, "b", "b", NULL },
	                                           { 5, "c", "c", NULL }, { 0, NULL, NULL, NULL } },
	    "s" }, PK2D_ERR_INVALID, "lower bound" },
	{ { "stunting", 0, 0, (const pk2d_class[]){ { 0, "a", "a", NULL }, { 5, "B", "b", NULL },
	                                           { 0, NULL, NULL, NULL } },
	    "s" }, PK2D_ERR_INVALID, "class id 'B'" },
	{ { "stunting", 0, 0, (const pk2d_class[]){ { 0, "a", "a", NULL }, { 5, "b", "", NULL },
	                                           { 0, NULL, NULL, NULL } },
	    "s" }, PK2D_ERR_INVALID, "no label" },
};

START_TEST(display_refused)
{
	const struct bad_display *b = &bad_displays[_i];

	ck_assert_int_eq(registry_declare_display(r, "pl", &b->d, err, sizeof err), b->rc);
	ck_assert_msg(strstr(err, b->why), "'%s' lacks '%s'", err, b->why);
}
END_TEST

START_TEST(table_refused)
{
	static const pk2d_table_column cols[] = { { "SD", NULL, PK2D_CELL_SD, 2 },
	                                          { NULL, NULL, 0, 0 } };
	static const pk2d_table_column bad_rule[] = { { "x", NULL, 5, 2 }, { NULL, NULL, 0, 0 } };
	static const pk2d_table_cell no_squares[] = { { "mean_z", NULL } };
	static const pk2d_table_cell unknown[] = { { "nope", NULL } };
	static const pk2d_table_row rows1[] = { { "r", NULL, no_squares }, { NULL, NULL, NULL } };
	static const pk2d_table_row rows2[] = { { "r", NULL, unknown }, { NULL, NULL, NULL } };
	pk2d_table t = { .id = "q", .title_id = "Q", .columns = cols, .rows = rows1 };

	ck_assert_int_eq(registry_declare_table(r, "pl", NULL, &t, err, sizeof err),
	                 PK2D_ERR_UNKNOWN_ID);
	t.rows = rows2;
	ck_assert_int_eq(registry_declare_table(r, "pl", NULL, &t, err, sizeof err),
	                 PK2D_ERR_UNKNOWN_ID);
	ck_assert_ptr_nonnull(strstr(err, "'nope'"));
	t.columns = bad_rule;
	ck_assert_int_eq(registry_declare_table(r, "pl", NULL, &t, err, sizeof err),
	                 PK2D_ERR_INVALID);
	t.columns = cols;
	t.rows = NULL;
	ck_assert_int_eq(registry_declare_table(r, "pl", NULL, &t, err, sizeof err),
	                 PK2D_ERR_INVALID);
	t.title_id = NULL;
	ck_assert_int_eq(registry_declare_table(r, "pl", NULL, &t, err, sizeof err),
	                 PK2D_ERR_INVALID);
	ck_assert_uint_eq(registry_n_tables(r), 0);
}
END_TEST

static Suite *display_suite(void)
{
	Suite *s = suite_create("display");
	TCase *t = tcase_create("core");

	tcase_add_checked_fixture(t, setup, teardown);
	tcase_add_test(t, classes_at_the_cut_offs);
	tcase_add_test(t, groups_nest);
	tcase_add_test(t, groups_depth);
	tcase_add_test(t, table_rules_roll_up);
	tcase_add_loop_test(t, display_refused, 0, sizeof bad_displays / sizeof bad_displays[0]);
	tcase_add_test(t, table_refused);
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(display_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? 1 : 0;
}
