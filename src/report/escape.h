/*
 * escape.h - every escaping rule of every output format, in one place.
 *
 * Text that comes from input (village names, labels, reasons, file names)
 * goes through these before it reaches a report: HTML entities, CSV quoting,
 * Markdown punctuation, terminal control characters, and the spreadsheet
 * formula-injection rule shared by CSV and XLSX.
 */
#ifndef PK2D_ESCAPE_H
#define PK2D_ESCAPE_H

#include <stddef.h>
#include <stdio.h>

/* Non-zero when a spreadsheet would read the text cell s as a formula: it
 * starts with '=', '+', '-', '@', a tab or a carriage return. Such a text
 * cell is written with a leading apostrophe. Numbers are written as numbers
 * and never pass through this (a real -3.2 stays a number). */
int esc_is_formula(const char *s);

/* s with a leading apostrophe when esc_is_formula(s), else a copy of s;
 * malloc'd, NULL when out of memory. */
char *esc_cell_text(const char *s);

/* HTML text and attribute values: & < > " ' as entities. */
void esc_html(FILE *f, const char *s);
/* A CSV text field (RFC 4180, separator ','): neutralised as esc_cell_text,
 * then quoted when it holds a comma, a quote, CR or LF, or begins or ends
 * with a blank. */
void esc_csv(FILE *f, const char *s);
/* The same with another separator (';' for a spreadsheet in a locale whose
 * decimal separator is the comma): quoted when it holds sep instead. */
void esc_csv_field(FILE *f, const char *s, char sep);
/* Markdown text and table cells: \ ` * _ [ ] < > | ~ & are
 * backslash-escaped (so no link, emphasis, HTML or cell break comes from
 * data); a line break becomes a space. */
void esc_md(FILE *f, const char *s);
/* Terminal text: control characters (an ESC sequence from data could
 * repaint the screen) become '?'; a line break becomes a space. */
void esc_term(FILE *f, const char *s);

/* Writes a whole text report (len bytes) to f: control characters other
 * than line feeds become '?' (a tab a blank), and with colour the status
 * words of the assessment tables ("perlu perhatian", "needs attention",
 * "belum mencapai target", "off target", "gagal", "failed", "memburuk",
 * "worse" in red or yellow; "membaik", "better" in green) get ANSI colours.
 * Returns 0, or -1 on a write error. */
int esc_term_report(FILE *f, const char *text, size_t len, int colour);
/* A stream that passes what is written to it through esc_term_report into
 * out, a whole line at a time (so a report is escaped and coloured as it is
 * written, never held whole in memory). fclose() writes the last partial
 * line and returns EOF when anything could not be written to out (out
 * itself is not closed or flushed). NULL when out of memory. */
FILE *esc_term_stream(FILE *out, int colour);
/* Non-zero when a report written to f should be coloured: f is standard
 * output, it is a terminal, and NO_COLOR is not set (https://no-color.org). */
int esc_want_colour(FILE *f);

/* Columns a UTF-8 string takes on a terminal: 2 for East Asian wide
 * characters and emoji, 0 for combining marks, 1 otherwise; an invalid byte
 * counts 1. */
size_t esc_width(const char *s);


#endif
