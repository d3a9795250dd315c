/*
 * testutil.h - helpers shared by the host's Check suites.
 */
#ifndef PK2D_TESTUTIL_H
#define PK2D_TESTUTIL_H

#include <stddef.h>

/* A new empty directory under $TMPDIR; malloc'd. */
char *tu_tmpdir(void);
/* Removes dir and everything in it. */
void tu_rmtree(const char *dir);
/* Writes text to dir/name and returns the path (malloc'd). */
char *tu_write(const char *dir, const char *name, const char *text);
/* $srcdir/tests/data/name (malloc'd); srcdir defaults to ".". */
char *tu_data(const char *name);
/* Non-zero when some item of the list contains needle. */
int tu_has(char *const *items, size_t n, const char *needle);

#endif
