/*
 * area_names.h - areas given by name, as the agencies' exports give them
 * (Prov, Kab/Kota, Kec, Desa/Kel), found in the region table (areas.h).
 *
 * Names are compared folded: ASCII case, blanks and punctuation ignored,
 * the official prefixes dropped ("Provinsi", "Kabupaten"/"Kab.", "Kota",
 * "Kecamatan"/"Kec.", "Desa"/"Ds.", "Kelurahan"/"Kel."), the abbreviations
 * written out ("Kep." Kepulauan; in a province's name "DKI"/"D.K.I." Daerah
 * Khusus Ibukota, "DI"/"D.I." Daerah Istimewa), and the old spelling read
 * as the new one (oe u, dj j, tj c, sj sy, ch kh). An alias of the table
 * (areas_load_aliases: "DIY", "Kalsel") is a name of its area too. "Kota" or
 * "Kabupaten" before a regency's name picks one of the two of that name;
 * without either, a name two of them carry is ambiguous. A name is looked
 * up among the children of the area above it, so the names of a file are a
 * chain of columns down to the deepest one, starting under an area known
 * from elsewhere (the run's area, or a code the row has).
 */
#ifndef PK2D_AREA_NAMES_H
#define PK2D_AREA_NAMES_H

#include <stddef.h>

#include "areas.h"

/* The levels a file may name: province (1) to village (4). */
#define AREA_NAME_LEVELS 4

/* The usual header of the names of level (AREA_PROVINCE..AREA_VILLAGE):
 * "Prov", "Kab/Kota", "Kec", "Desa/Kel". */
const char *area_name_header(int level);
/* Whether header is one of the spellings of the name column of level
 * ("Desa/Kel", "Desa/Kelurahan", "Nama Desa", "desa_kelurahan", ...). */
int area_name_header_is(const char *header, int level);

/* Finds the code whose name is name among the children of parent (a code
 * of the table, or "all" for the provinces): 0 with code set; -1 with why
 * set to the reason, "kind: detail", the kind "unknown area name" (with
 * the 3 nearest areas however far, suggest_nearest) or "ambiguous area name" (with the areas
 * of that name). */
int area_name_find(const areas *a, const char *parent, const char *name,
                   char code[AREAS_CODE_MAX], char *why, size_t len);

/* Whether name is a way of writing the table's name of code (non-zero),
 * or the code is not in the table (nothing to compare: non-zero). */
int area_name_matches(const areas *a, const char *code, const char *name);

#endif
