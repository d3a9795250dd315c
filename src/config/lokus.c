/*
 * lokus.c - the desa lokus file (see lokus.h).
 */
#include <config.h>

#include "lokus.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "areas.h"
#include "inifile.h"
#include "pk2d/plugin.h"
#include "suggest.h"
#include "util.h"

static const char *const stage_names[] = { "awal", "pembinaan", "evaluasi" };

typedef struct reader {
	lokus *l;
	const areas *a;         /* the region table, or NULL */
	msglist *errs;
} reader;

/* A year as the key writes it: four digits. */
static int parse_year(const char *s)
{
	if (strlen(s) != 4 || strspn(s, "0123456789") != 4)
		return -1;
	return atoi(s);
}

static lokus_year *year_of(lokus_regency *r, int year)
{
	for (size_t i = 0; i < r->n_years; i++)
		if (r->years[i].year == year)
			return &r->years[i];
	r->years = xrealloc(r->years, (r->n_years + 1) * sizeof *r->years);
	r->years[r->n_years] = (lokus_year){ .year = year };
	return &r->years[r->n_years++];
}

/* The codes of the villages of a regency in the region table. */
typedef struct village_codes {
	const areas *a;
	char **v;
	size_t n;
} village_codes;

static void add_village_code(void *ud, const char *code, const char *name)
{
	village_codes *vc = ud;

	(void)name;
	vc->v = xrealloc(vc->v, (vc->n + 1) * sizeof *vc->v);
	vc->v[vc->n++] = xstrdup(code);
}

static void add_district(void *ud, const char *code, const char *name)
{
	(void)name;
	areas_each_child(((village_codes *)ud)->a, code, add_village_code, ud);
}

/* "; the nearest villages of regency R (NAME): CODE (NAME), ..." into out,
 * from the region table; "" when it has none. */
static void nearest_villages(const areas *a, const char *regency, const char *code, char *out,
                             size_t len)
{
	village_codes vc = { .a = a };
	size_t best[3], n, at;
	const char *rname = areas_name(a, regency);

	*out = '\0';
	areas_each_child(a, regency, add_district, &vc);
	n = suggest_nearest(code, (const char *const *)vc.v, vc.n, best, 3);
	at = (size_t)snprintf(out, len, "; the nearest villages of regency %s%s%s%s:", regency,
	                      rname ? " (" : "", rname ? rname : "", rname ? ")" : "");
	for (size_t i = 0; i < n && at < len; i++) {
		int k = snprintf(out + at, len - at, "%s %s (%s)", i ? "," : "", vc.v[best[i]],
		                 areas_name(a, vc.v[best[i]]));

		at += k > 0 ? (size_t)k : 0;
	}
	if (!n)
		*out = '\0';
	for (size_t i = 0; i < vc.n; i++)
		free(vc.v[i]);
	free(vc.v);
}

/* Whether t is a village of regency r (and, with the region table, one
 * of its villages there); adds the error when not. */
static int village_ok(reader *rd, const lokus_regency *r, const char *t, const char *file,
                      int line)
{
	char near[512] = "";
	int form = area_level(t) == AREA_VILLAGE && area_within(t, r->code);

	if (form && (!rd->a || areas_name(rd->a, t)))
		return 1;
	if (rd->a)
		nearest_villages(rd->a, r->code, t, near, sizeof near);
	if (form)
		msglist_add(rd->errs, file, line, "village %s is not in the region table%s", t,
		            near);
	else
		msglist_add(rd->errs, file, line, "'%s' is not a village code of regency %s"
		            " (a lokus is a village: %s.09.2007)%s", t, r->code, r->code, near);
	return 0;
}

/* The village list of a year: codes separated by commas or blanks. */
static void add_villages(reader *rd, lokus_regency *r, lokus_year *y, const char *value,
                         const char *file, int line)
{
	char *copy = xstrdup(value), *save = NULL;
	int any = 0;

	y->line = line;
	for (char *t = strtok_r(copy, ", \t", &save); t; t = strtok_r(NULL, ", \t", &save)) {
		int dup = 0;

		any = 1;
		if (!village_ok(rd, r, t, file, line))
			continue;
		for (size_t i = 0; i < y->n && !dup; i++)
			dup = strcmp(y->villages[i], t) == 0;
		if (dup) {
			msglist_add(rd->errs, file, line, "village %s is listed twice for %d", t,
			            y->year);
			continue;
		}
		y->villages = xrealloc(y->villages, (y->n + 1) * sizeof *y->villages);
		y->villages[y->n++] = xstrdup(t);
	}
	if (!any)
		msglist_add(rd->errs, file, line, "no village for %d", y->year);
	free(copy);
}

static int on_entry(void *ud, const char *section, const char *key, const char *value,
                    const char *file, int line)
{
	reader *rd = ud;
	lokus *l = rd->l;
	lokus_regency *r;
	int year;

	if (!key) {
		if (area_level(section) != AREA_REGENCY) {
			msglist_add(rd->errs, file, line, "[%s] is not a regency code (a section names"
			            " a kabupaten/kota: [63.02])", section);
			return 0;
		}
		for (size_t i = 0; i < l->n; i++)
			if (strcmp(l->regencies[i].code, section) == 0) {
				msglist_add(rd->errs, file, line, "[%s] appears twice", section);
				return 0;
			}
		l->regencies = xrealloc(l->regencies, (l->n + 1) * sizeof *l->regencies);
		l->regencies[l->n++] = (lokus_regency){ .code = xstrdup(section) };
		return 0;
	}
	if (!l->n || strcmp(l->regencies[l->n - 1].code, section) != 0) {
		/* A key before any section, or under a refused one. */
		if (area_level(section) != AREA_REGENCY)
			msglist_add(rd->errs, file, line, "'%s' is outside a regency's section", key);
		return 0;
	}
	r = &l->regencies[l->n - 1];
	if (!strncmp(key, "stage.", 6) && (year = parse_year(key + 6)) > 0) {
		lokus_year *y = year_of(r, year);
		size_t k = 0;

		while (k < sizeof stage_names / sizeof *stage_names && strcmp(stage_names[k], value))
			k++;
		if (k == sizeof stage_names / sizeof *stage_names)
			msglist_add(rd->errs, file, line, "stage '%s' is none of awal, pembinaan,"
			            " evaluasi", value);
		else if (y->stage)
			msglist_add(rd->errs, file, line, "%s is given twice", key);
		else
			y->stage = xstrdup(value);
		return 0;
	}
	if ((year = parse_year(key)) < 0) {
		msglist_add(rd->errs, file, line, "unknown key '%s' (a year, 2023 = VILLAGES,"
		            " or stage.YEAR = awal|pembinaan|evaluasi)", key);
		return 0;
	}
	lokus_year *y = year_of(r, year);

	if (y->line) {
		msglist_add(rd->errs, file, line, "the villages of %d are given twice", year);
		return 0;
	}
	add_villages(rd, r, y, value, file, line);
	return 0;
}

int lokus_load(const char *path, const areas *a, lokus **out, msglist *errs)
{
	size_t before = errs->n;
	reader rd = { .l = xcalloc(1, sizeof(lokus)), .a = a, .errs = errs };
	int rc = ini_file_parse(path, on_entry, &rd, errs);

	for (size_t i = 0; i < rd.l->n && rc == 0; i++)
		for (size_t k = 0; k < rd.l->regencies[i].n_years; k++)
			if (!rd.l->regencies[i].years[k].line)
				msglist_add(errs, path, 0, "[%s]: stage.%d without the villages of %d",
				            rd.l->regencies[i].code, rd.l->regencies[i].years[k].year,
				            rd.l->regencies[i].years[k].year);
	if (rc == 0 && errs->n > before)
		rc = PK2D_ERR_CONFIG;
	if (rc < 0) {
		lokus_free(rd.l);
		return rc;
	}
	*out = rd.l;
	return 0;
}

void lokus_free(lokus *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++) {
		for (size_t k = 0; k < l->regencies[i].n_years; k++) {
			lokus_year *y = &l->regencies[i].years[k];

			for (size_t v = 0; v < y->n; v++)
				free(y->villages[v]);
			free(y->villages);
			free(y->stage);
		}
		free(l->regencies[i].years);
		free(l->regencies[i].code);
	}
	free(l->regencies);
	free(l);
}

size_t lokus_villages(const lokus_regency *r, const char ***villages, const char ***stages)
{
	size_t n = 0, cap = 0;
	const char **v = NULL, **st = NULL;
	int *latest = NULL;

	for (size_t k = 0; k < r->n_years; k++)
		for (size_t i = 0; i < r->years[k].n; i++) {
			const char *code = r->years[k].villages[i];
			size_t j = 0;

			while (j < n && strcmp(v[j], code))
				j++;
			if (j == n) {
				if (n == cap) {
					cap = cap ? 2 * cap : 8;
					v = xrealloc(v, cap * sizeof *v);
					st = xrealloc(st, cap * sizeof *st);
					latest = xrealloc(latest, cap * sizeof *latest);
				}
				v[n] = code;
				latest[n] = -1;
				st[n++] = NULL;
			}
			if (r->years[k].year > latest[j]) {
				latest[j] = r->years[k].year;
				st[j] = r->years[k].stage;
			}
		}
	free(latest);
	*villages = v;
	*stages = st;
	return n;
}

static int cmp_village(const void *a, const void *b)
{
	return strcmp(((const lokus_village *)a)->code, ((const lokus_village *)b)->code);
}

size_t lokus_of_year(const lokus *l, int year, const char *area, lokus_village **out)
{
	lokus_village *v = NULL;
	size_t n = 0;

	for (size_t i = 0; i < l->n; i++)
		for (size_t k = 0; k < l->regencies[i].n_years; k++) {
			const lokus_year *y = &l->regencies[i].years[k];

			if (y->year != year)
				continue;
			for (size_t j = 0; j < y->n; j++)
				if (area_within(y->villages[j], area)) {
					v = xrealloc(v, (n + 1) * sizeof *v);
					v[n++] = (lokus_village){ y->villages[j], y->stage };
				}
		}
	if (n > 1)
		qsort(v, n, sizeof *v, cmp_village);
	*out = v;
	return n;
}
