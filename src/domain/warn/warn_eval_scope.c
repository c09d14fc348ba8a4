/*
 * warn_eval_scope.c - what a scan re-evaluates: the warn_scope of
 * warn_eval.h (the dirty cells of an incremental scan, or everything), and
 * what follows from it for the evaluation: the projects and months the
 * store's streams are restricted to (we_set_scope) and the months the
 * month loop reads (we_plan_months). Decides nothing about a rule's
 * condition.
 */
#include "domain/warn/warn_eval.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/warn/warn_eval_int.h"
#include "domain/warn/warn_eval_scope.h"
#include "store/warn_store.h"
#include "util/buf.h"

void warn_scope_init(warn_scope *s, int full)
{
	s->full = full;
	s->cells = strmap_new(sizeof(unsigned));
	s->projects = strmap_new(sizeof(unsigned));
}

void warn_scope_add(warn_scope *s, const char *project, const char *month, unsigned mask)
{
	char key[128];
	int n = snprintf(key, sizeof key, "%s\x1f%s", project, month);

	if (n <= 0 || (size_t)n >= sizeof key)
		return;
	*(unsigned *)strmap_put(s->cells, key, (size_t)n, NULL) |= mask;
	*(unsigned *)strmap_put(s->projects, project, strlen(project), NULL) |= mask;
}

void warn_scope_free(warn_scope *s)
{
	strmap_free(s->cells);
	strmap_free(s->projects);
	s->cells = s->projects = NULL;
}

int warn_scope_has(const warn_scope *s, int rule, const char *project, const char *period)
{
	char key[128];
	unsigned m = 0, *v;
	int n;

	if (s->full)
		return 1;
	if (!WARN_RULES[rule].per_month) {
		v = strmap_get(s->projects, project, strlen(project));
		return v && (*v & WARN_BIT(rule));
	}
	n = snprintf(key, sizeof key, "%s\x1f", project);
	if ((v = strmap_get(s->cells, key, (size_t)n)))
		m |= *v;
	n = snprintf(key, sizeof key, "%s\x1f%s", project, period);
	if ((v = strmap_get(s->cells, key, (size_t)n)))
		m |= *v;
	return (m & WARN_BIT(rule)) != 0;
}

#define DUE_RULES                                                                  \
	(WARN_BIT(R_WAGE_UNPAID) | WARN_BIT(R_WAGE_SHORT) | WARN_BIT(R_BANK_MISMATCH) | \
	 WARN_BIT(R_BELOW_MIN_WAGE) | WARN_BIT(R_DAYS_MISMATCH))

static void on_month(void *ctx, const char *month)
{
	mlist *l = ctx;
	l->v = xrealloc(l->v, (l->n + 1) * sizeof *l->v);
	snprintf(l->v[l->n++], 8, "%s", month);
}

static int cmp_month(const void *a, const void *b)
{
	return strcmp(a, b);
}

/* Entry i of the scope's cells ("code\x1fmonth" -> mask): the mask in *m
 * and the month, when it fits, in month (0 < length < 8). Returns the
 * month's length: 0 for an entry of every month. */
static size_t scope_cell(const warn_scope *s, size_t i, unsigned *m, char month[8])
{
	const char *key;
	size_t len;

	*m = *(unsigned *)strmap_at(s->cells, i, &key, &len);
	const char *sep = memchr(key, '\x1f', len);
	size_t mlen = len - (size_t)(sep + 1 - key);
	if (mlen > 0 && mlen < 8) {
		memcpy(month, sep + 1, mlen);
		month[mlen] = 0;
	}
	return mlen;
}

/*
 * The months the month loop must read. Full scan: every month with data.
 * Incremental: the months of the dirty entries whose rules can fire in
 * them (a due-month rule only before the month of D, NOT_VIA_BANK up to
 * it, both inside the lookback); every month when a project-wide rule
 * that sums all months is in scope (BALANCE_LOW, COMPLETION_UNSETTLED on
 * a completed project) or a dirty entry covers all months.
 */
int we_plan_months(ev *e, int flags, mlist *months)
{
	const warn_scope *s = e->scope;
	int all = s->full;

	for (size_t i = 0; i < strmap_count(s->projects) && !all; i++) {
		const char *key;
		size_t len;
		char code[64];
		unsigned m = *(unsigned *)strmap_at(s->projects, i, &key, &len);
		if (len >= sizeof code)
			continue;
		memcpy(code, key, len);
		code[len] = 0;
		int pidx = proj_find(e, code);
		if (m & WARN_BIT(R_BALANCE_LOW))
			all = 1;
		if ((m & WARN_BIT(R_COMPLETION_UNSETTLED)) && pidx >= 0 && e->P[pidx].completed)
			all = 1;
	}
	for (size_t i = 0; i < strmap_count(s->cells) && !all; i++) {
		unsigned m;
		char month[8];
		size_t mlen = scope_cell(s, i, &m, month);
		if (mlen == 0) {
			if (m & (DUE_RULES | WARN_BIT(R_NOT_VIA_BANK)))
				all = 1;
			continue;
		}
		if (mlen >= sizeof month)
			continue;
		int mi = month_index(month);
		if (((m & DUE_RULES) && mi < e->mD && in_lookback(e, mi)) ||
		    ((m & WARN_BIT(R_NOT_VIA_BANK)) && in_lookback(e, mi))) {
			int dup = 0;
			for (size_t j = 0; j < months->n && !dup; j++)
				dup = !strcmp(months->v[j], month);
			if (!dup)
				on_month(months, month);
		}
	}
	if (all) {
		months->n = 0;
		return warn_store_months(e->d, flags & WS_P, on_month, months);
	}
	if (months->n > 1)
		qsort(months->v, months->n, sizeof *months->v, cmp_month);
	return 0;
}

/* Fills the store's scope tables: the projects of the scope, and the
 * months of UNREGISTERED's dirty entries (WS_M only when none is "all
 * months"). Returns the stream flags for UNREGISTERED in *uflags. */
int we_set_scope(ev *e, int *uflags)
{
	const warn_scope *s = e->scope;
	const char **pv = NULL, **mv = NULL;
	char (*mbuf)[8] = NULL;
	size_t np = 0, nm = 0;
	int all_months = 0, rc;

	*uflags = WS_P;
	pv = xcalloc(strmap_count(s->projects) + 1, sizeof *pv);
	char **owned = xcalloc(strmap_count(s->projects) + 1, sizeof *owned);
	for (size_t i = 0; i < strmap_count(s->projects); i++) {
		const char *key;
		size_t len;
		strmap_at(s->projects, i, &key, &len);
		owned[np] = xstrndup(key, len);
		pv[np] = owned[np];
		np++;
	}
	mbuf = xcalloc(strmap_count(s->cells) + 1, sizeof *mbuf);
	mv = xcalloc(strmap_count(s->cells) + 1, sizeof *mv);
	for (size_t i = 0; i < strmap_count(s->cells); i++) {
		unsigned m;
		size_t mlen = scope_cell(s, i, &m, mbuf[nm]);
		if (!(m & WARN_BIT(R_UNREGISTERED)))
			continue;
		if (mlen == 0 || mlen >= 8) {
			all_months = 1;
			continue;
		}
		mv[nm] = mbuf[nm];
		nm++;
	}
	if (!all_months)
		*uflags |= WS_M;
	rc = warn_store_scope(e->d, pv, np, mv, nm);
	for (size_t i = 0; i < np; i++)
		free(owned[i]);
	free(owned);
	free(pv);
	free(mv);
	free(mbuf);
	return rc;
}
