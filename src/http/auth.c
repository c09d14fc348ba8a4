/*
 * auth.c - authentication, CSRF and authorisation of every request (see
 * auth.h): THE place where a route's declared permission is enforced, so a
 * new route is covered by declaring its permission in router.c, nothing
 * else. Also the per-row check of writes and imports (scope, bank
 * accounts) and the session cookie.
 *
 * Permissions a route may declare: "" (public: /healthz, log-in, the UI's
 * files), "auth" (any authenticated caller), "session" (a person's
 * session: log-out, password change), or a role permission code of
 * domain/role.c ("read", "write", "import", "export", "reveal", "users",
 * "audit", "params", "warnings", ...). An unknown code refuses everyone
 * (fail closed). Machine tokens hold only "write" / "import" of their
 * kinds (and "auth").
 *
 * Must not: parse bodies, or know any particular route beyond its
 * declaration.
 */
#include "http/auth.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "domain/access/session.h"
#include "domain/access/token.h"
#include "domain/access/user.h"
#include "http/api.h"
#include "http/http.h"
#include "store/record.h"
#include "util/date.h"

int64_t auth_now(void)
{
	return (int64_t)time(NULL);
}

/* Today's civil date into out (YYYY-MM-DD), returned: the day the
 * caller's scope judges "currently employed" on. */
static const char *auth_today(char out[11])
{
	date_format(date_today(), out);
	return out;
}

void auth_set_cookie(http_req *r, const char *value)
{
	buf c = BUF_INIT;
	int secure = r->cfg && r->cfg->secure_cookies;

	if (value)
		buf_fmt(&c, "%s=%s; Path=/; HttpOnly; SameSite=Strict%s", AUTH_COOKIE, value,
			secure ? "; Secure" : "");
	else
		buf_fmt(&c, "%s=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0%s", AUTH_COOKIE,
			secure ? "; Secure" : "");
	http_header(r, "Set-Cookie", buf_str(&c));
	buf_free(&c);
}

void auth_caller_session(http_req *r, const user_rec *u, const char *cookie,
			 const char *csrf)
{
	http_caller *c = &r->caller;

	c->kind = AUTH_SESSION;
	c->user = *u;
	c->role = user_role(&c->user);
	snprintf(c->cookie, sizeof c->cookie, "%s", cookie ? cookie : "");
	snprintf(c->csrf, sizeof c->csrf, "%s", csrf ? csrf : "");
	snprintf(c->actor, sizeof c->actor, "%s", c->user.username);
	char today[11];

	c->scope = role_scope(&c->user, auth_today(today));
	c->sees_personal = role_sees_personal(c->role);
}

static void caller_token(http_req *r, const token_rec *t)
{
	http_caller *c = &r->caller;

	c->kind = AUTH_TOKEN;
	c->token = *t;
	c->role = token_role(&c->token);
	token_actor(&c->token, c->actor, sizeof c->actor);
	char today[11];

	c->scope = token_scope(&c->token, auth_today(today));
	c->sees_personal = 0;
}

/* The permission named code, or -1. */
static int perm_of(const char *code)
{
	for (int p = 0; p < PERM_COUNT; p++)
		if (strcmp(role_perm_code((role_perm)p), code) == 0)
			return p;
	return -1;
}

/* The {kind} capture of the route, or NULL when it has none. */
static const char *kind_capture(const http_req *r)
{
	const char *pat = r->route->pattern, *at = strstr(pat, "{kind}");
	int i = 0;

	if (!at)
		return NULL;
	for (const char *p = pat; p < at; p++)
		if (*p == '{')
			i++;
	return i < r->nargs ? r->args[i] : NULL;
}

static int is_state_changing(const char *method)
{
	return strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0 &&
	       strcmp(method, "OPTIONS") != 0;
}

/* Authenticates the credentials of r into r->caller. Returns 0 (caller
 * set, or none given), or an error status already set (a bad token). */
static int authenticate(http_req *r, int64_t now)
{
	const char *az = r->hdr.authorization;

	if (az && strncmp(az, "Bearer ", 7) == 0) {
		token_rec t;
		int got = token_check(r->db, az + 7, now, &t);
		if (got < 0)
			return http_error(r, 503, "数据库暂不可用，请稍后重试");
		if (got == 0)
			return http_error_code(r, 401, "unauthenticated",
					       "令牌无效或已吊销 (unknown or revoked token)");
		caller_token(r, &t);
		return 0;
	}
	if (az)
		return http_error_code(r, 401, "unauthenticated",
				       "不支持的认证方式 (use Authorization: Bearer anx_…)");
	if (r->hdr.session && *r->hdr.session) {
		user_rec u;
		sess_info si;
		sess_rc rc = sess_lookup(r->db, r->hdr.session, now, &u, &si);
		if (rc == SESS_ERROR)
			return http_error(r, 503, "数据库暂不可用，请稍后重试");
		if (rc == SESS_OK) {
			auth_caller_session(r, &u, r->hdr.session, si.csrf);
			/* (sess_touch writes no more often than this) */
			if (now - si.last_seen >= SESS_TOUCH_SECONDS)
				sess_touch(r->db, r->hdr.session, now);
		}
		explicit_bzero(&si, sizeof si);
	}
	return 0;
}

/* Whether a token caller may use a route of permission p. */
static int token_allows(http_req *r, int p)
{
	const char *kn = kind_capture(r);

	if (p != PERM_WRITE && p != PERM_IMPORT)
		return 0;
	if (!kn || !kind_find(kn))
		return 1;  /* "auto", or an unknown kind (the handler's 404) */
	return token_may_write(&r->caller.token, kn);
}

int auth_request(http_req *r)
{
	const http_route *rt = r->route;
	const char *perm = rt->perm ? rt->perm : "";
	int64_t now = auth_now();
	int p;

	if (!*perm)
		return 0;  /* public: no credentials looked at */
	/* Bookkeeping writes (last use) must never make an HTTP thread wait
	 * behind a long import: they are skipped when the database is busy. */
	db_busy_timeout(r->db, 0);
	int rc = authenticate(r, now);
	db_busy_timeout(r->db, 10000);
	if (rc)
		return rc;
	http_caller *c = &r->caller;
	if (c->kind == AUTH_NONE)
		return http_error_code(r, 401, "unauthenticated",
				       "请先登录 (log in first: no session, or it expired)");
	if (c->kind == AUTH_SESSION && is_state_changing(r->method) &&
	    !sess_csrf_ok(c->csrf, r->hdr.csrf))
		return http_error_code(r, 403, "csrf",
				       "缺少或错误的 CSRF 令牌,请刷新页面后重试 (missing or wrong "
				       "X-CSRF-Token header)");
	if (c->kind == AUTH_SESSION && c->user.must_change && !(rt->flags & HR_PWCHANGE))
		return http_error_code(r, 403, "password_change_required",
				       "请先修改初始密码 (change your password first)");
	if (strcmp(perm, "auth") == 0)
		return 0;
	if (strcmp(perm, "session") == 0) {
		if (c->kind == AUTH_SESSION)
			return 0;
		goto forbidden;
	}
	if ((p = perm_of(perm)) < 0) {
		fprintf(stderr, "anxin: http: route %s %s declares unknown permission '%s'\n",
			rt->method, rt->pattern, perm);
		goto forbidden;
	}
	if (c->kind == AUTH_TOKEN) {
		if (!token_allows(r, p))
			goto forbidden;
		return 0;
	}
	if (!role_can(c->role, (role_perm)p))
		goto forbidden;
	if (p == PERM_WRITE || p == PERM_IMPORT) {
		const char *kn = kind_capture(r);
		if (kn && kind_find(kn) && !role_can_kind(c->role, (role_perm)p, kn))
			goto forbidden;
	}
	return 0;
forbidden:
	return http_error_code(r, 403, "forbidden", "您的角色(%s)无权执行此操作 (your role may not "
			       "do this)", role_zh(c->role));
}

/* The stored text of field key in vals, or NULL. */
static const char *val_of(const kind *k, const kind_val *vals, const char *key)
{
	int i = kind_key_index(k, key);

	return i >= 0 && vals[i].present ? vals[i].s : NULL;
}

const char *auth_row_check(void *ctx, const kind *k, const kind_val *vals, const char **fkey)
{
	http_req *r = ctx;
	const http_caller *c = &r->caller;
	role_perm p = strcmp(r->route->perm, "import") == 0 ? PERM_IMPORT : PERM_WRITE;

	if (!vals) {  /* the kind as a whole */
		if (c->kind == AUTH_TOKEN ? !token_may_write(&c->token, k->name)
					  : !role_can_kind(c->role, p, k->name))
			return "您的角色无权写入此类数据 (your role may not write this kind)";
		return NULL;
	}
	if (c->kind == AUTH_TOKEN && c->role == ROLE_BANK) {
		*fkey = "account_no";
		if (!token_bank_holds(r->db, &c->token, val_of(k, vals, "account_no")))
			return "该账户不是本银行开立的专用账户 (the account is not held by your bank)";
		return NULL;
	}
	switch (rec_in_scope(r->db, k, vals, &c->scope)) {
	case REC_WRITE_OK:
		/* An enterprise's own worker row: it supplied the person's data
		 * itself, so it may register the person's employment (in the
		 * write's transaction: rolled back with it). */
		if (c->scope.kind == REC_SCOPE_ENTERPRISE && strcmp(k->name, "workers") == 0 &&
		    rec_worker_supplied(r->db, val_of(k, vals, "id_number"), c->scope.uscc) != DB_OK)
			return "无法记录 (database error)";
		return NULL;
	case REC_WRITE_READONLY:
		*fkey = kind_key_index(k, "project_code") >= 0 ? "project_code" : "";
		return "总承包单位对分包单位的数据只读 (read only: another employer's record "
		       "on your project)";
	case REC_WRITE_RELIED:
		*fkey = "id_number";
		return "该人员另有在职用工单位,其姓名、手机号、开户银行、工资卡号的变更须由区人社局"
		       "办理 (another current employer relies on this worker's data: the bureau "
		       "makes the change)";
	case REC_WRITE_UNHELD:
		*fkey = "worker_id_number";
		return "请先提交该人员本人的实名信息(姓名、手机号、工资卡) (submit the worker's own "
		       "data first: POST /api/v1/workers)";
	default:
		*fkey = kind_key_index(k, "project_code") >= 0 ? "project_code"
			 : strcmp(k->name, "transactions") == 0 ? "account_no"
			 : strcmp(k->name, "projects") == 0 ? (c->scope.street ? "street" : "code")
			 : "";
		return c->scope.kind == REC_SCOPE_STREET
			? "超出本街镇管辖范围 (outside your street: another street's record)"
			: "超出本企业的数据范围 (outside your enterprise's records)";
	}
}

audit_actor req_actor(const http_req *r)
{
	audit_actor a = {r->caller.actor[0] ? r->caller.actor : "anonymous",
			 role_code(r->caller.role), r->addr};
	return a;
}

int req_mask(const http_req *r)
{
	return !r->caller.sees_personal;
}
