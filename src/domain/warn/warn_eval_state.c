/*
 * warn_eval_state.c - the state rules, one warning per project without a
 * period: NO_ACCOUNT, LABOR_COST_LATE, BALANCE_LOW, NO_DEPOSIT, NO_BOARD,
 * and the conclusion of COMPLETION_UNSETTLED, from what warn_eval_load.c
 * and the month loop gathered in the proj table. Each builds its summary
 * and evidence members here; NO_CONTRACT, also a state rule, is in
 * warn_eval_emp.c because it reads employments.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/warn/warn_eval_int.h"
#include "domain/warn/warn_eval_scope.h"
#include "util/buf.h"
#include "util/money.h"

static void add_error(warn_result *r, const char *msg)
{
	r->errors = xrealloc(r->errors, (r->nerrors + 1) * sizeof *r->errors);
	r->errors[r->nerrors++] = xstrdup(msg);
}

/* A day as YYYY-MM-DD, "" for NO_DAY. */
static void fmt_day(day_t d, char out[11])
{
	if (d == NO_DAY)
		out[0] = 0;
	else
		date_format(d, out);
}

/* Records that rule was not evaluated for q (res->skipped) and why
 * (res->errors, once per message, at most 20). */
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

/* See warn_eval_int.h: a note (res->errors, once per message, at most 20
 * like skip_cell's) naming the project, the month and the sum. */
void we_overflow_note(ev *e, const proj *q, const char *month, const char *what)
{
	char msg[512];

	snprintf(msg, sizeof msg, "项目%s%s%s: %s合计超出可计算范围,请核对其金额数据 "
		 "(sum out of range: check the amounts of project %s%s%s)", q->code,
		 month && *month ? " " : "", month ? month : "", what, q->code, month && *month ? " " : "",
		 month ? month : "");
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

/* The rules over a project's state on D, after the month loop: NO_ACCOUNT,
 * LABOR_COST_LATE, BALANCE_LOW, NO_DEPOSIT, NO_BOARD, COMPLETION_UNSETTLED.
 * NO_DEPOSIT is skipped (skip_cell) for a project whose deadline falls in
 * a year the calendar does not know. */
void we_state_rules(ev *e)
{
	const warn_params *p = e->p;
	char a[11], b[11], err[256];

	for (size_t i = 0; i < e->np; i++) {
		proj *q = &e->P[i];
		int pidx = (int)i;
		cell *c;

		if (q->active && want(e, R_NO_ACCOUNT, pidx, "") && q->contract + p->account_days < e->D &&
		    q->n_open == 0) {
			c = we_get_cell(e, R_NO_ACCOUNT, pidx, "");
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
				c = we_get_cell(e, R_LABOR_COST_LATE, pidx, "");
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
		/* A sum out of range (noted with its project and month): an
		 * unknown balance decides nothing (the cell is left alone); an
		 * outstanding sum past int64 exceeds any balance there is. */
		if (q->active && q->n_open > 0 && want(e, R_BALANCE_LOW, pidx, "") && q->bad_balance) {
			skip_cell(e, R_BALANCE_LOW, q, "专用账户余额超出可计算范围,未评估 BALANCE_LOW (balance out of range)");
		} else if (q->active && q->n_open > 0 && want(e, R_BALANCE_LOW, pidx, "") && q->bad_outstanding) {
			c = we_get_cell(e, R_BALANCE_LOW, pidx, "");
			buf_puts(&c->items, buf_str(&q->outstanding_ev));
			c->n = q->out_rows;
			buf_fmt(&c->extra, ",\"outstanding\":null,\"balance\":\"%m\",\"gap\":null,\"out_of_range\":true",
				q->balance);
			buf_fmt(&c->summary, "应付未付工资合计超出可计算范围(请核对工资表金额),专用账户余额%m元",
				q->balance);
		} else if (q->active && q->n_open > 0 && want(e, R_BALANCE_LOW, pidx, "") && q->outstanding > 0 &&
		    q->outstanding > q->balance) {
			c = we_get_cell(e, R_BALANCE_LOW, pidx, "");
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
			} else if (q->bad_deposits) {
				skip_cell(e, R_NO_DEPOSIT, q, "有效工资保证金超出可计算范围,未评估 NO_DEPOSIT (deposits out of range)");
			} else if (e->D > dl && (__int128)q->deposits * p->deposit_den <
						(__int128)p->deposit_num * q->amount) {
				char need[48];
				c = we_get_cell(e, R_NO_DEPOSIT, pidx, "");
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
			c = we_get_cell(e, R_NO_BOARD, pidx, "");
			c->n = 0;
			fmt_day(q->start, a);
			fmt_day(q->start + p->board_days, b);
			fmt_day(q->board, err);
			buf_fmt(&c->extra, ",\"start_date\":%j,\"deadline\":%j,\"board_installed_date\":%j", a, b,
				q->board == NO_DAY ? NULL : err);
			buf_fmt(&c->summary, "%s开工,告示牌应于%s前设立,至今未设立", a, b);
		}
		if (q->completed && q->completion_n > 0 && want(e, R_COMPLETION_UNSETTLED, pidx, "")) {
			c = we_get_cell(e, R_COMPLETION_UNSETTLED, pidx, "");
			buf_puts(&c->items, buf_str(&q->completion_ev));
			c->n = q->completion_n;
			fmt_day(q->end, a);
			if (q->bad_completion) {
				buf_fmt(&c->extra, ",\"end_date\":%j,\"owed\":null,\"out_of_range\":true", a);
				buf_fmt(&c->summary, "项目已于%s竣工,尚有%ld个人月工资未结清,欠付合计超出可计算范围", a,
					q->completion_n);
			} else {
				buf_fmt(&c->extra, ",\"end_date\":%j,\"owed\":\"%m\"", a, q->completion_owed);
				buf_fmt(&c->summary, "项目已于%s竣工,尚有%ld个人月工资未结清,已知欠付%m元", a,
					q->completion_n, q->completion_owed);
			}
		}
	}
}
