/*
 * audit.h - the tamper-evident audit log (审计日志): who did what, when, from
 * where, to which object, with the before/after state.
 *
 * Rows are chained: hash = SHA-256(prev_hash || canonical content), the
 * first row's prev_hash being 64 zeros. The canonical content is seq, time,
 * actor, role, address, action, object kind, object key, before and after,
 * each written as "<byte length>:<bytes>\n" ("-\n" for NULL), so no two
 * different rows serialise alike. Because seq is hashed, a re-ordered or
 * renumbered row breaks the chain as surely as an edited one; a deleted row
 * leaves a gap. Only truncation of the newest rows cannot be seen from the
 * table alone: record the head hash that verify prints somewhere else.
 *
 * audit_append writes in the caller's transaction, so the change and its
 * record commit or roll back together.
 */
#ifndef ANXIN_AUDIT_H
#define ANXIN_AUDIT_H

#include <stddef.h>
#include <stdint.h>

#include "store/audit_store.h"
#include "store/db.h"

/* Who acts: "alice" (a person), "token:7" (a machine) or "cli:root". role
 * is a role code or "cli"; address the client address ("" on the CLI). */
typedef struct audit_actor {
	const char *actor;
	const char *role;
	const char *address;
} audit_actor;

typedef struct audit_entry {
	const audit_actor *who;
	int64_t now;               /* Unix seconds; written as UTC ISO */
	const char *action;        /* import, create, update, reveal, export_unmasked,
				      login, login_failed, user_add, param_set, ... */
	const char *object_kind;   /* "workers", "user", "token", "" */
	const char *object_key;    /* natural key, username, file name, "" */
	const char *before;        /* JSON or NULL */
	const char *after;         /* JSON or NULL */
} audit_entry;

#define AUDIT_HASH_HEX 65

/* Appends e as the next row of the chain (in the desk file). Must run
 * inside the caller's write transaction (db_begin, db_begin_desk or
 * db_begin_main), which orders concurrent writers; it takes the desk's
 * write lock if the transaction does not hold it yet. In a transaction
 * that writes the main file the row is also journaled there (and older
 * journaled rows lost in a crash are appended first): see audit_reconcile.
 * Returns 0, or -1 on a database error (the caller rolls back). */
int audit_append(db *d, const audit_entry *e);

/* Appends again the audit rows of main-file transactions whose desk
 * commit was lost (a crash between the two files' commits), in its own
 * transaction; cheap and lock-free when there are none (the usual case).
 * Called when the server starts and by every CLI command that writes.
 * Returns the number of rows appended, or -1 on a database error. */
int64_t audit_reconcile(db *d);

/* Appends one bank_card_change row per change of a worker's bank card
 * the current write transaction made (object: the worker's id; before /
 * after {"bank_card": masked}), as who, or as "system" when who is NULL.
 * Returns 0, or -1 on a database error (the caller rolls back). */
int audit_card_changes(db *d, const audit_actor *who, int64_t now);

/* The hex SHA-256 of prev_hash and the canonical content of r (r->hash is
 * ignored). out: AUDIT_HASH_HEX bytes. */
void audit_row_hash(const audit_row *r, const char *prev_hash, char out[AUDIT_HASH_HEX]);

typedef struct audit_verify_result {
	int ok;
	int64_t rows;          /* rows checked */
	int64_t bad_seq;       /* the first bad row (its seq), 0 when ok */
	char reason[256];      /* why it is bad */
	char head[AUDIT_HASH_HEX]; /* hash of the last good row */
	int guards;            /* append-only triggers present (2 = intact) */
} audit_verify_result;

/* The audit log's rows matching f, in order (seq, or newest first), each
 * passed to cb (which may stop early with non-zero): the one read behind
 * `anxin audit list`, GET /api/v1/audit and a worker's bank-card history.
 * Returns the number of rows visited, or -1 on a database error. */
int64_t audit_list(db *d, const audit_filter *f, audit_row_cb cb, void *ctx);

/* Recomputes the whole chain in seq order: seq must run 1, 2, 3 ... with no
 * gap, each prev_hash must equal the previous row's hash, each hash must
 * match the row's content. Stops at the first bad row. Returns 0 when the
 * chain is intact, 1 when not, -1 on a database error. */
int audit_verify(db *d, audit_verify_result *res);

/* ---- labels: how the log reads to a person (issue 8) ---------------------- */

/* A code and its Chinese label. Tables end with {NULL, NULL}. */
typedef struct audit_label {
	const char *code, *zh;
} audit_label;
/* Every action the log records (login, warning_eliminate, ...). */
extern const audit_label AUDIT_ACTIONS[];
/* Object kinds that are not record kinds (user, token, warnings, params). */
extern const audit_label AUDIT_OBJECTS[];
/* Keys of before / after that are not record fields (status, assignee,
 * reason, rows, ...), and values that are codes (open, handling, true);
 * values are labelled only for coded keys (role, status, level, result,
 * format, header, form) and booleans, so a user name "admin" stays one. */
extern const audit_label AUDIT_FIELDS[];
extern const audit_label AUDIT_VALUES[];
/* The label of code in table t, or code itself when the table has none. */
const char *audit_label_of(const audit_label *t, const char *code);

#endif
