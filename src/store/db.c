/*
 * db.c - the backend-neutral half of db.h: dispatches every call through
 * the handle's backend table (db_backend.h), and holds what both backends
 * share: the one-shot helpers, the schema-version check and the migration
 * runner. (Choosing the backend is db_open.c's: the backends use this
 * file, not the other way round.)
 */
#include "store/db.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/db_backend.h"
#include "store/migrations.h"
#include "util/buf.h"

int db_is_uri(const char *path)
{
	return path && (strncmp(path, "postgresql://", 13) == 0 ||
			strncmp(path, "postgres://", 11) == 0);
}

/*
 * A URI's password sits between the first ':' after the scheme and the
 * '@' of its user part ("postgresql://user:secret@host/db"), or in a
 * "password=" query parameter; both are replaced by "***".
 */
char *db_display_name(const char *path, char *out, size_t outlen)
{
	buf b = BUF_INIT;

	if (!db_is_uri(path)) {
		snprintf(out, outlen, "%s", path);
		return out;
	}
	const char *rest = strstr(path, "://") + 3;
	const char *at = strchr(rest, '@');
	const char *slash = strchr(rest, '/');
	const char *colon = strchr(rest, ':');
	buf_putn(&b, path, (size_t)(rest - path));
	if (at && (!slash || at < slash) && colon && colon < at) {
		buf_putn(&b, rest, (size_t)(colon - rest));
		buf_puts(&b, ":***");
		rest = at;
	}
	const char *pw = strstr(rest, "password=");
	if (pw) {
		buf_putn(&b, rest, (size_t)(pw - rest));
		buf_puts(&b, "password=***");
		rest = pw + strcspn(pw, "&");
	}
	buf_puts(&b, rest);
	snprintf(out, outlen, "%s", buf_str(&b));
	buf_free(&b);
	return out;
}

int db_dialect(db *d) { return d->be->dialect; }
const char *db_sql(db *d, db_sql_id id) { return d->be->sql[id]; }
char *db_files_dir(db *d) { return d->be->files_dir(d); }

int db_copy_begin(db *d, const char *sql)
{
	return d->be->copy_begin ? d->be->copy_begin(d, sql) : DB_ERROR;
}

int db_copy_row(db *d, const char *const *vals, int n)
{
	return d->be->copy_row ? d->be->copy_row(d, vals, n) : DB_ERROR;
}

int db_copy_end(db *d)
{
	return d->be->copy_end ? d->be->copy_end(d) : DB_ERROR;
}

void db_close(db *d)
{
	if (d)
		d->be->close(d);
}

const char *db_errmsg(db *d) { return d->be->errmsg(d); }
const char *db_error_public(db *d, const char *what) { return d->be->error_public(d, what); }
void db_busy_timeout(db *d, int ms) { d->be->busy_timeout(d, ms); }
void db_interrupt(db *d) { d->be->interrupt(d); }
int64_t db_data_version(db *d) { return d->be->data_version(d); }
int db_read_begin_twin(db *d, db **twin) { return d->be->read_twin(d, twin); }
int db_schema_version(db *d) { return d->be->schema_version(d); }

int db_table_slot(const char *name)
{
	uint32_t h = 2166136261u;

	for (const unsigned char *p = (const unsigned char *)name; *p; p++)
		h = (h ^ (*p | 0x20)) * 16777619u;  /* names are case-blind */
	return (int)(h % DB_SLOTS);
}

void db_tables_add(db_tables *t, int slot) { t->w[slot / 64] |= 1ull << (slot % 64); }
int db_tables_has(const db_tables *t, int slot) { return (t->w[slot / 64] >> (slot % 64)) & 1; }

int db_untracked_table(const char *name)
{
	return strncmp(name, "sqlite_", 7) == 0 || strcmp(name, "lane") == 0 ||
	       strcmp(name, "data_versions") == 0 || strcmp(name, "desk_versions") == 0 ||
	       strcmp(name, "schema_version") == 0;
}

void db_track_reads(db *d, db_tables *set) { d->track = set; }

int db_table_versions(db *d, int64_t out[DB_SLOTS])
{
	db_stmt *st = db_prepare(d, db_sql(d, DB_SQL_VERSIONS));
	int rc;

	memset(out, 0, DB_SLOTS * sizeof *out);
	while ((rc = db_step(st)) == DB_ROW)
		out[db_table_slot(db_col_text(st, 0))] += db_col_int(st, 1);
	db_finalize(st);
	return rc == DB_DONE ? 0 : -1;
}

int db_table_versions_since(db *d, int64_t *stamp, int64_t out[DB_SLOTS])
{
	if (d->be->dialect == DB_DIALECT_SQLITE) {
		/* One read transaction: the data versions and the counters of
		 * the same snapshot of each file (a transaction that writes both
		 * files commits them one after the other: read apart, the second
		 * commit would look like a change no counter shows). */
		int txn = db_read_begin(d) == DB_OK;
		int64_t v = db_data_version(d);
		if (v < 0 || *stamp == v + 1) {
			if (txn)
				db_read_end(d);
			return v < 0 ? -1 : 0;
		}
		int64_t *now = xmalloc(DB_SLOTS * sizeof *now);
		int rc = db_table_versions(d, now);
		if (txn)
			db_read_end(d);
		if (rc < 0) {
			free(now);
			return -1;
		}
		int same = *stamp != 0 && memcmp(now, out, DB_SLOTS * sizeof *now) == 0;
		memcpy(out, now, DB_SLOTS * sizeof *now);
		free(now);
		*stamp = v + 1;  /* never 0: 0 is "not read yet" */
		return same ? 2 : 0;
	}
	return db_table_versions(d, out);
}

int64_t db_version_of(db *d, const char *a, const char *b)
{
	return db_int(d, -1, db_sql(d, DB_SQL_VERSION_OF), "tt", a, b);
}

int db_read_begin(db *d) { return d->be->read_begin ? d->be->read_begin(d) : DB_OK; }

void db_read_end(db *d)
{
	if (d->be->read_end)
		d->be->read_end(d);
}
int db_exec(db *d, const char *sql) { return d->be->exec(d, sql); }
int db_begin(db *d) { return d->be->begin(d); }
int db_begin_desk(db *d) { return d->be->begin_desk(d); }
int db_begin_main(db *d) { return d->be->begin_main(d); }
int db_lock_desk(db *d) { return d->be->lock_desk(d); }
int db_writing_main(db *d) { return d->be->writing_main(d); }
int db_commit(db *d) { return d->be->commit(d); }
int db_rollback(db *d) { return d->be->rollback(d); }
db_stmt *db_prepare(db *d, const char *sql) { return d->be->prepare(d, sql); }

void db_finalize(db_stmt *st)
{
	if (st)
		st->d->be->finalize(st);
}

void db_reset(db_stmt *st) { st->d->be->reset(st); }

void db_bind_text(db_stmt *st, int i, const char *s)
{
	if (s)
		st->d->be->bind_text(st, i, s, (size_t)-1, 1);
	else
		st->d->be->bind_null(st, i);
}

void db_bind_text_ref(db_stmt *st, int i, const char *s)
{
	if (s)
		st->d->be->bind_text(st, i, s, (size_t)-1, 0);
	else
		st->d->be->bind_null(st, i);
}

void db_bind_textn(db_stmt *st, int i, const char *s, size_t n)
{
	st->d->be->bind_text(st, i, s, n, 1);
}

void db_bind_int(db_stmt *st, int i, int64_t v) { st->d->be->bind_int(st, i, v); }
void db_bind_null(db_stmt *st, int i) { st->d->be->bind_null(st, i); }
int db_step(db_stmt *st)
{
	db_tables *t = st->d->track;

	if (t)
		for (int i = 0; i < DB_SLOTS / 64; i++)
			t->w[i] |= st->reads.w[i];
	return st->d->be->step(st);
}
int db_column_count(db_stmt *st) { return st->d->be->column_count(st); }
const char *db_column_name(db_stmt *st, int i) { return st->d->be->column_name(st, i); }
int db_col_is_null(db_stmt *st, int i) { return st->d->be->col_is_null(st, i); }
const char *db_col_text(db_stmt *st, int i) { return st->d->be->col_text(st, i); }

const char *db_col_textn(db_stmt *st, int i, size_t *n)
{
	if (st->d->be->col_textn)
		return st->d->be->col_textn(st, i, n);
	if (db_col_is_null(st, i))
		return NULL;
	const char *s = db_col_text(st, i);
	*n = strlen(s);
	return s;
}
int64_t db_col_int(db_stmt *st, int i) { return st->d->be->col_int(st, i); }
const char *db_stmt_sql(db_stmt *st) { return st->d->be->stmt_sql(st); }
int64_t db_changes(db *d) { return d->be->changes(d); }

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

/* The one-shots' start: sql prepared, its parameters bound from ap. */
static db_stmt *prepare_bound(db *d, const char *sql, const char *types, va_list ap)
{
	db_stmt *st = db_prepare(d, sql);

	db_bindv(st, types, ap);
	return st;
}

int64_t db_int(db *d, int64_t dflt, const char *sql, const char *types, ...)
{
	va_list ap;
	int64_t v = dflt;

	va_start(ap, types);
	db_stmt *st = prepare_bound(d, sql, types, ap);
	va_end(ap);
	if (db_step(st) == DB_ROW && !db_col_is_null(st, 0))
		v = db_col_int(st, 0);
	db_finalize(st);
	return v;
}

char *db_text(db *d, const char *sql, const char *types, ...)
{
	va_list ap;
	char *v = NULL;

	va_start(ap, types);
	db_stmt *st = prepare_bound(d, sql, types, ap);
	va_end(ap);
	if (db_step(st) == DB_ROW && !db_col_is_null(st, 0))
		v = xstrdup(db_col_text(st, 0));
	db_finalize(st);
	return v;
}

int db_run(db *d, const char *sql, const char *types, ...)
{
	va_list ap;
	int rc;

	va_start(ap, types);
	db_stmt *st = prepare_bound(d, sql, types, ap);
	va_end(ap);
	do
		rc = db_step(st);
	while (rc == DB_ROW);
	db_finalize(st);
	return rc == DB_DONE ? DB_OK : rc;
}

int db_insert(db *d, int64_t *id, const char *sql, const char *types, ...)
{
	va_list ap;
	int rc;

	va_start(ap, types);
	db_stmt *st = prepare_bound(d, sql, types, ap);
	va_end(ap);
	rc = db_step(st);
	if (rc == DB_ROW) {
		*id = db_col_int(st, 0);
		rc = DB_OK;
	} else if (rc == DB_DONE) {
		rc = DB_ERROR;  /* no RETURNING clause: a bug */
	}
	db_finalize(st);
	return rc;
}

/*
 * Applies every migration of list[0..n) newer than the database's schema
 * version, in order, each in its own transaction together with its version
 * bump: a migration that fails rolls back whole and leaves the database at
 * the previous version (forward-only: there are no down migrations; the
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
		int rc = db_begin(d);
		if (rc == DB_OK)
			rc = db_exec(d, sql);
		if (rc == DB_OK)
			rc = d->be->set_schema_version(d, m->version);
		if (rc == DB_OK)
			rc = db_commit(d);
		free(sql);
		if (rc != DB_OK) {
			snprintf(err, errlen, "migration %04d (%s) failed: %s", m->version,
				 m->name, db_errmsg(d));
			db_rollback(d);
			return -1;
		}
		have = m->version;
	}
	return 0;
}

int db_check_schema(db *d, const char *name, int flags, char *err, size_t errlen)
{
	int have = db_schema_version(d), latest = db_schema_latest();
	int pg = db_dialect(d) == DB_DIALECT_PG;

	if (have > latest) {
		snprintf(err, errlen, "%s: 数据库结构版本 %d 新于本程序支持的版本 %d,%s未改动;"
			 "请使用更新版本的 anxin (database schema version %d is newer than this "
			 "anxin's %d: the %s was left untouched; use a newer anxin)",
			 name, have, latest, pg ? "数据库" : "文件", have, latest,
			 pg ? "database" : "file");
		return -1;
	}
	if (have == 0 || have >= latest || (flags & DB_OPEN_UPGRADE))
		return 0;
	if (pg)  /* no copy by anxin: the operator's pg_dump is the way back */
		snprintf(err, errlen, "%s: 数据库结构版本 %d 旧于本程序的版本 %d;请先用 pg_dump 备份,"
			 "再运行 anxin init 升级 (database schema version %d is older than this "
			 "anxin's %d: back it up with pg_dump, then run `anxin init` to upgrade it)",
			 name, have, latest, have, latest);
	else
		snprintf(err, errlen, "%s: 数据库结构版本 %d 旧于本程序的版本 %d;请先运行 anxin init "
			 "--db %s 升级(升级前自动备份) (database schema version %d is older than "
			 "this anxin's %d: run `anxin init --db %s` to upgrade it - it backs up first)",
			 name, have, latest, name, have, latest, name);
	return -1;
}

int db_schema_latest(void)
{
	return migrations_count ? migrations[migrations_count - 1].version : 0;
}
