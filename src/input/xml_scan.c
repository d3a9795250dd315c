/*
 * xml_scan.c - a streaming scanner for a sheet's XML (xml_scan.h).
 *
 * The document is read into one buffer a block at a time, with a NUL after
 * its last byte; a token (a tag, a comment) is taken when it is whole in
 * the buffer, character data as far as the buffer goes. A tag is read in
 * one pass: when the NUL at the buffer's end cuts it, it is read again
 * after a refill. Entities are decoded in place (a decoded text is never
 * longer).
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xml_scan.h"

#define BLOCK (64 * 1024)

/* What the token readers below return besides XML_SCAN_*: nothing to
 * return (a comment), the buffer ends first, or an error. */
enum { SKIP = 0, NEED_MORE = 4, BAD = -1, READ_FAILED = -2, NO_MEMORY = -3 };

int xml_scan_init(xml_scan *x)
{
	x->cap = BLOCK;
	x->len = x->pos = 0;
	x->eof = 0;
	x->depth = x->seen_root = x->pending_end = 0;
	x->base = x->counted = x->line_start = 0;
	x->line = 1;
	x->open_len = 0;
	x->open_cap = 1024;
	x->buf = malloc(x->cap + 1);
	x->open_names = malloc(x->open_cap);
	if (!x->buf || !x->open_names) {
		xml_scan_free(x);
		return -1;
	}
	x->buf[0] = '\0';
	return 0;
}

void xml_scan_free(xml_scan *x)
{
	free(x->buf);
	free(x->open_names);
	x->buf = x->open_names = NULL;
}

/* Counts the newlines of the document up to offset at (in the buffer). */
static void count_lines(xml_scan *x, uint64_t at)
{
	const char *p = x->buf + (x->counted - x->base), *end = x->buf + (at - x->base);

	while (p < end && (p = memchr(p, '\n', (size_t)(end - p)))) {
		x->line++;
		x->line_start = x->base + (uint64_t)(++p - x->buf);
	}
	if (at > x->counted)
		x->counted = at;
}

/* why: "malformed XML at line L, column C: what", at p in the buffer. */
static int malformed(xml_scan *x, const char *p, const char *what, char *why, size_t len)
{
	count_lines(x, x->base + (uint64_t)(p - x->buf));
	snprintf(why, len, "malformed XML at line %lu, column %llu: %s", x->line,
	         (unsigned long long)(x->base + (uint64_t)(p - x->buf) - x->line_start), what);
	return BAD;
}

/* Moves the unread bytes to the buffer's front and reads more: 1, 0 at the
 * document's end (nothing read), or <0. */
static int refill(xml_scan *x, char *why, size_t len)
{
	long long n;

	if (x->pos > 0) {
		count_lines(x, x->base + x->pos);
		memmove(x->buf, x->buf + x->pos, x->len - x->pos);
		x->base += x->pos;
		x->len -= x->pos;
		x->pos = 0;
	}
	if (x->len == x->cap) {
		char *b;

		if (x->cap > XML_SCAN_TOKEN_MAX)
			return malformed(x, x->buf, "a tag, comment or CDATA section of more than "
			                 "1 MB", why, len);
		if (!(b = realloc(x->buf, 2 * x->cap + 1)))
			return NO_MEMORY;
		x->buf = b;
		x->cap *= 2;
	}
	n = x->read(x->ud, x->buf + x->len, x->cap - x->len);
	if (n < 0)
		return READ_FAILED;
	x->len += (size_t)n;
	x->buf[x->len] = '\0';
	if (n == 0)
		x->eof = 1;
	return n > 0;
}

/* Appends the UTF-8 form of code point c at out: its length, 0 when c is
 * not a character XML allows. */
static size_t put_utf8(unsigned long c, char *out)
{
	if (c == 0 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
	    (c >= 0xD800 && c <= 0xDFFF) || c == 0xFFFE || c == 0xFFFF || c > 0x10FFFF)
		return 0;
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xC0 | c >> 6);
		out[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xE0 | c >> 12);
		out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | c >> 18);
	out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	out[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

/* Decodes the entities of s[0..n) in place: its new length, or -1 with
 * *bad at the entity that is not one. */
static long decode(char *s, size_t n, char **bad)
{
	static const struct {
		const char *name;
		char ch;
	} named[] = { { "lt;", '<' }, { "gt;", '>' }, { "amp;", '&' }, { "quot;", '"' },
		      { "apos;", '\'' } };
	char *amp = memchr(s, '&', n), *w, *r, *end = s + n;

	if (!amp)
		return (long)n;
	for (w = r = amp; r < end;) {
		char *semi;
		size_t k;

		if (*r != '&') {
			*w++ = *r++;
			continue;
		}
		*bad = r;
		if (!(semi = memchr(r, ';', (size_t)(end - r))) || semi - r > 12)
			return -1;
		for (k = 0; k < sizeof named / sizeof *named; k++)
			if ((size_t)(semi - r) == strlen(named[k].name) &&
			    !strncmp(r + 1, named[k].name, (size_t)(semi - r)))
				break;
		if (k < sizeof named / sizeof *named) {
			*w++ = named[k].ch;
		} else if (r[1] == '#') {
			int hex = r[2] == 'x';
			char *digits = r + 2 + hex, *stop;
			unsigned long c = strtoul(digits, &stop, hex ? 16 : 10);
			size_t m;

			if (stop != semi || digits == semi || !(hex ? isxdigit((unsigned char)*digits)
			                                              : isdigit((unsigned char)*digits)) ||
			    !(m = put_utf8(c, w)))
				return -1;
			w += m;
		} else {
			return -1;
		}
		r = semi + 1;
	}
	return (long)(w - s);
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The bytes that end a name in a tag: blanks, '=', '/', '>', '<', quotes
 * and NUL (the buffer's end). */
static const unsigned char name_stop[256] = {
	[0] = 1, [' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1, ['='] = 1, ['/'] = 1, ['>'] = 1,
	['<'] = 1, ['"'] = 1, ['\''] = 1,
};

/* The bytes that end an attribute's value or character data, or need a
 * look: quotes, '&', '<' and NUL. */
static const unsigned char value_stop[256] = {
	[0] = 1, ['"'] = 1, ['\''] = 1, ['&'] = 1, ['<'] = 1,
};

/* At a byte q that does not belong in a tag: NEED_MORE when it is the NUL
 * after the buffer's last byte, else BAD. */
static int cut_or_bad(xml_scan *x, const char *q, char *why, size_t len)
{
	if (q == x->buf + x->len)
		return NEED_MORE;
	return malformed(x, q, "not well-formed (invalid token)", why, len);
}

/* The start tag at p ('<'), read in one pass: XML_SCAN_START with x->pos
 * past it, NEED_MORE, or <0. */
static int start_tag(xml_scan *x, char *p, char *why, size_t len)
{
	/* The attributes whose value has an entity, decoded once the tag is
	 * known whole (it is read again after a refill). */
	uint32_t amp = 0;
	char *name = p + 1, *q = name, *elem_end;
	int n = 0, empty = 0;

	while (!name_stop[(unsigned char)*q])
		q++;
	if (q == name)
		return cut_or_bad(x, q, why, len);
	elem_end = q;
	for (;;) {
		char *an;
		char quote;

		while (is_space(*q))
			q++;
		if (*q == '>')
			break;
		if (*q == '/') {
			if (q[1] != '>')
				return cut_or_bad(x, q + 1, why, len);
			empty = 1;
			q++;
			break;
		}
		an = q;
		while (!name_stop[(unsigned char)*q])
			q++;
		if (q == an)
			return cut_or_bad(x, q, why, len);
		if (n == XML_SCAN_ATTRS)
			return malformed(x, an, "more attributes than a sheet has", why, len);
		x->attrs[n].name = an;
		x->attrs[n].name_len = (size_t)(q - an);
		while (is_space(*q))
			q++;
		if (*q != '=')
			return cut_or_bad(x, q, why, len);
		q++;
		while (is_space(*q))
			q++;
		if (*q != '"' && *q != '\'')
			return cut_or_bad(x, q, why, len);
		quote = *q++;
		x->attrs[n].value = q;
		for (;; q++) {
			while (!value_stop[(unsigned char)*q])
				q++;
			if (*q == quote)
				break;
			if (*q == '&')
				amp |= UINT32_C(1) << n;
			else if (*q == '\0')
				return cut_or_bad(x, q, why, len);
		}
		x->attrs[n].value_len = (size_t)(q - x->attrs[n].value);
		q++;
		n++;
	}
	/* q is at the tag's '>'. */
	if (x->depth == XML_SCAN_DEPTH)
		return malformed(x, name, "nested too deep", why, len);
	if (x->depth == 0 && x->seen_root)
		return malformed(x, name, "junk after document element", why, len);
	for (int i = 0; amp && i < n; i++) {
		char *bad;
		long dl;

		if (!(amp & UINT32_C(1) << i))
			continue;
		if ((dl = decode((char *)x->attrs[i].value, x->attrs[i].value_len, &bad)) < 0)
			return malformed(x, bad, "undefined entity", why, len);
		x->attrs[i].value_len = (size_t)dl;
	}
	x->n_attrs = n;
	x->name = name;
	x->name_len = (size_t)(elem_end - name);
	x->pos = (size_t)(q - x->buf) + 1;
	x->seen_root = 1;
	if (empty) {
		/* Closed at the next call, without a copy of its name. */
		x->depth++;
		x->pending_end = 1;
		return XML_SCAN_START;
	}
	if (x->open_len + x->name_len + 1 > x->open_cap) {
		size_t cap = 2 * x->open_cap + x->name_len + 1;
		char *o = realloc(x->open_names, cap);

		if (!o)
			return NO_MEMORY;
		/* The open names move with the arena. */
		for (int i = 0; i < x->depth; i++)
			x->open[i] = o + (x->open[i] - x->open_names);
		x->open_names = o;
		x->open_cap = cap;
	}
	/* Names are a few bytes: a loop beats memcpy's call. */
	char *o = x->open_names + x->open_len;
	for (size_t i = 0; i < x->name_len; i++)
		o[i] = name[i];
	x->open_n[x->depth] = x->name_len;
	x->open[x->depth++] = o;
	x->open_len += x->name_len + 1;
	return XML_SCAN_START;
}

/* The end tag at p ("</"): XML_SCAN_END, NEED_MORE, or <0. */
static int end_tag(xml_scan *x, char *p, char *why, size_t len)
{
	char *name = p + 2, *q = name, *name_end;
	size_t n;

	while (!name_stop[(unsigned char)*q])
		q++;
	name_end = q;
	while (is_space(*q))
		q++;
	if (*q != '>')
		return cut_or_bad(x, q, why, len);
	n = (size_t)(name_end - name);
	if (x->depth == 0 || n != x->open_n[x->depth - 1])
		return malformed(x, name, "mismatched tag", why, len);
	for (size_t i = 0; i < n; i++)
		if (name[i] != x->open[x->depth - 1][i])
			return malformed(x, name, "mismatched tag", why, len);
	x->depth--;
	x->open_len -= n + 1;
	x->name = name;
	x->name_len = n;
	x->pos = (size_t)(q - x->buf) + 1;
	return XML_SCAN_END;
}

/* The markup at p ('<'): a token, SKIP with x->pos past a comment or a
 * processing instruction, NEED_MORE when it is not whole in the buffer, or
 * <0. */
static int markup(xml_scan *x, char *p, char *why, size_t len)
{
	size_t left = x->len - x->pos;
	char *end = x->buf + x->len, *stop;

	if (p[1] == '/')
		return end_tag(x, p, why, len);
	if (p[1] != '?' && p[1] != '!')
		return start_tag(x, p, why, len);
	if (left < 9 && !x->eof)
		return NEED_MORE;
	if (p[1] == '?' || (p[2] == '-' && p[3] == '-')) {
		const char *close = p[1] == '?' ? "?>" : "-->";

		for (stop = p + 2; (stop = memchr(stop, close[0], (size_t)(end - stop))); stop++)
			if (!strncmp(stop, close, strlen(close)))
				break;
		if (!stop)
			return NEED_MORE;
		x->pos = (size_t)(stop - x->buf) + strlen(close);
		return SKIP;
	}
	if (!strncmp(p, "<![CDATA[", 9)) {
		if (x->depth == 0)
			return malformed(x, p, "not well-formed (invalid token)", why, len);
		for (stop = p + 9; (stop = memchr(stop, ']', (size_t)(end - stop))); stop++)
			if (!strncmp(stop, "]]>", 3))
				break;
		if (!stop)
			return NEED_MORE;
		x->text = p + 9;
		x->text_len = (size_t)(stop - p - 9);
		x->pos = (size_t)(stop - x->buf) + 3;
		return XML_SCAN_TEXT;
	}
	if (!strncmp(p, "<!DOCTYPE", 9)) {
		snprintf(why, len, "a DOCTYPE, which no workbook has: not read");
		return BAD;
	}
	return malformed(x, p, "not well-formed (invalid token)", why, len);
}

/* Character data from p, as far as the next '<' or what the buffer holds
 * (less an entity cut by its end): XML_SCAN_TEXT, SKIP (blanks outside the
 * document element), NEED_MORE (nothing to take), BAD. */
static int chars(xml_scan *x, char *p, char *why, size_t len)
{
	char *q = p, *amp = NULL, *bad = NULL;
	size_t n;
	long dl;

	/* A byte order mark before the document. */
	if (x->base + x->pos == 0 && x->len >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3)) {
		x->pos += 3;
		return SKIP;
	}
	/* Most texts of a sheet are a few bytes: a loop beats memchr. */
	for (;; q++) {
		while (!value_stop[(unsigned char)*q])
			q++;
		if (*q == '<')
			break;
		if (*q == '&') {
			if (!amp)
				amp = q;
		} else if (*q == '\0') {
			if (q != x->buf + x->len)
				return malformed(x, q, "not well-formed (invalid token)", why, len);
			break;
		}
	}
	n = (size_t)(q - p);
	if (*q != '<' && !x->eof && amp) {
		/* The last '&' of the data so far, when its entity may go on in
		 * the next block. */
		char *last = NULL;

		for (size_t k = n; k > 0 && n - k < 13 && !last; k--)
			if (p[k - 1] == '&')
				last = p + k - 1;
		if (last && !memchr(last, ';', (size_t)(q - last)))
			n = (size_t)(last - p);
	}
	if (n == 0)
		return NEED_MORE;
	dl = (long)n;
	if (amp && amp < p + n && (dl = decode(amp, n - (size_t)(amp - p), &bad)) >= 0)
		dl += amp - p;
	if (dl < 0)
		return malformed(x, bad, "undefined entity", why, len);
	x->pos += n;
	if (x->depth == 0) {
		for (long i = 0; i < dl; i++)
			if (!is_space(p[i]))
				return malformed(x, p + i, x->seen_root ? "junk after document element"
				                                         : "not well-formed (invalid token)",
				                 why, len);
		return SKIP;
	}
	x->text = p;
	x->text_len = (size_t)dl;
	return XML_SCAN_TEXT;
}

int xml_scan_next(xml_scan *x, char *why, size_t len)
{
	if (x->pending_end) {
		/* x->name is still the empty element's. */
		x->pending_end = 0;
		x->depth--;
		return XML_SCAN_END;
	}
	for (;;) {
		char *p = x->buf + x->pos;
		int rc;

		if (x->pos == x->len && x->eof) {
			if (x->depth > 0 || !x->seen_root)
				return malformed(x, p, "no element found", why, len);
			return 0;
		}
		rc = x->pos == x->len ? NEED_MORE
		     : *p == '<'      ? markup(x, p, why, len)
		                      : chars(x, p, why, len);
		if (rc == NEED_MORE) {
			if (x->eof)
				return malformed(x, p, "unclosed token", why, len);
			if ((rc = refill(x, why, len)) < 0)
				return rc;
			continue;
		}
		if (rc != SKIP)
			return rc;
	}
}

/* Whether the end tag of name (n bytes) is at q: its end, or NULL. The
 * buffer's NUL differs from every byte of a name. */
static char *end_tag_at(char *q, const char *name, size_t n)
{
	if (q[0] != '<' || q[1] != '/')
		return NULL;
	for (size_t i = 0; i < n; i++)
		if (q[2 + i] != name[i])
			return NULL;
	return q[2 + n] == '>' ? q + 3 + n : NULL;
}

int xml_scan_value(xml_scan *x, const char *child, size_t n)
{
	char *p = x->buf + x->pos, *q = p + 1, *text, *end;

	if (x->pending_end || x->depth == 0 || p[0] != '<')
		return 0;
	for (size_t i = 0; i < n; i++)
		if (q[i] != child[i])
			return 0;
	if (q[n] != '>')
		return 0;
	for (q = text = p + n + 2;; q++) {
		while (!value_stop[(unsigned char)*q])
			q++;
		if (*q != '"' && *q != '\'')
			break;
	}
	/* q at an entity, markup, a NUL or the buffer's end: only the child's
	 * end tag and the element's will do. */
	if (!(end = end_tag_at(q, child, n)) ||
	    !(end = end_tag_at(end, x->open[x->depth - 1], x->open_n[x->depth - 1])))
		return 0;
	x->text = text;
	x->text_len = (size_t)(q - text);
	x->depth--;
	x->open_len -= x->open_n[x->depth] + 1;
	x->pos = (size_t)(end - x->buf);
	return 1;
}
