/*
 * check_family.c - the family survey plugin, run through an in-test host:
 * its declarations and values land in a real registry, its files are read by
 * the core's CSV reader, so the test sees exactly what the host would.
 *
 * Every expected number is counted by hand from the survey rows written in
 * the test (see the comments above each table).
 */
#include <config.h>

#include <check.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "pk2d/plugin.h"
#include "csv.h"
#include "registry.h"
#include "answers.h"

extern const pk2d_plugin pk2d_plugin_descriptor;

/* The in-test host: one plugin instance "family". */
struct pk2d_host {
	const char *const *keys;      /* key, value, key, value, ..., NULL */
	const char *run_area;
	registry *reg;
	char log[8192];
	csv_stats *stats;             /* the last file closed */
	char where[64];
	char path[512];
};

static struct pk2d_host host;
static char tmpdir[256];

static void h_log(pk2d_host *h, int level, const char *fmt, ...)
{
	va_list ap;
	size_t len = strlen(h->log);

	(void)level;
	va_start(ap, fmt);
	vsnprintf(h->log + len, sizeof h->log - len - 1, fmt, ap);
	va_end(ap);
	strcat(h->log, "\n");
}

static const char *h_strerror(int err)
{
	static char buf[32];

	snprintf(buf, sizeof buf, "error %d", err);
	return buf;
}

static const char *h_config_get(pk2d_host *h, const char *key)
{
	for (const char *const *k = h->keys; k && *k; k += 2)
		if (strcasecmp(k[0], key) == 0)
			return k[1];
	for (const pk2d_config_key *d = pk2d_plugin_descriptor.config_keys; d->name; d++)
		if (strcasecmp(d->name, key) == 0)
			return d->default_value;
	return NULL;
}

static const char *h_config_path(pk2d_host *h, const char *key)
{
	const char *v = h_config_get(h, key);

	if (!v)
		return NULL;
	snprintf(h->path, sizeof h->path, "%s/%s", tmpdir, v);
	return h->path;
}

static const char *h_config_where(pk2d_host *h, const char *key)
{
	(void)key;
	snprintf(h->where, sizeof h->where, "pk2d.ini:7");
	return h->where;
}

static int h_config_each(pk2d_host *h, int (*fn)(void *, const char *, const char *), void *ud)
{
	for (const char *const *k = h->keys; k && *k; k += 2) {
		int rc = fn(ud, k[0], k[1]);

		if (rc)
			return rc;
	}
	return 0;
}

static const char *h_run_period(pk2d_host *h)
{
	(void)h;
	return "2024";
}

static const char *h_run_area(pk2d_host *h)
{
	return h->run_area;
}

static const char *h_agency(pk2d_host *h)
{
	(void)h;
	return pk2d_plugin_descriptor.agency;
}

static const char *h_area_name(pk2d_host *h, const char *code)
{
	(void)h;
	return strcmp(code, "63.02.09.2007") == 0 ? "Sang-Sang" : NULL;
}

static const char *h_data_dir(pk2d_host *h)
{
	(void)h;
	return tmpdir;
}

static int h_declare_indicator(pk2d_host *h, const pk2d_indicator *ind)
{
	char err[256];
	int rc = registry_declare_indicator(h->reg, "family", "DP3A", ind, err, sizeof err);

	if (rc < 0)
		h_log(h, PK2D_LOG_ERROR, "%s", err);
	return rc;
}

static int h_declare_intervention(pk2d_host *h, const pk2d_intervention *iv)
{
	char err[256];

	return registry_declare_intervention(h->reg, "family", "DP3A", iv, err, sizeof err);
}

static int h_report_value(pk2d_host *h, const pk2d_value *v)
{
	char err[256];
	int rc = registry_add_value(h->reg, "family", "2024", v, err, sizeof err);

	if (rc < 0)
		h_log(h, PK2D_LOG_ERROR, "%s", err);
	return rc;
}

static int h_report_intervention(pk2d_host *h, const pk2d_intervention_value *v)
{
	char err[256];

	return registry_add_intervention_value(h->reg, "family", "2024", v, err, sizeof err);
}

static pk2d_csv *h_csv_open(pk2d_host *h, const char *path)
{
	char err[256];
	csv_reader *c = csv_open(path, err, sizeof err);

	if (!c)
		h_log(h, PK2D_LOG_ERROR, "%s: %s", path, err);
	return c;
}

static int h_csv_column(pk2d_csv *c, const char *name)
{
	return csv_column(c, name);
}

static int h_csv_next(pk2d_csv *c)
{
	char err[256];
	int rc = csv_next(c, err, sizeof err);

	if (rc < 0)
		h_log(&host, PK2D_LOG_ERROR, "%s: %s", csv_path(c), err);
	return rc;
}

static int h_csv_count(pk2d_csv *c)
{
	return csv_count(c);
}

static const char *h_csv_field(pk2d_csv *c, int col)
{
	return csv_field(c, col);
}

static int h_csv_number(pk2d_csv *c, int col, double *out)
{
	return csv_number(c, col, out);
}

static int h_csv_date(pk2d_csv *c, int col, long *days)
{
	return csv_date(c, col, days);
}

static long h_csv_line(pk2d_csv *c)
{
	return csv_line(c);
}

static const char *h_csv_path(pk2d_csv *c)
{
	return csv_path(c);
}

static void h_csv_reject(pk2d_csv *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	csv_vreject(c, fmt, ap);
	va_end(ap);
}

static void h_csv_note(pk2d_csv *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	csv_vnote(c, fmt, ap);
	va_end(ap);
}

static void h_csv_close(pk2d_csv *c)
{
	csv_stats_free(host.stats);
	host.stats = csv_close(c);
}

static const pk2d_host_api api = {
	.abi_major = PK2D_ABI_MAJOR, .abi_minor = PK2D_ABI_MINOR,
	.struct_size = sizeof(pk2d_host_api),
	.log = h_log, .strerror = h_strerror, .config_get = h_config_get,
	.config_path = h_config_path, .config_where = h_config_where,
	.config_each = h_config_each, .run_period = h_run_period, .run_area = h_run_area,
	.agency = h_agency, .area_name = h_area_name, .data_dir = h_data_dir,
	.declare_indicator = h_declare_indicator, .declare_intervention = h_declare_intervention,
	.report_value = h_report_value, .report_intervention = h_report_intervention,
	.csv_open = h_csv_open, .csv_column = h_csv_column, .csv_next = h_csv_next,
	.csv_count = h_csv_count, .csv_field = h_csv_field, .csv_number = h_csv_number,
	.csv_date = h_csv_date, .csv_line = h_csv_line, .csv_path = h_csv_path,
	.csv_reject = h_csv_reject, .csv_note = h_csv_note, .csv_close = h_csv_close,
};

static void setup(void)
{
	memset(&host, 0, sizeof host);
	host.reg = registry_new();
	host.run_area = "63.02.09";
	strcpy(tmpdir, "/tmp/check_family.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
}

static void teardown(void)
{
	char cmd[300];

	registry_free(host.reg);
	csv_stats_free(host.stats);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	ck_assert_int_eq(system(cmd), 0);
}

static void write_survey(const char *name, const char *text)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
}

/* init + collect + fini; returns collect's (or init's) result. */
static int run_plugin(const char *const *keys)
{
	void *state = NULL;
	int rc;

	host.keys = keys;
	registry_free(host.reg);
	host.reg = registry_new();
	rc = pk2d_plugin_descriptor.init(&api, &host, &state);
	if (rc < 0) {
		ck_assert_ptr_null(state);
		return rc;
	}
	rc = pk2d_plugin_descriptor.collect(state);
	pk2d_plugin_descriptor.fini(state);
	registry_rollup(host.reg);
	return rc;
}

/* num/den of family.ID in (area, rt); -1/-1 when nothing was reported. */
static reg_sum get(const char *id, const char *area, int rt)
{
	char full[64];
	const reg_indicator *ind;
	reg_sum s = { -1, -1 };

	snprintf(full, sizeof full, "family.%s", id);
	ind = registry_find_indicator(host.reg, full);
	ck_assert_msg(ind != NULL, "%s is not declared", full);
	if (!registry_get(host.reg, ind, area, rt, "2024", &s)) {
		s.num = -1;
		s.den = -1;
	}
	return s;
}

#define ASSERT_SUM(id, area, rt, n, d) do {                                          \
		reg_sum s_ = get(id, area, rt);                                      \
		ck_assert_msg(s_.num == (n) && s_.den == (d),                        \
		              "%s %s rt %d: got %g/%g, want %g/%g", id, area, rt,    \
		              s_.num, s_.den, (double)(n), (double)(d));             \
	} while (0)

/* A count: only the numerator means something once rolled up. */
#define ASSERT_COUNT(id, area, rt, n) do {                                           \
		reg_sum s_ = get(id, area, rt);                                      \
		ck_assert_msg(s_.num == (n), "%s %s rt %d: got %g, want %g", id,     \
		              area, rt, s_.num, (double)(n));                        \
	} while (0)

#define V1 "63.02.09.2007"
#define V9 "63.02.09.2099"

/*
 * Lines 2-6 are used, line 11 is used with a note, the others rejected:
 *  line KK  RT  L1 L2 F2  met/appl  score  cat     PUS method      wish
 *   2   001 1   1  1  0   2/3       66.7   sedang  1   pil (modern) segera
 *   3   002 1   1  NA 1   2/2       100    baik    1   none         tunda  -> unmet
 *   4   003 2   0  0  -   0/2       0      rendah  1   pantang (trad) tidak
 *   5   004 2   1  "" 1   2/2       100    baik    0
 *   6   005 -   1  1  1   3/3       100    baik    1   tidak (none) tidak  -> unmet
 *  11   009 3   1  1  1   3/3 (village 2099, not in the code table: noted)
 */
static const char *survey =
	"no_kk;kode_wilayah;rt;dasawisma;jml_laki;jml_perempuan;L1;L2;F2;"
	"status_pus;alat_kontrasepsi;keinginan_anak\n"
	"001;63.02.09.2007;1;Mawar;2;2;1;1;0;1;pil;segera\n"                 /* 2 */
	"002;63.02.09.2007;RT 01;Mawar;1;1;1;NA;1;1;;tunda\n"                /* 3 */
	"003;63.02.09.2007;2;Melati;1;2;0;0;-;ya;pantang berkala;tidak\n"    /* 4 */
	"004;63.02.09.2007;002;Melati;2;0;1;;1;0;;\n"                        /* 5 */
	"005;63.02.09.2007;;Kenanga;1;1;1;1;1;1;tidak;tidak\n"               /* 6 */
	"006;63.02.09.2007;1;Mawar;1;1;2;1;1;0;;\n"                          /* 7 bad answer */
	"001;63.02.09.2007;1;Mawar;1;1;1;1;1;0;;\n"                          /* 8 duplicate */
	"007;63.02.9.2007;1;Mawar;1;1;1;1;1;0;;\n"                           /* 9 malformed */
	"008;63.02.10.2001;1;Mawar;1;1;1;1;1;0;;\n"                          /* 10 outside */
	"009;63.02.09.2099;3;Anggrek;1;1;1;1;1;0;;\n"                        /* 11 unknown */
	"010;63.02.09.2007;x;Mawar;1;1;1;1;1;0;;\n"                          /* 12 bad RT */
	"011;63.02.09.2007;1;Mawar;1;1;1;1;1;1;spiral;segera\n"              /* 13 method */
	"012;63.02.09;1;Mawar;1;1;1;1;1;0;;\n";                              /* 14 not village */

static const char *const basic_keys[] = { "survey", "keluarga.csv", NULL };

/* Each answer form of docs/plugins/family.md; "1" and "0" only as whole
 * cells (the fast path must not take "10" or "0x" for an answer). */
START_TEST(answer_forms)
{
	static const struct {
		const char *cell;
		int want;
	} cases[] = {
		{ "1", FAMILY_MEETS }, { "0", FAMILY_FAILS }, { "", FAMILY_NA }, { "-", FAMILY_NA },
		{ "NA", FAMILY_NA }, { "na", FAMILY_NA }, { "N/A", FAMILY_NA }, { "n/a", FAMILY_NA },
		{ "10", FAMILY_BAD }, { "01", FAMILY_BAD }, { "0x", FAMILY_BAD }, { "2", FAMILY_BAD },
		{ "--", FAMILY_BAD }, { "N", FAMILY_BAD }, { " 1", FAMILY_BAD },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		ck_assert_msg(family_answer(cases[i].cell) == cases[i].want, "'%s': %d, not %d",
		              cases[i].cell, family_answer(cases[i].cell), cases[i].want);
}
END_TEST

START_TEST(indicators_per_rt)
{
	write_survey("keluarga.csv", survey);
	ck_assert_msg(run_plugin(basic_keys) == 0, "%s", host.log);
	/* RT 1: lines 2, 3. */
	ASSERT_SUM("l1", V1, 1, 2, 2);
	ASSERT_SUM("l2", V1, 1, 1, 1);
	ASSERT_SUM("f2", V1, 1, 1, 2);
	/* RT 2: lines 4, 5 ("002" is RT 2). */
	ASSERT_SUM("l1", V1, 2, 1, 2);
	ASSERT_SUM("l2", V1, 2, 0, 1);
	ASSERT_SUM("f2", V1, 2, 1, 1);
	/* No RT: line 6. */
	ASSERT_SUM("l1", V1, 0, 1, 1);
	/* The village: sums. */
	ASSERT_SUM("l1", V1, RT_ALL, 4, 5);
	ASSERT_SUM("l2", V1, RT_ALL, 2, 3);
	ASSERT_SUM("f2", V1, RT_ALL, 3, 4);
	/* The unknown village is kept; the kecamatan sums both villages. */
	ASSERT_SUM("l1", V9, 3, 1, 1);
	ASSERT_SUM("l1", "63.02.09", RT_ALL, 5, 6);
	/* Columns absent from the file: declared, not reported, and said so. */
	ASSERT_SUM("b6", V1, RT_ALL, -1, -1);
	ck_assert_msg(strstr(host.log, "keluarga.csv:1: no column 'B6': indicator B6 is not "
	                     "reported"), "%s", host.log);
}
END_TEST

START_TEST(counts_and_scores)
{
	write_survey("keluarga.csv", survey);
	ck_assert_int_eq(run_plugin(basic_keys), 0);
	ASSERT_COUNT("kk", V1, 1, 2);
	ASSERT_COUNT("kk", V1, RT_ALL, 5);
	ASSERT_COUNT("male", V1, RT_ALL, 7);       /* 2+1+1+2+1 */
	ASSERT_COUNT("female", V1, RT_ALL, 6);     /* 2+1+2+0+1 */
	ASSERT_COUNT("population", V1, RT_ALL, 13);
	ASSERT_COUNT("dasawisma", V1, 1, 1);       /* Mawar */
	ASSERT_COUNT("dasawisma", V1, RT_ALL, 3);  /* Mawar, Melati, Kenanga */
	/* Household categories of the village: baik lines 3, 5, 6; sedang 2;
	 * rendah 4. */
	ASSERT_SUM("kk_baik", V1, RT_ALL, 3, 5);
	ASSERT_SUM("kk_sedang", V1, RT_ALL, 1, 5);
	ASSERT_SUM("kk_rendah", V1, RT_ALL, 1, 5);
	/* Mean score of RT 1: (200/3 + 100) / 2. */
	{
		reg_sum s = get("kk_score", V1, 1);

		ck_assert_double_eq_tol(s.num, 200.0 / 3 + 100, 1e-9);
		ck_assert_double_eq(s.den, 2);
	}
}
END_TEST

START_TEST(family_planning)
{
	write_survey("keluarga.csv", survey);
	ck_assert_int_eq(run_plugin(basic_keys), 0);
	/* PUS: lines 2, 3, 4, 6. Any method: 2 (pil), 4 (pantang). Modern: 2.
	 * Unmet need: 3 (none, tunda), 6 (none, tidak). */
	ASSERT_COUNT("pus", V1, RT_ALL, 4);
	ASSERT_SUM("cpr", V1, RT_ALL, 2, 4);
	ASSERT_SUM("mcpr", V1, RT_ALL, 1, 4);
	ASSERT_SUM("unmet_need", V1, RT_ALL, 2, 4);
	ASSERT_SUM("cpr", V1, 2, 1, 1);
	ASSERT_SUM("unmet_need", V1, 0, 1, 1);
	/* The unknown village has no PUS: a count of 0, no CPR. */
	ASSERT_COUNT("pus", V9, 3, 0);
	ASSERT_SUM("cpr", V9, 3, -1, -1);
}
END_TEST

static const csv_problem *problem(const char *kind)
{
	for (size_t i = 0; i < host.stats->n_problems; i++)
		if (strcmp(host.stats->problems[i].kind, kind) == 0)
			return &host.stats->problems[i];
	return NULL;
}

START_TEST(rejected_rows)
{
	static const struct {
		const char *kind;
		long line;
		int rejected;
	} want[] = {
		{ "impossible answer", 7, 1 }, { "duplicate KK", 8, 1 },
		{ "malformed area", 9, 1 }, { "outside run area", 10, 1 },
		{ "unknown area", 11, 0 }, { "malformed RT", 12, 1 },
		{ "unknown contraceptive method", 13, 1 }, { "not a village", 14, 1 },
	};

	write_survey("keluarga.csv", survey);
	ck_assert_int_eq(run_plugin(basic_keys), 0);
	ck_assert_ptr_nonnull(host.stats);
	ck_assert_int_eq(host.stats->records, 13);
	ck_assert_int_eq(host.stats->rejected, 7);
	ck_assert_int_eq(host.stats->noted, 1);
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		const csv_problem *p = problem(want[i].kind);

		ck_assert_msg(p != NULL, "no problem '%s'", want[i].kind);
		ck_assert_int_eq(p->count, 1);
		ck_assert_int_eq(p->rejected, want[i].rejected);
		ck_assert_int_eq(p->example_line[0], want[i].line);
	}
	ck_assert_str_eq(problem("impossible answer")->example_text[0],
	                 "impossible answer: L1 = '2' (1, 0, blank, NA or -)");
	ck_assert_str_eq(problem("outside run area")->example_text[0],
	                 "outside run area: 63.02.10.2001 is not in 63.02.09");
}
END_TEST

START_TEST(column_mapping_and_extra_indicator)
{
	static const char *const keys[] = {
		"survey", "s.csv", "column.kk", "Nomor KK", "column.L1", "Buku Nikah",
		"indicator.X1", "Punya KIA | Has a child ID card", "target.mcpr", "65", NULL
	};
	const reg_indicator *ind;

	/* No area column: every row belongs to the run area, a village. */
	host.run_area = V1;
	write_survey("s.csv", "Nomor KK,RT,Buku Nikah,X1\n1,1,1,0\n2,1,0,1\n3,2,1,NA\n");
	ck_assert_msg(run_plugin(keys) == 0, "%s", host.log);
	ASSERT_SUM("l1", V1, RT_ALL, 2, 3);
	ASSERT_SUM("x1", V1, 1, 1, 2);
	ind = registry_find_indicator(host.reg, "family.x1");
	ck_assert_str_eq(ind->label_id, "Punya KIA");
	ck_assert_str_eq(ind->label_en, "Has a child ID card");
	ind = registry_find_indicator(host.reg, "family.mcpr");
	ck_assert_int_eq(ind->has_target, 1);
	ck_assert_double_eq(ind->target, 65);
	/* No KB columns: no PUS figures at all. */
	ASSERT_SUM("pus", V1, RT_ALL, -1, -1);
	/* Scores: KK 1: 1/2 = 50 sedang; KK 2: 1/2 sedang; KK 3: 1/1 baik. */
	ASSERT_SUM("kk_sedang", V1, RT_ALL, 2, 3);
}
END_TEST

START_TEST(household_cut_offs)
{
	static const char *const keys[] = {
		"survey", "s.csv", "household_categories", "60, 40", NULL
	};

	host.run_area = V1;
	/* Scores 66.7 (baik at 60), 50 (sedang at 40), 33.3 (rendah). */
	write_survey("s.csv", "no_kk,L1,L2,L3\n1,1,1,0\n2,1,0,\n3,1,0,0\n");
	ck_assert_int_eq(run_plugin(keys), 0);
	ASSERT_SUM("kk_baik", V1, RT_ALL, 1, 3);
	ASSERT_SUM("kk_sedang", V1, RT_ALL, 1, 3);
	ASSERT_SUM("kk_rendah", V1, RT_ALL, 1, 3);
}
END_TEST

START_TEST(configuration_errors)
{
	static const char *const bad_cut[] = { "survey", "s.csv", "household_categories",
	                                       "50 75", NULL };
	static const char *const bad_column[] = { "survey", "s.csv", "column.colour", "x",
	                                          NULL };
	static const char *const bad_target[] = { "survey", "s.csv", "target.zz", "5", NULL };
	static const char *const bad_code[] = { "survey", "s.csv", "indicator.9x", "Nine",
	                                        NULL };
	static const char *const dup_code[] = { "survey", "s.csv", "indicator.L1", "Again",
	                                        NULL };

	ck_assert_int_eq(run_plugin(bad_cut), PK2D_ERR_CONFIG);
	ck_assert_msg(strstr(host.log, "pk2d.ini:7: household_categories must be two scores"),
	              "%s", host.log);
	ck_assert_int_eq(run_plugin(bad_column), PK2D_ERR_CONFIG);
	ck_assert_msg(strstr(host.log, "pk2d.ini:7: column.colour: no field or indicator "
	                     "'colour'"), "%s", host.log);
	ck_assert_int_eq(run_plugin(bad_target), PK2D_ERR_CONFIG);
	ck_assert_msg(strstr(host.log, "target.zz: the family plugin has no indicator 'zz'"),
	              "%s", host.log);
	ck_assert_int_eq(run_plugin(bad_code), PK2D_ERR_CONFIG);
	ck_assert_msg(strstr(host.log, "'9x' is not an indicator code"), "%s", host.log);
	ck_assert_int_eq(run_plugin(dup_code), PK2D_ERR_CONFIG);
	ck_assert_msg(strstr(host.log, "the indicator L1 already exists"), "%s", host.log);
}
END_TEST

START_TEST(unusable_files)
{
	host.run_area = "63.02.09";
	write_survey("keluarga.csv", "kode_wilayah;L1\n63.02.09.2007;1\n");
	ck_assert_int_eq(run_plugin(basic_keys), PK2D_ERR_DATA);
	ck_assert_msg(strstr(host.log, "keluarga.csv:1: no column 'no_kk'"), "%s", host.log);
	/* No area column while the run area is a kecamatan. */
	write_survey("keluarga.csv", "no_kk;L1\n1;1\n");
	ck_assert_int_eq(run_plugin(basic_keys), PK2D_ERR_DATA);
	ck_assert_msg(strstr(host.log, "and the run area 63.02.09 is not a village"), "%s",
	              host.log);
	/* No indicator column at all. */
	write_survey("keluarga.csv", "no_kk;kode_wilayah\n1;63.02.09.2007\n");
	ck_assert_int_eq(run_plugin(basic_keys), PK2D_ERR_DATA);
	ck_assert_msg(strstr(host.log, "none of the indicator columns"), "%s", host.log);
	/* The file does not exist. */
	unlink(strcat(strcat(strcpy(host.path, tmpdir), "/"), "keluarga.csv"));
	ck_assert_int_eq(run_plugin(basic_keys), PK2D_ERR_IO);
}
END_TEST

static Suite *family_suite(void)
{
	Suite *s = suite_create("family");
	TCase *tc = tcase_create("survey");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, answer_forms);
	tcase_add_test(tc, indicators_per_rt);
	tcase_add_test(tc, counts_and_scores);
	tcase_add_test(tc, family_planning);
	tcase_add_test(tc, rejected_rows);
	tcase_add_test(tc, column_mapping_and_extra_indicator);
	tcase_add_test(tc, household_cut_offs);
	tcase_add_test(tc, configuration_errors);
	tcase_add_test(tc, unusable_files);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(family_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
