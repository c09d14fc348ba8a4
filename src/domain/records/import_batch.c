/*
 * import_batch.c - rows written in key order (see import_batch.h). Holds
 * copies of validated values; knows nothing of SQL beyond calling
 * rec_write_batch, nor of the temporary file beyond import_runs.h.
 *
 * A file of up to IB_ROWS rows is sorted in memory and written. A larger
 * one is sorted as a database sorts what does not fit in memory: each full
 * batch is sorted and set aside as a run (import_runs.c); at the end the
 * runs are merged and the merged rows written IB_ROWS at a time. So the
 * whole file reaches the store in one key order - one pass over the key
 * index whatever the file's size (a day's attendance touches each
 * project's place once, not once a batch) - and memory is the batch and
 * the runs' read buffers, nothing that grows with the file.
 */
#include "domain/records/import_batch.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/records/import_runs.h"

#define IB_ROWS 32768  /* rows per batch: a few MB to a few tens of MB */

typedef struct ib_row {
	long row;          /* the file row, for messages and ties */
	kind_val *vals;    /* k->nfields values in the batch's block */
	size_t key, klen;  /* its sort key: kbuf's bytes [key, key + klen) */
} ib_row;

struct import_batch {
	const kind *k;
	ib_row *rows;
	kind_val *block;   /* IB_ROWS * k->nfields values, allocated once */
	kind_val **ptrs;   /* each row's values, for rec_write_batch */
	int *status;       /* what rec_write_batch did with each row */
	int n;
	ir_keys keys;      /* the key fields, in the key index's order */
	buf kbuf;          /* the rows' sort keys, one after another */
	ir_file *runs;     /* the runs set aside, NULL until the first */
};

import_batch *ib_new(const kind *k)
{
	import_batch *b = xcalloc(1, sizeof *b);

	b->k = k;
	b->rows = xcalloc(IB_ROWS, sizeof *b->rows);
	b->block = xcalloc((size_t)IB_ROWS * (size_t)k->nfields, sizeof *b->block);
	b->ptrs = xcalloc(IB_ROWS, sizeof *b->ptrs);
	b->status = xcalloc(IB_ROWS, sizeof *b->status);
	ir_keys_of(k, &b->keys);
	return b;
}

/* Copies value v into slot dst. */
static void val_copy(kind_val *dst, const kind_val *v)
{
	if (!v->present) {
		kind_val_clear(dst);
		return;
	}
	kind_val_set(dst, v->s, strlen(v->s));
	dst->is_int = v->is_int;
	dst->i = v->i;
}

/* Appends a copy of the row to the batch; with_key: and notes its sort
 * key (rows merged from the runs come in order and need none). */
static void append(import_batch *b, const kind_val *vals, long row, int with_key)
{
	ib_row *r = &b->rows[b->n];

	r->row = row;
	r->vals = &b->block[(size_t)b->n * (size_t)b->k->nfields];
	b->n++;
	for (int i = 0; i < b->k->nfields; i++)
		if (vals[i].present)
			val_copy(&r->vals[i], &vals[i]);
	if (with_key) {
		r->key = b->kbuf.len;
		ir_key(&b->keys, r->vals, &b->kbuf);
		r->klen = b->kbuf.len - r->key;
	}
}

void ib_add(import_batch *b, const kind_val *vals, long row)
{
	append(b, vals, row, 1);
}

int ib_full(const import_batch *b)
{
	return b->n >= IB_ROWS;
}

/* qsort_r's comparison of two batch rows; ctx is the batch. */
static int row_cmp(const void *pa, const void *pb, void *ctx)
{
	const ib_row *a = pa, *b = pb;
	const char *keys = ((const import_batch *)ctx)->kbuf.p;

	return ir_key_cmp(keys + a->key, a->klen, a->row, keys + b->key, b->klen, b->row);
}

static void ib_clear(import_batch *b)
{
	for (int i = 0; i < b->n; i++)
		for (int f = 0; f < b->k->nfields; f++)
			kind_val_clear(&b->rows[i].vals[f]);
	b->n = 0;
	buf_reset(&b->kbuf);
}

static void sort_file_error(char *err, size_t errlen)
{
	snprintf(err, errlen, "无法写入导入排序用的临时文件 (cannot write the import's temporary "
		 "sort file in $TMPDIR: %s)", strerror(errno));
}

int ib_spill(import_batch *b, char *err, size_t errlen)
{
	int rc = 0;

	qsort_r(b->rows, (size_t)b->n, sizeof *b->rows, row_cmp, b);
	if (!b->runs)
		b->runs = ir_new(b->k);
	for (int i = 0; i < b->n && rc == 0; i++)
		rc = ir_put(b->runs, b->rows[i].vals, b->rows[i].row);
	if (rc == 0)
		rc = ir_end_run(b->runs);
	if (rc != 0)
		sort_file_error(err, errlen);
	ib_clear(b);
	return rc;
}

/* Writes the batch's rows (in key order) through w, counts them into res
 * and notes each in m; empties the batch. Returns 0, or -1 after
 * reporting the failed row. */
static int write_rows(import_batch *b, rec_writer *w, scan_mark *m, import_result *res,
		      ib_error_fn err, void *ctx)
{
	char msg[256];
	int bad = 0, rc = 0;

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

int ib_flush(import_batch *b, rec_writer *w, scan_mark *m, import_result *res,
	     ib_error_fn err, void *ctx)
{
	char msg[256];
	int rc = 0;

	if (!b->runs) {  /* it all fits in the batch */
		qsort_r(b->rows, (size_t)b->n, sizeof *b->rows, row_cmp, b);
		return write_rows(b, w, m, res, err, ctx);
	}
	if (b->n > 0 && ib_spill(b, msg, sizeof msg) != 0) {
		err(ctx, 0, msg);
		return -1;
	}
	ir_merge *mg = ir_merge_open(b->runs);
	if (!mg) {
		sort_file_error(msg, sizeof msg);
		err(ctx, 0, msg);
		return -1;
	}
	const kind_val *v;
	long row;
	while (rc == 0 && (v = ir_merge_next(mg, &row)) != NULL) {
		append(b, v, row, 0);
		if (ib_full(b))
			rc = write_rows(b, w, m, res, err, ctx);
	}
	if (rc == 0 && ir_merge_failed(mg)) {
		err(ctx, 0, "无法读回导入排序用的临时文件 (cannot read back the import's temporary sort file)");
		rc = -1;
	}
	if (rc == 0 && b->n > 0)
		rc = write_rows(b, w, m, res, err, ctx);
	ib_clear(b);
	ir_merge_close(mg);
	return rc;
}

void ib_free(import_batch *b)
{
	if (!b)
		return;
	ib_clear(b);
	ir_free(b->runs);
	buf_free(&b->kbuf);
	free(b->block);
	free(b->ptrs);
	free(b->status);
	free(b->rows);
	free(b);
}
