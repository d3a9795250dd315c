/*
 * evaluate_xlsx.c - the evaluation as a workbook (evaluate_table.h): one
 * sheet per table, its title on top (the method under the ranking's), the
 * header frozen with an autofilter, numbers as numbers, the columns as wide
 * as what they hold, through the XLSX report's book (xlsx_book.h).
 */
#include <config.h>

#include <stdlib.h>

#include "evaluate_table.h"
#include "i18n.h"
#include "pk2d/plugin.h"
#include "xlsx_book.h"

static lxw_format *number_format(xlsx_book *b, int decimals)
{
	return decimals == 0 ? b->int0 : decimals == 1 ? b->num1 : b->num2;
}

static void sheet(xlsx_book *b, const etable *t, int with_method)
{
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, i18n(b->lang, t->sheet));
	int keys[16];
	lxw_row_t r = 0, head;

	xb_str(b, ws, r++, 0, i18n(b->lang, ev_text(t->title)), b->title);
	if (with_method)
		xb_str(b, ws, r++, 0, i18n(b->lang, ev_text(W_METHOD)), NULL);
	head = ++r;
	for (size_t c = 0; c < t->ncols; c++)
		keys[c] = ev_text(t->head[c]);
	xb_header(b, ws, r++, t->ncols, keys);
	for (size_t i = 0; i < t->nrows; i++, r++)
		for (size_t c = 0; c < t->ncols; c++) {
			const char *s = ev_cell(t, i, c);
			int dec = ev_decimals(t->head[c]);

			if (dec < 0)
				xb_str(b, ws, r, (lxw_col_t)c, *s ? s : NULL, NULL);
			else if (*s)
				xb_num(b, ws, r, (lxw_col_t)c, strtod(s, NULL), number_format(b, dec));
		}
	/* The regency and the village, with their names, stay in sight. */
	xb_table(ws, head, r - 1, (lxw_col_t)t->ncols,
	         t->head[0] != W_REGENCY ? 0 : t->title == W_VILLAGES ? 4 : 2);
}

static int build(xlsx_book *b, const void *e)
{
	etable t[EV_TABLES];

	xb_formats(b);
	ev_build(e, b->lang, EV_SHEET, t);
	for (int k = 0; k < EV_TABLES; k++)
		sheet(b, &t[k], k == 0);
	ev_free(t);
	return 0;
}

int evaluate_xlsx(const evaluation *e, int lang, FILE *out, char *err, size_t errlen)
{
	xlsx_book b = { .lang = lang };

	return xb_write(&b, build, e, out, err, errlen);
}
