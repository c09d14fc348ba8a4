/*
 * api_audit.c - the audit log for the administrator (route permission
 * "audit"): GET /api/v1/audit?actor=&action=&since=&until=&page=&per_page=
 * (newest first; each row with the Chinese labels of its action, role and
 * object and the actor's name, plus the label tables for a readable
 * before -> after diff) and GET /api/v1/audit/verify (the hash chain recomputed:
 * ok, or the first bad row and why). Reads only.
 */
#include <stdio.h>
#include <string.h>

#include "domain/access/audit.h"
#include "domain/records/kind.h"
#include "domain/access/user.h"
#include "http/api.h"
#include "util/date.h"

typedef struct list_ctx {
	db *d;
	buf *b;
	int n;
	int64_t max;     /* rows to show; one more means "more" */
	int more;
} list_ctx;

static int row_cb(void *ctx, const audit_row *r)
{
	list_ctx *c = ctx;

	if (c->n == c->max) {
		c->more = 1;
		return 1;
	}
	char who[160];
	const kind *k = kind_find(r->object_kind ? r->object_kind : "");
	user_display_name(c->d, r->actor, who, sizeof who);
	buf_fmt(c->b, "%s{\"seq\":%lld,\"time\":%j,\"actor\":%j,\"actor_name\":%j,\"role\":%j,"
		      "\"role_zh\":%j,\"address\":%j,\"action\":%j,\"action_zh\":%j,"
		      "\"object_kind\":%j,\"object_zh\":%j,\"object_key\":%j,\"before\":%j,"
		      "\"after\":%j,\"hash\":%j}",
		c->n++ ? "," : "", (long long)r->seq, r->time, r->actor, who, r->role,
		audit_label_of(AUDIT_VALUES, r->role), r->address, r->action,
		audit_label_of(AUDIT_ACTIONS, r->action), r->object_kind,
		k ? k->zh : audit_label_of(AUDIT_OBJECTS, r->object_kind), r->object_key, r->before,
		r->after, r->hash);
	return 0;
}

/* Appends "name":{code:label,...} of table t. */
static void labels_json(buf *b, const char *name, const audit_label *t)
{
	buf_fmt(b, "%j:{", name);
	for (const audit_label *l = t; l->code; l++)
		buf_fmt(b, "%s%j:%j", l == t ? "" : ",", l->code, l->zh);
	buf_putc(b, '}');
}

/* A date parameter (YYYY-MM-DD) or NULL when absent; -1 with a 400. */
static int date_param(http_req *r, const char *name, char out[11], const char **val)
{
	const char *s = req_str(r, name);
	day_t d;

	*val = NULL;
	if (!s || !*s)
		return 0;
	if (!date_parse_iso(s, &d))
		return http_error(r, 400, "参数 %s：“%s”不是日期(应为 YYYY-MM-DD)", name, s), -1;
	date_format(d, out);
	*val = out;
	return 0;
}

int api_audit(http_req *r)
{
	audit_filter f;
	int64_t page, per_page;
	char since[11], until[11];
	day_t d;

	memset(&f, 0, sizeof f);
	f.actor = req_str(r, "actor");
	f.action = req_str(r, "action");
	if (f.actor && !*f.actor)
		f.actor = NULL;
	if (f.action && !*f.action)
		f.action = NULL;
	if (date_param(r, "since", since, &f.since) < 0 ||
	    date_param(r, "until", until, &f.until) < 0 ||
	    req_int(r, "page", 1, 1, 1000000, &page) < 0 ||
	    req_int(r, "per_page", 50, 1, 500, &per_page) < 0 || req_params_done(r) < 0)
		return r->status;
	if (f.until) {  /* until is inclusive: rows before the next day */
		date_parse_iso(until, &d);
		date_format(d + 1, until);
	}
	f.newest_first = 1;
	f.limit = per_page + 1;
	f.offset = (page - 1) * per_page;
	buf *b = http_json(r, 200);
	list_ctx c = {r->db, b, 0, per_page, 0};
	buf_puts(b, "{\"labels\":{");
	labels_json(b, "actions", AUDIT_ACTIONS);
	buf_putc(b, ',');
	labels_json(b, "objects", AUDIT_OBJECTS);
	buf_putc(b, ',');
	labels_json(b, "fields", AUDIT_FIELDS);
	buf_putc(b, ',');
	labels_json(b, "values", AUDIT_VALUES);
	buf_fmt(b, "},\"page\":%lld,\"per_page\":%lld,\"items\":[", (long long)page,
		(long long)per_page);
	if (audit_list(r->db, &f, row_cb, &c) < 0)
		return http_error(r, 500, "服务器内部错误");
	buf_fmt(b, "],\"more\":%s}", c.more ? "true" : "false");
	return r->status;
}

int api_audit_verify(http_req *r)
{
	audit_verify_result v;

	if (req_params_done(r) < 0)
		return r->status;
	int rc = audit_verify(r->db, &v);
	if (rc < 0)
		return http_error(r, 500, "服务器内部错误");
	buf *b = http_json(r, 200);
	buf_fmt(b, "{\"ok\":%s,\"rows\":%lld,\"bad_seq\":%lld,\"reason\":%j,\"head\":%j,"
		   "\"guards\":%s}",
		rc == 0 ? "true" : "false", (long long)v.rows, (long long)v.bad_seq,
		rc == 0 ? NULL : v.reason, v.head, v.guards >= 2 ? "true" : "false");
	return r->status;
}
