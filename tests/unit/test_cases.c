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

/* Brings a new clue to state s through the operator's transitions. */
static void to_state(const char *num, const char *s)
{
	static const struct {
		const char *state;
		const char *path[4];
	} paths[] = {
		{"received", {NULL}},
		{"transferred", {"transfer", NULL}},
		{"handling", {"transfer", "accept", NULL}},
		{"submitted", {"transfer", "conclude", NULL}},
		{"returned", {"transfer", "conclude", "return", NULL}},
		{"passed", {"transfer", "conclude", "pass", NULL}},
	};
	case_args a = {.street = "新港街道", .reason = "补充材料"};
	case_outcome o;

	for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
		if (strcmp(paths[i].state, s))
			continue;
		for (int j = 0; paths[i].path[j]; j++) {
			const case_args *x = !strcmp(paths[i].path[j], "conclude") ? &conclusion : &a;
			cr_assert_eq(act(num, paths[i].path[j], "2026-03-02", x, &o), CASE_OK, "%s",
				     paths[i].path[j]);
		}
		return;
	}
	cr_assert_fail("state %s", s);
}

Test(cases, role_transition_matrix)
{
	static const char *const states[] = {"received", "transferred", "handling", "submitted",
					     "returned", "passed"};
	static const char *const actions[] = {"transfer", "accept", "conclude", "pass", "return",
					      "merge"};
	static const role_id roles[] = {ROLE_ADMIN, ROLE_INSPECTOR, ROLE_STREET, ROLE_LEADER,
					ROLE_ENTERPRISE};
	/* who may take each action (cases.md; docs/cases.md) */
	static const unsigned may[] = {
		CASE_ROLE(ROLE_ADMIN) | CASE_ROLE(ROLE_INSPECTOR), CASE_ROLE(ROLE_STREET),
		CASE_ROLE(ROLE_STREET), CASE_ROLE(ROLE_ADMIN) | CASE_ROLE(ROLE_INSPECTOR),
		CASE_ROLE(ROLE_ADMIN) | CASE_ROLE(ROLE_INSPECTOR),
		CASE_ROLE(ROLE_ADMIN) | CASE_ROLE(ROLE_INSPECTOR)};
	/* from which states (1 = allowed) */
	static const int from[6][6] = {
		/* rec tra han sub ret pas */
		{1, 0, 0, 0, 0, 0},   /* transfer */
		{0, 1, 0, 0, 0, 0},   /* accept */
		{0, 1, 1, 0, 1, 0},   /* conclude */
		{0, 0, 0, 1, 0, 0},   /* pass */
		{0, 0, 0, 1, 0, 0},   /* return */
		{1, 1, 1, 1, 1, 0},   /* merge */
	};
	clue_created survivor;
	int checked = 0;

	new_clue("2026-03-02", "幸存公司", &survivor);
	for (int s = 0; s < 6; s++)
		for (int a = 0; a < 6; a++)
			for (size_t r = 0; r < sizeof roles / sizeof roles[0]; r++) {
				clue_created c;
				char err[256];
				case_outcome o;
				new_clue("2026-03-02", "矩阵公司", &c);
				to_state(c.number, states[s]);
				audit_actor who = {"someone", role_code(roles[r]), ""};
				case_ctx ctx = {.who = &who, .role = roles[r], .now = 1700000000,
						.today = day("2026-03-03")};
				if (roles[r] == ROLE_STREET)
					ctx.scope = role_scope_of(ROLE_STREET, "新港街道", NULL, NULL,
								  "2026-03-03");
				else
					ctx.scope = role_scope_of(roles[r], NULL,
								  roles[r] == ROLE_ENTERPRISE
									  ? "91120116MA05K1234X"
									  : NULL,
								  NULL, "2026-03-03");
				case_args args = conclusion;
				args.street = "新港街道";
				args.reason = "理由";
				args.target = survivor.number;
				case_rc rc = case_act(d, &case_clue, c.number, actions[a], &args, &ctx,
						      &o, err, sizeof err);
				case_rc want = roles[r] == ROLE_ENTERPRISE ? CASE_GONE
					       : !(may[a] & CASE_ROLE(roles[r])) ? CASE_DENIED
					       : !from[a][s]			  ? CASE_STATE
										  : CASE_OK;
				cr_assert_eq(rc, want, "%s by %s from %s: rc %d, want %d (%s)",
					     actions[a], role_code(roles[r]), states[s], rc, want, err);
				if (want == CASE_DENIED || want == CASE_STATE)
					cr_assert(strlen(err) > 10, "a message: %s", err);
				checked++;
			}
	cr_assert_eq(checked, 180);
}

Test(cases, other_street_is_gone)
{
	clue_created c;
	case_outcome o;
	char err[256];

	new_clue("2026-03-02", "丁公司", &c);
	to_state(c.number, "transferred");
	audit_actor who = {"zhang", "street", ""};
	case_ctx ctx = {.who = &who, .role = ROLE_STREET, .now = 1, .today = day("2026-03-03"),
			.scope = role_scope_of(ROLE_STREET, "泰达街道", NULL, NULL, "2026-03-03")};
	cr_assert_eq(case_act(d, &case_clue, c.number, "accept", NULL, &ctx, &o, err, sizeof err),
		     CASE_GONE);
	case_row r;
	cr_assert_eq(case_get(d, &case_clue, c.number, &ctx.scope, ctx.today, &r), 0);
}

static int nevents;
static void count_ev(void *ctx, const case_event *e)
{
	nevents++;
}

Test(cases, numbering_idempotency_merge)
{
	clue_created a, b, c;
	case_outcome o1, o2;
	char err[256];
	clue_intake bad = {.channel = "fax", .reporter_name = "x", .employer_name = "y",
			   .description = "z"};
	case_ctx ctx = opctx("2026-05-06");

	new_clue("2026-05-06", "戊公司", &a);
	/* a refused intake takes no number */
	cr_assert_eq(clue_create(d, &bad, &ctx, &c, err, sizeof err), CASE_INVALID);
	/* an imported clue holds QX-2026-000002: the engine skips it */
	cr_assert_eq(db_run(d, "INSERT INTO clues (number, received_date, channel, employer_name, "
			       "street, status) VALUES ('QX-2026-000002', '2026-05-01', 'platform', "
			       "'戊公司', '新港街道', 'received')", ""),
		     DB_OK);
	new_clue("2026-05-06", "己公司", &b);
	cr_assert_str_eq(a.number, "QX-2026-000001");
	cr_assert_str_eq(b.number, "QX-2026-000003");
	/* the same employer within 30 days: flagged both ways */
	new_clue("2026-05-07", "戊公司", &c);
	cr_assert(strstr(c.duplicates, "QX-2026-000001") && strstr(c.duplicates, "QX-2026-000002"),
		  "%s", c.duplicates);
	/* a retried transfer: one transition, one event */
	case_args tr = {.street = "新港街道"};
	ctx.request_key = "req-1";
	cr_assert_eq(case_act(d, &case_clue, a.number, "transfer", &tr, &ctx, &o1, err, sizeof err),
		     CASE_OK);
	cr_assert_eq(case_act(d, &case_clue, a.number, "transfer", &tr, &ctx, &o2, err, sizeof err),
		     CASE_OK);
	cr_assert_eq(o1.replayed, 0);
	cr_assert_eq(o2.replayed, 1);
	cr_assert_str_eq(o2.to, "transferred");
	nevents = 0;
	case_events(d, &case_clue, a.number, count_ev, NULL);
	cr_assert_eq(nevents, 2); /* create, transfer */
	/* the key on another case is refused */
	cr_assert_eq(case_act(d, &case_clue, b.number, "transfer", &tr, &ctx, &o2, err, sizeof err),
		     CASE_INVALID);
	/* without a key, a second transfer is a state error */
	ctx.request_key = NULL;
	cr_assert_eq(case_act(d, &case_clue, a.number, "transfer", &tr, &ctx, &o2, err, sizeof err),
		     CASE_STATE);
	/* merge c into a: c keeps its number and points at a */
	case_args m = {.target = a.number};
	cr_assert_eq(case_act(d, &case_clue, c.number, "merge", &m, &ctx, &o1, err, sizeof err),
		     CASE_OK, "%s", err);
	case_row r;
	cr_assert_eq(case_get(d, &case_clue, c.number, &ctx.scope, ctx.today, &r), 1);
	cr_assert_str_eq(r.state, "merged");
	cr_assert_str_eq(r.merged_into, a.number);
	case_row_free(&r);
	/* merging into a merged case is refused */
	m.target = c.number;
	cr_assert_eq(case_act(d, &case_clue, b.number, "merge", &m, &ctx, &o1, err, sizeof err),
		     CASE_INVALID);
}

Test(cases, public_view)
{
	clue_intake in = {.channel = "online", .reporter_name = "赵六",
			  .reporter_id_number = "110101199003074514", .reporter_phone = "13800138000",
			  .employer_name = "庚公司", .description = "工资未发", .public_form = 1};
	audit_actor pub = {"public", "public", "127.0.0.1"};
	case_ctx ctx = {.who = &pub, .now = 1, .today = day("2026-06-01"), .scope = rec_scope_all()};
	clue_created c;
	clue_public_view v;
	case_outcome o;
	char err[256];

	cr_assert_eq(clue_create(d, &in, &ctx, &c, err, sizeof err), CASE_OK, "%s", err);
	cr_assert_eq(strlen(c.query_code), 8);
	cr_assert_eq(clue_public_get(d, c.number, "WRONGCOD", &v), 0);
	cr_assert_eq(clue_public_get(d, "QX-2026-999999", c.query_code, &v), 0);
	cr_assert_eq(clue_public_get(d, c.number, c.query_code, &v), 1);
	cr_assert_str_eq(v.state, "received");
	cr_assert_str_eq(v.reply, "");
	case_args tr = {.street = "新港街道"}, ret = {.reason = "内部意见"};
	cr_assert_eq(act(c.number, "transfer", "2026-06-01", &tr, &o), CASE_OK);
	cr_assert_eq(act(c.number, "conclude", "2026-06-02", &conclusion, &o), CASE_OK);
	cr_assert_eq(act(c.number, "return", "2026-06-03", &ret, &o), CASE_OK);
	cr_assert_eq(clue_public_get(d, c.number, c.query_code, &v), 1);
	cr_assert_str_eq(v.state, "handling"); /* a return is internal */
	cr_assert_str_eq(v.reply, "");
	cr_assert_eq(act(c.number, "conclude", "2026-06-04", &conclusion, &o), CASE_OK);
	cr_assert_eq(act(c.number, "pass", "2026-06-05", NULL, &o), CASE_OK);
	cr_assert_eq(clue_public_get(d, c.number, c.query_code, &v), 1);
	cr_assert_str_eq(v.reply, "已督促支付");
	cr_assert_eq(v.concluded, 1);
	/* a bad ID number on the public form is refused */
	in.reporter_id_number = "110101199003074515";
	cr_assert_eq(clue_create(d, &in, &ctx, &c, err, sizeof err), CASE_INVALID);
	cr_assert(strstr(err, "reporter_id_number"), "%s", err);
}

Test(cases, year_figures)
{
	clue_created a, b, c;
	case_outcome o;
	case_args tr = {.street = "新港街道"}, ret = {.reason = "证据不足"};
	clue_stats st;
	char err[256];

	new_clue("2026-01-05", "甲", &a);
	new_clue("2026-02-02", "乙", &b);
	new_clue("2026-02-03", "丙", &c);
	/* a: returned once, then passed (2 decisions, 1 pass); b: passed */
	cr_assert_eq(act(a.number, "transfer", "2026-01-05", &tr, &o), CASE_OK);
	cr_assert_eq(act(a.number, "conclude", "2026-01-06", &conclusion, &o), CASE_OK);
	cr_assert_eq(act(a.number, "return", "2026-01-07", &ret, &o), CASE_OK);
	cr_assert_eq(act(a.number, "conclude", "2026-01-08", &conclusion, &o), CASE_OK);
	cr_assert_eq(act(a.number, "pass", "2026-03-09", NULL, &o), CASE_OK);
	cr_assert_eq(act(b.number, "transfer", "2026-02-02", &tr, &o), CASE_OK);
	cr_assert_eq(act(b.number, "conclude", "2026-02-03", &conclusion, &o), CASE_OK);
	cr_assert_eq(act(b.number, "pass", "2026-03-10", NULL, &o), CASE_OK);
	rec_scope all = rec_scope_all();
	cr_assert_eq(clue_stats_year(d, 2026, NULL, &all, day("2026-03-31"), &st, err, sizeof err), 0,
		     "%s", err);
	cr_assert_eq(st.received, 3);
	cr_assert_eq(st.resolved, 2);
	cr_assert_eq(st.decisions, 3);
	cr_assert_eq(st.passes, 2);
	cr_assert_eq(st.pass_rate_bp, 6667); /* 2/3 = 66.666..% -> 66.67 */
	cr_assert_eq(st.workers, 6);
	cr_assert_eq(st.amount_fen, 2400100);
	cr_assert_eq(st.month[2].resolved, 2);
	cr_assert_eq(st.month[0].received, 1);
	cr_assert_eq(st.month[1].received, 2);
	cr_assert_eq(st.by_conclusion[1], 2);
	cr_assert_eq(st.overdue, 1); /* c: received 02-03, transfer due 02-04 */
	cr_assert_eq(st.nstreets, 1);
}
