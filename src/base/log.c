/*
 * log.c - messages on stderr and the error list.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "log.h"
#include "pk2d/plugin.h"

static int verbosity;
static log_hold *held;
/* Lines of the progress block on the terminal; 0 when none is shown. */
static size_t progress_lines;

void log_set_verbosity(int v)
{
	verbosity = v;
}

int log_verbosity(void)
{
	return verbosity;
}

int log_enabled(int level)
{
	switch (level) {
	case PK2D_LOG_ERROR:
		return 1;
	case PK2D_LOG_WARNING:
		return verbosity >= 0;
	case PK2D_LOG_INFO:
		return verbosity >= 1;
	default:
		return verbosity >= 2;
	}
}

static void hold_add(log_hold *h, int level, const char *text)
{
	if (h->n == h->cap) {
		size_t cap = h->cap ? h->cap * 2 : 8;
		char **t = realloc(h->text, cap * sizeof *t);
		int *l;

		if (!t)
			abort();
		h->text = t;
		if (!(l = realloc(h->level, cap * sizeof *l)))
			abort();
		h->level = l;
		h->cap = cap;
	}
	if (!(h->text[h->n] = strdup(text)))
		abort();
	h->level[h->n++] = level;
}

void log_hold_start(log_hold *hold)
{
	hold->pid = (long)getpid();
	held = hold;
}

void log_hold_stop(void)
{
	held = NULL;
}

void log_hold_free(log_hold *hold)
{
	for (size_t i = 0; i < hold->n; i++)
		free(hold->text[i]);
	free(hold->text);
	free(hold->level);
	hold->text = NULL;
	hold->level = NULL;
	hold->n = hold->cap = 0;
}

/* Shows (or holds) one message of level that is to be shown. */
static void show(int level, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));

static void show(int level, const char *fmt, va_list ap)
{
	/* One fprintf per message keeps lines whole when children share stderr. */
	char buf[4096];
	vsnprintf(buf, sizeof buf, fmt, ap);
	if (held && held->pid == (long)getpid()) {
		hold_add(held, level, buf);
		return;
	}
	log_progress_end();
	fprintf(stderr, "pk2d: %s%s\n", level == PK2D_LOG_WARNING ? "warning: " : "", buf);
}

void log_vmsg(int level, const char *fmt, va_list ap)
{
	if (log_enabled(level))
		show(level, fmt, ap);
}

void log_summary(int failed, const char *fmt, ...)
{
	va_list ap;

	if (!failed && verbosity < 0)
		return;
	va_start(ap, fmt);
	show(PK2D_LOG_INFO, fmt, ap);
	va_end(ap);
}

void log_msg(int level, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	log_vmsg(level, fmt, ap);
	va_end(ap);
}

int log_progress_mode(int stderr_is_tty, int v)
{
	if (stderr_is_tty)
		return v >= 0 ? LOG_PROGRESS_REDRAW : LOG_PROGRESS_NONE;
	return v >= 1 ? LOG_PROGRESS_LINES : LOG_PROGRESS_NONE;
}

int log_progress_due(double started, double last, double now)
{
	if (now - started < LOG_PROGRESS_DELAY)
		return 0;
	return last < 0 || now - last >= LOG_PROGRESS_INTERVAL;
}

char *log_progress_text(char *buf, size_t len, size_t done, size_t total,
                        const char *running, double elapsed)
{
	int n;

	if (running[0] == '\0')
		n = snprintf(buf, len, "plugins: %zu/%zu done (%.1f s)", done, total, elapsed);
	else
		n = snprintf(buf, len, "plugins: %zu/%zu done (%s running, %.1f s)", done, total,
		             running, elapsed);
	/* Cut inside the running list: the counts and the time matter more. */
	if (n >= 0 && (size_t)n >= len && len > 4) {
		char tail[64];
		int t = snprintf(tail, sizeof tail, "... running, %.1f s)", elapsed);
		if (t > 0 && (size_t)t < len)
			memcpy(buf + len - 1 - (size_t)t, tail, (size_t)t + 1);
	}
	return buf;
}

char *log_read_text(char *buf, size_t len, const char *name, const char *path,
                    uint64_t done, uint64_t size, long rows)
{
	const char *base = strrchr(path, '/');
	uint64_t big = size > done ? size : done;
	double unit = big >= 1000000000u ? 1e9 : big >= 1000000u ? 1e6 : 1e3;
	const char *uname = unit == 1e9 ? "GB" : unit == 1e6 ? "MB" : "kB";

	base = base ? base + 1 : path;
	if (size == 0)
		snprintf(buf, len, "%s: %s: %.1f %s, %ld rows", name, base, (double)done / unit,
		         uname, rows);
	else
		snprintf(buf, len, "%s: %s: %.1f of %.1f %s (%d%%), %ld rows", name, base,
		         (double)done / unit, (double)size / unit, uname,
		         done >= size ? 100 : (int)(done * 100 / size), rows);
	return buf;
}

/* Columns of the terminal behind stderr (80 when it does not say). */
static size_t term_columns(void)
{
	struct winsize ws;

	if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 1)
		return ws.ws_col;
	return 80;
}

/* Back to the start of the block's first line. */
static void progress_home(void)
{
	if (progress_lines > 1)
		fprintf(stderr, "\033[%zuA", progress_lines - 1);
	fputc('\r', stderr);
}

void log_progress(const char *text)
{
	size_t cols = term_columns(), lines = 0;

	progress_home();
	for (const char *p = text;; p++) {
		size_t n = strcspn(p, "\n");
		size_t w = n < cols - 1 ? n : cols - 1;

		/* A line never wraps, or the block's height would be wrong;
		 * a cut never splits a UTF-8 character. */
		while (w < n && w > 0 && ((unsigned char)p[w] & 0xC0) == 0x80)
			w--;
		fwrite(p, 1, w, stderr);
		lines++;
		p += n;
		if (*p == '\0')
			break;
		fputs("\033[K\n", stderr);
	}
	fputs("\033[J", stderr);
	fflush(stderr);
	progress_lines = lines;
}

void log_progress_end(void)
{
	if (progress_lines == 0)
		return;
	progress_home();
	fputs("\033[J", stderr);
	fflush(stderr);
	progress_lines = 0;
}

void log_phase(const char *fmt, ...)
{
	char text[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	switch (log_progress_mode(isatty(STDERR_FILENO), verbosity)) {
	case LOG_PROGRESS_REDRAW:
		log_progress(text);
		break;
	case LOG_PROGRESS_LINES:
		log_msg(PK2D_LOG_INFO, "%s", text);
		break;
	}
}

void msglist_vadd(msglist *l, const char *file, int line, const char *fmt, va_list ap)
{
	char what[2048], text[4096];
	vsnprintf(what, sizeof what, fmt, ap);
	if (file && line > 0)
		snprintf(text, sizeof text, "%s:%d: %s", file, line, what);
	else if (file)
		snprintf(text, sizeof text, "%s: %s", file, what);
	else
		snprintf(text, sizeof text, "%s", what);
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 8;
		char **items = realloc(l->items, cap * sizeof *items);
		if (!items)
			abort();
		l->items = items;
		l->cap = cap;
	}
	char *copy = strdup(text);
	if (!copy)
		abort();
	l->items[l->n++] = copy;
}

void msglist_add(msglist *l, const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	msglist_vadd(l, file, line, fmt, ap);
	va_end(ap);
}

void msglist_print(const msglist *l)
{
	for (size_t i = 0; i < l->n; i++)
		log_msg(PK2D_LOG_ERROR, "%s", l->items[i]);
}

void msglist_free(msglist *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->items[i]);
	free(l->items);
	l->items = NULL;
	l->n = l->cap = 0;
}
