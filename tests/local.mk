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

# Report and store tests.

# An agency's plugin built out of tree against the staged install.
dist_check_SCRIPTS += %D%/out_of_tree.sh
TESTS += %D%/out_of_tree.sh
EXTRA_DIST += docs/example-plugin/posyandu.c docs/example-plugin/Makefile \
	docs/example-plugin/posyandu.csv docs/example-plugin/pk2d.ini

# Plugin tests (pkk, education, activities): whole configurations run
# in-process through the host's session, with the built plugins.
PLUGIN_TEST_SOURCES = tests/plugin_harness.c tests/plugin_harness.h
check_PROGRAMS += tests/check_pkk
TESTS += tests/check_pkk
tests_check_pkk_SOURCES = tests/check_pkk.c $(PLUGIN_TEST_SOURCES)
tests_check_pkk_CFLAGS = $(TEST_CFLAGS)
tests_check_pkk_LDADD = $(TEST_LDADD)
check_PROGRAMS += tests/check_education
TESTS += tests/check_education
tests_check_education_SOURCES = tests/check_education.c $(PLUGIN_TEST_SOURCES)
tests_check_education_CFLAGS = $(TEST_CFLAGS)
tests_check_education_LDADD = $(TEST_LDADD)
check_PROGRAMS += tests/check_activities
TESTS += tests/check_activities
tests_check_activities_SOURCES = tests/check_activities.c $(PLUGIN_TEST_SOURCES)
tests_check_activities_CFLAGS = $(TEST_CFLAGS)
tests_check_activities_LDADD = $(TEST_LDADD)
