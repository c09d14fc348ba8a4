/*
 * session.c - log-in sessions (see session.h): random cookie values kept
 * only as hashes, derived CSRF tokens, idle and absolute timeouts.
 */
#include "domain/access/session.h"

#include <pthread.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "store/session_store.h"

#define SESS_RAW 32

/* The hex SHA-256 of a cookie value: the session's key in the database. */
static void sess_hash(const char *cookie, char out[65])
{
	unsigned char md[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(md, (const unsigned char *)cookie, strlen(cookie));
	sodium_bin2hex(out, 65, md, sizeof md);
}

/* Whether s has the shape of a cookie value (43 URL-safe base64 chars). */
static int sess_well_formed(const char *s)
{
	size_t n = 0;

	if (!s)
		return 0;
	for (; s[n]; n++) {
		char c = s[n];
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		      c == '-' || c == '_') || n >= SESS_COOKIE_SIZE)
			return 0;
	}
	return n == SESS_COOKIE_SIZE - 1;
}

void sess_csrf_of(const char *cookie, char csrf[SESS_CSRF_SIZE])
{
	static const char label[] = "anxin csrf v1";
	unsigned char md[32];

	/* Keyed BLAKE2b with the cookie value as key: whoever has the cookie
	 * can compute it, a cross-site page cannot read either. */
	crypto_generichash(md, sizeof md, (const unsigned char *)label, sizeof label - 1,
			   (const unsigned char *)cookie, strlen(cookie));
	sodium_bin2hex(csrf, SESS_CSRF_SIZE, md, sizeof md);
	sodium_memzero(md, sizeof md);
}

int sess_csrf_ok(const char *expected, const char *given)
{
	if (!expected || !given || strlen(expected) != SESS_CSRF_SIZE - 1 ||
	    strlen(given) != SESS_CSRF_SIZE - 1)
		return 0;
	return sodium_memcmp(expected, given, SESS_CSRF_SIZE - 1) == 0;
}

int sess_create(db *d, int64_t user_id, const char *address, int64_t now,
		char cookie[SESS_COOKIE_SIZE], char csrf[SESS_CSRF_SIZE])
{
	unsigned char raw[SESS_RAW];
	char h[65];
	int rc = -1;

	if (sodium_init() < 0)
		abort();
	randombytes_buf(raw, sizeof raw);
	sodium_bin2base64(cookie, SESS_COOKIE_SIZE, raw, sizeof raw,
			  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof raw);
	sess_hash(cookie, h);
	if (sess_store_insert(d, h, user_id, now, address) != DB_OK)
		goto out;
	sess_csrf_of(cookie, csrf);
	rc = 0;
out:
	if (rc != 0)
		sodium_memzero(cookie, SESS_COOKIE_SIZE);
	return rc;
}

/*
 * The sessions found valid lately, by the hash of their cookie, with their
 * account (its password hash wiped) and CSRF token: a request of a
 * session seen before costs one read of the counters of the sessions' and
 * the accounts' tables (sess_store_version) instead of the session's and
 * the account's rows and the hashes. An entry is used only while that
 * number is the one read before its rows were: any change of any session
 * or account - a log-out, a password, a role, a disabled account, a
 * session's last use, by this process or another (`anxin user`) - makes
 * every entry stale. The timeouts are checked on each use as on a read.
 */
#define SESS_CACHE 1024

typedef struct sess_cached {
	char h[65];        /* the cookie's hash; "" = free */
	int64_t version;   /* sess_store_version before the rows were read */
	user_rec u;
	sess_info si;
} sess_cached;

static sess_cached sess_cache[SESS_CACHE];
static pthread_mutex_t sess_cache_mu = PTHREAD_MUTEX_INITIALIZER;

static sess_cached *cache_slot(const char h[65])
{
	return &sess_cache[strtoul((char[9]){h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], 0},
				   NULL, 16) % SESS_CACHE];
}

/* Copies the entry of h into u, si when it is valid at version and now. */
static int cache_find(const char h[65], int64_t version, int64_t now, user_rec *u, sess_info *si)
{
	int hit = 0;

	if (version < 0)
		return 0;
	pthread_mutex_lock(&sess_cache_mu);
	sess_cached *e = cache_slot(h);
	if (e->version == version && strcmp(e->h, h) == 0 &&
	    now - e->si.created_at < SESS_ABSOLUTE_SECONDS && now - e->si.last_seen < SESS_IDLE_SECONDS) {
		*u = e->u;
		*si = e->si;
		hit = 1;
	}
	pthread_mutex_unlock(&sess_cache_mu);
	return hit;
}

/* Keeps u and si under h (version < 0: forgets h instead). */
static void cache_keep(const char h[65], int64_t version, const user_rec *u, const sess_info *si)
{
	pthread_mutex_lock(&sess_cache_mu);
	sess_cached *e = cache_slot(h);
	if (version >= 0) {
		memcpy(e->h, h, sizeof e->h);
		e->version = version;
		e->u = *u;
		e->si = *si;
	} else if (strcmp(e->h, h) == 0) {
		sodium_memzero(e, sizeof *e);
	}
	pthread_mutex_unlock(&sess_cache_mu);
}

sess_rc sess_lookup(db *d, const char *cookie, int64_t now, user_rec *u, sess_info *si)
{
	char h[65];
	sess_row r;
	sess_rc rc;

	memset(si, 0, sizeof *si);
	if (!sess_well_formed(cookie))
		return SESS_NONE;
	sess_hash(cookie, h);
	/* read before the rows: a change after it makes the entry stale */
	int64_t version = sess_store_version(d);
	if (cache_find(h, version, now, u, si))
		return SESS_OK;
	int got = sess_store_get(d, h, &r);
	if (got < 0)
		return SESS_ERROR;
	if (got == 0)
		return SESS_NONE;
	if (now - r.created_at >= SESS_ABSOLUTE_SECONDS)
		rc = SESS_EXPIRED_ABS;
	else if (now - r.last_seen >= SESS_IDLE_SECONDS)
		rc = SESS_EXPIRED_IDLE;
	else if (user_store_get_id(d, r.user_id, u) != 1 || u->disabled)
		rc = SESS_USER_DISABLED;
	else
		rc = SESS_OK;
	if (rc != SESS_OK) {
		cache_keep(h, -1, NULL, NULL);
		sess_store_delete(d, h);
		memset(u, 0, sizeof *u);
		return rc;
	}
	sodium_memzero(u->pw_hash, sizeof u->pw_hash);
	si->user_id = r.user_id;
	si->created_at = r.created_at;
	si->last_seen = r.last_seen;
	sess_csrf_of(cookie, si->csrf);
	cache_keep(h, version, u, si);
	return SESS_OK;
}

int sess_touch(db *d, const char *cookie, int64_t now)
{
	char h[65];
	sess_row r;

	if (!sess_well_formed(cookie))
		return -1;
	sess_hash(cookie, h);
	if (sess_store_get(d, h, &r) != 1)
		return -1;
	if (now - r.last_seen < SESS_TOUCH_SECONDS)
		return 0;
	return sess_store_touch(d, h, now) == DB_OK ? 0 : -1;
}

int sess_logout(db *d, const char *cookie)
{
	char h[65];

	if (!sess_well_formed(cookie))
		return -1;
	sess_hash(cookie, h);
	return sess_store_delete(d, h) == DB_OK ? 0 : -1;
}

int sess_end_user(db *d, int64_t user_id)
{
	return sess_store_delete_user(d, user_id) == DB_OK ? 0 : -1;
}

int64_t sess_purge(db *d, int64_t now)
{
	return sess_store_purge(d, now - SESS_IDLE_SECONDS, now - SESS_ABSOLUTE_SECONDS);
}
