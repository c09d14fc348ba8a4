/*
 * db_faults.c - a SQLite VFS shim that simulates a full disk (see
 * db_faults.h). Every call goes to the default VFS; only xWrite is
 * looked at: the bytes by which a write grows a file are taken from one
 * process-wide budget, and a write that does not fit fails with
 * SQLITE_FULL without writing anything, as a write on a full disk does.
 * Must not: be active unless ANXIN_TEST_DISK_FREE is set.
 */
#include "store/db_faults.h"

#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct ff_file {
	sqlite3_file base;
	sqlite3_file *real;     /* the default VFS's file, right after this */
} ff_file;

static sqlite3_vfs *ff_real;    /* the default VFS we wrap */
static sqlite3_vfs ff_vfs;
static int64_t ff_budget;       /* bytes the files may still grow by */

#define REAL(f) (((ff_file *)(f))->real)

static int ff_close(sqlite3_file *f)
{
	int rc = REAL(f)->pMethods->xClose(REAL(f));
	return rc;
}

static int ff_read(sqlite3_file *f, void *p, int n, sqlite3_int64 off)
{
	return REAL(f)->pMethods->xRead(REAL(f), p, n, off);
}

/* Growth beyond the file's current size is charged to the budget; a
 * write the budget cannot pay for fails as on a full disk. */
static int ff_write(sqlite3_file *f, const void *p, int n, sqlite3_int64 off)
{
	sqlite3_int64 size = 0;

	if (REAL(f)->pMethods->xFileSize(REAL(f), &size) != SQLITE_OK)
		size = 0;
	int64_t grow = off + n > size ? off + n - size : 0;
	if (grow > 0 && __atomic_sub_fetch(&ff_budget, grow, __ATOMIC_SEQ_CST) < 0) {
		__atomic_add_fetch(&ff_budget, grow, __ATOMIC_SEQ_CST);
		return SQLITE_FULL;
	}
	return REAL(f)->pMethods->xWrite(REAL(f), p, n, off);
}

static int ff_truncate(sqlite3_file *f, sqlite3_int64 size)
{
	return REAL(f)->pMethods->xTruncate(REAL(f), size);
}

static int ff_sync(sqlite3_file *f, int flags)
{
	return REAL(f)->pMethods->xSync(REAL(f), flags);
}

static int ff_file_size(sqlite3_file *f, sqlite3_int64 *size)
{
	return REAL(f)->pMethods->xFileSize(REAL(f), size);
}

static int ff_lock(sqlite3_file *f, int l) { return REAL(f)->pMethods->xLock(REAL(f), l); }
static int ff_unlock(sqlite3_file *f, int l) { return REAL(f)->pMethods->xUnlock(REAL(f), l); }

static int ff_check_reserved(sqlite3_file *f, int *out)
{
	return REAL(f)->pMethods->xCheckReservedLock(REAL(f), out);
}

static int ff_file_control(sqlite3_file *f, int op, void *arg)
{
	return REAL(f)->pMethods->xFileControl(REAL(f), op, arg);
}

static int ff_sector_size(sqlite3_file *f) { return REAL(f)->pMethods->xSectorSize(REAL(f)); }

static int ff_device(sqlite3_file *f)
{
	return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f));
}

static int ff_shm_map(sqlite3_file *f, int pg, int pgsz, int extend, void volatile **pp)
{
	return REAL(f)->pMethods->xShmMap(REAL(f), pg, pgsz, extend, pp);
}

static int ff_shm_lock(sqlite3_file *f, int off, int n, int flags)
{
	return REAL(f)->pMethods->xShmLock(REAL(f), off, n, flags);
}

static void ff_shm_barrier(sqlite3_file *f) { REAL(f)->pMethods->xShmBarrier(REAL(f)); }

static int ff_shm_unmap(sqlite3_file *f, int del)
{
	return REAL(f)->pMethods->xShmUnmap(REAL(f), del);
}

/* No memory-mapped I/O through the shim: every read is an xRead. */
static int ff_fetch(sqlite3_file *f, sqlite3_int64 off, int n, void **pp)
{
	(void)f, (void)off, (void)n;
	*pp = NULL;
	return SQLITE_OK;
}

static int ff_unfetch(sqlite3_file *f, sqlite3_int64 off, void *p)
{
	(void)f, (void)off, (void)p;
	return SQLITE_OK;
}

static const sqlite3_io_methods ff_io = {
	3, ff_close, ff_read, ff_write, ff_truncate, ff_sync, ff_file_size, ff_lock,
	ff_unlock, ff_check_reserved, ff_file_control, ff_sector_size, ff_device,
	ff_shm_map, ff_shm_lock, ff_shm_barrier, ff_shm_unmap, ff_fetch, ff_unfetch,
};

static int ff_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags, int *out)
{
	ff_file *p = (ff_file *)f;
	int rc;

	(void)vfs;
	p->real = (sqlite3_file *)(p + 1);
	rc = ff_real->xOpen(ff_real, name, p->real, flags, out);
	p->base.pMethods = p->real->pMethods ? &ff_io : NULL;
	return rc;
}

void db_faults_install(void)
{
	const char *free_bytes = getenv("ANXIN_TEST_DISK_FREE");

	if (!free_bytes || !*free_bytes || !(ff_real = sqlite3_vfs_find(NULL)))
		return;
	ff_budget = strtoll(free_bytes, NULL, 10);
	ff_vfs = *ff_real;
	ff_vfs.zName = "anxin-test-disk";
	ff_vfs.szOsFile = (int)sizeof(ff_file) + ff_real->szOsFile;
	ff_vfs.xOpen = ff_open;
	ff_vfs.pNext = NULL;
	sqlite3_vfs_register(&ff_vfs, 1);
}
