/*
 * cli_params.c - `anxin params` lists the parameters of the warning rules;
 * `anxin params set KEY VALUE [--actor NAME]` changes one (validated,
 * logged with who and when, audited; the next scan is a full one).
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/access/audit.h"
#include "domain/basis/params.h"

static void print_param(void *ctx, const param_row *r)
{
	printf("%-26s %-8s %-8s %s", r->key, r->value, r->default_value, r->description);
	if (r->updated_by[0])
		printf("  [%s %s]", r->updated_by, r->updated_at);
	putchar('\n');
}

int cmd_params(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"actor", required_argument, NULL, 'a'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *dbopt = NULL, *actor_opt = NULL;
	char actor[128], err[512];
	int c, rc = CLI_OK;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': dbopt = optarg; break;
		case 'a': actor_opt = optarg; break;
		case 'h': return cli_help("params");
		default: return cli_usage("params");
		}
	}
	int nargs = argc - optind;
	if (!(nargs == 0 || (nargs == 3 && !strcmp(argv[optind], "set"))))
		return cli_usage("params");
	db *d = cli_open_db(cli_db_path(dbopt), DB_OPEN_CREATE);
	if (!d)
		return CLI_FAIL;
	if (nargs == 0) {
		printf("%-26s %-8s %-8s %s\n", "key", "value", "default", "description");
		if (param_list(d, print_param, NULL) != 0)
			rc = cli_fail("params", "%s", db_errmsg(d));
	} else {
		cli_actor(actor_opt, actor, sizeof actor);
		audit_actor who = {actor, "cli", ""};
		if (param_set(d, argv[optind + 1], argv[optind + 2], &who, err, sizeof err) != 0)
			rc = cli_fail("params", "%s", err);
		else
			printf("%s = %s (by %s; the next scan is a full one)\n", argv[optind + 1],
			       argv[optind + 2], actor);
	}
	db_close(d);
	return rc;
}
