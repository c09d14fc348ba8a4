/*
 * api_write.c - POST /api/v1/{kind} (create or update by key) and
 * PUT /api/v1/{kind}/{id} (update one record). The JSON object's keys
 * become the columns of a one-row import and its values the cells, so a
 * record written through the API is validated exactly as a file row is
 * (import_begin/import_row/import_end); a 422 carries the same report.
 * The caller's access is checked on the row inside the transaction
 * (auth_row_check), and the change is audited in the same transaction:
 * action create or update, object the record's id, before/after the
 * record's JSON (in full: the audit log is the administrator's).
 * Runs on a worker thread (HR_ASYNC) holding the server's write lock.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/records/import.h"
#include "http/api.h"
#include "http/api_json.h"
#include "http/auth.h"
#include "http/write.h"
#include "store/record.h"

#define MAX_COLS 128

/* The columns and cells of the one-row import being built. */
typedef struct row {
	const char *cols[MAX_COLS];
	char *cells[MAX_COLS];
	int n;
} row;

static void row_free(row *w)
{
	for (int i = 0; i < w->n; i++)
		free(w->cells[i]);
	w->n = 0;
}

/* Sets column col to text (replacing an earlier value of the same field). */
static void row_set(row *w, const kind *k, const char *col, const char *text)
{
	int fi = kind_field_index(k, col);

	for (int i = 0; i < w->n && fi >= 0; i++)
		if (kind_field_index(k, w->cols[i]) == fi) {
			free(w->cells[i]);
			w->cells[i] = xstrdup(text);
			w->cols[i] = col;
			return;
		}
	if (w->n == MAX_COLS)
		return;
	w->cols[w->n] = col;
	w->cells[w->n++] = xstrdup(text);
}

/* The cell text of a JSON value, as a file would hold it; NULL for an
 * object or array. Money sent as a number keeps at most 15 digits. */
static char *cell_text(json_t *v)
{
	char tmp[64];

	switch (json_typeof(v)) {
	case JSON_STRING: return xstrdup(json_string_value(v));
	case JSON_INTEGER:
		snprintf(tmp, sizeof tmp, "%lld", (long long)json_integer_value(v));
		return xstrdup(tmp);
	case JSON_REAL:
		snprintf(tmp, sizeof tmp, "%.15g", json_real_value(v));
		return xstrdup(tmp);
	case JSON_TRUE: return xstrdup("Y");
	case JSON_FALSE: return xstrdup("N");
	case JSON_NULL: return xstrdup("");
	default: return NULL;
	}
}

/* Parses the body as one JSON object, or sets a 400 and returns NULL. */
static json_t *parse_body(http_req *r)
{
	json_error_t err;
	json_t *o;

	if (r->body.len == 0) {
		http_error(r, 400, "请求内容为空：应为一个字段取值的 JSON 对象");
		return NULL;
	}
	o = json_loadb(r->body.p, r->body.len, JSON_REJECT_DUPLICATES, &err);
	if (!o) {
		fprintf(stderr, "anxin: http: invalid JSON: %s\n", err.text);  /* English: the log */
		http_error(r, 400, "JSON 格式错误(第 %d 行第 %d 列)", err.line, err.column);
		return NULL;
	}
	if (!json_is_object(o)) {
		json_decref(o);
		http_error(r, 400, "请求内容应为一个字段取值的 JSON 对象");
		return NULL;
	}
	return o;
}

typedef struct find_ctx {
	int64_t id;
	buf *b;
	const kind *k;
	int mask;
} find_ctx;

static void found_cb(void *ctx, int64_t id, const kind_val *vals)
{
	find_ctx *c = ctx;

	c->id = id;
	api_item_json(c->b, c->k, id, vals, c->mask);
}

/* The state of one API write: the key query of its record, and the
 * record's JSON before the write (empty when new). */
typedef struct write_ctx {
	http_req *r;
	rec_query key;
	buf before;
	int existed;
} write_ctx;

/* Finds the record of w->key into b (unmasked); returns its id or 0. */
static int64_t find_record(write_ctx *w, buf *b, int mask)
{
	find_ctx fc = {0, b, w->key.k, mask};

	rec_list(w->r->db, &w->key, found_cb, &fc);
	return fc.id;
}

/* import_opts.check: the caller's access, then the record as it was. */
static const char *write_check(void *ctx, const kind *k, const kind_val *vals,
			       const char **fkey)
{
	write_ctx *w = ctx;
	const char *why = auth_row_check(w->r, k, vals, fkey);

	if (!why && vals) {
		buf_reset(&w->before);
		w->existed = find_record(w, &w->before, 0) != 0;
	}
	return why;
}

/* import_opts.on_commit: the create / update audit row, in the write's
 * transaction. An unchanged record changed nothing: no row. */
static int write_audit(void *ctx, db *d, const import_result *res)
{
	write_ctx *w = ctx;
	buf after = BUF_INIT;
	char key[24];
	int rc = 0;

	if (res->inserted + res->updated == 0)
		return 0;
	w->key.scope = rec_scope_all();
	int64_t id = find_record(w, &after, 0);
	snprintf(key, sizeof key, "%lld", (long long)id);
	audit_actor who = req_actor(w->r);
	audit_entry e = {&who, auth_now(), w->existed ? "update" : "create", w->key.k->name, key,
			 w->existed ? buf_str(&w->before) : NULL, buf_str(&after)};
	rc = audit_append(d, &e);
	if (rc == 0)  /* a changed bank card: its own row too */
		rc = audit_card_changes(d, &who, e.now);
	buf_free(&after);
	return rc;
}

/*
 * Runs the one-row import of row and answers: 200 {"item","result"} with
 * the stored record (found again by its key), or 422 with the report.
 */
static int write_row(http_req *r, const kind *k, row *w)
{
	import_opts o;
	import_result res;
	kind_val keys[REC_MAX_FILTERS];
	write_ctx wc = {.r = r, .before = BUF_INIT};
	const char *why;

	memset(&o, 0, sizeof o);
	memset(&res, 0, sizeof res);
	memset(keys, 0, sizeof keys);
	/* The record as it is, for the audit log: the write's own look-up,
	 * not a read for the caller (its answer is read within the scope). */
	rec_scope all = rec_scope_all();
	rec_query_init(&wc.key, k, &all);
	for (int i = 0; i < w->n && wc.key.nfilters < REC_MAX_FILTERS; i++) {
		int fi = kind_field_index(k, w->cols[i]);
		if (fi < 0 || !(k->fields[fi].flags & F_KEY))
			continue;
		kind_val *v = &keys[wc.key.nfilters];
		if (!kind_parse_value(&k->fields[fi], w->cells[i], v, &why))
			continue;
		rec_filter *f = &wc.key.filters[wc.key.nfilters++];
		f->field = fi;
		f->op = REC_EQ;
		f->value = v->s;
		f->ivalue = v->i;
		f->is_int = v->is_int;
	}
	wc.key.limit = 1;
	o.check = write_check;
	o.on_commit = write_audit;
	o.ctx = &wc;
	res.file = xstrdup("request");
	import_sess *s = import_begin(r->db, k, w->cols, w->n, &o, &res);
	import_row(s, (const char *const *)w->cells, w->n);
	if (import_end(s, 1) != 0) {
		api_report_error(r, &res);
		goto out;
	}
	/* The answer shows the record as the caller may see it. A record
	 * the caller does not see (an enterprise's new worker before its
	 * employment is registered, whether the ID number was known or
	 * not) answers the same "accepted" either way: no existence oracle. */
	buf *b = http_json(r, 200);
	buf_puts(b, "{\"item\":");
	wc.key.scope = r->caller.scope;
	if (!find_record(&wc, b, req_mask(r))) {
		buf_fmt(b, "null,\"result\":\"accepted\"}");
		goto out;
	}
	buf_fmt(b, ",\"result\":%j}", res.inserted ? "inserted" : res.updated ? "updated" : "unchanged");
out:
	for (int i = 0; i < REC_MAX_FILTERS; i++)
		kind_val_clear(&keys[i]);
	buf_free(&wc.before);
	import_result_free(&res);
	return r->status;
}

/* Adds the members of o to w; "id" is skipped (checked by the caller).
 * Returns 0, or -1 with a 400 for a value that is an object or array. */
static int add_members(http_req *r, const kind *k, json_t *o, row *w,
		       const kind_val *old)
{
	const char *key;
	json_t *v;

	json_object_foreach(o, key, v) {
		if (strcmp(key, "id") == 0)
			continue;
		char *text = cell_text(v);
		if (!text) {
			http_error(r, 400, "字段 %s 应为字符串、数字、布尔值或 null", key);
			return -1;
		}
		int fi = kind_field_index(k, key), di = kind_key_index(k, key);
		if (di >= 0 && (k->fields[di].flags & F_DERIVED)) {
			free(text);  /* computed (birth date, sex): never written */
			continue;
		}
		/* A masked value sent back unchanged means "keep it". */
		if (old && fi >= 0 && (k->fields[fi].flags & F_PERSONAL) && old[fi].present &&
		    strchr(text, '*')) {
			char m[128];
			kind_mask(k->fields[fi].type, old[fi].s, m, sizeof m);
			if (strcmp(m, text) == 0) {
				free(text);
				continue;
			}
		}
		row_set(w, k, key, text);
		free(text);
	}
	return 0;
}

int api_create(http_req *r)
{
	const kind *k = api_kind_arg(r, 0);
	json_t *o = NULL;
	row w = {.n = 0};

	if (!k || req_params_done(r) < 0 || !(o = parse_body(r)))
		return r->status;
	if (add_members(r, k, o, &w, NULL) == 0)
		write_row(r, k, &w);
	row_free(&w);
	json_decref(o);
	return r->status;
}

/* 422 for a key field whose given value differs from the record's. */
static int key_mismatch(http_req *r, const kind *k, const field *f, const char *given)
{
	buf *b = http_json(r, 422);

	buf_fmt(b, "{\"error\":{\"status\":422,\"code\":\"invalid\",\"message\":%j},"
		"\"ok\":false,\"kind\":%j,\"file\":\"request\",\"encoding\":null,\"rows\":1,"
		"\"inserted\":0,\"updated\":0,\"unchanged\":0,\"error_count\":1,\"truncated\":false,"
		"\"errors\":[{\"file\":\"request\",\"row\":2,\"column\":\"\",\"header\":%j,"
		"\"field\":%j,\"value\":%j,\"reason\":%j}]}",
		"1 处错误,未写入任何数据 (1 error: nothing was written)", k->name, f->zh, f->key,
		given, "主键字段不可修改 (a key field cannot be changed; create a new record instead)");
	return r->status;
}

int api_update(http_req *r)
{
	const kind *k = api_kind_arg(r, 0);
	kind_val *old = NULL;
	json_t *o = NULL, *jid;
	row w = {.n = 0};
	int64_t id = 0;
	char tmp[32];
	const char *why;

	if (!k || req_params_done(r) < 0)
		return r->status;
	old = xcalloc((size_t)k->nfields, sizeof *old);
	const char *s = r->args[1];
	if (s[0] >= '1' && s[0] <= '9' && strlen(s) <= 18)
		id = strtoll(s, NULL, 10);
	if (strspn(s, "0123456789") != strlen(s) || id <= 0 || !rec_get(r->db, k, id, &r->caller.scope, old)) {
		http_error(r, 404, "没有编号为 %s 的%s记录", s, k->zh);
		goto out;
	}
	if (!(o = parse_body(r)))
		goto out;
	jid = json_object_get(o, "id");
	if (jid && !(json_is_integer(jid) && json_integer_value(jid) == id)) {
		http_error(r, 400, "字段 id 与地址中的编号不一致");
		goto out;
	}
	/* The stored record in file form, then the body over it. */
	for (int i = 0; i < k->nfields; i++)
		if (!(k->fields[i].flags & F_DERIVED))
			row_set(&w, k, k->fields[i].key, kind_val_text(&k->fields[i], &old[i], tmp));
	if (add_members(r, k, o, &w, old) < 0)
		goto out;
	for (int i = 0; i < w.n; i++) {
		int fi = kind_field_index(k, w.cols[i]);
		kind_val v;
		if (fi < 0 || !(k->fields[fi].flags & F_KEY))
			continue;
		memset(&v, 0, sizeof v);
		int ok = kind_parse_value(&k->fields[fi], w.cells[i], &v, &why) && v.present &&
			 old[fi].present && strcmp(v.s, old[fi].s) == 0;
		kind_val_clear(&v);
		if (!ok) {
			key_mismatch(r, k, &k->fields[fi], w.cells[i]);
			goto out;
		}
	}
	write_row(r, k, &w);
out:
	for (int i = 0; i < k->nfields; i++)
		kind_val_clear(&old[i]);
	free(old);
	row_free(&w);
	json_decref(o);
	return r->status;
}
