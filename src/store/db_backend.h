/*
 * db_backend.h - what a database backend provides to db.c (private to
 * src/store). db.h is the one interface the rest of anxin sees; db.c
 * dispatches each call through the handle's backend table. Two backends
 * exist: db_sqlite.c (a file, the default) and db_pg.c (PostgreSQL through
 * libpq, also a Citus coordinator), chosen by the --db argument's form.
 *
 * A backend's handle types begin with struct db / struct db_stmt below as
 * their first member, so a db * is a pointer to the backend's own handle.
 */
#ifndef ANXIN_DB_BACKEND_H
#define ANXIN_DB_BACKEND_H

#include "store/db.h"

typedef struct db_backend {
	int dialect;  /* DB_DIALECT_* (db.h) */
	void (*close)(db *d);
	const char *(*errmsg)(db *d);
	const char *(*error_public)(db *d, const char *what);
	void (*busy_timeout)(db *d, int ms);
	void (*interrupt)(db *d);
	int64_t (*data_version)(db *d);
	int (*read_twin)(db *d, db **twin);  /* db_read_begin_twin */
	int (*schema_version)(db *d);
	/* Records version v as the schema's, inside the migration's
	 * transaction. */
	int (*set_schema_version)(db *d, int v);
	int (*exec)(db *d, const char *sql);
	int (*begin)(db *d);
	int (*begin_desk)(db *d);
	int (*begin_main)(db *d);
	int (*lock_desk)(db *d);
	int (*writing_main)(db *d);
	int (*commit)(db *d);
	int (*rollback)(db *d);
	db_stmt *(*prepare)(db *d, const char *sql);
	void (*finalize)(db_stmt *st);
	void (*reset)(db_stmt *st);
	/* n is the length, or (size_t)-1 for a NUL-terminated s; copy 0
	 * binds by reference (s outlives the step). s is never NULL here. */
	void (*bind_text)(db_stmt *st, int i, const char *s, size_t n, int copy);
	void (*bind_int)(db_stmt *st, int i, int64_t v);
	void (*bind_null)(db_stmt *st, int i);
	int (*step)(db_stmt *st);
	int (*column_count)(db_stmt *st);
	const char *(*column_name)(db_stmt *st, int i);
	int (*col_is_null)(db_stmt *st, int i);
	const char *(*col_text)(db_stmt *st, int i);
	/* optional: NULL for SQL NULL, else the text and its length in *n
	 * (db_col_textn falls back on col_is_null, col_text and strlen) */
	const char *(*col_textn)(db_stmt *st, int i, size_t *n);
	int64_t (*col_int)(db_stmt *st, int i);
	const char *(*stmt_sql)(db_stmt *st);
	int64_t (*changes)(db *d);
	char *(*files_dir)(db *d);
	int (*copy_begin)(db *d, const char *sql);  /* NULL: no bulk path */
	int (*copy_row)(db *d, const char *const *vals, int n);
	int (*copy_end)(db *d);
	int (*read_begin)(db *d);     /* NULL: no read transactions */
	void (*read_end)(db *d);
	const char *sql[DB_SQL_COUNT];  /* db_sql's texts */
} db_backend;

struct db {
	const db_backend *be;
	db_tables *track;  /* db_track_reads: collects the tables read, or NULL */
};

struct db_stmt {
	db *d;
	db_tables reads;   /* the tables it reads (filled by the backend) */
};

/* The change counters a backend keeps for itself, never counted: its
 * lock and counter tables and SQLite's own. */
int db_untracked_table(const char *name);

/* The backends' openers (db_open chooses by the path's form). */
db *db_sqlite_open(const char *path, int flags, char *err, size_t errlen);
db *db_pg_open(const char *uri, int flags, char *err, size_t errlen);
/*
 * Refuses a schema this binary cannot serve, before anything could write
 * to the database (name as it may be shown): a newer one always, an older
 * one unless the caller upgrades (DB_OPEN_UPGRADE: `anxin init`). A new,
 * empty database (version 0) passes. Returns 0, or -1 with err.
 */
int db_check_schema(db *d, const char *name, int flags, char *err, size_t errlen);
/* db_remove_files of each backend. */
const char *db_sqlite_remove(const char *path);
const char *db_pg_remove(const char *uri);

#endif
