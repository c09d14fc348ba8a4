/*
 * warn_scan.h - the warning lifecycle (预警处置) of warning-rules.md: a scan
 * as of D evaluates the rules (warn_eval.c) and reconciles the result with
 * the stored warnings - raise new ones, update live ones (level, evidence;
 * never a duplicate), eliminate those whose condition is gone (自动消除,
 * reason 数据复核已消除, on D) - and the manual actions: eliminate with a
 * reason, assign to a person, escalate to an inspection case.
 *
 * A scan computes first, inside a read transaction (WAL: readers and the
 * server's API are never blocked), then writes in one short transaction.
 * Incremental by default: only what imports made dirty since the last scan
 * is re-evaluated, unless D changed, a parameter/calendar/minimum wage
 * changed, or full is asked for.
 */
#ifndef ANXIN_WARN_SCAN_H
#define ANXIN_WARN_SCAN_H

#include <stddef.h>
#include <stdint.h>

#include "store/db.h"
#include "util/date.h"

typedef struct scan_opts {
	day_t as_of;
	int full;            /* re-evaluate everything */
} scan_opts;

typedef struct scan_summary {
	int full;
	char why_full[64];   /* "requested", "as-of date changed", ... */
	long projects;       /* projects evaluated */
	long found, raised, updated, unchanged, eliminated, suppressed;
	long open[3];        /* open (and handling) by level: yellow, orange, red */
	double seconds, eval_seconds;
	char **notes;        /* rules not evaluated and why */
	size_t nnotes;
} scan_summary;

/* Runs one scan. Returns 0, or -1 with a message in err. */
int scan_run(db *d, const scan_opts *o, scan_summary *s, char *err, size_t errlen);
void scan_summary_free(scan_summary *s);

/* The manual actions (eliminate, assign, escalate) are warn_act.h's:
 * audited, whoever calls them (API or CLI). */

#endif
