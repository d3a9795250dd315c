/*
 * fuzz_xlsx.c - the workbook reader (src/input/xlsx.c) through the shared
 * reader on any parts. An input whose first byte is odd is the file itself
 * (the zip layer); otherwise the rest is split at each "\n--\n" into a
 * sheet, shared strings, styles and a workbook part (a default workbook
 * when there is none), zipped. Every field must be clean UTF-8, no more
 * rows rejected and noted than read; the table is read from its default
 * place and from a selector.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "csv.h"
#include "fuzz.h"
#include "utf8.h"

static const char WORKBOOK[] = "<workbook><sheets><sheet name=\"Data\" r:id=\"r1\"/>"
                               "<sheet name=\"Data2\" r:id=\"r2\"/></sheets></workbook>";
static const char RELS[] =
	"<Relationships><Relationship Id=\"r1\" Type=\"x/worksheet\" Target=\"worksheets/s1.xml\"/>"
	"<Relationship Id=\"r2\" Type=\"x/worksheet\" Target=\"/xl/worksheets/s1.xml\"/>"
	"<Relationship Id=\"r3\" Type=\"x/sharedStrings\" Target=\"sst.xml\"/>"
	"<Relationship Id=\"r4\" Type=\"x/styles\" Target=\"styles.xml\"/></Relationships>";

static void read_all(const char *path)
{
	char err[256];
	csv_reader *c = csv_open(path, err, sizeof err);
	int rc;

	if (!c)
		return;
	for (int i = 0; i < csv_header_count(c); i++) {
		const char *s = csv_header(c, i);
		if (!utf8_is_clean(s, strlen(s)))
			fuzz_fail("a header name is not clean UTF-8");
	}
	while ((rc = csv_next(c, err, sizeof err)) == 1)
		for (int k = 0; k < csv_count(c); k++) {
			const char *s = csv_field(c, k);
			if (!utf8_is_clean(s, strlen(s)))
				fuzz_fail("a field is not clean UTF-8");
		}
	const csv_stats *st = csv_get_stats(c);
	if (st->rejected + st->noted > st->records)
		fuzz_fail("more rows rejected and noted than read");
	csv_stats_free(csv_close(c));
}

/* Zips the parts of data into the file at path: 0, or -1. */
static int build(const char *path, const uint8_t *data, size_t size)
{
	static const char *const names[] = { "xl/worksheets/s1.xml", "xl/sst.xml", "xl/styles.xml",
		                             "xl/workbook.xml" };
	int zerr, n = 0;
	zip_t *z = zip_open(path, ZIP_TRUNCATE | ZIP_CREATE, &zerr);
	const uint8_t *p = data, *end = data + size;

	if (!z)
		return -1;
	while (n < 4) {
		const uint8_t *cut = memmem(p, (size_t)(end - p), "\n--\n", 4);
		size_t len = cut ? (size_t)(cut - p) : (size_t)(end - p);
		zip_source_t *src = zip_source_buffer(z, p, len, 0);
		zip_int64_t i = src ? zip_file_add(z, names[n++], src, 0) : -1;

		if (i < 0) {
			zip_source_free(src);
			break;
		}
		zip_set_file_compression(z, (zip_uint64_t)i, ZIP_CM_STORE, 0);
		if (!cut)
			break;
		p = cut + 4;
	}
	if (n < 4) {
		zip_source_t *src = zip_source_buffer(z, WORKBOOK, sizeof WORKBOOK - 1, 0);
		if (!src || zip_file_add(z, "xl/workbook.xml", src, 0) < 0)
			zip_source_free(src);
	}
	zip_source_t *src = zip_source_buffer(z, RELS, sizeof RELS - 1, 0);
	if (!src || zip_file_add(z, "xl/_rels/workbook.xml.rels", src, 0) < 0)
		zip_source_free(src);
	if (zip_close(z) < 0) {
		zip_discard(z);
		return -1;
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path;
	char *sel;

	if (size == 0)
		return 0;
	if (data[0] & 1) {
		path = fuzz_file(data + 1, size - 1);
	} else {
		path = fuzz_file((const uint8_t *)"", 0);
		if (path && build(path, data + 1, size - 1) < 0)
			path = NULL;
	}
	if (!path)
		return 0;
	read_all(path);
	if (asprintf(&sel, "%s#data!B2", path) >= 0) {
		read_all(sel);
		free(sel);
	}
	fuzz_file_close();
	return 0;
}
