/*
 * warn_eval.c - warn_evaluate (see warn_eval.h): the conditions of the
 * fourteen rules of warning-rules.md, evaluated in C over streams from
 * store/warn_store.c. This file owns the order of the passes and the
 * evaluation state's set-up and clean-up; the rules themselves are in the
 * warn_eval_*.c files (warn_eval_int.h says which owns what). It reads
 * only, inside the caller's read transaction.
 *
 * Why streams and not one SQL query per rule: at province scale (6 M
 * payroll rows, 11 M attendance rows) a full pass over payroll costs about
 * 1.2 s in SQLite and a per-row probe join 3-4 s, so fourteen queries, each
 * its own pass, would not fit the 10 s budget; one pass per table, joined
 * in memory month by month, does (docs/warnings.md has the figures).
 *
 * The order: projects -> accounts -> transaction days (balances, latest
 * labour-cost transfer) -> deposits (warn_eval_load.c) -> employments
 * (NO_CONTRACT) -> uncovered attendance (UNREGISTERED, warn_eval_emp.c) ->
 * month by month (warn_eval_ahead.c, warn_eval_month.c): attendance aggregate + wage
 * transfers into a worker map, then payroll rows against it (WAGE_SHORT,
 * NOT_VIA_BANK, BANK_MISMATCH, BELOW_MIN_WAGE, DAYS_MISMATCH, the
 * outstanding wages of BALANCE_LOW, the short part of
 * COMPLETION_UNSETTLED), then the worker map for WAGE_UNPAID -> the state
 * rules per project (warn_eval_state.c) -> the findings as warn_found
 * (warn_eval_emit.c). Money is integer fen; products are compared in 128
 * bits.
 */
#include "domain/warn/warn_eval.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/warn/warn_eval_int.h"
#include "domain/warn/warn_eval_scope.h"
#include "store/warn_store.h"
#include "util/buf.h"

int warn_evaluate(db *d, db *twin, day_t as_of, const warn_params *p, const cal *c,
		  const warn_scope *scope, warn_result *res, char *err, size_t errlen)
{
	ev e;
	mlist months = {NULL, 0};
	int rc = -1, flags = 0, uflags = 0;

	memset(&e, 0, sizeof e);
	memset(res, 0, sizeof *res);
	res->skipped = strmap_new(0);
	e.d = d;
	e.twin = scope->full ? twin : NULL;
	e.D = as_of;
	date_format(as_of, e.Ds);
	e.mD = month_index_day(as_of);
	e.p = p;
	e.c = c;
	e.scope = scope;
	e.res = res;
	e.pmap = strmap_new(sizeof(int));
	e.acct = strmap_new(sizeof(int));
	e.cells = strmap_new(sizeof(cell));
	e.minw = strmap_new(sizeof(mw_list));
	if (scope->full) {
		e.mask = WARN_ALL;
	} else {
		for (size_t i = 0; i < strmap_count(scope->projects); i++)
			e.mask |= *(unsigned *)strmap_at(scope->projects, i, NULL, NULL);
		if (we_set_scope(&e, &uflags) != 0)
			goto out;
		flags = WS_P;
	}
	if (!scope->full && strmap_count(scope->projects) == 0) {
		rc = 0; /* nothing dirty */
		goto out;
	}
	if (warn_store_projects(d, flags, we_on_project, &e) != 0 ||
	    warn_store_accounts(d, flags, we_on_account, &e) != 0 ||
	    warn_store_min_wages(d, we_on_min_wage, &e) != 0)
		goto out;
	res->projects = (long)e.np;
	/* the months first: a full scan's first month then loads on the twin
	 * while the passes below run (warn_eval_ahead.c) */
	if (we_plan_months(&e, flags, &months) != 0 || we_months_begin(&e, flags, &months) != 0)
		goto out;
	if ((e.mask & (WARN_BIT(R_LABOR_COST_LATE) | WARN_BIT(R_BALANCE_LOW))) &&
	    warn_store_txn_days(d, flags, e.Ds, we_on_txn_day, &e) != 0)
		goto out;
	if ((e.mask & WARN_BIT(R_NO_DEPOSIT)) && warn_store_deposits(d, flags, we_on_deposit, &e) != 0)
		goto out;
	if ((e.mask & WARN_BIT(R_NO_CONTRACT)) &&
	    warn_store_employments(d, flags, e.Ds, we_on_employment, &e) != 0)
		goto out;
	if ((e.mask & WARN_BIT(R_UNREGISTERED)) && we_eval_unregistered(&e, scope->full ? 0 : uflags) != 0)
		goto out;
	if (we_months(&e) != 0)
		goto out;
	we_state_rules(&e);
	we_emit_all(&e);
	rc = 0;
out:
	we_months_end(&e);
	if (rc != 0)
		snprintf(err, errlen, "scan failed: %s", db_errmsg(d));
	for (size_t i = 0; i < strmap_count(e.cells); i++)
		we_cell_free(strmap_at(e.cells, i, NULL, NULL));
	for (size_t i = 0; i < strmap_count(e.minw); i++) {
		mw_list *l = strmap_at(e.minw, i, NULL, NULL);
		free(l->from);
		free(l->monthly);
	}
	for (size_t i = 0; i < e.np; i++) {
		proj *q = &e.P[i];
		free(q->code);
		free(q->name);
		free(q->region);
		free(q->street);
		free(q->owner);
		free(q->contractor);
		buf_free(&q->accounts_ev);
		buf_free(&q->deposits_ev);
		buf_free(&q->outstanding_ev);
		buf_free(&q->completion_ev);
	}
	free(e.P);
	free(months.v);
	strmap_free(e.pmap);
	strmap_free(e.acct);
	strmap_free(e.cells);
	strmap_free(e.minw);
	return rc;
}
