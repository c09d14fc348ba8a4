/*
 * cli_init.c - `anxin init`: creates the database or brings its schema up
 * to date. Opening through db_open applies the migrations; this command
 * only reports the result.
 */
#include <getopt.h>
#include <stdio.h>

#include "cli/cli.h"

int cmd_init(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *dbopt = NULL;
	int c;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': dbopt = optarg; break;
		case 'h': return cli_help("init");
		default: return cli_usage("init");
		}
	}
	if (optind < argc)
		return cli_usage("init");
	const char *path = cli_db_path(dbopt);
	db *d = cli_open_db(path, DB_OPEN_CREATE);
	if (!d)
		return CLI_FAIL;
	printf("anxin: database %s ready (schema version %d)\n", path, db_schema_version(d));
	db_close(d);
	return CLI_OK;
}
