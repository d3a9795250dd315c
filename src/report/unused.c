/*
 * unused.c - the accounting in words (unused.h).
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "i18n.h"
#include "log.h"
#include "pk2d/plugin.h"
#include "unused.h"

/* Example lines of each kind on stderr (the reports keep CSV_EXAMPLES). */
#define SUMMARY_EXAMPLES 3
/* Areas named as what a file holds. */
#define HELD_AREAS 5

const char *unused_class(int lang, int cls)
{
	static const int keys[ACCT_N_CLASSES] = {
		[ACCT_OUTSIDE_AREA] = T_OUTSIDE_AREA, [ACCT_OUTSIDE_PERIOD] = T_OUTSIDE_PERIOD,
		[ACCT_NOT_LOKUS] = T_NOT_LOKUS,
		[ACCT_DUPLICATE] = T_DUPLICATE, [ACCT_REJECTED] = T_W_REJECTED,
		[ACCT_NOTED] = T_W_NOTED,
	};

	return i18n(lang, keys[cls]);
}

/* Appends to buf at *at, never past len. */
static void add(char *buf, size_t len, size_t *at, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void add(char *buf, size_t len, size_t *at, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (*at >= len)
		return;
	va_start(ap, fmt);
	n = vsnprintf(buf + *at, len - *at, fmt, ap);
	va_end(ap);
	if (n > 0)
		*at = *at + (size_t)n < len ? *at + (size_t)n : len;
}

/* "63.02.09 (Hampang)", or the code alone when the table lacks it. */
static void add_area(const unused_ctx *u, char *buf, size_t len, size_t *at, const char *code)
{
	const char *name = u->areas ? areas_name(u->areas, code) : NULL;

	add(buf, len, at, name ? "%s (%s)" : "%s", code, name);
}

/* The areas the file's outside-area rows are in, at the level of the run's
 * area: "63.02.09 (Hampang), 63.02.10 (Kelumpang Selatan)". */
static void add_held_areas(const unused_ctx *u, const acct_file *f, char *buf, size_t len,
                           size_t *at)
{
	char held[HELD_AREAS][16];
	int level = area_level(u->area), n = 0, more = 0;

	for (size_t k = 0; k < f->st->n_problems; k++) {
		const csv_problem *p = &f->st->problems[k];

		if (acct_class_of(p) != ACCT_OUTSIDE_AREA)
			continue;
		for (int j = 0; j < p->n_seen; j++) {
			char code[16];
			int i;

			if (area_ancestor(p->seen[j], level, code, sizeof code) < 0)
				snprintf(code, sizeof code, "%s", p->seen[j]);
			for (i = 0; i < n && strcmp(held[i], code); i++)
				;
			if (i < n)
				continue;
			if (n == HELD_AREAS) {
				more = 1;
				continue;
			}
			memcpy(held[n++], code, sizeof code);
		}
	}
	for (int i = 0; i < n; i++) {
		add(buf, len, at, "%s", i ? ", " : "");
		add_area(u, buf, len, at, held[i]);
	}
	if (more)
		add(buf, len, at, ", ...");
}

const char *unused_failure(const unused_ctx *u, const acct_file *f, char *buf, size_t len)
{
	int lang = u->lang;
	long in_area = f->st->records - f->rows[ACCT_OUTSIDE_AREA];
	const char *year;
	size_t at = 0;

	buf[0] = '\0';
	switch (f->failure) {
	case ACCT_NOT_IN_AREA:
		add(buf, len, &at, i18n_format(lang, T_FMT_NOT_IN_AREA, "%s%ld%ld"), f->st->path, f->st->records,
		    f->rows[ACCT_OUTSIDE_AREA]);
		add_area(u, buf, len, &at, u->area);
		add(buf, len, &at, "%s", i18n(lang, T_FILE_HOLDS));
		add_held_areas(u, f, buf, len, &at);
		break;
	case ACCT_NOT_IN_PERIOD:
		year = acct_most_seen(f, ACCT_OUTSIDE_PERIOD);
		add(buf, len, &at, i18n_format(lang, T_FMT_NOT_IN_PERIOD, "%s%ld%ld%s"), f->st->path,
		    f->rows[ACCT_OUTSIDE_PERIOD], in_area, u->period);
		if (year)
			add(buf, len, &at, i18n_format(lang, T_FMT_MOST_FROM, "%s%s"), year, year);
		break;
	case ACCT_NOTHING_USED:
		add(buf, len, &at, i18n_format(lang, T_FMT_NOTHING_USED, "%s%ld"), f->st->path, f->st->records);
		break;
	case ACCT_TOO_MANY_REJECTED:
		add(buf, len, &at, i18n_format(lang, T_FMT_TOO_MANY_REJECTED, "%s%s%%%s%%"), f->st->path,
		    i18n_fmt(lang, f->share, 1), i18n_short(lang, u->acct->max_rejected));
		break;
	default:
		break;
	}
	return buf;
}

/* ": 10 outside area, 2 rejected" for the dropped classes, then "; 3 noted". */
static void add_classes(const unused_ctx *u, const long *rows, char *buf, size_t len,
                        size_t *at)
{
	const char *sep = ": ";

	for (int cls = 0; cls < ACCT_NOTED; cls++)
		if (rows[cls]) {
			add(buf, len, at, "%s%ld %s", sep, rows[cls], unused_class(u->lang, cls));
			sep = ", ";
		}
	if (rows[ACCT_NOTED])
		add(buf, len, at, "; %ld %s", rows[ACCT_NOTED], unused_class(u->lang, ACCT_NOTED));
}

const char *unused_headline(const unused_ctx *u, char *buf, size_t len)
{
	const accounting *a = u->acct;
	size_t at = 0;

	buf[0] = '\0';
	if (a->n_lossy == 0)
		return buf;
	add(buf, len, &at, i18n_format(u->lang, T_FMT_NOT_USED, "%ld%ld%zu%zu"), a->records - a->used, a->records,
	    a->n_lossy, a->n);
	add_classes(u, a->rows, buf, len, &at);
	return buf;
}

const char *unused_file_counts(const unused_ctx *u, const acct_file *f, char *buf,
                               size_t len)
{
	size_t at = 0;

	add(buf, len, &at, i18n_format(u->lang, T_FMT_FILE_COUNTS, "%ld%ld"), f->st->records, f->used);
	add_classes(u, f->rows, buf, len, &at);
	return buf;
}

/* Text from data as the terminal may show it (esc_term: no control
 * character repaints it); malloc'd, NULL when out of memory. */
static char *term_text(const char *s)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);

	if (!f)
		return NULL;
	esc_term(f, s ? s : "");
	if (fclose(f) != 0) {
		free(out);
		return NULL;
	}
	return out;
}

int unused_any(const accounting *a)
{
	return a && (a->n_lossy > 0 || a->n_failed > 0);
}

void unused_print_summary(const unused_ctx *u)
{
	const accounting *a = u->acct;
	int failed = a->n_failed > 0, lang = u->lang;
	char buf[2048];

	if (a->by_name)
		log_summary(0, i18n_format(lang, T_FMT_BY_NAME, "%ld"), a->by_name);
	if (a->n_lossy == 0) {
		if (a->n)
			log_summary(0, i18n_format(lang, T_FMT_ALL_USED, "%ld%zu"), a->records, a->n);
		return;
	}
	log_summary(failed, "%s", unused_headline(u, buf, sizeof buf));
	for (size_t i = 0; i < a->n; i++) {
		const acct_file *f = &a->files[i];

		if (!acct_file_lossy(f))
			continue;
		log_summary(failed, "  %s (%s): %s", f->st->path, f->instance,
		            unused_file_counts(u, f, buf, sizeof buf));
		for (size_t k = 0; k < f->st->n_problems; k++) {
			const csv_problem *p = &f->st->problems[k];
			int shown = p->n_examples < SUMMARY_EXAMPLES ? p->n_examples : SUMMARY_EXAMPLES;

			/* Rows left out by the report's choice: counted, not shown. */
			if (acct_class_of(p) == ACCT_NOT_LOKUS)
				continue;
			for (int j = 0; j < shown; j++) {
				char *text = term_text(p->example_text[j]);

				log_summary(failed, "    %s:%ld: %s", f->st->path, p->example_line[j],
				            text ? text : "");
				free(text);
			}
			if (p->count > shown)
				log_summary(failed, i18n_format(lang, T_FMT_MORE_ROWS, "%ld%s%s"), p->count - shown,
				            p->kind, unused_class(lang, acct_class_of(p)));
		}
	}
	for (size_t i = 0; i < a->n; i++)
		if (a->files[i].failure != ACCT_FINE)
			log_msg(PK2D_LOG_ERROR, "%s%s", i18n(lang, T_RUN_FAILS_PREFIX),
			        unused_failure(u, &a->files[i], buf, sizeof buf));
}
