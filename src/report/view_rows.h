/*
 * view_rows.h - the sections the HTML and Markdown reports (and the text
 * report, where it shows the same list) lay out alike, as rows of finished
 * text cells: every word from the catalogue, every number formatted in the
 * view's language. A writer only adds its markup and escapes each cell.
 */
#ifndef PK2D_VIEW_ROWS_H
#define PK2D_VIEW_ROWS_H

#include <stddef.h>
#include "report_view.h"

#define VIEW_MAX_COLS 8

typedef struct view_table {
	size_t n_cols;
	int heads[VIEW_MAX_COLS];  /* the columns' headings: catalogue keys */
	const char *head_text[VIEW_MAX_COLS]; /* a heading that is not a word
	                              of the catalogue (a period), else NULL */
	const char *align;         /* 'l' or 'r' for each column */
	int colour_col;            /* the column whose cell shows the row's
	                              colour, -1 for none */
	size_t n_rows, cap_rows;   /* rows, and rows of room */
	char **cells;              /* n_rows * n_cols, row by row */
	int *colour;               /* each row's enum assess_colour, -1 none */
} view_table;

/* The heading of column c. */
static inline const char *view_head(const report_view *v, const view_table *t, size_t c)
{
	return t->head_text[c] ? t->head_text[c] : rv_t(v, t->heads[c]);
}

/* The cell of row r, column c. */
static inline const char *view_cell(const view_table *t, size_t r, size_t c)
{
	return t->cells[r * t->n_cols + c];
}

/* An empty table of n_cols columns headed heads (catalogue keys), aligned
 * align ('l' or 'r' each), colour_col the coloured column or -1. */
void view_table_init(view_table *t, size_t n_cols, const int *heads, const char *align,
                     int colour_col);
/* Appends a row of t->n_cols cells (each malloc'd, taken over) and its
 * enum assess_colour (-1: none). */
void view_table_add(view_table *t, int colour, char **cells);
void view_table_free(view_table *t);

/* The agencies' indicators off target in aa, ranked (No, indicator, agency,
 * result, target, relative gap, category coloured, worst places); no rows
 * when there are none. */
void view_agency_problems(const report_view *v, const assess_area *aa, view_table *t);

/* The target planner's table: each problem of aa, IKK indicators first, with
 * what must change and where (No, indicator, to change, where). */
void view_planner(const report_view *v, const assess_area *aa, view_table *t);

/* The planner's IKK lines: where the IKK goes next and at what cost, and
 * the IKK if every problem reached its line and target, as two malloc'd
 * strings in lines[0] and lines[1]. 0 (lines untouched) without an IKK
 * plan, else 1. */
int view_planner_ikk(const report_view *v, const assess_area *aa, char *lines[2]);

/* The rows the run did not use, in words: its failures, the headline and
 * each file with rows not used or noted ("path (instance): counts"). */
typedef struct view_unused {
	size_t n_failures;
	char **failures;
	char *headline;            /* NULL: nothing to say (no section) */
	size_t n_files;
	char **files;
} view_unused;

void view_unused_build(const report_view *v, view_unused *u);
void view_unused_free(view_unused *u);

/* A report limited to the lokus villages (v->lokus): the sentence saying
 * so into *line (malloc'd) and its villages into t (code, name, stage).
 * *line NULL and t empty when the report is not limited. */
void view_lokus_build(const report_view *v, char **line, view_table *t);

/* "Garis perhatian 75": the attention line's name in a chart's legend,
 * into buf (VIEW_LINE_LABEL bytes). Returns buf. */
#define VIEW_LINE_LABEL 96
const char *view_line_label(const report_view *v, char *buf);

/* The heat map of aa's parts: a village's RTs ("RT 3"), a kecamatan's
 * villages, and for a wider area the areas one level down (a kabupaten's
 * kecamatan: its villages are on their pages of the site), each by name
 * (its code when it has none); a column per indicator of the model (its
 * code) and a last one for the IKK, each cell the part's score. */
typedef struct view_heatmap {
	size_t rows, cols;
	const char **row_labels, **col_labels;
	double *values;            /* rows * cols, row by row */
	char (*row_text)[64];      /* the row labels' storage */
	char line_label[VIEW_LINE_LABEL]; /* the legend's attention line */
	char title[96];            /* what its rows are: "Skor per Kecamatan" */
	int areas;                 /* the rows are areas, not RTs */
} view_heatmap;

/* 0 when aa has no parts (h->rows 0: nothing to draw), else 1. */
int view_heatmap_build(const report_view *v, const assess_area *aa, view_heatmap *h);
void view_heatmap_free(view_heatmap *h);

/* The colour of an IKK category (enum assess_colour): the model's first
 * (best) range green, the second amber, the rest red; -1 for none. */
int view_category_colour(const report_view *v, const model_range *category);

/* The summary every human format opens with (the PDF's too): the area and
 * period, the IKK and its category, the dimension scores, the top problems
 * (the agencies' first, as ranked, then the IKK's; VIEW_SUMMARY_PROBLEMS
 * of each) with their status and follow-up, the headline agency figures in
 * declaration order (stunting first), and what the run could not use.
 * Without an assessment (aa NULL) only the title, the line under it and
 * the rows not used. */
#define VIEW_SUMMARY_PROBLEMS 3

typedef struct view_summary {
	char *title;               /* [pk2d] title, or "Penilaian ... - Desa X" */
	char *sub;                 /* "Kode X · Periode P" */
	int assessed;              /* the rest but unused is filled */
	char *ikk;                 /* the IKK ("-" when missing) */
	char *category;            /* its category, or why there is none */
	int colour;                /* view_category_colour of the category */
	view_table dims;           /* dimension, value, indicators with data */
	view_table problems;       /* problem, status (coloured), value, target
	                              or line, follow-up */
	char *looked_at;           /* no problem: what was looked at; else NULL */
	view_table headlines;      /* indicator, agency, realisation, target,
	                              the target's state (coloured); no rows:
	                              none declared */
	view_unused unused;
	char *lokus;               /* view_lokus_build: NULL when the report */
	view_table lokus_villages; /* is not limited to the lokus villages */
} view_summary;

void view_summary_build(const report_view *v, const assess_area *aa, view_summary *s);
void view_summary_free(view_summary *s);

/* The IKK and each dimension over every stored period of trend t, for a
 * chart of lines (svg_lines): a label per period, a series per score, the
 * attention line and its legend. */
typedef struct view_history {
	size_t n, n_series;
	const char **labels, **names;
	double *values;            /* n_series * n, series by series; NaN: none */
	char line_label[VIEW_LINE_LABEL];
} view_history;

/* 0 when the store holds fewer than two periods (nothing to draw), else 1. */
int view_history_build(const report_view *v, const trend *t, view_history *h);
/* The same in language lang (enum i18n_lang) against the attention line
 * (NaN: none), for a history outside a report (pk2d evaluate). */
int view_history_of(int lang, double attention, const trend *t, view_history *h);
void view_history_free(view_history *h);

/* The comparison with the previous period (code, indicator, the previous
 * period, this one, the change with the decimals of the values, its word
 * coloured and any change of target): the IKK and each dimension, then
 * every indicator. No rows when the store holds no previous period. */
void view_trend_table(const report_view *v, const trend *t, view_table *out);

/* An indicator's code in the trend tables: the model's ("F2") for an
 * indicator of the model, else its registry id ("health.stunting"). */
const char *view_indicator_code(const report_view *v, const reg_indicator *d);

/* "target berubah: 20,0 → 14,0" into buf (VIEW_NOTE bytes) when the trend
 * row's target changed, else "". Returns buf. */
#define VIEW_NOTE 256
const char *view_target_change(const report_view *v, const trend_row *r, char *buf);

/* Each problem's indicator over every stored period (the trend's series,
 * for svg_lines): its value in each period, the line it must reach (below
 * the attention line: the line on the value's scale; else its target),
 * and the periods whose target was another. */
typedef struct view_problem_trend {
	char title[512];           /* "F2 KK tanpa balita stunting" */
	size_t n;
	const char **labels;       /* the periods */
	double *values;            /* NaN: none */
	double line;               /* NaN: none */
	char line_label[VIEW_NOTE];
	char note[VIEW_NOTE];      /* "Target berbeda pada: 2023 (20,0)", or "" */
} view_problem_trend;

/* The charts of va's problems with two stored periods or more: *out
 * malloc'd, their count returned (0: none, *out NULL). */
size_t view_problem_trends(const report_view *v, const view_area *va, view_problem_trend **out);
void view_problem_trends_free(view_problem_trend *c, size_t n);

#endif
