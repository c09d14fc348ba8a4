/*
 * clock.h - the clock helpers of anxin, one of each: a monotonic clock for
 * durations and rate limits (never for dates), and the one formatter of
 * UTC timestamps ("2026-05-20T08:30:00Z": the audit log, warning events,
 * parameter and calendar changes, scan logs).
 *
 * Which civil day it is comes from date_today() (util/date.h) at the
 * edges; "now" as a Unix time is read by the caller (time(NULL)) and
 * passed in, so everything below stays testable for any moment.
 */
#ifndef ANXIN_CLOCK_H
#define ANXIN_CLOCK_H

#include <stdint.h>

/* Bytes of a UTC timestamp with its NUL. */
#define CLK_ISO_LEN 21

/* Seconds of a monotonic clock (CLOCK_MONOTONIC), for elapsed times. */
double clk_mono(void);
/* Milliseconds of the same clock. */
int64_t clk_mono_ms(void);
/* Writes Unix time t as "YYYY-MM-DDTHH:MM:SSZ" (UTC) and NUL into out. */
void clk_utc_iso(int64_t t, char out[CLK_ISO_LEN]);

#endif
