/*
 * cli_case_common.c - the shared part of the case commands (cli_case.h):
 * the operator's context, formats, and the JSON of a case row - the API's
 * own (api_case_row_json), so that a script reading `anxin clues list
 * --format json` reads what GET /api/v1/cases/clue gives.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "cli/cli_case.h"
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

void cli_case_row_json(buf *b, const case_row *r)
{
	api_case_row_json(b, r, 1);  /* the API's own form, masked */
}

