/*
 * mock_host.c - the in-test host API (see mock_host.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mock_host.h"

static void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n);
	if (q == NULL)
		abort();
	return q;
}

static char *dup_or_null(const char *s)
{
	return s != NULL ? strdup(s) : NULL;
}

static void append_log(struct pk2d_host *h, const char *fmt, va_list ap)
{
	char line[2048];
	int n = vsnprintf(line, sizeof line, fmt, ap);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof line)
		n = sizeof line - 1;
	h->log = xrealloc(h->log, h->log_len + (size_t)n + 2);
	memcpy(h->log + h->log_len, line, (size_t)n);
	h->log_len += (size_t)n;
	h->log[h->log_len++] = '\n';
	h->log[h->log_len] = '\0';
}

static void m_log(pk2d_host *h, int level, const char *fmt, ...)
{
	va_list ap;
	(void)level;
	va_start(ap, fmt);
	append_log(h, fmt, ap);
	va_end(ap);
}

static const char *m_strerror(int err)
{
	return err == 0 ? "success" : "error";
}

static const char *m_config_get(pk2d_host *h, const char *key)
{
	for (const char *const *kv = h->config; kv != NULL && kv[0] != NULL; kv += 2)
		if (strcmp(kv[0], key) == 0)
			return kv[1];
	return NULL;
}

static const char *m_config_where(pk2d_host *h, const char *key)
{
	(void)h;
	(void)key;
	return "test.ini:1";
}

static int m_config_each(pk2d_host *h, int (*fn)(void *, const char *, const char *),
                         void *ud)
{
	for (const char *const *kv = h->config; kv != NULL && kv[0] != NULL; kv += 2) {
		int rc = fn(ud, kv[0], kv[1]);
		if (rc != 0)
			return rc;
	}
	return 0;
}

static const char *m_run_period(pk2d_host *h) { return h->period; }
static const char *m_run_area(pk2d_host *h) { return h->area; }
static const char *m_agency(pk2d_host *h) { (void)h; return "Dinas Kesehatan"; }
static const char *m_data_dir(pk2d_host *h) { return h->data_dir; }

static const char *m_area_name(pk2d_host *h, const char *code)
{
	(void)h;
	return strcmp(code, "63.02.09.2007") == 0 ? "Sang-Sang" : NULL;
}

static int m_declare_indicator(pk2d_host *h, const pk2d_indicator *d)
{
	for (size_t i = 0; i < h->n_ind; i++)
		if (strcmp(h->ind[i].id, d->id) == 0)
			return PK2D_ERR_DUPLICATE;
	h->ind = xrealloc(h->ind, (h->n_ind + 1) * sizeof *h->ind);
	pk2d_indicator *c = &h->ind[h->n_ind++];
	*c = *d;
	c->id = strdup(d->id);
	c->label_id = dup_or_null(d->label_id);
	c->label_en = dup_or_null(d->label_en);
	c->unit = dup_or_null(d->unit);
	c->group = dup_or_null(d->group);
	c->description = dup_or_null(d->description);
	return 0;
}

static int m_declare_intervention(pk2d_host *h, const pk2d_intervention *d)
{
	for (size_t i = 0; i < h->n_iv; i++)
		if (strcmp(h->iv[i].id, d->id) == 0)
			return PK2D_ERR_DUPLICATE;
	h->iv = xrealloc(h->iv, (h->n_iv + 1) * sizeof *h->iv);
	pk2d_intervention *c = &h->iv[h->n_iv++];
	*c = *d;
	c->id = strdup(d->id);
	c->label_id = dup_or_null(d->label_id);
	c->label_en = dup_or_null(d->label_en);
	c->agency = dup_or_null(d->agency);
	c->target_group = dup_or_null(d->target_group);
	c->unit = dup_or_null(d->unit);
	c->origin = dup_or_null(d->origin);
	size_t n = 0;
	while (d->aims != NULL && d->aims[n] != NULL)
		n++;
	const char **aims = xrealloc(NULL, (n + 1) * sizeof *aims);
	for (size_t i = 0; i < n; i++)
		aims[i] = strdup(d->aims[i]);
	aims[n] = NULL;
	c->aims = aims;
	return 0;
}

static int declared(const struct pk2d_host *h, const char *id)
{
	for (size_t i = 0; i < h->n_ind; i++)
		if (strcmp(h->ind[i].id, id) == 0)
			return 1;
	return 0;
}

static int m_report_value(pk2d_host *h, const pk2d_value *v)
{
	if (!declared(h, v->indicator))
		return PK2D_ERR_UNKNOWN_ID;
	h->val = xrealloc(h->val, (h->n_val + 1) * sizeof *h->val);
	pk2d_value *c = &h->val[h->n_val++];
	*c = *v;
	c->indicator = strdup(v->indicator);
	c->area = strdup(v->area);
	c->period = dup_or_null(v->period);
	return 0;
}

static int m_report_intervention(pk2d_host *h, const pk2d_intervention_value *v)
{
	h->ivv = xrealloc(h->ivv, (h->n_ivv + 1) * sizeof *h->ivv);
	pk2d_intervention_value *c = &h->ivv[h->n_ivv++];
	*c = *v;
	c->intervention = strdup(v->intervention);
	c->area = strdup(v->area);
	c->period = dup_or_null(v->period);
	return 0;
}

/* The reader does not know its host; the mock keeps one current host for
 * the messages of csv_next (the tests use one host at a time). */
static struct pk2d_host *current;

static pk2d_csv *m_csv_open(pk2d_host *h, const char *path)
{
	char err[512];
	csv_reader *c = csv_open(path, err, sizeof err);
	current = h;
	if (c == NULL)
		m_log(h, PK2D_LOG_ERROR, "%s: %s", path, err);
	return c;
}

static int m_csv_column(pk2d_csv *c, const char *name) { return csv_column(c, name); }

static int m_csv_next(pk2d_csv *c)
{
	char err[512];
	int rc = csv_next(c, err, sizeof err);
	if (rc < 0)
		m_log(current, PK2D_LOG_ERROR, "%s: %s", csv_path(c), err);
	return rc;
}

static int m_csv_count(pk2d_csv *c) { return csv_count(c); }
static const char *m_csv_field(pk2d_csv *c, int col) { return csv_field(c, col); }
static int m_csv_number(pk2d_csv *c, int col, double *out) { return csv_number(c, col, out); }
static int m_csv_date(pk2d_csv *c, int col, long *days) { return csv_date(c, col, days); }
static long m_csv_line(pk2d_csv *c) { return csv_line(c); }
static const char *m_csv_path(pk2d_csv *c) { return csv_path(c); }

static void m_csv_reject(pk2d_csv *c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	csv_vreject(c, fmt, ap);
	va_end(ap);
}

static void m_csv_note(pk2d_csv *c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	csv_vnote(c, fmt, ap);
	va_end(ap);
}

static void m_csv_close(pk2d_csv *c)
{
	if (c == NULL)
		return;
	csv_stats *s = csv_close(c);
	if (s == NULL)
		return;
	current->files = xrealloc(current->files, (current->n_files + 1) * sizeof *current->files);
	current->files[current->n_files++] = s;
}

const pk2d_host_api mock_api = {
	.abi_major = PK2D_ABI_MAJOR,
	.abi_minor = PK2D_ABI_MINOR,
	.struct_size = sizeof(pk2d_host_api),
	.log = m_log,
	.strerror = m_strerror,
	.config_get = m_config_get,
	.config_path = m_config_get,
	.config_where = m_config_where,
	.config_each = m_config_each,
	.run_period = m_run_period,
	.run_area = m_run_area,
	.agency = m_agency,
	.area_name = m_area_name,
	.data_dir = m_data_dir,
	.declare_indicator = m_declare_indicator,
	.declare_intervention = m_declare_intervention,
	.report_value = m_report_value,
	.report_intervention = m_report_intervention,
	.csv_open = m_csv_open,
	.csv_column = m_csv_column,
	.csv_next = m_csv_next,
	.csv_count = m_csv_count,
	.csv_field = m_csv_field,
	.csv_number = m_csv_number,
	.csv_date = m_csv_date,
	.csv_line = m_csv_line,
	.csv_path = m_csv_path,
	.csv_reject = m_csv_reject,
	.csv_note = m_csv_note,
	.csv_close = m_csv_close,
};

void mock_host_init(struct pk2d_host *h, const char *const *config)
{
	memset(h, 0, sizeof *h);
	h->config = config;
	h->data_dir = getenv("PK2D_DATA_DIR");
	if (h->data_dir == NULL)
		h->data_dir = "data";
	h->period = "2024";
	h->area = "63.02.09.2007";
	current = h;
}

void mock_host_free(struct pk2d_host *h)
{
	for (size_t i = 0; i < h->n_ind; i++) {
		pk2d_indicator *c = &h->ind[i];
		free((char *)c->id);
		free((char *)c->label_id);
		free((char *)c->label_en);
		free((char *)c->unit);
		free((char *)c->group);
		free((char *)c->description);
	}
	for (size_t i = 0; i < h->n_iv; i++) {
		pk2d_intervention *c = &h->iv[i];
		free((char *)c->id);
		free((char *)c->label_id);
		free((char *)c->label_en);
		free((char *)c->agency);
		free((char *)c->target_group);
		free((char *)c->unit);
		free((char *)c->origin);
		for (size_t j = 0; c->aims[j] != NULL; j++)
			free((char *)c->aims[j]);
		free((void *)c->aims);
	}
	for (size_t i = 0; i < h->n_val; i++) {
		free((char *)h->val[i].indicator);
		free((char *)h->val[i].area);
		free((char *)h->val[i].period);
	}
	for (size_t i = 0; i < h->n_ivv; i++) {
		free((char *)h->ivv[i].intervention);
		free((char *)h->ivv[i].area);
		free((char *)h->ivv[i].period);
	}
	for (size_t i = 0; i < h->n_files; i++)
		csv_stats_free(h->files[i]);
	free(h->ind);
	free(h->iv);
	free(h->val);
	free(h->ivv);
	free(h->files);
	free(h->log);
	memset(h, 0, sizeof *h);
}

int mock_host_sum(const struct pk2d_host *h, const char *indicator, const char *area,
                  int rt, double *num, double *den)
{
	int n = 0;
	*num = *den = 0;
	for (size_t i = 0; i < h->n_val; i++) {
		const pk2d_value *v = &h->val[i];
		if (strcmp(v->indicator, indicator) != 0 || strcmp(v->area, area) != 0)
			continue;
		if (rt >= 0 && v->rt != rt)
			continue;
		*num += v->numerator;
		*den += v->denominator;
		n++;
	}
	return n;
}

const csv_stats *mock_host_file(const struct pk2d_host *h, const char *suffix)
{
	size_t ls = strlen(suffix);
	for (size_t i = 0; i < h->n_files; i++) {
		size_t lp = strlen(h->files[i]->path);
		if (lp >= ls && strcmp(h->files[i]->path + lp - ls, suffix) == 0)
			return h->files[i];
	}
	return NULL;
}

long mock_host_problem(const struct pk2d_host *h, const char *suffix, const char *kind,
                       int rejected)
{
	const csv_stats *s = mock_host_file(h, suffix);
	if (s == NULL)
		return 0;
	for (size_t i = 0; i < s->n_problems; i++)
		if (strcmp(s->problems[i].kind, kind) == 0 && s->problems[i].rejected == rejected)
			return s->problems[i].count;
	return 0;
}
