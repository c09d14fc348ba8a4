/*
 * test_date.c - unit tests of civil dates, months and Excel serials.
 *
 * Anchors are independent facts (1970-01-01 = day 0 and a Thursday,
 * 2000-03-01 = day 11017, Excel 45292 = 2024-01-01) plus an exhaustive
 * round trip over 1900-2199, so an off-by-one anywhere shows up.
 */
#include <criterion/criterion.h>
#include <math.h>
#include <time.h>

#include "util/date.h"

static day_t parse_ok(const char *s)
{
	day_t d = -99999;
	cr_assert(date_parse(s, &d), "date_parse(\"%s\") failed", s);
	return d;
}

static void expect_fmt(day_t day, const char *want)
{
	char out[11];
	date_format(day, out);
	cr_assert_str_eq(out, want);
}

Test(date, anchors)
{
	cr_assert_eq(date_from_ymd(1970, 1, 1), 0);
	cr_assert_eq(date_from_ymd(1969, 12, 31), -1);
	cr_assert_eq(date_from_ymd(2000, 3, 1), 11017);
	cr_assert_eq(date_from_ymd(2024, 1, 1), 19723);
	cr_assert_eq(date_from_ymd(1900, 1, 1), -25567);
	expect_fmt(0, "1970-01-01");
	expect_fmt(-25567, "1900-01-01");
	expect_fmt(19723 + 59, "2024-02-29");
}

Test(date, round_trip_every_day_1900_2199)
{
	day_t prev = date_from_ymd(1899, 12, 31);
	for (int y = 1900; y <= 2199; y++)
		for (int m = 1; m <= 12; m++)
			for (int d = 1; d <= date_days_in_month(y, m); d++) {
				day_t day = date_from_ymd(y, m, d);
				cr_assert_eq(day, prev + 1, "%d-%d-%d not consecutive", y, m, d);
				int yy, mm, dd;
				date_to_ymd(day, &yy, &mm, &dd);
				cr_assert(yy == y && mm == m && dd == d, "%d-%d-%d", y, m, d);
				prev = day;
			}
}

Test(date, days_in_month_and_leap_years)
{
	cr_assert_eq(date_days_in_month(2024, 2), 29);
	cr_assert_eq(date_days_in_month(2023, 2), 28);
	cr_assert_eq(date_days_in_month(1900, 2), 28);
	cr_assert_eq(date_days_in_month(2000, 2), 29);
	cr_assert_eq(date_days_in_month(2100, 2), 28);
	cr_assert_eq(date_days_in_month(2023, 4), 30);
	cr_assert_eq(date_days_in_month(2023, 12), 31);
	cr_assert_eq(date_days_in_month(2023, 0), 0);
	cr_assert_eq(date_days_in_month(2023, 13), 0);
	cr_assert(date_is_valid_ymd(2024, 2, 29));
	cr_assert_not(date_is_valid_ymd(2023, 2, 29));
	cr_assert_not(date_is_valid_ymd(2023, 4, 31));
	cr_assert_not(date_is_valid_ymd(2023, 1, 0));
}

Test(date, weekday)
{
	cr_assert_eq(date_weekday(0), 3);                         /* Thursday */
	cr_assert_eq(date_weekday(date_from_ymd(2024, 1, 1)), 0); /* Monday */
	cr_assert_eq(date_weekday(date_from_ymd(2024, 10, 1)), 1);
	cr_assert_eq(date_weekday(date_from_ymd(1969, 12, 28)), 6); /* Sunday */
	cr_assert_eq(date_weekday(date_from_ymd(1900, 1, 1)), 0);
}

Test(date, today_is_shanghai)
{
	time_t t = time(NULL);
	day_t want = (day_t)((t + 8 * 3600) / 86400);
	day_t got = date_today();
	cr_assert(got == want || got == want + 1); /* midnight race */
	cr_assert_gt(got, date_from_ymd(2024, 1, 1));
}

Test(date, parse_accepts)
{
	cr_assert_eq(parse_ok("2024-02-29"), date_from_ymd(2024, 2, 29));
	cr_assert_eq(parse_ok("2000-02-29"), date_from_ymd(2000, 2, 29));
	cr_assert_eq(parse_ok("2024/1/5"), date_from_ymd(2024, 1, 5));
	cr_assert_eq(parse_ok("2024/01/05"), date_from_ymd(2024, 1, 5));
	cr_assert_eq(parse_ok("2024/12/31"), date_from_ymd(2024, 12, 31));
	cr_assert_eq(parse_ok("1900-01-01"), date_from_ymd(1900, 1, 1));
	cr_assert_eq(parse_ok("2199-12-31"), date_from_ymd(2199, 12, 31));
}

Test(date, parse_rejects)
{
	const char *bad[] = {"2023-02-29", "1900-02-29", "2100-02-29", "2024-04-31",
			     "2024-13-01", "2024-00-10", "2024-01-00", "2024-1-5",
			     "2024-01-5", "24-01-05", "2024/1/5/", "2024/001/5",
			     "2024.01.05", "20240105", "2024-01-05 ", " 2024-01-05",
			     "2024-01-05T00:00", "1899-12-31", "2200-01-01", "",
			     "2024/1-5", "02024-01-05"};
	day_t d = 12345;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		cr_assert_not(date_parse(bad[i], &d), "accepted \"%s\"", bad[i]);
	cr_assert_eq(d, 12345);
	cr_assert_not(date_parse(NULL, &d));
}

Test(date, parse_iso_is_strict)
{
	day_t d;
	cr_assert(date_parse_iso("2024-02-29", &d));
	cr_assert_eq(d, date_from_ymd(2024, 2, 29));
	cr_assert(date_parse_iso("1850-06-01", &d)); /* no import year range */
	cr_assert_not(date_parse_iso("2024/2/29", &d));
	cr_assert_not(date_parse_iso("2023-02-29", &d));
	cr_assert_not(date_parse_iso("0000-01-01", &d));
}

Test(date, excel_1900_system)
{
	day_t d;
	cr_assert(date_from_excel_serial(45292, 0, &d));
	expect_fmt(d, "2024-01-01");
	cr_assert(date_from_excel_serial(1, 0, &d));
	expect_fmt(d, "1900-01-01");
	cr_assert(date_from_excel_serial(59, 0, &d));
	expect_fmt(d, "1900-02-28");
	cr_assert_not(date_from_excel_serial(60, 0, &d)); /* fictitious 1900-02-29 */
	cr_assert_not(date_from_excel_serial(60.75, 0, &d));
	cr_assert(date_from_excel_serial(61, 0, &d));
	expect_fmt(d, "1900-03-01");
	cr_assert(date_from_excel_serial(45292.99, 0, &d)); /* time of day */
	expect_fmt(d, "2024-01-01");
	cr_assert(date_from_excel_serial(2958465, 0, &d));
	expect_fmt(d, "9999-12-31");
	cr_assert_not(date_from_excel_serial(2958466, 0, &d));
	cr_assert_not(date_from_excel_serial(0, 0, &d));
	cr_assert_not(date_from_excel_serial(0.5, 0, &d));
	cr_assert_not(date_from_excel_serial(-1, 0, &d));
	cr_assert_not(date_from_excel_serial(NAN, 0, &d));
	cr_assert_not(date_from_excel_serial(INFINITY, 0, &d));
}

Test(date, excel_1904_system)
{
	day_t d;
	cr_assert(date_from_excel_serial(0, 1, &d));
	expect_fmt(d, "1904-01-01");
	/* The two systems are 1462 days apart. */
	cr_assert(date_from_excel_serial(45292 - 1462, 1, &d));
	expect_fmt(d, "2024-01-01");
	cr_assert(date_from_excel_serial(59, 1, &d)); /* no fictitious day here */
	expect_fmt(d, "1904-02-29");
	cr_assert_not(date_from_excel_serial(-0.5, 1, &d));
}

Test(month, parse_and_format)
{
	int y = 0, m = 0;
	char out[8];
	cr_assert(month_parse("2024-03", &y, &m));
	cr_assert(y == 2024 && m == 3);
	cr_assert(month_parse("2024/3", &y, &m));
	cr_assert(y == 2024 && m == 3);
	cr_assert(month_parse("2024/12", &y, &m));
	cr_assert(y == 2024 && m == 12);
	const char *bad[] = {"2024-3", "2024-13", "2024-00", "2024/0", "2024", "202403",
			     "2024-03-01", "2024-03 ", "1899-12", "2024/123", ""};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		cr_assert_not(month_parse(bad[i], &y, &m), "accepted \"%s\"", bad[i]);
	month_format(2024, 3, out);
	cr_assert_str_eq(out, "2024-03");
	month_format(1999, 12, out);
	cr_assert_str_eq(out, "1999-12");
}

Test(month, add)
{
	int y = 2024, m = 11;
	month_add(&y, &m, 2);
	cr_assert(y == 2025 && m == 1, "%d-%d", y, m);
	month_add(&y, &m, -1);
	cr_assert(y == 2024 && m == 12, "%d-%d", y, m);
	month_add(&y, &m, -12);
	cr_assert(y == 2023 && m == 12, "%d-%d", y, m);
	month_add(&y, &m, -23);
	cr_assert(y == 2022 && m == 1, "%d-%d", y, m);
	month_add(&y, &m, 0);
	cr_assert(y == 2022 && m == 1, "%d-%d", y, m);
	month_add(&y, &m, -1);
	cr_assert(y == 2021 && m == 12, "%d-%d", y, m);
}
