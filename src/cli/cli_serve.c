/*
 * cli_serve.c - `anxin serve`: parses its options and hands over to the
 * HTTP server (src/http). Also cli_serve_db(), which `anxin demo` calls to
 * serve the data set it just generated, and `anxin routes`, which prints
 * the route table with each route's permission (the access matrix test
 * reads it, so a new route cannot escape the matrix). --scan-at HH:MM|off
 * sets the daily warning scan (src/http/sched.c); --read-limit
 * BURST/PER_MINUTE|off the per-caller limit on API reads (src/http/rate.h);
 * --metrics-token-file FILE the secret that opens GET /metrics beyond
 * loopback (src/http/metrics.h); --backup-dir DIR [--backup-at HH:MM|off]
 * [--backup-keep N] the daily backup (src/http/backup_sched.c).
 * Every setting flag is a key of the configuration file (src/http/conf.h,
 * --config FILE, default /etc/anxin/anxin.conf when it exists), and the
 * flag wins; the flags are handed to the server so a reload (SIGHUP)
 * applies them over the re-read file again.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/access/user.h"
#include "http/conf.h"
#include "http/http.h"
#include "util/buf.h"

int cli_serve_db(const char *db_path, const char *listen, int threads)
{
	static http_config cfg;  /* the server keeps a pointer to it */
	char err[256];

	conf_defaults(&cfg);
	snprintf(cfg.db_path, sizeof cfg.db_path, "%s", db_path);
	if (listen && conf_set(&cfg, "listen", listen, err, sizeof err) < 0)
		return cli_fail("serve", "--listen '%s': %s", listen, err);
	cfg.threads = threads > 0 ? threads : 2;
	return http_serve(&cfg) == 0 ? CLI_OK : CLI_FAIL;
}

int cmd_routes(int argc, char **argv)
{
	buf b = BUF_INIT;

	if (argc > 1)
		return strcmp(argv[1], "--help") == 0 ? cli_help("routes") : cli_usage("routes");
	http_routes_json(&b);
	fputs(buf_str(&b), stdout);
	buf_free(&b);
	return CLI_OK;
}

/* Reads the metrics token: the first line of path, 32..200 printable
 * ASCII characters (a secret from e.g. `openssl rand -hex 32`). Returns 0,
 * or -1 when unreadable or malformed. */
static int read_metrics_token(const char *path, char *out, size_t outlen)
{
	FILE *f = fopen(path, "r");
	size_t n;

	if (!f)
		return -1;
	if (!fgets(out, (int)outlen, f))
		out[0] = 0;
	fclose(f);
	out[strcspn(out, "\r\n")] = 0;
	n = strlen(out);
	for (size_t i = 0; i < n; i++)
		if (out[i] <= ' ' || out[i] > '~')
			n = 0;
	if (n < 32 || n > 200) {
		explicit_bzero(out, outlen);
		return -1;
	}
	return 0;
}

int cmd_serve(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"listen", required_argument, NULL, 'l'},
		{"threads", required_argument, NULL, 't'},
		{"secure-cookies", no_argument, NULL, 's'},
		{"trust-proxy", no_argument, NULL, 'p'},
		{"scan-at", required_argument, NULL, 'S'},
		{"no-cache", no_argument, NULL, 'n'},
		{"read-limit", required_argument, NULL, 'r'},
		{"max-upload", required_argument, NULL, 'u'},
		{"log-level", required_argument, NULL, 'L'},
		{"stop-timeout", required_argument, NULL, 'T'},
		{"config", required_argument, NULL, 'c'},
		{"metrics-token-file", required_argument, NULL, 'm'},
		{"backup-dir", required_argument, NULL, 'B'},
		{"backup-at", required_argument, NULL, 'A'},
		{"backup-keep", required_argument, NULL, 'K'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	/* The flags as (key, value) pairs, applied over the file - at start
	 * and at every reload - by conf_load; static: the server keeps them. */
	static const char *flags[2 * 32 + 1];
	static http_config cfg;
	static char metrics_token[256];
	const char *config = NULL;
	int c, nflags = 0, no_cache = 0;
	buf errs = BUF_INIT;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		const char *key = NULL, *val = optarg;
		switch (c) {
		case 'd': key = "db"; break;
		case 'l': key = "listen"; break;
		case 't': key = "threads"; break;
		case 's': key = "secure_cookies"; val = "yes"; break;
		case 'p': key = "trust_proxy"; val = "yes"; break;
		case 'S': key = "scan_at"; break;
		case 'r': key = "read_limit"; break;
		case 'u': key = "max_upload"; break;
		case 'L': key = "log_level"; break;
		case 'T': key = "stop_timeout"; break;
		case 'n': no_cache = 1; break;
		case 'c': config = optarg; break;
		case 'B': key = "backup_dir"; break;
		case 'A': key = "backup_at"; break;
		case 'K': key = "backup_keep"; break;
		case 'm':
			if (read_metrics_token(optarg, metrics_token, sizeof metrics_token) < 0)
				return cli_fail("serve", "--metrics-token-file %s: want a readable file "
						"holding one line of 32 to 200 printable characters",
						optarg);
			break;
		case 'h': return cli_help("serve");
		default: return cli_usage("serve");
		}
		if (key && nflags < 2 * 32) {
			flags[nflags++] = key;
			flags[nflags++] = val;
		}
	}
	flags[nflags] = NULL;
	if (optind < argc)
		return cli_usage("serve");
	if (conf_load(&cfg, cli_config_path(config), flags, &errs) > 0) {
		cli_print_errors("serve", buf_str(&errs));
		buf_free(&errs);
		return CLI_FAIL;
	}
	buf_free(&errs);
	cfg.no_cache = no_cache;
	cfg.metrics_token = metrics_token[0] ? metrics_token : NULL;
	/* --db, else the file's db, else $ANXIN_DB, else ./anxin.db */
	if (!cfg.db_path[0])
		snprintf(cfg.db_path, sizeof cfg.db_path, "%s", cli_db_path(NULL));
	/* Opening once here creates nothing (no DB_OPEN_CREATE) but upgrades
	 * the schema and gives a clear message for a missing file. */
	db *d = cli_open_db(cfg.db_path, 0);
	if (!d)
		return CLI_FAIL;
	db_close(d);
	if (user_fast_hash())
		fprintf(stderr, "anxin serve: WARNING: ANXIN_TEST_FAST_HASH=1 - weak password "
				"hashing, for tests only\n");
	int rc = http_serve(&cfg) == 0 ? CLI_OK : CLI_FAIL;
	explicit_bzero(metrics_token, sizeof metrics_token);
	return rc;
}
