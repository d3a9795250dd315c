/*
 * log.c - messages on stderr and the error list.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "log.h"
#include "pk2d/plugin.h"

static int verbosity;
static log_hold *held;
/* Width of the progress line on the terminal; 0 when none is shown. */
static size_t progress_width;

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

int log_progress_wanted(int stderr_is_tty, int v)
{
	return stderr_is_tty && v >= 0;
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

void log_progress(const char *text)
{
	size_t w = strlen(text);

	/* Spaces over what is left of a longer previous line. */
	fprintf(stderr, "\r%s%*s", text, progress_width > w ? (int)(progress_width - w) : 0, "");
	fflush(stderr);
	progress_width = w > 0 ? w : 1;
}

void log_progress_end(void)
{
	if (progress_width == 0)
		return;
	fprintf(stderr, "\r%*s\r", (int)progress_width, "");
	fflush(stderr);
	progress_width = 0;
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
