/*
 * warn_store.h - every SQL statement of the warning engine: the streams
 * the rules read (projects, accounts, transaction aggregates, deposits,
 * employments, the attendance aggregate, payroll, minimum wages), the
 * per-candidate look-ups, the dirty set and scan state, and the warnings
 * with their history.
 *
 * A stream calls its callback once per row; the row's strings are valid
 * during the call only. Streams can be restricted to a scope set with
 * warn_store_scope: the projects (WS_P) and/or months (WS_M) of temp tables
 * filled from the caller's lists, so an incremental scan reads only what
 * it re-evaluates. Reads run inside warn_store_read_begin/end (one
 * snapshot); lifecycle writes inside db_begin/db_commit, short.
 */
#ifndef ANXIN_WARN_STORE_H
#define ANXIN_WARN_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "store/db.h"

enum { WS_P = 1, WS_M = 2 }; /* restrict a stream to the scope's projects / months */

/* The scan's read transaction (a WAL snapshot, the file memory-mapped):
 * BEGIN / COMMIT. With twin, also a second connection on the same
 * snapshot when one can be had (db_read_begin_twin; *twin NULL if not).
 * DB_OK or a failure code. */
int warn_store_read_begin(db *d, db **twin);
int warn_store_read_end(db *d);
/* Fills the scope tables (temp.ws_p, temp.ws_m). Returns DB_OK or a
 * failure code. */
int warn_store_scope(db *d, const char *const *projects, size_t np,
		     const char *const *months, size_t nm);

typedef struct ws_project {
	const char *code, *name, *region_code, *street, *owner_uscc, *contractor_uscc;
	const char *contract_date, *start_date, *end_date, *status, *board_installed_date;
	int64_t contract_amount;
	int cycle, wage_day;
} ws_project;
typedef struct ws_account {
	const char *account_no, *project_code, *opened_date, *closed_date;
} ws_account;
typedef struct ws_txn_day {   /* txn_day: one account, day and kind */
	const char *account_no, *txn_date, *kind;
	int64_t amount, n;
} ws_txn_day;
typedef struct ws_deposit {
	const char *project_code, *deposit_no, *form, *deposit_date, *expiry_date, *released_date;
	int64_t amount;
} ws_deposit;
typedef struct ws_employment {
	const char *project_code, *worker_id_number, *employer_uscc, *entry_date, *exit_date,
		*contract_signed_date;
} ws_employment;
typedef struct ws_att {       /* att_month */
	const char *month, *project_code, *worker_id_number, *first_date, *last_date;
	int64_t days;
} ws_att;
typedef struct ws_wage {      /* wage_month */
	const char *period, *project_code, *worker_id_number, *last_date;
	int64_t amount, n;
} ws_wage;
typedef struct ws_pay {
	const char *project_code, *worker_id_number, *period, *employer_uscc, *paid_date, *channel;
	int64_t days_worked, amount_due, amount_paid; /* hundredths, fen, fen */
} ws_pay;
typedef struct ws_min_wage {
	const char *region_code, *effective_from;
	int64_t monthly;
} ws_min_wage;
typedef struct ws_txn {
	const char *account_no, *txn_id, *txn_date, *kind;
	int64_t amount;
} ws_txn;

/* Each returns 0, or -1 on a database error. flags: WS_P / WS_M. */
int warn_store_projects(db *d, int flags, void (*cb)(void *, const ws_project *), void *ctx);
int warn_store_accounts(db *d, int flags, void (*cb)(void *, const ws_account *), void *ctx);
/* Days up to as_of. */
int warn_store_txn_days(db *d, int flags, const char *as_of,
			void (*cb)(void *, const ws_txn_day *), void *ctx);
int warn_store_deposits(db *d, int flags, void (*cb)(void *, const ws_deposit *), void *ctx);
/* Employments with entry_date <= as_of. */
int warn_store_employments(db *d, int flags, const char *as_of,
			   void (*cb)(void *, const ws_employment *), void *ctx);
/* att_month, wage_month and payroll rows of one month (restricted by
 * projects when flags & WS_P), each ordered by (project_code, worker). */
int warn_store_att_month(db *d, int flags, const char *month,
			 void (*cb)(void *, const ws_att *), void *ctx);
/* att_month rows not covered by one employment, first_date <= as_of. */
int warn_store_att_uncovered(db *d, int flags, const char *as_of,
			     void (*cb)(void *, const ws_att *), void *ctx);
int warn_store_wage_month(db *d, int flags, const char *month,
			  void (*cb)(void *, const ws_wage *), void *ctx);
int warn_store_payroll_month(db *d, int flags, const char *month,
			     void (*cb)(void *, const ws_pay *), void *ctx);
/* The months that have payroll or attendance (ascending), restricted. */
int warn_store_months(db *d, int flags, void (*cb)(void *, const char *month), void *ctx);
int warn_store_min_wages(db *d, void (*cb)(void *, const ws_min_wage *), void *ctx);

/* Per candidate: attendance dates of (project, worker) in month up to
 * as_of; employment spans of (project, worker); wage transactions to
 * worker for period on the project's accounts up to as_of; the latest
 * labour-cost transaction of the project up to as_of. */
int warn_store_att_dates(db *d, const char *project, const char *worker, const char *month,
			 const char *as_of, void (*cb)(void *, const char *date), void *ctx);
int warn_store_emp_spans(db *d, const char *project, const char *worker,
			 void (*cb)(void *, const char *entry, const char *exit_), void *ctx);
int warn_store_wage_txns(db *d, const char *project, const char *worker, const char *period,
			 const char *as_of, void (*cb)(void *, const ws_txn *), void *ctx);
int warn_store_last_labor_cost(db *d, const char *project, const char *as_of,
			       void (*cb)(void *, const ws_txn *), void *ctx);

/* ---- scan bookkeeping ------------------------------------------------------ */

typedef struct ws_state {
	char last_as_of[11];  /* "" before the first scan */
	int need_full;
	int64_t seq;
} ws_state;
/* Reads the scan state into s. 0, or -1 on a database error. */
int warn_store_state(db *d, ws_state *s);
/* The dirty entries with seq <= max_seq. 0, or -1 on a database error. */
int warn_store_dirty(db *d, int64_t max_seq,
		     void (*cb)(void *, const char *project, const char *month, unsigned mask),
		     void *ctx);

typedef struct ws_scan_log {
	const char *as_of, *started_at;
	int full;
	double seconds;
	long projects, raised, updated, unchanged, eliminated;
} ws_scan_log;
/* In the write transaction: drops the consumed dirty entries (seq <=
 * max_seq), records as_of (and need_full = 0 after a full scan), logs the
 * scan with the open counts by level. DB_OK or a failure code. */
int warn_store_scan_done(db *d, const ws_scan_log *log, int64_t max_seq);

/* ---- warnings ---------------------------------------------------------------- */

typedef struct ws_warning {
	int64_t id;
	const char *rule, *project_code, *period, *level, *status, *enterprise_uscc, *street;
	const char *summary, *evidence, *raised_on, *updated_on, *eliminated_on, *eliminated_how;
	const char *eliminated_reason, *level_at_elimination, *assignee, *escalated_on;
	const char *project_name, *enterprise_name;   /* joined for display */
	const char *review_by, *review_on, *review_reason; /* pending 复核 ("" = none) */
	int suppressed;
	int64_t items;
} ws_warning;

typedef struct ws_event {
	int64_t id;
	const char *event, *on_date, *at, *actor, *level, *reason;
} ws_event;

/* The live warnings (not eliminated) and the suppressed ones, for the
 * lifecycle. */
int warn_store_live(db *d, void (*cb)(void *, const ws_warning *), void *ctx);

typedef struct ws_new {
	const char *rule, *project_code, *period, *level, *enterprise_uscc, *street, *summary,
		*evidence;
	int64_t items;
} ws_new;
/* Lifecycle writes; on_date is the scan's as-of (or the action's day), at
 * a UTC timestamp, actor "scan" or a person. Each returns DB_OK or a
 * failure code. */
int warn_store_raise(db *d, const ws_new *w, const char *on_date, const char *at);
int warn_store_update(db *d, int64_t id, const ws_new *w, const char *on_date, const char *at);
int warn_store_eliminate(db *d, int64_t id, const char *how, const char *reason,
			 const char *on_date, const char *actor, const char *at);
int warn_store_unsuppress(db *d, int64_t id);
int warn_store_assign(db *d, int64_t id, const char *to, const char *on_date,
		      const char *actor, const char *at);
int warn_store_escalate(db *d, int64_t id, const char *reason, const char *on_date,
			const char *actor, const char *at);
/* 督办: a "supervised" event with the note as its reason; the warning
 * itself is unchanged. */
int warn_store_supervise(db *d, int64_t id, const char *note, const char *on_date,
			 const char *actor, const char *at);

/* 复核 of a red warning's elimination (docs/warnings.md, "Working on
 * warnings"): request records who asked (actor), the day and the reason,
 * status 'handling', event review_requested; clear ends a pending request
 * with event ("review_confirmed" or "review_rejected", note as its reason).
 * Each returns DB_OK or a failure code. */
int warn_store_review_request(db *d, int64_t id, const char *reason, const char *on_date,
			      const char *actor, const char *at);
int warn_store_review_clear(db *d, int64_t id, const char *event, const char *note,
			    const char *on_date, const char *actor, const char *at);

/* An evidence file of a warning (table warning_files; the bytes are kept
 * by the caller, content-addressed by sha256). */
typedef struct ws_file {
	int64_t id, warning_id, size;
	const char *sha256, *name, *mime, *uploaded_by, *uploaded_at;
} ws_file;
/* Records file f of warning f->warning_id and its history event
 * (attached, reason = the file's name); *id = the new row's id. DB_OK or a
 * failure code. */
int warn_store_file_add(db *d, const ws_file *f, const char *on_date, int64_t *id);
/* Calls cb for the files of warning id in upload order (fid 0), or only
 * for its file fid. 0, or -1 on a database error. */
int warn_store_files(db *d, int64_t id, int64_t fid, void (*cb)(void *, const ws_file *),
		     void *ctx);

/* One warning (1 found, 0 not, -1 error), inside an action's transaction
 * (warn_act). The faces' lists, pages and counts are warn_query.h's. */
int warn_store_get(db *d, int64_t id, void (*cb)(void *, const ws_warning *), void *ctx);

#endif
