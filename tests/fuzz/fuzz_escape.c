/*
 * fuzz_escape.c - the UTF-8 repair (src/base/utf8.c), the masking of row
 * reasons (src/input/redact.c) and every escaping rule of the report
 * writers (src/report/escape.c) on any bytes: the repair gives clean text
 * and repairs nothing twice; masking keeps it clean; escaped text keeps no
 * character its format would read as markup.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "fuzz.h"
#include "redact.h"
#include "utf8.h"

/* Runs an escaping function into a memory buffer; the result is malloc'd. */
static char *escaped(void (*fn)(FILE *, const char *), const char *s, size_t *len)
{
	char *out = NULL;
	FILE *f = open_memstream(&out, len);
	if (!f)
		return NULL;
	fn(f, s);
	fclose(f);
	return out;
}

static void check_html(const char *s)
{
	size_t len;
	char *out = escaped(esc_html, s, &len);
	if (out && strpbrk(out, "<>\"'"))
		fuzz_fail("HTML text keeps a markup character");
	free(out);
}

static void check_term(const char *s)
{
	size_t len;
	char *out = escaped(esc_term, s, &len);
	for (size_t i = 0; out && i < len; i++)
		if ((unsigned char)out[i] < 0x20 || out[i] == 0x7f)
			fuzz_fail("terminal text keeps a control character");
	free(out);
}

static void check_csv_md(const char *s)
{
	size_t len;
	char *out = escaped(esc_csv, s, &len);
	if (out && len > 0 && strchr("=+-@", out[0]))
		fuzz_fail("a CSV cell starts like a formula");
	free(out);
	out = escaped(esc_md, s, &len);
	for (size_t i = 0; out && i < len; i++)
		if (out[i] == '\n' || (out[i] == '|' && (i == 0 || out[i - 1] != '\\')))
			fuzz_fail("a Markdown cell breaks its line or its table");
	free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *clean = malloc(UTF8_CLEAN_MAX(size));
	int fixed, again;

	if (!clean)
		return 0;
	size_t n = utf8_clean((const char *)data, size, clean, &fixed);
	if (strlen(clean) != n)
		fuzz_fail("the repair's length is wrong");
	if (!utf8_is_clean(clean, n))
		fuzz_fail("repaired text is not clean");
	if (fixed == 0 && (n != size || memcmp(clean, data, size) != 0))
		fuzz_fail("text changed without a repair");
	char *twice = utf8_clean_dup(clean, &again);
	if (twice || again)
		fuzz_fail("repaired text was repaired again");

	char *masked = redact_reason(clean);
	if (masked && !utf8_is_clean(masked, strlen(masked)))
		fuzz_fail("masking a reason split a character");
	free(masked);

	check_html(clean);
	check_term(clean);
	check_csv_md(clean);
	char *cell = esc_cell_text(clean);
	if (cell && esc_is_formula(cell))
		fuzz_fail("a neutralised cell still reads as a formula");
	free(cell);
	(void)esc_width(clean);
	FILE *f = fopen("/dev/null", "w");
	if (f) {
		esc_term_report(f, clean, n, size % 2);
		fclose(f);
	}
	free(clean);
	return 0;
}
