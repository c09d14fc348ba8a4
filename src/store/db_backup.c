/*
 * db_backup.c - consistent copies of an SQLite database of anxin (see
 * db_backup.h): SQLite's online backup API over one read snapshot of both
 * files, the referenced evidence files copied and checked by their hash,
 * the checks of a copy and the renames that publish it.
 *
 * Works on raw SQLite connections of its own, never on a db handle of the
 * server: a backup must not share a connection (or its statement cache)
 * with anything else, and the snapshot must be held by exactly one
 * connection for the whole copy. Names no domain noun except the tables
 * that reference evidence files (file_refs below).
 */
#include "store/db_backup.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <libgen.h>
#include <sodium.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "util/buf.h"

/* Pages a backup step copies (4 MiB of 4 KiB pages): each step is one
 * call, the snapshot is held across all of them. */
#define STEP_PAGES 1024

/* Tables whose column holds the SHA-256 of a file in FILE-files (schema,
 * table, column). A new table that references evidence files adds its
 * row here, so that backups carry its files. */
static const struct {
	const char *schema, *table, *col;
} file_refs[] = {
	{"desk", "warning_files", "sha256"},
};

/* The suffixes of every file that belongs to the database FILE. */
static const char *const db_sides[] = {"", "-journal", "-wal", "-shm", "-desk", "-desk-journal",
				       "-desk-wal", "-desk-shm"};

void db_backup_stats_free(db_backup_stats *s)
{
	free(s->tables);
	memset(s, 0, sizeof *s);
}

static char *side(const char *path, const char *suffix)
{
	buf b = BUF_INIT;
	buf_fmt(&b, "%s%s", path, suffix);
	return buf_detach(&b);
}

/* Opens path as a raw connection (read-write unless it cannot be, e.g. a
 * backup on a read-only medium) with its desk file attached. NULL with err. */
static sqlite3 *bk_open(const char *path, int create, char *err, size_t errlen)
{
	sqlite3 *h = NULL;
	char *desk = side(path, "-desk");
	int rc;

	if (!create && (access(path, F_OK) != 0 || access(desk, F_OK) != 0)) {
		snprintf(err, errlen, "%s: %s missing (a database is FILE and FILE-desk)", path,
			 access(path, F_OK) != 0 ? "the database file is" : "its desk file is");
		goto fail;
	}
	rc = sqlite3_open_v2(path, &h, SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0),
			     NULL);
	if (rc != SQLITE_OK && !create) {
		sqlite3_close(h);
		h = NULL;
		rc = sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL);
	}
	if (rc != SQLITE_OK) {
		snprintf(err, errlen, "%s: cannot open: %s", path, h ? sqlite3_errmsg(h) : "no memory");
		goto fail;
	}
	sqlite3_busy_timeout(h, 10000);
	char *sql = sqlite3_mprintf("ATTACH DATABASE %Q AS desk", desk);
	rc = sqlite3_exec(h, sql, NULL, NULL, NULL);
	sqlite3_free(sql);
	if (rc != SQLITE_OK) {
		snprintf(err, errlen, "%s: cannot attach its desk file: %s", path, sqlite3_errmsg(h));
		goto fail;
	}
	free(desk);
	return h;
fail:
	sqlite3_close(h);
	free(desk);
	return NULL;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const db_table_rows *)a)->name, ((const db_table_rows *)b)->name);
}

/* Counts the rows of every table of both schemas of h (in h's current
 * transaction) into st->tables, sorted by name. */
static int count_tables(sqlite3 *h, db_backup_stats *st, char *err, size_t errlen)
{
	static const char *const schemas[] = {"main", "desk"};
	size_t cap = 0;

	st->ntables = 0;
	st->rows = 0;
	for (int s = 0; s < 2; s++) {
		char *sql = sqlite3_mprintf("SELECT name FROM %s.sqlite_master WHERE type = 'table' "
					    "AND name NOT LIKE 'sqlite\\_%%' ESCAPE '\\'", schemas[s]);
		sqlite3_stmt *q = NULL;
		int rc = sqlite3_prepare_v2(h, sql, -1, &q, NULL);
		sqlite3_free(sql);
		while (rc == SQLITE_OK || rc == SQLITE_ROW) {
			if ((rc = sqlite3_step(q)) != SQLITE_ROW)
				break;
			const char *t = (const char *)sqlite3_column_text(q, 0);
			/* a name from the schema itself, quoted as an identifier */
			char *cnt = sqlite3_mprintf("SELECT count(*) FROM %s.\"%w\"", schemas[s], t);
			sqlite3_stmt *c = NULL;
			int crc = sqlite3_prepare_v2(h, cnt, -1, &c, NULL);
			sqlite3_free(cnt);
			if (crc != SQLITE_OK || sqlite3_step(c) != SQLITE_ROW) {
				snprintf(err, errlen, "cannot count %s.%s: %s", schemas[s], t,
					 sqlite3_errmsg(h));
				sqlite3_finalize(c);
				sqlite3_finalize(q);
				return -1;
			}
			if ((size_t)st->ntables == cap) {
				cap = cap ? cap * 2 : 64;
				st->tables = xrealloc(st->tables, cap * sizeof *st->tables);
			}
			db_table_rows *r = &st->tables[st->ntables++];
			snprintf(r->name, sizeof r->name, "%s.%s", schemas[s], t);
			r->rows = sqlite3_column_int64(c, 0);
			st->rows += r->rows;
			sqlite3_finalize(c);
		}
		sqlite3_finalize(q);
		if (rc != SQLITE_DONE) {
			snprintf(err, errlen, "cannot list the tables: %s", sqlite3_errmsg(h));
			return -1;
		}
	}
	qsort(st->tables, (size_t)st->ntables, sizeof *st->tables, by_name);
	return 0;
}

/* The pause of the test hook (ms), 0 when it is off. */
static int pause_ms(void)
{
	const char *s = getenv("ANXIN_TEST_BACKUP_PAUSE_MS");
	return s && atoi(s) > 0 ? atoi(s) : 0;
}

/* Copies schema of src into a new file dst with the online backup API,
 * in src's current read transaction, then makes dst a rollback-journal
 * file (no -wal beside a backup). */
static int copy_schema(sqlite3 *src, const char *schema, const char *dst, char *err,
		       size_t errlen)
{
	sqlite3 *d = NULL;
	int rc, pause = pause_ms();

	/* personal data: readable by the owner only (SQLite keeps the mode) */
	int fd = open(dst, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		snprintf(err, errlen, "%s: cannot create: %s", dst, strerror(errno));
		return -1;
	}
	close(fd);
	if (sqlite3_open_v2(dst, &d, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		snprintf(err, errlen, "%s: cannot create: %s", dst, d ? sqlite3_errmsg(d) : "no memory");
		sqlite3_close(d);
		return -1;
	}
	sqlite3_backup *b = sqlite3_backup_init(d, "main", src, schema);
	if (!b) {
		snprintf(err, errlen, "%s: cannot start the copy: %s", dst, sqlite3_errmsg(d));
		sqlite3_close(d);
		return -1;
	}
	do {
		rc = sqlite3_backup_step(b, pause ? 1 : STEP_PAGES);
		if (pause && rc == SQLITE_OK) {
			struct timespec ts = {pause / 1000, (long)(pause % 1000) * 1000000L};
			nanosleep(&ts, NULL);
		}
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		snprintf(err, errlen, "%s: copy failed: %s", dst, sqlite3_errstr(rc));
		sqlite3_close(d);
		return -1;
	}
	if (sqlite3_exec(d, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL) != SQLITE_OK) {
		snprintf(err, errlen, "%s: %s", dst, sqlite3_errmsg(d));
		sqlite3_close(d);
		return -1;
	}
	return sqlite3_close(d) == SQLITE_OK ? 0 : -1;
}

/* Creates dir if missing. */
static int mkdir_p1(const char *dir)
{
	return mkdir(dir, 0700) == 0 || errno == EEXIST ? 0 : -1;
}

/* Copies one stored file src -> dst (synced), checking on the way that
 * its content hashes to sha. Returns 0, 1 when src is missing, 2 when it
 * does not match its hash, -1 on an I/O error of the copy. */
static int copy_file(const char *src, const char *dst, const char *sha, int64_t *bytes)
{
	crypto_hash_sha256_state h;
	unsigned char md[crypto_hash_sha256_BYTES], chunk[65536];
	char hex[65];
	int in = open(src, O_RDONLY | O_CLOEXEC), out, rc = -1;
	ssize_t n;

	if (in < 0)
		return errno == ENOENT ? 1 : -1;
	out = open(dst, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (out < 0) {
		close(in);
		return -1;
	}
	crypto_hash_sha256_init(&h);
	while ((n = read(in, chunk, sizeof chunk)) > 0) {
		crypto_hash_sha256_update(&h, chunk, (unsigned long long)n);
		for (ssize_t off = 0; off < n;) {
			ssize_t w = write(out, chunk + off, (size_t)(n - off));
			if (w < 0)
				goto out;
			off += w;
		}
		*bytes += n;
	}
	if (n < 0 || fsync(out) != 0)
		goto out;
	crypto_hash_sha256_final(&h, md);
	sodium_bin2hex(hex, sizeof hex, md, sizeof md);
	rc = strcmp(hex, sha) == 0 ? 0 : 2;
out:
	close(in);
	if (close(out) != 0 && rc == 0)
		rc = -1;
	return rc;
}

static int hex64(const char *s)
{
	size_t n = strspn(s, "0123456789abcdef");
	return n == 64 && !s[n];
}

/* Copies the evidence files that the snapshot's rows reference from
 * src-files into dst-files (created, even when empty). */
static int copy_files(sqlite3 *h, const char *src, const char *dst, db_backup_stats *st,
		      char *err, size_t errlen)
{
	char *sdir = side(src, "-files"), *ddir = side(dst, "-files");
	int ret = -1;

	if (mkdir_p1(ddir) != 0) {
		snprintf(err, errlen, "%s: %s", ddir, strerror(errno));
		goto out;
	}
	for (size_t i = 0; i < sizeof file_refs / sizeof file_refs[0]; i++) {
		char *sql = sqlite3_mprintf("SELECT DISTINCT \"%w\" FROM %s.\"%w\" ORDER BY 1",
					    file_refs[i].col, file_refs[i].schema, file_refs[i].table);
		sqlite3_stmt *q = NULL;
		int rc = sqlite3_prepare_v2(h, sql, -1, &q, NULL);
		sqlite3_free(sql);
		if (rc != SQLITE_OK)  /* an older schema without the table */
			continue;
		while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
			const char *sha = (const char *)sqlite3_column_text(q, 0);
			if (!sha || !hex64(sha)) {
				st->files_damaged++;
				continue;
			}
			buf s = BUF_INIT, d = BUF_INIT;
			char sub[3] = {sha[0], sha[1], 0};
			buf_fmt(&s, "%s/%s/%s", sdir, sub, sha);
			buf_fmt(&d, "%s/%s", ddir, sub);
			int c = mkdir_p1(buf_str(&d));
			buf_fmt(&d, "/%s", sha);
			if (c == 0)
				c = copy_file(buf_str(&s), buf_str(&d), sha, &st->file_bytes);
			if (c == 1) {
				fprintf(stderr, "anxin: backup: evidence file %s is missing from %s\n",
					sha, sdir);
				st->files_missing++;
			} else if (c == 2) {
				fprintf(stderr, "anxin: backup: evidence file %s does not match its "
						"hash (damaged); copied as it is\n", buf_str(&s));
				st->files_damaged++;
			} else if (c == 0)
				st->files++;
			buf_free(&s);
			buf_free(&d);
			if (c < 0) {
				snprintf(err, errlen, "copying evidence file %s: %s", sha,
					 strerror(errno));
				sqlite3_finalize(q);
				goto out;
			}
		}
		sqlite3_finalize(q);
	}
	ret = 0;
out:
	free(sdir);
	free(ddir);
	return ret;
}

static int64_t file_size(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0 ? (int64_t)sb.st_size : 0;
}

int db_backup_copy(const char *src, const char *dst, db_backup_stats *st, char *err,
		   size_t errlen)
{
	sqlite3 *h = NULL, *lock = NULL;
	char *sdesk = side(src, "-desk"), *ddesk = side(dst, "-desk");
	int ret = -1;

	memset(st, 0, sizeof *st);
	if (db_backup_exists(dst)) {
		snprintf(err, errlen, "%s already exists", dst);
		goto out;
	}
	if (!(h = bk_open(src, 0, err, errlen)))
		goto out;
	/*
	 * The snapshot. A transaction that writes both files commits the main
	 * file, then the desk, holding the desk's write lock throughout (it
	 * took it before its commit began). While a second connection holds
	 * that lock, no such commit is under way: each is wholly in or wholly
	 * out of the read snapshots h starts now on both files. The lock is
	 * held for the moment of two reads, not for the copy. A read-only
	 * source (a backup being restored) has no writers and needs none.
	 */
	if (sqlite3_open_v2(sdesk, &lock, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK &&
	    sqlite3_db_readonly(lock, "main") == 0) {
		sqlite3_busy_timeout(lock, 10000);
		if (sqlite3_exec(lock, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
			snprintf(err, errlen, "%s: cannot take the desk's lock for a moment: %s", src,
				 sqlite3_errmsg(lock));
			goto out;
		}
	}
	if (sqlite3_exec(h, "BEGIN; SELECT count(*) FROM main.sqlite_master; "
			    "SELECT count(*) FROM desk.sqlite_master;", NULL, NULL, NULL) != SQLITE_OK) {
		snprintf(err, errlen, "%s: cannot read: %s", src, sqlite3_errmsg(h));
		goto out;
	}
	sqlite3_close(lock);  /* rolls back: the desk is free again */
	lock = NULL;
	if (count_tables(h, st, err, errlen) != 0 ||
	    copy_schema(h, "main", dst, err, errlen) != 0 ||
	    copy_schema(h, "desk", ddesk, err, errlen) != 0 ||
	    copy_files(h, src, dst, st, err, errlen) != 0)
		goto out;
	st->db_bytes = file_size(dst) + file_size(ddesk);
	ret = 0;
out:
	sqlite3_close(lock);
	if (h)
		sqlite3_exec(h, "COMMIT", NULL, NULL, NULL);
	sqlite3_close(h);
	free(sdesk);
	free(ddesk);
	return ret;
}

/* PRAGMA schema.integrity_check of h says "ok"; else its first complaint
 * into err. */
static int integrity(sqlite3 *h, const char *path, const char *schema, char *err, size_t errlen)
{
	char *sql = sqlite3_mprintf("PRAGMA %s.integrity_check(1)", schema);
	sqlite3_stmt *q = NULL;
	int ok = 0;

	if (sqlite3_prepare_v2(h, sql, -1, &q, NULL) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW) {
		const char *r = (const char *)sqlite3_column_text(q, 0);
		ok = r && strcmp(r, "ok") == 0;
		if (!ok)
			snprintf(err, errlen, "%s: integrity check of the %s file failed: %s", path,
				 schema, r ? r : "?");
	} else
		snprintf(err, errlen, "%s: integrity check of the %s file failed: %s", path, schema,
			 sqlite3_errmsg(h));
	sqlite3_finalize(q);
	sqlite3_free(sql);
	return ok ? 0 : -1;
}

int db_backup_check(const char *path, const db_backup_stats *want, char *err, size_t errlen)
{
	sqlite3 *h = bk_open(path, 0, err, errlen);
	db_backup_stats got = {0};
	int ret = -1;

	if (!h)
		return -1;
	if (integrity(h, path, "main", err, errlen) != 0 ||
	    integrity(h, path, "desk", err, errlen) != 0)
		goto out;
	if (sqlite3_exec(h, "BEGIN", NULL, NULL, NULL) != SQLITE_OK ||
	    count_tables(h, &got, err, errlen) != 0)
		goto out;
	for (int i = 0, j = 0; i < want->ntables || j < got.ntables;) {
		int c = i == want->ntables ? 1 : j == got.ntables ? -1
			: strcmp(want->tables[i].name, got.tables[j].name);
		if (c < 0) {
			snprintf(err, errlen, "%s: table %s is missing", path, want->tables[i].name);
			goto out;
		}
		if (c > 0) {
			snprintf(err, errlen, "%s: table %s is not in the source", path,
				 got.tables[j].name);
			goto out;
		}
		if (want->tables[i].rows != got.tables[j].rows) {
			snprintf(err, errlen, "%s: %s holds %lld rows, the source %lld", path,
				 got.tables[j].name, (long long)got.tables[j].rows,
				 (long long)want->tables[i].rows);
			goto out;
		}
		i++;
		j++;
	}
	ret = 0;
out:
	sqlite3_exec(h, "COMMIT", NULL, NULL, NULL);
	sqlite3_close(h);
	db_backup_stats_free(&got);
	return ret;
}

int db_backup_exists(const char *path)
{
	static const char *const names[] = {"", "-desk", "-files"};

	for (size_t i = 0; i < 3; i++) {
		char *p = side(path, names[i]);
		int e = access(p, F_OK) == 0;
		free(p);
		if (e)
			return 1;
	}
	return 0;
}

/* Syncs the folder that holds path, so that renames in it are durable. */
static void sync_dir(const char *path)
{
	char *copy = xstrdup(path);
	int fd = open(dirname(copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(copy);
}

int db_backup_commit(const char *tmp, const char *final, char *err, size_t errlen)
{
	static const char *const order[] = {"-files", "-desk", ""};  /* the main file last */

	if (db_backup_exists(final)) {
		snprintf(err, errlen, "%s already exists", final);
		return -1;
	}
	for (size_t i = 0; i < 3; i++) {
		char *a = side(tmp, order[i]), *b = side(final, order[i]);
		int rc = rename(a, b);
		if (rc != 0)
			snprintf(err, errlen, "cannot rename %s to %s: %s", a, b, strerror(errno));
		free(a);
		free(b);
		if (rc != 0)
			return -1;
	}
	sync_dir(final);
	return 0;
}

static int rm_entry(const char *p, const struct stat *sb, int flag, struct FTW *ftw)
{
	return remove(p) != 0 && errno != ENOENT ? -1 : 0;
}

void db_backup_discard(const char *tmp)
{
	for (size_t i = 0; i < sizeof db_sides / sizeof db_sides[0]; i++) {
		char *p = side(tmp, db_sides[i]);
		unlink(p);
		free(p);
	}
	char *dir = side(tmp, "-files");
	nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	free(dir);
}

/* Whether another process holds a lock on the locking bytes of SQLite
 * (pending, reserved, shared: from 1 GiB, 512 bytes) of path. */
static int locked_by_other(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0x40000000,
			   .l_len = 512};

	if (fd < 0)
		return 0;
	int rc = fcntl(fd, F_GETLK, &fl);
	close(fd);  /* this process held no lock on it: nothing is released */
	return rc == 0 && fl.l_type != F_UNLCK;
}

int db_in_use(const char *path)
{
	char *desk = side(path, "-desk");
	int used = locked_by_other(path) || locked_by_other(desk);

	free(desk);
	return used;
}

int db_move_aside(const char *path, const char *aside, char *err, size_t errlen)
{
	for (size_t i = 0; i <= sizeof db_sides / sizeof db_sides[0]; i++) {
		const char *sfx = i < sizeof db_sides / sizeof db_sides[0] ? db_sides[i] : "-files";
		char *a = side(path, sfx), *b = side(aside, sfx);
		int rc = access(a, F_OK) == 0 ? rename(a, b) : 0;
		if (rc != 0)
			snprintf(err, errlen, "cannot move %s aside to %s: %s", a, b, strerror(errno));
		free(a);
		free(b);
		if (rc != 0)
			return -1;
	}
	sync_dir(path);
	return 0;
}
