/*
 * growth.h - the WHO Child Growth Standards LMS tables the generator draws
 * measurements from (data/who-growth/, see its README for provenance).
 */
#ifndef PK2D_SYNTH_GROWTH_H
#define PK2D_SYNTH_GROWTH_H

#include <stddef.h>

#define GROWTH_AGE_ROWS 1857    /* days 0..1856 */
#define GROWTH_WFL_ROWS 651     /* 45.0..110.0 cm by 0.1 */
#define GROWTH_WFH_ROWS 551     /* 65.0..120.0 cm by 0.1 */

typedef struct lms {
	double l, m, s;
} lms;

typedef struct growth {
	lms lhfa[2][GROWTH_AGE_ROWS];   /* length/height-for-age, sex 1 and 2 */
	lms wfa[2][GROWTH_AGE_ROWS];    /* weight-for-age */
	lms wfl[2][GROWTH_WFL_ROWS];    /* weight-for-length */
	lms wfh[2][GROWTH_WFH_ROWS];    /* weight-for-height */
} growth;

/* Loads the four tables from dir (the who-growth directory). 0, or
 * PK2D_ERR_IO / PK2D_ERR_DATA with err set as "file:line: why". */
int growth_load(growth *g, const char *dir, char *err, size_t errlen);
/* The measurement at z-score z: M * (1 + L*S*z)^(1/L), the inverse of the
 * LMS z-score formula. */
double growth_value(const lms *p, double z);

#endif
