/*
 * test_twin.c - db_read_begin_twin (db.h), on SQLite and, with
 * $ANXIN_TEST_PG, on PostgreSQL: the twin reads exactly the snapshot of
 * the connection that asked for it, whatever another connection commits
 * meanwhile; and on SQLite, while another writer holds the database, the
 * caller gets its read transaction without a twin rather than waiting.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <unistd.h>

#include "store/db.h"
#include "unit_db.h"

static db *d, *w;
static char path[64]; /* the SQLite file: one per test process (--jobs) */

/* The table's row count through connection c. */
static long count(db *c)
{
	return (long)db_int(c, -1, "SELECT count(*) FROM twin_t", "");
}

static void setup(void)
{
	char err[256], uri[512];

	snprintf(path, sizeof path, "build/test-twin-%d.db", (int)getpid());
	d = unit_db_open("twin", path, DB_OPEN_CREATE, err, sizeof err);
	cr_assert(d, "open: %s", err);
	cr_assert_eq(db_exec(d, "CREATE TABLE twin_t (v INTEGER)"), DB_OK);
	cr_assert_eq(db_exec(d, "INSERT INTO twin_t VALUES (1)"), DB_OK);
	w = db_open(unit_db_pg() ? unit_db_uri("twin", uri, sizeof uri) : path, 0, err, sizeof err);
	cr_assert(w, "open the writer: %s", err);
}

static void teardown(void)
{
	db_close(w);
	db_close(d);
	unit_db_drop("twin");
	if (!unit_db_pg())
		db_remove_files(path);
}

Test(twin, reads_the_same_snapshot_while_another_commits, .init = setup, .fini = teardown)
{
	db *t = NULL;

	cr_assert_eq(db_read_begin_twin(d, &t), DB_OK);
	cr_assert(t, "a twin when no one writes");
	/* committed after both snapshots were taken: neither sees it */
	cr_assert_eq(db_exec(w, "INSERT INTO twin_t VALUES (2)"), DB_OK);
	cr_assert_eq(count(w), 2);
	cr_assert_eq(count(d), 1);
	cr_assert_eq(count(t), 1);
	db_close(t);
	cr_assert_eq(db_exec(d, "COMMIT"), DB_OK);
	cr_assert_eq(count(d), 2, "after its transaction the caller sees the commit");
}

Test(twin, a_writer_holding_the_database_costs_the_twin_not_the_read, .init = setup,
     .fini = teardown)
{
	db *t = NULL;

	cr_assert_eq(db_exec(w, "BEGIN"), DB_OK);
	cr_assert_eq(db_exec(w, "INSERT INTO twin_t VALUES (2)"), DB_OK); /* holds the write lock */
	cr_assert_eq(db_read_begin_twin(d, &t), DB_OK);
	if (unit_db_pg()) /* PostgreSQL exports the snapshot: no lock needed */
		cr_assert(t, "a twin on PostgreSQL while another writes");
	else
		cr_assert_null(t, "no twin while SQLite's write lock is held");
	cr_assert_eq(count(d), 1, "the uncommitted row is not read");
	if (t)
		cr_assert_eq(count(t), 1);
	cr_assert_eq(db_exec(w, "COMMIT"), DB_OK);
	cr_assert_eq(count(d), 1, "the caller's snapshot holds");
	if (t)
		cr_assert_eq(count(t), 1);
	db_close(t);
	cr_assert_eq(db_exec(d, "COMMIT"), DB_OK);
}
