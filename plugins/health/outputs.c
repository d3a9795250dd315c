/*
 * outputs.c - the children file and the follow-up list.
 */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "outputs.h"
#include "../common/fields.h"

int out_open(out_file *o, const char *path, char *err, size_t errlen)
{
	size_t n = strlen(path);
	int fd;

	memset(o, 0, sizeof *o);
	o->path = strdup(path);
	o->tmp = malloc(n + sizeof ".tmp.XXXXXX");
	if (o->path == NULL || o->tmp == NULL) {
		snprintf(err, errlen, "%s: out of memory", path);
		out_abort(o);
		return PK2D_ERR_IO;
	}
	memcpy(o->tmp, path, n);
	memcpy(o->tmp + n, ".tmp.XXXXXX", sizeof ".tmp.XXXXXX");
	fd = mkstemp(o->tmp);
	if (fd < 0) {
		snprintf(err, errlen, "%s: cannot create: %s", path, strerror(errno));
		free(o->tmp);
		o->tmp = NULL;
		out_abort(o);
		return PK2D_ERR_IO;
	}
	o->f = fdopen(fd, "w");
	if (o->f == NULL) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		close(fd);
		out_abort(o);
		return PK2D_ERR_IO;
	}
	return 0;
}

int out_commit(out_file *o, char *err, size_t errlen)
{
	int bad = ferror(o->f);

	if (fclose(o->f) != 0)
		bad = 1;
	o->f = NULL;
	if (bad) {
		snprintf(err, errlen, "%s: write error: %s", o->path, strerror(errno));
		out_abort(o);
		return PK2D_ERR_IO;
	}
	if (rename(o->tmp, o->path) != 0) {
		snprintf(err, errlen, "%s: cannot rename into place: %s", o->path, strerror(errno));
		out_abort(o);
		return PK2D_ERR_IO;
	}
	free(o->tmp);
	o->tmp = NULL;
	out_abort(o);
	return 0;
}

void out_abort(out_file *o)
{
	if (o->f != NULL)
		fclose(o->f);
	if (o->tmp != NULL)
		unlink(o->tmp);
	free(o->tmp);
	free(o->path);
	memset(o, 0, sizeof *o);
}

void out_text(FILE *f, const char *s)
{
	int quote = strpbrk(s, ",\"\r\n") != NULL;
	int neutral = *s == '=' || *s == '+' || *s == '-' || *s == '@';

	if (!quote && !neutral) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	if (neutral)
		fputc('\'', f);
	for (; *s != '\0'; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

static void z_field(FILE *f, double z)
{
	if (isnan(z))
		return;
	if (isinf(z))
		fputs(z > 0 ? "Inf" : "-Inf", f);
	else
		fprintf(f, "%.2f", z == 0 ? 0.0 : z);
}

void children_write_header(FILE *f)
{
	fputs("id,area,rt,kk,zlen,flen,zwei,fwei,zwfl,fwfl,zbmi,fbmi,clenhei\n", f);
}

void children_write_row(FILE *f, const char *id, const char *area, int rt, const char *kk,
                        const zscore_result *r)
{
	out_text(f, id);
	fputc(',', f);
	out_text(f, area);
	fputc(',', f);
	if (rt > 0)
		fprintf(f, "%d", rt);
	fputc(',', f);
	out_text(f, kk);
	for (int i = 0; i < ZS_N; i++) {
		fputc(',', f);
		z_field(f, r->z[i]);
		fputc(',', f);
		if (r->flag[i] >= 0)
			fprintf(f, "%d", r->flag[i]);
	}
	fputc(',', f);
	if (!isnan(r->clenhei))
		fprintf(f, "%.15g", r->clenhei);
	fputc('\n', f);
}

void followup_reason_text(unsigned reasons, char *buf, size_t len)
{
	static const struct {
		unsigned bit;
		const char *text;
	} names[] = {
		{ FR_SEVERELY_STUNTED, "sangat pendek (severely stunted)" },
		{ FR_STUNTED, "pendek (stunted)" },
		{ FR_SEVERELY_WASTED, "gizi buruk (severely wasted)" },
		{ FR_WASTED, "gizi kurang (wasted)" },
		{ FR_OEDEMA, "edema (oedema)" },
		{ FR_REMEASURE, "ukur ulang (re-measure: implausible z-score)" },
	};
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (!(reasons & names[i].bit))
			continue;
		int n = snprintf(buf + used, len - used, "%s%s", used ? "; " : "", names[i].text);
		if (n < 0 || (size_t)n >= len - used)
			return;
		used += (size_t)n;
	}
}

static const roster *sort_roster;

static int by_place(const void *a, const void *b)
{
	const followup *x = *(const followup *const *)a, *y = *(const followup *const *)b;
	const roster *r = sort_roster;
	/* roster_count ranked the cells by area code, then RT. */
	int c = (r->cell_rank[x->cell] > r->cell_rank[y->cell]) -
	        (r->cell_rank[x->cell] < r->cell_rank[y->cell]);

	if (c == 0)
		c = strcmp(x->posyandu, y->posyandu);
	if (c == 0)
		c = strcmp(x->name, y->name);
	if (c == 0)
		c = strcmp(x->id, y->id);
	return c;
}

void followup_write_header(FILE *f)
{
	fputs("area,rt,posyandu,id,name,parent,kk,sex,age_months,measure_date,"
	      "zlen,zwei,zwfl,zbmi,reason\n", f);
}

int followup_write(FILE *f, const roster *r)
{
	const followup **list = malloc((r->n_follow + 1) * sizeof *list);
	size_t n = 0;
	char why[256];

	if (list == NULL)
		return PK2D_ERR_NOMEM;
	for (size_t i = 0; i < r->n_follow; i++)
		if (r->follow[i].id != NULL)
			list[n++] = &r->follow[i];
	sort_roster = r;
	qsort(list, n, sizeof *list, by_place);
	for (size_t i = 0; i < n; i++) {
		const followup *x = list[i];
		out_text(f, r->cell_area[x->cell]);
		fputc(',', f);
		if (r->cell_rt[x->cell] > 0)
			fprintf(f, "%d", r->cell_rt[x->cell]);
		fputc(',', f);
		out_text(f, x->posyandu);
		fputc(',', f);
		out_text(f, x->id);
		fputc(',', f);
		out_text(f, x->name);
		fputc(',', f);
		out_text(f, x->parent);
		fputc(',', f);
		out_text(f, x->kk);
		fprintf(f, ",%s,", x->sex == 1 ? "L" : x->sex == 2 ? "P" : "");
		if (!isnan(x->age_days))
			fprintf(f, "%.1f", x->age_days / ZSCORE_DAYS_PER_MONTH);
		fputc(',', f);
		if (x->measured != LONG_MIN) {
			int y, m, d;
			fields_civil(x->measured, &y, &m, &d);
			fprintf(f, "%04d-%02d-%02d", y, m, d);
		}
		for (int k = 0; k < ZS_N; k++) {
			fputc(',', f);
			z_field(f, x->z[k]);
		}
		fputc(',', f);
		followup_reason_text(x->reasons, why, sizeof why);
		out_text(f, why);
		fputc('\n', f);
	}
	free(list);
	return 0;
}
