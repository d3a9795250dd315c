/*
 * json_out.c - JSON members with numbers formatted fast (json_out.h).
 *
 * The text is what cJSON would print: a count as its digits; any other
 * number with 15 significant digits when that reads back within
 * DBL_EPSILON of it, else with 17. The digits are made in integer
 * arithmetic: exactly where the compiler has 128-bit integers, else from a
 * long double product; printf is left the numbers below 1e-4 or from 1e14
 * (and, without 128-bit integers, the rare product too near a half to
 * round safely). tests/check_json_out.c compares it with cJSON.
 */
#include <config.h>

#include <float.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_out.h"

/* Powers of ten, exact in a long double up to 10^27. */
static const long double pow10_l[] = {
	1e0L, 1e1L, 1e2L, 1e3L, 1e4L, 1e5L, 1e6L, 1e7L, 1e8L, 1e9L, 1e10L,
	1e11L, 1e12L, 1e13L, 1e14L, 1e15L, 1e16L, 1e17L, 1e18L, 1e19L, 1e20L,
};

/* "00" to "99", for two digits at a time. */
static const char digit_pairs[] =
	"00010203040506070809101112131415161718192021222324252627282930313233343536373839"
	"40414243444546474849505152535455565758596061626364656667686970717273747576777879"
	"8081828384858687888990919293949596979899";

/* Writes the decimal digits of n, zero-padded to width (at most 20)
 * digits, at p; returns the end. */
static char *put_digits(char *p, uint64_t n, int width)
{
	char tmp[24], *end = tmp + sizeof tmp, *t = end;

	for (; n >= 100; n /= 100) {
		t -= 2;
		memcpy(t, digit_pairs + 2 * (n % 100), 2);
	}
	if (n >= 10) {
		t -= 2;
		memcpy(t, digit_pairs + 2 * n, 2);
	} else {
		*--t = (char)('0' + n);
	}
	while (end - t < width)
		*--t = '0';
	memcpy(p, t, (size_t)(end - t));
	return p + (end - t);
}

/* cJSON's test of its 15-digit text: the value read back is within
 * DBL_EPSILON of v, relatively. Keeping it keeps pk2d's JSON what it was. */
static int reads_back(const char *text, double v)
{
	double back = strtod(text, NULL);
	double larger = fabs(back) > fabs(v) ? fabs(back) : fabs(v);

	return fabs(back - v) <= larger * DBL_EPSILON;
}

/* frexp's exponent of a normal a > 0 (2^(e-1) <= a < 2^e), from its bits. */
static int exponent_of(double a)
{
	uint64_t bits;

	memcpy(&bits, &a, sizeof bits);
	return (int)(bits >> 52 & 0x7ff) - 1022;
}

/* 2^n for a normal result (-1022 <= n <= 1023), from its bits. */
static double two_to(int n)
{
	uint64_t bits = (uint64_t)(n + 1023) << 52;
	double d;

	memcpy(&d, &bits, sizeof d);
	return d;
}

/* The spacing of the doubles around a normal a > 0 (its last place). */
static double ulp_of(double a)
{
	return two_to(exponent_of(a) - 53);
}

/* Whether the 15-digit text ulps last places away from v passes cJSON's
 * test (reads_back) without reading it back: 1 yes, 0 no, -1 unsure. With
 * v and the doubles within 4 places of it in one binade [2^(e-1), 2^e),
 * the text reads back as the nearest of them, a whole number j of places
 * from v, and DBL_EPSILON times the larger is between one place and two:
 * the test passes for |j| <= 1, that is for a text within 1.5 places;
 * near 1.5 (by more than x's error) strtod decides. */
static int passes_without_reading(double v, long double ulps)
{
	double a = fabs(v), u = ulp_of(a);
	int e = exponent_of(a);

	if (a - 4 * u < two_to(e - 1) || a + 4 * u >= two_to(e))
		return -1;
	if (ulps < 1.5L - 1.0L / 256)
		return 1;
	if (ulps > 1.5L + 1.0L / 256)
		return 0;
	return -1;
}

#ifdef __SIZEOF_INT128__
/* *m: a * 10^k (1e-4 <= a < 1e14, k <= 20) rounded to a whole number as
 * printf rounds, to the nearest and a tie to even, in exact integer
 * arithmetic (a is mant * 2^-s with 6 <= s <= 66; the product is under
 * 2^120); *ulps: |m / 10^k - a| in units of a's last place. Always 1. */
static int round_scaled(double a, int k, int digits, uint64_t *m, long double *ulps)
{
	typedef unsigned __int128 u128;
	uint64_t bits, mant;
	int s;
	u128 n, rest, half, back;

	(void)digits;
	memcpy(&bits, &a, sizeof bits);
	mant = (bits & ((1ULL << 52) - 1)) | 1ULL << 52;
	s = 1075 - (int)(bits >> 52 & 0x7ff);
	n = (u128)mant * (uint64_t)pow10_l[k < 19 ? k : 19];
	for (int i = 19; i < k; i++)
		n *= 10;
	rest = n & (((u128)1 << s) - 1);
	half = (u128)1 << (s - 1);
	*m = (uint64_t)(n >> s);
	*m += rest > half || (rest == half && (*m & 1));
	back = (u128)*m << s;
	*ulps = (long double)(back > n ? back - n : n - back) / pow10_l[k];
	return 1;
}
#else
/* *m: a * 10^k rounded to a whole number, from a long double product
 * (relative error 2^-64: under 0.00006 units below 10^15, under 0.006
 * below 10^17); 0 when the product is too near a half unit (by four times
 * that or more) to say which way printf rounds it. *ulps: |m / 10^k - a|
 * in units of a's last place, within 2^-11 of one. */
static int round_scaled(double a, int k, int digits, uint64_t *m, long double *ulps)
{
	long double x = (long double)a * pow10_l[k], whole = floorl(x);

	if (fabsl(x - whole - 0.5L) < (digits <= 15 ? 1.0L / 4096 : 1.0L / 64))
		return 0;
	*m = (uint64_t)whole + (x - whole > 0.5L);
	*ulps = fabsl((long double)*m - x) / ((long double)ulp_of(a) * pow10_l[k]);
	return 1;
}
#endif

/* For 1e-4 <= |v| < 1e14, not integral: the "%.<digits>g" text of v
 * (digits 15 or 17) in buf, made in integer arithmetic. 0 when that could
 * differ from printf's: round_scaled cannot say which way it rounds, or
 * v's leading digit was misjudged at a power of ten. printf decides
 * those. */
static int fixed_digits(double v, int digits, char *buf, long double *ulps)
{
	double a = fabs(v);
	int e = 0; /* 10^e <= a < 10^(e + 1) */
	int k;     /* digits after the point */
	uint64_t m, unit;
	char *p = buf;

	if (a >= 1) {
		while (a >= (double)pow10_l[e + 1])
			e++;
	} else {
		while (e > -4 && a * (double)pow10_l[-e] < 1)
			e--;
	}
	k = digits - 1 - e;
	if (!round_scaled(a, k, digits, &m, ulps))
		return 0;
	if (m < (uint64_t)pow10_l[digits - 1] || m >= (uint64_t)pow10_l[digits])
		return 0;
	if (v < 0)
		*p++ = '-';
	if (e >= 0) {
		unit = (uint64_t)pow10_l[k];
		p = put_digits(p, m / unit, 1);
		m %= unit;
	} else {
		*p++ = '0';
	}
	if (m) {
		*p++ = '.';
		p = put_digits(p, m, k);
		while (p[-1] == '0')
			p--;
	}
	*p = '\0';
	return 1;
}

char *json_number(double v, char buf[JSON_NUMBER_MAX])
{
	long double ulps;

	if (v == floor(v) && fabs(v) < 1e15) {
		char *p = buf;

		if (signbit(v))
			*p++ = '-'; /* "-0" too, as "%g" prints it */
		*put_digits(p, (uint64_t)fabs(v), 1) = '\0';
		return buf;
	}
	if (fabs(v) >= 1e-4 && fabs(v) < 1e14 && fixed_digits(v, 15, buf, &ulps)) {
		int pass = passes_without_reading(v, ulps);

		if (pass < 0)
			pass = reads_back(buf, v);
		if (pass || fixed_digits(v, 17, buf, &ulps))
			return buf;
	} else {
		snprintf(buf, JSON_NUMBER_MAX, "%.15g", v);
		if (reads_back(buf, v))
			return buf;
	}
	snprintf(buf, JSON_NUMBER_MAX, "%.17g", v);
	return buf;
}

/* json_print's output, gathered in a buffer and written in large pieces:
 * a province's report is 13 million short lines, and a stdio call per
 * piece of a line cost more than making the line. */
typedef struct out_buf {
	FILE *out;
	size_t len;
	char data[1 << 16];
} out_buf;

static void flush(out_buf *b)
{
	fwrite(b->data, 1, b->len, b->out);
	b->len = 0;
}

static void put_mem(out_buf *b, const void *p, size_t n)
{
	if (n > sizeof b->data - b->len) {
		flush(b);
		if (n > sizeof b->data) {
			fwrite(p, 1, n, b->out);
			return;
		}
	}
	memcpy(b->data + b->len, p, n);
	b->len += n;
}

#define PUT(b, literal) put_mem(b, literal, sizeof(literal) - 1)

static void put_byte(out_buf *b, char c)
{
	if (b->len == sizeof b->data)
		flush(b);
	b->data[b->len++] = c;
}

/* The bytes put_string escapes (the control characters, the quote and the
 * backslash), and the NUL that ends a string: non-zero. */
static const unsigned char stops[256] = {
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	['"'] = 1, ['\\'] = 1,
};

/* A string as cJSON prints it: quote, backslash and the control
 * characters escaped, every other byte (UTF-8 too) as it is. A string
 * with none of those is copied whole. */
static void put_string(out_buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : ""), *run = p;
	size_t n = 0;
	char esc[8];

	while (!stops[p[n]])
		n++;
	if (!p[n] && n + 2 <= sizeof b->data) {
		if (n + 2 > sizeof b->data - b->len)
			flush(b);
		b->data[b->len] = '"';
		memcpy(b->data + b->len + 1, p, n);
		b->data[b->len + 1 + n] = '"';
		b->len += n + 2;
		return;
	}
	put_byte(b, '"');
	for (;; p++) {
		if (*p >= 32 && *p != '"' && *p != '\\')
			continue;
		put_mem(b, run, (size_t)(p - run));
		run = p + 1;
		switch (*p) {
		case '\0': put_byte(b, '"'); return;
		case '"': PUT(b, "\\\""); break;
		case '\\': PUT(b, "\\\\"); break;
		case '\b': PUT(b, "\\b"); break;
		case '\f': PUT(b, "\\f"); break;
		case '\n': PUT(b, "\\n"); break;
		case '\r': PUT(b, "\\r"); break;
		case '\t': PUT(b, "\\t"); break;
		default: put_mem(b, esc, (size_t)snprintf(esc, sizeof esc, "\\u%04x", *p));
		}
	}
}

static void put_text(out_buf *b, const char *s)
{
	put_mem(b, s, strlen(s));
}

static void put_tabs(out_buf *b, int n)
{
	static const char tabs[] = "\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t";

	for (; n > 0; n -= (int)sizeof tabs - 1)
		put_mem(b, tabs, n < (int)sizeof tabs - 1 ? (size_t)n : sizeof tabs - 1);
}

/* item at depth as cJSON_Print lays it out, or, with compact, as
 * cJSON_PrintUnformatted does (no line break, indentation or space). */
static void put_value(out_buf *b, const cJSON *item, int depth, int compact)
{
	char num[JSON_NUMBER_MAX];

	switch (item->type & 0xff) {
	case cJSON_False: PUT(b, "false"); break;
	case cJSON_True: PUT(b, "true"); break;
	case cJSON_NULL: PUT(b, "null"); break;
	case cJSON_Number: put_text(b, json_number(item->valuedouble, num)); break;
	case cJSON_Raw: put_text(b, item->valuestring ? item->valuestring : ""); break;
	case cJSON_String: put_string(b, item->valuestring); break;
	case cJSON_Array:
		put_byte(b, '[');
		for (const cJSON *c = item->child; c; c = c->next) {
			put_value(b, c, depth + 1, compact);
			if (c->next && compact)
				put_byte(b, ',');
			else if (c->next)
				PUT(b, ", ");
		}
		put_byte(b, ']');
		break;
	case cJSON_Object:
		if (compact) {
			put_byte(b, '{');
			for (const cJSON *c = item->child; c; c = c->next) {
				put_string(b, c->string);
				put_byte(b, ':');
				put_value(b, c, depth + 1, compact);
				if (c->next)
					put_byte(b, ',');
			}
			put_byte(b, '}');
			break;
		}
		PUT(b, "{\n");
		for (const cJSON *c = item->child; c; c = c->next) {
			put_tabs(b, depth + 1);
			put_string(b, c->string);
			PUT(b, ":\t");
			put_value(b, c, depth + 1, compact);
			if (c->next)
				PUT(b, ",\n");
			else
				put_byte(b, '\n');
		}
		put_tabs(b, depth);
		put_byte(b, '}');
		break;
	}
}

/* The writer of a document streamed member by member (json_out.h): its
 * output buffer and, per open container, its kind and how many values it
 * holds so far. */
#define JSON_W_DEPTH 32

/* The numbers a writer made last, by their bits (len 0: a free slot). A
 * report repeats the same values thousands of times (the shares of a few
 * KK: 1/3, 2/3, ...), and the text of a fraction takes some 400
 * instructions to make, against some 20 to find here. */
#define JSON_W_NUMBER_BITS 12
#define JSON_W_NUMBERS (1 << JSON_W_NUMBER_BITS)

struct made_number {
	uint64_t bits;
	unsigned char len;
	char text[JSON_NUMBER_MAX];
};

struct json_w {
	out_buf b;
	int compact; /* json_w_compact */
	int depth;
	struct {
		int object;
		size_t count;
	} open[JSON_W_DEPTH];
	struct made_number made[JSON_W_NUMBERS];
};

json_w *json_w_new(FILE *out)
{
	json_w *w = calloc(1, sizeof *w);

	if (w)
		w->b.out = out;
	return w;
}

void json_w_compact(json_w *w)
{
	w->compact = 1;
}

void json_w_flush(json_w *w)
{
	flush(&w->b);
}

int json_w_free(json_w *w)
{
	FILE *out;

	if (!w)
		return 0;
	out = w->b.out;
	flush(&w->b);
	free(w);
	return ferror(out) ? -1 : 0;
}

/* What comes before a value in the innermost container: in an object, the
 * separator, the member's indentation and key; in an array, the separator. */
static void lead(json_w *w, const char *key)
{
	out_buf *b = &w->b;
	int d = w->depth;

	if (d == 0)
		return;
	if (w->open[d - 1].object && w->compact) {
		if (w->open[d - 1].count)
			put_byte(b, ',');
		put_string(b, key);
		put_byte(b, ':');
	} else if (w->open[d - 1].object) {
		if (sizeof b->data - b->len < 2 + (size_t)d)
			flush(b);
		if (w->open[d - 1].count) {
			b->data[b->len++] = ',';
			b->data[b->len++] = '\n';
		}
		memset(b->data + b->len, '\t', (size_t)d);
		b->len += (size_t)d;
		put_string(b, key);
		PUT(b, ":\t");
	} else if (w->open[d - 1].count && w->compact) {
		put_byte(b, ',');
	} else if (w->open[d - 1].count) {
		PUT(b, ", ");
	}
	w->open[d - 1].count++;
}

static void open_container(json_w *w, const char *key, int object)
{
	lead(w, key);
	if (object && w->compact)
		put_byte(&w->b, '{');
	else if (object)
		PUT(&w->b, "{\n");
	else
		put_byte(&w->b, '[');
	if (w->depth == JSON_W_DEPTH)
		abort(); /* pk2d's documents are a few levels deep */
	w->open[w->depth].object = object;
	w->open[w->depth].count = 0;
	w->depth++;
}

void json_w_object(json_w *w, const char *key)
{
	open_container(w, key, 1);
}

void json_w_array(json_w *w, const char *key)
{
	open_container(w, key, 0);
}

void json_w_end(json_w *w)
{
	w->depth--;
	if (!w->open[w->depth].object) {
		put_byte(&w->b, ']');
		return;
	}
	if (w->compact) {
		put_byte(&w->b, '}');
		return;
	}
	if (w->open[w->depth].count)
		put_byte(&w->b, '\n');
	put_tabs(&w->b, w->depth);
	put_byte(&w->b, '}');
}

void json_w_num(json_w *w, const char *key, double v)
{
	uint64_t bits;
	struct made_number *n;

	lead(w, key);
	if (!isfinite(v)) {
		PUT(&w->b, "null");
		return;
	}
	memcpy(&bits, &v, sizeof bits);
	n = &w->made[(bits * 0x9e3779b97f4a7c15u) >> (64 - JSON_W_NUMBER_BITS)];
	if (!n->len || n->bits != bits) {
		n->bits = bits;
		n->len = (unsigned char)strlen(json_number(v, n->text));
	}
	put_mem(&w->b, n->text, n->len);
}

void json_w_str(json_w *w, const char *key, const char *s)
{
	lead(w, key);
	if (s)
		put_string(&w->b, s);
	else
		PUT(&w->b, "null");
}

void json_w_null(json_w *w, const char *key)
{
	lead(w, key);
	PUT(&w->b, "null");
}

void json_w_bool(json_w *w, const char *key, int b)
{
	lead(w, key);
	if (b)
		PUT(&w->b, "true");
	else
		PUT(&w->b, "false");
}

void json_w_tree(json_w *w, const char *key, const cJSON *item)
{
	lead(w, key);
	put_value(&w->b, item, w->depth, w->compact);
}

void json_w_raw(json_w *w, const char *text)
{
	put_text(&w->b, text);
}

int json_print(FILE *out, const cJSON *item)
{
	out_buf *b = malloc(sizeof *b);

	if (!b)
		return -1;
	b->out = out;
	b->len = 0;
	put_value(b, item, 0, 0);
	flush(b);
	free(b);
	return ferror(out) ? -1 : 0;
}

void json_add_num(cJSON *o, const char *key, double v)
{
	if (isfinite(v))
		cJSON_AddNumberToObject(o, key, v);
	else
		cJSON_AddNullToObject(o, key);
}

void json_add_str(cJSON *o, const char *key, const char *s)
{
	if (s)
		cJSON_AddStringToObject(o, key, s);
	else
		cJSON_AddNullToObject(o, key);
}
