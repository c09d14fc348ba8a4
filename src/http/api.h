/*
 * api.h - the route table's types and every handler of the server.
 *
 * A handler is `int h(http_req *r)`: it reads its input through the typed
 * getters of req.h, does its work with r->db, leaves a response in r and
 * returns r->status. It must not block for long unless its route is
 * HR_ASYNC (then it runs on a worker thread, off the HTTP threads).
 */
#ifndef ANXIN_HTTP_API_H
#define ANXIN_HTTP_API_H

#include "domain/records/kind.h"
#include "http/req.h"
#include "store/record.h"

typedef int (*http_handler)(http_req *r);

enum {
	HR_MUTATES = 1,  /* writes data (CSRF / audit in the access layer) */
	HR_ASYNC = 2,    /* runs on a worker thread (writes: the writer thread
			    of its lane), the connection suspended meanwhile */
	HR_JSON = 4,     /* takes a JSON body (<= REQ_JSON_LIMIT, in memory) */
	HR_FILE = 8,     /* takes a raw file body (streamed to a temp file) */
	HR_PWCHANGE = 16, /* allowed while the caller must change its password */
	HR_CACHE = 32,   /* GET whose 200 body may be served from the response
			    cache while the database is unchanged (cache.h) */
	HR_SHORT = 64,   /* a short write of the desk file only (db_begin_desk):
			    queued on the short lane's writer thread, never
			    behind an import (server.c) */
	HR_NODB = 128,   /* needs no database connection: /healthz, /metrics
			    answer even with the pool busy (r->db is an idle
			    connection if one was free at once, else NULL) */
	HR_SMALLFILE = 256, /* with HR_FILE: the body is at most HTTP_SMALL_FILE
			      bytes (not max_upload), refused by its declared
			      length before it is read */
	HR_PUBLIC = 512    /* a public page's request (no account): a JSON body
			      at most HTTP_PUBLIC_JSON, a file at most
			      HTTP_PUBLIC_FILE, refused by its declared length
			      before it is read */
};

#define HTTP_SMALL_FILE (10u << 20) /* 10 MiB: an evidence file */
#define HTTP_PUBLIC_JSON (64u << 10) /* 64 KiB: the public clue form */
#define HTTP_PUBLIC_FILE (5u << 20)  /* 5 MiB: a photo of the public form */

typedef struct http_route {
	const char *method;    /* "GET", "POST", "PUT" */
	const char *pattern;   /* "/api/v1/{kind}/{id}": {x} captures a segment */
	http_handler handler;
	const char *perm;      /* permission the caller needs, enforced by
				  auth.c before the handler: "" public, "auth"
				  any caller, "session" a person, else a role
				  permission ("read", "write", "import",
				  "export", "reveal", "users", "audit", ...) */
	unsigned flags;        /* HR_* */
	const char *summary;   /* one line, for the OpenAPI document */
} http_route;

extern const http_route http_routes[];  /* terminated by a NULL method */

/* Finds the route of r->method and r->path, filling r->args. Returns it,
 * or NULL after setting a 404 (no such path) or 405 (path exists, method
 * does not; with an Allow header). */
const http_route *http_route_find(http_req *r);

/* ---- the list query (api_records.c); the JSON helpers are api_json.h --- */

/* Builds the list query of k from r's sort=, q= and FIELD= / FIELD_from= /
 * FIELD_to= parameters, within the caller's scope, with the personal-field
 * rule of masked callers (400 personal_field); vals holds the parsed filter
 * values while q is used (the caller clears them). The list API and the
 * export of "the list on screen" share it. as_of receives the list's
 * 数据日期 (as_of=, default today), which its conditions (在建, 预警) use.
 * 0, or -1 with a 400 set. */
int api_list_query(http_req *r, const kind *k, rec_query *q, kind_val vals[REC_MAX_FILTERS],
		   char as_of[11]);

/* ---- shared by the access-control endpoints (api_auth.c) ---------------- */

struct json_t;
/* The body as one JSON object, or NULL after setting a 400. */
struct json_t *api_json_object(http_req *r);
/* The string member key of o, or NULL. */
const char *api_json_str(struct json_t *o, const char *key);
/* Forgets the failed log-ins counted for prefix+name ("u:" log-in, "p:"
 * password change), e.g. when an administrator unlocks the account. */
void api_throttle_clear(const char *prefix, const char *name);

/* ---- handlers ----------------------------------------------------------- */

int api_healthz(http_req *r);     /* api_meta.c */
int api_kinds(http_req *r);
int api_openapi(http_req *r);     /* openapi.c */
int api_list(http_req *r);        /* api_records.c */
int api_get(http_req *r);
int api_create(http_req *r);      /* api_write.c */
int api_update(http_req *r);
int api_import(http_req *r);      /* api_import.c */
int api_export(http_req *r);      /* api_export.c */
int api_dashboard(http_req *r);   /* api_dash.c */
int http_static(http_req *r);     /* static.c */
int api_reveal(http_req *r);      /* api_reveal.c */
int api_login(http_req *r);       /* api_auth.c */
int api_logout(http_req *r);
int api_password(http_req *r);
int api_me(http_req *r);
int api_users(http_req *r);       /* api_admin.c */
int api_user_add(http_req *r);
int api_user_disable(http_req *r);
int api_user_enable(http_req *r);
int api_user_reset(http_req *r);
int api_user_unlock(http_req *r);
int api_tokens(http_req *r);
int api_token_create(http_req *r);
int api_token_revoke(http_req *r);
int api_audit(http_req *r);       /* api_audit.c */
int api_audit_verify(http_req *r);
int api_warnings(http_req *r);    /* api_warn.c */
int api_warning(http_req *r);
int api_warning_eliminate(http_req *r);
int api_warning_assign(http_req *r);
int api_warning_escalate(http_req *r);
int api_warning_supervise(http_req *r);
int api_warning_confirm(http_req *r);
int api_warning_reject(http_req *r);
int api_warnings_batch(http_req *r);
int api_warnings_by_project(http_req *r);
int api_warning_file_add(http_req *r);  /* api_warn_files.c */
int api_warning_file_get(http_req *r);
/* Appends the files of warning id (already found in r's scope) as JSON
 * array members; 0, or -1 on a database error. */
int api_warn_files_json(http_req *r, buf *b, int64_t id);
int api_warning_stats(http_req *r);
int api_warning_rules(http_req *r);
int api_scan(http_req *r);        /* api_scan.c */
int api_params(http_req *r);
int api_param_set(http_req *r);
int api_clues_list(http_req *r);   /* api_cases.c: cases and clues (案件, 欠薪线索) */
int api_clue_intake(http_req *r);
int api_clue_get(http_req *r);
int api_clue_act(http_req *r);     /* one route per action: the pattern's last segment */
int api_clue_file_add(http_req *r);  /* api_case_files.c */
int api_clue_file_get(http_req *r);
int api_clue_stats(http_req *r);   /* api_case_stats.c */
int api_cases_overdue(http_req *r);
int api_public_form(http_req *r);  /* api_public.c: the public clue page */
int api_public_file(http_req *r);
int api_public_photo(http_req *r);
int api_public_status(http_req *r);
int api_template(http_req *r);     /* api_export.c */
int api_export_warnings(http_req *r);
int api_export_clues(http_req *r);

/* ---- warnings on other pages (api_warn.c) -------------------------------- */

/* Appends the open warnings of project code within r's scope as a JSON
 * array (the list's item shape), for the project page's related.warnings. */
void api_warn_project_json(http_req *r, buf *b, const char *code, const char *as_of);
/* Appends {"open":{"red","orange","yellow","total"}} within r's scope, for
 * the dashboard. */
void api_warn_dash_json(http_req *r, buf *b, const char *as_of);
struct wq_filter;
/* Reads the warning list's filters and sort of r into f (the list API's
 * parameters; 400 set and -1 on a bad one). Shared with the export. */
int api_warn_filter(http_req *r, struct wq_filter *f);

#endif
