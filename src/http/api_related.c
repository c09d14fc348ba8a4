/*
 * api_related.c - the related data of a project, worker, enterprise or
 * account page. Aggregates come from store/stats.c, records from
 * store/record.h; this file only shapes them into the JSON of docs/api.md.
 * Every record read here is read within the caller's scope (an
 * enterprise outside it is null, a worker's employments on another
 * street's projects are left out) and masked unless the caller's role sees
 * personal fields.
 */
#include "http/related.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/api.h"
#include "http/api_json.h"
#include "http/auth.h"
#include "domain/access/audit.h"
#include "store/record.h"
#include "util/date.h"
#include "util/money.h"
#include "util/strmap.h"

/* What every related read needs from the request. */
typedef struct rel {
	http_req *r;
	db *d;
	const rec_scope *scope;
	int mask;
} rel;

typedef struct one_ctx {
	buf *b;
	const kind *k;
	int found;
	const char *extra;  /* appended inside the object, e.g. ",\"workers\":3" */
	int mask;
} one_ctx;

static void one_cb(void *ctx, int64_t id, const kind_val *vals)
{
	one_ctx *c = ctx;

	api_item_json(c->b, c->k, id, vals, c->mask);
	if (c->extra) {
		c->b->len--;  /* reopen the object */
		buf_fmt(c->b, "%s}", c->extra);
	}
	c->found = 1;
}

/* Appends the record of kind kname whose key field equals value, or null. */
static void item_by_key(buf *b, const rel *x, const char *kname, const char *key,
			const char *value, const char *extra)
{
	const kind *k = kind_find(kname);
	one_ctx c = {b, k, 0, extra, x->mask};
	rec_query q;

	rec_query_init(&q, k, x->scope);
	q.filters[0].field = kind_key_index(k, key);
	q.filters[0].op = REC_EQ;
	q.filters[0].value = value;
	q.nfilters = 1;
	q.limit = 1;
	rec_list(x->d, &q, one_cb, &c);
	if (!c.found)
		buf_puts(b, "null");
}

/* ,"balance":"…" of an account on as_of; null when it cannot be
 * computed exactly (a sum out of range), never a wrong figure. */
static void balance_json(buf *b, db *d, const char *account_no, const char *as_of)
{
	int64_t bal;

	if (stats_account_balance(d, account_no, as_of, &bal) == 0)
		buf_fmt(b, ",\"balance\":\"%m\"", bal);
	else
		buf_puts(b, ",\"balance\":null");
}

typedef struct acct_ctx {
	buf *b;
	db *d;
	const kind *k;
	const char *as_of;
	int n;
	int mask;
} acct_ctx;

static void account_cb(void *ctx, int64_t id, const kind_val *vals)
{
	acct_ctx *c = ctx;
	buf extra = BUF_INIT;

	balance_json(&extra, c->d, api_field_str(c->k, vals, "account_no"), c->as_of);
	if (c->n++)
		buf_putc(c->b, ',');
	api_item_json(c->b, c->k, id, vals, c->mask);
	c->b->len--;
	buf_fmt(c->b, "%S}", &extra);
	buf_free(&extra);
}

static void related_project(buf *b, const rel *x, const kind *k, const kind_val *v,
			    const char *as_of)
{
	db *d = x->d;
	const char *code = api_field_str(k, v, "code");
	stats_table t;

	buf_puts(b, "{\"owner\":");
	item_by_key(b, x, "enterprises", "uscc", api_field_str(k, v, "owner_uscc"), NULL);
	buf_puts(b, ",\"contractor\":");
	item_by_key(b, x, "enterprises", "uscc", api_field_str(k, v, "contractor_uscc"), NULL);

	buf_puts(b, ",\"employers\":[");
	if (stats_project_employers(d, code, &t) == 0) {
		for (int i = 0; i < t.nrows; i++) {
			char extra[64];
			snprintf(extra, sizeof extra, ",\"workers\":%lld",
				 (long long)stats_at(&t, i, 1)->i);
			if (i)
				buf_putc(b, ',');
			item_by_key(b, x, "enterprises", "uscc", stats_at(&t, i, 0)->s, extra);
		}
		stats_table_free(&t);
	}
	buf_fmt(b, "],\"workers_on_site\":%lld",
		(long long)stats_project_on_site(d, code, as_of));

	const kind *ak = kind_find("accounts");
	acct_ctx ac = {b, d, ak, as_of, 0, x->mask};
	rec_query q;
	rec_query_init(&q, ak, x->scope);
	q.filters[0].field = kind_key_index(ak, "project_code");
	q.filters[0].value = code;
	q.nfilters = 1;
	buf_puts(b, ",\"accounts\":[");
	rec_list(d, &q, account_cb, &ac);
	buf_puts(b, "],\"deposits\":");
	api_items_where(b, d, kind_find("deposits"), "project_code", code, "deposit_date", 0,
			x->scope, x->mask);

	buf_puts(b, ",\"attendance_by_month\":");
	if (stats_project_attendance(d, code, &t) == 0) {
		api_table_json(b, &t);
		stats_table_free(&t);
	} else {
		buf_puts(b, "[]");
	}
	buf_puts(b, ",\"payroll_by_month\":");
	if (stats_wage_months(d, code, "0000-01", "9999-12", as_of, x->scope, &t) == 0) {
		api_table_json(b, &t);
		stats_table_free(&t);
	} else {
		buf_puts(b, "[]");
	}
	buf_puts(b, ",\"warnings\":");
	api_warn_project_json(x->r, b, code, as_of);
	buf_putc(b, '}');
}

/* Whole years between birth ("YYYY-MM-DD") and as_of, or -1. */
static int age_at(const char *birth, const char *as_of)
{
	int by, bm, bd, y, m, dd;

	if (sscanf(birth, "%d-%d-%d", &by, &bm, &bd) != 3 ||
	    sscanf(as_of, "%d-%d-%d", &y, &m, &dd) != 3)
		return -1;
	int age = y - by;
	if (m < bm || (m == bm && dd < bd))
		age--;
	return age;
}

typedef struct list_ctx {
	buf *b;
	const kind *k;
	int n;
	const rel *x;
	strmap *codes;  /* related_enterprise: the enterprise's project codes */
} list_ctx;

/* One bank_card_change row as {"time","actor","before","after"} (the
 * cards masked when they were logged). */
static int card_row_json(void *ctx, const audit_row *r)
{
	list_ctx *c = ctx;

	if (c->n++)
		buf_putc(c->b, ',');
	buf_fmt(c->b, "{\"time\":%j,\"actor\":%j,\"before\":%s,\"after\":%s}", r->time, r->actor,
		r->before ? r->before : "null", r->after ? r->after : "null");
	return 0;
}

/* The worker's history of bank cards: every bank_card_change of the audit
 * log, newest first (issue 7, finding 1: a card is money). */
static void card_history(buf *b, const rel *x, const kind *k, const char *idn)
{
	int64_t id = 0;
	char *name = NULL, key[24];
	list_ctx c = {b, k, 0, x, NULL};
	audit_filter f;

	memset(&f, 0, sizeof f);
	buf_putc(b, '[');
	if (rec_ref_info(x->d, k, idn, &id, &name) == 1) {
		snprintf(key, sizeof key, "%lld", (long long)id);
		f.action = "bank_card_change";
		f.object_kind = "workers";
		f.object_key = key;
		f.newest_first = 1;
		audit_list(x->d, &f, card_row_json, &c);
	}
	free(name);
	buf_putc(b, ']');
}

/*
 * A worker's page. For a caller who sees personal data masked the birth
 * date is its year only ("1981-**-**") and the age the as-of year minus
 * the birth year: an exact age at a chosen as_of would give the birthday
 * away (it changes on that day), and the birthday is the part of the ID
 * number the mask hides.
 */
static void related_worker(buf *b, const rel *x, const kind *k, const kind_val *v,
			   const char *as_of)
{
	db *d = x->d;
	const char *idn = api_field_str(k, v, "id_number");
	const char *birth = api_field_str(k, v, "birth_date");
	const char *sex = api_field_str(k, v, "sex");
	char shown[16];
	stats_table t;

	if (*birth && x->mask)
		buf_fmt(b, "{\"age\":%d", atoi(as_of) - atoi(birth));
	else if (*birth)
		buf_fmt(b, "{\"age\":%d", age_at(birth, as_of));
	else
		buf_puts(b, "{\"age\":null");
	if (x->mask)
		kind_mask(FT_DATE, birth, shown, sizeof shown);
	else
		snprintf(shown, sizeof shown, "%s", birth);
	buf_fmt(b, ",\"age_by_year\":%s", x->mask ? "true" : "false");
	buf_fmt(b, ",\"sex\":%j,\"birth_date\":%j,\"employments\":",
		!strcmp(sex, "M") ? "男" : !strcmp(sex, "F") ? "女" : NULL, *shown ? shown : NULL);
	api_items_where(b, d, kind_find("employments"), "worker_id_number", idn, "-entry_date", 0,
			x->scope, x->mask);
	buf_puts(b, ",\"payroll\":");
	api_items_where(b, d, kind_find("payroll"), "worker_id_number", idn, "-period", 0,
			x->scope, x->mask);
	buf_puts(b, ",\"attendance_by_month\":");
	if (stats_worker_attendance(d, kind_find("attendance"), idn, x->scope, &t) == 0) {
		api_table_json(b, &t);
		stats_table_free(&t);
	} else {
		buf_puts(b, "[]");
	}
	buf_puts(b, ",\"card_history\":");
	card_history(b, x, k, idn);
	buf_putc(b, '}');
}


/* Notes the code of one of the enterprise's projects (part_codes). */
static void part_cb(void *ctx, int64_t id, const kind_val *vals)
{
	list_ctx *c = ctx;
	const char *code = api_field_str(c->k, vals, "code");

	(void)id;
	strmap_put(c->codes, code, strlen(code), NULL);
}

/* One project the caller sees, kept when the page's enterprise takes part
 * in it (c->codes: the codes of the projects of that enterprise, as a
 * filter only). */
static void proj_cb(void *ctx, int64_t id, const kind_val *vals)
{
	list_ctx *c = ctx;
	const char *code = api_field_str(c->k, vals, "code");

	if (!strmap_get(c->codes, code, strlen(code)))
		return;
	if (c->n++)
		buf_putc(c->b, ',');
	api_item_json(c->b, c->k, id, vals, c->x->mask);
}

/* The enterprise's projects among the first 1000 the caller sees. The
 * enterprise's own are read once (a project's code is its key), not
 * asked for project by project: that was one statement per project the
 * caller sees, 1.6 s for a district-wide role on 2,000 projects. */
static void related_enterprise(buf *b, const rel *x, const kind *k, const kind_val *v)
{
	const kind *pk = kind_find("projects");
	rec_scope part = role_scope_of(ROLE_ENTERPRISE, NULL, api_field_str(k, v, "uscc"), NULL, NULL);
	list_ctx c = {b, pk, 0, x, strmap_new(1)};
	rec_query q;

	rec_query_init(&q, pk, &part);
	rec_list(x->d, &q, part_cb, &c);
	rec_query_init(&q, pk, x->scope);
	q.limit = 1000;
	buf_puts(b, "{\"projects\":[");
	rec_list(x->d, &q, proj_cb, &c);
	buf_puts(b, "]}");
	strmap_free(c.codes);
}

static void related_account(buf *b, const rel *x, const kind *k, const kind_val *v,
			    const char *as_of)
{
	const char *no = api_field_str(k, v, "account_no");

	buf_puts(b, "{\"project\":");
	item_by_key(b, x, "projects", "code", api_field_str(k, v, "project_code"), NULL);
	balance_json(b, x->d, no, as_of);
	buf_puts(b, ",\"transactions\":");
	api_items_where(b, x->d, kind_find("transactions"), "account_no", no, "-txn_date", 100,
			x->scope, x->mask);
	buf_putc(b, '}');
}

void api_related(http_req *r, buf *b, const kind *k, const kind_val *vals,
		 const char *as_of)
{
	rel x = {r, r->db, &r->caller.scope, req_mask(r)};

	if (!strcmp(k->name, "projects"))
		related_project(b, &x, k, vals, as_of);
	else if (!strcmp(k->name, "workers"))
		related_worker(b, &x, k, vals, as_of);
	else if (!strcmp(k->name, "enterprises"))
		related_enterprise(b, &x, k, vals);
	else if (!strcmp(k->name, "accounts"))
		related_account(b, &x, k, vals, as_of);
	else
		buf_puts(b, "{}");
}
