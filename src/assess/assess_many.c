/*
 * assess_many.c - the assessments of many areas (a province's 2,000
 * villages) made by several threads at once: each reads the model, the
 * registry and the area table, which nothing changes meanwhile, and writes
 * only its own areas' results. A second step per area that must stay on
 * one thread (the trends, which read the store) is taken by the calling
 * thread, area after area, as soon as each is assessed.
 */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>

#include "assess.h"
#include "pk2d/plugin.h"

/* Most threads at once. */
#define ASSESS_MAX_THREADS 64

struct work {
	const assessment *as;
	const char *const *codes;
	assess_area **out;
	size_t n;
	size_t next;            /* the next area to take (atomic) */
	unsigned char *made;    /* made[i]: out[i] is set (under lock) */
	pthread_mutex_t lock;
	pthread_cond_t one_made;
};

static void *assess_some(void *arg)
{
	struct work *w = arg;
	size_t i;

	while ((i = __atomic_fetch_add(&w->next, 1, __ATOMIC_RELAXED)) < w->n) {
		assess_area *aa = assess_area_compute(w->as, w->codes[i]);

		pthread_mutex_lock(&w->lock);
		w->out[i] = aa;
		w->made[i] = 1;
		pthread_cond_signal(&w->one_made);
		pthread_mutex_unlock(&w->lock);
	}
	return NULL;
}

/* Calls then for each area in order as it is made (made here when no
 * thread makes them); stops at then's first error, which it returns. */
static int then_each(struct work *w, size_t started, assess_then_fn then, void *arg)
{
	int rc = 0;

	for (size_t i = 0; rc == 0 && i < w->n; i++) {
		if (!started) {
			w->out[i] = assess_area_compute(w->as, w->codes[i]);
		} else {
			pthread_mutex_lock(&w->lock);
			while (!w->made[i])
				pthread_cond_wait(&w->one_made, &w->lock);
			pthread_mutex_unlock(&w->lock);
		}
		if (w->out[i] && (rc = then(arg, i, w->out[i])) < 0)
			__atomic_store_n(&w->next, w->n, __ATOMIC_RELAXED);
	}
	return rc;
}

int assess_areas_compute(const assessment *as, const char *const *codes, size_t n, int jobs,
                         assess_area **out, assess_then_fn then, void *arg)
{
	struct work w = { .as = as, .codes = codes, .out = out, .n = n };
	pthread_t tid[ASSESS_MAX_THREADS];
	size_t threads = jobs > 1 ? (size_t)jobs : 1, started = 0;
	int rc = 0;

	if (threads > ASSESS_MAX_THREADS)
		threads = ASSESS_MAX_THREADS;
	if (threads > n)
		threads = n;
	for (size_t i = 0; i < n; i++)
		out[i] = NULL;
	if (n && !(w.made = calloc(n, 1)))
		return PK2D_ERR_NOMEM;
	pthread_mutex_init(&w.lock, NULL);
	pthread_cond_init(&w.one_made, NULL);
	/* Without a second step this thread takes its share too; with one,
	 * it takes the step while jobs threads assess. A thread that cannot
	 * start leaves its share to the others (to this thread when none
	 * starts). */
	while (started + (then ? 0 : 1) < threads && threads > 1 &&
	       pthread_create(&tid[started], NULL, assess_some, &w) == 0)
		started++;
	if (then)
		rc = then_each(&w, started, then, arg);
	else
		assess_some(&w);
	for (size_t t = 0; t < started; t++)
		pthread_join(tid[t], NULL);
	pthread_cond_destroy(&w.one_made);
	pthread_mutex_destroy(&w.lock);
	free(w.made);
	for (size_t i = 0; rc == 0 && i < n; i++)
		if (!out[i])
			rc = PK2D_ERR_NOMEM;
	if (rc == 0)
		return 0;
	for (size_t i = 0; i < n; i++) {
		assess_area_free(out[i]);
		out[i] = NULL;
	}
	return rc;
}
