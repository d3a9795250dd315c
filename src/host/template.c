/*
 * template.c - blank forms for the agencies ("pk2d template"), and the
 * skipping of the forms' own rows when an agency leaves them in.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "escape.h"
#include "input_check.h"
#include "log.h"
#include "probe.h"
#include "template.h"
#include "util.h"

/* The rows under a form's header: what the column holds, and the values it
 * accepts. */
enum { ROW_HELP = 0, ROW_ACCEPTED = 1, N_ROWS = CSV_TEMPLATE_ROWS };

/* The text of row under the declared column col of in; NULL when none. */
static const char *row_text(const loaded_plugin *lp, const pk2d_input *in,
                            const pk2d_input_column *col, int row)
{
	const pk2d_column_help *h = loader_column_help(lp, in->key, col->field);

	return !h ? NULL : row == ROW_HELP ? h->help : h->accepted;
}

int template_skip_rows(const conf_plugin *cp, const loaded_plugin *lp, size_t i,
                       const char *key, csv_reader *c)
{
	const pk2d_input *in = &lp->inputs[i];
	int n = csv_header_count(c), any = 0, rc = 0;
	const char **text[N_ROWS];

	for (int k = 0; k < N_ROWS; k++)
		text[k] = xcalloc((size_t)n + 1, sizeof *text[k]);
	for (const pk2d_input_column *col = in->columns; col->field; col++) {
		const char *header = input_column_header(cp, in, key, col);
		int at;

		if (!header || !header[0] || (at = csv_column(c, header)) < 0)
			continue;
		for (int k = 0; k < N_ROWS; k++)
			text[k][at] = row_text(lp, in, col, k);
		any |= text[ROW_HELP][at] != NULL;
	}
	if (any)
		rc = csv_template_rows(c, (const char *const *const *)text, n);
	for (int k = 0; k < N_ROWS; k++)
		free(text[k]);
	return rc;
}

/* One form: an input of an instance, under the key that names its file. */
typedef struct form {
	const conf_plugin *cp;
	const loaded_plugin *lp;
	const pk2d_input *in;
	char *path[2];            /* DIR/INSTANCE-KEY.csv and .xlsx */
	size_t n;                 /* columns with a header */
	const char **header;      /* n each */
	const char **text[N_ROWS];
	int has_help;             /* some column has a help text */
} form;

enum { FORM_CSV = 0, FORM_XLSX = 1 };

static void form_init(form *f, const conf_plugin *cp, const loaded_plugin *lp,
                      const pk2d_input *in, const char *dir, const char *key)
{
	size_t cap = 0;

	memset(f, 0, sizeof *f);
	f->cp = cp;
	f->lp = lp;
	f->in = in;
	f->path[FORM_CSV] = xasprintf("%s/%s-%s.csv", dir, cp->instance, key);
	f->path[FORM_XLSX] = xasprintf("%s/%s-%s.xlsx", dir, cp->instance, key);
	while (in->columns[cap].field)
		cap++;
	f->header = xcalloc(cap + 1, sizeof *f->header);
	for (int k = 0; k < N_ROWS; k++)
		f->text[k] = xcalloc(cap + 1, sizeof *f->text[k]);
	/* A column without a header is read only when a key names it. */
	for (const pk2d_input_column *col = in->columns; col->field; col++) {
		const char *header = input_column_header(cp, in, key, col);

		if (!header || !header[0])
			continue;
		f->header[f->n] = header;
		for (int k = 0; k < N_ROWS; k++)
			f->text[k][f->n] = row_text(lp, in, col, k);
		f->has_help |= f->text[ROW_HELP][f->n] != NULL;
		f->n++;
	}
}

static void form_free(form *f)
{
	free(f->path[FORM_CSV]);
	free(f->path[FORM_XLSX]);
	free(f->header);
	for (int k = 0; k < N_ROWS; k++)
		free(f->text[k]);
}

/* The rows a form has: the header, and the two rows of help when any. */
static int form_rows(const form *f)
{
	return f->has_help ? 1 + N_ROWS : 1;
}

static const char *form_cell(const form *f, int row, size_t col)
{
	return row == 0 ? f->header[col] : f->text[row - 1][col];
}

/* The CSV form in the configuration's dialect. 0, or -1 with errno set. */
static int write_csv(const form *f, int dialect)
{
	int excel = dialect == CONF_CSV_EXCEL_ID;
	char sep = excel ? ';' : ',';
	FILE *out = fopen(f->path[FORM_CSV], "wx");

	if (!out)
		return -1;
	if (excel)
		fputs("\xEF\xBB\xBF", out);
	for (int r = 0; r < form_rows(f); r++) {
		for (size_t j = 0; j < f->n; j++) {
			if (j)
				fputc(sep, out);
			esc_csv_field(out, form_cell(f, r, j), sep);
		}
		fputs("\r\n", out);
	}
	int bad = ferror(out);
	if (fclose(out) != 0 || bad) {
		if (!errno)
			errno = EIO;
		return -1;
	}
	return 0;
}

/* Characters a column of the workbook is wide: its header's, at least 16,
 * at most 40 (the help rows wrap). */
static double column_width(const char *header)
{
	size_t n = strlen(header) + 2;

	return n < 16 ? 16 : n > 40 ? 40 : (double)n;
}

/* The workbook form: one sheet, every column formatted as text (so that a
 * code keeps its leading zero and a NIK all 16 digits), the header frozen.
 * 0, or -1 with the reason in err. */
static int write_xlsx(const form *f, char *err, size_t errlen)
{
	lxw_workbook *wb = workbook_new(f->path[FORM_XLSX]);

	if (!wb) {
		snprintf(err, errlen, "cannot create the workbook");
		return -1;
	}
	lxw_worksheet *ws = workbook_add_worksheet(wb, "Data");
	lxw_format *text = workbook_add_format(wb);
	lxw_format *head = workbook_add_format(wb);
	lxw_format *help = workbook_add_format(wb);
	format_set_num_format(text, "@");
	format_set_num_format(head, "@");
	format_set_bold(head);
	format_set_bg_color(head, 0xD9E1F2);
	format_set_num_format(help, "@");
	format_set_italic(help);
	format_set_font_color(help, 0x404040);
	format_set_bg_color(help, 0xFFF2CC);
	format_set_text_wrap(help);
	format_set_align(help, LXW_ALIGN_VERTICAL_TOP);
	for (size_t j = 0; j < f->n; j++)
		worksheet_set_column(ws, (lxw_col_t)j, (lxw_col_t)j, column_width(f->header[j]), text);
	for (int r = 0; r < form_rows(f); r++)
		for (size_t j = 0; j < f->n; j++) {
			const char *s = form_cell(f, r, j);
			if (s)
				worksheet_write_string(ws, (lxw_row_t)r, (lxw_col_t)j, s,
				                       r ? help : head);
		}
	worksheet_freeze_panes(ws, 1, 0);
	lxw_error rc = workbook_close(wb);
	if (rc != LXW_NO_ERROR) {
		snprintf(err, errlen, "%s", lxw_strerror(rc));
		return -1;
	}
	return 0;
}

static void add_form(form **forms, size_t *n, const conf_plugin *cp, const loaded_plugin *lp,
                     const pk2d_input *in, const char *dir, const char *key)
{
	*forms = xrealloc(*forms, (*n + 1) * sizeof **forms);
	form_init(&(*forms)[(*n)++], cp, lp, in, dir, key);
}

/* The forms of every input of the instance cp: an input whose key has a
 * '*' has one for each key of the section it stands for. */
static void add_forms(form **forms, size_t *n, const conf_plugin *cp, const loaded_plugin *lp,
                      const char *dir)
{
	for (size_t i = 0; i < lp->n_inputs; i++) {
		const pk2d_input *in = &lp->inputs[i];

		if (!strchr(in->key, '*')) {
			add_form(forms, n, cp, lp, in, dir, in->key);
			continue;
		}
		for (size_t k = 0; k < cp->section->n; k++)
			if (input_key_matches(cp->section->entries[k]->key, in->key))
				add_form(forms, n, cp, lp, in, dir, cp->section->entries[k]->key);
	}
}

/* Loads the module of every enabled instance: 0, or -1 (logged). */
static int load_plugins(const template_request *rq, loaded_plugin **lps)
{
	const conf *cfg = rq->cfg;
	plugin_search search;
	int rc = 0;

	plugin_search_init(&search, rq->plugin_path, getenv("PK2D_PLUGIN_PATH"),
	                   cfg->plugin_path, cfg->n_plugin_path);
	for (size_t i = 0; i < cfg->n_plugins && rc == 0; i++) {
		const conf_plugin *cp = &cfg->plugins[i];
		const probe_opts po = {
			.timeout = cp->timeout, .no_fork = rq->no_fork,
			.allow_untrusted = rq->allow_untrusted || cfg->allow_untrusted_plugins,
		};
		char err[1024], *path = NULL, *untrusted = NULL;

		if (!cp->enabled)
			continue;
		if (plugin_find(&search, cp->module, &path, err, sizeof err) < 0 ||
		    probe_module(path, cp->module, &po, &lps[i], &untrusted, err, sizeof err) < 0) {
			log_msg(PK2D_LOG_ERROR, "%s:%d: [plugin.%s]: %s%s%s", cp->section->file,
			        cp->section->line, cp->instance, path ? path : "", path ? ": " : "",
			        err);
			rc = -1;
		}
		free(path);
		free(untrusted);
	}
	plugin_search_free(&search);
	return rc;
}

/* Every form's files are new: 0, or -1 with the first that exists logged. */
static int check_new(const form *forms, size_t n)
{
	struct stat st;

	for (size_t i = 0; i < n; i++)
		for (int k = 0; k < 2; k++)
			if (lstat(forms[i].path[k], &st) == 0) {
				log_msg(PK2D_LOG_ERROR, "%s: already exists; pk2d template writes over no "
				        "file, so it wrote nothing (move it away, or give another "
				        "directory)", forms[i].path[k]);
				return -1;
			}
	return 0;
}

/* Writes every form: 0, or -1 after removing what was written (logged). */
static int write_forms(const form *forms, size_t n, int dialect)
{
	char err[256];
	size_t done;
	int k = FORM_CSV;

	for (done = 0; done < n; done++) {
		k = FORM_CSV;
		if (write_csv(&forms[done], dialect) < 0) {
			snprintf(err, sizeof err, "%s", strerror(errno));
			break;
		}
		k = FORM_XLSX;
		if (write_xlsx(&forms[done], err, sizeof err) < 0)
			break;
	}
	if (done == n)
		return 0;
	log_msg(PK2D_LOG_ERROR, "%s: cannot write: %s; no template written", forms[done].path[k],
	        err);
	/* check_new() saw none of them: every one there is this run's. */
	for (size_t i = 0; i < done + (k == FORM_XLSX); i++) {
		unlink(forms[i].path[FORM_CSV]);
		unlink(forms[i].path[FORM_XLSX]);
	}
	return -1;
}

int template_write(const template_request *rq)
{
	const conf *cfg = rq->cfg;
	loaded_plugin **lps = xcalloc(cfg->n_plugins + 1, sizeof *lps);
	form *forms = NULL;
	size_t n = 0;
	int rc = load_plugins(rq, lps);

	for (size_t i = 0; rc == 0 && i < cfg->n_plugins; i++)
		if (lps[i])
			add_forms(&forms, &n, &cfg->plugins[i], lps[i], rq->dir);
	if (rc == 0 && n == 0) {
		log_msg(PK2D_LOG_ERROR, "%s: no enabled plugin reads a declared input file: no "
		        "template to write", cfg->path ? cfg->path : "configuration");
		rc = -1;
	}
	if (rc == 0 && mkdir(rq->dir, 0777) < 0 && errno != EEXIST) {
		log_msg(PK2D_LOG_ERROR, "%s: cannot make the directory: %s", rq->dir,
		        strerror(errno));
		rc = -1;
	}
	if (rc == 0)
		rc = check_new(forms, n);
	if (rc == 0)
		rc = write_forms(forms, n, cfg->csv_dialect);
	for (size_t i = 0; i < n; i++) {
		if (rc == 0)
			printf("%s\n%s\n", forms[i].path[FORM_CSV], forms[i].path[FORM_XLSX]);
		form_free(&forms[i]);
	}
	free(forms);
	for (size_t i = 0; i < cfg->n_plugins; i++)
		if (lps[i])
			loader_unload(lps[i]);
	free(lps);
	return rc < 0 ? 1 : 0;
}
