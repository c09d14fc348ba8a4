/*
 * cli_clues_read.c - the reading half of `anxin clues` (cli_case.h): list,
 * show and stats, in table, CSV or JSON, through the engine's reads
 * (case_list, case_boxes, case_get and its events / parties / files /
 * links, clue_stats_year) - the calls behind GET /api/v1/cases/clue.
 * Personal data (ID numbers, phones) is masked as an export masks it.
 * Prints; changes nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_case.h"
#include "domain/basis/params.h"
#include "domain/cases/clue.h"
#include "http/api_json.h"
#include "util/money.h"

/* ---- list ----------------------------------------------------------------- */

typedef struct list_ctx {
	int fmt;
	long n;
	buf out;
} list_ctx;

/* The CSV columns of `clues list`: the case, then its deadline. */
static const char LIST_CSV_HEAD[] =
	"number,state,street,received_date,channel,employer_name,employer_uscc,project_code,"
	"workers_claimed,amount_claimed,transferred_date,conclusion,workers_resolved,amount_resolved,"
	"deadline,deadline_basis,days_left,workdays_left,days_overdue,returns,merged_into,duplicates\n";

static void on_list_row(void *ctx, const case_row *r)
{
	list_ctx *l = ctx;
	buf *b = &l->out;
	char t[14][32];

	if (l->fmt == CF_JSON) {
		if (l->n)
			buf_putc(b, ',');
		cli_case_row_json(b, r);
	} else if (l->fmt == CF_CSV) {
		char dl[3][16];
		snprintf(dl[0], sizeof dl[0], "%d", r->days_left);
		snprintf(dl[1], sizeof dl[1], "%d", r->workdays_left);
		snprintf(dl[2], sizeof dl[2], "%d", r->days_overdue);
		snprintf(t[13], sizeof t[13], "%d", r->returns);
		const char *f[] = {r->number, r->state, r->street,
				   cli_case_val(r, "received_date", t[0]), cli_case_val(r, "channel", t[1]),
				   cli_case_val(r, "employer_name", t[2]), cli_case_val(r, "employer_uscc", t[3]),
				   cli_case_val(r, "project_code", t[4]), cli_case_val(r, "workers_claimed", t[5]),
				   cli_case_val(r, "amount_claimed", t[6]),
				   cli_case_val(r, "transferred_date", t[7]), cli_case_val(r, "conclusion", t[8]),
				   cli_case_val(r, "workers_resolved", t[9]),
				   cli_case_val(r, "amount_resolved", t[10]), r->deadline,
				   r->deadline_basis, r->deadline[0] ? dl[0] : "",
				   r->deadline[0] ? dl[1] : "", dl[2], t[13], r->merged_into,
				   r->duplicates};
		for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
			if (i)
				buf_putc(b, ',');
			buf_csv(b, f[i] ? f[i] : "");
		}
		buf_putc(b, '\n');
	} else {
		char left[48] = "-";
		if (r->days_overdue > 0)
			snprintf(left, sizeof left, "逾期%d天", r->days_overdue);
		else if (r->deadline[0])
			snprintf(left, sizeof left, "剩%d工作日", r->workdays_left);
		buf_fmt(b, "%s  %s  %s  %s  %s  %s  %s\n", r->number, cli_case_state_zh(r->type, r->state),
			r->street[0] ? r->street : "-", cli_case_val(r, "received_date", t[0]),
			r->deadline[0] ? r->deadline : "-", left, cli_case_val(r, "employer_name", t[1]));
	}
	l->n++;
}

int cli_clues_list(cli_case_run *run, const case_filter *f)
{
	list_ctx l = {run->fmt, 0, BUF_INIT};
	char err[512] = "";
	int64_t total = 0;
	case_box_counts bx;

	if (run->fmt == CF_CSV)
		buf_puts(&l.out, LIST_CSV_HEAD);
	else if (run->fmt == CF_JSON)
		buf_puts(&l.out, "\"items\":[");
	else
		buf_puts(&l.out, "编号  状态  街镇  接收日期  期限  剩余/逾期  被反映单位\n");
	if (case_list(run->d, &case_clue, f, &run->scope, run->ctx.today, &total, on_list_row, &l, err,
		      sizeof err) < 0) {
		buf_free(&l.out);
		return cli_fail("clues", "list: %s", err[0] ? err : db_errmsg(run->d));
	}
	if (run->fmt == CF_JSON) {
		memset(&bx, 0, sizeof bx);
		if (case_boxes(run->d, &case_clue, &run->scope, run->ctx.today, &bx, err, sizeof err) != 0) {
			buf_free(&l.out);
			return cli_fail("clues", "list: %s", err[0] ? err : db_errmsg(run->d));
		}
		printf("{\"total\":%lld,\"boxes\":{\"transfer\":%lld,\"handle\":%lld,\"review\":%lld,"
		       "\"overdue\":%lld,\"open\":%lld,\"closed\":%lld},%s]}\n",
		       (long long)total, (long long)bx.transfer, (long long)bx.handle,
		       (long long)bx.review, (long long)bx.overdue, (long long)bx.open,
		       (long long)bx.closed, buf_str(&l.out));
	} else {
		if (run->fmt == CF_TABLE)
			buf_fmt(&l.out, "(%ld / %lld)\n", l.n, (long long)total);
		fputs(buf_str(&l.out), stdout);
	}
	buf_free(&l.out);
	return CLI_OK;
}

/* ---- show ----------------------------------------------------------------- */

/* A masked copy of a personal value (ID number, phone). */
static const char *masked(field_type t, const char *s, char *out, size_t n)
{
	if (!s || !*s)
		return "";
	kind_mask(t, s, out, n);
	return out;
}

static void on_party(void *ctx, const case_party *p)
{
	buf *b = ctx;
	char id[64], ph[64];
	int has_id = p->id_number && *p->id_number, has_ph = p->phone && *p->phone;

	masked(FT_IDNUM, p->id_number, id, sizeof id);
	masked(FT_PHONE, p->phone, ph, sizeof ph);
	buf_fmt(b, "  %s  %s  %s\n", p->name, has_id ? id : "-", has_ph ? ph : "-");
}

static void on_file(void *ctx, const case_file *f)
{
	buf_fmt(ctx, "  #%lld  %s  %s  %lld 字节 (bytes)  %s  %s\n", (long long)f->id, f->name, f->mime,
		(long long)f->size, f->uploaded_by, f->uploaded_at);
}

static void on_link(void *ctx, const case_link *l)
{
	buf_fmt(ctx, "  %s %s %s  %s\n", l->relation, l->target_type, l->target, l->at);
}

static void on_event(void *ctx, const case_event *e)
{
	buf *b = ctx;

	buf_fmt(b, "  %s  %s  %s (%s)", e->on_date, e->actor, case_action_zh(&case_clue, e->action),
		e->action);
	if (e->from_state && *e->from_state && e->to_state && *e->to_state)
		buf_fmt(b, "  %s -> %s", cli_case_state_zh(&case_clue, e->from_state),
			cli_case_state_zh(&case_clue, e->to_state));
	if (e->reason && *e->reason)
		buf_fmt(b, "  理由 reason: %s", e->reason);
	buf_putc(b, '\n');
}

static void on_action(void *ctx, const case_transition *tr)
{
	buf_fmt(ctx, " %s(%s)", tr->action, tr->zh);
}

/* The text form of one clue (the parts of the case row). */
static void show_text(buf *b, const case_row *r)
{
	char t[8][32], m[2][64];
	int ri = kind_field_index(case_kind(r->type), "reporter_id_number");
	int rp = kind_field_index(case_kind(r->type), "reporter_phone");
	const char *concl = cli_case_val(r, "conclusion", t[5]);
	const case_deadline *dl = r->deadline_code ? case_deadline_find(r->type, r->deadline_code) : NULL;

	buf_fmt(b, "线索 %s  %s (%s)\n", r->number, cli_case_state_zh(r->type, r->state), r->state);
	buf_fmt(b, "接收日期 received:  %s  来源 channel: %s\n", cli_case_val(r, "received_date", t[0]),
		cli_case_val(r, "channel", t[1]));
	buf_fmt(b, "反映人 reporter:    %s  %s  %s\n", cli_case_val(r, "reporter_name", t[2]),
		ri >= 0 && r->vals[ri].present ? masked(FT_IDNUM, r->vals[ri].s, m[0], sizeof m[0]) : "-",
		rp >= 0 && r->vals[rp].present ? masked(FT_PHONE, r->vals[rp].s, m[1], sizeof m[1]) : "-");
	buf_fmt(b, "被反映单位 employer: %s %s\n", cli_case_val(r, "employer_name", t[3]),
		cli_case_val(r, "employer_uscc", t[4]));
	buf_fmt(b, "项目 project:       %s  %s\n", cli_case_val(r, "project_code", t[6]),
		r->site_address ? r->site_address : "");
	buf_fmt(b, "街镇 street:        %s   转办日期 transferred: %s\n", r->street[0] ? r->street : "-",
		cli_case_val(r, "transferred_date", t[7]));
	buf_fmt(b, "反映 claimed:       %s 人, %s 元\n", cli_case_val(r, "workers_claimed", t[0]),
		cli_case_val(r, "amount_claimed", t[1]));
	buf_fmt(b, "描述 description:   %s\n", r->description ? r->description : "");
	if (r->deadline[0]) {
		buf_fmt(b, "期限 deadline:      %s (%s)", r->deadline,
			r->deadline_basis[0] ? r->deadline_basis : dl ? dl->zh : "");
		if (r->days_overdue > 0)
			buf_fmt(b, "  逾期 %d 天 (overdue)\n", r->days_overdue);
		else
			buf_fmt(b, "  剩余 %d 工作日 (working days left)\n", r->workdays_left);
	}
	if (*concl)
		buf_fmt(b, "核处结论 conclusion: %s %s; 解决 %s 人, %s 元; %s\n答复 reply: %s\n", concl,
			clue_conclusion_zh(atoi(concl)) ? clue_conclusion_zh(atoi(concl)) : "",
			cli_case_val(r, "workers_resolved", t[2]), cli_case_val(r, "amount_resolved", t[3]),
			r->paid_by && *r->paid_by && clue_paid_by_zh(r->paid_by) ? clue_paid_by_zh(r->paid_by) : "",
			r->reply ? r->reply : "");
	if (r->returns)
		buf_fmt(b, "退回次数 returns:   %d\n", r->returns);
	if (r->merged_into[0])
		buf_fmt(b, "已合并到 merged into: %s\n", r->merged_into);
	if (r->duplicates && r->duplicates[0])
		buf_fmt(b, "疑似重复 duplicates: %s\n", r->duplicates);
}

int cli_clues_show(cli_case_run *run, const char *number)
{
	case_row r;
	buf out = BUF_INIT, *b = &out;
	int bad = 0;

	memset(&r, 0, sizeof r);
	int found = case_get(run->d, &case_clue, number, &run->scope, run->ctx.today, &r);
	if (found < 0)
		return cli_fail("clues", "show %s: %s", number, db_errmsg(run->d));
	if (found == 0)
		return cli_fail("clues", "show %s: 线索不存在 (no such clue)", number);
	if (run->fmt == CF_JSON) {
		/* the API's own page of the clue, masked */
		bad = api_case_page_json(b, run->d, &r, &run->ctx, 1, 1) != 0;
		buf_putc(b, '\n');
	} else {
		show_text(b, &r);
		buf_puts(b, "涉及人员 workers:\n");
		bad |= case_parties(run->d, &case_clue, number, on_party, b) < 0;
		buf_puts(b, "附件 files:\n");
		bad |= case_files(run->d, &case_clue, number, on_file, b) < 0;
		buf_puts(b, "关联 links:\n");
		bad |= case_links(run->d, &case_clue, number, on_link, b) < 0;
		buf_puts(b, "历史 history:\n");
		bad |= case_events(run->d, &case_clue, number, on_event, b) < 0;
		buf_puts(b, "可办理 actions:");
		case_allowed(&r, &run->ctx, on_action, b);
		buf_putc(b, '\n');
	}
	case_row_free(&r);
	if (bad) {
		buf_free(b);
		return cli_fail("clues", "show %s: %s", number, db_errmsg(run->d));
	}
	fputs(buf_str(b), stdout);
	buf_free(b);
	return CLI_OK;
}

/* ---- stats ---------------------------------------------------------------- */

/* One CSV / table line of the figures: group, key, then the counts. */
static void stats_line(buf *b, int fmt, const char *group, const char *key, const clue_stats_row *s)
{
	char rt[24];

	clue_rate_text(s->pass_rate_bp, rt);
	if (fmt == CF_CSV) {
		buf_csv(b, group);
		buf_putc(b, ',');
		buf_csv(b, key);
		buf_fmt(b, ",%lld,%lld,%lld,%lld,%s,%lld,%m,%lld\n", (long long)s->received,
			(long long)s->resolved, (long long)s->decisions, (long long)s->passes, rt,
			(long long)s->workers, s->amount_fen, (long long)s->overdue);
	} else {
		/* buf_fmt has no widths: the columns are laid out here */
		char line[256], money[32];
		money_format(s->amount_fen, money);
		snprintf(line, sizeof line, "  %-12s %6lld %6lld %6lld %6lld %8s %8lld %14s %6lld\n", key,
			 (long long)s->received, (long long)s->resolved, (long long)s->decisions,
			 (long long)s->passes, rt[0] ? rt : "-", (long long)s->workers, money,
			 (long long)s->overdue);
		buf_puts(b, line);
	}
}

static const char STATS_TABLE_HEAD[] =
	"  范围           接收   办结   审核   通过   通过率%  解决人数   解决金额(元)   逾期\n"
	"  (scope)    received resolved decisions passes rate% workers    amount(yuan) overdue\n";

int cli_clues_stats(cli_case_run *run, int year, const char *street)
{
	clue_stats st;
	char err[512] = "";
	buf b = BUF_INIT;
	clue_stats_row tot;

	memset(&st, 0, sizeof st);
	if (clue_stats_year(run->d, year, street, &run->scope, run->ctx.today, &st, err, sizeof err) != 0)
		return cli_fail("clues", "stats %d: %s", year, err[0] ? err : db_errmsg(run->d));
	clue_stats_total(&st, &tot);
	if (run->fmt == CF_JSON) {
		/* the API's own form of the figures */
		api_clue_stats_json(&b, &st, year, street, run->scope.today);
		buf_putc(&b, '\n');
	} else {
		char key[16];
		if (run->fmt == CF_CSV)
			buf_puts(&b, "group,key,received,resolved,decisions,passes,pass_rate,"
				     "workers_resolved,amount_resolved,overdue\n");
		else
			buf_fmt(&b, "%d 年欠薪线索统计 (clue statistics)%s%s, 截至 %s (as of)\n", year,
				street ? " " : "", street ? street : "", run->scope.today);
		if (run->fmt == CF_TABLE)
			buf_puts(&b, STATS_TABLE_HEAD);
		snprintf(key, sizeof key, "%d", year);
		stats_line(&b, run->fmt, "year", key, &tot);
		if (run->fmt == CF_TABLE)
			buf_fmt(&b, "按月 by month:\n");
		for (int m = 0; m < 12; m++) {
			snprintf(key, sizeof key, "%d-%02d", year, m + 1);
			stats_line(&b, run->fmt, "month", key, &st.month[m]);
		}
		if (run->fmt == CF_TABLE)
			buf_fmt(&b, "按街镇 by street:\n");
		for (int i = 0; i < st.nstreets; i++)
			stats_line(&b, run->fmt, "street", st.street[i].street, &st.street[i]);
		if (run->fmt == CF_TABLE)
			buf_fmt(&b, "按核处结论 by conclusion (办结线索 resolved):\n");
		for (int c = 1; c <= 10; c++) {
			if (run->fmt == CF_CSV)
				buf_fmt(&b, "conclusion,%d,,%lld,,,,,,\n", c, (long long)st.by_conclusion[c]);
			else
				buf_fmt(&b, "  %d %s: %lld\n", c, clue_conclusion_zh(c),
					(long long)st.by_conclusion[c]);
		}
	}
	fputs(buf_str(&b), stdout);
	buf_free(&b);
	return CLI_OK;
}
