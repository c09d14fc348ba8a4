/*
 * cli_cases.c - `anxin cases overdue [--as-of D] [--format table|csv|json]`:
 * every overdue case of every case type (clues now; inspections and
 * disputes later), most overdue first, through case_overdue - the call of
 * GET /api/v1/cases/overdue. The CSV's first columns are exactly
 * number,type,state,street,deadline,deadline_basis,days_overdue (a
 * contract other tools rely on); state_zh, deadline_zh, opened follow, as
 * in the API's CSV. Reads only.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_case.h"

typedef struct overdue_ctx {
	int fmt;
	long n;
	buf out;
} overdue_ctx;

static void on_overdue(void *ctx, const case_row *r)
{
	overdue_ctx *o = ctx;
	buf *b = &o->out;
	const case_deadline *dl = r->deadline_code ? case_deadline_find(r->type, r->deadline_code) : NULL;
	const char *basis = r->deadline_basis;

	if (o->fmt == CF_CSV) {
		char days[16];
		snprintf(days, sizeof days, "%d", r->days_overdue);
		const char *f[] = {r->number, r->type->code, r->state, r->street, r->deadline, basis, days,
				   cli_case_state_zh(r->type, r->state), dl ? dl->zh : "", r->opened};
		for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
			if (i)
				buf_putc(b, ',');
			buf_csv(b, f[i] ? f[i] : "");
		}
		buf_putc(b, '\n');
	} else if (o->fmt == CF_JSON) {
		buf_fmt(b, "%s{\"number\":%j,\"type\":%j,\"type_zh\":%j,\"state\":%j,\"state_zh\":%j,"
			"\"street\":%j,\"opened\":%j,\"deadline\":%j,\"deadline_code\":%j,\"deadline_zh\":%j,"
			"\"deadline_basis\":%j,\"days_overdue\":%d,\"workdays_left\":%d}",
			o->n ? "," : "", r->number, r->type->code, r->type->zh, r->state,
			cli_case_state_zh(r->type, r->state), r->street, r->opened, r->deadline,
			r->deadline_code, dl ? dl->zh : NULL, r->deadline_basis[0] ? r->deadline_basis : NULL,
			r->days_overdue, r->workdays_left);
	} else {
		buf_fmt(b, "%s  %s  %s  %s  %s %s  逾期 %d 天  %s\n", r->number, r->type->zh,
			cli_case_state_zh(r->type, r->state), r->street[0] ? r->street : "-", dl ? dl->zh : "",
			r->deadline, r->days_overdue, basis);
	}
	o->n++;
}

int cmd_cases(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"as-of", required_argument, NULL, 'o'},
		{"format", required_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *dbopt = NULL, *as_of = NULL, *format = NULL;
	cli_case_run run;
	int c;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': dbopt = optarg; break;
		case 'o': as_of = optarg; break;
		case 'f': format = optarg; break;
		case 'h': return cli_help("cases");
		default: return cli_usage("cases");
		}
	}
	if (optind != argc - 1 || strcmp(argv[optind], "overdue") != 0)
		return cli_usage("cases");
	if (cli_case_init(&run, "cases", NULL, as_of, format, NULL) != 0)
		return CLI_FAIL;
	run.d = cli_open_db(cli_db_path(dbopt), 0);
	if (!run.d)
		return CLI_FAIL;

	overdue_ctx o = {run.fmt, 0, BUF_INIT};
	char err[512] = "";
	if (o.fmt == CF_CSV)
		buf_puts(&o.out, "number,type,state,street,deadline,deadline_basis,days_overdue,"
				 "state_zh,deadline_zh,opened\n");
	else if (o.fmt == CF_TABLE)
		buf_fmt(&o.out, "逾期案件 (overdue cases), 截至 %s (as of)\n", run.scope.today);
	int64_t n = case_overdue(run.d, &run.scope, run.ctx.today, on_overdue, &o, err, sizeof err);
	int rc = CLI_OK;
	if (n < 0) {
		rc = cli_fail("cases", "overdue: %s", err[0] ? err : db_errmsg(run.d));
	} else if (o.fmt == CF_JSON) {
		printf("{\"as_of\":\"%s\",\"total\":%ld,\"items\":[%s]}\n", run.scope.today, o.n,
		       buf_str(&o.out));
	} else {
		if (o.fmt == CF_TABLE)
			buf_fmt(&o.out, "(%ld)\n", o.n);
		fputs(buf_str(&o.out), stdout);
	}
	buf_free(&o.out);
	db_close(run.d);
	return rc;
}
