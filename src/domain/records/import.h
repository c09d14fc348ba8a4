/*
 * import.h - the import pipeline (导入): file -> rows -> validated records ->
 * one transaction.
 *
 * Every record that enters anxin comes through here, whatever its source:
 * a CSV/XLSX file (CLI or upload), a JSON object (API) or a generator
 * (demo). The rules of data-exchange.md apply to all of them: header by
 * English key or Chinese name, every cell validated by its field type,
 * cross-field checks, references to existing records, all rows or none, an
 * error report listing every bad row (file, row, column, value, reason) up
 * to a limit, and idempotent upsert by the kind's key.
 */
#ifndef ANXIN_IMPORT_H
#define ANXIN_IMPORT_H

#include <stdint.h>

#include "domain/records/kind.h"
#include "store/db.h"
#include "util/buf.h"

struct import_result;
typedef struct import_result import_result;

typedef struct import_opts {
	const char *kind;     /* NULL: deduce from the header */
	int ignore_unknown;   /* unknown columns are skipped, not an error */
	int max_errors;       /* errors listed in the report (0 = 1000) */
	int progress;         /* print rows/s and ETA to stderr */
	/* When set, a committed file (or session) appends one "import" row
	 * to the audit log - kind, file name, counts - in its transaction,
	 * at time now (Unix seconds). */
	const struct audit_actor *audit;
	int64_t now;
	/* Optional access check (the HTTP layer's): called once with vals
	 * NULL when the kind is known (may this caller write k at all?), then
	 * for every row that passed validation, inside the transaction. It
	 * returns NULL to accept, or a reason (static or owned by ctx) that
	 * becomes a row error on the field *fkey - so a row outside the
	 * caller's scope is reported like any bad row and nothing is
	 * written. */
	const char *(*check)(void *ctx, const kind *k, const kind_val *vals,
			     const char **fkey);
	/* Optional hook run inside the transaction just before it commits
	 * (after every row was written): e.g. the API's create/update audit
	 * row. Non-zero rolls everything back. */
	int (*on_commit)(void *ctx, db *d, const import_result *res);
	void *ctx;            /* for check and on_commit */
} import_opts;

typedef struct import_error {
	long row;             /* 1 = header; 0 = the file as a whole */
	char column[16];      /* spreadsheet letter, "" when not a cell */
	char *header;         /* the column's name as written in the file */
	const char *field;    /* the English key */
	char *value;
	char *reason;
} import_error;

struct import_result {
	const kind *k;
	char *file;           /* display name used in messages */
	const char *encoding;
	long rows;            /* data rows read */
	long inserted, updated, unchanged;
	long nerrors;         /* all errors found */
	import_error *errors; /* the first max_errors of them */
	long nlisted;
	int committed;
	double seconds;
};

/* Imports one file. Returns 0 when committed; -1 when nothing was written
 * (res lists why). res must be freed with import_result_free. */
int import_file(db *d, const char *path, const char *display_name,
		const import_opts *o, import_result *res);

/* Programmatic rows: begin with the column names, add rows, end. Errors go
 * to res as for a file (row numbers count from 2, as if after a header). */
typedef struct import_sess import_sess;
import_sess *import_begin(db *d, const kind *k, const char *const *cols,
			  int ncols, const import_opts *o, import_result *res);
/* Validates and (while the session has no error) writes one row. Returns
 * 0 if the row was good, -1 if it was reported. */
int import_row(import_sess *s, const char *const *cells, int ncells);
/* Commits when there were no errors and commit is set, else rolls back.
 * Frees s. Returns 0 when committed. */
int import_end(import_sess *s, int commit);

void import_result_free(import_result *res);
/* The report as JSON: {"ok":..,"kind":..,"rows":..,"inserted":..,
 * "updated":..,"unchanged":..,"error_count":..,"errors":[{"file","row",
 * "column","header","field","value","reason"}],"truncated":..}. */
void import_result_json(const import_result *res, buf *out);
/* The report as text lines for a terminal. */
void import_result_text(const import_result *res, buf *out);

/* The kind whose columns the header names: every column known, every
 * required column present, exactly one kind. NULL if none or ambiguous;
 * *why explains. */
const kind *import_detect_kind(const char *const *cols, int ncols,
			       const char **why);

#endif
