/*
 * test_rate.c - the per-caller read limit (http/rate.c): a burst, the
 * refill rate, Retry-After, callers kept apart, and a full table that
 * gives away only buckets that hold nothing a caller could gain from.
 */
#include <criterion/criterion.h>
#include <stdio.h>

#include "http/rate.h"

Test(rate, a_burst_then_refused_with_the_seconds_to_wait)
{
	rate_limit *rl = rate_new(300, 120);  /* the defaults of anxin serve */
	int64_t t = 1000000;

	for (int i = 0; i < 300; i++)
		cr_assert_eq(rate_take(rl, "zhang", t), 0, "read %d", i);
	int wait = rate_take(rl, "zhang", t);
	cr_assert_eq(wait, 1, "120 a minute: one read every 0.5 s, so 1 s (rounded up)");
	cr_assert_eq(rate_take(rl, "zhang", t + 499), 1, "not yet");
	cr_assert_eq(rate_take(rl, "zhang", t + 1000), 0, "refilled: 2 a second");
	cr_assert_eq(rate_take(rl, "zhang", t + 1000), 0);
	cr_assert_neq(rate_take(rl, "zhang", t + 1000), 0, "and no more");
	rate_free(rl);
}

Test(rate, refill_is_capped_at_the_burst)
{
	rate_limit *rl = rate_new(3, 60);
	int64_t t = 5000;

	for (int i = 0; i < 3; i++)
		cr_assert_eq(rate_take(rl, "a", t), 0);
	cr_assert_eq(rate_take(rl, "a", t), 1);
	t += 3600 * 1000;  /* an hour idle: a full bucket, not 3,600 reads */
	for (int i = 0; i < 3; i++)
		cr_assert_eq(rate_take(rl, "a", t), 0);
	cr_assert_neq(rate_take(rl, "a", t), 0);
	rate_free(rl);
}

Test(rate, slow_refill_gives_a_longer_retry_after)
{
	rate_limit *rl = rate_new(1, 2);  /* one read every 30 s */
	int wait;

	cr_assert_eq(rate_take(rl, "a", 0), 0);
	cr_assert_eq(rate_take(rl, "a", 0), 30);
	wait = rate_take(rl, "a", 10000);
	cr_assert(wait == 20 || wait == 21, "%d", wait);  /* rounded up */
	cr_assert_eq(rate_take(rl, "a", 30000), 0);
	rate_free(rl);
}

Test(rate, callers_are_kept_apart)
{
	rate_limit *rl = rate_new(2, 60);

	cr_assert_eq(rate_take(rl, "zhang", 0), 0);
	cr_assert_eq(rate_take(rl, "zhang", 0), 0);
	cr_assert_neq(rate_take(rl, "zhang", 0), 0);
	cr_assert_eq(rate_take(rl, "token:7", 0), 0, "another caller has its own bucket");
	cr_assert_neq(rate_take(rl, "zhang", 0), 0);
	rate_free(rl);
}

Test(rate, many_callers_do_not_free_an_empty_bucket)
{
	rate_limit *rl = rate_new(2, 1);
	char name[32];

	cr_assert_eq(rate_take(rl, "script", 0), 0);
	cr_assert_eq(rate_take(rl, "script", 0), 0);
	cr_assert_neq(rate_take(rl, "script", 0), 0);
	/* 10,000 other callers, each with a read left: the table (4,096
	 * slots) is overrun, yet the script's empty bucket is not given away
	 * while a fuller one can be */
	for (int i = 0; i < 10000; i++) {
		snprintf(name, sizeof name, "u%d", i);
		rate_take(rl, name, 1000);
	}
	cr_assert_neq(rate_take(rl, "script", 1000), 0);
	rate_free(rl);
}

Test(rate, off_allows_everything)
{
	cr_assert_null(rate_new(0, 0));
	for (int i = 0; i < 1000; i++)
		cr_assert_eq(rate_take(NULL, "x", 0), 0);
}
