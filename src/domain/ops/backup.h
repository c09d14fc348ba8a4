/*
 * backup.h - backing up and restoring a database of anxin (issue 12):
 * what `anxin backup`, `anxin restore` and the server's daily backup do.
 *
 * A backup is three names side by side, like the database it copies:
 * FILE (the main file), FILE-desk and FILE-files/ (the evidence files its
 * rows reference). It is written under a temporary name beside FILE,
 * checked (PRAGMA integrity_check of both files, the audit chain
 * recomputed, the rows of every table equal to the source snapshot's) and
 * only then renamed into place, the main file last: a FILE that exists is
 * a whole, checked backup; a killed or failed backup leaves nothing under
 * its final name. The copying itself is src/store/db_backup.c.
 *
 * Must not: know HTTP or the CLI's options; print (the caller reports).
 */
#ifndef ANXIN_OPS_BACKUP_H
#define ANXIN_OPS_BACKUP_H

#include <stddef.h>
#include <stdint.h>

#include "store/db_backup.h"
#include "util/buf.h"
#include "util/date.h"

typedef struct backup_report {
	db_backup_stats st;     /* tables, rows, bytes, files of the copy */
	int64_t audit_rows;     /* the audit chain of the copy, verified */
	char audit_head[65];    /* its head hash */
	double seconds;         /* copy and checks */
} backup_report;

void backup_report_free(backup_report *r);

/* Backs the database at src up to the new name to (none of to, to-desk,
 * to-files may exist), while other processes go on reading and writing
 * src. Returns 0 with r filled, or -1 with why in err (nothing is then
 * left under to). */
int backup_make(const char *src, const char *to, backup_report *r, char *err, size_t errlen);

/*
 * Restores the backup at from into target. A target that some process
 * has open (a running server) is always refused; an existing one is
 * refused unless force, and with force taken aside, never deleted: its
 * files are renamed to target.before-restore-YYYYMMDDTHHMMSSZ (name in
 * aside, "" when there was nothing) after the restored copy passed its
 * checks. Returns 0, or -1 with err (target then as it was).
 */
int backup_restore(const char *from, const char *target, int force, char *aside,
		   size_t asidelen, backup_report *r, char *err, size_t errlen);

/* The name of the daily backup of day in dir: dir/anxin-YYYY-MM-DD.db. */
void backup_daily_name(const char *dir, day_t day, buf *out);

/*
 * The daily backup: backup_make into backup_daily_name(dir, day), then
 * backup_prune(dir, keep). Returns 0 when made, 1 when that day's backup
 * exists already (nothing made, still pruned), -1 with err. *pruned gets
 * the number of old backups removed.
 */
int backup_daily(const char *src, const char *dir, day_t day, int keep, backup_report *r,
		 int *pruned, char *err, size_t errlen);

/* Keeps the newest keep (>= 1) daily backups of dir (by the date in their
 * name, anxin-YYYY-MM-DD.db) and removes older ones with their desk files
 * and files folders, and the leftovers of backups killed mid-way. Other
 * files are never touched. Returns how many backups it removed, or -1
 * with err. */
int backup_prune(const char *dir, int keep, char *err, size_t errlen);

/* One line: "N tables, N rows, N files (N bytes), N bytes of database,
 * audit chain of N rows verified, N.N s". */
void backup_summary(buf *b, const backup_report *r);

#endif
