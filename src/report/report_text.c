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

#include "report.h"
#include "escape.h"
#include "i18n.h"
#include "report_view.h"
#include "report_assess.h"
#include "unused.h"

/* The language of the number helpers of i18n.h (shared with the HTML and
 * Markdown reports): a decimal comma in Bahasa Indonesia. */
static int lang(const report_ctx *ctx)
{
	return ctx->language && !strcmp(ctx->language, "en") ? LANG_EN : LANG_ID;
}

static void area_line(const report_ctx *ctx, FILE *out, const char *code)
{
	const char *name = ctx->areas ? areas_name(ctx->areas, code) : NULL;
	if (name)
		fprintf(out, "%s (%s)", code, name);
	else
		fputs(code, out);
}

static void write_runs(const report_ctx *ctx, FILE *out)
{
	fprintf(out, "\n%s\n", report_word(ctx, "Run status"));
	for (size_t i = 0; i < ctx->n_runs; i++) {
		const plugin_run *r = &ctx->runs[i];
		static const char *const states[] = { "ok", "failed", "not loaded", "disabled" };
		const char *st = r->state >= 0 && r->state <= 3 ? states[r->state] : "?";
		fprintf(out, "  %-16s %-12s %-10s %6ld %s, %ld %s, %s s%s%s", r->instance, r->module,
		        report_word(ctx, st), r->values, report_word(ctx, "values"), r->refused,
		        report_word(ctx, "refused"), i18n_fmt(lang(ctx), r->seconds, 2),
		        r->required ? ", " : "", r->required ? report_word(ctx, "required") : "");
		if (r->agency && *r->agency)
			fprintf(out, " [%s]", r->agency);
		fputc('\n', out);
		if (r->reason)
			fprintf(out, "      %s\n", r->reason);
	}
}

static void write_files(const report_ctx *ctx, FILE *out)
{
	int any = 0;
	for (size_t i = 0; i < ctx->n_runs; i++) {
		const plugin_run *r = &ctx->runs[i];
		for (size_t j = 0; j < r->n_files; j++) {
			const csv_stats *s = r->files[j];
			if (!any++)
				fprintf(out, "\n%s\n", report_word(ctx, "Files read"));
			fprintf(out, "  %s: %s: %ld %s, %ld %s, %ld %s\n", r->instance, s->path,
			        s->records, report_word(ctx, "rows"), s->rejected,
			        report_word(ctx, "rejected"), s->noted, report_word(ctx, "noted"));
			for (size_t k = 0; k < s->n_problems; k++) {
				const csv_problem *p = &s->problems[k];
				fprintf(out, "      %s: %ld (%s)\n", p->kind, p->count,
				        report_word(ctx, p->rejected ? "rejected" : "noted"));
				for (int e = 0; e < p->n_examples; e++)
					fprintf(out, "        %s:%ld: %s\n", s->path, p->example_line[e],
					        p->example_text[e]);
			}
		}
	}
}

/* A value and the sums behind it: "64,00 (16 / 25)". A count is the count
 * alone: its denominator only counts the reports summed into it. */
static void value_sums(const report_ctx *ctx, FILE *out, const reg_indicator *ind,
                       const reg_sum *s)
{
	if (ind->kind == PK2D_COUNT) {
		fprintf(out, "%s\n", i18n_count(lang(ctx), reg_value(ind, s)));
		return;
	}
	fprintf(out, "%s (%s / %s)\n", i18n_fmt(lang(ctx), reg_value(ind, s), 2),
	        i18n_count(lang(ctx), s->num), i18n_count(lang(ctx), s->den));
}

struct walk {
	const report_ctx *ctx;
	FILE *out;
	size_t next;              /* next indicator or intervention to head */
};

static void indicator_head(const report_ctx *ctx, FILE *out, const reg_indicator *ind)
{
	fprintf(out, "  %s  %s  [%s, %s, %s", ind->full_id,
	        report_label(ctx, ind->label_id, ind->label_en),
	        report_word(ctx, report_kind_name(ind->kind)),
	        report_word(ctx, report_direction_name(ind->direction)), ind->unit ? ind->unit : "");
	if (ind->has_target)
		fprintf(out, ", %s %s", report_word(ctx, "target"), i18n_short(lang(ctx), ind->target));
	fputs("]\n", out);
	reg_sum s;
	fprintf(out, "    %s ", report_word(ctx, "total"));
	area_line(ctx, out, ctx->area);
	fprintf(out, " %s: ", ctx->period);
	if (registry_get(ctx->reg, ind, ctx->area, RT_ALL, ctx->period, &s)) {
		value_sums(ctx, out, ind, &s);
	} else {
		fprintf(out, "%s\n", report_word(ctx, "no values"));
	}
}

static void heads_until(struct walk *w, size_t index)
{
	while (w->next <= index && w->next < registry_n_indicators(w->ctx->reg))
		indicator_head(w->ctx, w->out, registry_indicator_at(w->ctx->reg, w->next++));
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
	value_sums(w->ctx, w->out, ind, s);
	return 0;
}

static void intervention_head(const report_ctx *ctx, FILE *out, const reg_intervention *iv)
{
	fprintf(out, "  %s  %s", iv->full_id, report_label(ctx, iv->label_id, iv->label_en));
	if (iv->agency && *iv->agency)
		fprintf(out, " [%s]", iv->agency);
	fputc('\n', out);
	if (iv->n_aims) {
		fprintf(out, "    %s:", report_word(ctx, "aims at"));
		for (size_t i = 0; i < iv->n_aims; i++)
			fprintf(out, " %s", iv->aims[i]);
		fputc('\n', out);
	}
	reg_isum s;
	fprintf(out, "    %s ", report_word(ctx, "total"));
	area_line(ctx, out, ctx->area);
	fprintf(out, " %s: ", ctx->period);
	if (registry_get_intervention(ctx->reg, iv, ctx->area, RT_ALL, ctx->period, &s))
		fprintf(out, "%s %s, %s %s, %s %s\n", report_word(ctx, "target"),
		        i18n_count(lang(ctx), s.target), report_word(ctx, "realised"),
		        i18n_count(lang(ctx), s.realised), report_word(ctx, "budget"),
		        i18n_money(lang(ctx), s.budget));
	else
		fprintf(out, "%s\n", report_word(ctx, "no values"));
}

static void iheads_until(struct walk *w, size_t index)
{
	while (w->next <= index && w->next < registry_n_interventions(w->ctx->reg))
		intervention_head(w->ctx, w->out, registry_intervention_at(w->ctx->reg, w->next++));
}

static int ivalue_line(void *ud, const reg_intervention *iv, const char *area, int rt,
                       const char *period, const reg_isum *s)
{
	struct walk *w = ud;
	iheads_until(w, iv->index);
	fprintf(w->out, "    %s", area);
	if (rt > 0)
		fprintf(w->out, " RT %d", rt);
	fprintf(w->out, " %s: %s %s, %s %s, %s %s\n", period, report_word(w->ctx, "target"),
	        i18n_count(lang(w->ctx), s->target), report_word(w->ctx, "realised"),
	        i18n_count(lang(w->ctx), s->realised), report_word(w->ctx, "budget"),
	        i18n_money(lang(w->ctx), s->budget));
	return 0;
}

/* Near the top: the run's failure and the rows it did not use. */
static void write_unused(const report_ctx *ctx, FILE *out)
{
	unused_ctx u = { .acct = ctx->acct, .lang = lang(ctx), .areas = ctx->areas,
	                 .area = ctx->area, .period = ctx->period };
	char buf[2048];

	if (!unused_any(ctx->acct))
		return;
	if (ctx->acct->n_failed) {
		fprintf(out, "\n%s\n", i18n(u.lang, T_RUN_FAILS));
		for (size_t i = 0; i < ctx->acct->n; i++)
			if (ctx->acct->files[i].failure != ACCT_FINE)
				fprintf(out, "  ! %s\n", unused_failure(&u, &ctx->acct->files[i], buf,
				                                         sizeof buf));
	}
	fprintf(out, "\n%s: %s\n", i18n(u.lang, T_UNUSED_ROWS), unused_headline(&u, buf,
	                                                                       sizeof buf));
	for (size_t i = 0; i < ctx->acct->n; i++) {
		const acct_file *f = &ctx->acct->files[i];

		if (acct_file_lossy(f))
			fprintf(out, "  %s (%s): %s\n", f->st->path, f->instance,
			        unused_file_counts(&u, f, buf, sizeof buf));
	}
}

static int write_text(const report_ctx *ctx, FILE *out)
{
	fprintf(out, "%s\n", ctx->title ? ctx->title : report_word(ctx, "pk2d report"));
	fprintf(out, "%s: %s\n%s: ", report_word(ctx, "Period"), ctx->period,
	        report_word(ctx, "Area"));
	area_line(ctx, out, ctx->area);
	fputc('\n', out);
	write_unused(ctx, out);
	report_assess_text(ctx, out);
	write_runs(ctx, out);
	write_files(ctx, out);

	struct walk w = { .ctx = ctx, .out = out };
	fprintf(out, "\n%s\n", report_word(ctx, "Indicators"));
	report_each_value(ctx, value_line, &w);
	heads_until(&w, registry_n_indicators(ctx->reg));

	w.next = 0;
	fprintf(out, "\n%s\n", report_word(ctx, "Interventions"));
	report_each_intervention_value(ctx, ivalue_line, &w);
	iheads_until(&w, registry_n_interventions(ctx->reg));
	report_text_view(ctx, out);
	return 0;
}

/* The report is written through esc_term_stream: every control character
 * from data neutralised (an escape sequence in a name cannot repaint the
 * terminal) and, on a terminal without NO_COLOR, the status words coloured,
 * a line at a time straight into out. */
int report_write_text(const report_ctx *ctx, FILE *out, char *err, size_t errlen)
{
	FILE *term = esc_term_stream(out, esc_want_colour(out));

	if (!term) {
		snprintf(err, errlen, "out of memory");
		return PK2D_ERR_NOMEM;
	}
	write_text(ctx, term);
	if (fclose(term) != 0 || ferror(out)) {
		snprintf(err, errlen, "%s", strerror(errno ? errno : EIO));
		return PK2D_ERR_IO;
	}
	return 0;
}
