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

#include "store/record.h"
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
static int collect(db_stmt *st, stats_table *out, const stats_col *cols, int ncols);

static int run_table(db *d, stats_table *out, const stats_col *cols, int ncols,
		     const char *sql, const char *types, ...)
{
	va_list ap;
	db_stmt *st = db_prepare(d, sql);

	va_start(ap, types);
	for (int i = 0; types[i]; i++) {
		if (types[i] == 'i')
			db_bind_int(st, i + 1, va_arg(ap, int64_t));
		else
			db_bind_text(st, i + 1, va_arg(ap, const char *));
	}
	va_end(ap);
	return collect(st, out, cols, ncols);
}

/* A statement of sql_fmt with its "%s" replaced by the scope clause of s
 * on column col (" AND col IN (projects in scope)", or nothing), bound
 * with the parameters of types/ap first and the scope's values after -
 * so the clause must follow every other '?' of the statement. */
static db_stmt *scoped_stmt(db *d, const rec_scope *s, const char *col, const char *sql_fmt,
			    const char *types, va_list ap)
{
	buf clause = BUF_INIT, sql = BUF_INIT;
	const char *sp[8];
	int nsp = rec_scope_sql(s, col, &clause, sp), i;

	buf_fmt(&sql, sql_fmt, buf_str(&clause));
	db_stmt *st = db_prepare(d, buf_str(&sql));
	for (i = 0; types[i]; i++) {
		if (types[i] == 'i')
			db_bind_int(st, i + 1, va_arg(ap, int64_t));
		else
			db_bind_text(st, i + 1, va_arg(ap, const char *));
	}
	for (int j = 0; j < nsp; j++)
		db_bind_text(st, i + 1 + j, sp[j]);
	buf_free(&clause);
	buf_free(&sql);
	return st;
}

/* db_int over scoped_stmt: the first column of the first row, or 0. */
static int64_t scoped_int(db *d, const rec_scope *s, const char *col, const char *sql_fmt,
			  const char *types, ...)
{
	va_list ap;
	int64_t v = 0;

	va_start(ap, types);
	db_stmt *st = scoped_stmt(d, s, col, sql_fmt, types, ap);
	va_end(ap);
	if (db_step(st) == DB_ROW && !db_col_is_null(st, 0))
		v = db_col_int(st, 0);
	db_finalize(st);
	return v;
}

/* Collects every row of st into out, columns typed by cols; finalizes st. */
static int collect(db_stmt *st, stats_table *out, const stats_col *cols, int ncols)
{
	int cap = 0, rc;

	memset(out, 0, sizeof *out);
	out->cols = cols;
	out->ncols = ncols;
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

/* run_table over scoped_stmt. */
static int scoped_table(db *d, stats_table *out, const stats_col *cols, int ncols,
			const rec_scope *s, const char *col, const char *sql_fmt,
			const char *types, ...)
{
	va_list ap;

	va_start(ap, types);
	db_stmt *st = scoped_stmt(d, s, col, sql_fmt, types, ap);
	va_end(ap);
	return collect(st, out, cols, ncols);
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
int stats_worker_attendance(db *d, const char *id_number, const rec_scope *scope,
			    stats_table *out)
{
	buf clause = BUF_INIT, sql = BUF_INIT;
	const char *sp[16];
	/* the attendance rows the caller sees (an employer: its own days) */
	int nsp = rec_scope_rows_sql(scope, kind_find("attendance"), "a", &clause, sp);

	buf_fmt(&sql, "SELECT a.project_code, substr(a.date, 1, 7) AS m, count(*) "
		"FROM (SELECT DISTINCT project_code FROM employments "
		"      WHERE worker_id_number = ?) e "
		"JOIN attendance a ON a.project_code = e.project_code "
		"AND a.worker_id_number = ? WHERE 1=1%S "
		"GROUP BY a.project_code, m ORDER BY m, a.project_code", &clause);
	db_stmt *st = db_prepare(d, buf_str(&sql));
	db_bind_text(st, 1, id_number);
	db_bind_text(st, 2, id_number);
	for (int i = 0; i < nsp; i++)
		db_bind_text(st, 3 + i, sp[i]);
	buf_free(&clause);
	buf_free(&sql);
	return collect(st, out, watt_cols, N(watt_cols));
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
		    const char *from_month, const rec_scope *sc, stats_dash *o)
{
	rec_query q;
	const kind *pk = kind_find("projects");

	memset(o, 0, sizeof *o);
	/* Counts of records as the lists count them (same scope rules). */
	rec_query_init(&q, pk, sc);
	o->projects_total = rec_count(d, &q);
	q.filters[0].field = kind_key_index(pk, "status");
	q.filters[0].op = REC_EQ;
	q.filters[0].value = "active";
	q.nfilters = 1;
	o->projects_active = rec_count(d, &q);
	rec_query_init(&q, kind_find("workers"), sc);
	o->workers_registered = rec_count(d, &q);

	if (scoped_table(d, &o->by_status, status_cols, N(status_cols), sc, "code",
			 "SELECT status, count(*) FROM projects WHERE 1=1%s "
			 "GROUP BY status ORDER BY status", "") < 0)
		goto fail;
	if (scoped_table(d, &o->by_street, street_cols, N(street_cols), sc, "code",
			 "SELECT street, count(*) FROM projects WHERE status = 'active'%s "
			 "GROUP BY street ORDER BY count(*) DESC, street", "") < 0)
		goto fail;
	o->workers_on_site = scoped_int(d, sc, "project_code",
					"SELECT count(DISTINCT worker_id_number) FROM employments "
					"WHERE entry_date <= ? AND (exit_date IS NULL OR exit_date >= ?)%s",
					"tt", as_of, as_of);
	o->wage_due = scoped_int(d, sc, "project_code",
				 "SELECT sum(amount_due) FROM payroll WHERE period = ?%s", "t", month);
	o->wage_paid = scoped_int(d, sc, "project_code",
				  "SELECT sum(amount_paid) FROM payroll WHERE period = ?%s", "t", month);
	o->unpaid_workers = scoped_int(d, sc, "project_code",
				       "SELECT count(DISTINCT worker_id_number) FROM payroll "
				       "WHERE period = ? AND amount_paid < amount_due%s", "t", month);
	if (scoped_table(d, &o->wages_by_month, wage_cols, N(wage_cols), sc, "project_code",
			 "SELECT period, sum(amount_due), sum(amount_paid) FROM payroll "
			 "WHERE period >= ? AND period <= ?%s GROUP BY period ORDER BY period",
			 "tt", from_month, month) < 0)
		goto fail;
	o->accounts_open = scoped_int(d, sc, "project_code",
				      "SELECT count(*) FROM accounts WHERE opened_date <= ? "
				      "AND (closed_date IS NULL OR closed_date > ?)%s", "tt", as_of, as_of);
	o->accounts_balance = scoped_int(d, sc, "project_code",
					 "SELECT " BALANCE_SUM " FROM transactions WHERE txn_date <= ? "
					 "AND account_no IN (SELECT account_no FROM accounts "
					 "WHERE opened_date <= ? AND (closed_date IS NULL OR closed_date > ?)%s)",
					 "ttt", as_of, as_of, as_of);
	o->deposits_count = scoped_int(d, sc, "project_code",
				       "SELECT count(*) FROM deposits WHERE deposit_date <= ? "
				       "AND (released_date IS NULL OR released_date > ?)%s", "tt", as_of, as_of);
	o->deposits_amount = scoped_int(d, sc, "project_code",
					"SELECT sum(amount) FROM deposits WHERE deposit_date <= ? "
					"AND (released_date IS NULL OR released_date > ?)%s", "tt", as_of, as_of);
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

/* ---- any scoped aggregate (warn_query.c) ----------------------------------- */

int stats_scoped(db *d, stats_table *out, const stats_col *cols, int ncols,
		 const rec_scope *s, const char *col, const char *sql_fmt, const char *types, ...)
{
	va_list ap;

	va_start(ap, types);
	db_stmt *st = scoped_stmt(d, s, col, sql_fmt, types, ap);
	va_end(ap);
	return collect(st, out, cols, ncols);
}
