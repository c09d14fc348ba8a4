/*
 * case_read.c - reading cases (see case.h): one case with its fields and
 * deadline, the lists of the inboxes (待转办 / 待核处 / 待审核 / 逾期), their
 * counts, the overdue cases of every type, the history, parties, links,
 * and which transitions a caller may take. Deadlines are judged on the
 * as-of day; a row that came by import gets the deadline its state runs,
 * from the declared start column.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/cases/case_int.h"
#include "store/record.h"
#include "util/buf.h"

void case_row_free(case_row *r)
{
	const kind *k = r->type ? case_kind(r->type) : NULL;

	if (r->vals && k)
		for (int i = 0; i < k->nfields; i++)
			kind_val_clear(&r->vals[i]);
	free(r->vals);
	free(r->duplicates);
	free(r->description);
	free(r->site_address);
	free(r->paid_by);
	free(r->reply);
	memset(r, 0, sizeof *r);
}

/* The engine's part of a row from the store's. */
static void from_srow(const case_clock *k, const case_srow *s, day_t today, case_row *r)
{
	const case_state *st = case_state_find(k->t, s->state);

	r->type = k->t;
	r->id = s->id;
	snprintf(r->number, sizeof r->number, "%s", s->number);
	snprintf(r->state, sizeof r->state, "%s", s->state);
	r->state_zh = st ? st->zh : s->state;
	snprintf(r->street, sizeof r->street, "%s", s->street);
	snprintf(r->opened, sizeof r->opened, "%s", s->opened);
	snprintf(r->state_date, sizeof r->state_date, "%s", s->state_date);
	snprintf(r->merged_into, sizeof r->merged_into, "%s", s->merged_into);
	r->returns = s->returns;
	case_fill_deadline(k, s, today, r);
}

/* Collects the "duplicate" links of a case. */
static void dup_cb(void *ctx, const char *target_type, const char *target, const char *relation,
		   const char *at)
{
	buf *b = ctx;

	if (!strcmp(relation, "duplicate"))
		buf_fmt(b, "%s%s", b->len ? " " : "", target);
}

/* The rest of a row: the kind's fields, the type's own texts, the
 * possible duplicates. 0, or -1 on a database error. */
static int load_rest(db *d, const case_type *t, const rec_scope *scope, case_row *r)
{
	const kind *k = case_kind(t);
	char *texts[4] = {0};
	int n = 0;
	case_tbl tb;
	buf dups = BUF_INIT;

	r->vals = calloc((size_t)k->nfields, sizeof *r->vals);
	if (!r->vals || rec_get(d, k, r->id, scope, r->vals) != 1)
		return -1;
	case_tbl_of(t, &tb);
	while (n < 4 && t->text_cols[n])
		n++;
	if (case_store_texts(d, &tb, r->number, t->text_cols, n, texts) < 0)
		return -1;
	r->description = texts[0];
	r->site_address = texts[1];
	r->paid_by = texts[2];
	r->reply = texts[3];
	if (case_store_links(d, t->code, r->number, dup_cb, &dups) < 0) {
		buf_free(&dups);
		return -1;
	}
	r->duplicates = strdup(buf_str(&dups));
	buf_free(&dups);
	return r->duplicates ? 0 : -1;
}

int case_get(db *d, const case_type *t, const char *number, const rec_scope *scope, day_t today,
	     case_row *out)
{
	case_tbl tb;
	case_srow s;
	case_clock k;
	char err[256];
	int f;

	memset(out, 0, sizeof *out);
	case_tbl_of(t, &tb);
	if ((f = case_store_find(d, &tb, number, scope, &s)) <= 0)
		return f;
	if (case_clock_open(d, t, &k, err, sizeof err) != 0) {
		case_clock_close(&k);
		return -1;
	}
	from_srow(&k, &s, today, out);
	case_clock_close(&k);
	if (load_rest(d, t, scope, out) != 0) {
		case_row_free(out);
		return -1;
	}
	return 1;
}

/* ---- lists ------------------------------------------------------------- */

/* Whether state s of t is in box ("overdue" is judged on the row). */
static int in_box(const case_type *t, const char *box, const case_state *s)
{
	if (!box || !*box || !strcmp(box, "all"))
		return 1;
	if (!strcmp(box, "open") || !strcmp(box, "overdue"))
		return !s->final;
	if (!strcmp(box, "closed"))
		return s->final;
	return s->box && !strcmp(s->box, box);
}

/* Gathers the rows of a scan with their deadlines. */
typedef struct gather {
	const case_clock *k;
	day_t today;
	const char *box;
	case_row *rows;
	size_t n, cap;
	int oom;
} gather;

static void gather_cb(void *ctx, const case_srow *s)
{
	gather *g = ctx;
	case_row r;

	memset(&r, 0, sizeof r);
	from_srow(g->k, s, g->today, &r);
	if (g->box && !strcmp(g->box, "overdue") && r.days_overdue <= 0)
		return;
	if (g->n == g->cap) {
		size_t cap = g->cap ? g->cap * 2 : 64;
		case_row *p = realloc(g->rows, cap * sizeof *p);
		if (!p) {
			g->oom = 1;
			return;
		}
		g->rows = p;
		g->cap = cap;
	}
	g->rows[g->n++] = r;
}

/* Oldest deadline first, cases without one after, then by number. */
static int by_deadline(const void *a, const void *b)
{
	const case_row *x = a, *y = b;
	int c = (*x->deadline == 0) - (*y->deadline == 0);

	if (c)
		return c;
	if ((c = strcmp(x->deadline, y->deadline)))
		return c;
	return strcmp(x->number, y->number);
}

/* Most overdue first. */
static int by_overdue(const void *a, const void *b)
{
	const case_row *x = a, *y = b;

	if (x->days_overdue != y->days_overdue)
		return x->days_overdue > y->days_overdue ? -1 : 1;
	return strcmp(x->number, y->number);
}

/* Scans t with f into g (rows with deadlines, unsorted). */
static int gather_rows(db *d, const case_type *t, const case_filter *f, const rec_scope *scope,
		       day_t today, case_clock *k, gather *g, char *err, size_t errlen)
{
	const char *states[16];
	int ns = 0;
	case_tbl tb;
	case_sfilter sf = {0};

	memset(g, 0, sizeof *g);
	if (case_clock_open(d, t, k, err, errlen) != 0)
		return -1;
	for (int i = 0; i < t->nstates && ns < 15; i++)
		if (in_box(t, f ? f->box : NULL, &t->states[i]) &&
		    (!f || !f->state || !*f->state || !strcmp(f->state, t->states[i].code)))
			states[ns++] = t->states[i].code;
	states[ns] = NULL;
	if (ns == 0)
		return 0;
	sf.states = states;
	if (f) {
		sf.street = f->street && *f->street ? f->street : NULL;
		sf.q = f->q;
		sf.from = f->from && *f->from ? f->from : NULL;
		sf.to = f->to && *f->to ? f->to : NULL;
	}
	case_tbl_of(t, &tb);
	g->k = k;
	g->today = today;
	g->box = f ? f->box : NULL;
	if (case_store_scan(d, &tb, &sf, scope, gather_cb, g) < 0) {
		snprintf(err, errlen, "%s", db_error_public(d, "a case list"));
		return -1;
	}
	if (g->oom) {
		snprintf(err, errlen, "内存不足 (out of memory)");
		return -1;
	}
	return 0;
}

int64_t case_list(db *d, const case_type *t, const case_filter *f, const rec_scope *scope,
		  day_t today, int64_t *total, case_row_cb cb, void *ctx, char *err, size_t errlen)
{
	case_clock k;
	gather g;
	int64_t shown = 0;

	if (total)
		*total = 0;
	if (gather_rows(d, t, f, scope, today, &k, &g, err, errlen) != 0) {
		case_clock_close(&k);
		free(g.rows);
		return -1;
	}
	case_clock_close(&k);
	if (g.n)
		qsort(g.rows, g.n, sizeof *g.rows, by_deadline);
	if (total)
		*total = (int64_t)g.n;
	int64_t off = f && f->offset > 0 ? f->offset : 0;
	int64_t lim = f && f->limit > 0 ? f->limit : (int64_t)g.n;
	for (size_t i = (size_t)(off < (int64_t)g.n ? off : (int64_t)g.n); i < g.n && shown < lim; i++) {
		if (load_rest(d, t, scope, &g.rows[i]) != 0) {
			snprintf(err, errlen, "%s", db_error_public(d, "a case list"));
			for (size_t j = 0; j < g.n; j++)
				case_row_free(&g.rows[j]);
			free(g.rows);
			return -1;
		}
		cb(ctx, &g.rows[i]);
		shown++;
	}
	for (size_t i = 0; i < g.n; i++)
		case_row_free(&g.rows[i]);
	free(g.rows);
	return shown;
}

int64_t case_scan_rows(db *d, const case_type *t, const case_filter *f, const rec_scope *scope,
		       day_t today, case_row_cb cb, void *ctx, char *err, size_t errlen)
{
	case_clock k;
	gather g;

	if (gather_rows(d, t, f, scope, today, &k, &g, err, errlen) != 0) {
		case_clock_close(&k);
		free(g.rows);
		return -1;
	}
	case_clock_close(&k);
	for (size_t i = 0; i < g.n; i++)
		cb(ctx, &g.rows[i]);
	free(g.rows);
	return (int64_t)g.n;
}

int case_boxes(db *d, const case_type *t, const rec_scope *scope, day_t today,
	       case_box_counts *out, char *err, size_t errlen)
{
	case_clock k;
	gather g;
	case_filter f = {.box = "all"};

	memset(out, 0, sizeof *out);
	if (gather_rows(d, t, &f, scope, today, &k, &g, err, errlen) != 0) {
		case_clock_close(&k);
		free(g.rows);
		return -1;
	}
	case_clock_close(&k);
	for (size_t i = 0; i < g.n; i++) {
		const case_state *s = case_state_find(t, g.rows[i].state);
		if (!s || s->final) {
			out->closed++;
			continue;
		}
		out->open++;
		if (g.rows[i].days_overdue > 0)
			out->overdue++;
		if (s->box && !strcmp(s->box, "transfer"))
			out->transfer++;
		else if (s->box && !strcmp(s->box, "handle"))
			out->handle++;
		else if (s->box && !strcmp(s->box, "review"))
			out->review++;
	}
	free(g.rows);
	return 0;
}

int64_t case_overdue(db *d, const rec_scope *scope, day_t today, case_row_cb cb, void *ctx,
		     char *err, size_t errlen)
{
	int64_t n = 0;

	for (int i = 0; CASE_TYPES[i]; i++) {
		const case_type *t = CASE_TYPES[i];
		case_filter f = {.box = "overdue"};
		case_clock k;
		gather g;
		if (gather_rows(d, t, &f, scope, today, &k, &g, err, errlen) != 0) {
			case_clock_close(&k);
			free(g.rows);
			return -1;
		}
		case_clock_close(&k);
		if (g.n)
			qsort(g.rows, g.n, sizeof *g.rows, by_overdue);
		for (size_t j = 0; j < g.n; j++) {
			if (load_rest(d, t, scope, &g.rows[j]) == 0) {
				cb(ctx, &g.rows[j]);
				n++;
			}
			case_row_free(&g.rows[j]);
		}
		free(g.rows);
	}
	return n;
}

/* ---- history, parties, links ---------------------------------------------- */

typedef struct ev_ctx {
	void (*cb)(void *ctx, const case_event *e);
	void *ctx;
} ev_ctx;

static void ev_cb(void *ctx, const case_sevent *s)
{
	ev_ctx *c = ctx;
	case_event e = {s->id, s->at, s->on_date, s->actor, s->role, s->action, s->from_state,
			s->to_state, s->reason, s->detail};

	c->cb(c->ctx, &e);
}

int64_t case_events(db *d, const case_type *t, const char *number,
		    void (*cb)(void *ctx, const case_event *e), void *ctx)
{
	ev_ctx c = {cb, ctx};

	return case_store_events(d, t->code, number, ev_cb, &c);
}

typedef struct party_ctx {
	void (*cb)(void *ctx, const case_party *p);
	void *ctx;
} party_ctx;

static void party_cb(void *ctx, const char *name, const char *id_number, const char *phone)
{
	party_ctx *c = ctx;
	case_party p = {name, id_number, phone};

	c->cb(c->ctx, &p);
}

int64_t case_parties(db *d, const case_type *t, const char *number,
		     void (*cb)(void *ctx, const case_party *p), void *ctx)
{
	party_ctx c = {cb, ctx};

	return case_store_parties(d, t->code, number, party_cb, &c);
}

typedef struct link_ctx {
	void (*cb)(void *ctx, const case_link *l);
	void *ctx;
} link_ctx;

static void link_cb(void *ctx, const char *target_type, const char *target, const char *relation,
		    const char *at)
{
	link_ctx *c = ctx;
	case_link l = {target_type, target, relation, at};

	c->cb(c->ctx, &l);
}

int64_t case_links(db *d, const case_type *t, const char *number,
		   void (*cb)(void *ctx, const case_link *l), void *ctx)
{
	link_ctx c = {cb, ctx};

	return case_store_links(d, t->code, number, link_cb, &c);
}

void case_allowed(const case_row *r, const case_ctx *c,
		  void (*cb)(void *ctx, const case_transition *tr), void *ctx)
{
	const case_type *t = r->type;

	for (int i = 0; i < t->ntrans; i++) {
		const case_transition *tr = &t->trans[i];
		if ((c->operator || (tr->roles & CASE_ROLE(c->role))) && case_trans_from(tr, r->state))
			cb(ctx, tr);
	}
}
