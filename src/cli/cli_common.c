/*
 * cli_common.c - what every subcommand shares (cli.h): the database path
 * and opening it, the error and usage messages with their exit statuses,
 * and the dispatch of argv to the command of the table (cli_table.c) that
 * main() hands in. Knows no command: it finds one in the table it is
 * given, so the commands lean on this file and never the reverse.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/access/audit.h"

/* The table of cli_dispatch, for the help texts (set once at start). */
static const cli_cmd *commands;
static size_t ncommands;

/* The command named name in the table, or NULL. */
static const cli_cmd *find_cmd(const char *name)
{
	for (size_t i = 0; i < ncommands; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

const char *cli_db_path(const char *opt)
{
	const char *env = getenv("ANXIN_DB");

	if (opt && *opt)
		return opt;
	if (env && *env)
		return env;
	return "anxin.db";
}

db *cli_open_db(const char *path, int flags)
{
	char err[512];
	db *d = db_open(path, flags, err, sizeof err);

	if (!d) {
		fprintf(stderr, "anxin: %s\n", err);
		return NULL;
	}
	/* audit rows lost between the two files' commits by a crash */
	int64_t lost = (flags & DB_OPEN_READONLY) ? 0 : audit_reconcile(d);
	if (lost > 0)
		fprintf(stderr, "anxin: %lld audit row(s) of committed changes were lost in a crash "
			"and have been appended again\n", (long long)lost);
	return d;
}

int cli_fail(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "anxin %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return CLI_FAIL;
}

int cli_usage(const char *cmd)
{
	const cli_cmd *c = find_cmd(cmd);

	if (c)
		fputs(c->usage, stderr);
	return CLI_USAGE;
}

int cli_help(const char *cmd)
{
	const cli_cmd *c = find_cmd(cmd);

	if (c)
		fputs(c->usage, stdout);
	return CLI_OK;
}

/* The list of `anxin --help`: a title, one line a command, the --db rule. */
static void print_commands(FILE *f)
{
	fputs("anxin (安薪) - wage-payment monitoring for a labour bureau\n"
	      "usage: anxin COMMAND [options]   (anxin COMMAND --help for more)\n\n",
	      f);
	for (size_t i = 0; i < ncommands; i++)
		fprintf(f, "  %-8s %s\n", commands[i].name, commands[i].summary);
	fputs("\nEvery command takes --db FILE (default $ANXIN_DB, else ./anxin.db): a SQLite\n"
	      "file, or a PostgreSQL database as a URI, postgresql://USER@HOST:PORT/DBNAME\n"
	      "(password from ~/.pgpass or $PGPASSFILE; never printed).\n", f);
}

int cli_dispatch(const cli_cmd *cmds, size_t n, int argc, char **argv)
{
	commands = cmds;
	ncommands = n;
	if (argc < 2) {
		print_commands(stderr);
		return CLI_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
		print_commands(stdout);
		return CLI_OK;
	}
	const cli_cmd *c = find_cmd(argv[1]);
	if (!c) {
		fprintf(stderr, "anxin: unknown command '%s'\n", argv[1]);
		print_commands(stderr);
		return CLI_USAGE;
	}
	return c->run(argc - 1, argv + 1);
}
