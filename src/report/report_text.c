/*
 * report_text.c - the plain text report: run status, files read, then every
 * indicator and intervention with its total for the run's area and, in a
 * village run, each value as reported (by RT).
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <errno.h>
#include <string.h>

#include "writers.h"
#include "escape.h"
#include "i18n.h"
#include "report_view.h"
#include "report_assess.h"
#include "view_rows.h"

static void area_line(const report_view *v, FILE *out, const char *code)
{
	const char *name = v->areas ? areas_name(v->areas, code) : NULL;
	if (name)
		fprintf(out, "%s (%s)", code, name);
	else
		fputs(code, out);
}

static void write_runs(const report_view *v, FILE *out)
{
	fprintf(out, "\n%s\n", i18n(v->lang, T_RUN_STATUS));
	for (size_t i = 0; i < v->n_runs; i++) {
		const plugin_run *r = &v->runs[i];
		fprintf(out, "  %-16s %-12s %-10s %6ld %s, %ld %s, %s s%s%s", r->instance, r->module,
		        i18n_state(v->lang, r->state), r->values, i18n(v->lang, T_W_VALUES), r->refused,
		        i18n(v->lang, T_W_REFUSED), i18n_fmt(v->lang, r->seconds, 2),
		        r->required ? ", " : "", r->required ? i18n(v->lang, T_REQUIRED) : "");
		if (r->agency && *r->agency)
			fprintf(out, " [%s]", r->agency);
		fputc('\n', out);
		if (r->reason)
			fprintf(out, "      %s\n", r->reason);
	}
}

static void write_files(const report_view *v, FILE *out)
{
	int any = 0;
	for (size_t i = 0; i < v->n_runs; i++) {
		const plugin_run *r = &v->runs[i];
		for (size_t j = 0; j < r->n_files; j++) {
			const csv_stats *s = r->files[j];
			if (!any++)
				fprintf(out, "\n%s\n", i18n(v->lang, T_FILES_READ));
			fprintf(out, "  %s: %s: %ld %s, %ld %s, %ld %s\n", r->instance, s->path,
			        s->records, i18n(v->lang, T_W_ROWS), s->rejected,
			        i18n(v->lang, T_W_REJECTED), s->noted, i18n(v->lang, T_W_NOTED));
			for (size_t k = 0; k < s->n_problems; k++) {
				const csv_problem *p = &s->problems[k];
				fprintf(out, "      %s: %ld (%s)\n", p->kind, p->count,
				        i18n(v->lang, p->rejected ? T_W_REJECTED : T_W_NOTED));
				for (int e = 0; e < p->n_examples; e++)
					fprintf(out, "        %s:%ld: %s\n", s->path, p->example_line[e],
					        p->example_text[e]);
			}
		}
	}
}

/* A value and the sums behind it: "64,00 (16 / 25)". A count is the count
 * alone: its denominator only counts the reports summed into it. */
static void value_sums(const report_view *v, FILE *out, const reg_indicator *ind,
                       const reg_sum *s)
{
	if (ind->kind == PK2D_COUNT) {
		fprintf(out, "%s\n", i18n_count(v->lang, reg_value(ind, s)));
		return;
	}
	fprintf(out, "%s (%s / %s)\n", i18n_fmt(v->lang, reg_value(ind, s), 2),
	        i18n_count(v->lang, s->num), i18n_count(v->lang, s->den));
}

struct walk {
	const report_view *v;
	FILE *out;
	size_t next;              /* next indicator or intervention to head */
};

static void indicator_head(const report_view *v, FILE *out, const reg_indicator *ind)
{
	fprintf(out, "  %s  %s  [%s, %s, %s", ind->full_id,
	        i18n_pick(v->lang, ind->label_id, ind->label_en),
	        i18n_kind(v->lang, ind->kind),
	        i18n_direction(v->lang, ind->direction), ind->unit ? ind->unit : "");
	if (ind->has_target)
		fprintf(out, ", %s %s", i18n(v->lang, T_W_TARGET), i18n_short(v->lang, ind->target));
	fputs("]\n", out);
	reg_sum s;
	fprintf(out, "    %s ", i18n(v->lang, T_TOTAL));
	area_line(v, out, v->area);
	fprintf(out, " %s: ", v->period);
	if (registry_get(v->reg, ind, v->area, RT_ALL, v->period, &s)) {
		value_sums(v, out, ind, &s);
	} else {
		fprintf(out, "%s\n", i18n(v->lang, T_NO_VALUES));
	}
}

static void heads_until(struct walk *w, size_t index)
{
	while (w->next <= index && w->next < registry_n_indicators(w->v->reg))
		indicator_head(w->v, w->out, registry_indicator_at(w->v->reg, w->next++));
}

static int value_line(void *ud, const reg_indicator *ind, const char *area, int rt,
                      const char *period, const reg_sum *s)
{
	struct walk *w = ud;
	heads_until(w, ind->index);
	fprintf(w->out, "    %s", area);
	if (rt > 0)
		fprintf(w->out, " RT %d", rt);
	fprintf(w->out, " %s: ", period);
	value_sums(w->v, w->out, ind, s);
	return 0;
}

static void intervention_head(const report_view *v, FILE *out, const reg_intervention *iv)
{
	fprintf(out, "  %s  %s", iv->full_id, i18n_pick(v->lang, iv->label_id, iv->label_en));
	if (iv->agency && *iv->agency)
		fprintf(out, " [%s]", iv->agency);
	fputc('\n', out);
	if (iv->n_aims) {
		fprintf(out, "    %s:", i18n(v->lang, T_AIMS_AT));
		for (size_t i = 0; i < iv->n_aims; i++)
			fprintf(out, " %s", iv->aims[i]);
		fputc('\n', out);
	}
	reg_isum s;
	fprintf(out, "    %s ", i18n(v->lang, T_TOTAL));
	area_line(v, out, v->area);
	fprintf(out, " %s: ", v->period);
	if (registry_get_intervention(v->reg, iv, v->area, RT_ALL, v->period, &s))
		fprintf(out, "%s %s, %s %s, %s %s\n", i18n(v->lang, T_W_TARGET),
		        i18n_count(v->lang, s.target), i18n(v->lang, T_W_REALISED),
		        i18n_count(v->lang, s.realised), i18n(v->lang, T_W_BUDGET),
		        i18n_money(v->lang, s.budget));
	else
		fprintf(out, "%s\n", i18n(v->lang, T_NO_VALUES));
}

static void iheads_until(struct walk *w, size_t index)
{
	while (w->next <= index && w->next < registry_n_interventions(w->v->reg))
		intervention_head(w->v, w->out, registry_intervention_at(w->v->reg, w->next++));
}

static int ivalue_line(void *ud, const reg_intervention *iv, const char *area, int rt,
                       const char *period, const reg_isum *s)
{
	struct walk *w = ud;
	iheads_until(w, iv->index);
	fprintf(w->out, "    %s", area);
	if (rt > 0)
		fprintf(w->out, " RT %d", rt);
	fprintf(w->out, " %s: %s %s, %s %s, %s %s\n", period, i18n(w->v->lang, T_W_TARGET),
	        i18n_count(w->v->lang, s->target), i18n(w->v->lang, T_W_REALISED),
	        i18n_count(w->v->lang, s->realised), i18n(w->v->lang, T_W_BUDGET),
	        i18n_money(w->v->lang, s->budget));
	return 0;
}

/* The run's failure first, then the summary (view_summary) and the rows
 * the run did not use. */
static void write_glance(const report_view *v, FILE *out)
{
	view_summary s;
	const view_unused *u = &s.unused;

	view_summary_build(v, v->as ? v->main.aa : NULL, &s);
	if (u->n_failures)
		fprintf(out, "\n%s\n", i18n(v->lang, T_RUN_FAILS));
	for (size_t i = 0; i < u->n_failures; i++)
		fprintf(out, "  ! %s\n", u->failures[i]);
	if (s.lokus) {
		fprintf(out, "\n== %s ==\n  %s\n", i18n(v->lang, T_LOKUS_VILLAGES), s.lokus);
		report_text_table(v, &s.lokus_villages, out);
	}
	if (s.assessed) {
		fprintf(out, "\n== %s ==\n  %s %s  %s\n\n", i18n(v->lang, T_AT_A_GLANCE),
		        i18n(v->lang, T_IKK_SHORT), s.ikk, s.category);
		report_text_table(v, &s.dims, out);
		fprintf(out, "\n  %s\n", i18n(v->lang, T_TOP_PROBLEMS));
		if (s.looked_at)
			fprintf(out, "  %s\n", s.looked_at);
		else
			report_text_table(v, &s.problems, out);
		if (s.headlines.n_rows) {
			fprintf(out, "\n  %s\n", i18n(v->lang, T_HEADLINE_FIGURES));
			report_text_table(v, &s.headlines, out);
		}
	}
	if (u->headline) {
		fprintf(out, "\n%s: %s\n", i18n(v->lang, T_UNUSED_ROWS), u->headline);
		for (size_t i = 0; i < u->n_files; i++)
			fprintf(out, "  %s\n", u->files[i]);
	}
	view_summary_free(&s);
}

static int write_text(const report_view *v, FILE *out)
{
	fprintf(out, "%s\n", v->title ? v->title : i18n(v->lang, T_REPORT));
	fprintf(out, "%s: %s\n%s: ", i18n(v->lang, T_PERIOD), v->period,
	        i18n(v->lang, T_AREA));
	area_line(v, out, v->area);
	fputc('\n', out);
	write_glance(v, out);
	if (v->as) {
		report_assess_text(v, v->main.aa, out);
		report_summary_text(v, out);
	}
	write_runs(v, out);
	write_files(v, out);

	struct walk w = { .v = v, .out = out };
	fprintf(out, "\n%s\n", i18n(v->lang, T_DECLARED));
	report_each_value(v, value_line, &w);
	heads_until(&w, registry_n_indicators(v->reg));

	w.next = 0;
	fprintf(out, "\n%s\n", i18n(v->lang, T_INTERVENTIONS));
	report_each_intervention_value(v, ivalue_line, &w);
	iheads_until(&w, registry_n_interventions(v->reg));
	return report_text_view(v, out);
}

/* The report is written through esc_term_stream: every control character
 * from data neutralised (an escape sequence in a name cannot repaint the
 * terminal) and, on a terminal without NO_COLOR, the status words coloured,
 * a line at a time straight into out. */
int report_text_write(const report_view *v, FILE *out, char *err, size_t errlen)
{
	FILE *term = esc_term_stream(out, esc_want_colour(out));

	if (!term) {
		snprintf(err, errlen, "out of memory");
		return PK2D_ERR_NOMEM;
	}
	int rc = write_text(v, term);

	if (fclose(term) != 0 || ferror(out) || rc < 0) {
		snprintf(err, errlen, "%s", strerror(errno ? errno : EIO));
		return PK2D_ERR_IO;
	}
	return 0;
}
