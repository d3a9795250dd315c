# The family quality survey plugin (DP3A / DPPPAPPKB).
plugin_LTLIBRARIES += %D%/family.la
%C%_family_la_SOURCES = %D%/family.c %D%/answers.c %D%/answers.h \
	%D%/indicators.c %D%/indicators.h \
	plugins/common/target.c plugins/common/target.h \
	src/base/year_value.c src/base/year_value.h
%C%_family_la_CFLAGS = $(PLUGIN_CFLAGS)
%C%_family_la_LDFLAGS = $(PLUGIN_LDFLAGS)
EXTRA_DIST += %D%/family.ini.example

# Its unit test runs the built plugin in-process through the test harness.
check_PROGRAMS += tests/family/check_family
TESTS += tests/family/check_family
tests_family_check_family_SOURCES = tests/family/check_family.c \
	plugins/family/answers.c plugins/family/answers.h $(HARNESS_SOURCES)
tests_family_check_family_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests \
	-I$(top_srcdir)/plugins/family
tests_family_check_family_CFLAGS = $(TEST_CFLAGS)
tests_family_check_family_LDADD = $(TEST_LDADD)
