/*
 * conf.h - the pk2d configuration: [pk2d] and [plugin.NAME] sections read
 * from an INI file and the files it includes.
 *
 * (The file is conf.h, not config.h, so that it never shadows the config.h
 * autoconf writes.)
 *
 * Every problem is reported as "file:line: what" into a msglist, all of them
 * in one pass. docs/config.md describes every key.
 */
#ifndef PK2D_CONF_H
#define PK2D_CONF_H

#include <stddef.h>
#include "log.h"
#include "lokus.h"
#include "pk2d/plugin.h"

/* Seconds a plugin instance may run when neither [pk2d] nor its section
 * sets timeout. */
#define CONF_DEFAULT_TIMEOUT 600.0
/* [pk2d] lock_wait when not set: seconds another run may hold the store. */
#define CONF_DEFAULT_LOCK_WAIT 10.0
/* Percent of a file's rows that may be rejected before the run fails, when
 * [pk2d] max_rejected is not set (docs/inputs.md, "Accounting"). */
#define CONF_DEFAULT_MAX_REJECTED 5.0
/* The history store's file name next to the main configuration file, when
 * [pk2d] store is not set. */
#define CONF_DEFAULT_STORE "pk2d-history.sqlite"

typedef struct conf_entry {
	char *key;            /* ASCII lower case */
	char *value;          /* as written (inih trims blanks and ';' comments) */
	char *file;           /* the INI file that set it, as opened */
	int line;
} conf_entry;

typedef struct conf_section {
	char *name;           /* "pk2d", "plugin.health" */
	char *file;           /* where the section first starts */
	int line;
	size_t n;
	conf_entry **entries; /* in file order */
} conf_section;

/* One [plugin.NAME] section: an instance of a module. */
typedef struct conf_plugin {
	char *instance;       /* NAME */
	char *module;         /* module =, NAME by default */
	int enabled;          /* enabled = no gives 0 */
	int required;         /* required = yes gives 1 */
	char *agency;         /* agency =, NULL: the descriptor's */
	double timeout;       /* seconds: timeout =, else [pk2d] timeout */
	const conf_section *section;
} conf_plugin;

typedef struct conf {
	char *path;           /* the main file */
	char *dir;            /* its directory */
	/* [pk2d], checked and with defaults applied; paths are resolved
	 * against the directory of the file that set them. */
	char *period;
	char *area;
	size_t n_plugin_path;
	char **plugin_path;
	int jobs;             /* default: the number of CPUs online */
	double timeout;
	double lock_wait;     /* seconds to wait for the history store's lock */
	char *model;          /* the model file used: [pk2d] model (which must
	                         exist), else models/ikk.ini next to the main
	                         file, else the installed one; NULL: none */
	char *language;       /* "id" (default) or "en" */
	char *format;         /* as written, NULL when absent */
	char *output;         /* as written, NULL when absent */
	char *store;          /* the history store: --store, else [pk2d] store
	                         resolved, else CONF_DEFAULT_STORE next to the
	                         main file; NULL when it is off (none) or there
	                         is no configuration file */
	char *store_off;      /* what turned the store off: "--store none" or
	                         "FILE:LINE: store = none"; else NULL */
	char *split;          /* resolved path, NULL when absent */
	char *lokus;          /* the desa lokus file (lokus.h), resolved; NULL when absent */
	int lokus_only;       /* lokus_only = yes or --lokus: the report covers
	                         the period's lokus villages only */
	lokus *lokus_file;    /* conf_pick_lokus(): the file read, and */
	size_t n_lokus_villages; /* the lokus villages of the period's year in */
	lokus_village *lokus_villages; /* the run's area, by code; none (NULL)
	                         without lokus_only */
	int lokus_year;       /* that year */
	char *title;          /* NULL when absent */
	char *note;           /* footer note of every report ("data are
	                         synthetic"); NULL when absent */
	int rt_detail;        /* keep values per RT: rt_detail =, default yes
	                         except for area = all */
	int allow_untrusted_plugins; /* load plugin files that break the trust
	                         rule (trust.h), for development; default no */
	double max_rejected;  /* percent: max_rejected =, default
	                         CONF_DEFAULT_MAX_REJECTED */
	int csv_dialect;      /* csv_dialect =, enum conf_csv_dialect */
	int dhis2_levels;     /* dhis2_levels =: bits 1 << enum area_level of
	                         the areas in the DHIS2 data; default villages */
	size_t n_sections;
	conf_section **sections; /* in order of first appearance */
	size_t n_plugins;
	conf_plugin *plugins;    /* [plugin.*] in order of first appearance */
} conf;

/* Reads path and what it includes. NULL when anything is wrong; every
 * problem is then in errs. */
conf *conf_load(const char *path, msglist *errs);
/* The same, but the configuration is returned even when errs got entries
 * (values that were wrong are left unset), so that a caller can check the
 * plugin sections against their plugins too: every error comes out in one
 * run, whatever section it is in. NULL only when path cannot be read. */
conf *conf_read(const char *path, msglist *errs);

/* A configuration of defaults only, for the commands that can do without a
 * file (pk2d plugins; pk2d history with --store and --area): empty period
 * and area, no plugins, no store. */
conf *conf_empty(void);

/* What the command line sets over [pk2d] keys. */
typedef struct conf_cli {
	int jobs;             /* -j N; 0 when not given */
	const char *store;    /* --store FILE or "none"; NULL when not given */
	const char *csv_dialect; /* --csv-dialect NAME, checked with
	                         conf_parse_csv_dialect; NULL when not given */
	int lokus_only;       /* --lokus */
} conf_cli;
/* Applies cli over c: the one place a command-line option replaces a key. */
void conf_apply_cli(conf *c, const conf_cli *cli);
/* With lokus_only: reads the lokus file (its villages checked against the
 * region table a when not NULL) and picks the lokus villages of the
 * period's year in the run's area (c->lokus_villages). 0 (also without
 * lokus_only), or PK2D_ERR_CONFIG with the problems in errs: no lokus
 * file, a file with errors, or no lokus village for the run. */
int conf_pick_lokus(conf *c, const areas *a, msglist *errs);

/* The directory of the installed configuration and model:
 * $PK2D_SYSCONFDIR when set (the tests point it at an empty place, so an
 * installed pk2d never changes their results), else the configured one. */
const char *conf_sysconfdir(void);
void conf_free(conf *c);

/* Which file to read: cli (-c) if given, else $PK2D_CONFIG, else ./pk2d.ini,
 * else conf_sysconfdir()/pk2d.ini when they exist. NULL when there is none;
 * the result is malloc'd. */
char *conf_find(const char *cli);

const conf_section *conf_find_section(const conf *c, const char *name);
/* key is compared ignoring ASCII case. NULL when not set. */
const conf_entry *conf_section_get(const conf_section *s, const char *key);
/* value resolved against the directory of the file that set e; malloc'd. */
char *conf_entry_path(const conf_entry *e, const char *value);

/* Non-zero for the keys every [plugin.*] section accepts: module, enabled,
 * required, agency, timeout. */
int conf_host_key(const char *key);
/* 1 when a store setting names a PostgreSQL server rather than a file: a
 * postgresql:// or postgres:// URI, or a libpq connection string of
 * keyword=value words ("service=pk2d", "host=db dbname=pk2d"). */
int conf_store_is_server(const char *store);
/* Checks a section's other keys against a descriptor's config_keys (a name
 * ending in '*' accepts the prefix): unknown keys (with a did-you-mean),
 * required keys missing (reported at the section's line). Returns the number
 * of errors added. */
int conf_check_plugin(const conf_plugin *p, const pk2d_config_key *keys, msglist *errs);

/* The CSV report's dialect: RFC 4180 (',', a decimal point), or for a
 * spreadsheet in an Indonesian locale (';', a decimal comma, a BOM). */
enum conf_csv_dialect { CONF_CSV_RFC4180 = 0, CONF_CSV_EXCEL_ID = 1 };
/* "rfc4180" or "excel-id": 0 and *out set, or PK2D_ERR_INVALID. */
int conf_parse_csv_dialect(const char *s, int *out);
/* "yes/no", "true/false", "on/off", "1/0" (ASCII case ignored): 0 and *out
 * set, or PK2D_ERR_INVALID. */
int conf_parse_bool(const char *s, int *out);
/* A whole number in [min, max]: 0, or PK2D_ERR_INVALID. */
int conf_parse_int(const char *s, long min, long max, long *out);
/* A percentage 0..100 with a decimal point or comma, maybe followed by
 * '%': 0 and *out set, or PK2D_ERR_INVALID. */
int conf_parse_percent(const char *s, double *out);
/* A number > 0 with a decimal point: 0, or PK2D_ERR_INVALID. */
int conf_parse_seconds(const char *s, double *out);

#endif
