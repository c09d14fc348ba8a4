/*
 * test_migrate.c - the migration runner (store/migrations.h): each
 * migration is one transaction with its user_version bump, so one that
 * fails half-way - after it changed both files - leaves the database at
 * the previous version with none of its changes; and db_open refuses a
 * newer schema than the binary's.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "store/db.h"
#include "store/migrations.h"

#define SQL(s) s, s + sizeof s - 1

Test(migrate, a_failing_migration_leaves_the_previous_version)
{
	char path[] = "/tmp/anxin-test-migrate-XXXXXX", err[512];
	int fd = mkstemp(path);
	cr_assert(fd >= 0);
	close(fd);
	unlink(path);
	db *d = db_open(path, DB_OPEN_CREATE, err, sizeof err);
	cr_assert(d, "%s", err);
	int v = db_schema_latest();
	cr_assert_eq(db_schema_version(d), v);

	static const char ok_sql[] = "CREATE TABLE main.t_ok (x); CREATE TABLE desk.t_ok_desk (x);";
	static const char bad_sql[] = "CREATE TABLE desk.t_half (x); INSERT INTO t_ok VALUES (1);"
				      " ALTER TABLE users ADD COLUMN y; SELECT * FROM no_such_table;";
	const migration extra[] = {
		{v + 1, "ok", SQL(ok_sql)},
		{v + 2, "bad", SQL(bad_sql)},
		{v + 3, "after", SQL("CREATE TABLE t_after (x);")},
	};
	cr_assert_eq(db_migrate_list(d, extra, 3, err, sizeof err), -1);
	cr_assert(strstr(err, "bad") && strstr(err, "no_such_table"), "err: %s", err);
	cr_assert_eq(db_schema_version(d), v + 1, "the good one committed, the bad one not");
	cr_assert_eq(db_int(d, -1, "SELECT count(*) FROM sqlite_master WHERE name = 't_ok'", ""), 1);
	cr_assert_eq(db_int(d, -1, "SELECT count(*) FROM desk.sqlite_master WHERE name = 't_ok_desk'", ""), 1);
	cr_assert_eq(db_int(d, -1, "SELECT count(*) FROM desk.sqlite_master WHERE name = 't_half'", ""), 0,
		     "the failed migration's desk table rolled back");
	cr_assert_eq(db_int(d, -1, "SELECT count(*) FROM t_ok", ""), 0, "and its insert");
	cr_assert_eq(db_int(d, -1, "SELECT count(*) FROM pragma_table_info('users') WHERE name = 'y'", ""), 0,
		     "and its column");
	cr_assert_eq(db_int(d, -1, "SELECT count(*) FROM sqlite_master WHERE name = 't_after'", ""), 0,
		     "nothing after the failure ran");
	db_close(d);

	/* the file is now newer than the binary: refused */
	cr_assert_null(db_open(path, 0, err, sizeof err));
	cr_assert(strstr(err, "newer"), "err: %s", err);
	cr_assert_null(db_remove_files(path));
}
