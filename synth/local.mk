# pk2d-synth: the synthetic-data generator, installed next to pk2d. It
# stands alone (it reads the code table and the WHO tables itself).
bin_PROGRAMS += %D%/pk2d-synth
%C%_pk2d_synth_CPPFLAGS = $(AM_CPPFLAGS) $(XLSXWRITER_CFLAGS) -DPK2D_DATADIR='"$(pkgdatadir)/data"'
%C%_pk2d_synth_LDADD = $(XLSXWRITER_LIBS) -lm
%C%_pk2d_synth_SOURCES = \
	%D%/synth.h %D%/gen.h \
	%D%/main.c \
	%D%/village.c \
	%D%/children.c \
	%D%/logs.c \
	%D%/files.c \
	%D%/meta.c \
	%D%/names.c \
	%D%/growth.c %D%/growth.h \
	%D%/regions.c %D%/regions.h \
	%D%/rng.c %D%/rng.h \
	%D%/out.c %D%/out.h %D%/xlsx.c \
	%D%/cal.c %D%/cal.h

# Its documentation and the benchmark that uses it (bench/run.sh prints
# figures; it is never part of make check).
EXTRA_DIST += docs/synth.md bench/run.sh bench/duckdb.mjs bench/xlsx.sh
