/*
 * pkk_output.c - reporting the groups' sums to the host, and the
 * per-dasawisma table (the registry knows areas and RTs, not dasawisma).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "pkk.h"

static int report(pkk_state *s, const pkk_indicator *d, const char *area, int rt, double num,
                  double den)
{
	pk2d_value v;
	int rc;

	memset(&v, 0, sizeof v);
	v.indicator = d->d.id;
	v.area = area;
	v.rt = rt;
	v.numerator = num;
	v.denominator = den;
	rc = s->api->report_value(s->h, &v);
	return rc == PK2D_ERR_NOMEM ? rc : 0;
}

int pkk_report(pkk_state *s)
{
	size_t g, i;
	int rc = 0;

	for (g = 0; rc == 0 && g < s->n_groups; g++) {
		const pkk_group *gr = &s->groups[g];
		int is_pokja = gr->dasawisma == NULL;

		for (i = 0; rc == 0 && i < pkk_n_indicators; i++) {
			const pkk_indicator *d = &pkk_indicators[i];
			double num = gr->acc[2 * i], den = gr->acc[2 * i + 1];

			if (!s->available[i] || d->source == SRC_DASAWISMA ||
			    (d->source >= SRC_POKJA_COUNT) != is_pokja)
				continue;
			if (d->d.kind == PK2D_COUNT)
				rc = report(s, d, gr->area, gr->rt, num, 1);
			else if (den > 0)
				rc = report(s, d, gr->area, gr->rt, num, den);
		}
	}
	for (i = 0; rc == 0 && i < pkk_n_indicators; i++) {
		size_t v;

		if (pkk_indicators[i].source != SRC_DASAWISMA || !s->available[i])
			continue;
		for (v = 0; rc == 0 && v < s->n_villages; v++)
			rc = report(s, &pkk_indicators[i], s->villages[v].area, 0,
			            s->villages[v].dasawisma, 1);
	}
	return rc;
}

/* Writes a CSV cell: quoted when it holds a separator, quote or line break;
 * a leading = + - @ is neutralised so spreadsheets do not run it. */
static void put_cell(FILE *f, const char *s)
{
	int quote = strpbrk(s, ",\"\r\n") != NULL;
	const char *p;

	if (quote)
		fputc('"', f);
	if (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@')
		fputc('\'', f);
	for (p = s; *p != '\0'; p++) {
		if (*p == '"')
			fputc('"', f);
		fputc(*p, f);
	}
	if (quote)
		fputc('"', f);
}

static int by_place(const void *a, const void *b)
{
	const pkk_group *x = *(const pkk_group *const *)a, *y = *(const pkk_group *const *)b;
	int c = strcmp(x->area, y->area);

	if (c != 0)
		return c;
	if (x->rt != y->rt)
		return x->rt < y->rt ? -1 : 1;
	return strcmp(x->dasawisma, y->dasawisma);
}

/* Whether indicator i is a column of the dasawisma table. */
static int in_table(const pkk_state *s, size_t i)
{
	return s->available[i] && pkk_indicators[i].source < SRC_DASAWISMA;
}

static void write_table(const pkk_state *s, FILE *f, const pkk_group *const *order, size_t n)
{
	size_t k, i;

	fputs("kode_wilayah,rt,dasawisma", f);
	for (i = 0; i < pkk_n_indicators; i++)
		if (in_table(s, i))
			fprintf(f, ",%s", pkk_indicators[i].d.id);
	fputc('\n', f);
	for (k = 0; k < n; k++) {
		const pkk_group *g = order[k];

		fprintf(f, "%s,", g->area);
		if (g->rt > 0)
			fprintf(f, "%d", g->rt);
		fputc(',', f);
		put_cell(f, g->dasawisma);
		for (i = 0; i < pkk_n_indicators; i++) {
			double num = g->acc[2 * i], den = g->acc[2 * i + 1];

			if (!in_table(s, i))
				continue;
			fputc(',', f);
			if (pkk_indicators[i].d.kind == PK2D_COUNT)
				fprintf(f, "%.0f", num);
			else if (den > 0)
				fprintf(f, "%.1f", 100.0 * num / den);
		}
		fputc('\n', f);
	}
}

int pkk_write_dasawisma(pkk_state *s)
{
	const pk2d_host_api *api = s->api;
	size_t len = strlen(s->out_path), n = 0, g;
	const pkk_group **order = malloc((s->n_groups + 1) * sizeof *order);
	char *tmp = malloc(len + 16);
	FILE *f = NULL;
	int fd = -1, rc = 0;

	if (order == NULL || tmp == NULL) {
		free(order);
		free(tmp);
		return PK2D_ERR_NOMEM;
	}
	for (g = 0; g < s->n_groups; g++)
		if (s->groups[g].dasawisma != NULL)
			order[n++] = &s->groups[g];
	qsort(order, n, sizeof *order, by_place);
	memcpy(tmp, s->out_path, len);
	memcpy(tmp + len, ".tmp.XXXXXX", 12);
	fd = mkstemp(tmp);
	if (fd >= 0 && fchmod(fd, 0644) == 0)
		f = fdopen(fd, "w");
	if (f == NULL) {
		api->log(s->h, PK2D_LOG_ERROR, "%s: cannot write %s: %s",
		         api->config_where(s->h, "dasawisma_output"), s->out_path, strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(tmp);
		}
		free(order);
		free(tmp);
		return PK2D_ERR_IO;
	}
	write_table(s, f, order, n);
	if (ferror(f) | fclose(f)) {
		api->log(s->h, PK2D_LOG_ERROR, "%s: error writing %s",
		         api->config_where(s->h, "dasawisma_output"), s->out_path);
		rc = PK2D_ERR_IO;
	} else if (rename(tmp, s->out_path) != 0) {
		api->log(s->h, PK2D_LOG_ERROR, "%s: cannot rename %s to %s: %s",
		         api->config_where(s->h, "dasawisma_output"), tmp, s->out_path,
		         strerror(errno));
		rc = PK2D_ERR_IO;
	}
	if (rc != 0)
		unlink(tmp);
	free(order);
	free(tmp);
	return rc;
}
