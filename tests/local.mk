# Check suites and end-to-end tests. Each program links the core library.
TEST_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
TEST_LDADD = src/libpk2dcore.la $(CHECK_LIBS)
# Test-only plugins need -rpath, or libtool makes static archives of them.
TEST_PLUGIN_LDFLAGS = $(PLUGIN_LDFLAGS) -rpath $(abs_builddir)

# Core unit tests.

# Host tests and test-only plugins.

# Assessment tests.
check_PROGRAMS += %D%/check_model
%C%_check_model_CFLAGS = $(TEST_CFLAGS)
%C%_check_model_LDADD = $(TEST_LDADD)
check_PROGRAMS += %D%/check_assess
%C%_check_assess_CFLAGS = $(TEST_CFLAGS)
%C%_check_assess_LDADD = $(TEST_LDADD)

# Report and store tests.
