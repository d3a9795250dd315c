/*
 * svg.h - the charts of the HTML report, written as SVG text by pk2d.
 *
 * Hand-written rather than drawn with a library (cairo, PLplot): the charts
 * are a few lines, polygons and rectangles; as text they come out the same
 * byte for byte on every run (tests compare them, and a report can be
 * diffed), need no heavy dependency, and stay inline in the one HTML file.
 *
 * Every label is escaped with esc_html. Values are on a 0-100 scale; NaN
 * means no value and is drawn as such (grey, "-"), never as 0. Text is at
 * least the HTML body's size (16), a chart asks not to be shrunk below 3/4
 * of its size (min-width: its text at 12 px), labels are wrapped rather
 * than cut, and the attention line is dark and dashed with a legend that
 * names it.
 */
#ifndef PK2D_SVG_H
#define PK2D_SVG_H

#include <stddef.h>
#include <stdio.h>

/* Colours shared by the charts, the HTML traffic lights and the PDF: Okabe
 * and Ito's bluish green, orange and vermillion, which readers with any
 * common colour-vision deficiency tell apart; every status also says its
 * word or shows its sign (never colour alone). */
#define SVG_GOOD "#009E73"
#define SVG_WARN "#E69F00"
#define SVG_BAD "#D55E00"
#define SVG_NONE "#9e9e9e"

/* The widest a chart is laid out where it can choose (the heat map's
 * cells): the HTML report's content at 1366 px (a projector) is 1302 px
 * wide, so that a chart this wide draws its text at its size, 16 px. */
#define SVG_FIT_W 1280

/* Radar chart of n (>= 3) axes: values on 0-100, a dashed ring at line
 * (the attention line; NaN for none) named line_label in a legend. title
 * is the accessible name; dec the decimal mark of the printed values ('.'
 * or ','). */
void svg_radar(FILE *f, const char *title, size_t n, const char *const *labels,
               const double *values, double line, const char *line_label, char dec);

/* Horizontal bars on 0-100 with a dashed vertical line at line, named
 * line_label in a legend above, one bar per label (wrapped over lines,
 * whole); colour[i] is the bar colour (SVG_* above). dec is the decimal
 * mark of the printed values ('.' or ','). */
void svg_bars(FILE *f, const char *title, size_t n, const char *const *labels,
              const double *values, const char *const *colour, double line,
              const char *line_label, char dec);

/* Every chart's text: the size in user units (the HTML body's 16 px) and
 * the family, the body's of the PDF (DejaVu Sans, tools/setup-debian.sh
 * installs it), so that a chart read on its own (librsvg in the PDF, an
 * image viewer) is not set in a serif; the HTML's style sheet gives the
 * charts its body's family instead (svg{font-family:inherit}). */
#define SVG_TEXT_SIZE 16
#define SVG_FONT_FAMILY "DejaVu Sans, Verdana, sans-serif"

/* The largest heat map of svg_heatmap's layout for rows x cols (its
 * labels as given) within max_w x max_h user units: *fit_cols columns and
 * *fit_rows rows at most (1 each at least). */
void svg_heatmap_fit(size_t rows, size_t cols, const char *const *row_labels,
                     const char *const *col_labels, double max_w, double max_h,
                     size_t *fit_cols, size_t *fit_rows);

/* Heat map: rows x cols cells, values[r * cols + c] on 0-100 (scores, higher
 * is better), coloured red (low) through pale yellow (at line) to blue
 * (high), each cell's score printed in it; under it the colour scale with
 * line marked and named line_label. Its cells narrow (to 36) for the map
 * to fit SVG_FIT_W. */
void svg_heatmap(FILE *f, const char *title, size_t rows, size_t cols,
                 const char *const *row_labels, const char *const *col_labels,
                 const double *values, double line, const char *line_label);

/* The fill colour of a score in the heat map, as "#rrggbb" (ColorBrewer's
 * RdYlBu scale, colour-blind safe). */
void svg_heat_colour(double score, double line, char out[8]);

/* Vertical bars of a series (intervention coverage by period) on 0-max,
 * with a dashed line at 100 % when max > 100. */
void svg_series(FILE *f, const char *title, size_t n, const char *const *labels,
                const double *values, char dec);

/* Lines over periods: series k has values[k * n + i] at label i (NaN: no
 * point there). Each line has its own colour from a palette that
 * colour-blind readers tell apart (Okabe and Ito) and its own marker
 * shape, and a legend names it (a single line is named by the title
 * instead); each line's last value is printed at its end, the labels of
 * close values moved apart so that none overlaps another. line (NaN for none) is drawn dashed, named line_label in the
 * legend. The value axis spans the data and the line, in steps of 1, 2
 * or 5 times a power of ten (at most six). */
void svg_lines(FILE *f, const char *title, size_t n, const char *const *labels,
               size_t n_series, const char *const *names, const double *values,
               double line, const char *line_label, char dec);

#endif
