/*
 * check_assess.c - the combined assessment of a small hand-worked kecamatan.
 *
 * Every expected number below is worked out in the comments from the
 * formulas of docs/model.md, not taken from the program.
 *
 * Model (written to a temporary file by the test):
 *   attention 75, worst 3; IKK categories hi [75,100], mid [50,75), lo [0,50)
 *   household: baik [75,100] = family.kk_baik, kurang [0,75) (no indicator)
 *   dimension a, weight 0.5: A1 = family.a1 (w 1), A2 = family.a2 (w 3),
 *                            A3 = health.kk_free_of_stunting (w 1, target
 *                            2023:95 2025:90 2029:92: the run's 2024 takes
 *                            the next later year's, 90 of 2025)
 *   dimension b, weight 0.3: B1 = family.b1
 *   dimension c, weight 0.2: C1 = family.c1, C2 = family.c2
 *
 * Data, village 63.02.09.2007 (RT 1, 2, 3) and 63.02.09.2008 (no RT):
 *
 *   indicator                  RT1     RT2    RT3   2007 (sum)     2008 (rt 0)
 *   family.a1                  8/10    3/5    -     11/15 = 73.33  5/10
 *   family.a2                  9/10    4/5    -     13/15 = 86.67  10/10
 *   health.kk_free_of_stunting 3/5     5/5    -     8/10  = 80     -
 *   family.b1                  6/10    1/5    -     7/15  = 46.67  -
 *   family.c1                  10/10   4/5    -     14/15 = 93.33  -
 *   family.c2                  declared, never reported (no applicable KK)
 *   family.kk (count)          10      5      4     19             10
 *   family.kk_baik             6/10    2/5    -     8/15  = 53.33  -
 *   health.stunting (lower,    2/10    -      -     2/10  = 20     -
 *     target 14.2, not in the model)
 *   health.imunisasi (target   7/10    4/5    -     11/15 = 73.33  -
 *     90, not in the model)
 *   health.akta (target 95)    18/20   -      -     18/20 = 90     -
 *   health.asi (target 60)     6/10    -      -     6/10  = 60     -
 *
 * Village 2007, whole area:
 *   a = (1*220/3 + 3*260/3 + 1*80) / 5 = (1240/3) / 5 = 248/3 = 82.667
 *   b = 140/3 = 46.667
 *   c = 280/3 = 93.333 (C2 left out: no data)
 *   IKK = 0.5*248/3 + 0.3*140/3 + 0.2*280/3 = (124 + 42 + 56)/3 = 74 -> mid
 *   (a mean of RT percentages would give A1 = (80 + 60)/2 = 70, not 73.33)
 * RT 1: a = (80 + 3*90 + 60)/5 = 82, b = 60, c = 100
 *       IKK = 41 + 18 + 20 = 79 -> hi
 * RT 2: a = (60 + 3*80 + 100)/5 = 80, b = 20, c = 80
 *       IKK = 40 + 6 + 16 = 62 -> mid
 * RT 3: nothing but the KK count: every dimension missing, no IKK.
 *
 * Problems of 2007 (score under 75 or off target), ranked by KK affected:
 *   1. B1: 7/15, affected 15 - 7 = 8, gap 75 - 46.667 = 28.333;
 *      worst RT2 (20), RT1 (60); no intervention aims at it.
 *   2. A1: 11/15, affected 4, gap 75 - 73.333 = 1.667; worst RT2 (60), RT1 (80);
 *      interventions kelas_parenting (DP3A: target 0, realised 3, coverage
 *      none) and sosialisasi (nothing reported).
 *   3. A3: 80, not under 75 but under its target 90: affected 10 - 8 = 2,
 *      target gap 10; worst RT1 (60), RT2 (100); intervention pmt_balita
 *      (Dinas Kesehatan: target 20, realised 15, coverage 75).
 *
 * Agency tables of 2007:
 *   health.kk_free_of_stunting: target 90 (the model's), realisasi 80,
 *     capaian 80/90*100 = 88.889 -> Baik (76 <= c < 91)
 *   health.stunting (lower is better): target 14.2, realisasi 20,
 *     capaian (2*14.2 - 20)/14.2*100 = 8.4/14.2*100 = 59.155 -> Kurang
 *
 * Agency problems of 2007 (indicators outside the model off their targets),
 * ranked by relative gap = 100 * |value - target| / target:
 *   1. health.stunting: 20 vs 14.2 (lower is better): gap 5.8, relative
 *      40.845; to change 2 - floor(14.2% of 10 = 1.42) = 1 child, found in
 *      RT1 (2 stunted); worst RT1 (20); intervention bantuan_pangan (Dinas
 *      Sosial: target 10, realised 8, coverage 80).
 *   2. health.imunisasi: 73.333 vs 90: gap 16.667, relative 18.519; to
 *      change ceil(90% of 15 = 13.5) - 11 = 3, all three in RT1 (3 missing;
 *      RT2 misses 1); worst RT1 (70), RT2 (80); no intervention.
 *   3. health.akta: 90 vs 95: gap 5, relative 5.263; to change ceil(19) - 18
 *      = 1; capaian 94.74 "Sangat Baik" yet off target: amber, never green.
 *   Not problems: health.asi, 60 exactly at its target 60 (green), and
 *   health.kk_free_of_stunting, a model indicator (problem A3 above).
 *
 * Planner of the model's problems of 2007 (KK to change, where):
 *   B1: ceil(75% of 15 = 11.25) - 7 = 5: RT1 4 (of 4 missing), RT2 1 (of 4;
 *       equal counts go by place: RT1 first)
 *   A1: 12 - 11 = 1: RT1 1 (of 2)
 *   A3: ceil(90% of 10) - 8 = 1: RT1 1 (of 2)
 * IKK plan: IKK 74 (mid), next category hi from 75: 1 point needed. Gain
 *   per changed KK = 100 * w_dim * w_ind / (sum of the dimension's weights
 *   with data * den): A1 50/75 = 0.667 (4 KK), A2 150/75 = 2 (2 KK), A3
 *   50/50 = 1 (2 KK), B1 30/15 = 2 (8 KK), C1 20/15 = 1.333 (1 KK). Largest
 *   first, equal gains by code: A2, one change (+2) -> 76: 1 change.
 *   Every problem at its line and target: A1 75, A3 90, B1 75:
 *   a = (75 + 260 + 90)/5 = 85; IKK = 42.5 + 22.5 + 56/3 = 83.667 -> hi.
 *
 * Village 2008: only A1 and A2 have data: dimensions b and c missing, no IKK.
 *
 * Kecamatan 63.02.09: A1 = 16/25 = 64, A2 = 23/25 = 92, A3 = 80, B1 = 46.667,
 *   C1 = 93.333: a = (64 + 3*92 + 80)/5 = 84, IKK = 42 + 14 + 18.667 = 74.667
 *   -> mid; its parts are the villages 2007 (74) and 2008 (none).
 */
#include <config.h>

#include <check.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "agency_problems.h"
#include "assess.h"
#include "display.h"
#include "evaluate.h"
#include "planner.h"

#define V1 "63.02.09.2007"
#define V2 "63.02.09.2008"
#define KEC "63.02.09"
#define TOL 1e-9

static char tmpdir[256];
static char errors[4096];
static registry *reg;
static model *mdl;

/* Joins the messages of l into errors and frees l. */
static void take(msglist *l)
{
	errors[0] = '\0';
	for (size_t i = 0; i < l->n; i++) {
		strncat(errors, l->items[i], sizeof errors - strlen(errors) - 2);
		strcat(errors, "\n");
	}
	msglist_free(l);
}

static const char *model_text =
	"[model]\n"
	"name = Test\nsource = test\nstatus = working\nstatement = test\n"
	"attention = 75\nworst = 3\n"
	"[profile]\nkk = family.kk\n"
	"[category.ikk.hi]\nfrom = 75\nto = 100\nlabel_id = Tinggi\n"
	"[category.ikk.mid]\nfrom = 50\nto = 75\nlabel_id = Sedang\n"
	"[category.ikk.lo]\nfrom = 0\nto = 50\nlabel_id = Rendah\n"
	"[category.household.baik]\nfrom = 75\nto = 100\nlabel_id = Baik\n"
	"indicator = family.kk_baik\n"
	"[category.household.kurang]\nfrom = 0\nto = 75\nlabel_id = Kurang\n"
	"[dimension.a]\nlabel_id = A\nweight = 0.5\n"
	"indicator.A1 = family.a1\nindicator.A2 = family.a2\n"
	"indicator.A3 = health.kk_free_of_stunting\nweight.A2 = 3\n"
	"target.A3 = 2023:95 2025:90 2029:92\n"
	"[dimension.b]\nlabel_id = B\nweight = 0.3\nindicator.B1 = family.b1\n"
	"[dimension.c]\nlabel_id = C\nweight = 0.2\n"
	"indicator.C1 = family.c1\nindicator.C2 = family.c2\n";

static void declare(const char *plugin, const char *agency, const char *id, int kind,
                    int direction, int has_target, double target)
{
	char err[256];
	pk2d_indicator d = {
		.id = id, .label_id = id, .kind = kind, .direction = direction,
		.has_target = has_target, .target = target,
	};

	ck_assert_msg(registry_declare_indicator(reg, plugin, agency, &d, err, sizeof err) == 0,
	              "%s", err);
}

static void value(const char *plugin, const char *id, const char *area, int rt, double num,
                  double den)
{
	char err[256];
	pk2d_value v = {
		.indicator = id, .area = area, .rt = rt, .numerator = num, .denominator = den,
	};

	ck_assert_msg(registry_add_value(reg, plugin, "2024", &v, err, sizeof err) == 0, "%s", err);
}

static void intervention(const char *plugin, const char *agency, const char *id,
                         const char *const *aims)
{
	char err[256];
	pk2d_intervention d = { .id = id, .label_id = id, .aims = aims, .unit = "KK" };

	ck_assert_msg(registry_declare_intervention(reg, plugin, agency, &d, err, sizeof err) == 0,
	              "%s", err);
}

static void ivalue(const char *plugin, const char *id, double target, double realised)
{
	char err[256];
	pk2d_intervention_value v = {
		.intervention = id, .area = V1, .rt = 0, .target = target, .realised = realised,
	};

	ck_assert_msg(registry_add_intervention_value(reg, plugin, "2024", &v, err,
	                                              sizeof err) == 0, "%s", err);
}

static void setup(void)
{
	static const char *const aims_a1[] = { "family.a1", NULL };
	static const char *const aims_a3[] = { "kk_free_of_stunting", NULL };
	static const char *const aims_stunting[] = { "health.stunting", NULL };
	char path[512];
	FILE *f;

	errors[0] = '\0';
	strcpy(tmpdir, "/tmp/check_assess.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
	snprintf(path, sizeof path, "%s/model.ini", tmpdir);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(model_text, f);
	fclose(f);
	{
		msglist l = { 0 };
		int rc = model_load(path, &mdl, &l);

		take(&l);
		ck_assert_msg(rc == 0, "%s", errors);
	}

	reg = registry_new();
	ck_assert_ptr_nonnull(reg);
	declare("family", "DP3A", "a1", PK2D_PROPORTION, PK2D_HIGHER_IS_BETTER, 0, 0);
	declare("family", "DP3A", "a2", PK2D_PROPORTION, PK2D_HIGHER_IS_BETTER, 0, 0);
	declare("family", "DP3A", "b1", PK2D_PROPORTION, PK2D_HIGHER_IS_BETTER, 0, 0);
	declare("family", "DP3A", "c1", PK2D_PROPORTION, PK2D_HIGHER_IS_BETTER, 0, 0);
	declare("family", "DP3A", "c2", PK2D_PROPORTION, PK2D_HIGHER_IS_BETTER, 0, 0);
	declare("family", "DP3A", "kk", PK2D_COUNT, PK2D_NEUTRAL, 0, 0);
	declare("family", "DP3A", "kk_baik", PK2D_PROPORTION, PK2D_HIGHER_IS_BETTER, 0, 0);
	/* The indicator of another plugin, as the health plugin declares it. */
	declare("health", "Dinas Kesehatan", "kk_free_of_stunting", PK2D_PROPORTION,
	        PK2D_HIGHER_IS_BETTER, 0, 0);
	declare("health", "Dinas Kesehatan", "stunting", PK2D_PROPORTION, PK2D_LOWER_IS_BETTER,
	        1, 14.2);
	declare("health", "Dinas Kesehatan", "imunisasi", PK2D_PROPORTION, PK2D_HIGHER_IS_BETTER,
	        1, 90);
	declare("health", "Dinas Kesehatan", "akta", PK2D_PROPORTION, PK2D_HIGHER_IS_BETTER, 1, 95);
	declare("health", "Dinas Kesehatan", "asi", PK2D_PROPORTION, PK2D_HIGHER_IS_BETTER, 1, 60);
	intervention("family", "DP3A", "kelas_parenting", aims_a1);
	intervention("family", "DP3A", "sosialisasi", aims_a1);
	intervention("health", "Dinas Kesehatan", "pmt_balita", aims_a3);
	intervention("social", "Dinas Sosial", "bantuan_pangan", aims_stunting);

	value("family", "a1", V1, 1, 8, 10);
	value("family", "a1", V1, 2, 3, 5);
	value("family", "a2", V1, 1, 9, 10);
	value("family", "a2", V1, 2, 4, 5);
	value("health", "kk_free_of_stunting", V1, 1, 3, 5);
	value("health", "kk_free_of_stunting", V1, 2, 5, 5);
	value("family", "b1", V1, 1, 6, 10);
	value("family", "b1", V1, 2, 1, 5);
	value("family", "c1", V1, 1, 10, 10);
	value("family", "c1", V1, 2, 4, 5);
	value("family", "kk", V1, 1, 10, 1);
	value("family", "kk", V1, 2, 5, 1);
	value("family", "kk", V1, 3, 4, 1);
	value("family", "kk_baik", V1, 1, 6, 10);
	value("family", "kk_baik", V1, 2, 2, 5);
	value("health", "stunting", V1, 1, 2, 10);
	value("health", "imunisasi", V1, 1, 7, 10);
	value("health", "imunisasi", V1, 2, 4, 5);
	value("health", "akta", V1, 1, 18, 20);
	value("health", "asi", V1, 1, 6, 10);
	value("family", "a1", V2, 0, 5, 10);
	value("family", "a2", V2, 0, 10, 10);
	value("family", "kk", V2, 0, 10, 1);
	ivalue("family", "kelas_parenting", 0, 3);
	ivalue("health", "pmt_balita", 20, 15);
	ivalue("social", "bantuan_pangan", 10, 8);
	registry_rollup(reg);
}

static void teardown(void)
{
	char cmd[300];

	model_free(mdl);
	registry_free(reg);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	ck_assert_int_eq(system(cmd), 0);
}

static assessment *run(const char *area)
{
	assessment *as = NULL;
	char err[256];

	ck_assert_msg(assess_run(mdl, reg, NULL, area, "2024", &as, err, sizeof err) == 0, "%s",
	              err);
	return as;
}

static const assess_indicator *ind(const assess_score *s, size_t d, size_t i)
{
	return &s->dimensions[d].indicators[i];
}

START_TEST(village_index)
{
	assessment *as = run(V1);
	const assess_score *s = &as->main->score;

	ck_assert_int_eq(s->rt, RT_ALL);
	/* Indicators: sums of numerators and denominators. */
	ck_assert_double_eq(ind(s, 0, 0)->num, 11);
	ck_assert_double_eq(ind(s, 0, 0)->den, 15);
	ck_assert_double_eq_tol(ind(s, 0, 0)->value, 220.0 / 3, TOL);
	ck_assert_double_eq_tol(ind(s, 0, 1)->value, 260.0 / 3, TOL);
	ck_assert_double_eq_tol(ind(s, 0, 2)->value, 80, TOL);
	ck_assert_double_eq_tol(ind(s, 1, 0)->value, 140.0 / 3, TOL);
	ck_assert_double_eq_tol(ind(s, 2, 0)->value, 280.0 / 3, TOL);
	/* C2: declared, never reported: left out of dimension c. */
	ck_assert_int_eq(ind(s, 2, 1)->missing, ASSESS_NOT_REPORTED);
	ck_assert_int_eq(ind(s, 2, 1)->status, ASSESS_NO_DATA);
	ck_assert(isnan(ind(s, 2, 1)->value));
	ck_assert_uint_eq(s->dimensions[2].n_available, 1);
	/* Dimensions and index. */
	ck_assert_double_eq_tol(s->dimensions[0].value, 248.0 / 3, TOL);
	ck_assert_double_eq_tol(s->dimensions[1].value, 140.0 / 3, TOL);
	ck_assert_double_eq_tol(s->dimensions[2].value, 280.0 / 3, TOL);
	ck_assert_uint_eq(s->n_missing_dimensions, 0);
	ck_assert_double_eq_tol(s->ikk, 74, TOL);
	ck_assert_str_eq(s->category->key, "mid");
	/* Status against the attention line and the target. */
	ck_assert_int_eq(ind(s, 0, 0)->status, ASSESS_ATTENTION);
	ck_assert_int_eq(ind(s, 0, 1)->status, ASSESS_GOOD);
	ck_assert_int_eq(ind(s, 0, 2)->status, ASSESS_OFF_TARGET);
	ck_assert_int_eq(ind(s, 0, 2)->below_attention, 0);
	ck_assert_int_eq(ind(s, 0, 2)->off_target, 1);
	ck_assert_int_eq(ind(s, 1, 0)->status, ASSESS_ATTENTION);
	ck_assert_ptr_eq(ind(s, 0, 2)->decl, registry_find_indicator(reg,
	                 "health.kk_free_of_stunting"));
	assess_free(as);
}
END_TEST

START_TEST(village_rts)
{
	assessment *as = run(V1);
	const assess_area *aa = as->main;

	/* RT 1, 2, 3; no rows without RT. */
	ck_assert_uint_eq(aa->n_parts, 3);
	ck_assert_int_eq(aa->parts[0].rt, 1);
	ck_assert_double_eq_tol(aa->parts[0].dimensions[0].value, 82, TOL);
	ck_assert_double_eq_tol(aa->parts[0].ikk, 79, TOL);
	ck_assert_str_eq(aa->parts[0].category->key, "hi");
	ck_assert_int_eq(aa->parts[1].rt, 2);
	ck_assert_double_eq_tol(aa->parts[1].dimensions[0].value, 80, TOL);
	ck_assert_double_eq_tol(aa->parts[1].dimensions[1].value, 20, TOL);
	ck_assert_double_eq_tol(aa->parts[1].ikk, 62, TOL);
	ck_assert_str_eq(aa->parts[1].category->key, "mid");
	/* RT 3 has only its KK count: nothing to compute, nothing made zero. */
	ck_assert_int_eq(aa->parts[2].rt, 3);
	ck_assert_uint_eq(aa->parts[2].n_missing_dimensions, 3);
	ck_assert(isnan(aa->parts[2].ikk));
	ck_assert_ptr_null(aa->parts[2].category);
	ck_assert(isnan(aa->parts[2].dimensions[0].value));
	ck_assert_int_eq(aa->parts[2].dimensions[0].indicators[0].missing, ASSESS_NOT_REPORTED);
	assess_free(as);
}
END_TEST

START_TEST(village_profile)
{
	assessment *as = run(V1);
	const assess_profile *p = &as->main->profile;

	ck_assert_uint_eq(p->n_up, 4);
	ck_assert_str_eq(p->up[0].code, "63");
	ck_assert_str_eq(p->up[2].code, KEC);
	ck_assert_str_eq(p->up[3].code, V1);
	ck_assert_ptr_null(p->up[3].name);          /* no code table given */
	ck_assert_uint_eq(p->n_villages, 1);
	ck_assert_uint_eq(p->n_rt, 3);
	ck_assert_double_eq(p->kk, 19);
	ck_assert(isnan(p->male));                   /* the model names no source */
	ck_assert_uint_eq(p->n_agencies, 3);
	ck_assert_str_eq(p->agencies[0], "DP3A");
	ck_assert_str_eq(p->agencies[1], "Dinas Kesehatan");
	ck_assert_str_eq(p->agencies[2], "Dinas Sosial");   /* its intervention reported */
	ck_assert_str_eq(p->period, "2024");
	/* Household categories: baik 8/15; kurang has no indicator. */
	ck_assert_uint_eq(as->main->n_household, 2);
	ck_assert_str_eq(as->main->household[0].range->key, "baik");
	ck_assert_double_eq_tol(as->main->household[0].value, 160.0 / 3, TOL);
	ck_assert(isnan(as->main->household[1].value));
	assess_free(as);
}
END_TEST

START_TEST(village_problems)
{
	assessment *as = run(V1);
	const assess_area *aa = as->main;
	const assess_problem *p;

	ck_assert_uint_eq(aa->n_problems, 3);
	/* 1. B1, 8 KK affected, no intervention. */
	p = &aa->problems[0];
	ck_assert_str_eq(p->indicator->model->code, "B1");
	ck_assert_str_eq(p->dimension->model->key, "b");
	ck_assert_double_eq(p->affected, 8);
	ck_assert_double_eq_tol(p->attention_gap, 75 - 140.0 / 3, TOL);
	ck_assert_double_eq(p->target_gap, 0);
	ck_assert_uint_eq(p->n_worst, 2);
	ck_assert_int_eq(p->worst[0].rt, 2);
	ck_assert_double_eq_tol(p->worst[0].value, 20, TOL);
	ck_assert_int_eq(p->worst[1].rt, 1);
	ck_assert_uint_eq(p->n_actions, 0);
	/* 2. A1, 4 KK, two interventions. */
	p = &aa->problems[1];
	ck_assert_str_eq(p->indicator->model->code, "A1");
	ck_assert_double_eq(p->affected, 4);
	ck_assert_double_eq_tol(p->attention_gap, 75 - 220.0 / 3, TOL);
	ck_assert_int_eq(p->worst[0].rt, 2);
	ck_assert_double_eq_tol(p->worst[0].value, 60, TOL);
	ck_assert_uint_eq(p->n_actions, 2);
	ck_assert_str_eq(p->actions[0].decl->full_id, "family.kelas_parenting");
	ck_assert_int_eq(p->actions[0].has_data, 1);
	ck_assert_double_eq(p->actions[0].realised, 3);
	ck_assert(isnan(p->actions[0].coverage));   /* target 0 */
	ck_assert_str_eq(p->actions[1].decl->full_id, "family.sosialisasi");
	ck_assert_int_eq(p->actions[1].has_data, 0);
	ck_assert(isnan(p->actions[1].coverage));
	/* 3. A3 from the health plugin: off its target, 2 KK. */
	p = &aa->problems[2];
	ck_assert_str_eq(p->indicator->model->code, "A3");
	ck_assert_double_eq(p->affected, 2);
	ck_assert_double_eq(p->attention_gap, 0);
	ck_assert_double_eq_tol(p->target_gap, 10, TOL);
	ck_assert_int_eq(p->indicator->target_year, 2025);
	ck_assert_int_eq(p->worst[0].rt, 1);
	ck_assert_double_eq_tol(p->worst[0].value, 60, TOL);
	ck_assert_uint_eq(p->n_actions, 1);
	ck_assert_str_eq(p->actions[0].decl->agency, "Dinas Kesehatan");
	ck_assert_double_eq(p->actions[0].target, 20);
	ck_assert_double_eq_tol(p->actions[0].coverage, 75, TOL);
	assess_free(as);
}
END_TEST

static const assess_row *row_of(const assess_area *aa, const char *agency, const char *id)
{
	for (size_t i = 0; i < aa->n_agencies; i++) {
		if (strcmp(aa->agencies[i].agency, agency) != 0)
			continue;
		for (size_t j = 0; j < aa->agencies[i].n_rows; j++)
			if (strcmp(aa->agencies[i].rows[j].decl->full_id, id) == 0)
				return &aa->agencies[i].rows[j];
	}
	return NULL;
}

START_TEST(agency_tables)
{
	assessment *as = run(V1);
	const assess_area *aa = as->main;
	const assess_row *r;

	ck_assert_uint_eq(aa->n_agencies, 3);
	ck_assert_str_eq(aa->agencies[0].agency, "DP3A");
	ck_assert_uint_eq(aa->agencies[0].n_rows, 7);
	ck_assert_uint_eq(aa->agencies[0].n_actions, 2);
	ck_assert_uint_eq(aa->agencies[1].n_actions, 1);
	r = row_of(aa, "Dinas Kesehatan", "health.kk_free_of_stunting");
	ck_assert_ptr_nonnull(r);
	ck_assert_int_eq(r->has_target, 1);
	ck_assert_double_eq(r->target, 90);
	ck_assert_int_eq(r->target_year, 2025);
	ck_assert_double_eq_tol(r->value, 80, TOL);
	ck_assert_double_eq_tol(r->capaian, 8000.0 / 90, TOL);
	ck_assert_str_eq(r->category->key, "baik");
	r = row_of(aa, "Dinas Kesehatan", "health.stunting");
	ck_assert_double_eq_tol(r->capaian, (2 * 14.2 - 20) / 14.2 * 100, TOL);
	ck_assert_str_eq(r->category->key, "kurang");
	/* A count without target: no capaian, no category. */
	r = row_of(aa, "DP3A", "family.kk");
	ck_assert_double_eq(r->value, 19);
	ck_assert(isnan(r->capaian));
	ck_assert_ptr_null(r->category);
	/* Declared, nothing reported: no value. */
	r = row_of(aa, "DP3A", "family.c2");
	ck_assert_int_eq(r->has_value, 0);
	ck_assert(isnan(r->value));
	assess_free(as);
}
END_TEST

/* The status beside the capaian, and the one colour rule. */
START_TEST(status_and_colour)
{
	assessment *as = run(V1);
	const assess_area *aa = as->main;
	const assess_row *r;

	r = row_of(aa, "Dinas Kesehatan", "health.akta");
	ck_assert_str_eq(r->category->key, "sangat_baik");
	ck_assert_int_eq(r->off_target, 1);
	ck_assert_int_eq(r->status, ASSESS_OFF_TARGET);
	ck_assert_int_eq(r->colour, ASSESS_AMBER);
	r = row_of(aa, "Dinas Kesehatan", "health.imunisasi");
	ck_assert_str_eq(r->category->key, "baik");
	ck_assert_int_eq(r->colour, ASSESS_AMBER);
	r = row_of(aa, "Dinas Kesehatan", "health.stunting");
	ck_assert_int_eq(r->status, ASSESS_OFF_TARGET);
	ck_assert_int_eq(r->colour, ASSESS_RED);            /* Kurang */
	r = row_of(aa, "Dinas Kesehatan", "health.asi");   /* exactly at its target */
	ck_assert_int_eq(r->off_target, 0);
	ck_assert_int_eq(r->status, ASSESS_GOOD);
	ck_assert_int_eq(r->colour, ASSESS_GREEN);
	r = row_of(aa, "Dinas Kesehatan", "health.kk_free_of_stunting"); /* the model's rule */
	ck_assert_int_eq(r->status, ASSESS_OFF_TARGET);
	ck_assert_int_eq(r->colour, ASSESS_AMBER);
	r = row_of(aa, "DP3A", "family.b1");                /* under the line */
	ck_assert_int_eq(r->status, ASSESS_ATTENTION);
	ck_assert_int_eq(r->colour, ASSESS_RED);
	r = row_of(aa, "DP3A", "family.kk");                /* no line, no target */
	ck_assert_int_eq(r->status, -1);
	ck_assert_int_eq(r->colour, -1);
	assess_free(as);
}
END_TEST

START_TEST(agency_problems)
{
	assessment *as = run(V1);
	const assess_area *aa = as->main;
	const assess_agency_problem *p;

	ck_assert_uint_eq(aa->n_agency_problems, 3);
	p = &aa->agency_problems[0];
	ck_assert_str_eq(p->row->decl->full_id, "health.stunting");
	ck_assert_str_eq(p->agency, "Dinas Kesehatan");
	ck_assert_double_eq_tol(p->gap, 5.8, TOL);
	ck_assert_double_eq_tol(p->relative_gap, 5.8 / 14.2 * 100, TOL);
	ck_assert_double_eq(p->to_change, 1);
	ck_assert_uint_eq(p->n_steps, 1);
	ck_assert_int_eq(p->steps[0].rt, 1);
	ck_assert_double_eq(p->steps[0].affected, 2);
	ck_assert_double_eq(p->steps[0].take, 1);
	ck_assert_uint_eq(p->n_worst, 1);
	ck_assert_double_eq_tol(p->worst[0].value, 20, TOL);
	ck_assert_uint_eq(p->n_actions, 1);
	ck_assert_str_eq(p->actions[0].decl->full_id, "social.bantuan_pangan");
	ck_assert_str_eq(p->actions[0].decl->agency, "Dinas Sosial");
	ck_assert_double_eq_tol(p->actions[0].coverage, 80, TOL);
	p = &aa->agency_problems[1];
	ck_assert_str_eq(p->row->decl->full_id, "health.imunisasi");
	ck_assert_double_eq_tol(p->gap, 90 - 220.0 / 3, TOL);
	ck_assert_double_eq_tol(p->relative_gap, (90 - 220.0 / 3) / 90 * 100, TOL);
	ck_assert_double_eq(p->to_change, 3);
	ck_assert_uint_eq(p->n_steps, 1);
	ck_assert_double_eq(p->steps[0].affected, 3);
	ck_assert_double_eq(p->steps[0].take, 3);
	ck_assert_uint_eq(p->n_worst, 2);
	ck_assert_int_eq(p->worst[0].rt, 1);
	ck_assert_int_eq(p->worst[1].rt, 2);
	ck_assert_uint_eq(p->n_actions, 0);
	p = &aa->agency_problems[2];
	ck_assert_str_eq(p->row->decl->full_id, "health.akta");
	ck_assert_double_eq_tol(p->relative_gap, 500.0 / 95, TOL);
	ck_assert_double_eq(p->to_change, 1);
	assess_free(as);
}
END_TEST

/* A headline indicator (pk2d_display.headline) off its target comes first,
 * whatever its relative gap: akta (5.263) before stunting (40.845). */
START_TEST(headline_first)
{
	pk2d_display d = { .indicator = "akta", .headline = 1 };
	char err[256];
	assessment *as;

	ck_assert_msg(registry_declare_display(reg, "health", &d, err, sizeof err) == 0, "%s", err);
	as = run(V1);
	ck_assert_uint_eq(as->main->n_agency_problems, 3);
	ck_assert_str_eq(as->main->agency_problems[0].row->decl->full_id, "health.akta");
	ck_assert_int_eq(as->main->agency_problems[0].headline, 1);
	ck_assert_str_eq(as->main->agency_problems[1].row->decl->full_id, "health.stunting");
	assess_free(as);
}
END_TEST

START_TEST(planner)
{
	assessment *as = run(V1);
	const assess_area *aa = as->main;
	const assess_ikk_plan *pl = aa->ikk_plan;

	/* B1, A1, A3 as ranked in village_problems. */
	ck_assert_double_eq(aa->problems[0].to_change, 5);
	ck_assert_uint_eq(aa->problems[0].n_steps, 2);
	ck_assert_int_eq(aa->problems[0].steps[0].rt, 1);
	ck_assert_double_eq(aa->problems[0].steps[0].take, 4);
	ck_assert_int_eq(aa->problems[0].steps[1].rt, 2);
	ck_assert_double_eq(aa->problems[0].steps[1].take, 1);
	ck_assert_double_eq(aa->problems[1].to_change, 1);
	ck_assert_uint_eq(aa->problems[1].n_steps, 1);
	ck_assert_double_eq(aa->problems[2].to_change, 1);
	ck_assert_ptr_nonnull(pl);
	ck_assert_str_eq(pl->next->key, "hi");
	ck_assert_double_eq_tol(pl->needed, 1, TOL);
	ck_assert_double_eq(pl->changes, 1);
	ck_assert_uint_eq(pl->n_moves, 1);
	ck_assert_str_eq(pl->moves[0].indicator->model->code, "A2");
	ck_assert_double_eq_tol(pl->moves[0].gain, 2, TOL);
	ck_assert_double_eq(pl->moves[0].changes, 1);
	ck_assert_double_eq_tol(pl->ikk_at_lines, 42.5 + 22.5 + 56.0 / 3, TOL);
	ck_assert_str_eq(pl->category_at_lines->key, "hi");
	assess_free(as);
}
END_TEST

START_TEST(missing_dimension)
{
	assessment *as = run(V2);
	const assess_area *aa = as->main;

	/* Only A1 and A2: dimension a = (50 + 3*100)/4 = 87.5; b and c missing. */
	ck_assert_double_eq_tol(aa->score.dimensions[0].value, 87.5, TOL);
	ck_assert(isnan(aa->score.dimensions[1].value));
	ck_assert(isnan(aa->score.dimensions[2].value));
	ck_assert_uint_eq(aa->score.n_missing_dimensions, 2);
	ck_assert(isnan(aa->score.ikk));
	ck_assert_ptr_null(aa->score.category);
	/* A3 of this village: nothing reported by health. */
	ck_assert_int_eq(aa->score.dimensions[0].indicators[2].missing, ASSESS_NOT_REPORTED);
	/* The rows without an RT form the part "rt 0". */
	ck_assert_uint_eq(aa->n_parts, 1);
	ck_assert_int_eq(aa->parts[0].rt, 0);
	ck_assert_uint_eq(aa->profile.n_rt, 0);
	/* A1 = 50 is still a problem of this village. */
	ck_assert_uint_eq(aa->n_problems, 1);
	ck_assert_str_eq(aa->problems[0].indicator->model->code, "A1");
	ck_assert_double_eq(aa->problems[0].affected, 5);
	assess_free(as);
}
END_TEST

START_TEST(kecamatan)
{
	assessment *as = run(KEC);
	const assess_area *aa = as->main;

	ck_assert_int_eq(aa->level, AREA_DISTRICT);
	ck_assert_double_eq_tol(aa->score.dimensions[0].indicators[0].value, 64, TOL);
	ck_assert_double_eq_tol(aa->score.dimensions[0].value, 84, TOL);
	ck_assert_double_eq_tol(aa->score.ikk, 42 + 14 + 56.0 / 3, TOL);
	ck_assert_str_eq(aa->score.category->key, "mid");
	ck_assert_uint_eq(aa->profile.n_villages, 2);
	ck_assert_uint_eq(aa->profile.n_rt, 3);
	ck_assert_double_eq(aa->profile.kk, 29);
	/* Parts: the villages. */
	ck_assert_uint_eq(aa->n_parts, 2);
	ck_assert_str_eq(aa->parts[0].area, V1);
	ck_assert_int_eq(aa->parts[0].rt, RT_ALL);
	ck_assert_double_eq_tol(aa->parts[0].ikk, 74, TOL);
	ck_assert(isnan(aa->parts[1].ikk));
	/* Problem A1 (16/25 = 64): worst village 2008 (50), then 2007. */
	for (size_t i = 0; i < aa->n_problems; i++) {
		if (strcmp(aa->problems[i].indicator->model->code, "A1") != 0)
			continue;
		ck_assert_double_eq(aa->problems[i].affected, 9);
		ck_assert_str_eq(aa->problems[i].worst[0].area, V2);
		ck_assert_double_eq_tol(aa->problems[i].worst[0].value, 50, TOL);
	}
	/* Summary: the kecamatan, then its villages, ranked by IKK. */
	ck_assert_uint_eq(as->n_summary, 3);
	ck_assert_str_eq(as->summary[0].code, KEC);
	ck_assert_uint_eq(as->summary[0].rank, 1);
	ck_assert_str_eq(as->summary[1].code, V1);
	ck_assert_double_eq_tol(as->summary[1].ikk, 74, TOL);
	ck_assert_uint_eq(as->summary[1].rank, 1);
	ck_assert_double_eq(as->summary[1].kk, 19);
	ck_assert_str_eq(as->summary[2].code, V2);
	ck_assert_uint_eq(as->summary[2].rank, 0);
	ck_assert_uint_eq(as->summary[2].n_missing_dimensions, 2);
	assess_free(as);
}
END_TEST

/* What the step of assess_areas_compute saw: the areas in order, each
 * the one asked for; stopping with an error at stop_at. */
struct steps {
	const char *const *codes;
	size_t calls;
	size_t stop_at;
};

static int step(void *arg, size_t i, assess_area *aa)
{
	struct steps *st = arg;

	ck_assert_uint_eq(i, st->calls);
	ck_assert_str_eq(aa->code, st->codes[i]);
	st->calls++;
	return i == st->stop_at ? -7 : 0;
}

/* Many areas by threads, a step for each on the calling thread in order
 * as soon as it is assessed; the step's error stops the steps and frees
 * every assessment. */
START_TEST(many_areas_and_a_step)
{
	static const char *const pool[] = { V1, V2, KEC };
	const char *codes[40];
	assess_area *out[40];
	assessment *as = run(KEC);
	const int jobs[] = { 1, 2, 4 };

	for (size_t i = 0; i < 40; i++)
		codes[i] = pool[i % 3];
	for (size_t j = 0; j < 3; j++) {
		struct steps st = { codes, 0, SIZE_MAX };

		ck_assert_int_eq(assess_areas_compute(as, codes, 40, jobs[j], out, NULL, NULL), 0);
		for (size_t i = 0; i < 40; i++) {
			ck_assert_str_eq(out[i]->code, codes[i]);
			assess_area_free(out[i]);
		}
		ck_assert_int_eq(assess_areas_compute(as, codes, 40, jobs[j], out, step, &st), 0);
		ck_assert_uint_eq(st.calls, 40);
		for (size_t i = 0; i < 40; i++) {
			ck_assert_str_eq(out[i]->code, codes[i]);
			assess_area_free(out[i]);
		}
		st = (struct steps){ codes, 0, 5 };
		ck_assert_int_eq(assess_areas_compute(as, codes, 40, jobs[j], out, step, &st), -7);
		ck_assert_uint_eq(st.calls, 6);
		for (size_t i = 0; i < 40; i++)
			ck_assert_ptr_null(out[i]);
	}
	assess_free(as);
}
END_TEST

static const assess_summary *summary_line(const assessment *as, const char *code)
{
	for (size_t i = 0; i < as->n_summary; i++)
		if (strcmp(as->summary[i].code, code) == 0)
			return &as->summary[i];
	ck_abort_msg("%s not in the summary", code);
	return NULL;
}

/* The summary's ranks: per level, 1 + how many areas of the level have a
 * higher IKK, equal IKKs sharing a rank; 0 without an IKK. */
START_TEST(summary_ranks_ties)
{
	static const struct { const char *village; double part; } v[] = {
		{ "63.02.09.2009", 9 }, { "63.02.09.2010", 9 }, { "63.02.09.2011", 7.39 },
		{ "63.02.10.2001", 7 },
	};
	static const char *const ids[] = { "a1", "a2", "b1", "c1" };
	static const struct { const char *code; size_t rank; } want[] = {
		{ "63.02", 1 }, { V1, 3 }, { V2, 0 }, { "63.02.09.2009", 1 },
		{ "63.02.09.2010", 1 }, { "63.02.09.2011", 4 }, { "63.02.10.2001", 5 },
	};
	const assess_summary *k9, *k10;
	assessment *as;

	for (size_t i = 0; i < sizeof v / sizeof *v; i++)
		for (size_t d = 0; d < sizeof ids / sizeof *ids; d++)
			value("family", ids[d], v[i].village, 1, v[i].part, 10);
	registry_rollup(reg);
	as = run("63.02");
	for (size_t w = 0; w < sizeof want / sizeof *want; w++)
		ck_assert_msg(summary_line(as, want[w].code)->rank == want[w].rank,
		              "%s: rank %zu, not %zu", want[w].code,
		              summary_line(as, want[w].code)->rank, want[w].rank);
	ck_assert_double_eq_tol(summary_line(as, "63.02.09.2009")->ikk, 90, TOL);
	ck_assert_double_eq(summary_line(as, "63.02.09.2009")->ikk,
	                    summary_line(as, "63.02.09.2010")->ikk);
	ck_assert_double_eq_tol(summary_line(as, V1)->ikk, 74, TOL);
	ck_assert_double_eq_tol(summary_line(as, "63.02.09.2011")->ikk, 73.9, TOL);
	k9 = summary_line(as, KEC);
	k10 = summary_line(as, "63.02.10");
	ck_assert_double_eq_tol(k10->ikk, 70, TOL);
	ck_assert(k9->ikk != k10->ikk);
	ck_assert_uint_eq(k9->rank, k9->ikk > k10->ikk ? 1 : 2);
	ck_assert_uint_eq(k10->rank, k9->ikk > k10->ikk ? 2 : 1);
	assess_free(as);
}
END_TEST

START_TEST(bad_arguments)
{
	assessment *as = (assessment *)1;
	char err[256];

	ck_assert_int_eq(assess_run(mdl, reg, NULL, "63.2", "2024", &as, err, sizeof err),
	                 PK2D_ERR_INVALID);
	ck_assert_ptr_null(as);
	ck_assert_msg(strstr(err, "'63.2' is not a Kemendagri area code"), "%s", err);
	ck_assert_int_eq(assess_run(mdl, reg, NULL, V1, "2024X", &as, err, sizeof err),
	                 PK2D_ERR_INVALID);
	ck_assert_msg(strstr(err, "'2024X' is not a period"), "%s", err);
}
END_TEST

START_TEST(capaian_formula)
{
	/* Higher is better: 45 of a target 50 is 90 %. */
	ck_assert_double_eq_tol(assess_capaian(PK2D_HIGHER_IS_BETTER, 50, 45), 90, TOL);
	/* Lower is better: prevalence 10 against a target 14.2 beats it:
	 * (28.4 - 10)/14.2*100 = 129.577... */
	ck_assert_double_eq_tol(assess_capaian(PK2D_LOWER_IS_BETTER, 14.2, 10),
	                        18.4 / 14.2 * 100, TOL);
	ck_assert(isnan(assess_capaian(PK2D_HIGHER_IS_BETTER, 0, 5)));
	ck_assert(isnan(assess_capaian(PK2D_HIGHER_IS_BETTER, 10, NAN)));
}
END_TEST

START_TEST(registry_check)
{
	static const char *const text =
		"[model]\nname = T\nsource = s\nstatus = working\nstatement = s\n"    /* 1-5 */
		"[profile]\nmale = family.male\n"                                      /* 6-7 */
		"[category.ikk.all]\nfrom = 0\nto = 100\nlabel_id = All\n"             /* 8-11 */
		"[dimension.a]\nlabel_id = A\nweight = 1\n"                            /* 12-14 */
		"indicator.A1 = family.a1\n"                                           /* 15 */
		"indicator.A2 = education.kk_children_in_school\n"                     /* 16 */
		"indicator.A3 = family.kk\n"                                           /* 17 */
		"indicator.A4 = family.zz\n";                                          /* 18 */
	char path[512];
	model *m = NULL;
	FILE *f;

	snprintf(path, sizeof path, "%s/reg.ini", tmpdir);
	f = fopen(path, "w");
	fputs(text, f);
	fclose(f);
	msglist l = { 0 };

	msglist gaps = { 0 };

	ck_assert_int_eq(model_load(path, &m, &l), 0);
	ck_assert_uint_eq(model_check_registry(m, reg, &l, &gaps), 3);
	/* A plugin that is not enabled is a gap, not an error. */
	ck_assert_uint_eq(gaps.n, 1);
	ck_assert_msg(strstr(gaps.items[0], "reg.ini:16: education.kk_children_in_school: no "
	                     "enabled plugin 'education' declares it, so the report shows it "
	                     "without data"), "%s", gaps.items[0]);
	msglist_free(&gaps);
	take(&l);
	ck_assert_msg(!strstr(errors, "education"), "%s", errors);
	ck_assert_msg(strstr(errors, "reg.ini:17: family.kk is a count; a model indicator must "
	                     "be a proportion"), "%s", errors);
	ck_assert_msg(strstr(errors, "reg.ini:18: family.zz: the plugin 'family' declares no "
	                     "indicator 'zz'"), "%s", errors);
	ck_assert_msg(strstr(errors, "reg.ini:7: family.male: the plugin 'family' declares no "
	                     "indicator 'male'"), "%s", errors);
	model_free(m);
	/* The test model itself matches the registry. */
	ck_assert_uint_eq(model_check_registry(mdl, reg, &l, &gaps), 0);
	ck_assert_uint_eq(l.n, 0);
	ck_assert_uint_eq(gaps.n, 0);
}
END_TEST

/*
 * A lower-is-better indicator in a model: health.stunting, 2/10 = 20 % in
 * village 2007, target 14.2. Its score is 100 - 20 = 80 (not under 75), but
 * 20 > 14.2 misses the target: off target by 5.8, and the KK affected are
 * the numerator, 2. With A1 (73.33) in one dimension of weight 1:
 * dimension = IKK = (80 + 220/3) / 2 = 230/3 = 76.667 -> hi.
 */
START_TEST(lower_is_better_indicator)
{
	static const char *const text =
		"[model]\nname = T\nsource = s\nstatus = working\nstatement = s\n"
		"[category.ikk.hi]\nfrom = 75\nto = 100\nlabel_id = H\n"
		"[category.ikk.lo]\nfrom = 0\nto = 75\nlabel_id = L\n"
		"[dimension.a]\nlabel_id = A\nweight = 1\n"
		"indicator.S1 = health.stunting\ntarget.S1 = 14.2\nindicator.A1 = family.a1\n";
	char path[512];
	msglist l = { 0 };
	model *m = NULL;
	assessment *as = NULL;
	char err[256];
	const assess_indicator *s1;
	FILE *f;

	snprintf(path, sizeof path, "%s/lower.ini", tmpdir);
	f = fopen(path, "w");
	fputs(text, f);
	fclose(f);
	ck_assert_int_eq(model_load(path, &m, &l), 0);
	ck_assert_uint_eq(model_check_registry(m, reg, &l, &l), 0);
	take(&l);
	ck_assert_int_eq(assess_run(m, reg, NULL, V1, "2024", &as, err, sizeof err), 0);
	s1 = &as->main->score.dimensions[0].indicators[0];
	ck_assert_double_eq_tol(s1->value, 20, TOL);
	ck_assert_double_eq_tol(s1->score, 80, TOL);
	ck_assert_int_eq(s1->below_attention, 0);
	ck_assert_int_eq(s1->off_target, 1);
	ck_assert_int_eq(s1->status, ASSESS_OFF_TARGET);
	ck_assert_double_eq(s1->affected, 2);
	ck_assert_double_eq_tol(as->main->score.ikk, 230.0 / 3, TOL);
	ck_assert_str_eq(as->main->score.category->key, "hi");
	ck_assert_uint_eq(as->main->n_problems, 2);
	ck_assert_str_eq(as->main->problems[0].indicator->model->code, "A1");
	ck_assert_str_eq(as->main->problems[1].indicator->model->code, "S1");
	ck_assert_double_eq_tol(as->main->problems[1].target_gap, 5.8, TOL);
	assess_free(as);
	model_free(m);
}
END_TEST

/*
 * The evaluation's problems are the report's (evaluate.h), on the model of
 * the fixture (attention 75; A1 = family.a1 without a target; A3 =
 * health.kk_free_of_stunting with target.A3 = 2023:95 2025:90 2029:92, so
 * 2024 takes 90):
 *   A1 75/100: score 75, at the line: none;  7499/10000: 74.99, under: one;
 *   A1 lower-is-better 25/100: score 75: none;  26/100: score 74: one;
 *   A1 80/100 with a stored target of 99: the model's rule, none;
 *   A3 85/100 in 2024: over the line, under the target 90: one;
 *   A3 90/100 in 2024: at the target: none; in 2023 (target 95): one;
 *   health.stunting (not in the model, lower is better), its stored value
 *   against its stored target 14.2: 14.2 none, 14.3 one, no value none;
 *   without a model, A1 80 against a stored 85: one (the stored target).
 */
static store_point point(const char *period, double num, double den, double value,
                         double target)
{
	store_point p = { .num = num, .den = den, .value = value, .target = target };

	snprintf(p.period, sizeof p.period, "%s", period);
	return p;
}

START_TEST(evaluation_problems)
{
	const int hi = PK2D_HIGHER_IS_BETTER, lo = PK2D_LOWER_IS_BETTER;
	store_point p;

	p = point("2024", 75, 100, 75, NAN);
	ck_assert_int_eq(evaluate_is_problem(mdl, "family.a1", hi, &p), 0);
	p = point("2024", 7499, 10000, 74.99, NAN);
	ck_assert_int_eq(evaluate_is_problem(mdl, "family.a1", hi, &p), 1);
	p = point("2024", 25, 100, 25, NAN);
	ck_assert_int_eq(evaluate_is_problem(mdl, "family.a1", lo, &p), 0);
	p = point("2024", 26, 100, 26, NAN);
	ck_assert_int_eq(evaluate_is_problem(mdl, "family.a1", lo, &p), 1);
	p = point("2024", 80, 100, 80, 99);
	ck_assert_int_eq(evaluate_is_problem(mdl, "family.a1", hi, &p), 0);
	p = point("2024", 85, 100, 85, NAN);
	ck_assert_int_eq(evaluate_is_problem(mdl, "health.kk_free_of_stunting", hi, &p), 1);
	p = point("2024", 90, 100, 90, NAN);
	ck_assert_int_eq(evaluate_is_problem(mdl, "health.kk_free_of_stunting", hi, &p), 0);
	p = point("2023", 90, 100, 90, NAN);
	ck_assert_int_eq(evaluate_is_problem(mdl, "health.kk_free_of_stunting", hi, &p), 1);
	p = point("2024", 142, 1000, 14.2, 14.2);
	ck_assert_int_eq(evaluate_is_problem(mdl, "health.stunting", lo, &p), 0);
	p = point("2024", 143, 1000, 14.3, 14.2);
	ck_assert_int_eq(evaluate_is_problem(mdl, "health.stunting", lo, &p), 1);
	p = point("2024", 0, 0, NAN, 14.2);
	ck_assert_int_eq(evaluate_is_problem(mdl, "health.stunting", lo, &p), 0);
	p = point("2024", 80, 100, 80, 85);
	ck_assert_int_eq(evaluate_is_problem(NULL, "family.a1", hi, &p), 1);
}
END_TEST

static Suite *assess_suite(void)
{
	Suite *s = suite_create("assess");
	TCase *tc = tcase_create("village");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, village_index);
	tcase_add_test(tc, village_rts);
	tcase_add_test(tc, village_profile);
	tcase_add_test(tc, village_problems);
	tcase_add_test(tc, agency_tables);
	tcase_add_test(tc, status_and_colour);
	tcase_add_test(tc, agency_problems);
	tcase_add_test(tc, planner);
	tcase_add_test(tc, headline_first);
	tcase_add_test(tc, missing_dimension);
	tcase_add_test(tc, kecamatan);
	tcase_add_test(tc, summary_ranks_ties);
	tcase_add_test(tc, many_areas_and_a_step);
	tcase_add_test(tc, bad_arguments);
	tcase_add_test(tc, capaian_formula);
	tcase_add_test(tc, registry_check);
	tcase_add_test(tc, lower_is_better_indicator);
	tcase_add_test(tc, evaluation_problems);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(assess_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
