/*
 * view_wide.h - a kecamatan, kabupaten, province or country read from the
 * top down: its parts ranked as charts with the line they are judged by,
 * its lowest indicators, its villages by IKK category, and its best and
 * lowest villages by name with their kecamatan. Built from the view once,
 * rendered alike by every writer that shows it.
 */
#ifndef PK2D_VIEW_WIDE_H
#define PK2D_VIEW_WIDE_H

#include <stddef.h>
#include "report_view.h"
#include "view_rows.h"

/* Horizontal bars on 0-100 for svg_bars: a label, a value and a colour
 * (SVG_*) per bar, and the line (NaN: none) with its legend. */
typedef struct view_bars {
	char title[192];
	size_t n;
	const char **labels;
	double *values;
	const char **colours;
	double line;
	char line_label[96];
	char (*text)[192];         /* the labels' storage */
} view_bars;

typedef struct view_wide {
	size_t n_charts;
	view_bars *charts;         /* the parts by IKK, by each headline
	                              indicator with a value on 0-100, then the
	                              area's lowest indicators */
	view_table categories;     /* category, IKK range, villages, share */
	view_bars distribution;    /* the share of villages in each category */
	view_table best, lowest;   /* rank, village, (above a regency: its
	                              kabupaten/kota,) kecamatan, IKK, category */
	const char **best_codes, **lowest_codes; /* each row's village code */
} view_wide;

/* 0 (w empty) when v is not a wide view with an assessment, else 1. */
int view_wide_build(const report_view *v, view_wide *w);
void view_wide_free(view_wide *w);

/* The short form of an IKK category: its range "75-100" (with an en dash).
 * Returns buf. */
const char *view_category_short(const report_view *v, const model_range *c, char *buf,
                                size_t n);
/* The name of the kecamatan of a village code (its code when the table of
 * areas has no name; "" when code is above a kecamatan). Returns a name
 * from the table or buf. */
const char *view_district_name(const report_view *v, const char *code, char *buf, size_t n);

#endif
