/*
 * probe.c - a plugin file's descriptor, read in a child process.
 *
 * dlopen() runs a shared object's constructors before pk2d can look at
 * anything, so the parent never opens a plugin file itself: a child loads
 * it, checks it and sends the descriptor's data back; a run's child loads
 * the file again (runner.c).
 */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cleanup.h"
#include "probe.h"
#include "runner.h"
#include "trust.h"
#include "utf8.h"
#include "util.h"
#include "wire.h"

static void probe_child(int fd, const char *path, const char *name) __attribute__((noreturn));

/* The parent takes only clean UTF-8 text from a child (wire.h): s, or its
 * repaired copy (never freed: the child ends soon). */
static const char *clean(const char *s)
{
	int fixed;
	char *c = s ? utf8_clean_dup(s, &fixed) : NULL;
	return c ? c : s;
}

/* Every text of the descriptor, repaired (a plugin's own strings are
 * bytes nobody checked). */
static void clean_descriptor(loaded_plugin *lp)
{
	lp->agency = (char *)clean(lp->agency);
	lp->version = (char *)clean(lp->version);
	lp->description = (char *)clean(lp->description);
	for (size_t i = 0; i < lp->n_keys; i++) {
		pk2d_config_key *k = &lp->keys[i];
		k->name = clean(k->name);
		k->default_value = clean(k->default_value);
		k->help = clean(k->help);
	}
	lp->parts_input = (char *)clean(lp->parts_input);
	lp->parts_column = (char *)clean(lp->parts_column);
	for (size_t i = 0; i < lp->n_inputs; i++) {
		pk2d_input *in = &lp->inputs[i];
		lp->area_fields[i] = (char *)clean(lp->area_fields[i]);
		in->key = clean(in->key);
		in->column_prefix = clean(in->column_prefix);
		for (pk2d_input_column *col = (pk2d_input_column *)in->columns; col && col->field;
		     col++) {
			col->field = clean(col->field);
			col->header = clean(col->header);
		}
	}
	for (pk2d_input_help *h = lp->help; h->input; h++) {
		h->input = clean(h->input);
		for (pk2d_column_help *c = (pk2d_column_help *)h->columns; c->field; c++) {
			c->field = clean(c->field);
			c->help = clean(c->help);
			c->accepted = clean(c->accepted);
		}
	}
}

static void probe_child(int fd, const char *path, const char *name)
{
	runner_child_setup();
	wire_buf b = { 0 };
	loaded_plugin *lp;
	char err[1024];
	if (loader_load(path, name, &lp, err, sizeof err) < 0) {
		wire_put_refused(&b, clean(err));
	} else {
		clean_descriptor(lp);
		pk2d_area_column *area_cols = xcalloc(lp->n_inputs + 1, sizeof *area_cols);
		for (size_t i = 0, n = 0; i < lp->n_inputs; i++)
			if (lp->area_fields[i])
				area_cols[n++] = (pk2d_area_column){ lp->inputs[i].key, lp->area_fields[i] };
		const pk2d_plugin d = {
			.name = lp->name, .agency = lp->agency, .version = lp->version,
			.description = lp->description, .abi_major = (uint16_t)lp->abi_major,
			.abi_minor = (uint16_t)lp->abi_minor, .config_keys = lp->keys,
			.inputs = lp->inputs, .parts_input = lp->parts_input,
			.parts_column = lp->parts_column, .area_columns = area_cols,
			.input_help = lp->help,
		};
		wire_put_descriptor(&b, &d);
	}
	_exit(wire_write(fd, &b) < 0 ? 1 : 0);
}

/* Reads the child's answer until it closes the pipe and exits, or until the
 * deadline. 0 with *status set, or -1 when time ran out (the child is then
 * still running). At most WIRE_MAX_RECORD + 4 bytes are kept: more is no
 * answer. */
static int wait_answer(int fd, pid_t pid, double deadline, wire_buf *got, int *status)
{
	unsigned char chunk[4096];
	int eof = 0;
	for (;;) {
		double left = deadline - now_seconds();
		if (left <= 0)
			return -1;
		if (eof) {
			pid_t r = waitpid(pid, status, WNOHANG);
			if (r == pid)
				return 0;
			if (r < 0 && errno != EINTR)
				return -1;
			struct pollfd none;
			poll(&none, 0, 10);
			continue;
		}
		struct pollfd pfd = { .fd = fd, .events = POLLIN };
		int pr = poll(&pfd, 1, (int)(left * 1000.0) + 1);
		if (pr < 0 && errno != EINTR)
			return -1;
		if (pr <= 0)
			continue;
		ssize_t n = read(fd, chunk, sizeof chunk);
		if (n < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (n <= 0) {
			eof = 1;
			continue;
		}
		if (got->len + (size_t)n <= (size_t)WIRE_MAX_RECORD + 4) {
			if (got->cap < got->len + (size_t)n) {
				got->cap = got->len + (size_t)n + sizeof chunk;
				got->data = xrealloc(got->data, got->cap);
			}
			memcpy(got->data + got->len, chunk, (size_t)n);
			got->len += (size_t)n;
		}
	}
}

/* The child's answer: the descriptor checked again here (the child ran the
 * file's code), or its refusal. */
static int answer(const wire_buf *got, const char *path, const char *name, loaded_plugin **out,
                  char *err, size_t errlen)
{
	wire_record rec;
	char why[256];
	long n = wire_decode(got->data, got->len, NULL, &rec, why, sizeof why);
	int r = PK2D_ERR_INVALID;
	if (n < 0)
		snprintf(err, errlen, "the loading process sent a malformed answer: %s", why);
	else if (n == 0 || (size_t)n != got->len)
		snprintf(err, errlen, "the loading process sent %s", n == 0 ? "no answer" :
		         "more than one answer");
	else if (rec.type == WIRE_REFUSED)
		snprintf(err, errlen, "%s", rec.text);
	else if (rec.type != WIRE_DESCRIPTOR)
		snprintf(err, errlen, "the loading process sent record type %d, not a descriptor",
		         rec.type);
	else if (strcmp(rec.desc.name, name) != 0)
		snprintf(err, errlen, "the loading process sent the descriptor of '%.64s', not '%s'",
		         rec.desc.name, name);
	else if (rec.desc.abi_major != PK2D_ABI_MAJOR || rec.desc.abi_minor > PK2D_ABI_MINOR)
		snprintf(err, errlen, "the loading process sent ABI %u.%u, this pk2d has %d.%d",
		         rec.desc.abi_major, rec.desc.abi_minor, PK2D_ABI_MAJOR, PK2D_ABI_MINOR);
	else {
		*out = loader_copy(&rec.desc, path);
		r = 0;
	}
	wire_record_clear(&rec);
	return r;
}

int probe_plugin(const char *path, const char *name, double timeout, loaded_plugin **out,
                 char *err, size_t errlen)
{
	*out = NULL;
	int p[2];
	if (pipe(p) < 0) {
		snprintf(err, errlen, "cannot create a pipe: %s", strerror(errno));
		return PK2D_ERR_IO;
	}
	pid_t pid = cleanup_fork();
	if (pid < 0) {
		snprintf(err, errlen, "cannot start a process: %s", strerror(errno));
		close(p[0]);
		close(p[1]);
		return PK2D_ERR_IO;
	}
	if (pid == 0) {
		close(p[0]);
		probe_child(p[1], path, name);
	}
	close(p[1]);
	cleanup_add_child(pid);
	wire_buf got = { 0 };
	int status = 0;
	int r = PK2D_ERR_INVALID;
	if (wait_answer(p[0], pid, now_seconds() + timeout, &got, &status) < 0) {
		kill(pid, SIGKILL);
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
		snprintf(err, errlen, "timed out after %g s while loading", timeout);
	} else if (WIFSIGNALED(status)) {
		snprintf(err, errlen, "killed by signal %d (%s) while loading", WTERMSIG(status),
		         runner_signal_name(WTERMSIG(status)));
	} else if (WIFEXITED(status) && WEXITSTATUS(status) != 0) {
		snprintf(err, errlen, "exit status %d while loading", WEXITSTATUS(status));
	} else {
		r = answer(&got, path, name, out, err, errlen);
	}
	cleanup_forget_child(pid);
	close(p[0]);
	wire_buf_free(&got);
	return r;
}

int probe_module(const char *path, const char *name, const probe_opts *o, loaded_plugin **out,
                 char **untrusted, char *err, size_t errlen)
{
	*out = NULL;
	*untrusted = NULL;
	char why[1024];
	int r = trust_check(path, why, sizeof why);
	if (r == PK2D_ERR_CONFIG && o->allow_untrusted) {
		*untrusted = xstrdup(why);
	} else if (r == PK2D_ERR_CONFIG) {
		snprintf(err, errlen, "%s (%s)", why, TRUST_OVERRIDE);
		return r;
	} else if (r < 0) {
		snprintf(err, errlen, "%s", why);
		return r;
	}
	r = o->no_fork ? loader_load(path, name, out, err, errlen)
	               : probe_plugin(path, name, o->timeout, out, err, errlen);
	if (r < 0) {
		free(*untrusted);
		*untrusted = NULL;
	}
	return r;
}
