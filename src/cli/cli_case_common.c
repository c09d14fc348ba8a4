/*
 * cli_case_common.c - the shared part of the case commands (cli_case.h):
 * the operator's context, formats, and the JSON of a case row in the
 * API's shape, so that a script reading `anxin clues list --format json`
 * reads what GET /api/v1/cases/clue gives.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "cli/cli_case.h"
#include "domain/cases/clue.h"
#include "http/api_json.h"

int cli_case_init(cli_case_run *run, const char *cmd, const char *actor_opt, const char *as_of,
		  const char *format, const char *request_key)
{
	memset(run, 0, sizeof *run);
	run->cmd = cmd;
	run->fmt = CF_TABLE;
	if (format) {
		run->fmt = !strcmp(format, "table") ? CF_TABLE : !strcmp(format, "csv") ? CF_CSV
			   : !strcmp(format, "json") ? CF_JSON : -1;
		if (run->fmt < 0) {
			cli_fail(cmd, "--format 只能是 table、csv 或 json (unknown format '%s')", format);
			return -1;
		}
	}
	day_t today = date_today();
	if (as_of && !date_parse_iso(as_of, &today)) {
		cli_fail(cmd, "--as-of 须为 YYYY-MM-DD 格式的日期 (bad date '%s')", as_of);
		return -1;
	}
	if (request_key && (!*request_key || strlen(request_key) > 200)) {
		cli_fail(cmd, "--request-id 须为 1 到 200 个字符 (bad request id)");
		return -1;
	}
	cli_actor(actor_opt, run->actor, sizeof run->actor);
	run->who.actor = run->actor;
	run->who.role = "cli";
	run->who.address = "";
	run->scope = rec_scope_all();  /* the CLI sees the whole district */
	date_format(today, run->scope.today);
	run->ctx.who = &run->who;
	run->ctx.role = ROLE_ADMIN;    /* operator: the role check is skipped anyway */
	run->ctx.operator = 1;
	run->ctx.scope = run->scope;
	run->ctx.now = time(NULL);
	run->ctx.today = today;
	run->ctx.request_key = request_key;
	return 0;
}

const char *cli_case_state_zh(const case_type *t, const char *code)
{
	const case_state *s = code ? case_state_find(t, code) : NULL;
	return s ? s->zh : "";
}

const char *cli_case_val(const case_row *r, const char *key, char tmp[32])
{
	const kind *k = case_kind(r->type);
	int i = kind_field_index(k, key);

	if (i < 0 || !r->vals)
		return "";
	return kind_val_text(&k->fields[i], &r->vals[i], tmp);
}

/* Appends a space-separated list as a JSON array of strings. */
static void words_json(buf *b, const char *s)
{
	int n = 0;

	buf_putc(b, '[');
	while (s && *s) {
		size_t len = strcspn(s, " ");
		if (len) {
			char *w = xstrndup(s, len);
			buf_fmt(b, "%s%j", n++ ? "," : "", w);
			free(w);
		}
		s += len;
		s += strspn(s, " ");
	}
	buf_putc(b, ']');
}

void cli_case_row_json(buf *b, const case_row *r)
{
	const case_deadline *dl = r->deadline_code ? case_deadline_find(r->type, r->deadline_code) : NULL;
	char tmp[32];
	const char *concl = r->type == &case_clue ? cli_case_val(r, "conclusion", tmp) : "";

	api_item_json(b, case_kind(r->type), r->id, r->vals, 1);
	b->len--;  /* reopen the object: the engine's fields follow */
	buf_fmt(b, ",\"state_zh\":%j,\"deadline\":%j,\"deadline_basis\":%j,\"deadline_zh\":%j,"
		"\"days_left\":",
		cli_case_state_zh(r->type, r->state), r->deadline[0] ? r->deadline : NULL,
		r->deadline_basis[0] ? r->deadline_basis : NULL, dl ? dl->zh : NULL);
	if (r->deadline[0])
		buf_fmt(b, "%d,\"workdays_left\":%d", r->days_left, r->workdays_left);
	else
		buf_puts(b, "null,\"workdays_left\":null");
	buf_fmt(b, ",\"days_overdue\":%d,\"returns\":%d,\"merged_into\":%j,\"duplicates\":",
		r->days_overdue, r->returns, r->merged_into[0] ? r->merged_into : NULL);
	words_json(b, r->duplicates);
	buf_fmt(b, ",\"description\":%j,\"site_address\":%j,\"paid_by\":%j,\"reply\":%j,"
		"\"conclusion_zh\":%j}",
		r->description ? r->description : "", r->site_address ? r->site_address : "",
		r->paid_by && r->paid_by[0] ? r->paid_by : NULL, r->reply ? r->reply : "",
		*concl ? clue_conclusion_zh(atoi(concl)) : NULL);
}

int64_t cli_case_rate_bp(int64_t passes, int64_t decisions)
{
	if (decisions <= 0)
		return -1;
	return (passes * 20000 + decisions) / (2 * decisions);
}

void cli_case_rate_json(buf *b, int64_t bp)
{
	if (bp < 0)
		buf_puts(b, "null");
	else
		buf_fmt(b, "\"%lld.%s%lld\"", (long long)(bp / 100), bp % 100 < 10 ? "0" : "",
			(long long)(bp % 100));
}
