/*
 * utf8.h - the one check every text from input passes where it enters (CSV
 * cells, INI values, region names, what plugins log and note), so that every
 * report is valid UTF-8 and valid XML text whatever bytes came in.
 *
 * Clean text is valid UTF-8 (shortest forms, no surrogates, at most
 * U+10FFFF) without the characters XML 1.0 forbids: C0 control characters
 * other than tab, line feed and carriage return, U+FFFE and U+FFFF.
 *
 * Text that is not clean is repaired, never refused: each byte that does
 * not start a valid UTF-8 sequence is read as Windows-1252 (what Excel
 * writes on Indonesian machines: 0xE9 is 'é', 0x80 '€'; its five undefined
 * bytes become U+FFFD), and each forbidden character becomes U+FFFD. Valid
 * UTF-8 around them is kept as it is.
 */
#ifndef PK2D_UTF8_H
#define PK2D_UTF8_H

#include <stddef.h>

/* What utf8_clean repaired, as bits. */
enum {
	UTF8_FIXED_ENCODING = 1, /* bytes read as Windows-1252 */
	UTF8_FIXED_CONTROL = 2   /* forbidden characters replaced by U+FFFD */
};

/* The most bytes utf8_clean writes for n bytes of input (plus the NUL). */
#define UTF8_CLEAN_MAX(n) (3 * (n) + 1)

/* Non-zero when the n bytes at s are clean text. */
int utf8_is_clean(const char *s, size_t n);

/* Writes the repaired form of the n bytes at s to out (room for
 * UTF8_CLEAN_MAX(n) bytes), NUL-terminated. Returns its length; *fixed gets
 * the UTF8_FIXED_* bits of what was repaired (0: out equals s). */
size_t utf8_clean(const char *s, size_t n, char *out, int *fixed);

/* s repaired when it is not clean, as a malloc'd string (NULL: s is clean).
 * *fixed as utf8_clean. */
char *utf8_clean_dup(const char *s, int *fixed);
/* The length of the longest start of the n bytes at s that is at most max
 * bytes and ends on a character boundary (s is valid UTF-8). */
size_t utf8_cut(const char *s, size_t n, size_t max);

#endif
