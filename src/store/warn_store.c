/*
 * warn_store.c - the SQL of the warning engine (see warn_store.h).
 *
 * Streams are plain SELECTs read in storage order (no sort), optionally
 * restricted by "col IN (SELECT .. FROM ws_p)" fragments: the SQL is
 * assembled from the constant fragments below only, never from data.
 */
#include "store/warn_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"

/* The scan reads one snapshot of the database. On SQLite it reads most
 * of the file once: map it instead of copying pages through the page
 * cache (read-only use of the mapping). On PostgreSQL a snapshot is a
 * REPEATABLE READ transaction. */
int warn_store_read_begin(db *d, db **twin)
{
	int pg = db_dialect(d) == DB_DIALECT_PG;

	if (!pg)
		db_exec(d, "PRAGMA mmap_size=8589934592");
	if (twin)
		return db_read_begin_twin(d, twin);
	return db_exec(d, pg ? "BEGIN ISOLATION LEVEL REPEATABLE READ" : "BEGIN");
}

int warn_store_read_end(db *d)
{
	return db_exec(d, "COMMIT");
}

int warn_store_scope(db *d, const char *const *projects, size_t np,
		     const char *const *months, size_t nm)
{
	int rc = db_exec(d, "CREATE TEMP TABLE IF NOT EXISTS ws_p (code TEXT PRIMARY KEY);"
		       "CREATE TEMP TABLE IF NOT EXISTS ws_m (month TEXT PRIMARY KEY);"
		       "DELETE FROM ws_p; DELETE FROM ws_m;");
	if (rc != DB_OK)
		return rc;
	for (size_t i = 0; i < np; i++)
		if ((rc = db_run(d, "INSERT INTO ws_p VALUES (?) ON CONFLICT DO NOTHING", "t", projects[i])) != DB_OK)
			return rc;
	for (size_t i = 0; i < nm; i++)
		if ((rc = db_run(d, "INSERT INTO ws_m VALUES (?) ON CONFLICT DO NOTHING", "t", months[i])) != DB_OK)
			return rc;
	return DB_OK;
}

/* Prepares head + the scope restrictions on pcol / mcol + tail. */
static db_stmt *scoped(db *d, const char *head, int flags, const char *pcol,
		       const char *mcol, const char *tail)
{
	buf sql = BUF_INIT;

	buf_puts(&sql, head);
	if ((flags & WS_P) && pcol)
		buf_fmt(&sql, " AND %s IN (SELECT code FROM ws_p)", pcol);
	if ((flags & WS_M) && mcol)
		buf_fmt(&sql, " AND %s IN (SELECT month FROM ws_m)", mcol);
	buf_puts(&sql, tail ? tail : "");
	db_stmt *st = db_prepare(d, buf_str(&sql));
	buf_free(&sql);
	return st;
}

/* Steps st to the end, calling row(st, ctx) for each row; finalizes. */
static int drain(db_stmt *st, void (*row)(db_stmt *, void *), void *ctx)
{
	int rc;

	while ((rc = db_step(st)) == DB_ROW)
		row(st, ctx);
	db_finalize(st);
	return rc == DB_DONE ? 0 : -1;
}

static const char *col_or_null(db_stmt *st, int i)
{
	return db_col_is_null(st, i) ? NULL : db_col_text(st, i);
}

/* The typed callbacks of the streams, behind one generic pair. */
typedef struct cbpair {
	void (*fn)(void *, const void *);
	void *ctx;
} cbpair;

#define CB(pair, fn_, ctx_) cbpair pair = {(void (*)(void *, const void *))(void (*)(void))(fn_), ctx_}

static void row_project(db_stmt *st, void *c)
{
	cbpair *p = c;
	ws_project r = {db_col_text(st, 0), db_col_text(st, 1), db_col_text(st, 2), db_col_text(st, 3),
			db_col_text(st, 4), db_col_text(st, 5), db_col_text(st, 6), db_col_text(st, 7),
			col_or_null(st, 8), db_col_text(st, 9), col_or_null(st, 10), db_col_int(st, 11),
			(int)db_col_int(st, 12), (int)db_col_int(st, 13)};
	p->fn(p->ctx, &r);
}

int warn_store_projects(db *d, int flags, void (*cb)(void *, const ws_project *), void *ctx)
{
	CB(p, cb, ctx);
	return drain(scoped(d, "SELECT code, name, region_code, street, owner_uscc, contractor_uscc,"
			       " contract_date, start_date, end_date, status, board_installed_date,"
			       " contract_amount, labor_cost_cycle_days, wage_day FROM projects WHERE 1 = 1",
			    flags, "code", NULL, NULL),
		     row_project, &p);
}

static void row_account(db_stmt *st, void *c)
{
	cbpair *p = c;
	ws_account r = {db_col_text(st, 0), db_col_text(st, 1), db_col_text(st, 2), col_or_null(st, 3)};
	p->fn(p->ctx, &r);
}

int warn_store_accounts(db *d, int flags, void (*cb)(void *, const ws_account *), void *ctx)
{
	CB(p, cb, ctx);
	return drain(scoped(d, "SELECT account_no, project_code, opened_date, closed_date FROM accounts WHERE 1 = 1",
			    flags, "project_code", NULL, NULL),
		     row_account, &p);
}

static void row_txn_day(db_stmt *st, void *c)
{
	cbpair *p = c;
	ws_txn_day r = {db_col_text(st, 0), db_col_text(st, 1), db_col_text(st, 2),
			db_col_int(st, 3), db_col_int(st, 4)};
	p->fn(p->ctx, &r);
}

int warn_store_txn_days(db *d, int flags, const char *as_of,
			void (*cb)(void *, const ws_txn_day *), void *ctx)
{
	CB(p, cb, ctx);
	db_stmt *st = scoped(d, "SELECT account_no, txn_date, kind, amount, n FROM txn_day WHERE txn_date <= ?",
			     flags, "(SELECT project_code FROM accounts a WHERE a.account_no = txn_day.account_no)",
			     NULL, NULL);
	db_bind_text(st, 1, as_of);
	return drain(st, row_txn_day, &p);
}

static void row_deposit(db_stmt *st, void *c)
{
	cbpair *p = c;
	ws_deposit r = {db_col_text(st, 0), db_col_text(st, 1), db_col_text(st, 2), db_col_text(st, 3),
			col_or_null(st, 4), col_or_null(st, 5), db_col_int(st, 6)};
	p->fn(p->ctx, &r);
}

int warn_store_deposits(db *d, int flags, void (*cb)(void *, const ws_deposit *), void *ctx)
{
	CB(p, cb, ctx);
	return drain(scoped(d, "SELECT project_code, deposit_no, form, deposit_date, expiry_date,"
			       " released_date, amount FROM deposits WHERE 1 = 1",
			    flags, "project_code", NULL, NULL),
		     row_deposit, &p);
}

static void row_employment(db_stmt *st, void *c)
{
	cbpair *p = c;
	ws_employment r = {db_col_text(st, 0), db_col_text(st, 1), db_col_text(st, 2),
			   db_col_text(st, 3), col_or_null(st, 4), col_or_null(st, 5)};
	p->fn(p->ctx, &r);
}

int warn_store_employments(db *d, int flags, const char *as_of,
			   void (*cb)(void *, const ws_employment *), void *ctx)
{
	CB(p, cb, ctx);
	db_stmt *st = scoped(d, "SELECT project_code, worker_id_number, employer_uscc, entry_date,"
				" exit_date, contract_signed_date FROM employments WHERE entry_date <= ?",
			     flags, "project_code", NULL, NULL);
	db_bind_text(st, 1, as_of);
	return drain(st, row_employment, &p);
}

static void row_att(db_stmt *st, void *c)
{
	cbpair *p = c;
	ws_att r = {db_col_text(st, 0), db_col_text(st, 1), db_col_text(st, 2), db_col_text(st, 3),
		    db_col_text(st, 4), db_col_int(st, 5)};
	p->fn(p->ctx, &r);
}

int warn_store_att_month(db *d, int flags, const char *month,
			 void (*cb)(void *, const ws_att *), void *ctx)
{
	CB(p, cb, ctx);
	db_stmt *st = scoped(d, "SELECT month, project_code, worker_id_number, first_date, last_date, days"
				" FROM att_month WHERE month = ?",
			     flags, "project_code", NULL, " ORDER BY project_code, worker_id_number");
	db_bind_text(st, 1, month);
	return drain(st, row_att, &p);
}

int warn_store_att_uncovered(db *d, int flags, const char *as_of,
			     void (*cb)(void *, const ws_att *), void *ctx)
{
	CB(p, cb, ctx);
	db_stmt *st = scoped(d, "SELECT month, project_code, worker_id_number, first_date, last_date, days"
				" FROM att_month WHERE covered = 0 AND first_date <= ?",
			     flags, "project_code", "month", NULL);
	db_bind_text(st, 1, as_of);
	return drain(st, row_att, &p);
}

/* A month's stream: the month is bound, so it is not read from each row
 * (at 6 M rows a column fetched per row is measurable). */
typedef struct cbmonth {
	cbpair p;
	const char *month;
} cbmonth;

static void row_wage(db_stmt *st, void *c)
{
	cbmonth *m = c;
	ws_wage r = {m->month, db_col_text(st, 0), db_col_text(st, 1), db_col_text(st, 2),
		     db_col_int(st, 3), db_col_int(st, 4)};
	m->p.fn(m->p.ctx, &r);
}

int warn_store_wage_month(db *d, int flags, const char *month,
			  void (*cb)(void *, const ws_wage *), void *ctx)
{
	CB(p, cb, ctx);
	cbmonth m = {p, month};
	db_stmt *st = scoped(d, "SELECT project_code, worker_id_number, last_date, amount, n"
				" FROM wage_month WHERE period = ?",
			     flags, "project_code", NULL, " ORDER BY project_code, worker_id_number");
	db_bind_text(st, 1, month);
	return drain(st, row_wage, &m);
}

static void row_pay(db_stmt *st, void *c)
{
	cbmonth *m = c;
	ws_pay r = {db_col_text(st, 0), db_col_text(st, 1), m->month, db_col_text(st, 2),
		    col_or_null(st, 3), db_col_text(st, 4), db_col_int(st, 5), db_col_int(st, 6),
		    db_col_int(st, 7)};
	m->p.fn(m->p.ctx, &r);
}

int warn_store_payroll_month(db *d, int flags, const char *month,
			     void (*cb)(void *, const ws_pay *), void *ctx)
{
	CB(p, cb, ctx);
	/* the covering index payroll_scan: one range, in (project, worker)
	 * order like att_month and wage_month, no look-up into the table */
	cbmonth m = {p, month};
	db_stmt *st = scoped(d, "SELECT project_code, worker_id_number, employer_uscc, paid_date,"
				" channel, days_worked, amount_due, amount_paid FROM payroll WHERE period = ?",
			     flags, "project_code", NULL, " ORDER BY project_code, worker_id_number");
	db_bind_text(st, 1, month);
	return drain(st, row_pay, &m);
}

static void row_month(db_stmt *st, void *c)
{
	cbpair *p = c;
	((void (*)(void *, const char *))(void (*)(void))p->fn)(p->ctx, db_col_text(st, 0));
}

/* The distinct values of an indexed column, each found by one index seek
 * (sql: SELECT min(col) FROM t WHERE col > ?) rather than by reading every
 * entry (SELECT DISTINCT walks the whole index: 0.9 s at 6 M payroll rows).
 * Appends them to *v. Returns 0 or -1. */
static int distinct_by_seek(db *d, const char *sql, char ***v, size_t *n)
{
	char *last = xstrdup("");

	for (;;) {
		db_stmt *st = db_prepare(d, sql);
		db_bind_text(st, 1, last);
		int rc = db_step(st);
		if (rc != DB_ROW || db_col_is_null(st, 0)) {
			db_finalize(st);
			free(last);
			return rc == DB_ROW ? 0 : -1;
		}
		free(last);
		last = xstrdup(db_col_text(st, 0));
		db_finalize(st);
		*v = xrealloc(*v, (*n + 1) * sizeof **v);
		(*v)[(*n)++] = xstrdup(last);
	}
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int warn_store_months(db *d, int flags, void (*cb)(void *, const char *month), void *ctx)
{
	CB(p, cb, ctx);
	if (flags & WS_M) { /* a few scope months: DISTINCT through them */
		db_stmt *st = db_prepare(d, "SELECT DISTINCT period FROM payroll WHERE period IN (SELECT month FROM ws_m)"
					    " UNION SELECT DISTINCT month FROM att_month WHERE month IN (SELECT month FROM ws_m)"
					    " UNION SELECT DISTINCT period FROM wage_month WHERE period IN (SELECT month FROM ws_m)"
					    " ORDER BY 1");
		return drain(st, row_month, &p);
	}
	char **v = NULL;
	size_t n = 0;
	int rc = distinct_by_seek(d, "SELECT min(period) FROM payroll WHERE period > ?", &v, &n);
	if (rc == 0)
		rc = distinct_by_seek(d, "SELECT min(month) FROM att_month WHERE month > ?", &v, &n);
	if (rc == 0)
		rc = distinct_by_seek(d, "SELECT min(period) FROM wage_month WHERE period > ?", &v, &n);
	if (n > 1)
		qsort(v, n, sizeof *v, cmp_str);
	for (size_t i = 0; i < n && rc == 0; i++)
		if (i == 0 || strcmp(v[i], v[i - 1]) != 0)
			cb(ctx, v[i]);
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
	return rc;
}

static void row_min_wage(db_stmt *st, void *c)
{
	cbpair *p = c;
	ws_min_wage r = {db_col_text(st, 0), db_col_text(st, 1), db_col_int(st, 2)};
	p->fn(p->ctx, &r);
}

int warn_store_min_wages(db *d, void (*cb)(void *, const ws_min_wage *), void *ctx)
{
	CB(p, cb, ctx);
	return drain(db_prepare(d, "SELECT region_code, effective_from, monthly FROM min_wages"
				   " ORDER BY region_code, effective_from"),
		     row_min_wage, &p);
}

static void row_text(db_stmt *st, void *c)
{
	cbpair *p = c;
	((void (*)(void *, const char *))(void (*)(void))p->fn)(p->ctx, db_col_text(st, 0));
}

int warn_store_att_dates(db *d, const char *project, const char *worker, const char *month,
			 const char *as_of, void (*cb)(void *, const char *date), void *ctx)
{
	CB(p, cb, ctx);
	char lo[16], hi[16];
	snprintf(lo, sizeof lo, "%.7s-01", month);
	snprintf(hi, sizeof hi, "%.7s-31", month);
	db_stmt *st = db_prepare(d, "SELECT date FROM attendance WHERE project_code = ?"
				    " AND worker_id_number = ? AND date BETWEEN ? AND ? AND date <= ?"
				    " ORDER BY date");
	db_bind_text(st, 1, project);
	db_bind_text(st, 2, worker);
	db_bind_text(st, 3, lo);
	db_bind_text(st, 4, hi);
	db_bind_text(st, 5, as_of);
	return drain(st, row_text, &p);
}

static void row_span(db_stmt *st, void *c)
{
	cbpair *p = c;
	((void (*)(void *, const char *, const char *))(void (*)(void))p->fn)(
		p->ctx, db_col_text(st, 0), col_or_null(st, 1));
}

int warn_store_emp_spans(db *d, const char *project, const char *worker,
			 void (*cb)(void *, const char *entry, const char *exit_), void *ctx)
{
	CB(p, cb, ctx);
	db_stmt *st = db_prepare(d, "SELECT entry_date, exit_date FROM employments"
				    " WHERE project_code = ? AND worker_id_number = ? ORDER BY entry_date");
	db_bind_text(st, 1, project);
	db_bind_text(st, 2, worker);
	return drain(st, row_span, &p);
}

static void row_txn(db_stmt *st, void *c)
{
	cbpair *p = c;
	ws_txn r = {db_col_text(st, 0), db_col_text(st, 1), db_col_text(st, 2), db_col_text(st, 3),
		    db_col_int(st, 4)};
	p->fn(p->ctx, &r);
}

int warn_store_wage_txns(db *d, const char *project, const char *worker, const char *period,
			 const char *as_of, void (*cb)(void *, const ws_txn *), void *ctx)
{
	CB(p, cb, ctx);
	db_stmt *st = db_prepare(d, "SELECT t.account_no, t.txn_id, t.txn_date, t.kind, t.amount"
				    " FROM accounts a JOIN transactions t ON t.account_no = a.account_no"
				    " WHERE a.project_code = ? AND t.kind = 'wage' AND t.worker_id_number = ?"
				    " AND t.period = ? AND t.txn_date <= ? ORDER BY t.txn_date, t.txn_id");
	db_bind_text(st, 1, project);
	db_bind_text(st, 2, worker);
	db_bind_text(st, 3, period);
	db_bind_text(st, 4, as_of);
	return drain(st, row_txn, &p);
}

int warn_store_last_labor_cost(db *d, const char *project, const char *as_of,
			       void (*cb)(void *, const ws_txn *), void *ctx)
{
	CB(p, cb, ctx);
	db_stmt *st = db_prepare(d, "SELECT t.account_no, t.txn_id, t.txn_date, t.kind, t.amount"
				    " FROM accounts a JOIN transactions t ON t.account_no = a.account_no"
				    " WHERE a.project_code = ? AND t.kind = 'labor_cost' AND t.txn_date <= ?"
				    " ORDER BY t.txn_date DESC, t.txn_id LIMIT 1");
	db_bind_text(st, 1, project);
	db_bind_text(st, 2, as_of);
	return drain(st, row_txn, &p);
}

/* ---- scan bookkeeping ------------------------------------------------------ */

int warn_store_state(db *d, ws_state *s)
{
	db_stmt *st = db_prepare(d, "SELECT coalesce(last_as_of, ''), need_full, seq FROM scan_state");
	int rc = db_step(st);

	memset(s, 0, sizeof *s);
	if (rc == DB_ROW) {
		snprintf(s->last_as_of, sizeof s->last_as_of, "%s", db_col_text(st, 0));
		s->need_full = (int)db_col_int(st, 1);
		s->seq = db_col_int(st, 2);
	}
	db_finalize(st);
	/* The last scan's warnings (desk file) committed after its bookkeeping
	 * (main file): if they did not (a crash in between), the dirty set
	 * they consumed is gone, so only a full scan is right. */
	if (rc == DB_ROW &&
	    db_int(d, 0, "SELECT coalesce(max(id), 0) FROM warn_scans", "") !=
	    db_int(d, 0, "SELECT value FROM desk_state WHERE key = 'last_scan'", ""))
		s->need_full = 1;
	return rc == DB_ROW ? 0 : -1;
}

static void row_dirty(db_stmt *st, void *c)
{
	cbpair *p = c;
	((void (*)(void *, const char *, const char *, unsigned))(void (*)(void))p->fn)(
		p->ctx, db_col_text(st, 0), db_col_text(st, 1), (unsigned)db_col_int(st, 2));
}

int warn_store_dirty(db *d, int64_t max_seq,
		     void (*cb)(void *, const char *project, const char *month, unsigned mask),
		     void *ctx)
{
	CB(p, cb, ctx);
	db_stmt *st = db_prepare(d, "SELECT project_code, month, mask FROM scan_dirty WHERE seq <= ?");
	db_bind_int(st, 1, max_seq);
	return drain(st, row_dirty, &p);
}

int warn_store_scan_done(db *d, const ws_scan_log *log, int64_t max_seq)
{
	int rc;

	if ((rc = db_run(d, "DELETE FROM scan_dirty WHERE seq <= ?", "i", max_seq)) != DB_OK)
		return rc;
	if ((rc = db_run(d, "UPDATE scan_state SET last_as_of = ?, need_full = CASE WHEN ? <> 0 THEN 0 ELSE need_full END",
		   "ti", log->as_of, (int64_t)log->full)) != DB_OK)
		return rc;
	/* the open counts by level as the reconcile left them, in the same
	 * statement (the warning centre's own counts are warn_query.c's) */
	db_stmt *st = db_prepare(d, "INSERT INTO warn_scans (as_of, \"full\", started_at, ms, projects,"
				    " raised, updated, unchanged, eliminated, open_red, open_orange, open_yellow)"
				    " SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?,"
				    " count(CASE WHEN level = 'red' THEN 1 END),"
				    " count(CASE WHEN level = 'orange' THEN 1 END),"
				    " count(CASE WHEN level = 'yellow' THEN 1 END)"
				    " FROM warnings WHERE status <> 'eliminated' RETURNING id");
	db_bind_text(st, 1, log->as_of);
	db_bind_int(st, 2, log->full);
	db_bind_text(st, 3, log->started_at);
	db_bind_int(st, 4, (int64_t)(log->seconds * 1000));
	db_bind_int(st, 5, log->projects);
	db_bind_int(st, 6, log->raised);
	db_bind_int(st, 7, log->updated);
	db_bind_int(st, 8, log->unchanged);
	db_bind_int(st, 9, log->eliminated);
	rc = db_step(st);
	int64_t id = rc == DB_ROW ? db_col_int(st, 0) : 0;
	db_finalize(st);
	if (rc != DB_ROW)
		return rc == DB_DONE ? DB_ERROR : rc;
	/* committed with the warnings, in the desk file: see warn_store_state */
	return db_run(d, "INSERT INTO desk_state (key, value) VALUES ('last_scan', ?)"
			 " ON CONFLICT (key) DO UPDATE SET value = excluded.value", "i", id);
}

/* ---- warnings ---------------------------------------------------------------- */

#define WARN_COLS                                                                        \
	"w.id, w.rule, w.project_code, w.period, w.level, w.status, w.enterprise_uscc,"      \
	" w.street, w.summary, w.evidence, w.raised_on, w.updated_on, w.eliminated_on,"     \
	" w.eliminated_how, w.eliminated_reason, w.level_at_elimination, w.assignee,"       \
	" w.escalated_on, w.suppressed, w.items, coalesce(w.review_by, ''),"                  \
	" coalesce(w.review_on, ''), coalesce(w.review_reason, '')"

static void row_warning(db_stmt *st, void *c)
{
	cbpair *p = c;
	ws_warning r;

	memset(&r, 0, sizeof r);
	r.id = db_col_int(st, 0);
	r.rule = db_col_text(st, 1);
	r.project_code = db_col_text(st, 2);
	r.period = db_col_text(st, 3);
	r.level = db_col_text(st, 4);
	r.status = db_col_text(st, 5);
	r.enterprise_uscc = db_col_text(st, 6);
	r.street = db_col_text(st, 7);
	r.summary = db_col_text(st, 8);
	r.evidence = db_col_text(st, 9);
	r.raised_on = db_col_text(st, 10);
	r.updated_on = db_col_text(st, 11);
	r.eliminated_on = db_col_text(st, 12);
	r.eliminated_how = db_col_text(st, 13);
	r.eliminated_reason = db_col_text(st, 14);
	r.level_at_elimination = db_col_text(st, 15);
	r.assignee = db_col_text(st, 16);
	r.escalated_on = db_col_text(st, 17);
	r.suppressed = (int)db_col_int(st, 18);
	r.items = db_col_int(st, 19);
	r.review_by = db_col_text(st, 20);
	r.review_on = db_col_text(st, 21);
	r.review_reason = db_col_text(st, 22);
	if (db_column_count(st) > 24) {
		r.project_name = db_col_text(st, 23);
		r.enterprise_name = db_col_text(st, 24);
	}
	p->fn(p->ctx, &r);
}

int warn_store_live(db *d, void (*cb)(void *, const ws_warning *), void *ctx)
{
	CB(p, cb, ctx);
	return drain(db_prepare(d, "SELECT " WARN_COLS " FROM warnings w"
				   " WHERE w.status <> 'eliminated' OR w.suppressed = 1"),
		     row_warning, &p);
}

static int add_event(db *d, int64_t id, const char *event, const char *on_date, const char *at,
		     const char *actor, const char *level, const char *reason)
{
	return db_run(d, "INSERT INTO warning_events (warning_id, event, on_date, at, actor, level, reason)"
			 " VALUES (?, ?, ?, ?, ?, ?, ?)",
		      "ittttt" "t", id, event, on_date, at, actor, level, reason);
}

int warn_store_raise(db *d, const ws_new *w, const char *on_date, const char *at)
{
	int64_t id = 0;
	int rc;

	if ((rc = db_insert(d, &id, "INSERT INTO warnings (rule, project_code, period, level, enterprise_uscc, street,"
		      " summary, evidence, raised_on, updated_on, items) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
		   "tttttttttti", w->rule, w->project_code, w->period, w->level, w->enterprise_uscc,
		   w->street, w->summary, w->evidence, on_date, on_date, w->items)) != DB_OK)
		return rc;
	return add_event(d, id, "raised", on_date, at, "scan", w->level, w->summary);
}

int warn_store_update(db *d, int64_t id, const ws_new *w, const char *on_date, const char *at)
{
	int rc;

	if ((rc = db_run(d, "UPDATE warnings SET level = ?, enterprise_uscc = ?, street = ?, summary = ?,"
		      " evidence = ?, updated_on = ?, items = ? WHERE id = ?",
		   "ttttttii", w->level, w->enterprise_uscc, w->street, w->summary, w->evidence, on_date,
		   w->items, id)) != DB_OK)
		return rc;
	return add_event(d, id, "updated", on_date, at, "scan", w->level, w->summary);
}

int warn_store_eliminate(db *d, int64_t id, const char *how, const char *reason,
			 const char *on_date, const char *actor, const char *at)
{
	int rc;

	if ((rc = db_run(d, "UPDATE warnings SET status = 'eliminated', eliminated_on = ?, eliminated_how = ?,"
		      " eliminated_reason = ?, level_at_elimination = level, suppressed = ? WHERE id = ?",
		   "tttii", on_date, how, reason, (int64_t)!strcmp(how, "manual"), id)) != DB_OK)
		return rc;
	return add_event(d, id, "eliminated", on_date, at, actor, NULL, reason);
}

int warn_store_unsuppress(db *d, int64_t id)
{
	return db_run(d, "UPDATE warnings SET suppressed = 0 WHERE id = ?", "i", id);
}

int warn_store_assign(db *d, int64_t id, const char *to, const char *on_date,
		      const char *actor, const char *at)
{
	int rc;

	if ((rc = db_run(d, "UPDATE warnings SET assignee = ?, status = 'handling' WHERE id = ?", "ti", to,
		   id)) != DB_OK)
		return rc;
	return add_event(d, id, "assigned", on_date, at, actor, NULL, to);
}

int warn_store_escalate(db *d, int64_t id, const char *reason, const char *on_date,
			const char *actor, const char *at)
{
	int rc;

	if ((rc = db_run(d, "UPDATE warnings SET escalated_on = ?, status = 'handling' WHERE id = ?", "ti",
		   on_date, id)) != DB_OK)
		return rc;
	return add_event(d, id, "escalated", on_date, at, actor, NULL, reason);
}

int warn_store_supervise(db *d, int64_t id, const char *note, const char *on_date,
			 const char *actor, const char *at)
{
	return add_event(d, id, "supervised", on_date, at, actor, NULL, note);
}

int warn_store_review_request(db *d, int64_t id, const char *reason, const char *on_date,
			      const char *actor, const char *at)
{
	int rc;

	if ((rc = db_run(d, "UPDATE warnings SET review_by = ?, review_on = ?, review_reason = ?,"
		      " status = 'handling' WHERE id = ?",
		   "ttti", actor, on_date, reason, id)) != DB_OK)
		return rc;
	return add_event(d, id, "review_requested", on_date, at, actor, NULL, reason);
}

int warn_store_review_clear(db *d, int64_t id, const char *event, const char *note,
			    const char *on_date, const char *actor, const char *at)
{
	int rc;

	if ((rc = db_run(d, "UPDATE warnings SET review_by = NULL, review_on = NULL, review_reason = NULL"
		      " WHERE id = ?", "i", id)) != DB_OK)
		return rc;
	return add_event(d, id, event, on_date, at, actor, NULL, note);
}

int warn_store_file_add(db *d, const ws_file *f, const char *on_date, int64_t *id)
{
	int rc;

	if ((rc = db_insert(d, id, "INSERT INTO warning_files (warning_id, sha256, name, mime, size, uploaded_by,"
		      " uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
		   "itttitt", f->warning_id, f->sha256, f->name, f->mime, f->size, f->uploaded_by,
		   f->uploaded_at)) != DB_OK)
		return rc;
	return add_event(d, f->warning_id, "attached", on_date, f->uploaded_at, f->uploaded_by, NULL,
			 f->name);
}

static void row_file(db_stmt *st, void *c)
{
	cbpair *p = c;
	ws_file f = {db_col_int(st, 0), db_col_int(st, 1), db_col_int(st, 2), db_col_text(st, 3),
		     db_col_text(st, 4), db_col_text(st, 5), db_col_text(st, 6), db_col_text(st, 7)};
	p->fn(p->ctx, &f);
}

int warn_store_files(db *d, int64_t id, int64_t fid, void (*cb)(void *, const ws_file *),
		     void *ctx)
{
	CB(p, cb, ctx);
	db_stmt *st = db_prepare(d, "SELECT id, warning_id, size, sha256, name, mime, uploaded_by,"
				    " uploaded_at FROM warning_files WHERE warning_id = ?"
				    " AND (? = 0 OR id = ?) ORDER BY id");
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, fid);
	db_bind_int(st, 3, fid);
	return drain(st, row_file, &p);
}

typedef struct found_ctx {
	cbpair *p;
	int found;
} found_ctx;

static void row_found(db_stmt *st, void *c)
{
	found_ctx *f = c;
	f->found = 1;
	row_warning(st, f->p);
}

int warn_store_get(db *d, int64_t id, void (*cb)(void *, const ws_warning *), void *ctx)
{
	CB(p, cb, ctx);
	found_ctx f = {&p, 0};
	db_stmt *st = db_prepare(d, "SELECT " WARN_COLS ", coalesce(p.name, ''), coalesce(e.name, '')"
				    " FROM warnings w LEFT JOIN projects p ON p.code = w.project_code"
				    " LEFT JOIN enterprises e ON e.uscc = w.enterprise_uscc WHERE w.id = ?");
	db_bind_int(st, 1, id);
	if (drain(st, row_found, &f) != 0)
		return -1;
	return f.found;
}
