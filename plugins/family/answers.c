/*
 * answers.c - reading the cells of the family survey (answers.h).
 */
#include <config.h>

#include <string.h>
#include <strings.h>

#include "answers.h"

int family_answer(const char *s)
{
	/* "1" and "0" are nearly every cell of a survey: decided on two bytes
	 * before any string comparison. */
	if (s[0] == '1' && !s[1])
		return FAMILY_MEETS;
	if (s[0] == '0' && !s[1])
		return FAMILY_FAILS;
	if (!*s || strcmp(s, "-") == 0 || strcasecmp(s, "NA") == 0 || strcasecmp(s, "N/A") == 0)
		return FAMILY_NA;
	return FAMILY_BAD;
}

int family_yes_no(const char *s)
{
	if (!*s || strcmp(s, "0") == 0 || strcasecmp(s, "tidak") == 0 || strcasecmp(s, "n") == 0)
		return 0;
	if (strcmp(s, "1") == 0 || strcasecmp(s, "ya") == 0 || strcasecmp(s, "y") == 0)
		return 1;
	return -1;
}

static int in_list(const char *s, const char *const *list)
{
	for (; *list; list++)
		if (strcasecmp(s, *list) == 0)
			return 1;
	return 0;
}

int family_method(const char *s)
{
	static const char *const modern[] = {
		"MOW", "MOP", "IUD", "implan", "implant", "suntik", "pil", "kondom", "MAL", NULL
	};
	static const char *const traditional[] = {
		"tradisional", "pantang berkala", "senggama terputus", NULL
	};

	if (!*s || strcasecmp(s, "tidak") == 0)
		return FAMILY_METHOD_NONE;
	if (in_list(s, modern))
		return FAMILY_METHOD_MODERN;
	if (in_list(s, traditional))
		return FAMILY_METHOD_TRADITIONAL;
	return FAMILY_METHOD_BAD;
}

int family_wish(const char *s)
{
	if (!*s)
		return FAMILY_WISH_UNKNOWN;
	if (strcasecmp(s, "segera") == 0)
		return FAMILY_WISH_SOON;
	if (strcasecmp(s, "tunda") == 0)
		return FAMILY_WISH_LATER;
	if (strcasecmp(s, "tidak") == 0)
		return FAMILY_WISH_NO_MORE;
	if (strcasecmp(s, "hamil") == 0)
		return FAMILY_WISH_PREGNANT;
	return FAMILY_WISH_BAD;
}

int family_rt(const char *s)
{
	long v = 0;
	int digits = 0;

	if (!*s)
		return 0;
	if (strncasecmp(s, "RT", 2) == 0) {
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
