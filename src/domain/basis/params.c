/*
 * params.c - typed parameters of the warning rules (see params.h). Each
 * key has a parser that turns its text into the exact integer form the
 * rules use, with its range; param_load and param_set both go through it,
 * so a value that cannot be loaded can never be stored.
 */
#include "domain/basis/params.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "domain/access/audit.h"
#include "store/param_store.h"
#include "util/buf.h"
#include "util/money.h"
#include "util/clock.h"

enum { P_RATIO, P_INT, P_MONEY, P_DEC2 };

typedef struct param_def {
	const char *key;
	int type;
	int64_t min, max;   /* P_INT: value; P_MONEY: fen; P_DEC2: hundredths */
	size_t off;         /* offset of the int (P_INT) or int64 field */
} param_def;

#define OFF(f) offsetof(warn_params, f)
/* A parameter of the case deadlines (domain/cases/): validated here like
 * every parameter, read one at a time with param_int, not in warn_params. */
#define NO_OFF ((size_t)-1)

static const param_def PARAMS[] = {
	{"deposit_ratio", P_RATIO, 0, 0, 0},
	{"account_deadline_days", P_INT, 1, 3650, OFF(account_days)},
	{"deposit_deadline_workdays", P_INT, 1, 250, OFF(deposit_workdays)},
	{"board_grace_days", P_INT, 0, 3650, OFF(board_days)},
	{"contract_grace_days", P_INT, 0, 3650, OFF(contract_days)},
	{"days_mismatch_tolerance", P_INT, 0, 31, OFF(mismatch_days)},
	{"lookback_months", P_INT, 0, 120, OFF(lookback)},
	{"bank_mismatch_tolerance", P_MONEY, 0, 100000000, OFF(bank_tolerance)},
	{"wage_unpaid_red_workers", P_INT, 1, 1000000, OFF(red_workers)},
	{"wage_unpaid_red_months", P_INT, 1, 120, OFF(red_months)},
	{"min_wage_month_days", P_DEC2, 100, 3100, OFF(month_days)},
	{"clue_transfer_workdays", P_INT, 1, 60, NO_OFF},
	{"clue_conclude_workdays", P_INT, 1, 120, NO_OFF},
	{"clue_review_workdays", P_INT, 1, 60, NO_OFF},
	{"clue_return_workdays", P_INT, 1, 60, NO_OFF},
	{"clue_duplicate_days", P_INT, 0, 365, NO_OFF},
};

#define NPARAMS (sizeof PARAMS / sizeof PARAMS[0])

/* The parameters as people read them: one row per key of PARAMS. */
static const param_meta META[] = {
	{"deposit_ratio", "工资保证金比例", "%",
	 "工资保证金应占施工合同金额的比例；例如 1 表示合同金额的 1%。低于此比例预警“未存储工资保证金”。", 1},
	{"account_deadline_days", "专用账户开设期限", "天",
	 "施工合同签订后须在多少个日历日内开设农民工工资专用账户，逾期未开设即预警。", 0},
	{"deposit_deadline_workdays", "保证金存储期限", "个工作日",
	 "施工合同签订后须在多少个工作日内存储工资保证金(按节假日历计算)。", 0},
	{"board_grace_days", "维权告示牌设立期限", "天", "开工后多少个日历日内须在施工现场设立维权信息告示牌。", 0},
	{"contract_grace_days", "劳动合同签订期限", "天", "工人进场后多少个日历日内须签订劳动合同，逾期未签即预警。", 0},
	{"days_mismatch_tolerance", "出勤天数允许差异", "天",
	 "工资表中的出勤天数与考勤记录天数相差超过此天数时预警“出勤与考勤不符”。", 0},
	{"lookback_months", "回溯月数", "个月", "扫描时检查数据日期所在月之前多少个月的工资与考勤。", 0},
	{"bank_mismatch_tolerance", "代发金额允许差额", "元",
	 "专用账户代发工资合计比工资表实发工资少于此金额时不预警(容许的尾差)。", 0},
	{"wage_unpaid_red_workers", "欠薪红色预警人数", "人", "同一项目一个月内欠薪人数达到此数时，欠薪预警升为红色。", 0},
	{"wage_unpaid_red_months", "欠薪红色预警月数", "个月", "同一项目欠薪月数达到此数时，欠薪预警升为红色。", 0},
	{"min_wage_month_days", "月计薪天数", "天", "把月最低工资折算为日最低工资时所用的每月计薪天数(国家规定 21.75 天)。", 0},
	{"clue_transfer_workdays", "线索转办期限", "个工作日", "欠薪线索接收后须在多少个工作日内转办到街镇(功能区)。", 0},
	{"clue_conclude_workdays", "线索核处期限", "个工作日", "线索转办后，街镇须在多少个工作日内核处并提交结论。", 0},
	{"clue_review_workdays", "线索审核期限", "个工作日", "街镇提交核处结论后，区里须在多少个工作日内审核。", 0},
	{"clue_return_workdays", "退回补充核处期限", "个工作日", "审核退回后，街镇须在多少个工作日内重新提交结论。", 0},
	{"clue_duplicate_days", "疑似重复线索天数", "天", "同一用人单位或项目在多少个日历日内再次被反映时，标为疑似重复线索。", 0},
};

const param_meta *param_meta_find(const char *key)
{
	for (size_t i = 0; i < sizeof META / sizeof META[0]; i++)
		if (!strcmp(META[i].key, key))
			return &META[i];
	return NULL;
}

/* Moves the decimal point of the plain decimal s by shift places (+2:
 * x100, -2: /100) into out, without trailing zeros. 0 when s is not
 * digits with at most one point. Exact: text, no floating point. */
static int shift_decimal(const char *s, int shift, char *out, size_t outlen)
{
	char digits[64];
	int nd = 0, point = -1;

	for (const char *p = s; *p; p++) {
		if (*p == '.' && point < 0)
			point = nd;
		else if (*p >= '0' && *p <= '9' && nd < 40)
			digits[nd++] = *p;
		else
			return 0;
	}
	if (nd == 0)
		return 0;
	if (point < 0)
		point = nd;
	point += shift;
	buf b = BUF_INIT;
	for (int i = point < 1 ? point - 1 : 0; i < nd || i < point; i++) {
		if (i == point)
			buf_putc(&b, '.');
		buf_putc(&b, i >= 0 && i < nd ? digits[i] : '0');
	}
	/* trim: leading zeros before the units, trailing zeros after the point */
	char *t = (char *)buf_str(&b);
	while (t[0] == '0' && t[1] && t[1] != '.')
		t++;
	size_t n = strlen(t);
	if (strchr(t, '.')) {
		while (n && t[n - 1] == '0')
			n--;
		if (n && t[n - 1] == '.')
			n--;
	}
	snprintf(out, outlen, "%.*s", (int)n, t);
	buf_free(&b);
	return 1;
}

void param_to_display(const param_meta *m, const char *value, char *out, size_t outlen)
{
	if (!m || !m->percent || !shift_decimal(value, 2, out, outlen))
		snprintf(out, outlen, "%s", value);
}

int param_from_display(const param_meta *m, const char *display, char *out, size_t outlen)
{
	if (m && m->percent)
		return shift_decimal(display, -2, out, outlen);
	snprintf(out, outlen, "%s", display);
	return 1;
}

void param_defaults(warn_params *p)
{
	memset(p, 0, sizeof *p);
	p->deposit_num = 1;
	p->deposit_den = 100;
	p->account_days = 30;
	p->deposit_workdays = 20;
	p->board_days = 7;
	p->contract_days = 30;
	p->mismatch_days = 3;
	p->lookback = 12;
	p->bank_tolerance = 100;
	p->red_workers = 30;
	p->red_months = 2;
	p->month_days = 2175;
}

/* A ratio "0.01" (at most 6 decimals, 0 < r <= 1) as num/den exactly. */
static int parse_ratio(const char *s, int64_t *num, int64_t *den)
{
	int64_t n = 0, dn = 1;
	int digits = 0, frac = -1;

	for (const char *p = s; *p; p++) {
		if (*p == '.' && frac < 0) {
			frac = 0;
			continue;
		}
		if (*p < '0' || *p > '9' || ++digits > 12)
			return 0;
		n = n * 10 + (*p - '0');
		if (frac >= 0) {
			if (++frac > 6)
				return 0;
			dn *= 10;
		}
	}
	if (digits == 0 || frac == 0 || n <= 0 || n > dn)
		return 0;
	*num = n;
	*den = dn;
	return 1;
}

/* Parses value for def into p. Returns 1, or 0 with a reason in err. */
static int param_apply(const param_def *def, const char *value, warn_params *p,
		       char *err, size_t errlen)
{
	const char *why = NULL;
	int64_t v = 0;
	char *end;

	switch (def->type) {
	case P_RATIO:
		if (!parse_ratio(value, &p->deposit_num, &p->deposit_den)) {
			snprintf(err, errlen, "%s：“%s”不是 0 到 100%% 之间、最多四位小数的百分比 "
				 "(%s: '%s' is not a ratio in (0, 1] with at most 6 decimals)",
				 param_meta_find(def->key)->name, value, def->key, value);
			return 0;
		}
		return 1;
	case P_INT:
		v = strtoll(value, &end, 10);
		if (!*value || *end)
			why = "不是整数 (not an integer)";
		break;
	case P_MONEY:
		if (!money_parse(value, &v, &why))
			break;
		break;
	case P_DEC2:
		if (!dec2_parse(value, &v, &why))
			break;
		break;
	}
	if (!why && (v < def->min || v > def->max))
		why = "超出允许范围 (out of range)";
	if (why) {
		snprintf(err, errlen, "%s：“%s”%s", param_meta_find(def->key)->name, value, why);
		return 0;
	}
	if (def->off == NO_OFF)
		return 1;
	if (def->type == P_INT)
		*(int *)((char *)p + def->off) = (int)v;
	else
		*(int64_t *)((char *)p + def->off) = v;
	return 1;
}

static const param_def *param_find(const char *key)
{
	for (size_t i = 0; i < NPARAMS; i++)
		if (!strcmp(PARAMS[i].key, key))
			return &PARAMS[i];
	return NULL;
}

int param_known(const char *key)
{
	return param_find(key) != NULL;
}

int param_list(db *d, void (*cb)(void *ctx, const param_row *r), void *ctx)
{
	return param_store_list(d, cb, ctx);
}

int param_load(db *d, warn_params *p, char *err, size_t errlen)
{
	param_defaults(p);
	for (size_t i = 0; i < NPARAMS; i++) {
		char *v = param_store_get(d, PARAMS[i].key);
		int ok = !v || param_apply(&PARAMS[i], v, p, err, errlen);
		free(v);
		if (!ok)
			return -1;
	}
	return 0;
}

int param_int(db *d, const char *key, int dflt, int *out, char *err, size_t errlen)
{
	const param_def *def = param_find(key);
	char *v;
	long long n;
	char *end;

	*out = dflt;
	if (!def || def->type != P_INT) {
		snprintf(err, errlen, "没有整数参数“%s” (no integer parameter '%s')", key, key);
		return -1;
	}
	if (!(v = param_store_get(d, key)))
		return 0;
	n = strtoll(v, &end, 10);
	if (!*v || *end || n < def->min || n > def->max) {
		snprintf(err, errlen, "参数 %s 的值“%s”无效 (stored value of %s is invalid)", key, v, key);
		free(v);
		return -1;
	}
	free(v);
	*out = (int)n;
	return 0;
}

int param_set(db *d, const char *key, const char *value, const struct audit_actor *who,
	      char *err, size_t errlen)
{
	const param_def *def = param_find(key);
	warn_params tmp;
	char at[32];
	time_t now = time(NULL);
	buf before = BUF_INIT, after = BUF_INIT;
	int rc = -1;

	if (!def) {
		snprintf(err, errlen, "没有参数“%s” (unknown parameter '%s': anxin params lists them)", key, key);
		return -1;
	}
	param_defaults(&tmp);
	if (!param_apply(def, value, &tmp, err, errlen))
		return -1;
	clk_utc_iso((int64_t)now, at);
	if (db_begin(d) != DB_OK)
		goto dberr;
	char *old = param_store_get(d, key);
	buf_fmt(&before, "{\"%s\":%j}", key, old);
	buf_fmt(&after, "{\"%s\":%j}", key, value);
	free(old);
	audit_entry e = {who, (int64_t)now, "param_set", "params", key, buf_str(&before), buf_str(&after)};
	if (param_store_set(d, key, value, who ? who->actor : "unknown", at) != 0 ||
	    (who && audit_append(d, &e) != 0) || db_commit(d) != DB_OK) {
		db_rollback(d);
		goto dberr;
	}
	rc = 0;
	goto out;
dberr:
	snprintf(err, errlen, "无法保存参数 %s (cannot store %s: %s)", key, key, db_errmsg(d));
out:
	buf_free(&before);
	buf_free(&after);
	return rc;
}
