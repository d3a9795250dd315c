/*
 * report.c - the format table, atomic output, shared helpers.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "report.h"
#include "tempfile.h"
#include "report_view.h"
#include "util.h"

const report_format report_formats[] = {
	{ "text", report_write_text, "plain text for a terminal or a file" },
	{ "json", report_write_json, "JSON: run status and registry contents" },
	{ "html", report_write_html, "one self-contained HTML file with SVG charts" },
	{ "md", report_write_md, "Markdown" },
	{ "csv", report_write_csv, "long CSV: one row per area, RT, period and indicator" },
	{ "xlsx", report_write_xlsx, "Excel workbook, one sheet per section" },
	{ "dhis2", report_write_dhis2, "DHIS2 dataValueSet JSON, by code, at village level" },
	{ "dhis2-metadata", report_write_dhis2_meta,
	  "DHIS2 metadata JSON: the data elements, indicators and data set of the dhis2 file" },
	{ NULL, NULL, NULL },
};

const report_format *report_find_format(const char *name)
{
	for (const report_format *f = report_formats; f->name; f++)
		if (!strcmp(f->name, name))
			return f;
	return NULL;
}

const char *report_format_names(void)
{
	static char names[256];
	if (!names[0]) {
		size_t off = 0;
		for (const report_format *f = report_formats; f->name && off < sizeof names; f++)
			off += (size_t)snprintf(names + off, sizeof names - off, "%s%s",
			                        f == report_formats ? "" : ", ", f->name);
	}
	return names;
}

/* fmt->write into f; a failure names what is written (the file, or
 * "standard output") before the writer's reason. */
static int write_named(const report_ctx *ctx, const report_format *fmt, FILE *f,
                       const char *what, char *err, size_t errlen)
{
	int r = fmt->write(ctx, f, err, errlen);
	if (r < 0) {
		char why[1024];
		snprintf(why, sizeof why, "%s", err);
		snprintf(err, errlen, "%s: %s", what, why);
	}
	return r;
}

int report_write_file(const report_ctx *ctx, const report_format *fmt, const char *path,
                      char *err, size_t errlen)
{
	if (!path || !strcmp(path, "-")) {
		int r = write_named(ctx, fmt, stdout, "standard output", err, errlen);
		if (r == 0 && fflush(stdout) != 0) {
			snprintf(err, errlen, "standard output: %s", strerror(errno));
			return PK2D_ERR_IO;
		}
		return r;
	}
	/* A device or a pipe (-o /dev/null, -o /dev/stdout, a FIFO) is written
	 * in place: renaming a file over it would replace the device. */
	struct stat st;
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
		FILE *dev = fopen(path, "w");
		if (!dev) {
			snprintf(err, errlen, "%s: %s", path, strerror(errno));
			return PK2D_ERR_IO;
		}
		int r = write_named(ctx, fmt, dev, path, err, errlen);
		if (fclose(dev) != 0 && r == 0) {
			snprintf(err, errlen, "%s: %s", path, strerror(errno));
			r = PK2D_ERR_IO;
		}
		return r;
	}
	char *dir = path_dirname(path);
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	char *tmp = NULL;
	int fd = tempfile_create(dir, base, NULL, &tmp);
	free(dir);
	if (fd < 0) {
		snprintf(err, errlen, "%s: cannot create a temporary file: %s", path, strerror(errno));
		return PK2D_ERR_IO;
	}
	FILE *f = fdopen(fd, "w");
	if (!f) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		close(fd);
		unlink(tmp);
		tempfile_done(tmp);
		free(tmp);
		return PK2D_ERR_IO;
	}
	int r = write_named(ctx, fmt, f, path, err, errlen);
	if (r == 0 && (fflush(f) != 0 || ferror(f) || fsync(fileno(f)) != 0)) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		r = PK2D_ERR_IO;
	}
	if (fclose(f) != 0 && r == 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		r = PK2D_ERR_IO;
	}
	/* mkstemp makes the file 0600; a report is as readable as any file
	 * the user creates. */
	if (r == 0) {
		mode_t um = umask(0);
		umask(um);
		chmod(tmp, 0666 & ~um);
	}
	if (r == 0)
		tempfile_test_pause("report");
	if (r == 0 && rename(tmp, path) != 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		r = PK2D_ERR_IO;
	}
	if (r != 0)
		unlink(tmp);
	tempfile_done(tmp);
	free(tmp);
	return r;
}

const char *report_label(const report_ctx *ctx, const char *label_id, const char *label_en)
{
	if (ctx->language && !strcmp(ctx->language, "en") && label_en)
		return label_en;
	return label_id ? label_id : "";
}

const char *report_kind_name(int kind)
{
	switch (kind) {
	case PK2D_PROPORTION: return "proportion";
	case PK2D_RATE: return "rate";
	case PK2D_COUNT: return "count";
	case PK2D_MEAN: return "mean";
	default: return "unknown";
	}
}

const char *report_direction_name(int direction)
{
	switch (direction) {
	case PK2D_HIGHER_IS_BETTER: return "higher is better";
	case PK2D_LOWER_IS_BETTER: return "lower is better";
	default: return "neutral";
	}
}

/* Headings and words of the text report, English and Bahasa Indonesia. */
static const struct { const char *en, *id; } words[] = {
	{ "Period", "Periode" },
	{ "Area", "Wilayah" },
	{ "Run status", "Status plugin" },
	{ "Indicators", "Indikator" },
	{ "Interventions", "Intervensi" },
	{ "Files read", "Berkas yang dibaca" },
	{ "rows", "baris" },
	{ "rejected", "ditolak" },
	{ "noted", "dicatat" },
	{ "values", "nilai" },
	{ "refused", "ditolak" },
	{ "target", "target" },
	{ "realised", "realisasi" },
	{ "budget", "anggaran" },
	{ "aims at", "sasaran indikator" },
	{ "no values", "tidak ada nilai" },
	{ "total", "total" },
	{ "ok", "berhasil" },
	{ "failed", "gagal" },
	{ "not loaded", "tidak dimuat" },
	{ "disabled", "dinonaktifkan" },
	{ "pk2d report", "Laporan pk2d" },
	{ "proportion", "proporsi" },
	{ "rate", "rasio" },
	{ "count", "jumlah" },
	{ "mean", "rata-rata" },
	{ "higher is better", "makin tinggi makin baik" },
	{ "lower is better", "makin rendah makin baik" },
	{ "neutral", "netral" },
	{ "required", "wajib" },
};

int report_lists_values(const report_ctx *ctx)
{
	return area_level(ctx->area) == AREA_VILLAGE;
}

/* The village's RTs with the values without RT (0) first, as the
 * registry's own order; its periods. Returns the number of RTs. */
static size_t village_keys(const report_ctx *ctx, int **rts, char ***periods, size_t *np)
{
	int *r = NULL;
	size_t n = registry_rts(ctx->reg, ctx->area, &r);

	*rts = xcalloc(n + 1, sizeof **rts);
	if (n)
		memcpy(*rts + 1, r, n * sizeof *r);
	free(r);
	*np = registry_periods(ctx->reg, periods);
	return n + 1;
}

static void free_periods(char **periods, size_t np)
{
	for (size_t i = 0; i < np; i++)
		free(periods[i]);
	free(periods);
}

void report_each_value(const report_ctx *ctx, report_value_fn fn, void *ud)
{
	int *rts;
	char **periods;
	size_t np, nr;

	if (!report_lists_values(ctx))
		return;
	nr = village_keys(ctx, &rts, &periods, &np);
	for (size_t i = 0; i < registry_n_indicators(ctx->reg); i++) {
		const reg_indicator *ind = registry_indicator_at(ctx->reg, i);

		for (size_t k = 0; k < nr; k++)
			for (size_t p = 0; p < np; p++) {
				reg_sum s;

				if (registry_get(ctx->reg, ind, ctx->area, rts[k], periods[p], &s))
					fn(ud, ind, ctx->area, rts[k], periods[p], &s);
			}
	}
	free(rts);
	free_periods(periods, np);
}

void report_each_intervention_value(const report_ctx *ctx, report_ivalue_fn fn, void *ud)
{
	int *rts;
	char **periods;
	size_t np, nr;

	if (!report_lists_values(ctx))
		return;
	nr = village_keys(ctx, &rts, &periods, &np);
	for (size_t i = 0; i < registry_n_interventions(ctx->reg); i++) {
		const reg_intervention *iv = registry_intervention_at(ctx->reg, i);

		for (size_t k = 0; k < nr; k++)
			for (size_t p = 0; p < np; p++) {
				reg_isum s;

				if (registry_get_intervention(ctx->reg, iv, ctx->area, rts[k],
				                              periods[p], &s))
					fn(ud, iv, ctx->area, rts[k], periods[p], &s);
			}
	}
	free(rts);
	free_periods(periods, np);
}

const char *report_word(const report_ctx *ctx, const char *en_word)
{
	int en = ctx->language && !strcmp(ctx->language, "en");
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (!strcmp(words[i].en, en_word))
			return en ? words[i].en : words[i].id;
	return en_word;
}
