/*
 * test_pg.c - the PostgreSQL backend of db.h (db_pg.c) against a real
 * server: placeholders ("?", "?NNN", a '?' inside a string literal), the
 * type of a bare "? IS NULL", truth values read as integers, COPY's text
 * escaping round-tripped, the two lanes' advisory locks, the change
 * counter seen across connections only after COMMIT, an SQL error failing the statement and not the process; and, without a
 * server, the masking of a URI's password.
 *
 * The server: $ANXIN_TEST_PG (unit_db.h), set by scripts/test in its
 * PostgreSQL section; each test makes a database of its own there. Unset
 * (the SQLite run), the server tests skip and say so.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/db.h"
#include "unit_db.h"

static char uri[512];
static db *d;

/* A fresh database with anxin's schema in d (unit_db.c), or the test
 * skipped. */
static void setup(void)
{
	char err[512];

	if (!unit_db_pg())
		cr_skip_test("no PostgreSQL server (ANXIN_TEST_PG unset: the SQLite run)");
	d = unit_db_open("pg", NULL, DB_OPEN_CREATE, err, sizeof err);
	cr_assert(d, "db_open: %s", err);
	cr_assert_eq(db_dialect(d), DB_DIALECT_PG);
	unit_db_uri("pg", uri, sizeof uri);
}

static void teardown(void)
{
	db_close(d);
	d = NULL;
	unit_db_drop("pg");
}

Test(pg, password_never_shown)
{
	char out[256];

	cr_assert_str_eq(db_display_name("postgresql://anxin:s3cret@db.example:5432/anxin", out,
					 sizeof out),
			 "postgresql://anxin:***@db.example:5432/anxin");
	cr_assert_str_eq(db_display_name("postgres://db/anxin?password=s3cret&sslmode=require", out,
					 sizeof out),
			 "postgres://db/anxin?password=***&sslmode=require");
	cr_assert_str_eq(db_display_name("postgresql://anxin@db/anxin", out, sizeof out),
			 "postgresql://anxin@db/anxin");
	cr_assert_str_eq(db_display_name("/var/lib/anxin/anxin.db", out, sizeof out),
			 "/var/lib/anxin/anxin.db");
	cr_assert(db_is_uri("postgresql://x/y") && db_is_uri("postgres://x/y"));
	cr_assert(!db_is_uri("anxin.db") && !db_is_uri("postgresql:/x"));
}

Test(pg, placeholders, .init = setup, .fini = teardown)
{
	char *s = db_text(d, "SELECT ?2 || ?1 || ?2", "tt", "a", "b");

	cr_assert_str_eq(s, "bab");
	free(s);
	/* a '?' inside a literal is text, not a parameter */
	s = db_text(d, "SELECT '?' || ? || 'it''s?'", "t", "x");
	cr_assert_str_eq(s, "?xit's?");
	free(s);
	/* a bare "? IS NULL" has no type of its own: retried as text */
	cr_assert_eq(db_int(d, -1, "SELECT CASE WHEN ? IS NULL THEN 1 ELSE 0 END", "t", NULL), 1);
	cr_assert_eq(db_int(d, -1, "SELECT CASE WHEN ? IS NULL THEN 1 ELSE 0 END", "t", "v"), 0);
	/* integers are int8: beyond 32 bits */
	cr_assert_eq(db_int(d, -1, "SELECT ? + 1", "i", (int64_t)9000000000LL), 9000000001LL);
}

Test(pg, truth_values_read_as_integers, .init = setup, .fini = teardown)
{
	cr_assert_eq(db_int(d, -1, "SELECT 1 = 1", ""), 1);
	cr_assert_eq(db_int(d, -1, "SELECT 1 = 2", ""), 0);
	/* a double is truncated as SQLite's column_int64 does */
	cr_assert_eq(db_int(d, -1, "SELECT total(x) FROM (VALUES (2), (3)) v(x)", ""), 5);
	cr_assert_eq(db_int(d, -1, "SELECT instr('abcabc', 'ca')", ""), 3);
}

Test(pg, copy_round_trips_every_byte, .init = setup, .fini = teardown)
{
	static const char *const texts[] = {
		"plain", "tab\there", "new\nline", "back\\slash\\N", "cr\rx", "\\", "中文 ,;\"'", "",
	};
	int n = (int)(sizeof texts / sizeof texts[0]);

	cr_assert_eq(db_begin(d), DB_OK);
	cr_assert_eq(db_exec(d, "CREATE TEMP TABLE c (k bigint, v text)"), DB_OK);
	cr_assert_eq(db_copy_begin(d, "COPY c (k, v) FROM STDIN"), DB_OK);
	for (int i = 0; i < n; i++) {
		char k[16];
		snprintf(k, sizeof k, "%d", i);
		const char *vals[] = {k, texts[i]};
		cr_assert_eq(db_copy_row(d, vals, 2), DB_OK);
	}
	const char *nul[] = {"99", NULL};
	cr_assert_eq(db_copy_row(d, nul, 2), DB_OK);
	cr_assert_eq(db_copy_end(d), DB_OK);
	for (int i = 0; i < n; i++) {
		char *v = db_text(d, "SELECT v FROM c WHERE k = ?", "i", (int64_t)i);
		cr_assert(v, "row %d missing", i);
		cr_assert_str_eq(v, texts[i], "row %d", i);
		free(v);
	}
	cr_assert_eq(db_int(d, -1, "SELECT count(*) FROM c WHERE k = 99 AND v IS NULL", ""), 1);
	cr_assert_eq(db_commit(d), DB_OK);
}

Test(pg, lanes_are_two_locks, .init = setup, .fini = teardown)
{
	char err[512];
	db *other = db_open(uri, 0, err, sizeof err);

	cr_assert(other, "%s", err);
	db_busy_timeout(other, 0);
	cr_assert_eq(db_begin_main(d), DB_OK);
	/* the main lane is taken: another writer of it fails at once ... */
	cr_assert_eq(db_begin_main(other), DB_BUSY);
	cr_assert_eq(db_begin(other), DB_BUSY);
	/* ... but a short write on the desk lane goes on */
	cr_assert_eq(db_begin_desk(other), DB_OK);
	cr_assert_eq(db_commit(other), DB_OK);
	cr_assert_eq(db_writing_main(d), 1);
	/* the desk lane taken inside the import's transaction: now the short
	 * write waits (here: fails at once) */
	cr_assert_eq(db_lock_desk(d), DB_OK);
	cr_assert_eq(db_begin_desk(other), DB_BUSY);
	cr_assert_eq(db_rollback(d), DB_OK);
	cr_assert_eq(db_writing_main(d), 0);
	cr_assert_eq(db_begin_main(other), DB_OK);
	cr_assert_eq(db_rollback(other), DB_OK);
	db_close(other);
}

Test(pg, change_counter_moves_after_commit, .init = setup, .fini = teardown)
{
	char err[512];
	db *reader = db_open(uri, DB_OPEN_READONLY, err, sizeof err);

	cr_assert(reader, "%s", err);
	int64_t v0 = db_data_version(reader);
	cr_assert_geq(v0, 0);
	cr_assert_eq(db_begin(d), DB_OK);
	cr_assert_eq(db_run(d, "UPDATE params SET value = value WHERE key = key", ""), DB_OK);
	/* not yet committed: the reader's caches stay valid */
	cr_assert_eq(db_data_version(reader), v0);
	cr_assert_eq(db_commit(d), DB_OK);
	int64_t v1 = db_data_version(reader);
	cr_assert_gt(v1, v0);
	/* a write outside a transaction counts too; a read does not */
	cr_assert_eq(db_int(d, -1, "SELECT count(*) FROM params", "") >= 0, 1);
	cr_assert_eq(db_data_version(reader), v1);
	cr_assert_eq(db_run(d, "UPDATE params SET value = value WHERE key = key", ""), DB_OK);
	cr_assert_gt(db_data_version(reader), v1);
	db_close(reader);
}

Test(pg, sql_error_fails_the_statement_not_the_process, .init = setup, .fini = teardown)
{
	db_stmt *st = db_prepare(d, "SELECT no_such_column FROM no_such_table LIMIT ?");

	db_bind_int(st, 1, 10);
	cr_assert_eq(db_step(st), DB_ERROR);
	cr_assert_str_eq(db_stmt_sql(st), "SELECT no_such_column FROM no_such_table LIMIT ?");
	db_finalize(st);
	cr_assert_eq(db_run(d, "SELEC 1", ""), DB_ERROR);
	cr_assert_eq(db_int(d, -1, "SELECT 7", ""), 7);
	/* a constraint is DB_CONSTRAINT, as on SQLite */
	cr_assert_eq(db_run(d, "INSERT INTO min_wages (region_code, effective_from, monthly)"
			       " SELECT region_code, effective_from, monthly FROM min_wages", ""),
		     DB_CONSTRAINT);
}

Test(pg, remove_only_an_anxin_schema, .init = setup, .fini = teardown)
{
	char err[512];

	db_close(d);
	d = NULL;
	cr_assert_null(db_remove_files(uri));
	d = db_open(uri, 0, err, sizeof err);
	cr_assert_null(d, "an emptied database has no schema until init");
	cr_assert(strstr(err, "anxin init"), "%s", err);
	d = db_open(uri, DB_OPEN_CREATE, err, sizeof err);
	cr_assert(d, "%s", err);
	cr_assert_eq(db_exec(d, "DROP TABLE schema_version CASCADE; CREATE TABLE mine (a int)"), DB_OK);
	cr_assert_not_null(db_remove_files(uri), "a database that is not anxin's stays");
}
