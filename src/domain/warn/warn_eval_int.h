/*
 * warn_eval_int.h - private to the warn_eval*.c files: the state of one
 * evaluation (ev), the per-project table (proj), the findings being built
 * (cell), the month loop's worker entries (wmv), the small date helpers
 * every rule uses, and the functions one part of the evaluation calls in
 * another (what follows from the scan's scope: warn_eval_scope.h). Not for the rest of the program: the public interface
 * is warn_eval.h. Functions shared between the files are prefixed we_
 * (warn_eval); the types are unprefixed because nothing else sees them.
 *
 * Who owns what:
 *   warn_eval.c        warn_evaluate: the order of the passes, set-up and
 *                      clean-up of the ev
 *   warn_eval_scope.c  warn_scope_*; which months and projects a scan reads
 *   warn_eval_load.c   projects, accounts, transaction days, deposits and
 *                      minimum wages into the proj table
 *   warn_eval_emp.c    NO_CONTRACT, UNREGISTERED (employment streams)
 *   warn_eval_ahead.c  the month loop's order; each month's attendance
 *                      and wage transfers loaded (on a second connection
 *                      and thread in a full scan, a month ahead)
 *   warn_eval_month.c  the month's payroll: WAGE_UNPAID, WAGE_SHORT,
 *                      NOT_VIA_BANK, BANK_MISMATCH, BELOW_MIN_WAGE,
 *                      DAYS_MISMATCH, and the per-month sums of
 *                      BALANCE_LOW and COMPLETION_UNSETTLED
 *   warn_eval_state.c  the state rules, per project after the month loop
 *   warn_eval_emit.c   cells: creation, summary + evidence, warn_result
 */
#ifndef ANXIN_WARN_EVAL_INT_H
#define ANXIN_WARN_EVAL_INT_H

#include <stdint.h>
#include <string.h>

#include "domain/warn/warn_eval.h"
#include "store/warn_store.h"
#include "util/buf.h"
#include "util/money.h"

#define NO_DAY ((day_t)-2147483647)

typedef struct proj {
	char *code, *name, *region, *street, *owner, *contractor;
	int64_t amount;
	day_t contract, start, end, board;   /* end / board NO_DAY when empty */
	int cycle, wage_day, start_month;
	int active, completed;
	int n_open;                           /* accounts open on D */
	day_t first_opened;                   /* earliest opened_date <= D */
	day_t last_labor;                     /* latest labour-cost day <= D */
	int64_t balance, deposits, outstanding;
	long out_rows;
	buf accounts_ev, deposits_ev, outstanding_ev, completion_ev;
	long completion_n;
	int64_t completion_owed;
	int64_t month_out;                    /* outstanding of the month in the loop */
	int64_t minw;                         /* minimum wage of the month in the loop */
	int minw_month;
	/* a sum above that left int64 (we_add): its figure is unknown */
	unsigned char bad_balance, bad_deposits, bad_outstanding, bad_month_out, bad_completion;
} proj;

typedef struct cell {
	int rule, pidx;
	char period[8];
	long n;              /* items */
	int64_t s1, s2;      /* rule-specific sums (fen); WAGE_UNPAID: s2 = items on the payroll */
	unsigned char s1_bad; /* s1 left int64 (we_add): shown as out of range */
	buf items;           /* JSON objects, comma-separated */
	buf extra;           /* more members of the evidence: ,"key":value */
	buf summary;         /* state rules: the summary line */
	warn_level level;    /* 0 = the rule's base level */
} cell;

typedef struct wmv {       /* one worker on one project in the month of the loop */
	int pidx;
	char worker[24];
	int64_t att_days;
	int64_t wage_sum, wage_n;
	int64_t due, paid;
	char wage_last[11];
	unsigned char has_att, has_pay, has_wage;
} wmv;

/* One month's attendance aggregate and wage transfers, each sorted by
 * (project code, worker) like the payroll stream. Filled by we_month_load,
 * which reads e only (the project map), so that it may run on another
 * thread while the previous month's payroll is merged. */
typedef struct wmonth {
	wmv *att, *wage;
	size_t natt, nwage, capatt, capwage;
	const struct ev *e;
	int last;            /* the last row's project index: a project's run looks up once */
} wmonth;

typedef struct ev {
	db *d;
	day_t D;
	char Ds[11];
	int mD;                 /* month index of D: y*12 + m-1 */
	const warn_params *p;
	const cal *c;
	const warn_scope *scope;
	warn_result *res;
	unsigned mask;          /* union of the scope's masks */
	proj *P;
	size_t np, capp;
	strmap *pmap;           /* code -> int index */
	strmap *acct;           /* account_no -> int project index */
	strmap *cells;          /* rule/pidx/period -> cell */
	strmap *minw;           /* region -> (effective_from, monthly) list, in a buf */
	db *twin;               /* NULL, or d's snapshot on a second connection */
	/* the month loop: attendance and wage transfers of the month (m),
	 * merged with the payroll stream; iatt/iwage: the merge's positions */
	struct wmonth *m;
	struct mloop *ml;       /* the month loop's state (warn_eval_ahead.c) */
	size_t iatt, iwage;
	int last_pay;           /* the payroll stream's last project (proj_find cache) */
	int month, month_due_any;
	char month_s[8];
	int failed;
} ev;

/* The months the month loop reads, "YYYY-MM" each. */
typedef struct mlist {
	char (*v)[8];
	size_t n;
} mlist;

/* The minimum wages of one region (e->minw): effective_from and monthly fen. */
typedef struct mw_list {
	size_t n;
	day_t *from;
	int64_t *monthly;
} mw_list;

/* ---- small helpers --------------------------------------------------------- */

/* "YYYY-MM" as y*12 + m-1; -1 when absent or malformed. */
static inline int month_index(const char *s)
{
	int y, m;
	return s && month_parse(s, &y, &m) ? y * 12 + m - 1 : -1;
}

/* The month index of a day. */
static inline int month_index_day(day_t d)
{
	int y, m, dd;
	date_to_ymd(d, &y, &m, &dd);
	return y * 12 + m - 1;
}

/* An ISO date, NO_DAY when absent or malformed. */
static inline day_t parse_day(const char *s)
{
	day_t d;
	return s && date_parse_iso(s, &d) ? d : NO_DAY;
}

/* Pay deadline of month mi: day wage_day of the next month, clamped. */
static inline day_t pay_deadline(int mi, int wage_day)
{
	int y = (mi + 1) / 12, m = (mi + 1) % 12 + 1;
	int last = date_days_in_month(y, m);
	return date_from_ymd(y, m, wage_day < last ? wage_day : last);
}

/* Month mi is in the lookback: the month of D and the lookback months before. */
static inline int in_lookback(const ev *e, int mi)
{
	return mi <= e->mD && mi >= e->mD - e->p->lookback;
}

/* The index of a project in e->P, -1 when not loaded. */
static inline int proj_find(const ev *e, const char *code)
{
	int *i = strmap_get(e->pmap, code, strlen(code));
	return i ? *i : -1;
}

/* *acc += v for a money sum of the scan (money_add_checked): on overflow
 * *bad is set and *acc left as it was, so that the figure is reported as
 * out of range - never wrapped (a wrapped outstanding sum once hid
 * BALANCE_LOW). Returns 1 if this add overflowed the sum first. */
static inline int we_add(int64_t *acc, int64_t v, unsigned char *bad)
{
	if (money_add_checked(acc, v))
		return 0;
	int first = !*bad;
	*bad = 1;
	return first;
}

/* ---- shared between the files (see "Who owns what" above) ------------------ */

/* warn_eval_scope.c: warn_eval_scope.h */

/* warn_eval_load.c: stream callbacks (ctx is the ev) and the look-up */
void we_on_project(void *ctx, const ws_project *r);
void we_on_account(void *ctx, const ws_account *r);
void we_on_txn_day(void *ctx, const ws_txn_day *r);
void we_on_deposit(void *ctx, const ws_deposit *r);
void we_on_min_wage(void *ctx, const ws_min_wage *r);
int64_t we_min_wage(ev *e, proj *q, int mi);

/* warn_eval_emp.c */
void we_on_employment(void *ctx, const ws_employment *r);
int we_eval_unregistered(ev *e, int flags);

/* warn_eval_ahead.c */
int we_months_begin(ev *e, int flags, const mlist *months);
int we_months(ev *e);
void we_months_end(ev *e);

/* warn_eval_month.c */
int we_month(ev *e, int flags, const char *month, wmonth *m);

/* warn_eval_state.c */
void we_state_rules(ev *e);
/* A scan note naming the data whose sum left int64: project q, month
 * (NULL or "" when none), what was summed. */
void we_overflow_note(ev *e, const proj *q, const char *month, const char *what);

/* warn_eval_emit.c */
cell *we_get_cell(ev *e, int rule, int pidx, const char *period);
void we_emit_all(ev *e);
void we_cell_free(cell *c);

#endif
