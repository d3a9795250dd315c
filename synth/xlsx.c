/*
 * xlsx.c - a finished data file rewritten as an Excel workbook (--xlsx), the
 * way an agency's Excel holds it: numbers and dates as numbers, codes and
 * identifiers as text, one sheet named after the file, continued on further
 * sheets with the header repeated past Excel's 1,048,576 rows.
 *
 * libxlsxwriter keeps a sheet's cells in memory until the workbook is
 * closed: --xlsx is meant for data sets of a kabupaten or so, not the
 * whole country.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "pk2d/plugin.h"
#include "out.h"

#define SHEET_ROWS 1048576L

/* Splits the line at sep, in place, RFC 4180 quotes removed; at most max
 * fields. */
static int split(char *line, char sep, char **f, int max)
{
	int n = 0;
	char *r = line, *w;

	while (n < max) {
		f[n++] = w = r;
		if (*r == '"') {
			for (r++; *r; r++) {
				if (*r == '"' && r[1] == '"')
					r++;
				else if (*r == '"') {
					r++;
					break;
				}
				*w++ = *r;
			}
		}
		while (*r && *r != sep)
			*w++ = *r++;
		if (!*r) {
			*w = '\0';
			break;
		}
		*w = '\0';
		r++;
	}
	return n;
}

/* A number as Excel would take it: digits with at most one decimal mark,
 * no leading zero (a code), at most 15 digits (an identifier). */
static int as_number(const char *s, double *x)
{
	char buf[32];
	size_t n = strlen(s), digits = 0;
	int mark = 0;

	if (n == 0 || n >= sizeof buf)
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			digits++;
		else if ((s[i] == ',' || s[i] == '.') && !mark && i > 0 && i + 1 < n)
			mark = 1;
		else if (!(s[i] == '-' && i == 0 && n > 1))
			return 0;
	}
	if (digits > 15 || (s[s[0] == '-'] == '0' && s[(s[0] == '-') + 1] >= '0' &&
	                    s[(s[0] == '-') + 1] <= '9'))
		return 0;
	memcpy(buf, s, n + 1);
	for (char *p = buf; *p; p++)
		if (*p == ',')
			*p = '.';
	*x = strtod(buf, NULL);
	return 1;
}

/* DD/MM/YYYY or YYYY-MM-DD. */
static int as_date(const char *s, lxw_datetime *d)
{
	int a, b, c;
	char t;

	memset(d, 0, sizeof *d);
	if (strlen(s) == 10 && sscanf(s, "%2d/%2d/%4d%c", &a, &b, &c, &t) == 3) {
		*d = (lxw_datetime){ c, b, a, 0, 0, 0 };
	} else if (strlen(s) == 10 && sscanf(s, "%4d-%2d-%2d%c", &a, &b, &c, &t) == 3) {
		*d = (lxw_datetime){ a, b, c, 0, 0, 0 };
	} else {
		return 0;
	}
	return d->month >= 1 && d->month <= 12 && d->day >= 1 && d->day <= 31 && d->year > 1900;
}

static lxw_worksheet *add_sheet(lxw_workbook *wb, const char *base, int k, char **head, int n)
{
	char name[32];
	lxw_worksheet *ws;

	if (k == 1)
		snprintf(name, sizeof name, "%.31s", base);
	else
		snprintf(name, sizeof name, "%.17s (%d)", base, k);
	ws = workbook_add_worksheet(wb, name);
	for (int i = 0; ws && i < n; i++)
		worksheet_write_string(ws, 0, (lxw_col_t)i, head[i], NULL);
	return ws;
}

int out_to_xlsx(outfile *o, const char *dir, char *err, size_t errlen)
{
	enum { MAX_FIELDS = 256 };
	char *name = NULL, *path = NULL, *tmp = NULL, *line = NULL, *head_line = NULL;
	char *head[MAX_FIELDS], *f[MAX_FIELDS], base[64];
	size_t cap = 0;
	long row = 0;
	int n_head = 0, sheet = 1, rc = PK2D_ERR_IO;
	FILE *in = fopen(o->tmp, "r");
	lxw_workbook *wb = NULL;
	lxw_worksheet *ws = NULL;
	lxw_format *date;
	char sep;

	snprintf(base, sizeof base, "%.*s", (int)(strlen(o->name) - 4), o->name);
	if (!in || asprintf(&name, "%s.xlsx", base) < 0 || asprintf(&path, "%s/%s", dir, name) < 0 ||
	    asprintf(&tmp, "%s/.%s.tmp.%ld", dir, name, (long)getpid()) < 0) {
		snprintf(err, errlen, "%s: %s", o->tmp, in ? "out of memory" : strerror(errno));
		goto out;
	}
	wb = workbook_new(tmp);
	if (!wb || getline(&head_line, &cap, in) < 0) {
		snprintf(err, errlen, "%s: cannot write or read", wb ? o->tmp : tmp);
		goto out;
	}
	cap = 0;
	head_line[strcspn(head_line, "\r\n")] = '\0';
	sep = strchr(head_line, ';') ? ';' : ',';
	n_head = split(head_line, sep, head, MAX_FIELDS);
	date = workbook_add_format(wb);
	format_set_num_format(date, "dd/mm/yyyy");
	ws = add_sheet(wb, base, sheet, head, n_head);
	while (ws && getline(&line, &cap, in) >= 0) {
		int n;

		line[strcspn(line, "\r\n")] = '\0';
		if (++row == SHEET_ROWS) {
			ws = add_sheet(wb, base, ++sheet, head, n_head);
			row = 1;
		}
		n = split(line, sep, f, MAX_FIELDS);
		for (int i = 0; ws && i < n; i++) {
			double x;
			lxw_datetime d;

			if (!f[i][0])
				continue;
			if (as_date(f[i], &d))
				worksheet_write_datetime(ws, (lxw_row_t)row, (lxw_col_t)i, &d, date);
			else if (as_number(f[i], &x))
				worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)i, x, NULL);
			else
				worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)i, f[i], NULL);
		}
	}
	if (!ws) {
		snprintf(err, errlen, "%s: cannot add a sheet", tmp);
		goto out;
	}
	lxw_error e = workbook_close(wb);
	wb = NULL;
	if (e != LXW_NO_ERROR) {
		snprintf(err, errlen, "%s: %s", tmp, lxw_strerror(e));
		goto out;
	}
	/* The workbook takes the CSV file's place in the set. */
	struct stat st;
	if (stat(tmp, &st) == 0)
		o->bytes = (uint64_t)st.st_size;
	unlink(o->tmp);
	free(o->tmp);
	free(o->path);
	free(o->name);
	o->tmp = tmp;
	o->path = path;
	o->name = name;
	tmp = path = name = NULL;
	rc = 0;
out:
	if (wb)
		workbook_close(wb);
	if (tmp)
		unlink(tmp);
	if (in)
		fclose(in);
	free(head_line);
	free(line);
	free(name);
	free(path);
	free(tmp);
	return rc;
}
