/*
 * xlsx_chart.c - the XLSX report's native charts (libxlsxwriter's chart
 * API), drawn by the spreadsheet from the cells of its own tables: the IKK
 * dimensions, the indicators' scores against the attention line, and the
 * scores over the periods in the history store (xlsx_book.h).
 */
#include <config.h>

#include <stdlib.h>

#include "xlsx_book.h"

static void zero_to_hundred(lxw_chart_axis *axis)
{
	chart_axis_set_min(axis, 0);
	chart_axis_set_max(axis, 100);
}

static void dimensions(xlsx_book *b, lxw_worksheet *ws, const char *sheet, lxw_row_t d0,
                       lxw_row_t d1, lxw_col_t at_col)
{
	lxw_chart *ch = workbook_add_chart(b->wb, LXW_CHART_RADAR);
	lxw_chart_series *s;

	if (!ch || !(s = chart_add_series(ch, NULL, NULL))) {
		b->failed = 1;
		return;
	}
	chart_series_set_categories(s, sheet, d0, 0, d1, 0);
	chart_series_set_values(s, sheet, d0, 1, d1, 1);
	chart_series_set_name(s, rv_t(b->v, T_IKK_SHORT));
	chart_title_set_name(ch, rv_t(b->v, T_DIMENSIONS));
	chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
	zero_to_hundred(ch->y_axis);
	worksheet_insert_chart(ws, 0, at_col, ch);
}

/* The scores as points against the attention line as a line (a line
 * chart: libxlsxwriter 1.1 cannot combine columns with a line). */
static void indicator_points(xlsx_book *b, lxw_worksheet *ws, const char *sheet,
                             lxw_row_t i0, lxw_row_t i1, lxw_col_t at_col)
{
	size_t n = (size_t)(i1 - i0) + 1;
	lxw_chart *ch = workbook_add_chart(b->wb, LXW_CHART_LINE);
	lxw_chart_series *scores, *line;
	lxw_chart_line no_line = { .none = 1 };
	lxw_chart_line red = { .color = 0xB71C1C, .width = 2 };
	lxw_chart_fill blue = { .color = 0x0D47A1 };
	lxw_chart_options at = { .x_scale = n > 12 ? (double)n / 12 : 1, .y_scale = 1.2 };

	if (!ch || !(scores = chart_add_series(ch, NULL, NULL)) ||
	    !(line = chart_add_series(ch, NULL, NULL))) {
		b->failed = 1;
		return;
	}
	chart_series_set_categories(scores, sheet, i0, 0, i1, 0);
	chart_series_set_values(scores, sheet, i0, 6, i1, 6);
	chart_series_set_name(scores, rv_t(b->v, T_SCORE));
	chart_series_set_line(scores, &no_line);
	chart_series_set_marker_type(scores, LXW_CHART_MARKER_DIAMOND);
	chart_series_set_marker_size(scores, 8);
	chart_series_set_marker_fill(scores, &blue);
	chart_series_set_categories(line, sheet, i0, 0, i1, 0);
	chart_series_set_values(line, sheet, i0, 8, i1, 8);
	chart_series_set_name(line, rv_t(b->v, T_ATTENTION_LINE));
	chart_series_set_line(line, &red);
	chart_series_set_marker_type(line, LXW_CHART_MARKER_NONE);
	chart_title_set_name(ch, rv_t(b->v, T_INDICATOR_BARS));
	chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
	zero_to_hundred(ch->y_axis);
	worksheet_insert_chart_opt(ws, 16, at_col, ch, &at);
}

void xlsx_chart_ikk(xlsx_book *b, lxw_worksheet *ws, const char *sheet, lxw_row_t d0,
                    lxw_row_t d1, lxw_row_t i0, lxw_row_t i1, lxw_col_t at_col)
{
	if (d1 >= d0)
		dimensions(b, ws, sheet, d0, d1, at_col);
	if (i1 >= i0)
		indicator_points(b, ws, sheet, i0, i1, at_col);
}
void xlsx_chart_history(xlsx_book *b, lxw_worksheet *ws, const char *sheet,
                        const lxw_row_t *first, const lxw_row_t *last, size_t n,
                        lxw_col_t at_col)
{
	lxw_chart *ch;

	if (!n)
		return;
	if (!(ch = workbook_add_chart(b->wb, LXW_CHART_LINE))) {
		b->failed = 1;
		return;
	}
	for (size_t k = 0; k < n; k++) {
		lxw_chart_series *s = chart_add_series(ch, NULL, NULL);

		if (!s) {
			b->failed = 1;
			return;
		}
		chart_series_set_categories(s, sheet, first[k], 1, last[k], 1);
		chart_series_set_values(s, sheet, first[k], 2, last[k], 2);
		chart_series_set_name_range(s, sheet, first[k], 0);
		/* A period alone (the first run) is a point, not a line. */
		chart_series_set_marker_type(s, LXW_CHART_MARKER_AUTOMATIC);
	}
	chart_title_set_name(ch, rv_t(b->v, T_SCORE_HISTORY));
	chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
	zero_to_hundred(ch->y_axis);
	worksheet_insert_chart(ws, 0, at_col, ch);
}
