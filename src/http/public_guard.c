/*
 * public_guard.c - the public page's rate limits and form tokens (see
 * public_guard.h). Process-wide state, made once (pthread_once): the
 * buckets, the HMAC key, the set of used tokens.
 */
#include "http/public_guard.h"

#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/rate.h"

#define RAW_LEN (8 + PG_NONCE + crypto_auth_hmacsha256_BYTES)
#define USED_SLOTS 4096   /* > 2 h of PG_GLOBAL_FILINGS: never full in practice */

typedef struct used_slot {
	unsigned char nonce[PG_NONCE];
	int64_t expires_ms;   /* 0: free */
} used_slot;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static rate_limit *buckets[PG_NBUCKETS];
static unsigned char key[crypto_auth_hmacsha256_KEYBYTES];
static used_slot used[USED_SLOTS];
static pthread_mutex_t used_mu = PTHREAD_MUTEX_INITIALIZER;

static void init(void)
{
	if (sodium_init() < 0)
		abort();  /* no randomness: no safe token */
	randombytes_buf(key, sizeof key);
	buckets[PG_FORM] = rate_new_period(PG_FORM_BURST, PG_FORM_BURST, 600000);
	buckets[PG_FILING] = rate_new_period(PG_FILING_BURST, PG_FILING_BURST, 3600000);
	buckets[PG_GLOBAL] = rate_new_period(PG_GLOBAL_FILINGS, PG_GLOBAL_FILINGS, 3600000);
	buckets[PG_PHOTO] = rate_new_period(PG_PHOTO_BURST, PG_PHOTO_BURST, 3600000);
	buckets[PG_STATUS] = rate_new_period(PG_STATUS_BURST, PG_STATUS_BURST, 600000);
}

int pg_take(pg_bucket b, const char *addr, int64_t now_ms)
{
	pthread_once(&once, init);
	return rate_take(buckets[b], b == PG_GLOBAL ? "*" : addr, now_ms);
}

void pg_give(pg_bucket b, const char *addr, int64_t now_ms)
{
	pthread_once(&once, init);
	rate_give(buckets[b], b == PG_GLOBAL ? "*" : addr, now_ms);
}

void pg_token_new(int64_t now_ms, char out[PG_TOKEN_LEN])
{
	unsigned char raw[RAW_LEN];

	pthread_once(&once, init);
	for (int i = 0; i < 8; i++)
		raw[i] = (unsigned char)((uint64_t)now_ms >> (56 - 8 * i));
	randombytes_buf(raw + 8, PG_NONCE);
	crypto_auth_hmacsha256(raw + 8 + PG_NONCE, raw, 8 + PG_NONCE, key);
	sodium_bin2base64(out, PG_TOKEN_LEN, raw, sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

pg_token_rc pg_token_check(const char *token, int64_t now_ms, unsigned char nonce[PG_NONCE],
			   int64_t *expires_ms)
{
	unsigned char raw[RAW_LEN];
	size_t n = 0;
	uint64_t at = 0;

	pthread_once(&once, init);
	if (!token || strlen(token) >= PG_TOKEN_LEN ||
	    sodium_base642bin(raw, sizeof raw, token, strlen(token), NULL, &n, NULL,
			      sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
	    n != sizeof raw ||
	    crypto_auth_hmacsha256_verify(raw + 8 + PG_NONCE, raw, 8 + PG_NONCE, key) != 0)
		return PGT_BAD;
	for (int i = 0; i < 8; i++)
		at = at << 8 | raw[i];
	int64_t age = now_ms - (int64_t)at;
	if (age < PG_TOKEN_MIN_MS)
		return PGT_YOUNG;
	if (age > PG_TOKEN_MAX_MS)
		return PGT_OLD;
	memcpy(nonce, raw + 8, PG_NONCE);
	*expires_ms = (int64_t)at + PG_TOKEN_MAX_MS;
	return PGT_OK;
}

pg_token_rc pg_token_use(const unsigned char nonce[PG_NONCE], int64_t expires_ms, int64_t now_ms)
{
	used_slot *free_slot = NULL;
	pg_token_rc rc = PGT_OK;

	pthread_mutex_lock(&used_mu);
	for (int i = 0; i < USED_SLOTS; i++) {
		used_slot *s = &used[i];
		if (s->expires_ms && s->expires_ms < now_ms)
			s->expires_ms = 0;     /* expired: its token is refused as old anyway */
		if (!s->expires_ms) {
			if (!free_slot)
				free_slot = s;
		} else if (!memcmp(s->nonce, nonce, PG_NONCE)) {
			rc = PGT_USED;
			break;
		}
	}
	if (rc == PGT_OK && !free_slot)
		rc = PGT_FULL;
	if (rc == PGT_OK) {
		memcpy(free_slot->nonce, nonce, PG_NONCE);
		free_slot->expires_ms = expires_ms;
	}
	pthread_mutex_unlock(&used_mu);
	return rc;
}

void pg_token_unuse(const unsigned char nonce[PG_NONCE])
{
	pthread_mutex_lock(&used_mu);
	for (int i = 0; i < USED_SLOTS; i++)
		if (used[i].expires_ms && !memcmp(used[i].nonce, nonce, PG_NONCE))
			used[i].expires_ms = 0;
	pthread_mutex_unlock(&used_mu);
}
