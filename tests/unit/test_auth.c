/*
 * test_auth.c - unit tests of access control: the role permission matrix
 * and scopes (domain/role.c), password rules, Argon2id hashing and the
 * lock-out (domain/user.c), sessions with their timeouts and CSRF tokens
 * (domain/session.c), machine tokens (domain/token.c) and the audit hash
 * chain (domain/audit.c). Time is always passed in: nothing sleeps.
 * ANXIN_TEST_FAST_HASH=1 is set for speed except where the production
 * limits themselves are tested.
 */
#include <criterion/criterion.h>
#include "unit_db.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "domain/access/audit.h"
#include "domain/records/import.h"
#include "domain/access/role.h"
#include "domain/access/session.h"
#include "domain/access/token.h"
#include "domain/access/user.h"

#define T0 1772323200  /* 2026-03-01T00:00:00Z */
#define GOOD_PW "Wage-Guard-2026"

static char dir[64];
static db *d;
static const audit_actor cli_who = {"cli:test", "cli", ""};

static void setup(void)
{
	char err[256], path[128];

	setenv("ANXIN_TEST_FAST_HASH", "1", 1);
	snprintf(dir, sizeof dir, "/tmp/anxin_auth_XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/a.db", dir);
	d = unit_db_open("auth", path, DB_OPEN_CREATE, err, sizeof err);
	cr_assert_not_null(d, "%s", err);
}

static void teardown(void)
{
	char cmd[128];

	db_close(d);
	unit_db_drop("auth");
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
}

/* Adds a user of role with GOOD_PW; returns its id. */
static int64_t add_user(const char *name, const char *role, const char *street,
			const char *uscc, int must_change)
{
	user_rec u;
	char err[256];

	memset(&u, 0, sizeof u);
	snprintf(u.username, sizeof u.username, "%s", name);
	snprintf(u.role, sizeof u.role, "%s", role);
	snprintf(u.street, sizeof u.street, "%s", street ? street : "");
	snprintf(u.uscc, sizeof u.uscc, "%s", uscc ? uscc : "");
	cr_assert_eq(user_add(d, &cli_who, &u, GOOD_PW, must_change, T0, err, sizeof err), 0,
		     "%s", err);
	return u.id;
}

static int64_t audit_count(const char *action)
{
	return db_int(d, 0, "SELECT count(*) FROM audit_log WHERE action = ?", "t", action);
}

/* ---- roles ---------------------------------------------------------------- */

Test(role, permission_matrix)
{
	/* read write import export unmasked reveal users audit params warnings scan supervise
	 * cases */
	static const struct { role_id r; int p[PERM_COUNT]; } want[] = {
		{ROLE_ADMIN,      {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}},
		{ROLE_INSPECTOR,  {1, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 0, 1}},
		{ROLE_STREET,     {1, 0, 0, 1, 0, 1, 0, 0, 0, 1, 0, 0, 1}},
		{ROLE_ENTERPRISE, {1, 1, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0}},
		{ROLE_BANK,       {0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}},
		{ROLE_LEADER,     {1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1}},
		{ROLE_NONE,       {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}},
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		for (int p = 0; p < PERM_COUNT; p++)
			cr_expect_eq(role_can(want[i].r, (role_perm)p), want[i].p[p], "%s %s",
				     role_code(want[i].r), role_perm_code((role_perm)p));
	cr_expect(role_sees_personal(ROLE_ADMIN) && role_sees_personal(ROLE_INSPECTOR));
	cr_expect(!role_sees_personal(ROLE_STREET) && !role_sees_personal(ROLE_ENTERPRISE));
	cr_expect(!role_sees_personal(ROLE_LEADER) && !role_sees_personal(ROLE_BANK));
}

Test(role, kinds)
{
	cr_expect(role_can_kind(ROLE_BANK, PERM_WRITE, "transactions"));
	cr_expect(!role_can_kind(ROLE_BANK, PERM_WRITE, "accounts"));
	cr_expect(!role_can_kind(ROLE_BANK, PERM_WRITE, "attendance"));
	cr_expect(role_can_kind(ROLE_ENTERPRISE, PERM_IMPORT, "attendance"));
	cr_expect(role_can_kind(ROLE_ENTERPRISE, PERM_WRITE, "payroll"));
	cr_expect(!role_can_kind(ROLE_ENTERPRISE, PERM_WRITE, "projects"));
	cr_expect(!role_can_kind(ROLE_ENTERPRISE, PERM_WRITE, "transactions"));
	cr_expect(role_can_kind(ROLE_ADMIN, PERM_IMPORT, "min_wages"));
	cr_expect(!role_can_kind(ROLE_LEADER, PERM_WRITE, "workers"));
	cr_expect(!role_can_kind(ROLE_INSPECTOR, PERM_IMPORT, "workers"));
	cr_expect(!role_can_kind(ROLE_ADMIN, PERM_READ, "workers"), "only write/import");
	cr_expect_eq(role_parse("street"), ROLE_STREET);
	cr_expect_eq(role_parse("root"), ROLE_NONE);
	cr_expect(!role_for_people(ROLE_BANK));
}

Test(role, scope)
{
	user_rec u;

	memset(&u, 0, sizeof u);
	strcpy(u.role, "street");
	strcpy(u.street, "新港街道");
	rec_scope s = role_scope(&u, "2026-05-20");
	cr_expect_eq(s.kind, REC_SCOPE_STREET);
	cr_expect_str_eq(s.street, "新港街道");
	cr_expect_null(s.uscc);
	strcpy(u.role, "enterprise");
	strcpy(u.uscc, "91120116MA05000024");
	s = role_scope(&u, "2026-05-20");
	cr_expect_eq(s.kind, REC_SCOPE_ENTERPRISE);
	cr_expect_null(s.street);
	cr_expect_str_eq(s.uscc, "91120116MA05000024");
	cr_expect_str_eq(s.today, "2026-05-20");
	/* "Everything" is an explicit value of the district-wide roles only. */
	strcpy(u.role, "inspector");
	s = role_scope(&u, "2026-05-20");
	cr_expect_eq(s.kind, REC_SCOPE_ALL);
	strcpy(u.role, "leader");
	cr_expect_eq(role_scope(&u, NULL).kind, REC_SCOPE_ALL);
	strcpy(u.role, "admin");
	cr_expect_eq(role_scope(&u, NULL).kind, REC_SCOPE_ALL);
	/* Fail closed: a scoped role without its street / USCC / bank, a
	 * bank without a bank code, no role at all: the zero scope. */
	cr_expect_eq(role_scope_of(ROLE_STREET, "", NULL, NULL, NULL).kind, REC_SCOPE_NOTHING);
	cr_expect_eq(role_scope_of(ROLE_ENTERPRISE, NULL, "", NULL, NULL).kind, REC_SCOPE_NOTHING);
	cr_expect_eq(role_scope_of(ROLE_BANK, NULL, NULL, "", NULL).kind, REC_SCOPE_NOTHING);
	cr_expect_eq(role_scope_of(ROLE_NONE, "x", "y", "z", NULL).kind, REC_SCOPE_NOTHING);
	cr_expect_eq(REC_SCOPE_NOTHING, 0, "a zeroed scope is the empty one");
}

/* ---- passwords ---------------------------------------------------------- */

Test(password, rules)
{
	const char *why;

	cr_expect(user_password_ok("alice", GOOD_PW, NULL, &why));
	cr_expect(!user_password_ok("alice", "Ab1-short", NULL, &why), "9 characters");
	cr_expect(user_password_ok("alice", "Ab1-short!", NULL, &why), "10 characters");
	cr_expect(!user_password_ok("alice", "alllowercaseletters", NULL, &why));
	cr_expect(!user_password_ok("alice", "lowerand12345", NULL, &why), "2 classes");
	cr_expect(user_password_ok("alice", "lower-and-12345", NULL, &why), "3 classes");
	cr_expect(!user_password_ok("alice", "My-Alice-2026", NULL, &why), "holds the name");
	cr_expect(!user_password_ok("alice", "Alice12345", NULL, &why));
	/* Characters, not bytes: 9 CJK characters + 1 is 10 characters. */
	cr_expect(user_password_ok("alice", "安薪工资保障监察系统A1", NULL, &why));
	cr_expect(!user_password_ok("alice", "安薪工资A1", NULL, &why));
	char longpw[300];
	memset(longpw, 'a', sizeof longpw - 1);
	longpw[sizeof longpw - 1] = '\0';
	longpw[0] = 'A';
	longpw[1] = '1';
	cr_expect(!user_password_ok("alice", longpw, NULL, &why), "over 256 bytes");
}

Test(password, hash_and_verify)
{
	char h[USER_HASH_SIZE];

	setenv("ANXIN_TEST_FAST_HASH", "1", 1);
	cr_assert_eq(user_hash_password(GOOD_PW, h), 0);
	cr_expect(user_verify_password(h, GOOD_PW));
	cr_expect(!user_verify_password(h, "Wage-Guard-2027"));
	cr_expect(!user_verify_password(h, ""));
	/* Production limits unless the test variable is set. */
	unsetenv("ANXIN_TEST_FAST_HASH");
	cr_assert_eq(user_hash_password(GOOD_PW, h), 0);
	cr_expect(strncmp(h, "$argon2id$", 10) == 0, "%s", h);
	cr_expect_not_null(strstr(h, "m=65536,t=2"), "%s", h);
	cr_expect(user_verify_password(h, GOOD_PW));
}

Test(password, generated)
{
	char a[17], b[17];
	const char *why;

	user_generate_password(a);
	user_generate_password(b);
	cr_expect_eq(strlen(a), 16);
	cr_expect(user_password_ok("admin", a, NULL, &why));
	cr_expect_str_neq(a, b);
}

/* ---- users and log-in ----------------------------------------------------- */

Test(user, add_validates, .init = setup, .fini = teardown)
{
	user_rec u;
	char err[256];

	memset(&u, 0, sizeof u);
	strcpy(u.username, "bob");
	strcpy(u.role, "street");
	cr_expect_eq(user_add(d, &cli_who, &u, GOOD_PW, 1, T0, err, sizeof err), -1);
	cr_expect_not_null(strstr(err, "--street"), "%s", err);
	strcpy(u.role, "bank");
	cr_expect_eq(user_add(d, &cli_who, &u, GOOD_PW, 1, T0, err, sizeof err), -1);
	strcpy(u.role, "leader");
	strcpy(u.username, "Bob!");
	cr_expect_eq(user_add(d, &cli_who, &u, GOOD_PW, 1, T0, err, sizeof err), -1);
	strcpy(u.username, "bob");
	cr_expect_eq(user_add(d, &cli_who, &u, "short", 1, T0, err, sizeof err), -1);
	cr_expect_eq(user_add(d, &cli_who, &u, GOOD_PW, 1, T0, err, sizeof err), 0, "%s", err);
	cr_expect_eq(user_add(d, &cli_who, &u, GOOD_PW, 1, T0, err, sizeof err), -1);
	cr_expect_not_null(strstr(err, "exists"));
	cr_expect_eq(audit_count("user_add"), 1, "failed adds leave no row");
	/* The hash is stored, never the password. */
	cr_expect_eq(db_int(d, 0, "SELECT count(*) FROM users WHERE pw_hash LIKE '$argon2id$%'",
			    ""), 1);
	cr_expect_eq(db_int(d, 0, "SELECT count(*) FROM audit_log WHERE after LIKE ?", "t",
			    "%" GOOD_PW "%"), 0);
}

Test(user, login_results, .init = setup, .fini = teardown)
{
	user_rec u;
	char err[256];

	add_user("alice", "inspector", NULL, NULL, 0);
	add_user("newbie", "leader", NULL, NULL, 1);
	cr_expect_eq(user_login(d, "alice", GOOD_PW, "10.0.0.1", T0, NULL, &u), USER_LOGIN_OK);
	cr_expect_str_eq(u.username, "alice");
	cr_expect_eq(u.pw_hash[0], '\0', "the hash is not handed out");
	cr_expect_eq(user_login(d, "alice", "Wrong-Pass-1", "", T0, NULL, &u), USER_LOGIN_BAD);
	cr_expect_eq(user_login(d, "nobody", GOOD_PW, "", T0, NULL, &u), USER_LOGIN_BAD);
	cr_expect_eq(user_login(d, "newbie", GOOD_PW, "", T0, NULL, &u), USER_LOGIN_MUST_CHANGE);
	cr_expect_eq(user_change_password(d, &cli_who, u.id, GOOD_PW, "Fresh-Start-99", T0, err,
					  sizeof err), 0, "%s", err);
	cr_expect_eq(user_login(d, "newbie", "Fresh-Start-99", "", T0, NULL, &u), USER_LOGIN_OK);
	cr_expect_eq(user_set_disabled(d, &cli_who, "alice", 1, T0, err, sizeof err), 0);
	cr_expect_eq(user_login(d, "alice", GOOD_PW, "", T0, NULL, &u), USER_LOGIN_DISABLED);
	cr_expect_eq(user_login(d, "alice", "Wrong-Pass-1", "", T0, NULL, &u), USER_LOGIN_BAD,
		     "a wrong password does not reveal that the account is disabled");
	cr_expect_eq(audit_count("login"), 3);
	cr_expect_eq(audit_count("login_failed"), 4);
	cr_expect_eq(audit_count("password_change"), 1);
	cr_expect_eq(db_int(d, 0, "SELECT count(*) FROM audit_log WHERE address = '10.0.0.1'", ""), 1);
}

Test(user, backoff_grows_and_is_capped)
{
	const user_policy *p = &user_policy_default;

	for (int i = 0; i < 5; i++)
		cr_expect_eq(user_backoff(i, 5, p), 0, "failure %d is free", i);
	cr_expect_eq(user_backoff(5, 5, p), 30);
	cr_expect_eq(user_backoff(6, 5, p), 60);
	cr_expect_eq(user_backoff(7, 5, p), 120);
	cr_expect_eq(user_backoff(9, 5, p), 480);
	cr_expect_eq(user_backoff(10, 5, p), 900, "capped at 15 minutes");
	cr_expect_eq(user_backoff(1000000, 5, p), 900, "never more, never for good");
	cr_expect_eq(user_backoff(20, 20, p), 30);
}

/*
 * Failures never lock an account: five (or any number of) wrong passwords
 * from a stranger's address leave the right one working from any address.
 * From the ceiling on, strangers are slowed by growing delays (LOCKED
 * without a password check), each of which ends; an address that has
 * logged in before is never slowed; an administrator can clear it all.
 */
Test(user, failures_slow_strangers_never_lock, .init = setup, .fini = teardown)
{
	user_rec u;
	char err[256], addr[32];
	const user_policy *p = &user_policy_default;

	add_user("alice", "admin", NULL, NULL, 0);
	cr_expect_eq(user_login(d, "alice", GOOD_PW, "10.0.0.1", T0, NULL, &u), USER_LOGIN_OK);
	/* The old rule locked the account after 5: now nothing is locked. */
	for (int i = 0; i < 6; i++)
		cr_expect_eq(user_login(d, "alice", "Wrong-Pass-1", "198.51.100.7", T0 + 1 + i, NULL,
					&u), USER_LOGIN_BAD);
	cr_expect_eq(user_login(d, "alice", GOOD_PW, "203.0.113.5", T0 + 8, NULL, &u),
		     USER_LOGIN_OK, "a stranger's 6 failures lock nobody out");
	/* A distributed guess: the ceiling, from many addresses. */
	for (int i = 0; i < p->account_ceiling; i++) {
		snprintf(addr, sizeof addr, "192.0.2.%d", i + 1);
		cr_expect_eq(user_login(d, "alice", "Wrong-Pass-1", addr, T0 + 100 + i, NULL, &u),
			     USER_LOGIN_BAD);
	}
	int64_t t1 = T0 + 100 + p->account_ceiling - 1;  /* the last failure */
	cr_expect_eq(user_login(d, "alice", GOOD_PW, "203.0.113.9", t1 + 1, NULL, &u),
		     USER_LOGIN_LOCKED, "strangers are slowed");
	cr_expect_eq(u.locked_until, t1 + 30);
	cr_expect_eq(user_login(d, "alice", GOOD_PW, "203.0.113.9", t1 + 29, NULL, &u),
		     USER_LOGIN_LOCKED);
	/* The delay ends: the password is checked again; a failure doubles it. */
	cr_expect_eq(user_login(d, "alice", "Wrong-Pass-1", "203.0.113.9", t1 + 30, NULL, &u),
		     USER_LOGIN_BAD);
	cr_expect_eq(user_login(d, "alice", GOOD_PW, "203.0.113.9", t1 + 31, NULL, &u),
		     USER_LOGIN_LOCKED);
	cr_expect_eq(u.locked_until, t1 + 30 + 60);
	/* The bureau's own address is not subject to strangers' failures. */
	cr_expect_eq(user_login(d, "alice", GOOD_PW, "10.0.0.1", t1 + 32, NULL, &u), USER_LOGIN_OK);
	cr_expect_eq(user_login(d, "alice", GOOD_PW, "203.0.113.9", t1 + 33, NULL, &u),
		     USER_LOGIN_OK, "a success clears the account's failures");
	cr_expect_eq(db_int(d, 0, "SELECT count(*) FROM audit_log WHERE action = 'login_failed'"
				  " AND after = '{\"result\":\"slowed\"}'", ""), 3);
	cr_expect_eq(db_int(d, 0, "SELECT count(*) FROM audit_log WHERE action = 'login_failed'"
				  " AND after = '{\"result\":\"bad_password_slowed\"}'", ""), 2);
	/* An administrator can clear a slow-down early. */
	for (int i = 0; i < p->account_ceiling; i++)
		user_login(d, "alice", "Wrong-Pass-1", "192.0.2.200", T0 + 2000, NULL, &u);
	cr_expect_eq(user_login(d, "alice", GOOD_PW, "192.0.2.201", T0 + 2001, NULL, &u),
		     USER_LOGIN_LOCKED);
	cr_expect_eq(user_unlock(d, &cli_who, "alice", T0 + 2002, err, sizeof err), 0);
	cr_expect_eq(user_login(d, "alice", GOOD_PW, "192.0.2.201", T0 + 2003, NULL, &u),
		     USER_LOGIN_OK);
	/* A stricter policy: 2 failures, 60 s doubling. */
	user_policy strict = {10, 5, 60, 900, 2};
	user_login(d, "alice", "Wrong-Pass-1", "192.0.2.9", T0 + 3000, &strict, &u);
	user_login(d, "alice", "Wrong-Pass-1", "192.0.2.9", T0 + 3001, &strict, &u);
	cr_expect_eq(user_login(d, "alice", GOOD_PW, "192.0.2.9", T0 + 3002, &strict, &u),
		     USER_LOGIN_LOCKED);
	cr_expect_eq(user_login(d, "alice", GOOD_PW, "192.0.2.9", T0 + 3061, &strict, &u),
		     USER_LOGIN_OK);
}

/* The most common passwords are refused, whatever their case, for every
 * way a password is set: a new account, an administrator's reset, the
 * user's own change. The list is embedded data (common_passwords.txt). */
Test(user, common_passwords_refused, .init = setup, .fini = teardown)
{
	const char *why = NULL;
	char err[256];
	user_rec u;

	/* These pass every other rule (10+ characters, 3 classes). */
	static const char *const common[] = {"Password@123", "PASSWORD@123", "pAsSwOrD@123",
					     "Admin@123456", "Huawei@123", "Qwerty@2026",
					     "P@ssw0rd123", "Woaini1314"};
	for (size_t i = 0; i < sizeof common / sizeof common[0]; i++) {
		cr_expect_not(user_password_ok("zhang", common[i], NULL, &why), "%s", common[i]);
		cr_expect_not_null(why && strstr(why, "常见"), "%s: %s", common[i], why ? why : "");
	}
	/* The list itself: its first and last public entries, any case; a
	 * comment line is no entry. */
	cr_expect(user_password_common("123456"));
	cr_expect(user_password_common("FreePass"));
	cr_expect(user_password_common("Password123"));
	cr_expect_not(user_password_common("Password1234567"));
	cr_expect_not(user_password_common(""));
	cr_expect_not(user_password_common("# common_passwords.txt - passwords anxin refuses for every set"));
	cr_expect(user_password_ok("zhang", GOOD_PW, NULL, &why));
	/* Every way of setting one. */
	memset(&u, 0, sizeof u);
	strcpy(u.username, "carol");
	strcpy(u.role, "leader");
	cr_expect_eq(user_add(d, &cli_who, &u, "Password@123", 1, T0, err, sizeof err), -1);
	cr_expect_not_null(strstr(err, "常见"), "%s", err);
	int64_t id = add_user("dave", "leader", NULL, NULL, 0);
	cr_expect_eq(user_set_password(d, &cli_who, "dave", "Admin@123456", 1, T0, err, sizeof err),
		     -1);
	cr_expect_not_null(strstr(err, "常见"), "%s", err);
	cr_expect_eq(user_change_password(d, &cli_who, id, GOOD_PW, "Qwerty@2026", T0, err,
					  sizeof err), -1);
	cr_expect_not_null(strstr(err, "常见"), "%s", err);
	cr_expect_eq(user_login(d, "dave", GOOD_PW, "", T0, NULL, &u), USER_LOGIN_OK,
		     "the old password still works");
}

Test(user, password_reset_ends_sessions, .init = setup, .fini = teardown)
{
	char cookie[SESS_COOKIE_SIZE], csrf[SESS_CSRF_SIZE], err[256];
	user_rec u;
	sess_info si;
	int64_t id = add_user("alice", "inspector", NULL, NULL, 0);

	cr_assert_eq(sess_create(d, id, "", T0, cookie, csrf), 0);
	cr_expect_eq(user_set_password(d, &cli_who, "alice", "Other-Pass-2026", 1, T0, err,
				       sizeof err), 0, "%s", err);
	cr_expect_eq(sess_lookup(d, cookie, T0 + 1, &u, &si), SESS_NONE);
	cr_expect_eq(user_login(d, "alice", "Other-Pass-2026", "", T0, NULL, &u),
		     USER_LOGIN_MUST_CHANGE);
}

/* ---- sessions ------------------------------------------------------------- */

Test(session, create_lookup_timeouts, .init = setup, .fini = teardown)
{
	char cookie[SESS_COOKIE_SIZE], csrf[SESS_CSRF_SIZE];
	user_rec u;
	sess_info si;
	int64_t id = add_user("alice", "street", "新港街道", NULL, 0);

	cr_assert_eq(sess_create(d, id, "10.0.0.2", T0, cookie, csrf), 0);
	cr_expect_eq(strlen(cookie), SESS_COOKIE_SIZE - 1);
	cr_expect_eq(strlen(csrf), SESS_CSRF_SIZE - 1);
	/* Only the hash of the cookie is stored. */
	cr_expect_eq(db_int(d, 0, "SELECT count(*) FROM sessions WHERE id_hash = ?", "t", cookie), 0);
	cr_expect_eq(db_int(d, 0, "SELECT count(*) FROM sessions", ""), 1);
	cr_expect_eq(sess_lookup(d, cookie, T0 + 10, &u, &si), SESS_OK);
	cr_expect_str_eq(u.username, "alice");
	cr_expect_str_eq(si.csrf, csrf);
	/* Idle: 29:59 after the last activity is fine, 30:00 is not. */
	cr_expect_eq(sess_lookup(d, cookie, T0 + SESS_IDLE_SECONDS - 1, &u, &si), SESS_OK);
	cr_expect_eq(sess_touch(d, cookie, T0 + SESS_IDLE_SECONDS - 1), 0);
	cr_expect_eq(sess_lookup(d, cookie, T0 + 2 * SESS_IDLE_SECONDS - 2, &u, &si), SESS_OK);
	cr_expect_eq(sess_lookup(d, cookie, T0 + 2 * SESS_IDLE_SECONDS - 1, &u, &si),
		     SESS_EXPIRED_IDLE);
	cr_expect_eq(sess_lookup(d, cookie, T0 + 2 * SESS_IDLE_SECONDS, &u, &si), SESS_NONE,
		     "an expired session is deleted");

	/* Absolute: kept busy every 20 minutes, it still ends after 12 hours. */
	cr_assert_eq(sess_create(d, id, "", T0, cookie, csrf), 0);
	int64_t t;
	for (t = T0; t < T0 + SESS_ABSOLUTE_SECONDS; t += 20 * 60) {
		cr_assert_eq(sess_lookup(d, cookie, t, &u, &si), SESS_OK, "at +%lld",
			     (long long)(t - T0));
		sess_touch(d, cookie, t);
	}
	cr_expect_eq(sess_lookup(d, cookie, T0 + SESS_ABSOLUTE_SECONDS, &u, &si), SESS_EXPIRED_ABS);

	/* Log-out; garbage cookies. */
	cr_assert_eq(sess_create(d, id, "", T0, cookie, csrf), 0);
	cr_expect_eq(sess_logout(d, cookie), 0);
	cr_expect_eq(sess_lookup(d, cookie, T0 + 1, &u, &si), SESS_NONE);
	cr_expect_eq(sess_lookup(d, "", T0, &u, &si), SESS_NONE);
	cr_expect_eq(sess_lookup(d, NULL, T0, &u, &si), SESS_NONE);
	cr_expect_eq(sess_lookup(d, "x' OR 1=1 --", T0, &u, &si), SESS_NONE);
}

Test(session, disabled_user_and_purge, .init = setup, .fini = teardown)
{
	char c1[SESS_COOKIE_SIZE], c2[SESS_COOKIE_SIZE], csrf[SESS_CSRF_SIZE], err[256];
	user_rec u;
	sess_info si;
	int64_t a = add_user("alice", "inspector", NULL, NULL, 0);
	int64_t b = add_user("bob", "leader", NULL, NULL, 0);

	cr_assert_eq(sess_create(d, a, "", T0, c1, csrf), 0);
	cr_assert_eq(sess_create(d, b, "", T0 + 1000, c2, csrf), 0);
	cr_expect_str_neq(c1, c2);
	cr_expect_eq(sess_purge(d, T0 + SESS_IDLE_SECONDS + 10), 1, "alice's idle session");
	cr_expect_eq(sess_lookup(d, c2, T0 + 1001, &u, &si), SESS_OK);
	cr_expect_eq(user_set_disabled(d, &cli_who, "bob", 1, T0 + 1002, err, sizeof err), 0);
	cr_expect_eq(sess_lookup(d, c2, T0 + 1003, &u, &si), SESS_NONE, "disabling ends sessions");
}

Test(session, csrf_compare)
{
	char c1[SESS_CSRF_SIZE], c2[SESS_CSRF_SIZE], bad[SESS_CSRF_SIZE];

	sess_csrf_of("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", c1);
	sess_csrf_of("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB", c2);
	cr_expect_str_neq(c1, c2, "one token per session");
	cr_expect(sess_csrf_ok(c1, c1));
	memcpy(bad, c1, sizeof bad);
	bad[63] = bad[63] == '0' ? '1' : '0';
	cr_expect(!sess_csrf_ok(c1, bad), "last character differs");
	cr_expect(!sess_csrf_ok(c1, NULL));
	cr_expect(!sess_csrf_ok(c1, ""));
	bad[10] = '\0';
	cr_expect(!sess_csrf_ok(c1, bad), "prefix only");
	cr_expect(!sess_csrf_ok(NULL, NULL));
}

/* ---- machine tokens ------------------------------------------------------- */

/* Imports a fixture file (relative to the repository root). */
static void load(const char *name)
{
	char path[128];
	import_opts o = {0};
	import_result r;

	snprintf(path, sizeof path, "tests/fixtures/good/%s.csv", name);
	cr_assert_eq(import_file(d, path, name, &o, &r), 0, "%s", name);
	import_result_free(&r);
}

Test(token, create_check_revoke, .init = setup, .fini = teardown)
{
	token_rec t, got;
	char value[TOKEN_VALUE_SIZE], err[256];

	memset(&t, 0, sizeof t);
	strcpy(t.name, "icbc-push");
	strcpy(t.bank_code, "ICBC");
	strcpy(t.kinds, "transactions");
	cr_assert_eq(token_create(d, &cli_who, &t, T0, value, err, sizeof err), 0, "%s", err);
	cr_expect_eq(strncmp(value, "anx_", 4), 0);
	cr_expect_eq(strlen(value), TOKEN_VALUE_SIZE - 1);
	cr_expect_eq(strncmp(t.prefix, value, strlen(t.prefix)), 0);
	cr_expect_eq(db_int(d, 0, "SELECT count(*) FROM tokens WHERE value_hash = ? OR prefix = ?",
			    "tt", value, value), 0, "the value is not stored");
	cr_expect_eq(token_check(d, value, T0 + 5, &got), 1);
	cr_expect_eq(got.id, t.id);
	cr_expect_eq(got.last_used, T0 + 5);
	cr_expect_eq(token_role(&got), ROLE_BANK);
	cr_expect(token_may_write(&got, "transactions"));
	cr_expect(!token_may_write(&got, "attendance"));
	char wrong[TOKEN_VALUE_SIZE];
	memcpy(wrong, value, sizeof wrong);
	wrong[20] = wrong[20] == 'A' ? 'B' : 'A';
	cr_expect_eq(token_check(d, wrong, T0, &got), 0);
	cr_expect_eq(token_check(d, "anx_", T0, &got), 0);
	cr_expect_eq(token_check(d, NULL, T0, &got), 0);
	cr_expect_eq(token_revoke(d, &cli_who, t.id, T0 + 10, err, sizeof err), 0, "%s", err);
	cr_expect_eq(token_check(d, value, T0 + 11, &got), 0, "revoked");
	cr_expect_eq(token_revoke(d, &cli_who, t.id, T0 + 12, err, sizeof err), -1);
	cr_expect_eq(audit_count("token_create"), 1);
	cr_expect_eq(audit_count("token_revoke"), 1);
}

Test(token, scope_rules, .init = setup, .fini = teardown)
{
	token_rec t;
	char value[TOKEN_VALUE_SIZE], err[256];

	memset(&t, 0, sizeof t);
	strcpy(t.name, "x");
	strcpy(t.bank_code, "ICBC");
	strcpy(t.kinds, "attendance");
	cr_expect_eq(token_create(d, &cli_who, &t, T0, value, err, sizeof err), -1,
		     "a bank writes transactions only");
	strcpy(t.bank_code, "NOSUCH");
	strcpy(t.kinds, "transactions");
	cr_expect_eq(token_create(d, &cli_who, &t, T0, value, err, sizeof err), -1);
	strcpy(t.uscc, "91120116MA05000024");
	cr_expect_eq(token_create(d, &cli_who, &t, T0, value, err, sizeof err), -1,
		     "not both a bank and an enterprise");
	t.bank_code[0] = '\0';
	strcpy(t.kinds, "attendance,payrol");
	cr_expect_eq(token_create(d, &cli_who, &t, T0, value, err, sizeof err), -1);
	cr_expect_not_null(strstr(err, "payrol"), "%s", err);
	cr_expect_eq(db_int(d, 0, "SELECT count(*) FROM tokens", ""), 0);

	/* The bank of an account: by the registered name prefix. */
	load("enterprises");
	load("projects");
	load("accounts");
	token_rec icbc = {0}, ccb = {0}, ent = {0};
	strcpy(icbc.bank_code, "ICBC");
	strcpy(ccb.bank_code, "CCB");
	strcpy(ent.uscc, "91120116MA05000024");
	cr_expect(token_bank_holds(d, &icbc, "0302001129300012345"));
	cr_expect(!token_bank_holds(d, &ccb, "0302001129300012345"));
	cr_expect(!token_bank_holds(d, &icbc, "9999"));
	cr_expect(!token_bank_holds(d, &ent, "0302001129300012345"));
	rec_scope s = token_scope(&ent, "2026-05-20");
	cr_expect_eq(s.kind, REC_SCOPE_ENTERPRISE);
	cr_expect_str_eq(s.uscc, "91120116MA05000024");
	s = token_scope(&icbc, "2026-05-20");
	cr_expect_eq(s.kind, REC_SCOPE_BANK);
	cr_expect_str_eq(s.bank, "ICBC");
}

/* ---- audit chain ------------------------------------------------------------ */

Test(audit, chain_verify_and_tamper, .init = setup, .fini = teardown)
{
	audit_verify_result res;

	for (int i = 0; i < 4; i++) {
		char key[16];
		snprintf(key, sizeof key, "k%d", i);
		audit_entry e = {&cli_who, T0 + i, "update", "workers", key, "{\"a\":1}", NULL};
		cr_assert_eq(db_begin(d), DB_OK);
		cr_assert_eq(audit_append(d, &e), 0);
		cr_assert_eq(db_commit(d), DB_OK);
	}
	cr_expect_eq(audit_verify(d, &res), 0);
	cr_expect_eq(res.rows, 4);
	cr_expect_eq(res.guards, 2);
	cr_expect_eq(db_int(d, 0, "SELECT count(*) FROM audit_log WHERE prev_hash = "
				  "(SELECT hash FROM audit_log WHERE seq = 1) AND seq = 2", ""), 1);
	/* The triggers refuse changes. */
	cr_expect_neq(db_exec(d, "UPDATE audit_log SET actor = 'x' WHERE seq = 2"), DB_OK);
	cr_expect_neq(db_exec(d, "DELETE FROM audit_log WHERE seq = 2"), DB_OK);
	/* Without them, an edit is still found. */
	cr_assert_eq(db_exec(d, db_dialect(d) == DB_DIALECT_PG
				   ? "DROP TRIGGER audit_log_no_update ON audit_log"
				   : "DROP TRIGGER audit_log_no_update"), DB_OK);
	cr_assert_eq(db_exec(d, "UPDATE audit_log SET before = NULL WHERE seq = 3"), DB_OK);
	cr_expect_eq(audit_verify(d, &res), 1);
	cr_expect_eq(res.bad_seq, 3);
	cr_expect_eq(res.rows, 2);
	cr_expect_eq(res.guards, 1);
	cr_expect_not_null(strstr(res.reason, "edited"), "%s", res.reason);
}

/*
 * Known answers of the canonical form (docs/security.md, "Audit log"): two
 * fixed rows, chained, every field set (one NULL "before", one empty
 * address), so leaving any field out of the hash - or changing how a
 * field, its length or NULL is written - changes these constants. They
 * were computed outside anxin, with printf and sha256sum over
 * prev_hash || "<byte length>:<bytes>\n" per field ("-\n" for NULL):
 *   { printf '%064d' 0; f 1; f 2026-05-20T08:30:00Z; ...; printf -- '-\n';
 *     f '{"field":"bank_card","note":"核查"}'; } | sha256sum
 * where f() { printf '%d:%s\n' "${#1}" "$1"; } under LC_ALL=C.
 */
Test(audit, known_answer_hash)
{
	static const char zero[] =
		"0000000000000000000000000000000000000000000000000000000000000000";
	static const char want1[] =
		"9c423ab0b3ad56fe4d8c98ca98a7bed6a9e082894352820f61cc6a9e220b17c4";
	static const char want2[] =
		"b3a4b532ba1621255ef3197679cb224a01553d4f547691d8aaf317bc3e084976";
	char h[AUDIT_HASH_HEX];
	audit_row r1 = {
		.seq = 1, .time = "2026-05-20T08:30:00Z", .actor = "wangwei", .role = "inspector",
		.address = "10.1.2.3", .action = "reveal", .object_kind = "workers",
		.object_key = "120116199001011237", .before = NULL,
		.after = "{\"field\":\"bank_card\",\"note\":\"核查\"}",
	};
	audit_row r2 = {
		.seq = 2, .time = "2026-05-20T08:31:05Z", .actor = "cli:ops", .role = "cli",
		.address = "", .action = "user_passwd", .object_kind = "user", .object_key = "taida",
		.before = "{\"a\":1}", .after = "{\"a\":2}",
	};

	audit_row_hash(&r1, zero, h);
	cr_expect_str_eq(h, want1);
	audit_row_hash(&r2, want1, h);
	cr_expect_str_eq(h, want2);
}
