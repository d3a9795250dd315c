/*
 * report_csv.c - the long CSV format: one row per kind, area, RT, period and
 * indicator (or intervention, or assessment score). docs/report.md lists the
 * columns. Text cells go through esc_csv_field (quoting and formula
 * neutralisation); numbers are written as plain numbers.
 *
 * An assessed area's problems, their follow-up plan and the target planner
 * come as records of their own (problem_rows), as in the JSON report.
 *
 * Two dialects ([pk2d] csv_dialect, --csv-dialect): RFC 4180 (',' between
 * cells, a decimal point), and excel-id for a spreadsheet in an Indonesian
 * locale, which reads ',' as the decimal separator and a file without a
 * byte order mark in the machine's code page: ';' between cells, a decimal
 * comma, and a UTF-8 byte order mark first. Both end records with CRLF.
 */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "agency_problems.h"
#include "conf.h"
#include "escape.h"
#include "i18n.h"
#include "present.h"
#include "report_view.h"
#include "writers.h"

struct csv_ctx {
	const report_view *v;
	FILE *f;
	const areas *names;
	char sep;             /* between cells */
	int decimal_comma;
	int at_start;         /* no cell written on this record yet */
};

static void cell(struct csv_ctx *c)
{
	if (!c->at_start)
		fputc(c->sep, c->f);
	c->at_start = 0;
}

static void text(struct csv_ctx *c, const char *s)
{
	cell(c);
	esc_csv_field(c->f, s, c->sep);
}

static void number(struct csv_ctx *c, double x)
{
	char buf[64], *dot;

	cell(c);
	if (isnan(x))
		return;
	snprintf(buf, sizeof buf, "%.10g", x);
	if (c->decimal_comma && (dot = strchr(buf, '.')))
		*dot = ',';
	fputs(buf, c->f);
}

static void empty(struct csv_ctx *c, int n)
{
	while (n-- > 0)
		cell(c);
}

static void end_record(struct csv_ctx *c)
{
	fputs("\r\n", c->f);
	c->at_start = 1;
}

/* kind, area, area_name, level, rt, period */
static void lead(struct csv_ctx *c, const char *kind, const char *area, int rt,
                 const char *period)
{
	const char *name = c->names ? areas_name(c->names, area) : NULL;

	text(c, kind);
	text(c, area);
	text(c, name ? name : "");
	number(c, area_level(area));
	number(c, rt >= 0 ? rt : NAN);
	text(c, period);
}

static int indicator_row(void *ud, const reg_indicator *d, const char *area, int rt,
                         const char *period, const reg_sum *s)
{
	struct csv_ctx *c = ud;
	double value = reg_value(d, s), target;
	int status = report_view_status(c->v, d, value, &target);

	lead(c, "indicator", area, rt, period);
	text(c, d->full_id);
	text(c, i18n_pick(c->v->lang, d->label_id, d->label_en));
	text(c, d->agency);
	text(c, d->unit);
	number(c, s->num);
	number(c, s->den);
	number(c, value);
	number(c, target);
	text(c, report_status_key(status));
	end_record(c);
	return ferror(c->f) ? PK2D_ERR_IO : 0;
}

static int intervention_row(void *ud, const reg_intervention *d, const char *area, int rt,
                            const char *period, const reg_isum *s)
{
	struct csv_ctx *c = ud;

	lead(c, "intervention", area, rt, period);
	text(c, d->full_id);
	text(c, i18n_pick(c->v->lang, d->label_id, d->label_en));
	text(c, d->agency);
	text(c, d->unit);
	number(c, s->realised);
	number(c, s->target);
	number(c, report_coverage(s->target, s->realised));
	empty(c, 2);
	end_record(c);
	return ferror(c->f) ? PK2D_ERR_IO : 0;
}

/* The declared presentation of an area (present.h): each row's class as a
 * class record (label the class, status its key), and each declared
 * table's cells as table records (id "<plugin>.<table>", label "row:
 * column", unit the column's rule). */
static void presentation_rows(struct csv_ctx *c, const assess_area *aa)
{
	const registry *r = c->v->reg;
	char buf[1024];

	for (size_t a = 0; a < aa->n_agencies; a++)
		for (size_t i = 0; i < aa->agencies[a].n_rows; i++) {
			const assess_row *row = &aa->agencies[a].rows[i];
			const reg_class *cls = present_class(r, row->decl, row->has_value ? row->value
			                                                                  : NAN);
			if (!cls)
				continue;
			lead(c, "class", aa->code, -1, c->v->period);
			text(c, row->decl->full_id);
			text(c, i18n_pick(c->v->lang, cls->label_id, cls->label_en));
			text(c, row->decl->agency);
			text(c, row->decl->unit);
			empty(c, 2);
			number(c, row->value);
			empty(c, 1);
			text(c, cls->key);
			end_record(c);
		}
	for (size_t k = 0; k < registry_n_tables(r); k++) {
		const reg_table *t = registry_table_at(r, k);

		if (!present_table_shown(r, t, t->agency, aa->code, c->v->period))
			continue;
		for (size_t i = 0; i < t->n_rows; i++)
			for (size_t j = 0; j < t->n_cols; j++) {
				lead(c, "table", aa->code, -1, c->v->period);
				snprintf(buf, sizeof buf, "%s.%s", t->plugin, t->id);
				text(c, buf);
				snprintf(buf, sizeof buf, "%s: %s",
				         i18n_pick(c->v->lang, t->rows[i].label_id, t->rows[i].label_en),
				         i18n_pick(c->v->lang, t->cols[j].label_id, t->cols[j].label_en));
				text(c, buf);
				text(c, t->agency);
				text(c, present_rule_name(t->cols[j].rule));
				empty(c, 2);
				number(c, reg_table_cell_value(r, t, i, j, aa->code, c->v->period));
				empty(c, 2);
				end_record(c);
			}
	}
}

static void score_rows(struct csv_ctx *c, const assess_score *s)
{
	char id[256];

	lead(c, "ikk", s->area, s->rt, c->v->period);
	text(c, "ikk");
	text(c, i18n(c->v->lang, T_IKK));
	empty(c, 4);
	number(c, s->ikk);
	empty(c, 1);
	text(c, s->category ? s->category->key : "");
	end_record(c);
	for (size_t i = 0; i < s->n_dimensions; i++) {
		const model_dimension *m = s->dimensions[i].model;

		lead(c, "dimension", s->area, s->rt, c->v->period);
		snprintf(id, sizeof id, "dim.%s", m->key);
		text(c, id);
		text(c, i18n_pick(c->v->lang, m->label_id, m->label_en));
		empty(c, 4);
		number(c, s->dimensions[i].value);
		empty(c, 2);
		end_record(c);
	}
}

/* A record of a problem or its plan: kind, the area, the problem's id,
 * label and agency, and its unit when with_unit (a plan counts units of the
 * denominator instead). */
static void problem_lead(struct csv_ctx *c, const char *kind, const char *area, int rt,
                         const reg_indicator *d, const char *fallback_id, int with_unit)
{
	lead(c, kind, area, rt, c->v->period);
	text(c, d ? d->full_id : fallback_id);
	text(c, d ? i18n_pick(c->v->lang, d->label_id, d->label_en) : fallback_id);
	text(c, d ? d->agency : "");
	text(c, d && with_unit ? d->unit : "");
}

/* One problem of either list, as its records need it. */
struct problem_out {
	const char *kind;             /* "problem" or "agency_problem" */
	const reg_indicator *d;       /* NULL: a model indicator no plugin declares */
	const char *id;
	double num, den, value, target;
	int status;                   /* enum assess_status */
	const assess_place *worst;
	size_t n_worst;
	const assess_action *actions;
	size_t n_actions;
	double to_change;
	const assess_step *steps;
	size_t n_steps;
};

/* A problem record, then its worst places, the interventions that aim at it
 * (or none), the changes the planner asks for and where. */
static void problem_records(struct csv_ctx *c, const assess_area *aa, const struct problem_out *p)
{
	problem_lead(c, p->kind, aa->code, -1, p->d, p->id, 1);
	number(c, p->num);
	number(c, p->den);
	number(c, p->value);
	number(c, p->target);
	text(c, report_status_key(p->status));
	end_record(c);
	for (size_t k = 0; k < p->n_worst; k++) {
		problem_lead(c, "problem_worst", p->worst[k].area, p->worst[k].rt, p->d, p->id, 1);
		number(c, p->worst[k].num);
		number(c, p->worst[k].den);
		number(c, p->worst[k].value);
		empty(c, 2);
		end_record(c);
	}
	for (size_t k = 0; k < p->n_actions; k++) {
		const assess_action *a = &p->actions[k];

		lead(c, "problem_action", aa->code, -1, c->v->period);
		text(c, p->id);
		text(c, i18n_pick(c->v->lang, a->decl->label_id, a->decl->label_en));
		text(c, a->decl->agency);
		text(c, a->decl->unit);
		number(c, a->has_data ? a->realised : NAN);
		number(c, a->has_data ? a->target : NAN);
		number(c, a->coverage);
		empty(c, 1);
		text(c, a->decl->full_id);
		end_record(c);
	}
	if (!p->n_actions) {
		problem_lead(c, "problem_action", aa->code, -1, p->d, p->id, 0);
		empty(c, 4);
		text(c, "no_intervention");
		end_record(c);
	}
	problem_lead(c, "plan_change", aa->code, -1, p->d, p->id, 0);
	empty(c, 2);
	number(c, p->to_change);
	empty(c, 2);
	end_record(c);
	for (size_t k = 0; k < p->n_steps; k++) {
		problem_lead(c, "plan_where", p->steps[k].area, p->steps[k].rt, p->d, p->id, 0);
		number(c, p->steps[k].affected);
		empty(c, 1);
		number(c, p->steps[k].take);
		empty(c, 2);
		end_record(c);
	}
}

/* The IKK part of the target planner: the next category and the changes to
 * it, the moves taken, and the IKK if every problem reached its lines. */
static void ikk_plan_rows(struct csv_ctx *c, const assess_area *aa)
{
	const assess_ikk_plan *pl = aa->ikk_plan;

	if (!pl)
		return;
	lead(c, "ikk_plan", aa->code, -1, c->v->period);
	text(c, "ikk");
	text(c, pl->next ? i18n_pick(c->v->lang, pl->next->label_id, pl->next->label_en) : "");
	empty(c, 2);
	number(c, pl->needed);
	empty(c, 1);
	number(c, pl->changes);
	number(c, pl->next ? pl->next->from : NAN);
	text(c, pl->next ? pl->next->key : "");
	end_record(c);
	for (size_t k = 0; k < pl->n_moves; k++) {
		const assess_indicator *ai = pl->moves[k].indicator;

		lead(c, "ikk_move", aa->code, -1, c->v->period);
		text(c, ai->model->ref);
		text(c, ai->model->code);
		empty(c, 2);
		number(c, pl->moves[k].gain);
		empty(c, 1);
		number(c, pl->moves[k].changes);
		empty(c, 2);
		end_record(c);
	}
	lead(c, "ikk_at_lines", aa->code, -1, c->v->period);
	text(c, "ikk");
	text(c, pl->category_at_lines ? i18n_pick(c->v->lang, pl->category_at_lines->label_id,
	                                          pl->category_at_lines->label_en) : "");
	empty(c, 4);
	number(c, pl->ikk_at_lines);
	empty(c, 1);
	text(c, pl->category_at_lines ? pl->category_at_lines->key : "");
	end_record(c);
}

/* The problems of an area in rank order, the IKK's then the agencies', each
 * with its records (docs/report.md, csv), then the IKK plan. */
static void problem_rows(struct csv_ctx *c, const assess_area *aa)
{
	for (size_t i = 0; i < aa->n_problems; i++) {
		const assess_problem *p = &aa->problems[i];
		const assess_indicator *ai = p->indicator;
		struct problem_out pb = {
			"problem", ai->decl, ai->model->ref, ai->num, ai->den, ai->value, ai->target,
			ai->below_attention ? ASSESS_ATTENTION : ASSESS_OFF_TARGET, p->worst,
			p->n_worst, p->actions, p->n_actions, p->to_change, p->steps, p->n_steps
		};

		problem_records(c, aa, &pb);
	}
	for (size_t i = 0; i < aa->n_agency_problems; i++) {
		const assess_agency_problem *p = &aa->agency_problems[i];
		const assess_row *r = p->row;
		struct problem_out pb = {
			"agency_problem", r->decl, r->decl->full_id, r->num, r->den, r->value,
			r->target, ASSESS_OFF_TARGET, p->worst, p->n_worst, p->actions, p->n_actions,
			p->to_change, p->steps, p->n_steps
		};

		problem_records(c, aa, &pb);
	}
	ikk_plan_rows(c, aa);
}

static void area_scores(struct csv_ctx *c, const assess_area *aa)
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
static void file_row(struct csv_ctx *c, const acct_file *af, int cls, long rows)
{
	const char *fail = acct_failure_key(af->failure);

	lead(c, "file_rows", c->v->unused.area, -1, c->v->period);
	text(c, af->st->path);
	text(c, acct_class_key(cls));
	text(c, af->instance);
	text(c, "rows");
	number(c, (double)rows);
	number(c, (double)af->st->records);
	number(c, af->st->records ? 100.0 * (double)rows / (double)af->st->records : NAN);
	number(c, cls == ACCT_REJECTED ? c->v->unused.acct->max_rejected : NAN);
	text(c, fail ? fail : "ok");
	end_record(c);
}

/* First rows: each failure of the run (label: why), then every file's rows
 * by class. */
static void accounting_rows(struct csv_ctx *c)
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
		text(c, af->st->path);
		text(c, unused_failure(u, af, buf, sizeof buf));
		text(c, af->instance);
		empty(c, 5);
		text(c, acct_failure_key(af->failure));
		end_record(c);
	}
	for (size_t i = 0; i < u->acct->n; i++) {
		const acct_file *af = &u->acct->files[i];

		file_row(c, af, -1, af->used);
		for (int cls = 0; cls < ACCT_N_CLASSES; cls++)
			if (af->rows[cls])
				file_row(c, af, cls, af->rows[cls]);
	}
}

/* A report limited to the lokus villages: one record per lokus village
 * (label the stage of the year, or empty). */
static void lokus_rows(struct csv_ctx *c)
{
	for (size_t i = 0; i < c->v->n_lokus; i++) {
		lead(c, "lokus_village", c->v->lokus[i].code, -1, c->v->period);
		text(c, "lokus");
		text(c, c->v->lokus[i].stage ? c->v->lokus[i].stage : "");
		empty(c, 7);
		end_record(c);
	}
}

int report_csv_write(const report_view *v, FILE *f, char *err, size_t errlen)
{
	static const char *const columns[] = {
		"kind", "area", "area_name", "level", "rt", "period", "id", "label", "agency",
		"unit", "numerator", "denominator", "value", "target", "status",
	};
	int excel = v->csv_dialect == CONF_CSV_EXCEL_ID;
	struct csv_ctx c = { .v = v, .f = f, .names = v->areas, .sep = excel ? ';' : ',',
	                     .decimal_comma = excel, .at_start = 1 };
	int rc;

	(void)err; /* a failure to write: errno says why (report.c) */
	(void)errlen;
	if (excel)
		fputs("\xEF\xBB\xBF", f);
	for (size_t i = 0; i < sizeof columns / sizeof *columns; i++)
		text(&c, columns[i]);
	end_record(&c);
	accounting_rows(&c);
	lokus_rows(&c);
	area_scores(&c, v->main.aa);
	presentation_rows(&c, v->main.aa);
	problem_rows(&c, v->main.aa);
	for (size_t i = 0; i < v->n_villages; i++) {
		area_scores(&c, v->villages[i].aa);
		presentation_rows(&c, v->villages[i].aa);
		problem_rows(&c, v->villages[i].aa);
	}
	if ((rc = report_view_each_value(v, indicator_row, &c)) < 0)
		return rc;
	if ((rc = report_view_each_intervention(v, intervention_row, &c)) < 0)
		return rc;
	return ferror(f) ? PK2D_ERR_IO : 0;
}
