/*
 * session_store.c - SQL of log-in sessions (see session_store.h).
 */
#include "store/session_store.h"

int sess_store_insert(db *d, const char *id_hash, int64_t user_id, int64_t now,
		      const char *address)
{
	return db_run(d, "INSERT INTO sessions (id_hash, user_id, created_at, last_seen, address) "
			 "VALUES (?, ?, ?, ?, ?)", "tiiit", id_hash, user_id, now, now,
		      address ? address : "");
}

int sess_store_get(db *d, const char *id_hash, sess_row *r)
{
	db_stmt *st = db_prepare(d, "SELECT user_id, created_at, last_seen FROM sessions "
				    "WHERE id_hash = ?");
	db_bind_text(st, 1, id_hash);
	int rc = db_step(st), ret = -1;
	if (rc == DB_ROW) {
		r->user_id = db_col_int(st, 0);
		r->created_at = db_col_int(st, 1);
		r->last_seen = db_col_int(st, 2);
		ret = 1;
	} else if (rc == DB_DONE) {
		ret = 0;
	}
	db_finalize(st);
	return ret;
}

int sess_store_touch(db *d, const char *id_hash, int64_t now)
{
	return db_run(d, "UPDATE sessions SET last_seen = ? WHERE id_hash = ? AND last_seen < ?",
		      "iti", now, id_hash, now);
}

int sess_store_delete(db *d, const char *id_hash)
{
	return db_run(d, "DELETE FROM sessions WHERE id_hash = ?", "t", id_hash);
}

int sess_store_delete_user(db *d, int64_t user_id)
{
	return db_run(d, "DELETE FROM sessions WHERE user_id = ?", "i", user_id);
}

int64_t sess_store_purge(db *d, int64_t idle_before, int64_t created_before)
{
	if (db_run(d, "DELETE FROM sessions WHERE last_seen < ? OR created_at < ?", "ii",
		   idle_before, created_before) != DB_OK)
		return -1;
	return db_changes(d);
}

/* SQLite: both tables live in the desk file, so only its counters are
 * read (one file's lock, not both). */
int64_t sess_store_version(db *d)
{
	if (db_dialect(d) == DB_DIALECT_SQLITE)
		return db_int(d, -1, "SELECT coalesce(sum(v), 0) FROM desk.desk_versions "
				     "WHERE name IN ('sessions', 'users')", "");
	return db_version_of(d, "sessions", "users");
}
