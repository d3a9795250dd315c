# Check suites and end-to-end tests. Each program links the core library.
TEST_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
TEST_LDADD = src/libpk2dcore.la $(CHECK_LIBS)
# Test-only plugins need -rpath, or libtool makes static archives of them.
TEST_PLUGIN_LDFLAGS = $(PLUGIN_LDFLAGS) -rpath $(abs_builddir)

# Core unit tests.
check_PROGRAMS += tests/check_csv tests/check_areas tests/check_registry
TESTS += tests/check_csv tests/check_areas tests/check_registry
tests_check_csv_CFLAGS = $(TEST_CFLAGS)
tests_check_csv_LDADD = $(TEST_LDADD)
tests_check_areas_CFLAGS = $(TEST_CFLAGS)
tests_check_areas_LDADD = $(TEST_LDADD)
tests_check_registry_CFLAGS = $(TEST_CFLAGS)
tests_check_registry_LDADD = $(TEST_LDADD)
EXTRA_DIST += tests/data/csv/excel-id.csv tests/data/csv/quoted.csv

# Host tests and test-only plugins.

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

# An agency's plugin built out of tree against the staged install.
dist_check_SCRIPTS += %D%/out_of_tree.sh
TESTS += %D%/out_of_tree.sh
EXTRA_DIST += docs/example-plugin/posyandu.c docs/example-plugin/Makefile \
	docs/example-plugin/posyandu.csv docs/example-plugin/pk2d.ini

# Synthetic data generator: its exact pieces (compiled in, it is a
# separate program) and the program end to end.
check_PROGRAMS += tests/check_synth
tests_check_synth_CFLAGS = $(TEST_CFLAGS)
tests_check_synth_LDADD = $(CHECK_LIBS) -lm
tests_check_synth_SOURCES = %D%/check_synth.c src/synth/cal.c src/synth/rng.c \
	src/synth/growth.c src/synth/regions.c
TESTS += tests/check_synth
dist_check_SCRIPTS += %D%/synth.sh
TESTS += %D%/synth.sh
check_PROGRAMS += tests/check_synth_e2e
tests_check_synth_e2e_CFLAGS = $(TEST_CFLAGS) $(CJSON_CFLAGS)
tests_check_synth_e2e_LDADD = $(CHECK_LIBS) $(CJSON_LIBS)
TESTS += tests/check_synth_e2e
# Health: WHO-UNICEF prevalence classes.
check_PROGRAMS += %D%/check_prevalence_class
TESTS += %D%/check_prevalence_class
%C%_check_prevalence_class_CFLAGS = $(TEST_CFLAGS)
%C%_check_prevalence_class_LDADD = $(TEST_LDADD)
