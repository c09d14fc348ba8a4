/*
 * backup_sched.c - the server's daily backup (see backup_sched.h). The
 * thread waits on the daily clock (daily.h, as the scan scheduler does)
 * until the next HH:MM in Asia/Shanghai or until backup_sched_stop wakes
 * it. Makes no database connection of its own: backup_daily opens what it
 * copies.
 */
#include "http/backup_sched.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "domain/ops/backup.h"
#include "http/daily.h"
#include "store/db.h"
#include "util/buf.h"
#include "util/date.h"

struct backup_sched {
	const http_config *cfg;
	pthread_t thread;
	daily_clock clock;  /* backup_at */
};

/* Makes today's backup and prunes old ones; logs one line. */
static void run_backup(const http_config *cfg, const char *why)
{
	backup_report r;
	buf name = BUF_INIT, line = BUF_INIT;
	char err[1024];
	int pruned = 0;
	day_t today = date_today();

	backup_daily_name(cfg->backup_dir, today, &name);
	int rc = backup_daily(cfg->db_path, cfg->backup_dir, today, cfg->backup_keep, &r, &pruned,
			      err, sizeof err);
	if (rc < 0)
		fprintf(stderr, "anxin: backup (%s) to %s failed: %s\n", why, buf_str(&name), err);
	else if (rc == 1)
		fprintf(stderr, "anxin: backup (%s): %s exists already; removed %d older\n", why,
			buf_str(&name), pruned);
	else {
		backup_summary(&line, &r);
		fprintf(stderr, "anxin: backup (%s) to %s: %s; kept the newest %d, removed %d older\n",
			why, buf_str(&name), buf_str(&line), cfg->backup_keep, pruned);
	}
	backup_report_free(&r);
	buf_free(&name);
	buf_free(&line);
}

static void *backup_main(void *arg)
{
	backup_sched *s = arg;
	const char *now = getenv("ANXIN_TEST_BACKUP_NOW");

	if (now && !strcmp(now, "1"))
		run_backup(s->cfg, "start-up, test");
	while (!daily_wait(&s->clock))
		run_backup(s->cfg, "scheduled");
	return NULL;
}

backup_sched *backup_sched_start(const http_config *cfg)
{
	if (!cfg->backup_dir[0] || cfg->backup_at < 0)
		return NULL;
	if (db_is_uri(cfg->db_path)) {
		fprintf(stderr, "anxin: backup scheduler: not started: a PostgreSQL database is backed "
			"up with PostgreSQL's tools (pg_dump), not by anxin\n");
		return NULL;
	}
	backup_sched *s = xcalloc(1, sizeof *s);
	s->cfg = cfg;
	daily_init(&s->clock, cfg->backup_at);
	if (pthread_create(&s->thread, NULL, backup_main, s) != 0) {
		fprintf(stderr, "anxin: backup scheduler: cannot start a thread\n");
		daily_destroy(&s->clock);
		free(s);
		return NULL;
	}
	return s;
}

void backup_sched_stop(backup_sched *s)
{
	if (!s)
		return;
	daily_stop(&s->clock);
	pthread_join(s->thread, NULL);
	daily_destroy(&s->clock);
	free(s);
}
