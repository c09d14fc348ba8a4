/*
 * strmap.c - open-addressing hash map of byte strings (see strmap.h).
 * Keys are copied into large arena blocks; entries are kept in chunks of
 * STRMAP_CHUNK so that values never move; the slot table holds entry
 * numbers + 1 and is doubled at 50% load. FNV-1a hashing.
 */
#include "util/strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"

#define STRMAP_CHUNK 4096
#define STRMAP_ARENA (1u << 20)

typedef struct entry {
	uint64_t hash;
	const char *key;
	size_t len;
	/* value follows, aligned to 8 */
} entry;

struct strmap {
	size_t valsize, esize;
	char **chunks;
	size_t nchunks;
	size_t count;
	uint32_t *slots;
	size_t nslots;       /* power of two */
	char *arena;         /* current key block */
	size_t arena_used, arena_cap;
	char **blocks;       /* all key blocks, for freeing */
	size_t nblocks;
};

static uint64_t strmap_hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h ^ (h >> 29);
}

strmap *strmap_new(size_t valsize)
{
	strmap *m = xcalloc(1, sizeof *m);

	m->valsize = valsize;
	m->esize = sizeof(entry) + ((valsize + 7) & ~(size_t)7);
	m->nslots = 64;
	m->slots = xcalloc(m->nslots, sizeof *m->slots);
	return m;
}

void strmap_free(strmap *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->nchunks; i++)
		free(m->chunks[i]);
	for (size_t i = 0; i < m->nblocks; i++)
		free(m->blocks[i]);
	free(m->chunks);
	free(m->blocks);
	free(m->slots);
	free(m);
}

static entry *strmap_entry(const strmap *m, size_t i)
{
	return (entry *)(m->chunks[i / STRMAP_CHUNK] + (i % STRMAP_CHUNK) * m->esize);
}

/* Copies a key into the arena (a big key gets its own block). */
static const char *strmap_keep(strmap *m, const char *key, size_t len)
{
	if (len > STRMAP_ARENA / 4) {
		char *b = xmalloc(len ? len : 1);
		memcpy(b, key, len);
		m->blocks = xrealloc(m->blocks, (m->nblocks + 1) * sizeof *m->blocks);
		m->blocks[m->nblocks++] = b;
		return b;
	}
	if (!m->arena || m->arena_used + len > m->arena_cap) {
		m->arena = xmalloc(STRMAP_ARENA);
		m->arena_cap = STRMAP_ARENA;
		m->arena_used = 0;
		m->blocks = xrealloc(m->blocks, (m->nblocks + 1) * sizeof *m->blocks);
		m->blocks[m->nblocks++] = m->arena;
	}
	char *p = m->arena + m->arena_used;
	memcpy(p, key, len);
	m->arena_used += len;
	return p;
}

static void strmap_grow(strmap *m)
{
	size_t n = m->nslots * 2;
	uint32_t *s = xcalloc(n, sizeof *s);

	for (size_t i = 0; i < m->count; i++) {
		size_t j = strmap_entry(m, i)->hash & (n - 1);
		while (s[j])
			j = (j + 1) & (n - 1);
		s[j] = (uint32_t)(i + 1);
	}
	free(m->slots);
	m->slots = s;
	m->nslots = n;
}

void *strmap_get(const strmap *m, const char *key, size_t len)
{
	uint64_t h = strmap_hash(key, len);

	for (size_t j = h & (m->nslots - 1); m->slots[j]; j = (j + 1) & (m->nslots - 1)) {
		entry *e = strmap_entry(m, m->slots[j] - 1);
		if (e->hash == h && e->len == len && memcmp(e->key, key, len) == 0)
			return e + 1;
	}
	return NULL;
}

void *strmap_put(strmap *m, const char *key, size_t len, int *created)
{
	uint64_t h = strmap_hash(key, len);
	size_t j;

	for (j = h & (m->nslots - 1); m->slots[j]; j = (j + 1) & (m->nslots - 1)) {
		entry *e = strmap_entry(m, m->slots[j] - 1);
		if (e->hash == h && e->len == len && memcmp(e->key, key, len) == 0) {
			if (created)
				*created = 0;
			return e + 1;
		}
	}
	if (m->count % STRMAP_CHUNK == 0 && m->count / STRMAP_CHUNK == m->nchunks) {
		m->chunks = xrealloc(m->chunks, (m->nchunks + 1) * sizeof *m->chunks);
		m->chunks[m->nchunks++] = xmalloc(STRMAP_CHUNK * m->esize);
	}
	entry *e = strmap_entry(m, m->count);
	memset(e, 0, m->esize);
	e->hash = h;
	e->key = strmap_keep(m, key, len);
	e->len = len;
	m->slots[j] = (uint32_t)(++m->count);
	if (m->count * 2 > m->nslots)
		strmap_grow(m);
	if (created)
		*created = 1;
	return e + 1;
}

size_t strmap_count(const strmap *m)
{
	return m->count;
}

void *strmap_at(const strmap *m, size_t i, const char **key, size_t *len)
{
	entry *e = strmap_entry(m, i);
	if (key)
		*key = e->key;
	if (len)
		*len = e->len;
	return e + 1;
}
