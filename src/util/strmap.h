/*
 * strmap.h - a hash map from byte-string keys to fixed-size values, for the
 * in-memory joins of the warning scan and the import's touched-key sets.
 *
 * Values are zero-initialised on insertion and never move (entries live in
 * chunks), so a pointer returned by strmap_put stays valid until
 * strmap_free. Iteration is in insertion order. No deletion: the maps are
 * built, read and dropped.
 */
#ifndef ANXIN_STRMAP_H
#define ANXIN_STRMAP_H

#include <stddef.h>

typedef struct strmap strmap;

/* A map whose values are valsize bytes (may be 0: a set). */
strmap *strmap_new(size_t valsize);
void strmap_free(strmap *m);
/* The value of key, or NULL. */
void *strmap_get(const strmap *m, const char *key, size_t len);
/* The value of key, inserted (zeroed) if absent; *created tells which
 * (created may be NULL). */
void *strmap_put(strmap *m, const char *key, size_t len, int *created);
size_t strmap_count(const strmap *m);
/* Entry i (0 <= i < count) in insertion order: its key (not
 * NUL-terminated; *len bytes) and value. */
void *strmap_at(const strmap *m, size_t i, const char **key, size_t *len);

#endif
