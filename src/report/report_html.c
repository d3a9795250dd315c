/*
 * report_html.c - the consolidated assessment as one self-contained HTML
 * file: inline CSS (screen, projector and print), inline SVG charts, no
 * script and no network. Every text from data goes through esc_html.
 */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agency_problems.h"
#include "escape.h"
#include "i18n.h"
#include "present.h"
#include "report_view.h"
#include "writers.h"
#include "svg.h"
#include "view_rows.h"
#include "view_wide.h"
#include "villages_out.h"

static void h(FILE *f, const char *s)
{
	esc_html(f, s);
}

static const char css[] =
	"<style>\n"
	":root{--good:" SVG_GOOD ";--warn:" SVG_WARN ";--bad:" SVG_BAD ";--none:" SVG_NONE ";"
	"--ink:#1a1a1a;--muted:#555;--line:#d0d0d0;--head:#0d47a1}\n"
	"*{box-sizing:border-box}\n"
	"body{font-family:'Noto Sans','DejaVu Sans',Arial,sans-serif;color:var(--ink);"
	"margin:0;padding:20px 32px;font-size:16px;line-height:1.45}\n"
	"h1{color:var(--head);font-size:1.9em;margin:.2em 0}\n"
	"h2{color:var(--head);border-bottom:3px solid var(--head);padding-bottom:.15em;"
	"margin-top:1.6em}\n"
	"h3{margin:1.2em 0 .4em}\n"
	".sub{color:var(--muted);margin:0 0 1em}\n"
	"table{border-collapse:collapse;margin:.5em 0 1em;width:100%}\n"
	"th,td{border:1px solid var(--line);padding:.3em .5em;vertical-align:top;text-align:left}\n"
	"th{background:#e8eef7}\n"
	"td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
	"td.st{white-space:nowrap}\n"
	"table.kv{width:auto}table.kv th{width:14em}\n"
	".card{display:flex;gap:28px;align-items:center;flex-wrap:wrap}\n"
	".ikk{font-size:3.4em;font-weight:700;color:var(--head);line-height:1}\n"
	".badge{display:inline-block;padding:.25em .7em;border-radius:1em;color:#fff;"
	"font-weight:600}\n"
	/* A status is never colour alone: its word beside it, and a sign in
	 * the dot (and the badge) that reads without colour. */
	".dot{display:inline-block;width:1.25em;height:1.25em;border-radius:50%;"
	"margin-right:.35em;vertical-align:-.2em;color:#fff;font-size:.85em;font-weight:700;"
	"line-height:1.25em;text-align:center}\n"
	".dot.good::after,.badge.good::before{content:'\\2713'}"
	".dot.warn::after,.badge.warn::before{content:'!'}"
	".dot.bad::after,.badge.bad::before{content:'\\2717'}.dot.none::after{content:'\\2013'}"
	".badge::before{margin-right:.45em}.dot.warn,.badge.warn{color:#000}\n"
	".good{background:var(--good)}.warn{background:var(--warn)}.bad{background:var(--bad)}"
	".none{background:var(--none)}\n"
	"tr.attention td{background:#fdecea}\n"
	".charts{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}"
	".charts>*{min-width:0;max-width:100%}\n"
	/* A chart fits its box down to 3/4 of its size (its min-width, 12 px
	 * text), then scrolls in it, like a wide table on a phone. */
	"figure{margin:0;overflow-x:auto}svg{max-width:100%;height:auto;font-family:inherit}\n"
	"nav ol{columns:2}\n"
	"nav.crumbs p{margin:0 0 .6em;color:var(--muted)}nav.down ul{columns:3}\n"
	"footer{margin-top:2.5em;border-top:1px solid var(--line);padding-top:.6em;"
	"color:var(--muted);font-size:.9em}\n"
	".note{font-weight:600;color:var(--bad)}\n"
	".failed{border:3px solid var(--bad);background:#fdecea;padding:.4em 1em}\n"
	".unused{border-left:4px solid var(--warn);padding:.2em 1em}\n"
	".lokus{border-left:4px solid var(--head);padding:.2em 1em}\n"
	"section.area{margin-bottom:2em}\n"
	/* The summary: the IKK beside the problems, on the first screen. */
	".glance h1{margin-top:0}.glance h2{margin:.2em 0 .4em}.glance h3{margin:.6em 0 .2em}"
	".glance .ikk .k{font-size:.45em}.glance table{margin:.3em 0}.glance td,.glance th{padding:.2em .45em}\n"
	/* A status "belum tercapai (capaian 94,7 %)" on two lines, not
	 * narrowing the problem's name beside it. */
	".glance td.st{white-space:normal;width:10.5em}\n"
	".at{display:grid;grid-template-columns:minmax(300px,1fr) 2fr;gap:0 36px;"
	"align-items:start}.at>div{min-width:0}\n"
	"@media (max-width:900px){.at{grid-template-columns:1fr}}\n"
	/* A phone: a wide table scrolls inside the page instead of being cut. */
	"@media (max-width:600px){body{padding:12px}h1{font-size:1.45em}.glance .ikk{font-size:2.6em}"
	"table{display:block;overflow-x:auto}nav ol{columns:1}"
	"li,p{overflow-wrap:anywhere}}\n"
	/* Print: a table's header row on every page it spans, a heading never
	 * last on a page, a chart or a row never cut in two. */
	"@media print{body{max-width:none;padding:0;font-size:10.5pt}"
	"@page{size:A4;margin:14mm}"
	"thead{display:table-header-group}"
	"h1,h2,h3,figcaption{break-after:avoid;page-break-after:avoid}"
	"tr,svg,figure,.card{break-inside:avoid;page-break-inside:avoid}p{orphans:3;widows:3}"
	"section.area+section.area{break-before:page}nav{display:none}"
	"*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n"
	"</style>\n";

const char *report_html_style(void)
{
	return css;
}

static const char *status_class(int status)
{
	switch (status) {
	case ASSESS_GOOD: return "good";
	case ASSESS_OFF_TARGET: return "warn";
	case ASSESS_ATTENTION: return "bad";
	default: return "none";
	}
}

static const char *status_colour(int status)
{
	switch (status) {
	case ASSESS_GOOD: return SVG_GOOD;
	case ASSESS_OFF_TARGET: return SVG_WARN;
	case ASSESS_ATTENTION: return SVG_BAD;
	default: return SVG_NONE;
	}
}

static void area_name(FILE *f, const report_view *v, const assess_area *aa)
{
	char buf[512];

	h(f, i18n_area_title(v->lang, aa->code, aa->name, buf, sizeof buf));
}

static void anchor(FILE *f, const assess_area *aa, const char *part)
{
	fputs(" id=\"", f);
	h(f, part);
	fputc('-', f);
	h(f, aa->code);
	fputc('"', f);
}

static void profile(FILE *f, const report_view *v, const assess_area *aa)
{
	const assess_profile *p = &aa->profile;

	fputs("<h2", f);
	anchor(f, aa, "profil");
	fprintf(f, ">1. %s</h2>\n<table class=\"kv\">\n", rv_t(v, T_PROFILE));
	for (size_t i = 0; i < p->n_up; i++) {
		fprintf(f, "<tr><th>%s</th><td>", i18n_level(v->lang, p->up[i].level));
		h(f, p->up[i].code);
		if (p->up[i].name) {
			fputs(" &middot; ", f);
			h(f, p->up[i].name);
		}
		fputs("</td></tr>\n", f);
	}
	fprintf(f, "<tr><th>%s</th><td>", rv_t(v, T_PERIOD));
	h(f, v->period);
	fputs("</td></tr>\n", f);
	if (aa->level < AREA_VILLAGE)
		fprintf(f, "<tr><th>%s</th><td class=\"n\">%zu</td></tr>\n",
		        rv_t(v, T_N_VILLAGES), p->n_villages);
	fprintf(f, "<tr><th>%s</th><td class=\"n\">%zu</td></tr>\n", rv_t(v, T_N_RT), p->n_rt);
	fprintf(f, "<tr><th>%s</th><td class=\"n\">%s</td></tr>\n", rv_t(v, T_KK), rv_cnt(v, p->kk));
	fprintf(f, "<tr><th>%s</th><td class=\"n\">%s</td></tr>\n", rv_t(v, T_MALE), rv_cnt(v, p->male));
	fprintf(f, "<tr><th>%s</th><td class=\"n\">%s</td></tr>\n", rv_t(v, T_FEMALE),
	        rv_cnt(v, p->female));
	fprintf(f, "<tr><th>%s (%zu)</th><td>", rv_t(v, T_AGENCIES), p->n_agencies);
	for (size_t i = 0; i < p->n_agencies; i++) {
		if (i)
			fputs("; ", f);
		h(f, p->agencies[i]);
	}
	fputs("</td></tr>\n</table>\n", f);
}

static void ikk_card(FILE *f, const report_view *v, const assess_area *aa)
{
	const assess_score *s = &aa->score;
	const char *labels[32];
	double vals[32];
	size_t n = s->n_dimensions < 32 ? s->n_dimensions : 32;
	char line[VIEW_LINE_LABEL];

	fputs("<div class=\"card\">\n<div>", f);
	fprintf(f, "<div class=\"ikk\">%s</div>", rv_num(v, s->ikk, 2));
	if (s->category) {
		fprintf(f, "<p><span class=\"badge %s\">",
		        status_class(view_category_colour(v, s->category)));
		h(f, i18n_pick(v->lang, s->category->label_id, s->category->label_en));
		fputs("</span></p>", f);
	} else {
		fprintf(f, "<p>%s (%zu)</p>", rv_t(v, T_IKK_MISSING), s->n_missing_dimensions);
	}
	fputs("</div>\n", f);
	for (size_t i = 0; i < n; i++) {
		labels[i] = i18n_pick(v->lang, s->dimensions[i].model->label_id,
		                      s->dimensions[i].model->label_en);
		vals[i] = s->dimensions[i].value;
	}
	if (n >= 3) {
		fputs("<figure>\n", f);
		svg_radar(f, rv_t(v, T_DIMENSIONS), n, labels, vals, v->as->model->attention,
		          view_line_label(v, line), i18n_decimal(v->lang));
		fputs("</figure>\n", f);
	}
	fprintf(f, "<table style=\"width:auto\"><thead><tr><th>%s</th><th class=\"n\">%s</th>"
	        "<th class=\"n\">%s</th></tr></thead>\n", rv_t(v, T_DIMENSION), rv_t(v, T_VALUE),
	        rv_t(v, T_INDICATORS));
	for (size_t i = 0; i < s->n_dimensions; i++) {
		fputs("<tr><td>", f);
		h(f, i18n_pick(v->lang, s->dimensions[i].model->label_id,
		               s->dimensions[i].model->label_en));
		fprintf(f, "</td><td class=\"n\">%s</td><td class=\"n\">%zu/%zu</td></tr>\n",
		        rv_num(v, s->dimensions[i].value, 2), s->dimensions[i].n_available,
		        s->dimensions[i].model->n_indicators);
	}
	fputs("</table>\n</div>\n", f);
}

static void indicator_bars(FILE *f, const report_view *v, const assess_area *aa)
{
	const assess_score *s = &aa->score;
	size_t n = 0, k = 0;

	for (size_t d = 0; d < s->n_dimensions; d++)
		n += s->dimensions[d].model->n_indicators;
	if (!n)
		return;
	{
		const char *labels[n], *colour[n];
		char text[n][512];
		double vals[n];
		char line[VIEW_LINE_LABEL];

		for (size_t d = 0; d < s->n_dimensions; d++)
			for (size_t i = 0; i < s->dimensions[d].model->n_indicators; i++) {
				const assess_indicator *ai = &s->dimensions[d].indicators[i];

				snprintf(text[k], sizeof text[k], "%s %s", ai->model->code,
				         report_view_ind_label(v, ai));
				labels[k] = text[k];
				colour[k] = status_colour(ai->status);
				vals[k++] = ai->score;
			}
		fprintf(f, "<h3>%s</h3>\n<figure>\n", rv_t(v, T_INDICATOR_BARS));
		svg_bars(f, rv_t(v, T_INDICATOR_BARS), n, labels, vals, colour,
		         v->as->model->attention, view_line_label(v, line), i18n_decimal(v->lang));
		fputs("</figure>\n", f);
	}
}

static void indicator_table(FILE *f, const report_view *v, const assess_area *aa)
{
	const assess_score *s = &aa->score;

	fprintf(f, "<h3>%s</h3>\n<table>\n<thead><tr><th>%s</th><th>%s</th><th class=\"n\">%s</th>"
	        "<th class=\"n\">%s</th><th class=\"n\">%s (%%)</th><th>%s</th></tr></thead>\n",
	        rv_t(v, T_INDICATORS), rv_t(v, T_CODE), rv_t(v, T_INDICATOR), rv_t(v, T_NUMERATOR),
	        rv_t(v, T_DENOMINATOR), rv_t(v, T_VALUE), rv_t(v, T_STATUS));
	for (size_t d = 0; d < s->n_dimensions; d++) {
		fputs("<tr><th colspan=\"6\">", f);
		h(f, i18n_pick(v->lang, s->dimensions[d].model->label_id,
		               s->dimensions[d].model->label_en));
		fputs("</th></tr>\n", f);
		for (size_t i = 0; i < s->dimensions[d].model->n_indicators; i++) {
			const assess_indicator *ai = &s->dimensions[d].indicators[i];
			int nodata = ai->status == ASSESS_NO_DATA;

			fprintf(f, "<tr%s><td>", ai->status == ASSESS_ATTENTION ?
			        " class=\"attention\"" : "");
			h(f, ai->model->code);
			fputs("</td><td>", f);
			h(f, report_view_ind_label(v, ai));
			fprintf(f, "</td><td class=\"n\">%s</td><td class=\"n\">%s</td>"
			        "<td class=\"n\">%s</td><td class=\"st\"><span class=\"dot %s\"></span>",
			        nodata ? "-" : rv_cnt(v, ai->num), nodata ? "-" : rv_cnt(v, ai->den),
			        rv_num(v, ai->value, 1), status_class(ai->status));
			h(f, report_view_ind_status(v, ai));
			fputs("</td></tr>\n", f);
		}
	}
	fputs("</table>\n", f);
}

static void heatmap(FILE *f, const report_view *v, const assess_area *aa)
{
	view_heatmap hm;

	if (report_view_rts_folded(v, aa)) {
		fprintf(f, "<h3>%s</h3>\n<p class=\"sub\">%s</p>\n", rv_t(v, T_RT_BREAKDOWN),
		        rv_t(v, T_RT_NOT_KEPT));
		return;
	}
	if (!view_heatmap_build(v, aa, &hm))
		return;
	fputs("<h3>", f);
	h(f, hm.title);
	fprintf(f, "</h3>\n<p class=\"sub\">%s</p>\n",
	        rv_t(v, hm.areas ? T_AREAS_HEATMAP_NOTE : T_RT_HEATMAP_NOTE));
	fputs("<figure>\n", f);
	svg_heatmap(f, hm.title, hm.rows, hm.cols, hm.row_labels, hm.col_labels, hm.values,
	            v->as->model->attention, hm.line_label);
	fputs("</figure>\n", f);
	view_heatmap_free(&hm);
}

static void household(FILE *f, const report_view *v, const assess_area *aa)
{
	if (!aa->n_household)
		return;
	fprintf(f, "<h3>%s</h3>\n<table style=\"width:auto\"><thead><tr><th>%s</th>"
	        "<th class=\"n\">KK</th>"
	        "<th class=\"n\">%%</th></tr></thead>\n", rv_t(v, T_HOUSEHOLD), rv_t(v, T_CATEGORY));
	for (size_t i = 0; i < aa->n_household; i++) {
		fputs("<tr><td>", f);
		h(f, i18n_pick(v->lang, aa->household[i].range->label_id,
		               aa->household[i].range->label_en));
		fprintf(f, "</td><td class=\"n\">%s</td><td class=\"n\">%s</td></tr>\n",
		        rv_cnt(v, aa->household[i].num), rv_num(v, aa->household[i].value, 1));
	}
	fputs("</table>\n", f);
}

static void action_cells(FILE *f, const report_view *v, const assess_action *a)
{
	fprintf(f, "<td class=\"n\">%s</td><td class=\"n\">%s</td><td class=\"n\">%s</td>",
	        a->has_data ? rv_cnt(v, a->target) : "-", a->has_data ? rv_cnt(v, a->realised) : "-",
	        rv_num(v, a->coverage, 1));
}

/* The class of a row's value, when its indicator has classes. */
static void row_class(FILE *f, const report_view *v, const assess_row *r)
{
	const reg_class *cls = present_class(v->reg, r->decl, r->has_value ? r->value : NAN);

	if (!cls)
		return;
	/* Under the capaian category; alone (no empty line) without one. */
	fprintf(f, "%s<small>%s: ", r->category ? "<br>" : "", rv_t(v, T_CLASS));
	h(f, i18n_pick(v->lang, cls->label_id, cls->label_en));
	fputs("</small>", f);
}

static void class_source_html(void *ud, const char *source)
{
	void **a = ud;
	fprintf(a[1], "<p class=\"sub\">%s: ", rv_t(a[0], T_CLASS_SOURCE));
	h(a[1], source);
	fputs("</p>\n", a[1]);
}

/* A declared table of the agency's plugin in the area (present.h). */
static void table_html(FILE *f, const report_view *v, const reg_table *t, const assess_area *aa)
{
	fputs("<h4>", f);
	h(f, i18n_pick(v->lang, t->title_id, t->title_en));
	fputs("</h4>\n<table class=\"hq\" style=\"width:auto\"><thead><tr><th>", f);
	h(f, i18n_pick(v->lang, t->rows_label_id, t->rows_label_en));
	fputs("</th>", f);
	for (size_t j = 0; j < t->n_cols; j++) {
		fputs("<th class=\"n\">", f);
		h(f, i18n_pick(v->lang, t->cols[j].label_id, t->cols[j].label_en));
		fputs("</th>", f);
	}
	fputs("</tr></thead>\n", f);
	for (size_t i = 0; i < t->n_rows; i++) {
		fputs("<tr><td>", f);
		h(f, i18n_pick(v->lang, t->rows[i].label_id, t->rows[i].label_en));
		fputs("</td>", f);
		for (size_t j = 0; j < t->n_cols; j++)
			fprintf(f, "<td class=\"n\">%s</td>",
			        rv_num(v, reg_table_cell_value(v->reg, t, i, j, aa->code, v->period),
			               t->cols[j].decimals));
		fputs("</tr>\n", f);
	}
	fputs("</table>\n", f);
	if (*t->note_id) {
		fputs("<p class=\"sub\">", f);
		h(f, i18n_pick(v->lang, t->note_id, t->note_en));
		fputs("</p>\n", f);
	}
}

static void agencies(FILE *f, const report_view *v, const assess_area *aa)
{
	fputs("<h2", f);
	anchor(f, aa, "opd");
	fprintf(f, ">3. %s</h2>\n", rv_t(v, T_AGENCY_SECTION));
	for (size_t g = 0; g < aa->n_agencies; g++) {
		const assess_agency *ag = &aa->agencies[g];
		size_t n;
		present_line *lines = present_agency(v->reg, ag, &n);

		fputs("<h3>", f);
		h(f, ag->agency);
		fputs("</h3>\n", f);
		if (n) {
			fprintf(f, "<table><thead><tr><th class=\"n\">%s</th><th>%s</th><th>%s</th>"
			        "<th class=\"n\">%s</th><th class=\"n\">%s</th><th class=\"n\">%s</th>"
			        "<th>%s</th><th>%s</th></tr></thead>\n", rv_t(v, T_NO), rv_t(v, T_INDICATOR),
			        rv_t(v, T_UNIT), rv_t(v, T_TARGET), rv_t(v, T_REALISATION), rv_t(v, T_CAPAIAN),
			        rv_t(v, T_CATEGORY), rv_t(v, T_TARGET_STATE));
			for (size_t i = 0; i < n; i++) {
				const assess_row *r = lines[i].row;
				const char *word;

				if (!r) {
					fprintf(f, "<tr class=\"group\"><td></td><td colspan=\"7\" "
					        "style=\"padding-left:%dem\"><strong>",
					        lines[i].group->depth);
					h(f, i18n_pick(v->lang, lines[i].group->label_id,
					               lines[i].group->label_en));
					fputs("</strong></td></tr>\n", f);
					continue;
				}
				fprintf(f, "<tr><td class=\"n\">%zu</td><td>", lines[i].no);
				h(f, i18n_pick(v->lang, r->decl->label_id, r->decl->label_en));
				fputs("</td><td>", f);
				h(f, r->decl->unit);
				fprintf(f, "</td><td class=\"n\">%s</td><td class=\"n\">%s</td>"
				        "<td class=\"n\">%s</td><td class=\"st\">",
				        report_view_target(v, r->decl, r->has_target, r->target, r->target_year),
				        r->has_value ? rv_val(v, r->decl, r->value) : "-", rv_num(v, r->capaian, 1));
				if ((word = report_view_row_word(v, r, 0))) {
					fprintf(f, "<span class=\"dot %s\"></span>",
					        status_class(r->colour));
					h(f, word);
				} else if (!r->has_value) {
					h(f, rv_t(v, T_NO_DATA));
				}
				row_class(f, v, r);
				fputs("</td><td>", f);
				h(f, report_view_target_state(v, r));
				fputs("</td></tr>\n", f);
			}
			fputs("</table>\n", f);
			present_class_sources(v->reg, lines, n, class_source_html,
			                      (void *[]){ (void *)v, f });
		}
		free(lines);
		if (ag->n_actions) {
			fprintf(f, "<table><thead><tr><th>%s</th><th>%s</th><th>%s</th><th class=\"n\">%s</th>"
			        "<th class=\"n\">%s</th><th class=\"n\">%s</th><th class=\"n\">%s</th>"
			        "</tr></thead>\n", rv_t(v, T_INTERVENTION), rv_t(v, T_TARGET_GROUP), rv_t(v, T_UNIT),
			        rv_t(v, T_TARGET), rv_t(v, T_REALISATION), rv_t(v, T_COVERAGE), rv_t(v, T_BUDGET));
			for (size_t i = 0; i < ag->n_actions; i++) {
				const assess_action *a = &ag->actions[i];

				fputs("<tr><td>", f);
				h(f, i18n_pick(v->lang, a->decl->label_id, a->decl->label_en));
				fputs("</td><td>", f);
				h(f, a->decl->target_group);
				fputs("</td><td>", f);
				h(f, a->decl->unit);
				fputs("</td>", f);
				action_cells(f, v, a);
				fprintf(f, "<td class=\"n\">%s</td></tr>\n",
				        a->has_data && a->budget > 0 ? i18n_money(v->lang, a->budget) : "-");
			}
			fprintf(f, "</table>\n<p><small>%s</small></p>\n", rv_t(v, T_COVERAGE_NOTE));
		}
		for (size_t t = 0; t < registry_n_tables(v->reg); t++)
			if (present_table_shown(v->reg, registry_table_at(v->reg, t), ag->agency,
			                        aa->code, v->period))
				table_html(f, v, registry_table_at(v->reg, t), aa);
	}
}

static void place(FILE *f, const report_view *v, const assess_place *p)
{
	if (p->rt > 0)
		fprintf(f, "RT %d", p->rt);
	else
		h(f, p->area);
	fprintf(f, " (%s)", rv_num(v, p->value, 1));
}

/* A table of view rows: headings, then each row's cells escaped, the
 * colour column with its dot. */
static int page_link(FILE *f, const report_view *v, const char *code);

/* A table whose column link_col links each row's area (codes[row]) to
 * its page or section (page_link); -1 for none. */
static void table_links(FILE *f, const report_view *v, const view_table *t, int link_col,
                        const char *const *codes)
{
	fputs("<table><thead><tr>", f);
	for (size_t c = 0; c < t->n_cols; c++) {
		fputs(t->align[c] == 'r' ? "<th class=\"n\">" : "<th>", f);
		h(f, view_head(v, t, c));
		fputs("</th>", f);
	}
	fputs("</tr></thead>\n", f);
	for (size_t r = 0; r < t->n_rows; r++) {
		fputs("<tr>", f);
		for (size_t c = 0; c < t->n_cols; c++) {
			if ((int)c == t->colour_col)
				fprintf(f, "<td class=\"st\"><span class=\"dot %s\"></span>",
				        status_class(t->colour[r]));
			else
				fputs(t->align[c] == 'r' ? "<td class=\"n\">" : "<td>", f);
			if ((int)c == link_col && page_link(f, v, codes[r])) {
				h(f, view_cell(t, r, c));
				fputs("</a>", f);
			} else {
				h(f, view_cell(t, r, c));
			}
			fputs("</td>", f);
		}
		fputs("</tr>\n", f);
	}
	fputs("</table>\n", f);
}

static void table(FILE *f, const report_view *v, const view_table *t)
{
	table_links(f, v, t, -1, NULL);
}

static void bars(FILE *f, const report_view *v, const view_bars *b)
{
	if (!b->n)
		return;
	fputs("<figure><figcaption><strong>", f);
	h(f, b->title);
	fputs("</strong></figcaption>\n", f);
	svg_bars(f, b->title, b->n, b->labels, b->values, b->colours, b->line, b->line_label,
	         i18n_decimal(v->lang));
	fputs("</figure>\n", f);
}

/* The summary a coordinator reads first (view_summary), after the run's
 * failure if any: for a village it fits the first screen of a 1366x768
 * projector; a wide area's has its parts ranked by IKK there too. */
static void glance(FILE *f, const report_view *v, const assess_area *aa)
{
	view_summary s;
	const view_unused *u = &s.unused;
	view_wide w;

	view_summary_build(v, aa, &s);
	fputs("<header class=\"glance\">\n", f);
	if (u->n_failures) {
		fprintf(f, "<div class=\"failed\" role=\"alert\"><p><strong>%s</strong></p><ul>\n",
		        rv_t(v, T_RUN_FAILS));
		for (size_t i = 0; i < u->n_failures; i++) {
			fputs("<li>", f);
			h(f, u->failures[i]);
			fputs("</li>\n", f);
		}
		fputs("</ul></div>\n", f);
	}
	fputs("<h1>", f);
	h(f, s.title);
	fputs("</h1>\n<p class=\"sub\">", f);
	h(f, s.sub);
	fputs("</p>\n", f);
	if (s.lokus) {
		fprintf(f, "<div class=\"lokus\"><p><strong>%s:</strong> ", rv_t(v, T_LOKUS_VILLAGES));
		h(f, s.lokus);
		fputs("</p>\n", f);
		table(f, v, &s.lokus_villages);
		fputs("</div>\n", f);
	}
	fprintf(f, "<div class=\"at\">\n<div><h2>%s</h2>\n<div class=\"ikk\"><span class=\"k\">%s</span> ",
	        rv_t(v, T_AT_A_GLANCE), rv_t(v, T_IKK_SHORT));
	h(f, s.ikk);
	fprintf(f, "</div><p><span class=\"badge %s\">", status_class(s.colour));
	h(f, s.category);
	fputs("</span></p>\n", f);
	table(f, v, &s.dims);
	fprintf(f, "</div>\n<div><h2>%s</h2>\n", rv_t(v, T_TOP_PROBLEMS));
	if (s.looked_at) {
		fputs("<p>", f);
		h(f, s.looked_at);
		fputs("</p>\n", f);
	} else {
		table(f, v, &s.problems);
	}
	/* A wide area: its parts ranked by IKK under its problems, on the
	 * first screen. */
	if (v->wide && view_wide_build(v, &w)) {
		if (w.n_charts)
			bars(f, v, &w.charts[0]);
		view_wide_free(&w);
	}
	if (s.headlines.n_rows) {
		fprintf(f, "<h3>%s</h3>\n", rv_t(v, T_HEADLINE_FIGURES));
		table(f, v, &s.headlines);
	}
	fputs("</div>\n</div>\n", f);
	if (u->headline) {
		fprintf(f, "<div class=\"unused\"><p><strong>%s:</strong> ", rv_t(v, T_UNUSED_ROWS));
		h(f, u->headline);
		fputs("</p><ul>\n", f);
		for (size_t i = 0; i < u->n_files; i++) {
			fputs("<li>", f);
			h(f, u->files[i]);
			fputs("</li>\n", f);
		}
		fputs("</ul></div>\n", f);
	}
	fputs("</header>\n", f);
	view_summary_free(&s);
}

/* The agencies' problems: first in the section when the headline
 * indicators are among them; ranked by relative gap. */
static void agency_problems(FILE *f, const report_view *v, const assess_area *aa)
{
	view_table t;

	if (!aa->n_agency_problems)
		return;
	fprintf(f, "<h3>%s</h3>\n<p>%s</p>\n", rv_t(v, T_AGENCY_PROBLEMS), rv_t(v, T_RANK_AGENCY));
	view_agency_problems(v, aa, &t);
	table(f, v, &t);
	view_table_free(&t);
}

static void planner(FILE *f, const report_view *v, const assess_area *aa)
{
	char *ikk[2];
	view_table t;

	if (!aa->ikk_plan && !aa->n_problems && !aa->n_agency_problems)
		return;
	fputs("<h3", f);
	anchor(f, aa, "planner");
	fprintf(f, ">%s</h3>\n<p><small>%s</small></p>\n", rv_t(v, T_PLANNER), rv_t(v, T_PLANNER_NOTE));
	if (view_planner_ikk(v, aa, ikk)) {
		fputs("<p>", f);
		h(f, ikk[0]);
		fputs("<br>", f);
		h(f, ikk[1]);
		fputs("</p>\n", f);
		free(ikk[0]);
		free(ikk[1]);
	}
	if (!aa->n_problems && !aa->n_agency_problems)
		return;
	view_planner(v, aa, &t);
	table(f, v, &t);
	view_table_free(&t);
}

static void problems(FILE *f, const report_view *v, const assess_area *aa)
{
	fputs("<h2", f);
	anchor(f, aa, "masalah");
	fprintf(f, ">4. %s</h2>\n", rv_t(v, T_PROBLEMS));
	if (!aa->n_problems && !aa->n_agency_problems) {
		char buf[512];

		fprintf(f, "<p>%s</p>\n", report_view_looked_at(v, aa, buf, sizeof buf));
		return;
	}
	if (!aa->n_problems) {
		agency_problems(f, v, aa);
		return;
	}
	fprintf(f, "<p>%s</p>\n", rv_t(v, T_RANK_IKK));
	fprintf(f, "<table><thead><tr><th class=\"n\">%s</th><th>%s</th><th>%s</th><th class=\"n\">%s (%%)"
	        "</th><th class=\"n\">%s</th><th class=\"n\">%s</th><th>%s</th></tr></thead>\n",
	        rv_t(v, T_NO), rv_t(v, T_INDICATOR), rv_t(v, T_DIMENSION), rv_t(v, T_VALUE),
	        rv_t(v, T_GAP), rv_t(v, T_AFFECTED), rv_t(v, T_WORST));
	for (size_t i = 0; i < aa->n_problems; i++) {
		const assess_problem *p = &aa->problems[i];

		fprintf(f, "<tr%s><td class=\"n\">%zu</td><td>",
		        p->indicator->below_attention ? " class=\"attention\"" : "", i + 1);
		h(f, p->indicator->model->code);
		fputs(" ", f);
		h(f, report_view_ind_label(v, p->indicator));
		fputs("</td><td>", f);
		h(f, i18n_pick(v->lang, p->dimension->model->label_id, p->dimension->model->label_en));
		fprintf(f, "</td><td class=\"n\">%s</td><td class=\"n\">%s</td>"
		        "<td class=\"n\">%s</td><td>", rv_num(v, p->indicator->value, 1),
		        rv_num(v, report_problem_gap(p), 1),
		        rv_cnt(v, p->affected));
		for (size_t k = 0; k < p->n_worst; k++) {
			if (k)
				fputs("; ", f);
			place(f, v, &p->worst[k]);
		}
		fputs("</td></tr>\n", f);
	}
	fputs("</table>\n", f);
	agency_problems(f, v, aa);
}

/* The follow-up rows of an agency's problem: its interventions, or "belum
 * ada intervensi". */
static void followup_rows(FILE *f, const report_view *v, const reg_indicator *d,
                          const assess_action *acts, size_t n_acts)
{
	size_t n = n_acts ? n_acts : 1;

	for (size_t k = 0; k < n; k++) {
		fputs(n_acts ? "<tr>" : "<tr class=\"attention\">", f);
		if (k == 0) {
			fprintf(f, "<td rowspan=\"%zu\">", n);
			h(f, i18n_pick(v->lang, d->label_id, d->label_en));
			fputs("</td>", f);
		}
		if (!n_acts) {
			fprintf(f, "<td colspan=\"5\"><strong>%s</strong></td></tr>\n",
			        rv_t(v, T_NO_INTERVENTION));
			continue;
		}
		fputs("<td>", f);
		h(f, i18n_pick(v->lang, acts[k].decl->label_id, acts[k].decl->label_en));
		fputs("</td><td>", f);
		h(f, acts[k].decl->agency);
		fputs("</td>", f);
		action_cells(f, v, &acts[k]);
		fputs("</tr>\n", f);
	}
}

static void followup(FILE *f, const report_view *v, const assess_area *aa)
{
	fputs("<h2", f);
	anchor(f, aa, "rtl");
	fprintf(f, ">5. %s</h2>\n", rv_t(v, T_FOLLOWUP));
	if (!aa->n_problems && !aa->n_agency_problems) {
		fprintf(f, "<p>%s</p>\n", rv_t(v, T_NO_PROBLEMS));
		return;
	}
	fprintf(f, "<table><thead><tr><th>%s</th><th>%s</th><th>%s</th><th class=\"n\">%s</th>"
	        "<th class=\"n\">%s</th><th class=\"n\">%s</th></tr></thead>\n", rv_t(v, T_PROBLEMS),
	        rv_t(v, T_INTERVENTION), rv_t(v, T_RESPONSIBLE), rv_t(v, T_TARGET), rv_t(v, T_REALISATION),
	        rv_t(v, T_COVERAGE));
	for (size_t i = 0; i < aa->n_problems; i++) {
		const assess_problem *p = &aa->problems[i];
		size_t n = p->n_actions ? p->n_actions : 1;

		for (size_t k = 0; k < n; k++) {
			fputs(p->n_actions ? "<tr>" : "<tr class=\"attention\">", f);
			if (k == 0) {
				fprintf(f, "<td rowspan=\"%zu\">", n);
				h(f, p->indicator->model->code);
				fputs(" ", f);
				h(f, report_view_ind_label(v, p->indicator));
				fputs("</td>", f);
			}
			if (!p->n_actions) {
				fprintf(f, "<td colspan=\"5\"><strong>%s</strong></td></tr>\n",
				        rv_t(v, T_NO_INTERVENTION));
				continue;
			}
			fputs("<td>", f);
			h(f, i18n_pick(v->lang, p->actions[k].decl->label_id,
			               p->actions[k].decl->label_en));
			fputs("</td><td>", f);
			h(f, p->actions[k].decl->agency);
			fputs("</td>", f);
			action_cells(f, v, &p->actions[k]);
			fputs("</tr>\n", f);
		}
	}
	for (size_t i = 0; i < aa->n_agency_problems; i++) {
		const assess_agency_problem *p = &aa->agency_problems[i];

		followup_rows(f, v, p->row->decl, p->actions, p->n_actions);
	}
	fprintf(f, "</table>\n<p><small>%s</small></p>\n", rv_t(v, T_COVERAGE_NOTE));
}

/* The IKK and each dimension over every stored period (two or more). */
static void score_history(FILE *f, const report_view *v, const trend *t)
{
	view_history hist;

	if (!view_history_build(v, t, &hist))
		return;
	fprintf(f, "<h3>%s</h3>\n<figure>\n", rv_t(v, T_SCORE_HISTORY));
	svg_lines(f, rv_t(v, T_SCORE_HISTORY), hist.n, hist.labels, hist.n_series, hist.names,
	          hist.values, v->as->model->attention, hist.line_label, i18n_decimal(v->lang));
	fputs("</figure>\n", f);
	view_history_free(&hist);
}

/* Each problem's indicator over every stored period (two or more), with
 * the line it must reach. */
static void problem_trends(FILE *f, const report_view *v, const view_area *va)
{
	view_problem_trend *c;
	size_t n = view_problem_trends(v, va, &c);

	if (!n)
		return;
	fprintf(f, "<h3>%s</h3>\n<div class=\"charts\">\n", rv_t(v, T_PROBLEM_TRENDS));
	for (size_t i = 0; i < n; i++) {
		const char *name = c[i].title;

		fputs("<figure><figcaption>", f);
		h(f, name);
		fputs("</figcaption>\n", f);
		svg_lines(f, name, c[i].n, c[i].labels, 1, &name, c[i].values, c[i].line,
		          c[i].line_label, i18n_decimal(v->lang));
		if (*c[i].note) {
			fputs("<p class=\"sub\">", f);
			h(f, c[i].note);
			fputs("</p>\n", f);
		}
		fputs("</figure>\n", f);
	}
	fputs("</div>\n", f);
	view_problem_trends_free(c, n);
}

static void trends(FILE *f, const report_view *v, const view_area *va)
{
	const trend *t = va->trend;

	fputs("<h2", f);
	anchor(f, va->aa, "tren");
	fprintf(f, ">6. %s</h2>\n", rv_t(v, T_TREND));
	if (!v->store_on) {
		fprintf(f, "<p>%s</p>\n", rv_t(v, T_NO_STORE));
		return;
	}
	if (t->model_changed) {
		fprintf(f, "<p class=\"note\">%s (", rv_t(v, T_MODEL_CHANGED));
		h(f, t->prev_period);
		fputs(")</p>\n", f);
	}
	if (!*t->prev_period) {
		fprintf(f, "<p>%s</p>\n", rv_t(v, report_view_no_trend(v, t)));
	} else {
		view_table tt;

		view_trend_table(v, t, &tt);
		table(f, v, &tt);
		view_table_free(&tt);
	}
	score_history(f, v, t);
	problem_trends(f, v, va);
	if (!t->n_progress)
		return;
	fprintf(f, "<h3>%s</h3>\n<div class=\"charts\">\n", rv_t(v, T_PROGRESS));
	for (size_t i = 0; i < t->n_progress; i++) {
		const trend_progress *p = &t->progress[i];
		const char *labels[p->n];
		double cov[p->n];
		const char *name = i18n_pick(v->lang, p->decl->label_id, p->decl->label_en);

		for (size_t k = 0; k < p->n; k++) {
			labels[k] = p->points[k].period;
			cov[k] = report_coverage(p->points[k].target, p->points[k].realised);
		}
		fputs("<figure><figcaption>", f);
		h(f, name);
		fprintf(f, " &middot; %s</figcaption>\n", rv_t(v, T_COVERAGE));
		svg_series(f, name, p->n, labels, cov, i18n_decimal(v->lang));
		fputs("<table style=\"width:auto\"><thead><tr><th>", f);
		fprintf(f, "%s</th><th class=\"n\">%s</th><th class=\"n\">%s</th></tr></thead>\n",
		        rv_t(v, T_PERIOD), rv_t(v, T_TARGET), rv_t(v, T_REALISATION));
		for (size_t k = 0; k < p->n; k++) {
			fputs("<tr><td>", f);
			h(f, p->points[k].period);
			fprintf(f, "</td><td class=\"n\">%s</td><td class=\"n\">%s</td></tr>\n",
			        rv_cnt(v, p->points[k].target), rv_cnt(v, p->points[k].realised));
		}
		fputs("</table></figure>\n", f);
	}
	fputs("</div>\n", f);
}

static void quality(FILE *f, const report_view *v, const assess_area *aa)
{
	fputs("<h2", f);
	anchor(f, aa, "mutu");
	fprintf(f, ">7. %s</h2>\n<h3>%s</h3>\n", rv_t(v, T_DATA_QUALITY), rv_t(v, T_RUN_STATUS));
	fprintf(f, "<table><thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th class=\"n\">%s"
	        "</th><th class=\"n\">%s</th><th class=\"n\">%s</th></tr></thead>\n", rv_t(v, T_PLUGIN),
	        rv_t(v, T_AGENCY), rv_t(v, T_STATUS), rv_t(v, T_REASON), rv_t(v, T_VALUES),
	        rv_t(v, T_REFUSED), rv_t(v, T_SECONDS));
	for (size_t i = 0; i < v->n_runs; i++) {
		const plugin_run *p = &v->runs[i];

		fprintf(f, "<tr%s><td>", p->state == RUN_FAILED || p->state == RUN_NOT_LOADED
		        ? " class=\"attention\"" : "");
		h(f, p->instance);
		if (p->module && strcmp(p->module, p->instance)) {
			fputs(" (", f);
			h(f, p->module);
			fputs(")", f);
		}
		fputs("</td><td>", f);
		h(f, p->agency);
		fprintf(f, "</td><td class=\"st\"><span class=\"dot %s\"></span>%s</td><td>",
		        p->state == RUN_OK ? "good" : p->state == RUN_DISABLED ? "none" : "bad",
		        i18n_state(v->lang, p->state));
		h(f, p->reason);
		fprintf(f, "</td><td class=\"n\">%ld</td><td class=\"n\">%ld</td>"
		        "<td class=\"n\">%s</td></tr>\n", p->values, p->refused,
		        rv_num(v, p->seconds, 2));
	}
	fputs("</table>\n", f);
	fprintf(f, "<h3>%s</h3>\n<table><thead><tr><th>%s</th><th>%s</th><th class=\"n\">%s</th>"
	        "<th class=\"n\">%s</th><th class=\"n\">%s</th><th>%s</th></tr></thead>\n",
	        rv_t(v, T_FILES_READ), rv_t(v, T_PLUGIN), rv_t(v, T_FILE), rv_t(v, T_ROWS),
	        rv_t(v, T_REJECTED), rv_t(v, T_NOTED), rv_t(v, T_PROBLEM_KIND));
	for (size_t i = 0; i < v->n_runs; i++)
		for (size_t k = 0; k < v->runs[i].n_files; k++) {
			const csv_stats *st = v->runs[i].files[k];

			fputs("<tr><td>", f);
			h(f, v->runs[i].instance);
			fputs("</td><td>", f);
			h(f, st->path);
			fprintf(f, "</td><td class=\"n\">%ld</td><td class=\"n\">%ld</td>"
			        "<td class=\"n\">%ld</td><td>", st->records, st->rejected, st->noted);
			for (size_t p = 0; p < st->n_problems; p++) {
				const csv_problem *pb = &st->problems[p];

				fputs("<div>", f);
				h(f, pb->kind);
				fprintf(f, ": %ld (%s", pb->count, rv_t(v, T_LINES));
				for (int e = 0; e < pb->n_examples; e++)
					fprintf(f, "%s%ld", e ? ", " : " ", pb->example_line[e]);
				fputs(")</div>", f);
			}
			fputs("</td></tr>\n", f);
		}
	fputs("</table>\n", f);
}

static void area_sections(FILE *f, const report_view *v, const view_area *va, int with_quality)
{
	const assess_area *aa = va->aa;

	fputs("<section class=\"area\"", f);
	anchor(f, aa, "area");
	fputs(">\n", f);
	if (va != &v->main) {
		/* The report area's title heads its summary (glance). */
		fprintf(f, "<h1>%s &mdash; ", rv_t(v, T_TITLE));
		area_name(f, v, aa);
		fprintf(f, "</h1>\n<p class=\"sub\">%s ", rv_t(v, T_CODE));
		h(f, aa->code);
		fprintf(f, " &middot; %s ", rv_t(v, T_PERIOD));
		h(f, v->period);
		fputs("</p>\n", f);
	}
	profile(f, v, aa);
	fputs("<h2", f);
	anchor(f, aa, "ikk");
	fprintf(f, ">2. %s</h2>\n", rv_t(v, T_IKK));
	ikk_card(f, v, aa);
	indicator_bars(f, v, aa);
	indicator_table(f, v, aa);
	heatmap(f, v, aa);
	household(f, v, aa);
	agencies(f, v, aa);
	problems(f, v, aa);
	followup(f, v, aa);
	planner(f, v, aa);
	trends(f, v, va);
	if (with_quality)
		quality(f, v, aa);
	fputs("</section>\n", f);
}

/* A wide run's single file carries the full assessment of each village
 * only up to a kecamatan; a wider one leaves it to the site (--site), so
 * that the file stays small at any scale. */
static int inline_villages(const report_view *v)
{
	return v->main.aa && v->main.aa->level >= AREA_DISTRICT;
}

/* A category cell: its colour and its short form (the legend names it). */
static void category_cell(FILE *f, const report_view *v, const model_range *c)
{
	char range[64];

	fprintf(f, "<td class=\"st\"><span class=\"dot %s\"></span>%s</td>",
	        status_class(view_category_colour(v, c)), view_category_short(v, c, range, sizeof range));
}

/* The summaries' column of each headline indicator. */
static void headline_heads(FILE *f, const report_view *v)
{
	char buf[512];

	for (size_t i = 0; i < v->n_headlines; i++) {
		fputs("<th class=\"n\">", f);
		h(f, report_view_headline_label(v, v->headlines[i], buf, sizeof buf));
		fputs("</th>", f);
	}
}

static void headline_cells(FILE *f, const report_view *v, const char *area)
{
	for (size_t i = 0; i < v->n_headlines; i++)
		fprintf(f, "<td class=\"n\">%s</td>",
		        rv_val(v, v->headlines[i], report_view_headline(v, v->headlines[i], area)));
}

/* Opens the link of an area of the summary: to its section in this file,
 * to its own page beside it (--split, --site), or nowhere (0). */
static int page_link(FILE *f, const report_view *v, const char *code)
{
	if (!v->pages && !inline_villages(v))
		return 0;
	fputs(v->pages ? "<a href=\"" : "<a href=\"#area-", f);
	h(f, code);
	fputs(v->pages ? ".html\">" : "\">", f);
	return 1;
}

/* The wide area from the top down: its parts ranked, its lowest
 * indicators, its villages by category, the best and the lowest. */
static void top_down(FILE *f, const report_view *v)
{
	view_wide w;

	if (!view_wide_build(v, &w))
		return;
	fprintf(f, "<h2>%s</h2>\n<div class=\"charts\">\n", rv_t(v, T_RANKED_PARTS));
	/* The first, the parts by IKK, is in the summary above (glance). */
	for (size_t i = 1; i < w.n_charts; i++)
		bars(f, v, &w.charts[i]);
	fputs("</div>\n<div class=\"charts\">\n", f);
	bars(f, v, &w.distribution);
	fputs("<div>", f);
	table(f, v, &w.categories);
	fputs("</div></div>\n", f);
	if (w.best.n_rows) {
		fprintf(f, "<h3>%s</h3>\n", rv_t(v, T_BEST_VILLAGES));
		table_links(f, v, &w.best, 1, w.best_codes);
		fprintf(f, "<h3>%s</h3>\n", rv_t(v, T_LOWEST_VILLAGES));
		table_links(f, v, &w.lowest, 1, w.lowest_codes);
	}
	view_wide_free(&w);
}

static void rollup(FILE *f, const report_view *v)
{
	fprintf(f, "<h2>%s</h2>\n<table><thead><tr><th>%s</th><th>%s</th><th>%s</th><th class=\"n\">KK"
	        "</th><th class=\"n\">%s</th><th>%s</th>", rv_t(v, T_ROLLUP), rv_t(v, T_CODE),
	        rv_t(v, T_NAME), rv_t(v, T_LEVEL), rv_t(v, T_IKK_SHORT), rv_t(v, T_CATEGORY));
	headline_heads(f, v);
	fprintf(f, "<th class=\"n\">%s</th></tr></thead>\n", rv_t(v, T_RANK));
	for (size_t i = 0; i < v->n_summary; i++) {
		const assess_summary *s = &v->summary[i];
		int linked;

		if (s->level == AREA_VILLAGE)
			continue;
		fputs("<tr><td>", f);
		linked = v->pages == VIEW_PAGES_ALL && i > 0 && page_link(f, v, s->code);
		h(f, s->code);
		fputs(linked ? "</a></td><td>" : "</td><td>", f);
		h(f, s->name ? s->name : "");
		fprintf(f, "</td><td>%s</td><td class=\"n\">%s</td><td class=\"n\">%s</td>",
		        i18n_level(v->lang, s->level), rv_cnt(v, s->kk), rv_num(v, s->ikk, 2));
		category_cell(f, v, s->category);
		headline_cells(f, v, s->code);
		fprintf(f, "<td class=\"n\">%s</td></tr>\n",
		        s->rank ? rv_num(v, (double)s->rank, 0) : "-");
	}
	fputs("</table>\n", f);
}

/* A page of the site: the areas one level down, each linked to its page. */
static void areas_under(FILE *f, const report_view *v)
{
	int level = v->main.aa->level + 1;

	fprintf(f, "<nav class=\"down\"><h2>%s</h2>\n<ul>\n", rv_t(v, T_AREAS_UNDER));
	for (size_t i = 0; i < v->n_summary; i++) {
		const assess_summary *s = &v->summary[i];

		if (s->level != level)
			continue;
		fputs("<li><a href=\"", f);
		h(f, s->code);
		fputs(".html\">", f);
		h(f, s->name ? s->name : s->code);
		fprintf(f, "</a> &middot; %s %s</li>\n", rv_t(v, T_IKK_SHORT), rv_num(v, s->ikk, 2));
	}
	fputs("</ul></nav>\n", f);
}

/* The IKK categories' short forms (their ranges) named once. */
static void category_legend(FILE *f, const report_view *v)
{
	const model *m = v->as->model;
	char range[64];

	fputs("<p class=\"sub\">", f);
	for (size_t c = 0; c < m->n_ikk; c++) {
		fprintf(f, "%s<span class=\"dot %s\"></span>%s ", c ? " &middot; " : "",
		        status_class(view_category_colour(v, &m->ikk[c])),
		        view_category_short(v, &m->ikk[c], range, sizeof range));
		h(f, i18n_pick(v->lang, m->ikk[c].label_id, m->ikk[c].label_en));
	}
	fputs("</p>\n", f);
}

static void summary(FILE *f, const report_view *v)
{
	size_t no = 0;

	/* Under the summary every page opens with (glance): its title is
	 * the report's. */
	fputs("<section class=\"area\" id=\"ringkasan\">\n", f);
	if (v->pages == VIEW_PAGES_ALL)
		areas_under(f, v);
	top_down(f, v);
	rollup(f, v);
	fprintf(f, "<h2>%s</h2>\n", rv_t(v, T_SUMMARY));
	category_legend(f, v);
	if (!v->pages && !inline_villages(v) && v->n_villages)
		fprintf(f, "<p>%s</p>\n", rv_t(v, T_DETAIL_ON_SITE));
	fprintf(f, "<table><thead><tr><th class=\"n\">%s</th><th>%s</th><th>%s</th><th>%s</th>"
	        "<th class=\"n\">KK</th><th class=\"n\">%s</th><th>%s</th>", rv_t(v, T_NO),
	        rv_t(v, T_CODE), rv_t(v, T_VILLAGE), rv_t(v, T_DISTRICT), rv_t(v, T_IKK_SHORT),
	        rv_t(v, T_CATEGORY));
	headline_heads(f, v);
	fprintf(f, "<th class=\"n\">%s</th></tr></thead>\n", rv_t(v, T_RANK));
	for (size_t i = 0; i < v->n_summary; i++) {
		const assess_summary *s = &v->summary[i];
		char kec[AREAS_CODE_MAX];
		int linked;

		if (s->level != AREA_VILLAGE)
			continue;
		fprintf(f, "<tr><td class=\"n\">%zu</td><td>", ++no);
		linked = page_link(f, v, s->code);
		h(f, s->code);
		fputs(linked ? "</a></td><td>" : "</td><td>", f);
		h(f, s->name ? s->name : "");
		fputs("</td><td>", f);
		h(f, view_district_name(v, s->code, kec, sizeof kec));
		fprintf(f, "</td><td class=\"n\">%s</td><td class=\"n\">%s</td>", rv_cnt(v, s->kk),
		        rv_num(v, s->ikk, 2));
		category_cell(f, v, s->category);
		headline_cells(f, v, s->code);
		fprintf(f, "<td class=\"n\">%s</td></tr>\n",
		        s->rank ? rv_num(v, (double)s->rank, 0) : "-");
	}
	fputs("</table>\n</section>\n", f);
}

static void footer(FILE *f, const report_view *v)
{
	const model *m = v->as->model;

	fprintf(f, "<footer>\n<p>%s pk2d ", rv_t(v, T_GENERATED));
	h(f, v->version);
	fprintf(f, " &middot; %s: ", rv_t(v, T_MODEL));
	h(f, i18n_pick(v->lang, m->name, m->name_en));
	fputs(" (", f);
	h(f, m->status);
	fputs(")</p>\n", f);
	if (m->statement) {
		fputs("<p>", f);
		h(f, i18n_pick(v->lang, m->statement, m->statement_en));
		fputs("</p>\n", f);
	}
	if (v->note && *v->note) {
		fprintf(f, "<p class=\"note\">%s: ", rv_t(v, T_NOTE));
		h(f, v->note);
		fputs("</p>\n", f);
	}
	fputs("</footer>\n", f);
}

/* A page of the site: the way up to the site's top, each step linked. */
static void breadcrumb(FILE *f, const report_view *v)
{
	const assess_area *aa = v->main.aa;

	fputs("<nav class=\"crumbs\" aria-label=\"breadcrumb\"><p>", f);
	for (int level = area_level(v->site_top); level < aa->level; level++) {
		char code[AREAS_CODE_MAX], title[512];
		const char *name;

		if (area_ancestor(aa->code, level, code, sizeof code) < 0)
			continue;
		name = v->areas ? areas_name(v->areas, code) : NULL;
		fputs("<a rel=\"up\" href=\"", f);
		h(f, code);
		fputs(".html\">", f);
		h(f, i18n_area_title(v->lang, code, name, title, sizeof title));
		fputs("</a> &rsaquo; ", f);
	}
	area_name(f, v, aa);
	fputs("</p></nav>\n", f);
}

static int villages_html(const report_view *v, size_t from, size_t to, FILE *f, void *ud)
{
	(void)ud;
	for (size_t i = from; i < to; i++)
		area_sections(f, v, &v->villages[i], 0);
	return 0;
}

int report_html_write(const report_view *v, FILE *f, char *err, size_t errlen)
{
	int rc = 0;

	(void)err; /* a failure to write: errno says why (report.c) */
	(void)errlen;
	fprintf(f, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
	        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	        "<meta name=\"generator\" content=\"pk2d ", rv_lang_code(v));
	h(f, v->version);
	fputs("\">\n<title>", f);
	if (v->title) {
		h(f, v->title);
	} else {
		fprintf(f, "%s &mdash; ", rv_t(v, T_TITLE));
		area_name(f, v, v->main.aa);
	}
	fputs(" (", f);
	h(f, v->period);
	fprintf(f, ")</title>\n%s</head>\n<body>\n", css);
	if (v->pages == VIEW_PAGES_ALL && v->main.aa)
		breadcrumb(f, v);
	glance(f, v, v->main.aa);
	if (v->wide)
		summary(f, v);
	if (v->n_villages && inline_villages(v)) {
		fprintf(f, "<nav><h2>%s</h2><ol>\n", rv_t(v, T_VILLAGE_ASSESSMENTS));
		for (size_t i = 0; i < v->n_villages; i++) {
			fputs("<li><a href=\"#area-", f);
			h(f, v->villages[i].aa->code);
			fputs("\">", f);
			h(f, v->villages[i].aa->code);
			fputs(" ", f);
			h(f, v->villages[i].aa->name ? v->villages[i].aa->name : "");
			fputs("</a></li>\n", f);
		}
		fputs("</ol></nav>\n", f);
	}
	area_sections(f, v, &v->main, 1);
	if (inline_villages(v))
		rc = villages_write(v, f, villages_html, NULL);
	footer(f, v);
	fputs("</body>\n</html>\n", f);
	return rc < 0 || ferror(f) ? PK2D_ERR_IO : 0;
}
