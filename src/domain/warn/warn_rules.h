/*
 * warn_rules.h - the catalogue of early-warning rules (预警规则) of
 * ../shared/spec/warning-rules.md as data: code, Chinese name, whether a
 * warning is per month, the levels it can take, the legal basis, the
 * suggested action and which enterprise answers for it. The conditions
 * themselves are in warn_eval*.c; which imports can change which rules is
 * warn_kind_mask().
 */
#ifndef ANXIN_WARN_RULES_H
#define ANXIN_WARN_RULES_H

typedef enum {
	R_NO_ACCOUNT,
	R_LABOR_COST_LATE,
	R_WAGE_UNPAID,
	R_WAGE_SHORT,
	R_NOT_VIA_BANK,
	R_BANK_MISMATCH,
	R_BALANCE_LOW,
	R_NO_DEPOSIT,
	R_NO_CONTRACT,
	R_UNREGISTERED,
	R_NO_BOARD,
	R_BELOW_MIN_WAGE,
	R_COMPLETION_UNSETTLED,
	R_DAYS_MISMATCH,
	WARN_NRULES
} warn_rule_id;

#define WARN_BIT(r) (1u << (r))
#define WARN_ALL ((1u << WARN_NRULES) - 1)

typedef enum { WL_YELLOW = 1, WL_ORANGE = 2, WL_RED = 3 } warn_level;

typedef struct warn_rule {
	const char *code;         /* "WAGE_UNPAID" */
	const char *name;         /* 拖欠工资(未按月发放) */
	int per_month;            /* period YYYY-MM; else a state rule ('') */
	warn_level level;         /* base level (some rules raise it) */
	const char *basis;        /* article(s) */
	const char *basis_text;   /* short text of the article */
	const char *action;       /* suggested action */
	const char *responsible;  /* "contractor" or "owner" (施工总承包/建设单位) */
} warn_rule;

extern const warn_rule WARN_RULES[WARN_NRULES];

/* The rule with this code, or -1. */
int warn_rule_find(const char *code);
/* "red" / "orange" / "yellow" and 红色 / 橙色 / 黄色; warn_level_parse
 * returns 0 for an unknown name. */
const char *warn_level_name(warn_level l);
const char *warn_level_zh(warn_level l);
warn_level warn_level_parse(const char *s);
/* 待处置 / 处置中 / 已消除 for open / handling / eliminated. */
const char *warn_status_zh(const char *status);
/* The codes that appear as values in stored evidence (a COMPLETION_UNSETTLED
 * item's kind "unpaid" / "short", a payment channel, a transaction kind,
 * a deposit form, a LABOR_COST_LATE basis) with their Chinese labels, so
 * no screen or file shows the code. {NULL, NULL}-terminated. */
typedef struct warn_value_label {
	const char *code, *zh;
} warn_value_label;
extern const warn_value_label WARN_EVIDENCE_VALUES[];

/* The rules an import of kind may change (0 = none), and whether its rows
 * say which month they touch (attendance, payroll): then only the rules'
 * cells of that month need a new look. */
unsigned warn_kind_mask(const char *kind, int *per_month);

#endif
