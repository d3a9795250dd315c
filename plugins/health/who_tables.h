/*
 * who_tables.h - the five LMS tables of the WHO Child Growth Standards 2006
 * that the z-scores need, loaded once from data/who-growth/ through the
 * host's CSV reader.
 *
 * Every row is checked when it is read: the rows of each sex must run without
 * a gap over the x range the tables are known to cover (days 0-1856, 45.0-110.0
 * cm lying, 65.0-120.0 cm standing), so that a row can then be found by
 * arithmetic on x instead of a search, and L, M, S must be usable (L != 0,
 * M > 0, S > 0).
 */
#ifndef HEALTH_WHO_TABLES_H
#define HEALTH_WHO_TABLES_H

#include "pk2d/plugin.h"

/* Rows per sex: days 0..1856, lengths 45.0..110.0 and heights 65.0..120.0 cm
 * in steps of 0.1 cm. */
#define WHO_AGE_ROWS 1857
#define WHO_WFL_ROWS 651
#define WHO_WFH_ROWS 551
/* The first length and height rows, in tenths of a centimetre. */
#define WHO_WFL_FIRST 450
#define WHO_WFH_FIRST 650

typedef struct who_lms {
	double l, m, s;
} who_lms;

/* Index [sex - 1][row]. */
typedef struct who_tables {
	who_lms len[2][WHO_AGE_ROWS];   /* length/height-for-age */
	who_lms wei[2][WHO_AGE_ROWS];   /* weight-for-age */
	who_lms bmi[2][WHO_AGE_ROWS];   /* BMI-for-age */
	who_lms wfl[2][WHO_WFL_ROWS];   /* weight-for-length */
	who_lms wfh[2][WHO_WFH_ROWS];   /* weight-for-height */
} who_tables;

/* Reads the five tables from dir (".../who-growth") into *t. Every problem
 * is logged through api->log as "file:line: what"; returns 0, PK2D_ERR_IO
 * when a file cannot be opened, or PK2D_ERR_DATA when one is malformed. */
int who_tables_load(const pk2d_host_api *api, pk2d_host *h, const char *dir,
                    who_tables *t);

#endif
