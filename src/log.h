/*
 * log.h - messages on stderr ("pk2d: file:line: what"), the verbosity switch,
 * and a list that collects errors so that all of them can be shown at once.
 */
#ifndef PK2D_LOG_H
#define PK2D_LOG_H

#include <stdarg.h>
#include <stddef.h>

/* Verbosity: -1 errors only (-q), 0 errors and warnings, 1 and info (-v),
 * 2 and debug (-vv). Levels are enum pk2d_log_level. */
void log_set_verbosity(int v);
int log_verbosity(void);
/* Non-zero when a message of this level is shown. */
int log_enabled(int level);

/* "pk2d: what" (errors), "pk2d: warning: what" (warnings), "pk2d: what"
 * for info and debug. */
void log_msg(int level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void log_vmsg(int level, const char *fmt, va_list ap);

/* Error messages gathered during one step (configuration, model, loading)
 * and printed together. Each item is the whole text ("file:line: what"). */
typedef struct msglist {
	char **items;
	size_t n, cap;
} msglist;

/* Adds "file:line: what"; without line when line is 0, without "file:" when
 * file is NULL. */
void msglist_add(msglist *l, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void msglist_vadd(msglist *l, const char *file, int line, const char *fmt, va_list ap);
/* Logs every item as an error. */
void msglist_print(const msglist *l);
void msglist_free(msglist *l);

#endif
