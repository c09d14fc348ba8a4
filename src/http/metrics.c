/*
 * metrics.c - the server's counters, GET /metrics and GET /readyz (see
 * metrics.h for who updates what and who may read it).
 *
 * Storage is fixed-size arrays of relaxed atomics indexed by route (the
 * row of http_routes[]), status slot, histogram bucket and kind slot, so a
 * label's cardinality is bounded by the code, never by what a client
 * sends: an unmatched path counts under route="unmatched", an unknown
 * method under "OTHER", an unlisted status under its class ("4xx").
 * Histogram buckets are stored per bucket and summed when written, so the
 * written buckets are cumulative and +Inf always equals _count.
 * Must not: take a lock on the request path, or know a route's meaning.
 */
#include "http/metrics.h"

#include <netinet/in.h>
#include <sodium.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "http/http.h"
#include "store/health_store.h"
#include "util/clock.h"

typedef _Atomic unsigned long long counter;

#define MAX_ROUTES 128                 /* rows of http_routes[] counted */
#define UNMATCHED MAX_ROUTES           /* the histogram row of no route */
static const char *const METHODS[] = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE",
				       "OPTIONS", "OTHER"};
#define NMETHODS 8
static const int STATUSES[] = {200, 201, 204, 206, 304, 400, 401, 403, 404, 405, 409,
			       410, 413, 415, 422, 429, 500, 503};
#define NCODES ((int)(sizeof STATUSES / sizeof STATUSES[0]))
#define NSTATUS (NCODES + 5)           /* then 1xx .. 5xx */
static const double REQ_LE[] = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};
#define NREQ_LE ((int)(sizeof REQ_LE / sizeof REQ_LE[0]))
static const double SCAN_LE[] = {0.1, 0.5, 1, 5, 10, 30, 60, 120, 300, 600, 1800};
#define NSCAN_LE ((int)(sizeof SCAN_LE / sizeof SCAN_LE[0]))
#define MAX_KINDS 32

static struct {
	long long started;                                   /* Unix seconds */
	counter requests[MAX_ROUTES + NMETHODS][NSTATUS];    /* unmatched: per method */
	counter req_le[MAX_ROUTES + 1][NREQ_LE + 1];         /* last: above every le */
	counter req_us[MAX_ROUTES + 1];                      /* sum, microseconds */
	_Atomic(const char *) kinds[MAX_KINDS + 1];          /* last: "unknown" */
	counter imports[MAX_KINDS + 1][2];                   /* [error, ok] */
	counter import_rows[MAX_KINDS + 1];
	counter scans_failed;
	counter scan_le[NSCAN_LE + 1];
	counter scan_us;
	counter scan_last;                                   /* Unix seconds of the last ok */
	counter raised;
	counter cache[2];                                    /* [miss, hit] */
	counter db_size[2];                                  /* [main, desk], last read */
} M;

static void add(counter *c, unsigned long long n)
{
	atomic_fetch_add_explicit(c, n, memory_order_relaxed);
}

static unsigned long long get(counter *c)
{
	return atomic_load_explicit(c, memory_order_relaxed);
}

void metrics_start(void)
{
	M.started = (long long)time(NULL);
}

/* The status slot of status: its own, or its class's. */
static int status_slot(int status)
{
	for (int i = 0; i < NCODES; i++)
		if (STATUSES[i] == status)
			return i;
	int cls = status / 100;
	return NCODES + (cls >= 1 && cls <= 5 ? cls - 1 : 4);
}

static int method_slot(const char *method)
{
	for (int i = 0; i < NMETHODS - 1; i++)
		if (strcmp(METHODS[i], method) == 0)
			return i;
	return NMETHODS - 1;
}

/* The histogram bucket of v among n upper bounds le (n: above all). */
static int bucket(const double *le, int n, double v)
{
	int i = 0;

	while (i < n && v > le[i])
		i++;
	return i;
}

void metrics_request(const http_route *rt, const char *method, int status, double seconds)
{
	long ri = rt ? (long)(rt - http_routes) : -1;
	int row = ri >= 0 && ri < MAX_ROUTES ? (int)ri : -1;
	int hrow = row >= 0 ? row : UNMATCHED;

	if (seconds < 0)
		seconds = 0;
	add(&M.requests[row >= 0 ? row : MAX_ROUTES + method_slot(method)][status_slot(status)], 1);
	add(&M.req_le[hrow][bucket(REQ_LE, NREQ_LE, seconds)], 1);
	add(&M.req_us[hrow], (unsigned long long)(seconds * 1e6));
}

/* The slot of kind name kname (a descriptor's static string), claimed on
 * first use; the last slot when unknown or all are taken. */
static int kind_slot(const char *kname)
{
	if (!kname)
		return MAX_KINDS;
	for (int i = 0; i < MAX_KINDS; i++) {
		const char *have = atomic_load(&M.kinds[i]);
		if (!have) {
			const char *expect = NULL;
			if (atomic_compare_exchange_strong(&M.kinds[i], &expect, kname))
				return i;
			have = expect;  /* another thread claimed it meanwhile */
		}
		if (strcmp(have, kname) == 0)
			return i;
	}
	return MAX_KINDS;
}

void metrics_import(const char *kname, int committed, long rows)
{
	int k = kind_slot(kname);

	add(&M.imports[k][committed ? 1 : 0], 1);
	if (rows > 0)
		add(&M.import_rows[k], (unsigned long long)rows);
}

void metrics_scan(int ok, double seconds, long raised)
{
	if (!ok) {
		add(&M.scans_failed, 1);
		return;
	}
	if (seconds < 0)
		seconds = 0;
	add(&M.scan_le[bucket(SCAN_LE, NSCAN_LE, seconds)], 1);
	add(&M.scan_us, (unsigned long long)(seconds * 1e6));
	if (raised > 0)
		add(&M.raised, (unsigned long long)raised);
	atomic_store_explicit(&M.scan_last, (unsigned long long)time(NULL), memory_order_relaxed);
}

void metrics_cache(int hit)
{
	add(&M.cache[hit ? 1 : 0], 1);
}

int metrics_is_loopback(const struct sockaddr *sa)
{
	static const unsigned char v4mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};

	if (!sa)
		return 0;
	if (sa->sa_family == AF_INET) {
		const struct sockaddr_in *in = (const struct sockaddr_in *)sa;
		return (ntohl(in->sin_addr.s_addr) >> 24) == 127;
	}
	if (sa->sa_family == AF_INET6) {
		const struct in6_addr *a = &((const struct sockaddr_in6 *)sa)->sin6_addr;
		if (IN6_IS_ADDR_LOOPBACK(a))
			return 1;
		return memcmp(a->s6_addr, v4mapped, sizeof v4mapped) == 0 && a->s6_addr[12] == 127;
	}
	return 0;
}

/* ---- the exposition ------------------------------------------------------ */

static void head(buf *b, const char *name, const char *type, const char *help)
{
	buf_fmt(b, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, type);
}

/* A label value as the format wants it: backslash, quote and newline
 * escaped. Route patterns and kind names hold none, but nothing relies
 * on that. */
static void label(buf *b, const char *v)
{
	for (; *v; v++) {
		if (*v == '\\' || *v == '"')
			buf_fmt(b, "\\%c", *v);
		else if (*v == '\n')
			buf_puts(b, "\\n");
		else
			buf_putc(b, *v);
	}
}

static void status_label(buf *b, int slot)
{
	if (slot < NCODES)
		buf_fmt(b, "%d", STATUSES[slot]);
	else
		buf_fmt(b, "%dxx", slot - NCODES + 1);
}

/* Writes the buckets (cumulative), _sum and _count of one histogram row;
 * labels: "" or 'route="..."'. (buf_fmt has no floating-point directive:
 * bounds and sums go through snprintf.) */
static void histogram(buf *b, const char *name, const char *labels, const double *le, int n,
		      counter *counts, unsigned long long sum_us)
{
	const char *sep = *labels ? "," : "";
	unsigned long long cum = 0;
	char num[32];

	for (int i = 0; i <= n; i++) {
		cum += get(&counts[i]);
		if (i < n)
			snprintf(num, sizeof num, "%g", le[i]);
		else
			snprintf(num, sizeof num, "+Inf");
		buf_fmt(b, "%s_bucket{%s%sle=\"%s\"} %llu\n", name, labels, sep, num, cum);
	}
	snprintf(num, sizeof num, "%.6f", (double)sum_us / 1e6);
	if (*labels)
		buf_fmt(b, "%s_sum{%s} %s\n%s_count{%s} %llu\n", name, labels, num, name, labels, cum);
	else
		buf_fmt(b, "%s_sum %s\n%s_count %llu\n", name, num, name, cum);
}

/* The number of rows of http_routes[] (before its NULL row), at most
 * MAX_ROUTES. */
static int route_count(void)
{
	int n = 0;

	while (n < MAX_ROUTES && http_routes[n].method)
		n++;
	return n;
}

/* Writes every metric in the text format 0.0.4 into b. */
static void metrics_write(buf *b, db *d, const char *db_path)
{
	buf lb = BUF_INIT;

	head(b, "anxin_http_requests_total", "counter",
	     "HTTP requests answered, by route pattern, method and status.");
	int nr = route_count();
	for (int row = 0; row < MAX_ROUTES + NMETHODS; row++) {
		const char *route = "unmatched", *method;
		if (row >= nr && row < MAX_ROUTES)
			continue;
		if (row < MAX_ROUTES) {
			route = http_routes[row].pattern;
			method = http_routes[row].method;
		} else {
			method = METHODS[row - MAX_ROUTES];
		}
		for (int s = 0; s < NSTATUS; s++) {
			unsigned long long n = get(&M.requests[row][s]);
			if (!n)
				continue;
			buf_puts(b, "anxin_http_requests_total{route=\"");
			label(b, route);
			buf_fmt(b, "\",method=\"%s\",status=\"", method);
			status_label(b, s);
			buf_fmt(b, "\"} %llu\n", n);
		}
	}
	head(b, "anxin_http_request_duration_seconds", "histogram",
	     "Time from a request's arrival to its completion, by route pattern.");
	for (int row = 0; row <= MAX_ROUTES; row++) {
		if (row >= nr && row < MAX_ROUTES)
			continue;
		const char *route = row < MAX_ROUTES ? http_routes[row].pattern : "unmatched";
		unsigned long long any = 0;
		for (int i = 0; i <= NREQ_LE; i++)
			any += get(&M.req_le[row][i]);
		if (!any)
			continue;
		buf_reset(&lb);
		buf_puts(&lb, "route=\"");
		label(&lb, route);
		buf_putc(&lb, '"');
		histogram(b, "anxin_http_request_duration_seconds", buf_str(&lb), REQ_LE, NREQ_LE,
			  M.req_le[row], get(&M.req_us[row]));
	}
	head(b, "anxin_imports_total", "counter", "Files imported through the API, by kind and result.");
	for (int k = 0; k <= MAX_KINDS; k++) {
		const char *kn = k < MAX_KINDS ? atomic_load(&M.kinds[k]) : "unknown";
		if (!kn)
			continue;
		for (int ok = 0; ok < 2; ok++) {
			unsigned long long n = get(&M.imports[k][ok]);
			if (!n)
				continue;
			buf_puts(b, "anxin_imports_total{kind=\"");
			label(b, kn);
			buf_fmt(b, "\",result=\"%s\"} %llu\n", ok ? "ok" : "error", n);
		}
	}
	head(b, "anxin_import_rows_total", "counter", "Data rows read by API imports, by kind.");
	for (int k = 0; k <= MAX_KINDS; k++) {
		const char *kn = k < MAX_KINDS ? atomic_load(&M.kinds[k]) : "unknown";
		unsigned long long n = get(&M.import_rows[k]);
		if (!kn || !n)
			continue;
		buf_puts(b, "anxin_import_rows_total{kind=\"");
		label(b, kn);
		buf_fmt(b, "\"} %llu\n", n);
	}
	head(b, "anxin_scan_duration_seconds", "histogram",
	     "Duration of the warning scans this server ran (scheduled and on request).");
	histogram(b, "anxin_scan_duration_seconds", "", SCAN_LE, NSCAN_LE, M.scan_le, get(&M.scan_us));
	head(b, "anxin_scans_failed_total", "counter", "Warning scans that failed.");
	buf_fmt(b, "anxin_scans_failed_total %llu\n", get(&M.scans_failed));
	head(b, "anxin_scan_last_success_timestamp_seconds", "gauge",
	     "Unix time of this server's last successful scan (0: none yet).");
	buf_fmt(b, "anxin_scan_last_success_timestamp_seconds %llu\n", get(&M.scan_last));
	head(b, "anxin_warnings_raised_total", "counter", "Warnings raised by this server's scans.");
	buf_fmt(b, "anxin_warnings_raised_total %llu\n", get(&M.raised));
	head(b, "anxin_cache_hits_total", "counter", "GET responses served from the response cache.");
	buf_fmt(b, "anxin_cache_hits_total %llu\n", get(&M.cache[1]));
	head(b, "anxin_cache_misses_total", "counter",
	     "Cacheable GET responses computed afresh (not in the cache, or stale).");
	buf_fmt(b, "anxin_cache_misses_total %llu\n", get(&M.cache[0]));
	head(b, "anxin_db_size_bytes", "gauge",
	     "Size of the database files (main: records; desk: accounts, audit log, warnings).");
	/* PostgreSQL with no idle connection at hand: the last sizes read */
	int64_t main_bytes, desk_bytes;
	if (health_db_sizes(d, db_path, &main_bytes, &desk_bytes) == 0) {
		atomic_store_explicit(&M.db_size[0], (unsigned long long)main_bytes, memory_order_relaxed);
		atomic_store_explicit(&M.db_size[1], (unsigned long long)desk_bytes, memory_order_relaxed);
	}
	buf_fmt(b, "anxin_db_size_bytes{file=\"main\"} %llu\n", get(&M.db_size[0]));
	buf_fmt(b, "anxin_db_size_bytes{file=\"desk\"} %llu\n", get(&M.db_size[1]));
	head(b, "process_start_time_seconds", "gauge", "Start time of the process since the Unix epoch.");
	buf_fmt(b, "process_start_time_seconds %lld\n", M.started);
	buf_free(&lb);
}

/* Whether the request may read /metrics (metrics.h). */
static int metrics_allowed(http_req *r)
{
	const char *tok = r->cfg ? r->cfg->metrics_token : NULL;
	const char *az = r->hdr.authorization;

	if (tok && *tok && az && strncmp(az, "Bearer ", 7) == 0) {
		size_t n = strlen(tok);
		if (strlen(az + 7) == n && sodium_memcmp(az + 7, tok, n) == 0)
			return 1;
	}
	return r->loopback && !(r->cfg && r->cfg->trust_proxy);
}

int api_metrics(http_req *r)
{
	if (!metrics_allowed(r))
		return http_error(r, 404, "没有这个地址：%s", r->path);
	if (req_params_done(r) < 0)
		return r->status;
	buf *b = http_json(r, 200);
	r->ctype = "text/plain; version=0.0.4; charset=utf-8";
	metrics_write(b, r->db, r->cfg->db_path);
	return r->status;
}

int api_readyz(http_req *r)
{
	char err[256], last[CLK_ISO_LEN] = "";
	int64_t now = (int64_t)time(NULL);
	int db_ok = health_db_answers(r->db, err, sizeof err) == 0;
	int64_t t = db_ok ? health_last_scan(r->db) : -1;
	const char *scan_err = NULL;

	if (req_params_done(r) < 0)
		return r->status;
	if (t < 0)
		scan_err = db_ok ? "cannot read the scan log" : "database not answering";
	else if (t == 0)
		scan_err = "no warning scan has run yet";
	else if (now - t > METRICS_SCAN_MAX_AGE)
		scan_err = "the last warning scan is older than the bound";
	if (t > 0)
		clk_utc_iso(t, last);
	buf *b = http_json(r, db_ok && !scan_err ? 200 : 503);
	buf_fmt(b, "{\"ready\":%s,\"checks\":{\"database\":{\"ok\":%s", db_ok && !scan_err ? "true" : "false",
		db_ok ? "true" : "false");
	if (!db_ok)
		buf_fmt(b, ",\"error\":%j", err);
	buf_fmt(b, "},\"scan\":{\"ok\":%s,\"max_age_seconds\":%d", scan_err ? "false" : "true",
		METRICS_SCAN_MAX_AGE);
	if (t > 0)
		buf_fmt(b, ",\"last\":%j,\"age_seconds\":%lld", last, (long long)(now - t));
	if (scan_err)
		buf_fmt(b, ",\"error\":%j", scan_err);
	buf_puts(b, "}}}");
	return r->status;
}
