# The family quality survey plugin (DP3A / DPPPAPPKB).
plugin_LTLIBRARIES += %D%/family.la
%C%_family_la_SOURCES = %D%/family.c %D%/answers.c %D%/answers.h \
	%D%/indicators.c %D%/indicators.h
%C%_family_la_CFLAGS = $(PLUGIN_CFLAGS)
%C%_family_la_LDFLAGS = $(PLUGIN_LDFLAGS)
EXTRA_DIST += %D%/family.ini.example
