# education: Dinas Pendidikan (school-age children, education activity log).
plugin_LTLIBRARIES += %D%/education.la
%C%_education_la_SOURCES = %D%/education.c %D%/education.h %D%/education_defs.c \
	$(PLUGIN_COMMON_SOURCES)
%C%_education_la_CFLAGS = $(PLUGIN_CFLAGS)
%C%_education_la_LDFLAGS = $(PLUGIN_LDFLAGS)
%C%_education_la_LIBADD = -lm
EXTRA_DIST += %D%/education.ini.example
