/*
 * cli_export.c - `anxin export KIND`: writes one kind as CSV or XLSX to a
 * file or standard output, masked unless --unmasked. The output file is
 * written beside its final name and renamed into place, so a failed export
 * never leaves half a file.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "domain/access/audit.h"
#include "domain/records/export.h"
#include "util/buf.h"

int cmd_export(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"format", required_argument, NULL, 'f'},
		{"out", required_argument, NULL, 'o'},
		{"unmasked", no_argument, NULL, 'u'},
		{"header", required_argument, NULL, 'H'},
		{"actor", required_argument, NULL, 'a'},
		{"form", required_argument, NULL, 'F'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *dbopt = NULL, *outpath = NULL, *actor_opt = NULL;
	/* The CLI works on the file directly: it sees everything. */
	export_opts o = {.format = EXPORT_CSV, .scope = rec_scope_all()};
	int c;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': dbopt = optarg; break;
		case 'f':
			if (!strcmp(optarg, "csv"))
				o.format = EXPORT_CSV;
			else if (!strcmp(optarg, "xlsx"))
				o.format = EXPORT_XLSX;
			else
				return cli_fail("export", "--format must be csv or xlsx, not '%s'", optarg);
			break;
		case 'o': outpath = optarg; break;
		case 'u': o.unmasked = 1; break;
		case 'H':
			if (!strcmp(optarg, "zh"))
				o.header = EXPORT_HEADER_ZH;
			else if (!strcmp(optarg, "en"))
				o.header = EXPORT_HEADER_EN;
			else
				return cli_fail("export", "--header must be zh or en");
			break;
		case 'a': actor_opt = optarg; break;
		case 'F':
			if (!strcmp(optarg, "exchange"))
				o.form = EXPORT_EXCHANGE;
			else if (!strcmp(optarg, "display"))
				o.form = EXPORT_DISPLAY;
			else
				return cli_fail("export", "--form must be exchange or display");
			break;
		case 'h': return cli_help("export");
		default: return cli_usage("export");
		}
	}
	if (optind != argc - 1)
		return cli_usage("export");
	const kind *k = kind_find(argv[optind]);
	if (!k)
		return cli_fail("export", "unknown kind '%s'", argv[optind]);
	if (!outpath && o.format == EXPORT_XLSX && isatty(STDOUT_FILENO))
		return cli_fail("export", "XLSX is binary: give --out FILE");

	db *d = cli_open_db(cli_db_path(dbopt), 0);
	if (!d)
		return CLI_FAIL;
	/* Personal data in full is a privileged read: recorded before it is
	 * written out, and refused if it cannot be recorded. */
	if (o.unmasked) {
		char actor[128];
		cli_actor(actor_opt, actor, sizeof actor);
		audit_actor who = {actor, "cli", ""};
		audit_entry e = {.who = &who, .now = time(NULL), .action = "export_unmasked",
				 .object_kind = k->name, .object_key = outpath ? outpath : "-"};
		int ok = db_begin_desk(d) == DB_OK && audit_append(d, &e) == 0 && db_commit(d) == DB_OK;
		if (!ok) {
			db_close(d);
			return cli_fail("export", "cannot record the unmasked export in the audit log");
		}
	}
	buf tmp = BUF_INIT;
	FILE *out = stdout;
	if (outpath) {
		buf_fmt(&tmp, "%s.part", outpath);
		out = fopen(buf_str(&tmp), "wb");
		if (!out) {
			db_close(d);
			buf_free(&tmp);
			return cli_fail("export", "cannot write %s", buf_str(&tmp));
		}
	}
	char err[256] = "";
	long n = export_kind(d, k, &o, out, err, sizeof err);
	int rc = CLI_OK;
	if (outpath) {
		if (fclose(out) != 0 && n >= 0) {
			n = -1;
			snprintf(err, sizeof err, "cannot write %s", outpath);
		}
		if (n >= 0 && rename(buf_str(&tmp), outpath) != 0) {
			n = -1;
			snprintf(err, sizeof err, "cannot rename into %s", outpath);
		}
		if (n < 0)
			unlink(buf_str(&tmp));
	}
	if (n < 0)
		rc = cli_fail("export", "%s", err);
	else if (outpath)
		fprintf(stderr, "anxin: %ld %s records written to %s%s\n", n, k->name,
			outpath, o.unmasked ? " (unmasked)" : "");
	buf_free(&tmp);
	db_close(d);
	return rc;
}
