/*
 * xlsx_book.c - cells, column widths and table set-up of the XLSX report
 * (xlsx_book.h).
 */
#include <config.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "escape.h"
#include "i18n.h"
#include "pk2d/plugin.h"
#include "tempfile.h"
#include "utf8.h"
#include "xlsx_book.h"

/* Characters an Excel cell holds; a longer text is cut, and says so. */
#define CELL_MAX 32767
#define CELL_CUT " [... cut: Excel's cell holds 32,767 characters]"

/* Columns whose widths are fitted, and the widest a column is made (a
 * longer text wraps in the cell or spills into the next). A header's
 * words wrap in their cell: they count up to HEAD_WIDTH. */
#define FIT_COLS 256
#define MAX_WIDTH 50
#define HEAD_WIDTH 14

/* A workbook is built in TMPDIR as pk2d-xlsx.tmp.PID.XXXXXX, then copied
 * into the output's own temporary file. */
#define XLSX_TEMP_NAME "pk2d-xlsx"

struct xb_fit {
	lxw_worksheet *ws;
	unsigned char chars[FIT_COLS];
	unsigned char hidden[FIT_COLS];
};

static lxw_format *fill(lxw_workbook *wb, lxw_color_t bg, lxw_color_t fg)
{
	lxw_format *f = workbook_add_format(wb);

	format_set_bg_color(f, bg);
	format_set_font_color(f, fg);
	format_set_num_format(f, "0.0");
	return f;
}

void xb_formats(xlsx_book *b)
{
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
	for (int d = 0; d < PK2D_GROUP_DEPTH; d++) {
		b->group[d] = workbook_add_format(b->wb);
		format_set_bold(b->group[d]);
		format_set_bg_color(b->group[d], 0xE3F2FD);
		format_set_indent(b->group[d], (uint8_t)d);
	}
	b->good = fill(b->wb, 0xC8E6C9, 0x1B5E20);
	b->warn = fill(b->wb, 0xFFF3C4, 0x7A5A00);
	b->bad = fill(b->wb, 0xFFCDD2, 0xB71C1C);
}

static struct xb_fit *fit_of(xlsx_book *b, lxw_worksheet *ws)
{
	struct xb_fit *grown;

	if (b->last_fit < b->n_fits && b->fits[b->last_fit].ws == ws)
		return &b->fits[b->last_fit];
	for (size_t i = 0; i < b->n_fits; i++)
		if (b->fits[i].ws == ws) {
			b->last_fit = i;
			return &b->fits[i];
		}
	if (!(grown = realloc(b->fits, (b->n_fits + 1) * sizeof *grown))) {
		b->failed = 1;
		return NULL;
	}
	b->fits = grown;
	memset(&grown[b->n_fits], 0, sizeof *grown);
	grown[b->n_fits].ws = ws;
	b->last_fit = b->n_fits++;
	return &grown[b->last_fit];
}

static void fit_cell(xlsx_book *b, lxw_worksheet *ws, lxw_col_t c, size_t chars)
{
	struct xb_fit *f;

	if (c >= FIT_COLS || !(f = fit_of(b, ws)))
		return;
	if (chars > MAX_WIDTH)
		chars = MAX_WIDTH;
	if (chars > f->chars[c])
		f->chars[c] = (unsigned char)chars;
}

/* Characters of UTF-8 text (the bytes that start one). */
static size_t utf8_chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

void xb_str(xlsx_book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s,
            lxw_format *fmt)
{
	char *safe = esc_cell_text(s ? s : "");
	size_t chars;

	if (!safe) {
		b->failed = 1;
		return;
	}
	if (strlen(safe) > CELL_MAX) {
		/* Bytes bound characters from above. */
		size_t at = utf8_cut(safe, strlen(safe), CELL_MAX - sizeof CELL_CUT);

		memcpy(safe + at, CELL_CUT, sizeof CELL_CUT);
	}
	chars = utf8_chars(safe);
	fit_cell(b, ws, c, fmt == b->head && chars > HEAD_WIDTH ? HEAD_WIDTH : chars);
	if (*safe)
		worksheet_write_string(ws, r, c, safe, fmt);
	else if (fmt)
		worksheet_write_blank(ws, r, c, fmt);
	free(safe);
}

void xb_num(xlsx_book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, double x,
            lxw_format *fmt)
{
	char shown[32];

	if (isnan(x))
		return;
	/* What the cell shows is about as wide as the number with 2 decimals
	 * (its thousands separators included for a large one). */
	fit_cell(b, ws, c, (size_t)snprintf(shown, sizeof shown, "%.2f", x) +
	                   (fabs(x) >= 1e4 ? 2 : 0));
	worksheet_write_number(ws, r, c, x, fmt);
}

void xb_header(xlsx_book *b, lxw_worksheet *ws, lxw_row_t r, size_t n, const int *keys)
{
	for (size_t i = 0; i < n; i++)
		xb_str(b, ws, r, (lxw_col_t)i, i18n(b->lang, keys[i]), b->head);
}

void xb_ref(char out[16], lxw_row_t r, lxw_col_t c)
{
	if (c < 26)
		snprintf(out, 16, "%c%u", 'A' + c, (unsigned)r + 1);
	else
		snprintf(out, 16, "%c%c%u", 'A' + c / 26 - 1, 'A' + c % 26, (unsigned)r + 1);
}

void xb_percent_formula(xlsx_book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
                        lxw_col_t num_col, lxw_col_t den_col, double cached)
{
	char n[16], d[16], formula[96];

	xb_ref(n, r, num_col);
	xb_ref(d, r, den_col);
	snprintf(formula, sizeof formula, "=IF(%s>0,100*%s/%s,\"\")", d, n, d);
	fit_cell(b, ws, c, 6);
	if (isnan(cached))
		worksheet_write_formula_str(ws, r, c, formula, b->num1, "");
	else
		worksheet_write_formula_num(ws, r, c, formula, b->num1, cached);
}

lxw_format *xb_status_fmt(xlsx_book *b, int status)
{
	switch (status) {
	case ASSESS_GOOD: return b->good;
	case ASSESS_OFF_TARGET: return b->warn;
	case ASSESS_ATTENTION: return b->bad;
	default: return NULL;
	}
}

void xb_hide_column(xlsx_book *b, lxw_worksheet *ws, lxw_col_t c)
{
	struct xb_fit *f;

	if (c < FIT_COLS && (f = fit_of(b, ws)))
		f->hidden[c] = 1;
}

void xb_print_setup(lxw_worksheet *ws)
{
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9); /* A4 */
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_set_footer(ws, "&L&A&R&P / &N");
}

void xb_table(lxw_worksheet *ws, lxw_row_t head, lxw_row_t last, lxw_col_t ncols,
              lxw_col_t frozen_cols)
{
	worksheet_freeze_panes(ws, head + 1, frozen_cols);
	worksheet_autofilter(ws, head, 0, last > head ? last : head, ncols - 1);
	worksheet_repeat_rows(ws, head, head);
	xb_print_setup(ws);
}

void xb_status_colours(xlsx_book *b, lxw_worksheet *ws, lxw_row_t r0, lxw_col_t c0,
                       lxw_row_t r1, lxw_col_t c1, int key_offset)
{
	static const int statuses[] = { ASSESS_GOOD, ASSESS_OFF_TARGET, ASSESS_ATTENTION };
	char key[16], formula[64];

	if (r1 < r0)
		return;
	/* Relative to the range's first cell: each cell looks at its own key. */
	xb_ref(key, r0, (lxw_col_t)(c0 + key_offset));
	for (size_t i = 0; i < sizeof statuses / sizeof *statuses; i++) {
		lxw_conditional_format cf = { 0 };

		snprintf(formula, sizeof formula, "=%s=\"%s\"", key,
		         report_status_key(statuses[i]));
		cf.type = LXW_CONDITIONAL_TYPE_FORMULA;
		cf.value_string = formula;
		cf.format = xb_status_fmt(b, statuses[i]);
		if (worksheet_conditional_format_range(ws, r0, c0, r1, c1, &cf) != LXW_NO_ERROR)
			b->failed = 1;
	}
}

void xb_fit_columns(xlsx_book *b)
{
	lxw_row_col_options hidden = { .hidden = 1 };

	for (size_t i = 0; i < b->n_fits; i++) {
		const struct xb_fit *f = &b->fits[i];

		for (lxw_col_t c = 0; c < FIT_COLS; c++) {
			double width = f->chars[c] < 6 ? 8 : f->chars[c] + 2;

			if (f->hidden[c])
				worksheet_set_column_opt(f->ws, c, c, width, NULL, &hidden);
			else if (f->chars[c])
				worksheet_set_column(f->ws, c, c, width, NULL);
		}
	}
	free(b->fits);
	b->fits = NULL;
	b->n_fits = 0;
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

int xb_write(xlsx_book *b, int (*build)(xlsx_book *b, const void *ctx), const void *ctx,
             FILE *f, char *err, size_t errlen)
{
	static const char *const ours[] = { XLSX_TEMP_NAME, NULL };
	const char *env = getenv("TMPDIR");
	const char *dir = env && *env ? env : "/tmp";
	char *path;
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
	if (!(b->wb = workbook_new_opt(path, &opt))) {
		snprintf(err, errlen, "%s: cannot start the workbook", path);
		rc = PK2D_ERR_IO;
		goto done;
	}
	rc = build(b, ctx);
	xb_fit_columns(b);
	if (rc == 0 && b->failed)
		rc = PK2D_ERR_NOMEM;
	lerr = workbook_close(b->wb);
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
