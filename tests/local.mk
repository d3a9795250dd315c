# Check suites and end-to-end tests. Each program links the core library.
TEST_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
TEST_LDADD = src/libpk2dcore.la $(CHECK_LIBS)
# The one harness of the suites (tests/harness.h): temporary files, and
# whole configurations run in-process through the host's session.
HARNESS_SOURCES = tests/harness.c tests/harness.h
# Test-only plugins need -rpath, or libtool makes static archives of them.
TEST_PLUGIN_LDFLAGS = $(PLUGIN_LDFLAGS) -rpath $(abs_builddir)

# Core unit tests.
check_PROGRAMS += tests/check_csv tests/check_csv_group tests/check_areas tests/check_registry \
	tests/check_utf8 tests/check_display tests/check_xlsx
TESTS += tests/check_csv tests/check_csv_group tests/check_areas tests/check_registry tests/check_utf8 \
	tests/check_display tests/check_xlsx
tests_check_csv_CFLAGS = $(TEST_CFLAGS)
tests_check_csv_LDADD = $(TEST_LDADD)
tests_check_csv_group_CFLAGS = $(TEST_CFLAGS)
tests_check_csv_group_LDADD = $(TEST_LDADD)
tests_check_areas_CFLAGS = $(TEST_CFLAGS)
tests_check_areas_LDADD = $(TEST_LDADD)
tests_check_registry_CFLAGS = $(TEST_CFLAGS)
tests_check_registry_LDADD = $(TEST_LDADD)
tests_check_display_CFLAGS = $(TEST_CFLAGS)
tests_check_display_LDADD = $(TEST_LDADD)
tests_check_utf8_CFLAGS = $(TEST_CFLAGS)
tests_check_utf8_LDADD = $(TEST_LDADD)
tests_check_xlsx_SOURCES = tests/check_xlsx.c $(HARNESS_SOURCES)
tests_check_xlsx_CFLAGS = $(TEST_CFLAGS) $(LIBZIP_CFLAGS) $(XLSXWRITER_CFLAGS)
tests_check_xlsx_LDADD = $(TEST_LDADD) $(LIBZIP_LIBS) $(XLSXWRITER_LIBS)
EXTRA_DIST += tests/data/csv/excel-id.csv tests/data/csv/quoted.csv
EXTRA_DIST += tests/planner/README.md

# Host tests and test-only plugins (built by make check only).
check_LTLIBRARIES += %D%/plugins/good.la %D%/plugins/abi10.la %D%/plugins/abi16.la \
	%D%/plugins/abi17.la \
	%D%/plugins/slow.la \
	%D%/plugins/no_symbol.la \
	%D%/plugins/bad_name.la \
	%D%/plugins/bad_abi.la \
	%D%/plugins/bad_magic.la \
	%D%/plugins/new_minor.la \
	%D%/plugins/short_struct.la \
	%D%/plugins/no_collect.la \
	%D%/plugins/crash.la \
	%D%/plugins/hang.la \
	%D%/plugins/garbage.la \
	%D%/plugins/undeclared.la \
	%D%/plugins/exits.la \
	%D%/plugins/fails.la
%C%_plugins_good_la_SOURCES = %D%/plugins/good.c
%C%_plugins_good_la_CFLAGS = $(PLUGIN_CFLAGS)
%C%_plugins_good_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
%C%_plugins_slow_la_SOURCES = %D%/plugins/good.c
%C%_plugins_slow_la_CPPFLAGS = $(AM_CPPFLAGS) -DPLUGIN_NAME='"slow"' -DROW_PAUSE_US=500000
%C%_plugins_slow_la_CFLAGS = $(PLUGIN_CFLAGS)
%C%_plugins_slow_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
# The good plugin built against ABI 1.0's header, kept as it was released
# (tests/plugins/abi10/pk2d/plugin.h): a plugin of an older minor still
# loads and reports.
%C%_plugins_abi10_la_SOURCES = %D%/plugins/good.c
%C%_plugins_abi10_la_CPPFLAGS = -I$(srcdir)/%D%/plugins/abi10 $(AM_CPPFLAGS) \
	-DPLUGIN_NAME='"abi10"'
%C%_plugins_abi10_la_CFLAGS = $(PLUGIN_CFLAGS)
%C%_plugins_abi10_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
EXTRA_DIST += %D%/plugins/abi10/pk2d/plugin.h
# Built against ABI 1.6's header, with its input declared but no column
# help (ABI 1.7): it loads, and pk2d template writes its header alone.
%C%_plugins_abi16_la_SOURCES = %D%/plugins/good.c
%C%_plugins_abi16_la_CPPFLAGS = -I$(srcdir)/%D%/plugins/abi16 $(AM_CPPFLAGS) \
	-DPLUGIN_NAME='"abi16"' -DGOOD_INPUTS
%C%_plugins_abi16_la_CFLAGS = $(PLUGIN_CFLAGS)
%C%_plugins_abi16_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
EXTRA_DIST += %D%/plugins/abi16/pk2d/plugin.h
# Built against ABI 1.7's header (before csv_fields, ABI 1.8): it loads and
# runs.
%C%_plugins_abi17_la_SOURCES = %D%/plugins/good.c
%C%_plugins_abi17_la_CPPFLAGS = -I$(srcdir)/%D%/plugins/abi17 $(AM_CPPFLAGS) \
	-DPLUGIN_NAME='"abi17"' -DGOOD_INPUTS
%C%_plugins_abi17_la_CFLAGS = $(PLUGIN_CFLAGS)
%C%_plugins_abi17_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
EXTRA_DIST += %D%/plugins/abi17/pk2d/plugin.h
%C%_plugins_no_symbol_la_SOURCES = %D%/plugins/no_symbol.c
%C%_plugins_no_symbol_la_CFLAGS = $(PLUGIN_CFLAGS)
# Nothing to export: the usual export regex would leave an empty version script.
%C%_plugins_no_symbol_la_LDFLAGS = $(AM_LDFLAGS) -module -avoid-version -shared \
	-no-undefined $(NO_UNDEF_LDFLAGS) -rpath $(abs_builddir)
%C%_plugins_bad_name_la_SOURCES = %D%/plugins/bad_name.c
%C%_plugins_bad_name_la_CFLAGS = $(PLUGIN_CFLAGS)
%C%_plugins_bad_name_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
%C%_plugins_bad_abi_la_SOURCES = %D%/plugins/bad_desc.c
%C%_plugins_bad_abi_la_CPPFLAGS = $(AM_CPPFLAGS) -DPLUGIN_NAME='"bad_abi"' -DABI_MAJOR=2 -DABI_MINOR=0
%C%_plugins_bad_abi_la_CFLAGS = $(PLUGIN_CFLAGS)
%C%_plugins_bad_abi_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
%C%_plugins_bad_magic_la_SOURCES = %D%/plugins/bad_desc.c
%C%_plugins_bad_magic_la_CPPFLAGS = $(AM_CPPFLAGS) -DPLUGIN_NAME='"bad_magic"' -DMAGIC=0x12345678u
%C%_plugins_bad_magic_la_CFLAGS = $(PLUGIN_CFLAGS)
%C%_plugins_bad_magic_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
%C%_plugins_new_minor_la_SOURCES = %D%/plugins/bad_desc.c
%C%_plugins_new_minor_la_CPPFLAGS = $(AM_CPPFLAGS) -DPLUGIN_NAME='"new_minor"' -DABI_MINOR='(PK2D_ABI_MINOR + 1)'
%C%_plugins_new_minor_la_CFLAGS = $(PLUGIN_CFLAGS)
%C%_plugins_new_minor_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
%C%_plugins_short_struct_la_SOURCES = %D%/plugins/bad_desc.c
%C%_plugins_short_struct_la_CPPFLAGS = $(AM_CPPFLAGS) -DPLUGIN_NAME='"short_struct"' -DSTRUCT_SIZE=16
%C%_plugins_short_struct_la_CFLAGS = $(PLUGIN_CFLAGS)
%C%_plugins_short_struct_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
%C%_plugins_no_collect_la_SOURCES = %D%/plugins/bad_desc.c
%C%_plugins_no_collect_la_CPPFLAGS = $(AM_CPPFLAGS) -DPLUGIN_NAME='"no_collect"' -DCOLLECT=NULL
%C%_plugins_no_collect_la_CFLAGS = $(PLUGIN_CFLAGS)
%C%_plugins_no_collect_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
%C%_plugins_crash_la_SOURCES = %D%/plugins/misbehave.c
%C%_plugins_crash_la_CPPFLAGS = $(AM_CPPFLAGS) -DPLUGIN_NAME='"crash"' -DMODE=CRASH
%C%_plugins_crash_la_CFLAGS = $(PLUGIN_CFLAGS)
%C%_plugins_crash_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
%C%_plugins_hang_la_SOURCES = %D%/plugins/misbehave.c
%C%_plugins_hang_la_CPPFLAGS = $(AM_CPPFLAGS) -DPLUGIN_NAME='"hang"' -DMODE=HANG
%C%_plugins_hang_la_CFLAGS = $(PLUGIN_CFLAGS)
%C%_plugins_hang_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
%C%_plugins_garbage_la_SOURCES = %D%/plugins/misbehave.c
%C%_plugins_garbage_la_CPPFLAGS = $(AM_CPPFLAGS) -DPLUGIN_NAME='"garbage"' -DMODE=GARBAGE
%C%_plugins_garbage_la_CFLAGS = $(PLUGIN_CFLAGS)
%C%_plugins_garbage_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
%C%_plugins_undeclared_la_SOURCES = %D%/plugins/misbehave.c
%C%_plugins_undeclared_la_CPPFLAGS = $(AM_CPPFLAGS) -DPLUGIN_NAME='"undeclared"' -DMODE=UNDECLARED
%C%_plugins_undeclared_la_CFLAGS = $(PLUGIN_CFLAGS)
%C%_plugins_undeclared_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
%C%_plugins_exits_la_SOURCES = %D%/plugins/misbehave.c
%C%_plugins_exits_la_CPPFLAGS = $(AM_CPPFLAGS) -DPLUGIN_NAME='"exits"' -DMODE=EXITS
%C%_plugins_exits_la_CFLAGS = $(PLUGIN_CFLAGS)
%C%_plugins_exits_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
%C%_plugins_fails_la_SOURCES = %D%/plugins/misbehave.c
%C%_plugins_fails_la_CPPFLAGS = $(AM_CPPFLAGS) -DPLUGIN_NAME='"fails"' -DMODE=FAILS
%C%_plugins_fails_la_CFLAGS = $(PLUGIN_CFLAGS)
%C%_plugins_fails_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)

check_PROGRAMS += %D%/check_config %D%/check_loader %D%/check_wire %D%/check_runner \
	%D%/check_api
TESTS += %D%/check_config %D%/check_loader %D%/check_wire %D%/check_runner %D%/check_api
%C%_check_config_SOURCES = %D%/check_config.c $(HARNESS_SOURCES)
%C%_check_config_CFLAGS = $(TEST_CFLAGS)
%C%_check_config_LDADD = $(TEST_LDADD)
%C%_check_loader_SOURCES = %D%/check_loader.c $(HARNESS_SOURCES)
%C%_check_loader_CFLAGS = $(TEST_CFLAGS)
%C%_check_loader_CPPFLAGS = $(AM_CPPFLAGS) -DPK2D_PLUGINDIR_FOR_TESTS='"$(plugindir)"'
%C%_check_loader_LDADD = $(TEST_LDADD)
%C%_check_wire_SOURCES = %D%/check_wire.c
%C%_check_wire_CFLAGS = $(TEST_CFLAGS)
%C%_check_wire_LDADD = $(TEST_LDADD)
%C%_check_runner_SOURCES = %D%/check_runner.c $(HARNESS_SOURCES)
%C%_check_runner_CFLAGS = $(TEST_CFLAGS)
%C%_check_runner_LDADD = $(TEST_LDADD)
%C%_check_api_SOURCES = %D%/check_api.c $(HARNESS_SOURCES)
%C%_check_api_CFLAGS = $(TEST_CFLAGS)
%C%_check_api_LDADD = $(TEST_LDADD)
dist_check_SCRIPTS += %D%/e2e_host.sh %D%/accounting_e2e.sh %D%/progress.sh
TESTS += %D%/e2e_host.sh %D%/accounting_e2e.sh %D%/progress.sh
# Code that runs while a plugin file is loaded (constructors), a foreign
# shared library on the plugin path: all in children, never in pk2d.
check_LTLIBRARIES += %D%/plugins/loadtime/ctor_crash.la %D%/plugins/loadtime/ctor_hang.la
%C%_plugins_loadtime_ctor_crash_la_SOURCES = %D%/plugins/loadtime/ctor.c
%C%_plugins_loadtime_ctor_crash_la_CPPFLAGS = $(AM_CPPFLAGS) -DPLUGIN_NAME='"ctor_crash"' -DMODE=CRASH
%C%_plugins_loadtime_ctor_crash_la_CFLAGS = $(PLUGIN_CFLAGS)
%C%_plugins_loadtime_ctor_crash_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
%C%_plugins_loadtime_ctor_hang_la_SOURCES = %D%/plugins/loadtime/ctor.c
%C%_plugins_loadtime_ctor_hang_la_CPPFLAGS = $(AM_CPPFLAGS) -DPLUGIN_NAME='"ctor_hang"' -DMODE=HANG
%C%_plugins_loadtime_ctor_hang_la_CFLAGS = $(PLUGIN_CFLAGS)
%C%_plugins_loadtime_ctor_hang_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
dist_check_SCRIPTS += %D%/isolation.sh %D%/trust.sh %D%/full_disk.sh %D%/stop.sh
EXTRA_DIST += %D%/family_run.sh %D%/lib.sh
TESTS += %D%/isolation.sh %D%/trust.sh %D%/full_disk.sh %D%/stop.sh
EXTRA_DIST += %D%/data/good.csv

# Assessment tests.
check_PROGRAMS += %D%/check_model
TESTS += %D%/check_model
%C%_check_model_CFLAGS = $(TEST_CFLAGS)
%C%_check_model_LDADD = $(TEST_LDADD)
check_PROGRAMS += %D%/check_assess
TESTS += %D%/check_assess
%C%_check_assess_CFLAGS = $(TEST_CFLAGS)
%C%_check_assess_LDADD = $(TEST_LDADD)
# End to end: the built pk2d with the family plugin and a stand-in health
# plugin (fake_health) whose indicator enters the model.
check_LTLIBRARIES += %D%/plugins/fake_health.la
%C%_plugins_fake_health_la_SOURCES = %D%/plugins/fake_health.c
%C%_plugins_fake_health_la_CFLAGS = $(PLUGIN_CFLAGS)
%C%_plugins_fake_health_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
check_PROGRAMS += %D%/check_assess_e2e
TESTS += %D%/check_assess_e2e
%C%_check_assess_e2e_CFLAGS = $(TEST_CFLAGS) $(CJSON_CFLAGS)
%C%_check_assess_e2e_LDADD = $(TEST_LDADD) $(CJSON_LIBS)

# Report and store tests.
check_PROGRAMS += tests/check_escape
tests_check_escape_CFLAGS = $(TEST_CFLAGS)
tests_check_escape_LDADD = $(TEST_LDADD)
TESTS += tests/check_escape

check_PROGRAMS += tests/check_json_out
tests_check_json_out_CFLAGS = $(TEST_CFLAGS) $(CJSON_CFLAGS)
tests_check_json_out_LDADD = $(TEST_LDADD) $(CJSON_LIBS)
TESTS += tests/check_json_out
check_PROGRAMS += tests/check_svg
tests_check_svg_CFLAGS = $(TEST_CFLAGS)
tests_check_svg_LDADD = $(TEST_LDADD)
TESTS += tests/check_svg
check_PROGRAMS += tests/check_store
tests_check_store_CFLAGS = $(TEST_CFLAGS) $(SQLITE_CFLAGS) $(LIBPQ_CFLAGS)
tests_check_store_LDADD = $(TEST_LDADD) $(SQLITE_LIBS) $(LIBPQ_LIBS)
TESTS += tests/check_store
check_PROGRAMS += tests/check_report
tests_check_report_SOURCES = tests/check_report.c tests/report_fixture.c \
	tests/report_fixture.h
tests_check_report_CFLAGS = $(TEST_CFLAGS) $(CJSON_CFLAGS)
tests_check_report_LDADD = $(TEST_LDADD) $(CJSON_LIBS)
TESTS += tests/check_report

check_PROGRAMS += tests/check_dhis2
tests_check_dhis2_SOURCES = tests/check_dhis2.c tests/report_fixture.c tests/report_fixture.h
tests_check_dhis2_CFLAGS = $(TEST_CFLAGS) $(CJSON_CFLAGS)
tests_check_dhis2_LDADD = $(TEST_LDADD) $(CJSON_LIBS)
TESTS += tests/check_dhis2
EXTRA_DIST += tests/data/dhis2/README.md tests/data/dhis2/metadata-import.json \
	tests/data/dhis2/datavalueset-bulk.json tests/data/dhis2/datavalueset-idscheme.xml
check_PROGRAMS += tests/report_sample
tests_report_sample_SOURCES = tests/report_sample.c tests/report_fixture.c \
	tests/report_fixture.h
tests_report_sample_CFLAGS = $(TEST_CFLAGS)
tests_report_sample_LDADD = $(TEST_LDADD)
# The HTML in headless Chromium, the XLSX read back by LibreOffice (each
# skips when its program is not installed).
# The PDF report read back by pdfinfo and pdftotext (skips without them).
dist_check_SCRIPTS += tests/report_pdf.sh tests/report_summary.sh tests/report_trends.sh \
	tests/report_wide.sh tests/report_site.sh tests/report_site_national.sh
TESTS += tests/report_pdf.sh tests/report_summary.sh tests/report_trends.sh tests/report_wide.sh \
	tests/report_site.sh tests/report_site_national.sh
EXTRA_DIST += tests/site_links.py
dist_check_SCRIPTS += tests/report_html.sh tests/report_xlsx.sh tests/report_print.sh \
	tests/report_csv_id.sh tests/xlsx_sample.sh tests/report_xlsx_layout.sh tests/report_render.sh
TESTS += tests/report_html.sh tests/report_xlsx.sh tests/report_print.sh tests/report_csv_id.sh \
	tests/xlsx_sample.sh tests/report_xlsx_layout.sh tests/report_render.sh
EXTRA_DIST += tests/xlsx_layout.py tests/xlsx_data.py
# The sample from files whose areas are names only, and bad names.
dist_check_SCRIPTS += tests/sample_names.sh tests/names_spellings.sh
TESTS += tests/sample_names.sh tests/names_spellings.sh
EXTRA_DIST += tests/names_only.py tests/same_report.py
# pk2d template: the sample's forms, filled with its rows, give its report.
dist_check_SCRIPTS += tests/template.sh
TESTS += tests/template.sh
# pk2d report and history end to end: every format, two periods, a run
# killed inside its store transaction, --split, bad requests.
dist_check_SCRIPTS += tests/report_e2e.sh
TESTS += tests/report_e2e.sh
# The problems, status, year targets and planner on the bundled sample.
dist_check_SCRIPTS += tests/problems_e2e.sh
TESTS += tests/problems_e2e.sh
# The PKK table under Pokja I-IV and the 10 program pokok, in each rendering.
dist_check_SCRIPTS += tests/pkk_groups.sh
TESTS += tests/pkk_groups.sh
# The same headings in every format, from the one catalogue of words.
dist_check_SCRIPTS += tests/report_words.sh
TESTS += tests/report_words.sh
dist_check_SCRIPTS += tests/history_e2e.sh
TESTS += tests/history_e2e.sh
# A store written by schema 1 upgraded and read as before (check_store has
# the value-by-value test).
dist_check_SCRIPTS += tests/store_upgrade.sh
TESTS += tests/store_upgrade.sh
EXTRA_DIST += tests/data/store/README.md tests/data/store/v1.sqlite \
	tests/data/store/v1-history.csv tests/data/store/model.ini
# pk2d evaluate: two regency offices' desa lokus over two periods.
dist_check_SCRIPTS += tests/evaluate.sh
TESTS += tests/evaluate.sh
EXTRA_DIST += tests/evaluate/README.md
# A regency's report limited to its desa lokus.
dist_check_SCRIPTS += tests/report_lokus.sh
TESTS += tests/report_lokus.sh
# The shared store on a PostgreSQL server the test starts (skips without it).
dist_check_SCRIPTS += tests/pg_store.sh tests/pg_reads.sh
TESTS += tests/pg_store.sh tests/pg_reads.sh
EXTRA_DIST += tests/pg_cluster.sh

# pk2d plugins without a configuration (report3).
dist_check_SCRIPTS += tests/plugins_list.sh
TESTS += tests/plugins_list.sh

# An agency's plugin built out of tree against the staged install.
dist_check_SCRIPTS += %D%/out_of_tree.sh
TESTS += %D%/out_of_tree.sh
EXTRA_DIST += docs/example-plugin/posyandu.c docs/example-plugin/Makefile \
	docs/example-plugin/posyandu.csv docs/example-plugin/pk2d.ini

# Synthetic data generator: its exact pieces (compiled in, it is a
# separate program) and the program end to end.
check_PROGRAMS += tests/check_synth
tests_check_synth_CFLAGS = $(TEST_CFLAGS)
tests_check_synth_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)
tests_check_synth_LDADD = $(CHECK_LIBS) -lm
tests_check_synth_SOURCES = %D%/check_synth.c synth/cal.c synth/rng.c \
	synth/growth.c synth/regions.c
TESTS += tests/check_synth
dist_check_SCRIPTS += %D%/synth.sh %D%/synth_xlsx.sh
TESTS += %D%/synth.sh %D%/synth_xlsx.sh
dist_check_SCRIPTS += %D%/national.sh
TESTS += %D%/national.sh
# Every input of the sample and of a dirty synthetic kecamatan in other
# row orders: the same JSON report.
dist_check_SCRIPTS += %D%/row_order.sh
EXTRA_DIST += %D%/row_order.py
TESTS += %D%/row_order.sh
# A plugin's input read in parts gives the reports and output files of one part.
dist_check_SCRIPTS += %D%/parts.sh
TESTS += %D%/parts.sh
dist_check_SCRIPTS += %D%/villages_jobs.sh
TESTS += %D%/villages_jobs.sh
check_PROGRAMS += tests/check_synth_e2e
tests_check_synth_e2e_CFLAGS = $(TEST_CFLAGS) $(CJSON_CFLAGS)
tests_check_synth_e2e_LDADD = $(CHECK_LIBS) $(CJSON_LIBS)
TESTS += tests/check_synth_e2e
# Plugin tests (pkk, education, activities): whole configurations run
# in-process through the host's session, with the built plugins.
check_PROGRAMS += tests/check_pkk
TESTS += tests/check_pkk
tests_check_pkk_SOURCES = tests/check_pkk.c $(HARNESS_SOURCES)
tests_check_pkk_CFLAGS = $(TEST_CFLAGS)
tests_check_pkk_LDADD = $(TEST_LDADD)
check_PROGRAMS += tests/check_education
TESTS += tests/check_education
tests_check_education_SOURCES = tests/check_education.c $(HARNESS_SOURCES)
tests_check_education_CFLAGS = $(TEST_CFLAGS)
tests_check_education_LDADD = $(TEST_LDADD)
check_PROGRAMS += tests/check_activities
TESTS += tests/check_activities
tests_check_activities_SOURCES = tests/check_activities.c $(HARNESS_SOURCES)
tests_check_activities_CFLAGS = $(TEST_CFLAGS)
tests_check_activities_LDADD = $(TEST_LDADD)
# The built pk2d with pkk, education and two activities instances.
dist_check_SCRIPTS += tests/plugins_e2e.sh tests/host_names_no_plugin.sh
TESTS += tests/host_names_no_plugin.sh
TESTS += tests/plugins_e2e.sh
# Calls go one way down the layers of src/, each folder with its README.
dist_check_SCRIPTS += tests/layers.sh
TESTS += tests/layers.sh
# Missing, empty, column-less and header-only files for every plugin.
dist_check_SCRIPTS += tests/bad_inputs.sh
TESTS += tests/bad_inputs.sh
# Rows that do not fit the header, and a header naming a column twice.
dist_check_SCRIPTS += tests/malformed_rows.sh
TESTS += tests/malformed_rows.sh
dist_check_SCRIPTS += tests/xlsx_rows.sh
TESTS += tests/xlsx_rows.sh
EXTRA_DIST += tests/xlsx_write.py
# Text that is not UTF-8 in every input kind, against every format.
dist_check_SCRIPTS += tests/utf8_e2e.sh
TESTS += tests/utf8_e2e.sh
# Identifiers planted in every input column reach no report, log or store.
dist_check_SCRIPTS += tests/identifiers_e2e.sh
TESTS += tests/identifiers_e2e.sh
# The host's check of the plugins' declared inputs (check and report).
dist_check_SCRIPTS += tests/inputs_check.sh
TESTS += tests/inputs_check.sh
# The installed template and model, and the defaults' errors.
dist_check_SCRIPTS += tests/defaults_e2e.sh
TESTS += tests/defaults_e2e.sh
# The readers shared by the plugins, compiled in as in each plugin.
check_PROGRAMS += tests/check_plugin_common
TESTS += tests/check_plugin_common
tests_check_plugin_common_SOURCES = tests/check_plugin_common.c \
	plugins/common/fields.c plugins/common/strmap.c plugins/common/keyblocks.c \
	plugins/common/grow.c plugins/common/catalogue.c plugins/common/activity_log.c
tests_check_plugin_common_CFLAGS = $(TEST_CFLAGS)
tests_check_plugin_common_LDADD = $(CHECK_LIBS)

# The progress line's decisions and drawing (src/base/log.c).
check_PROGRAMS += %D%/check_log
TESTS += %D%/check_log
%C%_check_log_CFLAGS = $(TEST_CFLAGS)
%C%_check_log_LDADD = $(TEST_LDADD)

# Shell tests run under the shell, whatever LOG_COMPILER says: valgrind over
# /bin/sh checks the shell and coreutils. They run pk2d under
# $PK2D_VALGRIND when it is set (see docs/design.md, "Checking").
TEST_EXTENSIONS = .sh
SH_LOG_COMPILER = $(SHELL)

# The public header compiles as strict C99 and as C++.
dist_check_SCRIPTS += %D%/header.sh
TESTS += %D%/header.sh

# The did-you-mean helper (src/base/suggest.c).
check_PROGRAMS += %D%/check_suggest
TESTS += %D%/check_suggest
%C%_check_suggest_CFLAGS = $(TEST_CFLAGS)
%C%_check_suggest_LDADD = $(TEST_LDADD)
