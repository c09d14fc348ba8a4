/*
 * cli.h - the subcommands of the anxin binary and the conventions they
 * share: every subcommand takes --db FILE (default $ANXIN_DB, else
 * ./anxin.db) and --help, exits 0 on success and non-zero with a message
 * on stderr otherwise. cli_table.c holds the table with the help texts,
 * cli_common.c the shared helpers and the dispatch, each other cli_*.c
 * one command; main.c only hands argv to cli_dispatch.
 */
#ifndef ANXIN_CLI_H
#define ANXIN_CLI_H

#include <stddef.h>

#include "store/db.h"

typedef struct cli_cmd {
	const char *name;
	int (*run)(int argc, char **argv);  /* argv[0] is the command name */
	const char *summary;                /* one line, for `anxin --help` */
	const char *usage;                  /* full help text */
} cli_cmd;

/* Exit statuses shared by all subcommands. */
enum { CLI_OK = 0, CLI_FAIL = 1, CLI_USAGE = 2 };

/* The subcommands, in the order of `anxin --help` (cli_table.c). */
extern const cli_cmd cli_commands[];
extern const size_t cli_ncommands;

/* Runs the command argv[1] of the table cmds[0..n) with argv + 1 and
 * returns its exit status; without a command, or with --help / -h / help,
 * prints the list of commands (stderr and CLI_USAGE, stdout and CLI_OK);
 * an unknown one: a message, the list, CLI_USAGE. Keeps the table for
 * cli_usage and cli_help (cli_common.c). */
int cli_dispatch(const cli_cmd *cmds, size_t n, int argc, char **argv);

/* The database path: the value of --db if given, else $ANXIN_DB, else
 * "anxin.db". */
const char *cli_db_path(const char *opt);
/* Opens the database (creating it when create is set) or prints why. */
db *cli_open_db(const char *path, int flags);
/* Prints "anxin CMD: msg" to stderr and returns CLI_FAIL. */
int cli_fail(const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Prints the usage of cmd to stderr (for a usage error) and returns
 * CLI_USAGE. */
int cli_usage(const char *cmd);
/* Prints the usage of cmd to stdout and returns CLI_OK (for --help). */
int cli_help(const char *cmd);

/* Serves db_path over HTTP on listen ("HOST:PORT") with threads HTTP
 * threads until SIGINT/SIGTERM (cli_serve.c; `anxin demo` uses it).
 * Returns an exit status. */
int cli_serve_db(const char *db_path, const char *listen, int threads);

/* The configuration file of `anxin serve` and `anxin config`: opt
 * (--config), else $ANXIN_CONFIG ("" for none), else
 * /etc/anxin/anxin.conf when it exists, else "" (none). */
const char *cli_config_path(const char *opt);
/* Prints each line of errs as "anxin CMD: LINE" to stderr. */
void cli_print_errors(const char *cmd, const char *errs);

/* The audit actor of a CLI command: "cli:" + --actor if given, else
 * "cli:" + the login name ($USER, else the passwd entry). */
void cli_actor(const char *opt, char *out, size_t outlen);
/* Reads one line (a password) from standard input into out without its
 * line end. Returns 0, or -1 when empty, too long or unreadable. The caller
 * wipes out with sodium_memzero. */
int cli_read_secret(char *out, size_t outlen);

int cmd_init(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_routes(int argc, char **argv);
int cmd_demo(int argc, char **argv);
int cmd_user(int argc, char **argv);
int cmd_token(int argc, char **argv);
int cmd_audit(int argc, char **argv);
int cmd_scan(int argc, char **argv);
int cmd_warnings(int argc, char **argv);
int cmd_params(int argc, char **argv);
int cmd_calendar(int argc, char **argv);
int cmd_backup(int argc, char **argv);
int cmd_restore(int argc, char **argv);
int cmd_config(int argc, char **argv);
int cmd_migrate(int argc, char **argv);
int cmd_clues(int argc, char **argv);
int cmd_cases(int argc, char **argv);

#endif
