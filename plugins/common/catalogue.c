/*
 * catalogue.c - built-in and INI-described interventions.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "catalogue.h"
#include "fields.h"
#include "keyblocks.h"

static void free_aims(char **aims, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(aims[i]);
	free(aims);
}

static void entry_free(cat_entry *e)
{
	free(e->id);
	free(e->label_id);
	free(e->label_en);
	free(e->target_group);
	free(e->unit);
	free(e->agency);
	free_aims(e->aims, e->n_aims);
	memset(e, 0, sizeof *e);
}

void catalogue_free(catalogue *cat)
{
	size_t i;

	for (i = 0; i < cat->n; i++)
		entry_free(&cat->v[i]);
	free(cat->v);
	cat->v = NULL;
	cat->n = 0;
}

long catalogue_find(const catalogue *cat, const char *id)
{
	static const char blanks[] = " \t";
	size_t i, len;

	id += strspn(id, blanks);
	len = strlen(id);
	while (len > 0 && (id[len - 1] == ' ' || id[len - 1] == '\t'))
		len--;
	for (i = 0; i < cat->n; i++)
		if (strlen(cat->v[i].id) == len && strncasecmp(cat->v[i].id, id, len) == 0)
			return (long)i;
	return -1;
}

/* A qualified aim: a plugin instance name and an id. */
static int valid_aim(const char *s)
{
	const char *dot = strchr(s, '.');
	char inst[40];
	size_t n;

	if (dot == NULL)
		return fields_valid_id(s);
	n = (size_t)(dot - s);
	if (n == 0 || n > 32)
		return 0;
	memcpy(inst, s, n);
	inst[n] = '\0';
	return fields_valid_id(inst) && fields_valid_id(dot + 1);
}

int catalogue_parse_aims(const char *list, char ***out, size_t *n, char *msg, size_t msglen)
{
	char **aims = NULL;
	size_t count = 0;
	const char *p = list;

	*out = NULL;
	*n = 0;
	while (*p != '\0') {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		char *item, **grown;
		size_t i;

		while (len > 0 && (*p == ' ' || *p == '\t')) {
			p++;
			len--;
		}
		while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\t'))
			len--;
		item = malloc(len + 1);
		if (item == NULL) {
			free_aims(aims, count);
			return PK2D_ERR_NOMEM;
		}
		memcpy(item, p, len);
		item[len] = '\0';
		if (!valid_aim(item)) {
			snprintf(msg, msglen, "malformed indicator id '%s' in aims "
			         "(expected 'id' or 'plugin.id', lower case)", item);
			free(item);
			free_aims(aims, count);
			return PK2D_ERR_INVALID;
		}
		for (i = 0; i < count; i++) {
			if (strcmp(aims[i], item) == 0) {
				snprintf(msg, msglen, "indicator '%s' is listed twice in aims", item);
				free(item);
				free_aims(aims, count);
				return PK2D_ERR_INVALID;
			}
		}
		grown = realloc(aims, (count + 1) * sizeof *aims);
		if (grown == NULL) {
			free(item);
			free_aims(aims, count);
			return PK2D_ERR_NOMEM;
		}
		aims = grown;
		aims[count++] = item;
		if (end == NULL)
			break;
		p = end + 1;
	}
	*out = aims;
	*n = count;
	return 0;
}

/* An own (bare) aim that names no own indicator, or NULL. */
static const char *undeclared_aim(char **aims, size_t n, cat_own_fn own, void *ud)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strchr(aims[i], '.') == NULL && (own == NULL || !own(ud, aims[i])))
			return aims[i];
	return NULL;
}

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

static cat_entry *append(catalogue *cat)
{
	cat_entry *v = realloc(cat->v, (cat->n + 1) * sizeof *v);

	if (v == NULL)
		return NULL;
	cat->v = v;
	memset(&v[cat->n], 0, sizeof *v);
	return &v[cat->n++];
}

int catalogue_add_builtins(catalogue *cat, const pk2d_host_api *api, pk2d_host *h,
                           const cat_builtin *b, size_t n, cat_own_fn own, void *ud)
{
	size_t i;

	for (i = 0; i < n; i++) {
		cat_entry *e = append(cat);
		char msg[160];
		const char *bad;
		int rc;

		if (e == NULL)
			return PK2D_ERR_NOMEM;
		e->id = strdup(b[i].id);
		e->label_id = strdup(b[i].label_id);
		e->label_en = dup_or_null(b[i].label_en);
		e->target_group = dup_or_null(b[i].target_group);
		e->unit = dup_or_null(b[i].unit);
		if (e->id == NULL || e->label_id == NULL ||
		    (b[i].label_en && !e->label_en) || (b[i].target_group && !e->target_group) ||
		    (b[i].unit && !e->unit))
			return PK2D_ERR_NOMEM;
		rc = catalogue_parse_aims(b[i].aims ? b[i].aims : "", &e->aims, &e->n_aims,
		                          msg, sizeof msg);
		if (rc == PK2D_ERR_INVALID)
			api->log(h, PK2D_LOG_ERROR, "built-in intervention '%s': %s", b[i].id, msg);
		if (rc != 0)
			return rc;
		bad = undeclared_aim(e->aims, e->n_aims, own, ud);
		if (bad != NULL) {
			api->log(h, PK2D_LOG_ERROR, "built-in intervention '%s' aims at "
			         "undeclared indicator '%s'", b[i].id, bad);
			return PK2D_ERR_INVALID;
		}
	}
	return 0;
}

struct read_ctx {
	catalogue *cat;
	const pk2d_host_api *api;
	pk2d_host *h;
	cat_own_fn own;
	void *ud;
	keyblocks blocks;
	int bad;
	int nomem;
};

#define INTERVENTION_PREFIX "intervention."

/* Replaces *slot with a copy of value. */
static int set_string(char **slot, const char *value)
{
	char *s = strdup(value);

	if (s == NULL)
		return PK2D_ERR_NOMEM;
	free(*slot);
	*slot = s;
	return 0;
}

static void config_error(struct read_ctx *r, const char *key, const char *fmt, ...)
	PK2D_PRINTF(3, 4);

static void config_error(struct read_ctx *r, const char *key, const char *fmt, ...)
{
	char text[320];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	r->api->log(r->h, PK2D_LOG_ERROR, "%s: %s", r->api->config_where(r->h, key), text);
	r->bad = 1;
}

static int set_field(struct read_ctx *r, cat_entry *e, const char *key, const char *field,
                     const char *value)
{
	if (strcasecmp(field, "label") == 0)
		return set_string(&e->label_id, value);
	if (strcasecmp(field, "label_en") == 0)
		return set_string(&e->label_en, value);
	if (strcasecmp(field, "target_group") == 0)
		return set_string(&e->target_group, value);
	if (strcasecmp(field, "unit") == 0)
		return set_string(&e->unit, value);
	if (strcasecmp(field, "agency") == 0)
		return set_string(&e->agency, value);
	if (strcasecmp(field, "target") == 0) {
		double v;

		if (fields_number(value, &v) != 0 || v < 0) {
			config_error(r, key, "target of intervention '%s' must be a number >= 0, "
			             "not '%s'", e->id, value);
			return 0;
		}
		e->target = v;
		e->has_target = 1;
		return 0;
	}
	if (strcasecmp(field, "aims") == 0) {
		char **aims, msg[160];
		size_t n;
		const char *bad;
		int rc = catalogue_parse_aims(value, &aims, &n, msg, sizeof msg);

		if (rc == PK2D_ERR_INVALID) {
			config_error(r, key, "intervention '%s': %s", e->id, msg);
			return 0;
		}
		if (rc != 0)
			return rc;
		bad = undeclared_aim(aims, n, r->own, r->ud);
		if (bad != NULL) {
			config_error(r, key, "intervention '%s' aims at undeclared indicator '%s' "
			             "(a bare id names an indicator of this section; write "
			             "'plugin.id' for another plugin's)", e->id, bad);
			free_aims(aims, n);
			return 0;
		}
		free_aims(e->aims, e->n_aims);
		e->aims = aims;
		e->n_aims = n;
		e->origin = r->api->config_where(r->h, key);
		return 0;
	}
	config_error(r, key, "unknown field '%s' of intervention '%s' (expected label, "
	             "label_en, target_group, unit, agency, target or aims)", field, e->id);
	return 0;
}

static int read_key(void *ud, const char *key, const char *value)
{
	struct read_ctx *r = ud;
	char id[64];
	const char *field, *first;
	long at;
	int rc = keyblocks_split(key, INTERVENTION_PREFIX, id, sizeof id, &field);

	if (rc == 0)
		return 0;
	if (rc < 0 || !fields_valid_id(id) || field == NULL || field[0] == '\0') {
		config_error(r, key, "malformed key '%s': expected intervention.ID.FIELD with ID "
		             "in lower case letters, digits and '_'", key);
		return 0;
	}
	rc = keyblocks_enter(&r->blocks, id, r->api->config_where(r->h, key), &first);
	if (rc == PK2D_ERR_DUPLICATE) {
		config_error(r, key, "duplicate intervention id '%s': it is already defined by "
		             "the block starting at %s (keys of one intervention must be "
		             "written together)", id, first);
		return 0;
	}
	if (rc != 0) {
		r->nomem = 1;
		return 1;
	}
	at = catalogue_find(r->cat, id);
	if (at < 0) {
		cat_entry *e = append(r->cat);

		if (e == NULL || (e->id = strdup(id)) == NULL) {
			r->nomem = 1;
			return 1;
		}
		e->origin = r->api->config_where(r->h, key);
		at = (long)r->cat->n - 1;
	}
	if (set_field(r, &r->cat->v[at], key, field, value) != 0) {
		r->nomem = 1;
		return 1;
	}
	return 0;
}

int catalogue_read_config(catalogue *cat, const pk2d_host_api *api, pk2d_host *h,
                          cat_own_fn own, void *ud)
{
	struct read_ctx r;
	size_t first_new = cat->n, i;

	memset(&r, 0, sizeof r);
	r.cat = cat;
	r.api = api;
	r.h = h;
	r.own = own;
	r.ud = ud;
	api->config_each(h, read_key, &r);
	if (!r.nomem) {
		/* Entries from first_new on were created by the INI. */
		for (i = first_new; i < cat->n; i++) {
			if (cat->v[i].label_id == NULL) {
				api->log(h, PK2D_LOG_ERROR, "%s: intervention '%s' has no label "
				         "(set intervention.%s.label)", cat->v[i].origin,
				         cat->v[i].id, cat->v[i].id);
				r.bad = 1;
			}
		}
	}
	keyblocks_free(&r.blocks);
	if (r.nomem)
		return PK2D_ERR_NOMEM;
	return r.bad ? PK2D_ERR_CONFIG : 0;
}

int catalogue_load(catalogue *cat, const pk2d_host_api *api, pk2d_host *h,
                   const cat_builtin *b, size_t n, cat_own_fn own, void *ud)
{
	int rc = catalogue_add_builtins(cat, api, h, b, n, own, ud);

	return rc == 0 ? catalogue_read_config(cat, api, h, own, ud) : rc;
}

int catalogue_declare(const catalogue *cat, const pk2d_host_api *api, pk2d_host *h)
{
	size_t i;

	for (i = 0; i < cat->n; i++) {
		const cat_entry *e = &cat->v[i];
		const char **aims = calloc(e->n_aims + 1, sizeof *aims);
		pk2d_intervention iv;
		size_t k;
		int rc;

		if (aims == NULL)
			return PK2D_ERR_NOMEM;
		for (k = 0; k < e->n_aims; k++)
			aims[k] = e->aims[k];
		memset(&iv, 0, sizeof iv);
		iv.id = e->id;
		iv.label_id = e->label_id;
		iv.label_en = e->label_en;
		iv.agency = e->agency;
		iv.target_group = e->target_group;
		iv.unit = e->unit;
		iv.aims = aims;
		iv.origin = e->origin;
		rc = api->declare_intervention(h, &iv);
		free(aims);
		if (rc != 0) {
			api->log(h, PK2D_LOG_ERROR, "%s%sintervention '%s' could not be declared: %s",
			         e->origin ? e->origin : "", e->origin ? ": " : "", e->id,
			         api->strerror(rc));
			return rc;
		}
	}
	return 0;
}

int catalogue_report_targets(const catalogue *cat, const pk2d_host_api *api, pk2d_host *h)
{
	size_t i;

	for (i = 0; i < cat->n; i++) {
		pk2d_intervention_value v;
		int rc;

		if (!cat->v[i].has_target)
			continue;
		memset(&v, 0, sizeof v);
		v.intervention = cat->v[i].id;
		v.area = api->run_area(h);
		v.target = cat->v[i].target;
		rc = api->report_intervention(h, &v);
		if (rc == PK2D_ERR_NOMEM)
			return rc;
	}
	return 0;
}
