/*
 * out.c - buffered output files, written whole or not at all.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pk2d/plugin.h"
#include "cal.h"
#include "out.h"

static char *join_path(const char *dir, const char *name, const char *suffix)
{
	size_t n = strlen(dir) + strlen(name) + strlen(suffix) + 2;
	char *p = malloc(n);

	if (p)
		snprintf(p, n, "%s/%s%s", dir, name, suffix);
	return p;
}

int out_open_sink(outfile *o, const char *name)
{
	memset(o, 0, sizeof(*o));
	o->fd = -1;
	o->sink = 1;
	o->name = strdup(name);
	o->buf = malloc(OUT_BUFSIZE);
	if (!o->name || !o->buf) {
		out_free(o);
		return PK2D_ERR_NOMEM;
	}
	return 0;
}

int out_open(outfile *o, const char *dir, const char *name, char *err, size_t errlen)
{
	memset(o, 0, sizeof(*o));
	o->fd = -1;
	o->name = strdup(name);
	o->path = join_path(dir, name, "");
	o->tmp = join_path(dir, name, ".tmp.XXXXXX");
	o->buf = malloc(OUT_BUFSIZE);
	if (!o->name || !o->path || !o->tmp || !o->buf) {
		snprintf(err, errlen, "out of memory");
		out_free(o);
		return PK2D_ERR_NOMEM;
	}
	o->fd = mkstemp(o->tmp);
	if (o->fd >= 0) {
		/* mkstemp makes the file private; the data set is for reading. */
		mode_t mask = umask(0);

		umask(mask);
		if (fchmod(o->fd, 0666 & ~mask) != 0) {
			snprintf(err, errlen, "%s: cannot set mode: %s", o->tmp, strerror(errno));
			close(o->fd);
			unlink(o->tmp);
			out_free(o);
			return PK2D_ERR_IO;
		}
	}
	if (o->fd < 0) {
		snprintf(err, errlen, "%s: cannot create: %s", o->path, strerror(errno));
		out_free(o);
		return PK2D_ERR_IO;
	}
	return 0;
}

static void write_all(outfile *o, const char *s, size_t n)
{
	size_t done = 0;

	while (done < n && !o->failed && !o->sink) {
		ssize_t w = write(o->fd, s + done, n - done);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			o->failed = 1;
			o->errno_saved = errno;
			break;
		}
		done += (size_t)w;
	}
	o->bytes += n;
}

void out_flush(outfile *o)
{
	write_all(o, o->buf, o->len);
	o->len = 0;
}

void out_put(outfile *o, const char *s, size_t n)
{
	if (o->len + n > OUT_BUFSIZE)
		out_flush(o);
	if (n > OUT_BUFSIZE) {
		write_all(o, s, n);
		return;
	}
	memcpy(o->buf + o->len, s, n);
	o->len += n;
}

void out_str(outfile *o, const char *s)
{
	out_put(o, s, strlen(s));
}

void out_uint(outfile *o, unsigned long v)
{
	char tmp[24];
	int i = sizeof(tmp);

	do {
		tmp[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	out_put(o, tmp + i, sizeof(tmp) - (size_t)i);
}

void out_zpad(outfile *o, unsigned long v, int width)
{
	char tmp[24];
	int i = sizeof(tmp);

	do {
		tmp[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while ((int)sizeof(tmp) - i < width && i > 0)
		tmp[--i] = '0';
	out_put(o, tmp + i, sizeof(tmp) - (size_t)i);
}

void out_dec1(outfile *o, long tenths, char mark)
{
	if (tenths < 0) {
		out_ch(o, '-');
		tenths = -tenths;
	}
	out_uint(o, (unsigned long)(tenths / 10));
	out_ch(o, mark);
	out_ch(o, (char)('0' + tenths % 10));
}

void out_date(outfile *o, long days, char fmt)
{
	int y, m, d;
	char s[10];

	cal_civil(days, &y, &m, &d);
	if (fmt == 'i') {
		out_zpad(o, (unsigned long)y, 4);
		s[0] = '-';
		s[1] = (char)('0' + m / 10);
		s[2] = (char)('0' + m % 10);
		s[3] = '-';
		s[4] = (char)('0' + d / 10);
		s[5] = (char)('0' + d % 10);
		out_put(o, s, 6);
	} else {
		s[0] = (char)('0' + d / 10);
		s[1] = (char)('0' + d % 10);
		s[2] = '/';
		s[3] = (char)('0' + m / 10);
		s[4] = (char)('0' + m % 10);
		s[5] = '/';
		out_put(o, s, 6);
		out_zpad(o, (unsigned long)y, 4);
	}
}

void out_header_end(outfile *o)
{
	out_ch(o, '\n');
}

void out_dirty(outfile *o, const char *kind)
{
	for (int i = 0; i < o->n_kinds; i++)
		if (o->kind[i] == kind || strcmp(o->kind[i], kind) == 0) {
			o->kind_count[i]++;
			return;
		}
	if (o->n_kinds < OUT_MAX_KINDS) {
		o->kind[o->n_kinds] = kind;
		o->kind_count[o->n_kinds++] = 1;
	}
}

long out_dirty_total(const outfile *o)
{
	long n = 0;

	for (int i = 0; i < o->n_kinds; i++)
		n += o->kind_count[i];
	return n;
}

int out_finish(outfile *o, char *err, size_t errlen)
{
	out_flush(o);
	if (o->fd >= 0 && close(o->fd) != 0 && !o->failed) {
		o->failed = 1;
		o->errno_saved = errno;
	}
	o->fd = -1;
	if (o->failed) {
		snprintf(err, errlen, "%s: cannot write: %s", o->path, strerror(o->errno_saved));
		unlink(o->tmp);
		return PK2D_ERR_IO;
	}
	return 0;
}

int out_commit(outfile *o, char *err, size_t errlen)
{
	if (o->sink)
		return 0;
	if (rename(o->tmp, o->path) != 0) {
		snprintf(err, errlen, "%s: cannot rename into place: %s", o->path, strerror(errno));
		return PK2D_ERR_IO;
	}
	o->committed = 1;
	return 0;
}

void out_discard(outfile *o, int committed)
{
	if (!o->tmp || o->sink)
		return;
	if (o->fd >= 0) {
		close(o->fd);
		o->fd = -1;
	}
	if (o->committed) {
		if (committed)
			unlink(o->path);
	} else {
		unlink(o->tmp);
	}
}

void out_free(outfile *o)
{
	free(o->name);
	free(o->path);
	free(o->tmp);
	free(o->buf);
	o->name = o->path = o->tmp = o->buf = NULL;
}
