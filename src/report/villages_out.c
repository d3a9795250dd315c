/*
 * villages_out.c - the villages' part of a wide report rendered by several
 * threads at once (villages_out.h).
 */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "log.h"
#include "pk2d/plugin.h"
#include "villages_out.h"

/* Most rendering threads, whatever -j says. */
#define VILLAGES_MAX_THREADS 64
/* Villages in a chunk: at most this many, fewer when the run has few. */
#define CHUNK_VILLAGES 8
/* Chunks per thread, at least, when the run has few villages. */
#define CHUNKS_PER_THREAD 8
/* The report is handed to the disk each time this much more is written. */
#define WRITEBACK_BYTES (16 << 20)

struct pipeline {
	const report_view *v;
	villages_fn write;
	void *ud;
	FILE *out;
	size_t n, per_chunk, n_chunks;
	pthread_mutex_t lock;
	pthread_cond_t turn;      /* written moved on, or stop */
	size_t next;              /* the next chunk a thread takes */
	size_t written;           /* the chunks in the report so far */
	size_t since_writeback;   /* bytes written since start_writeback */
	int stop;                 /* a write failed: rc and err say how */
	int rc, err;
};

/* A rendering thread and the buffer it renders a chunk into. */
struct renderer {
	struct pipeline *p;
	size_t index;             /* 1, 2, ...: named in the -vv lines */
	char *buf;
	size_t len, cap;
	int keep;                 /* its stream appends to buf; else drops */
	FILE *f;                  /* that stream */
};

/* Whether the test asks chunk k's rendering by a thread (what "render"),
 * the writing of it ("copy"), or the start of the threads ("start", k
 * unused) to fail (VILLAGES_FAIL_ENV). */
static int test_fails(const char *what, size_t k)
{
	const char *e = getenv(VILLAGES_FAIL_ENV);

	if (!e || !*e)
		return 0;
	if (!strcmp(e, "start"))
		return !strcmp(what, "start");
	if (!strncmp(e, "copy:", 5))
		return !strcmp(what, "copy") && strtoul(e + 5, NULL, 10) == k;
	return !strcmp(what, "render") && strtoul(e, NULL, 10) == k;
}

static void chunk_range(const struct pipeline *p, size_t c, size_t *from, size_t *to)
{
	*from = c * p->per_chunk;
	*to = *from + p->per_chunk < p->n ? *from + p->per_chunk : p->n;
}

/* The memory stream a thread renders into. */
static ssize_t buf_write(void *cookie, const char *data, size_t size)
{
	struct renderer *r = cookie;

	if (!r->keep)
		return (ssize_t)size;
	if (r->len + size > r->cap) {
		size_t cap = r->cap ? r->cap : 1 << 16;
		char *grown;

		while (cap < r->len + size)
			cap *= 2;
		if (!(grown = realloc(r->buf, cap))) {
			errno = ENOMEM;
			return -1;
		}
		r->buf = grown;
		r->cap = cap;
	}
	memcpy(r->buf + r->len, data, size);
	r->len += size;
	return (ssize_t)size;
}

/* Renders chunk c into r's buffer: 0, or -1 when it failed (what it wrote
 * dropped). */
static int render_chunk(struct renderer *r, size_t c)
{
	static const cookie_io_functions_t io = { .write = buf_write };
	const struct pipeline *p = r->p;
	size_t from, to;

	if (!r->f && !(r->f = fopencookie(r, "w", io)))
		return -1;
	chunk_range(p, c, &from, &to);
	r->len = 0;
	r->keep = 1;
	if (!test_fails("render", c) && p->write(p->v, from, to, r->f, p->ud) == 0 &&
	    fflush(r->f) == 0)
		return 0;
	/* What the stream still holds is this chunk's: dropped with it. */
	r->keep = 0;
	fclose(r->f);
	r->f = NULL;
	return -1;
}

/* Starts writing what out holds so far to the disk, without waiting, when
 * out is a regular file: the report's file is synced before it is renamed
 * into place (out_file.c), and a province's JSON report is 250 MB that
 * would otherwise all be written then (0.17 s of its run). */
static void start_writeback(FILE *out)
{
#ifdef SYNC_FILE_RANGE_WRITE
	struct stat st;
	int saved;

	/* A failed write is the report's error: ferror(out) and errno say it. */
	if (fflush(out) != 0)
		return;
	saved = errno;
	if (fstat(fileno(out), &st) == 0 && S_ISREG(st.st_mode))
		sync_file_range(fileno(out), 0, 0, SYNC_FILE_RANGE_WRITE);
	errno = saved;
#else
	(void)out;
#endif
}

/* Writes chunk c, rendered into r's buffer (or not, when failed: then
 * rendered again straight into the report), on c's turn. 0, or < 0 with
 * errno set. */
static int write_chunk(struct renderer *r, size_t c, int failed)
{
	struct pipeline *p = r->p;
	size_t from, to;
	int rc;

	chunk_range(p, c, &from, &to);
	if (failed) {
		log_msg(PK2D_LOG_DEBUG, "villages %zu to %zu of %zu: thread %zu failed, rendered "
		        "again here", from + 1, to, p->n, r->index);
		return p->write(p->v, from, to, p->out, p->ud);
	}
	log_msg(PK2D_LOG_DEBUG, "villages %zu to %zu of %zu: rendered by thread %zu", from + 1, to,
	        p->n, r->index);
	if (test_fails("copy", c)) {
		errno = EIO;
		return PK2D_ERR_IO;
	}
	rc = fwrite(r->buf, 1, r->len, p->out) == r->len ? 0 : PK2D_ERR_IO;
	p->since_writeback += r->len;
	if (rc == 0 && p->since_writeback >= WRITEBACK_BYTES) {
		start_writeback(p->out);
		p->since_writeback = 0;
	}
	return rc;
}

/* A rendering thread: takes the next chunk, renders it into its buffer,
 * and on the chunk's turn (every chunk before it written) writes it to the
 * report itself, while the other threads render theirs; until there are
 * none or a write fails. */
static void *render_main(void *arg)
{
	struct renderer *r = arg;
	struct pipeline *p = r->p;

	pthread_mutex_lock(&p->lock);
	while (!p->stop && p->next < p->n_chunks) {
		size_t c = p->next++;
		int failed, rc;

		pthread_mutex_unlock(&p->lock);
		failed = render_chunk(r, c) < 0;
		pthread_mutex_lock(&p->lock);
		while (!p->stop && p->written != c)
			pthread_cond_wait(&p->turn, &p->lock);
		if (p->stop)
			break;
		/* The turn is this thread's until written moves on. */
		pthread_mutex_unlock(&p->lock);
		rc = write_chunk(r, c, failed);
		pthread_mutex_lock(&p->lock);
		if (rc < 0) {
			p->stop = 1;
			p->rc = rc;
			p->err = errno;
		} else {
			p->written++;
		}
		pthread_cond_broadcast(&p->turn);
	}
	pthread_mutex_unlock(&p->lock);
	if (r->f) {
		r->keep = 0;
		fclose(r->f);
	}
	free(r->buf);
	return NULL;
}

int villages_write(const report_view *v, FILE *out, villages_fn write, void *ud)
{
	size_t n = v->n_villages, n_threads = v->jobs > 1 ? (size_t)v->jobs : 1, started = 0;
	pthread_t threads[VILLAGES_MAX_THREADS];
	struct renderer renderers[VILLAGES_MAX_THREADS];
	struct pipeline p = { .v = v, .write = write, .ud = ud, .out = out, .n = n };

	if (n_threads > VILLAGES_MAX_THREADS)
		n_threads = VILLAGES_MAX_THREADS;
	if (n_threads <= 1 || n < 2)
		return write(v, 0, n, out, ud);
	/* Chunks small enough that each thread has several. */
	p.per_chunk = n / (n_threads * CHUNKS_PER_THREAD);
	p.per_chunk = p.per_chunk < 1 ? 1 : p.per_chunk > CHUNK_VILLAGES ? CHUNK_VILLAGES : p.per_chunk;
	p.n_chunks = (n + p.per_chunk - 1) / p.per_chunk;
	pthread_mutex_init(&p.lock, NULL);
	pthread_cond_init(&p.turn, NULL);
	for (; started < n_threads && !test_fails("start", 0); started++) {
		renderers[started] = (struct renderer){ .p = &p, .index = started + 1 };
		if (pthread_create(&threads[started], NULL, render_main, &renderers[started]) != 0)
			break;
	}
	if (started == 0) {
		log_msg(PK2D_LOG_DEBUG, "villages 1 to %zu: no thread could be started, rendered "
		        "here", n);
		p.rc = write(v, 0, n, out, ud);
		p.err = errno;
	}
	for (size_t t = 0; t < started; t++)
		pthread_join(threads[t], NULL);
	pthread_cond_destroy(&p.turn);
	pthread_mutex_destroy(&p.lock);
	errno = p.err;
	return p.rc;
}
