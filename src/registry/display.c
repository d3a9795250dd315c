/*
 * display.c - the presentation a plugin declares for its indicators (see
 * display.h and plugin.h, ABI 1.3).
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "registry_priv.h"
#include "util.h"

struct reg_decls {
	reg_group **groups;
	size_t n_groups;
	reg_table **tables;
	size_t n_tables;
	reg_display **disp;          /* by indicator index; NULL: none */
	size_t n_disp;
};

static reg_decls *decls(registry *r)
{
	reg_decls **d = registry_decls(r);

	if (!*d)
		*d = xcalloc(1, sizeof **d);
	return *d;
}

static char *dup_or(const char *s, const char *dflt)
{
	return xstrdup(s ? s : dflt);
}

static void display_free(reg_display *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n_classes; i++) {
		free(d->classes[i].key);
		free(d->classes[i].label_id);
		free(d->classes[i].label_en);
	}
	free(d->classes);
	free(d->classes_source);
	free(d);
}

static void table_free(reg_table *t)
{
	for (size_t i = 0; i < t->n_cols; i++) {
		free(t->cols[i].label_id);
		free(t->cols[i].label_en);
	}
	for (size_t i = 0; i < t->n_rows; i++) {
		free(t->rows[i].label_id);
		free(t->rows[i].label_en);
		free(t->rows[i].cells);
	}
	free(t->cols);
	free(t->rows);
	free(t->plugin);
	free(t->id);
	free(t->agency);
	free(t->title_id);
	free(t->title_en);
	free(t->rows_label_id);
	free(t->rows_label_en);
	free(t->note_id);
	free(t->note_en);
	free(t);
}

void reg_decls_free(reg_decls *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n_groups; i++) {
		reg_group *g = d->groups[i];
		free(g->plugin);
		free(g->id);
		free(g->label_id);
		free(g->label_en);
		free(g);
	}
	for (size_t i = 0; i < d->n_tables; i++)
		table_free(d->tables[i]);
	for (size_t i = 0; i < d->n_disp; i++)
		display_free(d->disp[i]);
	free(d->groups);
	free(d->tables);
	free(d->disp);
	free(d);
}

static const reg_group *find_group(const reg_decls *d, const char *plugin, const char *id)
{
	for (size_t i = 0; d && i < d->n_groups; i++)
		if (!strcmp(d->groups[i]->plugin, plugin) && !strcmp(d->groups[i]->id, id))
			return d->groups[i];
	return NULL;
}

/* The plugin's own indicator id, NULL when not declared. */
static const reg_indicator *own(const registry *r, const char *plugin, const char *id)
{
	char full[128];

	if (!id || snprintf(full, sizeof full, "%s.%s", plugin, id) >= (int)sizeof full)
		return NULL;
	return registry_find_indicator(r, full);
}

/* The checks every declaration starts with: plugin and id names, a
 * label, clean texts. what: "group", "table". */
static int check_head(const char *plugin, const char *what, const char *id, const char *label,
                      const char *const *names, const char *const *texts, size_t n,
                      char *err, size_t errlen)
{
	if (!registry_valid_name(plugin, PLUGIN_NAME_MAX)) {
		snprintf(err, errlen, "plugin name '%s' is not [a-z][a-z0-9_]{0,31}",
		         plugin ? plugin : "(null)");
		return PK2D_ERR_INVALID;
	}
	if (!registry_valid_name(id, ID_MAX)) {
		snprintf(err, errlen, "%s: %s id '%s' is not [a-z][a-z0-9_]{0,47}", plugin, what,
		         id ? id : "(null)");
		return PK2D_ERR_INVALID;
	}
	if (!label || !*label) {
		snprintf(err, errlen, "%s: %s %s.%s has no label", plugin, what, plugin, id);
		return PK2D_ERR_INVALID;
	}
	return registry_check_texts(plugin, what, id, names, texts, n, err, errlen);
}

int registry_declare_group(registry *r, const char *plugin, const pk2d_group *g, char *err,
                           size_t errlen)
{
	static const char *const names[] = { "label_id", "label_en" };
	const char *const texts[] = { g->label_id, g->label_en };
	const reg_group *parent = NULL;
	int rc = check_head(plugin, "group", g->id, g->label_id, names, texts, 2, err, errlen);

	if (rc < 0)
		return rc;
	if (find_group(registry_decls_const(r), plugin, g->id)) {
		snprintf(err, errlen, "%s: group %s.%s declared twice", plugin, plugin, g->id);
		return PK2D_ERR_DUPLICATE;
	}
	if (g->parent && !(parent = find_group(registry_decls_const(r), plugin, g->parent))) {
		snprintf(err, errlen, "%s: group %s.%s: parent '%s' is not a group declared before",
		         plugin, plugin, g->id, g->parent);
		return PK2D_ERR_INVALID;
	}
	if (parent && parent->depth + 1 >= PK2D_GROUP_DEPTH) {
		snprintf(err, errlen, "%s: group %s.%s is nested deeper than %d levels", plugin,
		         plugin, g->id, PK2D_GROUP_DEPTH);
		return PK2D_ERR_INVALID;
	}
	reg_decls *d = decls(r);
	reg_group *x = xcalloc(1, sizeof *x);
	x->plugin = xstrdup(plugin);
	x->id = xstrdup(g->id);
	x->label_id = xstrdup(g->label_id);
	x->label_en = dup_or(g->label_en, g->label_id);
	x->parent = parent;
	x->depth = parent ? parent->depth + 1 : 0;
	x->index = d->n_groups;
	d->groups = xrealloc(d->groups, (d->n_groups + 1) * sizeof *d->groups);
	d->groups[d->n_groups++] = x;
	return 0;
}

/* The bands of a display: keys, labels, ascending lowers. */
static int check_classes(const char *plugin, const char *full, const pk2d_display *d,
                         size_t *n, char *err, size_t errlen)
{
	for (*n = 0; d->classes[*n].key; (*n)++) {
		const pk2d_class *c = &d->classes[*n];
		static const char *const names[] = { "class label_id", "class label_en" };
		const char *const texts[] = { c->label_id, c->label_en };
		int rc;

		if (*n == PK2D_MAX_CLASSES) {
			snprintf(err, errlen, "%s: display of %s: more than %d classes", plugin, full,
			         PK2D_MAX_CLASSES);
			return PK2D_ERR_INVALID;
		}
		if ((rc = check_head(plugin, "class", c->key, c->label_id, names, texts, 2, err,
		                     errlen)) < 0)
			return rc;
		if (*n > 0 && !(isfinite(c->lower) && (*n == 1 || c->lower > d->classes[*n - 1].lower))) {
			snprintf(err, errlen, "%s: display of %s: class %s: lower bound is not a finite "
			         "number above the previous class's", plugin, full, c->key);
			return PK2D_ERR_INVALID;
		}
	}
	if (*n < 2) {
		snprintf(err, errlen, "%s: display of %s: classes need at least two bands", plugin,
		         full);
		return PK2D_ERR_INVALID;
	}
	if (!d->classes_source || !*d->classes_source) {
		snprintf(err, errlen, "%s: display of %s: classes without a classes_source", plugin,
		         full);
		return PK2D_ERR_INVALID;
	}
	static const char *const names[] = { "classes_source" };
	const char *const texts[] = { d->classes_source };
	return registry_check_texts(plugin, "display of", full, names, texts, 1, err, errlen);
}

int registry_declare_display(registry *r, const char *plugin, const pk2d_display *d,
                             char *err, size_t errlen)
{
	const reg_indicator *ind = own(r, plugin, d->indicator);
	size_t n = 0;
	int rc;

	if (!ind) {
		snprintf(err, errlen, "%s: display of '%s': not an indicator declared before", plugin,
		         d->indicator ? d->indicator : "(null)");
		return PK2D_ERR_UNKNOWN_ID;
	}
	if (registry_display(r, ind)) {
		snprintf(err, errlen, "%s: display of %s declared twice", plugin, ind->full_id);
		return PK2D_ERR_DUPLICATE;
	}
	if (d->classes && (rc = check_classes(plugin, ind->full_id, d, &n, err, errlen)) < 0)
		return rc;
	reg_display *x = xcalloc(1, sizeof *x);
	x->headline = d->headline != 0;
	x->hidden = d->hidden != 0;
	x->n_classes = n;
	x->classes = n ? xcalloc(n, sizeof *x->classes) : NULL;
	for (size_t i = 0; i < n; i++) {
		const pk2d_class *c = &d->classes[i];
		x->classes[i].lower = i == 0 ? -INFINITY : c->lower;
		x->classes[i].key = xstrdup(c->key);
		x->classes[i].label_id = xstrdup(c->label_id);
		x->classes[i].label_en = dup_or(c->label_en, c->label_id);
	}
	x->classes_source = n ? xstrdup(d->classes_source) : xstrdup("");
	reg_decls *dd = decls(r);
	if (ind->index >= dd->n_disp) {
		size_t grow = registry_n_indicators(r);
		dd->disp = xrealloc(dd->disp, grow * sizeof *dd->disp);
		memset(dd->disp + dd->n_disp, 0, (grow - dd->n_disp) * sizeof *dd->disp);
		dd->n_disp = grow;
	}
	dd->disp[ind->index] = x;
	return 0;
}

/* Counts a NULL-label-ended list, at most PK2D_TABLE_MAX entries. */
#define COUNT_LIST(list, n)                                                   \
	for ((n) = 0; (list) && (n) <= PK2D_TABLE_MAX && (list)[n].label_id; (n)++)

/* Resolves and checks the cells of a row into x. */
static int table_cells(const registry *r, const char *plugin, const char *full,
                       const pk2d_table *t, size_t nc, const pk2d_table_row *row,
                       reg_table_cell *x, char *err, size_t errlen)
{
	if (!row->cells) {
		snprintf(err, errlen, "%s: table %s: row '%s' has no cells", plugin, full,
		         row->label_id);
		return PK2D_ERR_INVALID;
	}
	for (size_t c = 0; c < nc; c++) {
		const pk2d_table_cell *cell = &row->cells[c];
		int sd = t->columns[c].rule == PK2D_CELL_SD;

		if (!cell->indicator)
			continue;
		if (!(x[c].ind = own(r, plugin, cell->indicator)) ||
		    (sd && !(x[c].squares = own(r, plugin, cell->squares)))) {
			snprintf(err, errlen, "%s: table %s: row '%s': '%s' is not an indicator "
			         "declared before", plugin, full, row->label_id,
			         x[c].ind ? (cell->squares ? cell->squares : "(null)")
			                  : cell->indicator);
			return PK2D_ERR_UNKNOWN_ID;
		}
	}
	return 0;
}

int registry_declare_table(registry *r, const char *plugin, const char *agency,
                           const pk2d_table *t, char *err, size_t errlen)
{
	static const char *const names[] = { "title_id", "title_en", "rows_label_id",
	                                     "rows_label_en", "note_id", "note_en" };
	const char *const texts[] = { t->title_id, t->title_en, t->rows_label_id,
	                              t->rows_label_en, t->note_id, t->note_en };
	size_t nc, nr;
	char full[128];
	int rc = check_head(plugin, "table", t->id, t->title_id, names, texts, 6, err, errlen);

	if (rc < 0)
		return rc;
	snprintf(full, sizeof full, "%s.%s", plugin, t->id);
	for (size_t i = 0; i < registry_n_tables(r); i++) {
		const reg_table *o = registry_table_at(r, i);
		if (!strcmp(o->plugin, plugin) && !strcmp(o->id, t->id)) {
			snprintf(err, errlen, "%s: table %s declared twice", plugin, full);
			return PK2D_ERR_DUPLICATE;
		}
	}
	COUNT_LIST(t->columns, nc);
	COUNT_LIST(t->rows, nr);
	if (nc < 1 || nc > PK2D_TABLE_MAX || nr < 1 || nr > PK2D_TABLE_MAX) {
		snprintf(err, errlen, "%s: table %s: needs 1..%d columns and rows", plugin, full,
		         PK2D_TABLE_MAX);
		return PK2D_ERR_INVALID;
	}
	for (size_t c = 0; c < nc; c++) {
		const pk2d_table_column *col = &t->columns[c];
		static const char *const cn[] = { "column label_id", "column label_en" };
		const char *const ct[] = { col->label_id, col->label_en };

		if ((rc = registry_check_texts(plugin, "table", full, cn, ct, 2, err, errlen)) < 0)
			return rc;
		if (col->rule < PK2D_CELL_SUM || col->rule > PK2D_CELL_SD || col->decimals < 0 ||
		    col->decimals > 6) {
			snprintf(err, errlen, "%s: table %s: column '%s': rule %d is not 0..4 or "
			         "decimals %d not 0..6", plugin, full, col->label_id, col->rule,
			         col->decimals);
			return PK2D_ERR_INVALID;
		}
	}
	reg_table *x = xcalloc(1, sizeof *x);
	x->rows = xcalloc(nr, sizeof *x->rows);
	for (size_t i = 0; i < nr; i++) {
		const pk2d_table_row *row = &t->rows[i];
		static const char *const rn[] = { "row label_id", "row label_en" };
		const char *const rt[] = { row->label_id, row->label_en };

		x->rows[i].cells = xcalloc(nc, sizeof *x->rows[i].cells);
		x->rows[i].label_id = xstrdup(row->label_id);
		x->rows[i].label_en = dup_or(row->label_en, row->label_id);
		x->n_rows++;
		if ((rc = registry_check_texts(plugin, "table", full, rn, rt, 2, err, errlen)) < 0 ||
		    (rc = table_cells(r, plugin, full, t, nc, row, x->rows[i].cells, err,
		                      errlen)) < 0) {
			table_free(x);
			return rc;
		}
	}
	x->cols = xcalloc(nc, sizeof *x->cols);
	for (size_t c = 0; c < nc; c++) {
		x->cols[c].label_id = xstrdup(t->columns[c].label_id);
		x->cols[c].label_en = dup_or(t->columns[c].label_en, t->columns[c].label_id);
		x->cols[c].rule = t->columns[c].rule;
		x->cols[c].decimals = t->columns[c].decimals;
	}
	x->n_cols = nc;
	x->plugin = xstrdup(plugin);
	x->id = xstrdup(t->id);
	x->agency = dup_or(agency, "");
	x->title_id = xstrdup(t->title_id);
	x->title_en = dup_or(t->title_en, t->title_id);
	x->rows_label_id = dup_or(t->rows_label_id, "");
	x->rows_label_en = dup_or(t->rows_label_en, x->rows_label_id);
	x->note_id = dup_or(t->note_id, "");
	x->note_en = dup_or(t->note_en, x->note_id);
	reg_decls *d = decls(r);
	d->tables = xrealloc(d->tables, (d->n_tables + 1) * sizeof *d->tables);
	d->tables[d->n_tables++] = x;
	return 0;
}

const reg_display *registry_display(const registry *r, const reg_indicator *ind)
{
	const reg_decls *d = registry_decls_const(r);

	return d && ind->index < d->n_disp ? d->disp[ind->index] : NULL;
}

const reg_group *registry_group_of(const registry *r, const reg_indicator *ind)
{
	return ind->group[0] ? find_group(registry_decls_const(r), ind->plugin, ind->group) : NULL;
}

size_t registry_n_groups(const registry *r)
{
	const reg_decls *d = registry_decls_const(r);
	return d ? d->n_groups : 0;
}

const reg_group *registry_group_at(const registry *r, size_t i)
{
	return registry_decls_const(r)->groups[i];
}

size_t registry_n_tables(const registry *r)
{
	const reg_decls *d = registry_decls_const(r);
	return d ? d->n_tables : 0;
}

const reg_table *registry_table_at(const registry *r, size_t i)
{
	return registry_decls_const(r)->tables[i];
}

const reg_class *reg_display_class(const reg_display *d, double value)
{
	if (!d || !d->n_classes || isnan(value))
		return NULL;
	size_t i = 0;
	while (i + 1 < d->n_classes && value >= d->classes[i + 1].lower)
		i++;
	return &d->classes[i];
}

double reg_table_cell_value(const registry *r, const reg_table *t, size_t row, size_t col,
                            const char *area, const char *period)
{
	const reg_table_cell *c = &t->rows[row].cells[col];
	reg_sum s, sq;

	if (!c->ind || !registry_get(r, c->ind, area, RT_ALL, period, &s))
		return NAN;
	switch (t->cols[col].rule) {
	case PK2D_CELL_SUM:
		return s.num;
	case PK2D_CELL_COUNT:
		return s.den;
	case PK2D_CELL_PERCENT:
		return s.den > 0 ? 100 * s.num / s.den : NAN;
	case PK2D_CELL_MEAN:
		return s.den > 0 ? s.num / s.den : NAN;
	default: /* PK2D_CELL_SD */
		if (!(s.den >= 2) || !registry_get(r, c->squares, area, RT_ALL, period, &sq))
			return NAN;
		double v = (sq.num - s.num * s.num / s.den) / (s.den - 1);
		/* Rounding can leave a tiny negative variance when all values are equal. */
		return sqrt(v > 0 ? v : 0);
	}
}
