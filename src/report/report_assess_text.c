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

/*
 * The tables of every village (its indicators, RTs and agencies' rows) are
 * most of a province's 40 MB: they are written through a buffer of their
 * own, padded as printf pads ("%-10s" by bytes), a row being a few copies
 * where fprintf took about 2,000 instructions (docs/performance.md).
 */
typedef struct tout {
	FILE *f;
	size_t n;
	char b[8192];
} tout;

/* Not "tout o = { .f = out }": that clears the whole buffer, 8 kB a
 * table of every village, where only its first n bytes are ever read. */
static void t_start(tout *o, FILE *f)
{
	o->f = f;
	o->n = 0;
}

static void t_flush(tout *o)
{
	fwrite(o->b, 1, o->n, o->f);
	o->n = 0;
}

static void t_mem(tout *o, const char *s, size_t len)
{
	if (o->n + len > sizeof o->b) {
		t_flush(o);
		if (len > sizeof o->b) {
			fwrite(s, 1, len, o->f);
			return;
		}
	}
	memcpy(o->b + o->n, s, len);
	o->n += len;
}

static void t_str(tout *o, const char *s)
{
	t_mem(o, s, strlen(s));
}

static void t_blanks(tout *o, size_t n)
{
	static const char blanks[] = "                                ";

	for (; n > sizeof blanks - 1; n -= sizeof blanks - 1)
		t_mem(o, blanks, sizeof blanks - 1);
	t_mem(o, blanks, n);
}

/* "%-*s" */
static void t_left(tout *o, const char *s, size_t width)
{
	size_t n = strlen(s);

	t_mem(o, s, n);
	if (n < width)
		t_blanks(o, width - n);
}

/* "%*s" */
static void t_right(tout *o, const char *s, size_t width)
{
	size_t n = strlen(s);

	if (n < width)
		t_blanks(o, width - n);
	t_mem(o, s, n);
}

/* The decimal digits of x in d; returns where they start. */
static const char *t_digits(size_t x, char d[24])
{
	size_t k = 23;

	d[k] = 0;
	do {
		d[--k] = (char)('0' + x % 10);
		x /= 10;
	} while (x);
	return d + k;
}

/* "%*zu" */
static void t_size(tout *o, size_t x, size_t width)
{
	char d[24];

	t_right(o, t_digits(x, d), width);
}

/* x with 2 decimals right-aligned in width ("-" for NaN), as num(). */
static void t_num(const report_view *v, tout *o, double x, size_t width)
{
	t_right(o, i18n_fmt(v->lang, x, 2), width);
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
	tout o;

	t_start(&o, out);
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

		t_str(&o, "  ");
		t_left(&o, i18n_short(v->lang, ad->model->weight), 8);
		t_str(&o, " ");
		t_num(v, &o, ad->value, 7);
		t_str(&o, "  ");
		t_str(&o, i18n_pick(v->lang, ad->model->label_id, ad->model->label_en));
		t_str(&o, " (");
		t_size(&o, ad->n_available, 0);
		t_str(&o, "/");
		t_size(&o, ad->model->n_indicators, 0);
		t_str(&o, " ");
		t_str(&o, i18n(v->lang, T_WITH_DATA));
		t_str(&o, ")\n");
	}
	t_flush(&o);
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
			int sums = ai->missing == ASSESS_HAS_DATA ||
			           ai->missing == ASSESS_NOT_APPLICABLE;

			t_str(&o, "  ");
			t_left(&o, ai->model->code, 5);
			t_str(&o, " ");
			t_num(v, &o, ai->value, 7);
			t_str(&o, " ");
			t_right(&o, sums ? i18n_count(v->lang, ai->num) : "-", 10);
			t_str(&o, " ");
			t_right(&o, sums ? i18n_count(v->lang, ai->den) : "-", 10);
			t_str(&o, "  ");
			t_left(&o, i18n_status(v->lang, ai->status), 22);
			t_str(&o, " ");
			if (ai->decl) {
				t_str(&o, ind_label(v, ai));
				t_str(&o, " ");
			}
			t_str(&o, "[");
			t_str(&o, ai->model->ref);
			t_str(&o, "]");
			if (ai->missing != ASSESS_HAS_DATA) {
				t_str(&o, " (");
				t_str(&o, i18n_missing(v->lang, ai->missing));
				t_str(&o, ")");
			}
			t_str(&o, "\n");
		}
	}
	t_flush(&o);
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
	tout o;

	t_start(&o, out);
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

		if (aa->level != AREA_VILLAGE) {
			t_str(&o, "  ");
			t_left(&o, s->area, 16);
		} else if (s->rt > 0) {
			char d[24];

			t_str(&o, "  RT ");
			t_left(&o, t_digits((size_t)s->rt, d), 13);
		} else {
			t_str(&o, "  ");
			t_left(&o, i18n(v->lang, T_NO_RT), 16);
		}
		t_str(&o, " ");
		t_num(v, &o, s->ikk, 7);
		for (size_t d = 0; d < s->n_dimensions; d++) {
			t_str(&o, " ");
			t_num(v, &o, s->dimensions[d].value, 7);
		}
		t_str(&o, "  ");
		t_str(&o, s->category ? range_label(v, s->category) :
		      i18n(v->lang, T_IKK_DATA_MISSING));
		t_str(&o, "\n");
	}
	t_flush(&o);
}

/* "target T, realisasi R[ unit], cakupan C %" and the line's end. */
static void action_figures(const report_view *v, const assess_action *x, const char *unit,
                           tout *o)
{
	t_str(o, "target ");
	t_str(o, i18n_count(v->lang, x->target));
	t_str(o, ", ");
	t_str(o, i18n(v->lang, T_W_REALISED));
	t_str(o, " ");
	t_str(o, i18n_count(v->lang, x->realised));
	if (unit) {
		t_str(o, " ");
		t_str(o, unit);
	}
	t_str(o, ", ");
	t_str(o, i18n(v->lang, T_W_COVERAGE));
	t_str(o, " ");
	t_right(o, i18n_fmt(v->lang, x->coverage, 2), 0);
	t_str(o, " %\n");
}

static void actions_text(const report_view *v, const assess_agency *ag, tout *o)
{
	t_str(o, "  ");
	t_str(o, i18n(v->lang, T_INTERVENTIONS));
	t_str(o, ":\n");
	for (size_t i = 0; i < ag->n_actions; i++) {
		const assess_action *x = &ag->actions[i];

		t_str(o, "  ");
		t_size(o, i + 1, 3);
		t_str(o, " ");
		t_str(o, i18n_pick(v->lang, x->decl->label_id, x->decl->label_en));
		t_str(o, ": ");
		if (!x->has_data) {
			t_str(o, i18n(v->lang, T_NOTHING_REPORTED));
			t_str(o, "\n");
			continue;
		}
		action_figures(v, x, x->decl->unit ? x->decl->unit : "", o);
	}
	t_str(o, "  ");
	t_str(o, i18n(v->lang, T_COVERAGE_NOTE));
	t_str(o, "\n");
}

/* A declared table of the agency's plugin in the area (present.h). */
static void table_text(const report_view *v, const reg_table *t, const assess_area *aa,
                       tout *o)
{
	int l = v->lang;
	const char *p = v->as->period;

	t_str(o, "\n  ");
	t_str(o, i18n_pick(l, t->title_id, t->title_en));
	t_str(o, "\n  ");
	t_left(o, i18n_pick(l, t->rows_label_id, t->rows_label_en), 32);
	for (size_t j = 0; j < t->n_cols; j++) {
		t_str(o, " ");
		t_right(o, i18n_pick(l, t->cols[j].label_id, t->cols[j].label_en), 14);
	}
	t_str(o, "\n");
	for (size_t i = 0; i < t->n_rows; i++) {
		t_str(o, "  ");
		t_left(o, i18n_pick(l, t->rows[i].label_id, t->rows[i].label_en), 32);
		for (size_t j = 0; j < t->n_cols; j++) {
			t_str(o, " ");
			t_right(o, i18n_fmt(l, reg_table_cell_value(v->reg, t, i, j, aa->code, p),
			                    t->cols[j].decimals), 14);
		}
		t_str(o, "\n");
	}
	if (*t->note_id) {
		t_str(o, "  ");
		t_str(o, i18n_pick(l, t->note_id, t->note_en));
		t_str(o, "\n");
	}
}

static void class_source_text(void *ud, const char *source)
{
	void **a = ud;
	fprintf(a[1], "  %s: %s\n", i18n(((const report_view *)a[0])->lang, T_CLASS_SOURCE), source);
}

/* " (2025)": the year a target was taken from; "" for a single value. */
static const char *target_year(int year)
{
	static _Thread_local char buf[16];

	if (!year)
		return "";
	snprintf(buf, sizeof buf, " (%d)", year);
	return buf;
}

static void agency_section(const report_view *v, const assess_area *aa, FILE *out)
{
	tout o;

	t_start(&o, out);
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
				t_str(&o, "  ");
				t_blanks(&o, 2 * (size_t)lines[i].group->depth);
				t_str(&o, i18n_pick(v->lang, lines[i].group->label_id,
				                    lines[i].group->label_en));
				t_str(&o, "\n");
				continue;
			}
			t_str(&o, "  ");
			t_size(&o, lines[i].no, 3);
			t_str(&o, " ");
			t_left(&o, r->decl->unit ? r->decl->unit : "", 10);
			t_str(&o, " ");
			t_num(v, &o, r->has_target ? r->target : NAN, 10);
			t_str(&o, " ");
			if (r->decl->kind == PK2D_COUNT && r->has_value)
				t_right(&o, i18n_count(v->lang, r->value), 10);
			else
				t_num(v, &o, r->value, 10);
			t_str(&o, " ");
			t_num(v, &o, r->capaian, 11);
			word = report_view_row_word(v, r, 0);
			t_str(&o, "  ");
			t_left(&o, word ? word : "-", 14);
			t_str(&o, " ");
			t_left(&o, report_view_target_state(v, r), 14);
			t_str(&o, " ");
			t_str(&o, i18n_pick(v->lang, r->decl->label_id, r->decl->label_en));
			if ((cls = present_class(v->reg, r->decl, r->has_value ? r->value : NAN))) {
				t_str(&o, " (");
				t_str(&o, i18n(v->lang, T_CLASS));
				t_str(&o, ": ");
				t_str(&o, i18n_pick(v->lang, cls->label_id, cls->label_en));
				t_str(&o, ")");
			}
			t_str(&o, "\n");
		}
		t_flush(&o);
		present_class_sources(v->reg, lines, n, class_source_text,
		                      (void *[]){ (void *)v, out });
		free(lines);
		if (ag->n_actions)
			actions_text(v, ag, &o);
		for (size_t t = 0; t < registry_n_tables(v->reg); t++)
			if (present_table_shown(v->reg, registry_table_at(v->reg, t), ag->agency,
			                        aa->code, v->as->period))
				table_text(v, registry_table_at(v->reg, t), aa, &o);
		t_flush(&o);
	}
}

static void place(const report_view *v, const assess_place *p, tout *o)
{
	char d[24];

	if (p->rt > 0) {
		t_str(o, "RT ");
		t_str(o, t_digits((size_t)p->rt, d));
	} else if (p->rt == 0) {
		t_str(o, i18n(v->lang, T_NO_RT));
	} else {
		t_str(o, p->area);
	}
	t_str(o, " (");
	t_right(o, i18n_fmt(v->lang, p->value, 2), 0);
	t_str(o, ")");
}

static const char *row_label(const report_view *v, const assess_row *r)
{
	return i18n_pick(v->lang, r->decl->label_id, r->decl->label_en);
}

static void worst_line(const report_view *v, const assess_area *aa, const assess_place *w,
                       size_t n, tout *o)
{
	if (!n)
		return;
	t_str(o, "     ");
	t_str(o, aa->level == AREA_VILLAGE ? i18n(v->lang, T_WORST_RTS) :
	      i18n(v->lang, T_WORST_VILLAGES));
	t_str(o, ": ");
	for (size_t k = 0; k < n; k++) {
		if (k)
			t_str(o, ", ");
		place(v, &w[k], o);
	}
	t_str(o, "\n");
}

static void actions_lines(const report_view *v, const assess_action *acts, size_t n, tout *o)
{
	if (!n) {
		t_str(o, "     - ");
		t_str(o, i18n(v->lang, T_ASSIGN_AGENCY));
		t_str(o, "\n");
	}
	for (size_t k = 0; k < n; k++) {
		const assess_action *x = &acts[k];

		t_str(o, "     - ");
		t_str(o, i18n_pick(v->lang, x->decl->label_id, x->decl->label_en));
		t_str(o, " [");
		t_str(o, x->decl->agency);
		t_str(o, "]: ");
		if (x->has_data) {
			action_figures(v, x, NULL, o);
		} else {
			t_str(o, i18n(v->lang, T_NOTHING_REPORTED));
			t_str(o, "\n");
		}
	}
}

/* "  N. " of a numbered line. */
static void t_no(tout *o, size_t no)
{
	t_str(o, "  ");
	t_size(o, no, 0);
	t_str(o, ". ");
}

static void problems_section(const report_view *v, const assessment *as,
                             const assess_area *aa, FILE *out)
{
	tout o;

	t_start(&o, out);
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

		t_no(&o, i + 1);
		t_str(&o, ai->model->code);
		t_str(&o, " ");
		t_str(&o, ind_label(v, ai));
		t_str(&o, ": ");
		t_right(&o, i18n_fmt(v->lang, ai->value, 2), 0);
		t_str(&o, " % (");
		t_str(&o, i18n_count(v->lang, ai->num));
		t_str(&o, "/");
		t_str(&o, i18n_count(v->lang, ai->den));
		t_str(&o, "), ");
		t_str(&o, i18n_count(v->lang, p->affected));
		t_str(&o, " KK ");
		t_str(&o, i18n(v->lang, T_NOT_MEETING));
		if (ai->below_attention) {
			t_str(&o, "; ");
			t_str(&o, i18n(v->lang, T_UNDER_LINE));
			t_str(&o, " ");
			t_str(&o, i18n_short(v->lang, as->model->attention));
		}
		if (ai->off_target) {
			t_str(&o, "; ");
			t_str(&o, i18n(v->lang, T_OFF_ITS_TARGET));
			t_str(&o, " ");
			t_str(&o, i18n_short(v->lang, ai->target));
			t_str(&o, target_year(ai->target_year));
		}
		t_str(&o, "\n");
		worst_line(v, aa, p->worst, p->n_worst, &o);
	}
	t_flush(&o);
	if (aa->n_agency_problems)
		fprintf(out, "  %s\n", i18n(v->lang, T_RANK_AGENCY_GAP));
	for (size_t i = 0; i < aa->n_agency_problems; i++) {
		const assess_agency_problem *p = &aa->agency_problems[i];
		const assess_row *r = p->row;
		const char *word;

		t_no(&o, aa->n_problems + i + 1);
		t_str(&o, row_label(v, r));
		t_str(&o, " [");
		t_str(&o, p->agency);
		t_str(&o, "]: ");
		t_str(&o, i18n_fmtv(v->lang, r->decl->kind, r->value));
		t_str(&o, " ");
		t_str(&o, r->decl->unit ? r->decl->unit : "");
		t_str(&o, ", target ");
		t_str(&o, i18n_short(v->lang, r->target));
		t_str(&o, target_year(r->target_year));
		t_str(&o, ", ");
		t_str(&o, i18n(v->lang, T_W_GAP));
		t_str(&o, " ");
		t_str(&o, i18n_fmt(v->lang, p->gap, 2));
		t_str(&o, " (");
		if (isinf(p->relative_gap)) {
			t_str(&o, i18n(v->lang, T_TARGET_ZERO));
		} else {
			t_str(&o, i18n_fmt(v->lang, p->relative_gap, 1));
			t_str(&o, " % ");
			t_str(&o, i18n(v->lang, T_OF_TARGET));
		}
		word = report_view_row_word(v, r, 1);
		t_str(&o, "); ");
		t_str(&o, word ? word : "-");
		t_str(&o, "\n");
		worst_line(v, aa, p->worst, p->n_worst, &o);
	}
	t_flush(&o);
	heading(out, i18n(v->lang, T_FOLLOWUP));
	if (!aa->n_problems && !aa->n_agency_problems)
		fprintf(out, "  %s\n", i18n(v->lang, T_NOTHING_TO_FOLLOW));
	for (size_t i = 0; i < aa->n_problems; i++) {
		const assess_problem *p = &aa->problems[i];

		t_no(&o, i + 1);
		t_str(&o, p->indicator->model->code);
		t_str(&o, " ");
		t_str(&o, ind_label(v, p->indicator));
		t_str(&o, "\n");
		actions_lines(v, p->actions, p->n_actions, &o);
	}
	for (size_t i = 0; i < aa->n_agency_problems; i++) {
		const assess_agency_problem *p = &aa->agency_problems[i];

		t_no(&o, aa->n_problems + i + 1);
		t_str(&o, row_label(v, p->row));
		t_str(&o, " [");
		t_str(&o, p->agency);
		t_str(&o, "]\n");
		actions_lines(v, p->actions, p->n_actions, &o);
	}
	if (aa->n_problems || aa->n_agency_problems) {
		t_str(&o, "  ");
		t_str(&o, i18n(v->lang, T_COVERAGE_NOTE));
		t_str(&o, "\n");
	}
	t_flush(&o);
}

static void steps_line(const report_view *v, const assess_step *st, size_t n, tout *o)
{
	char d[24];

	for (size_t k = 0; k < n; k++) {
		t_str(o, k ? ", " : ": ");
		if (st[k].rt > 0) {
			t_str(o, "RT ");
			t_str(o, t_digits((size_t)st[k].rt, d));
		} else if (st[k].rt == 0) {
			t_str(o, i18n(v->lang, T_NO_RT));
		} else {
			t_str(o, st[k].area);
		}
		t_str(o, " ");
		t_str(o, i18n_count(v->lang, st[k].take));
		t_str(o, " ");
		t_str(o, i18n(v->lang, T_OF));
		t_str(o, " ");
		t_str(o, i18n_count(v->lang, st[k].affected));
	}
}

static void planner_section(const report_view *v, const assess_area *aa, FILE *out)
{
	const assess_ikk_plan *pl = aa->ikk_plan;
	tout o;

	t_start(&o, out);
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

		t_no(&o, i + 1);
		t_str(&o, p->indicator->model->code);
		t_str(&o, " ");
		t_str(&o, ind_label(v, p->indicator));
		t_str(&o, ": ");
		t_str(&o, i18n_count(v->lang, p->to_change));
		t_str(&o, " KK");
		steps_line(v, p->steps, p->n_steps, &o);
		t_str(&o, "\n");
	}
	for (size_t i = 0; i < aa->n_agency_problems; i++) {
		const assess_agency_problem *p = &aa->agency_problems[i];

		t_no(&o, aa->n_problems + i + 1);
		t_str(&o, row_label(v, p->row));
		t_str(&o, ": ");
		if (isnan(p->to_change)) {
			t_str(&o, i18n(v->lang, T_NOT_A_MEAN));
		} else {
			t_str(&o, i18n_count(v->lang, p->to_change));
			t_str(&o, " ");
			t_str(&o, p->row->decl->kind == PK2D_COUNT ? "" : i18n(v->lang, T_DEN_UNITS));
		}
		steps_line(v, p->steps, p->n_steps, &o);
		t_str(&o, "\n");
	}
	t_flush(&o);
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
