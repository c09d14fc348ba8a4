/*
 * clue.h - the wage-arrears clue (欠薪线索, 根治欠薪线索): its type
 * declaration (case_clue.c), intake with routing and the duplicate check
 * (clue_intake.c), the reporter's public view (clue_public.c) and the
 * statistics of a year (clue_stats.c). spec: cases.md, "Arrears clue".
 */
#ifndef ANXIN_CLUE_H
#define ANXIN_CLUE_H

#include <stddef.h>
#include <stdint.h>

#include "domain/cases/case.h"

/* The clue's declaration: states received -> transferred -> handling ->
 * submitted -> passed | returned (-> submitted again), and merged. */
extern const case_type case_clue;

/* The 10 conclusion types of cases.md: their Chinese names, 1-based
 * (clue_conclusion_zh(1) = "已解决(工资已支付)"); NULL out of range. */
const char *clue_conclusion_zh(int n);
/* How an arrears was paid: "employer" 用人单位支付, "contractor" 总承包单位
 * 先行清偿, "deposit" 工资保证金支付, "emergency" 应急周转金垫付. */
const char *clue_paid_by_zh(const char *code);

#define CLUE_MAX_WORKERS 50   /* workers listed on one clue */

/* A clue as taken in: by an officer, or by a worker on the public page.
 * Text as typed (validated here); NULL or "" = not given. */
typedef struct clue_intake {
	const char *channel;            /* platform hotline visit online letter transfer */
	const char *received_date;      /* NULL: c->today */
	const char *reporter_name;      /* required */
	const char *reporter_id_number; /* GB 11643 checked */
	const char *reporter_phone;     /* required on the public page */
	const char *employer_name;      /* required */
	const char *employer_uscc;
	const char *project_code;       /* or */
	const char *project_name;       /* matched against the registered projects */
	const char *site_address;
	const char *street;             /* an officer may route it himself */
	const char *workers_claimed;    /* integer >= 1 (default 1 + listed workers) */
	const char *amount_claimed;     /* yuan */
	const char *description;        /* required */
	struct {
		const char *name, *id_number, *phone;
	} workers[CLUE_MAX_WORKERS];    /* the workers involved (collective) */
	int nworkers;
	int public_form;                /* filed by the worker: a query code is made */
} clue_intake;

typedef struct clue_created {
	char number[48];
	char query_code[16];        /* the public page's code, shown once ("" else) */
	char street[64];            /* proposed street ("" when nothing matched) */
	char matched_uscc[20];      /* the registered enterprise found, or "" */
	char matched_project[48];   /* the registered project found, or "" */
	char duplicates[512];       /* possible duplicates, space separated */
	char deadline[11];
} clue_created;

/* Validates, routes (project code or name -> its street; USCC or name ->
 * the enterprise, and its street when no project), numbers
 * (QX-YYYY-NNNNNN in the year of receipt), flags possible duplicates
 * (same employer or project within clue_duplicate_days) and writes the
 * clue, its workers, its links, the "create" event and the audit row in
 * one transaction. Role: case_clue.create_roles (a street officer's clue
 * goes to his street). A public filing has c->who->actor "public". */
case_rc clue_create(db *d, const clue_intake *in, const case_ctx *c, clue_created *out,
		    char *err, size_t errlen);

/* What a reporter sees with number + query code, and nothing else. */
typedef struct clue_public_view {
	char number[48];
	char received_date[11];
	char state[24];             /* code; a return shows as "handling" */
	const char *state_zh;       /* in the reporter's words: 已接收，待转办 ... 已办结 */
	char updated[11];           /* the day of the last change */
	char reply[1024];           /* the bureau's reply, once the review passed */
	int concluded;              /* passed (or merged) */
	char merged_into[48];
} clue_public_view;

/* Looks up number with code (compared by hash, in constant time). Returns
 * 1 found, 0 not found or wrong code (indistinguishable), -1 on error. */
int clue_public_get(db *d, const char *number, const char *code, clue_public_view *out);

/* The statistics of a year (cases.md, "Figures"): received = clues
 * received in the year; resolved = clues with a pass review decision in
 * the year; pass_rate = pass decisions / all review decisions in the year
 * (basis points, exact: 9713 = 97.13 %; -1 without decisions); workers and
 * amount = sums over the resolved clues; overdue = open clues overdue on
 * today. By street, by month, by conclusion type (of the resolved). */
#define CLUE_STATS_STREETS 64
typedef struct clue_stats_row {
	char street[64];
	int64_t received, resolved, decisions, passes, workers, amount_fen, overdue;
	int64_t pass_rate_bp;       /* passes / decisions, basis points; -1 without */
} clue_stats_row;
typedef struct clue_stats {
	int year;
	int64_t received, resolved, decisions, passes, workers, amount_fen, overdue;
	int64_t pass_rate_bp;
	clue_stats_row month[12];             /* street "" ; month i+1 */
	clue_stats_row street[CLUE_STATS_STREETS];
	int nstreets;
	int64_t by_conclusion[11];            /* [1..10]: resolved clues of that type */
} clue_stats;
/* street NULL: all the scope sees; every row's pass_rate_bp filled.
 * Returns 0 or -1 (err). */
int clue_stats_year(db *d, int year, const char *street, const rec_scope *scope, day_t today,
		    clue_stats *out, char *err, size_t errlen);

/* The year's totals of s as one row (street "", the year's pass rate). */
void clue_stats_total(const clue_stats *s, clue_stats_row *out);
/* A pass rate in basis points as people read it, "97.13" (two decimals),
 * or "" when bp < 0 (no decisions). */
void clue_rate_text(int64_t bp, char out[24]);

#endif
