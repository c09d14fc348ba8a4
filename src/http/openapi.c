/*
 * openapi.c - GET /api/v1/openapi.json: the OpenAPI 3.0 document, built at
 * run time from the route table (router.c) and KINDS[], so that it cannot
 * drift from the code: every route is one operation (a route with {kind}
 * one per kind), and what the route table says decides the rest.
 *
 * Derived from a route alone (a new route is documented without a line
 * here): its path and path parameters, an operationId (method + path:
 * "POST /api/v1/warnings/{id}/supervise" -> postWarningsByIdSupervise),
 * its tag, whether it is public (security: []), its request body (HR_JSON:
 * a JSON object; HR_FILE: the raw file) and every error answer it can give
 * (400 for a bad or unknown query parameter on every route; 401/403 from
 * its permission and flags; 404 for a path parameter; 413 for a body; 422
 * for a write; 429 for an authenticated GET; 500/503 everywhere), all with
 * the Error schema - http_error()'s body.
 *
 * Added by the small table ROUTE_DOCS below, per route: a nicer
 * operationId, the query parameters (by name, from QUERY_PARAMS), the
 * schemas of the body and of the 200 answer (the compact notation of
 * SCHEMAS), statuses only the handler knows (409, 415, 423, ...), and
 * routes that are not API (the web UI: "-"). A row must name a route of
 * the table (tests/unit/test_openapi.c checks it).
 *
 * docs/ui.md "API conventions" says how a new endpoint keeps the document
 * lint-clean; tests/api/ lints it with Redocly and drives a generated
 * client against the real server. docs/api.md is the short human version.
 * This file must not query the database: the document is the same for
 * every caller.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/api.h"
#include "http/meta.h"
#include "http/openapi.h"

/* ---- schemas in a compact notation --------------------------------------
 *
 * A schema is an object: "name:type name?:type ...", '?' marking a member
 * that may be absent (the others are required). A type is a base, or
 * BASE[] (an array of it), either followed by |null (nullable). Bases:
 * string integer number boolean object (free-form) any date month money,
 * or the name of another schema of this table ($ref). "{kind}" in a name
 * or a type is the kind's name ("{Kind}" capitalised); a row whose name has
 * it is one schema per kind. Members a client does not find listed here
 * may still come (additional members are allowed: a field added to an
 * answer does not break a client). */

typedef struct oa_schema {
	const char *name;
	const char *desc;
	const char *props;
} oa_schema;

#define REPORT_PROPS                                                                      \
	"ok:boolean kind:string|null file:string encoding:string|null rows:integer "     \
	"inserted:integer updated:integer unchanged:integer error_count:integer "         \
	"truncated:boolean errors:ImportError[]"

static const oa_schema SCHEMAS[] = {
	{"Error", "every error answer: a status and {\"error\":{status, code, message}}",
	 "error:ErrorBody"},
	{"ErrorBody",
	 "code: bad_request, personal_field (400); unauthenticated, login_failed (401); forbidden, "
	 "csrf, password_change_required, disabled (403); not_found (404); method_not_allowed (405); "
	 "conflict (409); too_large (413); unsupported_media_type (415); invalid, out_of_range (422); "
	 "locked (423); too_many_requests (429, Retry-After); internal (500); unavailable (503). "
	 "message: for people (Chinese first, English in brackets); never internals",
	 "status:integer code:string message:string"},
	{"ImportError", "one bad row / cell (row 0: the file as a whole)",
	 "file:string row:integer column:string header:string field:string value:string "
	 "reason:string"},
	{"ImportReport", "an import's result: counts when committed (ok), else every bad row",
	 REPORT_PROPS},
	{"InvalidReport", "422 of a write or an import: the import report plus the error object",
	 "error:ErrorBody " REPORT_PROPS},
	{"Health", NULL, "ok:boolean schema:integer"},
	{"Ready", "readiness: 200 when every check passes; 503 with the same body naming the "
	 "failed check (checks.database, checks.scan: ok, error)", "ready:boolean checks:object"},
	{"User", "a person as the session shows it",
	 "username:string name:string role:string role_zh:string street:string|null "
	 "uscc:string|null"},
	{"Session", "the answer of a log-in or a password change", "user:User csrf:string "
	 "must_change:boolean"},
	{"Token", "a machine token (never its value)",
	 "id:integer name:string prefix:string role:string bank_code:string|null uscc:string|null "
	 "kinds:string created_by:string revoked:boolean created_at?:integer last_used?:integer"},
	{"Me", "the caller: a person (user, csrf) or a token",
	 "user:User|null token:Token|null csrf:string|null must_change:boolean "
	 "sees_personal:boolean permissions:string[] writable:string[]"},
	{"LoginRequest", NULL, "username:string password:string"},
	{"PasswordRequest", NULL, "old:string new:string"},
	{"Ok", NULL, "ok:boolean"},
	{"EnumValue", NULL, "code:string label:string"},
	{"KindField", NULL,
	 "key:string zh:string type:string required:boolean key_part:boolean personal:boolean "
	 "derived:boolean search:boolean ref:string|null values:EnumValue[]|null"},
	{"Kind", "a kind of the exchange standard and its fields",
	 "name:string zh:string order_by:string fields:KindField[]"},
	{"{kind}Page", "one page of the list",
	 "kind:string total:integer page:integer per_page:integer items:{kind}[]"},
	{"{kind}Detail", "one record and its related data (docs/api.md: related records)",
	 "item:{kind} related:object"},
	{"{kind}Written", "a record written by key or id", "item:{kind} result:string"},
	{"RevealRequest", "the personal field to show in full", "field:string"},
	{"Revealed", NULL, "kind:string id:integer field:string value:string|null"},
	{"WarningCounts", NULL, "red:integer orange:integer yellow:integer total:integer"},
	{"DashboardWarnings", NULL, "open:WarningCounts"},
	{"Dashboard", "the 驾驶舱 figures (docs/api.md: dashboard)",
	 "as_of:date month:month projects:object workers:object wages:object accounts:object "
	 "deposits:object warnings:DashboardWarnings"},
	{"UserAccount", "an account as administration shows it",
	 "username:string name:string role:string role_zh:string street:string|null "
	 "uscc:string|null disabled:boolean must_change:boolean locked:boolean last_login:integer"},
	{"UserList", NULL, "items:UserAccount[]"},
	{"UserAdd", "password: optional (else one is generated and shown once)",
	 "username:string name?:string role:string street?:string uscc?:string password?:string"},
	{"UserAnswer", "password: a generated one, shown once (add, reset-password), else null",
	 "user:UserAccount password:string|null"},
	{"TokenList", NULL, "items:Token[]"},
	{"TokenCreate", "bank_code for a bank token, uscc for an enterprise token",
	 "name:string bank_code?:string uscc?:string kinds:string[]"},
	{"TokenCreated", "value: the token, shown once", "token:Token value:string"},
	{"TokenAnswer", NULL, "token:Token"},
	{"AuditRow", NULL,
	 "seq:integer time:string actor:string role:string|null address:string|null action:string "
	 "object_kind:string|null object_key:string|null before:string|null after:string|null "
	 "hash:string"},
	{"AuditPage", "newest first; more: a next page exists",
	 "page:integer per_page:integer items:AuditRow[] more:boolean"},
	{"AuditVerify", NULL,
	 "ok:boolean rows:integer bad_seq:integer reason:string|null head:string|null "
	 "guards:boolean"},
	{"Warning", "a warning as the list shows it",
	 "id:integer rule:string rule_name:string level:string level_zh:string status:string "
	 "status_zh:string project_code:string project_name:string|null project_id:integer "
	 "street:string|null enterprise_uscc:string|null enterprise_name:string|null "
	 "period:string|null summary:string items:integer raised_on:date updated_on:date "
	 "eliminated_on:string|null eliminated_how:string|null eliminated_reason:string|null "
	 "assignee:string|null escalated_on:string|null"},
	{"WarningPage", NULL, "total:integer page:integer per_page:integer items:Warning[]"},
	{"WarningEvent", NULL,
	 "event:string event_zh:string on_date:date at:string actor:string level:string|null "
	 "reason:string|null"},
	{"Assignee", NULL,
	 "username:string name:string role:string role_zh:string street:string|null"},
	{"WarningDetail", "a warning with evidence, legal basis, history and the caller's actions",
	 "id:integer rule:string rule_name:string level:string level_zh:string status:string "
	 "status_zh:string project_code:string project_name:string|null project_id:integer "
	 "street:string|null period:string|null summary:string items:integer raised_on:date "
	 "updated_on:date eliminated_on:string|null assignee:string|null "
	 "legal_basis:string|null legal_text:string|null suggested_action:string|null "
	 "responsible:string|null evidence:any history:WarningEvent[] actions:string[] "
	 "assignees:Assignee[]"},
	{"ReasonRequest", NULL, "reason:string"},
	{"AssignRequest", "to: the user name of an inspector or of a street officer of the street",
	 "to:string"},
	{"NoteRequest", NULL, "note?:string"},
	{"Rule", NULL,
	 "code:string name:string per_month:boolean level:string basis:string basis_text:string "
	 "action:string responsible:string"},
	{"CountBy", "one group of open warnings (by level, rule or street)", "n:integer"},
	{"TrendPoint", NULL,
	 "key:string raised:integer eliminated:integer eliminated_manual:integer"},
	{"Trend", NULL, "unit:string from:string to:string points:TrendPoint[]"},
	{"WarningStats", NULL,
	 "open:WarningCounts handling:integer last_scan:string|null by_level:CountBy[] "
	 "by_rule:CountBy[] by_street:CountBy[] trend:Trend"},
	{"ScanRequest", NULL, "as_of?:date|null full?:boolean|null"},
	{"ScanAnswer", "the scan's summary (docs/api.md: POST /api/v1/scan)", "scan:object"},
	{"Param", NULL,
	 "key:string value:string default:string description:string updated_by:string|null "
	 "updated_at:string|null"},
	{"ParamList", NULL, "items:Param[]"},
	{"ParamValue", "value: a string, or a number taken as written", "value:any"},
	{"ParamAnswer", NULL, "item:Param"},
	{"CaseBoxes", "the inbox tabs: 待转办 待核处 待审核 逾期, open and closed",
	 "transfer:integer handle:integer review:integer overdue:integer open:integer "
	 "closed:integer"},
	{"CaseRow", "a clue as the inbox shows it: the fields of the clues kind plus the engine's",
	 "id:integer number:string type:string state:string state_zh:string street:string "
	 "deadline:date|null deadline_code:string|null deadline_basis:string|null "
	 "deadline_zh:string|null days_left:integer|null workdays_left:integer|null "
	 "days_overdue:integer returns:integer merged_into:string|null duplicates:string[] "
	 "description:string|null site_address:string|null paid_by:string|null "
	 "paid_by_zh:string|null reply:string|null conclusion_zh:string|null"},
	{"CasePage", "one page of an inbox (box=, filters, offset / limit)",
	 "type:string as_of:date total:integer offset:integer limit:integer boxes:CaseBoxes "
	 "items:CaseRow[]"},
	{"CaseWorker", "a worker of a collective clue", "name:string id_number?:string phone?:string"},
	{"ClueIntake", "an officer's intake (登记); numbers may be given as text",
	 "reporter_name:string employer_name:string description:string channel?:string "
	 "received_date?:date reporter_id_number?:string reporter_phone?:string "
	 "employer_uscc?:string project_code?:string project_name?:string site_address?:string "
	 "street?:string workers_claimed?:any amount_claimed?:any workers?:CaseWorker[] "
	 "request_id?:string"},
	{"ClueCreated", "the clue taken in: its number, the street proposed, what matched",
	 "number:string street:string|null matched_uscc:string|null matched_project:string|null "
	 "duplicates:string[] deadline:date|null"},
	{"CaseEvent", NULL,
	 "id:integer at:string on_date:date actor:string actor_name:string role:string|null "
	 "action:string action_zh:string from_state:string|null to_state:string|null "
	 "reason:string|null detail:string|null"},
	{"CaseFile", NULL,
	 "id:integer name:string mime:string size:integer uploaded_by:string uploaded_at:string"},
	{"CaseLink", NULL, "target_type:string target:string relation:string at:string"},
	{"CaseParty", "ID number and phone masked unless the role sees personal data",
	 "name:string id_number:string|null phone:string|null"},
	{"CaseAction", "a transition the caller may take now; needs: reason street target fields",
	 "action:string zh:string to:string needs:string[]"},
	{"CaseDeadline", "unit: workdays or caldays",
	 "code:string zh:string days:integer unit:string from:string basis:string"},
	{"ClueDetail", "one clue's page",
	 "case:CaseRow history:CaseEvent[] files:CaseFile[] links:CaseLink[] parties:CaseParty[] "
	 "actions:CaseAction[] deadlines:CaseDeadline[]"},
	{"CaseActRequest", "what the action needs (numbers may be text); request_id: the "
	 "Idempotency-Key header's alternative",
	 "reason?:string street?:string target?:string conclusion?:any workers_resolved?:any "
	 "amount_resolved?:any paid_by?:string reply?:string request_id?:string"},
	{"CaseActAnswer", "replayed: a retry of a request already done (nothing changed)",
	 "number:string action:string from:string to:string deadline:date|null replayed:boolean"},
	{"CaseFileAnswer", "the attachment written (201)",
	 "id:integer name:string mime:string size:integer sha256:string uploaded_by:string "
	 "uploaded_at:string url:string"},
	{"ClueStatsRow", NULL,
	 "received:integer resolved:integer decisions:integer passes:integer pass_rate:string|null "
	 "workers_resolved:integer amount_resolved:string overdue:integer"},
	{"ClueStats", "pass_rate: passes / decisions in %, two decimals, null without decisions; "
	 "amount_resolved: yuan",
	 "year:integer street:string|null as_of:date received:integer resolved:integer "
	 "decisions:integer passes:integer pass_rate:string|null workers_resolved:integer "
	 "amount_resolved:string overdue:integer by_month:ClueStatsRow[] by_street:ClueStatsRow[] "
	 "by_conclusion:object[]"},
	{"OverdueCase", NULL,
	 "number:string type:string type_zh:string state:string state_zh:string street:string "
	 "opened:string deadline:date deadline_code:string deadline_zh:string|null "
	 "deadline_basis:string days_overdue:integer workdays_left:integer"},
	{"OverdueList", "format=csv: the same as CSV (number,type,state,street,deadline,"
	 "deadline_basis,days_overdue,...)", "as_of:date total:integer items:OverdueCase[]"},
	{"PublicForm", "a form token: file with it after min_seconds, before max_seconds, once",
	 "token:string min_seconds:integer max_seconds:integer"},
	{"PublicClueRequest", "website: the honeypot, must stay empty",
	 "token:string website?:string reporter_name:string reporter_phone:string "
	 "employer_name:string description:string reporter_id_number?:string "
	 "project_name?:string site_address?:string workers_claimed?:any amount_claimed?:any "
	 "workers?:CaseWorker[]"},
	{"PublicClueFiled", "query_code: shown once, with the number it opens the status",
	 "number:string query_code:string received_date:date"},
	{"PublicPhotoAnswer", NULL, "number:string photo:integer mime:string size:integer"},
	{"PublicStatusRequest", NULL, "code:string"},
	{"PublicStatus", "all a reporter sees of the clue",
	 "number:string received_date:date state:string state_zh:string updated:string|null "
	 "concluded:boolean reply:string|null merged_into:string|null"},
	{NULL, NULL, NULL},
};

/* ---- query parameters by name -------------------------------------------- */

typedef struct oa_param {
	const char *name;
	const char *schema;  /* JSON */
	const char *desc;
} oa_param;

#define S_DATE "{\"type\":\"string\",\"format\":\"date\"}"

static const oa_param QUERY_PARAMS[] = {
	{"page", "{\"type\":\"integer\",\"minimum\":1,\"default\":1}", "1-based page"},
	{"per_page", "{\"type\":\"integer\",\"minimum\":1,\"maximum\":500,\"default\":50}",
	 "items per page"},
	{"sort", "{\"type\":\"string\"}", "FIELD or -FIELD (descending)"},
	{"q", "{\"type\":\"string\"}",
	 "substring of the searchable fields, or a full key; a full ID number only for a role "
	 "that sees personal data"},
	{"as_of", S_DATE, "the day the figures are for (default: today, Asia/Shanghai)"},
	{"ignore_unknown", "{\"type\":\"boolean\"}", "skip unknown columns instead of failing"},
	{"filename", "{\"type\":\"string\",\"maxLength\":200}", "the file's name, for messages"},
	{"format", "{\"type\":\"string\",\"enum\":[\"csv\",\"xlsx\",\"json\"]}",
	 "csv (default) or xlsx; the overdue list: json (default) or csv"},
	{"header", "{\"type\":\"string\",\"enum\":[\"zh\",\"en\"]}",
	 "Chinese (default) or English column headers"},
	{"unmasked", "{\"type\":\"boolean\"}",
	 "personal fields in full (permission export_unmasked; audited)"},
	{"actor", "{\"type\":\"string\"}", "a user name or token:ID"},
	{"action", "{\"type\":\"string\"}", "an audit action (login, import, ...)"},
	{"since", S_DATE, "from this day (inclusive)"},
	{"until", S_DATE, "to this day (inclusive)"},
	{"status", "{\"type\":\"string\",\"enum\":[\"open\",\"handling\",\"eliminated\",\"all\"]}",
	 "open (default: 待处置 and 处置中), handling, eliminated or all"},
	{"level", "{\"type\":\"string\",\"enum\":[\"red\",\"orange\",\"yellow\"]}", "warning level"},
	{"rule", "{\"type\":\"string\"}", "a rule code (WAGE_UNPAID, ...)"},
	{"street", "{\"type\":\"string\"}", "a street (街镇)"},
	{"project_code", "{\"type\":\"string\"}", "a project's code"},
	{"period", "{\"type\":\"string\",\"pattern\":\"^[0-9]{4}-[0-9]{2}$\"}", "a month YYYY-MM"},
	{"assignee", "{\"type\":\"string\"}", "the assignee's user name"},
	{"raised_from", S_DATE, "raised on or after"},
	{"raised_to", S_DATE, "raised on or before"},
	{"todo", "{\"type\":\"boolean\"}", "我的待办: assigned to the caller (and, by role, the street's unassigned ones or 复核 requests)"},
	{"open_on", S_DATE, "open on that day (raised by then, not eliminated by then) instead of status"},
	{"enterprise_uscc", "{\"type\":\"string\"}", "warnings an enterprise answers for or of projects it takes part in"},
	{"layout", "{\"type\":\"string\",\"enum\":[\"display\",\"exchange\"]}", "display (default: Chinese labels, names beside codes) or exchange (the data-exchange standard, re-importable)"},
	{"trend", "{\"type\":\"string\",\"enum\":[\"day\",\"month\"]}", "the trend's unit"},
	{"span", "{\"type\":\"integer\",\"minimum\":1,\"maximum\":366}",
	 "days (<= 366, default 30) or months (<= 120, default 12)"},
	{"to", S_DATE, "the trend's last day (default: the last scan's as-of date); cases: opened on or before"},
	{"box", "{\"type\":\"string\",\"enum\":[\"transfer\",\"handle\",\"review\",\"overdue\","
	 "\"open\",\"closed\",\"all\"]}",
	 "an inbox: 待转办 transfer, 待核处 handle, 待审核 review, 逾期 overdue, open, closed, all (default)"},
	{"state", "{\"type\":\"string\"}", "a case state (received, transferred, ...)"},
	{"from", S_DATE, "opened on or after"},
	{"offset", "{\"type\":\"integer\",\"minimum\":0,\"default\":0}", "items to skip"},
	{"limit", "{\"type\":\"integer\",\"minimum\":0,\"maximum\":500,\"default\":50}",
	 "items at most (0: all)"},
	{"year", "{\"type\":\"integer\",\"minimum\":2000,\"maximum\":2100}",
	 "the year (default: the as-of day's)"},
	{"name", "{\"type\":\"string\",\"maxLength\":200}", "the file's name"},
	{"code", "{\"type\":\"string\",\"maxLength\":63}", "the clue's query code"},
	{NULL, NULL, NULL},
};

/* ---- what the route table does not say ----------------------------------- */

typedef struct route_doc {
	const char *method, *pattern;  /* the route (router.c), exactly */
	const char *op;      /* operationId ("{Kind}": the kind); NULL: derived; "-": not API */
	const char *tag;     /* NULL: the path's first literal segment, or the kind */
	const char *query;   /* query parameter names; "{fields}": the kind's list filters */
	const char *body;    /* schema type of the JSON body ('?' first: optional) */
	const char *reply;   /* schema type of the 200 answer; "@file": an export;
				"@text": Prometheus text */
	const char *errors;  /* statuses the handler adds: "409 422" */
	const char *kinds;   /* {kind} stands for: NULL every kind; "auto" also auto;
				"personal" kinds with a personal field */
} route_doc;

static const route_doc ROUTE_DOCS[] = {
	{"GET", "/healthz", "getHealth", "meta", NULL, NULL, "Health", NULL, NULL},
	{"GET", "/readyz", "getReady", "meta", NULL, NULL, "Ready", NULL, NULL},
	{"GET", "/metrics", "getMetrics", "meta", NULL, NULL, "@text", "404", NULL},
	{"GET", "/api/v1/openapi.json", "getOpenApi", "meta", NULL, NULL, "object", NULL, NULL},
	{"GET", "/api/v1/kinds", "listKinds", "meta", NULL, NULL, "Kind[]", NULL, NULL},
	{"GET", "/api/v1/dashboard", "getDashboard", "dashboard", "as_of", NULL, "Dashboard", "422",
	 NULL},
	{"POST", "/api/v1/import/{kind}", "import{Kind}", "import", "ignore_unknown filename", NULL,
	 "ImportReport", NULL, "auto"},
	{"GET", "/api/v1/export/{kind}", "export{Kind}", "export",
	 "format header unmasked layout sort q as_of {fields}", NULL, "@file", NULL, NULL},
	{"GET", "/api/v1/export/warnings", "exportWarnings", "export",
	 "format status level rule street project_code period assignee raised_from raised_to sort "
	 "todo open_on enterprise_uscc", NULL, "@file", NULL, NULL},
	{"GET", "/api/v1/export/cases/clue", "exportClueInbox", NULL,
	 "format box state street q from to as_of", NULL, "@file", NULL, NULL},
	{"GET", "/api/v1/template/{kind}", "template{Kind}", "import", "format", NULL, "@file", NULL,
	 NULL},
	{"GET", "/api/v1/{kind}", "list{Kind}", NULL, "page per_page sort q {fields}", NULL,
	 "{kind}Page", NULL, NULL},
	{"POST", "/api/v1/{kind}", "create{Kind}", NULL, NULL, "{kind}", "{kind}Written", NULL, NULL},
	{"GET", "/api/v1/{kind}/{id}", "get{Kind}ById", NULL, "as_of", NULL, "{kind}Detail", NULL,
	 NULL},
	{"PUT", "/api/v1/{kind}/{id}", "update{Kind}ById", NULL, NULL, "object", "{kind}Written",
	 NULL, NULL},
	{"POST", "/api/v1/{kind}/{id}/reveal", "reveal{Kind}Field", NULL, NULL, "RevealRequest",
	 "Revealed", NULL, "personal"},
	{"POST", "/api/v1/login", "login", "session", NULL, "LoginRequest", "Session", "401 403 415 429",
	 NULL},
	{"POST", "/api/v1/logout", "logout", "session", NULL, NULL, "Ok", NULL, NULL},
	{"POST", "/api/v1/password", "changePassword", "session", NULL, "PasswordRequest", "Session",
	 "423", NULL},
	{"GET", "/api/v1/me", "getMe", "session", NULL, NULL, "Me", NULL, NULL},
	{"GET", "/api/v1/users", "listUsers", NULL, NULL, NULL, "UserList", NULL, NULL},
	{"POST", "/api/v1/users", "addUser", NULL, NULL, "UserAdd", "UserAnswer", "422", NULL},
	{"POST", "/api/v1/users/{username}/disable", "disableUser", "users", NULL, NULL, "UserAnswer",
	 "422", NULL},
	{"POST", "/api/v1/users/{username}/enable", "enableUser", "users", NULL, NULL, "UserAnswer",
	 "422", NULL},
	{"POST", "/api/v1/users/{username}/reset-password", "resetUserPassword", "users", NULL, NULL,
	 "UserAnswer", "422", NULL},
	{"POST", "/api/v1/users/{username}/unlock", "unlockUser", "users", NULL, NULL, "UserAnswer",
	 "422", NULL},
	{"GET", "/api/v1/tokens", "listTokens", NULL, NULL, NULL, "TokenList", NULL, NULL},
	{"POST", "/api/v1/tokens", "createToken", NULL, NULL, "TokenCreate", "TokenCreated", "422",
	 NULL},
	{"POST", "/api/v1/tokens/{id}/revoke", "revokeToken", NULL, NULL, NULL, "TokenAnswer", "422",
	 NULL},
	{"GET", "/api/v1/audit", "listAudit", NULL, "actor action since until page per_page", NULL,
	 "AuditPage", NULL, NULL},
	{"GET", "/api/v1/audit/verify", "verifyAudit", NULL, NULL, NULL, "AuditVerify", NULL, NULL},
	{"GET", "/api/v1/warnings", "listWarnings", NULL,
	 "status level rule street project_code period assignee raised_from raised_to sort page "
	 "per_page todo open_on enterprise_uscc", NULL, "WarningPage", NULL, NULL},
	{"GET", "/api/v1/warnings/by-project", "listWarningsByProject", NULL,
	 "status level rule street project_code period assignee raised_from raised_to page "
	 "per_page todo open_on enterprise_uscc", NULL, "object", NULL, NULL},
	{"POST", "/api/v1/warnings/batch", "batchWarnings", NULL, NULL, "object", "object", "422",
	 NULL},
	{"POST", "/api/v1/warnings/{id}/supervise", "superviseWarning", NULL, NULL, "NoteRequest",
	 "WarningDetail", "409 422", NULL},
	{"POST", "/api/v1/warnings/{id}/confirm", "confirmWarningElimination", NULL, NULL,
	 "?NoteRequest", "WarningDetail", "409 422", NULL},
	{"POST", "/api/v1/warnings/{id}/reject", "rejectWarningElimination", NULL, NULL,
	 "ReasonRequest", "WarningDetail", "409 422", NULL},
	{"POST", "/api/v1/warnings/{id}/files", "attachWarningFile", NULL, "filename", NULL,
	 "object", "409 415", NULL},
	{"GET", "/api/v1/warnings/{id}/files/{fid}", "getWarningFile", NULL, NULL, NULL, "@file",
	 NULL, NULL},
	{"GET", "/api/v1/warnings/rules", "listWarningRules", NULL, NULL, NULL, "Rule[]", NULL, NULL},
	{"GET", "/api/v1/warnings/stats", "getWarningStats", NULL, "trend span to", NULL,
	 "WarningStats", NULL, NULL},
	{"GET", "/api/v1/warnings/{id}", "getWarning", NULL, NULL, NULL, "WarningDetail", NULL, NULL},
	{"POST", "/api/v1/warnings/{id}/eliminate", "eliminateWarning", NULL, NULL, "ReasonRequest",
	 "WarningDetail", "409 422", NULL},
	{"POST", "/api/v1/warnings/{id}/assign", "assignWarning", NULL, NULL, "AssignRequest",
	 "WarningDetail", "409 422", NULL},
	{"POST", "/api/v1/warnings/{id}/escalate", "escalateWarning", NULL, NULL, "NoteRequest",
	 "WarningDetail", "409 422", NULL},
	{"POST", "/api/v1/scan", "runScan", "warnings", NULL, "?ScanRequest", "ScanAnswer", "422",
	 NULL},
	{"GET", "/api/v1/params", "listParams", "warnings", NULL, NULL, "ParamList", NULL, NULL},
	{"PUT", "/api/v1/params/{key}", "setParam", "warnings", NULL, "ParamValue", "ParamAnswer",
	 "422", NULL},
	{"GET", "/api/v1/cases/clue", "listClueInbox", NULL,
	 "box state street q from to offset limit as_of", NULL, "CasePage", NULL, NULL},
	{"POST", "/api/v1/cases/clue", "createClue", NULL, "as_of", "ClueIntake", "ClueCreated",
	 "409 422", NULL},
	{"GET", "/api/v1/cases/clue/stats", "getClueStats", NULL, "year street as_of", NULL,
	 "ClueStats", NULL, NULL},
	{"GET", "/api/v1/cases/clue/{number}", "getClue", NULL, "as_of", NULL, "ClueDetail", NULL,
	 NULL},
	{"POST", "/api/v1/cases/clue/{number}/transfer", "transferClue", NULL, "as_of",
	 "CaseActRequest", "CaseActAnswer", "409 422", NULL},
	{"POST", "/api/v1/cases/clue/{number}/accept", "acceptClue", NULL, "as_of",
	 "?CaseActRequest", "CaseActAnswer", "409 422", NULL},
	{"POST", "/api/v1/cases/clue/{number}/conclude", "concludeClue", NULL, "as_of",
	 "CaseActRequest", "CaseActAnswer", "409 422", NULL},
	{"POST", "/api/v1/cases/clue/{number}/pass", "passClue", NULL, "as_of", "?CaseActRequest",
	 "CaseActAnswer", "409 422", NULL},
	{"POST", "/api/v1/cases/clue/{number}/return", "returnClue", NULL, "as_of",
	 "CaseActRequest", "CaseActAnswer", "409 422", NULL},
	{"POST", "/api/v1/cases/clue/{number}/merge", "mergeClue", NULL, "as_of", "CaseActRequest",
	 "CaseActAnswer", "409 422", NULL},
	{"POST", "/api/v1/cases/clue/{number}/files", "attachClueFile", NULL, "name as_of", NULL,
	 "CaseFileAnswer", "409 422", NULL},
	{"GET", "/api/v1/cases/clue/{number}/files/{fid}", "getClueFile", NULL, NULL, NULL, "@file",
	 NULL, NULL},
	{"GET", "/api/v1/cases/overdue", "listOverdueCases", NULL, "format as_of", NULL,
	 "OverdueList", NULL, NULL},
	{"GET", "/api/v1/public/form", "getPublicForm", NULL, NULL, NULL, "PublicForm", "429",
	 NULL},
	{"POST", "/api/v1/public/clues", "filePublicClue", NULL, NULL, "PublicClueRequest",
	 "PublicClueFiled", "422 429", NULL},
	{"POST", "/api/v1/public/clues/{number}/photos", "addPublicCluePhoto", NULL, "code", NULL,
	 "PublicPhotoAnswer", "409 422 429", NULL},
	{"POST", "/api/v1/public/clues/{number}/status", "getPublicClueStatus", NULL, NULL,
	 "PublicStatusRequest", "PublicStatus", "422 429", NULL},
	{"GET", "/", "-", NULL, NULL, NULL, NULL, NULL, NULL},
	{"GET", "/static/{asset}", "-", NULL, NULL, NULL, NULL, NULL, NULL},
	{"GET", "/report", "-", NULL, NULL, NULL, NULL, NULL, NULL},
	{NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL},
};

/* ---- error answers ------------------------------------------------------- */

typedef struct oa_status {
	int status;
	const char *name;  /* components/responses */
	const char *desc;
} oa_status;

static const oa_status STATUSES[] = {
	{400, "BadRequest", "a bad, unknown or repeated query parameter, or a malformed body"},
	{401, "Unauthenticated", "no session or token, or an expired one"},
	{403, "Forbidden",
	 "code forbidden: the role may not; csrf: a cookie's write without X-CSRF-Token; "
	 "password_change_required: change the password first"},
	{404, "NotFound", "no such record, or outside the caller's scope"},
	{409, "Conflict", "the object's state does not allow it (e.g. already eliminated)"},
	{413, "TooLarge", "the body is too large (JSON 1 MiB, files 2 GiB)"},
	{415, "UnsupportedMediaType", "send application/json"},
	{422, "Invalid", "the request is well formed but its values are not acceptable"},
	{423, "Locked", "too many wrong passwords: locked for a while"},
	{429, "TooManyRequests", "too many requests: retry after Retry-After seconds"},
	{500, "Internal", "an internal error (logged; the message says nothing of internals)"},
	{503, "Unavailable", "busy or the database is unavailable: retry"},
	{0, NULL, NULL},
};
#define INVALID_ROWS 1 /* pseudo-status: the 422 import report */

/* ---- helpers ------------------------------------------------------------- */

/* Appends word with its first letter capitalised and the characters
 * '-', '.', '_' dropped, each capitalising the next ("reset-password" ->
 * "ResetPassword"). */
static void camel(buf *b, const char *w, size_t n)
{
	int up = 1;

	for (size_t i = 0; i < n; i++) {
		char c = w[i];
		if (c == '-' || c == '.' || c == '_') {
			up = 1;
			continue;
		}
		buf_putc(b, up && c >= 'a' && c <= 'z' ? (char)(c - 32) : c);
		up = 0;
	}
}

/* Appends s with "{kind}" replaced by kind and "{Kind}" by kind in
 * camel case ("min_wages" -> "MinWages"); kn NULL: left as they are. */
static void subst(buf *b, const char *s, const char *kn)
{
	while (*s) {
		if (kn && !strncmp(s, "{kind}", 6)) {
			buf_puts(b, kn);
			s += 6;
		} else if (kn && !strncmp(s, "{Kind}", 6)) {
			camel(b, kn, strlen(kn));
			s += 6;
		} else {
			buf_putc(b, *s++);
		}
	}
}

/* The path below /api/v1/ (or the whole path). */
static const char *api_rel(const char *pattern)
{
	return strncmp(pattern, "/api/v1/", 8) == 0 ? pattern + 8 : pattern + 1;
}

/* Appends the schema of one type of the notation ("Warning[]|null",
 * "money", "{kind}"). */
static void type_schema(buf *b, const char *t, size_t n, const char *kn)
{
	char base[96];
	int nullable = 0, array = 0;

	if (n >= 5 && !memcmp(t + n - 5, "|null", 5)) {
		nullable = 1;
		n -= 5;
	}
	if (n >= 2 && !memcmp(t + n - 2, "[]", 2)) {
		array = 1;
		n -= 2;
	}
	if (n >= sizeof base)
		n = sizeof base - 1;
	memcpy(base, t, n);
	base[n] = '\0';
	if (array)
		buf_puts(b, "{\"type\":\"array\",\"items\":");
	/* wrap: the value itself may be null. A reference is then wrapped,
	 * {"type":"object","allOf":[ref],"nullable":true}: every schema of the
	 * table is an object, and OpenAPI 3.0 wants a type beside nullable. */
	int ref = 0, wrap = nullable && !array;
	if (!strcmp(base, "string") || !strcmp(base, "integer") || !strcmp(base, "number") ||
	    !strcmp(base, "boolean") || !strcmp(base, "object"))
		buf_fmt(b, "{\"type\":%j", base);
	else if (!strcmp(base, "any"))
		buf_puts(b, "{\"description\":\"any JSON value\"");
	else if (!strcmp(base, "date"))
		buf_puts(b, "{\"type\":\"string\",\"format\":\"date\"");
	else if (!strcmp(base, "month"))
		buf_puts(b, "{\"type\":\"string\",\"pattern\":\"^[0-9]{4}-[0-9]{2}$\"");
	else if (!strcmp(base, "money"))
		buf_puts(b, "{\"type\":\"string\",\"pattern\":\"^-?[0-9]+\\\\.[0-9]{2}$\"");
	else {
		ref = 1;
		buf_puts(b, wrap ? "{\"type\":\"object\",\"allOf\":[{\"$ref\":\"#/components/schemas/"
				 : "{\"$ref\":\"#/components/schemas/");
		subst(b, base, kn);
		buf_puts(b, wrap ? "\"}]" : "\"}");
	}
	/* still open: a base type's object, or the allOf wrapper */
	if (!ref || wrap)
		buf_puts(b, wrap ? ",\"nullable\":true}" : "}");
	if (array)
		buf_puts(b, nullable ? ",\"nullable\":true}" : "}");
}

/* Appends an object schema from a member list of the notation. */
static void props_schema(buf *b, const char *desc, const char *props, const char *kn)
{
	const char *p;
	int n = 0;

	buf_puts(b, "{\"type\":\"object\"");
	if (desc)
		buf_fmt(b, ",\"description\":%j", desc);
	/* required: the members without '?' */
	for (p = props; *p;) {
		size_t len = strcspn(p, " "), nl = strcspn(p, ":");
		if (nl < len && p[nl - 1] != '?') {
			buf_puts(b, n++ ? ",\"" : ",\"required\":[\"");
			buf_putn(b, p, nl);
			buf_putc(b, '"');
		}
		p += len;
		p += strspn(p, " ");
	}
	if (n)
		buf_putc(b, ']');
	buf_puts(b, ",\"properties\":{");
	n = 0;
	for (p = props; *p;) {
		size_t len = strcspn(p, " "), nl = strcspn(p, ":");
		if (nl < len) {
			size_t name_len = p[nl - 1] == '?' ? nl - 1 : nl;
			buf_puts(b, n++ ? ",\"" : "\"");
			buf_putn(b, p, name_len);
			buf_puts(b, "\":");
			type_schema(b, p + nl + 1, len - nl - 1, kn);
		}
		p += len;
		p += strspn(p, " ");
	}
	buf_puts(b, "}}");
}

/* ---- kinds --------------------------------------------------------------- */

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

/* The record schema of kind k, named by the kind. */
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

static int kind_has_personal(const kind *k)
{
	for (int i = 0; i < k->nfields; i++)
		if (k->fields[i].flags & F_PERSONAL)
			return 1;
	return 0;
}

/* Appends one query parameter. */
static void query_param(buf *b, const char *name, const char *schema, const char *desc)
{
	buf_fmt(b, "%s{\"name\":%j,\"in\":\"query\",\"schema\":%s,\"description\":%j}",
		b->p[b->len - 1] == '[' ? "" : ",", name, schema, desc);
}

/* The list filters of kind k: FIELD=, and FIELD_from= / FIELD_to= for
 * ordered types. */
static void field_filters(buf *b, const kind *k)
{
	for (int i = 0; i < k->nfields; i++) {
		const field *f = &k->fields[i];
		char name[80];
		query_param(b, f->key, "{\"type\":\"string\"}",
			    (f->flags & F_PERSONAL) ? "exact match (personal: only for a role that sees it "
						      "in full, else 400 personal_field)"
						    : "exact match");
		if (f->type == FT_DATE || f->type == FT_MONTH || f->type == FT_MONEY ||
		    f->type == FT_INT || f->type == FT_DEC2) {
			snprintf(name, sizeof name, "%s_from", f->key);
			query_param(b, name, "{\"type\":\"string\"}", "inclusive lower bound");
			snprintf(name, sizeof name, "%s_to", f->key);
			query_param(b, name, "{\"type\":\"string\"}", "inclusive upper bound");
		}
	}
}

/* ---- operations ---------------------------------------------------------- */

/* The ROUTE_DOCS row of method + pattern, or NULL. */
static const route_doc *route_doc_of(const char *method, const char *pattern)
{
	for (const route_doc *d = ROUTE_DOCS; d->method; d++)
		if (!strcmp(d->method, method) && !strcmp(d->pattern, pattern))
			return d;
	return NULL;
}

const char *openapi_check(buf *msg)
{
	for (const route_doc *d = ROUTE_DOCS; d->method; d++) {
		const http_route *rt;
		for (rt = http_routes; rt->method; rt++)
			if (!strcmp(rt->method, d->method) && !strcmp(rt->pattern, d->pattern))
				break;
		if (!rt->method)
			buf_fmt(msg, "ROUTE_DOCS: no route %s %s\n", d->method, d->pattern);
		for (const char *q = d->query ? d->query : ""; *q;) {
			size_t n = strcspn(q, " ");
			const oa_param *p;
			for (p = QUERY_PARAMS; p->name; p++)
				if (strlen(p->name) == n && !memcmp(p->name, q, n))
					break;
			if (!p->name && !(n == 8 && !memcmp(q, "{fields}", 8))) {
				buf_puts(msg, "ROUTE_DOCS: unknown query parameter ");
				buf_putn(msg, q, n);
				buf_putc(msg, '\n');
			}
			q += n;
			q += strspn(q, " ");
		}
	}
	return msg->len ? buf_str(msg) : NULL;
}

/* The operationId of route rt for kind (or NULL). */
static void operation_id(buf *b, const http_route *rt, const route_doc *d, const char *kn)
{
	if (d && d->op) {
		subst(b, d->op, kn);
		return;
	}
	for (const char *m = rt->method; *m; m++)
		buf_putc(b, *m >= 'A' && *m <= 'Z' ? (char)(*m + 32) : *m);
	for (const char *p = api_rel(rt->pattern); *p;) {
		size_t n = strcspn(p, "/");
		if (p[0] == '{' && kn && n == 6 && !memcmp(p, "{kind}", 6)) {
			camel(b, kn, strlen(kn));
		} else if (p[0] == '{' && n > 2) {
			buf_puts(b, "By");
			camel(b, p + 1, n - 2);
		} else {
			camel(b, p, n);
		}
		p += n;
		p += strspn(p, "/");
	}
}

/* Whether status can answer route rt (d: its doc row or NULL; expanded:
 * {kind} stands for one kind). */
static int gives(const http_route *rt, const route_doc *d, int expanded, int status)
{
	const char *perm = rt->perm ? rt->perm : "";
	unsigned f = rt->flags;
	char code[8];

	snprintf(code, sizeof code, "%d", status);
	if (d && d->errors && strstr(d->errors, code))
		return 1;
	switch (status) {
	case 400: case 500: case 503: return 1;
	case 401: return *perm != '\0';
	case 403: return *perm != '\0' && ((f & HR_MUTATES) || !(f & HR_PWCHANGE) ||
					   strcmp(perm, "session") == 0);
	case 404: {
		const char *p = strchr(rt->pattern, '{');
		if (p && expanded && !strncmp(p, "{kind}", 6))
			p = strchr(p + 1, '{');
		return p != NULL;
	}
	case 413: return (f & (HR_JSON | HR_FILE)) != 0;
	case 422: return (f & HR_MUTATES) && (!strcmp(perm, "write") || !strcmp(perm, "import"));
	case 429: return *perm != '\0' && !strcmp(rt->method, "GET");
	default: return 0;
	}
}

/* Appends one operation: route rt for kind (NULL: no {kind} expansion).
 * Sets the bits of the error answers it refers to in *used. */
static void operation(buf *b, const http_route *rt, const route_doc *d, const char *kn,
		      unsigned *used)
{
	const char *perm = rt->perm ? rt->perm : "";
	const kind *k = kn ? kind_find(kn) : NULL;
	const char *rel = api_rel(rt->pattern);

	buf_fmt(b, "\"operationId\":\"");
	operation_id(b, rt, d, kn);
	buf_fmt(b, "\",\"summary\":%j,\"description\":", rt->summary);
	buf_fmt(b, *perm ? "\"Permission: %s.%s%s\"" : "\"Public.%s%s\"",
		*perm ? perm : "", kn && k ? " Kind: " : "", kn && k ? k->zh : "");
	/* tag */
	buf_puts(b, ",\"tags\":[\"");
	if (d && d->tag)
		buf_puts(b, d->tag);
	else if (kn && rel[0] == '{')
		buf_puts(b, kn);
	else
		buf_putn(b, rel, strcspn(rel, "/"));
	buf_puts(b, "\"]");
	if (!*perm)
		buf_puts(b, ",\"security\":[]");
	/* parameters: the path's, then the query's */
	buf_puts(b, ",\"parameters\":[");
	for (const char *p = rt->pattern; (p = strchr(p, '{'));) {
		size_t n = strcspn(p, "}");
		char name[40];
		snprintf(name, sizeof name, "%.*s", (int)(n - 1 < sizeof name ? n - 1 : sizeof name - 1),
			 p + 1);
		p += n;
		if (kn && !strcmp(name, "kind"))
			continue;
		buf_fmt(b, "%s{\"name\":%j,\"in\":\"path\",\"required\":true,\"schema\":%s}",
			b->p[b->len - 1] == '[' ? "" : ",", name,
			!strcmp(name, "id") ? "{\"type\":\"integer\",\"minimum\":1}"
					    : "{\"type\":\"string\"}");
	}
	for (const char *q = d && d->query ? d->query : ""; *q;) {
		size_t n = strcspn(q, " ");
		if (n == 8 && !memcmp(q, "{fields}", 8)) {
			if (k)
				field_filters(b, k);
		} else {
			for (const oa_param *p = QUERY_PARAMS; p->name; p++)
				if (strlen(p->name) == n && !memcmp(p->name, q, n))
					query_param(b, p->name, p->schema, p->desc);
		}
		q += n;
		q += strspn(q, " ");
	}
	buf_putc(b, ']');
	/* request body */
	if (rt->flags & HR_FILE) {
		buf_puts(b, ",\"requestBody\":{\"required\":true,\"description\":\"the file itself "
			 "(not a form): CSV (UTF-8 or GB18030) or XLSX\",\"content\":{");
		static const char *const types[] = {
			"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
			"application/octet-stream", NULL};
		for (int i = 0; types[i]; i++)
			buf_fmt(b, "%s%j:{\"schema\":{\"type\":\"string\",\"format\":\"binary\"}}",
				i ? "," : "", types[i]);
		buf_puts(b, "}}");
	} else if (rt->flags & HR_JSON) {
		const char *body = d && d->body ? d->body : "object";
		int optional = body[0] == '?';
		buf_fmt(b, ",\"requestBody\":{\"required\":%s,\"content\":{\"application/json\":"
			"{\"schema\":", optional ? "false" : "true");
		body += optional;
		type_schema(b, body, strlen(body), kn);
		buf_puts(b, "}}}");
	}
	/* responses */
	buf_puts(b, ",\"responses\":{\"200\":{\"description\":\"OK\",\"content\":");
	if (d && d->reply && !strcmp(d->reply, "@text")) {
		buf_puts(b, "{\"text/plain\":{\"schema\":{\"type\":\"string\"}}}");
	} else if (d && d->reply && !strcmp(d->reply, "@file")) {
		buf_puts(b, "{\"text/csv\":{\"schema\":{\"type\":\"string\",\"format\":\"binary\"}},"
			 "\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\":"
			 "{\"schema\":{\"type\":\"string\",\"format\":\"binary\"}}}");
	} else {
		const char *reply = d && d->reply ? d->reply : "object";
		buf_puts(b, "{\"application/json\":{\"schema\":");
		type_schema(b, reply, strlen(reply), kn);
		buf_puts(b, "}}");
	}
	buf_putc(b, '}');
	for (int i = 0; STATUSES[i].status; i++) {
		int s = STATUSES[i].status;
		if (!gives(rt, d, kn != NULL, s))
			continue;
		int rows = s == 422 && (!strcmp(perm, "write") || !strcmp(perm, "import"));
		buf_fmt(b, ",\"%d\":{\"$ref\":\"#/components/responses/%s\"}", s,
			rows ? "InvalidRows" : STATUSES[i].name);
		*used |= rows ? INVALID_ROWS : 1u << (i + 1);
	}
	buf_putc(b, '}');
}

/* One operation of the document: a route, and the kind its {kind} stands
 * for (NULL if none). */
typedef struct oa_op {
	char *path;
	const http_route *rt;
	const route_doc *doc;
	const char *kn;
} oa_op;

/* Adds the operation of rt for kind name kn (NULL: none) to ops. */
static void add_op(oa_op **ops, int *n, int *cap, const http_route *rt, const route_doc *d,
		   const char *kn)
{
	buf p = BUF_INIT;

	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		*ops = xrealloc(*ops, (size_t)*cap * sizeof **ops);
	}
	subst(&p, rt->pattern, kn);
	(*ops)[(*n)++] = (oa_op){buf_detach(&p), rt, d, kn};
}

/* Collects the operations of the route table, in its order: a route with
 * {kind} once per kind (only those with a personal field for "personal";
 * and "auto" last for "auto"). Returns the count; *out is malloc'd (free
 * each path and the array). */
static int collect(oa_op **out)
{
	int n = 0, cap = 0;
	oa_op *ops = NULL;

	for (const http_route *rt = http_routes; rt->method; rt++) {
		const route_doc *d = route_doc_of(rt->method, rt->pattern);
		const char *only = d && d->kinds ? d->kinds : "";
		if (d && d->op && !strcmp(d->op, "-"))
			continue;
		if (!strstr(rt->pattern, "{kind}")) {
			add_op(&ops, &n, &cap, rt, d, NULL);
			continue;
		}
		for (int i = 0; KINDS[i]; i++)
			if (strcmp(only, "personal") != 0 || kind_has_personal(KINDS[i]))
				add_op(&ops, &n, &cap, rt, d, KINDS[i]->name);
		if (!strcmp(only, "auto"))
			add_op(&ops, &n, &cap, rt, d, "auto");
	}
	*out = ops;
	return n;
}

/* Appends "paths": one path item per distinct path, its operations in
 * route-table order. */
static void paths(buf *b, unsigned *used)
{
	oa_op *ops;
	int n = collect(&ops);
	char *done = xcalloc((size_t)n + 1, 1);

	buf_puts(b, "\"paths\":{");
	for (int i = 0, np = 0; i < n; i++) {
		if (done[i])
			continue;
		buf_fmt(b, "%s%j:{", np++ ? "," : "", ops[i].path);
		for (int j = i, m = 0; j < n; j++) {
			if (done[j] || strcmp(ops[j].path, ops[i].path) != 0)
				continue;
			done[j] = 1;
			buf_puts(b, m++ ? ",\"" : "\"");
			for (const char *c = ops[j].rt->method; *c; c++)
				buf_putc(b, *c >= 'A' && *c <= 'Z' ? (char)(*c + 32) : *c);
			buf_puts(b, "\":{");
			operation(b, ops[j].rt, ops[j].doc, ops[j].kn, used);
			buf_putc(b, '}');
		}
		buf_putc(b, '}');
	}
	buf_putc(b, '}');
	for (int i = 0; i < n; i++)
		free(ops[i].path);
	free(ops);
	free(done);
}

/* Appends components.responses: the error answers some operation uses. */
static void responses(buf *b, unsigned used)
{
	int n = 0;

	buf_puts(b, "\"responses\":{");
	for (int i = 0; STATUSES[i].status; i++) {
		if (!(used & (1u << (i + 1))))
			continue;
		buf_fmt(b, "%s%j:{\"description\":%j,", n++ ? "," : "", STATUSES[i].name,
			STATUSES[i].desc);
		if (STATUSES[i].status == 429)
			buf_puts(b, "\"headers\":{\"Retry-After\":{\"description\":\"seconds to wait\","
				 "\"schema\":{\"type\":\"integer\"}}},");
		buf_puts(b, "\"content\":{\"application/json\":{\"schema\":"
			 "{\"$ref\":\"#/components/schemas/Error\"}}}}");
	}
	if (used & INVALID_ROWS)
		buf_fmt(b, "%s\"InvalidRows\":{\"description\":\"nothing was written: every bad row "
			"(the import report with the error object)\",\"content\":{\"application/json\":"
			"{\"schema\":{\"$ref\":\"#/components/schemas/InvalidReport\"}}}}",
			n ? "," : "");
	buf_putc(b, '}');
}

/* Appends components.schemas: the table's (per kind where named so) and
 * every kind's record. */
static void schemas(buf *b)
{
	int n = 0;

	buf_puts(b, "\"schemas\":{");
	for (const oa_schema *s = SCHEMAS; s->name; s++) {
		int per_kind = strstr(s->name, "{kind}") != NULL;
		for (int i = 0; per_kind ? KINDS[i] != NULL : i == 0; i++) {
			const char *kn = per_kind ? KINDS[i]->name : NULL;
			buf_puts(b, n++ ? ",\"" : "\"");
			subst(b, s->name, kn);
			buf_puts(b, "\":");
			props_schema(b, s->desc, s->props, kn);
		}
	}
	for (int i = 0; KINDS[i]; i++) {
		buf_putc(b, ',');
		kind_schema(b, KINDS[i]);
	}
	buf_putc(b, '}');
}

void openapi_document(buf *b)
{
	unsigned used = 0;

	buf_puts(b, "{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"anxin (安薪) API\",\"version\":\"1\","
		 "\"license\":{\"name\":\"Proprietary: for the district labour bureau and its "
		 "partners\"},"
		 "\"description\":\"Wage-payment monitoring for a labour bureau. Money is a string of "
		 "yuan with two decimals; personal fields are masked unless the role sees them. Every "
		 "path but /healthz, /readyz, /metrics (loopback or its own token) and /api/v1/login "
		 "needs a session or a token; a session's writes "
		 "send X-CSRF-Token; records outside the caller's scope are 404; reads are limited per "
		 "caller (429 with Retry-After). Every error is {error:{status, code, message}} "
		 "(components/schemas/Error); a method a path does not take is 405 with Allow.\"},"
		 "\"servers\":[{\"url\":\"/\",\"description\":\"the anxin server that serves this "
		 "document\"}],");
	paths(b, &used);
	buf_puts(b, ",\"security\":[{\"session\":[]},{\"token\":[]}],\"components\":{"
		 "\"securitySchemes\":{\"session\":{\"type\":\"apiKey\",\"in\":\"cookie\","
		 "\"name\":\"anxin_session\",\"description\":\"from POST /api/v1/login; state-changing "
		 "requests also send X-CSRF-Token\"},\"token\":{\"type\":\"http\",\"scheme\":\"bearer\","
		 "\"description\":\"a machine token anx_...\"}},");
	responses(b, used);
	buf_putc(b, ',');
	schemas(b);
	buf_puts(b, "}}");
}

int api_openapi(http_req *r)
{
	openapi_document(http_json(r, 200));
	return r->status;
}
