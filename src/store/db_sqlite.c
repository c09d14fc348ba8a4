/*
 * db_sqlite.c - the SQLite backend of db.h: the main file with its desk
 * file attached (schema "desk", FILE-desk), WAL journals, foreign keys on,
 * a busy timeout, and the numbered migrations of
 * src/store/sqlite/NNNN_*.sql applied in order inside one transaction each
 * (the schema version is the main file's PRAGMA user_version).
 *
 * Nothing here knows a domain noun; that belongs to the other store files.
 */
#include "store/db.h"

#include <assert.h>
#include <errno.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/db_faults.h"
#include "store/migrations.h"
#include "util/buf.h"

/* Prepared statements are kept per connection and reused: most queries
 * are one-shots issued again and again (a session look-up per request), and
 * preparing costs more than running them. A cached statement is handed to
 * one user at a time; db_finalize gives it back, reset. The cache holds
 * the STMT_CACHE statements used most recently: when it is full, a new
 * statement takes the place of the least recently used one not in use, so
 * composed SQL (a list's filters, each combination its own text) passes
 * through it instead of filling it for good. */
#define STMT_CACHE 64

struct db {
	sqlite3 *h;
	struct db_stmt *cache[STMT_CACHE];
	int ncache;
	uint64_t tick;  /* counts db_prepare calls: the cache's clock */
	int begin_err;  /* why the last db_begin_desk/main failed, for
			   db_error_public (its ROLLBACK reset the code) */
	int aborted;    /* db_interrupt: every statement but ROLLBACK fails */
};

struct db_stmt {
	db *d;
	sqlite3_stmt *h;  /* NULL: a failed prepare (an "error statement") */
	int cached;  /* lives in d->cache */
	int busy;    /* handed out (cached statements only) */
	uint64_t used;  /* d->tick when last handed out (cached statements) */
	int err;     /* error statements: what db_step answers */
	char *sql;   /* error statements: the SQL, for db_stmt_sql */
};

/*
 * Applies every migration of list[0..n) newer than the file's user_version,
 * in order, each in its own transaction together with its user_version
 * bump: a migration that fails rolls back whole and leaves the file at the
 * previous version (forward-only: there are no down migrations; the
 * backup `anxin init` takes before an upgrade is the way back).
 */
int db_migrate_list(db *d, const migration *list, int n, char *err, size_t errlen)
{
	int have = db_schema_version(d);

	for (int i = 0; i < n; i++) {
		const migration *m = &list[i];
		if (m->version <= have)
			continue;
		char *sql = xstrndup(m->sql, (size_t)(m->end - m->sql));
		char pragma[64];
		snprintf(pragma, sizeof pragma, "PRAGMA user_version=%d", m->version);
		int rc = db_exec(d, "BEGIN IMMEDIATE");
		if (rc == DB_OK)
			rc = db_exec(d, sql);
		if (rc == DB_OK)
			rc = db_exec(d, pragma);
		if (rc == DB_OK)
			rc = db_exec(d, "COMMIT");
		free(sql);
		if (rc != DB_OK) {
			snprintf(err, errlen, "migration %04d (%s) failed: %s", m->version,
				 m->name, db_errmsg(d));
			db_exec(d, "ROLLBACK");
			return -1;
		}
		have = m->version;
	}
	return 0;
}

int db_schema_latest(void)
{
	return migrations_count ? migrations[migrations_count - 1].version : 0;
}

/*
 * Refuses a schema this binary cannot serve, before anything could write
 * to the file (journal mode, desk file, migrations): a newer one always,
 * an older one unless the caller upgrades (DB_OPEN_UPGRADE: `anxin init`,
 * which takes a backup first). A new, empty file (version 0) is created
 * by any command that may create one. Returns 0, or -1 with err.
 */
static int db_check_schema(db *d, const char *path, int flags, char *err, size_t errlen)
{
	int have = db_schema_version(d), latest = db_schema_latest();

	if (have > latest) {
		snprintf(err, errlen, "%s: 数据库结构版本 %d 新于本程序支持的版本 %d,文件未改动;"
			 "请使用更新版本的 anxin (database schema version %d is newer than this "
			 "anxin's %d: the file was left untouched; use a newer anxin)",
			 path, have, latest, have, latest);
		return -1;
	}
	if (have > 0 && have < latest && !(flags & DB_OPEN_UPGRADE)) {
		snprintf(err, errlen, "%s: 数据库结构版本 %d 旧于本程序的版本 %d;请先运行 anxin init "
			 "--db %s 升级(升级前自动备份) (database schema version %d is older than "
			 "this anxin's %d: run `anxin init --db %s` to upgrade it - it backs up first)",
			 path, have, latest, path, have, latest, path);
		return -1;
	}
	return 0;
}

/* Process-wide settings, before the first connection: no global memory
 * statistics (they take a mutex on every allocation). */
static void db_configure(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	sqlite3_initialize();
	db_faults_install();  /* test-only fault injection, off unless asked */
}

char *db_desk_path(const char *path, char *out, size_t outlen)
{
	if (!*path || strcmp(path, ":memory:") == 0)
		snprintf(out, outlen, ":memory:");
	else
		snprintf(out, outlen, "%s-desk", path);
	return out;
}

/*
 * Attaches the desk file as schema "desk". A missing desk file is created
 * only while the main file predates it (schema < DESK_SCHEMA: migration
 * 0005 then moves the tables into it) or is new; once the tables live
 * there, a missing desk file is an error - recreating it empty would lose
 * the accounts and the audit log without a word.
 */
#define DESK_SCHEMA 5
static int db_attach_desk(db *d, const char *path, int flags, char *err, size_t errlen)
{
	char desk[4096];
	int rc;

	db_desk_path(path, desk, sizeof desk);
	if (strcmp(desk, ":memory:") != 0 && access(desk, F_OK) != 0) {
		if ((flags & DB_OPEN_READONLY) || db_schema_version(d) >= DESK_SCHEMA) {
			snprintf(err, errlen, "%s: the desk file %s is missing (accounts, sessions, "
				 "audit log, warnings): restore it together with the database", path, desk);
			return -1;
		}
		sqlite3 *h = NULL;
		rc = sqlite3_open_v2(desk, &h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
		sqlite3_close(h);
		if (rc != SQLITE_OK) {
			snprintf(err, errlen, "%s: cannot create the desk file %s", path, desk);
			return -1;
		}
	}
	db_stmt *st = db_prepare(d, "ATTACH DATABASE ? AS desk");
	db_bind_text(st, 1, desk);
	rc = db_step(st);
	db_finalize(st);
	if (rc != DB_DONE) {
		snprintf(err, errlen, "%s: cannot attach %s: %s", path, desk, db_errmsg(d));
		return -1;
	}
	if (db_exec(d, "PRAGMA desk.synchronous=NORMAL") != DB_OK ||
	    (!(flags & DB_OPEN_READONLY) && db_exec(d, "PRAGMA desk.journal_mode=WAL") != DB_OK)) {
		snprintf(err, errlen, "%s: desk file %s not a database, or unusable: %s", path,
			 desk, db_errmsg(d));
		return -1;
	}
	return 0;
}

db *db_open(const char *path, int flags, char *err, size_t errlen)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	db *d = xcalloc(1, sizeof *d);
	int oflags = SQLITE_OPEN_NOMUTEX;

	pthread_once(&once, db_configure);
	if (flags & DB_OPEN_READONLY)
		oflags |= SQLITE_OPEN_READONLY;
	else
		oflags |= SQLITE_OPEN_READWRITE;
	if (flags & DB_OPEN_CREATE)
		oflags |= SQLITE_OPEN_CREATE;
	if (sqlite3_open_v2(path, &d->h, oflags, NULL) != SQLITE_OK) {
		snprintf(err, errlen, "%s: cannot open database: %s", path,
			 d->h ? sqlite3_errmsg(d->h) : "out of memory");
		goto fail;
	}
	sqlite3_busy_timeout(d->h, 10000);
	sqlite3_extended_result_codes(d->h, 0);
	if (db_check_schema(d, path, flags, err, errlen) != 0)
		goto fail;
	if (db_exec(d, "PRAGMA foreign_keys=ON") != DB_OK ||
	    db_exec(d, "PRAGMA synchronous=NORMAL") != DB_OK) {
		snprintf(err, errlen, "%s: %s", path, db_errmsg(d));
		goto fail;
	}
	if (!(flags & DB_OPEN_READONLY)) {
		if (db_exec(d, "PRAGMA journal_mode=WAL") != DB_OK) {
			snprintf(err, errlen, "%s: not a database, or unusable: %s", path,
				 db_errmsg(d));
			goto fail;
		}
	}
	if (db_attach_desk(d, path, flags, err, errlen) != 0)
		goto fail;
	if (!(flags & DB_OPEN_READONLY)) {
		if (db_migrate_list(d, migrations, migrations_count, err, errlen) != 0)
			goto fail;
		if (db_int(d, 0, "SELECT count(*) FROM desk.sqlite_master", "") == 0) {
			snprintf(err, errlen, "%s: the desk file %s-desk is empty: restore it together "
				 "with the database", path, path);
			goto fail;
		}
	}
	if (flags & DB_OPEN_BULK) {
		db_exec(d, "PRAGMA cache_size=-65536"); /* 64 MiB */
		/* A bulk connection writes through the importer only, which
		 * checks every reference itself (rec_refs, in the same
		 * transaction) and never deletes or re-keys a parent: SQLite's
		 * own foreign-key probe per row would be the same look-up twice. */
		db_exec(d, "PRAGMA foreign_keys=OFF");
	}
	else
		db_exec(d, "PRAGMA cache_size=-32768");  /* 32 MiB */
	db_exec(d, "PRAGMA temp_store=MEMORY");
	return d;
fail:
	db_close(d);
	return NULL;
}

void db_close(db *d)
{
	if (!d)
		return;
	for (int i = 0; i < d->ncache; i++) {
		sqlite3_finalize(d->cache[i]->h);
		free(d->cache[i]);
	}
	sqlite3_close_v2(d->h);
	free(d);
}

const char *db_remove_files(const char *path)
{
	static const char magic[16] = "SQLite format 3";  /* with its NUL: 16 bytes */
	static const char *const sides[] = {"-wal", "-shm", "-desk", "-desk-wal", "-desk-shm"};
	char head[16] = {0};
	char side[4096];
	FILE *f = fopen(path, "rb");

	if (!f)
		return errno == ENOENT ? NULL : strerror(errno);
	size_t got = fread(head, 1, sizeof head, f);
	fclose(f);
	if (got > 0 && (got < sizeof head || memcmp(head, magic, sizeof magic) != 0))
		return "not an SQLite database; delete it yourself if you mean it";
	if (unlink(path) != 0)
		return strerror(errno);
	for (size_t i = 0; i < sizeof sides / sizeof sides[0]; i++) {
		snprintf(side, sizeof side, "%s%s", path, sides[i]);
		unlink(side);
	}
	return NULL;
}

void db_busy_timeout(db *d, int ms)
{
	sqlite3_busy_timeout(d->h, ms);
}

void db_interrupt(db *d)
{
	__atomic_store_n(&d->aborted, 1, __ATOMIC_RELAXED);
	sqlite3_interrupt(d->h);
}

const char *db_errmsg(db *d)
{
	if (__atomic_load_n(&d->aborted, __ATOMIC_RELAXED))
		return "interrupted: the server is stopping";
	return sqlite3_errmsg(d->h);
}

const char *db_error_public(db *d, const char *what)
{
	int code = sqlite3_errcode(d->h) & 0xff;

	if (code == SQLITE_OK && d->begin_err)
		code = d->begin_err & 0xff;
	d->begin_err = 0;
	if (__atomic_load_n(&d->aborted, __ATOMIC_RELAXED))
		return "服务器正在停止,未写入任何数据;请稍后重试 "
		       "(the server is stopping: nothing was written; try again later)";
	fprintf(stderr, "anxin: database error in %s: %s\n", what,
		code == (sqlite3_errcode(d->h) & 0xff) ? sqlite3_errmsg(d->h) : sqlite3_errstr(code));
	switch (code) {
	case SQLITE_FULL:
		return "磁盘空间不足,未写入任何数据;请清理磁盘空间后重试 "
		       "(disk full: nothing was written; free some space and try again)";
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return "数据库正被其他操作占用,未写入任何数据;请稍后重试 "
		       "(database busy with another operation: nothing was written; try again later)";
	case SQLITE_READONLY:
		return "数据库文件只读,未写入任何数据;请检查文件和目录的写权限 "
		       "(database file is read-only: nothing was written; check the permissions)";
	case SQLITE_IOERR:
		return "磁盘读写错误 (I/O 错误),未写入任何数据;请检查磁盘后重试 "
		       "(I/O error: nothing was written; check the disk)";
	case SQLITE_CANTOPEN:
		return "无法打开数据库文件或临时文件,未写入任何数据;请检查磁盘和权限 "
		       "(cannot open the database or a temporary file: check the disk and permissions)";
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return "数据库文件已损坏,未写入任何数据;请联系管理员从备份恢复 "
		       "(database file is damaged: nothing was written; restore it from a backup)";
	case SQLITE_NOMEM:
		return "内存不足,未写入任何数据;请稍后重试 "
		       "(out of memory: nothing was written; try again later)";
	default:
		return "数据库错误,未写入任何数据 (database error: nothing was written)";
	}
}

int64_t db_data_version(db *d)
{
	int64_t m = db_int(d, -1, "PRAGMA main.data_version", "");
	int64_t k = db_int(d, -1, "PRAGMA desk.data_version", "");

	if (m < 0 || k < 0)
		return -1;
	/* both count up from small numbers within one connection's life */
	return (int64_t)(((uint64_t)m << 32) ^ (uint64_t)k) & INT64_MAX;
}

int db_schema_version(db *d)
{
	return (int)db_int(d, 0, "PRAGMA user_version", "");
}

/* Maps an SQLite result code to the backend-neutral one. */
static int db_code(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_OK: return DB_OK;
	case SQLITE_ROW: return DB_ROW;
	case SQLITE_DONE: return DB_DONE;
	case SQLITE_CONSTRAINT: return DB_CONSTRAINT;
	case SQLITE_BUSY:
	case SQLITE_LOCKED: return DB_BUSY;
	default: return DB_ERROR;
	}
}

int db_exec(db *d, const char *sql)
{
	if (__atomic_load_n(&d->aborted, __ATOMIC_RELAXED) && strcmp(sql, "ROLLBACK") != 0)
		return DB_ERROR;
	return db_code(sqlite3_exec(d->h, sql, NULL, NULL, NULL));
}

int db_begin(db *d) { return db_exec(d, "BEGIN IMMEDIATE"); }

/* BEGIN (deferred), then a write to one file's empty lane table, which
 * takes that file's write lock (waiting up to the busy timeout) and a
 * current snapshot of it - and nothing on the other file. */
static int db_begin_on(db *d, const char *lock_sql)
{
	int rc = db_exec(d, "BEGIN");

	if (rc != DB_OK)
		return rc;
	rc = db_exec(d, lock_sql);
	if (rc != DB_OK) {
		d->begin_err = sqlite3_errcode(d->h);  /* the ROLLBACK resets it */
		sqlite3_exec(d->h, "ROLLBACK", NULL, NULL, NULL);
	}
	return rc;
}

int db_begin_desk(db *d) { return db_begin_on(d, "DELETE FROM desk.lane WHERE 0"); }
int db_begin_main(db *d) { return db_begin_on(d, "DELETE FROM main.lane WHERE 0"); }
int db_lock_desk(db *d) { return db_exec(d, "DELETE FROM desk.lane WHERE 0"); }

int db_writing_main(db *d)
{
	return sqlite3_txn_state(d->h, "main") == SQLITE_TXN_WRITE;
}
int db_commit(db *d) { return db_exec(d, "COMMIT"); }
int db_rollback(db *d) { return db_exec(d, "ROLLBACK"); }

/* A slot of d's cache for a new statement: a free one, else that of the
 * least recently used statement not handed out (finalized here); -1 when
 * every cached statement is in use (the new one is then not cached). */
static int stmt_slot(db *d)
{
	int lru = -1;

	if (d->ncache < STMT_CACHE)
		return d->ncache++;
	for (int i = 0; i < d->ncache; i++)
		if (!d->cache[i]->busy && (lru < 0 || d->cache[i]->used < d->cache[lru]->used))
			lru = i;
	if (lru >= 0) {
		sqlite3_finalize(d->cache[lru]->h);
		free(d->cache[lru]);
		d->cache[lru] = NULL;
	}
	return lru;
}

db_stmt *db_prepare(db *d, const char *sql)
{
	d->tick++;
	for (int i = 0; i < d->ncache; i++) {
		db_stmt *c = d->cache[i];
		if (!c->busy && strcmp(sqlite3_sql(c->h), sql) == 0) {
			c->busy = 1;
			c->used = d->tick;
			return c;
		}
	}
	db_stmt *st = xcalloc(1, sizeof *st);
	st->d = d;
	int rc = sqlite3_prepare_v3(d->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &st->h, NULL);
	if (rc != SQLITE_OK || !st->h) {
		/* Busy, locked, out of memory, a schema changed under us: this
		 * request fails, the process goes on. The error stays readable
		 * through db_errmsg / db_error_public until the next call. */
		fprintf(stderr, "anxin: SQL prepare failed: %s\n  in: %s\n", sqlite3_errmsg(d->h),
			sql);
		sqlite3_finalize(st->h);
		st->h = NULL;
		st->err = rc == SQLITE_OK ? DB_ERROR : db_code(rc);
		if (st->err != DB_BUSY)
			st->err = DB_ERROR;
		st->sql = xstrdup(sql);
		return st;
	}
	int slot = stmt_slot(d);
	if (slot >= 0) {
		st->cached = 1;
		st->busy = 1;
		st->used = d->tick;
		d->cache[slot] = st;
	}
	return st;
}

void db_finalize(db_stmt *st)
{
	if (!st)
		return;
	if (st->cached) {
		sqlite3_reset(st->h);
		sqlite3_clear_bindings(st->h);
		st->busy = 0;
		return;
	}
	sqlite3_finalize(st->h);
	free(st->sql);
	free(st);
}

void db_reset(db_stmt *st)
{
	if (!st->h)
		return;
	sqlite3_reset(st->h);
	sqlite3_clear_bindings(st->h);
}

void db_bind_text(db_stmt *st, int i, const char *s)
{
	if (!st->h)
		return;
	if (s)
		sqlite3_bind_text(st->h, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st->h, i);
}

void db_bind_text_ref(db_stmt *st, int i, const char *s)
{
	if (!st->h)
		return;
	if (s)
		sqlite3_bind_text(st->h, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st->h, i);
}

void db_bind_textn(db_stmt *st, int i, const char *s, size_t n)
{
	if (st->h)
		sqlite3_bind_text(st->h, i, s, (int)n, SQLITE_TRANSIENT);
}

void db_bind_int(db_stmt *st, int i, int64_t v)
{
	if (st->h)
		sqlite3_bind_int64(st->h, i, v);
}

void db_bind_null(db_stmt *st, int i)
{
	if (st->h)
		sqlite3_bind_null(st->h, i);
}

int db_step(db_stmt *st)
{
	if (!st->h)
		return st->err;
	if (__atomic_load_n(&st->d->aborted, __ATOMIC_RELAXED))
		return DB_ERROR;
	int rc = db_code(sqlite3_step(st->h));

	if (rc != DB_ROW)
		sqlite3_reset(st->h);
	return rc;
}

int db_column_count(db_stmt *st) { return st->h ? sqlite3_column_count(st->h) : 0; }
const char *db_column_name(db_stmt *st, int i) { return st->h ? sqlite3_column_name(st->h, i) : ""; }
int db_col_is_null(db_stmt *st, int i) { return sqlite3_column_type(st->h, i) == SQLITE_NULL; }

const char *db_col_text(db_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st->h, i);
	return s ? (const char *)s : "";
}

int64_t db_col_int(db_stmt *st, int i) { return sqlite3_column_int64(st->h, i); }
const char *db_stmt_sql(db_stmt *st) { return st->h ? sqlite3_sql(st->h) : st->sql; }
int64_t db_changes(db *d) { return sqlite3_changes64(d->h); }
int64_t db_last_insert_id(db *d) { return sqlite3_last_insert_rowid(d->h); }

int db_bindv(db_stmt *st, const char *types, va_list ap)
{
	int i;

	for (i = 0; types[i]; i++) {
		if (types[i] == 't')
			db_bind_text(st, i + 1, va_arg(ap, const char *));
		else if (types[i] == 'i')
			db_bind_int(st, i + 1, va_arg(ap, int64_t));
		else
			assert(!"db one-shot: unknown parameter type");
	}
	return i;
}

int64_t db_int(db *d, int64_t dflt, const char *sql, const char *types, ...)
{
	va_list ap;
	db_stmt *st = db_prepare(d, sql);
	int64_t v = dflt;

	va_start(ap, types);
	db_bindv(st, types, ap);
	va_end(ap);
	if (db_step(st) == DB_ROW && !db_col_is_null(st, 0))
		v = db_col_int(st, 0);
	db_finalize(st);
	return v;
}

char *db_text(db *d, const char *sql, const char *types, ...)
{
	va_list ap;
	db_stmt *st = db_prepare(d, sql);
	char *v = NULL;

	va_start(ap, types);
	db_bindv(st, types, ap);
	va_end(ap);
	if (db_step(st) == DB_ROW && !db_col_is_null(st, 0))
		v = xstrdup(db_col_text(st, 0));
	db_finalize(st);
	return v;
}

int db_run(db *d, const char *sql, const char *types, ...)
{
	va_list ap;
	db_stmt *st = db_prepare(d, sql);
	int rc;

	va_start(ap, types);
	db_bindv(st, types, ap);
	va_end(ap);
	do
		rc = db_step(st);
	while (rc == DB_ROW);
	db_finalize(st);
	return rc == DB_DONE ? DB_OK : rc;
}
