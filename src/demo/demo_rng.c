/*
 * demo_rng.c - the random numbers of `anxin demo`: xoshiro256** seeded by
 * splitmix64, and the draws built on it (a range, a chance, a weighted
 * index). The lowest demo file: it knows no model, table or name, so every
 * other demo_* file may use it. Deterministic: a seed fixes the stream.
 */
#include "demo/demo_rng.h"

/* splitmix64 of a + (b + 1) * golden: a hash of two words. */
uint64_t demo_mix(uint64_t a, uint64_t b)
{
	uint64_t z = a + 0x9E3779B97F4A7C15ull * (b + 1);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

void demo_rng_seed(demo_rng *r, uint64_t seed)
{
	for (int i = 0; i < 4; i++)
		r->s[i] = demo_mix(seed, (uint64_t)i);
}

static uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

uint64_t demo_rng_next(demo_rng *r)
{
	uint64_t *s = r->s;
	uint64_t result = rotl(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

int64_t demo_rng_range(demo_rng *r, int64_t lo, int64_t hi)
{
	uint64_t span = (uint64_t)(hi - lo) + 1;
	return lo + (int64_t)(demo_rng_next(r) % span);
}

int demo_rng_chance(demo_rng *r, int permille)
{
	return (int)(demo_rng_next(r) % 1000) < permille;
}

int demo_rng_weighted(demo_rng *r, const int *weights, int n)
{
	int64_t sum = 0, x;

	for (int i = 0; i < n; i++)
		sum += weights[i];
	x = demo_rng_range(r, 0, sum - 1);
	for (int i = 0; i < n; i++) {
		if (x < weights[i])
			return i;
		x -= weights[i];
	}
	return n - 1;
}
