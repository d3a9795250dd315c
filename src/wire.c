/*
 * wire.c - encoding and validating decoding of the child-to-parent records.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "wire.h"

/* ------------------------------------------------------------- encoding */

static void reserve(wire_buf *b, size_t n)
{
	if (b->len + n <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < b->len + n)
		cap *= 2;
	b->data = xrealloc(b->data, cap);
	b->cap = cap;
}

static void put_bytes(wire_buf *b, const void *p, size_t n)
{
	reserve(b, n);
	memcpy(b->data + b->len, p, n);
	b->len += n;
}

static void put_u32(wire_buf *b, uint32_t v)
{
	unsigned char x[4] = { (unsigned char)v, (unsigned char)(v >> 8),
	                       (unsigned char)(v >> 16), (unsigned char)(v >> 24) };
	put_bytes(b, x, 4);
}

static void put_u64(wire_buf *b, uint64_t v)
{
	put_u32(b, (uint32_t)v);
	put_u32(b, (uint32_t)(v >> 32));
}

static void put_u8(wire_buf *b, unsigned v)
{
	unsigned char x = (unsigned char)v;
	put_bytes(b, &x, 1);
}

static void put_i32(wire_buf *b, int v)
{
	put_u32(b, (uint32_t)v);
}

static void put_i64(wire_buf *b, long v)
{
	put_u64(b, (uint64_t)(int64_t)v);
}

static void put_f64(wire_buf *b, double v)
{
	uint64_t u;
	memcpy(&u, &v, sizeof u);
	put_u64(b, u);
}

/* Strings longer than a record can hold are cut; the record then still
 * decodes, and the text shows where it was cut. */
static void put_str(wire_buf *b, const char *s)
{
	if (!s) {
		put_u32(b, 0);
		return;
	}
	size_t n = strlen(s);
	if (n > WIRE_MAX_RECORD / 4)
		n = WIRE_MAX_RECORD / 4;
	put_u32(b, (uint32_t)n + 1);
	put_bytes(b, s, n);
	put_u8(b, 0);
}

/* Starts a record; returns where its length goes. */
static size_t begin(wire_buf *b, int type)
{
	size_t at = b->len;
	put_u32(b, 0);
	put_u8(b, (unsigned)type);
	return at;
}

static void finish(wire_buf *b, size_t at)
{
	uint32_t n = (uint32_t)(b->len - at - 4);
	unsigned char *p = b->data + at;
	p[0] = (unsigned char)n;
	p[1] = (unsigned char)(n >> 8);
	p[2] = (unsigned char)(n >> 16);
	p[3] = (unsigned char)(n >> 24);
}

void wire_buf_free(wire_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

void wire_put_indicator(wire_buf *b, const pk2d_indicator *d)
{
	size_t at = begin(b, WIRE_INDICATOR);
	put_str(b, d->id);
	put_str(b, d->label_id);
	put_str(b, d->label_en);
	put_str(b, d->unit);
	put_i32(b, d->kind);
	put_i32(b, d->direction);
	put_i32(b, d->has_target);
	put_f64(b, d->target);
	put_str(b, d->group);
	put_str(b, d->description);
	finish(b, at);
}

void wire_put_intervention(wire_buf *b, const pk2d_intervention *d)
{
	size_t at = begin(b, WIRE_INTERVENTION);
	put_str(b, d->id);
	put_str(b, d->label_id);
	put_str(b, d->label_en);
	put_str(b, d->agency);
	put_str(b, d->target_group);
	put_str(b, d->unit);
	put_str(b, d->origin);
	uint32_t n = 0;
	while (d->aims && d->aims[n] && n < WIRE_MAX_AIMS)
		n++;
	put_u32(b, n);
	for (uint32_t i = 0; i < n; i++)
		put_str(b, d->aims[i]);
	finish(b, at);
}

void wire_put_value(wire_buf *b, const pk2d_value *v)
{
	size_t at = begin(b, WIRE_VALUE);
	put_str(b, v->indicator);
	put_str(b, v->area);
	put_i32(b, v->rt);
	put_str(b, v->period);
	put_f64(b, v->numerator);
	put_f64(b, v->denominator);
	finish(b, at);
}

void wire_put_ivalue(wire_buf *b, const pk2d_intervention_value *v)
{
	size_t at = begin(b, WIRE_IVALUE);
	put_str(b, v->intervention);
	put_str(b, v->area);
	put_i32(b, v->rt);
	put_str(b, v->period);
	put_f64(b, v->target);
	put_f64(b, v->realised);
	put_f64(b, v->budget);
	finish(b, at);
}

void wire_put_log(wire_buf *b, int level, const char *text)
{
	size_t at = begin(b, WIRE_LOG);
	put_i32(b, level);
	put_str(b, text ? text : "");
	finish(b, at);
}

void wire_put_file(wire_buf *b, const csv_stats *s)
{
	size_t at = begin(b, WIRE_FILE);
	put_str(b, s->path ? s->path : "");
	put_i64(b, s->records);
	put_i64(b, s->rejected);
	put_i64(b, s->noted);
	put_u32(b, (uint32_t)s->n_problems);
	for (size_t i = 0; i < s->n_problems; i++) {
		const csv_problem *p = &s->problems[i];
		put_str(b, p->kind ? p->kind : "");
		put_i64(b, p->count);
		put_u8(b, p->rejected ? 1 : 0);
		int ne = p->n_examples < 0 ? 0 : p->n_examples > CSV_EXAMPLES ? CSV_EXAMPLES : p->n_examples;
		put_u32(b, (uint32_t)ne);
		for (int j = 0; j < ne; j++) {
			put_i64(b, p->example_line[j]);
			put_str(b, p->example_text[j] ? p->example_text[j] : "");
		}
	}
	finish(b, at);
}

void wire_put_init_done(wire_buf *b)
{
	finish(b, begin(b, WIRE_INIT_DONE));
}

void wire_put_end(wire_buf *b, int stage, int code)
{
	size_t at = begin(b, WIRE_END);
	put_u8(b, (unsigned)stage);
	put_i32(b, code);
	finish(b, at);
}

/* ------------------------------------------------------------- decoding */

struct cursor {
	const unsigned char *p;
	size_t left;
	char *err;
	size_t errlen;
	int bad;
};

static void fail(struct cursor *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void fail(struct cursor *c, const char *fmt, ...)
{
	if (c->bad)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(c->err, c->errlen, fmt, ap);
	va_end(ap);
	c->bad = 1;
	c->left = 0;
}

static int take(struct cursor *c, size_t n, const char *what, const unsigned char **out)
{
	if (c->bad)
		return -1;
	if (c->left < n) {
		fail(c, "%s runs past the end of the record", what);
		return -1;
	}
	*out = c->p;
	c->p += n;
	c->left -= n;
	return 0;
}

static uint32_t get_u32(struct cursor *c, const char *what)
{
	const unsigned char *x;
	if (take(c, 4, what, &x) < 0)
		return 0;
	return (uint32_t)x[0] | (uint32_t)x[1] << 8 | (uint32_t)x[2] << 16 | (uint32_t)x[3] << 24;
}

static uint64_t get_u64(struct cursor *c, const char *what)
{
	uint64_t lo = get_u32(c, what);
	uint64_t hi = get_u32(c, what);
	return lo | hi << 32;
}

static unsigned get_u8(struct cursor *c, const char *what)
{
	const unsigned char *x;
	if (take(c, 1, what, &x) < 0)
		return 0;
	return x[0];
}

static int get_i32(struct cursor *c, const char *what)
{
	return (int)(int32_t)get_u32(c, what);
}

static long get_i64(struct cursor *c, const char *what)
{
	return (long)(int64_t)get_u64(c, what);
}

static double get_f64(struct cursor *c, const char *what)
{
	uint64_t u = get_u64(c, what);
	double d;
	memcpy(&d, &u, sizeof d);
	return d;
}

static const char *get_str(struct cursor *c, const char *what, int may_be_null)
{
	uint32_t n = get_u32(c, what);
	if (c->bad)
		return NULL;
	if (n == 0) {
		if (!may_be_null)
			fail(c, "%s is missing", what);
		return NULL;
	}
	const unsigned char *x;
	if (take(c, n, what, &x) < 0)
		return NULL;
	if (x[n - 1] != '\0') {
		fail(c, "%s is not NUL-terminated", what);
		return NULL;
	}
	if (memchr(x, '\0', n - 1)) {
		fail(c, "%s holds a NUL byte", what);
		return NULL;
	}
	return (const char *)x;
}

static void decode_file(struct cursor *c, wire_record *r)
{
	csv_stats *s = xcalloc(1, sizeof *s);
	r->file = s;
	const char *path = get_str(c, "file path", 0);
	s->path = xstrdup(path ? path : "");
	s->records = get_i64(c, "record count");
	s->rejected = get_i64(c, "rejected count");
	s->noted = get_i64(c, "noted count");
	uint32_t np = get_u32(c, "problem count");
	if (c->bad)
		return;
	if (s->records < 0 || s->rejected < 0 || s->noted < 0) {
		fail(c, "negative row count");
		return;
	}
	/* Each problem takes at least 17 bytes: a bound before allocating. */
	if ((size_t)np > c->left / 17) {
		fail(c, "problem count %u does not fit in the record", np);
		return;
	}
	s->problems = xcalloc(np, sizeof *s->problems);
	for (uint32_t i = 0; i < np && !c->bad; i++) {
		csv_problem *p = &s->problems[i];
		s->n_problems = i + 1;
		const char *kind = get_str(c, "problem kind", 0);
		p->kind = xstrdup(kind ? kind : "");
		p->count = get_i64(c, "problem count");
		unsigned rej = get_u8(c, "problem flag");
		uint32_t ne = get_u32(c, "example count");
		if (c->bad)
			return;
		if (rej > 1) {
			fail(c, "problem flag %u is neither 0 nor 1", rej);
			return;
		}
		if (p->count < 0) {
			fail(c, "negative problem count");
			return;
		}
		if (ne > CSV_EXAMPLES) {
			fail(c, "%u examples, at most %d are kept", ne, CSV_EXAMPLES);
			return;
		}
		p->rejected = (int)rej;
		for (uint32_t j = 0; j < ne && !c->bad; j++) {
			p->example_line[j] = get_i64(c, "example line");
			const char *t = get_str(c, "example text", 0);
			if (c->bad)
				return;
			p->example_text[j] = xstrdup(t);
			p->n_examples = (int)j + 1;
		}
	}
}

long wire_decode(const unsigned char *data, size_t len, wire_record *rec,
                 char *err, size_t errlen)
{
	memset(rec, 0, sizeof *rec);
	if (len < 4)
		return 0;
	uint32_t n = (uint32_t)data[0] | (uint32_t)data[1] << 8 | (uint32_t)data[2] << 16 |
	             (uint32_t)data[3] << 24;
	if (n == 0 || n > WIRE_MAX_RECORD) {
		snprintf(err, errlen, "record length %u is outside 1..%u", n, WIRE_MAX_RECORD);
		return PK2D_ERR_INVALID;
	}
	if (len - 4 < n)
		return 0;
	struct cursor c = { .p = data + 5, .left = n - 1, .err = err, .errlen = errlen };
	rec->type = data[4];
	switch (rec->type) {
	case WIRE_INDICATOR:
		rec->ind.id = get_str(&c, "indicator id", 0);
		rec->ind.label_id = get_str(&c, "label_id", 1);
		rec->ind.label_en = get_str(&c, "label_en", 1);
		rec->ind.unit = get_str(&c, "unit", 1);
		rec->ind.kind = get_i32(&c, "kind");
		rec->ind.direction = get_i32(&c, "direction");
		rec->ind.has_target = get_i32(&c, "has_target");
		rec->ind.target = get_f64(&c, "target");
		rec->ind.group = get_str(&c, "group", 1);
		rec->ind.description = get_str(&c, "description", 1);
		break;
	case WIRE_INTERVENTION: {
		rec->iv.id = get_str(&c, "intervention id", 0);
		rec->iv.label_id = get_str(&c, "label_id", 1);
		rec->iv.label_en = get_str(&c, "label_en", 1);
		rec->iv.agency = get_str(&c, "agency", 1);
		rec->iv.target_group = get_str(&c, "target_group", 1);
		rec->iv.unit = get_str(&c, "unit", 1);
		rec->iv.origin = get_str(&c, "origin", 1);
		uint32_t na = get_u32(&c, "aim count");
		if (c.bad)
			break;
		if (na > WIRE_MAX_AIMS || na > c.left / 5) {
			fail(&c, "aim count %u is too large", na);
			break;
		}
		rec->aims = xcalloc(na + 1, sizeof *rec->aims);
		for (uint32_t i = 0; i < na && !c.bad; i++)
			rec->aims[i] = get_str(&c, "aim", 0);
		rec->iv.aims = rec->aims;
		break;
	}
	case WIRE_VALUE:
		rec->value.indicator = get_str(&c, "indicator id", 0);
		rec->value.area = get_str(&c, "area", 0);
		rec->value.rt = get_i32(&c, "rt");
		rec->value.period = get_str(&c, "period", 1);
		rec->value.numerator = get_f64(&c, "numerator");
		rec->value.denominator = get_f64(&c, "denominator");
		break;
	case WIRE_IVALUE:
		rec->ivalue.intervention = get_str(&c, "intervention id", 0);
		rec->ivalue.area = get_str(&c, "area", 0);
		rec->ivalue.rt = get_i32(&c, "rt");
		rec->ivalue.period = get_str(&c, "period", 1);
		rec->ivalue.target = get_f64(&c, "target");
		rec->ivalue.realised = get_f64(&c, "realised");
		rec->ivalue.budget = get_f64(&c, "budget");
		break;
	case WIRE_LOG:
		rec->level = get_i32(&c, "log level");
		rec->text = get_str(&c, "log text", 0);
		if (!c.bad && (rec->level < PK2D_LOG_ERROR || rec->level > PK2D_LOG_DEBUG))
			fail(&c, "log level %d is outside 0..3", rec->level);
		break;
	case WIRE_FILE:
		decode_file(&c, rec);
		break;
	case WIRE_INIT_DONE:
		break;
	case WIRE_END:
		rec->stage = (int)get_u8(&c, "stage");
		rec->code = get_i32(&c, "code");
		if (c.bad)
			break;
		if (rec->stage > WIRE_STAGE_COLLECT)
			fail(&c, "end stage %d is unknown", rec->stage);
		else if ((rec->stage == WIRE_STAGE_DONE) != (rec->code == 0))
			fail(&c, "end code %d does not fit stage %d", rec->code, rec->stage);
		break;
	default:
		snprintf(err, errlen, "unknown record type %d", rec->type);
		wire_record_clear(rec);
		return PK2D_ERR_INVALID;
	}
	if (!c.bad && c.left)
		fail(&c, "%zu bytes left over at the end of the record", c.left);
	if (c.bad) {
		wire_record_clear(rec);
		return PK2D_ERR_INVALID;
	}
	return (long)n + 4;
}

void wire_record_clear(wire_record *rec)
{
	free(rec->aims);
	rec->aims = NULL;
	if (rec->file) {
		csv_stats_free(rec->file);
		rec->file = NULL;
	}
}
