/*
 * cli_token.c - `anxin token create|list|revoke`: API tokens for bank
 * systems and site gates (domain/token). The value is printed once, at
 * creation; every change is audited with actor cli:$USER.
 */
#include <getopt.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "domain/access/token.h"
#include "util/clock.h"

/* One line of `token list`. */
static void token_line(void *ctx, const token_rec *t)
{
	char created[21], used[21] = "-";

	clk_utc_iso(t->created_at, created);
	if (t->last_used)
		clk_utc_iso(t->last_used, used);
	printf("%-4lld %-20s %-12s %-10s %-20s %-28s %-20s %-20s %s\n", (long long)t->id, t->name,
	       t->prefix, role_code(token_role(t)), *t->bank_code ? t->bank_code : t->uscc,
	       t->kinds, created, used, t->revoked_at ? "revoked" : "active");
}

int cmd_token(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"actor", required_argument, NULL, 'a'},
		{"name", required_argument, NULL, 'n'},
		{"scope-bank", required_argument, NULL, 'b'},
		{"scope-uscc", required_argument, NULL, 'u'},
		{"kinds", required_argument, NULL, 'k'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *dbopt = NULL, *actor_opt = NULL, *name = "", *bank = "", *uscc = "", *kinds = "";
	const char *sub = argc > 1 ? argv[1] : "";
	char actor[128], err[512], value[TOKEN_VALUE_SIZE];
	int c, rc = CLI_FAIL;

	if (!strcmp(sub, "--help") || !strcmp(sub, "-h"))
		return cli_help("token");
	if (strcmp(sub, "create") && strcmp(sub, "list") && strcmp(sub, "revoke"))
		return cli_usage("token");
	argc--;
	argv++;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': dbopt = optarg; break;
		case 'a': actor_opt = optarg; break;
		case 'n': name = optarg; break;
		case 'b': bank = optarg; break;
		case 'u': uscc = optarg; break;
		case 'k': kinds = optarg; break;
		case 'h': return cli_help("token");
		default: return cli_usage("token");
		}
	}
	if (optind != argc - (!strcmp(sub, "revoke") ? 1 : 0))
		return cli_usage("token");
	db *d = cli_open_db(cli_db_path(dbopt), 0);
	if (!d)
		return CLI_FAIL;
	cli_actor(actor_opt, actor, sizeof actor);
	audit_actor who = {actor, "cli", ""};
	if (!strcmp(sub, "list")) {
		printf("%-4s %-20s %-12s %-10s %-20s %-28s %-20s %-20s %s\n", "id", "name", "prefix",
		       "role", "bank/uscc", "kinds", "created (UTC)", "last used", "status");
		rc = token_store_scan(d, token_line, NULL) < 0 ? cli_fail("token", "%s", db_errmsg(d))
							      : CLI_OK;
	} else if (!strcmp(sub, "revoke")) {
		char *end;
		long long id = strtoll(argv[optind], &end, 10);
		if (*end || id <= 0)
			rc = cli_fail("token", "revoke: '%s' is not a token id", argv[optind]);
		else if (token_revoke(d, &who, id, time(NULL), err, sizeof err) != 0)
			rc = cli_fail("token", "revoke: %s", err);
		else {
			printf("anxin: token %lld revoked\n", id);
			rc = CLI_OK;
		}
	} else {
		token_rec t;
		memset(&t, 0, sizeof t);
		if (strlen(name) >= sizeof t.name || strlen(bank) >= sizeof t.bank_code ||
		    strlen(uscc) >= sizeof t.uscc || strlen(kinds) >= sizeof t.kinds) {
			rc = cli_fail("token", "create: an option value is too long");
			goto out;
		}
		strcpy(t.name, name);
		strcpy(t.bank_code, bank);
		strcpy(t.uscc, uscc);
		strcpy(t.kinds, kinds);
		if (token_create(d, &who, &t, time(NULL), value, err, sizeof err) != 0) {
			rc = cli_fail("token", "create: %s", err);
			goto out;
		}
		printf("anxin: token %lld created (%s %s, kinds %s)\n", (long long)t.id,
		       role_code(token_role(&t)), *t.bank_code ? t.bank_code : t.uscc, t.kinds);
		printf("token (shown once; send as \"Authorization: Bearer TOKEN\"): %s\n", value);
		sodium_memzero(value, sizeof value);
		rc = CLI_OK;
	}
out:
	db_close(d);
	return rc;
}
