/*
 * cli_calendar.c - the official working-day calendar:
 *   anxin calendar years                      known years (source, who added)
 *   anxin calendar add-year YEAR --off DATES --work DATES [--source TEXT]
 *   anxin calendar add-year YEAR --csv FILE   rows "date,off|work" (CSV in
 *                                             any encoding an import takes,
 *                                             or XLSX: cal_read_file)
 *   anxin calendar workdays DATE N            the N-th working day after DATE
 * DATES: comma-separated days or ranges, "2027-01-01..2027-01-03,2027-02-10".
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/basis/calendar.h"
#include "util/buf.h"

typedef struct dlist {
	char **v;
	int n;
} dlist;

static void dl_add(dlist *l, day_t d)
{
	char s[11];
	date_format(d, s);
	l->v = xrealloc(l->v, (size_t)(l->n + 1) * sizeof *l->v);
	l->v[l->n++] = xstrdup(s);
}

static void dl_free(dlist *l)
{
	for (int i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
}

/* Parses "a..b,c" into l. Returns 0 or -1 (bad date). */
static int parse_dates(const char *spec, dlist *l)
{
	char *copy = xstrdup(spec), *save = NULL, *tok;
	int rc = 0;

	for (tok = strtok_r(copy, ",", &save); tok && rc == 0; tok = strtok_r(NULL, ",", &save)) {
		char *dots = strstr(tok, "..");
		day_t a, b;
		if (dots)
			*dots = 0;
		if (!date_parse_iso(tok, &a) || (dots && !date_parse_iso(dots + 2, &b)) ||
		    (dots && b < a) || (dots && b - a > 366)) {
			rc = -1;
			break;
		}
		if (!dots)
			b = a;
		for (day_t d = a; d <= b; d++)
			dl_add(l, d);
	}
	free(copy);
	return rc;
}

typedef struct days {
	dlist *off, *work;
} days;

static void on_day(void *ctx, day_t d, int is_workday)
{
	days *x = ctx;
	dl_add(is_workday ? x->work : x->off, d);
}

int cmd_calendar(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"off", required_argument, NULL, 'o'},
		{"work", required_argument, NULL, 'w'},
		{"csv", required_argument, NULL, 'c'},
		{"source", required_argument, NULL, 's'},
		{"actor", required_argument, NULL, 'a'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *dbopt = NULL, *offs = NULL, *works = NULL, *csv = NULL, *source = NULL,
		   *actor_opt = NULL;
	dlist off = {NULL, 0}, work = {NULL, 0};
	char err[512], actor[128];
	int c, rc = CLI_OK;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': dbopt = optarg; break;
		case 'o': offs = optarg; break;
		case 'w': works = optarg; break;
		case 'c': csv = optarg; break;
		case 's': source = optarg; break;
		case 'a': actor_opt = optarg; break;
		case 'h': return cli_help("calendar");
		default: return cli_usage("calendar");
		}
	}
	int nargs = argc - optind;
	const char *sub = nargs > 0 ? argv[optind] : "years";
	if (!strcmp(sub, "add-year") && nargs == 2) {
		int year = atoi(argv[optind + 1]);
		if ((offs && parse_dates(offs, &off) != 0) || (works && parse_dates(works, &work) != 0)) {
			rc = cli_fail("calendar", "bad date list (YYYY-MM-DD[..YYYY-MM-DD],...)");
			goto out;
		}
		if (csv && cal_read_file(csv, on_day, &(days){&off, &work}, err, sizeof err) != 0) {
			rc = cli_fail("calendar", "%s", err);
			goto out;
		}
		if (off.n == 0 && !offs && !csv) {
			rc = cli_fail("calendar", "add-year needs --off DATES (and --work DATES) or --csv FILE");
			goto out;
		}
		db *d = cli_open_db(cli_db_path(dbopt), DB_OPEN_CREATE);
		if (!d) {
			rc = CLI_FAIL;
			goto out;
		}
		cli_actor(actor_opt, actor, sizeof actor);
		if (cal_add_year(d, year, (const char *const *)off.v, off.n, (const char *const *)work.v,
				 work.n, source ? source : actor, actor, err, sizeof err) != 0)
			rc = cli_fail("calendar", "%s", err);
		else
			printf("%d: %d days off, %d adjusted working days (by %s)\n", year, off.n, work.n, actor);
		db_close(d);
	} else if (!strcmp(sub, "workdays") && nargs == 3) {
		day_t from, to;
		int n = atoi(argv[optind + 2]);
		if (!date_parse_iso(argv[optind + 1], &from)) {
			rc = cli_fail("calendar", "'%s' is not a date", argv[optind + 1]);
			goto out;
		}
		db *d = cli_open_db(cli_db_path(dbopt), DB_OPEN_CREATE);
		if (!d) {
			rc = CLI_FAIL;
			goto out;
		}
		cal *cl = cal_load(d, err, sizeof err);
		if (!cl || cal_add_workdays(cl, from, n, &to, err, sizeof err) != 0) {
			rc = cli_fail("calendar", "%s", err);
		} else {
			char s[11];
			date_format(to, s);
			printf("%s\n", s);
		}
		cal_free(cl);
		db_close(d);
	} else if (!strcmp(sub, "years") && nargs <= 1) {
		db *d = cli_open_db(cli_db_path(dbopt), DB_OPEN_CREATE);
		if (!d) {
			rc = CLI_FAIL;
			goto out;
		}
		cal *cl = cal_load(d, err, sizeof err);
		if (!cl) {
			rc = cli_fail("calendar", "%s", err);
		} else {
			for (int y = 1900; y < 2200; y++)
				if (cal_year_known(cl, y))
					printf("%d\n", y);
		}
		cal_free(cl);
		db_close(d);
	} else {
		rc = cli_usage("calendar");
	}
out:
	dl_free(&off);
	dl_free(&work);
	return rc;
}
