/*
 * api_json.c - what the handlers share: the kind and the record id named
 * by a path's captures, a field's stored text, and the JSON form of a
 * record, of a list of records and of an aggregate table. Every api_*.c
 * file that shapes records takes these from here, so no two handler files
 * lean on each other for them. Reads go through store/record.h only (no
 * SQL); masking and scope are the caller's arguments, never guessed here.
 */
#include "http/api_json.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/money.h"

const kind *api_kind_arg(http_req *r, int i)
{
	const kind *k = i < r->nargs ? kind_find(r->args[i]) : NULL;

	if (!k)
		http_error(r, 404, "没有这种数据类型：%s", i < r->nargs ? r->args[i] : "");
	return k;
}

/* The name a reference field's id and name are given: its key without
 * the suffix that says what kind of key it is. */
static void ref_prefix(const char *key, char *out, size_t outlen)
{
	static const char *const suffixes[] = {"_id_number", "_uscc", "_code", "_no", NULL};
	size_t n = strlen(key);

	for (int i = 0; suffixes[i]; i++) {
		size_t m = strlen(suffixes[i]);
		if (n > m && strcmp(key + n - m, suffixes[i]) == 0) {
			n -= m;
			break;
		}
	}
	snprintf(out, outlen, "%.*s", (int)n, key);
}

/* ,"<ref>_id":…,"<ref>_name":… of one reference found. */
static void ref_json(buf *b, const field *f, int64_t rid, const char *name)
{
	char prefix[64];

	ref_prefix(f->key, prefix, sizeof prefix);
	buf_fmt(b, ",\"%s_id\":%lld,\"%s_name\":%j", prefix, (long long)rid, prefix, name);
}

/* Appends ,"<ref>_id":…,"<ref>_name":… for each reference of the row that
 * names an existing record. */
static void refs_json(buf *b, db *d, const kind *k, const kind_val *vals)
{
	for (int i = 0; i < k->nfields; i++) {
		const field *f = &k->fields[i];
		int64_t rid;
		char *name;

		if (!f->ref || !vals[i].present ||
		    !rec_ref_info(d, kind_find(f->ref), vals[i].s, &rid, &name))
			continue;
		ref_json(b, f, rid, name);
		free(name);
	}
}

void api_item_json(buf *b, const kind *k, int64_t id, const kind_val *vals,
		   int mask)
{
	api_item_json_refs(b, NULL, k, id, vals, mask);
}

/* The object of one record without its closing brace: "{"id":…" and
 * each field. Keys are identifiers (kinds.c), written without escaping;
 * the buffer grows once for the usual record. */
static void item_fields(buf *b, const kind *k, int64_t id, const kind_val *vals, int mask)
{
	char tmp[64];

	buf_reserve(b, 256 + (size_t)k->nfields * 48);
	buf_puts(b, "{\"id\":");
	buf_int(b, id);
	for (int i = 0; i < k->nfields; i++) {
		const field *f = &k->fields[i];
		const kind_val *v = &vals[i];
		buf_putn(b, ",\"", 2);
		buf_puts(b, f->key);
		buf_putn(b, "\":", 2);
		if (!v->present) {
			buf_putn(b, "null", 4);
			continue;
		}
		switch (f->type) {
		case FT_MONEY:
			buf_putc(b, '"');
			buf_money(b, v->i);
			buf_putc(b, '"');
			break;
		case FT_DEC2:
			dec2_format(v->i, tmp);
			buf_puts(b, tmp);
			break;
		case FT_INT:
			buf_int(b, v->i);
			break;
		case FT_BOOL:
			buf_puts(b, v->i ? "true" : "false");
			break;
		default:
			if (mask && (f->flags & F_PERSONAL)) {
				char m[128];
				kind_mask(f->type, v->s, m, sizeof m);
				buf_json(b, m);
			} else {
				buf_json(b, v->s);
			}
		}
	}
}

void api_item_json_refs(buf *b, db *d, const kind *k, int64_t id, const kind_val *vals,
			int mask)
{
	item_fields(b, k, id, vals, mask);
	if (d)
		refs_json(b, d, k, vals);
	buf_putc(b, '}');
}

static const char *const *ref_keys(const kind *k);

void api_item_json_row(buf *b, const kind *k, const rec_row *row, int mask)
{
	const char *const *keys = row->refs ? ref_keys(k) : NULL;

	item_fields(b, k, row->id, row->vals, mask);
	for (int i = 0; row->refs && i < k->nfields; i++) {
		if (!k->fields[i].ref || !row->vals[i].present || !row->refs[i].found)
			continue;
		if (!keys) {
			ref_json(b, &k->fields[i], row->refs[i].id, row->refs[i].name);
			continue;
		}
		/* the same bytes as ref_json, its keys written once (ref_tab) */
		buf_puts(b, keys[2 * i]);
		buf_int(b, row->refs[i].id);
		buf_puts(b, keys[2 * i + 1]);
		buf_json(b, row->refs[i].name);
	}
	buf_putc(b, '}');
}

/* Each kind's referenced kinds by field (api_ref_kinds), made once. */
#define REF_TAB 64
static struct {
	const kind *k;
	const kind **refs;
	char **keys;   /* per field: ,"<ref>_id": and ,"<ref>_name": */
} ref_tab[REF_TAB];
static pthread_once_t ref_once = PTHREAD_ONCE_INIT;

static void ref_tab_init(void)
{
	for (int n = 0; n < REF_TAB && KINDS[n]; n++) {
		const kind *k = KINDS[n];
		ref_tab[n].k = k;
		ref_tab[n].refs = xcalloc((size_t)k->nfields, sizeof *ref_tab[n].refs);
		ref_tab[n].keys = xcalloc((size_t)k->nfields * 2, sizeof *ref_tab[n].keys);
		for (int i = 0; i < k->nfields; i++) {
			char prefix[64];
			buf key = BUF_INIT;
			ref_tab[n].refs[i] = k->fields[i].ref ? kind_find(k->fields[i].ref) : NULL;
			ref_prefix(k->fields[i].key, prefix, sizeof prefix);
			buf_fmt(&key, ",\"%s_id\":", prefix);
			ref_tab[n].keys[2 * i] = buf_detach(&key);
			buf_fmt(&key, ",\"%s_name\":", prefix);
			ref_tab[n].keys[2 * i + 1] = buf_detach(&key);
		}
	}
}

/* The keys of k's references, or NULL for a kind not in KINDS. */
static const char *const *ref_keys(const kind *k)
{
	pthread_once(&ref_once, ref_tab_init);
	for (int n = 0; n < REF_TAB && ref_tab[n].k; n++)
		if (ref_tab[n].k == k)
			return (const char *const *)ref_tab[n].keys;
	return NULL;
}

const kind *const *api_ref_kinds(const kind *k)
{
	pthread_once(&ref_once, ref_tab_init);
	for (int n = 0; n < REF_TAB && ref_tab[n].k; n++)
		if (ref_tab[n].k == k)
			return ref_tab[n].refs;
	return NULL;
}

int api_parse_id(const char *s, int64_t *id)
{
	char *end;

	if (!s || !*s || strlen(s) > 18 || s[0] < '1' || s[0] > '9')
		return -1;
	*id = strtoll(s, &end, 10);
	return *end ? -1 : 0;
}

const char *api_field_str(const kind *k, const kind_val *vals, const char *key)
{
	int i = kind_key_index(k, key);

	return i >= 0 && vals[i].present && vals[i].s ? vals[i].s : "";
}

typedef struct items_ctx {
	db *d;        /* for the references' names */
	buf *b;
	const kind *k;
	int n;
	int mask;
} items_ctx;

/* rec_list_rows's callback of api_items_where: one item, comma-separated. */
static void items_cb(void *ctx, const rec_row *row)
{
	items_ctx *c = ctx;

	if (c->n++)
		buf_putc(c->b, ',');
	api_item_json_row(c->b, c->k, row, c->mask);
}

void api_items_where(buf *b, db *d, const kind *k, const char *key,
		     const char *value, const char *sort, int64_t limit,
		     const rec_scope *scope, int mask)
{
	rec_query q;
	items_ctx c = {d, b, k, 0, mask};

	rec_query_init(&q, k, scope);
	q.filters[0].field = kind_key_index(k, key);
	q.filters[0].op = REC_EQ;
	q.filters[0].value = value;
	q.nfilters = 1;
	if (sort) {
		q.desc = sort[0] == '-';
		q.sort_field = kind_key_index(k, sort + q.desc);
	}
	q.limit = limit;
	q.ref_kinds = api_ref_kinds(k);
	buf_putc(b, '[');
	rec_list_rows(d, &q, items_cb, &c);
	buf_putc(b, ']');
}

void api_table_json(buf *b, const stats_table *t)
{
	char tmp[32];

	buf_putc(b, '[');
	for (int row = 0; row < t->nrows; row++) {
		buf_puts(b, row ? ",{" : "{");
		for (int c = 0; c < t->ncols; c++) {
			const stats_cell *cell = stats_at(t, row, c);
			buf_fmt(b, "%s%j:", c ? "," : "", t->cols[c].name);
			switch (t->cols[c].type) {
			case ST_TEXT: buf_fmt(b, "%j", cell->s); break;
			case ST_INT: buf_fmt(b, "%lld", (long long)cell->i); break;
			case ST_MONEY: /* null: a sum out of range, never a wrong figure */
				if (cell->null)
					buf_puts(b, "null");
				else
					buf_fmt(b, "\"%m\"", cell->i);
				break;
			case ST_DEC2:
				dec2_format(cell->i, tmp);
				buf_puts(b, tmp);
				break;
			}
		}
		buf_putc(b, '}');
	}
	buf_putc(b, ']');
}
