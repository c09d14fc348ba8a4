/*
 * cli_clues.c - `anxin clues`: the wage-arrears clues (欠薪线索) on the
 * command line, the same engine calls as the API's (domain/cases/):
 *   add        clue_create    (an officer's intake)
 *   transfer accept conclude review merge
 *              case_act       (the state machine; the CLI is its operator:
 *                              no role check, every state check kept)
 *   attach     case_attach    (a PDF, JPEG or PNG, judged by content)
 *   list show stats           cli_clues_read.c
 * Every change is audited as cli:USER (--actor NAME: cli:NAME), judged on
 * --as-of (default today) and, with --request-id K, done at most once for K.
 * This file parses the options and reports; it decides nothing.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "cli/cli_case.h"
#include "domain/cases/clue.h"
#include "store/file_store.h"

#define MAX_ATTACH CASE_FILES_MAX

/* Everything the options of `anxin clues` can say. */
typedef struct clue_opts {
	const char *db, *actor, *as_of, *format, *request_id;
	clue_intake in;
	case_args a;
	case_filter f;
	const char *year, *into, *name;
	int pass, ret;
	const char *attach[MAX_ATTACH];
	int nattach;
} clue_opts;

/* The base name of a path (the attachment's name when --name is not given). */
static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

/* --worker NAME,ID,PHONE (ID and PHONE may be empty or left out). */
static int add_worker(clue_opts *o, char *spec)
{
	if (o->in.nworkers >= CLUE_MAX_WORKERS)
		return cli_fail("clues", "--worker 最多 %d 个 (too many workers)", CLUE_MAX_WORKERS);
	char *id = strchr(spec, ','), *phone = NULL;
	if (id) {
		*id++ = '\0';
		phone = strchr(id, ',');
		if (phone)
			*phone++ = '\0';
	}
	if (!*spec)
		return cli_fail("clues", "--worker 须为 姓名,身份号码,电话 (NAME,ID,PHONE: the name is missing)");
	o->in.workers[o->in.nworkers].name = spec;
	o->in.workers[o->in.nworkers].id_number = id;
	o->in.workers[o->in.nworkers].phone = phone;
	o->in.nworkers++;
	return CLI_OK;
}

/* A non-negative integer option, or -1. */
static int64_t parse_count(const char *s)
{
	char *end;
	long long v;

	if (!s || !*s)
		return -1;
	v = strtoll(s, &end, 10);
	return *end || v < 0 ? -1 : v;
}

/* The engine's error for number: "anxin clues: ACTION NUMBER: why". */
static int engine_fail(const char *action, const char *number, case_rc rc, const char *err)
{
	static const char *const what[] = {"", "无效 (invalid)", "线索不存在 (no such clue)",
					   "当前状态不允许 (not allowed in this state)",
					   "无权 (not allowed)", "超出限制 (too large)",
					   "数据库错误 (database error)"};
	return cli_fail("clues", "%s%s%s: %s", action, number[0] ? " " : "", number,
			err && err[0] ? err : rc < (int)(sizeof what / sizeof what[0]) ? what[rc] : "refused");
}

/* `clues add`: clue_create with the intake of the options. */
static int do_add(cli_case_run *run, clue_opts *o)
{
	clue_created out;
	char err[512] = "";

	memset(&out, 0, sizeof out);
	case_rc rc = clue_create(run->d, &o->in, &run->ctx, &out, err, sizeof err);
	if (rc != CASE_OK)
		return engine_fail("add", "", rc, err);
	if (run->fmt == CF_JSON) {
		buf b = BUF_INIT;
		buf_fmt(&b, "{\"number\":%j,\"street\":%j,\"matched_uscc\":%j,\"matched_project\":%j,"
			"\"duplicates\":[", out.number, out.street[0] ? out.street : NULL,
			out.matched_uscc[0] ? out.matched_uscc : NULL,
			out.matched_project[0] ? out.matched_project : NULL);
		int n = 0;
		for (char *s = out.duplicates, *w; (w = strtok_r(s, " ", &s)) != NULL;)
			buf_fmt(&b, "%s%j", n++ ? "," : "", w);
		buf_fmt(&b, "],\"deadline\":%j}\n", out.deadline[0] ? out.deadline : NULL);
		fputs(buf_str(&b), stdout);
		buf_free(&b);
		return CLI_OK;
	}
	printf("%s 已接收 (received)", out.number);
	if (out.street[0])
		printf(", 拟转办 %s (proposed street)", out.street);
	if (out.deadline[0])
		printf(", 转办期限 %s (transfer by)", out.deadline);
	putchar('\n');
	if (out.matched_uscc[0])
		printf("  匹配企业 matched enterprise: %s\n", out.matched_uscc);
	if (out.matched_project[0])
		printf("  匹配项目 matched project: %s\n", out.matched_project);
	if (out.duplicates[0])
		printf("  疑似重复 possible duplicates: %s\n", out.duplicates);
	return CLI_OK;
}

/* Checks before a conclusion that each --attach file can be attached at
 * all (readable, not empty, within the size limit, a PDF/JPEG/PNG by its
 * content), so that a bad file refuses the conclusion instead of following
 * it. The engine checks again when it attaches. */
static int check_attachments(const clue_opts *o)
{
	for (int i = 0; i < o->nattach; i++) {
		unsigned char head[16];
		struct stat st;
		FILE *f = fopen(o->attach[i], "rb");
		if (!f || fstat(fileno(f), &st) != 0) {
			if (f)
				fclose(f);
			return cli_fail("clues", "--attach %s: 无法读取 (cannot read)", o->attach[i]);
		}
		size_t n = fread(head, 1, sizeof head, f);
		fclose(f);
		if (st.st_size > CASE_FILE_MAX)
			return cli_fail("clues", "--attach %s: 超过 %d MiB (too large)", o->attach[i],
					CASE_FILE_MAX / (1024 * 1024));
		if (!file_store_sniff(head, n))
			return cli_fail("clues", "--attach %s: 不是 PDF、JPEG 或 PNG 文件 (not a PDF, JPEG or PNG by its content)",
					o->attach[i]);
	}
	return CLI_OK;
}

/* case_attach of one file, with its report: a line on standard output,
 * or with json set an item {"id","name"} appended to it. */
static int attach_one(cli_case_run *run, const char *number, const char *path, const char *name,
		      buf *json)
{
	char err[512] = "";
	int64_t id = 0;
	const char *nm = name ? name : base_name(path);
	case_rc rc = case_attach(run->d, &case_clue, number, path, nm, &run->ctx, &id, err, sizeof err);

	if (rc != CASE_OK)
		return engine_fail("attach", number, rc, err);
	if (json)
		buf_fmt(json, "%s{\"id\":%lld,\"name\":%j}",
			json->len && json->p[json->len - 1] != '[' ? "," : "", (long long)id, nm);
	else
		printf("%s 附件 #%lld %s 已上传 (attached)\n", number, (long long)id, nm);
	return CLI_OK;
}

/* A transition through case_act; conclude attaches its --attach files
 * after the conclusion is in (not again on a replay). JSON: the API's
 * answer {"number","from","to","deadline","replayed"} plus "files". */
static int do_act(cli_case_run *run, clue_opts *o, const char *action, const char *number)
{
	case_outcome out;
	char err[512] = "";
	buf files = BUF_INIT;
	int rc = CLI_OK;

	if (!strcmp(action, "conclude") && check_attachments(o) != CLI_OK)
		return CLI_FAIL;
	memset(&out, 0, sizeof out);
	case_rc crc = case_act(run->d, &case_clue, number, action, &o->a, &run->ctx, &out, err, sizeof err);
	if (crc != CASE_OK)
		return engine_fail(action, number, crc, err);
	const case_transition *tr = case_trans_find(&case_clue, action);
	if (run->fmt != CF_JSON) {
		printf("%s %s: %s -> %s (%s -> %s)", number, tr ? tr->zh : action,
		       cli_case_state_zh(&case_clue, out.from), cli_case_state_zh(&case_clue, out.to),
		       out.from, out.to);
		if (out.deadline[0])
			printf(", 期限 %s (deadline)", out.deadline);
		if (out.replayed)
			printf(" [重复请求, 未再次办理 (replayed: nothing changed)]");
		putchar('\n');
	}
	buf_putc(&files, '[');
	for (int i = 0; !out.replayed && i < o->nattach && rc == CLI_OK; i++)
		rc = attach_one(run, number, o->attach[i], NULL, run->fmt == CF_JSON ? &files : NULL);
	buf_putc(&files, ']');
	if (run->fmt == CF_JSON) {
		buf b = BUF_INIT;
		buf_fmt(&b, "{\"number\":%j,\"from\":%j,\"to\":%j,\"deadline\":%j,\"replayed\":%s,"
			"\"files\":%S}\n", number, out.from, out.to, out.deadline[0] ? out.deadline : NULL,
			out.replayed ? "true" : "false", &files);
		fputs(buf_str(&b), stdout);
		buf_free(&b);
	}
	buf_free(&files);
	return rc;
}

/* The list filter's values, checked at the edge: a box or state that does
 * not exist is an error, not an empty list. */
static int check_filter(const case_filter *f)
{
	static const char *const boxes[] = {"transfer", "handle", "review", "overdue", "open", "closed",
					    "all"};
	day_t day;
	size_t i;

	if (f->box) {
		for (i = 0; i < sizeof boxes / sizeof boxes[0] && strcmp(f->box, boxes[i]); i++)
			;
		if (i == sizeof boxes / sizeof boxes[0])
			return cli_fail("clues", "--box 只能是 transfer、handle、review、overdue、open、closed 或 all (unknown box '%s')",
					f->box);
	}
	if (f->state && !case_state_find(&case_clue, f->state))
		return cli_fail("clues", "--state: 没有状态 '%s' (unknown state; received transferred handling submitted passed returned merged)",
				f->state);
	if (f->from && !date_parse_iso(f->from, &day))
		return cli_fail("clues", "--from 须为 YYYY-MM-DD 格式的日期 (bad date '%s')", f->from);
	if (f->to && !date_parse_iso(f->to, &day))
		return cli_fail("clues", "--to 须为 YYYY-MM-DD 格式的日期 (bad date '%s')", f->to);
	return CLI_OK;
}

/* Which options each subcommand requires, checked before the database
 * is opened: "what is missing, for which subcommand". */
static int check_needs(const char *sub, clue_opts *o, int nargs)
{
	int wants_number = strcmp(sub, "add") && strcmp(sub, "list") && strcmp(sub, "stats");
	int want = !wants_number ? 1 : !strcmp(sub, "attach") ? 3 : 2;

	if (nargs != want)
		return cli_usage("clues");
	if (!strcmp(sub, "transfer") && !o->a.street)
		return cli_fail("clues", "transfer 需要 --street 街镇 (transfer needs --street)");
	if (!strcmp(sub, "review")) {
		if (o->pass == o->ret)
			return cli_fail("clues", "review 需要 --pass 或 --return 之一 (review needs --pass or --return)");
		if (o->ret && (!o->a.reason || !*o->a.reason))
			return cli_fail("clues", "退回须填写理由 --reason (--return needs --reason TEXT)");
	}
	if (!strcmp(sub, "merge") && !o->into)
		return cli_fail("clues", "merge 需要 --into 线索编号 (merge needs --into NUMBER)");
	if (!strcmp(sub, "conclude")) {
		static const char *const need[] = {"--conclusion", "--workers-resolved",
						   "--amount-resolved", "--paid-by", "--reply"};
		const char *have[] = {o->a.conclusion, o->a.workers_resolved, o->a.amount_resolved,
				      o->a.paid_by, o->a.reply};
		for (int i = 0; i < 5; i++)
			if (!have[i])
				return cli_fail("clues", "conclude 需要 %s (conclude needs %s)", need[i], need[i]);
	}
	if (o->nattach && strcmp(sub, "conclude"))
		return cli_fail("clues", "--attach 只用于 conclude; 其他情况用 clues attach NUMBER FILE (--attach is for conclude)");
	if (!strcmp(sub, "stats") && !o->year)
		return cli_fail("clues", "stats 需要 --year 年份 (stats needs --year YYYY)");
	return check_filter(&o->f);
}

/* The long options of `anxin clues`; the values of the switch below. */
enum {
	O_DB = 256, O_ACTOR, O_ASOF, O_FORMAT, O_REQID, O_HELP,
	O_CHANNEL, O_RECEIVED, O_RNAME, O_RID, O_RPHONE, O_ENAME, O_EUSCC, O_PCODE, O_PNAME,
	O_SITE, O_STREET, O_WCLAIM, O_ACLAIM, O_DESC, O_WORKER,
	O_REASON, O_CONCL, O_WRES, O_ARES, O_PAIDBY, O_REPLY, O_ATTACH, O_PASS, O_RETURN, O_INTO,
	O_NAME, O_BOX, O_STATE, O_Q, O_FROM, O_TO, O_LIMIT, O_OFFSET, O_YEAR,
};

static const struct option clue_long_opts[] = {
	{"db", required_argument, NULL, O_DB},
	{"actor", required_argument, NULL, O_ACTOR},
	{"as-of", required_argument, NULL, O_ASOF},
	{"format", required_argument, NULL, O_FORMAT},
	{"request-id", required_argument, NULL, O_REQID},
	{"help", no_argument, NULL, O_HELP},
	{"channel", required_argument, NULL, O_CHANNEL},
	{"received-date", required_argument, NULL, O_RECEIVED},
	{"reporter-name", required_argument, NULL, O_RNAME},
	{"reporter-id-number", required_argument, NULL, O_RID},
	{"reporter-phone", required_argument, NULL, O_RPHONE},
	{"employer-name", required_argument, NULL, O_ENAME},
	{"employer-uscc", required_argument, NULL, O_EUSCC},
	{"project-code", required_argument, NULL, O_PCODE},
	{"project-name", required_argument, NULL, O_PNAME},
	{"site-address", required_argument, NULL, O_SITE},
	{"street", required_argument, NULL, O_STREET},
	{"workers-claimed", required_argument, NULL, O_WCLAIM},
	{"amount-claimed", required_argument, NULL, O_ACLAIM},
	{"description", required_argument, NULL, O_DESC},
	{"worker", required_argument, NULL, O_WORKER},
	{"reason", required_argument, NULL, O_REASON},
	{"conclusion", required_argument, NULL, O_CONCL},
	{"workers-resolved", required_argument, NULL, O_WRES},
	{"amount-resolved", required_argument, NULL, O_ARES},
	{"paid-by", required_argument, NULL, O_PAIDBY},
	{"reply", required_argument, NULL, O_REPLY},
	{"attach", required_argument, NULL, O_ATTACH},
	{"pass", no_argument, NULL, O_PASS},
	{"return", no_argument, NULL, O_RETURN},
	{"into", required_argument, NULL, O_INTO},
	{"name", required_argument, NULL, O_NAME},
	{"box", required_argument, NULL, O_BOX},
	{"state", required_argument, NULL, O_STATE},
	{"q", required_argument, NULL, O_Q},
	{"from", required_argument, NULL, O_FROM},
	{"to", required_argument, NULL, O_TO},
	{"limit", required_argument, NULL, O_LIMIT},
	{"offset", required_argument, NULL, O_OFFSET},
	{"year", required_argument, NULL, O_YEAR},
	{NULL, 0, NULL, 0},
};

/* Reads argv into o. Returns CLI_OK; -1 after printing --help; else the
 * exit status of a usage error. */
static int parse_opts(int argc, char **argv, clue_opts *o)
{
	int c;
	int64_t n;

	while ((c = getopt_long(argc, argv, "", clue_long_opts, NULL)) != -1) {
		switch (c) {
		case O_DB: o->db = optarg; break;
		case O_ACTOR: o->actor = optarg; break;
		case O_ASOF: o->as_of = optarg; break;
		case O_FORMAT: o->format = optarg; break;
		case O_REQID: o->request_id = optarg; break;
		case O_HELP: cli_help("clues"); return -1;
		case O_CHANNEL: o->in.channel = optarg; break;
		case O_RECEIVED: o->in.received_date = optarg; break;
		case O_RNAME: o->in.reporter_name = optarg; break;
		case O_RID: o->in.reporter_id_number = optarg; break;
		case O_RPHONE: o->in.reporter_phone = optarg; break;
		case O_ENAME: o->in.employer_name = optarg; break;
		case O_EUSCC: o->in.employer_uscc = optarg; break;
		case O_PCODE: o->in.project_code = optarg; break;
		case O_PNAME: o->in.project_name = optarg; break;
		case O_SITE: o->in.site_address = optarg; break;
		case O_STREET: o->in.street = o->a.street = o->f.street = optarg; break;
		case O_WCLAIM: o->in.workers_claimed = optarg; break;
		case O_ACLAIM: o->in.amount_claimed = optarg; break;
		case O_DESC: o->in.description = optarg; break;
		case O_WORKER:
			if (add_worker(o, optarg) != CLI_OK)
				return CLI_FAIL;
			break;
		case O_REASON: o->a.reason = optarg; break;
		case O_CONCL: o->a.conclusion = optarg; break;
		case O_WRES: o->a.workers_resolved = optarg; break;
		case O_ARES: o->a.amount_resolved = optarg; break;
		case O_PAIDBY: o->a.paid_by = optarg; break;
		case O_REPLY: o->a.reply = optarg; break;
		case O_ATTACH:
			if (o->nattach >= MAX_ATTACH)
				return cli_fail("clues", "--attach 最多 %d 个 (too many files)", MAX_ATTACH);
			o->attach[o->nattach++] = optarg;
			break;
		case O_PASS: o->pass = 1; break;
		case O_RETURN: o->ret = 1; break;
		case O_INTO: o->into = o->a.target = optarg; break;
		case O_NAME: o->name = optarg; break;
		case O_BOX: o->f.box = optarg; break;
		case O_STATE: o->f.state = optarg; break;
		case O_Q: o->f.q = optarg; break;
		case O_FROM: o->f.from = optarg; break;
		case O_TO: o->f.to = optarg; break;
		case O_LIMIT:
		case O_OFFSET:
			if ((n = parse_count(optarg)) < 0)
				return cli_fail("clues", "--%s 须为非负整数 (not a number: '%s')",
						c == O_LIMIT ? "limit" : "offset", optarg);
			if (c == O_LIMIT)
				o->f.limit = n;
			else
				o->f.offset = n;
			break;
		case O_YEAR: o->year = optarg; break;
		default: return cli_usage("clues");
		}
	}
	return CLI_OK;
}

int cmd_clues(int argc, char **argv)
{
	clue_opts o;
	cli_case_run run;
	int rc;

	memset(&o, 0, sizeof o);
	rc = parse_opts(argc, argv, &o);
	if (rc != CLI_OK)
		return rc < 0 ? CLI_OK : rc;
	if (optind >= argc)
		return cli_usage("clues");
	const char *sub = argv[optind];
	const char *number = optind + 1 < argc ? argv[optind + 1] : NULL;
	static const char *const subs[] = {"add", "list", "show", "transfer", "accept", "conclude",
					   "review", "merge", "attach", "stats"};
	size_t i;
	for (i = 0; i < sizeof subs / sizeof subs[0]; i++)
		if (!strcmp(sub, subs[i]))
			break;
	if (i == sizeof subs / sizeof subs[0]) {
		cli_fail("clues", "未知的子命令 '%s' (unknown subcommand)", sub);
		return cli_usage("clues");
	}
	if ((rc = check_needs(sub, &o, argc - optind)) != CLI_OK)
		return rc;
	int year = 0;
	if (o.year) {
		int64_t y = parse_count(o.year);
		if (y < 1900 || y > 2199)
			return cli_fail("clues", "--year 须为四位年份 (bad year '%s')", o.year);
		year = (int)y;
	}
	if (cli_case_init(&run, "clues", o.actor, o.as_of, o.format, o.request_id) != 0)
		return CLI_FAIL;
	run.d = cli_open_db(cli_db_path(o.db), 0);
	if (!run.d)
		return CLI_FAIL;
	if (!strcmp(sub, "add"))
		rc = do_add(&run, &o);
	else if (!strcmp(sub, "list"))
		rc = cli_clues_list(&run, &o.f);
	else if (!strcmp(sub, "show"))
		rc = cli_clues_show(&run, number);
	else if (!strcmp(sub, "stats"))
		rc = cli_clues_stats(&run, year, o.f.street);
	else if (!strcmp(sub, "attach"))
		rc = attach_one(&run, number, argv[optind + 2], o.name, NULL);
	else
		rc = do_act(&run, &o, !strcmp(sub, "review") ? (o.pass ? "pass" : "return") : sub, number);
	db_close(run.d);
	return rc;
}
