/*
 * import_batch.c - rows written in key order (see import_batch.h). Holds
 * copies of validated values; knows nothing of files or of SQL beyond
 * calling rec_write_batch.
 */
#include "domain/records/import_batch.h"

#include <stdlib.h>
#include <string.h>

#define IB_ROWS 32768  /* rows per batch: a few MB to a few tens of MB */

typedef struct ib_row {
	long row;          /* the file row, for messages and ties */
	kind_val *vals;    /* k->nfields values in the batch's block */
} ib_row;

struct import_batch {
	const kind *k;
	ib_row *rows;
	kind_val *block;   /* IB_ROWS * k->nfields values, allocated once */
	kind_val **ptrs;   /* each row's values, for rec_write_batch */
	int *status;       /* what rec_write_batch did with each row */
	int n;
	int keys[8];       /* the key fields, in order */
	int nkeys;
};

import_batch *ib_new(const kind *k)
{
	import_batch *b = xcalloc(1, sizeof *b);

	b->k = k;
	b->rows = xcalloc(IB_ROWS, sizeof *b->rows);
	b->block = xcalloc((size_t)IB_ROWS * (size_t)k->nfields, sizeof *b->block);
	b->ptrs = xcalloc(IB_ROWS, sizeof *b->ptrs);
	b->status = xcalloc(IB_ROWS, sizeof *b->status);
	for (int i = 0; i < k->nfields && b->nkeys < 8; i++)
		if (k->fields[i].flags & F_KEY)
			b->keys[b->nkeys++] = i;
	return b;
}

void ib_add(import_batch *b, const kind_val *vals, long row)
{
	ib_row *r = &b->rows[b->n];

	r->row = row;
	r->vals = &b->block[(size_t)b->n * (size_t)b->k->nfields];
	b->n++;
	for (int i = 0; i < b->k->nfields; i++) {
		if (!vals[i].present)
			continue;
		kind_val_set(&r->vals[i], vals[i].s, strlen(vals[i].s));
		r->vals[i].is_int = vals[i].is_int;
		r->vals[i].i = vals[i].i;
	}
}

int ib_full(const import_batch *b)
{
	return b->n >= IB_ROWS;
}

/* Key order as the store's index orders it (text by bytes, numbers by
 * value), then file order; for qsort_r, ctx is the batch. */
static int row_cmp(const void *pa, const void *pb, void *ctx)
{
	const ib_row *a = pa, *b = pb;
	const import_batch *sorting = ctx;

	for (int i = 0; i < sorting->nkeys; i++) {
		const kind_val *x = &a->vals[sorting->keys[i]], *y = &b->vals[sorting->keys[i]];
		int c;
		if (x->is_int)
			c = (x->i > y->i) - (x->i < y->i);
		else
			c = strcmp(x->s ? x->s : "", y->s ? y->s : "");
		if (c)
			return c;
	}
	return (a->row > b->row) - (a->row < b->row);
}

static void ib_clear(import_batch *b)
{
	for (int i = 0; i < b->n; i++)
		for (int f = 0; f < b->k->nfields; f++)
			kind_val_clear(&b->rows[i].vals[f]);
	b->n = 0;
}

int ib_flush(import_batch *b, rec_writer *w, scan_mark *m, import_result *res,
	     ib_error_fn err, void *ctx)
{
	char msg[256];
	int rc = 0, bad = 0;

	qsort_r(b->rows, (size_t)b->n, sizeof *b->rows, row_cmp, b);
	for (int i = 0; i < b->n; i++)
		b->ptrs[i] = b->rows[i].vals;
	if (rec_write_batch(w, b->ptrs, b->n, b->status, msg, sizeof msg, &bad) != 0) {
		err(ctx, b->rows[bad].row, msg);
		rc = -1;
	} else {
		for (int i = 0; i < b->n; i++) {
			int wr = b->status[i];
			if (wr == REC_INSERTED)
				res->inserted++;
			else if (wr == REC_UPDATED)
				res->updated++;
			else
				res->unchanged++;
			scan_mark_row(m, b->rows[i].vals, wr);
		}
	}
	ib_clear(b);
	return rc;
}

void ib_free(import_batch *b)
{
	if (!b)
		return;
	ib_clear(b);
	free(b->block);
	free(b->ptrs);
	free(b->status);
	free(b->rows);
	free(b);
}
