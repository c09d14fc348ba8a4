/*
 * user.h - user accounts and log-in for people: password rules, Argon2id
 * hashing (libsodium crypto_pwhash_str), lock-out after repeated failures,
 * forced change on first log-in, and the audited account operations used by
 * the CLI (`anxin user ...`, `anxin init`) and, in phase 2, by the
 * administrator's API.
 *
 * Every operation that changes an account takes the acting audit_actor and
 * a "now" (Unix seconds), writes its audit row in the same transaction, and
 * reports a bad input as a message in err (returning -1) without changing
 * anything. Password strings are the caller's; they are never stored, never
 * logged, and copies made here are wiped.
 */
#ifndef ANXIN_USER_H
#define ANXIN_USER_H

#include <stddef.h>
#include <stdint.h>

#include "domain/access/audit.h"
#include "domain/access/role.h"
#include "store/user_store.h"
#include "util/buf.h"

/*
 * The password and log-in throttling parameters (defaults: 10 characters;
 * 5 free failures, then 30 s doubling to at most 15 minutes; 20 failures
 * of one account before strangers are slowed). Failures never lock an
 * account for good: every delay ends, and an address that has logged into
 * the account before is never slowed by strangers' failures (OWASP ASVS
 * v4 2.2.1, Authentication Cheat Sheet "Account lockout").
 */
typedef struct user_policy {
	int min_length;        /* characters (UTF-8 code points) */
	int free_failures;     /* failures of one (account, address) before delays */
	int base_delay;        /* the first delay, seconds; doubles per failure */
	int max_delay;         /* the longest delay, seconds */
	int account_ceiling;   /* consecutive failures of one account (all
				* addresses) after which strangers are slowed */
} user_policy;

extern const user_policy user_policy_default;

/* Results of user_login. Only OK and MUST_CHANGE authenticate; BAD is the
 * same whether the user is unknown or the password wrong. */
typedef enum user_login_rc {
	USER_LOGIN_OK = 0,
	USER_LOGIN_BAD,           /* unknown user or wrong password */
	USER_LOGIN_LOCKED,        /* slowed: too many failures on the account from
				     addresses it never logged in from; wait
				     until locked_until (the password is not
				     checked) */
	USER_LOGIN_DISABLED,      /* right password, account disabled */
	USER_LOGIN_MUST_CHANGE,   /* right password; must set a new one first */
	USER_LOGIN_ERROR          /* database error */
} user_login_rc;

/* Whether username is acceptable: 2-64 of a-z 0-9 . _ - , starting with a
 * letter or digit. Returns 1, or 0 with *why. */
int user_name_ok(const char *username, const char **why);
/* Whether pw satisfies the rules: at least p->min_length characters, at
 * most 256 bytes, three of the four classes (lower, upper, digit, other;
 * any non-ASCII counts as other), not containing the username, and not one
 * of the common passwords (common_passwords.txt, compared ignoring ASCII
 * case). Returns 1, or 0 with *why (a static bilingual message). */
int user_password_ok(const char *username, const char *pw, const user_policy *p,
		     const char **why);
/* Whether pw is on the embedded list of common passwords, ignoring ASCII
 * case. */
int user_password_common(const char *pw);
/* The delay, in seconds, owed after failures consecutive failures when
 * the first free ones cost nothing: 0 below free, then p->base_delay
 * doubling with each further failure, never more than p->max_delay. */
int64_t user_backoff(int failures, int free, const user_policy *p);
/* Argon2id hash string of pw into out. Limits: OPSLIMIT/MEMLIMIT
 * INTERACTIVE (about 0.15 s, 64 MiB here); MIN only when the environment
 * sets ANXIN_TEST_FAST_HASH=1 (tests). Returns 0, -1 when out of memory.
 * A hash made with MIN limits is upgraded at the next successful log-in
 * without the variable. */
int user_hash_password(const char *pw, char out[USER_HASH_SIZE]);
/* Whether ANXIN_TEST_FAST_HASH=1 is in effect (`anxin serve` warns). */
int user_fast_hash(void);
/* Whether pw matches the hash string (constant time in libsodium). */
int user_verify_password(const char *hash, const char *pw);
/* A random 16-character password that passes the rules (no look-alike
 * characters). out must hold 17 bytes. */
void user_generate_password(char out[17]);

/* How a person who acted is shown (issue 8: people by name, not login):
 * a user's display name (its user name when it has none), "系统扫描" for
 * the scanner, "<name>(命令行)" for a CLI actor "cli:<name>", the text
 * itself for anything else; into out. */
void user_display_name(db *d, const char *actor, char *out, size_t outlen);

/* Creates u (username, display_name, role, street, uscc set by the caller)
 * with password pw and must_change; validates every field. Audit:
 * user_add. Returns 0 or -1 with err. */
int user_add(db *d, const audit_actor *who, user_rec *u, const char *pw, int must_change,
	     int64_t now, char *err, size_t errlen);
/* Disables (1) or enables (0) an account; disabling ends its sessions.
 * Audit: user_disable / user_enable. */
int user_set_disabled(db *d, const audit_actor *who, const char *username, int disabled,
		      int64_t now, char *err, size_t errlen);
/* Sets a new password chosen by an administrator (must_change = 1 makes
 * the user change it at the next log-in); clears the lock-out and ends the
 * user's sessions. Audit: user_passwd. */
int user_set_password(db *d, const audit_actor *who, const char *username, const char *pw,
		      int must_change, int64_t now, char *err, size_t errlen);
/* The user's own change (the forced change after first log-in included):
 * the old password must match; the new one must pass the rules and differ
 * from it. Clears must_change. Sessions other than the caller's are the
 * caller's to end (sess_end_user). Audit: password_change. */
int user_change_password(db *d, const audit_actor *who, int64_t user_id, const char *old_pw,
			 const char *new_pw, int64_t now, char *err, size_t errlen);
/* Clears failures and lock-out. Audit: user_unlock. */
int user_unlock(db *d, const audit_actor *who, const char *username, int64_t now, char *err,
		size_t errlen);

/*
 * Checks a log-in attempt from address at time now with policy p (NULL =
 * default). An unknown user costs the same Argon2id work as a known one
 * and answers BAD. A wrong password counts a failure on the account; from
 * p->account_ceiling consecutive failures on, each failure slows the
 * account for user_backoff(failures, ceiling) seconds (locked_until), and
 * while it is slowed an attempt from an address that never logged into
 * the account (audit_store_login_seen) answers LOCKED without checking the
 * password; an address that has logged in before is checked as usual. The
 * per-(account, address) delays are the caller's (the HTTP layer keeps
 * them). A right password clears the failures and, when the stored hash
 * used weaker limits, re-hashes it. Every attempt is audited (login /
 * login_failed, with the reason in "after"). On OK, MUST_CHANGE, DISABLED
 * and LOCKED *out holds the account; on BAD out->id is 0 for an unknown
 * name (for the caller's bookkeeping only: never to be shown).
 */
user_login_rc user_login(db *d, const char *username, const char *pw, const char *address,
			 int64_t now, const user_policy *p, user_rec *out);
/* A Chinese + English message for a result, for the UI and the CLI. */
const char *user_login_message(user_login_rc rc);

/* The account's public fields as a JSON object (never the hash). */
void user_json(const user_rec *u, buf *out);
/* The role of an account. */
role_id user_role(const user_rec *u);
/* The row-level scope of an account as of today (borrows u's strings;
 * see role_scope_of). */
rec_scope role_scope(const user_rec *u, const char *today);

#endif
