/*
 * record.c - generic storage of records (see record.h). SQL text is built
 * from the kind descriptors' column names only; values are always bound.
 */
#include "store/record.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"

struct rec_writer {
	db *d;
	const kind *k;
	db_stmt *st;
	int64_t max_before;  /* rows with a larger id were inserted by us */
};

/* INSERT ... ON CONFLICT(key) DO UPDATE ... WHERE something changed
 * RETURNING id: no row back means the record was already identical. */
rec_writer *rec_writer_new(db *d, const kind *k)
{
	rec_writer *w = xcalloc(1, sizeof *w);
	buf sql = BUF_INIT;
	int first;

	w->d = d;
	w->k = k;
	buf_fmt(&sql, "INSERT INTO %s (", k->table);
	for (int i = 0; i < k->nfields; i++)
		buf_fmt(&sql, "%s%s", i ? ", " : "", k->fields[i].key);
	buf_puts(&sql, ") VALUES (");
	for (int i = 0; i < k->nfields; i++)
		buf_puts(&sql, i ? ", ?" : "?");
	buf_puts(&sql, ") ON CONFLICT (");
	first = 1;
	for (int i = 0; i < k->nfields; i++)
		if (k->fields[i].flags & F_KEY) {
			buf_fmt(&sql, "%s%s", first ? "" : ", ", k->fields[i].key);
			first = 0;
		}
	buf_puts(&sql, ") DO UPDATE SET ");
	first = 1;
	for (int i = 0; i < k->nfields; i++)
		if (!(k->fields[i].flags & F_KEY)) {
			buf_fmt(&sql, "%s%s = excluded.%s", first ? "" : ", ",
				k->fields[i].key, k->fields[i].key);
			first = 0;
		}
	buf_puts(&sql, " WHERE (");
	first = 1;
	for (int i = 0; i < k->nfields; i++)
		if (!(k->fields[i].flags & F_KEY)) {
			buf_fmt(&sql, "%s%s", first ? "" : ", ", k->fields[i].key);
			first = 0;
		}
	buf_puts(&sql, ") IS NOT (");
	first = 1;
	for (int i = 0; i < k->nfields; i++)
		if (!(k->fields[i].flags & F_KEY)) {
			buf_fmt(&sql, "%sexcluded.%s", first ? "" : ", ", k->fields[i].key);
			first = 0;
		}
	buf_puts(&sql, ") RETURNING id");
	w->st = db_prepare(d, buf_str(&sql));
	buf_free(&sql);

	buf q = BUF_INIT;
	buf_fmt(&q, "SELECT max(id) FROM %s", k->table);
	w->max_before = db_int(d, 0, buf_str(&q), "");
	buf_free(&q);
	return w;
}

int rec_write(rec_writer *w, const kind_val *vals, int64_t *id, char *err,
	      size_t errlen)
{
	int rc, result;

	for (int i = 0; i < w->k->nfields; i++) {
		const kind_val *v = &vals[i];
		if (!v->present)
			db_bind_null(w->st, i + 1);
		else if (v->is_int)
			db_bind_int(w->st, i + 1, v->i);
		else
			db_bind_text(w->st, i + 1, v->s);
	}
	rc = db_step(w->st);
	if (rc == DB_ROW) {
		int64_t got = db_col_int(w->st, 0);
		if (id)
			*id = got;
		result = got > w->max_before ? REC_INSERTED : REC_UPDATED;
		rc = db_step(w->st);
	} else {
		result = REC_UNCHANGED;
	}
	if (rc != DB_DONE) {
		snprintf(err, errlen, "%s", rc == DB_CONSTRAINT
			 ? "与已有数据冲突 (conflicts with stored data)"
			 : db_errmsg(w->d));
		db_reset(w->st);
		return -1;
	}
	db_reset(w->st);
	return result;
}

void rec_writer_free(rec_writer *w)
{
	if (!w)
		return;
	db_finalize(w->st);
	free(w);
}

/* ---- references --------------------------------------------------------- */

#define REFS_MAX 8

struct rec_refs {
	db *d;
	const kind *k[REFS_MAX];
	db_stmt *st[REFS_MAX];
	char *last[REFS_MAX];  /* the last key found: rows often repeat it */
};

rec_refs *rec_refs_new(db *d)
{
	rec_refs *r = xcalloc(1, sizeof *r);
	r->d = d;
	return r;
}

int rec_refs_exists(rec_refs *r, const kind *k, const char *key)
{
	int i;

	for (i = 0; i < REFS_MAX && r->k[i] && r->k[i] != k; i++)
		;
	if (i == REFS_MAX)
		abort(); /* more referenced kinds than any kind has */
	if (!r->k[i]) {
		buf sql = BUF_INIT;
		int kf = -1;
		for (int j = 0; j < k->nfields; j++)
			if (k->fields[j].flags & F_KEY)
				kf = j;
		buf_fmt(&sql, "SELECT 1 FROM %s WHERE %s = ?", k->table, k->fields[kf].key);
		r->k[i] = k;
		r->st[i] = db_prepare(r->d, buf_str(&sql));
		buf_free(&sql);
	}
	if (r->last[i] && strcmp(r->last[i], key) == 0)
		return 1;
	db_bind_text(r->st[i], 1, key);
	int found = db_step(r->st[i]) == DB_ROW;
	db_reset(r->st[i]);
	if (found) {
		free(r->last[i]);
		r->last[i] = xstrdup(key);
	}
	return found;
}

void rec_refs_free(rec_refs *r)
{
	if (!r)
		return;
	for (int i = 0; i < REFS_MAX && r->k[i]; i++) {
		db_finalize(r->st[i]);
		free(r->last[i]);
	}
	free(r);
}

/* ---- reading ------------------------------------------------------------ */

void rec_query_init(rec_query *q, const kind *k)
{
	memset(q, 0, sizeof *q);
	q->k = k;
	q->sort_field = -1;
}

/* The column holding the project code of a kind, or NULL. */
static const char *project_column(const kind *k)
{
	if (strcmp(k->name, "projects") == 0)
		return "code";
	if (kind_key_index(k, "project_code") >= 0)
		return "project_code";
	return NULL;
}

/*
 * Appends the scope restriction (street / enterprise) as SQL with '?'
 * parameters, and records their values in params. Kinds reach a project
 * through project_code, or (transactions) through their account, or
 * (workers) through an employment, or (enterprises) by taking part in one.
 */
static void scope_sql(const kind *k, const rec_scope *s, buf *sql,
		      const char **params, int *np)
{
	const char *pc = project_column(k);
	buf proj = BUF_INIT;

	if (!s->street && !s->uscc)
		return;
	buf_puts(&proj, "SELECT code FROM projects WHERE 1=1");
	if (s->street) {
		buf_puts(&proj, " AND street = ?");
		params[(*np)++] = s->street;
	}
	if (s->uscc) {
		buf_puts(&proj, " AND (contractor_uscc = ? OR owner_uscc = ? OR code IN "
			 "(SELECT project_code FROM employments WHERE employer_uscc = ?))");
		params[(*np)++] = s->uscc;
		params[(*np)++] = s->uscc;
		params[(*np)++] = s->uscc;
	}
	if (pc)
		buf_fmt(sql, " AND %s IN (%S)", pc, &proj);
	else if (strcmp(k->name, "transactions") == 0)
		buf_fmt(sql, " AND account_no IN (SELECT account_no FROM accounts WHERE project_code IN (%S))", &proj);
	else if (strcmp(k->name, "workers") == 0)
		buf_fmt(sql, " AND id_number IN (SELECT worker_id_number FROM employments WHERE project_code IN (%S))", &proj);
	else if (strcmp(k->name, "enterprises") == 0)
		buf_fmt(sql, " AND uscc IN (SELECT owner_uscc FROM projects WHERE code IN (%S) "
			"UNION SELECT contractor_uscc FROM projects WHERE code IN (%S) "
			"UNION SELECT employer_uscc FROM employments WHERE project_code IN (%S))",
			&proj, &proj, &proj);
	/* min_wages are public: no restriction. */
	buf_free(&proj);
}

/* Builds "FROM t WHERE ..." for q into sql and binds nothing yet: the
 * parameters are collected in order into params/ints. */
typedef struct qparam {
	const char *s;
	int64_t i;
	int is_int;
} qparam;

static int where_sql(const rec_query *q, buf *sql, qparam *p, int maxp)
{
	const kind *k = q->k;
	int np = 0;
	static const char *const ops[] = {"=", ">=", "<=", "LIKE"};

	buf_fmt(sql, " FROM %s WHERE 1=1", k->table);
	for (int i = 0; i < q->nfilters && np < maxp; i++) {
		const rec_filter *f = &q->filters[i];
		buf_fmt(sql, " AND %s %s ?", k->fields[f->field].key, ops[f->op]);
		if (f->op == REC_PREFIX) {
			p[np].s = f->value;
			p[np].is_int = 0;
		} else {
			p[np].s = f->value;
			p[np].i = f->ivalue;
			p[np].is_int = f->is_int;
		}
		np++;
	}
	if (q->q && *q->q) {
		int first = 1;
		buf_puts(sql, " AND (");
		for (int i = 0; i < k->nfields; i++) {
			const field *f = &k->fields[i];
			if (f->flags & F_SEARCH) {
				buf_fmt(sql, "%sinstr(%s, ?) > 0", first ? "" : " OR ", f->key);
				p[np].s = q->q;
				p[np++].is_int = 0;
				first = 0;
			} else if ((f->flags & F_KEY) || f->type == FT_IDNUM) {
				/* Keys and ID numbers match whole: a masked
				 * field can be found by its full value only. */
				buf_fmt(sql, "%s%s = ?", first ? "" : " OR ", f->key);
				p[np].s = q->q;
				p[np++].is_int = 0;
				first = 0;
			}
		}
		buf_puts(sql, first ? "1=1)" : ")");
	}
	const char *sp[8];
	int nsp = 0;
	scope_sql(k, &q->scope, sql, sp, &nsp);
	for (int i = 0; i < nsp; i++) {
		p[np].s = sp[i];
		p[np++].is_int = 0;
	}
	return np;
}

static void bind_params(db_stmt *st, const qparam *p, int np)
{
	for (int i = 0; i < np; i++) {
		if (p[i].is_int)
			db_bind_int(st, i + 1, p[i].i);
		else
			db_bind_text(st, i + 1, p[i].s);
	}
}

int64_t rec_count(db *d, const rec_query *q)
{
	buf sql = BUF_INIT;
	qparam p[64];
	int np;
	int64_t n = 0;

	buf_puts(&sql, "SELECT count(*)");
	np = where_sql(q, &sql, p, 64);
	db_stmt *st = db_prepare(d, buf_str(&sql));
	bind_params(st, p, np);
	if (db_step(st) == DB_ROW)
		n = db_col_int(st, 0);
	db_finalize(st);
	buf_free(&sql);
	return n;
}

/* Reads column 1.. of st into vals (column 0 is the id). */
static void load_row(db_stmt *st, const kind *k, kind_val *vals)
{
	for (int i = 0; i < k->nfields; i++) {
		const field *f = &k->fields[i];
		kind_val *v = &vals[i];
		kind_val_clear(v);
		if (db_col_is_null(st, i + 1))
			continue;
		const char *s = db_col_text(st, i + 1);
		kind_val_set(v, s, strlen(s));
		if (f->type == FT_MONEY || f->type == FT_DEC2 || f->type == FT_INT ||
		    f->type == FT_BOOL) {
			v->is_int = 1;
			v->i = db_col_int(st, i + 1);
		}
	}
}

static void select_cols(const kind *k, buf *sql)
{
	buf_puts(sql, "SELECT id");
	for (int i = 0; i < k->nfields; i++)
		buf_fmt(sql, ", %s", k->fields[i].key);
}

int64_t rec_list(db *d, const rec_query *q, rec_cb cb, void *ctx)
{
	const kind *k = q->k;
	buf sql = BUF_INIT;
	qparam p[64];
	int np;
	int64_t n = 0;
	kind_val *vals = xcalloc((size_t)k->nfields, sizeof *vals);
	int sf = q->sort_field >= 0 ? q->sort_field : kind_key_index(k, k->order_by);

	select_cols(k, &sql);
	np = where_sql(q, &sql, p, 60);
	buf_fmt(&sql, " ORDER BY %s %s, id %s", k->fields[sf].key,
		q->desc ? "DESC" : "ASC", q->desc ? "DESC" : "ASC");
	if (q->limit > 0) {
		buf_puts(&sql, " LIMIT ? OFFSET ?");
		p[np].i = q->limit;
		p[np++].is_int = 1;
		p[np].i = q->offset;
		p[np++].is_int = 1;
	}
	db_stmt *st = db_prepare(d, buf_str(&sql));
	bind_params(st, p, np);
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		load_row(st, k, vals);
		cb(ctx, db_col_int(st, 0), vals);
		n++;
	}
	if (rc != DB_DONE)
		n = -1;
	for (int i = 0; i < k->nfields; i++)
		kind_val_clear(&vals[i]);
	free(vals);
	db_finalize(st);
	buf_free(&sql);
	return n;
}

int rec_get(db *d, const kind *k, int64_t id, const rec_scope *scope,
	    kind_val *vals)
{
	buf sql = BUF_INIT;
	qparam p[16];
	int np, found = 0;
	rec_query q;

	rec_query_init(&q, k);
	if (scope)
		q.scope = *scope;
	select_cols(k, &sql);
	np = where_sql(&q, &sql, p, 14);
	buf_puts(&sql, " AND id = ?");
	p[np].i = id;
	p[np++].is_int = 1;
	db_stmt *st = db_prepare(d, buf_str(&sql));
	bind_params(st, p, np);
	if (db_step(st) == DB_ROW) {
		load_row(st, k, vals);
		found = 1;
		db_reset(st);
	}
	db_finalize(st);
	buf_free(&sql);
	return found;
}
