/*
 * token.c - machine tokens (see token.h).
 */
#include "domain/access/token.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/records/kind.h"
#include "util/valid.h"

#define TOKEN_RAW 32
#define TOKEN_SHOWN 10   /* characters kept for recognition: "anx_" + 6 */
#define TOKEN_USE_SECONDS 60

/* The hex SHA-256 of a token value. */
static void token_hash(const char *value, char out[65])
{
	unsigned char md[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(md, (const unsigned char *)value, strlen(value));
	sodium_bin2hex(out, 65, md, sizeof md);
}

role_id token_role(const token_rec *t)
{
	return *t->bank_code ? ROLE_BANK : ROLE_ENTERPRISE;
}

/* Whether kname is one item of the comma-separated list. */
static int list_has(const char *list, const char *kname)
{
	size_t n = strlen(kname);

	for (const char *p = list; *p;) {
		const char *e = strchr(p, ',');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len == n && strncmp(p, kname, n) == 0)
			return 1;
		if (!e)
			break;
		p = e + 1;
	}
	return 0;
}

int token_may_write(const token_rec *t, const char *kname)
{
	return kname && !t->revoked_at && list_has(t->kinds, kname) &&
	       role_can_kind(token_role(t), PERM_WRITE, kname);
}

rec_scope token_scope(const token_rec *t, const char *today)
{
	return role_scope_of(token_role(t), NULL, t->uscc, t->bank_code, today);
}

int token_bank_holds(db *d, const token_rec *t, const char *account_no)
{
	if (!*t->bank_code || !account_no)
		return 0;
	return token_store_bank_holds(d, t->bank_code, account_no);
}

int token_kinds_ok(role_id r, const char *kinds, char *err, size_t errlen)
{
	char item[64];

	if (!kinds || !*kinds) {
		snprintf(err, errlen, "--kinds is required (e.g. transactions)");
		return 0;
	}
	for (const char *p = kinds;;) {
		const char *e = strchr(p, ',');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		snprintf(item, sizeof item, "%.*s", (int)(len < sizeof item ? len : sizeof item - 1), p);
		if (!kind_find(item)) {
			snprintf(err, errlen, "unknown kind '%s'", item);
			return 0;
		}
		if (!role_can_kind(r, PERM_WRITE, item)) {
			snprintf(err, errlen, "a %s token may not write %s", role_code(r), item);
			return 0;
		}
		if (!e)
			break;
		p = e + 1;
	}
	return 1;
}

void token_json(const token_rec *t, buf *out)
{
	buf_fmt(out, "{\"id\":%lld,\"name\":%j,\"prefix\":%j,\"role\":%j,\"bank_code\":%j,"
		     "\"uscc\":%j,\"kinds\":%j,\"created_by\":%j,\"revoked\":%s}",
		(long long)t->id, t->name, t->prefix, role_code(token_role(t)),
		*t->bank_code ? t->bank_code : NULL, *t->uscc ? t->uscc : NULL, t->kinds,
		t->created_by, t->revoked_at ? "true" : "false");
}

void token_actor(const token_rec *t, char *out, size_t outlen)
{
	snprintf(out, outlen, "token:%lld", (long long)t->id);
}

/* Appends a token_create / token_revoke audit row. */
static int token_audit(db *d, const audit_actor *who, int64_t now, const char *action,
		       const token_rec *before, const token_rec *after)
{
	buf b = BUF_INIT, a = BUF_INIT;
	char key[32];

	token_actor(after, key, sizeof key);
	if (before)
		token_json(before, &b);
	token_json(after, &a);
	audit_entry e = {who, now, action, "token", key, before ? buf_str(&b) : NULL, buf_str(&a)};
	int rc = audit_append(d, &e);
	buf_free(&b);
	buf_free(&a);
	return rc;
}

int token_create(db *d, const audit_actor *who, token_rec *t, int64_t now,
		 char value[TOKEN_VALUE_SIZE], char *err, size_t errlen)
{
	unsigned char raw[TOKEN_RAW];
	char h[65];
	const char *why;
	int rc = -1;

	value[0] = '\0';
	if (!*t->name) {
		snprintf(err, errlen, "--name is required");
		return -1;
	}
	if ((*t->bank_code != '\0') == (*t->uscc != '\0')) {
		snprintf(err, errlen, "give exactly one of --scope-bank CODE or --scope-uscc USCC");
		return -1;
	}
	if (*t->uscc && !valid_uscc(t->uscc, &why)) {
		snprintf(err, errlen, "--scope-uscc %s: %s", t->uscc, why);
		return -1;
	}
	if (*t->bank_code && !token_store_bank_exists(d, t->bank_code)) {
		snprintf(err, errlen, "unknown bank code '%s' (see the banks table)", t->bank_code);
		return -1;
	}
	if (!token_kinds_ok(token_role(t), t->kinds, err, errlen))
		return -1;
	if (sodium_init() < 0)
		abort();
	memcpy(value, TOKEN_PREFIX, sizeof TOKEN_PREFIX);
	randombytes_buf(raw, sizeof raw);
	sodium_bin2base64(value + strlen(TOKEN_PREFIX), TOKEN_VALUE_SIZE - strlen(TOKEN_PREFIX), raw,
			  sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof raw);
	token_hash(value, h);
	snprintf(t->prefix, sizeof t->prefix, "%.*s", TOKEN_SHOWN, value);
	snprintf(t->created_by, sizeof t->created_by, "%s", who && who->actor ? who->actor : "");
	t->created_at = now;
	t->revoked_at = t->last_used = 0;
	if (db_begin(d) != DB_OK) {
		snprintf(err, errlen, "%s", db_errmsg(d));
		goto out;
	}
	if (token_store_insert(d, t, h) != DB_OK ||
	    token_audit(d, who, now, "token_create", NULL, t) != 0 || db_commit(d) != DB_OK) {
		snprintf(err, errlen, "%s", db_errmsg(d));
		db_rollback(d);
		goto out;
	}
	rc = 0;
out:
	if (rc != 0)
		sodium_memzero(value, TOKEN_VALUE_SIZE);
	return rc;
}

int token_check(db *d, const char *value, int64_t now, token_rec *t)
{
	char h[65];
	size_t plen = strlen(TOKEN_PREFIX);

	memset(t, 0, sizeof *t);
	if (!value || strlen(value) != TOKEN_VALUE_SIZE - 1 || strncmp(value, TOKEN_PREFIX, plen))
		return 0;
	token_hash(value, h);
	int got = token_store_get_hash(d, h, t);
	if (got <= 0)
		return got;
	if (t->revoked_at) {
		memset(t, 0, sizeof *t);
		return 0;
	}
	if (now - t->last_used >= TOKEN_USE_SECONDS && token_store_used(d, t->id, now) == DB_OK)
		t->last_used = now;
	return 1;
}

int token_revoke(db *d, const audit_actor *who, int64_t id, int64_t now, char *err,
		 size_t errlen)
{
	token_rec before, after;
	int rc = -1;

	if (db_begin(d) != DB_OK) {
		snprintf(err, errlen, "%s", db_errmsg(d));
		return -1;
	}
	if (token_store_get(d, id, &before) != 1) {
		snprintf(err, errlen, "no token %lld", (long long)id);
		goto out;
	}
	if (before.revoked_at) {
		snprintf(err, errlen, "token %lld is already revoked", (long long)id);
		goto out;
	}
	after = before;
	after.revoked_at = now;
	if (token_store_revoke(d, id, now) != DB_OK ||
	    token_audit(d, who, now, "token_revoke", &before, &after) != 0 ||
	    db_commit(d) != DB_OK) {
		snprintf(err, errlen, "%s", db_errmsg(d));
		goto out;
	}
	rc = 0;
out:
	if (rc != 0)
		db_rollback(d);
	return rc;
}
