/*
 * input_check.c - opens a plugin's declared inputs and checks their headers.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csv.h"
#include "input_check.h"
#include "suggest.h"
#include "template.h"
#include "util.h"

/* What the check found for one declared column. */
struct column_state {
	const char *header;       /* the header looked for (renamed or default) */
	const conf_entry *rename; /* the key that renamed it, or NULL */
	int missing;              /* not in the file, and not renamed */
	int near;                 /* a file column that looks like it, or -1 */
};

/* The key that renames the column field of in's file named by key: the
 * column prefix, its '*' (if any) the text the '*' of in's key stands for
 * in key ("indicator.akta.numerator" for "indicator.*.table"), and field;
 * lower case. NULL when the columns cannot be renamed. malloc'd. */
static char *column_key(const pk2d_input *in, const char *key, const char *field)
{
	const char *pre = in->column_prefix, *star, *in_star = strchr(in->key, '*');
	char *k;

	if (!pre)
		return NULL;
	if ((star = strchr(pre, '*')) && in_star) {
		size_t head = (size_t)(in_star - in->key), tail = strlen(in_star + 1);
		int n = strlen(key) > head + tail ? (int)(strlen(key) - head - tail) : 0;
		k = xasprintf("%.*s%.*s%s%s", (int)(star - pre), pre, n, key + head, star + 1, field);
	} else {
		k = xasprintf("%s%s", pre, field);
	}
	for (char *p = k; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return k;
}

/* The entry of the key renaming field of in's file named by key, or NULL. */
static const conf_entry *rename_entry(const conf_plugin *cp, const pk2d_input *in,
                                      const char *key, const char *field)
{
	char *k = column_key(in, key, field);
	const conf_entry *e = k ? conf_section_get(cp->section, k) : NULL;

	free(k);
	return e;
}

const char *input_column_header(const conf_plugin *cp, const pk2d_input *in, const char *key,
                                const pk2d_input_column *col)
{
	const conf_entry *e = rename_entry(cp, in, key, col->field);
	return e ? e->value : col->header;
}

/* Whether file column i carries a header some declared column has (its
 * default or the one it was renamed to): such a column is known. */
static int known_header(const csv_reader *c, int i, const pk2d_input *in,
                        const struct column_state *st, size_t n)
{
	const char *h = csv_header(c, i);
	for (size_t j = 0; j < n; j++)
		if ((in->columns[j].header && !strcasecmp(h, in->columns[j].header)) ||
		    (st[j].header && !strcasecmp(h, st[j].header)))
			return 1;
	return 0;
}

/* Headers this short ("F1", "JK") are codes: one letter more or less is
 * another code, so they only look alike when equal once folded. */
#define SHORT_HEADER 4

/* Finds each missing column's look-alike among the file's unknown columns. */
static void find_look_alikes(const csv_reader *c, const pk2d_input *in, struct column_state *st,
                             size_t n)
{
	const char **missing = xcalloc(n ? n : 1, sizeof *missing);
	for (size_t j = 0; j < n; j++)
		missing[j] = st[j].missing && strlen(st[j].header) >= SHORT_HEADER ? st[j].header
		                                                                   : NULL;
	for (int i = 0; i < csv_header_count(c); i++) {
		const char *h = csv_header(c, i);
		size_t j;
		if (!h[0] || known_header(c, i, in, st, n))
			continue;
		if (strlen(h) >= SHORT_HEADER && suggest(h, missing, n, &j, 1) && st[j].near < 0) {
			st[j].near = i;
			continue;
		}
		for (j = 0; j < n; j++)
			if (st[j].missing && st[j].near < 0 && same_folded(h, st[j].header))
				st[j].near = i;
	}
	free(missing);
}

/* The rename hint: ", or set column.FIELD = HEADER". */
static char *rename_hint(const pk2d_input *in, const char *key, const pk2d_input_column *col,
                         const char *header)
{
	char *k = column_key(in, key, col->field);
	char *hint = k ? xasprintf(", or set %s = %s", k, header) : xstrdup("");

	free(k);
	return hint;
}

static void report_columns(const conf_plugin *cp, const pk2d_input *in, const char *key,
                           const csv_reader *c, const struct column_state *st, size_t n,
                           msglist *errs)
{
	const char *path = csv_path(c);
	for (size_t j = 0; j < n; j++) {
		const pk2d_input_column *col = &in->columns[j];
		if (!st[j].missing || (!col->required && st[j].near < 0))
			continue;
		if (st[j].near < 0) {
			char *hint = rename_hint(in, key, col, "HEADER");
			msglist_add(errs, path, csv_header_line(c), "no column '%s' ([plugin.%s] %s: %s, required); "
			            "add it%s", st[j].header, cp->instance, in->key, col->field, hint);
			free(hint);
			continue;
		}
		const char *look = csv_header(c, st[j].near);
		char *hint = rename_hint(in, key, col, look);
		if (col->required)
			msglist_add(errs, path, csv_header_line(c), "no column '%s' ([plugin.%s] %s: %s, required); "
			            "did you mean '%s'? Rename that header%s", st[j].header,
			            cp->instance, in->key, col->field, look, hint);
		else
			msglist_add(errs, path, csv_header_line(c), "column '%s' is not read: it looks like '%s' "
			            "([plugin.%s] %s: %s, optional) but is not it; rename the header%s",
			            look, st[j].header,
			            cp->instance, in->key, col->field, hint);
		free(hint);
	}
}

/* A renamed column the file lacks: at the key's line, with the nearest
 * headers of the file. */
static void report_bad_rename(const conf_plugin *cp, const csv_reader *c,
                              const struct column_state *s, msglist *errs)
{
	size_t n = (size_t)csv_header_count(c), best;
	const char **headers = xcalloc(n ? n : 1, sizeof *headers);
	for (size_t i = 0; i < n; i++)
		headers[i] = csv_header(c, (int)i);
	if (suggest(s->header, headers, n, &best, 1))
		msglist_add(errs, s->rename->file, s->rename->line, "column '%s' is not in %s "
		            "([plugin.%s] %s); did you mean '%s'?", s->header, csv_path(c),
		            cp->instance, s->rename->key, headers[best]);
	else
		msglist_add(errs, s->rename->file, s->rename->line, "column '%s' is not in %s "
		            "([plugin.%s] %s)", s->header, csv_path(c), cp->instance,
		            s->rename->key);
	free(headers);
}

int input_key_matches(const char *key, const char *pattern)
{
	const char *star = strchr(pattern, '*');
	if (!star)
		return !strcasecmp(key, pattern);
	size_t head = (size_t)(star - pattern), tail = strlen(star + 1), n = strlen(key);
	return n > head + tail && !strncasecmp(key, pattern, head) &&
	       !strcasecmp(key + n - tail, star + 1);
}

/* The header of the area code column of the declared input i, whose file
 * key names, or NULL. */
static const char *area_header(const conf_plugin *cp, const loaded_plugin *lp, size_t i,
                               const char *key)
{
	const pk2d_input *in = &lp->inputs[i];

	if (!lp->area_fields || !lp->area_fields[i])
		return NULL;
	for (const pk2d_input_column *col = in->columns; col && col->field; col++)
		if (!strcmp(col->field, lp->area_fields[i]))
			return input_column_header(cp, in, key, col);
	return NULL;
}

/* Sets up the area names of c, the file of the input i: 0, or <0 with why
 * set (csv_area_names). */
static int setup_areas(const conf_plugin *cp, const loaded_plugin *lp, size_t i,
                       const char *key, const areas *table, const char *area, csv_reader *c,
                       char *why, size_t len)
{
	const char *header = area_header(cp, lp, i, key);

	return header && header[0] ? csv_area_names(c, header, table, area, why, len) : 0;
}

csv_reader *input_open(const conf_plugin *cp, const loaded_plugin *lp, const areas *table,
                       const char *area, const char *path, int *area_col, char *err,
                       size_t errlen)
{
	char why[512];
	csv_reader *c = csv_open(path, why, sizeof why);

	*area_col = -1;
	if (!c)
		snprintf(err, errlen, "%s: %s", path, why);
	for (size_t i = 0; c && i < lp->n_inputs; i++)
		for (size_t j = 0; j < cp->section->n; j++) {
			const conf_entry *e = cp->section->entries[j];
			char *file;
			int same;

			if (!input_key_matches(e->key, lp->inputs[i].key) || !e->value[0])
				continue;
			file = conf_entry_path(e, e->value);
			same = !strcmp(file, path);
			free(file);
			if (!same)
				continue;
			if (setup_areas(cp, lp, i, e->key, table, area, c, why, sizeof why) < 0) {
				snprintf(err, errlen, "%s:%ld: %s", csv_path(c), csv_header_line(c), why);
				csv_stats_free(csv_close(c));
				return NULL;
			}
			if (template_skip_rows(cp, lp, i, e->key, c) < 0) {
				snprintf(err, errlen, "%s: out of memory", path);
				csv_stats_free(csv_close(c));
				return NULL;
			}
			const char *header = area_header(cp, lp, i, e->key);
			if (header && header[0])
				*area_col = csv_column(c, header);
			return c;
		}
	return c;
}

static void check_file(const conf_plugin *cp, const loaded_plugin *lp, size_t i,
                       const areas *table, const char *area, const conf_entry *e,
                       msglist *errs)
{
	const pk2d_input *in = &lp->inputs[i];
	char why[512];
	char *path = conf_entry_path(e, e->value);
	csv_reader *c = csv_open(path, why, sizeof why);
	if (!c) {
		msglist_add(errs, e->file, e->line, "[plugin.%s] %s: %s: %s", cp->instance, in->key,
		            path, why);
		free(path);
		return;
	}
	if (setup_areas(cp, lp, i, e->key, table, area, c, why, sizeof why) < 0) {
		msglist_add(errs, csv_path(c), csv_header_line(c), "%s", why);
		csv_stats_free(csv_close(c));
		free(path);
		return;
	}
	free(path);
	size_t n = 0;
	while (in->columns && in->columns[n].field)
		n++;
	struct column_state *st = xcalloc(n ? n : 1, sizeof *st);
	for (size_t j = 0; j < n; j++) {
		st[j].rename = rename_entry(cp, in, e->key, in->columns[j].field);
		st[j].header = input_column_header(cp, in, e->key, &in->columns[j]);
		st[j].near = -1;
		if (!st[j].header || !st[j].header[0])
			continue; /* no default header, or renamed to nothing */
		int col = csv_column(c, st[j].header);
		if (col == CSV_AMBIGUOUS) {
			csv_ambiguous(c, st[j].header, why, sizeof why);
			msglist_add(errs, csv_path(c), csv_header_line(c), "%s", why);
		} else if (col < 0 && st[j].rename) {
			report_bad_rename(cp, c, &st[j], errs);
		} else if (col < 0) {
			st[j].missing = 1;
		}
	}
	find_look_alikes(c, in, st, n);
	report_columns(cp, in, e->key, c, st, n, errs);
	free(st);
	csv_stats_free(csv_close(c));
}

size_t input_check(const conf_plugin *cp, const loaded_plugin *lp, const areas *table,
                   const char *area, msglist *errs)
{
	size_t before = errs->n;
	const conf_section *s = cp->section;
	for (size_t i = 0; i < lp->n_inputs; i++)
		for (size_t k = 0; k < s->n; k++) {
			const conf_entry *e = s->entries[k];
			/* An unset key is the plugin's business (conf_check_plugin
			 * reports a required one). */
			if (input_key_matches(e->key, lp->inputs[i].key) && e->value[0])
				check_file(cp, lp, i, table, area, e, errs);
		}
	return errs->n - before;
}
