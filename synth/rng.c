/*
 * rng.c - xoshiro256** (Blackman and Vigna, 2018) seeded with splitmix64.
 */
#include <math.h>

#include "rng.h"

static uint64_t splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static inline uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

void rng_seed(rng *r, uint64_t seed, const char *label, uint64_t stream)
{
	/* FNV-1a of the label, mixed with the seed and the stream number. */
	uint64_t h = 0xcbf29ce484222325ULL;
	uint64_t x;

	for (const unsigned char *p = (const unsigned char *)label; *p; p++) {
		h ^= *p;
		h *= 0x100000001b3ULL;
	}
	x = seed ^ (h * 0x9e3779b97f4a7c15ULL) ^ (stream << 32 | stream);
	for (int i = 0; i < 4; i++)
		r->s[i] = splitmix64(&x);
}

uint64_t rng_next(rng *r)
{
	uint64_t *s = r->s;
	const uint64_t result = rotl(s[1] * 5, 7) * 9;
	const uint64_t t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

double rng_uniform(rng *r)
{
	return (double)(rng_next(r) >> 11) * 0x1.0p-53;
}

uint32_t rng_below(rng *r, uint32_t n)
{
	/* Lemire's multiply-shift; the bias for n far below 2^32 is negligible
	 * for synthetic data and the result stays deterministic. */
	return (uint32_t)(((rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

int rng_range(rng *r, int lo, int hi)
{
	return lo + (int)rng_below(r, (uint32_t)(hi - lo + 1));
}

int rng_chance(rng *r, double p)
{
	return rng_uniform(r) < p;
}

double rng_normal(rng *r)
{
	/* Marsaglia's polar method; the second deviate is dropped so that the
	 * stream has no hidden state beyond s[]. */
	double u, v, q;

	do {
		u = 2.0 * rng_uniform(r) - 1.0;
		v = 2.0 * rng_uniform(r) - 1.0;
		q = u * u + v * v;
	} while (q >= 1.0 || q == 0.0);
	return u * sqrt(-2.0 * log(q) / q);
}

int rng_pick(rng *r, const double *cum, int n)
{
	double x = rng_uniform(r) * cum[n - 1];

	for (int i = 0; i < n - 1; i++)
		if (x < cum[i])
			return i;
	return n - 1;
}
