/*
 * rng.h - the generator's own pseudo-random numbers.
 *
 * xoshiro256** seeded through splitmix64, so the output depends only on the
 * seed and never on the C library's rand(). Each village gets its own stream,
 * derived from the seed and the village code, so a village is generated the
 * same whether it is asked for alone or as part of a province.
 */
#ifndef PK2D_SYNTH_RNG_H
#define PK2D_SYNTH_RNG_H

#include <stdint.h>

typedef struct rng {
	uint64_t s[4];
} rng;

/* Seeds the stream from a seed, a text label (a village code) and a
 * sub-stream number. */
void rng_seed(rng *r, uint64_t seed, const char *label, uint64_t stream);
uint64_t rng_next(rng *r);
/* Uniform in [0, 1). */
double rng_uniform(rng *r);
/* Uniform integer in [0, n); n > 0. */
uint32_t rng_below(rng *r, uint32_t n);
/* Uniform integer in [lo, hi]. */
int rng_range(rng *r, int lo, int hi);
/* 1 with probability p. */
int rng_chance(rng *r, double p);
/* Standard normal deviate. */
double rng_normal(rng *r);
/* Index drawn from cumulative weights cum[0..n-1] (cum[n-1] is the total). */
int rng_pick(rng *r, const double *cum, int n);

#endif
