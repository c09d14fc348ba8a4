/*
 * import_batch.h - validated rows held back and written in key order.
 *
 * A file's rows are validated one by one, then kept in a batch of up to a
 * few ten thousand rows, which is sorted by the kind's key before the rows
 * are written. Rows in key order touch the key index's pages one after
 * another instead of at random, which is what makes a day's attendance
 * fast to add to a table of millions. Rows with the same key keep their
 * file order, so the last one still wins. Private to the import pipeline.
 */
#ifndef ANXIN_IMPORT_BATCH_H
#define ANXIN_IMPORT_BATCH_H

#include "domain/records/import.h"
#include "store/record.h"
#include "store/scan_mark.h"

typedef struct import_batch import_batch;

/* Reports a failed write of file row `row` (the pipeline's error list). */
typedef void (*ib_error_fn)(void *ctx, long row, const char *reason);

import_batch *ib_new(const kind *k);
/* Copies the row's values (k->nfields of them) into the batch. */
void ib_add(import_batch *b, const kind_val *vals, long row);
/* Whether the batch should be flushed before the next ib_add. */
int ib_full(const import_batch *b);
/* Writes the batch in key order through w, counting into res and noting
 * each written row in m; stops at the first failed write (reported with
 * its file row through err). Empties the batch. Returns 0 or -1. */
int ib_flush(import_batch *b, rec_writer *w, scan_mark *m, import_result *res,
	     ib_error_fn err, void *ctx);
void ib_free(import_batch *b);

#endif
