/*
 * sched.h - warning scans inside the server: one scan at a time (the API's
 * POST /api/v1/scan and the daily schedule share a lock, so two scans never
 * reconcile the same cells at once), and the scheduler thread of
 * `anxin serve --scan-at HH:MM`.
 */
#ifndef ANXIN_HTTP_SCHED_H
#define ANXIN_HTTP_SCHED_H

#include <stddef.h>
#include <time.h>

#include "domain/warn/warn_scan.h"
#include "http/http.h"
#include "util/buf.h"

/* scan_run under the server's scan lock (see warn_scan.h). */
int sched_scan(db *d, const scan_opts *o, scan_summary *s, char *err, size_t errlen);
/* Appends the summary s of a scan as of as_of as a JSON object. */
void sched_summary_json(buf *b, const scan_summary *s, const char *as_of);
/* Logs the summary to stderr, prefixed by why ("scheduled", "start-up", ...). */
void sched_log(const char *why, const scan_summary *s, const char *as_of);

typedef struct sched sched;
/* Starts the scheduler thread when cfg->scan_at >= 0: with its own
 * database connection, a start-up scan as of today when the last scan's
 * as-of date is older (or there was none), then a scan as of the day at
 * scan_at minutes after midnight, Asia/Shanghai, every day. NULL when
 * disabled or the thread cannot start. */
sched *sched_start(const http_config *cfg);
/* Moves the daily scan to scan_at (>= 0) minutes after midnight (a
 * reload). */
void sched_set_at(sched *s, int scan_at);
/* Wakes the thread, waits for a running scan to finish, joins, frees. */
void sched_stop(sched *s);

#endif
