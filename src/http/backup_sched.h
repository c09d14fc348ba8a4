/*
 * backup_sched.h - the daily backup inside the server (`anxin serve
 * --backup-dir DIR --backup-at HH:MM --backup-keep N`): a thread that
 * makes DIR/anxin-YYYY-MM-DD.db once a day and keeps the newest N
 * (src/domain/ops/backup.h), on the pattern of the scan scheduler
 * (sched.c). A backup only reads the database, so requests, imports and
 * scans go on beside it.
 */
#ifndef ANXIN_HTTP_BACKUP_SCHED_H
#define ANXIN_HTTP_BACKUP_SCHED_H

#include "http/http.h"

typedef struct backup_sched backup_sched;

/* Starts the thread when cfg->backup_dir is set and cfg->backup_at >= 0;
 * NULL otherwise (or when the thread cannot start). Each run logs one line
 * to standard error. Test hook: ANXIN_TEST_BACKUP_NOW=1 also makes one
 * backup right at start-up. */
backup_sched *backup_sched_start(const http_config *cfg);
/* Wakes the thread, waits for a running backup to finish, joins, frees. */
void backup_sched_stop(backup_sched *s);

#endif
