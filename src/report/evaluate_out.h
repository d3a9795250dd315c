/*
 * evaluate_out.h - `pk2d evaluate` written out (docs/store.md): the ranking
 * of the regencies, their lokus villages and their agencies' realisation,
 * as text, CSV, JSON, Markdown, HTML, XLSX or PDF.
 */
#ifndef PK2D_EVALUATE_OUT_H
#define PK2D_EVALUATE_OUT_H

#include <stdio.h>
#include "evaluate.h"

/* 1 when format is one evaluate_write knows. */
int evaluate_format_known(const char *format);
/* Writes e to out in format ("text", "csv", "json", "md", "html", "xlsx",
 * "pdf") and language lang (enum i18n_lang). 0, or a PK2D_ERR_* (err set,
 * or errno telling why writing failed). */
int evaluate_write(const evaluation *e, const char *format, int lang, FILE *out, char *err,
                   size_t errlen);
/* evaluate_write to path ("-" or NULL: standard output) through a temporary
 * file renamed into place only when all was written (out_file.h):
 * a file that cannot be written leaves nothing behind. err names path. */
int evaluate_write_file(const evaluation *e, const char *format, int lang, const char *path,
                        char *err, size_t errlen);

#endif
