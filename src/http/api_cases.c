/*
 * api_cases.c - the officers' clue endpoints (欠薪线索, docs/api.md "Cases
 * and clues"), all under permission `cases` (admin, inspector, street,
 * leader):
 *   GET  /api/v1/cases/clue                 an inbox: box counts and a page
 *   POST /api/v1/cases/clue                 intake (登记) by an officer
 *   GET  /api/v1/cases/clue/{number}        the clue's page: history, files,
 *                                           links, parties, actions, deadlines
 *   POST /api/v1/cases/clue/{number}/ACTION transfer accept conclude pass
 *                                           return merge (one route each)
 * (files: api_case_files.c; statistics and overdue: api_case_stats.c).
 *
 * Everything is the engine's (domain/cases/case.h): scope, roles, states,
 * deadlines, idempotency; this file reads the request, calls it and writes
 * the answer. A clue outside the caller's scope is 404 as an unknown one.
 * The as-of day is as_of= (default today), as in the rest of the API.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/access/user.h"
#include "domain/cases/case.h"
#include "domain/cases/clue.h"
#include "http/api.h"
#include "http/api_json.h"
#include "http/auth.h"
#include "http/public_form.h"
#include "util/date.h"

#define T (&case_clue)

static const char *nul(const char *s)
{
	return s && *s ? s : NULL;
}

/* ---- the inbox ---------------------------------------------------------- */

typedef struct list_ctx {
	buf *b;
	int n, mask;
} list_ctx;

static void row_cb(void *ctx, const case_row *row)
{
	list_ctx *c = ctx;

	if (c->n++)
		buf_putc(c->b, ',');
	api_case_row_json(c->b, row, c->mask);
}

int api_clues_list(http_req *r)
{
	case_filter f;
	case_ctx c;
	audit_actor who;
	case_box_counts bx;
	int64_t total = 0;
	char err[256] = "";

	if (api_case_filter(r, T, &f) < 0 ||
	    req_int(r, "offset", 0, 0, INT64_MAX / 2, &f.offset) < 0 ||
	    req_int(r, "limit", 50, 0, 500, &f.limit) < 0 || api_case_ctx(r, &c, &who, NULL) < 0 ||
	    req_params_done(r) < 0)
		return r->status;
	if (case_boxes(r->db, T, &r->caller.scope, c.today, &bx, err, sizeof err) != 0)
		return api_case_error(r, CASE_DBERR, err);
	buf items = BUF_INIT;
	list_ctx lc = {&items, 0, req_mask(r)};
	if (case_list(r->db, T, &f, &r->caller.scope, c.today, &total, row_cb, &lc, err,
		      sizeof err) < 0) {
		buf_free(&items);
		return api_case_error(r, CASE_DBERR, err);
	}
	char as_of[11];
	date_format(c.today, as_of);
	buf *b = http_json(r, 200);
	buf_fmt(b, "{\"type\":%j,\"as_of\":%j,\"total\":%lld,\"offset\":%lld,\"limit\":%lld,"
		   "\"boxes\":{\"transfer\":%lld,\"handle\":%lld,\"review\":%lld,\"overdue\":%lld,"
		   "\"open\":%lld,\"closed\":%lld},\"items\":[%S]}",
		T->code, as_of, (long long)total, (long long)f.offset, (long long)f.limit,
		(long long)bx.transfer, (long long)bx.handle, (long long)bx.review,
		(long long)bx.overdue, (long long)bx.open, (long long)bx.closed, &items);
	buf_free(&items);
	return r->status;
}

/* ---- intake --------------------------------------------------------------- */

int api_clue_intake(http_req *r)
{
	public_form f;
	char what[64], err[512] = "";
	case_ctx c;
	audit_actor who;
	clue_created out;

	if (public_form_parse(r->body.p, r->body.len, PF_OFFICER, &f, what, sizeof what, err,
			      sizeof err) < 0) {
		public_form_free(&f);
		return api_field_error(r, what, err);
	}
	const char *key = r->hdr.idempotency_key ? r->hdr.idempotency_key : f.request_id;
	if (api_case_ctx(r, &c, &who, key) < 0 || req_params_done(r) < 0) {
		public_form_free(&f);
		return r->status;
	}
	memset(&out, 0, sizeof out);
	case_rc rc = clue_create(r->db, &f.in, &c, &out, err, sizeof err);
	public_form_free(&f);
	if (rc != CASE_OK)
		return api_case_error(r, rc, err);
	buf *b = http_json(r, 201);
	buf_fmt(b, "{\"number\":%j,\"street\":%j,\"matched_uscc\":%j,\"matched_project\":%j,"
		   "\"duplicates\":",
		out.number, nul(out.street), nul(out.matched_uscc), nul(out.matched_project));
	api_words_json(b, out.duplicates);
	buf_fmt(b, ",\"deadline\":%j}", nul(out.deadline));
	return r->status;
}

/* ---- the clue's page ------------------------------------------------------ */

int api_clue_get(http_req *r)
{
	case_ctx c;
	audit_actor who;
	case_row row;

	if (api_case_ctx(r, &c, &who, NULL) < 0 || req_params_done(r) < 0)
		return r->status;
	memset(&row, 0, sizeof row);
	int got = case_get(r->db, T, r->args[0], &r->caller.scope, c.today, &row);
	if (got < 0)
		return api_case_error(r, CASE_DBERR, "case_get");
	if (!got)
		return http_error_code(r, 404, "not_found", "没有该线索，或不在您的管辖范围内 (no clue "
				       "%s in your scope)", r->args[0]);
	buf *b = http_json(r, 200);
	/* actions: a person's (a machine token takes none) */
	int bad = api_case_page_json(b, r->db, &row, &c, req_mask(r),
				     r->caller.kind == AUTH_SESSION) != 0;
	case_row_free(&row);
	if (bad)
		return api_case_error(r, CASE_DBERR, "reading a clue's page");
	return r->status;
}

/* ---- actions ------------------------------------------------------------------ */

/* The action of the route: the last segment of its pattern
 * (".../{number}/transfer" -> "transfer"). */
static const char *route_action(const http_req *r)
{
	const char *slash = strrchr(r->route->pattern, '/');
	return slash ? slash + 1 : "";
}

/* A member of the action body as text: a string, or a number written out
 * into num. NULL when absent or null; -1 when another type. */
static int arg_of(json_t *o, const char *key, char num[32], const char **out)
{
	json_t *v = json_object_get(o, key);

	*out = NULL;
	if (!v || json_is_null(v))
		return 0;
	if (json_is_string(v))
		*out = json_string_value(v);
	else if (json_is_integer(v))
		snprintf(num, 32, "%lld", (long long)json_integer_value(v)), *out = num;
	else if (json_is_real(v))
		snprintf(num, 32, "%.2f", json_real_value(v)), *out = num;
	else
		return -1;
	return 0;
}

int api_clue_act(http_req *r)
{
	static const char *const KEYS[] = {"reason", "street", "target", "conclusion",
					   "workers_resolved", "amount_resolved", "paid_by", "reply",
					   "request_id", NULL};
	json_t *o = NULL;
	json_error_t je;
	case_args a;
	case_ctx c;
	audit_actor who;
	case_outcome out;
	char num[9][32], err[512] = "", what[80];
	const char *rid = NULL, *k;
	json_t *v;

	if (r->body.len) {
		o = json_loadb(r->body.p, r->body.len, JSON_REJECT_DUPLICATES, &je);
		if (!json_is_object(o)) {
			json_decref(o);
			return http_error(r, 400, "请求内容须为 JSON 对象 (the body must be one JSON object)");
		}
	} else {
		o = json_object();
	}
	json_object_foreach(o, k, v) {
		int i;
		for (i = 0; KEYS[i] && strcmp(KEYS[i], k); i++)
			;
		if (!KEYS[i]) {
			snprintf(what, sizeof what, "%.60s", k);
			snprintf(err, sizeof err, "未知的项 %.60s (unknown member %.60s)", k, k);
			json_decref(o);
			return api_field_error(r, what, err);
		}
		if (json_is_string(v) && strlen(json_string_value(v)) > 2000) {
			snprintf(what, sizeof what, "%.60s", k);
			snprintf(err, sizeof err, "%.60s 过长(最多 2000 字节) (at most 2000 bytes)", k);
			json_decref(o);
			return api_field_error(r, what, err);
		}
	}
	memset(&a, 0, sizeof a);
	const char **slots[] = {&a.reason, &a.street, &a.target, &a.conclusion, &a.workers_resolved,
				&a.amount_resolved, &a.paid_by, &a.reply, &rid};
	for (int i = 0; KEYS[i]; i++)
		if (arg_of(o, KEYS[i], num[i], slots[i]) < 0) {
			snprintf(err, sizeof err, "%s 须为文字或数字 (%s: a string or a number)", KEYS[i],
				 KEYS[i]);
			json_decref(o);
			return api_field_error(r, KEYS[i], err);
		}
	const char *key = r->hdr.idempotency_key ? r->hdr.idempotency_key : rid;
	if (api_case_ctx(r, &c, &who, key) < 0 || req_params_done(r) < 0) {
		json_decref(o);
		return r->status;
	}
	memset(&out, 0, sizeof out);
	case_rc rc = case_act(r->db, T, r->args[0], route_action(r), &a, &c, &out, err, sizeof err);
	json_decref(o);
	if (rc != CASE_OK)
		return api_case_error(r, rc, err);
	buf *b = http_json(r, 200);
	buf_fmt(b, "{\"number\":%j,\"action\":%j,\"from\":%j,\"to\":%j,\"deadline\":%j,"
		   "\"replayed\":%s}",
		r->args[0], route_action(r), out.from, out.to, nul(out.deadline),
		out.replayed ? "true" : "false");
	return r->status;
}
