/*
 * cal_store.c - the calendar tables (see cal_store.h).
 */
#include "store/cal_store.h"

#include <stdio.h>

int cal_store_load(db *d, void (*year_cb)(void *ctx, int year),
		   void (*day_cb)(void *ctx, const char *date, int is_workday), void *ctx)
{
	db_stmt *st = db_prepare(d, "SELECT year FROM calendar_years ORDER BY year");
	int rc;

	while ((rc = db_step(st)) == DB_ROW)
		year_cb(ctx, (int)db_col_int(st, 0));
	db_finalize(st);
	if (rc != DB_DONE)
		return -1;
	st = db_prepare(d, "SELECT date, is_workday FROM calendar_days ORDER BY date");
	while ((rc = db_step(st)) == DB_ROW)
		day_cb(ctx, db_col_text(st, 0), (int)db_col_int(st, 1));
	db_finalize(st);
	return rc == DB_DONE ? 0 : -1;
}

int cal_store_put_year(db *d, int year, const char *source, const char *actor,
		       const char *at, const char *const *off, int noff,
		       const char *const *work, int nwork)
{
	char lo[16], hi[16];
	int rc;

	snprintf(lo, sizeof lo, "%04d-01-01", year);
	snprintf(hi, sizeof hi, "%04d-12-31", year);
	if ((rc = db_begin(d)) != DB_OK)
		return rc;
	rc = db_run(d, "DELETE FROM calendar_days WHERE date BETWEEN ? AND ?", "tt", lo, hi);
	if (rc == DB_OK)
		rc = db_run(d, "INSERT INTO calendar_years (year, source, added_by, added_at) VALUES (?, ?, ?, ?)"
			       " ON CONFLICT (year) DO UPDATE SET source = excluded.source,"
			       " added_by = excluded.added_by, added_at = excluded.added_at",
			    "itt" "t", (int64_t)year, source, actor, at);
	for (int i = 0; rc == DB_OK && i < noff; i++)
		rc = db_run(d, "INSERT INTO calendar_days (date, is_workday) VALUES (?, 0)"
			    " ON CONFLICT (date) DO UPDATE SET is_workday = excluded.is_workday",
			    "t", off[i]);
	for (int i = 0; rc == DB_OK && i < nwork; i++)
		rc = db_run(d, "INSERT INTO calendar_days (date, is_workday) VALUES (?, 1)"
			    " ON CONFLICT (date) DO UPDATE SET is_workday = excluded.is_workday",
			    "t", work[i]);
	if (rc == DB_OK)
		rc = db_run(d, "UPDATE scan_state SET need_full = 1", "");
	if (rc != DB_OK) {
		db_rollback(d);
		return rc;
	}
	return db_commit(d);
}
