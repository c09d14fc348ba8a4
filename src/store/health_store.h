/*
 * health_store.h - the two questions GET /readyz asks the database: does
 * it answer (both files), and when did the last warning scan run. Read
 * only; one trivial query each.
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

#endif
