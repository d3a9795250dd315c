/*
 * report_fixture.c - see report_fixture.h.
 */
#include <config.h>

#include "report_fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "display.h"
#include "log.h"
#include "trend.h"

static const char *model_text =
	"[model]\n"
	"name = Model uji\nsource = test\nstatus = working\nstatement = Model uji\n"
	"attention = 75\nworst = 3\n"
	"[profile]\nkk = fam.kk\n"
	"[category.ikk.hi]\nfrom = 75\nto = 100\nlabel_id = Tinggi\nlabel_en = High\n"
	"[category.ikk.mid]\nfrom = 50\nto = 75\nlabel_id = Sedang\nlabel_en = Medium\n"
	"[category.ikk.lo]\nfrom = 0\nto = 50\nlabel_id = Rendah\nlabel_en = Low\n"
	"[dimension.a]\nlabel_id = Dimensi A\nlabel_en = Dimension A\nweight = 0.5\n"
	"indicator.A1 = fam.a1\n"
	"[dimension.b]\nlabel_id = Dimensi B\nlabel_en = Dimension B\nweight = 0.3\n"
	"indicator.B1 = fam.b1\n"
	"[dimension.c]\nlabel_id = Dimensi C\nlabel_en = Dimension C\nweight = 0.2\n"
	"indicator.C1 = fam.c1\n";

static const char *areas_text =
	"kode,nama,tingkat\n"
	"63,Kalimantan Selatan,provinsi\n"
	"63.02,Kabupaten Kotabaru,kabupaten_kota\n"
	"63.02.09,Kelumpang Tengah,kecamatan\n"
	"63.02.09.2007,\"<script>alert(1)</script> & \"\"Sang\"\"\",desa_kelurahan\n"
	"63.02.09.2008,=cmd|' /C calc'!A0,desa_kelurahan\n";

static const char *agency = "=HYPERLINK(\"http://x\",\"y\")";

static int write_file(const char *dir, const char *name, const char *text, char *path,
                      size_t len)
{
	FILE *f;

	snprintf(path, len, "%s/%s", dir, name);
	if (!(f = fopen(path, "w")))
		return -1;
	fputs(text, f);
	return fclose(f);
}

static int declare(registry *r, const char *plugin, const char *ag, const char *id,
                   const char *label, int kind, int direction, int has_target, double target)
{
	char err[256];
	pk2d_indicator d = { .id = id, .label_id = label, .label_en = NULL, .kind = kind,
	                     .direction = direction, .has_target = has_target, .target = target,
	                     .unit = kind == PK2D_COUNT ? "KK" : NULL };

	if (strcmp(id, "a1") == 0)
		d.label_en = "A one";
	if (registry_declare_indicator(r, plugin, ag, &d, err, sizeof err) < 0) {
		fprintf(stderr, "%s\n", err);
		return -1;
	}
	return 0;
}

static int value(registry *r, const char *plugin, const char *id, const char *area, int rt,
                 const char *period, double num, double den)
{
	char err[256];
	pk2d_value v = { .indicator = id, .area = area, .rt = rt, .period = period,
	                 .numerator = num, .denominator = den };

	if (registry_add_value(r, plugin, period, &v, err, sizeof err) < 0) {
		fprintf(stderr, "%s\n", err);
		return -1;
	}
	return 0;
}

/* What "health" declares for the reports (display.h), as the health plugin
 * does: stunting with classes and as headline, the raw sums hidden, two
 * tables. The classes' source is hostile text. */
static int present(registry *r)
{
	static const pk2d_class bands[] = { { 0, "low", "rendah", "low" },
	                                    { 20, "high", "tinggi", "high" },
	                                    { 0, NULL, NULL, NULL } };
	static const char *const raw[] = { "rows_rejected", "flagged_zlen", "missing_zlen",
	                                   "mean_zlen", "meansq_zlen" };
	static const pk2d_table_cell zcells[] = { { "mean_zlen", NULL }, { "flagged_zlen", NULL },
	                                          { "missing_zlen", NULL }, { "mean_zlen", NULL },
	                                          { "mean_zlen", "meansq_zlen" } };
	static const pk2d_table_column zcols[] = {
		{ "n", NULL, PK2D_CELL_COUNT, 0 }, { "Ditandai (%)", "Flagged (%)", PK2D_CELL_PERCENT, 1 },
		{ "Tidak ada (%)", "Missing (%)", PK2D_CELL_PERCENT, 1 },
		{ "Rata-rata z", "Mean z", PK2D_CELL_MEAN, 2 }, { "SD z", "SD of z", PK2D_CELL_SD, 2 },
		{ NULL, NULL, 0, 0 } };
	static const pk2d_table_row zrows[] = { { "TB/U (zlen)", NULL, zcells },
	                                        { NULL, NULL, NULL } };
	static const pk2d_table_cell mcells[] = { { "children", NULL }, { "rows_rejected", NULL } };
	static const pk2d_table_column mcols[] = {
		{ "Balita diukur", "Children measured", PK2D_CELL_SUM, 0 },
		{ "Ditolak", "Rejected", PK2D_CELL_SUM, 0 }, { NULL, NULL, 0, 0 } };
	static const pk2d_table_row mrows[] = { { "Balita", "Children", mcells },
	                                        { NULL, NULL, NULL } };
	pk2d_table tables[] = {
		{ .id = "measured", .title_id = "Balita diukur", .columns = mcols, .rows = mrows },
		{ .id = "zscores", .title_id = "Mutu data pengukuran balita",
		  .rows_label_id = "Indeks", .note_id = "n: <catatan> & \"uji\"", .columns = zcols,
		  .rows = zrows },
	};
	pk2d_display d = { "stunting", 1, 0, bands, "Sumber <b>kelas</b> & \"uji\"" };
	char err[256];
	int bad = registry_declare_display(r, "health", &d, err, sizeof err) < 0;

	for (size_t i = 0; i < sizeof raw / sizeof raw[0]; i++) {
		pk2d_display h = { raw[i], 0, 1, NULL, NULL };
		bad |= registry_declare_display(r, "health", &h, err, sizeof err) < 0;
	}
	for (size_t i = 0; i < 2; i++)
		bad |= registry_declare_table(r, "health", "Dinas Kesehatan", &tables[i], err,
		                              sizeof err) < 0;
	if (bad)
		fprintf(stderr, "report_fixture: %s\n", err);
	return bad;
}

static registry *make_registry(const char *period)
{
	static const char *const aims[] = { "a1", NULL };
	pk2d_intervention iv = { .id = "kelas", .label_id = "+kelas parenting",
	                         .target_group = "KK", .unit = "KK", .aims = aims };
	pk2d_intervention_value ivv = { .intervention = "kelas", .area = FX_V1, .rt = 0,
	                                .period = period, .target = 20, .realised = 15,
	                                .budget = 1000000 };
	registry *r = registry_new();
	char err[256];
	int bad = 0;

	bad |= declare(r, "fam", agency, "a1", "<script>alert(\"x\")</script>", PK2D_PROPORTION,
	               PK2D_HIGHER_IS_BETTER, 0, 0);
	bad |= declare(r, "fam", agency, "b1", "@SUM(1)", PK2D_PROPORTION,
	               PK2D_HIGHER_IS_BETTER, 0, 0);
	bad |= declare(r, "fam", agency, "c1", "Tab\t& 'quote'\nline", PK2D_PROPORTION,
	               PK2D_HIGHER_IS_BETTER, 0, 0);
	bad |= declare(r, "fam", agency, "kk", "Jumlah KK", PK2D_COUNT, PK2D_NEUTRAL, 0, 0);
	bad |= declare(r, "fam", agency, "z", "Rerata z", PK2D_MEAN, PK2D_HIGHER_IS_BETTER, 0, 0);
	bad |= declare(r, "health", "Dinas Kesehatan", "stunting", "-2+3", PK2D_PROPORTION,
	               PK2D_LOWER_IS_BETTER, 1, 14.2);
	bad |= declare(r, "health", "Dinas Kesehatan", "children", "Balita diukur", PK2D_COUNT,
	               PK2D_NEUTRAL, 0, 0);
	bad |= declare(r, "health", "Dinas Kesehatan", "rows_rejected", "Baris ditolak",
	               PK2D_COUNT, PK2D_LOWER_IS_BETTER, 0, 0);
	bad |= declare(r, "health", "Dinas Kesehatan", "flagged_zlen", "zlen ditandai",
	               PK2D_PROPORTION, PK2D_LOWER_IS_BETTER, 0, 0);
	bad |= declare(r, "health", "Dinas Kesehatan", "missing_zlen", "zlen tidak ada",
	               PK2D_PROPORTION, PK2D_LOWER_IS_BETTER, 0, 0);
	bad |= declare(r, "health", "Dinas Kesehatan", "mean_zlen", "Rata-rata zlen", PK2D_MEAN,
	               PK2D_NEUTRAL, 0, 0);
	bad |= declare(r, "health", "Dinas Kesehatan", "meansq_zlen", "Rata-rata kuadrat zlen",
	               PK2D_MEAN, PK2D_NEUTRAL, 0, 0);
	bad |= present(r);
	if (registry_declare_intervention(r, "fam", agency, &iv, err, sizeof err) < 0) {
		fprintf(stderr, "%s\n", err);
		bad = 1;
	}
	bad |= value(r, "fam", "a1", FX_V1, 1, period, strcmp(period, "2023") ? 8 : 4, 10);
	bad |= value(r, "fam", "a1", FX_V1, 2, period, 3, 5);
	bad |= value(r, "fam", "b1", FX_V1, 1, period, 6, 10);
	bad |= value(r, "fam", "b1", FX_V1, 2, period, 1, 5);
	bad |= value(r, "fam", "c1", FX_V1, 1, period, 10, 10);
	bad |= value(r, "fam", "kk", FX_V1, 1, period, 10, 1);
	bad |= value(r, "fam", "kk", FX_V1, 2, period, 5, 1);
	bad |= value(r, "health", "stunting", FX_V1, 1, period, 2, 10);
	bad |= value(r, "fam", "z", FX_V1, 1, period, -3, 2);
	bad |= value(r, "health", "children", FX_V1, 1, period, 10, 1);
	bad |= value(r, "health", "rows_rejected", FX_V1, 1, period, 2, 1);
	bad |= value(r, "health", "flagged_zlen", FX_V1, 1, period, 1, 10);
	bad |= value(r, "health", "missing_zlen", FX_V1, 1, period, 0, 10);
	bad |= value(r, "health", "mean_zlen", FX_V1, 1, period, -9, 9);
	bad |= value(r, "health", "meansq_zlen", FX_V1, 1, period, 18, 9);
	bad |= value(r, "fam", "a1", FX_V2, 0, period, 5, 10);
	bad |= value(r, "fam", "b1", FX_V2, 0, period, 9, 10);
	bad |= value(r, "fam", "c1", FX_V2, 0, period, 4, 5);
	bad |= value(r, "fam", "kk", FX_V2, 0, period, 10, 1);
	if (registry_add_intervention_value(r, "fam", period, &ivv, err, sizeof err) < 0) {
		fprintf(stderr, "%s\n", err);
		bad = 1;
	}
	if (bad) {
		registry_free(r);
		return NULL;
	}
	registry_rollup(r);
	return r;
}

/* The 2023 run, as `pk2d report` writes it. */
static int store_2023(fixture *fx, const char *area)
{
	registry *r = make_registry("2023");
	assessment *as = NULL;
	report_view v = { 0 };
	store_run_info info = { .period = "2023", .area = area, .config_digest = "x",
	                        .version = "test", .started = 1, .status = 0 };
	char err[512];
	int rc = -1;

	if (!r || assess_run(fx->model, r, fx->areas, area, "2023", &as, err, sizeof err) < 0 ||
	    report_view_build(&v, as, r, NULL, err, sizeof err) < 0)
		goto out;
	if (store_begin(fx->store, &info, err, sizeof err) < 0 ||
	    store_put_registry(fx->store, r, err, sizeof err) < 0 ||
	    trend_store_scores(fx->store, v.main.aa, "2023", NULL, err, sizeof err) < 0)
		goto out;
	for (size_t i = 0; i < v.n_villages; i++)
		if (trend_store_scores(fx->store, v.villages[i].aa, "2023", NULL,
		                       err, sizeof err) < 0)
			goto out;
	rc = store_commit(fx->store, err, sizeof err);
out:
	if (rc < 0)
		fprintf(stderr, "fixture 2023: %s\n", err);
	report_view_free(&v);
	assess_free(as);
	registry_free(r);
	return rc;
}

int fixture_setup(fixture *fx, const char *area, int lang, int with_store)
{
	char path[256], err[512];

	memset(fx, 0, sizeof *fx);
	strcpy(fx->dir, "/tmp/pk2d-report-XXXXXX");
	if (!mkdtemp(fx->dir))
		return -1;
	if (write_file(fx->dir, "model.ini", model_text, path, sizeof path) < 0)
		return -1;
	{
		msglist errs = { 0 };
		int rc = model_load(path, &fx->model, &errs);

		for (size_t i = 0; i < errs.n; i++)
			fprintf(stderr, "model: %s\n", errs.items[i]);
		msglist_free(&errs);
		if (rc < 0)
			return -1;
	}
	if (write_file(fx->dir, "wilayah.csv", areas_text, path, sizeof path) < 0 ||
	    !(fx->areas = areas_load(path, err, sizeof err))) {
		fprintf(stderr, "areas: %s\n", err);
		return -1;
	}
	if (with_store) {
		snprintf(path, sizeof path, "%s/history.sqlite", fx->dir);
		if (!(fx->store = store_open(path, CONF_DEFAULT_LOCK_WAIT, err, sizeof err)) || store_2023(fx, area) < 0)
			return -1;
	}
	if (!(fx->reg = make_registry("2024")))
		return -1;
	if (assess_run(fx->model, fx->reg, fx->areas, area, "2024", &fx->as, err,
	               sizeof err) < 0) {
		fprintf(stderr, "assess: %s\n", err);
		return -1;
	}
	fx->problem.kind = (char *)"unreadable <answer>";
	fx->problem.count = 2;
	fx->problem.rejected = 1;
	fx->problem.n_examples = 2;
	fx->problem.example_line[0] = 7;
	fx->problem.example_line[1] = 12;
	fx->stats.path = (char *)"data/keluarga \"2024\".csv";
	fx->stats.records = 25;
	fx->stats.rejected = 2;
	fx->stats.n_problems = 1;
	fx->stats.problems = &fx->problem;
	fx->runs[0].instance = (char *)"fam";
	fx->runs[0].module = (char *)"family";
	fx->runs[0].agency = (char *)agency;
	fx->runs[0].state = RUN_OK;
	fx->runs[0].values = 12;
	fx->runs[0].n_files = 1;
	static csv_stats *files[1];
	files[0] = &fx->stats;
	fx->runs[0].files = files;
	fx->runs[1].instance = (char *)"health";
	fx->runs[1].module = (char *)"health";
	fx->runs[1].agency = (char *)"Dinas Kesehatan";
	fx->runs[1].state = RUN_FAILED;
	fx->runs[1].reason = (char *)"killed by signal 11 (<Segmentation fault>)";
	fx->view.lang = lang;
	fx->view.title = NULL;
	fx->view.note = "Data sintetis: <b>bukan</b> data nyata & \"uji\"";
	fx->view.version = "0.0-test";
	fx->view.runs = fx->runs;
	fx->view.n_runs = 2;
	fx->view.areas = fx->areas;
	if (report_view_build(&fx->view, fx->as, fx->reg, fx->store, err, sizeof err) < 0) {
		fprintf(stderr, "view: %s\n", err);
		return -1;
	}
	return 0;
}

void fixture_teardown(fixture *fx)
{
	char cmd[128];

	report_view_free(&fx->view);
	assess_free(fx->as);
	registry_free(fx->reg);
	store_close(fx->store);
	areas_free(fx->areas);
	model_free(fx->model);
	if (*fx->dir) {
		snprintf(cmd, sizeof cmd, "rm -rf '%s'", fx->dir);
		if (system(cmd) != 0)
			fprintf(stderr, "could not remove %s\n", fx->dir);
	}
}
