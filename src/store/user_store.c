/*
 * user_store.c - SQL of user accounts (see user_store.h). Empty street and
 * uscc are stored as NULL (the table's CHECKs tie them to the role).
 */
#include "store/user_store.h"

#include <stdio.h>
#include <string.h>

#define USER_COLS "id, username, display_name, role, street, uscc, disabled, pw_hash, " \
		  "must_change, failed_logins, locked_until, last_login, created_at, updated_at"

/* Copies the current row of a USER_COLS statement into u. */
static void user_row(db_stmt *st, user_rec *u)
{
	memset(u, 0, sizeof *u);
	u->id = db_col_int(st, 0);
	snprintf(u->username, sizeof u->username, "%s", db_col_text(st, 1));
	snprintf(u->display_name, sizeof u->display_name, "%s", db_col_text(st, 2));
	snprintf(u->role, sizeof u->role, "%s", db_col_text(st, 3));
	snprintf(u->street, sizeof u->street, "%s", db_col_text(st, 4));
	snprintf(u->uscc, sizeof u->uscc, "%s", db_col_text(st, 5));
	u->disabled = (int)db_col_int(st, 6);
	snprintf(u->pw_hash, sizeof u->pw_hash, "%s", db_col_text(st, 7));
	u->must_change = (int)db_col_int(st, 8);
	u->failed_logins = (int)db_col_int(st, 9);
	u->locked_until = db_col_int(st, 10);
	u->last_login = db_col_int(st, 11);
	u->created_at = db_col_int(st, 12);
	u->updated_at = db_col_int(st, 13);
}

/* Runs a one-row USER_COLS query prepared in st; finalizes it. */
static int user_get_one(db_stmt *st, user_rec *u)
{
	int rc = db_step(st), ret = -1;

	if (rc == DB_ROW) {
		user_row(st, u);
		ret = 1;
	} else if (rc == DB_DONE) {
		ret = 0;
	}
	db_finalize(st);
	return ret;
}

int user_store_get(db *d, const char *username, user_rec *u)
{
	db_stmt *st = db_prepare(d, "SELECT " USER_COLS " FROM users WHERE username = ?");
	db_bind_text(st, 1, username);
	return user_get_one(st, u);
}

int user_store_get_id(db *d, int64_t id, user_rec *u)
{
	db_stmt *st = db_prepare(d, "SELECT " USER_COLS " FROM users WHERE id = ?");
	db_bind_int(st, 1, id);
	return user_get_one(st, u);
}

/* NULL for an empty string. */
static const char *nz(const char *s)
{
	return s && *s ? s : NULL;
}

/* Binds the account's mutable fields - display_name, role, street, uscc,
 * disabled, pw_hash, must_change, failed_logins, locked_until, last_login -
 * from parameter first on; returns the next parameter's number. */
static int bind_user_fields(db_stmt *st, int first, const user_rec *u)
{
	int p = first;

	db_bind_text(st, p++, u->display_name);
	db_bind_text(st, p++, u->role);
	db_bind_text(st, p++, nz(u->street));
	db_bind_text(st, p++, nz(u->uscc));
	db_bind_int(st, p++, u->disabled);
	db_bind_text(st, p++, u->pw_hash);
	db_bind_int(st, p++, u->must_change);
	db_bind_int(st, p++, u->failed_logins);
	db_bind_int(st, p++, u->locked_until);
	if (u->last_login)
		db_bind_int(st, p++, u->last_login);
	else
		db_bind_null(st, p++);
	return p;
}

int user_store_insert(db *d, user_rec *u)
{
	db_stmt *st = db_prepare(d,
		"INSERT INTO users (username, display_name, role, street, uscc, disabled, pw_hash, "
		"must_change, failed_logins, locked_until, last_login, created_at, updated_at) "
		"VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id");
	db_bind_text(st, 1, u->username);
	int p = bind_user_fields(st, 2, u);
	db_bind_int(st, p++, u->created_at);
	db_bind_int(st, p, u->updated_at);
	int rc = db_step(st);
	if (rc == DB_ROW)
		u->id = db_col_int(st, 0);
	db_finalize(st);
	return rc == DB_ROW ? DB_OK : rc == DB_DONE ? DB_ERROR : rc;
}

int user_store_update(db *d, const user_rec *u)
{
	db_stmt *st = db_prepare(d,
		"UPDATE users SET display_name = ?, role = ?, street = ?, uscc = ?, disabled = ?, "
		"pw_hash = ?, must_change = ?, failed_logins = ?, locked_until = ?, last_login = ?, "
		"updated_at = ? WHERE id = ?");
	int p = bind_user_fields(st, 1, u);
	db_bind_int(st, p++, u->updated_at);
	db_bind_int(st, p, u->id);
	int rc = db_step(st);
	db_finalize(st);
	return rc == DB_DONE ? DB_OK : rc;
}

int64_t user_store_count(db *d)
{
	return db_int(d, 0, "SELECT count(*) FROM users", "");
}

int64_t user_store_scan(db *d, user_store_cb cb, void *ctx)
{
	db_stmt *st = db_prepare(d, "SELECT " USER_COLS " FROM users ORDER BY username");
	int64_t n = 0;
	int rc;
	user_rec u;

	while ((rc = db_step(st)) == DB_ROW) {
		user_row(st, &u);
		cb(ctx, &u);
		n++;
	}
	db_finalize(st);
	return rc == DB_DONE ? n : -1;
}
