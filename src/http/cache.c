/*
 * cache.c - the response cache (see cache.h): a direct-mapped table of
 * CACHE_SLOTS entries under one mutex, bodies up to CACHE_MAX_BODY bytes,
 * so at most CACHE_SLOTS * CACHE_MAX_BODY bytes are held.
 */
#include "http/cache.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "store/db.h"

#define CACHE_SLOTS 256
#define CACHE_MAX_BODY (256 * 1024)

typedef struct cache_slot {
	char *key;
	char *body;
	size_t len;
	int64_t version;
} cache_slot;

struct http_cache {
	pthread_mutex_t mu;
	db *watch;   /* read-only connection that only asks the data version */
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
	}
	db_close(c->watch);
	pthread_mutex_destroy(&c->mu);
	free(c);
}

int64_t cache_version(http_cache *c)
{
	pthread_mutex_lock(&c->mu);
	int64_t v = db_data_version(c->watch); /* its statement is kept prepared */
	pthread_mutex_unlock(&c->mu);
	return v;
}

/* FNV-1a: the slot of a key. */
static unsigned slot_of(const char *key)
{
	uint32_t h = 2166136261u;

	for (const unsigned char *p = (const unsigned char *)key; *p; p++)
		h = (h ^ *p) * 16777619u;
	return h % CACHE_SLOTS;
}

int cache_get(http_cache *c, const char *key, int64_t version, buf *out)
{
	int hit = 0;

	if (version < 0)
		return 0;
	pthread_mutex_lock(&c->mu);
	cache_slot *s = &c->slot[slot_of(key)];
	if (s->key && s->version == version && strcmp(s->key, key) == 0) {
		buf_reset(out);
		buf_putn(out, s->body, s->len);
		hit = 1;
	}
	pthread_mutex_unlock(&c->mu);
	return hit;
}

void cache_put(http_cache *c, const char *key, int64_t version,
	       const char *body, size_t len)
{
	if (version < 0 || len > CACHE_MAX_BODY)
		return;
	char *k = xstrdup(key), *b = xmalloc(len ? len : 1);
	memcpy(b, body, len);
	pthread_mutex_lock(&c->mu);
	cache_slot *s = &c->slot[slot_of(key)];
	free(s->key);
	free(s->body);
	s->key = k;
	s->body = b;
	s->len = len;
	s->version = version;
	pthread_mutex_unlock(&c->mu);
}
