/*
 * csv_template.c - the explanation and accepted-values rows of a blank
 * template ("pk2d template"), left under the header by the agency that
 * filled it: recognised by their text, column by column, and skipped.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "pk2d/plugin.h"
#include "csv.h"
#include "csv_priv.h"

void csv_template_free(csv_reader *c)
{
	for (int k = 0; k < CSV_TEMPLATE_ROWS; k++) {
		for (char **t = c->tmpl[k]; t && *t; t++)
			free(*t);
		free(c->tmpl[k]);
		c->tmpl[k] = NULL;
	}
}

int csv_template_rows(csv_reader *c, const char *const *const text[CSV_TEMPLATE_ROWS],
                      int n_text)
{
	int n = csv_file_columns(c);

	csv_template_free(c);
	for (int k = 0; k < CSV_TEMPLATE_ROWS; k++) {
		/* NULL-terminated. */
		if (!(c->tmpl[k] = calloc((size_t)n + 1, sizeof *c->tmpl[k])))
			goto nomem;
		for (int i = 0; i < n; i++) {
			const char *t = i < n_text && text[k][i] ? text[k][i] : "";
			if (!(c->tmpl[k][i] = strdup(t)))
				goto nomem;
		}
	}
	return 0;
nomem:
	csv_template_free(c);
	return PK2D_ERR_NOMEM;
}

/* Whether every field of the current record is row k's text. */
static int is_row(const csv_reader *c, int k)
{
	int n = csv_file_columns(c), text = 0;

	for (int i = 0; i < c->n_fields; i++) {
		const char *want = i < n ? c->tmpl[k][i] : "";
		if (strcmp(c->fields[i], want) != 0)
			return 0;
		text |= want[0] != '\0';
	}
	return text;
}

int csv_template_match(const csv_reader *c)
{
	long below = c->rec_line - c->header_line;

	if (below < 1 || below > CSV_TEMPLATE_ROWS || (c->book && c->rec_sheet))
		return 0;
	for (int k = 0; k < CSV_TEMPLATE_ROWS; k++)
		if (is_row(c, k))
			return 1;
	return 0;
}
