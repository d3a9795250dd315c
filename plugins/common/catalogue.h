/*
 * catalogue.h - the interventions of a plugin instance: built into the
 * plugin (pkk, education) and/or described in its INI section with keys
 *
 *   intervention.ID.label        = Label in Bahasa Indonesia (required for a new ID)
 *   intervention.ID.label_en     = English label
 *   intervention.ID.target_group = sasaran ("anak 0-17 tahun")
 *   intervention.ID.unit         = unit of target and realisation ("akta")
 *   intervention.ID.agency       = responsible agency, when not the instance's
 *   intervention.ID.target       = planned volume for the run's area and period
 *   intervention.ID.aims         = family.l2, own_indicator, ...
 *
 * A block for a built-in ID changes only the fields it sets (typically aims,
 * to point at the indicators of the run's own model). Errors are logged as
 * "file:line: ..." with the key's location.
 */
#ifndef PK2D_PLUGIN_CATALOGUE_H
#define PK2D_PLUGIN_CATALOGUE_H

#include <stddef.h>
#include "pk2d/plugin.h"

/* An intervention built into a plugin; aims is a comma-separated list. */
typedef struct cat_builtin {
	const char *id;
	const char *label_id;
	const char *label_en;
	const char *target_group;
	const char *unit;
	const char *aims;
} cat_builtin;

typedef struct cat_entry {
	char *id, *label_id, *label_en, *target_group, *unit, *agency;
	char **aims;
	size_t n_aims;
	int has_target;
	double target;
	const char *origin;   /* file:line of the aims key (or first key); NULL built in */
} cat_entry;

typedef struct catalogue {
	cat_entry *v;
	size_t n;
} catalogue;

/* Tells whether a bare id is one of the instance's own indicators. */
typedef int (*cat_own_fn)(void *ud, const char *id);

/* Adds built-in entries. 0, PK2D_ERR_NOMEM, or PK2D_ERR_INVALID (logged)
 * when an entry is malformed. */
int catalogue_add_builtins(catalogue *cat, const pk2d_host_api *api, pk2d_host *h,
                           const cat_builtin *b, size_t n, cat_own_fn own, void *ud);
/* Reads every intervention.* key of the section (see above). All problems
 * are logged before returning PK2D_ERR_CONFIG. */
int catalogue_read_config(catalogue *cat, const pk2d_host_api *api, pk2d_host *h,
                          cat_own_fn own, void *ud);
/* The built-in entries, then (when they are sound) the section's
 * intervention.* keys: catalogue_add_builtins and catalogue_read_config. */
int catalogue_load(catalogue *cat, const pk2d_host_api *api, pk2d_host *h,
                   const cat_builtin *b, size_t n, cat_own_fn own, void *ud);
/* Declares every entry (init). */
int catalogue_declare(const catalogue *cat, const pk2d_host_api *api, pk2d_host *h);
/* Reports the catalogue targets (collect): each at the run's area, no RT. */
int catalogue_report_targets(const catalogue *cat, const pk2d_host_api *api, pk2d_host *h);
/* Index of an entry by id (ASCII case and blanks ignored), or -1. */
long catalogue_find(const catalogue *cat, const char *id);
void catalogue_free(catalogue *cat);

/* Parses a comma-separated aims list into *out (n entries, each a bare id or
 * "plugin.id"). 0; PK2D_ERR_INVALID with msg describing the first bad item
 * (malformed, or listed twice); PK2D_ERR_NOMEM. */
int catalogue_parse_aims(const char *list, char ***out, size_t *n, char *msg, size_t msglen);

#endif
