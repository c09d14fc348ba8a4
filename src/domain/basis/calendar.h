/*
 * calendar.h - the official working-day calendar of calendar-cn.md
 * (全国年节及纪念日放假安排) and working-day arithmetic.
 *
 * A working day is Monday-Friday, except the official days off, plus the
 * adjusted working days (调休上班). Only years in the table are known: a
 * computation that has to look at a day of an unknown year fails with a
 * clear error instead of guessing. The shipped table (2023-2026) is data
 * in migration 0003; `anxin calendar add-year` adds a year.
 */
#ifndef ANXIN_CALENDAR_H
#define ANXIN_CALENDAR_H

#include <stddef.h>

#include "store/db.h"
#include "util/date.h"

typedef struct cal cal;

/* An empty calendar (no known year); for tests and for cal_load. */
cal *cal_new(void);
void cal_free(cal *c);
/* Declares year known (its exceptions are added with cal_set_day). */
void cal_set_year(cal *c, int year);
/* An exception: day is a working day (1) or a day off (0). */
void cal_set_day(cal *c, day_t day, int is_workday);
/* The calendar stored in the database. NULL with a message on error. */
cal *cal_load(db *d, char *err, size_t errlen);

int cal_year_known(const cal *c, int year);
/* 1 working day, 0 day off, -1 the day's year is not known. */
int cal_is_workday(const cal *c, day_t day);
/*
 * The n-th working day after from (from itself not counted; n >= 1) into
 * *out. Returns 0, or -1 with a message naming the unknown year (e.g.
 * "2027年放假安排未知 ...") when a day of an unknown year would have to be
 * looked at.
 */
int cal_add_workdays(const cal *c, day_t from, int n, day_t *out, char *err, size_t errlen);

/*
 * Adds (or replaces) a year: off and work are its days off and adjusted
 * working days ("YYYY-MM-DD", each inside year). Validates, writes in one
 * transaction, and asks the next scan to be full. Returns 0 or -1 with a
 * message.
 */
int cal_add_year(db *d, int year, const char *const *off, int noff,
		 const char *const *work, int nwork, const char *source,
		 const char *actor, char *err, size_t errlen);
/*
 * Reads a calendar file of rows "date,off|work" (off: off / 放假 / 0; work:
 * work / 上班 / 1; a first row that is not a date is a header) through the
 * row sources every import uses (io/rowsrc.h): CSV in UTF-8 with or
 * without BOM or GB18030, quoted fields, or XLSX. Calls cb once per day.
 * Returns 0, or -1 with a message naming the file and row.
 */
int cal_read_file(const char *path, void (*cb)(void *ctx, day_t day, int is_workday),
		  void *ctx, char *err, size_t errlen);

#endif
