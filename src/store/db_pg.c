/*
 * db_pg.c - the PostgreSQL backend of db.h, through libpq: one connection
 * per handle, the store's '?' placeholders turned into $1..$n, statements
 * prepared on the server once per connection and kept (by their SQL and
 * the kinds of values bound), results read whole into memory and handed
 * out a row at a time, and SQLSTATEs mapped to the DB_* codes.
 *
 * The two write lanes of the SQLite backend (main and desk file) are two
 * transaction-scoped advisory locks here: db_begin_main takes the main
 * lane's, db_begin_desk the desk lane's, db_begin both, db_lock_desk the
 * desk lane's inside a running transaction. Writers of one lane queue as
 * they do on SQLite, a log-in never waits behind an import, and whatever
 * the store reads after taking a lane's lock is current (READ COMMITTED:
 * each statement sees what was committed before it began).
 *
 * The change counter behind db_data_version is the sequence anxin_changes:
 * every connection that commits a write bumps it after its COMMIT, so a
 * reader that sees the new number also sees the data. The counters per
 * table (db.h, "What a computed result depends on") are bumped by a
 * statement trigger on every table (migration 0009: psql's writes count
 * too); on Citus, whose distributed tables take no triggers, by this file
 * at COMMIT for the tables the transaction's statements named after
 * INSERT INTO / UPDATE / DELETE FROM / COPY (scan_tables). The tables a
 * statement reads are the schema's table names in its text.
 *
 * Nothing here knows a domain noun.
 */
#include "store/db_backend.h"

#include <errno.h>
#include <libpq-fe.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "store/migrations.h"
#include "util/buf.h"

/* Server-side prepared statements kept per connection (by SQL and value
 * kinds): the least recently used is deallocated when the table is full. */
#define PG_PREPARED 128
#define PG_MAXPARAM 1024

/* Advisory lock keys of the two lanes ("anxin" + 1 / 2). */
#define LANE_MAIN 0x616e78696e01LL
#define LANE_DESK 0x616e78696e02LL

/* The most tables a schema has for the change counters (db.h). */
#define PG_TABLES 256

/* A set of the schema's tables: a bitmap over pg_db.known. */
typedef struct pg_set {
	uint64_t w[PG_TABLES / 64];
} pg_set;

typedef struct pg_prep {
	char *key;      /* translated SQL + '\1' + the value kinds */
	char name[16];  /* its server-side name, "a<n>" */
	uint64_t used;
} pg_prep;

typedef struct pg_db {
	struct db base;  /* first: a db * is a pg_db * */
	PGconn *c;
	PGcancel *cancel;
	pg_prep prep[PG_PREPARED];
	int nprep;
	uint64_t tick, names;
	char err[1024];     /* the last error's message */
	char state[6];      /* and its SQLSTATE */
	int64_t changes;
	int busy_ms;        /* 0: a lane that is taken fails at once */
	int in_txn;         /* inside BEGIN .. COMMIT/ROLLBACK */
	int wrote;          /* a write ran since the last bump */
	int main_locked;    /* the open transaction holds the main lane */
	int aborted;        /* db_interrupt: every statement but ROLLBACK fails */
	int citus;          /* the database is a Citus coordinator's */
	char *uri;          /* what it was opened with: a twin connects alike */
	buf copy;           /* COPY rows not yet sent */
	int copy_err;       /* a COPY row could not be sent */
	/* change counters (db.h) */
	int versioned;      /* the schema has data_versions */
	int counting;       /* counts writes in C: no trigger does (Citus) */
	char *known[PG_TABLES];  /* the schema's tables, sorted */
	int nknown;
	short khash[PG_TABLES * 2];  /* open addressing: index + 1, 0 = free */
	pg_set dirty;       /* tables written by the open transaction */
} pg_db;

typedef struct pg_stmt {
	struct db_stmt base;  /* first: a db_stmt * is a pg_stmt * */
	char *sql;            /* as the store wrote it */
	char *pgsql;          /* with $1..$n */
	int nparams;
	int writes;           /* not a SELECT / WITH ... SELECT: counts as a write */
	pg_set wr;            /* the schema's tables it writes (scan_tables) */
	char **vals;          /* the bound values (NULL = SQL NULL) */
	unsigned char *owned; /* vals[i] is a copy this statement frees */
	char *kinds;          /* per parameter: 'i' integer, 't' text, 'n' NULL */
	PGresult *res;        /* the running query's rows */
	int row, nrows;
} pg_stmt;

#define PG(d) ((pg_db *)(d))
#define PGS(st) ((pg_stmt *)(st))
static const db_backend pg_backend;

/* Keeps the error of res (or of the connection) as d's last error. */
static void pg_set_error(pg_db *p, const PGresult *res)
{
	const char *msg = res ? PQresultErrorMessage(res) : PQerrorMessage(p->c);
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;

	if (!msg || !*msg)
		msg = PQerrorMessage(p->c);
	snprintf(p->err, sizeof p->err, "%s", msg && *msg ? msg : "unknown PostgreSQL error");
	size_t n = strlen(p->err);
	while (n > 0 && (p->err[n - 1] == '\n' || p->err[n - 1] == ' '))
		p->err[--n] = '\0';
	snprintf(p->state, sizeof p->state, "%s", state ? state : "08000");
}

/* Maps a SQLSTATE to a DB_* code. */
static int pg_code(const char *state)
{
	if (strncmp(state, "23", 2) == 0)
		return DB_CONSTRAINT;
	if (strcmp(state, "55P03") == 0 || strcmp(state, "40P01") == 0 ||
	    strcmp(state, "40001") == 0)
		return DB_BUSY;
	return DB_ERROR;
}

/* Runs sql without parameters (several statements allowed) and returns
 * DB_OK or the failure code. */
static int pg_exec_raw(pg_db *p, const char *sql)
{
	PGresult *res = PQexec(p->c, sql);
	int st = PQresultStatus(res), rc = DB_OK;

	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
		pg_set_error(p, res);
		rc = pg_code(p->state);
	}
	PQclear(res);
	return rc;
}

/* After a write outside a transaction, or at COMMIT: tells every reader's
 * response cache that the data changed. */
static void pg_bump(pg_db *p)
{
	if (!p->wrote)
		return;
	p->wrote = 0;
	PQclear(PQexec(p->c, "SELECT nextval('anxin_changes')"));
}

/* The first word of sql, lower-cased, into w. */
static void first_word(const char *sql, char *w, size_t wlen)
{
	size_t n = 0;

	while (*sql == ' ' || *sql == '\t' || *sql == '\n' || *sql == '(')
		sql++;
	while (*sql && n + 1 < wlen && ((*sql >= 'a' && *sql <= 'z') || (*sql >= 'A' && *sql <= 'Z')))
		w[n++] = (char)(*sql++ | 0x20);
	w[n] = '\0';
}

/* ---- change counters (db.h) ----------------------------------------------- */

static uint32_t name_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)(s[i] | 0x20)) * 16777619u;
	return h;
}

/* The index in p->known of the table named by s[0..n) (any case), or -1. */
static int known_index(const pg_db *p, const char *s, size_t n)
{
	uint32_t h = name_hash(s, n) % (PG_TABLES * 2);

	for (int probe = 0; probe < PG_TABLES * 2 && p->khash[h]; probe++) {
		const char *k = p->known[p->khash[h] - 1];
		if (strlen(k) == n && strncasecmp(k, s, n) == 0)
			return p->khash[h] - 1;
		h = (h + 1) % (PG_TABLES * 2);
	}
	return -1;
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Learns the schema's tables (after the migrations). */
static void known_load(pg_db *p)
{
	db_stmt *st = db_prepare(&p->base, "SELECT tablename FROM pg_catalog.pg_tables "
					   "WHERE schemaname = current_schema()");

	while (db_step(st) == DB_ROW && p->nknown < PG_TABLES)
		if (!db_untracked_table(db_col_text(st, 0)) || strcmp(db_col_text(st, 0), "data_versions") == 0)
			p->known[p->nknown++] = xstrdup(db_col_text(st, 0));
	db_finalize(st);
	qsort(p->known, (size_t)p->nknown, sizeof *p->known, name_cmp);
	for (int i = 0; i < p->nknown; i++) {
		if (strcmp(p->known[i], "data_versions") == 0) {
			p->versioned = 1;
			p->counting = p->citus;  /* else the tables' triggers count */
			continue;  /* known only to say so, never counted */
		}
		uint32_t h = name_hash(p->known[i], strlen(p->known[i])) % (PG_TABLES * 2);
		while (p->khash[h])
			h = (h + 1) % (PG_TABLES * 2);
		p->khash[h] = (short)(i + 1);
	}
}

/*
 * The schema's tables that sql names: each into *reads (as a slot, for
 * db_track_reads), and into *wr those it writes - the table after INSERT
 * INTO, UPDATE (not FOR / DO / KEY UPDATE), DELETE FROM, COPY, TRUNCATE;
 * a writing statement (writes) in which none is found counts every table
 * it names as written. Quoted text and comments are skipped. The store's
 * SQL names its tables bare, so this is a tokenizer, not a parser: a
 * name taken for a table that is not one only makes a cache less precise.
 */
static void scan_tables(const pg_db *p, const char *sql, int writes, db_tables *reads, pg_set *wr)
{
	char prev[2][16] = {"", ""};
	pg_set named;
	int found = 0;

	memset(&named, 0, sizeof named);
	for (const char *s = sql; *s;) {
		if (*s == '\'' || *s == '"') {
			const char *e = strchr(s + 1, *s);
			s = e ? e + 1 : s + strlen(s);
			continue;
		}
		if (s[0] == '-' && s[1] == '-') {
			const char *e = strchr(s, '\n');
			s = e ? e : s + strlen(s);
			continue;
		}
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_')) {
			s++;
			continue;
		}
		const char *t = s;
		while ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
		       *s == '_')
			s++;
		size_t n = (size_t)(s - t);
		int k = known_index(p, t, n);
		if (k >= 0) {
			db_tables_add(reads, db_table_slot(p->known[k]));
			named.w[k / 64] |= 1ull << (k % 64);
			if ((!strcmp(prev[0], "into") && !strcmp(prev[1], "insert")) ||
			    (!strcmp(prev[0], "update") && strcmp(prev[1], "for") != 0 &&
			     strcmp(prev[1], "do") != 0 && strcmp(prev[1], "key") != 0) ||
			    (!strcmp(prev[0], "from") && !strcmp(prev[1], "delete")) ||
			    !strcmp(prev[0], "copy") || !strcmp(prev[0], "truncate") ||
			    (!strcmp(prev[0], "table") && !strcmp(prev[1], "truncate"))) {
				wr->w[k / 64] |= 1ull << (k % 64);
				found = 1;
			}
		}
		memcpy(prev[1], prev[0], sizeof prev[0]);
		size_t m = n < sizeof prev[0] - 1 ? n : sizeof prev[0] - 1;
		for (size_t i = 0; i < m; i++)
			prev[0][i] = (char)(t[i] | 0x20);
		prev[0][m] = 0;
	}
	if (writes && !found)
		*wr = named;
}

static int set_empty(const pg_set *s)
{
	for (int i = 0; i < PG_TABLES / 64; i++)
		if (s->w[i])
			return 0;
	return 1;
}

/* Bumps the counter of every table in p->dirty (one statement, the names
 * in order: two writers never wait on each other's rows the other way
 * round), inside the open transaction. DB_OK or the failure code. */
static int counters_bump(pg_db *p)
{
	const char *vals[PG_TABLES];
	int n = 0, rc = DB_OK;
	buf sql = BUF_INIT;

	if (!p->counting || set_empty(&p->dirty)) {
		memset(&p->dirty, 0, sizeof p->dirty);
		return DB_OK;
	}
	buf_puts(&sql, "INSERT INTO data_versions (name, v) VALUES ");
	for (int i = 0; i < p->nknown; i++)
		if ((p->dirty.w[i / 64] >> (i % 64)) & 1) {
			vals[n] = p->known[i];
			buf_fmt(&sql, "%s($%d, 1)", n ? ", " : "", n + 1);
			n++;
		}
	buf_puts(&sql, " ON CONFLICT (name) DO UPDATE SET v = data_versions.v + 1");
	memset(&p->dirty, 0, sizeof p->dirty);
	PGresult *res = PQexecParams(p->c, buf_str(&sql), n, NULL, vals, NULL, NULL, 0);
	if (PQresultStatus(res) != PGRES_COMMAND_OK) {
		pg_set_error(p, res);
		rc = pg_code(p->state);
	}
	PQclear(res);
	buf_free(&sql);
	return rc;
}

static void dirty_add(pg_db *p, const pg_set *wr)
{
	for (int i = 0; i < PG_TABLES / 64; i++)
		p->dirty.w[i] |= wr->w[i];
}

/* Rolls back the statement's own transaction, keeping the error that
 * failed it (ROLLBACK would overwrite the message and SQLSTATE). */
static void rollback_keeping_error(pg_db *p)
{
	char err[sizeof p->err], state[sizeof p->state];

	memcpy(err, p->err, sizeof err);
	memcpy(state, p->state, sizeof state);
	pg_exec_raw(p, "ROLLBACK");
	memcpy(p->err, err, sizeof err);
	memcpy(p->state, state, sizeof state);
}

static int pg_exec(db *d, const char *sql)
{
	pg_db *p = PG(d);
	char w[16];

	first_word(sql, w, sizeof w);
	if (strcmp(w, "rollback") == 0) {
		p->in_txn = p->main_locked = 0;
		p->wrote = 0;
		memset(&p->dirty, 0, sizeof p->dirty);
		return pg_exec_raw(p, "ROLLBACK");
	}
	if (__atomic_load_n(&p->aborted, __ATOMIC_RELAXED))
		return DB_ERROR;
	if (strcmp(w, "begin") == 0) {
		int rc = pg_exec_raw(p, sql);
		if (rc == DB_OK)
			p->in_txn = 1;
		memset(&p->dirty, 0, sizeof p->dirty);
		return rc;
	}
	if (strcmp(w, "commit") == 0 || strcmp(w, "end") == 0) {
		int rc = p->in_txn ? counters_bump(p) : DB_OK;
		if (rc != DB_OK)
			return rc;  /* the caller rolls back */
		rc = pg_exec_raw(p, sql);
		p->in_txn = p->main_locked = 0;
		if (rc == DB_OK)
			pg_bump(p);
		else
			p->wrote = 0;
		return rc;
	}
	db_tables reads;
	pg_set wr;
	memset(&reads, 0, sizeof reads);
	memset(&wr, 0, sizeof wr);
	scan_tables(p, sql, strcmp(w, "select") != 0 && strcmp(w, "set") != 0, &reads, &wr);
	int own = !p->in_txn && p->counting && !set_empty(&wr);
	if (own && pg_exec_raw(p, "BEGIN") != DB_OK)
		return pg_code(p->state);
	int rc = pg_exec_raw(p, sql);
	if (rc == DB_OK)
		dirty_add(p, &wr);
	if (own) {  /* a write outside a transaction: in one of its own */
		int erc = rc == DB_OK ? counters_bump(p) : rc;
		if (erc == DB_OK)
			erc = pg_exec_raw(p, "COMMIT");
		if (erc != DB_OK) {
			rollback_keeping_error(p);
			rc = erc;
		}
		memset(&p->dirty, 0, sizeof p->dirty);
	}
	if (rc == DB_OK && strcmp(w, "select") != 0) {
		p->wrote = 1;
		if (!p->in_txn)
			pg_bump(p);
	}
	return rc;
}

/* Takes the advisory lock of a lane inside the open transaction, waiting
 * up to the busy timeout (or not at all when it is 0). */
static int pg_lane(pg_db *p, long long key)
{
	char sql[96];
	PGresult *res;
	int rc = DB_OK;

	if (p->busy_ms == 0) {
		snprintf(sql, sizeof sql, "SELECT pg_try_advisory_xact_lock(%lld)", key);
		res = PQexec(p->c, sql);
		if (PQresultStatus(res) != PGRES_TUPLES_OK) {
			pg_set_error(p, res);
			rc = pg_code(p->state);
		} else if (strcmp(PQgetvalue(res, 0, 0), "t") != 0) {
			snprintf(p->err, sizeof p->err, "database is locked by another writer");
			snprintf(p->state, sizeof p->state, "55P03");
			rc = DB_BUSY;
		}
		PQclear(res);
		return rc;
	}
	snprintf(sql, sizeof sql, "SELECT pg_advisory_xact_lock(%lld)", key);
	return pg_exec_raw(p, sql);
}

/* BEGIN, then the lanes asked for (main first, always: no deadlock). */
static int pg_begin_lanes(db *d, int main_lane, int desk_lane)
{
	pg_db *p = PG(d);
	int rc = pg_exec(d, "BEGIN");

	if (rc != DB_OK)
		return rc;
	/* Citus: a write transaction that read a distributed table over
	 * several connections at once could not then write a reference table
	 * (workers, users, warning_events ...); one connection per worker
	 * node for the whole transaction can. */
	if (p->citus)
		rc = pg_exec_raw(p, "SET LOCAL citus.multi_shard_modify_mode TO 'sequential'");
	if (rc == DB_OK && main_lane && (rc = pg_lane(p, LANE_MAIN)) == DB_OK)
		p->main_locked = 1;
	if (rc == DB_OK && desk_lane)
		rc = pg_lane(p, LANE_DESK);
	if (rc != DB_OK) {
		char err[sizeof p->err], state[sizeof p->state];
		memcpy(err, p->err, sizeof err);
		memcpy(state, p->state, sizeof state);
		pg_exec(d, "ROLLBACK");
		memcpy(p->err, err, sizeof err);  /* why it failed, not the ROLLBACK */
		memcpy(p->state, state, sizeof state);
	}
	return rc;
}

static int pg_begin(db *d) { return pg_begin_lanes(d, 1, 1); }
static int pg_begin_main(db *d) { return pg_begin_lanes(d, 1, 0); }
static int pg_begin_desk(db *d) { return pg_begin_lanes(d, 0, 1); }
static int pg_lock_desk(db *d) { return pg_lane(PG(d), LANE_DESK); }
static int pg_writing_main(db *d) { return PG(d)->main_locked; }
static int pg_commit(db *d) { return pg_exec(d, "COMMIT"); }
static int pg_rollback(db *d) { return pg_exec(d, "ROLLBACK"); }

static void pg_busy_timeout(db *d, int ms)
{
	pg_db *p = PG(d);
	char sql[64];

	p->busy_ms = ms;
	snprintf(sql, sizeof sql, "SET lock_timeout = %d", ms > 0 ? ms : 1);
	pg_exec_raw(p, sql);
}

static void pg_interrupt(db *d)
{
	pg_db *p = PG(d);
	char why[256];

	__atomic_store_n(&p->aborted, 1, __ATOMIC_RELAXED);
	if (p->cancel)
		PQcancel(p->cancel, why, sizeof why);
}

static const char *pg_errmsg(db *d)
{
	pg_db *p = PG(d);

	if (__atomic_load_n(&p->aborted, __ATOMIC_RELAXED))
		return "interrupted: the server is stopping";
	return p->err;
}

static const char *pg_error_public(db *d, const char *what)
{
	pg_db *p = PG(d);

	if (__atomic_load_n(&p->aborted, __ATOMIC_RELAXED))
		return "服务器正在停止,未写入任何数据;请稍后重试 "
		       "(the server is stopping: nothing was written; try again later)";
	fprintf(stderr, "anxin: database error in %s: %s (SQLSTATE %s)\n", what, p->err, p->state);
	if (strncmp(p->state, "53", 2) == 0)
		return "数据库服务器磁盘或内存不足,未写入任何数据;请联系管理员 "
		       "(the database server is out of disk or memory: nothing was written)";
	if (pg_code(p->state) == DB_BUSY)
		return "数据库正被其他操作占用,未写入任何数据;请稍后重试 "
		       "(database busy with another operation: nothing was written; try again later)";
	if (strcmp(p->state, "25006") == 0)
		return "数据库只读,未写入任何数据 (the database is read-only: nothing was written)";
	if (strncmp(p->state, "08", 2) == 0 || strncmp(p->state, "57", 2) == 0)
		return "与数据库服务器的连接中断,未写入任何数据;请稍后重试 "
		       "(the connection to the database server failed: nothing was written)";
	return "数据库错误,未写入任何数据 (database error: nothing was written)";
}

static int64_t pg_data_version(db *d)
{
	return db_int(d, -1, "SELECT last_value FROM anxin_changes", "");
}

/*
 * db_read_begin_twin: d's repeatable-read transaction exports its snapshot
 * and the twin's transaction imports it (SET TRANSACTION SNAPSHOT), so both
 * see the same data. Without a twin, d's transaction is begun all the same.
 */
static int pg_read_twin(db *d, db **twin)
{
	char err[256], sql[160];
	db *t;
	int rc;

	*twin = NULL;
	if ((rc = db_exec(d, "BEGIN ISOLATION LEVEL REPEATABLE READ")) != DB_OK)
		return rc;
	char *snap = db_text(d, "SELECT pg_export_snapshot()", "");
	if (!snap || strspn(snap, "0123456789ABCDEFabcdef-") != strlen(snap) || strlen(snap) > 64) {
		free(snap);
		db_exec(d, "ROLLBACK");
		return db_exec(d, "BEGIN ISOLATION LEVEL REPEATABLE READ");
	}
	snprintf(sql, sizeof sql, "SET TRANSACTION SNAPSHOT '%s'", snap);
	free(snap);
	if (!(t = db_pg_open(PG(d)->uri, DB_OPEN_READONLY, err, sizeof err)))
		return DB_OK;
	if (db_exec(t, "BEGIN ISOLATION LEVEL REPEATABLE READ") != DB_OK || db_exec(t, sql) != DB_OK) {
		db_close(t);
		return DB_OK;
	}
	*twin = t;
	return DB_OK;
}

static int pg_schema_version(db *d)
{
	if (db_int(d, 0, "SELECT count(*) FROM pg_catalog.pg_tables"
			 " WHERE schemaname = current_schema() AND tablename = 'schema_version'", "") == 0)
		return 0;
	return (int)db_int(d, 0, "SELECT max(version) FROM schema_version", "");
}

static int pg_set_schema_version(db *d, int v)
{
	int rc = db_run(d, "DELETE FROM schema_version", "");

	return rc != DB_OK ? rc : db_run(d, "INSERT INTO schema_version (version) VALUES (?)", "i",
					 (int64_t)v);
}

/*
 * The store's SQL with its parameters turned into $1..$n, by SQLite's
 * rules: "?NNN" is parameter NNN, a bare "?" the one after the largest
 * number so far. Quoted strings, quoted names and comments are copied as
 * they are. Sets *n to the number of parameters (the largest).
 */
static char *pg_translate(const char *sql, int *n)
{
	buf b = BUF_INIT;
	int k = 0;

	for (const char *s = sql; *s; s++) {
		if (*s == '\'' || *s == '"') {
			char q = *s;
			const char *e = s + 1;
			while (*e && *e != q)
				e++;
			buf_putn(&b, s, (size_t)(e - s) + (*e ? 1 : 0));
			if (!*e)
				break;
			s = e;
		} else if (s[0] == '-' && s[1] == '-') {
			const char *e = strchr(s, '\n');
			size_t len = e ? (size_t)(e - s) : strlen(s);
			buf_putn(&b, s, len);
			s += len - 1;
		} else if (*s == '?' && s[1] >= '0' && s[1] <= '9') {
			int num = (int)strtol(s + 1, (char **)&s, 10);
			buf_fmt(&b, "$%d", num);
			if (num > k)
				k = num;
			s--;
		} else if (*s == '?') {
			buf_fmt(&b, "$%d", ++k);
		} else {
			buf_putc(&b, *s);
		}
	}
	*n = k;
	return buf_detach(&b);
}

static db_stmt *pg_prepare(db *d, const char *sql)
{
	pg_stmt *q = xcalloc(1, sizeof *q);
	char w[16];

	q->base.d = d;
	q->sql = xstrdup(sql);
	q->pgsql = pg_translate(sql, &q->nparams);
	first_word(sql, w, sizeof w);
	q->writes = strcmp(w, "select") != 0 && strcmp(w, "with") != 0 &&
		    strcmp(w, "values") != 0 && strcmp(w, "explain") != 0;
	scan_tables(PG(d), sql, q->writes, &q->base.reads, &q->wr);
	if (q->nparams > 0) {
		q->vals = xcalloc((size_t)q->nparams, sizeof *q->vals);
		q->owned = xcalloc((size_t)q->nparams, 1);
		q->kinds = xcalloc((size_t)q->nparams + 1, 1);
		memset(q->kinds, 'n', (size_t)q->nparams);
	}
	return &q->base;
}

static void clear_result(pg_stmt *q)
{
	PQclear(q->res);
	q->res = NULL;
	q->row = q->nrows = 0;
}

static void clear_binds(pg_stmt *q)
{
	for (int i = 0; i < q->nparams; i++) {
		if (q->owned[i])
			free(q->vals[i]);
		q->vals[i] = NULL;
		q->owned[i] = 0;
		q->kinds[i] = 'n';
	}
}

static void pg_finalize(db_stmt *st)
{
	pg_stmt *q = PGS(st);

	clear_result(q);
	if (q->nparams > 0)
		clear_binds(q);
	free(q->vals);
	free(q->owned);
	free(q->kinds);
	free(q->sql);
	free(q->pgsql);
	free(q);
}

static void pg_reset(db_stmt *st)
{
	pg_stmt *q = PGS(st);

	clear_result(q);
	if (q->nparams > 0)
		clear_binds(q);
}

static void set_val(pg_stmt *q, int i, char *v, int owned, char kind)
{
	if (i < 1 || i > q->nparams)
		return;
	i--;
	if (q->owned[i])
		free(q->vals[i]);
	q->vals[i] = v;
	q->owned[i] = (unsigned char)owned;
	q->kinds[i] = kind;
}

static void pg_bind_text(db_stmt *st, int i, const char *s, size_t n, int copy)
{
	pg_stmt *q = PGS(st);

	if (n != (size_t)-1)
		set_val(q, i, xstrndup(s, n), 1, 't');
	else if (copy)
		set_val(q, i, xstrdup(s), 1, 't');
	else
		set_val(q, i, (char *)s, 0, 't');
}

static void pg_bind_int(db_stmt *st, int i, int64_t v)
{
	char tmp[24];

	snprintf(tmp, sizeof tmp, "%lld", (long long)v);
	set_val(PGS(st), i, xstrdup(tmp), 1, 'i');
}

static void pg_bind_null(db_stmt *st, int i) { set_val(PGS(st), i, NULL, 0, 'n'); }

/* The parameter number an "indeterminate datatype" error names, or 0. */
static int indeterminate_param(const char *msg)
{
	const char *s = strstr(msg, "parameter $");
	return s ? atoi(s + 11) : 0;
}

/*
 * The server-side name of q's statement with its current value kinds,
 * preparing it when this connection has not yet. Integers are sent as
 * int8, texts and NULLs as "unknown" so that the server takes the column's
 * type; a parameter whose type the server cannot tell (a bare "? IS NULL")
 * is retried as text. NULL with d's error set when it cannot be prepared.
 */
static const char *pg_prepared(pg_db *p, pg_stmt *q)
{
	buf key = BUF_INIT;
	Oid types[PG_MAXPARAM];
	int slot = -1;

	buf_puts(&key, q->pgsql);
	buf_putc(&key, '\1');
	if (q->nparams)
		buf_puts(&key, q->kinds);
	p->tick++;
	for (int i = 0; i < p->nprep; i++)
		if (strcmp(p->prep[i].key, buf_str(&key)) == 0) {
			p->prep[i].used = p->tick;
			buf_free(&key);
			return p->prep[i].name;
		}
	if (q->nparams > PG_MAXPARAM) {
		snprintf(p->err, sizeof p->err, "too many parameters (%d)", q->nparams);
		snprintf(p->state, sizeof p->state, "54023");
		buf_free(&key);
		return NULL;
	}
	for (int i = 0; i < q->nparams; i++)
		types[i] = q->kinds[i] == 'i' ? 20 : 0;  /* int8 / unknown */

	if (p->nprep < PG_PREPARED) {
		slot = p->nprep++;
	} else {
		slot = 0;
		for (int i = 1; i < p->nprep; i++)
			if (p->prep[i].used < p->prep[slot].used)
				slot = i;
		char sql[48];
		snprintf(sql, sizeof sql, "DEALLOCATE %s", p->prep[slot].name);
		PQclear(PQexec(p->c, sql));
		free(p->prep[slot].key);
	}
	pg_prep *pp = &p->prep[slot];
	pp->key = buf_detach(&key);
	pp->used = p->tick;
	snprintf(pp->name, sizeof pp->name, "a%llu", (unsigned long long)++p->names);
	for (int tries = 0; tries <= q->nparams; tries++) {
		PGresult *res = PQprepare(p->c, pp->name, q->pgsql, q->nparams, types);
		int ok = PQresultStatus(res) == PGRES_COMMAND_OK;
		if (ok) {
			PQclear(res);
			return pp->name;
		}
		pg_set_error(p, res);
		PQclear(res);
		int k = indeterminate_param(p->err);
		if (strcmp(p->state, "42P18") != 0 || k < 1 || k > q->nparams || types[k - 1] == 25)
			break;
		types[k - 1] = 25;  /* text */
	}
	/* not prepared: forget the slot */
	free(pp->key);
	*pp = p->prep[--p->nprep];
	return NULL;
}

static int pg_step(db_stmt *st)
{
	pg_stmt *q = PGS(st);
	pg_db *p = PG(st->d);

	if (q->res) {
		if (++q->row < q->nrows)
			return DB_ROW;
		clear_result(q);
		return DB_DONE;
	}
	if (__atomic_load_n(&p->aborted, __ATOMIC_RELAXED))
		return DB_ERROR;
	const char *name = pg_prepared(p, q);
	if (!name) {
		fprintf(stderr, "anxin: SQL prepare failed: %s\n  in: %s\n", p->err, q->sql);
		return pg_code(p->state);
	}
	/* A write outside a transaction runs in one of its own, so that its
	 * tables' counters commit with it (db.h). */
	int own = !p->in_txn && p->counting && !set_empty(&q->wr);
	if (own && pg_exec_raw(p, "BEGIN") != DB_OK)
		return pg_code(p->state);
	PGresult *res = PQexecPrepared(p->c, name, q->nparams, (const char *const *)q->vals,
				       NULL, NULL, 0);
	int status = PQresultStatus(res);
	if (own) {
		int ok = status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK;
		if (ok) {
			dirty_add(p, &q->wr);
			int erc = counters_bump(p);
			if (erc == DB_OK)
				erc = pg_exec_raw(p, "COMMIT");
			if (erc != DB_OK) {
				PQclear(res);
				rollback_keeping_error(p);
				return erc;
			}
		} else {
			pg_set_error(p, res);
			PQclear(res);
			rollback_keeping_error(p);
			return pg_code(p->state);
		}
	} else if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK) {
		dirty_add(p, &q->wr);
	}
	if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK) {
		p->changes = atoll(PQcmdTuples(res));
		if (q->writes) {
			p->wrote = 1;
			if (!p->in_txn)
				pg_bump(p);
		}
		if (status == PGRES_TUPLES_OK && PQntuples(res) > 0) {
			q->res = res;
			q->row = 0;
			q->nrows = PQntuples(res);
			return DB_ROW;
		}
		PQclear(res);
		return DB_DONE;
	}
	pg_set_error(p, res);
	PQclear(res);
	return pg_code(p->state);
}

static int pg_column_count(db_stmt *st) { return PGS(st)->res ? PQnfields(PGS(st)->res) : 0; }

static const char *pg_column_name(db_stmt *st, int i)
{
	return PGS(st)->res ? PQfname(PGS(st)->res, i) : "";
}

static int pg_col_is_null(db_stmt *st, int i)
{
	pg_stmt *q = PGS(st);
	return !q->res || PQgetisnull(q->res, q->row, i);
}

static const char *pg_col_text(db_stmt *st, int i)
{
	pg_stmt *q = PGS(st);
	return q->res ? PQgetvalue(q->res, q->row, i) : "";
}

/* Integers as text; a boolean is 1 / 0; a numeric or a double is
 * truncated, as SQLite's column_int64 does. */
static int64_t pg_col_int(db_stmt *st, int i)
{
	pg_stmt *q = PGS(st);

	if (!q->res || PQgetisnull(q->res, q->row, i))
		return 0;
	const char *s = PQgetvalue(q->res, q->row, i);
	if (s[0] == 't' && !s[1])
		return 1;
	if (s[0] == 'f' && !s[1])
		return 0;
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (*end == '.' || *end == 'e' || *end == 'E')
		return (int64_t)strtod(s, NULL);
	return v;
}

static const char *pg_stmt_sql(db_stmt *st) { return PGS(st)->sql; }
static int64_t pg_changes(db *d) { return PG(d)->changes; }

static void pg_close(db *d)
{
	pg_db *p = PG(d);

	for (int i = 0; i < p->nprep; i++)
		free(p->prep[i].key);
	for (int i = 0; i < p->nknown; i++)
		free(p->known[i]);
	if (p->cancel)
		PQfreeCancel(p->cancel);
	buf_free(&p->copy);
	PQfinish(p->c);
	free(p->uri);
	free(p);
}

db *db_pg_open(const char *uri, int flags, char *err, size_t errlen)
{
	pg_db *p = xcalloc(1, sizeof *p);
	db *d = &p->base;
	char name[1024];

	p->base.be = &pg_backend;
	p->busy_ms = 10000;
	p->uri = xstrdup(uri);
	db_display_name(uri, name, sizeof name);
	p->c = PQconnectdb(uri);
	if (!p->c || PQstatus(p->c) != CONNECTION_OK) {
		char msg[512];
		snprintf(msg, sizeof msg, "%s", p->c ? PQerrorMessage(p->c) : "out of memory");
		msg[strcspn(msg, "\n")] = '\0';
		snprintf(err, errlen, "%s: cannot connect to the database: %s", name, msg);
		goto fail;
	}
	p->cancel = PQgetCancel(p->c);
	if (pg_exec_raw(p, "SET client_encoding = 'UTF8'; SET lock_timeout = 10000;"
			   " SET client_min_messages = warning") != DB_OK) {
		snprintf(err, errlen, "%s: %s", name, p->err);
		goto fail;
	}
	if (flags & DB_OPEN_READONLY)
		pg_exec_raw(p, "SET default_transaction_read_only = on");
	p->citus = db_int(d, 0, "SELECT count(*) FROM pg_catalog.pg_extension WHERE extname = 'citus'",
			  "") > 0;
	if (db_check_schema(d, name, flags, err, errlen) != 0)
		goto fail;
	/* an empty database is what a missing file is to SQLite: only a
	 * command that may create one (DB_OPEN_CREATE) gives it the schema */
	if (!(flags & DB_OPEN_READONLY) && (pg_schema_version(d) > 0 || (flags & DB_OPEN_CREATE)) &&
	    db_migrate_list(d, migrations_pg, migrations_pg_count, err, errlen) != 0)
		goto fail;
	if (pg_schema_version(d) == 0) {
		snprintf(err, errlen, "%s: the database has no anxin schema: run `anxin init --db "
			 "URI` first", name);
		goto fail;
	}
	/* the counter trigger on a table a later migration made (a no-op
	 * when every table has it, and on Citus) */
	if (!(flags & DB_OPEN_READONLY) && pg_schema_version(d) >= 9 &&
	    pg_exec_raw(p, "SELECT anxin_count_attach()") != DB_OK) {
		snprintf(err, errlen, "%s: %s", name, p->err);
		goto fail;
	}
	known_load(p);
	return d;
fail:
	pg_close(d);
	return NULL;
}

/* ---- COPY ... FROM STDIN (db_copy_*) ------------------------------------- */

#define COPY_CHUNK 65536

static int pg_copy_begin(db *d, const char *sql)
{
	pg_db *p = PG(d);

	if (__atomic_load_n(&p->aborted, __ATOMIC_RELAXED))
		return DB_ERROR;
	PGresult *res = PQexec(p->c, sql);
	int ok = PQresultStatus(res) == PGRES_COPY_IN;
	db_tables reads;
	pg_set wr;

	memset(&reads, 0, sizeof reads);
	memset(&wr, 0, sizeof wr);
	scan_tables(p, sql, 1, &reads, &wr);
	dirty_add(p, &wr);  /* COPY runs inside the import's transaction */
	if (!ok)
		pg_set_error(p, res);
	PQclear(res);
	buf_reset(&p->copy);
	p->copy_err = 0;
	return ok ? DB_OK : pg_code(p->state);
}

/* Sends what the buffer holds. */
static void copy_send(pg_db *p)
{
	if (p->copy.len && !p->copy_err &&
	    PQputCopyData(p->c, buf_str(&p->copy), (int)p->copy.len) != 1)
		p->copy_err = 1;
	buf_reset(&p->copy);
}

/* One row in COPY's text format: tab between values, \N for NULL, and
 * backslash, tab, newline and carriage return escaped. */
static int pg_copy_row(db *d, const char *const *vals, int n)
{
	pg_db *p = PG(d);

	for (int i = 0; i < n; i++) {
		if (i)
			buf_putc(&p->copy, '\t');
		if (!vals[i]) {
			buf_puts(&p->copy, "\\N");
			continue;
		}
		const char *s = vals[i], *run = s;
		for (; *s; s++) {
			const char *esc = *s == '\\' ? "\\\\" : *s == '\t' ? "\\t" : *s == '\n' ? "\\n"
					: *s == '\r' ? "\\r" : NULL;
			if (!esc)
				continue;
			buf_putn(&p->copy, run, (size_t)(s - run));
			buf_puts(&p->copy, esc);
			run = s + 1;
		}
		buf_putn(&p->copy, run, (size_t)(s - run));
	}
	buf_putc(&p->copy, '\n');
	if (p->copy.len >= COPY_CHUNK)
		copy_send(p);
	return p->copy_err ? DB_ERROR : DB_OK;
}

static int pg_copy_end(db *d)
{
	pg_db *p = PG(d);
	int rc = DB_OK;

	copy_send(p);
	if (PQputCopyEnd(p->c, p->copy_err ? "anxin: a row could not be sent" : NULL) != 1)
		p->copy_err = 1;
	PGresult *res;
	while ((res = PQgetResult(p->c)) != NULL) {
		if (PQresultStatus(res) != PGRES_COMMAND_OK && rc == DB_OK) {
			pg_set_error(p, res);
			rc = pg_code(p->state);
		} else if (rc == DB_OK) {
			p->changes = atoll(PQcmdTuples(res));
		}
		PQclear(res);
	}
	if (p->copy_err && rc == DB_OK) {
		pg_set_error(p, NULL);
		rc = DB_ERROR;
	}
	if (rc == DB_OK)
		p->wrote = 1;
	buf_reset(&p->copy);
	return rc;
}

/* The folder of the database's files: $ANXIN_FILES, else ./anxin-files
 * (the service's working directory is its state directory). */
static char *pg_files_dir(db *d)
{
	const char *dir = getenv("ANXIN_FILES");

	return xstrdup(dir && *dir ? dir : "anxin-files");
}

const char *db_pg_remove(const char *uri)
{
	static char why[512];
	PGconn *c = PQconnectdb(uri);
	const char *ret = NULL;
	PGresult *res = NULL;

	if (!c || PQstatus(c) != CONNECTION_OK) {
		snprintf(why, sizeof why, "cannot connect: %s", c ? PQerrorMessage(c) : "out of memory");
		why[strcspn(why, "\n")] = '\0';
		ret = why;
		goto done;
	}
	res = PQexec(c, "SELECT count(*), count(CASE WHEN tablename = 'schema_version' THEN 1 END)"
			" FROM pg_catalog.pg_tables WHERE schemaname = 'public'");
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		ret = "cannot read the catalogue";
		goto done;
	}
	if (atoll(PQgetvalue(res, 0, 0)) > 0 && atoll(PQgetvalue(res, 0, 1)) == 0) {
		ret = "the database holds tables that are not anxin's; empty it yourself if you mean it";
		goto done;
	}
	PQclear(res);
	res = PQexec(c, "SET client_min_messages = warning; DROP SCHEMA public CASCADE;"
			" CREATE SCHEMA public");
	if (PQresultStatus(res) != PGRES_COMMAND_OK) {
		snprintf(why, sizeof why, "%s", PQresultErrorMessage(res));
		why[strcspn(why, "\n")] = '\0';
		ret = why;
	}
done:
	PQclear(res);
	PQfinish(c);
	return ret;
}

static const db_backend pg_backend = {
	.dialect = DB_DIALECT_PG,
	.close = pg_close,
	.errmsg = pg_errmsg,
	.error_public = pg_error_public,
	.busy_timeout = pg_busy_timeout,
	.interrupt = pg_interrupt,
	.data_version = pg_data_version,
	.read_twin = pg_read_twin,
	.schema_version = pg_schema_version,
	.set_schema_version = pg_set_schema_version,
	.exec = pg_exec,
	.begin = pg_begin,
	.begin_desk = pg_begin_desk,
	.begin_main = pg_begin_main,
	.lock_desk = pg_lock_desk,
	.writing_main = pg_writing_main,
	.commit = pg_commit,
	.rollback = pg_rollback,
	.prepare = pg_prepare,
	.finalize = pg_finalize,
	.reset = pg_reset,
	.bind_text = pg_bind_text,
	.bind_int = pg_bind_int,
	.bind_null = pg_bind_null,
	.step = pg_step,
	.column_count = pg_column_count,
	.column_name = pg_column_name,
	.col_is_null = pg_col_is_null,
	.col_text = pg_col_text,
	.col_int = pg_col_int,
	.stmt_sql = pg_stmt_sql,
	.changes = pg_changes,
	.files_dir = pg_files_dir,
	.copy_begin = pg_copy_begin,
	.copy_row = pg_copy_row,
	.copy_end = pg_copy_end,
	.sql = {
		[DB_SQL_TABLES_MAIN] = "SELECT count(*) FROM pg_catalog.pg_tables"
				       " WHERE schemaname = current_schema()",
		[DB_SQL_TABLES_DESK] = "SELECT count(*) FROM pg_catalog.pg_tables"
				       " WHERE schemaname = current_schema() AND tablename = 'audit_log'",
		[DB_SQL_LAST_SCAN_END] = "SELECT coalesce(max(CAST(extract(epoch FROM CAST(started_at AS"
					 " timestamptz)) AS BIGINT) + coalesce(ms, 0) / 1000), 0)"
					 " FROM warn_scans",
		[DB_SQL_AUDIT_GUARDS] = "SELECT count(*) FROM pg_catalog.pg_trigger t"
					" JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid"
					" WHERE c.relname = 'audit_log' AND t.tgname IN"
					" ('audit_log_no_update', 'audit_log_no_delete')",
		[DB_SQL_VERSIONS] = "SELECT name, v FROM data_versions",
		[DB_SQL_VERSION_OF] = "SELECT coalesce(sum(v), 0) FROM data_versions WHERE name IN (?1, ?2)",
	},
};
