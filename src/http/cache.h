/*
 * cache.h - a small cache of GET responses, exact under writes.
 *
 * A cached body is served only while the database has not changed since it
 * was computed: every entry carries the database's data version (SQLite's
 * PRAGMA data_version on a watcher connection of the cache's own, which
 * changes on any commit by any other connection - the server's writers,
 * an `anxin import` in another process, a scan). The key names everything
 * the body depends on: the request as received, the caller's role and row
 * scope, and today's date (for responses that default as_of to today).
 * Only routes flagged HR_CACHE take part.
 */
#ifndef ANXIN_HTTP_CACHE_H
#define ANXIN_HTTP_CACHE_H

#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"

typedef struct http_cache http_cache;

/* Opens the watcher connection on db_path; NULL (no caching) on failure. */
http_cache *cache_new(const char *db_path);
void cache_free(http_cache *c);
/* The database's current data version (-1 when unknown: do not cache). */
int64_t cache_version(http_cache *c);
/* Copies the body cached under key into out if it was computed at the
 * current version; returns 1 on a hit, 0 otherwise. */
int cache_get(http_cache *c, const char *key, int64_t version, buf *out);
/* Stores body under key as computed at version (which the caller read
 * BEFORE computing it, so a write in between makes the entry stale). */
void cache_put(http_cache *c, const char *key, int64_t version,
	       const char *body, size_t len);

#endif
