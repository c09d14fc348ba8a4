/*
 * db_migrate.c - a whole database copied into an empty one of either
 * backend, generic over the tables of the catalogue (see db_migrate.h).
 * It uses db.h only; the few statements that must differ (the catalogue,
 * PostgreSQL's cursor, batch insert and sequences) branch on db_dialect.
 *
 * Table and column names in the SQL built here come from the databases'
 * own catalogues, never from a user, and are always double-quoted (valid
 * in both dialects; warn_scans."full" needs it).
 */
#include "store/db_migrate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/buf.h"

/* Rows per FETCH from a PostgreSQL source. */
#define PG_FETCH "5000"

struct db_migrate {
	char *dst_path;      /* as given */
	char *partial;       /* SQLite target: the file written, dst.partial */
	db *src, *dst;
	int dst_existed;     /* SQLite target: an (empty) dst to replace */
	int reading;         /* the source's snapshot is open */
	int writing;         /* the target's transaction is open */
	int committed;
	char **tables;       /* in copy order (parents first) */
	int ntables;
	int64_t *seeded;     /* rows of each table in a freshly created schema */
	db_migrate_table *counts;
};

/* Appends name double-quoted to b. */
static void put_ident(buf *b, const char *name)
{
	buf_putc(b, '"');
	for (const char *s = name; *s; s++) {
		if (*s == '"')
			buf_putc(b, '"');
		buf_putc(b, *s);
	}
	buf_putc(b, '"');
}

/* SELECT count(*) FROM "t" on d; -1 on error. */
static int64_t count_rows(db *d, const char *t)
{
	buf b = BUF_INIT;

	buf_puts(&b, "SELECT count(*) FROM ");
	put_ident(&b, t);
	int64_t n = db_int(d, -1, buf_str(&b), "");
	buf_free(&b);
	return n;
}

static void free_list(char **list, int n)
{
	for (int i = 0; i < n; i++)
		free(list[i]);
	free(list);
}

/*
 * The tables of d's schema by name (byte order), without the backend's
 * own bookkeeping (SQLite: lane in either file, sqlite_*; PostgreSQL:
 * schema_version; both: the change counters, data_versions and
 * desk_versions, which the copy's own writes set in the target).
 * Returns how many (*out: caller frees), -1 on error.
 */
static int list_tables(db *d, char ***out)
{
	const char *sql =
		db_dialect(d) == DB_DIALECT_PG
			? "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
			  "AND tablename NOT IN ('schema_version', 'data_versions', 'desk_versions') "
			  "ORDER BY 1"
			: "SELECT name FROM main.sqlite_master WHERE type = 'table' "
			  "AND substr(name, 1, 7) <> 'sqlite_' AND name NOT IN ('lane', 'data_versions') "
			  "UNION SELECT name FROM desk.sqlite_master WHERE type = 'table' "
			  "AND substr(name, 1, 7) <> 'sqlite_' AND name NOT IN ('lane', 'desk_versions') "
			  "ORDER BY 1";
	db_stmt *st = db_prepare(d, sql);
	char **list = NULL;
	int n = 0, rc;

	while ((rc = db_step(st)) == DB_ROW) {
		list = xrealloc(list, (size_t)(n + 1) * sizeof *list);
		list[n++] = xstrdup(db_col_text(st, 0));
	}
	db_finalize(st);
	if (rc != DB_DONE) {
		free_list(list, n);
		return -1;
	}
	*out = list;
	return n;
}

static int find(char **list, int n, const char *name)
{
	for (int i = 0; i < n; i++)
		if (strcmp(list[i], name) == 0)
			return i;
	return -1;
}

/*
 * Orders tables[0..n) so that every table comes after the tables its
 * foreign keys reference (by name order among the ready ones, so the
 * order is stable). parent[i*n+j] = 1: table i references table j.
 * Returns 0, or -1 on a database error or a cycle.
 */
static int order_by_keys(db *d, char **tables, int n, char *err, size_t errlen)
{
	unsigned char *parent = xcalloc((size_t)n * (size_t)n + 1, 1);
	int rc = DB_DONE;

	if (db_dialect(d) == DB_DIALECT_PG) {
		db_stmt *st = db_prepare(
			d, "SELECT c.relname, p.relname FROM pg_constraint k "
			   "JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid "
			   "JOIN pg_namespace s ON s.oid = c.relnamespace "
			   "WHERE k.contype = 'f' AND s.nspname = current_schema()");
		while ((rc = db_step(st)) == DB_ROW) {
			int i = find(tables, n, db_col_text(st, 0)), j = find(tables, n, db_col_text(st, 1));
			if (i >= 0 && j >= 0 && i != j)
				parent[i * n + j] = 1;
		}
		db_finalize(st);
	} else {
		for (int i = 0; i < n && rc == DB_DONE; i++) {
			db_stmt *st = db_prepare(d, "SELECT \"table\" FROM pragma_foreign_key_list(?)");
			db_bind_text(st, 1, tables[i]);
			while ((rc = db_step(st)) == DB_ROW) {
				int j = find(tables, n, db_col_text(st, 0));
				if (j >= 0 && j != i)
					parent[i * n + j] = 1;
			}
			db_finalize(st);
		}
	}
	if (rc != DB_DONE) {
		snprintf(err, errlen, "reading the foreign keys: %s", db_errmsg(d));
		free(parent);
		return -1;
	}
	char **sorted = xcalloc((size_t)n + 1, sizeof *sorted);
	unsigned char *placed = xcalloc((size_t)n + 1, 1);
	int k = 0;
	while (k < n) {
		int progress = 0;
		for (int i = 0; i < n; i++) {
			if (placed[i])
				continue;
			int ready = 1;
			for (int j = 0; j < n && ready; j++)
				if (parent[i * n + j] && !placed[j])
					ready = 0;
			if (ready) {
				placed[i] = 1;
				sorted[k++] = tables[i];
				progress = 1;
			}
		}
		if (!progress)
			break;
	}
	free(parent);
	free(placed);
	if (k < n) {
		snprintf(err, errlen, "the foreign keys of the tables form a cycle: no copy order");
		free(sorted);
		return -1;
	}
	memcpy(tables, sorted, (size_t)n * sizeof *tables);
	free(sorted);
	return 0;
}

/* Takes the source's read snapshot. SQLite: one read transaction over both
 * files, started on both while another handle holds the desk's write lock
 * for a moment (a writer of both files commits the main file first, the
 * desk last, holding the desk's lock: so no such commit is half seen).
 * PostgreSQL: one REPEATABLE READ, read-only transaction. */
static int source_snapshot(db *src, const char *path, char *err, size_t errlen)
{
	if (db_dialect(src) == DB_DIALECT_PG) {
		if (db_exec(src, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") != DB_OK ||
		    db_int(src, -1, "SELECT count(*) FROM pg_tables", "") < 0) {
			snprintf(err, errlen, "%s: cannot start a snapshot: %s", path, db_errmsg(src));
			return -1;
		}
		return 0;
	}
	char lerr[256];
	db *lock = db_open(path, 0, lerr, sizeof lerr);
	if (lock && db_begin_desk(lock) != DB_OK) {
		snprintf(err, errlen, "%s: cannot take the desk's lock for a moment: %s", path,
			 db_errmsg(lock));
		db_close(lock);
		return -1;
	}
	int rc = db_exec(src, "BEGIN");
	if (rc == DB_OK && (db_int(src, -1, "SELECT count(*) FROM main.sqlite_master", "") < 0 ||
			    db_int(src, -1, "SELECT count(*) FROM desk.sqlite_master", "") < 0))
		rc = DB_ERROR;
	if (rc != DB_OK)
		snprintf(err, errlen, "%s: cannot start a snapshot: %s", path, db_errmsg(src));
	if (lock) {
		db_rollback(lock);
		db_close(lock);
	}
	return rc == DB_OK ? 0 : -1;
}

/* The rows a freshly created schema has in each of tables[0..n) (what the
 * migrations seed), from a new in-memory database. Returns 0 or -1. */
static int seeded_rows(char **tables, int n, int64_t *seeded, char *err, size_t errlen)
{
	db *fresh = db_open(":memory:", DB_OPEN_CREATE, err, errlen);

	if (!fresh)
		return -1;
	char **ft;
	int fn = list_tables(fresh, &ft);
	for (int i = 0; i < n; i++) {
		seeded[i] = find(ft, fn < 0 ? 0 : fn, tables[i]) >= 0 ? count_rows(fresh, tables[i]) : 0;
		if (seeded[i] < 0)
			seeded[i] = 0;
	}
	if (fn >= 0)
		free_list(ft, fn);
	db_close(fresh);
	return 0;
}

/* Whether the target d (named name) is empty: every table of tables[0..n)
 * holds what a fresh schema holds (seeded[i] rows). Returns 0, or -1 with
 * err naming the tables that have rows of their own. */
static int check_empty(db *d, const char *name, char **tables, int n, const int64_t *seeded,
		       char *err, size_t errlen)
{
	buf b = BUF_INIT;

	for (int i = 0; i < n; i++) {
		int64_t c = count_rows(d, tables[i]);
		if (c < 0) {
			snprintf(err, errlen, "%s: %s", name, db_errmsg(d));
			buf_free(&b);
			return -1;
		}
		if (c != seeded[i] && seeded[i])
			buf_fmt(&b, "%s%s (%lld rows, a new database %lld)", b.len ? ", " : "",
				tables[i], (long long)c, (long long)seeded[i]);
		else if (c != seeded[i])
			buf_fmt(&b, "%s%s (%lld rows)", b.len ? ", " : "", tables[i], (long long)c);
	}
	int bad = b.len > 0;
	if (bad)
		snprintf(err, errlen, "目标数据库不是空的,未改动 (the target %s is not empty - %s; it "
			 "was left untouched: migrate into a new, empty database)", name, buf_str(&b));
	buf_free(&b);
	return bad ? -1 : 0;
}

/* The same table names on both sides. */
static int same_tables(char **a, int na, char **b, int nb, char *err, size_t errlen)
{
	for (int i = 0; i < na; i++)
		if (find(b, nb, a[i]) < 0) {
			snprintf(err, errlen, "the target has no table %s: the schemas differ", a[i]);
			return -1;
		}
	for (int i = 0; i < nb; i++)
		if (find(a, na, b[i]) < 0) {
			snprintf(err, errlen, "the source has no table %s: the schemas differ", b[i]);
			return -1;
		}
	return 0;
}

db_migrate *db_migrate_open(const char *src, const char *dst, char *err, size_t errlen)
{
	db_migrate *m = xcalloc(1, sizeof *m);
	char name[1024], **dt = NULL;
	int dn = -1, latest = db_schema_latest();

	m->dst_path = xstrdup(dst);
	if (strcmp(src, dst) == 0) {
		snprintf(err, errlen, "the source and the target are the same database");
		goto fail;
	}
	db_display_name(src, name, sizeof name);
	if (!db_is_uri(src)) {
		int v = db_file_schema(src, err, errlen);
		if (v < 0)
			goto fail;
		if (v == 0 || access(src, F_OK) != 0) {
			snprintf(err, errlen, "%s: no anxin database there (missing or empty)", name);
			goto fail;
		}
	}
	m->src = db_open(src, DB_OPEN_READONLY, err, errlen);
	if (!m->src)
		goto fail;
	if (db_schema_version(m->src) != latest) {
		snprintf(err, errlen, "%s: 源数据库结构版本 %d 与本程序的版本 %d 不同 (the source's schema "
			 "version %d is not this anxin's %d: migrate with the anxin of its version, "
			 "or upgrade it with `anxin init` first)", name, db_schema_version(m->src),
			 latest, db_schema_version(m->src), latest);
		goto fail;
	}
	m->reading = 1;
	if (source_snapshot(m->src, src, err, errlen) != 0)
		goto fail;
	m->ntables = list_tables(m->src, &m->tables);
	if (m->ntables < 0) {
		snprintf(err, errlen, "%s: reading its tables: %s", name, db_errmsg(m->src));
		m->ntables = 0;
		goto fail;
	}
	if (order_by_keys(m->src, m->tables, m->ntables, err, errlen) != 0)
		goto fail;
	m->seeded = xcalloc((size_t)m->ntables + 1, sizeof *m->seeded);
	if (seeded_rows(m->tables, m->ntables, m->seeded, err, errlen) != 0)
		goto fail;

	/* The target. A SQLite one that exists must be empty; it is replaced
	 * only at the commit. */
	db_display_name(dst, name, sizeof name);
	if (!db_is_uri(dst)) {
		if (access(dst, F_OK) == 0) {
			db *old = db_open(dst, 0, err, errlen);
			if (!old)
				goto fail;
			dn = list_tables(old, &dt);
			int bad = dn < 0 || same_tables(m->tables, m->ntables, dt, dn, err, errlen) != 0 ||
				  check_empty(old, name, m->tables, m->ntables, m->seeded, err, errlen) != 0;
			if (dn < 0)
				snprintf(err, errlen, "%s: %s", name, db_errmsg(old));
			db_close(old);
			if (bad)
				goto fail;
			free_list(dt, dn);
			dt = NULL;
			dn = -1;
			m->dst_existed = 1;
		}
		size_t len = strlen(dst) + 16;
		m->partial = xmalloc(len);
		snprintf(m->partial, len, "%s.partial", dst);
		const char *why = db_remove_files(m->partial);  /* of an interrupted run */
		if (why) {
			snprintf(err, errlen, "%s: %s", m->partial, why);
			goto fail;
		}
	}
	m->dst = db_open(m->partial ? m->partial : dst, DB_OPEN_CREATE, err, errlen);
	if (!m->dst)
		goto fail;
	dn = list_tables(m->dst, &dt);
	if (dn < 0) {
		snprintf(err, errlen, "%s: %s", name, db_errmsg(m->dst));
		goto fail;
	}
	if (same_tables(m->tables, m->ntables, dt, dn, err, errlen) != 0 ||
	    check_empty(m->dst, name, m->tables, m->ntables, m->seeded, err, errlen) != 0)
		goto fail;
	free_list(dt, dn);
	return m;
fail:
	if (dn >= 0)
		free_list(dt, dn);
	db_migrate_close(m);
	return NULL;
}

db *db_migrate_target(db_migrate *m) { return m->dst; }

/* The rows of one table on their way to the target: on PostgreSQL one
 * COPY ... FROM STDIN per table (db_copy_*), on SQLite one prepared INSERT
 * per row. */
typedef struct writer {
	db *d;
	const char *table;
	int pg, ncol;
	char **cols;
	db_stmt *ins;
	const char **vals;  /* PostgreSQL: the row's values for db_copy_row */
	int copying;        /* PostgreSQL: the COPY is open */
	int rows;
} writer;

/* Prepares w's INSERT for the columns of st's current row. */
static void writer_start(writer *w, db_stmt *st)
{
	buf sql = BUF_INIT, list = BUF_INIT;

	w->ncol = db_column_count(st);
	w->cols = xcalloc((size_t)w->ncol + 1, sizeof *w->cols);
	for (int i = 0; i < w->ncol; i++) {
		w->cols[i] = xstrdup(db_column_name(st, i));
		if (i)
			buf_puts(&list, ", ");
		put_ident(&list, w->cols[i]);
	}
	if (w->pg) {
		buf_puts(&sql, "COPY ");
		put_ident(&sql, w->table);
		buf_fmt(&sql, " (%s) FROM STDIN", buf_str(&list));
		w->vals = xcalloc((size_t)w->ncol + 1, sizeof *w->vals);
		w->copying = db_copy_begin(w->d, buf_str(&sql)) == DB_OK ? 1 : -1;
	} else {
		buf_puts(&sql, "INSERT INTO ");
		put_ident(&sql, w->table);
		buf_fmt(&sql, " (%s) VALUES (", buf_str(&list));
		for (int i = 0; i < w->ncol; i++)
			buf_puts(&sql, i ? ", ?" : "?");
		buf_puts(&sql, ")");
		w->ins = db_prepare(w->d, buf_str(&sql));
	}
	buf_free(&sql);
	buf_free(&list);
}

/* Ends the table's COPY (PostgreSQL). Returns DB_OK or the failure. */
static int writer_flush(writer *w)
{
	if (!w->pg || w->copying != 1)
		return w->copying < 0 ? DB_ERROR : DB_OK;
	w->copying = 0;
	return db_copy_end(w->d);
}

/* Writes st's current row. Returns DB_OK or the failure. */
static int writer_row(writer *w, db_stmt *st)
{
	if (!w->cols)
		writer_start(w, st);
	if (db_column_count(st) != w->ncol)
		return DB_ERROR;
	if (w->pg) {
		if (w->copying != 1)
			return DB_ERROR;
		for (int i = 0; i < w->ncol; i++)
			w->vals[i] = db_col_is_null(st, i) ? NULL : db_col_text(st, i);
		w->rows++;
		return db_copy_row(w->d, w->vals, w->ncol);
	}
	db_reset(w->ins);
	for (int i = 0; i < w->ncol; i++) {
		if (db_col_is_null(st, i))
			db_bind_null(w->ins, i + 1);
		else
			db_bind_text(w->ins, i + 1, db_col_text(st, i));
	}
	int rc = db_step(w->ins);
	return rc == DB_DONE ? DB_OK : rc == DB_ROW ? DB_ERROR : rc;
}

static void writer_free(writer *w)
{
	if (w->copying == 1)
		db_copy_end(w->d);  /* a failed table: the transaction is rolled back */
	db_finalize(w->ins);
	if (w->cols)
		free_list(w->cols, w->ncol);
	free(w->vals);
}

/* Copies the rows of table t. Returns 0, or -1 with err. */
static int copy_table(db_migrate *m, const char *t, char *err, size_t errlen)
{
	writer w = {m->dst, t, db_dialect(m->dst) == DB_DIALECT_PG, 0, NULL, NULL, NULL, 0, 0};
	int pg_src = db_dialect(m->src) == DB_DIALECT_PG, rc = DB_OK, src_rc = DB_DONE;
	buf sql = BUF_INIT;

	if (pg_src) {
		/* A cursor: the rows come in slices, not all at once in memory. */
		buf_puts(&sql, "DECLARE anxin_migrate NO SCROLL CURSOR FOR SELECT * FROM ");
		put_ident(&sql, t);
		if (db_exec(m->src, buf_str(&sql)) != DB_OK)
			src_rc = DB_ERROR;
		while (src_rc == DB_DONE && rc == DB_OK) {
			db_stmt *st = db_prepare(m->src, "FETCH " PG_FETCH " FROM anxin_migrate");
			int got = 0;
			while (rc == DB_OK && (src_rc = db_step(st)) == DB_ROW) {
				got = 1;
				rc = writer_row(&w, st);
			}
			db_finalize(st);
			if (!got)
				break;
		}
		if (src_rc == DB_DONE && db_exec(m->src, "CLOSE anxin_migrate") != DB_OK)
			src_rc = DB_ERROR;
	} else {
		buf_puts(&sql, "SELECT * FROM ");
		put_ident(&sql, t);
		db_stmt *st = db_prepare(m->src, buf_str(&sql));
		while (rc == DB_OK && (src_rc = db_step(st)) == DB_ROW)
			rc = writer_row(&w, st);
		db_finalize(st);
	}
	if (rc == DB_OK && (src_rc == DB_DONE || src_rc == DB_ROW))
		rc = writer_flush(&w);
	buf_free(&sql);
	writer_free(&w);
	if (src_rc != DB_DONE && src_rc != DB_ROW) {
		snprintf(err, errlen, "reading table %s: %s", t, db_errmsg(m->src));
		return -1;
	}
	if (rc != DB_OK) {
		snprintf(err, errlen, "writing table %s: %s", t, db_errmsg(m->dst));
		return -1;
	}
	return 0;
}

/* PostgreSQL target: every identity column's sequence moved past the
 * largest id copied, so that the next row gets max + 1 as on SQLite. */
static int reset_sequences(db *d, char *err, size_t errlen)
{
	db_stmt *st = db_prepare(d, "SELECT table_name, column_name FROM information_schema.columns "
				    "WHERE table_schema = current_schema() AND is_identity = 'YES' "
				    "ORDER BY 1");
	char **names = NULL;
	int n = 0, rc;

	while ((rc = db_step(st)) == DB_ROW) {
		names = xrealloc(names, (size_t)(n + 2) * sizeof *names);
		names[n++] = xstrdup(db_col_text(st, 0));
		names[n++] = xstrdup(db_col_text(st, 1));
	}
	db_finalize(st);
	for (int i = 0; rc == DB_DONE && i < n; i += 2) {
		buf sql = BUF_INIT, qt = BUF_INIT;
		put_ident(&qt, names[i]);
		buf_puts(&sql, "SELECT setval(pg_get_serial_sequence(?, ?), coalesce(max(");
		put_ident(&sql, names[i + 1]);
		buf_fmt(&sql, "), 0) + 1, false) FROM %s", buf_str(&qt));
		if (db_int(d, -1, buf_str(&sql), "tt", buf_str(&qt), names[i + 1]) < 1)
			rc = DB_ERROR;
		buf_free(&sql);
		buf_free(&qt);
	}
	free_list(names, n);
	if (rc != DB_DONE) {
		snprintf(err, errlen, "moving the id sequences on: %s", db_errmsg(d));
		return -1;
	}
	return 0;
}

/* The tests' failure and stall points (db_migrate.h). */
static int test_hook(const char *t, char *err, size_t errlen)
{
	const char *fail = getenv("ANXIN_TEST_MIGRATE_FAIL_AFTER");
	const char *stall = getenv("ANXIN_TEST_MIGRATE_STALL_AFTER");

	if (fail && strcmp(fail, t) == 0) {
		snprintf(err, errlen, "test failure injected after table %s", t);
		return -1;
	}
	if (stall && strcmp(stall, t) == 0) {
		fprintf(stderr, "anxin migrate: test stall after table %s\n", t);
		fflush(stderr);
		sleep(60);
	}
	return 0;
}

int db_migrate_copy(db_migrate *m, const db_migrate_table **tables, int *n, char *err,
		    size_t errlen)
{
	if (db_begin(m->dst) != DB_OK) {
		snprintf(err, errlen, "target: %s", db_errmsg(m->dst));
		return -1;
	}
	m->writing = 1;
	/* What the migrations seeded makes way for the source's rows
	 * (children first). */
	for (int i = m->ntables - 1; i >= 0; i--) {
		if (!m->seeded[i])
			continue;
		buf sql = BUF_INIT;
		buf_puts(&sql, "DELETE FROM ");
		put_ident(&sql, m->tables[i]);
		int rc = db_exec(m->dst, buf_str(&sql));
		buf_free(&sql);
		if (rc != DB_OK) {
			snprintf(err, errlen, "emptying table %s: %s", m->tables[i], db_errmsg(m->dst));
			return -1;
		}
	}
	for (int i = 0; i < m->ntables; i++)
		if (copy_table(m, m->tables[i], err, errlen) != 0 ||
		    test_hook(m->tables[i], err, errlen) != 0)
			return -1;
	if (db_dialect(m->dst) == DB_DIALECT_PG && reset_sequences(m->dst, err, errlen) != 0)
		return -1;

	free(m->counts);
	m->counts = xcalloc((size_t)m->ntables + 1, sizeof *m->counts);
	for (int i = 0; i < m->ntables; i++) {
		db_migrate_table *c = &m->counts[i];
		snprintf(c->name, sizeof c->name, "%s", m->tables[i]);
		c->src_rows = count_rows(m->src, m->tables[i]);
		c->dst_rows = count_rows(m->dst, m->tables[i]);
		if (c->src_rows < 0 || c->dst_rows < 0) {
			snprintf(err, errlen, "counting the rows of %s: %s", m->tables[i],
				 db_errmsg(c->src_rows < 0 ? m->src : m->dst));
			return -1;
		}
		if (c->src_rows != c->dst_rows) {
			snprintf(err, errlen, "table %s: %lld rows in the source, %lld in the target",
				 m->tables[i], (long long)c->src_rows, (long long)c->dst_rows);
			return -1;
		}
	}
	*tables = m->counts;
	*n = m->ntables;
	return 0;
}

/* path + suffix, malloc'd. */
static char *suffixed(const char *path, const char *suffix)
{
	size_t len = strlen(path) + strlen(suffix) + 1;
	char *s = xmalloc(len);
	snprintf(s, len, "%s%s", path, suffix);
	return s;
}

int db_migrate_commit(db_migrate *m, char *err, size_t errlen)
{
	if (db_commit(m->dst) != DB_OK) {
		snprintf(err, errlen, "committing the target: %s", db_errmsg(m->dst));
		return -1;
	}
	m->writing = 0;
	if (!m->partial) {
		m->committed = 1;
		return 0;
	}
	/* SQLite: closed (its journal folded into the files), then renamed -
	 * the desk file first, so that a DST never exists without its desk. */
	db_close(m->dst);
	m->dst = NULL;
	char *wal = suffixed(m->partial, "-wal"), *pdesk = suffixed(m->partial, "-desk");
	char *dwal = suffixed(pdesk, "-wal"), *desk = suffixed(m->dst_path, "-desk");
	int rc = -1;
	const char *why;
	if (access(wal, F_OK) == 0 || access(dwal, F_OK) == 0)
		snprintf(err, errlen, "%s: its write-ahead log was not folded in at close", m->partial);
	else if (m->dst_existed && (why = db_remove_files(m->dst_path)) != NULL)
		snprintf(err, errlen, "%s: cannot replace it: %s", m->dst_path, why);
	else if (rename(pdesk, desk) != 0 || rename(m->partial, m->dst_path) != 0)
		snprintf(err, errlen, "%s: cannot rename into place: %m", m->dst_path);
	else
		rc = 0;
	free(wal);
	free(pdesk);
	free(dwal);
	free(desk);
	if (rc == 0)
		m->committed = 1;
	return rc;
}

void db_migrate_close(db_migrate *m)
{
	if (!m)
		return;
	if (m->dst) {
		if (m->writing && !m->committed)
			db_rollback(m->dst);
		db_close(m->dst);
	}
	if (m->partial && !m->committed)
		db_remove_files(m->partial);
	if (m->src) {
		if (m->reading)
			db_rollback(m->src);
		db_close(m->src);
	}
	if (m->tables)
		free_list(m->tables, m->ntables);
	free(m->seeded);
	free(m->counts);
	free(m->partial);
	free(m->dst_path);
	free(m);
}
