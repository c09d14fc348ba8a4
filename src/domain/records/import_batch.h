/*
 * import_batch.h - validated rows held back and written in key order.
 *
 * A file's rows are validated one by one, then kept in a batch of a few
 * ten thousand rows; a full batch is sorted by the kind's key (in its
 * index's order, kind.key_order) and set aside in a temporary file as a
 * sorted run. At the end the runs are merged, and the whole file is
 * written in one key order: one pass over the key index's pages instead
 * of one a batch, which is what makes a day's attendance fast to add to a
 * table of millions; memory stays bounded whatever the file's size. Rows
 * with the same key keep their file order, so the last one still wins.
 * Private to the import pipeline.
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
/* Whether the batch must be set aside (ib_spill) before the next ib_add. */
int ib_full(const import_batch *b);
/* Sorts the batch and appends it to the temporary file ($TMPDIR) as a
 * run; empties the batch. Returns 0, or -1 with the reason in err. */
int ib_spill(import_batch *b, char *err, size_t errlen);
/* Writes every row added, in key order, through w, counting into res and
 * noting each written row in m; stops at the first failed write
 * (reported with its file row through err). Empties the batch. Returns 0
 * or -1. */
int ib_flush(import_batch *b, rec_writer *w, scan_mark *m, import_result *res,
	     ib_error_fn err, void *ctx);
void ib_free(import_batch *b);

#endif
