/*
 * report_csv.c - the long CSV format: one row per kind, area, RT, period and
 * indicator (or intervention, or assessment score). docs/report.md lists the
 * columns. Text cells go through esc_csv (quoting and formula
 * neutralisation); numbers are written as plain numbers with a decimal point.
 */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "escape.h"
#include "i18n.h"
#include "report_view.h"

struct csv_ctx {
	const report_view *v;
	FILE *f;
	const areas *names;
};

static void number(FILE *f, double x)
{
	if (!isnan(x))
		fprintf(f, "%.10g", x);
}

/* kind, area, area_name, level, rt, period */
static void lead(const struct csv_ctx *c, const char *kind, const char *area, int rt,
                 const char *period)
{
	const char *name = c->names ? areas_name(c->names, area) : NULL;

	fprintf(c->f, "%s,", kind);
	esc_csv(c->f, area);
	fputc(',', c->f);
	esc_csv(c->f, name ? name : "");
	fprintf(c->f, ",%d,", area_level(area));
	if (rt >= 0)
		fprintf(c->f, "%d", rt);
	fputc(',', c->f);
	esc_csv(c->f, period);
	fputc(',', c->f);
}

static int indicator_row(void *ud, const reg_indicator *d, const char *area, int rt,
                         const char *period, const reg_sum *s)
{
	const struct csv_ctx *c = ud;
	double value = reg_value(d, s), target;
	int status = report_view_status(c->v, d, value, &target);

	lead(c, "indicator", area, rt, period);
	esc_csv(c->f, d->full_id);
	fputc(',', c->f);
	esc_csv(c->f, i18n_pick(c->v->lang, d->label_id, d->label_en));
	fputc(',', c->f);
	esc_csv(c->f, d->agency);
	fputc(',', c->f);
	esc_csv(c->f, d->unit);
	fputc(',', c->f);
	number(c->f, s->num);
	fputc(',', c->f);
	number(c->f, s->den);
	fputc(',', c->f);
	number(c->f, value);
	fputc(',', c->f);
	number(c->f, target);
	fprintf(c->f, ",%s\r\n", report_status_key(status));
	return ferror(c->f) ? PK2D_ERR_IO : 0;
}

static int intervention_row(void *ud, const reg_intervention *d, const char *area, int rt,
                            const char *period, const reg_isum *s)
{
	const struct csv_ctx *c = ud;

	lead(c, "intervention", area, rt, period);
	esc_csv(c->f, d->full_id);
	fputc(',', c->f);
	esc_csv(c->f, i18n_pick(c->v->lang, d->label_id, d->label_en));
	fputc(',', c->f);
	esc_csv(c->f, d->agency);
	fputc(',', c->f);
	esc_csv(c->f, d->unit);
	fputc(',', c->f);
	number(c->f, s->realised);
	fputc(',', c->f);
	number(c->f, s->target);
	fputc(',', c->f);
	number(c->f, report_coverage(s->target, s->realised));
	fputs(",,\r\n", c->f);
	return ferror(c->f) ? PK2D_ERR_IO : 0;
}

static void score_rows(const struct csv_ctx *c, const assess_score *s)
{
	lead(c, "ikk", s->area, s->rt, c->v->period);
	fputs("ikk,", c->f);
	esc_csv(c->f, i18n(c->v->lang, T_IKK));
	fputs(",,,,,", c->f);
	number(c->f, s->ikk);
	fprintf(c->f, ",,%s\r\n", s->category ? s->category->key : "");
	for (size_t i = 0; i < s->n_dimensions; i++) {
		const model_dimension *m = s->dimensions[i].model;

		lead(c, "dimension", s->area, s->rt, c->v->period);
		fputs("dim.", c->f);
		esc_csv(c->f, m->key);
		fputc(',', c->f);
		esc_csv(c->f, i18n_pick(c->v->lang, m->label_id, m->label_en));
		fputs(",,,,,", c->f);
		number(c->f, s->dimensions[i].value);
		fputs(",,\r\n", c->f);
	}
}

static void area_scores(const struct csv_ctx *c, const assess_area *aa)
{
	score_rows(c, &aa->score);
	/* The RTs of a village; a wider area's parts are its villages, which
	 * come with their own assessment below. */
	if (aa->level == AREA_VILLAGE)
		for (size_t i = 0; i < aa->n_parts; i++)
			score_rows(c, &aa->parts[i]);
}

/* One row of a file's accounting: the rows of a class (-1: used) out of the
 * rows read. */
static void file_row(const struct csv_ctx *c, const acct_file *af, int cls, long rows)
{
	const char *fail = acct_failure_key(af->failure);

	lead(c, "file_rows", c->v->unused.area, -1, c->v->period);
	esc_csv(c->f, af->st->path);
	fprintf(c->f, ",%s,", acct_class_key(cls));
	esc_csv(c->f, af->instance);
	fprintf(c->f, ",rows,%ld,%ld,", rows, af->st->records);
	number(c->f, af->st->records ? 100.0 * (double)rows / (double)af->st->records : NAN);
	fputc(',', c->f);
	if (cls == ACCT_REJECTED)
		number(c->f, c->v->unused.acct->max_rejected);
	fprintf(c->f, ",%s\r\n", fail ? fail : "ok");
}

/* First rows: each failure of the run (label: why), then every file's rows
 * by class. */
static void accounting_rows(const struct csv_ctx *c)
{
	const unused_ctx *u = &c->v->unused;
	char buf[2048];

	if (!u->acct)
		return;
	for (size_t i = 0; i < u->acct->n; i++) {
		const acct_file *af = &u->acct->files[i];

		if (af->failure == ACCT_FINE)
			continue;
		lead(c, "run_failure", u->area, -1, c->v->period);
		esc_csv(c->f, af->st->path);
		fputc(',', c->f);
		esc_csv(c->f, unused_failure(u, af, buf, sizeof buf));
		fputc(',', c->f);
		esc_csv(c->f, af->instance);
		fprintf(c->f, ",,,,,,%s\r\n", acct_failure_key(af->failure));
	}
	for (size_t i = 0; i < u->acct->n; i++) {
		const acct_file *af = &u->acct->files[i];

		file_row(c, af, -1, af->used);
		for (int cls = 0; cls < ACCT_N_CLASSES; cls++)
			if (af->rows[cls])
				file_row(c, af, cls, af->rows[cls]);
	}
}

int report_csv_write(const report_view *v, FILE *f)
{
	struct csv_ctx c = { .v = v, .f = f, .names = v->as->areas };
	int rc;

	fputs("kind,area,area_name,level,rt,period,id,label,agency,unit,numerator,denominator,"
	      "value,target,status\r\n", f);
	accounting_rows(&c);
	area_scores(&c, v->main.aa);
	for (size_t i = 0; i < v->n_villages; i++)
		area_scores(&c, v->villages[i].aa);
	if ((rc = report_view_each_value(v, indicator_row, &c)) < 0)
		return rc;
	if ((rc = report_view_each_intervention(v, intervention_row, &c)) < 0)
		return rc;
	return ferror(f) ? PK2D_ERR_IO : 0;
}
