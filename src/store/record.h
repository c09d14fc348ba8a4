/*
 * record.h - storage of the records of any kind, driven by its descriptor
 * (store/schema.h, filled by domain/kinds.c): upsert on the natural key, reference look-ups, and the
 * filtered, sorted, paged reads behind the list and detail APIs and the
 * exports.
 *
 * Column names in the SQL come from the descriptors (static identifiers);
 * every value is a bound parameter.
 */
#ifndef ANXIN_RECORD_H
#define ANXIN_RECORD_H

#include <stdint.h>

#include "store/db.h"
#include "store/schema.h"
#include "util/buf.h"

/* ---- writing ---------------------------------------------------------- */

typedef struct rec_writer rec_writer;

enum { REC_INSERTED = 1, REC_UPDATED = 2, REC_UNCHANGED = 3 };

rec_writer *rec_writer_new(db *d, const kind *k);
/* Upserts one validated row (values indexed like k->fields, derived ones
 * included). Returns REC_INSERTED / REC_UPDATED / REC_UNCHANGED, or -1 with
 * the database's message in err (e.g. a constraint). */
int rec_write(rec_writer *w, const kind_val *vals, char *err,
	      size_t errlen);
void rec_writer_free(rec_writer *w);
/* Writes n rows (each like rec_write's vals, in key order) and sets
 * status[i] to rec_write's answer for row i. On PostgreSQL the batch goes
 * through COPY and one upsert (record_bulk.c); on SQLite row by row.
 * Returns 0, or -1 with err and *failed_at (the row to blame). */
int rec_write_batch(rec_writer *w, kind_val *const *rows, int n, int *status, char *err,
		    size_t errlen, int *failed_at);
db *rec_writer_db(const rec_writer *w);
const kind *rec_writer_kind(const rec_writer *w);
/* What the bulk writer (record_bulk.c) remembers from one batch to the
 * next of the same writer: on PostgreSQL the last key it wrote, and the
 * key prefix of its last group of rows (all key_order columns but the
 * last) with how many keys under it this writer inserted; on SQLite the
 * largest key stored. Owned by the writer. */
typedef struct rec_bulk_carry {
	buf last_key;
	buf prefix;
	long inserted;
	int have_max;      /* SQLite: max holds the largest stored key */
	kind_val max[8];   /* its key_order fields (kind_key_fields) */
	int max_empty;     /* the table held no row */
} rec_bulk_carry;
rec_bulk_carry *rec_writer_carry(rec_writer *w);

/* ---- references --------------------------------------------------------- */

/* Whether a record of kind k whose single key field equals key exists.
 * Keeps a prepared statement per kind in a small cache owned by refs. */
typedef struct rec_refs rec_refs;
rec_refs *rec_refs_new(db *d);
int rec_refs_exists(rec_refs *r, const kind *k, const char *key);
void rec_refs_free(rec_refs *r);
/* The id and (when the kind has one) the name of the record of kind k whose
 * single key field equals key: 1 with *id set and *name malloc'd or NULL,
 * 0 when there is none. For showing a reference by name, with a link. */
int rec_ref_info(db *d, const kind *k, const char *key, int64_t *id, char **name);

/* ---- reading ------------------------------------------------------------ */

/* No prefix / LIKE operator on purpose: personal values are matched whole
 * (a prefix search would be a look-up oracle, docs/security.md). */
enum { REC_EQ, REC_GE, REC_LE };

typedef struct rec_filter {
	int field;          /* index into k->fields */
	int op;             /* REC_EQ ... */
	const char *value;  /* in stored form (validated by the caller) */
	int64_t ivalue;     /* for integer-stored fields */
	int is_int;
} rec_filter;

/* Row-level visibility (access control), applied by every read and write
 * check. Fail closed: a zero-initialised scope (kind REC_SCOPE_NOTHING) or
 * a NULL pointer matches no row at all; "everything" is the explicit kind
 * REC_SCOPE_ALL, given only to the district-wide roles (admin, inspector,
 * leader) and the CLI. Filled by the access layer (role_scope_of), never
 * by a handler. The strings are borrowed. */
typedef enum rec_scope_kind {
	REC_SCOPE_NOTHING = 0,  /* no row (the zero value) */
	REC_SCOPE_ALL,          /* every row: district-wide roles, the CLI */
	REC_SCOPE_STREET,       /* projects of street, and what hangs on them */
	REC_SCOPE_ENTERPRISE,   /* the enterprise uscc: docs/security.md's table */
	REC_SCOPE_BANK,         /* transactions of the accounts bank holds */
} rec_scope_kind;

typedef struct rec_scope {
	rec_scope_kind kind;
	const char *street;     /* REC_SCOPE_STREET */
	const char *uscc;       /* REC_SCOPE_ENTERPRISE */
	const char *bank;       /* REC_SCOPE_BANK: a code of the banks table */
	char today[11];         /* YYYY-MM-DD: "currently employed" is judged on it */
} rec_scope;

/* The scope that sees everything (district-wide roles, the CLI). */
rec_scope rec_scope_all(void);

#define REC_MAX_FILTERS 16
#define REC_MAX_EXTRA 4

/* A condition that is not a field filter (a project active on a date, its
 * highest open warning level, a worker's projects): " AND ..." SQL written
 * by the store (stats.c: a static string, never user data) with '?' for
 * its text arguments, in order. */
typedef struct rec_extra {
	const char *sql;
	const char *args[4];
	int nargs;
} rec_extra;

/* A figure shown beside each row of a page (stats.c: an account's balance,
 * a project's open warnings): a scalar subquery written by the store, a
 * static string, that names the row's table "t" (e.g. "t.code") and has
 * '?' for its text arguments, in order. */
typedef struct rec_xcol {
	const char *sql;
	const char *args[2];
	int nargs;
} rec_xcol;

#define REC_MAX_XCOLS 2

typedef struct rec_query {
	const kind *k;
	rec_filter filters[REC_MAX_FILTERS];
	int nfilters;
	const char *q;      /* substring over F_SEARCH fields; exact on keys */
	int q_personal;     /* q also matches F_PERSONAL fields (exactly); 0 =
			       never: for callers who see them masked */
	int sort_field;     /* index, or -1 for the kind's order_by */
	int desc;
	int64_t offset, limit;  /* limit 0 = all */
	rec_scope scope;
	rec_extra extra[REC_MAX_EXTRA];  /* stats_pred_* */
	int nextra;
	/* rec_list_rows only: for each field (indexed like k->fields) the
	 * kind it references, or NULL - the referenced records' ids and names
	 * are read in the same statement; NULL: none read */
	const kind *const *ref_kinds;
	rec_xcol xcols[REC_MAX_XCOLS];  /* stats_xcol_*: figures per row */
	int nxcols;
} rec_query;

/* Starts a query of kind k within scope (copied; NULL = nothing): the
 * scope is a mandatory argument, so no read can forget it. */
void rec_query_init(rec_query *q, const kind *k, const rec_scope *scope);
/* Counts the matching records. */
int64_t rec_count(db *d, const rec_query *q);
/* Calls cb for each matching record in order; vals are valid during the
 * call only. Returns the number of rows or -1 on a database error. */
typedef void (*rec_cb)(void *ctx, int64_t id, const kind_val *vals);
int64_t rec_list(db *d, const rec_query *q, rec_cb cb, void *ctx);
/* A referenced record as rec_list_rows finds it: found, its id and its
 * name (NULL when the kind has none). */
typedef struct rec_ref {
	int found;
	int64_t id;
	const char *name;
} rec_ref;

/* One row of rec_list_rows, valid during the call only: its id and values;
 * refs[i] for each field i that q->ref_kinds names (else not found); x[j]
 * the value of q->xcols[j], xnull[j] set when it is NULL - x is NULL when
 * the figures could not be read at all (the rows come without them). */
typedef struct rec_row {
	int64_t id;
	const kind_val *vals;
	const rec_ref *refs;
	const int64_t *x;
	const unsigned char *xnull;
} rec_row;

/* rec_list, with what q asks for beside the fields (ref_kinds, xcols): a
 * page's ids are chosen first (filters, scope, order, limit and offset,
 * as rec_list), then only their rows are read, their references joined
 * and their figures computed, in one statement per 256 rows. Returns the
 * number of rows or -1 on a database error. */
typedef void (*rec_row_cb)(void *ctx, const rec_row *row);
int64_t rec_list_rows(db *d, const rec_query *q, rec_row_cb cb, void *ctx);
/* Loads one record by id within scope (mandatory: NULL or zero finds
 * nothing) into vals (caller clears them with kind_val_clear). Returns 1
 * if found, 0 if not (or not in scope). */
int rec_get(db *d, const kind *k, int64_t id, const rec_scope *scope,
	    kind_val *vals);

/* ---- scope ------------------------------------------------------------- */

/* Appends " AND col IN (SELECT code FROM projects WHERE ...)" - the
 * projects s answers for: a street's, an enterprise's as owner or general
 * contractor, all for REC_SCOPE_ALL, none otherwise (" AND 0") - to sql,
 * and the values to bind, in order, to params (room for 8). Returns how
 * many. Used by project-level figures (stats.c, warn_query.c). */
int rec_scope_sql(const rec_scope *s, const char *col, buf *sql, const char **params);
/* Appends " AND <the rows of kind k that s sees>" for the table k->table
 * known as alias in the statement, and its values to params (room for
 * 16). Returns how many. The one definition of row-level scope. */
int rec_scope_rows_sql(const rec_scope *s, const kind *k, const char *alias, buf *sql,
		       const char **params);
/* Whether a record of k whose field key equals value exists within s. */
int rec_key_in_scope(db *d, const kind *k, const char *key, const char *value,
		     const rec_scope *s);

/* Answers of rec_in_scope. */
enum {
	REC_WRITE_OUT = 0,     /* outside the scope (or a kind it never writes) */
	REC_WRITE_OK = 1,
	REC_WRITE_READONLY,    /* seen, not written: a general contractor's view */
	REC_WRITE_RELIED,      /* a worker's bank card / phone another current
				* employer relies on: the bureau changes it */
	REC_WRITE_UNHELD,      /* an employment of a person whose data the
				* enterprise has not supplied itself */
};
/* Whether a principal of scope s may write the validated row vals of k
 * (REC_WRITE_*): the record it replaces (if any) and the row itself lie
 * in s's writable rows (docs/security.md, "Review findings (issue 7)").
 * REC_WRITE_OK for REC_SCOPE_ALL; REC_WRITE_OUT for a NULL / zero scope. */
int rec_in_scope(db *d, const kind *k, const kind_val *vals, const rec_scope *s);
/* Calls cb for every change of a worker's bank card noted since the last
 * call (migration 0004's trigger: old / new card, NULL when none), in
 * order, then forgets them; inside the writing transaction. Returns how
 * many, or -1 on a database error or when cb returned non-zero. */
typedef int (*rec_card_cb)(void *ctx, int64_t worker_id, const char *id_number,
			   const char *old_card, const char *new_card);
int rec_take_card_changes(db *d, rec_card_cb cb, void *ctx);
/* Records that enterprise uscc supplied the data of worker id_number
 * itself (it may then register an employment of that person). DB_OK or a
 * failure code. */
int rec_worker_supplied(db *d, const char *id_number, const char *uscc);

#endif
