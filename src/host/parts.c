/*
 * parts.c - an instance's input split into parts, and the parts' output
 * files joined.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "api.h"
#include "cleanup.h"
#include "input_check.h"
#include "log.h"
#include "parts.h"
#include "tempfile.h"
#include "util.h"

/* The file of job's parts_input (set in its section) and the header of its
 * parts column; 0, or -1 when the job has none. */
static int parts_input(const runner_job *job, char **path, const char **header)
{
	const loaded_plugin *lp = job->lp;
	const conf_entry *e;

	if (!lp || !lp->parts_input ||
	    !(e = conf_section_get(job->cp->section, lp->parts_input)) || !e->value[0])
		return -1;
	for (size_t i = 0; i < lp->n_inputs; i++) {
		const pk2d_input *in = &lp->inputs[i];

		if (strcmp(in->key, lp->parts_input))
			continue;
		for (const pk2d_input_column *col = in->columns; col && col->field; col++)
			if (!strcmp(col->field, lp->parts_column)) {
				*header = input_column_header(job->cp, in, in->key, col);
				*path = conf_entry_path(e, e->value);
				return *header && **header ? 0 : (free(*path), -1);
			}
	}
	return -1;
}

static long long file_size(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 ? (long long)st.st_size : 0;
}

/* What a split process sends the parent: each part's start as it finds
 * it, then how the split ended. Each message is written whole, in one
 * write below PIPE_BUF. */
enum { SPLIT_START, SPLIT_END };
typedef struct split_msg {
	int kind;
	int rc;                   /* SPLIT_END: 0 or a PK2D_ERR_* */
	size_t n;                 /* SPLIT_END: the parts, 1 when not in parts */
	csv_range start;          /* SPLIT_START */
	char err[256];            /* SPLIT_END with rc < 0 */
} split_msg;

/* A job's split: planned, then made by a process of its own. */
typedef struct parts_split {
	const char *header;       /* the parts column */
	long long bytes;          /* a part's size */
	long long size;           /* the file's size: the last part's end */
	pid_t pid;                /* > 0 while the process runs */
	int fd;
} parts_split;

static int write_all(int fd, const void *p, size_t n)
{
	for (const char *c = p; n > 0;) {
		ssize_t w = write(fd, c, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		c += w;
		n -= (size_t)w;
	}
	return 0;
}

static int read_all(int fd, void *p, size_t n)
{
	for (char *c = p; n > 0;) {
		ssize_t r = read(fd, c, n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		c += r;
		n -= (size_t)r;
	}
	return 0;
}

/* In the split process: a part's start found, to the parent. */
static void send_start(void *arg, const csv_range *start)
{
	split_msg m = { .kind = SPLIT_START, .start = *start };

	if (write_all(*(int *)arg, &m, sizeof m) < 0)
		_exit(1);
}

/* Test-only: waits while the file PARTS_HOLD_ENV names exists. */
static void test_hold(void)
{
	const char *f = getenv(PARTS_HOLD_ENV);

	for (int i = 0; f && *f && i < 6000 && access(f, F_OK) == 0; i++)
		usleep(10000);
}

/* The split process: job's file read through, each start sent as found,
 * then the end. */
static void split_main(runner_job *job, int fd) __attribute__((noreturn));
static void split_main(runner_job *job, int fd)
{
	const parts_split *sp = job->split;
	split_msg m = { .kind = SPLIT_END };
	csv_range *r = NULL;

	cleanup_default_signals();
	m.rc = csv_split_each(job->parts_path, sp->header, sp->bytes, job->n_parts, send_start,
	                      &fd, &r, &m.n, m.err, sizeof m.err);
	free(r);
	test_hold();
	_exit(write_all(fd, &m, sizeof m) < 0);
}

/* The split has ended with m: job's parts final. */
static void split_end(runner_job *job, const split_msg *m)
{
	parts_split *sp = job->split;
	long long size = sp->size;

	if (sp->pid > 0) {
		int status;

		close(sp->fd);
		kill(sp->pid, SIGKILL);
		while (waitpid(sp->pid, &status, 0) < 0 && errno == EINTR)
			;
		cleanup_forget_child(sp->pid);
	}
	free(sp);
	job->split = NULL;
	if (m->rc < 0 || m->n < 2 || m->n != job->n_found) {
		log_msg(PK2D_LOG_DEBUG, "%s: %s: read in one part%s%s", job->cp->instance,
		        job->parts_path, m->rc < 0 ? ": " : "", m->rc < 0 ? m->err : "");
		free(job->parts);
		job->parts = NULL;
		job->n_parts = 1;
		return;
	}
	log_msg(PK2D_LOG_DEBUG, "%s: %s: read in %zu parts", job->cp->instance, job->parts_path,
	        m->n);
	job->parts[m->n - 1].end = size;
	job->n_parts = m->n;
}

/* A part's start found: the part before it ends there. 0, or -1 when it
 * does not follow the last one found. */
static int split_found(runner_job *job, const csv_range *start)
{
	size_t k = job->n_found;

	if (k >= job->n_parts || (k > 0 && start->start <= job->parts[k - 1].start))
		return -1;
	job->parts[k] = *start;
	if (k > 0)
		job->parts[k - 1].end = start->start;
	job->n_found++;
	return 0;
}

int parts_split_start(runner_job *job)
{
	parts_split *sp = job->split;
	int p[2];

	if (pipe(p) == 0) {
		sp->pid = cleanup_fork();
		if (sp->pid == 0) {
			close(p[0]);
			split_main(job, p[1]);
		}
		close(p[1]);
		if (sp->pid > 0) {
			cleanup_add_child(sp->pid);
			sp->fd = p[0];
			log_msg(PK2D_LOG_DEBUG, "%s: %s: split by pid %ld", job->cp->instance,
			        job->parts_path, (long)sp->pid);
			return 1;
		}
		close(p[0]);
	}
	/* No process: the split made here, before anything else goes on. */
	split_msg m = { .kind = SPLIT_END };
	csv_range *r = NULL;

	m.rc = csv_split(job->parts_path, sp->header, sp->bytes, job->n_parts, &r, &m.n, m.err,
	                 sizeof m.err);
	for (size_t k = 0; m.rc == 0 && k < m.n; k++)
		split_found(job, &r[k]);
	free(r);
	split_end(job, &m);
	return 0;
}

int parts_split_fd(const runner_job *job)
{
	return job->split && job->split->pid > 0 ? job->split->fd : -1;
}

int parts_split_read(runner_job *job)
{
	split_msg m = { .kind = SPLIT_START };
	int got = read_all(job->split->fd, &m, sizeof m) == 0;

	if (got && m.kind == SPLIT_START && split_found(job, &m.start) == 0)
		return 0;
	if (!got || m.kind != SPLIT_END) {
		m = (split_msg){ .kind = SPLIT_END, .rc = PK2D_ERR_IO };
		snprintf(m.err, sizeof m.err, "the process that read it ended early");
	}
	split_end(job, &m);
	return 1;
}

void parts_split_stop(runner_job *job)
{
	split_msg m = { .kind = SPLIT_END, .rc = PK2D_ERR_IO };

	snprintf(m.err, sizeof m.err, "stopped");
	split_end(job, &m);
}

void parts_plan(runner_job *jobs, size_t n, int jobs_at_once)
{
	const char *env = getenv(PARTS_BYTES_ENV);
	long long total = 0, bytes;
	char *path;
	const char *header;

	for (size_t i = 0; i < n; i++)
		if (parts_input(&jobs[i], &path, &header) == 0) {
			parts_split *sp = xcalloc(1, sizeof *sp);

			sp->header = header;
			sp->size = file_size(path);
			sp->pid = -1;
			total += sp->size;
			jobs[i].parts_path = path;
			jobs[i].split = sp;
		}
	bytes = total / (4LL * (jobs_at_once > 0 ? jobs_at_once : 1));
	if (bytes < PARTS_MIN_BYTES)
		bytes = PARTS_MIN_BYTES;
	if (env && *env)
		bytes = atoll(env) > 0 ? atoll(env) : bytes;
	for (size_t i = 0; i < n; i++) {
		runner_job *job = &jobs[i];
		long long most = job->split ? job->split->size / bytes : 0;

		if (!job->split)
			continue;
		/* A file too small for two parts is not read for a split. */
		if (most < 2) {
			free(job->split);
			job->split = NULL;
			free(job->parts_path);
			job->parts_path = NULL;
			continue;
		}
		job->split->bytes = bytes;
		job->n_parts = most < PARTS_MAX ? (size_t)most : PARTS_MAX;
		job->parts = xcalloc(job->n_parts, sizeof *job->parts);
	}
}

void parts_clear(runner_job *job)
{
	if (job->split)
		parts_split_stop(job);
	free(job->parts_path);
	free(job->parts);
	job->parts_path = NULL;
	job->parts = NULL;
	job->n_parts = 0;
	job->n_found = 0;
}

void parts_remove(const char *path, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		char *p = api_part_path(path, k);
		unlink(p);
		cleanup_forget_file(p);
		free(p);
	}
}

/* Appends the file at from to fd: 0, or PK2D_ERR_IO with err set. */
static int append_file(int fd, const char *from, char *err, size_t errlen)
{
	char buf[65536];
	int in = open(from, O_RDONLY | O_CLOEXEC);
	ssize_t r = 0;

	if (in < 0) {
		snprintf(err, errlen, "%s: %s", from, strerror(errno));
		return PK2D_ERR_IO;
	}
	while ((r = read(in, buf, sizeof buf)) > 0 || (r < 0 && errno == EINTR)) {
		for (ssize_t at = 0; r > 0 && at < r;) {
			ssize_t w = write(fd, buf + at, (size_t)(r - at));
			if (w < 0 && errno == EINTR)
				continue;
			if (w < 0) {
				snprintf(err, errlen, "%s: %s", from, strerror(errno));
				close(in);
				return PK2D_ERR_IO;
			}
			at += w;
		}
	}
	if (r < 0)
		snprintf(err, errlen, "%s: %s", from, strerror(errno));
	close(in);
	return r < 0 ? PK2D_ERR_IO : 0;
}

int parts_join(const char *path, size_t n, char *err, size_t errlen)
{
	char *dir = path_dirname(path), *tmp = NULL;
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	const char *const ours[] = { base, NULL };
	int fd = tempfile_create(dir, base, ours, &tmp), rc = 0;

	free(dir);
	if (fd < 0) {
		snprintf(err, errlen, "%s: cannot create a temporary file: %s", path,
		         strerror(errno));
		parts_remove(path, n);
		return PK2D_ERR_IO;
	}
	for (size_t k = 0; k < n && rc == 0; k++) {
		char *p = api_part_path(path, k);
		rc = append_file(fd, p, err, errlen);
		free(p);
	}
	if (rc == 0 && fsync(fd) != 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		rc = PK2D_ERR_IO;
	}
	/* The joined file has the mode the plugin gave its parts. */
	char *first = api_part_path(path, 0);
	struct stat st;
	if (rc == 0 && stat(first, &st) == 0)
		fchmod(fd, st.st_mode & 07777);
	free(first);
	close(fd);
	if (rc == 0 && rename(tmp, path) != 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		rc = PK2D_ERR_IO;
	}
	if (rc != 0)
		unlink(tmp);
	tempfile_done(tmp);
	free(tmp);
	parts_remove(path, n);
	return rc;
}
