/*
 * import_runs.h - sorted runs of validated rows in a temporary file, and
 * their merge back into one key order: the part of an external sort that
 * import_batch.c (the batch held in memory) does not do itself.
 *
 * A run is a sequence of rows already in key order. The file is created
 * unlinked in $TMPDIR (or /tmp) on the first run, so it disappears with
 * the process whatever happens. Merging reads IR_FANIN runs at a time
 * through small buffers, in more than one pass past that many runs, so
 * memory stays bounded whatever the number of rows. Private to the import
 * pipeline.
 */
#ifndef ANXIN_IMPORT_RUNS_H
#define ANXIN_IMPORT_RUNS_H

#include "domain/records/kind.h"
#include "util/buf.h"

/* ---- the sort key ---------------------------------------------------------- */

/* The key fields of k in its index's order (kind.key_order), for the
 * sort key. */
typedef struct ir_keys {
	int f[8];
	int n;
} ir_keys;

void ir_keys_of(const kind *k, ir_keys *ks);
/* Appends the sort key of a row to out: byte order of two sort keys
 * (memcmp) is the order of the rows in the key index. */
void ir_key(const ir_keys *ks, const kind_val *vals, buf *out);
/* Key order, then file row (the last row of a key comes last, so it wins
 * when written). */
int ir_key_cmp(const char *ka, size_t la, long ra, const char *kb, size_t lb, long rb);

/* ---- the runs ---------------------------------------------------------- */

typedef struct ir_file ir_file;

ir_file *ir_new(const kind *k);
void ir_free(ir_file *f);
/* Appends a row (kind_vals of k, its file row) to the run being written;
 * rows must come in key order. Returns 0, or -1 with errno set. */
int ir_put(ir_file *f, const kind_val *vals, long row);
/* Ends the run being written. Returns 0, or -1 with errno set. */
int ir_end_run(ir_file *f);
int ir_runs(const ir_file *f);

/* ---- merging ----------------------------------------------------------- */

typedef struct ir_merge ir_merge;

/* Opens the merge of every run (merging the oldest into one first while
 * there are more than IR_FANIN). NULL with errno set when that fails. */
ir_merge *ir_merge_open(ir_file *f);
/* The next row in key order (its values, valid until the next call, and
 * its file row), or NULL at the end or on a read error (ir_merge_failed). */
const kind_val *ir_merge_next(ir_merge *m, long *row);
int ir_merge_failed(const ir_merge *m);
void ir_merge_close(ir_merge *m);

#endif
