/*
 * conf.c - reading and checking the configuration.
 *
 * Pass one (the ini handler) builds the sections, refuses unknown sections
 * and [pk2d] keys and repeated keys, and follows include =. Pass two checks
 * the values of [pk2d] and the host keys of [plugin.*] and applies defaults.
 * The plugins' own keys are checked later against their descriptors
 * (conf_check_plugin), once the loader has them.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "areas.h"
#include "conf.h"
#include "csv.h"
#include "inifile.h"
#include "period.h"
#include "suggest.h"
#include "util.h"

#ifndef PK2D_SYSCONFDIR
#define PK2D_SYSCONFDIR "/etc/pk2d"
#endif

#define PLUGIN_PREFIX "plugin."

enum key_type { K_PERIOD, K_AREA, K_PATHLIST, K_JOBS, K_SECONDS, K_INCLUDE, K_PATH,
                K_LANGUAGE, K_TEXT, K_BOOL, K_PERCENT, K_CSV_DIALECT, K_LEVELS };

/* Every [pk2d] key (docs/config.md has the same table). */
static const struct pk2d_key {
	const char *name;
	enum key_type type;
	int required;
} pk2d_keys[] = {
	{ "period", K_PERIOD, 1 },
	{ "area", K_AREA, 1 },
	{ "plugin_path", K_PATHLIST, 0 },
	{ "jobs", K_JOBS, 0 },
	{ "timeout", K_SECONDS, 0 },
	{ "lock_wait", K_SECONDS, 0 },
	{ "include", K_INCLUDE, 0 },
	{ "model", K_PATH, 0 },
	{ "language", K_LANGUAGE, 0 },
	{ "format", K_TEXT, 0 },
	{ "output", K_TEXT, 0 },
	{ "store", K_PATH, 0 },
	{ "split", K_PATH, 0 },
	{ "lokus", K_PATH, 0 },
	{ "lokus_only", K_BOOL, 0 },
	{ "title", K_TEXT, 0 },
	{ "note", K_TEXT, 0 },
	{ "rt_detail", K_BOOL, 0 },
	{ "allow_untrusted_plugins", K_BOOL, 0 },
	{ "max_rejected", K_PERCENT, 0 },
	{ "csv_dialect", K_CSV_DIALECT, 0 },
	{ "dhis2_levels", K_LEVELS, 0 },
};
#define N_PK2D_KEYS (sizeof pk2d_keys / sizeof pk2d_keys[0])

static const char *const host_keys[] = { "module", "enabled", "required", "agency", "timeout" };
#define N_HOST_KEYS (sizeof host_keys / sizeof host_keys[0])

struct included {
	char *real;           /* realpath of a file read */
	char *from;           /* "file:line" of the include =, NULL for the main file */
};

struct parse_state {
	conf *c;
	msglist *errs;
	size_t n_stack;
	char **stack;         /* realpaths of the files being read, outermost first */
	size_t n_read;
	struct included *read;
};

int conf_host_key(const char *key)
{
	for (size_t i = 0; i < N_HOST_KEYS; i++)
		if (!strcasecmp(key, host_keys[i]))
			return 1;
	return 0;
}

static const struct pk2d_key *find_pk2d_key(const char *key)
{
	for (size_t i = 0; i < N_PK2D_KEYS; i++)
		if (!strcmp(pk2d_keys[i].name, key))
			return &pk2d_keys[i];
	return NULL;
}

static char *lower_dup(const char *s)
{
	char *d = xstrdup(s);
	for (char *p = d; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return d;
}

const conf_section *conf_find_section(const conf *c, const char *name)
{
	for (size_t i = 0; i < c->n_sections; i++)
		if (!strcmp(c->sections[i]->name, name))
			return c->sections[i];
	return NULL;
}

const conf_entry *conf_section_get(const conf_section *s, const char *key)
{
	if (!s)
		return NULL;
	for (size_t i = 0; i < s->n; i++)
		if (!strcasecmp(s->entries[i]->key, key))
			return s->entries[i];
	return NULL;
}

char *conf_entry_path(const conf_entry *e, const char *value)
{
	char *dir = path_dirname(e->file);
	char *p = path_join(dir, value);
	free(dir);
	return p;
}

int conf_parse_csv_dialect(const char *s, int *out)
{
	if (!strcmp(s, "rfc4180"))
		*out = CONF_CSV_RFC4180;
	else if (!strcmp(s, "excel-id"))
		*out = CONF_CSV_EXCEL_ID;
	else
		return PK2D_ERR_INVALID;
	return 0;
}

/* "kecamatan, village": bits 1 << enum area_level; at least one level. */
static int parse_levels(const char *list, int *out)
{
	static const char *const names[] = {
		[AREA_PROVINCE] = "province", [AREA_REGENCY] = "kabupaten",
		[AREA_DISTRICT] = "kecamatan", [AREA_VILLAGE] = "village",
	};
	char *copy = xstrdup(list), *save = NULL;
	int bits = 0, rc = 0;

	for (char *tok = strtok_r(copy, ", \t", &save); tok && !rc;
	     tok = strtok_r(NULL, ", \t", &save)) {
		int level = AREA_PROVINCE;

		while (level <= AREA_VILLAGE && strcmp(tok, names[level]))
			level++;
		if (level > AREA_VILLAGE)
			rc = PK2D_ERR_INVALID;
		bits |= 1 << level;
	}
	free(copy);
	if (rc || !bits)
		return PK2D_ERR_INVALID;
	*out = bits;
	return 0;
}

/* ---------------------------------------------------------------- pass one */

static void section_header(struct parse_state *st, const char *name, const char *file, int line)
{
	conf *c = st->c;
	if (conf_find_section(c, name))
		return; /* a section may continue further down or in another file */
	if (strncmp(name, PLUGIN_PREFIX, strlen(PLUGIN_PREFIX)) == 0) {
		const char *inst = name + strlen(PLUGIN_PREFIX);
		if (!name_valid(inst)) {
			msglist_add(st->errs, file, line,
			            "[%s]: the instance name '%s' must match [a-z][a-z0-9_]{0,31}",
			            name, inst);
			return;
		}
	} else if (strcmp(name, "pk2d") != 0) {
		const char *dot = strchr(name, '.');
		char *plugin_guess = dot ? xasprintf(PLUGIN_PREFIX "%s", dot + 1) : NULL;
		const char *cands[] = { "pk2d", plugin_guess };
		char *lname = lower_dup(name);
		const char *hint = did_you_mean(lname, cands, 2);
		if (hint)
			msglist_add(st->errs, file, line, "unknown section [%s]; did you mean [%s]?",
			            name, hint);
		else
			msglist_add(st->errs, file, line,
			            "unknown section [%s]; sections are [pk2d] and [plugin.NAME]", name);
		free(lname);
		free(plugin_guess);
		return;
	}
	conf_section *s = xcalloc(1, sizeof *s);
	s->name = xstrdup(name);
	s->file = xstrdup(file);
	s->line = line;
	c->sections = xrealloc(c->sections, (c->n_sections + 1) * sizeof *c->sections);
	c->sections[c->n_sections++] = s;
}

static int read_file(struct parse_state *st, const char *path, const char *from_file, int from_line);

static void do_include(struct parse_state *st, const char *value, const char *file, int line)
{
	char *copy = xstrdup(value);
	char *dir = path_dirname(file);
	char *save = NULL;
	int any = 0;
	for (char *tok = strtok_r(copy, " \t", &save); tok; tok = strtok_r(NULL, " \t", &save)) {
		any = 1;
		char *path = path_join(dir, tok);
		read_file(st, path, file, line);
		free(path);
	}
	if (!any)
		msglist_add(st->errs, file, line, "include: no file named");
	free(dir);
	free(copy);
}

static void add_entry(struct parse_state *st, conf_section *s, const char *lkey,
                      const char *value, const char *file, int line)
{
	const conf_entry *old = conf_section_get(s, lkey);
	if (old) {
		msglist_add(st->errs, file, line,
		            "'%s' is set again in [%s] (first set at %s:%d); an indented line "
		            "also counts as setting the key above it again",
		            lkey, s->name, old->file, old->line);
		return;
	}
	conf_entry *e = xcalloc(1, sizeof *e);
	e->key = xstrdup(lkey);
	e->value = xstrdup(value);
	e->file = xstrdup(file);
	e->line = line;
	s->entries = xrealloc(s->entries, (s->n + 1) * sizeof *s->entries);
	s->entries[s->n++] = e;
}

static int handler(void *ud, const char *section, const char *key, const char *value,
                   const char *file, int line)
{
	struct parse_state *st = ud;
	if (!key) {
		section_header(st, section, file, line);
		return 0;
	}
	if (!*section) {
		msglist_add(st->errs, file, line, "'%s' is outside any section; "
		            "put it under [pk2d] or [plugin.NAME]", key);
		return 0;
	}
	conf_section *s = (conf_section *)conf_find_section(st->c, section);
	if (!s)
		return 0; /* the unknown section was reported at its header */
	char *lkey = lower_dup(key);
	if (!strcmp(s->name, "pk2d")) {
		const struct pk2d_key *k = find_pk2d_key(lkey);
		if (!k) {
			const char *names[N_PK2D_KEYS];
			for (size_t i = 0; i < N_PK2D_KEYS; i++)
				names[i] = pk2d_keys[i].name;
			const char *hint = did_you_mean(lkey, names, N_PK2D_KEYS);
			if (hint)
				msglist_add(st->errs, file, line,
				            "unknown key '%s' in [pk2d]; did you mean '%s'?", key, hint);
			else
				msglist_add(st->errs, file, line, "unknown key '%s' in [pk2d]", key);
		} else if (k->type == K_INCLUDE) {
			do_include(st, value, file, line);
		} else {
			add_entry(st, s, lkey, value, file, line);
		}
	} else {
		add_entry(st, s, lkey, value, file, line);
	}
	free(lkey);
	return 0;
}

static int read_file(struct parse_state *st, const char *path, const char *from_file, int from_line)
{
	char *real = realpath(path, NULL);
	if (!real) {
		if (from_file)
			msglist_add(st->errs, from_file, from_line, "cannot read '%s': %s",
			            path, strerror(errno));
		else
			msglist_add(st->errs, path, 0, "cannot read: %s", strerror(errno));
		return PK2D_ERR_IO;
	}
	for (size_t i = 0; i < st->n_stack; i++) {
		if (!strcmp(st->stack[i], real)) {
			msglist_add(st->errs, from_file, from_line,
			            "include cycle: '%s' is already being read", path);
			free(real);
			return PK2D_ERR_CONFIG;
		}
	}
	for (size_t i = 0; i < st->n_read; i++) {
		if (!strcmp(st->read[i].real, real)) {
			msglist_add(st->errs, from_file, from_line,
			            "'%s' is already included (at %s)", path,
			            st->read[i].from ? st->read[i].from : "the command line");
			free(real);
			return PK2D_ERR_CONFIG;
		}
	}
	st->read = xrealloc(st->read, (st->n_read + 1) * sizeof *st->read);
	st->read[st->n_read].real = xstrdup(real);
	st->read[st->n_read].from = from_file ? xasprintf("%s:%d", from_file, from_line) : NULL;
	st->n_read++;
	st->stack = xrealloc(st->stack, (st->n_stack + 1) * sizeof *st->stack);
	st->stack[st->n_stack++] = real;
	int r = ini_file_parse_from(path, from_file, from_line, handler, st, st->errs);
	st->n_stack--;
	free(real);
	return r;
}

/* ---------------------------------------------------------------- pass two */

int conf_parse_bool(const char *s, int *out)
{
	static const char *const yes[] = { "yes", "true", "on", "1" };
	static const char *const no[] = { "no", "false", "off", "0" };
	for (size_t i = 0; i < 4; i++) {
		if (!strcasecmp(s, yes[i])) {
			*out = 1;
			return 0;
		}
		if (!strcasecmp(s, no[i])) {
			*out = 0;
			return 0;
		}
	}
	return PK2D_ERR_INVALID;
}

int conf_parse_int(const char *s, long min, long max, long *out)
{
	char *end;
	errno = 0;
	if (!*s || isspace((unsigned char)*s))
		return PK2D_ERR_INVALID;
	long v = strtol(s, &end, 10);
	if (errno || *end || v < min || v > max)
		return PK2D_ERR_INVALID;
	*out = v;
	return 0;
}

int conf_parse_percent(const char *s, double *out)
{
	char *copy = xstrdup(s);
	size_t n = strlen(copy);
	double v;
	int rc;

	while (n > 0 && (copy[n - 1] == ' ' || copy[n - 1] == '%'))
		copy[--n] = '\0';
	rc = strchr(copy, '%') || parse_number(copy, &v) != 0 || v < 0 || v > 100
	     ? PK2D_ERR_INVALID : 0;
	if (rc == 0)
		*out = v;
	free(copy);
	return rc;
}

int conf_parse_seconds(const char *s, double *out)
{
	char *end;
	errno = 0;
	if (!*s || isspace((unsigned char)*s) || !(isdigit((unsigned char)*s) || *s == '.'))
		return PK2D_ERR_INVALID;
	double v = strtod(s, &end);
	if (errno || *end || !isfinite(v) || v <= 0 || v > 1e7)
		return PK2D_ERR_INVALID;
	*out = v;
	return 0;
}

static int file_exists(const char *p)
{
	struct stat sb;
	return stat(p, &sb) == 0 && S_ISREG(sb.st_mode);
}

/* A model key naming no file: the two ways out. */
static void model_missing(const conf_entry *e, const char *path, msglist *errs)
{
	char *installed = path_join(conf_sysconfdir(), "models/ikk.ini");
	if (e->value[0] == '/')
		msglist_add(errs, e->file, e->line, "model '%s' does not exist", e->value);
	else
		msglist_add(errs, e->file, e->line, "model '%s': %s does not exist (the path is "
		            "relative to this file); copy a model there (cp %s %s), or remove the "
		            "key to use models/ikk.ini next to the configuration or the installed %s",
		            e->value, path, installed, path, installed);
	free(installed);
}

static void check_pk2d(conf *c, msglist *errs)
{
	const conf_section *s = conf_find_section(c, "pk2d");
	if (!s) {
		msglist_add(errs, c->path, 0, "no [pk2d] section; it must set at least "
		            "period and area");
		return;
	}
	for (size_t i = 0; i < N_PK2D_KEYS; i++) {
		if (pk2d_keys[i].required && !conf_section_get(s, pk2d_keys[i].name))
			msglist_add(errs, s->file, s->line, "[pk2d]: missing required key '%s'",
			            pk2d_keys[i].name);
	}
	for (size_t i = 0; i < s->n; i++) {
		const conf_entry *e = s->entries[i];
		const struct pk2d_key *k = find_pk2d_key(e->key);
		long n;
		switch (k->type) {
		case K_PERIOD:
			if (!period_valid(e->value))
				msglist_add(errs, e->file, e->line, "period '%s' is not a DHIS2 period "
				            "(2023, 2023S1, 2023Q2, 202306)", e->value);
			else
				c->period = xstrdup(e->value);
			break;
		case K_AREA:
			if (area_level(e->value) == AREA_INVALID)
				msglist_add(errs, e->file, e->line, "area '%s' is not a Kemendagri code "
				            "(63, 63.02, 63.02.09, 63.02.09.2007) or all", e->value);
			else
				c->area = xstrdup(e->value);
			break;
		case K_PATHLIST: {
			char *copy = xstrdup(e->value);
			char *save = NULL;
			for (char *tok = strtok_r(copy, ":", &save); tok;
			     tok = strtok_r(NULL, ":", &save)) {
				c->plugin_path = xrealloc(c->plugin_path,
				                          (c->n_plugin_path + 1) * sizeof *c->plugin_path);
				c->plugin_path[c->n_plugin_path++] = conf_entry_path(e, tok);
			}
			free(copy);
			break;
		}
		case K_JOBS:
			if (conf_parse_int(e->value, 1, 1024, &n) < 0)
				msglist_add(errs, e->file, e->line, "jobs '%s' is not a whole number "
				            "from 1 to 1024", e->value);
			else
				c->jobs = (int)n;
			break;
		case K_SECONDS:
			if (conf_parse_seconds(e->value, !strcmp(e->key, "timeout") ? &c->timeout :
			                       &c->lock_wait) < 0)
				msglist_add(errs, e->file, e->line, "%s '%s' is not a number of seconds "
				            "above 0", e->key, e->value);
			break;
		case K_PATH: {
			if (!strcmp(e->key, "store") && !strcasecmp(e->value, "none")) {
				c->store_off = xasprintf("%s:%d: store = %s", e->file, e->line,
				                         e->value);
				break;
			}
			char *p = !strcmp(e->key, "store") && conf_store_is_server(e->value) ?
			          xstrdup(e->value) : conf_entry_path(e, e->value);
			if (!strcmp(e->key, "model") && !file_exists(p))
				model_missing(e, p, errs);
			char **slot = !strcmp(e->key, "model") ? &c->model :
			              !strcmp(e->key, "store") ? &c->store :
			              !strcmp(e->key, "lokus") ? &c->lokus : &c->split;
			free(*slot);
			*slot = p;
			break;
		}
		case K_LANGUAGE:
			if (strcmp(e->value, "id") && strcmp(e->value, "en"))
				msglist_add(errs, e->file, e->line, "language '%s' is neither 'id' "
				            "nor 'en'", e->value);
			else {
				free(c->language);
				c->language = xstrdup(e->value);
			}
			break;
		case K_TEXT: {
			char **slot = !strcmp(e->key, "format") ? &c->format :
			              !strcmp(e->key, "output") ? &c->output :
			              !strcmp(e->key, "note") ? &c->note : &c->title;
			free(*slot);
			*slot = xstrdup(e->value);
			break;
		}
		case K_BOOL:
			if (conf_parse_bool(e->value, !strcmp(e->key, "rt_detail") ? &c->rt_detail :
			                    !strcmp(e->key, "lokus_only") ? &c->lokus_only :
			                    &c->allow_untrusted_plugins) < 0)
				msglist_add(errs, e->file, e->line, "%s '%s' is not yes or no",
				            e->key, e->value);
			break;
		case K_PERCENT:
			if (conf_parse_percent(e->value, &c->max_rejected) < 0)
				msglist_add(errs, e->file, e->line, "%s '%s' is not a percentage "
				            "from 0 to 100 (5, 2.5 or 2,5%%)", e->key, e->value);
			break;
		case K_CSV_DIALECT:
			if (conf_parse_csv_dialect(e->value, &c->csv_dialect) < 0)
				msglist_add(errs, e->file, e->line, "csv_dialect '%s' is neither "
				            "'rfc4180' nor 'excel-id'", e->value);
			break;
		case K_LEVELS:
			if (parse_levels(e->value, &c->dhis2_levels) < 0)
				msglist_add(errs, e->file, e->line, "dhis2_levels '%s' is not a list of "
				            "levels (province, kabupaten, kecamatan, village)", e->value);
			break;
		case K_INCLUDE:
			break; /* followed while reading, never stored */
		}
	}
}

static void check_plugins(conf *c, msglist *errs)
{
	for (size_t i = 0; i < c->n_sections; i++) {
		const conf_section *s = c->sections[i];
		if (strncmp(s->name, PLUGIN_PREFIX, strlen(PLUGIN_PREFIX)))
			continue;
		c->plugins = xrealloc(c->plugins, (c->n_plugins + 1) * sizeof *c->plugins);
		conf_plugin *p = &c->plugins[c->n_plugins++];
		memset(p, 0, sizeof *p);
		p->instance = xstrdup(s->name + strlen(PLUGIN_PREFIX));
		p->section = s;
		p->enabled = 1;
		p->timeout = c->timeout;
		const conf_entry *e;
		if ((e = conf_section_get(s, "module"))) {
			if (!name_valid(e->value))
				msglist_add(errs, e->file, e->line, "module '%s' is not a plugin name "
				            "([a-z][a-z0-9_]{0,31})", e->value);
			p->module = xstrdup(e->value);
		} else {
			p->module = xstrdup(p->instance);
		}
		if ((e = conf_section_get(s, "enabled")) && conf_parse_bool(e->value, &p->enabled) < 0)
			msglist_add(errs, e->file, e->line, "enabled '%s' is not yes or no", e->value);
		if ((e = conf_section_get(s, "required")) && conf_parse_bool(e->value, &p->required) < 0)
			msglist_add(errs, e->file, e->line, "required '%s' is not yes or no", e->value);
		if ((e = conf_section_get(s, "agency"))) {
			if (!*e->value)
				msglist_add(errs, e->file, e->line, "agency is empty");
			p->agency = xstrdup(e->value);
		}
		if ((e = conf_section_get(s, "timeout")) && conf_parse_seconds(e->value, &p->timeout) < 0)
			msglist_add(errs, e->file, e->line, "timeout '%s' is not a number of seconds "
			            "above 0", e->value);
	}
}

static long cpus_online(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n >= 1 ? (n > 1024 ? 1024 : n) : 1;
}

conf *conf_load(const char *path, msglist *errs)
{
	size_t before = errs->n;
	conf *c = conf_read(path, errs);

	if (errs->n != before) {
		conf_free(c);
		return NULL;
	}
	return c;
}

/* models/ikk.ini next to the configuration, else the installed one; NULL
 * when neither exists. */
static char *default_model(const char *dir)
{
	char *p = path_join(dir, "models/ikk.ini");
	if (file_exists(p))
		return p;
	free(p);
	p = path_join(conf_sysconfdir(), "models/ikk.ini");
	if (file_exists(p))
		return p;
	free(p);
	return NULL;
}

int conf_store_is_server(const char *store)
{
	size_t k = 0;

	/* Letters of either case: a "PASSWORD=..." that libpq will refuse is
	 * still an address (whose message masks it), not an SQLite file name. */
	if (!strncasecmp(store, "postgresql://", 13) || !strncasecmp(store, "postgres://", 11))
		return 1;
	while (store[k] == '_' || (store[k] >= 'a' && store[k] <= 'z') ||
	       (store[k] >= 'A' && store[k] <= 'Z'))
		k++;
	return k > 0 && store[k] == '=';
}

/* Every default of [pk2d] that does not depend on other keys. */
static conf *conf_new(void)
{
	conf *c = xcalloc(1, sizeof *c);
	c->jobs = (int)cpus_online();
	c->timeout = CONF_DEFAULT_TIMEOUT;
	c->lock_wait = CONF_DEFAULT_LOCK_WAIT;
	c->language = xstrdup("id");
	c->rt_detail = -1;
	c->max_rejected = CONF_DEFAULT_MAX_REJECTED;
	c->dhis2_levels = 1 << AREA_VILLAGE;
	return c;
}

/* The defaults that depend on other keys, and on the file's directory (none
 * without a file). */
static void derived_defaults(conf *c)
{
	if (c->dir && !c->model)
		c->model = default_model(c->dir);
	if (c->dir && !c->store && !c->store_off)
		c->store = path_join(c->dir, CONF_DEFAULT_STORE);
	/* A national run keeps village sums only: every RT of the country
	 * would be about 60 million values. */
	if (c->rt_detail < 0)
		c->rt_detail = !(c->area && strcmp(c->area, "all") == 0);
}

conf *conf_empty(void)
{
	conf *c = conf_new();
	c->period = xstrdup("");
	c->area = xstrdup("");
	derived_defaults(c);
	return c;
}

void conf_apply_cli(conf *c, const conf_cli *cli)
{
	if (cli->jobs > 0)
		c->jobs = cli->jobs;
	if (cli->csv_dialect)
		conf_parse_csv_dialect(cli->csv_dialect, &c->csv_dialect);
	if (cli->lokus_only)
		c->lokus_only = 1;
	if (!cli->store)
		return;
	free(c->store);
	free(c->store_off);
	c->store = NULL;
	c->store_off = NULL;
	if (!strcasecmp(cli->store, "none"))
		c->store_off = xasprintf("--store %s", cli->store);
	else
		c->store = xstrdup(cli->store);
}

/* Where a [pk2d] key was set, for messages: "FILE:LINE: ", or "" (the
 * command line). */
static void key_where(const conf *c, const char *key, char *buf, size_t len)
{
	const conf_entry *e = conf_section_get(conf_find_section(c, "pk2d"), key);

	if (e)
		snprintf(buf, len, "%s:%d: ", e->file, e->line);
	else
		snprintf(buf, len, "--lokus: ");
}

int conf_pick_lokus(conf *c, const areas *a, msglist *errs)
{
	char where[512];
	size_t before = errs->n;
	int year;

	/* A period is valid here (conf_read checked it): its year first. */
	if (!c->lokus_only || !c->area || !c->period || sscanf(c->period, "%4d", &year) != 1)
		return 0;
	key_where(c, "lokus_only", where, sizeof where);
	if (!c->lokus) {
		msglist_add(errs, NULL, 0, "%sa report limited to the lokus villages needs"
		            " [pk2d] lokus = FILE (docs/config.md, \"Desa lokus\")", where);
		return PK2D_ERR_CONFIG;
	}
	if (lokus_load(c->lokus, a, &c->lokus_file, errs) < 0) {
		if (errs->n == before)
			msglist_add(errs, c->lokus, 0, "cannot read the lokus file");
		return PK2D_ERR_CONFIG;
	}
	c->lokus_year = year;
	c->n_lokus_villages = lokus_of_year(c->lokus_file, year, c->area, &c->lokus_villages);
	if (!c->n_lokus_villages) {
		msglist_add(errs, c->lokus, 0, "no lokus village of %d in area %s: a report"
		            " limited to the lokus villages would be empty", year, c->area);
		return PK2D_ERR_CONFIG;
	}
	return 0;
}

conf *conf_read(const char *path, msglist *errs)
{
	conf *c = conf_new();
	c->path = xstrdup(path);
	c->dir = path_dirname(path);

	struct parse_state st = { .c = c, .errs = errs };
	int unreadable = read_file(&st, path, NULL, 0) == PK2D_ERR_IO && st.n_read == 0;
	for (size_t i = 0; i < st.n_read; i++) {
		free(st.read[i].real);
		free(st.read[i].from);
	}
	free(st.read);
	free(st.stack);
	if (unreadable) {
		conf_free(c);
		return NULL; /* one message: the file itself */
	}

	/* The values are checked even after syntax errors, so that one run
	 * shows every problem. */
	check_pk2d(c, errs);
	check_plugins(c, errs);
	derived_defaults(c);
	return c;
}

void conf_free(conf *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n_sections; i++) {
		conf_section *s = c->sections[i];
		for (size_t j = 0; j < s->n; j++) {
			free(s->entries[j]->key);
			free(s->entries[j]->value);
			free(s->entries[j]->file);
			free(s->entries[j]);
		}
		free(s->entries);
		free(s->name);
		free(s->file);
		free(s);
	}
	free(c->sections);
	for (size_t i = 0; i < c->n_plugins; i++) {
		free(c->plugins[i].instance);
		free(c->plugins[i].module);
		free(c->plugins[i].agency);
	}
	free(c->plugins);
	for (size_t i = 0; i < c->n_plugin_path; i++)
		free(c->plugin_path[i]);
	free(c->plugin_path);
	free(c->path);
	free(c->dir);
	free(c->period);
	free(c->area);
	free(c->model);
	free(c->language);
	free(c->format);
	free(c->output);
	free(c->store);
	free(c->store_off);
	free(c->split);
	free(c->lokus);
	free(c->lokus_villages);
	lokus_free(c->lokus_file);
	free(c->title);
	free(c->note);
	free(c);
}

const char *conf_sysconfdir(void)
{
	const char *env = getenv("PK2D_SYSCONFDIR");
	return env && *env ? env : PK2D_SYSCONFDIR;
}

char *conf_find(const char *cli)
{
	if (cli)
		return xstrdup(cli);
	const char *env = getenv("PK2D_CONFIG");
	if (env && *env)
		return xstrdup(env);
	if (file_exists("pk2d.ini"))
		return xstrdup("pk2d.ini");
	char *installed = path_join(conf_sysconfdir(), "pk2d.ini");
	if (file_exists(installed))
		return installed;
	free(installed);
	return NULL;
}

static int is_wildcard(const char *name)
{
	size_t n = strlen(name);
	return n && name[n - 1] == '*';
}

/* Does key match a descriptor key name (a trailing '*' matches a prefix)? */
static int key_matches(const char *key, const char *name)
{
	size_t n = strlen(name);
	if (is_wildcard(name))
		return strncasecmp(key, name, n - 1) == 0 && key[n - 1] != '\0';
	return strcasecmp(key, name) == 0;
}

int conf_check_plugin(const conf_plugin *p, const pk2d_config_key *keys, msglist *errs)
{
	int n_err = 0;
	const conf_section *s = p->section;
	for (size_t i = 0; i < s->n; i++) {
		const conf_entry *e = s->entries[i];
		if (conf_host_key(e->key))
			continue;
		int ok = 0;
		size_t n_keys = 0;
		for (const pk2d_config_key *k = keys; k && k->name; k++, n_keys++)
			if (key_matches(e->key, k->name))
				ok = 1;
		if (ok)
			continue;
		const char **cands = xcalloc(n_keys + N_HOST_KEYS, sizeof *cands);
		size_t nc = 0;
		for (size_t j = 0; j < n_keys; j++)
			if (!is_wildcard(keys[j].name))
				cands[nc++] = keys[j].name;
		for (size_t j = 0; j < N_HOST_KEYS; j++)
			cands[nc++] = host_keys[j];
		const char *hint = did_you_mean(e->key, cands, nc);
		if (hint)
			msglist_add(errs, e->file, e->line, "[%s]: unknown key '%s' for module '%s'; "
			            "did you mean '%s'?", s->name, e->key, p->module, hint);
		else
			msglist_add(errs, e->file, e->line, "[%s]: unknown key '%s' for module '%s'",
			            s->name, e->key, p->module);
		free(cands);
		n_err++;
	}
	for (const pk2d_config_key *k = keys; k && k->name; k++) {
		if (!k->required || is_wildcard(k->name))
			continue;
		if (!conf_section_get(s, k->name)) {
			msglist_add(errs, s->file, s->line, "[%s]: missing required key '%s'%s%s%s",
			            s->name, k->name, k->help ? " (" : "", k->help ? k->help : "",
			            k->help ? ")" : "");
			n_err++;
		}
	}
	return n_err;
}
