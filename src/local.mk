# The core: a convenience library linked into pk2d and into every test. Its
# folders are the layers of the data path (docs/design.md); each layer calls
# only the layers listed before it here.
noinst_LTLIBRARIES += %D%/libpk2dcore.la
%C%_libpk2dcore_la_CPPFLAGS = $(AM_CPPFLAGS) $(INIH_CFLAGS) $(SQLITE_CFLAGS) $(LIBPQ_CFLAGS) \
	$(CJSON_CFLAGS) $(XLSXWRITER_CFLAGS) $(LIBZIP_CFLAGS) $(EXPAT_CFLAGS) $(PDF_CFLAGS) \
	-DPK2D_PLUGINDIR='"$(plugindir)"' -DPK2D_DATADIR='"$(pkgdatadir)/data"' \
	-DPK2D_SYSCONFDIR='"$(pk2dconfdir)"'
%C%_libpk2dcore_la_LIBADD = $(INIH_LIBS) $(SQLITE_LIBS) $(LIBPQ_LIBS) $(CJSON_LIBS) $(XLSXWRITER_LIBS) \
	$(LIBZIP_LIBS) $(EXPAT_LIBS) $(PDF_LIBS)

# What each folder owns and may call (tests/layers.sh).
EXTRA_DIST += %D%/base/README.md %D%/input/README.md %D%/config/README.md \
	%D%/registry/README.md %D%/store/README.md %D%/assess/README.md %D%/report/README.md \
	%D%/host/README.md

# base: logging and small helpers every layer uses.
%C%_libpk2dcore_la_SOURCES = %D%/base/log.c %D%/base/log.h %D%/base/util.c %D%/base/util.h \
	%D%/base/cleanup.c %D%/base/cleanup.h %D%/base/tempfile.c %D%/base/tempfile.h \
	%D%/base/suggest.c %D%/base/suggest.h \
	%D%/base/utf8.c %D%/base/utf8.h \
	%D%/base/year_value.c %D%/base/year_value.h %D%/base/period.c %D%/base/period.h

# input: the CSV and workbook reader and the region codes.
%C%_libpk2dcore_la_SOURCES += %D%/input/csv.h %D%/input/csv.c %D%/input/csv_priv.h \
	%D%/input/csv_group.c %D%/input/csv_parts.c %D%/input/parse.c \
	%D%/input/xlsx.h %D%/input/xlsx.c %D%/input/xlsx_cell.h %D%/input/xlsx_cell.c \
	%D%/input/xml_scan.h %D%/input/xml_scan.c \
	%D%/input/redact.c %D%/input/redact.h \
	%D%/input/areas.h %D%/input/areas.c \
	%D%/input/area_names.h %D%/input/area_names.c %D%/input/csv_areas.c \
	%D%/input/csv_template.c

# config: the INI files and the configuration.
%C%_libpk2dcore_la_SOURCES += %D%/config/inifile.c %D%/config/inifile.h \
	%D%/config/conf.c %D%/config/conf.h \
	%D%/config/lokus.c %D%/config/lokus.h

# registry: the values the plugins report, their roll-up, and the run's record.
%C%_libpk2dcore_la_SOURCES += %D%/registry/registry.h %D%/registry/registry.c \
	%D%/registry/registry_priv.h %D%/registry/display.h %D%/registry/display.c \
	%D%/registry/run.h %D%/registry/accounting.h %D%/registry/accounting.c

# store: the history store.
%C%_libpk2dcore_la_SOURCES += %D%/store/store.c %D%/store/store.h \
	%D%/store/store_priv.h %D%/store/store_record.c %D%/store/store_schema.c \
	%D%/store/store_pg.c %D%/store/store_copy.c %D%/store/store_cache.c \
	%D%/store/store_rows.c \
	%D%/store/store_agency.c

# assess: the model, the combined assessment, trends.
%C%_libpk2dcore_la_SOURCES += %D%/assess/model.h %D%/assess/model.c \
	%D%/assess/assess.h %D%/assess/assess.c %D%/assess/assess_priv.h \
	%D%/assess/assess_many.c \
	%D%/assess/agency_problems.h %D%/assess/agency_problems.c \
	%D%/assess/planner.h %D%/assess/planner.c \
	%D%/assess/assess_setup.h %D%/assess/assess_setup.c \
	%D%/assess/trend.c %D%/assess/trend.h \
	%D%/assess/evaluate.c %D%/assess/evaluate.h

# report: the report writers and `pk2d history`.
%C%_libpk2dcore_la_SOURCES += \
	%D%/report/report.c %D%/report/report.h %D%/report/writers.h \
	%D%/report/report_text.c %D%/report/report_json.c \
	%D%/report/report_assess.h %D%/report/report_assess_text.c %D%/report/report_assess_json.c \
	%D%/report/escape.c %D%/report/escape.h \
	%D%/report/i18n.c %D%/report/i18n.h %D%/report/unused.c %D%/report/unused.h \
	%D%/report/svg.c %D%/report/svg.h \
	%D%/report/report_view.c %D%/report/report_view.h \
	%D%/report/villages_out.c %D%/report/villages_out.h \
	%D%/report/view_rows.c %D%/report/view_rows.h \
	%D%/report/view_wide.c %D%/report/view_wide.h \
	%D%/report/report_html.c %D%/report/report_md.c %D%/report/report_csv.c \
	%D%/report/report_dhis2.c %D%/report/report_dhis2_meta.c \
	%D%/report/dhis2.c %D%/report/dhis2.h %D%/report/report_xlsx.c \
	%D%/report/xlsx_book.c %D%/report/xlsx_book.h %D%/report/xlsx_chart.c \
	%D%/report/report_pdf.c %D%/report/pdf_doc.c %D%/report/pdf_doc.h \
	%D%/report/history.c %D%/report/history.h %D%/report/report_trend_json.c \
	%D%/report/json_out.c %D%/report/json_out.h \
	%D%/report/evaluate_out.c %D%/report/evaluate_out.h %D%/report/evaluate_table.h \
	%D%/report/evaluate_xlsx.c %D%/report/evaluate_pdf.c \
	%D%/report/out_file.c %D%/report/out_file.h \
	%D%/report/report_text_view.c %D%/report/present.c %D%/report/present.h
EXTRA_DIST += docs/report.md docs/report-sample.png docs/report-first-screen.png \
	tools/screenshots.sh docs/store.md docs/kabupaten-summary.png

# host: the pk2d program, the plugin loader, the isolated runner and its wire
# protocol, the API plugins call, and what `pk2d report` does after them.
%C%_libpk2dcore_la_SOURCES += %D%/host/loader.c %D%/host/loader.h \
	%D%/host/wire.c %D%/host/wire.h %D%/host/probe.c %D%/host/probe.h %D%/host/trust.c %D%/host/trust.h %D%/host/api.c %D%/host/api.h %D%/host/lokus_rows.c %D%/host/lokus_rows.h \
	%D%/host/runner.c %D%/host/runner.h %D%/host/parts.c %D%/host/parts.h \
	%D%/host/session.c %D%/host/session.h \
	%D%/host/input_check.c %D%/host/input_check.h %D%/host/template.c %D%/host/template.h \
	%D%/host/report_run.c %D%/host/report_run.h \
	%D%/host/report_site.c %D%/host/report_site.h

bin_PROGRAMS += %D%/pk2d
%C%_pk2d_SOURCES = %D%/host/main.c
%C%_pk2d_CPPFLAGS = $(AM_CPPFLAGS) -DPK2D_SYSCONFDIR='"$(pk2dconfdir)"'
%C%_pk2d_LDADD = %D%/libpk2dcore.la
