/*
 * param_store.c - the parameters table (see param_store.h).
 */
#include "store/param_store.h"

#include <stdlib.h>

int param_store_list(db *d, void (*cb)(void *ctx, const param_row *r), void *ctx)
{
	db_stmt *st = db_prepare(d, "SELECT key, value, default_value, description,"
				    " updated_by, updated_at FROM params ORDER BY key");
	int rc;

	while ((rc = db_step(st)) == DB_ROW) {
		param_row r = {db_col_text(st, 0), db_col_text(st, 1), db_col_text(st, 2),
			       db_col_text(st, 3), db_col_text(st, 4), db_col_text(st, 5)};
		cb(ctx, &r);
	}
	db_finalize(st);
	return rc == DB_DONE ? 0 : -1;
}

char *param_store_get(db *d, const char *key)
{
	return db_text(d, "SELECT value FROM params WHERE key = ?", "t", key);
}

int param_store_set(db *d, const char *key, const char *value, const char *actor,
		    const char *at)
{
	char *old = param_store_get(d, key);
	int rc = old ? DB_OK : DB_ERROR;  /* no such parameter */

	if (rc == DB_OK)
		rc = db_run(d, "INSERT INTO param_changes (key, old_value, new_value, actor, at)"
			       " VALUES (?, ?, ?, ?, ?)", "ttttt", key, old, value, actor, at);
	if (rc == DB_OK)
		rc = db_run(d, "UPDATE params SET value = ?, updated_by = ?, updated_at = ? WHERE key = ?",
			    "tttt", value, actor, at, key);
	if (rc == DB_OK)
		rc = db_run(d, "UPDATE scan_state SET need_full = 1", "");
	free(old);
	return rc;
}
