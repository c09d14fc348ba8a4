/*
 * demo_rng.h - the random numbers of `anxin demo` (demo_rng.c):
 * xoshiro256** seeded by splitmix64. Internal to the demo_* files.
 */
#ifndef ANXIN_DEMO_RNG_H
#define ANXIN_DEMO_RNG_H

#include <stdint.h>

typedef struct demo_rng {
	uint64_t s[4];
} demo_rng;

/* splitmix64 of a + (b + 1) * golden: a hash of two words (a seed for a
 * stream of its own, e.g. per record). */
uint64_t demo_mix(uint64_t a, uint64_t b);
/* Seeds r from seed (four splitmix64 words). */
void demo_rng_seed(demo_rng *r, uint64_t seed);
/* The next 64 random bits of r. */
uint64_t demo_rng_next(demo_rng *r);
/* Uniform in [lo, hi] (inclusive; hi >= lo). */
int64_t demo_rng_range(demo_rng *r, int64_t lo, int64_t hi);
/* 1 with probability permille / 1000. */
int demo_rng_chance(demo_rng *r, int permille);
/* An index drawn from weights[0..n) (each >= 0, sum > 0). */
int demo_rng_weighted(demo_rng *r, const int *weights, int n);

#endif
