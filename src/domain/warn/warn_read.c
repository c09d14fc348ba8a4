/*
 * warn_read.c - the warning centre's reads for the API and the CLI (see
 * warn_read.h). A thin layer on purpose: the faces reach the warnings
 * table only through these calls, so a second face (or a second backend)
 * cannot grow its own query and its own order again.
 */
#include "domain/warn/warn_read.h"

int64_t warn_count(db *d, const wq_filter *f)
{
	return warn_query_count(d, f);
}

int64_t warn_list(db *d, const wq_filter *f, void (*cb)(void *, const wq_row *), void *ctx)
{
	return warn_query_list(d, f, cb, ctx);
}

int warn_history(db *d, int64_t id, void (*cb)(void *, const ws_event *), void *ctx)
{
	return warn_query_events(d, id, cb, ctx);
}
