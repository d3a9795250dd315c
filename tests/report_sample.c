/*
 * report_sample.c - writes the fixture's reports (report_fixture.h) into a
 * directory, for the tests that open them with Chromium and LibreOffice:
 *   report_sample DIR [en|id [AREA [ROWS]]]
 *     ->  DIR/report.html .md .csv .xlsx .dhis2.json .dhis2-metadata.json, and
 *         report-id.csv (the CSV in the excel-id dialect); AREA is the
 *         fixture's kecamatan (the default) or one of its villages; ROWS
 *         lowers the XLSX rows per sheet (report_xlsx_set_row_limit).
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "i18n.h"
#include "report_fixture.h"

static int write(const char *dir, const char *name, report_writer fn,
                 const report_view *v)
{
	char path[4096];
	FILE *f;
	int rc;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	if (!(f = fopen(path, "w"))) {
		perror(path);
		return -1;
	}
	rc = fn(v, f, NULL, 0);
	if (fclose(f) != 0)
		rc = -1;
	return rc;
}

int main(int argc, char **argv)
{
	fixture fx;
	char path[4096], err[512];
	FILE *f;
	int rc;

	if (argc < 2) {
		fprintf(stderr, "usage: report_sample DIR [en|id [AREA [ROWS]]]\n");
		return 2;
	}
	if (argc > 4)
		report_xlsx_set_row_limit(strtoul(argv[4], NULL, 10));
	if (fixture_setup(&fx, argc > 3 ? argv[3] : FX_KEC,
	                  argc > 2 && !strcmp(argv[2], "en") ? LANG_EN : LANG_ID, 1) < 0) {
		fixture_teardown(&fx);
		return 1;
	}
	rc = write(argv[1], "report.html", report_html_write, &fx.view);
	rc |= write(argv[1], "report.md", report_md_write, &fx.view);
	rc |= write(argv[1], "report.csv", report_csv_write, &fx.view);
	rc |= write(argv[1], "report.dhis2.json", report_dhis2_write, &fx.view);
	rc |= write(argv[1], "report.dhis2-metadata.json", report_dhis2_meta_write, &fx.view);
	fx.view.csv_dialect = CONF_CSV_EXCEL_ID;
	rc |= write(argv[1], "report-id.csv", report_csv_write, &fx.view);
	fx.view.csv_dialect = CONF_CSV_RFC4180;
	snprintf(path, sizeof path, "%s/report.xlsx", argv[1]);
	if (!(f = fopen(path, "wb")) || report_xlsx_write(&fx.view, f, err, sizeof err) < 0) {
		fprintf(stderr, "%s: %s\n", path, err);
		rc = -1;
	}
	if (f && fclose(f) != 0)
		rc = -1;
	fixture_teardown(&fx);
	return rc ? 1 : 0;
}
