/*
 * db_sqlite.c - the SQLite backend of db.h: the main file with its desk
 * file attached (schema "desk", FILE-desk), WAL journals, foreign keys on,
 * a busy timeout, and the numbered migrations of
 * src/store/sqlite/NNNN_*.sql applied in order inside one transaction each
 * (the schema version is the main file's PRAGMA user_version).
 *
 * Nothing here knows a domain noun; that belongs to the other store files.
 */
#include "store/db_backend.h"

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

typedef struct sq_stmt sq_stmt;

/* The tables a connection has seen written (for their change counters,
 * db.h): names as the authorizer gave them, and whether each lives in the
 * desk file. A set of them is a bitmap over this connection's list. */
#define SQ_TABLES 256
typedef struct sq_set {
	uint64_t w[SQ_TABLES / 64];
} sq_set;

typedef struct sq_db {
	struct db base;  /* first: a db * is an sq_db * */
	sqlite3 *h;
	sq_stmt *cache[STMT_CACHE];
	int ncache;
	uint64_t tick;  /* counts db_prepare calls: the cache's clock */
	int begin_err;  /* why the last db_begin_desk/main failed, for
			   db_error_public (its ROLLBACK reset the code) */
	int aborted;    /* db_interrupt: every statement but ROLLBACK fails */
	/* change counters (db.h) */
	int versioned;  /* the schema has the counter tables */
	char *tname[SQ_TABLES];
	unsigned char tdesk[SQ_TABLES];
	int ntname;
	int preparing;       /* the authorizer fills the sets below */
	db_tables prep_reads;
	sq_set prep_writes;
	sq_set dirty;        /* written by the open transaction */
	sq_stmt *implicit;   /* the write that opened a transaction of its
				own (autocommit), until it is done */
} sq_db;

struct sq_stmt {
	struct db_stmt base;  /* first: a db_stmt * is an sq_stmt * */
	sqlite3_stmt *h;  /* NULL: a failed prepare (an "error statement") */
	sq_set writes;    /* the tables it writes (the authorizer's) */
	int writing;      /* writes is not empty */
	int cached;  /* lives in SQ(d)->cache */
	int busy;    /* handed out (cached statements only) */
	uint64_t used;  /* SQ(d)->tick when last handed out (cached statements) */
	int err;     /* error statements: what db_step answers */
	char *sql;   /* error statements: the SQL, for db_stmt_sql */
};

#define SQ(d) ((sq_db *)(d))
#define SQS(st) ((sq_stmt *)(st))
static const db_backend sq_backend;

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

/* ---- change counters (db.h) ----------------------------------------------- */

static int db_code(int rc);
static int implicit_end(sq_db *q, int ok);

/* The index of table name (of the desk file or not) in d's list, added
 * when new. */
static int table_index(sq_db *q, const char *name, int desk)
{
	for (int i = 0; i < q->ntname; i++)
		if (strcmp(q->tname[i], name) == 0)
			return i;
	if (q->ntname == SQ_TABLES) {
		fprintf(stderr, "anxin: fatal: more than %d tables\n", SQ_TABLES);
		abort();  /* the schema has a few dozen: a broken invariant */
	}
	q->tname[q->ntname] = xstrdup(name);
	q->tdesk[q->ntname] = (unsigned char)desk;
	return q->ntname++;
}

static void set_add(sq_set *s, int i) { s->w[i / 64] |= 1ull << (i % 64); }

static int set_empty(const sq_set *s)
{
	for (int i = 0; i < SQ_TABLES / 64; i++)
		if (s->w[i])
			return 0;
	return 1;
}

/*
 * SQLite's authorizer, called while a statement is compiled - for its
 * own tables and for those of the triggers and foreign-key actions it
 * fires: the tables it reads (into the statement's read set, for
 * db_track_reads) and writes (into its write set; outside a prepare -
 * sqlite3_exec, a statement compiled again after a schema change - the
 * write counts at once for the open transaction). Never refuses.
 */
static int sq_authorize(void *arg, int action, const char *a3, const char *a4, const char *dbname,
			const char *trigger)
{
	sq_db *q = arg;
	int desk;

	(void)a4;
	(void)trigger;
	if (!a3 || !dbname || db_untracked_table(a3))
		return SQLITE_OK;
	if (strcmp(dbname, "main") == 0)
		desk = 0;
	else if (strcmp(dbname, "desk") == 0)
		desk = 1;
	else
		return SQLITE_OK;  /* temp: this connection's own */
	switch (action) {
	case SQLITE_READ:
		if (q->preparing)
			db_tables_add(&q->prep_reads, db_table_slot(a3));
		break;
	case SQLITE_INSERT:
	case SQLITE_UPDATE:
	case SQLITE_DELETE:
		if (q->preparing) {
			set_add(&q->prep_writes, table_index(q, a3, desk));
			db_tables_add(&q->prep_reads, db_table_slot(a3));
		} else {
			set_add(&q->dirty, table_index(q, a3, desk));
		}
		break;
	default:
		break;
	}
	return SQLITE_OK;
}

/* Runs one statement of the counters' own on d (bound: name). */
static int counter_run(sq_db *q, const char *sql, const char *name)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(q->h, sql, -1, &st, NULL);

	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	sqlite3_finalize(st);
	return rc;
}

/* Before COMMIT: bumps the counter of every table the transaction wrote,
 * in the file the table lives in (a desk-only transaction never writes
 * the main file). DB_OK or the failure code (the COMMIT must not go on). */
static int counters_bump(sq_db *q)
{
	int rc = SQLITE_OK;

	if (!q->versioned || set_empty(&q->dirty)) {
		memset(&q->dirty, 0, sizeof q->dirty);
		return DB_OK;
	}
	for (int i = 0; i < q->ntname && rc == SQLITE_OK; i++)
		if ((q->dirty.w[i / 64] >> (i % 64)) & 1)
			rc = counter_run(q, q->tdesk[i]
					 ? "INSERT INTO desk.desk_versions (name, v) VALUES (?, 1) "
					   "ON CONFLICT (name) DO UPDATE SET v = v + 1"
					 : "INSERT INTO main.data_versions (name, v) VALUES (?, 1) "
					   "ON CONFLICT (name) DO UPDATE SET v = v + 1",
					 q->tname[i]);
	memset(&q->dirty, 0, sizeof q->dirty);
	return db_code(rc);
}

/* The first word of sql, lower-cased, into w. */
static void first_word(const char *sql, char *w, size_t wlen)
{
	size_t n = 0;

	while (*sql == ' ' || *sql == '\t' || *sql == '\n')
		sql++;
	while (*sql && n + 1 < wlen && ((*sql >= 'a' && *sql <= 'z') || (*sql >= 'A' && *sql <= 'Z')))
		w[n++] = (char)(*sql++ | 0x20);
	w[n] = '\0';
}

db *db_sqlite_open(const char *path, int flags, char *err, size_t errlen)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	sq_db *q = xcalloc(1, sizeof *q);
	db *d = &q->base;
	int oflags = SQLITE_OPEN_NOMUTEX;

	q->base.be = &sq_backend;
	pthread_once(&once, db_configure);
	if (flags & DB_OPEN_READONLY)
		oflags |= SQLITE_OPEN_READONLY;
	else
		oflags |= SQLITE_OPEN_READWRITE;
	if (flags & DB_OPEN_CREATE)
		oflags |= SQLITE_OPEN_CREATE;
	if (sqlite3_open_v2(path, &SQ(d)->h, oflags, NULL) != SQLITE_OK) {
		snprintf(err, errlen, "%s: cannot open database: %s", path,
			 SQ(d)->h ? sqlite3_errmsg(SQ(d)->h) : "out of memory");
		goto fail;
	}
	sqlite3_busy_timeout(SQ(d)->h, 10000);
	sqlite3_extended_result_codes(SQ(d)->h, 0);
	sqlite3_set_authorizer(SQ(d)->h, sq_authorize, q);
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
		/* 16 MiB: an import writes its rows in the key index's order
		 * (import_batch.c), so each page is changed in one go and a
		 * larger cache buys no speed (measured: 16, 32 and 64 MiB the
		 * same within the noise, a day into 11.5 M rows and 2 M rows into
		 * an empty table) - only memory, which would then grow with the
		 * file until the cache is full (issue 13: flat whatever the
		 * file's size). */
		db_exec(d, "PRAGMA cache_size=-16384");
		/* A bulk connection writes through the importer only, which
		 * checks every reference itself (rec_refs, in the same
		 * transaction) and never deletes or re-keys a parent: SQLite's
		 * own foreign-key probe per row would be the same look-up twice. */
		db_exec(d, "PRAGMA foreign_keys=OFF");
	}
	else
		db_exec(d, "PRAGMA cache_size=-32768");  /* 32 MiB */
	db_exec(d, "PRAGMA temp_store=MEMORY");
	q->versioned = db_int(d, 0, "SELECT count(*) FROM main.sqlite_master WHERE name = 'data_versions'",
			      "") > 0;
	return d;
fail:
	db_close(d);
	return NULL;
}

static void sq_close(db *d)
{
	if (!d)
		return;
	for (int i = 0; i < SQ(d)->ncache; i++) {
		sqlite3_finalize(SQ(d)->cache[i]->h);
		free(SQ(d)->cache[i]);
	}
	sqlite3_close_v2(SQ(d)->h);
	for (int i = 0; i < SQ(d)->ntname; i++)
		free(SQ(d)->tname[i]);
	free(d);
}

const char *db_sqlite_remove(const char *path)
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

static void sq_busy_timeout(db *d, int ms)
{
	sqlite3_busy_timeout(SQ(d)->h, ms);
}

static void sq_interrupt(db *d)
{
	__atomic_store_n(&SQ(d)->aborted, 1, __ATOMIC_RELAXED);
	sqlite3_interrupt(SQ(d)->h);
}

static const char *sq_errmsg(db *d)
{
	if (__atomic_load_n(&SQ(d)->aborted, __ATOMIC_RELAXED))
		return "interrupted: the server is stopping";
	return sqlite3_errmsg(SQ(d)->h);
}

static const char *sq_error_public(db *d, const char *what)
{
	int code = sqlite3_errcode(SQ(d)->h) & 0xff;

	if (code == SQLITE_OK && SQ(d)->begin_err)
		code = SQ(d)->begin_err & 0xff;
	SQ(d)->begin_err = 0;
	if (__atomic_load_n(&SQ(d)->aborted, __ATOMIC_RELAXED))
		return "服务器正在停止,未写入任何数据;请稍后重试 "
		       "(the server is stopping: nothing was written; try again later)";
	fprintf(stderr, "anxin: database error in %s: %s\n", what,
		code == (sqlite3_errcode(SQ(d)->h) & 0xff) ? sqlite3_errmsg(SQ(d)->h) : sqlite3_errstr(code));
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

static int64_t sq_data_version(db *d)
{
	int64_t m = db_int(d, -1, "PRAGMA main.data_version", "");
	int64_t k = db_int(d, -1, "PRAGMA desk.data_version", "");

	if (m < 0 || k < 0)
		return -1;
	/* both count up from small numbers within one connection's life */
	return (int64_t)(((uint64_t)m << 32) ^ (uint64_t)k) & INT64_MAX;
}

static int sq_schema_version(db *d)
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

/* Runs sql; a COMMIT first bumps the counters of what the transaction
 * wrote, a ROLLBACK or BEGIN forgets them. */
static int sq_exec(db *d, const char *sql)
{
	char w[16];

	if (__atomic_load_n(&SQ(d)->aborted, __ATOMIC_RELAXED) && strcmp(sql, "ROLLBACK") != 0)
		return DB_ERROR;
	first_word(sql, w, sizeof w);
	if (strcmp(w, "commit") == 0 || strcmp(w, "end") == 0) {
		int rc = sqlite3_get_autocommit(SQ(d)->h) ? DB_OK : counters_bump(SQ(d));
		if (rc != DB_OK)
			return rc;
	} else if (strcmp(w, "rollback") == 0 || strcmp(w, "begin") == 0) {
		memset(&SQ(d)->dirty, 0, sizeof SQ(d)->dirty);
	} else if (SQ(d)->versioned && sqlite3_get_autocommit(SQ(d)->h) &&
		   (strcmp(w, "insert") == 0 || strcmp(w, "update") == 0 ||
		    strcmp(w, "delete") == 0 || strcmp(w, "replace") == 0)) {
		/* a write outside a transaction: in one of its own (sq_step) */
		int rc = db_code(sqlite3_exec(SQ(d)->h, "BEGIN", NULL, NULL, NULL));
		if (rc != DB_OK)
			return rc;
		memset(&SQ(d)->dirty, 0, sizeof SQ(d)->dirty);
		rc = db_code(sqlite3_exec(SQ(d)->h, sql, NULL, NULL, NULL));
		int erc = implicit_end(SQ(d), rc == DB_OK);
		return rc == DB_OK ? erc : rc;
	}
	int rc = db_code(sqlite3_exec(SQ(d)->h, sql, NULL, NULL, NULL));
	if (sqlite3_get_autocommit(SQ(d)->h))
		memset(&SQ(d)->dirty, 0, sizeof SQ(d)->dirty);
	return rc;
}

static int sq_begin(db *d) { return db_exec(d, "BEGIN IMMEDIATE"); }

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
		SQ(d)->begin_err = sqlite3_errcode(SQ(d)->h);  /* the ROLLBACK resets it */
		sqlite3_exec(SQ(d)->h, "ROLLBACK", NULL, NULL, NULL);
	}
	return rc;
}

static int sq_begin_desk(db *d) { return db_begin_on(d, "DELETE FROM desk.lane WHERE 0"); }
static int sq_begin_main(db *d) { return db_begin_on(d, "DELETE FROM main.lane WHERE 0"); }
static int sq_lock_desk(db *d) { return db_exec(d, "DELETE FROM desk.lane WHERE 0"); }

static int sq_writing_main(db *d)
{
	return sqlite3_txn_state(SQ(d)->h, "main") == SQLITE_TXN_WRITE;
}
static int sq_commit(db *d) { return db_exec(d, "COMMIT"); }
static int sq_rollback(db *d) { return db_exec(d, "ROLLBACK"); }

/* A slot of d's cache for a new statement: a free one, else that of the
 * least recently used statement not handed out (finalized here); -1 when
 * every cached statement is in use (the new one is then not cached). */
static int stmt_slot(db *d)
{
	int lru = -1;

	if (SQ(d)->ncache < STMT_CACHE)
		return SQ(d)->ncache++;
	for (int i = 0; i < SQ(d)->ncache; i++)
		if (!SQ(d)->cache[i]->busy && (lru < 0 || SQ(d)->cache[i]->used < SQ(d)->cache[lru]->used))
			lru = i;
	if (lru >= 0) {
		sqlite3_finalize(SQ(d)->cache[lru]->h);
		free(SQ(d)->cache[lru]);
		SQ(d)->cache[lru] = NULL;
	}
	return lru;
}

static db_stmt *sq_prepare(db *d, const char *sql)
{
	SQ(d)->tick++;
	for (int i = 0; i < SQ(d)->ncache; i++) {
		sq_stmt *c = SQ(d)->cache[i];
		if (!c->busy && strcmp(sqlite3_sql(c->h), sql) == 0) {
			c->busy = 1;
			c->used = SQ(d)->tick;
			return &c->base;
		}
	}
	sq_stmt *q = xcalloc(1, sizeof *q);
	db_stmt *st = &q->base;
	st->d = d;
	SQ(d)->preparing = 1;
	memset(&SQ(d)->prep_reads, 0, sizeof SQ(d)->prep_reads);
	memset(&SQ(d)->prep_writes, 0, sizeof SQ(d)->prep_writes);
	int rc = sqlite3_prepare_v3(SQ(d)->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &SQS(st)->h, NULL);
	SQ(d)->preparing = 0;
	st->reads = SQ(d)->prep_reads;
	q->writes = SQ(d)->prep_writes;
	q->writing = !set_empty(&q->writes);
	if (rc != SQLITE_OK || !SQS(st)->h) {
		/* Busy, locked, out of memory, a schema changed under us: this
		 * request fails, the process goes on. The error stays readable
		 * through db_errmsg / db_error_public until the next call. */
		fprintf(stderr, "anxin: SQL prepare failed: %s\n  in: %s\n", sqlite3_errmsg(SQ(d)->h),
			sql);
		sqlite3_finalize(SQS(st)->h);
		SQS(st)->h = NULL;
		SQS(st)->err = rc == SQLITE_OK ? DB_ERROR : db_code(rc);
		if (SQS(st)->err != DB_BUSY)
			SQS(st)->err = DB_ERROR;
		SQS(st)->sql = xstrdup(sql);
		return st;
	}
	int slot = stmt_slot(d);
	if (slot >= 0) {
		SQS(st)->cached = 1;
		SQS(st)->busy = 1;
		SQS(st)->used = SQ(d)->tick;
		SQ(d)->cache[slot] = q;
	}
	return st;
}

/* Ends the transaction a write outside one ran in (sq_step): its
 * counters, then COMMIT - or ROLLBACK when it failed. Returns the code. */
static int implicit_end(sq_db *q, int ok)
{
	int rc = DB_OK;

	q->implicit = NULL;
	if (ok && (rc = counters_bump(q)) == DB_OK &&
	    (rc = db_code(sqlite3_exec(q->h, "COMMIT", NULL, NULL, NULL))) == DB_OK)
		return DB_OK;
	sqlite3_exec(q->h, "ROLLBACK", NULL, NULL, NULL);
	memset(&q->dirty, 0, sizeof q->dirty);
	return ok ? rc : DB_OK;
}

static void sq_finalize(db_stmt *st)
{
	if (!st)
		return;
	if (SQ(st->d)->implicit == SQS(st)) {  /* a write that returned rows */
		sqlite3_reset(SQS(st)->h);
		implicit_end(SQ(st->d), 1);
	}
	if (SQS(st)->cached) {
		sqlite3_reset(SQS(st)->h);
		sqlite3_clear_bindings(SQS(st)->h);
		SQS(st)->busy = 0;
		return;
	}
	sqlite3_finalize(SQS(st)->h);
	free(SQS(st)->sql);
	free(st);
}

static void sq_reset(db_stmt *st)
{
	if (!SQS(st)->h)
		return;
	sqlite3_reset(SQS(st)->h);
	if (SQ(st->d)->implicit == SQS(st))
		implicit_end(SQ(st->d), 1);
	sqlite3_clear_bindings(SQS(st)->h);
}

/* s is never NULL (db.c binds NULL through sq_bind_null). */
static void sq_bind_text(db_stmt *st, int i, const char *s, size_t n, int copy)
{
	if (SQS(st)->h)
		sqlite3_bind_text(SQS(st)->h, i, s, n == (size_t)-1 ? -1 : (int)n,
				  copy ? SQLITE_TRANSIENT : SQLITE_STATIC);
}

static void sq_bind_int(db_stmt *st, int i, int64_t v)
{
	if (SQS(st)->h)
		sqlite3_bind_int64(SQS(st)->h, i, v);
}

static void sq_bind_null(db_stmt *st, int i)
{
	if (SQS(st)->h)
		sqlite3_bind_null(SQS(st)->h, i);
}

static int sq_step(db_stmt *st)
{
	if (!SQS(st)->h)
		return SQS(st)->err;
	if (__atomic_load_n(&SQ(st->d)->aborted, __ATOMIC_RELAXED))
		return DB_ERROR;
	sq_db *q = SQ(st->d);
	if (SQS(st)->writing) {
		/* A write outside a transaction gets one of its own, so that
		 * its tables' counters commit with it (db.h). */
		if (q->versioned && sqlite3_get_autocommit(q->h) && !q->implicit) {
			int brc = db_code(sqlite3_exec(q->h, "BEGIN", NULL, NULL, NULL));
			if (brc != DB_OK)
				return brc;
			memset(&q->dirty, 0, sizeof q->dirty);
			q->implicit = SQS(st);
		}
		for (int i = 0; i < SQ_TABLES / 64; i++)
			q->dirty.w[i] |= SQS(st)->writes.w[i];
	}
	int rc = db_code(sqlite3_step(SQS(st)->h));

	if (rc != DB_ROW) {
		sqlite3_reset(SQS(st)->h);
		if (q->implicit == SQS(st)) {
			int erc = implicit_end(q, rc == DB_DONE);
			if (rc == DB_DONE && erc != DB_OK)
				rc = erc;
		}
	}
	return rc;
}

/* A read transaction: BEGIN (deferred: the snapshot and the lock are
 * taken by the first statement), ended by db_read_end. */
static int sq_read_begin(db *d)
{
	if (!sqlite3_get_autocommit(SQ(d)->h))
		return DB_ERROR;  /* inside one already */
	return db_exec(d, "BEGIN");
}

static void sq_read_end(db *d)
{
	if (!sqlite3_get_autocommit(SQ(d)->h) && db_exec(d, "COMMIT") != DB_OK)
		db_exec(d, "ROLLBACK");
}

static int sq_column_count(db_stmt *st) { return SQS(st)->h ? sqlite3_column_count(SQS(st)->h) : 0; }
static const char *sq_column_name(db_stmt *st, int i) { return SQS(st)->h ? sqlite3_column_name(SQS(st)->h, i) : ""; }
static int sq_col_is_null(db_stmt *st, int i) { return sqlite3_column_type(SQS(st)->h, i) == SQLITE_NULL; }

static const char *sq_col_text(db_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(SQS(st)->h, i);
	return s ? (const char *)s : "";
}

/* The type first, as sq_col_is_null; the length SQLite knows already. */
static const char *sq_col_textn(db_stmt *st, int i, size_t *n)
{
	sqlite3_stmt *h = SQS(st)->h;

	if (sqlite3_column_type(h, i) == SQLITE_NULL)
		return NULL;
	const unsigned char *s = sqlite3_column_text(h, i);
	if (!s) {
		*n = 0;
		return "";
	}
	*n = (size_t)sqlite3_column_bytes(h, i);
	return (const char *)s;
}

static int64_t sq_col_int(db_stmt *st, int i) { return sqlite3_column_int64(SQS(st)->h, i); }
static const char *sq_stmt_sql(db_stmt *st) { return SQS(st)->h ? sqlite3_sql(SQS(st)->h) : SQS(st)->sql; }
static int64_t sq_changes(db *d) { return sqlite3_changes64(SQ(d)->h); }

static int sq_set_schema_version(db *d, int v)
{
	char pragma[64];

	snprintf(pragma, sizeof pragma, "PRAGMA user_version=%d", v);
	return db_exec(d, pragma);
}

/* The folder of the database's files: FILE-files beside the main file. */
static char *sq_files_dir(db *d)
{
	char *main = db_text(d, "SELECT file FROM pragma_database_list WHERE name = 'main'", "");

	if (!main || !*main) {
		free(main);
		return NULL;
	}
	buf b = BUF_INIT;
	buf_fmt(&b, "%s-files", main);
	free(main);
	return buf_detach(&b);
}

/*
 * db_read_begin_twin: the two read transactions must start on the same
 * WAL snapshot, and SQLite (as Debian builds it) cannot hand a snapshot
 * from one connection to another. So a third connection takes the write
 * lock for a moment (waiting 200 ms at most, never behind a long import),
 * both readers take their snapshots while no commit can happen, and the
 * lock is released: the scan's readers never block writers for longer.
 */
static int sq_read_twin(db *d, db **twin)
{
	const char *path = sqlite3_db_filename(SQ(d)->h, "main");
	sqlite3 *lock = NULL;
	db *t = NULL;
	char err[256];
	int locked = 0, rc;

	*twin = NULL;
	if (path && *path && (t = db_sqlite_open(path, DB_OPEN_READONLY, err, sizeof err)) &&
	    sqlite3_open_v2(path, &lock, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) == SQLITE_OK) {
		sqlite3_busy_timeout(lock, 200);
		locked = sqlite3_exec(lock, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK;
		/* the twin maps the file as d does */
		char sql[64];
		snprintf(sql, sizeof sql, "PRAGMA mmap_size=%lld",
			 (long long)db_int(d, 0, "PRAGMA mmap_size", ""));
		db_exec(t, sql);
	}
	/* reading page 1 inside BEGIN fixes each connection's snapshot */
	rc = db_exec(d, "BEGIN");
	if (rc == DB_OK && db_int(d, -1, "SELECT count(*) FROM main.sqlite_master", "") < 0) {
		rc = DB_ERROR;
		db_exec(d, "ROLLBACK");
	}
	if (rc == DB_OK && locked && db_exec(t, "BEGIN") == DB_OK &&
	    db_int(t, -1, "SELECT count(*) FROM main.sqlite_master", "") >= 0) {
		*twin = t;
		t = NULL;
	}
	if (lock) {
		if (locked)
			sqlite3_exec(lock, "ROLLBACK", NULL, NULL, NULL);
		sqlite3_close_v2(lock);
	}
	db_close(t);
	return rc;
}

static const db_backend sq_backend = {
	.dialect = DB_DIALECT_SQLITE,
	.close = sq_close,
	.errmsg = sq_errmsg,
	.error_public = sq_error_public,
	.busy_timeout = sq_busy_timeout,
	.interrupt = sq_interrupt,
	.data_version = sq_data_version,
	.read_twin = sq_read_twin,
	.schema_version = sq_schema_version,
	.set_schema_version = sq_set_schema_version,
	.exec = sq_exec,
	.begin = sq_begin,
	.begin_desk = sq_begin_desk,
	.begin_main = sq_begin_main,
	.lock_desk = sq_lock_desk,
	.writing_main = sq_writing_main,
	.commit = sq_commit,
	.rollback = sq_rollback,
	.prepare = sq_prepare,
	.finalize = sq_finalize,
	.reset = sq_reset,
	.bind_text = sq_bind_text,
	.bind_int = sq_bind_int,
	.bind_null = sq_bind_null,
	.step = sq_step,
	.column_count = sq_column_count,
	.column_name = sq_column_name,
	.col_is_null = sq_col_is_null,
	.col_text = sq_col_text,
	.col_textn = sq_col_textn,
	.col_int = sq_col_int,
	.stmt_sql = sq_stmt_sql,
	.changes = sq_changes,
	.files_dir = sq_files_dir,
	.read_begin = sq_read_begin,
	.read_end = sq_read_end,
	.sql = {
		[DB_SQL_TABLES_MAIN] = "SELECT count(*) FROM main.sqlite_master",
		[DB_SQL_TABLES_DESK] = "SELECT count(*) FROM desk.sqlite_master",
		/* started_at is "YYYY-MM-DDTHH:MM:SSZ" (clk_utc_iso), ms its duration */
		[DB_SQL_LAST_SCAN_END] = "SELECT coalesce(max(CAST(strftime('%s', started_at) AS INTEGER)"
					 " + coalesce(ms, 0) / 1000), 0) FROM warn_scans",
		[DB_SQL_AUDIT_GUARDS] = "SELECT count(*) FROM desk.sqlite_master WHERE type = 'trigger'"
					" AND tbl_name = 'audit_log' AND name IN ('audit_log_no_update',"
					" 'audit_log_no_delete')",
		[DB_SQL_VERSIONS] = "SELECT name, v FROM main.data_versions UNION ALL "
				    "SELECT name, v FROM desk.desk_versions",
		[DB_SQL_VERSION_OF] = "SELECT coalesce(sum(v), 0) FROM (SELECT v FROM main.data_versions "
				      "WHERE name IN (?1, ?2) UNION ALL SELECT v FROM desk.desk_versions "
				      "WHERE name IN (?1, ?2))",
	},
};
