/*
 * session_store.h - the SQL of log-in sessions (table sessions, migration
 * 0002). Sessions are keyed by the hex SHA-256 of the cookie value: this
 * file never sees a cookie. Timeouts are decided in src/domain/access/session.c.
 */
#ifndef ANXIN_SESSION_STORE_H
#define ANXIN_SESSION_STORE_H

#include <stdint.h>

#include "store/db.h"

typedef struct sess_row {
	int64_t user_id;
	int64_t created_at;
	int64_t last_seen;
} sess_row;

/* Each of the writes returns DB_OK or a failure code. */
int sess_store_insert(db *d, const char *id_hash, int64_t user_id, int64_t now,
		      const char *address);
/* Returns 1 and fills r, 0 when there is no such session, -1 on error. */
int sess_store_get(db *d, const char *id_hash, sess_row *r);
/* A number that changes whenever a session or an account changes (their
 * tables' change counters, db.h), or -1 on error: what a copy of a
 * session and its account kept in memory is valid for. */
int64_t sess_store_version(db *d);
int sess_store_touch(db *d, const char *id_hash, int64_t now);
int sess_store_delete(db *d, const char *id_hash);
/* Ends every session of a user (disabled, password changed). */
int sess_store_delete_user(db *d, int64_t user_id);
/* Deletes sessions idle since before idle_before or created before
 * created_before; returns how many, or -1 on a database error. */
int64_t sess_store_purge(db *d, int64_t idle_before, int64_t created_before);

#endif
