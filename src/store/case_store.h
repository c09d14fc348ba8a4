/*
 * case_store.h - the case engine's SQL (domain/cases/): numbers, the
 * engine's columns of a case type's table, the history, parties, links
 * and attachments that every case type shares.
 *
 * The store learns a type's table and columns from the case_tbl it is
 * handed (the type's declaration, by name only); it never names a case
 * type. The clue's own figures are clue_store.c's.
 */
#ifndef ANXIN_CASE_STORE_H
#define ANXIN_CASE_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "store/db.h"
#include "store/record.h"

/* What the store knows of a case type: its names. */
typedef struct case_tbl {
	const char *type;        /* "clue": the key of the shared tables */
	const kind *k;           /* its kind: table and row scope */
	const char *state_col, *opened_col, *street_col;
	const char *extra[4];    /* more date columns to read (deadline starts), NULL-ended */
} case_tbl;

/* The engine's columns of one case. */
typedef struct case_srow {
	int64_t id;
	char number[48], state[24], street[64], opened[11];
	char state_date[11], deadline[11];
	char basis[160];
	int returns;
	char merged_into[48];
	char extra[4][11];       /* the extra columns, in order ("" when NULL) */
} case_srow;

/* The next number of prefix in year, taken in the caller's transaction
 * (the row lock orders concurrent creators): *seq. Returns DB_OK or a
 * DB_* code. */
int case_store_seq_next(db *d, const char *prefix, int year, int64_t *seq);
/* Whether a case of t numbered number exists (any scope): 1, 0, -1. */
int case_store_exists(db *d, const case_tbl *t, const char *number);

/* Case number of t within scope into *r: 1 found, 0 not, -1 error. */
int case_store_find(db *d, const case_tbl *t, const char *number, const rec_scope *scope,
		    case_srow *r);

/* A scan of the cases of t in scope. */
typedef struct case_sfilter {
	const char *const *states;   /* NULL-ended; NULL = any */
	const char *street, *q, *from, *to;
} case_sfilter;
int64_t case_store_scan(db *d, const case_tbl *t, const case_sfilter *f, const rec_scope *scope,
			void (*cb)(void *ctx, const case_srow *r), void *ctx);

/* The new state of case number, with the day it began, the running
 * deadline (NULL none) and its basis; returns_add is added to returns.
 * DB_OK or a DB_* code. */
int case_store_set_state(db *d, const case_tbl *t, const char *number, const char *state,
			 const char *state_date, const char *deadline, const char *basis,
			 int returns_add);
/* Sets one column of case number to a text / integer value (NULL text =
 * NULL). col is a column name of the type's declaration, never user data. */
int case_store_set_text(db *d, const case_tbl *t, const char *number, const char *col,
			const char *value);
int case_store_set_int(db *d, const case_tbl *t, const char *number, const char *col,
		       int64_t value);

/* The text columns cols[0..n) of case number into out[] (malloc'd, NULL
 * for NULL; the caller frees). 1 found, 0 not, -1 error. */
int case_store_texts(db *d, const case_tbl *t, const char *number, const char *const *cols,
		     int n, char **out);

/* ---- history ---------------------------------------------------------- */

typedef struct case_sevent {
	int64_t id;
	const char *type, *number, *at, *on_date, *actor, *role, *action, *from_state,
		*to_state, *reason, *detail, *request_key;
} case_sevent;
int case_store_event_add(db *d, const case_sevent *e);
/* The event of request key key into *out (strings valid until the next
 * call): 1 found, 0 not, -1 error. */
int case_store_event_by_key(db *d, const char *key, case_sevent *out);
int64_t case_store_events(db *d, const char *type, const char *number,
			  void (*cb)(void *ctx, const case_sevent *e), void *ctx);

/* ---- parties, links, files --------------------------------------------- */

int case_store_party_add(db *d, const char *type, const char *number, const char *name,
			 const char *id_number, const char *phone);
int64_t case_store_parties(db *d, const char *type, const char *number,
			   void (*cb)(void *ctx, const char *name, const char *id_number,
				      const char *phone),
			   void *ctx);
/* A link (ignored when it exists). */
int case_store_link_add(db *d, const char *type, const char *number, const char *target_type,
			const char *target, const char *relation, const char *at);
int64_t case_store_links(db *d, const char *type, const char *number,
			 void (*cb)(void *ctx, const char *target_type, const char *target,
				    const char *relation, const char *at),
			 void *ctx);

typedef struct case_sfile {
	int64_t id, size;
	const char *sha256, *name, *mime, *uploaded_by, *uploaded_at;
} case_sfile;
int case_store_file_add(db *d, const char *type, const char *number, const case_sfile *f,
			int64_t *id);
int64_t case_store_file_count(db *d, const char *type, const char *number);
int64_t case_store_files(db *d, const char *type, const char *number,
			 void (*cb)(void *ctx, const case_sfile *f), void *ctx);
/* File id of case number into *f (strings valid until the next call in
 * this thread): 1, 0, -1. */
int case_store_file_get(db *d, const char *type, const char *number, int64_t id, case_sfile *f);

#endif
