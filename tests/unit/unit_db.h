/*
 * unit_db.h - the database a unit test that touches the store works on:
 * a SQLite file by default, or - when $ANXIN_TEST_PG names a PostgreSQL
 * server (a URI base, "postgresql://USER@HOST:PORT", set by scripts/test in
 * its PostgreSQL section) - a fresh database of that server, so that the
 * same tests run on both backends.
 */
#ifndef ANXIN_UNIT_DB_H
#define ANXIN_UNIT_DB_H

#include <stddef.h>

#include "store/db.h"

/* Opens (creating) a fresh database called name: the SQLite file
 * path_if_sqlite, removed first with its side files, or the PostgreSQL
 * database anxin_unit_<pid>_<name>, dropped first. NULL with err. */
db *unit_db_open(const char *name, const char *path_if_sqlite, int flags, char *err,
		 size_t errlen);
/* The URI of name's PostgreSQL database, into out. Returns out. */
char *unit_db_uri(const char *name, char *out, size_t outlen);
/* Drops the PostgreSQL database of name (nothing on SQLite). */
void unit_db_drop(const char *name);
/* Whether the tests run on PostgreSQL. */
int unit_db_pg(void);

#endif
