/*
 * log.c - messages on stderr and the error list.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "pk2d/plugin.h"

static int verbosity;

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

void log_vmsg(int level, const char *fmt, va_list ap)
{
	if (!log_enabled(level))
		return;
	/* One fprintf per message keeps lines whole when children share stderr. */
	char buf[4096];
	vsnprintf(buf, sizeof buf, fmt, ap);
	fprintf(stderr, "pk2d: %s%s\n", level == PK2D_LOG_WARNING ? "warning: " : "", buf);
}

void log_msg(int level, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	log_vmsg(level, fmt, ap);
	va_end(ap);
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
