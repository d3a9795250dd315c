/*
 * out_file.c - one output file written whole or not at all (out_file.h).
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "log.h"
#include "out_file.h"
#include "pk2d/plugin.h"
#include "tempfile.h"
#include "util.h"

/* emit into f; a failure names what is written (the file, or "standard
 * output") before the writer's reason. */
static int write_named(out_emit emit, const void *ctx, FILE *f, const char *what,
                       char *err, size_t errlen)
{
	int r;

	err[0] = '\0';
	r = emit(ctx, f, err, errlen);
	if (r == PK2D_ERR_NOMEM && !err[0])
		snprintf(err, errlen, "out of memory");
	else if (r < 0 && !err[0])
		snprintf(err, errlen, "%s", strerror(errno ? errno : EIO));
	if (r < 0) {
		char why[1024];
		snprintf(why, sizeof why, "%s", err);
		snprintf(err, errlen, "%s: %s", what, why);
	}
	return r;
}

/* The files written whole while held: temporary name and destination. */
static struct held {
	char *tmp, *path;
} held[OUT_FILE_HOLD_MAX];
static size_t n_held;
static int holding;

/* Renames tmp into place at path; logged, as the file is then there. */
static int put_in_place(const char *tmp, const char *path, char *err, size_t errlen)
{
	if (rename(tmp, path) != 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return PK2D_ERR_IO;
	}
	log_msg(PK2D_LOG_INFO, "wrote %s", path);
	return 0;
}

void out_file_hold(void)
{
	holding = 1;
}

int out_file_release(char *err, size_t errlen)
{
	int rc = 0;

	for (size_t i = 0; i < n_held; i++) {
		char why[1024];

		if (put_in_place(held[i].tmp, held[i].path, why, sizeof why) != 0) {
			unlink(held[i].tmp);
			if (rc == 0) {
				snprintf(err, errlen, "%s", why);
				rc = PK2D_ERR_IO;
			}
		}
		tempfile_done(held[i].tmp);
		free(held[i].tmp);
		free(held[i].path);
	}
	n_held = 0;
	holding = 0;
	return rc;
}

/* A device or a pipe (-o /dev/null, -o /dev/stdout, a FIFO) is written in
 * place: renaming a file over it would replace the device. */
static int is_device(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode);
}

int out_file_holdable(const char *path)
{
	return path && strcmp(path, "-") && !is_device(path);
}

int out_file_write(const char *path, out_emit emit, const void *ctx, char *err,
                   size_t errlen)
{
	if (!path || !strcmp(path, "-")) {
		int r = write_named(emit, ctx, stdout, "standard output", err, errlen);
		if (r == 0 && fflush(stdout) != 0) {
			snprintf(err, errlen, "standard output: %s", strerror(errno));
			return PK2D_ERR_IO;
		}
		return r;
	}
	if (is_device(path)) {
		FILE *dev = fopen(path, "w");
		if (!dev) {
			snprintf(err, errlen, "%s: %s", path, strerror(errno));
			return PK2D_ERR_IO;
		}
		int r = write_named(emit, ctx, dev, path, err, errlen);
		if (fclose(dev) != 0 && r == 0) {
			snprintf(err, errlen, "%s: %s", path, strerror(errno));
			r = PK2D_ERR_IO;
		}
		return r;
	}
	char *dir = path_dirname(path);
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	char *tmp = NULL;
	int fd = tempfile_create(dir, base, NULL, &tmp);
	free(dir);
	if (fd < 0) {
		snprintf(err, errlen, "%s: cannot create a temporary file: %s", path, strerror(errno));
		return PK2D_ERR_IO;
	}
	FILE *f = fdopen(fd, "w");
	if (!f) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		close(fd);
		unlink(tmp);
		tempfile_done(tmp);
		free(tmp);
		return PK2D_ERR_IO;
	}
	int r = write_named(emit, ctx, f, path, err, errlen);
	if (r == 0 && (fflush(f) != 0 || ferror(f) || fsync(fileno(f)) != 0)) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		r = PK2D_ERR_IO;
	}
	if (fclose(f) != 0 && r == 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		r = PK2D_ERR_IO;
	}
	/* mkstemp makes the file 0600; a report is as readable as any file
	 * the user creates. */
	if (r == 0) {
		mode_t um = umask(0);
		umask(um);
		chmod(tmp, 0666 & ~um);
	}
	if (r == 0)
		tempfile_test_pause("report");
	if (r == 0 && holding && n_held < OUT_FILE_HOLD_MAX) {
		held[n_held].tmp = tmp;
		held[n_held++].path = xstrdup(path);
		return 0;
	}
	if (r == 0)
		r = put_in_place(tmp, path, err, errlen);
	if (r != 0)
		unlink(tmp);
	tempfile_done(tmp);
	free(tmp);
	return r;
}
