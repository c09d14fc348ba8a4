/*
 * cli_case.h - what the case commands share (`anxin clues`, cli_clues.c
 * and cli_clues_read.c; `anxin cases`, cli_cases.c): the CLI as the
 * operator of the case engine (domain/cases/case.h) - its context, the
 * output formats, and the JSON form of a case row. cli_case_common.c
 * holds them. Nothing here decides anything about a case: the engine
 * does, for the CLI exactly as for the API.
 */
#ifndef ANXIN_CLI_CASE_H
#define ANXIN_CLI_CASE_H

#include "domain/cases/case.h"
#include "util/buf.h"

enum { CF_TABLE, CF_CSV, CF_JSON };

/* One run of a case command: the database, who acts and on which day. */
typedef struct cli_case_run {
	const char *cmd;        /* "clues", "cases": the prefix of messages */
	db *d;
	char actor[128];        /* "cli:USER" */
	audit_actor who;        /* {actor, "cli", ""} */
	rec_scope scope;        /* the whole district */
	case_ctx ctx;           /* operator = 1, role admin, today = --as-of */
	int fmt;                /* CF_* */
} cli_case_run;

/*
 * Fills run for command cmd: the actor from actor_opt (cli_actor), the
 * as-of day from as_of (YYYY-MM-DD; NULL: today in Asia/Shanghai), the
 * format from format (table|csv|json; NULL: table), the request key. Does
 * not open the database. Returns 0, or prints what is wrong and returns -1.
 */
int cli_case_init(cli_case_run *run, const char *cmd, const char *actor_opt, const char *as_of,
		  const char *format, const char *request_key);

/* The Chinese name of state code of t ("" when unknown). */
const char *cli_case_state_zh(const case_type *t, const char *code);
/* The stored text of the kind field key of r ("" when absent or unknown);
 * tmp holds numbers' text. */
const char *cli_case_val(const case_row *r, const char *key, char tmp[32]);

/* Appends case r as the API's CASEROW (api_case_row_json, personal
 * fields masked): the kind's fields as GET /api/v1/<kind> gives them plus
 * the engine's state, deadline, returns, merged_into, duplicates... */
void cli_case_row_json(buf *b, const case_row *r);


/* The reading subcommands of `anxin clues` (cli_clues_read.c), each
 * printing in run->fmt and returning an exit status:
 * list - the clues of a box / filter, oldest deadline first (JSON: the
 *        API's {"total","boxes","items"});
 * show - one clue with its workers, files, links, history, deadlines and
 *        the actions open to the operator;
 * stats - the figures of a year (clue_stats_year), street NULL: all. */
int cli_clues_list(cli_case_run *run, const case_filter *f);
int cli_clues_show(cli_case_run *run, const char *number);
int cli_clues_stats(cli_case_run *run, int year, const char *street);

#endif
