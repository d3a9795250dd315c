/*
 * utf8.c - the input text check: valid UTF-8 kept, other bytes read as
 * Windows-1252, characters XML forbids replaced (utf8.h).
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "util.h"

#define REPLACEMENT 0xFFFDu

/* Windows-1252 0x80..0x9F; 0 marks its five undefined bytes. Every other
 * byte above 0x7F is the Latin-1 character of the same number. */
static const uint16_t cp1252_high[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/* Length (2..4) of the valid UTF-8 sequence at s, with *cp its character,
 * or 0 when the bytes there are not one. s[0] is above 0x7F. */
static size_t sequence(const unsigned char *s, size_t n, uint32_t *cp)
{
	unsigned char b = s[0];
	size_t len;
	uint32_t c, min;

	if (b >= 0xC2 && b <= 0xDF) {
		len = 2, c = b & 0x1Fu, min = 0x80;
	} else if (b >= 0xE0 && b <= 0xEF) {
		len = 3, c = b & 0x0Fu, min = 0x800;
	} else if (b >= 0xF0 && b <= 0xF4) {
		len = 4, c = b & 0x07u, min = 0x10000;
	} else {
		return 0; /* a continuation byte, an overlong lead, or above U+10FFFF */
	}
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3Fu);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

/* Whether XML 1.0 forbids the character c (a valid code point). */
static int forbidden(uint32_t c)
{
	return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF;
}

static size_t put_char(char *out, uint32_t c)
{
	unsigned char *o = (unsigned char *)out;

	if (c < 0x80) {
		o[0] = (unsigned char)c;
		return 1;
	}
	if (c < 0x800) {
		o[0] = (unsigned char)(0xC0 | c >> 6);
		o[1] = (unsigned char)(0x80 | (c & 0x3F));
		return 2;
	}
	o[0] = (unsigned char)(0xE0 | c >> 12);
	o[1] = (unsigned char)(0x80 | (c >> 6 & 0x3F));
	o[2] = (unsigned char)(0x80 | (c & 0x3F));
	return 3;
}

int utf8_is_clean(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;

	for (size_t i = 0; i < n;) {
		uint32_t c;
		size_t len;
		if (s[i] >= 0x20 && s[i] < 0x80) {
			i++;
			continue;
		}
		if (s[i] < 0x80) {
			if (forbidden(s[i]))
				return 0;
			i++;
			continue;
		}
		if (!(len = sequence(s + i, n - i, &c)) || forbidden(c))
			return 0;
		i += len;
	}
	return 1;
}

size_t utf8_clean(const char *str, size_t n, char *out, int *fixed)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t w = 0;

	*fixed = 0;
	for (size_t i = 0; i < n;) {
		uint32_t c;
		size_t len;
		if (s[i] < 0x80) {
			if (forbidden(s[i])) {
				w += put_char(out + w, REPLACEMENT);
				*fixed |= UTF8_FIXED_CONTROL;
			} else {
				out[w++] = (char)s[i];
			}
			i++;
		} else if ((len = sequence(s + i, n - i, &c))) {
			if (forbidden(c)) {
				w += put_char(out + w, REPLACEMENT);
				*fixed |= UTF8_FIXED_CONTROL;
			} else {
				memcpy(out + w, s + i, len);
				w += len;
			}
			i += len;
		} else {
			c = s[i] >= 0xA0 ? s[i] : cp1252_high[s[i] - 0x80];
			w += put_char(out + w, c ? c : REPLACEMENT);
			*fixed |= UTF8_FIXED_ENCODING;
			i++;
		}
	}
	out[w] = '\0';
	return w;
}

char *utf8_clean_dup(const char *s, int *fixed)
{
	size_t n = strlen(s);
	char *out;

	*fixed = 0;
	if (utf8_is_clean(s, n))
		return NULL;
	out = xmalloc(UTF8_CLEAN_MAX(n));
	utf8_clean(s, n, out, fixed);
	return out;
}

size_t utf8_cut(const char *s, size_t n, size_t max)
{
	if (n <= max)
		return n;
	while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	return max;
}
