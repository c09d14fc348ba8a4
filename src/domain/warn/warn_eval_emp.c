/*
 * warn_eval_emp.c - the rules over employments (real-name registration):
 * NO_CONTRACT (open employments past the grace with no written contract,
 * one state warning per project) and UNREGISTERED (attendance dates in a
 * lookback month that no employment of the worker covers). They read
 * their own streams, before the month loop.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/warn/warn_eval_int.h"
#include "domain/warn/warn_eval_scope.h"
#include "util/buf.h"

/* Stream callback (ctx is the ev): an employment open on D, past the
 * contract grace, with no contract signed by D, is an item of NO_CONTRACT. */
void we_on_employment(void *ctx, const ws_employment *r)
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
	cell *c = we_get_cell(e, R_NO_CONTRACT, pidx, "");
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

/* UNREGISTERED: the (project, month, worker) candidates of the store's
 * uncovered-attendance stream (flags as for the other streams), each
 * checked row by row for the dates no employment covers. Returns 0 or -1
 * on a database error. */
int we_eval_unregistered(ev *e, int flags)
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
			cell *cl = we_get_cell(e, R_UNREGISTERED, c->pidx, c->month);
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
