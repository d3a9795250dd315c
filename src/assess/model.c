/*
 * model.c - reads and validates the assessment model file (model.h).
 */
#include <config.h>

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csv.h"
#include "model.h"
#include "inifile.h"
#include "year_value.h"

#define MODEL_DEFAULT_ATTENTION 75.0
#define MODEL_DEFAULT_WORST 3

enum section_kind {
	SEC_NONE = 0,
	SEC_MODEL,
	SEC_PROFILE,
	SEC_IKK,
	SEC_HOUSEHOLD,
	SEC_CAPAIAN,
	SEC_DIMENSION
};

/* An optional weight.CODE or target.CODE line, matched to its indicator once
 * the whole section is read (it may come before indicator.CODE). */
typedef struct pending {
	char *code;
	int is_target;
	double v;             /* the weight */
	year_value target;    /* the target */
	char *where;
	model_dimension *dim;
	size_t dim_index;
} pending;

typedef struct parser {
	model *m;
	const char *path;
	msglist *errs;
	size_t errors;
	int oom;
	int kind;                 /* enum section_kind of the current section */
	model_range *range;       /* the current category section */
	size_t dim_index;         /* the current dimension section */
	int has_attention, has_worst;
	pending *pend;
	size_t n_pend;
	/* which keys of the current section were set, to refuse repeats */
	char **seen;
	size_t n_seen;
} parser;

/* The built-in capaian scale: the common five-step LKjIP scale (ECOSYSTEM.md
 * section 3.1, LKjIP Kabupaten Sampang 2019). */
static const struct {
	const char *key, *id, *en;
	int has_from;
	double from;
} default_capaian[] = {
	{ "sangat_baik", "Sangat Baik", "Very good", 1, 91 },
	{ "baik", "Baik", "Good", 1, 76 },
	{ "cukup", "Cukup", "Fair", 1, 66 },
	{ "kurang", "Kurang", "Poor", 1, 51 },
	{ "sangat_kurang", "Sangat Kurang", "Very poor", 0, 0 },
};

static void perr(parser *p, long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void perr(parser *p, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	msglist_vadd(p->errs, p->path, (int)line, fmt, ap);
	va_end(ap);
	p->errors++;
}

/* Same, for a "file:line" place already written out. */
static void perr_at(parser *p, const char *where, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void perr_at(parser *p, const char *where, const char *fmt, ...)
{
	char msg[768];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	msglist_add(p->errs, NULL, 0, "%s: %s", where, msg);
	p->errors++;
}

static char *dup_or_oom(parser *p, const char *s)
{
	char *d = strdup(s);

	if (!d)
		p->oom = 1;
	return d;
}

static char *where_of(parser *p, long line)
{
	char *w = NULL;

	if (asprintf(&w, "%s:%ld", p->path, line) < 0) {
		p->oom = 1;
		return NULL;
	}
	return w;
}

/* Grows *arr (of elements of size sz) by one zeroed element; NULL on OOM. */
static void *grow(parser *p, void **arr, size_t *n, size_t sz)
{
	char *a = realloc(*arr, (*n + 1) * sz);

	if (!a) {
		p->oom = 1;
		return NULL;
	}
	memset(a + *n * sz, 0, sz);
	*arr = a;
	return a + (*n)++ * sz;
}

static int parse_num(const char *s, double *out)
{
	return parse_number(s, out) == 0 && isfinite(*out) ? 0 : -1;
}

static int ref_valid(const char *r);

static void set_string(parser *p, long line, char **dst, const char *key, const char *value)
{
	if (!*value) {
		perr(p, line, "%s is empty", key);
		return;
	}
	free(*dst);
	*dst = dup_or_oom(p, value);
}

/* A key seen twice in one section is an error: with inih's multiline mode
 * it is also how an indented line shows up. */
static int repeated(parser *p, long line, const char *key)
{
	char **s;

	for (size_t i = 0; i < p->n_seen; i++) {
		if (strcasecmp(p->seen[i], key) == 0) {
			perr(p, line, "%s is set twice in this section (or the line is indented)", key);
			return 1;
		}
	}
	s = grow(p, (void **)&p->seen, &p->n_seen, sizeof *p->seen);
	if (s)
		*s = dup_or_oom(p, key);
	return 0;
}

static void forget_seen(parser *p)
{
	for (size_t i = 0; i < p->n_seen; i++)
		free(p->seen[i]);
	free(p->seen);
	p->seen = NULL;
	p->n_seen = 0;
}

/* A key of [model]. */
static void model_key(parser *p, long line, const char *key, const char *value)
{
	model *m = p->m;
	double v;

	if (strcasecmp(key, "name") == 0)
		set_string(p, line, &m->name, key, value);
	else if (strcasecmp(key, "name_en") == 0)
		set_string(p, line, &m->name_en, key, value);
	else if (strcasecmp(key, "source") == 0)
		set_string(p, line, &m->source, key, value);
	else if (strcasecmp(key, "statement") == 0)
		set_string(p, line, &m->statement, key, value);
	else if (strcasecmp(key, "statement_en") == 0)
		set_string(p, line, &m->statement_en, key, value);
	else if (strcasecmp(key, "status") == 0) {
		if (strcmp(value, "working") != 0 && strcmp(value, "official") != 0)
			perr(p, line, "status must be 'working' or 'official', not '%s'", value);
		else
			set_string(p, line, &m->status, key, value);
	} else if (strcasecmp(key, "attention") == 0) {
		if (parse_num(value, &v) < 0 || v < 0 || v > 100)
			perr(p, line, "attention must be a number from 0 to 100, not '%s'", value);
		else
			m->attention = v;
		p->has_attention = 1;
	} else if (strcasecmp(key, "worst") == 0) {
		if (parse_num(value, &v) < 0 || v < 0 || v > 100 || v != floor(v))
			perr(p, line, "worst must be a whole number from 0 to 100, not '%s'", value);
		else
			m->worst = (size_t)v;
		p->has_worst = 1;
	} else {
		perr(p, line, "unknown key '%s' in [model] (name, name_en, source, status, "
		     "statement, statement_en, attention, worst)", key);
	}
}

static void profile_key(parser *p, long line, const char *key, const char *value)
{
	static const char *const keys[MODEL_N_PROFILE] = { "kk", "male", "female" };
	model *m = p->m;

	for (int i = 0; i < MODEL_N_PROFILE; i++) {
		if (strcasecmp(key, keys[i]) == 0) {
			if (!ref_valid(value)) {
				perr(p, line, "'%s' is not an indicator id of the form plugin.indicator",
				     value);
				return;
			}
			set_string(p, line, &m->profile[i], key, value);
			free(m->profile_where[i]);
			m->profile_where[i] = where_of(p, line);
			return;
		}
	}
	perr(p, line, "unknown key '%s' in [profile] (kk, male, female)", key);
}

static void range_key(parser *p, long line, const char *section, const char *key,
                      const char *value)
{
	model_range *r = p->range;
	double v;

	if (strcasecmp(key, "label_id") == 0) {
		set_string(p, line, &r->label_id, key, value);
	} else if (strcasecmp(key, "label_en") == 0) {
		set_string(p, line, &r->label_en, key, value);
	} else if (strcasecmp(key, "from") == 0 || strcasecmp(key, "to") == 0) {
		int is_to = strcasecmp(key, "to") == 0;

		if (is_to && p->kind == SEC_CAPAIAN) {
			perr(p, line, "a capaian step has only 'from' (it reaches up to the next step)");
			return;
		}
		if (parse_num(value, &v) < 0 || (p->kind != SEC_CAPAIAN && (v < 0 || v > 100))) {
			perr(p, line, "%s must be a number%s, not '%s'", key,
			     p->kind == SEC_CAPAIAN ? "" : " from 0 to 100", value);
			return;
		}
		if (is_to) {
			r->to = v;
			r->has_to = 1;
		} else {
			r->from = v;
			r->has_from = 1;
		}
	} else if (strcasecmp(key, "indicator") == 0 && p->kind == SEC_HOUSEHOLD) {
		set_string(p, line, &r->indicator, key, value);
	} else {
		perr(p, line, "unknown key '%s' in [%s] (%s)", key, section,
		     p->kind == SEC_CAPAIAN ? "from, label_id, label_en" :
		     p->kind == SEC_IKK ? "from, to, label_id, label_en" :
		     "from, to, label_id, label_en, indicator");
	}
}

/* A code is what follows "indicator.": letters, digits and '_'. */
static int code_valid(const char *c)
{
	if (!*c || strlen(c) > 32)
		return 0;
	for (; *c; c++)
		if (!((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') ||
		      (*c >= '0' && *c <= '9') || *c == '_'))
			return 0;
	return 1;
}

/* A registry id is "plugin.indicator", both parts [a-z][a-z0-9_]*. */
static int ref_valid(const char *r)
{
	const char *dot = strchr(r, '.');

	if (!dot || dot == r || !dot[1] || strchr(dot + 1, '.'))
		return 0;
	for (const char *c = r; *c; c++) {
		if (c == dot)
			continue;
		if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '_'))
			return 0;
	}
	return r[0] >= 'a' && r[0] <= 'z' && dot[1] >= 'a' && dot[1] <= 'z';
}

static model_indicator *find_code(const model *m, const char *code, model_dimension **dim_out)
{
	for (size_t d = 0; d < m->n_dimensions; d++) {
		model_dimension *dim = &m->dimensions[d];

		for (size_t i = 0; i < dim->n_indicators; i++) {
			if (strcasecmp(dim->indicators[i].code, code) == 0) {
				if (dim_out)
					*dim_out = dim;
				return &dim->indicators[i];
			}
		}
	}
	return NULL;
}

static void dimension_key(parser *p, long line, const char *key, const char *value)
{
	model_dimension *dim = &p->m->dimensions[p->dim_index];
	double v;

	if (strcasecmp(key, "label_id") == 0) {
		set_string(p, line, &dim->label_id, key, value);
	} else if (strcasecmp(key, "label_en") == 0) {
		set_string(p, line, &dim->label_en, key, value);
	} else if (strcasecmp(key, "weight") == 0) {
		if (parse_num(value, &v) < 0 || v <= 0 || v > 1)
			perr(p, line, "weight must be a number above 0 and at most 1, not '%s'", value);
		else
			dim->weight = v;
	} else if (strncasecmp(key, "indicator.", 10) == 0) {
		const char *code = key + 10;
		model_indicator *mi;

		if (!code_valid(code)) {
			perr(p, line, "'%s' is not an indicator code (letters, digits, '_')", code);
			return;
		}
		if (find_code(p->m, code, NULL)) {
			perr(p, line, "indicator %s is already in the model", code);
			return;
		}
		if (!ref_valid(value)) {
			perr(p, line, "'%s' is not an indicator id of the form "
			     "<plugin instance>.<indicator>", value);
			return;
		}
		mi = grow(p, (void **)&dim->indicators, &dim->n_indicators, sizeof *mi);
		if (!mi)
			return;
		mi->code = dup_or_oom(p, code);
		mi->ref = dup_or_oom(p, value);
		mi->weight = 1;
		mi->where = where_of(p, line);
	} else if (strncasecmp(key, "weight.", 7) == 0 || strncasecmp(key, "target.", 7) == 0) {
		int is_target = strncasecmp(key, "target.", 7) == 0;
		year_value target;
		char why[160];
		pending *pd;

		if (is_target && year_value_parse(value, 0, 100, &target, why, sizeof why) < 0) {
			perr(p, line, "%s: %s (a number from 0 to 100, or YEAR:VALUE pairs)", key, why);
			return;
		}
		if (!is_target && (parse_num(value, &v) < 0 || v <= 0)) {
			perr(p, line, "%s must be a number above 0, not '%s'", key, value);
			return;
		}
		pd = grow(p, (void **)&p->pend, &p->n_pend, sizeof *pd);
		if (!pd)
			return;
		pd->code = dup_or_oom(p, key + 7);
		pd->is_target = is_target;
		if (is_target)
			pd->target = target;
		else
			pd->v = v;
		pd->where = where_of(p, line);
		pd->dim_index = p->dim_index;
	} else {
		perr(p, line, "unknown key '%s' in a dimension (label_id, label_en, weight, "
		     "indicator.CODE, weight.CODE, target.CODE)", key);
	}
}

static model_range *new_range(parser *p, model_range **arr, size_t *n, const char *key,
                              long line)
{
	model_range *r;

	for (size_t i = 0; i < *n; i++) {
		if (strcasecmp((*arr)[i].key, key) == 0) {
			perr(p, line, "the category '%s' is defined twice", key);
			return NULL;
		}
	}
	r = grow(p, (void **)arr, n, sizeof *r);
	if (!r)
		return NULL;
	r->key = dup_or_oom(p, key);
	r->where = where_of(p, line);
	return r;
}

static int section_name_ok(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return 0;
	return 1;
}

/* A new section starts: decide its kind. */
static void begin_section(parser *p, const char *section, long line)
{
	model *m = p->m;
	const char *name = NULL;

	forget_seen(p);
	p->range = NULL;
	p->kind = SEC_NONE;
	if (strcasecmp(section, "model") == 0) {
		p->kind = SEC_MODEL;
		return;
	}
	if (strcasecmp(section, "profile") == 0) {
		p->kind = SEC_PROFILE;
		return;
	}
	if (strncasecmp(section, "category.ikk.", 13) == 0) {
		p->kind = SEC_IKK;
		name = section + 13;
	} else if (strncasecmp(section, "category.household.", 19) == 0) {
		p->kind = SEC_HOUSEHOLD;
		name = section + 19;
	} else if (strncasecmp(section, "category.capaian.", 17) == 0) {
		p->kind = SEC_CAPAIAN;
		name = section + 17;
	} else if (strncasecmp(section, "dimension.", 10) == 0) {
		p->kind = SEC_DIMENSION;
		name = section + 10;
	} else {
		perr(p, line, "unknown section [%s] (model, profile, category.ikk.NAME, "
		     "category.household.NAME, category.capaian.NAME, dimension.NAME)", section);
		p->kind = -1;
		return;
	}
	if (!section_name_ok(name)) {
		perr(p, line, "[%s]: the name after the dot must be lower-case letters, digits, '_'",
		     section);
		p->kind = -1;
		return;
	}
	if (p->kind == SEC_IKK)
		p->range = new_range(p, &m->ikk, &m->n_ikk, name, line);
	else if (p->kind == SEC_HOUSEHOLD)
		p->range = new_range(p, &m->household, &m->n_household, name, line);
	else if (p->kind == SEC_CAPAIAN)
		p->range = new_range(p, &m->capaian, &m->n_capaian, name, line);
	else {
		model_dimension *d;

		for (size_t i = 0; i < m->n_dimensions; i++) {
			if (strcasecmp(m->dimensions[i].key, name) == 0) {
				perr(p, line, "the dimension '%s' is defined twice", name);
				p->kind = -1;
				return;
			}
		}
		d = grow(p, (void **)&m->dimensions, &m->n_dimensions, sizeof *d);
		if (!d) {
			p->kind = -1;
			return;
		}
		d->key = dup_or_oom(p, name);
		d->where = where_of(p, line);
		d->weight = NAN;
		p->dim_index = m->n_dimensions - 1;
	}
	if (p->kind != SEC_DIMENSION && !p->range)
		p->kind = -1;
}

/* ini_file_parse's handler: a section header (key NULL) or a key. */
static int on_line(void *ud, const char *section, const char *key, const char *value,
                   const char *file, int line)
{
	parser *p = ud;

	(void)file;
	if (!key) {
		begin_section(p, section, line);
		return 0;
	}
	if (p->kind == -1)
		return 0;       /* the section header was already reported */
	if (p->kind == SEC_NONE) {
		perr(p, line, "'%s' is outside any section", key);
		return 0;
	}
	if (repeated(p, line, key))
		return 0;
	switch (p->kind) {
	case SEC_MODEL:
		model_key(p, line, key, value);
		break;
	case SEC_PROFILE:
		profile_key(p, line, key, value);
		break;
	case SEC_DIMENSION:
		dimension_key(p, line, key, value);
		break;
	default:
		range_key(p, line, section, key, value);
		break;
	}
	return 0;
}

static int cmp_range_desc(const void *a, const void *b)
{
	const model_range *x = a, *y = b;

	/* The bottom capaian step (no from) sorts last. */
	if (x->has_from != y->has_from)
		return x->has_from ? -1 : 1;
	return x->from > y->from ? -1 : x->from < y->from ? 1 : 0;
}

/* IKK and household ranges: each has from, to, label; together they cover
 * 0-100 with no gap and no overlap. */
static void check_ranges(parser *p, model_range *r, size_t n, const char *what)
{
	int complete = 1;

	for (size_t i = 0; i < n; i++) {
		if (!r[i].has_from || !r[i].has_to) {
			perr_at(p, r[i].where, "category.%s.%s needs both 'from' and 'to'", what, r[i].key);
			complete = 0;
		} else if (r[i].from >= r[i].to) {
			perr_at(p, r[i].where, "category.%s.%s: 'from' (%g) must be below 'to' (%g)",
			        what, r[i].key, r[i].from, r[i].to);
			complete = 0;
		}
		if (!r[i].label_id) {
			perr_at(p, r[i].where, "category.%s.%s has no label_id", what, r[i].key);
		}
	}
	if (!complete || n == 0)
		return;
	qsort(r, n, sizeof *r, cmp_range_desc);
	if (r[0].to != 100)
		perr_at(p, r[0].where, "the %s categories end at %g, not 100: values from %g to 100 "
		        "have no category", what, r[0].to, r[0].to);
	if (r[n - 1].from != 0)
		perr_at(p, r[n - 1].where, "the %s categories start at %g, not 0: values from 0 to %g "
		        "have no category", what, r[n - 1].from, r[n - 1].from);
	for (size_t i = 0; i + 1 < n; i++) {
		const model_range *hi = &r[i], *lo = &r[i + 1];

		if (lo->to < hi->from)
			perr_at(p, lo->where, "gap between category.%s.%s (ends at %g) and "
			        "category.%s.%s (starts at %g)", what, lo->key, lo->to, what, hi->key,
			        hi->from);
		else if (lo->to > hi->from)
			perr_at(p, lo->where, "category.%s.%s (up to %g) overlaps category.%s.%s "
			        "(from %g)", what, lo->key, lo->to, what, hi->key, hi->from);
	}
}

static void check_capaian(parser *p, model *m)
{
	size_t bottoms = 0;

	for (size_t i = 0; i < m->n_capaian; i++) {
		if (!m->capaian[i].has_from)
			bottoms++;
		if (!m->capaian[i].label_id)
			perr_at(p, m->capaian[i].where, "category.capaian.%s has no label_id",
			        m->capaian[i].key);
		for (size_t j = 0; j < i; j++) {
			if (m->capaian[i].has_from && m->capaian[j].has_from &&
			    m->capaian[i].from == m->capaian[j].from)
				perr_at(p, m->capaian[i].where, "category.capaian.%s starts at %g like "
				        "category.capaian.%s", m->capaian[i].key, m->capaian[i].from,
				        m->capaian[j].key);
		}
	}
	if (bottoms != 1)
		perr(p, 1, "the capaian scale needs exactly one step without 'from' (the bottom "
		     "step, below all others); it has %zu", bottoms);
	qsort(m->capaian, m->n_capaian, sizeof *m->capaian, cmp_range_desc);
}

static void default_capaian_scale(parser *p, model *m)
{
	size_t n = sizeof default_capaian / sizeof default_capaian[0];

	m->capaian = calloc(n, sizeof *m->capaian);
	if (!m->capaian) {
		p->oom = 1;
		return;
	}
	m->n_capaian = n;
	for (size_t i = 0; i < n; i++) {
		model_range *r = &m->capaian[i];

		r->key = dup_or_oom(p, default_capaian[i].key);
		r->label_id = dup_or_oom(p, default_capaian[i].id);
		r->label_en = dup_or_oom(p, default_capaian[i].en);
		r->has_from = default_capaian[i].has_from;
		r->from = default_capaian[i].from;
		r->where = dup_or_oom(p, "built-in LKjIP scale");
	}
}

static void apply_pending(parser *p)
{
	for (size_t i = 0; i < p->n_pend; i++) {
		pending *pd = &p->pend[i];
		model_dimension *dim = &p->m->dimensions[pd->dim_index];
		model_indicator *mi = NULL;

		for (size_t j = 0; j < dim->n_indicators; j++)
			if (strcasecmp(dim->indicators[j].code, pd->code) == 0)
				mi = &dim->indicators[j];
		if (!mi) {
			perr_at(p, pd->where, "%s.%s names no indicator.%s of this dimension",
			        pd->is_target ? "target" : "weight", pd->code, pd->code);
			continue;
		}
		if (pd->is_target) {
			mi->has_target = 1;
			mi->target = pd->target;
		} else {
			mi->weight = pd->v;
		}
	}
}

/* Everything that can be checked once the whole file is read. */
static void validate(parser *p)
{
	model *m = p->m;
	double sum = 0;
	int weights_ok = 1;

	if (!m->name)
		perr(p, 1, "[model] has no name");
	if (!m->source)
		perr(p, 1, "[model] has no source (where the model comes from)");
	if (!m->status)
		perr(p, 1, "[model] has no status ('working' or 'official')");
	if (!m->statement)
		perr(p, 1, "[model] has no statement (what is official, what is assumed)");
	if (m->n_ikk == 0)
		perr(p, 1, "the model has no IKK categories ([category.ikk.NAME])");
	check_ranges(p, m->ikk, m->n_ikk, "ikk");
	check_ranges(p, m->household, m->n_household, "household");
	if (m->n_capaian)
		check_capaian(p, m);
	else
		default_capaian_scale(p, m);
	apply_pending(p);
	if (m->n_dimensions == 0)
		perr(p, 1, "the model has no dimensions ([dimension.NAME])");
	for (size_t d = 0; d < m->n_dimensions; d++) {
		model_dimension *dim = &m->dimensions[d];

		if (!dim->label_id)
			perr_at(p, dim->where, "dimension %s has no label_id", dim->key);
		if (dim->n_indicators == 0)
			perr_at(p, dim->where, "dimension %s has no indicator (indicator.CODE = "
			        "plugin.id)", dim->key);
		if (isnan(dim->weight)) {
			perr_at(p, dim->where, "dimension %s has no weight", dim->key);
			weights_ok = 0;
		} else {
			sum += dim->weight;
		}
	}
	if (weights_ok && m->n_dimensions && fabs(sum - 1.0) > MODEL_WEIGHT_TOLERANCE)
		perr_at(p, m->dimensions[0].where, "the dimension weights add up to %.10g, not 1",
		        sum);
}

/* Fills the fall-backs: English labels default to the Indonesian ones. */
static void fill_defaults(parser *p, model *m)
{
	model_range *scales[] = { m->ikk, m->household, m->capaian };
	size_t ns[] = { m->n_ikk, m->n_household, m->n_capaian };

	if (!m->name_en && m->name)
		m->name_en = dup_or_oom(p, m->name);
	if (!m->statement_en && m->statement)
		m->statement_en = dup_or_oom(p, m->statement);
	for (size_t s = 0; s < 3; s++)
		for (size_t i = 0; i < ns[s]; i++)
			if (!scales[s][i].label_en && scales[s][i].label_id)
				scales[s][i].label_en = dup_or_oom(p, scales[s][i].label_id);
	for (size_t d = 0; d < m->n_dimensions; d++)
		if (!m->dimensions[d].label_en && m->dimensions[d].label_id)
			m->dimensions[d].label_en = dup_or_oom(p, m->dimensions[d].label_id);
}

static void free_ranges(model_range *r, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(r[i].key);
		free(r[i].label_id);
		free(r[i].label_en);
		free(r[i].indicator);
		free(r[i].where);
	}
	free(r);
}

void model_free(model *m)
{
	if (!m)
		return;
	free(m->path);
	free(m->name);
	free(m->name_en);
	free(m->source);
	free(m->status);
	free(m->statement);
	free(m->statement_en);
	for (int i = 0; i < MODEL_N_PROFILE; i++) {
		free(m->profile[i]);
		free(m->profile_where[i]);
	}
	free_ranges(m->ikk, m->n_ikk);
	free_ranges(m->household, m->n_household);
	free_ranges(m->capaian, m->n_capaian);
	for (size_t d = 0; d < m->n_dimensions; d++) {
		model_dimension *dim = &m->dimensions[d];

		for (size_t i = 0; i < dim->n_indicators; i++) {
			free(dim->indicators[i].code);
			free(dim->indicators[i].ref);
			free(dim->indicators[i].where);
		}
		free(dim->indicators);
		free(dim->key);
		free(dim->label_id);
		free(dim->label_en);
		free(dim->where);
	}
	free(m->dimensions);
	free(m);
}

int model_load(const char *path, model **out, msglist *errs)
{
	parser p = { 0 };
	int rc;

	*out = NULL;
	p.m = calloc(1, sizeof *p.m);
	if (!p.m)
		return PK2D_ERR_NOMEM;
	p.path = path;
	p.errs = errs;
	p.m->attention = MODEL_DEFAULT_ATTENTION;
	p.m->worst = MODEL_DEFAULT_WORST;
	p.m->path = dup_or_oom(&p, path);
	rc = ini_file_parse(path, on_line, &p, errs);
	if (rc == PK2D_ERR_CONFIG)
		p.errors++;
	if (rc != PK2D_ERR_IO) {
		validate(&p);
		fill_defaults(&p, p.m);
	}
	forget_seen(&p);
	for (size_t i = 0; i < p.n_pend; i++) {
		free(p.pend[i].code);
		free(p.pend[i].where);
	}
	free(p.pend);
	if (p.oom || rc == PK2D_ERR_IO || p.errors) {
		model_free(p.m);
		return p.oom ? PK2D_ERR_NOMEM : rc == PK2D_ERR_IO ? PK2D_ERR_IO : PK2D_ERR_CONFIG;
	}
	*out = p.m;
	return 0;
}

static void reg_error(msglist *errs, size_t *count, const char *where, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void reg_error(msglist *errs, size_t *count, const char *where, const char *fmt, ...)
{
	char msg[768];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	(*count)++;
	msglist_add(errs, NULL, 0, "%s: %s", where, msg);
}

/* "family" of "family.l1", for the message about a plugin that is missing. */
static int plugin_declared(const registry *r, const char *ref)
{
	size_t len = strcspn(ref, ".");

	for (size_t i = 0; i < registry_n_indicators(r); i++) {
		const reg_indicator *ind = registry_indicator_at(r, i);

		if (strlen(ind->plugin) == len && strncmp(ind->plugin, ref, len) == 0)
			return 1;
	}
	return 0;
}

/* proportion: 0 any indicator, 1 a proportion, 2 a proportion with a
 * direction (higher or lower is better). */
static void check_ref(const registry *r, const char *ref, const char *where, int proportion,
                      msglist *errs, msglist *gaps, size_t *count)
{
	const reg_indicator *ind = registry_find_indicator(r, ref);

	if (!ind) {
		if (plugin_declared(r, ref))
			reg_error(errs, count, where, "%s: the plugin '%.*s' declares no indicator "
			          "'%s'", ref, (int)strcspn(ref, "."), ref, strchr(ref, '.') + 1);
		else
			msglist_add(gaps, NULL, 0, "%s: %s: no enabled plugin '%.*s' declares it, so "
			            "the report shows it without data (enable [plugin.%.*s] or change "
			            "the model)", where, ref, (int)strcspn(ref, "."), ref,
			            (int)strcspn(ref, "."), ref);
		return;
	}
	if (proportion && ind->kind != PK2D_PROPORTION)
		reg_error(errs, count, where, "%s is a %s; a model indicator must be a "
		          "proportion (the share of KK meeting it)", ref,
		          ind->kind == PK2D_COUNT ? "count" : ind->kind == PK2D_RATE ? "rate" :
		          "mean");
	else if (proportion == 2 && ind->direction == PK2D_NEUTRAL)
		reg_error(errs, count, where, "%s is neutral (neither higher nor lower is "
		          "better); a model indicator needs a direction", ref);
}

size_t model_check_registry(const model *m, const registry *r, msglist *errs, msglist *gaps)
{
	size_t count = 0;

	for (size_t d = 0; d < m->n_dimensions; d++)
		for (size_t i = 0; i < m->dimensions[d].n_indicators; i++) {
			const model_indicator *mi = &m->dimensions[d].indicators[i];

			check_ref(r, mi->ref, mi->where, 2, errs, gaps, &count);
		}
	for (int i = 0; i < MODEL_N_PROFILE; i++)
		if (m->profile[i])
			check_ref(r, m->profile[i], m->profile_where[i], 0, errs, gaps, &count);
	for (size_t i = 0; i < m->n_household; i++)
		if (m->household[i].indicator)
			check_ref(r, m->household[i].indicator, m->household[i].where, 1, errs,
			          gaps, &count);
	return count;
}

const model_range *model_range_of(const model_range *ranges, size_t n, double v)
{
	if (isnan(v))
		return NULL;
	/* Ranges are sorted from the top down. */
	for (size_t i = 0; i < n; i++) {
		const model_range *r = &ranges[i];

		if (r->has_from && v < r->from)
			continue;
		if (r->has_to && v >= r->to && !(i == 0 && v == r->to))
			continue;
		return r;
	}
	return NULL;
}
