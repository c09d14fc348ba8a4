/*
 * health_store.c - the read-only queries of GET /readyz (health_store.h).
 * Owns no table: it reads sqlite_master of both files and warn_scans.
 */
#include "store/health_store.h"

#include <stdio.h>

int health_db_answers(db *d, char *err, size_t errlen)
{
	static const char *const files[][2] = {
		{"main", "SELECT count(*) FROM main.sqlite_master"},
		{"desk", "SELECT count(*) FROM desk.sqlite_master"},
	};

	for (int i = 0; i < 2; i++) {
		int64_t n = db_int(d, -1, files[i][1], "");
		if (n <= 0) {
			snprintf(err, errlen, "%s file: %s", files[i][0],
				 n < 0 ? db_errmsg(d) : "no schema");
			return -1;
		}
	}
	return 0;
}

int64_t health_last_scan(db *d)
{
	/* started_at is "YYYY-MM-DDTHH:MM:SSZ" (clk_utc_iso), ms its duration */
	return db_int(d, -1,
		      "SELECT coalesce(max(CAST(strftime('%s', started_at) AS INTEGER)"
		      " + coalesce(ms, 0) / 1000), 0) FROM warn_scans", "");
}
