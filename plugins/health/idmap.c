/*
 * idmap.c - open addressing with linear probing over entry indices; the
 * full hash is kept with each entry so that growing needs no rehash of the
 * keys and a probe compares key bytes only on an equal hash.
 */
#include <stdlib.h>
#include <string.h>

#include "pk2d/plugin.h"
#include "idmap.h"

#define MIX 0x9e3779b97f4a7c15u

void idmap_init(idmap *m)
{
	memset(m, 0, sizeof *m);
}

void idmap_free(idmap *m)
{
	free(m->slots);
	free(m->entries);
	free(m->text);
	memset(m, 0, sizeof *m);
}

/* The slot that holds entry e: it is on e's probe path. */
static size_t slot_of_entry(const idmap *m, size_t e)
{
	size_t i = (size_t)m->entries[e].hash & (m->cap - 1);

	while (m->slots[i] != e + 1)
		i = (i + 1) & (m->cap - 1);
	return i;
}

void idmap_clear(idmap *m)
{
	/* A map much larger than its last contents (one big village before
	 * many small ones) is cleared entry by entry, not slot by slot. */
	if (m->len * 8 < m->cap) {
		for (size_t e = 0; e < m->len; e++)
			m->slots[slot_of_entry(m, e)] = 0;
	} else if (m->cap > 0) {
		memset(m->slots, 0, m->cap * sizeof *m->slots);
	}
	m->len = 0;
	m->text_len = 0;
}

uint64_t idmap_hash(const char *key, size_t len)
{
	uint64_t h = len * MIX, w;

	/* Eight bytes at a time, then the tail zero-padded. */
	for (; len >= 8; key += 8, len -= 8) {
		memcpy(&w, key, 8);
		h = (h ^ w) * MIX;
		h ^= h >> 29;
	}
	if (len > 0) {
		w = 0;
		memcpy(&w, key, len);
		h = (h ^ w) * MIX;
		h ^= h >> 29;
	}
	h *= MIX;
	return h ^ (h >> 32);
}

/* Doubles the slots (64 the first time) and places every entry again. */
static int grow_slots(idmap *m)
{
	size_t cap = m->cap != 0 ? m->cap * 2 : 64;
	uint32_t *slots = calloc(cap, sizeof *slots);

	if (slots == NULL)
		return PK2D_ERR_NOMEM;
	for (size_t e = 0; e < m->len; e++) {
		size_t i = (size_t)m->entries[e].hash & (cap - 1);
		while (slots[i] != 0)
			i = (i + 1) & (cap - 1);
		slots[i] = (uint32_t)(e + 1);
	}
	free(m->slots);
	m->slots = slots;
	m->cap = cap;
	return 0;
}

/* Room for one more entry and len more bytes of key. */
static int reserve(idmap *m, size_t len)
{
	if ((m->len + 1) * 2 > m->cap && grow_slots(m) != 0)
		return PK2D_ERR_NOMEM;
	if (m->len == m->cap_entries) {
		size_t c = m->cap_entries != 0 ? m->cap_entries * 2 : 32;
		idmap_entry *e = realloc(m->entries, c * sizeof *e);
		if (e == NULL)
			return PK2D_ERR_NOMEM;
		m->entries = e;
		m->cap_entries = c;
	}
	if (m->text_len + len > m->cap_text) {
		size_t c = m->cap_text != 0 ? m->cap_text : 512;
		while (c < m->text_len + len)
			c *= 2;
		char *t = realloc(m->text, c);
		if (t == NULL)
			return PK2D_ERR_NOMEM;
		m->text = t;
		m->cap_text = c;
	}
	return 0;
}

int idmap_get_or_put(idmap *m, const char *key, size_t len, uint32_t *val)
{
	uint64_t h = idmap_hash(key, len);
	size_t i = 0, cap = m->cap;

	if (len > UINT32_MAX || m->len >= UINT32_MAX - 1)
		return PK2D_ERR_NOMEM;
	if (cap != 0) {
		for (i = (size_t)h & (cap - 1); m->slots[i] != 0; i = (i + 1) & (cap - 1)) {
			const idmap_entry *e = &m->entries[m->slots[i] - 1];
			if (e->hash == h && e->len == len && memcmp(m->text + e->off, key, len) == 0) {
				*val = e->val;
				return 1;
			}
		}
	}
	if (reserve(m, len) != 0)
		return PK2D_ERR_NOMEM;
	/* Growing moved the keys to new slots: find the free one again. */
	if (m->cap != cap)
		for (i = (size_t)h & (m->cap - 1); m->slots[i] != 0; i = (i + 1) & (m->cap - 1))
			;
	idmap_entry *e = &m->entries[m->len];
	e->hash = h;
	e->off = m->text_len;
	e->len = (uint32_t)len;
	e->val = *val;
	if (len > 0)
		memcpy(m->text + m->text_len, key, len);
	m->text_len += len;
	m->slots[i] = (uint32_t)++m->len;
	return 0;
}
