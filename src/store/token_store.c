/*
 * token_store.c - SQL of machine tokens and the bank register (see
 * token_store.h).
 */
#include "store/token_store.h"

#include <stdio.h>
#include <string.h>

#define TOKEN_COLS "id, name, prefix, bank_code, uscc, kinds, created_at, created_by, " \
		   "revoked_at, last_used"

static void token_row(db_stmt *st, token_rec *t)
{
	memset(t, 0, sizeof *t);
	t->id = db_col_int(st, 0);
	snprintf(t->name, sizeof t->name, "%s", db_col_text(st, 1));
	snprintf(t->prefix, sizeof t->prefix, "%s", db_col_text(st, 2));
	snprintf(t->bank_code, sizeof t->bank_code, "%s", db_col_text(st, 3));
	snprintf(t->uscc, sizeof t->uscc, "%s", db_col_text(st, 4));
	snprintf(t->kinds, sizeof t->kinds, "%s", db_col_text(st, 5));
	t->created_at = db_col_int(st, 6);
	snprintf(t->created_by, sizeof t->created_by, "%s", db_col_text(st, 7));
	t->revoked_at = db_col_int(st, 8);
	t->last_used = db_col_int(st, 9);
}

static int token_get_one(db_stmt *st, token_rec *t)
{
	int rc = db_step(st), ret = -1;

	if (rc == DB_ROW) {
		token_row(st, t);
		ret = 1;
	} else if (rc == DB_DONE) {
		ret = 0;
	}
	db_finalize(st);
	return ret;
}

int token_store_insert(db *d, token_rec *t, const char *value_hash)
{
	return db_insert(d, &t->id,
		"INSERT INTO tokens (name, value_hash, prefix, bank_code, uscc, kinds, created_at, "
		"created_by) VALUES (?,?,?,?,?,?,?,?) RETURNING id", "ttttttit", t->name, value_hash, t->prefix,
		*t->bank_code ? t->bank_code : NULL, *t->uscc ? t->uscc : NULL, t->kinds,
		t->created_at, t->created_by);
}

int token_store_get_hash(db *d, const char *value_hash, token_rec *t)
{
	db_stmt *st = db_prepare(d, "SELECT " TOKEN_COLS " FROM tokens WHERE value_hash = ?");
	db_bind_text(st, 1, value_hash);
	return token_get_one(st, t);
}

int token_store_get(db *d, int64_t id, token_rec *t)
{
	db_stmt *st = db_prepare(d, "SELECT " TOKEN_COLS " FROM tokens WHERE id = ?");
	db_bind_int(st, 1, id);
	return token_get_one(st, t);
}

int token_store_revoke(db *d, int64_t id, int64_t now)
{
	return db_run(d, "UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
		      "ii", now, id);
}

int token_store_used(db *d, int64_t id, int64_t now)
{
	return db_run(d, "UPDATE tokens SET last_used = ? WHERE id = ?", "ii", now, id);
}

int64_t token_store_scan(db *d, token_store_cb cb, void *ctx)
{
	db_stmt *st = db_prepare(d, "SELECT " TOKEN_COLS " FROM tokens ORDER BY id");
	int64_t n = 0;
	int rc;
	token_rec t;

	while ((rc = db_step(st)) == DB_ROW) {
		token_row(st, &t);
		cb(ctx, &t);
		n++;
	}
	db_finalize(st);
	return rc == DB_DONE ? n : -1;
}

int token_store_bank_exists(db *d, const char *bank_code)
{
	return db_int(d, 0, "SELECT count(*) FROM banks WHERE code = ?", "t", bank_code) > 0;
}

int token_store_bank_holds(db *d, const char *bank_code, const char *account_no)
{
	return db_int(d, 0,
		      "SELECT count(*) FROM accounts a JOIN banks b ON b.code = ? "
		      "WHERE a.account_no = ? AND substr(a.bank_name, 1, length(b.name)) = b.name",
		      "tt", bank_code, account_no) > 0;
}
