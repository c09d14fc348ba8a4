/*
 * req.h - one HTTP request as the handlers see it, and the helpers that
 * validate its input and build its response.
 *
 * Handlers never touch libmicrohttpd: server.c fills an http_req (method,
 * decoded path, query parameters, body, a database connection), calls the
 * route's handler, and sends what the handler left in the response fields.
 * Input reaches a handler only through the typed, range-checked getters
 * below; each getter that fails has already set a 400 response naming the
 * parameter, so the handler just returns r->status.
 */
#ifndef ANXIN_HTTP_REQ_H
#define ANXIN_HTTP_REQ_H

#include <stddef.h>
#include <stdint.h>

#include "domain/access/audit.h"
#include "domain/access/role.h"
#include "store/db.h"
#include "store/token_store.h"
#include "store/user_store.h"
#include "util/buf.h"

#define REQ_MAX_PARAMS 64
#define REQ_MAX_ARGS 3
#define REQ_MAX_HEADERS 6
#define REQ_JSON_LIMIT (1u << 20)           /* JSON bodies: 1 MiB */
#define REQ_FILE_LIMIT (2ull << 30)         /* uploaded files: 2 GiB */

typedef struct req_param {
	char *key, *val;  /* percent-decoded, NUL-terminated */
	int used;         /* read by a getter: unread ones are a 400 */
} req_param;

struct http_route;
struct http_config;

enum { AUTH_NONE = 0, AUTH_SESSION, AUTH_TOKEN };

/* Who is calling (auth.c fills it before the handler runs; handlers only
 * read it). The scope borrows the strings of user / token. */
typedef struct http_caller {
	int kind;                 /* AUTH_NONE, AUTH_SESSION, AUTH_TOKEN */
	role_id role;
	user_rec user;            /* AUTH_SESSION (password hash wiped) */
	token_rec token;          /* AUTH_TOKEN */
	char cookie[48];          /* the session cookie's value (wiped by req_free) */
	char csrf[72];            /* the session's CSRF token */
	char actor[80];           /* audit actor: user name or "token:ID" */
	rec_scope scope;          /* row-level scope of every read and write */
	int sees_personal;        /* personal fields in full (admin, inspector) */
} http_caller;

/* Request headers the access layer reads (copies, or NULL). */
typedef struct req_headers {
	char *session;            /* the anxin_session cookie */
	char *authorization;
	char *csrf;               /* X-CSRF-Token */
	char *forwarded_for;      /* X-Forwarded-For (used with --trust-proxy) */
	char *content_type;
	char *idempotency_key;    /* Idempotency-Key: a case action's retry key */
} req_headers;

typedef struct http_req {
	/* ---- request (read-only for handlers) ---- */
	char method[8];
	char *path;                       /* percent-decoded, without query */
	req_param params[REQ_MAX_PARAMS];
	int nparams;
	char *args[REQ_MAX_ARGS];         /* the route's {captures}, in order */
	int nargs;
	buf body;                         /* JSON body (routes with HR_JSON) */
	char *body_file;                  /* temp file (routes with HR_FILE) */
	uint64_t body_len;
	char *if_none_match;              /* request header, or NULL */
	db *db;                           /* a pooled connection for this call */
	const struct http_route *route;
	const struct http_config *cfg;
	req_headers hdr;
	char addr[64];                    /* the client's address (audit log) */
	int loopback;                     /* the TCP peer itself is loopback
					     (whatever X-Forwarded-For says) */
	http_caller caller;               /* authenticated principal */

	/* ---- response (written by handlers) ---- */
	int status;                       /* 0 until a handler answers */
	buf out;                          /* body, unless one of the two below */
	const char *ctype;                /* NULL = application/json */
	const void *static_body;          /* embedded asset (not copied) */
	size_t static_len;
	int out_fd;                       /* file to send and close, or -1 */
	uint64_t out_fd_len;
	const char *hname[REQ_MAX_HEADERS];
	char *hval[REQ_MAX_HEADERS];
	int nheaders;
} http_req;

/* ---- lifecycle (server.c) --------------------------------------------- */

void req_init(http_req *r);
/* Frees everything r owns (not the db connection; closes out_fd). */
void req_free(http_req *r);
/* Parses a query string ("a=1&b=x%20y+z") into r->params. Returns 0, or
 * sets a 400 response and returns -1 (bad escape, duplicate key, too many). */
int req_parse_query(http_req *r, const char *qs);
/* Percent-decodes s into a new string (plus_space: '+' means ' ').
 * Returns NULL for a bad escape or an encoded NUL. */
char *req_decode(const char *s, size_t n, int plus_space);

/* ---- typed getters ------------------------------------------------------ */

/* The raw value of parameter name (marking it used), or NULL if absent. */
const char *req_str(http_req *r, const char *name);
/* Integer parameter in [min, max], default dflt when absent. Returns 0, or
 * -1 with a 400 response naming the parameter. */
int req_int(http_req *r, const char *name, int64_t dflt, int64_t min,
	    int64_t max, int64_t *out);
/* Boolean: 1/0/true/false; default dflt. Returns 0 or -1 (400 set). */
int req_bool(http_req *r, const char *name, int dflt, int *out);
/* Date YYYY-MM-DD; default today (Asia/Shanghai). out has 11 bytes. */
int req_date(http_req *r, const char *name, char out[11]);
/* Returns 0 when every parameter was read, else a 400 naming the first
 * unknown one and -1. Mutating handlers call it before they write. */
int req_params_done(http_req *r);

/* ---- responses ---------------------------------------------------------- */

/* Starts a JSON response: resets r->out, sets status; returns &r->out. */
buf *http_json(http_req *r, int status);
/* Sets an error response {"error":{"status","code","message"}} and returns
 * status. The message is formatted by buf_fmt (plain text). */
int http_error(http_req *r, int status, const char *fmt, ...);

/* The error code of a status: "bad_request", "not_found", ... */
const char *http_status_code(int status);
/* Adds a response header (name static; value copied). */
void http_header(http_req *r, const char *name, const char *value);
/* Sets an error response with an explicit code ("csrf", "locked", ...). */
int http_error_code(http_req *r, int status, const char *code, const char *fmt, ...);

#endif
