/*
 * report_assess_text.c - the assessment in the text report, in the order of
 * the rakor presentation: profile, IKK and dimensions, indicators, RT
 * breakdown, household categories, agency tables, problems, follow-up plan,
 * and the summary of the areas under the run area.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agency_problems.h"
#include "assess.h"
#include "escape.h"
#include "i18n.h"
#include "present.h"
#include "report_assess.h"
#include "report_view.h"
#include "view_wide.h"

/* x with 2 decimals, right-aligned in width columns; "-" for NaN. */
static void num(const report_view *v, FILE *out, double x, int width)
{
	fprintf(out, "%*s", width, i18n_fmt(v->lang, x, 2));
}

/* A count: no decimals when whole, or "-". */
static void count(const report_view *v, FILE *out, double x)
{
	fputs(i18n_count(v->lang, x), out);
}

static const char *range_label(const report_view *v, const model_range *r)
{
	return r ? i18n_pick(v->lang, r->label_id, r->label_en) : "-";
}

static const char *ind_label(const report_view *v, const assess_indicator *ai)
{
	return ai->decl ? i18n_pick(v->lang, ai->decl->label_id, ai->decl->label_en) :
	       ai->model->ref;
}

static void heading(FILE *out, const char *text)
{
	fprintf(out, "\n== %s ==\n", text);
}

static void profile(const report_view *v, const assess_area *aa, FILE *out)
{
	const assess_profile *p = &aa->profile;

	heading(out, i18n(v->lang, T_PROFILE));
	for (size_t i = 0; i < p->n_up; i++)
		fprintf(out, "  %-19s %s %s\n", i18n_level(v->lang, p->up[i].level), p->up[i].code,
		        p->up[i].name ? p->up[i].name : "");
	fprintf(out, "  %-19s %s\n", i18n(v->lang, T_PERIOD), p->period);
	if (aa->level < AREA_VILLAGE)
		fprintf(out, "  %-19s %zu\n", i18n(v->lang, T_N_VILLAGES), p->n_villages);
	fprintf(out, "  %-19s %zu\n", i18n(v->lang, T_N_RT), p->n_rt);
	fprintf(out, "  %-19s ", i18n(v->lang, T_KK));
	count(v, out, p->kk);
	fprintf(out, "\n  %-19s ", i18n(v->lang, T_POPULATION));
	count(v, out, p->male + p->female);
	fprintf(out, " (%s ", i18n(v->lang, T_MALE_SHORT));
	count(v, out, p->male);
	fprintf(out, ", %s ", i18n(v->lang, T_FEMALE_SHORT));
	count(v, out, p->female);
	fprintf(out, ")\n  %-19s %zu", i18n(v->lang, T_AGENCIES), p->n_agencies);
	for (size_t i = 0; i < p->n_agencies; i++)
		fprintf(out, "%s%s", i ? ", " : ": ", p->agencies[i]);
	fputc('\n', out);
}

/* The dimensions and indicators that have no value, for the "IKK not
 * computed" line. */
static void missing_list(const report_view *v, const assess_score *s, FILE *out)
{
	for (size_t d = 0; d < s->n_dimensions; d++) {
		const assess_dimension *ad = &s->dimensions[d];

		if (ad->n_available)
			continue;
		fprintf(out, "    %s:", i18n_pick(v->lang, ad->model->label_id, ad->model->label_en));
		for (size_t i = 0; i < ad->model->n_indicators; i++)
			fprintf(out, " %s (%s)%s", ad->indicators[i].model->code,
			        i18n_missing(v->lang, ad->indicators[i].missing),
			        i + 1 < ad->model->n_indicators ? "," : "");
		fputc('\n', out);
	}
}

static void index_section(const report_view *v, const assessment *as, const assess_area *aa,
                          FILE *out)
{
	const model *m = as->model;
	const assess_score *s = &aa->score;

	heading(out, i18n(v->lang, T_IKK));
	fprintf(out, "  %s: %s\n", i18n(v->lang, T_MODEL),
	        i18n_pick(v->lang, m->name, m->name_en));
	fprintf(out, "  %s\n", i18n_pick(v->lang, m->statement, m->statement_en));
	if (isnan(s->ikk)) {
		fprintf(out, "  IKK %s: %zu %s\n",
		        i18n(v->lang, T_NOT_COMPUTED), s->n_missing_dimensions,
		        i18n(v->lang, T_DIMS_WITHOUT_DATA));
		missing_list(v, s, out);
	} else {
		fprintf(out, "  IKK %s  %s\n", i18n_fmt(v->lang, s->ikk, 2),
		        range_label(v, s->category));
	}
	fprintf(out, "\n  %-8s %7s  %s\n", i18n(v->lang, T_WEIGHT), i18n(v->lang, T_VALUE),
	        i18n(v->lang, T_DIMENSION));
	for (size_t d = 0; d < s->n_dimensions; d++) {
		const assess_dimension *ad = &s->dimensions[d];

		fprintf(out, "  %-8s ", i18n_short(v->lang, ad->model->weight));
		num(v, out, ad->value, 7);
		fprintf(out, "  %s (%zu/%zu %s)\n",
		        i18n_pick(v->lang, ad->model->label_id, ad->model->label_en), ad->n_available,
		        ad->model->n_indicators, i18n(v->lang, T_WITH_DATA));
	}
	fprintf(out, "\n  %s (%s %s)\n", i18n(v->lang, T_INDICATORS),
	        i18n(v->lang, T_ATTENTION_LINE), i18n_short(v->lang, m->attention));
	fprintf(out, "  %-5s %7s %10s %10s  %-22s %s\n", i18n(v->lang, T_CODE),
	        i18n(v->lang, T_VALUE), i18n(v->lang, T_NUMERATOR),
	        i18n(v->lang, T_DENOMINATOR), i18n(v->lang, T_STATUS),
	        i18n(v->lang, T_INDICATOR));
	for (size_t d = 0; d < s->n_dimensions; d++) {
		const assess_dimension *ad = &s->dimensions[d];

		for (size_t i = 0; i < ad->model->n_indicators; i++) {
			const assess_indicator *ai = &ad->indicators[i];

			fprintf(out, "  %-5s ", ai->model->code);
			num(v, out, ai->value, 7);
			if (ai->missing == ASSESS_HAS_DATA || ai->missing == ASSESS_NOT_APPLICABLE)
				fprintf(out, " %10s %10s", i18n_count(v->lang, ai->num),
				        i18n_count(v->lang, ai->den));
			else
				fprintf(out, " %10s %10s", "-", "-");
			fprintf(out, "  %-22s ", i18n_status(v->lang, ai->status));
			if (ai->decl)
				fprintf(out, "%s ", ind_label(v, ai));
			fprintf(out, "[%s]", ai->model->ref);
			if (ai->missing != ASSESS_HAS_DATA)
				fprintf(out, " (%s)", i18n_missing(v->lang, ai->missing));
			fputc('\n', out);
		}
	}
	if (aa->n_household) {
		fprintf(out, "\n  %s:", i18n(v->lang, T_HOUSEHOLD));
		for (size_t i = 0; i < aa->n_household; i++) {
			fprintf(out, "%s %s ", i ? "," : "", range_label(v, aa->household[i].range));
			num(v, out, aa->household[i].value, 0);
			fputs(" %", out);
		}
		fputc('\n', out);
	}
}

static void parts_section(const report_view *v, const assess_area *aa, FILE *out)
{
	if (!aa->n_parts)
		return;
	heading(out, aa->level == AREA_VILLAGE ? i18n(v->lang, T_IKK_BY_RT) :
	        aa->level == AREA_NATIONAL ? i18n(v->lang, T_IKK_BY_PROVINCE) :
	        i18n(v->lang, T_IKK_BY_VILLAGE));
	for (size_t d = 0; d < aa->score.n_dimensions; d++)
		fprintf(out, "  D%zu = %s\n", d + 1,
		        i18n_pick(v->lang, aa->score.dimensions[d].model->label_id,
		                     aa->score.dimensions[d].model->label_en));
	fprintf(out, "  %-16s %7s", aa->level == AREA_VILLAGE ? "RT" :
	        aa->level == AREA_NATIONAL ? i18n(v->lang, T_PROVINCE) :
	        i18n(v->lang, T_VILLAGE), "IKK");
	for (size_t d = 0; d < aa->score.n_dimensions; d++)
		fprintf(out, " %6s%zu", "D", d + 1);
	fprintf(out, "  %s\n", i18n(v->lang, T_CATEGORY));
	for (size_t k = 0; k < aa->n_parts; k++) {
		const assess_score *s = &aa->parts[k];

		if (aa->level != AREA_VILLAGE)
			fprintf(out, "  %-16s ", s->area);
		else if (s->rt > 0)
			fprintf(out, "  RT %-13d ", s->rt);
		else
			fprintf(out, "  %-16s ", i18n(v->lang, T_NO_RT));
		num(v, out, s->ikk, 7);
		for (size_t d = 0; d < s->n_dimensions; d++) {
			fputc(' ', out);
			num(v, out, s->dimensions[d].value, 7);
		}
		fprintf(out, "  %s\n", s->category ? range_label(v, s->category) :
		        i18n(v->lang, T_IKK_DATA_MISSING));
	}
}

static void actions_text(const report_view *v, const assess_agency *ag, FILE *out)
{
	fprintf(out, "  %s:\n", i18n(v->lang, T_INTERVENTIONS));
	for (size_t i = 0; i < ag->n_actions; i++) {
		const assess_action *x = &ag->actions[i];

		fprintf(out, "  %3zu %s: ", i + 1,
		        i18n_pick(v->lang, x->decl->label_id, x->decl->label_en));
		if (!x->has_data) {
			fprintf(out, "%s\n", i18n(v->lang, T_NOTHING_REPORTED));
			continue;
		}
		fprintf(out, "target %s, %s %s %s, %s ", i18n_count(v->lang, x->target),
		        i18n(v->lang, T_W_REALISED), i18n_count(v->lang, x->realised),
		        x->decl->unit ? x->decl->unit : "", i18n(v->lang, T_W_COVERAGE));
		num(v, out, x->coverage, 0);
		fputs(" %\n", out);
	}
	fprintf(out, "  %s\n", i18n(v->lang, T_COVERAGE_NOTE));
}

/* A declared table of the agency's plugin in the area (present.h). */
static void table_text(const report_view *v, const reg_table *t, const assess_area *aa,
                       FILE *out)
{
	int l = v->lang;
	const char *p = v->as->period;

	fprintf(out, "\n  %s\n  %-32s", i18n_pick(l, t->title_id, t->title_en),
	        i18n_pick(l, t->rows_label_id, t->rows_label_en));
	for (size_t j = 0; j < t->n_cols; j++)
		fprintf(out, " %14s", i18n_pick(l, t->cols[j].label_id, t->cols[j].label_en));
	fputc('\n', out);
	for (size_t i = 0; i < t->n_rows; i++) {
		fprintf(out, "  %-32s", i18n_pick(l, t->rows[i].label_id, t->rows[i].label_en));
		for (size_t j = 0; j < t->n_cols; j++)
			fprintf(out, " %14s", i18n_fmt(l, reg_table_cell_value(v->reg, t, i, j, aa->code,
			                                                       p), t->cols[j].decimals));
		fputc('\n', out);
	}
	if (*t->note_id)
		fprintf(out, "  %s\n", i18n_pick(l, t->note_id, t->note_en));
}

static void class_source_text(void *ud, const char *source)
{
	void **a = ud;
	fprintf(a[1], "  %s: %s\n", i18n(((const report_view *)a[0])->lang, T_CLASS_SOURCE), source);
}

/* " (2025)": the year a target was taken from; "" for a single value. */
static const char *target_year(int year)
{
	static char buf[16];

	if (!year)
		return "";
	snprintf(buf, sizeof buf, " (%d)", year);
	return buf;
}

static void agency_section(const report_view *v, const assess_area *aa, FILE *out)
{
	heading(out, i18n(v->lang, T_AGENCY_SECTION));
	for (size_t a = 0; a < aa->n_agencies; a++) {
		const assess_agency *ag = &aa->agencies[a];
		size_t n;
		present_line *lines = present_agency(v->reg, ag, &n);

		fprintf(out, "\n  %s\n", ag->agency);
		fprintf(out, "  %3s %-10s %10s %10s %11s  %-14s %-14s %s\n", i18n(v->lang, T_NO),
		        i18n(v->lang, T_UNIT), i18n(v->lang, T_TARGET),
		        i18n(v->lang, T_REALISATION), i18n(v->lang, T_CAPAIAN),
		        i18n(v->lang, T_CATEGORY), i18n(v->lang, T_TARGET_STATE),
		        i18n(v->lang, T_INDICATOR));
		for (size_t i = 0; i < n; i++) {
			const assess_row *r = lines[i].row;
			const reg_class *cls;
			const char *word;

			if (!r) {
				fprintf(out, "  %*s%s\n", 2 * lines[i].group->depth, "",
				        i18n_pick(v->lang, lines[i].group->label_id,
				                  lines[i].group->label_en));
				continue;
			}
			fprintf(out, "  %3zu %-10s ", lines[i].no, r->decl->unit ? r->decl->unit : "");
			num(v, out, r->has_target ? r->target : NAN, 10);
			fputc(' ', out);
			if (r->decl->kind == PK2D_COUNT && r->has_value)
				fprintf(out, "%10s", i18n_count(v->lang, r->value));
			else
				num(v, out, r->value, 10);
			fputc(' ', out);
			num(v, out, r->capaian, 11);
			word = report_view_row_word(v, r, 0);
			fprintf(out, "  %-14s %-14s %s", word ? word : "-", report_view_target_state(v, r),
			        i18n_pick(v->lang, r->decl->label_id, r->decl->label_en));
			if ((cls = present_class(v->reg, r->decl, r->has_value ? r->value : NAN)))
				fprintf(out, " (%s: %s)", i18n(v->lang, T_CLASS),
				        i18n_pick(v->lang, cls->label_id, cls->label_en));
			fputc('\n', out);
		}
		present_class_sources(v->reg, lines, n, class_source_text,
		                      (void *[]){ (void *)v, out });
		free(lines);
		if (ag->n_actions)
			actions_text(v, ag, out);
		for (size_t t = 0; t < registry_n_tables(v->reg); t++)
			if (present_table_shown(v->reg, registry_table_at(v->reg, t), ag->agency,
			                        aa->code, v->as->period))
				table_text(v, registry_table_at(v->reg, t), aa, out);
	}
}

static void place(const report_view *v, const assess_place *p, FILE *out)
{
	if (p->rt > 0)
		fprintf(out, "RT %d", p->rt);
	else if (p->rt == 0)
		fputs(i18n(v->lang, T_NO_RT), out);
	else
		fputs(p->area, out);
	fputs(" (", out);
	num(v, out, p->value, 0);
	fputc(')', out);
}

static const char *row_label(const report_view *v, const assess_row *r)
{
	return i18n_pick(v->lang, r->decl->label_id, r->decl->label_en);
}

static void worst_line(const report_view *v, const assess_area *aa, const assess_place *w,
                       size_t n, FILE *out)
{
	if (!n)
		return;
	fprintf(out, "     %s: ", aa->level == AREA_VILLAGE ? i18n(v->lang, T_WORST_RTS) :
	        i18n(v->lang, T_WORST_VILLAGES));
	for (size_t k = 0; k < n; k++) {
		if (k)
			fputs(", ", out);
		place(v, &w[k], out);
	}
	fputc('\n', out);
}

static void actions_lines(const report_view *v, const assess_action *acts, size_t n, FILE *out)
{
	if (!n)
		fprintf(out, "     - %s\n", i18n(v->lang, T_ASSIGN_AGENCY));
	for (size_t k = 0; k < n; k++) {
		const assess_action *x = &acts[k];

		fprintf(out, "     - %s [%s]: ",
		        i18n_pick(v->lang, x->decl->label_id, x->decl->label_en), x->decl->agency);
		if (x->has_data) {
			fprintf(out, "target %s, %s %s, %s ", i18n_count(v->lang, x->target),
			        i18n(v->lang, T_W_REALISED), i18n_count(v->lang, x->realised),
			        i18n(v->lang, T_W_COVERAGE));
			num(v, out, x->coverage, 0);
			fputs(" %\n", out);
		} else {
			fprintf(out, "%s\n", i18n(v->lang, T_NOTHING_REPORTED));
		}
	}
}

static void problems_section(const report_view *v, const assessment *as,
                             const assess_area *aa, FILE *out)
{
	heading(out, i18n(v->lang, T_PROBLEMS));
	if (!aa->n_problems && !aa->n_agency_problems) {
		char buf[512];

		fprintf(out, "  %s\n", report_view_looked_at(v, aa, buf, sizeof buf));
	}
	if (aa->n_problems)
		fprintf(out, "  %s\n", i18n(v->lang, T_RANK_IKK));
	for (size_t i = 0; i < aa->n_problems; i++) {
		const assess_problem *p = &aa->problems[i];
		const assess_indicator *ai = p->indicator;

		fprintf(out, "  %zu. %s %s: ", i + 1, ai->model->code, ind_label(v, ai));
		num(v, out, ai->value, 0);
		fprintf(out, " %% (%s/%s), %s KK %s", i18n_count(v->lang, ai->num),
		        i18n_count(v->lang, ai->den), i18n_count(v->lang, p->affected),
		        i18n(v->lang, T_NOT_MEETING));
		if (ai->below_attention)
			fprintf(out, "; %s %s", i18n(v->lang, T_UNDER_LINE),
			        i18n_short(v->lang, as->model->attention));
		if (ai->off_target)
			fprintf(out, "; %s %s%s", i18n(v->lang, T_OFF_ITS_TARGET),
			        i18n_short(v->lang, ai->target), target_year(ai->target_year));
		fputc('\n', out);
		worst_line(v, aa, p->worst, p->n_worst, out);
	}
	if (aa->n_agency_problems)
		fprintf(out, "  %s\n", i18n(v->lang, T_RANK_AGENCY_GAP));
	for (size_t i = 0; i < aa->n_agency_problems; i++) {
		const assess_agency_problem *p = &aa->agency_problems[i];
		const assess_row *r = p->row;
		const char *word;

		fprintf(out, "  %zu. %s [%s]: %s %s, target %s%s, %s %s (", aa->n_problems + i + 1,
		        row_label(v, r), p->agency, i18n_fmtv(v->lang, r->decl->kind, r->value),
		        r->decl->unit ? r->decl->unit : "", i18n_short(v->lang, r->target),
		        target_year(r->target_year), i18n(v->lang, T_W_GAP),
		        i18n_fmt(v->lang, p->gap, 2));
		if (isinf(p->relative_gap))
			fputs(i18n(v->lang, T_TARGET_ZERO), out);
		else
			fprintf(out, "%s %% %s", i18n_fmt(v->lang, p->relative_gap, 1),
			        i18n(v->lang, T_OF_TARGET));
		word = report_view_row_word(v, r, 1);
		fprintf(out, "); %s\n", word ? word : "-");
		worst_line(v, aa, p->worst, p->n_worst, out);
	}
	heading(out, i18n(v->lang, T_FOLLOWUP));
	if (!aa->n_problems && !aa->n_agency_problems)
		fprintf(out, "  %s\n", i18n(v->lang, T_NOTHING_TO_FOLLOW));
	for (size_t i = 0; i < aa->n_problems; i++) {
		const assess_problem *p = &aa->problems[i];

		fprintf(out, "  %zu. %s %s\n", i + 1, p->indicator->model->code,
		        ind_label(v, p->indicator));
		actions_lines(v, p->actions, p->n_actions, out);
	}
	for (size_t i = 0; i < aa->n_agency_problems; i++) {
		const assess_agency_problem *p = &aa->agency_problems[i];

		fprintf(out, "  %zu. %s [%s]\n", aa->n_problems + i + 1, row_label(v, p->row),
		        p->agency);
		actions_lines(v, p->actions, p->n_actions, out);
	}
	if (aa->n_problems || aa->n_agency_problems)
		fprintf(out, "  %s\n", i18n(v->lang, T_COVERAGE_NOTE));
}

static void steps_line(const report_view *v, const assess_step *st, size_t n, FILE *out)
{
	for (size_t k = 0; k < n; k++) {
		fputs(k ? ", " : ": ", out);
		if (st[k].rt > 0)
			fprintf(out, "RT %d", st[k].rt);
		else if (st[k].rt == 0)
			fputs(i18n(v->lang, T_NO_RT), out);
		else
			fputs(st[k].area, out);
		fprintf(out, " %s %s %s", i18n_count(v->lang, st[k].take), i18n(v->lang, T_OF),
		        i18n_count(v->lang, st[k].affected));
	}
}

static void planner_section(const report_view *v, const assess_area *aa, FILE *out)
{
	const assess_ikk_plan *pl = aa->ikk_plan;

	heading(out, i18n(v->lang, T_PLANNER));
	fprintf(out, "  %s\n", i18n(v->lang, T_PLANNER_NOTE));
	if (pl) {
		fprintf(out, "  IKK %s", i18n_fmt(v->lang, aa->score.ikk, 2));
		if (!pl->next) {
			fprintf(out, ": %s\n", i18n(v->lang, T_TOP_CATEGORY));
		} else {
			fprintf(out, " -> %s (%s): ", range_label(v, pl->next),
			        i18n_short(v->lang, pl->next->from));
			if (isnan(pl->changes))
				fprintf(out, "%s\n", i18n(v->lang, T_OUT_OF_REACH));
			else
				fprintf(out, "%s %s\n", i18n_count(v->lang, pl->changes),
				        i18n(v->lang, T_CHANGES_FEWEST));
			for (size_t k = 0; k < pl->n_moves; k++)
				fprintf(out, "     %s %s: %s x %s\n", pl->moves[k].indicator->model->code,
				        ind_label(v, pl->moves[k].indicator),
				        i18n_count(v->lang, pl->moves[k].changes),
				        i18n_fmt(v->lang, pl->moves[k].gain, 3));
		}
		fprintf(out, "  %s: %s (%s)\n", i18n(v->lang, T_IKK_AT_LINES),
		        i18n_fmt(v->lang, pl->ikk_at_lines, 2), range_label(v, pl->category_at_lines));
	}
	for (size_t i = 0; i < aa->n_problems; i++) {
		const assess_problem *p = &aa->problems[i];

		fprintf(out, "  %zu. %s %s: %s KK", i + 1, p->indicator->model->code,
		        ind_label(v, p->indicator), i18n_count(v->lang, p->to_change));
		steps_line(v, p->steps, p->n_steps, out);
		fputc('\n', out);
	}
	for (size_t i = 0; i < aa->n_agency_problems; i++) {
		const assess_agency_problem *p = &aa->agency_problems[i];

		fprintf(out, "  %zu. %s: ", aa->n_problems + i + 1, row_label(v, p->row));
		if (isnan(p->to_change))
			fputs(i18n(v->lang, T_NOT_A_MEAN), out);
		else
			fprintf(out, "%s %s", i18n_count(v->lang, p->to_change),
			        p->row->decl->kind == PK2D_COUNT ? "" :
			        i18n(v->lang, T_DEN_UNITS));
		steps_line(v, p->steps, p->n_steps, out);
		fputc('\n', out);
	}
}

/* A table of view rows, its columns padded to their widest cell (the
 * right-aligned ones on the right), two blanks apart. */
static void view_table_text(const report_view *v, const view_table *t, FILE *out)
{
	size_t w[VIEW_MAX_COLS] = { 0 };

	for (size_t c = 0; c < t->n_cols; c++)
		w[c] = esc_width(i18n(v->lang, t->heads[c]));
	for (size_t r = 0; r < t->n_rows; r++)
		for (size_t c = 0; c < t->n_cols; c++)
			if (esc_width(view_cell(t, r, c)) > w[c])
				w[c] = esc_width(view_cell(t, r, c));
	for (size_t r = 0; r <= t->n_rows; r++) {
		fputs(" ", out);
		for (size_t c = 0; c < t->n_cols; c++) {
			const char *cell = r ? view_cell(t, r - 1, c) : i18n(v->lang, t->heads[c]);
			int pad = (int)(w[c] - esc_width(cell));

			fprintf(out, " %s%*s%s%*s", c ? " " : "", t->align[c] == 'r' ? pad : 0, "", cell,
			        t->align[c] == 'r' || c + 1 == t->n_cols ? 0 : pad, "");
		}
		fputc('\n', out);
	}
}

/* A ranked chart as a list: rank, label, value; its line said under it. */
static void bars_text(const report_view *v, const view_bars *b, FILE *out)
{
	size_t w = 0;

	if (!b->n)
		return;
	fprintf(out, "\n  %s\n", b->title);
	for (size_t i = 0; i < b->n; i++)
		if (esc_width(b->labels[i]) > w)
			w = esc_width(b->labels[i]);
	for (size_t i = 0; i < b->n; i++)
		fprintf(out, "  %3zu  %s%*s  %7s\n", i + 1, b->labels[i],
		        (int)(w - esc_width(b->labels[i])), "", i18n_fmt(v->lang, b->values[i], 1));
	if (!isnan(b->line))
		fprintf(out, "  (%s)\n", b->line_label);
}

/* A wide area from the top down (view_wide.h). */
static void top_down_text(const report_view *v, FILE *out)
{
	view_wide w;

	if (!view_wide_build(v, &w))
		return;
	heading(out, i18n(v->lang, T_RANKED_PARTS));
	for (size_t i = 0; i < w.n_charts; i++)
		bars_text(v, &w.charts[i], out);
	fprintf(out, "\n  %s\n", i18n(v->lang, T_VILLAGES_BY_CATEGORY));
	view_table_text(v, &w.categories, out);
	if (w.best.n_rows) {
		fprintf(out, "\n  %s\n", i18n(v->lang, T_BEST_VILLAGES));
		view_table_text(v, &w.best, out);
		fprintf(out, "\n  %s\n", i18n(v->lang, T_LOWEST_VILLAGES));
		view_table_text(v, &w.lowest, out);
	}
	view_wide_free(&w);
}

void report_summary_text(const report_view *v, FILE *out)
{
	if (v->n_summary < 2)
		return;
	top_down_text(v, out);
	heading(out, i18n(v->lang, T_ROLLUP));
	fprintf(out, "  %-16s %8s %7s %5s  %s / %s\n", i18n(v->lang, T_CODE), "KK", "IKK",
	        i18n(v->lang, T_RANK), i18n(v->lang, T_NAME), i18n(v->lang, T_CATEGORY));
	for (size_t i = 0; i < v->n_summary; i++) {
		const assess_summary *s = &v->summary[i];
		char range[64];

		fprintf(out, "  %-16s ", s->code);
		fprintf(out, "%8s", i18n_count(v->lang, s->kk));
		fputc(' ', out);
		num(v, out, s->ikk, 7);
		if (s->rank)
			fprintf(out, " %5zu", s->rank);
		else
			fprintf(out, " %5s", "-");
		fprintf(out, "  %s / %s\n", s->name ? s->name : "",
		        s->category ? view_category_short(v, s->category, range, sizeof range) :
		        i18n(v->lang, T_IKK_NOT_COMPUTED));
	}
}

void report_assess_text(const report_view *v, const assess_area *aa, FILE *out)
{
	profile(v, aa, out);
	index_section(v, v->as, aa, out);
	parts_section(v, aa, out);
	agency_section(v, aa, out);
	problems_section(v, v->as, aa, out);
	planner_section(v, aa, out);
}
