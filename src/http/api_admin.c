/*
 * api_admin.c - the administrator's endpoints for accounts and machine
 * tokens (route permission "users"): list and add users, disable /
 * enable / reset-password / unlock one, list / create / revoke tokens.
 * The rules and their audit rows are domain/user.c's and token.c's; this
 * file validates the request, names the acting administrator and shapes
 * the answer. A generated password or a token value is in the answer
 * once and nowhere else.
 */
#include <jansson.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/access/token.h"
#include "domain/access/user.h"
#include "http/api.h"
#include "http/api_json.h"
#include "http/auth.h"

typedef struct list_ctx {
	buf *b;
	int n;
	int64_t now;
} list_ctx;

static void user_cb(void *ctx, const user_rec *u)
{
	list_ctx *c = ctx;
	role_id role = user_role(u);

	buf_fmt(c->b, "%s{\"username\":%j,\"name\":%j,\"role\":%j,\"role_zh\":%j,\"street\":%j,"
		      "\"uscc\":%j,\"disabled\":%s,\"must_change\":%s,\"locked\":%s,"
		      "\"last_login\":%lld}",
		c->n++ ? "," : "", u->username, u->display_name, role_code(role), role_zh(role),
		*u->street ? u->street : NULL, *u->uscc ? u->uscc : NULL,
		u->disabled ? "true" : "false", u->must_change ? "true" : "false",
		u->locked_until > c->now ? "true" : "false", (long long)u->last_login);
}

int api_users(http_req *r)
{
	buf *b = http_json(r, 200);
	list_ctx c = {b, 0, auth_now()};

	buf_puts(b, "{\"items\":[");
	if (user_store_scan(r->db, user_cb, &c) < 0)
		return http_error(r, 500, "服务器内部错误");
	buf_puts(b, "]}");
	return r->status;
}

/* Copies the string member key of o (or "") into out; 0, or -1 when too
 * long (400 set). */
static int member(http_req *r, json_t *o, const char *key, char *out, size_t n)
{
	const char *v = api_json_str(o, key);

	if (!v)
		v = "";
	if (strlen(v) >= n)
		return http_error(r, 400, "字段 %s 过长", key), -1;
	snprintf(out, n, "%s", v);
	return 0;
}

int api_user_add(http_req *r)
{
	json_t *o = NULL;
	user_rec u;
	char pw[257], gen[17], err[256];
	const char *given;

	memset(&u, 0, sizeof u);
	if (req_params_done(r) < 0 || !(o = api_json_object(r)))
		return r->status;
	if (member(r, o, "username", u.username, sizeof u.username) < 0 ||
	    member(r, o, "name", u.display_name, sizeof u.display_name) < 0 ||
	    member(r, o, "role", u.role, sizeof u.role) < 0 ||
	    member(r, o, "street", u.street, sizeof u.street) < 0 ||
	    member(r, o, "uscc", u.uscc, sizeof u.uscc) < 0)
		goto out;
	given = api_json_str(o, "password");
	if (given && *given) {
		snprintf(pw, sizeof pw, "%s", given);
	} else {
		user_generate_password(gen);
		snprintf(pw, sizeof pw, "%s", gen);
	}
	audit_actor who = req_actor(r);
	/* Always a password to change at the first log-in: the administrator
	 * must not know a password in use. */
	if (user_add(r->db, &who, &u, pw, 1, auth_now(), err, sizeof err) != 0) {
		http_error(r, 422, "%s", err);
		goto out;
	}
	buf *b = http_json(r, 200);
	list_ctx c = {b, 0, 0};
	buf_puts(b, "{\"user\":");
	user_cb(&c, &u);
	buf_fmt(b, ",\"password\":%j}", given && *given ? NULL : pw);
out:
	sodium_memzero(pw, sizeof pw);
	sodium_memzero(gen, sizeof gen);
	json_decref(o);
	return r->status;
}

/* The user of capture 0, or a 404. */
static int find_user(http_req *r, user_rec *u)
{
	int got = user_store_get(r->db, r->args[0], u);

	sodium_memzero(u->pw_hash, sizeof u->pw_hash);
	if (got < 0)
		return http_error(r, 503, "数据库暂不可用，请稍后重试");
	if (got == 0)
		return http_error(r, 404, "没有用户“%s”", r->args[0]);
	return 0;
}

/* Answers {"user": …} after an account operation (err on failure). */
static int answer_user(http_req *r, int rc, const char *err, const char *password)
{
	user_rec u;

	if (rc != 0)
		return http_error(r, 422, "%s", err);
	if (find_user(r, &u))
		return r->status;
	buf *b = http_json(r, 200);
	list_ctx c = {b, 0, auth_now()};
	buf_puts(b, "{\"user\":");
	user_cb(&c, &u);
	buf_fmt(b, ",\"password\":%j}", password);
	return r->status;
}

static int set_disabled(http_req *r, int disabled)
{
	user_rec u;
	char err[256];

	if (req_params_done(r) < 0 || find_user(r, &u))
		return r->status;
	if (disabled && strcmp(u.username, r->caller.user.username) == 0)
		return http_error(r, 422, "不能停用自己的账户 (you cannot disable your own account)");
	audit_actor who = req_actor(r);
	int rc = user_set_disabled(r->db, &who, u.username, disabled, auth_now(), err, sizeof err);
	return answer_user(r, rc, err, NULL);
}

int api_user_disable(http_req *r)
{
	return set_disabled(r, 1);
}

int api_user_enable(http_req *r)
{
	return set_disabled(r, 0);
}

int api_user_reset(http_req *r)
{
	user_rec u;
	char err[256], pw[17];

	if (req_params_done(r) < 0 || find_user(r, &u))
		return r->status;
	user_generate_password(pw);
	audit_actor who = req_actor(r);
	int rc = user_set_password(r->db, &who, u.username, pw, 1, auth_now(), err, sizeof err);
	if (rc == 0)
		api_throttle_clear("u:", u.username);
	answer_user(r, rc, err, pw);
	sodium_memzero(pw, sizeof pw);
	return r->status;
}

int api_user_unlock(http_req *r)
{
	user_rec u;
	char err[256];

	if (req_params_done(r) < 0 || find_user(r, &u))
		return r->status;
	audit_actor who = req_actor(r);
	int rc = user_unlock(r->db, &who, u.username, auth_now(), err, sizeof err);
	if (rc == 0) {
		api_throttle_clear("u:", u.username);
		api_throttle_clear("p:", u.username);
	}
	return answer_user(r, rc, err, NULL);
}

/* ---- tokens ------------------------------------------------------------- */

static void token_cb(void *ctx, const token_rec *t)
{
	list_ctx *c = ctx;

	if (c->n++)
		buf_putc(c->b, ',');
	token_json(t, c->b);
	c->b->len--;  /* reopen the object: add the dates */
	buf_fmt(c->b, ",\"created_at\":%lld,\"last_used\":%lld}", (long long)t->created_at,
		(long long)t->last_used);
}

int api_tokens(http_req *r)
{
	buf *b = http_json(r, 200);
	list_ctx c = {b, 0, 0};

	buf_puts(b, "{\"items\":[");
	if (token_store_scan(r->db, token_cb, &c) < 0)
		return http_error(r, 500, "服务器内部错误");
	buf_puts(b, "]}");
	return r->status;
}

int api_token_create(http_req *r)
{
	json_t *o = NULL, *kinds;
	token_rec t;
	char value[TOKEN_VALUE_SIZE], err[256];
	buf kl = BUF_INIT;

	memset(&t, 0, sizeof t);
	memset(value, 0, sizeof value);
	if (req_params_done(r) < 0 || !(o = api_json_object(r)))
		return r->status;
	if (member(r, o, "name", t.name, sizeof t.name) < 0 ||
	    member(r, o, "bank_code", t.bank_code, sizeof t.bank_code) < 0 ||
	    member(r, o, "uscc", t.uscc, sizeof t.uscc) < 0)
		goto out;
	kinds = json_object_get(o, "kinds");
	if (json_is_array(kinds)) {  /* ["transactions"] or "a,b" */
		size_t i;
		json_t *v;
		json_array_foreach(kinds, i, v)
			if (json_is_string(v))
				buf_fmt(&kl, "%s%s", kl.len ? "," : "", json_string_value(v));
	} else if (json_is_string(kinds)) {
		buf_puts(&kl, json_string_value(kinds));
	}
	if (kl.len >= sizeof t.kinds) {
		http_error(r, 400, "字段 kinds 过长");
		goto out;
	}
	snprintf(t.kinds, sizeof t.kinds, "%s", buf_str(&kl));
	audit_actor who = req_actor(r);
	if (token_create(r->db, &who, &t, auth_now(), value, err, sizeof err) != 0) {
		http_error(r, 422, "%s", err);
		goto out;
	}
	buf *b = http_json(r, 200);
	buf_puts(b, "{\"token\":");
	token_json(&t, b);
	buf_fmt(b, ",\"value\":%j}", value);
out:
	sodium_memzero(value, sizeof value);
	buf_free(&kl);
	json_decref(o);
	return r->status;
}

int api_token_revoke(http_req *r)
{
	token_rec t;
	int64_t id;
	char err[256];

	if (req_params_done(r) < 0)
		return r->status;
	if (api_parse_id(r->args[0], &id) < 0 || token_store_get(r->db, id, &t) != 1)
		return http_error(r, 404, "没有编号为 %s 的令牌", r->args[0]);
	audit_actor who = req_actor(r);
	if (token_revoke(r->db, &who, id, auth_now(), err, sizeof err) != 0)
		return http_error(r, 422, "%s", err);
	token_store_get(r->db, id, &t);
	buf *b = http_json(r, 200);
	buf_puts(b, "{\"token\":");
	token_json(&t, b);
	buf_putc(b, '}');
	return r->status;
}
