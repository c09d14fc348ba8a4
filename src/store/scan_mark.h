/*
 * scan_mark.h - what an import tells the warning scan, written in the
 * import's own transaction: the projects (and months) it touched, with the
 * rules that may have changed (table scan_dirty), and the attendance
 * aggregate att_month (days, first and last day per month, project and
 * worker; whether an employment covers them).
 *
 * The import session creates one marker per file, feeds it every written
 * row, and flushes it just before COMMIT; a rolled-back file never
 * flushes, so nothing is marked.
 */
#ifndef ANXIN_SCAN_MARK_H
#define ANXIN_SCAN_MARK_H

#include "store/db.h"
#include "store/schema.h"

typedef struct scan_mark scan_mark;

/* A marker for rows of kind k that may change the rules in mask (month
 * granularity when per_month). NULL when the kind changes nothing. */
scan_mark *scan_mark_new(db *d, const kind *k, unsigned mask, int per_month);
/* One row written by rec_write with result rc (REC_INSERTED, ...). */
void scan_mark_row(scan_mark *m, const kind_val *vals, int rc);
/* Writes the marks and aggregates. Returns DB_OK, or a failure code (see
 * db_errmsg). */
int scan_mark_flush(scan_mark *m);
void scan_mark_free(scan_mark *m);

/* Asks the next scan to be a full one (parameters, calendar, minimum
 * wages changed). Returns DB_OK or a failure code. */
int scan_mark_need_full(db *d);

#endif
