/*
 * grow.c - doubling arrays of the plugins.
 */
#include <stdlib.h>

#include "grow.h"

void *grow_for_one(void *v, size_t *cap, size_t n, size_t size, size_t first)
{
	size_t ncap;
	void *grown;

	if (n < *cap)
		return v;
	ncap = *cap ? *cap * 2 : first;
	grown = realloc(v, ncap * size);
	if (grown != NULL)
		*cap = ncap;
	return grown;
}
