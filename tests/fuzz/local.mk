# libFuzzer harnesses (docs/design.md, "Fuzzing"). Configured with
# CC=clang --enable-fuzzing they link libFuzzer and `make fuzz` runs each for
# FUZZ_SECONDS from its seeds; in every other build they link replay.c and
# `make check` runs each over its seeds once.
FUZZ_HARNESSES = %D%/fuzz_csv %D%/fuzz_conf %D%/fuzz_model %D%/fuzz_wire %D%/fuzz_escape \
	%D%/fuzz_xlsx
FUZZ_COMMON = %D%/fuzz.h %D%/fuzz_file.c
FUZZ_SECONDS = 25
EXTRA_DIST += %D%/corpus

%C%_fuzz_csv_SOURCES = %D%/fuzz_csv.c $(FUZZ_COMMON)
%C%_fuzz_conf_SOURCES = %D%/fuzz_conf.c $(FUZZ_COMMON)
%C%_fuzz_model_SOURCES = %D%/fuzz_model.c $(FUZZ_COMMON)
%C%_fuzz_wire_SOURCES = %D%/fuzz_wire.c $(FUZZ_COMMON)
%C%_fuzz_escape_SOURCES = %D%/fuzz_escape.c $(FUZZ_COMMON)
%C%_fuzz_xlsx_SOURCES = %D%/fuzz_xlsx.c $(FUZZ_COMMON)
%C%_fuzz_xlsx_CFLAGS = $(AM_CFLAGS) $(LIBZIP_CFLAGS)
%C%_fuzz_csv_LDADD = src/libpk2dcore.la
%C%_fuzz_conf_LDADD = src/libpk2dcore.la
%C%_fuzz_model_LDADD = src/libpk2dcore.la
%C%_fuzz_wire_LDADD = src/libpk2dcore.la
%C%_fuzz_escape_LDADD = src/libpk2dcore.la
%C%_fuzz_xlsx_LDADD = src/libpk2dcore.la $(LIBZIP_LIBS)

if FUZZING
EXTRA_PROGRAMS = $(FUZZ_HARNESSES)
FUZZ_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
%C%_fuzz_csv_LDFLAGS = $(FUZZ_LDFLAGS)
%C%_fuzz_conf_LDFLAGS = $(FUZZ_LDFLAGS)
%C%_fuzz_model_LDFLAGS = $(FUZZ_LDFLAGS)
%C%_fuzz_wire_LDFLAGS = $(FUZZ_LDFLAGS)
%C%_fuzz_escape_LDFLAGS = $(FUZZ_LDFLAGS)
%C%_fuzz_xlsx_LDFLAGS = $(FUZZ_LDFLAGS)
CLEANFILES += $(FUZZ_HARNESSES)

# Each harness from its seeds for FUZZ_SECONDS; what it finds goes to a
# corpus in the build tree, a crash to tests/fuzz/crash-NAME-* (and fails).
fuzz: $(FUZZ_HARNESSES)
	@for h in $(FUZZ_HARNESSES); do \
	  name=$${h##*/fuzz_}; \
	  mkdir -p $(top_builddir)/tests/fuzz/found/$$name || exit 1; \
	  echo "fuzz: $$name for $(FUZZ_SECONDS) s"; \
	  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	    ./$$h -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
	    -print_final_stats=1 -artifact_prefix=$(top_builddir)/tests/fuzz/crash-$$name- \
	    $(top_builddir)/tests/fuzz/found/$$name $(top_srcdir)/tests/fuzz/corpus/$$name \
	    >$(top_builddir)/tests/fuzz/$$name.log 2>&1 || \
	    { tail -n 40 $(top_builddir)/tests/fuzz/$$name.log; echo "fuzz: $$name FAILED"; exit 1; }; \
	  grep -E '^stat::number_of_executed_units' $(top_builddir)/tests/fuzz/$$name.log || true; \
	done
else
check_PROGRAMS += $(FUZZ_HARNESSES)
TESTS += $(FUZZ_HARNESSES)
%C%_fuzz_csv_SOURCES += %D%/replay.c
%C%_fuzz_conf_SOURCES += %D%/replay.c
%C%_fuzz_model_SOURCES += %D%/replay.c
%C%_fuzz_wire_SOURCES += %D%/replay.c
%C%_fuzz_escape_SOURCES += %D%/replay.c
%C%_fuzz_xlsx_SOURCES += %D%/replay.c

fuzz:
	@echo "make fuzz needs a build configured with CC=clang ./configure --enable-fuzzing"; exit 1
endif
.PHONY: fuzz

# What `make fuzz` leaves: the inputs it found, its logs, crash files.
clean-local: fuzz-clean
fuzz-clean:
	rm -rf $(top_builddir)/tests/fuzz/found $(top_builddir)/tests/fuzz/crash-*
	rm -f $(top_builddir)/tests/fuzz/csv.log $(top_builddir)/tests/fuzz/conf.log \
	  $(top_builddir)/tests/fuzz/model.log $(top_builddir)/tests/fuzz/wire.log \
	  $(top_builddir)/tests/fuzz/escape.log $(top_builddir)/tests/fuzz/xlsx.log
.PHONY: fuzz-clean
