/*
 * cli_serve.c - `anxin serve`: parses its options and hands over to the
 * HTTP server (src/http). Also cli_serve_db(), which `anxin demo` calls to
 * serve the data set it just generated, and `anxin routes`, which prints
 * the route table with each route's permission (the access matrix test
 * reads it, so a new route cannot escape the matrix). --scan-at HH:MM|off
 * sets the daily warning scan (src/http/sched.c); --read-limit
 * BURST/PER_MINUTE|off the per-caller limit on API reads (src/http/rate.h);
 * --metrics-token-file FILE the secret that opens GET /metrics beyond
 * loopback (src/http/metrics.h).
 * --backup-dir DIR [--backup-at HH:MM|off] [--backup-keep N] the daily
 * backup (src/http/backup_sched.c).
 */
#include <getopt.h>
#include <stdio.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/access/user.h"
#include "http/http.h"
#include "util/buf.h"

#define SCAN_AT_DEFAULT (2 * 60) /* the daily warning scan at 02:00 Asia/Shanghai */
#define BACKUP_AT_DEFAULT (1 * 60) /* the daily backup at 01:00, before the scan */
#define BACKUP_KEEP_DEFAULT 7

int cli_serve_db(const char *db_path, const char *listen, int threads)
{
	http_config cfg = {db_path, listen ? listen : "127.0.0.1:8080",
			   threads > 0 ? threads : 2, 0, 0, SCAN_AT_DEFAULT, 0,
			   HTTP_READ_BURST, HTTP_READ_PER_MIN, NULL, NULL, -1, 0};

	return http_serve(&cfg) == 0 ? CLI_OK : CLI_FAIL;
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

/* "HH:MM" -> minutes after midnight, "off" -> -1; -2 when malformed. */
static int parse_scan_at(const char *s)
{
	int h, m;
	char tail;

	if (!strcmp(s, "off"))
		return -1;
	if (sscanf(s, "%2d:%2d%c", &h, &m, &tail) != 2 || strlen(s) != 5 || h < 0 || h > 23 ||
	    m < 0 || m > 59)
		return -2;
	return h * 60 + m;
}

/* "BURST/PER_MINUTE" (e.g. "300/120") or "off" (burst 0) into the two;
 * -1 when malformed. */
static int parse_read_limit(const char *s, int *burst, int *per_min)
{
	char tail;

	if (!strcmp(s, "off")) {
		*burst = 0;
		*per_min = 0;
		return 0;
	}
	if (sscanf(s, "%d/%d%c", burst, per_min, &tail) != 2 || *burst < 1 || *burst > 1000000 ||
	    *per_min < 1 || *per_min > 6000000)
		return -1;
	return 0;
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
		{"metrics-token-file", required_argument, NULL, 'm'},
		{"backup-dir", required_argument, NULL, 'B'},
		{"backup-at", required_argument, NULL, 'A'},
		{"backup-keep", required_argument, NULL, 'K'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *dbopt = NULL, *listen = "127.0.0.1:8080";
	int c, threads = 2, secure = 0, proxy = 0, scan_at = SCAN_AT_DEFAULT, no_cache = 0;
	int read_burst = HTTP_READ_BURST, read_per_min = HTTP_READ_PER_MIN;
	char *end, metrics_token[256] = "";
	int backup_at = BACKUP_AT_DEFAULT, backup_keep = BACKUP_KEEP_DEFAULT;
	const char *backup_dir = NULL;
	struct stat sb;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': dbopt = optarg; break;
		case 'l': listen = optarg; break;
		case 't':
			threads = (int)strtol(optarg, &end, 10);
			if (*end || threads < 1 || threads > 64)
				return cli_fail("serve", "--threads must be 1..64");
			break;
		case 's': secure = 1; break;
		case 'p': proxy = 1; break;
		case 'S':
			if ((scan_at = parse_scan_at(optarg)) < -1)
				return cli_fail("serve", "--scan-at '%s': want HH:MM (Asia/Shanghai) or off",
						optarg);
			break;
		case 'n': no_cache = 1; break;
		case 'm':
			if (read_metrics_token(optarg, metrics_token, sizeof metrics_token) < 0)
				return cli_fail("serve", "--metrics-token-file %s: want a readable file "
						"holding one line of 32 to 200 printable characters",
						optarg);
			break;
		case 'r':
			if (parse_read_limit(optarg, &read_burst, &read_per_min) < 0)
				return cli_fail("serve", "--read-limit '%s': want BURST/PER_MINUTE "
						"(e.g. %d/%d) or off", optarg, HTTP_READ_BURST,
						HTTP_READ_PER_MIN);
			break;
		case 'B': backup_dir = optarg; break;
		case 'A':
			if ((backup_at = parse_scan_at(optarg)) < -1)
				return cli_fail("serve", "--backup-at '%s': want HH:MM (Asia/Shanghai) "
						"or off", optarg);
			break;
		case 'K':
			backup_keep = (int)strtol(optarg, &end, 10);
			if (*end || backup_keep < 1 || backup_keep > 3650)
				return cli_fail("serve", "--backup-keep must be 1..3650");
			break;
		case 'h': return cli_help("serve");
		default: return cli_usage("serve");
		}
	}
	if (optind < argc)
		return cli_usage("serve");
	if (backup_dir && (stat(backup_dir, &sb) != 0 || !S_ISDIR(sb.st_mode)))
		return cli_fail("serve", "--backup-dir %s: not a folder (create it first)", backup_dir);
	/* Opening once here creates nothing (no DB_OPEN_CREATE) but upgrades
	 * the schema and gives a clear message for a missing file. */
	const char *path = cli_db_path(dbopt);
	db *d = cli_open_db(path, 0);
	if (!d)
		return CLI_FAIL;
	db_close(d);
	if (user_fast_hash())
		fprintf(stderr, "anxin serve: WARNING: ANXIN_TEST_FAST_HASH=1 - weak password "
				"hashing, for tests only\n");
	http_config cfg = {path, listen, threads, secure, proxy, scan_at, no_cache,
			   read_burst, read_per_min, metrics_token[0] ? metrics_token : NULL,
			   backup_dir, backup_at, backup_keep};
	int rc = http_serve(&cfg) == 0 ? CLI_OK : CLI_FAIL;
	explicit_bzero(metrics_token, sizeof metrics_token);
	return rc;
}
