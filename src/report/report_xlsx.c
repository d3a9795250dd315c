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

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "agency_problems.h"
#include "escape.h"
#include "i18n.h"
#include "present.h"
#include "report_view.h"
#include "tempfile.h"
#include "utf8.h"

/* The workbook is built in TMPDIR as pk2d-xlsx.tmp.PID.XXXXXX, then copied
 * into the report's own temporary file. */
#define XLSX_TEMP_NAME "pk2d-xlsx"

struct book {
	const report_view *v;
	lxw_workbook *wb;
	lxw_format *head, *num1, *num2, *int0, *good, *warn, *bad, *title;
	int failed;
};

/* Characters an Excel cell holds; a longer text is cut, and says so. */
#define CELL_MAX 32767
#define CELL_CUT " [... cut: Excel's cell holds 32,767 characters]"

static void str(struct book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s,
                lxw_format *fmt)
{
	char *safe = esc_cell_text(s ? s : "");

	if (!safe) {
		b->failed = 1;
		return;
	}
	if (strlen(safe) > CELL_MAX) {
		/* Bytes bound characters from above. */
		size_t at = utf8_cut(safe, strlen(safe), CELL_MAX - sizeof CELL_CUT);

		memcpy(safe + at, CELL_CUT, sizeof CELL_CUT);
	}
	if (*safe)
		worksheet_write_string(ws, r, c, safe, fmt);
	else if (fmt)
		worksheet_write_blank(ws, r, c, fmt);
	free(safe);
}

static void num(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, double x, lxw_format *fmt)
{
	if (!isnan(x))
		worksheet_write_number(ws, r, c, x, fmt);
}

static void header(struct book *b, lxw_worksheet *ws, lxw_row_t r, size_t n, const int *keys)
{
	for (size_t i = 0; i < n; i++)
		worksheet_write_string(ws, r, (lxw_col_t)i, rv_t(b->v, keys[i]), b->head);
}

/* "A1"-style reference of a cell (columns up to ZZ). */
static void ref(char out[16], lxw_row_t r, lxw_col_t c)
{
	if (c < 26)
		snprintf(out, 16, "%c%u", 'A' + c, (unsigned)r + 1);
	else
		snprintf(out, 16, "%c%c%u", 'A' + c / 26 - 1, 'A' + c % 26, (unsigned)r + 1);
}

/* =IF(den>0,100*num/den,"") with its result cached. */
static void percent_formula(struct book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
                            lxw_col_t num_col, lxw_col_t den_col, double cached)
{
	char n[16], d[16], formula[96];

	ref(n, r, num_col);
	ref(d, r, den_col);
	snprintf(formula, sizeof formula, "=IF(%s>0,100*%s/%s,\"\")", d, n, d);
	if (isnan(cached))
		worksheet_write_formula_str(ws, r, c, formula, b->num1, "");
	else
		worksheet_write_formula_num(ws, r, c, formula, b->num1, cached);
}

static lxw_format *status_fmt(struct book *b, int status)
{
	switch (status) {
	case ASSESS_GOOD: return b->good;
	case ASSESS_OFF_TARGET: return b->warn;
	case ASSESS_ATTENTION: return b->bad;
	default: return NULL;
	}
}

/* A count is a whole number, a mean has 2 decimals, a percentage 1. */
static lxw_format *value_fmt(struct book *b, const reg_indicator *d)
{
	return d->kind == PK2D_COUNT ? b->int0 : d->kind == PK2D_MEAN ? b->num2 : b->num1;
}

static void summary_sheet(struct book *b)
{
	static const int k[] = { T_CODE, T_NAME, T_LEVEL, T_KK, T_IKK_SHORT, T_CATEGORY };
	const assessment *as = b->v->as;
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, rv_t(b->v, T_SUMMARY));
	lxw_row_t r = 1;
	lxw_col_t rank = (lxw_col_t)(6 + b->v->n_headlines);
	char label[512];

	header(b, ws, 0, 6, k);
	for (size_t h = 0; h < b->v->n_headlines; h++)
		str(b, ws, 0, (lxw_col_t)(6 + h),
		    report_view_headline_label(b->v, b->v->headlines[h], label, sizeof label), b->head);
	str(b, ws, 0, rank, rv_t(b->v, T_RANK), b->head);
	worksheet_set_column(ws, 0, 0, 16, NULL);
	worksheet_set_column(ws, 1, 2, 24, NULL);
	worksheet_set_column(ws, 5, 5, 48, NULL);
	worksheet_freeze_panes(ws, 1, 0);
	for (size_t i = 0; i < as->n_summary; i++, r++) {
		const assess_summary *s = &as->summary[i];

		str(b, ws, r, 0, s->code, NULL);
		str(b, ws, r, 1, s->name, NULL);
		str(b, ws, r, 2, i18n_area_word(b->v->lang, s->code), NULL);
		num(ws, r, 3, s->kk, b->int0);
		num(ws, r, 4, s->ikk, b->num2);
		if (s->category)
			str(b, ws, r, 5, i18n_pick(b->v->lang, s->category->label_id,
			                           s->category->label_en), NULL);
		for (size_t h = 0; h < b->v->n_headlines; h++)
			num(ws, r, (lxw_col_t)(6 + h), report_view_headline(b->v, b->v->headlines[h],
			                                                  s->code),
			    value_fmt(b, b->v->headlines[h]));
		if (s->rank)
			num(ws, r, rank, (double)s->rank, b->int0);
	}
}

static void profile_sheet(struct book *b, const assess_area *aa)
{
	const assess_profile *p = &aa->profile;
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, rv_t(b->v, T_PROFILE));
	lxw_row_t r = 0;

	worksheet_set_column(ws, 0, 0, 26, NULL);
	worksheet_set_column(ws, 1, 2, 34, NULL);
	str(b, ws, r++, 0, rv_t(b->v, T_TITLE), b->title);
	for (size_t i = 0; i < p->n_up; i++, r++) {
		str(b, ws, r, 0, i18n_level(b->v->lang, p->up[i].level), b->head);
		str(b, ws, r, 1, p->up[i].code, NULL);
		str(b, ws, r, 2, p->up[i].name, NULL);
	}
	str(b, ws, r, 0, rv_t(b->v, T_PERIOD), b->head);
	str(b, ws, r++, 1, b->v->period, NULL);
	str(b, ws, r, 0, rv_t(b->v, T_N_VILLAGES), b->head);
	num(ws, r++, 1, (double)p->n_villages, b->int0);
	str(b, ws, r, 0, rv_t(b->v, T_N_RT), b->head);
	num(ws, r++, 1, (double)p->n_rt, b->int0);
	str(b, ws, r, 0, rv_t(b->v, T_KK), b->head);
	num(ws, r++, 1, p->kk, b->int0);
	str(b, ws, r, 0, rv_t(b->v, T_MALE), b->head);
	num(ws, r++, 1, p->male, b->int0);
	str(b, ws, r, 0, rv_t(b->v, T_FEMALE), b->head);
	num(ws, r++, 1, p->female, b->int0);
	str(b, ws, r, 0, rv_t(b->v, T_AGENCIES), b->head);
	for (size_t i = 0; i < p->n_agencies; i++)
		str(b, ws, r++, 1, p->agencies[i], NULL);
	if (b->v->note && *b->v->note) {
		r++;
		str(b, ws, r, 0, rv_t(b->v, T_NOTE), b->head);
		str(b, ws, r, 1, b->v->note, NULL);
	}
}

static void ikk_sheet(struct book *b, const assess_area *aa)
{
	static const int kd[] = { T_DIMENSION, T_VALUE, T_INDICATORS };
	static const int ki[] = { T_CODE, T_INDICATOR, T_DIMENSION, T_NUMERATOR, T_DENOMINATOR,
	                          T_VALUE, T_SCORE, T_STATUS };
	const assess_score *s = &aa->score;
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, rv_t(b->v, T_IKK_SHORT));
	lxw_row_t r = 0;

	worksheet_set_column(ws, 0, 0, 12, NULL);
	worksheet_set_column(ws, 1, 2, 40, NULL);
	worksheet_set_column(ws, 3, 7, 13, NULL);
	str(b, ws, r, 0, rv_t(b->v, T_IKK), b->head);
	num(ws, r, 1, s->ikk, b->num2);
	if (s->category)
		str(b, ws, r, 2, i18n_pick(b->v->lang, s->category->label_id, s->category->label_en),
		    NULL);
	r += 2;
	header(b, ws, r++, 3, kd);
	for (size_t d = 0; d < s->n_dimensions; d++, r++) {
		str(b, ws, r, 0, i18n_pick(b->v->lang, s->dimensions[d].model->label_id,
		                           s->dimensions[d].model->label_en), NULL);
		num(ws, r, 1, s->dimensions[d].value, b->num2);
		num(ws, r, 2, (double)s->dimensions[d].n_available, b->int0);
	}
	r++;
	header(b, ws, r++, 8, ki);
	for (size_t d = 0; d < s->n_dimensions; d++)
		for (size_t i = 0; i < s->dimensions[d].model->n_indicators; i++, r++) {
			const assess_indicator *ai = &s->dimensions[d].indicators[i];
			int nodata = ai->status == ASSESS_NO_DATA;

			str(b, ws, r, 0, ai->model->code, NULL);
			str(b, ws, r, 1, report_view_ind_label(b->v, ai), NULL);
			str(b, ws, r, 2, i18n_pick(b->v->lang, s->dimensions[d].model->label_id,
			                           s->dimensions[d].model->label_en), NULL);
			if (!nodata) {
				num(ws, r, 3, ai->num, NULL);
				num(ws, r, 4, ai->den, NULL);
				percent_formula(b, ws, r, 5, 3, 4, ai->value);
			}
			num(ws, r, 6, ai->score, b->num1);
			str(b, ws, r, 7, report_view_ind_status(b->v, ai), status_fmt(b, ai->status));
		}
}

static void parts_sheet(struct book *b, const assess_area *aa)
{
	const assess_score *s = &aa->score;
	lxw_worksheet *ws;
	lxw_col_t c = 2;

	if (!aa->n_parts)
		return;
	ws = workbook_add_worksheet(b->wb, aa->level == AREA_VILLAGE ? rv_t(b->v, T_RT_BREAKDOWN)
	                                                            : rv_t(b->v, T_ROLLUP));
	worksheet_freeze_panes(ws, 1, 1);
	worksheet_write_string(ws, 0, 0, aa->level == AREA_VILLAGE ? rv_t(b->v, T_RT) : rv_t(b->v, T_CODE),
	                       b->head);
	worksheet_write_string(ws, 0, 1, rv_t(b->v, T_IKK_SHORT), b->head);
	for (size_t d = 0; d < s->n_dimensions; d++)
		for (size_t i = 0; i < s->dimensions[d].model->n_indicators; i++)
			str(b, ws, 0, c++, s->dimensions[d].model->indicators[i].code, b->head);
	for (size_t p = 0; p < aa->n_parts; p++) {
		const assess_score *ps = &aa->parts[p];
		lxw_row_t r = (lxw_row_t)p + 1;

		if (ps->rt >= 0)
			num(ws, r, 0, ps->rt, NULL);
		else
			str(b, ws, r, 0, ps->area, NULL);
		num(ws, r, 1, ps->ikk, b->num2);
		c = 2;
		for (size_t d = 0; d < ps->n_dimensions; d++)
			for (size_t i = 0; i < ps->dimensions[d].model->n_indicators; i++) {
				const assess_indicator *ai = &ps->dimensions[d].indicators[i];

				num(ws, r, c++, ai->score, status_fmt(b, ai->status) ?
				    status_fmt(b, ai->status) : b->num1);
			}
	}
}

static void agency_sheets(struct book *b, const assess_area *aa)
{
	static const int kr[] = { T_AGENCY, T_NO, T_INDICATOR, T_UNIT, T_TARGET, T_REALISATION,
	                          T_CAPAIAN, T_CATEGORY, T_TARGET_STATE, T_TARGET_YEAR, T_CLASS };
	static const int ka[] = { T_AGENCY, T_INTERVENTION, T_TARGET_GROUP, T_UNIT, T_TARGET,
	                          T_REALISATION, T_COVERAGE, T_BUDGET };
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, rv_t(b->v, T_AGENCY_SECTION));
	lxw_worksheet *wi = workbook_add_worksheet(b->wb, rv_t(b->v, T_INTERVENTIONS));
	lxw_row_t r = 1, ri = 1;

	header(b, ws, 0, 11, kr);
	header(b, wi, 0, 8, ka);
	worksheet_set_column(ws, 0, 0, 22, NULL);
	worksheet_set_column(ws, 2, 2, 44, NULL);
	worksheet_set_column(wi, 0, 2, 30, NULL);
	worksheet_freeze_panes(ws, 1, 0);
	worksheet_freeze_panes(wi, 1, 0);
	for (size_t g = 0; g < aa->n_agencies; g++) {
		const assess_agency *ag = &aa->agencies[g];
		size_t n;
		present_line *lines = present_agency(b->v->reg, ag, &n);

		for (size_t i = 0; i < n; i++) {
			const assess_row *row = lines[i].row;
			const reg_class *cls;

			str(b, ws, r, 0, ag->agency, NULL);
			if (!row) {
				str(b, ws, r++, 2, i18n_pick(b->v->lang, lines[i].group->label_id,
				                             lines[i].group->label_en), b->head);
				continue;
			}
			num(ws, r, 1, (double)lines[i].no, NULL);
			str(b, ws, r, 2, i18n_pick(b->v->lang, row->decl->label_id,
			                           row->decl->label_en), NULL);
			str(b, ws, r, 3, row->decl->unit, NULL);
			lxw_format *vf = value_fmt(b, row->decl);

			if (row->has_target)
				num(ws, r, 4, row->target, vf);
			num(ws, r, 5, row->value, vf);
			num(ws, r, 6, row->capaian, b->num1);
			if (row->category)
				str(b, ws, r, 7, i18n_pick(b->v->lang, row->category->label_id,
				                           row->category->label_en),
				    status_fmt(b, row->colour));
			if (row->has_value && row->has_target)
				str(b, ws, r, 8, report_view_target_state(b->v, row), NULL);
			if (row->target_year)
				num(ws, r, 9, row->target_year, NULL);
			if ((cls = present_class(b->v->reg, row->decl, row->has_value ? row->value : NAN)))
				str(b, ws, r, 10, i18n_pick(b->v->lang, cls->label_id, cls->label_en), NULL);
			r++;
		}
		free(lines);
		for (size_t i = 0; i < ag->n_actions; i++, ri++) {
			const assess_action *a = &ag->actions[i];

			str(b, wi, ri, 0, ag->agency, NULL);
			str(b, wi, ri, 1, i18n_pick(b->v->lang, a->decl->label_id, a->decl->label_en),
			    NULL);
			str(b, wi, ri, 2, a->decl->target_group, NULL);
			str(b, wi, ri, 3, a->decl->unit, NULL);
			if (!a->has_data)
				continue;
			num(wi, ri, 4, a->target, NULL);
			num(wi, ri, 5, a->realised, NULL);
			percent_formula(b, wi, ri, 6, 5, 4, a->coverage);
			if (a->budget > 0)
				num(wi, ri, 7, a->budget, b->int0);
		}
	}
}

/* "RT 1 (52,4); RT 2 (34,6)": the worst places in one cell. */
static void worst_text(const struct book *b, const assess_place *w, size_t n, char *out,
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
static void steps_text(const struct book *b, const assess_step *st, size_t n, char *out,
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

static void problem_sheets(struct book *b, const assess_area *aa)
{
	static const int kp[] = { T_NO, T_CODE, T_INDICATOR, T_DIMENSION, T_VALUE, T_GAP,
	                          T_AFFECTED, T_WORST };
	static const int kf[] = { T_CODE, T_PROBLEMS, T_INTERVENTION, T_RESPONSIBLE, T_TARGET,
	                          T_REALISATION, T_COVERAGE };
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, rv_t(b->v, T_PROBLEMS));
	lxw_worksheet *wf = workbook_add_worksheet(b->wb, rv_t(b->v, T_FOLLOWUP));
	lxw_row_t r = 1, rf = 1;

	header(b, ws, 0, 8, kp);
	header(b, wf, 0, 7, kf);
	worksheet_set_column(ws, 2, 3, 36, NULL);
	worksheet_set_column(ws, 7, 7, 40, NULL);
	worksheet_set_column(wf, 1, 3, 36, NULL);
	for (size_t i = 0; i < aa->n_problems; i++, r++) {
		const assess_problem *p = &aa->problems[i];
		char worst[512];

		worst_text(b, p->worst, p->n_worst, worst, sizeof worst);
		num(ws, r, 0, (double)(i + 1), NULL);
		str(b, ws, r, 1, p->indicator->model->code, NULL);
		str(b, ws, r, 2, report_view_ind_label(b->v, p->indicator), NULL);
		str(b, ws, r, 3, i18n_pick(b->v->lang, p->dimension->model->label_id,
		                           p->dimension->model->label_en), NULL);
		num(ws, r, 4, p->indicator->value, b->num1);
		num(ws, r, 5, report_problem_gap(p), b->num1);
		num(ws, r, 6, p->affected, NULL);
		str(b, ws, r, 7, worst, NULL);
		if (!p->n_actions) {
			str(b, wf, rf, 0, p->indicator->model->code, NULL);
			str(b, wf, rf, 1, report_view_ind_label(b->v, p->indicator), NULL);
			str(b, wf, rf++, 2, rv_t(b->v, T_NO_INTERVENTION), b->bad);
		}
		for (size_t k = 0; k < p->n_actions; k++, rf++) {
			const assess_action *a = &p->actions[k];

			str(b, wf, rf, 0, p->indicator->model->code, NULL);
			str(b, wf, rf, 1, report_view_ind_label(b->v, p->indicator), NULL);
			str(b, wf, rf, 2, i18n_pick(b->v->lang, a->decl->label_id, a->decl->label_en),
			    NULL);
			str(b, wf, rf, 3, a->decl->agency, NULL);
			if (a->has_data) {
				num(wf, rf, 4, a->target, NULL);
				num(wf, rf, 5, a->realised, NULL);
				percent_formula(b, wf, rf, 6, 5, 4, a->coverage);
			}
		}
	}
	for (size_t i = 0; i < aa->n_agency_problems; i++) {
		const assess_agency_problem *p = &aa->agency_problems[i];
		const char *label = i18n_pick(b->v->lang, p->row->decl->label_id,
		                              p->row->decl->label_en);

		if (!p->n_actions) {
			str(b, wf, rf, 1, label, NULL);
			str(b, wf, rf++, 2, rv_t(b->v, T_NO_INTERVENTION), b->bad);
		}
		for (size_t k = 0; k < p->n_actions; k++, rf++) {
			const assess_action *a = &p->actions[k];

			str(b, wf, rf, 1, label, NULL);
			str(b, wf, rf, 2, i18n_pick(b->v->lang, a->decl->label_id, a->decl->label_en),
			    NULL);
			str(b, wf, rf, 3, a->decl->agency, NULL);
			if (a->has_data) {
				num(wf, rf, 4, a->target, NULL);
				num(wf, rf, 5, a->realised, NULL);
				percent_formula(b, wf, rf, 6, 5, 4, a->coverage);
			}
		}
	}
}

static void agency_problem_sheet(struct book *b, const assess_area *aa)
{
	static const int k[] = { T_NO, T_INDICATOR, T_AGENCY, T_REALISATION, T_TARGET,
	                         T_TARGET_YEAR, T_RELATIVE_GAP, T_CAPAIAN, T_CATEGORY, T_WORST };
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, rv_t(b->v, T_AGENCY_PROBLEMS_SHEET));

	str(b, ws, 0, 0, rv_t(b->v, T_RANK_AGENCY), NULL);
	header(b, ws, 1, 10, k);
	worksheet_set_column(ws, 1, 2, 36, NULL);
	worksheet_set_column(ws, 9, 9, 40, NULL);
	for (size_t i = 0; i < aa->n_agency_problems; i++) {
		const assess_agency_problem *p = &aa->agency_problems[i];
		const assess_row *row = p->row;
		lxw_row_t r = (lxw_row_t)(i + 2);
		char worst[512];

		worst_text(b, p->worst, p->n_worst, worst, sizeof worst);
		num(ws, r, 0, (double)(aa->n_problems + i + 1), NULL);
		str(b, ws, r, 1, i18n_pick(b->v->lang, row->decl->label_id, row->decl->label_en), NULL);
		str(b, ws, r, 2, p->agency, NULL);
		num(ws, r, 3, row->value, b->num1);
		num(ws, r, 4, row->target, b->num1);
		if (row->target_year)
			num(ws, r, 5, row->target_year, NULL);
		num(ws, r, 6, p->relative_gap, b->num1);
		num(ws, r, 7, row->capaian, b->num1);
		if (row->category)
			str(b, ws, r, 8, i18n_pick(b->v->lang, row->category->label_id,
			                           row->category->label_en), status_fmt(b, row->colour));
		str(b, ws, r, 9, worst, NULL);
	}
}

static void planner_sheet(struct book *b, const assess_area *aa)
{
	static const int k[] = { T_NO, T_INDICATOR, T_TO_CHANGE, T_WHERE };
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, rv_t(b->v, T_PLANNER));
	const assess_ikk_plan *pl = aa->ikk_plan;
	lxw_row_t r = 1;
	char where[1024];

	worksheet_set_column(ws, 1, 1, 44, NULL);
	worksheet_set_column(ws, 3, 3, 60, NULL);
	str(b, ws, 0, 0, rv_t(b->v, T_PLANNER_NOTE), NULL);
	if (pl) {
		str(b, ws, r, 1, rv_t(b->v, T_NEXT_CATEGORY), b->head);
		if (pl->next)
			str(b, ws, r, 2, i18n_pick(b->v->lang, pl->next->label_id, pl->next->label_en),
			    NULL);
		else
			str(b, ws, r, 2, rv_t(b->v, T_TOP_CATEGORY), NULL);
		r++;
		if (pl->next) {
			str(b, ws, r, 1, rv_t(b->v, T_CHANGES), b->head);
			if (isnan(pl->changes))
				str(b, ws, r, 2, rv_t(b->v, T_OUT_OF_REACH), NULL);
			else
				num(ws, r, 2, pl->changes, NULL);
			r++;
		}
		str(b, ws, r, 1, rv_t(b->v, T_IKK_AT_LINES), b->head);
		num(ws, r++, 2, pl->ikk_at_lines, b->num2);
	}
	header(b, ws, ++r, 4, k);
	r++;
	for (size_t i = 0; i < aa->n_problems; i++, r++) {
		const assess_problem *p = &aa->problems[i];

		steps_text(b, p->steps, p->n_steps, where, sizeof where);
		num(ws, r, 0, (double)(i + 1), NULL);
		str(b, ws, r, 1, report_view_ind_label(b->v, p->indicator), NULL);
		num(ws, r, 2, p->to_change, NULL);
		str(b, ws, r, 3, where, NULL);
	}
	for (size_t i = 0; i < aa->n_agency_problems; i++, r++) {
		const assess_agency_problem *p = &aa->agency_problems[i];

		steps_text(b, p->steps, p->n_steps, where, sizeof where);
		num(ws, r, 0, (double)(aa->n_problems + i + 1), NULL);
		str(b, ws, r, 1, i18n_pick(b->v->lang, p->row->decl->label_id,
		                           p->row->decl->label_en), NULL);
		if (isnan(p->to_change))
			str(b, ws, r, 2, rv_t(b->v, T_NOT_A_MEAN), NULL);
		else
			num(ws, r, 2, p->to_change, NULL);
		str(b, ws, r, 3, where, NULL);
	}
}

static void trend_sheet(struct book *b, const trend *t)
{
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, rv_t(b->v, T_TREND));
	lxw_row_t r = 1;

	worksheet_set_column(ws, 0, 0, 44, NULL);
	if (!b->v->store_on || !*t->prev_period) {
		str(b, ws, 0, 0, b->v->store_on ? rv_t(b->v, T_NO_HISTORY) : rv_t(b->v, T_NO_STORE), NULL);
		r = 2;
	} else {
		worksheet_write_string(ws, 0, 0, rv_t(b->v, T_INDICATOR), b->head);
		str(b, ws, 0, 1, t->prev_period, b->head);
		str(b, ws, 0, 2, t->period, b->head);
		worksheet_write_string(ws, 0, 3, rv_t(b->v, T_CHANGE), b->head);
		for (size_t i = 0; i < t->n_dims; i++, r++) {
			const trend_dim *d = &t->dims[i];

			str(b, ws, r, 0, d->model ? i18n_pick(b->v->lang, d->model->label_id,
			                                      d->model->label_en) : rv_t(b->v, T_IKK_SHORT),
			    d->model ? NULL : b->head);
			num(ws, r, 1, d->prev, b->num2);
			num(ws, r, 2, d->cur, b->num2);
			num(ws, r, 3, d->cur - d->prev, b->num2);
		}
		for (size_t i = 0; i < t->n_rows; i++, r++) {
			const trend_row *row = &t->rows[i];

			str(b, ws, r, 0, i18n_pick(b->v->lang, row->decl->label_id, row->decl->label_en),
			    NULL);
			num(ws, r, 1, row->prev, b->num1);
			num(ws, r, 2, row->cur, b->num1);
			num(ws, r, 3, row->cur - row->prev, row->change == TREND_BETTER ? b->good :
			    row->change == TREND_WORSE ? b->bad : b->num1);
		}
		r++;
	}
	if (!t->n_progress)
		return;
	{
		static const int k[] = { T_INTERVENTION, T_PERIOD, T_TARGET, T_REALISATION,
		                         T_COVERAGE };

		header(b, ws, r++, 5, k);
		for (size_t i = 0; i < t->n_progress; i++)
			for (size_t j = 0; j < t->progress[i].n; j++, r++) {
				const store_ipoint *p = &t->progress[i].points[j];

				str(b, ws, r, 0, i18n_pick(b->v->lang, t->progress[i].decl->label_id,
				                           t->progress[i].decl->label_en), NULL);
				str(b, ws, r, 1, p->period, NULL);
				num(ws, r, 2, p->target, NULL);
				num(ws, r, 3, p->realised, NULL);
				percent_formula(b, ws, r, 4, 3, 2, report_coverage(p->target, p->realised));
			}
	}
}

static void quality_sheet(struct book *b)
{
	static const int kr[] = { T_PLUGIN, T_AGENCY, T_STATUS, T_REASON, T_VALUES, T_REFUSED,
	                          T_SECONDS };
	static const int kf[] = { T_PLUGIN, T_FILE, T_ROWS, T_REJECTED, T_NOTED, T_PROBLEM_KIND,
	                          T_COUNT, T_LINES };
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, rv_t(b->v, T_DATA_QUALITY));
	const report_view *v = b->v;
	lxw_row_t r = 1;

	worksheet_set_column(ws, 0, 1, 30, NULL);
	worksheet_set_column(ws, 3, 3, 40, NULL);
	header(b, ws, 0, 7, kr);
	for (size_t i = 0; i < v->n_runs; i++, r++) {
		const plugin_run *p = &v->runs[i];

		str(b, ws, r, 0, p->instance, NULL);
		str(b, ws, r, 1, p->agency, NULL);
		str(b, ws, r, 2, i18n_state(v->lang, p->state), p->state == RUN_OK ? b->good :
		    p->state == RUN_DISABLED ? NULL : b->bad);
		str(b, ws, r, 3, p->reason, NULL);
		num(ws, r, 4, (double)p->values, NULL);
		num(ws, r, 5, (double)p->refused, NULL);
		num(ws, r, 6, p->seconds, b->num2);
	}
	r++;
	header(b, ws, r++, 8, kf);
	for (size_t i = 0; i < v->n_runs; i++)
		for (size_t k = 0; k < v->runs[i].n_files; k++) {
			const csv_stats *st = v->runs[i].files[k];

			str(b, ws, r, 0, v->runs[i].instance, NULL);
			str(b, ws, r, 1, st->path, NULL);
			num(ws, r, 2, (double)st->records, NULL);
			num(ws, r, 3, (double)st->rejected, NULL);
			num(ws, r, 4, (double)st->noted, NULL);
			r++;
			for (size_t p = 0; p < st->n_problems; p++, r++) {
				char lines[256] = "";
				size_t off = 0;

				for (int e = 0; e < st->problems[p].n_examples && off < sizeof lines; e++)
					off += (size_t)snprintf(lines + off, sizeof lines - off, "%s%ld",
					                        e ? ", " : "", st->problems[p].example_line[e]);
				str(b, ws, r, 5, st->problems[p].kind, NULL);
				num(ws, r, 6, (double)st->problems[p].count, NULL);
				str(b, ws, r, 7, lines, NULL);
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
	struct book *b;
	lxw_worksheet *ws;
	lxw_row_t r;
	int part;                 /* 1 for "Data", 2 for "Data 2", ... */
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
 * columns where the table comes from or goes on. */
static void data_part(struct data_ctx *c)
{
	char name[32];

	data_sheet_name(c->part, name);
	c->ws = workbook_add_worksheet(c->b->wb, name);
	for (size_t i = 0; i < N_DATA_COLS; i++)
		worksheet_write_string(c->ws, 0, (lxw_col_t)i, data_cols[i], c->b->head);
	worksheet_set_column(c->ws, 1, 2, 18, NULL);
	worksheet_set_column(c->ws, 5, 6, 30, NULL);
	worksheet_freeze_panes(c->ws, 1, 0);
	if (c->part > 1) {
		char text[128];

		data_sheet_name(c->part - 1, name);
		snprintf(text, sizeof text, c->b->v->lang == LANG_EN ? "continued from sheet '%s'"
		         : "lanjutan dari lembar '%s'", name);
		worksheet_write_string(c->ws, 0, N_DATA_COLS, text, NULL);
	}
	c->r = 0;
}

/* The next data row: a sheet that is full (row_limit rows) says where the
 * table goes on, and the table continues on the next part. */
static void data_next_row(struct data_ctx *c)
{
	if (c->r + 1 >= row_limit) {
		char name[32], text[128];

		data_sheet_name(c->part + 1, name);
		snprintf(text, sizeof text, c->b->v->lang == LANG_EN
		         ? "the sheet is full: the table continues on sheet '%s'"
		         : "lembar penuh: tabel berlanjut di lembar '%s'", name);
		worksheet_write_string(c->ws, 0, N_DATA_COLS, text, NULL);
		c->part++;
		data_part(c);
	}
	c->r++;
}

static void data_lead(struct data_ctx *c, const char *kind, const char *area, int rt,
                      const char *period, const char *id, const char *label,
                      const char *agency, const char *unit)
{
	const areas *names = c->b->v->as->areas;

	str(c->b, c->ws, c->r, 0, kind, NULL);
	str(c->b, c->ws, c->r, 1, area, NULL);
	str(c->b, c->ws, c->r, 2, names ? areas_name(names, area) : NULL, NULL);
	if (rt >= 0)
		num(c->ws, c->r, 3, rt, NULL);
	str(c->b, c->ws, c->r, 4, period, NULL);
	str(c->b, c->ws, c->r, 5, id, NULL);
	str(c->b, c->ws, c->r, 6, label, NULL);
	str(c->b, c->ws, c->r, 7, agency, NULL);
	str(c->b, c->ws, c->r, 8, unit, NULL);
}

static int data_value(void *ud, const reg_indicator *d, const char *area, int rt,
                      const char *period, const reg_sum *s)
{
	struct data_ctx *c = ud;
	double value = reg_value(d, s), target;
	int status = report_view_status(c->b->v, d, value, &target);

	data_next_row(c);
	data_lead(c, "indicator", area, rt, period, d->full_id,
	          i18n_pick(c->b->v->lang, d->label_id, d->label_en), d->agency, d->unit);
	num(c->ws, c->r, 9, s->num, NULL);
	num(c->ws, c->r, 10, s->den, NULL);
	num(c->ws, c->r, 11, value, c->b->num1);
	num(c->ws, c->r, 12, target, NULL);
	str(c->b, c->ws, c->r, 13, report_status_key(status), status_fmt(c->b, status));
	return c->b->failed ? PK2D_ERR_NOMEM : 0;
}

static int data_intervention(void *ud, const reg_intervention *d, const char *area, int rt,
                             const char *period, const reg_isum *s)
{
	struct data_ctx *c = ud;

	data_next_row(c);
	data_lead(c, "intervention", area, rt, period, d->full_id,
	          i18n_pick(c->b->v->lang, d->label_id, d->label_en), d->agency, d->unit);
	num(c->ws, c->r, 9, s->realised, NULL);
	num(c->ws, c->r, 10, s->target, NULL);
	percent_formula(c->b, c->ws, c->r, 11, 9, 10,
	                report_coverage(s->target, s->realised));
	return c->b->failed ? PK2D_ERR_NOMEM : 0;
}

/* The long format of report_csv.c, with the same columns, on as many
 * sheets as it takes ("Data", "Data 2", ...; each full sheet says where the
 * table goes on). */
static int data_sheet(struct book *b)
{
	struct data_ctx c = { .b = b, .part = 1 };
	int rc;

	data_part(&c);
	if ((rc = report_view_each_value(b->v, data_value, &c)) < 0)
		return rc;
	return report_view_each_intervention(b->v, data_intervention, &c);
}

/* The declared tables (present.h) of the run area and, in a wider run, of
 * each village: per table its title, a header, then its rows for each area
 * where it has a value. No sheet without a table shown anywhere. */
static void tables_sheet(struct book *b)
{
	static const int k[] = { T_CODE, T_NAME };
	const report_view *v = b->v;
	size_t n = 1 + v->n_villages;
	lxw_worksheet *ws = NULL;
	lxw_row_t r = 0;

	for (size_t t = 0; t < registry_n_tables(v->reg); t++) {
		const reg_table *tb = registry_table_at(v->reg, t);
		int started = 0;

		for (size_t i = 0; i < n; i++) {
			const assess_area *aa = i ? v->villages[i - 1].aa : v->main.aa;

			if (!present_table_shown(v->reg, tb, tb->agency, aa->code, v->period))
				continue;
			if (!ws) {
				ws = workbook_add_worksheet(b->wb, rv_t(v, T_TABLES_SHEET));
				worksheet_set_column(ws, 0, 1, 18, NULL);
				worksheet_set_column(ws, 2, 2, 30, NULL);
				worksheet_set_column(ws, 3, 3 + PK2D_TABLE_MAX, 13, NULL);
			}
			if (!started) {
				started = 1;
				if (r)
					r++;
				str(b, ws, r++, 0, i18n_pick(v->lang, tb->title_id, tb->title_en), b->title);
				header(b, ws, r, 2, k);
				str(b, ws, r, 2, i18n_pick(v->lang, tb->rows_label_id, tb->rows_label_en),
				    b->head);
				for (size_t c = 0; c < tb->n_cols; c++)
					str(b, ws, r, (lxw_col_t)(3 + c),
					    i18n_pick(v->lang, tb->cols[c].label_id, tb->cols[c].label_en),
					    b->head);
				r++;
			}
			for (size_t row = 0; row < tb->n_rows; row++, r++) {
				str(b, ws, r, 0, aa->code, NULL);
				str(b, ws, r, 1, aa->name, NULL);
				str(b, ws, r, 2, i18n_pick(v->lang, tb->rows[row].label_id,
				                           tb->rows[row].label_en), NULL);
				for (size_t c = 0; c < tb->n_cols; c++)
					num(ws, r, (lxw_col_t)(3 + c),
					    reg_table_cell_value(v->reg, tb, row, c, aa->code, v->period),
					    tb->cols[c].decimals == 0 ? b->int0
					    : tb->cols[c].decimals == 1 ? b->num1 : b->num2);
			}
		}
		if (started && *tb->note_id)
			str(b, ws, r++, 0, i18n_pick(v->lang, tb->note_id, tb->note_en), NULL);
	}
}

/* The first sheet when the run did not use every row: its failure, then
 * every file's rows by class. */
static void unused_sheet(struct book *b)
{
	static const int kf[] = { T_PLUGIN, T_FILE, T_ROWS, T_USED };
	const unused_ctx *u = &b->v->unused;
	lxw_worksheet *ws;
	lxw_row_t r = 0;
	char buf[2048];

	if (!unused_any(u->acct))
		return;
	ws = workbook_add_worksheet(b->wb, rv_t(b->v, T_UNUSED_SHEET));
	worksheet_set_column(ws, 0, 0, 16, NULL);
	worksheet_set_column(ws, 1, 1, 48, NULL);
	worksheet_set_column(ws, 2, 10, 14, NULL);
	if (u->acct->n_failed) {
		str(b, ws, r++, 0, rv_t(b->v, T_RUN_FAILS), b->bad);
		for (size_t i = 0; i < u->acct->n; i++)
			if (u->acct->files[i].failure != ACCT_FINE)
				str(b, ws, r++, 0, unused_failure(u, &u->acct->files[i], buf, sizeof buf),
				    NULL);
		r++;
	}
	str(b, ws, r, 0, rv_t(b->v, T_UNUSED_ROWS), b->title);
	str(b, ws, r++, 1, unused_headline(u, buf, sizeof buf), NULL);
	header(b, ws, r, 4, kf);
	for (int cls = 0; cls < ACCT_N_CLASSES; cls++)
		str(b, ws, r, (lxw_col_t)(4 + cls), unused_class(b->v->lang, cls), b->head);
	str(b, ws, r++, 4 + ACCT_N_CLASSES, b->v->lang == LANG_EN ? "rejected share (%)"
	    : "porsi ditolak (%)", b->head);
	for (size_t i = 0; i < u->acct->n; i++, r++) {
		const acct_file *f = &u->acct->files[i];

		str(b, ws, r, 0, f->instance, NULL);
		str(b, ws, r, 1, f->st->path, NULL);
		num(ws, r, 2, (double)f->st->records, b->int0);
		num(ws, r, 3, (double)f->used, b->int0);
		for (int cls = 0; cls < ACCT_N_CLASSES; cls++)
			num(ws, r, (lxw_col_t)(4 + cls), (double)f->rows[cls], b->int0);
		num(ws, r, 4 + ACCT_N_CLASSES, f->share,
		    f->failure == ACCT_TOO_MANY_REJECTED ? b->bad : b->num1);
	}
}

static lxw_format *fill(lxw_workbook *wb, lxw_color_t bg, lxw_color_t fg)
{
	lxw_format *f = workbook_add_format(wb);

	format_set_bg_color(f, bg);
	format_set_font_color(f, fg);
	format_set_num_format(f, "0.0");
	return f;
}

static int build(struct book *b)
{
	const report_view *v = b->v;

	b->head = workbook_add_format(b->wb);
	format_set_bold(b->head);
	format_set_bg_color(b->head, 0x0D47A1);
	format_set_font_color(b->head, 0xFFFFFF);
	format_set_border(b->head, LXW_BORDER_THIN);
	format_set_text_wrap(b->head);
	b->title = workbook_add_format(b->wb);
	format_set_bold(b->title);
	format_set_font_size(b->title, 14);
	b->num1 = workbook_add_format(b->wb);
	format_set_num_format(b->num1, "0.0");
	b->num2 = workbook_add_format(b->wb);
	format_set_num_format(b->num2, "0.00");
	b->int0 = workbook_add_format(b->wb);
	format_set_num_format(b->int0, "#,##0");
	b->good = fill(b->wb, 0xC8E6C9, 0x1B5E20);
	b->warn = fill(b->wb, 0xFFF3C4, 0x7A5A00);
	b->bad = fill(b->wb, 0xFFCDD2, 0xB71C1C);
	unused_sheet(b);
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
	quality_sheet(b);
	return data_sheet(b);
}

static int copy_file(const char *path, FILE *out)
{
	FILE *in = fopen(path, "rb");
	char buf[65536];
	size_t n;
	int rc = 0;

	if (!in)
		return PK2D_ERR_IO;
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		if (fwrite(buf, 1, n, out) != n) {
			rc = PK2D_ERR_IO;
			break;
		}
	if (ferror(in))
		rc = PK2D_ERR_IO;
	fclose(in);
	return rc;
}

int report_xlsx_write(const report_view *v, FILE *f, char *err, size_t errlen)
{
	static const char *const ours[] = { XLSX_TEMP_NAME, NULL };
	const char *env = getenv("TMPDIR");
	const char *dir = env && *env ? env : "/tmp";
	char *path;
	struct book b = { .v = v };
	lxw_workbook_options opt = { 0 };
	lxw_error lerr;
	int fd, rc;

	/* The descriptor stays open, holding the file's lock, until the
	 * workbook is copied (tempfile.h). */
	if ((fd = tempfile_create(dir, XLSX_TEMP_NAME, ours, &path)) < 0) {
		snprintf(err, errlen, "cannot create a temporary file in %s: %s", dir,
		         strerror(errno));
		return PK2D_ERR_IO;
	}
	opt.tmpdir = (char *)dir;
	if (!(b.wb = workbook_new_opt(path, &opt))) {
		snprintf(err, errlen, "%s: cannot start the workbook", path);
		rc = PK2D_ERR_IO;
		goto done;
	}
	rc = build(&b);
	if (rc == 0 && b.failed)
		rc = PK2D_ERR_NOMEM;
	lerr = workbook_close(b.wb);
	if (rc == 0 && lerr != LXW_NO_ERROR) {
		snprintf(err, errlen, "the workbook could not be written to %s: %s", path,
		         lxw_strerror(lerr));
		rc = PK2D_ERR_IO;
	} else if (rc < 0) {
		snprintf(err, errlen, "the workbook could not be built: %s",
		         rc == PK2D_ERR_NOMEM ? "out of memory" : "cannot write");
	}
	if (rc == 0)
		tempfile_test_pause("xlsx");
	if (rc == 0 && (rc = copy_file(path, f)) < 0)
		snprintf(err, errlen, "%s", strerror(errno ? errno : EIO));
done:
	unlink(path);
	tempfile_done(path);
	close(fd);
	free(path);
	return rc;
}
