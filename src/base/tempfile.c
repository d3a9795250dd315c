/*
 * tempfile.c - temporary files with the writer's pid and lock, and the
 * removal of those a killed run left.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cleanup.h"
#include "log.h"
#include "pk2d/plugin.h"
#include "tempfile.h"
#include "util.h"

/* Directories already cleaned in this run. */
static char **cleaned;
static size_t n_cleaned;

static int ends_with_any(const char *s, size_t len, const char *const *suffixes)
{
	if (!suffixes)
		return 1;
	for (size_t i = 0; suffixes[i]; i++) {
		size_t k = strlen(suffixes[i]);
		if (len >= k && !memcmp(s + len - k, suffixes[i], k))
			return 1;
	}
	return 0;
}

/* The pid of a name "NAME.tmp.PID.XXXXXX" whose NAME ends with a suffix,
 * or 0 when the name is not such a file. */
static pid_t temp_pid(const char *e, const char *const *suffixes)
{
	size_t len = strlen(e);
	if (len < 7 || e[len - 7] != '.')
		return 0;
	const char *dot = e + len - 7;     /* ".XXXXXX" */
	const char *p = dot;
	while (p > e && p[-1] >= '0' && p[-1] <= '9')
		p--;
	if (p == dot || p - e < 6 || strncmp(p - 5, ".tmp.", 5) != 0)
		return 0;
	if (!ends_with_any(e, (size_t)(p - 5 - e), suffixes))
		return 0;
	long pid = strtol(p, NULL, 10);
	return pid > 0 && pid <= 0x3fffffff ? (pid_t)pid : 0;
}

/* Whether the writer of path is provably gone: its process does not run
 * and nobody holds the file's lock. */
static int writer_gone(const char *path, pid_t pid)
{
	if (pid == getpid() || kill(pid, 0) == 0 || errno != ESRCH)
		return 0;
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return 0;
	int free_lock = flock(fd, LOCK_EX | LOCK_NB) == 0;
	close(fd);
	return free_lock;
}

int tempfile_remove_stale(const char *dir, const char *const *suffixes)
{
	DIR *d = opendir(dir);
	if (!d)
		return 0;
	int removed = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		pid_t pid = temp_pid(e->d_name, suffixes);
		if (!pid)
			continue;
		char *path = path_join(dir, e->d_name);
		struct stat sb;
		if (lstat(path, &sb) == 0 && S_ISREG(sb.st_mode) && writer_gone(path, pid) &&
		    unlink(path) == 0) {
			log_msg(PK2D_LOG_INFO, "removed %s, left by pk2d process %ld, which is gone",
			        path, (long)pid);
			removed++;
		}
		free(path);
	}
	closedir(d);
	return removed;
}

int tempfile_create(const char *dir, const char *name, const char *const *stale_suffixes,
                    char **path)
{
	size_t i;
	for (i = 0; i < n_cleaned && strcmp(cleaned[i], dir); i++)
		;
	if (i == n_cleaned) {
		tempfile_remove_stale(dir, stale_suffixes);
		cleaned = xrealloc(cleaned, (n_cleaned + 1) * sizeof *cleaned);
		cleaned[n_cleaned++] = xstrdup(dir);
	}
	char *p = xasprintf("%s/%s.tmp.%ld.XXXXXX", dir, name, (long)getpid());
	int fd = mkostemp(p, O_CLOEXEC);
	if (fd < 0) {
		int e = errno;
		free(p);
		errno = e;
		return -1;
	}
	cleanup_add_file(p);
	/* Taken at once: nobody else can hold the lock of a file just made. */
	flock(fd, LOCK_EX | LOCK_NB);
	*path = p;
	return fd;
}

int tempfile_anonymous(const char *name, const char **dir)
{
	const char *d = getenv("TMPDIR");
	char *p;
	int fd, e;

	if (!d || !*d)
		d = "/tmp";
	*dir = d;
	p = xasprintf("%s/pk2d-%s.XXXXXX", d, name);
	fd = mkostemp(p, O_CLOEXEC);
	e = errno;
	if (fd >= 0)
		unlink(p);
	free(p);
	errno = e;
	return fd;
}

void tempfile_done(const char *path)
{
	cleanup_forget_file(path);
}

void tempfile_test_pause(const char *point)
{
	const char *v = getenv(TEMPFILE_PAUSE_ENV);
	size_t n = strlen(point);
	if (!v || strncmp(v, point, n) != 0 || v[n] != ':' || !v[n + 1])
		return;
	int fd = open(v + n + 1, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd >= 0)
		close(fd);
	for (int i = 0; i < 60; i++)
		sleep(1);
}
