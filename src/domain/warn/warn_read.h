/*
 * warn_read.h - the warning centre's reads, one call per question, used by
 * both faces: the HTTP API (api_warn.c) and the CLI (`anxin warnings`).
 * Each is one query of store/warn_query.c, so the two faces list the same
 * warnings in the same order from the same SQL (docs/warnings.md, "One
 * order"). Nothing here writes; the actions are warn_act.h's.
 */
#ifndef ANXIN_WARN_READ_H
#define ANXIN_WARN_READ_H

#include <stdint.h>

#include "store/db.h"
#include "store/warn_query.h"

/* The number of warnings matching f (offset / limit ignored), or -1. */
int64_t warn_count(db *d, const wq_filter *f);
/* Calls cb for each warning matching f, in f->sort's order or, without
 * one, the one default order: red, orange, yellow; then rule, project
 * code, period, id. The row is valid during the call. Returns the number
 * of rows, or -1 (a database error). */
int64_t warn_list(db *d, const wq_filter *f, void (*cb)(void *, const wq_row *), void *ctx);
/* The history of warning id (raised, updated, assigned, escalated,
 * eliminated), oldest first. Returns 0 or -1. The caller has checked that
 * the warning is within its scope (warn_list with f->id). */
int warn_history(db *d, int64_t id, void (*cb)(void *, const ws_event *), void *ctx);

#endif
