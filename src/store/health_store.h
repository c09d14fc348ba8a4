/*
 * health_store.h - the two questions GET /readyz asks the database: does
 * it answer (both files), and when did the last warning scan run; and the
 * database's size for GET /metrics. Read only; one trivial query each.
 */
#ifndef ANXIN_HEALTH_STORE_H
#define ANXIN_HEALTH_STORE_H

#include <stdint.h>

#include "store/db.h"

/* Whether both files answer a query (each has its schema). Returns 0, or
 * -1 with which file failed and why in err. */
int health_db_answers(db *d, char *err, size_t errlen);
/* The Unix time the last recorded warning scan finished (its start plus
 * its duration); 0 when no scan ever ran; -1 on a database error. */
int64_t health_last_scan(db *d);
/* The size in bytes of the records (*main_bytes) and of the desk (users,
 * sessions, audit log, warnings: *desk_bytes): on SQLite the sizes of the
 * main file at path and of its desk file (0 when missing; d may be NULL),
 * on PostgreSQL the total size of the tables each would hold, asked of d.
 * Returns 0, or -1 when unknown (PostgreSQL and d NULL, a database error). */
int health_db_sizes(db *d, const char *path, int64_t *main_bytes, int64_t *desk_bytes);

#endif
