/*
 * check_assess_e2e.c - runs the built pk2d on a configuration of two
 * agencies (the family survey and a health plugin: the test-only
 * fake_health module run as [plugin.health], and the real health plugin on
 * its own test data) and checks the combined assessment in the reports.
 *
 * Worked by hand from the files written below:
 *   family.l1  RT1 2/2, RT2 1/2 (line 6 rejected: L1 = 7)   -> 3/4 = 75
 *   family.b1  RT1 1/2, RT2 1/1 (KK 4 answered NA)           -> 2/3 = 66.667
 *   health.kk_free_of_stunting  RT1 0/2, RT2 2/2             -> 2/4 = 50
 *   d1 (0.6) = (75 + 50)/2 = 62.5; d2 (0.4) = 66.667
 *   IKK = 0.6*62.5 + 0.4*200/3 = 37.5 + 26.667 = 64.167 -> cukup
 *   RT1: d1 = (100 + 0)/2 = 50, d2 = 50, IKK = 30 + 20 = 50 -> cukup
 *   RT2: d1 = (50 + 100)/2 = 75, d2 = 100, IKK = 45 + 40 = 85 -> responsif
 *   problems: F2 (4 - 2 = 2 KK) then B1 (3 - 2 = 1 KK); L1 = 75 is not
 *   under the line. F2's plan: pmt_balita, target 10, realised 4,
 *   coverage 40; B1: no intervention.
 *   health row: target 90, realisasi 50, capaian 50/90*100 = 55.556 -> Kurang
 *   profile: 4 KK, male 1+2+1+2 = 6, female 2+1+1+2 = 6
 */
#include <config.h>

#include <check.h>
#include <cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define TOL 1e-6

static char tmpdir[256];

static void write_file(const char *name, const char *text)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
}

static void setup(void)
{
	strcpy(tmpdir, "/tmp/check_assess_e2e.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
	write_file("keluarga.csv",
	           "no_kk;kode_wilayah;rt;jml_laki;jml_perempuan;L1;B1\n"
	           "1;63.02.09.2007;1;1;2;1;1\n"
	           "2;63.02.09.2007;1;2;1;1;0\n"
	           "3;63.02.09.2007;2;1;1;0;1\n"
	           "4;63.02.09.2007;2;2;2;1;NA\n"
	           "5;63.02.09.2007;2;1;0;7;1\n");
	write_file("gizi.csv",
	           "kode_wilayah,rt,kk_bebas,kk_diukur,sasaran,realisasi\n"
	           "63.02.09.2007,1,0,2,10,4\n"
	           "63.02.09.2007,2,2,2,,\n");
	write_file("model.ini",
	           "[model]\nname = E2E\nsource = test\nstatus = working\nstatement = test\n"
	           "[profile]\nkk = family.kk\nmale = family.male\nfemale = family.female\n"
	           "[category.ikk.responsif]\nfrom = 75\nto = 100\nlabel_id = Responsif\n"
	           "[category.ikk.cukup]\nfrom = 50\nto = 75\nlabel_id = Cukup\n"
	           "[category.ikk.kurang]\nfrom = 0\nto = 50\nlabel_id = Kurang\n"
	           "[dimension.d1]\nlabel_id = D1\nweight = 0.6\n"
	           "indicator.L1 = family.l1\nindicator.F2 = health.kk_free_of_stunting\n"
	           "[dimension.d2]\nlabel_id = D2\nweight = 0.4\nindicator.B1 = family.b1\n");
}

static void teardown(void)
{
	char cmd[300];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	ck_assert_int_eq(system(cmd), 0);
}

static const char *fake_health = "[plugin.health]\nmodule = fake_health\nfile = gizi.csv\n";

/* Writes pk2d.ini with the given model line and health section and runs
 * pk2d; returns its exit status, with stderr in tmpdir/err.txt. */
static int run_with(const char *model_line, const char *health, const char *command)
{
	const char *build = getenv("PK2D_TOP_BUILDDIR");
	char ini[2048], cmd[2048];
	int st;

	snprintf(ini, sizeof ini,
	         /* keluarga.csv's row 5 (1 of 5, an impossible answer) and
	          * rows of the health test data (up to a third) are rejected
	          * on purpose. */
	         "[pk2d]\nperiod = 2024\narea = 63.02.09.2007\nmax_rejected = 40\n%s\n"
	         "[plugin.family]\nsurvey = keluarga.csv\n%s", model_line, health);
	write_file("pk2d.ini", ini);
	snprintf(cmd, sizeof cmd, "cd '%s' && '%s/src/pk2d' -c pk2d.ini %s 2>err.txt", tmpdir,
	         build ? build : "..", command);
	st = system(cmd);
	ck_assert(WIFEXITED(st));
	return WEXITSTATUS(st);
}

static int run_pk2d(const char *model_line, const char *command)
{
	return run_with(model_line, fake_health, command);
}

static cJSON *read_json(const char *name)
{
	char path[512];
	FILE *f;
	long n;
	char *text;
	cJSON *j;

	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	f = fopen(path, "r");
	ck_assert_ptr_nonnull(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	text = malloc((size_t)n + 1);
	ck_assert_uint_eq(fread(text, 1, (size_t)n, f), (size_t)n);
	text[n] = '\0';
	fclose(f);
	j = cJSON_Parse(text);
	free(text);
	ck_assert_ptr_nonnull(j);
	return j;
}

/* The item at a path of object keys and array indexes ("area.problems.0.code"). */
static cJSON *at(cJSON *j, const char *path)
{
	char buf[256];
	char *save = NULL;

	snprintf(buf, sizeof buf, "%s", path);
	for (char *t = strtok_r(buf, ".", &save); t && j; t = strtok_r(NULL, ".", &save))
		j = (*t >= '0' && *t <= '9') ? cJSON_GetArrayItem(j, atoi(t)) :
		    cJSON_GetObjectItemCaseSensitive(j, t);
	ck_assert_msg(j != NULL, "no %s in the report", path);
	return j;
}

static double numat(cJSON *j, const char *path)
{
	cJSON *v = at(j, path);

	ck_assert_msg(cJSON_IsNumber(v), "%s is not a number", path);
	return v->valuedouble;
}

static const char *strat(cJSON *j, const char *path)
{
	cJSON *v = at(j, path);

	ck_assert_msg(cJSON_IsString(v), "%s is not a string", path);
	return v->valuestring;
}

START_TEST(two_agencies_one_index)
{
	char line[700];
	cJSON *root, *a;

	snprintf(line, sizeof line, "model = %s/model.ini", tmpdir);
	ck_assert_int_eq(run_pk2d(line, "report --format json -o report.json"), 0);
	root = read_json("report.json");
	a = at(root, "assessment.area");
	ck_assert_str_eq(strat(a, "code"), "63.02.09.2007");
	ck_assert_double_eq_tol(numat(a, "ikk"), 37.5 + 80.0 / 3, TOL);
	ck_assert_str_eq(strat(a, "category.key"), "cukup");
	ck_assert_double_eq_tol(numat(a, "dimensions.0.value"), 62.5, TOL);
	ck_assert_double_eq_tol(numat(a, "dimensions.1.value"), 200.0 / 3, TOL);
	/* F2 comes from the health plugin. */
	ck_assert_str_eq(strat(a, "dimensions.0.indicators.1.id"), "health.kk_free_of_stunting");
	ck_assert_double_eq(numat(a, "dimensions.0.indicators.1.numerator"), 2);
	ck_assert_double_eq(numat(a, "dimensions.0.indicators.1.denominator"), 4);
	ck_assert_str_eq(strat(a, "dimensions.0.indicators.1.agency"), "Dinas Kesehatan");
	ck_assert_str_eq(strat(a, "dimensions.0.indicators.0.status"), "good");
	/* RT breakdown. */
	ck_assert_double_eq(numat(a, "parts.0.rt"), 1);
	ck_assert_double_eq_tol(numat(a, "parts.0.ikk"), 50, TOL);
	ck_assert_double_eq_tol(numat(a, "parts.1.ikk"), 85, TOL);
	ck_assert_str_eq(strat(a, "parts.1.category.key"), "responsif");
	/* Problems and plan. */
	ck_assert_int_eq(cJSON_GetArraySize(at(a, "problems")), 2);
	ck_assert_str_eq(strat(a, "problems.0.code"), "F2");
	ck_assert_double_eq(numat(a, "problems.0.affected"), 2);
	ck_assert_double_eq(numat(a, "problems.0.worst.0.rt"), 1);
	ck_assert_str_eq(strat(a, "problems.0.actions.0.id"), "health.pmt_balita");
	ck_assert_double_eq_tol(numat(a, "problems.0.actions.0.coverage"), 40, TOL);
	ck_assert_str_eq(strat(a, "problems.1.code"), "B1");
	ck_assert(cJSON_IsTrue(at(a, "problems.1.no_intervention")));
	/* Profile and the agency table of Dinas Kesehatan. */
	ck_assert_double_eq(numat(a, "profile.kk"), 4);
	ck_assert_double_eq(numat(a, "profile.population"), 12);
	ck_assert_int_eq(cJSON_GetArraySize(at(a, "profile.agencies")), 2);
	ck_assert_str_eq(strat(a, "agencies.1.agency"), "Dinas Kesehatan");
	ck_assert_double_eq_tol(numat(a, "agencies.1.rows.0.capaian"), 5000.0 / 90, TOL);
	ck_assert_str_eq(strat(a, "agencies.1.rows.0.category.key"), "kurang");
	/* The rejected survey row is in the run's data-quality record. */
	ck_assert_double_eq(numat(root, "runs.0.files.0.rejected"), 1);
	cJSON_Delete(root);
}
END_TEST

/* Fails with the text that is missing (the report is too long for a
 * Check message). */
static void has(const char *text, const char *needle)
{
	ck_assert_msg(strstr(text, needle) != NULL, "not in the report: %s", needle);
}

/* The same assessment in the text report, in Bahasa Indonesia (decimal
 * comma). */
START_TEST(text_report)
{
	char line[700], text[16384];
	FILE *f;
	size_t n;

	snprintf(line, sizeof line, "model = %s/model.ini", tmpdir);
	ck_assert_int_eq(run_pk2d(line, "report -o report.txt"), 0);
	snprintf(line, sizeof line, "%s/report.txt", tmpdir);
	f = fopen(line, "r");
	ck_assert_ptr_nonnull(f);
	n = fread(text, 1, sizeof text - 1, f);
	text[n] = '\0';
	fclose(f);
	has(text, "IKK 64,17  Cukup");
	has(text, "Jumlah KK           4");
	has(text, "1. F2 KK tanpa balita stunting: 50,00 % (2/4), 2 KK belum "
	                     "memenuhi; di bawah garis perhatian 75");
	has(text, "RT terburuk: RT 1 (0,00), RT 2 (100,00)");
	has(text, "- PMT balita [Dinas Kesehatan]: target 10, realisasi 4, "
	                     "cakupan 40,00 %");
	has(text, "- belum ada intervensi");
	has(text, "RT 2               85,00");
}
END_TEST

START_TEST(shipped_model)
{
	const char *src = getenv("PK2D_TOP_SRCDIR");
	char line[700], errpath[4200], err[4096] = "";
	cJSON *root;
	FILE *f;
	size_t n;

	snprintf(line, sizeof line, "model = %s/conf/models/ikk.ini", src ? src : "..");
	/* check: E5 needs the education plugin, which is not enabled: a
	 * warning, as in the report, which shows E5 without data. */
	ck_assert_int_eq(run_pk2d(line, "check"), 0);
	snprintf(errpath, sizeof errpath, "%s/err.txt", tmpdir);
	f = fopen(errpath, "r");
	ck_assert_ptr_nonnull(f);
	n = fread(err, 1, sizeof err - 1, f);
	err[n] = '\0';
	fclose(f);
	ck_assert_msg(strstr(err, "pk2d: warning: "), "%s", err);
	ck_assert_msg(strstr(err, "education.kk_children_in_school: no enabled plugin "
	                     "'education' declares it, so the report shows it without data"),
	              "%s", err);
	ck_assert_msg(!strstr(err, "health.kk_free_of_stunting"), "%s", err);
	/* report: E5 is not declared; the survey has only L1 and B1, so the
	 * economic and socio-psychological dimensions have no indicator with
	 * data and the IKK is not computed (null), nothing is made zero.
	 * Physical resilience has F2 from health alone: 2/4 = 50. */
	snprintf(line, sizeof line, "model = %s/conf/models/ikk.ini", src ? src : "..");
	ck_assert_int_eq(run_pk2d(line, "report --format json -o shipped.json"), 0);
	f = fopen(errpath, "r");
	ck_assert_ptr_nonnull(f);
	n = fread(err, 1, sizeof err - 1, f);
	err[n] = '\0';
	fclose(f);
	ck_assert_msg(strstr(err, "pk2d: warning: ") && strstr(err, "education.kk_children_in_"
	              "school: no enabled plugin 'education' declares it, so the report shows it "
	              "without data"), "%s", err);
	root = read_json("shipped.json");
	ck_assert_str_eq(strat(root, "assessment.area.dimensions.2.indicators.4.missing"),
	                 "not_declared");
	ck_assert(cJSON_IsNull(at(root, "assessment.area.ikk")));
	ck_assert(cJSON_IsNull(at(root, "assessment.area.category")));
	ck_assert_double_eq(numat(root, "assessment.area.missing_dimensions"), 2);
	ck_assert(cJSON_IsNull(at(root, "assessment.area.dimensions.2.value")));
	ck_assert_double_eq_tol(numat(root, "assessment.area.dimensions.1.value"), 50, TOL);
	ck_assert_str_eq(strat(root, "assessment.model.status"), "working");
	cJSON_Delete(root);
}
END_TEST

/*
 * The real health plugin on its own test data (tests/health/data/README.md
 * works it out): KK free of stunting RT 1 3/4, RT 2 2/3, village 5/7.
 * With the survey above: L1 = 75, F2 = 500/7 = 71.429, B1 = 200/3:
 *   d1 = (75 + 500/7)/2 = 1025/14, d2 = 200/3
 *   IKK = 0.6*1025/14 + 0.4*200/3 = 615/14 + 80/3 = 2965/42 = 70.595 -> cukup
 * F2 is the first problem (7 - 5 = 2 KK), worst in RT 2 (66.67); among its
 * interventions pemantauan_pertumbuhan: target 40+10, realised 36+9,
 * coverage 45/50 = 90 %.
 */
START_TEST(real_health_plugin)
{
	const char *src = getenv("PK2D_TOP_SRCDIR");
	char line[700], health[1200];
	cJSON *root, *a, *acts, *x;
	int found = 0;

	snprintf(line, sizeof line, "model = %s/model.ini", tmpdir);
	snprintf(health, sizeof health,
	         "[plugin.health]\nchildren = %s/tests/health/data/balita.csv\n"
	         "log = %s/tests/health/data/intervensi.csv\n",
	         src ? src : "..", src ? src : "..");
	ck_assert_int_eq(run_with(line, health, "report --format json -o real.json"), 0);
	root = read_json("real.json");
	a = at(root, "assessment.area");
	ck_assert_double_eq(numat(a, "dimensions.0.indicators.1.numerator"), 5);
	ck_assert_double_eq(numat(a, "dimensions.0.indicators.1.denominator"), 7);
	ck_assert_double_eq_tol(numat(a, "ikk"), 2965.0 / 42, TOL);
	ck_assert_str_eq(strat(a, "category.key"), "cukup");
	ck_assert_str_eq(strat(a, "problems.0.code"), "F2");
	ck_assert_double_eq(numat(a, "problems.0.affected"), 2);
	ck_assert_double_eq(numat(a, "problems.0.worst.0.rt"), 2);
	acts = at(a, "problems.0.actions");
	cJSON_ArrayForEach(x, acts) {
		if (strcmp(strat(x, "id"), "health.pemantauan_pertumbuhan") != 0)
			continue;
		found = 1;
		ck_assert_double_eq(numat(x, "target"), 50);
		ck_assert_double_eq(numat(x, "realised"), 45);
		ck_assert_double_eq_tol(numat(x, "coverage"), 90, TOL);
	}
	ck_assert_msg(found, "pemantauan_pertumbuhan is not in F2's plan");
	cJSON_Delete(root);
}
END_TEST

START_TEST(broken_model_stops_the_report)
{
	char line[700];

	write_file("bad.ini", "[model]\nname = X\n[dimension.a]\nweight = 2\n");
	snprintf(line, sizeof line, "model = %s/bad.ini", tmpdir);
	ck_assert_int_eq(run_pk2d(line, "report --format json -o none.json"), 1);
	snprintf(line, sizeof line, "%s/none.json", tmpdir);
	ck_assert_int_ne(access(line, F_OK), 0);
}
END_TEST

static Suite *e2e_suite(void)
{
	Suite *s = suite_create("assess_e2e");
	TCase *tc = tcase_create("pk2d");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, two_agencies_one_index);
	tcase_add_test(tc, text_report);
	tcase_add_test(tc, shipped_model);
	tcase_add_test(tc, real_health_plugin);
	tcase_add_test(tc, broken_model_stops_the_report);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(e2e_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
