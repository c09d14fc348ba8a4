/*
 * api_dash.c - GET /api/v1/dashboard?as_of=: the 驾驶舱 figures of
 * docs/api.md. The figures come from store/stats.c; this file picks the
 * month and shapes the JSON. Every figure is computed within the caller's
 * scope: a street officer's dashboard is that street's.
 */
#include <stdio.h>
#include <string.h>

#include "http/api.h"
#include "http/api_json.h"
#include "store/stats.h"
#include "util/date.h"

/* Wages of month M fall due on the wage day of month M+1 (data-exchange.md;
 * the default wage day, 15, is used district-wide here): the month shown
 * is the latest that is due on as_of - its deadline passed, i.e. is before
 * as_of, as warning-rules.md defines "due" - so that wages still within
 * their payment period never show as unpaid. */
static void due_month(const char *as_of, int *y, int *m)
{
	int d;

	sscanf(as_of, "%d-%d-%d", y, m, &d);
	month_add(y, m, d > 15 ? -1 : -2);
}

int api_dashboard(http_req *r)
{
	char as_of[11], month[8], from[8];
	int y, m;
	stats_dash s;

	if (req_date(r, "as_of", as_of) < 0 || req_params_done(r) < 0)
		return r->status;
	due_month(as_of, &y, &m);
	month_format(y, m, month);
	month_add(&y, &m, -5);
	month_format(y, m, from);
	int rc = stats_dashboard(r->db, kind_find("projects"), kind_find("workers"), as_of, month, from,
				 &r->caller.scope, &s);
	if (rc == -2) /* data of this caller's scope: named, not a 500 */
		return http_error_code(r, 422, "out_of_range", "%s", s.overflow);
	if (rc < 0)
		return http_error(r, 500, "服务器内部错误");

	buf *b = http_json(r, 200);
	buf_fmt(b, "{\"as_of\":%j,\"month\":%j,\"projects\":{\"active\":%lld,\"suspended\":%lld,"
		"\"total\":%lld,\"by_status\":{", as_of, month, (long long)s.projects_active,
		(long long)s.projects_suspended, (long long)s.projects_total);
	for (int i = 0; i < s.by_status.nrows; i++)
		buf_fmt(b, "%s%j:%lld", i ? "," : "", stats_at(&s.by_status, i, 0)->s,
			(long long)stats_at(&s.by_status, i, 1)->i);
	buf_puts(b, "},\"by_street\":");
	api_table_json(b, &s.by_street);
	buf_fmt(b, "},\"workers\":{\"registered\":%lld,\"on_site\":%lld},",
		(long long)s.workers_registered, (long long)s.workers_on_site);
	/* The month's figures are the last row of by_month (one function:
	 * stats_wage_months), zeros when nothing was owed in it. */
	const stats_table *wm = &s.wages_by_month;
	int last = wm->nrows - 1;
	if (last >= 0 && strcmp(stats_at(wm, last, 0)->s ? stats_at(wm, last, 0)->s : "", month))
		last = -1;
#define WCOL(c) (last >= 0 ? stats_at(wm, last, (c))->i : 0)
	buf_fmt(b, "\"wages\":{\"month\":%j,\"due\":\"%m\",\"paid\":\"%m\",\"workers\":%lld,"
		"\"on_payroll\":%lld,\"due_workers\":%lld,\"unpaid_workers\":%lld,\"no_payroll\":%lld,"
		"\"by_month\":", month, WCOL(6), WCOL(7), (long long)WCOL(1), (long long)WCOL(2),
		(long long)WCOL(3), (long long)WCOL(4), (long long)WCOL(5));
#undef WCOL
	api_table_json(b, wm);
	buf_fmt(b, "},\"accounts\":{\"open\":%lld,\"balance\":\"%m\"},"
		"\"deposits\":{\"count\":%lld,\"amount\":\"%m\"},\"warnings\":",
		(long long)s.accounts_open, s.accounts_balance, (long long)s.deposits_count,
		s.deposits_amount);
	api_warn_dash_json(r, b, as_of);
	buf_putc(b, '}');
	stats_dash_free(&s);
	return r->status;
}
