# The Dinas Kesehatan plugin: WHO z-scores, nutrition prevalence, health
# interventions. Floating-point contraction is off so that the z-scores are
# computed with the same rounding steps as WHO Anthro on every target.
plugin_LTLIBRARIES += %D%/health.la
HEALTH_SOURCES = \
	%D%/who_tables.c %D%/who_tables.h \
	%D%/zscore.c %D%/zscore.h \
	%D%/ppgbm.c %D%/ppgbm.h \
	%D%/prevalence.c %D%/prevalence.h \
	%D%/idmap.c %D%/idmap.h \
	%D%/roster.c %D%/roster.h \
	%D%/indicators.c %D%/indicators.h \
	%D%/interventions.c %D%/interventions.h \
	%D%/outputs.c %D%/outputs.h \
	$(PLUGIN_COMMON_SOURCES)
HEALTH_CFLAGS = -ffp-contract=off
%C%_health_la_SOURCES = $(HEALTH_SOURCES) %D%/health.c
%C%_health_la_CFLAGS = $(PLUGIN_CFLAGS) $(HEALTH_CFLAGS)
%C%_health_la_LDFLAGS = $(PLUGIN_LDFLAGS)
EXTRA_DIST += %D%/health.ini.example

# Tests: the WHO Anthro reference through a real host's api, the unit tests
# of every module, the built plugin run in-process by the test harness, and
# pk2d report end to end.
HEALTH_TEST_CFLAGS = $(TEST_CFLAGS) $(HEALTH_CFLAGS) -I$(top_srcdir)/tests
check_PROGRAMS += tests/health/check_health_zscore tests/health/check_health_units \
	tests/health/check_health_e2e
TESTS += tests/health/check_health_zscore tests/health/check_health_units \
	tests/health/check_health_e2e
tests_health_check_health_zscore_SOURCES = tests/health/check_health_zscore.c \
	$(HARNESS_SOURCES) $(HEALTH_SOURCES)
tests_health_check_health_zscore_CFLAGS = $(HEALTH_TEST_CFLAGS)
tests_health_check_health_zscore_LDADD = $(TEST_LDADD)
tests_health_check_health_units_SOURCES = tests/health/check_health_units.c \
	$(HARNESS_SOURCES) $(HEALTH_SOURCES)
tests_health_check_health_units_CFLAGS = $(HEALTH_TEST_CFLAGS)
tests_health_check_health_units_LDADD = $(TEST_LDADD)
tests_health_check_health_e2e_CFLAGS = $(TEST_CFLAGS) $(CJSON_CFLAGS)
tests_health_check_health_e2e_LDADD = $(TEST_LDADD) $(CJSON_LIBS)
EXTRA_DIST += tests/health/data/README.md tests/health/data/balita.csv \
	tests/health/data/intervensi.csv
