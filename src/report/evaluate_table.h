/*
 * evaluate_table.h - the evaluation's three tables (ranking, lokus
 * villages, agencies) as cells, built once (evaluate_out.c) and laid out by
 * every format: the lines of text, CSV, Markdown and HTML there, the
 * workbook in evaluate_xlsx.c, the PDF in evaluate_pdf.c.
 */
#ifndef PK2D_EVALUATE_TABLE_H
#define PK2D_EVALUATE_TABLE_H

#include <stddef.h>
#include <stdio.h>

#include "evaluate.h"
#include "view_rows.h"

/* The evaluation's words: ev_text gives each one's catalogue key (i18n.h). */
enum { W_TITLE, W_METHOD, W_RANKING, W_VILLAGES, W_AGENCIES, W_RANK, W_REGENCY,
       W_REGENCY_NAME, W_MEAN_CHANGE, W_COMPARED, W_NOTE, W_VILLAGE, W_VILLAGE_NAME, W_STAGE, W_FIRST, W_IKK_FIRST,
       W_CAT_FIRST, W_LATEST, W_IKK_LATEST, W_CAT_LATEST, W_CHANGE, W_CLOSED, W_OPENED,
       W_AGENCY, W_TARGET, W_REALISED, W_REALISATION, W_CHANGED, EV_W_N };

/* A table of text cells: head[] names its columns by word. */
typedef struct etable {
	int title;                 /* a word */
	int sheet;                 /* its sheet's short name (a catalogue key) */
	size_t ncols, nrows;
	const int *head;
	char **cells;              /* nrows * ncols, malloc'd */
} etable;

#define EV_TABLES 3

/* How the cells are made: numbers with the language's decimal mark and
 * "-" for none (text, HTML, Markdown, PDF); plain numbers, "" for none and
 * the note as 1 (CSV); plain numbers and the note in words (XLSX). */
enum ev_mode { EV_TEXT, EV_CSV, EV_SHEET };

void ev_build(const evaluation *e, int lang, int mode, etable t[EV_TABLES]);
void ev_free(etable t[EV_TABLES]);
const char *ev_cell(const etable *t, size_t row, size_t col);
/* The catalogue key of a word. */
int ev_text(int word);
/* The decimals of a column of numbers, -1 for a column of words. */
int ev_decimals(int word);

/* Calls fn for each lokus village stored in two periods or more, in order,
 * with its code and name ("63.02.09.2007 Sang-Sang") and the rows of its chart (the IKK and the model's dimensions over the
 * stored periods, view_rows.h); first is 1 for the first call. */
void ev_each_history(const evaluation *e, int lang,
                     void (*fn)(void *ctx, const char *village, const view_history *h,
                                int first),
                     void *ctx);
/* The chart of h (the reports' score history). */
void ev_chart(FILE *f, const evaluation *e, const view_history *h, int lang);

/* The workbook and the PDF: 0, or a PK2D_ERR_* with err set. */
int evaluate_xlsx(const evaluation *e, int lang, FILE *out, char *err, size_t errlen);
int evaluate_pdf(const evaluation *e, int lang, FILE *out, char *err, size_t errlen);

#endif
