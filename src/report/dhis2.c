/*
 * dhis2.c - codes, UIDs, period types and the list of data elements of the
 * DHIS2 files (dhis2.h).
 */
#include <config.h>

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "areas.h"
#include "dhis2.h"

static uint32_t fnv1a32(const char *s, size_t n)
{
	uint32_t h = 0x811c9dc5u;

	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x01000193u;
	}
	return h;
}

void dhis2_code(const char *id, const char *suffix, char out[DHIS2_CODE_MAX + 1])
{
	char full[512];
	size_t n;

	n = (size_t)snprintf(full, sizeof full, "PK2D_%s%s", id, suffix);
	if (n >= sizeof full)
		n = sizeof full - 1;
	for (size_t i = 5; i < n; i++)
		full[i] = isalnum((unsigned char)full[i]) ? (char)toupper((unsigned char)full[i]) : '_';
	if (n <= DHIS2_CODE_MAX) {
		memcpy(out, full, n + 1);
		return;
	}
	memcpy(out, full, DHIS2_CODE_MAX - 9);
	snprintf(out + DHIS2_CODE_MAX - 9, 10, "_%08x", (unsigned)fnv1a32(full, n));
}

/* SplitMix64's finaliser: every bit of x moves every bit of the result. */
static uint64_t mix64(uint64_t x)
{
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9u;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebu;
	return x ^ (x >> 31);
}

void dhis2_uid(const char *type, const char *code, char out[DHIS2_UID_LEN + 1])
{
	static const char alnum[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
	uint64_t h = 0xcbf29ce484222325u; /* FNV-1a 64 of "type:code" */

	for (const char *parts[] = { type, ":", code }, **p = parts; p < parts + 3; p++)
		for (const char *c = *p; *c; c++) {
			h ^= (unsigned char)*c;
			h *= 0x100000001b3u;
		}
	/* Each character from its own mix of the hash: the first among the 52
	 * letters, the others among the 62 letters and digits. */
	for (int i = 0; i < DHIS2_UID_LEN; i++)
		out[i] = alnum[mix64(h + (uint64_t)i * 0x9e3779b97f4a7c15u) % (i ? 62 : 52)];
	out[DHIS2_UID_LEN] = '\0';
}

const char *dhis2_period_type(const char *period)
{
	if (strchr(period, 'S'))
		return "SixMonthly";
	if (strchr(period, 'Q'))
		return "Quarterly";
	return strlen(period) == 6 ? "Monthly" : "Yearly";
}

int dhis2_level_wanted(const report_view *v, const char *area)
{
	int level = area_level(area);
	int levels = v->dhis2_levels ? v->dhis2_levels : 1 << AREA_VILLAGE;

	return level > AREA_NATIONAL && (levels & 1 << level);
}

int dhis2_print(cJSON *root, FILE *f)
{
	char *text = cJSON_Print(root);

	cJSON_Delete(root);
	if (!text)
		return PK2D_ERR_NOMEM;
	fputs(text, f);
	fputc('\n', f);
	cJSON_free(text);
	return ferror(f) ? PK2D_ERR_IO : 0;
}

static int element(int (*fn)(void *, const dhis2_element *), void *ud, const char *id,
                   const char *suffix, const char *label, int summable)
{
	dhis2_element e = { .label = label, .summable = summable };

	dhis2_code(id, suffix, e.code);
	return fn(ud, &e);
}

int dhis2_each_element(const report_view *v, int (*fn)(void *ud, const dhis2_element *e),
                       void *ud)
{
	const model *m = v->as->model;
	int rc = element(fn, ud, "IKK", "", "IKK", 0);

	for (size_t i = 0; i < m->n_dimensions && !rc; i++)
		rc = element(fn, ud, "IKK_", m->dimensions[i].key,
		             i18n_pick(v->lang, m->dimensions[i].label_id, m->dimensions[i].label_en),
		             0);
	for (size_t i = 0; i < registry_n_indicators(v->reg) && !rc; i++) {
		const reg_indicator *d = registry_indicator_at(v->reg, i);
		const char *label = i18n_pick(v->lang, d->label_id, d->label_en);

		rc = element(fn, ud, d->full_id, "", label, d->kind == PK2D_COUNT);
		if (!rc && d->kind != PK2D_COUNT)
			rc = element(fn, ud, d->full_id, "_NUM", label, 1);
		if (!rc && d->kind != PK2D_COUNT)
			rc = element(fn, ud, d->full_id, "_DEN", label, 1);
	}
	for (size_t i = 0; i < registry_n_interventions(v->reg) && !rc; i++) {
		const reg_intervention *d = registry_intervention_at(v->reg, i);
		const char *label = i18n_pick(v->lang, d->label_id, d->label_en);

		rc = element(fn, ud, d->full_id, "_TARGET", label, 1);
		if (!rc)
			rc = element(fn, ud, d->full_id, "_REALISED", label, 1);
		if (!rc)
			rc = element(fn, ud, d->full_id, "_BUDGET", label, 1);
	}
	return rc;
}
