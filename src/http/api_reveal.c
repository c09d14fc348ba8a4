/*
 * api_reveal.c - POST /api/v1/{kind}/{id}/reveal {"field":"id_number"}:
 * one personal value (ID number, bank card, phone) of one record in full,
 * for a role that may reveal (the route's "reveal" permission). The record
 * must be in the caller's scope (404 otherwise, as for the detail page),
 * the field personal (400 otherwise). The reveal is a privileged read: it
 * is appended to the audit log (action reveal, the record's kind and id,
 * the field - never the value) before the value is sent.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/access/audit.h"
#include "http/api.h"
#include "http/api_json.h"
#include "http/auth.h"

int api_reveal(http_req *r)
{
	const kind *k = api_kind_arg(r, 0);
	kind_val *vals = NULL;
	json_t *o = NULL;
	json_error_t jerr;
	int64_t id;
	int fi;

	if (!k || req_params_done(r) < 0)
		return r->status;
	vals = xcalloc((size_t)k->nfields, sizeof *vals);
	if (api_parse_id(r->args[1], &id) < 0 || !rec_get(r->db, k, id, &r->caller.scope, vals)) {
		http_error(r, 404, "没有编号为 %s 的%s记录", r->args[1], k->zh);
		goto out;
	}
	o = json_loadb(r->body.p ? r->body.p : "", r->body.len, 0, &jerr);
	const char *fname = o ? json_string_value(json_object_get(o, "field")) : NULL;
	if (!fname) {
		http_error(r, 400, "请提供要显示的个人信息字段 field");
		goto out;
	}
	fi = kind_key_index(k, fname);
	if (fi < 0 || !(k->fields[fi].flags & F_PERSONAL)) {
		http_error(r, 400, "%s的字段“%s”不是个人信息字段", k->zh, fname);
		goto out;
	}
	audit_actor who = req_actor(r);
	buf after = BUF_INIT;
	char key[24];
	snprintf(key, sizeof key, "%lld", (long long)id);
	buf_fmt(&after, "{\"id\":%lld,\"field\":%j}", (long long)id, fname);
	audit_entry e = {&who, auth_now(), "reveal", k->name, key, NULL, buf_str(&after)};
	int bad = db_begin_desk(r->db) != DB_OK || audit_append(r->db, &e) != 0 ||
		  db_commit(r->db) != DB_OK;
	buf_free(&after);
	if (bad) {
		db_rollback(r->db);
		http_error(r, 503, "无法写入审计日志，请稍后重试");
		goto out;
	}
	buf *b = http_json(r, 200);
	buf_fmt(b, "{\"kind\":%j,\"id\":%lld,\"field\":%j,\"value\":%j}", k->name, (long long)id,
		fname, vals[fi].present ? vals[fi].s : NULL);
out:
	for (int i = 0; i < k->nfields; i++)
		kind_val_clear(&vals[i]);
	free(vals);
	json_decref(o);
	return r->status;
}
