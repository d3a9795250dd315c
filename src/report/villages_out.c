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
/* Chunks rendered and not yet written, per rendering thread. */
#define SLOTS_PER_THREAD 4
/* The report is handed to the disk each time this much more is written. */
#define WRITEBACK_BYTES (16 << 20)

/* A chunk's rendering, in memory until the writer takes it. */
struct slot {
	char *buf;
	size_t len, cap;
	size_t chunk;   /* which chunk it holds or is being rendered into */
	enum { SLOT_FREE, SLOT_BUSY, SLOT_READY } state;
	size_t by;      /* the thread that renders it (struct renderer) */
	int failed;     /* its rendering failed: the writer renders it again */
};

struct pipeline {
	const report_view *v;
	villages_fn write;
	void *ud;
	size_t n, per_chunk, n_chunks;
	pthread_mutex_t lock;
	pthread_cond_t changed;   /* a slot freed or filled, or stop */
	size_t next;              /* the next chunk a thread takes */
	int stop;
	struct slot *slots;
	size_t n_slots;
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

/* The memory stream a thread renders into: appends to its current slot,
 * or drops what it is given when there is none. */
static ssize_t slot_write(void *cookie, const char *data, size_t size)
{
	struct slot *s = *(struct slot **)cookie;

	if (!s)
		return (ssize_t)size;
	if (s->len + size > s->cap) {
		size_t cap = s->cap ? s->cap : 1 << 16;
		char *grown;

		while (cap < s->len + size)
			cap *= 2;
		if (!(grown = realloc(s->buf, cap))) {
			errno = ENOMEM;
			return -1;
		}
		s->buf = grown;
		s->cap = cap;
	}
	memcpy(s->buf + s->len, data, size);
	s->len += size;
	return (ssize_t)size;
}

struct renderer {
	struct pipeline *p;
	size_t index;             /* 1, 2, ...: named in the -vv lines */
	struct slot *target;      /* where its stream writes */
	FILE *f;
};

/* Renders chunk c into s: 0, or -1 when it failed (what it wrote dropped). */
static int render_chunk(struct renderer *r, struct slot *s, size_t c)
{
	static const cookie_io_functions_t io = { .write = slot_write };
	const struct pipeline *p = r->p;
	size_t from, to;

	if (!r->f && !(r->f = fopencookie(&r->target, "w", io)))
		return -1;
	chunk_range(p, c, &from, &to);
	r->target = s;
	if (!test_fails("render", c) && p->write(p->v, from, to, r->f, p->ud) == 0 &&
	    fflush(r->f) == 0)
		return 0;
	/* What the stream still holds is this chunk's: dropped with it. */
	r->target = NULL;
	fclose(r->f);
	r->f = NULL;
	return -1;
}

/* A rendering thread: takes the next chunk whose slot is free, renders it
 * there, and hands it to the writer, until there are none or stop. */
static void *render_main(void *arg)
{
	struct renderer *r = arg;
	struct pipeline *p = r->p;

	pthread_mutex_lock(&p->lock);
	for (;;) {
		size_t c = p->next;
		struct slot *s = &p->slots[c % p->n_slots];
		int failed;

		if (p->stop || c >= p->n_chunks)
			break;
		if (s->state != SLOT_FREE) {
			pthread_cond_wait(&p->changed, &p->lock);
			continue;
		}
		p->next++;
		s->state = SLOT_BUSY;
		s->chunk = c;
		s->len = 0;
		s->by = r->index;
		pthread_mutex_unlock(&p->lock);

		failed = render_chunk(r, s, c) < 0;

		pthread_mutex_lock(&p->lock);
		s->failed = failed;
		s->state = SLOT_READY;
		pthread_cond_broadcast(&p->changed);
	}
	pthread_mutex_unlock(&p->lock);
	if (r->f)
		fclose(r->f);
	return NULL;
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

/* Writes chunk c, rendered into s, to out; a chunk whose rendering failed
 * is rendered again here. 0, or < 0 with errno set. */
static int write_chunk(struct pipeline *p, const struct slot *s, size_t c, FILE *out)
{
	size_t from, to;

	chunk_range(p, c, &from, &to);
	if (s->failed) {
		log_msg(PK2D_LOG_DEBUG, "villages %zu to %zu of %zu: thread %zu failed, rendered "
		        "again here", from + 1, to, p->n, s->by);
		return p->write(p->v, from, to, out, p->ud);
	}
	log_msg(PK2D_LOG_DEBUG, "villages %zu to %zu of %zu: rendered by thread %zu", from + 1, to,
	        p->n, s->by);
	if (test_fails("copy", c)) {
		errno = EIO;
		return PK2D_ERR_IO;
	}
	return fwrite(s->buf, 1, s->len, out) == s->len ? 0 : PK2D_ERR_IO;
}

/* The writer: each chunk in turn, as its thread hands it over. */
static int write_chunks(struct pipeline *p, FILE *out)
{
	size_t since_writeback = 0;
	int rc = 0;

	for (size_t c = 0; c < p->n_chunks && rc == 0; c++) {
		struct slot *s = &p->slots[c % p->n_slots];

		pthread_mutex_lock(&p->lock);
		while (!(s->state == SLOT_READY && s->chunk == c))
			pthread_cond_wait(&p->changed, &p->lock);
		pthread_mutex_unlock(&p->lock);

		rc = write_chunk(p, s, c, out);
		since_writeback += s->len;

		pthread_mutex_lock(&p->lock);
		s->state = SLOT_FREE;
		pthread_cond_broadcast(&p->changed);
		pthread_mutex_unlock(&p->lock);
		if (rc == 0 && since_writeback >= WRITEBACK_BYTES) {
			start_writeback(out);
			since_writeback = 0;
		}
	}
	return rc;
}

int villages_write(const report_view *v, FILE *out, villages_fn write, void *ud)
{
	size_t n = v->n_villages, n_threads = v->jobs > 1 ? (size_t)v->jobs : 1, started = 0;
	pthread_t threads[VILLAGES_MAX_THREADS];
	struct renderer renderers[VILLAGES_MAX_THREADS];
	struct pipeline p = { .v = v, .write = write, .ud = ud, .n = n };
	int rc, saved;

	if (n_threads > VILLAGES_MAX_THREADS)
		n_threads = VILLAGES_MAX_THREADS;
	if (n_threads <= 1 || n < 2)
		return write(v, 0, n, out, ud);
	/* Chunks small enough that each thread has several. */
	p.per_chunk = n / (n_threads * SLOTS_PER_THREAD * 2);
	p.per_chunk = p.per_chunk < 1 ? 1 : p.per_chunk > CHUNK_VILLAGES ? CHUNK_VILLAGES : p.per_chunk;
	p.n_chunks = (n + p.per_chunk - 1) / p.per_chunk;
	p.n_slots = n_threads * SLOTS_PER_THREAD;
	if (!(p.slots = calloc(p.n_slots, sizeof *p.slots)))
		return write(v, 0, n, out, ud);
	pthread_mutex_init(&p.lock, NULL);
	pthread_cond_init(&p.changed, NULL);
	for (; started < n_threads && !test_fails("start", 0); started++) {
		renderers[started] = (struct renderer){ .p = &p, .index = started + 1 };
		if (pthread_create(&threads[started], NULL, render_main, &renderers[started]) != 0)
			break;
	}
	if (started == 0) {
		log_msg(PK2D_LOG_DEBUG, "villages 1 to %zu: no thread could be started, rendered "
		        "here", n);
		rc = write(v, 0, n, out, ud);
	} else {
		rc = write_chunks(&p, out);
	}
	saved = errno;
	pthread_mutex_lock(&p.lock);
	p.stop = 1;
	pthread_cond_broadcast(&p.changed);
	pthread_mutex_unlock(&p.lock);
	for (size_t t = 0; t < started; t++)
		pthread_join(threads[t], NULL);
	pthread_cond_destroy(&p.changed);
	pthread_mutex_destroy(&p.lock);
	for (size_t k = 0; k < p.n_slots; k++)
		free(p.slots[k].buf);
	free(p.slots);
	errno = saved;
	return rc;
}
