/*
 * idmap.h - a hash map from short byte strings (child ids, KK numbers, cell
 * keys) to the caller's 32-bit indices, for the roster of one village.
 *
 * Unlike common/strmap, the keys are copied into one growing buffer (no
 * allocation per key), and idmap_clear() empties the map but keeps its
 * memory, so that the next village's block reuses it: the roster is emptied
 * once per village, some 84,000 times a national run.
 */
#ifndef HEALTH_IDMAP_H
#define HEALTH_IDMAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct idmap_entry {
	uint64_t hash;
	size_t off;              /* of the key in text */
	uint32_t len;            /* key length in bytes */
	uint32_t val;
} idmap_entry;

typedef struct idmap {
	uint32_t *slots;         /* entry index + 1; 0 empty */
	size_t cap;              /* slots, a power of two (0 before the first put) */
	idmap_entry *entries;    /* in insertion order */
	size_t len, cap_entries;
	char *text;              /* the keys, back to back */
	size_t text_len, cap_text;
} idmap;

void idmap_init(idmap *m);
void idmap_free(idmap *m);
/* Removes every key, keeping the memory. */
void idmap_clear(idmap *m);

/* Looks up the len bytes at key (any bytes, NUL included), adding them with
 * *val when absent: 1 found (*val set to the stored value), 0 added,
 * PK2D_ERR_NOMEM (the map unchanged). */
int idmap_get_or_put(idmap *m, const char *key, size_t len, uint32_t *val);

/* The hash of len bytes (exposed for the tests: equal bytes, equal hash). */
uint64_t idmap_hash(const char *key, size_t len);

#endif
