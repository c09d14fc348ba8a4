/*
 * audit_store.c - SQL of the audit log (see audit_store.h). Append and read
 * only: the table's triggers refuse UPDATE and DELETE, and no statement
 * here would issue one.
 */
#include "store/audit_store.h"

#include <stdio.h>
#include <string.h>

#include "util/buf.h"

int audit_store_head(db *d, int64_t *seq, char hash[65])
{
	db_stmt *st = db_prepare(d, "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
	int rc = db_step(st), ret;

	if (rc == DB_ROW) {
		*seq = db_col_int(st, 0);
		snprintf(hash, 65, "%s", db_col_text(st, 1));
		ret = 1;
	} else {
		*seq = 0;
		hash[0] = '\0';
		ret = rc == DB_DONE ? 0 : -1;
	}
	db_finalize(st);
	return ret;
}

int audit_store_login_seen(db *d, const char *actor, const char *address)
{
	if (!actor || !address || !*address)
		return 0;
	db_stmt *st = db_prepare(d, "SELECT 1 FROM audit_log WHERE actor = ? AND action = 'login'"
				    " AND address = ? LIMIT 1");
	db_bind_text(st, 1, actor);
	db_bind_text(st, 2, address);
	int rc = db_step(st);
	db_finalize(st);
	return rc == DB_ROW ? 1 : rc == DB_DONE ? 0 : -1;
}

/* Binds the row's content - seq, time, actor, role, address, action,
 * object kind and key, before, after - to parameters 1..10 (the columns
 * the log and its journal share, in that order). */
static void bind_content(db_stmt *st, const audit_row *r)
{
	db_bind_int(st, 1, r->seq);
	db_bind_text(st, 2, r->time);
	db_bind_text(st, 3, r->actor);
	db_bind_text(st, 4, r->role);
	db_bind_text(st, 5, r->address);
	db_bind_text(st, 6, r->action);
	db_bind_text(st, 7, r->object_kind);
	db_bind_text(st, 8, r->object_key);
	db_bind_text(st, 9, r->before);
	db_bind_text(st, 10, r->after);
}

int audit_store_insert(db *d, const audit_row *r)
{
	db_stmt *st = db_prepare(d,
		"INSERT INTO audit_log (seq, time, actor, role, address, action, object_kind, "
		"object_key, before, after, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
	bind_content(st, r);
	db_bind_text(st, 11, r->prev_hash);
	db_bind_text(st, 12, r->hash);
	int rc = db_step(st);
	db_finalize(st);
	return rc == DB_DONE ? DB_OK : rc;
}

int64_t audit_store_scan(db *d, const audit_filter *f, audit_row_cb cb, void *ctx)
{
	buf sql = BUF_INIT;
	const char *params[6];
	int np = 0;
	int64_t n = 0;

	buf_puts(&sql, "SELECT seq, time, actor, role, address, action, object_kind, object_key, "
		       "before, after, prev_hash, hash FROM audit_log WHERE 1=1");
	if (f && f->actor) {
		buf_puts(&sql, " AND actor = ?");
		params[np++] = f->actor;
	}
	if (f && f->action) {
		buf_puts(&sql, " AND action = ?");
		params[np++] = f->action;
	}
	if (f && f->object_kind && f->object_key) {
		buf_puts(&sql, " AND object_kind = ? AND object_key = ?");
		params[np++] = f->object_kind;
		params[np++] = f->object_key;
	}
	if (f && f->since) {
		buf_puts(&sql, " AND time >= ?");
		params[np++] = f->since;
	}
	if (f && f->until) {
		buf_puts(&sql, " AND time < ?");
		params[np++] = f->until;
	}
	buf_puts(&sql, f && f->newest_first ? " ORDER BY seq DESC" : " ORDER BY seq");
	if (f && f->limit > 0)
		buf_puts(&sql, " LIMIT ? OFFSET ?");
	db_stmt *st = db_prepare(d, buf_str(&sql));
	for (int i = 0; i < np; i++)
		db_bind_text(st, i + 1, params[i]);
	if (f && f->limit > 0) {
		db_bind_int(st, np + 1, f->limit);
		db_bind_int(st, np + 2, f->offset);
	}
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		audit_row r = {
			.seq = db_col_int(st, 0),
			.time = db_col_text(st, 1),
			.actor = db_col_text(st, 2),
			.role = db_col_text(st, 3),
			.address = db_col_text(st, 4),
			.action = db_col_text(st, 5),
			.object_kind = db_col_text(st, 6),
			.object_key = db_col_text(st, 7),
			.before = db_col_is_null(st, 8) ? NULL : db_col_text(st, 8),
			.after = db_col_is_null(st, 9) ? NULL : db_col_text(st, 9),
			.prev_hash = db_col_text(st, 10),
			.hash = db_col_text(st, 11),
		};
		n++;
		if (cb(ctx, &r))
			break;
	}
	if (rc != DB_ROW && rc != DB_DONE)
		n = -1;
	db_finalize(st);
	buf_free(&sql);
	return n;
}

int audit_store_journal(db *d, const audit_row *r)
{
	db_stmt *st = db_prepare(d,
		"INSERT INTO audit_journal (seq, time, actor, role, address, action, object_kind, "
		"object_key, before, after) VALUES (?,?,?,?,?,?,?,?,?,?)");
	bind_content(st, r);
	int rc = db_step(st);
	db_finalize(st);
	return rc == DB_DONE ? DB_OK : rc;
}

int64_t audit_store_unsettled(db *d, audit_row_cb cb, void *ctx)
{
	db_stmt *st = db_prepare(d,
		"SELECT j.seq, j.time, j.actor, j.role, j.address, j.action, j.object_kind, "
		"j.object_key, j.before, j.after FROM audit_journal j WHERE NOT EXISTS "
		"(SELECT 1 FROM audit_log a WHERE a.seq = j.seq AND a.time = j.time AND "
		"a.actor = j.actor AND a.action = j.action AND a.object_key = j.object_key) "
		"ORDER BY j.seq");
	int64_t n = 0;
	int rc;

	while ((rc = db_step(st)) == DB_ROW) {
		audit_row r = {
			.seq = db_col_int(st, 0), .time = db_col_text(st, 1),
			.actor = db_col_text(st, 2), .role = db_col_text(st, 3),
			.address = db_col_text(st, 4), .action = db_col_text(st, 5),
			.object_kind = db_col_text(st, 6), .object_key = db_col_text(st, 7),
			.before = db_col_is_null(st, 8) ? NULL : db_col_text(st, 8),
			.after = db_col_is_null(st, 9) ? NULL : db_col_text(st, 9),
		};
		n++;
		if (cb && cb(ctx, &r) != 0)
			break;
	}
	db_finalize(st);
	return rc == DB_ROW || rc == DB_DONE ? n : -1;
}

int audit_store_journal_clear(db *d)
{
	return db_run(d, "DELETE FROM audit_journal", "");
}

int audit_store_guards(db *d)
{
	return (int)db_int(d, 0, db_sql(d, DB_SQL_AUDIT_GUARDS), "");
}
