/*
 * api_auth.c - log-in for people: POST /api/v1/login, POST /api/v1/logout,
 * POST /api/v1/password and GET /api/v1/me, plus the log-in throttle.
 *
 * The rules (Argon2id, the account's slow-down in the database, audit of
 * every attempt) are user_login's; this file adds what only the server can
 * know, none of which lets a stranger lock anyone out:
 *  - per (user name, address): 5 free failures, then each further attempt
 *    must wait user_backoff (30 s doubling to 15 minutes) after the last
 *    failure, answered 429 with Retry-After before any password is
 *    checked; a success clears it, a day without failures forgets it;
 *  - per address: more than THROTTLE_ADDR failures within THROTTLE_WINDOW
 *    seconds answer 429 for any name until the window ends;
 *  - for a name that is not an account, the account's slow-down of
 *    user_login (20 failures from any addresses, then growing delays)
 *    mimicked in memory, so neither the answers nor their sequence tell
 *    whether a user exists;
 *  - the password change's old-password check: 5 wrong per account per
 *    window answer 423 (only a session of that account can get there).
 * The table lives in memory (small, least recently failed entry evicted):
 * a restart forgets it; the account's slow-down in the database stays.
 */
#include <jansson.h>
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "domain/access/session.h"
#include "domain/access/token.h"
#include "domain/access/user.h"
#include "http/api.h"
#include "http/auth.h"

#define THROTTLE_SLOTS 1024
#define THROTTLE_WINDOW (15 * 60)     /* seconds: the windowed counters */
#define THROTTLE_ADDR 30              /* failures per address per window */
#define THROTTLE_PW 5                 /* wrong old passwords per window */
#define THROTTLE_FORGET (24 * 3600)   /* a pair's failures, after a quiet day */

typedef struct throttle_slot {
	char key[160];       /* "a:ADDR", "n:NAME\x1fADDR", "u:NAME" or "p:NAME" */
	int failures;
	int64_t first;       /* start of the window ("a:", "p:") */
	int64_t last;        /* the last failure */
} throttle_slot;

static throttle_slot slots[THROTTLE_SLOTS];
static pthread_mutex_t throttle_mu = PTHREAD_MUTEX_INITIALIZER;

/* Whether the failures counted in s have expired at now: windowed keys
 * ("a:", "p:") after THROTTLE_WINDOW from the first failure, a pair ("n:")
 * after a day without one; "u:" never (like the account's counter). */
static int throttle_expired(const throttle_slot *s, int64_t now)
{
	switch (s->key[0]) {
	case 'a':
	case 'p':
		return now - s->first >= THROTTLE_WINDOW;
	case 'n':
		return now - s->last >= THROTTLE_FORGET;
	default:
		return 0;
	}
}

/* The slot of key (a new one, evicting the least recently failed, when
 * create is set), or NULL. Called with throttle_mu held. Expired counters
 * restart. */
static throttle_slot *throttle_slot_of(const char *key, int64_t now, int create)
{
	throttle_slot *oldest = &slots[0];

	for (int i = 0; i < THROTTLE_SLOTS; i++) {
		throttle_slot *s = &slots[i];
		if (s->key[0] && strcmp(s->key, key) == 0) {
			if (throttle_expired(s, now)) {
				s->failures = 0;
				s->first = s->last = now;
			}
			return s;
		}
		if (!s->key[0] || (oldest->key[0] && s->last < oldest->last))
			oldest = s;
	}
	if (!create)
		return NULL;
	snprintf(oldest->key, sizeof oldest->key, "%s", key);
	oldest->failures = 0;
	oldest->first = oldest->last = now;
	return oldest;
}

/* Failures of key at now, and (when last is given) the time of the last. */
static int throttle_count(const char *key, int64_t now, int64_t *last)
{
	pthread_mutex_lock(&throttle_mu);
	throttle_slot *s = throttle_slot_of(key, now, 0);
	int n = s ? s->failures : 0;
	if (last)
		*last = s ? (s->key[0] == 'a' ? s->first : s->last) : now;
	pthread_mutex_unlock(&throttle_mu);
	return n;
}

static void throttle_fail(const char *key, int64_t now)
{
	pthread_mutex_lock(&throttle_mu);
	throttle_slot *s = throttle_slot_of(key, now, 1);
	s->failures++;
	s->last = now;
	pthread_mutex_unlock(&throttle_mu);
}

/* Forgets the failures of exactly key. */
static void throttle_clear_key(const char *key)
{
	pthread_mutex_lock(&throttle_mu);
	throttle_slot *s = throttle_slot_of(key, 0, 0);
	if (s)
		memset(s, 0, sizeof *s);
	pthread_mutex_unlock(&throttle_mu);
}

void api_throttle_clear(const char *prefix, const char *name)
{
	char key[160], pair[160];
	size_t np;

	snprintf(key, sizeof key, "%s%s", prefix, name);
	np = (size_t)snprintf(pair, sizeof pair, "n:%s\x1f", name);
	pthread_mutex_lock(&throttle_mu);
	for (int i = 0; i < THROTTLE_SLOTS; i++) {
		throttle_slot *s = &slots[i];
		/* a log-in's counters: the name's and every (name, address) */
		if (strcmp(s->key, key) == 0 ||
		    (!strcmp(prefix, "u:") && np < sizeof pair && !strncmp(s->key, pair, np)))
			memset(s, 0, sizeof *s);
	}
	pthread_mutex_unlock(&throttle_mu);
}

/* Answers 429 with Retry-After (seconds, at least 1) and message msg. */
static int too_many(http_req *r, int64_t wait, const char *msg)
{
	char secs[24];

	snprintf(secs, sizeof secs, "%lld", (long long)(wait > 0 ? wait : 1));
	http_error_code(r, 429, "too_many_requests", "%s", msg);
	http_header(r, "Retry-After", secs);
	return r->status;
}

json_t *api_json_object(http_req *r)
{
	json_error_t err;
	json_t *o;

	if (r->body.len == 0) {
		http_error(r, 400, "请求内容为空：应为一个 JSON 对象");
		return NULL;
	}
	o = json_loadb(r->body.p, r->body.len, JSON_REJECT_DUPLICATES, &err);
	if (!o || !json_is_object(o)) {
		json_decref(o);
		http_error(r, 400, "请求内容应为一个 JSON 对象");
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
		return http_error(r, 503, "无法建立会话，请重试");
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
	"原密码输错次数过多,请15分钟后再试 (too many wrong current passwords: try again "
	"in 15 minutes)";
static const char SLOWED_MSG[] =
	"登录失败次数过多,请稍后再试 (too many failed log-ins: try again later)";

int api_login(http_req *r)
{
	const user_policy *pol = &user_policy_default;
	json_t *o = NULL;
	user_rec u;
	char akey[160], nkey[160], ukey[160];
	int64_t now = auth_now(), last;

	if (!r->hdr.content_type || strncmp(r->hdr.content_type, "application/json", 16) != 0)
		return http_error(r, 415, "登录请求应为 application/json");
	if (req_params_done(r) < 0 || !(o = api_json_object(r)))
		return r->status;
	const char *name = api_json_str(o, "username"), *pw = api_json_str(o, "password");
	if (!name || !*name || !pw || !*pw) {
		http_error(r, 400, "请输入用户名和密码 (send username and password)");
		goto out;
	}
	snprintf(akey, sizeof akey, "a:%s", r->addr);
	snprintf(nkey, sizeof nkey, "n:%.64s\x1f%s", name, r->addr);
	snprintf(ukey, sizeof ukey, "u:%.64s", name);
	if (throttle_count(akey, now, &last) >= THROTTLE_ADDR) {
		too_many(r, last + THROTTLE_WINDOW - now,
			 "登录尝试过于频繁,请15分钟后再试 (too many failed log-ins from your "
			 "address: try again later)");
		goto out;
	}
	/* This address's failures on this name: growing delays, no lock. */
	int nf = throttle_count(nkey, now, &last);
	int64_t wait = last + user_backoff(nf, pol->free_failures, pol) - now;
	if (nf >= pol->free_failures && wait > 0) {
		too_many(r, wait, SLOWED_MSG);
		goto out;
	}
	/* For a name that is no account: the account's slow-down, mimicked. */
	int uf = throttle_count(ukey, now, &last);
	int64_t uwait = last + user_backoff(uf, pol->account_ceiling, pol) - now;
	int named_slowed = uf >= pol->account_ceiling && uwait > 0;
	user_login_rc rc = user_login(r->db, name, pw, r->addr, now, pol, &u);
	switch (rc) {
	case USER_LOGIN_OK:
	case USER_LOGIN_MUST_CHANGE:
		/* This address's delays only: a success elsewhere gives a
		 * stranger's address no fresh free attempts. */
		throttle_clear_key(nkey);
		throttle_clear_key(ukey);
		start_session(r, &u, now);
		break;
	case USER_LOGIN_BAD:
		throttle_fail(akey, now);
		if (u.id == 0 && named_slowed) {  /* as LOCKED would answer */
			too_many(r, uwait, SLOWED_MSG);
			break;
		}
		throttle_fail(nkey, now);
		if (u.id == 0)
			throttle_fail(ukey, now);
		http_error_code(r, 401, "login_failed", "%s", user_login_message(rc));
		break;
	case USER_LOGIN_LOCKED:
		throttle_fail(akey, now);
		too_many(r, u.locked_until - now, SLOWED_MSG);
		break;
	case USER_LOGIN_DISABLED:
		http_error_code(r, 403, "disabled", "%s", user_login_message(rc));
		break;
	default:
		http_error(r, 503, "数据库暂不可用，请稍后重试");
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
		return http_error(r, 503, "数据库暂不可用，请稍后重试");
	}
	auth_set_cookie(r, NULL);
	buf_puts(http_json(r, 200), "{\"ok\":true}");
	return r->status;
}

int api_password(http_req *r)
{
	json_t *o = NULL;
	char err[256], pkey[160];
	int64_t now = auth_now();
	user_rec u;

	if (req_params_done(r) < 0 || !(o = api_json_object(r)))
		return r->status;
	const char *old_pw = api_json_str(o, "old"), *new_pw = api_json_str(o, "new");
	if (!old_pw || !new_pw) {
		http_error(r, 400, "请提供原密码 old 与新密码 new");
		goto out;
	}
	snprintf(pkey, sizeof pkey, "p:%s", r->caller.user.username);
	if (throttle_count(pkey, now, NULL) >= THROTTLE_PW) {
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
		http_error(r, 503, "数据库暂不可用，请稍后重试");
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
