/*
 * warn_eval.c - the conditions of the fourteen rules of warning-rules.md
 * (see warn_eval.h), evaluated in C over streams from store/warn_store.c.
 *
 * Why streams and not one SQL query per rule: at province scale (6 M
 * payroll rows, 11 M attendance rows) a full pass over payroll costs about
 * 1.2 s in SQLite and a per-row probe join 3-4 s, so fourteen queries, each
 * its own pass, would not fit the 10 s budget; one pass per table, joined
 * in memory month by month, does (docs/warnings.md has the figures).
 *
 * The order: projects -> accounts -> transaction days (balances, latest
 * labour-cost transfer) -> deposits -> employments (NO_CONTRACT) ->
 * uncovered attendance (UNREGISTERED) -> month by month: attendance
 * aggregate + wage transfers into a worker map, then payroll rows against
 * it (WAGE_SHORT, NOT_VIA_BANK, BANK_MISMATCH, BELOW_MIN_WAGE,
 * DAYS_MISMATCH, the outstanding wages of BALANCE_LOW, the short part of
 * COMPLETION_UNSETTLED), then the worker map for WAGE_UNPAID -> the state
 * rules per project. Money is integer fen; products are compared in 128
 * bits.
 */
#include "domain/warn_eval.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
} proj;

typedef struct cell {
	int rule, pidx;
	char period[8];
	long n;              /* items */
	int64_t s1, s2;      /* rule-specific sums (fen) */
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
	/* the month loop: attendance and wage transfers of the month, sorted
	 * by (project code, worker) like the payroll stream, merged with it */
	wmv *att, *wage;
	size_t natt, nwage, iatt, iwage, capatt, capwage;
	int month, month_due_any;
	char month_s[8];
	int failed;
} ev;

/* ---- small helpers --------------------------------------------------------- */

static int month_index(const char *s)
{
	int y, m;
	return s && month_parse(s, &y, &m) ? y * 12 + m - 1 : -1;
}

static int month_index_day(day_t d)
{
	int y, m, dd;
	date_to_ymd(d, &y, &m, &dd);
	return y * 12 + m - 1;
}

static day_t parse_day(const char *s)
{
	day_t d;
	return s && date_parse_iso(s, &d) ? d : NO_DAY;
}

static void fmt_day(day_t d, char out[11])
{
	if (d == NO_DAY)
		out[0] = 0;
	else
		date_format(d, out);
}

/* Pay deadline of month mi: day wage_day of the next month, clamped. */
static day_t pay_deadline(int mi, int wage_day)
{
	int y = (mi + 1) / 12, m = (mi + 1) % 12 + 1;
	int last = date_days_in_month(y, m);
	return date_from_ymd(y, m, wage_day < last ? wage_day : last);
}

static int in_lookback(const ev *e, int mi)
{
	return mi <= e->mD && mi >= e->mD - e->p->lookback;
}

/* Month mi is due on project q (deadline < D, not before the start month,
 * in the lookback). */
static int month_due(const ev *e, const proj *q, int mi)
{
	return in_lookback(e, mi) && mi >= q->start_month && pay_deadline(mi, q->wage_day) < e->D;
}

static int64_t paid_by(const ev *e, int64_t amount_paid, const char *paid_date)
{
	return paid_date && strcmp(paid_date, e->Ds) <= 0 ? amount_paid : 0;
}

static void add_error(warn_result *r, const char *msg)
{
	r->errors = xrealloc(r->errors, (r->nerrors + 1) * sizeof *r->errors);
	r->errors[r->nerrors++] = xstrdup(msg);
}

static int proj_find(const ev *e, const char *code)
{
	int *i = strmap_get(e->pmap, code, strlen(code));
	return i ? *i : -1;
}

/* Whether the cell is re-evaluated in this scan. */
static int want(const ev *e, int rule, int pidx, const char *period)
{
	return warn_scope_has(e->scope, rule, e->P[pidx].code, period);
}

/* The cell of (rule, project, period), created empty. */
static cell *get_cell(ev *e, int rule, int pidx, const char *period)
{
	char key[64];
	int created, n = snprintf(key, sizeof key, "%c%d\x1f%s", 'A' + rule, pidx, period);
	cell *c = strmap_put(e->cells, key, (size_t)n, &created);

	if (created) {
		c->rule = rule;
		c->pidx = pidx;
		snprintf(c->period, sizeof c->period, "%s", period);
	}
	if (c->n++)
		buf_putc(&c->items, ',');
	return c;
}

/* ---- scope ------------------------------------------------------------------ */

void warn_scope_init(warn_scope *s, int full)
{
	s->full = full;
	s->cells = strmap_new(sizeof(unsigned));
	s->projects = strmap_new(sizeof(unsigned));
}

void warn_scope_add(warn_scope *s, const char *project, const char *month, unsigned mask)
{
	char key[128];
	int n = snprintf(key, sizeof key, "%s\x1f%s", project, month);

	if (n <= 0 || (size_t)n >= sizeof key)
		return;
	*(unsigned *)strmap_put(s->cells, key, (size_t)n, NULL) |= mask;
	*(unsigned *)strmap_put(s->projects, project, strlen(project), NULL) |= mask;
}

void warn_scope_free(warn_scope *s)
{
	strmap_free(s->cells);
	strmap_free(s->projects);
	s->cells = s->projects = NULL;
}

int warn_scope_has(const warn_scope *s, int rule, const char *project, const char *period)
{
	char key[128];
	unsigned m = 0, *v;
	int n;

	if (s->full)
		return 1;
	if (!WARN_RULES[rule].per_month) {
		v = strmap_get(s->projects, project, strlen(project));
		return v && (*v & WARN_BIT(rule));
	}
	n = snprintf(key, sizeof key, "%s\x1f", project);
	if ((v = strmap_get(s->cells, key, (size_t)n)))
		m |= *v;
	n = snprintf(key, sizeof key, "%s\x1f%s", project, period);
	if ((v = strmap_get(s->cells, key, (size_t)n)))
		m |= *v;
	return (m & WARN_BIT(rule)) != 0;
}

/* ---- projects, accounts, money ---------------------------------------------------- */

static void on_project(void *ctx, const ws_project *r)
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

static void on_account(void *ctx, const ws_account *r)
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

static void on_txn_day(void *ctx, const ws_txn_day *r)
{
	ev *e = ctx;
	int *pidx = strmap_get(e->acct, r->account_no, strlen(r->account_no));

	if (!pidx)
		return;
	proj *q = &e->P[*pidx];
	if (!strcmp(r->kind, "labor_cost") || !strcmp(r->kind, "refund") || !strcmp(r->kind, "other_in"))
		q->balance += r->amount;
	else
		q->balance -= r->amount;
	if (!strcmp(r->kind, "labor_cost")) {
		day_t t = parse_day(r->txn_date);
		if (q->last_labor == NO_DAY || t > q->last_labor)
			q->last_labor = t;
	}
}

static void on_deposit(void *ctx, const ws_deposit *r)
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
	if (valid)
		q->deposits += r->amount;
	buf_fmt(&q->deposits_ev, "%s{\"deposit_no\":%j,\"form\":%j,\"amount\":\"%m\",\"deposit_date\":%j,"
		"\"expiry_date\":%j,\"released_date\":%j,\"valid\":%s}",
		q->deposits_ev.len ? "," : "", r->deposit_no, r->form, r->amount, r->deposit_date,
		r->expiry_date, r->released_date, valid ? "true" : "false");
}

/* ---- NO_CONTRACT, UNREGISTERED ------------------------------------------------ */

static void on_employment(void *ctx, const ws_employment *r)
{
	ev *e = ctx;
	int pidx = proj_find(e, r->project_code);

	if (pidx < 0 || !want(e, R_NO_CONTRACT, pidx, ""))
		return;
	day_t entry = parse_day(r->entry_date);
	/* open on D, past the grace, no contract signed by D */
	if (entry > e->D || (r->exit_date && strcmp(r->exit_date, e->Ds) <= 0))
		return;
	if (!(entry + e->p->contract_days < e->D))
		return;
	if (r->contract_signed_date && strcmp(r->contract_signed_date, e->Ds) <= 0)
		return;
	cell *c = get_cell(e, R_NO_CONTRACT, pidx, "");
	char dl[11];
	date_format(entry + e->p->contract_days, dl);
	buf_fmt(&c->items, "{\"id_number\":%j,\"employer_uscc\":%j,\"entry_date\":%j,\"deadline\":%j,"
		"\"contract_signed_date\":%j}",
		r->worker_id_number, r->employer_uscc, r->entry_date, dl, r->contract_signed_date);
}

typedef struct span {
	char entry[11], exit_[11];
} span;

typedef struct unreg {
	ev *e;
	span *s;
	int ns;
	int pidx;
	const char *worker;
	buf dates;
	long n;
} unreg;

static void on_span(void *ctx, const char *entry, const char *exit_)
{
	unreg *u = ctx;
	u->s = xrealloc(u->s, (size_t)(u->ns + 1) * sizeof *u->s);
	snprintf(u->s[u->ns].entry, sizeof u->s[u->ns].entry, "%s", entry);
	snprintf(u->s[u->ns].exit_, sizeof u->s[u->ns].exit_, "%s", exit_ ? exit_ : "");
	u->ns++;
}

static void on_att_date(void *ctx, const char *date)
{
	unreg *u = ctx;
	for (int i = 0; i < u->ns; i++)
		if (strcmp(u->s[i].entry, date) <= 0 && (!u->s[i].exit_[0] || strcmp(date, u->s[i].exit_) <= 0))
			return; /* covered */
	buf_fmt(&u->dates, "%s%j", u->n++ ? "," : "", date);
}

typedef struct cand {
	int pidx;
	char month[8];
	char *worker;
} cand;

typedef struct cands {
	ev *e;
	cand *v;
	size_t n;
} cands;

static void on_uncovered(void *ctx, const ws_att *r)
{
	cands *cs = ctx;
	ev *e = cs->e;
	int pidx = proj_find(e, r->project_code), mi = month_index(r->month);

	if (pidx < 0 || !in_lookback(e, mi) || !want(e, R_UNREGISTERED, pidx, r->month))
		return;
	cs->v = xrealloc(cs->v, (cs->n + 1) * sizeof *cs->v);
	cand *c = &cs->v[cs->n++];
	c->pidx = pidx;
	snprintf(c->month, sizeof c->month, "%s", r->month);
	c->worker = xstrdup(r->worker_id_number);
}

/* Checks each candidate row by row: the dates no employment covers. */
static int eval_unregistered(ev *e, int flags)
{
	cands cs = {e, NULL, 0};
	int rc = warn_store_att_uncovered(e->d, flags, e->Ds, on_uncovered, &cs);

	for (size_t i = 0; i < cs.n && rc == 0; i++) {
		cand *c = &cs.v[i];
		unreg u = {e, NULL, 0, c->pidx, c->worker, BUF_INIT, 0};
		rc = warn_store_emp_spans(e->d, e->P[c->pidx].code, c->worker, on_span, &u);
		if (rc == 0)
			rc = warn_store_att_dates(e->d, e->P[c->pidx].code, c->worker, c->month, e->Ds,
						  on_att_date, &u);
		if (rc == 0 && u.n > 0) {
			cell *cl = get_cell(e, R_UNREGISTERED, c->pidx, c->month);
			cl->s1 += u.n;
			buf_fmt(&cl->items, "{\"id_number\":%j,\"days\":%ld,\"dates\":[%S],\"registered\":%s}",
				c->worker, u.n, &u.dates, u.ns ? "true" : "false");
		}
		free(u.s);
		buf_free(&u.dates);
	}
	for (size_t i = 0; i < cs.n; i++)
		free(cs.v[i].worker);
	free(cs.v);
	return rc;
}

/* ---- minimum wage ----------------------------------------------------------- */

typedef struct mw_list {
	size_t n;
	day_t *from;
	int64_t *monthly;
} mw_list;

static void on_min_wage(void *ctx, const ws_min_wage *r)
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
static int64_t min_wage(ev *e, proj *q, int mi)
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

/* ---- the month loop ---------------------------------------------------------- */

/* Orders (project, worker) as the streams do (SQLite's BINARY collation
 * is byte order, as strcmp). */
static int key_cmp(const ev *e, int pa, const char *wa, int pb, const char *wb)
{
	if (pa != pb)
		return strcmp(e->P[pa].code, e->P[pb].code);
	return strcmp(wa, wb);
}

/* Appends an entry for (project, worker) to a month array. */
static wmv *push(wmv **v, size_t *n, size_t *cap, int pidx, const char *worker)
{
	if (strlen(worker) >= sizeof((*v)->worker))
		return NULL;
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 4096;
		*v = xrealloc(*v, *cap * sizeof **v);
	}
	wmv *w = &(*v)[(*n)++];
	memset(w, 0, sizeof *w);
	w->pidx = pidx;
	strcpy(w->worker, worker);
	return w;
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

static void on_att(void *ctx, const ws_att *r)
{
	ev *e = ctx;
	int pidx = proj_find(e, r->project_code);
	wmv *w;

	if (pidx < 0 || !(w = push(&e->att, &e->natt, &e->capatt, pidx, r->worker_id_number)))
		return;
	w->has_att = 1;
	w->att_days = r->days;
}

static void on_wage(void *ctx, const ws_wage *r)
{
	ev *e = ctx;
	int pidx = proj_find(e, r->project_code);
	wmv *w;

	if (pidx < 0 || !(w = push(&e->wage, &e->nwage, &e->capwage, pidx, r->worker_id_number)))
		return;
	w->has_wage = 1;
	w->wage_sum = r->amount;
	w->wage_n = r->n;
	snprintf(w->wage_last, sizeof w->wage_last, "%s", r->last_date);
}

typedef struct wsum {
	int64_t sum, n;
} wsum;

static void on_wage_txn(void *ctx, const ws_txn *t)
{
	wsum *s = ctx;
	s->sum += t->amount;
	s->n++;
}

static void add_outstanding(ev *e, proj *q, int64_t owed)
{
	q->outstanding += owed;
	q->out_rows++;
	q->month_out += owed;
}

static void flush_month_out(ev *e, proj *q)
{
	if (q->month_out > 0)
		buf_fmt(&q->outstanding_ev, "%s{\"month\":%j,\"outstanding\":\"%m\"}",
			q->outstanding_ev.len ? "," : "", e->month_s, q->month_out);
	q->month_out = 0;
}

static int64_t abs64(int64_t v)
{
	return v < 0 ? -v : v;
}

static void on_pay(void *ctx, const ws_pay *r)
{
	ev *e = ctx;
	int pidx = proj_find(e, r->project_code), mi = e->month;

	if (pidx < 0)
		return;
	proj *q = &e->P[pidx];
	int64_t paid = paid_by(e, r->amount_paid, r->paid_date);
	int due = month_due(e, q, mi);
	const char *M = e->month_s;
	wmv *w = merge_find(e, e->att, e->natt, &e->iatt, pidx, r->worker_id_number);
	wmv *wg = merge_find(e, e->wage, e->nwage, &e->iwage, pidx, r->worker_id_number);

	if (w) {
		w->has_pay = 1;
		w->paid = paid;
		w->due = r->amount_due;
	}
	if (due && paid > 0 && paid < r->amount_due && want(e, R_WAGE_SHORT, pidx, M)) {
		cell *c = get_cell(e, R_WAGE_SHORT, pidx, M);
		c->s1 += r->amount_due - paid;
		buf_fmt(&c->items, "{\"id_number\":%j,\"employer_uscc\":%j,\"amount_due\":\"%m\",\"paid\":\"%m\","
			"\"paid_date\":%j,\"short\":\"%m\"}",
			r->worker_id_number, r->employer_uscc, r->amount_due, paid, r->paid_date,
			r->amount_due - paid);
	}
	if (in_lookback(e, mi) && r->amount_paid > 0 && paid > 0 && strcmp(r->channel, "bank") != 0 &&
	    want(e, R_NOT_VIA_BANK, pidx, M)) {
		cell *c = get_cell(e, R_NOT_VIA_BANK, pidx, M);
		c->s1 += paid;
		buf_fmt(&c->items, "{\"id_number\":%j,\"employer_uscc\":%j,\"paid\":\"%m\",\"paid_date\":%j,"
			"\"channel\":%j}",
			r->worker_id_number, r->employer_uscc, paid, r->paid_date, r->channel);
	}
	if (due && !strcmp(r->channel, "bank") && paid > 0 && want(e, R_BANK_MISMATCH, pidx, M)) {
		wsum s = {0, 0};
		if (wg && strcmp(wg->wage_last, e->Ds) <= 0) {
			s.sum = wg->wage_sum;
			s.n = wg->wage_n;
		} else if (wg) { /* transfers after D: sum the rows */
			if (warn_store_wage_txns(e->d, q->code, r->worker_id_number, M, e->Ds, on_wage_txn, &s) != 0)
				e->failed = 1;
		}
		if (s.sum < paid - e->p->bank_tolerance) {
			cell *c = get_cell(e, R_BANK_MISMATCH, pidx, M);
			c->s1 += paid - s.sum;
			buf_fmt(&c->items, "{\"id_number\":%j,\"employer_uscc\":%j,\"paid\":\"%m\",\"paid_date\":%j,"
				"\"bank_paid\":\"%m\",\"bank_transfers\":%lld,\"difference\":\"%m\"}",
				r->worker_id_number, r->employer_uscc, paid, r->paid_date, s.sum,
				(long long)s.n, paid - s.sum);
		}
	}
	if (mi <= e->mD && r->amount_due > paid)
		add_outstanding(e, q, r->amount_due - paid);
	if (due && r->days_worked > 0 && want(e, R_BELOW_MIN_WAGE, pidx, M)) {
		int64_t mw = min_wage(e, q, mi);
		/* amount_due < days x monthly / 21.75, in integers:
		 * due_fen x 2175 < days_hundredths x monthly_fen */
		if (mw > 0 && (__int128)r->amount_due * e->p->month_days < (__int128)r->days_worked * mw) {
			cell *c = get_cell(e, R_BELOW_MIN_WAGE, pidx, M);
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
			cell *c = get_cell(e, R_DAYS_MISMATCH, pidx, M);
			char days[24];
			dec2_format(r->days_worked, days);
			buf_fmt(&c->items, "{\"id_number\":%j,\"employer_uscc\":%j,\"days_worked\":%j,"
				"\"attendance_days\":%lld}",
				r->worker_id_number, r->employer_uscc, days, (long long)att);
		}
	}
	if (q->completed && mi <= month_index_day(q->end) && mi >= q->start_month &&
	    pay_deadline(mi, q->wage_day) < e->D && paid > 0 && paid < r->amount_due &&
	    want(e, R_COMPLETION_UNSETTLED, pidx, "")) {
		q->completion_n++;
		q->completion_owed += r->amount_due - paid;
		buf_fmt(&q->completion_ev, "%s{\"month\":%j,\"id_number\":%j,\"kind\":\"short\",\"owed\":\"%m\"}",
			q->completion_ev.len ? "," : "", M, r->worker_id_number, r->amount_due - paid);
	}
}

/* After the month's payroll: workers who worked and were paid nothing. */
static void unpaid_pass(ev *e)
{
	int mi = e->month;
	const char *M = e->month_s;

	for (size_t i = 0; i < e->natt; i++) {
		wmv *w = &e->att[i];
		if (!w->has_att || (w->has_pay && w->paid > 0))
			continue;
		int pidx = w->pidx;
		const char *worker = w->worker;
		proj *q = &e->P[pidx];
		if (month_due(e, q, mi) && want(e, R_WAGE_UNPAID, pidx, M)) {
			cell *c = get_cell(e, R_WAGE_UNPAID, pidx, M);
			c->s1 += w->has_pay ? w->due : 0;
			buf_fmt(&c->items, "{\"id_number\":%j,\"attendance_days\":%lld,\"on_payroll\":%s,"
				"\"amount_due\":\"%m\",\"paid\":\"0.00\"}",
				worker, (long long)w->att_days, w->has_pay ? "true" : "false",
				w->has_pay ? w->due : (int64_t)0);
		}
		if (q->completed && mi <= month_index_day(q->end) && mi >= q->start_month &&
		    pay_deadline(mi, q->wage_day) < e->D && want(e, R_COMPLETION_UNSETTLED, pidx, "")) {
			q->completion_n++;
			q->completion_owed += w->has_pay ? w->due : 0;
			buf_fmt(&q->completion_ev, "%s{\"month\":%j,\"id_number\":%j,\"kind\":\"unpaid\","
				"\"owed\":\"%m\"}",
				q->completion_ev.len ? "," : "", M, worker, w->has_pay ? w->due : (int64_t)0);
		}
	}
}

/* ---- state rules ------------------------------------------------------------ */

static void skip_cell(ev *e, int rule, const proj *q, const char *msg)
{
	char key[128];
	int n = snprintf(key, sizeof key, "%s\x1f%s", WARN_RULES[rule].code, q->code);

	if (n > 0 && (size_t)n < sizeof key)
		strmap_put(e->res->skipped, key, (size_t)n, NULL);
	for (size_t i = 0; i < e->res->nerrors; i++)
		if (!strcmp(e->res->errors[i], msg))
			return;
	if (e->res->nerrors < 20)
		add_error(e->res, msg);
}

/* The exact amount num/den x fen as yuan text: 1000000.50 x 1/100 ->
 * "10000.005" (den a power of ten, so the decimal is finite). */
static void ratio_text(int64_t fen, int64_t num, int64_t den, char out[48])
{
	__int128 v = (__int128)fen * num; /* in units of 1/(100 den) yuan */
	int decimals = 2;
	for (int64_t x = den; x > 1; x /= 10)
		decimals++;
	__int128 scale = (__int128)den * 100;
	long long ip = (long long)(v / scale);
	long long fp = (long long)(v % scale);
	char frac[32];
	snprintf(frac, sizeof frac, "%0*lld", decimals, fp);
	for (int i = decimals - 1; i >= 2 && frac[i] == '0'; i--)
		frac[i] = 0;
	snprintf(out, 48, "%lld.%s", ip, frac);
}

static void state_rules(ev *e)
{
	const warn_params *p = e->p;
	char a[11], b[11], err[256];

	for (size_t i = 0; i < e->np; i++) {
		proj *q = &e->P[i];
		int pidx = (int)i;
		cell *c;

		if (q->active && want(e, R_NO_ACCOUNT, pidx, "") && q->contract + p->account_days < e->D &&
		    q->n_open == 0) {
			c = get_cell(e, R_NO_ACCOUNT, pidx, "");
			fmt_day(q->contract, a);
			fmt_day(q->contract + p->account_days, b);
			buf_puts(&c->items, q->accounts_ev.len ? buf_str(&q->accounts_ev) : "");
			c->n = q->accounts_ev.len ? 1 : 0;
			buf_fmt(&c->extra, ",\"contract_date\":%j,\"deadline\":%j", a, b);
			buf_fmt(&c->summary, "施工合同%s签订,开户期限%s已过,无有效农民工工资专用账户", a, b);
		}
		if (q->active && q->n_open > 0 && want(e, R_LABOR_COST_LATE, pidx, "")) {
			day_t L = q->last_labor != NO_DAY ? q->last_labor : q->first_opened;
			if (L != NO_DAY && e->D - L > q->cycle) {
				c = get_cell(e, R_LABOR_COST_LATE, pidx, "");
				c->n = 0;
				c->level = e->D - L > 2 * q->cycle ? WL_ORANGE : WL_YELLOW;
				fmt_day(L, a);
				fmt_day(L + q->cycle, b);
				buf_fmt(&c->extra, ",\"last_labor_cost_date\":%j,\"basis\":%j,\"cycle_days\":%d,"
					"\"deadline\":%j,\"orange_after\":%j",
					q->last_labor != NO_DAY ? a : NULL,
					q->last_labor != NO_DAY ? "labor_cost" : "opened_date", q->cycle, b,
					(fmt_day(L + 2 * q->cycle, err), err));
				buf_fmt(&c->summary, "%s%s后未再拨付人工费用,超过拨付周期%d天",
					q->last_labor != NO_DAY ? "上次人工费用拨付于" : "专用账户开立于", a, q->cycle);
			}
		}
		if (q->active && q->n_open > 0 && want(e, R_BALANCE_LOW, pidx, "") && q->outstanding > 0 &&
		    q->outstanding > q->balance) {
			c = get_cell(e, R_BALANCE_LOW, pidx, "");
			buf_puts(&c->items, buf_str(&q->outstanding_ev));
			c->n = q->out_rows;
			buf_fmt(&c->extra, ",\"outstanding\":\"%m\",\"balance\":\"%m\",\"gap\":\"%m\"",
				q->outstanding, q->balance, q->outstanding - q->balance);
			buf_fmt(&c->summary, "应付未付工资%m元,专用账户余额%m元,缺口%m元", q->outstanding,
				q->balance, q->outstanding - q->balance);
		}
		if (q->active && want(e, R_NO_DEPOSIT, pidx, "")) {
			day_t dl;
			if (cal_add_workdays(e->c, q->contract, p->deposit_workdays, &dl, err, sizeof err) != 0) {
				skip_cell(e, R_NO_DEPOSIT, q, err);
			} else if (e->D > dl && (__int128)q->deposits * p->deposit_den <
						(__int128)p->deposit_num * q->amount) {
				char need[48];
				c = get_cell(e, R_NO_DEPOSIT, pidx, "");
				buf_puts(&c->items, buf_str(&q->deposits_ev));
				c->n = q->deposits_ev.len ? 1 : 0;
				ratio_text(q->amount, p->deposit_num, p->deposit_den, need);
				fmt_day(q->contract, a);
				fmt_day(dl, b);
				buf_fmt(&c->extra, ",\"contract_date\":%j,\"deadline\":%j,\"contract_amount\":\"%m\","
					"\"required\":%j,\"valid_deposits\":\"%m\"",
					a, b, q->amount, need, q->deposits);
				buf_fmt(&c->summary, "应存工资保证金%s元(%s前),有效保证金%m元", need, b, q->deposits);
			}
		}
		if (q->active && want(e, R_NO_BOARD, pidx, "") && q->start + p->board_days < e->D &&
		    (q->board == NO_DAY || q->board > e->D)) {
			c = get_cell(e, R_NO_BOARD, pidx, "");
			c->n = 0;
			fmt_day(q->start, a);
			fmt_day(q->start + p->board_days, b);
			fmt_day(q->board, err);
			buf_fmt(&c->extra, ",\"start_date\":%j,\"deadline\":%j,\"board_installed_date\":%j", a, b,
				q->board == NO_DAY ? NULL : err);
			buf_fmt(&c->summary, "%s开工,告示牌应于%s前设立,至今未设立", a, b);
		}
		if (q->completed && q->completion_n > 0 && want(e, R_COMPLETION_UNSETTLED, pidx, "")) {
			c = get_cell(e, R_COMPLETION_UNSETTLED, pidx, "");
			buf_puts(&c->items, buf_str(&q->completion_ev));
			c->n = q->completion_n;
			fmt_day(q->end, a);
			buf_fmt(&c->extra, ",\"end_date\":%j,\"owed\":\"%m\"", a, q->completion_owed);
			buf_fmt(&c->summary, "项目已于%s竣工,尚有%ld个人月工资未结清,已知欠付%m元", a,
				q->completion_n, q->completion_owed);
		}
	}
}

/* ---- emission --------------------------------------------------------------- */

static void emit(ev *e, cell *c, const long *unpaid_months)
{
	const warn_rule *R = &WARN_RULES[c->rule];
	proj *q = &e->P[c->pidx];
	warn_result *res = e->res;
	buf evd = BUF_INIT, sum = BUF_INIT;
	warn_level lv = c->level ? c->level : R->level;

	switch (c->rule) {
	case R_WAGE_UNPAID:
		if (c->n >= e->p->red_workers || unpaid_months[c->pidx] >= e->p->red_months)
			lv = WL_RED;
		buf_fmt(&sum, "%s有%ld名农民工工资未发放(工资表应发合计%m元)", c->period, c->n, c->s1);
		break;
	case R_WAGE_SHORT:
		buf_fmt(&sum, "%s有%ld名农民工工资未足额发放,差额合计%m元", c->period, c->n, c->s1);
		break;
	case R_NOT_VIA_BANK:
		buf_fmt(&sum, "%s有%ld名农民工工资未通过专用账户代发,合计%m元", c->period, c->n, c->s1);
		break;
	case R_BANK_MISMATCH:
		buf_fmt(&sum, "%s有%ld名农民工工资表实发与银行代发不符,差额合计%m元", c->period, c->n, c->s1);
		break;
	case R_BELOW_MIN_WAGE:
		buf_fmt(&sum, "%s有%ld名农民工应发工资低于最低工资标准", c->period, c->n);
		break;
	case R_DAYS_MISMATCH:
		buf_fmt(&sum, "%s有%ld名农民工工资表出勤天数与考勤相差超过%d天", c->period, c->n,
			e->p->mismatch_days);
		break;
	case R_UNREGISTERED:
		buf_fmt(&sum, "%s有%ld名人员考勤%lld天未实名登记", c->period, c->n, (long long)c->s1);
		break;
	case R_NO_CONTRACT:
		buf_fmt(&sum, "%ld名人员进场超过%d天未签订书面劳动合同", c->n, e->p->contract_days);
		break;
	default:
		buf_puts(&sum, buf_str(&c->summary));
		break;
	}
	if (R->per_month) {
		char dl[11];
		date_format(pay_deadline(month_index(c->period), q->wage_day), dl);
		buf_fmt(&c->extra, ",\"pay_deadline\":%j", dl);
	}
	buf_fmt(&evd, "{\"rule\":%j,\"name\":%j,\"project\":{\"code\":%j,\"name\":%j,\"street\":%j},"
		"\"period\":%j,\"responsible\":{\"role\":%j,\"uscc\":%j}%S,\"items\":[%S]}",
		R->code, R->name, q->code, q->name, q->street, c->period, R->responsible,
		strcmp(R->responsible, "owner") ? q->contractor : q->owner, &c->extra, &c->items);
	if (res->n == res->cap) {
		res->cap = res->cap ? res->cap * 2 : 256;
		res->v = xrealloc(res->v, res->cap * sizeof *res->v);
	}
	warn_found *f = &res->v[res->n++];
	f->rule = c->rule;
	f->project = xstrdup(q->code);
	f->period = xstrdup(c->period);
	f->enterprise = xstrdup(strcmp(R->responsible, "owner") ? q->contractor : q->owner);
	f->street = xstrdup(q->street);
	f->summary = buf_detach(&sum);
	f->evidence = buf_detach(&evd);
	f->level = lv;
	f->items = c->n;
}

/* ---- the evaluation ----------------------------------------------------------- */

#define DUE_RULES                                                                  \
	(WARN_BIT(R_WAGE_UNPAID) | WARN_BIT(R_WAGE_SHORT) | WARN_BIT(R_BANK_MISMATCH) | \
	 WARN_BIT(R_BELOW_MIN_WAGE) | WARN_BIT(R_DAYS_MISMATCH))

typedef struct mlist {
	char (*v)[8];
	size_t n;
} mlist;

static void on_month(void *ctx, const char *month)
{
	mlist *l = ctx;
	l->v = xrealloc(l->v, (l->n + 1) * sizeof *l->v);
	snprintf(l->v[l->n++], 8, "%s", month);
}

static int cmp_month(const void *a, const void *b)
{
	return strcmp(a, b);
}

/*
 * The months the month loop must read. Full scan: every month with data.
 * Incremental: the months of the dirty entries whose rules can fire in
 * them (a due-month rule only before the month of D, NOT_VIA_BANK up to
 * it, both inside the lookback); every month when a project-wide rule
 * that sums all months is in scope (BALANCE_LOW, COMPLETION_UNSETTLED on
 * a completed project) or a dirty entry covers all months.
 */
static int plan_months(ev *e, int flags, mlist *months)
{
	const warn_scope *s = e->scope;
	int all = s->full;

	for (size_t i = 0; i < strmap_count(s->projects) && !all; i++) {
		const char *key;
		size_t len;
		char code[64];
		unsigned m = *(unsigned *)strmap_at(s->projects, i, &key, &len);
		if (len >= sizeof code)
			continue;
		memcpy(code, key, len);
		code[len] = 0;
		int pidx = proj_find(e, code);
		if (m & WARN_BIT(R_BALANCE_LOW))
			all = 1;
		if ((m & WARN_BIT(R_COMPLETION_UNSETTLED)) && pidx >= 0 && e->P[pidx].completed)
			all = 1;
	}
	for (size_t i = 0; i < strmap_count(s->cells) && !all; i++) {
		const char *key;
		size_t len;
		unsigned m = *(unsigned *)strmap_at(s->cells, i, &key, &len);
		const char *sep = memchr(key, '\x1f', len);
		size_t mlen = len - (size_t)(sep + 1 - key);
		char month[8];
		if (mlen == 0) {
			if (m & (DUE_RULES | WARN_BIT(R_NOT_VIA_BANK)))
				all = 1;
			continue;
		}
		if (mlen >= sizeof month)
			continue;
		memcpy(month, sep + 1, mlen);
		month[mlen] = 0;
		int mi = month_index(month);
		if (((m & DUE_RULES) && mi < e->mD && in_lookback(e, mi)) ||
		    ((m & WARN_BIT(R_NOT_VIA_BANK)) && in_lookback(e, mi))) {
			int dup = 0;
			for (size_t j = 0; j < months->n && !dup; j++)
				dup = !strcmp(months->v[j], month);
			if (!dup)
				on_month(months, month);
		}
	}
	if (all) {
		months->n = 0;
		return warn_store_months(e->d, flags & WS_P, on_month, months);
	}
	if (months->n > 1)
		qsort(months->v, months->n, sizeof *months->v, cmp_month);
	return 0;
}

/* Fills the store's scope tables: the projects of the scope, and the
 * months of UNREGISTERED's dirty entries (WS_M only when none is "all
 * months"). Returns the stream flags for UNREGISTERED in *uflags. */
static int set_scope(ev *e, int *uflags)
{
	const warn_scope *s = e->scope;
	const char **pv = NULL, **mv = NULL;
	char (*mbuf)[8] = NULL;
	size_t np = 0, nm = 0;
	int all_months = 0, rc;

	*uflags = WS_P;
	pv = xcalloc(strmap_count(s->projects) + 1, sizeof *pv);
	char **owned = xcalloc(strmap_count(s->projects) + 1, sizeof *owned);
	for (size_t i = 0; i < strmap_count(s->projects); i++) {
		const char *key;
		size_t len;
		strmap_at(s->projects, i, &key, &len);
		owned[np] = xstrndup(key, len);
		pv[np] = owned[np];
		np++;
	}
	mbuf = xcalloc(strmap_count(s->cells) + 1, sizeof *mbuf);
	mv = xcalloc(strmap_count(s->cells) + 1, sizeof *mv);
	for (size_t i = 0; i < strmap_count(s->cells); i++) {
		const char *key;
		size_t len;
		unsigned m = *(unsigned *)strmap_at(s->cells, i, &key, &len);
		const char *sep = memchr(key, '\x1f', len);
		size_t mlen = len - (size_t)(sep + 1 - key);
		if (!(m & WARN_BIT(R_UNREGISTERED)))
			continue;
		if (mlen == 0 || mlen >= 8) {
			all_months = 1;
			continue;
		}
		memcpy(mbuf[nm], sep + 1, mlen);
		mbuf[nm][mlen] = 0;
		mv[nm] = mbuf[nm];
		nm++;
	}
	if (!all_months)
		*uflags |= WS_M;
	rc = warn_store_scope(e->d, pv, np, mv, nm);
	for (size_t i = 0; i < np; i++)
		free(owned[i]);
	free(owned);
	free(pv);
	free(mv);
	free(mbuf);
	return rc;
}

static void cell_free(cell *c)
{
	buf_free(&c->items);
	buf_free(&c->extra);
	buf_free(&c->summary);
}

int warn_evaluate(db *d, day_t as_of, const warn_params *p, const cal *c,
		  const warn_scope *scope, warn_result *res, char *err, size_t errlen)
{
	ev e;
	mlist months = {NULL, 0};
	int rc = -1, flags = 0, uflags = 0;

	memset(&e, 0, sizeof e);
	memset(res, 0, sizeof *res);
	res->skipped = strmap_new(0);
	e.d = d;
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
		if (set_scope(&e, &uflags) != 0)
			goto out;
		flags = WS_P;
	}
	if (!scope->full && strmap_count(scope->projects) == 0) {
		rc = 0; /* nothing dirty */
		goto out;
	}
	if (warn_store_projects(d, flags, on_project, &e) != 0 ||
	    warn_store_accounts(d, flags, on_account, &e) != 0 ||
	    warn_store_min_wages(d, on_min_wage, &e) != 0)
		goto out;
	res->projects = (long)e.np;
	if ((e.mask & (WARN_BIT(R_LABOR_COST_LATE) | WARN_BIT(R_BALANCE_LOW))) &&
	    warn_store_txn_days(d, flags, e.Ds, on_txn_day, &e) != 0)
		goto out;
	if ((e.mask & WARN_BIT(R_NO_DEPOSIT)) && warn_store_deposits(d, flags, on_deposit, &e) != 0)
		goto out;
	if ((e.mask & WARN_BIT(R_NO_CONTRACT)) &&
	    warn_store_employments(d, flags, e.Ds, on_employment, &e) != 0)
		goto out;
	if ((e.mask & WARN_BIT(R_UNREGISTERED)) && eval_unregistered(&e, scope->full ? 0 : uflags) != 0)
		goto out;
	if (plan_months(&e, flags, &months) != 0)
		goto out;
	for (size_t i = 0; i < months.n; i++) {
		e.month = month_index(months.v[i]);
		snprintf(e.month_s, sizeof e.month_s, "%s", months.v[i]);
		if (e.month < 0 || e.month > e.mD)
			continue; /* nothing of a future month matters on D */
		e.natt = e.nwage = e.iatt = e.iwage = 0;
		int r = warn_store_att_month(d, flags, e.month_s, on_att, &e);
		if (r == 0)
			r = warn_store_wage_month(d, flags, e.month_s, on_wage, &e);
		if (r == 0)
			r = warn_store_payroll_month(d, flags, e.month_s, on_pay, &e);
		if (r == 0)
			unpaid_pass(&e);
		for (size_t j = 0; j < e.np; j++)
			flush_month_out(&e, &e.P[j]);
		if (r != 0 || e.failed)
			goto out;
	}
	state_rules(&e);

	long *unpaid = xcalloc(e.np + 1, sizeof *unpaid);
	for (size_t i = 0; i < strmap_count(e.cells); i++) {
		cell *cl = strmap_at(e.cells, i, NULL, NULL);
		if (cl->rule == R_WAGE_UNPAID)
			unpaid[cl->pidx]++;
	}
	for (size_t i = 0; i < strmap_count(e.cells); i++)
		emit(&e, strmap_at(e.cells, i, NULL, NULL), unpaid);
	free(unpaid);
	rc = 0;
out:
	if (rc != 0)
		snprintf(err, errlen, "scan failed: %s", db_errmsg(d));
	for (size_t i = 0; i < strmap_count(e.cells); i++)
		cell_free(strmap_at(e.cells, i, NULL, NULL));
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
	free(e.att);
	free(e.wage);
	return rc;
}

void warn_result_free(warn_result *res)
{
	for (size_t i = 0; i < res->n; i++) {
		warn_found *f = &res->v[i];
		free(f->project);
		free(f->period);
		free(f->enterprise);
		free(f->street);
		free(f->summary);
		free(f->evidence);
	}
	free(res->v);
	for (size_t i = 0; i < res->nerrors; i++)
		free(res->errors[i]);
	free(res->errors);
	strmap_free(res->skipped);
	memset(res, 0, sizeof *res);
}
