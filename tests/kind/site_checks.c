/*
 * site_checks.c - a kind that only a test build has ($(B)/anxin-kind, see
 * the Makefile): 现场检查记录, an inspector's visit to a project. It is
 * everything adding a kind takes - this descriptor and its migration
 * (9001_site_checks.sql) - with no line of src/store changed:
 * tests/kind/kind.test.mjs imports, exports and lists it, finds it in the
 * OpenAPI document, and checks that a street officer sees only the visits
 * of its street's projects (the store reads `scope` below).
 */
#include "domain/records/kind.h"

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

static const char *const result_codes[] = {"ok", "rectify", NULL};
static const char *const result_labels[] = {"合格", "限期整改", NULL};

static const field site_check_fields[] = {
	{.key = "project_code", .zh = "项目编号", .type = FT_TEXT, .flags = F_KEY | F_REQ, .maxlen = 40, .ref = "projects"},
	{.key = "check_date", .zh = "检查日期", .type = FT_DATE, .flags = F_KEY | F_REQ},
	{.key = "inspector", .zh = "检查人", .type = FT_TEXT, .flags = F_REQ | F_SEARCH, .maxlen = 50},
	{.key = "result", .zh = "检查结论", .type = FT_ENUM, .flags = F_REQ, .codes = result_codes, .labels = result_labels},
	{.key = "fine", .zh = "罚款金额(元)", .type = FT_MONEY, .max = (int64_t)1000000 * 100},
};

/* Listed last in KINDS[] by kinds.c when built with -DANXIN_TEST_KIND. */
const kind kind_test = {
	.name = "site_checks",
	.zh = "现场检查记录",
	.table = "site_checks",
	.fields = site_check_fields,
	.nfields = N(site_check_fields),
	.order_by = "check_date",
	.scope = {.reach = REC_REACH_PROJECT_COL, .col = "project_code"},
};
