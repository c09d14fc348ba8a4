/*
 * warn_eval_scope.h - private to the warn_eval*.c files: what follows from
 * a scan's warn_scope for one evaluation (warn_eval_scope.c) - whether a
 * cell is re-evaluated, the projects and months the store's streams are
 * restricted to, the months the month loop reads. The warn_scope itself
 * (init / add / has / free) is public, in warn_eval.h.
 */
#ifndef ANXIN_WARN_EVAL_SCOPE_H
#define ANXIN_WARN_EVAL_SCOPE_H

#include "domain/warn/warn_eval_int.h"

/* Whether the cell (rule, project e->P[pidx], period) is re-evaluated in
 * this scan. */
static inline int want(const ev *e, int rule, int pidx, const char *period)
{
	return warn_scope_has(e->scope, rule, e->P[pidx].code, period);
}

/* Fills the store's scope tables: the projects of the scope, and the
 * months of UNREGISTERED's dirty entries; *uflags receives the stream
 * flags for UNREGISTERED (WS_M only when none is "all months"). Returns
 * warn_store_scope's result (0 on success). */
int we_set_scope(ev *e, int *uflags);
/* Fills months with the months the month loop must read: every month
 * with data in a full scan, else those the dirty entries' rules can fire
 * in (all of them when a project-wide sum is in scope). Returns 0, or the
 * store's failure. */
int we_plan_months(ev *e, int flags, mlist *months);

#endif
