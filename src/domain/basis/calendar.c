/*
 * calendar.c - working-day arithmetic over the official calendar (see
 * calendar.h). The exceptions are a sorted array searched by bisection;
 * the known years a small bitmap (1900-2199, the years a date may have).
 */
#include "domain/basis/calendar.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "io/rowsrc.h"
#include "store/cal_store.h"
#include "util/buf.h"
#include "util/clock.h"

#define CAL_Y0 1900
#define CAL_NY 300

typedef struct cal_day {
	day_t day;
	int is_workday;
} cal_day;

struct cal {
	unsigned char known[CAL_NY];
	cal_day *days;
	size_t n, cap;
	int sorted;
};

cal *cal_new(void)
{
	cal *c = xcalloc(1, sizeof *c);
	c->sorted = 1;
	return c;
}

void cal_free(cal *c)
{
	if (!c)
		return;
	free(c->days);
	free(c);
}

void cal_set_year(cal *c, int year)
{
	if (year >= CAL_Y0 && year < CAL_Y0 + CAL_NY)
		c->known[year - CAL_Y0] = 1;
}

void cal_set_day(cal *c, day_t day, int is_workday)
{
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 64;
		c->days = xrealloc(c->days, c->cap * sizeof *c->days);
	}
	if (c->n && c->days[c->n - 1].day >= day)
		c->sorted = 0;
	c->days[c->n].day = day;
	c->days[c->n++].is_workday = is_workday;
}

static int cal_cmp(const void *a, const void *b)
{
	const cal_day *x = a, *y = b;
	return (x->day > y->day) - (x->day < y->day);
}

static void cal_year_cb(void *ctx, int year)
{
	cal_set_year(ctx, year);
}

static void cal_day_cb(void *ctx, const char *date, int is_workday)
{
	day_t d;
	if (date_parse_iso(date, &d))
		cal_set_day(ctx, d, is_workday);
}

cal *cal_load(db *d, char *err, size_t errlen)
{
	cal *c = cal_new();

	if (cal_store_load(d, cal_year_cb, cal_day_cb, c) != 0) {
		snprintf(err, errlen, "cannot read the calendar: %s", db_errmsg(d));
		cal_free(c);
		return NULL;
	}
	return c;
}

int cal_year_known(const cal *c, int year)
{
	return year >= CAL_Y0 && year < CAL_Y0 + CAL_NY && c->known[year - CAL_Y0];
}

int cal_is_workday(const cal *c, day_t day)
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	if (!cal_year_known(c, y))
		return -1;
	if (!c->sorted) {
		qsort(((cal *)c)->days, c->n, sizeof *c->days, cal_cmp);
		((cal *)c)->sorted = 1;
	}
	size_t lo = 0, hi = c->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (c->days[mid].day < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < c->n && c->days[lo].day == day)
		return c->days[lo].is_workday;
	return date_weekday(day) < 5;
}

int cal_add_workdays(const cal *c, day_t from, int n, day_t *out, char *err, size_t errlen)
{
	day_t d = from;
	int want = n;

	if (n < 1) {
		snprintf(err, errlen, "working days must be at least 1 (got %d)", n);
		return -1;
	}
	while (n > 0) {
		d++;
		int w = cal_is_workday(c, d);
		if (w < 0) {
			int y, m, dd;
			char f[11];
			date_to_ymd(d, &y, &m, &dd);
			date_format(from, f);
			snprintf(err, errlen,
				 "%d年放假安排未知,无法计算%s后第%d个工作日 (official calendar of %d unknown: "
				 "add it with `anxin calendar add-year %d`)",
				 y, f, want, y, y);
			return -1;
		}
		n -= w;
	}
	*out = d;
	return 0;
}

/* Checks that every date of list is a real date inside year. */
static int cal_check_dates(int year, const char *const *list, int n, const char *what,
			   char *err, size_t errlen)
{
	for (int i = 0; i < n; i++) {
		day_t d;
		int y, m, dd;
		if (!date_parse_iso(list[i], &d)) {
			snprintf(err, errlen, "%s: '%s' is not a date YYYY-MM-DD", what, list[i]);
			return -1;
		}
		date_to_ymd(d, &y, &m, &dd);
		if (y != year) {
			snprintf(err, errlen, "%s: %s is not in %d", what, list[i], year);
			return -1;
		}
	}
	return 0;
}

int cal_add_year(db *d, int year, const char *const *off, int noff,
		 const char *const *work, int nwork, const char *source,
		 const char *actor, char *err, size_t errlen)
{
	char at[32];
	time_t now = time(NULL);

	if (year < 2000 || year > 2199) {
		snprintf(err, errlen, "year %d out of range 2000-2199", year);
		return -1;
	}
	if (cal_check_dates(year, off, noff, "--off", err, errlen) != 0 ||
	    cal_check_dates(year, work, nwork, "--work", err, errlen) != 0)
		return -1;
	for (int i = 0; i < noff; i++)
		for (int j = 0; j < nwork; j++)
			if (!strcmp(off[i], work[j])) {
				snprintf(err, errlen, "%s is both a day off and a working day", off[i]);
				return -1;
			}
	clk_utc_iso((int64_t)now, at);
	if (cal_store_put_year(d, year, source, actor, at, off, noff, work, nwork) != 0) {
		snprintf(err, errlen, "cannot store the calendar: %s", db_errmsg(d));
		return -1;
	}
	return 0;
}

/* Copies field f into out without leading and trailing blanks. */
static void cal_trim(const char *f, char *out, size_t outlen)
{
	size_t n;

	while (*f == ' ' || *f == '\t')
		f++;
	n = strlen(f);
	while (n && (f[n - 1] == ' ' || f[n - 1] == '\t'))
		n--;
	snprintf(out, outlen, "%.*s", (int)(n < outlen ? n : outlen - 1), f);
}

int cal_read_file(const char *path, void (*cb)(void *ctx, day_t day, int is_workday),
		  void *ctx, char *err, size_t errlen)
{
	rowsrc *rs = rowsrc_open_named(path, path, err, errlen);
	char **f, date[64], what[64];
	size_t nf;
	int rc, first = 1;

	if (!rs)
		return -1;
	while ((rc = rowsrc_next(rs, &f, &nf, err, errlen)) == 1) {
		long row = rowsrc_row(rs);
		day_t d;
		int header = first;
		first = 0;
		if (nf == 1 && !f[0][0])
			continue;  /* a blank line */
		cal_trim(f[0], date, sizeof date);
		cal_trim(nf > 1 ? f[1] : "", what, sizeof what);
		if (!date_parse_iso(date, &d)) {
			if (header)
				continue;
			snprintf(err, errlen, "%s:%ld: '%s' is not a date", path, row, date);
			rc = -1;
			break;
		}
		if (nf < 2) {
			snprintf(err, errlen, "%s:%ld: expected date,off|work", path, row);
			rc = -1;
			break;
		}
		if (!strcmp(what, "off") || !strcmp(what, "放假") || !strcmp(what, "0"))
			cb(ctx, d, 0);
		else if (!strcmp(what, "work") || !strcmp(what, "上班") || !strcmp(what, "1"))
			cb(ctx, d, 1);
		else {
			snprintf(err, errlen, "%s:%ld: '%s' is neither off nor work", path, row, what);
			rc = -1;
			break;
		}
	}
	rowsrc_close(rs);
	return rc < 0 ? -1 : 0;
}
