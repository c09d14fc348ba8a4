/*
 * api_public.c - the public clue page's endpoints (欠薪线索反映, no
 * account; docs/api.md "Cases and clues", "The public page"):
 *   GET  /api/v1/public/form                        a signed form token
 *   POST /api/v1/public/clues                       file a clue -> number +
 *                                                   query code (shown once)
 *   POST /api/v1/public/clues/{number}/photos?code= a photo (JPEG/PNG, at
 *                                                   most 3, while received)
 *   POST /api/v1/public/clues/{number}/status       {code} -> progress
 *
 * Anyone may call them, so every one is flood-limited per client address
 * (public_guard.h; 429 with Retry-After), bodies are small (HR_PUBLIC: 64
 * KiB JSON, 5 MiB photo), a filing needs a form token at least 3 s and at
 * most 2 h old, used once, and an empty honeypot member `website`. The
 * answers show the reporter's own clue only, and of it only what
 * clue_public_view holds: a wrong code and an unknown number answer alike.
 * Must not: show anything of a clue beyond clue_public_view, or tell
 * whether a number exists.
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "domain/cases/case.h"
#include "domain/cases/clue.h"
#include "http/api.h"
#include "http/api_json.h"
#include "http/auth.h"
#include "http/public_form.h"
#include "http/public_guard.h"
#include "util/clock.h"
#include "util/date.h"
#include "store/file_store.h"

#define PHOTOS_MAX 3

/* Answers 429 with Retry-After when addr's bucket b is empty; 0 when the
 * request may go ahead. */
static int limited(http_req *r, pg_bucket b)
{
	int wait = pg_take(b, r->addr, clk_mono_ms());
	char secs[16];

	if (!wait)
		return 0;
	snprintf(secs, sizeof secs, "%d", wait);
	http_error_code(r, 429, "too_many_requests",
			"提交过于频繁，请 %d 秒后再试 (too many requests from your address: retry "
			"after %d s)", wait, wait);
	http_header(r, "Retry-After", secs);
	return r->status;
}

/* The engine's context of a public caller: actor "public", no role, the
 * whole district (the engine routes the clue), today. */
static void public_ctx(http_req *r, case_ctx *c, audit_actor *who)
{
	who->actor = "public";
	who->role = "public";
	who->address = r->addr;
	memset(c, 0, sizeof *c);
	c->who = who;
	c->role = ROLE_NONE;
	c->scope = rec_scope_all();
	c->now = auth_now();
	c->today = date_today();
}

int api_public_form(http_req *r)
{
	char token[PG_TOKEN_LEN];

	if (req_params_done(r) < 0 || limited(r, PG_FORM))
		return r->status;
	pg_token_new(clk_mono_ms(), token);
	buf *b = http_json(r, 200);
	buf_fmt(b, "{\"token\":%j,\"min_seconds\":%d,\"max_seconds\":%d}", token,
		PG_TOKEN_MIN_MS / 1000, PG_TOKEN_MAX_MS / 1000);
	return r->status;
}

/* Refuses a filing's token: 422 with a code saying why. */
static int token_error(http_req *r, pg_token_rc rc)
{
	switch (rc) {
	case PGT_YOUNG:
		return http_error_code(r, 422, "token_early", "提交过快，请稍候几秒再提交 (the form was "
				       "sent too soon after it was opened)");
	case PGT_OLD:
		return http_error_code(r, 422, "token_expired", "表单已过期，请刷新页面后重新提交 (the "
				       "form token expired: fetch a new one)");
	case PGT_USED:
		return http_error_code(r, 422, "token_used", "该表单已提交过，请勿重复提交 (the form "
				       "token was used already)");
	case PGT_FULL: {
		http_error_code(r, 429, "too_many_requests", "提交过多，请稍后再试 (too many filings: "
				"retry later)");
		http_header(r, "Retry-After", "60");
		return r->status;
	}
	default:
		return http_error_code(r, 422, "token_invalid", "表单无效，请刷新页面后重新提交 (no valid "
				       "form token)");
	}
}

int api_public_file(http_req *r)
{
	public_form f;
	char what[64], err[512] = "", day[11];
	unsigned char nonce[PG_NONCE];
	int64_t expires = 0, now = clk_mono_ms();
	case_ctx c;
	audit_actor who;
	clue_created out;

	if (req_params_done(r) < 0)
		return r->status;
	if (public_form_parse(r->body.p, r->body.len, PF_PUBLIC, &f, what, sizeof what, err,
			      sizeof err) < 0) {
		public_form_free(&f);
		return api_field_error(r, what, err);
	}
	if (f.website && *f.website) {   /* the honeypot: a person never sees it */
		public_form_free(&f);
		return http_error_code(r, 422, "rejected", "提交被拒绝 (the form was refused)");
	}
	pg_token_rc tr = pg_token_check(f.token, now, nonce, &expires);
	if (tr != PGT_OK) {
		public_form_free(&f);
		return token_error(r, tr);
	}
	if (limited(r, PG_FILING)) {
		public_form_free(&f);
		return r->status;
	}
	if (limited(r, PG_GLOBAL)) {
		pg_give(PG_FILING, r->addr, now);
		public_form_free(&f);
		return r->status;
	}
	if ((tr = pg_token_use(nonce, expires, now)) != PGT_OK) {
		pg_give(PG_FILING, r->addr, now);
		pg_give(PG_GLOBAL, r->addr, now);
		public_form_free(&f);
		return token_error(r, tr);
	}
	public_ctx(r, &c, &who);
	memset(&out, 0, sizeof out);
	case_rc rc = clue_create(r->db, &f.in, &c, &out, err, sizeof err);
	public_form_free(&f);
	if (rc != CASE_OK) {
		/* not filed: the token and the address's count are given back,
		 * so the worker corrects the form and sends it again */
		pg_token_unuse(nonce);
		pg_give(PG_FILING, r->addr, now);
		pg_give(PG_GLOBAL, r->addr, now);
		return api_case_error(r, rc, err);
	}
	date_format(c.today, day);
	buf *b = http_json(r, 201);
	buf_fmt(b, "{\"number\":%j,\"query_code\":%j,\"received_date\":%j}", out.number,
		out.query_code, day);
	return r->status;
}

/* The number and code of a request, looked up: 1 found (view filled), else
 * the 404 (or 500) answered. A wrong code and an unknown number are one
 * answer. */
static int lookup(http_req *r, const char *code, clue_public_view *v)
{
	memset(v, 0, sizeof *v);
	int got = code && *code && strlen(code) < 64 ? clue_public_get(r->db, r->args[0], code, v) : 0;
	if (got < 0)
		return api_case_error(r, CASE_DBERR, "clue_public_get"), 0;
	if (!got)
		return http_error_code(r, 404, "not_found", "线索编号或查询码不正确 (no clue with this "
				       "number and query code)"), 0;
	return 1;
}

typedef struct count_ctx {
	int n;
} count_ctx;

static void count_cb(void *ctx, const case_file *f)
{
	count_ctx *c = ctx;

	if (f->uploaded_by && !strcmp(f->uploaded_by, "public"))
		c->n++;
}

int api_public_photo(http_req *r)
{
	clue_public_view v;
	unsigned char head[16];
	char err[512] = "", name[32];
	case_ctx c;
	audit_actor who;
	int64_t id = 0;
	count_ctx cc = {0};

	const char *code = req_str(r, "code");
	if (req_params_done(r) < 0 || limited(r, PG_PHOTO) || !lookup(r, code, &v))
		return r->status;
	if (strcmp(v.state, "received") != 0)
		return http_error_code(r, 409, "state", "线索已在办理中，不能再上传照片 (photos only "
				       "while the clue is received)");
	if (!r->body_file || r->body_len == 0)
		return http_error(r, 400, "请选择要上传的照片 (empty body: send the photo as the body)");
	FILE *fp = fopen(r->body_file, "rb");
	size_t n = fp ? fread(head, 1, sizeof head, fp) : 0;
	if (fp)
		fclose(fp);
	const char *mime = file_store_sniff(head, n);
	if (!mime || !strcmp(mime, "application/pdf"))
		return http_error_code(r, 422, "invalid", "只能上传 JPEG 或 PNG 照片 (a photo must be "
				       "a JPEG or PNG image)");
	if (case_files(r->db, &case_clue, v.number, count_cb, &cc) < 0)
		return api_case_error(r, CASE_DBERR, "case_files");
	if (cc.n >= PHOTOS_MAX)
		return http_error_code(r, 413, "too_large", "每条线索最多上传 %d 张照片 (at most %d "
				       "photos a clue)", PHOTOS_MAX, PHOTOS_MAX);
	snprintf(name, sizeof name, "照片%d.%s", cc.n + 1, strcmp(mime, "image/png") ? "jpg" : "png");
	public_ctx(r, &c, &who);
	case_rc rc = case_attach(r->db, &case_clue, v.number, r->body_file, name, &c, &id, err,
				 sizeof err);
	if (rc != CASE_OK)
		return api_case_error(r, rc, err);
	buf *b = http_json(r, 201);
	buf_fmt(b, "{\"number\":%j,\"photo\":%d,\"mime\":%j,\"size\":%llu}", v.number, cc.n + 1, mime,
		(unsigned long long)r->body_len);
	return r->status;
}

int api_public_status(http_req *r)
{
	clue_public_view v;
	json_error_t je;
	json_t *o = NULL;

	if (req_params_done(r) < 0 || limited(r, PG_STATUS))
		return r->status;
	o = json_loadb(r->body.p ? r->body.p : "", r->body.len, 0, &je);
	json_t *code = json_object_get(o, "code");
	if (!json_is_object(o) || !json_is_string(code)) {
		json_decref(o);
		return api_field_error(r, "code", "请填写查询码 (code is required)");
	}
	int got = lookup(r, json_string_value(code), &v);
	json_decref(o);
	if (!got)
		return r->status;
	/* v.state: a return is already "handling" (clue_public_get) */
	buf *b = http_json(r, 200);
	buf_fmt(b, "{\"number\":%j,\"received_date\":%j,\"state\":%j,\"state_zh\":%j,\"updated\":%j,"
		   "\"concluded\":%s,\"reply\":%j,\"merged_into\":%j}",
		v.number, v.received_date, v.state, v.state_zh, v.updated[0] ? v.updated : NULL,
		v.concluded ? "true" : "false", v.reply[0] ? v.reply : NULL,
		v.merged_into[0] ? v.merged_into : NULL);
	return r->status;
}
