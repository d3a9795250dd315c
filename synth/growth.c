/*
 * growth.c - reading the WHO LMS tables.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pk2d/plugin.h"
#include "growth.h"

/* Reads one table: header, then "sex,x,L,M,S[,loh]" rows. x is an age in
 * days (step 1, from x0) or a length in cm (step 0.1, from x0). */
static int load_table(const char *dir, const char *file, size_t rows,
		      double x0, double step, lms *base, char *err, size_t errlen)
{
	char path[4096], line[256];
	FILE *f;
	long lineno = 0;
	size_t seen = 0;
	int rc = 0;

	snprintf(path, sizeof(path), "%s/%s", dir, file);
	f = fopen(path, "r");
	if (!f) {
		snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
		return PK2D_ERR_IO;
	}
	while (fgets(line, sizeof(line), f)) {
		char *p = line, *end;
		double v[5];
		size_t idx;
		long sex;

		lineno++;
		if (lineno == 1)
			continue;
		for (int i = 0; i < 5; i++) {
			errno = 0;
			v[i] = strtod(p, &end);
			if (end == p || errno || (*end != ',' && *end != '\n' && *end)) {
				snprintf(err, errlen, "%s:%ld: unreadable number in column %d", path, lineno, i + 1);
				rc = PK2D_ERR_DATA;
				goto out;
			}
			p = *end == ',' ? end + 1 : end;
		}
		sex = (long)v[0];
		idx = (size_t)lround((v[1] - x0) / step);
		if ((sex != 1 && sex != 2) || v[1] < x0 || idx >= rows || v[0] != (double)sex || v[3] <= 0) {
			snprintf(err, errlen, "%s:%ld: row outside the table (sex %g, x %g)", path, lineno, v[0], v[1]);
			rc = PK2D_ERR_DATA;
			goto out;
		}
		base[(size_t)(sex - 1) * rows + idx] = (lms){ v[2], v[3], v[4] };
		seen++;
	}
	if (ferror(f)) {
		snprintf(err, errlen, "%s: read error", path);
		rc = PK2D_ERR_IO;
	} else if (seen != 2 * rows) {
		snprintf(err, errlen, "%s: %zu rows, expected %zu", path, seen, 2 * rows);
		rc = PK2D_ERR_DATA;
	}
out:
	fclose(f);
	return rc;
}

int growth_load(growth *g, const char *dir, char *err, size_t errlen)
{
	int rc;

	rc = load_table(dir, "length-height-for-age.csv", GROWTH_AGE_ROWS, 0, 1,
			&g->lhfa[0][0], err, errlen);
	if (!rc)
		rc = load_table(dir, "weight-for-age.csv", GROWTH_AGE_ROWS, 0, 1,
				&g->wfa[0][0], err, errlen);
	if (!rc)
		rc = load_table(dir, "weight-for-length.csv", GROWTH_WFL_ROWS, 45.0, 0.1,
				&g->wfl[0][0], err, errlen);
	if (!rc)
		rc = load_table(dir, "weight-for-height.csv", GROWTH_WFH_ROWS, 65.0, 0.1,
				&g->wfh[0][0], err, errlen);
	return rc;
}

double growth_value(const lms *p, double z)
{
	return p->m * pow(1.0 + p->l * p->s * z, 1.0 / p->l);
}
