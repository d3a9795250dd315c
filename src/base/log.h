/*
 * log.h - messages on stderr ("pk2d: file:line: what"), the verbosity switch,
 * and a list that collects errors so that all of them can be shown at once.
 */
#ifndef PK2D_LOG_H
#define PK2D_LOG_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* Verbosity: -1 errors only (-q), 0 errors and warnings, 1 and info (-v),
 * 2 and debug (-vv). Levels are enum pk2d_log_level. */
void log_set_verbosity(int v);
int log_verbosity(void);
/* Non-zero when a message of this level is shown. */
int log_enabled(int level);

/* "pk2d: what" (errors), "pk2d: warning: what" (warnings), "pk2d: what"
 * for info and debug. */
void log_msg(int level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void log_vmsg(int level, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* "pk2d: what", a line of the summary at the end of a run: shown without
 * -v, hidden by -q unless failed is non-zero (-q never hides what made a
 * run fail). */
void log_summary(int failed, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Messages held back instead of shown, so that a caller can sort them
 * before showing them (pk2d plugins, for each plugin instance). */
typedef struct log_hold {
	char **text;          /* without "pk2d: " */
	int *level;
	size_t n, cap;
	long pid;             /* the process that holds them */
} log_hold;

/* From now on every message that would be shown goes into hold instead of
 * stderr, in this process only (a forked child still writes to stderr:
 * what it held would be lost at its exit). */
void log_hold_start(log_hold *hold);
/* Shows messages on stderr again. */
void log_hold_stop(void);
void log_hold_free(log_hold *hold);

/* The progress of a long run. On a terminal (not -q) a block redrawn in
 * place: "plugins: 3/7 done (health running, 12.3 s)", then a line per
 * running instance with the file it reads (log_read_text), later one line
 * per phase (log_phase). Any message logged meanwhile first blanks the
 * block (the next redraw brings it back), and log_progress_end() blanks it
 * for good. With -v and stderr not a terminal, plain lines instead, at most
 * every LOG_PROGRESS_LINES_EVERY seconds for an instance's file. */
enum log_progress_mode { LOG_PROGRESS_NONE, LOG_PROGRESS_REDRAW, LOG_PROGRESS_LINES };

/* Seconds a run lasts before its progress is first drawn, the least time
 * between two redraws, and between two plain lines of one instance. */
#define LOG_PROGRESS_DELAY 1.0
#define LOG_PROGRESS_INTERVAL 0.25
#define LOG_PROGRESS_LINES_EVERY 5.0

/* How to show progress: REDRAW on a terminal unless -q (verbosity < 0),
 * LINES with -v (verbosity >= 1) elsewhere, else NONE. The caller passes
 * isatty(2). */
int log_progress_mode(int stderr_is_tty, int verbosity);
/* Whether to redraw at now, for a run started at started and last drawn at
 * last (< 0: never): not before LOG_PROGRESS_DELAY, then at most every
 * LOG_PROGRESS_INTERVAL. */
int log_progress_due(double started, double last, double now);
/* Writes the line's text into buf: "plugins: DONE/TOTAL done (RUNNING
 * running, ELAPSED s)", without "RUNNING running, " when running is empty.
 * A running list too long for buf is cut with "...". Returns buf. */
char *log_progress_text(char *buf, size_t len, size_t done, size_t total,
                        const char *running, double elapsed);
/* Writes how far an instance has read a file into buf: "NAME: FILE: 45.2
 * of 120.0 MB (37%), 1234 rows" (FILE without its folders), "NAME: FILE:
 * 45.2 MB, 1234 rows" when size is 0 (unknown). Returns buf. */
char *log_read_text(char *buf, size_t len, const char *name, const char *path,
                    uint64_t done, uint64_t size, long rows);
/* Draws text, one or more lines split by '\n', as the progress block (over
 * the previous one); each line is cut to the terminal's width. */
void log_progress(const char *text);
/* Blanks the progress block, if one is shown. */
void log_progress_end(void);
/* The run's next phase after the plugins ("roll-up", "writing r.html"):
 * the progress block on a terminal, a plain line with -v elsewhere,
 * nothing with -q. */
void log_phase(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

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
void msglist_vadd(msglist *l, const char *file, int line, const char *fmt, va_list ap)
	__attribute__((format(printf, 4, 0)));
/* Logs every item as an error. */
void msglist_print(const msglist *l);
void msglist_free(msglist *l);

#endif
