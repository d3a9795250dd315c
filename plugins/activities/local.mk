# activities: the generic module for agencies without a developer.
plugin_LTLIBRARIES += %D%/activities.la
%C%_activities_la_SOURCES = %D%/activities.c $(PLUGIN_COMMON_SOURCES)
%C%_activities_la_CFLAGS = $(PLUGIN_CFLAGS)
%C%_activities_la_LDFLAGS = $(PLUGIN_LDFLAGS)
EXTRA_DIST += %D%/activities.ini.example
EXTRA_DIST += conf/sample/agencies.ini
