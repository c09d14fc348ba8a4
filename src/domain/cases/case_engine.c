/*
 * case_engine.c - the transitions of a case (case_act, see case.h): the
 * checks in their order, the new state and its deadline, the type's own
 * fields, the history event and the audit row in one transaction; and the
 * links between cases (and to warnings).
 */
#include <stdio.h>
#include <string.h>

#include "domain/cases/case_int.h"
#include "util/buf.h"
#include "util/clock.h"

/* The role's Chinese name for messages ("街镇"), or the operator's. */
static const char *who_zh(const case_ctx *c)
{
	return c->operator ? "操作员" : role_zh(c->role);
}

/* The states a transition leaves, in Chinese, into out ("已接收、核处中"). */
static void from_zh(const case_type *t, const case_transition *tr, char *out, size_t n)
{
	size_t used = 0;

	*out = 0;
	for (int i = 0; i < t->nstates && used < n; i++)
		if (case_trans_from(tr, t->states[i].code))
			used += (size_t)snprintf(out + used, n - used, "%s“%s”", used ? "、" : "",
						 t->states[i].zh);
}

/* Checks what tr needs of a. CASE_OK or CASE_INVALID with a message. */
static case_rc check_args(db *d, const case_type *t, const char *number, const case_transition *tr,
			  const case_args *a, const case_ctx *c, case_tbl *tb, char *err, size_t errlen)
{
	if ((tr->needs & CT_REASON) && (!a->reason || !*a->reason)) {
		snprintf(err, errlen, "“%s”须填写理由 (%s needs a reason)", tr->zh, tr->action);
		return CASE_INVALID;
	}
	if (a->reason && strlen(a->reason) > 2000) {
		snprintf(err, errlen, "理由过长 (reason too long)");
		return CASE_INVALID;
	}
	if ((tr->needs & CT_STREET) && (!a->street || !*a->street || strlen(a->street) > 50)) {
		snprintf(err, errlen, "“%s”须指定街镇(功能区) (%s needs a street)", tr->zh, tr->action);
		return CASE_INVALID;
	}
	if (tr->needs & CT_TARGET) {
		case_srow target;
		int f;
		if (!a->target || !*a->target || !strcmp(a->target, number)) {
			snprintf(err, errlen, "“%s”须指定另一件%s的编号 (%s needs another case's number)",
				 tr->zh, t->zh, tr->action);
			return CASE_INVALID;
		}
		if ((f = case_store_find(d, tb, a->target, &c->scope, &target)) < 0)
			return CASE_DBERR;
		if (!f) {
			snprintf(err, errlen, "没有编号为 %s 的%s (no %s %s)", a->target, t->zh, t->code,
				 a->target);
			return CASE_INVALID;
		}
		if (*target.merged_into) {
			snprintf(err, errlen, "%s 已合并到 %s，请合并到 %s (%s was merged into %s)", a->target,
				 target.merged_into, target.merged_into, a->target, target.merged_into);
			return CASE_INVALID;
		}
	}
	return CASE_OK;
}

/* The new state's deadline: started anew when the state runs another
 * deadline than the one it leaves, kept when the same, none when final. */
static int next_deadline(db *d, const case_type *t, const case_srow *cur, const case_state *to,
			 const case_ctx *c, char due_out[11], char *basis, size_t basislen, char *err,
			 size_t errlen)
{
	const case_state *from = case_state_find(t, cur->state);
	const case_deadline *dl;
	case_clock k;
	day_t due;

	*due_out = 0;
	*basis = 0;
	if (to->final || !to->deadline || !(dl = case_deadline_find(t, to->deadline)))
		return 0;
	if (from && from->deadline && !strcmp(from->deadline, to->deadline) && *cur->deadline) {
		snprintf(due_out, 11, "%s", cur->deadline);
		snprintf(basis, basislen, "%s", cur->basis);
		return 0;
	}
	if (case_clock_open(d, t, &k, err, errlen) != 0) {
		case_clock_close(&k);
		return -1;
	}
	int rc = case_clock_due(&k, dl, c->today, &due, err, errlen);
	if (rc == 0) {
		date_format(due, due_out);
		case_clock_basis(&k, dl, basis, basislen);
	}
	case_clock_close(&k);
	return rc;
}

/* The JSON of what the action set (history detail, audit after). */
static void detail_json(buf *b, const case_transition *tr, const case_args *a, const char *to,
			const char *deadline)
{
	buf_fmt(b, "{\"state\":%j", to);
	if (*deadline)
		buf_fmt(b, ",\"deadline\":%j", deadline);
	if (a->street && (tr->needs & CT_STREET))
		buf_fmt(b, ",\"street\":%j", a->street);
	if (a->target && (tr->needs & CT_TARGET))
		buf_fmt(b, ",\"target\":%j", a->target);
	if (tr->needs & CT_FIELDS) {
		const char *k[] = {"conclusion", "workers_resolved", "amount_resolved", "paid_by", "reply"};
		const char *v[] = {a->conclusion, a->workers_resolved, a->amount_resolved, a->paid_by,
				   a->reply};
		for (int i = 0; i < 5; i++)
			if (v[i] && *v[i])
				buf_fmt(b, ",%j:%j", k[i], v[i]);
	}
	if (a->reason && *a->reason)
		buf_fmt(b, ",\"reason\":%j", a->reason);
	buf_puts(b, "}");
}

int case_event_write(db *d, const case_type *t, const char *number, const case_ctx *c,
		     day_t on, const char *action, const char *from, const char *to,
		     const char *reason, const char *detail, const char *key)
{
	char at[CLK_ISO_LEN], day[11];
	case_sevent e = {0};

	clk_utc_iso(c->now, at);
	date_format(on, day);
	e.type = t->code;
	e.number = number;
	e.at = at;
	e.on_date = day;
	e.actor = c->who->actor;
	e.role = c->who->role;
	e.action = action;
	e.from_state = from;
	e.to_state = to;
	e.reason = reason && *reason ? reason : NULL;
	e.detail = detail;
	e.request_key = key && *key ? key : NULL;
	return case_store_event_add(d, &e);
}

case_rc case_act(db *d, const case_type *t, const char *number, const char *action,
		 const case_args *a, const case_ctx *c, case_outcome *out, char *err, size_t errlen)
{
	static const case_args none;
	const case_transition *tr = case_trans_find(t, action);
	const case_state *to;
	case_tbl tb;
	case_srow cur;
	case_rc rc = CASE_DBERR;
	char due[11], basis[200], at[CLK_ISO_LEN];
	buf detail = BUF_INIT, before = BUF_INIT;
	int f;

	memset(out, 0, sizeof *out);
	*err = 0;
	if (!a)
		a = &none;
	case_tbl_of(t, &tb);
	if (!tr || !(to = case_state_find(t, tr->to))) {
		snprintf(err, errlen, "%s没有操作“%s” (unknown action '%s')", t->zh, action ? action : "",
			 action ? action : "");
		return CASE_INVALID;
	}
	if (c->request_key && strlen(c->request_key) > 128) {
		snprintf(err, errlen, "请求标识过长 (request key longer than 128)");
		return CASE_INVALID;
	}
	if (db_begin_main(d) != DB_OK)
		goto dberr;
	if ((f = case_store_find(d, &tb, number, &c->scope, &cur)) < 0)
		goto dberr_tx;
	if (!f) {
		snprintf(err, errlen, "没有编号为 %s 的%s (no %s %s)", number, t->zh, t->code, number);
		rc = CASE_GONE;
		goto rollback;
	}
	if (c->request_key && *c->request_key) {
		case_sevent seen;
		if ((f = case_store_event_by_key(d, c->request_key, &seen)) < 0)
			goto dberr_tx;
		if (f) {
			if (strcmp(seen.type, t->code) || strcmp(seen.number, number) ||
			    strcmp(seen.action, action)) {
				snprintf(err, errlen, "请求标识已用于另一操作 (request key already used for "
						      "%s %s)", seen.action, seen.number);
				rc = CASE_INVALID;
				goto rollback;
			}
			snprintf(out->from, sizeof out->from, "%s", seen.from_state);
			snprintf(out->to, sizeof out->to, "%s", seen.to_state);
			snprintf(out->deadline, sizeof out->deadline, "%s", cur.deadline);
			out->replayed = 1;
			rc = CASE_OK;
			goto rollback;
		}
	}
	if (!c->operator && !(tr->roles & CASE_ROLE(c->role))) {
		snprintf(err, errlen, "%s无权对%s执行“%s” (role %s may not %s a %s)", who_zh(c), t->zh,
			 tr->zh, role_code(c->role), tr->action, t->code);
		rc = CASE_DENIED;
		goto rollback;
	}
	if (!case_trans_from(tr, cur.state)) {
		const case_state *s = case_state_find(t, cur.state);
		char allowed[200];
		from_zh(t, tr, allowed, sizeof allowed);
		snprintf(err, errlen, "%s %s 当前为“%s”，不能“%s”(只能从%s) (%s %s is %s: %s is allowed from %s)",
			 t->zh, number, s ? s->zh : cur.state, tr->zh, allowed, t->code, number, cur.state,
			 tr->action, tr->from);
		rc = CASE_STATE;
		goto rollback;
	}
	if ((rc = check_args(d, t, number, tr, a, c, &tb, err, errlen)) != CASE_OK)
		goto rollback;
	if (next_deadline(d, t, &cur, to, c, due, basis, sizeof basis, err, errlen) != 0) {
		rc = CASE_INVALID;
		goto rollback;
	}
	char today[11];
	date_format(c->today, today);
	if (case_store_set_state(d, &tb, number, to->code, today, *due ? due : NULL,
				 *basis ? basis : NULL, (tr->needs & CT_RETURN) ? 1 : 0) != DB_OK)
		goto dberr_tx;
	if ((tr->needs & CT_STREET) &&
	    case_store_set_text(d, &tb, number, t->street_col, a->street) != DB_OK)
		goto dberr_tx;
	clk_utc_iso(c->now, at);
	if (tr->needs & CT_TARGET) {
		if (case_store_set_text(d, &tb, number, "merged_into", a->target) != DB_OK ||
		    case_store_link_add(d, t->code, number, t->code, a->target, "merged_into", at) != DB_OK ||
		    case_store_link_add(d, t->code, a->target, t->code, number, "merged", at) != DB_OK)
			goto dberr_tx;
		char note[120];
		snprintf(note, sizeof note, "{\"merged\":\"%.40s\"}", number);
		if (case_event_write(d, t, a->target, c, c->today, "merged", NULL, NULL, a->reason, note, NULL) != DB_OK)
			goto dberr_tx;
	}
	if (t->hooks && t->hooks->apply) {
		int h = t->hooks->apply(d, number, tr, a, c, err, errlen);
		if (h == -1) {
			rc = CASE_INVALID;
			goto rollback;
		}
		if (h != 0)
			goto dberr_tx;
	}
	detail_json(&detail, tr, a, to->code, due);
	if (case_event_write(d, t, number, c, c->today, tr->action, cur.state, to->code, a->reason,
			     buf_str(&detail), c->request_key) != DB_OK)
		goto dberr_tx;
	char act[48];
	snprintf(act, sizeof act, "case_%s", tr->action);
	buf_fmt(&before, "{\"state\":%j}", cur.state);
	audit_entry e = {c->who, c->now, act, case_kind(t)->name, number, buf_str(&before),
			 buf_str(&detail)};
	if (audit_append(d, &e) != 0 || db_commit(d) != DB_OK)
		goto dberr_tx;
	snprintf(out->from, sizeof out->from, "%s", cur.state);
	snprintf(out->to, sizeof out->to, "%s", to->code);
	snprintf(out->deadline, sizeof out->deadline, "%s", due);
	rc = CASE_OK;
	goto done;
dberr_tx:
	snprintf(err, errlen, "%s", db_error_public(d, "a case action"));
	rc = CASE_DBERR;
rollback:
	db_rollback(d);
	goto done;
dberr:
	snprintf(err, errlen, "%s", db_error_public(d, "a case action"));
	rc = CASE_DBERR;
done:
	buf_free(&detail);
	buf_free(&before);
	return rc;
}

int case_link_add(db *d, const case_type *t, const char *number, const char *target_type,
		  const char *target, const char *relation, int64_t now)
{
	char at[CLK_ISO_LEN];

	clk_utc_iso(now, at);
	return case_store_link_add(d, t->code, number, target_type, target, relation, at);
}
