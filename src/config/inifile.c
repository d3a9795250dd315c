/*
 * inifile.c - feeds inih's ini_parse_stream() one checked line at a time.
 *
 * The whole file is read first (configuration files are small). For each
 * line the reader decides what inih will make of it, using inih's own rules
 * (comments, indented continuation, "[section]", "key = value" or
 * "key: value"), and replaces a line it refuses by an empty one so that inih
 * neither sees it nor loses count of the lines.
 */
#include "config.h"

#include <errno.h>
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "inifile.h"
#include "pk2d/plugin.h"
#include "utf8.h"
#include "util.h"

struct ini_stream {
	const char *path;
	char *data;
	size_t size, pos;
	int line;
	int after_key;          /* inih would take an indented line as a continuation */
	msglist *errs;
	int n_errors;
	ini_file_handler handler;
	void *ud;
	int stopped;
};

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

/* inih's find_chars_or_comment: the first of chars, or an inline ';' comment
 * (a ';' after whitespace), or the end. */
static const char *find_chars_or_comment(const char *s, const char *chars)
{
	int was_space = 0;
	while (*s && (!chars || !strchr(chars, *s)) && !(was_space && *s == ';')) {
		was_space = is_space(*s);
		s++;
	}
	return s;
}

static void line_error(struct ini_stream *st, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void line_error(struct ini_stream *st, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	msglist_vadd(st->errs, st->path, st->line, fmt, ap);
	va_end(ap);
	st->n_errors++;
}

static int classify(struct ini_stream *st, char *buf);

/* Decides whether inih may see the line (text, len bytes without the line
 * end). Returns 1 to pass it on, 0 to hand inih an empty line instead. */
static int check_line(struct ini_stream *st, const char *text, size_t len, int max)
{
	if (memchr(text, '\0', len)) {
		line_error(st, "line contains a NUL byte");
		return 0;
	}
	/* inih reads with fgets into a buffer of max bytes: the line, its
	 * newline and the terminating NUL must fit. */
	if (len + 2 > (size_t)max) {
		line_error(st, "line is %zu characters long; at most %d fit "
		           "(split the value or shorten it)", len, max - 2);
		return 0;
	}
	char *buf = xmalloc(len + 1);
	memcpy(buf, text, len);
	buf[len] = '\0';
	int pass = classify(st, buf);
	free(buf);
	return pass;
}

/* The rest of check_line, on a NUL-terminated copy of the line. */
static int classify(struct ini_stream *st, char *buf)
{
	char *start = buf;
	if (st->line == 1 && (unsigned char)start[0] == 0xEF &&
	    (unsigned char)start[1] == 0xBB && (unsigned char)start[2] == 0xBF)
		start += 3;
	char *bol = start;
	while (*start && is_space(*start))
		start++;
	char *end = start + strlen(start);
	while (end > start && is_space(end[-1]))
		*--end = '\0';

	if (*start == '\0' || *start == ';' || *start == '#')
		return 1;
	if (st->after_key && start > bol)
		return 1; /* a continuation: the handler sees the key again */
	if (*start == '[') {
		const char *close = find_chars_or_comment(start + 1, "]");
		if (*close != ']') {
			line_error(st, "section header without ']'");
			return 0;
		}
		size_t n = (size_t)(close - (start + 1));
		if (n > INI_NAME_MAX) {
			line_error(st, "section name is %zu characters long; at most %d are allowed",
			           n, INI_NAME_MAX);
			return 0;
		}
		char name[INI_NAME_MAX + 1];
		memcpy(name, start + 1, n);
		name[n] = '\0';
		st->after_key = 0;
		if (st->handler(st->ud, name, NULL, NULL, st->path, st->line) < 0)
			st->stopped = 1;
		return 1;
	}
	const char *eq = find_chars_or_comment(start, "=:");
	if (*eq != '=' && *eq != ':') {
		line_error(st, "expected 'key = value' or '[section]'");
		return 0;
	}
	const char *kend = eq;
	while (kend > start && is_space(kend[-1]))
		kend--;
	if (kend == start) {
		line_error(st, "'%c' without a key before it", *eq);
		return 0;
	}
	if ((size_t)(kend - start) > INI_NAME_MAX) {
		line_error(st, "key name is %zu characters long; at most %d are allowed",
		           (size_t)(kend - start), INI_NAME_MAX);
		return 0;
	}
	st->after_key = 1;
	return 1;
}

/* The ini_reader: behaves like fgets on the next line. */
static char *reader(char *str, int num, void *stream)
{
	struct ini_stream *st = stream;
	if (st->stopped || st->pos >= st->size || num < 3)
		return NULL;
	const char *text = st->data + st->pos;
	const char *nl = memchr(text, '\n', st->size - st->pos);
	size_t len = nl ? (size_t)(nl - text) : st->size - st->pos;
	st->pos += len + (nl ? 1 : 0);
	st->line++;
	if (check_line(st, text, len, num)) {
		memcpy(str, text, len);
		str[len] = '\n';
		str[len + 1] = '\0';
	} else {
		str[0] = '\n';
		str[1] = '\0';
	}
	return str;
}

static int key_handler(void *user, const char *section, const char *name, const char *value)
{
	struct ini_stream *st = user;
	if (st->stopped)
		return 1;
	if (st->handler(st->ud, section, name, value, st->path, st->line) < 0)
		st->stopped = 1;
	return 1;
}

static int read_all(const char *path, char **data, size_t *size)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -errno;
	size_t cap = 4096, n = 0;
	char *buf = xmalloc(cap);
	for (;;) {
		if (n == cap) {
			cap *= 2;
			buf = xrealloc(buf, cap);
		}
		size_t r = fread(buf + n, 1, cap - n, f);
		n += r;
		if (r == 0)
			break;
	}
	int err = ferror(f) ? EIO : 0;
	fclose(f);
	if (err) {
		free(buf);
		return -err;
	}
	*data = buf;
	*size = n;
	return 0;
}

/* Repairs every line that is not clean UTF-8 (utf8.h) with a warning that
 * names it; a NUL byte is left for check_line to refuse. */
static void clean_lines(const char *path, char **data, size_t *size)
{
	size_t cap = UTF8_CLEAN_MAX(*size), w = 0;
	char *out = NULL;
	int line = 1;

	for (size_t pos = 0; pos < *size; line++) {
		const char *text = *data + pos;
		const char *nl = memchr(text, '\n', *size - pos);
		size_t len = nl ? (size_t)(nl - text) : *size - pos;
		int fixed = 0;
		pos += len + (nl ? 1 : 0);
		if (!memchr(text, '\0', len) && !utf8_is_clean(text, len)) {
			if (!out) {
				out = xmalloc(cap);
				w = (size_t)(text - *data);
				memcpy(out, *data, w);
			}
			w += utf8_clean(text, len, out + w, &fixed);
			if (fixed & UTF8_FIXED_ENCODING)
				log_msg(PK2D_LOG_WARNING, "%s:%d: text not in UTF-8: read as Windows-1252",
				        path, line);
			if (fixed & UTF8_FIXED_CONTROL)
				log_msg(PK2D_LOG_WARNING,
				        "%s:%d: control character in text: replaced by U+FFFD", path, line);
		} else if (out) {
			memcpy(out + w, text, len);
			w += len;
		}
		if (out && nl)
			out[w++] = '\n';
	}
	if (out) {
		free(*data);
		*data = out;
		*size = w;
	}
}

int ini_file_parse_from(const char *path, const char *from_file, int from_line,
                        ini_file_handler handler, void *ud, msglist *errs)
{
	struct ini_stream st = {
		.path = path, .errs = errs, .handler = handler, .ud = ud,
	};
	int r = read_all(path, &st.data, &st.size);
	if (r < 0) {
		if (from_file)
			msglist_add(errs, from_file, from_line, "cannot read '%s': %s",
			            path, strerror(-r));
		else
			msglist_add(errs, path, 0, "cannot read: %s", strerror(-r));
		return PK2D_ERR_IO;
	}
	clean_lines(path, &st.data, &st.size);
	int line = ini_parse_stream(reader, &st, key_handler, &st);
	if (line > 0 && !st.stopped) {
		/* Every line inih can object to was screened above; say so
		 * plainly should inih still find something. */
		msglist_add(errs, path, line, "inih could not parse this line");
		st.n_errors++;
	} else if (line < 0) {
		msglist_add(errs, path, 0, "inih could not allocate memory");
		st.n_errors++;
	}
	free(st.data);
	return st.n_errors ? PK2D_ERR_CONFIG : 0;
}

int ini_file_parse(const char *path, ini_file_handler handler, void *ud, msglist *errs)
{
	return ini_file_parse_from(path, NULL, 0, handler, ud, errs);
}
