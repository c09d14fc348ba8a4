/*
 * user.c - accounts, password rules (with the embedded list of common
 * passwords) and hashing, log-in with the account's slow-down (see user.h).
 * SQL is in store/user_store.c, store/session_store.c and, for "has this
 * address logged in before", store/audit_store.c.
 */
#include "domain/access/user.h"

#include <ctype.h>
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/audit_store.h"
#include "store/session_store.h"
#include "util/valid.h"

const user_policy user_policy_default = {10, 5, 30, 15 * 60, 20};

/* common_passwords.txt, embedded by common_passwords.S (NUL-terminated). */
extern const char user_common_passwords[], user_common_passwords_end[];

#define PW_MAX_BYTES 256

/* libsodium must be initialised before randombytes and pwhash; the call is
 * idempotent and thread-safe. Failure means no entropy source: abort. */
static void user_sodium(void)
{
	if (sodium_init() < 0)
		abort();
}

int user_name_ok(const char *username, const char **why)
{
	size_t n = username ? strlen(username) : 0;

	if (n < 2 || n > 64) {
		*why = "用户名须为 2-64 个字符 (username must be 2-64 characters)";
		return 0;
	}
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)username[i];
		int ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
			 (i > 0 && (c == '.' || c == '_' || c == '-'));
		if (!ok) {
			*why = "用户名只能含小写字母、数字和 . _ - (username: a-z 0-9 . _ - only)";
			return 0;
		}
	}
	return 1;
}

/* Whether hay contains needle, ASCII case-insensitively. */
static int contains_ci(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	if (n == 0)
		return 0;
	for (; *hay; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return 1;
	return 0;
}

int user_password_common(const char *pw)
{
	size_t n = pw ? strlen(pw) : 0;
	const char *line = user_common_passwords;

	if (n == 0)
		return 0;
	/* A linear pass over ~1,000 short lines: passwords are checked only
	 * when set or changed, so no index is worth its memory. */
	while (line < user_common_passwords_end && *line) {
		const char *nl = memchr(line, '\n', (size_t)(user_common_passwords_end - line));
		const char *end = nl ? nl : user_common_passwords_end;
		size_t len = (size_t)(end - line);
		if (len && line[len - 1] == '\r')
			len--;
		if (*line != '#' && len == n && strncasecmp(line, pw, n) == 0)
			return 1;
		if (!nl)
			break;
		line = nl + 1;
	}
	return 0;
}

int64_t user_backoff(int failures, int free, const user_policy *p)
{
	if (!p)
		p = &user_policy_default;
	if (failures < free)
		return 0;
	int64_t d = p->base_delay;
	for (int i = free; i < failures && d < p->max_delay; i++)
		d *= 2;
	return d < p->max_delay ? d : p->max_delay;
}

int user_password_ok(const char *username, const char *pw, const user_policy *p,
		     const char **why)
{
	int lower = 0, upper = 0, digit = 0, other = 0, chars = 0;
	size_t n = pw ? strlen(pw) : 0;

	if (!p)
		p = &user_policy_default;
	if (n > PW_MAX_BYTES) {
		*why = "密码过长 (password longer than 256 bytes)";
		return 0;
	}
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)pw[i];
		if ((c & 0xC0) != 0x80)
			chars++;  /* count UTF-8 code points, not bytes */
		if (c >= 'a' && c <= 'z')
			lower = 1;
		else if (c >= 'A' && c <= 'Z')
			upper = 1;
		else if (c >= '0' && c <= '9')
			digit = 1;
		else
			other = 1;
	}
	if (chars < p->min_length) {
		*why = "密码至少 10 个字符 (password too short: at least 10 characters)";
		return 0;
	}
	if (lower + upper + digit + other < 3) {
		*why = "密码须包含大写字母、小写字母、数字、符号中的至少三类 "
		       "(password needs 3 of: lower case, upper case, digits, symbols)";
		return 0;
	}
	if (username && strlen(username) >= 2 && contains_ci(pw, username)) {
		*why = "密码不能包含用户名 (password must not contain the username)";
		return 0;
	}
	if (user_password_common(pw)) {
		*why = "密码过于常见,容易被猜中,请换一个 (password is on the list of the most "
		       "common passwords)";
		return 0;
	}
	return 1;
}

int user_fast_hash(void)
{
	const char *fast = getenv("ANXIN_TEST_FAST_HASH");

	return fast && strcmp(fast, "1") == 0;
}

/* The Argon2id limits: INTERACTIVE, or MIN under ANXIN_TEST_FAST_HASH=1. */
static void pw_limits(unsigned long long *ops, size_t *mem)
{
	if (user_fast_hash()) {
		*ops = crypto_pwhash_OPSLIMIT_MIN;
		*mem = crypto_pwhash_MEMLIMIT_MIN;
		return;
	}
	*ops = crypto_pwhash_OPSLIMIT_INTERACTIVE;
	*mem = crypto_pwhash_MEMLIMIT_INTERACTIVE;
}

int user_hash_password(const char *pw, char out[USER_HASH_SIZE])
{
	unsigned long long ops;
	size_t mem;

	user_sodium();
	pw_limits(&ops, &mem);
	if (crypto_pwhash_str(out, pw, strlen(pw), ops, mem) != 0)
		return -1;
	return 0;
}

int user_verify_password(const char *hash, const char *pw)
{
	user_sodium();
	return crypto_pwhash_str_verify(hash, pw, strlen(pw)) == 0;
}

void user_generate_password(char out[17])
{
	/* No 0/O, 1/l/I: read aloud or copied from paper without doubt. */
	static const char alphabet[] =
		"abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789-_.+";
	const char *why;

	user_sodium();
	do {
		for (int i = 0; i < 16; i++)
			out[i] = alphabet[randombytes_uniform(sizeof alphabet - 1)];
		out[16] = '\0';
	} while (!user_password_ok(NULL, out, &user_policy_default, &why));
}

role_id user_role(const user_rec *u)
{
	return role_parse(u->role);
}

rec_scope role_scope(const user_rec *u, const char *today)
{
	return role_scope_of(user_role(u), u->street, u->uscc, NULL, today);
}

void user_json(const user_rec *u, buf *out)
{
	buf_fmt(out, "{\"username\":%j,\"display_name\":%j,\"role\":%j,\"street\":%j,"
		     "\"uscc\":%j,\"disabled\":%s,\"must_change\":%s}",
		u->username, u->display_name, u->role, *u->street ? u->street : NULL,
		*u->uscc ? u->uscc : NULL, u->disabled ? "true" : "false",
		u->must_change ? "true" : "false");
}

/* Checks the role-dependent fields of u. Returns 1, or 0 with err. */
static int user_fields_ok(db *d, const user_rec *u, char *err, size_t errlen)
{
	const char *why;
	role_id r = user_role(u);

	if (!user_name_ok(u->username, &why)) {
		snprintf(err, errlen, "%s", why);
		return 0;
	}
	if (!role_for_people(r)) {
		snprintf(err, errlen, "unknown role '%s' (admin inspector street enterprise "
				      "leader; banks use tokens)", u->role);
		return 0;
	}
	if ((r == ROLE_STREET) != (*u->street != '\0')) {
		snprintf(err, errlen, r == ROLE_STREET ? "a street officer needs --street"
						       : "--street is only for the street role");
		return 0;
	}
	if ((r == ROLE_ENTERPRISE) != (*u->uscc != '\0')) {
		snprintf(err, errlen, r == ROLE_ENTERPRISE ? "an enterprise user needs --uscc"
							   : "--uscc is only for the enterprise role");
		return 0;
	}
	if (*u->uscc && !valid_uscc(u->uscc, &why)) {
		snprintf(err, errlen, "--uscc %s: %s", u->uscc, why);
		return 0;
	}
	return 1;
}

/* Appends one audit row with before/after user JSON (either may be NULL). */
static int user_audit(db *d, const audit_actor *who, int64_t now, const char *action,
		      const char *key, const user_rec *before, const user_rec *after)
{
	buf b = BUF_INIT, a = BUF_INIT;
	int rc;

	if (before)
		user_json(before, &b);
	if (after)
		user_json(after, &a);
	audit_entry e = {who, now, action, "user", key, before ? buf_str(&b) : NULL,
			 after ? buf_str(&a) : NULL};
	rc = audit_append(d, &e);
	buf_free(&b);
	buf_free(&a);
	return rc;
}

int user_add(db *d, const audit_actor *who, user_rec *u, const char *pw, int must_change,
	     int64_t now, char *err, size_t errlen)
{
	const char *why;
	int rc = -1;

	if (!user_fields_ok(d, u, err, errlen))
		return -1;
	if (!user_password_ok(u->username, pw, NULL, &why)) {
		snprintf(err, errlen, "%s", why);
		return -1;
	}
	if (user_hash_password(pw, u->pw_hash) != 0) {
		snprintf(err, errlen, "password hashing failed (out of memory)");
		return -1;
	}
	u->disabled = 0;
	u->must_change = must_change;
	u->failed_logins = 0;
	u->locked_until = 0;
	u->last_login = 0;
	u->created_at = u->updated_at = now;
	if (db_begin_desk(d) != DB_OK) {
		snprintf(err, errlen, "%s", db_errmsg(d));
		return -1;
	}
	int src = user_store_insert(d, u);
	if (src == DB_CONSTRAINT) {
		snprintf(err, errlen, "user '%s' already exists", u->username);
		goto out;
	}
	if (src != DB_OK || user_audit(d, who, now, "user_add", u->username, NULL, u) != 0 ||
	    db_commit(d) != DB_OK) {
		snprintf(err, errlen, "%s", db_errmsg(d));
		goto out;
	}
	rc = 0;
out:
	if (rc != 0)
		db_rollback(d);
	return rc;
}

/* What one account operation changes in u; returns 0 or -1 with err. */
typedef int (*user_change)(user_rec *u, void *arg, char *err, size_t errlen);

/*
 * Loads username inside a write transaction, applies change, stores it,
 * audits action with before/after and, with end_sessions, ends the user's
 * sessions; commits or rolls back as a whole.
 */
static int user_apply(db *d, const audit_actor *who, const char *username, int64_t now,
		      const char *action, user_change change, void *arg, int end_sessions,
		      char *err, size_t errlen)
{
	user_rec before, u;
	int rc = -1;

	if (db_begin_desk(d) != DB_OK) {
		snprintf(err, errlen, "%s", db_errmsg(d));
		return -1;
	}
	int got = user_store_get(d, username, &before);
	if (got <= 0) {
		snprintf(err, errlen, got == 0 ? "no user '%s'" : "database error reading '%s'",
			 username);
		goto out;
	}
	u = before;
	if (change(&u, arg, err, errlen) != 0)
		goto out;
	u.updated_at = now;
	if (user_store_update(d, &u) != DB_OK ||
	    (end_sessions && sess_store_delete_user(d, u.id) != DB_OK) ||
	    user_audit(d, who, now, action, u.username, &before, &u) != 0 ||
	    db_commit(d) != DB_OK) {
		snprintf(err, errlen, "%s", db_errmsg(d));
		goto out;
	}
	rc = 0;
out:
	if (rc != 0)
		db_rollback(d);
	sodium_memzero(before.pw_hash, sizeof before.pw_hash);
	sodium_memzero(u.pw_hash, sizeof u.pw_hash);
	return rc;
}

static int change_disabled(user_rec *u, void *arg, char *err, size_t errlen)
{
	u->disabled = *(int *)arg;
	return 0;
}

int user_set_disabled(db *d, const audit_actor *who, const char *username, int disabled,
		      int64_t now, char *err, size_t errlen)
{
	return user_apply(d, who, username, now, disabled ? "user_disable" : "user_enable",
			  change_disabled, &disabled, disabled, err, errlen);
}

typedef struct pw_change {
	const char *hash;
	int must_change;
} pw_change;

static int change_password(user_rec *u, void *arg, char *err, size_t errlen)
{
	const pw_change *c = arg;

	snprintf(u->pw_hash, sizeof u->pw_hash, "%s", c->hash);
	u->must_change = c->must_change;
	u->failed_logins = 0;
	u->locked_until = 0;
	return 0;
}

int user_set_password(db *d, const audit_actor *who, const char *username, const char *pw,
		      int must_change, int64_t now, char *err, size_t errlen)
{
	char hash[USER_HASH_SIZE];
	const char *why;
	int rc;

	if (!user_password_ok(username, pw, NULL, &why)) {
		snprintf(err, errlen, "%s", why);
		return -1;
	}
	if (user_hash_password(pw, hash) != 0) {
		snprintf(err, errlen, "password hashing failed (out of memory)");
		return -1;
	}
	pw_change c = {hash, must_change};
	rc = user_apply(d, who, username, now, "user_passwd", change_password, &c, 1, err, errlen);
	sodium_memzero(hash, sizeof hash);
	return rc;
}

int user_change_password(db *d, const audit_actor *who, int64_t user_id, const char *old_pw,
			 const char *new_pw, int64_t now, char *err, size_t errlen)
{
	user_rec u;
	char hash[USER_HASH_SIZE];
	const char *why;
	int rc = -1;

	if (user_store_get_id(d, user_id, &u) != 1) {
		snprintf(err, errlen, "no such user");
		return -1;
	}
	if (!user_verify_password(u.pw_hash, old_pw)) {
		snprintf(err, errlen, "原密码不正确 (the current password is wrong)");
		goto out;
	}
	if (strcmp(old_pw, new_pw) == 0) {
		snprintf(err, errlen, "新密码不能与原密码相同 (the new password must differ)");
		goto out;
	}
	if (!user_password_ok(u.username, new_pw, NULL, &why)) {
		snprintf(err, errlen, "%s", why);
		goto out;
	}
	if (user_hash_password(new_pw, hash) != 0) {
		snprintf(err, errlen, "password hashing failed (out of memory)");
		goto out;
	}
	pw_change c = {hash, 0};
	rc = user_apply(d, who, u.username, now, "password_change", change_password, &c, 0, err,
			errlen);
	sodium_memzero(hash, sizeof hash);
out:
	sodium_memzero(u.pw_hash, sizeof u.pw_hash);
	return rc;
}

static int change_unlock(user_rec *u, void *arg, char *err, size_t errlen)
{
	u->failed_logins = 0;
	u->locked_until = 0;
	return 0;
}

int user_unlock(db *d, const audit_actor *who, const char *username, int64_t now, char *err,
		size_t errlen)
{
	return user_apply(d, who, username, now, "user_unlock", change_unlock, NULL, 0, err,
			  errlen);
}

/* ---- log-in ------------------------------------------------------------- */

static char dummy_hash[USER_HASH_SIZE];

static void dummy_init(void)
{
	char pw[17];

	user_generate_password(pw);
	if (user_hash_password(pw, dummy_hash) != 0)
		abort();
	sodium_memzero(pw, sizeof pw);
}

/* Audits one log-in attempt with its outcome. */
static int login_audit(db *d, const char *username, const char *role, const char *address,
		       int64_t now, const char *action, const char *reason)
{
	char actor[USER_NAME_SIZE];
	buf after = BUF_INIT;

	/* The name as typed, cut to a sane length: it may be garbage. */
	snprintf(actor, sizeof actor, "%s", username);
	buf_fmt(&after, "{\"result\":%j}", reason);
	audit_actor who = {actor, role, address};
	audit_entry e = {&who, now, action, "user", actor, NULL, buf_str(&after)};
	int rc = audit_append(d, &e);
	buf_free(&after);
	return rc;
}

user_login_rc user_login(db *d, const char *username, const char *pw, const char *address,
			 int64_t now, const user_policy *p, user_rec *out)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	user_login_rc rc = USER_LOGIN_ERROR;
	user_rec u;
	int match, found, known;
	const char *reason;

	if (!p)
		p = &user_policy_default;
	memset(out, 0, sizeof *out);
	memset(&u, 0, sizeof u);
	found = user_store_get(d, username ? username : "", &u);
	if (found < 0)
		return USER_LOGIN_ERROR;
	/* An address that has logged into this account before is not slowed
	 * by strangers' failures. */
	known = found ? audit_store_login_seen(d, u.username, address) : 0;
	if (known < 0)
		return USER_LOGIN_ERROR;
	if (found && !known && u.locked_until > now) {
		match = 0;  /* no password check while slowed */
	} else if (found) {
		match = user_verify_password(u.pw_hash, pw ? pw : "");
	} else {
		pthread_once(&once, dummy_init);  /* same work for unknown names */
		(void)user_verify_password(dummy_hash, pw ? pw : "");
		match = 0;
	}
	if (db_begin_desk(d) != DB_OK)
		goto out;
	if (found && user_store_get_id(d, u.id, &u) != 1)  /* fresh counters */
		goto fail;
	if (!found) {
		rc = USER_LOGIN_BAD;
		reason = "unknown_user";
	} else if (!known && u.locked_until > now) {
		rc = USER_LOGIN_LOCKED;
		reason = "slowed";
	} else if (!match) {
		rc = USER_LOGIN_BAD;
		reason = "bad_password";
		u.failed_logins++;
		/* From the ceiling on, every failure slows the account for
		 * strangers, a little longer each time, never for good. */
		if (u.failed_logins >= p->account_ceiling) {
			u.locked_until = now + user_backoff(u.failed_logins, p->account_ceiling, p);
			reason = "bad_password_slowed";
		}
	} else if (u.disabled) {
		rc = USER_LOGIN_DISABLED;
		reason = "disabled";
	} else {
		rc = u.must_change ? USER_LOGIN_MUST_CHANGE : USER_LOGIN_OK;
		reason = u.must_change ? "ok_must_change" : "ok";
		u.failed_logins = 0;
		u.locked_until = 0;
		u.last_login = now;
		unsigned long long ops;
		size_t mem;
		pw_limits(&ops, &mem);
		if (crypto_pwhash_str_needs_rehash(u.pw_hash, ops, mem) != 0)
			if (user_hash_password(pw, u.pw_hash) != 0)
				goto fail;
	}
	if (found && rc != USER_LOGIN_LOCKED && rc != USER_LOGIN_DISABLED) {
		u.updated_at = now;
		if (user_store_update(d, &u) != DB_OK)
			goto fail;
	}
	if (login_audit(d, username ? username : "", found ? u.role : "", address, now,
			rc == USER_LOGIN_OK || rc == USER_LOGIN_MUST_CHANGE ? "login" : "login_failed",
			reason) != 0 ||
	    db_commit(d) != DB_OK)
		goto fail;
	if (found) {
		*out = u;
		sodium_memzero(out->pw_hash, sizeof out->pw_hash);
	}
	goto out;
fail:
	db_rollback(d);
	rc = USER_LOGIN_ERROR;
out:
	sodium_memzero(u.pw_hash, sizeof u.pw_hash);
	return rc;
}

const char *user_login_message(user_login_rc rc)
{
	switch (rc) {
	case USER_LOGIN_OK: return "登录成功 (logged in)";
	case USER_LOGIN_BAD: return "用户名或密码错误 (wrong user name or password)";
	case USER_LOGIN_LOCKED: return "登录失败次数过多,请稍后再试 (too many failed log-ins: try again later)";
	case USER_LOGIN_DISABLED: return "账户已停用 (account disabled)";
	case USER_LOGIN_MUST_CHANGE: return "首次登录须修改密码 (you must change your password)";
	default: return "系统错误 (internal error)";
	}
}

void user_display_name(db *d, const char *actor, char *out, size_t outlen)
{
	user_rec u;

	if (!actor || !*actor) {
		snprintf(out, outlen, "%s", "");
		return;
	}
	if (!strcmp(actor, "scan")) {
		snprintf(out, outlen, "系统扫描");
		return;
	}
	if (!strncmp(actor, "cli:", 4)) {
		snprintf(out, outlen, "%s(命令行)", actor + 4);
		return;
	}
	if (user_store_get(d, actor, &u) == 1 && u.display_name[0])
		snprintf(out, outlen, "%s", u.display_name);
	else
		snprintf(out, outlen, "%s", actor);
	explicit_bzero(&u, sizeof u);
}
