/*
 * lokus.h - the desa lokus: which villages each regency follows, per year,
 * and the stage of each year (awal, pembinaan, evaluasi), from the file
 * [pk2d] lokus names (docs/config.md, "Desa lokus"):
 *
 *   [63.02]                          ; a regency (kabupaten/kota)
 *   2023 = 63.02.09.2007, 63.02.09.2008
 *   stage.2023 = awal
 *   2024 = 63.02.09.2007, 63.02.09.2008, 63.02.10.2001
 *   stage.2024 = pembinaan
 */
#ifndef PK2D_LOKUS_H
#define PK2D_LOKUS_H

#include <stddef.h>
#include "areas.h"
#include "log.h"

typedef struct lokus_year {
	int year;
	char *stage;            /* "awal", "pembinaan", "evaluasi"; NULL when not named */
	size_t n;
	char **villages;        /* village codes, as listed */
	int line;               /* the line that lists them; 0 for none */
} lokus_year;

typedef struct lokus_regency {
	char *code;             /* "63.02" */
	size_t n_years;
	lokus_year *years;      /* in file order */
} lokus_regency;

typedef struct lokus {
	size_t n;
	lokus_regency *regencies; /* in file order */
} lokus;

/* Reads the lokus file. 0 and *out set; PK2D_ERR_IO when it cannot be
 * read, PK2D_ERR_CONFIG when it has errors (each added to errs as
 * "file:line: what is wrong", a village not in the region table a (when
 * not NULL) or not of its regency with the regency's nearest villages). */
int lokus_load(const char *path, const areas *a, lokus **out, msglist *errs);
void lokus_free(lokus *l);

/* The regency's villages over all its years, each once, in the order of
 * their first listing; the stage of the latest year listing each (or NULL)
 * in stages. Both arrays are malloc'd (the strings are l's). */
size_t lokus_villages(const lokus_regency *r, const char ***villages, const char ***stages);

/* A lokus village of one year: its code and the stage of the year (NULL
 * when not named), both the lokus file's. */
typedef struct lokus_village {
	const char *code;
	const char *stage;
} lokus_village;

/* The lokus villages of year within area (a regency or any level; "all":
 * every one), sorted by code, into *out (malloc'd, NULL when none).
 * Returns the count. */
size_t lokus_of_year(const lokus *l, int year, const char *area, lokus_village **out);

#endif
