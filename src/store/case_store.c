/*
 * case_store.c - the case engine's SQL (see case_store.h). Table and
 * column names come from the case type's declaration (case_tbl), values
 * are always bound; the row scope is record.c's, the one definition of
 * who sees which row.
 */
#include "store/case_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"

int case_store_seq_next(db *d, const char *prefix, int year, int64_t *seq)
{
	/* One statement: the row's lock orders two creators of one year, and
	 * a rollback of the creation gives the number back. */
	db_stmt *st = db_prepare(d, "INSERT INTO case_seq (prefix, year, last) VALUES (?, ?, 1) "
				    "ON CONFLICT (prefix, year) DO UPDATE SET last = case_seq.last + 1 "
				    "RETURNING last");
	int rc;

	if (!st)
		return DB_ERROR;
	db_bind_text(st, 1, prefix);
	db_bind_int(st, 2, year);
	rc = db_step(st);
	if (rc == DB_ROW)
		*seq = db_col_int(st, 0);
	db_finalize(st);
	return rc == DB_ROW ? DB_OK : rc == DB_DONE ? DB_ERROR : rc;
}

int case_store_exists(db *d, const case_tbl *t, const char *number)
{
	buf sql = BUF_INIT;
	int64_t n;

	buf_fmt(&sql, "SELECT count(*) FROM %s WHERE number = ?", t->k->table);
	n = db_int(d, -1, buf_str(&sql), "t", number);
	buf_free(&sql);
	return n < 0 ? -1 : n > 0;
}

/* The SELECT list of a case_srow, the table known as c. */
static void select_cols(buf *sql, const case_tbl *t)
{
	buf_fmt(sql, "SELECT c.id, c.number, c.%s, c.%s, c.%s, c.state_date, c.deadline, "
		     "c.deadline_basis, c.returns, c.merged_into",
		t->state_col, t->street_col, t->opened_col);
	for (int i = 0; i < 4 && t->extra[i]; i++)
		buf_fmt(sql, ", c.%s", t->extra[i]);
	buf_fmt(sql, " FROM %s c WHERE 1 = 1", t->k->table);
}

static void copy_col(db_stmt *st, int i, char *out, size_t n)
{
	snprintf(out, n, "%s", db_col_text(st, i));
}

static void read_row(db_stmt *st, const case_tbl *t, case_srow *r)
{
	memset(r, 0, sizeof *r);
	r->id = db_col_int(st, 0);
	copy_col(st, 1, r->number, sizeof r->number);
	copy_col(st, 2, r->state, sizeof r->state);
	copy_col(st, 3, r->street, sizeof r->street);
	copy_col(st, 4, r->opened, sizeof r->opened);
	copy_col(st, 5, r->state_date, sizeof r->state_date);
	copy_col(st, 6, r->deadline, sizeof r->deadline);
	copy_col(st, 7, r->basis, sizeof r->basis);
	r->returns = (int)db_col_int(st, 8);
	copy_col(st, 9, r->merged_into, sizeof r->merged_into);
	for (int i = 0; i < 4 && t->extra[i]; i++)
		copy_col(st, 10 + i, r->extra[i], sizeof r->extra[i]);
}

/* Binds the n texts of params from position 1. */
static void bind_all(db_stmt *st, const char **params, int n)
{
	for (int i = 0; i < n; i++)
		db_bind_text(st, i + 1, params[i]);
}

int case_store_find(db *d, const case_tbl *t, const char *number, const rec_scope *scope,
		    case_srow *r)
{
	buf sql = BUF_INIT;
	const char *params[24];
	int np = 0, rc;

	select_cols(&sql, t);
	buf_puts(&sql, " AND c.number = ?");
	params[np++] = number;
	np += rec_scope_rows_sql(scope, t->k, "c", &sql, params + np);
	db_stmt *st = db_prepare(d, buf_str(&sql));
	buf_free(&sql);
	if (!st)
		return -1;
	bind_all(st, params, np);
	rc = db_step(st);
	if (rc == DB_ROW)
		read_row(st, t, r);
	db_finalize(st);
	return rc == DB_ROW ? 1 : rc == DB_DONE ? 0 : -1;
}

int64_t case_store_scan(db *d, const case_tbl *t, const case_sfilter *f, const rec_scope *scope,
			void (*cb)(void *ctx, const case_srow *r), void *ctx)
{
	buf sql = BUF_INIT;
	const char *params[40];
	int np = 0, rc;
	int64_t n = 0;
	case_srow row;

	select_cols(&sql, t);
	if (f && f->states) {
		buf_fmt(&sql, " AND c.%s IN (", t->state_col);
		for (int i = 0; f->states[i] && np < 12; i++) {
			buf_puts(&sql, i ? ", ?" : "?");
			params[np++] = f->states[i];
		}
		buf_puts(&sql, ")");
	}
	if (f && f->street) {
		buf_fmt(&sql, " AND c.%s = ?", t->street_col);
		params[np++] = f->street;
	}
	if (f && f->from) {
		buf_fmt(&sql, " AND c.%s >= ?", t->opened_col);
		params[np++] = f->from;
	}
	if (f && f->to) {
		buf_fmt(&sql, " AND c.%s <= ?", t->opened_col);
		params[np++] = f->to;
	}
	if (f && f->q && *f->q) {
		/* a substring of the number or of the type's searchable text
		 * columns (F_SEARCH of its kind): instr, written once for both */
		buf_puts(&sql, " AND (instr(c.number, ?) > 0");
		params[np++] = f->q;
		for (int i = 0; i < t->k->nfields && np < 20; i++)
			if ((t->k->fields[i].flags & F_SEARCH) && !(t->k->fields[i].flags & F_PERSONAL) &&
			    strcmp(t->k->fields[i].key, "number") != 0) {
				buf_fmt(&sql, " OR instr(c.%s, ?) > 0", t->k->fields[i].key);
				params[np++] = f->q;
			}
		buf_puts(&sql, ")");
	}
	np += rec_scope_rows_sql(scope, t->k, "c", &sql, params + np);
	buf_puts(&sql, " ORDER BY c.number");
	db_stmt *st = db_prepare(d, buf_str(&sql));
	buf_free(&sql);
	if (!st)
		return -1;
	bind_all(st, params, np);
	while ((rc = db_step(st)) == DB_ROW) {
		read_row(st, t, &row);
		cb(ctx, &row);
		n++;
	}
	db_finalize(st);
	return rc == DB_DONE ? n : -1;
}

int case_store_set_state(db *d, const case_tbl *t, const char *number, const char *state,
			 const char *state_date, const char *deadline, const char *basis,
			 int returns_add)
{
	buf sql = BUF_INIT;
	int rc;

	buf_fmt(&sql, "UPDATE %s SET %s = ?, state_date = ?, deadline = ?, deadline_basis = ?, "
		      "returns = returns + ? WHERE number = ?",
		t->k->table, t->state_col);
	db_stmt *st = db_prepare(d, buf_str(&sql));
	buf_free(&sql);
	if (!st)
		return DB_ERROR;
	db_bind_text(st, 1, state);
	db_bind_text(st, 2, state_date);
	db_bind_text(st, 3, deadline);
	db_bind_text(st, 4, basis);
	db_bind_int(st, 5, returns_add);
	db_bind_text(st, 6, number);
	rc = db_step(st);
	db_finalize(st);
	return rc == DB_DONE ? DB_OK : rc;
}

int case_store_set_text(db *d, const case_tbl *t, const char *number, const char *col,
			const char *value)
{
	buf sql = BUF_INIT;
	int rc;

	buf_fmt(&sql, "UPDATE %s SET %s = ? WHERE number = ?", t->k->table, col);
	rc = db_run(d, buf_str(&sql), "tt", value, number);
	buf_free(&sql);
	return rc;
}

int case_store_set_int(db *d, const case_tbl *t, const char *number, const char *col,
		       int64_t value)
{
	buf sql = BUF_INIT;
	int rc;

	buf_fmt(&sql, "UPDATE %s SET %s = ? WHERE number = ?", t->k->table, col);
	rc = db_run(d, buf_str(&sql), "it", value, number);
	buf_free(&sql);
	return rc;
}

int case_store_texts(db *d, const case_tbl *t, const char *number, const char *const *cols,
		     int n, char **out)
{
	buf sql = BUF_INIT;
	int rc;

	for (int i = 0; i < n; i++)
		out[i] = NULL;
	if (n <= 0)
		return 1;
	buf_puts(&sql, "SELECT ");
	for (int i = 0; i < n; i++)
		buf_fmt(&sql, "%s%s", i ? ", " : "", cols[i]);
	buf_fmt(&sql, " FROM %s WHERE number = ?", t->k->table);
	db_stmt *st = db_prepare(d, buf_str(&sql));
	buf_free(&sql);
	if (!st)
		return -1;
	db_bind_text(st, 1, number);
	rc = db_step(st);
	if (rc == DB_ROW)
		for (int i = 0; i < n; i++)
			out[i] = db_col_is_null(st, i) ? NULL : strdup(db_col_text(st, i));
	db_finalize(st);
	return rc == DB_ROW ? 1 : rc == DB_DONE ? 0 : -1;
}

/* ---- history ---------------------------------------------------------- */

int case_store_event_add(db *d, const case_sevent *e)
{
	return db_run(d,
		      "INSERT INTO case_events (case_type, number, at, on_date, actor, role, action, "
		      "from_state, to_state, reason, detail, request_key) "
		      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
		      "tttttttttttt", e->type, e->number, e->at, e->on_date, e->actor, e->role,
		      e->action, e->from_state, e->to_state, e->reason, e->detail, e->request_key);
}

#define EVENT_COLS                                                                            \
	"SELECT id, case_type, number, at, on_date, actor, role, action, from_state, to_state, " \
	"reason, detail, request_key FROM case_events "

static void read_event(db_stmt *st, case_sevent *e)
{
	e->id = db_col_int(st, 0);
	e->type = db_col_text(st, 1);
	e->number = db_col_text(st, 2);
	e->at = db_col_text(st, 3);
	e->on_date = db_col_text(st, 4);
	e->actor = db_col_text(st, 5);
	e->role = db_col_text(st, 6);
	e->action = db_col_text(st, 7);
	e->from_state = db_col_is_null(st, 8) ? NULL : db_col_text(st, 8);
	e->to_state = db_col_is_null(st, 9) ? NULL : db_col_text(st, 9);
	e->reason = db_col_is_null(st, 10) ? NULL : db_col_text(st, 10);
	e->detail = db_col_is_null(st, 11) ? NULL : db_col_text(st, 11);
	e->request_key = db_col_is_null(st, 12) ? NULL : db_col_text(st, 12);
}

/* The last found event's texts, per thread (case_store_event_by_key). */
static _Thread_local struct {
	char type[24], number[48], action[32], from[24], to[24];
} last_event;

int case_store_event_by_key(db *d, const char *key, case_sevent *out)
{
	db_stmt *st = db_prepare(d, EVENT_COLS "WHERE request_key = ?");
	int rc;

	if (!st)
		return -1;
	db_bind_text(st, 1, key);
	rc = db_step(st);
	if (rc == DB_ROW) {
		read_event(st, out);
		snprintf(last_event.type, sizeof last_event.type, "%s", out->type);
		snprintf(last_event.number, sizeof last_event.number, "%s", out->number);
		snprintf(last_event.action, sizeof last_event.action, "%s", out->action);
		snprintf(last_event.from, sizeof last_event.from, "%s", out->from_state ? out->from_state : "");
		snprintf(last_event.to, sizeof last_event.to, "%s", out->to_state ? out->to_state : "");
		memset(out, 0, sizeof *out);
		out->type = last_event.type;
		out->number = last_event.number;
		out->action = last_event.action;
		out->from_state = last_event.from;
		out->to_state = last_event.to;
	}
	db_finalize(st);
	return rc == DB_ROW ? 1 : rc == DB_DONE ? 0 : -1;
}

int64_t case_store_events(db *d, const char *type, const char *number,
			  void (*cb)(void *ctx, const case_sevent *e), void *ctx)
{
	db_stmt *st = db_prepare(d, EVENT_COLS "WHERE case_type = ? AND number = ? ORDER BY id");
	case_sevent e;
	int64_t n = 0;
	int rc;

	if (!st)
		return -1;
	db_bind_text(st, 1, type);
	db_bind_text(st, 2, number);
	while ((rc = db_step(st)) == DB_ROW) {
		read_event(st, &e);
		cb(ctx, &e);
		n++;
	}
	db_finalize(st);
	return rc == DB_DONE ? n : -1;
}

/* ---- parties, links, files --------------------------------------------- */

int case_store_party_add(db *d, const char *type, const char *number, const char *name,
			 const char *id_number, const char *phone)
{
	return db_run(d, "INSERT INTO case_parties (case_type, number, name, id_number, phone) "
			 "VALUES (?, ?, ?, ?, ?)",
		      "ttttt", type, number, name, id_number, phone);
}

int64_t case_store_parties(db *d, const char *type, const char *number,
			   void (*cb)(void *ctx, const char *name, const char *id_number,
				      const char *phone),
			   void *ctx)
{
	db_stmt *st = db_prepare(d, "SELECT name, id_number, phone FROM case_parties "
				    "WHERE case_type = ? AND number = ? ORDER BY id");
	int64_t n = 0;
	int rc;

	if (!st)
		return -1;
	db_bind_text(st, 1, type);
	db_bind_text(st, 2, number);
	while ((rc = db_step(st)) == DB_ROW) {
		cb(ctx, db_col_text(st, 0), db_col_is_null(st, 1) ? NULL : db_col_text(st, 1),
		   db_col_is_null(st, 2) ? NULL : db_col_text(st, 2));
		n++;
	}
	db_finalize(st);
	return rc == DB_DONE ? n : -1;
}

int case_store_link_add(db *d, const char *type, const char *number, const char *target_type,
			const char *target, const char *relation, const char *at)
{
	return db_run(d, "INSERT INTO case_links (case_type, number, target_type, target, relation, at) "
			 "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
		      "tttttt", type, number, target_type, target, relation, at);
}

int64_t case_store_links(db *d, const char *type, const char *number,
			 void (*cb)(void *ctx, const char *target_type, const char *target,
				    const char *relation, const char *at),
			 void *ctx)
{
	db_stmt *st = db_prepare(d, "SELECT target_type, target, relation, at FROM case_links "
				    "WHERE case_type = ? AND number = ? ORDER BY id");
	int64_t n = 0;
	int rc;

	if (!st)
		return -1;
	db_bind_text(st, 1, type);
	db_bind_text(st, 2, number);
	while ((rc = db_step(st)) == DB_ROW) {
		cb(ctx, db_col_text(st, 0), db_col_text(st, 1), db_col_text(st, 2),
		   db_col_text(st, 3));
		n++;
	}
	db_finalize(st);
	return rc == DB_DONE ? n : -1;
}

int case_store_file_add(db *d, const char *type, const char *number, const case_sfile *f,
			int64_t *id)
{
	return db_insert(d, id,
			 "INSERT INTO case_files (case_type, number, sha256, name, mime, size, "
			 "uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
			 "tttttitt", type, number, f->sha256, f->name, f->mime, f->size,
			 f->uploaded_by, f->uploaded_at);
}

int64_t case_store_file_count(db *d, const char *type, const char *number)
{
	return db_int(d, -1, "SELECT count(*) FROM case_files WHERE case_type = ? AND number = ?",
		      "tt", type, number);
}

#define FILE_COLS "SELECT id, sha256, name, mime, size, uploaded_by, uploaded_at FROM case_files "

static void read_file(db_stmt *st, case_sfile *f)
{
	f->id = db_col_int(st, 0);
	f->sha256 = db_col_text(st, 1);
	f->name = db_col_text(st, 2);
	f->mime = db_col_text(st, 3);
	f->size = db_col_int(st, 4);
	f->uploaded_by = db_col_text(st, 5);
	f->uploaded_at = db_col_text(st, 6);
}

int64_t case_store_files(db *d, const char *type, const char *number,
			 void (*cb)(void *ctx, const case_sfile *f), void *ctx)
{
	db_stmt *st = db_prepare(d, FILE_COLS "WHERE case_type = ? AND number = ? ORDER BY id");
	case_sfile f;
	int64_t n = 0;
	int rc;

	if (!st)
		return -1;
	db_bind_text(st, 1, type);
	db_bind_text(st, 2, number);
	while ((rc = db_step(st)) == DB_ROW) {
		read_file(st, &f);
		cb(ctx, &f);
		n++;
	}
	db_finalize(st);
	return rc == DB_DONE ? n : -1;
}

/* The texts of the last file found, per thread. */
static _Thread_local struct {
	char sha[65], name[256], mime[32], by[128], at[32];
} last_file;

int case_store_file_get(db *d, const char *type, const char *number, int64_t id, case_sfile *f)
{
	db_stmt *st = db_prepare(d, FILE_COLS "WHERE case_type = ? AND number = ? AND id = ?");
	int rc;

	if (!st)
		return -1;
	db_bind_text(st, 1, type);
	db_bind_text(st, 2, number);
	db_bind_int(st, 3, id);
	rc = db_step(st);
	if (rc == DB_ROW) {
		read_file(st, f);
		snprintf(last_file.sha, sizeof last_file.sha, "%s", f->sha256);
		snprintf(last_file.name, sizeof last_file.name, "%s", f->name);
		snprintf(last_file.mime, sizeof last_file.mime, "%s", f->mime);
		snprintf(last_file.by, sizeof last_file.by, "%s", f->uploaded_by);
		snprintf(last_file.at, sizeof last_file.at, "%s", f->uploaded_at);
		f->sha256 = last_file.sha;
		f->name = last_file.name;
		f->mime = last_file.mime;
		f->uploaded_by = last_file.by;
		f->uploaded_at = last_file.at;
	}
	db_finalize(st);
	return rc == DB_ROW ? 1 : rc == DB_DONE ? 0 : -1;
}
