/*
 * ppgbm.c - reading the e-PPGBM export: value forms and one row.
 */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "ppgbm.h"

const field_spec ppgbm_fields[PF_N] = {
	[PF_ID] = { "id", "NIK" },
	[PF_KK] = { "kk", "No KK" },
	[PF_AREA] = { "area", "Kode Desa" },
	[PF_RT] = { "rt", "RT" },
	[PF_SEX] = { "sex", "JK" },
	[PF_BIRTH] = { "birth_date", "Tgl Lahir" },
	[PF_MEASURED] = { "measure_date", "Tanggal Pengukuran" },
	[PF_AGE] = { "age_days", NULL },
	[PF_WEIGHT] = { "weight", "Berat" },
	[PF_HEIGHT] = { "height", "Tinggi" },
	[PF_MEASURE] = { "measure", "Cara Ukur" },
	[PF_OEDEMA] = { "oedema", "Edema" },
	[PF_NAME] = { "name", "Nama" },
	[PF_PARENT] = { "parent", "Nama Ortu" },
	[PF_POSYANDU] = { "posyandu", "Posyandu" },
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

/* The header of a field, for messages ("" when it has none). */
static const char *header(const pk2d_host_api *api, pk2d_host *h, int field)
{
	const char *name = fields_header(api, h, PPGBM_PREFIX, &ppgbm_fields[field]);

	return name != NULL ? name : "";
}

int ppgbm_reader_init(ppgbm_reader *r, const pk2d_host_api *api, pk2d_host *h,
                      pk2d_csv *csv, const char *run_area)
{
	const char *path = api->csv_path(csv);
	int rc;

	r->api = api;
	r->csv = csv;
	r->run_area = run_area != NULL ? run_area : "";
	rc = fields_resolve(api, h, csv, PPGBM_PREFIX, ppgbm_fields, PF_N, r->col);
	if (rc != 0)
		return rc;
	if (r->col[PF_SEX] < 0) {
		api->log(h, PK2D_LOG_ERROR, "%s:1: no sex column '%s' (set column.sex)",
		         path, header(api, h, PF_SEX));
		return PK2D_ERR_DATA;
	}
	if (r->col[PF_WEIGHT] < 0 && r->col[PF_HEIGHT] < 0) {
		api->log(h, PK2D_LOG_ERROR, "%s:1: neither a weight column '%s' nor a height "
		         "column '%s' (set column.weight, column.height)", path,
		         header(api, h, PF_WEIGHT), header(api, h, PF_HEIGHT));
		return PK2D_ERR_DATA;
	}
	if (r->col[PF_AGE] < 0 && (r->col[PF_BIRTH] < 0 || r->col[PF_MEASURED] < 0)) {
		api->log(h, PK2D_LOG_ERROR, "%s:1: no age: needs the columns '%s' and '%s', "
		         "or an age in days (set column.birth_date and column.measure_date, "
		         "or column.age_days)", path, header(api, h, PF_BIRTH),
		         header(api, h, PF_MEASURED));
		return PK2D_ERR_DATA;
	}
	if (r->col[PF_AREA] < 0 && fields_area_level(run_area) != 4) {
		api->log(h, PK2D_LOG_ERROR, "%s:1: no area column '%s' and the run's area "
		         "'%s' is not a village (set column.area)", path, header(api, h, PF_AREA),
		         run_area != NULL ? run_area : "");
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
	if (r->col[PF_AREA] < 0) {
		snprintf(row->area, sizeof row->area, "%s", r->run_area);
	} else {
		const char *area = text(r, PF_AREA);
		int rc = fields_area(area, row->area, sizeof row->area);

		if (rc == PK2D_ERR_MISSING) {
			api->csv_reject(c, "no area: the village code is empty");
			return 0;
		}
		if (rc != 0 || fields_area_level(row->area) != 4) {
			api->csv_reject(c, "bad area: '%s' is not a village code PP.KK.CC.DDDD",
			                area);
			return 0;
		}
	}
	if (r->run_area[0] != '\0' && !fields_area_within(row->area, r->run_area)) {
		api->csv_reject(c, "outside area: '%s' is not in the run's area %s", row->area,
		                r->run_area);
		return 0;
	}
	row->placed = 1;
	if (fields_rt(text(r, PF_RT), &row->rt) != 0) {
		api->csv_reject(c, "bad rt: '%s'", text(r, PF_RT));
		return 0;
	}
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
