/*
 * family.c - the family quality survey plugin (DP3A / DPPPAPPKB).
 *
 * Reads the survey, one row per KK, and reports per RT (rt 0 for rows
 * without one): every survey indicator as KK meeting it / KK to which it
 * applies, KK and population counts, dasawisma groups, the per-KK family
 * quality score and its household categories, and the KB indicators (PUS,
 * CPR, mCPR, unmet need). docs/plugins/family.md describes it for users.
 */
#include <config.h>

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <strings.h>

#include "pk2d/plugin.h"
#include "../common/fields.h"
#include "../common/target.h"
#include "answers.h"
#include "indicators.h"

enum field {
	F_KK, F_AREA, F_RT, F_DASAWISMA, F_MALE, F_FEMALE, F_PUS, F_METHOD, F_WISH, N_FIELDS
};

/* The column of each field in the file (-1: absent). */
typedef struct cols {
	int c[N_FIELDS];
} cols;

/* The survey's columns, declared for pk2d check: the N_FIELDS fields in
 * their enum's order (field name and default header), then the built-in
 * indicators of indicators.c (whose header is their code). */
static const pk2d_input_column survey_columns[] = {
	{ "kk", "no_kk", 1 }, { "area", "kode_wilayah", 0 }, { "rt", "rt", 0 },
	{ "dasawisma", "dasawisma", 0 }, { "male", "jml_laki", 0 },
	{ "female", "jml_perempuan", 0 }, { "pus", "status_pus", 0 },
	{ "method", "alat_kontrasepsi", 0 }, { "wish", "keinginan_anak", 0 },
#define IND(code) { code, code, 0 }
	IND("L1"), IND("L2"), IND("L3"), IND("F1"), IND("F2"), IND("F3"), IND("F4"), IND("F5"),
	IND("F6"), IND("E1"), IND("E2"), IND("E3"), IND("E4"), IND("E5"), IND("E6"), IND("E7"),
	IND("E8"), IND("P1"), IND("P2"), IND("P3"), IND("P4"), IND("P5"), IND("P6"), IND("B1"),
	IND("B2"), IND("B3"), IND("B4"), IND("B5"), IND("B6"),
#undef IND
	{ NULL, NULL, 0 }
};

/* What an agency writes in each of the survey's columns. */
#define IND(code) { #code, "Indikator " #code ": " FAMILY_LABEL_##code, \
	"1 memenuhi, 0 tidak; kosong, NA atau tanda strip: tidak berlaku" }
static const pk2d_column_help survey_help[] = {
	{ "kk", "Nomor KK", "16 angka, sebagai teks; wajib diisi" },
	{ "area", FIELDS_HELP_AREA, FIELDS_ACCEPT_AREA },
	{ "rt", FIELDS_HELP_RT, FIELDS_ACCEPT_RT },
	{ "dasawisma", "Nama atau nomor kelompok dasawisma", "Teks bebas" },
	{ "male", "Jumlah anggota keluarga laki-laki", "Bilangan bulat 0 sampai 99" },
	{ "female", "Jumlah anggota keluarga perempuan", "Bilangan bulat 0 sampai 99" },
	{ "pus", "Keluarga memiliki pasangan usia subur (istri 15-49 tahun)", "1 ya, 0 tidak" },
	{ "method", "Alat/cara KB yang dipakai PUS",
	  "tidak (atau kosong), MOW, MOP, IUD, implan, suntik, pil, kondom, MAL, tradisional, "
	  "pantang berkala, senggama terputus" },
	{ "wish", "Keinginan PUS untuk punya anak",
	  "segera (dalam 2 tahun), tunda, tidak (tidak ingin lagi), hamil (sedang hamil)" },
	IND(L1), IND(L2), IND(L3), IND(F1), IND(F2), IND(F3), IND(F4), IND(F5), IND(F6),
	IND(E1), IND(E2), IND(E3), IND(E4), IND(E5), IND(E6), IND(E7), IND(E8),
	IND(P1), IND(P2), IND(P3), IND(P4), IND(P5), IND(P6),
	IND(B1), IND(B2), IND(B3), IND(B4), IND(B5), IND(B6),
	{ NULL, NULL, NULL }
};
#undef IND

/* A survey indicator: built in, or added with indicator.CODE. */
typedef struct survey_ind {
	char code[40];            /* "L1" */
	char id[40];              /* "l1": the registry id inside the plugin */
	char *header;             /* column header (the code unless column.CODE) */
	char *label_id, *label_en;
	const char *group;
	int col;                  /* column in the file, -1 when absent */
} survey_ind;

/* Sums for one (area, RT). */
typedef struct rt_group {
	char area[16];
	int rt;
	uint32_t kk, male, female, scored, cat[3], pus, any, modern, unmet;
	/* Indicators met by the KK scored, per number applicable (0..n_ind):
	 * the score sum follows, made the same way in any row order. */
	uint32_t *met_by_applicable;
	uint32_t n_dw, cap_dw;
	uint64_t *dw;             /* dasawisma names seen (hashes) */
	/* Per indicator: KK to which it does not apply, KK that fail it (those
	 * meeting it and those to which it applies follow from kk). */
	uint32_t *counts;
} rt_group;

typedef struct family {
	const pk2d_host_api *api;
	pk2d_host *h;
	char *header[N_FIELDS];
	size_t n_ind;
	survey_ind *ind;
	int *ind_col;             /* ind[i].col, packed for the row loop */
	const char **ind_cell;    /* a row's cells of ind_col (api->csv_fields) */
	double cut_good, cut_fair;
	int check_duplicates;
	/* The host hands the rows out village by village (api->csv_group):
	 * the (area, RT) groups are those of the current village, reported
	 * and dropped when the area changes. */
	char village[16];
	int village_known;        /* village is in the Kemendagri code table */
	rt_group *last_group;     /* group of the previous row in the village */
	rt_group **groups;        /* open addressing */
	size_t n_groups, cap_groups;
} family;

static const pk2d_config_key family_keys[] = {
	{ "survey", NULL, 1, "the family survey CSV file, one row per KK" },
	{ "column.*", NULL, 0,
	  "column.FIELD = header in the file; FIELD: kk area rt dasawisma male female "
	  "pus method wish, or an indicator code (L1 ... B6)" },
	{ "indicator.*", NULL, 0,
	  "indicator.CODE = Label | English label: one more survey indicator (column CODE)" },
	{ "target.*", NULL, 0,
	  "target.ID = value or YEAR:VALUE pairs: target of one of the plugin's indicators "
	  "(target.mcpr = 65)" },
	{ "household_categories", "75 50", 0,
	  "lowest KK score of 'baik' and of 'sedang' (the model's household ranges)" },
	{ "check_duplicates", "yes", 0,
	  "copies of a KK number in a village: identical ones count once, differing ones are "
	  "all rejected" },
	{ NULL, NULL, 0, NULL }
};

static uint64_t hash_bytes(uint64_t h, const char *s)
{
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
}

/* The splitmix64 finaliser: every bit of h moves every bit of the result. */
static uint64_t mix(uint64_t h)
{
	h ^= h >> 30;
	h *= 0xbf58476d1ce4e5b9ULL;
	h ^= h >> 27;
	h *= 0x94d049bb133111ebULL;
	h ^= h >> 31;
	return h;
}

/* A hash of a string read eight bytes at a time (a 16-digit KK number is
 * two steps); each step is a bijection of the chunk, so strings of one
 * length differing in one chunk never collide. */
static uint64_t hash_str(const char *s)
{
	size_t n = strlen(s);
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ n, w;

	for (; n >= 8; s += 8, n -= 8) {
		memcpy(&w, s, sizeof w);
		h = (h ^ w) * 0xbf58476d1ce4e5b9ULL;
		h ^= h >> 29;
	}
	if (n) {
		w = 0;
		for (size_t i = 0; i < n; i++)
			w |= (uint64_t)(unsigned char)s[i] << (8 * i);
		h = (h ^ w) * 0xbf58476d1ce4e5b9ULL;
	}
	return mix(h);
}

/* ---- configuration ---------------------------------------------------- */

static survey_ind *find_ind(family *f, const char *code)
{
	for (size_t i = 0; i < f->n_ind; i++)
		if (strcasecmp(f->ind[i].code, code) == 0)
			return &f->ind[i];
	return NULL;
}

static int add_ind(family *f, const char *code, const char *label_id, const char *label_en,
                   const char *group)
{
	survey_ind *si;
	size_t len = strlen(code);

	si = realloc(f->ind, (f->n_ind + 1) * sizeof *si);
	if (!si)
		return PK2D_ERR_NOMEM;
	f->ind = si;
	si = &si[f->n_ind];
	memset(si, 0, sizeof *si);
	memcpy(si->code, code, len + 1);
	for (size_t i = 0; i <= len; i++)
		si->id[i] = (char)(code[i] >= 'A' && code[i] <= 'Z' ? code[i] - 'A' + 'a' : code[i]);
	si->label_id = strdup(label_id);
	si->label_en = strdup(label_en);
	si->header = strdup(code);
	si->group = group;
	si->col = -1;
	f->n_ind++;
	if (!si->label_id || !si->label_en || !si->header)
		return PK2D_ERR_NOMEM;
	return 0;
}

/* An indicator code: a letter, then letters, digits or '_' (at most 32). */
static int code_ok(const char *c)
{
	size_t n = strlen(c);

	if (n == 0 || n > 32 || !((c[0] >= 'A' && c[0] <= 'Z') || (c[0] >= 'a' && c[0] <= 'z')))
		return 0;
	for (; *c; c++)
		if (!((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') ||
		      (*c >= '0' && *c <= '9') || *c == '_'))
			return 0;
	return 1;
}

/* indicator.CODE = Label | English label */
static int extra_indicator(void *ud, const char *key, const char *value)
{
	family *f = ud;
	const char *code, *bar;
	const survey_ind *dup;
	char label_id[256];
	const char *label_en;
	size_t n;

	if (strncasecmp(key, "indicator.", 10) != 0)
		return 0;
	code = key + 10;
	if (!code_ok(code)) {
		f->api->log(f->h, PK2D_LOG_ERROR, "%s: '%s' is not an indicator code (a letter, "
		            "then letters, digits, '_')", f->api->config_where(f->h, key), code);
		return PK2D_ERR_CONFIG;
	}
	/* The host lower-cases keys: name the existing indicator by its own
	 * code ("L1", as in the survey), not by the key's. */
	dup = find_ind(f, code);
	if (dup || strcasecmp(code, "kk") == 0) {
		f->api->log(f->h, PK2D_LOG_ERROR, "%s: the indicator %s already exists",
		            f->api->config_where(f->h, key), dup ? dup->code : code);
		return PK2D_ERR_CONFIG;
	}
	bar = strchr(value, '|');
	n = bar ? (size_t)(bar - value) : strlen(value);
	while (n && (value[n - 1] == ' ' || value[n - 1] == '\t'))
		n--;
	if (n == 0 || n >= sizeof label_id) {
		f->api->log(f->h, PK2D_LOG_ERROR, "%s: indicator.%s needs a label "
		            "(Label | English label)", f->api->config_where(f->h, key), code);
		return PK2D_ERR_CONFIG;
	}
	memcpy(label_id, value, n);
	label_id[n] = '\0';
	label_en = label_id;
	if (bar) {
		label_en = bar + 1;
		while (*label_en == ' ' || *label_en == '\t')
			label_en++;
		if (!*label_en)
			label_en = label_id;
	}
	return add_ind(f, code, label_id, label_en, "Indikator tambahan");
}

/* column.FIELD = header */
static int column_key(void *ud, const char *key, const char *value)
{
	family *f = ud;
	const char *field;
	survey_ind *si;

	if (strncasecmp(key, "column.", 7) != 0)
		return 0;
	field = key + 7;
	if (!*value) {
		f->api->log(f->h, PK2D_LOG_ERROR, "%s: %s is empty", f->api->config_where(f->h, key),
		            key);
		return PK2D_ERR_CONFIG;
	}
	for (int i = 0; i < N_FIELDS; i++) {
		if (strcasecmp(field, survey_columns[i].field) == 0) {
			free(f->header[i]);
			f->header[i] = strdup(value);
			return f->header[i] ? 0 : PK2D_ERR_NOMEM;
		}
	}
	si = find_ind(f, field);
	if (!si) {
		f->api->log(f->h, PK2D_LOG_ERROR, "%s: column.%s: no field or indicator '%s' "
		            "(fields: kk area rt dasawisma male female pus method wish; "
		            "indicators L1 ... B6 and indicator.CODE)",
		            f->api->config_where(f->h, key), field, field);
		return PK2D_ERR_CONFIG;
	}
	free(si->header);
	si->header = strdup(value);
	return si->header ? 0 : PK2D_ERR_NOMEM;
}

static int parse_cuts(family *f)
{
	const char *v = f->api->config_get(f->h, "household_categories");
	char *end;
	double good, fair;

	good = strtod(v, &end);
	if (end == v)
		goto bad;
	v = end;
	while (*v == ' ' || *v == ',' || *v == ';')
		v++;
	fair = strtod(v, &end);
	if (end == v)
		goto bad;
	while (*end == ' ')
		end++;
	if (*end || !(fair > 0) || !(good > fair) || good > 100)
		goto bad;
	f->cut_good = good;
	f->cut_fair = fair;
	return 0;
bad:
	f->api->log(f->h, PK2D_LOG_ERROR, "%s: household_categories must be two scores, the "
	            "lowest of 'baik' then the lowest of 'sedang', 100 >= baik > sedang > 0 "
	            "(75 50), not '%s'", f->api->config_where(f->h, "household_categories"),
	            f->api->config_get(f->h, "household_categories"));
	return PK2D_ERR_CONFIG;
}

/* ---- declarations ----------------------------------------------------- */

/* The plugin's own indicators besides the survey ones. */
static const struct {
	const char *id, *label_id, *label_en, *unit;
	int kind, direction;
	const char *group, *description;
} other_ind[] = {
	{ "kk", "Jumlah KK", "Number of families (KK)", "KK", PK2D_COUNT, PK2D_NEUTRAL,
	  "Profil", "KK surveyed (rows accepted)" },
	{ "population", "Jumlah jiwa", "Population", "jiwa", PK2D_COUNT, PK2D_NEUTRAL,
	  "Profil", "members of the KK surveyed" },
	{ "male", "Jumlah jiwa laki-laki", "Population, male", "jiwa", PK2D_COUNT, PK2D_NEUTRAL,
	  "Profil", "male members of the KK surveyed" },
	{ "female", "Jumlah jiwa perempuan", "Population, female", "jiwa", PK2D_COUNT,
	  PK2D_NEUTRAL, "Profil", "female members of the KK surveyed" },
	{ "dasawisma", "Jumlah kelompok dasawisma", "Dasawisma groups", "kelompok", PK2D_COUNT,
	  PK2D_NEUTRAL, "Profil", "distinct dasawisma names in the RT" },
	{ "kk_score", "Rata-rata skor kualitas keluarga per KK", "Mean family quality score per KK",
	  "skor", PK2D_MEAN, PK2D_HIGHER_IS_BETTER, "Skor KK",
	  "mean over KK of 100 x indicators met / indicators applicable" },
	{ "kk_baik", "KK kategori baik", "KK in category good", "%", PK2D_PROPORTION,
	  PK2D_HIGHER_IS_BETTER, "Skor KK", "KK with a score in the top household range / KK scored" },
	{ "kk_sedang", "KK kategori sedang", "KK in category fair", "%", PK2D_PROPORTION,
	  PK2D_NEUTRAL, "Skor KK", "KK with a score in the middle household range / KK scored" },
	{ "kk_rendah", "KK kategori rendah", "KK in category low", "%", PK2D_PROPORTION,
	  PK2D_LOWER_IS_BETTER, "Skor KK", "KK with a score in the low household range / KK scored" },
	{ "pus", "Jumlah Pasangan Usia Subur (PUS)", "Couples of reproductive age (PUS)", "PUS",
	  PK2D_COUNT, PK2D_NEUTRAL, "KB", "KK with a married woman 15-49" },
	{ "cpr", "CPR (peserta KB semua cara / PUS)", "CPR (any method / PUS)", "%",
	  PK2D_PROPORTION, PK2D_HIGHER_IS_BETTER, "KB", "PUS using any method / PUS" },
	{ "mcpr", "mCPR (peserta KB cara modern / PUS)", "mCPR (modern methods / PUS)", "%",
	  PK2D_PROPORTION, PK2D_HIGHER_IS_BETTER, "KB", "PUS using a modern method / PUS" },
	{ "unmet_need", "Unmet need KB", "Unmet need for family planning", "%", PK2D_PROPORTION,
	  PK2D_LOWER_IS_BETTER, "KB",
	  "PUS using no method who want a child later (tunda) or no more (tidak) / PUS" },
};

#define N_OTHER (sizeof other_ind / sizeof other_ind[0])

/* target.ID from the configuration for the run's year: 0 and set, 1 when
 * absent, <0 on error. */
static int target_of(family *f, const char *id, double *out, int *year)
{
	char key[64], why[160];
	const char *v;

	snprintf(key, sizeof key, "target.%s", id);
	v = f->api->config_get(f->h, key);
	if (!v)
		return 1;
	if (target_for_run(f->api, f->h, v, 0, HUGE_VAL, out, year, why, sizeof why) < 0) {
		f->api->log(f->h, PK2D_LOG_ERROR, "%s: %s: %s", f->api->config_where(f->h, key), key,
		            why);
		return PK2D_ERR_CONFIG;
	}
	return 0;
}

static int declare(family *f, pk2d_indicator *d)
{
	int rc = target_of(f, d->id, &d->target, &d->target_year);

	if (rc < 0)
		return rc;
	d->has_target = rc == 0;
	rc = f->api->declare_indicator(f->h, d);
	if (rc < 0)
		f->api->log(f->h, PK2D_LOG_ERROR, "declaring %s: %s", d->id, f->api->strerror(rc));
	return rc;
}

/* Every target.ID key must name an indicator of this plugin. */
static int target_key(void *ud, const char *key, const char *value)
{
	family *f = ud;
	const char *id;

	(void)value;
	if (strncasecmp(key, "target.", 7) != 0)
		return 0;
	id = key + 7;
	for (size_t i = 0; i < f->n_ind; i++)
		if (strcasecmp(f->ind[i].id, id) == 0)
			return 0;
	for (size_t i = 0; i < N_OTHER; i++)
		if (strcasecmp(other_ind[i].id, id) == 0)
			return 0;
	f->api->log(f->h, PK2D_LOG_ERROR, "%s: %s: the family plugin has no indicator '%s'",
	            f->api->config_where(f->h, key), key, id);
	return PK2D_ERR_CONFIG;
}

static void family_fini(void *state);

static int family_setup(family *f);

/* On failure the state is freed here and *state left NULL. */
static int family_init(const pk2d_host_api *api, pk2d_host *h, void **state)
{
	family *f = calloc(1, sizeof *f);
	int rc;

	*state = NULL;
	if (!f)
		return PK2D_ERR_NOMEM;
	f->api = api;
	f->h = h;
	rc = family_setup(f);
	if (rc < 0) {
		family_fini(f);
		return rc;
	}
	*state = f;
	return 0;
}

static int family_setup(family *f)
{
	const pk2d_host_api *api = f->api;
	pk2d_host *h = f->h;
	const char *dup;
	int rc = 0;

	for (int i = 0; i < N_FIELDS; i++) {
		f->header[i] = strdup(survey_columns[i].header);
		if (!f->header[i])
			return PK2D_ERR_NOMEM;
	}
	for (size_t i = 0; i < family_n_builtins && rc == 0; i++)
		rc = add_ind(f, family_builtins[i].code, family_builtins[i].label_id,
		             family_builtins[i].label_en, family_builtins[i].group);
	if (rc == 0)
		rc = api->config_each(h, extra_indicator, f);
	if (rc == 0)
		rc = api->config_each(h, column_key, f);
	if (rc == 0)
		rc = api->config_each(h, target_key, f);
	if (rc == 0)
		rc = parse_cuts(f);
	if (rc < 0)
		return rc;
	dup = api->config_get(h, "check_duplicates");
	if (strcasecmp(dup, "yes") == 0 || strcmp(dup, "1") == 0)
		f->check_duplicates = 1;
	else if (strcasecmp(dup, "no") != 0 && strcmp(dup, "0") != 0) {
		api->log(h, PK2D_LOG_ERROR, "%s: check_duplicates must be yes or no, not '%s'",
		         api->config_where(h, "check_duplicates"), dup);
		return PK2D_ERR_CONFIG;
	}
	for (size_t i = 0; i < f->n_ind && rc == 0; i++) {
		pk2d_indicator d = {
			.id = f->ind[i].id, .label_id = f->ind[i].label_id,
			.label_en = f->ind[i].label_en, .unit = "%", .kind = PK2D_PROPORTION,
			.direction = PK2D_HIGHER_IS_BETTER, .group = f->ind[i].group,
			.description = "KK meeting it / KK to which it applies (survey column)",
		};

		rc = declare(f, &d);
	}
	for (size_t i = 0; i < N_OTHER && rc == 0; i++) {
		pk2d_indicator d = {
			.id = other_ind[i].id, .label_id = other_ind[i].label_id,
			.label_en = other_ind[i].label_en, .unit = other_ind[i].unit,
			.kind = other_ind[i].kind, .direction = other_ind[i].direction,
			.group = other_ind[i].group, .description = other_ind[i].description,
		};

		rc = declare(f, &d);
	}
	return rc;
}

/* ---- aggregation ------------------------------------------------------ */

static uint64_t group_hash(const char *area, int rt)
{
	return hash_bytes(14695981039346656037ULL ^ (uint64_t)(unsigned)rt, area);
}

static int groups_grow(family *f)
{
	size_t cap = f->cap_groups ? f->cap_groups * 2 : 256;
	rt_group **g = calloc(cap, sizeof *g);

	if (!g)
		return PK2D_ERR_NOMEM;
	for (size_t i = 0; i < f->cap_groups; i++) {
		rt_group *old = f->groups[i];
		size_t j;

		if (!old)
			continue;
		for (j = group_hash(old->area, old->rt) & (cap - 1); g[j]; j = (j + 1) & (cap - 1))
			;
		g[j] = old;
	}
	free(f->groups);
	f->groups = g;
	f->cap_groups = cap;
	return 0;
}

static rt_group *group_get(family *f, const char *area, int rt)
{
	size_t j;
	rt_group *g;

	if ((f->n_groups + 1) * 2 > f->cap_groups && groups_grow(f) < 0)
		return NULL;
	for (j = group_hash(area, rt) & (f->cap_groups - 1); f->groups[j];
	     j = (j + 1) & (f->cap_groups - 1)) {
		g = f->groups[j];
		if (g->rt == rt && strcmp(g->area, area) == 0)
			return g;
	}
	g = calloc(1, sizeof *g);
	if (!g)
		return NULL;
	g->counts = calloc(2 * f->n_ind, sizeof *g->counts);
	g->met_by_applicable = calloc(f->n_ind + 1, sizeof *g->met_by_applicable);
	if (!g->counts || !g->met_by_applicable) {
		free(g->counts);
		free(g->met_by_applicable);
		free(g);
		return NULL;
	}
	snprintf(g->area, sizeof g->area, "%s", area);
	g->rt = rt;
	f->groups[j] = g;
	f->n_groups++;
	return g;
}

static int dasawisma_add(rt_group *g, const char *name)
{
	uint64_t h = hash_str(name);
	uint64_t *d;

	for (uint32_t i = 0; i < g->n_dw; i++)
		if (g->dw[i] == h)
			return 0;
	if (g->n_dw == g->cap_dw) {
		uint32_t cap = g->cap_dw ? g->cap_dw * 2 : 4;

		d = realloc(g->dw, cap * sizeof *d);
		if (!d)
			return PK2D_ERR_NOMEM;
		g->dw = d;
		g->cap_dw = cap;
	}
	g->dw[g->n_dw++] = h;
	return 0;
}

static int report_group(family *f, const rt_group *g, const cols *k);

static void group_free(rt_group *g)
{
	free(g->counts);
	free(g->met_by_applicable);
	free(g->dw);
	free(g);
}

static int by_rt(const void *a, const void *b)
{
	const rt_group *x = *(rt_group *const *)a, *y = *(rt_group *const *)b;
	int d = strcmp(x->area, y->area);

	return d ? d : (x->rt > y->rt) - (x->rt < y->rt);
}

/* Reports the current village's groups, by RT so that the host adds them
 * up in one order whatever the rows' order, and drops them. The table is
 * packed to its front for the sort; it is empty afterwards. */
static int finish_village(family *f, const cols *k)
{
	size_t n = 0;
	int rc = 0;

	for (size_t i = 0; i < f->cap_groups; i++)
		if (f->groups[i])
			f->groups[n++] = f->groups[i];
	if (n > 1)
		qsort(f->groups, n, sizeof *f->groups, by_rt);
	for (size_t i = 0; i < n; i++) {
		if (rc == 0)
			rc = report_group(f, f->groups[i], k);
		group_free(f->groups[i]);
	}
	if (f->cap_groups)
		memset(f->groups, 0, f->cap_groups * sizeof *f->groups);
	f->n_groups = 0;
	f->last_group = NULL;
	return rc;
}

/* Makes area, a village other than the current one, the current village,
 * finishing the one before. The name lookup is made here, once per
 * village, for the rows' "unknown area" notes. 0, or <0 (PK2D_ERR_NOMEM, or
 * a report_value failure). */
static int enter_village(family *f, const cols *k, const char *area)
{
	int rc;

	if (f->village[0] && (rc = finish_village(f, k)) < 0)
		return rc;
	snprintf(f->village, sizeof f->village, "%s", area);
	f->village_known = k->c[F_AREA] < 0 || f->api->area_name(f->h, area) != NULL;
	return 0;
}

/* ---- reading ---------------------------------------------------------- */

/* Checks the area of a row whose area is not the current village's:
 * 0, or 1 after rejecting the row. */
static int area_ok(family *f, pk2d_csv *c, const char *area, const char *kk,
                   const char *run_area)
{
	const pk2d_host_api *api = f->api;

	if (!*area) {
		api->csv_reject(c, "missing area: KK %s has no village code", kk);
		return 1;
	}
	if (!family_is_area_code(area)) {
		api->csv_reject(c, "malformed area: '%s' is not a Kemendagri code", area);
		return 1;
	}
	if (!family_is_village(area)) {
		api->csv_reject(c, "not a village: '%s' is not a village code (PP.KK.CC.DDDD)",
		                area);
		return 1;
	}
	if (!family_within(area, run_area)) {
		api->csv_reject(c, "outside area: %s is not in the run area %s", area, run_area);
		return 1;
	}
	return 0;
}

/* Reads the KB fields of a row into *pus, *method, *wish: 0, or 1 after
 * rejecting the row. */
static int kb_ok(family *f, pk2d_csv *c, const char *const *v, int *pus, int *method,
                 int *wish)
{
	const pk2d_host_api *api = f->api;

	/* "1" and "0" are nearly every PUS cell. */
	if ((v[F_PUS][0] == '1' || v[F_PUS][0] == '0') && !v[F_PUS][1])
		*pus = v[F_PUS][0] - '0';
	else
		*pus = family_yes_no(v[F_PUS]);
	*method = family_method(v[F_METHOD]);
	*wish = family_wish(v[F_WISH]);
	if (*pus < 0) {
		api->csv_reject(c, "impossible answer: %s = '%s' (1 or 0)", f->header[F_PUS],
		                v[F_PUS]);
		return 1;
	}
	if (*method == FAMILY_METHOD_BAD) {
		api->csv_reject(c, "unknown contraceptive method: '%s'", v[F_METHOD]);
		return 1;
	}
	if (*wish == FAMILY_WISH_BAD) {
		api->csv_reject(c, "unknown wish for children: '%s' (segera, tunda, tidak, "
		                "hamil)", v[F_WISH]);
		return 1;
	}
	return 0;
}

/* A member count: the usual single digit read here. */
static int members(const char *s, int *out)
{
	if (s[0] >= '0' && s[0] <= '9' && !s[1]) {
		*out = s[0] - '0';
		return 0;
	}
	return family_members(s, out);
}

/* Whether area is the current village; by hand, as the usual answer is yes
 * after thirteen bytes. */
static int is_village_now(const family *f, const char *area)
{
	const char *v = f->village;

	if (!*v)
		return 0;
	for (; *v; v++, area++)
		if (*area != *v)
			return 0;
	return *area == '\0';
}

/* The answers of a row as bit sets over the indicators (bit i of word
 * i / 64): the few that do not apply and the few that fail, so that
 * counting a row touches only those. */
typedef struct answers {
	size_t words;
	uint64_t *na, *fails;
} answers;

/* What a cell of one byte, or an empty one, says: bit 0 it fails, bit 1
 * it does not apply, bit 2 it meets; 0 for any other byte. */
enum { ANS_FAILS = 1, ANS_NA = 2, ANS_MEETS = 4 };
static const unsigned char short_answer[256] = {
	['\0'] = ANS_NA, ['-'] = ANS_NA, ['0'] = ANS_FAILS, ['1'] = ANS_MEETS,
};

/* The sets of up to 64 answers (ans[k] for indicator k of a word, padded
 * with ANS_MEETS to 64): bit k of *fails, *na, and of *other for an
 * answer short_answer did not know. With SSE2 a bit of sixteen answers at
 * once: shifted left, an answer's bit 0 (or 1) is its byte's top bit. */
static void answer_sets(const unsigned char ans[64], uint64_t *fails, uint64_t *na,
                        uint64_t *other)
{
	uint64_t f = 0, n = 0, o = 0;

#ifdef __SSE2__
	const __m128i zero = _mm_setzero_si128();

	for (int q = 0; q < 4; q++) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(ans + 16 * q));

		f |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_slli_epi16(v, 7)) << (16 * q);
		n |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_slli_epi16(v, 6)) << (16 * q);
		o |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, zero)) << (16 * q);
	}
#else
	for (int k = 0; k < 64; k++) {
		f |= (uint64_t)(ans[k] & ANS_FAILS) << k;
		n |= (uint64_t)(ans[k] >> 1 & 1) << k;
		o |= (uint64_t)(ans[k] == 0) << k;
	}
#endif
	*fails = f;
	*na = n;
	*other = o;
}

/* Reads the indicator cells of a row into *a: 0, or 1 after rejecting
 * the row. The cells come in one call (a column the file lacks comes as
 * "", not applicable); the answers of each 64 indicators become sets
 * (answer_sets). The usual cells, "1", "0", "-" and blank, are told apart
 * without a branch on which they are: answers follow no pattern a branch
 * predictor could learn, and a wrong guess costs more than the arithmetic.
 * A cell's second byte is read only when its first is not its end. Any
 * other cell ("NA", "N/A", or an impossible answer) is looked at once the
 * word is done. */
static int read_answers(family *f, pk2d_csv *c, answers *a)
{
	const char **cells = f->ind_cell;

	f->api->csv_fields(c, f->ind_col, (int)f->n_ind, cells);
	for (size_t w = 0; w < a->words; w++) {
		size_t base = w * 64, n = f->n_ind - base < 64 ? f->n_ind - base : 64;
		uint64_t na, fails, other;
		unsigned char ans[64];

		for (size_t k = 0; k < n; k++) {
			const unsigned char *cell = (const unsigned char *)cells[base + k];
			unsigned c0 = cell[0], c1 = cell[c0 != 0];

			ans[k] = (unsigned char)(short_answer[c0] & -(unsigned)(c1 == 0));
		}
		memset(ans + n, ANS_MEETS, 64 - n);
		answer_sets(ans, &fails, &na, &other);
		for (; other; other &= other - 1) {
			size_t i = base + (size_t)__builtin_ctzll(other);

			if (family_answer(cells[i]) != FAMILY_NA) {
				f->api->csv_reject(c, "impossible answer: %s = '%s' (1, 0, blank, "
				                   "NA or -)", f->ind[i].header, cells[i]);
				return 1;
			}
			na |= UINT64_C(1) << (i - base);
		}
		a->na[w] = na;
		a->fails[w] = fails;
	}
	return 0;
}

/* Adds one to counts[2 * i + which] for every indicator i in the set;
 * returns how many there are. */
static unsigned count_bits(uint32_t *counts, const uint64_t *set, size_t words, int which)
{
	unsigned n = 0;

	for (size_t w = 0; w < words; w++)
		for (uint64_t m = set[w]; m; m &= m - 1, n++)
			counts[2 * (w * 64 + (size_t)__builtin_ctzll(m)) + (size_t)which]++;
	return n;
}

/* Reads one row; returns 0 when it was used, 1 when rejected, <0 on OOM
 * (or a report_value failure when the row ends a village). Each field is
 * fetched once; a row of the current village skips the area checks, and
 * one of the previous row's RT its group lookup. */
static int read_row(family *f, pk2d_csv *c, const cols *k, const char *run_area,
                    answers *ans)
{
	const pk2d_host_api *api = f->api;
	const char *v[N_FIELDS];
	const char *kk, *area, *rts;
	int rt, male = 0, female = 0, has_male, has_female, pus = 0, method = 0, wish = 0;
	int same_village;
	unsigned met, applicable;
	rt_group *g;

	api->csv_fields(c, k->c, N_FIELDS, v);
	kk = v[F_KK];
	area = k->c[F_AREA] < 0 ? run_area : v[F_AREA];
	rts = v[F_RT];
	if (!*kk) {
		api->csv_reject(c, "missing KK number: column '%s' is empty", f->header[F_KK]);
		return 1;
	}
	/* The current village passed these checks when its block began. */
	same_village = is_village_now(f, area);
	if (!same_village && area_ok(f, c, area, kk, run_area))
		return 1;
	rt = family_rt(rts);
	if (rt < 0) {
		api->csv_reject(c, "malformed RT: '%s'", rts);
		return 1;
	}
	if (read_answers(f, c, ans))
		return 1;
	has_male = *v[F_MALE] != '\0';
	has_female = *v[F_FEMALE] != '\0';
	if ((has_male && members(v[F_MALE], &male) < 0) ||
	    (has_female && members(v[F_FEMALE], &female) < 0)) {
		api->csv_reject(c, "unreadable member count: '%s' / '%s' (a whole number 0-99)",
		                v[F_MALE], v[F_FEMALE]);
		return 1;
	}
	if (k->c[F_PUS] >= 0 && kb_ok(f, c, v, &pus, &method, &wish))
		return 1;
	/* A row that will be counted: it may start the next village. */
	if (!same_village) {
		int rc = enter_village(f, k, area);

		if (rc < 0)
			return rc;
	}
	if (!f->village_known)
		api->csv_note(c, "unknown area: %s is not in the Kemendagri code table", area);
	if ((k->c[F_MALE] >= 0 && !has_male) || (k->c[F_FEMALE] >= 0 && !has_female))
		api->csv_note(c, "missing member count: counted as 0");

	/* The group's area is the current village: the RT decides. */
	g = f->last_group;
	if (!g || g->rt != rt) {
		g = group_get(f, area, rt);
		if (!g)
			return PK2D_ERR_NOMEM;
		f->last_group = g;
	}
	g->kk++;
	g->male += (uint32_t)male;
	g->female += (uint32_t)female;
	applicable = (unsigned)f->n_ind - count_bits(g->counts, ans->na, ans->words, 0);
	met = applicable - count_bits(g->counts, ans->fails, ans->words, 1);
	if (applicable) {
		double score = 100.0 * met / applicable;

		g->scored++;
		g->met_by_applicable[applicable] += met;
		g->cat[score >= f->cut_good ? 0 : score >= f->cut_fair ? 1 : 2]++;
	}
	if (pus == 1) {
		g->pus++;
		if (method != FAMILY_METHOD_NONE)
			g->any++;
		if (method == FAMILY_METHOD_MODERN)
			g->modern++;
		if (method == FAMILY_METHOD_NONE &&
		    (wish == FAMILY_WISH_LATER || wish == FAMILY_WISH_NO_MORE))
			g->unmet++;
	}
	if (*v[F_DASAWISMA] && dasawisma_add(g, v[F_DASAWISMA]) < 0)
		return PK2D_ERR_NOMEM;
	return 0;
}

static int report(family *f, const rt_group *g, const char *id, double num, double den)
{
	pk2d_value v = {
		.indicator = id, .area = g->area, .rt = g->rt, .period = NULL,
		.numerator = num, .denominator = den,
	};

	return f->api->report_value(f->h, &v);
}

static int report_group(family *f, const rt_group *g, const cols *k)
{
	int rc = 0;

	rc |= report(f, g, "kk", g->kk, 1);
	if (k->c[F_MALE] >= 0 || k->c[F_FEMALE] >= 0)
		rc |= report(f, g, "population", (double)g->male + g->female, 1);
	if (k->c[F_MALE] >= 0)
		rc |= report(f, g, "male", g->male, 1);
	if (k->c[F_FEMALE] >= 0)
		rc |= report(f, g, "female", g->female, 1);
	if (k->c[F_DASAWISMA] >= 0)
		rc |= report(f, g, "dasawisma", g->n_dw, 1);
	for (size_t i = 0; i < f->n_ind; i++) {
		uint32_t applicable = g->kk - g->counts[2 * i];

		if (applicable)
			rc |= report(f, g, f->ind[i].id, applicable - g->counts[2 * i + 1],
			             applicable);
	}
	if (g->scored) {
		double score_sum = 0;

		for (size_t a = 1; a <= f->n_ind; a++)
			score_sum += 100.0 * g->met_by_applicable[a] / (double)a;
		rc |= report(f, g, "kk_score", score_sum, g->scored);
		rc |= report(f, g, "kk_baik", g->cat[0], g->scored);
		rc |= report(f, g, "kk_sedang", g->cat[1], g->scored);
		rc |= report(f, g, "kk_rendah", g->cat[2], g->scored);
	}
	if (k->c[F_PUS] >= 0) {
		rc |= report(f, g, "pus", g->pus, 1);
		if (g->pus) {
			rc |= report(f, g, "cpr", g->any, g->pus);
			rc |= report(f, g, "mcpr", g->modern, g->pus);
			rc |= report(f, g, "unmet_need", g->unmet, g->pus);
		}
	}
	return rc ? PK2D_ERR_INVALID : 0;
}

/* Finds the columns; PK2D_ERR_DATA when a column the file needs is absent. */
static int find_columns(family *f, pk2d_csv *c, const char *run_area, cols *k)
{
	const pk2d_host_api *api = f->api;
	const char *path = api->csv_path(c);
	size_t found = 0;

	for (int i = 0; i < N_FIELDS; i++)
		k->c[i] = api->csv_column(c, f->header[i]);
	if (k->c[F_KK] < 0) {
		api->log(f->h, PK2D_LOG_ERROR, "%s:1: no column '%s' (the KK number; set "
		         "column.kk)", path, f->header[F_KK]);
		return PK2D_ERR_DATA;
	}
	if (k->c[F_AREA] < 0 && !family_is_village(run_area)) {
		api->log(f->h, PK2D_LOG_ERROR, "%s:1: no column '%s' (the village code), and the "
		         "run area %s is not a village (set column.area)", path,
		         f->header[F_AREA], run_area);
		return PK2D_ERR_DATA;
	}
	if (k->c[F_PUS] >= 0 && (k->c[F_METHOD] < 0 || k->c[F_WISH] < 0)) {
		api->log(f->h, PK2D_LOG_ERROR, "%s:1: the KB fields need the columns '%s', '%s' "
		         "and '%s' together", path, f->header[F_PUS], f->header[F_METHOD],
		         f->header[F_WISH]);
		return PK2D_ERR_DATA;
	}
	free(f->ind_col);
	free(f->ind_cell);
	f->ind_col = malloc(f->n_ind * sizeof *f->ind_col);
	f->ind_cell = malloc(f->n_ind * sizeof *f->ind_cell);
	if (!f->ind_col || !f->ind_cell)
		return PK2D_ERR_NOMEM;
	for (size_t i = 0; i < f->n_ind; i++) {
		f->ind[i].col = api->csv_column(c, f->ind[i].header);
		f->ind_col[i] = f->ind[i].col;
		if (f->ind[i].col >= 0)
			found++;
		else
			api->log(f->h, PK2D_LOG_WARNING, "%s:1: no column '%s': indicator %s is not "
			         "reported", path, f->ind[i].header, f->ind[i].code);
	}
	if (found == 0) {
		api->log(f->h, PK2D_LOG_ERROR, "%s:1: none of the indicator columns (%s ... %s) is "
		         "in the file", path, f->ind[0].header, f->ind[f->n_ind - 1].header);
		return PK2D_ERR_DATA;
	}
	return 0;
}

static int family_collect(void *state)
{
	family *f = state;
	const pk2d_host_api *api = f->api;
	const char *path = api->config_path(f->h, "survey");
	const char *run_area = api->run_area(f->h);
	answers ans = { 0 };
	pk2d_csv *c;
	cols k;
	int rc;

	c = api->csv_open(f->h, path);
	if (!c)
		return PK2D_ERR_IO;
	rc = find_columns(f, c, run_area, &k);
	/* Village by village, a KK number's copies decided by the host. */
	if (rc == 0)
		rc = api->csv_group(c, k.c[F_AREA], &k.c[F_KK], f->check_duplicates);
	if (rc == 0) {
		ans.words = (f->n_ind + 63) / 64;
		ans.na = malloc(ans.words * sizeof *ans.na);
		ans.fails = malloc(ans.words * sizeof *ans.fails);
		if (!ans.na || !ans.fails)
			rc = PK2D_ERR_NOMEM;
	}
	while (rc == 0 && (rc = api->csv_next(c)) == 1) {
		rc = read_row(f, c, &k, run_area, &ans);
		if (rc > 0)
			rc = 0;
	}
	free(ans.na);
	free(ans.fails);
	api->csv_close(c);
	if (rc < 0)
		return rc;
	return finish_village(f, &k);
}

static void family_fini(void *state)
{
	family *f = state;

	if (!f)
		return;
	for (int i = 0; i < N_FIELDS; i++)
		free(f->header[i]);
	for (size_t i = 0; i < f->n_ind; i++) {
		free(f->ind[i].header);
		free(f->ind[i].label_id);
		free(f->ind[i].label_en);
	}
	free(f->ind);
	free(f->ind_col);
	free(f->ind_cell);
	for (size_t i = 0; i < f->cap_groups; i++)
		if (f->groups[i])
			group_free(f->groups[i]);
	free(f->groups);
	free(f);
}

static const pk2d_input family_inputs[] = {
	{ "survey", "column.", survey_columns },
	{ NULL, NULL, NULL }
};

static const pk2d_area_column family_areas[] = { { "survey", "area" }, { NULL, NULL } };

static const pk2d_input_help family_help[] = { { "survey", survey_help }, { NULL, NULL } };

PK2D_PLUGIN_DEFINE(.name = "family", .agency = "DP3A / DPPPAPPKB", .version = "1.0.0",
                   .description = "Family quality survey (one row per KK): IKK survey "
                                  "indicators per RT, KK and population, household scores, "
                                  "KB (PUS, CPR, mCPR, unmet need)",
                   .config_keys = family_keys, .init = family_init,
                   .collect = family_collect, .fini = family_fini, .inputs = family_inputs,
                   .parts_input = "survey", .parts_column = "area",
                   .area_columns = family_areas, .input_help = family_help);
