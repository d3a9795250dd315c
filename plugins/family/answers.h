/*
 * answers.h - how the family survey's cells are read: indicator answers, RT,
 * area codes, KB fields. Pure functions on strings, shared by the plugin and
 * its unit test.
 */
#ifndef FAMILY_ANSWERS_H
#define FAMILY_ANSWERS_H

/* An indicator answer. */
enum family_answer {
	FAMILY_NA = 0,         /* blank, NA, - : not applicable */
	FAMILY_MEETS = 1,      /* 1 */
	FAMILY_FAILS = 2,      /* 0 */
	FAMILY_BAD = -1        /* anything else: an impossible answer */
};

/* Contraceptive method of a PUS. */
enum family_method {
	FAMILY_METHOD_NONE = 0,        /* empty or "tidak" */
	FAMILY_METHOD_MODERN = 1,      /* MOW MOP IUD implan suntik pil kondom MAL */
	FAMILY_METHOD_TRADITIONAL = 2, /* tradisional, pantang berkala, senggama terputus */
	FAMILY_METHOD_BAD = -1
};

/* Wish for (more) children. */
enum family_wish {
	FAMILY_WISH_UNKNOWN = 0,       /* empty */
	FAMILY_WISH_SOON = 1,          /* segera: a child within 2 years */
	FAMILY_WISH_LATER = 2,         /* tunda */
	FAMILY_WISH_NO_MORE = 3,       /* tidak */
	FAMILY_WISH_PREGNANT = 4,      /* hamil */
	FAMILY_WISH_BAD = -1
};

/* The answer of a cell: "1", "0", or not applicable for blank, "-", "NA"
 * or "N/A" (any case); FAMILY_BAD otherwise. Decided on the first bytes, in
 * the header so that the row loop inlines it: it runs once per indicator
 * cell. */
static inline int family_answer(const char *s)
{
	switch (s[0]) {
	case '1':
		return s[1] ? FAMILY_BAD : FAMILY_MEETS;
	case '0':
		return s[1] ? FAMILY_BAD : FAMILY_FAILS;
	case '\0':
		return FAMILY_NA;
	case '-':
		return s[1] ? FAMILY_BAD : FAMILY_NA;
	case 'N':
	case 'n':
		if ((s[1] == 'A' || s[1] == 'a') && !s[2])
			return FAMILY_NA;
		if (s[1] == '/' && (s[2] == 'A' || s[2] == 'a') && !s[3])
			return FAMILY_NA;
		return FAMILY_BAD;
	default:
		return FAMILY_BAD;
	}
}
/* yes/no: 1/0, ya/tidak, y/n (any case); blank is no. 1, 0, or -1. */
int family_yes_no(const char *s);
int family_method(const char *s);
int family_wish(const char *s);
/* RT "3", "003", "RT 03", "rt.3" -> 3 (1..9999); "" -> 0; -1 otherwise. */
int family_rt(const char *s);
/* Non-zero when s is a village code PP.KK.CC.DDDD (digits). */
int family_is_village(const char *s);
/* Non-zero when s has the form of any Kemendagri code (PP, PP.KK, PP.KK.CC,
 * PP.KK.CC.DDDD). */
int family_is_area_code(const char *s);
/* Non-zero when code equals prefix or lies under it; "all" contains every
 * code. */
int family_within(const char *code, const char *prefix);
/* A whole number of members 0..99: 0 and *out, -1 otherwise. */
int family_members(const char *s, int *out);

#endif
