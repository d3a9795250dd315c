# pkk: TP PKK (dasawisma recap 4.16a, Pokja I-IV records, PKK activity log).
plugin_LTLIBRARIES += %D%/pkk.la
%C%_pkk_la_SOURCES = %D%/pkk.c %D%/pkk.h %D%/pkk_defs.c %D%/pkk_defs.h \
	%D%/pkk_read.c %D%/pkk_output.c $(PLUGIN_COMMON_SOURCES)
%C%_pkk_la_CFLAGS = $(PLUGIN_CFLAGS)
%C%_pkk_la_LDFLAGS = $(PLUGIN_LDFLAGS)
%C%_pkk_la_LIBADD = -lm
EXTRA_DIST += %D%/pkk.ini.example
