/*
 * warn_eval_load.c - the data the rules read per project, before any rule
 * runs: the projects (dates, active / completed on D), their accounts
 * (open on D), the balance and latest labour-cost day from the transaction
 * days, the deposits valid on D, and the minimum wages by region with the
 * look-up BELOW_MIN_WAGE uses. Callbacks of the store's streams (ctx is
 * the ev); they fill the proj table and decide no rule.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/warn/warn_eval_int.h"
#include "util/buf.h"
#include "util/money.h"

/* Stream callback: a project into e->P, with its dates and whether it is
 * active / completed on D. A code seen twice keeps the first row. */
void we_on_project(void *ctx, const ws_project *r)
{
	ev *e = ctx;
	int created;
	int *idx = strmap_put(e->pmap, r->code, strlen(r->code), &created);

	if (!created)
		return;
	if (e->np == e->capp) {
		e->capp = e->capp ? e->capp * 2 : 256;
		e->P = xrealloc(e->P, e->capp * sizeof *e->P);
	}
	*idx = (int)e->np;
	proj *q = &e->P[e->np++];
	memset(q, 0, sizeof *q);
	q->code = xstrdup(r->code);
	q->name = xstrdup(r->name);
	q->region = xstrdup(r->region_code);
	q->street = xstrdup(r->street);
	q->owner = xstrdup(r->owner_uscc);
	q->contractor = xstrdup(r->contractor_uscc);
	q->amount = r->contract_amount;
	q->contract = parse_day(r->contract_date);
	q->start = parse_day(r->start_date);
	q->end = parse_day(r->end_date);
	q->board = parse_day(r->board_installed_date);
	q->cycle = r->cycle;
	q->wage_day = r->wage_day;
	q->start_month = q->start == NO_DAY ? 0 : month_index_day(q->start);
	q->first_opened = q->last_labor = NO_DAY;
	q->minw_month = -1;
	/* active on D: active or suspended, started, not ended */
	q->active = (!strcmp(r->status, "active") || !strcmp(r->status, "suspended")) &&
		    q->start <= e->D && (q->end == NO_DAY || q->end > e->D);
	q->completed = q->end != NO_DAY && q->end <= e->D;
}

/* Stream callback: an account of a loaded project: open on D, earliest
 * opening, the NO_ACCOUNT evidence; remembered for its transactions. */
void we_on_account(void *ctx, const ws_account *r)
{
	ev *e = ctx;
	int pidx = proj_find(e, r->project_code);

	if (pidx < 0)
		return;
	*(int *)strmap_put(e->acct, r->account_no, strlen(r->account_no), NULL) = pidx;
	proj *q = &e->P[pidx];
	day_t o = parse_day(r->opened_date), c = parse_day(r->closed_date);
	if (o <= e->D && (c == NO_DAY || c > e->D))
		q->n_open++;
	if (o <= e->D && (q->first_opened == NO_DAY || o < q->first_opened))
		q->first_opened = o;
	buf_fmt(&q->accounts_ev, "%s{\"account_no\":%j,\"opened_date\":%j,\"closed_date\":%j}",
		q->accounts_ev.len ? "," : "", r->account_no, r->opened_date, r->closed_date);
}

/* Stream callback: one account's transactions of one day and kind (dated
 * <= D): the balance and the latest labour-cost day of its project. */
void we_on_txn_day(void *ctx, const ws_txn_day *r)
{
	ev *e = ctx;
	int *pidx = strmap_get(e->acct, r->account_no, strlen(r->account_no));

	if (!pidx)
		return;
	proj *q = &e->P[*pidx];
	int in = !strcmp(r->kind, "labor_cost") || !strcmp(r->kind, "refund") || !strcmp(r->kind, "other_in");
	int ok = in ? money_add_checked(&q->balance, r->amount) : money_sub_checked(&q->balance, r->amount);
	if (!ok && !q->bad_balance) {
		q->bad_balance = 1;
		we_overflow_note(e, q, NULL, "专用账户余额 (balance)");
	}
	if (!strcmp(r->kind, "labor_cost")) {
		day_t t = parse_day(r->txn_date);
		if (q->last_labor == NO_DAY || t > q->last_labor)
			q->last_labor = t;
	}
}

/* Stream callback: a deposit: its amount counts when valid on D; every
 * deposit goes into the NO_DEPOSIT evidence. */
void we_on_deposit(void *ctx, const ws_deposit *r)
{
	ev *e = ctx;
	int pidx = proj_find(e, r->project_code);

	if (pidx < 0)
		return;
	proj *q = &e->P[pidx];
	/* valid on D: deposited by D, not released by D, not expired before D */
	int valid = strcmp(r->deposit_date, e->Ds) <= 0 &&
		    (!r->released_date || strcmp(r->released_date, e->Ds) > 0) &&
		    (!r->expiry_date || strcmp(r->expiry_date, e->Ds) >= 0);
	if (valid && we_add(&q->deposits, r->amount, &q->bad_deposits))
		we_overflow_note(e, q, NULL, "有效工资保证金 (valid deposits)");
	buf_fmt(&q->deposits_ev, "%s{\"deposit_no\":%j,\"form\":%j,\"amount\":\"%m\",\"deposit_date\":%j,"
		"\"expiry_date\":%j,\"released_date\":%j,\"valid\":%s}",
		q->deposits_ev.len ? "," : "", r->deposit_no, r->form, r->amount, r->deposit_date,
		r->expiry_date, r->released_date, valid ? "true" : "false");
}

/* Stream callback: one minimum-wage row into e->minw, by region. */
void we_on_min_wage(void *ctx, const ws_min_wage *r)
{
	ev *e = ctx;
	mw_list *l = strmap_put(e->minw, r->region_code, strlen(r->region_code), NULL);

	l->from = xrealloc(l->from, (l->n + 1) * sizeof *l->from);
	l->monthly = xrealloc(l->monthly, (l->n + 1) * sizeof *l->monthly);
	l->from[l->n] = parse_day(r->effective_from);
	l->monthly[l->n++] = r->monthly;
}

/* The monthly minimum wage (fen) in force on the 1st of month mi for the
 * project's region, falling back to its prefecture, then its province
 * (120116 -> 120100 -> 120000); 0 when none is known. */
int64_t we_min_wage(ev *e, proj *q, int mi)
{
	if (q->minw_month == mi)
		return q->minw;
	day_t first = date_from_ymd(mi / 12, mi % 12 + 1, 1);
	char regions[3][8];
	int64_t found = 0;

	snprintf(regions[0], sizeof regions[0], "%.6s", q->region);
	snprintf(regions[1], sizeof regions[1], "%.4s00", q->region);
	snprintf(regions[2], sizeof regions[2], "%.2s0000", q->region);
	for (int i = 0; i < 3 && !found; i++) {
		mw_list *l = strmap_get(e->minw, regions[i], strlen(regions[i]));
		day_t best = NO_DAY;
		for (size_t j = 0; l && j < l->n; j++)
			if (l->from[j] <= first && (best == NO_DAY || l->from[j] > best)) {
				best = l->from[j];
				found = l->monthly[j];
			}
	}
	q->minw_month = mi;
	q->minw = found;
	return found;
}
