/*
 * report_md.c - the consolidated assessment in Markdown (GitHub-flavoured
 * tables), the same sections as the HTML report without the charts. Text
 * from data goes through esc_md.
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
#include "view_rows.h"
#include "view_wide.h"
#include "writers.h"
#include "villages_out.h"

static void m(FILE *f, const char *s)
{
	esc_md(f, s);
}

/* A table header of n columns named by names (escaped); right-aligned
 * where align[i] is 'r'. */
static void head_names(FILE *f, size_t n, const char *const *names, const char *align)
{
	fputs("\n|", f);
	for (size_t i = 0; i < n; i++) {
		fputc(' ', f);
		m(f, names[i]);
		fputs(" |", f);
	}
	fputs("\n|", f);
	for (size_t i = 0; i < n; i++)
		fputs(align[i] == 'r' ? " ---: |" : " --- |", f);
	fputc('\n', f);
}

/* A table header: n columns named by catalogue keys. */
static void head(FILE *f, const report_view *v, size_t n, const int *keys, const char *align)
{
	const char *names[16];

	for (size_t i = 0; i < n && i < 16; i++)
		names[i] = rv_t(v, keys[i]);
	head_names(f, n, names, align);
}

static void profile(FILE *f, const report_view *v, const assess_area *aa)
{
	const assess_profile *p = &aa->profile;
	static const int k[] = { T_PROFILE, T_VALUE };

	fprintf(f, "\n## 1. %s\n", rv_t(v, T_PROFILE));
	head(f, v, 2, k, "ll");
	for (size_t i = 0; i < p->n_up; i++) {
		fprintf(f, "| %s | ", i18n_level(v->lang, p->up[i].level));
		m(f, p->up[i].code);
		if (p->up[i].name) {
			fputs(" ", f);
			m(f, p->up[i].name);
		}
		fputs(" |\n", f);
	}
	fprintf(f, "| %s | ", rv_t(v, T_PERIOD));
	m(f, v->period);
	fputs(" |\n", f);
	if (aa->level < AREA_VILLAGE)
		fprintf(f, "| %s | %zu |\n", rv_t(v, T_N_VILLAGES), p->n_villages);
	fprintf(f, "| %s | %zu |\n| %s | %s |\n| %s | %s |\n| %s | %s |\n| %s (%zu) | ",
	        rv_t(v, T_N_RT), p->n_rt, rv_t(v, T_KK), rv_cnt(v, p->kk), rv_t(v, T_MALE),
	        rv_cnt(v, p->male), rv_t(v, T_FEMALE), rv_cnt(v, p->female), rv_t(v, T_AGENCIES),
	        p->n_agencies);
	for (size_t i = 0; i < p->n_agencies; i++) {
		if (i)
			fputs("; ", f);
		m(f, p->agencies[i]);
	}
	fputs(" |\n", f);
}

static void ikk(FILE *f, const report_view *v, const assess_area *aa)
{
	const assess_score *s = &aa->score;
	static const int kd[] = { T_DIMENSION, T_VALUE };
	static const int ki[] = { T_CODE, T_INDICATOR, T_NUMERATOR, T_DENOMINATOR, T_VALUE,
	                          T_STATUS };

	fprintf(f, "\n## 2. %s\n\n**%s: %s**", rv_t(v, T_IKK), rv_t(v, T_IKK_SHORT), rv_num(v, s->ikk, 2));
	if (s->category) {
		fputs(" — ", f);
		m(f, i18n_pick(v->lang, s->category->label_id, s->category->label_en));
	} else {
		fprintf(f, " — %s (%zu)", rv_t(v, T_IKK_MISSING), s->n_missing_dimensions);
	}
	fputc('\n', f);
	head(f, v, 2, kd, "lr");
	for (size_t d = 0; d < s->n_dimensions; d++) {
		fputs("| ", f);
		m(f, i18n_pick(v->lang, s->dimensions[d].model->label_id,
		               s->dimensions[d].model->label_en));
		fprintf(f, " | %s |\n", rv_num(v, s->dimensions[d].value, 2));
	}
	fprintf(f, "\n### %s\n", rv_t(v, T_INDICATORS));
	head(f, v, 6, ki, "llrrrl");
	for (size_t d = 0; d < s->n_dimensions; d++)
		for (size_t i = 0; i < s->dimensions[d].model->n_indicators; i++) {
			const assess_indicator *ai = &s->dimensions[d].indicators[i];
			int nodata = ai->status == ASSESS_NO_DATA;

			fputs("| ", f);
			m(f, ai->model->code);
			fputs(" | ", f);
			m(f, report_view_ind_label(v, ai));
			fprintf(f, " | %s | %s | %s | %s |\n", nodata ? "-" : rv_cnt(v, ai->num),
			        nodata ? "-" : rv_cnt(v, ai->den), rv_num(v, ai->value, 1),
			        report_view_ind_status(v, ai));
		}
	if (aa->n_parts) {
		fprintf(f, "\n### %s\n\n| %s | %s |", aa->level == AREA_VILLAGE ? rv_t(v, T_RT_BREAKDOWN)
		        : rv_t(v, T_SUMMARY), aa->level == AREA_VILLAGE ? rv_t(v, T_RT) : rv_t(v, T_CODE),
		        rv_t(v, T_IKK_SHORT));
		for (size_t d = 0; d < s->n_dimensions; d++) {
			fputc(' ', f);
			m(f, i18n_pick(v->lang, s->dimensions[d].model->label_id,
			               s->dimensions[d].model->label_en));
			fputs(" |", f);
		}
		fputs("\n| --- | ---: |", f);
		for (size_t d = 0; d < s->n_dimensions; d++)
			fputs(" ---: |", f);
		fputc('\n', f);
		for (size_t r = 0; r < aa->n_parts; r++) {
			const assess_score *p = &aa->parts[r];

			if (p->rt > 0)
				fprintf(f, "| %d", p->rt);
			else if (p->rt == 0)
				fputs("| ?", f);
			else {
				const char *name = v->areas ? areas_name(v->areas, p->area) : NULL;
				char kec[AREAS_CODE_MAX];

				fputs("| ", f);
				m(f, p->area);
				if (name) {
					fputc(' ', f);
					m(f, name);
				}
				if (aa->level < AREA_DISTRICT) {
					fputs(" (", f);
					m(f, view_district_name(v, p->area, kec, sizeof kec));
					fputc(')', f);
				}
			}
			fprintf(f, " | %s |", rv_num(v, p->ikk, 2));
			for (size_t d = 0; d < p->n_dimensions; d++)
				fprintf(f, " %s |", rv_num(v, p->dimensions[d].value, 1));
			fputc('\n', f);
		}
	}
}

/* A declared table of the agency's plugin in the area (present.h). */
static void table_md(FILE *f, const report_view *v, const reg_table *t, const assess_area *aa)
{
	const char *names[PK2D_TABLE_MAX + 1];
	char align[PK2D_TABLE_MAX + 2];

	fputs("\n#### ", f);
	m(f, i18n_pick(v->lang, t->title_id, t->title_en));
	fputc('\n', f);
	names[0] = i18n_pick(v->lang, t->rows_label_id, t->rows_label_en);
	align[0] = 'l';
	for (size_t j = 0; j < t->n_cols; j++) {
		names[j + 1] = i18n_pick(v->lang, t->cols[j].label_id, t->cols[j].label_en);
		align[j + 1] = 'r';
	}
	head_names(f, t->n_cols + 1, names, align);
	for (size_t i = 0; i < t->n_rows; i++) {
		fputs("| ", f);
		m(f, i18n_pick(v->lang, t->rows[i].label_id, t->rows[i].label_en));
		fputs(" |", f);
		for (size_t j = 0; j < t->n_cols; j++)
			fprintf(f, " %s |", rv_num(v, reg_table_cell_value(v->reg, t, i, j, aa->code,
			                                                   v->period),
			                           t->cols[j].decimals));
		fputc('\n', f);
	}
	if (*t->note_id) {
		fputc('\n', f);
		m(f, i18n_pick(v->lang, t->note_id, t->note_en));
		fputc('\n', f);
	}
}

static void class_source_md(void *ud, const char *source)
{
	void **a = ud;
	fprintf(a[1], "\n%s: ", rv_t(a[0], T_CLASS_SOURCE));
	m(a[1], source);
	fputc('\n', a[1]);
}

static void agencies(FILE *f, const report_view *v, const assess_area *aa)
{
	static const int kr[] = { T_NO, T_INDICATOR, T_UNIT, T_TARGET, T_REALISATION, T_CAPAIAN,
	                          T_CATEGORY, T_TARGET_STATE };
	static const int ka[] = { T_INTERVENTION, T_TARGET_GROUP, T_TARGET, T_REALISATION,
	                          T_COVERAGE, T_BUDGET };

	fprintf(f, "\n## 3. %s\n", rv_t(v, T_AGENCY_SECTION));
	for (size_t g = 0; g < aa->n_agencies; g++) {
		const assess_agency *ag = &aa->agencies[g];
		size_t n;
		present_line *lines = present_agency(v->reg, ag, &n);

		fputs("\n### ", f);
		m(f, ag->agency);
		fputc('\n', f);
		if (n)
			head(f, v, 8, kr, "rllrrrll");
		for (size_t i = 0; i < n; i++) {
			const assess_row *r = lines[i].row;
			const reg_class *cls;
			const char *word;

			if (!r) {
				fprintf(f, "| | %*s**", 2 * lines[i].group->depth, "");
				m(f, i18n_pick(v->lang, lines[i].group->label_id,
				               lines[i].group->label_en));
				fputs("** | | | | | | |\n", f);
				continue;
			}
			fprintf(f, "| %zu | ", lines[i].no);
			m(f, i18n_pick(v->lang, r->decl->label_id, r->decl->label_en));
			fputs(" | ", f);
			m(f, r->decl->unit);
			fprintf(f, " | %s | %s | %s | ",
			        report_view_target(v, r->decl, r->has_target, r->target, r->target_year),
			        r->has_value ? rv_val(v, r->decl, r->value) : "-", rv_num(v, r->capaian, 1));
			word = report_view_row_word(v, r, 0);
			m(f, word ? word : r->has_value ? "-" : rv_t(v, T_NO_DATA));
			if ((cls = present_class(v->reg, r->decl, r->has_value ? r->value : NAN))) {
				fprintf(f, " (%s: ", rv_t(v, T_CLASS));
				m(f, i18n_pick(v->lang, cls->label_id, cls->label_en));
				fputc(')', f);
			}
			fprintf(f, " | %s |\n", report_view_target_state(v, r));
		}
		present_class_sources(v->reg, lines, n, class_source_md, (void *[]){ (void *)v, f });
		free(lines);
		if (ag->n_actions)
			head(f, v, 6, ka, "llrrrr");
		for (size_t i = 0; i < ag->n_actions; i++) {
			const assess_action *a = &ag->actions[i];

			fputs("| ", f);
			m(f, i18n_pick(v->lang, a->decl->label_id, a->decl->label_en));
			fputs(" | ", f);
			m(f, a->decl->target_group);
			fprintf(f, " | %s | %s | %s | %s |\n", a->has_data ? rv_cnt(v, a->target) : "-",
			        a->has_data ? rv_cnt(v, a->realised) : "-", rv_num(v, a->coverage, 1),
			        a->has_data && a->budget > 0 ? i18n_money(v->lang, a->budget) : "-");
		}
		if (ag->n_actions)
			fprintf(f, "\n%s\n", rv_t(v, T_COVERAGE_NOTE));
		for (size_t t = 0; t < registry_n_tables(v->reg); t++)
			if (present_table_shown(v->reg, registry_table_at(v->reg, t), ag->agency,
			                        aa->code, v->period))
				table_md(f, v, registry_table_at(v->reg, t), aa);
	}
}

static void worst(FILE *f, const report_view *v, const assess_place *w, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		if (k)
			fputs("; ", f);
		if (w[k].rt > 0)
			fprintf(f, "RT %d", w[k].rt);
		else
			m(f, w[k].area);
		fprintf(f, " (%s)", rv_num(v, w[k].value, 1));
	}
}

/* A table of view rows: headings, then each row's cells escaped. */
static void table(FILE *f, const report_view *v, const view_table *t)
{
	const char *names[VIEW_MAX_COLS];

	for (size_t c = 0; c < t->n_cols; c++)
		names[c] = view_head(v, t, c);
	head_names(f, t->n_cols, names, t->align);
	for (size_t r = 0; r < t->n_rows; r++) {
		fputc('|', f);
		for (size_t c = 0; c < t->n_cols; c++) {
			fputc(' ', f);
			m(f, view_cell(t, r, c));
			fputs(" |", f);
		}
		fputc('\n', f);
	}
}

static void agency_problems(FILE *f, const report_view *v, const assess_area *aa)
{
	view_table t;

	if (!aa->n_agency_problems)
		return;
	fprintf(f, "\n### %s\n\n%s\n", rv_t(v, T_AGENCY_PROBLEMS), rv_t(v, T_RANK_AGENCY));
	view_agency_problems(v, aa, &t);
	table(f, v, &t);
	view_table_free(&t);
}

static void followup_rows(FILE *f, const report_view *v, const reg_indicator *d,
                          const assess_action *acts, size_t n)
{
	if (!n) {
		fputs("| ", f);
		m(f, i18n_pick(v->lang, d->label_id, d->label_en));
		fprintf(f, " | **%s** | | | | |\n", rv_t(v, T_NO_INTERVENTION));
	}
	for (size_t k = 0; k < n; k++) {
		fputs("| ", f);
		m(f, i18n_pick(v->lang, d->label_id, d->label_en));
		fputs(" | ", f);
		m(f, i18n_pick(v->lang, acts[k].decl->label_id, acts[k].decl->label_en));
		fputs(" | ", f);
		m(f, acts[k].decl->agency);
		fprintf(f, " | %s | %s | %s |\n", acts[k].has_data ? rv_cnt(v, acts[k].target) : "-",
		        acts[k].has_data ? rv_cnt(v, acts[k].realised) : "-",
		        rv_num(v, acts[k].coverage, 1));
	}
}

static void planner(FILE *f, const report_view *v, const assess_area *aa)
{
	char *ikk[2];
	view_table t;

	if (!aa->ikk_plan && !aa->n_problems && !aa->n_agency_problems)
		return;
	fprintf(f, "\n### %s\n\n%s\n", rv_t(v, T_PLANNER), rv_t(v, T_PLANNER_NOTE));
	if (view_planner_ikk(v, aa, ikk)) {
		fputc('\n', f);
		m(f, ikk[0]);
		fputs("\n\n", f);
		m(f, ikk[1]);
		fputc('\n', f);
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
	static const int kp[] = { T_NO, T_INDICATOR, T_DIMENSION, T_VALUE, T_GAP, T_AFFECTED,
	                          T_WORST };
	static const int kf[] = { T_PROBLEMS, T_INTERVENTION, T_RESPONSIBLE, T_TARGET,
	                          T_REALISATION, T_COVERAGE };

	fprintf(f, "\n## 4. %s\n", rv_t(v, T_PROBLEMS));
	if (!aa->n_problems && !aa->n_agency_problems) {
		char buf[512];

		fprintf(f, "\n%s\n", report_view_looked_at(v, aa, buf, sizeof buf));
	}
	if (aa->n_problems) {
		fprintf(f, "\n%s\n", rv_t(v, T_RANK_IKK));
		head(f, v, 7, kp, "rllrrrl");
	}
	for (size_t i = 0; i < aa->n_problems; i++) {
		const assess_problem *p = &aa->problems[i];

		fprintf(f, "| %zu | ", i + 1);
		m(f, p->indicator->model->code);
		fputs(" ", f);
		m(f, report_view_ind_label(v, p->indicator));
		fputs(" | ", f);
		m(f, i18n_pick(v->lang, p->dimension->model->label_id, p->dimension->model->label_en));
		fprintf(f, " | %s | %s | %s | ", rv_num(v, p->indicator->value, 1),
		        rv_num(v, report_problem_gap(p), 1),
		        rv_cnt(v, p->affected));
		worst(f, v, p->worst, p->n_worst);
		fputs(" |\n", f);
	}
	agency_problems(f, v, aa);
	fprintf(f, "\n## 5. %s\n", rv_t(v, T_FOLLOWUP));
	if (!aa->n_problems && !aa->n_agency_problems)
		fprintf(f, "\n%s\n", rv_t(v, T_NO_PROBLEMS));
	else if (!aa->n_problems)
		head(f, v, 6, kf, "lllrrr");
	else
		head(f, v, 6, kf, "lllrrr");
	for (size_t i = 0; i < aa->n_problems; i++) {
		const assess_problem *p = &aa->problems[i];

		if (!p->n_actions) {
			fputs("| ", f);
			m(f, p->indicator->model->code);
			fprintf(f, " | **%s** | | | | |\n", rv_t(v, T_NO_INTERVENTION));
		}
		for (size_t k = 0; k < p->n_actions; k++) {
			const assess_action *a = &p->actions[k];

			fputs("| ", f);
			m(f, p->indicator->model->code);
			fputs(" | ", f);
			m(f, i18n_pick(v->lang, a->decl->label_id, a->decl->label_en));
			fputs(" | ", f);
			m(f, a->decl->agency);
			fprintf(f, " | %s | %s | %s |\n", a->has_data ? rv_cnt(v, a->target) : "-",
			        a->has_data ? rv_cnt(v, a->realised) : "-", rv_num(v, a->coverage, 1));
		}
	}
	for (size_t i = 0; i < aa->n_agency_problems; i++)
		followup_rows(f, v, aa->agency_problems[i].row->decl, aa->agency_problems[i].actions,
		              aa->agency_problems[i].n_actions);
	if (aa->n_problems || aa->n_agency_problems)
		fprintf(f, "\n%s\n", rv_t(v, T_COVERAGE_NOTE));
	planner(f, v, aa);
}

static void trends(FILE *f, const report_view *v, const view_area *va)
{
	const trend *t = va->trend;

	fprintf(f, "\n## 6. %s\n", rv_t(v, T_TREND));
	if (!v->store_on) {
		fprintf(f, "\n%s\n", rv_t(v, T_NO_STORE));
		return;
	}
	if (t->model_changed) {
		fprintf(f, "\n**%s (", rv_t(v, T_MODEL_CHANGED));
		m(f, t->prev_period);
		fputs(")**\n", f);
	}
	if (!*t->prev_period) {
		fprintf(f, "\n%s\n", rv_t(v, report_view_no_trend(v, t)));
	} else {
		view_table tt;

		view_trend_table(v, t, &tt);
		table(f, v, &tt);
		view_table_free(&tt);
	}
	if (t->n_progress) {
		fprintf(f, "\n### %s\n\n| %s | %s | %s | %s | %s |\n| --- | --- | ---: | ---: | ---: |\n",
		        rv_t(v, T_PROGRESS), rv_t(v, T_INTERVENTION), rv_t(v, T_PERIOD), rv_t(v, T_TARGET),
		        rv_t(v, T_REALISATION), rv_t(v, T_COVERAGE));
		for (size_t i = 0; i < t->n_progress; i++)
			for (size_t k = 0; k < t->progress[i].n; k++) {
				const store_ipoint *p = &t->progress[i].points[k];

				fputs("| ", f);
				m(f, i18n_pick(v->lang, t->progress[i].decl->label_id,
				               t->progress[i].decl->label_en));
				fputs(" | ", f);
				m(f, p->period);
				fprintf(f, " | %s | %s | %s |\n", rv_cnt(v, p->target), rv_cnt(v, p->realised),
				        rv_num(v, report_coverage(p->target, p->realised), 1));
			}
	}
}

static void quality(FILE *f, const report_view *v)
{
	static const int kr[] = { T_PLUGIN, T_AGENCY, T_STATUS, T_REASON, T_VALUES, T_REFUSED };
	static const int kf[] = { T_PLUGIN, T_FILE, T_ROWS, T_REJECTED, T_NOTED, T_PROBLEM_KIND };

	fprintf(f, "\n## 7. %s\n", rv_t(v, T_DATA_QUALITY));
	head(f, v, 6, kr, "llllrr");
	for (size_t i = 0; i < v->n_runs; i++) {
		const plugin_run *p = &v->runs[i];

		fputs("| ", f);
		m(f, p->instance);
		fputs(" | ", f);
		m(f, p->agency);
		fprintf(f, " | %s | ", i18n_state(v->lang, p->state));
		m(f, p->reason);
		fprintf(f, " | %ld | %ld |\n", p->values, p->refused);
	}
	head(f, v, 6, kf, "llrrrl");
	for (size_t i = 0; i < v->n_runs; i++)
		for (size_t k = 0; k < v->runs[i].n_files; k++) {
			const csv_stats *st = v->runs[i].files[k];

			fputs("| ", f);
			m(f, v->runs[i].instance);
			fputs(" | ", f);
			m(f, st->path);
			fprintf(f, " | %ld | %ld | %ld | ", st->records, st->rejected, st->noted);
			for (size_t p = 0; p < st->n_problems; p++) {
				if (p)
					fputs("; ", f);
				m(f, st->problems[p].kind);
				fprintf(f, ": %ld", st->problems[p].count);
			}
			fputs(" |\n", f);
		}
}

static void area(FILE *f, const report_view *v, const view_area *va, int with_quality)
{
	const assess_area *aa = va->aa;

	if (va != &v->main) {
		/* The report area's title heads its summary (glance). */
		char name[512];

		fprintf(f, "\n# %s — ", rv_t(v, T_TITLE));
		m(f, i18n_area_title(v->lang, aa->code, aa->name, name, sizeof name));
		fprintf(f, "\n\n%s ", rv_t(v, T_CODE));
		m(f, aa->code);
		fprintf(f, " · %s ", rv_t(v, T_PERIOD));
		m(f, v->period);
		fputc('\n', f);
	}
	profile(f, v, aa);
	ikk(f, v, aa);
	agencies(f, v, aa);
	problems(f, v, aa);
	trends(f, v, va);
	if (with_quality)
		quality(f, v);
}

/* Headline columns the Markdown summary shows at most. */
#define HEADLINES_MAX 16

/* A ranked chart as a table: rank, label, value; its line said under it. */
static void bars_md(FILE *f, const report_view *v, const view_bars *b)
{
	if (!b->n)
		return;
	fputs("\n### ", f);
	m(f, b->title);
	fprintf(f, "\n\n| %s | %s | %s |\n| ---: | --- | ---: |\n", rv_t(v, T_NO), rv_t(v, T_NAME),
	        rv_t(v, T_VALUE));
	for (size_t i = 0; i < b->n; i++) {
		fprintf(f, "| %zu | ", i + 1);
		m(f, b->labels[i]);
		fprintf(f, " | %s |\n", rv_num(v, b->values[i], 1));
	}
	if (!isnan(b->line)) {
		fputs("\n", f);
		m(f, b->line_label);
		fputs("\n", f);
	}
}

/* A wide area from the top down (view_wide.h). */
static void top_down(FILE *f, const report_view *v)
{
	view_wide w;

	if (!view_wide_build(v, &w))
		return;
	fprintf(f, "\n## %s\n", rv_t(v, T_RANKED_PARTS));
	for (size_t i = 0; i < w.n_charts; i++)
		bars_md(f, v, &w.charts[i]);
	fprintf(f, "\n### %s\n\n", rv_t(v, T_VILLAGES_BY_CATEGORY));
	table(f, v, &w.categories);
	if (w.best.n_rows) {
		fprintf(f, "\n### %s\n\n", rv_t(v, T_BEST_VILLAGES));
		table(f, v, &w.best);
		fprintf(f, "\n### %s\n\n", rv_t(v, T_LOWEST_VILLAGES));
		table(f, v, &w.lowest);
	}
	view_wide_free(&w);
}

static void summary(FILE *f, const report_view *v)
{
	static const int k[] = { T_NO, T_CODE, T_NAME, T_DISTRICT, T_IKK_SHORT, T_CATEGORY };
	const char *names[7 + HEADLINES_MAX];
	char labels[HEADLINES_MAX][256], align[] = "rlllrl" "rrrrrrrrrrrrrrrrr", title[512];
	size_t nh = v->n_headlines < HEADLINES_MAX ? v->n_headlines : HEADLINES_MAX, no = 0;

	for (size_t i = 0; i < 6; i++)
		names[i] = rv_t(v, k[i]);
	for (size_t i = 0; i < nh; i++)
		names[6 + i] = report_view_headline_label(v, v->headlines[i], labels[i],
		                                          sizeof labels[i]);
	names[6 + nh] = rv_t(v, T_RANK);

	fprintf(f, "\n# %s — ", rv_t(v, T_SUMMARY_TITLE));
	m(f, i18n_area_title(v->lang, v->main.aa->code, v->main.aa->name, title, sizeof title));
	fprintf(f, "\n\n%s ", rv_t(v, T_PERIOD));
	m(f, v->period);
	fputs("\n", f);
	top_down(f, v);
	fprintf(f, "\n## %s\n", rv_t(v, T_SUMMARY));
	for (int pass = 0; pass < 2; pass++) {
		if (pass)
			fprintf(f, "\n## %s\n", rv_t(v, T_ROLLUP));
		names[3] = rv_t(v, pass ? T_LEVEL : T_DISTRICT);
		head_names(f, 7 + nh, names, align);
		for (size_t i = 0; i < v->n_summary; i++) {
			const assess_summary *s = &v->summary[i];
			char kec[AREAS_CODE_MAX], range[64];

			if ((s->level == AREA_VILLAGE) == pass)
				continue;
			fprintf(f, "| %zu | ", ++no);
			m(f, s->code);
			fputs(" | ", f);
			m(f, s->name ? s->name : "");
			fputs(" | ", f);
			if (pass)
				m(f, i18n_level(v->lang, s->level));
			else
				m(f, view_district_name(v, s->code, kec, sizeof kec));
			fprintf(f, " | %s | %s |", rv_num(v, s->ikk, 2),
			        view_category_short(v, s->category, range, sizeof range));
			for (size_t h = 0; h < nh; h++)
				fprintf(f, " %s |", rv_val(v, v->headlines[h],
				                           report_view_headline(v, v->headlines[h],
				                                                s->code)));
			fprintf(f, " %s |\n", s->rank ? rv_num(v, (double)s->rank, 0) : "-");
		}
		no = 0;
	}
}

/* The run's failure first, then the summary (view_summary): the title,
 * the IKK, the top problems, the headline figures, what the run could not
 * use. */
static void glance(FILE *f, const report_view *v, const assess_area *aa)
{
	view_summary s;
	const view_unused *u = &s.unused;

	view_summary_build(v, aa, &s);
	if (u->n_failures) {
		fprintf(f, "> **%s**\n>\n", rv_t(v, T_RUN_FAILS));
		for (size_t i = 0; i < u->n_failures; i++) {
			fputs("> - ", f);
			m(f, u->failures[i]);
			fputc('\n', f);
		}
		fputc('\n', f);
	}
	fputs("# ", f);
	m(f, s.title);
	fputs("\n\n", f);
	m(f, s.sub);
	fputc('\n', f);
	if (s.lokus) {
		fprintf(f, "\n**%s:** ", rv_t(v, T_LOKUS_VILLAGES));
		m(f, s.lokus);
		fputc('\n', f);
		table(f, v, &s.lokus_villages);
	}
	fprintf(f, "\n## %s\n\n**%s: ", rv_t(v, T_AT_A_GLANCE), rv_t(v, T_IKK_SHORT));
	m(f, s.ikk);
	fputs("** — ", f);
	m(f, s.category);
	fputc('\n', f);
	table(f, v, &s.dims);
	fprintf(f, "\n### %s\n", rv_t(v, T_TOP_PROBLEMS));
	if (s.looked_at) {
		fputc('\n', f);
		m(f, s.looked_at);
		fputc('\n', f);
	} else {
		table(f, v, &s.problems);
	}
	if (s.headlines.n_rows) {
		fprintf(f, "\n### %s\n", rv_t(v, T_HEADLINE_FIGURES));
		table(f, v, &s.headlines);
	}
	if (u->headline) {
		fprintf(f, "\n**%s:** ", rv_t(v, T_UNUSED_ROWS));
		m(f, u->headline);
		fputs("\n\n", f);
		for (size_t i = 0; i < u->n_files; i++) {
			fputs("- ", f);
			m(f, u->files[i]);
			fputc('\n', f);
		}
	}
	view_summary_free(&s);
}

static int villages_md(const report_view *v, size_t from, size_t to, FILE *f, void *ud)
{
	(void)ud;
	for (size_t i = from; i < to; i++)
		area(f, v, &v->villages[i], 0);
	return 0;
}

int report_md_write(const report_view *v, FILE *f, char *err, size_t errlen)
{
	const model *mo = v->as->model;
	int rc;

	(void)err; /* a failure to write: errno says why (report.c) */
	(void)errlen;

	glance(f, v, v->main.aa);
	if (v->wide)
		summary(f, v);
	area(f, v, &v->main, 1);
	rc = villages_write(v, f, villages_md, NULL);
	fprintf(f, "\n---\n\n%s pk2d ", rv_t(v, T_GENERATED));
	m(f, v->version);
	fprintf(f, " · %s: ", rv_t(v, T_MODEL));
	m(f, i18n_pick(v->lang, mo->name, mo->name_en));
	fputs(" (", f);
	m(f, mo->status);
	fputs(")\n", f);
	if (mo->statement) {
		fputs("\n", f);
		m(f, i18n_pick(v->lang, mo->statement, mo->statement_en));
		fputc('\n', f);
	}
	if (v->note && *v->note) {
		fprintf(f, "\n**%s:** ", rv_t(v, T_NOTE));
		m(f, v->note);
		fputc('\n', f);
	}
	return rc < 0 || ferror(f) ? PK2D_ERR_IO : 0;
}
