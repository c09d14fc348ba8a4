/*
 * cli_backup.c - `anxin backup` (a checked copy of a running database,
 * to a new name or as the daily anxin-YYYY-MM-DD.db of a folder, keeping
 * the newest N) and `anxin restore` (a backup into a new or, with
 * --force, an existing database taken aside). The work is
 * src/domain/ops/backup.c; this file reads options and prints summaries.
 * Neither command opens the database through db_open: a backup must not
 * change what it copies (no migration, no reconcile).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/ops/backup.h"
#include "util/buf.h"

#define KEEP_DEFAULT 7

/* Prints "what: summary" of a finished backup or restore. */
static void print_report(const char *what, const backup_report *r)
{
	buf b = BUF_INIT;

	backup_summary(&b, r);
	printf("%s\n  %s\n", what, buf_str(&b));
	if (r->st.files_missing || r->st.files_damaged)
		fprintf(stderr, "anxin: WARNING: %d evidence file(s) missing and %d damaged in the "
				"source (listed above); the rest is backed up\n",
			r->st.files_missing, r->st.files_damaged);
	buf_free(&b);
}

int cmd_backup(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"to", required_argument, NULL, 't'},
		{"dir", required_argument, NULL, 'D'},
		{"keep", required_argument, NULL, 'k'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *dbopt = NULL, *to = NULL, *dir = NULL;
	int c, keep = KEEP_DEFAULT, pruned = 0;
	char err[1024], *end;
	backup_report r;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': dbopt = optarg; break;
		case 't': to = optarg; break;
		case 'D': dir = optarg; break;
		case 'k':
			keep = (int)strtol(optarg, &end, 10);
			if (*end || keep < 1 || keep > 3650)
				return cli_fail("backup", "--keep must be 1..3650");
			break;
		case 'h': return cli_help("backup");
		default: return cli_usage("backup");
		}
	}
	if (optind < argc || !to == !dir)
		return cli_usage("backup");
	const char *src = cli_db_path(dbopt);
	if (db_is_uri(src))
		return cli_fail("backup", "a PostgreSQL database is backed up with PostgreSQL's tools "
				"(pg_dump, base backups): see README, \"Back up and restore\"");
	if (to) {
		if (backup_make(src, to, &r, err, sizeof err) != 0)
			return cli_fail("backup", "%s", err);
		buf what = BUF_INIT;
		buf_fmt(&what, "backup of %s written to %s (and %s-desk, %s-files)", src, to, to, to);
		print_report(buf_str(&what), &r);
		buf_free(&what);
		backup_report_free(&r);
		return CLI_OK;
	}
	buf name = BUF_INIT;
	backup_daily_name(dir, date_today(), &name);
	int rc = backup_daily(src, dir, date_today(), keep, &r, &pruned, err, sizeof err);
	if (rc < 0) {
		buf_free(&name);
		return cli_fail("backup", "%s", err);
	}
	buf what = BUF_INIT;
	if (rc == 1)
		buf_fmt(&what, "%s exists already: today's backup is made", buf_str(&name));
	else
		buf_fmt(&what, "backup of %s written to %s", src, buf_str(&name));
	if (rc == 1)
		puts(buf_str(&what));
	else
		print_report(buf_str(&what), &r);
	printf("  kept the newest %d daily backups of %s; removed %d older\n", keep, dir, pruned);
	buf_free(&what);
	buf_free(&name);
	backup_report_free(&r);
	return CLI_OK;
}

int cmd_restore(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"from", required_argument, NULL, 'f'},
		{"force", no_argument, NULL, 'F'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *dbopt = NULL, *from = NULL;
	int c, force = 0;
	char err[1024], aside[4096];
	backup_report r;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': dbopt = optarg; break;
		case 'f': from = optarg; break;
		case 'F': force = 1; break;
		case 'h': return cli_help("restore");
		default: return cli_usage("restore");
		}
	}
	if (optind < argc || !from)
		return cli_usage("restore");
	const char *target = cli_db_path(dbopt);
	if (db_is_uri(target))
		return cli_fail("restore", "a PostgreSQL database is restored with PostgreSQL's tools "
				"(pg_restore): see README, \"Back up and restore\"");
	if (backup_restore(from, target, force, aside, sizeof aside, &r, err, sizeof err) != 0)
		return cli_fail("restore", "%s", err);
	buf what = BUF_INIT;
	buf_fmt(&what, "restored %s into %s", from, target);
	if (*aside)
		buf_fmt(&what, "\n  the database that was there is kept as %s", aside);
	print_report(buf_str(&what), &r);
	buf_free(&what);
	backup_report_free(&r);
	return CLI_OK;
}
