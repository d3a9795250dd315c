/*
 * grow.h - room for one more element at the end of an array that doubles
 * as it fills, as every plugin table (groups, households, key blocks) does.
 */
#ifndef PK2D_PLUGIN_GROW_H
#define PK2D_PLUGIN_GROW_H

#include <stddef.h>

/* The array v of n elements of size bytes, with *cap allocated, made able to
 * hold element n: v itself while n < *cap, else v reallocated to twice *cap
 * (first elements the first time) with *cap updated. NULL when out of
 * memory, with v and *cap untouched. */
void *grow_for_one(void *v, size_t *cap, size_t n, size_t size, size_t first);

#endif
