/*
 * test_db.c - the store's handle (db.h): composed SQL passes through the
 * prepared-statement cache without filling it for good (least recently
 * used out, statements in use never), an SQL error fails the statement and
 * not the process, the one-shot binder, db_remove_files.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "store/db.h"

static db *d;

static void setup(void)
{
	char err[256];

	d = db_open(":memory:", DB_OPEN_CREATE, err, sizeof err);
	cr_assert(d, "db_open: %s", err);
}

static void teardown(void)
{
	db_close(d);
}

Test(db, composed_sql_passes_through_the_cache, .init = setup, .fini = teardown)
{
	char sql[64];

	/* a statement held across hundreds of others is never evicted */
	db_stmt *held = db_prepare(d, "SELECT ? * 2");
	db_bind_int(held, 1, 21);
	for (int i = 0; i < 500; i++) {
		snprintf(sql, sizeof sql, "SELECT %d + ?", i);
		cr_assert_eq(db_int(d, -1, sql, "i", (int64_t)1), i + 1, "composed statement %d", i);
	}
	cr_assert_eq(db_step(held), DB_ROW);
	cr_assert_eq(db_col_int(held, 0), 42);
	db_finalize(held);
	/* the cache still serves: the same text twice, other texts between */
	for (int round = 0; round < 3; round++)
		for (int i = 0; i < 100; i++) {
			snprintf(sql, sizeof sql, "SELECT %d", i % 7);
			cr_assert_eq(db_int(d, -1, sql, ""), i % 7);
		}
}

Test(db, sql_error_fails_the_statement_not_the_process, .init = setup, .fini = teardown)
{
	db_stmt *st = db_prepare(d, "SELECT no_such_column FROM no_such_table LIMIT ?");

	db_bind_int(st, 1, 10);
	db_bind_text(st, 2, "ignored");
	cr_assert_eq(db_step(st), DB_ERROR);
	cr_assert_str_eq(db_stmt_sql(st), "SELECT no_such_column FROM no_such_table LIMIT ?");
	db_finalize(st);
	cr_assert_eq(db_run(d, "SELEC 1", ""), DB_ERROR);
	cr_assert_eq(db_int(d, 7, "SELECT * FROM nowhere", ""), 7);
	cr_assert_eq(db_int(d, 0, "SELECT 1", ""), 1, "the connection goes on");
}

Test(db, one_shot_binder, .init = setup, .fini = teardown)
{
	char *s = db_text(d, "SELECT ? || '-' || ? || '-' || coalesce(?, 'null')", "tit", "a",
			  (int64_t)5, (const char *)NULL);

	cr_assert_str_eq(s, "a-5-null");
	free(s);
}

Test(db, remove_files_only_a_database)
{
	char path[64], side[80], err[256];
	FILE *f;

	snprintf(path, sizeof path, "/tmp/anxin-rm-%d.db", (int)getpid());
	f = fopen(path, "w");
	fputs("not a database, a letter\n", f);
	fclose(f);
	cr_assert(db_remove_files(path) != NULL, "an unrelated file is refused");
	cr_assert_eq(access(path, F_OK), 0, "and kept");
	unlink(path);
	cr_assert_null(db_remove_files(path), "nothing there: done");
	db *x = db_open(path, DB_OPEN_CREATE, err, sizeof err);
	cr_assert(x, "%s", err);
	db_close(x);
	snprintf(side, sizeof side, "%s-desk", path);
	cr_assert_eq(access(side, F_OK), 0);
	cr_assert_null(db_remove_files(path));
	cr_assert_neq(access(path, F_OK), 0);
	cr_assert_neq(access(side, F_OK), 0, "the desk file goes with it");
}
