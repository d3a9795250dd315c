/*
 * report_csv.c - the long CSV format: one row per kind, area, RT, period and
 * indicator (or intervention, or assessment score). docs/report.md lists the
 * columns. Text cells go through esc_csv_field (quoting and formula
 * neutralisation); numbers are written as plain numbers.
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

#include "conf.h"
#include "escape.h"
#include "i18n.h"
#include "present.h"
#include "report_view.h"

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

int report_csv_write(const report_view *v, FILE *f)
{
	static const char *const columns[] = {
		"kind", "area", "area_name", "level", "rt", "period", "id", "label", "agency",
		"unit", "numerator", "denominator", "value", "target", "status",
	};
	int excel = v->csv_dialect == CONF_CSV_EXCEL_ID;
	struct csv_ctx c = { .v = v, .f = f, .names = v->as->areas, .sep = excel ? ';' : ',',
	                     .decimal_comma = excel, .at_start = 1 };
	int rc;

	if (excel)
		fputs("\xEF\xBB\xBF", f);
	for (size_t i = 0; i < sizeof columns / sizeof *columns; i++)
		text(&c, columns[i]);
	end_record(&c);
	accounting_rows(&c);
	area_scores(&c, v->main.aa);
	presentation_rows(&c, v->main.aa);
	for (size_t i = 0; i < v->n_villages; i++) {
		area_scores(&c, v->villages[i].aa);
		presentation_rows(&c, v->villages[i].aa);
	}
	if ((rc = report_view_each_value(v, indicator_row, &c)) < 0)
		return rc;
	if ((rc = report_view_each_intervention(v, intervention_row, &c)) < 0)
		return rc;
	return ferror(f) ? PK2D_ERR_IO : 0;
}
