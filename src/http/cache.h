/*
 * cache.h - a small cache of GET responses, exact under writes, that a
 * write does not empty.
 *
 * A cached body is served only while none of the tables it was computed
 * from has changed: while it is computed the store notes every table its
 * statements read (db_track_reads), and the entry keeps the change counter
 * of each (db.h, "What a computed result depends on") as it was read
 * BEFORE the body was computed. Every write - by this server, by `anxin
 * import` or a scan in another process - bumps the counters of the tables
 * it wrote in its own transaction, so a write of attendance leaves the
 * cached project lists warm and makes the attendance pages fresh. The
 * counters are read on a watcher connection of the cache's own, again
 * only when the database changed at all (SQLite's data_version); a change
 * of the files that no counter shows (the sqlite3 shell, say) empties the
 * cache as any change did before. Writes by other programs on PostgreSQL
 * (psql) are not seen. The key
 * names everything else a body depends on: the request as received, the
 * caller's role and row scope, and today's date (for responses that
 * default as_of to today). Only routes flagged HR_CACHE take part.
 */
#ifndef ANXIN_HTTP_CACHE_H
#define ANXIN_HTTP_CACHE_H

#include <stddef.h>
#include <stdint.h>

#include "store/db.h"
#include "util/buf.h"

typedef struct http_cache http_cache;

/* Opens the watcher connection on db_path; NULL (no caching) on failure. */
http_cache *cache_new(const char *db_path);
void cache_free(http_cache *c);
/* Copies the tables' current change counters into ver (db.h's slots),
 * and in ver[DB_SLOTS] the count of changes no counter shows (a write by
 * another program than anxin, SQLite only: data_version moved, no
 * counter did - every entry before it is stale). Returns 0, or -1 when
 * they cannot be read (do not cache). */
int cache_versions(http_cache *c, int64_t ver[DB_SLOTS + 1]);
/* Copies the body cached under key into out if none of the tables it
 * was computed from changed (ver: cache_versions now); returns 1 on a
 * hit, 0 otherwise. */
int cache_get(http_cache *c, const char *key, const int64_t ver[DB_SLOTS + 1], buf *out);
/* Stores body under key as computed from the tables reads, whose
 * counters ver the caller read BEFORE computing it (so a write in
 * between makes the entry stale). */
void cache_put(http_cache *c, const char *key, const int64_t ver[DB_SLOTS + 1],
	       const db_tables *reads, const char *body, size_t len);

#endif
