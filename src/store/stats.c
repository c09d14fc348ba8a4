/*
 * stats.c - aggregate queries for the dashboard and the record pages (see
 * stats.h). Owns all of that SQL; knows nothing of JSON or HTTP.
 *
 * Scale (demo: ~300 projects, ~20,000 workers, ~2.6 M attendance rows):
 * attendance has only its UNIQUE (project_code, worker_id_number, date)
 * index, so every attendance query here is bounded by a project code (and
 * a worker), never a scan; the dashboard does not touch attendance at all
 * (workers on site come from open employments). Each query's plan was
 * checked with EXPLAIN QUERY PLAN (see the comment above it).
 */
#include "store/stats.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

void stats_table_free(stats_table *t)
{
	if (!t->cells)
		return;
	for (int i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i].s);
	free(t->cells);
	t->cells = NULL;
	t->nrows = 0;
}

/* Runs sql with parameters bound as types says ('t' text, 'i' int64_t)
 * and collects every row into out, columns typed by cols. */
static int run_table(db *d, stats_table *out, const stats_col *cols, int ncols,
		     const char *sql, const char *types, ...)
{
	va_list ap;
	int cap = 0, rc;
	db_stmt *st = db_prepare(d, sql);

	memset(out, 0, sizeof *out);
	out->cols = cols;
	out->ncols = ncols;
	va_start(ap, types);
	for (int i = 0; types[i]; i++) {
		if (types[i] == 'i')
			db_bind_int(st, i + 1, va_arg(ap, int64_t));
		else
			db_bind_text(st, i + 1, va_arg(ap, const char *));
	}
	va_end(ap);
	while ((rc = db_step(st)) == DB_ROW) {
		if (out->nrows == cap) {
			cap = cap ? cap * 2 : 16;
			out->cells = xrealloc(out->cells, (size_t)cap * (size_t)ncols * sizeof *out->cells);
		}
		for (int c = 0; c < ncols; c++) {
			stats_cell *cell = &out->cells[out->nrows * ncols + c];
			cell->s = NULL;
			cell->i = 0;
			if (cols[c].type == ST_TEXT) {
				if (!db_col_is_null(st, c))
					cell->s = xstrdup(db_col_text(st, c));
			} else {
				cell->i = db_col_int(st, c);
			}
		}
		out->nrows++;
	}
	db_finalize(st);
	if (rc != DB_DONE) {
		stats_table_free(out);
		return -1;
	}
	return 0;
}

/* ---- project page --------------------------------------------------------- */

static const stats_col att_cols[] = {
	{"month", ST_TEXT}, {"workers", ST_INT}, {"days", ST_INT}, {"hours", ST_DEC2},
};

/* Plan: SEARCH attendance USING INDEX sqlite_autoindex_attendance_1
 * (project_code=?), then a temp B-tree for the GROUP BY. */
int stats_project_attendance(db *d, const char *code, stats_table *out)
{
	return run_table(d, out, att_cols, N(att_cols),
			 "SELECT substr(date, 1, 7) AS m, count(DISTINCT worker_id_number), "
			 "count(*), coalesce(sum(hours), 0) FROM attendance "
			 "WHERE project_code = ? GROUP BY m ORDER BY m",
			 "t", code);
}

static const stats_col pay_cols[] = {
	{"month", ST_TEXT}, {"workers", ST_INT}, {"due", ST_MONEY},
	{"paid", ST_MONEY}, {"unpaid_workers", ST_INT},
};

/* Plan: SEARCH payroll USING INDEX sqlite_autoindex_payroll_1 (project_code=?). */
int stats_project_payroll(db *d, const char *code, stats_table *out)
{
	return run_table(d, out, pay_cols, N(pay_cols),
			 "SELECT period, count(DISTINCT worker_id_number), sum(amount_due), "
			 "sum(amount_paid), count(DISTINCT CASE WHEN amount_paid < amount_due "
			 "THEN worker_id_number END) FROM payroll WHERE project_code = ? "
			 "GROUP BY period ORDER BY period",
			 "t", code);
}

static const stats_col emp_cols[] = {{"employer_uscc", ST_TEXT}, {"workers", ST_INT}};

/* Plan: SEARCH employments USING INDEX sqlite_autoindex_employments_1
 * (project_code=?). */
int stats_project_employers(db *d, const char *code, stats_table *out)
{
	return run_table(d, out, emp_cols, N(emp_cols),
			 "SELECT employer_uscc, count(DISTINCT worker_id_number) FROM employments "
			 "WHERE project_code = ? GROUP BY employer_uscc ORDER BY employer_uscc",
			 "t", code);
}

/* Plan: SEARCH employments USING INDEX sqlite_autoindex_employments_1
 * (project_code=?). */
int64_t stats_project_on_site(db *d, const char *code, const char *as_of)
{
	return db_int(d, 0,
		      "SELECT count(DISTINCT worker_id_number) FROM employments "
		      "WHERE project_code = ? AND entry_date <= ? "
		      "AND (exit_date IS NULL OR exit_date >= ?)",
		      "ttt", code, as_of, as_of);
}

/* ---- worker page ---------------------------------------------------------- */

static const stats_col watt_cols[] = {
	{"project_code", ST_TEXT}, {"month", ST_TEXT}, {"days", ST_INT},
};

/* Plan: SEARCH employments USING INDEX employments_worker, then for each
 * project SEARCH attendance USING INDEX sqlite_autoindex_attendance_1
 * (project_code=? AND worker_id_number=?). */
int stats_worker_attendance(db *d, const char *id_number, stats_table *out)
{
	return run_table(d, out, watt_cols, N(watt_cols),
			 "SELECT a.project_code, substr(a.date, 1, 7) AS m, count(*) "
			 "FROM (SELECT DISTINCT project_code FROM employments "
			 "      WHERE worker_id_number = ?) e "
			 "JOIN attendance a ON a.project_code = e.project_code "
			 "AND a.worker_id_number = ? "
			 "GROUP BY a.project_code, m ORDER BY m, a.project_code",
			 "tt", id_number, id_number);
}

/* ---- accounts ------------------------------------------------------------- */

#define BALANCE_SUM                                                         \
	"coalesce(sum(CASE WHEN kind IN ('labor_cost','refund','other_in') "  \
	"THEN amount ELSE -amount END), 0)"

/* Plan: SEARCH transactions USING INDEX transactions_date
 * (account_no=? AND txn_date<?). */
int64_t stats_account_balance(db *d, const char *account_no, const char *as_of)
{
	return db_int(d, 0,
		      "SELECT " BALANCE_SUM " FROM transactions "
		      "WHERE account_no = ? AND txn_date <= ?",
		      "tt", account_no, as_of);
}

/* ---- dashboard ------------------------------------------------------------ */

static const stats_col status_cols[] = {{"status", ST_TEXT}, {"n", ST_INT}};
static const stats_col street_cols[] = {{"street", ST_TEXT}, {"active", ST_INT}};
static const stats_col wage_cols[] = {{"month", ST_TEXT}, {"due", ST_MONEY}, {"paid", ST_MONEY}};

/*
 * Plans: projects and enterprises are small (full scans of hundreds of
 * rows); workers_on_site scans employments (tens of thousands), never
 * attendance; the wage figures SEARCH payroll USING INDEX payroll_period
 * (period=? / period>? AND period<?); the balance scans transactions once
 * with the open accounts as a list.
 */
int stats_dashboard(db *d, const char *as_of, const char *month,
		    const char *from_month, stats_dash *o)
{
	memset(o, 0, sizeof *o);
	o->projects_total = db_int(d, 0, "SELECT count(*) FROM projects", "");
	o->projects_active = db_int(d, 0, "SELECT count(*) FROM projects WHERE status = 'active'", "");
	if (run_table(d, &o->by_status, status_cols, N(status_cols),
		      "SELECT status, count(*) FROM projects GROUP BY status ORDER BY status", "") < 0)
		goto fail;
	if (run_table(d, &o->by_street, street_cols, N(street_cols),
		      "SELECT street, count(*) FROM projects WHERE status = 'active' "
		      "GROUP BY street ORDER BY count(*) DESC, street", "") < 0)
		goto fail;
	o->workers_registered = db_int(d, 0, "SELECT count(*) FROM workers", "");
	o->workers_on_site = db_int(d, 0,
				    "SELECT count(DISTINCT worker_id_number) FROM employments "
				    "WHERE entry_date <= ? AND (exit_date IS NULL OR exit_date >= ?)",
				    "tt", as_of, as_of);
	o->wage_due = db_int(d, 0, "SELECT sum(amount_due) FROM payroll WHERE period = ?", "t", month);
	o->wage_paid = db_int(d, 0, "SELECT sum(amount_paid) FROM payroll WHERE period = ?", "t", month);
	o->unpaid_workers = db_int(d, 0,
				   "SELECT count(DISTINCT worker_id_number) FROM payroll "
				   "WHERE period = ? AND amount_paid < amount_due", "t", month);
	if (run_table(d, &o->wages_by_month, wage_cols, N(wage_cols),
		      "SELECT period, sum(amount_due), sum(amount_paid) FROM payroll "
		      "WHERE period >= ? AND period <= ? GROUP BY period ORDER BY period",
		      "tt", from_month, month) < 0)
		goto fail;
	o->accounts_open = db_int(d, 0,
				  "SELECT count(*) FROM accounts WHERE opened_date <= ? "
				  "AND (closed_date IS NULL OR closed_date > ?)", "tt", as_of, as_of);
	o->accounts_balance = db_int(d, 0,
				     "SELECT " BALANCE_SUM " FROM transactions WHERE txn_date <= ? "
				     "AND account_no IN (SELECT account_no FROM accounts "
				     "WHERE opened_date <= ? AND (closed_date IS NULL OR closed_date > ?))",
				     "ttt", as_of, as_of, as_of);
	o->deposits_count = db_int(d, 0,
				   "SELECT count(*) FROM deposits WHERE deposit_date <= ? "
				   "AND (released_date IS NULL OR released_date > ?)", "tt", as_of, as_of);
	o->deposits_amount = db_int(d, 0,
				    "SELECT sum(amount) FROM deposits WHERE deposit_date <= ? "
				    "AND (released_date IS NULL OR released_date > ?)", "tt", as_of, as_of);
	return 0;
fail:
	stats_dash_free(o);
	return -1;
}

void stats_dash_free(stats_dash *s)
{
	stats_table_free(&s->by_status);
	stats_table_free(&s->by_street);
	stats_table_free(&s->wages_by_month);
}
