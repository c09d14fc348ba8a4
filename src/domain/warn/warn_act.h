/*
 * warn_act.h - the manual actions on a warning (消除 eliminate, 指派
 * assign, 转执法检查 escalate, and the 复核 of a red warning's elimination:
 * confirm / reject) as the HTTP API performs them: the change,
 * its warning_events row and its audit-log row in ONE transaction, so a
 * handled warning without its audit record cannot exist.
 *
 * The lifecycle writes themselves are warn_store.c's (the engine's); the
 * CLI's unaudited variants are warn_scan.c's warn_eliminate & co.
 */
#ifndef ANXIN_WARN_ACT_H
#define ANXIN_WARN_ACT_H

#include <stddef.h>
#include <stdint.h>

#include "domain/access/audit.h"
#include "store/db.h"
#include "util/date.h"

typedef enum { WA_ELIMINATE, WA_ASSIGN, WA_ESCALATE, WA_SUPERVISE, WA_CONFIRM, WA_REJECT } warn_action;

typedef enum {
	WA_OK = 0,
	WA_INVALID,      /* empty reason, unknown / unsuitable assignee: 422 */
	WA_GONE,         /* no such warning: 404 */
	WA_CLOSED,       /* already eliminated, or a 复核 pending / not pending: 409 */
	WA_DENIED,       /* a 复核 by the one who asked, or by a street officer: 403 */
	WA_DBERR         /* 500 */
} warn_act_rc;

/* "eliminate", "assign", "escalate", "supervise", "confirm", "reject". */
const char *warn_action_code(warn_action a);

/*
 * Applies action a to warning id on day on by who: eliminate needs a
 * reason (text) - a red warning is not eliminated but waits for 复核
 * (review_requested; the API's status "review"); confirm (an inspector or
 * administrator other than who asked; text an optional note) eliminates
 * it with the reason asked for; reject (same people; text the reason,
 * required) returns it to 处置中. assign needs a user name (text) of an enabled inspector,
 * or of a street officer of the warning's project's street; escalate takes
 * an optional note (default 转执法检查); supervise (督办, a leader's)
 * needs a note and changes nothing but the history, where the assignee
 * reads it. Writes the change, the history
 * event (actor who->actor) and an audit row (action warning_<a>, object
 * "warnings" / id, before / after status) in one transaction. Returns
 * WA_OK or the reason it refused, with a message in err.
 */
warn_act_rc warn_act(db *d, warn_action a, int64_t id, const char *text, const audit_actor *who,
		     int64_t now, day_t on, char *err, size_t errlen);

/* Whether role code (audit_actor.role) may confirm or reject a 复核. */
int warn_may_review(const char *role);

#endif
