/*
 * report_pdf.c - the assessment as a printable A4 PDF (pdf_doc.h: cairo,
 * pango, librsvg), made in-process: the summary first (the IKK and its
 * category, the dimensions, the top problems with their follow-up, the
 * headline agency figures, what could not be used), then the rakor's order
 * (PRODUCT.md §4): profile, IKK, agencies, problems and the target planner,
 * follow-up plan, trend, data quality. The charts are the HTML report's
 * SVG (svg.c), drawn by librsvg.
 *
 * A wider run's PDF carries the summary of its villages and the assessment
 * of the run area; each village's detail is in its own --split PDF, so the
 * file does not grow with the number of villages' sections.
 */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agency_problems.h"
#include "i18n.h"
#include "pdf_doc.h"
#include "pk2d/plugin.h"
#include "present.h"
#include "report_view.h"
#include "svg.h"
#include "util.h"
#include "view_rows.h"
#include "view_wide.h"
#include "writers.h"

#define L(v, d) i18n_pick((v)->lang, (d)->label_id, (d)->label_en)

/* A numbered section heading of the rakor's order: "2. Indeks ...". */
static void section(pdf_doc *d, const report_view *v, int no, int key)
{
	char buf[160];

	snprintf(buf, sizeof buf, "%d. %s", no, rv_t(v, key));
	pdf_heading(d, 2, buf);
}

static const char *area_title(const report_view *v, const assess_area *aa, char *buf, size_t n)
{
	return i18n_area_title(v->lang, aa->code, aa->name, buf, n);
}

/* A table of view rows (view_rows.h), its colour column tinted. */
static void view_rows_table(pdf_doc *d, const report_view *v, const view_table *t,
                            const double *shares)
{
	pdf_col cols[VIEW_MAX_COLS];

	for (size_t c = 0; c < t->n_cols; c++) {
		cols[c].head = view_head(v, t, c);
		cols[c].share = shares[c];
		cols[c].align = t->align[c];
	}
	pdf_table_begin(d, t->n_cols, cols);
	for (size_t r = 0; r < t->n_rows; r++)
		pdf_table_row(d, (const char *const *)&t->cells[r * t->n_cols], t->colour_col,
		              t->colour ? t->colour[r] : -1);
	pdf_table_end(d);
}

/* The summary: what a coordinator reads first (view_summary). */
static void summary(pdf_doc *d, const report_view *v, const assess_area *aa)
{
	static const double dims[] = { 0.6, 0.2, 0.2 }, lokus_cols[] = { 0.3, 0.45, 0.25 }, problems[] = { 0.42, 0.16, 0.1, 0.14, 0.18 },
	                    heads[] = { 0.34, 0.2, 0.13, 0.13, 0.2 };
	view_summary s;
	char buf[512];

	view_summary_build(v, aa, &s);
	pdf_heading(d, 1, s.title);
	pdf_para(d, s.sub, 0);
	if (s.lokus) {
		pdf_heading(d, 3, rv_t(v, T_LOKUS_VILLAGES));
		pdf_para(d, s.lokus, 0);
		view_rows_table(d, v, &s.lokus_villages, lokus_cols);
	}
	pdf_heading(d, 2, rv_t(v, T_AT_A_GLANCE));
	snprintf(buf, sizeof buf, "%s: %s", rv_t(v, T_IKK_SHORT), s.category);
	pdf_figure(d, s.ikk, buf, s.colour);
	view_rows_table(d, v, &s.dims, dims);
	pdf_heading(d, 3, rv_t(v, T_TOP_PROBLEMS));
	if (s.looked_at)
		pdf_para(d, s.looked_at, 0);
	else
		view_rows_table(d, v, &s.problems, problems);
	if (s.headlines.n_rows) {
		pdf_heading(d, 3, rv_t(v, T_HEADLINE_FIGURES));
		view_rows_table(d, v, &s.headlines, heads);
	}
	if (s.unused.headline) {
		pdf_heading(d, 3, rv_t(v, T_UNUSED_ROWS));
		if (s.unused.n_failures)
			pdf_para(d, rv_t(v, T_RUN_FAILS), 1);
		for (size_t i = 0; i < s.unused.n_failures; i++)
			pdf_para(d, s.unused.failures[i], 0);
		pdf_para(d, s.unused.headline, 0);
		for (size_t i = 0; i < s.unused.n_files; i++)
			pdf_para(d, s.unused.files[i], 0);
	}
	view_summary_free(&s);
}

/* A wider run: its villages, by code, with their kecamatan and rank; the
 * category short (its range), the legend naming it above. */
static void villages(pdf_doc *d, const report_view *v)
{
	pdf_col cols[7 + 4] = { { rv_t(v, T_CODE), 0.15, 'l' }, { rv_t(v, T_VILLAGE), 0.2, 'l' },
	                        { rv_t(v, T_DISTRICT), 0.17, 'l' }, { "KK", 0.08, 'r' },
	                        { rv_t(v, T_IKK_SHORT), 0.08, 'r' },
	                        { rv_t(v, T_CATEGORY), 0.09, 'l' } };
	size_t n = 6, nh = v->n_headlines < 4 ? v->n_headlines : 4;
	const model *m = v->as->model;
	char heads[4][256], legend[1024] = "";
	size_t used = 0;

	for (size_t h = 0; h < nh; h++) {
		cols[n].head = report_view_headline_label(v, v->headlines[h], heads[h], sizeof heads[h]);
		cols[n].share = 0.15 / (double)nh;
		cols[n++].align = 'r';
	}
	cols[n].head = rv_t(v, T_RANK);
	cols[n].share = nh ? 0.08 : 0.23;
	cols[n++].align = 'r';
	pdf_heading(d, 2, rv_t(v, T_VILLAGE_ASSESSMENTS));
	for (size_t c = 0; c < m->n_ikk && used < sizeof legend; c++) {
		char range[64];

		used += (size_t)snprintf(legend + used, sizeof legend - used, "%s%s %s", c ? " · " : "",
		                         view_category_short(v, &m->ikk[c], range, sizeof range),
		                         L(v, &m->ikk[c]));
	}
	pdf_para(d, legend, 0);
	pdf_table_begin(d, n, cols);
	for (size_t i = 0; i < v->n_summary; i++) {
		const assess_summary *s = &v->summary[i];
		const char *cells[11];
		char rank[16], kec[AREAS_CODE_MAX], range[64];
		size_t c = 0;

		if (s->level != AREA_VILLAGE)
			continue;
		snprintf(rank, sizeof rank, "%zu", s->rank);
		cells[c++] = s->code;
		cells[c++] = s->name ? s->name : "";
		cells[c++] = view_district_name(v, s->code, kec, sizeof kec);
		cells[c++] = rv_cnt(v, s->kk);
		cells[c++] = rv_num(v, s->ikk, 2);
		cells[c++] = view_category_short(v, s->category, range, sizeof range);
		for (size_t h = 0; h < nh; h++)
			cells[c++] = rv_val(v, v->headlines[h],
			                    report_view_headline(v, v->headlines[h], s->code));
		cells[c++] = s->rank ? rank : "-";
		pdf_table_row(d, cells, 5, view_category_colour(v, s->category));
	}
	pdf_table_end(d);
}

static void bars(pdf_doc *d, const report_view *v, const view_bars *b)
{
	if (!b->n)
		return;
	pdf_heading(d, 3, b->title);
	CHART(d, 0.8, svg_bars(f, b->title, b->n, b->labels, b->values, b->colours, b->line,
	                       b->line_label, i18n_decimal(v->lang)));
}

/* A wider run from the top down (view_wide.h): its parts ranked, its
 * lowest indicators, its villages by category, the best and the lowest. */
static void top_down(pdf_doc *d, const report_view *v)
{
	static const double cat_shares[] = { 0.55, 0.15, 0.15, 0.15 };
	static const double village_shares[] = { 0.12, 0.33, 0.3, 0.1, 0.15 },
	                    kab_village_shares[] = { 0.1, 0.25, 0.22, 0.2, 0.1, 0.13 };
	view_wide w;

	if (!view_wide_build(v, &w))
		return;
	pdf_heading(d, 2, rv_t(v, T_RANKED_PARTS));
	for (size_t i = 0; i < w.n_charts; i++)
		bars(d, v, &w.charts[i]);
	bars(d, v, &w.distribution);
	view_rows_table(d, v, &w.categories, cat_shares);
	if (w.best.n_rows) {
		pdf_heading(d, 3, rv_t(v, T_BEST_VILLAGES));
		const double *shares = w.best.n_cols == 6 ? kab_village_shares : village_shares;

		view_rows_table(d, v, &w.best, shares);
		pdf_heading(d, 3, rv_t(v, T_LOWEST_VILLAGES));
		view_rows_table(d, v, &w.lowest, shares);
	}
	view_wide_free(&w);
}

static void profile(pdf_doc *d, const report_view *v, const assess_area *aa)
{
	const assess_profile *p = &aa->profile;
	pdf_col cols[] = { { "", 0.35, 'l' }, { "", 0.65, 'l' } };
	char buf[512], agencies[1024] = "";
	size_t off = 0;

	section(d, v, 1, T_PROFILE);
	cols[0].head = rv_t(v, T_PROFILE);
	cols[1].head = area_title(v, aa, buf, sizeof buf);
	pdf_table_begin(d, 2, cols);
	for (size_t i = 0; i < p->n_up; i++) {
		char up[256];

		snprintf(up, sizeof up, "%s%s%s", p->up[i].code, p->up[i].name ? " · " : "",
		         p->up[i].name ? p->up[i].name : "");
		pdf_table_row(d, (const char *[]){ i18n_level(v->lang, p->up[i].level), up }, -1, -1);
	}
	pdf_table_row(d, (const char *[]){ rv_t(v, T_PERIOD), v->period }, -1, -1);
	if (aa->level < AREA_VILLAGE) {
		char n[32];

		snprintf(n, sizeof n, "%zu", p->n_villages);
		pdf_table_row(d, (const char *[]){ rv_t(v, T_N_VILLAGES), n }, -1, -1);
	}
	snprintf(buf, sizeof buf, "%zu", p->n_rt);
	pdf_table_row(d, (const char *[]){ rv_t(v, T_N_RT), buf }, -1, -1);
	pdf_table_row(d, (const char *[]){ rv_t(v, T_KK), rv_cnt(v, p->kk) }, -1, -1);
	pdf_table_row(d, (const char *[]){ rv_t(v, T_MALE), rv_cnt(v, p->male) }, -1, -1);
	pdf_table_row(d, (const char *[]){ rv_t(v, T_FEMALE), rv_cnt(v, p->female) }, -1, -1);
	for (size_t i = 0; i < p->n_agencies && off < sizeof agencies; i++)
		off += (size_t)snprintf(agencies + off, sizeof agencies - off, "%s%s", i ? "; " : "",
		                        p->agencies[i]);
	pdf_table_row(d, (const char *[]){ rv_t(v, T_AGENCIES), agencies }, -1, -1);
	pdf_table_end(d);
}

static void ikk(pdf_doc *d, const report_view *v, const assess_area *aa)
{
	const assess_score *s = &aa->score;
	pdf_col cols[] = { { rv_t(v, T_CODE), 0.09, 'l' }, { rv_t(v, T_INDICATOR), 0.43, 'l' },
	                   { rv_t(v, T_NUMERATOR), 0.12, 'r' }, { rv_t(v, T_DENOMINATOR), 0.12, 'r' },
	                   { rv_t(v, T_VALUE), 0.09, 'r' }, { rv_t(v, T_STATUS), 0.15, 'l' } };
	const char *labels[32];
	double vals[32];
	size_t n = s->n_dimensions < 32 ? s->n_dimensions : 32;
	char line[VIEW_LINE_LABEL];

	section(d, v, 2, T_IKK);
	for (size_t i = 0; i < n; i++) {
		labels[i] = L(v, s->dimensions[i].model);
		vals[i] = s->dimensions[i].value;
	}
	if (n >= 3)
		CHART(d, 0.6, svg_radar(f, rv_t(v, T_DIMENSIONS), n, labels, vals,
		                        v->as->model->attention, view_line_label(v, line),
		                        i18n_decimal(v->lang)));
	pdf_heading(d, 3, rv_t(v, T_INDICATORS));
	pdf_table_begin(d, 6, cols);
	for (size_t dm = 0; dm < s->n_dimensions; dm++) {
		pdf_table_group(d, L(v, s->dimensions[dm].model), 0);
		for (size_t i = 0; i < s->dimensions[dm].model->n_indicators; i++) {
			const assess_indicator *ai = &s->dimensions[dm].indicators[i];
			int nodata = ai->status == ASSESS_NO_DATA;
			char num[48], den[48];

			snprintf(num, sizeof num, "%s", nodata ? "-" : rv_cnt(v, ai->num));
			snprintf(den, sizeof den, "%s", nodata ? "-" : rv_cnt(v, ai->den));
			pdf_table_row(d, (const char *[]){ ai->model->code, report_view_ind_label(v, ai),
			                                   num, den, rv_num(v, ai->value, 1),
			                                   report_view_ind_status(v, ai) },
			              5, ai->status);
		}
	}
	pdf_table_end(d);
}

/* The heat map in parts of as many columns and rows as a page holds with
 * its text at 9 pt (pdf_chart_room): the rows down, then the next columns. */
static void heatmap_parts(pdf_doc *d, const report_view *v, const view_heatmap *h)
{
	double max_w, max_h;
	size_t fc, fr;
	double *part;

	pdf_chart_room(&max_w, &max_h);
	svg_heatmap_fit(h->rows, h->cols, h->row_labels, h->col_labels, max_w, max_h, &fc, &fr);
	part = xcalloc(fc * fr, sizeof *part);
	for (size_t c0 = 0; c0 < h->cols; c0 += fc)
		for (size_t r0 = 0; r0 < h->rows; r0 += fr) {
			size_t nc = h->cols - c0 < fc ? h->cols - c0 : fc;
			size_t nr = h->rows - r0 < fr ? h->rows - r0 : fr;

			for (size_t r = 0; r < nr; r++)
				for (size_t c = 0; c < nc; c++)
					part[r * nc + c] = h->values[(r0 + r) * h->cols + c0 + c];
			CHART(d, 1.0, svg_heatmap(f, h->title, nr, nc, h->row_labels + r0,
			                          h->col_labels + c0, part, v->as->model->attention,
			                          h->line_label));
		}
	free(part);
}

static void heatmap(pdf_doc *d, const report_view *v, const assess_area *aa)
{
	view_heatmap h;

	if (!view_heatmap_build(v, aa, &h))
		return;
	pdf_heading(d, 3, h.title);
	pdf_note(d, rv_t(v, h.areas ? T_AREAS_HEATMAP_NOTE : T_RT_HEATMAP_NOTE));
	heatmap_parts(d, v, &h);
	view_heatmap_free(&h);
}

static void action_row(pdf_doc *d, const report_view *v, const char *first, const assess_action *a,
                       int with_agency)
{
	char target[48], real[48];

	snprintf(target, sizeof target, "%s", a->has_data ? rv_cnt(v, a->target) : "-");
	snprintf(real, sizeof real, "%s", a->has_data ? rv_cnt(v, a->realised) : "-");
	pdf_table_row(d, (const char *[]){ first, L(v, a->decl),
	                                   with_agency ? a->decl->agency : a->decl->target_group,
	                                   target, real, rv_num(v, a->coverage, 1) }, -1, -1);
}

static void agencies(pdf_doc *d, const report_view *v, const assess_area *aa)
{
	pdf_col cr[] = { { rv_t(v, T_NO), 0.05, 'r' }, { rv_t(v, T_INDICATOR), 0.35, 'l' },
	                 { rv_t(v, T_UNIT), 0.1, 'l' }, { rv_t(v, T_TARGET), 0.1, 'r' },
	                 { rv_t(v, T_REALISATION), 0.1, 'r' }, { rv_t(v, T_CAPAIAN), 0.08, 'r' },
	                 { rv_t(v, T_CATEGORY), 0.12, 'l' }, { rv_t(v, T_TARGET_STATE), 0.1, 'l' } };
	pdf_col ca[] = { { "", 0.0, 'l' }, { rv_t(v, T_INTERVENTION), 0.4, 'l' },
	                 { rv_t(v, T_TARGET_GROUP), 0.24, 'l' }, { rv_t(v, T_TARGET), 0.12, 'r' },
	                 { rv_t(v, T_REALISATION), 0.12, 'r' }, { rv_t(v, T_COVERAGE), 0.12, 'r' } };

	section(d, v, 3, T_AGENCY_SECTION);
	for (size_t g = 0; g < aa->n_agencies; g++) {
		const assess_agency *ag = &aa->agencies[g];
		size_t n;
		present_line *lines = present_agency(v->reg, ag, &n);

		pdf_heading(d, 3, ag->agency);
		if (n) {
			pdf_table_begin(d, 8, cr);
			for (size_t i = 0; i < n; i++) {
				const assess_row *r = lines[i].row;
				const reg_class *cls;
				const char *word;
				char no[24], val[48], cat[256];

				if (!r) {
					pdf_table_group(d, i18n_pick(v->lang, lines[i].group->label_id,
					                             lines[i].group->label_en),
					                lines[i].group->depth);
					continue;
				}
				snprintf(no, sizeof no, "%zu", lines[i].no);
				snprintf(val, sizeof val, "%s", r->has_value ? rv_val(v, r->decl, r->value) : "-");
				word = report_view_row_word(v, r, 0);
				snprintf(cat, sizeof cat, "%s", word ? word
				         : r->has_value ? "" : rv_t(v, T_NO_DATA));
				cls = present_class(v->reg, r->decl, r->has_value ? r->value : NAN);
				if (cls)
					snprintf(cat + strlen(cat), sizeof cat - strlen(cat), "%s%s: %s",
					         *cat ? "; " : "", rv_t(v, T_CLASS),
					         i18n_pick(v->lang, cls->label_id, cls->label_en));
				pdf_table_row(d, (const char *[]){ no, L(v, r->decl), r->decl->unit,
				                                   report_view_target(v, r->decl, r->has_target,
				                                                      r->target, r->target_year),
				                                   val, rv_num(v, r->capaian, 1), cat,
				                                   report_view_target_state(v, r) },
				              6, word ? r->colour : -1);
			}
			pdf_table_end(d);
		}
		free(lines);
		if (ag->n_actions) {
			pdf_table_begin(d, 6, ca);
			for (size_t i = 0; i < ag->n_actions; i++)
				action_row(d, v, "", &ag->actions[i], 0);
			pdf_table_end(d);
			pdf_para(d, rv_t(v, T_COVERAGE_NOTE), 0);
		}
	}
}

static void problems(pdf_doc *d, const report_view *v, const assess_area *aa)
{
	pdf_col cols[] = { { rv_t(v, T_NO), 0.05, 'r' }, { rv_t(v, T_INDICATOR), 0.37, 'l' },
	                   { rv_t(v, T_VALUE), 0.09, 'r' }, { rv_t(v, T_GAP), 0.09, 'r' },
	                   { rv_t(v, T_AFFECTED), 0.1, 'r' }, { rv_t(v, T_WORST), 0.3, 'l' } };
	static const double ap[] = { 0.05, 0.25, 0.14, 0.09, 0.1, 0.09, 0.12, 0.16 };
	view_table t;
	char buf[1024];

	section(d, v, 4, T_PROBLEMS);
	if (!aa->n_problems && !aa->n_agency_problems) {
		pdf_para(d, report_view_looked_at(v, aa, buf, sizeof buf), 0);
		return;
	}
	if (aa->n_problems) {
		pdf_para(d, rv_t(v, T_RANK_IKK), 0);
		pdf_table_begin(d, 6, cols);
		for (size_t i = 0; i < aa->n_problems; i++) {
			const assess_problem *p = &aa->problems[i];
			char no[24], what[512], val[32], gap[32], worst[512] = "";
			size_t off = 0;

			snprintf(no, sizeof no, "%zu", i + 1);
			snprintf(what, sizeof what, "%s %s", p->indicator->model->code,
			         report_view_ind_label(v, p->indicator));
			snprintf(val, sizeof val, "%s", rv_num(v, p->indicator->value, 1));
			snprintf(gap, sizeof gap, "%s", rv_num(v, report_problem_gap(p), 1));
			for (size_t k = 0; k < p->n_worst && off < sizeof worst; k++) {
				const assess_place *w = &p->worst[k];

				if (w->rt > 0)
					off += (size_t)snprintf(worst + off, sizeof worst - off, "%sRT %d (%s)",
					                        k ? "; " : "", w->rt, rv_num(v, w->value, 1));
				else
					off += (size_t)snprintf(worst + off, sizeof worst - off, "%s%s (%s)",
					                        k ? "; " : "", w->area, rv_num(v, w->value, 1));
			}
			pdf_table_row(d, (const char *[]){ no, what, val, gap, rv_cnt(v, p->affected), worst },
			              -1, -1);
		}
		pdf_table_end(d);
	}
	view_agency_problems(v, aa, &t);
	if (t.n_rows) {
		pdf_heading(d, 3, rv_t(v, T_AGENCY_PROBLEMS));
		pdf_para(d, rv_t(v, T_RANK_AGENCY), 0);
		view_rows_table(d, v, &t, ap);
	}
	view_table_free(&t);
}

static void followup(pdf_doc *d, const report_view *v, const assess_area *aa)
{
	pdf_col cols[] = { { rv_t(v, T_PROBLEMS), 0.25, 'l' }, { rv_t(v, T_INTERVENTION), 0.27, 'l' },
	                   { rv_t(v, T_RESPONSIBLE), 0.18, 'l' }, { rv_t(v, T_TARGET), 0.1, 'r' },
	                   { rv_t(v, T_REALISATION), 0.1, 'r' }, { rv_t(v, T_COVERAGE), 0.1, 'r' } };

	section(d, v, 5, T_FOLLOWUP);
	if (!aa->n_problems && !aa->n_agency_problems) {
		pdf_para(d, rv_t(v, T_NO_PROBLEMS), 0);
		return;
	}
	pdf_table_begin(d, 6, cols);
	for (size_t i = 0; i < aa->n_problems + aa->n_agency_problems; i++) {
		const assess_action *acts;
		size_t n;
		char what[512];

		if (i < aa->n_problems) {
			const assess_problem *p = &aa->problems[i];

			snprintf(what, sizeof what, "%s %s", p->indicator->model->code,
			         report_view_ind_label(v, p->indicator));
			acts = p->actions;
			n = p->n_actions;
		} else {
			const assess_agency_problem *p = &aa->agency_problems[i - aa->n_problems];

			snprintf(what, sizeof what, "%s", L(v, p->row->decl));
			acts = p->actions;
			n = p->n_actions;
		}
		if (!n)
			pdf_table_row(d, (const char *[]){ what, rv_t(v, T_NO_INTERVENTION), "", "", "",
			                                   "" }, 1, ASSESS_RED);
		for (size_t k = 0; k < n; k++)
			action_row(d, v, k ? "" : what, &acts[k], 1);
	}
	pdf_table_end(d);
	pdf_para(d, rv_t(v, T_COVERAGE_NOTE), 0);
}

static void planner(pdf_doc *d, const report_view *v, const assess_area *aa)
{
	static const double shares[] = { 0.06, 0.4, 0.14, 0.4 };
	char *lines[2];
	view_table t;

	view_planner(v, aa, &t);
	if (t.n_rows || aa->ikk_plan) {
		pdf_heading(d, 3, rv_t(v, T_PLANNER));
		pdf_para(d, rv_t(v, T_PLANNER_NOTE), 0);
		if (view_planner_ikk(v, aa, lines)) {
			pdf_para(d, lines[0], 1);
			pdf_para(d, lines[1], 1);
			free(lines[0]);
			free(lines[1]);
		}
		if (t.n_rows)
			view_rows_table(d, v, &t, shares);
	}
	view_table_free(&t);
}

/* The IKK and each dimension over every stored period, one line each, with
 * the attention line. Nothing with fewer than two periods. */
static void score_history(pdf_doc *d, const report_view *v, const trend *t)
{
	view_history h;

	if (!view_history_build(v, t, &h))
		return;
	pdf_heading(d, 3, rv_t(v, T_SCORE_HISTORY));
	CHART(d, 1.0, svg_lines(f, rv_t(v, T_SCORE_HISTORY), h.n, h.labels, h.n_series, h.names,
	                        h.values, v->as->model->attention, h.line_label,
	                        i18n_decimal(v->lang)));
	view_history_free(&h);
}

/* Each problem's indicator over every stored period (two or more), with
 * the line it must reach. */
static void problem_trends(pdf_doc *d, const report_view *v, const view_area *va)
{
	view_problem_trend *c;
	size_t n = view_problem_trends(v, va, &c);

	if (n)
		pdf_heading(d, 3, rv_t(v, T_PROBLEM_TRENDS));
	for (size_t i = 0; i < n; i++) {
		const char *name = c[i].title;

		pdf_para(d, name, 1);
		CHART(d, 0.8, svg_lines(f, name, c[i].n, c[i].labels, 1, &name, c[i].values,
		                        c[i].line, c[i].line_label, i18n_decimal(v->lang)));
		if (*c[i].note)
			pdf_para(d, c[i].note, 0);
	}
	view_problem_trends_free(c, n);
}

static void trends(pdf_doc *d, const report_view *v, const view_area *va)
{
	const trend *t = va->trend;
	char buf[512];

	section(d, v, 6, T_TREND);
	if (!v->store_on) {
		pdf_para(d, rv_t(v, T_NO_STORE), 0);
		return;
	}
	if (t->model_changed) {
		snprintf(buf, sizeof buf, "%s (%s)", rv_t(v, T_MODEL_CHANGED), t->prev_period);
		pdf_para(d, buf, 1);
	}
	if (!*t->prev_period) {
		pdf_para(d, rv_t(v, report_view_no_trend(v, t)), 0);
	} else {
		static const double shares[] = { 0.12, 0.36, 0.12, 0.12, 0.12, 0.16 };
		view_table tt;

		view_trend_table(v, t, &tt);
		view_rows_table(d, v, &tt, shares);
		view_table_free(&tt);
	}
	score_history(d, v, t);
	problem_trends(d, v, va);
	for (size_t i = 0; i < t->n_progress; i++) {
		const trend_progress *p = &t->progress[i];
		const char **labels = calloc(p->n ? p->n : 1, sizeof *labels);
		double *cov = calloc(p->n ? p->n : 1, sizeof *cov);

		if (labels && cov) {
			for (size_t k = 0; k < p->n; k++) {
				labels[k] = p->points[k].period;
				cov[k] = report_coverage(p->points[k].target, p->points[k].realised);
			}
			if (i == 0)
				pdf_heading(d, 3, rv_t(v, T_PROGRESS));
			snprintf(buf, sizeof buf, "%s · %s", L(v, p->decl), rv_t(v, T_COVERAGE));
			pdf_para(d, buf, 1);
			CHART(d, 0.55, svg_series(f, L(v, p->decl), p->n, labels, cov,
			                          i18n_decimal(v->lang)));
		}
		free(labels);
		free(cov);
	}
}

static void quality(pdf_doc *d, const report_view *v)
{
	pdf_col cr[] = { { rv_t(v, T_PLUGIN), 0.16, 'l' }, { rv_t(v, T_AGENCY), 0.2, 'l' },
	                 { rv_t(v, T_STATUS), 0.12, 'l' }, { rv_t(v, T_REASON), 0.22, 'l' },
	                 { rv_t(v, T_VALUES), 0.1, 'r' }, { rv_t(v, T_REFUSED), 0.1, 'r' },
	                 { rv_t(v, T_SECONDS), 0.1, 'r' } };
	pdf_col cf[] = { { rv_t(v, T_PLUGIN), 0.14, 'l' }, { rv_t(v, T_FILE), 0.3, 'l' },
	                 { rv_t(v, T_ROWS), 0.1, 'r' }, { rv_t(v, T_REJECTED), 0.1, 'r' },
	                 { rv_t(v, T_NOTED), 0.1, 'r' }, { rv_t(v, T_PROBLEM_KIND), 0.26, 'l' } };

	section(d, v, 7, T_DATA_QUALITY);
	pdf_heading(d, 3, rv_t(v, T_RUN_STATUS));
	pdf_table_begin(d, 7, cr);
	for (size_t i = 0; i < v->n_runs; i++) {
		const plugin_run *p = &v->runs[i];
		char vals[32], ref[32], secs[32];

		snprintf(vals, sizeof vals, "%ld", p->values);
		snprintf(ref, sizeof ref, "%ld", p->refused);
		snprintf(secs, sizeof secs, "%s", rv_num(v, p->seconds, 2));
		pdf_table_row(d, (const char *[]){ p->instance, p->agency, i18n_state(v->lang, p->state),
		                                   p->reason, vals, ref, secs },
		              2, p->state == RUN_OK ? ASSESS_GREEN
		                 : p->state == RUN_DISABLED ? ASSESS_GREY : ASSESS_RED);
	}
	pdf_table_end(d);
	pdf_heading(d, 3, rv_t(v, T_FILES_READ));
	pdf_table_begin(d, 6, cf);
	for (size_t i = 0; i < v->n_runs; i++)
		for (size_t k = 0; k < v->runs[i].n_files; k++) {
			const csv_stats *st = v->runs[i].files[k];
			char rows[32], rej[32], noted[32], kinds[1024] = "";
			size_t off = 0;

			snprintf(rows, sizeof rows, "%ld", st->records);
			snprintf(rej, sizeof rej, "%ld", st->rejected);
			snprintf(noted, sizeof noted, "%ld", st->noted);
			for (size_t p = 0; p < st->n_problems && off < sizeof kinds; p++) {
				const csv_problem *pb = &st->problems[p];

				off += (size_t)snprintf(kinds + off, sizeof kinds - off, "%s%s: %ld (%s",
				                        p ? "\n" : "", pb->kind, pb->count, rv_t(v, T_LINES));
				for (int e = 0; e < pb->n_examples && off < sizeof kinds; e++)
					off += (size_t)snprintf(kinds + off, sizeof kinds - off, "%s%ld",
					                        e ? ", " : " ", pb->example_line[e]);
				if (off < sizeof kinds)
					off += (size_t)snprintf(kinds + off, sizeof kinds - off, ")");
			}
			pdf_table_row(d, (const char *[]){ v->runs[i].instance, st->path, rows, rej, noted,
			                                   kinds }, -1, -1);
		}
	pdf_table_end(d);
}

static int lay_out(const report_view *v, FILE *out, int total, int *pages, char *err,
                   size_t errlen)
{
	const assess_area *aa = v->main.aa;
	const model *m = v->as->model;
	char title[512], foot[512], name[256];
	pdf_doc *d;

	if (v->title)
		snprintf(title, sizeof title, "%s · %s", v->title, v->period);
	else
		snprintf(title, sizeof title, "%s — %s · %s", rv_t(v, T_TITLE),
		         i18n_area_title(v->lang, aa->code, aa->name, name, sizeof name), v->period);
	snprintf(foot, sizeof foot, "pk2d %s · %s: %s%s%s", v->version, rv_t(v, T_MODEL),
	         i18n_pick(v->lang, m->name, m->name_en), v->note && *v->note ? " · " : "",
	         v->note && *v->note ? v->note : "");
	if (!(d = pdf_doc_new(out, title, foot, rv_t(v, T_PAGE), rv_t(v, T_OF), total))) {
		snprintf(err, errlen, "out of memory");
		return PK2D_ERR_NOMEM;
	}
	summary(d, v, aa);
	if (v->wide && v->n_summary) {
		top_down(d, v);
		villages(d, v);
	}
	profile(d, v, aa);
	ikk(d, v, aa);
	heatmap(d, v, aa);
	agencies(d, v, aa);
	problems(d, v, aa);
	planner(d, v, aa);
	followup(d, v, aa);
	trends(d, v, &v->main);
	quality(d, v);
	return pdf_doc_finish(d, pages, err, errlen) ? PK2D_ERR_IO : 0;
}

int report_pdf_write(const report_view *v, FILE *out, char *err, size_t errlen)
{
	int pages = 0, rc;

	/* "Page N of M": the first pass counts M. */
	if ((rc = lay_out(v, NULL, 0, &pages, err, errlen)) == 0)
		rc = lay_out(v, out, pages, &pages, err, errlen);
	pdf_fonts_release();
	return rc;
}
