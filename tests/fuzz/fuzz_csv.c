/*
 * fuzz_csv.c - the shared CSV reader (src/input/csv.c) on any bytes, read
 * with the fastest scanner and with the portable one: both must give the
 * same records, lines and errors, and every field must be clean UTF-8;
 * read grouped (csv_group.c), the same number of records.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "fuzz.h"
#include "utf8.h"

/* FNV-1a over everything the reader gives, so two reads can be compared. */
static void mix(uint64_t *h, const void *p, size_t n)
{
	const unsigned char *b = p;
	for (size_t i = 0; i < n; i++)
		*h = (*h ^ b[i]) * 0x100000001b3u;
}

static uint64_t read_all(const char *path, const char *scanner)
{
	char err[256];
	uint64_t h = 0xcbf29ce484222325u;
	csv_reader *c;
	int rc;

	if (csv_set_scanner(scanner) < 0)
		return 0;
	c = csv_open(path, err, sizeof err);
	if (!c) {
		mix(&h, err, strlen(err));
		return h;
	}
	for (int i = 0; i < csv_header_count(c); i++) {
		const char *s = csv_header(c, i);
		if (!utf8_is_clean(s, strlen(s)))
			fuzz_fail("a header name is not clean UTF-8");
		mix(&h, s, strlen(s) + 1);
	}
	csv_column(c, "kode");
	while ((rc = csv_next(c, err, sizeof err)) == 1) {
		long line = csv_line(c);
		double x;
		long days;
		mix(&h, &line, sizeof line);
		for (int k = 0; k < csv_count(c); k++) {
			const char *s = csv_field(c, k);
			if (!utf8_is_clean(s, strlen(s)))
				fuzz_fail("a field is not clean UTF-8");
			mix(&h, s, strlen(s) + 1);
		}
		if (csv_number(c, 0, &x) == 0)
			mix(&h, &x, sizeof x);
		if (csv_date(c, 1, &days) == 0)
			mix(&h, &days, sizeof days);
		if (csv_count(c) > 2)
			csv_note(c, "noted: '%s'", csv_field(c, 2));
	}
	if (rc < 0)
		mix(&h, err, strlen(err));
	const csv_stats *st = csv_get_stats(c);
	if (st->rejected + st->noted > st->records)
		fuzz_fail("more rows rejected and noted than read");
	mix(&h, &st->records, sizeof st->records);
	mix(&h, &st->noted, sizeof st->noted);
	csv_stats_free(csv_close(c));
	return h;
}

/* The records of the file when it reads to its end without an error,
 * grouped by its first column (ids: the second) when grouped is non-zero:
 * each group held in the reader's buffer (or the file partitioned), its
 * copies decided. -1 after an error. */
static long count_records(const char *path, int grouped)
{
	char err[256];
	int id = 1, rc = 0;
	long records;
	csv_reader *c = csv_open(path, err, sizeof err);

	if (!c)
		return -1;
	if (grouped && csv_header_count(c) > 1)
		rc = csv_group(c, 0, &id, 1, err, sizeof err);
	while (rc == 0 && (rc = csv_next(c, err, sizeof err)) == 1)
		for (int k = 0; k < csv_count(c); k++)
			if (!utf8_is_clean(csv_field(c, k), strlen(csv_field(c, k))))
				fuzz_fail("a grouped field is not clean UTF-8");
	records = rc == 0 ? csv_get_stats(c)->records : -1;
	csv_stats_free(csv_close(c));
	return records;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_file(data, size);
	if (!path)
		return 0;
	uint64_t fast = read_all(path, "auto");
	uint64_t plain = read_all(path, "plain");
	if (fast != plain)
		fuzz_fail("the fast and the portable scanner read the file differently");
	/* Grouping hands out or drops every record, once. */
	long in_order = count_records(path, 0), grouped = count_records(path, 1);
	if (in_order >= 0 && grouped >= 0 && in_order != grouped)
		fuzz_fail("grouping read another number of records");
	fuzz_file_close();
	return 0;
}
