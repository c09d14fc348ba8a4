/*
 * stats.c - aggregate queries for the dashboard and the record pages (see
 * stats.h). Owns all of that SQL; knows nothing of JSON or HTTP.
 *
 * Scale (demo: ~300 projects, ~20,000 workers, ~2.6 M attendance rows):
 * attendance has only its unique key index attendance_key (project_code,
 * date, worker_id_number), so every attendance query here is bounded by a
 * project code (and dates), never a scan; the dashboard does not touch attendance at all
 * (workers on site come from open employments). Each query's plan was
 * checked with EXPLAIN QUERY PLAN (see the comment above it).
 */
#include "store/stats.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/record.h"
#include "util/buf.h"
#include "util/date.h"

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

/*
 * MONEY_SUM(x): the exact sum of the integer fen expression x, or NULL
 * when it cannot be computed exactly. SQLite's sum() raises "integer
 * overflow" past int64, which failed the whole dashboard for every role,
 * so money is never summed with it. total() never fails: it adds in a
 * double (SQLite 3.40), or in an int64 turning to a double only on
 * overflow (3.43+). When every x is >= 0 the partial sums only grow, so a
 * total below 2^53 means every partial sum was an integer below 2^53,
 * which a double holds exactly: the CAST is then the exact sum. A
 * negative x (no importer writes one) or a total of 2^53 fen or more
 * (about 90 trillion yuan: the field maxima of kinds.c keep a month's
 * wages of a million workers under 10^14 fen) gives NULL, which the
 * callers report as out of range, naming the data - never a wrong figure.
 */
#define MONEY_SUM(x)                                                        \
	"(CASE WHEN coalesce(min(" x "), 0) >= 0 AND total(" x ") < 9007199254740992.0 " \
	"THEN CAST(total(" x ") AS BIGINT) END)"

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
	db_bindv(st, types, ap);
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
	int nsp = rec_scope_sql(s, col, &clause, sp);

	buf_fmt(&sql, sql_fmt, buf_str(&clause));
	db_stmt *st = db_prepare(d, buf_str(&sql));
	int i = db_bindv(st, types, ap);
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

/* scoped_int for a MONEY_SUM: *v gets the figure; returns 0, 1 when the
 * sum is NULL (out of range: *v = 0), -1 on a database error. */
static int scoped_money(db *d, int64_t *v, const rec_scope *s, const char *col,
			const char *sql_fmt, const char *types, ...)
{
	va_list ap;
	int rc = -1;

	va_start(ap, types);
	db_stmt *st = scoped_stmt(d, s, col, sql_fmt, types, ap);
	va_end(ap);
	*v = 0;
	if (db_step(st) == DB_ROW) {
		rc = db_col_is_null(st, 0) ? 1 : 0;
		*v = rc ? 0 : db_col_int(st, 0);
	}
	db_finalize(st);
	return rc;
}

/* Collects every row of st into out, columns typed by cols; finalizes st.
 * A NULL money cell (a MONEY_SUM out of range) is kept as null = 1. */
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
			cell->null = db_col_is_null(st, c);
			if (cols[c].type == ST_TEXT) {
				if (!cell->null)
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

/* Plan: SEARCH attendance USING INDEX attendance_key (project_code=?),
 * then a temp B-tree for the GROUP BY. */
int stats_project_attendance(db *d, const char *code, stats_table *out)
{
	return run_table(d, out, att_cols, N(att_cols),
			 "SELECT substr(date, 1, 7) AS m, count(DISTINCT worker_id_number), "
			 "count(*), coalesce(sum(hours), 0) FROM attendance "
			 "WHERE project_code = ? GROUP BY m ORDER BY m",
			 "t", code);
}

/* ---- wages by the warning rules' definitions -------------------------------- */

static const stats_col wage_cols[] = {
	{"month", ST_TEXT}, {"workers", ST_INT}, {"on_payroll", ST_INT}, {"due_workers", ST_INT},
	{"unpaid_workers", ST_INT}, {"no_payroll", ST_INT}, {"due", ST_MONEY}, {"paid", ST_MONEY},
};

/*
 * One row per owed worker-month (x): the payroll rows of the months, each
 * with whether the worker has attendance then (att_month's key), and the
 * attendance-only worker-months (no payroll row: the payroll key). Then
 * per row whether the month is due for its project: with Dm = the month
 * before as_of's month, M is due when M < Dm (its deadline, in M+1 <= Dm,
 * is before as_of's month), or M = Dm and the deadline day
 * min(wage_day, days of as_of's month) is before as_of's day - plain
 * comparisons, no date() per row. "%s" (the scope) comes last.
 * Plans: SEARCH payroll USING INDEX payroll_scan (period>? AND
 * period<?) or the key (project_code=?), att_month by its primary key;
 * att_month USING PRIMARY KEY (month>? AND month<?) or att_month_pair
 * (project_code=?), payroll by its key; projects by its key.
 */
#define WAGE_SQL(PAYW, ATTW)                                                     \
	"SELECT y.m, count(*), sum(y.onpay), sum(y.isdue), "                         \
	"sum(CASE WHEN y.isdue = 1 AND ((y.att = 1 AND y.paid = 0) OR (y.onpay = 1 AND y.paid > 0" \
	" AND y.paid < y.due)) THEN 1 ELSE 0 END), "                                              \
	"sum(CASE WHEN y.att = 1 AND y.onpay = 0 THEN 1 ELSE 0 END), " MONEY_SUM("y.due") ", "     \
	MONEY_SUM("y.paid") " FROM ("                                                              \
	" SELECT x.m, x.onpay, x.att, x.due, x.paid, x.p, CASE WHEN x.m >= substr(pr.start_date, 1, 7) AND " \
	"  (x.m < ?1 OR (x.m = ?1 AND CASE WHEN pr.wage_day < CAST(?2 AS BIGINT) THEN pr.wage_day"   \
	"  ELSE CAST(?2 AS BIGINT) END < CAST(?3 AS BIGINT))) THEN 1 ELSE 0 END AS isdue FROM ("     \
	"  SELECT pay.period AS m, pay.project_code AS p, 1 AS onpay, pay.amount_due AS due,"      \
	"   CASE WHEN pay.paid_date <= ?4 THEN pay.amount_paid ELSE 0 END AS paid,"                \
	"   CASE WHEN EXISTS (SELECT 1 FROM att_month a WHERE a.month = pay.period"               \
	"    AND a.project_code = pay.project_code AND a.worker_id_number = pay.worker_id_number)"  \
	"    THEN 1 ELSE 0 END AS att"                                                               \
	"  FROM payroll pay WHERE " PAYW                                                          \
	"  UNION ALL SELECT a.month, a.project_code, 0, 0, 0, 1 FROM att_month a WHERE " ATTW       \
	"   AND NOT EXISTS (SELECT 1 FROM payroll pay WHERE pay.project_code = a.project_code"     \
	"    AND pay.worker_id_number = a.worker_id_number AND pay.period = a.month)"              \
	" ) x JOIN projects pr ON pr.code = x.p) y WHERE 1=1%s GROUP BY y.m ORDER BY y.m"

int stats_wage_months(db *d, const char *project, const char *from, const char *to,
		      const char *as_of, const rec_scope *scope, stats_table *out)
{
	int y, m, dd;
	char prev[8], dim[4], day[4];

	memset(out, 0, sizeof *out);
	if (sscanf(as_of, "%d-%d-%d", &y, &m, &dd) != 3)
		return -1;
	snprintf(dim, sizeof dim, "%d", date_days_in_month(y, m));
	snprintf(day, sizeof day, "%d", dd);
	month_add(&y, &m, -1);
	month_format(y, m, prev);
	/* ?2 and ?3 are bound as text and compared with the integer wage_day
	 * through a CAST (a text never compares less than an integer). */
	if (project)
		return scoped_table(d, out, wage_cols, N(wage_cols), scope, "y.p",
				    WAGE_SQL("pay.project_code = ?5 AND pay.period >= ?6 AND pay.period <= ?7",
					     "a.project_code = ?5 AND a.month >= ?6 AND a.month <= ?7"),
				    "ttttttt", prev, dim, day, as_of, project, from, to);
	return scoped_table(d, out, wage_cols, N(wage_cols), scope, "y.p",
			    WAGE_SQL("pay.period >= ?5 AND pay.period <= ?6",
				     "a.month >= ?5 AND a.month <= ?6"),
			    "tttttt", prev, dim, day, as_of, from, to);
}

/* ---- conditions of the lists ------------------------------------------------- */

/* A project active on D (warning-rules.md): the one definition of 在建 on
 * a date, for the list (stats_pred_active) and the dashboard. */
#define ACTIVE_ON(D1, D2) \
	"status IN ('active', 'suspended') AND start_date <= " D1 " AND (end_date IS NULL OR end_date > " D2 ")"

/* Warnings open on D: raised on or before it, not eliminated by then. */
#define OPEN_ON "raised_on <= ? AND (eliminated_on IS NULL OR eliminated_on > ?)"
#define LEVEL_RANK "max(CASE level WHEN 'red' THEN 3 WHEN 'orange' THEN 2 WHEN 'yellow' THEN 1 ELSE 0 END)"

static void add_extra(rec_query *q, const char *sql, const char *a1, const char *a2)
{
	if (q->nextra == REC_MAX_EXTRA)
		return;
	rec_extra *x = &q->extra[q->nextra++];
	x->sql = sql;
	x->args[0] = a1;
	x->args[1] = a2;
	x->nargs = a1 ? (a2 ? 2 : 1) : 0;
}

void stats_pred_active(rec_query *q, const char *as_of)
{
	add_extra(q, " AND " ACTIVE_ON("?", "?"), as_of, as_of);
}

int stats_pred_warn_level(rec_query *q, const char *level, const char *as_of)
{
	static const struct {
		const char *level, *sql;
	} L[] = {
		{"red", " AND code IN (SELECT project_code FROM warnings WHERE " OPEN_ON
			" GROUP BY project_code HAVING " LEVEL_RANK " = 3)"},
		{"orange", " AND code IN (SELECT project_code FROM warnings WHERE " OPEN_ON
			   " GROUP BY project_code HAVING " LEVEL_RANK " = 2)"},
		{"yellow", " AND code IN (SELECT project_code FROM warnings WHERE " OPEN_ON
			   " GROUP BY project_code HAVING " LEVEL_RANK " = 1)"},
		{"any", " AND code IN (SELECT project_code FROM warnings WHERE " OPEN_ON ")"},
		{"none", " AND code NOT IN (SELECT project_code FROM warnings WHERE " OPEN_ON ")"},
	};

	for (int i = 0; i < N(L); i++)
		if (!strcmp(level, L[i].level)) {
			add_extra(q, L[i].sql, as_of, as_of);
			return 0;
		}
	return -1;
}

void stats_pred_worker_project(rec_query *q, const char *text)
{
	add_extra(q, " AND id_number IN (SELECT e.worker_id_number FROM employments e "
		     "JOIN projects p ON p.code = e.project_code WHERE p.code = ? OR instr(p.name, ?) > 0)",
		  text, text);
}

void stats_pred_worker_employer(rec_query *q, const char *text)
{
	add_extra(q, " AND id_number IN (SELECT e.worker_id_number FROM employments e "
		     "JOIN enterprises n ON n.uscc = e.employer_uscc WHERE n.uscc = ? OR instr(n.name, ?) > 0)",
		  text, text);
}

/* Plan: SEARCH warnings USING INDEX warnings_project (project_code=?). */
int stats_project_warn(db *d, const char *code, const char *as_of, char level[8], int64_t *n)
{
	db_stmt *st = db_prepare(d, "SELECT " LEVEL_RANK ", count(*) FROM warnings "
				    "WHERE project_code = ? AND " OPEN_ON);
	static const char *const names[] = {"", "yellow", "orange", "red"};
	int rc = -1;

	db_bind_text(st, 1, code);
	db_bind_text(st, 2, as_of);
	db_bind_text(st, 3, as_of);
	level[0] = 0;
	*n = 0;
	if (db_step(st) == DB_ROW) {
		int64_t r = db_col_is_null(st, 0) ? 0 : db_col_int(st, 0);
		snprintf(level, 8, "%s", names[r >= 0 && r <= 3 ? r : 0]);
		*n = db_col_int(st, 1);
		rc = 0;
	}
	db_finalize(st);
	return rc;
}

const char *stats_warn_level_name(int64_t rank)
{
	static const char *const names[] = {"", "yellow", "orange", "red"};

	return names[rank >= 0 && rank <= 3 ? rank : 0];
}

static void add_xcol(rec_query *q, const char *sql, const char *a1, const char *a2)
{
	if (q->nxcols == REC_MAX_XCOLS)
		return;
	rec_xcol *x = &q->xcols[q->nxcols++];
	x->sql = sql;
	x->args[0] = a1;
	x->args[1] = a2;
	x->nargs = a1 ? (a2 ? 2 : 1) : 0;
}

/* stats_project_warn's two figures as one subquery over the page's row t
 * (one look-up of the project's warnings, not two): the rank times 2^32
 * plus the count (stats_warn_unpack). */
void stats_xcol_project_warn(rec_query *q, const char *as_of)
{
	add_xcol(q, "(SELECT coalesce(" LEVEL_RANK ", 0) * 4294967296 + count(*) FROM warnings "
		    "WHERE project_code = t.code AND " OPEN_ON ")", as_of, as_of);
}

const char *stats_warn_unpack(int64_t x, int64_t *n)
{
	*n = x & 0xffffffff;
	return stats_warn_level_name(x >> 32);
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

/* Plan: SEARCH attendance USING COVERING INDEX attendance_key
 * (project_code=?) for each project of the list (employments USING INDEX
 * employments_worker): the project's entries, the worker's picked from
 * them in the index (a project's month is about a thousand; 26 ms cold for
 * a worker of the 11 M-row province data set), one temp B-tree for the
 * grouping in the answer's order. (A join with the DISTINCT projects
 * materialized them and sorted twice: three times the time.) */
int stats_worker_attendance(db *d, const kind *attendance, const char *id_number,
			    const rec_scope *scope, stats_table *out)
{
	buf clause = BUF_INIT, sql = BUF_INIT;
	const char *sp[16];
	/* the attendance rows the caller sees (an employer: its own days) */
	int nsp = rec_scope_rows_sql(scope, attendance, "a", &clause, sp);

	buf_fmt(&sql, "SELECT a.project_code, substr(a.date, 1, 7) AS m, count(*) "
		"FROM attendance a WHERE a.project_code IN (SELECT project_code FROM "
		"employments WHERE worker_id_number = ?) AND a.worker_id_number = ?%S "
		"GROUP BY m, a.project_code ORDER BY m, a.project_code", &clause);
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

/* Money in minus money out, each a MONEY_SUM (so each below 2^53 and the
 * difference within int64), NULL when either is out of range. */
#define TXN_IS_IN "kind IN ('labor_cost','refund','other_in')"
#define BALANCE_SUM                                                         \
	"(" MONEY_SUM("CASE WHEN " TXN_IS_IN " THEN amount ELSE 0 END") " - " \
	MONEY_SUM("CASE WHEN " TXN_IS_IN " THEN 0 ELSE amount END") ")"

/* Plan: SEARCH transactions USING INDEX transactions_date
 * (account_no=? AND txn_date<?). */
int stats_account_balance(db *d, const char *account_no, const char *as_of, int64_t *balance)
{
	db_stmt *st = db_prepare(d, "SELECT " BALANCE_SUM " FROM transactions "
				    "WHERE account_no = ? AND txn_date <= ?");
	int rc = -1;

	db_bind_text(st, 1, account_no);
	db_bind_text(st, 2, as_of);
	*balance = 0;
	if (db_step(st) == DB_ROW && !db_col_is_null(st, 0)) {
		*balance = db_col_int(st, 0);
		rc = 0;
	}
	db_finalize(st);
	return rc;
}

/* stats_account_balance's sum as a subquery over the page's row t. */
void stats_xcol_account_balance(rec_query *q, const char *as_of)
{
	add_xcol(q, "(SELECT " BALANCE_SUM " FROM transactions WHERE account_no = t.account_no "
		    "AND txn_date <= ?)", as_of, NULL);
}

/* ---- dashboard ------------------------------------------------------------ */

static const stats_col status_cols[] = {{"status", ST_TEXT}, {"n", ST_INT}};
static const stats_col street_cols[] = {{"street", ST_TEXT}, {"active", ST_INT}};

static const stats_col name_cols[] = {{"project_code", ST_TEXT}, {"what", ST_TEXT}};

/* Appends to out the rows of t as "项目 P what" (at most three). */
static void name_rows(buf *out, const stats_table *t, const char *label)
{
	for (int i = 0; i < t->nrows; i++)
		buf_fmt(out, "%s%s 项目%s %s", out->len ? "; " : "", label,
			stats_at(t, i, 0)->s ? stats_at(t, i, 0)->s : "", stats_at(t, i, 1)->s ? stats_at(t, i, 1)->s : "");
}

/* Appends to names the groups of one out-of-range sum. tmpl is a query of
 * (project_code, what) with "%%s" where the scope clause goes and "%s"
 * where a HAVING clause goes; its parameters are types/a1/a2. First the
 * groups whose own sum is out of range (having); when there is none (only
 * their total is), the three holding the most extreme single amounts (the
 * ORDER BY of tmpl). */
static void name_groups(db *d, const rec_scope *sc, const char *col, const char *tmpl,
			const char *having, const char *types, const char *a1, const char *a2,
			const char *label, buf *names)
{
	for (int pass = 0; pass < 2; pass++) {
		buf sql = BUF_INIT;
		stats_table t;
		buf_fmt(&sql, tmpl, pass ? "" : having);
		int rc = scoped_table(d, &t, name_cols, N(name_cols), sc, col, buf_str(&sql), types, a1, a2);
		buf_free(&sql);
		if (rc != 0)
			return;
		int n = t.nrows;
		name_rows(names, &t, label);
		stats_table_free(&t);
		if (n > 0)
			return;
	}
}

/* The message of a dashboard whose sums are out of range: names, for each
 * sum concerned, the (project, month / account / deposit) groups within
 * scope to check (an older database may hold amounts above today's field
 * maxima). */
static void name_out_of_range(db *d, const rec_scope *sc, const char *as_of, const char *from_month,
			      const char *month, int pay, int bal, int dep, char *msg, size_t msglen)
{
	buf names = BUF_INIT;

	if (pay)
		name_groups(d, sc, "project_code",
			    "SELECT project_code, period FROM payroll WHERE period >= ? AND period <= ?%%s "
			    "GROUP BY 1, 2%s ORDER BY max(CASE WHEN abs(amount_due) > abs(amount_paid) "
			    "THEN abs(amount_due) ELSE abs(amount_paid) END) DESC, 1, 2 LIMIT 3",
			    " HAVING " MONEY_SUM("amount_due") " IS NULL OR " MONEY_SUM("amount_paid") " IS NULL",
			    "tt", from_month, month, "工资", &names);
	if (bal)
		name_groups(d, sc, "a.project_code",
			    "SELECT a.project_code, '专用账户' || a.account_no FROM transactions "
			    "JOIN accounts a ON a.account_no = transactions.account_no "
			    "WHERE transactions.txn_date <= ?%%s GROUP BY 1, 2%s "
			    "ORDER BY max(abs(amount)) DESC, 1, 2 LIMIT 3",
			    " HAVING " BALANCE_SUM " IS NULL", "t", as_of, NULL, "专用账户余额", &names);
	if (dep)
		name_groups(d, sc, "project_code",
			    "SELECT project_code, '保证金' || deposit_no FROM deposits WHERE deposit_date <= ?%%s "
			    "GROUP BY 1, 2%s ORDER BY max(abs(amount)) DESC, 1, 2 LIMIT 3",
			    " HAVING " MONEY_SUM("amount") " IS NULL", "t", as_of, NULL, "工资保证金", &names);
	snprintf(msg, msglen, "金额合计超出可计算范围,请核对以下数据中的金额:%s (a sum is out of range: "
		 "check the amounts of these rows)", buf_str(&names));
	buf_free(&names);
}

/*
 * Plans: projects and enterprises are small (full scans of hundreds of
 * rows); workers_on_site scans employments (tens of thousands), never
 * attendance; the wage figures SEARCH payroll USING INDEX payroll_scan
 * (period=? / period>? AND period<?); the balance scans transactions once
 * with the open accounts as a list.
 */
int stats_dashboard(db *d, const kind *pk, const kind *wk, const char *as_of, const char *month,
		    const char *from_month, const rec_scope *sc, stats_dash *o)
{
	rec_query q;
	int bad_pay, bad_bal, bad_dep;

	memset(o, 0, sizeof *o);
	/* Counts of records as the lists count them (same scope rules). */
	rec_query_init(&q, pk, sc);
	o->projects_total = rec_count(d, &q);
	stats_pred_active(&q, as_of); /* 在建 on as_of: as the list counts it */
	o->projects_active = rec_count(d, &q);
	q.filters[0].field = kind_key_index(pk, "status");
	q.filters[0].op = REC_EQ;
	q.filters[0].value = "suspended";
	q.nfilters = 1;
	o->projects_suspended = rec_count(d, &q);
	rec_query_init(&q, wk, sc);
	o->workers_registered = rec_count(d, &q);

	if (scoped_table(d, &o->by_status, status_cols, N(status_cols), sc, "code",
			 "SELECT status, count(*) FROM projects WHERE 1=1%s "
			 "GROUP BY status ORDER BY status", "") < 0)
		goto fail;
	if (scoped_table(d, &o->by_street, street_cols, N(street_cols), sc, "code",
			 "SELECT street, count(*) FROM projects WHERE " ACTIVE_ON("?", "?") "%s "
			 "GROUP BY street ORDER BY count(*) DESC, street", "tt", as_of, as_of) < 0)
		goto fail;
	o->workers_on_site = scoped_int(d, sc, "project_code",
					"SELECT count(DISTINCT worker_id_number) FROM employments "
					"WHERE entry_date <= ? AND (exit_date IS NULL OR exit_date >= ?)%s",
					"tt", as_of, as_of);
	/* The wage figures: the warning rules' definitions (stats_wage_months). */
	if (stats_wage_months(d, NULL, from_month, month, as_of, sc, &o->wages_by_month) < 0)
		goto fail;
	bad_pay = 0;
	for (int i = 0; i < o->wages_by_month.nrows; i++)
		bad_pay |= stats_at(&o->wages_by_month, i, 6)->null | stats_at(&o->wages_by_month, i, 7)->null;
	o->accounts_open = scoped_int(d, sc, "project_code",
				      "SELECT count(*) FROM accounts WHERE opened_date <= ? "
				      "AND (closed_date IS NULL OR closed_date > ?)%s", "tt", as_of, as_of);
	if ((bad_bal = scoped_money(d, &o->accounts_balance, sc, "project_code",
				    "SELECT " BALANCE_SUM " FROM transactions WHERE txn_date <= ? "
				    "AND account_no IN (SELECT account_no FROM accounts "
				    "WHERE opened_date <= ? AND (closed_date IS NULL OR closed_date > ?)%s)",
				    "ttt", as_of, as_of, as_of)) < 0)
		goto fail;
	o->deposits_count = scoped_int(d, sc, "project_code",
				       "SELECT count(*) FROM deposits WHERE deposit_date <= ? "
				       "AND (released_date IS NULL OR released_date > ?)%s", "tt", as_of, as_of);
	if ((bad_dep = scoped_money(d, &o->deposits_amount, sc, "project_code",
				    "SELECT " MONEY_SUM("amount") " FROM deposits WHERE deposit_date <= ? "
				    "AND (released_date IS NULL OR released_date > ?)%s", "tt", as_of, as_of)) < 0)
		goto fail;
	if (bad_pay || bad_bal || bad_dep) {
		name_out_of_range(d, sc, as_of, from_month, month, bad_pay, bad_bal, bad_dep, o->overflow,
				  sizeof o->overflow);
		stats_dash_free(o);
		return -2;
	}
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
