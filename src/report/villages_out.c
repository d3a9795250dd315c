/*
 * villages_out.c - the villages' part of a wide report written by several
 * processes at once (villages_out.h).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cleanup.h"
#include "log.h"
#include "pk2d/plugin.h"
#include "tempfile.h"
#include "villages_out.h"

/* Most runs, and processes, at once: as many as -j allows, up to this. */
#define VILLAGES_MAX_RUNS 64
/* The caller's own run is rendered in this many pieces, each handed to the
 * disk as it is done (start_writeback). */
#define OWN_RUN_PIECES 8

struct run {
	size_t from, to;
	pid_t pid;      /* -1: rendered by the caller's process */
	int fd;         /* the run's temporary file, or -1 */
};

/* Whether the test asks run k's process (what "process"), or its copy
 * ("copy"), to fail (VILLAGES_FAIL_ENV). */
static int test_fails(const char *what, size_t k)
{
	const char *e = getenv(VILLAGES_FAIL_ENV);
	int copy = e && strncmp(e, "copy:", 5) == 0;

	if (!e || !*e || copy != (strcmp(what, "copy") == 0))
		return 0;
	return strtoul(e + (copy ? 5 : 0), NULL, 10) == k;
}

/* Starts a process rendering run k into a temporary file; leaves r->pid
 * at -1 when none could be started. */
static void start(const report_view *v, struct run *r, size_t k, villages_fn write, void *ud)
{
	const char *dir;

	r->fd = tempfile_anonymous("villages", &dir);
	if (r->fd < 0)
		return;
	r->pid = cleanup_fork();
	if (r->pid == 0) {
		FILE *f;
		int failed;

		cleanup_default_signals();
		f = fdopen(r->fd, "w");
		failed = !f || test_fails("process", k) || write(v, r->from, r->to, f, ud) < 0;
		if (f && fclose(f) != 0)
			failed = 1;
		/* Not exit(): the parent's atexit handlers and stdio buffers are
		 * the parent's. */
		_exit(failed);
	}
	if (r->pid < 0) {
		close(r->fd);
		r->fd = -1;
		return;
	}
	cleanup_add_child(r->pid);
	log_msg(PK2D_LOG_DEBUG, "villages %zu to %zu: rendered by process %ld", r->from + 1, r->to,
	        (long)r->pid);
}

/* Waits for run r's process: 0 when it rendered the run whole. */
static int finish(struct run *r)
{
	int status;
	pid_t got;

	while ((got = waitpid(r->pid, &status, 0)) < 0 && errno == EINTR)
		;
	cleanup_forget_child(r->pid);
	return got == r->pid && WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

/* Copies run k's temporary file to out: by the kernel when out is a file
 * (a JSON report's villages are hundreds of megabytes), else through a
 * buffer. 0, or PK2D_ERR_IO with errno set. */
static int copy_out(const struct run *r, size_t k, FILE *out)
{
	char buf[1 << 16];
	off_t at = 0;
	ssize_t n;

	if (test_fails("copy", k)) {
		errno = EIO;
		return PK2D_ERR_IO;
	}
	if (fflush(out) != 0)
		return PK2D_ERR_IO;
	while ((n = copy_file_range(r->fd, &at, fileno(out), NULL, (size_t)1 << 30, 0)) > 0)
		;
	if (n == 0)
		return 0;
	if (at > 0 || (errno != EXDEV && errno != EINVAL && errno != ENOSYS &&
	               errno != EOPNOTSUPP && errno != EBADF))
		return PK2D_ERR_IO;
	while ((n = pread(r->fd, buf, sizeof buf, at)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 || fwrite(buf, 1, (size_t)n, out) != (size_t)n)
			return PK2D_ERR_IO;
		at += n;
	}
	return 0;
}

/* Starts writing what out holds so far to the disk, without waiting, when
 * out is a regular file: the report's file is synced before it is renamed
 * into place (out_file.c), and a province's JSON report is 250 MB that
 * would otherwise all be written then (0.17 s of its run). */
static void start_writeback(FILE *out)
{
#ifdef SYNC_FILE_RANGE_WRITE
	struct stat st;
	int saved;

	/* A failed write is the report's error: ferror(out) and errno say it. */
	if (fflush(out) != 0)
		return;
	saved = errno;
	if (fstat(fileno(out), &st) == 0 && S_ISREG(st.st_mode))
		sync_file_range(fileno(out), 0, 0, SYNC_FILE_RANGE_WRITE);
	errno = saved;
#else
	(void)out;
#endif
}

/* Renders the caller's own run in pieces, each started towards the disk
 * as soon as it is written. */
static int write_own(const report_view *v, const struct run *r, FILE *out, villages_fn write,
                     void *ud)
{
	size_t n = r->to - r->from;
	int rc = 0;

	for (size_t k = 0; k < OWN_RUN_PIECES && rc == 0; k++) {
		size_t from = r->from + n * k / OWN_RUN_PIECES;
		size_t to = r->from + n * (k + 1) / OWN_RUN_PIECES;

		rc = write(v, from, to, out, ud);
		if (rc == 0)
			start_writeback(out);
	}
	return rc;
}

int villages_write(const report_view *v, FILE *out, villages_fn write, void *ud)
{
	struct run runs[VILLAGES_MAX_RUNS];
	size_t n = v->n_villages, n_runs = v->jobs > 1 ? (size_t)v->jobs : 1;
	int rc = 0;

	if (n_runs > VILLAGES_MAX_RUNS)
		n_runs = VILLAGES_MAX_RUNS;
	if (n_runs > n)
		n_runs = n;
	if (n_runs <= 1)
		return write(v, 0, n, out, ud);
	for (size_t k = 0; k < n_runs; k++) {
		runs[k] = (struct run){ n * k / n_runs, n * (k + 1) / n_runs, -1, -1 };
		if (k > 0)
			start(v, &runs[k], k, write, ud);
	}
	rc = write_own(v, &runs[0], out, write, ud);
	for (size_t k = 1; k < n_runs; k++) {
		struct run *r = &runs[k];
		int rendered = r->pid > 0 && finish(r) == 0;

		if (rc == 0 && rendered) {
			rc = copy_out(r, k, out);
			if (rc == 0)
				start_writeback(out);
		} else if (rc == 0) {
			log_msg(PK2D_LOG_DEBUG, "villages %zu to %zu of %zu: no process rendered them, "
			        "rendered here", r->from + 1, r->to, n);
			rc = write(v, r->from, r->to, out, ud);
		}
		if (r->fd >= 0)
			close(r->fd);
	}
	return rc;
}
