/*
 * openapi.c - GET /api/v1/openapi.json: the OpenAPI 3.0 document, built at
 * run time from KINDS[] (every kind's list, detail, create, update, import
 * and export paths and its record schema) plus the fixed endpoints, so it
 * cannot drift from the code. docs/api.md is the short human version.
 */
#include <stdio.h>
#include <string.h>

#include "http/api.h"
#include "http/meta.h"

/* The JSON schema of one field as the API writes it. */
static void field_schema(buf *b, const field *f)
{
	buf_fmt(b, "{\"description\":%j,", f->zh);
	switch (f->type) {
	case FT_MONEY:
		buf_puts(b, "\"type\":\"string\",\"pattern\":\"^-?[0-9]+\\\\.[0-9]{2}$\","
			 "\"example\":\"1234.50\"");
		break;
	case FT_DEC2: buf_puts(b, "\"type\":\"number\""); break;
	case FT_INT:
		buf_puts(b, "\"type\":\"integer\"");
		if (f->max > f->min)
			buf_fmt(b, ",\"minimum\":%lld,\"maximum\":%lld", (long long)f->min,
				(long long)f->max);
		break;
	case FT_DATE: buf_puts(b, "\"type\":\"string\",\"format\":\"date\""); break;
	case FT_MONTH: buf_puts(b, "\"type\":\"string\",\"pattern\":\"^[0-9]{4}-[0-9]{2}$\""); break;
	case FT_BOOL: buf_puts(b, "\"type\":\"boolean\""); break;
	case FT_ENUM:
		buf_puts(b, "\"type\":\"string\",\"enum\":[");
		for (int i = 0; f->codes[i]; i++)
			buf_fmt(b, "%s%j", i ? "," : "", f->codes[i]);
		buf_putc(b, ']');
		break;
	case FT_TEXT:
		buf_fmt(b, "\"type\":\"string\",\"maxLength\":%d", f->maxlen ? f->maxlen : 500);
		break;
	default:
		buf_fmt(b, "\"type\":\"string\",\"x-anxin-type\":%j", api_type_name(f->type));
	}
	if (!(f->flags & F_REQ))
		buf_puts(b, ",\"nullable\":true");
	if (f->flags & F_PERSONAL)
		buf_puts(b, ",\"x-personal\":true");
	if (f->flags & F_DERIVED)
		buf_puts(b, ",\"readOnly\":true");
	buf_putc(b, '}');
}

static void kind_schema(buf *b, const kind *k)
{
	buf_fmt(b, "%j:{\"type\":\"object\",\"description\":%j,\"required\":[\"id\"", k->name, k->zh);
	for (int i = 0; i < k->nfields; i++)
		if ((k->fields[i].flags & F_REQ) && !(k->fields[i].flags & F_DERIVED))
			buf_fmt(b, ",%j", k->fields[i].key);
	buf_puts(b, "],\"properties\":{\"id\":{\"type\":\"integer\",\"readOnly\":true}");
	for (int i = 0; i < k->nfields; i++) {
		buf_fmt(b, ",%j:", k->fields[i].key);
		field_schema(b, &k->fields[i]);
	}
	buf_puts(b, "}}");
}

#define REF(x) "{\"$ref\":\"#/components/schemas/" x "\"}"
#define JSON_CONTENT(schema) "{\"application/json\":{\"schema\":" schema "}}"

static const char ERRORS[] =
	"\"400\":{\"description\":\"bad parameter\",\"content\":" JSON_CONTENT(REF("Error")) "},"
	"\"401\":{\"description\":\"no session or token\",\"content\":" JSON_CONTENT(REF("Error")) "},"
	"\"403\":{\"description\":\"the role may not (or code csrf: X-CSRF-Token missing)\","
	"\"content\":" JSON_CONTENT(REF("Error")) "},"
	"\"404\":{\"description\":\"no such kind or record, or outside the caller's scope\",\"content\":" JSON_CONTENT(REF("Error")) "}";

static void param(buf *b, int first, const char *name, const char *in, const char *type,
		  const char *desc)
{
	buf_fmt(b, "%s{\"name\":%j,\"in\":%j,%s\"schema\":{\"type\":%j},\"description\":%j}",
		first ? "" : ",", name, in, strcmp(in, "path") == 0 ? "\"required\":true," : "",
		type, desc);
}

static void kind_paths(buf *b, const kind *k)
{
	/* list + create */
	buf_fmt(b, ",\"/api/v1/%s\":{\"get\":{\"summary\":%j,\"tags\":[%j],\"parameters\":[",
		k->name, k->zh, k->name);
	param(b, 1, "page", "query", "integer", "1-based page");
	param(b, 0, "per_page", "query", "integer", "1..500, default 50");
	param(b, 0, "sort", "query", "string",
	      "FIELD or -FIELD (not a personal field for a role that sees it masked: 400)");
	param(b, 0, "q", "query", "string",
	      "substring of searchable fields, or a full key; a full ID number only for a role "
	      "that sees personal data");
	for (int i = 0; i < k->nfields; i++) {
		const field *f = &k->fields[i];
		char name[80];
		param(b, 0, f->key, "query", "string",
		      (f->flags & F_PERSONAL) ? "exact match (personal: only for a role that sees it "
						"in full, else 400 personal_field)"
					      : "exact match");
		if (f->type == FT_DATE || f->type == FT_MONTH || f->type == FT_MONEY ||
		    f->type == FT_INT || f->type == FT_DEC2) {
			snprintf(name, sizeof name, "%s_from", f->key);
			param(b, 0, name, "query", "string", "inclusive lower bound");
			snprintf(name, sizeof name, "%s_to", f->key);
			param(b, 0, name, "query", "string", "inclusive upper bound");
		}
	}
	buf_fmt(b, "],\"responses\":{\"200\":{\"description\":\"one page\",\"content\":"
		"{\"application/json\":{\"schema\":{\"type\":\"object\",\"properties\":{"
		"\"kind\":{\"type\":\"string\"},\"total\":{\"type\":\"integer\"},"
		"\"page\":{\"type\":\"integer\"},\"per_page\":{\"type\":\"integer\"},"
		"\"items\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/%s\"}}}}}}},%s}},",
		k->name, ERRORS);
	buf_fmt(b, "\"post\":{\"summary\":\"create or update by key\",\"tags\":[%j],"
		"\"requestBody\":{\"required\":true,\"content\":{\"application/json\":{\"schema\":"
		"{\"$ref\":\"#/components/schemas/%s\"}}}},\"responses\":{"
		"\"200\":{\"description\":\"written\",\"content\":" JSON_CONTENT(REF("WriteResult")) "},"
		"\"422\":{\"description\":\"invalid\",\"content\":" JSON_CONTENT(REF("ImportReport")) "},"
		"%s}}}",
		k->name, k->name, ERRORS);
	/* detail + update */
	buf_fmt(b, ",\"/api/v1/%s/{id}\":{\"parameters\":[", k->name);
	param(b, 1, "id", "path", "integer", "record id");
	buf_fmt(b, "],\"get\":{\"summary\":\"one record with related data\",\"tags\":[%j],"
		"\"parameters\":[", k->name);
	param(b, 1, "as_of", "query", "string", "YYYY-MM-DD, default today");
	buf_fmt(b, "],\"responses\":{\"200\":{\"description\":\"the record\",\"content\":"
		"{\"application/json\":{\"schema\":{\"type\":\"object\",\"properties\":{"
		"\"item\":{\"$ref\":\"#/components/schemas/%s\"},\"related\":{\"type\":\"object\"}}}}}},"
		"%s}},",
		k->name, ERRORS);
	buf_fmt(b, "\"put\":{\"summary\":\"update this record\",\"tags\":[%j],"
		"\"requestBody\":{\"required\":true,\"content\":{\"application/json\":{\"schema\":"
		"{\"type\":\"object\"}}}},\"responses\":{"
		"\"200\":{\"description\":\"written\",\"content\":" JSON_CONTENT(REF("WriteResult")) "},"
		"\"422\":{\"description\":\"invalid\",\"content\":" JSON_CONTENT(REF("ImportReport")) "},"
		"%s}}}",
		k->name, ERRORS);
	/* import + export */
	buf_fmt(b, ",\"/api/v1/import/%s\":{\"post\":{\"summary\":\"bulk import (all rows or none)\","
		"\"tags\":[%j],\"parameters\":[", k->name, k->name);
	param(b, 1, "ignore_unknown", "query", "boolean", "skip unknown columns");
	param(b, 0, "filename", "query", "string", "name used in messages");
	buf_fmt(b, "],\"requestBody\":{\"required\":true,\"content\":{\"text/csv\":{\"schema\":"
		"{\"type\":\"string\",\"format\":\"binary\"}},\"application/vnd.openxmlformats-"
		"officedocument.spreadsheetml.sheet\":{\"schema\":{\"type\":\"string\",\"format\":"
		"\"binary\"}}}},\"responses\":{"
		"\"200\":{\"description\":\"committed\",\"content\":" JSON_CONTENT(REF("ImportReport")) "},"
		"\"413\":{\"description\":\"too large\",\"content\":" JSON_CONTENT(REF("Error")) "},"
		"\"422\":{\"description\":\"nothing written\",\"content\":" JSON_CONTENT(REF("ImportReport")) "},"
		"%s}}}",
		ERRORS);
	buf_fmt(b, ",\"/api/v1/export/%s\":{\"get\":{\"summary\":\"export as a file\",\"tags\":[%j],"
		"\"parameters\":[", k->name, k->name);
	param(b, 1, "format", "query", "string", "csv (default) or xlsx");
	param(b, 0, "header", "query", "string", "zh (default) or en (implies form=exchange)");
	param(b, 0, "form", "query", "string",
	      "display (default: Chinese labels, names beside codes) or exchange (re-importable); "
	      "the list's filters, q and sort apply too");
	buf_fmt(b, "],\"responses\":{\"200\":{\"description\":\"the file\",\"content\":{"
		"\"text/csv\":{},\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\":{}}},"
		"%s}}}",
		ERRORS);
	buf_fmt(b, ",\"/api/v1/template/%s\":{\"get\":{\"summary\":\"the import template\","
		"\"tags\":[%j],\"parameters\":[", k->name, k->name);
	param(b, 1, "format", "query", "string", "xlsx (default, with a 填写说明 sheet) or csv");
	buf_fmt(b, "],\"responses\":{\"200\":{\"description\":\"the file\",\"content\":{"
		"\"text/csv\":{},\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\":{}}},"
		"%s}}}",
		ERRORS);
}

static const char FIXED_PATHS[] =
	"\"/healthz\":{\"get\":{\"summary\":\"liveness\",\"responses\":{\"200\":{\"description\":"
	"\"ok\",\"content\":{\"application/json\":{\"schema\":{\"type\":\"object\",\"properties\":"
	"{\"ok\":{\"type\":\"boolean\"},\"schema\":{\"type\":\"integer\"}}}}}}}}},"
	"\"/api/v1/openapi.json\":{\"get\":{\"summary\":\"this document\",\"responses\":{\"200\":"
	"{\"description\":\"OpenAPI 3.0\"}}}},"
	"\"/api/v1/kinds\":{\"get\":{\"summary\":\"every kind with its fields\",\"responses\":"
	"{\"200\":{\"description\":\"kinds\",\"content\":{\"application/json\":{\"schema\":"
	"{\"type\":\"array\",\"items\":{\"type\":\"object\"}}}}}}}},"
	"\"/api/v1/dashboard\":{\"get\":{\"summary\":\"the dashboard figures\",\"parameters\":"
	"[{\"name\":\"as_of\",\"in\":\"query\",\"schema\":{\"type\":\"string\",\"format\":\"date\"}}],"
	"\"responses\":{\"200\":{\"description\":\"figures\",\"content\":{\"application/json\":"
	"{\"schema\":{\"type\":\"object\"}}}},\"400\":{\"description\":\"bad parameter\"}}}},"
	"\"/api/v1/login\":{\"post\":{\"summary\":\"log in (public): sets the anxin_session cookie\","
	"\"security\":[],\"requestBody\":{\"required\":true,\"content\":{\"application/json\":{\"schema\":"
	"{\"type\":\"object\",\"properties\":{\"username\":{\"type\":\"string\"},\"password\":{\"type\":"
	"\"string\"}}}}}},\"responses\":{\"200\":{\"description\":\"{user, csrf, must_change}\"},"
	"\"401\":{\"description\":\"wrong user name or password\"},\"423\":{\"description\":\"locked\"},"
	"\"429\":{\"description\":\"too many failures from this address\"}}}},"
	"\"/api/v1/logout\":{\"post\":{\"summary\":\"end the session\",\"responses\":{\"200\":"
	"{\"description\":\"ended\"}}}},"
	"\"/api/v1/password\":{\"post\":{\"summary\":\"change one's password {old, new}: a new session\","
	"\"responses\":{\"200\":{\"description\":\"{user, csrf, must_change}\"},\"400\":{\"description\":"
	"\"wrong old password or a weak new one\"}}}},"
	"\"/api/v1/me\":{\"get\":{\"summary\":\"the caller: user or token, csrf, permissions, writable kinds\","
	"\"responses\":{\"200\":{\"description\":\"the caller\"}}}},"
	"\"/api/v1/{kind}/{id}/reveal\":{\"post\":{\"summary\":\"one personal value in full {field} (audited)\","
	"\"responses\":{\"200\":{\"description\":\"{kind, id, field, value}\"}}}},"
	"\"/api/v1/users\":{\"get\":{\"summary\":\"accounts (admin)\",\"responses\":{\"200\":{\"description\":"
	"\"{items}\"}}},\"post\":{\"summary\":\"add an account {username, name, role, street, uscc}: the "
	"generated password is in the answer once\",\"responses\":{\"200\":{\"description\":\"{user, password}\"},"
	"\"422\":{\"description\":\"invalid\"}}}},"
	"\"/api/v1/users/{username}/{action}\":{\"post\":{\"summary\":\"action: disable, enable, "
	"reset-password (new password in the answer once), unlock\",\"responses\":{\"200\":{\"description\":"
	"\"{user, password}\"}}}},"
	"\"/api/v1/tokens\":{\"get\":{\"summary\":\"machine tokens (admin)\",\"responses\":{\"200\":"
	"{\"description\":\"{items}\"}}},\"post\":{\"summary\":\"create {name, bank_code | uscc, kinds}: the "
	"value is in the answer once\",\"responses\":{\"200\":{\"description\":\"{token, value}\"}}}},"
	"\"/api/v1/tokens/{id}/revoke\":{\"post\":{\"summary\":\"revoke a token\",\"responses\":{\"200\":"
	"{\"description\":\"{token}\"}}}},"
	"\"/api/v1/audit\":{\"get\":{\"summary\":\"the audit log, newest first: actor, action, since, until "
	"(dates), page, per_page\",\"responses\":{\"200\":{\"description\":\"{items, page, per_page, more}\"}}}},"
	"\"/api/v1/audit/verify\":{\"get\":{\"summary\":\"recompute the hash chain\",\"responses\":{\"200\":"
	"{\"description\":\"{ok, rows, bad_seq, reason, head, guards}\"}}}},"
	"\"/api/v1/export/warnings\":{\"get\":{\"summary\":\"the warning list as a file "
	"(format xlsx|csv; the list's filters and sort)\",\"responses\":{\"200\":{\"description\":"
	"\"the file\"}}}},"
	"\"/api/v1/warnings\":{\"get\":{\"summary\":\"warnings in the caller's scope: status (open = "
	"待处置+处置中, handling, eliminated, all; default open), level, rule, street, project_code, period, "
	"assignee, raised_from, raised_to, sort ([-]level|rule|project_code|period|street|status|raised_on|"
	"updated_on|eliminated_on|id), page, per_page\",\"tags\":[\"warnings\"],\"responses\":{\"200\":"
	"{\"description\":\"{total, page, per_page, items}\"},\"400\":{\"description\":\"bad filter\"}}}},"
	"\"/api/v1/warnings/stats\":{\"get\":{\"summary\":\"open by level, rule and street; raised / "
	"eliminated per day or month: trend=day|month, span, to (default: the last scan's as-of)\","
	"\"tags\":[\"warnings\"],\"responses\":{\"200\":{\"description\":\"{open, handling, last_scan, "
	"by_level, by_rule, by_street, trend}\"}}}},"
	"\"/api/v1/warnings/rules\":{\"get\":{\"summary\":\"the rule catalogue: code, name, per_month, "
	"level, basis, basis_text, action, responsible\",\"tags\":[\"warnings\"],\"responses\":{\"200\":"
	"{\"description\":\"[{code, name, per_month, level, basis, basis_text, action, responsible}]\"}}}},"
	"\"/api/v1/warnings/{id}\":{\"get\":{\"summary\":\"one warning: rule, level, project, period, "
	"evidence (ID numbers masked for roles that do not see them), legal basis, suggested action, history, "
	"actions the caller may take, assignees\",\"tags\":[\"warnings\"],\"responses\":{\"200\":"
	"{\"description\":\"the warning\"},\"404\":{\"description\":\"none, or outside the scope\"}}}},"
	"\"/api/v1/warnings/{id}/eliminate\":{\"post\":{\"summary\":\"eliminate by hand {reason} "
	"(required; audited)\",\"tags\":[\"warnings\"],\"responses\":{\"200\":{\"description\":"
	"\"the warning\"},\"409\":{\"description\":\"already eliminated\"},\"422\":{\"description\":"
	"\"no reason\"}}}},"
	"\"/api/v1/warnings/{id}/assign\":{\"post\":{\"summary\":\"assign {to: user name of an inspector "
	"or of a street officer of the warning's street} (audited)\",\"tags\":[\"warnings\"],\"responses\":"
	"{\"200\":{\"description\":\"the warning\"},\"409\":{\"description\":\"already eliminated\"},"
	"\"422\":{\"description\":\"unsuitable assignee\"}}}},"
	"\"/api/v1/warnings/{id}/escalate\":{\"post\":{\"summary\":\"转执法检查 {note?} (audited)\","
	"\"tags\":[\"warnings\"],\"responses\":{\"200\":{\"description\":\"the warning\"},\"409\":"
	"{\"description\":\"already eliminated\"}}}},"
	"\"/api/v1/scan\":{\"post\":{\"summary\":\"run a warning scan now {as_of?, full?} (admin, "
	"inspector; audited)\",\"tags\":[\"warnings\"],\"responses\":{\"200\":{\"description\":"
	"\"{scan: summary}\"},\"422\":{\"description\":\"bad as_of / full\"}}}},"
	"\"/api/v1/params\":{\"get\":{\"summary\":\"the warning parameters\",\"tags\":[\"warnings\"],"
	"\"responses\":{\"200\":{\"description\":\"{items: [{key, value, default, description, "
	"updated_by, updated_at}]}\"}}}},"
	"\"/api/v1/params/{key}\":{\"put\":{\"summary\":\"change a parameter {value} (admin; audited; the "
	"next scan is full)\",\"tags\":[\"warnings\"],\"responses\":{\"200\":{\"description\":"
	"\"{item}\"},\"404\":{\"description\":\"no such parameter\"},\"422\":{\"description\":"
	"\"invalid value\"}}}},"
	"\"/api/v1/import/auto\":{\"post\":{\"summary\":\"bulk import, kind from the header\","
	"\"requestBody\":{\"required\":true,\"content\":{\"application/octet-stream\":{\"schema\":"
	"{\"type\":\"string\",\"format\":\"binary\"}}}},\"responses\":{\"200\":{\"description\":"
	"\"committed\"},\"422\":{\"description\":\"nothing written\"}}}}";

static const char FIXED_SCHEMAS[] =
	"\"Error\":{\"type\":\"object\",\"properties\":{\"error\":{\"type\":\"object\",\"properties\":"
	"{\"status\":{\"type\":\"integer\"},\"code\":{\"type\":\"string\",\"enum\":[\"bad_request\","
	"\"not_found\",\"method_not_allowed\",\"unauthenticated\",\"forbidden\",\"csrf\","
	"\"password_change_required\",\"locked\",\"conflict\",\"too_large\",\"invalid\",\"unavailable\",\"internal\"]},"
	"\"message\":{\"type\":\"string\"}}}}},"
	"\"ImportError\":{\"type\":\"object\",\"properties\":{\"file\":{\"type\":\"string\"},"
	"\"row\":{\"type\":\"integer\"},\"column\":{\"type\":\"string\"},\"header\":{\"type\":\"string\"},"
	"\"field\":{\"type\":\"string\"},\"value\":{\"type\":\"string\"},\"reason\":{\"type\":\"string\"}}},"
	"\"ImportReport\":{\"type\":\"object\",\"properties\":{\"ok\":{\"type\":\"boolean\"},"
	"\"kind\":{\"type\":\"string\",\"nullable\":true},\"file\":{\"type\":\"string\"},"
	"\"encoding\":{\"type\":\"string\",\"nullable\":true},\"rows\":{\"type\":\"integer\"},"
	"\"inserted\":{\"type\":\"integer\"},\"updated\":{\"type\":\"integer\"},"
	"\"unchanged\":{\"type\":\"integer\"},\"error_count\":{\"type\":\"integer\"},"
	"\"truncated\":{\"type\":\"boolean\"},\"errors\":{\"type\":\"array\",\"items\":"
	"{\"$ref\":\"#/components/schemas/ImportError\"}},\"error\":{\"type\":\"object\","
	"\"description\":\"present on 422\"}}},"
	"\"WriteResult\":{\"type\":\"object\",\"properties\":{\"item\":{\"type\":\"object\"},"
	"\"result\":{\"type\":\"string\",\"enum\":[\"inserted\",\"updated\",\"unchanged\"]}}}";

int api_openapi(http_req *r)
{
	buf *b = http_json(r, 200);

	buf_puts(b, "{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"anxin (安薪) API\",\"version\":\"1\","
		 "\"description\":\"Wage-payment monitoring for a labour bureau. Money is a string of "
		 "yuan with two decimals; personal fields are masked unless the role sees them. Every "
		 "path but /healthz and /api/v1/login needs a session or a token; records outside the "
		 "caller's scope are 404; reads are limited per caller (429 with Retry-After).\"},"
		 "\"paths\":{");
	buf_puts(b, FIXED_PATHS);
	for (int i = 0; KINDS[i]; i++)
		kind_paths(b, KINDS[i]);
	buf_puts(b, "},\"security\":[{\"session\":[]},{\"token\":[]}],\"components\":{"
		 "\"securitySchemes\":{\"session\":{\"type\":\"apiKey\",\"in\":\"cookie\","
		 "\"name\":\"anxin_session\",\"description\":\"from POST /api/v1/login; state-changing "
		 "requests also send X-CSRF-Token\"},\"token\":{\"type\":\"http\",\"scheme\":\"bearer\","
		 "\"description\":\"a machine token anx_...\"}},\"schemas\":{");
	buf_puts(b, FIXED_SCHEMAS);
	for (int i = 0; KINDS[i]; i++) {
		buf_putc(b, ',');
		kind_schema(b, KINDS[i]);
	}
	buf_puts(b, "}}}");
	return r->status;
}
