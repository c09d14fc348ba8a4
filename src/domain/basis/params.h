/*
 * params.h - the parameters of the warning rules (warning-rules.md,
 * "Regional parameters"): typed, validated, exact (a ratio is a fraction
 * of integers, a tolerance integer fen, 21.75 integer hundredths).
 *
 * param_set is the one place where a parameter changes: it validates,
 * records who changed it (param_changes) and asks for a full scan. The
 * audit log of the access-control issue hooks in there.
 */
#ifndef ANXIN_PARAMS_H
#define ANXIN_PARAMS_H

#include <stddef.h>
#include <stdint.h>

#include "store/db.h"
#include "store/param_store.h"

typedef struct warn_params {
	int64_t deposit_num, deposit_den;   /* deposit_ratio = num / den */
	int account_days;                   /* NO_ACCOUNT: contract_date + N days */
	int deposit_workdays;               /* NO_DEPOSIT: N working days */
	int board_days;                     /* NO_BOARD: start_date + N days */
	int contract_days;                  /* NO_CONTRACT: entry_date + N days */
	int mismatch_days;                  /* DAYS_MISMATCH tolerance (days) */
	int lookback;                       /* months before the month of D */
	int64_t bank_tolerance;             /* BANK_MISMATCH, fen */
	int red_workers, red_months;        /* WAGE_UNPAID red thresholds */
	int64_t month_days;                 /* 21.75 as hundredths: 2175 */
} warn_params;

/* The defaults of warning-rules.md. */
void param_defaults(warn_params *p);
/* Calls cb for every parameter (key, value, default, description, last
 * change) in the table's order: the one read behind `anxin params` and
 * GET /api/v1/params. Returns 0 or -1. */
int param_list(db *d, void (*cb)(void *ctx, const param_row *r), void *ctx);
/* Whether key names a parameter (the catalogue, not the table). */
int param_known(const char *key);
/* Reads the table into p. Returns 0, or -1 with a message. */
int param_load(db *d, warn_params *p, char *err, size_t errlen);
/* The integer parameter key (a case deadline's N) into *out: dflt when the
 * table has no row. Returns 0, or -1 with a message (unknown key, a stored
 * value out of range). */
int param_int(db *d, const char *key, int dflt, int *out, char *err, size_t errlen);
struct audit_actor;
/*
 * Validates value for key and applies it in one transaction: the new
 * value, a param_changes row (old -> new, who, when) and, when who is
 * given, an audit-log row (action param_set). Returns 0, or -1 with a
 * message (unknown key, bad value, database).
 */
int param_set(db *d, const char *key, const char *value, const struct audit_actor *who,
	      char *err, size_t errlen);

/* How a parameter is shown to people (issue 8): its Chinese name, the unit
 * people think in ("%" for a ratio stored as 0.01, "天", "元" ...) and an
 * explanation of what it changes. NULL for an unknown key. */
typedef struct param_meta {
	const char *key, *name, *unit, *explanation;
	int percent;   /* stored as a ratio, shown and typed as a percentage */
} param_meta;
const param_meta *param_meta_find(const char *key);
/* The display form of a stored value into out: "0.015" -> "1.5" for a
 * percentage, else as stored. */
void param_to_display(const param_meta *m, const char *value, char *out, size_t outlen);
/* The stored form of a typed display value ("1.5" % -> "0.015"); 0 when it
 * is not a plain decimal number (the value is then validated as usual). */
int param_from_display(const param_meta *m, const char *display, char *out, size_t outlen);

#endif
