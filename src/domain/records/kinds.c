/*
 * kinds.c - the ten record kinds of the data-exchange standard (数据交换标准
 * v1), as data. This file is the single place where a field of an exchange
 * file is declared; it holds no logic beyond the per-kind cross-field checks
 * and derivations, which are short and sit beside their kind.
 */
#include "domain/records/kind.h"

#include <string.h>

#include "util/valid.h"

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

/*
 * The largest amount (fen) a real row of each money field can hold
 * (README, "Readings of the spec"). The format alone allows 10^13 yuan;
 * these bounds keep a typing slip or a hostile file from being summed,
 * and keep every sum of a day's, month's or district's rows far inside
 * int64 (sums are still checked: util/money.c, store/stats.c).
 */
#define YUAN(y) ((int64_t)(y) * 100)
#define MAX_WAGE YUAN(1000000)           /* 100万元: one worker, one month (or a wage rate) */
#define MAX_MIN_WAGE_MONTH YUAN(100000)  /* 10万元: a monthly minimum wage */
#define MAX_MIN_WAGE_HOUR YUAN(10000)    /* 1万元: an hourly minimum wage */
#define MAX_TXN YUAN(10000000000)        /* 100亿元: one bank transfer */
#define MAX_DEPOSIT YUAN(10000000000)    /* 100亿元: one wage deposit or guarantee */
#define MAX_CONTRACT YUAN(100000000000)  /* 1000亿元: one construction contract */

/* ---- enterprises 企业 --------------------------------------------------- */

static const char *const ent_kind_codes[] = {"owner", "contractor", "subcontractor", "dispatch", "other", NULL};
static const char *const ent_kind_labels[] = {"建设单位", "施工总承包", "分包单位", "劳务派遣", "其他", NULL};

static const field enterprise_fields[] = {
	{.key = "uscc", .zh = "统一社会信用代码", .type = FT_USCC, .flags = F_KEY | F_REQ | F_SEARCH},
	{.key = "name", .zh = "企业名称", .type = FT_TEXT, .flags = F_REQ | F_SEARCH, .maxlen = 100},
	{.key = "kind", .zh = "企业类型", .type = FT_ENUM, .flags = F_REQ, .codes = ent_kind_codes, .labels = ent_kind_labels},
	{.key = "region_code", .zh = "行政区划代码", .type = FT_REGION, .flags = F_REQ},
	{.key = "street", .zh = "所属街镇/功能区", .type = FT_TEXT, .maxlen = 50},
	{.key = "legal_rep", .zh = "法定代表人", .type = FT_TEXT, .maxlen = 50},
	{.key = "phone", .zh = "联系电话", .type = FT_PHONE},
	{.key = "union_established", .zh = "是否建会", .type = FT_BOOL},
	{.key = "employees", .zh = "职工人数", .type = FT_INT, .min = 0, .max = 10000000},
};

/* ---- projects 在建项目 -------------------------------------------------- */

static const char *const proj_status_codes[] = {"planned", "active", "suspended", "completed", NULL};
static const char *const proj_status_labels[] = {"未开工", "在建", "停工", "竣工", NULL};

static const field project_fields[] = {
	{.key = "code", .zh = "项目编号", .type = FT_TEXT, .flags = F_KEY | F_REQ | F_SEARCH, .maxlen = 40},
	{.key = "name", .zh = "项目名称", .type = FT_TEXT, .flags = F_REQ | F_SEARCH, .maxlen = 200},
	{.key = "region_code", .zh = "行政区划代码", .type = FT_REGION, .flags = F_REQ},
	{.key = "street", .zh = "所属街镇/功能区", .type = FT_TEXT, .flags = F_REQ, .maxlen = 50},
	{.key = "address", .zh = "项目地址", .type = FT_TEXT, .flags = F_SEARCH, .maxlen = 200},
	{.key = "owner_uscc", .zh = "建设单位", .type = FT_USCC, .flags = F_REQ, .ref = "enterprises"},
	{.key = "contractor_uscc", .zh = "施工总承包单位", .type = FT_USCC, .flags = F_REQ, .ref = "enterprises"},
	{.key = "contract_amount", .zh = "合同金额(元)", .type = FT_MONEY, .flags = F_REQ, .max = MAX_CONTRACT},
	{.key = "contract_date", .zh = "施工合同签订日期", .type = FT_DATE, .flags = F_REQ},
	{.key = "start_date", .zh = "开工日期", .type = FT_DATE, .flags = F_REQ},
	{.key = "planned_end_date", .zh = "计划竣工日期", .type = FT_DATE},
	{.key = "end_date", .zh = "实际竣工日期", .type = FT_DATE},
	{.key = "status", .zh = "项目状态", .type = FT_ENUM, .flags = F_REQ, .codes = proj_status_codes, .labels = proj_status_labels},
	{.key = "labor_cost_cycle_days", .zh = "人工费用拨付周期(天)", .type = FT_INT, .min = 1, .max = 30, .dflt = "30"},
	{.key = "wage_day", .zh = "工资支付日", .type = FT_INT, .min = 1, .max = 31, .dflt = "15"},
	{.key = "board_installed_date", .zh = "维权信息告示牌设立日期", .type = FT_DATE},
	{.key = "labor_officer", .zh = "劳资专管员", .type = FT_TEXT, .maxlen = 50},
	{.key = "labor_officer_phone", .zh = "劳资专管员电话", .type = FT_MOBILE, .flags = F_PERSONAL},
};

/* Dates of a project must follow each other; a completed project has an
 * end date and only a completed one does (read of the spec: end_date is
 * "empty while not completed"). */
static void project_check(kind_row *r)
{
	kind_val *start = kind_row_val(r, "start_date");
	kind_val *end = kind_row_val(r, "end_date");
	kind_val *status = kind_row_val(r, "status");
	kind_val *planned = kind_row_val(r, "planned_end_date");

	if (start->present && end->present && strcmp(end->s, start->s) < 0)
		kind_row_error(r, "end_date", end->s, "实际竣工日期早于开工日期 (end_date before start_date)");
	if (start->present && planned->present && strcmp(planned->s, start->s) < 0)
		kind_row_error(r, "planned_end_date", planned->s, "计划竣工日期早于开工日期 (planned_end_date before start_date)");
	if (status->present && strcmp(status->s, "completed") == 0 && !end->present)
		kind_row_error(r, "end_date", "", "竣工项目须填写实际竣工日期 (a completed project needs end_date)");
}

/* ---- workers 实名制人员 ------------------------------------------------- */

static const field worker_fields[] = {
	{.key = "id_number", .zh = "公民身份号码", .type = FT_IDNUM, .flags = F_KEY | F_REQ | F_PERSONAL},
	{.key = "name", .zh = "姓名", .type = FT_TEXT, .flags = F_REQ | F_SEARCH, .maxlen = 50},
	{.key = "phone", .zh = "手机号", .type = FT_MOBILE, .flags = F_PERSONAL},
	{.key = "bank_name", .zh = "开户银行", .type = FT_TEXT, .maxlen = 100},
	{.key = "bank_card", .zh = "工资卡号", .type = FT_CARD, .flags = F_PERSONAL},
	/* Personal too: the ID mask (120116********123X) hides exactly the 8
	 * birth-date digits, so a full birth date would rebuild it. Masked, it
	 * shows the year only (kind_mask). Sex is not: it is the parity of the
	 * 17th digit, which the mask shows anyway. */
	{.key = "birth_date", .zh = "出生日期", .type = FT_DATE, .flags = F_DERIVED | F_PERSONAL},
	{.key = "sex", .zh = "性别", .type = FT_TEXT, .flags = F_DERIVED},
};

/* Birth date and sex come from the ID number, never typed twice. */
static void worker_derive(kind_row *r)
{
	kind_val *id = kind_row_val(r, "id_number");
	kind_val *birth = kind_row_val(r, "birth_date");
	kind_val *sex = kind_row_val(r, "sex");
	char b[11];

	if (!id->present || !valid_id_birth(id->s, b))
		return;
	kind_val_set(birth, b, strlen(b));
	kind_val_set(sex, valid_id_sex(id->s) == 'M' ? "M" : "F", 1);
}

/* ---- employments 用工登记(进退场) ---------------------------------------- */

static const char *const basis_codes[] = {"daily", "monthly", "piece", NULL};
static const char *const basis_labels[] = {"计日", "计月", "计件", NULL};

static const field employment_fields[] = {
	{.key = "project_code", .zh = "项目编号", .type = FT_TEXT, .flags = F_KEY | F_REQ, .maxlen = 40, .ref = "projects"},
	{.key = "worker_id_number", .zh = "公民身份号码", .type = FT_IDNUM, .flags = F_KEY | F_REQ | F_PERSONAL, .ref = "workers"},
	{.key = "entry_date", .zh = "进场日期", .type = FT_DATE, .flags = F_KEY | F_REQ},
	{.key = "employer_uscc", .zh = "用工单位", .type = FT_USCC, .flags = F_REQ, .ref = "enterprises"},
	{.key = "exit_date", .zh = "退场日期", .type = FT_DATE},
	{.key = "team", .zh = "班组", .type = FT_TEXT, .maxlen = 50},
	{.key = "trade", .zh = "工种", .type = FT_TEXT, .maxlen = 50},
	{.key = "contract_signed_date", .zh = "劳动合同签订日期", .type = FT_DATE},
	{.key = "wage_basis", .zh = "计薪方式", .type = FT_ENUM, .codes = basis_codes, .labels = basis_labels},
	{.key = "wage_rate", .zh = "工资标准(元)", .type = FT_MONEY, .max = MAX_WAGE},
};

static void employment_check(kind_row *r)
{
	kind_val *entry = kind_row_val(r, "entry_date");
	kind_val *exit_ = kind_row_val(r, "exit_date");

	if (entry->present && exit_->present && strcmp(exit_->s, entry->s) < 0)
		kind_row_error(r, "exit_date", exit_->s, "退场日期早于进场日期 (exit_date before entry_date)");
}

/* ---- attendance 考勤 ----------------------------------------------------- */

static const field attendance_fields[] = {
	{.key = "project_code", .zh = "项目编号", .type = FT_TEXT, .flags = F_KEY | F_REQ, .maxlen = 40, .ref = "projects"},
	/* Need not be registered: unregistered attendance is itself a finding. */
	{.key = "worker_id_number", .zh = "公民身份号码", .type = FT_IDNUM, .flags = F_KEY | F_REQ | F_PERSONAL},
	{.key = "date", .zh = "考勤日期", .type = FT_DATE, .flags = F_KEY | F_REQ},
	{.key = "hours", .zh = "工时", .type = FT_DEC2, .min = 0, .max = 2400, .dflt = "8"},
};

/* ---- payroll 工资支付表 -------------------------------------------------- */

static const char *const channel_codes[] = {"bank", "cash", "other", NULL};
static const char *const channel_labels[] = {"银行代发", "现金", "其他", NULL};

static const field payroll_fields[] = {
	{.key = "project_code", .zh = "项目编号", .type = FT_TEXT, .flags = F_KEY | F_REQ, .maxlen = 40, .ref = "projects"},
	{.key = "worker_id_number", .zh = "公民身份号码", .type = FT_IDNUM, .flags = F_KEY | F_REQ | F_PERSONAL, .ref = "workers"},
	{.key = "period", .zh = "工资所属期", .type = FT_MONTH, .flags = F_KEY | F_REQ},
	{.key = "employer_uscc", .zh = "用工单位", .type = FT_USCC, .flags = F_REQ, .ref = "enterprises"},
	{.key = "days_worked", .zh = "出勤天数", .type = FT_DEC2, .flags = F_REQ, .min = 0, .max = 3100},
	{.key = "amount_due", .zh = "应发工资(元)", .type = FT_MONEY, .flags = F_REQ, .max = MAX_WAGE},
	{.key = "amount_paid", .zh = "实发工资(元)", .type = FT_MONEY, .flags = F_REQ, .max = MAX_WAGE},
	{.key = "paid_date", .zh = "发放日期", .type = FT_DATE},
	{.key = "channel", .zh = "发放方式", .type = FT_ENUM, .codes = channel_codes, .labels = channel_labels, .dflt = "bank"},
	{.key = "worker_confirmed", .zh = "本人确认", .type = FT_BOOL},
};

static void payroll_check(kind_row *r)
{
	kind_val *paid = kind_row_val(r, "amount_paid");
	kind_val *date = kind_row_val(r, "paid_date");

	if (paid->present && paid->i > 0 && !date->present)
		kind_row_error(r, "paid_date", "", "实发工资大于0时须填写发放日期 (paid_date required when amount_paid > 0)");
}

/* ---- accounts 农民工工资专用账户 ------------------------------------------ */

static const field account_fields[] = {
	{.key = "account_no", .zh = "专用账户账号", .type = FT_TEXT, .flags = F_KEY | F_REQ | F_SEARCH, .maxlen = 40},
	{.key = "project_code", .zh = "项目编号", .type = FT_TEXT, .flags = F_REQ, .maxlen = 40, .ref = "projects"},
	{.key = "bank_name", .zh = "开户银行", .type = FT_TEXT, .flags = F_REQ | F_SEARCH, .maxlen = 100},
	{.key = "opened_date", .zh = "开户日期", .type = FT_DATE, .flags = F_REQ},
	{.key = "closed_date", .zh = "销户日期", .type = FT_DATE},
};

static void account_check(kind_row *r)
{
	kind_val *o = kind_row_val(r, "opened_date");
	kind_val *c = kind_row_val(r, "closed_date");

	if (o->present && c->present && strcmp(c->s, o->s) < 0)
		kind_row_error(r, "closed_date", c->s, "销户日期早于开户日期 (closed_date before opened_date)");
}

/* ---- transactions 专用账户流水 -------------------------------------------- */

static const char *const txn_kind_codes[] = {"labor_cost", "wage", "refund", "other_in", "other_out", NULL};
static const char *const txn_kind_labels[] = {"人工费用拨付", "工资代发", "退回", "其他入账", "其他出账", NULL};

static const field transaction_fields[] = {
	{.key = "account_no", .zh = "专用账户账号", .type = FT_TEXT, .flags = F_KEY | F_REQ, .maxlen = 40, .ref = "accounts"},
	{.key = "txn_id", .zh = "交易流水号", .type = FT_TEXT, .flags = F_KEY | F_REQ | F_SEARCH, .maxlen = 64},
	{.key = "txn_date", .zh = "交易日期", .type = FT_DATE, .flags = F_REQ},
	{.key = "kind", .zh = "交易类型", .type = FT_ENUM, .flags = F_REQ, .codes = txn_kind_codes, .labels = txn_kind_labels},
	{.key = "amount", .zh = "金额(元)", .type = FT_MONEY, .flags = F_REQ | F_POSITIVE, .max = MAX_TXN},
	{.key = "worker_id_number", .zh = "收款人身份号码", .type = FT_IDNUM, .flags = F_PERSONAL},
	{.key = "period", .zh = "工资所属期", .type = FT_MONTH},
	{.key = "counterparty", .zh = "对方户名", .type = FT_TEXT, .flags = F_SEARCH, .maxlen = 100},
	{.key = "memo", .zh = "摘要", .type = FT_TEXT, .maxlen = 200},
};

static void transaction_check(kind_row *r)
{
	kind_val *k = kind_row_val(r, "kind");

	if (!k->present || strcmp(k->s, "wage") != 0)
		return;
	if (!kind_row_val(r, "worker_id_number")->present)
		kind_row_error(r, "worker_id_number", "", "工资代发须填写收款人身份号码 (required for kind wage)");
	if (!kind_row_val(r, "period")->present)
		kind_row_error(r, "period", "", "工资代发须填写工资所属期 (required for kind wage)");
}

/* ---- deposits 工资保证金 ------------------------------------------------- */

static const char *const form_codes[] = {"cash", "guarantee", "insurance", NULL};
static const char *const form_labels[] = {"银行存款", "银行保函", "保证保险", NULL};

static const field deposit_fields[] = {
	{.key = "project_code", .zh = "项目编号", .type = FT_TEXT, .flags = F_KEY | F_REQ, .maxlen = 40, .ref = "projects"},
	{.key = "deposit_no", .zh = "保证金编号/保函编号", .type = FT_TEXT, .flags = F_KEY | F_REQ | F_SEARCH, .maxlen = 64},
	{.key = "form", .zh = "存储形式", .type = FT_ENUM, .flags = F_REQ, .codes = form_codes, .labels = form_labels},
	{.key = "amount", .zh = "金额(元)", .type = FT_MONEY, .flags = F_REQ, .max = MAX_DEPOSIT},
	{.key = "deposit_date", .zh = "存储日期", .type = FT_DATE, .flags = F_REQ},
	{.key = "expiry_date", .zh = "到期日期", .type = FT_DATE},
	{.key = "released_date", .zh = "退还日期", .type = FT_DATE},
	{.key = "issuer", .zh = "存储银行/出函机构", .type = FT_TEXT, .maxlen = 100},
};

static void deposit_check(kind_row *r)
{
	kind_val *d = kind_row_val(r, "deposit_date");
	kind_val *e = kind_row_val(r, "expiry_date");
	kind_val *rel = kind_row_val(r, "released_date");

	if (d->present && e->present && strcmp(e->s, d->s) < 0)
		kind_row_error(r, "expiry_date", e->s, "到期日期早于存储日期 (expiry_date before deposit_date)");
	if (d->present && rel->present && strcmp(rel->s, d->s) < 0)
		kind_row_error(r, "released_date", rel->s, "退还日期早于存储日期 (released_date before deposit_date)");
}

/* ---- min_wages 最低工资标准 ---------------------------------------------- */

static const field min_wage_fields[] = {
	{.key = "region_code", .zh = "行政区划代码", .type = FT_REGION, .flags = F_KEY | F_REQ},
	{.key = "effective_from", .zh = "执行日期", .type = FT_DATE, .flags = F_KEY | F_REQ},
	{.key = "monthly", .zh = "月最低工资(元)", .type = FT_MONEY, .flags = F_REQ | F_POSITIVE, .max = MAX_MIN_WAGE_MONTH},
	{.key = "hourly", .zh = "小时最低工资(元)", .type = FT_MONEY, .max = MAX_MIN_WAGE_HOUR},
};

/* ---- clues 欠薪线索, clue_reviews 线索审核记录 (data-exchange-cases.md) ---
 * The exchange form of the wage-arrears clue; its table also holds the
 * columns the case engine keeps (src/domain/cases/), which no import
 * writes. `status` is the case's state: the engine changes it. */

#define MAX_CLUE_AMOUNT 10000000000LL   /* ¥100,000,000 */

static const char *const clue_channel_codes[] = {"platform", "hotline", "visit", "online", "letter",
						 "transfer", NULL};
static const char *const clue_channel_labels[] = {"全国平台", "12333", "来访", "网上", "来信", "转交",
						  NULL};
/* `merged` (已合并) is anxin's: a duplicate merged into another clue. */
static const char *const clue_status_codes[] = {"received", "transferred", "handling", "submitted",
						"passed", "returned", "merged", NULL};
static const char *const clue_status_labels[] = {"已接收", "已转办", "核处中", "待审核",
						 "审核通过", "退回", "已合并", NULL};

static const field clue_fields[] = {
	{.key = "number", .zh = "线索编号", .type = FT_TEXT, .flags = F_KEY | F_REQ | F_SEARCH, .maxlen = 40},
	{.key = "received_date", .zh = "接收日期", .type = FT_DATE, .flags = F_REQ},
	{.key = "channel", .zh = "来源渠道", .type = FT_ENUM, .flags = F_REQ, .codes = clue_channel_codes,
	 .labels = clue_channel_labels},
	{.key = "reporter_name", .zh = "反映人", .type = FT_TEXT, .flags = F_SEARCH, .maxlen = 50},
	{.key = "reporter_id_number", .zh = "反映人身份号码", .type = FT_IDNUM, .flags = F_PERSONAL},
	{.key = "reporter_phone", .zh = "联系电话", .type = FT_PHONE, .flags = F_PERSONAL},
	{.key = "employer_name", .zh = "被反映单位", .type = FT_TEXT, .flags = F_REQ | F_SEARCH, .maxlen = 100},
	{.key = "employer_uscc", .zh = "统一社会信用代码", .type = FT_USCC},
	{.key = "project_code", .zh = "项目编号", .type = FT_TEXT, .maxlen = 40, .ref = "projects"},
	{.key = "street", .zh = "办理街镇/功能区", .type = FT_TEXT, .flags = F_REQ, .maxlen = 50},
	{.key = "workers_claimed", .zh = "涉及人数", .type = FT_INT, .min = 1, .max = 100000},
	{.key = "amount_claimed", .zh = "反映金额(元)", .type = FT_MONEY, .max = MAX_CLUE_AMOUNT},
	{.key = "status", .zh = "状态", .type = FT_ENUM, .flags = F_REQ, .codes = clue_status_codes,
	 .labels = clue_status_labels},
	{.key = "transferred_date", .zh = "转办日期", .type = FT_DATE},
	{.key = "conclusion", .zh = "核处结论", .type = FT_INT, .min = 1, .max = 10},
	{.key = "workers_resolved", .zh = "解决人数", .type = FT_INT, .min = 0, .max = 100000},
	{.key = "amount_resolved", .zh = "解决金额(元)", .type = FT_MONEY, .max = MAX_CLUE_AMOUNT},
};

/* A clue's dates in order; a conclusion where one was submitted. */
static void clue_check(kind_row *r)
{
	kind_val *rd = kind_row_val(r, "received_date");
	kind_val *td = kind_row_val(r, "transferred_date");
	kind_val *st = kind_row_val(r, "status");
	kind_val *co = kind_row_val(r, "conclusion");

	if (rd->present && td->present && strcmp(td->s, rd->s) < 0)
		kind_row_error(r, "transferred_date", td->s, "转办日期早于接收日期 (transferred_date before received_date)");
	if (st->present && (!strcmp(st->s, "submitted") || !strcmp(st->s, "passed")) && !co->present)
		kind_row_error(r, "conclusion", "", "待审核或审核通过的线索须有核处结论 (conclusion required for submitted / passed)");
	if (st->present && strcmp(st->s, "received") != 0 && strcmp(st->s, "merged") != 0 && !td->present)
		kind_row_error(r, "transferred_date", "", "已转办的线索须有转办日期 (transferred_date required once transferred)");
}

static const char *const review_result_codes[] = {"pass", "return", NULL};
static const char *const review_result_labels[] = {"通过", "退回", NULL};

static const field clue_review_fields[] = {
	{.key = "clue_number", .zh = "线索编号", .type = FT_TEXT, .flags = F_KEY | F_REQ | F_SEARCH, .maxlen = 40,
	 .ref = "clues"},
	{.key = "decided_date", .zh = "审核日期", .type = FT_DATE, .flags = F_KEY | F_REQ},
	{.key = "seq", .zh = "序号", .type = FT_INT, .flags = F_KEY | F_REQ, .min = 1, .max = 1000},
	{.key = "result", .zh = "审核结果", .type = FT_ENUM, .flags = F_REQ, .codes = review_result_codes,
	 .labels = review_result_labels},
	{.key = "reason", .zh = "意见", .type = FT_TEXT, .maxlen = 500},
};

/* A return says why. */
static void clue_review_check(kind_row *r)
{
	kind_val *res = kind_row_val(r, "result");
	kind_val *why = kind_row_val(r, "reason");

	if (res->present && !strcmp(res->s, "return") && !why->present)
		kind_row_error(r, "reason", "", "退回须填写意见 (reason required for return)");
}

/* The rules of a row that data cannot say (domain/kind.h). */
#define RULES(nm, chk, drv) static const struct kind_rules rules_##nm = {chk, drv}

RULES(projects, project_check, NULL);
RULES(workers, NULL, worker_derive);
RULES(employments, employment_check, NULL);
RULES(payroll, payroll_check, NULL);
RULES(accounts, account_check, NULL);
RULES(transactions, transaction_check, NULL);
RULES(deposits, deposit_check, NULL);
RULES(clues, clue_check, NULL);
RULES(clue_reviews, clue_review_check, NULL);

/*
 * The descriptors. `scope` is the path of a row to the row scope and
 * `notes` what an import tells the warning scan (store/schema.h): the
 * store reads them, so a new kind needs no edit there - a descriptor here
 * and a migration (src/store/sqlite/) are all it takes.
 */
#define KIND(nm, zh_, f, ord, ...) \
	static const kind kind_##nm = {.name = #nm, .zh = zh_, .table = #nm, .fields = f, \
				       .nfields = N(f), .order_by = ord, __VA_ARGS__}

KIND(enterprises, "企业", enterprise_fields, "uscc",
     .scope = {.reach = REC_REACH_PARTY, .col = "uscc"});
KIND(projects, "在建项目", project_fields, "code", .rules = &rules_projects,
     .scope = {.reach = REC_REACH_PROJECT, .col = "code", .street = "street"});
KIND(workers, "实名制人员", worker_fields, "name", .rules = &rules_workers,
     .scope = {.reach = REC_REACH_PERSON, .col = "id_number", .owner = REC_OWNER_PERSON});
KIND(employments, "用工登记", employment_fields, "entry_date", .rules = &rules_employments,
     .scope = {.reach = REC_REACH_PROJECT_COL, .col = "project_code", .owner = REC_OWNER_HIRING,
	       .employer = "employer_uscc", .worker = "worker_id_number"},
     .notes = REC_NOTES_EMPLOYMENT);
/* Its key index is ordered (project, date, worker) - migration 0011 - so
 * that a day's rows go to one place per project instead of one per worker
 * all over an index of millions of rows. */
static const char *const attendance_key_order[] = {"project_code", "date", "worker_id_number", NULL};
KIND(attendance, "考勤", attendance_fields, "project_code",
     .scope = {.reach = REC_REACH_PROJECT_COL, .col = "project_code", .owner = REC_OWNER_COVERED,
	       .worker = "worker_id_number", .day = "date"},
     .notes = REC_NOTES_ATTENDANCE, .key_order = attendance_key_order);
KIND(payroll, "工资支付表", payroll_fields, "period", .rules = &rules_payroll,
     .scope = {.reach = REC_REACH_PROJECT_COL, .col = "project_code", .owner = REC_OWNER_EMPLOYER,
	       .employer = "employer_uscc", .worker = "worker_id_number"});
KIND(accounts, "农民工工资专用账户", account_fields, "account_no", .rules = &rules_accounts,
     .scope = {.reach = REC_REACH_PROJECT_COL, .col = "project_code"},
     .notes = REC_NOTES_ACCOUNT);
KIND(transactions, "专用账户流水", transaction_fields, "txn_date", .rules = &rules_transactions,
     .scope = {.reach = REC_REACH_ACCOUNT, .col = "account_no"},
     .notes = REC_NOTES_TRANSACTION);
KIND(deposits, "工资保证金", deposit_fields, "deposit_date", .rules = &rules_deposits,
     .scope = {.reach = REC_REACH_PROJECT_COL, .col = "project_code"});
KIND(min_wages, "最低工资标准", min_wage_fields, "effective_from",
     .scope = {.reach = REC_REACH_PUBLIC}, .notes = REC_NOTES_FULL);
KIND(clues, "欠薪线索", clue_fields, "received_date", .rules = &rules_clues,
     .scope = {.reach = REC_REACH_STREET, .col = "street"});
KIND(clue_reviews, "线索审核记录", clue_review_fields, "decided_date", .rules = &rules_clue_reviews,
     .scope = {.reach = REC_REACH_NONE});

/* A test build (tests/kind/) adds its own kind here, defined in a file of
 * its own, to show that a new kind needs a descriptor and a migration only. */
#ifdef ANXIN_TEST_KIND
extern const kind kind_test;
#define TEST_KIND &kind_test,
#else
#define TEST_KIND
#endif

/* Dependency order: a kind only refers to kinds before it. */
const kind *const KINDS[] = {
	&kind_enterprises, &kind_projects, &kind_workers, &kind_employments,
	&kind_attendance, &kind_payroll, &kind_accounts, &kind_transactions,
	&kind_deposits, &kind_min_wages, &kind_clues, &kind_clue_reviews, TEST_KIND NULL,
};
