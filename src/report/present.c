/*
 * present.c - the plugins' declarations laid out for the writers (see
 * present.h).
 */
#include <config.h>

#include "present.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

struct layout {
	const registry *r;
	const assess_agency *ag;
	const reg_group **group_of;   /* per row; NULL: in no declared group */
	present_line *lines;
	size_t n, rows;
};

static int shown(const registry *r, const assess_row *row)
{
	const reg_display *d = registry_display(r, row->decl);
	return !(d && d->hidden);
}

static void add(struct layout *l, const reg_group *g, const assess_row *row)
{
	l->lines[l->n].group = g;
	l->lines[l->n].row = row;
	l->lines[l->n].no = row ? ++l->rows : 0;
	l->n++;
}

static int within(const reg_group *inner, const reg_group *g)
{
	for (; inner; inner = inner->parent)
		if (inner == g)
			return 1;
	return 0;
}

/* A group's heading, its rows, then its subgroups; nothing when no shown
 * row is within it. */
static void emit(struct layout *l, const reg_group *g)
{
	size_t i, any = 0;

	for (i = 0; i < l->ag->n_rows && !any; i++)
		any = l->group_of[i] && within(l->group_of[i], g);
	if (!any)
		return;
	add(l, g, NULL);
	for (i = 0; i < l->ag->n_rows; i++)
		if (l->group_of[i] == g)
			add(l, NULL, &l->ag->rows[i]);
	for (i = 0; i < registry_n_groups(l->r); i++)
		if (registry_group_at(l->r, i)->parent == g)
			emit(l, registry_group_at(l->r, i));
}

present_line *present_agency(const registry *r, const assess_agency *ag, size_t *n)
{
	struct layout l = { r, ag, NULL, NULL, 0, 0 };
	size_t i, groups = 0;

	l.group_of = xcalloc(ag->n_rows + 1, sizeof *l.group_of);
	l.lines = xcalloc(2 * ag->n_rows + registry_n_groups(r) + 1, sizeof *l.lines);
	for (i = 0; i < ag->n_rows; i++)
		if (shown(r, &ag->rows[i]))
			groups += (l.group_of[i] = registry_group_of(r, ag->rows[i].decl)) != NULL;
	for (i = 0; groups && i < registry_n_groups(r); i++)
		if (!registry_group_at(r, i)->parent)
			emit(&l, registry_group_at(r, i));
	for (i = 0; i < ag->n_rows; i++)
		if (!l.group_of[i] && shown(r, &ag->rows[i]))
			add(&l, NULL, &ag->rows[i]);
	free(l.group_of);
	*n = l.n;
	return l.lines;
}

const reg_indicator **present_headlines(const registry *r, size_t *n)
{
	const reg_indicator **out = NULL;

	*n = 0;
	for (size_t i = 0; i < registry_n_indicators(r); i++) {
		const reg_indicator *d = registry_indicator_at(r, i);
		const reg_display *x = registry_display(r, d);

		if (!x || !x->headline)
			continue;
		out = xrealloc(out, (*n + 1) * sizeof *out);
		out[(*n)++] = d;
	}
	return out;
}

const reg_class *present_class(const registry *r, const reg_indicator *d, double value)
{
	return reg_display_class(registry_display(r, d), value);
}

int present_table_shown(const registry *r, const reg_table *t, const char *agency,
                        const char *area, const char *period)
{
	if (strcmp(t->agency, agency) != 0)
		return 0;
	for (size_t i = 0; i < t->n_rows; i++)
		for (size_t j = 0; j < t->n_cols; j++)
			if (!isnan(reg_table_cell_value(r, t, i, j, area, period)))
				return 1;
	return 0;
}

void present_class_sources(const registry *r, const present_line *lines, size_t n,
                           void (*fn)(void *ud, const char *source), void *ud)
{
	for (size_t i = 0; i < n; i++) {
		const reg_display *d = lines[i].row ? registry_display(r, lines[i].row->decl) : NULL;
		size_t j;

		if (!d || !d->n_classes)
			continue;
		for (j = 0; j < i; j++) {
			const reg_display *o = lines[j].row ? registry_display(r, lines[j].row->decl)
			                                    : NULL;
			if (o && o->n_classes && !strcmp(o->classes_source, d->classes_source))
				break;
		}
		if (j == i)
			fn(ud, d->classes_source);
	}
}

const char *present_rule_name(int rule)
{
	static const char *const names[] = { "sum", "count", "percent", "mean", "sd" };

	return rule >= PK2D_CELL_SUM && rule <= PK2D_CELL_SD ? names[rule] : "";
}
