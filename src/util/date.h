/*
 * date.h - civil dates (Asia/Shanghai), months and the parsing rules of
 * the data-exchange standard.
 *
 * A date is carried as an int32 day number (days since 1970-01-01, proleptic
 * Gregorian) for arithmetic, and as "YYYY-MM-DD" text in storage and on the
 * wire. A month is "YYYY-MM" text or the int (year*12 + month-1). No function
 * here reads the clock except date_today(), which the CLI and server call
 * once, at their edge: everything below them takes an as-of date.
 */
#ifndef ANXIN_DATE_H
#define ANXIN_DATE_H

#include <stdint.h>

typedef int32_t day_t;   /* days since 1970-01-01 */

day_t date_from_ymd(int y, int m, int d);
void date_to_ymd(day_t day, int *y, int *m, int *d);
int date_days_in_month(int y, int m);
int date_is_valid_ymd(int y, int m, int d);
/* 0 = Monday ... 6 = Sunday. */
int date_weekday(day_t day);
/* Today in Asia/Shanghai (UTC+8, no DST), from the system clock. */
day_t date_today(void);

/* Strict ISO "YYYY-MM-DD" only. Returns 1 and sets *out, or 0. */
int date_parse_iso(const char *s, day_t *out);
/* Import rule: "YYYY-MM-DD" or "YYYY/M/D" (1-2 digit month/day), years
 * 1900-2199, real calendar dates only. */
int date_parse(const char *s, day_t *out);
/* Excel serial date (1900 system, with its fictitious 1900-02-29; or the
 * 1904 system when date1904 is set). Fractions (time of day) truncate. */
int date_from_excel_serial(double serial, int date1904, day_t *out);
/* Writes "YYYY-MM-DD" and NUL into out (11 bytes). */
void date_format(day_t day, char out[11]);

/* Month "YYYY-MM" strictly (also "YYYY/M"): returns 1, sets *y and *m. */
int month_parse(const char *s, int *y, int *m);
/* Writes "YYYY-MM" and NUL into out (8 bytes). */
void month_format(int y, int m, char out[8]);
/* Adds n months (n may be negative) to (y, m) in place. */
void month_add(int *y, int *m, int n);

#endif
