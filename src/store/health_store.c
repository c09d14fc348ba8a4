/*
 * health_store.c - the read-only queries of GET /readyz (health_store.h).
 * Owns no table: it reads the catalogue (of both files, on SQLite) and
 * warn_scans.
 */
#include "store/health_store.h"

#include <stdio.h>

int health_db_answers(db *d, char *err, size_t errlen)
{
	static const char *const files[] = {"main", "desk"};
	const db_sql_id q[] = {DB_SQL_TABLES_MAIN, DB_SQL_TABLES_DESK};

	for (int i = 0; i < 2; i++) {
		int64_t n = db_int(d, -1, db_sql(d, q[i]), "");
		if (n <= 0) {
			snprintf(err, errlen, "%s file: %s", files[i],
				 n < 0 ? db_errmsg(d) : "no schema");
			return -1;
		}
	}
	return 0;
}

int64_t health_last_scan(db *d)
{
	/* started_at is "YYYY-MM-DDTHH:MM:SSZ" (clk_utc_iso), ms its duration */
	return db_int(d, -1, db_sql(d, DB_SQL_LAST_SCAN_END), "");
}
