/*
 * warn_query.c - the warning centre's reads (see warn_query.h). Owns that
 * SQL and nothing else: bound parameters only; the sort column comes from
 * a fixed table, never from the request's text.
 *
 * Plans (EXPLAIN QUERY PLAN): the default list reads warnings_status
 * (status, level) for status filters and warnings_project for a project;
 * the scope is the "project_code IN (projects of the street / enterprise)"
 * subquery of record.c; the trend reads warning_events in on_date order
 * through the join on warning_id (a district has thousands of warnings,
 * not millions: the history is small).
 */
#include "store/warn_query.h"

#include <stddef.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "util/buf.h"

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* The columns of a list row, in the order row() reads them. */
#define WQ_COLS                                                                                   \
	"w.id, w.rule, w.project_code, w.period, w.level, w.status, coalesce(w.enterprise_uscc, ''),"  \
	" coalesce(w.street, ''), w.summary, w.evidence, w.raised_on, w.updated_on,"                   \
	" coalesce(w.eliminated_on, ''), coalesce(w.eliminated_how, ''),"                              \
	" coalesce(w.eliminated_reason, ''), coalesce(w.level_at_elimination, ''),"                    \
	" coalesce(w.assignee, ''), coalesce(w.escalated_on, ''), w.suppressed, w.items,"              \
	" coalesce(p.name, ''), coalesce(e.name, ''), coalesce(p.id, 0), coalesce(p.street, ''),"     \
	" coalesce(w.review_by, ''), coalesce(w.review_on, ''), coalesce(w.review_reason, ''),"       \
	" coalesce((SELECT nullif(u.display_name, '') FROM users u WHERE u.username = w.assignee),"    \
	" w.assignee, '')"

#define WQ_FROM                                                                                   \
	" FROM warnings w LEFT JOIN projects p ON p.code = w.project_code"                            \
	" LEFT JOIN enterprises e ON e.uscc = w.enterprise_uscc WHERE 1 = 1"

#define SEVERITY "CASE w.level WHEN 'red' THEN 3 WHEN 'orange' THEN 2 ELSE 1 END"

/* The one order of a warning list without a sort (the API's and the CLI's
 * alike, docs/warnings.md "One order"): the most severe first, then grouped
 * by rule and project, months in order; id breaks the last tie, so the
 * order is total and a re-run lists the same lines. */
#define DEFAULT_ORDER SEVERITY " DESC, w.rule, w.project_code, w.period, w.id"

static const struct {
	const char *key, *expr;
} SORTS[] = {
	{"level", SEVERITY},         {"rule", "w.rule"},           {"project_code", "w.project_code"},
	{"period", "w.period"},      {"street", "w.street"},       {"status", "w.status"},
	{"raised_on", "w.raised_on"}, {"updated_on", "w.updated_on"},
	{"eliminated_on", "w.eliminated_on"}, {"id", "w.id"},
};

static const char *sort_expr(const char *sort)
{
	if (!sort)
		return NULL;
	if (*sort == '-')
		sort++;
	for (int i = 0; i < N(SORTS); i++)
		if (!strcmp(SORTS[i].key, sort))
			return SORTS[i].expr;
	return NULL;
}

int warn_query_sort_ok(const char *sort)
{
	return sort_expr(sort) != NULL;
}

/* Appends the WHERE conditions of f to sql and their values to args (room
 * for 24, scope last); returns how many. */
static int where(const wq_filter *f, buf *sql, const char **args, char *idbuf, size_t idlen)
{
	int n = 0;
	static const struct {
		size_t off;
		const char *cond;
	} EQ[] = {
		{offsetof(wq_filter, level), " AND w.level = ?"},
		{offsetof(wq_filter, rule), " AND w.rule = ?"},
		{offsetof(wq_filter, street), " AND w.street = ?"},
		{offsetof(wq_filter, project), " AND w.project_code = ?"},
		{offsetof(wq_filter, period), " AND w.period = ?"},
		{offsetof(wq_filter, assignee), " AND w.assignee = ?"},
		{offsetof(wq_filter, raised_from), " AND w.raised_on >= ?"},
		{offsetof(wq_filter, raised_to), " AND w.raised_on <= ?"},
	};

	if (f->id > 0) {
		snprintf(idbuf, idlen, "%lld", (long long)f->id);
		buf_puts(sql, " AND w.id = ?");
		args[n++] = idbuf;
	}
	if (f->open_on && *f->open_on) {
		buf_puts(sql, " AND w.raised_on <= ? AND (w.eliminated_on IS NULL OR w.eliminated_on > ?)");
		args[n++] = f->open_on;
		args[n++] = f->open_on;
	} else if (f->status && !strcmp(f->status, "open"))
		buf_puts(sql, " AND w.status <> 'eliminated'");
	else if (f->status && !strcmp(f->status, "handling"))
		buf_puts(sql, " AND w.status = 'handling'");
	else if (f->status && !strcmp(f->status, "review"))
		buf_puts(sql, " AND w.status <> 'eliminated' AND w.review_by IS NOT NULL");
	else if (f->status && !strcmp(f->status, "eliminated"))
		buf_puts(sql, " AND w.status = 'eliminated'");
	if (f->todo_user) {
		buf_fmt(sql, " AND w.status <> 'eliminated' AND (w.assignee = ?%s%s)",
			f->todo_unassigned ? " OR w.assignee IS NULL OR w.assignee = ''" : "",
			f->todo_review ? " OR (w.review_by IS NOT NULL AND w.review_by <> ?)" : "");
		args[n++] = f->todo_user;
		if (f->todo_review)
			args[n++] = f->todo_user;
	}
	for (int i = 0; i < N(EQ); i++) {
		const char *v = *(const char *const *)((const char *)f + EQ[i].off);
		if (v && *v) {
			buf_puts(sql, EQ[i].cond);
			args[n++] = v;
		}
	}
	if (f->enterprise && *f->enterprise) {
		buf_puts(sql, " AND (w.enterprise_uscc = ? OR w.project_code IN (SELECT code FROM projects"
			      " WHERE owner_uscc = ? OR contractor_uscc = ?) OR w.project_code IN"
			      " (SELECT project_code FROM employments WHERE employer_uscc = ?))");
		for (int i = 0; i < 4; i++)
			args[n++] = f->enterprise;
	}
	return n + rec_scope_sql(&f->scope, "w.project_code", sql, args + n);
}

static db_stmt *bind_all(db *d, buf *sql, const char **args, int n)
{
	db_stmt *st = db_prepare(d, buf_str(sql));

	for (int i = 0; i < n; i++)
		db_bind_text(st, i + 1, args[i]);
	return st;
}

/*
 * The one number that select (a "SELECT <count> FROM warnings w WHERE 1 = 1"
 * without its conditions) answers for the warnings matching f; -1 on a
 * database error.
 */
static int64_t count_where(db *d, const wq_filter *f, const char *select)
{
	buf sql = BUF_INIT;
	const char *args[24];
	char idbuf[24];
	int64_t n = -1;

	buf_puts(&sql, select);
	int na = where(f, &sql, args, idbuf, sizeof idbuf);
	db_stmt *st = bind_all(d, &sql, args, na);
	if (db_step(st) == DB_ROW)
		n = db_col_int(st, 0);
	db_finalize(st);
	buf_free(&sql);
	return n;
}

/*
 * Prepares sql (its na conditions' values in args) with f's page appended
 * (LIMIT / OFFSET when f->limit > 0) and bound; frees sql. The caller
 * steps and finalizes the statement.
 */
static db_stmt *prepare_page(db *d, const wq_filter *f, buf *sql, const char **args, int na)
{
	if (f->limit > 0)
		buf_puts(sql, " LIMIT ? OFFSET ?");
	db_stmt *st = bind_all(d, sql, args, na);
	buf_free(sql);
	if (f->limit > 0) {
		db_bind_int(st, na + 1, f->limit);
		db_bind_int(st, na + 2, f->offset);
	}
	return st;
}

int64_t warn_query_count(db *d, const wq_filter *f)
{
	return count_where(d, f, "SELECT count(*) FROM warnings w WHERE 1 = 1");
}

int64_t warn_query_list(db *d, const wq_filter *f, void (*cb)(void *, const wq_row *), void *ctx)
{
	buf sql = BUF_INIT;
	const char *args[24];
	char idbuf[24];
	const char *ex = sort_expr(f->sort);
	int64_t rows = 0;
	int rc;

	buf_puts(&sql, "SELECT " WQ_COLS WQ_FROM);
	int na = where(f, &sql, args, idbuf, sizeof idbuf);
	if (ex)
		buf_fmt(&sql, " ORDER BY %s %s, w.id DESC", ex, f->sort[0] == '-' ? "DESC" : "ASC");
	else
		buf_puts(&sql, " ORDER BY " DEFAULT_ORDER);
	db_stmt *st = prepare_page(d, f, &sql, args, na);
	while ((rc = db_step(st)) == DB_ROW) {
		wq_row r;
		ws_warning *w = &r.w;
		memset(&r, 0, sizeof r);
		w->id = db_col_int(st, 0);
		w->rule = db_col_text(st, 1);
		w->project_code = db_col_text(st, 2);
		w->period = db_col_text(st, 3);
		w->level = db_col_text(st, 4);
		w->status = db_col_text(st, 5);
		w->enterprise_uscc = db_col_text(st, 6);
		w->street = db_col_text(st, 7);
		w->summary = db_col_text(st, 8);
		w->evidence = db_col_text(st, 9);
		w->raised_on = db_col_text(st, 10);
		w->updated_on = db_col_text(st, 11);
		w->eliminated_on = db_col_text(st, 12);
		w->eliminated_how = db_col_text(st, 13);
		w->eliminated_reason = db_col_text(st, 14);
		w->level_at_elimination = db_col_text(st, 15);
		w->assignee = db_col_text(st, 16);
		w->escalated_on = db_col_text(st, 17);
		w->suppressed = (int)db_col_int(st, 18);
		w->items = db_col_int(st, 19);
		w->project_name = db_col_text(st, 20);
		w->enterprise_name = db_col_text(st, 21);
		r.project_id = db_col_int(st, 22);
		r.project_street = db_col_text(st, 23);
		w->review_by = db_col_text(st, 24);
		w->review_on = db_col_text(st, 25);
		w->review_reason = db_col_text(st, 26);
		r.assignee_name = db_col_text(st, 27);
		cb(ctx, &r);
		rows++;
	}
	db_finalize(st);
	return rc == DB_DONE ? rows : -1;
}

int64_t warn_query_project_count(db *d, const wq_filter *f)
{
	return count_where(d, f, "SELECT count(DISTINCT w.project_code) FROM warnings w WHERE 1 = 1");
}

int64_t warn_query_by_project(db *d, const wq_filter *f, void (*cb)(void *, const wq_project *),
			      void *ctx)
{
	buf sql = BUF_INIT;
	const char *args[24];
	char idbuf[24];
	int64_t rows = 0;
	int rc;

	buf_puts(&sql, "SELECT w.project_code, coalesce(max(p.name), ''), coalesce(max(p.id), 0),"
		       " coalesce(max(p.street), max(w.street), ''), count(*),"
		       " count(CASE WHEN w.level = 'red' THEN 1 END),"
		       " count(CASE WHEN w.level = 'orange' THEN 1 END),"
		       " count(CASE WHEN w.level = 'yellow' THEN 1 END),"
		       " max(w.raised_on)" WQ_FROM);
	int na = where(f, &sql, args, idbuf, sizeof idbuf);
	buf_puts(&sql, " GROUP BY w.project_code ORDER BY 6 DESC, 7 DESC, 5 DESC, 1");
	db_stmt *st = prepare_page(d, f, &sql, args, na);
	while ((rc = db_step(st)) == DB_ROW) {
		wq_project p = {db_col_text(st, 0), db_col_text(st, 1), db_col_text(st, 3),
				db_col_text(st, 8), db_col_int(st, 2), db_col_int(st, 4),
				db_col_int(st, 5), db_col_int(st, 6), db_col_int(st, 7)};
		cb(ctx, &p);
		rows++;
	}
	db_finalize(st);
	return rc == DB_DONE ? rows : -1;
}

int warn_query_events(db *d, int64_t id, void (*cb)(void *, const ws_event *), void *ctx)
{
	db_stmt *st = db_prepare(d, "SELECT id, event, on_date, at, actor, coalesce(level, ''),"
				    " coalesce(reason, '') FROM warning_events WHERE warning_id = ?"
				    " ORDER BY id");
	int rc;

	db_bind_int(st, 1, id);
	while ((rc = db_step(st)) == DB_ROW)
		cb(ctx, &(ws_event){db_col_int(st, 0), db_col_text(st, 1), db_col_text(st, 2),
				    db_col_text(st, 3), db_col_text(st, 4), db_col_text(st, 5),
				    db_col_text(st, 6)});
	db_finalize(st);
	return rc == DB_DONE ? 0 : -1;
}

static const stats_col by_cols[] = {{"key", ST_TEXT}, {"n", ST_INT}};

int warn_query_open_by(db *d, const rec_scope *s, const char *col, stats_table *out)
{
	const char *sql =
		!strcmp(col, "level")
			? "SELECT w.level, count(*) FROM warnings w WHERE w.status <> 'eliminated'%s"
			  " GROUP BY 1 ORDER BY 2 DESC, 1"
		: !strcmp(col, "rule")
			? "SELECT w.rule, count(*) FROM warnings w WHERE w.status <> 'eliminated'%s"
			  " GROUP BY 1 ORDER BY 2 DESC, 1"
			: "SELECT coalesce(w.street, ''), count(*) FROM warnings w"
			  " WHERE w.status <> 'eliminated'%s GROUP BY 1 ORDER BY 2 DESC, 1";

	return stats_scoped(d, out, by_cols, N(by_cols), s, "w.project_code", sql, "");
}

static const stats_col trend_cols[] = {
	{"key", ST_TEXT}, {"raised", ST_INT}, {"eliminated", ST_INT}, {"eliminated_manual", ST_INT}};

int warn_query_trend(db *d, const rec_scope *s, const char *from, const char *to, int monthly,
		     stats_table *out)
{
	return stats_scoped(
		d, out, trend_cols, N(trend_cols), s, "w.project_code",
		monthly ? "SELECT substr(e.on_date, 1, 7) AS k,"
			  " count(CASE WHEN e.event = 'raised' THEN 1 END),"
			  " count(CASE WHEN e.event = 'eliminated' THEN 1 END),"
			  " count(CASE WHEN e.event = 'eliminated' AND e.actor <> 'scan' THEN 1 END)"
			  " FROM warning_events e JOIN warnings w ON w.id = e.warning_id"
			  " WHERE e.on_date >= ? AND e.on_date <= ?"
			  " AND e.event IN ('raised', 'eliminated')%s GROUP BY k ORDER BY k"
			: "SELECT e.on_date AS k,"
			  " count(CASE WHEN e.event = 'raised' THEN 1 END),"
			  " count(CASE WHEN e.event = 'eliminated' THEN 1 END),"
			  " count(CASE WHEN e.event = 'eliminated' AND e.actor <> 'scan' THEN 1 END)"
			  " FROM warning_events e JOIN warnings w ON w.id = e.warning_id"
			  " WHERE e.on_date >= ? AND e.on_date <= ?"
			  " AND e.event IN ('raised', 'eliminated')%s GROUP BY k ORDER BY k",
		"tt", from, to);
}

int warn_query_open_counts(db *d, const rec_scope *s, int64_t counts[3])
{
	stats_table t;

	counts[0] = counts[1] = counts[2] = 0;
	if (warn_query_open_by(d, s, "level", &t) != 0)
		return -1;
	for (int i = 0; i < t.nrows; i++) {
		const char *lv = stats_at(&t, i, 0)->s;
		int k = !lv ? -1 : !strcmp(lv, "yellow") ? 0 : !strcmp(lv, "orange") ? 1
						: !strcmp(lv, "red") ? 2 : -1;
		if (k >= 0)
			counts[k] = stats_at(&t, i, 1)->i;
	}
	stats_table_free(&t);
	return 0;
}

int warn_query_open_on(db *d, const rec_scope *s, const char *as_of, int64_t counts[3])
{
	stats_table t;

	counts[0] = counts[1] = counts[2] = 0;
	if (stats_scoped(d, &t, by_cols, N(by_cols), s, "w.project_code",
			 "SELECT w.level, count(*) FROM warnings w WHERE w.raised_on <= ?"
			 " AND (w.eliminated_on IS NULL OR w.eliminated_on > ?)%s GROUP BY 1",
			 "tt", as_of, as_of) != 0)
		return -1;
	for (int i = 0; i < t.nrows; i++) {
		const char *lv = stats_at(&t, i, 0)->s;
		int k = !lv ? -1 : !strcmp(lv, "yellow") ? 0 : !strcmp(lv, "orange") ? 1
						: !strcmp(lv, "red") ? 2 : -1;
		if (k >= 0)
			counts[k] = stats_at(&t, i, 1)->i;
	}
	stats_table_free(&t);
	return 0;
}

int warn_query_status(db *d, int64_t id, char out[16])
{
	char *s = db_text(d, "SELECT CASE WHEN status <> 'eliminated' AND review_by IS NOT NULL"
			     " THEN 'review' ELSE status END FROM warnings WHERE id = ?", "i", id);

	snprintf(out, 16, "%s", s ? s : "");
	free(s);
	return s ? 0 : -1;
}
