/*
 * sched.c - scans inside the server (see sched.h).
 *
 * A scan computes inside a read transaction and writes its result in one
 * short write transaction (warn_scan.c), so API readers are never blocked
 * (WAL) and writers wait at most for that short commit. The scheduler
 * thread waits on the daily clock (daily.h: the next HH:MM in
 * Asia/Shanghai, moved by a reload) until it is time or sched_stop wakes it.
 */
#include "http/sched.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "http/daily.h"
#include "http/metrics.h"
#include "store/warn_store.h"
#include "util/log.h"

static pthread_mutex_t scan_lock = PTHREAD_MUTEX_INITIALIZER;

int sched_scan(db *d, const scan_opts *o, scan_summary *s, char *err, size_t errlen)
{
	pthread_mutex_lock(&scan_lock);
	int rc = scan_run(d, o, s, err, errlen);
	pthread_mutex_unlock(&scan_lock);
	metrics_scan(rc == 0, rc == 0 ? s->seconds : 0, rc == 0 ? s->raised : 0);
	return rc;
}

void sched_summary_json(buf *b, const scan_summary *s, const char *as_of)
{
	buf_fmt(b, "{\"as_of\":%j,\"full\":%s,\"why_full\":%j,\"projects\":%ld,\"found\":%ld,"
		   "\"raised\":%ld,\"updated\":%ld,\"unchanged\":%ld,\"eliminated\":%ld,"
		   "\"kept_eliminated\":%ld,\"open\":{\"red\":%ld,\"orange\":%ld,\"yellow\":%ld},"
		   "\"ms\":%lld,\"notes\":[",
		as_of, s->full ? "true" : "false", s->full ? s->why_full : NULL, s->projects, s->found,
		s->raised, s->updated, s->unchanged, s->eliminated, s->suppressed, s->open[2],
		s->open[1], s->open[0], (long long)(s->seconds * 1000 + 0.5));
	for (size_t i = 0; i < s->nnotes; i++)
		buf_fmt(b, "%s%j", i ? "," : "", s->notes[i]);
	buf_puts(b, "]}");
}

void sched_log(const char *why, const scan_summary *s, const char *as_of)
{
	log_msg(LOG_INFO,
		"scan (%s) as of %s: %s%s%s, %ld projects, raised %ld, updated %ld, "
		"eliminated %ld; open red %ld, orange %ld, yellow %ld; %.2f s",
		why, as_of, s->full ? "full" : "incremental", s->full ? " - " : "",
		s->full ? s->why_full : "", s->projects, s->raised, s->updated, s->eliminated,
		s->open[2], s->open[1], s->open[0], s->seconds);
	for (size_t i = 0; i < s->nnotes; i++)
		log_msg(LOG_NOTICE, "scan note: %s", s->notes[i]);
}

struct sched {
	const http_config *cfg;
	pthread_t thread;
	daily_clock clock;  /* scan_at, moved by a reload */
};

/* One scan as of today, logged. */
static void run_today(db *d, const char *why)
{
	scan_opts o = {date_today(), 0};
	scan_summary s;
	char err[512], ds[11];

	date_format(o.as_of, ds);
	if (sched_scan(d, &o, &s, err, sizeof err) != 0) {
		fprintf(stderr, "anxin: scan (%s) as of %s failed: %s\n", why, ds, err);
		return;
	}
	sched_log(why, &s, ds);
	scan_summary_free(&s);
}

static void *sched_main(void *arg)
{
	sched *s = arg;
	char err[256], today[11];
	ws_state st;
	db *d = db_open(s->cfg->db_path, 0, err, sizeof err);

	if (!d) {
		fprintf(stderr, "anxin: scan scheduler: %s\n", err);
		return NULL;
	}
	date_format(date_today(), today);
	if (warn_store_state(d, &st) == 0 && strcmp(st.last_as_of, today) < 0)
		run_today(d, "start-up");
	while (!daily_wait(&s->clock))
		run_today(d, "scheduled");
	db_close(d);
	return NULL;
}

sched *sched_start(const http_config *cfg)
{
	if (cfg->scan_at < 0)
		return NULL;
	sched *s = xcalloc(1, sizeof *s);
	s->cfg = cfg;
	daily_init(&s->clock, cfg->scan_at);
	if (pthread_create(&s->thread, NULL, sched_main, s) != 0) {
		fprintf(stderr, "anxin: scan scheduler: cannot start a thread\n");
		daily_destroy(&s->clock);
		free(s);
		return NULL;
	}
	return s;
}

void sched_set_at(sched *s, int scan_at)
{
	daily_set_at(&s->clock, scan_at);
}

void sched_stop(sched *s)
{
	if (!s)
		return;
	daily_stop(&s->clock);
	pthread_join(s->thread, NULL);
	daily_destroy(&s->clock);
	free(s);
}
