/*
 * cli_demo.c - `anxin demo`: generates the synthetic 滨海新区 data set
 * (domain/demo.c) into a fresh database and then serves it (cli_serve_db)
 * unless --no-serve.
 *
 * It never mixes demo data into real data: a database that already holds
 * records is refused, unless --force, which deletes the database's files
 * (db_remove_files: only if it is a database) and starts afresh. The clock is read once, here, for
 * the default --as-of.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <sodium.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "demo/demo.h"
#include "domain/access/user.h"

/* Parses a decimal integer within [lo, hi] or fails. */
static int parse_num(const char *s, long long lo, long long hi, long long *out)
{
	char *end;

	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (errno || end == s || *end || v < lo || v > hi)
		return 0;
	*out = v;
	return 1;
}

/* The demo's accounts, one per role a visitor would try. */
static const struct demo_account {
	const char *username, *name, *role, *street;
} demo_accounts[] = {
	{"admin", "区人社局管理员", "admin", NULL},
	{"jianchayuan", "监察员", "inspector", NULL},
	{"taida", "泰达街道劳动保障所", "street", "泰达街道"},
	{"lingdao", "局领导", "leader", NULL},
};

/*
 * Creates the demo's accounts with generated passwords, printed once (to
 * be changed at the first log-in, as for `anxin init`): the demo is a
 * database like any other, with no default password. Returns 0 or -1.
 */
static int demo_add_accounts(const char *path)
{
	db *d = cli_open_db(path, 0);
	char pw[17], err[256], actor[128];
	int rc = 0;

	if (!d)
		return -1;
	cli_actor(NULL, actor, sizeof actor);
	audit_actor who = {actor, "cli", ""};
	printf("demo accounts (passwords shown once, to be changed at the first log-in):\n");
	for (size_t i = 0; i < sizeof demo_accounts / sizeof demo_accounts[0]; i++) {
		const struct demo_account *a = &demo_accounts[i];
		user_rec u;
		memset(&u, 0, sizeof u);
		snprintf(u.username, sizeof u.username, "%s", a->username);
		snprintf(u.display_name, sizeof u.display_name, "%s", a->name);
		snprintf(u.role, sizeof u.role, "%s", a->role);
		if (a->street)
			snprintf(u.street, sizeof u.street, "%s", a->street);
		user_generate_password(pw);
		if (user_add(d, &who, &u, pw, 1, time(NULL), err, sizeof err) != 0) {
			fprintf(stderr, "anxin demo: account %s: %s\n", a->username, err);
			rc = -1;
		} else {
			printf("  %-12s %-10s %s\n", a->username, a->role, pw);
		}
		sodium_memzero(pw, sizeof pw);
		sodium_memzero(u.pw_hash, sizeof u.pw_hash);
	}
	db_close(d);
	return rc;
}

int cmd_demo(int argc, char **argv)
{
	static const struct option opts[] = {
		{"seed", required_argument, NULL, 's'},
		{"as-of", required_argument, NULL, 'a'},
		{"projects", required_argument, NULL, 'p'},
		{"workers", required_argument, NULL, 'w'},
		{"no-serve", no_argument, NULL, 'n'},
		{"listen", required_argument, NULL, 'l'},
		{"force", no_argument, NULL, 'f'},
		{"quiet", no_argument, NULL, 'q'},
		{"db", required_argument, NULL, 'd'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	demo_opts o = {.seed = 1, .projects = 300, .workers = 20000};
	const char *dbopt = NULL, *listen = "127.0.0.1:8080";
	int c, serve = 1, force = 0, rc;
	long long v;

	o.as_of = date_today();
	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 's':
			if (!parse_num(optarg, 0, INT64_MAX, &v))
				return cli_fail("demo", "--seed must be a non-negative integer");
			o.seed = (uint64_t)v;
			break;
		case 'a':
			if (!date_parse_iso(optarg, &o.as_of))
				return cli_fail("demo", "--as-of must be a date YYYY-MM-DD (got '%s')", optarg);
			break;
		case 'p':
			if (!parse_num(optarg, 1, 5000, &v))
				return cli_fail("demo", "--projects must be 1..5000");
			o.projects = (int)v;
			break;
		case 'w':
			if (!parse_num(optarg, 1, 500000, &v))
				return cli_fail("demo", "--workers must be 1..500000");
			o.workers = (int)v;
			break;
		case 'n': serve = 0; break;
		case 'l': listen = optarg; break;
		case 'f': force = 1; break;
		case 'q': o.quiet = 1; break;
		case 'd': dbopt = optarg; break;
		case 'h': return cli_help("demo");
		default: return cli_usage("demo");
		}
	}
	if (optind < argc)
		return cli_usage("demo");
	int y, m, dd;
	date_to_ymd(o.as_of, &y, &m, &dd);
	if (y < 2000 || y > 2090)
		return cli_fail("demo", "--as-of must be within 2000..2090");

	const char *path = cli_db_path(dbopt);
	char shown[1024];  /* path as it may be printed: a URI's password masked */
	db_display_name(path, shown, sizeof shown);
	const char *why = force ? db_remove_files(path) : NULL;
	if (why)
		return cli_fail("demo", "--force: will not remove %s: %s", shown, why);
	db *d = cli_open_db(path, DB_OPEN_CREATE | DB_OPEN_BULK);
	if (!d)
		return CLI_FAIL;
	int64_t existing = demo_existing_records(d);
	if (existing < 0) {
		rc = cli_fail("demo", "%s: %s", shown, db_errmsg(d));
		db_close(d);
		return rc;
	}
	if (existing > 0) {
		db_close(d);
		return cli_fail("demo", "%s already holds %lld records; demo data goes into a fresh "
				"database: use --db NEWFILE, or --force to delete %s and start afresh",
				shown, (long long)existing, shown);
	}

	demo_stats st;
	buf err = BUF_INIT, out = BUF_INIT;
	char asof[11];
	date_format(o.as_of, asof);
	if (!o.quiet)
		fprintf(stderr, "demo: seed %llu, as-of %s, %d projects, %d workers -> %s\n",
			(unsigned long long)o.seed, asof, o.projects, o.workers, shown);
	rc = demo_generate(d, &o, &st, &err);
	db_close(d);
	if (rc != 0) {
		fputs(buf_str(&err), stderr);
		buf_free(&err);
		return cli_fail("demo", "generation failed; %s is incomplete", shown);
	}
	demo_stats_text(&st, &out);
	fputs(buf_str(&out), stdout);
	buf_free(&out);
	buf_free(&err);
	if (demo_add_accounts(path) != 0)
		return cli_fail("demo", "the demo's accounts could not be created");
	fflush(stdout);
	if (!serve)
		return CLI_OK;
	printf("serving %s on http://%s/ (Ctrl-C to stop)\n", shown, listen);
	fflush(stdout);
	return cli_serve_db(path, listen, 2);
}
