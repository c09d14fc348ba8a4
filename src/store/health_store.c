/*
 * health_store.c - the read-only queries of GET /readyz (health_store.h).
 * Owns no table: it reads the catalogue (of both files, on SQLite) and
 * warn_scans, and the files' sizes (SQLite) or the tables' (PostgreSQL).
 */
#include "store/health_store.h"

#include <stdio.h>
#include <sys/stat.h>

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

/* The size of file path in bytes, 0 when missing. */
static int64_t file_size(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? (int64_t)st.st_size : 0;
}

/* The sizes of the two lanes' data (health_store.h). On PostgreSQL, the
 * tables SQLite keeps in the desk file (0005_desk.sql) count as desk, the
 * others as main. */
int health_db_sizes(db *d, const char *path, int64_t *main_bytes, int64_t *desk_bytes)
{
	*main_bytes = *desk_bytes = 0;
	if (!db_is_uri(path)) {
		char side[4096];

		*main_bytes = file_size(path);
		*desk_bytes = file_size(db_desk_path(path, side, sizeof side));
		return 0;
	}
	if (!d)
		return -1;
	static const char *const sql =
		"SELECT CASE WHEN c.relname IN ('users', 'sessions', 'audit_log', 'warnings',"
		" 'warning_events', 'warning_files', 'desk_state') THEN 1 ELSE 0 END,"
		" CAST(sum(pg_catalog.pg_total_relation_size(c.oid)) AS BIGINT)"
		" FROM pg_catalog.pg_class c"
		" JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
		" WHERE n.nspname = current_schema() AND c.relkind = 'r'"
		" GROUP BY 1";
	db_stmt *st = db_prepare(d, sql);
	if (!st)
		return -1;
	int rc;
	while ((rc = db_step(st)) == DB_ROW)
		*(db_col_int(st, 0) == 1 ? desk_bytes : main_bytes) = db_col_int(st, 1);
	db_finalize(st);
	return rc == DB_DONE ? 0 : -1;
}
