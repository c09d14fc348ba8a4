/*
 * daily.c - the once-a-day clock of the scan and backup schedulers (see
 * daily.h): a mutex, a condition variable and the minute of the day.
 */
#include "http/daily.h"

#include <stdint.h>

#define SHANGHAI (8 * 3600)  /* Asia/Shanghai: UTC+8, no daylight saving */

time_t daily_next_run(time_t now, int m)
{
	int64_t local = (int64_t)now + SHANGHAI;
	int64_t day = local - ((local % 86400) + 86400) % 86400;
	int64_t at = day + (int64_t)m * 60;

	if (at <= local)
		at += 86400;
	return (time_t)(at - SHANGHAI);
}

void daily_init(daily_clock *c, int at)
{
	pthread_mutex_init(&c->mu, NULL);
	pthread_cond_init(&c->cv, NULL);
	c->stopping = 0;
	c->at = at;
}

int daily_wait(daily_clock *c)
{
	int stop;

	pthread_mutex_lock(&c->mu);
	int at = c->at;
	time_t t = daily_next_run(time(NULL), at);
	while (!c->stopping) {
		if (c->at != at) {  /* moved: reckon from the new time */
			at = c->at;
			t = daily_next_run(time(NULL), at);
		}
		time_t now = time(NULL);
		if (now >= t)
			break;
		struct timespec ts = {now + (t - now < 60 ? t - now : 60), 0};
		pthread_cond_timedwait(&c->cv, &c->mu, &ts);
	}
	stop = c->stopping;
	pthread_mutex_unlock(&c->mu);
	return stop;
}

void daily_set_at(daily_clock *c, int at)
{
	pthread_mutex_lock(&c->mu);
	c->at = at;
	pthread_cond_broadcast(&c->cv);
	pthread_mutex_unlock(&c->mu);
}

void daily_stop(daily_clock *c)
{
	pthread_mutex_lock(&c->mu);
	c->stopping = 1;
	pthread_cond_broadcast(&c->cv);
	pthread_mutex_unlock(&c->mu);
}

void daily_destroy(daily_clock *c)
{
	pthread_mutex_destroy(&c->mu);
	pthread_cond_destroy(&c->cv);
}
