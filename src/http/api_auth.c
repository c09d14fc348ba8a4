/*
 * api_auth.c - log-in for people: POST /api/v1/login, POST /api/v1/logout,
 * POST /api/v1/password and GET /api/v1/me, plus the log-in throttle.
 *
 * The rules (Argon2id, lock-out in the database, audit of every attempt)
 * are user_login's; this file adds what only the server can know:
 *  - a per-address throttle: more than THROTTLE_ADDR failed log-ins from
 *    one address within THROTTLE_WINDOW seconds answer 429 until the
 *    window ends, before any password is checked;
 *  - a lock-out for unknown user names that looks exactly like a real
 *    one (the 6th wrong attempt on any name answers 423), so the answers
 *    never tell whether a user exists;
 *  - the same counter guards the old-password check of a password change.
 * The throttle lives in memory (a small table, oldest entry evicted): a
 * restart forgets it; the database lock-out is the durable one.
 */
#include <jansson.h>
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "domain/session.h"
#include "domain/token.h"
#include "domain/user.h"
#include "http/api.h"
#include "http/auth.h"

#define THROTTLE_SLOTS 1024
#define THROTTLE_WINDOW (15 * 60)  /* seconds; = the lock-out's length */
#define THROTTLE_ADDR 30           /* failures per address per window */
#define THROTTLE_NAME 5            /* failures per name (= user_policy) */

typedef struct throttle_slot {
	char key[96];        /* "a:ADDRESS", "u:NAME" or "p:NAME" */
	int failures;
	int64_t first;       /* start of the window */
} throttle_slot;

static throttle_slot slots[THROTTLE_SLOTS];
static pthread_mutex_t throttle_mu = PTHREAD_MUTEX_INITIALIZER;

/* The slot of key (a new one, evicting the oldest, when create is set),
 * or NULL. Called with throttle_mu held. Windows past their end reset. */
static throttle_slot *throttle_slot_of(const char *key, int64_t now, int create)
{
	throttle_slot *oldest = &slots[0];

	for (int i = 0; i < THROTTLE_SLOTS; i++) {
		throttle_slot *s = &slots[i];
		if (s->key[0] && strcmp(s->key, key) == 0) {
			if (now - s->first >= THROTTLE_WINDOW) {
				s->failures = 0;
				s->first = now;
			}
			return s;
		}
		if (!s->key[0] || s->first < oldest->first)
			oldest = s;
	}
	if (!create)
		return NULL;
	snprintf(oldest->key, sizeof oldest->key, "%s", key);
	oldest->failures = 0;
	oldest->first = now;
	return oldest;
}

/* Failures of key in its current window. */
static int throttle_count(const char *key, int64_t now)
{
	pthread_mutex_lock(&throttle_mu);
	throttle_slot *s = throttle_slot_of(key, now, 0);
	int n = s ? s->failures : 0;
	pthread_mutex_unlock(&throttle_mu);
	return n;
}

static void throttle_fail(const char *key, int64_t now)
{
	pthread_mutex_lock(&throttle_mu);
	throttle_slot_of(key, now, 1)->failures++;
	pthread_mutex_unlock(&throttle_mu);
}

void api_throttle_clear(const char *prefix, const char *name)
{
	char key[96];

	snprintf(key, sizeof key, "%s%s", prefix, name);
	pthread_mutex_lock(&throttle_mu);
	throttle_slot *s = throttle_slot_of(key, 0, 0);
	if (s)
		memset(s, 0, sizeof *s);
	pthread_mutex_unlock(&throttle_mu);
}

json_t *api_json_object(http_req *r)
{
	json_error_t err;
	json_t *o;

	if (r->body.len == 0) {
		http_error(r, 400, "empty body: send one JSON object");
		return NULL;
	}
	o = json_loadb(r->body.p, r->body.len, JSON_REJECT_DUPLICATES, &err);
	if (!o || !json_is_object(o)) {
		json_decref(o);
		http_error(r, 400, "the body must be one JSON object");
		return NULL;
	}
	return o;
}

const char *api_json_str(json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

/* The caller's user as the log-in and /me answers show it. */
static void user_public(buf *b, const user_rec *u)
{
	role_id role = user_role(u);

	buf_fmt(b, "{\"username\":%j,\"name\":%j,\"role\":%j,\"role_zh\":%j,\"street\":%j,"
		   "\"uscc\":%j}",
		u->username, *u->display_name ? u->display_name : u->username, role_code(role),
		role_zh(role), *u->street ? u->street : NULL, *u->uscc ? u->uscc : NULL);
}

/* Starts a session for u, sets its cookie, fills the caller and answers
 * {user, csrf, must_change}. */
static int start_session(http_req *r, const user_rec *u, int64_t now)
{
	char cookie[SESS_COOKIE_SIZE], csrf[SESS_CSRF_SIZE];

	if (sess_create(r->db, u->id, r->addr, now, cookie, csrf) != 0)
		return http_error(r, 503, "cannot start a session; try again");
	auth_set_cookie(r, cookie);
	auth_caller_session(r, u, cookie, csrf);
	buf *b = http_json(r, 200);
	buf_puts(b, "{\"user\":");
	user_public(b, u);
	buf_fmt(b, ",\"csrf\":%j,\"must_change\":%s}", csrf, u->must_change ? "true" : "false");
	sodium_memzero(cookie, sizeof cookie);
	sodium_memzero(csrf, sizeof csrf);
	return r->status;
}

static const char LOCKED_MSG[] =
	"登录失败次数过多,账户已锁定15分钟,请稍后再试或联系管理员解锁 "
	"(too many failed log-ins: locked for 15 minutes, or ask an administrator)";

int api_login(http_req *r)
{
	json_t *o = NULL;
	user_rec u;
	char akey[96], ukey[96];
	int64_t now = auth_now();

	if (!r->hdr.content_type || strncmp(r->hdr.content_type, "application/json", 16) != 0)
		return http_error(r, 415, "send the log-in as application/json");
	if (req_params_done(r) < 0 || !(o = api_json_object(r)))
		return r->status;
	const char *name = api_json_str(o, "username"), *pw = api_json_str(o, "password");
	if (!name || !pw || !*name || !*pw) {
		http_error(r, 400, "请输入用户名和密码 (send username and password)");
		goto out;
	}
	snprintf(akey, sizeof akey, "a:%s", r->addr);
	snprintf(ukey, sizeof ukey, "u:%.64s", name);
	if (throttle_count(akey, now) >= THROTTLE_ADDR) {
		http_error_code(r, 429, "too_many_requests",
				"登录尝试过于频繁,请15分钟后再试 (too many failed log-ins from your "
				"address: try again later)");
		goto out;
	}
	int named_locked = throttle_count(ukey, now) >= THROTTLE_NAME;
	user_login_rc rc = user_login(r->db, name, pw, r->addr, now, NULL, &u);
	switch (rc) {
	case USER_LOGIN_OK:
	case USER_LOGIN_MUST_CHANGE:
		api_throttle_clear("u:", name);
		start_session(r, &u, now);
		break;
	case USER_LOGIN_BAD:
		throttle_fail(akey, now);
		throttle_fail(ukey, now);
		if (named_locked)  /* an unknown name "locks" like a real one */
			http_error_code(r, 423, "locked", "%s", LOCKED_MSG);
		else
			http_error_code(r, 401, "login_failed", "%s", user_login_message(rc));
		break;
	case USER_LOGIN_LOCKED:
		throttle_fail(akey, now);
		http_error_code(r, 423, "locked", "%s", LOCKED_MSG);
		break;
	case USER_LOGIN_DISABLED:
		http_error_code(r, 403, "disabled", "%s", user_login_message(rc));
		break;
	default:
		http_error(r, 503, "database unavailable; try again");
	}
	explicit_bzero(&u, sizeof u);
out:
	json_decref(o);  /* jansson does not wipe: the password lived in r->body too */
	sodium_memzero(r->body.p, r->body.len);
	return r->status;
}

int api_logout(http_req *r)
{
	audit_actor who = req_actor(r);
	audit_entry e = {&who, auth_now(), "logout", "user", r->caller.user.username, NULL, NULL};

	if (req_params_done(r) < 0)
		return r->status;
	if (db_begin_desk(r->db) != DB_OK || sess_logout(r->db, r->caller.cookie) != 0 ||
	    audit_append(r->db, &e) != 0 || db_commit(r->db) != DB_OK) {
		db_rollback(r->db);
		return http_error(r, 503, "database unavailable; try again");
	}
	auth_set_cookie(r, NULL);
	buf_puts(http_json(r, 200), "{\"ok\":true}");
	return r->status;
}

int api_password(http_req *r)
{
	json_t *o = NULL;
	char err[256], pkey[96];
	int64_t now = auth_now();
	user_rec u;

	if (req_params_done(r) < 0 || !(o = api_json_object(r)))
		return r->status;
	const char *old_pw = api_json_str(o, "old"), *new_pw = api_json_str(o, "new");
	if (!old_pw || !new_pw) {
		http_error(r, 400, "send {\"old\": \"…\", \"new\": \"…\"}");
		goto out;
	}
	snprintf(pkey, sizeof pkey, "p:%s", r->caller.user.username);
	if (throttle_count(pkey, now) >= THROTTLE_NAME) {
		http_error_code(r, 423, "locked", "%s", LOCKED_MSG);
		goto out;
	}
	/* A wrong current password counts towards the lock-out (a stolen
	 * session must not become a password oracle). */
	int known = user_store_get_id(r->db, r->caller.user.id, &u) == 1;
	int right = known && user_verify_password(u.pw_hash, old_pw);
	sodium_memzero(u.pw_hash, sizeof u.pw_hash);
	if (!right) {
		throttle_fail(pkey, now);
		http_error(r, 400, "原密码不正确 (the current password is wrong)");
		goto out;
	}
	audit_actor who = req_actor(r);
	if (user_change_password(r->db, &who, r->caller.user.id, old_pw, new_pw, now, err,
				 sizeof err) != 0) {
		http_error(r, 400, "%s", err);
		goto out;
	}
	api_throttle_clear("p:", r->caller.user.username);
	/* Every session of the account ends (a password change is when a
	 * stolen session must stop working); the caller gets a fresh one. */
	if (sess_end_user(r->db, r->caller.user.id) != 0 ||
	    user_store_get_id(r->db, r->caller.user.id, &u) != 1) {
		http_error(r, 503, "database unavailable; try again");
		goto out;
	}
	sodium_memzero(u.pw_hash, sizeof u.pw_hash);
	start_session(r, &u, now);
out:
	json_decref(o);
	sodium_memzero(r->body.p, r->body.len);
	return r->status;
}

int api_me(http_req *r)
{
	const http_caller *c = &r->caller;
	buf *b = http_json(r, 200);
	int n = 0;

	if (c->kind == AUTH_TOKEN) {
		buf_puts(b, "{\"token\":");
		token_json(&c->token, b);
		buf_puts(b, ",\"user\":null,\"csrf\":null,\"must_change\":false");
	} else {
		buf_puts(b, "{\"token\":null,\"user\":");
		user_public(b, &c->user);
		buf_fmt(b, ",\"csrf\":%j,\"must_change\":%s", c->csrf,
			c->user.must_change ? "true" : "false");
	}
	buf_fmt(b, ",\"sees_personal\":%s,\"permissions\":[", c->sees_personal ? "true" : "false");
	for (int p = 0; p < PERM_COUNT; p++)
		if (c->kind == AUTH_TOKEN ? (p == PERM_WRITE || p == PERM_IMPORT)
					  : role_can(c->role, (role_perm)p))
			buf_fmt(b, "%s%j", n++ ? "," : "", role_perm_code((role_perm)p));
	buf_puts(b, "],\"writable\":[");
	n = 0;
	for (int i = 0; KINDS[i]; i++)
		if (c->kind == AUTH_TOKEN ? token_may_write(&c->token, KINDS[i]->name)
					  : role_can_kind(c->role, PERM_WRITE, KINDS[i]->name))
			buf_fmt(b, "%s%j", n++ ? "," : "", KINDS[i]->name);
	buf_puts(b, "]}");
	return r->status;
}
