/*
 * http.h - the public face of the HTTP server: one call that serves the
 * JSON API and the embedded web UI until SIGINT/SIGTERM.
 *
 * Everything else under src/http is private to the server: req.h (the
 * request struct, typed getters, response helpers), router.c (the route
 * table), api_*.c (one file per group of endpoints), static.c (assets).
 */
#ifndef ANXIN_HTTP_H
#define ANXIN_HTTP_H

typedef struct http_config {
	const char *db_path;   /* SQLite file, must exist (anxin init) */
	const char *listen;    /* "HOST:PORT"; port 0 = any free port */
	int threads;           /* MHD thread pool size (1..64) */
	int secure_cookies;    /* add Secure to the session cookie (behind TLS) */
	int trust_proxy;       /* take the client address for the audit log from
				  X-Forwarded-For (a reverse proxy that sets it) */
	int scan_at;           /* the daily warning scan at this minute after
				  midnight, Asia/Shanghai (02:00 = 120); -1 = no
				  scheduled and no start-up scan (sched.h) */
	int no_cache;          /* answer every request afresh (no response cache):
				  for measuring, or to rule the cache out */
	int read_burst;        /* API reads per caller: a bucket of read_burst
				  (0 = no limit) ... */
	int read_per_min;      /* ... refilled at read_per_min (rate.h) */
	const char *metrics_token; /* opens GET /metrics from any address
				  ("Authorization: Bearer ..."), or NULL:
				  loopback only (metrics.h) */
	const char *backup_dir; /* the daily backup into this folder (NULL =
				  none; backup_sched.h) ... */
	int backup_at;         /* ... at this minute after midnight, Asia/
				  Shanghai (-1 = none) ... */
	int backup_keep;       /* ... keeping the newest backup_keep */
} http_config;

/* The defaults of `anxin serve --read-limit` (docs/security.md). */
#define HTTP_READ_BURST 300
#define HTTP_READ_PER_MIN 120

/* Serves until SIGINT or SIGTERM, then stops cleanly (waits for running
 * imports). Prints "anxin: serving http://HOST:PORT/ (db FILE)" once the
 * socket listens. Returns 0 after a clean stop, 1 if it could not start. */
int http_serve(const http_config *cfg);

/* Appends the route table as JSON, one object per route: {"method",
 * "pattern","perm","mutates","public"} - for `anxin routes` and the access
 * matrix test, so that no route escapes the matrix. */
struct buf;
void http_routes_json(struct buf *out);

#endif
