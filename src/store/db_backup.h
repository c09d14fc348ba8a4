/*
 * db_backup.h - the SQLite side of `anxin backup` and `anxin restore`: a
 * consistent copy of a database (the main file FILE, its desk file
 * FILE-desk and the evidence files of FILE-files that its rows reference)
 * into new files, the checks of such a copy, and the renames that put a
 * checked copy under its final name.
 *
 * Owns: file names (FILE, FILE-desk, FILE-files/xx/sha), SQLite's online
 * backup API, PRAGMA integrity_check, row counts per table. Must not:
 * decide where a backup goes, whether a target may be replaced, or what
 * the audit chain means (src/domain/ops/backup.c does).
 *
 * PostgreSQL is not a backend yet; when it is, its deployment backs up
 * with pg_dump (README, "Back up and restore"), not with this file.
 */
#ifndef ANXIN_DB_BACKUP_H
#define ANXIN_DB_BACKUP_H

#include <stddef.h>
#include <stdint.h>

/* Rows of one table: "main.projects", "desk.audit_log". */
typedef struct db_table_rows {
	char name[96];
	int64_t rows;
} db_table_rows;

/* What a copy holds, as read in the source's snapshot. */
typedef struct db_backup_stats {
	db_table_rows *tables;  /* sorted by name; freed by db_backup_stats_free */
	int ntables;
	int64_t rows;           /* sum over tables */
	int64_t db_bytes;       /* the two database files of the copy */
	int files;              /* evidence files copied (each checked by its hash) */
	int64_t file_bytes;
	int files_missing;      /* referenced but absent from the source folder */
	int files_damaged;      /* present but not matching their hash */
} db_backup_stats;

void db_backup_stats_free(db_backup_stats *s);

/*
 * Copies the database at src into dst, dst-desk and dst-files (none of
 * which may exist), all three from one snapshot: the source connection
 * holds one read transaction on both files for the whole copy, begun
 * while another connection holds the desk file's write lock, so no
 * transaction that writes both files is half committed in it (see
 * docs/architecture.md, "Back up: one snapshot of two files"). Other
 * connections read and write as usual meanwhile (WAL). The copies are
 * rollback-journal files (no -wal beside them), synced.
 * Fills st with the source snapshot's row counts and what was copied.
 * Returns 0, or -1 with a message in err (the partial copy is left for
 * the caller to remove with db_backup_discard).
 * Test hook: ANXIN_TEST_BACKUP_PAUSE_MS=N copies one page at a time and
 * sleeps N ms after each (so a test can kill it mid-copy).
 */
int db_backup_copy(const char *src, const char *dst, db_backup_stats *st, char *err,
		   size_t errlen);

/*
 * Checks the copy at path: PRAGMA integrity_check of both files says ok,
 * and every table holds exactly the rows want says (no table more or
 * less). Returns 0, or -1 with what is wrong in err.
 */
int db_backup_check(const char *path, const db_backup_stats *want, char *err, size_t errlen);

/* Puts the copy at tmp under the name final: renames tmp-files, then
 * tmp-desk, then tmp last, so FILE exists only when the rest does, and
 * syncs the folder. None of final's names may exist. Returns 0 or -1
 * with err. */
int db_backup_commit(const char *tmp, const char *final, char *err, size_t errlen);

/* Removes whatever exists of the copy at tmp (the two files, their
 * journals, the files folder). */
void db_backup_discard(const char *tmp);

/* Whether any of path, path-desk, path-files exists: 1 yes, 0 no. */
int db_backup_exists(const char *path);

/* Whether another process has the database at path open (an SQLite
 * connection in WAL mode holds a shared lock on the file while open):
 * 1 yes, 0 no (or no such file). */
int db_in_use(const char *path);

/* Renames every file of the database at path (the two files, their
 * journals, the files folder) to aside + the same suffix. Returns 0 or
 * -1 with err. */
int db_move_aside(const char *path, const char *aside, char *err, size_t errlen);

#endif
