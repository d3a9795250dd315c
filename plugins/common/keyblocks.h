/*
 * keyblocks.h - keys of the form PREFIX.ID.FIELD ("intervention.akta.label")
 * that describe one object per ID in an INI section.
 *
 * An object is one contiguous block of keys. A second block with the same
 * ID, after keys of another object, is a duplicate: nearly always a block
 * copied for a new object whose ID was not changed, which would otherwise
 * merge two objects silently.
 */
#ifndef PK2D_PLUGIN_KEYBLOCKS_H
#define PK2D_PLUGIN_KEYBLOCKS_H

#include <stddef.h>
#include "strmap.h"

/* Splits key into its ID and FIELD when it starts with prefix (ASCII case
 * ignored; prefix includes the dot: "intervention."). Returns 1 and fills
 * id (NUL-terminated, as written) and *field (NULL when the key has no
 * second dot) when it does; 0 when the key has another prefix; -1 when the
 * ID does not fit in idlen. */
int keyblocks_split(const char *key, const char *prefix, char *id, size_t idlen,
                    const char **field);

typedef struct keyblocks {
	strmap seen;          /* id -> index into where */
	const char **where;   /* file:line of the first key of each id's block */
	size_t n, cap;
	size_t last;          /* index of the current block, n when none */
} keyblocks;

/* Records a key of id found at where (a string that outlives kb). 0 when it
 * opens a new block or continues the current one; PK2D_ERR_DUPLICATE, with
 * *first set to where the earlier block began, when id had a block before
 * the current one; PK2D_ERR_NOMEM. */
int keyblocks_enter(keyblocks *kb, const char *id, const char *where, const char **first);
void keyblocks_free(keyblocks *kb);

#endif
