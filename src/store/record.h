/*
 * record.h - storage of the records of any kind, driven by its descriptor
 * (domain/kind.h): upsert on the natural key, reference look-ups, and the
 * filtered, sorted, paged reads behind the list and detail APIs and the
 * exports.
 *
 * Column names in the SQL come from the descriptors (static identifiers);
 * every value is a bound parameter.
 */
#ifndef ANXIN_RECORD_H
#define ANXIN_RECORD_H

#include <stdint.h>

#include "domain/kind.h"
#include "store/db.h"
#include "util/buf.h"

/* ---- writing ---------------------------------------------------------- */

typedef struct rec_writer rec_writer;

enum { REC_INSERTED = 1, REC_UPDATED = 2, REC_UNCHANGED = 3 };

rec_writer *rec_writer_new(db *d, const kind *k);
/* Upserts one validated row (values indexed like k->fields, derived ones
 * included). Returns REC_INSERTED / REC_UPDATED / REC_UNCHANGED, or -1 with
 * the database's message in err (e.g. a constraint). */
int rec_write(rec_writer *w, const kind_val *vals, int64_t *id, char *err,
	      size_t errlen);
void rec_writer_free(rec_writer *w);

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

/* Row-level visibility (access control) applied by every read: a list of
 * streets, an enterprise or a bank; empty = no restriction. Filled by the
 * access layer, never by a handler. */
typedef struct rec_scope {
	const char *street;     /* only records of projects in this street */
	const char *uscc;       /* only records of this enterprise's projects */
} rec_scope;

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
} rec_query;

void rec_query_init(rec_query *q, const kind *k);
/* Counts the matching records. */
int64_t rec_count(db *d, const rec_query *q);
/* Calls cb for each matching record in order; vals are valid during the
 * call only. Returns the number of rows or -1 on a database error. */
typedef void (*rec_cb)(void *ctx, int64_t id, const kind_val *vals);
int64_t rec_list(db *d, const rec_query *q, rec_cb cb, void *ctx);
/* Loads one record by id into vals (caller clears them with
 * kind_val_clear). Returns 1 if found, 0 if not (or not in scope). */
int rec_get(db *d, const kind *k, int64_t id, const rec_scope *scope,
	    kind_val *vals);

/* ---- scope ------------------------------------------------------------- */

/* Whether s restricts nothing (NULL, or neither street nor USCC). */
int rec_scope_none(const rec_scope *s);
/* Appends " AND col IN (SELECT code FROM projects WHERE ...)" - the
 * projects s lets its holder see - to sql, and the values to bind, in
 * order, to params (room for 4). Returns how many (0 and nothing appended
 * when s restricts nothing). The one definition of "a project in scope",
 * shared with the dashboard's queries (stats.c). */
int rec_scope_sql(const rec_scope *s, const char *col, buf *sql, const char **params);
/* Whether a record of k whose field key equals value exists within s. */
int rec_key_in_scope(db *d, const kind *k, const char *key, const char *value,
		     const rec_scope *s);
/* Whether a scoped principal may write the validated row vals of k: the
 * record it replaces (if any) and the row itself lie in s. Always 1 for
 * an unrestricted s. Used by the HTTP layer's per-row import check. */
int rec_in_scope(db *d, const kind *k, const kind_val *vals, const rec_scope *s);

#endif
