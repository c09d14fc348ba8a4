/*
 * case_type.h - a case type (案件类型) as data: the one declaration the case
 * engine (case.h) reads to number, route, move, time and show a case.
 *
 * A case type names its exchange kind (domain/records/kinds.c), whose
 * table holds one row per case: the kind's fields (imported, exported,
 * listed, filtered and in OpenAPI like any kind's) and the columns every
 * case table has for the engine (state_date, deadline, deadline_basis,
 * returns, merged_into, query_hash, opened_at, opened_by: see
 * src/store/sqlite/0008_cases.sql). The history, parties, links,
 * attachments and numbers of every type share the case_* tables.
 *
 * A new type (inspection, dispute) is a declaration like case_clue.c's,
 * its kind and its migration - and its own screens - never a copy of the
 * engine. docs/cases.md draws the clue's machine.
 */
#ifndef ANXIN_CASE_TYPE_H
#define ANXIN_CASE_TYPE_H

#include "domain/access/role.h"
#include "domain/records/kind.h"

/* How a deadline counts: working days of the official calendar (the
 * warnings' arithmetic, basis/calendar.h), or calendar days by the law's
 * period rule (the first day not counted; a period ending on a day off
 * ends on the next working day). */
typedef enum { CASE_WORKDAYS, CASE_CALDAYS } case_unit;

/* A deadline: how long a state may last, from which event, on what basis. */
typedef struct case_deadline {
	const char *code;       /* "transfer" */
	const char *zh;         /* "转办期限" */
	const char *param;      /* the audited parameter holding N (params.h) */
	int dflt;               /* N when the parameter is missing */
	case_unit unit;
	const char *event_zh;   /* the event it counts from: "接收" */
	const char *basis;      /* the rule, shown beside the date */
	const char *start_col;  /* for a row that came by import (no engine
				   history): the column holding the event's
				   date, or NULL (no deadline shown) */
} case_deadline;

/* A state. Entering a state whose deadline differs from the one running
 * starts that deadline on the day of the transition; a state with the same
 * deadline keeps it running (the street's 签收 does not restart the 15
 * days of 核处). */
typedef struct case_state {
	const char *code;       /* "received": stored in the kind's state column */
	const char *zh;         /* "已接收" */
	const char *deadline;   /* the deadline running in it (a code), or NULL */
	const char *box;        /* the inbox it is in: "transfer" 待转办, "handle"
				   待核处, "review" 待审核, or NULL (closed) */
	int final;              /* no transition leaves it; not open */
} case_state;

/* What a transition needs from its caller (case_args). */
enum {
	CT_REASON = 1,      /* a non-empty reason */
	CT_STREET = 2,      /* the street the case goes to */
	CT_TARGET = 4,      /* another case's number (merge) */
	CT_FIELDS = 8,      /* the type's own fields (hooks->apply validates) */
	CT_RETURN = 16      /* counts as a return (case_row.returns) */
};

/* A transition: an action some roles may take from some states. */
typedef struct case_transition {
	const char *action;     /* "transfer": the API's and the CLI's word */
	const char *zh;         /* "转办" */
	const char *from;       /* the states it leaves, space separated */
	const char *to;         /* the state it enters */
	unsigned roles;         /* CASE_ROLE(ROLE_INSPECTOR) | ... */
	unsigned needs;         /* CT_* */
} case_transition;

#define CASE_ROLE(r) (1u << (r))

struct case_ctx;
struct case_args;

/* What data cannot say: the type's own fields on intake and transitions. */
typedef struct case_hooks {
	/* Validates a and writes the type's own columns of case number for
	 * action (inside the transition's transaction, after the state
	 * changed). Returns 0, or -1 with a message (CASE_INVALID) - or -2
	 * on a database error. */
	int (*apply)(db *d, const char *number, const case_transition *t, const struct case_args *a,
		     const struct case_ctx *c, char *err, size_t errlen);
} case_hooks;

typedef struct case_type {
	const char *code;       /* "clue" */
	const char *zh;         /* "欠薪线索" */
	const char *prefix;     /* "QX": numbers {prefix}-{year}-{seq:06d} */
	const char *kind;       /* its kind's name ("clues": table, fields, scope) */
	const char *state_col;  /* the kind's column holding the state */
	const char *opened_col; /* the day the case was opened (a date column) */
	const char *street_col; /* the street that handles it (routing, scope) */
	const char *initial;    /* the state of a new case */
	unsigned create_roles;  /* who may open one */
	const case_state *states;
	int nstates;
	const case_transition *trans;
	int ntrans;
	const case_deadline *deadlines;
	int ndeadlines;
	const case_hooks *hooks;
	/* Its own columns that are not exchanged, read into case_row's
	 * description, site_address, paid_by and reply (NULL: none). */
	const char *text_cols[4];
	/* Date columns a deadline of an imported row starts from
	 * (case_deadline.start_col), NULL-ended: read with the row. */
	const char *start_cols[4];
} case_type;

/* Every case type, NULL-terminated (case_types.c). */
extern const case_type *const CASE_TYPES[];

/* The type whose code is code ("clue"), or NULL. */
const case_type *case_type_find(const char *code);
/* The state whose code is code, or NULL. */
const case_state *case_state_find(const case_type *t, const char *code);
/* The transition of action, or NULL. */
const case_transition *case_trans_find(const case_type *t, const char *action);
/* The deadline of code, or NULL. */
const case_deadline *case_deadline_find(const case_type *t, const char *code);
/* The kind of t (its descriptor, from kinds.c). */
const kind *case_kind(const case_type *t);
struct case_tbl;
/* What the store is told of t: names of its table and columns. */
void case_tbl_of(const case_type *t, struct case_tbl *out);
/* The Chinese name of a history event's action: a transition's ("转办"), or
 * one of the engine's own events ("create" 登记, "attach" 上传附件,
 * "merged" 被合并); the code itself when unknown. */
const char *case_action_zh(const case_type *t, const char *action);
/* Whether transition tr leaves state. */
int case_trans_from(const case_transition *tr, const char *state);

#endif
