/*
 * xml_scan.c - a streaming scanner for a sheet's XML (xml_scan.h).
 *
 * The document is read into one buffer a block at a time; a token (a tag,
 * a comment) is taken when it is whole in the buffer, character data as
 * far as the buffer goes. Names and values are ended with a NUL in place,
 * and entities decoded in place (a decoded text is never longer).
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xml_scan.h"

#define BLOCK (64 * 1024)

enum { NEED_MORE = 0, DONE = 1, BAD = -1, READ_FAILED = -2, NO_MEMORY = -3 };

int xml_scan_init(xml_scan *x)
{
	x->cap = BLOCK;
	x->len = x->pos = 0;
	x->eof = 0;
	x->depth = x->seen_root = 0;
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

/* Where the tag at p ('<') ends: its '>', or NULL when the buffer ends
 * first. Quoted values may hold '>'. */
static char *tag_end(const xml_scan *x, char *p)
{
	char *end = x->buf + x->len, quote = 0;

	for (p++; p < end; p++) {
		if (quote) {
			if (*p == quote)
				quote = 0;
		} else if (*p == '"' || *p == '\'') {
			quote = *p;
		} else if (*p == '>') {
			return p;
		}
	}
	return NULL;
}

/* A start tag p..gt ('<' to '>'): the handlers called. DONE or BAD. */
static int start_tag(xml_scan *x, char *p, char *gt, char *why, size_t len)
{
	const char *attrs[2 * XML_SCAN_ATTRS + 1];
	char *name = p + 1, *q = name, *name_end;
	int n = 0, empty = gt[-1] == '/';
	size_t nlen;

	if (empty)
		gt--;
	while (q < gt && !is_space(*q))
		q++;
	name_end = q;
	if (name_end == name)
		return malformed(x, name, "not well-formed (invalid token)", why, len);
	for (;;) {
		char *an, *an_end, *v, *v_end;
		long dl;
		char *bad;

		while (q < gt && is_space(*q))
			q++;
		if (q == gt)
			break;
		an = q;
		while (q < gt && *q != '=' && !is_space(*q))
			q++;
		an_end = q;
		while (q < gt && is_space(*q))
			q++;
		if (an_end == an || q == gt || *q != '=')
			return malformed(x, an, "not well-formed (invalid token)", why, len);
		q++;
		while (q < gt && is_space(*q))
			q++;
		if (q == gt || (*q != '"' && *q != '\''))
			return malformed(x, q, "not well-formed (invalid token)", why, len);
		v = q + 1;
		if (!(v_end = memchr(v, *q, (size_t)(gt - v))))
			return malformed(x, q, "not well-formed (invalid token)", why, len);
		if (n == XML_SCAN_ATTRS)
			return malformed(x, an, "more attributes than a sheet has", why, len);
		if ((dl = decode(v, (size_t)(v_end - v), &bad)) < 0)
			return malformed(x, bad, "undefined entity", why, len);
		q = v_end + 1;
		*an_end = '\0';
		v[dl] = '\0';
		attrs[2 * n] = an;
		attrs[2 * n + 1] = v;
		n++;
	}
	attrs[2 * n] = NULL;
	*name_end = '\0';
	nlen = (size_t)(name_end - name) + 1;
	if (x->depth == XML_SCAN_DEPTH)
		return malformed(x, name, "nested too deep", why, len);
	if (x->depth == 0 && x->seen_root)
		return malformed(x, name, "junk after document element", why, len);
	if (x->open_len + nlen > x->open_cap) {
		size_t cap = 2 * x->open_cap + nlen;
		char *o = realloc(x->open_names, cap);

		if (!o)
			return NO_MEMORY;
		/* The open names move with the arena. */
		for (int i = 0; i < x->depth; i++)
			x->open[i] = o + (x->open[i] - x->open_names);
		x->open_names = o;
		x->open_cap = cap;
	}
	x->open_n[x->depth] = nlen - 1;
	x->open[x->depth++] = memcpy(x->open_names + x->open_len, name, nlen);
	x->open_len += nlen;
	x->seen_root = 1;
	x->start(x->ud, name, attrs);
	if (empty && !x->halt(x->ud)) {
		x->depth--;
		x->open_len -= nlen;
		x->end(x->ud, name);
	} else if (empty) {
		x->depth--;
		x->open_len -= nlen;
	}
	return DONE;
}

/* An end tag p..gt. DONE or BAD. */
static int end_tag(xml_scan *x, char *p, char *gt, char *why, size_t len)
{
	char *name = p + 2, *q = gt;

	while (q > name && is_space(q[-1]))
		q--;
	*q = '\0';
	if (x->depth == 0 || (size_t)(q - name) != x->open_n[x->depth - 1] ||
	    memcmp(name, x->open[x->depth - 1], (size_t)(q - name)) != 0)
		return malformed(x, name, "mismatched tag", why, len);
	x->depth--;
	x->open_len -= (size_t)(q - name) + 1;
	x->end(x->ud, name);
	return DONE;
}

/* The markup at p ('<'): DONE with x->pos past it, NEED_MORE when it is not
 * whole in the buffer, or <0. */
static int markup(xml_scan *x, char *p, char *why, size_t len)
{
	size_t left = x->len - x->pos;
	char *end = x->buf + x->len, *stop;

	if (p[1] != '?' && p[1] != '!') {
		if (!(stop = tag_end(x, p)))
			return NEED_MORE;
		x->pos = (size_t)(stop - x->buf) + 1;
		return p[1] == '/' ? end_tag(x, p, stop, why, len) : start_tag(x, p, stop, why, len);
	}
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
		return DONE;
	}
	if (!strncmp(p, "<![CDATA[", 9)) {
		for (stop = p + 9; (stop = memchr(stop, ']', (size_t)(end - stop))); stop++)
			if (!strncmp(stop, "]]>", 3))
				break;
		if (!stop)
			return NEED_MORE;
		x->text(x->ud, p + 9, (int)(stop - p - 9));
		x->pos = (size_t)(stop - x->buf) + 3;
		return DONE;
	}
	if (!strncmp(p, "<!DOCTYPE", 9)) {
		snprintf(why, len, "a DOCTYPE, which no workbook has: not read");
		return BAD;
	}
	return malformed(x, p, "not well-formed (invalid token)", why, len);
}

/* Character data from p, as far as the next '<' or what the buffer holds
 * (less an entity cut by its end): DONE, NEED_MORE (nothing to take), BAD. */
static int chars(xml_scan *x, char *p, char *why, size_t len)
{
	size_t n = x->len - x->pos;
	char *lt = memchr(p, '<', n), *amp = NULL, *bad;
	long dl;

	/* A byte order mark before the document. */
	if (x->base + x->pos == 0 && n >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3)) {
		x->pos += 3;
		return DONE;
	}
	if (lt) {
		n = (size_t)(lt - p);
	} else if (!x->eof) {
		/* The last '&' of the data so far, when its entity may go on in
		 * the next block. */
		for (size_t k = n; k > 0 && n - k < 13 && !amp; k--)
			if (p[k - 1] == '&')
				amp = p + k - 1;
		if (amp && !memchr(amp, ';', (size_t)(p + n - amp))) {
			n = (size_t)(amp - p);
			if (n == 0)
				return NEED_MORE;
		}
	}
	if ((dl = decode(p, n, &bad)) < 0)
		return malformed(x, bad, "undefined entity", why, len);
	if (x->depth == 0) {
		for (long i = 0; i < dl; i++)
			if (!is_space(p[i]))
				return malformed(x, p + i, x->seen_root ? "junk after document element"
				                                         : "not well-formed (invalid token)",
				                 why, len);
	} else {
		x->text(x->ud, p, (int)dl);
	}
	x->pos += n;
	return DONE;
}

int xml_scan_run(xml_scan *x, char *why, size_t len)
{
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
		if (rc < 0)
			return rc;
		if (x->halt(x->ud))
			return 1;
	}
}
