/*
 * public_guard.h - what stands between the public clue page (api_public.c:
 * no account, anyone on the internet) and a flood or a script: per client
 * address rate limits (rate.h buckets), a global cap on filings, and the
 * signed form token a filing must carry.
 *
 * The form token: GET /api/v1/public/form gives one; it is the time of
 * issue, a random nonce and an HMAC-SHA256 of both under a key drawn at
 * random when the process starts (libsodium), base64url. A filing must
 * carry one issued at least PG_TOKEN_MIN_MS and at most PG_TOKEN_MAX_MS
 * earlier (a person takes longer than 3 s to fill the form; a script that
 * posts at once is refused), and each token files once: its nonce is kept
 * in a bounded in-memory set until the token would have expired anyway. A
 * restart forgets the key, the set and the buckets - every open form just
 * fetches a new token.
 *
 * Must not: know HTTP, the database or the clock (the caller passes now_ms,
 * a monotonic clock in milliseconds).
 */
#ifndef ANXIN_HTTP_PUBLIC_GUARD_H
#define ANXIN_HTTP_PUBLIC_GUARD_H

#include <stdint.h>

/* The limits, and why (docs/api.md "Cases and clues", docs/security.md):
 * a worker files once or twice, looks at the status a few times a day and
 * sends at most three photos; a neighbourhood behind one address (a site's
 * Wi-Fi, a carrier's NAT) still has room. */
#define PG_FORM_BURST 30          /* form tokens per address per 10 minutes */
#define PG_FILING_BURST 5         /* clues filed per address per hour */
#define PG_GLOBAL_FILINGS 200     /* clues filed per hour from all addresses */
#define PG_PHOTO_BURST 10         /* photo uploads per address per hour */
#define PG_STATUS_BURST 30        /* status look-ups per address per 10 minutes */

#define PG_TOKEN_MIN_MS 3000              /* a token files no sooner ... */
#define PG_TOKEN_MAX_MS (2 * 3600 * 1000) /* ... and no later */
#define PG_TOKEN_LEN 80                   /* a token's text with its NUL */
#define PG_NONCE 16

typedef enum {
	PG_FORM,        /* GET  /api/v1/public/form */
	PG_FILING,      /* POST /api/v1/public/clues: per address */
	PG_GLOBAL,      /* the same: all addresses together */
	PG_PHOTO,       /* POST /api/v1/public/clues/{number}/photos */
	PG_STATUS,      /* POST /api/v1/public/clues/{number}/status */
	PG_NBUCKETS
} pg_bucket;

/* Takes one of addr's bucket b (PG_GLOBAL: addr ignored). Returns 0 when
 * the request may go ahead, else the seconds to wait (Retry-After).
 * Thread-safe. */
int pg_take(pg_bucket b, const char *addr, int64_t now_ms);
/* Gives one back (a request that turned out not to count). */
void pg_give(pg_bucket b, const char *addr, int64_t now_ms);

/* A new form token issued at now_ms, as text. */
void pg_token_new(int64_t now_ms, char out[PG_TOKEN_LEN]);

typedef enum {
	PGT_OK = 0,
	PGT_BAD,        /* not one of ours (malformed, forged, of another process) */
	PGT_YOUNG,      /* issued less than PG_TOKEN_MIN_MS ago */
	PGT_OLD,        /* issued more than PG_TOKEN_MAX_MS ago */
	PGT_USED,       /* already filed a clue */
	PGT_FULL        /* the set of used tokens is full: try later */
} pg_token_rc;

/* Checks token at now_ms (signature and age) without using it; the nonce
 * and the expiry of a good one are returned for pg_token_use. */
pg_token_rc pg_token_check(const char *token, int64_t now_ms, unsigned char nonce[PG_NONCE],
			   int64_t *expires_ms);
/* Marks the token of nonce used until expires_ms: PGT_OK, or PGT_USED when
 * it was (atomic: of two filings with one token, one wins), PGT_FULL. */
pg_token_rc pg_token_use(const unsigned char nonce[PG_NONCE], int64_t expires_ms, int64_t now_ms);
/* Forgets a use (the filing failed after all: the token may file again). */
void pg_token_unuse(const unsigned char nonce[PG_NONCE]);

#endif
