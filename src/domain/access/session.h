/*
 * session.h - server-side log-in sessions for people (used by the HTTP
 * layer in phase 2).
 *
 * The cookie value is 32 random bytes (libsodium randombytes) in URL-safe
 * base64, 43 characters; the database keeps only its SHA-256, so a copy of
 * the database does not let anyone log in. The CSRF token is derived from
 * the cookie value (keyed BLAKE2b), so it is fixed for the session, needs no
 * storage and cannot be computed from the database either. Timeouts: 30
 * minutes idle, 12 hours absolute; "now" is always passed in.
 *
 * Cookie attributes for phase 2: Set-Cookie: anxin_session=VALUE; Path=/;
 * HttpOnly; SameSite=Strict; Secure (behind TLS); no Max-Age (a browser
 * session cookie) - the server enforces both timeouts.
 */
#ifndef ANXIN_SESSION_H
#define ANXIN_SESSION_H

#include <stdint.h>

#include "store/db.h"
#include "store/user_store.h"

#define SESS_COOKIE_SIZE 44   /* 43 characters + NUL */
#define SESS_CSRF_SIZE 65     /* 64 hex characters + NUL */
#define SESS_IDLE_SECONDS (30 * 60)
#define SESS_ABSOLUTE_SECONDS (12 * 60 * 60)
/* last_seen is written at most this often (fewer writes per request). */
#define SESS_TOUCH_SECONDS 60

typedef enum sess_rc {
	SESS_OK = 0,
	SESS_NONE,          /* no such session (or logged out, or malformed) */
	SESS_EXPIRED_IDLE,  /* idle longer than SESS_IDLE_SECONDS (now deleted) */
	SESS_EXPIRED_ABS,   /* older than SESS_ABSOLUTE_SECONDS (now deleted) */
	SESS_USER_DISABLED, /* the account was disabled (now deleted) */
	SESS_ERROR
} sess_rc;

typedef struct sess_info {
	int64_t user_id;
	int64_t created_at;
	int64_t last_seen;
	char csrf[SESS_CSRF_SIZE];
} sess_info;

/* Starts a session for user_id at now from address. Writes the cookie
 * value (shown to the browser, never stored) and its CSRF token. The caller
 * wipes cookie with sodium_memzero when done. Returns 0 or -1. */
int sess_create(db *d, int64_t user_id, const char *address, int64_t now,
		char cookie[SESS_COOKIE_SIZE], char csrf[SESS_CSRF_SIZE]);
/* Looks up the session of a cookie value at now. SESS_OK fills u (without
 * its password hash) and si (CSRF included); an expired session or one of
 * a disabled user is deleted. Does not extend the session: call
 * sess_touch after an authorised request. A user with must_change set may
 * only change the password (the HTTP layer checks u->must_change). */
sess_rc sess_lookup(db *d, const char *cookie, int64_t now, user_rec *u, sess_info *si);
/* Records activity at now (extends the idle timeout). Returns 0 or -1. */
int sess_touch(db *d, const char *cookie, int64_t now);
/* Ends one session (log-out). Returns 0 or -1. */
int sess_logout(db *d, const char *cookie);
/* Ends every session of a user. */
int sess_end_user(db *d, int64_t user_id);
/* Deletes every expired session at now; returns how many, or -1. */
int64_t sess_purge(db *d, int64_t now);
/* The CSRF token of a cookie value (deterministic). */
void sess_csrf_of(const char *cookie, char csrf[SESS_CSRF_SIZE]);
/* Whether the CSRF token sent with a request equals the session's, in
 * constant time (sodium_memcmp); NULL or a wrong length is a mismatch. */
int sess_csrf_ok(const char *expected, const char *given);

#endif
