/*
 * daily.h - the clock of the server's once-a-day work (the warning scan,
 * the backup): a thread waits on it for the next HH:MM in Asia/Shanghai,
 * in steps of at most a minute, until that time comes, the time is moved
 * (a reload) or the server stops. Owns no thread: its user does.
 */
#ifndef ANXIN_DAILY_H
#define ANXIN_DAILY_H

#include <pthread.h>
#include <time.h>

typedef struct daily_clock {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	int stopping;
	int at;          /* minute of the day, Asia/Shanghai (with mu) */
} daily_clock;

/* The next time (Unix seconds) after now that is minute m of a day in
 * Asia/Shanghai. */
time_t daily_next_run(time_t now, int m);

void daily_init(daily_clock *c, int at);
/* Sleeps until the clock's next minute of the day (following a move by
 * daily_set_at) or a stop. Returns 0 when the time has come, 1 when
 * stopping. */
int daily_wait(daily_clock *c);
/* Moves the daily time to at (>= 0) minutes after midnight and wakes the
 * waiter, which reckons from the new time. */
void daily_set_at(daily_clock *c, int at);
/* Wakes the waiter for good: every later daily_wait returns 1. */
void daily_stop(daily_clock *c);
void daily_destroy(daily_clock *c);

#endif
