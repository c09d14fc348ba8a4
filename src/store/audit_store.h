/*
 * audit_store.h - the SQL of the audit log (table audit_log, migration
 * 0002): read the head of the chain, append one row, scan rows in order with
 * optional filters. The chain itself (hashing, verification) is domain
 * logic in src/domain/access/audit.c; nothing here updates or deletes a row.
 */
#ifndef ANXIN_AUDIT_STORE_H
#define ANXIN_AUDIT_STORE_H

#include <stdint.h>

#include "store/db.h"

/* One row. Text fields are never NULL except before/after (NULL = none).
 * Rows passed to a scan callback point into the statement: valid during
 * the call only. */
typedef struct audit_row {
	int64_t seq;
	const char *time, *actor, *role, *address, *action;
	const char *object_kind, *object_key;
	const char *before, *after;  /* JSON text or NULL */
	const char *prev_hash, *hash;  /* 64 hex characters */
} audit_row;

/* Filters of a scan; NULL / 0 = any. since compares with the ISO time
 * text, so "2026-03-01" means from that day (UTC) on. */
typedef struct audit_filter {
	const char *actor;
	const char *action;
	const char *since;
	const char *until; /* time < until ("2026-03-02" = up to the end of 03-01) */
	int64_t limit;     /* 0 = all */
	int64_t offset;    /* rows skipped (with limit) */
	int newest_first;
	const char *object_kind;  /* with object_key: one record's rows */
	const char *object_key;
} audit_filter;

/* The last row's seq and hash (hash: 65 bytes). Returns 1, or 0 when the
 * log is empty, -1 on a database error. */
int audit_store_head(db *d, int64_t *seq, char hash[65]);
/* Whether actor has logged in successfully (a "login" row) from address
 * before: 1 yes, 0 no (an empty address never), -1 on a database error. */
int audit_store_login_seen(db *d, const char *actor, const char *address);
/* Inserts r as given (seq included). Returns DB_OK or a failure code. */
int audit_store_insert(db *d, const audit_row *r);
/* Calls cb for each row matching f (NULL = all) in seq order (or newest
 * first). Stops early when cb returns non-zero. Returns the number of rows
 * visited, or -1 on a database error. */
typedef int (*audit_row_cb)(void *ctx, const audit_row *r);
int64_t audit_store_scan(db *d, const audit_filter *f, audit_row_cb cb, void *ctx);
/* How many of the two append-only triggers are present (2 when intact). */
int audit_store_guards(db *d);

/* The audit journal (main file, migration 0005): a copy of each audit row
 * appended by a transaction that also wrote the main file, committed with
 * that file's data (audit.c explains why). */
int audit_store_journal(db *d, const audit_row *r);  /* DB_OK or a failure code */
/* Calls cb for each journaled row that has no matching row in audit_log
 * (same seq, time, actor, action, object key), in seq order; prev_hash and
 * hash are NULL. Returns the number of such rows, or -1 on an error. */
int64_t audit_store_unsettled(db *d, audit_row_cb cb, void *ctx);
/* Empties the journal. Returns DB_OK or a failure code. */
int audit_store_journal_clear(db *d);

#endif
