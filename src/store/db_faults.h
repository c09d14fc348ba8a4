/*
 * db_faults.h - test-only fault injection for the SQLite backend: a disk
 * that fills up. Off unless the environment asks for it, so a deployment
 * never runs it; the test suites use it to reproduce a full disk without
 * root (no tmpfs to mount) and at the very write where a real one fails.
 *
 * ANXIN_TEST_DISK_FREE=N: the process's database files may grow by N
 * bytes in all; a write that would grow them further fails as a full
 * disk does (SQLITE_FULL), wherever it happens (a cache spill, the WAL
 * frames written at COMMIT, a checkpoint).
 */
#ifndef ANXIN_DB_FAULTS_H
#define ANXIN_DB_FAULTS_H

/* Registers the fault-injecting file system as SQLite's default when
 * ANXIN_TEST_DISK_FREE is set; does nothing otherwise. Called once, before
 * the first connection is opened (db_sqlite.c). */
void db_faults_install(void);

#endif
