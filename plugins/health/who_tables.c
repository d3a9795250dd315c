/*
 * who_tables.c - loading and checking the WHO LMS tables.
 */
#include <stdio.h>
#include <string.h>

#include "who_tables.h"

/* One table: its file, its x column and where its rows go. x is a whole day
 * (first = 0) or a length in tenths of a centimetre (first = 450 or 650). */
struct table_spec {
	const char *file;
	const char *x_column;
	int x_in_tenths;
	long first;
	long rows;
	who_lms *dest[2];
};

/* The columns every table has, the second its x (table_spec.x_column):
 * their names, and where the file has them (found once per table). */
enum { C_SEX, C_X, C_L, C_M, C_S, N_COLS };
typedef struct table_cols {
	const char *name[N_COLS];
	int at[N_COLS];
} table_cols;

static int report(const pk2d_host_api *api, pk2d_host *h, pk2d_csv *c, const char *what,
                  const table_cols *k, int col)
{
	api->log(h, PK2D_LOG_ERROR, "%s:%ld: %s %s '%s'", api->csv_path(c),
	         api->csv_line(c), what, k->name[col], api->csv_field(c, k->at[col]));
	return PK2D_ERR_DATA;
}

/* Checks and stores one row; next[] counts the rows of each sex so far. */
static int load_row(const pk2d_host_api *api, pk2d_host *h, pk2d_csv *c,
                    const struct table_spec *spec, const table_cols *k, long next[2])
{
	double v[N_COLS];

	for (int col = 0; col < N_COLS; col++)
		if (api->csv_number(c, k->at[col], &v[col]) != 0)
			return report(api, h, c, "unreadable", k, col);
	if (v[C_SEX] != 1 && v[C_SEX] != 2)
		return report(api, h, c, "sex is not 1 or 2:", k, C_SEX);
	int sex = (int)v[C_SEX] - 1;
	long i = next[sex];
	/* The row must hold exactly the x the arithmetic lookup expects: the
	 * double nearest to (first + i) / 10 for lengths, which is also what
	 * anthro's trunc(x * 10) / 10 produces when it joins on x. */
	double want = spec->x_in_tenths ? (double)(spec->first + i) / 10.0
	                                : (double)(spec->first + i);
	if (i >= spec->rows) {
		api->log(h, PK2D_LOG_ERROR, "%s:%ld: more than %ld rows for sex %d",
		         api->csv_path(c), api->csv_line(c), spec->rows, sex + 1);
		return PK2D_ERR_DATA;
	}
	if (v[C_X] != want) {
		api->log(h, PK2D_LOG_ERROR, "%s:%ld: expected %s %g for sex %d, found '%s'",
		         api->csv_path(c), api->csv_line(c), spec->x_column, want, sex + 1,
		         api->csv_field(c, k->at[C_X]));
		return PK2D_ERR_DATA;
	}
	if (v[C_L] == 0)
		return report(api, h, c, "L is 0 in", k, C_L);
	if (!(v[C_M] > 0))
		return report(api, h, c, "M is not positive in", k, C_M);
	if (!(v[C_S] > 0))
		return report(api, h, c, "S is not positive in", k, C_S);
	spec->dest[sex][i] = (who_lms){ .l = v[C_L], .m = v[C_M], .s = v[C_S] };
	next[sex] = i + 1;
	return 0;
}

static int load_table(const pk2d_host_api *api, pk2d_host *h, const char *dir,
                      const struct table_spec *spec)
{
	char path[4096];
	table_cols k = { .name = { "sex", spec->x_column, "L", "M", "S" } };
	long next[2] = { 0, 0 };
	int rc = 0, more;

	if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, spec->file) >= sizeof path) {
		api->log(h, PK2D_LOG_ERROR, "%s/%s: path too long", dir, spec->file);
		return PK2D_ERR_IO;
	}
	pk2d_csv *c = api->csv_open(h, path);
	if (c == NULL)
		return PK2D_ERR_IO;
	for (int col = 0; col < N_COLS; col++) {
		if ((k.at[col] = api->csv_column(c, k.name[col])) < 0) {
			api->log(h, PK2D_LOG_ERROR, "%s:1: no column '%s'", path, k.name[col]);
			api->csv_close(c);
			return PK2D_ERR_DATA;
		}
	}
	while (rc == 0 && (more = api->csv_next(c)) != 0) {
		if (more < 0)
			rc = PK2D_ERR_DATA;
		else
			rc = load_row(api, h, c, spec, &k, next);
	}
	if (rc == 0 && (next[0] != spec->rows || next[1] != spec->rows)) {
		api->log(h, PK2D_LOG_ERROR, "%s: %ld and %ld rows for the two sexes, expected %ld each",
		         path, next[0], next[1], spec->rows);
		rc = PK2D_ERR_DATA;
	}
	api->csv_close(c);
	return rc;
}

int who_tables_load(const pk2d_host_api *api, pk2d_host *h, const char *dir,
                    who_tables *t)
{
	const struct table_spec specs[] = {
		{ "length-height-for-age.csv", "age_days", 0, 0, WHO_AGE_ROWS,
		  { t->len[0], t->len[1] } },
		{ "weight-for-age.csv", "age_days", 0, 0, WHO_AGE_ROWS,
		  { t->wei[0], t->wei[1] } },
		{ "bmi-for-age.csv", "age_days", 0, 0, WHO_AGE_ROWS,
		  { t->bmi[0], t->bmi[1] } },
		{ "weight-for-length.csv", "length_cm", 1, WHO_WFL_FIRST, WHO_WFL_ROWS,
		  { t->wfl[0], t->wfl[1] } },
		{ "weight-for-height.csv", "height_cm", 1, WHO_WFH_FIRST, WHO_WFH_ROWS,
		  { t->wfh[0], t->wfh[1] } },
	};
	for (size_t i = 0; i < sizeof specs / sizeof specs[0]; i++) {
		int rc = load_table(api, h, dir, &specs[i]);
		if (rc != 0)
			return rc;
	}
	return 0;
}
