/*
 * api_scan.c - a warning scan on demand and the parameters table:
 *   POST /api/v1/scan {as_of?, full?}   (permission "scan": admin, inspector)
 *   GET  /api/v1/params                 (read)
 *   PUT  /api/v1/params/{key} {value}   (permission "params": admin; audited)
 * The scan runs on the server's writer thread (the route mutates), under
 * the lock the daily schedule takes too (sched.c); it computes inside a
 * read transaction and writes in one short one, so readers go on. The scan
 * is recorded in the audit log (action scan) with its summary.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/basis/params.h"
#include "domain/access/user.h"
#include "http/api.h"
#include "http/auth.h"
#include "http/sched.h"

int api_scan(http_req *r)
{
	json_t *o = NULL;
	scan_opts opts = {date_today(), 0};
	scan_summary s;
	char err[512], ds[11];
	buf sum = BUF_INIT;

	if (req_params_done(r) < 0)
		return r->status;
	if (r->body.len && !(o = api_json_object(r)))
		return r->status;
	json_t *as_of = o ? json_object_get(o, "as_of") : NULL, *full = o ? json_object_get(o, "full") : NULL;
	if (as_of && !json_is_null(as_of) &&
	    (!json_is_string(as_of) || !date_parse_iso(json_string_value(as_of), &opts.as_of))) {
		http_error(r, 422, "数据日期 as_of 应为日期 YYYY-MM-DD");
		goto out;
	}
	if (full && !json_is_null(full) && !json_is_boolean(full)) {
		http_error(r, 422, "full 应为 true 或 false");
		goto out;
	}
	opts.full = full && json_is_true(full);
	date_format(opts.as_of, ds);
	if (sched_scan(r->db, &opts, &s, err, sizeof err) != 0) {
		fprintf(stderr, "anxin: scan as of %s failed: %s\n", ds, err);
		http_error(r, 500, "扫描失败 (scan failed): %s", err);
		goto out;
	}
	sched_summary_json(&sum, &s, ds);
	sched_log(r->caller.actor, &s, ds);
	scan_summary_free(&s);
	/* The scan is committed; its audit row follows in its own transaction. */
	audit_actor who = req_actor(r);
	audit_entry e = {&who, auth_now(), "scan", "warnings", ds, NULL, buf_str(&sum)};
	if (db_begin_desk(r->db) != DB_OK || audit_append(r->db, &e) != 0 || db_commit(r->db) != DB_OK) {
		db_rollback(r->db);
		fprintf(stderr, "anxin: scan as of %s: audit row not written: %s\n", ds,
			db_errmsg(r->db));
	}
	buf *b = http_json(r, 200);
	buf_fmt(b, "{\"scan\":%S}", &sum);
out:
	buf_free(&sum);
	json_decref(o);
	return r->status;
}

typedef struct prm_ctx {
	db *d;
	buf *b;
	int n;
	const char *only;
} prm_ctx;

static void param_cb(void *ctx, const param_row *p)
{
	prm_ctx *c = ctx;

	const param_meta *m = param_meta_find(p->key);
	char dv[64], dd[64], who[160];

	if (c->only && strcmp(c->only, p->key) != 0)
		return;
	param_to_display(m, p->value, dv, sizeof dv);
	param_to_display(m, p->default_value, dd, sizeof dd);
	user_display_name(c->d, p->updated_by, who, sizeof who);
	buf_fmt(c->b, "%s{\"key\":%j,\"value\":%j,\"default\":%j,\"description\":%j,"
		      "\"name\":%j,\"unit\":%j,\"explanation\":%j,\"display_value\":%j,"
		      "\"display_default\":%j,\"updated_by\":%j,\"updated_by_name\":%j,"
		      "\"updated_at\":%j}",
		c->n++ ? "," : "", p->key, p->value, p->default_value, p->description,
		m ? m->name : p->key, m ? m->unit : "", m ? m->explanation : "", dv, dd,
		p->updated_by && *p->updated_by ? p->updated_by : NULL, *who ? who : NULL,
		p->updated_at && *p->updated_at ? p->updated_at : NULL);
}

int api_params(http_req *r)
{
	buf *b = http_json(r, 200);
	prm_ctx c = {r->db, b, 0, NULL};

	buf_puts(b, "{\"items\":[");
	if (param_list(r->db, param_cb, &c) != 0)
		return http_error(r, 500, "服务器内部错误");
	buf_puts(b, "]}");
	return r->status;
}

int api_param_set(http_req *r)
{
	json_t *o = NULL;
	char err[256], num[64];
	const char *key = r->args[0];

	if (req_params_done(r) < 0 || !(o = api_json_object(r)))
		goto out;
	if (!param_known(key)) {
		http_error(r, 404, "没有参数 '%s' (no such parameter)", key);
		goto out;
	}
	json_t *v = json_object_get(o, "value");
	const char *value = json_string_value(v);
	if (json_is_integer(v) || json_is_real(v)) {  /* 30 or 0.02 as a JSON number */
		if (json_is_integer(v))
			snprintf(num, sizeof num, "%lld", (long long)json_integer_value(v));
		else
			snprintf(num, sizeof num, "%.10g", json_real_value(v));
		value = num;
	}
	/* display_value: what the page shows and people type (1.5 for 1.5 %) */
	const char *disp = api_json_str(o, "display_value");
	char stored[64];
	if (!value && disp) {
		if (!param_from_display(param_meta_find(key), disp, stored, sizeof stored)) {
			http_error(r, 422, "参数值“%s”不是数字", disp);
			goto out;
		}
		value = stored;
	}
	if (!value) {
		http_error(r, 422, "请填写参数值 value");
		goto out;
	}
	audit_actor who = req_actor(r);
	if (param_set(r->db, key, value, &who, err, sizeof err) != 0) {
		http_error(r, 422, "%s", err);
		goto out;
	}
	buf *b = http_json(r, 200);
	prm_ctx c = {r->db, b, 0, key};
	buf_puts(b, "{\"item\":");
	param_list(r->db, param_cb, &c);
	buf_puts(b, "}");
out:
	json_decref(o);
	return r->status;
}
