/*
 * rate.c - per-caller token buckets for API reads (see rate.h).
 *
 * A take is counted as period_ms units, so that refilling at per_period
 * takes a period (per_period units a millisecond) is exact in integers
 * (reads: 60,000 units, per_minute units a millisecond). The
 * table is open-addressed over RATE_SLOTS slots; a caller's slot is found
 * within RATE_PROBE slots of its hash.
 */
#include "http/rate.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"

#define RATE_SLOTS 4096
#define RATE_PROBE 16

typedef struct rate_slot {
	char key[96];        /* "" = free */
	int64_t units;       /* takes x unit at last_ms */
	int64_t last_ms;
} rate_slot;

struct rate_limit {
	int64_t burst_units;
	int64_t unit;        /* one take: period_ms units */
	int per_period;      /* units refilled a millisecond */
	pthread_mutex_t mu;
	rate_slot slots[RATE_SLOTS];
};

rate_limit *rate_new_period(int burst, int per_period, int64_t period_ms)
{
	if (burst <= 0)
		return NULL;
	rate_limit *rl = xcalloc(1, sizeof *rl);
	rl->unit = period_ms > 0 ? period_ms : 60000;
	rl->burst_units = (int64_t)burst * rl->unit;
	rl->per_period = per_period > 0 ? per_period : 1;
	pthread_mutex_init(&rl->mu, NULL);
	return rl;
}

rate_limit *rate_new(int burst, int per_minute)
{
	return rate_new_period(burst, per_minute, 60000);
}

void rate_free(rate_limit *rl)
{
	if (!rl)
		return;
	pthread_mutex_destroy(&rl->mu);
	free(rl);
}

/* The takes (x unit) of s at now_ms: refilled since its last use, at most
 * a full bucket. */
static int64_t refilled(const rate_limit *rl, const rate_slot *s, int64_t now_ms)
{
	int64_t dt = now_ms - s->last_ms;

	if (dt < 0)
		dt = 0;
	if (dt > 86400000)
		dt = 86400000;  /* a day refills any bucket; no overflow */
	int64_t m = s->units + dt * rl->per_period;
	return m < rl->burst_units ? m : rl->burst_units;
}

static uint32_t hash_key(const char *s)
{
	uint32_t h = 2166136261u;  /* FNV-1a */

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* Whether slot a is a better one to give away than b: a free slot, else
 * the bucket holding the most reads (the closest to the full bucket its
 * caller gets back when next seen - so an emptied bucket is the last to
 * go), else the one unused the longest. */
static int better_victim(const rate_limit *rl, const rate_slot *a, const rate_slot *b,
			 int64_t now_ms)
{
	if (!a->key[0] || !b->key[0])
		return !a->key[0] && b->key[0];
	int64_t ta = refilled(rl, a, now_ms), tb = refilled(rl, b, now_ms);
	if (ta != tb)
		return ta > tb;
	return a->last_ms < b->last_ms;
}

/* The slot of key (made, with a full bucket, when new); called with
 * rl->mu held. */
static rate_slot *slot_of(rate_limit *rl, const char *key, int64_t now_ms)
{
	uint32_t h = hash_key(key);
	rate_slot *victim = NULL;

	for (int i = 0; i < RATE_PROBE; i++) {
		rate_slot *s = &rl->slots[(h + (uint32_t)i) % RATE_SLOTS];
		if (s->key[0] && strcmp(s->key, key) == 0)
			return s;
		if (!victim || better_victim(rl, s, victim, now_ms))
			victim = s;
	}
	snprintf(victim->key, sizeof victim->key, "%s", key);
	victim->units = rl->burst_units;
	victim->last_ms = now_ms;
	return victim;
}

int rate_take(rate_limit *rl, const char *caller, int64_t now_ms)
{
	int wait = 0;

	if (!rl)
		return 0;
	char key[sizeof rl->slots[0].key];  /* as stored: a long name truncated alike */
	snprintf(key, sizeof key, "%s", caller && *caller ? caller : "?");
	pthread_mutex_lock(&rl->mu);
	rate_slot *s = slot_of(rl, key, now_ms);
	s->units = refilled(rl, s, now_ms);
	s->last_ms = now_ms;
	if (s->units >= rl->unit) {
		s->units -= rl->unit;
	} else {
		/* milliseconds until one whole read, rounded up to seconds */
		int64_t ms = (rl->unit - s->units + rl->per_period - 1) / rl->per_period;
		wait = (int)((ms + 999) / 1000);
		if (wait < 1)
			wait = 1;
	}
	pthread_mutex_unlock(&rl->mu);
	return wait;
}

void rate_give(rate_limit *rl, const char *caller, int64_t now_ms)
{
	if (!rl)
		return;
	char key[sizeof rl->slots[0].key];
	snprintf(key, sizeof key, "%s", caller && *caller ? caller : "?");
	pthread_mutex_lock(&rl->mu);
	rate_slot *s = slot_of(rl, key, now_ms);
	s->units = refilled(rl, s, now_ms) + rl->unit;
	if (s->units > rl->burst_units)
		s->units = rl->burst_units;
	s->last_ms = now_ms;
	pthread_mutex_unlock(&rl->mu);
}
