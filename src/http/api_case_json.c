/*
 * api_case_json.c - what the case endpoints (api_cases.c, api_case_files.c,
 * api_case_stats.c, api_public.c) share: a case as JSON, the engine's
 * context of a request, and the statuses of the engine's answers
 * (docs/api.md "Cases and clues").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/access/user.h"
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

/* ---- the inbox's filter ----------------------------------------------------- */

static int date_param(http_req *r, const char *name, const char **out)
{
	day_t d;

	*out = req_str(r, name);
	if (*out && !**out)
		*out = NULL;
	if (*out && !date_parse_iso(*out, &d))
		return http_error(r, 400, "参数 %s：“%s”不是日期(应为 YYYY-MM-DD)", name, *out), -1;
	return 0;
}

int api_case_filter(http_req *r, const case_type *t, case_filter *f)
{
	static const char *const BOXES[] = {"transfer", "handle", "review", "overdue", "open",
					    "closed", "all", NULL};

	memset(f, 0, sizeof *f);
	f->box = req_str(r, "box");
	f->state = req_str(r, "state");
	f->street = req_str(r, "street");
	f->q = req_str(r, "q");
	if (f->box && *f->box) {
		int i;
		for (i = 0; BOXES[i] && strcmp(BOXES[i], f->box); i++)
			;
		if (!BOXES[i])
			return http_error(r, 400, "参数 box：“%s”不是 transfer、handle、review、overdue、"
					  "open、closed 或 all", f->box), -1;
	}
	if (f->state && *f->state && !case_state_find(t, f->state))
		return http_error(r, 400, "参数 state：没有状态“%s”", f->state), -1;
	const char **given[] = {&f->box, &f->state, &f->street, &f->q};
	for (size_t i = 0; i < sizeof given / sizeof given[0]; i++)
		if (*given[i] && !**given[i])
			*given[i] = NULL;  /* an empty form field filters nothing */
	if (date_param(r, "from", &f->from) < 0 || date_param(r, "to", &f->to) < 0)
		return -1;
	return 0;
}

/* ---- the page of one case ---------------------------------------------------- */

typedef struct page_ctx {
	db *d;
	const case_type *t;
	buf *b;
	int n, mask;
} page_ctx;

static void event_cb(void *ctx, const case_event *e)
{
	page_ctx *c = ctx;
	char name[160];

	user_display_name(c->d, e->actor, name, sizeof name);
	buf_fmt(c->b, "%s{\"id\":%lld,\"at\":%j,\"on_date\":%j,\"actor\":%j,\"actor_name\":%j,"
		      "\"role\":%j,\"action\":%j,\"action_zh\":%j,\"from_state\":%j,\"to_state\":%j,"
		      "\"reason\":%j,\"detail\":%j}",
		c->n++ ? "," : "", (long long)e->id, e->at, e->on_date, e->actor, name, nul(e->role),
		e->action, case_action_zh(c->t, e->action), nul(e->from_state), nul(e->to_state), nul(e->reason),
		nul(e->detail));
}

static void file_cb(void *ctx, const case_file *f)
{
	page_ctx *c = ctx;

	buf_fmt(c->b, "%s{\"id\":%lld,\"name\":%j,\"mime\":%j,\"size\":%lld,\"sha256\":%j,"
		      "\"uploaded_by\":%j,\"uploaded_at\":%j}",
		c->n++ ? "," : "", (long long)f->id, f->name, f->mime, (long long)f->size, f->sha256,
		f->uploaded_by, f->uploaded_at);
}

static void link_cb(void *ctx, const case_link *l)
{
	page_ctx *c = ctx;

	buf_fmt(c->b, "%s{\"target_type\":%j,\"target\":%j,\"relation\":%j,\"at\":%j}",
		c->n++ ? "," : "", l->target_type, l->target, l->relation, l->at);
}

static void party_cb(void *ctx, const case_party *p)
{
	page_ctx *c = ctx;
	char idn[64] = "", ph[64] = "";

	if (p->id_number && *p->id_number) {
		if (c->mask)
			kind_mask(FT_IDNUM, p->id_number, idn, sizeof idn);
		else
			snprintf(idn, sizeof idn, "%s", p->id_number);
	}
	if (p->phone && *p->phone) {
		if (c->mask)
			kind_mask(FT_PHONE, p->phone, ph, sizeof ph);
		else
			snprintf(ph, sizeof ph, "%s", p->phone);
	}
	buf_fmt(c->b, "%s{\"name\":%j,\"id_number\":%j,\"phone\":%j}", c->n++ ? "," : "", p->name,
		nul(idn), nul(ph));
}

static void allowed_cb(void *ctx, const case_transition *tr)
{
	page_ctx *c = ctx;
	static const struct {
		unsigned bit;
		const char *word;
	} NEEDS[] = {{CT_REASON, "reason"}, {CT_STREET, "street"}, {CT_TARGET, "target"},
		     {CT_FIELDS, "fields"}};
	int k = 0;

	buf_fmt(c->b, "%s{\"action\":%j,\"zh\":%j,\"to\":%j,\"needs\":[", c->n++ ? "," : "",
		tr->action, tr->zh, tr->to);
	for (size_t i = 0; i < sizeof NEEDS / sizeof NEEDS[0]; i++)
		if (tr->needs & NEEDS[i].bit)
			buf_fmt(c->b, "%s%j", k++ ? "," : "", NEEDS[i].word);
	buf_puts(c->b, "]}");
}

/* Appends the deadlines of t with the days their parameters hold now. */
static void deadlines_json(db *d, const case_type *t, buf *b)
{
	buf_putc(b, '[');
	for (int i = 0; i < t->ndeadlines; i++) {
		const case_deadline *dl = &t->deadlines[i];
		buf_fmt(b, "%s{\"code\":%j,\"zh\":%j,\"days\":%d,\"unit\":%j,\"from\":%j,\"basis\":%j}",
			i ? "," : "", dl->code, dl->zh, case_deadline_days(d, dl),
			dl->unit == CASE_WORKDAYS ? "workdays" : "caldays", dl->event_zh, dl->basis);
	}
	buf_putc(b, ']');
}

int api_case_page_json(buf *b, db *d, const case_row *row, const case_ctx *c, int mask,
		       int actions)
{
	page_ctx pc = {d, row->type, b, 0, mask};
	const case_type *t = row->type;
	int bad = 0;

	buf_puts(b, "{\"case\":");
	api_case_row_json(b, row, mask);
	buf_puts(b, ",\"history\":[");
	bad |= case_events(d, t, row->number, event_cb, &pc) < 0;
	pc.n = 0;
	buf_puts(b, "],\"files\":[");
	bad |= case_files(d, t, row->number, file_cb, &pc) < 0;
	pc.n = 0;
	buf_puts(b, "],\"links\":[");
	bad |= case_links(d, t, row->number, link_cb, &pc) < 0;
	pc.n = 0;
	buf_puts(b, "],\"parties\":[");
	bad |= case_parties(d, t, row->number, party_cb, &pc) < 0;
	pc.n = 0;
	buf_puts(b, "],\"actions\":[");
	if (actions)
		case_allowed(row, c, allowed_cb, &pc);
	buf_puts(b, "],\"deadlines\":");
	deadlines_json(d, t, b);
	buf_putc(b, '}');
	return bad ? -1 : 0;
}

/* ---- the figures of a year --------------------------------------------------- */

/* A pass rate: "97.13", or null without decisions. */
static void rate_json(buf *b, int64_t bp)
{
	char t[24];

	clue_rate_text(bp, t);
	if (*t)
		buf_fmt(b, "\"%s\"", t);
	else
		buf_puts(b, "null");
}

/* The counts of one row of the figures as JSON members. */
static void stats_row_json(buf *b, const clue_stats_row *s)
{
	buf_fmt(b, "\"received\":%lld,\"resolved\":%lld,\"decisions\":%lld,\"passes\":%lld,"
		   "\"pass_rate\":",
		(long long)s->received, (long long)s->resolved, (long long)s->decisions,
		(long long)s->passes);
	rate_json(b, s->pass_rate_bp);
	buf_fmt(b, ",\"workers_resolved\":%lld,\"amount_resolved\":\"%m\",\"overdue\":%lld",
		(long long)s->workers, s->amount_fen, (long long)s->overdue);
}

void api_clue_stats_json(buf *b, const clue_stats *s, int year, const char *street,
			 const char *as_of)
{
	clue_stats_row tot;

	clue_stats_total(s, &tot);
	buf_fmt(b, "{\"year\":%d,\"street\":%j,\"as_of\":%j,", year, street, as_of);
	stats_row_json(b, &tot);
	buf_puts(b, ",\"by_month\":[");
	for (int i = 0; i < 12; i++) {
		buf_fmt(b, "%s{\"month\":%d,", i ? "," : "", i + 1);
		stats_row_json(b, &s->month[i]);
		buf_putc(b, '}');
	}
	buf_puts(b, "],\"by_street\":[");
	for (int i = 0; i < s->nstreets && i < CLUE_STATS_STREETS; i++) {
		buf_fmt(b, "%s{\"street\":%j,", i ? "," : "", s->street[i].street);
		stats_row_json(b, &s->street[i]);
		buf_putc(b, '}');
	}
	buf_puts(b, "],\"by_conclusion\":[");
	for (int i = 1; i <= 10; i++)
		buf_fmt(b, "%s{\"conclusion\":%d,\"zh\":%j,\"count\":%lld}", i > 1 ? "," : "", i,
			clue_conclusion_zh(i), (long long)s->by_conclusion[i]);
	buf_puts(b, "]}");
}
