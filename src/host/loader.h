/*
 * loader.h - finding plugin files on the search path, loading them with
 * dlopen() and checking their descriptors before anything of theirs runs.
 */
#ifndef PK2D_LOADER_H
#define PK2D_LOADER_H

#include <stddef.h>
#include "pk2d/plugin.h"

/* The directories searched, in order. */
typedef struct plugin_search {
	size_t n;
	char **dirs;
} plugin_search;

/* A checked plugin: every string and the key table are copies, so nothing
 * points into the shared object. One read by probe_plugin() in a child has
 * no handle and no functions (init is NULL): whoever runs it loads the
 * file itself. */
typedef struct loaded_plugin {
	char *name;
	char *path;
	char *agency, *version, *description;
	unsigned abi_major, abi_minor;
	pk2d_config_key *keys;     /* NULL-name terminated copy */
	size_t n_keys;
	pk2d_input *inputs;        /* declared inputs (ABI >= 1.1), NULL-key
	                              terminated copy; columns NULL-field
	                              terminated */
	size_t n_inputs;
	char **area_fields;        /* ABI >= 1.6: per input, the field of its
	                              area code column (pk2d_plugin.area_columns),
	                              or NULL */
	pk2d_input_help *help;     /* ABI >= 1.7: copy of pk2d_plugin.input_help,
	                              NULL-input terminated (never NULL) */
	char *parts_input;         /* ABI >= 1.3: pk2d_plugin.parts_input, */
	char *parts_column;        /* parts_column; NULL: one part */
	void *handle;
	int (*init)(const pk2d_host_api *api, pk2d_host *h, void **state);
	int (*collect)(void *state);
	void (*fini)(void *state);
} loaded_plugin;

/*
 * The search path: cli (--plugin-path, a colon list) replaces everything;
 * otherwise the config's plugin_path entries come first, then env
 * ($PK2D_PLUGIN_PATH, a colon list) or, when env is NULL or empty, the
 * compiled-in PK2D_PLUGINDIR.
 */
void plugin_search_init(plugin_search *s, const char *cli, const char *env,
                        char *const *config_dirs, size_t n_config_dirs);
void plugin_search_free(plugin_search *s);

/* The file of plugin name: in each directory <dir>/<name>.so,
 * <dir>/.libs/<name>.so, <dir>/<name>/.libs/<name>.so. 0 and *path
 * (malloc'd), or PK2D_ERR_MISSING with err listing where it looked, or
 * PK2D_ERR_INVALID for a malformed name. */
int plugin_find(const plugin_search *s, const char *name, char **path, char *err, size_t errlen);

/* The name of every plugin file the search path holds, each once, in name
 * order (a name plugin_find() refuses included, so that the listing shows
 * why): n and *names (malloc'd, each name too). */
size_t plugin_search_list(const plugin_search *s, char ***names);

/* Loads path and checks that it is the plugin called name. 0 and *out, or
 * a negative PK2D_ERR_* with err saying why ("not a shared object: ...",
 * "built for ABI 2.0, ..."). */
int loader_load(const char *path, const char *name, loaded_plugin **out, char *err, size_t errlen);

/* A loaded_plugin holding copies of d's data and its functions, with no
 * handle. */
loaded_plugin *loader_copy(const pk2d_plugin *d, const char *path);

/* The checks of loader_load on a descriptor already in memory. symbol_size
 * is the ELF size of the exported symbol (0 when unknown). Declared inputs
 * (ABI >= 1.1) must name one of the plugin's keys and give every required
 * column a header. */
int loader_check(const pk2d_plugin *d, size_t symbol_size, const char *name,
                 char *err, size_t errlen);

/* The help of the column field of the declared input input (ABI 1.7), or
 * NULL when the plugin gives none. */
const pk2d_column_help *loader_column_help(const loaded_plugin *lp, const char *input,
                                           const char *field);

/* Closes the object unless PK2D_NO_DLCLOSE is set, and frees p. */
void loader_unload(loaded_plugin *p);

#endif
