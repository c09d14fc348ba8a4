/*
 * record.c - generic storage of records (see record.h). SQL text is built
 * from the kind descriptors' column names and scope paths (schema.h) only;
 * values are always bound. No kind is known here by name: the row scope
 * follows k->scope through the hubs named in its section below.
 */
#include "store/record.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/strmap.h"

struct rec_writer {
	db *d;
	const kind *k;
	db_stmt *ins;    /* plain INSERT: the common case of a new record */
	db_stmt *upd;    /* UPDATE by key, only when a value differs */
	db_stmt *exists; /* SELECT 1 by key */
	rec_bulk_carry carry; /* record_bulk.c's, between batches */
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
 * A bulk load is mostly new records, so the writer tries an INSERT that
 * does nothing on a key conflict first (one index probe) and only when it
 * inserted nothing runs an UPDATE that changes the row when some value
 * differs - which tells updated from unchanged without a RETURNING clause
 * or a read before every write. ON CONFLICT ... DO NOTHING rather than
 * trying and catching the failure: a failed statement ends a PostgreSQL
 * transaction.
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
	buf_puts(&sql, ") ON CONFLICT (");
	field_list(&sql, k, 1, ", ", "%s");
	buf_puts(&sql, ") DO NOTHING");
	w->ins = db_prepare(d, buf_str(&sql));

	buf_reset(&sql);
	buf_fmt(&sql, "UPDATE %s SET ", k->table);
	field_list(&sql, k, 0, ", ", "%s = ?");
	buf_puts(&sql, " WHERE ");
	field_list(&sql, k, 1, " AND ", "%s = ?");
	buf_puts(&sql, " AND (");
	field_list(&sql, k, 0, " OR ", "%s IS DISTINCT FROM ?");
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

int rec_write(rec_writer *w, const kind_val *vals, char *err, size_t errlen)
{
	const kind *k = w->k;
	int rc, p;

	for (int i = 0; i < k->nfields; i++)
		bind_val(w->ins, i + 1, &vals[i]);
	rc = db_step(w->ins);
	db_reset(w->ins);
	if (rc != DB_DONE)
		goto fail;
	if (db_changes(w->d) > 0)
		return REC_INSERTED;

	/* The key exists: update. */
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

db *rec_writer_db(const rec_writer *w) { return w->d; }
const kind *rec_writer_kind(const rec_writer *w) { return w->k; }
rec_bulk_carry *rec_writer_carry(rec_writer *w) { return &w->carry; }

void rec_writer_free(rec_writer *w)
{
	if (!w)
		return;
	db_finalize(w->ins);
	db_finalize(w->upd);
	db_finalize(w->exists);
	buf_free(&w->carry.last_key);
	buf_free(&w->carry.prefix);
	for (int i = 0; i < 8; i++)
		kind_val_clear(&w->carry.max[i]);
	free(w);
}

/* ---- references --------------------------------------------------------- */

#define REFS_MAX 8

struct rec_refs {
	db *d;
	const kind *k[REFS_MAX];
	db_stmt *st[REFS_MAX];
	char *last[REFS_MAX];  /* the last key found: rows often repeat it */
	/* PostgreSQL: keys found so far (a look-up is a round trip there);
	 * an import deletes nothing, so a key found stays found. Emptied
	 * when it reaches REFS_SEEN_MAX, to bound the memory. */
	strmap *seen[REFS_MAX];
};

#define REFS_SEEN_MAX 262144

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
	size_t klen = strlen(key);
	if (r->seen[i] && strmap_get(r->seen[i], key, klen))
		return 1;
	db_bind_text(r->st[i], 1, key);
	int found = db_step(r->st[i]) == DB_ROW;
	db_reset(r->st[i]);
	if (found) {
		free(r->last[i]);
		r->last[i] = xstrdup(key);
		if (db_dialect(r->d) == DB_DIALECT_PG) {
			if (r->seen[i] && strmap_count(r->seen[i]) >= REFS_SEEN_MAX) {
				strmap_free(r->seen[i]);
				r->seen[i] = NULL;
			}
			if (!r->seen[i])
				r->seen[i] = strmap_new(1);
			strmap_put(r->seen[i], key, klen, NULL);
		}
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
		strmap_free(r->seen[i]);
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

void rec_query_init(rec_query *q, const kind *k, const rec_scope *scope)
{
	memset(q, 0, sizeof *q);
	q->k = k;
	q->sort_field = -1;
	if (scope)
		q->scope = *scope;  /* else the zero scope: nothing */
}

rec_scope rec_scope_all(void)
{
	rec_scope s;

	memset(&s, 0, sizeof s);
	s.kind = REC_SCOPE_ALL;
	return s;
}

/*
 * The row scope. A kind's path to it is data (schema.h: k->scope); the
 * hubs every path leads through are the schema's, and this section is the
 * one place in the store that names them: projects (code, street,
 * owner_uscc, contractor_uscc), employments (project_code,
 * worker_id_number, employer_uscc, entry_date, exit_date), accounts
 * (account_no, project_code, bank_name), banks, worker_suppliers.
 *
 * An enterprise E relates to a project as its owner (建设单位,
 * owner_uscc), its general contractor (施工总承包单位, contractor_uscc) or
 * an employer (employments.employer_uscc); see the table in
 * docs/security.md. Every builder appends SQL with '?' and records the
 * values to bind, in order, in params[*np].
 */
#define SQL_PART "SELECT code FROM projects WHERE owner_uscc = ? OR contractor_uscc = ? " \
		 "OR code IN (SELECT project_code FROM employments WHERE employer_uscc = ?)"
#define SQL_RESP "SELECT code FROM projects WHERE owner_uscc = ? OR contractor_uscc = ?"
#define SQL_GC "SELECT code FROM projects WHERE contractor_uscc = ?"
#define SQL_STREET "SELECT code FROM projects WHERE street = ?"

/* The paths of the hubs a write check looks up (they agree with the
 * projects, accounts and workers descriptors of domain/kinds.c). */
static const rec_scope_path hub_project = {.reach = REC_REACH_PROJECT, .col = "code",
					   .street = "street"};
static const rec_scope_path hub_account = {.reach = REC_REACH_PROJECT_COL,
					   .col = "project_code"};
static const rec_scope_path hub_person = {.reach = REC_REACH_PERSON, .col = "id_number",
					  .owner = REC_OWNER_PERSON};

static void push(const char **params, int *np, const char *v, int times)
{
	while (times-- > 0)
		params[(*np)++] = v;
}

/* Rows of path p a street officer sees: those of the street's projects. */
static void street_rows(const rec_scope *s, const rec_scope_path *p, const char *a, buf *sql,
			const char **params, int *np)
{
	switch (p->reach) {
	case REC_REACH_PROJECT:
	case REC_REACH_PROJECT_COL:
		buf_fmt(sql, " AND %s.%s IN (" SQL_STREET ")", a, p->col);
		push(params, np, s->street, 1);
		break;
	case REC_REACH_ACCOUNT:
		buf_fmt(sql, " AND %s.%s IN (SELECT account_no FROM accounts WHERE "
			"project_code IN (" SQL_STREET "))", a, p->col);
		push(params, np, s->street, 1);
		break;
	case REC_REACH_PERSON:
		buf_fmt(sql, " AND %s.%s IN (SELECT worker_id_number FROM employments "
			"WHERE project_code IN (" SQL_STREET "))", a, p->col);
		push(params, np, s->street, 1);
		break;
	case REC_REACH_PARTY:
		buf_fmt(sql, " AND %s.%s IN (SELECT owner_uscc FROM projects WHERE street = ? "
			"UNION SELECT contractor_uscc FROM projects WHERE street = ? "
			"UNION SELECT employer_uscc FROM employments WHERE project_code IN ("
			SQL_STREET "))", a, p->col);
		push(params, np, s->street, 3);
		break;
	case REC_REACH_STREET:
		buf_fmt(sql, " AND %s.%s = ?", a, p->col);
		push(params, np, s->street, 1);
		break;
	default:
		buf_puts(sql, " AND 1 = 0");
	}
}

/* Rows of path p an enterprise sees (read), or with write set, the rows
 * it writes: only those it owns (p->owner). */
static void enterprise_rows(const rec_scope *s, const rec_scope_path *p, const char *a,
			    int write, buf *sql, const char **params, int *np)
{
	const char *e = s->uscc;
	int on_project = p->reach == REC_REACH_PROJECT_COL;
	/* The general contractor reads its subcontractors' rows. */
	buf tail = BUF_INIT;

	if (!write && on_project)
		buf_fmt(&tail, " OR %s.%s IN (" SQL_GC ")", a, p->col);
	switch (p->owner) {
	case REC_OWNER_EMPLOYER:
	case REC_OWNER_HIRING:
		buf_fmt(sql, " AND (%s.%s = ?%S)", a, p->employer, &tail);
		push(params, np, e, write ? 1 : 2);
		break;
	case REC_OWNER_COVERED:
		/* A day is the employer's when one of its employments of that
		 * worker on that project covers it. */
		if (!on_project) {
			buf_puts(sql, " AND 1 = 0");
			break;
		}
		buf_fmt(sql, " AND (EXISTS (SELECT 1 FROM employments x WHERE "
			"x.project_code = %s.%s AND x.worker_id_number = "
			"%s.%s AND x.employer_uscc = ? AND x.entry_date <= %s.%s "
			"AND (x.exit_date IS NULL OR x.exit_date >= %s.%s))%S)",
			a, p->col, a, p->worker, a, p->day, a, p->day, &tail);
		push(params, np, e, write ? 1 : 2);
		break;
	case REC_OWNER_PERSON:
		/* A person while employed now: by E, or (read) on E's
		 * contract. "Now" is s->today; an empty one matches nothing. */
		buf_fmt(sql, " AND %s.%s IN (SELECT worker_id_number FROM employments "
			"WHERE entry_date <= ? AND (exit_date IS NULL OR exit_date >= ?) "
			"AND (employer_uscc = ?%s))", a, p->col,
			write ? "" : " OR project_code IN (" SQL_GC ")");
		push(params, np, s->today, 2);
		push(params, np, e, write ? 1 : 2);
		break;
	default:
		if (write) {
			buf_puts(sql, " AND 1 = 0");  /* an enterprise writes nothing else */
			break;
		}
		switch (p->reach) {
		case REC_REACH_PROJECT:
			buf_fmt(sql, " AND %s.%s IN (" SQL_PART ")", a, p->col);
			push(params, np, e, 3);
			break;
		case REC_REACH_PROJECT_COL:
			buf_fmt(sql, " AND %s.%s IN (" SQL_RESP ")", a, p->col);
			push(params, np, e, 2);
			break;
		case REC_REACH_ACCOUNT:
			buf_fmt(sql, " AND %s.%s IN (SELECT account_no FROM accounts WHERE "
				"project_code IN (" SQL_RESP "))", a, p->col);
			push(params, np, e, 2);
			break;
		case REC_REACH_PARTY:
			buf_fmt(sql, " AND (%s.%s = ? OR %s.%s IN ("
				"SELECT owner_uscc FROM projects WHERE code IN (" SQL_PART ") "
				"UNION SELECT contractor_uscc FROM projects WHERE code IN (" SQL_PART ") "
				"UNION SELECT employer_uscc FROM employments WHERE project_code IN ("
				SQL_PART ")))", a, p->col, a, p->col);
			push(params, np, e, 10);
			break;
		default:
			buf_puts(sql, " AND 1 = 0");
		}
	}
	buf_free(&tail);
}

/* The internal scope kind of an enterprise's writable rows. */
#define SCOPE_EMPLOYER ((rec_scope_kind)100)

/* Appends the row restriction of s on the rows of path p (table alias a). */
static void scope_rows(const rec_scope *s, const rec_scope_path *p, const char *a, buf *sql,
		       const char **params, int *np)
{
	if (!s) {
		buf_puts(sql, " AND 1 = 0");
		return;
	}
	switch ((int)s->kind) {
	case REC_SCOPE_ALL:
		return;
	case REC_SCOPE_STREET:
	case REC_SCOPE_ENTERPRISE:
	case SCOPE_EMPLOYER:
		if (p->reach == REC_REACH_PUBLIC && s->kind != SCOPE_EMPLOYER)
			return;  /* public */
		if (s->kind == REC_SCOPE_STREET ? !s->street : !s->uscc)
			break;
		if (s->kind == REC_SCOPE_STREET)
			street_rows(s, p, a, sql, params, np);
		else
			enterprise_rows(s, p, a, s->kind == SCOPE_EMPLOYER, sql, params, np);
		return;
	case REC_SCOPE_BANK:
		/* a bank sees the rows of the accounts it holds, nothing else */
		if (!s->bank || p->reach != REC_REACH_ACCOUNT)
			break;
		buf_fmt(sql, " AND %s.%s IN (SELECT c.account_no FROM accounts c "
			"JOIN banks b ON b.code = ? WHERE substr(c.bank_name, 1, length(b.name)) "
			"= b.name)", a, p->col);
		push(params, np, s->bank, 1);
		return;
	default:
		break;
	}
	buf_puts(sql, " AND 1 = 0");  /* nothing (fail closed) */
}

int rec_scope_rows_sql(const rec_scope *s, const kind *k, const char *alias, buf *sql,
		       const char **params)
{
	int np = 0;

	scope_rows(s, &k->scope, alias, sql, params, &np);
	return np;
}

int rec_scope_sql(const rec_scope *s, const char *col, buf *sql, const char **params)
{
	int np = 0;

	if (s && s->kind == REC_SCOPE_ALL)
		return 0;
	if (s && s->kind == REC_SCOPE_STREET && s->street) {
		buf_fmt(sql, " AND %s IN (" SQL_STREET ")", col);
		push(params, &np, s->street, 1);
	} else if (s && s->kind == REC_SCOPE_ENTERPRISE && s->uscc) {
		buf_fmt(sql, " AND %s IN (" SQL_RESP ")", col);
		push(params, &np, s->uscc, 2);
	} else {
		buf_puts(sql, " AND 1 = 0");
	}
	return np;
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
	scope_rows(&q->scope, &k->scope, k->table, sql, sp, &nsp);
	for (int i = 0; i < nsp; i++) {
		p[np].s = sp[i];
		p[np++].is_int = 0;
	}
	return np;
}

/* Appends " ORDER BY col, id" in q's direction and, with a limit, " LIMIT ?
 * OFFSET ?" with their parameters after the np collected. Returns the new
 * count. */
static int order_page_sql(const rec_query *q, const char *col, buf *sql, qparam *p, int np)
{
	const char *dir = q->desc ? "DESC" : "ASC";

	buf_fmt(sql, " ORDER BY %s %s, id %s", col, dir, dir);
	if (q->limit > 0) {
		buf_puts(sql, " LIMIT ? OFFSET ?");
		p[np].i = q->limit;
		p[np++].is_int = 1;
		p[np].i = q->offset;
		p[np++].is_int = 1;
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
		size_t n;
		const char *s = db_col_textn(st, i + 1, &n);
		if (!s) {
			kind_val_clear(v);
			continue;
		}
		kind_val_set(v, s, n);
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
	np = order_page_sql(q, k->fields[sf].key, &sql, p, np);
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

/* The single key field of k, or -1 (a kind keyed by several fields). */
static int single_key(const kind *k)
{
	int kf = -1, n = 0;

	for (int j = 0; j < k->nfields; j++)
		if (k->fields[j].flags & F_KEY) {
			kf = j;
			n++;
		}
	return n == 1 ? kf : -1;
}

/* Whether rec_list_rows reads the record field i of q refers to. */
static int joins_ref(const rec_query *q, int i)
{
	return q->ref_kinds && q->ref_kinds[i] && single_key(q->ref_kinds[i]) >= 0;
}

/* Rows of one page read by rec_list_rows at once: the most ids one
 * statement names (PostgreSQL takes up to PG_MAXPARAM parameters). */
#define ROWS_CHUNK 256

/* One row of a chunk, kept until the chunk is handed out in order. */
typedef struct row_slot {
	int found;
	int64_t id;
	kind_val *vals;
	rec_ref *refs;
	int64_t x[REC_MAX_XCOLS];
	unsigned char xnull[REC_MAX_XCOLS];
} row_slot;

/*
 * The page's rows with what q asks beside them, for the ids of the page
 * ids[0..n) (in the page's order): "SELECT t.id, t.<fields>, r<i>.id,
 * r<i>.name ..., <figures> FROM <table> AS t LEFT JOIN <referenced table>
 * AS r<i> ON r<i>.<its key> = t.<field> ... WHERE t.id IN (?, ...)". The
 * figures' parameters come first, as in the text.
 */
static void chunk_sql(const rec_query *q, int n, buf *sql)
{
	const kind *k = q->k;

	buf_puts(sql, "SELECT t.id");
	for (int i = 0; i < k->nfields; i++)
		buf_fmt(sql, ", t.%s", k->fields[i].key);
	for (int i = 0; i < k->nfields; i++)
		if (joins_ref(q, i)) {
			if (kind_key_index(q->ref_kinds[i], "name") >= 0)
				buf_fmt(sql, ", r%d.id, r%d.name", i, i);
			else
				buf_fmt(sql, ", r%d.id, NULL", i);
		}
	for (int j = 0; j < q->nxcols; j++)
		buf_fmt(sql, ", %s", q->xcols[j].sql);
	buf_fmt(sql, " FROM %s AS t", k->table);
	for (int i = 0; i < k->nfields; i++)
		if (joins_ref(q, i)) {
			const kind *rk = q->ref_kinds[i];
			buf_fmt(sql, " LEFT JOIN %s AS r%d ON r%d.%s = t.%s", rk->table, i, i,
				rk->fields[single_key(rk)].key, k->fields[i].key);
		}
	buf_puts(sql, " WHERE t.id IN (");
	for (int i = 0; i < n; i++)
		buf_puts(sql, i ? ", ?" : "?");
	buf_putc(sql, ')');
}

/* The position of id among the page's (pos: ids sorted, with their
 * places), or -1. */
typedef struct id_pos {
	int64_t id;
	int pos;
} id_pos;

static int id_pos_cmp(const void *a, const void *b)
{
	int64_t x = ((const id_pos *)a)->id, y = ((const id_pos *)b)->id;
	return x < y ? -1 : x > y;
}

static int pos_of(const id_pos *pos, int n, int64_t id)
{
	int lo = 0, hi = n - 1;

	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		if (pos[mid].id == id)
			return pos[mid].pos;
		if (pos[mid].id < id)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

/* Reads the rows of ids[0..n) and hands them to cb in that order. Returns
 * how many it handed out, or -1 on a database error. */
static int64_t rows_chunk(db *d, const rec_query *q, const int64_t *ids, int n, rec_row_cb cb,
			  void *ctx)
{
	const kind *k = q->k;
	buf sql = BUF_INIT;
	row_slot *slot = xcalloc((size_t)n, sizeof *slot);
	id_pos *pos = xmalloc((size_t)n * sizeof *pos);
	kind_val *vals = xcalloc((size_t)n * (size_t)k->nfields, sizeof *vals);
	rec_ref *refs = xcalloc((size_t)n * (size_t)k->nfields, sizeof *refs);
	int64_t out = 0;
	int rc, np = 0;

	for (int i = 0; i < n; i++) {
		pos[i].id = ids[i];
		pos[i].pos = i;
		slot[i].vals = vals + (size_t)i * (size_t)k->nfields;
		slot[i].refs = refs + (size_t)i * (size_t)k->nfields;
	}
	qsort(pos, (size_t)n, sizeof *pos, id_pos_cmp);
	chunk_sql(q, n, &sql);
	db_stmt *st = db_prepare(d, buf_str(&sql));
	for (int j = 0; j < q->nxcols; j++)
		for (int a = 0; a < q->xcols[j].nargs; a++)
			db_bind_text(st, ++np, q->xcols[j].args[a]);
	for (int i = 0; i < n; i++)
		db_bind_int(st, ++np, ids[i]);
	while ((rc = db_step(st)) == DB_ROW) {
		int at = pos_of(pos, n, db_col_int(st, 0)), c = 1 + k->nfields;
		if (at < 0)
			continue;
		row_slot *r = &slot[at];
		r->found = 1;
		r->id = db_col_int(st, 0);
		load_row(st, k, r->vals);
		for (int i = 0; i < k->nfields; i++) {
			if (!joins_ref(q, i))
				continue;
			r->refs[i].found = !db_col_is_null(st, c);
			r->refs[i].id = r->refs[i].found ? db_col_int(st, c) : 0;
			if (r->refs[i].found && !db_col_is_null(st, c + 1))
				r->refs[i].name = xstrdup(db_col_text(st, c + 1));
			c += 2;
		}
		for (int j = 0; j < q->nxcols; j++, c++) {
			r->xnull[j] = (unsigned char)db_col_is_null(st, c);
			r->x[j] = r->xnull[j] ? 0 : db_col_int(st, c);
		}
	}
	db_finalize(st);
	for (int i = 0; i < n && rc == DB_DONE; i++) {
		if (!slot[i].found)
			continue;  /* gone since the page was chosen (no snapshot) */
		rec_row row = {slot[i].id, slot[i].vals, slot[i].refs, q->nxcols ? slot[i].x : NULL,
			       slot[i].xnull};
		cb(ctx, &row);
		out++;
	}
	for (size_t i = 0; i < (size_t)n * (size_t)k->nfields; i++) {
		kind_val_clear(&vals[i]);
		free((char *)refs[i].name);
	}
	free(vals);
	free(refs);
	free(pos);
	free(slot);
	buf_free(&sql);
	return rc == DB_DONE ? out : -1;
}

/*
 * Two statements, so that the work per row is done for the page's rows
 * only and nothing but ids is sorted: the page's ids in order (the
 * filters, the scope, the order, limit and offset over the table alone -
 * an unqualified column of a filter never meets a joined table), then
 * their rows in chunks (rows_chunk), handed out in the page's order.
 */
int64_t rec_list_rows(db *d, const rec_query *q, rec_row_cb cb, void *ctx)
{
	const kind *k = q->k;
	buf sql = BUF_INIT;
	qparam p[64];
	int np, rc, n = 0, cap = 64;
	int64_t total = 0, *ids = xmalloc((size_t)cap * sizeof *ids);
	int sf = q->sort_field >= 0 ? q->sort_field : kind_key_index(k, k->order_by);

	buf_puts(&sql, "SELECT id");
	np = where_sql(q, &sql, p, 60);
	np = order_page_sql(q, k->fields[sf].key, &sql, p, np);
	db_stmt *st = db_prepare(d, buf_str(&sql));
	bind_params(st, p, np);
	while ((rc = db_step(st)) == DB_ROW) {
		if (n == cap)
			ids = xrealloc(ids, (size_t)(cap *= 2) * sizeof *ids);
		ids[n++] = db_col_int(st, 0);
	}
	db_finalize(st);
	buf_free(&sql);
	if (rc != DB_DONE)
		total = -1;
	for (int at = 0; at < n && total >= 0; at += ROWS_CHUNK) {
		int m = n - at < ROWS_CHUNK ? n - at : ROWS_CHUNK;
		int64_t got = rows_chunk(d, q, ids + at, m, cb, ctx);
		if (got < 0 && q->nxcols) {
			/* the figures cannot be read (their table is gone, a sum
			 * fails): the rows without them (x NULL), as before */
			rec_query bare = *q;
			bare.nxcols = 0;
			got = rows_chunk(d, &bare, ids + at, m, cb, ctx);
		}
		total = got < 0 ? -1 : total + got;
	}
	free(ids);
	return total;
}

int rec_get(db *d, const kind *k, int64_t id, const rec_scope *scope,
	    kind_val *vals)
{
	buf sql = BUF_INIT;
	qparam p[16];
	int np, found = 0;
	rec_query q;

	rec_query_init(&q, k, scope);
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

	rec_query_init(&q, k, s);
	q.filters[0].field = kind_key_index(k, key);
	q.filters[0].op = REC_EQ;
	q.filters[0].value = value;
	q.nfilters = q.filters[0].field >= 0 && value ? 1 : 0;
	return q.nfilters == 1 && rec_count(d, &q) > 0;
}

/* The stored text of field key in vals, or NULL when absent. */
static const char *val_of(const kind *k, const kind_val *vals, const char *key)
{
	int i = kind_key_index(k, key);

	return i >= 0 && vals[i].present ? vals[i].s : NULL;
}

/* Whether the record vals identifies by its key exists within s (at all:
 * pass an REC_SCOPE_ALL scope). */
static int key_exists(db *d, const kind *k, const kind_val *vals, const rec_scope *s)
{
	rec_query q;

	rec_query_init(&q, k, s);
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
	return q.nfilters > 0 && rec_count(d, &q) > 0;
}

static int streq(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

/* Whether another enterprise than uscc employs worker id today. */
static int other_current_employer(db *d, const char *id, const char *uscc, const char *today)
{
	return db_int(d, 0,
		      "SELECT count(*) FROM employments WHERE worker_id_number = ? "
		      "AND employer_uscc <> ? AND entry_date <= ? "
		      "AND (exit_date IS NULL OR exit_date >= ?)",
		      "tttt", id, uscc, today, today) > 0;
}

/* Whether a row of the hub table whose column keycol equals value, reached
 * by path p, lies within s. NULL value: no. */
static int hub_in_scope(db *d, const char *table, const char *keycol, const rec_scope_path *p,
			const char *value, const rec_scope *s)
{
	buf sql = BUF_INIT;
	const char *sp[16];
	int nsp = 0, found;

	if (!value)
		return 0;
	buf_fmt(&sql, "SELECT count(*) FROM %s WHERE %s = ?", table, keycol);
	scope_rows(s, p, table, &sql, sp, &nsp);
	db_stmt *st = db_prepare(d, buf_str(&sql));
	db_bind_text(st, 1, value);
	for (int i = 0; i < nsp; i++)
		db_bind_text(st, 2 + i, sp[i]);
	found = db_step(st) == DB_ROW && db_col_int(st, 0) > 0;
	db_finalize(st);
	buf_free(&sql);
	return found;
}

/* Whether the stored person's data - the columns of k that are neither
 * key nor derived (name, phone, bank, card) - differ from the row's (an
 * absent value clears a stored one, so it differs too). */
static int person_data_differs(db *d, const kind *k, const kind_val *vals)
{
	buf sql = BUF_INIT;
	int differs = 0, n = 0, idx[32];

	buf_puts(&sql, "SELECT ");
	for (int i = 0; i < k->nfields && n < 32; i++) {
		if (k->fields[i].flags & (F_KEY | F_DERIVED))
			continue;
		buf_fmt(&sql, "%s%s", n ? ", " : "", k->fields[i].key);
		idx[n++] = i;
	}
	buf_fmt(&sql, " FROM %s WHERE %s = ?", k->table, k->scope.col);
	db_stmt *st = db_prepare(d, buf_str(&sql));
	db_bind_text(st, 1, val_of(k, vals, k->scope.col));
	if (n > 0 && db_step(st) == DB_ROW) {
		for (int i = 0; i < n && !differs; i++) {
			const char *v = vals[idx[i]].present ? vals[idx[i]].s : NULL;
			const char *old = db_col_is_null(st, i) ? NULL : db_col_text(st, i);
			differs = (v == NULL) != (old == NULL) || (v && strcmp(v, old) != 0);
		}
		db_reset(st);
	}
	db_finalize(st);
	buf_free(&sql);
	return differs;
}

/*
 * An enterprise's write (docs/security.md, the enterprise table): it
 * writes only rows it owns (k->scope.owner) - where it is the employer -
 * on projects it takes part in; a record it only reads (a general
 * contractor's view) is REC_WRITE_READONLY. A new employment needs a
 * person whose data the enterprise supplied itself or employs now (so
 * registering one gives it no one else's data, and an unknown and a known
 * ID number answer alike). A person may be registered anew, or rewritten
 * unless another enterprise employs the person now and the row changes
 * the data it relies on.
 */
static int enterprise_write(db *d, const kind *k, const kind_val *vals, const rec_scope *s)
{
	const rec_scope_path *p = &k->scope;
	rec_scope w = *s;
	const char *e = s->uscc;
	const char *pc = p->reach == REC_REACH_PROJECT_COL ? val_of(k, vals, p->col) : NULL;
	const char *wid = p->worker ? val_of(k, vals, p->worker) : NULL;
	rec_scope all = rec_scope_all();

	w.kind = SCOPE_EMPLOYER;
	if (p->owner == REC_OWNER_PERSON) {
		const char *id = val_of(k, vals, p->col);
		if (key_exists(d, k, vals, &all) && other_current_employer(d, id, e, s->today) &&
		    person_data_differs(d, k, vals))
			return REC_WRITE_RELIED;
		return REC_WRITE_OK;
	}
	int existed = key_exists(d, k, vals, &all);
	if (existed && !key_exists(d, k, vals, &w))
		return key_exists(d, k, vals, s) ? REC_WRITE_READONLY : REC_WRITE_OUT;
	if (!pc || !hub_in_scope(d, "projects", "code", &hub_project, pc, s))
		return REC_WRITE_OUT;
	switch (p->owner) {
	case REC_OWNER_HIRING:
		if (!streq(val_of(k, vals, p->employer), e))
			return REC_WRITE_OUT;
		if (!existed && !hub_in_scope(d, "workers", "id_number", &hub_person, wid, &w) &&
		    db_int(d, 0, "SELECT count(*) FROM worker_suppliers WHERE id_number = ? "
				 "AND uscc = ?", "tt", wid, e) == 0)
			return REC_WRITE_UNHELD;
		return REC_WRITE_OK;
	case REC_OWNER_EMPLOYER:
		if (!streq(val_of(k, vals, p->employer), e))
			return REC_WRITE_OUT;
		return db_int(d, 0, "SELECT count(*) FROM employments WHERE project_code = ? AND "
				    "worker_id_number = ? AND employer_uscc = ?", "ttt", pc, wid, e) > 0
			? REC_WRITE_OK : REC_WRITE_OUT;
	case REC_OWNER_COVERED: {
		const char *day = val_of(k, vals, p->day);
		return day && db_int(d, 0, "SELECT count(*) FROM employments WHERE project_code = ? "
				     "AND worker_id_number = ? AND employer_uscc = ? AND entry_date <= ? "
				     "AND (exit_date IS NULL OR exit_date >= ?)",
				     "ttttt", pc, wid, e, day, day) > 0
			? REC_WRITE_OK : REC_WRITE_OUT;
	}
	default:
		return REC_WRITE_OUT;
	}
}

/*
 * A street's (or a bank's) row is in scope when (a) the record it would
 * overwrite, if any, is in scope, and (b) its new values place it in
 * scope: its project (directly, or through its account) is one the scope
 * sees; a new project lies in the street. Enterprises: enterprise_write.
 * A NULL or zero scope writes nothing.
 */
int rec_in_scope(db *d, const kind *k, const kind_val *vals, const rec_scope *s)
{
	const rec_scope_path *p = &k->scope;
	rec_scope all = rec_scope_all();

	if (!s || s->kind == REC_SCOPE_NOTHING)
		return REC_WRITE_OUT;
	if (s->kind == REC_SCOPE_ALL)
		return REC_WRITE_OK;
	if (s->kind == REC_SCOPE_ENTERPRISE)
		return s->uscc ? enterprise_write(d, k, vals, s) : REC_WRITE_OUT;
	if (key_exists(d, k, vals, &all) && !key_exists(d, k, vals, s))
		return REC_WRITE_OUT;                       /* (a) */
	switch (p->reach) {
	case REC_REACH_PROJECT:
		return s->kind == REC_SCOPE_STREET && streq(val_of(k, vals, p->street), s->street);
	case REC_REACH_PROJECT_COL:
		return hub_in_scope(d, "projects", "code", &hub_project, val_of(k, vals, p->col), s);
	case REC_REACH_ACCOUNT:
		return hub_in_scope(d, "accounts", "account_no", &hub_account,
				    val_of(k, vals, p->col), s);
	default:
		return REC_WRITE_OUT;
	}
}

int rec_worker_supplied(db *d, const char *id_number, const char *uscc)
{
	return db_run(d, "INSERT INTO worker_suppliers (id_number, uscc) VALUES (?, ?) ON CONFLICT DO NOTHING",
		      "tt", id_number, uscc);
}

int rec_take_card_changes(db *d, rec_card_cb cb, void *ctx)
{
	int rc, n = 0;
	db_stmt *st = db_prepare(d, "SELECT worker_id, id_number, old_card, new_card "
				    "FROM worker_card_changes ORDER BY seq");

	while ((rc = db_step(st)) == DB_ROW) {
		const char *o = db_col_is_null(st, 2) ? NULL : db_col_text(st, 2);
		const char *w = db_col_is_null(st, 3) ? NULL : db_col_text(st, 3);
		if (cb(ctx, db_col_int(st, 0), db_col_text(st, 1), o, w) != 0)
			rc = DB_ERROR;
		if (rc != DB_ROW)
			break;
		n++;
	}
	db_finalize(st);
	if (rc != DB_DONE)
		return -1;
	if (n > 0 && db_run(d, "DELETE FROM worker_card_changes", "") != DB_OK)
		return -1;
	return n;
}
