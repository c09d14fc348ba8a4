/*
 * warn_act.c - audited manual actions on warnings (see warn_act.h): one
 * desk transaction each (db_begin_desk - the short lane; never waits for
 * an import), holding the change, its history event and its audit row.
 */
#include "domain/warn/warn_act.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "domain/access/role.h"
#include "domain/access/user.h"
#include "store/warn_store.h"
#include "util/buf.h"
#include "util/clock.h"

const char *warn_action_code(warn_action a)
{
	static const char *const CODE[] = {"eliminate", "assign", "escalate", "supervise", "confirm", "reject"};
	return CODE[a];
}

int warn_may_review(const char *role)
{
	return role && (!strcmp(role, "inspector") || !strcmp(role, "admin"));
}

static int blank(const char *s)
{
	for (; s && *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 0;
	return 1;
}

typedef struct cur {
	int found;
	char status[16], project[64], street[128], assignee[128], level[16];
	char review_by[128], review_reason[1024];
} cur;

static void on_cur(void *ctx, const ws_warning *w)
{
	cur *c = ctx;

	c->found = 1;
	snprintf(c->status, sizeof c->status, "%s", w->status);
	snprintf(c->project, sizeof c->project, "%s", w->project_code);
	snprintf(c->street, sizeof c->street, "%s", w->street);
	snprintf(c->assignee, sizeof c->assignee, "%s", w->assignee);
	snprintf(c->level, sizeof c->level, "%s", w->level);
	snprintf(c->review_by, sizeof c->review_by, "%s", w->review_by ? w->review_by : "");
	snprintf(c->review_reason, sizeof c->review_reason, "%s",
		 w->review_reason ? w->review_reason : "");
}

/* The write of action a on warning id in state c (the transaction is
 * open); sets *after_status to the status the API will show. 0 or -1. */
static int apply(db *d, warn_action a, int64_t id, const cur *c, const char *text,
		 const char *Ds, const char *actor, const char *at, const char **after_status)
{
	*after_status = "handling";
	switch (a) {
	case WA_ELIMINATE:
		if (!strcmp(c->level, "red")) {
			*after_status = "review";
			return warn_store_review_request(d, id, text, Ds, actor, at);
		}
		*after_status = "eliminated";
		return warn_store_eliminate(d, id, "manual", text, Ds, actor, at);
	case WA_ASSIGN:
		return warn_store_assign(d, id, text, Ds, actor, at);
	case WA_ESCALATE:
		return warn_store_escalate(d, id, text, Ds, actor, at);
	case WA_CONFIRM:
		*after_status = "eliminated";
		if (warn_store_review_clear(d, id, "review_confirmed", *text ? text : NULL, Ds, actor,
					    at) != 0)
			return -1;
		return warn_store_eliminate(d, id, "manual", c->review_reason, Ds, actor, at);
	case WA_REJECT:
		return warn_store_review_clear(d, id, "review_rejected", text, Ds, actor, at);
	case WA_SUPERVISE:
		*after_status = c->status;  /* 督办 leaves the warning as it was */
		return warn_store_supervise(d, id, text, Ds, actor, at);
	}
	return -1;
}

/* Whether user name may be given the warning of street: an enabled
 * inspector, or a street officer of that street. */
static warn_act_rc check_assignee(db *d, const char *name, const char *street, char *err,
				  size_t errlen)
{
	user_rec u;
	int got = user_store_get(d, name, &u);

	memset(u.pw_hash, 0, sizeof u.pw_hash);
	if (got < 0) {
		snprintf(err, errlen, "database: %s", db_errmsg(d));
		return WA_DBERR;
	}
	role_id r = got ? user_role(&u) : ROLE_NONE;
	if (!got || u.disabled || (r != ROLE_INSPECTOR && r != ROLE_STREET)) {
		snprintf(err, errlen, "只能指派给在用的监察员或本街镇工作人员 ('%s' is not an enabled "
				      "inspector or street officer)", name);
		return WA_INVALID;
	}
	if (r == ROLE_STREET && strcmp(u.street, street) != 0) {
		snprintf(err, errlen, "%s 不负责%s (a street officer of another street)", name, street);
		return WA_INVALID;
	}
	return WA_OK;
}

warn_act_rc warn_act(db *d, warn_action a, int64_t id, const char *text, const audit_actor *who,
		     int64_t now, day_t on, char *err, size_t errlen)
{
	char Ds[11], at[21], key[24];
	cur c;
	buf before = BUF_INIT, after = BUF_INIT;
	warn_act_rc rc = WA_DBERR;
	int st;

	memset(&c, 0, sizeof c);
	if (a == WA_ELIMINATE && blank(text)) {
		snprintf(err, errlen, "请填写消除原因 (a reason is required, e.g. 已约谈整改, 误报)");
		return WA_INVALID;
	}
	if (a == WA_ASSIGN && blank(text)) {
		snprintf(err, errlen, "请选择指派对象 (say to whom: field 'to')");
		return WA_INVALID;
	}
	if (a == WA_ESCALATE && blank(text))
		text = "转执法检查";
	if (a == WA_SUPERVISE && blank(text)) {
		snprintf(err, errlen, "请填写督办意见 (a note is required)");
		return WA_INVALID;
	}
	if (a == WA_REJECT && blank(text)) {
		snprintf(err, errlen, "请填写退回原因 (a reason is required to reject)");
		return WA_INVALID;
	}
	if ((a == WA_CONFIRM || a == WA_REJECT) && !warn_may_review(who->role)) {
		snprintf(err, errlen, "复核须由监察员或管理员进行 (only an inspector or administrator "
				      "may review)");
		return WA_DENIED;
	}
	date_format(on, Ds);
	clk_utc_iso(now, at);
	snprintf(key, sizeof key, "%lld", (long long)id);
	if (db_begin_desk(d) != DB_OK)  /* desk only: never waits for an import */
		goto dberr;
	if (warn_store_get(d, id, on_cur, &c) < 0)
		goto dberr_tx;
	if (!c.found) {
		snprintf(err, errlen, "没有编号为 %lld 的预警 (no warning %lld)", (long long)id, (long long)id);
		rc = WA_GONE;
		goto rollback;
	}
	if (!strcmp(c.status, "eliminated")) {
		snprintf(err, errlen, "该预警已消除 (warning %lld is already eliminated)", (long long)id);
		rc = WA_CLOSED;
		goto rollback;
	}
	int pending = *c.review_by != 0;
	if (a == WA_ELIMINATE && pending) {
		snprintf(err, errlen, "该预警已提交消除，正等待复核 (warning %lld waits for review)",
			 (long long)id);
		rc = WA_CLOSED;
		goto rollback;
	}
	if ((a == WA_CONFIRM || a == WA_REJECT) && !pending) {
		snprintf(err, errlen, "该预警没有待复核的消除申请 (warning %lld has no pending review)",
			 (long long)id);
		rc = WA_CLOSED;
		goto rollback;
	}
	if ((a == WA_CONFIRM || a == WA_REJECT) && !strcmp(c.review_by, who->actor)) {
		snprintf(err, errlen, "复核须由另一人进行，不能复核自己提交的消除 (the reviewer must be "
				      "someone other than %s)", c.review_by);
		rc = WA_DENIED;
		goto rollback;
	}
	if (a == WA_ASSIGN && (rc = check_assignee(d, text, c.street, err, errlen)) != WA_OK)
		goto rollback;
	const char *after_status;
	st = apply(d, a, id, &c, text, Ds, who->actor, at, &after_status);
	if (st != 0)
		goto dberr_tx;
	buf_fmt(&before, "{\"project_code\":%j,\"status\":%j,\"assignee\":%j}", c.project,
		pending ? "review" : c.status, *c.assignee ? c.assignee : NULL);
	if (a == WA_SUPERVISE) /* the status stays as it was */
		buf_fmt(&after, "{\"status\":%j,\"supervised\":%j}", pending ? "review" : c.status, text);
	else
		buf_fmt(&after, "{\"status\":%j,%j:%j}", after_status,
			a == WA_ELIMINATE || a == WA_REJECT ? "reason"
			: a == WA_ASSIGN ? "assignee" : "note",
			a == WA_CONFIRM && !*text ? c.review_reason : text);
	char action[32];
	snprintf(action, sizeof action, "warning_%s", warn_action_code(a));
	audit_entry e = {who, now, action, "warnings", key, buf_str(&before), buf_str(&after)};
	if (audit_append(d, &e) != 0 || db_commit(d) != DB_OK)
		goto dberr_tx;
	rc = WA_OK;
	goto out;
dberr_tx:
	snprintf(err, errlen, "%s", db_error_public(d, "a warning action"));
	rc = WA_DBERR;
rollback:
	db_rollback(d);
	goto out;
dberr:
	snprintf(err, errlen, "%s", db_error_public(d, "a warning action"));
out:
	buf_free(&before);
	buf_free(&after);
	return rc;
}
