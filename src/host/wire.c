/*
 * wire.c - encoding and validating decoding of the child-to-parent records.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "utf8.h"
#include "util.h"
#include "wire.h"

/* --------------------------------------------------------------- layout */

/* Integers are little-endian whatever the machine. */
static void store_u32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)v;
	p[1] = (unsigned char)(v >> 8);
	p[2] = (unsigned char)(v >> 16);
	p[3] = (unsigned char)(v >> 24);
}

static void store_u64(unsigned char *p, uint64_t v)
{
	store_u32(p, (uint32_t)v);
	store_u32(p + 4, (uint32_t)(v >> 32));
}

static uint32_t load_u32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* The fixed fields of a record in wire order (wire.h). One table serves the
 * encoder and the decoder, so that the two cannot drift apart; name is what
 * a decoding error calls the field. */
enum field_type { FT_STR, FT_STR_OR_NULL, FT_I32, FT_F64 };

typedef struct field {
	enum field_type type;
	size_t offset;
	const char *name;
} field;

#define FIELD(type, st, member, name) { type, offsetof(st, member), name }
#define N_FIELDS(table) (sizeof(table) / sizeof((table)[0]))

static const field indicator_fields[] = {
	FIELD(FT_STR, pk2d_indicator, id, "indicator id"),
	FIELD(FT_STR_OR_NULL, pk2d_indicator, label_id, "label_id"),
	FIELD(FT_STR_OR_NULL, pk2d_indicator, label_en, "label_en"),
	FIELD(FT_STR_OR_NULL, pk2d_indicator, unit, "unit"),
	FIELD(FT_I32, pk2d_indicator, kind, "kind"),
	FIELD(FT_I32, pk2d_indicator, direction, "direction"),
	FIELD(FT_I32, pk2d_indicator, has_target, "has_target"),
	FIELD(FT_F64, pk2d_indicator, target, "target"),
	FIELD(FT_STR_OR_NULL, pk2d_indicator, group, "group"),
	FIELD(FT_STR_OR_NULL, pk2d_indicator, description, "description"),
	FIELD(FT_I32, pk2d_indicator, target_year, "target_year"),
};

/* Followed by the aims. */
static const field intervention_fields[] = {
	FIELD(FT_STR, pk2d_intervention, id, "intervention id"),
	FIELD(FT_STR_OR_NULL, pk2d_intervention, label_id, "label_id"),
	FIELD(FT_STR_OR_NULL, pk2d_intervention, label_en, "label_en"),
	FIELD(FT_STR_OR_NULL, pk2d_intervention, agency, "agency"),
	FIELD(FT_STR_OR_NULL, pk2d_intervention, target_group, "target_group"),
	FIELD(FT_STR_OR_NULL, pk2d_intervention, unit, "unit"),
	FIELD(FT_STR_OR_NULL, pk2d_intervention, origin, "origin"),
};

static const field value_fields[] = {
	FIELD(FT_STR, pk2d_value, indicator, "indicator id"),
	FIELD(FT_STR, pk2d_value, area, "area"),
	FIELD(FT_I32, pk2d_value, rt, "rt"),
	FIELD(FT_STR_OR_NULL, pk2d_value, period, "period"),
	FIELD(FT_F64, pk2d_value, numerator, "numerator"),
	FIELD(FT_F64, pk2d_value, denominator, "denominator"),
};

static const field ivalue_fields[] = {
	FIELD(FT_STR, pk2d_intervention_value, intervention, "intervention id"),
	FIELD(FT_STR, pk2d_intervention_value, area, "area"),
	FIELD(FT_I32, pk2d_intervention_value, rt, "rt"),
	FIELD(FT_STR_OR_NULL, pk2d_intervention_value, period, "period"),
	FIELD(FT_F64, pk2d_intervention_value, target, "target"),
	FIELD(FT_F64, pk2d_intervention_value, realised, "realised"),
	FIELD(FT_F64, pk2d_intervention_value, budget, "budget"),
};

/* The descriptor's texts; abi_major and abi_minor (uint16_t) follow as u32. */
static const field descriptor_fields[] = {
	FIELD(FT_STR, pk2d_plugin, name, "plugin name"),
	FIELD(FT_STR_OR_NULL, pk2d_plugin, agency, "agency"),
	FIELD(FT_STR_OR_NULL, pk2d_plugin, version, "version"),
	FIELD(FT_STR_OR_NULL, pk2d_plugin, description, "description"),
};

/* ABI 1.5, after the inputs (NULL for an older plugin). */
static const field parts_fields[] = {
	FIELD(FT_STR_OR_NULL, pk2d_plugin, parts_input, "parts input"),
	FIELD(FT_STR_OR_NULL, pk2d_plugin, parts_column, "parts column"),
};

/* ABI 1.6, after the parts (none for an older plugin). */
static const field area_column_fields[] = {
	FIELD(FT_STR, pk2d_area_column, input, "area column input"),
	FIELD(FT_STR, pk2d_area_column, field, "area column field"),
};

/* ABI 1.7, after the area columns (none for an older plugin). */
static const field input_help_fields[] = {
	FIELD(FT_STR, pk2d_input_help, input, "input help input"),
};

static const field column_help_fields[] = {
	FIELD(FT_STR, pk2d_column_help, field, "column help field"),
	FIELD(FT_STR, pk2d_column_help, help, "column help text"),
	FIELD(FT_STR_OR_NULL, pk2d_column_help, accepted, "column help accepted"),
};

static const field input_fields[] = {
	FIELD(FT_STR, pk2d_input, key, "input key"),
	FIELD(FT_STR_OR_NULL, pk2d_input, column_prefix, "input column prefix"),
};

static const field column_fields[] = {
	FIELD(FT_STR, pk2d_input_column, field, "input column field"),
	FIELD(FT_STR_OR_NULL, pk2d_input_column, header, "input column header"),
	FIELD(FT_I32, pk2d_input_column, required, "input column required"),
};

static const field key_fields[] = {
	FIELD(FT_STR, pk2d_config_key, name, "config key name"),
	FIELD(FT_STR_OR_NULL, pk2d_config_key, default_value, "config key default"),
	FIELD(FT_I32, pk2d_config_key, required, "config key required"),
	FIELD(FT_STR_OR_NULL, pk2d_config_key, help, "config key help"),
};

static const field group_fields[] = {
	FIELD(FT_STR, pk2d_group, id, "group id"),
	FIELD(FT_STR_OR_NULL, pk2d_group, parent, "group parent"),
	FIELD(FT_STR_OR_NULL, pk2d_group, label_id, "group label_id"),
	FIELD(FT_STR_OR_NULL, pk2d_group, label_en, "group label_en"),
};

/* Followed by the classes. */
static const field display_fields[] = {
	FIELD(FT_STR, pk2d_display, indicator, "display indicator"),
	FIELD(FT_I32, pk2d_display, headline, "display headline"),
	FIELD(FT_I32, pk2d_display, hidden, "display hidden"),
	FIELD(FT_STR_OR_NULL, pk2d_display, classes_source, "classes source"),
};

static const field class_fields[] = {
	FIELD(FT_F64, pk2d_class, lower, "class lower bound"),
	FIELD(FT_STR, pk2d_class, key, "class key"),
	FIELD(FT_STR_OR_NULL, pk2d_class, label_id, "class label_id"),
	FIELD(FT_STR_OR_NULL, pk2d_class, label_en, "class label_en"),
};

/* Followed by the columns, then the rows with their cells. */
static const field table_fields[] = {
	FIELD(FT_STR, pk2d_table, id, "table id"),
	FIELD(FT_STR_OR_NULL, pk2d_table, title_id, "table title_id"),
	FIELD(FT_STR_OR_NULL, pk2d_table, title_en, "table title_en"),
	FIELD(FT_STR_OR_NULL, pk2d_table, rows_label_id, "table rows_label_id"),
	FIELD(FT_STR_OR_NULL, pk2d_table, rows_label_en, "table rows_label_en"),
	FIELD(FT_STR_OR_NULL, pk2d_table, note_id, "table note_id"),
	FIELD(FT_STR_OR_NULL, pk2d_table, note_en, "table note_en"),
};

static const field table_column_fields[] = {
	FIELD(FT_STR, pk2d_table_column, label_id, "table column label_id"),
	FIELD(FT_STR_OR_NULL, pk2d_table_column, label_en, "table column label_en"),
	FIELD(FT_I32, pk2d_table_column, rule, "table column rule"),
	FIELD(FT_I32, pk2d_table_column, decimals, "table column decimals"),
};

static const field table_row_fields[] = {
	FIELD(FT_STR, pk2d_table_row, label_id, "table row label_id"),
	FIELD(FT_STR_OR_NULL, pk2d_table_row, label_en, "table row label_en"),
};

static const field table_cell_fields[] = {
	FIELD(FT_STR_OR_NULL, pk2d_table_cell, indicator, "table cell indicator"),
	FIELD(FT_STR_OR_NULL, pk2d_table_cell, squares, "table cell squares"),
};

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
	unsigned char x[4];
	store_u32(x, v);
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
	if (n > WIRE_MAX_RECORD / 4) /* cut between characters */
		n = utf8_cut(s, n, WIRE_MAX_RECORD / 4);
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
	store_u32(b->data + at, (uint32_t)(b->len - at - 4));
}

static void put_fields(wire_buf *b, const field *f, size_t n, const void *obj)
{
	for (size_t i = 0; i < n; i++) {
		const void *p = (const char *)obj + f[i].offset;
		switch (f[i].type) {
		case FT_STR:
		case FT_STR_OR_NULL:
			put_str(b, *(const char *const *)p);
			break;
		case FT_I32:
			put_i32(b, *(const int *)p);
			break;
		case FT_F64:
			put_f64(b, *(const double *)p);
			break;
		}
	}
}

/* A record of fixed fields only. */
static void put_record(wire_buf *b, int type, const field *f, size_t n, const void *obj)
{
	size_t at = begin(b, type);
	put_fields(b, f, n, obj);
	finish(b, at);
}

void wire_buf_free(wire_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

int wire_write(int fd, wire_buf *b)
{
	size_t off = 0;
	int r = 0;
	while (off < b->len) {
		ssize_t w = write(fd, b->data + off, b->len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			r = PK2D_ERR_IO;
			break;
		}
		off += (size_t)w;
	}
	b->len = 0;
	return r;
}

void wire_put_indicator(wire_buf *b, const pk2d_indicator *d)
{
	put_record(b, WIRE_INDICATOR, indicator_fields, N_FIELDS(indicator_fields), d);
}

void wire_put_intervention(wire_buf *b, const pk2d_intervention *d)
{
	size_t at = begin(b, WIRE_INTERVENTION);
	put_fields(b, intervention_fields, N_FIELDS(intervention_fields), d);
	uint32_t n = 0;
	while (d->aims && d->aims[n] && n < WIRE_MAX_AIMS)
		n++;
	put_u32(b, n);
	for (uint32_t i = 0; i < n; i++)
		put_str(b, d->aims[i]);
	finish(b, at);
}

void wire_put_group(wire_buf *b, const pk2d_group *g)
{
	put_record(b, WIRE_GROUP, group_fields, N_FIELDS(group_fields), g);
}

/* Lists end at a NULL name; the encoder sends at most max entries. */
#define LIST_LEN(list, name, max, n)                                          \
	for ((n) = 0; (list) && (n) < (max) && (list)[n].name; (n)++)

void wire_put_display(wire_buf *b, const pk2d_display *d)
{
	uint32_t n;
	size_t at = begin(b, WIRE_DISPLAY);
	put_fields(b, display_fields, N_FIELDS(display_fields), d);
	LIST_LEN(d->classes, key, PK2D_MAX_CLASSES, n);
	put_u32(b, n);
	for (uint32_t i = 0; i < n; i++)
		put_fields(b, class_fields, N_FIELDS(class_fields), &d->classes[i]);
	finish(b, at);
}

void wire_put_table(wire_buf *b, const pk2d_table *t)
{
	uint32_t nc, nr;
	size_t at = begin(b, WIRE_TABLE);
	put_fields(b, table_fields, N_FIELDS(table_fields), t);
	LIST_LEN(t->columns, label_id, PK2D_TABLE_MAX, nc);
	LIST_LEN(t->rows, label_id, PK2D_TABLE_MAX, nr);
	put_u32(b, nc);
	for (uint32_t i = 0; i < nc; i++)
		put_fields(b, table_column_fields, N_FIELDS(table_column_fields), &t->columns[i]);
	put_u32(b, nr);
	for (uint32_t i = 0; i < nr; i++) {
		put_fields(b, table_row_fields, N_FIELDS(table_row_fields), &t->rows[i]);
		for (uint32_t j = 0; j < nc; j++)
			put_fields(b, table_cell_fields, N_FIELDS(table_cell_fields),
			           &t->rows[i].cells[j]);
	}
	finish(b, at);
}

void wire_put_value(wire_buf *b, const pk2d_value *v)
{
	put_record(b, WIRE_VALUE, value_fields, N_FIELDS(value_fields), v);
}

void wire_put_folded(wire_buf *b, const pk2d_value *v)
{
	put_record(b, WIRE_FOLDED, value_fields, N_FIELDS(value_fields), v);
}

void wire_put_rts(wire_buf *b, const char *village, uint32_t values, const int *rts, size_t n)
{
	size_t at = begin(b, WIRE_RTS);
	put_str(b, village);
	put_u32(b, values);
	put_u32(b, (uint32_t)n);
	for (size_t i = 0; i < n; i++)
		put_i32(b, rts[i]);
	finish(b, at);
}

void wire_put_ivalue(wire_buf *b, const pk2d_intervention_value *v)
{
	put_record(b, WIRE_IVALUE, ivalue_fields, N_FIELDS(ivalue_fields), v);
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
	put_i64(b, s->by_name);
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
		int ns = p->n_seen < 0 ? 0 : p->n_seen > CSV_SEEN ? CSV_SEEN : p->n_seen;
		put_u32(b, (uint32_t)ns);
		for (int j = 0; j < ns; j++) {
			put_str(b, p->seen[j] ? p->seen[j] : "");
			put_i64(b, p->seen_count[j]);
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

void wire_put_descriptor(wire_buf *b, const pk2d_plugin *d)
{
	size_t at = begin(b, WIRE_DESCRIPTOR);
	put_fields(b, descriptor_fields, N_FIELDS(descriptor_fields), d);
	put_u32(b, d->abi_major);
	put_u32(b, d->abi_minor);
	uint32_t n = 0;
	while (d->config_keys && d->config_keys[n].name && n < WIRE_MAX_KEYS)
		n++;
	put_u32(b, n);
	for (uint32_t i = 0; i < n; i++)
		put_fields(b, key_fields, N_FIELDS(key_fields), &d->config_keys[i]);
	uint32_t ni = 0;
	while (d->inputs && d->inputs[ni].key && ni < WIRE_MAX_KEYS)
		ni++;
	put_u32(b, ni);
	for (uint32_t i = 0; i < ni; i++) {
		const pk2d_input *in = &d->inputs[i];
		put_fields(b, input_fields, N_FIELDS(input_fields), in);
		uint32_t nc = 0;
		while (in->columns && in->columns[nc].field && nc < WIRE_MAX_KEYS)
			nc++;
		put_u32(b, nc);
		for (uint32_t j = 0; j < nc; j++)
			put_fields(b, column_fields, N_FIELDS(column_fields), &in->columns[j]);
	}
	put_fields(b, parts_fields, N_FIELDS(parts_fields), d);
	uint32_t na = 0;
	while (d->area_columns && d->area_columns[na].input && na < WIRE_MAX_KEYS)
		na++;
	put_u32(b, na);
	for (uint32_t i = 0; i < na; i++)
		put_fields(b, area_column_fields, N_FIELDS(area_column_fields), &d->area_columns[i]);
	uint32_t nh = 0;
	while (d->input_help && d->input_help[nh].input && nh < WIRE_MAX_KEYS)
		nh++;
	put_u32(b, nh);
	for (uint32_t i = 0; i < nh; i++) {
		const pk2d_input_help *h = &d->input_help[i];
		put_fields(b, input_help_fields, N_FIELDS(input_help_fields), h);
		uint32_t nc = 0;
		while (h->columns && h->columns[nc].field && nc < WIRE_MAX_KEYS)
			nc++;
		put_u32(b, nc);
		for (uint32_t j = 0; j < nc; j++)
			put_fields(b, column_help_fields, N_FIELDS(column_help_fields), &h->columns[j]);
	}
	finish(b, at);
}

void wire_put_output(wire_buf *b, const char *path)
{
	size_t at = begin(b, WIRE_OUTPUT);
	put_str(b, path ? path : "");
	finish(b, at);
}

void wire_put_name(wire_buf *b, int kind, uint32_t index, const char *text)
{
	size_t at = begin(b, WIRE_NAME);
	put_u8(b, (unsigned)kind);
	put_u32(b, index);
	put_str(b, text ? text : "");
	finish(b, at);
}

/* Sent for most values of a run: written in place, room made once. */
void wire_put_named(wire_buf *b, const uint32_t names[WIRE_NAME_KINDS], const pk2d_value *v)
{
	enum { PAYLOAD = 1 + 4 * 4 + 2 * 8 };
	uint64_t num, den;
	unsigned char *p;

	reserve(b, 4 + PAYLOAD);
	p = b->data + b->len;
	memcpy(&num, &v->numerator, sizeof num);
	memcpy(&den, &v->denominator, sizeof den);
	store_u32(p, PAYLOAD);
	p[4] = WIRE_NAMED;
	store_u32(p + 5, names[WIRE_NAME_INDICATOR]);
	store_u32(p + 9, names[WIRE_NAME_AREA]);
	store_u32(p + 13, (uint32_t)v->rt);
	store_u32(p + 17, names[WIRE_NAME_PERIOD]);
	store_u64(p + 21, num);
	store_u64(p + 29, den);
	b->len += 4 + PAYLOAD;
}

void wire_put_refused(wire_buf *b, const char *reason)
{
	size_t at = begin(b, WIRE_REFUSED);
	put_str(b, reason ? reason : "");
	finish(b, at);
}

void wire_put_progress(wire_buf *b, const char *path, uint64_t done, uint64_t size,
                       long records)
{
	size_t at = begin(b, WIRE_PROGRESS);
	put_str(b, path ? path : "");
	put_u64(b, done);
	put_u64(b, size);
	put_i64(b, records);
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
	return load_u32(x);
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
	/* The child's api repairs every text it sends (utf8.h). */
	if (!utf8_is_clean((const char *)x, n - 1)) {
		fail(c, "%s is not UTF-8 text without control characters", what);
		return NULL;
	}
	return (const char *)x;
}

static void get_fields(struct cursor *c, const field *f, size_t n, void *obj)
{
	for (size_t i = 0; i < n; i++) {
		void *p = (char *)obj + f[i].offset;
		switch (f[i].type) {
		case FT_STR:
		case FT_STR_OR_NULL:
			*(const char **)p = get_str(c, f[i].name, f[i].type == FT_STR_OR_NULL);
			break;
		case FT_I32:
			*(int *)p = get_i32(c, f[i].name);
			break;
		case FT_F64:
			*(double *)p = get_f64(c, f[i].name);
			break;
		}
	}
}

/* A NAME record; the name is given once the record is whole. */
static void decode_name(struct cursor *c, wire_names *names, wire_record *r)
{
	r->kind = (int)get_u8(c, "name kind");
	r->index[0] = get_u32(c, "name index");
	r->text = get_str(c, "name", 0);
	if (c->bad)
		return;
	if (!names)
		fail(c, "a name in a stream without names");
	else if (r->kind >= WIRE_NAME_KINDS)
		fail(c, "name kind %d is unknown", r->kind);
	else if (r->index[0] >= WIRE_MAX_NAMES)
		fail(c, "name index %u is not below %d", r->index[0], WIRE_MAX_NAMES);
	else if (strlen(r->text) > WIRE_MAX_NAME)
		fail(c, "a name of more than %d bytes", WIRE_MAX_NAME);
}

static void give_name(wire_names *names, const wire_record *r)
{
	size_t i = r->index[0], *n = &names->n[r->kind];
	wire_name **at = &names->names[r->kind];

	if (i >= *n) {
		size_t grown = i + 1 > 2 * *n ? i + 1 : 2 * *n;
		*at = xrealloc(*at, grown * sizeof **at);
		memset(*at + *n, 0, (grown - *n) * sizeof **at);
		*n = grown;
	}
	free((*at)[i].text);
	(*at)[i] = (wire_name){ .text = xstrdup(r->text) };
}

static wire_name *given_name(struct cursor *c, wire_names *names, int kind, uint32_t i,
                             const char *what)
{
	if (c->bad)
		return NULL;
	if (!names || i >= names->n[kind] || !names->names[kind][i].text) {
		fail(c, "%s name %u was not given", what, i);
		return NULL;
	}
	return &names->names[kind][i];
}

static void decode_named(struct cursor *c, wire_names *names, wire_record *r)
{
	static const char *const what[WIRE_NAME_KINDS] = { "indicator", "area", "period" };
	pk2d_value *v = &r->value;
	const unsigned char *x;
	uint64_t num, den;

	/* Fixed fields, read in place. */
	if (take(c, 4 * 4 + 2 * 8, "named value", &x) < 0)
		return;
	r->index[WIRE_NAME_INDICATOR] = load_u32(x);
	r->index[WIRE_NAME_AREA] = load_u32(x + 4);
	v->rt = (int)(int32_t)load_u32(x + 8);
	r->index[WIRE_NAME_PERIOD] = load_u32(x + 12);
	num = load_u32(x + 16) | (uint64_t)load_u32(x + 20) << 32;
	den = load_u32(x + 24) | (uint64_t)load_u32(x + 28) << 32;
	memcpy(&v->numerator, &num, sizeof num);
	memcpy(&v->denominator, &den, sizeof den);
	for (int k = 0; k < WIRE_NAME_KINDS; k++)
		if (k != WIRE_NAME_PERIOD || r->index[k] != WIRE_NO_NAME)
			r->named[k] = given_name(c, names, k, r->index[k], what[k]);
	if (c->bad)
		return;
	v->indicator = r->named[WIRE_NAME_INDICATOR]->text;
	v->area = r->named[WIRE_NAME_AREA]->text;
	v->period = r->named[WIRE_NAME_PERIOD] ? r->named[WIRE_NAME_PERIOD]->text : NULL;
}

void wire_names_free(wire_names *n)
{
	for (int k = 0; k < WIRE_NAME_KINDS; k++) {
		for (size_t i = 0; i < n->n[k]; i++)
			free(n->names[k][i].text);
		free(n->names[k]);
		n->names[k] = NULL;
		n->n[k] = 0;
	}
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
	s->by_name = get_i64(c, "areas by name count");
	uint32_t np = get_u32(c, "problem count");
	if (c->bad)
		return;
	if (s->records < 0 || s->rejected < 0 || s->noted < 0 || s->by_name < 0) {
		fail(c, "negative row count");
		return;
	}
	/* Each problem takes at least 21 bytes: a bound before allocating. */
	if ((size_t)np > c->left / 21) {
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
		uint32_t ns = get_u32(c, "seen count");
		if (c->bad)
			return;
		if (ns > CSV_SEEN) {
			fail(c, "%u seen values, at most %d are kept", ns, CSV_SEEN);
			return;
		}
		for (uint32_t j = 0; j < ns && !c->bad; j++) {
			const char *t = get_str(c, "seen value", 0);
			long n = get_i64(c, "seen count");
			if (c->bad)
				return;
			if (n < 0) {
				fail(c, "negative seen count");
				return;
			}
			p->seen[j] = xstrdup(t);
			p->seen_count[j] = n;
			p->n_seen = (int)j + 1;
		}
	}
}

static void decode_descriptor(struct cursor *c, wire_record *r)
{
	get_fields(c, descriptor_fields, N_FIELDS(descriptor_fields), &r->desc);
	uint32_t major = get_u32(c, "ABI major");
	uint32_t minor = get_u32(c, "ABI minor");
	uint32_t nk = get_u32(c, "config key count");
	if (c->bad)
		return;
	if (major > UINT16_MAX || minor > UINT16_MAX) {
		fail(c, "ABI %u.%u is out of range", major, minor);
		return;
	}
	r->desc.abi_major = (uint16_t)major;
	r->desc.abi_minor = (uint16_t)minor;
	/* Each key takes at least 17 bytes: a bound before allocating. */
	if (nk > WIRE_MAX_KEYS || nk > c->left / 17) {
		fail(c, "config key count %u is too large", nk);
		return;
	}
	r->keys = xcalloc(nk + 1, sizeof *r->keys);
	for (uint32_t i = 0; i < nk && !c->bad; i++)
		get_fields(c, key_fields, N_FIELDS(key_fields), &r->keys[i]);
	r->desc.config_keys = r->keys;
	r->desc.struct_size = sizeof r->desc;
	uint32_t ni = get_u32(c, "input count");
	/* Each input takes at least 13 bytes. */
	if (c->bad || ni > WIRE_MAX_KEYS || ni > c->left / 13) {
		fail(c, "input count %u is too large", ni);
		return;
	}
	r->inputs = xcalloc(ni + 1, sizeof *r->inputs);
	r->desc.inputs = r->inputs;
	for (uint32_t i = 0; i < ni && !c->bad; i++) {
		pk2d_input *in = &r->inputs[i];
		get_fields(c, input_fields, N_FIELDS(input_fields), in);
		uint32_t nc = get_u32(c, "input column count");
		/* Each column takes at least 13 bytes. */
		if (c->bad || nc > WIRE_MAX_KEYS || nc > c->left / 13) {
			fail(c, "input column count %u is too large", nc);
			return;
		}
		pk2d_input_column *cols = xcalloc(nc + 1, sizeof *cols);
		in->columns = cols;
		r->n_inputs = i + 1;
		for (uint32_t j = 0; j < nc && !c->bad; j++)
			get_fields(c, column_fields, N_FIELDS(column_fields), &cols[j]);
	}
	get_fields(c, parts_fields, N_FIELDS(parts_fields), &r->desc);
	uint32_t na = get_u32(c, "area column count");
	/* Each area column takes at least 10 bytes. */
	if (c->bad || na > WIRE_MAX_KEYS || na > c->left / 10) {
		fail(c, "area column count %u is too large", na);
		return;
	}
	r->areas = xcalloc(na + 1, sizeof *r->areas);
	r->desc.area_columns = r->areas;
	for (uint32_t i = 0; i < na && !c->bad; i++)
		get_fields(c, area_column_fields, N_FIELDS(area_column_fields), &r->areas[i]);
	uint32_t nh = get_u32(c, "input help count");
	/* Each input's help takes at least 9 bytes, each column's 12. */
	if (c->bad || nh > WIRE_MAX_KEYS || nh > c->left / 9) {
		fail(c, "input help count %u is too large", nh);
		return;
	}
	r->help = xcalloc(nh + 1, sizeof *r->help);
	r->desc.input_help = r->help;
	for (uint32_t i = 0; i < nh && !c->bad; i++) {
		pk2d_input_help *h = &r->help[i];
		get_fields(c, input_help_fields, N_FIELDS(input_help_fields), h);
		uint32_t nc = get_u32(c, "column help count");
		if (c->bad || nc > WIRE_MAX_KEYS || nc > c->left / 12) {
			fail(c, "column help count %u is too large", nc);
			return;
		}
		pk2d_column_help *cols = xcalloc(nc + 1, sizeof *cols);
		h->columns = cols;
		r->n_help = i + 1;
		for (uint32_t j = 0; j < nc && !c->bad; j++)
			get_fields(c, column_help_fields, N_FIELDS(column_help_fields), &cols[j]);
	}
}

/* Each class takes at least 20 bytes: a bound before allocating. */
static void decode_display(struct cursor *c, wire_record *r)
{
	get_fields(c, display_fields, N_FIELDS(display_fields), &r->display);
	uint32_t n = get_u32(c, "class count");
	if (c->bad)
		return;
	if (n > PK2D_MAX_CLASSES || n > c->left / 20) {
		fail(c, "class count %u is too large", n);
		return;
	}
	if (n == 0)
		return;
	r->classes = xcalloc(n + 1, sizeof *r->classes);
	for (uint32_t i = 0; i < n && !c->bad; i++)
		get_fields(c, class_fields, N_FIELDS(class_fields), &r->classes[i]);
	r->display.classes = r->classes;
}

static void decode_table(struct cursor *c, wire_record *r)
{
	get_fields(c, table_fields, N_FIELDS(table_fields), &r->table);
	uint32_t nc = get_u32(c, "table column count");
	/* Each column takes at least 16 bytes, each row 8 + 8 per cell. */
	if (c->bad || nc > PK2D_TABLE_MAX || nc > c->left / 16) {
		fail(c, "table column count %u is too large", nc);
		return;
	}
	r->columns = xcalloc(nc + 1, sizeof *r->columns);
	r->table.columns = r->columns;
	for (uint32_t i = 0; i < nc && !c->bad; i++)
		get_fields(c, table_column_fields, N_FIELDS(table_column_fields), &r->columns[i]);
	uint32_t nr = get_u32(c, "table row count");
	if (c->bad || nr > PK2D_TABLE_MAX || nr > c->left / (8 + 8 * (size_t)nc)) {
		fail(c, "table row count %u is too large", nr);
		return;
	}
	r->rows = xcalloc(nr + 1, sizeof *r->rows);
	r->cells = xcalloc((size_t)nr * nc + 1, sizeof *r->cells);
	r->table.rows = r->rows;
	for (uint32_t i = 0; i < nr && !c->bad; i++) {
		get_fields(c, table_row_fields, N_FIELDS(table_row_fields), &r->rows[i]);
		r->rows[i].cells = r->cells + (size_t)i * nc;
		for (uint32_t j = 0; j < nc && !c->bad; j++)
			get_fields(c, table_cell_fields, N_FIELDS(table_cell_fields),
			           &r->cells[(size_t)i * nc + j]);
	}
}

long wire_decode(const unsigned char *data, size_t len, wire_names *names, wire_record *rec,
                 char *err, size_t errlen)
{
	/* A NAMED record leaves the members after text as they were (wire.h);
	 * its type is set at once, so that wire_record_clear knows. */
	int named = len >= 5 && data[4] == WIRE_NAMED;
	memset(rec, 0, named ? offsetof(wire_record, ind) : sizeof *rec);
	rec->type = named ? WIRE_NAMED : 0;
	if (len < 4)
		return 0;
	uint32_t n = load_u32(data);
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
		get_fields(&c, indicator_fields, N_FIELDS(indicator_fields), &rec->ind);
		break;
	case WIRE_INTERVENTION: {
		get_fields(&c, intervention_fields, N_FIELDS(intervention_fields), &rec->iv);
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
	case WIRE_GROUP:
		get_fields(&c, group_fields, N_FIELDS(group_fields), &rec->group);
		break;
	case WIRE_DISPLAY:
		decode_display(&c, rec);
		break;
	case WIRE_TABLE:
		decode_table(&c, rec);
		break;
	case WIRE_VALUE:
		get_fields(&c, value_fields, N_FIELDS(value_fields), &rec->value);
		break;
	case WIRE_IVALUE:
		get_fields(&c, ivalue_fields, N_FIELDS(ivalue_fields), &rec->ivalue);
		break;
	case WIRE_FOLDED:
		get_fields(&c, value_fields, N_FIELDS(value_fields), &rec->value);
		break;
	case WIRE_RTS: {
		rec->text = get_str(&c, "village", 0);
		rec->count = get_u32(&c, "value count");
		uint32_t nr = get_u32(&c, "RT count");
		if (c.bad)
			break;
		if (nr == 0 || nr > WIRE_MAX_RTS || nr > c.left / 4) {
			fail(&c, "RT count %u is outside 1..%d or does not fit in the record", nr,
			     WIRE_MAX_RTS);
			break;
		}
		rec->rts = xcalloc(nr, sizeof *rec->rts);
		rec->n_rts = nr;
		for (uint32_t i = 0; i < nr && !c.bad; i++) {
			rec->rts[i] = get_i32(&c, "RT");
			if (!c.bad && (rec->rts[i] < 1 || rec->rts[i] > WIRE_MAX_RTS))
				fail(&c, "RT %d is outside 1..%d", rec->rts[i], WIRE_MAX_RTS);
		}
		break;
	}
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
	case WIRE_DESCRIPTOR:
		decode_descriptor(&c, rec);
		break;
	case WIRE_REFUSED:
		rec->text = get_str(&c, "reason", 0);
		break;
	case WIRE_PROGRESS:
		rec->text = get_str(&c, "path", 0);
		rec->done = get_u64(&c, "bytes read");
		rec->size = get_u64(&c, "file size");
		rec->records = get_i64(&c, "rows read");
		if (!c.bad && rec->records < 0)
			fail(&c, "rows read %ld is negative", rec->records);
		break;
	case WIRE_OUTPUT:
		rec->text = get_str(&c, "output path", 0);
		break;
	case WIRE_NAME:
		decode_name(&c, names, rec);
		break;
	case WIRE_NAMED:
		decode_named(&c, names, rec);
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
	if (rec->type == WIRE_NAME)
		give_name(names, rec);
	return (long)n + 4;
}

void wire_record_clear(wire_record *rec)
{
	/* Nothing allocated, and the members that would be are not set. */
	if (rec->type == WIRE_NAMED)
		return;
	free(rec->aims);
	rec->aims = NULL;
	free(rec->rts);
	rec->rts = NULL;
	free(rec->keys);
	rec->keys = NULL;
	free(rec->classes);
	rec->classes = NULL;
	free(rec->columns);
	rec->columns = NULL;
	free(rec->rows);
	rec->rows = NULL;
	free(rec->cells);
	rec->cells = NULL;
	free(rec->areas);
	rec->areas = NULL;
	rec->desc.area_columns = NULL;
	for (size_t i = 0; i < rec->n_help; i++)
		free((pk2d_column_help *)rec->help[i].columns);
	free(rec->help);
	rec->help = NULL;
	rec->n_help = 0;
	rec->desc.input_help = NULL;
	rec->desc.config_keys = NULL;
	for (size_t i = 0; i < rec->n_inputs; i++)
		free((pk2d_input_column *)rec->inputs[i].columns);
	free(rec->inputs);
	rec->inputs = NULL;
	rec->n_inputs = 0;
	rec->desc.inputs = NULL;
	if (rec->file) {
		csv_stats_free(rec->file);
		rec->file = NULL;
	}
}
