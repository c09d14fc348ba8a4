/*
 * test_calendar.c - the official working-day calendar as shipped (migration
 * 0003, calendar-cn.md) and working-day arithmetic: the Spring Festival
 * adjustments of 2024 and 2026 (weekend working days, week-long holidays),
 * the "X not counted" rule, and the clear error for a year not in the
 * table. Also the exact parameter parsing the rules depend on.
 */
#include <criterion/criterion.h>
#include "unit_db.h"
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "domain/basis/calendar.h"
#include "domain/basis/params.h"
#include "store/db.h"

static db *d;
static cal *c;
static char path[64];

static void setup(void)
{
	char err[256];
	snprintf(path, sizeof path, "/tmp/anxin-cal-%d.db", (int)getpid());
	d = unit_db_open("cal", path, DB_OPEN_CREATE, err, sizeof err);
	cr_assert(d, "db_open: %s", err);
	c = cal_load(d, err, sizeof err);
	cr_assert(c, "cal_load: %s", err);
}

static void teardown(void)
{
	char p[80];
	cal_free(c);
	db_close(d);
	unit_db_drop("cal");
	unlink(path);
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-desk", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-desk-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-desk-shm", path);
	unlink(p);
}

static day_t D(const char *s)
{
	day_t x;
	cr_assert(date_parse_iso(s, &x), "bad date %s", s);
	return x;
}

static void expect_add(const char *from, int n, const char *want)
{
	day_t out;
	char err[256], got[11];
	cr_assert_eq(cal_add_workdays(c, D(from), n, &out, err, sizeof err), 0, "%s + %d: %s", from, n, err);
	date_format(out, got);
	cr_assert_str_eq(got, want, "%s + %d working days", from, n);
}

TestSuite(calendar, .init = setup, .fini = teardown);

Test(calendar, known_years)
{
	for (int y = 2023; y <= 2026; y++)
		cr_assert(cal_year_known(c, y), "%d", y);
	cr_assert(!cal_year_known(c, 2022));
	cr_assert(!cal_year_known(c, 2027));
}

Test(calendar, spring_festival_2024)
{
	cr_assert_eq(cal_is_workday(c, D("2024-02-04")), 1, "Sunday 02-04 is an adjusted working day");
	for (day_t x = D("2024-02-10"); x <= D("2024-02-17"); x++)
		cr_assert_eq(cal_is_workday(c, x), 0);
	cr_assert_eq(cal_is_workday(c, D("2024-02-18")), 1, "Sunday 02-18 is an adjusted working day");
	cr_assert_eq(cal_is_workday(c, D("2024-02-09")), 1, "Friday before the holiday");
	cr_assert_eq(cal_is_workday(c, D("2024-02-03")), 0, "an ordinary Saturday");
	/* Thursday 02-08: 02-09 (1), then 02-18 Sunday (2), 02-19 (3) */
	expect_add("2024-02-08", 1, "2024-02-09");
	expect_add("2024-02-08", 2, "2024-02-18");
	expect_add("2024-02-08", 3, "2024-02-19");
	/* Friday 02-02: Sunday 02-04 counts */
	expect_add("2024-02-02", 1, "2024-02-04");
	/* 20 working days from 2024-01-26 across the holiday:
	 * 01-29..02-02 (5), 02-04 (6), 02-05..02-09 (11), 02-18 (12),
	 * 02-19..02-23 (17), 02-26..02-28 (20) */
	expect_add("2024-01-26", 20, "2024-02-28");
}

Test(calendar, spring_festival_2026)
{
	cr_assert_eq(cal_is_workday(c, D("2026-02-14")), 1, "Saturday 02-14 working");
	for (day_t x = D("2026-02-15"); x <= D("2026-02-23"); x++)
		cr_assert_eq(cal_is_workday(c, x), 0);
	cr_assert_eq(cal_is_workday(c, D("2026-02-28")), 1, "Saturday 02-28 working");
	cr_assert_eq(cal_is_workday(c, D("2026-02-24")), 1);
	/* Friday 02-13: Saturday 02-14 (1), then 02-24 Tuesday (2) */
	expect_add("2026-02-13", 1, "2026-02-14");
	expect_add("2026-02-13", 2, "2026-02-24");
	/* 2026-02-03 + 20: 02-04..06 (3), 02-09..13 (8), 02-14 (9), 02-24..27 (13),
	 * 02-28 (14), 03-02..06 (19), 03-09 (20) */
	expect_add("2026-02-03", 20, "2026-03-09");
	/* the starting day is never counted, even when it is a working day */
	expect_add("2026-03-06", 1, "2026-03-09");
}

Test(calendar, other_years)
{
	cr_assert_eq(cal_is_workday(c, D("2023-01-28")), 1);
	cr_assert_eq(cal_is_workday(c, D("2023-10-06")), 0);
	cr_assert_eq(cal_is_workday(c, D("2025-02-08")), 1);
	cr_assert_eq(cal_is_workday(c, D("2025-10-08")), 0);
	cr_assert_eq(cal_is_workday(c, D("2026-10-10")), 1);
	/* across the new year inside the table */
	expect_add("2025-12-31", 1, "2026-01-04"); /* 01-01..03 off, 01-04 Sunday works */
}

Test(calendar, unknown_year_is_an_error)
{
	day_t out = 0;
	char err[256] = "";
	cr_assert_eq(cal_is_workday(c, D("2027-01-04")), -1);
	cr_assert_eq(cal_add_workdays(c, D("2026-12-20"), 20, &out, err, sizeof err), -1);
	cr_assert(strstr(err, "2027"), "message names the year: %s", err);
	cr_assert(strstr(err, "add-year"), "message says what to do: %s", err);
	/* reaching into 2022 from the start of 2023 backwards is impossible,
	 * but a date in 2022 itself is unknown */
	cr_assert_eq(cal_add_workdays(c, D("2022-06-01"), 1, &out, err, sizeof err), -1);
	/* within the table, a deadline close to the end still works */
	expect_add("2026-12-01", 20, "2026-12-29");
}

Test(calendar, add_year)
{
	const char *off[] = {"2027-01-01", "2027-02-06", "2027-02-07", "2027-02-08"};
	const char *work[] = {"2027-02-13"};
	const char *bad[] = {"2028-01-01"};
	char err[256];
	cr_assert_eq(cal_add_year(d, 2027, bad, 1, NULL, 0, "test", "cli:test", err, sizeof err), -1);
	cr_assert(strstr(err, "2027"), "%s", err);
	cr_assert_eq(cal_add_year(d, 2027, off, 4, work, 1, "test", "cli:test", err, sizeof err), 0, "%s", err);
	cal_free(c);
	c = cal_load(d, err, sizeof err);
	cr_assert(c);
	cr_assert(cal_year_known(c, 2027));
	cr_assert_eq(cal_is_workday(c, D("2027-02-08")), 0);  /* a Monday off */
	cr_assert_eq(cal_is_workday(c, D("2027-02-13")), 1);  /* a Saturday working */
	expect_add("2026-12-31", 1, "2027-01-04");
}

Test(calendar, in_memory_calendar)
{
	cal *m = cal_new();
	day_t out;
	char err[128];
	cal_set_year(m, 2030);
	cal_set_day(m, D("2030-01-02"), 0);
	cr_assert_eq(cal_add_workdays(m, D("2030-01-01"), 1, &out, err, sizeof err), 0);
	cr_assert_eq(out, D("2030-01-03"));
	cr_assert_eq(cal_add_workdays(m, D("2030-01-01"), 0, &out, err, sizeof err), -1);
	cal_free(m);
}

Test(params, defaults_load_and_validation, .init = setup, .fini = teardown)
{
	warn_params p;
	char err[256];
	cr_assert_eq(param_load(d, &p, err, sizeof err), 0, "%s", err);
	cr_assert_eq(p.deposit_num, 1);
	cr_assert_eq(p.deposit_den, 100);
	cr_assert_eq(p.deposit_workdays, 20);
	cr_assert_eq(p.bank_tolerance, 100);
	cr_assert_eq(p.month_days, 2175);
	cr_assert_eq(p.lookback, 12);
	cr_assert_eq(param_set(d, "deposit_ratio", "0.015", NULL, err, sizeof err), 0, "%s", err);
	cr_assert_eq(param_load(d, &p, err, sizeof err), 0);
	cr_assert_eq(p.deposit_num, 15);
	cr_assert_eq(p.deposit_den, 1000);
	cr_assert_eq(param_set(d, "deposit_ratio", "1.5", NULL, err, sizeof err), -1);
	cr_assert_eq(param_set(d, "deposit_ratio", "0.0000001", NULL, err, sizeof err), -1);
	cr_assert_eq(param_set(d, "lookback_months", "x", NULL, err, sizeof err), -1);
	cr_assert_eq(param_set(d, "no_such", "1", NULL, err, sizeof err), -1);
	cr_assert_eq(db_int(d, 0, "SELECT count(*) FROM param_changes", ""), 1);
}
