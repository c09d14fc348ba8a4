/*
 * cli_config.c - `anxin config check [--config FILE]`: reads the
 * configuration file the server would read (src/http/conf.h) and prints
 * the effective settings (exit 0) or every error with FILE:LINE (exit 1).
 * Also cli_config_path() and cli_print_errors(), which `anxin serve`
 * shares, so both pick the same file and report its errors alike.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "http/conf.h"
#include "util/buf.h"

const char *cli_config_path(const char *opt)
{
	const char *env = getenv("ANXIN_CONFIG");

	if (opt)
		return opt;
	if (env)
		return env;  /* "" = no file */
	return access(CONF_DEFAULT_PATH, F_OK) == 0 ? CONF_DEFAULT_PATH : "";
}

/* Prints the newline-separated errors errs, one line each, as "anxin
 * CMD: ..." (the configuration's errors, for `config check` and `serve`). */
void cli_print_errors(const char *cmd, const char *errs)
{
	while (*errs) {
		size_t n = strcspn(errs, "\n");
		fprintf(stderr, "anxin %s: %.*s\n", cmd, (int)n, errs);
		errs += n + (errs[n] != 0);
	}
}

int cmd_config(int argc, char **argv)
{
	static const struct option opts[] = {
		{"config", required_argument, NULL, 'c'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *config = NULL;
	http_config cfg;
	buf errs = BUF_INIT, out = BUF_INIT;
	int c, n;

	if (argc < 2)
		return cli_usage("config");
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))
		return cli_help("config");
	if (strcmp(argv[1], "check") != 0)
		return cli_usage("config");
	optind = 1;
	while ((c = getopt_long(argc - 1, argv + 1, "", opts, NULL)) != -1) {
		switch (c) {
		case 'c': config = optarg; break;
		case 'h': return cli_help("config");
		default: return cli_usage("config");
		}
	}
	if (optind < argc - 1)
		return cli_usage("config");
	const char *path = cli_config_path(config);
	if ((n = conf_load(&cfg, path, NULL, &errs)) > 0) {
		cli_print_errors("config", buf_str(&errs));
		fprintf(stderr, "anxin config: %d 处错误 (%d error%s) in %s\n", n, n,
			n == 1 ? "" : "s", path);
		buf_free(&errs);
		return CLI_FAIL;
	}
	if (!cfg.db_path[0])
		snprintf(cfg.db_path, sizeof cfg.db_path, "%s", cli_db_path(NULL));
	buf_fmt(&out, "# %s: ok\n", *path ? path : "(no configuration file: the defaults)");
	conf_print(&cfg, &out);
	fputs(buf_str(&out), stdout);
	buf_free(&out);
	buf_free(&errs);
	return CLI_OK;
}
