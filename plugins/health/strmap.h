/*
 * strmap.h - a string -> index map (open addressing, keys copied into one
 * growing arena): child ids, KK numbers and (area, RT) cells.
 */
#ifndef HEALTH_STRMAP_H
#define HEALTH_STRMAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct strmap {
	uint32_t *slot;      /* entry index + 1, 0 empty */
	size_t cap;          /* slots, a power of two */
	size_t n;            /* entries */
	size_t *key_at;      /* offset of each entry's key in arena */
	uint32_t *value;     /* value of each entry */
	uint64_t *hash;      /* hash of each entry's key */
	char *arena;
	size_t arena_len, arena_cap;
} strmap;

void strmap_init(strmap *m);
void strmap_free(strmap *m);
/* Finds key; when absent, adds it with value *value. Returns 1 when found
 * (and sets *value to the stored one), 0 when added, PK2D_ERR_NOMEM. */
int strmap_get_or_add(strmap *m, const char *key, uint32_t *value);
/* The key of entry i (0 <= i < n), in insertion order. */
const char *strmap_key(const strmap *m, size_t i);

#endif
