/*
 * csv_areas.c - a file's area code column made from, or checked against,
 * its area name columns (csv_area_names, area_names.h).
 *
 * Made: the code column is a column of the reader past the file's own,
 * filled as each record is read (csv_read_record), so that every way of
 * reading the file (in order, grouped by that column) sees it; a record
 * whose names find no code gets it empty, and csv_next rejects it with
 * the reason found again. Checked: csv_next compares each name with the
 * table's name of the code's area of that level.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pk2d/plugin.h"
#include "area_names.h"
#include "csv.h"
#include "csv_priv.h"

/* Names of one record, joined, for the cache of the last lookup. */
#define JOINED_MAX 512

struct csv_areas {
	const areas *table;
	int code_col;        /* the code column (made: the reader's last) */
	int made;            /* the code column is made from the names */
	int top, deep;       /* the levels of the names read (a chain) */
	int cols[AREA_NAME_LEVELS]; /* each level's name column, or -1 */
	char parent[AREAS_CODE_MAX]; /* made: where the top name is looked up */
	char code[AREAS_CODE_MAX];   /* made: the current record's code */
	char last[JOINED_MAX];       /* the names of the last lookup */
	char last_code[AREAS_CODE_MAX]; /* and its code ("" when none) */
};

static char empty_cell[1];

/* Appends text and a '\x1f' to out at *at: 0, or -1 when it does not fit. */
static int join(char *out, size_t len, size_t *at, const char *text)
{
	size_t n = strlen(text);

	if (*at + n + 2 > len)
		return -1;
	memcpy(out + *at, text, n);
	out[*at + n] = '\x1f';
	out[*at + n + 1] = '\0';
	*at += n + 1;
	return 0;
}

/* The code and the names of the record's columns top..deep joined into
 * out (every row is compared with the last one's: no snprintf); 0, or -1
 * when they do not fit (they are then not cached). */
static int join_names(const csv_reader *c, const struct csv_areas *s, const char *code,
                      char *out, size_t len)
{
	size_t at = 0;

	if (join(out, len, &at, code) < 0)
		return -1;
	for (int l = s->top; l <= s->deep; l++)
		if (join(out, len, &at, csv_field(c, s->cols[l - 1])) < 0)
			return -1;
	return 0;
}

/* The code the record's names find: 0 with s->code set, or -1 with why. */
static int find_code(const csv_reader *c, struct csv_areas *s, char *why, size_t len)
{
	char parent[AREAS_CODE_MAX];

	snprintf(parent, sizeof parent, "%s", s->parent);
	for (int l = s->top; l <= s->deep; l++) {
		const char *name = csv_field(c, s->cols[l - 1]);

		if (!*name) {
			snprintf(why, len, "no area name: %s is empty",
			         csv_header(c, s->cols[l - 1]));
			return -1;
		}
		if (area_name_find(s->table, parent, name, s->code, why, len) < 0)
			return -1;
		snprintf(parent, sizeof parent, "%s", s->code);
	}
	return 0;
}

int csv_area_fill(csv_reader *c)
{
	struct csv_areas *s = c->areas;
	int v = s->code_col, n = c->n_fields;
	char joined[JOINED_MAX], why[512];

	/* Too few fields: csv_next rejects the record as it is. */
	if (n < c->n_named)
		return 1;
	if (csv_reserve_fields(c, (n > v ? n : v) + 1) < 0) {
		snprintf(c->error, sizeof c->error, "line %ld: out of memory", c->rec_line);
		return PK2D_ERR_NOMEM;
	}
	for (; n < v; n++)
		c->fields[n] = empty_cell;
	/* Fields past the file's header move one on: csv_next rejects a
	 * record with text there. */
	memmove(&c->fields[v + 1], &c->fields[v], (size_t)(n - v) * sizeof *c->fields);
	c->fields[v] = s->code;
	c->n_fields = n + 1;
	if (join_names(c, s, "", joined, sizeof joined) == 0 && !strcmp(joined, s->last)) {
		memcpy(s->code, s->last_code, sizeof s->code);
		return 1;
	}
	if (find_code(c, s, why, sizeof why) < 0)
		s->code[0] = '\0';
	if (join_names(c, s, "", s->last, sizeof s->last) == 0)
		memcpy(s->last_code, s->code, sizeof s->code);
	else
		s->last[0] = '\0';
	return 1;
}

int csv_area_hold(csv_reader *c, char **fields, int n_fields, char **copy)
{
	struct csv_areas *s = c->areas;

	*copy = NULL;
	if (s->code_col >= n_fields || fields[s->code_col] != s->code)
		return 0;
	if (!(*copy = strdup(s->code)))
		return PK2D_ERR_NOMEM;
	fields[s->code_col] = *copy;
	return 0;
}

/* A made code: the record is used when its names found one. */
static int check_made(csv_reader *c, struct csv_areas *s)
{
	char why[512];

	if (*csv_field(c, s->code_col)) {
		c->stats.by_name++;
		return 1;
	}
	find_code(c, s, why, sizeof why);
	csv_reject(c, "%s", why);
	return 0;
}

/* Whether the record's code and names, joined, would be the last lookup's
 * (s->last), compared in place: most rows repeat the one before. */
static int same_as_last(const csv_reader *c, const struct csv_areas *s, const char *code)
{
	const char *p = s->last;
	size_t n = strlen(code);

	if (strncmp(p, code, n) != 0 || p[n] != '\x1f')
		return 0;
	p += n + 1;
	for (int l = s->top; l <= s->deep; l++) {
		const char *name = csv_field(c, s->cols[l - 1]);

		n = strlen(name);
		if (strncmp(p, name, n) != 0 || p[n] != '\x1f')
			return 0;
		p += n + 1;
	}
	return 1;
}

/* A code the file has: each name the record has must be its area's. */
static int check_given(csv_reader *c, struct csv_areas *s)
{
	const char *code = csv_field(c, s->code_col);
	char anc[AREAS_CODE_MAX];
	int level;

	/* The last lookup's code passed the level's check too. */
	if (same_as_last(c, s, code))
		return 1;
	if ((level = area_level(code)) < AREA_PROVINCE)
		return 1; /* the plugin says what is wrong with the code */
	for (int l = s->top; l <= s->deep && l <= level; l++) {
		const char *name = csv_field(c, s->cols[l - 1]);

		if (!*name || area_ancestor(code, l, anc, sizeof anc) < 0 ||
		    area_name_matches(s->table, anc, name))
			continue;
		csv_reject(c, "area name and code disagree: %s %s is %s, but %s is '%s'",
		           csv_header(c, s->code_col), code, areas_name(s->table, anc),
		           csv_header(c, s->cols[l - 1]), name);
		return 0;
	}
	if (join_names(c, s, code, s->last, sizeof s->last) < 0)
		s->last[0] = '\0';
	return 1;
}

int csv_area_check(csv_reader *c)
{
	return c->areas->made ? check_made(c, c->areas) : check_given(c, c->areas);
}

int csv_area_same(csv_reader *k, const csv_reader *c)
{
	if (!c->areas)
		return 0;
	if (!(k->areas = malloc(sizeof *k->areas)))
		return PK2D_ERR_NOMEM;
	*k->areas = *c->areas;
	k->areas->last[0] = '\0';
	if (c->made_column) {
		if (csv_add_column(k, csv_header(c, c->n_header - 1)) < 0)
			return PK2D_ERR_NOMEM;
		k->made_column = 1;
	}
	return 0;
}

int csv_area_names(csv_reader *c, const char *header, const areas *table, const char *area,
                   char *err, size_t errlen)
{
	struct csv_areas s = { .table = table };
	int col = csv_column(c, header), run = area_level(area), n = csv_header_count(c);

	/* The code column may be headed as a name column ("column.area =
	 * desa"): it is then no name. */
	for (int l = AREA_PROVINCE; l <= AREA_VILLAGE; l++) {
		s.cols[l - 1] = -1;
		for (int i = 0; i < n && s.cols[l - 1] < 0; i++)
			if (i != col && area_name_header_is(csv_header(c, i), l))
				s.cols[l - 1] = i;
		if (s.cols[l - 1] >= 0)
			s.deep = l;
	}
	if (!table || !s.deep || col == CSV_AMBIGUOUS || run == AREA_INVALID)
		return 0;
	s.top = s.deep;
	while (s.top > AREA_PROVINCE && s.cols[s.top - 2] >= 0)
		s.top--;
	if (col < 0) {
		/* The top name is looked up within the run's area above it. */
		if (s.top - 1 > run) {
			snprintf(err, errlen, "no column '%s' and no '%s': the names in '%s' are "
			         "looked up within their %s; add the column '%s' (or '%s' with the "
			         "codes)", header, area_name_header(s.top - 1),
			         csv_header(c, s.cols[s.top - 1]), s.top - 1 == AREA_PROVINCE
			         ? "province" : s.top - 1 == AREA_REGENCY ? "kabupaten/kota"
			         : "kecamatan", area_name_header(s.top - 1), header);
			return PK2D_ERR_MISSING;
		}
		if (area_ancestor(area, s.top - 1, s.parent, sizeof s.parent) < 0)
			return 0;
		s.made = 1;
		s.code_col = n;
	} else {
		s.code_col = col;
	}
	if (!(c->areas = malloc(sizeof *c->areas))) {
		snprintf(err, errlen, "out of memory");
		return PK2D_ERR_NOMEM;
	}
	*c->areas = s;
	if (s.made) {
		if (csv_add_column(c, header) < 0) {
			snprintf(err, errlen, "out of memory");
			return PK2D_ERR_NOMEM;
		}
		c->made_column = 1;
	}
	return 0;
}
