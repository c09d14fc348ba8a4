/*
 * test_demo.c - unit tests of the demo generator (domain/demo.c).
 *
 * Generates a small data set (10 projects, 200 workers) into temporary
 * databases and reads it back through the store's generic reads
 * (rec_count / rec_list): same (seed, as-of) -> identical content; another
 * seed -> different content; every identifier valid; the violations the
 * warning rules need are present.
 */
#include <criterion/criterion.h>
#include "unit_db.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "demo/demo.h"
#include "domain/records/kind.h"
#include "store/record.h"
#include "util/valid.h"

#define AS_OF_TEXT "2025-06-18"

static char tmpdir[64];

static void setup(void)
{
	snprintf(tmpdir, sizeof tmpdir, "/tmp/anxin_demo_XXXXXX");
	cr_assert_not_null(mkdtemp(tmpdir));
}

static void teardown(void)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	cr_assert_eq(system(cmd), 0);
}

/* Opens a fresh database named name in tmpdir and fills it. */
static db *make_demo(const char *name, uint64_t seed)
{
	char path[128], err[256];
	demo_opts o = {.seed = seed, .projects = 10, .workers = 200, .quiet = 1};
	demo_stats st;
	buf msg = BUF_INIT;

	cr_assert(date_parse_iso(AS_OF_TEXT, &o.as_of));
	snprintf(path, sizeof path, "%s/%s.db", tmpdir, name);
	db *d = unit_db_open(name, path, DB_OPEN_CREATE | DB_OPEN_BULK, err, sizeof err);
	cr_assert_not_null(d, "db_open: %s", err);
	int rc = demo_generate(d, &o, &st, &msg);
	cr_assert_eq(rc, 0, "demo_generate: %s", buf_str(&msg));
	cr_assert_eq(st.nkinds, DEMO_NKINDS);
	buf_free(&msg);
	return d;
}

/* Order-independent checksum of one kind: the sum of an FNV-1a hash of
 * every row's exported text. */
typedef struct sum_ctx {
	const kind *k;
	uint64_t sum;
} sum_ctx;

static void sum_row(void *ctx, int64_t id, const kind_val *vals)
{
	sum_ctx *c = ctx;
	uint64_t h = 1469598103934665603ull;
	char tmp[32];

	for (int f = 0; f < c->k->nfields; f++) {
		const char *t = vals[f].present ? kind_val_text(&c->k->fields[f], &vals[f], tmp) : "\x01";
		for (const char *p = t; *p; p++)
			h = (h ^ (unsigned char)*p) * 1099511628211ull;
		h = (h ^ 0x1f) * 1099511628211ull;
	}
	c->sum += h;
}

/* Room for every kind of KINDS[] (the demo makes DEMO_NKINDS of them). */
#define ALL_KINDS 32

static void fingerprint(db *d, int64_t counts[ALL_KINDS], uint64_t sums[ALL_KINDS])
{
	for (int i = 0; KINDS[i]; i++) {
		rec_query q;
		sum_ctx c = {KINDS[i], 0};
		rec_scope all = rec_scope_all();
		rec_query_init(&q, KINDS[i], &all);
		counts[i] = rec_count(d, &q);
		cr_assert_eq(rec_list(d, &q, sum_row, &c), counts[i]);
		sums[i] = c.sum;
	}
}

TestSuite(demo, .init = setup, .fini = teardown);

Test(demo, same_seed_same_data)
{
	int64_t c1[ALL_KINDS], c2[ALL_KINDS];
	uint64_t s1[ALL_KINDS], s2[ALL_KINDS];
	db *a = make_demo("a", 42), *b = make_demo("b", 42);

	fingerprint(a, c1, s1);
	fingerprint(b, c2, s2);
	for (int i = 0; KINDS[i]; i++) {
		cr_assert_eq(c1[i], c2[i], "%s count", KINDS[i]->name);
		cr_assert_eq(s1[i], s2[i], "%s content", KINDS[i]->name);
	}
	cr_assert_gt(c1[4], 1000, "attendance rows: %lld", (long long)c1[4]);
	db_close(a);
	db_close(b);
}

Test(demo, other_seed_other_data)
{
	int64_t c1[ALL_KINDS], c2[ALL_KINDS];
	uint64_t s1[ALL_KINDS], s2[ALL_KINDS];
	db *a = make_demo("a", 1), *b = make_demo("b", 2);

	fingerprint(a, c1, s1);
	fingerprint(b, c2, s2);
	for (int i = 0; i < 9; i++) /* min_wages is the shipped row in both */
		cr_assert_neq(s1[i], s2[i], "%s equal for seeds 1 and 2", KINDS[i]->name);
	db_close(a);
	db_close(b);
}

Test(demo, regenerate_is_idempotent)
{
	/* Importing the same data set again over itself changes nothing:
	 * generation is idempotent through the upsert. */
	int64_t c1[ALL_KINDS], c2[ALL_KINDS];
	uint64_t s1[ALL_KINDS], s2[ALL_KINDS];
	demo_opts o = {.seed = 7, .projects = 10, .workers = 200, .quiet = 1};
	demo_stats st;
	buf msg = BUF_INIT;
	db *a = make_demo("a", 7);

	fingerprint(a, c1, s1);
	cr_assert(date_parse_iso(AS_OF_TEXT, &o.as_of));
	cr_assert_eq(demo_generate(a, &o, &st, &msg), 0, "%s", buf_str(&msg));
	fingerprint(a, c2, s2);
	for (int i = 0; KINDS[i]; i++)
		cr_assert_eq(s1[i], s2[i], "%s changed", KINDS[i]->name);
	buf_free(&msg);
	db_close(a);
}

typedef struct check_ctx {
	const kind *k;
	long bad, rows;
	long unpaid, cash, short_, cards_bad;
} check_ctx;

static void check_worker(void *ctx, int64_t id, const kind_val *vals)
{
	check_ctx *c = ctx;
	c->rows++;
	if (!valid_id_number(vals[kind_key_index(c->k, "id_number")].s, NULL))
		c->bad++;
	if (!valid_bank_card(vals[kind_key_index(c->k, "bank_card")].s, NULL))
		c->cards_bad++;
}

static void check_pay(void *ctx, int64_t id, const kind_val *vals)
{
	check_ctx *c = ctx;
	const kind_val *period = &vals[kind_key_index(c->k, "period")];
	const kind_val *days = &vals[kind_key_index(c->k, "days_worked")];
	const kind_val *due = &vals[kind_key_index(c->k, "amount_due")];
	const kind_val *paid = &vals[kind_key_index(c->k, "amount_paid")];
	const kind_val *ch = &vals[kind_key_index(c->k, "channel")];

	c->rows++;
	/* Months up to 2025-04 are due on 2025-06-18 whatever the wage day. */
	if (strcmp(period->s, "2025-04") <= 0 && days->i > 0 && paid->i == 0)
		c->unpaid++;
	if (!strcmp(ch->s, "cash") && paid->i > 0)
		c->cash++;
	if (paid->i > 0 && paid->i < due->i)
		c->short_++;
}

Test(demo, identifiers_and_violations)
{
	db *d = make_demo("a", 3);
	rec_query q;
	check_ctx w = {kind_find("workers"), 0, 0, 0, 0, 0, 0};
	check_ctx p = {kind_find("payroll"), 0, 0, 0, 0, 0, 0};
	rec_scope all = rec_scope_all();

	rec_query_init(&q, w.k, &all);
	rec_list(d, &q, check_worker, &w);
	cr_assert_eq(w.rows, 200);
	cr_assert_eq(w.bad, 0, "%ld invalid ID numbers", w.bad);
	cr_assert_eq(w.cards_bad, 0, "%ld invalid bank cards", w.cards_bad);

	rec_query_init(&q, p.k, &all);
	rec_list(d, &q, check_pay, &p);
	cr_assert_gt(p.rows, 500);
	cr_assert_gt(p.unpaid, 0, "no unpaid due worker-month");
	cr_assert_gt(p.cash, 0, "no cash payment");
	cr_assert_gt(p.short_, 0, "no short payment");

	rec_query_init(&q, kind_find("projects"), &all);
	cr_assert_eq(rec_count(d, &q), 10);
	db_close(d);
}

/* The row scope fails closed (issue 7, finding 14): a query whose scope
 * was forgotten - NULL, or a zeroed struct - sees no row of any kind,
 * where the explicit REC_SCOPE_ALL sees them all. */
Test(demo, scope_fails_closed)
{
	db *d = make_demo("z", 3);
	rec_scope all = rec_scope_all(), zero;
	rec_query q;
	kind_val vals[32];

	memset(&zero, 0, sizeof zero);
	memset(vals, 0, sizeof vals);
	for (int i = 0; KINDS[i]; i++) {
		rec_query_init(&q, KINDS[i], &all);
		int64_t n = rec_count(d, &q);
		/* the demo makes no minimum wages of its own and no cases */
		if (strcmp(KINDS[i]->name, "min_wages") && strcmp(KINDS[i]->name, "clues") &&
		    strcmp(KINDS[i]->name, "clue_reviews"))
			cr_assert_gt(n, 0, "%s: the demo has rows", KINDS[i]->name);
		rec_query_init(&q, KINDS[i], NULL);
		cr_expect_eq(rec_count(d, &q), 0, "%s: NULL scope", KINDS[i]->name);
		rec_query_init(&q, KINDS[i], &zero);
		cr_expect_eq(rec_count(d, &q), 0, "%s: zero scope", KINDS[i]->name);
		memset(&q, 0, sizeof q);  /* a query never initialised */
		q.k = KINDS[i];
		q.sort_field = -1;
		cr_expect_eq(rec_count(d, &q), 0, "%s: zeroed query", KINDS[i]->name);
		cr_expect_eq(rec_get(d, KINDS[i], 1, NULL, vals), 0, "%s: rec_get NULL", KINDS[i]->name);
		cr_expect_eq(rec_get(d, KINDS[i], 1, &zero, vals), 0, "%s: rec_get zero", KINDS[i]->name);
		cr_expect_eq(rec_get(d, KINDS[i], 1, &all, vals), n > 0, "%s: rec_get all", KINDS[i]->name);
		for (int f = 0; f < KINDS[i]->nfields; f++)
			kind_val_clear(&vals[f]);
	}
	buf sql = BUF_INIT;
	const char *params[16];
	cr_expect_eq(rec_scope_sql(NULL, "code", &sql, params), 0);
	cr_expect_str_eq(buf_str(&sql), " AND 1 = 0");
	cr_expect_eq(rec_in_scope(d, kind_find("projects"), vals, &zero), REC_WRITE_OUT);
	buf_free(&sql);
	db_close(d);
}
