/*
 * api_json.h - what the handlers share (api_json.c): the kind and the
 * record id of a path's captures, a field's stored text, and the JSON form
 * of a record, of a list of records and of an aggregate table. An api_*.c
 * file takes these from here, never from another handler file.
 */
#ifndef ANXIN_HTTP_API_JSON_H
#define ANXIN_HTTP_API_JSON_H

#include <stdint.h>

#include "domain/records/kind.h"
#include "http/req.h"
#include "store/record.h"
#include "store/stats.h"
#include "util/buf.h"

/* The kind named by capture i, or NULL after setting a 404. */
const kind *api_kind_arg(http_req *r, int i);
/* The record id in capture i: digits, 1.. . Returns 0, or -1 (no such
 * record: the caller answers 404). */
int api_parse_id(const char *s, int64_t *id);
/* The value (stored text) of field key in vals, or "" when absent. */
const char *api_field_str(const kind *k, const kind_val *vals, const char *key);
/* Appends one record as a JSON object {"id":…, field:value, …}: money as
 * "12.30", decimals and integers as numbers, booleans as true/false,
 * absent values as null; personal fields masked when mask is set. */
void api_item_json(buf *b, const kind *k, int64_t id, const kind_val *vals,
		   int mask);
/* The same, plus for each reference that names an existing record (a
 * payroll row's worker, employer, project...) "<ref>_id" and "<ref>_name",
 * <ref> being the key without its _id_number / _uscc / _code / _no suffix:
 * worker_id_number -> worker_id, worker_name. d NULL: no references. */
void api_item_json_refs(buf *b, db *d, const kind *k, int64_t id, const kind_val *vals,
			int mask);
/* The same for a row of rec_list_rows, its references read with it
 * (q->ref_kinds = api_ref_kinds(k)): the same bytes as api_item_json_refs. */
void api_item_json_row(buf *b, const kind *k, const rec_row *row, int mask);
/* For each field of k the kind it references, or NULL (for
 * rec_query.ref_kinds); NULL for a kind not in KINDS. */
const kind *const *api_ref_kinds(const kind *k);
/* Appends a JSON array of the records of k whose field key equals value
 * (stored form) within scope (NULL = all), sorted by sort (a field key,
 * "-" prefix descending), at most limit (0 = all), masked when mask. */
void api_items_where(buf *b, db *d, const kind *k, const char *key,
		     const char *value, const char *sort, int64_t limit,
		     const rec_scope *scope, int mask);
/* Appends t as a JSON array of objects keyed by its column names (a money
 * sum out of range as null). */
void api_table_json(buf *b, const stats_table *t);

/* ---- cases (api_case_json.c) ---------------------------------------------- */

struct case_row;
struct case_ctx;
/* Appends one case as the case lists show it (docs/api.md "Cases and
 * clues", CASEROW): its kind's fields as api_item_json gives them (masked
 * when mask), plus state_zh, the running deadline and its figures, returns,
 * merged_into, duplicates and the type's own texts. */
void api_case_row_json(buf *b, const struct case_row *row, int mask);
/* Fills c (and *who, which c points to) for r's caller: its role and scope,
 * now, the as-of day (as_of=, default today: 400 set and -1 when bad) and
 * the request key (NULL: none). */
int api_case_ctx(http_req *r, struct case_ctx *c, audit_actor *who, const char *request_key);
/* Answers the error of an engine call: CASE_INVALID 422 invalid, CASE_GONE
 * 404 not_found, CASE_STATE 409 state, CASE_DENIED 403 forbidden, CASE_LIMIT
 * 413 too_large, else 500 (err logged, not shown). Returns the status. */
int api_case_error(http_req *r, int rc, const char *err);
struct case_filter;
struct case_type;
/* The inbox's filter of a request: box (transfer handle review overdue open
 * closed all), state (of t), street, q, from, to (dates). 0, or -1 with the
 * 400 answered. Paging is the caller's. */
int api_case_filter(http_req *r, const struct case_type *t, struct case_filter *f);
/* Appends the page of one case (docs/api.md, GET /api/v1/cases/clue/{number}):
 * {"case": the row, "history", "files", "links", "parties" (masked when
 * mask), "actions" (the transitions c may take, when actions is set; else
 * []), "deadlines" (with the days their parameters hold)}. The CLI's
 * `clues show --format json` writes the same. Returns 0, or -1 when a read
 * failed (the JSON is then incomplete). */
int api_case_page_json(buf *b, db *d, const struct case_row *row, const struct case_ctx *c,
		       int mask, int actions);
struct clue_stats;
/* Appends the figures of a year (docs/api.md, GET /api/v1/cases/clue/stats)
 * as one JSON object: year, street, as_of, the year's counts and pass rate
 * ("97.13" or null), by_month, by_street, by_conclusion. The CLI's `clues
 * stats --format json` writes the same. */
void api_clue_stats_json(buf *b, const struct clue_stats *s, int year, const char *street,
			 const char *as_of);
/* Sets a 422 {"error":{..., "code":"invalid", "field":what}} naming the
 * member of the body at fault. Returns 422. */
int api_field_error(http_req *r, const char *what, const char *msg);
/* Appends the space-separated words of list as a JSON array of strings. */
void api_words_json(buf *b, const char *list);

#endif
