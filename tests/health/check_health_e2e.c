/*
 * check_health_e2e.c - "pk2d report" with the health plugin, end to end:
 * the built pk2d binary loads the built health.so and reads the e-PPGBM-style
 * export tests/health/data/balita.csv (';', decimal comma, DD/MM/YYYY, CRLF,
 * BOM, bad rows) and the intervention log intervensi.csv. The JSON report is
 * checked against the prevalences worked out by hand in
 * tests/health/data/README.md, and so are the rejected and noted rows and the
 * two files the plugin writes.
 */
#include <check.h>
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define VILLAGE "63.02.09.2007"

static char tmp[256];

static void setup(void)
{
	snprintf(tmp, sizeof tmp, "/tmp/check_health_e2e.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmp));
}

static void teardown(void)
{
	char cmd[512];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
	ck_assert_int_eq(system(cmd), 0);
}

static const char *env(const char *name)
{
	const char *v = getenv(name);
	ck_assert_msg(v != NULL, "%s is not set: run through make check", name);
	return v;
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	char *buf = malloc(1 << 22);
	size_t n = fread(buf, 1, (1 << 22) - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

/* Writes pk2d.ini with the [plugin.health] lines given, runs pk2d report
 * and returns its exit status. */
static int run_report(const char *health_lines)
{
	char path[512], cmd[2048];
	snprintf(path, sizeof path, "%s/pk2d.ini", tmp);
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	/* The test data reject rows on purpose (up to a third of a file). */
	fprintf(f, "[pk2d]\nperiod = 2024\narea = " VILLAGE "\nmax_rejected = 40\n\n"
	        "[plugin.health]\n%s", health_lines);
	ck_assert_int_eq(fclose(f), 0);
	snprintf(cmd, sizeof cmd, "'%s/src/pk2d' -q -c '%s' report --format json -o '%s/r.json' "
	         "2>'%s/stderr.txt'", env("PK2D_TOP_BUILDDIR"), path, tmp, tmp);
	int st = system(cmd);
	ck_assert(WIFEXITED(st));
	return WEXITSTATUS(st);
}

static cJSON *report_json(void)
{
	char path[512];
	snprintf(path, sizeof path, "%s/r.json", tmp);
	char *text = slurp(path);
	ck_assert_msg(text != NULL, "no report written");
	cJSON *j = cJSON_Parse(text);
	free(text);
	ck_assert_msg(j != NULL, "the report is not JSON");
	return j;
}

/* The reported numerator/denominator of an indicator at an RT (-1: the
 * village total, summed over every RT and the values without one). */
static void expect(const cJSON *j, const char *id, int rt, double num, double den)
{
	const cJSON *v;
	double n = 0, d = 0;
	int found = 0;

	cJSON_ArrayForEach(v, cJSON_GetObjectItem(j, "values")) {
		if (strcmp(cJSON_GetObjectItem(v, "indicator")->valuestring, id) != 0 ||
		    strcmp(cJSON_GetObjectItem(v, "area")->valuestring, VILLAGE) != 0)
			continue;
		if (rt >= 0 && cJSON_GetObjectItem(v, "rt")->valueint != rt)
			continue;
		n += cJSON_GetObjectItem(v, "numerator")->valuedouble;
		d += cJSON_GetObjectItem(v, "denominator")->valuedouble;
		found++;
	}
	ck_assert_msg(found > 0, "%s rt %d not in the report", id, rt);
	ck_assert_msg(fabs(n - num) < 1e-9 && fabs(d - den) < 1e-9,
	              "%s rt %d: %g/%g, expected %g/%g", id, rt, n, d, num, den);
}

static const cJSON *file_stats(const cJSON *j, const char *suffix)
{
	const cJSON *run, *f;
	cJSON_ArrayForEach(run, cJSON_GetObjectItem(j, "runs")) {
		cJSON_ArrayForEach(f, cJSON_GetObjectItem(run, "files")) {
			const char *p = cJSON_GetObjectItem(f, "path")->valuestring;
			size_t lp = strlen(p), ls = strlen(suffix);
			if (lp >= ls && strcmp(p + lp - ls, suffix) == 0)
				return f;
		}
	}
	ck_abort_msg("no statistics for %s", suffix);
	return NULL;
}

static long problem(const cJSON *file, const char *kind)
{
	const cJSON *p;
	cJSON_ArrayForEach(p, cJSON_GetObjectItem(file, "problems"))
		if (strcmp(cJSON_GetObjectItem(p, "kind")->valuestring, kind) == 0)
			return (long)cJSON_GetObjectItem(p, "count")->valuedouble;
	return 0;
}

START_TEST(report_on_sample_export)
{
	char lines[4096];
	const char *top = env("PK2D_TOP_SRCDIR");

	snprintf(lines, sizeof lines,
	         "children = %s/tests/health/data/balita.csv\n"
	         "log = %s/tests/health/data/intervensi.csv\n"
	         "children_output = %s/anak.csv\n"
	         "followup_output = %s/tindak-lanjut.csv\n"
	         "interventions = pemantauan_pertumbuhan, pmt_balita_gizi_kurang, ttd_remaja\n"
	         "intervention.pemantauan_pertumbuhan.label = Penimbangan balita\n",
	         top, top, tmp, tmp);
	int rc = run_report(lines);
	char path[512];
	snprintf(path, sizeof path, "%s/stderr.txt", tmp);
	char *err = slurp(path);
	ck_assert_msg(rc == 0, "exit %d: %s", rc, err);
	free(err);
	cJSON *j = report_json();

	expect(j, "health.stunting", 1, 1, 5);
	expect(j, "health.stunting", 2, 1, 3);
	expect(j, "health.stunting", -1, 2, 8);
	expect(j, "health.severe_stunting", -1, 0, 8);
	expect(j, "health.wasting", 1, 1, 3);
	expect(j, "health.wasting", 2, 2, 3);
	expect(j, "health.severe_wasting", -1, 1, 6);
	expect(j, "health.underweight", -1, 4, 7);
	expect(j, "health.overweight", -1, 0, 6);
	expect(j, "health.kk_free_of_stunting", 1, 3, 4);
	expect(j, "health.kk_free_of_stunting", 2, 2, 3);
	expect(j, "health.children", -1, 9, 2);
	expect(j, "health.rows_rejected", 0, 1, 1);
	expect(j, "health.rows_rejected", 2, 1, 1);
	expect(j, "health.mean_zlen", 2, -3.4, 3);
	expect(j, "health.coverage_pemantauan_pertumbuhan", 1, 45, 50);
	expect(j, "health.coverage_ttd_remaja", 0, 20, 50);

	const cJSON *iv;
	int renamed = 0, n_iv = 0;
	cJSON_ArrayForEach(iv, cJSON_GetObjectItem(j, "interventions")) {
		n_iv++;
		const cJSON *label = cJSON_GetObjectItem(iv, "label_id");
		if (cJSON_IsString(label) && strcmp(label->valuestring, "Penimbangan balita") == 0)
			renamed++;
	}
	ck_assert_int_eq(n_iv, 3);
	ck_assert_int_eq(renamed, 1);

	const cJSON *kids = file_stats(j, "balita.csv");
	ck_assert_int_eq((int)cJSON_GetObjectItem(kids, "records")->valuedouble, 14);
	ck_assert_int_eq((int)cJSON_GetObjectItem(kids, "rejected")->valuedouble, 4);
	ck_assert_int_eq((int)cJSON_GetObjectItem(kids, "noted")->valuedouble, 2);
	ck_assert_int_eq(problem(kids, "bad rt"), 1);
	ck_assert_int_eq(problem(kids, "over 59 months"), 1);
	ck_assert_int_eq(problem(kids, "bad area"), 1);
	ck_assert_int_eq(problem(kids, "outside area"), 1);
	ck_assert_int_eq(problem(kids, "unreadable weight"), 1);
	ck_assert_int_eq(problem(kids, "repeated child"), 1);
	const cJSON *log = file_stats(j, "intervensi.csv");
	ck_assert_int_eq(problem(log, "outside period"), 1);
	ck_assert_int_eq(problem(log, "unknown intervention"), 1);
	ck_assert_int_eq(problem(log, "negative volume"), 1);

	/* Personal data stays out of the report. */
	char *text = cJSON_PrintUnformatted(j);
	ck_assert_ptr_null(strstr(text, "Aisyah"));
	ck_assert_ptr_null(strstr(text, "6302090101220001"));
	free(text);
	cJSON_Delete(j);

	snprintf(path, sizeof path, "%s/anak.csv", tmp);
	char *anak = slurp(path);
	ck_assert_ptr_nonnull(anak);
	ck_assert_ptr_nonnull(strstr(anak, "6302090101210005,63.02.09.2007,2,6302090000000004,"
	                                   "-3.00,0,-1.91,0,-0.25,0,0.20,0,88.6\n"));
	ck_assert_ptr_nonnull(strstr(anak, "6302090101230007,63.02.09.2007,2,6302090000000005,"
	                                   "7.39,1,11.95,1,8.62,1,7.19,1,89.4\n"));
	free(anak);
	snprintf(path, sizeof path, "%s/tindak-lanjut.csv", tmp);
	char *fu = slurp(path);
	ck_assert_ptr_nonnull(fu);
	ck_assert_ptr_nonnull(strstr(fu, "63.02.09.2007,2,Melati,6302090101220008,Hana,Yuni,"
	                                 "6302090000000006,P,27.7,2024-06-15,-0.10,-2.02,-2.89,"
	                                 "-3.05,gizi kurang (wasted)\n"));
	free(fu);
}
END_TEST

/* A file that cannot be read fails the plugin: exit status 1, the report
 * says why, and no output file is left behind. */
START_TEST(unreadable_export)
{
	char lines[1024];
	snprintf(lines, sizeof lines,
	         "children = %s/missing.csv\nchildren_output = %s/anak.csv\n", tmp, tmp);
	ck_assert_int_eq(run_report(lines), 1);
	cJSON *j = report_json();
	const cJSON *run = cJSON_GetArrayItem(cJSON_GetObjectItem(j, "runs"), 0);
	ck_assert_str_ne(cJSON_GetObjectItem(run, "state")->valuestring, "ok");
	cJSON_Delete(j);
	char path[512];
	snprintf(path, sizeof path, "%s/anak.csv", tmp);
	ck_assert_int_eq(access(path, F_OK), -1);
}
END_TEST

/* Splits a plain comma-separated line (no quotes) in place. */
static int split(char *line, char **f, int max)
{
	int n = 0;
	line[strcspn(line, "\r\n")] = '\0';
	for (char *p = line; n < max;) {
		f[n++] = p;
		p = strchr(p, ',');
		if (p == NULL)
			break;
		*p++ = '\0';
	}
	return n;
}

static int column(char **hdr, int n, const char *name)
{
	for (int i = 0; i < n; i++)
		if (strcmp(hdr[i], name) == 0)
			return i;
	ck_abort_msg("no column %s", name);
	return -1;
}

/* WHO Anthro's reference children through the whole of pk2d: written as an
 * export (';', decimal comma, age in days, no area column), run with
 * pk2d report, and the children file compared with anthro's rounded
 * z-scores and flags. Rows aged 60 months or more are rejected by the
 * plugin (anthro gives them no z-score either). */
START_TEST(reference_through_pk2d)
{
	static const char *const zc[] = { "zlen", "flen", "zwei", "fwei", "zwfl", "fwfl",
	                                   "zbmi", "fbmi" };
	char path[512], line[4096], *h[64], *f[64];
	char lines[1024];
	int n_ref = 0, compared = 0;

	snprintf(path, sizeof path, "%s/who-growth/reference-zscores.csv", env("PK2D_DATA_DIR"));
	FILE *ref = fopen(path, "r");
	ck_assert_ptr_nonnull(ref);
	static char hdr_line[4096];
	ck_assert_ptr_nonnull(fgets(hdr_line, sizeof hdr_line, ref));
	int nh = split(hdr_line, h, 64);
	int c_id = column(h, nh, "id"), c_sex = column(h, nh, "sex");
	int c_age = column(h, nh, "age_days"), c_w = column(h, nh, "weight");
	int c_l = column(h, nh, "lenhei"), c_m = column(h, nh, "measure");
	int c_o = column(h, nh, "oedema");

	snprintf(path, sizeof path, "%s/anthro.csv", tmp);
	FILE *out = fopen(path, "w");
	ck_assert_ptr_nonnull(out);
	fputs("anak;jk;umur_hari;bb;tb;cara;edema\r\n", out);
	/* Expected z-scores by id, as text. */
	static char expect_z[400][8][32];
	while (fgets(line, sizeof line, ref) != NULL) {
		int n = split(line, f, 64);
		ck_assert_int_eq(n, nh);
		int id = atoi(f[c_id]);
		ck_assert(id > 0 && id < 400);
		for (int k = 0; k < 8; k++)
			snprintf(expect_z[id][k], sizeof expect_z[id][k], "%s",
			         f[column(h, nh, zc[k])]);
		const char *v[7] = { f[c_id], f[c_sex], f[c_age], f[c_w], f[c_l], f[c_m], f[c_o] };
		for (int k = 0; k < 7; k++) {
			char buf[64];
			snprintf(buf, sizeof buf, "%s", strcmp(v[k], "NA") == 0 ? "" : v[k]);
			for (char *p = buf; *p; p++)
				if (*p == '.')
					*p = ',';
			fprintf(out, "%s%s", k ? ";" : "", buf);
		}
		fputs("\r\n", out);
		n_ref++;
	}
	fclose(ref);
	ck_assert_int_eq(fclose(out), 0);
	ck_assert_int_eq(n_ref, 334);

	snprintf(lines, sizeof lines,
	         "children = %s/anthro.csv\nchildren_output = %s/anak.csv\n"
	         "column.id = anak\ncolumn.sex = jk\ncolumn.age_days = umur_hari\n"
	         "column.weight = bb\ncolumn.height = tb\ncolumn.measure = cara\n"
	         "column.oedema = edema\n", tmp, tmp);
	ck_assert_int_eq(run_report(lines), 0);

	snprintf(path, sizeof path, "%s/anak.csv", tmp);
	FILE *got = fopen(path, "r");
	ck_assert_ptr_nonnull(got);
	ck_assert_ptr_nonnull(fgets(line, sizeof line, got));
	while (fgets(line, sizeof line, got) != NULL) {
		int n = split(line, f, 64);
		ck_assert_int_eq(n, 13);
		int id = atoi(f[0]);
		for (int k = 0; k < 8; k++) {
			const char *want = expect_z[id][k], *have = f[4 + k];
			if (strcmp(want, "NA") == 0) {
				ck_assert_msg(*have == '\0', "id %d %s: %s, anthro NA", id, zc[k], have);
				continue;
			}
			if (strcmp(want, "Inf") == 0 || strcmp(want, "-Inf") == 0) {
				ck_assert_str_eq(have, want);
				continue;
			}
			ck_assert_msg(*have != '\0' && strtod(have, NULL) == strtod(want, NULL),
			              "id %d %s: '%s', anthro %s", id, zc[k], have, want);
		}
		compared++;
	}
	fclose(got);
	/* Every row but the 14 aged 60 months or more (from 1826.25 days on)
	 * is in the file, and those 14 are rejected as such. */
	ck_assert_int_eq(compared, 320);
	cJSON *j = report_json();
	const cJSON *st = file_stats(j, "anthro.csv");
	ck_assert_int_eq(compared + (int)cJSON_GetObjectItem(st, "rejected")->valuedouble, 334);
	ck_assert_int_eq(problem(st, "over 59 months"),
	                 (long)cJSON_GetObjectItem(st, "rejected")->valuedouble);
	cJSON_Delete(j);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("health_e2e");
	TCase *tc = tcase_create("pk2d_report");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, report_on_sample_export);
	tcase_add_test(tc, unreadable_export);
	tcase_add_test(tc, reference_through_pk2d);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
