/*
 * param_store.h - the parameters table (params) and its change log
 * (param_changes), migration 0003. Validation and meaning are in
 * domain/params.c.
 */
#ifndef ANXIN_PARAM_STORE_H
#define ANXIN_PARAM_STORE_H

#include "store/db.h"

typedef struct param_row {
	const char *key, *value, *default_value, *description, *updated_by, *updated_at;
} param_row;

/* Calls cb for each parameter in key order; the row is valid during the
 * call. Returns 0 or -1. */
int param_store_list(db *d, void (*cb)(void *ctx, const param_row *r), void *ctx);
/* The value of key (malloc'd) or NULL if there is no such parameter. */
char *param_store_get(db *d, const char *key);
/* Sets key to value, logs old -> new with actor and at, and asks the next
 * scan to be full, in the caller's transaction. Returns DB_OK, or a failure
 * code (DB_ERROR for a key that does not exist). */
int param_store_set(db *d, const char *key, const char *value, const char *actor,
		    const char *at);

#endif
