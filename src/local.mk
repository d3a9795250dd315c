# The core: a convenience library linked into pk2d and into every test.
noinst_LTLIBRARIES += %D%/libpk2dcore.la
%C%_libpk2dcore_la_CPPFLAGS = $(AM_CPPFLAGS) $(INIH_CFLAGS) $(SQLITE_CFLAGS) \
	$(CJSON_CFLAGS) $(XLSXWRITER_CFLAGS) \
	-DPK2D_PLUGINDIR='"$(plugindir)"' -DPK2D_DATADIR='"$(pkgdatadir)/data"' \
	-DPK2D_SYSCONFDIR='"$(pk2dconfdir)"'
%C%_libpk2dcore_la_LIBADD = $(INIH_LIBS) $(SQLITE_LIBS) $(CJSON_LIBS) $(XLSXWRITER_LIBS)
%C%_libpk2dcore_la_SOURCES = %D%/run.h

# Data: CSV reader, region codes, registry.
%C%_libpk2dcore_la_SOURCES += %D%/csv.h %D%/csv.c %D%/parse.c \
	%D%/areas.h %D%/areas.c %D%/registry.h %D%/registry.c

# Host: configuration, loader, plugin API, runner.
%C%_libpk2dcore_la_SOURCES += %D%/log.c %D%/log.h %D%/util.c %D%/util.h \
	%D%/inifile.c %D%/inifile.h %D%/conf.c %D%/conf.h \
	%D%/loader.c %D%/loader.h %D%/wire.c %D%/wire.h %D%/api.c %D%/api.h \
	%D%/runner.c %D%/runner.h %D%/session.c %D%/session.h \
	%D%/report.c %D%/report.h %D%/report_text.c %D%/report_json.c

bin_PROGRAMS += %D%/pk2d
%C%_pk2d_SOURCES = %D%/main.c
%C%_pk2d_CPPFLAGS = $(AM_CPPFLAGS) -DPK2D_SYSCONFDIR='"$(pk2dconfdir)"'
%C%_pk2d_LDADD = %D%/libpk2dcore.la

# Assessment: model and combined assessment.
%C%_libpk2dcore_la_SOURCES += %D%/model.h %D%/model.c %D%/assess.h %D%/assess.c \
	%D%/assess_setup.h %D%/assess_setup.c %D%/report_assess.h \
	%D%/report_assess_text.c \
	%D%/report_assess_json.c

# Report writers and history store.
%C%_libpk2dcore_la_SOURCES +=
%C%_libpk2dcore_la_SOURCES += \
	%D%/escape.c %D%/escape.h \
	%D%/i18n.c %D%/i18n.h \
	%D%/svg.c %D%/svg.h \
	%D%/trend.c %D%/trend.h \
	%D%/report_view.c %D%/report_view.h \
	%D%/report_html.c %D%/report_md.c %D%/report_csv.c %D%/report_dhis2.c \
	%D%/report_xlsx.c %D%/report_run.c %D%/report_run.h \
	%D%/history.c %D%/history.h %D%/report_trend_json.c %D%/report_text_view.c \
	%D%/store.c %D%/store.h
EXTRA_DIST += docs/report.md docs/report-sample.png tools/report-screenshot.sh

# Health: WHO-UNICEF prevalence classes for the report.
%C%_libpk2dcore_la_SOURCES += %D%/prevalence_class.c %D%/prevalence_class.h
%C%_libpk2dcore_la_SOURCES += %D%/health_quality.c %D%/health_quality.h
