/*
 * area_names.c - areas given by name, found in the region table
 * (area_names.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "area_names.h"
#include "suggest.h"

/* Room for a folded name; longer names are cut (no area's name is near). */
#define KEY_MAX 96

/* The regency's kind its prefix says. */
enum { KIND_ANY, KIND_KABUPATEN, KIND_KOTA };

/* The header spellings of each level's name column, the usual one first;
 * compared folded (same_folded), so "Nama_Desa" is "Nama Desa". */
static const char *const headers[AREA_NAME_LEVELS][8] = {
	{ "Prov", "Provinsi", "Propinsi", "Nama Provinsi", "Nama Prov", NULL },
	{ "Kab/Kota", "Kabupaten/Kota", "Kab_Kota", "Kabupaten_Kota", "Kabupaten", "Kota",
	  "Nama Kabupaten", "Nama Kab/Kota" },
	{ "Kec", "Kecamatan", "Nama Kecamatan", "Nama Kec", "Distrik", NULL },
	{ "Desa/Kel", "Desa/Kelurahan", "Desa_Kelurahan", "Kel/Desa", "Desa", "Kelurahan",
	  "Nama Desa", "Nama Desa/Kel" },
};

/* The prefixes a name of each level may carry, and the kind each says. */
struct prefix {
	const char *word;
	int kind;
};
static const struct prefix prefixes[AREA_NAME_LEVELS][5] = {
	{ { "provinsi", 0 }, { "propinsi", 0 }, { "prov", 0 }, { NULL, 0 } },
	{ { "kabupaten", KIND_KABUPATEN }, { "kab", KIND_KABUPATEN }, { "kota", KIND_KOTA },
	  { NULL, 0 } },
	{ { "kecamatan", 0 }, { "kec", 0 }, { "distrik", 0 }, { NULL, 0 } },
	{ { "desa", 0 }, { "ds", 0 }, { "kelurahan", 0 }, { "kel", 0 }, { NULL, 0 } },
};

/* The abbreviations written for a word of a name, as a whole word ("Kep.",
 * "D.K.I.", "DI"), and the level they are read at (0: every level). */
static const struct {
	const char *word, *full;
	int level;
} abbrevs[] = {
	{ "kep", "kepulauan", 0 },
	{ "dki", "daerahkhususibukota", AREA_PROVINCE },
	{ "di", "daerahistimewa", AREA_PROVINCE },
};

/* The old spelling (before 1972) and the new one, in the folded text. */
static const char *const respell[][2] = {
	{ "oe", "u" }, { "dj", "j" }, { "tj", "c" }, { "sj", "sy" }, { "ch", "kh" },
};

static const char *const level_words[AREA_NAME_LEVELS] = {
	"province", "kabupaten/kota", "kecamatan", "desa/kelurahan"
};

const char *area_name_header(int level)
{
	return level >= AREA_PROVINCE && level <= AREA_VILLAGE ? headers[level - 1][0] : "";
}

int area_name_header_is(const char *header, int level)
{
	if (level < AREA_PROVINCE || level > AREA_VILLAGE)
		return 0;
	for (size_t i = 0; i < 8 && headers[level - 1][i]; i++)
		if (same_folded(header, headers[level - 1][i]))
			return 1;
	return 0;
}

static int is_alnum(unsigned char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
}

static unsigned char lower(unsigned char ch)
{
	return ch >= 'A' && ch <= 'Z' ? (unsigned char)(ch - 'A' + 'a') : ch;
}

/* Skips the word w (folded) at the front of s when a blank or '.' ends it
 * and a name follows; returns where the name starts, or s. */
static const char *skip_word(const char *s, const char *w)
{
	size_t n = strlen(w);
	const char *p = s + n;

	if (strncasecmp(s, w, n) != 0 || (*p != ' ' && *p != '.'))
		return s;
	while (*p == ' ' || *p == '.')
		p++;
	return *p ? p : s;
}

/* Folds the word at s (its letters and digits; an acronym of single letters
 * each with its '.', "D.K.I.", is one word) onto tmp at *n, an abbreviation
 * of level written out; returns where the next word starts. */
static const char *fold_word(const char *s, int level, char tmp[KEY_MAX], size_t *n)
{
	char word[KEY_MAX];
	size_t w = 0;

	while (*s && !is_alnum(lower((unsigned char)*s)))
		s++;
	/* "D.K.I.", "D.K.I": the single letters each before its '.' */
	while (is_alnum(lower((unsigned char)s[0])) && s[1] == '.' && w < KEY_MAX - 2) {
		word[w++] = (char)lower((unsigned char)*s);
		s += 2;
	}
	if (w && is_alnum(lower((unsigned char)s[0])) && !is_alnum(lower((unsigned char)s[1])))
		word[w++] = (char)lower((unsigned char)*s++);
	if (!w) {
		while (is_alnum(lower((unsigned char)*s)) && w < KEY_MAX - 1)
			word[w++] = (char)lower((unsigned char)*s++);
		while (is_alnum(lower((unsigned char)*s)))
			s++;
	}
	word[w] = '\0';
	for (size_t i = 0; i < sizeof abbrevs / sizeof *abbrevs; i++)
		if ((!abbrevs[i].level || abbrevs[i].level == level) && !strcmp(word, abbrevs[i].word)) {
			snprintf(word, sizeof word, "%s", abbrevs[i].full);
			w = strlen(word);
			break;
		}
	for (size_t i = 0; i < w && *n < KEY_MAX - 1; i++)
		tmp[(*n)++] = word[i];
	return s;
}

/* The folded key of a name of level: with strip, its prefixes dropped and
 * *kind set to what they said. */
static void fold(const char *name, int level, int strip, char key[KEY_MAX], int *kind)
{
	const char *s = name;
	char tmp[KEY_MAX];
	size_t n = 0;

	*kind = KIND_ANY;
	while (*s == ' ')
		s++;
	for (size_t i = 0; strip && i < 5 && prefixes[level - 1][i].word; i++) {
		const char *p = skip_word(s, prefixes[level - 1][i].word);

		if (p != s) {
			*kind = prefixes[level - 1][i].kind;
			s = p;
			/* "Kota Administrasi Jakarta Pusat", "Kab. Adm. Kep. Seribu" */
			if (level == AREA_REGENCY)
				s = skip_word(skip_word(s, "administrasi"), "adm");
			break;
		}
	}
	while (*s)
		s = fold_word(s, level, tmp, &n);
	tmp[n] = '\0';
	n = 0;
	for (const char *p = tmp; *p;) {
		size_t k;

		for (k = 0; k < sizeof respell / sizeof *respell; k++)
			if (p[0] == respell[k][0][0] && p[1] == respell[k][0][1])
				break;
		if (k < sizeof respell / sizeof *respell) {
			for (const char *r = respell[k][1]; *r; r++)
				key[n++] = *r;
			p += 2;
		} else {
			key[n++] = *p++;
		}
	}
	key[n] = '\0';
}

/* Whether the name folded as key (its kind, and its unstripped key whole)
 * is the table's name folded as tkey and tkind: the same name, of the kind
 * its prefix says; or the whole name without its prefix taken off
 * ("Kota Baru" for "Kabupaten Kotabaru"). */
static int same_name(const char *key, int kind, const char *whole, const char *tkey, int tkind)
{
	if (!strcmp(key, tkey) && (kind == KIND_ANY || kind == tkind))
		return 1;
	return !strcmp(whole, tkey);
}

int area_name_matches(const areas *a, const char *code, const char *name)
{
	int level = area_level(code), kind, tkind;
	const char *official = areas_name(a, code);
	char key[KEY_MAX], whole[KEY_MAX], tkey[KEY_MAX];

	if (!official || level < AREA_PROVINCE)
		return 1;
	fold(name, level, 1, key, &kind);
	fold(name, level, 0, whole, &tkind);
	fold(official, level, 1, tkey, &tkind);
	return same_name(key, kind, whole, tkey, tkind);
}

/* One child of the parent a name is looked up under. */
struct child {
	char code[AREAS_CODE_MAX];
	const char *name;
	char key[KEY_MAX];
	int kind;
};

struct children {
	const areas *table;
	struct child *v;
	size_t n, cap;
	int level;
	int nomem;
};

static void add_child(void *ud, const char *code, const char *name)
{
	struct children *c = ud;

	if (c->n == c->cap) {
		size_t cap = c->cap ? 2 * c->cap : 64;
		struct child *v = realloc(c->v, cap * sizeof *v);

		if (!v) {
			c->nomem = 1;
			return;
		}
		c->v = v;
		c->cap = cap;
	}
	snprintf(c->v[c->n].code, sizeof c->v[c->n].code, "%s", code);
	c->v[c->n].name = name;
	fold(name, c->level, 1, c->v[c->n].key, &c->v[c->n].kind);
	c->n++;
}

/* An alias of a child: its key is the alias's, its name the table's. */
static void add_alias(void *ud, const char *code, const char *alias)
{
	struct children *c = ud;
	size_t n = c->n;

	add_child(ud, code, alias);
	if (c->n > n)
		c->v[n].name = areas_name(c->table, code);
}

/* "Kabupaten Kotabaru (63.02)", or "Indonesia" for "all". */
static void where(const areas *a, const char *code, char *buf, size_t len)
{
	const char *name = areas_name(a, code);

	if (!strcmp(code, AREA_ALL))
		snprintf(buf, len, "%s", name);
	else
		snprintf(buf, len, "%s (%s)", name ? name : "?", code);
}

/* Whether child i's area is one of the n children at list's. */
static int listed(const struct children *c, const size_t *list, size_t n, size_t i)
{
	for (size_t k = 0; k < n; k++)
		if (!strcmp(c->v[list[k]].code, c->v[i].code))
			return 1;
	return 0;
}

/* Appends the 3 areas whose names (or aliases) are nearest key to why ("; did
 * you mean ...?"), each once. */
static void add_suggestions(const struct children *c, const char *key, char *why, size_t len)
{
	const char **keys = malloc((c->n ? c->n : 1) * sizeof *keys);
	size_t *best = malloc((c->n ? c->n : 1) * sizeof *best);
	size_t found, shown[3], n_shown = 0, at = strlen(why);

	if (keys && best) {
		for (size_t i = 0; i < c->n; i++)
			keys[i] = c->v[i].key;
		found = suggest_nearest(key, keys, c->n, best, c->n);
		for (size_t k = 0; k < found && n_shown < 3; k++)
			if (!listed(c, shown, n_shown, best[k]))
				shown[n_shown++] = best[k];
	}
	for (size_t k = 0; k < n_shown && at < len; k++)
		at += (size_t)snprintf(why + at, len - at, "%s%s (%s)",
		                       k ? ", " : "; did you mean ", c->v[shown[k]].name,
		                       c->v[shown[k]].code);
	if (n_shown && at < len)
		snprintf(why + at, len - at, "?");
	free(keys);
	free(best);
}

int area_name_find(const areas *a, const char *parent, const char *name,
                   char code[AREAS_CODE_MAX], char *why, size_t len)
{
	struct children c = { .table = a, .level = area_level(parent) + 1 };
	char key[KEY_MAX], whole[KEY_MAX], in[160];
	size_t match[4], n_match = 0;
	int kind, unused;

	if (c.level < AREA_PROVINCE || c.level > AREA_VILLAGE) {
		snprintf(why, len, "unknown area name: nothing is below %s", parent);
		return -1;
	}
	areas_each_child(a, parent, add_child, &c);
	areas_each_alias(a, parent, add_alias, &c);
	if (c.nomem) {
		free(c.v);
		snprintf(why, len, "out of memory");
		return -1;
	}
	fold(name, c.level, 1, key, &kind);
	fold(name, c.level, 0, whole, &unused);
	for (size_t i = 0; i < c.n; i++)
		if (same_name(key, kind, whole, c.v[i].key, c.v[i].kind) && n_match < 4 &&
		    !listed(&c, match, n_match, i))
			match[n_match++] = i;
	if (n_match == 1)
		snprintf(code, AREAS_CODE_MAX, "%s", c.v[match[0]].code);
	where(a, parent, in, sizeof in);
	if (n_match == 0) {
		snprintf(why, len, "unknown area name: %s '%s' is not in %s", level_words[c.level - 1],
		         name, in);
		add_suggestions(&c, key, why, len);
	} else if (n_match > 1) {
		size_t at = (size_t)snprintf(why, len, "ambiguous area name: %s '%s' in %s is",
		                             level_words[c.level - 1], name, in);

		for (size_t k = 0; k < n_match && at < len; k++)
			at += (size_t)snprintf(why + at, len - at, "%s %s (%s)", k ? " or" : "",
			                       c.v[match[k]].name, c.v[match[k]].code);
		if (at < len)
			snprintf(why + at, len - at, c.level == AREA_REGENCY
			         ? "; write Kabupaten or Kota before the name"
			         : "; write the name as the region table does");
	}
	free(c.v);
	return n_match == 1 ? 0 : -1;
}
