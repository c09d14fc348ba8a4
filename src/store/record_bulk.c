/*
 * record_bulk.c - rec_write_batch (record.h): a batch of validated rows of
 * one kind written at once. On SQLite, row by row through rec_write (an
 * index probe per row is all SQLite needs), or 64 rows in one INSERT where
 * they all go past the largest key stored (see chunk_sqlite). On
 * PostgreSQL, where a row
 * costs a round trip, the batch goes through COPY into a temporary stage
 * table and one INSERT ... SELECT ... ON CONFLICT DO UPDATE that changes a
 * row only when a value differs and returns the key of every row it
 * inserted or changed - which tells inserted, updated and unchanged apart
 * per row, as rec_write does. Rows whose key occurs more than once in the
 * batch go through rec_write afterwards, in order (one statement cannot
 * change a row twice).
 *
 * The common case - a day's attendance, a month's payroll - is a batch of
 * keys none of which is stored yet. That is asked of the database before
 * the batch is written; when none is, the rows are copied straight into
 * the table, as `psql \copy` would (every row inserted; the importer holds
 * the main lane, so no other anxin writer adds a key meanwhile, and a
 * writer outside anxin that did would make the COPY fail on the key, never
 * write twice).
 *
 * The question costs little because the rows come in the key index's
 * order, the whole import in one order (import_batch.c): they fall into
 * groups sharing all key columns but the last (attendance: a project's
 * day), and a group holds no stored key when the table holds no row with
 * its prefix at all - or, for the group the previous batch ended with,
 * only the rows this writer inserted there. So the batch's groups (a few
 * hundred, not 32,768 keys) go through COPY into a stage table with the
 * count of rows this writer inserted under each, and one join compares
 * the counts: equality of prefixes only, so the server's collation cannot
 * disagree with the client's order. A kind whose key is one column is
 * asked key by key (stage table and join).
 */
#include "store/record.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/strmap.h"

/* The stored text of v (its integer for integer kinds), or NULL. */
static const char *stored(const kind_val *v, char *tmp, size_t tmplen)
{
	if (!v->present)
		return NULL;
	if (v->is_int) {
		snprintf(tmp, tmplen, "%lld", (long long)v->i);
		return tmp;
	}
	return v->s;
}

/* The key of row vals as one string (fields joined by \x1f) into b. */
static void key_of(const kind *k, const kind_val *vals, buf *b)
{
	char tmp[24];
	int first = 1;

	buf_reset(b);
	for (int i = 0; i < k->nfields; i++) {
		if (!(k->fields[i].flags & F_KEY))
			continue;
		if (!first)
			buf_putc(b, '\x1f');
		const char *s = stored(&vals[i], tmp, sizeof tmp);
		buf_puts(b, s ? s : "");
		first = 0;
	}
}

/* Appends "sep"-joined fmt_one for each (key / non-key) field of k. */
static void fields(buf *sql, const kind *k, int keys, int nonkeys, const char *sep,
		   const char *fmt_one)
{
	int first = 1;

	for (int i = 0; i < k->nfields; i++) {
		int key = !!(k->fields[i].flags & F_KEY);
		if ((key && !keys) || (!key && !nonkeys))
			continue;
		if (!first)
			buf_puts(sql, sep);
		buf_fmt(sql, fmt_one, k->fields[i].key, k->fields[i].key);
		first = 0;
	}
}

/* The stage table and the upsert of kind k (PostgreSQL). */
static void bulk_sql(const kind *k, buf *stage, buf *copy, buf *upsert)
{
	buf_fmt(stage, "CREATE TEMP TABLE IF NOT EXISTS stage_%s AS SELECT CAST(0 AS BIGINT) AS ord, ",
		k->table);
	fields(stage, k, 1, 1, ", ", "%s");
	buf_fmt(stage, " FROM %s WITH NO DATA", k->table);

	buf_fmt(copy, "COPY stage_%s (ord, ", k->table);
	fields(copy, k, 1, 1, ", ", "%s");
	buf_puts(copy, ") FROM STDIN");

	buf_fmt(upsert, "INSERT INTO %s (", k->table);
	fields(upsert, k, 1, 1, ", ", "%s");
	buf_puts(upsert, ") SELECT ");
	fields(upsert, k, 1, 1, ", ", "%s");
	buf_fmt(upsert, " FROM stage_%s ORDER BY ord ON CONFLICT (", k->table);
	fields(upsert, k, 1, 0, ", ", "%s");
	int nonkeys = 0;
	for (int i = 0; i < k->nfields; i++)
		nonkeys += !(k->fields[i].flags & F_KEY);
	if (nonkeys) {
		buf_puts(upsert, ") DO UPDATE SET ");
		fields(upsert, k, 0, 1, ", ", "%s = excluded.%s");
		buf_puts(upsert, " WHERE ");
		for (int i = 0, first = 1; i < k->nfields; i++) {
			if (k->fields[i].flags & F_KEY)
				continue;
			buf_fmt(upsert, "%s%s.%s IS DISTINCT FROM excluded.%s", first ? "" : " OR ",
				k->table, k->fields[i].key, k->fields[i].key);
			first = 0;
		}
	} else {
		buf_puts(upsert, ") DO NOTHING");
	}
	buf_puts(upsert, " RETURNING ");
	fields(upsert, k, 1, 0, ", ", "%s");
	buf_fmt(upsert, ", CASE WHEN %s.xmax = 0 THEN 1 ELSE 0 END", k->table);
}

/*
 * Whether none of the keys of the batch's rows (but the repeated ones) is
 * stored yet (see the file's comment). 1 yes, 0 no, -1 on a database
 * error (d's message set).
 */
static int batch_all_new(db *d, const kind *k, kind_val *const *rows, int n,
			 const unsigned char *dup)
{
	buf sql = BUF_INIT;
	const char *vals[8];
	char tmp[8][24];
	int nk = 0, rc = DB_OK, ret = -1;

	buf_fmt(&sql, "CREATE TEMP TABLE IF NOT EXISTS stagek_%s AS SELECT ", k->table);
	fields(&sql, k, 1, 0, ", ", "%s");
	buf_fmt(&sql, " FROM %s WITH NO DATA; TRUNCATE stagek_%s", k->table, k->table);
	if (db_exec(d, buf_str(&sql)) != DB_OK)
		goto done;
	buf_reset(&sql);
	buf_fmt(&sql, "COPY stagek_%s (", k->table);
	fields(&sql, k, 1, 0, ", ", "%s");
	buf_puts(&sql, ") FROM STDIN");
	if (db_copy_begin(d, buf_str(&sql)) != DB_OK)
		goto done;
	for (int i = 0; i < n && rc == DB_OK; i++) {
		if (dup[i])
			continue;
		nk = 0;
		for (int f = 0; f < k->nfields && nk < 8; f++)
			if (k->fields[f].flags & F_KEY) {
				vals[nk] = stored(&rows[i][f], tmp[nk], sizeof tmp[nk]);
				nk++;
			}
		rc = db_copy_row(d, vals, nk);
	}
	if (db_copy_end(d) != DB_OK || rc != DB_OK)
		goto done;
	buf_reset(&sql);
	buf_fmt(&sql, "SELECT count(*) FROM stagek_%s s JOIN %s t ON ", k->table, k->table);
	fields(&sql, k, 1, 0, " AND ", "t.%s = s.%s");
	int64_t stored_keys = db_int(d, -1, buf_str(&sql), "");
	if (stored_keys >= 0)
		ret = stored_keys == 0;
done:
	buf_free(&sql);
	return ret;
}

/* The key prefix of a row - its key_order columns but the last (kf[0],
 * ..., kf[np - 1]) - as one string into b. */
static void prefix_of(const kind_val *vals, const int *kf, int np, buf *b)
{
	char tmp[24];

	buf_reset(b);
	for (int i = 0; i < np; i++) {
		const char *s = stored(&vals[kf[i]], tmp, sizeof tmp);
		if (i)
			buf_putc(b, '\x1f');
		buf_puts(b, s ? s : "");
	}
}

/*
 * Whether no key of the batch's rows is stored yet, asked group by group
 * (see the file's comment). The rows are in key_order (kf, nk > 1 key
 * columns), the writer's carry tells what the previous batch inserted. 1
 * yes, 0 no, -1 on a database error (d's message set).
 */
static int batch_groups_new(rec_writer *w, kind_val *const *rows, int n, const int *kf, int nk)
{
	db *d = rec_writer_db(w);
	const kind *k = rec_writer_kind(w);
	rec_bulk_carry *c = rec_writer_carry(w);
	int np = nk - 1, rc = DB_OK, ret = -1;
	buf sql = BUF_INIT, kb = BUF_INIT, cur = BUF_INIT, next = BUF_INIT;
	const char *vals[8];
	char tmp[8][24];
	long mine = 0;  /* rows this writer inserted under the first group */

	/* the previous batch's last key again: not new */
	key_of(k, rows[0], &kb);
	if (c->last_key.len && kb.len == c->last_key.len &&
	    memcmp(buf_str(&kb), buf_str(&c->last_key), kb.len) == 0) {
		ret = 0;
		goto done;
	}
	for (int i = 0; i < n; i++)
		for (int f = 0; f < nk; f++)
			if (!rows[i][kf[f]].present) { /* never for a valid row */
				ret = 0;
				goto done;
			}
	buf_fmt(&sql, "CREATE TEMP TABLE IF NOT EXISTS stageg_%s AS SELECT ", k->table);
	for (int f = 0; f < np; f++)
		buf_fmt(&sql, "%s%s", f ? ", " : "", k->fields[kf[f]].key);
	buf_fmt(&sql, " FROM %s WITH NO DATA; TRUNCATE stageg_%s", k->table, k->table);
	if (db_exec(d, buf_str(&sql)) != DB_OK)
		goto done;
	buf_reset(&sql);
	buf_fmt(&sql, "COPY stageg_%s (", k->table);
	for (int f = 0; f < np; f++)
		buf_fmt(&sql, "%s%s", f ? ", " : "", k->fields[kf[f]].key);
	buf_puts(&sql, ") FROM STDIN");
	if (db_copy_begin(d, buf_str(&sql)) != DB_OK)
		goto done;
	for (int i = 0; i < n && rc == DB_OK; i++) {
		prefix_of(rows[i], kf, np, &next);
		if (i > 0 && next.len == cur.len && memcmp(buf_str(&next), buf_str(&cur), cur.len) == 0)
			continue;
		/* a new group; the first may hold what this writer inserted */
		if (i == 0 && c->prefix.len == next.len &&
		    memcmp(buf_str(&c->prefix), buf_str(&next), next.len) == 0)
			mine = c->inserted;
		for (int f = 0; f < np; f++)
			vals[f] = stored(&rows[i][kf[f]], tmp[f], sizeof tmp[f]);
		rc = db_copy_row(d, vals, np);
		buf_reset(&cur);
		buf_putn(&cur, buf_str(&next), next.len);
	}
	if (db_copy_end(d) != DB_OK || rc != DB_OK)
		goto done;
	/* The stored rows under the groups' prefixes. A join, which Citus
	 * runs (it takes no correlated subquery over a local table), planned
	 * as a loop of index look-ups: the statement is prepared once, and a
	 * plan made while the table was still small - a hash or merge join
	 * over all of it - would stay as the table grows (every batch a scan
	 * of the whole table). */
	buf_reset(&sql);
	buf_fmt(&sql, "SELECT count(*) FROM stageg_%s g JOIN %s t ON ", k->table, k->table);
	for (int f = 0; f < np; f++)
		buf_fmt(&sql, "%st.%s = g.%s", f ? " AND " : "", k->fields[kf[f]].key,
			k->fields[kf[f]].key);
	if (db_exec(d, "SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off") != DB_OK)
		goto done;
	int64_t stored_rows = db_int(d, -1, buf_str(&sql), "");
	if (db_exec(d, "RESET enable_hashjoin; RESET enable_mergejoin") != DB_OK)
		goto done;
	if (stored_rows >= 0)  /* only this writer's: none of the batch's */
		ret = stored_rows == mine;
done:
	buf_free(&sql);
	buf_free(&kb);
	buf_free(&cur);
	buf_free(&next);
	return ret;
}

/* After a batch was written: remembers its last key, and how many keys it
 * inserted under the prefix of its last group (added to the carried count
 * when the whole batch was that one group). */
static void carry_batch(rec_writer *w, kind_val *const *rows, int n, const int *status,
			const int *kf, int nk)
{
	rec_bulk_carry *c = rec_writer_carry(w);
	buf first = BUF_INIT, last = BUF_INIT, p = BUF_INIT;
	long ins = 0;

	if (n == 0 || nk < 2)
		goto done;
	key_of(rec_writer_kind(w), rows[n - 1], &c->last_key);
	prefix_of(rows[0], kf, nk - 1, &first);
	prefix_of(rows[n - 1], kf, nk - 1, &last);
	int i = n - 1;
	for (; i >= 0; i--) {
		prefix_of(rows[i], kf, nk - 1, &p);
		if (p.len != last.len || memcmp(buf_str(&p), buf_str(&last), p.len) != 0)
			break;
		ins += status[i] == REC_INSERTED;
	}
	int one_group = i < 0;
	int continues = c->prefix.len == first.len &&
			memcmp(buf_str(&c->prefix), buf_str(&first), first.len) == 0;
	c->inserted = one_group && continues ? c->inserted + ins : ins;
	buf_reset(&c->prefix);
	buf_putn(&c->prefix, buf_str(&last), last.len);
done:
	buf_free(&first);
	buf_free(&last);
	buf_free(&p);
}

/*
 * The PostgreSQL path (see the file's comment). Rows are in key order, so
 * repeated keys are neighbours. Returns 0, or -1 with err and *failed_at.
 */
static int batch_pg(rec_writer *w, kind_val *const *rows, int n, int *status, char *err,
		    size_t errlen, int *failed_at)
{
	db *d = rec_writer_db(w);
	const kind *k = rec_writer_kind(w);
	buf stage = BUF_INIT, copy = BUF_INIT, upsert = BUF_INIT, kb = BUF_INIT, prev = BUF_INIT;
	unsigned char *dup = calloc((size_t)n + 1, 1);
	const char **vals = calloc((size_t)k->nfields + 1, sizeof *vals);
	char (*tmp)[24] = calloc((size_t)k->nfields + 1, sizeof *tmp);
	strmap *idx = strmap_new(sizeof(int));
	int rc = DB_OK;

	*failed_at = 0;
	if (!dup || !vals || !tmp) {
		snprintf(err, errlen, "out of memory");
		rc = DB_ERROR;
		goto done;
	}
	bulk_sql(k, &stage, &copy, &upsert);
	for (int i = 0; i < n; i++) {
		key_of(k, rows[i], &kb);
		if (i > 0 && kb.len == prev.len && memcmp(buf_str(&kb), buf_str(&prev), kb.len) == 0)
			dup[i] = dup[i - 1] = 1;
		buf_reset(&prev);
		buf_putn(&prev, buf_str(&kb), kb.len);
	}
	int kf[8], nkf = kind_key_fields(k, kf, 8);
	int fresh = nkf > 1 ? batch_groups_new(w, rows, n, kf, nkf) : batch_all_new(d, k, rows, n, dup);
	if (fresh < 0) {
		rc = DB_ERROR;
		goto fail;
	}
	if (fresh) {
		/* straight into the table: every row (but the repeated) new */
		buf_reset(&copy);
		buf_fmt(&copy, "COPY %s (", k->table);
		fields(&copy, k, 1, 1, ", ", "%s");
		buf_puts(&copy, ") FROM STDIN");
		if ((rc = db_copy_begin(d, buf_str(&copy))) != DB_OK)
			goto fail;
		for (int i = 0; i < n && rc == DB_OK; i++) {
			if (dup[i])
				continue;
			status[i] = REC_INSERTED;
			for (int f = 0; f < k->nfields; f++)
				vals[f] = stored(&rows[i][f], tmp[f], sizeof tmp[f]);
			rc = db_copy_row(d, vals, k->nfields);
		}
		if (db_copy_end(d) != DB_OK && rc == DB_OK)
			rc = DB_ERROR;
		if (rc != DB_OK)
			goto fail;
		goto repeated;
	}
	char stage_clear[128];
	snprintf(stage_clear, sizeof stage_clear, "TRUNCATE stage_%s", k->table);
	if ((rc = db_exec(d, buf_str(&stage))) != DB_OK || (rc = db_exec(d, stage_clear)) != DB_OK ||
	    (rc = db_copy_begin(d, buf_str(&copy))) != DB_OK)
		goto fail;
	for (int i = 0; i < n && rc == DB_OK; i++) {
		if (dup[i])
			continue;
		key_of(k, rows[i], &kb);
		*(int *)strmap_put(idx, buf_str(&kb), kb.len, NULL) = i;
		status[i] = REC_UNCHANGED;
		snprintf(tmp[0], sizeof tmp[0], "%d", i);
		vals[0] = tmp[0];
		for (int f = 0; f < k->nfields; f++)
			vals[f + 1] = stored(&rows[i][f], tmp[f + 1], sizeof tmp[f + 1]);
		rc = db_copy_row(d, vals, k->nfields + 1);
	}
	if (db_copy_end(d) != DB_OK && rc == DB_OK)
		rc = DB_ERROR;
	if (rc != DB_OK)
		goto fail;

	db_stmt *st = db_prepare(d, buf_str(&upsert));
	int nk = 0;
	for (int f = 0; f < k->nfields; f++)
		nk += !!(k->fields[f].flags & F_KEY);
	while ((rc = db_step(st)) == DB_ROW) {
		buf_reset(&kb);
		for (int c = 0; c < nk; c++) {
			if (c)
				buf_putc(&kb, '\x1f');
			buf_puts(&kb, db_col_text(st, c));
		}
		int *at = strmap_get(idx, buf_str(&kb), kb.len);
		if (at)
			status[*at] = db_col_int(st, nk) ? REC_INSERTED : REC_UPDATED;
	}
	db_finalize(st);
	if (rc != DB_DONE)
		goto fail;
	rc = DB_OK;
repeated:
	for (int i = 0; i < n; i++) {
		if (!dup[i])
			continue;
		status[i] = rec_write(w, rows[i], err, errlen);
		if (status[i] < 0) {
			*failed_at = i;
			rc = DB_ERROR;
			goto done;
		}
	}
	carry_batch(w, rows, n, status, kf, nkf);
	goto done;
fail:
	snprintf(err, errlen, "%s", rc == DB_CONSTRAINT
		 ? "与已有数据冲突 (violates a constraint of the stored data)"
		 : db_error_public(d, "writing records"));
	rc = DB_ERROR;
done:
	strmap_free(idx);
	free(dup);
	free(vals);
	free(tmp);
	buf_free(&stage);
	buf_free(&copy);
	buf_free(&upsert);
	buf_free(&kb);
	buf_free(&prev);
	return rc == DB_OK ? 0 : -1;
}

/*
 * SQLite: CHUNK rows in one INSERT ... VALUES (...), (...), ... when they
 * all go past the largest key stored (and hold no key twice), so that none
 * of them can be stored yet: an import into a new or empty table, or of
 * keys after all others. One statement a chunk keeps the table's and the
 * index's cursors where the last row went instead of opening them and
 * searching from the root for every row. Elsewhere (a day into a table of
 * millions, a re-import) rows go one by one: a statement of several rows
 * that changes pages already in the file pays for keeping their old
 * content until it ends, more than it saves.
 */
#define CHUNK 64

/* Key order of row vals against the stored key c->max (text by bytes,
 * numbers by value: SQLite's BINARY order). */
static int cmp_max(const rec_bulk_carry *c, const kind_val *vals, const int *kf, int nk)
{
	for (int i = 0; i < nk; i++) {
		const kind_val *v = &vals[kf[i]], *m = &c->max[i];
		int r = v->is_int ? (v->i > m->i) - (v->i < m->i)
				  : strcmp(v->present ? v->s : "", m->present ? m->s : "");
		if (r)
			return r;
	}
	return 0;
}

/* Remembers row vals as the largest key stored. */
static void set_max(rec_bulk_carry *c, const kind_val *vals, const int *kf, int nk)
{
	for (int i = 0; i < nk; i++) {
		const kind_val *v = &vals[kf[i]];
		if (v->present) {
			kind_val_set(&c->max[i], v->s, strlen(v->s));
			c->max[i].is_int = v->is_int;
			c->max[i].i = v->i;
		} else {
			kind_val_clear(&c->max[i]);
		}
	}
	c->have_max = 1;
	c->max_empty = 0;
}

/* Reads the largest key stored into c (first batch of the writer). */
static int read_max(rec_writer *w, rec_bulk_carry *c, kind_val *const *rows, const int *kf, int nk)
{
	const kind *k = rec_writer_kind(w);
	buf sql = BUF_INIT;

	buf_puts(&sql, "SELECT ");
	for (int i = 0; i < nk; i++)
		buf_fmt(&sql, "%s%s", i ? ", " : "", k->fields[kf[i]].key);
	buf_fmt(&sql, " FROM %s ORDER BY ", k->table);
	for (int i = 0; i < nk; i++)
		buf_fmt(&sql, "%s%s DESC", i ? ", " : "", k->fields[kf[i]].key);
	buf_puts(&sql, " LIMIT 1");
	db_stmt *st = db_prepare(rec_writer_db(w), buf_str(&sql));
	int rc = db_step(st);
	if (rc == DB_ROW) {
		for (int i = 0; i < nk; i++) {
			const char *t = db_col_text(st, i);
			kind_val_set(&c->max[i], t, strlen(t));
			c->max[i].is_int = rows[0][kf[i]].is_int;
			c->max[i].i = db_col_int(st, i);
		}
		c->max_empty = 0;
	} else {
		c->max_empty = 1;
	}
	db_finalize(st);
	buf_free(&sql);
	c->have_max = rc == DB_ROW || rc == DB_DONE;
	return c->have_max ? 0 : -1;
}

/* Whether rows [0, CHUNK) are all past the largest stored key and hold no
 * key twice (they are in key order). */
static int chunk_new(const rec_bulk_carry *c, kind_val *const *rows, const int *kf, int nk)
{
	if (!c->max_empty && cmp_max(c, rows[0], kf, nk) <= 0)
		return 0;
	for (int r = 1; r < CHUNK; r++) {
		int same = 1;
		for (int i = 0; i < nk && same; i++) {
			const kind_val *a = &rows[r - 1][kf[i]], *b = &rows[r][kf[i]];
			same = a->is_int ? a->i == b->i
					 : strcmp(a->present ? a->s : "", b->present ? b->s : "") == 0;
		}
		if (same)
			return 0;
	}
	return 1;
}

/* Inserts rows [0, CHUNK) in one statement. 1 done, 0 when it failed (a
 * constraint: SQLite undid the statement; the rows then go one by one and
 * the failing one is reported), -1 on another error. */
static int chunk_sqlite(rec_writer *w, kind_val *const *rows, int *status)
{
	db *d = rec_writer_db(w);
	const kind *k = rec_writer_kind(w);
	buf sql = BUF_INIT;
	int p = 1;

	buf_fmt(&sql, "INSERT INTO %s (", k->table);
	fields(&sql, k, 1, 1, ", ", "%s");
	buf_puts(&sql, ") VALUES ");
	for (int r = 0; r < CHUNK; r++) {
		buf_puts(&sql, r ? ", (" : "(");
		for (int f = 0; f < k->nfields; f++)
			buf_puts(&sql, f ? ", ?" : "?");
		buf_putc(&sql, ')');
	}
	db_stmt *st = db_prepare(d, buf_str(&sql));
	buf_free(&sql);
	for (int r = 0; r < CHUNK; r++)
		for (int f = 0; f < k->nfields; f++, p++) {
			const kind_val *v = &rows[r][f];
			if (!v->present)
				db_bind_null(st, p);
			else if (v->is_int)
				db_bind_int(st, p, v->i);
			else
				db_bind_text_ref(st, p, v->s);
		}
	int rc = db_step(st);
	db_finalize(st);
	if (rc == DB_DONE) {
		for (int r = 0; r < CHUNK; r++)
			status[r] = REC_INSERTED;
		return 1;
	}
	return rc == DB_CONSTRAINT ? 0 : -1;
}

int rec_write_batch(rec_writer *w, kind_val *const *rows, int n, int *status, char *err,
		    size_t errlen, int *failed_at)
{
	if (n > 0 && db_dialect(rec_writer_db(w)) == DB_DIALECT_PG)
		return batch_pg(w, rows, n, status, err, errlen, failed_at);
	rec_bulk_carry *carry = rec_writer_carry(w);
	const kind *k = rec_writer_kind(w);
	int kf[8], nk = kind_key_fields(k, kf, 8);
	if (n > 0 && !carry->have_max && read_max(w, carry, rows, kf, nk) != 0) {
		snprintf(err, errlen, "%s", db_error_public(rec_writer_db(w), "writing records"));
		*failed_at = 0;
		return -1;
	}
	for (int i = 0; i < n;) {
		int chunk = n - i >= CHUNK && chunk_new(carry, rows + i, kf, nk);
		int c = chunk ? chunk_sqlite(w, rows + i, status + i) : 0;
		if (c < 0) {
			snprintf(err, errlen, "%s", db_error_public(rec_writer_db(w), "writing records"));
			*failed_at = i;
			return -1;
		}
		int end = chunk ? i + CHUNK : i + 1;
		for (int j = i; j < end && c == 0; j++) {
			status[j] = rec_write(w, rows[j], err, errlen);
			if (status[j] < 0) {
				*failed_at = j;
				return -1;
			}
		}
		i = end;
		if (carry->max_empty || cmp_max(carry, rows[end - 1], kf, nk) > 0)
			set_max(carry, rows[end - 1], kf, nk);
	}
	return 0;
}
