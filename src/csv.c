/*
 * csv.c - the shared CSV reader: big read() blocks, fields split in place.
 *
 * The buffer holds the unread part of the file. csv_next() first finds where
 * the current record ends (a newline outside quotes), reading more and
 * growing the buffer when the record is not complete yet, and only then
 * splits the record in place: separators and the line end become NULs and
 * quoted fields are unquoted where they lie. Nothing is modified before the
 * record is complete, so a refill never sees half-split data.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pk2d/plugin.h"
#include "csv.h"

#define CSV_BLOCK (1024 * 1024)
#define CSV_NEED_MORE ((size_t)-1)

struct pk2d_csv {
	int fd;
	int eof;
	int failed;             /* a csv_next() error; repeated on later calls */
	char sep;
	char *buf;              /* cap + 1 bytes: buf[len] is always 0 */
	size_t cap, len, pos;   /* unread data is buf[pos..len) */
	long line;              /* physical line of buf[pos] */
	long rec_line;          /* line the current record starts on */
	char **fields;
	int n_fields, cap_fields;
	char **header;
	int n_header;
	int rec_flags;          /* REC_REJECTED, REC_NOTED for the current record */
	long *prob_last;        /* per problem: last record that counted it */
	size_t cap_problems;
	char error[160];
	csv_stats stats;
};

enum { REC_REJECTED = 1, REC_NOTED = 2 };

static int is_blank(char ch, char sep)
{
	return (ch == ' ' || ch == '\r' || ch == '\t') && ch != sep;
}

/* Reads more of the file after moving the unread part to the front; grows
 * the buffer when the unread part already fills it. */
static int refill(csv_reader *c)
{
	if (c->pos > 0) {
		memmove(c->buf, c->buf + c->pos, c->len - c->pos);
		c->len -= c->pos;
		c->pos = 0;
	}
	if (c->len == c->cap) {
		size_t ncap = c->cap * 2;
		char *nb = realloc(c->buf, ncap + 1);
		if (!nb) {
			snprintf(c->error, sizeof c->error,
			         "line %ld: out of memory for a record of %zu bytes", c->line, c->len);
			return PK2D_ERR_NOMEM;
		}
		c->buf = nb;
		c->cap = ncap;
	}
	for (;;) {
		ssize_t n = read(c->fd, c->buf + c->len, c->cap - c->len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			snprintf(c->error, sizeof c->error, "line %ld: read error: %s", c->line,
			         strerror(errno));
			return PK2D_ERR_IO;
		}
		if (n == 0)
			c->eof = 1;
		c->len += (size_t)n;
		c->buf[c->len] = '\0';
		return 0;
	}
}

/*
 * Index of the newline that ends the record starting at p, or len when the
 * file ends first. CSV_NEED_MORE when more data must be read to know. At end
 * of file inside a quoted field, *open_quote is set to that field's offset.
 */
static size_t record_end(const csv_reader *c, size_t p, size_t *open_quote)
{
	const char *b = c->buf;
	size_t len = c->len, i;
	const char *nl = memchr(b + p, '\n', len - p);
	size_t lim = nl ? (size_t)(nl - b) : len;
	int field_start = 1;

	if (!memchr(b + p, '"', lim - p))
		return nl || c->eof ? lim : CSV_NEED_MORE;
	for (i = p; i < len;) {
		char ch = b[i];
		if (field_start) {
			if (is_blank(ch, c->sep)) {
				i++;
				continue;
			}
			field_start = 0;
			if (ch == '"') {
				size_t q0 = i;
				for (i++;;) {
					const char *q = memchr(b + i, '"', len - i);
					if (!q) {
						if (!c->eof)
							return CSV_NEED_MORE;
						*open_quote = q0;
						return len;
					}
					i = (size_t)(q - b) + 1;
					if (i == len && !c->eof)
						return CSV_NEED_MORE;
					if (i < len && b[i] == '"') {
						i++;
						continue;
					}
					break;
				}
				continue;
			}
		}
		if (ch == c->sep)
			field_start = 1;
		else if (ch == '\n')
			return i;
		i++;
	}
	return c->eof ? len : CSV_NEED_MORE;
}

static int add_field(csv_reader *c, char *f)
{
	if (c->n_fields == c->cap_fields) {
		int ncap = c->cap_fields ? c->cap_fields * 2 : 32;
		char **nf = realloc(c->fields, (size_t)ncap * sizeof *nf);
		if (!nf)
			return PK2D_ERR_NOMEM;
		c->fields = nf;
		c->cap_fields = ncap;
	}
	c->fields[c->n_fields++] = f;
	return 0;
}

/* Splits buf[p..end) into fields in place. Returns the number of newlines
 * inside quoted fields, or PK2D_ERR_NOMEM. */
static long split_record(csv_reader *c, size_t p, size_t end)
{
	char *b = c->buf, sep = c->sep;
	size_t i = p;
	long inner_lines = 0;

	c->n_fields = 0;
	for (;;) {
		char *f;
		size_t e;
		while (i < end && is_blank(b[i], sep))
			i++;
		if (i < end && b[i] == '"') {
			size_t w = i, r = i + 1, keep;
			f = b + i;
			for (;;) {
				char ch = b[r];
				if (ch == '"') {
					if (b[r + 1] == '"') {
						b[w++] = '"';
						r += 2;
						continue;
					}
					r++;
					break;
				}
				if (ch == '\n')
					inner_lines++;
				b[w++] = ch;
				r++;
			}
			/* Text after the closing quote is kept; blanks inside the
			 * quotes are kept, trailing blanks after it are not. */
			keep = w;
			while (r < end && b[r] != sep)
				b[w++] = b[r++];
			while (w > keep && is_blank(b[w - 1], sep))
				w--;
			b[w] = '\0';
			i = r;
		} else {
			const char *s = i < end ? memchr(b + i, sep, end - i) : NULL;
			e = s ? (size_t)(s - b) : end;
			f = b + i;
			i = e;
			while (e > (size_t)(f - b) && is_blank(b[e - 1], sep))
				e--;
			b[e] = '\0';
		}
		if (add_field(c, f) < 0)
			return PK2D_ERR_NOMEM;
		if (i >= end)
			return inner_lines;
		i++; /* the separator */
	}
}

static int all_empty(const csv_reader *c)
{
	for (int i = 0; i < c->n_fields; i++)
		if (c->fields[i][0])
			return 0;
	return 1;
}

/* Reads the next non-blank record into c->fields. 1, 0 at end of file, or
 * a negative error with c->error set. */
static int read_record(csv_reader *c)
{
	for (;;) {
		size_t open_quote = CSV_NEED_MORE, end;
		long inner;
		int rc;

		if (c->pos == c->len && c->eof)
			return 0;
		end = c->pos < c->len ? record_end(c, c->pos, &open_quote) : CSV_NEED_MORE;
		if (end == CSV_NEED_MORE) {
			if ((rc = refill(c)) < 0)
				return rc;
			continue;
		}
		if (open_quote != CSV_NEED_MORE) {
			long line = c->line;
			for (size_t i = c->pos; i < open_quote; i++)
				line += c->buf[i] == '\n';
			snprintf(c->error, sizeof c->error, "line %ld: unterminated quoted field",
			         line);
			return PK2D_ERR_DATA;
		}
		c->rec_line = c->line;
		inner = split_record(c, c->pos, end);
		if (inner < 0) {
			snprintf(c->error, sizeof c->error, "line %ld: out of memory", c->line);
			return (int)inner;
		}
		c->line += inner + 1;
		c->pos = end < c->len ? end + 1 : end;
		if (c->fields[0][0] || !all_empty(c))
			return 1;
	}
}

/* Picks the separator from the first non-blank line: the one of ';' ','
 * and tab that occurs most outside quotes, ties going in that order. */
static int detect_separator(csv_reader *c)
{
	size_t i = c->pos;
	long n_semi = 0, n_comma = 0, n_tab = 0;
	int quoted = 0, seen_text = 0;

	for (;;) {
		int rc;
		char ch;
		if (i == c->len) {
			if (c->eof)
				break;
			i -= c->pos;
			if ((rc = refill(c)) < 0)
				return rc;
			continue;
		}
		ch = c->buf[i++];
		if (ch == '"') {
			quoted = !quoted;
		} else if (quoted) {
			continue;
		} else if (ch == '\n') {
			if (seen_text)
				break;
			n_semi = n_comma = n_tab = 0; /* a blank line before the header */
		} else if (ch == ';') {
			n_semi++;
		} else if (ch == ',') {
			n_comma++;
		} else if (ch == '\t') {
			n_tab++;
			continue;
		}
		if (ch != ' ' && ch != '\r' && ch != '\n')
			seen_text = 1;
	}
	if (!seen_text) {
		snprintf(c->error, sizeof c->error, "empty file: no header line");
		return PK2D_ERR_DATA;
	}
	c->sep = ',';
	if (n_semi >= n_comma && n_semi >= n_tab && n_semi > 0)
		c->sep = ';';
	else if (n_comma >= n_tab && n_comma > 0)
		c->sep = ',';
	else if (n_tab > 0)
		c->sep = '\t';
	return 0;
}

static void stats_clear(csv_stats *s);

static void reader_free(csv_reader *c)
{
	if (c->fd >= 0)
		close(c->fd);
	for (int i = 0; i < c->n_header; i++)
		free(c->header[i]);
	free(c->header);
	free(c->fields);
	free(c->buf);
	free(c->prob_last);
	free(c);
}

csv_reader *csv_open(const char *path, char *err, size_t errlen)
{
	csv_reader *c = calloc(1, sizeof *c);
	int rc;

	if (!c || !(c->stats.path = strdup(path)) || !(c->buf = malloc(CSV_BLOCK + 1))) {
		snprintf(err, errlen, "out of memory");
		if (c)
			free(c->stats.path);
		free(c);
		return NULL;
	}
	c->cap = CSV_BLOCK;
	c->buf[0] = '\0';
	c->line = 1;
	c->fd = open(path, O_RDONLY | O_CLOEXEC);
	if (c->fd < 0) {
		snprintf(err, errlen, "%s", strerror(errno));
		csv_stats_free(csv_close(c));
		return NULL;
	}
	/* Read until the BOM question is settled (3 bytes or end of file). */
	while (c->len < 3 && !c->eof)
		if ((rc = refill(c)) < 0)
			goto fail;
	if (c->len >= 3 && memcmp(c->buf, "\xEF\xBB\xBF", 3) == 0)
		c->pos = 3;
	if ((rc = detect_separator(c)) < 0)
		goto fail;
	rc = read_record(c);
	if (rc < 0)
		goto fail;
	if (rc == 0) {
		snprintf(c->error, sizeof c->error, "empty file: no header line");
		goto fail;
	}
	c->header = malloc((size_t)c->n_fields * sizeof *c->header);
	if (!c->header) {
		snprintf(c->error, sizeof c->error, "out of memory");
		goto fail;
	}
	for (int i = 0; i < c->n_fields; i++) {
		if (!(c->header[i] = strdup(c->fields[i]))) {
			snprintf(c->error, sizeof c->error, "out of memory");
			goto fail;
		}
		c->n_header++;
	}
	c->n_fields = 0;
	return c;
fail:
	snprintf(err, errlen, "%s", c->error);
	csv_stats_free(csv_close(c));
	return NULL;
}

/* Compares a header with a name, ASCII case and surrounding blanks (and a
 * UTF-8 BOM in front of the name) ignored. */
int csv_column(const csv_reader *c, const char *name)
{
	size_t n;

	if (strncmp(name, "\xEF\xBB\xBF", 3) == 0)
		name += 3;
	while (*name == ' ' || *name == '\t')
		name++;
	n = strlen(name);
	while (n > 0 && (name[n - 1] == ' ' || name[n - 1] == '\t' || name[n - 1] == '\r'))
		n--;
	for (int i = 0; i < c->n_header; i++)
		if (strlen(c->header[i]) == n && strncasecmp(c->header[i], name, n) == 0)
			return i;
	return -1;
}

int csv_header_count(const csv_reader *c)
{
	return c->n_header;
}

const char *csv_header(const csv_reader *c, int i)
{
	return i >= 0 && i < c->n_header ? c->header[i] : "";
}

int csv_next(csv_reader *c, char *err, size_t errlen)
{
	int rc;

	c->rec_flags = 0;
	c->n_fields = 0;
	if (c->failed) {
		snprintf(err, errlen, "%s", c->error);
		return c->failed;
	}
	rc = read_record(c);
	if (rc < 0) {
		c->failed = rc;
		c->n_fields = 0;
		snprintf(err, errlen, "%s", c->error);
		return rc;
	}
	if (rc == 1)
		c->stats.records++;
	return rc;
}

int csv_count(const csv_reader *c)
{
	return c->n_fields;
}

const char *csv_field(const csv_reader *c, int col)
{
	return col >= 0 && col < c->n_fields ? c->fields[col] : "";
}

int csv_number(const csv_reader *c, int col, double *out)
{
	return parse_number(csv_field(c, col), out);
}

int csv_date(const csv_reader *c, int col, long *days)
{
	return parse_date(csv_field(c, col), days);
}

long csv_line(const csv_reader *c)
{
	return c->rec_line;
}

const char *csv_path(const csv_reader *c)
{
	return c->stats.path;
}

char csv_separator(const csv_reader *c)
{
	return c->sep;
}

/* Finds or adds the problem of this kind; NULL when out of memory. */
static csv_problem *problem_for(csv_reader *c, const char *kind, size_t kind_len, int rejected,
                                long **last)
{
	csv_stats *s = &c->stats;
	csv_problem *p;

	for (size_t i = 0; i < s->n_problems; i++) {
		p = &s->problems[i];
		if (p->rejected == rejected && strlen(p->kind) == kind_len &&
		    memcmp(p->kind, kind, kind_len) == 0) {
			*last = &c->prob_last[i];
			return p;
		}
	}
	if (s->n_problems == c->cap_problems) {
		size_t ncap = c->cap_problems ? c->cap_problems * 2 : 8;
		csv_problem *np = realloc(s->problems, ncap * sizeof *np);
		if (!np)
			return NULL;
		s->problems = np;
		long *nl = realloc(c->prob_last, ncap * sizeof *nl);
		if (!nl)
			return NULL;
		c->prob_last = nl;
		c->cap_problems = ncap;
	}
	p = &s->problems[s->n_problems];
	memset(p, 0, sizeof *p);
	if (!(p->kind = strndup(kind, kind_len)))
		return NULL;
	p->rejected = rejected;
	c->prob_last[s->n_problems] = -1;
	*last = &c->prob_last[s->n_problems];
	s->n_problems++;
	return p;
}

static void record_problem(csv_reader *c, int rejected, const char *fmt, va_list ap)
{
	char *text;
	const char *colon;
	size_t kind_len;
	csv_problem *p;
	long *last;

	if (vasprintf(&text, fmt, ap) < 0)
		return;
	colon = strchr(text, ':');
	kind_len = colon ? (size_t)(colon - text) : strlen(text);
	while (kind_len > 0 && text[kind_len - 1] == ' ')
		kind_len--;
	p = problem_for(c, text, kind_len, rejected, &last);
	if (!p) {
		free(text);
		return;
	}
	/* Rows are counted once per kind, however often a plugin names it. */
	if (*last != c->stats.records) {
		*last = c->stats.records;
		p->count++;
		if (p->n_examples < CSV_EXAMPLES) {
			p->example_line[p->n_examples] = c->rec_line;
			p->example_text[p->n_examples++] = text;
			text = NULL;
		}
	}
	free(text);
	if (rejected && !(c->rec_flags & REC_REJECTED)) {
		c->stats.rejected++;
		if (c->rec_flags & REC_NOTED)
			c->stats.noted--;
		c->rec_flags |= REC_REJECTED;
	} else if (!rejected && !(c->rec_flags & (REC_NOTED | REC_REJECTED))) {
		c->stats.noted++;
		c->rec_flags |= REC_NOTED;
	}
}

void csv_vreject(csv_reader *c, const char *fmt, va_list ap)
{
	record_problem(c, 1, fmt, ap);
}

void csv_reject(csv_reader *c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	record_problem(c, 1, fmt, ap);
	va_end(ap);
}

void csv_vnote(csv_reader *c, const char *fmt, va_list ap)
{
	record_problem(c, 0, fmt, ap);
}

void csv_note(csv_reader *c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	record_problem(c, 0, fmt, ap);
	va_end(ap);
}

const csv_stats *csv_get_stats(const csv_reader *c)
{
	return &c->stats;
}

csv_stats *csv_close(csv_reader *c)
{
	csv_stats *s;

	if (!c)
		return NULL;
	s = malloc(sizeof *s);
	if (s)
		*s = c->stats;
	else
		stats_clear(&c->stats);
	reader_free(c);
	return s;
}

static void stats_clear(csv_stats *s)
{
	for (size_t i = 0; i < s->n_problems; i++) {
		free(s->problems[i].kind);
		for (int j = 0; j < s->problems[i].n_examples; j++)
			free(s->problems[i].example_text[j]);
	}
	free(s->problems);
	free(s->path);
}

void csv_stats_free(csv_stats *s)
{
	if (!s)
		return;
	stats_clear(s);
	free(s);
}
