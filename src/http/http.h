/*
 * http.h - the public face of the HTTP server: one call that serves the
 * JSON API and the embedded web UI until SIGINT/SIGTERM, and its settings.
 *
 * Everything else under src/http is private to the server: req.h (the
 * request struct, typed getters, response helpers), router.c (the route
 * table), api_*.c (one file per group of endpoints), static.c (assets).
 */
#ifndef ANXIN_HTTP_H
#define ANXIN_HTTP_H

#include <stdint.h>

#define HTTP_PATH_MAX 4096

/* The settings of the server: from the configuration file and the flags
 * of `anxin serve` (conf.h, which owns the keys and their defaults). */
typedef struct http_config {
	char db_path[HTTP_PATH_MAX]; /* db: SQLite file, must exist (anxin init);
				  "" until resolved ($ANXIN_DB, ./anxin.db) */
	char listen[256];      /* listen: "HOST:PORT"; port 0 = any free port */
	int threads;           /* threads: MHD thread pool size (1..64) */
	int secure_cookies;    /* secure_cookies: add Secure to the session
				  cookie (behind TLS) */
	int trust_proxy;       /* trust_proxy: take the client address from
				  X-Forwarded-For and a request id from
				  X-Request-Id (a reverse proxy sets them) */
	int scan_at;           /* scan_at: the daily warning scan at this minute
				  after midnight, Asia/Shanghai (02:00 = 120); -1 =
				  no scheduled and no start-up scan (sched.h) */
	int no_cache;          /* answer every request afresh (no response cache):
				  for measuring, or to rule the cache out (flag only) */
	int read_burst;        /* read_limit: API reads per caller: a bucket of
				  read_burst (0 = no limit) ... */
	int read_per_min;      /* ... refilled at read_per_min (rate.h) */
	uint64_t max_upload;   /* max_upload: the largest uploaded file, bytes */
	int log_level;         /* log_level: syslog priority, lines above it are
				  dropped (util/log.h) */
	int stop_timeout;      /* stop_timeout: seconds a stop waits for running
				  requests before interrupting them (rolled back) */
	int backup_at;         /* backup_at: the daily backup at this minute after
				  midnight, Asia/Shanghai (default 01:00); -1 = none */
	int backup_keep;       /* backup_keep: backups kept by the daily backup */
	char backup_dir[HTTP_PATH_MAX]; /* backup_dir: where they go; "" = no
				  daily backup (backup_sched.h) */
	char config_path[HTTP_PATH_MAX]; /* the file read, "" = none: re-read
				  on SIGHUP */
	const char *const *flags; /* the flags (key, value, ..., NULL) applied
				  over the file at every (re)load; borrowed */
	const char *metrics_token; /* opens GET /metrics from any address
				  ("Authorization: Bearer ..."), or NULL:
				  loopback only (metrics.h); borrowed */
} http_config;

/* The defaults of `anxin serve --read-limit` (docs/security.md). */
#define HTTP_READ_BURST 300
#define HTTP_READ_PER_MIN 120
/* The default largest upload and stop timeout (conf.h). */
#define HTTP_MAX_UPLOAD (2ull << 30)
#define HTTP_STOP_TIMEOUT 20

/* Serves until SIGINT or SIGTERM, then stops cleanly (waits for running
 * imports up to stop_timeout, then interrupts them: rolled back). Prints
 * "anxin: serving http://HOST:PORT/ (db FILE)" once the socket listens and
 * tells systemd (READY=1 to $NOTIFY_SOCKET). SIGHUP re-reads the
 * configuration (conf_load with cfg's config_path and flags) and applies
 * what can change live. Returns 0 after a clean stop, 1 if it could not
 * start. */
int http_serve(const http_config *cfg);

/* Appends the route table as JSON, one object per route: {"method",
 * "pattern","perm","mutates","public"} - for `anxin routes` and the access
 * matrix test, so that no route escapes the matrix. */
struct buf;
void http_routes_json(struct buf *out);

#endif
