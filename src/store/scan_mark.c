/*
 * scan_mark.c - the import's notes for the warning scan (see scan_mark.h).
 *
 * Rows are collected in memory (hash maps of touched keys) and written once
 * at flush, so a bulk import pays one hash probe per row and one statement
 * per touched key, not one per row (on PostgreSQL, where a statement is a
 * round trip, the touched keys go through COPY into a temporary table and
 * one statement writes them all: the same values). Attendance is only ever inserted or
 * left alone on re-import (its date is part of the key and hours do not
 * matter to any rule), so the aggregate is maintained by deltas: inserted
 * rows add days and widen [first, last]; nothing is ever subtracted. So
 * the attendance deltas may also be written out before the end, and are,
 * every DELTA_FLUSH_KEYS keys, in key order: memory stays flat whatever the
 * file's size (issue 13).
 *
 * What a kind's rows feed is its descriptor's notes (schema.h), and the
 * project a row belongs to its scope path: no kind is known here by name.
 */
#include "store/scan_mark.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/record.h"
#include "util/buf.h"
#include "util/money.h"
#include "util/strmap.h"

typedef struct att_delta {
	long days;
	char first[11], last[11];
} att_delta;

typedef struct txn_delta {
	int64_t amount;
	long n;
	char last[11];
	unsigned char bad;  /* amount left int64 (money_add_checked): flush fails */
} txn_delta;

struct scan_mark {
	db *d;
	const kind *k;
	rec_notes which;  /* k->notes */
	unsigned mask;
	int per_month;
	int fi_project, fi_worker, fi_date, fi_period, fi_account;
	int need_full;
	strmap *dirty;   /* "project\x1fmonth" -> unused */
	strmap *att;     /* "month\x1fproject\x1fworker" -> att_delta */
	strmap *pairs;   /* "project\x1fworker" (employments) */
	strmap *accts;   /* account_no (transactions): dirty projects */
	strmap *tday;    /* "account\x1fdate\x1fkind" -> txn_delta */
	strmap *twage;   /* "account\x1fperiod\x1fworker" -> txn_delta */
	strmap *rebuild; /* accounts with an updated transaction */
	int fi_kind, fi_amount, fi_txn_date;
	char last_key[128]; /* the previous attendance key: files come sorted */
	size_t last_len;
	att_delta *last;
	int failed;      /* a flush of the attendance deltas during the import
			    failed: scan_mark_flush fails (and so the import) */
};

/* The attendance and transaction deltas are written out whenever this
 * many keys are held, so that memory does not grow with the file: rows
 * arrive in key order (import_batch.c), so a key seldom comes back after
 * its flush, and when it does its second delta adds to the first (days
 * and amounts add up, the dates widen), which is the same. */
#define DELTA_FLUSH_KEYS 16384

scan_mark *scan_mark_new(db *d, const kind *k, unsigned mask, int per_month)
{
	if (!mask)
		return NULL;
	scan_mark *m = xcalloc(1, sizeof *m);
	m->d = d;
	m->k = k;
	m->mask = mask;
	m->per_month = per_month;
	m->which = k->notes;
	/* the project a row belongs to: the project itself, or the column
	 * holding its code (k's scope path); none for other paths */
	m->fi_project = k->scope.reach == REC_REACH_PROJECT || k->scope.reach == REC_REACH_PROJECT_COL
		? kind_key_index(k, k->scope.col) : -1;
	m->fi_worker = kind_key_index(k, "worker_id_number");
	m->fi_date = kind_key_index(k, "date");
	m->fi_period = kind_key_index(k, "period");
	m->fi_account = kind_key_index(k, "account_no");
	m->dirty = strmap_new(0);
	if (m->which == REC_NOTES_ATTENDANCE)
		m->att = strmap_new(sizeof(att_delta));
	if (m->which == REC_NOTES_EMPLOYMENT)
		m->pairs = strmap_new(0);
	if (m->which == REC_NOTES_TRANSACTION) {
		m->accts = strmap_new(0);
		m->tday = strmap_new(sizeof(txn_delta));
		m->twage = strmap_new(sizeof(txn_delta));
		m->rebuild = strmap_new(0);
		m->fi_kind = kind_key_index(k, "kind");
		m->fi_amount = kind_key_index(k, "amount");
		m->fi_txn_date = kind_key_index(k, "txn_date");
	}
	return m;
}

void scan_mark_free(scan_mark *m)
{
	if (!m)
		return;
	strmap_free(m->dirty);
	strmap_free(m->att);
	strmap_free(m->pairs);
	strmap_free(m->accts);
	strmap_free(m->tday);
	strmap_free(m->twage);
	strmap_free(m->rebuild);
	free(m);
}

/* Writes the parts (each cut to its max length, -1 = whole) joined by
 * \x1f into key; returns the length, or -1 when it does not fit. Called
 * for every imported row, so no printf. */
static int join_key(char *key, size_t cap, int nparts, const char *const *parts,
		    const int *maxlen)
{
	size_t n = 0;

	for (int i = 0; i < nparts; i++) {
		size_t l = strlen(parts[i]);
		if (maxlen[i] >= 0 && l > (size_t)maxlen[i])
			l = (size_t)maxlen[i];
		if (n + l + 2 > cap)
			return -1;
		if (i)
			key[n++] = '\x1f';
		memcpy(key + n, parts[i], l);
		n += l;
	}
	key[n] = 0;
	return (int)n;
}

/* Notes (project, month) as dirty; month "" = every month. */
static void mark_dirty(scan_mark *m, const char *project, const char *month)
{
	char key[128];
	const char *parts[] = {project, month};
	int n = join_key(key, sizeof key, 2, parts, (const int[]){-1, -1});
	if (n > 0)
		strmap_put(m->dirty, key, (size_t)n, NULL);
}

static void mark_attendance(scan_mark *m, const kind_val *v)
{
	const char *p = v[m->fi_project].s, *w = v[m->fi_worker].s, *date = v[m->fi_date].s;
	char key[128];
	const char *parts[] = {date, p, w};
	int n = join_key(key, sizeof key, 3, parts, (const int[]){7, -1, -1});

	if (n <= 0)
		return;
	att_delta *a = m->last;
	if (!a || (size_t)n != m->last_len || memcmp(key, m->last_key, (size_t)n) != 0) {
		int created;
		a = strmap_put(m->att, key, (size_t)n, &created);
		if (created) {
			char month[8];
			memcpy(month, date, 7); /* a stored date: "YYYY-MM-DD" */
			month[7] = 0;
			mark_dirty(m, p, month);
		}
		memcpy(m->last_key, key, (size_t)n);
		m->last_len = (size_t)n;
		m->last = a;
	}
	if (a->days == 0 || strcmp(date, a->first) < 0)
		memcpy(a->first, date, sizeof a->first); /* 10 chars and the NUL */
	if (a->days == 0 || strcmp(date, a->last) > 0)
		memcpy(a->last, date, sizeof a->last);
	a->days++;
}

/* Adds amount on date to the delta under key. */
static void add_txn(strmap *map, const char *key, int n, int64_t amount, const char *date)
{
	if (n <= 0 || n >= 128)
		return;
	txn_delta *t = strmap_put(map, key, (size_t)n, NULL);
	if (!money_add_checked(&t->amount, amount))
		t->bad = 1;
	t->n++;
	if (strcmp(date, t->last) > 0)
		snprintf(t->last, sizeof t->last, "%s", date);
}

static void mark_transaction(scan_mark *m, const kind_val *v, int rc)
{
	const char *acct = v[m->fi_account].s, *date = v[m->fi_txn_date].s, *kd = v[m->fi_kind].s;
	char key[128];

	strmap_put(m->accts, acct, strlen(acct), NULL);
	if (rc == REC_UPDATED) { /* the old values are unknown: rebuild */
		strmap_put(m->rebuild, acct, strlen(acct), NULL);
		return;
	}
	add_txn(m->tday, key, snprintf(key, sizeof key, "%s\x1f%s\x1f%s", acct, date, kd),
		v[m->fi_amount].i, date);
	if (!strcmp(kd, "wage") && v[m->fi_period].present && v[m->fi_worker].present)
		add_txn(m->twage, key, snprintf(key, sizeof key, "%s\x1f%s\x1f%s", acct,
						v[m->fi_period].s, v[m->fi_worker].s),
			v[m->fi_amount].i, date);
}

static int flush_att(scan_mark *m);
static int flush_txn_deltas(scan_mark *m);

void scan_mark_row(scan_mark *m, const kind_val *v, int rc)
{
	char key[128];
	int n;

	if (!m || rc == REC_UNCHANGED)
		return;
	switch (m->which) {
	case REC_NOTES_ATTENDANCE:
		if (rc == REC_INSERTED) /* an update only changes hours */
			mark_attendance(m, v);
		if (strmap_count(m->att) >= DELTA_FLUSH_KEYS && flush_att(m) != 0)
			m->failed = 1;
		return;
	case REC_NOTES_FULL:
		m->need_full = 1;
		return;
	case REC_NOTES_TRANSACTION:
		mark_transaction(m, v, rc);
		if (strmap_count(m->tday) + strmap_count(m->twage) >= DELTA_FLUSH_KEYS &&
		    flush_txn_deltas(m) != 0)
			m->failed = 1;
		return;
	case REC_NOTES_ACCOUNT:
		if (rc == REC_UPDATED) /* the account may have moved project */
			m->need_full = 1;
		break;
	case REC_NOTES_EMPLOYMENT:
		n = snprintf(key, sizeof key, "%s\x1f%s", v[m->fi_project].s, v[m->fi_worker].s);
		if (n > 0 && (size_t)n < sizeof key)
			strmap_put(m->pairs, key, (size_t)n, NULL);
		break;
	default:
		break;
	}
	if (m->fi_project < 0 || !v[m->fi_project].present)
		return;
	mark_dirty(m, v[m->fi_project].s,
		   m->per_month && m->fi_period >= 0 && v[m->fi_period].present ? v[m->fi_period].s : "");
}

#define COVERED_SQL                                                                 \
	"UPDATE att_month SET covered = CASE WHEN EXISTS (SELECT 1 FROM employments e" \
	" WHERE e.project_code = att_month.project_code"                            \
	" AND e.worker_id_number = att_month.worker_id_number"                      \
	" AND e.entry_date <= att_month.first_date"                                 \
	" AND (e.exit_date IS NULL OR e.exit_date >= att_month.last_date))"         \
	" THEN 1 ELSE 0 END"

/* Splits "a\x1fb\x1fc" (len bytes) into up to 3 NUL-terminated parts in tmp. */
static int split_key(const char *key, size_t len, char *tmp, size_t tmplen, char **parts)
{
	int n = 0;

	if (len >= tmplen)
		return 0;
	memcpy(tmp, key, len);
	tmp[len] = 0;
	parts[n++] = tmp;
	for (char *p = tmp; *p && n < 3; p++)
		if (*p == '\x1f') {
			*p = 0;
			parts[n++] = p + 1;
		}
	return n;
}

#define ATT_UPSERT_SET                                                              \
	" ON CONFLICT (month, project_code, worker_id_number) DO UPDATE"                \
	" SET days = att_month.days + excluded.days,"                                   \
	" first_date = CASE WHEN excluded.first_date < att_month.first_date"            \
	"  THEN excluded.first_date ELSE att_month.first_date END,"                     \
	" last_date = CASE WHEN excluded.last_date > att_month.last_date"               \
	"  THEN excluded.last_date ELSE att_month.last_date END"

/*
 * PostgreSQL only: the keys of map ("a\x1fb\x1fc", up to 3 parts; a
 * one-part key is taken whole) copied into the temporary table
 * stage_keys (a, b, c; missing parts NULL), emptied first, so that one
 * statement can write what a statement per key writes on SQLite (each of
 * them a round trip on PostgreSQL). Returns 0 or -1.
 */
static int stage_keys_pg(db *d, strmap *map, int nparts)
{
	int rc = DB_OK;

	if (db_exec(d, "CREATE TEMP TABLE IF NOT EXISTS stage_keys (a text, b text, c text)") != DB_OK ||
	    db_exec(d, "TRUNCATE stage_keys") != DB_OK ||
	    db_copy_begin(d, "COPY stage_keys (a, b, c) FROM STDIN") != DB_OK)
		return -1;
	for (size_t i = 0; i < strmap_count(map) && rc == DB_OK; i++) {
		const char *key;
		size_t len;
		char tmp[128], *p[3] = {NULL, NULL, NULL};
		strmap_at(map, i, &key, &len);
		if (nparts == 1) {
			if (len >= sizeof tmp)
				continue;
			memcpy(tmp, key, len);
			tmp[len] = 0;
			p[0] = tmp;
		} else if (split_key(key, len, tmp, sizeof tmp, p) != nparts) {
			continue;
		}
		const char *vals[3] = {p[0], p[1], p[2]};
		rc = db_copy_row(d, vals, 3);
	}
	if (db_copy_end(d) != DB_OK || rc != DB_OK)
		return -1;
	return 0;
}

/* The first and last day of stage row s once the stored row o (if any)
 * is widened by it. */
#define ATT_WIDE_FIRST "CASE WHEN o.first_date < s.first_date THEN o.first_date ELSE s.first_date END"
#define ATT_WIDE_LAST "CASE WHEN o.last_date > s.last_date THEN o.last_date ELSE s.last_date END"

/*
 * flush_att on PostgreSQL, where a statement per touched worker-month costs
 * a round trip each (two per key: most of a large attendance import): the
 * deltas go through COPY into a temporary stage table, then one upsert
 * over the staged keys, covered included - the same values as the loop
 * of flush_att (keys are unique in m->att, so no row is changed twice).
 */
static int flush_att_pg(scan_mark *m)
{
	db *d = m->d;
	int rc = DB_OK;

	if (strmap_count(m->att) == 0)
		return 0;
	if ((rc = db_exec(d, "CREATE TEMP TABLE IF NOT EXISTS stage_att_month (month text,"
			     " project_code text, worker_id_number text, days bigint,"
			     " first_date text, last_date text)")) != DB_OK ||
	    (rc = db_exec(d, "TRUNCATE stage_att_month")) != DB_OK ||
	    (rc = db_copy_begin(d, "COPY stage_att_month (month, project_code, worker_id_number,"
				   " days, first_date, last_date) FROM STDIN")) != DB_OK)
		return -1;
	for (size_t i = 0; i < strmap_count(m->att) && rc == DB_OK; i++) {
		const char *key;
		size_t len;
		char tmp[128], *p[3], days[24];
		att_delta *a = strmap_at(m->att, i, &key, &len);
		if (split_key(key, len, tmp, sizeof tmp, p) != 3)
			continue;
		snprintf(days, sizeof days, "%ld", a->days);
		const char *vals[6] = {p[0], p[1], p[2], days, a->first, a->last};
		rc = db_copy_row(d, vals, 6);
	}
	if (db_copy_end(d) != DB_OK || rc != DB_OK)
		return -1;
	/* covered in the same statement, from the dates as they will be
	 * (the stored row's widened by the delta's): a second pass (an
	 * UPDATE) would write every row twice, and its join was a scan of
	 * all of att_month each flush. Joins, not correlated subqueries,
	 * which Citus does not take over a local table; planned as index
	 * look-ups whatever the sizes the planner believes. */
	if (db_exec(d, "SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off") != DB_OK)
		return -1;
	rc = db_exec(d, "INSERT INTO att_month (month, project_code, worker_id_number, days,"
		" first_date, last_date, covered)"
		" SELECT s.month, s.project_code, s.worker_id_number, s.days, " ATT_WIDE_FIRST ", "
		ATT_WIDE_LAST ", CASE WHEN count(e.project_code) > 0 THEN 1 ELSE 0 END"
		" FROM stage_att_month s LEFT JOIN att_month o ON o.month = s.month"
		" AND o.project_code = s.project_code AND o.worker_id_number = s.worker_id_number"
		" LEFT JOIN employments e ON e.project_code = s.project_code"
		" AND e.worker_id_number = s.worker_id_number AND e.entry_date <= " ATT_WIDE_FIRST
		" AND (e.exit_date IS NULL OR e.exit_date >= " ATT_WIDE_LAST ")"
		" GROUP BY s.month, s.project_code, s.worker_id_number, s.days, s.first_date,"
		" s.last_date, o.first_date, o.last_date"
		" ORDER BY s.month, s.project_code, s.worker_id_number"
		" ON CONFLICT (month, project_code, worker_id_number) DO UPDATE"
		" SET days = att_month.days + excluded.days, first_date = excluded.first_date,"
		" last_date = excluded.last_date, covered = excluded.covered");
	if (db_exec(d, "RESET enable_hashjoin; RESET enable_mergejoin") != DB_OK || rc != DB_OK)
		return -1;
	return 0;
}

/* The entries of map in key order (bytes), as indexes: the upserts then
 * walk att_month and its index in order instead of at random. */
static const strmap *sorting_map;

static int entry_cmp(const void *pa, const void *pb)
{
	const char *ka, *kb;
	size_t la, lb;

	strmap_at(sorting_map, *(const size_t *)pa, &ka, &la);
	strmap_at(sorting_map, *(const size_t *)pb, &kb, &lb);
	int c = memcmp(ka, kb, la < lb ? la : lb);
	return c ? c : (la > lb) - (la < lb);
}

static size_t *sorted_entries(const strmap *map)
{
	size_t n = strmap_count(map);
	size_t *ix = xmalloc((n ? n : 1) * sizeof *ix);

	for (size_t i = 0; i < n; i++)
		ix[i] = i;
	sorting_map = map;
	qsort(ix, n, sizeof *ix, entry_cmp);
	sorting_map = NULL;
	return ix;
}

/* covered (COVERED_SQL) of the row as it will be after the upsert, so
 * that one statement a key does it: on insert from the new dates, on
 * conflict from the widened ones (SET sees the old row). */
#define ATT_COVERED(first, last)                                                       \
	"CASE WHEN EXISTS (SELECT 1 FROM employments e WHERE e.project_code = ?2"       \
	" AND e.worker_id_number = ?3 AND e.entry_date <= " first                       \
	" AND (e.exit_date IS NULL OR e.exit_date >= " last ")) THEN 1 ELSE 0 END"

/*
 * Writes the attendance deltas held (in key order) and empties the map.
 * On SQLite one upsert a key, covered included; on PostgreSQL
 * flush_att_pg. Called at the end and whenever DELTA_FLUSH_KEYS keys are
 * held. Returns 0 or -1.
 */
static int flush_att(scan_mark *m)
{
	int rc = 0;

	if (strmap_count(m->att) == 0)
		return 0;
	if (db_dialect(m->d) == DB_DIALECT_PG) {
		rc = flush_att_pg(m);
		goto done;
	}
	db_stmt *up = db_prepare(m->d,
		"INSERT INTO att_month (month, project_code, worker_id_number, days, first_date, last_date,"
		" covered) VALUES (?1, ?2, ?3, ?4, ?5, ?6, " ATT_COVERED("?5", "?6") ")" ATT_UPSERT_SET ","
		" covered = " ATT_COVERED("CASE WHEN excluded.first_date < att_month.first_date"
					  " THEN excluded.first_date ELSE att_month.first_date END",
					  "CASE WHEN excluded.last_date > att_month.last_date"
					  " THEN excluded.last_date ELSE att_month.last_date END"));
	size_t *ix = sorted_entries(m->att);

	for (size_t i = 0; i < strmap_count(m->att) && rc == 0; i++) {
		const char *key;
		size_t len;
		char tmp[128], *p[3];
		att_delta *a = strmap_at(m->att, ix[i], &key, &len);
		if (split_key(key, len, tmp, sizeof tmp, p) != 3)
			continue;
		for (int j = 0; j < 3; j++)
			db_bind_text_ref(up, j + 1, p[j]);
		db_bind_int(up, 4, a->days);
		db_bind_text_ref(up, 5, a->first);
		db_bind_text_ref(up, 6, a->last);
		if (db_step(up) != DB_DONE)
			rc = -1;
		db_reset(up);
	}
	free(ix);
	db_finalize(up);
done:
	strmap_free(m->att);
	m->att = strmap_new(sizeof(att_delta));
	m->last = NULL;
	m->last_len = 0;
	return rc;
}

static int flush_pairs(scan_mark *m)
{
	if (db_dialect(m->d) == DB_DIALECT_PG) /* one statement: see stage_keys_pg */
		return strmap_count(m->pairs) == 0 ||
		       (stage_keys_pg(m->d, m->pairs, 2) == 0 &&
			db_exec(m->d, COVERED_SQL " FROM stage_keys s WHERE att_month.project_code = s.a"
				      " AND att_month.worker_id_number = s.b") == DB_OK) ? 0 : -1;
	db_stmt *cov = db_prepare(m->d, COVERED_SQL " WHERE project_code = ? AND worker_id_number = ?");
	int rc = 0;

	for (size_t i = 0; i < strmap_count(m->pairs) && rc == 0; i++) {
		const char *key;
		size_t len;
		char tmp[128], *p[3];
		strmap_at(m->pairs, i, &key, &len);
		if (split_key(key, len, tmp, sizeof tmp, p) != 2)
			continue;
		db_bind_text_ref(cov, 1, p[0]);
		db_bind_text_ref(cov, 2, p[1]);
		if (db_step(cov) != DB_DONE)
			rc = -1;
		db_reset(cov);
	}
	db_finalize(cov);
	return rc;
}

/* The aggregate's amount plus the delta's; NULL - refused by the NOT NULL
 * column, failing the import - when it would leave int64 (SQLite's '+'
 * would turn it into an inexact REAL). Amounts and deltas are > 0. */
#define AGG_ADD(t) "CASE WHEN " t ".amount > 9223372036854775807 - excluded.amount THEN NULL" \
	" ELSE " t ".amount + excluded.amount END"

/* Writes the transaction deltas, then rebuilds the aggregates of the
 * accounts (and their projects) that had a transaction updated. Sums
 * that would leave int64 fail the flush (and so the import); the
 * rebuild's sum() raises its own overflow error.
 *
 * Set-based on both backends: the touched keys go into a temporary stage
 * table (COPY on PostgreSQL, where a statement is a round trip; a reused
 * INSERT on SQLite, into memory), then one statement per aggregate writes
 * them all, sorted by the aggregate's key - so its b-tree is written in
 * order, not at the random places the keys were met in the file (a
 * statement per key in file order took a third of a transactions import).
 * Wage deltas of several accounts of one project and worker meet in one
 * row (GROUP BY), as the per-key upserts once added them. */
static int flush_rebuild(scan_mark *m);

static int stage_txn(scan_mark *m, strmap *map)
{
	db *d = m->d;
	int pg = db_dialect(d) == DB_DIALECT_PG, rc = DB_OK;
	db_stmt *ins = NULL;

	if (db_exec(d, "CREATE TEMP TABLE IF NOT EXISTS stage_txn (a text, b text, c text,"
		       " amount bigint, n bigint, last text)") != DB_OK ||
	    db_exec(d, pg ? "TRUNCATE stage_txn" : "DELETE FROM stage_txn") != DB_OK)
		return -1;
	if (pg ? db_copy_begin(d, "COPY stage_txn (a, b, c, amount, n, last) FROM STDIN") != DB_OK
	       : !(ins = db_prepare(d, "INSERT INTO stage_txn VALUES (?, ?, ?, ?, ?, ?)")))
		return -1;
	for (size_t i = 0; i < strmap_count(map) && rc == DB_OK; i++) {
		const char *key;
		size_t len;
		char tmp[128], *p[3], amount[24], n[24];
		txn_delta *t = strmap_at(map, i, &key, &len);
		if (t->bad) {
			rc = DB_ERROR;
			break;
		}
		if (split_key(key, len, tmp, sizeof tmp, p) != 3)
			continue;
		if (pg) {
			snprintf(amount, sizeof amount, "%lld", (long long)t->amount);
			snprintf(n, sizeof n, "%ld", t->n);
			const char *vals[6] = {p[0], p[1], p[2], amount, n, map == m->twage ? t->last : NULL};
			rc = db_copy_row(d, vals, 6);
			continue;
		}
		for (int j = 0; j < 3; j++)
			db_bind_text_ref(ins, j + 1, p[j]);
		db_bind_int(ins, 4, t->amount);
		db_bind_int(ins, 5, t->n);
		if (map == m->twage)
			db_bind_text_ref(ins, 6, t->last);
		else
			db_bind_null(ins, 6);
		if (db_step(ins) != DB_DONE)
			rc = DB_ERROR;
		db_reset(ins);
	}
	if (pg)
		return db_copy_end(d) != DB_OK || rc != DB_OK ? -1 : 0;
	db_finalize(ins);
	return rc == DB_OK ? 0 : -1;
}

static int write_txn_deltas(scan_mark *m)
{
	db *d = m->d;

	for (int pass = 0; pass < 2; pass++) {
		strmap *map = pass ? m->twage : m->tday;
		if (strmap_count(map) == 0)
			continue;
		if (stage_txn(m, map) != 0)
			return -1;
		/* WHERE true: SQLite's parser needs it between a SELECT and ON CONFLICT */
		if (db_exec(d, pass
			? "INSERT INTO wage_month (period, project_code, worker_id_number, amount, n, last_date)"
			  " SELECT s.b, x.project_code, s.c, CAST(sum(s.amount) AS BIGINT),"
			  " CAST(sum(s.n) AS BIGINT), max(s.last) FROM stage_txn s"
			  " JOIN accounts x ON x.account_no = s.a WHERE true GROUP BY s.b, x.project_code, s.c"
			  " ORDER BY s.b, x.project_code, s.c"
			  " ON CONFLICT (period, project_code, worker_id_number) DO UPDATE"
			  " SET amount = " AGG_ADD("wage_month") ", n = wage_month.n + excluded.n,"
			  " last_date = CASE WHEN excluded.last_date > wage_month.last_date"
			  "  THEN excluded.last_date ELSE wage_month.last_date END"
			: "INSERT INTO txn_day (account_no, txn_date, kind, amount, n)"
			  " SELECT a, b, c, amount, n FROM stage_txn WHERE true ORDER BY a, b, c"
			  " ON CONFLICT (account_no, txn_date, kind) DO UPDATE"
			  " SET amount = " AGG_ADD("txn_day") ", n = txn_day.n + excluded.n") != DB_OK)
			return -1;
	}
	return 0;
}

/* Writes the transaction deltas held and empties their maps (at the end,
 * and whenever DELTA_FLUSH_KEYS keys are held: the deltas add up, so the
 * order of the flushes does not matter). Returns 0 or -1. */
static int flush_txn_deltas(scan_mark *m)
{
	int rc = write_txn_deltas(m);

	strmap_free(m->tday);
	strmap_free(m->twage);
	m->tday = strmap_new(sizeof(txn_delta));
	m->twage = strmap_new(sizeof(txn_delta));
	return rc;
}

static int flush_txn(scan_mark *m)
{
	return flush_txn_deltas(m) == 0 ? flush_rebuild(m) : -1;
}

/* The end of flush_txn: rebuilds the aggregates of the accounts (and their
 * projects) that had a transaction updated. Returns 0 or -1. */
static int flush_rebuild(scan_mark *m)
{
	int rc = 0;

	for (size_t i = 0; i < strmap_count(m->rebuild) && rc == 0; i++) {
		const char *key;
		size_t len;
		char acct[128];
		strmap_at(m->rebuild, i, &key, &len);
		if (len >= sizeof acct)
			continue;
		memcpy(acct, key, len);
		acct[len] = 0;
		if (db_run(m->d, "DELETE FROM txn_day WHERE account_no = ?", "t", acct) != DB_OK ||
		    db_run(m->d, "INSERT INTO txn_day (account_no, txn_date, kind, amount, n)"
				 " SELECT account_no, txn_date, kind, sum(amount), count(*) FROM transactions"
				 " WHERE account_no = ? GROUP BY 1, 2, 3", "t", acct) != DB_OK ||
		    db_run(m->d, "DELETE FROM wage_month WHERE project_code ="
				 " (SELECT project_code FROM accounts WHERE account_no = ?)", "t", acct) != DB_OK ||
		    db_run(m->d, "INSERT INTO wage_month (period, project_code, worker_id_number, amount, n, last_date)"
				 " SELECT t.period, a.project_code, t.worker_id_number, sum(t.amount), count(*),"
				 " max(t.txn_date) FROM accounts a JOIN transactions t ON t.account_no = a.account_no"
				 " WHERE a.project_code = (SELECT project_code FROM accounts WHERE account_no = ?)"
				 " AND t.kind = 'wage' AND t.period IS NOT NULL AND t.worker_id_number IS NOT NULL"
				 " GROUP BY 1, 2, 3", "t", acct) != DB_OK)
			rc = -1;
	}
	return rc;
}

int scan_mark_need_full(db *d)
{
	return db_run(d, "UPDATE scan_state SET need_full = 1", "");
}

#define DIRTY_UPSERT_SET \
	" ON CONFLICT (project_code, month) DO UPDATE SET mask = scan_dirty.mask | excluded.mask, seq = excluded.seq"

/* The end of scan_mark_flush on PostgreSQL: the dirty (project, month)
 * keys, then the projects of the touched accounts (each project once: one
 * statement cannot change a row twice), as one upsert each. */
static int flush_dirty_pg(scan_mark *m, int64_t seq)
{
	int rc = DB_OK;

	if (strmap_count(m->dirty) > 0) {
		if (stage_keys_pg(m->d, m->dirty, 2) != 0)
			return DB_ERROR;
		rc = db_run(m->d, "INSERT INTO scan_dirty (project_code, month, mask, seq)"
			    " SELECT a, b, ?, ? FROM stage_keys ORDER BY a, b" DIRTY_UPSERT_SET,
			    "ii", (int64_t)m->mask, seq);
	}
	if (rc == DB_OK && m->accts && strmap_count(m->accts) > 0) {
		if (stage_keys_pg(m->d, m->accts, 1) != 0)
			return DB_ERROR;
		rc = db_run(m->d, "INSERT INTO scan_dirty (project_code, month, mask, seq)"
			    " SELECT DISTINCT x.project_code, '', CAST(? AS BIGINT), CAST(? AS BIGINT)"
			    " FROM accounts x JOIN stage_keys s ON x.account_no = s.a" DIRTY_UPSERT_SET,
			    "ii", (int64_t)m->mask, seq);
	}
	return rc;
}

int scan_mark_flush(scan_mark *m)
{
	int rc = DB_OK;

	if (!m)
		return DB_OK;
	if (m->failed)
		return DB_ERROR;
	if (m->need_full && (rc = scan_mark_need_full(m->d)) != DB_OK)
		return rc;
	/* the aggregates' helpers answer 0 or -1 */
	if (m->att && flush_att(m) != 0)
		return DB_ERROR;
	if (m->pairs && flush_pairs(m) != 0)
		return DB_ERROR;
	if (m->tday && flush_txn(m) != 0)
		return DB_ERROR;
	if (strmap_count(m->dirty) == 0 && (!m->accts || strmap_count(m->accts) == 0))
		return DB_OK;
	if ((rc = db_run(m->d, "UPDATE scan_state SET seq = seq + 1", "")) != DB_OK)
		return rc;
	int64_t seq = db_int(m->d, 0, "SELECT seq FROM scan_state", "");
	if (db_dialect(m->d) == DB_DIALECT_PG) /* one statement each: see stage_keys_pg */
		return flush_dirty_pg(m, seq);
	db_stmt *st = db_prepare(m->d,
		"INSERT INTO scan_dirty (project_code, month, mask, seq) VALUES (?, ?, ?, ?)"
		" ON CONFLICT (project_code, month) DO UPDATE SET mask = scan_dirty.mask | excluded.mask, seq = excluded.seq");
	for (size_t i = 0; i < strmap_count(m->dirty) && rc == DB_OK; i++) {
		const char *key;
		size_t len;
		char tmp[128], *p[3];
		strmap_at(m->dirty, i, &key, &len);
		if (split_key(key, len, tmp, sizeof tmp, p) != 2)
			continue;
		db_bind_text_ref(st, 1, p[0]);
		db_bind_text_ref(st, 2, p[1]);
		db_bind_int(st, 3, m->mask);
		db_bind_int(st, 4, seq);
		int src = db_step(st);
		if (src != DB_DONE)
			rc = src == DB_ROW ? DB_ERROR : src;
		db_reset(st);
	}
	db_finalize(st);
	if (rc == DB_OK && m->accts) {
		st = db_prepare(m->d,
			"INSERT INTO scan_dirty (project_code, month, mask, seq)"
			" SELECT project_code, '', ?, ? FROM accounts WHERE account_no = ?"
			" ON CONFLICT (project_code, month) DO UPDATE SET mask = scan_dirty.mask | excluded.mask, seq = excluded.seq");
		for (size_t i = 0; i < strmap_count(m->accts) && rc == DB_OK; i++) {
			const char *key;
			size_t len;
			strmap_at(m->accts, i, &key, &len);
			db_bind_int(st, 1, m->mask);
			db_bind_int(st, 2, seq);
			db_bind_textn(st, 3, key, len);
			int src = db_step(st);
			if (src != DB_DONE)
				rc = src == DB_ROW ? DB_ERROR : src;
			db_reset(st);
		}
		db_finalize(st);
	}
	return rc;
}
