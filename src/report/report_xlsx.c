/*
 * report_xlsx.c - the assessment as an Excel workbook (libxlsxwriter), one
 * sheet per section, for the offices that open everything in a spreadsheet.
 *
 * Numbers are written as numbers (a NaN as an empty cell); codes, ids and
 * every other text as strings, so "63.02.09.2007" and a NIK keep their form;
 * a text cell that a spreadsheet would read as a formula gets a leading
 * apostrophe (esc_cell_text). Where a column is a formula (an indicator's
 * value from its numerator and denominator, an intervention's coverage) the
 * computed result is stored with it, so a reader that does not recalculate
 * still shows it.
 */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "agency_problems.h"
#include "i18n.h"
#include "present.h"
#include "report_view.h"
#include "view_rows.h"
#include "writers.h"
#include "xlsx_book.h"

/* A count is a whole number, a mean has 2 decimals, a percentage 1. */
static lxw_format *value_fmt(xlsx_book *b, const reg_indicator *d)
{
	return d->kind == PK2D_COUNT ? b->int0 : d->kind == PK2D_MEAN ? b->num2 : b->num1;
}

static void summary_sheet(xlsx_book *b)
{
	static const int k[] = { T_CODE, T_NAME, T_LEVEL, T_KK, T_IKK_SHORT, T_CATEGORY };
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, rv_t(b->v, T_SUMMARY));
	lxw_row_t r = 1;
	lxw_col_t rank = (lxw_col_t)(6 + b->v->n_headlines);
	char label[512];

	xb_header(b, ws, 0, 6, k);
	for (size_t h = 0; h < b->v->n_headlines; h++)
		xb_str(b, ws, 0, (lxw_col_t)(6 + h),
		    report_view_headline_label(b->v, b->v->headlines[h], label, sizeof label), b->head);
	xb_str(b, ws, 0, rank, rv_t(b->v, T_RANK), b->head);
	for (size_t i = 0; i < b->v->n_summary; i++, r++) {
		const assess_summary *s = &b->v->summary[i];

		xb_str(b, ws, r, 0, s->code, NULL);
		xb_str(b, ws, r, 1, s->name, NULL);
		xb_str(b, ws, r, 2, i18n_area_word(b->v->lang, s->code), NULL);
		xb_num(b, ws, r, 3, s->kk, b->int0);
		xb_num(b, ws, r, 4, s->ikk, b->num2);
		if (s->category)
			xb_str(b, ws, r, 5, i18n_pick(b->v->lang, s->category->label_id,
			                           s->category->label_en), NULL);
		for (size_t h = 0; h < b->v->n_headlines; h++)
			xb_num(b, ws, r, (lxw_col_t)(6 + h), report_view_headline(b->v, b->v->headlines[h],
			                                                  s->code),
			    value_fmt(b, b->v->headlines[h]));
		if (s->rank)
			xb_num(b, ws, r, rank, (double)s->rank, b->int0);
	}
	xb_table(ws, 0, r - 1, rank + 1, 0);
}

static void profile_sheet(xlsx_book *b, const assess_area *aa)
{
	const assess_profile *p = &aa->profile;
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, rv_t(b->v, T_PROFILE));
	lxw_row_t r = 0;

	/* A form, not a table: no filter, nothing frozen. */
	xb_print_setup(ws);
	xb_str(b, ws, r++, 0, rv_t(b->v, T_TITLE), b->title);
	for (size_t i = 0; i < p->n_up; i++, r++) {
		xb_str(b, ws, r, 0, i18n_level(b->v->lang, p->up[i].level), b->head);
		xb_str(b, ws, r, 1, p->up[i].code, NULL);
		xb_str(b, ws, r, 2, p->up[i].name, NULL);
	}
	xb_str(b, ws, r, 0, rv_t(b->v, T_PERIOD), b->head);
	xb_str(b, ws, r++, 1, b->v->period, NULL);
	xb_str(b, ws, r, 0, rv_t(b->v, T_N_VILLAGES), b->head);
	xb_num(b, ws, r++, 1, (double)p->n_villages, b->int0);
	xb_str(b, ws, r, 0, rv_t(b->v, T_N_RT), b->head);
	xb_num(b, ws, r++, 1, (double)p->n_rt, b->int0);
	xb_str(b, ws, r, 0, rv_t(b->v, T_KK), b->head);
	xb_num(b, ws, r++, 1, p->kk, b->int0);
	xb_str(b, ws, r, 0, rv_t(b->v, T_MALE), b->head);
	xb_num(b, ws, r++, 1, p->male, b->int0);
	xb_str(b, ws, r, 0, rv_t(b->v, T_FEMALE), b->head);
	xb_num(b, ws, r++, 1, p->female, b->int0);
	xb_str(b, ws, r, 0, rv_t(b->v, T_AGENCIES), b->head);
	for (size_t i = 0; i < p->n_agencies; i++)
		xb_str(b, ws, r++, 1, p->agencies[i], NULL);
	if (b->v->note && *b->v->note) {
		r++;
		xb_str(b, ws, r, 0, rv_t(b->v, T_NOTE), b->head);
		xb_str(b, ws, r, 1, b->v->note, NULL);
	}
}

/* The IKK, its dimensions, and every indicator of the model with its
 * score, status and the attention line; the charts of both tables beside
 * them. The indicators' table is the sheet's table (frozen, filtered). */
static void ikk_sheet(xlsx_book *b, const assess_area *aa)
{
	static const int kd[] = { T_DIMENSION, T_VALUE, T_INDICATORS };
	static const int ki[] = { T_CODE, T_INDICATOR, T_DIMENSION, T_NUMERATOR, T_DENOMINATOR,
	                          T_VALUE, T_SCORE, T_STATUS, T_ATTENTION_LINE, T_STATUS_KEY };
	const assess_score *s = &aa->score;
	const char *sheet = rv_t(b->v, T_IKK_SHORT);
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, sheet);
	lxw_row_t r = 0, d0, head, i0;

	xb_str(b, ws, r, 0, rv_t(b->v, T_IKK), b->head);
	xb_num(b, ws, r, 1, s->ikk, b->num2);
	if (s->category)
		xb_str(b, ws, r, 2, i18n_pick(b->v->lang, s->category->label_id,
		                              s->category->label_en), NULL);
	r += 2;
	xb_header(b, ws, r++, 3, kd);
	d0 = r;
	for (size_t d = 0; d < s->n_dimensions; d++, r++) {
		xb_str(b, ws, r, 0, i18n_pick(b->v->lang, s->dimensions[d].model->label_id,
		                              s->dimensions[d].model->label_en), NULL);
		xb_num(b, ws, r, 1, s->dimensions[d].value, b->num2);
		xb_num(b, ws, r, 2, (double)s->dimensions[d].n_available, b->int0);
	}
	head = ++r;
	xb_header(b, ws, r++, 10, ki);
	i0 = r;
	for (size_t d = 0; d < s->n_dimensions; d++)
		for (size_t i = 0; i < s->dimensions[d].model->n_indicators; i++, r++) {
			const assess_indicator *ai = &s->dimensions[d].indicators[i];

			xb_str(b, ws, r, 0, ai->model->code, NULL);
			xb_str(b, ws, r, 1, report_view_ind_label(b->v, ai), NULL);
			xb_str(b, ws, r, 2, i18n_pick(b->v->lang, s->dimensions[d].model->label_id,
			                              s->dimensions[d].model->label_en), NULL);
			if (ai->status != ASSESS_NO_DATA) {
				xb_num(b, ws, r, 3, ai->num, NULL);
				xb_num(b, ws, r, 4, ai->den, NULL);
				xb_percent_formula(b, ws, r, 5, 3, 4, ai->value);
			}
			xb_num(b, ws, r, 6, ai->score, b->num1);
			xb_str(b, ws, r, 7, report_view_ind_status(b->v, ai), NULL);
			xb_num(b, ws, r, 8, b->v->as->model->attention, b->num1);
			xb_str(b, ws, r, 9, report_status_key(ai->status), NULL);
		}
	xb_hide_column(b, ws, 9);
	xb_status_colours(b, ws, i0, 7, r - 1, 7, 2);
	xb_table(ws, head, r - 1, 10, 0);
	xlsx_chart_ikk(b, ws, sheet, d0, d0 + (lxw_row_t)s->n_dimensions - 1, i0, r - 1, 11);
}

/* An RT (or village) by indicator table of scores, each coloured by the
 * status of its indicator there, read from a hidden block of status keys
 * as wide as the scores, to their right. */
static void parts_sheet(xlsx_book *b, const assess_area *aa)
{
	const assess_score *s = &aa->score;
	lxw_worksheet *ws;
	lxw_col_t n = 0, c;

	if (!aa->n_parts)
		return;
	ws = workbook_add_worksheet(b->wb, aa->level == AREA_VILLAGE ? rv_t(b->v, T_RT_BREAKDOWN)
	                                                            : rv_t(b->v, T_ROLLUP));
	xb_str(b, ws, 0, 0, aa->level == AREA_VILLAGE ? rv_t(b->v, T_RT) : rv_t(b->v, T_CODE),
	       b->head);
	xb_str(b, ws, 0, 1, rv_t(b->v, T_IKK_SHORT), b->head);
	for (size_t d = 0; d < s->n_dimensions; d++)
		n += (lxw_col_t)s->dimensions[d].model->n_indicators;
	c = 2;
	for (size_t d = 0; d < s->n_dimensions; d++)
		for (size_t i = 0; i < s->dimensions[d].model->n_indicators; i++, c++) {
			char key[160];

			xb_str(b, ws, 0, c, s->dimensions[d].model->indicators[i].code, b->head);
			snprintf(key, sizeof key, "%s: %s", rv_t(b->v, T_STATUS_KEY),
			         s->dimensions[d].model->indicators[i].code);
			xb_str(b, ws, 0, c + n, key, b->head);
			xb_hide_column(b, ws, c + n);
		}
	for (size_t p = 0; p < aa->n_parts; p++) {
		const assess_score *ps = &aa->parts[p];
		lxw_row_t r = (lxw_row_t)p + 1;

		if (ps->rt >= 0)
			xb_num(b, ws, r, 0, ps->rt, NULL);
		else
			xb_str(b, ws, r, 0, ps->area, NULL);
		xb_num(b, ws, r, 1, ps->ikk, b->num2);
		c = 2;
		for (size_t d = 0; d < ps->n_dimensions; d++)
			for (size_t i = 0; i < ps->dimensions[d].model->n_indicators; i++, c++) {
				const assess_indicator *ai = &ps->dimensions[d].indicators[i];

				xb_num(b, ws, r, c, ai->score, b->num1);
				xb_str(b, ws, r, c + n, report_status_key(ai->status), NULL);
			}
	}
	if (n)
		xb_status_colours(b, ws, 1, 2, (lxw_row_t)aa->n_parts, 1 + n, (int)n);
	xb_table(ws, 0, (lxw_row_t)aa->n_parts, 2 + 2 * n, 1);
}

static void agency_sheets(xlsx_book *b, const assess_area *aa)
{
	static const int kr[] = { T_AGENCY, T_NO, T_INDICATOR, T_UNIT, T_TARGET, T_REALISATION,
	                          T_CAPAIAN, T_CATEGORY, T_TARGET_STATE, T_TARGET_YEAR, T_CLASS,
	                          T_STATUS_KEY };
	static const int ka[] = { T_AGENCY, T_INTERVENTION, T_TARGET_GROUP, T_UNIT, T_TARGET,
	                          T_REALISATION, T_COVERAGE, T_BUDGET };
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, rv_t(b->v, T_AGENCY_SECTION));
	lxw_worksheet *wi = workbook_add_worksheet(b->wb, rv_t(b->v, T_INTERVENTIONS));
	lxw_row_t r = 1, ri = 1;

	xb_header(b, ws, 0, 12, kr);
	xb_header(b, wi, 0, 8, ka);
	xb_hide_column(b, ws, 11);
	for (size_t g = 0; g < aa->n_agencies; g++) {
		const assess_agency *ag = &aa->agencies[g];
		size_t n;
		present_line *lines = present_agency(b->v->reg, ag, &n);

		for (size_t i = 0; i < n; i++) {
			const assess_row *row = lines[i].row;
			const char *word;
			const reg_class *cls;

			xb_str(b, ws, r, 0, ag->agency, NULL);
			if (!row) {
				xb_str(b, ws, r++, 2, i18n_pick(b->v->lang, lines[i].group->label_id,
				                             lines[i].group->label_en),
				       b->group[lines[i].group->depth]);
				continue;
			}
			xb_num(b, ws, r, 1, (double)lines[i].no, NULL);
			xb_str(b, ws, r, 2, i18n_pick(b->v->lang, row->decl->label_id,
			                           row->decl->label_en), NULL);
			xb_str(b, ws, r, 3, row->decl->unit, NULL);
			lxw_format *vf = value_fmt(b, row->decl);

			if (row->has_target)
				xb_num(b, ws, r, 4, row->target, vf);
			xb_num(b, ws, r, 5, row->value, vf);
			xb_num(b, ws, r, 6, row->capaian, b->num1);
			if ((word = report_view_row_word(b->v, row, 0)))
				xb_str(b, ws, r, 7, word, NULL);
			if (row->colour >= 0)
				xb_str(b, ws, r, 11, report_status_key(row->colour), NULL);
			if (row->has_value && row->has_target)
				xb_str(b, ws, r, 8, report_view_target_state(b->v, row), NULL);
			if (row->target_year)
				xb_num(b, ws, r, 9, row->target_year, NULL);
			if ((cls = present_class(b->v->reg, row->decl, row->has_value ? row->value : NAN)))
				xb_str(b, ws, r, 10, i18n_pick(b->v->lang, cls->label_id, cls->label_en), NULL);
			r++;
		}
		free(lines);
		for (size_t i = 0; i < ag->n_actions; i++, ri++) {
			const assess_action *a = &ag->actions[i];

			xb_str(b, wi, ri, 0, ag->agency, NULL);
			xb_str(b, wi, ri, 1, i18n_pick(b->v->lang, a->decl->label_id, a->decl->label_en),
			    NULL);
			xb_str(b, wi, ri, 2, a->decl->target_group, NULL);
			xb_str(b, wi, ri, 3, a->decl->unit, NULL);
			if (!a->has_data)
				continue;
			xb_num(b, wi, ri, 4, a->target, NULL);
			xb_num(b, wi, ri, 5, a->realised, NULL);
			xb_percent_formula(b, wi, ri, 6, 5, 4, a->coverage);
			if (a->budget > 0)
				xb_num(b, wi, ri, 7, a->budget, b->int0);
		}
	}
	xb_status_colours(b, ws, 1, 7, r - 1, 7, 4);
	xb_table(ws, 0, r - 1, 12, 0);
	xb_table(wi, 0, ri - 1, 8, 0);
	if (ri > 1)
		xb_str(b, wi, ri + 1, 0, rv_t(b->v, T_COVERAGE_NOTE), NULL);
}

/* "RT 1 (52,4); RT 2 (34,6)": the worst places in one cell. */
static void worst_text(const xlsx_book *b, const assess_place *w, size_t n, char *out,
                       size_t len)
{
	size_t off = 0;

	out[0] = '\0';
	for (size_t k = 0; k < n && off < len; k++) {
		char v[48];

		i18n_num(b->v->lang, w[k].value, 1, v, sizeof v);
		if (w[k].rt > 0)
			off += (size_t)snprintf(out + off, len - off, "%sRT %d (%s)", k ? "; " : "",
			                        w[k].rt, v);
		else
			off += (size_t)snprintf(out + off, len - off, "%s%s (%s)", k ? "; " : "",
			                        w[k].area, v);
	}
}

/* "RT 1: 4/4; RT 2: 1/4": where the planner finds the changes. */
static void steps_text(const xlsx_book *b, const assess_step *st, size_t n, char *out,
                       size_t len)
{
	size_t off = 0;

	out[0] = '\0';
	for (size_t k = 0; k < n && off < len; k++) {
		char where[32];

		if (st[k].rt > 0)
			snprintf(where, sizeof where, "RT %d", st[k].rt);
		else
			snprintf(where, sizeof where, "%s", st[k].area);
		off += (size_t)snprintf(out + off, len - off, "%s%s: %s/%s", k ? "; " : "", where,
		                        i18n_count(b->v->lang, st[k].take),
		                        i18n_count(b->v->lang, st[k].affected));
	}
}

static void problem_sheets(xlsx_book *b, const assess_area *aa)
{
	static const int kp[] = { T_NO, T_CODE, T_INDICATOR, T_DIMENSION, T_VALUE, T_GAP,
	                          T_AFFECTED, T_WORST };
	static const int kf[] = { T_CODE, T_PROBLEMS, T_INTERVENTION, T_RESPONSIBLE, T_TARGET,
	                          T_REALISATION, T_COVERAGE };
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, rv_t(b->v, T_PROBLEMS));
	lxw_worksheet *wf = workbook_add_worksheet(b->wb, rv_t(b->v, T_FOLLOWUP));
	lxw_row_t r = 1, rf = 1;

	xb_header(b, ws, 0, 8, kp);
	xb_header(b, wf, 0, 7, kf);
	for (size_t i = 0; i < aa->n_problems; i++, r++) {
		const assess_problem *p = &aa->problems[i];
		char worst[512];

		worst_text(b, p->worst, p->n_worst, worst, sizeof worst);
		xb_num(b, ws, r, 0, (double)(i + 1), NULL);
		xb_str(b, ws, r, 1, p->indicator->model->code, NULL);
		xb_str(b, ws, r, 2, report_view_ind_label(b->v, p->indicator), NULL);
		xb_str(b, ws, r, 3, i18n_pick(b->v->lang, p->dimension->model->label_id,
		                           p->dimension->model->label_en), NULL);
		xb_num(b, ws, r, 4, p->indicator->value, b->num1);
		xb_num(b, ws, r, 5, report_problem_gap(p), b->num1);
		xb_num(b, ws, r, 6, p->affected, NULL);
		xb_str(b, ws, r, 7, worst, NULL);
		if (!p->n_actions) {
			xb_str(b, wf, rf, 0, p->indicator->model->code, NULL);
			xb_str(b, wf, rf, 1, report_view_ind_label(b->v, p->indicator), NULL);
			xb_str(b, wf, rf++, 2, rv_t(b->v, T_NO_INTERVENTION), b->bad);
		}
		for (size_t k = 0; k < p->n_actions; k++, rf++) {
			const assess_action *a = &p->actions[k];

			xb_str(b, wf, rf, 0, p->indicator->model->code, NULL);
			xb_str(b, wf, rf, 1, report_view_ind_label(b->v, p->indicator), NULL);
			xb_str(b, wf, rf, 2, i18n_pick(b->v->lang, a->decl->label_id, a->decl->label_en),
			    NULL);
			xb_str(b, wf, rf, 3, a->decl->agency, NULL);
			if (a->has_data) {
				xb_num(b, wf, rf, 4, a->target, NULL);
				xb_num(b, wf, rf, 5, a->realised, NULL);
				xb_percent_formula(b, wf, rf, 6, 5, 4, a->coverage);
			}
		}
	}
	for (size_t i = 0; i < aa->n_agency_problems; i++) {
		const assess_agency_problem *p = &aa->agency_problems[i];
		const char *label = i18n_pick(b->v->lang, p->row->decl->label_id,
		                              p->row->decl->label_en);

		if (!p->n_actions) {
			xb_str(b, wf, rf, 1, label, NULL);
			xb_str(b, wf, rf++, 2, rv_t(b->v, T_NO_INTERVENTION), b->bad);
		}
		for (size_t k = 0; k < p->n_actions; k++, rf++) {
			const assess_action *a = &p->actions[k];

			xb_str(b, wf, rf, 1, label, NULL);
			xb_str(b, wf, rf, 2, i18n_pick(b->v->lang, a->decl->label_id, a->decl->label_en),
			    NULL);
			xb_str(b, wf, rf, 3, a->decl->agency, NULL);
			if (a->has_data) {
				xb_num(b, wf, rf, 4, a->target, NULL);
				xb_num(b, wf, rf, 5, a->realised, NULL);
				xb_percent_formula(b, wf, rf, 6, 5, 4, a->coverage);
			}
		}
	}
	xb_table(ws, 0, r - 1, 8, 0);
	xb_table(wf, 0, rf - 1, 7, 0);
	if (rf > 1)
		xb_str(b, wf, rf + 1, 0, rv_t(b->v, T_COVERAGE_NOTE), NULL);
}

static void agency_problem_sheet(xlsx_book *b, const assess_area *aa)
{
	static const int k[] = { T_NO, T_INDICATOR, T_AGENCY, T_REALISATION, T_TARGET,
	                         T_TARGET_YEAR, T_RELATIVE_GAP, T_CAPAIAN, T_CATEGORY, T_WORST,
	                         T_STATUS_KEY };
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, rv_t(b->v, T_AGENCY_PROBLEMS_SHEET));
	lxw_row_t last = (lxw_row_t)(aa->n_agency_problems + 1);

	xb_str(b, ws, 0, 0, rv_t(b->v, T_RANK_AGENCY), NULL);
	xb_header(b, ws, 1, 11, k);
	xb_hide_column(b, ws, 10);
	for (size_t i = 0; i < aa->n_agency_problems; i++) {
		const assess_agency_problem *p = &aa->agency_problems[i];
		const assess_row *row = p->row;
		const char *word;
		lxw_row_t r = (lxw_row_t)(i + 2);
		char worst[512];

		worst_text(b, p->worst, p->n_worst, worst, sizeof worst);
		xb_num(b, ws, r, 0, (double)(aa->n_problems + i + 1), NULL);
		xb_str(b, ws, r, 1, i18n_pick(b->v->lang, row->decl->label_id, row->decl->label_en), NULL);
		xb_str(b, ws, r, 2, p->agency, NULL);
		xb_num(b, ws, r, 3, row->value, b->num1);
		xb_num(b, ws, r, 4, row->target, b->num1);
		if (row->target_year)
			xb_num(b, ws, r, 5, row->target_year, NULL);
		xb_num(b, ws, r, 6, p->relative_gap, b->num1);
		xb_num(b, ws, r, 7, row->capaian, b->num1);
		if ((word = report_view_row_word(b->v, row, 0)))
			xb_str(b, ws, r, 8, word, NULL);
		xb_str(b, ws, r, 9, worst, NULL);
		xb_str(b, ws, r, 10, report_status_key(row->colour), NULL);
	}
	xb_status_colours(b, ws, 2, 8, last, 8, 2);
	xb_table(ws, 1, last, 11, 0);
}

static void planner_sheet(xlsx_book *b, const assess_area *aa)
{
	static const int k[] = { T_NO, T_INDICATOR, T_TO_CHANGE, T_WHERE };
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, rv_t(b->v, T_PLANNER));
	const assess_ikk_plan *pl = aa->ikk_plan;
	lxw_row_t r = 1, head;
	char where[1024];

	xb_str(b, ws, 0, 0, rv_t(b->v, T_PLANNER_NOTE), NULL);
	if (pl) {
		xb_str(b, ws, r, 1, rv_t(b->v, T_NEXT_CATEGORY), b->head);
		if (pl->next)
			xb_str(b, ws, r, 2, i18n_pick(b->v->lang, pl->next->label_id, pl->next->label_en),
			    NULL);
		else
			xb_str(b, ws, r, 2, rv_t(b->v, T_TOP_CATEGORY), NULL);
		r++;
		if (pl->next) {
			xb_str(b, ws, r, 1, rv_t(b->v, T_CHANGES), b->head);
			if (isnan(pl->changes))
				xb_str(b, ws, r, 2, rv_t(b->v, T_OUT_OF_REACH), NULL);
			else
				xb_num(b, ws, r, 2, pl->changes, NULL);
			r++;
		}
		xb_str(b, ws, r, 1, rv_t(b->v, T_IKK_AT_LINES), b->head);
		xb_num(b, ws, r++, 2, pl->ikk_at_lines, b->num2);
	}
	head = ++r;
	xb_header(b, ws, r++, 4, k);
	for (size_t i = 0; i < aa->n_problems; i++, r++) {
		const assess_problem *p = &aa->problems[i];

		steps_text(b, p->steps, p->n_steps, where, sizeof where);
		xb_num(b, ws, r, 0, (double)(i + 1), NULL);
		xb_str(b, ws, r, 1, report_view_ind_label(b->v, p->indicator), NULL);
		xb_num(b, ws, r, 2, p->to_change, NULL);
		xb_str(b, ws, r, 3, where, NULL);
	}
	for (size_t i = 0; i < aa->n_agency_problems; i++, r++) {
		const assess_agency_problem *p = &aa->agency_problems[i];

		steps_text(b, p->steps, p->n_steps, where, sizeof where);
		xb_num(b, ws, r, 0, (double)(aa->n_problems + i + 1), NULL);
		xb_str(b, ws, r, 1, i18n_pick(b->v->lang, p->row->decl->label_id,
		                           p->row->decl->label_en), NULL);
		if (isnan(p->to_change))
			xb_str(b, ws, r, 2, rv_t(b->v, T_NOT_A_MEAN), NULL);
		else
			xb_num(b, ws, r, 2, p->to_change, NULL);
		xb_str(b, ws, r, 3, where, NULL);
	}
	xb_table(ws, head, r - 1, 4, 0);
}

/* The values against the previous period (the sheet's table), then the
 * interventions' progress in every stored period (the table when there is
 * no previous period). */
static void trend_sheet(xlsx_book *b, const trend *t)
{
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, rv_t(b->v, T_TREND));
	lxw_row_t r = 1;
	int table = 0;

	if (!b->v->store_on || !*t->prev_period) {
		xb_str(b, ws, 0, 0, b->v->store_on ? rv_t(b->v, report_view_no_trend(b->v, t)) : rv_t(b->v, T_NO_STORE),
		       NULL);
		r = 2;
	} else {
		xb_str(b, ws, 0, 0, rv_t(b->v, T_INDICATOR), b->head);
		xb_str(b, ws, 0, 1, t->prev_period, b->head);
		xb_str(b, ws, 0, 2, t->period, b->head);
		xb_str(b, ws, 0, 3, rv_t(b->v, T_CHANGE), b->head);
		for (size_t i = 0; i < t->n_dims; i++, r++) {
			const trend_dim *d = &t->dims[i];

			xb_str(b, ws, r, 0, d->model ? i18n_pick(b->v->lang, d->model->label_id,
			                                         d->model->label_en)
			                             : rv_t(b->v, T_IKK_SHORT), d->model ? NULL : b->head);
			xb_num(b, ws, r, 1, d->prev, b->num2);
			xb_num(b, ws, r, 2, d->cur, b->num2);
			xb_num(b, ws, r, 3, d->delta, b->num2);
		}
		for (size_t i = 0; i < t->n_rows; i++, r++) {
			const trend_row *row = &t->rows[i];

			xb_str(b, ws, r, 0, i18n_pick(b->v->lang, row->decl->label_id,
			                              row->decl->label_en), NULL);
			xb_num(b, ws, r, 1, row->prev, b->num1);
			xb_num(b, ws, r, 2, row->cur, b->num1);
			xb_num(b, ws, r, 3, row->delta, row->change == TREND_BETTER ? b->good :
			       row->change == TREND_WORSE ? b->bad : b->num1);
		}
		xb_table(ws, 0, r - 1, 4, 0);
		table = 1;
		r++;
	}
	if (t->n_progress) {
		static const int k[] = { T_INTERVENTION, T_PERIOD, T_TARGET, T_REALISATION,
		                         T_COVERAGE };
		lxw_row_t head = r;

		xb_header(b, ws, r++, 5, k);
		for (size_t i = 0; i < t->n_progress; i++)
			for (size_t j = 0; j < t->progress[i].n; j++, r++) {
				const store_ipoint *p = &t->progress[i].points[j];

				xb_str(b, ws, r, 0, i18n_pick(b->v->lang, t->progress[i].decl->label_id,
				                              t->progress[i].decl->label_en), NULL);
				xb_str(b, ws, r, 1, p->period, NULL);
				xb_num(b, ws, r, 2, p->target, NULL);
				xb_num(b, ws, r, 3, p->realised, NULL);
				xb_percent_formula(b, ws, r, 4, 3, 2,
				                   report_coverage(p->target, p->realised));
			}
		if (!table)
			xb_table(ws, head, r - 1, 5, 0);
		table = 1;
	}
	if (!table)
		xb_print_setup(ws);
}

/* The IKK and each dimension in every period of the history store, one
 * block of rows per score, and their lines in one chart. No sheet without
 * a store. */
static void history_sheet(xlsx_book *b, const trend *t)
{
	static const int k[] = { T_SCORE, T_PERIOD, T_VALUE };
	const char *sheet = rv_t(b->v, T_SCORE_HISTORY);
	lxw_row_t first[t->n_dims + 1], last[t->n_dims + 1], r = 1;
	lxw_worksheet *ws;
	size_t n = 0;

	if (!b->v->store_on)
		return;
	ws = workbook_add_worksheet(b->wb, sheet);
	xb_header(b, ws, 0, 3, k);
	for (size_t i = 0; i < t->n_dims; i++) {
		const trend_dim *d = &t->dims[i];
		const char *name = d->model ? i18n_pick(b->v->lang, d->model->label_id,
		                                        d->model->label_en) : rv_t(b->v, T_IKK_SHORT);

		if (!d->n_history)
			continue;
		first[n] = r;
		for (size_t j = 0; j < d->n_history; j++, r++) {
			xb_str(b, ws, r, 0, name, NULL);
			xb_str(b, ws, r, 1, d->history[j].period, NULL);
			xb_num(b, ws, r, 2, d->history[j].value, b->num2);
		}
		last[n++] = r - 1;
	}
	xb_table(ws, 0, r - 1, 3, 0);
	xlsx_chart_history(b, ws, sheet, first, last, n, 4);
}

static void quality_sheet(xlsx_book *b)
{
	static const int kr[] = { T_PLUGIN, T_AGENCY, T_STATUS, T_REASON, T_VALUES, T_REFUSED,
	                          T_SECONDS };
	static const int kf[] = { T_PLUGIN, T_FILE, T_ROWS, T_REJECTED, T_NOTED, T_PROBLEM_KIND,
	                          T_COUNT, T_LINES };
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, rv_t(b->v, T_DATA_QUALITY));
	const report_view *v = b->v;
	lxw_row_t r = 1;

	xb_header(b, ws, 0, 7, kr);
	for (size_t i = 0; i < v->n_runs; i++, r++) {
		const plugin_run *p = &v->runs[i];

		xb_str(b, ws, r, 0, p->instance, NULL);
		xb_str(b, ws, r, 1, p->agency, NULL);
		xb_str(b, ws, r, 2, i18n_state(v->lang, p->state), p->state == RUN_OK ? b->good :
		    p->state == RUN_DISABLED ? NULL : b->bad);
		xb_str(b, ws, r, 3, p->reason, NULL);
		xb_num(b, ws, r, 4, (double)p->values, NULL);
		xb_num(b, ws, r, 5, (double)p->refused, NULL);
		xb_num(b, ws, r, 6, p->seconds, b->num2);
	}
	xb_table(ws, 0, r - 1, 7, 0);
	r++;
	xb_header(b, ws, r++, 8, kf);
	for (size_t i = 0; i < v->n_runs; i++)
		for (size_t k = 0; k < v->runs[i].n_files; k++) {
			const csv_stats *st = v->runs[i].files[k];

			xb_str(b, ws, r, 0, v->runs[i].instance, NULL);
			xb_str(b, ws, r, 1, st->path, NULL);
			xb_num(b, ws, r, 2, (double)st->records, NULL);
			xb_num(b, ws, r, 3, (double)st->rejected, NULL);
			xb_num(b, ws, r, 4, (double)st->noted, NULL);
			r++;
			for (size_t p = 0; p < st->n_problems; p++, r++) {
				char lines[256] = "";
				size_t off = 0;

				for (int e = 0; e < st->problems[p].n_examples && off < sizeof lines; e++)
					off += (size_t)snprintf(lines + off, sizeof lines - off, "%s%ld",
					                        e ? ", " : "", st->problems[p].example_line[e]);
				xb_str(b, ws, r, 5, st->problems[p].kind, NULL);
				xb_num(b, ws, r, 6, (double)st->problems[p].count, NULL);
				xb_str(b, ws, r, 7, lines, NULL);
			}
		}
}

/* Rows a sheet holds (Excel's limit); report_xlsx_set_row_limit lowers it
 * for tests. */
static lxw_row_t row_limit = LXW_ROW_MAX;

void report_xlsx_set_row_limit(unsigned long rows)
{
	row_limit = rows >= 2 && rows < LXW_ROW_MAX ? (lxw_row_t)rows : LXW_ROW_MAX;
}

struct data_ctx {
	xlsx_book *b;
	lxw_worksheet *ws;
	lxw_row_t r;
	int part;                 /* 1 for "Data", 2 for "Data 2", ... */
	long left;                /* rows of the table not written yet */
};

static const char *const data_cols[] = { "kind", "area", "area_name", "rt", "period", "id",
                                         "label", "agency", "unit", "numerator",
                                         "denominator", "value", "target", "status" };
#define N_DATA_COLS (sizeof data_cols / sizeof *data_cols)

/* "Data", "Data 2", ...: the order of the parts is in their names. */
static void data_sheet_name(int part, char out[32])
{
	if (part == 1)
		snprintf(out, 32, "Data");
	else
		snprintf(out, 32, "Data %d", part);
}

/* Starts part c->part of the Data sheet: the header row, and after the
 * columns where the table comes from and where it goes on.
 *
 * The Data sheets hold nearly all of a wide report's cells (a province's
 * 1.5 M rows made the workbook take 2.5 GB). libxlsxwriter writes a sheet
 * added while its constant_memory option is on row by row to a temporary
 * file, so they are added so, and the other sheets, written out of row
 * order, are not. That mode drops a cell above the row being written:
 * each header, its notes included, is whole before the first row (the
 * rows were counted first). -1 when the sheet cannot be added. */
static int data_part(struct data_ctx *c)
{
	char name[32], from[96] = "", on[96] = "", note[200];

	data_sheet_name(c->part, name);
	c->b->wb->options.constant_memory = LXW_TRUE;
	c->ws = workbook_add_worksheet(c->b->wb, name);
	c->b->wb->options.constant_memory = LXW_FALSE;
	if (!c->ws)
		return -1;
	for (size_t i = 0; i < N_DATA_COLS; i++)
		xb_str(c->b, c->ws, 0, (lxw_col_t)i, data_cols[i], c->b->head);
	if (c->part > 1) {
		data_sheet_name(c->part - 1, name);
		snprintf(from, sizeof from, "%s '%s'", rv_t(c->b->v, T_CONTINUED_FROM), name);
	}
	if (c->left > (long)row_limit - 1) {
		data_sheet_name(c->part + 1, name);
		snprintf(on, sizeof on, "%s '%s'", rv_t(c->b->v, T_CONTINUES_ON), name);
	}
	if (*from || *on) {
		snprintf(note, sizeof note, "%s%s%s", from, *from && *on ? "; " : "", on);
		xb_str(c->b, c->ws, 0, N_DATA_COLS, note, NULL);
	}
	c->r = 0;
	return 0;
}

/* Ends a part: its table set up, its status column coloured by itself
 * (the column holds the status keys). */
static void data_part_done(struct data_ctx *c)
{
	xb_status_colours(c->b, c->ws, 1, N_DATA_COLS - 1, c->r, N_DATA_COLS - 1, 0);
	xb_table(c->ws, 0, c->r, N_DATA_COLS, 0);
}

/* The next data row: a sheet that is full (row_limit rows) is ended, and
 * the table continues on the next part. -1 when that part cannot be
 * added. */
static int data_next_row(struct data_ctx *c)
{
	if (c->r + 1 >= row_limit) {
		data_part_done(c);
		c->part++;
		if (data_part(c) < 0)
			return -1;
	}
	c->r++;
	c->left--;
	return 0;
}

static void data_lead(struct data_ctx *c, const char *kind, const char *area, int rt,
                      const char *period, const char *id, const char *label,
                      const char *agency, const char *unit)
{
	const areas *names = c->b->v->areas;

	xb_str(c->b, c->ws, c->r, 0, kind, NULL);
	xb_str(c->b, c->ws, c->r, 1, area, NULL);
	xb_str(c->b, c->ws, c->r, 2, names ? areas_name(names, area) : NULL, NULL);
	if (rt >= 0)
		xb_num(c->b, c->ws, c->r, 3, rt, NULL);
	xb_str(c->b, c->ws, c->r, 4, period, NULL);
	xb_str(c->b, c->ws, c->r, 5, id, NULL);
	xb_str(c->b, c->ws, c->r, 6, label, NULL);
	xb_str(c->b, c->ws, c->r, 7, agency, NULL);
	xb_str(c->b, c->ws, c->r, 8, unit, NULL);
}

static int data_value(void *ud, const reg_indicator *d, const char *area, int rt,
                      const char *period, const reg_sum *s)
{
	struct data_ctx *c = ud;
	double value = reg_value(d, s), target;
	int status = report_view_status(c->b->v, d, value, &target);

	if (data_next_row(c) < 0)
		return PK2D_ERR_IO;
	data_lead(c, "indicator", area, rt, period, d->full_id,
	          i18n_pick(c->b->v->lang, d->label_id, d->label_en), d->agency, d->unit);
	xb_num(c->b, c->ws, c->r, 9, s->num, NULL);
	xb_num(c->b, c->ws, c->r, 10, s->den, NULL);
	xb_num(c->b, c->ws, c->r, 11, value, c->b->num1);
	xb_num(c->b, c->ws, c->r, 12, target, NULL);
	xb_str(c->b, c->ws, c->r, 13, report_status_key(status), NULL);
	return c->b->failed ? PK2D_ERR_NOMEM : 0;
}

static int data_intervention(void *ud, const reg_intervention *d, const char *area, int rt,
                             const char *period, const reg_isum *s)
{
	struct data_ctx *c = ud;

	if (data_next_row(c) < 0)
		return PK2D_ERR_IO;
	data_lead(c, "intervention", area, rt, period, d->full_id,
	          i18n_pick(c->b->v->lang, d->label_id, d->label_en), d->agency, d->unit);
	xb_num(c->b, c->ws, c->r, 9, s->realised, NULL);
	xb_num(c->b, c->ws, c->r, 10, s->target, NULL);
	xb_percent_formula(c->b, c->ws, c->r, 11, 9, 10,
	                report_coverage(s->target, s->realised));
	return c->b->failed ? PK2D_ERR_NOMEM : 0;
}

/* The long format of report_csv.c, with the same columns, on as many
 * sheets as it takes ("Data", "Data 2", ...; each full sheet says where the
 * table goes on). */
static int data_sheet(xlsx_book *b)
{
	struct data_ctx c = { .b = b, .part = 1 };
	int rc;

	if ((c.left = report_view_n_values(b->v)) < 0)
		return (int)c.left;
	if (data_part(&c) < 0)
		return PK2D_ERR_IO;
	if ((rc = report_view_each_value(b->v, data_value, &c)) < 0 ||
	    (rc = report_view_each_intervention(b->v, data_intervention, &c)) < 0)
		return rc;
	data_part_done(&c);
	return 0;
}

/* The declared tables (present.h) of the run area and, in a wider run, of
 * each village: per table its title, a header, then its rows for each area
 * where it has a value. No sheet without a table shown anywhere. */
static void tables_sheet(xlsx_book *b)
{
	static const int k[] = { T_CODE, T_NAME };
	const report_view *v = b->v;
	size_t n = 1 + v->n_villages;
	lxw_worksheet *ws = NULL;
	lxw_row_t r = 0, head = 0, last = 0;
	lxw_col_t ncols = 0;

	for (size_t t = 0; t < registry_n_tables(v->reg); t++) {
		const reg_table *tb = registry_table_at(v->reg, t);
		int started = 0;

		for (size_t i = 0; i < n; i++) {
			const assess_area *aa = i ? v->villages[i - 1].aa : v->main.aa;

			if (!present_table_shown(v->reg, tb, tb->agency, aa->code, v->period))
				continue;
			if (!ws)
				ws = workbook_add_worksheet(b->wb, rv_t(v, T_TABLES_SHEET));
			if (!started) {
				started = 1;
				if (r)
					r++;
				xb_str(b, ws, r++, 0, i18n_pick(v->lang, tb->title_id, tb->title_en), b->title);
				if (!ncols) {
					head = r;
					ncols = (lxw_col_t)(3 + tb->n_cols);
				}
				xb_header(b, ws, r, 2, k);
				xb_str(b, ws, r, 2, i18n_pick(v->lang, tb->rows_label_id, tb->rows_label_en),
				    b->head);
				for (size_t c = 0; c < tb->n_cols; c++)
					xb_str(b, ws, r, (lxw_col_t)(3 + c),
					    i18n_pick(v->lang, tb->cols[c].label_id, tb->cols[c].label_en),
					    b->head);
				r++;
			}
			for (size_t row = 0; row < tb->n_rows; row++, r++) {
				xb_str(b, ws, r, 0, aa->code, NULL);
				xb_str(b, ws, r, 1, aa->name, NULL);
				xb_str(b, ws, r, 2, i18n_pick(v->lang, tb->rows[row].label_id,
				                           tb->rows[row].label_en), NULL);
				for (size_t c = 0; c < tb->n_cols; c++)
					xb_num(b, ws, r, (lxw_col_t)(3 + c),
					    reg_table_cell_value(v->reg, tb, row, c, aa->code, v->period),
					    tb->cols[c].decimals == 0 ? b->int0
					    : tb->cols[c].decimals == 1 ? b->num1 : b->num2);
			}
		}
		if (started && !last)
			last = r - 1;
		if (started && *tb->note_id)
			xb_str(b, ws, r++, 0, i18n_pick(v->lang, tb->note_id, tb->note_en), NULL);
	}
	/* One filter a sheet: the first table's. */
	if (ws)
		xb_table(ws, head, last, ncols, 0);
}

/* The first sheet when the run did not use every row: its failure, then
 * every file's rows by class. */
static void unused_sheet(xlsx_book *b)
{
	static const int kf[] = { T_PLUGIN, T_FILE, T_ROWS, T_USED };
	const unused_ctx *u = &b->v->unused;
	lxw_worksheet *ws;
	lxw_row_t r = 0, head;
	char buf[2048];

	if (!unused_any(u->acct))
		return;
	ws = workbook_add_worksheet(b->wb, rv_t(b->v, T_UNUSED_SHEET));
	if (u->acct->n_failed) {
		xb_str(b, ws, r++, 0, rv_t(b->v, T_RUN_FAILS), b->bad);
		for (size_t i = 0; i < u->acct->n; i++)
			if (u->acct->files[i].failure != ACCT_FINE)
				xb_str(b, ws, r++, 0, unused_failure(u, &u->acct->files[i], buf, sizeof buf),
				    NULL);
		r++;
	}
	xb_str(b, ws, r, 0, rv_t(b->v, T_UNUSED_ROWS), b->title);
	xb_str(b, ws, r++, 1, unused_headline(u, buf, sizeof buf), NULL);
	head = r;
	xb_header(b, ws, r, 4, kf);
	for (int cls = 0; cls < ACCT_N_CLASSES; cls++)
		xb_str(b, ws, r, (lxw_col_t)(4 + cls), unused_class(b->v->lang, cls), b->head);
	xb_str(b, ws, r++, 4 + ACCT_N_CLASSES, rv_t(b->v, T_REJECTED_SHARE), b->head);
	for (size_t i = 0; i < u->acct->n; i++, r++) {
		const acct_file *f = &u->acct->files[i];

		xb_str(b, ws, r, 0, f->instance, NULL);
		xb_str(b, ws, r, 1, f->st->path, NULL);
		xb_num(b, ws, r, 2, (double)f->st->records, b->int0);
		xb_num(b, ws, r, 3, (double)f->used, b->int0);
		for (int cls = 0; cls < ACCT_N_CLASSES; cls++)
			xb_num(b, ws, r, (lxw_col_t)(4 + cls), (double)f->rows[cls], b->int0);
		xb_num(b, ws, r, 4 + ACCT_N_CLASSES, f->share,
		    f->failure == ACCT_TOO_MANY_REJECTED ? b->bad : b->num1);
	}
	xb_table(ws, head, r - 1, 5 + ACCT_N_CLASSES, 0);
}

/* A report limited to the lokus villages: the sentence saying so, and the
 * villages (code, name, stage) as the sheet's table. */
static void lokus_sheet(xlsx_book *b)
{
	view_table t;
	char *line;
	lxw_worksheet *ws;
	lxw_row_t r = 2;

	view_lokus_build(b->v, &line, &t);
	if (line) {
		ws = workbook_add_worksheet(b->wb, rv_t(b->v, T_LOKUS_VILLAGES));
		xb_str(b, ws, 0, 0, line, b->title);
		xb_header(b, ws, r++, t.n_cols, t.heads);
		for (size_t i = 0; i < t.n_rows; i++, r++)
			for (size_t c = 0; c < t.n_cols; c++)
				xb_str(b, ws, r, (lxw_col_t)c, view_cell(&t, i, c), NULL);
		xb_table(ws, 2, r - 1, (lxw_col_t)t.n_cols, 0);
	}
	free(line);
	view_table_free(&t);
}

static int build(xlsx_book *b, const void *view)
{
	const report_view *v = view;

	xb_formats(b);
	unused_sheet(b);
	lokus_sheet(b);
	if (v->wide)
		summary_sheet(b);
	profile_sheet(b, v->main.aa);
	ikk_sheet(b, v->main.aa);
	parts_sheet(b, v->main.aa);
	agency_sheets(b, v->main.aa);
	tables_sheet(b);
	problem_sheets(b, v->main.aa);
	agency_problem_sheet(b, v->main.aa);
	planner_sheet(b, v->main.aa);
	trend_sheet(b, v->main.trend);
	history_sheet(b, v->main.trend);
	quality_sheet(b);
	return data_sheet(b);
}

int report_xlsx_write(const report_view *v, FILE *f, char *err, size_t errlen)
{
	xlsx_book b = { .v = v, .lang = v->lang };

	return xb_write(&b, build, v, f, err, errlen);
}
