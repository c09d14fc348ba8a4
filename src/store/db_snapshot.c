/*
 * db_snapshot.c - the minimal copy of a database that `anxin init` takes
 * before it upgrades the schema (db.h: db_snapshot, db_file_schema), and
 * the read-only look at a file's schema version that decides whether it
 * must. SQLite backend: the online backup API copies each file page by
 * page inside a read transaction, so the copy is consistent even while
 * another process writes.
 *
 * Owns no table. Must not: migrate, attach, or change the source in any
 * way (it is opened read-only, and never in WAL-switching mode). The full
 * `anxin backup` (verification, retention, restore) is a separate command;
 * this is the smallest thing that makes an upgrade undoable.
 */
#include "store/db.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int db_file_schema(const char *path, char *err, size_t errlen)
{
	sqlite3 *h = NULL;
	sqlite3_stmt *st = NULL;
	int v = -1;

	if (access(path, F_OK) != 0)
		return 0;
	if (sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(h, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW)
		snprintf(err, errlen, "%s: not a database, or unreadable: %s", path,
			 h ? sqlite3_errmsg(h) : "out of memory");
	else
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	return v;
}

/* Copies the SQLite file from to the new file to with the backup API.
 * Returns 0, or -1 with err. */
static int snap_file(const char *from, const char *to, char *err, size_t errlen)
{
	sqlite3 *src = NULL, *dst = NULL;
	int rc = -1;

	if (sqlite3_open_v2(from, &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
	    sqlite3_open_v2(to, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
		    SQLITE_OK) {
		snprintf(err, errlen, "%s -> %s: cannot open: %s", from, to,
			 sqlite3_errmsg(dst ? dst : src));
		goto out;
	}
	sqlite3_busy_timeout(src, 10000);
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
	if (!b) {
		snprintf(err, errlen, "%s -> %s: %s", from, to, sqlite3_errmsg(dst));
		goto out;
	}
	int step = sqlite3_backup_step(b, -1);
	sqlite3_backup_finish(b);
	if (step != SQLITE_DONE) {
		snprintf(err, errlen, "%s -> %s: %s", from, to, sqlite3_errstr(step));
		goto out;
	}
	rc = 0;
out:
	sqlite3_close(dst);
	sqlite3_close(src);
	return rc;
}

/* Copies the regular file from to the new file to (0600). */
static int copy_plain(const char *from, const char *to, char *err, size_t errlen)
{
	char chunk[65536];
	ssize_t n = 0;
	int in = open(from, O_RDONLY | O_CLOEXEC);
	int out = in < 0 ? -1 : open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	int rc = -1;

	if (in >= 0 && out >= 0) {
		while ((n = read(in, chunk, sizeof chunk)) > 0)
			if (write(out, chunk, (size_t)n) != n) {
				n = -1;
				break;
			}
		if (n == 0 && fsync(out) == 0)
			rc = 0;
	}
	if (rc != 0)
		snprintf(err, errlen, "%s -> %s: %s", from, to, strerror(errno));
	if (in >= 0)
		close(in);
	if (out >= 0 && close(out) != 0)
		rc = -1;
	return rc;
}

/* Copies the folder from (evidence files: sub-folders of files) to the
 * new folder to, recursively. Returns 0, or -1 with err. */
static int copy_tree(const char *from, const char *to, char *err, size_t errlen)
{
	DIR *dir = opendir(from);
	struct dirent *e;
	char a[4096], b[4096];
	struct stat sb;
	int rc = 0;

	if (!dir || mkdir(to, 0750) != 0) {
		snprintf(err, errlen, "%s -> %s: %s", from, to, strerror(errno));
		if (dir)
			closedir(dir);
		return -1;
	}
	while (rc == 0 && (e = readdir(dir))) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(a, sizeof a, "%s/%s", from, e->d_name);
		snprintf(b, sizeof b, "%s/%s", to, e->d_name);
		if (lstat(a, &sb) != 0)
			rc = -1;
		else if (S_ISDIR(sb.st_mode))
			rc = copy_tree(a, b, err, errlen);
		else if (S_ISREG(sb.st_mode))
			rc = copy_plain(a, b, err, errlen);
	}
	closedir(dir);
	return rc;
}

int db_snapshot(const char *path, const char *to, char *err, size_t errlen)
{
	char from_side[4096], to_side[4096];

	if (access(to, F_OK) == 0) {
		snprintf(err, errlen, "%s already exists", to);
		return -1;
	}
	if (snap_file(path, to, err, errlen) != 0)
		return -1;
	snprintf(from_side, sizeof from_side, "%s-desk", path);
	snprintf(to_side, sizeof to_side, "%s-desk", to);
	if (access(from_side, F_OK) == 0) {
		if (snap_file(from_side, to_side, err, errlen) != 0)
			return -1;
		chmod(to_side, 0600);
	}
	snprintf(from_side, sizeof from_side, "%s-files", path);
	snprintf(to_side, sizeof to_side, "%s-files", to);
	if (access(from_side, F_OK) == 0 && copy_tree(from_side, to_side, err, errlen) != 0)
		return -1;
	chmod(to, 0600);
	return 0;
}
