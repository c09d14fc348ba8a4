/*
 * db_distribute.c - `anxin init --distributed` (see db_distribute.h): the
 * embedded src/store/pg/distribute.sql run once on a Citus coordinator,
 * after checks that make a second run a no-op and a wrong target an error.
 * Uses db.h only.
 */
#include "store/db_distribute.h"

#include <stdio.h>

/* The embedded file (migrations_sql.S), NUL-terminated. */
extern const char pg_distribute[], pg_distribute_end[];

/* Tables whose rows make a database "not new": the records and the
 * warnings (the parameters, calendar and first administrator that init
 * writes do not count: reference tables copy them along). */
static const char *const record_tables[] = {
	"enterprises", "projects", "workers", "employments", "attendance", "payroll",
	"accounts", "transactions", "deposits", "warnings",
};

int db_distribute(db *d, char *err, size_t errlen)
{
	if (db_dialect(d) != DB_DIALECT_PG) {
		snprintf(err, errlen, "--distributed needs a PostgreSQL database on a Citus "
			 "coordinator (postgresql://...), not a SQLite file");
		return -1;
	}
	if (db_int(d, 0, "SELECT count(*) FROM pg_extension WHERE extname = 'citus'", "") <= 0) {
		snprintf(err, errlen, "--distributed: the citus extension is not installed in this "
			 "database (CREATE EXTENSION citus on the coordinator first)");
		return -1;
	}
	int64_t done = db_int(d, -1, "SELECT count(*) FROM pg_dist_partition"
				     " WHERE logicalrelid = CAST('projects' AS regclass)", "");
	if (done < 0) {
		snprintf(err, errlen, "--distributed: %s", db_errmsg(d));
		return -1;
	}
	if (done > 0)
		return DB_DISTRIBUTED_ALREADY;
	if (db_int(d, 0, "SELECT count(*) FROM pg_dist_node WHERE groupid <> 0"
			 " AND noderole = 'primary' AND isactive", "") <= 0) {
		snprintf(err, errlen, "--distributed: no worker node registered in this database "
			 "(SELECT citus_add_node(host, port) on the coordinator first)");
		return -1;
	}
	for (size_t i = 0; i < sizeof record_tables / sizeof record_tables[0]; i++) {
		char sql[128];
		snprintf(sql, sizeof sql, "SELECT count(*) FROM (SELECT 1 FROM %s LIMIT 1) x",
			 record_tables[i]);
		if (db_int(d, 0, sql, "") != 0) {
			snprintf(err, errlen, "--distributed: the database already holds %s; tables "
				 "are distributed while empty: init a new database, then import",
				 record_tables[i]);
			return -1;
		}
	}
	if (db_exec(d, "BEGIN") != DB_OK || db_exec(d, pg_distribute) != DB_OK ||
	    db_exec(d, "COMMIT") != DB_OK) {
		snprintf(err, errlen, "--distributed: %s", db_errmsg(d));
		db_exec(d, "ROLLBACK");
		return -1;
	}
	return DB_DISTRIBUTED_NOW;
}
