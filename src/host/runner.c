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
#include "parts.h"
#include "log.h"
#include "runner.h"
#include "utf8.h"
#include "util.h"

/* Bytes read from a child at a time. */
#define READ_CHUNK 65536

/* CHILD_HELD: a held part (below) whose process has ended, finished once
 * its job's split ends. */
enum child_state { CHILD_WAITING, CHILD_RUNNING, CHILD_HELD, CHILD_DONE };

struct child {
	runner_job *job;
	size_t part;              /* which of the job's parts */
	struct child *siblings;   /* the job's children, part 0 first */
	api_part apart;           /* the part its api reads */
	plugin_run own;           /* what it reported (its sink's run): merged
	                             into the job's run when the last part ends */
	char *reason;             /* why it failed, once done; NULL when it did not */
	char **outputs;           /* output files it writes a share of */
	size_t n_outputs;
	double end;
	int state;
	pid_t pid;
	int fd;                   /* read end of the pipe; -1 once closed */
	unsigned char *buf;       /* bytes read and not decoded yet */
	size_t len, cap;
	size_t offset;            /* stream offset of buf[0] */
	wire_names names;         /* the names its stream has given */
	double start, deadline;
	int init_done, ended, end_stage, end_code;
	int reaped, status;
	int held;                 /* started before its job's split ended: its
	                             records that reach the registry or the
	                             run wait in hold until it does */
	unsigned char *hold;
	size_t hold_len, hold_cap;
	int again;                /* part 0 run again as the whole file: its
	                             declarations were made by the first run */
	int doomed;               /* a part of a file found not in parts, to be
	                             dropped when it ends */
	char *failure;            /* malformed stream or time limit */
	registry_sink sink;
	/* The last PROGRESS record: the file it reads and how far. */
	char *reading;
	uint64_t read_done, read_size;
	long read_rows;
	uint64_t part_done;       /* how far it has read its part of the file its */
	long part_rows;           /* job reads in parts (part 0 from the header) */
	double said;              /* LOG_PROGRESS_LINES: when it was last shown */
	int progress;             /* enum log_progress_mode of the run */
};

/* Whether c reads, now, the file its job reads in parts. */
static int reads_its_part(const struct child *c)
{
	return c->apart.count > 1 && c->reading && !strcmp(c->reading, c->apart.path);
}

/* Keeps how far c has read its part from done, the bytes its reader has
 * read (the header's block and then its part's: counted up to the part's
 * length, part 0 from the file's start), so that a file read in parts
 * shows as one file. */
static void note_part(struct child *c, uint64_t done, long rows, int whole)
{
	const csv_range *r = &c->apart.range;
	uint64_t from = c->part ? (uint64_t)r->start : 0, len = (uint64_t)r->end - from;

	c->part_done = whole || done > len ? len : done;
	c->part_rows = rows;
}

/* How far c's job has read what c reads: every part of a file read in
 * parts summed (the rows and bytes of the parts done and of the running
 * ones so far), else c's own figures. */
static void job_read(const struct child *c, uint64_t *done, long *rows)
{
	*done = c->read_done;
	*rows = c->read_rows;
	if (!reads_its_part(c))
		return;
	*done = 0;
	*rows = 0;
	for (size_t k = 0; k < c->apart.count; k++) {
		*done += c->siblings[k].part_done;
		*rows += c->siblings[k].part_rows;
	}
}

/* Whether an earlier part of c's job, running and reading the same file,
 * already shows the file's line (the parts' sum) in the block. */
static int shown_by_sibling(const struct child *c)
{
	if (!reads_its_part(c))
		return 0;
	for (size_t k = 0; k < c->part; k++)
		if (c->siblings[k].state == CHILD_RUNNING && reads_its_part(&c->siblings[k]))
			return 1;
	return 0;
}

/* Redraws the progress block when it is due: instances finished of those
 * that run (an instance read in parts is finished with its last part), the
 * names of the running ones, the time since the start; then how far each
 * running one has read its file. */
static void show_progress(const struct child *cs, size_t n, double started, double *drawn)
{
	char running[256] = "", block[2048];
	size_t done = 0, total = 0, used = 0, at;
	double now = now_seconds();

	if (!log_progress_due(started, *drawn, now))
		return;
	for (size_t i = 0; i < n; i++) {
		size_t parts_done = 0, parts_running = 0;

		if (!cs[i].job->lp || cs[i].part)
			continue; /* an instance once, by its first part */
		for (size_t k = 0; k < cs[i].apart.count; k++) {
			parts_done += cs[i].siblings[k].state == CHILD_DONE;
			parts_running += cs[i].siblings[k].state == CHILD_RUNNING;
		}
		total++;
		done += parts_done == cs[i].apart.count;
		if (parts_running && used < sizeof running) {
			int w = snprintf(running + used, sizeof running - used, "%s%s",
			                 used ? ", " : "", cs[i].job->cp->instance);
			used += w > 0 ? (size_t)w : 0;
		}
	}
	log_progress_text(block, sizeof block, done, total, running, now - started);
	at = strlen(block);
	for (size_t i = 0; i < n && at + 2 < sizeof block; i++) {
		if (cs[i].state != CHILD_RUNNING || !cs[i].reading || shown_by_sibling(&cs[i]))
			continue;
		memcpy(block + at, "\n  ", 3);
		at += 3;
		uint64_t bytes;
		long rows;
		job_read(&cs[i], &bytes, &rows);
		log_read_text(block + at, sizeof block - at, cs[i].job->cp->instance,
		              cs[i].reading, bytes, cs[i].read_size, rows);
		at += strlen(block + at);
	}
	log_progress(block);
	*drawn = now;
}

/* The plain line of how far c's job has read c's file. */
static void say_read(struct child *c)
{
	char line[512];
	uint64_t done;
	long rows;

	c->said = now_seconds();
	job_read(c, &done, &rows);
	log_msg(PK2D_LOG_INFO, "%s", log_read_text(line, sizeof line, c->job->cp->instance,
	        c->reading, done, c->read_size, rows));
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
	if (reads_its_part(c))
		note_part(c, rec->done, rec->records, 0);
	if (c->progress == LOG_PROGRESS_LINES && now_seconds() - c->said >= LOG_PROGRESS_LINES_EVERY)
		say_read(c);
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
	c->read_rows = st->records;
	if (reads_its_part(c))
		note_part(c, 0, st->records, 1);
	say_read(c);
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
static void report_end(const plugin_run *run, long logged_refusals, int hold)
{
	if (run->state == RUN_FAILED && hold)
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
	sink.keep = cfg->lokus_villages;
	sink.n_keep = cfg->n_lokus_villages;
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
	report_end(run, sink.logged_refusals, sink.hold);
}

/* ----------------------------------------------------------------- child */

static void child_main(const conf *cfg, const areas *ar, runner_job *job, const api_part *part,
                       int declare_only, int progress) __attribute__((noreturn));

static void child_main(const conf *cfg, const areas *ar, runner_job *job, const api_part *part,
                       int declare_only, int progress)
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
	api_host_set_part(h, part);
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

/* Starts c's process: 0, or -1 with c->failure saying why (c is then to
 * be finished). */
static int start_child(const conf *cfg, const areas *ar, registry *reg, struct child *c,
                       struct child *all, size_t n, const runner_opts *opts)
{
	plugin_run *run = c->job->run;
	int p[2];
	if (c->apart.count > 1)
		c->apart.range = c->job->parts[c->part];
	c->held = c->job->split != NULL;
	c->start = now_seconds();
	if (pipe(p) < 0) {
		c->failure = xasprintf("cannot create a pipe: %s", strerror(errno));
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
	c->start = c->said = now_seconds();
	c->deadline = c->start + c->job->cp->timeout;
	pid_t pid = cleanup_fork();
	if (pid < 0) {
		close(p[0]);
		close(p[1]);
		c->failure = xasprintf("cannot start a process: %s", strerror(errno));
		return -1;
	}
	if (pid == 0) {
		close(p[0]);
		child_fds(p[1], all, n);
		child_main(cfg, ar, c->job, &c->apart, opts->declare_only, c->progress);
	}
	close(p[1]);
	cleanup_add_child(pid);
	c->pid = pid;
	c->fd = p[0];
	c->state = CHILD_RUNNING;
	c->own.instance = run->instance;
	registry_sink_init(&c->sink, reg, &c->own, run->agency, cfg->period);
	c->sink.hold = opts->hold_messages;
	c->sink.keep = cfg->lokus_villages;
	c->sink.n_keep = cfg->n_lokus_villages;
	if (c->apart.count > 1)
		log_msg(PK2D_LOG_DEBUG, "%s: part %zu of %zu started (pid %ld)", run->instance,
		        c->part + 1, c->apart.count, (long)pid);
	else
		log_msg(PK2D_LOG_DEBUG, "%s: started (pid %ld)", run->instance, (long)pid);
	return 0;
}

/* ---------------------------------------------------------------- parent */

static void malformed(struct child *c, size_t at, const char *why)
{
	if (!c->failure)
		c->failure = xasprintf("malformed record at byte %zu: %s", at, why);
}

/* Delivers a record of what c found: its values to the registry, its
 * messages and files' statistics to its run. */
static void deliver(struct child *c, wire_record *rec)
{
	api_sink *s = &c->sink.base;

	switch (rec->type) {
	case WIRE_VALUE:
		s->value(s, &rec->value);
		break;
	case WIRE_NAMED:
		registry_sink_named(&c->sink, &rec->value, rec->named);
		break;
	case WIRE_IVALUE:
		s->ivalue(s, &rec->ivalue);
		break;
	case WIRE_FOLDED:
		s->folded(s, &rec->value);
		break;
	case WIRE_RTS:
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
	}
}

/* Delivers rec now, or, in a held part, keeps its n bytes raw for later. */
static void deliver_or_hold(struct child *c, wire_record *rec, const unsigned char *raw,
                            size_t n)
{
	if (!c->held) {
		deliver(c, rec);
		return;
	}
	if (c->hold_cap - c->hold_len < n) {
		c->hold_cap = (c->hold_len + n) * 2;
		c->hold = xrealloc(c->hold, c->hold_cap);
	}
	memcpy(c->hold + c->hold_len, raw, n);
	c->hold_len += n;
}

/* A part writes its share of path: removed if it fails, and by the
 * signal handlers. */
static void note_output(struct child *c, const char *path)
{
	for (size_t i = 0; i < c->n_outputs; i++)
		if (!strcmp(c->outputs[i], path))
			return;
	c->outputs = xrealloc(c->outputs, (c->n_outputs + 1) * sizeof *c->outputs);
	c->outputs[c->n_outputs++] = xstrdup(path);
	char *mine = api_part_path(path, c->part);
	cleanup_add_file(mine);
	free(mine);
}

/* Applies one decoded record, its n bytes at raw; a record out of place is
 * malformed. */
static void apply(struct child *c, wire_record *rec, const unsigned char *raw, size_t n,
                  size_t at)
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
		/* The instance's declarations are part 0's (its first run's). */
		if (c->part > 0 || c->again)
			break;
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
	case WIRE_NAMED:
	case WIRE_IVALUE:
	case WIRE_FOLDED:
	case WIRE_RTS:
		if (!c->init_done) {
			malformed(c, at, "a value before init finished");
			return;
		}
		deliver_or_hold(c, rec, raw, n);
		break;
	case WIRE_LOG:
	case WIRE_FILE:
		deliver_or_hold(c, rec, raw, n);
		break;
	case WIRE_PROGRESS:
		note_progress(c, rec);
		break;
	case WIRE_NAME:
		/* Given to c->names by the decoder; a held part's NAMED
		 * records are decoded again with the names they had. */
		if (c->held)
			deliver_or_hold(c, rec, raw, n);
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
	case WIRE_OUTPUT:
		if (c->apart.count < 2) {
			malformed(c, at, "an output of a part in a run of one part");
			return;
		}
		note_output(c, rec->text);
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
		long r = wire_decode(c->buf + pos, c->len - pos, &c->names, &rec, why, sizeof why);
		if (r == 0)
			break;
		if (r < 0) {
			malformed(c, c->offset + pos, why);
			break;
		}
		apply(c, &rec, c->buf + pos, (size_t)r, c->offset + pos);
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

/* Moves what a part reported into the instance's run: counts, messages,
 * and its files' statistics, except that a part other than the first
 * counts only the file read in parts (split, as the reader names it): the
 * other files every part reads whole. */
static void merge_part(plugin_run *run, plugin_run *own, size_t part, const char *split)
{
	run->values += own->values;
	run->refused += own->refused;
	for (size_t i = 0; i < own->n_files; i++) {
		csv_stats *f = own->files[i];
		size_t j = 0;

		if (part > 0) {
			while (j < run->n_files && strcmp(run->files[j]->path, f->path))
				j++;
			if (split && !strcmp(f->path, split) && j < run->n_files)
				csv_stats_merge(run->files[j], f);
			if (!split || strcmp(f->path, split) || j < run->n_files) {
				csv_stats_free(f);
				continue;
			}
		}
		run->files = xrealloc(run->files, (run->n_files + 1) * sizeof *run->files);
		run->files[run->n_files++] = f;
	}
	free(own->files);
	own->files = NULL;
	own->n_files = 0;
	if (own->n_held) {
		run->held = xrealloc(run->held, (run->n_held + own->n_held) * sizeof *run->held);
		memcpy(run->held + run->n_held, own->held, own->n_held * sizeof *own->held);
		run->n_held += own->n_held;
	}
	free(own->held);
	own->held = NULL;
	own->n_held = 0;
}

static int has_output(const struct child *c, const char *path)
{
	for (size_t i = 0; i < c->n_outputs; i++)
		if (!strcmp(c->outputs[i], path))
			return 1;
	return 0;
}

/* The job's last part has ended: its run as a whole, from its n parts. */
static void finish_job(struct child *parts, size_t n, registry *reg)
{
	runner_job *job = parts[0].job;
	plugin_run *run = job->run;
	char *reason = NULL, *clean = NULL, err[1024];
	const char *split = NULL;
	double start = parts[0].start, end = parts[0].end;
	long logged = 0;
	int fixed;

	/* The reader names a file as it was repaired (utf8.h). */
	if (job->parts_path && !(split = clean = utf8_clean_dup(job->parts_path, &fixed)))
		split = job->parts_path;
	for (size_t k = 0; k < n; k++) {
		struct child *c = &parts[k];

		merge_part(run, &c->own, k, split);
		logged += c->sink.logged_refusals;
		start = c->start < start ? c->start : start;
		end = c->end > end ? c->end : end;
		if (c->reason && !reason) {
			reason = n > 1 ? xasprintf("part %zu of %zu: %s", k + 1, n, c->reason)
			               : xstrdup(c->reason);
			run->error_call = c->own.error_call;
			run->error_code = c->own.error_code;
		}
	}
	free(clean);
	/* Each part's share of an output file: joined when all went well. */
	for (size_t k = 0; k < n; k++)
		for (size_t i = 0; i < parts[k].n_outputs; i++) {
			const char *path = parts[k].outputs[i];
			size_t first = 0;

			while (first < k && !has_output(&parts[first], path))
				first++;
			if (first < k)
				continue;
			if (!reason && k == 0 && parts_join(path, n, err, sizeof err) < 0)
				reason = xstrdup(err);
			else if (reason || k > 0)
				parts_remove(path, n);
		}
	run->seconds = end - start;
	if (reason)
		mark_failed(run, reg, reason);
	else
		run->state = RUN_OK;
	report_end(run, logged, parts[0].sink.hold);
}

/* Why c failed, or NULL. */
static char *part_reason(struct child *c)
{
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
	return reason;
}

/* c has ended (or could not start); the last of its job's parts finishes
 * the job. A held part waits for its job's split. */
static void finish(struct child *c, registry *reg)
{
	struct child *parts = c->siblings;
	size_t n = c->apart.count;

	close_fd(c);
	if (c->state != CHILD_HELD)
		c->end = now_seconds();
	if (c->held) {
		c->state = CHILD_HELD;
		log_msg(PK2D_LOG_DEBUG, "%s: part %zu ended, held until the split ends",
		        c->job->run->instance, c->part + 1);
		return;
	}
	c->reason = part_reason(c);
	free(c->buf);
	c->buf = NULL;
	c->len = c->cap = 0;
	wire_names_free(&c->names);
	c->state = CHILD_DONE;
	for (size_t k = 0; k < n; k++)
		if (parts[k].state != CHILD_DONE)
			return;
	finish_job(parts, n, reg);
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

/* How many children job runs as: while its split is made, as many as it
 * may have parts. */
static size_t n_parts_of(const runner_job *job, const runner_opts *opts)
{
	return job->n_parts > 1 && !opts->declare_only ? job->n_parts : 1;
}

/* Whether c may start now: its part's end is known. */
static int startable(const struct child *c)
{
	const runner_job *job = c->job;

	return c->state == CHILD_WAITING && (!job->split || c->part + 1 < job->n_found);
}

/* Delivers what held part c kept, and finishes it if it has ended. */
static void release(struct child *c, registry *reg)
{
	wire_names names = { 0 };

	for (size_t pos = 0; pos < c->hold_len;) {
		wire_record rec;
		char why[256];
		long r = wire_decode(c->hold + pos, c->hold_len - pos, &names, &rec, why,
		                     sizeof why);

		if (r <= 0)
			break; /* cannot be: decoded once already */
		deliver(c, &rec);
		wire_record_clear(&rec);
		pos += (size_t)r;
	}
	wire_names_free(&names);
	free(c->hold);
	c->hold = NULL;
	c->hold_len = c->hold_cap = 0;
	c->held = 0;
	if (c->state == CHILD_HELD)
		finish(c, reg);
}

/* Undoes what part c, ended, did of a file that is not read in parts
 * after all: its share of every output file removed, what it held
 * dropped. Part 0 then waits to run again as the whole file, any other is
 * done, as nothing. */
static void drop(struct child *c)
{
	for (size_t i = 0; i < c->n_outputs; i++) {
		char *mine = api_part_path(c->outputs[i], c->part);
		unlink(mine);
		cleanup_forget_file(mine);
		free(mine);
		free(c->outputs[i]);
	}
	free(c->outputs);
	free(c->buf);
	wire_names_free(&c->names);
	free(c->hold);
	free(c->failure);
	free(c->reading);
	log_msg(PK2D_LOG_DEBUG, "%s: part %zu dropped: the file is read in one part",
	        c->job->run->instance, c->part + 1);
	*c = (struct child){ .job = c->job, .part = c->part, .siblings = c->siblings,
	                     .apart = c->apart, .fd = -1,
	                     .state = c->part ? CHILD_DONE : CHILD_WAITING,
	                     .again = c->part == 0, .progress = c->progress };
	c->apart.count = 1;
}

/* The split of the job whose n children are parts has ended: the parts
 * found start or go on as any part, the others never start; or, the file
 * not in parts after all, every part started is dropped and part 0 reads
 * the whole file. */
static void split_ended(struct child *parts, size_t n, registry *reg)
{
	const runner_job *job = parts[0].job;
	size_t count = job->n_parts;

	if (count < 2) {
		/* A part still running is dropped when it ends (below): a
		 * process killed could leave files it was writing, and part 0
		 * must have made all its declarations before it runs again. */
		for (size_t k = 0; k < n; k++) {
			if (parts[k].state == CHILD_RUNNING)
				parts[k].doomed = 1;
			else if (parts[k].state == CHILD_HELD)
				drop(&parts[k]);
			else if (k > 0)
				parts[k].state = CHILD_DONE;
			else
				parts[0].apart.count = 1;
		}
		return;
	}
	for (size_t k = 0; k < n; k++) {
		parts[k].apart.count = count;
		if (k < count)
			parts[k].apart.range = job->parts[k];
		else
			parts[k].state = CHILD_DONE;
	}
	for (size_t k = 0; k < count; k++)
		if (parts[k].held)
			release(&parts[k], reg);
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
	/* The children job by job, part by part; order: the order they start
	 * and apply their records in, every part 0 first. */
	size_t *first = xcalloc(n + 1, sizeof *first), nc = 0;
	for (size_t i = 0; i < n; i++) {
		first[i] = nc;
		nc += n_parts_of(&jobs[i], opts);
	}
	first[n] = nc;
	struct child *cs = xcalloc(nc ? nc : 1, sizeof *cs);
	size_t *order = xcalloc(nc ? nc : 1, sizeof *order), no = 0;
	for (size_t i = 0; i < n; i++)
		order[no++] = first[i];
	/* then the other parts, one of each job in turn: a job's parts all
	 * left to the end would leave the last of them running alone */
	for (size_t k = 1; no < nc; k++)
		for (size_t i = 0; i < n; i++)
			if (first[i] + k < first[i + 1])
				order[no++] = first[i] + k;
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < first[i + 1] - first[i]; k++) {
			struct child *c = &cs[first[i] + k];
			size_t np = first[i + 1] - first[i];
			c->job = &jobs[i];
			c->part = k;
			c->siblings = &cs[first[i]];
			c->apart = (api_part){ .index = k, .count = np, .path = jobs[i].parts_path };
			c->fd = -1;
			c->state = jobs[i].lp ? CHILD_WAITING : CHILD_DONE;
			c->progress = progress;
		}
	/* The children's descriptors, then the splits'. */
	struct pollfd *pfd = xcalloc(nc + n, sizeof *pfd);
	size_t max_jobs = opts->jobs > 0 ? (size_t)opts->jobs : 1, splitting = 0;
	double started = now_seconds(), drawn = -1;
	for (;;) {
		size_t running = 0, pending = 0;
		/* Before the poll, which would not wake for a part with no
		 * process. */
		for (size_t i = 0; i < nc; i++)
			if (cs[i].doomed && cs[i].state == CHILD_HELD)
				drop(&cs[i]);
		for (size_t i = 0; i < nc; i++) {
			running += cs[i].state == CHILD_RUNNING;
			pending += cs[i].state != CHILD_DONE;
		}
		if (!pending)
			break;
		/* The splits, up to max_jobs files read at once beside the
		 * children. */
		for (size_t i = 0; i < n && splitting < max_jobs; i++) {
			if (!jobs[i].split || parts_split_fd(&jobs[i]) >= 0)
				continue;
			if (parts_split_start(&jobs[i]))
				splitting++;
			else
				split_ended(&cs[first[i]], first[i + 1] - first[i], reg);
		}
		/* Each child in order once its part is known, except that
		 * the instances' part 0 start in configuration order, so that
		 * their declarations land in it and a later instance's
		 * children never wait on one that cannot start. */
		for (size_t oi = 0; oi < nc && running < max_jobs; oi++) {
			struct child *c = &cs[order[oi]];
			if (!startable(c)) {
				if (c->state == CHILD_WAITING && c->part == 0)
					break;
				continue;
			}
			if (start_child(cfg, ar, reg, c, cs, nc, opts) == 0)
				running++;
			else
				finish(c, reg);
		}

		/* Which children may apply records: every part 0 before them
		 * has finished declaring. */
		int open = 1;
		double now = now_seconds(), wait = -1;
		int need_reap = 0;
		for (size_t oi = 0; oi < nc; oi++) {
			struct child *c = &cs[order[oi]];
			pfd[oi].fd = -1;
			pfd[oi].events = POLLIN;
			pfd[oi].revents = 0;
			if (c->state == CHILD_RUNNING) {
				if (open && c->fd >= 0)
					pfd[oi].fd = c->fd;
				if (open && c->fd < 0)
					need_reap = 1;
				double left = c->deadline - now;
				if (wait < 0 || left < wait)
					wait = left < 0 ? 0 : left;
			}
			if (c->part == 0 && !c->again &&
			    (c->state == CHILD_WAITING || (c->state == CHILD_RUNNING && !c->init_done)))
				open = 0;
		}
		for (size_t i = 0; i < n; i++)
			pfd[nc + i] = (struct pollfd){ .fd = parts_split_fd(&jobs[i]), .events = POLLIN };
		/* A child that closed its pipe but has not exited yet is
		 * looked at again soon. */
		if (need_reap && (wait < 0 || wait > 0.01))
			wait = 0.01;
		if (progress == LOG_PROGRESS_REDRAW && (wait < 0 || wait > LOG_PROGRESS_INTERVAL))
			wait = LOG_PROGRESS_INTERVAL;
		int ms = wait < 0 ? -1 : (int)(wait * 1000.0) + 1;
		int pr = poll(pfd, nc + n, ms);
		if (pr < 0 && errno != EINTR) {
			log_msg(PK2D_LOG_ERROR, "poll: %s", strerror(errno));
			break;
		}
		for (size_t oi = 0; oi < nc && pr > 0; oi++) {
			struct child *c = &cs[order[oi]];
			if (pfd[oi].fd >= 0 && pfd[oi].revents && c->fd >= 0) {
				read_child(c);
				if (c->failure && c->fd >= 0) {
					close_fd(c);
					kill_child(c, NULL);
				}
			}
		}
		for (size_t i = 0; i < n && pr > 0; i++)
			if (pfd[nc + i].fd >= 0 && pfd[nc + i].revents && parts_split_read(&jobs[i])) {
				splitting--;
				split_ended(&cs[first[i]], first[i + 1] - first[i], reg);
			}
		now = now_seconds();
		for (size_t i = 0; i < nc; i++) {
			struct child *c = &cs[i];
			if (c->state != CHILD_RUNNING)
				continue;
			if (!c->reaped && now >= c->deadline) {
				kill_child(c, xasprintf("timed out after %g s", c->job->cp->timeout));
				finish(c, reg);
				continue;
			}
			if (c->fd < 0 && try_reap(c))
				finish(c, reg);
		}
		if (progress == LOG_PROGRESS_REDRAW)
			show_progress(cs, nc, started, &drawn);
	}
	log_progress_end();
	/* Only reached with children or splits left when poll itself failed. */
	for (size_t i = 0; i < n; i++)
		if (jobs[i].split) {
			parts_split_stop(&jobs[i]);
			split_ended(&cs[first[i]], first[i + 1] - first[i], reg);
		}
	for (size_t i = 0; i < nc; i++) {
		if (cs[i].state == CHILD_RUNNING) {
			close_fd(&cs[i]);
			kill_child(&cs[i], xasprintf("stopped: the host could not wait for it"));
			finish(&cs[i], reg);
		}
	}
	for (size_t i = 0; i < nc; i++) {
		free(cs[i].failure);
		free(cs[i].reading);
		free(cs[i].reason);
		free(cs[i].hold);
		for (size_t k = 0; k < cs[i].n_outputs; k++)
			free(cs[i].outputs[k]);
		free(cs[i].outputs);
	}
	for (size_t i = 0; i < n; i++)
		failed += jobs[i].lp && jobs[i].run->state == RUN_FAILED;
	free(pfd);
	free(cs);
	free(order);
	free(first);
	return failed;
}
