/*
 * outfile.c - atomic report files (see outfile.h).
 */
#include <config.h>

#include "outfile.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pk2d/plugin.h"

static int create_tmp(outfile *o, const char *path, char *err, size_t errlen)
{
	size_t n = strlen(path);
	mode_t mask;
	int fd;

	memset(o, 0, sizeof *o);
	if (!(o->path = strdup(path)) || !(o->tmp = malloc(n + sizeof ".tmp.XXXXXX"))) {
		snprintf(err, errlen, "%s: out of memory", path);
		outfile_abort(o);
		return -1;
	}
	memcpy(o->tmp, path, n);
	memcpy(o->tmp + n, ".tmp.XXXXXX", sizeof ".tmp.XXXXXX");
	if ((fd = mkstemp(o->tmp)) < 0) {
		snprintf(err, errlen, "%s: cannot create a file there: %s", path, strerror(errno));
		free(o->tmp);
		o->tmp = NULL;
		outfile_abort(o);
		return -1;
	}
	/* mkstemp makes 0600; a report is an ordinary file. */
	mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask);
	return fd;
}

int outfile_open(outfile *o, const char *path, char *err, size_t errlen)
{
	int fd;

	if (strcmp(path, "-") == 0) {
		memset(o, 0, sizeof *o);
		o->f = stdout;
		if (!(o->path = strdup(path))) {
			snprintf(err, errlen, "out of memory");
			return PK2D_ERR_NOMEM;
		}
		return 0;
	}
	if ((fd = create_tmp(o, path, err, errlen)) < 0)
		return PK2D_ERR_IO;
	if (!(o->f = fdopen(fd, "w"))) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		close(fd);
		outfile_abort(o);
		return PK2D_ERR_IO;
	}
	return 0;
}

int outfile_reserve(outfile *o, const char *path, char *err, size_t errlen)
{
	int fd = create_tmp(o, path, err, errlen);

	if (fd < 0)
		return PK2D_ERR_IO;
	close(fd);
	return 0;
}

int outfile_commit(outfile *o, char *err, size_t errlen)
{
	int failed = 0, saved = 0;

	if (o->f == stdout) {
		if (fflush(stdout) != 0 || ferror(stdout)) {
			snprintf(err, errlen, "standard output: %s", strerror(errno));
			failed = 1;
		}
		o->f = NULL;
		free(o->path);
		o->path = NULL;
		return failed ? PK2D_ERR_IO : 0;
	}
	if (o->f) {
		if (fflush(o->f) != 0 || ferror(o->f) || fsync(fileno(o->f)) != 0) {
			saved = errno;
			failed = 1;
		}
		if (fclose(o->f) != 0 && !failed) {
			saved = errno;
			failed = 1;
		}
		o->f = NULL;
	}
	if (!failed && rename(o->tmp, o->path) != 0) {
		saved = errno;
		failed = 1;
	}
	if (failed) {
		snprintf(err, errlen, "%s: cannot write: %s", o->path,
		         strerror(saved ? saved : EIO));
		outfile_abort(o);
		return PK2D_ERR_IO;
	}
	free(o->tmp);
	free(o->path);
	o->tmp = o->path = NULL;
	return 0;
}

void outfile_abort(outfile *o)
{
	if (o->f && o->f != stdout)
		fclose(o->f);
	o->f = NULL;
	if (o->tmp)
		unlink(o->tmp);
	free(o->tmp);
	free(o->path);
	o->tmp = o->path = NULL;
}
