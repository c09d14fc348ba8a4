/*
 * auth.h - the access layer of the HTTP server: who calls (session cookie
 * or bearer token), whether the request carries its CSRF token, whether
 * the caller's role holds the permission the route declares, and which
 * rows it sees. server.c calls auth_request() for every routed request,
 * before the body is read and before the handler runs; handlers then only
 * read r->caller (scope, masking, audit actor).
 */
#ifndef ANXIN_HTTP_AUTH_H
#define ANXIN_HTTP_AUTH_H

#include <stdint.h>

#include "domain/records/import.h"
#include "http/req.h"

#define AUTH_COOKIE "anxin_session"

/*
 * Authenticates r (Authorization: Bearer anx_… or the anxin_session
 * cookie), then checks, in this order: a public route passes; no
 * credentials -> 401; a session's state-changing request without the
 * matching X-CSRF-Token -> 403 "csrf"; a session that must change its
 * password, on any route but /me, /password, /logout -> 403
 * "password_change_required"; the route's permission (and, for write /
 * import routes naming a kind, the kind) -> 403. On success fills
 * r->caller (role, scope, masking, audit actor), records the session's /
 * token's use and returns 0; otherwise the error response is set and the
 * status returned. r->db must be a connection.
 */
int auth_request(http_req *r);

/* The import_opts.check of every write and import by r's caller (ctx is
 * the http_req): the kind must be writable / importable by the caller
 * (token: one of its kinds); each row must lie in the caller's scope, and
 * a bank token's transactions must be on accounts its bank holds. */
const char *auth_row_check(void *ctx, const kind *k, const kind_val *vals, const char **fkey);

/* Unix seconds now (the server's clock). */
int64_t auth_now(void);

/* Adds the Set-Cookie header of a new session cookie value (or, value
 * NULL, one that deletes the cookie). Secure when the server runs with
 * --secure-cookies. */
void auth_set_cookie(http_req *r, const char *value);

/* Fills r->caller for a session just created by log-in or password
 * change (so the response and audit rows name the user). */
void auth_caller_session(http_req *r, const user_rec *u, const char *cookie,
			 const char *csrf);

/* The audit actor of the request's caller (borrows r). */
audit_actor req_actor(const http_req *r);
/* Whether personal fields are to be masked for this caller. */
int req_mask(const http_req *r);

#endif
