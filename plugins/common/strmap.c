/*
 * strmap.c - open addressing with linear probing, FNV-1a hashes.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pk2d/plugin.h"
#include "strmap.h"

static size_t hash(const char *s)
{
	uint64_t x = 14695981039346656037u;

	while (*s != '\0') {
		x ^= (unsigned char)*s++;
		x *= 1099511628211u;
	}
	return (size_t)x;
}

/* The slot holding key, or the empty slot where it belongs. */
static size_t slot_of(const strmap *m, const char *key)
{
	size_t i = hash(key) & (m->cap - 1);

	while (m->keys[i] != NULL && strcmp(m->keys[i], key) != 0)
		i = (i + 1) & (m->cap - 1);
	return i;
}

int strmap_get(const strmap *m, const char *key, size_t *val)
{
	size_t i;

	if (m->cap == 0)
		return 0;
	i = slot_of(m, key);
	if (m->keys[i] == NULL)
		return 0;
	*val = m->vals[i];
	return 1;
}

static int grow(strmap *m)
{
	strmap n = { NULL, NULL, m->cap ? m->cap * 2 : 64, m->len };
	size_t i;

	n.keys = calloc(n.cap, sizeof *n.keys);
	n.vals = calloc(n.cap, sizeof *n.vals);
	if (n.keys == NULL || n.vals == NULL) {
		free(n.keys);
		free(n.vals);
		return PK2D_ERR_NOMEM;
	}
	for (i = 0; i < m->cap; i++) {
		if (m->keys[i] != NULL) {
			size_t j = slot_of(&n, m->keys[i]);

			n.keys[j] = m->keys[i];
			n.vals[j] = m->vals[i];
		}
	}
	free(m->keys);
	free(m->vals);
	*m = n;
	return 0;
}

/* The slot of key after making room for one more key; a key not yet in
 * the map is stored there (copied) with val. 1 found, 0 added, or
 * PK2D_ERR_NOMEM. */
static int find_or_add(strmap *m, const char *key, size_t val, size_t *slot)
{
	size_t i;

	if ((m->len + 1) * 2 > m->cap && grow(m) != 0)
		return PK2D_ERR_NOMEM;
	i = slot_of(m, key);
	*slot = i;
	if (m->keys[i] != NULL)
		return 1;
	m->keys[i] = strdup(key);
	if (m->keys[i] == NULL)
		return PK2D_ERR_NOMEM;
	m->vals[i] = val;
	m->len++;
	return 0;
}

int strmap_get_or_put(strmap *m, const char *key, size_t *val)
{
	size_t i;
	int rc = find_or_add(m, key, *val, &i);

	if (rc == 1)
		*val = m->vals[i];
	return rc;
}

int strmap_put(strmap *m, const char *key, size_t val)
{
	size_t i;
	int rc = find_or_add(m, key, val, &i);

	if (rc < 0)
		return rc;
	m->vals[i] = val;
	return 0;
}

void strmap_free(strmap *m)
{
	size_t i;

	for (i = 0; i < m->cap; i++)
		free(m->keys[i]);
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof *m);
}
