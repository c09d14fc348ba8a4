/*
 * db_open.c - the two calls of db.h that take a database's name rather
 * than a handle, db_open and db_remove_files: a libpq URI goes to the
 * PostgreSQL backend (db_pg.c), anything else names a SQLite file
 * (db_sqlite.c). Apart from db.c so that the backends, which use db.c,
 * are not used by it.
 */
#include "store/db.h"

#include "store/db_backend.h"

db *db_open(const char *path, int flags, char *err, size_t errlen)
{
	if (db_is_uri(path))
		return db_pg_open(path, flags, err, errlen);
	return db_sqlite_open(path, flags, err, errlen);
}

const char *db_remove_files(const char *path)
{
	return db_is_uri(path) ? db_pg_remove(path) : db_sqlite_remove(path);
}
