/*
 * api_case_stats.c - the figures of cases, docs/api.md "Cases and clues":
 *   GET /api/v1/cases/clue/stats?year=&street=&as_of=   a year of clues
 *       (cases.md "Figures": received, resolved, pass rate, workers and
 *       amount resolved, overdue; by month, by street, by conclusion type)
 *   GET /api/v1/cases/overdue?as_of=&format=json|csv    every overdue case
 *       of every type in the caller's scope, most overdue first
 * The numbers are the engine's (clue_stats_year, case_overdue); here they
 * are only written out: a rate as a string with two decimals ("97.13"),
 * money as yuan with two decimals ("26040000.00").
 */
#include <stdio.h>
#include <string.h>

#include "domain/cases/case.h"
#include "domain/cases/clue.h"
#include "http/api.h"
#include "http/api_json.h"
#include "util/date.h"

int api_clue_stats(http_req *r)
{
	case_ctx c;
	audit_actor who;
	clue_stats s;
	int64_t year;
	int y, m, d;
	char err[256] = "", as_of[11];

	const char *street = req_str(r, "street");
	if (api_case_ctx(r, &c, &who, NULL) < 0)
		return r->status;
	date_to_ymd(c.today, &y, &m, &d);
	if (req_int(r, "year", y, 2000, 2100, &year) < 0 || req_params_done(r) < 0)
		return r->status;
	memset(&s, 0, sizeof s);
	if (clue_stats_year(r->db, (int)year, street && *street ? street : NULL, &r->caller.scope,
			    c.today, &s, err, sizeof err) != 0)
		return api_case_error(r, CASE_DBERR, err);
	date_format(c.today, as_of);
	buf *b = http_json(r, 200);
	api_clue_stats_json(b, &s, (int)year, street && *street ? street : NULL, as_of);
	return r->status;
}

/* ---- overdue -------------------------------------------------------------- */

typedef struct od_ctx {
	buf *b;
	int csv, n;
} od_ctx;

static void od_cb(void *ctx, const case_row *row)
{
	od_ctx *c = ctx;
	const case_state *st = case_state_find(row->type, row->state);
	const case_deadline *dl =
		row->deadline_code ? case_deadline_find(row->type, row->deadline_code) : NULL;
	char n[16];

	if (c->csv) {
		snprintf(n, sizeof n, "%d", row->days_overdue);
		const char *cells[] = {row->number, row->type->code, row->state, row->street,
				       row->deadline, row->deadline_basis, n,
				       st ? st->zh : "", dl ? dl->zh : "", row->opened};
		for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++) {
			if (i)
				buf_putc(c->b, ',');
			buf_csv(c->b, cells[i]);
		}
		buf_puts(c->b, "\r\n");
		c->n++;
		return;
	}
	buf_fmt(c->b, "%s{\"number\":%j,\"type\":%j,\"type_zh\":%j,\"state\":%j,\"state_zh\":%j,"
		      "\"street\":%j,\"opened\":%j,\"deadline\":%j,\"deadline_code\":%j,"
		      "\"deadline_zh\":%j,\"deadline_basis\":%j,\"days_overdue\":%d,\"workdays_left\":%d}",
		c->n++ ? "," : "", row->number, row->type->code, row->type->zh, row->state,
		st ? st->zh : row->state, row->street, row->opened, row->deadline, row->deadline_code,
		dl ? dl->zh : NULL, row->deadline_basis, row->days_overdue, row->workdays_left);
}

int api_cases_overdue(http_req *r)
{
	case_ctx c;
	audit_actor who;
	char err[256] = "", as_of[11];
	const char *fmt = req_str(r, "format");

	if (fmt && *fmt && strcmp(fmt, "json") && strcmp(fmt, "csv"))
		return http_error(r, 400, "参数 format：“%s”不是 json 或 csv", fmt);
	if (api_case_ctx(r, &c, &who, NULL) < 0 || req_params_done(r) < 0)
		return r->status;
	int csv = fmt && !strcmp(fmt, "csv");
	date_format(c.today, as_of);
	buf rows = BUF_INIT;
	od_ctx oc = {&rows, csv, 0};
	if (case_overdue(r->db, &r->caller.scope, c.today, od_cb, &oc, err, sizeof err) < 0) {
		buf_free(&rows);
		return api_case_error(r, CASE_DBERR, err);
	}
	buf *b = http_json(r, 200);
	if (csv) {
		char disp[80];
		buf_puts(b, "number,type,state,street,deadline,deadline_basis,days_overdue,state_zh,"
			    "deadline_zh,opened\r\n");
		buf_putn(b, rows.p ? rows.p : "", rows.len);
		r->ctype = "text/csv; charset=utf-8";
		snprintf(disp, sizeof disp, "attachment; filename=\"overdue-%s.csv\"", as_of);
		http_header(r, "Content-Disposition", disp);
	} else {
		buf_fmt(b, "{\"as_of\":%j,\"total\":%d,\"items\":[%S]}", as_of, oc.n, &rows);
	}
	buf_free(&rows);
	return r->status;
}
