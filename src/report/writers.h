/*
 * writers.h - one writer per format (report_text.c, report_json.c, ...),
 * each reading only the view. The table of formats (report.c) lists them;
 * see report.h for what a writer returns.
 */
#ifndef PK2D_WRITERS_H
#define PK2D_WRITERS_H

#include <stddef.h>
#include <stdio.h>
#include "report_view.h"

int report_text_write(const report_view *v, FILE *out, char *err, size_t errlen);
int report_json_write(const report_view *v, FILE *out, char *err, size_t errlen);
int report_html_write(const report_view *v, FILE *out, char *err, size_t errlen);
int report_md_write(const report_view *v, FILE *out, char *err, size_t errlen);
int report_csv_write(const report_view *v, FILE *out, char *err, size_t errlen);
/* XLSX: libxlsxwriter writes a private temporary file, copied to out. */
int report_xlsx_write(const report_view *v, FILE *out, char *err, size_t errlen);
int report_dhis2_write(const report_view *v, FILE *out, char *err, size_t errlen);
int report_dhis2_meta_write(const report_view *v, FILE *out, char *err, size_t errlen);
/* PDF: laid out twice (the first pass counts the pages). */
int report_pdf_write(const report_view *v, FILE *out, char *err, size_t errlen);

/* The reports' stylesheet, a <style> element: screen, projector, phone and
 * print (pk2d evaluate's HTML uses it too). */
const char *report_html_style(void);

/* Rows per sheet (header included) before a long table goes on in another
 * sheet: Excel's 1,048,576 unless lowered (for tests; 0 restores it). */
void report_xlsx_set_row_limit(unsigned long rows);

#endif
