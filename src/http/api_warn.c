/*
 * api_warn.c - the warning centre's endpoints (预警中心, docs/api.md):
 *   GET  /api/v1/warnings               filtered, sorted, paged list
 *   GET  /api/v1/warnings/{id}          one warning: rule, evidence, legal
 *                                       basis, action, history, what the
 *                                       caller may do
 *   GET  /api/v1/warnings/by-project    the same filters, one row per project
 *   POST /api/v1/warnings/{id}/eliminate|assign|escalate|confirm|reject
 *   POST /api/v1/warnings/batch         指派 / 消除 of many, each audited
 *   GET  /api/v1/warnings/stats         open counts, charts, trend
 * (evidence files: api_warn_files.c)
 * plus the warnings of a project page and the dashboard's row.
 *
 * Every read is within the caller's scope (a street officer's street, an
 * enterprise's projects): a warning outside it is 404, as a record is.
 * Stored evidence carries full ID numbers; they are masked here for roles
 * that do not see personal data, and workers' / employers' names are added
 * so the page reads without another query. The reads are warn_read.h's (the
 * CLI's too; the charts' SQL store/warn_query.c's);
 * the actions (change + history + audit in one transaction) warn_act.c's.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/access/role.h"
#include "domain/access/user.h"
#include "domain/warn/warn_act.h"
#include "domain/warn/warn_read.h"
#include "domain/warn/warn_rules.h"
#include "http/api.h"
#include "http/api_json.h"
#include "http/auth.h"
#include "store/record.h"
#include "store/warn_query.h"
#include "util/date.h"

/* ---- one warning as JSON ---------------------------------------------------- */

static const char *nul(const char *s)
{
	return s && *s ? s : NULL;
}

/* Whether w waits for the 复核 of its elimination (the API's status
 * "review", 待复核). */
static int in_review(const ws_warning *w)
{
	return w->review_by && *w->review_by && strcmp(w->status, "eliminated") != 0;
}

/* Appends the list fields of w (no evidence) without the closing brace. */
static void item_open(buf *b, const wq_row *row)
{
	const ws_warning *w = &row->w;
	int ri = warn_rule_find(w->rule);
	warn_level lv = warn_level_parse(w->level);
	int rv = in_review(w);

	buf_fmt(b, "{\"id\":%lld,\"rule\":%j,\"rule_name\":%j,\"level\":%j,\"level_zh\":%j,"
		   "\"status\":%j,\"status_zh\":%j,\"project_code\":%j,\"project_name\":%j,"
		   "\"project_id\":%lld,\"street\":%j,\"enterprise_uscc\":%j,\"enterprise_name\":%j,"
		   "\"period\":%j,\"summary\":%j,\"items\":%lld,\"raised_on\":%j,\"updated_on\":%j,"
		   "\"eliminated_on\":%j,\"eliminated_how\":%j,\"eliminated_reason\":%j,"
		   "\"assignee\":%j,\"assignee_name\":%j,\"escalated_on\":%j",
		(long long)w->id, w->rule, ri >= 0 ? WARN_RULES[ri].name : "", w->level,
		lv ? warn_level_zh(lv) : "", rv ? "review" : w->status,
		rv ? "待复核" : warn_status_zh(w->status), w->project_code,
		nul(w->project_name), (long long)row->project_id,
		nul(w->street) ? w->street : nul(row->project_street), nul(w->enterprise_uscc),
		nul(w->enterprise_name), nul(w->period), w->summary, (long long)w->items, w->raised_on,
		w->updated_on, nul(w->eliminated_on), nul(w->eliminated_how),
		nul(w->eliminated_reason), nul(w->assignee), nul(row->assignee_name),
		nul(w->escalated_on));
	if (rv)
		buf_fmt(b, ",\"review\":{\"by\":%j,\"on\":%j,\"reason\":%j}", w->review_by,
			w->review_on, w->review_reason);
	else
		buf_puts(b, ",\"review\":null");
}

/* Masks ID numbers (unless mask is 0) and adds worker_name / employer_name
 * to every object of the evidence that names a worker or an employer. */
static void evidence_walk(json_t *v, db *d, int mask)
{
	size_t i;
	json_t *x;
	const char *k;

	if (json_is_array(v)) {
		json_array_foreach(v, i, x)
			evidence_walk(x, d, mask);
		return;
	}
	if (!json_is_object(v))
		return;
	json_t *idn = json_object_get(v, "id_number"), *emp = json_object_get(v, "employer_uscc");
	if (json_is_string(idn)) {
		char *name = NULL;
		int64_t rid;
		rec_ref_info(d, kind_find("workers"), json_string_value(idn), &rid, &name);
		json_object_set_new(v, "worker_name", name ? json_string(name) : json_null());
		free(name);
		if (mask) {
			char m[64];
			kind_mask(FT_IDNUM, json_string_value(idn), m, sizeof m);
			json_object_set_new(v, "id_number", json_string(m));
		}
	}
	if (json_is_string(emp)) {
		char *name = NULL;
		int64_t rid;
		rec_ref_info(d, kind_find("enterprises"), json_string_value(emp), &rid, &name);
		json_object_set_new(v, "employer_name", name ? json_string(name) : json_null());
		free(name);
	}
	json_object_foreach(v, k, x)
		if (json_is_array(x) || json_is_object(x))
			evidence_walk(x, d, mask);
}

static void evidence_json(buf *b, db *d, const char *stored, int mask)
{
	json_t *v = json_loads(stored, 0, NULL);

	if (!v) {
		buf_puts(b, "null");
		return;
	}
	evidence_walk(v, d, mask);
	char *s = json_dumps(v, JSON_COMPACT | JSON_PRESERVE_ORDER);
	buf_puts(b, s ? s : "null");
	free(s);
	json_decref(v);
}

/* ---- list ---------------------------------------------------------------------- */

typedef struct list_ctx {
	buf *b;
	int n;
} list_ctx;

static void list_cb(void *ctx, const wq_row *row)
{
	list_ctx *c = ctx;

	if (c->n++)
		buf_putc(c->b, ',');
	item_open(c->b, row);
	buf_putc(c->b, '}');
}

/* 我的待办 of the caller (docs/warnings.md, "Working on warnings"): the
 * live warnings assigned to it; a street officer also its street's
 * unassigned ones (the scope holds only its street); an inspector or
 * administrator also the 复核 others asked for. A token has none. */
static void todo_filter(http_req *r, wq_filter *f)
{
	f->todo_user = r->caller.kind == AUTH_SESSION ? r->caller.user.username : "";
	f->todo_unassigned = r->caller.role == ROLE_STREET;
	f->todo_review = warn_may_review(role_code(r->caller.role));
}

/* Reads and validates the list filters of r into f (400 set on error). */
int api_warn_filter(http_req *r, wq_filter *f)
{
	const char *st = req_str(r, "status");
	day_t dd;
	int y, m;

	memset(f, 0, sizeof *f);
	f->scope = r->caller.scope;
	f->status = "open";
	if (st && *st) {
		if (strcmp(st, "open") && strcmp(st, "handling") && strcmp(st, "review") &&
		    strcmp(st, "eliminated") && strcmp(st, "all"))
			return http_error(r, 400, "参数 status：“%s”不是 open(未消除)、handling(处置中)、"
						  "review(待复核)、eliminated(已消除)或 all(全部)", st), -1;
		f->status = strcmp(st, "all") ? st : NULL;
	}
	int todo;
	if (req_bool(r, "todo", 0, &todo) < 0)
		return -1;
	if (todo)
		todo_filter(r, f);
	f->level = req_str(r, "level");
	if (f->level && *f->level && !warn_level_parse(f->level))
		return http_error(r, 400, "参数 level：“%s”不是 red(红色)、orange(橙色)或 yellow(黄色)",
				  f->level), -1;
	f->rule = req_str(r, "rule");
	if (f->rule && *f->rule && warn_rule_find(f->rule) < 0)
		return http_error(r, 400, "参数 rule：没有预警规则“%s”", f->rule), -1;
	f->street = req_str(r, "street");
	f->project = req_str(r, "project_code");
	f->period = req_str(r, "period");
	if (f->period && *f->period && !month_parse(f->period, &y, &m))
		return http_error(r, 400, "参数 period：“%s”不是月份(应为 YYYY-MM)",
				  f->period), -1;
	f->assignee = req_str(r, "assignee");
	f->enterprise = req_str(r, "enterprise_uscc");
	f->open_on = req_str(r, "open_on");
	if (f->open_on && *f->open_on && !date_parse_iso(f->open_on, &dd))
		return http_error(r, 400, "parameter 'open_on': not a date YYYY-MM-DD"), -1;
	f->raised_from = req_str(r, "raised_from");
	f->raised_to = req_str(r, "raised_to");
	if (f->raised_from && *f->raised_from && !date_parse_iso(f->raised_from, &dd))
		return http_error(r, 400, "参数 raised_from 不是日期(应为 YYYY-MM-DD)"), -1;
	if (f->raised_to && *f->raised_to && !date_parse_iso(f->raised_to, &dd))
		return http_error(r, 400, "参数 raised_to 不是日期(应为 YYYY-MM-DD)"), -1;
	f->sort = req_str(r, "sort");
	if (f->sort && !*f->sort)
		f->sort = NULL;
	if (f->sort && !warn_query_sort_ok(f->sort))
		return http_error(r, 400, "参数 sort：不能按“%s”排序", f->sort), -1;
	return 0;
}

int api_warnings(http_req *r)
{
	wq_filter f;
	int64_t page, per;

	if (api_warn_filter(r, &f) < 0 || req_int(r, "page", 1, 1, 1000000, &page) < 0 ||
	    req_int(r, "per_page", 50, 1, 500, &per) < 0 || req_params_done(r) < 0)
		return r->status;
	int64_t total = warn_count(r->db, &f);
	if (total < 0)
		return http_error(r, 500, "服务器内部错误");
	f.offset = (page - 1) * per;
	f.limit = per;
	buf *b = http_json(r, 200);
	list_ctx c = {b, 0};
	buf_fmt(b, "{\"total\":%lld,\"page\":%lld,\"per_page\":%lld,\"items\":[", (long long)total,
		(long long)page, (long long)per);
	if (warn_list(r->db, &f, list_cb, &c) < 0)
		return http_error(r, 500, "服务器内部错误");
	buf_puts(b, "]}");
	return r->status;
}

static void project_cb(void *ctx, const wq_project *p)
{
	list_ctx *c = ctx;

	buf_fmt(c->b, "%s{\"project_code\":%j,\"project_name\":%j,\"project_id\":%lld,"
		      "\"street\":%j,\"n\":%lld,\"red\":%lld,\"orange\":%lld,\"yellow\":%lld,"
		      "\"level\":%j,\"latest_raised\":%j}",
		c->n++ ? "," : "", p->project_code, nul(p->project_name), (long long)p->project_id,
		nul(p->street), (long long)p->n, (long long)p->red, (long long)p->orange,
		(long long)p->yellow, p->red ? "red" : p->orange ? "orange" : "yellow",
		p->latest_raised);
}

/* GET /api/v1/warnings/by-project: the list's filters, one row per project
 * (counts by level, the highest level, the newest warning's day), most
 * severe first; paged by project. */
int api_warnings_by_project(http_req *r)
{
	wq_filter f;
	int64_t page, per;

	if (api_warn_filter(r, &f) < 0 || req_int(r, "page", 1, 1, 1000000, &page) < 0 ||
	    req_int(r, "per_page", 50, 1, 500, &per) < 0 || req_params_done(r) < 0)
		return r->status;
	int64_t total = warn_query_project_count(r->db, &f);
	if (total < 0)
		return http_error(r, 500, "internal error");
	f.offset = (page - 1) * per;
	f.limit = per;
	buf *b = http_json(r, 200);
	list_ctx c = {b, 0};
	buf_fmt(b, "{\"total\":%lld,\"page\":%lld,\"per_page\":%lld,\"items\":[", (long long)total,
		(long long)page, (long long)per);
	if (warn_query_by_project(r->db, &f, project_cb, &c) < 0)
		return http_error(r, 500, "internal error");
	buf_puts(b, "]}");
	return r->status;
}

/* ---- one warning ---------------------------------------------------------------- */

typedef struct detail_ctx {
	http_req *r;
	buf *b;
	int found;
	int live;
	char street[128];
	char review_by[128];   /* "" unless a 复核 is pending */
} detail_ctx;

static void event_cb(void *ctx, const ws_event *e)
{
	detail_ctx *c = ctx;
	static const struct {
		const char *code, *zh;
	} EV[] = {{"raised", "产生预警"}, {"updated", "复核更新"}, {"eliminated", "消除预警"},
		  {"assigned", "指派处置"}, {"escalated", "转执法检查"}, {"supervised", "领导督办"},
		  {"review_requested", "申请消除(待复核)"}, {"review_confirmed", "复核通过"},
		  {"review_rejected", "复核退回"}, {"attached", "上传证据"}};
	const char *zh = e->event;

	for (size_t i = 0; i < sizeof EV / sizeof EV[0]; i++)
		if (!strcmp(EV[i].code, e->event))
			zh = EV[i].zh;
	char who[160], to[160] = "";
	user_display_name(c->r->db, e->actor, who, sizeof who);
	if (!strcmp(e->event, "assigned") && e->reason)
		user_display_name(c->r->db, e->reason, to, sizeof to);
	buf_fmt(c->b, "%s{\"event\":%j,\"event_zh\":%j,\"on_date\":%j,\"at\":%j,\"actor\":%j,"
		      "\"actor_name\":%j,\"level\":%j,\"reason\":%j,\"assignee_name\":%j}",
		c->b->p[c->b->len - 1] == '[' ? "" : ",", e->event, zh, e->on_date, e->at, e->actor,
		who, nul(e->level), nul(e->reason), nul(to));
}

typedef struct who_ctx {
	buf *b;
	const char *street;
	int n;
} who_ctx;

/* The people a warning may be assigned to: enabled inspectors and the
 * street officers of its street. */
static void assignee_cb(void *ctx, const user_rec *u)
{
	who_ctx *c = ctx;
	role_id role = user_role(u);

	if (u->disabled || !(role == ROLE_INSPECTOR ||
			     (role == ROLE_STREET && !strcmp(u->street, c->street))))
		return;
	buf_fmt(c->b, "%s{\"username\":%j,\"name\":%j,\"role\":%j,\"role_zh\":%j,\"street\":%j}",
		c->n++ ? "," : "", u->username, *u->display_name ? u->display_name : u->username,
		role_code(role), role_zh(role), nul(u->street));
}

static void detail_cb(void *ctx, const wq_row *row)
{
	detail_ctx *c = ctx;
	const ws_warning *w = &row->w;
	int ri = warn_rule_find(w->rule);
	const warn_rule *R = ri >= 0 ? &WARN_RULES[ri] : NULL;

	c->found = 1;
	c->live = strcmp(w->status, "eliminated") != 0;
	snprintf(c->street, sizeof c->street, "%s", w->street);
	snprintf(c->review_by, sizeof c->review_by, "%s", in_review(w) ? w->review_by : "");
	item_open(c->b, row);
	buf_fmt(c->b, ",\"legal_basis\":%j,\"legal_text\":%j,\"suggested_action\":%j,"
		      "\"responsible\":%j,\"evidence\":",
		R ? R->basis : NULL, R ? R->basis_text : NULL, R ? R->action : NULL,
		R ? R->responsible : NULL);
	evidence_json(c->b, c->r->db, w->evidence, req_mask(c->r));
	buf_puts(c->b, ",\"evidence_labels\":{");
	for (const warn_value_label *l = WARN_EVIDENCE_VALUES; l->code; l++)
		buf_fmt(c->b, "%s%j:%j", l == WARN_EVIDENCE_VALUES ? "" : ",", l->code, l->zh);
	buf_putc(c->b, '}');
}

/* Appends the page of warning id within r's scope; 0 if it is not there
 * (nothing appended), 1 when found, -1 on a database error. */
static int detail_json(http_req *r, buf *b, int64_t id)
{
	wq_filter f;
	detail_ctx c = {r, b, 0, 0, "", ""};

	memset(&f, 0, sizeof f);
	f.id = id;
	f.scope = r->caller.scope;
	if (warn_list(r->db, &f, detail_cb, &c) < 0)
		return -1;
	if (!c.found)
		return 0;
	buf_puts(b, ",\"history\":[");
	if (warn_history(r->db, id, event_cb, &c) != 0)
		return -1;
	buf_puts(b, "],\"files\":[");
	if (api_warn_files_json(r, b, id) != 0)
		return -1;
	/* Who may do what now: the handling roles eliminate, assign, escalate
	 * and attach; a leader supervises (督办) - each only on a live warning.
	 * A pending 复核: the one who asked waits; another inspector or
	 * administrator confirms or rejects; files may still be attached. */
	int person = c.live && r->caller.kind == AUTH_SESSION;
	int may = person && role_can(r->caller.role, PERM_WARNINGS);
	int sup = person && role_can(r->caller.role, PERM_SUPERVISE);
	int reviewer = may && *c.review_by && warn_may_review(role_code(r->caller.role)) &&
		       strcmp(c.review_by, r->caller.actor) != 0;
	const char *acts = !may ? ""
		: !*c.review_by ? "\"eliminate\",\"assign\",\"escalate\",\"attach\""
		: reviewer ? "\"confirm\",\"reject\",\"attach\"" : "\"attach\"";
	buf_fmt(b, "],\"actions\":[%s%s%s],\"assignees\":[", acts, *acts && sup ? "," : "",
		sup ? "\"supervise\"" : "");
	if (may && !*c.review_by) {
		who_ctx wc = {b, c.street, 0};
		user_store_scan(r->db, assignee_cb, &wc);
	}
	buf_puts(b, "]}");
	return 1;
}

/* The warning id of capture 0 (404 when malformed). */
static int warning_id(http_req *r, int64_t *id)
{
	if (api_parse_id(r->args[0], id) < 0)
		return http_error(r, 404, "没有该预警 (no warning %s)", r->args[0]), -1;
	return 0;
}

static int answer_detail(http_req *r, int64_t id)
{
	buf *b = http_json(r, 200);
	int got = detail_json(r, b, id);

	if (got < 0)
		return http_error(r, 500, "服务器内部错误");
	if (got == 0)
		return http_error(r, 404, "没有该预警，或不在您的管辖范围内 (no warning %lld in your scope)",
				  (long long)id);
	return r->status;
}

int api_warning(http_req *r)
{
	int64_t id;

	if (req_params_done(r) < 0 || warning_id(r, &id) < 0)
		return r->status;
	return answer_detail(r, id);
}

/* ---- actions ------------------------------------------------------------------- */

static int act(http_req *r, warn_action a, const char *member)
{
	json_t *o = NULL;
	int64_t id;
	char err[512];
	wq_filter f;

	if (req_params_done(r) < 0 || warning_id(r, &id) < 0 || !(o = api_json_object(r)))
		goto out;
	memset(&f, 0, sizeof f);
	f.id = id;
	f.scope = r->caller.scope;
	int64_t n = warn_count(r->db, &f);
	if (n <= 0) {
		if (n < 0)
			http_error(r, 500, "服务器内部错误");
		else
			http_error(r, 404, "没有该预警，或不在您的管辖范围内 (no warning %lld in your scope)",
				   (long long)id);
		goto out;
	}
	const char *text = api_json_str(o, member);
	if (text && strlen(text) > 1000) {
		http_error(r, 422, "%s 过长(最多 1000 字节)", member);
		goto out;
	}
	audit_actor who = req_actor(r);
	warn_act_rc rc = warn_act(r->db, a, id, text ? text : "", &who, auth_now(), date_today(), err,
				  sizeof err);
	switch (rc) {
	case WA_OK: answer_detail(r, id); break;
	case WA_INVALID: http_error(r, 422, "%s", err); break;
	case WA_GONE: http_error(r, 404, "%s", err); break;
	case WA_CLOSED: http_error_code(r, 409, "conflict", "%s", err); break;
	case WA_DENIED: http_error_code(r, 403, "forbidden", "%s", err); break;
	default: http_error(r, 500, "服务器内部错误"); break;
	}
out:
	json_decref(o);
	return r->status;
}

int api_warning_eliminate(http_req *r)
{
	return act(r, WA_ELIMINATE, "reason");
}

int api_warning_assign(http_req *r)
{
	return act(r, WA_ASSIGN, "to");
}

int api_warning_escalate(http_req *r)
{
	return act(r, WA_ESCALATE, "note");
}

int api_warning_supervise(http_req *r)
{
	return act(r, WA_SUPERVISE, "note");
}

int api_warning_confirm(http_req *r)
{
	return act(r, WA_CONFIRM, "note");
}

int api_warning_reject(http_req *r)
{
	return act(r, WA_REJECT, "reason");
}

/* POST /api/v1/warnings/batch {"action":"eliminate"|"assign","ids":[…],
 * "reason"|"to"}: the action on each warning in its own short transaction
 * (change + history + its own audit row, as one action would), so one
 * warning that cannot be handled (gone, already eliminated, outside the
 * scope) does not undo the others. Answers 200 with one result per id:
 * {"done","failed","results":[{"id","ok","status","message"}]}. */
int api_warnings_batch(http_req *r)
{
	json_t *o = NULL, *ids;
	char err[512];
	size_t i;
	json_t *x;

	if (req_params_done(r) < 0 || !(o = api_json_object(r)))
		goto out;
	const char *action = api_json_str(o, "action");
	warn_action a;
	const char *member;
	if (action && !strcmp(action, "eliminate"))
		a = WA_ELIMINATE, member = "reason";
	else if (action && !strcmp(action, "assign"))
		a = WA_ASSIGN, member = "to";
	else {
		http_error(r, 422, "'action' 须为 eliminate 或 assign (must be eliminate or assign)");
		goto out;
	}
	ids = json_object_get(o, "ids");
	if (!json_is_array(ids) || json_array_size(ids) == 0 || json_array_size(ids) > 500) {
		http_error(r, 422, "'ids' 须为 1 至 500 个预警编号 (1 to 500 warning ids)");
		goto out;
	}
	json_array_foreach(ids, i, x) if (!json_is_integer(x) || json_integer_value(x) <= 0)
	{
		http_error(r, 422, "'ids' 须为预警编号 (positive integers)");
		goto out;
	}
	const char *text = api_json_str(o, member);
	if (text && strlen(text) > 1000) {
		http_error(r, 422, "'%s' is too long (at most 1000 bytes)", member);
		goto out;
	}
	audit_actor who = req_actor(r);
	buf *b = http_json(r, 200);
	buf res = BUF_INIT;
	int done = 0, failed = 0;
	json_array_foreach(ids, i, x) {
		int64_t id = json_integer_value(x);
		wq_filter f;
		memset(&f, 0, sizeof f);
		f.id = id;
		f.scope = r->caller.scope;
		warn_act_rc rc;
		int64_t n = warn_count(r->db, &f);
		if (n <= 0) {
			rc = n < 0 ? WA_DBERR : WA_GONE;
			snprintf(err, sizeof err, "没有该预警，或不在您的管辖范围内");
		} else {
			rc = warn_act(r->db, a, id, text ? text : "", &who, auth_now(), date_today(), err,
				      sizeof err);
		}
		const char *status = NULL;
		if (rc == WA_OK) {
			char s[16];
			warn_query_status(r->db, id, s);
			buf_fmt(&res, "%s{\"id\":%lld,\"ok\":true,\"status\":%j}", i ? "," : "",
				(long long)id, s);
			done++;
		} else {
			buf_fmt(&res, "%s{\"id\":%lld,\"ok\":false,\"status\":%j,\"message\":%j}",
				i ? "," : "", (long long)id, status, err);
			failed++;
		}
	}
	buf_fmt(b, "{\"done\":%d,\"failed\":%d,\"results\":[%s]}", done, failed, buf_str(&res));
	buf_free(&res);
out:
	json_decref(o);
	return r->status;
}

/* ---- stats --------------------------------------------------------------------- */

/* Appends {"key":..., "n":...} rows of t renamed: key -> keyname, plus
 * the rule's name and level for rules. */
static void by_json(buf *b, const stats_table *t, const char *keyname)
{
	buf_putc(b, '[');
	for (int i = 0; i < t->nrows; i++) {
		const char *k = stats_at(t, i, 0)->s ? stats_at(t, i, 0)->s : "";
		buf_fmt(b, "%s{%j:%j,\"n\":%lld", i ? "," : "", keyname, k,
			(long long)stats_at(t, i, 1)->i);
		if (!strcmp(keyname, "rule")) {
			int ri = warn_rule_find(k);
			buf_fmt(b, ",\"name\":%j", ri >= 0 ? WARN_RULES[ri].name : k);
		} else if (!strcmp(keyname, "level")) {
			warn_level lv = warn_level_parse(k);
			buf_fmt(b, ",\"name\":%j", lv ? warn_level_zh(lv) : k);
		}
		buf_putc(b, '}');
	}
	buf_putc(b, ']');
}

/* Appends the trend points from..to (every day or month, zeros where
 * nothing happened). */
static void trend_json(buf *b, const stats_table *t, day_t from, day_t to, int monthly)
{
	char key[11];
	int row = 0, y, m, d, n = 0;

	buf_putc(b, '[');
	date_to_ymd(from, &y, &m, &d);
	for (day_t x = from; x <= to;) {
		if (monthly)
			month_format(y, m, key);
		else
			date_format(x, key);
		while (row < t->nrows && stats_at(t, row, 0)->s && strcmp(stats_at(t, row, 0)->s, key) < 0)
			row++;
		int hit = row < t->nrows && stats_at(t, row, 0)->s && !strcmp(stats_at(t, row, 0)->s, key);
		buf_fmt(b, "%s{\"key\":%j,\"raised\":%lld,\"eliminated\":%lld,\"eliminated_manual\":%lld}",
			n++ ? "," : "", key, hit ? (long long)stats_at(t, row, 1)->i : 0LL,
			hit ? (long long)stats_at(t, row, 2)->i : 0LL,
			hit ? (long long)stats_at(t, row, 3)->i : 0LL);
		if (monthly) {
			month_add(&y, &m, 1);
			x = date_from_ymd(y, m, 1);
		} else {
			x++;
		}
	}
	buf_putc(b, ']');
}

int api_warning_stats(http_req *r)
{
	const char *unit = req_str(r, "trend"), *tos = req_str(r, "to");
	int monthly = unit && !strcmp(unit, "month");
	int64_t span, counts[3];
	day_t to, from;
	char last[11] = "", from_s[11], to_s[11];
	stats_table lv = {0}, ru = {0}, str = {0}, tr = {0};
	wq_filter hf;

	if (unit && *unit && strcmp(unit, "day") && strcmp(unit, "month"))
		return http_error(r, 400, "参数 trend：“%s”不是 day(按日)或 month(按月)", unit);
	if (req_int(r, "span", monthly ? 12 : 30, 1, monthly ? 120 : 366, &span) < 0)
		return r->status;
	ws_state st;
	if (warn_store_state(r->db, &st) == 0 && *st.last_as_of)
		snprintf(last, sizeof last, "%s", st.last_as_of);
	if (tos && *tos) {
		if (!date_parse_iso(tos, &to))
			return http_error(r, 400, "参数 to：“%s”不是日期(应为 YYYY-MM-DD)", tos);
	} else if (!*last || !date_parse_iso(last, &to)) {
		to = date_today(); /* else the data's "today": the last scan's as-of date */
	}
	if (req_params_done(r) < 0)
		return r->status;
	if (monthly) {
		int y, m, d;
		date_to_ymd(to, &y, &m, &d);
		month_add(&y, &m, -(int)(span - 1));
		from = date_from_ymd(y, m, 1);
	} else {
		from = to - (day_t)(span - 1);
	}
	date_format(from, from_s);
	date_format(to, to_s);
	memset(&hf, 0, sizeof hf);
	hf.status = "handling";
	hf.scope = r->caller.scope;
	const rec_scope *s = &r->caller.scope;
	if (warn_query_open_counts(r->db, s, counts) != 0 ||
	    warn_query_open_by(r->db, s, "level", &lv) != 0 ||
	    warn_query_open_by(r->db, s, "rule", &ru) != 0 ||
	    warn_query_open_by(r->db, s, "street", &str) != 0 ||
	    warn_query_trend(r->db, s, from_s, to_s, monthly, &tr) != 0) {
		http_error(r, 500, "服务器内部错误");
		goto out;
	}
	buf *b = http_json(r, 200);
	buf_fmt(b, "{\"open\":{\"red\":%lld,\"orange\":%lld,\"yellow\":%lld,\"total\":%lld},"
		   "\"handling\":%lld,\"last_scan\":%j,\"by_level\":",
		(long long)counts[2], (long long)counts[1], (long long)counts[0],
		(long long)(counts[0] + counts[1] + counts[2]), (long long)warn_count(r->db, &hf),
		*last ? last : NULL);
	by_json(b, &lv, "level");
	buf_puts(b, ",\"by_rule\":");
	by_json(b, &ru, "rule");
	buf_puts(b, ",\"by_street\":");
	by_json(b, &str, "street");
	buf_fmt(b, ",\"trend\":{\"unit\":%j,\"from\":%j,\"to\":%j,\"points\":",
		monthly ? "month" : "day", from_s, to_s);
	trend_json(b, &tr, from, to, monthly);
	buf_puts(b, "}}");
out:
	stats_table_free(&lv);
	stats_table_free(&ru);
	stats_table_free(&str);
	stats_table_free(&tr);
	return r->status;
}

/* ---- on other pages ---------------------------------------------------------- */

/* The project page's warnings: those open on as_of, as the list's level
 * and the dashboard count them (stats.c, warn_query_open_on). */
void api_warn_project_json(http_req *r, buf *b, const char *code, const char *as_of)
{
	wq_filter f;
	list_ctx c = {b, 0};

	memset(&f, 0, sizeof f);
	f.open_on = as_of;
	f.project = code;
	f.scope = r->caller.scope;
	f.limit = 200;
	buf_putc(b, '[');
	warn_list(r->db, &f, list_cb, &c);
	buf_putc(b, ']');
}

/* The dashboard's row: warnings open on as_of (warn_query_open_on), so
 * that the counts move with the 数据日期 as the other figures do. */
void api_warn_dash_json(http_req *r, buf *b, const char *as_of)
{
	int64_t c[3] = {0, 0, 0};

	warn_query_open_on(r->db, &r->caller.scope, as_of, c);
	buf_fmt(b, "{\"open\":{\"red\":%lld,\"orange\":%lld,\"yellow\":%lld,\"total\":%lld}}",
		(long long)c[2], (long long)c[1], (long long)c[0], (long long)(c[0] + c[1] + c[2]));
}

/* GET /api/v1/warnings/rules: the rule catalogue (warning-rules.md) as the
 * engine holds it - code, name, whether it has a period, base level, legal
 * basis and its text, suggested action, responsible party - so clients
 * never keep their own copy. */
int api_warning_rules(http_req *r)
{
	buf *b = http_json(r, 200);

	buf_putc(b, '[');
	for (int i = 0; i < WARN_NRULES; i++) {
		const warn_rule *w = &WARN_RULES[i];
		buf_fmt(b, "%s{\"code\":%j,\"name\":%j,\"per_month\":%s,\"level\":%j,"
			"\"basis\":%j,\"basis_text\":%j,\"action\":%j,\"responsible\":%j}",
			i ? "," : "", w->code, w->name, w->per_month ? "true" : "false",
			warn_level_name(w->level), w->basis, w->basis_text, w->action, w->responsible);
	}
	buf_putc(b, ']');
	return 200;
}
