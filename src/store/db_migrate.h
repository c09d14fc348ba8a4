/*
 * db_migrate.h - copying a whole anxin database into an empty one of
 * either backend (`anxin migrate --from SRC --to DST`): SQLite to
 * PostgreSQL, PostgreSQL to SQLite, SQLite to SQLite.
 *
 * Generic over tables: the list of tables comes from the source's
 * catalogue (SQLite: sqlite_master of main and desk; PostgreSQL: pg_tables
 * of current_schema()) minus the backends' own bookkeeping tables (SQLite
 * "lane", PostgreSQL "schema_version"); the target's schema is its own
 * migrations' (db_open with DB_OPEN_CREATE) and must have the same tables.
 * Rows are copied with every column, ids included, parents before children
 * (the order follows the catalogue's foreign keys).
 *
 * All or nothing: the source is read through one snapshot; the target is
 * written in one transaction (PostgreSQL), or into DST.partial and its
 * desk file, renamed into place only by db_migrate_commit (SQLite), so an
 * interrupted migration leaves the target empty / absent.
 *
 * The steps, so that the caller can append its audit row to the target
 * between the copy and the commit:
 *   m = db_migrate_open(src, dst, ...)   refusals, snapshot, target opened
 *   db_migrate_copy(m, ...)              the rows, sequences, row counts
 *   ... audit_append(db_migrate_target(m), ...); audit_verify(...) ...
 *   db_migrate_commit(m, ...)            commit / rename into place
 *   db_migrate_close(m)                  always; rolls back if not committed
 */
#ifndef ANXIN_DB_MIGRATE_H
#define ANXIN_DB_MIGRATE_H

#include <stddef.h>
#include <stdint.h>

#include "store/db.h"

typedef struct db_migrate db_migrate;

/* One table of the copy: its name and its rows on each side after the
 * copy (before the caller's audit row). */
typedef struct db_migrate_table {
	char name[64];
	int64_t src_rows, dst_rows;
} db_migrate_table;

/*
 * Opens src (read-only, one snapshot) and dst (created when missing; a
 * SQLite dst is written as dst.partial until the commit). Refuses, with a
 * message in err and nothing written to dst: a source that is not an
 * anxin database or whose schema version is not this binary's; a target
 * that is not empty (a row in any table beyond what the migrations seed
 * themselves); a target whose tables differ from the source's. Returns
 * NULL then.
 */
db_migrate *db_migrate_open(const char *src, const char *dst, char *err, size_t errlen);
/* The target's handle (inside the copy's transaction after db_migrate_copy). */
db *db_migrate_target(db_migrate *m);
/*
 * Copies every table in one transaction on the target (left open for the
 * caller's audit row), moves PostgreSQL's identity sequences past the
 * copied ids, and checks the row count of every table on both sides.
 * *tables / *n: the tables in copy order with their counts (owned by m).
 * Returns 0, or -1 with err (the caller then closes m: nothing is kept).
 * For the tests only: $ANXIN_TEST_MIGRATE_FAIL_AFTER=TABLE fails after
 * copying TABLE; $ANXIN_TEST_MIGRATE_STALL_AFTER=TABLE prints a line to
 * standard error and sleeps a minute there (to be killed).
 */
int db_migrate_copy(db_migrate *m, const db_migrate_table **tables, int *n, char *err,
		    size_t errlen);
/* Commits the target (SQLite: closes it and renames dst.partial and its
 * desk file to dst, replacing an empty dst). Returns 0, or -1 with err. */
int db_migrate_commit(db_migrate *m, char *err, size_t errlen);
/* Closes both databases; an uncommitted copy is rolled back (SQLite: the
 * partial files deleted). */
void db_migrate_close(db_migrate *m);

#endif
