/*
 * metrics.h - the server's counters and GET /metrics (Prometheus text
 * exposition format 0.0.4), and GET /readyz.
 *
 * The counters live in this process's memory as relaxed atomics: updating
 * one is an atomic add, no lock, from whichever thread finished the work
 * (server.c at a request's completion and for the response cache,
 * api_import.c after an import, sched.c after a scan). They start at zero
 * with the process (process_start_time_seconds tells a scraper when).
 *
 * Who may read /metrics: a peer on loopback (127.0.0.0/8, ::1) when the
 * server does not trust a proxy, or any peer presenting the metrics token
 * (`anxin serve --metrics-token-file FILE`) as "Authorization: Bearer". With
 * --trust-proxy every request may come through the proxy on the same host,
 * so loopback proves nothing and only the token opens it. Anyone else gets
 * the same 404 as an unknown path. See README, "Monitor".
 */
#ifndef ANXIN_HTTP_METRICS_H
#define ANXIN_HTTP_METRICS_H

#include "http/api.h"

/* Notes the process start time; call once before serving. */
void metrics_start(void);
/* One finished request: its route (NULL: none matched), the request's
 * method, the status sent and the seconds from its first byte to its
 * completion. */
void metrics_request(const http_route *rt, const char *method, int status, double seconds);
/* One import of a file of kind kname (NULL: the kind was never known):
 * committed or not, and the data rows it read. */
void metrics_import(const char *kname, int committed, long rows);
/* One warning scan that ran (ok) or failed, its seconds and the warnings
 * it raised. */
void metrics_scan(int ok, double seconds, long raised);
/* One look-up in the response cache: hit or miss. */
void metrics_cache(int hit);

/* Whether the peer at sockaddr sa is a loopback address (IPv4 127/8,
 * IPv6 ::1 or ::ffff:127.x.y.z). */
struct sockaddr;
int metrics_is_loopback(const struct sockaddr *sa);

int api_metrics(http_req *r);   /* GET /metrics */
int api_readyz(http_req *r);    /* GET /readyz */

/* The age beyond which /readyz calls the last scan stale: the daily scan
 * plus two hours of slack. */
#define METRICS_SCAN_MAX_AGE (26 * 3600)

#endif
