/*
 * svg.c - hand-written SVG charts (see svg.h for why).
 */
#include <config.h>

#include "svg.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "util.h"

/* A number with one decimal and the given decimal mark into buf; "-" for
 * NaN. Returns buf. */
static const char *num1s(char buf[32], double v, char dec)
{
	char *p;

	if (isnan(v))
		return strcpy(buf, "-");
	snprintf(buf, 32, "%.1f", v);
	if (dec != '.' && (p = strchr(buf, '.')))
		*p = dec;
	return buf;
}

static void num1(FILE *f, double v, char dec)
{
	char buf[32];

	fputs(num1s(buf, v, dec), f);
}

static double clamp100(double v)
{
	return v < 0 ? 0 : v > 100 ? 100 : v;
}

/* Chart text is the HTML body's size, so that a chart read from the back
 * of the room is as legible as the text around it; a line of it takes
 * LINE_H, and CHAR_W is the advance of an average character (DejaVu Sans,
 * Noto Sans) for sizing the room a label needs. */
#define FONT SVG_TEXT_SIZE
#define LINE_H 19
#define CHAR_W 9

/* The narrowest heat map cell: "100" (three digits of CHAR_W) and a
 * margin either side. */
#define HEAT_CELL_MIN 36

/* The lines a label is wrapped into, at most. */
#define MAX_LINES 6

/* The attention line, in every chart and its legend: dark and dashed,
 * told apart from the data by its dashes rather than by its colour. */
#define ATTN_COLOUR "#333"
#define ATTN_DASH "7 4"

/* The display columns of s[0..n). */
static size_t width_of(const char *s, size_t n)
{
	char tmp[1024];

	if (n >= sizeof tmp)
		n = sizeof tmp - 1;
	memcpy(tmp, s, n);
	tmp[n] = 0;
	return esc_width(tmp);
}

/* Breaks s at spaces into lines of at most cols display columns (a longer
 * word stays whole, on a line of its own); the last of MAX_LINES lines
 * takes the rest, so a label is never cut. start[k] and len[k] are line
 * k's bytes; returns the number of lines (at least 1). */
static int wrap(const char *s, size_t cols, size_t start[MAX_LINES], size_t len[MAX_LINES])
{
	size_t n = strlen(s), i = 0;
	int k = 0;

	while (i < n && s[i] == ' ')
		i++;
	start[0] = i;
	len[0] = 0;
	while (i < n && k < MAX_LINES) {
		size_t end = i, j = i;

		while (j < n) {
			size_t w = j;

			while (w < n && s[w] != ' ')
				w++;
			if (end > i && width_of(s + i, w - i) > cols)
				break;
			end = w;
			j = w;
			while (j < n && s[j] == ' ')
				j++;
		}
		if (k == MAX_LINES - 1)
			end = n;
		start[k] = i;
		len[k++] = end - i;
		i = end;
		while (i < n && s[i] == ' ')
			i++;
	}
	return k ? k : 1;
}

/* s as the <tspan>s of its wrapped lines (wrap), each at x, the first at
 * the text element's y, the others LINE_H below the one before. */
static void text_lines(FILE *f, const char *s, size_t cols, double x)
{
	size_t start[MAX_LINES], len[MAX_LINES];
	int n = wrap(s, cols, start, len);

	for (int k = 0; k < n; k++) {
		char tmp[1024];
		size_t l = len[k] < sizeof tmp ? len[k] : sizeof tmp - 1;

		memcpy(tmp, s + start[k], l);
		tmp[l] = 0;
		fprintf(f, "<tspan x=\"%.1f\" dy=\"%d\">", x, k ? LINE_H : 0);
		esc_html(f, tmp);
		fputs("</tspan>", f);
	}
}

/* The number of lines s wraps into at cols columns. */
static int n_lines(const char *s, size_t cols)
{
	size_t start[MAX_LINES], len[MAX_LINES];

	return wrap(s, cols, start, len);
}

/* A legend entry for a dashed line at x, y: a short stretch of it and its
 * label; returns the x after the label. */
static double dashed_key(FILE *f, double x, double y, const char *colour, const char *dash,
                         const char *label)
{
	fprintf(f, "<g class=\"legend\"><line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\""
	        " stroke=\"%s\" stroke-width=\"2.5\" stroke-dasharray=\"%s\"/>"
	        "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\">", x, y, x + 30, y, colour, dash,
	        x + 38, y + 5, FONT);
	esc_html(f, label);
	fputs("</text></g>\n", f);
	return x + 38 + (double)(esc_width(label) * CHAR_W) + 24;
}

/* A chart is w x h at its text's size (FONT); a page narrower than that
 * shrinks it, but not below MIN_SCALE of it: on a phone its text draws at
 * 12 px or more and the chart scrolls in its box (the HTML report's
 * figure) beyond. */
#define MIN_SCALE 0.75

static void open_svg(FILE *f, const char *title, int w, int h)
{
	fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\""
	        " width=\"%d\" height=\"%d\" style=\"min-width:%dpx\" font-family=\"%s\""
	        " role=\"img\" aria-label=\"", w, h, w, h, (int)ceil(w * MIN_SCALE),
	        SVG_FONT_FAMILY);
	esc_html(f, title);
	fputs("\"><title>", f);
	esc_html(f, title);
	fputs("</title>\n", f);
}

void svg_radar(FILE *f, const char *title, size_t n, const char *const *labels,
               const double *values, double line, const char *line_label, char dec)
{
	const double cx = 370, cy = 200, r = 125;
	const size_t cols = 22;

	open_svg(f, title, 740, isnan(line) ? 380 : 410);
	/* Rings at 25, 50, 75, 100 and the spokes. */
	for (int ring = 1; ring <= 4; ring++) {
		fputs("<polygon class=\"grid\" fill=\"none\" stroke=\"#ccc\" points=\"", f);
		for (size_t i = 0; i < n; i++) {
			double a = -M_PI / 2 + 2 * M_PI * (double)i / (double)n;

			fprintf(f, "%s%.1f,%.1f", i ? " " : "", cx + r * ring / 4 * cos(a),
			        cy + r * ring / 4 * sin(a));
		}
		fputs("\"/>\n", f);
	}
	for (size_t i = 0; i < n; i++) {
		double a = -M_PI / 2 + 2 * M_PI * (double)i / (double)n;
		double lx = cx + (r + 14) * cos(a), ly = cy + (r + 14) * sin(a);
		const char *anchor = fabs(cos(a)) < 0.2 ? "middle" : cos(a) > 0 ? "start" : "end";
		char text[512], num[32];
		int lines;

		snprintf(text, sizeof text, "%s (%s)", labels[i], num1s(num, values[i], dec));
		lines = n_lines(text, cols);
		/* Above the centre the label ends at the axis, below it starts
		 * there, beside it is centred on it. */
		ly += sin(a) > 0.2 ? 14 : sin(a) < -0.2 ? -4 - LINE_H * (lines - 1)
		                                       : 5 - LINE_H * (lines - 1) / 2.0;
		fprintf(f, "<line stroke=\"#ccc\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n",
		        cx, cy, cx + r * cos(a), cy + r * sin(a));
		fprintf(f, "<text class=\"axis\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\""
		        " font-size=\"%d\">", lx, ly, anchor, FONT);
		text_lines(f, text, cols, lx);
		fputs("</text>\n", f);
	}
	if (!isnan(line)) {
		fputs("<polygon class=\"attention\" fill=\"none\" stroke=\"" ATTN_COLOUR "\""
		      " stroke-width=\"2\" stroke-dasharray=\"" ATTN_DASH "\" points=\"", f);
		for (size_t i = 0; i < n; i++) {
			double a = -M_PI / 2 + 2 * M_PI * (double)i / (double)n;

			fprintf(f, "%s%.1f,%.1f", i ? " " : "", cx + r * line / 100 * cos(a),
			        cy + r * line / 100 * sin(a));
		}
		fputs("\"/>\n", f);
	}
	fputs("<polygon class=\"value\" fill=\"#1565c0\" fill-opacity=\"0.25\""
	      " stroke=\"#1565c0\" stroke-width=\"2\" points=\"", f);
	for (size_t i = 0; i < n; i++) {
		double a = -M_PI / 2 + 2 * M_PI * (double)i / (double)n;
		double v = isnan(values[i]) ? 0 : clamp100(values[i]);

		fprintf(f, "%s%.1f,%.1f", i ? " " : "", cx + r * v / 100 * cos(a),
		        cy + r * v / 100 * sin(a));
	}
	fputs("\"/>\n", f);
	for (size_t i = 0; i < n; i++) {
		double a = -M_PI / 2 + 2 * M_PI * (double)i / (double)n;
		double v = isnan(values[i]) ? 0 : clamp100(values[i]);

		fprintf(f, "<circle r=\"4\" fill=\"%s\" cx=\"%.1f\" cy=\"%.1f\"/>\n",
		        isnan(values[i]) ? SVG_NONE : "#1565c0",
		        cx + r * v / 100 * cos(a), cy + r * v / 100 * sin(a));
	}
	if (!isnan(line))
		dashed_key(f, 20, 395, ATTN_COLOUR, ATTN_DASH, line_label);
	fputs("</svg>\n", f);
}

/* The height of a bar chart's row for a label of lines lines. */
static int bar_row(int lines)
{
	return lines * LINE_H + 9 > 28 ? lines * LINE_H + 9 : 28;
}

void svg_bars(FILE *f, const char *title, size_t n, const char *const *labels,
              const double *values, const char *const *colour, double line,
              const char *line_label, char dec)
{
	const size_t cols = 40;
	const int left = 24 + (int)cols * CHAR_W, width = 380, top = 54;
	int h = top + 6, y = top;

	for (size_t i = 0; i < n; i++)
		h += bar_row(n_lines(labels[i], cols));
	open_svg(f, title, left + width + 70, h);
	if (!isnan(line))
		dashed_key(f, left, 14, ATTN_COLOUR, ATTN_DASH, line_label);
	for (int t = 0; t <= 100; t += 25)
		fprintf(f, "<text x=\"%d\" y=\"44\" font-size=\"%d\" text-anchor=\"middle\""
		        " fill=\"#555\">%d</text>\n", left + width * t / 100, FONT, t);
	for (size_t i = 0; i < n; i++) {
		int lines = n_lines(labels[i], cols), rh = bar_row(lines);
		double v = values[i];

		fprintf(f, "<text x=\"%d\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"end\">",
		        left - 8, y + rh / 2.0 + 5 - LINE_H * (lines - 1) / 2.0, FONT);
		text_lines(f, labels[i], cols, left - 8);
		fputs("</text>\n", f);
		fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"18\" fill=\"#eee\"/>\n",
		        left, y + (rh - 18) / 2, width);
		if (!isnan(v))
			fprintf(f, "<rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%.1f\""
			        " height=\"18\" fill=\"%s\"/>\n", left, y + (rh - 18) / 2,
			        width * clamp100(v) / 100, colour[i]);
		fprintf(f, "<text x=\"%d\" y=\"%d\" font-size=\"%d\">", left + width + 8,
		        y + rh / 2 + 5, FONT);
		num1(f, v, dec);
		fputs("</text>\n", f);
		y += rh;
	}
	if (!isnan(line)) {
		int x = left + (int)lround(width * clamp100(line) / 100);

		fprintf(f, "<line class=\"attention\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\""
		        " stroke=\"" ATTN_COLOUR "\" stroke-width=\"2.5\" stroke-dasharray=\""
		        ATTN_DASH "\"><title>", x, top - 4, x, h - 2);
		esc_html(f, line_label);
		fputs("</title></line>\n", f);
	}
	fputs("</svg>\n", f);
}

void svg_heat_colour(double score, double line, char out[8])
{
	/* ColorBrewer's RdYlBu (7 classes), which colour-blind readers tell
	 * apart: red at 0, orange, yellow, pale yellow at the attention line,
	 * then pale blue, light blue and blue at 100; each side of the line in
	 * three even steps, so that the line is where the colour turns and a
	 * score just above it is pale blue, not the grey a straight mix of
	 * yellow and blue gives. */
	static const int stop[7][3] = {
		{ 0xd7, 0x30, 0x27 }, { 0xfc, 0x8d, 0x59 }, { 0xfe, 0xe0, 0x90 },
		{ 0xff, 0xff, 0xbf },
		{ 0xe0, 0xf3, 0xf8 }, { 0x91, 0xbf, 0xdb }, { 0x45, 0x75, 0xb4 },
	};
	double at;
	int k, c[3];

	if (isnan(score)) {
		strcpy(out, "#e0e0e0");
		return;
	}
	score = clamp100(score);
	if (isnan(line) || line <= 0 || line >= 100)
		line = 75;
	/* at: the score's place on the stops, 0 to 6, the line at 3 */
	at = score < line ? 3 * score / line : 3 + 3 * (score - line) / (100 - line);
	k = at >= 6 ? 5 : (int)at;
	for (int j = 0; j < 3; j++)
		c[j] = (int)lround(stop[k][j] + (stop[k + 1][j] - stop[k][j]) * (at - k));
	snprintf(out, 8, "#%02x%02x%02x", c[0], c[1], c[2]);
}

/* The text colour that reads best on fill ("#rrggbb"): white on a colour
 * whose relative luminance (WCAG's, from sRGB) is under 0.179, where white
 * and black have the same contrast with it; black on the others. */
static const char *ink_on(const char *fill)
{
	unsigned rgb = (unsigned)strtoul(fill + 1, NULL, 16);
	static const double weight[3] = { 0.2126, 0.7152, 0.0722 };
	double lum = 0;

	for (int k = 0; k < 3; k++) {
		double c = ((rgb >> (16 - 8 * k)) & 0xff) / 255.0;

		lum += weight[k] * (c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4));
	}
	return lum < 0.179 ? "#fff" : "#000";
}

/* The heat map's colour scale under it at x, y: swatches from 0 to 100,
 * their numbers, the attention line dashed across them, and its label. */
static void heat_legend(FILE *f, int x, int y, double line, const char *line_label)
{
	const int sw = 12; /* a swatch for every 5 points */
	int lx = x + (int)lround(sw * 20 * clamp100(isnan(line) ? 75 : line) / 100);

	fputs("<g class=\"legend\">\n", f);
	for (int k = 0; k < 20; k++) {
		char fill[8];

		svg_heat_colour(k * 5 + 2.5, line, fill);
		fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"18\" fill=\"%s\"/>", x + sw * k,
		        y, sw, fill);
	}
	fprintf(f, "\n<text x=\"%d\" y=\"%d\" font-size=\"%d\" text-anchor=\"middle\">0</text>"
	        "<text x=\"%d\" y=\"%d\" font-size=\"%d\" text-anchor=\"middle\">100</text>\n", x,
	        y + 38, FONT, x + sw * 20, y + 38, FONT);
	if (!isnan(line)) {
		fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"" ATTN_COLOUR "\""
		        " stroke-width=\"2.5\" stroke-dasharray=\"4 3\"/>"
		        "<text x=\"%d\" y=\"%d\" font-size=\"%d\" text-anchor=\"middle\">%.0f</text>\n",
		        lx, y - 4, lx, y + 22, lx, y + 38, FONT, line);
		fprintf(f, "<text x=\"%d\" y=\"%d\" font-size=\"%d\">", x + sw * 20 + 24, y + 15, FONT);
		esc_html(f, line_label);
		fputs("</text>\n", f);
	}
	fputs("</g>\n", f);
}

/* A heat map's room beside and above its cells: for the longest row
 * label, and the column labels turned 60°. */
static void heat_margins(size_t rows, size_t cols, const char *const *row_labels,
                         const char *const *col_labels, int *left, int *top)
{
	size_t row_w = 4, col_w = 2;

	for (size_t r = 0; r < rows; r++)
		if (esc_width(row_labels[r]) > row_w)
			row_w = esc_width(row_labels[r]);
	for (size_t c = 0; c < cols; c++)
		if (esc_width(col_labels[c]) > col_w)
			col_w = esc_width(col_labels[c]);
	*left = 16 + (int)row_w * CHAR_W;
	*top = 16 + (int)lround(0.87 * (double)(col_w * CHAR_W));
}

/* Cells as wide as fits SVG_FIT_W, between room for "100" and 48. */
static int heat_cell_w(size_t cols, int left)
{
	int cw = cols ? (SVG_FIT_W - left - 10) / (int)cols : 48;

	return cw > 48 ? 48 : cw < HEAT_CELL_MIN ? HEAT_CELL_MIN : cw;
}

#define HEAT_CH 30

void svg_heatmap_fit(size_t rows, size_t cols, const char *const *row_labels,
                     const char *const *col_labels, double max_w, double max_h,
                     size_t *fit_cols, size_t *fit_rows)
{
	int left, top;
	double nr;
	size_t nc = cols;

	heat_margins(rows, cols, row_labels, col_labels, &left, &top);
	while (nc > 1 && left + heat_cell_w(nc, left) * (int)nc + 10 > max_w)
		nc--;
	nr = floor((max_h - top - 70) / HEAT_CH);
	*fit_cols = nc < 1 ? 1 : nc;
	*fit_rows = nr < 1 ? 1 : (size_t)nr;
}

void svg_heatmap(FILE *f, const char *title, size_t rows, size_t cols,
                 const char *const *row_labels, const char *const *col_labels,
                 const double *values, double line, const char *line_label)
{
	const int ch = HEAT_CH;
	int left, top, w, h, legend_w, cw;

	heat_margins(rows, cols, row_labels, col_labels, &left, &top);
	legend_w = 20 * 12 + 24 + (line_label ? (int)esc_width(line_label) * CHAR_W : 0) + 20;
	cw = heat_cell_w(cols, left);
	w = left + cw * (int)cols + 10;
	if (w < 16 + legend_w)
		w = 16 + legend_w;
	h = top + ch * (int)rows + 70;
	open_svg(f, title, w, h);
	for (size_t c = 0; c < cols; c++) {
		int x = left + cw * (int)c + cw / 2;

		fprintf(f, "<text font-size=\"%d\" transform=\"translate(%d %d) rotate(-60)\">", FONT,
		        x, top - 6);
		esc_html(f, col_labels[c]);
		fputs("</text>\n", f);
	}
	for (size_t r = 0; r < rows; r++) {
		int y = top + ch * (int)r;

		fprintf(f, "<text x=\"%d\" y=\"%d\" font-size=\"%d\" text-anchor=\"end\">",
		        left - 8, y + ch / 2 + 6, FONT);
		esc_html(f, row_labels[r]);
		fputs("</text>\n", f);
		for (size_t c = 0; c < cols; c++) {
			double v = values[r * cols + c];
			char fill[8];

			svg_heat_colour(v, line, fill);
			fprintf(f, "<rect class=\"cell\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\""
			        " fill=\"%s\" stroke=\"#fff\"/>", left + cw * (int)c, y, cw, ch, fill);
			fprintf(f, "<text x=\"%d\" y=\"%d\" font-size=\"%d\" text-anchor=\"middle\""
			        " fill=\"%s\">", left + cw * (int)c + cw / 2, y + ch / 2 + 6, FONT,
			        ink_on(fill));
			if (isnan(v))
				fputs("-", f);
			else
				fprintf(f, "%.0f", v);
			fputs("</text>\n", f);
		}
	}
	heat_legend(f, 16, top + ch * (int)rows + 20, line, line_label);
	fputs("</svg>\n", f);
}

void svg_series(FILE *f, const char *title, size_t n, const char *const *labels,
                const double *values, char dec)
{
	const int left = 50, top = 22, bw = 56, gap = 16, plot = 120;
	double max = 100;
	int w = left + (bw + gap) * (int)n + 10, h = top + plot + 30 + 30;

	for (size_t i = 0; i < n; i++)
		if (!isnan(values[i]) && values[i] > max)
			max = values[i];
	if (w < 330)
		w = 330; /* room for the legend of the bars' colours */
	open_svg(f, title, w, h);
	fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>\n",
	        left, top + plot, w - 6, top + plot);
	{
		int y100 = top + plot - (int)lround(plot * 100 / max);

		fprintf(f, "<line class=\"target\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\""
		        " stroke=\"#666\" stroke-dasharray=\"4 3\"/>\n"
		        "<text x=\"%d\" y=\"%d\" font-size=\"%d\" text-anchor=\"end\""
		        " fill=\"#555\">100%%</text>\n", left, y100, w - 6, y100, left - 4, y100 + 5,
		        FONT);
	}
	for (size_t i = 0; i < n; i++) {
		int x = left + gap / 2 + (bw + gap) * (int)i;
		double v = values[i];

		if (!isnan(v)) {
			int bh = (int)lround(plot * (v < 0 ? 0 : v) / max);

			fprintf(f, "<rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\""
			        " fill=\"%s\"/>\n", x, top + plot - bh, bw, bh,
			        v >= 100 ? SVG_GOOD : v >= 50 ? SVG_WARN : SVG_BAD);
		}
		fprintf(f, "<text x=\"%d\" y=\"%d\" font-size=\"%d\" text-anchor=\"middle\">",
		        x + bw / 2, top + plot - 4 - (isnan(v) ? 0 :
		        (int)lround(plot * (v < 0 ? 0 : v) / max)), FONT);
		num1(f, v, dec);
		fputs("</text>\n", f);
		fprintf(f, "<text x=\"%d\" y=\"%d\" font-size=\"%d\" text-anchor=\"middle\">",
		        x + bw / 2, top + plot + 20, FONT);
		esc_html(f, labels[i]);
		fputs("</text>\n", f);
	}
	/* The legend of the bars' colours (each bar also says its share). */
	{
		static const struct { const char *colour, *range; } key[] = {
			{ SVG_GOOD, "\u2265 100 %" }, { SVG_WARN, "50\u201399 %" }, { SVG_BAD, "< 50 %" },
		};
		int y = top + plot + 40, x = 8;

		fputs("<g class=\"legend\">", f);
		for (size_t k = 0; k < 3; k++, x += 106) {
			fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"14\" fill=\"%s\"/>"
			        "<text x=\"%d\" y=\"%d\" font-size=\"%d\">", x, y, key[k].colour,
			        x + 19, y + 13, FONT);
			esc_html(f, key[k].range);
			fputs("</text>", f);
		}
		fputs("</g>\n", f);
	}
	fputs("</svg>\n", f);
}

/* A marker of shape k (circle, square, triangle, diamond, ...) at x, y. */
static void marker(FILE *f, size_t k, double x, double y, const char *colour)
{
	switch (k % 4) {
	case 0:
		fprintf(f, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4.5\" fill=\"%s\"/>\n", x, y, colour);
		break;
	case 1:
		fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"8\" height=\"8\" fill=\"%s\"/>\n",
		        x - 4, y - 4, colour);
		break;
	case 2:
		fprintf(f, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"%s\"/>\n", x,
		        y - 5.5, x - 5, y + 4, x + 5, y + 4, colour);
		break;
	default:
		fprintf(f, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"%s\"/>\n",
		        x, y - 5.5, x + 5.5, y, x, y + 5.5, x - 5.5, y, colour);
	}
}

/* A step of 1, 2 or 5 times a power of ten that cuts span into at most
 * six parts: the value axis of any series, a share or a count. */
static double nice_step(double span)
{
	double raw = span > 0 ? span / 6 : 1, mag = pow(10, floor(log10(raw))), r = raw / mag;

	return mag * (r <= 1 ? 1 : r <= 2 ? 2 : r <= 5 ? 5 : 10);
}

/* A line's end label: series k's value at period at, its baseline y. */
typedef struct {
	size_t k, at;
	double y;
} end_label;

static int end_cmp(const void *a, const void *b)
{
	const end_label *x = a, *y = b;

	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return x->y < y->y ? -1 : x->y > y->y ? 1 : x->k < y->k ? -1 : 1;
}

/* Moves the labels at the same period apart, LINE_H at least between two
 * baselines, in their order top to bottom: each pushed down below the one
 * above it, then, if the lowest went past bottom, each pushed up above the
 * one below (not above top, unless there are too many to fit). */
static void spread_ends(end_label *e, size_t n, double top, double bottom)
{
	qsort(e, n, sizeof *e, end_cmp);
	for (size_t i = 0, j; i < n; i = j) {
		for (j = i + 1; j < n && e[j].at == e[i].at; j++)
			if (e[j].y < e[j - 1].y + LINE_H)
				e[j].y = e[j - 1].y + LINE_H;
		if (e[j - 1].y > bottom)
			e[j - 1].y = bottom;
		for (size_t m = j - 1; m > i; m--)
			if (e[m - 1].y > e[m].y - LINE_H)
				e[m - 1].y = e[m].y - LINE_H;
		if (e[i].y < top)
			for (size_t m = i; m < j; m++)
				e[m].y = top + LINE_H * (double)(m - i) > e[m].y
				         ? top + LINE_H * (double)(m - i) : e[m].y;
	}
}

void svg_lines(FILE *f, const char *title, size_t n, const char *const *labels,
               size_t n_series, const char *const *names, const double *values,
               double line, const char *line_label, char dec)
{
	/* Okabe and Ito's palette, without its yellow (too light on white). */
	static const char *const palette[] = { "#0072B2", "#D55E00", "#009E73", "#CC79A7",
	                                       "#E69F00", "#56B4E9", "#000000" };
	const size_t n_pal = sizeof palette / sizeof *palette;
	const double left = 64, top = 14, plot_h = 200, step = n > 1 ? 560.0 / (double)(n - 1) : 0;
	const double plot_w = n > 1 ? 560 : 0, legend_x = left + plot_w + 60;
	double lo = INFINITY, hi = -INFINITY, ystep;
	/* One line is named by the chart's title (its caption), not again in
	 * the legend, where its name would widen the chart. */
	const size_t keys = n_series > 1 ? n_series : 0;
	size_t rows = keys + (isnan(line) ? 0 : 1), name_w = isnan(line) ? 0 : esc_width(line_label);
	int w, h = (int)(top + plot_h + 40);
	end_label *ends = xcalloc(n_series + 1, sizeof *ends);
	size_t n_ends = 0;

	for (size_t k = 0; k < keys; k++)
		if (esc_width(names[k]) > name_w)
			name_w = esc_width(names[k]);
	w = (int)legend_x + 44 + (int)name_w * CHAR_W;
	if (h < (int)(top + 24 * rows + 10))
		h = (int)(top + 24 * rows + 10);
	for (size_t i = 0; i < n * n_series; i++)
		if (!isnan(values[i])) {
			lo = fmin(lo, values[i]);
			hi = fmax(hi, values[i]);
		}
	if (!isnan(line)) {
		lo = fmin(lo, line);
		hi = fmax(hi, line);
	}
	if (isinf(lo)) {
		lo = 0;
		hi = 100;
	}
	ystep = nice_step(hi - lo);
	lo = floor(lo / ystep) * ystep;
	hi = ceil(hi / ystep) * ystep;
	if (hi - lo < ystep)
		hi = lo + ystep;
#define Y(v) (top + plot_h - plot_h * ((v) - lo) / (hi - lo))
	open_svg(f, title, w, h);
	for (double g = lo; g <= hi + ystep / 1e6; g += ystep) {
		char num[32], *p;

		snprintf(num, sizeof num, "%.*f", ystep < 1 ? (int)ceil(-log10(ystep) - 1e-9) : 0, g);
		if (dec != '.' && (p = strchr(num, '.')))
			*p = dec;
		fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>\n"
		        "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"end\">%s</text>\n",
		        left, Y(g), left + plot_w + 20, Y(g), left - 6, Y(g) + 5, FONT, num);
	}
	for (size_t i = 0; i < n; i++) {
		fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"middle\">",
		        left + 10 + step * (double)i, top + plot_h + 24, FONT);
		esc_html(f, labels[i]);
		fputs("</text>\n", f);
	}
	if (!isnan(line))
		fprintf(f, "<line class=\"target\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\""
		        " stroke=\"" ATTN_COLOUR "\" stroke-width=\"2\" stroke-dasharray=\"" ATTN_DASH
		        "\"/>\n", left,
		        Y(line), left + plot_w + 20, Y(line));
	for (size_t k = 0; k < n_series; k++) {
		const char *colour = palette[k % n_pal];
		const double *v = values + k * n;
		size_t last = n;

		fprintf(f, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2.5\" points=\"",
		        colour);
		for (size_t i = 0; i < n; i++)
			if (!isnan(v[i]))
				fprintf(f, "%.1f,%.1f ", left + 10 + step * (double)i, Y(v[i]));
		fputs("\"/>\n", f);
		for (size_t i = 0; i < n; i++)
			if (!isnan(v[i])) {
				marker(f, k, left + 10 + step * (double)i, Y(v[i]), colour);
				last = i;
			}
		if (last < n) {
			ends[n_ends].k = k;
			ends[n_ends].at = last;
			ends[n_ends++].y = Y(v[last]) + 5;
		}
		if (!keys)
			continue;
		/* The legend: marker, line and name. */
		fprintf(f, "<g class=\"legend\"><line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\""
		        " stroke=\"%s\" stroke-width=\"2.5\"/>\n", legend_x, top + 8 + 24.0 * (double)k,
		        legend_x + 30, top + 8 + 24.0 * (double)k, colour);
		marker(f, k, legend_x + 15, top + 8 + 24.0 * (double)k, colour);
		fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\">", legend_x + 38,
		        top + 13 + 24.0 * (double)k, FONT);
		esc_html(f, names[k]);
		fputs("</text></g>\n", f);
	}
	/* Each line's last value at its end, apart from the others there. */
	spread_ends(ends, n_ends, top + 5, top + plot_h + 5);
	for (size_t e = 0; e < n_ends; e++) {
		const double *v = values + ends[e].k * n;

		fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" fill=\"%s\">",
		        left + 20 + step * (double)ends[e].at, ends[e].y, FONT,
		        palette[ends[e].k % n_pal]);
		num1(f, v[ends[e].at], dec);
		fputs("</text>\n", f);
	}
	free(ends);
	if (!isnan(line))
		dashed_key(f, legend_x, top + 8 + 24.0 * (double)keys, ATTN_COLOUR, ATTN_DASH,
		           line_label);
#undef Y
	fputs("</svg>\n", f);
}
