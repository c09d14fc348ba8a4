/*
 * case_int.h - what the engine's files share (private to domain/cases/):
 * the clock that turns a deadline's declaration into a date (the official
 * calendar and the audited parameters, loaded once per call), and the
 * effective deadline of a stored case.
 */
#ifndef ANXIN_CASE_INT_H
#define ANXIN_CASE_INT_H

#include <stddef.h>

#include "domain/basis/calendar.h"
#include "domain/cases/case.h"
#include "store/case_store.h"

typedef struct case_clock {
	const case_type *t;
	cal *cal;
	int n[8];               /* N of each deadline of t (its parameter) */
} case_clock;

/* Loads the calendar and t's deadline parameters. 0, or -1 (err). */
int case_clock_open(db *d, const case_type *t, case_clock *k, char *err, size_t errlen);
void case_clock_close(case_clock *k);
/* The due day of deadline dl started on from: N working days after it,
 * or N calendar days with the law's period rule (the first day not
 * counted; a last day off moves to the next working day). 0, or -1 with
 * the calendar's message (a year it does not know). */
int case_clock_due(const case_clock *k, const case_deadline *dl, day_t from, day_t *due,
		   char *err, size_t errlen);
/* "转办期限：接收后1个工作日(basis)" into out. */
void case_clock_basis(const case_clock *k, const case_deadline *dl, char *out, size_t n);
/* Working days after a up to and including b (b > a), negative the other
 * way; days of a year the calendar does not know count Monday-Friday. */
int case_clock_workdays(const case_clock *k, day_t a, day_t b);

/* Appends a history event of case number as c on day on (the action,
 * from / to state, reason, detail JSON, request key - NULL or "" for
 * none), in the caller's transaction: every event of the engine is
 * written here. DB_OK or a DB_* code. */
int case_event_write(db *d, const case_type *t, const char *number, const case_ctx *c,
		     day_t on, const char *action, const char *from, const char *to,
		     const char *reason, const char *detail, const char *key);

/* The effective deadline of stored row r as of today into row (deadline,
 * code, basis and the day counts): the stored one, else for an imported
 * row the one its state runs, from the declared start column. */
void case_fill_deadline(const case_clock *k, const case_srow *r, day_t today, case_row *row);

/* The cases of t in scope matching f (box, state, street, dates, q) with
 * their deadlines as of today, in no order and without the kind's fields
 * or the type's texts (vals NULL): for counting, where case_list would
 * load every row. Returns the rows or -1 (err). */
int64_t case_scan_rows(db *d, const case_type *t, const case_filter *f, const rec_scope *scope,
		       day_t today, case_row_cb cb, void *ctx, char *err, size_t errlen);

#endif
