/*
 * api_records.c - the generic read endpoints over every kind of KINDS[]:
 * GET /api/v1/{kind} (list: paging, sorting, q= search, field filters and
 * ranges) and GET /api/v1/{kind}/{id} (one record plus its related data,
 * api_related.c); the JSON form of a record is api_json.c's.
 * A caller who sees personal fields masked may not filter or sort by them,
 * and its q= does not match them (docs/security.md, issue 7).
 * Reads go through store/record.h only; no SQL here. Every read carries
 * the caller's rec_scope (r->caller.scope) and masks personal fields
 * unless the caller's role sees them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/api.h"
#include "http/api_json.h"
#include "http/auth.h"
#include "http/related.h"
#include "store/record.h"
#include "store/stats.h"
#include "util/money.h"

typedef struct list_ctx {
	buf *b;
	const kind *k;
	int n;
	int mask;
	int extra;    /* the figures beside the fields: 1 accounts, 2 projects */
} list_ctx;

/*
 * One item of a list, and the figures a list shows beside the fields, on
 * the list's as_of (read with the page: rec_list_rows, stats_xcol_*): an
 * account's balance (null when out of range), a project's highest open
 * warning level ("red" / "orange" / "yellow", null when none) and the
 * number of its open warnings (stats.c: the same definitions as the
 * filters).
 */
static void list_cb(void *ctx, const rec_row *row)
{
	list_ctx *c = ctx;

	if (c->n++)
		buf_putc(c->b, ',');
	api_item_json_row(c->b, c->k, row, c->mask);
	if (c->extra == 1) {
		c->b->len--;
		if (row->x && !row->xnull[0])
			buf_fmt(c->b, ",\"balance\":\"%m\"}", row->x[0]);
		else
			buf_puts(c->b, ",\"balance\":null}");
	} else if (c->extra == 2 && row->x) {  /* figures unreadable: left out */
		int64_t n;
		const char *level = stats_warn_unpack(row->x[0], &n);
		c->b->len--;
		buf_fmt(c->b, ",\"warn_level\":%j,\"warnings_open\":%lld}", *level ? level : NULL,
			(long long)n);
	}
}

/*
 * The list parameters that are not fields, each for one kind (400 on
 * another kind, as an unknown parameter): projects' active=1 (在建 on
 * as_of) and warn_level=red|orange|yellow|any|none (highest warning open
 * on as_of); workers' project= and employer= (code or part of a name; a
 * worker employed there). Returns 0, or -1 with the 400.
 */
static int kind_conditions(http_req *r, const kind *k, rec_query *q, const char *as_of)
{
	int projects = !strcmp(k->name, "projects"), workers = !strcmp(k->name, "workers");
	const char *v;
	int active = 0;

	if (projects) {
		if (req_bool(r, "active", 0, &active) < 0)
			return -1;
		if (active)
			stats_pred_active(q, as_of);
		if ((v = req_str(r, "warn_level")) && *v && stats_pred_warn_level(q, v, as_of) < 0)
			return http_error(r, 400, "参数 warn_level：“%s”须为 red、orange、yellow、any 或 none", v), -1;
	}
	if (workers) {
		if ((v = req_str(r, "project")) && *v)
			stats_pred_worker_project(q, v);
		if ((v = req_str(r, "employer")) && *v)
			stats_pred_worker_employer(q, v);
	}
	return 0;
}

/* Whether field type t can be filtered by a _from/_to range. */
static int rangeable(field_type t)
{
	return t == FT_DATE || t == FT_MONTH || t == FT_MONEY || t == FT_INT || t == FT_DEC2;
}

/*
 * Refuses (400 personal_field) a filter or sort by a personal field for a
 * caller who sees personal data masked: the answer (total, order) would
 * tell whether a guessed ID number, phone or birth date exists - a look-up
 * oracle that rebuilds what the mask hides. Returns 0, or -1 with the 400.
 */
static int personal_check(http_req *r, const kind *k, const field *f, const char *param)
{
	if (!(f->flags & F_PERSONAL) || !req_mask(r))
		return 0;
	http_error_code(r, 400, "personal_field",
			"您的角色看到的个人信息已脱敏，不能按%s(%s)筛选、搜索或排序 "
			"(parameter '%s': your role sees %s.%s masked and may not filter or sort by it)",
			f->zh, f->key, param, k->name, f->key);
	return -1;
}

/*
 * Turns every FIELD=, FIELD_from=, FIELD_to= parameter into a filter of q,
 * parsing each value as the import would (so "在建" filters status=active
 * and "1234.5" a money field). vals holds the parsed values while q is
 * used. Returns 0, or -1 with a 400 naming the parameter.
 */
static int parse_filters(http_req *r, const kind *k, rec_query *q, kind_val *vals)
{
	for (int i = 0; i < r->nparams; i++) {
		req_param *p = &r->params[i];
		const char *name = p->key;
		size_t n = strlen(name);
		int op = REC_EQ, fi = kind_key_index(k, name);
		const char *why;

		if (p->used)
			continue;
		if (fi < 0 && n > 5 && strcmp(name + n - 5, "_from") == 0)
			op = REC_GE;
		else if (fi < 0 && n > 3 && strcmp(name + n - 3, "_to") == 0)
			op = REC_LE;
		if (fi < 0 && op != REC_EQ) {
			char base[64];
			size_t bl = n - (op == REC_GE ? 5 : 3);
			if (bl >= sizeof base)
				continue;
			memcpy(base, name, bl);
			base[bl] = 0;
			fi = kind_key_index(k, base);
			if (fi >= 0 && !rangeable(k->fields[fi].type))
				fi = -1;
		}
		if (fi < 0)
			continue;  /* unknown: req_params_done names it */
		p->used = 1;
		if (!p->val[0])
			continue;  /* an empty form field filters nothing */
		if (personal_check(r, k, &k->fields[fi], name) < 0)
			return -1;
		if (q->nfilters == REC_MAX_FILTERS) {
			http_error(r, 400, "筛选条件过多(最多 %d 个)", REC_MAX_FILTERS);
			return -1;
		}
		kind_val *v = &vals[q->nfilters];
		/* A money filter may go past the field's maximum: it is how one
		 * finds the rows of an older database that exceed it. */
		field ff = k->fields[fi];
		if (ff.type == FT_MONEY)
			ff.max = 0;
		if (!kind_parse_value(&ff, p->val, v, &why)) {
			http_error(r, 400, "参数 %s：“%s”%s", name, p->val, why);
			return -1;
		}
		rec_filter *f = &q->filters[q->nfilters++];
		f->field = fi;
		f->op = op;
		f->value = v->s;
		f->ivalue = v->i;
		f->is_int = v->is_int;
	}
	return 0;
}

int api_list_query(http_req *r, const kind *k, rec_query *q, kind_val vals[REC_MAX_FILTERS],
		   char as_of[11])
{
	const char *sort, *text;

	rec_query_init(q, k, &r->caller.scope);  /* row-level access: the store applies it */
	if ((sort = req_str(r, "sort")) && *sort) {
		q->desc = sort[0] == '-';
		q->sort_field = kind_key_index(k, sort + q->desc);
		if (q->sort_field < 0)
			return http_error(r, 400, "参数 sort：%s没有字段“%s”", k->zh, sort + q->desc), -1;
		if (personal_check(r, k, &k->fields[q->sort_field], "sort") < 0)
			return -1;
	}
	if ((text = req_str(r, "q")) && *text)
		q->q = text;
	q->q_personal = !req_mask(r);  /* masked callers: q= never matches them */
	if (req_date(r, "as_of", as_of) < 0 || kind_conditions(r, k, q, as_of) < 0)
		return -1;
	return parse_filters(r, k, q, vals);
}

int api_list(http_req *r)
{
	const kind *k = api_kind_arg(r, 0);
	int64_t page, per_page;
	kind_val vals[REC_MAX_FILTERS];
	rec_query q;
	char as_of[11];

	if (!k)
		return r->status;
	memset(vals, 0, sizeof vals);
	if (req_int(r, "page", 1, 1, 1000000, &page) < 0 ||
	    req_int(r, "per_page", 50, 1, 500, &per_page) < 0 ||
	    api_list_query(r, k, &q, vals, as_of) < 0 || req_params_done(r) < 0)
		goto out;
	q.limit = per_page;
	q.offset = (page - 1) * per_page;

	int64_t total = rec_count(r->db, &q);
	buf *b = http_json(r, 200);
	buf_reserve(b, (size_t)per_page * 1024);  /* grown once, not doubled 10 times */
	list_ctx c = {b, k, 0, req_mask(r), 0};
	q.ref_kinds = api_ref_kinds(k);
	if (!strcmp(k->name, "accounts")) {
		stats_xcol_account_balance(&q, as_of);
		c.extra = 1;
	} else if (!strcmp(k->name, "projects")) {
		stats_xcol_project_warn(&q, as_of);
		c.extra = 2;
	}
	buf_fmt(b, "{\"kind\":%j,\"total\":%lld,\"page\":%lld,\"per_page\":%lld,\"items\":[",
		k->name, (long long)total, (long long)page, (long long)per_page);
	if (rec_list_rows(r->db, &q, list_cb, &c) < 0) {
		http_error(r, 500, "服务器内部错误");
		goto out;
	}
	buf_puts(b, "]}");
out:
	for (int i = 0; i < REC_MAX_FILTERS; i++)
		kind_val_clear(&vals[i]);
	return r->status;
}

int api_get(http_req *r)
{
	const kind *k = api_kind_arg(r, 0);
	kind_val *vals = NULL;
	int64_t id;
	char as_of[11];

	if (!k)
		return r->status;
	if (req_date(r, "as_of", as_of) < 0 || req_params_done(r) < 0)
		return r->status;
	vals = xcalloc((size_t)k->nfields, sizeof *vals);
	/* Out of the caller's scope is "not found", not "forbidden": another
	 * street's project does not exist for a street officer. */
	if (api_parse_id(r->args[1], &id) < 0 || !rec_get(r->db, k, id, &r->caller.scope, vals)) {
		http_error(r, 404, "没有编号为 %s 的%s记录", r->args[1], k->zh);
		goto out;
	}
	buf *b = http_json(r, 200);
	buf_puts(b, "{\"item\":");
	api_item_json_refs(b, r->db, k, id, vals, req_mask(r));
	buf_puts(b, ",\"related\":");
	api_related(r, b, k, vals, as_of);
	buf_putc(b, '}');
out:
	for (int i = 0; i < k->nfields; i++)
		kind_val_clear(&vals[i]);
	free(vals);
	return r->status;
}
