/*
 * main.c - the anxin binary: hands argv and the table of subcommands
 * (src/cli/cli_table.c) to the dispatch (src/cli/cli_common.c). Each
 * subcommand lives in src/cli/cli_<name>.c.
 */
#include "cli/cli.h"

int main(int argc, char **argv)
{
	return cli_dispatch(cli_commands, cli_ncommands, argc, argv);
}
