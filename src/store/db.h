/*
 * db.h - the backend-neutral database handle of anxin.
 *
 * Everything above src/store talks to the database through this interface
 * and through the store_* functions of the other headers in this folder;
 * no SQL exists outside src/store. Two backends implement it (db.c
 * dispatches, db_backend.h): SQLite (db_sqlite.c), chosen by a file name,
 * and PostgreSQL (db_pg.c, libpq; also a Citus coordinator), chosen by a
 * connection URI "postgresql://..." or "postgres://...". The store's SQL is
 * written once in the subset both understand; what differs is asked of
 * db_dialect() in the few places that need it (see docs/architecture.md,
 * "Two dialects").
 *
 * SQL written here uses '?' placeholders, bound parameters only: no SQL is
 * ever built from user data. A statement keeps its SQL so that an error can
 * say which statement failed.
 *
 * One return convention for every call of src/store (this file's and the
 * store_* functions of the other headers):
 *   - a call that changes something (insert, update, delete, a
 *     transaction, a file stored) returns DB_OK (0), or the DB_* code of
 *     its failure: DB_CONSTRAINT, DB_BUSY, DB_ERROR. Test it with
 *     `!= DB_OK`, never `< 0`.
 *   - a call that answers a question returns the answer: a count, 1 found /
 *     0 not found, or 0 when it filled its out-parameters or called its
 *     callback for every row - and -1 on a database error. rec_write, which
 *     says what it did (REC_INSERTED / REC_UPDATED / REC_UNCHANGED), answers
 *     this way too. Test it with `< 0` for the error.
 * db_step alone is a cursor: DB_ROW, DB_DONE or a failure code.
 */
#ifndef ANXIN_DB_H
#define ANXIN_DB_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

typedef struct db db;
typedef struct db_stmt db_stmt;

enum {
	DB_OK = 0,
	DB_ROW = 1,        /* db_step: a row is ready */
	DB_DONE = 2,       /* db_step: no (more) rows */
	DB_CONSTRAINT = 3, /* a UNIQUE / FOREIGN KEY / CHECK was violated */
	DB_BUSY = 4,       /* locked by another writer past the timeout */
	DB_ERROR = 5       /* anything else; see db_errmsg() */
};

enum { DB_DIALECT_SQLITE = 1, DB_DIALECT_PG = 2 };

/* Which SQL dialect d speaks (DB_DIALECT_*). */
int db_dialect(db *d);

/* The statements whose text differs between the dialects, each backend's
 * text kept in its own file (db_sqlite.c, db_pg.c): the store asks for
 * them by name. */
typedef enum db_sql_id {
	DB_SQL_TABLES_MAIN,    /* count of the records' tables (0: no schema) */
	DB_SQL_TABLES_DESK,    /* count of the desk's tables */
	DB_SQL_LAST_SCAN_END,  /* unix time the last scan ended, 0 if none */
	DB_SQL_AUDIT_GUARDS,   /* count of the audit log's append-only triggers */
	DB_SQL_VERSIONS,       /* name, v: every table's change counter */
	DB_SQL_VERSION_OF,     /* the sum of two tables' counters (?1, ?2) */
	DB_SQL_COUNT
} db_sql_id;
const char *db_sql(db *d, db_sql_id id);
/* The folder beside the database for content-addressed files (evidence):
 * FILE-files for a SQLite file, $ANXIN_FILES (default ./anxin-files) for
 * PostgreSQL; NULL for an in-memory database. Caller frees. */
char *db_files_dir(db *d);
/* Whether path names a PostgreSQL database (a libpq URI) rather than a
 * SQLite file. */
int db_is_uri(const char *path);
/* Writes into out a form of the database name fit to print: a URI with
 * its password (if any) replaced by "***". Returns out. */
char *db_display_name(const char *path, char *out, size_t outlen);

enum {
	DB_OPEN_CREATE = 1,   /* create the file if missing */
	DB_OPEN_READONLY = 2, /* query only */
	DB_OPEN_BULK = 4,     /* for the importer: a small page cache, and no
				 foreign-key probes (it checks references itself) */
	DB_OPEN_UPGRADE = 8   /* migrate a file of an older schema (`anxin init`,
				 after its backup); without it db_open refuses one */
};

/*
 * Opens (and with DB_OPEN_CREATE creates) the database file, with WAL,
 * foreign keys and a busy timeout, attaches its desk file (below) and
 * brings the schema up to date with the numbered migrations. Returns NULL
 * with a message in err. A file of a newer schema than this binary's is
 * refused before anything is written to it; one of an older schema is
 * refused too unless flags has DB_OPEN_UPGRADE (only `anxin init`, which
 * takes db_snapshot first): an upgrade is a deliberate, backed-up step.
 *
 * Two files, two write locks. The main file holds the records (imports,
 * scans' bookkeeping, parameters, tokens); the desk file, FILE-desk beside
 * it and attached as schema "desk", holds what short interactive writes
 * touch: users and their log-in state, sessions, the audit log, warnings
 * and their history. SQLite allows one writer per file, so a log-in never
 * waits for an import that holds the main file's lock for minutes. Table
 * names are unique across both files, so SQL names them unqualified.
 * See docs/architecture.md, "Two write lanes".
 *
 * With a URI, the database is PostgreSQL: it must exist (the operator
 * creates it, `createdb`); an empty one gets the schema (DB_OPEN_CREATE),
 * all tables in one database. The two lanes are two advisory locks there,
 * with the same meaning (db_begin_desk / db_begin_main below).
 */
db *db_open(const char *path, int flags, char *err, size_t errlen);
/* The desk file of the database at path: path + "-desk" (":memory:" for
 * an in-memory database). Returns out. */
char *db_desk_path(const char *path, char *out, size_t outlen);
void db_close(db *d);
/* The schema version of the database file at path, read without changing
 * anything (read-only, nothing attached, no migration): 0 for a missing or
 * new file, -1 with err when it is not a database. */
int db_file_schema(const char *path, char *err, size_t errlen);
/*
 * Copies the database at path - its main file, desk file and evidence
 * folder (FILE-files) - to the new names to, to-desk and to-files: each
 * database file consistently (SQLite's online backup, read-only on the
 * source), the copies 0600. Refuses when to exists. For the backup `anxin
 * init` takes before an upgrade; not verified, no retention (that is
 * `anxin backup`'s job). Returns 0, or -1 with err.
 */
int db_snapshot(const char *path, const char *to, char *err, size_t errlen);
/*
 * Deletes the database at path: the main file, its desk file and their
 * journals (-wal, -shm), but only when path is missing or is a database
 * of this backend (an empty file counts), so that a mistyped --force never
 * eats an unrelated file. Returns NULL when done (also when there was
 * nothing), else why not. For a PostgreSQL URI: drops everything in the
 * database's schema (public), but only when it is empty or holds an anxin
 * schema; the database itself stays.
 */
const char *db_remove_files(const char *path);
const char *db_errmsg(db *d);
/* For messages that reach a client (an import report, an API answer): logs
 * the database's own message to standard error with what (the operation)
 * and returns a fixed text that names no table, column or statement. */
const char *db_error_public(db *d, const char *what);
/* Sets how long a statement waits for another writer's lock (ms; 0 = fail
 * at once with DB_BUSY). The default is 10 s; the HTTP server uses 0 for
 * its best-effort bookkeeping writes (session and token last use), so an
 * HTTP thread never waits behind a long import. */
void db_busy_timeout(db *d, int ms);
/* For a server that must stop: from now on every statement, COMMIT
 * included, fails on d (DB_ERROR) - a running one too (sqlite3_interrupt)
 * - and only ROLLBACK and db_close work, so whatever transaction d is in
 * is rolled back, never half-committed. Callable from any thread while
 * another uses d; d is of no further use. */
void db_interrupt(db *d);
/* A number that changes whenever another connection commits to the
 * database, either file (any process); -1 on error. For caches of
 * computed results. */
int64_t db_data_version(db *d);
/*
 * Begins a read transaction on d (which must not be in one) and, when one
 * can be had at once, opens a second read-only connection to the same
 * database whose read transaction sees exactly d's snapshot, so that one
 * reader may read on two cores (the full warning scan). *twin is NULL when
 * there is none - a writer held the database for more than a moment, or
 * the backend could not export the snapshot: read on d alone then. The
 * twin is used by one thread at a time; db_close(*twin) ends it. Returns
 * DB_OK, or d's error (no transaction is open then).
 */
int db_read_begin_twin(db *d, db **twin);

/*
 * What a computed result depends on, for caches that must stay exact
 * (the response cache, http/cache.c) without going cold on every write.
 *
 * Every table has a change counter (SQLite: main.data_versions for the
 * main file's tables, desk.desk_versions for the desk's; PostgreSQL:
 * data_versions), bumped by this layer in the transaction of every write
 * made through it - whoever writes: the server, `anxin import` in another
 * process, a scan - so a reader that sees a table's new rows sees its new
 * counter, and one that sees the old counter read no newer rows than the
 * counter's. A statement's tables are known from the statement itself
 * (SQLite's authorizer: exact, triggers and foreign-key actions included;
 * PostgreSQL: the names of the schema's tables in its text, written to
 * after INSERT INTO / UPDATE / DELETE FROM / COPY). A write outside a
 * transaction runs in one of its own, so that its counters commit with
 * it. Writes by other programs (sqlite3, psql) are not counted.
 *
 * Tables are named by a slot (db_table_slot: a hash of the name, so two
 * tables may share one, which only makes a cache less precise, never
 * wrong: a slot's version is the sum of its tables' counters).
 */
#define DB_SLOTS 256
typedef struct db_tables {
	uint64_t w[DB_SLOTS / 64];
} db_tables;
/* The slot of table name. */
int db_table_slot(const char *name);
void db_tables_add(db_tables *t, int slot);
int db_tables_has(const db_tables *t, int slot);
/* Starts collecting into *set the tables that the statements stepped on
 * d from now on read; NULL stops. */
void db_track_reads(db *d, db_tables *set);
/* Sets out[slot] to the sum of the change counters of the tables in that
 * slot (0 for a table never changed). Returns 0, or -1 on error. */
int db_table_versions(db *d, int64_t out[DB_SLOTS]);
/* db_table_versions, again only when the database may have changed since
 * *stamp was set (SQLite: its data_version, which any commit to either
 * file changes - the counters commit with the data; PostgreSQL: always
 * read, one statement): out is left as it is otherwise. *stamp starts at
 * 0. Returns 0; 2 (SQLite) when the files changed but no counter did -
 * a program other than anxin wrote (the sqlite3 shell), or a checkpoint
 * moved the journal: whatever was computed before may be stale; -1 on
 * error. */
int db_table_versions_since(db *d, int64_t *stamp, int64_t out[DB_SLOTS]);
/* The sum of the change counters of tables a and b: it changes whenever
 * either changes. -1 on error. */
int64_t db_version_of(db *d, const char *a, const char *b);
/* A read transaction (SQLite: one snapshot of both files and one lock
 * taken for all the statements of a request, not one each; PostgreSQL:
 * nothing - each statement sees what was committed before it). DB_OK or a
 * failure code; db_read_end ends it. */
int db_read_begin(db *d);
void db_read_end(db *d);

/* The schema version (highest migration applied). */
int db_schema_version(db *d);
/* The schema version this binary brings a database to (its last
 * migration). db_open refuses a file of a newer one, untouched. */
int db_schema_latest(void);

/* Runs one or more statements without parameters (migrations, pragmas).
 * Returns DB_OK or a failure code, as do the transaction calls below. */
int db_exec(db *d, const char *sql);
int db_begin(db *d);     /* a write transaction on both files, taken at once */
/* A write transaction that takes only the desk file's lock (waiting for it
 * up to the busy timeout) and never the main file's: for short writes
 * (log-in, log-out, password, reveal, warning actions, account changes)
 * that must not wait for an import. It may read anything but must write
 * desk tables only. */
int db_begin_desk(db *d);
/* A write transaction that takes only the main file's lock: for an import.
 * It must not touch a desk table until its end, where audit_append takes
 * the desk's lock for the one audit row (db_lock_desk). */
int db_begin_main(db *d);
/* Inside a transaction: takes the desk file's write lock now (a no-op if
 * held), so that what is read from the desk next is current. */
int db_lock_desk(db *d);
/* Whether the open transaction has written (or locked) the main file. */
int db_writing_main(db *d);
int db_commit(db *d);
int db_rollback(db *d);

/* Prepares sql. Never NULL and never aborts: when SQLite cannot prepare it
 * (busy, locked, out of memory, a table gone, a bug) the error is logged
 * with the SQL and an "error statement" comes back, on which binds do
 * nothing, db_step answers DB_BUSY or DB_ERROR at once (so the caller's
 * usual step check fails the one request) and db_errmsg / db_error_public
 * tell why. Statements are finalized by the caller. */
db_stmt *db_prepare(db *d, const char *sql);
void db_finalize(db_stmt *st);
void db_reset(db_stmt *st);
/* Parameters are 1-based. A NULL text binds SQL NULL. Text is copied. */
void db_bind_text(db_stmt *st, int i, const char *s);
void db_bind_textn(db_stmt *st, int i, const char *s, size_t n);
/* Binds without copying: s must stay valid until the statement is stepped
 * to completion or reset (the bulk-import path). */
void db_bind_text_ref(db_stmt *st, int i, const char *s);
void db_bind_int(db_stmt *st, int i, int64_t v);
void db_bind_null(db_stmt *st, int i);
/* Returns DB_ROW, DB_DONE, DB_CONSTRAINT, DB_BUSY or DB_ERROR. */
int db_step(db_stmt *st);
int db_column_count(db_stmt *st);
const char *db_column_name(db_stmt *st, int i);
int db_col_is_null(db_stmt *st, int i);
const char *db_col_text(db_stmt *st, int i); /* "" for NULL */
/* NULL for SQL NULL, else the text with its length in *n: one call per
 * value where a row is read field by field (no strlen, no second look). */
const char *db_col_textn(db_stmt *st, int i, size_t *n);
int64_t db_col_int(db_stmt *st, int i);
const char *db_stmt_sql(db_stmt *st);
/* Rows changed by the last INSERT/UPDATE/DELETE on this connection.
 * (There is no "last insert id": an INSERT that needs its row's id says
 * RETURNING id, which both dialects understand.) */
int64_t db_changes(db *d);

/*
 * One-shots with bound parameters. types names each parameter in order:
 * 't' const char * (NULL -> NULL), 'i' int64_t. Example:
 *   n = db_int(d, 0, "SELECT count(*) FROM projects WHERE street=?", "t", s);
 * db_int returns dflt when there is no row or the value is NULL.
 * db_text returns a malloc'd copy of the first column (caller frees) or NULL.
 * db_run executes a statement (stepping past any rows) and returns DB_OK or
 * the failure code.
 */
int64_t db_int(db *d, int64_t dflt, const char *sql, const char *types, ...);
char *db_text(db *d, const char *sql, const char *types, ...);
int db_run(db *d, const char *sql, const char *types, ...);
/*
 * Bulk load through PostgreSQL's COPY protocol (SQLite has none: there
 * db_copy_begin answers DB_ERROR and the caller writes row by row). Inside
 * a transaction: db_copy_begin(d, "COPY t (a, b) FROM STDIN"), then
 * db_copy_row once per row with n values (NULL = SQL NULL, text as stored),
 * then db_copy_end, which reports whether the server took the rows. No
 * other statement may run on d in between. DB_OK or a failure code.
 */
int db_copy_begin(db *d, const char *sql);
int db_copy_row(db *d, const char *const *vals, int n);
int db_copy_end(db *d);

/* Runs an INSERT ... RETURNING id and stores the new row's id in *id.
 * Returns DB_OK or the failure code. */
int db_insert(db *d, int64_t *id, const char *sql, const char *types, ...);
/* The one-shots' binder, for store code with one-shots of its own: binds
 * parameters 1, 2, ... of st from ap as types says ('t', 'i', as above).
 * Returns how many it bound (strlen(types)), so that more can follow. */
int db_bindv(db_stmt *st, const char *types, va_list ap);

#endif
