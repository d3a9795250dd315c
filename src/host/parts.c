/*
 * parts.c - an instance's input split into parts, and the parts' output
 * files joined.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
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

/* A file's split as a scanning process sends it to the parent. */
typedef struct split_msg {
	int rc;
	size_t n;
	char err[256];
} split_msg;

/* A split being made: by a process of its own (pid > 0), or in the parent. */
typedef struct split {
	runner_job *job;
	char *path;
	const char *header;
	pid_t pid;
	int fd;
	split_msg msg;
	csv_range *r;
} split;

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

static void split_here(split *sp, long long bytes)
{
	sp->msg.rc = csv_split(sp->path, sp->header, bytes, PARTS_MAX, &sp->r, &sp->msg.n,
	                       sp->msg.err, sizeof sp->msg.err);
}

/* Starts sp's split in a process of its own; in the parent when none can
 * be started. */
static void split_start(split *sp, long long bytes)
{
	int p[2];

	sp->pid = -1;
	if (pipe(p) < 0) {
		split_here(sp, bytes);
		return;
	}
	fflush(stdout);
	fflush(stderr);
	sp->pid = fork();
	if (sp->pid == 0) {
		close(p[0]);
		split_here(sp, bytes);
		if (sp->msg.rc < 0)
			sp->msg.n = 0;
		_exit(write_all(p[1], &sp->msg, sizeof sp->msg) < 0 ||
		      write_all(p[1], sp->r, sp->msg.n * sizeof *sp->r) < 0);
	}
	close(p[1]);
	if (sp->pid < 0) {
		close(p[0]);
		split_here(sp, bytes);
		return;
	}
	cleanup_add_child(sp->pid);
	sp->fd = p[0];
}

/* Waits for sp's split process and takes its result. */
static void split_wait(split *sp)
{
	int status;

	if (sp->pid < 0)
		return;
	if (read_all(sp->fd, &sp->msg, sizeof sp->msg) < 0 || sp->msg.n > PARTS_MAX ||
	    (sp->msg.rc == 0 && read_all(sp->fd, sp->r = xcalloc(sp->msg.n ? sp->msg.n : 1,
	                                                         sizeof *sp->r),
	                                 sp->msg.n * sizeof *sp->r) < 0)) {
		free(sp->r);
		sp->r = NULL;
		sp->msg.rc = PK2D_ERR_IO;
		snprintf(sp->msg.err, sizeof sp->msg.err, "the process that read it ended early");
	}
	close(sp->fd);
	while (waitpid(sp->pid, &status, 0) < 0 && errno == EINTR)
		;
	cleanup_forget_child(sp->pid);
}

/* sp's parts into its job, or one part. */
static void split_apply(split *sp)
{
	runner_job *job = sp->job;

	if (sp->msg.rc < 0) {
		log_msg(PK2D_LOG_DEBUG, "%s: %s: read in one part: %s", job->cp->instance,
		        sp->path, sp->msg.err);
	} else if (sp->msg.n >= 2) {
		log_msg(PK2D_LOG_DEBUG, "%s: %s: read in %zu parts", job->cp->instance, sp->path,
		        sp->msg.n);
		job->parts_path = sp->path;
		job->parts = sp->r;
		job->n_parts = sp->msg.n;
		return;
	}
	free(sp->r);
	free(sp->path);
}

void parts_plan(runner_job *jobs, size_t n, int jobs_at_once)
{
	const char *env = getenv(PARTS_BYTES_ENV);
	long long total = 0, bytes;
	char *path;
	const char *header;
	split *sp = xcalloc(n ? n : 1, sizeof *sp);
	size_t ns = 0, at_once = jobs_at_once > 1 ? (size_t)jobs_at_once : 1;

	for (size_t i = 0; i < n; i++)
		if (parts_input(&jobs[i], &path, &header) == 0) {
			total += file_size(path);
			sp[ns++] = (split){ .job = &jobs[i], .path = path, .header = header,
			                    .pid = -1 };
		}
	bytes = total / (4LL * (jobs_at_once > 0 ? jobs_at_once : 1));
	if (bytes < PARTS_MIN_BYTES)
		bytes = PARTS_MIN_BYTES;
	if (env && *env)
		bytes = atoll(env) > 0 ? atoll(env) : bytes;
	/* Each split reads its file's parts column through: with several
	 * files and jobs, up to jobs of them are read at once, each by a
	 * process of its own. */
	for (size_t first = 0; first < ns; first += at_once) {
		size_t end = first + at_once < ns ? first + at_once : ns;

		for (size_t k = first; k < end; k++) {
			if (end - first > 1)
				split_start(&sp[k], bytes);
			else
				split_here(&sp[k], bytes);
		}
		for (size_t k = first; k < end; k++) {
			split_wait(&sp[k]);
			split_apply(&sp[k]);
		}
	}
	free(sp);
}

void parts_clear(runner_job *job)
{
	free(job->parts_path);
	free(job->parts);
	job->parts_path = NULL;
	job->parts = NULL;
	job->n_parts = 0;
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
