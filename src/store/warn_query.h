/*
 * warn_query.h - the warning centre's reads (the HTTP API's lists, pages,
 * counts and charts): warnings filtered, sorted and paged, always within a
 * caller's scope (rec_scope: a street officer's street, an enterprise's
 * projects - the one definition of record.c); the open counts by level,
 * rule and street; raised / eliminated per day or month from the history.
 *
 * The engine's own reads and writes stay in warn_store.c; nothing here
 * writes.
 */
#ifndef ANXIN_WARN_QUERY_H
#define ANXIN_WARN_QUERY_H

#include <stdint.h>

#include "store/db.h"
#include "store/record.h"
#include "store/stats.h"
#include "store/warn_store.h"

typedef struct wq_filter {
	int64_t id;            /* one warning (0 = any) */
	const char *status;    /* "open" (待处置 + 处置中), "handling", "review" (待复核),
				  "eliminated", NULL all */
	const char *open_on;   /* YYYY-MM-DD: open on that day (raised on or before it, not
				  eliminated by then) - instead of status */
	const char *level, *rule, *street, *project, *period, *assignee;
	const char *enterprise; /* USCC: warnings it is responsible for, or of
				   projects it owns, contracts or employs on */
	const char *raised_from, *raised_to;   /* YYYY-MM-DD, inclusive */
	const char *sort;      /* a key of warn_query_sort_ok, "-" prefix = descending;
				  NULL = the default order (warn_query_list) */
	/* 我的待办 of user todo_user (NULL = no such condition): live warnings
	 * assigned to it, plus (todo_unassigned) the unassigned ones, plus
	 * (todo_review) those waiting for a 复核 someone else asked for. */
	const char *todo_user;
	int todo_unassigned, todo_review;
	int64_t offset, limit; /* limit 0 = all */
	rec_scope scope;
} wq_filter;

typedef struct wq_row {
	ws_warning w;          /* project_name / enterprise_name filled */
	int64_t project_id;    /* projects.id, 0 when the project is gone */
	const char *project_street;
	const char *assignee_name; /* the assignee's display name (its user name if none) */
} wq_row;

/* Whether sort names a sortable column (level, rule, project_code,
 * period, street, status, raised_on, updated_on, eliminated_on, id). */
int warn_query_sort_ok(const char *sort);
/* The number of warnings matching f (offset / limit ignored), or -1. */
int64_t warn_query_count(db *d, const wq_filter *f);
/* Calls cb for each matching warning in f->sort's order, or without one
 * the default order: level (red first), rule, project code, period, id.
 * The row is valid during the call. Returns the number of rows, or -1. */
int64_t warn_query_list(db *d, const wq_filter *f, void (*cb)(void *, const wq_row *), void *ctx);

/* One row per project of the warnings matching f (its sort ignored):
 * severity first (most red, then orange), then most warnings. */
typedef struct wq_project {
	const char *project_code, *project_name, *street, *latest_raised;
	int64_t project_id, n, red, orange, yellow;
} wq_project;
/* The number of projects with a warning matching f, or -1. */
int64_t warn_query_project_count(db *d, const wq_filter *f);
/* Calls cb per project (f's offset / limit page the projects); the number
 * of rows, or -1. */
int64_t warn_query_by_project(db *d, const wq_filter *f, void (*cb)(void *, const wq_project *),
			      void *ctx);

/* The history of warning id, oldest first. Returns 0 or -1. */
int warn_query_events(db *d, int64_t id, void (*cb)(void *, const ws_event *), void *ctx);

/* Open (待处置 + 处置中) warnings within s grouped by col ("level", "rule"
 * or "street"): columns key, n; most first. */
int warn_query_open_by(db *d, const rec_scope *s, const char *col, stats_table *out);
/* Raised and eliminated warnings (from their history) per day (monthly = 0,
 * key YYYY-MM-DD) or month (key YYYY-MM) with from <= on_date <= to:
 * columns key, raised, eliminated, eliminated_manual. Only keys with events. */
int warn_query_trend(db *d, const rec_scope *s, const char *from, const char *to, int monthly,
		     stats_table *out);
/* Warnings within s open on as_of - raised on or before it and not
 * eliminated by then (the history as the scans recorded it) - by level:
 * [0] yellow, [1] orange, [2] red. */
int warn_query_open_on(db *d, const rec_scope *s, const char *as_of, int64_t counts[3]);
/* Open warnings within s by level: [0] yellow, [1] orange, [2] red. */
int warn_query_open_counts(db *d, const rec_scope *s, int64_t counts[3]);

/* The status of warning id as the API reports it ("review" while a 复核 is
 * pending, else its status) into out; 0, or -1 when there is none. */
int warn_query_status(db *d, int64_t id, char out[16]);

#endif
