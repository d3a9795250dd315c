/*
 * evaluate_out.h - `pk2d evaluate` written out (docs/store.md): the ranking
 * of the regencies, their lokus villages and their agencies' realisation,
 * as text, CSV, JSON, Markdown or HTML.
 */
#ifndef PK2D_EVALUATE_OUT_H
#define PK2D_EVALUATE_OUT_H

#include <stdio.h>
#include "evaluate.h"

/* 1 when format is one evaluate_write knows. */
int evaluate_format_known(const char *format);
/* Writes e to out in format ("text", "csv", "json", "md", "html") and
 * language lang (enum i18n_lang). 0, or -1 when writing failed. */
int evaluate_write(const evaluation *e, const char *format, int lang, FILE *out);

#endif
