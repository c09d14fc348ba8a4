/*
 * warn_scan.c - the lifecycle of warnings (see warn_scan.h).
 *
 * Reconciliation of one scan, per cell (rule, project, period) in scope:
 *   found, live warning      -> update if level/evidence/summary changed
 *   found, none              -> raise (a new warning, even when an older
 *                               one was eliminated automatically)
 *   found, manually
 *     eliminated & condition
 *     never went away        -> nothing (no re-raise of a 误报 every
 *                               morning), unless the level rose
 *   not found, live          -> eliminate: auto, 数据复核已消除, on D
 *   not found, suppressed    -> the condition went away: a return will
 *                               raise a new warning
 * WAGE_UNPAID's "2 or more due months" spans a project's months, so its
 * levels are settled here over the scan's findings plus the live warnings
 * of months not re-evaluated.
 */
#include "domain/warn/warn_scan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "domain/basis/calendar.h"
#include "domain/basis/params.h"
#include "domain/warn/warn_eval.h"
#include "domain/warn/warn_rules.h"
#include "store/warn_query.h"
#include "store/warn_store.h"
#include "util/buf.h"
#include "util/strmap.h"
#include "util/clock.h"

#define AUTO_REASON "数据复核已消除"

typedef struct live {
	int64_t id;
	int rule;
	char *project, *period, *summary, *evidence, *enterprise, *street;
	warn_level level, level_at_elim;
	long items;
	int suppressed, seen;
} live;

typedef struct lset {
	strmap *live;         /* key -> live* (status <> eliminated) */
	strmap *supp;         /* key -> live* (manually eliminated, suppressed) */
	live **all;
	size_t n;
} lset;

/* The UTC timestamp of now, for events and the scan log. */
static void utc_now(char out[CLK_ISO_LEN])
{
	clk_utc_iso((int64_t)time(NULL), out);
}

static size_t cell_key(char *key, size_t cap, int rule, const char *project, const char *period)
{
	int n = snprintf(key, cap, "%d\x1f%s\x1f%s", rule, project, period);
	return n > 0 && (size_t)n < cap ? (size_t)n : 0;
}

static void on_live(void *ctx, const ws_warning *w)
{
	lset *s = ctx;
	int rule = warn_rule_find(w->rule);
	char key[160];
	size_t n;

	if (rule < 0 || !(n = cell_key(key, sizeof key, rule, w->project_code, w->period)))
		return;
	live *l = xcalloc(1, sizeof *l);
	l->id = w->id;
	l->rule = rule;
	l->project = xstrdup(w->project_code);
	l->period = xstrdup(w->period);
	l->summary = xstrdup(w->summary);
	l->evidence = xstrdup(w->evidence);
	l->enterprise = xstrdup(w->enterprise_uscc);
	l->street = xstrdup(w->street);
	l->level = warn_level_parse(w->level);
	l->level_at_elim = warn_level_parse(w->level_at_elimination);
	l->items = (long)w->items;
	l->suppressed = strcmp(w->status, "eliminated") == 0;
	*(live **)strmap_put(l->suppressed ? s->supp : s->live, key, n, NULL) = l;
	s->all = xrealloc(s->all, (s->n + 1) * sizeof *s->all);
	s->all[s->n++] = l;
}

static void lset_free(lset *s)
{
	for (size_t i = 0; i < s->n; i++) {
		live *l = s->all[i];
		free(l->project);
		free(l->period);
		free(l->summary);
		free(l->evidence);
		free(l->enterprise);
		free(l->street);
		free(l);
	}
	free(s->all);
	strmap_free(s->live);
	strmap_free(s->supp);
}

static int skipped(const warn_result *r, int rule, const char *project)
{
	char key[160];
	int n = snprintf(key, sizeof key, "%s\x1f%s", WARN_RULES[rule].code, project);
	return n > 0 && strmap_get(r->skipped, key, (size_t)n) != NULL;
}

/* Settles WAGE_UNPAID levels: red when the project has unpaid workers in
 * red_months or more due months (found now, or live and not re-evaluated),
 * or red_workers or more in the month. Updates kept warnings whose level
 * changes (kept_updates). */
static void settle_unpaid(warn_result *r, lset *ls, const warn_scope *scope,
			  const warn_params *p, live ***kept, size_t *nkept)
{
	strmap *months = strmap_new(sizeof(long));

	for (size_t i = 0; i < r->n; i++)
		if (r->v[i].rule == R_WAGE_UNPAID)
			(*(long *)strmap_put(months, r->v[i].project, strlen(r->v[i].project), NULL))++;
	/* months not re-evaluated still count: live ones, and manually
	 * eliminated ones whose condition has not gone away (suppressed) */
	for (size_t i = 0; i < ls->n; i++) {
		live *l = ls->all[i];
		if (l->rule == R_WAGE_UNPAID && !warn_scope_has(scope, R_WAGE_UNPAID, l->project, l->period))
			(*(long *)strmap_put(months, l->project, strlen(l->project), NULL))++;
	}
	for (size_t i = 0; i < r->n; i++) {
		warn_found *f = &r->v[i];
		if (f->rule != R_WAGE_UNPAID)
			continue;
		long *m = strmap_get(months, f->project, strlen(f->project));
		f->level = (f->items >= p->red_workers || (m && *m >= p->red_months)) ? WL_RED : WL_ORANGE;
	}
	for (size_t i = 0; i < ls->n; i++) {
		live *l = ls->all[i];
		if (l->rule != R_WAGE_UNPAID || warn_scope_has(scope, R_WAGE_UNPAID, l->project, l->period))
			continue;
		long *m = strmap_get(months, l->project, strlen(l->project));
		warn_level want = (l->items >= p->red_workers || (m && *m >= p->red_months)) ? WL_RED : WL_ORANGE;
		if (l->suppressed ? want > l->level_at_elim : want != l->level) {
			l->level = want;
			*kept = xrealloc(*kept, (*nkept + 1) * sizeof **kept);
			(*kept)[(*nkept)++] = l;
		}
	}
	strmap_free(months);
}

static void on_dirty(void *ctx, const char *project, const char *month, unsigned mask)
{
	warn_scope_add(ctx, project, month, mask);
}

/* The write phase: reconcile the findings with the stored warnings. */
static int reconcile(db *d, warn_result *r, const warn_scope *scope, const warn_params *p,
		     const char *Ds, scan_summary *s)
{
	lset ls = {strmap_new(sizeof(live *)), strmap_new(sizeof(live *)), NULL, 0};
	live **kept = NULL;
	size_t nkept = 0;
	char at[32], key[160];
	int rc = -1;

	utc_now(at);
	if (warn_store_live(d, on_live, &ls) != 0)
		goto out;
	settle_unpaid(r, &ls, scope, p, &kept, &nkept);
	for (size_t i = 0; i < r->n; i++) {
		warn_found *f = &r->v[i];
		size_t n = cell_key(key, sizeof key, f->rule, f->project, f->period);
		live **lp = strmap_get(ls.live, key, n), **sp = strmap_get(ls.supp, key, n);
		ws_new w = {WARN_RULES[f->rule].code, f->project, f->period, warn_level_name(f->level),
			    f->enterprise, f->street, f->summary, f->evidence, f->items};
		if (lp) {
			live *l = *lp;
			l->seen = 1;
			if (l->level == f->level && !strcmp(l->evidence, f->evidence) &&
			    !strcmp(l->summary, f->summary) && !strcmp(l->enterprise, f->enterprise) &&
			    !strcmp(l->street, f->street)) {
				s->unchanged++;
				continue;
			}
			if (warn_store_update(d, l->id, &w, Ds, at) != 0)
				goto out;
			s->updated++;
			continue;
		}
		if (sp) {
			live *l = *sp;
			l->seen = 1;
			if (f->level <= l->level_at_elim) {
				s->suppressed++;
				continue;
			}
			if (warn_store_unsuppress(d, l->id) != 0) /* it got worse: a new warning */
				goto out;
		}
		if (warn_store_raise(d, &w, Ds, at) != 0)
			goto out;
		s->raised++;
	}
	for (size_t i = 0; i < ls.n; i++) {
		live *l = ls.all[i];
		if (l->seen || !warn_scope_has(scope, l->rule, l->project, l->period) ||
		    skipped(r, l->rule, l->project))
			continue;
		if (l->suppressed) {
			if (warn_store_unsuppress(d, l->id) != 0)
				goto out;
			continue;
		}
		if (warn_store_eliminate(d, l->id, "auto", AUTO_REASON, Ds, "scan", at) != 0)
			goto out;
		s->eliminated++;
	}
	for (size_t i = 0; i < nkept; i++) {
		live *l = kept[i];
		ws_new w = {WARN_RULES[l->rule].code, l->project, l->period, warn_level_name(l->level),
			    l->enterprise, l->street, l->summary, l->evidence, l->items};
		if (l->suppressed) { /* manually eliminated, and now worse: a new warning */
			if (warn_store_unsuppress(d, l->id) != 0 || warn_store_raise(d, &w, Ds, at) != 0)
				goto out;
			s->raised++;
			continue;
		}
		if (warn_store_update(d, l->id, &w, Ds, at) != 0)
			goto out;
		s->updated++;
	}
	rc = 0;
out:
	free(kept);
	lset_free(&ls);
	return rc;
}

int scan_run(db *d, const scan_opts *o, scan_summary *s, char *err, size_t errlen)
{
	ws_state st;
	warn_params p;
	warn_scope scope;
	warn_result r;
	cal *c = NULL;
	char Ds[11], started[32];
	double t0 = clk_mono();
	db *twin = NULL;
	int rc = -1, reading = 0, writing = 0;

	memset(s, 0, sizeof *s);
	memset(&r, 0, sizeof r);
	date_format(o->as_of, Ds);
	utc_now(started);
	warn_scope_init(&scope, 0);
	/* a full scan reads on two connections (warn_eval_ahead.c); whether
	 * this one will be full is known for sure only inside the snapshot,
	 * so peek first: a wrong guess costs speed, never correctness */
	int want_twin = o->full || warn_store_state(d, &st) != 0 || st.need_full ||
			strcmp(st.last_as_of, Ds) != 0;
	if (warn_store_read_begin(d, want_twin ? &twin : NULL) != 0)
		goto dberr;
	reading = 1;
	if (warn_store_state(d, &st) != 0)
		goto dberr;
	if (param_load(d, &p, err, errlen) != 0)
		goto out;
	if (!(c = cal_load(d, err, errlen)))
		goto out;
	scope.full = o->full || st.need_full || strcmp(st.last_as_of, Ds) != 0;
	snprintf(s->why_full, sizeof s->why_full, "%s",
		 o->full ? "requested (--full)"
		 : st.last_as_of[0] == 0 ? "first scan"
		 : st.need_full ? "parameters, calendar or minimum wages changed"
		 : strcmp(st.last_as_of, Ds) != 0 ? "as-of date changed" : "");
	s->full = scope.full;
	if (!scope.full && warn_store_dirty(d, st.seq, on_dirty, &scope) != 0)
		goto dberr;
	if (warn_evaluate(d, twin, o->as_of, &p, c, &scope, &r, err, errlen) != 0)
		goto out;
	db_close(twin);
	twin = NULL;
	reading = 0;
	if (warn_store_read_end(d) != 0)
		goto dberr;
	s->eval_seconds = clk_mono() - t0;
	s->projects = r.projects;
	s->found = (long)r.n;

	if (db_begin(d) != DB_OK)
		goto dberr;
	writing = 1;
	if (reconcile(d, &r, &scope, &p, Ds, s) != 0)
		goto dberr;
	s->seconds = clk_mono() - t0;
	ws_scan_log log = {Ds, started, s->full, s->seconds, s->projects, s->raised, s->updated,
			   s->unchanged, s->eliminated};
	if (warn_store_scan_done(d, &log, st.seq) != 0 || db_commit(d) != DB_OK)
		goto dberr;
	writing = 0;
	rec_scope all = rec_scope_all();
	int64_t open[3];
	if (warn_query_open_counts(d, &all, open) == 0)
		for (int i = 0; i < 3; i++)
			s->open[i] = (long)open[i];
	s->notes = r.errors;
	s->nnotes = r.nerrors;
	r.errors = NULL;
	r.nerrors = 0;
	s->seconds = clk_mono() - t0;
	rc = 0;
	goto out;
dberr:
	snprintf(err, errlen, "database: %s", db_errmsg(d));
out:
	db_close(twin);
	if (reading)
		warn_store_read_end(d);
	if (writing)
		db_rollback(d);
	warn_result_free(&r);
	warn_scope_free(&scope);
	cal_free(c);
	return rc;
}

void scan_summary_free(scan_summary *s)
{
	for (size_t i = 0; i < s->nnotes; i++)
		free(s->notes[i]);
	free(s->notes);
	s->notes = NULL;
	s->nnotes = 0;
}
