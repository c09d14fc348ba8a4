/*
 * schema.c - the few operations on descriptors and values the store itself
 * needs (see schema.h): a column by its key, the key in its index's order,
 * and setting / clearing a value.
 * Pure: no database, no I/O. Parsing and checking values is the domain's
 * (domain/kind.c).
 */
#include "store/schema.h"

#include <stdlib.h>
#include <string.h>

#include "util/buf.h"

int kind_key_index(const kind *k, const char *key)
{
	for (int i = 0; i < k->nfields; i++)
		if (strcmp(k->fields[i].key, key) == 0)
			return i;
	return -1;
}

int kind_key_fields(const kind *k, int *out, int max)
{
	int n = 0;

	if (k->key_order) {
		for (int i = 0; k->key_order[i] && n < max; i++) {
			int f = kind_key_index(k, k->key_order[i]);
			if (f >= 0)
				out[n++] = f;
		}
		return n;
	}
	for (int i = 0; i < k->nfields && n < max; i++)
		if (k->fields[i].flags & F_KEY)
			out[n++] = i;
	return n;
}

void kind_val_clear(kind_val *v)
{
	if (v->s && v->s != v->small)
		free(v->s);
	v->s = NULL;
	v->present = 0;
	v->is_int = 0;
	v->i = 0;
}

void kind_val_set(kind_val *v, const char *s, size_t n)
{
	kind_val_clear(v);
	if (n < sizeof v->small) {
		memcpy(v->small, s, n);
		v->small[n] = 0;
		v->s = v->small;
	} else {
		v->s = xstrndup(s, n);
	}
	v->present = 1;
}
