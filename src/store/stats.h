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
/* month, workers, due, paid (fen), unpaid_workers (paid < due); due or
 * paid null when that month's sum is out of range (see stats.c). */
int stats_project_payroll(db *d, const char *code, stats_table *out);
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

/* ---- dashboard ------------------------------------------------------------ */

typedef struct stats_dash {
	int64_t projects_total, projects_active;
	stats_table by_status;      /* status, n */
	stats_table by_street;      /* street, active */
	int64_t workers_registered, workers_on_site;
	int64_t wage_due, wage_paid, unpaid_workers;  /* of month */
	stats_table wages_by_month; /* month, due, paid */
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
