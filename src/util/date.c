/*
 * date.c - civil date arithmetic, parsing and Excel serial dates.
 *
 * Owns the conversion between day numbers (days since 1970-01-01,
 * proleptic Gregorian) and year/month/day, using Howard Hinnant's
 * days-from-civil algorithm: exact, branch-light, no tables, no libc time
 * functions (which depend on TZ). Only date_today() reads the clock; every
 * other function is pure, so rules built on them are testable for any day.
 */
#include "util/date.h"

#include <time.h>

#define DATE_SHANGHAI_OFFSET (8 * 3600) /* UTC+8, no DST since 1991 */

/* Floor division, for day and month arithmetic on negative numbers. */
static int64_t date_floordiv(int64_t a, int64_t b)
{
	int64_t q = a / b;
	return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/* Days since 1970-01-01 of a civil date. The year is shifted to start on
 * March 1 so the leap day falls at the end of the (shifted) year; m and d
 * are assumed valid. */
day_t date_from_ymd(int y, int m, int d)
{
	int64_t yy = (int64_t)y - (m <= 2);
	int64_t era = date_floordiv(yy, 400);
	int64_t yoe = yy - era * 400;                                  /* [0, 399] */
	int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1; /* [0, 365] */
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;           /* [0, 146096] */
	return (day_t)(era * 146097 + doe - 719468);
}

/* The inverse of date_from_ymd. */
void date_to_ymd(day_t day, int *y, int *m, int *d)
{
	int64_t z = (int64_t)day + 719468;
	int64_t era = date_floordiv(z, 146097);
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int dd = (int)(doy - (153 * mp + 2) / 5 + 1);
	int mm = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (mm <= 2));
	*m = mm;
	*d = dd;
}

static int date_is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Days in month m of year y; 0 for a month outside 1-12. */
int date_days_in_month(int y, int m)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m < 1 || m > 12)
		return 0;
	return days[m - 1] + (m == 2 && date_is_leap(y));
}

/* A real calendar date in years 1-9999 (what "YYYY-MM-DD" can spell). */
int date_is_valid_ymd(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && d >= 1 && d <= date_days_in_month(y, m);
}

int date_weekday(day_t day)
{
	/* 1970-01-01 was a Thursday (3). */
	return (int)(day + 3 - date_floordiv((int64_t)day + 3, 7) * 7);
}

day_t date_today(void)
{
	int64_t t = (int64_t)time(NULL) + DATE_SHANGHAI_OFFSET;
	return (day_t)date_floordiv(t, 86400);
}

/* Reads between min and max ASCII digits at *s into *v and advances *s.
 * Returns 0 if the count is outside [min, max]. */
static int date_digits(const char **s, int min, int max, int *v)
{
	const char *p = *s;
	int n = 0, val = 0;
	while (n < max && p[n] >= '0' && p[n] <= '9') {
		val = val * 10 + (p[n] - '0');
		n++;
	}
	if (n < min || (p[n] >= '0' && p[n] <= '9'))
		return 0;
	*s = p + n;
	*v = val;
	return 1;
}

/* Parses "YYYY<sep>M<sep>D" with month/day of mind..2 digits, then checks
 * the calendar and the year range. */
static int date_parse_sep(const char *s, char sep, int mind, int ymin, int ymax,
			  day_t *out)
{
	int y, m, d;
	if (!date_digits(&s, 4, 4, &y) || *s++ != sep || !date_digits(&s, mind, 2, &m) ||
	    *s++ != sep || !date_digits(&s, mind, 2, &d) || *s != '\0')
		return 0;
	if (y < ymin || y > ymax || !date_is_valid_ymd(y, m, d))
		return 0;
	*out = date_from_ymd(y, m, d);
	return 1;
}

int date_parse_iso(const char *s, day_t *out)
{
	return s && date_parse_sep(s, '-', 2, 1, 9999, out);
}

int date_parse(const char *s, day_t *out)
{
	if (!s)
		return 0;
	return date_parse_sep(s, '-', 2, 1900, 2199, out) ||
	       date_parse_sep(s, '/', 1, 1900, 2199, out);
}

/* Excel's 1900 system counts 1900-01-01 as 1 and, copying a Lotus 1-2-3
 * bug, has a 1900-02-29 as 60; serials after it are one day ahead, so they
 * count from 1899-12-30. The fictitious day itself is rejected. The 1904
 * system counts from 1904-01-01 = 0. Upper bound: 9999-12-31. */
int date_from_excel_serial(double serial, int date1904, day_t *out)
{
	/* The comparisons are written so that NaN fails them. */
	if (!(serial >= (date1904 ? 0.0 : 1.0)) || !(serial < 2958466.0))
		return 0;
	int64_t n = (int64_t)serial; /* truncates the time of day */
	day_t base;
	if (date1904)
		base = date_from_ymd(1904, 1, 1);
	else if (n < 60)
		base = date_from_ymd(1899, 12, 31);
	else if (n == 60)
		return 0;
	else
		base = date_from_ymd(1899, 12, 30);
	day_t day = (day_t)(base + n);
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	if (y > 9999)
		return 0;
	*out = day;
	return 1;
}

/* Writes the four/two digit fields of a date. Years outside 0-9999 cannot
 * be spelled in this format and come out as "0000-00-00". */
static void date_put_ymd(char *out, int y, int m, int d, int with_day)
{
	if (y < 0 || y > 9999)
		y = m = d = 0;
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	if (!with_day) {
		out[7] = '\0';
		return;
	}
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
}

void date_format(day_t day, char out[11])
{
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	date_put_ymd(out, y, m, d, 1);
}

/* "YYYY-MM" or "YYYY/M" / "YYYY/MM", years 1900-2199 like date_parse. */
int month_parse(const char *s, int *y, int *m)
{
	int yy, mm;
	if (!s || !date_digits(&s, 4, 4, &yy))
		return 0;
	char sep = *s++;
	if (sep != '-' && sep != '/')
		return 0;
	if (!date_digits(&s, sep == '-' ? 2 : 1, 2, &mm) || *s != '\0')
		return 0;
	if (yy < 1900 || yy > 2199 || mm < 1 || mm > 12)
		return 0;
	*y = yy;
	*m = mm;
	return 1;
}

void month_format(int y, int m, char out[8])
{
	if (m < 1 || m > 12)
		y = -1; /* forces "0000-00" */
	date_put_ymd(out, y, m, 1, 0);
}

void month_add(int *y, int *m, int n)
{
	int64_t t = (int64_t)*y * 12 + (*m - 1) + n;
	*y = (int)date_floordiv(t, 12);
	*m = (int)(t - (int64_t)*y * 12) + 1;
}
