/*
 * unit_db.c - see unit_db.h. The PostgreSQL databases are made and
 * dropped through libpq on the server's maintenance database.
 */
#include "unit_db.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int unit_db_pg(void)
{
	const char *base = getenv("ANXIN_TEST_PG");
	return base && *base;
}

/* Server notices (a DROP ... IF EXISTS of nothing) are not the test's. */
static void quiet(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

/* Runs sql on the maintenance database; 0 or -1 with err. */
static int admin(const char *sql, char *err, size_t errlen)
{
	char conn[600];
	int rc = 0;

	snprintf(conn, sizeof conn, "%s/postgres", getenv("ANXIN_TEST_PG"));
	PGconn *c = PQconnectdb(conn);
	PQsetNoticeProcessor(c, quiet, NULL);  /* "does not exist, skipping" */
	PGresult *r = PQstatus(c) == CONNECTION_OK ? PQexec(c, sql) : NULL;
	if (!r || PQresultStatus(r) != PGRES_COMMAND_OK) {
		snprintf(err, errlen, "%s: %s", sql, r ? PQresultErrorMessage(r) : PQerrorMessage(c));
		rc = -1;
	}
	PQclear(r);
	PQfinish(c);
	return rc;
}

db *unit_db_open(const char *name, const char *path_if_sqlite, int flags, char *err,
		 size_t errlen)
{
	char sql[256], uri[600];

	if (!unit_db_pg()) {
		db_remove_files(path_if_sqlite);
		return db_open(path_if_sqlite, flags, err, errlen);
	}
	snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS anxin_unit_%d_%s WITH (FORCE)",
		 (int)getpid(), name);
	if (admin(sql, err, errlen) != 0)
		return NULL;
	snprintf(sql, sizeof sql, "CREATE DATABASE anxin_unit_%d_%s TEMPLATE template0"
		 " LOCALE 'C.UTF-8'", (int)getpid(), name);
	if (admin(sql, err, errlen) != 0)
		return NULL;
	return db_open(unit_db_uri(name, uri, sizeof uri), flags, err, errlen);
}

char *unit_db_uri(const char *name, char *out, size_t outlen)
{
	snprintf(out, outlen, "%s/anxin_unit_%d_%s", getenv("ANXIN_TEST_PG"), (int)getpid(), name);
	return out;
}

void unit_db_drop(const char *name)
{
	char sql[256], err[512];

	if (!unit_db_pg())
		return;
	snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS anxin_unit_%d_%s WITH (FORCE)",
		 (int)getpid(), name);
	admin(sql, err, sizeof err);
}
