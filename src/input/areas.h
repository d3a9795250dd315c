/*
 * areas.h - Kemendagri region codes (PP, PP.KK, PP.KK.CC, PP.KK.CC.DDDD),
 * and "all" for the whole country (Indonesia: every province).
 *
 * The code table ships with pk2d (data/kode-wilayah.csv, with its provenance
 * note) and is loaded once. Codes are validated by form everywhere; a code of
 * the right form that is not in the table is still accepted for data (the
 * table lags new villages), and shown without a name.
 */
#ifndef PK2D_AREAS_H
#define PK2D_AREAS_H

#include <stddef.h>

/* Room for any code with its NUL ("63.02.09.2007"). */
#define AREAS_CODE_MAX 16

/* The code of the whole country: the root above every province. */
#define AREA_ALL "all"

enum area_level {
	AREA_INVALID = -1,
	AREA_NATIONAL = 0,   /* all */
	AREA_PROVINCE = 1,   /* 63 */
	AREA_REGENCY = 2,    /* 63.02  (kabupaten/kota) */
	AREA_DISTRICT = 3,   /* 63.02.09 (kecamatan) */
	AREA_VILLAGE = 4     /* 63.02.09.2007 (desa/kelurahan) */
};

typedef struct areas areas;

/* Level of a code by its form alone ("all" is AREA_NATIONAL); AREA_INVALID
 * when malformed. */
int area_level(const char *code);
/* Writes the code of the ancestor at level (<= the code's level) into out
 * (AREA_NATIONAL: "all"); returns 0, or -1 if code is malformed or level is
 * deeper. */
int area_ancestor(const char *code, int level, char *out, size_t outlen);
/* Non-zero if code equals prefix or lies under it ("63.02.09.2007" under
 * "63.02"); the empty prefix and "all" contain every code. */
int area_within(const char *code, const char *prefix);

/* Loads the code table (kode,nama,tingkat; any order, any separator). NULL
 * with err set on failure as "path:line: why" (a malformed code, a tingkat
 * that does not match the code's form, an empty name, a duplicate code) or
 * "path: why" (cannot open, no header). */
areas *areas_load(const char *path, char *err, size_t errlen);
void areas_free(areas *a);
/* Official name ("Indonesia" for "all"), or NULL when the code is not in the
 * table. */
const char *areas_name(const areas *a, const char *code);
/* Number of villages in the table under prefix (for coverage messages);
 * NULL, "" or "all" counts every village, a malformed prefix none. */
size_t areas_count_villages(const areas *a, const char *prefix);
/* "Did you mean" for a code the table lacks: the codes of its level nearest
 * to it (suggest.h), at most max, nearest first, into out; among its
 * parent's children when the table has the parent, else among every code of
 * the level. Returns how many. */
size_t areas_suggest(const areas *a, const char *code, char (*out)[AREAS_CODE_MAX], size_t max);
/* Calls fn with the code and name of every area of the table one level
 * below parent ("all": the provinces), in code order. */
void areas_each_child(const areas *a, const char *parent,
                      void (*fn)(void *ud, const char *code, const char *name), void *ud);

/* Loads other names of the table's areas (alias,kode,sumber: a province's
 * short or old name, data/wilayah/alias-provinsi.csv) into a: 0, or -1 with
 * err set as "path:line: why" (an empty alias or source, a code the table
 * lacks) or "path: why". An alias only names a code: the table's name stays
 * the one shown. */
int areas_load_aliases(areas *a, const char *path, char *err, size_t errlen);
/* Calls fn with the code and the alias of every alias of an area one level
 * below parent ("all": the provinces), in the file's order. */
void areas_each_alias(const areas *a, const char *parent,
                      void (*fn)(void *ud, const char *code, const char *alias), void *ud);

#endif
