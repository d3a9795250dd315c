/*
 * trust.c - the ownership and permission rule for plugin files.
 *
 * pk2d runs a plugin's code with the coordinator's rights, so the file must
 * not be replaceable by anyone else: not by its owner when that is another
 * user, not through a write bit for the group or others on the file, its
 * directory or any directory above it (a writable directory lets anyone
 * rename a file away and put another in its place).
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pk2d/plugin.h"
#include "trust.h"
#include "util.h"

static const char *writers(mode_t mode)
{
	int g = (mode & S_IWGRP) != 0, o = (mode & S_IWOTH) != 0;
	return g && o ? "its group and everyone" : g ? "its group" : o ? "everyone" : NULL;
}

/* The plugin file and its own directory: owned by root or us, no group or
 * other write bit. */
static int owned_and_private(const char *path, const struct stat *sb, const char *what,
                             char *err, size_t errlen)
{
	uid_t me = geteuid();
	if (sb->st_uid != 0 && sb->st_uid != me) {
		snprintf(err, errlen, "%s %s is owned by uid %ld, neither root nor the user "
		         "running pk2d (uid %ld), who could change the code pk2d runs: "
		         "chown it to root or to yourself", what, path, (long)sb->st_uid, (long)me);
		return PK2D_ERR_CONFIG;
	}
	const char *w = writers(sb->st_mode);
	if (w) {
		snprintf(err, errlen, "%s %s is writable by %s (mode %04o), who could replace "
		         "the code pk2d runs: chmod go-w %s", what, path, w,
		         (unsigned)(sb->st_mode & 07777), path);
		return PK2D_ERR_CONFIG;
	}
	return 0;
}

/* A directory above: no group or other write bit, or root's and sticky. */
static int safe_above(const char *dir, const struct stat *sb, char *err, size_t errlen)
{
	const char *w = writers(sb->st_mode);
	if (!w || (sb->st_uid == 0 && (sb->st_mode & S_ISVTX)))
		return 0;
	snprintf(err, errlen, "directory %s, above the plugin, is writable by %s (mode %04o) "
	         "and is not a root-owned sticky directory such as /tmp, so anyone could "
	         "replace the folders below it: chmod go-w %s, or keep plugins elsewhere",
	         dir, w, (unsigned)(sb->st_mode & 07777), dir);
	return PK2D_ERR_CONFIG;
}

static int look(const char *path, struct stat *sb, char *err, size_t errlen)
{
	if (stat(path, sb) == 0)
		return 0;
	snprintf(err, errlen, "cannot check %s: %s", path, strerror(errno));
	return PK2D_ERR_IO;
}

int trust_check(const char *path, char *err, size_t errlen)
{
	char *real = realpath(path, NULL);
	if (!real) {
		snprintf(err, errlen, "cannot check %s: %s", path, strerror(errno));
		return PK2D_ERR_IO;
	}
	struct stat sb;
	int r = look(real, &sb, err, errlen);
	if (r == 0)
		r = owned_and_private(real, &sb, "plugin file", err, errlen);
	/* real is absolute and clean: cut it back one component at a time. */
	for (int level = 0; r == 0 && strcmp(real, "/") != 0; level++) {
		char *slash = strrchr(real, '/');
		slash[slash == real ? 1 : 0] = '\0';
		r = look(real, &sb, err, errlen);
		if (r == 0)
			r = level == 0 ? owned_and_private(real, &sb, "plugin directory", err, errlen)
			               : safe_above(real, &sb, err, errlen);
	}
	free(real);
	return r;
}
