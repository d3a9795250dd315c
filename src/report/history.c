/*
 * history.c - `pk2d history` (see history.h and docs/report.md).
 */
#include <config.h>

#include "history.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "conf.h"
#include "escape.h"
#include "i18n.h"
#include "log.h"
#include "registry.h"
#include "store.h"
#include "suggest.h"

#define COLS 6

typedef struct table {
	size_t n;
	char (*cells)[COLS][64];
} table;

static void row(table *t, const char *const *cells, size_t ncols)
{
	t->cells = realloc(t->cells, (t->n + 1) * sizeof *t->cells);
	if (!t->cells)
		abort();
	for (size_t c = 0; c < COLS; c++)
		snprintf(t->cells[t->n][c], sizeof t->cells[t->n][c], "%s",
		         c < ncols ? cells[c] : "");
	t->n++;
}

/* Column 0 left-aligned, the others right-aligned, two blanks between. */
static void print_table(const table *t, size_t ncols, FILE *out)
{
	size_t w[COLS] = { 0 };

	for (size_t r = 0; r < t->n; r++)
		for (size_t c = 0; c < ncols; c++) {
			size_t k = esc_width(t->cells[r][c]);

			if (k > w[c])
				w[c] = k;
		}
	for (size_t r = 0; r < t->n; r++) {
		for (size_t c = 0; c < ncols; c++) {
			size_t pad = w[c] - esc_width(t->cells[r][c]);

			if (c)
				fprintf(out, "  %*s", (int)pad, "");
			esc_term(out, t->cells[r][c]);
			if (!c && ncols > 1)
				fprintf(out, "%*s", (int)pad, "");
		}
		fputc('\n', out);
	}
}

static const char *fmt_num(const history_request *rq, double x, int dec, char *buf,
                           size_t len)
{
	if (rq->csv) {
		if (isnan(x))
			*buf = 0;
		else
			snprintf(buf, len, "%.10g", x);
		return buf;
	}
	return i18n_num(rq->lang, x, !isnan(x) && dec < 0 ? (x == floor(x) ? 0 : 1) : dec,
	                buf, len);
}

static void put_csv_line(FILE *out, const char *const *cells, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			fputc(',', out);
		esc_csv(out, cells[i]);
	}
	fputs("\r\n", out);
}

/* Whether id is one of the store's ids; when it is not, says so with the
 * nearest ids. 1, 0, or < 0 on error (logged). */
static int known_id(store *s, const history_request *rq)
{
	char err[1024], **ids, text[512] = "";
	size_t best[3], at = 0, found;
	long n = store_ids(s, &ids, err, sizeof err);
	int known = 0;

	if (n < 0) {
		log_msg(PK2D_LOG_ERROR, "%s", err);
		return -1;
	}
	for (long i = 0; i < n && !known; i++)
		known = strcmp(ids[i], rq->id) == 0;
	if (!known) {
		found = suggest(rq->id, (const char *const *)ids, (size_t)n, best, 3);
		for (size_t i = 0; i < found && at < sizeof text; i++) {
			int k = snprintf(text + at, sizeof text - at, "%s%s", i ? ", " : "; did you mean ",
			                 ids[best[i]]);
			at += k > 0 ? (size_t)k : 0;
		}
		log_msg(PK2D_LOG_ERROR, "%s: the store has no indicator, intervention or score '%s'"
		        "%s%s (it holds %ld: 'ikk', 'dim.KEY' of the model, and the ids the plugins "
		        "declare)", rq->store, rq->id, text, found ? "?" : "", n);
	}
	for (long i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
	return known;
}

/* The rows of an assessment score ("ikk", "dim.KEY"): period and value. */
static long score_rows(store *s, const history_request *rq, table *t, char *err, size_t errlen)
{
	const char *head[] = { i18n(rq->lang, T_PERIOD), i18n(rq->lang, T_SCORE) };
	const char *csv_head[] = { "period", "value" };
	char b[64];
	store_point *p;
	long n = store_score_series(s, rq->id, rq->area, rq->rt, &p, err, errlen);

	if (n > 0)
		row(t, rq->csv ? csv_head : head, 2);
	for (long i = 0; i < n; i++) {
		const char *cells[] = { p[i].period, fmt_num(rq, p[i].value, 2, b, sizeof b) };

		row(t, cells, 2);
	}
	free(p);
	return n;
}

int history_print(const history_request *rq, FILE *out)
{
	char err[1024], b[5][64];
	store_meta meta;
	store *s;
	table t = { 0 };
	long n;
	int rc;
	size_t ncols;

	if (!conf_store_is_server(rq->store) && access(rq->store, R_OK) != 0) {
		log_msg(PK2D_LOG_ERROR, "%s: no history store here (a `pk2d report` run creates it)",
		        rq->store);
		return 1;
	}
	if (!(s = store_open(rq->store, rq->lock_wait, err, sizeof err))) {
		log_msg(PK2D_LOG_ERROR, "%s", err);
		return 1;
	}
	if ((rc = known_id(s, rq)) <= 0 ||
	    (rc = store_meta_of(s, rq->id, &meta, err, sizeof err)) < 0) {
		if (rc < 0 && *err)
			log_msg(PK2D_LOG_ERROR, "%s", err);
		store_close(s);
		return 1;
	}
	ncols = 5;
	if (rc == 0) {
		/* Not declared by a plugin: an assessment score. */
		memset(&meta, 0, sizeof meta);
		snprintf(meta.label_id, sizeof meta.label_id, "%s", strcmp(rq->id, "ikk") == 0
		         ? i18n(rq->lang, T_IKK) : i18n(rq->lang, T_DIMENSION));
		ncols = 2;
		n = score_rows(s, rq, &t, err, sizeof err);
	} else if (!meta.is_intervention) {
		store_point *p;
		const char *head[] = { i18n(rq->lang, T_PERIOD), i18n(rq->lang, T_NUMERATOR),
		                       i18n(rq->lang, T_DENOMINATOR), i18n(rq->lang, T_VALUE),
		                       i18n(rq->lang, T_TARGET) };
		const char *csv_head[] = { "period", "numerator", "denominator", "value", "target" };

		n = store_series(s, rq->id, rq->area, rq->rt, &p, err, sizeof err);
		if (n > 0) {
			row(&t, rq->csv ? csv_head : head, 5);
			/* A count is shown alone in the table (its denominator only
			 * counts the reports summed); the CSV keeps the sums. */
			int alone = meta.kind == PK2D_COUNT && !rq->csv;

			for (long i = 0; i < n; i++) {
				const char *cells[] = { p[i].period,
				                        alone ? "-" : fmt_num(rq, p[i].num, -1, b[0], 64),
				                        alone ? "-" : fmt_num(rq, p[i].den, -1, b[1], 64),
				                        fmt_num(rq, p[i].value, alone ? -1 : 2, b[2], 64),
				                        fmt_num(rq, p[i].target, 1, b[3], 64) };
				row(&t, cells, 5);
			}
		}
		free(p);
	} else {
		store_ipoint *p;
		const char *head[] = { i18n(rq->lang, T_PERIOD), i18n(rq->lang, T_TARGET),
		                       i18n(rq->lang, T_REALISATION), i18n(rq->lang, T_COVERAGE),
		                       i18n(rq->lang, T_BUDGET) };
		const char *csv_head[] = { "period", "target", "realised", "coverage", "budget" };

		n = store_iseries(s, rq->id, rq->area, rq->rt, &p, err, sizeof err);
		if (n > 0) {
			row(&t, rq->csv ? csv_head : head, 5);
			for (long i = 0; i < n; i++) {
				double cov = p[i].target > 0 ? 100 * p[i].realised / p[i].target : NAN;
				/* A budget of 0 is one no row gave (the plugin API's
				 * "not known"): "-" as in the report, empty in CSV. */
				double budget = p[i].budget > 0 ? p[i].budget : NAN;
				const char *cells[] = { p[i].period, fmt_num(rq, p[i].target, -1, b[0], 64),
				                        fmt_num(rq, p[i].realised, -1, b[1], 64),
				                        fmt_num(rq, cov, 1, b[2], 64),
				                        rq->csv ? fmt_num(rq, budget, 0, b[3], 64)
				                                : i18n_money(rq->lang, budget) };
				row(&t, cells, 5);
			}
		}
		free(p);
	}
	store_close(s);
	if (n < 0) {
		log_msg(PK2D_LOG_ERROR, "%s", err);
		free(t.cells);
		return 1;
	}
	if (n == 0) {
		log_msg(PK2D_LOG_ERROR, "%s: no values of '%s' for area %s%s", rq->store, rq->id,
		        rq->area, rq->rt > 0 ? " at that RT" : "");
		free(t.cells);
		return 1;
	}
	if (rq->csv) {
		for (size_t r = 0; r < t.n; r++) {
			const char *cells[] = { t.cells[r][0], t.cells[r][1], t.cells[r][2],
			                        t.cells[r][3], t.cells[r][4] };
			put_csv_line(out, cells, ncols);
		}
	} else {
		fputs(rq->id, out);
		fputs(" - ", out);
		esc_term(out, i18n_pick(rq->lang, meta.label_id, meta.label_en));
		if (*meta.unit) {
			fputs(" (", out);
			esc_term(out, meta.unit);
			fputc(')', out);
		}
		fputs(" - ", out);
		esc_term(out, rq->area);
		if (rq->rt > 0)
			fprintf(out, " RT %d", rq->rt);
		fputc('\n', out);
		print_table(&t, ncols, out);
	}
	free(t.cells);
	return ferror(out) ? 1 : 0;
}
