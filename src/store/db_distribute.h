/*
 * db_distribute.h - turning a new PostgreSQL database on a Citus
 * coordinator into a distributed one (`anxin init --distributed`); the
 * choice of each table is src/store/pg/distribute.sql and docs/scale.md.
 */
#ifndef ANXIN_DB_DISTRIBUTE_H
#define ANXIN_DB_DISTRIBUTE_H

#include <stddef.h>

#include "store/db.h"

enum { DB_DISTRIBUTED_NOW = 0, DB_DISTRIBUTED_ALREADY = 1 };

/*
 * Distributes the tables of d, a database whose schema is in place, by
 * running src/store/pg/distribute.sql in one transaction. Refuses SQLite,
 * a database without the citus extension, one with no worker node, and
 * one that already holds records (tables are distributed while empty).
 * Returns DB_DISTRIBUTED_NOW, DB_DISTRIBUTED_ALREADY (nothing done: a
 * second `init --distributed` is a no-op), or -1 with err.
 */
int db_distribute(db *d, char *err, size_t errlen);

#endif
