/*
 * migrations_sql.S - embeds the SQL migration files of src/store/sqlite/ and
 * src/store/pg/ into
 * the binary (symbols NAME / NAME_end), listed in order by migrations.c;
 * and src/store/pg/distribute.sql (db_distribute.c).
 */
	.section .rodata
#define SQLFILE(name, path) \
	.global name; .global name##_end; \
	name: .incbin path; name##_end: .byte 0

SQLFILE(mig_0001_core, "src/store/sqlite/0001_core.sql")
SQLFILE(mig_0002_auth, "src/store/sqlite/0002_auth.sql")
SQLFILE(mig_0003_warnings, "src/store/sqlite/0003_warnings.sql")
SQLFILE(mig_0004_scope, "src/store/sqlite/0004_scope.sql")
SQLFILE(mig_0005_desk, "src/store/sqlite/0005_desk.sql")
SQLFILE(mig_0006_supervise, "src/store/sqlite/0006_supervise.sql")
SQLFILE(mig_0007_warn_review, "src/store/sqlite/0007_warn_review.sql")
SQLFILE(mig_0008_cases, "src/store/sqlite/0008_cases.sql")
SQLFILE(mig_0009_versions, "src/store/sqlite/0009_versions.sql")
SQLFILE(mig_0010_payroll_index, "src/store/sqlite/0010_payroll_index.sql")
SQLFILE(mig_0011_attendance_key, "src/store/sqlite/0011_attendance_key.sql")

/* PostgreSQL: the schema of SQLite's 0001-0007 in one file; later
 * migrations come in pairs of the same number. */
SQLFILE(pg_0007_initial, "src/store/pg/0007_initial.sql")
SQLFILE(pg_0008_cases, "src/store/pg/0008_cases.sql")
SQLFILE(pg_0009_versions, "src/store/pg/0009_versions.sql")
SQLFILE(pg_0010_payroll_index, "src/store/pg/0010_payroll_index.sql")
SQLFILE(pg_0011_attendance_key, "src/store/pg/0011_attendance_key.sql")

/* Citus: the distribution of the tables (`anxin init --distributed`,
 * db_distribute.c); not a migration. */
SQLFILE(pg_distribute, "src/store/pg/distribute.sql")

	.section .note.GNU-stack,"",@progbits
