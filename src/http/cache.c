/*
 * cache.c - the response cache (see cache.h): a direct-mapped table of
 * CACHE_SLOTS entries under one mutex, bodies up to CACHE_MAX_BODY bytes,
 * so at most CACHE_SLOTS * CACHE_MAX_BODY bytes are held. An entry keeps
 * the change counter of each table slot its body was computed from.
 */
#include "http/cache.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define CACHE_SLOTS 256
#define CACHE_MAX_BODY (256 * 1024)

typedef struct cache_dep {
	int slot;       /* db.h's table slot */
	int64_t v;      /* its counter when the body was computed */
} cache_dep;

typedef struct cache_slot {
	char *key;
	char *body;
	size_t len;
	cache_dep *deps;
	int ndeps;
	int64_t epoch;  /* http_cache.epoch when computed */
} cache_slot;

struct http_cache {
	pthread_mutex_t mu;
	db *watch;      /* read-only connection that only reads the counters */
	int64_t stamp;  /* db_table_versions_since's mark of ver */
	int64_t ver[DB_SLOTS];
	int64_t epoch;  /* changes that no counter shows: every entry before
			   it is stale (db_table_versions_since's 2) */
	cache_slot slot[CACHE_SLOTS];
};

http_cache *cache_new(const char *db_path)
{
	char err[256];
	db *d = db_open(db_path, DB_OPEN_READONLY, err, sizeof err);

	if (!d)
		return NULL;
	http_cache *c = xcalloc(1, sizeof *c);
	pthread_mutex_init(&c->mu, NULL);
	c->watch = d;
	return c;
}

void cache_free(http_cache *c)
{
	if (!c)
		return;
	for (int i = 0; i < CACHE_SLOTS; i++) {
		free(c->slot[i].key);
		free(c->slot[i].body);
		free(c->slot[i].deps);
	}
	db_close(c->watch);
	pthread_mutex_destroy(&c->mu);
	free(c);
}

int cache_versions(http_cache *c, int64_t ver[DB_SLOTS + 1])
{
	int rc = 0;

	pthread_mutex_lock(&c->mu);
	int got = db_table_versions_since(c->watch, &c->stamp, c->ver);
	if (got < 0) {
		c->stamp = 0;
		rc = -1;
	} else {
		if (got == 2)
			c->epoch++;
		memcpy(ver, c->ver, sizeof c->ver);
		ver[DB_SLOTS] = c->epoch;
	}
	pthread_mutex_unlock(&c->mu);
	return rc;
}

/* FNV-1a: the slot of a key. */
static unsigned slot_of(const char *key)
{
	uint32_t h = 2166136261u;

	for (const unsigned char *p = (const unsigned char *)key; *p; p++)
		h = (h ^ *p) * 16777619u;
	return h % CACHE_SLOTS;
}

/* Whether every table an entry depends on is unchanged. */
static int fresh(const cache_slot *s, const int64_t ver[DB_SLOTS + 1])
{
	if (s->epoch != ver[DB_SLOTS])
		return 0;
	for (int i = 0; i < s->ndeps; i++)
		if (ver[s->deps[i].slot] != s->deps[i].v)
			return 0;
	return 1;
}

int cache_get(http_cache *c, const char *key, const int64_t ver[DB_SLOTS + 1], buf *out)
{
	int hit = 0;

	pthread_mutex_lock(&c->mu);
	cache_slot *s = &c->slot[slot_of(key)];
	if (s->key && strcmp(s->key, key) == 0 && fresh(s, ver)) {
		buf_reset(out);
		buf_putn(out, s->body, s->len);
		hit = 1;
	}
	pthread_mutex_unlock(&c->mu);
	return hit;
}

void cache_put(http_cache *c, const char *key, const int64_t ver[DB_SLOTS + 1],
	       const db_tables *reads, const char *body, size_t len)
{
	if (len > CACHE_MAX_BODY)
		return;
	char *k = xstrdup(key), *b = xmalloc(len ? len : 1);
	int n = 0;

	for (int i = 0; i < DB_SLOTS; i++)
		n += db_tables_has(reads, i);
	cache_dep *deps = xmalloc((size_t)(n ? n : 1) * sizeof *deps);
	n = 0;
	memcpy(b, body, len);
	for (int i = 0; i < DB_SLOTS; i++)
		if (db_tables_has(reads, i)) {
			deps[n].slot = i;
			deps[n++].v = ver[i];
		}
	pthread_mutex_lock(&c->mu);
	cache_slot *s = &c->slot[slot_of(key)];
	free(s->key);
	free(s->body);
	free(s->deps);
	s->key = k;
	s->body = b;
	s->len = len;
	s->deps = deps;
	s->ndeps = n;
	s->epoch = ver[DB_SLOTS];
	pthread_mutex_unlock(&c->mu);
}
