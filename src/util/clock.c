/*
 * clock.c - the monotonic clock and the UTC timestamp formatter (see
 * clock.h). Reads the monotonic clock only; never the wall clock.
 */
#include "util/clock.h"

#include <time.h>

double clk_mono(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int64_t clk_mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void clk_utc_iso(int64_t t, char out[CLK_ISO_LEN])
{
	time_t tt = (time_t)t;
	struct tm tm;

	gmtime_r(&tt, &tm);
	strftime(out, CLK_ISO_LEN, "%Y-%m-%dT%H:%M:%SZ", &tm);
}
