/*
 * indicators.c - declarations and values of the health indicators.
 */
#include <stdio.h>

#include "indicators.h"

#define G_STATUS "Status gizi balita (WHO 2006)"
#define G_FAMILY "Keluarga"
#define G_QUALITY "Kualitas data pengukuran"

static const pk2d_indicator prevalence_table[] = {
	{ "stunting", "Prevalensi stunting (TB/U < -2 SD)",
	  "Stunting prevalence (length/height-for-age < -2 SD)", "%", PK2D_PROPORTION,
	  PK2D_LOWER_IS_BETTER, 1, 0, G_STATUS,
	  "Balita 0-59 bulan dengan zlen < -2 / balita dengan zlen (tanpa flag WHO)", 0 },
	{ "severe_stunting", "Prevalensi sangat pendek (TB/U < -3 SD)",
	  "Severe stunting prevalence (length/height-for-age < -3 SD)", "%", PK2D_PROPORTION,
	  PK2D_LOWER_IS_BETTER, 0, 0, G_STATUS,
	  "Balita dengan zlen < -3 / balita dengan zlen (tanpa flag WHO)", 0 },
	{ "wasting", "Prevalensi wasting (BB/TB < -2 SD)",
	  "Wasting prevalence (weight-for-length/height < -2 SD)", "%", PK2D_PROPORTION,
	  PK2D_LOWER_IS_BETTER, 0, 0, G_STATUS,
	  "Balita dengan zwfl < -2 atau edema / balita dengan zwfl (tanpa flag) atau edema", 0 },
	{ "severe_wasting", "Prevalensi gizi buruk (BB/TB < -3 SD)",
	  "Severe wasting prevalence (weight-for-length/height < -3 SD)", "%", PK2D_PROPORTION,
	  PK2D_LOWER_IS_BETTER, 0, 0, G_STATUS,
	  "Balita dengan zwfl < -3 atau edema / balita dengan zwfl (tanpa flag) atau edema", 0 },
	{ "underweight", "Prevalensi underweight (BB/U < -2 SD)",
	  "Underweight prevalence (weight-for-age < -2 SD)", "%", PK2D_PROPORTION,
	  PK2D_LOWER_IS_BETTER, 0, 0, G_STATUS,
	  "Balita dengan zwei < -2 atau edema / balita dengan zwei (tanpa flag) atau edema", 0 },
	{ "overweight", "Prevalensi gizi lebih (BB/TB > +2 SD)",
	  "Overweight prevalence (weight-for-length/height > +2 SD)", "%", PK2D_PROPORTION,
	  PK2D_LOWER_IS_BETTER, 0, 0, G_STATUS,
	  "Balita dengan zwfl > 2 / balita dengan zwfl (tanpa flag) atau edema", 0 },
	{ "kk_free_of_stunting", "KK tanpa balita stunting",
	  "Families with no stunted child", "%", PK2D_PROPORTION, PK2D_HIGHER_IS_BETTER,
	  0, 0, G_FAMILY,
	  "KK yang semua balitanya berzlen >= -2 / KK dengan balita berzlen (tanpa flag); "
	  "KK dihitung di RT balita pertamanya", 0 },
	{ "children", "Balita diukur", "Children measured", "anak", PK2D_COUNT,
	  PK2D_NEUTRAL, 0, 0, G_QUALITY,
	  "Balita 0-59 bulan yang dibaca (pengukuran terakhir tiap NIK)", 0 },
	{ "rows_rejected", "Baris e-PPGBM ditolak", "e-PPGBM rows rejected", "baris",
	  PK2D_COUNT, PK2D_LOWER_IS_BETTER, 0, 0, G_QUALITY,
	  "Baris yang tidak dapat dipakai (wilayah/RT tidak terbaca, umur >= 60 bulan)", 0 },
};

/* Per index: flagged, missing, mean and mean of squares. */
static const char *const index_label[ZS_N] = { "TB/U", "BB/U", "BB/TB", "IMT/U" };
static const char *const index_label_en[ZS_N] = {
	"length/height-for-age", "weight-for-age", "weight-for-length/height", "BMI-for-age"
};

static int declare_index(const pk2d_host_api *api, pk2d_host *h, int i)
{
	char id[4][32], lid[4][96], len[4][96];
	const char *z = zscore_names[i];
	pk2d_indicator d[4] = {
		{ id[0], lid[0], len[0], "%", PK2D_PROPORTION, PK2D_LOWER_IS_BETTER, 0, 0,
		  G_QUALITY, "z-score ditandai (flag WHO) / z-score yang dihitung", 0 },
		{ id[1], lid[1], len[1], "%", PK2D_PROPORTION, PK2D_LOWER_IS_BETTER, 0, 0,
		  G_QUALITY, "Balita tanpa z-score (data kurang, tak terbaca, edema) / balita", 0 },
		{ id[2], lid[2], len[2], "z", PK2D_MEAN, PK2D_NEUTRAL, 0, 0, G_QUALITY,
		  "Jumlah z / n, z-score tanpa flag", 0 },
		{ id[3], lid[3], len[3], "z2", PK2D_MEAN, PK2D_NEUTRAL, 0, 0, G_QUALITY,
		  "Jumlah z^2 / n; SD = sqrt((meansq - mean^2) * n / (n - 1))", 0 },
	};

	snprintf(id[0], sizeof id[0], "flagged_%s", z);
	snprintf(id[1], sizeof id[1], "missing_%s", z);
	snprintf(id[2], sizeof id[2], "mean_%s", z);
	snprintf(id[3], sizeof id[3], "meansq_%s", z);
	snprintf(lid[0], sizeof lid[0], "z-score %s ditandai (flag)", index_label[i]);
	snprintf(lid[1], sizeof lid[1], "z-score %s tidak ada", index_label[i]);
	snprintf(lid[2], sizeof lid[2], "Rata-rata z-score %s", index_label[i]);
	snprintf(lid[3], sizeof lid[3], "Rata-rata kuadrat z-score %s", index_label[i]);
	snprintf(len[0], sizeof len[0], "Flagged %s z-scores", index_label_en[i]);
	snprintf(len[1], sizeof len[1], "Missing %s z-scores", index_label_en[i]);
	snprintf(len[2], sizeof len[2], "Mean %s z-score", index_label_en[i]);
	snprintf(len[3], sizeof len[3], "Mean square of %s z-scores", index_label_en[i]);
	for (int k = 0; k < 4; k++) {
		int rc = api->declare_indicator(h, &d[k]);
		if (rc != 0)
			return rc;
	}
	return 0;
}

/* The ids declare_index makes, written out once: this runs for every cell
 * (22,000 of them in a province). */
#define INDEX_IDS(z) { "flagged_" z, "missing_" z, "mean_" z, "meansq_" z }
static const char *const index_ids[ZS_N][4] = {
	[ZS_LEN] = INDEX_IDS("zlen"), [ZS_WEI] = INDEX_IDS("zwei"),
	[ZS_WFL] = INDEX_IDS("zwfl"), [ZS_BMI] = INDEX_IDS("zbmi")
};
#undef INDEX_IDS

/* WHO-UNICEF prevalence thresholds ("public-health significance"): de Onis
 * M, Borghi E, Arimond M, et al. Prevalence thresholds for wasting,
 * overweight and stunting in children under 5 years. Public Health Nutrition
 * 2019;22(1):175-179, table 2. The paper gives none for severe stunting,
 * severe wasting or underweight. */
#define WHO_SOURCE "WHO-UNICEF, de Onis et al. 2019, doi:10.1017/S1368980018002434"
#define BANDS(low, medium, high, very_high)                                        \
	{ { 0, "very_low", "sangat rendah", "very low" },                          \
	  { low, "low", "rendah", "low" },                                         \
	  { medium, "medium", "sedang", "medium" },                                \
	  { high, "high", "tinggi", "high" },                                      \
	  { very_high, "very_high", "sangat tinggi", "very high" },                \
	  { 0, NULL, NULL, NULL } }
static const pk2d_class stunting_bands[] = BANDS(2.5, 10, 20, 30);
static const pk2d_class wasting_bands[] = BANDS(2.5, 5, 10, 15);
#undef BANDS

/* The z-score data-quality table: per index n, flagged, missing, mean, SD,
 * all from the sums reported in flagged_zX, missing_zX, mean_zX and
 * meansq_zX, so that they are right in every area they are summed up to. */
#define CELLS(z) \
	{ { "mean_" z, NULL }, { "flagged_" z, NULL }, { "missing_" z, NULL }, \
	  { "mean_" z, NULL }, { "mean_" z, "meansq_" z } }
static const pk2d_table_cell zlen_cells[] = CELLS("zlen"), zwei_cells[] = CELLS("zwei"),
	zwfl_cells[] = CELLS("zwfl"), zbmi_cells[] = CELLS("zbmi");
#undef CELLS

static const pk2d_table_column zscore_columns[] = {
	{ "n", "n", PK2D_CELL_COUNT, 0 },
	{ "Ditandai (%)", "Flagged (%)", PK2D_CELL_PERCENT, 1 },
	{ "Tidak ada (%)", "Missing (%)", PK2D_CELL_PERCENT, 1 },
	{ "Rata-rata z", "Mean z", PK2D_CELL_MEAN, 2 },
	{ "SD z", "SD of z", PK2D_CELL_SD, 2 },
	{ NULL, NULL, 0, 0 }
};

static const pk2d_table_row zscore_rows[] = {
	{ "TB/U (zlen)", "length/height-for-age (zlen)", zlen_cells },
	{ "BB/U (zwei)", "weight-for-age (zwei)", zwei_cells },
	{ "BB/TB (zwfl)", "weight-for-length/height (zwfl)", zwfl_cells },
	{ "IMT/U (zbmi)", "BMI-for-age (zbmi)", zbmi_cells },
	{ NULL, NULL, NULL }
};

static const pk2d_table zscore_table = {
	.id = "zscores",
	.title_id = "Mutu data pengukuran balita",
	.title_en = "Quality of the child measurements",
	.rows_label_id = "Indeks", .rows_label_en = "Index",
	.note_id = "n: z-score tanpa flag dalam rata-rata dan SD; ditandai: z-score di luar "
	           "batas WHO (ukur ulang)",
	.note_en = "n: unflagged z-scores in the mean and SD; flagged: z-scores beyond the WHO "
	           "limits (measure again)",
	.columns = zscore_columns, .rows = zscore_rows
};

static const pk2d_table_cell measured_cells[] = { { "children", NULL },
                                                  { "rows_rejected", NULL } };

static const pk2d_table measured_table = {
	.id = "measured",
	.title_id = "Balita diukur", .title_en = "Children measured",
	.columns = (const pk2d_table_column[]){ { "Balita diukur", "Children measured",
	                                          PK2D_CELL_SUM, 0 },
	                                        { "Baris e-PPGBM ditolak", "e-PPGBM rows rejected",
	                                          PK2D_CELL_SUM, 0 },
	                                        { NULL, NULL, 0, 0 } },
	.rows = (const pk2d_table_row[]){ { "Balita 0-59 bulan", "Children 0-59 months",
	                                    measured_cells },
	                                  { NULL, NULL, NULL } },
};

/* How the reports show the indicators: stunting first in summaries, the
 * WHO-UNICEF classes, and the raw sums behind the tables left out of the
 * agency's table. */
static int declare_display(const pk2d_host_api *api, pk2d_host *h)
{
	pk2d_display shown[] = {
		{ "stunting", 1, 0, stunting_bands, WHO_SOURCE },
		{ "wasting", 0, 0, wasting_bands, WHO_SOURCE },
		{ "overweight", 0, 0, wasting_bands, WHO_SOURCE },
		{ "rows_rejected", 0, 1, NULL, NULL },
	};
	int rc = 0;

	for (size_t i = 0; rc == 0 && i < sizeof shown / sizeof shown[0]; i++)
		rc = api->declare_display(h, &shown[i]);
	for (int i = 0; rc == 0 && i < ZS_N; i++)
		for (int k = 0; rc == 0 && k < 4; k++) {
			pk2d_display raw = { index_ids[i][k], 0, 1, NULL, NULL };
			rc = api->declare_display(h, &raw);
		}
	if (rc == 0)
		rc = api->declare_table(h, &measured_table);
	if (rc == 0)
		rc = api->declare_table(h, &zscore_table);
	return rc;
}

int indicators_declare(const pk2d_host_api *api, pk2d_host *h, double target_stunting,
                       int target_year)
{
	for (size_t i = 0; i < sizeof prevalence_table / sizeof prevalence_table[0]; i++) {
		pk2d_indicator d = prevalence_table[i];
		if (i == 0) {
			d.target = target_stunting;
			d.target_year = target_year;
		}
		int rc = api->declare_indicator(h, &d);
		if (rc != 0)
			return rc;
	}
	for (int i = 0; i < ZS_N; i++) {
		int rc = declare_index(api, h, i);
		if (rc != 0)
			return rc;
	}
	return declare_display(api, h);
}

static int put(const pk2d_host_api *api, pk2d_host *h, const char *area, int rt,
               const char *id, double num, double den)
{
	pk2d_value v = { id, area, rt, NULL, num, den };
	if (den <= 0)
		return 0;
	return api->report_value(h, &v);
}


int indicators_report(const pk2d_host_api *api, pk2d_host *h, const char *area, int rt,
                      const prev_counts *c)
{
	int rc = 0;

#define PUT(name, num, den) \
	do { if (rc == 0) rc = put(api, h, area, rt, name, (double)(num), (double)(den)); } while (0)
	PUT("stunting", c->stunted, c->len_den);
	PUT("severe_stunting", c->severely_stunted, c->len_den);
	PUT("wasting", c->wasted, c->wfl_den);
	PUT("severe_wasting", c->severely_wasted, c->wfl_den);
	PUT("underweight", c->underweight, c->wei_den);
	PUT("overweight", c->overweight, c->wfl_den);
	PUT("kk_free_of_stunting", c->kk_free, c->kk_measured);
	if (c->children > 0)
		PUT("children", c->children, 1);
	if (c->rejected > 0)
		PUT("rows_rejected", c->rejected, 1);
	for (int i = 0; i < ZS_N; i++) {
		PUT(index_ids[i][0], c->flagged[i], c->computed[i]);
		PUT(index_ids[i][1], c->missing[i], c->children);
		PUT(index_ids[i][2], c->sum[i], c->n[i]);
		PUT(index_ids[i][3], c->sumsq[i], c->n[i]);
	}
#undef PUT
	return rc;
}
