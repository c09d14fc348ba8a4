/*
 * user_store.h - the SQL of user accounts (table users, migration 0002):
 * load by name or id, insert, update, count, scan. The rules (password
 * hashing, lock-out, validation) are in src/domain/access/user.c; this file stores
 * what it is given.
 */
#ifndef ANXIN_USER_STORE_H
#define ANXIN_USER_STORE_H

#include <stdint.h>

#include "store/db.h"

#define USER_NAME_SIZE 65
#define USER_HASH_SIZE 128  /* crypto_pwhash_STRBYTES */

typedef struct user_rec {
	int64_t id;
	char username[USER_NAME_SIZE];
	char display_name[129];
	char role[16];            /* role code, see domain/role.h */
	char street[129];         /* "" unless role street */
	char uscc[19];            /* "" unless role enterprise */
	int disabled;
	int must_change;
	int failed_logins;
	int64_t locked_until;     /* Unix seconds; 0 = not locked */
	int64_t last_login;       /* 0 = never */
	int64_t created_at, updated_at;
	char pw_hash[USER_HASH_SIZE];
} user_rec;

/* Loads the user named username (or with id). Returns 1, 0 when there is
 * none, -1 on a database error. */
int user_store_get(db *d, const char *username, user_rec *u);
int user_store_get_id(db *d, int64_t id, user_rec *u);
/* Inserts u (id ignored, set on success). Returns DB_OK, DB_CONSTRAINT
 * (name taken) or another failure code. */
int user_store_insert(db *d, user_rec *u);
/* Writes every field of u but its id and username. Returns DB_OK or a
 * failure code. */
int user_store_update(db *d, const user_rec *u);
int64_t user_store_count(db *d);
/* Calls cb for every user by username; u is valid during the call. */
typedef void (*user_store_cb)(void *ctx, const user_rec *u);
int64_t user_store_scan(db *d, user_store_cb cb, void *ctx);

#endif
