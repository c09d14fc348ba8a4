/*
 * cli_scan.c - `anxin scan [--as-of YYYY-MM-DD] [--full]`: evaluates the
 * warning rules as of a date (default today, Asia/Shanghai), applies the
 * lifecycle and prints a summary. Exits 0 when the scan ran (rules it had
 * to skip - e.g. an unknown calendar year - are printed as notes).
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/warn/warn_scan.h"

int cmd_scan(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"as-of", required_argument, NULL, 'a'},
		{"full", no_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *dbopt = NULL;
	scan_opts o = {date_today(), 0};
	scan_summary s;
	char err[512];
	int c;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': dbopt = optarg; break;
		case 'a':
			if (!date_parse_iso(optarg, &o.as_of))
				return cli_fail("scan", "--as-of '%s' is not a date YYYY-MM-DD", optarg);
			break;
		case 'f': o.full = 1; break;
		case 'h': return cli_help("scan");
		default: return cli_usage("scan");
		}
	}
	if (optind < argc)
		return cli_usage("scan");
	db *d = cli_open_db(cli_db_path(dbopt), DB_OPEN_CREATE);
	if (!d)
		return CLI_FAIL;
	if (scan_run(d, &o, &s, err, sizeof err) != 0) {
		db_close(d);
		return cli_fail("scan", "%s", err);
	}
	char ds[11];
	date_format(o.as_of, ds);
	printf("扫描 scan as of %s: %s%s%s, %ld 个项目 projects, %.2f s (evaluation %.2f s)\n", ds,
	       s.full ? "full" : "incremental", s.full ? " - " : "", s.full ? s.why_full : "",
	       s.projects, s.seconds, s.eval_seconds);
	printf("  新增 raised %ld, 更新 updated %ld, 未变 unchanged %ld, 消除 eliminated %ld",
	       s.raised, s.updated, s.unchanged, s.eliminated);
	if (s.suppressed)
		printf(", 已人工消除 kept eliminated %ld", s.suppressed);
	printf("\n  待处置 open: 红色 red %ld, 橙色 orange %ld, 黄色 yellow %ld\n", s.open[2], s.open[1],
	       s.open[0]);
	for (size_t i = 0; i < s.nnotes; i++)
		printf("  note: %s\n", s.notes[i]);
	scan_summary_free(&s);
	db_close(d);
	return CLI_OK;
}
