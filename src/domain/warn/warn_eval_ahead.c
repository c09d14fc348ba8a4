/*
 * warn_eval_ahead.c - the month loop's order, and each month's attendance
 * aggregate and wage transfers loaded into the worker arrays the payroll
 * stream is merged with (warn_eval_month.c).
 *
 * At province scale the month loop is most of a full scan, and it is two
 * halves of about equal weight: streaming the month's payroll, and
 * streaming its attendance and wage transfers. When the caller gave a twin
 * connection (the same snapshot, db_read_begin_twin), a second thread
 * loads month i+1 on the twin while this one merges month i's payroll on
 * the main connection: two cores, and the same findings, since the loader
 * only reads the project map and fills arrays of its own. Without a twin
 * (an incremental scan, whose scope lives in the main connection's
 * temporary tables, or no snapshot to be had) the months run in turn.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/warn/warn_eval_int.h"

/* The project index of a stream row, looking the code up only when it
 * differs from the last row's (the streams come by project). */
static int row_project(wmonth *m, const char *code)
{
	if (m->last < 0 || strcmp(m->e->P[m->last].code, code) != 0)
		m->last = proj_find(m->e, code);
	return m->last;
}

/* Appends an entry for (project, worker) to a month array; NULL when the
 * worker's number does not fit (no rule can then match it). */
static wmv *push(wmv **v, size_t *n, size_t *cap, int pidx, const char *worker)
{
	size_t len = strlen(worker);

	if (len >= sizeof((*v)->worker))
		return NULL;
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 4096;
		*v = xrealloc(*v, *cap * sizeof **v);
	}
	wmv *w = &(*v)[(*n)++];
	memset(w, 0, sizeof *w);
	w->pidx = pidx;
	memcpy(w->worker, worker, len + 1);
	return w;
}

static void on_att(void *ctx, const ws_att *r)
{
	wmonth *m = ctx;
	int pidx = row_project(m, r->project_code);
	wmv *w;

	if (pidx < 0 || !(w = push(&m->att, &m->natt, &m->capatt, pidx, r->worker_id_number)))
		return;
	w->has_att = 1;
	w->att_days = r->days;
}

static void on_wage(void *ctx, const ws_wage *r)
{
	wmonth *m = ctx;
	int pidx = row_project(m, r->project_code);
	wmv *w;

	if (pidx < 0 || !(w = push(&m->wage, &m->nwage, &m->capwage, pidx, r->worker_id_number)))
		return;
	w->has_wage = 1;
	w->wage_sum = r->amount;
	w->wage_n = r->n;
	size_t len = strlen(r->last_date);
	if (len >= sizeof w->wage_last)
		len = sizeof w->wage_last - 1;
	memcpy(w->wage_last, r->last_date, len);
	w->wage_last[len] = 0;
}

/* Loads month's attendance and wage transfers into m (emptied first),
 * reading on d - the main connection or the twin. Returns 0 or -1. */
static int month_load(const ev *e, db *d, int flags, const char *month, wmonth *m)
{
	m->natt = m->nwage = 0;
	m->e = e;
	m->last = -1;
	if (warn_store_att_month(d, flags, month, on_att, m) != 0)
		return -1;
	m->last = -1;
	return warn_store_wage_month(d, flags, month, on_wage, m);
}

typedef struct loader {
	const ev *e;
	const char *month;
	wmonth *m;
	int rc;
} loader;

static void *load_thread(void *arg)
{
	loader *l = arg;

	l->rc = month_load(l->e, l->e->twin, 0, l->month, l->m);
	return NULL;
}

/* A month after D is not read: nothing of a future month matters on D. */
static int month_counts(const ev *e, const char *month)
{
	int mi = month_index(month);
	return mi >= 0 && mi <= e->mD;
}

/* The month loop's state (e->ml): the months to read, the two month
 * buffers and the loader thread, if one runs. */
struct mloop {
	const char **v;
	size_t n, i;
	int flags, ahead, cur, running;
	wmonth mb[2];
	pthread_t th;
	loader l;
};

/* Starts loading month v[i] into mb[slot]: on the twin's thread when
 * reading ahead, else here. Returns 0 or -1. */
static int load_next(ev *e, struct mloop *ml, size_t i, int slot)
{
	ml->l = (loader){e, ml->v[i], &ml->mb[slot], 0};
	if (ml->ahead && pthread_create(&ml->th, NULL, load_thread, &ml->l) == 0) {
		ml->running = 1;
		return 0;
	}
	return month_load(e, e->d, ml->flags, ml->v[i], &ml->mb[slot]);
}

/* Waits for the loader thread, if one runs. Returns its result. */
static int load_wait(struct mloop *ml)
{
	if (!ml->running)
		return 0;
	pthread_join(ml->th, NULL);
	ml->running = 0;
	return ml->l.rc;
}

/*
 * Sets up the month loop over the planned months (warn_eval_scope.c): the
 * months after D are dropped, and with e->twin (full scans only) the first
 * month starts loading on the twin's thread at once, while the caller's
 * other passes run. Returns 0, or -1 on a database error.
 */
int we_months_begin(ev *e, int flags, const mlist *months)
{
	struct mloop *ml = xcalloc(1, sizeof *ml);

	e->ml = ml;
	ml->flags = flags;
	ml->v = xcalloc(months->n + 1, sizeof *ml->v);
	for (size_t i = 0; i < months->n; i++)
		if (month_counts(e, months->v[i]))
			ml->v[ml->n++] = months->v[i];
	ml->ahead = e->twin && flags == 0;
	return ml->ahead && ml->n > 0 ? load_next(e, ml, 0, 0) : 0;
}

/*
 * The month loop, in order: month i's payroll is merged here while month
 * i+1 loads (on the twin's thread when reading ahead). Returns 0, or -1 on
 * a database error (of either connection).
 */
int we_months(ev *e)
{
	struct mloop *ml = e->ml;
	int rc = 0;

	if (ml->n > 0 && !ml->ahead)
		rc = load_next(e, ml, 0, 0);
	for (ml->i = 0; ml->i < ml->n && rc == 0; ml->i++) {
		if ((rc = load_wait(ml)) != 0)
			break;
		wmonth *m = &ml->mb[ml->cur];
		ml->cur = !ml->cur;
		if (ml->ahead && ml->i + 1 < ml->n && load_next(e, ml, ml->i + 1, ml->cur) != 0)
			rc = -1;
		if (rc == 0)
			rc = we_month(e, ml->flags, ml->v[ml->i], m);
		if (rc == 0 && !ml->ahead && ml->i + 1 < ml->n)
			rc = load_next(e, ml, ml->i + 1, ml->cur);
	}
	return rc;
}

/* Ends the month loop: waits for a loader still running (after an error)
 * and frees the buffers. Safe to call when we_months_begin was not. */
void we_months_end(ev *e)
{
	struct mloop *ml = e->ml;

	if (!ml)
		return;
	load_wait(ml);
	for (int i = 0; i < 2; i++) {
		free(ml->mb[i].att);
		free(ml->mb[i].wage);
	}
	free(ml->v);
	free(ml);
	e->ml = NULL;
}
