/*
 * check_xlsx.c - workbooks through the shared reader: every cell type, as
 * libxlsxwriter writes them and as parts written by hand (what other
 * programs write: inline strings, the 1904 date system, phonetic runs), the
 * table's selection and continuation sheets, and hostile workbooks.
 */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

#include "pk2d/plugin.h"
#include "csv.h"
#include "harness.h"
#include "xlsx.h"
#include "xlsx_cell.h"

static char *dir;

static char *path_in(const char *d, const char *name)
{
	char *p;
	ck_assert_int_ge(asprintf(&p, "%s/%s", d, name), 0);
	return p;
}

static void setup(void)
{
	dir = harness_tmpdir();
}

static void teardown(void)
{
	harness_rmtree(dir);
	free(dir);
	xlsx_tune((uint64_t)4 << 30, (size_t)512 << 20);
}

/* Everything the reader gives for path: the header, then "LINE:f1|f2|..."
 * per record, then "!" and the error, then each problem's examples as
 * "LINE reason". */
static char *read_all(const char *path)
{
	char err[512] = "", *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	csv_reader *c = csv_open(path, err, sizeof err);
	int rc;

	if (!c) {
		fprintf(f, "open! %s\n", err);
		fclose(f);
		return out;
	}
	for (int i = 0; i < csv_header_count(c); i++)
		fprintf(f, "%s%s", i ? "|" : "", csv_header(c, i));
	fprintf(f, "\n");
	while ((rc = csv_next(c, err, sizeof err)) == 1) {
		fprintf(f, "%ld:", csv_line(c));
		for (int i = 0; i < csv_count(c); i++)
			fprintf(f, "%s%s", i ? "|" : "", csv_field(c, i));
		fprintf(f, "\n");
	}
	if (rc < 0)
		fprintf(f, "! %s\n", err);
	const csv_stats *s = csv_get_stats(c);
	for (size_t i = 0; i < s->n_problems; i++)
		for (int j = 0; j < s->problems[i].n_examples; j++)
			fprintf(f, "%ld %s\n", s->problems[i].example_line[j],
			        s->problems[i].example_text[j]);
	csv_stats_free(csv_close(c));
	fclose(f);
	return out;
}

static void expect(const char *path, const char *want)
{
	char *got = read_all(path);
	ck_assert_msg(strcmp(got, want) == 0, "%s:\n--- got\n%s--- want\n%s", path, got, want);
	free(got);
}

/* Whether reading path gives text with needle in it. */
static void expect_has(const char *path, const char *needle)
{
	char *got = read_all(path);
	ck_assert_msg(strstr(got, needle) != NULL, "%s: no '%s' in:\n%s", path, needle, got);
	free(got);
}

/* ---- single cells ---------------------------------------------------------------- */

static const char *num(const char *v, int date, int date1904, int want_rc)
{
	static char out[XLSX_NUM_MAX];
	ck_assert_int_eq(xlsx_number(v, date, date1904, out), want_rc);
	return out;
}

START_TEST(numbers_and_references)
{
	ck_assert_str_eq(num("1", 0, 0, XLSX_NUM_OK), "1");
	ck_assert_str_eq(num("-0", 0, 0, XLSX_NUM_OK), "0");
	ck_assert_str_eq(num("12.50", 0, 0, XLSX_NUM_OK), "12.5");
	ck_assert_str_eq(num("0.1", 0, 0, XLSX_NUM_OK), "0.1");
	ck_assert_str_eq(num("2.9999999999999996", 0, 0, XLSX_NUM_OK), "3");
	ck_assert_str_eq(num("1.0000000000000001E-3", 0, 0, XLSX_NUM_OK), "0.001");
	ck_assert_str_eq(num("123456789012345", 0, 0, XLSX_NUM_OK), "123456789012345");
	ck_assert_str_eq(num("999999999999999.4", 0, 0, XLSX_NUM_OK), "999999999999999");
	ck_assert_str_eq(num("1E+15", 0, 0, XLSX_NUM_LONG), "1000000000000000");
	ck_assert_str_eq(num("-6302092007000001", 0, 0, XLSX_NUM_LONG), "-6302092007000001");
	ck_assert_str_eq(num("1.5E+15", 0, 0, XLSX_NUM_LONG), "1500000000000000");
	ck_assert_str_eq(num("abc", 0, 0, XLSX_NUM_UNREADABLE), "abc");
	ck_assert_str_eq(num("45142.999999", 1, 0, XLSX_NUM_OK), "2023-08-05");
	ck_assert_str_eq(num("45142.0416666667", 1, 0, XLSX_NUM_OK), "2023-08-04 01:00:00");
	ck_assert_str_eq(num("-1", 1, 0, XLSX_NUM_OK), "-1");
	ck_assert_str_eq(num("9.800000000000001", 0, 0, XLSX_NUM_OK), "9.8");
	ck_assert_str_eq(num("-96.59999999999999", 0, 0, XLSX_NUM_OK), "-96.6");
	ck_assert_str_eq(num("99999999999999.99", 0, 0, XLSX_NUM_OK), "100000000000000");
	ck_assert_str_eq(num("1.00000000000000050", 0, 0, XLSX_NUM_OK), "1");

	/* Float noise rounded on the text as printf rounds the double: the
	 * texts Excel and libxlsxwriter write (16 and 17 digits) of numbers
	 * of every size a sheet has, and texts of 16 to 20 random digits. */
	unsigned seed = 7;
	for (int i = 0; i < 300000; i++) {
		char text[64], want[64];
		seed = seed * 1103515245u + 12345u;
		double x = (double)seed / 4294967296.0 * pow(10, (int)(seed >> 8) % 17 - 2);
		if (i % 3 == 2) {
			int n = snprintf(text, sizeof text, "%s%u.", seed & 1 ? "-" : "", 1 + seed % 99999);
			for (int k = 0; k < 11 + (int)(seed >> 5) % 5; k++) {
				seed = seed * 1103515245u + 12345u;
				text[n++] = (char)('0' + (seed >> 16) % 10);
			}
			text[n] = '\0';
		} else {
			snprintf(text, sizeof text, i % 3 ? "%.17g" : "%.16g", seed & 1 ? -x : x);
		}
		double y = strtod(text, NULL);
		if (fabs(y) < 1e-4 || fabs(y) >= 1e15 || strchr(text, 'e'))
			continue;
		snprintf(want, sizeof want, "%.15g", y);
		ck_assert_msg(strcmp(num(text, 0, 0, XLSX_NUM_OK), want) == 0, "%s: %s, not %s", text,
		              num(text, 0, 0, XLSX_NUM_OK), want);
	}

	ck_assert_int_eq(xlsx_format_is_date("dd/mm/yyyy"), 1);
	ck_assert_int_eq(xlsx_format_is_date("[$-421]d mmmm yyyy;@"), 1);
	ck_assert_int_eq(xlsx_format_is_date("[h]:mm"), 1);
	ck_assert_int_eq(xlsx_format_is_date("General"), 0);
	ck_assert_int_eq(xlsx_format_is_date("\"Rp\" #,##0.00;[Red]\\-#,##0"), 0);
	ck_assert_int_eq(xlsx_format_is_date("0.00E+00"), 0);
	ck_assert_int_eq(xlsx_format_is_date("#,##0_);(#,##0)"), 0);
	ck_assert_int_eq(xlsx_format_is_date("@"), 0);
	ck_assert_int_eq(xlsx_builtin_is_date(13), 0);
	ck_assert_int_eq(xlsx_builtin_is_date(14), 1);
	ck_assert_int_eq(xlsx_builtin_is_date(22), 1);
	ck_assert_int_eq(xlsx_builtin_is_date(23), 0);

	int col;
	long row;
	char name[4];
	ck_assert_int_eq(xlsx_cellref("XFD1048576", &col, &row), 0);
	ck_assert_int_eq(col, 16383);
	ck_assert_int_eq(row, 1048576);
	ck_assert_int_eq(xlsx_cellref("XFE1", &col, &row), -1);
	ck_assert_int_eq(xlsx_cellref("A1048577", &col, &row), -1);
	ck_assert_int_eq(xlsx_cellref("A0", &col, &row), -1);
	ck_assert_int_eq(xlsx_cellref("a1", &col, &row), -1);
	ck_assert_int_eq(xlsx_cellref("AA10", &col, &row), 0);
	ck_assert_int_eq(col, 26);
	xlsx_colname(16383, name);
	ck_assert_str_eq(name, "XFD");
	xlsx_colname(25, name);
	ck_assert_str_eq(name, "Z");
	xlsx_colname(26, name);
	ck_assert_str_eq(name, "AA");
}
END_TEST

/* ---- workbooks written by hand --------------------------------------------- */

static const char RELS_HEAD[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
static const char *const T_SHEET = "http://schemas.openxmlformats.org/officeDocument/2006/"
                                   "relationships/worksheet";
static const char *const T_SST = "http://schemas.openxmlformats.org/officeDocument/2006/"
                                 "relationships/sharedStrings";
static const char *const T_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/"
                                    "relationships/styles";

/* One part of a hand-made workbook. */
struct part {
	const char *name, *text;
	size_t len; /* 0: strlen(text) */
};

static char *zip_parts(const char *name, const struct part *parts, size_t n)
{
	char *path = path_in(dir, name);
	int zerr;
	zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &zerr);

	ck_assert_ptr_nonnull(z);
	for (size_t i = 0; i < n; i++) {
		size_t len = parts[i].len ? parts[i].len : strlen(parts[i].text);
		zip_source_t *src = zip_source_buffer(z, parts[i].text, len, 0);
		ck_assert_ptr_nonnull(src);
		ck_assert_int_ge(zip_file_add(z, parts[i].name, src, ZIP_FL_OVERWRITE), 0);
	}
	ck_assert_int_eq(zip_close(z), 0);
	return path;
}

/* A workbook of the sheets named in names (", "-separated), whose parts are
 * sheets[i], with the shared strings sst and the styles (NULL: none). */
static char *book(const char *name, const char *workbook_pr, const char *const *names,
                  const char *const *sheets, size_t n, const char *sst, const char *styles)
{
	char *wb, *rels, *sheet_names[8];
	struct part parts[12];
	size_t np = 0, w = 0, r = 0;
	char wbuf[4096], rbuf[4096];

	w += (size_t)snprintf(wbuf + w, sizeof wbuf - w,
	                      "<?xml version=\"1.0\"?><workbook xmlns:r=\"urn:r\">%s<sheets>",
	                      workbook_pr ? workbook_pr : "");
	r += (size_t)snprintf(rbuf + r, sizeof rbuf - r, "%s", RELS_HEAD);
	for (size_t i = 0; i < n; i++) {
		const char *hidden = strncmp(names[i], "hidden:", 7) == 0 ? " state=\"hidden\"" : "";
		w += (size_t)snprintf(wbuf + w, sizeof wbuf - w,
		                      "<sheet name=\"%s\" sheetId=\"%zu\"%s r:id=\"rId%zu\"/>",
		                      names[i] + (hidden[0] ? 7 : 0), i + 1, hidden, i + 1);
		r += (size_t)snprintf(rbuf + r, sizeof rbuf - r,
		                      "<Relationship Id=\"rId%zu\" Type=\"%s\" "
		                      "Target=\"worksheets/sheet%zu.xml\"/>", i + 1, T_SHEET, i + 1);
		ck_assert_int_ge(asprintf(&sheet_names[i], "xl/worksheets/sheet%zu.xml", i + 1), 0);
		parts[np++] = (struct part){ sheet_names[i], sheets[i], 0 };
	}
	snprintf(wbuf + w, sizeof wbuf - w, "</sheets></workbook>");
	if (sst) {
		r += (size_t)snprintf(rbuf + r, sizeof rbuf - r,
		                      "<Relationship Id=\"rS\" Type=\"%s\" Target=\"sharedStrings.xml\"/>",
		                      T_SST);
		parts[np++] = (struct part){ "xl/sharedStrings.xml", sst, 0 };
	}
	if (styles) {
		r += (size_t)snprintf(rbuf + r, sizeof rbuf - r,
		                      "<Relationship Id=\"rY\" Type=\"%s\" Target=\"/xl/styles.xml\"/>",
		                      T_STYLES);
		parts[np++] = (struct part){ "xl/styles.xml", styles, 0 };
	}
	snprintf(rbuf + r, sizeof rbuf - r, "</Relationships>");
	wb = wbuf;
	rels = rbuf;
	parts[np++] = (struct part){ "xl/workbook.xml", wb, 0 };
	parts[np++] = (struct part){ "xl/_rels/workbook.xml.rels", rels, 0 };
	char *path = zip_parts(name, parts, np);
	for (size_t i = 0; i < n; i++)
		free(sheet_names[i]);
	return path;
}

static char *one_sheet(const char *name, const char *sheet_data, const char *sst,
                       const char *styles)
{
	char *sheet;
	const char *names[] = { "Data" };

	ck_assert_int_ge(asprintf(&sheet, "<worksheet><sheetData>%s</sheetData>"
	                          "<mergeCells count=\"1\"><mergeCell ref=\"A1:B1\"/></mergeCells>"
	                          "</worksheet>", sheet_data), 0);
	const char *sheets[] = { sheet };
	char *path = book(name, NULL, names, sheets, 1, sst, styles);
	free(sheet);
	return path;
}

/* Styles: cell format 1 is a built-in date (14), 2 a custom date, 3 a
 * custom number, 4 a time. */
static const char STYLES[] =
	"<styleSheet><numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy;@\"/>"
	"<numFmt numFmtId=\"165\" formatCode=\"&quot;Rp&quot;#,##0.00;[Red]-#,##0\"/></numFmts>"
	"<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
	"<cellXfs count=\"5\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/>"
	"<xf numFmtId=\"165\"/><xf numFmtId=\"21\"/></cellXfs></styleSheet>";

START_TEST(cells_by_hand)
{
	const char *sst = "<sst count=\"3\"><si><t>Nama</t></si>"
	                  "<si><r><t>Siti </t></r><r><rPr><b/></rPr><t>Aminah</t></r>"
	                  "<rPh><t>PHONETIC</t></rPh></si>"
	                  "<si><t xml:space=\"preserve\">  a_x0001_b  </t></si></sst>";
	char *path = one_sheet(
		"cells.xlsx",
		"<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"inlineStr\"><is><t>Nilai"
		"</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>Tgl</t></is></c>"
		"<c r=\"D1\" t=\"inlineStr\"><is><t>Lain</t></is></c></row>"
		/* strings, a number, a built-in date, a boolean */
		"<row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c><c r=\"B2\"><v>12.5</v></c>"
		"<c r=\"C2\" s=\"1\"><v>45142</v></c><c r=\"D2\" t=\"b\"><v>1</v></c></row>"
		/* float noise, a custom date, a formula's cached text */
		"<row r=\"3\"><c r=\"A3\" t=\"s\"><v>2</v></c><c r=\"B3\"><v>0.30000000000000004</v></c>"
		"<c r=\"C3\" s=\"2\"><v>43768.5</v></c><c r=\"D3\" t=\"str\"><f>A1&amp;\"x\"</f>"
		"<v>Namax</v></c></row>"
		/* an integer stored as 3E+2, a currency format, an error, an ISO date */
		"<row r=\"4\"><c r=\"A4\" t=\"b\"><v>0</v></c><c r=\"B4\" s=\"3\"><v>3E+2</v></c>"
		"<c r=\"C4\" t=\"d\"><v>2023-08-04T00:00:00Z</v></c><c r=\"D4\" t=\"e\"><v>#N/A</v></c>"
		"</row>"
		/* a time of day, an empty cell between, an ISO date and time */
		"<row r=\"5\"><c r=\"A5\" s=\"4\"><v>0.5</v></c><c r=\"B5\"/>"
		"<c r=\"C5\" t=\"d\"><v>2023-08-04T08:30:00</v></c><c r=\"D5\"><v>-0.000012345</v></c>"
		"</row>"
		/* a row of empty cells is skipped; cells without a reference follow on */
		"<row r=\"7\"><c r=\"A7\" s=\"1\"/><c r=\"B7\" t=\"s\"/></row>"
		"<row><c><v>1</v></c><c><v>2</v></c></row>",
		sst, STYLES);

	expect(path, "Nama|Nilai|Tgl|Lain\n"
	             "2:Siti Aminah|12.5|2023-08-04|1\n"
	             "3:a\xEF\xBF\xBD" "b|0.3|2019-10-30 12:00:00|Namax\n"
	             "4:0|300|2023-08-04|#N/A\n"
	             "5:12:00:00||2023-08-04 08:30:00|-0.000012345\n"
	             "8:1|2||\n"
	             "3 control character in text: replaced by U+FFFD\n");
	free(path);
}
END_TEST

/* The 1900 system's edges (Lotus's 29 February included) and the 1904
 * system. */
START_TEST(date_systems)
{
	const char *rows = "<row r=\"1\"><c t=\"inlineStr\"><is><t>d</t></is></c></row>"
	                   "<row r=\"2\"><c s=\"1\"><v>1</v></c></row>"
	                   "<row r=\"3\"><c s=\"1\"><v>59</v></c></row>"
	                   "<row r=\"4\"><c s=\"1\"><v>60</v></c></row>"
	                   "<row r=\"5\"><c s=\"1\"><v>61</v></c></row>"
	                   "<row r=\"6\"><c s=\"1\"><v>0</v></c></row>"
	                   "<row r=\"7\"><c s=\"1\"><v>2958465</v></c></row>"
	                   "<row r=\"8\"><c s=\"1\"><v>2958466</v></c></row>";
	char *path = one_sheet("d1900.xlsx", rows, NULL, STYLES), *sheet;

	expect(path, "d\n2:1900-01-01\n3:1900-02-28\n4:1900-02-29\n5:1900-03-01\n"
	             "6:00:00:00\n7:9999-12-31\n8:2958466\n");
	free(path);

	ck_assert_int_ge(asprintf(&sheet, "<worksheet><sheetData>%s</sheetData></worksheet>", rows),
	                 0);
	const char *names[] = { "Data" }, *sheets[] = { sheet };
	path = book("d1904.xlsx", "<workbookPr date1904=\"true\"/>", names, sheets, 1, NULL,
	            STYLES);
	expect(path, "d\n2:1904-01-02\n3:1904-02-29\n4:1904-03-01\n5:1904-03-02\n"
	             "6:1904-01-01\n7:2958465\n8:2958466\n");
	free(path);
	free(sheet);
}
END_TEST

/* A 16-digit identifier stored as a number is rejected with its cell; a
 * number where the column's codes have leading zeros is noted. */
START_TEST(codes_stored_as_numbers)
{
	char *path = one_sheet(
		"codes.xlsx",
		"<row r=\"1\"><c t=\"inlineStr\"><is><t>NIK</t></is></c>"
		"<c t=\"inlineStr\"><is><t>RT</t></is></c></row>"
		"<row r=\"2\"><c t=\"inlineStr\"><is><t>6302092007000001</t></is></c>"
		"<c t=\"inlineStr\"><is><t>001</t></is></c></row>"
		"<row r=\"3\"><c><v>6.302092007E+15</v></c><c t=\"inlineStr\"><is><t>002</t></is></c>"
		"</row>"
		"<row r=\"4\"><c><v>999999999999999</v></c><c><v>3</v></c></row>"
		"<row r=\"5\"><c><v>1000000000000000</v></c><c><v>4</v></c></row>"
		"<row r=\"6\"><c t=\"inlineStr\"><is><t>x</t></is></c><c><v>123</v></c></row>",
		NULL, NULL);

	expect(path, "NIK|RT\n2:6302092007000001|001\n4:999999999999999|3\n6:x|123\n"
	             "3 corrupted identifier: cell A3 holds a number of 16 digits or more, whose "
	             "last digits Excel has lost (it keeps 15); store NIK and KK numbers as text\n"
	             "5 corrupted identifier: cell A5 holds a number of 16 digits or more, whose "
	             "last digits Excel has lost (it keeps 15); store NIK and KK numbers as text\n"
	             "4 code without its leading zeros: cell B4 holds a number where the column holds "
	             "codes starting with 0; store codes as text\n");
	free(path);
}
END_TEST

/* ---- libxlsxwriter ------------------------------------------------------------ */

START_TEST(written_by_libxlsxwriter)
{
	char *path = path_in(dir, "lxw.xlsx");
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *title = workbook_add_worksheet(wb, "Petunjuk");
	lxw_worksheet *ws = workbook_add_worksheet(wb, "Data");
	lxw_format *date = workbook_add_format(wb);
	lxw_datetime dt = { 2023, 8, 4, 0, 0, 0 }, dtt = { 2019, 10, 30, 12, 0, 0 };

	format_set_num_format(date, "dd/mm/yyyy");
	worksheet_write_string(title, 0, 0, "Isi lembar Data", NULL);
	worksheet_merge_range(ws, 0, 0, 0, 4, "LAPORAN BALITA", NULL);
	worksheet_write_string(ws, 1, 0, "Desa: Sang-Sang", NULL);
	worksheet_write_string(ws, 4, 1, "Nama", NULL);
	worksheet_write_string(ws, 4, 2, "Berat", NULL);
	worksheet_write_string(ws, 4, 3, "Tgl", NULL);
	worksheet_write_string(ws, 4, 4, "Hadir", NULL);
	worksheet_write_string(ws, 4, 5, "Jumlah", NULL);
	worksheet_write_number(ws, 5, 0, 1, NULL); /* left of the table: not read */
	worksheet_write_string(ws, 5, 1, "Ani", NULL);
	worksheet_write_number(ws, 5, 2, 12.3, NULL);
	worksheet_write_datetime(ws, 5, 3, &dt, date);
	worksheet_write_boolean(ws, 5, 4, 1, NULL);
	worksheet_write_formula_num(ws, 5, 5, "=C6*2", NULL, 24.6);
	worksheet_merge_range(ws, 6, 1, 6, 2, "Budi", NULL);
	worksheet_write_datetime(ws, 6, 3, &dtt, date);
	worksheet_write_boolean(ws, 6, 4, 0, NULL);
	worksheet_write_formula(ws, 6, 5, "=1/0", NULL);
	ck_assert_int_eq(workbook_close(wb), LXW_NO_ERROR);

	char *sel;
	ck_assert_int_ge(asprintf(&sel, "%s#data!B5", path), 0);
	/* A formula libxlsxwriter wrote without a value reads as 0, what it
	 * stores. */
	expect(sel, "Nama|Berat|Tgl|Hadir|Jumlah\n"
	            "6:Ani|12.3|2023-08-04|1|24.6\n"
	            "7:Budi||2019-10-30 12:00:00|0|0\n");
	free(sel);
	/* Without a selector: the first sheet and its first row with text;
	 * the sheet after it is said not read, with its rows. */
	expect(path, "Isi lembar Data\n1 sheet not read: sheet 'Data' after the table, 5 rows from "
	             "its row 1: it does not repeat the header of sheet 'Petunjuk' on its row 11 or "
	             "higher, as a sheet continuing the table does\n");
	free(path);
}
END_TEST

/* ---- the table: selection and continuation ------------------------------------ */

static const char *const CONT_SHEETS[] = {
	"<worksheet><sheetData>"
	"<row r=\"1\"><c t=\"inlineStr\"><is><t>REKAP</t></is></c></row>"
	"<row r=\"3\"><c t=\"inlineStr\"><is><t>a</t></is></c><c t=\"inlineStr\"><is><t>b</t></is>"
	"</c></row><row r=\"4\"><c><v>1</v></c><c><v>2</v></c></row></sheetData></worksheet>",
	"<worksheet><sheetData>"
	"<row r=\"1\"><c t=\"inlineStr\"><is><t>REKAP (lanjutan)</t></is></c></row>"
	"<row r=\"2\"><c t=\"inlineStr\"><is><t>a</t></is></c><c t=\"inlineStr\"><is><t>b</t></is>"
	"</c></row><row r=\"3\"><c><v>3</v></c><c><v>4</v></c><c><v>9</v></c></row>"
	"</sheetData></worksheet>",
	"<worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>a</t></is></c>"
	"<c t=\"inlineStr\"><is><t>b</t></is></c></row><row r=\"2\"><c><v>0</v></c></row>"
	"</sheetData></worksheet>",
	"<worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>a</t></is></c>"
	"<c t=\"inlineStr\"><is><t>b</t></is></c></row><row r=\"2\"><c><v>5</v></c></row>"
	"</sheetData></worksheet>",
	"<worksheet><sheetData><row r=\"3\"><c t=\"inlineStr\"><is><t>Catatan</t></is></c></row>"
	"<row r=\"4\"><c><v>6</v></c></row></sheetData></worksheet>",
};

START_TEST(continuation_sheets)
{
	const char *names[] = { "Data", "Data (2)", "hidden:Lama", "Data (3)", "Catatan" };
	char *path = book("cont.xlsx", NULL, names, CONT_SHEETS, 5, NULL, NULL), *sel;

	/* The header found on row 3 of the first sheet; the second repeats it
	 * on row 2 below a title; the hidden sheet is passed over; the last
	 * has another header and ends the table: its rows are said not read. */
	ck_assert_int_ge(asprintf(&sel, "%s#Data!A3", path), 0);
	expect(sel, "a|b\n4:1|2\n2:5|\n"
	            "3 too many fields: field 3 holds '9' where the header has 2 (sheet 'Data (2)')\n"
	            "3 sheet not read: sheet 'Catatan' after the table, 2 rows from its row 3: it "
	            "does not repeat the header of sheet 'Data' on its row 13 or higher, as a sheet "
	            "continuing the table does\n");
	/* Without the selector the title is the header: the table's rows
	 * are too wide for it. */
	expect(path, "REKAP\n3 too many fields: field 2 holds 'b' where the header has 1\n"
	             "4 too many fields: field 2 holds '2' where the header has 1\n"
	             "1 sheet not read: sheet 'Data (2)' after the table, 3 rows from its row 1: it "
	             "does not repeat the header of sheet 'Data' on its row 11 or higher, as a sheet "
	             "continuing the table does\n"
	             "1 sheet not read: sheet 'Data (3)' after the table, 2 rows from its row 1: it "
	             "does not repeat the header of sheet 'Data' on its row 11 or higher, as a sheet "
	             "continuing the table does\n"
	             "3 sheet not read: sheet 'Catatan' after the table, 2 rows from its row 3: it "
	             "does not repeat the header of sheet 'Data' on its row 11 or higher, as a sheet "
	             "continuing the table does\n");

	/* The path the plugins see names the row's sheet; the reports name the
	 * table's first. */
	char err[256];
	csv_reader *c = csv_open(sel, err, sizeof err);
	ck_assert_ptr_nonnull(c);
	ck_assert_int_eq(csv_header_line(c), 3);
	ck_assert_int_eq(csv_next(c, err, sizeof err), 1);
	ck_assert_str_eq(csv_path(c) + strlen(dir), "/cont.xlsx:Data");
	ck_assert_int_eq(csv_next(c, err, sizeof err), 1);
	ck_assert_str_eq(csv_path(c) + strlen(dir), "/cont.xlsx:Data (3)");
	ck_assert_int_eq(csv_next(c, err, sizeof err), 0);
	ck_assert_str_eq(csv_get_stats(c)->path + strlen(dir), "/cont.xlsx:Data");
	csv_stats_free(csv_close(c));
	free(sel);
	free(path);
}
END_TEST

/* A sheet that continues the table below a title block longer than the
 * first sheet's is read; one that does not repeat the header is not, and
 * its rows are counted as read and rejected, never dropped in silence. */
static const char *const LOWER_SHEETS[] = {
	"<worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>a</t></is></c></row>"
	"<row r=\"2\"><c><v>1</v></c></row></sheetData></worksheet>",
	"<worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>lanjutan</t></is></c></row>"
	"<row r=\"6\"><c t=\"inlineStr\"><is><t>a</t></is></c></row>"
	"<row r=\"7\"><c><v>2</v></c></row></sheetData></worksheet>",
	"<worksheet><sheetData><row r=\"1\"><c><v>3</v></c></row><row r=\"2\"><c><v>4</v></c></row>"
	"<row r=\"12\"><c><v>5</v></c></row></sheetData></worksheet>",
};

START_TEST(continuation_lower_or_without_header)
{
	const char *names[] = { "Data", "Data (2)", "Data (3)" };
	char *path = book("lower.xlsx", NULL, names, LOWER_SHEETS, 3, NULL, NULL);
	char err[256];

	expect(path, "a\n2:1\n7:2\n"
	             "1 sheet not read: sheet 'Data (3)' after the table, 3 rows from its row 1: it "
	             "does not repeat the header of sheet 'Data' on its row 11 or higher, as a sheet "
	             "continuing the table does\n");
	csv_reader *c = csv_open(path, err, sizeof err);
	ck_assert_ptr_nonnull(c);
	while (csv_next(c, err, sizeof err) == 1)
		;
	const csv_stats *s = csv_get_stats(c);
	ck_assert_int_eq(s->records, 5);
	ck_assert_int_eq(s->rejected, 3);
	ck_assert_int_eq(s->problems[0].count, 3);
	csv_stats_free(csv_close(c));
	free(path);
}
END_TEST

/* Grouped reading keeps what the workbook reader saw of each row. */
START_TEST(grouped_workbook)
{
	char *path = one_sheet(
		"grp.xlsx",
		"<row r=\"1\"><c t=\"inlineStr\"><is><t>desa</t></is></c>"
		"<c t=\"inlineStr\"><is><t>nik</t></is></c></row>"
		"<row r=\"2\"><c><v>2</v></c><c t=\"inlineStr\"><is><t>a</t></is></c></row>"
		"<row r=\"3\"><c><v>1</v></c><c><v>1234567890123456</v></c></row>"
		"<row r=\"4\"><c><v>2</v></c><c t=\"inlineStr\"><is><t>a</t></is></c></row>"
		"<row r=\"5\"><c><v>1</v></c><c t=\"inlineStr\"><is><t>b</t></is></c></row>",
		NULL, NULL);
	char err[256];
	int ids[] = { 1 };
	csv_reader *c = csv_open(path, err, sizeof err);

	ck_assert_msg(c != NULL, "%s", err);
	ck_assert_int_eq(csv_group(c, 0, ids, 1, err, sizeof err), 0);
	ck_assert_int_eq(csv_next(c, err, sizeof err), 1);
	ck_assert_int_eq(csv_line(c), 5);
	ck_assert_int_eq(csv_next(c, err, sizeof err), 1);
	ck_assert_int_eq(csv_line(c), 2);
	ck_assert_int_eq(csv_next(c, err, sizeof err), 0);
	const csv_stats *s = csv_get_stats(c);
	ck_assert_int_eq(s->records, 4);
	ck_assert_int_eq(s->rejected, 2);
	ck_assert_str_eq(s->problems[0].kind, "corrupted identifier");
	ck_assert_int_eq(s->problems[0].example_line[0], 3);
	csv_stats_free(csv_close(c));
	free(path);
}
END_TEST

/* A NIK Excel stored as a number is corrupted, not a copy: it is rejected
 * as such and never makes the row holding the true NIK a duplicate, in a
 * file grouped by a column and in one read whole. */
START_TEST(corrupted_identifier_no_duplicate)
{
	char *path = one_sheet(
		"dupnum.xlsx",
		"<row r=\"1\"><c t=\"inlineStr\"><is><t>desa</t></is></c>"
		"<c t=\"inlineStr\"><is><t>nik</t></is></c>"
		"<c t=\"inlineStr\"><is><t>tgl</t></is></c></row>"
		"<row r=\"2\"><c><v>1</v></c><c t=\"inlineStr\"><is><t>6302092007000000</t></is></c>"
		"<c t=\"inlineStr\"><is><t>2024-01-05</t></is></c></row>"
		"<row r=\"3\"><c><v>1</v></c><c><v>6302092007000000</v></c>"
		"<c t=\"inlineStr\"><is><t>2024-01-05</t></is></c></row>"
		"<row r=\"4\"><c><v>1</v></c><c><v>6302092007000000</v></c>"
		"<c t=\"inlineStr\"><is><t>2024-01-05</t></is></c></row>",
		NULL, NULL);
	char err[256];
	int ids[] = { 1, 2 };

	for (int col = 0; col >= -1; col--) {
		csv_reader *c = csv_open(path, err, sizeof err);

		ck_assert_msg(c != NULL, "%s", err);
		ck_assert_int_eq(csv_group(c, col, ids, 2, err, sizeof err), 0);
		ck_assert_int_eq(csv_next(c, err, sizeof err), 1);
		ck_assert_int_eq(csv_line(c), 2);
		ck_assert_int_eq(csv_next(c, err, sizeof err), 0);
		const csv_stats *s = csv_get_stats(c);
		ck_assert_int_eq(s->records, 3);
		ck_assert_int_eq(s->rejected, 2);
		ck_assert_uint_eq(s->n_problems, 1);
		ck_assert_str_eq(s->problems[0].kind, "corrupted identifier");
		ck_assert_int_eq(s->problems[0].count, 2);
		csv_stats_free(csv_close(c));
	}
	free(path);
}
END_TEST

/* A grouped workbook is read in one part: its rows have no byte offsets. */
START_TEST(workbook_in_one_part)
{
	char *path = one_sheet(
		"parts.xlsx",
		"<row r=\"1\"><c t=\"inlineStr\"><is><t>desa</t></is></c></row>"
		"<row r=\"2\"><c><v>1</v></c></row><row r=\"3\"><c><v>1</v></c></row>"
		"<row r=\"4\"><c><v>2</v></c></row><row r=\"5\"><c><v>2</v></c></row>"
		"<row r=\"6\"><c><v>3</v></c></row><row r=\"7\"><c><v>3</v></c></row>",
		NULL, NULL);
	char err[256];
	csv_range *r;
	size_t n;

	ck_assert_int_eq(csv_split(path, "desa", 1, 8, &r, &n, err, sizeof err), 0);
	ck_assert_uint_eq(n, 1);
	free(r);
	free(path);
}
END_TEST

/* ---- what cannot be read ----------------------------------------------------- */

START_TEST(selector_errors)
{
	char *path = one_sheet("sel.xlsx", "<row r=\"2\"><c t=\"inlineStr\"><is><t>h</t></is></c></row>",
	                       NULL, NULL), *sel;
	char *csv = harness_write(dir, "t.csv", "a,b\n1,2\n");

	ck_assert_int_ge(asprintf(&sel, "%s#Dta", path), 0);
	expect(sel, "open! no sheet 'Dta'; did you mean 'Data'?\n");
	free(sel);
	ck_assert_int_ge(asprintf(&sel, "%s#Data!5A", path), 0);
	expect(sel, "open! '5A' is not a cell such as A5 (in '#Data!5A')\n");
	free(sel);
	ck_assert_int_ge(asprintf(&sel, "%s#Data!A1", path), 0);
	expect(sel, "open! Data!A1: the header row is empty\n");
	free(sel);
	ck_assert_int_ge(asprintf(&sel, "%s#Data!B2", path), 0);
	expect(sel, "open! Data!B2: the header row is empty\n");
	free(sel);
	ck_assert_int_ge(asprintf(&sel, "%s#Data!A2", path), 0);
	expect(sel, "h\n");
	free(sel);
	ck_assert_int_ge(asprintf(&sel, "%s#Data", csv), 0);
	expect(sel, "open! '#Data' names a sheet, but the file is not an Excel workbook (.xlsx)\n");
	free(sel);
	free(csv);
	free(path);

	path = one_sheet("empty.xlsx", "<row r=\"2\"><c r=\"A2\"/></row>", NULL, NULL);
	expect(path, "open! sheet 'Data' is empty: no header row\n");
	free(path);
}
END_TEST

START_TEST(not_workbooks)
{
	static const char xls[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 rest of an OLE file";
	char *p = harness_write(dir, "old.xls", xls);

	expect(p, "open! an old Excel workbook (.xls) or one with a password: save it as an "
	          "Excel Workbook (.xlsx) without a password\n");
	free(p);
	p = harness_write(dir, "bad.xlsx", "PK\3\4 and then nothing a zip has");
	expect_has(p, "open! not a readable workbook: ");
	free(p);
	const struct part docx[] = { { "word/document.xml", "<w/>", 0 } };
	p = zip_parts("doc.xlsx", docx, 1);
	expect(p, "open! a zip file without xl/workbook.xml: not an Excel workbook (.xlsx)\n");
	free(p);
}
END_TEST

START_TEST(malformed_xml)
{
	char *p = one_sheet("mal.xlsx", "<row r=\"1\"><c><v>1</v></c></row><row r=\"2\"><c><v>2</c>",
	                    NULL, NULL);
	expect(p, "1\n! xl/worksheets/sheet1.xml: malformed XML at line 1, column 74: mismatched "
	          "tag\n");
	free(p);

	const char *names[] = { "Data" };
	const char *cut[] = { "<worksheet><sheetData><row r=\"1\"><c><v>1</v></c></row>" };
	p = book("cut.xlsx", NULL, names, cut, 1, NULL, NULL);
	expect(p, "1\n! xl/worksheets/sheet1.xml: malformed XML at line 1, column 54: no element "
	          "found\n");
	free(p);

	p = one_sheet("sst.xlsx", "<row r=\"1\"><c r=\"B1\" t=\"s\"><v>7</v></c></row>",
	              "<sst><si><t>a</t></si></sst>", NULL);
	expect(p, "open! B1: shared string '7' of 1\n");
	free(p);

	/* The shared strings are read as far as the rows need them: a
	 * malformed part shows at the first row that needs a string past the
	 * fault, with that part's line and column. */
	p = one_sheet("sstcut.xlsx", "<row r=\"1\"><c t=\"s\"><v>0</v></c></row>"
	              "<row r=\"2\"><c t=\"s\"><v>1</v></c></row>"
	              "<row r=\"3\"><c t=\"s\"><v>2</v></c></row>",
	              "<sst><si><t>a</t></si><si><t>b</t></si>\n<si><t>c</x></si></sst>", NULL);
	expect(p, "a\n2:b\n! xl/sharedStrings.xml: malformed XML at line 2, column 10: mismatched "
	          "tag\n");
	free(p);

	/* An end tag with blanks closes its element; one whose name only
	 * starts with the element's does not. */
	p = one_sheet("vv.xlsx", "<row r=\"1\"><c><v>1</v ></c></row><row r=\"2\"><c><v>2</vv>"
	              "</c></row>", NULL, NULL);
	expect(p, "1\n! xl/worksheets/sheet1.xml: malformed XML at line 1, column 75: mismatched "
	          "tag\n");
	free(p);
	p = one_sheet("cc.xlsx", "<row r=\"1\"><c><v>3</v></cc></row>", NULL, NULL);
	expect(p, "open! xl/worksheets/sheet1.xml: malformed XML at line 1, column 46: mismatched "
	          "tag\n");
	free(p);

	p = one_sheet("order.xlsx", "<row r=\"3\"><c><v>1</v></c></row><row r=\"2\"/>", NULL, NULL);
	expect(p, "1\n! xl/worksheets/sheet1.xml: row '2' after row 3\n");
	free(p);

	p = one_sheet("col.xlsx", "<row r=\"1\"><c r=\"B1\"><v>1</v></c><c r=\"A1\"><v>1</v></c>"
	              "</row>", NULL, NULL);
	expect(p, "open! xl/worksheets/sheet1.xml: cell 'A1' out of place in row 1\n");
	free(p);
}
END_TEST

/* What the sheet's scanner reads besides elements: comments, processing
 * instructions, entities and character references, CDATA, prefixes,
 * single quotes and blanks in attributes; and an entity it does not know. */
START_TEST(sheet_xml_forms)
{
	const char *names[] = { "Data" };
	const char *sheets[] = {
		"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
		"<x:worksheet xmlns:x=\"urn:x\"><!-- a comment with <tags> -->\n<x:sheetData>"
		"<x:row r = '1'><x:c t='inlineStr'><x:is><x:t>a&amp;b&#233;&#x41;&lt;&gt;&quot;&apos;"
		"</x:t></x:is></x:c><?pi x?><x:c t=\"inlineStr\"><x:is><x:t><![CDATA[<c>&amp;]]>"
		"</x:t></x:is></x:c></x:row>\n"
		"<x:row r=\"2\"><x:c r=\"A2\"><x:v>1</x:v></x:c><x:c r=\"B2\"/></x:row>"
		"</x:sheetData></x:worksheet>"
	};
	char *p = book("forms.xlsx", NULL, names, sheets, 1, NULL, NULL);
	expect(p, "a&b\xc3\xa9" "A<>\"'|<c>&amp;\n2:1|\n");
	free(p);

	/* Entities across the scanner's blocks of 64 KB: one at every offset. */
	char *amps = malloc(5 * 14000 + 1), *want = malloc(14000 + 2), *cell;
	ck_assert(amps && want);
	for (int i = 0; i < 14000; i++)
		memcpy(amps + 5 * i, "&amp;", 5);
	amps[5 * 14000] = '\0';
	memset(want, '&', 14000);
	memcpy(want + 14000, "\n", 2);
	ck_assert_int_ge(asprintf(&cell, "<row r=\"1\"><c t=\"inlineStr\"><is><t>%s</t></is></c>"
	                          "</row>", amps), 0);
	p = one_sheet("amps.xlsx", cell, NULL, NULL);
	expect(p, want);
	free(p);
	free(cell);
	free(amps);
	free(want);

	p = one_sheet("ent.xlsx", "<row r=\"1\"><c t=\"inlineStr\"><is><t>&nbsp;</t></is></c></row>",
	              NULL, NULL);
	expect(p, "open! xl/worksheets/sheet1.xml: malformed XML at line 1, column 57: undefined "
	          "entity\n");
	free(p);
}
END_TEST

START_TEST(deep_nesting_and_doctype)
{
	char deep[2048] = "<row r=\"1\"><c><v>1</v></c></row>";
	size_t n = strlen(deep);

	for (int i = 0; i < 40; i++)
		n += (size_t)snprintf(deep + n, sizeof deep - n, "<x>");
	char *p = one_sheet("deep.xlsx", deep, NULL, NULL);
	expect(p, "1\n! xl/worksheets/sheet1.xml: XML nested more than 32 deep: not read\n");
	free(p);

	const char *names[] = { "Data" };
	const char *laughs[] = {
		"<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY a \"aaaaaaaaaa\">"
		"<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
		"<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&c;</t></is></c></row>"
		"</sheetData></worksheet>"
	};
	p = book("laughs.xlsx", NULL, names, laughs, 1, NULL, NULL);
	expect(p, "open! xl/worksheets/sheet1.xml: a DOCTYPE, which no workbook has: not read\n");
	free(p);
}
END_TEST

START_TEST(zip_bomb)
{
	size_t len = (size_t)40 << 20;
	char *sheet = malloc(len);
	const char head[] = "<worksheet><sheetData><row r=\"1\"><c><v>1</v></c></row>";

	ck_assert_ptr_nonnull(sheet);
	memset(sheet, ' ', len);
	memcpy(sheet, head, sizeof head - 1);
	const struct part parts[] = {
		{ "xl/workbook.xml", "<workbook><sheets><sheet name=\"S\" r:id=\"r1\"/></sheets>"
		                     "</workbook>", 0 },
		{ "xl/_rels/workbook.xml.rels", "<Relationships><Relationship Id=\"r1\" Type=\"x/"
		  "worksheet\" Target=\"worksheets/s.xml\"/></Relationships>", 0 },
		{ "xl/worksheets/s.xml", sheet, len },
	};
	char *p = zip_parts("bomb.xlsx", parts, 3);
	expect(p, "1\n! xl/worksheets/s.xml: unpacks to more than 500 times its packed size: not "
	          "read (a zip bomb?)\n");
	/* The same part under a limit on its size. */
	xlsx_tune((uint64_t)1 << 20, 0);
	expect(p, "open! xl/worksheets/s.xml: unpacks to 41943040 bytes, more than the 1048576 "
	          "read: not read\n");
	free(p);
	free(sheet);
}
END_TEST

START_TEST(huge_shared_strings)
{
	char *sst = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&sst, &len);

	fprintf(f, "<sst count=\"4000000000\">");
	for (int i = 0; i < 2000; i++)
		fprintf(f, "<si><t>%0100d</t></si>", i);
	fprintf(f, "</sst>");
	fclose(f);
	char *p = one_sheet("sst.xlsx", "<row><c t=\"s\"><v>1999</v></c></row>", sst, NULL);
	char *all = read_all(p);
	ck_assert_msg(strlen(all) == 101, "%s", all);
	free(all);
	xlsx_tune(0, 100000);
	expect(p, "open! xl/sharedStrings.xml: more than 100000 bytes of shared strings: not "
	          "read\n");
	free(p);
	free(sst);
}
END_TEST

static Suite *xlsx_suite(void)
{
	Suite *s = suite_create("xlsx");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, numbers_and_references);
	tcase_add_test(tc, cells_by_hand);
	tcase_add_test(tc, date_systems);
	tcase_add_test(tc, codes_stored_as_numbers);
	tcase_add_test(tc, written_by_libxlsxwriter);
	tcase_add_test(tc, workbook_in_one_part);
	tcase_add_test(tc, continuation_sheets);
	tcase_add_test(tc, continuation_lower_or_without_header);
	tcase_add_test(tc, grouped_workbook);
	tcase_add_test(tc, corrupted_identifier_no_duplicate);
	tcase_add_test(tc, selector_errors);
	tcase_add_test(tc, not_workbooks);
	tcase_add_test(tc, malformed_xml);
	tcase_add_test(tc, sheet_xml_forms);
	tcase_add_test(tc, deep_nesting_and_doctype);
	tcase_add_test(tc, zip_bomb);
	tcase_add_test(tc, huge_shared_strings);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(xlsx_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
