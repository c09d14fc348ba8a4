/*
 * cli_migrate.c - `anxin migrate --from SRC --to DST`: a whole database
 * copied into an empty one, SQLite or PostgreSQL either way (a district
 * moving up to a server, or back to a file). The copy is
 * src/store/db_migrate.c's; this file reads the options, appends the one
 * audit row of the migration to the target's log (after the copied rows,
 * through the normal audit API, in the copy's transaction), checks the
 * target's audit chain before the commit and prints the row counts.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "domain/access/audit.h"
#include "store/db_migrate.h"
#include "util/buf.h"

/* Milliseconds since start. */
static long long ms_since(const struct timespec *start)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (long long)(now.tv_sec - start->tv_sec) * 1000 +
	       (now.tv_nsec - start->tv_nsec) / 1000000;
}

/*
 * The copy's steps after db_migrate_open: copy, the audit row, the audit
 * chain verified on the target, the commit. Prints the counts. Returns an
 * exit status.
 */
static int migrate_run(db_migrate *m, const char *from, const char *to, const char *actor)
{
	const db_migrate_table *t;
	int n;
	char err[1024], sname[1024], dname[1024];
	struct timespec start;
	int64_t total = 0;

	clock_gettime(CLOCK_MONOTONIC, &start);
	db_display_name(from, sname, sizeof sname);
	db_display_name(to, dname, sizeof dname);
	if (db_migrate_copy(m, &t, &n, err, sizeof err) != 0)
		return cli_fail("migrate", "%s; nothing was written to %s", err, dname);
	for (int i = 0; i < n; i++)
		total += t[i].src_rows;

	db *d = db_migrate_target(m);
	audit_actor who = {actor, "cli", ""};
	buf after = BUF_INIT;
	buf_fmt(&after, "{\"from\":%j,\"tables\":%d,\"rows\":%lld}", sname, n, (long long)total);
	audit_entry e = {&who, time(NULL), "migrate", "database", dname, NULL, buf_str(&after)};
	int rc = audit_append(d, &e);
	buf_free(&after);
	if (rc != 0)
		return cli_fail("migrate", "audit: %s; nothing was written to %s", db_errmsg(d),
				dname);
	audit_verify_result res;
	rc = audit_verify(d, &res);
	if (rc != 0)
		return cli_fail("migrate", "the target's audit log does not verify (%s at row "
					   "%lld); nothing was written to %s",
				rc < 0 ? db_errmsg(d) : res.reason, (long long)res.bad_seq, dname);
	if (db_migrate_commit(m, err, sizeof err) != 0)
		return cli_fail("migrate", "%s", err);

	printf("%-24s %12s %12s\n", "table", "source", "target");
	for (int i = 0; i < n; i++)
		printf("%-24s %12lld %12lld\n", t[i].name, (long long)t[i].src_rows,
		       (long long)t[i].dst_rows);
	printf("%-24s %12lld %12lld\n", "(total)", (long long)total, (long long)total);
	printf("migrated %s -> %s: %d tables, %lld rows in %.1f s; audit log OK: %lld rows "
	       "(the migration's own row included), head %s\n",
	       sname, dname, n, (long long)total, (double)ms_since(&start) / 1000.0,
	       (long long)res.rows, res.head);
	return CLI_OK;
}

int cmd_migrate(int argc, char **argv)
{
	static const struct option opts[] = {
		{"from", required_argument, NULL, 'f'},
		{"to", required_argument, NULL, 't'},
		{"actor", required_argument, NULL, 'a'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *from = NULL, *to = NULL, *actor_opt = NULL;
	char actor[128], err[1024];
	int c;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'f': from = optarg; break;
		case 't': to = optarg; break;
		case 'a': actor_opt = optarg; break;
		case 'h': return cli_help("migrate");
		default: return cli_usage("migrate");
		}
	}
	if (!from || !to || !*from || !*to || optind != argc)
		return cli_usage("migrate");
	cli_actor(actor_opt, actor, sizeof actor);
	db_migrate *m = db_migrate_open(from, to, err, sizeof err);
	if (!m)
		return cli_fail("migrate", "%s", err);
	int rc = migrate_run(m, from, to, actor);
	db_migrate_close(m);
	return rc;
}
