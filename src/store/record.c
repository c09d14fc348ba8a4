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
	db_stmt *ins;    /* plain INSERT: the common case of a new record */
	db_stmt *upd;    /* UPDATE by key, only when a value differs */
	db_stmt *exists; /* SELECT 1 by key */
};

/* Appends "a, b, c" (or with a prefix/suffix per name) for the fields of
 * k that are keys (want_key) or not. */
static void field_list(buf *sql, const kind *k, int want_key, const char *sep,
		       const char *fmt_one)
{
	int first = 1;

	for (int i = 0; i < k->nfields; i++) {
		if (!!(k->fields[i].flags & F_KEY) != want_key)
			continue;
		if (!first)
			buf_puts(sql, sep);
		buf_fmt(sql, fmt_one, k->fields[i].key);
		first = 0;
	}
}

/*
 * A bulk load is mostly new records, so the writer tries a plain INSERT
 * first (one index probe) and only on a key conflict runs an UPDATE that
 * changes the row when some value differs - which tells updated from
 * unchanged without a RETURNING clause or a read before every write.
 */
rec_writer *rec_writer_new(db *d, const kind *k)
{
	rec_writer *w = xcalloc(1, sizeof *w);
	buf sql = BUF_INIT;

	w->d = d;
	w->k = k;
	buf_fmt(&sql, "INSERT INTO %s (", k->table);
	for (int i = 0; i < k->nfields; i++)
		buf_fmt(&sql, "%s%s", i ? ", " : "", k->fields[i].key);
	buf_puts(&sql, ") VALUES (");
	for (int i = 0; i < k->nfields; i++)
		buf_puts(&sql, i ? ", ?" : "?");
	buf_puts(&sql, ")");
	w->ins = db_prepare(d, buf_str(&sql));

	buf_reset(&sql);
	buf_fmt(&sql, "UPDATE %s SET ", k->table);
	field_list(&sql, k, 0, ", ", "%s = ?");
	buf_puts(&sql, " WHERE ");
	field_list(&sql, k, 1, " AND ", "%s = ?");
	buf_puts(&sql, " AND (");
	field_list(&sql, k, 0, ", ", "%s");
	buf_puts(&sql, ") IS NOT (");
	field_list(&sql, k, 0, ", ", "?");
	buf_puts(&sql, ")");
	w->upd = db_prepare(d, buf_str(&sql));

	buf_reset(&sql);
	buf_fmt(&sql, "SELECT 1 FROM %s WHERE ", k->table);
	field_list(&sql, k, 1, " AND ", "%s = ?");
	w->exists = db_prepare(d, buf_str(&sql));
	buf_free(&sql);
	return w;
}

/* Binds value v as parameter i; text by reference (rows outlive steps). */
static void bind_val(db_stmt *st, int i, const kind_val *v)
{
	if (!v->present)
		db_bind_null(st, i);
	else if (v->is_int)
		db_bind_int(st, i, v->i);
	else
		db_bind_text_ref(st, i, v->s);
}

/* Binds the key fields of vals to st from parameter `first` on. */
static int bind_keys(db_stmt *st, const kind *k, const kind_val *vals, int first)
{
	for (int i = 0; i < k->nfields; i++)
		if (k->fields[i].flags & F_KEY)
			bind_val(st, first++, &vals[i]);
	return first;
}

int rec_write(rec_writer *w, const kind_val *vals, int64_t *id, char *err,
	      size_t errlen)
{
	const kind *k = w->k;
	int rc, p;

	for (int i = 0; i < k->nfields; i++)
		bind_val(w->ins, i + 1, &vals[i]);
	rc = db_step(w->ins);
	db_reset(w->ins);
	if (rc == DB_DONE) {
		if (id)
			*id = db_last_insert_id(w->d);
		return REC_INSERTED;
	}
	if (rc != DB_CONSTRAINT)
		goto fail;

	/* The key exists (or another constraint failed): update. */
	p = 1;
	for (int i = 0; i < k->nfields; i++)
		if (!(k->fields[i].flags & F_KEY))
			bind_val(w->upd, p++, &vals[i]);
	p = bind_keys(w->upd, k, vals, p);
	for (int i = 0; i < k->nfields; i++)
		if (!(k->fields[i].flags & F_KEY))
			bind_val(w->upd, p++, &vals[i]);
	rc = db_step(w->upd);
	db_reset(w->upd);
	if (rc != DB_DONE)
		goto fail;
	if (db_changes(w->d) > 0)
		return REC_UPDATED;
	bind_keys(w->exists, k, vals, 1);
	rc = db_step(w->exists);
	db_reset(w->exists);
	if (rc == DB_ROW)
		return REC_UNCHANGED;
	rc = DB_CONSTRAINT; /* not a key conflict: a FOREIGN KEY or CHECK */
fail:
	snprintf(err, errlen, "%s", rc == DB_CONSTRAINT
		 ? "与已有数据冲突 (violates a constraint of the stored data)"
		 : db_error_public(w->d, "writing a record"));
	return -1;
}

void rec_writer_free(rec_writer *w)
{
	if (!w)
		return;
	db_finalize(w->ins);
	db_finalize(w->upd);
	db_finalize(w->exists);
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

int rec_ref_info(db *d, const kind *k, const char *key, int64_t *id, char **name)
{
	int kf = -1, has_name = kind_key_index(k, "name") >= 0, found = 0;
	buf sql = BUF_INIT;

	for (int j = 0; j < k->nfields; j++)
		if (k->fields[j].flags & F_KEY)
			kf = j;
	if (kf < 0)
		abort(); /* a caller's bug: only kinds with a single key field */
	buf_fmt(&sql, "SELECT id, %s FROM %s WHERE %s = ?", has_name ? "name" : "NULL", k->table,
		k->fields[kf].key);
	db_stmt *st = db_prepare(d, buf_str(&sql));
	db_bind_text(st, 1, key);
	*name = NULL;
	if (db_step(st) == DB_ROW) {
		*id = db_col_int(st, 0);
		if (!db_col_is_null(st, 1))
			*name = xstrdup(db_col_text(st, 1));
		found = 1;
	}
	db_finalize(st);
	buf_free(&sql);
	return found;
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

/* Appends "SELECT code FROM projects WHERE ..." - the projects scope s
 * lets its holder see - to proj, recording the bound values in params. */
static void scope_projects(const rec_scope *s, buf *proj, const char **params, int *np)
{
	buf_puts(proj, "SELECT code FROM projects WHERE 1=1");
	if (s->street) {
		buf_puts(proj, " AND street = ?");
		params[(*np)++] = s->street;
	}
	if (s->uscc) {
		buf_puts(proj, " AND (contractor_uscc = ? OR owner_uscc = ? OR code IN "
			 "(SELECT project_code FROM employments WHERE employer_uscc = ?))");
		params[(*np)++] = s->uscc;
		params[(*np)++] = s->uscc;
		params[(*np)++] = s->uscc;
	}
}

int rec_scope_none(const rec_scope *s)
{
	return !s || (!s->street && !s->uscc);
}

int rec_scope_sql(const rec_scope *s, const char *col, buf *sql, const char **params)
{
	buf proj = BUF_INIT;
	int np = 0;

	if (rec_scope_none(s))
		return 0;
	scope_projects(s, &proj, params, &np);
	buf_fmt(sql, " AND %s IN (%S)", col, &proj);
	buf_free(&proj);
	return np;
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
	int first = *np;

	if (rec_scope_none(s) || strcmp(k->name, "min_wages") == 0)
		return;  /* min_wages are public: no restriction */
	scope_projects(s, &proj, params, np);
	if (pc)
		buf_fmt(sql, " AND %s IN (%S)", pc, &proj);
	else if (strcmp(k->name, "transactions") == 0)
		buf_fmt(sql, " AND account_no IN (SELECT account_no FROM accounts WHERE project_code IN (%S))", &proj);
	else if (strcmp(k->name, "workers") == 0)
		buf_fmt(sql, " AND id_number IN (SELECT worker_id_number FROM employments WHERE project_code IN (%S))", &proj);
	else if (strcmp(k->name, "enterprises") == 0) {
		buf_fmt(sql, " AND uscc IN (SELECT owner_uscc FROM projects WHERE code IN (%S) "
			"UNION SELECT contractor_uscc FROM projects WHERE code IN (%S) "
			"UNION SELECT employer_uscc FROM employments WHERE project_code IN (%S))",
			&proj, &proj, &proj);
		/* the subquery appears three times: so do its values */
		int n = *np - first;
		for (int rep = 0; rep < 2; rep++)
			for (int i = 0; i < n; i++)
				params[(*np)++] = params[first + i];
	} else {
		buf_puts(sql, " AND 0");  /* a kind without a rule: nothing (fail closed) */
		*np = first;
	}
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
	static const char *const ops[] = {"=", ">=", "<="};

	buf_fmt(sql, " FROM %s WHERE 1=1", k->table);
	for (int i = 0; i < q->nfilters && np < maxp; i++) {
		const rec_filter *f = &q->filters[i];
		buf_fmt(sql, " AND %s %s ?", k->fields[f->field].key, ops[f->op]);
		p[np].s = f->value;
		p[np].i = f->ivalue;
		p[np].is_int = f->is_int;
		np++;
	}
	for (int i = 0; i < q->nextra; i++) {
		buf_puts(sql, q->extra[i].sql);
		for (int j = 0; j < q->extra[i].nargs && np < maxp; j++) {
			p[np].s = q->extra[i].args[j];
			p[np++].is_int = 0;
		}
	}
	if (q->q && *q->q) {
		int first = 1;
		buf_puts(sql, " AND (");
		for (int i = 0; i < k->nfields; i++) {
			const field *f = &k->fields[i];
			int personal = (f->flags & F_PERSONAL) != 0;
			/* Personal fields (ID numbers, also as a key or a
			 * reference) only for a caller who sees them, and
			 * whole: neither a substring nor a masked caller's
			 * exact guess may tell whether a value exists. */
			if (personal && !q->q_personal)
				continue;
			if ((f->flags & F_SEARCH) && !personal) {
				buf_fmt(sql, "%sinstr(%s, ?) > 0", first ? "" : " OR ", f->key);
			} else if (personal || (f->flags & F_KEY) || f->type == FT_IDNUM) {
				buf_fmt(sql, "%s%s = ?", first ? "" : " OR ", f->key);
			} else {
				continue;
			}
			p[np].s = q->q;
			p[np++].is_int = 0;
			first = 0;
		}
		buf_puts(sql, first ? "0)" : ")");
	}
	const char *sp[16];
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

/* ---- scope checks of single records -------------------------------------- */

int rec_key_in_scope(db *d, const kind *k, const char *key, const char *value,
		     const rec_scope *s)
{
	rec_query q;

	rec_query_init(&q, k);
	q.filters[0].field = kind_key_index(k, key);
	q.filters[0].op = REC_EQ;
	q.filters[0].value = value;
	q.nfilters = q.filters[0].field >= 0 ? 1 : 0;
	if (s)
		q.scope = *s;
	return q.nfilters == 1 && rec_count(d, &q) > 0;
}

/* The stored text of field key in vals, or NULL when absent. */
static const char *val_of(const kind *k, const kind_val *vals, const char *key)
{
	int i = kind_key_index(k, key);

	return i >= 0 && vals[i].present ? vals[i].s : NULL;
}

/* Whether the record vals identifies by its key exists (within s, or at
 * all when s is NULL). */
static int key_exists(db *d, const kind *k, const kind_val *vals, const rec_scope *s)
{
	rec_query q;

	rec_query_init(&q, k);
	for (int i = 0; i < k->nfields && q.nfilters < REC_MAX_FILTERS; i++) {
		if (!(k->fields[i].flags & F_KEY) || !vals[i].present)
			continue;
		rec_filter *f = &q.filters[q.nfilters++];
		f->field = i;
		f->op = REC_EQ;
		f->value = vals[i].s;
		f->ivalue = vals[i].i;
		f->is_int = vals[i].is_int;
	}
	if (s)
		q.scope = *s;
	return q.nfilters > 0 && rec_count(d, &q) > 0;
}

/*
 * A row is in scope when (a) the record it would overwrite, if any, is in
 * scope, and (b) its new values place it in scope: its project (directly,
 * or through its account for a transaction) is one the scope sees; a new
 * project lies in the scope's street / is owned or contracted by the
 * scope's enterprise. A worker (the district's register of people) may be
 * added when new, or changed when already employed in scope. Enterprises
 * and minimum wages are never written by a scoped principal.
 */
int rec_in_scope(db *d, const kind *k, const kind_val *vals, const rec_scope *s)
{
	const char *pc;

	if (rec_scope_none(s))
		return 1;
	if (key_exists(d, k, vals, NULL) && !key_exists(d, k, vals, s))
		return 0;                                   /* (a) */
	if (strcmp(k->name, "projects") == 0) {
		const char *street = val_of(k, vals, "street");
		const char *owner = val_of(k, vals, "owner_uscc");
		const char *contractor = val_of(k, vals, "contractor_uscc");
		if (s->street && (!street || strcmp(street, s->street) != 0))
			return 0;
		if (s->uscc && !((owner && strcmp(owner, s->uscc) == 0) ||
				 (contractor && strcmp(contractor, s->uscc) == 0) ||
				 key_exists(d, k, vals, s)))
			return 0;
		return 1;
	}
	if (project_column(k) && (pc = val_of(k, vals, project_column(k))))
		return rec_key_in_scope(d, kind_find("projects"), "code", pc, s);
	if (strcmp(k->name, "transactions") == 0) {
		const char *acct = val_of(k, vals, "account_no");
		return acct && rec_key_in_scope(d, kind_find("accounts"), "account_no", acct, s);
	}
	if (strcmp(k->name, "workers") == 0)
		return 1;                                   /* (a) decided */
	return 0;
}
