/*
 * server.c - libmicrohttpd setup and the life of one connection.
 *
 * Owns: the daemon (epoll, internal thread pool), the pool of database
 * connections, request bodies (JSON in memory up to REQ_JSON_LIMIT, files
 * streamed to a temp file up to REQ_FILE_LIMIT), the worker threads of
 * HR_ASYNC routes (the connection is suspended meanwhile, so a long import
 * or a list that scans millions of rows never stalls the HTTP threads:
 * READERS threads for reads, and one writer thread per write lane, so
 * writers queue here instead of waiting on SQLite's lock: the main lane
 * (imports, record writes, scans: the main file's lock) and the short lane
 * (HR_SHORT: log-in, log-out, password, reveal, warning actions, accounts:
 * the desk file's lock only), so a long import never delays a log-in -
 * docs/architecture.md, "Two write lanes"), the headers
 * every response carries, the request id and the log line of every
 * request, and the service's signals: a clean stop on SIGINT/SIGTERM
 * (running requests finish, or are interrupted and roll back after the
 * stop timeout), a reload of the configuration on SIGHUP (the settings
 * that can change live are swapped in as a new `live` snapshot; a request
 * keeps the one it started with), and readiness for systemd (notify.h). Right
 * after routing, before any body is read, it hands the request to the
 * access layer (auth.c: credentials, CSRF, the route's permission) with a
 * pooled connection, so a refused request - an upload included - is
 * answered without its body ever being stored; then takes one read of
 * the caller's read limit (rate.h) for an authenticated GET.
 * Must not: know any route or kind (router.c, api_*.c do), decide who may
 * call what (auth.c does), or exit because of one request.
 *
 * libmicrohttpd calls the access handler several times per request: first
 * with the headers (we parse, route and check limits), then once per chunk
 * of body, then with no data; the response is queued on that later call,
 * never the first, or keep-alive is lost.
 */
#include "http/http.h"

#include <errno.h>
#include <malloc.h>
#include <microhttpd.h>
#include <arpa/inet.h>
#include <netdb.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "http/api.h"
#include "http/auth.h"
#include "http/sched.h"
#include "http/backup_sched.h"
#include "http/cache.h"
#include "http/metrics.h"
#include "domain/access/audit.h"
#include "http/rate.h"
#include "http/conf.h"
#include "util/date.h"
#include "util/clock.h"
#include "util/log.h"
#include "util/notify.h"

#include <sys/random.h>

#define READERS 4             /* worker threads for slow reads (lists, exports) */
#define MAX_QUEUED 256        /* waiting HR_ASYNC requests per queue, then 503 */
#define DRAIN_LIMIT (64u << 20) /* refused bodies up to this are read, not cut */
#define CONN_TIMEOUT 30       /* seconds of silence before a client is dropped */
#define CONN_MEMORY (32 * 1024)  /* libmicrohttpd's per-connection pool: zeroed
				   for every request, so kept small */

enum { PH_NEW, PH_BODY, PH_RUNNING, PH_DONE };

struct conn;
struct server;

/* A queue of suspended requests and the worker threads that serve it. */
typedef struct jobq {
	struct server *s;
	struct conn *head, *tail;
	int n;
	pthread_cond_t cv;      /* with server.mu */
	pthread_t *threads;
	int nthreads;
} jobq;

/* The settings in force: replaced whole by a reload (SIGHUP), never
 * changed in place; a request holds the one it began with. Older ones are
 * kept (prev) until the server stops, so none is freed under a request. */
typedef struct live {
	http_config cfg;
	rate_limit *read_limit; /* per-caller read limit, or NULL (rate.h) */
	struct live *prev;
} live;

typedef struct server {
	const http_config *cfg; /* as started: listen, db, threads */
	live *live;             /* atomic: the current settings */
	db **all;               /* every connection opened, to interrupt them
				   when a stop times out */
	int nall;
	struct MHD_Daemon *mhd;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	db **idle;              /* pooled connections not in use */
	int nidle, nopen, maxopen;
	int stopping;
	jobq reads;             /* HR_ASYNC reads: READERS threads */
	jobq writes;            /* HR_MUTATES: one thread, so writers never wait
				   on each other's SQLite lock */
	jobq shorts;            /* HR_SHORT: one thread for the short writes,
				   which lock the desk file only */
	http_cache *cache;      /* GET responses of HR_CACHE routes, or NULL */
	int drained;            /* stop: workers and scans are done (with mu) */
	int aborting;           /* stop timeout passed: connections interrupted */
	int answering;          /* handled requests whose response is not yet
				   sent (with mu): a stop waits for them */
	pthread_cond_t stop_cv; /* with mu: signals drained */
} server;

typedef struct conn {
	http_req r;
	server *s;
	struct MHD_Connection *mc;
	char *uri;              /* as received: path and query, still encoded */
	struct conn *next;      /* in a jobq */
	int phase;
	int has_body;
	int fd;                 /* temp file of an HR_FILE body, or -1 */
	uint64_t limit;
	char *cache_key;        /* HR_CACHE: the response's key, once missed */
	int64_t *cache_ver;     /* the tables' counters read before computing
				   it (cache_versions: DB_SLOTS + 1) */
	live *lv;               /* the settings this request runs with */
	char rid[40];           /* request id: X-Request-Id, and in its log line */
	int64_t t0;             /* clk_mono_ms() when the request arrived */
	double t0_s;            /* clk_mono() then: the latency metric, arrival
				   to the response queued, below a millisecond too */
	int logged;
	int answering;          /* counted in server.answering */
} conn;

/* ---- database pool ------------------------------------------------------ */

/* A connection for one request: an idle one, or a new one while fewer
 * than maxopen are open, else waits. NULL if the file cannot be opened. */
static db *pool_get(server *s)
{
	db *d = NULL;
	char err[256];

	pthread_mutex_lock(&s->mu);
	while (s->nidle == 0 && s->nopen >= s->maxopen)
		pthread_cond_wait(&s->cv, &s->mu);
	if (s->nidle > 0) {
		d = s->idle[--s->nidle];
		pthread_mutex_unlock(&s->mu);
		return d;
	}
	s->nopen++;
	pthread_mutex_unlock(&s->mu);
	d = db_open(s->cfg->db_path, 0, err, sizeof err);
	pthread_mutex_lock(&s->mu);
	if (!d) {
		s->nopen--;
		pthread_cond_signal(&s->cv);
	} else {
		s->all[s->nall++] = d;  /* nopen <= maxopen, the size of all */
		if (s->aborting)
			db_interrupt(d);
	}
	pthread_mutex_unlock(&s->mu);
	if (!d)
		log_msg(LOG_ERR, "http: %s", err);
	return d;
}

/* An idle connection if one is free at once, else NULL: never waits,
 * never opens one (for the HR_NODB routes, which answer with the pool
 * busy and use a connection only when there is one at hand). */
static db *pool_try_idle(server *s)
{
	db *d = NULL;

	pthread_mutex_lock(&s->mu);
	if (s->nidle > 0 && !s->aborting)
		d = s->idle[--s->nidle];
	pthread_mutex_unlock(&s->mu);
	return d;
}

static void pool_put(server *s, db *d)
{
	if (!d)
		return;
	pthread_mutex_lock(&s->mu);
	s->idle[s->nidle++] = d;
	pthread_cond_signal(&s->cv);
	pthread_mutex_unlock(&s->mu);
}

/* ---- running a handler -------------------------------------------------- */

/* Calls the route's handler with a pooled connection; a handler that set
 * no status is a bug, answered 500. Read-only routes get a 400 for any
 * query parameter they did not read (mutating ones check before writing). */
static void run_handler(server *s, conn *c)
{
	http_req *r = &c->r;
	int nodb = (r->route->flags & HR_NODB) != 0;

	db_tables reads;
	int snapshot = 0;

	r->db = nodb ? pool_try_idle(s) : pool_get(s);
	if (!r->db && !nodb) {
		http_error(r, 503, "数据库暂不可用，请稍后重试");
		return;
	}
	/* A cacheable read (a list, a page, the dashboard) reads one snapshot
	 * in one transaction: consistent figures, and SQLite's lock taken
	 * once instead of once per statement. Its tables are noted for the
	 * cache. */
	if (r->db && (r->route->flags & HR_CACHE) && strcmp(r->method, "GET") == 0)
		snapshot = db_read_begin(r->db) == DB_OK;
	if (r->db && c->cache_key) {
		memset(&reads, 0, sizeof reads);
		db_track_reads(r->db, &reads);
	}
	r->route->handler(r);
	if (r->db && c->cache_key)
		db_track_reads(r->db, NULL);
	if (snapshot)
		db_read_end(r->db);
	if (r->status == 0)
		http_error(r, 500, "服务器内部错误");
	else if (r->status < 300)
		req_params_done(r);
	if (c->cache_key && r->db && r->status == 200 && !r->ctype && r->nheaders == 0 &&
	    !r->static_body && r->out_fd < 0)
		cache_put(s->cache, c->cache_key, c->cache_ver, &reads, r->out.p ? r->out.p : "",
			  r->out.len);
	if (r->db)
		pool_put(s, r->db);
	r->db = NULL;
}

/* The cache key of a request: the request as received, the caller's role
 * and row scope, and today's date (as_of defaults to it). */
static char *cache_key_of(conn *c)
{
	const http_caller *who = &c->r.caller;
	char today[11];
	buf k = BUF_INIT;

	date_format(date_today(), today);
	buf_fmt(&k, "%s %s\x1f%s\x1f%s\x1f%s\x1f%d\x1f%s", c->r.method, c->uri,
		role_code(who->role), who->scope.street ? who->scope.street : "",
		who->scope.uscc ? who->scope.uscc : "", who->sees_personal, today);
	return buf_detach(&k);
}

/* Answers an HR_CACHE request from the cache if none of the tables its
 * body was computed from changed since; else notes the key and the
 * counters so that run_handler stores the fresh body. Returns 1 on a hit. */
static int cache_try(server *s, conn *c)
{
	if (!s->cache || !(c->r.route->flags & HR_CACHE) || strcmp(c->r.method, "GET") != 0)
		return 0;
	c->cache_ver = xmalloc((DB_SLOTS + 1) * sizeof *c->cache_ver);
	if (cache_versions(s->cache, c->cache_ver) < 0) {
		metrics_cache(0);
		return 0;  /* unknown: computed, not stored */
	}
	c->cache_key = cache_key_of(c);
	if (!cache_get(s->cache, c->cache_key, c->cache_ver, &c->r.out)) {
		metrics_cache(0);
		return 0;
	}
	metrics_cache(1);
	c->r.status = 200;
	return 1;
}

/* A worker: takes suspended requests off its queue, runs them, resumes
 * their connections. When the server stops it drains the queue first. */
static void *worker_main(void *arg)
{
	jobq *q = arg;
	server *s = q->s;

	for (;;) {
		pthread_mutex_lock(&s->mu);
		while (!q->head && !s->stopping)
			pthread_cond_wait(&q->cv, &s->mu);
		conn *c = q->head;
		if (!c) {
			pthread_mutex_unlock(&s->mu);
			return NULL;
		}
		q->head = c->next;
		if (!q->head)
			q->tail = NULL;
		q->n--;
		pthread_mutex_unlock(&s->mu);

		run_handler(s, c);
		c->phase = PH_DONE;
		pthread_mutex_lock(&s->mu);
		s->answering++;  /* until on_completed: a stop waits for it */
		c->answering = 1;
		pthread_mutex_unlock(&s->mu);
		MHD_resume_connection(c->mc);  /* c may be gone after this */
	}
}

static void jobq_start(server *s, jobq *q, int nthreads)
{
	q->s = s;
	pthread_cond_init(&q->cv, NULL);
	q->threads = xcalloc((size_t)nthreads, sizeof *q->threads);
	for (int i = 0; i < nthreads; i++)
		if (pthread_create(&q->threads[q->nthreads], NULL, worker_main, q) == 0)
			q->nthreads++;
}

/* Joins the workers (after stopping is set) and frees the queue. */
static void jobq_stop(jobq *q)
{
	for (int i = 0; i < q->nthreads; i++)
		pthread_join(q->threads[i], NULL);
	free(q->threads);
	if (q->s)
		pthread_cond_destroy(&q->cv);
}

/* Lets the workers finish what is queued, then joins them. */
static void stop_workers(server *s)
{
	pthread_mutex_lock(&s->mu);
	s->stopping = 1;
	pthread_cond_broadcast(&s->reads.cv);
	pthread_cond_broadcast(&s->writes.cv);
	pthread_cond_broadcast(&s->shorts.cv);
	pthread_mutex_unlock(&s->mu);
	jobq_stop(&s->reads);
	jobq_stop(&s->writes);
	jobq_stop(&s->shorts);
}

/* Suspends the connection and queues the request for a worker. Returns 0,
 * or -1 with a 503 set when the queue is full or the server is stopping. */
static int start_job(server *s, conn *c)
{
	unsigned f = c->r.route->flags;
	jobq *q = (f & HR_SHORT) ? &s->shorts : (f & HR_MUTATES) ? &s->writes : &s->reads;

	pthread_mutex_lock(&s->mu);
	if (s->stopping || q->n >= MAX_QUEUED || q->nthreads == 0) {
		pthread_mutex_unlock(&s->mu);
		http_error(&c->r, 503, "服务器繁忙，请稍后重试");
		return -1;
	}
	c->phase = PH_RUNNING;
	MHD_suspend_connection(c->mc);
	c->next = NULL;
	if (q->tail)
		q->tail->next = c;
	else
		q->head = c;
	q->tail = c;
	q->n++;
	pthread_cond_signal(&q->cv);
	pthread_mutex_unlock(&s->mu);
	return 0;
}

/* ---- responses ---------------------------------------------------------- */

static const char CSP[] = "default-src 'self'; script-src 'self'; style-src 'self'; "
			  "img-src 'self' data:; frame-ancestors 'none'";

/* The request's one log line: id, method, path (never the query, which
 * may hold personal data), status, milliseconds, client address and
 * caller. 5xx at level err, the rest at info. */
static void log_request(conn *c)
{
	http_req *r = &c->r;

	if (c->logged)
		return;
	c->logged = 1;
	log_msg(r->status >= 500 ? LOG_ERR : LOG_INFO, "http: rid=%s %s %.300s %d %lldms addr=%s%s%s",
		c->rid, r->method, r->path ? r->path : "/", r->status,
		(long long)(clk_mono_ms() - c->t0), r->addr, r->caller.actor[0] ? " caller=" : "",
		r->caller.actor);
}

/* Builds the MHD response from what the handler left in r and queues it. */
static enum MHD_Result send_response(conn *c)
{
	http_req *r = &c->r;
	struct MHD_Response *resp;
	int has_cache = 0;

	if (r->static_body) {
		resp = MHD_create_response_from_buffer(r->static_len, (void *)r->static_body,
						       MHD_RESPMEM_PERSISTENT);
	} else if (r->out_fd >= 0) {
		resp = MHD_create_response_from_fd64(r->out_fd_len, r->out_fd);
		if (resp)
			r->out_fd = -1;   /* MHD closes it */
	} else {
		size_t len = r->out.len;
		char *p = buf_detach(&r->out);
		resp = MHD_create_response_from_buffer(len, p ? p : (void *)"",
						       p ? MHD_RESPMEM_MUST_FREE : MHD_RESPMEM_PERSISTENT);
		if (!resp)
			free(p);
	}
	if (!resp)
		return MHD_NO;
	MHD_add_response_header(resp, "Content-Type",
				r->ctype ? r->ctype : "application/json; charset=utf-8");
	MHD_add_response_header(resp, "Content-Security-Policy", CSP);
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "Referrer-Policy", "same-origin");
	for (int i = 0; i < r->nheaders; i++) {
		MHD_add_response_header(resp, r->hname[i], r->hval[i]);
		if (strcmp(r->hname[i], "Cache-Control") == 0)
			has_cache = 1;
	}
	if (!has_cache)
		MHD_add_response_header(resp, "Cache-Control", "no-store");
	MHD_add_response_header(resp, "X-Request-Id", c->rid);
	/* counted when queued - before the client can see the answer, so a
	 * scrape after a response always includes it */
	metrics_request(r->route, r->method, r->status, clk_mono() - c->t0_s);
	enum MHD_Result ret = MHD_queue_response(c->mc, (unsigned)r->status, resp);
	MHD_destroy_response(resp);
	log_request(c);
	return ret;
}

/* ---- the access handler ------------------------------------------------- */

/* A copy of request header name, or NULL. */
static char *header_dup(struct MHD_Connection *mc, enum MHD_ValueKind vk, const char *name)
{
	const char *v = MHD_lookup_connection_value(mc, vk, name);

	return v ? xstrdup(v) : NULL;
}

/* The client's address for the audit log: the peer's, or with
 * --trust-proxy the last address of X-Forwarded-For (the one the proxy
 * itself added or set). */
static void client_address(conn *c)
{
	http_req *r = &c->r;
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(c->mc, MHD_CONNECTION_INFO_CLIENT_ADDRESS);

	snprintf(r->addr, sizeof r->addr, "unknown");
	r->loopback = ci && metrics_is_loopback(ci->client_addr);
	if (ci && ci->client_addr)
		getnameinfo(ci->client_addr,
			    ci->client_addr->sa_family == AF_INET6 ? sizeof(struct sockaddr_in6)
								   : sizeof(struct sockaddr_in),
			    r->addr, sizeof r->addr, NULL, 0, NI_NUMERICHOST);
	if (c->lv->cfg.trust_proxy && r->hdr.forwarded_for) {
		const char *last = strrchr(r->hdr.forwarded_for, ',');
		last = last ? last + 1 : r->hdr.forwarded_for;
		while (*last == ' ')
			last++;
		size_t n = strcspn(last, " ");
		if (n > 0 && n < sizeof r->addr) {
			memcpy(r->addr, last, n);
			r->addr[n] = 0;
		}
	}
}

/* The per-caller read limit (rate.h): an authenticated GET / HEAD takes
 * one read of its caller's bucket - also when answered from the cache -
 * or is refused with 429 and Retry-After. Returns 0 or the status set. */
static int check_read_limit(conn *c)
{
	http_req *r = &c->r;
	char secs[16];
	int wait;

	if (!c->lv->read_limit || r->caller.kind == AUTH_NONE ||
	    (strcmp(r->method, "GET") != 0 && strcmp(r->method, "HEAD") != 0))
		return 0;
	if (!(wait = rate_take(c->lv->read_limit, r->caller.actor, clk_mono_ms())))
		return 0;
	snprintf(secs, sizeof secs, "%d", wait);
	http_error_code(r, 429, "too_many_requests",
			"请求过于频繁，请 %d 秒后再试 (too many reads in a short time: retry after %d s)",
			wait, wait);
	http_header(r, "Retry-After", secs);
	return r->status;
}

/* Reads the headers the access layer needs and authenticates and
 * authorises the request (auth.c) with a pooled connection - before any
 * body is read, so a refused upload is never stored. Returns 0 or the
 * error status set. */
static int check_access(conn *c)
{
	http_req *r = &c->r;
	struct MHD_Connection *mc = c->mc;
	int rc;

	r->cfg = &c->lv->cfg;
	r->hdr.session = header_dup(mc, MHD_COOKIE_KIND, AUTH_COOKIE);
	r->hdr.authorization = header_dup(mc, MHD_HEADER_KIND, "Authorization");
	r->hdr.csrf = header_dup(mc, MHD_HEADER_KIND, "X-CSRF-Token");
	r->hdr.forwarded_for = header_dup(mc, MHD_HEADER_KIND, "X-Forwarded-For");
	r->hdr.content_type = header_dup(mc, MHD_HEADER_KIND, "Content-Type");
	r->hdr.idempotency_key = header_dup(mc, MHD_HEADER_KIND, "Idempotency-Key");
	client_address(c);
	if (!r->route->perm || !*r->route->perm)
		return 0;
	r->db = pool_get(c->s);
	if (!r->db)
		return http_error(r, 503, "数据库暂不可用，请稍后重试");
	rc = auth_request(r);
	pool_put(c->s, r->db);
	r->db = NULL;
	return rc ? rc : check_read_limit(c);
}

/* The request's id: with trust_proxy a sane X-Request-Id of the proxy
 * (1..36 of A-Z a-z 0-9 . _ : -, so it may go into a log line and a
 * header as is), else 12 random hex digits. */
static void request_id(conn *c)
{
	const char *in = MHD_lookup_connection_value(c->mc, MHD_HEADER_KIND, "X-Request-Id");
	unsigned char raw[6];

	if (c->lv->cfg.trust_proxy && in && *in && strlen(in) < sizeof c->rid &&
	    strspn(in, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:-") ==
		    strlen(in)) {
		memcpy(c->rid, in, strlen(in) + 1);
		return;
	}
	if (getrandom(raw, sizeof raw, 0) != (ssize_t)sizeof raw)
		memset(raw, 0, sizeof raw);  /* an id only, never a secret */
	for (size_t i = 0; i < sizeof raw; i++)
		snprintf(c->rid + 2 * i, 3, "%02x", raw[i]);
}

/* First call: parse the URI, route, check the declared body size, prepare
 * the body's destination. An error found here is answered on a later call,
 * after the body was read and dropped - or at once (closing the connection)
 * when the declared body is too big to read. */
static enum MHD_Result begin(conn *c, const char *method)
{
	http_req *r = &c->r;
	struct MHD_Connection *mc = c->mc;
	const char *uri = c->uri ? c->uri : "/";
	const char *q = strchr(uri, '?');
	const char *cl = MHD_lookup_connection_value(mc, MHD_HEADER_KIND, "Content-Length");
	const char *te = MHD_lookup_connection_value(mc, MHD_HEADER_KIND, "Transfer-Encoding");
	const char *inm = MHD_lookup_connection_value(mc, MHD_HEADER_KIND, "If-None-Match");

	c->phase = PH_BODY;
	request_id(c);
	c->has_body = (cl && strcmp(cl, "0") != 0) || te;
	snprintf(r->method, sizeof r->method, "%s", method);
	if (inm)
		r->if_none_match = xstrdup(inm);
	r->path = req_decode(uri, q ? (size_t)(q - uri) : strlen(uri), 0);
	if (!r->path || r->path[0] != '/') {
		free(r->path);
		r->path = xstrdup("/");
		http_error(r, 400, "地址格式错误");
	} else if (strlen(method) >= sizeof r->method) {
		http_error(r, 405, "不支持该请求方法");
	} else if (q && req_parse_query(r, q + 1) < 0) {
		/* 400 set */
	} else if (http_route_find(r) && check_access(c) == 0) {
		unsigned f = r->route->flags;
		c->limit = (f & HR_FILE) ? c->lv->cfg.max_upload : REQ_JSON_LIMIT;
		if ((f & HR_SMALLFILE) && c->limit > HTTP_SMALL_FILE)
			c->limit = HTTP_SMALL_FILE;
		if (f & HR_PUBLIC)
			c->limit = (f & HR_FILE) ? HTTP_PUBLIC_FILE : HTTP_PUBLIC_JSON;
		if (cl && strtoull(cl, NULL, 10) > c->limit) {
			http_error(r, 413, "请求内容过大(上限 %llu 字节)",
				   (unsigned long long)c->limit);
		} else if (f & HR_FILE) {
			const char *tmp = getenv("TMPDIR");
			buf path = BUF_INIT;
			buf_fmt(&path, "%s/anxin-upload-XXXXXX", tmp && *tmp ? tmp : "/tmp");
			r->body_file = buf_detach(&path);
			c->fd = mkstemp(r->body_file);
			if (c->fd < 0) {
				free(r->body_file);
				r->body_file = NULL;
				log_msg(LOG_ERR, "http: temp file: %s", strerror(errno));
				http_error(r, 500, "无法保存上传的文件");
			}
		}
	}
	/* A refused request with a body is answered at once (and the
	 * connection closed) only when the body is too big to read; a modest
	 * one is read and dropped first, so the client sees the answer rather
	 * than a reset while it is still sending. */
	if (r->status && c->has_body && !(cl && strtoull(cl, NULL, 10) <= DRAIN_LIMIT))
		return send_response(c);
	return MHD_YES;
}

/* One chunk of body: into the temp file or the JSON buffer; past the
 * limit (chunked bodies) the rest is discarded and a 413 answered. */
static void body_chunk(conn *c, const char *data, size_t n)
{
	http_req *r = &c->r;

	if (r->status)
		return;
	r->body_len += n;
	if (r->body_len > c->limit) {
		http_error(r, 413, "请求内容过大(上限 %llu 字节)",
			   (unsigned long long)c->limit);
		return;
	}
	if (c->fd >= 0) {
		while (n > 0) {
			ssize_t w = write(c->fd, data, n);
			if (w < 0 && errno == EINTR)
				continue;
			if (w <= 0) {
				log_msg(LOG_ERR, "http: writing upload: %s", strerror(errno));
				http_error(r, 500, "无法保存上传的文件");
				return;
			}
			data += w;
			n -= (size_t)w;
		}
	} else if (r->route && (r->route->flags & HR_JSON)) {
		buf_putn(&r->body, data, n);
	}
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *mc,
				  const char *url, const char *method,
				  const char *version, const char *upload_data,
				  size_t *upload_data_size, void **con_cls)
{
	server *s = cls;
	conn *c = *con_cls;

	if (!c)
		return MHD_NO;  /* the URI callback always sets it */
	c->mc = mc;
	switch (c->phase) {
	case PH_NEW:
		return begin(c, method);
	case PH_BODY:
		if (*upload_data_size) {
			body_chunk(c, upload_data, *upload_data_size);
			*upload_data_size = 0;
			return MHD_YES;
		}
		if (c->fd >= 0) {
			close(c->fd);
			c->fd = -1;
		}
		if (!c->r.status && !cache_try(s, c)) {
			if (c->r.route->flags & HR_ASYNC) {
				if (start_job(s, c) == 0)
					return MHD_YES;
			} else {
				run_handler(s, c);
			}
		}
		return send_response(c);
	case PH_DONE:
		return send_response(c);
	default:
		return MHD_YES;  /* PH_RUNNING: spurious call while suspended */
	}
}

/* Called by MHD with the raw request URI before anything else: its return
 * value becomes the connection's per-request pointer. */
static void *on_uri(void *cls, const char *uri, struct MHD_Connection *mc)
{
	conn *c = xcalloc(1, sizeof *c);

	req_init(&c->r);
	c->s = cls;
	c->mc = mc;
	c->fd = -1;
	c->uri = xstrdup(uri ? uri : "/");
	c->lv = __atomic_load_n(&c->s->live, __ATOMIC_ACQUIRE);
	c->t0 = clk_mono_ms();
	c->t0_s = clk_mono();
	snprintf(c->rid, sizeof c->rid, "-");
	return c;
}

static void on_completed(void *cls, struct MHD_Connection *mc, void **con_cls,
			 enum MHD_RequestTerminationCode toe)
{
	conn *c = *con_cls;

	if (!c)
		return;
	if (c->answering) {
		pthread_mutex_lock(&c->s->mu);
		c->s->answering--;
		pthread_cond_broadcast(&c->s->stop_cv);
		pthread_mutex_unlock(&c->s->mu);
	}
	if (c->fd >= 0)
		close(c->fd);
	req_free(&c->r);
	free(c->uri);
	free(c->cache_key);
	free(c->cache_ver);
	free(c);
	*con_cls = NULL;
}

static void on_mhd_log(void *cls, const char *fmt, va_list ap)
{
	char msg[512];

	vsnprintf(msg, sizeof msg, fmt, ap);
	msg[strcspn(msg, "\n")] = 0;
	log_msg(LOG_WARNING, "http: %s", msg);
}

/* ---- start and stop ----------------------------------------------------- */

/* Resolves "HOST:PORT" ("[::1]:8080" for IPv6). Returns 0 and fills ss. */
static int parse_listen(const char *listen, struct sockaddr_storage *ss,
			socklen_t *sslen, char *host, size_t hostlen)
{
	const char *colon = strrchr(listen, ':');
	struct addrinfo hints, *ai = NULL;
	const char *h = listen;
	size_t hl;

	if (!colon || !colon[1])
		return -1;
	hl = (size_t)(colon - listen);
	if (hl >= 2 && h[0] == '[' && h[hl - 1] == ']') {
		h++;
		hl -= 2;
	}
	if (hl == 0 || hl >= hostlen)
		return -1;
	memcpy(host, h, hl);
	host[hl] = 0;
	memset(&hints, 0, sizeof hints);
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE;
	if (getaddrinfo(host, colon + 1, &hints, &ai) != 0 || !ai)
		return -1;
	memcpy(ss, ai->ai_addr, ai->ai_addrlen);
	*sslen = ai->ai_addrlen;
	freeaddrinfo(ai);
	return 0;
}

/* ---- the stop timeout ---------------------------------------------------- */

typedef struct stop_watch {
	server *s;
	int timeout;            /* seconds */
} stop_watch;

/* Waits up to the stop timeout for the drain (s->drained); past it,
 * interrupts every database connection (db_interrupt: every statement and
 * COMMIT fails from then on, a connection opened later too), so a running
 * import rolls back its transaction - nothing half-written - and the
 * drain completes. */
static void *stop_watch_main(void *arg)
{
	stop_watch *w = arg;
	server *s = w->s;
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec += w->timeout;
	pthread_mutex_lock(&s->mu);
	while (!s->drained)
		if (pthread_cond_timedwait(&s->stop_cv, &s->mu, &ts) == ETIMEDOUT)
			break;
	if (!s->drained) {
		s->aborting = 1;
		for (int i = 0; i < s->nall; i++)
			db_interrupt(s->all[i]);
		log_msg(LOG_WARNING, "stop timeout (%d s) reached: interrupting running "
			"requests, their transactions roll back", w->timeout);
	}
	pthread_mutex_unlock(&s->mu);
	return NULL;
}

/* Waits until the responses of handled requests are sent (on_completed),
 * for at most limit seconds, so a stop does not cut the answer of an
 * import that finished. */
static void wait_answers(server *s, int limit)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec += limit;
	pthread_mutex_lock(&s->mu);
	while (s->answering > 0)
		if (pthread_cond_timedwait(&s->stop_cv, &s->mu, &ts) == ETIMEDOUT)
			break;
	if (s->answering > 0)
		log_msg(LOG_WARNING, "stop: %d answer(s) not sent in time", s->answering);
	pthread_mutex_unlock(&s->mu);
}

/* ---- reload (SIGHUP) ------------------------------------------------------ */

/* A new live snapshot of cfg's settings, with its own read limit. */
static live *live_new(const http_config *cfg, live *prev)
{
	live *lv = xcalloc(1, sizeof *lv);

	lv->cfg = *cfg;
	lv->read_limit = rate_new(cfg->read_burst, cfg->read_per_min);
	lv->prev = prev;
	return lv;
}

/* Logs every setting a reload changed (conf_diff). */
static void log_changes(const http_config *was, const http_config *now)
{
	buf d = BUF_INIT;
	const char *p;

	if (!conf_diff(was, now, &d))
		log_msg(LOG_NOTICE, "reload: no setting changed");
	for (p = buf_str(&d); *p;) {
		size_t n = strcspn(p, "\n");
		log_msg(LOG_NOTICE, "reload: %.*s", (int)n, p);
		p += n + (p[n] != 0);
	}
	buf_free(&d);
}

/* Re-reads the configuration (the same file and flags) and swaps in what
 * can change live: scan_at, read_limit (its buckets start full again),
 * trust_proxy, secure_cookies, max_upload, log_level, stop_timeout. A
 * changed listen, db or threads is logged as needing a restart and kept
 * as it is. On any error the settings in force stay, every error logged.
 * Connections, open or kept alive, are not touched. */
static void reload(server *s, sched **scans)
{
	live *cur = s->live;
	http_config next;
	buf errs = BUF_INIT;
	char state[96];
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	snprintf(state, sizeof state, "RELOADING=1\nMONOTONIC_USEC=%llu",
		 (unsigned long long)now.tv_sec * 1000000ull + (unsigned long long)now.tv_nsec / 1000);
	notify_send(state);
	log_msg(LOG_NOTICE, "reload: SIGHUP, re-reading %s",
		cur->cfg.config_path[0] ? cur->cfg.config_path : "the flags (no configuration file)");
	if (conf_load(&next, cur->cfg.config_path, cur->cfg.flags, &errs) > 0) {
		const char *p = buf_str(&errs);
		while (*p) {
			size_t n = strcspn(p, "\n");
			log_msg(LOG_ERR, "reload: %.*s", (int)n, p);
			p += n + (p[n] != 0);
		}
		log_msg(LOG_ERR, "reload failed: the settings in force are kept");
		goto out;
	}
	if (strcmp(next.listen, cur->cfg.listen) != 0)
		log_msg(LOG_WARNING, "reload: listen = %s needs a restart; still on %s", next.listen,
			cur->cfg.listen);
	if (next.db_path[0] && strcmp(next.db_path, cur->cfg.db_path) != 0)
		log_msg(LOG_WARNING, "reload: db = %s needs a restart; still on %s", next.db_path,
			cur->cfg.db_path);
	if (next.threads != cur->cfg.threads)
		log_msg(LOG_WARNING, "reload: threads = %d needs a restart; still %d", next.threads,
			cur->cfg.threads);
	memcpy(next.listen, cur->cfg.listen, sizeof next.listen);
	memcpy(next.db_path, cur->cfg.db_path, sizeof next.db_path);
	next.threads = cur->cfg.threads;
	next.no_cache = cur->cfg.no_cache;
	next.metrics_token = cur->cfg.metrics_token;  /* a flag's file, read at start */
	log_changes(&cur->cfg, &next);
	live *lv = live_new(&next, cur);
	__atomic_store_n(&s->live, lv, __ATOMIC_RELEASE);
	log_set_level(next.log_level);
	if (next.scan_at != cur->cfg.scan_at) {
		if (*scans && next.scan_at < 0) {
			sched_stop(*scans);
			*scans = NULL;
		} else if (*scans) {
			sched_set_at(*scans, next.scan_at);
		} else {
			*scans = sched_start(&lv->cfg);
		}
	}
	log_msg(LOG_NOTICE, "reload: done");
out:
	notify_send("READY=1\nSTATUS=serving (configuration reloaded)");
	buf_free(&errs);
}

int http_serve(const http_config *cfg)
{
	server s;
	struct sockaddr_storage ss;
	socklen_t sslen;
	char host[256], status[HTTP_PATH_MAX + 512];
	sigset_t sigs, old;
	int sig, rc = 1;
	unsigned flags = MHD_USE_EPOLL_INTERNAL_THREAD | MHD_ALLOW_SUSPEND_RESUME |
			 MHD_USE_ERROR_LOG;
	int threads = cfg->threads > 0 ? cfg->threads : 2;

	memset(&s, 0, sizeof s);
	/* The heap is kept, not handed back after every request: a list page's
	 * rows (about 80 KB of values for 50 rows) and its body were freed
	 * at the top of a thread's heap, trimmed, and faulted in again by the
	 * next request - 6.7 page faults per request, 7 % of its CPU.
	 * Blocks of 1 MB and more (exports, imports) still come from mmap
	 * and go back at once. */
#ifdef M_TRIM_THRESHOLD  /* glibc's; another C library keeps its own policy */
	mallopt(M_TRIM_THRESHOLD, 16 << 20);
	mallopt(M_MMAP_THRESHOLD, 1 << 20);
#endif
	s.cfg = cfg;
	pthread_mutex_init(&s.mu, NULL);
	pthread_cond_init(&s.cv, NULL);
	pthread_cond_init(&s.stop_cv, NULL);
	s.maxopen = threads + READERS + 2 + 2;
	s.idle = xcalloc((size_t)s.maxopen, sizeof *s.idle);
	s.all = xcalloc((size_t)s.maxopen, sizeof *s.all);
	s.live = live_new(cfg, NULL);
	log_set_level(cfg->log_level);

	if (parse_listen(cfg->listen, &ss, &sslen, host, sizeof host) < 0) {
		log_msg(LOG_ERR, "serve: cannot use listen address '%s' (want HOST:PORT)",
			cfg->listen);
		goto out;
	}
	if (ss.ss_family == AF_INET6)
		flags |= MHD_USE_IPv6;
	/* Check the database once before listening, for a clear message. */
	db *first = pool_get(&s);
	if (!first)
		goto out;
	/* audit rows lost between the two files' commits by a crash */
	int64_t lost = audit_reconcile(first);
	if (lost > 0)
		log_msg(LOG_WARNING, "%lld audit row(s) of committed changes were lost in a "
			"crash and have been appended again", (long long)lost);
	pool_put(&s, first);
	s.cache = cfg->no_cache ? NULL : cache_new(cfg->db_path);
	metrics_start();

	signal(SIGPIPE, SIG_IGN);
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGINT);
	sigaddset(&sigs, SIGTERM);
	sigaddset(&sigs, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &sigs, &old);  /* inherited by every thread */
	/* The pool option only when there is a pool (1 thread: none, no warning). */
	struct MHD_OptionItem pool[] = {
		{threads > 1 ? MHD_OPTION_THREAD_POOL_SIZE : MHD_OPTION_END, threads, NULL},
		{MHD_OPTION_END, 0, NULL},
	};
	jobq_start(&s, &s.reads, READERS);
	jobq_start(&s, &s.writes, 1);
	jobq_start(&s, &s.shorts, 1);

	s.mhd = MHD_start_daemon(flags, 0, NULL, NULL, on_request, &s,
				 MHD_OPTION_EXTERNAL_LOGGER, on_mhd_log, NULL,
				 MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
				 MHD_OPTION_ARRAY, pool,
				 MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)CONN_TIMEOUT,
				 MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)CONN_MEMORY,
				 MHD_OPTION_CONNECTION_LIMIT, (unsigned)1000,
				 MHD_OPTION_LISTENING_ADDRESS_REUSE, (unsigned)1,
				 MHD_OPTION_URI_LOG_CALLBACK, on_uri, &s,
				 MHD_OPTION_NOTIFY_COMPLETED, on_completed, &s,
				 MHD_OPTION_END);
	if (!s.mhd) {
		log_msg(LOG_ERR, "serve: cannot listen on %s: %s", cfg->listen,
			errno ? strerror(errno) : "unknown error");
		stop_workers(&s);
		pthread_sigmask(SIG_SETMASK, &old, NULL);
		goto out;
	}
	const union MHD_DaemonInfo *info = MHD_get_daemon_info(s.mhd, MHD_DAEMON_INFO_BIND_PORT);
	char shown[1024];
	snprintf(status, sizeof status, "serving http://%s%s%s:%u/ (db %s)",
		 strchr(host, ':') ? "[" : "", host, strchr(host, ':') ? "]" : "",
		 info ? (unsigned)info->port : 0, db_display_name(cfg->db_path, shown, sizeof shown));
	printf("anxin: %s\n", status);
	fflush(stdout);
	sched *scans = sched_start(cfg);  /* daily and start-up warning scans */
	backup_sched *backups = backup_sched_start(cfg);  /* the daily backup */
	{
		buf st = BUF_INIT;
		buf_fmt(&st, "READY=1\nSTATUS=%s", status);
		if (notify_send(buf_str(&st)) < 0)
			log_msg(LOG_WARNING, "cannot notify systemd ($NOTIFY_SOCKET): %s",
				strerror(errno));
		buf_free(&st);
	}

	for (;;) {
		if (sigwait(&sigs, &sig) != 0)
			continue;
		if (sig != SIGHUP)
			break;
		reload(&s, &scans);
	}
	notify_send("STOPPING=1\nSTATUS=stopping");
	stop_watch w = {&s, s.live->cfg.stop_timeout};
	log_msg(LOG_NOTICE, "stopping (%s): no new connections, running requests get %d s",
		sig == SIGINT ? "SIGINT" : "SIGTERM", w.timeout);
	MHD_socket lfd = MHD_quiesce_daemon(s.mhd);
	if (lfd != MHD_INVALID_SOCKET)
		close(lfd);
	pthread_t watcher;
	int watching = pthread_create(&watcher, NULL, stop_watch_main, &w) == 0;
	stop_workers(&s);       /* queued requests are answered first */
	sched_stop(scans);      /* a running scan finishes first */
	backup_sched_stop(backups);  /* a running backup finishes first */
	pthread_mutex_lock(&s.mu);
	s.drained = 1;
	pthread_cond_broadcast(&s.stop_cv);
	pthread_mutex_unlock(&s.mu);
	if (watching)
		pthread_join(watcher, NULL);
	wait_answers(&s, 5);
	MHD_stop_daemon(s.mhd);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	log_msg(LOG_NOTICE, "stopped");
	rc = 0;
out:
	for (int i = 0; i < s.nidle; i++)
		db_close(s.idle[i]);
	free(s.idle);
	free(s.all);
	cache_free(s.cache);
	while (s.live) {
		live *prev = s.live->prev;
		rate_free(s.live->read_limit);
		free(s.live);
		s.live = prev;
	}
	pthread_mutex_destroy(&s.mu);
	pthread_cond_destroy(&s.cv);
	pthread_cond_destroy(&s.stop_cv);
	return rc;
}
