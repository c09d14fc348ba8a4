/*
 * api_case_json.c - what the case endpoints (api_cases.c, api_case_files.c,
 * api_case_stats.c, api_public.c) share: a case as JSON, the engine's
 * context of a request, and the statuses of the engine's answers
 * (docs/api.md "Cases and clues").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/cases/case.h"
#include "domain/cases/clue.h"
#include "http/api_json.h"
#include "http/auth.h"
#include "util/date.h"
#include "util/log.h"

static const char *nul(const char *s)
{
	return s && *s ? s : NULL;
}

void api_words_json(buf *b, const char *list)
{
	const char *p = list ? list : "";
	int n = 0;

	buf_putc(b, '[');
	while (*p) {
		p += strspn(p, " ");
		size_t len = strcspn(p, " ");
		if (!len)
			break;
		char *w = xstrndup(p, len);
		buf_fmt(b, "%s%j", n++ ? "," : "", w);
		free(w);
		p += len;
	}
	buf_putc(b, ']');
}

void api_case_row_json(buf *b, const case_row *row, int mask)
{
	const case_type *t = row->type;
	buf item = BUF_INIT;

	api_item_json(&item, case_kind(t), row->id, row->vals, mask);
	if (item.len && item.p[item.len - 1] == '}')
		item.len--;           /* the members below go inside */
	buf_putn(b, item.p ? item.p : "{", item.len ? item.len : 1);
	buf_free(&item);
	const case_state *st = case_state_find(t, row->state);
	const case_deadline *dl = row->deadline_code ? case_deadline_find(t, row->deadline_code) : NULL;
	int has = row->deadline[0] != 0;
	buf_fmt(b, ",\"type\":%j,\"state\":%j,\"state_zh\":%j,\"deadline\":%j,\"deadline_code\":%j,"
		   "\"deadline_basis\":%j,\"deadline_zh\":%j",
		t->code, row->state, st ? st->zh : row->state, has ? row->deadline : NULL,
		has ? row->deadline_code : NULL, has ? nul(row->deadline_basis) : NULL,
		has && dl ? dl->zh : NULL);
	if (has)
		buf_fmt(b, ",\"days_left\":%d,\"workdays_left\":%d,\"days_overdue\":%d", row->days_left,
			row->workdays_left, row->days_overdue);
	else
		buf_puts(b, ",\"days_left\":null,\"workdays_left\":null,\"days_overdue\":0");
	buf_fmt(b, ",\"returns\":%d,\"merged_into\":%j,\"duplicates\":", row->returns,
		nul(row->merged_into));
	api_words_json(b, row->duplicates);
	buf_fmt(b, ",\"description\":%j,\"site_address\":%j,\"paid_by\":%j,\"paid_by_zh\":%j,"
		   "\"reply\":%j",
		nul(row->description), nul(row->site_address), nul(row->paid_by),
		nul(row->paid_by) ? clue_paid_by_zh(row->paid_by) : NULL, nul(row->reply));
	const char *co = t == &case_clue ? api_field_str(case_kind(t), row->vals, "conclusion") : "";
	buf_fmt(b, ",\"conclusion_zh\":%j}", *co ? clue_conclusion_zh(atoi(co)) : NULL);
}

int api_case_ctx(http_req *r, case_ctx *c, audit_actor *who, const char *request_key)
{
	char as_of[11];
	day_t today;

	if (req_date(r, "as_of", as_of) < 0 || !date_parse_iso(as_of, &today))
		return -1;
	*who = req_actor(r);
	memset(c, 0, sizeof *c);
	c->who = who;
	c->role = r->caller.role;
	c->scope = r->caller.scope;
	c->now = auth_now();
	c->today = today;
	c->request_key = request_key && *request_key ? request_key : NULL;
	return 0;
}

int api_case_error(http_req *r, int rc, const char *err)
{
	const char *msg = err && *err ? err : "请求未能完成";

	switch ((case_rc)rc) {
	case CASE_INVALID: return http_error_code(r, 422, "invalid", "%s", msg);
	case CASE_GONE: return http_error_code(r, 404, "not_found", "%s", msg);
	case CASE_STATE: return http_error_code(r, 409, "state", "%s", msg);
	case CASE_DENIED: return http_error_code(r, 403, "forbidden", "%s", msg);
	case CASE_LIMIT: return http_error_code(r, 413, "too_large", "%s", msg);
	default:
		log_msg(LOG_ERR, "http: case engine: %s", msg);
		return http_error(r, 500, "服务器内部错误");
	}
}

int api_field_error(http_req *r, const char *what, const char *msg)
{
	buf *b = http_json(r, 422);

	buf_fmt(b, "{\"error\":{\"status\":422,\"code\":\"invalid\",\"message\":%j,\"field\":%j}}",
		msg, what && *what ? what : NULL);
	return 422;
}
