/*
 * keyblocks.c - object blocks of PREFIX.ID.FIELD keys.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pk2d/plugin.h"
#include "grow.h"
#include "keyblocks.h"

int keyblocks_split(const char *key, const char *prefix, char *id, size_t idlen,
                    const char **field)
{
	size_t p = strlen(prefix);
	const char *start, *dot;
	size_t n;

	if (strncasecmp(key, prefix, p) != 0)
		return 0;
	start = key + p;
	dot = strchr(start, '.');
	n = dot ? (size_t)(dot - start) : strlen(start);
	if (n >= idlen)
		return -1;
	memcpy(id, start, n);
	id[n] = '\0';
	*field = dot ? dot + 1 : NULL;
	return 1;
}

int keyblocks_enter(keyblocks *kb, const char *id, const char *where, const char **first)
{
	const char **w;
	size_t i;

	if (strmap_get(&kb->seen, id, &i)) {
		if (i == kb->last)
			return 0;
		*first = kb->where[i];
		return PK2D_ERR_DUPLICATE;
	}
	w = grow_for_one(kb->where, &kb->cap, kb->n, sizeof *w, 16);
	if (w == NULL)
		return PK2D_ERR_NOMEM;
	kb->where = w;
	if (strmap_put(&kb->seen, id, kb->n) != 0)
		return PK2D_ERR_NOMEM;
	kb->where[kb->n] = where;
	kb->last = kb->n++;
	return 0;
}

void keyblocks_free(keyblocks *kb)
{
	strmap_free(&kb->seen);
	free(kb->where);
	memset(kb, 0, sizeof *kb);
}
