/*
 * redact.c - masks identifiers in row reasons (redact.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "redact.h"

#define ELLIPSIS "\xe2\x80\xa6"
/* The shortest digit run masked (redact.h). */
#define REDACT_MIN_DIGITS 9

static int is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* ASCII letters and every byte of a multi-byte UTF-8 character (names are
 * written in Latin letters, with or without accents). */
static int is_letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

char *redact_reason(const char *text)
{
	size_t n = strlen(text), w = 0;
	/* A masked run is never longer than what it replaces plus the
	 * ellipsis' two extra bytes, once per two bytes at worst. */
	char *out = malloc(2 * n + 1);
	int quoted = 0, changed = 0;

	if (!out)
		return NULL;
	for (size_t i = 0; i < n;) {
		const unsigned char *s = (const unsigned char *)text;
		size_t j = i;
		if (is_digit(s[i])) {
			while (j < n && is_digit(s[j]))
				j++;
			size_t len = j - i, keep = len >= 12 ? 4 : 2;
			if (len >= REDACT_MIN_DIGITS) {
				memcpy(out + w, text + i, keep);
				w += keep;
				memcpy(out + w, ELLIPSIS, 3);
				w += 3;
				memcpy(out + w, text + j - keep, keep);
				w += keep;
				changed = 1;
			} else {
				memcpy(out + w, text + i, len);
				w += len;
			}
			i = j;
		} else if (quoted && is_letter(s[i])) {
			size_t letters = 0, first;
			while (j < n && is_letter(s[j])) {
				/* Count characters, not bytes. */
				if ((s[j] & 0xC0) != 0x80)
					letters++;
				j++;
			}
			if (letters >= 3) {
				first = 1;
				while (i + first < j && (s[i + first] & 0xC0) == 0x80)
					first++;
				memcpy(out + w, text + i, first);
				w += first;
				memcpy(out + w, ELLIPSIS, 3);
				w += 3;
				changed = 1;
			} else {
				memcpy(out + w, text + i, j - i);
				w += j - i;
			}
			i = j;
		} else {
			if (s[i] == '\'')
				quoted = !quoted;
			out[w++] = text[i++];
		}
	}
	out[w] = '\0';
	if (!changed) {
		free(out);
		return NULL;
	}
	return out;
}
