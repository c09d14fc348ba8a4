/*
 * migrations.c - the ordered list of schema migrations (see migrations.h).
 * Adding a migration: a new src/store/sqlite/NNNN_name.sql, one SQLFILE line
 * in migrations_sql.S, one line here.
 */
#include "store/migrations.h"

#define MIG(sym) extern const char sym[], sym##_end[]
MIG(mig_0001_core);
MIG(mig_0002_auth);
MIG(mig_0003_warnings);
MIG(mig_0004_scope);
MIG(mig_0005_desk);
MIG(mig_0006_supervise);
MIG(mig_0007_warn_review);
MIG(mig_0008_cases);
MIG(mig_0009_versions);
MIG(mig_0010_payroll_index);
MIG(mig_0011_attendance_key);
MIG(pg_0007_initial);
MIG(pg_0008_cases);
MIG(pg_0009_versions);
MIG(pg_0010_payroll_index);
MIG(pg_0011_attendance_key);

/* A test build (tests/kind/, -DANXIN_TEST_MIGRATION=version) appends its
 * own migration, mig_test: the table of a kind that only it has. */
#ifdef ANXIN_TEST_MIGRATION
MIG(mig_test);
MIG(mig_test_pg);
#define TEST_MIGRATION ENTRY(ANXIN_TEST_MIGRATION, "test", mig_test),
#define TEST_MIGRATION_PG ENTRY(ANXIN_TEST_MIGRATION, "test", mig_test_pg),
#else
#define TEST_MIGRATION
#define TEST_MIGRATION_PG
#endif

#define ENTRY(v, name, sym) {v, name, sym, sym##_end}

const migration migrations[] = {
	ENTRY(1, "core", mig_0001_core),
	ENTRY(2, "auth", mig_0002_auth),
	ENTRY(3, "warnings", mig_0003_warnings),
	ENTRY(4, "scope", mig_0004_scope),
	ENTRY(5, "desk", mig_0005_desk),
	ENTRY(6, "supervise", mig_0006_supervise),
	ENTRY(7, "warn_review", mig_0007_warn_review),
	ENTRY(8, "cases", mig_0008_cases),
	ENTRY(9, "versions", mig_0009_versions),
	ENTRY(10, "payroll_index", mig_0010_payroll_index),
	ENTRY(11, "attendance_key", mig_0011_attendance_key),
	TEST_MIGRATION
};

const int migrations_count = (int)(sizeof migrations / sizeof migrations[0]);

const migration migrations_pg[] = {
	ENTRY(7, "initial", pg_0007_initial),
	ENTRY(8, "cases", pg_0008_cases),
	ENTRY(9, "versions", pg_0009_versions),
	ENTRY(10, "payroll_index", pg_0010_payroll_index),
	ENTRY(11, "attendance_key", pg_0011_attendance_key),
	TEST_MIGRATION_PG
};

const int migrations_pg_count = (int)(sizeof migrations_pg / sizeof migrations_pg[0]);
