/*
 * case_clue.c - the wage-arrears clue (欠薪线索) as a case type: its states,
 * transitions per role, deadlines with their basis (cases.md, "Arrears
 * clue"; local rules, defaults configurable as audited parameters), and
 * the hook that validates and writes its own fields - the conclusion
 * (核处结论) and the review decisions (审核). docs/cases.md draws it.
 */
#include "domain/cases/clue.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/records/kind.h"
#include "store/case_store.h"
#include "store/clue_store.h"
#include "util/buf.h"
#include "util/money.h"

#define R(x) CASE_ROLE(ROLE_##x)
#define DISTRICT (R(ADMIN) | R(INSPECTOR))

static const case_state clue_states[] = {
	{"received", "已接收", "transfer", "transfer", 0},
	{"transferred", "已转办", "conclude", "handle", 0},
	{"handling", "核处中", "conclude", "handle", 0},
	{"submitted", "待审核", "review", "review", 0},
	{"returned", "退回", "rework", "handle", 0},
	{"passed", "审核通过(办结)", NULL, NULL, 1},
	{"merged", "已合并", NULL, NULL, 1},
};

#define CLUE_RULE "本区根治欠薪线索办理规则"

static const case_deadline clue_deadlines[] = {
	{"transfer", "转办期限", "clue_transfer_workdays", 1, CASE_WORKDAYS, "接收",
	 CLUE_RULE "：接收后按期转办街镇(功能区)", "received_date"},
	{"conclude", "核处期限", "clue_conclude_workdays", 15, CASE_WORKDAYS, "转办",
	 CLUE_RULE "：转办后按期核处并提交结论", "transferred_date"},
	{"review", "审核期限", "clue_review_workdays", 3, CASE_WORKDAYS, "提交",
	 CLUE_RULE "：提交后按期审核", NULL},
	{"rework", "退回补充核处期限", "clue_return_workdays", 5, CASE_WORKDAYS, "退回",
	 CLUE_RULE "：退回后按期重新提交", NULL},
};

static const case_transition clue_trans[] = {
	{"transfer", "转办", "received", "transferred", DISTRICT, CT_STREET},
	{"accept", "签收", "transferred", "handling", R(STREET), 0},
	{"conclude", "提交核处结论", "transferred handling returned", "submitted", R(STREET), CT_FIELDS},
	{"pass", "审核通过", "submitted", "passed", DISTRICT, 0},
	{"return", "退回", "submitted", "returned", DISTRICT, CT_REASON | CT_RETURN},
	{"merge", "合并", "received transferred handling submitted returned", "merged", DISTRICT,
	 CT_TARGET},
};

static const char *const conclusions[] = {
	NULL,
	"已解决(工资已支付)",
	"部分解决(剩余通过仲裁/诉讼)",
	"反映不属实",
	"非欠薪问题(工程款等纠纷)",
	"已立案查处",
	"已引导劳动仲裁",
	"已进入司法程序",
	"无法联系反映人",
	"用人单位已注销或无法联系(已移交)",
	"重复线索(合并到编号…)",
};

const char *clue_conclusion_zh(int n)
{
	return n >= 1 && n <= 10 ? conclusions[n] : NULL;
}

static const char *const paid_codes[] = {"employer", "contractor", "deposit", "emergency", NULL};
static const char *const paid_zh[] = {"用人单位支付", "总承包单位先行清偿", "工资保证金支付",
				      "应急周转金垫付", NULL};

const char *clue_paid_by_zh(const char *code)
{
	for (int i = 0; code && paid_codes[i]; i++)
		if (!strcmp(paid_codes[i], code))
			return paid_zh[i];
	return NULL;
}


/* The conclusion (核处结论): type 1-10, workers and amount resolved, how it
 * was paid (required when an amount was resolved) and the reply to the
 * reporter (required). */
static int apply_conclude(db *d, const char *number, const case_args *a, char *err, size_t errlen)
{
	char *end;
	long n = a->conclusion ? strtol(a->conclusion, &end, 10) : 0;
	long w = 0;
	int64_t fen = 0;
	const char *why;

	if (!a->conclusion || !*a->conclusion || *end || !clue_conclusion_zh((int)n)) {
		snprintf(err, errlen, "核处结论须为 1-10 之一 (conclusion: one of 1-10), 而不是“%s”",
			 a->conclusion ? a->conclusion : "");
		return -1;
	}
	if (a->workers_resolved && *a->workers_resolved) {
		w = strtol(a->workers_resolved, &end, 10);
		if (*end || w < 0 || w > 100000) {
			snprintf(err, errlen, "解决人数须为 0 或正整数 (workers_resolved: an integer >= 0)");
			return -1;
		}
	}
	if (a->amount_resolved && *a->amount_resolved && !money_parse(a->amount_resolved, &fen, &why)) {
		snprintf(err, errlen, "解决金额“%s”无效 (amount_resolved: %s)", a->amount_resolved, why);
		return -1;
	}
	if (fen > 10000000000LL) {
		snprintf(err, errlen, "解决金额超出上限 (amount_resolved too large)");
		return -1;
	}
	if (a->paid_by && *a->paid_by && !clue_paid_by_zh(a->paid_by)) {
		snprintf(err, errlen, "支付方式“%s”无效，应为 employer/contractor/deposit/emergency "
				      "(paid_by)", a->paid_by);
		return -1;
	}
	if (fen > 0 && (!a->paid_by || !*a->paid_by)) {
		snprintf(err, errlen, "有解决金额时须说明支付方式 (paid_by required when an amount was resolved)");
		return -1;
	}
	if (!a->reply || !*a->reply) {
		snprintf(err, errlen, "须填写对反映人的答复 (reply to the reporter required)");
		return -1;
	}
	if (strlen(a->reply) > 2000) {
		snprintf(err, errlen, "答复过长(最多约 600 字) (reply too long)");
		return -1;
	}
	case_tbl tb, *t = &tb;
	case_tbl_of(&case_clue, &tb);
	if (case_store_set_int(d, t, number, "conclusion", n) != DB_OK ||
	    case_store_set_int(d, t, number, "workers_resolved", w) != DB_OK ||
	    case_store_set_int(d, t, number, "amount_resolved", fen) != DB_OK ||
	    case_store_set_text(d, t, number, "paid_by", a->paid_by && *a->paid_by ? a->paid_by : NULL) != DB_OK ||
	    case_store_set_text(d, t, number, "reply", a->reply) != DB_OK)
		return -2;
	return 0;
}

/* The clue's own writes of a transition (case_hooks.apply). */
static int clue_apply(db *d, const char *number, const case_transition *tr, const case_args *a,
		      const case_ctx *c, char *err, size_t errlen)
{
	char day[11];
	case_tbl t;

	case_tbl_of(&case_clue, &t);
	date_format(c->today, day);
	if (!strcmp(tr->action, "transfer"))
		return case_store_set_text(d, &t, number, "transferred_date", day) == DB_OK ? 0 : -2;
	if (!strcmp(tr->action, "conclude"))
		return apply_conclude(d, number, a, err, errlen);
	if (!strcmp(tr->action, "pass") || !strcmp(tr->action, "return"))
		return clue_store_review_add(d, number, day, tr->action,
					     a->reason && *a->reason ? a->reason : NULL) == DB_OK ? 0 : -2;
	if (!strcmp(tr->action, "merge"))
		return case_store_set_int(d, &t, number, "conclusion", 10) == DB_OK ? 0 : -2;
	return 0;
}

static const case_hooks clue_hooks = {clue_apply};

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

const case_type case_clue = {
	.code = "clue",
	.zh = "欠薪线索",
	.prefix = "QX",
	.kind = "clues",
	.state_col = "status",
	.opened_col = "received_date",
	.street_col = "street",
	.initial = "received",
	.create_roles = DISTRICT | R(STREET),
	.states = clue_states,
	.nstates = N(clue_states),
	.trans = clue_trans,
	.ntrans = N(clue_trans),
	.deadlines = clue_deadlines,
	.ndeadlines = N(clue_deadlines),
	.hooks = &clue_hooks,
	.text_cols = {"description", "site_address", "paid_by", "reply"},
	.start_cols = {"received_date", "transferred_date", NULL},
};
