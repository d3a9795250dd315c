/*
 * loader.c - the plugin search path, dlopen() and the descriptor checks.
 *
 * Each refusal has its own message, because the person reading it is an
 * agency developer who needs to know what to rebuild or rename.
 */
#include "config.h"

#include <dirent.h>
#include <dlfcn.h>
#include <elf.h>
#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "loader.h"
#include "util.h"

#ifndef PK2D_PLUGINDIR
#define PK2D_PLUGINDIR "/usr/local/lib/pk2d/plugins"
#endif

static void add_dir(plugin_search *s, const char *dir, size_t len)
{
	if (len == 0)
		return;
	char *d = xmalloc(len + 1);
	memcpy(d, dir, len);
	d[len] = '\0';
	s->dirs = xrealloc(s->dirs, (s->n + 1) * sizeof *s->dirs);
	s->dirs[s->n++] = d;
}

static void add_list(plugin_search *s, const char *list)
{
	const char *p = list;
	for (;;) {
		const char *colon = strchr(p, ':');
		size_t len = colon ? (size_t)(colon - p) : strlen(p);
		add_dir(s, p, len);
		if (!colon)
			break;
		p = colon + 1;
	}
}

void plugin_search_init(plugin_search *s, const char *cli, const char *env,
                        char *const *config_dirs, size_t n_config_dirs)
{
	s->n = 0;
	s->dirs = NULL;
	if (cli) {
		add_list(s, cli);
		return;
	}
	for (size_t i = 0; i < n_config_dirs; i++)
		add_dir(s, config_dirs[i], strlen(config_dirs[i]));
	if (env && *env)
		add_list(s, env);
	else
		add_dir(s, PK2D_PLUGINDIR, strlen(PK2D_PLUGINDIR));
}

void plugin_search_free(plugin_search *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->dirs[i]);
	free(s->dirs);
	s->dirs = NULL;
	s->n = 0;
}

static int regular_file(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
}

/* The file of plugin name in dir, by the rule plugin_find() documents;
 * malloc'd, or NULL. */
static char *find_in_dir(const char *dir, const char *name)
{
	char *cands[3] = {
		xasprintf("%s/%s.so", dir, name),
		xasprintf("%s/.libs/%s.so", dir, name),
		xasprintf("%s/%s/.libs/%s.so", dir, name, name),
	};
	char *found = NULL;
	for (int j = 0; j < 3; j++) {
		if (!found && regular_file(cands[j]))
			found = cands[j];
		else
			free(cands[j]);
	}
	return found;
}

int plugin_find(const plugin_search *s, const char *name, char **path, char *err, size_t errlen)
{
	if (!name_valid(name)) {
		snprintf(err, errlen, "'%s' is not a plugin name ([a-z][a-z0-9_]{0,31})", name);
		return PK2D_ERR_INVALID;
	}
	for (size_t i = 0; i < s->n; i++)
		if ((*path = find_in_dir(s->dirs[i], name)))
			return 0;
	size_t off = (size_t)snprintf(err, errlen, "plugin '%s' not found: no %s.so in", name, name);
	if (s->n == 0 && off < errlen)
		snprintf(err + off, errlen - off, " an empty plugin path");
	for (size_t i = 0; i < s->n && off < errlen; i++)
		off += (size_t)snprintf(err + off, errlen - off, "%s %s", i ? "," : "", s->dirs[i]);
	return PK2D_ERR_MISSING;
}

static int has_name(char *const *names, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(names[i], name))
			return 1;
	return 0;
}

/* Adds the name of every entry of sub (dir itself, or dir/.libs) under
 * which find_in_dir(dir, name) finds a file: "NAME.so", and with folders
 * (dir itself) also a folder NAME. */
static void list_dir(const char *dir, const char *sub, int folders, char ***names, size_t *n)
{
	DIR *d = opendir(sub);
	const struct dirent *e;

	if (!d)
		return;
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);
		char *name = xstrdup(e->d_name);
		char *path = NULL;

		if (len > 3 && !strcmp(name + len - 3, ".so"))
			name[len - 3] = '\0';
		else if (!folders || name[0] == '.')
			name[0] = '\0';
		if (name[0] && !has_name(*names, *n, name) && (path = find_in_dir(dir, name))) {
			*names = xrealloc(*names, (*n + 1) * sizeof **names);
			(*names)[(*n)++] = name;
			name = NULL;
		}
		free(path);
		free(name);
	}
	closedir(d);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

size_t plugin_search_list(const plugin_search *s, char ***names)
{
	size_t n = 0;

	*names = NULL;
	for (size_t i = 0; i < s->n; i++) {
		char *libs = xasprintf("%s/.libs", s->dirs[i]);
		list_dir(s->dirs[i], s->dirs[i], 1, names, &n);
		list_dir(s->dirs[i], libs, 0, names, &n);
		free(libs);
	}
	if (n)
		qsort(*names, n, sizeof **names, by_name);
	return n;
}

static const pk2d_input *declared_inputs(const pk2d_plugin *d);
static const char *declared_parts(const pk2d_plugin *d, const char **column);
static const pk2d_area_column *declared_areas(const pk2d_plugin *d);
static const pk2d_input_help *declared_help(const pk2d_plugin *d);
static int check_help(const pk2d_plugin *d, char *err, size_t errlen);

/* The declared column field of the declared input key, or NULL. */
static const pk2d_input_column *declared_column(const pk2d_plugin *d, const char *key,
                                                const char *field)
{
	for (const pk2d_input *in = declared_inputs(d); key && field && in && in->key; in++) {
		if (strcmp(in->key, key))
			continue;
		for (const pk2d_input_column *col = in->columns; col && col->field; col++)
			if (!strcmp(col->field, field))
				return col;
	}
	return NULL;
}

/* Whether key is one of the plugin's keys, or lies under one of its
 * wildcards ("indicator.*.table" under "indicator.*"). */
static int plugin_has_key(const pk2d_plugin *d, const char *key)
{
	for (const pk2d_config_key *k = d->config_keys; k && k->name; k++) {
		size_t n = strlen(k->name);
		if (strcmp(k->name, key) == 0 ||
		    (n && k->name[n - 1] == '*' && strncmp(k->name, key, n - 1) == 0))
			return 1;
	}
	return 0;
}

/* parts_input names a declared input, and parts_column one of its columns. */
static int check_parts(const pk2d_plugin *d, char *err, size_t errlen)
{
	const char *column, *input = declared_parts(d, &column);

	if ((!input && !column) || declared_column(d, input, column))
		return 0;
	snprintf(err, errlen, "parts_input '%.64s' and parts_column '%.64s' are not a declared "
	         "input and one of its columns", input ? input : "(none)",
	         column ? column : "(none)");
	return PK2D_ERR_INVALID;
}

static int check_inputs(const pk2d_plugin *d, char *err, size_t errlen)
{
	for (const pk2d_input *in = declared_inputs(d); in && in->key; in++) {
		if (!plugin_has_key(d, in->key)) {
			snprintf(err, errlen, "declared input '%.64s' is not one of the plugin's "
			         "config_keys", in->key);
			return PK2D_ERR_INVALID;
		}
		for (const pk2d_input_column *col = in->columns; col && col->field; col++)
			if (col->required && (!col->header || !col->header[0])) {
				snprintf(err, errlen, "required column '%.64s' of input '%.64s' has no "
				         "header", col->field, in->key);
				return PK2D_ERR_INVALID;
			}
	}
	return 0;
}

int loader_check(const pk2d_plugin *d, size_t symbol_size, const char *name,
                 char *err, size_t errlen)
{
	const size_t head = offsetof(pk2d_plugin, struct_size) + sizeof d->struct_size;
	const size_t need = offsetof(pk2d_plugin, fini) + sizeof d->fini;
	if (symbol_size && symbol_size < head) {
		snprintf(err, errlen, "%s is only %zu bytes: not a pk2d plugin descriptor",
		         PK2D_PLUGIN_SYMBOL, symbol_size);
		return PK2D_ERR_INVALID;
	}
	if (d->magic != PK2D_PLUGIN_MAGIC) {
		snprintf(err, errlen, "bad magic 0x%08x in %s (a pk2d plugin has 0x%08x): "
		         "not a pk2d plugin descriptor", (unsigned)d->magic, PK2D_PLUGIN_SYMBOL,
		         (unsigned)PK2D_PLUGIN_MAGIC);
		return PK2D_ERR_INVALID;
	}
	if (d->abi_major != PK2D_ABI_MAJOR) {
		snprintf(err, errlen, "built for ABI %u.%u, this pk2d (%s) has ABI %d.%d: "
		         "rebuild the plugin against pk2d >= %s",
		         d->abi_major, d->abi_minor, PACKAGE_VERSION, PK2D_ABI_MAJOR,
		         PK2D_ABI_MINOR, PACKAGE_VERSION);
		return PK2D_ERR_INVALID;
	}
	if (d->abi_minor > PK2D_ABI_MINOR) {
		snprintf(err, errlen, "built for ABI %u.%u, newer than this pk2d's (%s) ABI %d.%d: "
		         "upgrade pk2d, or rebuild the plugin against pk2d %s",
		         d->abi_major, d->abi_minor, PACKAGE_VERSION, PK2D_ABI_MAJOR,
		         PK2D_ABI_MINOR, PACKAGE_VERSION);
		return PK2D_ERR_INVALID;
	}
	if (d->struct_size < need) {
		snprintf(err, errlen, "descriptor is %zu bytes, ABI %d.%d needs at least %zu: "
		         "rebuild the plugin against pk2d >= %s", d->struct_size, PK2D_ABI_MAJOR,
		         PK2D_ABI_MINOR, need, PACKAGE_VERSION);
		return PK2D_ERR_INVALID;
	}
	if (symbol_size && symbol_size < d->struct_size) {
		snprintf(err, errlen, "descriptor says it is %zu bytes but %s is only %zu",
		         d->struct_size, PK2D_PLUGIN_SYMBOL, symbol_size);
		return PK2D_ERR_INVALID;
	}
	if (!d->name) {
		snprintf(err, errlen, "descriptor has no name");
		return PK2D_ERR_INVALID;
	}
	if (strcmp(d->name, name) != 0) {
		snprintf(err, errlen, "descriptor name '%.64s' does not match the file name "
		         "'%s.so': the file must be called %.64s.so", d->name, name, d->name);
		return PK2D_ERR_INVALID;
	}
	if (!d->init || !d->collect) {
		snprintf(err, errlen, "descriptor has no %s function", d->init ? "collect" : "init");
		return PK2D_ERR_INVALID;
	}
	int r = check_inputs(d, err, errlen);
	if (r == 0)
		r = check_parts(d, err, errlen);
	for (const pk2d_area_column *a = declared_areas(d); r == 0 && a && a->input; a++)
		if (!declared_column(d, a->input, a->field)) {
			snprintf(err, errlen, "area column '%.64s' of input '%.64s' is not a declared "
			         "input and one of its columns", a->field ? a->field : "(none)",
			         a->input);
			r = PK2D_ERR_INVALID;
		}
	return r == 0 ? check_help(d, err, errlen) : r;
}

/* The input help (ABI 1.7) names declared columns and gives each a help. */
static int check_help(const pk2d_plugin *d, char *err, size_t errlen)
{
	for (const pk2d_input_help *h = declared_help(d); h && h->input; h++)
		for (const pk2d_column_help *c = h->columns; c && c->field; c++)
			if (!declared_column(d, h->input, c->field) || !c->help || !c->help[0]) {
				snprintf(err, errlen, "help of column '%.64s' of input '%.64s': %s",
				         c->field, h->input, c->help && c->help[0]
				         ? "not a declared input and one of its columns"
				         : "no help text");
				return PK2D_ERR_INVALID;
			}
	return 0;
}

/* The input help, or NULL (also for a plugin built before ABI 1.7). */
static const pk2d_input_help *declared_help(const pk2d_plugin *d)
{
	if (d->abi_minor < 7 ||
	    d->struct_size < offsetof(pk2d_plugin, input_help) + sizeof d->input_help)
		return NULL;
	return d->input_help;
}

/* The area columns, or NULL (also for a plugin built before ABI 1.6). */
static const pk2d_area_column *declared_areas(const pk2d_plugin *d)
{
	if (d->abi_minor < 6 ||
	    d->struct_size < offsetof(pk2d_plugin, area_columns) + sizeof d->area_columns)
		return NULL;
	return d->area_columns;
}

/* The input read in parts, or NULL (also for a plugin built before ABI
 * 1.5); *column its group column's field. */
static const char *declared_parts(const pk2d_plugin *d, const char **column)
{
	*column = NULL;
	if (d->abi_minor < 5 ||
	    d->struct_size < offsetof(pk2d_plugin, parts_column) + sizeof d->parts_column)
		return NULL;
	*column = d->parts_column;
	return d->parts_input;
}

/* The declared inputs, or NULL for a plugin built before ABI 1.1. */
static const pk2d_input *declared_inputs(const pk2d_plugin *d)
{
	if (d->abi_minor < 1 || d->struct_size < offsetof(pk2d_plugin, inputs) + sizeof d->inputs)
		return NULL;
	return d->inputs;
}

static void copy_inputs(loaded_plugin *p, const pk2d_input *in, const pk2d_area_column *areas)
{
	size_t n = 0;
	while (in && in[n].key)
		n++;
	p->inputs = xcalloc(n + 1, sizeof *p->inputs);
	p->area_fields = xcalloc(n + 1, sizeof *p->area_fields);
	p->n_inputs = n;
	for (const pk2d_area_column *a = areas; a && a->input; a++)
		for (size_t i = 0; i < n; i++)
			if (!strcmp(in[i].key, a->input) && !p->area_fields[i])
				p->area_fields[i] = xstrdup(a->field);
	for (size_t i = 0; i < n; i++) {
		size_t nc = 0;
		while (in[i].columns && in[i].columns[nc].field)
			nc++;
		pk2d_input_column *cols = xcalloc(nc + 1, sizeof *cols);
		for (size_t j = 0; j < nc; j++) {
			cols[j].field = xstrdup(in[i].columns[j].field);
			cols[j].header = xstrdup_null(in[i].columns[j].header);
			cols[j].required = in[i].columns[j].required;
		}
		p->inputs[i].key = xstrdup(in[i].key);
		p->inputs[i].column_prefix = xstrdup_null(in[i].column_prefix);
		p->inputs[i].columns = cols;
	}
}

/* A copy of the input help, the columns of each input in one array. */
static void copy_help(loaded_plugin *p, const pk2d_input_help *h)
{
	size_t n = 0;
	while (h && h[n].input)
		n++;
	p->help = xcalloc(n + 1, sizeof *p->help);
	for (size_t i = 0; i < n; i++) {
		size_t nc = 0;
		while (h[i].columns && h[i].columns[nc].field)
			nc++;
		pk2d_column_help *cols = xcalloc(nc + 1, sizeof *cols);
		for (size_t j = 0; j < nc; j++) {
			cols[j].field = xstrdup(h[i].columns[j].field);
			cols[j].help = xstrdup(h[i].columns[j].help);
			cols[j].accepted = xstrdup_null(h[i].columns[j].accepted);
		}
		p->help[i].input = xstrdup(h[i].input);
		p->help[i].columns = cols;
	}
}

static void free_help(loaded_plugin *p)
{
	for (pk2d_input_help *h = p->help; h && h->input; h++) {
		for (const pk2d_column_help *c = h->columns; c->field; c++) {
			free((char *)c->field);
			free((char *)c->help);
			free((char *)c->accepted);
		}
		free((pk2d_column_help *)h->columns);
		free((char *)h->input);
	}
	free(p->help);
}

const pk2d_column_help *loader_column_help(const loaded_plugin *lp, const char *input,
                                           const char *field)
{
	for (const pk2d_input_help *h = lp->help; h && h->input; h++) {
		if (strcmp(h->input, input))
			continue;
		for (const pk2d_column_help *c = h->columns; c->field; c++)
			if (!strcmp(c->field, field))
				return c;
	}
	return NULL;
}

static void free_inputs(loaded_plugin *p)
{
	for (size_t i = 0; i < p->n_inputs; i++) {
		const pk2d_input *in = &p->inputs[i];
		for (const pk2d_input_column *c = in->columns; c->field; c++) {
			free((char *)c->field);
			free((char *)c->header);
		}
		free((pk2d_input_column *)in->columns);
		free((char *)in->key);
		free((char *)in->column_prefix);
		free(p->area_fields[i]);
	}
	free(p->inputs);
	free(p->area_fields);
}

loaded_plugin *loader_copy(const pk2d_plugin *d, const char *path)
{
	loaded_plugin *p = xcalloc(1, sizeof *p);
	p->name = xstrdup(d->name);
	p->path = xstrdup(path);
	p->agency = xstrdup(d->agency ? d->agency : "");
	p->version = xstrdup(d->version ? d->version : "");
	p->description = xstrdup(d->description ? d->description : "");
	p->abi_major = d->abi_major;
	p->abi_minor = d->abi_minor;
	size_t n = 0;
	while (d->config_keys && d->config_keys[n].name)
		n++;
	p->keys = xcalloc(n + 1, sizeof *p->keys);
	for (size_t i = 0; i < n; i++) {
		p->keys[i].name = xstrdup(d->config_keys[i].name);
		p->keys[i].default_value = xstrdup_null(d->config_keys[i].default_value);
		p->keys[i].required = d->config_keys[i].required;
		p->keys[i].help = xstrdup_null(d->config_keys[i].help);
	}
	p->n_keys = n;
	copy_inputs(p, declared_inputs(d), declared_areas(d));
	copy_help(p, declared_help(d));
	const char *column, *input = declared_parts(d, &column);
	p->parts_input = xstrdup_null(input);
	p->parts_column = xstrdup_null(column);
	p->init = d->init;
	p->collect = d->collect;
	p->fini = d->fini;
	return p;
}

static void close_handle(void *h)
{
	const char *keep = getenv("PK2D_NO_DLCLOSE");
	if (h && !(keep && *keep && strcmp(keep, "0")))
		dlclose(h);
}

int loader_load(const char *path, const char *name, loaded_plugin **out, char *err, size_t errlen)
{
	*out = NULL;
	dlerror();
	void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		const char *why = dlerror();
		snprintf(err, errlen, "not a loadable shared object: %s",
		         why ? why : "dlopen failed");
		return PK2D_ERR_INVALID;
	}
	dlerror();
	const pk2d_plugin *d = dlsym(h, PK2D_PLUGIN_SYMBOL);
	const char *why = dlerror();
	if (why || !d) {
		snprintf(err, errlen, "no symbol %s: not a pk2d plugin (a plugin defines it with "
		         "PK2D_PLUGIN_DEFINE)", PK2D_PLUGIN_SYMBOL);
		close_handle(h);
		return PK2D_ERR_MISSING;
	}
	size_t symbol_size = 0;
	Dl_info info;
	const ElfW(Sym) *sym = NULL;
	if (dladdr1(d, &info, (void **)&sym, RTLD_DL_SYMENT) && sym)
		symbol_size = (size_t)sym->st_size;
	int r = loader_check(d, symbol_size, name, err, errlen);
	if (r < 0) {
		close_handle(h);
		return r;
	}
	loaded_plugin *p = loader_copy(d, path);
	p->handle = h;
	*out = p;
	return 0;
}

void loader_unload(loaded_plugin *p)
{
	if (!p)
		return;
	close_handle(p->handle);
	for (size_t i = 0; i < p->n_keys; i++) {
		free((char *)p->keys[i].name);
		free((char *)p->keys[i].default_value);
		free((char *)p->keys[i].help);
	}
	free(p->keys);
	free_inputs(p);
	free_help(p);
	free(p->parts_input);
	free(p->parts_column);
	free(p->name);
	free(p->path);
	free(p->agency);
	free(p->version);
	free(p->description);
	free(p);
}
