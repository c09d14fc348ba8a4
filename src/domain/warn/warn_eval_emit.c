/*
 * warn_eval_emit.c - the findings of an evaluation: cells (rule, project,
 * period) that the rules fill with items and sums, and their emission as
 * warn_found in the warn_result - the level, the summary line and the
 * evidence JSON (which never holds a D-dependent number, so an unchanged
 * finding re-scans as unchanged). Also warn_result_free.
 */
#include "domain/warn/warn_eval.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/warn/warn_eval_int.h"
#include "util/buf.h"
#include "util/money.h"

/* The cell of (rule, project, period), created empty, with one more item
 * counted: the caller appends that item to c->items (the comma is
 * written), or sets c->n itself. */
cell *we_get_cell(ev *e, int rule, int pidx, const char *period)
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

/* Frees a cell's buffers (not the cell: it lives in e->cells). */
void we_cell_free(cell *c)
{
	buf_free(&c->items);
	buf_free(&c->extra);
	buf_free(&c->summary);
}

/* One cell as a warn_found in e->res: level (WAGE_UNPAID red by workers or
 * by the project's unpaid months), summary, and the evidence JSON (rule,
 * project, period, responsible enterprise, the rule's members, items). */
static void emit(ev *e, cell *c, const long *unpaid_months)
{
	const warn_rule *R = &WARN_RULES[c->rule];
	proj *q = &e->P[c->pidx];
	warn_result *res = e->res;
	buf evd = BUF_INIT, sum = BUF_INIT;
	warn_level lv = c->level ? c->level : R->level;
	const char *resp = strcmp(R->responsible, "owner") ? q->contractor : q->owner;
	char s1[48]; /* the cell's sum: "1234.50元", or out of range (we_add) */

	if (c->s1_bad) {
		snprintf(s1, sizeof s1, "超出可计算范围");
	} else {
		money_format(c->s1, s1);
		strcat(s1, "元");
	}

	switch (c->rule) {
	case R_WAGE_UNPAID:
		if (c->n >= e->p->red_workers || unpaid_months[c->pidx] >= e->p->red_months)
			lv = WL_RED;
		/* Says what the sum is: the amount due of the workers who are on
		 * the payroll; the others have no payroll row (no amount). */
		if (c->s2 == 0)
			buf_fmt(&sum, "%s有%ld名农民工出勤但工资未发放,均未列入工资表", c->period, c->n);
		else if (c->s2 == c->n)
			buf_fmt(&sum, "%s有%ld名农民工出勤但工资未发放,工资表应发未发合计%s", c->period,
				c->n, s1);
		else
			buf_fmt(&sum, "%s有%ld名农民工出勤但工资未发放:%lld人未列入工资表,"
				"%lld人工资表应发未发合计%s", c->period, c->n, (long long)(c->n - c->s2),
				(long long)c->s2, s1);
		break;
	case R_WAGE_SHORT:
		buf_fmt(&sum, "%s有%ld名农民工工资未足额发放,差额合计%s", c->period, c->n, s1);
		break;
	case R_NOT_VIA_BANK:
		buf_fmt(&sum, "%s有%ld名农民工工资未通过专用账户代发,合计%s", c->period, c->n, s1);
		break;
	case R_BANK_MISMATCH:
		buf_fmt(&sum, "%s有%ld名农民工工资表实发与银行代发不符,差额合计%s", c->period, c->n, s1);
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
		R->code, R->name, q->code, q->name, q->street, c->period, R->responsible, resp,
		&c->extra, &c->items);
	if (res->n == res->cap) {
		res->cap = res->cap ? res->cap * 2 : 256;
		res->v = xrealloc(res->v, res->cap * sizeof *res->v);
	}
	warn_found *f = &res->v[res->n++];
	f->rule = c->rule;
	f->project = xstrdup(q->code);
	f->period = xstrdup(c->period);
	f->enterprise = xstrdup(resp);
	f->street = xstrdup(q->street);
	f->summary = buf_detach(&sum);
	f->evidence = buf_detach(&evd);
	f->level = lv;
	f->items = c->n;
}

/* Every cell of the evaluation into e->res, after counting each project's
 * WAGE_UNPAID months (the red level). */
void we_emit_all(ev *e)
{
	long *unpaid = xcalloc(e->np + 1, sizeof *unpaid);
	for (size_t i = 0; i < strmap_count(e->cells); i++) {
		cell *cl = strmap_at(e->cells, i, NULL, NULL);
		if (cl->rule == R_WAGE_UNPAID)
			unpaid[cl->pidx]++;
	}
	for (size_t i = 0; i < strmap_count(e->cells); i++)
		emit(e, strmap_at(e->cells, i, NULL, NULL), unpaid);
	free(unpaid);
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
