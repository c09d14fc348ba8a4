/*
 * clue_store.h - the clue's own SQL (domain/cases/clue_*.c): routing
 * look-ups, the duplicate check, review decisions and the figures of a
 * year by cases.md's definitions. The engine's shared SQL is
 * case_store.c's.
 */
#ifndef ANXIN_CLUE_STORE_H
#define ANXIN_CLUE_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "store/db.h"
#include "store/record.h"

/* The registered project with code (or, when code is NULL/empty, the one
 * project whose name is name): its code and street. 1 found, 0 not (or
 * several by that name), -1 error. */
int clue_store_project(db *d, const char *code, const char *name, char code_out[48],
		       char street[64]);
/* The registered enterprise with uscc (or the one named name): its USCC
 * and street (may be ""). 1, 0, -1. */
int clue_store_enterprise(db *d, const char *uscc, const char *name, char uscc_out[20],
			  char street[64]);
/* The clues other than number, not merged, received between from and to
 * (inclusive), about the same enterprise (USCC, or name when no USCC) or
 * the same project: cb with each number. Returns how many, or -1. */
int64_t clue_store_similar(db *d, const char *number, const char *uscc, const char *name,
			   const char *project, const char *from, const char *to,
			   void (*cb)(void *ctx, const char *number), void *ctx);
/* A new clue (the columns of its table; NULL = NULL, money in fen,
 * integers < 0 = NULL). */
typedef struct clue_store_new {
	const char *number, *received_date, *channel, *reporter_name, *reporter_id_number,
		*reporter_phone, *employer_name, *employer_uscc, *project_code, *street, *status;
	int64_t workers_claimed, amount_claimed;
	const char *description, *site_address, *state_date, *deadline, *deadline_basis,
		*query_hash, *opened_at, *opened_by;
} clue_store_new;
int clue_store_insert(db *d, const clue_store_new *c);

/* The reporter's view of a clue (no scope: the caller checked the query
 * code against query_hash). Strings are copied into the fixed fields. */
typedef struct clue_store_pub {
	char number[48], received_date[11], status[24], state_date[11], query_hash[65],
		merged_into[48];
	char *reply;   /* malloc'd or NULL */
} clue_store_pub;
/* 1 found, 0 not, -1 error. */
int clue_store_public(db *d, const char *number, clue_store_pub *out);

/* A review decision of clue number on day (seq: the next of that day).
 * DB_OK or a DB_* code. */
int clue_store_review_add(db *d, const char *number, const char *day, const char *result,
			  const char *reason);
/* The day of the clue's last `return` decision into day ("" none): 0 / -1. */
int clue_store_last_return(db *d, const char *number, char day[11]);

/* The year's raw figures, in scope (and street when given); k is the
 * clue's kind (its table and row scope). */
typedef struct clue_store_fig {
	const char *street;
	int month;                  /* 1..12 */
	int64_t received;           /* received that month */
	int64_t decisions, passes;  /* review decisions made that month */
} clue_store_fig;
/* Received clues and review decisions of year y by street and month. */
int clue_store_year(db *d, const kind *k, int y, const char *street, const rec_scope *scope,
		    void (*cb)(void *ctx, const clue_store_fig *f), void *ctx);
/* Each clue resolved in year y (a pass decision dated in y): its street,
 * the month of its last pass in y, conclusion (0 none), workers and fen. */
int clue_store_resolved(db *d, const kind *k, int y, const char *street, const rec_scope *scope,
			void (*cb)(void *ctx, const char *street, int month, int conclusion,
				   int64_t workers, int64_t fen),
			void *ctx);

#endif
