/*
 * evaluate_out.c - the evaluation's three tables (ranking, lokus villages,
 * agencies) in every format (see evaluate_out.h). The tables are built once
 * as text cells; each format only lays them out.
 */
#include <config.h>

#include "evaluate_out.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>

#include "escape.h"
#include "evaluate_table.h"
#include "i18n.h"
#include "json_out.h"
#include "out_file.h"
#include "pk2d/plugin.h"
#include "svg.h"
#include "util.h"
#include "writers.h"

/* Each word of the evaluation: its key in the one catalogue (i18n.c), and
 * its key in CSV and JSON. */
static const struct {
	int text;
	const char *key;
} words[EV_W_N] = {
	[W_TITLE] = { T_EV_TITLE, "" },
	[W_METHOD] = { T_EV_METHOD, "method" },
	[W_RANKING] = { T_EV_RANKING, "ranking" },
	[W_VILLAGES] = { T_EV_VILLAGES, "villages" },
	[W_AGENCIES] = { T_EV_AGENCIES, "agencies" },
	[W_RANK] = { T_RANK, "rank" },
	[W_REGENCY] = { T_EV_REGENCY, "regency" },
	[W_REGENCY_NAME] = { T_EV_REGENCY_NAME, "regency_name" },
	[W_MEAN_CHANGE] = { T_EV_MEAN_CHANGE, "improvement" },
	[W_COMPARED] = { T_EV_COMPARED, "villages_compared" },
	[W_NOTE] = { T_NOTE, "note" },
	[W_VILLAGE] = { T_EV_VILLAGE, "village" },
	[W_VILLAGE_NAME] = { T_EV_VILLAGE_NAME, "village_name" },
	[W_STAGE] = { T_EV_STAGE, "stage" },
	[W_FIRST] = { T_EV_FIRST, "first_period" },
	[W_IKK_FIRST] = { T_EV_IKK_FIRST, "ikk_first" },
	[W_CAT_FIRST] = { T_EV_CAT_FIRST, "category_first" },
	[W_LATEST] = { T_EV_LATEST, "latest_period" },
	[W_IKK_LATEST] = { T_EV_IKK_LATEST, "ikk_latest" },
	[W_CAT_LATEST] = { T_EV_CAT_LATEST, "category_latest" },
	[W_CHANGE] = { T_CHANGE, "change" },
	[W_CLOSED] = { T_EV_CLOSED, "problems_closed" },
	[W_OPENED] = { T_EV_OPENED, "problems_opened" },
	[W_AGENCY] = { T_EV_AGENCY, "agency" },
	[W_TARGET] = { T_TARGET, "target" },
	[W_REALISED] = { T_EV_REALISED, "realised" },
	[W_REALISATION] = { T_EV_REALISATION, "realisation" },
	[W_CHANGED] = { T_EV_CHANGED, "config_changed" },
};

static void add_row(etable *t, char **cells)
{
	t->cells = xrealloc(t->cells, (t->nrows + 1) * t->ncols * sizeof *t->cells);
	memcpy(t->cells + t->nrows * t->ncols, cells, t->ncols * sizeof *cells);
	t->nrows++;
}

/* A number for the table: the language's decimal mark in text, HTML,
 * Markdown and PDF, a plain number in CSV and XLSX; "" (plain) or "-" for
 * NaN. */
static char *num(double v, int dec, int lang, int plain)
{
	char b[64];

	if (plain)
		return isnan(v) ? xstrdup("") : xasprintf("%.*f", dec, v);
	return xstrdup(i18n_num(lang, v, dec, b, sizeof b));
}

static const int rank_head[] = { W_RANK, W_REGENCY, W_REGENCY_NAME, W_MEAN_CHANGE, W_COMPARED,
                                 W_NOTE };
static const int village_head[] = { W_REGENCY, W_REGENCY_NAME, W_VILLAGE, W_VILLAGE_NAME,
                                    W_STAGE, W_FIRST, W_IKK_FIRST,
                                    W_CAT_FIRST, W_LATEST, W_IKK_LATEST, W_CAT_LATEST,
                                    W_CHANGE, W_CLOSED, W_OPENED, W_NOTE };
static const int agency_head[] = { W_REGENCY, W_REGENCY_NAME, W_AGENCY, W_TARGET, W_REALISED,
                                   W_REALISATION };
#define N_OF(a) (sizeof a / sizeof *a)

/* A name from the region table; "" for a code it lacks. */
static char *name(const char *s)
{
	return xstrdup(s ? s : "");
}

static const char *note(int changed, int lang, int mode)
{
	return !changed ? "" : mode == EV_CSV ? "1" : i18n(lang, words[W_CHANGED].text);
}

void ev_build(const evaluation *e, int lang, int mode, etable t[EV_TABLES])
{
	int csv = mode != EV_TEXT;  /* plain numbers, "" for none */

	t[0] = (etable){ W_RANKING, T_RANK, N_OF(rank_head), 0, rank_head, NULL };
	t[1] = (etable){ W_VILLAGES, T_EV_VILLAGES, N_OF(village_head), 0, village_head, NULL };
	t[2] = (etable){ W_AGENCIES, T_AGENCY, N_OF(agency_head), 0, agency_head, NULL };
	for (int rank = 1; rank <= (int)e->n + 1; rank++)
		for (size_t i = 0; i < e->n; i++) {
			const eval_regency *r = &e->regencies[i];

			/* The ranked in order, then the unranked (rank 0) last. */
			if (rank <= (int)e->n ? r->rank != rank : r->rank != 0)
				continue;
			char *c[] = { r->rank ? xasprintf("%d", r->rank) : xstrdup(csv ? "" : "-"),
			              xstrdup(r->code), name(r->name), num(r->improvement, 2, lang, csv),
			              xasprintf("%zu", r->n_compared),
			              xstrdup(note(r->config_changed, lang, mode)) };
			add_row(&t[0], c);
		}
	for (size_t i = 0; i < e->n; i++) {
		const eval_regency *r = &e->regencies[i];

		for (size_t k = 0; k < r->n; k++) {
			const eval_village *v = &r->villages[k];
			char *c[] = { xstrdup(r->code), name(r->name), xstrdup(v->code), name(v->name),
			              xstrdup(v->stage ? v->stage : ""),
			              xstrdup(v->first), num(v->ikk_first, 2, lang, csv),
			              xstrdup(v->cat_first), xstrdup(v->latest),
			              num(v->ikk_latest, 2, lang, csv), xstrdup(v->cat_latest),
			              num(v->change, 2, lang, csv), xasprintf("%d", v->closed),
			              xasprintf("%d", v->opened),
			              xstrdup(note(v->config_changed, lang, mode)) };
			add_row(&t[1], c);
		}
		for (size_t k = 0; k < r->n_agencies; k++) {
			const eval_agency *a = &r->agencies[k];
			double pct = a->target > 0 ? 100 * a->realised / a->target : NAN;
			char *c[] = { xstrdup(r->code), name(r->name), xstrdup(a->name), num(a->target, 0, lang, csv),
			              num(a->realised, 0, lang, csv), num(pct, 1, lang, csv) };
			add_row(&t[2], c);
		}
	}
}

void ev_free(etable t[EV_TABLES])
{
	for (int k = 0; k < EV_TABLES; k++) {
		for (size_t i = 0; i < t[k].nrows * t[k].ncols; i++)
			free(t[k].cells[i]);
		free(t[k].cells);
	}
}

int ev_decimals(int word)
{
	switch (word) {
	case W_RANK: case W_COMPARED: case W_CLOSED: case W_OPENED: case W_TARGET:
	case W_REALISED:
		return 0;
	case W_REALISATION:
		return 1;
	case W_MEAN_CHANGE: case W_IKK_FIRST: case W_IKK_LATEST: case W_CHANGE:
		return 2;
	default:
		return -1;
	}
}

/* A column of numbers: right-aligned in text, never quoted in CSV. */
static int numeric(int word)
{
	return ev_decimals(word) >= 0;
}

const char *ev_cell(const etable *t, size_t row, size_t col)
{
	return t->cells[row * t->ncols + col];
}

int ev_text(int word)
{
	return words[word].text;
}

/* Text: numbers right-aligned, words left-aligned, two blanks between. */
static void write_text(const etable *t, int lang, FILE *out)
{
	size_t w[16] = { 0 };

	fputc('\n', out);
	esc_term(out, i18n(lang, words[t->title].text));
	fputc('\n', out);
	for (size_t c = 0; c < t->ncols; c++)
		w[c] = esc_width(i18n(lang, words[t->head[c]].text));
	for (size_t r = 0; r < t->nrows; r++)
		for (size_t c = 0; c < t->ncols; c++)
			if (esc_width(ev_cell(t, r, c)) > w[c])
				w[c] = esc_width(ev_cell(t, r, c));
	for (size_t r = 0; r <= t->nrows; r++) {
		for (size_t c = 0; c < t->ncols; c++) {
			const char *s = r ? ev_cell(t, r - 1, c) : i18n(lang, words[t->head[c]].text);
			int pad = (int)(w[c] - esc_width(s)), right = numeric(t->head[c]);

			fprintf(out, "%s%*s", c ? "  " : "", right ? pad : 0, "");
			esc_term(out, s);
			if (!right && c + 1 < t->ncols)
				fprintf(out, "%*s", pad, "");
		}
		fputc('\n', out);
	}
}

static void write_csv(const etable *t, FILE *out)
{
	for (size_t r = 0; r <= t->nrows; r++) {
		for (size_t c = 0; c < t->ncols; c++) {
			if (c)
				fputc(',', out);
			if (r && numeric(t->head[c]))
				fputs(ev_cell(t, r - 1, c), out);
			else
				esc_csv(out, r ? ev_cell(t, r - 1, c) : words[t->head[c]].key);
		}
		fputs("\r\n", out);
	}
}

static void write_md(const etable *t, int lang, FILE *out)
{
	fprintf(out, "\n## ");
	esc_md(out, i18n(lang, words[t->title].text));
	fputs("\n\n", out);
	for (size_t r = 0; r <= t->nrows; r++) {
		for (size_t c = 0; c < t->ncols; c++) {
			fputs("| ", out);
			esc_md(out, r ? ev_cell(t, r - 1, c) : i18n(lang, words[t->head[c]].text));
			fputc(' ', out);
		}
		fputs("|\n", out);
		if (r == 0) {
			for (size_t c = 0; c < t->ncols; c++)
				fputs(c ? "|---:" : "|---", out);
			fputs("|\n", out);
		}
	}
}

/* A table in the reports' style: numbers right-aligned (class n), the
 * header in a <thead> that printing repeats on every page. */
static void write_html(const etable *t, int lang, FILE *out)
{
	fputs("<h2>", out);
	esc_html(out, i18n(lang, words[t->title].text));
	fputs("</h2>\n<table>\n<thead>", out);
	for (size_t r = 0; r <= t->nrows; r++) {
		fputs("<tr>", out);
		for (size_t c = 0; c < t->ncols; c++) {
			const char *n = ev_decimals(t->head[c]) >= 0 ? " class=\"n\"" : "";

			fprintf(out, "<%s%s>", r ? "td" : "th", n);
			esc_html(out, r ? ev_cell(t, r - 1, c) : i18n(lang, words[t->head[c]].text));
			fputs(r ? "</td>" : "</th>", out);
		}
		fputs(r ? "</tr>\n" : "</tr></thead>\n<tbody>\n", out);
	}
	fputs("</tbody>\n</table>\n", out);
}

static void json_text(cJSON *o, const char *key, const char *s)
{
	if (s && *s)
		cJSON_AddStringToObject(o, key, s);
	else
		cJSON_AddNullToObject(o, key);
}

static int write_json(const evaluation *e, FILE *out)
{
	cJSON *root = cJSON_CreateObject(), *regs = cJSON_AddArrayToObject(root, "regencies");
	char *text;
	int rc;

	cJSON_AddStringToObject(root, "method", i18n(LANG_EN, words[W_METHOD].text));
	for (size_t i = 0; i < e->n; i++) {
		const eval_regency *r = &e->regencies[i];
		cJSON *o = cJSON_CreateObject(), *vs, *as;

		cJSON_AddItemToArray(regs, o);
		cJSON_AddStringToObject(o, "regency", r->code);
		json_text(o, "regency_name", r->name);
		if (r->rank)
			cJSON_AddNumberToObject(o, "rank", r->rank);
		else
			cJSON_AddNullToObject(o, "rank");
		json_add_num(o, "improvement", r->improvement);
		cJSON_AddNumberToObject(o, "villages_compared", (double)r->n_compared);
		cJSON_AddBoolToObject(o, "config_changed", r->config_changed);
		vs = cJSON_AddArrayToObject(o, "villages");
		for (size_t k = 0; k < r->n; k++) {
			const eval_village *v = &r->villages[k];
			cJSON *x = cJSON_CreateObject();

			cJSON_AddItemToArray(vs, x);
			cJSON_AddStringToObject(x, "village", v->code);
			json_text(x, "village_name", v->name);
			json_text(x, "stage", v->stage);
			json_text(x, "first_period", v->first);
			json_add_num(x, "ikk_first", v->ikk_first);
			json_text(x, "category_first", v->cat_first);
			json_text(x, "latest_period", v->latest);
			json_add_num(x, "ikk_latest", v->ikk_latest);
			json_text(x, "category_latest", v->cat_latest);
			json_add_num(x, "change", v->change);
			cJSON_AddNumberToObject(x, "problems_closed", v->closed);
			cJSON_AddNumberToObject(x, "problems_opened", v->opened);
			cJSON_AddBoolToObject(x, "config_changed", v->config_changed);
		}
		as = cJSON_AddArrayToObject(o, "agencies");
		for (size_t k = 0; k < r->n_agencies; k++) {
			cJSON *x = cJSON_CreateObject();

			cJSON_AddItemToArray(as, x);
			cJSON_AddStringToObject(x, "agency", r->agencies[k].name);
			cJSON_AddNumberToObject(x, "target", r->agencies[k].target);
			cJSON_AddNumberToObject(x, "realised", r->agencies[k].realised);
		}
	}
	text = cJSON_Print(root);
	cJSON_Delete(root);
	if (!text)
		return -1;
	rc = fprintf(out, "%s\n", text) < 0 ? -1 : 0;
	cJSON_free(text);
	return rc;
}

void ev_each_history(const evaluation *e, int lang,
                     void (*fn)(void *ctx, const char *village, const view_history *h,
                                int first),
                     void *ctx)
{
	int n = 0;

	for (size_t i = 0; i < e->n; i++)
		for (size_t k = 0; k < e->regencies[i].n; k++) {
			const eval_village *v = &e->regencies[i].villages[k];
			view_history h;

			if (!v->history || !view_history_of(lang, e->model ? e->model->attention : NAN,
			                                    v->history, &h))
				continue;
			char *label = v->name ? xasprintf("%s %s", v->code, v->name) : xstrdup(v->code);

			fn(ctx, label, &h, n++ == 0);
			free(label);
			view_history_free(&h);
		}
}

void ev_chart(FILE *f, const evaluation *e, const view_history *h, int lang)
{
	svg_lines(f, i18n(lang, T_SCORE_HISTORY), h->n, h->labels, h->n_series, h->names,
	          h->values, e->model ? e->model->attention : NAN, h->line_label,
	          i18n_decimal(lang));
}

/* What a chart is drawn with. */
typedef struct chart_to {
	const evaluation *e;
	int lang;
	FILE *out;
} chart_to;

/* A lokus village's chart under its code and name, in HTML. */
static void html_chart(void *ctx, const char *village, const view_history *h, int first)
{
	const chart_to *c = ctx;

	if (first) {
		fputs("<h2>", c->out);
		esc_html(c->out, i18n(c->lang, T_EV_TRENDS));
		fputs("</h2>\n", c->out);
	}
	fputs("<h3>", c->out);
	esc_html(c->out, village);
	fputs("</h3>\n<figure>\n", c->out);
	ev_chart(c->out, c->e, h, c->lang);
	fputs("</figure>\n", c->out);
}

int evaluate_format_known(const char *format)
{
	static const char *const known[] = { "text", "csv", "json", "md", "html", "xlsx", "pdf" };

	for (size_t i = 0; i < N_OF(known); i++)
		if (strcmp(format, known[i]) == 0)
			return 1;
	return 0;
}

/* The formats written as lines of text. */
static int write_lines(const evaluation *e, const char *format, int lang, FILE *out)
{
	int csv = strcmp(format, "csv") == 0;
	etable t[EV_TABLES];

	ev_build(e, lang, csv ? EV_CSV : EV_TEXT, t);
	if (!strcmp(format, "html")) {
		fprintf(out, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">"
		        "<title>", lang == LANG_EN ? "en" : "id");
		esc_html(out, i18n(lang, words[W_TITLE].text));
		fprintf(out, "</title>\n%s</head><body>\n<h1>", report_html_style());
		esc_html(out, i18n(lang, words[W_TITLE].text));
		fputs("</h1>\n<p>", out);
		esc_html(out, i18n(lang, words[W_METHOD].text));
		fputs("</p>\n", out);
	} else if (!strcmp(format, "md")) {
		fputs("# ", out);
		esc_md(out, i18n(lang, words[W_TITLE].text));
		fputs("\n\n", out);
		esc_md(out, i18n(lang, words[W_METHOD].text));
		fputc('\n', out);
	} else if (!csv) {
		esc_term(out, i18n(lang, words[W_TITLE].text));
		fputs("\n", out);
		esc_term(out, i18n(lang, words[W_METHOD].text));
		fputc('\n', out);
	}
	for (int k = 0; k < EV_TABLES; k++) {
		if (csv && k)
			fputs("\r\n", out);
		if (csv)
			write_csv(&t[k], out);
		else if (!strcmp(format, "md"))
			write_md(&t[k], lang, out);
		else if (!strcmp(format, "html"))
			write_html(&t[k], lang, out);
		else
			write_text(&t[k], lang, out);
	}
	if (!strcmp(format, "html")) {
		ev_each_history(e, lang, html_chart, &(chart_to){ e, lang, out });
		fputs("</body></html>\n", out);
	}
	ev_free(t);
	return ferror(out) ? PK2D_ERR_IO : 0;
}

int evaluate_write(const evaluation *e, const char *format, int lang, FILE *out, char *err,
                   size_t errlen)
{
	if (!strcmp(format, "json"))
		return write_json(e, out) < 0 ? PK2D_ERR_IO : 0;
	if (!strcmp(format, "xlsx"))
		return evaluate_xlsx(e, lang, out, err, errlen);
	if (!strcmp(format, "pdf"))
		return evaluate_pdf(e, lang, out, err, errlen);
	return write_lines(e, format, lang, out);
}

/* evaluate_write as out_file_write's emitter. */
typedef struct ev_output {
	const evaluation *e;
	const char *format;
	int lang;
} ev_output;

static int emit(const void *ctx, FILE *out, char *err, size_t errlen)
{
	const ev_output *o = ctx;

	return evaluate_write(o->e, o->format, o->lang, out, err, errlen);
}

int evaluate_write_file(const evaluation *e, const char *format, int lang, const char *path,
                        char *err, size_t errlen)
{
	return out_file_write(path, emit, &(ev_output){ e, format, lang }, err, errlen);
}
