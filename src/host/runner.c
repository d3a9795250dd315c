/*
 * runner.c - children, the poll loop, time limits, statuses.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cleanup.h"
#include "log.h"
#include "runner.h"
#include "util.h"

/* Bytes read from a child at a time. */
#define READ_CHUNK 65536

enum child_state { CHILD_WAITING, CHILD_RUNNING, CHILD_DONE };

struct child {
	runner_job *job;
	int state;
	pid_t pid;
	int fd;                   /* read end of the pipe; -1 once closed */
	unsigned char *buf;       /* bytes read and not decoded yet */
	size_t len, cap;
	size_t offset;            /* stream offset of buf[0] */
	double start, deadline;
	int init_done, ended, end_stage, end_code;
	int reaped, status;
	char *failure;            /* malformed stream or time limit */
	registry_sink sink;
	/* The last PROGRESS record: the file it reads and how far. */
	char *reading;
	uint64_t read_done, read_size;
	long read_rows;
	double said;              /* LOG_PROGRESS_LINES: when it was last shown */
	int progress;             /* enum log_progress_mode of the run */
};

/* Redraws the progress block when it is due: instances finished of those
 * that run, the names of the running ones, the time since the start; then
 * how far each running one has read its file. */
static void show_progress(const struct child *cs, size_t n, double started, double *drawn)
{
	char running[256] = "", block[2048];
	size_t done = 0, total = 0, used = 0, at;
	double now = now_seconds();

	if (!log_progress_due(started, *drawn, now))
		return;
	for (size_t i = 0; i < n; i++) {
		if (!cs[i].job->lp)
			continue;
		total++;
		done += cs[i].state == CHILD_DONE;
		if (cs[i].state == CHILD_RUNNING && used < sizeof running) {
			int w = snprintf(running + used, sizeof running - used, "%s%s",
			                 used ? ", " : "", cs[i].job->cp->instance);
			used += w > 0 ? (size_t)w : 0;
		}
	}
	log_progress_text(block, sizeof block, done, total, running, now - started);
	at = strlen(block);
	for (size_t i = 0; i < n && at + 2 < sizeof block; i++) {
		if (cs[i].state != CHILD_RUNNING || !cs[i].reading)
			continue;
		memcpy(block + at, "\n  ", 3);
		at += 3;
		log_read_text(block + at, sizeof block - at, cs[i].job->cp->instance,
		              cs[i].reading, cs[i].read_done, cs[i].read_size, cs[i].read_rows);
		at += strlen(block + at);
	}
	log_progress(block);
	*drawn = now;
}

/* The plain line of how far c has read its file. */
static void say_read(struct child *c, long rows)
{
	char line[512];

	c->said = now_seconds();
	log_msg(PK2D_LOG_INFO, "%s", log_read_text(line, sizeof line, c->job->cp->instance,
	        c->reading, c->read_done, c->read_size, rows));
}

/* A PROGRESS record: kept for the block, or with -v on a pipe a plain line
 * LOG_PROGRESS_LINES_EVERY seconds after the start or the last one. */
static void note_progress(struct child *c, const wire_record *rec)
{
	if (!c->reading || strcmp(c->reading, rec->text)) {
		free(c->reading);
		c->reading = xstrdup(rec->text);
	}
	c->read_done = rec->done;
	c->read_size = rec->size;
	c->read_rows = rec->records;
	if (c->progress == LOG_PROGRESS_LINES && now_seconds() - c->said >= LOG_PROGRESS_LINES_EVERY)
		say_read(c, c->read_rows);
}

/* With -v on a pipe, a file closed: its line with the rows it had. */
static void note_file_closed(struct child *c, const csv_stats *st)
{
	if (c->progress != LOG_PROGRESS_LINES)
		return;
	if (!c->reading || strcmp(c->reading, st->path)) {
		free(c->reading);
		c->reading = xstrdup(st->path);
		c->read_done = c->read_size = 0;
	}
	say_read(c, st->records);
}

const char *runner_signal_name(int sig)
{
	const char *s = strsignal(sig);
	return s ? s : "unknown signal";
}

static const char *stage_name(int stage)
{
	return stage == WIRE_STAGE_INIT ? "init" : "collect";
}

/* "collect returned -4 (...)", then the first error the instance logged,
 * which names the file or line ("x.csv: No such file or directory"); the
 * call and its code are kept in the run as they are. */
static char *callback_reason(int stage, int code, const registry_sink *sink)
{
	sink->run->error_call = stage == WIRE_STAGE_INIT ? RUN_CALL_INIT : RUN_CALL_COLLECT;
	sink->run->error_code = code;
	if (sink->first_error[0])
		return xasprintf("%s returned %d (%s): %s", stage_name(stage), code,
		                 api_strerror(code), sink->first_error);
	return xasprintf("%s returned %d (%s)", stage_name(stage), code, api_strerror(code));
}

static void mark_failed(plugin_run *run, registry *reg, char *reason)
{
	run->state = RUN_FAILED;
	free(run->reason);
	run->reason = reason;
	registry_drop_plugin_values(reg, run->instance);
	run->values = 0;
}

/* The line that closes an instance: its failure (unless held), or with -v
 * its counts. */
static void report_end(const plugin_run *run, const registry_sink *sink)
{
	long logged_refusals = sink->logged_refusals;
	if (run->state == RUN_FAILED && sink->hold)
		return;
	if (run->state == RUN_FAILED)
		log_msg(PK2D_LOG_ERROR, "%s: failed: %s", run->instance, run->reason);
	else
		log_msg(PK2D_LOG_INFO, "%s: done in %.2f s: %ld values, %ld refused",
		        run->instance, run->seconds, run->values, run->refused);
	if (logged_refusals > API_REFUSALS_SHOWN)
		log_msg(PK2D_LOG_WARNING, "%s: %ld values refused in all (the first %d shown; "
		        "-vv shows every one)", run->instance, run->refused, API_REFUSALS_SHOWN);
}

/* ------------------------------------------------------------ in-process */

static void run_in_process(const conf *cfg, const areas *ar, registry *reg, runner_job *job,
                           const runner_opts *opts)
{
	plugin_run *run = job->run;
	registry_sink sink;
	registry_sink_init(&sink, reg, run, run->agency, cfg->period);
	sink.hold = opts->hold_messages;
	pk2d_host *h = api_host_new(cfg, job->cp, job->lp, ar, &sink.base);
	double t0 = now_seconds();
	void *state = NULL;
	int r = api_call_init(h, &state);
	char *reason = NULL;
	if (r) {
		reason = callback_reason(WIRE_STAGE_INIT, r, &sink);
	} else {
		if (!opts->declare_only) {
			r = api_call_collect(h, state);
			if (r)
				reason = callback_reason(WIRE_STAGE_COLLECT, r, &sink);
		}
		api_call_fini(h, state);
	}
	api_host_free(h);
	run->seconds = now_seconds() - t0;
	if (reason)
		mark_failed(run, reg, reason);
	else
		run->state = RUN_OK;
	report_end(run, &sink);
}

/* ----------------------------------------------------------------- child */

static void child_main(const conf *cfg, const areas *ar, runner_job *job, int declare_only,
                       int progress) __attribute__((noreturn));

static void child_main(const conf *cfg, const areas *ar, runner_job *job, int declare_only,
                       int progress)
{
	pipe_sink ps;
	pipe_sink_init(&ps, WIRE_FD, job->run->instance, job->run->agency, cfg->period,
	               !cfg->rt_detail);
	if (progress != LOG_PROGRESS_NONE)
		pipe_sink_progress(&ps);
	/* A plugin the parent knows by its descriptor only (probe.h) is
	 * loaded here, under the time limit, as the parent never loads one. */
	const loaded_plugin *lp = job->lp;
	loaded_plugin *own = NULL;
	if (!lp->init) {
		char err[1024];
		if (loader_load(lp->path, lp->name, &own, err, sizeof err) < 0) {
			pipe_sink_refused(&ps, err);
			_exit(0);
		}
		lp = own;
	}
	pk2d_host *h = api_host_new(cfg, job->cp, lp, ar, &ps.base);
	void *state = NULL;
	int r = api_call_init(h, &state);
	if (r) {
		pipe_sink_end(&ps, WIRE_STAGE_INIT, r);
	} else {
		pipe_sink_init_done(&ps);
		if (!declare_only)
			r = api_call_collect(h, state);
		api_call_fini(h, state);
		pipe_sink_end(&ps, r ? WIRE_STAGE_COLLECT : WIRE_STAGE_DONE, r);
	}
	api_host_free(h);
	pipe_sink_free(&ps);
	_exit(0);
}

void runner_child_setup(void)
{
	cleanup_default_signals();
	int null = open("/dev/null", O_WRONLY);
	if (null >= 0) {
		dup2(null, STDOUT_FILENO);
		if (null != STDOUT_FILENO)
			close(null);
	}
}

/* Sets up the descriptors of a new child: the pipe on WIRE_FD, every other
 * child's pipe closed, and runner_child_setup(). */
static void child_fds(int wfd, struct child *all, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (all[i].fd >= 0 && all[i].fd != wfd)
			close(all[i].fd);
	if (wfd != WIRE_FD) {
		if (dup2(wfd, WIRE_FD) < 0)
			_exit(126);
		close(wfd);
	}
	runner_child_setup();
}

static int start_child(const conf *cfg, const areas *ar, registry *reg, struct child *c,
                       struct child *all, size_t n, const runner_opts *opts)
{
	plugin_run *run = c->job->run;
	int p[2];
	if (pipe(p) < 0) {
		mark_failed(run, reg, xasprintf("cannot create a pipe: %s", strerror(errno)));
		c->state = CHILD_DONE;
		return -1;
	}
	/* The pipe must not sit on WIRE_FD itself in the parent, or the
	 * next child's dup2 would clobber it. */
	while (p[0] == WIRE_FD || p[1] == WIRE_FD) {
		int q = dup(p[0] == WIRE_FD ? p[0] : p[1]);
		if (p[0] == WIRE_FD) {
			close(p[0]);
			p[0] = q;
		} else {
			close(p[1]);
			p[1] = q;
		}
	}
	fflush(stdout);
	fflush(stderr);
	c->start = c->said = now_seconds();
	c->deadline = c->start + c->job->cp->timeout;
	pid_t pid = fork();
	if (pid < 0) {
		close(p[0]);
		close(p[1]);
		mark_failed(run, reg, xasprintf("cannot start a process: %s", strerror(errno)));
		c->state = CHILD_DONE;
		return -1;
	}
	if (pid == 0) {
		close(p[0]);
		child_fds(p[1], all, n);
		child_main(cfg, ar, c->job, opts->declare_only, c->progress);
	}
	close(p[1]);
	cleanup_add_child(pid);
	c->pid = pid;
	c->fd = p[0];
	c->state = CHILD_RUNNING;
	registry_sink_init(&c->sink, reg, run, run->agency, cfg->period);
	c->sink.hold = opts->hold_messages;
	log_msg(PK2D_LOG_DEBUG, "%s: started (pid %ld)", run->instance, (long)pid);
	return 0;
}

/* ---------------------------------------------------------------- parent */

static void malformed(struct child *c, size_t at, const char *why)
{
	if (!c->failure)
		c->failure = xasprintf("malformed record at byte %zu: %s", at, why);
}

/* Applies one decoded record; a record out of place is malformed. */
static void apply(struct child *c, wire_record *rec, size_t at)
{
	api_sink *s = &c->sink.base;
	if (c->ended) {
		malformed(c, at, "a record after the end record");
		return;
	}
	switch (rec->type) {
	case WIRE_INDICATOR:
	case WIRE_INTERVENTION:
	case WIRE_GROUP:
	case WIRE_DISPLAY:
	case WIRE_TABLE:
		if (c->init_done) {
			malformed(c, at, "a declaration after init");
			return;
		}
		if (rec->type == WIRE_INDICATOR)
			s->indicator(s, &rec->ind);
		else if (rec->type == WIRE_INTERVENTION)
			s->intervention(s, &rec->iv);
		else if (rec->type == WIRE_GROUP)
			s->group(s, &rec->group);
		else if (rec->type == WIRE_DISPLAY)
			s->display(s, &rec->display);
		else
			s->table(s, &rec->table);
		break;
	case WIRE_VALUE:
	case WIRE_IVALUE:
	case WIRE_FOLDED:
	case WIRE_RTS:
		if (!c->init_done) {
			malformed(c, at, "a value before init finished");
			return;
		}
		if (rec->type == WIRE_VALUE)
			s->value(s, &rec->value);
		else if (rec->type == WIRE_IVALUE)
			s->ivalue(s, &rec->ivalue);
		else if (rec->type == WIRE_FOLDED)
			s->folded(s, &rec->value);
		else
			s->rts(s, rec->text, rec->count, rec->rts, rec->n_rts);
		break;
	case WIRE_LOG:
		s->log(s, rec->level, rec->text);
		break;
	case WIRE_FILE:
		note_file_closed(c, rec->file);
		s->file(s, rec->file);
		rec->file = NULL;
		break;
	case WIRE_PROGRESS:
		note_progress(c, rec);
		break;
	case WIRE_INIT_DONE:
		if (c->init_done) {
			malformed(c, at, "a second end-of-init record");
			return;
		}
		c->init_done = 1;
		break;
	case WIRE_REFUSED:
		/* The file no longer loads as it did when it was probed. */
		if (!c->failure)
			c->failure = xasprintf("%s: %s", c->job->lp->path, rec->text);
		break;
	case WIRE_DESCRIPTOR:
		malformed(c, at, "a descriptor record in a run");
		return;
	case WIRE_END:
		if (rec->stage != WIRE_STAGE_INIT && !c->init_done) {
			malformed(c, at, "an end record for collect before init finished");
			return;
		}
		c->ended = 1;
		c->end_stage = rec->stage;
		c->end_code = rec->code;
		break;
	}
}

static void decode(struct child *c)
{
	size_t pos = 0;
	while (!c->failure && pos < c->len) {
		wire_record rec;
		char why[256];
		long r = wire_decode(c->buf + pos, c->len - pos, &rec, why, sizeof why);
		if (r == 0)
			break;
		if (r < 0) {
			malformed(c, c->offset + pos, why);
			break;
		}
		apply(c, &rec, c->offset + pos);
		wire_record_clear(&rec);
		pos += (size_t)r;
	}
	memmove(c->buf, c->buf + pos, c->len - pos);
	c->len -= pos;
	c->offset += pos;
}

static void close_fd(struct child *c)
{
	if (c->fd >= 0) {
		close(c->fd);
		c->fd = -1;
	}
}

static void read_child(struct child *c)
{
	if (c->cap - c->len < READ_CHUNK) {
		c->cap = c->len + READ_CHUNK;
		c->buf = xrealloc(c->buf, c->cap);
	}
	ssize_t r = read(c->fd, c->buf + c->len, READ_CHUNK);
	if (r < 0 && (errno == EINTR || errno == EAGAIN))
		return;
	if (r <= 0) {
		close_fd(c);
		if (c->len && !c->failure)
			malformed(c, c->offset, "the stream ends inside a record");
		return;
	}
	c->len += (size_t)r;
	decode(c);
}

static void finish(struct child *c, registry *reg)
{
	plugin_run *run = c->job->run;
	close_fd(c);
	run->seconds = now_seconds() - c->start;
	char *reason = NULL;
	if (c->failure) {
		reason = c->failure;
		c->failure = NULL;
	} else if (WIFSIGNALED(c->status)) {
		int sig = WTERMSIG(c->status);
		reason = xasprintf("killed by signal %d (%s)", sig, runner_signal_name(sig));
	} else if (WIFEXITED(c->status) && WEXITSTATUS(c->status) != 0) {
		reason = xasprintf("exit status %d", WEXITSTATUS(c->status));
	} else if (!c->ended) {
		reason = xasprintf("exited during %s without its end record",
		                   c->init_done ? "collect" : "init");
	} else if (c->end_stage != WIRE_STAGE_DONE) {
		reason = callback_reason(c->end_stage, c->end_code, &c->sink);
	}
	if (reason)
		mark_failed(run, reg, reason);
	else
		run->state = RUN_OK;
	report_end(run, &c->sink);
	free(c->buf);
	c->buf = NULL;
	c->len = c->cap = 0;
	c->state = CHILD_DONE;
}

static void kill_child(struct child *c, char *why)
{
	if (!c->failure)
		c->failure = why;
	else
		free(why);
	kill(c->pid, SIGKILL);
	while (waitpid(c->pid, &c->status, 0) < 0 && errno == EINTR)
		;
	c->reaped = 1;
	cleanup_forget_child(c->pid);
}

static int try_reap(struct child *c)
{
	if (c->reaped)
		return 1;
	pid_t r = waitpid(c->pid, &c->status, WNOHANG);
	if (r == c->pid) {
		c->reaped = 1;
		cleanup_forget_child(c->pid);
	}
	return c->reaped;
}

size_t runner_run(const conf *cfg, const areas *ar, registry *reg, runner_job *jobs,
                  size_t n, const runner_opts *opts)
{
	size_t failed = 0;
	if (opts->no_fork) {
		for (size_t i = 0; i < n; i++) {
			if (!jobs[i].lp)
				continue;
			run_in_process(cfg, ar, reg, &jobs[i], opts);
			failed += jobs[i].run->state == RUN_FAILED;
		}
		return failed;
	}

	int progress = log_progress_mode(isatty(STDERR_FILENO), log_verbosity());
	struct child *cs = xcalloc(n, sizeof *cs);
	for (size_t i = 0; i < n; i++) {
		cs[i].job = &jobs[i];
		cs[i].fd = -1;
		cs[i].state = jobs[i].lp ? CHILD_WAITING : CHILD_DONE;
		cs[i].progress = progress;
	}
	struct pollfd *pfd = xcalloc(n, sizeof *pfd);
	size_t next = 0;
	int max_jobs = opts->jobs > 0 ? opts->jobs : 1;
	double started = now_seconds(), drawn = -1;
	for (;;) {
		size_t running = 0, pending = 0;
		for (size_t i = 0; i < n; i++) {
			running += cs[i].state == CHILD_RUNNING;
			pending += cs[i].state != CHILD_DONE;
		}
		if (!pending)
			break;
		while (running < (size_t)max_jobs && next < n) {
			struct child *c = &cs[next++];
			if (c->state != CHILD_WAITING)
				continue;
			if (start_child(cfg, ar, reg, c, cs, n, opts) == 0)
				running++;
		}

		/* Which children may apply records: all before them have
		 * finished declaring. */
		int open = 1;
		double now = now_seconds(), wait = -1;
		int need_reap = 0;
		for (size_t i = 0; i < n; i++) {
			struct child *c = &cs[i];
			pfd[i].fd = -1;
			pfd[i].events = POLLIN;
			pfd[i].revents = 0;
			if (c->state == CHILD_RUNNING) {
				if (open && c->fd >= 0)
					pfd[i].fd = c->fd;
				if (open && c->fd < 0)
					need_reap = 1;
				double left = c->deadline - now;
				if (wait < 0 || left < wait)
					wait = left < 0 ? 0 : left;
			}
			if (c->state == CHILD_WAITING || (c->state == CHILD_RUNNING && !c->init_done))
				open = 0;
		}
		/* A child that closed its pipe but has not exited yet is
		 * looked at again soon. */
		if (need_reap && (wait < 0 || wait > 0.01))
			wait = 0.01;
		if (progress == LOG_PROGRESS_REDRAW && (wait < 0 || wait > LOG_PROGRESS_INTERVAL))
			wait = LOG_PROGRESS_INTERVAL;
		int ms = wait < 0 ? -1 : (int)(wait * 1000.0) + 1;
		int pr = poll(pfd, n, ms);
		if (pr < 0 && errno != EINTR) {
			log_msg(PK2D_LOG_ERROR, "poll: %s", strerror(errno));
			break;
		}
		for (size_t i = 0; i < n && pr > 0; i++) {
			struct child *c = &cs[i];
			if (pfd[i].fd >= 0 && pfd[i].revents && c->fd >= 0) {
				read_child(c);
				if (c->failure && c->fd >= 0) {
					close_fd(c);
					kill_child(c, NULL);
				}
			}
		}
		now = now_seconds();
		for (size_t i = 0; i < n; i++) {
			struct child *c = &cs[i];
			if (c->state != CHILD_RUNNING)
				continue;
			if (!c->reaped && now >= c->deadline) {
				kill_child(c, xasprintf("timed out after %g s", c->job->cp->timeout));
				finish(c, reg);
				failed++;
				continue;
			}
			if (c->fd < 0 && try_reap(c)) {
				finish(c, reg);
				failed += c->job->run->state == RUN_FAILED;
			}
		}
		if (progress == LOG_PROGRESS_REDRAW)
			show_progress(cs, n, started, &drawn);
	}
	log_progress_end();
	/* Only reached with children left when poll itself failed. */
	for (size_t i = 0; i < n; i++) {
		if (cs[i].state == CHILD_RUNNING) {
			close_fd(&cs[i]);
			kill_child(&cs[i], xasprintf("stopped: the host could not wait for it"));
			finish(&cs[i], reg);
			failed++;
		}
		free(cs[i].failure);
		free(cs[i].reading);
	}
	free(pfd);
	free(cs);
	return failed;
}
