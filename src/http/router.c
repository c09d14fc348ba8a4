/*
 * router.c - THE route table of the server, and its matcher.
 *
 * Every URL the server answers is one row below: method, path pattern,
 * handler, the permission it needs (enforced by the access layer, next),
 * and flags (mutates, async, body kind). Nothing else decides routing.
 * When several patterns fit a path, the one with more literal segments
 * wins ("/api/v1/import/{kind}" over "/api/v1/{kind}/{id}").
 */
#include <stdio.h>
#include <string.h>

#include "http/api.h"

const http_route http_routes[] = {
	{"GET", "/healthz", api_healthz, "", 0, "liveness and schema version"},
	{"GET", "/api/v1/openapi.json", api_openapi, "", 0, "this OpenAPI document"},
	{"GET", "/api/v1/kinds", api_kinds, "read", 0, "every kind with its fields"},
	{"GET", "/api/v1/dashboard", api_dashboard, "read", HR_ASYNC, "the dashboard figures"},
	{"POST", "/api/v1/import/{kind}", api_import, "import", HR_MUTATES | HR_ASYNC | HR_FILE,
	 "bulk import of a CSV/XLSX file"},
	{"GET", "/api/v1/export/{kind}", api_export, "export", HR_ASYNC, "export as CSV/XLSX"},
	{"GET", "/api/v1/{kind}", api_list, "read", HR_ASYNC, "list records"},
	{"POST", "/api/v1/{kind}", api_create, "write", HR_MUTATES | HR_ASYNC | HR_JSON,
	 "create or update a record by its key"},
	{"GET", "/api/v1/{kind}/{id}", api_get, "read", 0, "one record with related data"},
	{"PUT", "/api/v1/{kind}/{id}", api_update, "write", HR_MUTATES | HR_ASYNC | HR_JSON,
	 "update one record"},
	{"GET", "/", http_static, "", 0, "the web UI"},
	{"GET", "/static/{asset}", http_static, "", 0, "web UI assets"},
	{NULL, NULL, NULL, NULL, 0, NULL},
};

/* Whether path fits pattern; returns the number of literal segments
 * (+1, so 0 means no match) and, if caps is set, copies the captures. */
static int match(const char *pattern, const char *path, http_req *caps)
{
	const char *p = pattern, *s = path;
	int literal = 1;

	while (*p && *s) {
		if (*p != '/' || *s != '/')
			return 0;
		p++;
		s++;
		const char *pe = strchr(p, '/'), *se = strchr(s, '/');
		size_t pl = pe ? (size_t)(pe - p) : strlen(p);
		size_t sl = se ? (size_t)(se - s) : strlen(s);
		if (pl > 0 && p[0] == '{') {
			if (sl == 0)
				return 0;
			if (caps && caps->nargs < REQ_MAX_ARGS)
				caps->args[caps->nargs++] = xstrndup(s, sl);
		} else {
			if (pl != sl || memcmp(p, s, pl) != 0)
				return 0;
			if (pl)
				literal++;
		}
		p += pl;
		s += sl;
	}
	return *p || *s ? 0 : literal;
}

const http_route *http_route_find(http_req *r)
{
	const char *method = strcmp(r->method, "HEAD") == 0 ? "GET" : r->method;
	int best = 0;
	const http_route *hit = NULL;
	buf allow = BUF_INIT;

	for (const http_route *rt = http_routes; rt->method; rt++) {
		int m = match(rt->pattern, r->path, NULL);
		if (m > best) {
			best = m;
			hit = NULL;
			buf_reset(&allow);
		}
		if (m == best && m > 0) {
			if (strcmp(rt->method, method) == 0 && !hit)
				hit = rt;
			buf_fmt(&allow, "%s%s", allow.len ? ", " : "", rt->method);
		}
	}
	if (hit) {
		match(hit->pattern, r->path, r);
		r->route = hit;
	} else if (best) {
		http_error(r, 405, "method %s not allowed on %s (allowed: %s)", r->method,
			   r->path, buf_str(&allow));
		http_header(r, "Allow", buf_str(&allow));
	} else {
		http_error(r, 404, "no such path: %s", r->path);
	}
	buf_free(&allow);
	return hit;
}
