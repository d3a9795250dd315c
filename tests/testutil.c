/*
 * testutil.c - temporary directories and files for the tests.
 */
#include "config.h"

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"
#include "util.h"

char *tu_tmpdir(void)
{
	const char *t = getenv("TMPDIR");
	char *d = xasprintf("%s/pk2d-test.XXXXXX", t && *t ? t : "/tmp");
	if (!mkdtemp(d)) {
		perror("mkdtemp");
		abort();
	}
	return d;
}

static int rm_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

void tu_rmtree(const char *dir)
{
	nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

char *tu_write(const char *dir, const char *name, const char *text)
{
	char *p = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(p, "w");
	if (!f) {
		perror(p);
		abort();
	}
	fputs(text, f);
	fclose(f);
	return p;
}

char *tu_data(const char *name)
{
	const char *s = getenv("srcdir");
	return xasprintf("%s/tests/data/%s", s && *s ? s : ".", name);
}

int tu_has(char *const *items, size_t n, const char *needle)
{
	for (size_t i = 0; i < n; i++)
		if (strstr(items[i], needle))
			return 1;
	return 0;
}
