/*
 * warn_eval_month.c - the wage-month rules. For each month to read
 * (warn_eval_scope.c plans them, warn_eval_ahead.c loads the attendance
 * aggregate and the wage transfers into worker arrays sorted like the
 * payroll stream), each payroll row is merged against them: WAGE_SHORT,
 * NOT_VIA_BANK, BANK_MISMATCH, BELOW_MIN_WAGE, DAYS_MISMATCH, the
 * outstanding wages of BALANCE_LOW and the short part of
 * COMPLETION_UNSETTLED; then the workers who worked and were paid nothing
 * give WAGE_UNPAID and the unpaid part of COMPLETION_UNSETTLED. The
 * project-level conclusions (BALANCE_LOW, COMPLETION_UNSETTLED) are drawn
 * in warn_eval_state.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/warn/warn_eval_int.h"
#include "domain/warn/warn_eval_scope.h"
#include "util/buf.h"
#include "util/money.h"

/* Month mi is due on project q (deadline < D, not before the start month,
 * in the lookback). */
static int month_due(const ev *e, const proj *q, int mi)
{
	return in_lookback(e, mi) && mi >= q->start_month && pay_deadline(mi, q->wage_day) < e->D;
}

/* Paid (w,P,M) as of D: the row's amount_paid when paid_date <= D, else 0. */
static int64_t paid_by(const ev *e, int64_t amount_paid, const char *paid_date)
{
	return paid_date && strcmp(paid_date, e->Ds) <= 0 ? amount_paid : 0;
}

/* Orders (project, worker) as the streams do (SQLite's BINARY collation
 * is byte order, as strcmp). */
static int key_cmp(const ev *e, int pa, const char *wa, int pb, const char *wb)
{
	if (pa != pb)
		return strcmp(e->P[pa].code, e->P[pb].code);
	return strcmp(wa, wb);
}

/* The entry of (pidx, worker) in a sorted month array, advancing *i
 * (callers come in the same order); NULL when absent. */
static wmv *merge_find(const ev *e, wmv *v, size_t n, size_t *i, int pidx, const char *worker)
{
	while (*i < n && key_cmp(e, v[*i].pidx, v[*i].worker, pidx, worker) < 0)
		(*i)++;
	if (*i < n && v[*i].pidx == pidx && !strcmp(v[*i].worker, worker))
		return &v[*i];
	return NULL;
}

typedef struct wsum {
	int64_t sum, n;
	unsigned char bad;
} wsum;

static void on_wage_txn(void *ctx, const ws_txn *t)
{
	wsum *s = ctx;
	we_add(&s->sum, t->amount, &s->bad);
	s->n++;
}

/* One payroll row's owed wages into the project's outstanding (BALANCE_LOW)
 * and the month's; a sum that leaves int64 is noted with the project and
 * month, and BALANCE_LOW then knows the outstanding exceeds any balance. */
static void add_outstanding(ev *e, proj *q, int64_t owed)
{
	if (we_add(&q->outstanding, owed, &q->bad_outstanding))
		we_overflow_note(e, q, e->month_s, "应付未付工资 (outstanding wages)");
	q->out_rows++;
	we_add(&q->month_out, owed, &q->bad_month_out);
}

static void flush_month_out(ev *e, proj *q)
{
	if (q->bad_month_out)
		buf_fmt(&q->outstanding_ev, "%s{\"month\":%j,\"outstanding\":null,\"out_of_range\":true}",
			q->outstanding_ev.len ? "," : "", e->month_s);
	else if (q->month_out > 0)
		buf_fmt(&q->outstanding_ev, "%s{\"month\":%j,\"outstanding\":\"%m\"}",
			q->outstanding_ev.len ? "," : "", e->month_s, q->month_out);
	q->month_out = 0;
	q->bad_month_out = 0;
}

/* A cell's sum s1 += v (we_add), noting the project and month once. */
static void cell_add(ev *e, cell *c, int64_t v)
{
	if (we_add(&c->s1, v, &c->s1_bad))
		we_overflow_note(e, &e->P[c->pidx], c->period, WARN_RULES[c->rule].code);
}

static int64_t abs64(int64_t v)
{
	return v < 0 ? -v : v;
}

/* Month mi counts for COMPLETION_UNSETTLED on project q: completed by D,
 * from its start month to its end month, pay deadline before D (no
 * lookback). */
static int completion_month(const ev *e, const proj *q, int mi)
{
	return q->completed && mi <= month_index_day(q->end) && mi >= q->start_month &&
	       pay_deadline(mi, q->wage_day) < e->D;
}

/* One worker's owed wages of the loop's month, an item of the project's
 * COMPLETION_UNSETTLED (kind "short" or "unpaid"). */
static void completion_add(ev *e, proj *q, const char *worker, const char *kind, int64_t owed)
{
	q->completion_n++;
	if (we_add(&q->completion_owed, owed, &q->bad_completion))
		we_overflow_note(e, q, e->month_s, "竣工欠付工资 (owed at completion)");
	buf_fmt(&q->completion_ev, "%s{\"month\":%j,\"id_number\":%j,\"kind\":\"%s\",\"owed\":\"%m\"}",
		q->completion_ev.len ? "," : "", e->month_s, worker, kind, owed);
}

/* Payroll stream callback: one payroll row of the loop's month, merged with
 * the month's attendance and wage transfers (same order). */
static void on_pay(void *ctx, const ws_pay *r)
{
	ev *e = ctx;
	int mi = e->month, pidx;

	/* rows come by project: a run of one project's rows looks it up once */
	if (e->last_pay < 0 || strcmp(e->P[e->last_pay].code, r->project_code) != 0)
		e->last_pay = proj_find(e, r->project_code);
	if ((pidx = e->last_pay) < 0)
		return;
	proj *q = &e->P[pidx];
	int64_t paid = paid_by(e, r->amount_paid, r->paid_date);
	int due = month_due(e, q, mi);
	const char *M = e->month_s;
	wmv *w = merge_find(e, e->m->att, e->m->natt, &e->iatt, pidx, r->worker_id_number);
	wmv *wg = merge_find(e, e->m->wage, e->m->nwage, &e->iwage, pidx, r->worker_id_number);

	if (w) {
		w->has_pay = 1;
		w->paid = paid;
		w->due = r->amount_due;
	}
	if (due && paid > 0 && paid < r->amount_due && want(e, R_WAGE_SHORT, pidx, M)) {
		cell *c = we_get_cell(e, R_WAGE_SHORT, pidx, M);
		cell_add(e, c, r->amount_due - paid); /* 0 < paid < due: no overflow */
		buf_fmt(&c->items, "{\"id_number\":%j,\"employer_uscc\":%j,\"amount_due\":\"%m\",\"paid\":\"%m\","
			"\"paid_date\":%j,\"short\":\"%m\"}",
			r->worker_id_number, r->employer_uscc, r->amount_due, paid, r->paid_date,
			r->amount_due - paid);
	}
	if (in_lookback(e, mi) && r->amount_paid > 0 && paid > 0 && strcmp(r->channel, "bank") != 0 &&
	    want(e, R_NOT_VIA_BANK, pidx, M)) {
		cell *c = we_get_cell(e, R_NOT_VIA_BANK, pidx, M);
		cell_add(e, c, paid);
		buf_fmt(&c->items, "{\"id_number\":%j,\"employer_uscc\":%j,\"paid\":\"%m\",\"paid_date\":%j,"
			"\"channel\":%j}",
			r->worker_id_number, r->employer_uscc, paid, r->paid_date, r->channel);
	}
	if (due && !strcmp(r->channel, "bank") && paid > 0 && want(e, R_BANK_MISMATCH, pidx, M)) {
		wsum s = {0, 0, 0};
		if (wg && strcmp(wg->wage_last, e->Ds) <= 0) {
			s.sum = wg->wage_sum;
			s.n = wg->wage_n;
		} else if (wg) { /* transfers after D: sum the rows */
			if (warn_store_wage_txns(e->d, q->code, r->worker_id_number, M, e->Ds, on_wage_txn, &s) != 0)
				e->failed = 1;
		}
		if (s.bad) { /* the transfers' sum left int64: far above any paid wage */
			we_overflow_note(e, q, M, "银行代发工资 (wage transfers)");
		} else if (s.sum < paid - e->p->bank_tolerance) {
			cell *c = we_get_cell(e, R_BANK_MISMATCH, pidx, M);
			cell_add(e, c, paid - s.sum); /* 0 <= sum < paid */
			buf_fmt(&c->items, "{\"id_number\":%j,\"employer_uscc\":%j,\"paid\":\"%m\",\"paid_date\":%j,"
				"\"bank_paid\":\"%m\",\"bank_transfers\":%lld,\"difference\":\"%m\"}",
				r->worker_id_number, r->employer_uscc, paid, r->paid_date, s.sum,
				(long long)s.n, paid - s.sum);
		}
	}
	int64_t owed = r->amount_due;
	if (mi <= e->mD && r->amount_due > paid) {
		if (money_sub_checked(&owed, paid)) /* paid < 0 only in a corrupt row */
			add_outstanding(e, q, owed);
		else if (!q->bad_outstanding) {
			q->bad_outstanding = 1;
			we_overflow_note(e, q, M, "应付未付工资 (outstanding wages)");
		}
	}
	if (due && r->days_worked > 0 && want(e, R_BELOW_MIN_WAGE, pidx, M)) {
		int64_t mw = we_min_wage(e, q, mi);
		/* amount_due < days x monthly / 21.75, in integers:
		 * due_fen x 2175 < days_hundredths x monthly_fen */
		if (mw > 0 && (__int128)r->amount_due * e->p->month_days < (__int128)r->days_worked * mw) {
			cell *c = we_get_cell(e, R_BELOW_MIN_WAGE, pidx, M);
			int64_t floor_fen = (int64_t)((__int128)r->days_worked * mw / e->p->month_days);
			char days[24];
			dec2_format(r->days_worked, days);
			buf_fmt(&c->items, "{\"id_number\":%j,\"employer_uscc\":%j,\"days_worked\":%j,"
				"\"amount_due\":\"%m\",\"minimum\":\"%m\",\"monthly_minimum\":\"%m\"}",
				r->worker_id_number, r->employer_uscc, days, r->amount_due, floor_fen, mw);
		}
	}
	if (due && want(e, R_DAYS_MISMATCH, pidx, M)) {
		int64_t att = w && w->has_att ? w->att_days : 0;
		if (abs64(r->days_worked - att * 100) > (int64_t)e->p->mismatch_days * 100) {
			cell *c = we_get_cell(e, R_DAYS_MISMATCH, pidx, M);
			char days[24];
			dec2_format(r->days_worked, days);
			buf_fmt(&c->items, "{\"id_number\":%j,\"employer_uscc\":%j,\"days_worked\":%j,"
				"\"attendance_days\":%lld}",
				r->worker_id_number, r->employer_uscc, days, (long long)att);
		}
	}
	if (completion_month(e, q, mi) && paid > 0 && paid < r->amount_due &&
	    want(e, R_COMPLETION_UNSETTLED, pidx, ""))
		completion_add(e, q, r->worker_id_number, "short", r->amount_due - paid);
}

/* After the month's payroll: workers who worked and were paid nothing. */
static void unpaid_pass(ev *e)
{
	int mi = e->month;
	const char *M = e->month_s;

	for (size_t i = 0; i < e->m->natt; i++) {
		wmv *w = &e->m->att[i];
		if (!w->has_att || (w->has_pay && w->paid > 0))
			continue;
		int pidx = w->pidx;
		const char *worker = w->worker;
		proj *q = &e->P[pidx];
		if (month_due(e, q, mi) && want(e, R_WAGE_UNPAID, pidx, M)) {
			cell *c = we_get_cell(e, R_WAGE_UNPAID, pidx, M);
			cell_add(e, c, w->has_pay ? w->due : 0);
			c->s2 += w->has_pay; /* on the payroll: the summary says how many */
			buf_fmt(&c->items, "{\"id_number\":%j,\"attendance_days\":%lld,\"on_payroll\":%s,"
				"\"amount_due\":\"%m\",\"paid\":\"0.00\"}",
				worker, (long long)w->att_days, w->has_pay ? "true" : "false",
				w->has_pay ? w->due : (int64_t)0);
		}
		if (completion_month(e, q, mi) && want(e, R_COMPLETION_UNSETTLED, pidx, ""))
			completion_add(e, q, worker, "unpaid", w->has_pay ? w->due : (int64_t)0);
	}
}

/*
 * The month loop's body for month (YYYY-MM), whose attendance and wage
 * transfers m holds (we_month_load): the payroll stream against them, the
 * unpaid workers, and each project's outstanding wages of the month into
 * the BALANCE_LOW evidence. Returns 0, or -1 on a database error.
 */
int we_month(ev *e, int flags, const char *month, wmonth *m)
{
	e->month = month_index(month);
	snprintf(e->month_s, sizeof e->month_s, "%s", month);
	e->m = m;
	e->iatt = e->iwage = 0;
	e->last_pay = -1;
	int r = warn_store_payroll_month(e->d, flags, e->month_s, on_pay, e);
	if (r == 0)
		unpaid_pass(e);
	for (size_t j = 0; j < e->np; j++)
		flush_month_out(e, &e->P[j]);
	e->m = NULL;
	return r != 0 || e->failed ? -1 : 0;
}
