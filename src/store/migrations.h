/*
 * migrations.h - the numbered schema migrations built into the binary.
 * The SQL files live in src/store/sqlite/NNNN_name.sql (commented SQL, one
 * concern each) and are embedded by src/store/migrations_sql.S; migrations.c
 * lists them in order. A migration is never edited once released: a change
 * is a new file.
 */
#ifndef ANXIN_MIGRATIONS_H
#define ANXIN_MIGRATIONS_H

#include <stddef.h>

typedef struct migration {
	int version;
	const char *name;
	const char *sql;  /* the embedded file, up to end */
	const char *end;
} migration;

/* SQLite's (src/store/sqlite/) and PostgreSQL's (src/store/pg/): the same
 * version numbers, each list's last the same schema. */
extern const migration migrations[];
extern const int migrations_count;
extern const migration migrations_pg[];
extern const int migrations_pg_count;

struct db;
/* Applies the migrations of list[0..n) newer than the database's
 * user_version, each in one transaction with its user_version bump (a
 * failing one leaves the previous version intact). db_open runs it with
 * the list above; tests with their own. Returns 0, or -1 with err. */
int db_migrate_list(struct db *d, const migration *list, int n, char *err, size_t errlen);

#endif
