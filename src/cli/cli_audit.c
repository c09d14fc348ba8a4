/*
 * cli_audit.c - `anxin audit verify` (recompute the hash chain; exit 1
 * naming the first bad row) and `anxin audit list` (filter and print the
 * log as a table, CSV or JSON). Reads only.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/access/audit.h"
#include "util/buf.h"
#include "util/date.h"

enum { FMT_TABLE, FMT_CSV, FMT_JSON };

typedef struct list_ctx {
	int format;
	int64_t n;
	buf out;
} list_ctx;

/* Appends s as one CSV field (quoted when it holds , " or a line end; a
 * formula-like cell - a failed log-in's user name - neutralised by buf_csv). */
static void csv_field(buf *b, const char *s, int last)
{
	buf_csv(b, s);
	buf_putc(b, last ? '\n' : ',');
}

static int list_row(void *p, const audit_row *r)
{
	list_ctx *c = p;
	char seq[24];

	snprintf(seq, sizeof seq, "%lld", (long long)r->seq);
	if (c->format == FMT_JSON) {
		buf_fmt(&c->out, "%s\n{\"seq\":%s,\"time\":%j,\"actor\":%j,\"role\":%j,\"address\":%j,"
				 "\"action\":%j,\"object_kind\":%j,\"object_key\":%j,\"before\":%j,"
				 "\"after\":%j,\"prev_hash\":%j,\"hash\":%j}",
			c->n ? "," : "", seq, r->time, r->actor, r->role, r->address, r->action,
			r->object_kind, r->object_key, r->before, r->after, r->prev_hash, r->hash);
	} else if (c->format == FMT_CSV) {
		const char *f[] = {seq, r->time, r->actor, r->role, r->address, r->action,
				   r->object_kind, r->object_key, r->before, r->after, r->hash};
		for (int i = 0; i < 11; i++)
			csv_field(&c->out, f[i], i == 10);
	} else {
		buf_fmt(&c->out, "%s  %s  %s  %s  %s  %s  %s  %s\n", seq, r->time, r->actor,
			*r->role ? r->role : "-", r->action, *r->object_kind ? r->object_kind : "-",
			*r->object_key ? r->object_key : "-", r->after ? r->after : "");
	}
	c->n++;
	if (c->out.len > 1 << 16) {
		fputs(buf_str(&c->out), stdout);
		buf_reset(&c->out);
	}
	return 0;
}

static int audit_list_cmd(db *d, const audit_filter *f, int format)
{
	list_ctx c = {format, 0, BUF_INIT};

	if (format == FMT_JSON)
		buf_puts(&c.out, "[");
	else if (format == FMT_CSV)
		buf_puts(&c.out, "seq,time,actor,role,address,action,object_kind,object_key,"
				 "before,after,hash\n");
	else
		buf_puts(&c.out, "seq  time  actor  role  action  kind  key  details\n");
	int64_t n = audit_list(d, f, list_row, &c);
	if (format == FMT_JSON)
		buf_puts(&c.out, "\n]\n");
	fputs(buf_str(&c.out), stdout);
	buf_free(&c.out);
	return n < 0 ? cli_fail("audit", "%s", db_errmsg(d)) : CLI_OK;
}

static int audit_verify_cmd(db *d)
{
	audit_verify_result res;
	int rc = audit_verify(d, &res);

	if (res.guards < 2)
		fprintf(stderr, "anxin audit: WARNING: the append-only triggers of audit_log "
				"are missing (dropped?)\n");
	if (rc < 0)
		return cli_fail("audit", "verify: %s", db_errmsg(d));
	if (rc > 0)
		return cli_fail("audit", "verify FAILED at row %lld: %s (%lld rows before it "
					 "are intact)", (long long)res.bad_seq, res.reason,
				(long long)res.rows);
	printf("audit log OK: %lld rows, head %s\n", (long long)res.rows, res.head);
	return CLI_OK;
}

int cmd_audit(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"actor", required_argument, NULL, 'a'},
		{"action", required_argument, NULL, 'c'},
		{"since", required_argument, NULL, 's'},
		{"limit", required_argument, NULL, 'l'},
		{"format", required_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *sub = argc > 1 ? argv[1] : "", *dbopt = NULL;
	audit_filter f = {0};
	int c, format = FMT_TABLE, verify = !strcmp(sub, "verify");
	day_t day;
	char date10[11];

	if (!strcmp(sub, "--help") || !strcmp(sub, "-h"))
		return cli_help("audit");
	if (!verify && strcmp(sub, "list"))
		return cli_usage("audit");
	argc--;
	argv++;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': dbopt = optarg; break;
		case 'a': f.actor = optarg; break;
		case 'c': f.action = optarg; break;
		case 's':
			snprintf(date10, sizeof date10, "%.10s", optarg);
			if (!date_parse_iso(date10, &day))
				return cli_fail("audit", "--since: expected YYYY-MM-DD[THH:MM:SSZ]");
			f.since = optarg;
			break;
		case 'l':
			if (sscanf(optarg, "%lld", (long long *)&f.limit) != 1 || f.limit < 1)
				return cli_fail("audit", "--limit must be a positive number");
			f.newest_first = 1;
			break;
		case 'f':
			if (!strcmp(optarg, "table"))
				format = FMT_TABLE;
			else if (!strcmp(optarg, "csv"))
				format = FMT_CSV;
			else if (!strcmp(optarg, "json"))
				format = FMT_JSON;
			else
				return cli_fail("audit", "unknown format '%s' (table, csv, json)", optarg);
			break;
		case 'h': return cli_help("audit");
		default: return cli_usage("audit");
		}
	}
	if (optind != argc || (verify && (f.actor || f.action || f.since || f.limit)))
		return cli_usage("audit");
	db *d = cli_open_db(cli_db_path(dbopt), 0);
	if (!d)
		return CLI_FAIL;
	int rc = verify ? audit_verify_cmd(d) : audit_list_cmd(d, &f, format);
	db_close(d);
	return rc;
}
