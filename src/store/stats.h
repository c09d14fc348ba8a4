/*
 * stats.h - the aggregates behind the dashboard and the related data of a
 * project, worker or account page. All their SQL lives in stats.c.
 *
 * Results come back as a small table of typed columns (stats_table) so
 * the HTTP layer can write any of them as JSON with one function, and a
 * new figure is one query plus one column list. Money is integer fen,
 * hours and days integer hundredths, as stored. Every function takes the
 * as-of date it needs; none reads the clock.
 */
#ifndef ANXIN_STATS_H
#define ANXIN_STATS_H

#include <stdint.h>

#include "store/db.h"
#include "store/record.h"

typedef enum {
	ST_TEXT,   /* string */
	ST_INT,    /* count */
	ST_MONEY,  /* fen */
	ST_DEC2    /* hundredths */
} stats_type;

typedef struct stats_col {
	const char *name;  /* JSON key */
	stats_type type;
} stats_col;

typedef struct stats_cell {
	int64_t i;
	char *s;           /* ST_TEXT only; NULL = SQL NULL */
	int null;          /* SQL NULL; for ST_MONEY: a sum out of range */
} stats_cell;

typedef struct stats_table {
	const stats_col *cols;
	int ncols;
	int nrows;
	stats_cell *cells;  /* nrows * ncols, row-major */
} stats_table;

void stats_table_free(stats_table *t);
static inline stats_cell *stats_at(const stats_table *t, int row, int col)
{
	return &t->cells[row * t->ncols + col];
}

/* ---- project page --------------------------------------------------------- */

/* month, workers (distinct), days (worker-days), hours (hundredths). */
int stats_project_attendance(db *d, const char *code, stats_table *out);
/*
 * The wage figures of months from..to (YYYY-MM, inclusive) as the warning
 * rules define them (warning-rules.md, warn_eval_month.c) - the one
 * function behind every paid-rate and unpaid count on screen (the 驾驶舱,
 * a project's 工资发放), so that screens and warnings cannot disagree.
 * A worker-month (project P, worker w, month M) is owed when w has
 * attendance in M on P (Worked) or a payroll row (P, w, M). Paid = the
 * row's amount_paid when paid_date <= as_of. M is due on as_of for P when
 * P's pay deadline of M (wage_day of M+1, clamped) is before as_of and M
 * is not before P's start month. Unpaid (only in due months) = Worked and
 * Paid = 0 (WAGE_UNPAID), or 0 < Paid < Due (WAGE_SHORT). Columns, one row
 * a month with any owed worker-month: month, workers (owed worker-months),
 * on_payroll, due_workers (owed, in due months), unpaid_workers,
 * no_payroll (Worked, no payroll row), due, paid (fen; null when out of
 * range). Counts are (project, worker) pairs. project NULL: every project
 * within scope (NULL = the district).
 */
int stats_wage_months(db *d, const char *project, const char *from, const char *to,
		      const char *as_of, const rec_scope *scope, stats_table *out);

/* ---- conditions of the lists (rec_query.extra) ----------------------------- */

/* Projects 在建 on as_of - the warning rules' "active on D": status active
 * or suspended, start_date <= D, end_date empty or after D. The dashboard's
 * 在建 figures count the same set. */
void stats_pred_active(rec_query *q, const char *as_of);
/* Projects whose highest warning open on as_of (raised on or before it,
 * not eliminated by then) is level ("red", "orange", "yellow"); "none":
 * without one; "any": with one. Returns -1 for another value. */
int stats_pred_warn_level(rec_query *q, const char *level, const char *as_of);
/* Workers employed on a project whose code is text or whose name contains
 * it; workers employed by an enterprise whose USCC is text or whose name
 * contains it (neither is a personal field). */
void stats_pred_worker_project(rec_query *q, const char *text);
void stats_pred_worker_employer(rec_query *q, const char *text);
/* The highest level of the project's warnings open on as_of into level
 * ("" when none, else red / orange / yellow) and their number. */
int stats_project_warn(db *d, const char *code, const char *as_of, char level[8], int64_t *n);

/* The same figures beside each row of a page of projects (rec_list_rows):
 * one figure, x[0], which stats_warn_unpack reads (as_of borrowed). */
void stats_xcol_project_warn(rec_query *q, const char *as_of);
/* The level ("" when none, else red / orange / yellow) and in *n the
 * number of open warnings of stats_xcol_project_warn's figure. */
const char *stats_warn_unpack(int64_t x, int64_t *n);
/* The level of a rank: "" for 0 (none), yellow, orange, red for 1..3. */
const char *stats_warn_level_name(int64_t rank);

/* employer_uscc, workers (distinct workers ever employed by it here). */
int stats_project_employers(db *d, const char *code, stats_table *out);
/* Distinct workers whose employment on the project is open on as_of
 * (entered on or before, not exited before). */
int64_t stats_project_on_site(db *d, const char *code, const char *as_of);

/* ---- worker page ---------------------------------------------------------- */

/* project_code, month, days: through the worker's employments' projects, so
 * that attendance's (project, worker, date) key serves the lookup; only the
 * rows of attendance (its descriptor: the scope path) that scope sees. */
int stats_worker_attendance(db *d, const kind *attendance, const char *id_number,
			    const rec_scope *scope, stats_table *out);

/* ---- accounts ------------------------------------------------------------- */

/* labor_cost + refund + other_in - wage - other_out, dated <= as_of, fen,
 * into *balance. Returns 0, or -1 (a database error, or a sum out of
 * range: *balance = 0, to be shown as unknown, never as a figure). */
int stats_account_balance(db *d, const char *account_no, const char *as_of, int64_t *balance);
/* The same beside each row of a page of accounts (rec_list_rows): one
 * figure, NULL where stats_account_balance answers -1 (as_of borrowed). */
void stats_xcol_account_balance(rec_query *q, const char *as_of);

/* ---- dashboard ------------------------------------------------------------ */

typedef struct stats_dash {
	int64_t projects_total, projects_active;   /* active: 在建 on as_of */
	int64_t projects_suspended;                 /* of them 停工 */
	stats_table by_status;      /* status, n */
	stats_table by_street;      /* street, active */
	int64_t workers_registered, workers_on_site;
	stats_table wages_by_month; /* stats_wage_months from_month..month */
	int64_t accounts_open, accounts_balance;
	int64_t deposits_count, deposits_amount;
	char overflow[768];         /* when -2: which data holds the sums out of range */
} stats_dash;

/* Fills the dashboard figures for as_of ("YYYY-MM-DD"); month is the
 * payroll month shown ("YYYY-MM") and from_month the first of the six in
 * wages_by_month. Every figure counts only what scope sees (NULL = the
 * district): projects and workers as the lists count them (through their
 * descriptors pk and wk),
 * payroll, accounts, deposits and employments through their project.
 * Returns 0, -1 on a database error, -2 when a money sum is out of range
 * (an older database holding amounts above the field maxima): out->overflow
 * then names the data to check, and nothing else is filled. */
int stats_dashboard(db *d, const kind *pk, const kind *wk, const char *as_of, const char *month,
		    const char *from_month, const rec_scope *scope, stats_dash *out);
void stats_dash_free(stats_dash *s);

/* ---- any scoped aggregate ---------------------------------------------------- */

/* Runs sql_fmt - whose one "%s" becomes the scope clause of s on column
 * col (" AND col IN (projects in scope)", or nothing) and must follow every
 * other '?' - with the parameters of types ('t' text, 'i' int64_t), and
 * collects the rows into out, columns typed by cols. Returns 0 or -1. */
int stats_scoped(db *d, stats_table *out, const stats_col *cols, int ncols,
		 const rec_scope *s, const char *col, const char *sql_fmt, const char *types, ...);

#endif
