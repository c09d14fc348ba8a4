/*
 * warn_eval.h - evaluation of the rules of warning-rules.md as of a date D
 * over a scope (all projects, or the cells an import made dirty). Reads
 * only (inside the caller's read transaction); returns the warnings found.
 * The lifecycle (what to raise, update, eliminate) is warn_scan.c.
 * Implemented by warn_eval.c and the warn_eval_*.c files it drives (their
 * shared, private declarations: warn_eval_int.h).
 */
#ifndef ANXIN_WARN_EVAL_H
#define ANXIN_WARN_EVAL_H

#include <stddef.h>
#include <stdint.h>

#include "domain/basis/calendar.h"
#include "domain/basis/params.h"
#include "domain/warn/warn_rules.h"
#include "store/db.h"
#include "util/date.h"
#include "util/strmap.h"

/* What is re-evaluated: everything (full) or, per project, the rules of
 * the dirty entries: "code\x1f" -> mask of every month, "code\x1fYYYY-MM"
 * -> mask of that month. */
typedef struct warn_scope {
	int full;
	strmap *cells;     /* "code\x1fmonth" -> unsigned mask */
	strmap *projects;  /* code -> unsigned (OR of the project's masks) */
} warn_scope;

void warn_scope_init(warn_scope *s, int full);
void warn_scope_add(warn_scope *s, const char *project, const char *month, unsigned mask);
void warn_scope_free(warn_scope *s);
/* Whether the cell (rule, project, period) is re-evaluated. */
int warn_scope_has(const warn_scope *s, int rule, const char *project, const char *period);

/* One warning found by the evaluation. */
typedef struct warn_found {
	int rule;
	char *project, *period, *enterprise, *street, *summary, *evidence;
	warn_level level;
	long items;          /* workers / rows / months behind it */
} warn_found;

typedef struct warn_result {
	warn_found *v;
	size_t n, cap;
	strmap *skipped;     /* "rule\x1fproject": not evaluated (see errors) */
	char **errors;       /* messages, e.g. an unknown calendar year */
	size_t nerrors;
	long projects;       /* projects looked at */
} warn_result;

/*
 * Evaluates every rule in scope as of D. Returns 0, or -1 with a message
 * in err on a database error. Rules that cannot be evaluated for a project
 * (a working-day deadline in an unknown year) are listed in res->skipped
 * and res->errors, and leave that cell alone. twin: NULL, or a second
 * connection on d's snapshot (db_read_begin_twin) that a full scan reads
 * ahead on, on a second thread.
 */
int warn_evaluate(db *d, db *twin, day_t as_of, const warn_params *p, const cal *c,
		  const warn_scope *scope, warn_result *res, char *err, size_t errlen);
void warn_result_free(warn_result *res);

#endif
