/*
 * clue_store.c - the clue's own SQL (see clue_store.h): routing look-ups,
 * the duplicate check, review decisions and the year's figures. Written in
 * the subset of SQL both backends speak (docs/architecture.md, "Two
 * dialects"); the row scope is record.c's.
 */
#include "store/clue_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"

/* Runs sql (with the texts a, b bound) and copies the first row's two
 * columns when exactly one row answers. */
static int one_of(db *d, const char *sql, const char *a, char *o1, size_t n1, char *o2, size_t n2)
{
	db_stmt *st = db_prepare(d, sql);
	int rc, rows = 0;

	if (!st)
		return -1;
	db_bind_text(st, 1, a);
	while ((rc = db_step(st)) == DB_ROW && rows < 2) {
		if (rows++ == 0) {
			snprintf(o1, n1, "%s", db_col_text(st, 0));
			snprintf(o2, n2, "%s", db_col_text(st, 1));
		}
	}
	db_finalize(st);
	if (rc != DB_ROW && rc != DB_DONE)
		return -1;
	return rows == 1;
}

int clue_store_project(db *d, const char *code, const char *name, char code_out[48],
		       char street[64])
{
	if (code && *code)
		return one_of(d, "SELECT code, street FROM projects WHERE code = ?", code, code_out, 48,
			      street, 64);
	if (name && *name)
		return one_of(d, "SELECT code, street FROM projects WHERE name = ? LIMIT 2", name,
			      code_out, 48, street, 64);
	return 0;
}

int clue_store_enterprise(db *d, const char *uscc, const char *name, char uscc_out[20],
			  char street[64])
{
	if (uscc && *uscc)
		return one_of(d, "SELECT uscc, ifnull(street, '') FROM enterprises WHERE uscc = ?",
			      uscc, uscc_out, 20, street, 64);
	if (name && *name)
		return one_of(d, "SELECT uscc, ifnull(street, '') FROM enterprises WHERE name = ? LIMIT 2",
			      name, uscc_out, 20, street, 64);
	return 0;
}

int64_t clue_store_similar(db *d, const char *number, const char *uscc, const char *name,
			   const char *project, const char *from, const char *to,
			   void (*cb)(void *ctx, const char *number), void *ctx)
{
	db_stmt *st = db_prepare(
		d, "SELECT number FROM clues WHERE number <> ? AND status <> 'merged' "
		   "AND received_date >= ? AND received_date <= ? AND ("
		   "(CAST(? AS TEXT) IS NOT NULL AND employer_uscc = ?) OR "
		   "(CAST(? AS TEXT) IS NULL AND employer_name = ?) OR "
		   "(CAST(? AS TEXT) IS NOT NULL AND project_code = ?)) ORDER BY number LIMIT 20");
	int64_t n = 0;
	int rc;

	if (!st)
		return -1;
	if (uscc && !*uscc)
		uscc = NULL;
	if (project && !*project)
		project = NULL;
	db_bind_text(st, 1, number);
	db_bind_text(st, 2, from);
	db_bind_text(st, 3, to);
	db_bind_text(st, 4, uscc);
	db_bind_text(st, 5, uscc);
	db_bind_text(st, 6, uscc);
	db_bind_text(st, 7, name);
	db_bind_text(st, 8, project);
	db_bind_text(st, 9, project);
	while ((rc = db_step(st)) == DB_ROW) {
		cb(ctx, db_col_text(st, 0));
		n++;
	}
	db_finalize(st);
	return rc == DB_DONE ? n : -1;
}

int clue_store_insert(db *d, const clue_store_new *c)
{
	db_stmt *st = db_prepare(
		d, "INSERT INTO clues (number, received_date, channel, reporter_name, reporter_id_number, "
		   "reporter_phone, employer_name, employer_uscc, project_code, street, workers_claimed, "
		   "amount_claimed, status, description, site_address, state_date, deadline, "
		   "deadline_basis, query_hash, opened_at, opened_by) "
		   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	const char *t1[] = {c->number, c->received_date, c->channel, c->reporter_name,
			    c->reporter_id_number, c->reporter_phone, c->employer_name,
			    c->employer_uscc, c->project_code, c->street};
	const char *t2[] = {c->status, c->description, c->site_address, c->state_date, c->deadline,
			    c->deadline_basis, c->query_hash, c->opened_at, c->opened_by};
	int rc;

	if (!st)
		return DB_ERROR;
	for (int i = 0; i < 10; i++)
		db_bind_text(st, i + 1, t1[i]);
	if (c->workers_claimed < 0)
		db_bind_null(st, 11);
	else
		db_bind_int(st, 11, c->workers_claimed);
	if (c->amount_claimed < 0)
		db_bind_null(st, 12);
	else
		db_bind_int(st, 12, c->amount_claimed);
	for (int i = 0; i < 9; i++)
		db_bind_text(st, 13 + i, t2[i]);
	rc = db_step(st);
	db_finalize(st);
	return rc == DB_DONE ? DB_OK : rc;
}

int clue_store_public(db *d, const char *number, clue_store_pub *out)
{
	db_stmt *st = db_prepare(d, "SELECT number, received_date, status, ifnull(state_date, ''), "
				    "ifnull(query_hash, ''), ifnull(merged_into, ''), reply "
				    "FROM clues WHERE number = ?");
	int rc;

	memset(out, 0, sizeof *out);
	if (!st)
		return -1;
	db_bind_text(st, 1, number);
	rc = db_step(st);
	if (rc == DB_ROW) {
		snprintf(out->number, sizeof out->number, "%s", db_col_text(st, 0));
		snprintf(out->received_date, sizeof out->received_date, "%s", db_col_text(st, 1));
		snprintf(out->status, sizeof out->status, "%s", db_col_text(st, 2));
		snprintf(out->state_date, sizeof out->state_date, "%s", db_col_text(st, 3));
		snprintf(out->query_hash, sizeof out->query_hash, "%s", db_col_text(st, 4));
		snprintf(out->merged_into, sizeof out->merged_into, "%s", db_col_text(st, 5));
		out->reply = db_col_is_null(st, 6) ? NULL : strdup(db_col_text(st, 6));
	}
	db_finalize(st);
	return rc == DB_ROW ? 1 : rc == DB_DONE ? 0 : -1;
}

int clue_store_review_add(db *d, const char *number, const char *day, const char *result,
			  const char *reason)
{
	int64_t seq = db_int(d, -1, "SELECT CAST(ifnull(max(seq), 0) + 1 AS BIGINT) FROM clue_reviews "
				    "WHERE clue_number = ? AND decided_date = ?",
			     "tt", number, day);

	if (seq < 1)
		return DB_ERROR;
	return db_run(d, "INSERT INTO clue_reviews (clue_number, decided_date, seq, result, reason) "
			 "VALUES (?, ?, ?, ?, ?)",
		      "ttitt", number, day, seq, result, reason);
}

int clue_store_last_return(db *d, const char *number, char day[11])
{
	char *s = db_text(d, "SELECT max(decided_date) FROM clue_reviews WHERE clue_number = ? "
			     "AND result = 'return'", "t", number);

	snprintf(day, 11, "%s", s ? s : "");
	free(s);
	return 0;
}

/* The bounds of year y: "YYYY-01-01" and "YYYY-12-31". */
static void year_bounds(int y, char from[11], char to[11])
{
	snprintf(from, 11, "%04d-01-01", y);
	snprintf(to, 11, "%04d-12-31", y);
}

int clue_store_year(db *d, const kind *k, int y, const char *street, const rec_scope *scope,
		    void (*cb)(void *ctx, const clue_store_fig *f), void *ctx)
{
	char from[11], to[11];
	const char *params[24];
	int np, rc = DB_DONE;
	clue_store_fig f;

	year_bounds(y, from, to);
	for (int pass = 0; pass < 2 && rc == DB_DONE; pass++) {
		buf sql = BUF_INIT;
		np = 0;
		if (pass == 0)
			buf_puts(&sql, "SELECT c.street, CAST(substr(c.received_date, 6, 2) AS BIGINT), "
				       "count(*), 0, 0 FROM clues c "
				       "WHERE c.received_date >= ? AND c.received_date <= ?");
		else
			buf_puts(&sql, "SELECT c.street, CAST(substr(r.decided_date, 6, 2) AS BIGINT), 0, "
				       "count(*), count(CASE WHEN r.result = 'pass' THEN 1 END) "
				       "FROM clue_reviews r JOIN clues c ON c.number = r.clue_number "
				       "WHERE r.decided_date >= ? AND r.decided_date <= ?");
		params[np++] = from;
		params[np++] = to;
		if (street) {
			buf_puts(&sql, " AND c.street = ?");
			params[np++] = street;
		}
		np += rec_scope_rows_sql(scope, k, "c", &sql, params + np);
		buf_puts(&sql, " GROUP BY c.street, 2 ORDER BY c.street, 2");
		db_stmt *st = db_prepare(d, buf_str(&sql));
		buf_free(&sql);
		if (!st)
			return -1;
		for (int i = 0; i < np; i++)
			db_bind_text(st, i + 1, params[i]);
		while ((rc = db_step(st)) == DB_ROW) {
			f.street = db_col_text(st, 0);
			f.month = (int)db_col_int(st, 1);
			f.received = db_col_int(st, 2);
			f.decisions = db_col_int(st, 3);
			f.passes = db_col_int(st, 4);
			cb(ctx, &f);
		}
		db_finalize(st);
	}
	return rc == DB_DONE ? 0 : -1;
}

int clue_store_resolved(db *d, const kind *k, int y, const char *street, const rec_scope *scope,
			void (*cb)(void *ctx, const char *street, int month, int conclusion,
				   int64_t workers, int64_t fen),
			void *ctx)
{
	char from[11], to[11];
	const char *params[24];
	int np = 0, rc;
	buf sql = BUF_INIT;

	year_bounds(y, from, to);
	buf_puts(&sql, "SELECT c.street, CAST(substr(p.d, 6, 2) AS BIGINT), ifnull(c.conclusion, 0), "
		       "ifnull(c.workers_resolved, 0), ifnull(c.amount_resolved, 0) FROM clues c "
		       "JOIN (SELECT clue_number, max(decided_date) AS d FROM clue_reviews "
		       "WHERE result = 'pass' AND decided_date >= ? AND decided_date <= ? "
		       "GROUP BY clue_number) p ON p.clue_number = c.number WHERE 1 = 1");
	params[np++] = from;
	params[np++] = to;
	if (street) {
		buf_puts(&sql, " AND c.street = ?");
		params[np++] = street;
	}
	np += rec_scope_rows_sql(scope, k, "c", &sql, params + np);
	db_stmt *st = db_prepare(d, buf_str(&sql));
	buf_free(&sql);
	if (!st)
		return -1;
	for (int i = 0; i < np; i++)
		db_bind_text(st, i + 1, params[i]);
	while ((rc = db_step(st)) == DB_ROW)
		cb(ctx, db_col_text(st, 0), (int)db_col_int(st, 1), (int)db_col_int(st, 2),
		   db_col_int(st, 3), db_col_int(st, 4));
	db_finalize(st);
	return rc == DB_DONE ? 0 : -1;
}
