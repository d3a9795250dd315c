/*
 * strmap.h - a string-keyed hash map to small integers, for grouping rows
 * (by area, RT and dasawisma; by KK; by child id; by intervention, area
 * and RT) inside a plugin. Keys are
 * copied; values are the caller's indices into its own arrays.
 */
#ifndef PK2D_PLUGIN_STRMAP_H
#define PK2D_PLUGIN_STRMAP_H

#include <stddef.h>

typedef struct strmap {
	char **keys;
	size_t *vals;
	size_t cap;     /* slots, a power of two (0 before the first put) */
	size_t len;
} strmap;

/* Value of key into *val: 1 found, 0 not. */
int strmap_get(const strmap *m, const char *key, size_t *val);
/* Sets key to val (adding or replacing). 0, or PK2D_ERR_NOMEM. */
int strmap_put(strmap *m, const char *key, size_t val);
/* Looks key up, adding it with *val when absent: 1 found (*val set to the
 * stored value), 0 added, PK2D_ERR_NOMEM. One probe either way. */
int strmap_get_or_put(strmap *m, const char *key, size_t *val);
void strmap_free(strmap *m);

#endif
