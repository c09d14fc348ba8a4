/*
 * backup.c - backup, restore, the daily backup and its retention (see
 * backup.h). The copy and the renames are the store's (db_backup.c); this
 * file decides the names, when a target may be replaced, and what makes
 * a copy good: both files pass PRAGMA integrity_check, every table holds
 * the source snapshot's rows, and the audit chain verifies (audit.c).
 */
#include "domain/ops/backup.h"

#include <dirent.h>
#include <errno.h>
#include <glob.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "domain/access/audit.h"
#include "store/db.h"
#include "util/clock.h"

void backup_report_free(backup_report *r)
{
	db_backup_stats_free(&r->st);
}

/* Removes the temporary copies "final.tmp-PID" that a backup killed
 * mid-way left behind (PID no longer running). */
static void clean_stale(const char *final)
{
	buf pat = BUF_INIT;
	glob_t g;

	if (strpbrk(final, "*?[\\"))  /* not a safe glob pattern: leave them */
		return;
	buf_fmt(&pat, "%s.tmp-*", final);
	if (glob(buf_str(&pat), GLOB_NOSORT, NULL, &g) == 0) {
		size_t plen = strlen(final) + 5;
		for (size_t i = 0; i < g.gl_pathc; i++) {
			const char *p = g.gl_pathv[i], *num = p + plen;
			char *end;
			long pid = strtol(num, &end, 10);
			if (end == num || *end || pid <= 0)
				continue;  /* a -desk or -files of one: discard removes them */
			if (kill((pid_t)pid, 0) != 0 && errno == ESRCH)
				db_backup_discard(p);
		}
		globfree(&g);
	}
	buf_free(&pat);
}

/* Copies src to a temporary name beside final and checks the copy; on
 * success tmp holds its name (caller commits or discards). */
static int copy_checked(const char *src, const char *final, buf *tmp, backup_report *r,
			char *err, size_t errlen)
{
	double t0 = clk_mono();
	audit_verify_result v;

	memset(r, 0, sizeof *r);
	clean_stale(final);
	buf_fmt(tmp, "%s.tmp-%ld", final, (long)getpid());
	db_backup_discard(buf_str(tmp));
	if (db_backup_copy(src, buf_str(tmp), &r->st, err, errlen) != 0 ||
	    db_backup_check(buf_str(tmp), &r->st, err, errlen) != 0)
		goto fail;
	db *d = db_open(buf_str(tmp), DB_OPEN_READONLY, err, errlen);
	if (!d)
		goto fail;
	int rc = audit_verify(d, &v);
	if (rc < 0)
		snprintf(err, errlen, "audit verify of the copy: %s", db_errmsg(d));
	else if (rc > 0)
		snprintf(err, errlen, "the copy's audit log FAILED verification at row %lld: %s",
			 (long long)v.bad_seq, v.reason);
	db_close(d);
	if (rc != 0)
		goto fail;
	r->audit_rows = v.rows;
	snprintf(r->audit_head, sizeof r->audit_head, "%s", v.head);
	r->seconds = clk_mono() - t0;
	return 0;
fail:
	db_backup_discard(buf_str(tmp));
	return -1;
}

int backup_make(const char *src, const char *to, backup_report *r, char *err, size_t errlen)
{
	buf tmp = BUF_INIT;
	int rc = -1;

	if (db_backup_exists(to)) {
		snprintf(err, errlen, "%s already exists (or its -desk / -files): choose a new name",
			 to);
		memset(r, 0, sizeof *r);
		return -1;
	}
	if (copy_checked(src, to, &tmp, r, err, errlen) != 0)
		goto out;
	if (db_backup_commit(buf_str(&tmp), to, err, errlen) != 0) {
		db_backup_discard(buf_str(&tmp));
		goto out;
	}
	rc = 0;
out:
	buf_free(&tmp);
	return rc;
}

int backup_restore(const char *from, const char *target, int force, char *aside,
		   size_t asidelen, backup_report *r, char *err, size_t errlen)
{
	buf tmp = BUF_INIT, side = BUF_INIT, wal = BUF_INIT;
	int rc = -1;

	memset(r, 0, sizeof *r);
	*aside = 0;
	if (db_in_use(target)) {
		snprintf(err, errlen, "%s is in use by a running process (anxin serve?): stop it "
			 "first; a database is never replaced under a live server", target);
		return -1;
	}
	buf_fmt(&wal, "%s-wal", target);
	int exists = db_backup_exists(target) || access(buf_str(&wal), F_OK) == 0;
	buf_free(&wal);
	if (exists && !force) {
		snprintf(err, errlen, "%s exists: restore into a new name, or give --force to "
			 "take the existing database aside (it is renamed, not deleted)", target);
		return -1;
	}
	if (copy_checked(from, target, &tmp, r, err, errlen) != 0)
		goto out;
	if (exists) {
		char stamp[CLK_ISO_LEN], compact[20];
		size_t n = 0;
		clk_utc_iso((int64_t)time(NULL), stamp);
		for (const char *p = stamp; *p && n < sizeof compact - 1; p++)
			if (*p != '-' && *p != ':')
				compact[n++] = *p;
		compact[n] = 0;
		buf_fmt(&side, "%s.before-restore-%s", target, compact);
		if (db_move_aside(target, buf_str(&side), err, errlen) != 0) {
			db_backup_discard(buf_str(&tmp));
			goto out;
		}
		snprintf(aside, asidelen, "%s", buf_str(&side));
	}
	if (db_backup_commit(buf_str(&tmp), target, err, errlen) != 0) {
		db_backup_discard(buf_str(&tmp));
		goto out;
	}
	rc = 0;
out:
	buf_free(&tmp);
	buf_free(&side);
	return rc;
}

void backup_daily_name(const char *dir, day_t day, buf *out)
{
	char ds[11];

	date_format(day, ds);
	buf_fmt(out, "%s/anxin-%s.db", dir, ds);
}

int backup_daily(const char *src, const char *dir, day_t day, int keep, backup_report *r,
		 int *pruned, char *err, size_t errlen)
{
	buf name = BUF_INIT;
	int rc;

	memset(r, 0, sizeof *r);
	*pruned = 0;
	backup_daily_name(dir, day, &name);
	if (db_backup_exists(buf_str(&name)))
		rc = 1;
	else
		rc = backup_make(src, buf_str(&name), r, err, errlen);
	buf_free(&name);
	if (rc >= 0) {
		char perr[256];
		int n = backup_prune(dir, keep, perr, sizeof perr);
		if (n < 0) {
			snprintf(err, errlen, "backup made, but old ones not removed: %s", perr);
			return -1;
		}
		*pruned = n;
	}
	return rc;
}

/* Whether name is "anxin-YYYY-MM-DD.db" (the daily backups' names). */
static int daily_name(const char *name)
{
	char ds[11];
	day_t d;

	if (strlen(name) != 19 || strncmp(name, "anxin-", 6) != 0 || strcmp(name + 16, ".db") != 0)
		return 0;
	memcpy(ds, name + 6, 10);
	ds[10] = 0;
	return date_parse_iso(ds, &d);
}

static int newest_first(const void *a, const void *b)
{
	return strcmp(*(char *const *)b, *(char *const *)a);
}

int backup_prune(const char *dir, int keep, char *err, size_t errlen)
{
	DIR *dh = opendir(dir);
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	int removed = 0;

	if (!dh) {
		snprintf(err, errlen, "%s: %s", dir, strerror(errno));
		return -1;
	}
	while ((e = readdir(dh))) {
		char head[20] = {0};
		memcpy(head, e->d_name, strnlen(e->d_name, sizeof head - 1));
		/* a backup, or the temporary copy of one ("....db.tmp-PID") */
		int tmp = strlen(e->d_name) > 24 && !strncmp(e->d_name + 19, ".tmp-", 5);
		if (!daily_name(head) || (!tmp && e->d_name[19]))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			names = xrealloc(names, cap * sizeof *names);
		}
		names[n++] = xstrdup(tmp ? head : e->d_name);
	}
	closedir(dh);
	qsort(names, n, sizeof *names, newest_first);  /* the date sorts as text */
	for (size_t i = 0, kept = 0; i < n; i++) {
		buf p = BUF_INIT;
		buf_fmt(&p, "%s/%s", dir, names[i]);
		clean_stale(buf_str(&p));
		if (i > 0 && !strcmp(names[i], names[i - 1])) {
			/* the same name again (from its temporary copies) */
		} else if (access(buf_str(&p), F_OK) != 0) {
			/* only leftovers of a killed backup: not a backup */
		} else if ((int)kept++ >= (keep < 1 ? 1 : keep)) {
			db_backup_discard(buf_str(&p));
			removed++;
		}
		buf_free(&p);
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return removed;
}

void backup_summary(buf *b, const backup_report *r)
{
	const db_backup_stats *s = &r->st;

	buf_fmt(b, "%d tables, %lld rows, %lld bytes of database; %d evidence files (%lld bytes)",
		s->ntables, (long long)s->rows, (long long)s->db_bytes, s->files,
		(long long)s->file_bytes);
	if (s->files_missing || s->files_damaged)
		buf_fmt(b, ", %d missing and %d damaged in the source", s->files_missing,
			s->files_damaged);
	char secs[32];
	snprintf(secs, sizeof secs, "%.2f", r->seconds);
	buf_fmt(b, "; integrity ok, row counts equal, audit chain of %lld rows verified; %s s",
		(long long)r->audit_rows, secs);
}
