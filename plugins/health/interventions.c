/*
 * interventions.c - catalogue, INI selection and the intervention log.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "interventions.h"
#include "../common/activity_log.h"
#include "../common/strmap.h"
#include "../common/target.h"

/* The specific interventions of Perpres 72/2021 with the 2024 targets of its
 * annex (DOMAIN.md 4.2). The source text of the ninth, imunisasi dasar
 * lengkap, is cut off before its target; 90 % is the RPJMN 2020-2024 target
 * for complete basic immunisation and the target of every other balita item
 * of the list, and is marked as such in docs/plugins/health.md. */
struct catalogue_entry {
	const char *id, *label_id, *label_en, *target_group, *unit;
	double target;
	const char *aims;        /* space-separated */
};

static const struct catalogue_entry perpres72[] = {
	{ "ttd_remaja", "Remaja putri mengonsumsi tablet tambah darah (TTD)",
	  "Adolescent girls taking iron-folic acid tablets", "remaja putri", "orang", 58,
	  "stunting" },
	{ "ttd_bumil", "Ibu hamil mengonsumsi TTD minimal 90 tablet selama kehamilan",
	  "Pregnant women taking at least 90 iron-folic acid tablets", "ibu hamil", "orang",
	  80, "stunting severe_stunting" },
	{ "pmt_bumil_kek", "Ibu hamil KEK mendapat tambahan asupan gizi",
	  "Pregnant women with chronic energy deficiency given supplementary food",
	  "ibu hamil KEK", "orang", 90, "stunting severe_stunting underweight" },
	{ "asi_eksklusif", "Bayi usia kurang dari 6 bulan mendapat ASI eksklusif",
	  "Infants under 6 months exclusively breastfed", "bayi 0-5 bulan", "anak", 80,
	  "stunting wasting underweight" },
	{ "mp_asi", "Anak usia 6-23 bulan mendapat makanan pendamping ASI (MP-ASI)",
	  "Children 6-23 months given complementary feeding", "anak 6-23 bulan", "anak", 80,
	  "stunting wasting underweight" },
	{ "tata_laksana_gizi_buruk", "Balita gizi buruk mendapat pelayanan tata laksana gizi buruk",
	  "Severely wasted children treated", "balita gizi buruk", "anak", 90,
	  "severe_wasting wasting" },
	{ "pemantauan_pertumbuhan", "Balita dipantau pertumbuhan dan perkembangannya",
	  "Children under five whose growth and development is monitored",
	  "balita 0-59 bulan", "anak", 90,
	  "stunting wasting underweight overweight kk_free_of_stunting" },
	{ "pmt_balita_gizi_kurang", "Balita gizi kurang mendapat tambahan asupan gizi",
	  "Wasted children given supplementary food", "balita gizi kurang", "anak", 90,
	  "wasting underweight" },
	{ "imunisasi_dasar", "Balita memperoleh imunisasi dasar lengkap",
	  "Children with complete basic immunisation", "anak 12-23 bulan", "anak", 90,
	  "stunting kk_free_of_stunting" },
};
#define N_CATALOGUE (sizeof perpres72 / sizeof perpres72[0])

static int valid_id(const char *s, size_t n)
{
	if (n == 0 || n > IV_ID_MAX || s[0] < 'a' || s[0] > 'z')
		return 0;
	for (size_t i = 1; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			return 0;
	return 1;
}

static const struct catalogue_entry *find_catalogue(const char *id)
{
	for (size_t i = 0; i < N_CATALOGUE; i++)
		if (strcmp(perpres72[i].id, id) == 0)
			return &perpres72[i];
	return NULL;
}

static health_iv *find_iv(const iv_set *set, const char *id, size_t n)
{
	for (size_t i = 0; i < set->n; i++)
		if (strlen(set->iv[i].id) == n && strncmp(set->iv[i].id, id, n) == 0)
			return &set->iv[i];
	return NULL;
}

/* Splits text (copied into iv->aims_text) into the aims list. */
static int set_aims(health_iv *iv, const char *text)
{
	char *copy = strdup(text), *save = NULL;
	size_t n = 0;

	if (copy == NULL)
		return PK2D_ERR_NOMEM;
	free(iv->aims_text);
	iv->aims_text = copy;
	for (char *tok = strtok_r(copy, " ,\t", &save); tok != NULL;
	     tok = strtok_r(NULL, " ,\t", &save)) {
		if (n == IV_AIMS_MAX)
			return PK2D_ERR_INVALID;
		iv->aims[n++] = tok;
	}
	iv->aims[n] = NULL;
	return 0;
}

struct config_ctx {
	iv_set *set;
	const pk2d_host_api *api;
	pk2d_host *h;
	int rc;
};

static void config_error(struct config_ctx *ctx, const char *key, const char *fmt, ...)
	PK2D_PRINTF(3, 4);

static void config_error(struct config_ctx *ctx, const char *key, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	ctx->api->log(ctx->h, PK2D_LOG_ERROR, "%s: %s: %s", ctx->api->config_where(ctx->h, key),
	              key, msg);
	if (ctx->rc == 0)
		ctx->rc = PK2D_ERR_CONFIG;
}

/* Keeps a configured string: the host's strings live until fini, but a copy
 * costs nothing and keeps the catalogue and the INI alike. */
static int keep(const char **dest, const char *value)
{
	char *copy = strdup(value);
	if (copy == NULL)
		return PK2D_ERR_NOMEM;
	free((char *)*dest);
	*dest = copy;
	return 0;
}

static int apply_key(void *ud, const char *key, const char *value)
{
	struct config_ctx *ctx = ud;
	const char *id, *dot, *field;
	health_iv *iv;
	int rc = 0;

	if (strncmp(key, "intervention.", 13) != 0)
		return 0;
	id = key + 13;
	dot = strchr(id, '.');
	if (dot == NULL) {
		config_error(ctx, key, "expected intervention.ID.FIELD");
		return 0;
	}
	field = dot + 1;
	iv = find_iv(ctx->set, id, (size_t)(dot - id));
	if (iv == NULL) {
		config_error(ctx, key, "'%.*s' is not in the interventions list",
		             (int)(dot - id), id);
		return 0;
	}
	if (strcmp(field, "label") == 0)
		rc = keep(&iv->label_id, value);
	else if (strcmp(field, "label_en") == 0)
		rc = keep(&iv->label_en, value);
	else if (strcmp(field, "target_group") == 0)
		rc = keep(&iv->target_group, value);
	else if (strcmp(field, "unit") == 0)
		rc = keep(&iv->unit, value);
	else if (strcmp(field, "aims") == 0) {
		rc = set_aims(iv, value);
		if (rc == PK2D_ERR_INVALID) {
			config_error(ctx, key, "more than %d aims", IV_AIMS_MAX);
			rc = 0;
		}
	} else if (strcmp(field, "target") == 0) {
		char why[160];

		if (target_for_run(ctx->api, ctx->h, value, 0, 100, &iv->target, &iv->target_year,
		                   why, sizeof why) < 0)
			config_error(ctx, key, "%s", why);
	} else {
		config_error(ctx, key, "unknown field '%s' (label, label_en, target_group, unit, "
		             "target, aims)", field);
	}
	if (rc != 0)
		ctx->rc = rc;
	return 0;
}

static int add_selected(iv_set *set, const char *id, size_t n)
{
	health_iv *iv = &set->iv[set->n];
	char name[IV_ID_MAX + 1];
	const struct catalogue_entry *e;

	memset(iv, 0, sizeof *iv);
	memcpy(name, id, n);
	name[n] = '\0';
	memcpy(iv->id, name, n + 1);
	iv->target = -1;
	set->n++;
	e = find_catalogue(name);
	if (e == NULL)
		return 0;
	iv->target = e->target;
	if (keep(&iv->label_id, e->label_id) != 0 || keep(&iv->label_en, e->label_en) != 0 ||
	    keep(&iv->target_group, e->target_group) != 0 || keep(&iv->unit, e->unit) != 0 ||
	    set_aims(iv, e->aims) != 0)
		return PK2D_ERR_NOMEM;
	return 0;
}

int interventions_configure(iv_set *set, const pk2d_host_api *api, pk2d_host *h)
{
	const char *list = api->config_get(h, "interventions");
	struct config_ctx ctx = { set, api, h, 0 };
	char all[512] = "";
	int rc;

	set->n = 0;
	if (list == NULL) {
		for (size_t i = 0; i < N_CATALOGUE; i++) {
			strcat(all, perpres72[i].id);
			strcat(all, " ");
		}
		list = all;
	}
	set->iv = calloc(strlen(list) / 2 + 1, sizeof *set->iv);
	if (set->iv == NULL)
		return PK2D_ERR_NOMEM;
	for (const char *p = list; *p != '\0';) {
		size_t n = strcspn(p, " ,\t");
		if (n == 0) {
			p++;
			continue;
		}
		if (!valid_id(p, n)) {
			char bad[64];
			snprintf(bad, sizeof bad, "%.*s", (int)(n < 60 ? n : 60), p);
			config_error(&ctx, "interventions", "'%s' is not an id [a-z][a-z0-9_], at most "
			             "%d characters", bad, IV_ID_MAX);
		} else if (find_iv(set, p, n) != NULL) {
			char dup[IV_ID_MAX + 1];
			snprintf(dup, sizeof dup, "%.*s", (int)n, p);
			config_error(&ctx, "interventions", "'%s' is listed twice", dup);
		} else if ((rc = add_selected(set, p, n)) != 0) {
			return rc;
		}
		p += n;
	}
	api->config_each(h, apply_key, &ctx);
	for (size_t i = 0; i < set->n; i++) {
		if (set->iv[i].label_id == NULL) {
			char known[512] = "";
			for (size_t k = 0; k < N_CATALOGUE; k++) {
				strcat(known, k ? ", " : "");
				strcat(known, perpres72[k].id);
			}
			config_error(&ctx, "interventions", "'%s' is not in the catalogue (%s) and has "
			             "no intervention.ID.label", set->iv[i].id, known);
		}
	}
	return ctx.rc;
}

void interventions_free(iv_set *set)
{
	for (size_t i = 0; set->iv != NULL && i < set->n; i++) {
		health_iv *iv = &set->iv[i];
		free((char *)iv->label_id);
		free((char *)iv->label_en);
		free((char *)iv->target_group);
		free((char *)iv->unit);
		free(iv->aims_text);
	}
	free(set->iv);
	set->iv = NULL;
	set->n = 0;
}

int interventions_declare(const iv_set *set, const pk2d_host_api *api, pk2d_host *h)
{
	for (size_t i = 0; i < set->n; i++) {
		const health_iv *iv = &set->iv[i];
		/* An intervention aims at its own coverage too: when the coverage
		 * misses its target, the follow-up plan names the intervention. */
		const char *aims[IV_AIMS_MAX + 2];
		size_t n = 0;
		pk2d_intervention d = {
			.id = iv->id, .label_id = iv->label_id, .label_en = iv->label_en,
			.agency = NULL, .target_group = iv->target_group, .unit = iv->unit,
			.aims = aims, .origin = NULL,
		};
		char cid[64], lid[512], len[512];
		pk2d_indicator cov = {
			.id = cid, .label_id = lid, .label_en = len, .unit = "%", .kind = PK2D_RATE,
			.direction = PK2D_HIGHER_IS_BETTER, .has_target = iv->target >= 0,
			.target = iv->target >= 0 ? iv->target : 0, .group = "Intervensi",
			.target_year = iv->target >= 0 ? iv->target_year : 0,
			.description = "Realisasi / sasaran dari log intervensi kesehatan",
		};
		int rc;

		snprintf(cid, sizeof cid, "coverage_%s", iv->id);
		while (iv->aims[n]) {
			aims[n] = iv->aims[n];
			n++;
		}
		aims[n++] = cid;
		aims[n] = NULL;
		rc = api->declare_intervention(h, &d);
		if (rc != 0)
			return rc;
		snprintf(lid, sizeof lid, "Cakupan: %s", iv->label_id);
		snprintf(len, sizeof len, "Coverage: %s",
		         iv->label_en != NULL ? iv->label_en : iv->label_id);
		rc = api->declare_indicator(h, &cov);
		if (rc != 0)
			return rc;
	}
	return 0;
}

/* Sums per (intervention, area, RT), reported at the end. */
struct log_sum {
	size_t iv;
	char area[FIELDS_AREA_MAX];
	int rt;
	double target, realised, budget;
};

struct log_sums {
	const iv_set *set;
	strmap keys;            /* "iv/area/rt" -> index into v */
	struct log_sum *v;
	size_t n, cap;
};

static long find_row_iv(void *ud, const char *id)
{
	const struct log_sums *s = ud;
	const health_iv *iv = find_iv(s->set, id, strlen(id));

	return iv != NULL ? (long)(iv - s->set->iv) : -1;
}

static int sums_add(void *ud, const activity_row *row)
{
	struct log_sums *s = ud;
	char key[96];
	size_t at = s->n;
	int rc;

	snprintf(key, sizeof key, "%ld/%s/%d", row->intervention, row->area, row->rt);
	rc = strmap_get_or_put(&s->keys, key, &at);
	if (rc < 0)
		return rc;
	if (rc == 0) {
		if (s->n == s->cap) {
			size_t c = s->cap ? s->cap * 2 : 64;
			struct log_sum *v = realloc(s->v, c * sizeof *v);
			if (v == NULL)
				return PK2D_ERR_NOMEM;
			s->v = v;
			s->cap = c;
		}
		memset(&s->v[at], 0, sizeof s->v[at]);
		s->v[at].iv = (size_t)row->intervention;
		memcpy(s->v[at].area, row->area, sizeof s->v[at].area);
		s->v[at].rt = row->rt;
		s->n++;
	}
	s->v[at].target += row->target;
	s->v[at].realised += row->realised;
	s->v[at].budget += row->budget;
	return 0;
}

static int report_sums(const pk2d_host_api *api, pk2d_host *h, const struct log_sums *s)
{
	for (size_t i = 0; i < s->n; i++) {
		const struct log_sum *x = &s->v[i];
		const health_iv *iv = &s->set->iv[x->iv];
		pk2d_intervention_value v = {
			iv->id, x->area, x->rt, NULL, x->target, x->realised, x->budget
		};
		int rc = api->report_intervention(h, &v);
		if (rc != 0)
			return rc;
		if (x->target > 0) {
			char cid[64];
			snprintf(cid, sizeof cid, "coverage_%s", iv->id);
			pk2d_value cv = { cid, x->area, x->rt, NULL, x->realised, x->target };
			rc = api->report_value(h, &cv);
			if (rc != 0)
				return rc;
		}
	}
	return 0;
}

int interventions_read_log(const iv_set *set, const pk2d_host_api *api, pk2d_host *h,
                           const char *path)
{
	struct log_sums sums = { .set = set };
	activity_log_spec spec = {
		IV_LOG_PREFIX, (1u << ALOG_DATE) | (1u << ALOG_REALISED), find_row_iv, sums_add,
		&sums
	};
	run_scope scope;
	int rc = run_scope_init(&scope, api, h);

	if (rc == 0)
		rc = activity_log_each(api, h, path, &spec, &scope);
	if (rc == 0)
		rc = report_sums(api, h, &sums);
	strmap_free(&sums.keys);
	free(sums.v);
	return rc;
}
