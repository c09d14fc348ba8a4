/*
 * demo.h - the synthetic data set of `anxin demo` (演示数据).
 *
 * Builds enterprises, projects, workers, employments, six calendar months
 * of attendance and payroll, dedicated wage accounts with their bank
 * transactions, and wage deposits for the streets and functional zones of
 * 天津市滨海新区 (120116), with a few percent of realistic violations of
 * the warning rules (warning-rules.md). All names and numbers are
 * fictional; identifiers carry valid check characters.
 *
 * Every row goes through the import session API (domain/import.h), one
 * session (one transaction) per kind, so the demo passes exactly the
 * validation a file does. The output depends only on (seed, as_of,
 * projects, workers). This module never opens or deletes files: the
 * caller hands it an open database that holds no records yet.
 */
#ifndef ANXIN_DEMO_H
#define ANXIN_DEMO_H

#include <stdint.h>

#include "store/db.h"
#include "util/buf.h"
#include "util/date.h"

/* The violations planted in the data; each maps to one warning rule. */
typedef enum {
	DEMO_V_UNPAID,        /* WAGE_UNPAID: a month left unpaid */
	DEMO_V_SHORT,         /* WAGE_SHORT: paid less than due */
	DEMO_V_CASH,          /* NOT_VIA_BANK: paid in cash */
	DEMO_V_NO_CONTRACT,   /* NO_CONTRACT: no written labour contract */
	DEMO_V_NO_ACCOUNT,    /* NO_ACCOUNT: no dedicated account */
	DEMO_V_LABOR_LATE,    /* LABOR_COST_LATE: owner stopped transfers */
	DEMO_V_NO_DEPOSIT,    /* NO_DEPOSIT: none, or the guarantee expired */
	DEMO_V_NO_BOARD,      /* NO_BOARD: no rights-information board */
	DEMO_V_UNREGISTERED,  /* UNREGISTERED: attendance without employment */
	DEMO_V_BANK_MISMATCH, /* BANK_MISMATCH: bank paid less than payroll */
	DEMO_V_BELOW_MIN,     /* BELOW_MIN_WAGE: apprentices below minimum */
	DEMO_V_DAYS_MISMATCH, /* DAYS_MISMATCH: payroll days under-reported */
	DEMO_V_UNSETTLED,     /* COMPLETION_UNSETTLED: completed, still owed */
	DEMO_V_COUNT
} demo_violation;

typedef struct demo_opts {
	uint64_t seed;
	day_t as_of;      /* the data describes the world as of this day */
	int projects;     /* 1..5000 */
	int workers;      /* 1..500000 */
	int quiet;        /* no progress lines on stderr */
} demo_opts;

#define DEMO_NKINDS 10

typedef struct demo_stats {
	const char *kind[DEMO_NKINDS]; /* kind names, in import order */
	long rows[DEMO_NKINDS];        /* rows imported per kind */
	double kind_seconds[DEMO_NKINDS];
	int nkinds;
	int viol_projects[DEMO_V_COUNT]; /* projects carrying the violation */
	long viol_rows[DEMO_V_COUNT];    /* rows behind it (see demo.c) */
	double seconds;                  /* whole run, generation included */
} demo_stats;

/* The warning-rule code of violation v ("WAGE_UNPAID") and its Chinese
 * name; v must be below DEMO_V_COUNT. */
const char *demo_violation_code(int v);
const char *demo_violation_zh(int v);

/* The records of any kind in d but the shipped minimum wages: the demo
 * goes only into a database where this is 0. -1 on a database error. */
int64_t demo_existing_records(db *d);

/*
 * Generates the data set into d and commits it kind by kind. Returns 0 on
 * success; -1 with a message in err when a row was rejected (a generator
 * bug: the first import errors are quoted) or the database failed. The
 * kinds committed before the failure stay. st is filled in either case.
 */
int demo_generate(db *d, const demo_opts *o, demo_stats *st, buf *err);

/* The summary of a run for a terminal: rows per kind, violations, time. */
void demo_stats_text(const demo_stats *st, buf *out);

#endif
