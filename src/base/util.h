/*
 * util.h - small helpers shared by the host modules: allocation that cannot
 * fail (out of memory ends the process with a message), names, paths.
 */
#ifndef PK2D_UTIL_H
#define PK2D_UTIL_H

#include <stddef.h>

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

#endif
