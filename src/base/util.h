/*
 * util.h - small helpers shared by the host modules: allocation that cannot
 * fail (out of memory ends the process with a message), names, paths.
 */
#ifndef PK2D_UTIL_H
#define PK2D_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
/* NULL stays NULL. */
char *xstrdup_null(const char *s);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Non-zero when s is a plugin or instance name: [a-z][a-z0-9_]{0,31}. */
int name_valid(const char *s);
/* Directory part of a path ("." when it has none); malloc'd. */
char *path_dirname(const char *path);
/* rel itself when absolute, else dir/rel; malloc'd. */
char *path_join(const char *dir, const char *rel);

/* Seconds on the monotonic clock. */
double now_seconds(void);

/* s's hash mixed into h, eight bytes a step: the hash of the host's
 * in-memory tables (never stored: it may change). Inline, for the reader's
 * loop over every row's identifiers. */
static inline uint64_t str_hash(uint64_t h, const char *s)
{
	size_t n = strlen(s);
	uint64_t w;

	h ^= n;
	for (; n >= 8; s += 8, n -= 8) {
		memcpy(&w, s, sizeof w);
		h = (h ^ w) * 0xbf58476d1ce4e5b9ULL;
		h ^= h >> 29;
	}
	w = 0;
	memcpy(&w, s, n);
	h = (h ^ w) * 0x94d049bb133111ebULL;
	return h ^ (h >> 31);
}

#endif
