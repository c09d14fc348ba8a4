/*
 * cli_user.c - `anxin user add|list|disable|enable|passwd|unlock`: the
 * administrator's account operations on the command line, each audited
 * with actor cli:$USER through domain/user.
 */
#include <getopt.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "domain/access/audit.h"
#include "domain/access/user.h"
#include "util/clock.h"

typedef struct user_args {
	const char *db, *actor, *role, *name, *street, *uscc;
	int password_stdin;
	const char *username;
} user_args;

/* Parses the options of every user subcommand (argv[0] = subcommand) and
 * the one USERNAME operand when want_name. Returns -1 on a usage error,
 * 1 for --help, 0 otherwise. */
static int user_parse(int argc, char **argv, int want_name, user_args *a)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"actor", required_argument, NULL, 'a'},
		{"role", required_argument, NULL, 'r'},
		{"name", required_argument, NULL, 'n'},
		{"street", required_argument, NULL, 's'},
		{"uscc", required_argument, NULL, 'u'},
		{"password-stdin", no_argument, NULL, 'p'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int c;

	memset(a, 0, sizeof *a);
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': a->db = optarg; break;
		case 'a': a->actor = optarg; break;
		case 'r': a->role = optarg; break;
		case 'n': a->name = optarg; break;
		case 's': a->street = optarg; break;
		case 'u': a->uscc = optarg; break;
		case 'p': a->password_stdin = 1; break;
		case 'h': return 1;
		default: return -1;
		}
	}
	if (want_name) {
		if (optind + 1 != argc)
			return -1;
		a->username = argv[optind];
	} else if (optind != argc) {
		return -1;
	}
	return 0;
}

/* Copies src into a fixed field, refusing what does not fit. */
static int user_copy(char *dst, size_t size, const char *src, const char *what)
{
	if (!src)
		src = "";
	if (strlen(src) >= size) {
		cli_fail("user", "%s is too long", what);
		return -1;
	}
	memcpy(dst, src, strlen(src) + 1);
	return 0;
}

/* Gets the password: from stdin with --password-stdin, else generated
 * (*generated set). Returns 0 or -1. */
static int user_password(const user_args *a, char *pw, size_t size, int *generated)
{
	*generated = 0;
	if (a->password_stdin) {
		if (cli_read_secret(pw, size) != 0) {
			cli_fail("user", "no password on standard input");
			return -1;
		}
		return 0;
	}
	user_generate_password(pw);
	*generated = 1;
	return 0;
}

static int user_add_cmd(db *d, const user_args *a, const audit_actor *who)
{
	user_rec u;
	char pw[300], err[512];
	int generated, rc = CLI_FAIL;

	memset(&u, 0, sizeof u);
	if (!a->role)
		return cli_fail("user", "add: --role is required (admin inspector street "
					"enterprise leader)");
	if (user_copy(u.username, sizeof u.username, a->username, "USERNAME") ||
	    user_copy(u.display_name, sizeof u.display_name, a->name, "--name") ||
	    user_copy(u.role, sizeof u.role, a->role, "--role") ||
	    user_copy(u.street, sizeof u.street, a->street, "--street") ||
	    user_copy(u.uscc, sizeof u.uscc, a->uscc, "--uscc"))
		return CLI_FAIL;
	if (user_password(a, pw, sizeof pw, &generated) != 0)
		goto out;
	if (user_add(d, who, &u, pw, 1, time(NULL), err, sizeof err) != 0) {
		rc = cli_fail("user", "add %s: %s", a->username, err);
		goto out;
	}
	printf("anxin: user %s created (%s %s)\n", u.username, role_zh(user_role(&u)), u.role);
	if (generated)
		printf("initial password (shown once, to be changed at first log-in): %s\n", pw);
	rc = CLI_OK;
out:
	sodium_memzero(pw, sizeof pw);
	sodium_memzero(u.pw_hash, sizeof u.pw_hash);
	return rc;
}

static int user_passwd_cmd(db *d, const user_args *a, const audit_actor *who)
{
	char pw[300], err[512];
	int generated, rc = CLI_FAIL;

	if (user_password(a, pw, sizeof pw, &generated) != 0)
		goto out;
	if (user_set_password(d, who, a->username, pw, 1, time(NULL), err, sizeof err) != 0) {
		rc = cli_fail("user", "passwd %s: %s", a->username, err);
		goto out;
	}
	printf("anxin: password of %s set; to be changed at the next log-in\n", a->username);
	if (generated)
		printf("new password (shown once): %s\n", pw);
	rc = CLI_OK;
out:
	sodium_memzero(pw, sizeof pw);
	return rc;
}

/* One line of `user list`. */
static void user_line(void *ctx, const user_rec *u)
{
	int64_t now = *(int64_t *)ctx;
	char last[21] = "-";
	const char *status = u->disabled ? "disabled"
			     : u->locked_until > now ? "locked"
			     : u->must_change ? "must-change" : "active";

	if (u->last_login)
		clk_utc_iso(u->last_login, last);
	printf("%-20s %-10s %-12s %-20s %-20s %s\n", u->username, u->role, status,
	       *u->street ? u->street : *u->uscc ? u->uscc : "-", last,
	       *u->display_name ? u->display_name : "-");
}

int cmd_user(int argc, char **argv)
{
	user_args a;
	char actor[128], err[512];
	const char *sub = argc > 1 ? argv[1] : "";
	int list = !strcmp(sub, "list"), rc;

	if (!strcmp(sub, "--help") || !strcmp(sub, "-h"))
		return cli_help("user");
	if (!list && strcmp(sub, "add") && strcmp(sub, "disable") && strcmp(sub, "enable") &&
	    strcmp(sub, "passwd") && strcmp(sub, "unlock"))
		return cli_usage("user");
	rc = user_parse(argc - 1, argv + 1, !list, &a);
	if (rc > 0)
		return cli_help("user");
	if (rc < 0)
		return cli_usage("user");
	if (!list && strcmp(sub, "add") && (a.role || a.name || a.street || a.uscc))
		return cli_usage("user");
	db *d = cli_open_db(cli_db_path(a.db), 0);
	if (!d)
		return CLI_FAIL;
	cli_actor(a.actor, actor, sizeof actor);
	audit_actor who = {actor, "cli", ""};
	int64_t now = time(NULL);
	if (list) {
		printf("%-20s %-10s %-12s %-20s %-20s %s\n", "username", "role", "status",
		       "street/uscc", "last login (UTC)", "name");
		rc = user_store_scan(d, user_line, &now) < 0 ? cli_fail("user", "%s", db_errmsg(d))
							    : CLI_OK;
	} else if (!strcmp(sub, "add")) {
		rc = user_add_cmd(d, &a, &who);
	} else if (!strcmp(sub, "passwd")) {
		rc = user_passwd_cmd(d, &a, &who);
	} else {
		int r = !strcmp(sub, "unlock")
				? user_unlock(d, &who, a.username, now, err, sizeof err)
				: user_set_disabled(d, &who, a.username, !strcmp(sub, "disable"), now,
						    err, sizeof err);
		if (r != 0)
			rc = cli_fail("user", "%s %s: %s", sub, a.username, err);
		else {
			printf("anxin: user %s %s\n", a.username,
			       !strcmp(sub, "unlock") ? "unlocked"
			       : !strcmp(sub, "disable") ? "disabled" : "enabled");
			rc = CLI_OK;
		}
	}
	db_close(d);
	return rc;
}
