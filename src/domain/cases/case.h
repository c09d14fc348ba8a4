/*
 * case.h - the case engine (案件引擎): one mechanism for every kind of case
 * (clues now; inspections and disputes next), driven by the declarations
 * of case_type.h.
 *
 * Every change is one transaction: the case's row, its history event
 * (case_events: who, when, from, to, why) and an audit-log row commit
 * together or not at all. A transition not allowed for the caller's role
 * or for the case's state is refused with a message that says which; a
 * retried request (the same request key) is answered as the first one was
 * and changes nothing. A case outside the caller's scope does not exist for
 * it (CASE_GONE, as an unknown number).
 *
 * The HTTP API (src/http/api_cases.c, api_public.c) and the CLI
 * (src/cli/cli_clues.c, cli_cases.c) call these same functions; the CLI
 * acts as the operator of the machine (role check skipped, state machine
 * kept) and is audited as cli:USER.
 */
#ifndef ANXIN_CASE_H
#define ANXIN_CASE_H

#include <stddef.h>
#include <stdint.h>

#include "domain/access/audit.h"
#include "domain/cases/case_type.h"
#include "store/db.h"
#include "util/date.h"

typedef enum case_rc {
	CASE_OK = 0,
	CASE_INVALID,    /* a missing / bad argument, a calendar year unknown: 422 */
	CASE_GONE,       /* no such case in the caller's scope: 404 */
	CASE_STATE,      /* not allowed from the case's state: 409 */
	CASE_DENIED,     /* not allowed for the caller's role: 403 */
	CASE_LIMIT,      /* too many / too large (attachments): 413 */
	CASE_DBERR       /* 500 */
} case_rc;

/* Who acts, when, and as which request. */
typedef struct case_ctx {
	const audit_actor *who;   /* actor ("alice", "cli:root", "public"), role, address */
	role_id role;             /* the role whose transitions apply */
	int operator;             /* the CLI: every transition of the state machine */
	rec_scope scope;          /* the caller's row scope */
	int64_t now;              /* Unix seconds (history, audit) */
	day_t today;              /* the as-of day: deadlines start and are judged on it */
	const char *request_key;  /* idempotency key of the request, or NULL */
} case_ctx;

/* The arguments of a transition (each as text; NULL = not given). */
typedef struct case_args {
	const char *reason;           /* return: required; any other: a note */
	const char *street;           /* transfer: the street it goes to */
	const char *target;           /* merge: the surviving case's number */
	/* clue, conclude (核处结论): */
	const char *conclusion;       /* "1".."10" */
	const char *workers_resolved; /* integer >= 0 */
	const char *amount_resolved;  /* yuan, e.g. "12000.50" */
	const char *paid_by;          /* employer | contractor | deposit | emergency */
	const char *reply;            /* the reply to the reporter */
} case_args;

/* What a transition did. */
typedef struct case_outcome {
	char from[24], to[24];
	char deadline[11];            /* the deadline running now, "" none */
	int replayed;                 /* 1: the request key was seen; nothing changed */
} case_outcome;

/*
 * Applies action to case number of type t as c. Order of checks: the case
 * in scope (else CASE_GONE), the request key (a replay answers CASE_OK with
 * replayed set), the action known (CASE_INVALID), the role (CASE_DENIED,
 * unless c->operator), the state (CASE_STATE), the arguments (CASE_INVALID);
 * then the new state, its deadline (from c->today), the type's fields
 * (hooks), the history event and the audit row (action case_<action>,
 * object the type's kind / number, before / after state) in one
 * transaction.
 */
case_rc case_act(db *d, const case_type *t, const char *number, const char *action,
		 const case_args *a, const case_ctx *c, case_outcome *out, char *err, size_t errlen);

/* ---- reading ------------------------------------------------------------ */

/* The engine's view of one case (strings owned by the row; valid during a
 * callback, or until case_row_free for case_get). */
typedef struct case_row {
	const case_type *type;
	int64_t id;                  /* the kind's row id */
	char number[48], state[24], street[64], opened[11];
	const char *state_zh;
	char state_date[11];         /* "" unknown (imported) */
	char deadline[11];           /* "" none */
	const char *deadline_code;   /* "conclude", NULL none */
	char deadline_basis[200];    /* how it was set: "转办期限：接收后1个工作日(...)" */
	int days_left;               /* calendar days to the deadline (negative: overdue) */
	int workdays_left;           /* working days to it (0 on the day, negative: overdue) */
	int days_overdue;            /* calendar days past it, 0 when not overdue */
	int returns;
	char merged_into[48];        /* "" none */
	char *duplicates;            /* possible duplicates' numbers, space separated ("") */
	kind_val *vals;              /* the kind's fields (case_kind(t)->nfields), stored forms */
	/* the type's own columns that are not exchanged (clue: description,
	 * site_address, paid_by, reply), NULL when empty */
	char *description, *site_address, *paid_by, *reply;
} case_row;

void case_row_free(case_row *r);

/* Loads case number of type t within scope into out (case_row_free).
 * Deadline figures as of today. Returns 1 found, 0 not (or out of scope),
 * -1 on a database or calendar error. */
int case_get(db *d, const case_type *t, const char *number, const rec_scope *scope, day_t today,
	     case_row *out);

/* A list of cases: a box, filters, paging. */
typedef struct case_filter {
	const char *box;      /* "transfer" | "handle" | "review" | "overdue" | "open" |
				 "closed" | NULL/"all" */
	const char *state;    /* a state code, or NULL */
	const char *street;   /* or NULL */
	const char *q;        /* number, employer or reporter name contains, or NULL */
	const char *from, *to;/* opened on or after / on or before (dates), or NULL */
	int64_t offset, limit;/* limit 0 = all */
} case_filter;

typedef void (*case_row_cb)(void *ctx, const case_row *r);
/* Calls cb for every case of t in scope matching f, oldest deadline first
 * (then number); *total (may be NULL) gets the count before paging.
 * Returns the rows visited or -1 (database or calendar error: err). */
int64_t case_list(db *d, const case_type *t, const case_filter *f, const rec_scope *scope,
		  day_t today, int64_t *total, case_row_cb cb, void *ctx, char *err, size_t errlen);

/* Counts per box for the inbox tabs (待转办 / 待核处 / 待审核 / 逾期). */
typedef struct case_box_counts {
	int64_t transfer, handle, review, overdue, open, closed;
} case_box_counts;
int case_boxes(db *d, const case_type *t, const rec_scope *scope, day_t today,
	       case_box_counts *out, char *err, size_t errlen);

/* Every overdue case of every type in scope as of today, most overdue
 * first: `anxin cases overdue` and GET /api/v1/cases/overdue. */
int64_t case_overdue(db *d, const rec_scope *scope, day_t today, case_row_cb cb, void *ctx,
		     char *err, size_t errlen);

/* One event of a case's history. */
typedef struct case_event {
	int64_t id;
	const char *at, *on_date, *actor, *role, *action, *from_state, *to_state, *reason,
		*detail;
} case_event;
/* The history of a case, oldest first (scope checked by the caller
 * through case_get). Returns the rows or -1. */
int64_t case_events(db *d, const case_type *t, const char *number,
		    void (*cb)(void *ctx, const case_event *e), void *ctx);

/* A worker a case is about. */
typedef struct case_party {
	const char *name, *id_number, *phone;
} case_party;
int64_t case_parties(db *d, const case_type *t, const char *number,
		     void (*cb)(void *ctx, const case_party *p), void *ctx);

/* A link: to another case ("clue" and its number) or to a warning. */
typedef struct case_link {
	const char *target_type, *target, *relation, *at;
} case_link;
int64_t case_links(db *d, const case_type *t, const char *number,
		   void (*cb)(void *ctx, const case_link *l), void *ctx);
/* Links case number to target (another case or a warning: the hook by
 * which a warning's 转执法检查 will open an inspection), in the caller's
 * transaction. Returns DB_OK or a DB_* code. */
int case_link_add(db *d, const case_type *t, const char *number, const char *target_type,
		  const char *target, const char *relation, int64_t now);

/* N of deadline dl: its audited parameter, or its default when the
 * parameter is missing or unreadable. */
int case_deadline_days(db *d, const case_deadline *dl);

/* The transitions c may take on case r now (its role and r's state):
 * calls cb with each. */
void case_allowed(const case_row *r, const case_ctx *c,
		  void (*cb)(void *ctx, const case_transition *tr), void *ctx);

/* ---- attachments --------------------------------------------------------- */

#define CASE_FILE_MAX (10 * 1024 * 1024)   /* bytes per file */
#define CASE_FILES_MAX 20                  /* files per case */

typedef struct case_file {
	int64_t id;
	const char *sha256, *name, *mime, *uploaded_by, *uploaded_at;
	int64_t size;
} case_file;

/*
 * Attaches the file at path (a temp file of the upload) to case number
 * under name (kept in file_store_clean_name's form), as c: checks scope
 * (CASE_GONE), a final state (CASE_STATE: a closed case takes no more
 * files), size (CASE_LIMIT, also beyond CASE_FILES_MAX files), type by
 * content (file_store_sniff; CASE_INVALID); stores the bytes
 * content-addressed beside the database (store/file_store.h) and writes the
 * case_files row, an "attach" history event and the audit row in one
 * transaction. *id gets the file's id.
 */
case_rc case_attach(db *d, const case_type *t, const char *number, const char *path,
		    const char *name, const case_ctx *c, int64_t *id, char *err, size_t errlen);
int64_t case_files(db *d, const case_type *t, const char *number,
		   void (*cb)(void *ctx, const case_file *f), void *ctx);
/* Opens attachment id of case number for reading if the case is in scope:
 * the descriptor (caller closes), *f filled (strings valid until the next
 * call in this thread). -1 when not found or not in scope. */
int case_file_open(db *d, const case_type *t, const char *number, int64_t id,
		   const rec_scope *scope, case_file *f);

#endif
