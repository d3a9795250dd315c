/*
 * svg.c - hand-written SVG charts (see svg.h for why).
 */
#include <config.h>

#include "svg.h"

#include <math.h>
#include <string.h>

#include "escape.h"

/* A number with one decimal and the given decimal mark; "-" for NaN. */
static void num1(FILE *f, double v, char dec)
{
	char buf[32], *p;

	if (isnan(v)) {
		fputs("-", f);
		return;
	}
	snprintf(buf, sizeof buf, "%.1f", v);
	if (dec != '.' && (p = strchr(buf, '.')))
		*p = dec;
	fputs(buf, f);
}

static double clamp100(double v)
{
	return v < 0 ? 0 : v > 100 ? 100 : v;
}

static void open_svg(FILE *f, const char *title, int w, int h)
{
	fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\""
	        " width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"", w, h, w, h);
	esc_html(f, title);
	fputs("\"><title>", f);
	esc_html(f, title);
	fputs("</title>\n", f);
}

void svg_radar(FILE *f, const char *title, size_t n, const char *const *labels,
               const double *values, double line, char dec)
{
	const double cx = 410, cy = 175, r = 125;

	open_svg(f, title, 820, 350);
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

		fprintf(f, "<line stroke=\"#ccc\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n",
		        cx, cy, cx + r * cos(a), cy + r * sin(a));
		fprintf(f, "<text class=\"axis\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\""
		        " font-size=\"13\">", lx, ly + (sin(a) > 0.2 ? 10 : sin(a) < -0.2 ? -2 : 4),
		        anchor);
		esc_html(f, labels[i]);
		fputs(" (", f);
		num1(f, values[i], dec);
		fputs(")</text>\n", f);
	}
	if (!isnan(line)) {
		fputs("<polygon class=\"attention\" fill=\"none\" stroke=\"" SVG_BAD "\""
		      " stroke-dasharray=\"4 3\" points=\"", f);
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
	fputs("</svg>\n", f);
}

void svg_bars(FILE *f, const char *title, size_t n, const char *const *labels,
              const double *values, const char *const *colour, double line,
              const char *line_label, char dec)
{
	const int left = 270, width = 380, row = 22, top = 24;
	int h = top + row * (int)n + 10;

	open_svg(f, title, left + width + 70, h);
	for (int t = 0; t <= 100; t += 25)
		fprintf(f, "<text x=\"%d\" y=\"14\" font-size=\"10\" text-anchor=\"middle\""
		        " fill=\"#666\">%d</text>\n", left + width * t / 100, t);
	for (size_t i = 0; i < n; i++) {
		int y = top + row * (int)i;
		double v = values[i];

		fprintf(f, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"end\">",
		        left - 6, y + 15);
		esc_html(f, labels[i]);
		fputs("</text>\n", f);
		fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#eee\"/>\n",
		        left, y + 3, width, row - 6);
		if (!isnan(v))
			fprintf(f, "<rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%.1f\""
			        " height=\"%d\" fill=\"%s\"/>\n", left, y + 3,
			        width * clamp100(v) / 100, row - 6, colour[i]);
		fprintf(f, "<text x=\"%d\" y=\"%d\" font-size=\"12\">", left + width + 6, y + 15);
		num1(f, v, dec);
		fputs("</text>\n", f);
	}
	if (!isnan(line)) {
		int x = left + (int)lround(width * clamp100(line) / 100);

		fprintf(f, "<line class=\"attention\" x1=\"%d\" y1=\"18\" x2=\"%d\" y2=\"%d\""
		        " stroke=\"" SVG_BAD "\" stroke-width=\"2\" stroke-dasharray=\"5 3\">"
		        "<title>", x, x, h - 4);
		esc_html(f, line_label);
		fputs("</title></line>\n", f);
	}
	fputs("</svg>\n", f);
}

void svg_heat_colour(double score, double line, char out[8])
{
	/* Red at 0, amber at the attention line, green at 100: two linear
	 * ramps so that the line is where the colour turns. */
	static const int red[3] = { 0xc6, 0x28, 0x28 }, amber[3] = { 0xfb, 0xc0, 0x2d },
	                 green[3] = { 0x2e, 0x7d, 0x32 };
	const int *a, *b;
	double t;
	int c[3];

	if (isnan(score)) {
		strcpy(out, "#e0e0e0");
		return;
	}
	score = clamp100(score);
	if (isnan(line) || line <= 0 || line >= 100)
		line = 75;
	if (score < line) {
		a = red;
		b = amber;
		t = score / line;
	} else {
		a = amber;
		b = green;
		t = (score - line) / (100 - line);
	}
	for (int k = 0; k < 3; k++)
		c[k] = (int)lround(a[k] + (b[k] - a[k]) * t);
	snprintf(out, 8, "#%02x%02x%02x", c[0], c[1], c[2]);
}

void svg_heatmap(FILE *f, const char *title, size_t rows, size_t cols,
                 const char *const *row_labels, const char *const *col_labels,
                 const double *values, double line)
{
	const int left = 70, top = 60, cw = 34, ch = 24;
	int w = left + cw * (int)cols + 10, h = top + ch * (int)rows + 10;

	open_svg(f, title, w, h);
	for (size_t c = 0; c < cols; c++) {
		int x = left + cw * (int)c + cw / 2;

		fprintf(f, "<text font-size=\"11\" transform=\"translate(%d %d) rotate(-60)\">",
		        x, top - 4);
		esc_html(f, col_labels[c]);
		fputs("</text>\n", f);
	}
	for (size_t r = 0; r < rows; r++) {
		int y = top + ch * (int)r;

		fprintf(f, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"end\">",
		        left - 6, y + ch / 2 + 4);
		esc_html(f, row_labels[r]);
		fputs("</text>\n", f);
		for (size_t c = 0; c < cols; c++) {
			double v = values[r * cols + c];
			char fill[8];

			svg_heat_colour(v, line, fill);
			fprintf(f, "<rect class=\"cell\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\""
			        " fill=\"%s\" stroke=\"#fff\"/>", left + cw * (int)c, y, cw, ch, fill);
			fprintf(f, "<text x=\"%d\" y=\"%d\" font-size=\"9\" text-anchor=\"middle\""
			        " fill=\"%s\">", left + cw * (int)c + cw / 2, y + ch / 2 + 3,
			        !isnan(v) && (v < line * 0.5 || v > line + (100 - line) * 0.5)
			        ? "#fff" : "#000");
			if (isnan(v))
				fputs("-", f);
			else
				fprintf(f, "%.0f", v);
			fputs("</text>\n", f);
		}
	}
	fputs("</svg>\n", f);
}

void svg_series(FILE *f, const char *title, size_t n, const char *const *labels,
                const double *values, char dec)
{
	const int left = 30, top = 16, bw = 46, gap = 14, plot = 120;
	double max = 100;
	int w = left + (bw + gap) * (int)n + 10, h = top + plot + 34;

	for (size_t i = 0; i < n; i++)
		if (!isnan(values[i]) && values[i] > max)
			max = values[i];
	open_svg(f, title, w < 160 ? 160 : w, h);
	fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>\n",
	        left, top + plot, w - 6, top + plot);
	{
		int y100 = top + plot - (int)lround(plot * 100 / max);

		fprintf(f, "<line class=\"target\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\""
		        " stroke=\"#666\" stroke-dasharray=\"4 3\"/>\n"
		        "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\""
		        " fill=\"#666\">100%%</text>\n", left, y100, w - 6, y100, left - 2, y100 + 3);
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
		fprintf(f, "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">",
		        x + bw / 2, top + plot - 4 - (isnan(v) ? 0 :
		        (int)lround(plot * (v < 0 ? 0 : v) / max)));
		num1(f, v, dec);
		fputs("</text>\n", f);
		fprintf(f, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">",
		        x + bw / 2, top + plot + 16);
		esc_html(f, labels[i]);
		fputs("</text>\n", f);
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

void svg_lines(FILE *f, const char *title, size_t n, const char *const *labels,
               size_t n_series, const char *const *names, const double *values,
               double line, const char *line_label, char dec)
{
	/* Okabe and Ito's palette, without its yellow (too light on white). */
	static const char *const palette[] = { "#0072B2", "#D55E00", "#009E73", "#CC79A7",
	                                       "#E69F00", "#56B4E9", "#000000" };
	const size_t n_pal = sizeof palette / sizeof *palette;
	const double left = 44, top = 14, plot_h = 200, step = n > 1 ? 560.0 / (double)(n - 1) : 0;
	const double plot_w = n > 1 ? 560 : 0, legend_x = left + plot_w + 60;
	double lo = INFINITY, hi = -INFINITY;
	int w = (int)(legend_x + 230), h = (int)(top + plot_h + 40);
	size_t rows = n_series + (isnan(line) ? 0 : 1);

	if (h < (int)(top + 22 * rows + 10))
		h = (int)(top + 22 * rows + 10);
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
	lo = floor(lo / 10) * 10;
	hi = ceil(hi / 10) * 10;
	if (hi - lo < 10)
		hi = lo + 10;
#define Y(v) (top + plot_h - plot_h * ((v) - lo) / (hi - lo))
	open_svg(f, title, w, h);
	for (double g = lo; g <= hi + 1e-9; g += 10) {
		fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>\n"
		        "<text x=\"%.1f\" y=\"%.1f\" font-size=\"13\" text-anchor=\"end\">%.0f</text>\n",
		        left, Y(g), left + plot_w + 20, Y(g), left - 6, Y(g) + 4, g);
	}
	for (size_t i = 0; i < n; i++) {
		fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"13\" text-anchor=\"middle\">",
		        left + 10 + step * (double)i, top + plot_h + 22);
		esc_html(f, labels[i]);
		fputs("</text>\n", f);
	}
	if (!isnan(line))
		fprintf(f, "<line class=\"target\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\""
		        " stroke=\"#444\" stroke-width=\"2\" stroke-dasharray=\"7 4\"/>\n", left,
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
			fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"13\" fill=\"%s\">",
			        left + 20 + step * (double)last, Y(v[last]) + 4, colour);
			num1(f, v[last], dec);
			fputs("</text>\n", f);
		}
		/* The legend: marker, line and name. */
		fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\""
		        " stroke-width=\"2.5\"/>\n", legend_x, top + 8 + 22.0 * (double)k,
		        legend_x + 24, top + 8 + 22.0 * (double)k, colour);
		marker(f, k, legend_x + 12, top + 8 + 22.0 * (double)k, colour);
		fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"13\">", legend_x + 32,
		        top + 12 + 22.0 * (double)k);
		esc_html(f, names[k]);
		fputs("</text>\n", f);
	}
	if (!isnan(line)) {
		double y = top + 8 + 22.0 * (double)n_series;

		fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#444\""
		        " stroke-width=\"2\" stroke-dasharray=\"7 4\"/>\n<text x=\"%.1f\" y=\"%.1f\""
		        " font-size=\"13\">", legend_x, y, legend_x + 24, y, legend_x + 32, y + 4);
		esc_html(f, line_label);
		fputs("</text>\n", f);
	}
#undef Y
	fputs("</svg>\n", f);
}
