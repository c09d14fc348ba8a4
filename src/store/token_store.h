/*
 * token_store.h - the SQL of machine tokens (table tokens) and of the bank
 * register (table banks) that ties a bank token to the accounts its bank
 * holds, migration 0002. Tokens are found by the hex SHA-256 of their
 * value; the value itself is never stored.
 */
#ifndef ANXIN_TOKEN_STORE_H
#define ANXIN_TOKEN_STORE_H

#include <stdint.h>

#include "store/db.h"

typedef struct token_rec {
	int64_t id;
	char name[129];
	char prefix[16];         /* "anx_AbCdEf" - for recognising a token */
	char bank_code[16];      /* "" unless a bank token */
	char uscc[19];           /* "" unless an enterprise token */
	char kinds[256];         /* "transactions,attendance" */
	int64_t created_at;
	char created_by[80];
	int64_t revoked_at;      /* 0 = live */
	int64_t last_used;       /* 0 = never */
} token_rec;

/* Inserts t with the hash of its value; sets t->id. Returns DB_OK or a
 * failure code. */
int token_store_insert(db *d, token_rec *t, const char *value_hash);
/* Loads by value hash / by id. Returns 1, 0 when none, -1 on error. */
int token_store_get_hash(db *d, const char *value_hash, token_rec *t);
int token_store_get(db *d, int64_t id, token_rec *t);
/* Marks token id revoked at now (once) / last used at now. DB_OK or a
 * failure code. */
int token_store_revoke(db *d, int64_t id, int64_t now);
int token_store_used(db *d, int64_t id, int64_t now);
typedef void (*token_store_cb)(void *ctx, const token_rec *t);
int64_t token_store_scan(db *d, token_store_cb cb, void *ctx);

/* Whether a bank with this code is registered. */
int token_store_bank_exists(db *d, const char *bank_code);
/* Whether the account account_no is held by the bank bank_code: its
 * accounts.bank_name starts with the bank's registered name. */
int token_store_bank_holds(db *d, const char *bank_code, const char *account_no);

#endif
