/*
 * test_cases.c - the case engine on the clue: deadlines across the Spring
 * Festival 2024 and the National Day 2025 (calendar-cn.md), the role x
 * transition matrix of every state, gap-free numbering that skips an
 * imported number, idempotent retries, merging, the reporter's view with
 * number + query code, and the figures of a year.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "domain/cases/clue.h"
#include "store/db.h"
#include "unit_db.h"

static db *d;
static char path[64];
static const audit_actor op = {"cli:test", "cli", ""};

static void setup(void)
{
	char err[256];
	snprintf(path, sizeof path, "/tmp/anxin-cases-%d.db", (int)getpid());
	d = unit_db_open("cases", path, DB_OPEN_CREATE, err, sizeof err);
	cr_assert(d, "db_open: %s", err);
}

static void teardown(void)
{
	char p[96];
	db_close(d);
	unit_db_drop("cases");
	unlink(path);
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-desk", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-desk-wal", path);
	unlink(p);
}

TestSuite(cases, .init = setup, .fini = teardown);

static day_t day(const char *s)
{
	day_t x = 0;
	cr_assert(date_parse_iso(s, &x), "%s", s);
	return x;
}

/* The operator on day s. */
static case_ctx opctx(const char *s)
{
	case_ctx c = {.who = &op, .operator = 1, .scope = rec_scope_all(), .now = 1700000000,
		      .today = day(s)};
	return c;
}

/* A clue received on s (officer intake). */
static void new_clue(const char *s, const char *employer, clue_created *out)
{
	clue_intake in = {.channel = "hotline", .received_date = s, .reporter_name = "王五",
			  .employer_name = employer, .description = "欠薪三个月",
			  .amount_claimed = "12000.50", .street = "新港街道"};
	case_ctx c = opctx(s);
	char err[256];
	cr_assert_eq(clue_create(d, &in, &c, out, err, sizeof err), CASE_OK, "%s", err);
}

static case_rc act(const char *num, const char *action, const char *on, const case_args *a,
		   case_outcome *o)
{
	case_ctx c = opctx(on);
	char err[256];
	return case_act(d, &case_clue, num, action, a, &c, o, err, sizeof err);
}

static const case_args conclusion = {.conclusion = "1", .workers_resolved = "3",
				     .amount_resolved = "12000.50", .paid_by = "employer",
				     .reply = "已督促支付"};

Test(cases, spring_festival_2024)
{
	clue_created a, b;
	case_outcome o;
	case_args tr = {.street = "新港街道"};

	/* received Thu 02-08: due the next working day, Fri 02-09 */
	new_clue("2024-02-08", "甲公司", &a);
	cr_assert_str_eq(a.deadline, "2024-02-09");
	cr_assert_str_eq(a.number, "QX-2024-000001");
	/* received Fri 02-09: 02-10..17 off, Sun 02-18 an adjusted working day */
	new_clue("2024-02-09", "乙公司", &b);
	cr_assert_str_eq(b.deadline, "2024-02-18");
	cr_assert_str_eq(b.number, "QX-2024-000002");
	/* transferred 02-08: 15 working days -> 03-06 */
	cr_assert_eq(act(a.number, "transfer", "2024-02-08", &tr, &o), CASE_OK);
	cr_assert_str_eq(o.deadline, "2024-03-06");
	/* 签收 keeps the running deadline */
	cr_assert_eq(act(a.number, "accept", "2024-02-20", NULL, &o), CASE_OK);
	cr_assert_str_eq(o.deadline, "2024-03-06");
}

Test(cases, national_day_2025)
{
	clue_created a;
	case_outcome o;
	case_args tr = {.street = "新港街道"}, ret = {.reason = "金额不符"};

	new_clue("2025-09-01", "丙公司", &a);
	cr_assert_eq(act(a.number, "transfer", "2025-09-01", &tr, &o), CASE_OK);
	/* returned Fri 09-26: Sun 09-28 works, 10-01..08 off -> 10-10 */
	cr_assert_eq(act(a.number, "conclude", "2025-09-25", &conclusion, &o), CASE_OK);
	cr_assert_eq(act(a.number, "return", "2025-09-26", &ret, &o), CASE_OK);
	cr_assert_str_eq(o.deadline, "2025-10-10");
	/* submitted Tue 09-30: 10-09, 10-10, Sat 10-11 (works) -> 10-11 */
	cr_assert_eq(act(a.number, "conclude", "2025-09-30", &conclusion, &o), CASE_OK);
	cr_assert_str_eq(o.deadline, "2025-10-11");
	/* overdue on 10-13 by 2 calendar days */
	case_row r;
	cr_assert_eq(case_get(d, &case_clue, a.number, &(rec_scope){.kind = REC_SCOPE_ALL},
			      day("2025-10-13"), &r),
		     1);
	cr_assert_eq(r.days_overdue, 2);
	cr_assert_eq(r.returns, 1);
	case_row_free(&r);
}
