/*
 * lokus_rows.c - the rows of villages that are not lokus villages, counted
 * (lokus_rows.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "areas.h"
#include "lokus_rows.h"
#include "util.h"

/* One watched reader. A plugin has a few files open at once at most. */
typedef struct watched {
	csv_reader *c;
	int col;
	const conf *cfg;
	int current;          /* a record is current */
	long rejected;        /* the file's rejected rows when it came */
} watched;

static watched *list;
static size_t n_list;

static watched *find(const csv_reader *c)
{
	for (size_t i = 0; i < n_list; i++)
		if (list[i].c == c)
			return &list[i];
	return NULL;
}

void lokus_rows_open(csv_reader *c, int col, const conf *cfg)
{
	if (!c || col < 0 || !cfg->n_lokus_villages)
		return;
	list = xrealloc(list, (n_list + 1) * sizeof *list);
	list[n_list++] = (watched){ .c = c, .col = col, .cfg = cfg };
}

/* The area code of a field as the plugins read it: PP.KK.CC.DDDD, or its
 * ten digits without the dots. 0, or -1 when it is no code. */
static int code_of(const char *s, char *out, size_t len)
{
	size_t n = strlen(s);

	if (n == 10 && strspn(s, "0123456789") == 10)
		snprintf(out, len, "%.2s.%.2s.%.2s.%.4s", s, s + 2, s + 4, s + 6);
	else if (n < len)
		memcpy(out, s, n + 1);
	else
		return -1;
	return area_level(out) == AREA_INVALID ? -1 : 0;
}

static void judge(watched *w)
{
	const conf *cfg = w->cfg;
	char code[AREAS_CODE_MAX];

	int used = w->current && csv_get_stats(w->c)->rejected == w->rejected;

	w->current = 0;
	if (!used)
		return;
	if (code_of(csv_field(w->c, w->col), code, sizeof code) < 0 ||
	    !area_within(code, cfg->area))
		return;
	for (size_t i = 0; i < cfg->n_lokus_villages; i++)
		if (area_within(code, cfg->lokus_villages[i].code))
			return;
	csv_reject(w->c, ACCT_NOT_LOKUS_KIND ": %s is not a desa lokus of %d", code,
	           cfg->lokus_year);
}

void lokus_rows_done(csv_reader *c)
{
	watched *w = n_list ? find(c) : NULL;

	if (w)
		judge(w);
}

void lokus_rows_next(csv_reader *c, int rc)
{
	watched *w = n_list ? find(c) : NULL;

	if (!w)
		return;
	w->current = rc == 1;
	w->rejected = csv_get_stats(c)->rejected;
}

void lokus_rows_close(csv_reader *c)
{
	watched *w = n_list ? find(c) : NULL;

	if (!w)
		return;
	judge(w);
	*w = list[--n_list];
	if (!n_list) {
		free(list);
		list = NULL;
	}
}
