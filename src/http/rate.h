/*
 * rate.h - per-caller limits on API reads: one token bucket per caller
 * (a user name, or "token:ID"), so that a person browsing never meets the
 * limit and a script that enumerates (look-up oracles, scraping) does.
 * The public clue page (api_public.c) keys its buckets by client address
 * and counts over longer periods (rate_new_period).
 *
 * A bucket holds at most `burst` reads and refills at `per_minute`; each
 * read takes one. The figures and why: docs/security.md, "Read limit".
 * The table lives in memory (a restart forgets it) and has a fixed size:
 * when it is full, the bucket holding the most reads makes room (a full
 * one is the same as a new one; an emptied one goes last).
 *
 * Must not: know about HTTP or the clock (the caller passes "now").
 */
#ifndef ANXIN_HTTP_RATE_H
#define ANXIN_HTTP_RATE_H

#include <stdint.h>

typedef struct rate_limit rate_limit;

/* A limiter of burst reads refilling at per_minute (both >= 1); NULL
 * (no limit) when burst <= 0. Freed with rate_free (NULL is fine). */
rate_limit *rate_new(int burst, int per_minute);
/* The same with any period: burst takes, refilling at per_period takes
 * every period_ms (5 filings an hour: rate_new_period(5, 5, 3600000)). */
rate_limit *rate_new_period(int burst, int per_period, int64_t period_ms);
void rate_free(rate_limit *rl);
/* Takes one read from caller's bucket at now_ms (a monotonic clock in
 * milliseconds). Returns 0 when the read may go ahead, otherwise the
 * whole seconds (>= 1) until the bucket holds a read again - the
 * Retry-After of the 429. A NULL rl allows everything. Thread-safe. */
int rate_take(rate_limit *rl, const char *caller, int64_t now_ms);
/* Gives back one take to caller's bucket (a request that turned out not
 * to count, e.g. a form refused for a field error), at most a full one. */
void rate_give(rate_limit *rl, const char *caller, int64_t now_ms);

#endif
