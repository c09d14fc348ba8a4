/*
 * cli_import.c - `anxin import [KIND] FILE...`: imports each file in its
 * own transaction through domain/import and prints the result or the error
 * report. Exit status 0 only when every file was imported.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "domain/access/audit.h"
#include "domain/records/import.h"

int cmd_import(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"kind", required_argument, NULL, 'k'},
		{"ignore-unknown", no_argument, NULL, 'i'},
		{"max-errors", required_argument, NULL, 'm'},
		{"quiet", no_argument, NULL, 'q'},
		{"actor", required_argument, NULL, 'a'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *dbopt = NULL, *actor_opt = NULL;
	char actor[128];
	import_opts o = {0};
	int c, quiet = 0, failed = 0;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': dbopt = optarg; break;
		case 'k': o.kind = optarg; break;
		case 'i': o.ignore_unknown = 1; break;
		case 'm':
			o.max_errors = atoi(optarg);
			if (o.max_errors < 1)
				return cli_fail("import", "--max-errors must be a positive number");
			break;
		case 'q': quiet = 1; break;
		case 'a': actor_opt = optarg; break;
		case 'h': return cli_help("import");
		default: return cli_usage("import");
		}
	}
	/* A first argument naming a kind (and not an existing file) is the
	 * kind. */
	if (!o.kind && optind < argc && kind_find(argv[optind]) &&
	    access(argv[optind], F_OK) != 0)
		o.kind = argv[optind++];
	if (o.kind && !kind_find(o.kind))
		return cli_fail("import", "unknown kind '%s'", o.kind);
	if (optind >= argc)
		return cli_usage("import");
	o.progress = !quiet && isatty(STDERR_FILENO);
	/* Each committed file leaves one audit row (kind, file, counts). */
	cli_actor(actor_opt, actor, sizeof actor);
	audit_actor who = {actor, "cli", ""};
	o.audit = &who;
	o.now = time(NULL);

	db *d = cli_open_db(cli_db_path(dbopt), DB_OPEN_CREATE | DB_OPEN_BULK);
	if (!d)
		return CLI_FAIL;
	for (int i = optind; i < argc; i++) {
		import_result res;
		buf out = BUF_INIT;
		int rc = import_file(d, argv[i], argv[i], &o, &res);
		import_result_text(&res, &out);
		fputs(buf_str(&out), rc == 0 ? stdout : stderr);
		if (rc != 0)
			failed++;
		buf_free(&out);
		import_result_free(&res);
	}
	db_close(d);
	return failed ? CLI_FAIL : CLI_OK;
}
