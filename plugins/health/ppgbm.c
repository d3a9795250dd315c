/*
 * ppgbm.c - reading the e-PPGBM export: value forms and one row.
 */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "ppgbm.h"

const char *const ppgbm_field_names[PF_N] = {
	"id", "kk", "area", "rt", "sex", "birth_date", "measure_date", "age_days",
	"weight", "height", "measure", "oedema", "name", "parent", "posyandu"
};

const char *const ppgbm_default_headers[PF_N] = {
	"NIK", "No KK", "Kode Desa", "RT", "JK", "Tgl Lahir", "Tanggal Pengukuran", NULL,
	"Berat", "Tinggi", "Cara Ukur", "Edema", "Nama", "Nama Ortu", "Posyandu"
};

static int one_of(const char *s, const char *const *words)
{
	for (; *words != NULL; words++)
		if (strcasecmp(s, *words) == 0)
			return 1;
	return 0;
}

int ppgbm_parse_sex(const char *s)
{
	static const char *const male[] = { "L", "1", "M", "laki-laki", "laki laki", "laki", NULL };
	static const char *const female[] = { "P", "2", "F", "perempuan", NULL };

	if (*s == '\0')
		return 0;
	if (one_of(s, male))
		return 1;
	if (one_of(s, female))
		return 2;
	return -1;
}

int ppgbm_parse_measure(const char *s)
{
	static const char *const lying[] = { "l", "terlentang", "telentang", NULL };
	static const char *const standing[] = { "h", "berdiri", NULL };

	if (*s == '\0')
		return 0;
	if (one_of(s, lying))
		return 'l';
	if (one_of(s, standing))
		return 'h';
	return -1;
}

int ppgbm_parse_oedema(const char *s)
{
	static const char *const yes[] = { "ya", "y", "1", NULL };
	static const char *const no[] = { "tidak", "n", "0", NULL };

	if (*s == '\0' || one_of(s, no))
		return 0;
	if (one_of(s, yes))
		return 1;
	return -1;
}

int ppgbm_parse_rt(const char *s)
{
	long v = 0;
	int digits = 0;

	if (*s == '\0')
		return 0;
	if (strncasecmp(s, "RT", 2) == 0) {
		s += 2;
		while (*s == ' ' || *s == '.')
			s++;
	}
	for (; *s >= '0' && *s <= '9'; s++) {
		v = v * 10 + (*s - '0');
		if (v > 9999)
			return -1;
		digits++;
	}
	if (*s != '\0' || digits == 0 || v < 1)
		return -1;
	return (int)v;
}

int ppgbm_village_code(const char *s)
{
	static const int widths[] = { 2, 2, 2, 4 };

	for (int part = 0; part < 4; part++) {
		for (int i = 0; i < widths[part]; i++, s++)
			if (*s < '0' || *s > '9')
				return 0;
		if (*s != (part < 3 ? '.' : '\0'))
			return 0;
		s++;
	}
	return 1;
}

void ppgbm_columns_default(ppgbm_columns *cols)
{
	for (int i = 0; i < PF_N; i++)
		cols->header[i] = ppgbm_default_headers[i];
}

int ppgbm_columns_set(ppgbm_columns *cols, const char *key, const char *value,
                      char *err, size_t errlen)
{
	if (strncmp(key, "column.", 7) != 0)
		return 0;
	for (int i = 0; i < PF_N; i++) {
		if (strcmp(key + 7, ppgbm_field_names[i]) == 0) {
			cols->header[i] = value;
			return 1;
		}
	}
	snprintf(err, errlen, "unknown field '%s' in %s (fields: id kk area rt sex "
	         "birth_date measure_date age_days weight height measure oedema name "
	         "parent posyandu)", key + 7, key);
	return PK2D_ERR_CONFIG;
}

int ppgbm_area_within(const char *code, const char *area)
{
	size_t n;

	if (area == NULL || *area == '\0' || strcmp(area, "all") == 0)
		return 1;
	n = strlen(area);
	return strncmp(code, area, n) == 0 && (code[n] == '\0' || code[n] == '.');
}

int ppgbm_reader_init(ppgbm_reader *r, const pk2d_host_api *api, pk2d_host *h,
                      pk2d_csv *csv, const ppgbm_columns *cols,
                      const char *run_area)
{
	const char *default_area = run_area;

	const char *path = api->csv_path(csv);

	r->api = api;
	r->csv = csv;
	r->run_area = run_area;
	r->default_area = run_area != NULL && ppgbm_village_code(run_area) ? run_area : "";
	for (int i = 0; i < PF_N; i++)
		r->col[i] = cols->header[i] != NULL && *cols->header[i] != '\0'
		                ? api->csv_column(csv, cols->header[i]) : -1;

	if (r->col[PF_SEX] < 0) {
		api->log(h, PK2D_LOG_ERROR, "%s:1: no sex column '%s' (set column.sex)",
		         path, cols->header[PF_SEX] != NULL ? cols->header[PF_SEX] : "");
		return PK2D_ERR_DATA;
	}
	if (r->col[PF_WEIGHT] < 0 && r->col[PF_HEIGHT] < 0) {
		api->log(h, PK2D_LOG_ERROR, "%s:1: neither a weight column '%s' nor a height "
		         "column '%s' (set column.weight, column.height)", path,
		         cols->header[PF_WEIGHT] != NULL ? cols->header[PF_WEIGHT] : "",
		         cols->header[PF_HEIGHT] != NULL ? cols->header[PF_HEIGHT] : "");
		return PK2D_ERR_DATA;
	}
	if (r->col[PF_AGE] < 0 && (r->col[PF_BIRTH] < 0 || r->col[PF_MEASURED] < 0)) {
		api->log(h, PK2D_LOG_ERROR, "%s:1: no age: needs the columns '%s' and '%s', "
		         "or an age in days (set column.birth_date and column.measure_date, "
		         "or column.age_days)", path,
		         cols->header[PF_BIRTH] != NULL ? cols->header[PF_BIRTH] : "",
		         cols->header[PF_MEASURED] != NULL ? cols->header[PF_MEASURED] : "");
		return PK2D_ERR_DATA;
	}
	if (r->col[PF_AREA] < 0 && (default_area == NULL || !ppgbm_village_code(default_area))) {
		api->log(h, PK2D_LOG_ERROR, "%s:1: no area column '%s' and the run's area "
		         "'%s' is not a village (set column.area)", path,
		         cols->header[PF_AREA] != NULL ? cols->header[PF_AREA] : "",
		         default_area != NULL ? default_area : "");
		return PK2D_ERR_DATA;
	}
	return 0;
}

static const char *text(const ppgbm_reader *r, int field)
{
	return r->col[field] >= 0 ? r->api->csv_field(r->csv, r->col[field]) : "";
}

/* A number that must be positive to make sense (weight, height, age): an
 * unreadable value is noted and missing. */
static double number(const ppgbm_reader *r, int field, const char *what)
{
	double v;
	int rc;

	if (r->col[field] < 0)
		return NAN;
	rc = r->api->csv_number(r->csv, r->col[field], &v);
	if (rc == PK2D_ERR_MISSING)
		return NAN;
	if (rc != 0 || !isfinite(v)) {
		r->api->csv_note(r->csv, "unreadable %s: '%s'", what, text(r, field));
		return NAN;
	}
	return v;
}

static long date(const ppgbm_reader *r, int field, const char *what)
{
	long d;
	int rc;

	if (r->col[field] < 0)
		return LONG_MIN;
	rc = r->api->csv_date(r->csv, r->col[field], &d);
	if (rc == PK2D_ERR_MISSING)
		return LONG_MIN;
	if (rc != 0) {
		r->api->csv_note(r->csv, "unreadable %s: '%s'", what, text(r, field));
		return LONG_MIN;
	}
	return d;
}

/* The age in days: from the two dates, else from age_days. */
static double age_of(const ppgbm_reader *r, long measured)
{
	long born = date(r, PF_BIRTH, "birth date");
	double age;

	if (born != LONG_MIN && measured != LONG_MIN) {
		if (measured < born) {
			r->api->csv_note(r->csv, "measured before birth: the measure date "
			                 "precedes the birth date");
			return NAN;
		}
		return (double)(measured - born);
	}
	age = number(r, PF_AGE, "age in days");
	if (age < 0) {
		r->api->csv_note(r->csv, "negative age: '%s'", text(r, PF_AGE));
		return NAN;
	}
	return age;
}

int ppgbm_read_row(const ppgbm_reader *r, ppgbm_row *row)
{
	const pk2d_host_api *api = r->api;
	pk2d_csv *c = r->csv;
	int v;

	row->placed = 0;
	row->rt = 0;
	row->area = r->col[PF_AREA] >= 0 ? text(r, PF_AREA) : r->default_area;
	if (*row->area == '\0') {
		api->csv_reject(c, "no area: the village code is empty");
		return 0;
	}
	if (!ppgbm_village_code(row->area)) {
		api->csv_reject(c, "bad area: '%s' is not a village code PP.KK.CC.DDDD", row->area);
		return 0;
	}
	if (!ppgbm_area_within(row->area, r->run_area)) {
		api->csv_reject(c, "outside area: '%s' is not in the run's area %s", row->area,
		                r->run_area);
		return 0;
	}
	row->placed = 1;
	v = ppgbm_parse_rt(text(r, PF_RT));
	if (v < 0) {
		api->csv_reject(c, "bad rt: '%s'", text(r, PF_RT));
		return 0;
	}
	row->rt = v;
	row->measured = date(r, PF_MEASURED, "measure date");
	row->in.age_days = age_of(r, row->measured);
	if (row->in.age_days / ZSCORE_DAYS_PER_MONTH >= 60) {
		api->csv_reject(c, "over 59 months: %.0f days old", row->in.age_days);
		return 0;
	}
	row->id = text(r, PF_ID);
	row->kk = text(r, PF_KK);
	row->name = text(r, PF_NAME);
	row->parent = text(r, PF_PARENT);
	row->posyandu = text(r, PF_POSYANDU);

	v = ppgbm_parse_sex(text(r, PF_SEX));
	if (v < 0)
		api->csv_note(c, "unreadable sex: '%s'", text(r, PF_SEX));
	row->in.sex = v > 0 ? v : 0;
	row->in.weight = number(r, PF_WEIGHT, "weight");
	row->in.lenhei = number(r, PF_HEIGHT, "height");
	v = ppgbm_parse_measure(text(r, PF_MEASURE));
	if (v < 0)
		api->csv_note(c, "unreadable measure: '%s'", text(r, PF_MEASURE));
	row->in.measure = v > 0 ? (char)v : 0;
	v = ppgbm_parse_oedema(text(r, PF_OEDEMA));
	if (v < 0)
		api->csv_note(c, "unreadable oedema: '%s'", text(r, PF_OEDEMA));
	row->in.oedema = v > 0;
	return 1;
}
