/*
 * token.h - API tokens for machines: bank systems pushing the transactions
 * of the special wage accounts they hold, site gates pushing attendance.
 *
 * A token is "anx_" + 32 random bytes in URL-safe base64 (47 characters),
 * shown once at creation; the database keeps its SHA-256 (the value has 256
 * bits of entropy, so a slow hash would add nothing) and its first 10
 * characters for recognition. A token is scoped to one bank (role bank) or
 * one enterprise USCC (role enterprise) and to a list of kinds it may write;
 * it is revocable and records when it was last used.
 *
 * Phase 2: a request with "Authorization: Bearer anx_..." is authenticated
 * by token_check; a token may use only the write / import routes of the
 * kinds token_may_write allows, and every row it writes must be in its
 * scope: token_scope (enterprise: the rows where it is the employer, as
 * for an enterprise user) or, for a bank, token_bank_holds on each
 * transaction's account_no (its scope finds its own bank's transactions
 * only, so another bank's is 404).
 */
#ifndef ANXIN_TOKEN_H
#define ANXIN_TOKEN_H

#include <stddef.h>
#include <stdint.h>

#include "domain/access/audit.h"
#include "domain/access/role.h"
#include "store/token_store.h"
#include "util/buf.h"

#define TOKEN_PREFIX "anx_"
#define TOKEN_VALUE_SIZE 48   /* "anx_" + 43 characters + NUL */

/* Creates a token from t's name, bank_code or uscc (exactly one) and kinds
 * (comma-separated, each writable by the token's role), created_by set from
 * who. Writes the value, shown once, into value (the caller wipes it).
 * Audit: token_create. Returns 0, or -1 with err. */
int token_create(db *d, const audit_actor *who, token_rec *t, int64_t now,
		 char value[TOKEN_VALUE_SIZE], char *err, size_t errlen);
/* Authenticates a token value at now. Returns 1 and fills t for a live
 * token (and records its use, at most once a minute); 0 for an unknown,
 * malformed or revoked one; -1 on a database error. */
int token_check(db *d, const char *value, int64_t now, token_rec *t);
/* Revokes token id. Audit: token_revoke. Returns 0, or -1 with err. */
int token_revoke(db *d, const audit_actor *who, int64_t id, int64_t now, char *err,
		 size_t errlen);

/* ROLE_BANK or ROLE_ENTERPRISE. */
role_id token_role(const token_rec *t);
/* Whether the token may write (and import) records of kind kname. */
int token_may_write(const token_rec *t, const char *kname);
/* The row-level scope of a token as of today (borrows t's strings): an
 * enterprise token's USCC, a bank token's own transactions. */
rec_scope token_scope(const token_rec *t, const char *today);
/* Whether a bank token's bank holds the account account_no. 0 for an
 * enterprise token. */
int token_bank_holds(db *d, const token_rec *t, const char *account_no);
/* Checks a comma-separated kinds list for role r. Returns 1, or 0 with
 * err. */
int token_kinds_ok(role_id r, const char *kinds, char *err, size_t errlen);
/* The token's fields as JSON (never the value or its hash). */
void token_json(const token_rec *t, buf *out);
/* The audit actor name of a token: "token:ID". */
void token_actor(const token_rec *t, char *out, size_t outlen);

#endif
