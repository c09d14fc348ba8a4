/*
 * cli_init.c - `anxin init`: creates the database or brings its schema up
 * to date (opening through db_open applies the migrations), and when the
 * database has no user yet creates the first administrator: with the
 * password given on standard input, or a generated one printed once and to
 * be changed at the first log-in. There is never a default password.
 * With --distributed (PostgreSQL on a Citus coordinator), the tables are
 * then distributed (db_distribute): once, while the database is new.
 */
#include <getopt.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "store/db_distribute.h"
#include "util/clock.h"
#include "domain/access/user.h"

/*
 * Before an upgrade: the schema version of path, and when it is older than
 * this binary's (but not a new file), a snapshot of it beside it. Sets
 * *upgrade when the open must migrate. Returns an exit status.
 */
static int init_backup(const char *path, int *upgrade)
{
	char err[512], to[4096], stamp[CLK_ISO_LEN];

	/* PostgreSQL: each migration is one transaction there (a failed one
	 * changes nothing); the copy to fall back on is the operator's pg_dump
	 * (README, "Running on PostgreSQL"). */
	*upgrade = db_is_uri(path);
	if (*upgrade)
		return CLI_OK;
	int have = db_file_schema(path, err, sizeof err), latest = db_schema_latest();
	if (have < 0)
		return cli_fail("init", "%s", err);
	if (have == 0 || have >= latest)
		return CLI_OK;  /* new, current, or newer (db_open refuses it) */
	/* "2026-05-20T08:30:00Z" -> "20260520083000" */
	clk_utc_iso((int64_t)time(NULL), stamp);
	char digits[16];
	size_t k = 0;
	for (const char *p = stamp; *p && k < sizeof digits - 1; p++)
		if (*p >= '0' && *p <= '9')
			digits[k++] = *p;
	digits[k] = 0;
	snprintf(to, sizeof to, "%s.pre-v%d-%s", path, latest, digits);
	if (db_snapshot(path, to, err, sizeof err) != 0)
		return cli_fail("init", "backup before the upgrade failed, nothing changed: %s", err);
	printf("anxin: schema version %d -> %d: backup of the old database at %s\n", have,
	       latest, to);
	*upgrade = 1;
	return CLI_OK;
}

/* Creates the first administrator admin_name. Returns an exit status. */
static int init_admin(db *d, const char *admin_name, int pw_stdin, const char *actor_opt)
{
	user_rec u;
	char pw[300], err[512], actor[128];
	int rc = CLI_FAIL;

	memset(&u, 0, sizeof u);
	if (strlen(admin_name) >= sizeof u.username)
		return cli_fail("init", "--admin: name too long");
	snprintf(u.username, sizeof u.username, "%s", admin_name);
	snprintf(u.display_name, sizeof u.display_name, "%s", "区人社局管理员");
	snprintf(u.role, sizeof u.role, "%s", "admin");
	if (pw_stdin) {
		if (cli_read_secret(pw, sizeof pw) != 0) {
			rc = cli_fail("init", "no password on standard input");
			goto out;
		}
	} else {
		user_generate_password(pw);
	}
	cli_actor(actor_opt, actor, sizeof actor);
	audit_actor who = {actor, "cli", ""};
	/* A password the operator chose need not be changed; a printed one
	 * must. */
	if (user_add(d, &who, &u, pw, !pw_stdin, time(NULL), err, sizeof err) != 0) {
		rc = cli_fail("init", "administrator %s: %s", admin_name, err);
		goto out;
	}
	printf("anxin: administrator %s created\n", u.username);
	if (!pw_stdin)
		printf("initial password (shown once, to be changed at first log-in): %s\n", pw);
	rc = CLI_OK;
out:
	sodium_memzero(pw, sizeof pw);
	sodium_memzero(u.pw_hash, sizeof u.pw_hash);
	return rc;
}

int cmd_init(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"admin", required_argument, NULL, 'a'},
		{"admin-password-stdin", no_argument, NULL, 'p'},
		{"actor", required_argument, NULL, 'c'},
		{"distributed", no_argument, NULL, 'D'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *dbopt = NULL, *admin = "admin", *actor = NULL;
	int c, pw_stdin = 0, distributed = 0, rc = CLI_OK;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': dbopt = optarg; break;
		case 'a': admin = optarg; break;
		case 'p': pw_stdin = 1; break;
		case 'c': actor = optarg; break;
		case 'D': distributed = 1; break;
		case 'h': return cli_help("init");
		default: return cli_usage("init");
		}
	}
	if (optind < argc)
		return cli_usage("init");
	const char *path = cli_db_path(dbopt);
	if (distributed && !db_is_uri(path))
		return cli_fail("init", "--distributed needs a PostgreSQL database on a Citus "
			       "coordinator (--db postgresql://...); SQLite is one file on one machine");
	int upgrade;
	if (init_backup(path, &upgrade) != CLI_OK)
		return CLI_FAIL;
	db *d = cli_open_db(path, DB_OPEN_CREATE | (upgrade ? DB_OPEN_UPGRADE : 0));
	if (!d)
		return CLI_FAIL;
	char shown[1024];
	printf("anxin: database %s ready (schema version %d)\n",
	       db_display_name(path, shown, sizeof shown), db_schema_version(d));
	if (distributed) {
		char err[512];
		int r = db_distribute(d, err, sizeof err);
		if (r < 0) {
			db_close(d);
			return cli_fail("init", "%s", err);
		}
		printf(r == DB_DISTRIBUTED_ALREADY ? "anxin: tables already distributed (Citus)\n"
						    : "anxin: tables distributed (Citus)\n");
	}
	if (user_store_count(d) == 0)
		rc = init_admin(d, admin, pw_stdin, actor);
	db_close(d);
	return rc;
}
