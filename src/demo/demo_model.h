/*
 * demo_model.h - the in-memory model behind `anxin demo`, shared by
 * demo.c (which turns it into import rows), demo_model.c (which builds its
 * records) and demo_plan.c (violations and payroll). Internal to the
 * demo_* files: nothing else includes it. Below it: demo_names.h (the
 * tables and name generators) and demo_rng.h (the random numbers).
 *
 * Indices, not pointers, link the records (project -> enterprise,
 * employment -> project / worker / employer), so the arrays can grow.
 * A day_t of 0 (1970-01-01) means "no date" throughout.
 */
#ifndef ANXIN_DEMO_MODEL_H
#define ANXIN_DEMO_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "demo/demo.h"
#include "demo/demo_names.h"
#include "demo/demo_rng.h"
#include "util/date.h"

#define DEMO_MONTHS 6   /* calendar months of attendance before as-of's */

/* ---- the model --------------------------------------------------------- */

enum { DEMO_PLANNED, DEMO_ACTIVE, DEMO_SUSPENDED, DEMO_COMPLETED };
enum { DEMO_BANK, DEMO_CASH, DEMO_OTHER };

typedef struct demo_ent {
	char uscc[19];
	char name[160];
	int kind;            /* DEMO_OWNER ... */
	char region[7];
	int street;          /* index of demo_streets, -1 outside Binhai */
	char legal_rep[16];
	char phone[16];
	int union_est;
	int employees;
} demo_ent;

typedef struct demo_proj {
	char code[16];
	char name[224];
	char address[160];
	int street;
	int owner, contractor;      /* enterprise indices */
	int subs[4], nsubs;         /* subcontractors (labour) */
	int64_t amount;             /* contract amount, fen */
	day_t contract, start, planned_end, end, board;
	day_t stop;                 /* first day without attendance (0 = none) */
	int status;
	int wage_day, dep_day;      /* wages due / labour cost arrives */
	int bank;                   /* index of demo_banks for its account */
	day_t opened;               /* account opened (0 = no account) */
	char account[24];
	char officer[16], officer_phone[12];
	unsigned viol;              /* bit (1u << demo_violation) */
	int vmonth[DEMO_V_COUNT];   /* window month the violation hits */
	int vemployer[DEMO_V_COUNT];/* enterprise it concerns, -1 = all */
	int unpaid_n;               /* months unpaid from vmonth (1-2) */
	int e0, e1;                 /* its employments [e0, e1) */
} demo_proj;

typedef struct demo_worker {
	char id[19];
	char name[16];
	char phone[12];
	int bank;
	char card[20];
} demo_worker;

typedef struct demo_emp {
	int proj, worker, employer, team, trade;
	day_t entry, exit, signed_date;
	int monthly;                /* wage basis monthly (else daily) */
	int64_t rate;               /* fen per day or per month */
	int att_permille;           /* chance of working a Mon-Sat day */
} demo_emp;

/* One payroll row: employment e, window month. */
typedef struct demo_pay {
	int emp, month;
	int days;                   /* days as reported on the payroll */
	int64_t due, paid, bank_paid;  /* bank_paid: what the bank moved */
	day_t paid_date;
	int channel;
	int confirmed;
	unsigned viol;              /* violations this row carries */
} demo_pay;

/* Someone who clocks in on a project without being registered. */
typedef struct demo_ghost {
	int proj;
	char id[19];
	int month0, nmonths;
	int att_permille;
} demo_ghost;

typedef struct demo_model {
	demo_opts o;
	demo_rng rng;
	day_t as_of;
	day_t mfirst[DEMO_MONTHS + 2]; /* first day of window months 0..7;
					* [6] is as-of's month, [7] the next */
	int my[DEMO_MONTHS + 2], mm[DEMO_MONTHS + 2];
	demo_ent *ents;
	int nents;
	demo_proj *projs;
	int nprojs;
	demo_worker *workers;
	int nworkers;
	demo_emp *emps;
	int nemps;
	demo_pay *pays;
	int npays;
	demo_ghost *ghosts;
	int nghosts;
	demo_stats *st;
} demo_model;

/* demo_model.c */
/* Open-addressing set of the 17-digit ID stems, for uniqueness. */
typedef struct demo_idset {
	uint64_t *v;
	size_t mask;
} demo_idset;
/* A GB 11643 number for someone aged 18-62 on as_of, unique in s. */
void demo_make_id(demo_model *m, demo_idset *s, int female, char out[19]);
/* The window month (0..6) holding day d, or -1 outside the window. */
int demo_month_index(const demo_model *m, day_t d);
/* Builds the records of the model from m->o (m zeroed but for o and st):
 * enterprises, projects, workers and employments, and the set of the ID
 * stems drawn (ids->v allocated here, freed by the caller). Seeds m->rng;
 * demo_plan_build draws on from where it stops. Frees with
 * demo_model_free. */
void demo_model_build(demo_model *m, demo_idset *ids);
void demo_model_free(demo_model *m);
/* The attendance of employment e in window month i: bit (day - 1) set for
 * each day worked, hours (hundredths) in hours[day - 1]. Deterministic in
 * (seed, e, i), so the attendance and payroll passes agree. */
uint32_t demo_att_month(const demo_model *m, int e, int i, int hours[31]);
/* The same for ghost g. */
uint32_t demo_ghost_month(const demo_model *m, int g, int i, int hours[31]);
/* Day wage_day (clamped) of window month i + 1: the pay deadline of i. */
day_t demo_deadline(const demo_model *m, const demo_proj *p, int i);
/* Day dep_day of window month i (0..6), clamped. */
day_t demo_month_day(const demo_model *m, int i, int day);

#endif
