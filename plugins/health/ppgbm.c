/*
 * ppgbm.c - reading the e-PPGBM export: value forms and one row.
 */
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "ppgbm.h"

const field_spec ppgbm_fields[PF_N + 1] = {
	[PF_ID] = { "id", "NIK", 0 },
	[PF_KK] = { "kk", "No KK", 0 },
	[PF_AREA] = { "area", "Kode Desa", 0 },
	[PF_RT] = { "rt", "RT", 0 },
	[PF_SEX] = { "sex", "JK", 1 },
	[PF_BIRTH] = { "birth_date", "Tgl Lahir", 0 },
	[PF_MEASURED] = { "measure_date", "Tanggal Pengukuran", 0 },
	[PF_AGE] = { "age_days", NULL, 0 },
	[PF_WEIGHT] = { "weight", "Berat", 0 },
	[PF_HEIGHT] = { "height", "Tinggi", 0 },
	[PF_MEASURE] = { "measure", "Cara Ukur", 0 },
	[PF_OEDEMA] = { "oedema", "Edema", 0 },
	[PF_NAME] = { "name", "Nama", 0 },
	[PF_PARENT] = { "parent", "Nama Ortu", 0 },
	[PF_POSYANDU] = { "posyandu", "Posyandu", 0 },
};

const pk2d_column_help ppgbm_help[PF_N + 1] = {
	[PF_ID] = { "id", "NIK anak (atau nomor lain yang sama di setiap pengukuran anak itu)",
	            "16 angka, sebagai teks (jangan sebagai angka: Excel membulatkan digit "
	            "ke-16)" },
	[PF_KK] = { "kk", "Nomor KK keluarga anak", "16 angka, sebagai teks" },
	[PF_AREA] = { "area", FIELDS_HELP_AREA, FIELDS_ACCEPT_AREA },
	[PF_RT] = { "rt", FIELDS_HELP_RT, FIELDS_ACCEPT_RT },
	[PF_SEX] = { "sex", "Jenis kelamin anak", "L atau P (juga 1/2, M/F); wajib diisi" },
	[PF_BIRTH] = { "birth_date", "Tanggal lahir anak",
	               "Tanggal YYYY-MM-DD, DD/MM/YYYY atau DD-MM-YYYY" },
	[PF_MEASURED] = { "measure_date", "Tanggal pengukuran", FIELDS_ACCEPT_DATE },
	[PF_AGE] = { "age_days", "Umur anak pada pengukuran, dalam hari (pengganti kedua "
	             "tanggal)", "0 sampai 1826" },
	[PF_WEIGHT] = { "weight", "Berat badan dalam kg",
	                "Angka, desimal dengan koma atau titik (12,5); kosong: tidak ditimbang" },
	[PF_HEIGHT] = { "height", "Panjang atau tinggi badan dalam cm",
	                "Angka, desimal dengan koma atau titik (87,3); kosong: tidak diukur" },
	[PF_MEASURE] = { "measure", "Cara ukur panjang/tinggi badan",
	                 "terlentang atau berdiri (juga L/H); kosong: menurut umur" },
	[PF_OEDEMA] = { "oedema", "Edema (bengkak) kedua kaki",
	                "ya atau tidak (juga y/n, 1/0); kosong: tidak" },
	[PF_NAME] = { "name", "Nama anak, hanya untuk daftar tindak lanjut", "Teks bebas" },
	[PF_PARENT] = { "parent", "Nama orang tua, hanya untuk daftar tindak lanjut",
	                "Teks bebas" },
	[PF_POSYANDU] = { "posyandu", "Nama posyandu, untuk daftar tindak lanjut", "Teks bebas" },
};

/* Whether s is the lower-case word w in any ASCII case: strcasecmp's
 * answer in the C locale, which the host keeps, without a copy. */
static int is_word(const char *s, const char *w)
{
	for (;; s++, w++) {
		char c = *s >= 'A' && *s <= 'Z' ? (char)(*s - 'A' + 'a') : *s;
		if (c != *w)
			return 0;
		if (c == '\0')
			return 1;
	}
}

/* Whether s is one of the words; the export's own (lower-case) spelling
 * is found by strcmp. */
static int one_of(const char *s, const char *const *words)
{
	for (; *words != NULL; words++)
		if (strcmp(s, *words) == 0 || is_word(s, *words))
			return 1;
	return 0;
}

/* A one-character text lowered, else 0 (empty or longer). */
static char letter(const char *s)
{
	if (s[0] == '\0' || s[1] != '\0')
		return 0;
	return s[0] >= 'A' && s[0] <= 'Z' ? (char)(s[0] - 'A' + 'a') : s[0];
}

int ppgbm_parse_sex(const char *s)
{
	static const char *const male[] = { "laki-laki", "laki laki", "laki", NULL };
	static const char *const female[] = { "perempuan", NULL };

	if (*s == '\0')
		return 0;
	switch (letter(s)) {
	case 'l': case '1': case 'm': return 1;
	case 'p': case '2': case 'f': return 2;
	case 0: break;
	default: return -1;
	}
	if (one_of(s, male))
		return 1;
	if (one_of(s, female))
		return 2;
	return -1;
}

int ppgbm_parse_measure(const char *s)
{
	static const char *const lying[] = { "terlentang", "telentang", NULL };
	static const char *const standing[] = { "berdiri", NULL };

	if (*s == '\0')
		return 0;
	switch (letter(s)) {
	case 'l': return 'l';
	case 'h': return 'h';
	case 0: break;
	default: return -1;
	}
	if (one_of(s, lying))
		return 'l';
	if (one_of(s, standing))
		return 'h';
	return -1;
}

int ppgbm_parse_oedema(const char *s)
{
	static const char *const yes[] = { "ya", NULL };
	static const char *const no[] = { "tidak", NULL };

	if (*s == '\0')
		return 0;
	switch (letter(s)) {
	case 'n': case '0': return 0;
	case 'y': case '1': return 1;
	case 0: break;
	default: return -1;
	}
	if (one_of(s, no))
		return 0;
	if (one_of(s, yes))
		return 1;
	return -1;
}

static const double pow10_exact[] = {
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15
};

/* The digits at *p on, added to *mant: how many there were. */
static size_t add_digits(const char **p, uint64_t *mant)
{
	const char *q = *p;

	for (; *q >= '0' && *q <= '9'; q++)
		*mant = *mant * 10 + (uint64_t)(*q - '0');
	size_t n = (size_t)(q - *p);
	*p = q;
	return n;
}

int ppgbm_plain_number(const char *s, double *out)
{
	uint64_t mant = 0;   /* wraps only past 19 digits, refused below */
	const char *p = s;
	size_t whole = add_digits(&p, &mant), frac = 0;

	if (whole == 0)
		return 0;
	if (*p == ',' || *p == '.') {
		p++;
		if ((frac = add_digits(&p, &mant)) == 0)
			return 0;
	}
	if (*p != '\0' || whole + frac > 15)
		return 0;
	/* An exact integer over an exact power of ten: one correctly rounded
	 * division, as the host does. */
	*out = frac > 0 ? (double)mant / pow10_exact[frac] : (double)mant;
	return 1;
}

static int two_digits(const char *p)
{
	return (p[0] - '0') * 10 + (p[1] - '0');
}

static int is_digit(char ch)
{
	return ch >= '0' && ch <= '9';
}

int ppgbm_plain_date(const char *s, long *days)
{
	static const int dim[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int d, m, y;

	if (!(is_digit(s[0]) && is_digit(s[1]) && s[2] == '/' && is_digit(s[3]) &&
	      is_digit(s[4]) && s[5] == '/' && is_digit(s[6]) && is_digit(s[7]) &&
	      is_digit(s[8]) && is_digit(s[9]) && s[10] == '\0'))
		return 0;
	d = two_digits(s);
	m = two_digits(s + 3);
	y = two_digits(s + 6) * 100 + two_digits(s + 8);
	if (y < 1 || m < 1 || m > 12 || d < 1)
		return 0;
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (d > (m == 2 && leap ? 29 : dim[m - 1]))
		return 0;
	*days = fields_days(y, m, d);
	return 1;
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
	r->last_raw[0] = '\0';
	r->last_measured_text[0] = '\0';
	r->names = 1;
	r->period = api->run_period(h);
	if (fields_period_range(r->period, &r->first, &r->last) != 0) {
		api->log(h, PK2D_LOG_ERROR, "the run's period '%s' is not a DHIS2 period",
		         r->period != NULL ? r->period : "");
		return PK2D_ERR_CONFIG;
	}
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

/* The text of a field of the row ppgbm_read_row reads ("" when the file
 * has no such column). */
static const char *text(const ppgbm_reader *r, int field)
{
	return r->cell[field];
}

/* A number that must be positive to make sense (weight, height, age) from
 * the field's text t: an unreadable value is noted and missing. The usual
 * form is read here, any other by the host. */
static double number(const ppgbm_reader *r, int field, const char *t, const char *what)
{
	double v;
	int rc;

	if (r->col[field] < 0)
		return NAN;
	if (ppgbm_plain_number(t, &v))
		return v;
	rc = r->api->csv_number(r->csv, r->col[field], &v);
	if (rc == PK2D_ERR_MISSING)
		return NAN;
	if (rc != 0 || !isfinite(v)) {
		r->api->csv_note(r->csv, "unreadable %s: '%s'", what, t);
		return NAN;
	}
	return v;
}

static long date(const ppgbm_reader *r, int field, const char *t, const char *what)
{
	long d;
	int rc;

	if (r->col[field] < 0)
		return LONG_MIN;
	if (ppgbm_plain_date(t, &d))
		return d;
	rc = r->api->csv_date(r->csv, r->col[field], &d);
	if (rc == PK2D_ERR_MISSING)
		return LONG_MIN;
	if (rc != 0) {
		r->api->csv_note(r->csv, "unreadable %s: '%s'", what, t);
		return LONG_MIN;
	}
	return d;
}

/* The measure date from its text t. A village's children are measured on
 * a few posyandu days, so the text of the row before, when it was a date,
 * is not read again. */
static long measure_date(ppgbm_reader *r, const char *t)
{
	size_t n = strlen(t);
	long d;

	if (n > 0 && n < sizeof r->last_measured_text &&
	    memcmp(t, r->last_measured_text, n + 1) == 0)
		return r->last_measured;
	d = date(r, PF_MEASURED, t, "measure date");
	if (d != LONG_MIN && n < sizeof r->last_measured_text) {
		memcpy(r->last_measured_text, t, n + 1);
		r->last_measured = d;
	}
	return d;
}

/* The age in days: from the two dates, else from age_days. */
static double age_of(const ppgbm_reader *r, long measured)
{
	long born = date(r, PF_BIRTH, text(r, PF_BIRTH), "birth date");
	const char *t;
	double age;

	if (born != LONG_MIN && measured != LONG_MIN) {
		if (measured < born) {
			r->api->csv_note(r->csv, "measured before birth: the measure date "
			                 "precedes the birth date");
			return NAN;
		}
		return (double)(measured - born);
	}
	t = text(r, PF_AGE);
	age = number(r, PF_AGE, t, "age in days");
	if (age < 0) {
		r->api->csv_note(r->csv, "negative age: '%s'", t);
		return NAN;
	}
	return age;
}

/* The row's area into row->area: 0, or the row rejected. The export comes
 * village by village, so the text of the row before, when it was accepted,
 * is accepted again without a second look. */
static int area_of(ppgbm_reader *r, ppgbm_row *row)
{
	const pk2d_host_api *api = r->api;
	pk2d_csv *c = r->csv;
	const char *area = NULL;
	size_t n = 0;
	int rc;

	if (r->col[PF_AREA] < 0) {
		snprintf(row->area, sizeof row->area, "%s", r->run_area);
	} else {
		area = text(r, PF_AREA);
		n = strlen(area);
		if (r->last_raw[0] != '\0' && n < sizeof r->last_raw &&
		    memcmp(area, r->last_raw, n + 1) == 0) {
			memcpy(row->area, r->last_area, sizeof row->area);
			return 0;
		}
		rc = fields_area(area, row->area, sizeof row->area);
		if (rc == PK2D_ERR_MISSING) {
			api->csv_reject(c, "no area: the village code is empty");
			return -1;
		}
		if (rc != 0 || fields_area_level(row->area) != 4) {
			api->csv_reject(c, "bad area: '%s' is not a village code PP.KK.CC.DDDD",
			                area);
			return -1;
		}
	}
	if (r->run_area[0] != '\0' && !fields_area_within(row->area, r->run_area)) {
		api->csv_reject(c, "outside area: %s is not in the run area %s", row->area,
		                r->run_area);
		return -1;
	}
	if (r->col[PF_AREA] >= 0 && n < sizeof r->last_raw) {
		memcpy(r->last_raw, area, n + 1);
		memcpy(r->last_area, row->area, sizeof row->area);
	}
	return 0;
}

/* The RT from its text: the usual one to four digits here, the rest by
 * fields_rt. */
static int rt_of(const char *t, int *rt)
{
	int v = 0, i;

	for (i = 0; i < 4 && t[i] >= '0' && t[i] <= '9'; i++)
		v = v * 10 + (t[i] - '0');
	if (i > 0 && t[i] == '\0' && v >= 1) {
		*rt = v;
		return 0;
	}
	return fields_rt(t, rt);
}

int ppgbm_read_row(ppgbm_reader *r, ppgbm_row *row)
{
	const pk2d_host_api *api = r->api;
	pk2d_csv *c = r->csv;
	const char *t;
	int v;

	api->csv_fields(c, r->col, PF_N, r->cell);
	row->placed = 0;
	row->rt = 0;
	if (area_of(r, row) != 0)
		return 0;
	row->placed = 1;
	t = text(r, PF_RT);
	if (rt_of(t, &row->rt) != 0) {
		api->csv_reject(c, "bad rt: '%s'", t);
		return 0;
	}
	t = text(r, PF_MEASURED);
	row->measured = measure_date(r, t);
	/* Dated rows outside the run's period are not counted in it
	 * (docs/inputs.md, "Period"); an undated row belongs to it. */
	if (row->measured != LONG_MIN && (row->measured < r->first || row->measured > r->last)) {
		api->csv_reject(c, "outside period: '%s' is not in %s", t, r->period);
		return 0;
	}
	row->in.age_days = age_of(r, row->measured);
	if (row->in.age_days / ZSCORE_DAYS_PER_MONTH >= 60) {
		api->csv_reject(c, "over 59 months: %.0f days old", row->in.age_days);
		return 0;
	}
	row->id = text(r, PF_ID);
	row->kk = text(r, PF_KK);
	if (r->names) {
		row->name = text(r, PF_NAME);
		row->parent = text(r, PF_PARENT);
		row->posyandu = text(r, PF_POSYANDU);
	} else {
		row->name = row->parent = row->posyandu = "";
	}

	t = text(r, PF_SEX);
	v = ppgbm_parse_sex(t);
	if (v < 0)
		api->csv_note(c, "unreadable sex: '%s'", t);
	row->in.sex = v > 0 ? v : 0;
	row->in.weight = number(r, PF_WEIGHT, text(r, PF_WEIGHT), "weight");
	row->in.lenhei = number(r, PF_HEIGHT, text(r, PF_HEIGHT), "height");
	t = text(r, PF_MEASURE);
	v = ppgbm_parse_measure(t);
	if (v < 0)
		api->csv_note(c, "unreadable measure: '%s'", t);
	row->in.measure = v > 0 ? (char)v : 0;
	t = text(r, PF_OEDEMA);
	v = ppgbm_parse_oedema(t);
	if (v < 0)
		api->csv_note(c, "unreadable oedema: '%s'", t);
	row->in.oedema = v > 0;
	return 1;
}
