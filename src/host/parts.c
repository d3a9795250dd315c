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

void parts_plan(runner_job *jobs, size_t n, int jobs_at_once)
{
	const char *env = getenv(PARTS_BYTES_ENV);
	long long total = 0, bytes;
	char *path;
	const char *header;

	for (size_t i = 0; i < n; i++)
		if (parts_input(&jobs[i], &path, &header) == 0) {
			total += file_size(path);
			free(path);
		}
	bytes = total / (4LL * (jobs_at_once > 0 ? jobs_at_once : 1));
	if (bytes < PARTS_MIN_BYTES)
		bytes = PARTS_MIN_BYTES;
	if (env && *env)
		bytes = atoll(env) > 0 ? atoll(env) : bytes;
	for (size_t i = 0; i < n; i++) {
		runner_job *job = &jobs[i];
		csv_range *r;
		size_t np;
		char err[256];

		if (parts_input(job, &path, &header) < 0)
			continue;
		if (csv_split(path, header, bytes, PARTS_MAX, &r, &np, err, sizeof err) < 0) {
			log_msg(PK2D_LOG_DEBUG, "%s: %s: read in one part: %s", job->cp->instance,
			        path, err);
			free(path);
			continue;
		}
		if (np < 2) {
			free(r);
			free(path);
			continue;
		}
		log_msg(PK2D_LOG_DEBUG, "%s: %s: read in %zu parts", job->cp->instance, path, np);
		job->parts_path = path;
		job->parts = r;
		job->n_parts = np;
	}
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
