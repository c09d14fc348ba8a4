/*
 * router.c - THE route table of the server, and its matcher.
 *
 * Every URL the server answers is one row below: method, path pattern,
 * handler, the permission it needs (enforced for every request by
 * auth.c before the handler runs: declaring it is all a new route does),
 * and flags (mutates, async, short lane, body kind). Nothing else decides
 * routing.
 * When several patterns fit a path, the one with more literal segments
 * wins ("/api/v1/import/{kind}" over "/api/v1/{kind}/{id}").
 */
#include <stdio.h>
#include <string.h>

#include "http/api.h"
#include "http/http.h"
#include "http/metrics.h"

const http_route http_routes[] = {
	{"GET", "/healthz", api_healthz, "", HR_NODB, "liveness and schema version (no database)"},
	{"GET", "/readyz", api_readyz, "", 0,
	 "readiness: both database files answer and the last warning scan is fresh"},
	{"GET", "/metrics", api_metrics, "", HR_NODB,
	 "Prometheus metrics (loopback peer, or the metrics token; else 404)"},
	{"GET", "/api/v1/openapi.json", api_openapi, "auth", 0, "this OpenAPI document"},
	{"GET", "/api/v1/kinds", api_kinds, "read", HR_CACHE, "every kind with its fields"},
	{"GET", "/api/v1/dashboard", api_dashboard, "read", HR_ASYNC | HR_CACHE,
	 "the dashboard figures"},
	{"POST", "/api/v1/import/{kind}", api_import, "import", HR_MUTATES | HR_ASYNC | HR_FILE,
	 "bulk import of a CSV/XLSX file"},
	{"GET", "/api/v1/export/warnings", api_export_warnings, "export", HR_ASYNC,
	 "the warning list (its filters and sort) as XLSX/CSV"},
	{"GET", "/api/v1/export/cases/clue", api_export_clues, "cases", HR_ASYNC,
	 "the clue inbox (its box and filters) as XLSX/CSV"},
	{"GET", "/api/v1/export/{kind}", api_export, "export", HR_ASYNC,
	 "the list (filters, q, sort) as CSV/XLSX: display form, or layout=exchange"},
	{"GET", "/api/v1/template/{kind}", api_template, "read", HR_ASYNC,
	 "the import template of a kind (XLSX with 填写说明, or CSV)"},
	{"GET", "/api/v1/{kind}", api_list, "read", HR_ASYNC | HR_CACHE, "list records"},
	{"POST", "/api/v1/{kind}", api_create, "write", HR_MUTATES | HR_ASYNC | HR_JSON,
	 "create or update a record by its key"},
	{"GET", "/api/v1/{kind}/{id}", api_get, "read", HR_CACHE, "one record with related data"},
	{"PUT", "/api/v1/{kind}/{id}", api_update, "write", HR_MUTATES | HR_ASYNC | HR_JSON,
	 "update one record"},
	{"POST", "/api/v1/{kind}/{id}/reveal", api_reveal, "reveal", HR_MUTATES | HR_ASYNC | HR_SHORT | HR_JSON,
	 "one personal value in full (audited)"},
	/* access control: log-in, the caller, administration */
	{"POST", "/api/v1/login", api_login, "", HR_MUTATES | HR_ASYNC | HR_SHORT | HR_JSON,
	 "log in: sets the session cookie, returns the CSRF token"},
	{"POST", "/api/v1/logout", api_logout, "session", HR_MUTATES | HR_ASYNC | HR_SHORT | HR_PWCHANGE,
	 "log out: ends the session"},
	{"POST", "/api/v1/password", api_password, "session",
	 HR_MUTATES | HR_ASYNC | HR_SHORT | HR_JSON | HR_PWCHANGE, "change one's own password"},
	{"GET", "/api/v1/me", api_me, "auth", HR_PWCHANGE, "the caller, its CSRF token and permissions"},
	{"GET", "/api/v1/users", api_users, "users", 0, "list user accounts"},
	{"POST", "/api/v1/users", api_user_add, "users", HR_MUTATES | HR_ASYNC | HR_SHORT | HR_JSON,
	 "add a user (password shown once)"},
	{"POST", "/api/v1/users/{username}/disable", api_user_disable, "users",
	 HR_MUTATES | HR_ASYNC | HR_SHORT, "disable an account (ends its sessions)"},
	{"POST", "/api/v1/users/{username}/enable", api_user_enable, "users",
	 HR_MUTATES | HR_ASYNC | HR_SHORT, "enable an account"},
	{"POST", "/api/v1/users/{username}/reset-password", api_user_reset, "users",
	 HR_MUTATES | HR_ASYNC | HR_SHORT, "new password, shown once, to change at log-in"},
	{"POST", "/api/v1/users/{username}/unlock", api_user_unlock, "users",
	 HR_MUTATES | HR_ASYNC | HR_SHORT, "clear a lock-out"},
	{"GET", "/api/v1/tokens", api_tokens, "users", 0, "list machine tokens"},
	{"POST", "/api/v1/tokens", api_token_create, "users", HR_MUTATES | HR_ASYNC | HR_JSON,
	 "create a machine token (value shown once)"},
	{"POST", "/api/v1/tokens/{id}/revoke", api_token_revoke, "users", HR_MUTATES | HR_ASYNC,
	 "revoke a machine token"},
	{"GET", "/api/v1/audit", api_audit, "audit", HR_ASYNC, "browse the audit log"},
	{"GET", "/api/v1/audit/verify", api_audit_verify, "audit", HR_ASYNC,
	 "verify the audit log's hash chain"},
	/* early warning (预警中心) */
	{"GET", "/api/v1/warnings", api_warnings, "read", HR_ASYNC,
	 "list warnings (filters, sort, paging; in scope)"},
	{"GET", "/api/v1/warnings/rules", api_warning_rules, "read", HR_CACHE,
	 "the rule catalogue: codes, names, levels, legal basis, actions"},
	{"GET", "/api/v1/warnings/stats", api_warning_stats, "read", HR_ASYNC,
	 "open warnings by level, rule and street; raised/eliminated trend"},
	{"GET", "/api/v1/warnings/{id}", api_warning, "read", 0,
	 "one warning: evidence, legal basis, history, allowed actions"},
	{"POST", "/api/v1/warnings/{id}/eliminate", api_warning_eliminate, "warnings",
	 HR_MUTATES | HR_ASYNC | HR_SHORT | HR_JSON, "eliminate a warning with a reason (audited)"},
	{"POST", "/api/v1/warnings/{id}/assign", api_warning_assign, "warnings",
	 HR_MUTATES | HR_ASYNC | HR_SHORT | HR_JSON, "assign a warning to an inspector or street officer (audited)"},
	{"POST", "/api/v1/warnings/{id}/escalate", api_warning_escalate, "warnings",
	 HR_MUTATES | HR_ASYNC | HR_SHORT | HR_JSON, "escalate a warning to an inspection case (audited)"},
	{"POST", "/api/v1/warnings/{id}/supervise", api_warning_supervise, "supervise",
	 HR_MUTATES | HR_ASYNC | HR_SHORT | HR_JSON, "督办: urge the handling of a warning {note} (leader; audited)"},
	{"POST", "/api/v1/warnings/{id}/confirm", api_warning_confirm, "warnings",
	 HR_MUTATES | HR_ASYNC | HR_SHORT | HR_JSON,
	 "复核: confirm another person's elimination of a red warning (audited)"},
	{"POST", "/api/v1/warnings/{id}/reject", api_warning_reject, "warnings",
	 HR_MUTATES | HR_ASYNC | HR_SHORT | HR_JSON,
	 "复核: reject another person's elimination of a red warning (audited)"},
	{"POST", "/api/v1/warnings/batch", api_warnings_batch, "warnings",
	 HR_MUTATES | HR_ASYNC | HR_SHORT | HR_JSON, "eliminate or assign many warnings (each audited)"},
	{"GET", "/api/v1/warnings/by-project", api_warnings_by_project, "read", HR_ASYNC,
	 "warnings grouped by project (the list's filters)"},
	{"POST", "/api/v1/warnings/{id}/files", api_warning_file_add, "warnings",
	 HR_MUTATES | HR_ASYNC | HR_SHORT | HR_FILE | HR_SMALLFILE,
	 "attach an evidence file (PDF, JPEG, PNG; audited)"},
	{"GET", "/api/v1/warnings/{id}/files/{fid}", api_warning_file_get, "read", HR_ASYNC,
	 "download an evidence file of a warning in scope"},
	{"POST", "/api/v1/scan", api_scan, "scan", HR_MUTATES | HR_ASYNC | HR_JSON,
	 "run a warning scan now (as_of, full)"},
	{"GET", "/api/v1/params", api_params, "read", 0, "the warning parameters"},
	{"PUT", "/api/v1/params/{key}", api_param_set, "params", HR_MUTATES | HR_ASYNC | HR_JSON,
	 "change a warning parameter (audited; next scan full)"},
	/* cases: wage-arrears clues (欠薪线索, docs/api.md "Cases and clues") */
	{"GET", "/api/v1/cases/clue", api_clues_list, "cases", HR_ASYNC,
	 "a clue inbox: box counts (待转办 待核处 待审核 逾期) and a page of clues"},
	{"POST", "/api/v1/cases/clue", api_clue_intake, "cases", HR_MUTATES | HR_ASYNC | HR_JSON,
	 "take in a clue (登记): routed, numbered, duplicates flagged (audited)"},
	{"GET", "/api/v1/cases/clue/stats", api_clue_stats, "cases", HR_ASYNC,
	 "the figures of a year: received, resolved, pass rate, by month, street, conclusion"},
	{"GET", "/api/v1/cases/clue/{number}", api_clue_get, "cases", HR_ASYNC,
	 "one clue: history, files, links, parties, deadlines, the caller's actions"},
	{"POST", "/api/v1/cases/clue/{number}/transfer", api_clue_act, "cases",
	 HR_MUTATES | HR_ASYNC | HR_JSON, "转办: send a clue to a street {street} (audited)"},
	{"POST", "/api/v1/cases/clue/{number}/accept", api_clue_act, "cases",
	 HR_MUTATES | HR_ASYNC | HR_JSON, "签收: the street takes a transferred clue (audited)"},
	{"POST", "/api/v1/cases/clue/{number}/conclude", api_clue_act, "cases",
	 HR_MUTATES | HR_ASYNC | HR_JSON, "提交核处结论: the street's conclusion for review (audited)"},
	{"POST", "/api/v1/cases/clue/{number}/pass", api_clue_act, "cases",
	 HR_MUTATES | HR_ASYNC | HR_JSON, "审核通过: the review passes the conclusion (办结; audited)"},
	{"POST", "/api/v1/cases/clue/{number}/return", api_clue_act, "cases",
	 HR_MUTATES | HR_ASYNC | HR_JSON, "退回: the review returns the conclusion {reason} (audited)"},
	{"POST", "/api/v1/cases/clue/{number}/merge", api_clue_act, "cases",
	 HR_MUTATES | HR_ASYNC | HR_JSON, "合并: merge a duplicate into clue {target} (audited)"},
	{"POST", "/api/v1/cases/clue/{number}/files", api_clue_file_add, "cases",
	 HR_MUTATES | HR_ASYNC | HR_FILE | HR_SMALLFILE,
	 "attach a file to a clue (PDF, JPEG, PNG by content; audited)"},
	{"GET", "/api/v1/cases/clue/{number}/files/{fid}", api_clue_file_get, "cases", HR_ASYNC,
	 "download an attachment of a clue in scope"},
	{"GET", "/api/v1/cases/overdue", api_cases_overdue, "cases", HR_ASYNC,
	 "every overdue case in scope, most overdue first (JSON or CSV)"},
	/* the public clue page (no account; flood-limited per client address) */
	{"GET", "/api/v1/public/form", api_public_form, "", HR_PUBLIC,
	 "a signed form token for filing a clue (>= 3 s, <= 2 h old, used once)"},
	{"POST", "/api/v1/public/clues", api_public_file, "", HR_MUTATES | HR_ASYNC | HR_JSON | HR_PUBLIC,
	 "a worker files a clue: number and query code (shown once)"},
	{"POST", "/api/v1/public/clues/{number}/photos", api_public_photo, "",
	 HR_MUTATES | HR_ASYNC | HR_FILE | HR_PUBLIC,
	 "a photo of a clue just filed (JPEG/PNG, <= 5 MiB, <= 3; number + code)"},
	{"POST", "/api/v1/public/clues/{number}/status", api_public_status, "",
	 HR_ASYNC | HR_JSON | HR_PUBLIC, "a clue's progress and reply, for number + query code"},
	{"GET", "/", http_static, "", 0, "the web UI"},
	{"GET", "/static/{asset}", http_static, "", 0, "web UI assets"},
	{"GET", "/report", http_static, "", 0, "the workers' public page (file a clue, see its progress)"},
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
		http_error(r, 405, "地址 %s 不支持 %s 请求(允许：%s)", r->path,
			   r->method, buf_str(&allow));
		http_header(r, "Allow", buf_str(&allow));
	} else {
		http_error(r, 404, "没有这个地址：%s", r->path);
	}
	buf_free(&allow);
	return hit;
}

void http_routes_json(buf *out)
{
	buf_putc(out, '[');
	for (const http_route *rt = http_routes; rt->method; rt++)
		buf_fmt(out, "%s{\"method\":%j,\"pattern\":%j,\"perm\":%j,\"mutates\":%s,"
			"\"while_password_change\":%s,\"summary\":%j}\n",
			rt == http_routes ? "" : ",", rt->method, rt->pattern, rt->perm,
			(rt->flags & HR_MUTATES) ? "true" : "false",
			(rt->flags & HR_PWCHANGE) ? "true" : "false", rt->summary);
	buf_puts(out, "]\n");
}
