/*
 * escape.c - output escaping for every format (see escape.h).
 */
#include <config.h>

#include "escape.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int esc_is_formula(const char *s)
{
	return s && (*s == '=' || *s == '+' || *s == '-' || *s == '@' ||
	             *s == '\t' || *s == '\r');
}

char *esc_cell_text(const char *s)
{
	size_t n = strlen(s ? s : "");
	int quote = esc_is_formula(s);
	char *out = malloc(n + 2);

	if (!out)
		return NULL;
	if (quote)
		out[0] = '\'';
	memcpy(out + quote, s ? s : "", n + 1);
	return out;
}

void esc_html(FILE *f, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		case '\'': fputs("&#39;", f); break;
		default: fputc(*s, f);
		}
	}
}

void esc_csv(FILE *f, const char *s)
{
	esc_csv_field(f, s, ',');
}

void esc_csv_field(FILE *f, const char *s, char sep)
{
	const char special[] = { sep, '"', '\r', '\n', '\0' };
	size_t n;
	int quote;

	if (!s)
		s = "";
	n = strlen(s);
	quote = strpbrk(s, special) != NULL ||
	        (n > 0 && (s[0] == ' ' || s[n - 1] == ' '));
	if (quote)
		fputc('"', f);
	if (esc_is_formula(s))
		fputc('\'', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	if (quote)
		fputc('"', f);
}

void esc_md(FILE *f, const char *s)
{
	static const char special[] = "\\`*_[]<>|~&";

	for (; s && *s; s++) {
		if (*s == '\r')
			continue;
		if (*s == '\n') {
			fputc(' ', f);
			continue;
		}
		if (strchr(special, *s))
			fputc('\\', f);
		fputc(*s, f);
	}
}

void esc_term(FILE *f, const char *s)
{
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '\n' || c == '\r' || c == '\t')
			fputc(' ', f);
		else if (c < 0x20 || c == 0x7f)
			fputc('?', f);
		else
			fputc(c, f);
	}
}

/* Decodes one UTF-8 sequence; returns its length, or 0 when invalid. */
static size_t utf8_decode(const unsigned char *s, uint32_t *cp)
{
	size_t len;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xe0) == 0xc0) {
		*cp = s[0] & 0x1f;
		len = 2;
	} else if ((s[0] & 0xf0) == 0xe0) {
		*cp = s[0] & 0x0f;
		len = 3;
	} else if ((s[0] & 0xf8) == 0xf0) {
		*cp = s[0] & 0x07;
		len = 4;
	} else {
		return 0;
	}
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		*cp = (*cp << 6) | (s[i] & 0x3f);
	}
	return len;
}

static int cp_width(uint32_t c)
{
	static const uint32_t zero[][2] = {
		{ 0x0300, 0x036f }, { 0x1ab0, 0x1aff }, { 0x1dc0, 0x1dff },
		{ 0x200b, 0x200f }, { 0x20d0, 0x20ff }, { 0xfe00, 0xfe0f },
		{ 0xfe20, 0xfe2f },
	};
	static const uint32_t wide[][2] = {
		{ 0x1100, 0x115f }, { 0x2e80, 0x303e }, { 0x3041, 0x33ff },
		{ 0x3400, 0x4dbf }, { 0x4e00, 0x9fff }, { 0xa000, 0xa4cf },
		{ 0xac00, 0xd7a3 }, { 0xf900, 0xfaff }, { 0xfe30, 0xfe4f },
		{ 0xff00, 0xff60 }, { 0xffe0, 0xffe6 }, { 0x1f300, 0x1f64f },
		{ 0x1f900, 0x1f9ff }, { 0x20000, 0x3fffd },
	};

	for (size_t i = 0; i < sizeof zero / sizeof *zero; i++)
		if (c >= zero[i][0] && c <= zero[i][1])
			return 0;
	for (size_t i = 0; i < sizeof wide / sizeof *wide; i++)
		if (c >= wide[i][0] && c <= wide[i][1])
			return 2;
	return 1;
}

size_t esc_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t w = 0;

	while (*p) {
		uint32_t cp;
		size_t len;

		/* ASCII, nearly every byte of a report: one column each. */
		if (*p < 0x80) {
			w++;
			p++;
			continue;
		}
		if ((len = utf8_decode(p, &cp)) == 0) {
			w++;
			p++;
			continue;
		}
		w += (size_t)cp_width(cp);
		p += len;
	}
	return w;
}

static const struct {
	const char *word;
	const char *sgr;
} coloured[] = {
	{ "perlu perhatian", "\033[31m" }, { "needs attention", "\033[31m" },
	{ "belum mencapai target", "\033[33m" }, { "off target", "\033[33m" },
	{ "memburuk", "\033[31m" }, { "worse", "\033[31m" },
	{ "membaik", "\033[32m" }, { "better", "\033[32m" },
	{ "gagal", "\033[31m" }, { "failed", "\033[31m" },
};

/* A byte the terminal report replaces: a control character other than the
 * line feed, or DEL. */
static int term_replaced(unsigned char c)
{
	return (c < 0x20 && c != '\n') || c == 0x7f;
}

/* The first byte from i on that term_replaced, or len. Eight bytes at a
 * time: a word with no byte under 0x20 and none 0x7f is passed over whole
 * (a province's report is 40 MB, nearly all of it plain). */
static size_t term_scan(const char *text, size_t i, size_t len)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;

	for (; i + 8 <= len; i += 8) {
		uint64_t x, del;

		memcpy(&x, text + i, 8);
		del = x ^ 0x7f * ones;
		if (!((((x - 0x20 * ones) & ~x) | ((del - ones) & ~del)) & highs))
			continue;
		for (size_t k = i; k < i + 8; k++)
			if (term_replaced((unsigned char)text[k]))
				return k;
	}
	for (; i < len; i++)
		if (term_replaced((unsigned char)text[i]))
			return i;
	return len;
}

int esc_term_report(FILE *f, const char *text, size_t len, int colour)
{
	size_t run = 0;           /* start of the bytes written unchanged */

	if (!colour) {
		for (size_t i; (i = term_scan(text, run, len)) < len; run = i + 1) {
			fwrite(text + run, 1, i - run, f);
			fputc(text[i] == '\t' ? ' ' : '?', f);
		}
		fwrite(text + run, 1, len - run, f);
		return ferror(f) ? -1 : 0;
	}

	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)text[i];
		size_t k = 0, n = sizeof coloured / sizeof *coloured;

		if (colour)
			for (k = 0; k < n; k++) {
				size_t w = strlen(coloured[k].word);

				if (w <= len - i && memcmp(text + i, coloured[k].word, w) == 0)
					break;
			}
		if (colour && k < n) {
			fwrite(text + run, 1, i - run, f);
			fprintf(f, "%s%s\033[0m", coloured[k].sgr, coloured[k].word);
			i += strlen(coloured[k].word) - 1;
			run = i + 1;
		} else if ((c < 0x20 && c != '\n') || c == 0x7f) {
			fwrite(text + run, 1, i - run, f);
			fputc(c == '\t' ? ' ' : '?', f);
			run = i + 1;
		}
	}
	fwrite(text + run, 1, len - run, f);
	return ferror(f) ? -1 : 0;
}

/* The stream of esc_term_stream: bytes wait in carry until their line is
 * complete, so a coloured word is never split between two writes. */
struct term_stream {
	FILE *out;
	int colour;
	int failed;
	char *carry;
	size_t n, cap;
};

static int carry_add(struct term_stream *t, const char *buf, size_t size)
{
	if (size == 0)
		return 0;
	if (t->n + size > t->cap) {
		size_t cap = t->cap ? t->cap : 256;
		char *grown;

		while (cap < t->n + size)
			cap *= 2;
		if (!(grown = realloc(t->carry, cap)))
			return -1;
		t->carry = grown;
		t->cap = cap;
	}
	memcpy(t->carry + t->n, buf, size);
	t->n += size;
	return 0;
}

static ssize_t term_write(void *cookie, const char *buf, size_t size)
{
	struct term_stream *t = cookie;
	const char *nl = size ? memrchr(buf, '\n', size) : NULL;
	size_t lines = nl ? (size_t)(nl - buf) + 1 : 0;

	if (t->failed)
		return 0;
	if (lines && t->n) {
		if (carry_add(t, buf, lines) < 0 ||
		    esc_term_report(t->out, t->carry, t->n, t->colour) < 0)
			t->failed = 1;
		t->n = 0;
	} else if (lines && esc_term_report(t->out, buf, lines, t->colour) < 0) {
		t->failed = 1;
	}
	if (!t->failed && carry_add(t, buf + lines, size - lines) < 0)
		t->failed = 1;
	return t->failed ? 0 : (ssize_t)size;
}

static int term_close(void *cookie)
{
	struct term_stream *t = cookie;
	int failed = t->failed || (t->n && esc_term_report(t->out, t->carry, t->n, t->colour) < 0);

	free(t->carry);
	free(t);
	return failed ? -1 : 0;
}

FILE *esc_term_stream(FILE *out, int colour)
{
	struct term_stream *t = calloc(1, sizeof *t);
	cookie_io_functions_t io = { .write = term_write, .close = term_close };
	FILE *f;

	if (!t)
		return NULL;
	t->out = out;
	t->colour = colour;
	if (!(f = fopencookie(t, "w", io)))
		free(t);
	return f;
}

int esc_want_colour(FILE *f)
{
	const char *no = getenv("NO_COLOR");

	return f == stdout && isatty(fileno(f)) && !(no && *no);
}
