/*
 * answers.c - reading the cells of the family survey (answers.h).
 */
#include <config.h>

#include <string.h>

#include "answers.h"

/* ASCII lower case: the C locale's folding, which strcasecmp used. */
static int fold(unsigned char ch)
{
	return ch >= 'A' && ch <= 'Z' ? ch + ('a' - 'A') : ch;
}

/* Whether s equals word (lower case) ignoring ASCII case. */
static int fold_eq(const char *s, const char *word)
{
	for (; *word; s++, word++)
		if (fold((unsigned char)*s) != (unsigned char)*word)
			return 0;
	return *s == '\0';
}

/* Whether s equals one of the words (lower case) ignoring case. The first
 * letter rules out nearly every word before a whole comparison. */
static int in_list(const char *s, const char *const *list)
{
	int first = fold((unsigned char)*s);

	for (; *list; list++)
		if ((unsigned char)(*list)[0] == first && fold_eq(s, *list))
			return 1;
	return 0;
}

int family_yes_no(const char *s)
{
	static const char *const no[] = { "0", "tidak", "n", NULL };
	static const char *const yes[] = { "1", "ya", "y", NULL };

	if (!*s || in_list(s, no))
		return 0;
	if (in_list(s, yes))
		return 1;
	return -1;
}

/* Decided on the first letter, then the words that start with it. */
int family_method(const char *s)
{
	static const char *const m_words[] = { "mow", "mop", "mal", NULL };
	static const char *const i_words[] = { "iud", "implan", "implant", NULL };

	switch (fold((unsigned char)*s)) {
	case '\0':
		return FAMILY_METHOD_NONE;
	case 't':
		if (fold_eq(s, "tidak"))
			return FAMILY_METHOD_NONE;
		if (fold_eq(s, "tradisional"))
			return FAMILY_METHOD_TRADITIONAL;
		break;
	case 's':
		if (fold_eq(s, "suntik"))
			return FAMILY_METHOD_MODERN;
		if (fold_eq(s, "senggama terputus"))
			return FAMILY_METHOD_TRADITIONAL;
		break;
	case 'p':
		if (fold_eq(s, "pil"))
			return FAMILY_METHOD_MODERN;
		if (fold_eq(s, "pantang berkala"))
			return FAMILY_METHOD_TRADITIONAL;
		break;
	case 'm':
		if (in_list(s, m_words))
			return FAMILY_METHOD_MODERN;
		break;
	case 'i':
		if (in_list(s, i_words))
			return FAMILY_METHOD_MODERN;
		break;
	case 'k':
		if (fold_eq(s, "kondom"))
			return FAMILY_METHOD_MODERN;
		break;
	}
	return FAMILY_METHOD_BAD;
}

int family_wish(const char *s)
{
	switch (fold((unsigned char)*s)) {
	case '\0':
		return FAMILY_WISH_UNKNOWN;
	case 's':
		if (fold_eq(s, "segera"))
			return FAMILY_WISH_SOON;
		break;
	case 't':
		if (fold_eq(s, "tunda"))
			return FAMILY_WISH_LATER;
		if (fold_eq(s, "tidak"))
			return FAMILY_WISH_NO_MORE;
		break;
	case 'h':
		if (fold_eq(s, "hamil"))
			return FAMILY_WISH_PREGNANT;
		break;
	}
	return FAMILY_WISH_BAD;
}

int family_rt(const char *s)
{
	long v = 0;
	int digits = 0;

	if (!*s)
		return 0;
	if (fold((unsigned char)s[0]) == 'r' && fold((unsigned char)s[1]) == 't') {
		s += 2;
		while (*s == ' ' || *s == '.' || *s == ':')
			s++;
	}
	for (; *s >= '0' && *s <= '9'; s++) {
		v = v * 10 + (*s - '0');
		if (++digits > 6)
			return -1;
	}
	if (*s || digits == 0 || v < 1 || v > 9999)
		return -1;
	return (int)v;
}

/* Digits of each part of a code: PP . KK . CC . DDDD */
static const int part_len[] = { 2, 2, 2, 4 };

static int code_parts(const char *s)
{
	int parts = 0;

	for (;;) {
		for (int i = 0; i < part_len[parts]; i++, s++)
			if (*s < '0' || *s > '9')
				return 0;
		parts++;
		if (!*s)
			return parts;
		if (*s != '.' || parts == 4)
			return 0;
		s++;
	}
}

int family_is_village(const char *s)
{
	return code_parts(s) == 4;
}

int family_is_area_code(const char *s)
{
	return code_parts(s) > 0;
}

int family_within(const char *code, const char *prefix)
{
	size_t n = strlen(prefix);

	if (strcmp(prefix, "all") == 0)
		return 1;
	return strncmp(code, prefix, n) == 0 && (code[n] == '\0' || code[n] == '.');
}

int family_members(const char *s, int *out)
{
	int v = 0;

	if (!*s)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || v > 9)
			return -1;
		v = v * 10 + (*s - '0');
	}
	*out = v;
	return 0;
}
