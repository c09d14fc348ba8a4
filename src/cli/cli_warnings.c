/*
 * cli_warnings.c - the warning centre on the command line:
 *   anxin warnings [--status open|eliminated|all] [--format table|csv|json]
 *                  [--rule R] [--project P] [--level L] [--street S]
 *   anxin warnings show ID [--format text|json]
 *   anxin warnings eliminate ID --reason TEXT [--actor NAME]
 *   anxin warnings assign ID --to NAME [--actor NAME]
 *   anxin warnings escalate ID [--reason TEXT] [--actor NAME]
 * The CSV's first columns are exactly rule,project_code,period,level,status
 * (a contract other tools rely on); more columns follow.
 *
 * It reads through the API's own calls (domain/warn_read.h: the same
 * query, the same order) with the whole district as its scope, and acts
 * through warn_act, as the API does.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "domain/warn/warn_rules.h"
#include "domain/warn/warn_scan.h"
#include "domain/warn/warn_act.h"
#include "domain/warn/warn_read.h"
#include "util/buf.h"

enum { FMT_TABLE, FMT_CSV, FMT_JSON, FMT_TEXT };

typedef struct lctx {
	int fmt;
	long n;
	buf out;
} lctx;

static void on_row(void *ctx, const wq_row *row)
{
	const ws_warning *w = &row->w;
	lctx *l = ctx;
	buf *b = &l->out;
	int r = warn_rule_find(w->rule);
	char id[24], items[24];

	snprintf(id, sizeof id, "%lld", (long long)w->id);
	snprintf(items, sizeof items, "%lld", (long long)w->items);
	if (l->fmt == FMT_CSV) {
		const char *f[] = {w->rule, w->project_code, w->period, w->level, w->status, id,
				   w->street, w->enterprise_uscc, w->enterprise_name, w->project_name,
				   w->raised_on, w->updated_on, w->eliminated_on, w->assignee, items,
				   w->summary};
		for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
			if (i)
				buf_putc(b, ',');
			buf_csv(b, f[i]);
		}
		buf_putc(b, '\n');
	} else if (l->fmt == FMT_JSON) {
		buf_fmt(b, "%s{\"id\":%lld,\"rule\":%j,\"name\":%j,\"project_code\":%j,\"project_name\":%j,"
			"\"period\":%j,\"level\":%j,\"status\":%j,\"street\":%j,\"enterprise_uscc\":%j,"
			"\"enterprise_name\":%j,\"summary\":%j,\"items\":%lld,\"raised_on\":%j,\"updated_on\":%j,"
			"\"eliminated_on\":%j,\"eliminated_how\":%j,\"eliminated_reason\":%j,\"assignee\":%j,"
			"\"escalated_on\":%j,\"evidence\":%s}",
			l->n ? ",\n" : "", (long long)w->id, w->rule, r >= 0 ? WARN_RULES[r].name : "",
			w->project_code, w->project_name, w->period, w->level, w->status, w->street,
			w->enterprise_uscc, w->enterprise_name, w->summary, (long long)w->items, w->raised_on,
			w->updated_on, w->eliminated_on[0] ? w->eliminated_on : NULL,
			w->eliminated_how[0] ? w->eliminated_how : NULL,
			w->eliminated_reason[0] ? w->eliminated_reason : NULL,
			w->assignee[0] ? w->assignee : NULL, w->escalated_on[0] ? w->escalated_on : NULL,
			w->evidence);
	} else {
		buf_fmt(b, "%s  %s  %s  %s  %s  %s  %s  %s\n", id,
			warn_level_zh(warn_level_parse(w->level)), warn_status_zh(w->status), w->rule,
			w->project_code, w->period[0] ? w->period : "-", w->street, w->summary);
	}
	l->n++;
}

static int list(db *d, const wq_filter *f, int fmt)
{
	lctx l = {fmt, 0, BUF_INIT};

	if (fmt == FMT_CSV)
		buf_puts(&l.out, "rule,project_code,period,level,status,id,street,enterprise_uscc,"
				 "enterprise_name,project_name,raised_on,updated_on,eliminated_on,assignee,"
				 "items,summary\n");
	if (fmt == FMT_JSON)
		buf_puts(&l.out, "[");
	if (fmt == FMT_TABLE)
		buf_puts(&l.out, "id  等级  状态  规则  项目  所属期  街镇  摘要\n");
	if (warn_list(d, f, on_row, &l) < 0) {
		buf_free(&l.out);
		return cli_fail("warnings", "%s", db_errmsg(d));
	}
	if (fmt == FMT_JSON)
		buf_puts(&l.out, "]\n");
	if (fmt == FMT_TABLE)
		buf_fmt(&l.out, "(%ld)\n", l.n);
	fputs(buf_str(&l.out), stdout);
	buf_free(&l.out);
	return CLI_OK;
}

static void on_event_text(void *ctx, const ws_event *e)
{
	printf("  %s  %-10s %-12s %s%s%s%s\n", e->on_date, e->event, e->actor, e->level,
	       e->level[0] ? " " : "", e->reason, "");
}

static void on_event_json(void *ctx, const ws_event *e)
{
	buf *b = ctx;
	buf_fmt(b, "%s{\"event\":%j,\"on_date\":%j,\"at\":%j,\"actor\":%j,\"level\":%j,\"reason\":%j}",
		b->len && b->p[b->len - 1] != '[' ? "," : "", e->event, e->on_date, e->at, e->actor,
		e->level[0] ? e->level : NULL, e->reason[0] ? e->reason : NULL);
}

static void on_show(void *ctx, const wq_row *row)
{
	const ws_warning *w = &row->w;
	int *fmt = ctx, r = warn_rule_find(w->rule);
	const warn_rule *R = r >= 0 ? &WARN_RULES[r] : NULL;

	if (*fmt == FMT_JSON) {
		lctx l = {FMT_JSON, 0, BUF_INIT};
		on_row(&l, row);
		l.out.len--; /* drop the closing brace: history follows */
		buf_fmt(&l.out, ",\"legal_basis\":%j,\"legal_text\":%j,\"action\":%j,\"history\":[",
			R ? R->basis : "", R ? R->basis_text : "", R ? R->action : "");
		fputs(buf_str(&l.out), stdout);
		buf_free(&l.out);
		return;
	}
	printf("预警 #%lld  %s  %s  [%s]\n", (long long)w->id, w->rule, R ? R->name : "",
	       warn_level_zh(warn_level_parse(w->level)));
	printf("项目 project:  %s %s (%s)\n", w->project_code, w->project_name, w->street);
	printf("所属期 period: %s\n", w->period[0] ? w->period : "-");
	printf("状态 status:   %s (%s)%s%s\n", warn_status_zh(w->status), w->status,
	       w->assignee[0] ? ", 处置人 " : "", w->assignee);
	printf("责任单位:      %s %s\n", w->enterprise_uscc, w->enterprise_name);
	printf("摘要 summary:  %s\n", w->summary);
	printf("法律依据 basis: %s\n  %s\n", R ? R->basis : "", R ? R->basis_text : "");
	printf("建议措施 action: %s\n", R ? R->action : "");
	printf("证据 evidence: %s\n", w->evidence);
	printf("历史 history:\n");
}

static int parse_id(const char *s, int64_t *id)
{
	char *end;
	long long v = strtoll(s, &end, 10);
	if (!*s || *end || v <= 0)
		return 0;
	*id = v;
	return 1;
}

/* A manual action (消除 / 指派 / 转执法检查) through warn_act, the same
 * path the API takes: the change, its history event and its audit-log row
 * in one transaction, attributed to the CLI actor. */
static int act(db *d, const char *sub, int64_t id, const char *text, const char *actor)
{
	warn_action a = !strcmp(sub, "eliminate") ? WA_ELIMINATE
			: !strcmp(sub, "assign") ? WA_ASSIGN : WA_ESCALATE;
	audit_actor who = {actor, "cli", ""};
	char err[256] = "";

	if (warn_act(d, a, id, text ? text : "", &who, time(NULL), date_today(), err, sizeof err) != WA_OK)
		return cli_fail("warnings", "%s", err[0] ? err : "refused");
	if (a == WA_ELIMINATE)
		printf("#%lld 已消除 eliminated (%s)\n", (long long)id, text);
	else if (a == WA_ASSIGN)
		printf("#%lld 处置中, assigned to %s\n", (long long)id, text);
	else
		printf("#%lld 转执法检查 escalated\n", (long long)id);
	return CLI_OK;
}

int cmd_warnings(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"status", required_argument, NULL, 's'},
		{"format", required_argument, NULL, 'f'},
		{"rule", required_argument, NULL, 'r'},
		{"project", required_argument, NULL, 'p'},
		{"level", required_argument, NULL, 'l'},
		{"street", required_argument, NULL, 'S'},
		{"reason", required_argument, NULL, 'R'},
		{"to", required_argument, NULL, 't'},
		{"actor", required_argument, NULL, 'a'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *dbopt = NULL, *status = "open", *format = NULL, *reason = NULL, *to = NULL,
		   *actor_opt = NULL;
	wq_filter f;
	char actor[128];
	int c, fmt = FMT_TABLE, rc = CLI_OK;
	int64_t id = 0;

	memset(&f, 0, sizeof f);
	f.scope = rec_scope_all();  /* the CLI sees the whole district */
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': dbopt = optarg; break;
		case 's': status = optarg; break;
		case 'f': format = optarg; break;
		case 'r': f.rule = optarg; break;
		case 'p': f.project = optarg; break;
		case 'l': f.level = optarg; break;
		case 'S': f.street = optarg; break;
		case 'R': reason = optarg; break;
		case 't': to = optarg; break;
		case 'a': actor_opt = optarg; break;
		case 'h': return cli_help("warnings");
		default: return cli_usage("warnings");
		}
	}
	const char *sub = optind < argc ? argv[optind] : "list";
	int nargs = argc - optind;
	if (format) {
		fmt = !strcmp(format, "table") ? FMT_TABLE : !strcmp(format, "csv") ? FMT_CSV
		      : !strcmp(format, "json") ? FMT_JSON : !strcmp(format, "text") ? FMT_TEXT : -1;
		if (fmt < 0)
			return cli_fail("warnings", "unknown format '%s' (table, csv, json)", format);
	}
	if (strcmp(status, "open") && strcmp(status, "eliminated") && strcmp(status, "all"))
		return cli_fail("warnings", "--status must be open, eliminated or all");
	if (f.rule && warn_rule_find(f.rule) < 0)
		return cli_fail("warnings", "unknown rule '%s'", f.rule);
	if (f.level && !warn_level_parse(f.level))
		return cli_fail("warnings", "unknown level '%s' (red, orange, yellow)", f.level);
	if (f.level)
		f.level = warn_level_name(warn_level_parse(f.level));
	f.status = !strcmp(status, "all") ? NULL : status;
	if (strcmp(sub, "list") != 0) {
		if (nargs != 2 || !parse_id(argv[optind + 1], &id))
			return cli_usage("warnings");
	} else if (nargs > 1) {
		return cli_usage("warnings");
	}
	db *d = cli_open_db(cli_db_path(dbopt), DB_OPEN_CREATE);
	if (!d)
		return CLI_FAIL;
	cli_actor(actor_opt, actor, sizeof actor);
	if (!strcmp(sub, "list")) {
		rc = list(d, &f, fmt == FMT_TEXT ? FMT_TABLE : fmt);
	} else if (!strcmp(sub, "show")) {
		int sfmt = fmt == FMT_JSON ? FMT_JSON : FMT_TEXT;
		wq_filter one;
		memset(&one, 0, sizeof one);
		one.id = id;
		one.scope = f.scope;
		int64_t found = warn_list(d, &one, on_show, &sfmt);
		if (found <= 0) {
			rc = cli_fail("warnings", found < 0 ? "%s" : "no warning %s",
				      found < 0 ? db_errmsg(d) : argv[optind + 1]);
		} else if (sfmt == FMT_JSON) {
			buf b = BUF_INIT;
			buf_putc(&b, '[');
			warn_history(d, id, on_event_json, &b);
			buf_puts(&b, "]}\n");
			fputs(buf_str(&b) + 1, stdout);
			buf_free(&b);
		} else {
			warn_history(d, id, on_event_text, NULL);
		}
	} else if (!strcmp(sub, "eliminate") || !strcmp(sub, "assign") ||
		   !strcmp(sub, "escalate")) {
		rc = act(d, sub, id, !strcmp(sub, "assign") ? to : reason, actor);
	} else {
		rc = cli_usage("warnings");
	}
	db_close(d);
	return rc;
}
