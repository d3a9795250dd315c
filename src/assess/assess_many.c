/*
 * assess_many.c - the assessments of many areas (a province's 2,000
 * villages) made by several threads at once: each reads the model, the
 * registry and the area table, which nothing changes meanwhile, and writes
 * only its own areas' results.
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
};

static void *assess_some(void *arg)
{
	struct work *w = arg;
	size_t i;

	while ((i = __atomic_fetch_add(&w->next, 1, __ATOMIC_RELAXED)) < w->n)
		w->out[i] = assess_area_compute(w->as, w->codes[i]);
	return NULL;
}

int assess_areas_compute(const assessment *as, const char *const *codes, size_t n, int jobs,
                         assess_area **out)
{
	struct work w = { as, codes, out, n, 0 };
	pthread_t tid[ASSESS_MAX_THREADS];
	size_t threads = jobs > 1 ? (size_t)jobs : 1, started = 0;
	int failed = 0;

	if (threads > ASSESS_MAX_THREADS)
		threads = ASSESS_MAX_THREADS;
	if (threads > n)
		threads = n;
	for (size_t i = 0; i < n; i++)
		out[i] = NULL;
	/* This thread takes its share too; a thread that cannot start leaves
	 * its share to the others. */
	while (started + 1 < threads && pthread_create(&tid[started], NULL, assess_some, &w) == 0)
		started++;
	assess_some(&w);
	for (size_t t = 0; t < started; t++)
		pthread_join(tid[t], NULL);
	for (size_t i = 0; i < n; i++)
		failed |= out[i] == NULL;
	if (!failed)
		return 0;
	for (size_t i = 0; i < n; i++) {
		assess_area_free(out[i]);
		out[i] = NULL;
	}
	return PK2D_ERR_NOMEM;
}
