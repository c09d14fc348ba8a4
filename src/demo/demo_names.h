/*
 * demo_names.h - the tables of `anxin demo` and the generators that draw
 * names, numbers and addresses from them (demo_names.c). Knows the random
 * numbers (demo_rng.h) and nothing of the model. Internal to the demo_*
 * files.
 */
#ifndef ANXIN_DEMO_NAMES_H
#define ANXIN_DEMO_NAMES_H

#include <stddef.h>

#include "demo/demo_rng.h"

/* An enterprise's part in a project, which its name tells. */
enum { DEMO_OWNER, DEMO_CONTRACTOR, DEMO_SUB };

typedef struct demo_street {
	const char *name;     /* 新港街道 */
	const char *short_;   /* 新港 */
	int weight;           /* share of projects */
} demo_street;
extern const demo_street demo_streets[];
extern const int demo_nstreets;

typedef struct demo_bank {
	const char *name;     /* 中国工商银行 */
	const char *bin;      /* UnionPay-style 6-digit prefix (illustrative) */
	const char *acct;     /* account number prefix */
	int weight;
} demo_bank;
extern const demo_bank demo_banks[];
extern const int demo_nbanks;

typedef struct demo_team {
	const char *team;     /* 木工班 */
	const char *trade[2]; /* 木工 */
	int lo, hi;           /* daily rate range, yuan */
	int weight;
} demo_team;
extern const demo_team demo_teams[];
extern const int demo_nteams;

/* A person's name (surname + 1-2 characters) into out (>= 16 bytes). */
void demo_person_name(demo_rng *r, int female, char *out, size_t n);
/* An 11-digit mobile number into out (>= 12 bytes). */
void demo_mobile(demo_rng *r, char *out);
/* A 022 landline into out (>= 16 bytes). */
void demo_landline(demo_rng *r, char *out);
/* The 6-digit home region of a migrant worker (GB/T 2260). */
const char *demo_home_region(demo_rng *r);
/* An enterprise name of the given kind (DEMO_OWNER ...); attempt > 0
 * asks for a rarer variant after a duplicate. *gov is set when the owner
 * is a public body (its USCC then starts "12"). */
void demo_ent_name(demo_rng *r, int kind, int attempt, int *gov, char *out,
		   size_t n);
/* A project name and address for street st into out / addr. */
void demo_project_name(demo_rng *r, int st, int seq, char *out, size_t n,
		       char *addr, size_t an);
/* A branch name of bank b ("中国建设银行天津塘沽支行"). */
void demo_branch_name(demo_rng *r, int b, char *out, size_t n);
/* The issuer of a guarantee (bank) or insurance policy. */
const char *demo_insurer(demo_rng *r);

#endif
