/*
 * display.h - how the plugins ask the reports to present their indicators
 * (plugin.h, ABI 1.3): groups of indicators, an indicator's classes, its
 * headline and hidden flags, and extra tables whose cells are computed from
 * rolled-up sums. The registry keeps them beside the indicators; the report
 * layer reads them and names no plugin.
 */
#ifndef PK2D_DISPLAY_H
#define PK2D_DISPLAY_H

#include <stddef.h>
#include "pk2d/plugin.h"
#include "registry.h"

typedef struct reg_decls reg_decls;

typedef struct reg_group {
	char *plugin, *id;
	char *label_id, *label_en;
	const struct reg_group *parent;  /* NULL for a top group */
	int depth;                       /* 0 for a top group */
	size_t index;                    /* declaration order over all plugins */
} reg_group;

typedef struct reg_class {
	double lower;                    /* -INFINITY for the first band */
	char *key, *label_id, *label_en;
} reg_class;

typedef struct reg_display {
	int headline, hidden;
	reg_class *classes;
	size_t n_classes;                /* 0: no classes */
	char *classes_source;            /* "" without classes */
} reg_display;

typedef struct reg_table_col {
	char *label_id, *label_en;
	int rule;                        /* enum pk2d_cell_rule */
	int decimals;
} reg_table_col;

typedef struct reg_table_cell {
	const reg_indicator *ind;        /* NULL: an empty cell */
	const reg_indicator *squares;    /* PK2D_CELL_SD only */
} reg_table_cell;

typedef struct reg_table_row {
	char *label_id, *label_en;
	reg_table_cell *cells;           /* n_cols */
} reg_table_row;

typedef struct reg_table {
	char *plugin, *id, *agency;
	char *title_id, *title_en;
	char *rows_label_id, *rows_label_en;  /* "" for none */
	char *note_id, *note_en;              /* "" for none */
	reg_table_col *cols;
	size_t n_cols;
	reg_table_row *rows;
	size_t n_rows;
} reg_table;

/* Declarations, checked as plugin.h says; 0 or PK2D_ERR_* with err naming
 * the plugin and the id. */
int registry_declare_group(registry *r, const char *plugin, const pk2d_group *g, char *err,
                           size_t errlen);
int registry_declare_display(registry *r, const char *plugin, const pk2d_display *d,
                             char *err, size_t errlen);
int registry_declare_table(registry *r, const char *plugin, const char *agency,
                           const pk2d_table *t, char *err, size_t errlen);

/* The display of an indicator; NULL when its plugin declared none. */
const reg_display *registry_display(const registry *r, const reg_indicator *ind);
/* The declared group an indicator is in; NULL when its group text names
 * none of its plugin's groups. */
const reg_group *registry_group_of(const registry *r, const reg_indicator *ind);
size_t registry_n_groups(const registry *r);
const reg_group *registry_group_at(const registry *r, size_t i);
size_t registry_n_tables(const registry *r);
const reg_table *registry_table_at(const registry *r, size_t i);

/* The band of value among the display's classes; NULL for NaN or none. */
const reg_class *reg_display_class(const reg_display *d, double value);
/* A cell's value in an area (RT_ALL) and period by its column's rule; NaN
 * when nothing was reported there or the rule has no value (SD of n < 2). */
double reg_table_cell_value(const registry *r, const reg_table *t, size_t row, size_t col,
                            const char *area, const char *period);

#endif
