/*
 * strmap.c - string -> index map.
 */
#include <stdlib.h>
#include <string.h>

#include "pk2d/plugin.h"
#include "strmap.h"

/* FNV-1a, 64 bits: short keys, no adversary. */
static uint64_t hash_of(const char *s)
{
	uint64_t h = 14695981039346656037ull;
	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ull;
	}
	return h;
}

void strmap_init(strmap *m)
{
	memset(m, 0, sizeof *m);
}

void strmap_free(strmap *m)
{
	free(m->slot);
	free(m->key_at);
	free(m->value);
	free(m->hash);
	free(m->arena);
	memset(m, 0, sizeof *m);
}

const char *strmap_key(const strmap *m, size_t i)
{
	return m->arena + m->key_at[i];
}

/* The slot holding key, or the empty slot where it would go. */
static size_t find(const strmap *m, const char *key, uint64_t h)
{
	size_t mask = m->cap - 1, i = (size_t)h & mask;
	while (m->slot[i] != 0) {
		uint32_t e = m->slot[i] - 1;
		if (m->hash[e] == h && strcmp(strmap_key(m, e), key) == 0)
			break;
		i = (i + 1) & mask;
	}
	return i;
}

static int grow(strmap *m)
{
	size_t cap = m->cap != 0 ? m->cap * 2 : 64;
	uint32_t *slot = calloc(cap, sizeof *slot);
	size_t *key_at = realloc(m->key_at, cap / 2 * sizeof *key_at);
	uint32_t *value = key_at != NULL ? realloc(m->value, cap / 2 * sizeof *value) : NULL;
	uint64_t *hash = value != NULL ? realloc(m->hash, cap / 2 * sizeof *hash) : NULL;

	if (key_at != NULL)
		m->key_at = key_at;
	if (value != NULL)
		m->value = value;
	if (hash != NULL)
		m->hash = hash;
	if (slot == NULL || hash == NULL) {
		free(slot);
		return PK2D_ERR_NOMEM;
	}
	free(m->slot);
	m->slot = slot;
	m->cap = cap;
	for (size_t e = 0; e < m->n; e++)
		m->slot[find(m, strmap_key(m, e), m->hash[e])] = (uint32_t)e + 1;
	return 0;
}

int strmap_get_or_add(strmap *m, const char *key, uint32_t *value)
{
	uint64_t h = hash_of(key);
	size_t i, len = strlen(key) + 1;

	if (m->cap != 0) {
		i = find(m, key, h);
		if (m->slot[i] != 0) {
			*value = m->value[m->slot[i] - 1];
			return 1;
		}
	}
	if (m->n >= UINT32_MAX - 1)
		return PK2D_ERR_NOMEM;
	if ((m->n + 1) * 2 > m->cap && grow(m) != 0)
		return PK2D_ERR_NOMEM;
	if (m->arena_len + len > m->arena_cap) {
		size_t cap = m->arena_cap != 0 ? m->arena_cap * 2 : 4096;
		while (cap < m->arena_len + len)
			cap *= 2;
		char *a = realloc(m->arena, cap);
		if (a == NULL)
			return PK2D_ERR_NOMEM;
		m->arena = a;
		m->arena_cap = cap;
	}
	memcpy(m->arena + m->arena_len, key, len);
	m->key_at[m->n] = m->arena_len;
	m->arena_len += len;
	m->value[m->n] = *value;
	m->hash[m->n] = h;
	m->slot[find(m, key, h)] = (uint32_t)m->n + 1;
	m->n++;
	return 0;
}
