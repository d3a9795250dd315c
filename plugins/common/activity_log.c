/*
 * activity_log.c - reading the shared activity log.
 */
#include <stdio.h>
#include <string.h>

#include "activity_log.h"

const field_spec activity_log_fields[ALOG_N_FIELDS + 1] = {
	[ALOG_AREA] = { "area", "kode_wilayah", 0 },
	[ALOG_RT] = { "rt", "rt", 0 },
	[ALOG_INTERVENTION] = { "intervention", "intervensi", 1 },
	[ALOG_TARGET] = { "target", "sasaran", 0 },
	[ALOG_REALISED] = { "realised", "realisasi", 0 },
	[ALOG_DATE] = { "date", "tanggal", 0 },
	[ALOG_BUDGET] = { "budget", "anggaran", 0 },
};

const pk2d_column_help activity_log_help[ALOG_N_FIELDS + 1] = {
	[ALOG_AREA] = { "area", FIELDS_HELP_AREA, FIELDS_ACCEPT_AREA },
	[ALOG_RT] = { "rt", FIELDS_HELP_RT, FIELDS_ACCEPT_RT },
	[ALOG_INTERVENTION] = { "intervention", "Kode intervensi seperti dideklarasikan "
	                        "(pk2d plugins menampilkannya), misalnya ttd_remaja",
	                        "Huruf kecil, angka dan garis bawah; wajib diisi" },
	[ALOG_TARGET] = { "target", "Sasaran: jumlah penduduk sasaran (semua remaja putri RT, "
	                  "semua balita) atau volume yang direncanakan, dalam satuan intervensi",
	                  "Angka 0 atau lebih (desimal dengan koma atau titik); sasaran dan "
	                  "realisasi tidak boleh keduanya kosong" },
	[ALOG_REALISED] = { "realised", "Realisasi: volume yang terlaksana, dalam satuan "
	                    "intervensi", "Angka 0 atau lebih" },
	[ALOG_DATE] = { "date", "Tanggal kegiatan, atau periode rekap",
	                FIELDS_ACCEPT_DATE "; atau periode DHIS2 (2023, 2023Q2, 202306)" },
	[ALOG_BUDGET] = { "budget", "Anggaran yang terpakai, dalam rupiah",
	                  "Angka 0 atau lebih tanpa pemisah ribuan; kosong: tidak diketahui" },
};

int run_scope_init(run_scope *scope, const pk2d_host_api *api, pk2d_host *h)
{
	memset(scope, 0, sizeof *scope);
	scope->area = api->run_area(h);
	scope->period = api->run_period(h);
	if (scope->area == NULL ||
	    (fields_area_level(scope->area) == 0 && strcmp(scope->area, "all") != 0)) {
		api->log(h, PK2D_LOG_ERROR, "the run's area '%s' is not a Kemendagri code",
		         scope->area ? scope->area : "");
		return PK2D_ERR_CONFIG;
	}
	if (fields_period_range(scope->period, &scope->first, &scope->last) != 0) {
		api->log(h, PK2D_LOG_ERROR, "the run's period '%s' is not a DHIS2 period",
		         scope->period ? scope->period : "");
		return PK2D_ERR_CONFIG;
	}
	scope->area_is_village = fields_area_level(scope->area) == 4;
	return 0;
}

int run_scope_need_area(const run_scope *scope, const pk2d_host_api *api, pk2d_host *h,
                        const char *path, const char *prefix, const field_spec *area,
                        int col)
{
	if (col >= 0 || scope->area_is_village)
		return 0;
	api->log(h, PK2D_LOG_ERROR, "%s:1: no column '%s', and the run's area %s is not a "
	         "village", path, fields_header(api, h, prefix, area), scope->area);
	return PK2D_ERR_DATA;
}

int activity_log_check_keys(const pk2d_host_api *api, pk2d_host *h, const char *prefix)
{
	return fields_check_keys(api, h, prefix, activity_log_fields, ALOG_N_FIELDS);
}

int activity_log_row_area(const pk2d_host_api *api, pk2d_csv *c, int col,
                          const run_scope *scope, char *out, size_t outlen)
{
	const char *s;
	int rc;

	if (col < 0) {
		if (strlen(scope->area) >= outlen)
			return PK2D_ERR_INVALID;
		strcpy(out, scope->area);
		return 0;
	}
	s = api->csv_field(c, col);
	rc = fields_area(s, out, outlen);
	if (rc == PK2D_ERR_MISSING) {
		api->csv_reject(c, "missing area: empty area code");
		return PK2D_ERR_INVALID;
	}
	if (rc != 0) {
		api->csv_reject(c, "bad area code: '%s'", s);
		return PK2D_ERR_INVALID;
	}
	if (!fields_area_within(out, scope->area)) {
		api->csv_reject(c, "outside area: %s is not in the run area %s", out, scope->area);
		return PK2D_ERR_INVALID;
	}
	return 0;
}

int activity_log_row_rt(const pk2d_host_api *api, pk2d_csv *c, int col, const char *area,
                        int *rt)
{
	const char *s;

	*rt = 0;
	if (col < 0)
		return 0;
	s = api->csv_field(c, col);
	if (fields_rt(s, rt) != 0) {
		api->csv_reject(c, "bad rt: '%s'", s);
		return PK2D_ERR_INVALID;
	}
	if (*rt > 0 && fields_area_level(area) != 4) {
		api->csv_reject(c, "rt outside village: RT %d given for %s, which is not a village",
		                *rt, area);
		return PK2D_ERR_INVALID;
	}
	return 0;
}

int activity_log_row_period(const pk2d_host_api *api, pk2d_csv *c, int col,
                            const run_scope *scope)
{
	const char *s;
	long day, first, last;
	int rc;

	if (col < 0)
		return 0;
	s = api->csv_field(c, col);
	rc = api->csv_date(c, col, &day);
	if (rc == PK2D_ERR_MISSING) {
		api->csv_reject(c, "missing date: empty date");
		return PK2D_ERR_INVALID;
	}
	if (rc == 0) {
		first = last = day;
	} else if (fields_period_range(s, &first, &last) != 0) {
		api->csv_reject(c, "bad date: '%s' is neither a date nor a period", s);
		return PK2D_ERR_INVALID;
	}
	if (first < scope->first || last > scope->last) {
		api->csv_reject(c, "outside period: '%s' is not in %s", s, scope->period);
		return PK2D_ERR_INVALID;
	}
	return 0;
}

/* Reads a volume column: 0 when absent or empty (*present 0). Rejects an
 * unreadable or negative value. */
static int row_volume(const pk2d_host_api *api, pk2d_csv *c, int col, const char *what,
                      double *out, int *present)
{
	int rc;

	*out = 0;
	*present = 0;
	if (col < 0)
		return 0;
	rc = api->csv_number(c, col, out);
	if (rc == PK2D_ERR_MISSING) {
		*out = 0;
		return 0;
	}
	if (rc != 0) {
		api->csv_reject(c, "unreadable %s: '%s'", what, api->csv_field(c, col));
		return PK2D_ERR_INVALID;
	}
	if (*out < 0) {
		api->csv_reject(c, "negative volume: %s %s", what, api->csv_field(c, col));
		return PK2D_ERR_INVALID;
	}
	*present = 1;
	return 0;
}

/* Checks one row into *row: 1 usable, 0 rejected. */
static int check_row(const pk2d_host_api *api, pk2d_csv *c, const int *cols,
                     const activity_log_spec *spec, const run_scope *scope, activity_row *row)
{
	const char *id = api->csv_field(c, cols[ALOG_INTERVENTION]);
	int has_target, has_realised, rc;

	if (id[0] == '\0') {
		api->csv_reject(c, "missing intervention: empty intervention id");
		return 0;
	}
	memset(row, 0, sizeof *row);
	row->intervention = spec->find(spec->ud, id);
	if (row->intervention < 0) {
		api->csv_reject(c, "unknown intervention: '%s' is not declared", id);
		return 0;
	}
	if (activity_log_row_area(api, c, cols[ALOG_AREA], scope, row->area,
	                          sizeof row->area) != 0 ||
	    activity_log_row_rt(api, c, cols[ALOG_RT], row->area, &row->rt) != 0 ||
	    activity_log_row_period(api, c, cols[ALOG_DATE], scope) != 0)
		return 0;
	if (row_volume(api, c, cols[ALOG_TARGET], "target", &row->target, &has_target) != 0 ||
	    row_volume(api, c, cols[ALOG_REALISED], "realised", &row->realised,
	               &has_realised) != 0)
		return 0;
	if (!has_target && !has_realised) {
		api->csv_reject(c, "no volume: target and realisation are both empty");
		return 0;
	}
	if (cols[ALOG_BUDGET] >= 0) {
		rc = api->csv_number(c, cols[ALOG_BUDGET], &row->budget);
		if (rc == PK2D_ERR_MISSING) {
			row->budget = 0;
		} else if (rc != 0 || row->budget < 0) {
			api->csv_note(c, "unreadable budget: '%s' counted as 0",
			              api->csv_field(c, cols[ALOG_BUDGET]));
			row->budget = 0;
		}
	}
	return 1;
}

/* Logs "path:1: no FIELD column 'HEADER' (map it with PREFIXFIELD)". */
static void no_column(const pk2d_host_api *api, pk2d_host *h, const char *path,
                      const char *prefix, enum activity_log_field f, const char *why)
{
	api->log(h, PK2D_LOG_ERROR, "%s:1: no %s column '%s'%s (map it with %s%s)", path,
	         activity_log_fields[f].field,
	         fields_header(api, h, prefix, &activity_log_fields[f]), why, prefix,
	         activity_log_fields[f].field);
}

/* The columns the file must have. PK2D_ERR_DATA (logged) when one is absent. */
static int check_columns(const pk2d_host_api *api, pk2d_host *h, const char *path,
                         const activity_log_spec *spec, const run_scope *scope,
                         const int *cols)
{
	if (cols[ALOG_INTERVENTION] < 0) {
		no_column(api, h, path, spec->prefix, ALOG_INTERVENTION, "");
		return PK2D_ERR_DATA;
	}
	for (int f = 0; f < ALOG_N_FIELDS; f++) {
		if ((spec->required & (1u << f)) && cols[f] < 0) {
			no_column(api, h, path, spec->prefix, (enum activity_log_field)f, "");
			return PK2D_ERR_DATA;
		}
	}
	if (cols[ALOG_TARGET] < 0 && cols[ALOG_REALISED] < 0) {
		api->log(h, PK2D_LOG_ERROR, "%s:1: neither column '%s' nor '%s' (target and "
		         "realisation; map them with %starget, %srealised)", path,
		         fields_header(api, h, spec->prefix, &activity_log_fields[ALOG_TARGET]),
		         fields_header(api, h, spec->prefix, &activity_log_fields[ALOG_REALISED]),
		         spec->prefix, spec->prefix);
		return PK2D_ERR_DATA;
	}
	if (cols[ALOG_AREA] < 0 && !scope->area_is_village) {
		char why[96];

		snprintf(why, sizeof why, ", and the run's area %s is not a village", scope->area);
		no_column(api, h, path, spec->prefix, ALOG_AREA, why);
		return PK2D_ERR_DATA;
	}
	return 0;
}

int activity_log_each(const pk2d_host_api *api, pk2d_host *h, const char *path,
                      const activity_log_spec *spec, const run_scope *scope)
{
	int cols[ALOG_N_FIELDS], rc;
	activity_row row;
	pk2d_csv *c = api->csv_open(h, path);

	if (c == NULL)
		return PK2D_ERR_IO;
	rc = fields_resolve(api, h, c, spec->prefix, activity_log_fields, ALOG_N_FIELDS, cols);
	if (rc == 0)
		rc = check_columns(api, h, path, spec, scope, cols);
	while (rc == 0 && (rc = api->csv_next(c)) == 1)
		rc = check_row(api, c, cols, spec, scope, &row) ? spec->use(spec->ud, &row) : 0;
	api->csv_close(c);
	return rc < 0 ? rc : 0;
}

struct report_ctx {
	const pk2d_host_api *api;
	pk2d_host *h;
	const catalogue *cat;
};

static long find_entry(void *ud, const char *id)
{
	const struct report_ctx *x = ud;

	return catalogue_find(x->cat, id);
}

/* The host checks each value and logs what it refuses; only running out of
 * memory stops the read. */
static int report_row(void *ud, const activity_row *row)
{
	const struct report_ctx *x = ud;
	pk2d_intervention_value v = {
		.intervention = x->cat->v[row->intervention].id, .area = row->area, .rt = row->rt,
		.target = row->target, .realised = row->realised, .budget = row->budget,
	};
	int rc = x->api->report_intervention(x->h, &v);

	return rc == PK2D_ERR_NOMEM ? rc : 0;
}

int activity_log_read(const pk2d_host_api *api, pk2d_host *h, const char *path,
                      const char *prefix, const catalogue *cat, const run_scope *scope)
{
	struct report_ctx x = { api, h, cat };
	activity_log_spec spec = { prefix, 0, find_entry, report_row, &x };

	return activity_log_each(api, h, path, &spec, scope);
}
