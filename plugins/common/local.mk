# Sources shared by the health, pkk, education and activities plugins. Plugins cannot
# link each other or the host, so each module compiles its own copy (the
# symbols stay hidden: only pk2d_plugin_descriptor is exported).
PLUGIN_COMMON_SOURCES = \
	%D%/fields.c %D%/fields.h \
	%D%/strmap.c %D%/strmap.h \
	%D%/keyblocks.c %D%/keyblocks.h \
	%D%/grow.c %D%/grow.h \
	%D%/catalogue.c %D%/catalogue.h \
	%D%/activity_log.c %D%/activity_log.h \
	%D%/target.c %D%/target.h \
	src/base/year_value.c src/base/year_value.h
