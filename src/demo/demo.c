/*
 * demo.c - turns the demo model (demo_model.c) into records, kind by kind,
 * through the import session API: one session, one transaction per kind,
 * the same validation and upsert as a file import. A rejected row is a
 * generator bug: the run stops and the first import errors are quoted.
 *
 * Owns the row layout of each kind (English keys as columns) and the bank
 * side of the story: the dedicated accounts, the owner's monthly labour
 * cost transfers, the wage payouts and the wage deposits (保证金). Writes
 * no SQL and opens no file.
 */
#include "demo/demo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "demo/demo_plan.h"
#include "domain/records/import.h"
#include "domain/records/kind.h"
#include "store/record.h"
#include "util/money.h"
#include "util/clock.h"

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))
#define BIT(v) (1u << (v))

static const struct {
	const char *code, *zh;
} viol_names[DEMO_V_COUNT] = {
	[DEMO_V_UNPAID] = {"WAGE_UNPAID", "拖欠工资(未按月发放)"},
	[DEMO_V_SHORT] = {"WAGE_SHORT", "工资未足额发放"},
	[DEMO_V_CASH] = {"NOT_VIA_BANK", "未通过专用账户代发工资(现金)"},
	[DEMO_V_NO_CONTRACT] = {"NO_CONTRACT", "未签订书面劳动合同"},
	[DEMO_V_NO_ACCOUNT] = {"NO_ACCOUNT", "未开设农民工工资专用账户"},
	[DEMO_V_LABOR_LATE] = {"LABOR_COST_LATE", "人工费用未按时拨付"},
	[DEMO_V_NO_DEPOSIT] = {"NO_DEPOSIT", "未按规定存储工资保证金"},
	[DEMO_V_NO_BOARD] = {"NO_BOARD", "未设立维权信息告示牌"},
	[DEMO_V_UNREGISTERED] = {"UNREGISTERED", "未实名登记用工"},
	[DEMO_V_BANK_MISMATCH] = {"BANK_MISMATCH", "工资表与银行代发记录不符"},
	[DEMO_V_BELOW_MIN] = {"BELOW_MIN_WAGE", "工资低于最低工资标准"},
	[DEMO_V_DAYS_MISMATCH] = {"DAYS_MISMATCH", "工资表出勤与考勤不符"},
	[DEMO_V_UNSETTLED] = {"COMPLETION_UNSETTLED", "竣工项目未结清工资"},
};

const char *demo_violation_code(int v)
{
	return viol_names[v].code;
}

const char *demo_violation_zh(int v)
{
	return viol_names[v].zh;
}

/* ---- one import session per kind ---------------------------------------- */

typedef struct sink {
	demo_model *m;
	const kind *k;
	import_sess *s;
	import_result res;
	int ncols;
	int failed;
	double t0;
} sink;

static void sink_begin(sink *k, demo_model *m, db *d, const char *name,
		       const char *const *cols, int ncols)
{
	import_opts o = {.kind = name, .max_errors = 10};

	memset(k, 0, sizeof *k);
	k->m = m;
	k->k = kind_find(name);
	k->ncols = ncols;
	k->t0 = clk_mono();
	k->res.file = xstrdup("demo");
	k->s = import_begin(d, k->k, cols, ncols, &o, &k->res);
	k->failed = k->res.nerrors > 0;
}

static void sink_row(sink *k, const char *const *cells)
{
	if (k->failed)
		return;
	if (import_row(k->s, cells, k->ncols) < 0 || k->res.nerrors > 0)
		k->failed = 1;
}

/* Commits (or, after a rejected row, rolls back) and records the stats. */
static int sink_end(sink *k, buf *err)
{
	demo_stats *st = k->m->st;
	int rc = import_end(k->s, !k->failed);
	double secs = clk_mono() - k->t0;

	if (st->nkinds < DEMO_NKINDS) {
		st->kind[st->nkinds] = k->k->name;
		st->rows[st->nkinds] = k->res.rows;
		st->kind_seconds[st->nkinds] = secs;
		st->nkinds++;
	}
	if (rc != 0) {
		buf_fmt(err, "演示数据被拒绝 (demo %s rows rejected: a generator bug):\n", k->k->name);
		import_result_text(&k->res, err);
	} else if (!k->m->o.quiet) {
		fprintf(stderr, "demo: %-12s %9ld 行 (rows)  %6.2f s\n", k->k->name, k->res.rows, secs);
	}
	import_result_free(&k->res);
	return rc;
}

/* ---- small formatters ------------------------------------------------------ */

typedef struct dstr {
	char s[11];
} dstr;

static dstr fdate(day_t d)
{
	dstr r = {""};
	if (d)
		date_format(d, r.s);
	return r;
}

typedef struct mstr {
	char s[24];
} mstr;

static mstr fmoney(int64_t fen)
{
	mstr r;
	money_format(fen, r.s);
	return r;
}

static void fmonth(const demo_model *m, int i, char out[8])
{
	month_format(m->my[i], m->mm[i], out);
}

/* ---- enterprises, projects, workers, employments ------------------------- */

static int emit_enterprises(demo_model *m, db *d, buf *err)
{
	static const char *const cols[] = {"uscc", "name", "kind", "region_code", "street",
					   "legal_rep", "phone", "union_established", "employees"};
	static const char *const kinds[] = {"owner", "contractor", "subcontractor"};
	sink k;

	sink_begin(&k, m, d, "enterprises", cols, N(cols));
	for (int i = 0; i < m->nents; i++) {
		const demo_ent *e = &m->ents[i];
		char emp[16];
		snprintf(emp, sizeof emp, "%d", e->employees);
		const char *row[] = {e->uscc, e->name, kinds[e->kind], e->region,
				     e->street >= 0 ? demo_streets[e->street].name : "",
				     e->legal_rep, e->phone, e->union_est ? "Y" : "N", emp};
		sink_row(&k, row);
	}
	return sink_end(&k, err);
}

static int emit_projects(demo_model *m, db *d, buf *err)
{
	static const char *const cols[] = {
		"code", "name", "region_code", "street", "address", "owner_uscc",
		"contractor_uscc", "contract_amount", "contract_date", "start_date",
		"planned_end_date", "end_date", "status", "labor_cost_cycle_days", "wage_day",
		"board_installed_date", "labor_officer", "labor_officer_phone"};
	static const char *const status[] = {"planned", "active", "suspended", "completed"};
	sink k;

	sink_begin(&k, m, d, "projects", cols, N(cols));
	for (int i = 0; i < m->nprojs; i++) {
		const demo_proj *p = &m->projs[i];
		char wd[8];
		snprintf(wd, sizeof wd, "%d", p->wage_day);
		mstr amt = fmoney(p->amount);
		dstr c = fdate(p->contract), s = fdate(p->start), pe = fdate(p->planned_end);
		dstr e = fdate(p->end), b = fdate(p->board);
		const char *row[] = {p->code, p->name, "120116", demo_streets[p->street].name,
				     p->address, m->ents[p->owner].uscc, m->ents[p->contractor].uscc,
				     amt.s, c.s, s.s, pe.s, e.s, status[p->status], "30", wd, b.s,
				     p->officer, p->officer_phone};
		sink_row(&k, row);
	}
	return sink_end(&k, err);
}

static int emit_workers(demo_model *m, db *d, buf *err)
{
	static const char *const cols[] = {"id_number", "name", "phone", "bank_name", "bank_card"};
	sink k;

	sink_begin(&k, m, d, "workers", cols, N(cols));
	for (int i = 0; i < m->nworkers; i++) {
		const demo_worker *w = &m->workers[i];
		const char *row[] = {w->id, w->name, w->phone, demo_banks[w->bank].name, w->card};
		sink_row(&k, row);
	}
	return sink_end(&k, err);
}

static int emit_employments(demo_model *m, db *d, buf *err)
{
	static const char *const cols[] = {"project_code", "worker_id_number", "entry_date",
					   "employer_uscc", "exit_date", "team", "trade",
					   "contract_signed_date", "wage_basis", "wage_rate"};
	sink k;

	sink_begin(&k, m, d, "employments", cols, N(cols));
	for (int i = 0; i < m->nemps; i++) {
		const demo_emp *e = &m->emps[i];
		const demo_team *t = &demo_teams[e->team];
		dstr in = fdate(e->entry), out = fdate(e->exit), sg = fdate(e->signed_date);
		mstr rate = fmoney(e->rate);
		const char *row[] = {m->projs[e->proj].code, m->workers[e->worker].id, in.s,
				     m->ents[e->employer].uscc, out.s, t->team,
				     e->trade < 0 ? "学徒工" : t->trade[e->trade], sg.s,
				     e->monthly ? "monthly" : "daily", rate.s};
		sink_row(&k, row);
	}
	return sink_end(&k, err);
}

/* ---- attendance and payroll ------------------------------------------------- */

static const char *hours_text(int h)
{
	return h == 800 ? "8" : h == 850 ? "8.5" : h == 900 ? "9" : "10";
}

/* Rows of one (project, person) month from its day mask. */
static void att_rows(sink *k, const demo_model *m, const char *code, const char *id,
		     int i, uint32_t mask, const int hours[31], const dstr *days)
{
	day_t off = m->mfirst[i] - m->mfirst[0];

	for (int b = 0; mask; b++, mask >>= 1) {
		if (!(mask & 1))
			continue;
		const char *row[] = {code, id, days[off + b].s, hours_text(hours[b])};
		sink_row(k, row);
	}
}

static int emit_attendance(demo_model *m, db *d, buf *err)
{
	static const char *const cols[] = {"project_code", "worker_id_number", "date", "hours"};
	int ndays = (int)(m->mfirst[DEMO_MONTHS] - m->mfirst[0]), hours[31];
	dstr *days = xcalloc((size_t)ndays, sizeof *days);
	sink k;

	for (int i = 0; i < ndays; i++)
		days[i] = fdate(m->mfirst[0] + i);
	sink_begin(&k, m, d, "attendance", cols, N(cols));
	for (int e = 0; e < m->nemps && !k.failed; e++) {
		const demo_emp *em = &m->emps[e];
		for (int i = 0; i < DEMO_MONTHS; i++) {
			uint32_t mask = demo_att_month(m, e, i, hours);
			att_rows(&k, m, m->projs[em->proj].code, m->workers[em->worker].id, i,
				 mask, hours, days);
		}
	}
	for (int g = 0; g < m->nghosts && !k.failed; g++)
		for (int i = 0; i < DEMO_MONTHS; i++) {
			uint32_t mask = demo_ghost_month(m, g, i, hours);
			for (uint32_t x = mask; x; x &= x - 1)
				m->st->viol_rows[DEMO_V_UNREGISTERED]++;
			att_rows(&k, m, m->projs[m->ghosts[g].proj].code, m->ghosts[g].id, i,
				 mask, hours, days);
		}
	free(days);
	return sink_end(&k, err);
}

static int emit_payroll(demo_model *m, db *d, buf *err)
{
	static const char *const cols[] = {"project_code", "worker_id_number", "period",
					   "employer_uscc", "days_worked", "amount_due",
					   "amount_paid", "paid_date", "channel", "worker_confirmed"};
	static const char *const channel[] = {"bank", "cash", "other"};
	sink k;

	sink_begin(&k, m, d, "payroll", cols, N(cols));
	for (int i = 0; i < m->npays; i++) {
		const demo_pay *p = &m->pays[i];
		const demo_emp *e = &m->emps[p->emp];
		char period[8], days[8];
		fmonth(m, p->month, period);
		snprintf(days, sizeof days, "%d", p->days);
		mstr due = fmoney(p->due), paid = fmoney(p->paid);
		dstr pd = fdate(p->paid_date);
		const char *row[] = {m->projs[e->proj].code, m->workers[e->worker].id, period,
				     m->ents[e->employer].uscc, days, due.s, paid.s, pd.s,
				     channel[p->channel], p->confirmed ? "Y" : "N"};
		sink_row(&k, row);
	}
	return sink_end(&k, err);
}

/* ---- accounts and transactions ----------------------------------------------- */

static int emit_accounts(demo_model *m, db *d, buf *err)
{
	static const char *const cols[] = {"account_no", "project_code", "bank_name", "opened_date"};
	sink k;

	sink_begin(&k, m, d, "accounts", cols, N(cols));
	for (int i = 0; i < m->nprojs; i++) {
		const demo_proj *p = &m->projs[i];
		char branch[128];
		demo_rng r;
		if (!p->opened)
			continue;
		demo_rng_seed(&r, demo_mix(m->o.seed ^ 0x616363ull, (uint64_t)i));
		demo_branch_name(&r, p->bank, branch, sizeof branch);
		dstr o = fdate(p->opened);
		const char *row[] = {p->account, p->code, branch, o.s};
		sink_row(&k, row);
	}
	return sink_end(&k, err);
}

/* One movement on a project's account, before numbering. */
typedef struct txn {
	day_t date;
	int order;       /* 0 = labour cost first on a day, then payouts */
	int pay;         /* index into m->pays, -1 for labour cost */
	int64_t amount;
	int month;       /* labour cost: window month of the transfer */
} txn;

static int cmp_txn(const void *a, const void *b)
{
	const txn *x = a, *y = b;
	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return x->order - y->order;
}

/*
 * The movements of project p: for each window month X from the start's
 * month on, the owner transfers (on dep_day, before the payouts) at least
 * the wages the bank pays out that month, plus a margin; in a month
 * without payouts an advance. LABOR_COST_LATE projects: the last two
 * transfers never come (the third-last covered their payouts in advance).
 * Its payroll rows are pays[pay0, pay1) (they follow the employments,
 * which are sorted by project). Returns the number of movements written
 * to t (room: pay1 - pay0 + 8).
 */
static int project_txns(demo_model *m, int pi, int pay0, int pay1, txn *t)
{
	const demo_proj *p = &m->projs[pi];
	int n = 0, late = (p->viol & BIT(DEMO_V_LABOR_LATE)) != 0;
	int64_t out[DEMO_MONTHS + 2] = {0};
	demo_rng r;

	demo_rng_seed(&r, demo_mix(m->o.seed ^ 0x74786E00ull, (uint64_t)pi));
	for (int i = pay0; i < pay1; i++) {
		const demo_pay *pay = &m->pays[i];
		if (pay->bank_paid <= 0)
			continue;
		t[n++] = (txn){pay->paid_date, 1 + i, i, pay->bank_paid, 0};
		for (int x = 0; x <= DEMO_MONTHS; x++)
			if (pay->paid_date >= m->mfirst[x] && pay->paid_date < m->mfirst[x + 1])
				out[late && x > 4 ? 4 : x] += pay->bank_paid;
	}
	int end_month = DEMO_MONTHS;
	for (int x = 0; x < DEMO_MONTHS; x++)
		if (p->end && p->end >= m->mfirst[x] && p->end < m->mfirst[x + 1])
			end_month = x + 1;
	for (int x = 0; x <= DEMO_MONTHS; x++) {
		day_t day = demo_month_day(m, x, p->dep_day);
		if (m->mfirst[x + 1] <= p->start || x > end_month || (late && x > 4))
			continue;
		if (day < p->opened) {
			if (p->opened >= m->mfirst[x + 1])
				continue;
			day = p->opened;
		}
		if (day > m->as_of)
			continue;
		int64_t amt = out[x] * demo_rng_range(&r, 102, 112) / 100;
		if (amt == 0)
			amt = (int64_t)(p->e1 - p->e0 + 10) * 200000;
		amt = (amt + 99999) / 100000 * 100000; /* whole thousands of yuan */
		t[n++] = (txn){day, 0, -1, amt, x};
	}
	qsort(t, (size_t)n, sizeof *t, cmp_txn);
	return n;
}

static int emit_transactions(demo_model *m, db *d, buf *err)
{
	static const char *const cols[] = {"account_no", "txn_id", "txn_date", "kind", "amount",
					   "worker_id_number", "period", "counterparty", "memo"};
	int *p0 = xcalloc((size_t)m->nprojs + 1, sizeof *p0);
	int *p1 = xcalloc((size_t)m->nprojs + 1, sizeof *p1);
	int maxn = 0;
	sink k;

	/* The payroll rows of a project are contiguous: find each range. */
	for (int i = m->npays - 1; i >= 0; i--)
		p0[m->emps[m->pays[i].emp].proj] = i;
	for (int i = 0; i < m->npays; i++)
		p1[m->emps[m->pays[i].emp].proj] = i + 1;
	for (int i = 0; i < m->nprojs; i++)
		maxn = p1[i] - p0[i] > maxn ? p1[i] - p0[i] : maxn;
	txn *t = xcalloc((size_t)maxn + DEMO_MONTHS + 8, sizeof *t);
	sink_begin(&k, m, d, "transactions", cols, N(cols));
	for (int pi = 0; pi < m->nprojs && !k.failed; pi++) {
		const demo_proj *p = &m->projs[pi];
		if (!p->opened)
			continue;
		int n = project_txns(m, pi, p0[pi], p1[pi], t);
		for (int j = 0; j < n; j++) {
			char id[32], period[8], memo[64];
			dstr dt = fdate(t[j].date);
			mstr amt = fmoney(t[j].amount);
			snprintf(id, sizeof id, "TX%.4s%.2s%.2s%06d", dt.s, dt.s + 5, dt.s + 8, j + 1);
			if (t[j].pay < 0) {
				char mon[8];
				fmonth(m, t[j].month, mon);
				snprintf(memo, sizeof memo, "%s 人工费用拨付", mon);
				const char *row[] = {p->account, id, dt.s, "labor_cost", amt.s, "", "",
						     m->ents[p->owner].name, memo};
				sink_row(&k, row);
				continue;
			}
			const demo_pay *pay = &m->pays[t[j].pay];
			const demo_worker *w = &m->workers[m->emps[pay->emp].worker];
			fmonth(m, pay->month, period);
			snprintf(memo, sizeof memo, "代发%s工资", period);
			const char *row[] = {p->account, id, dt.s, "wage", amt.s, w->id, period,
					     w->name, memo};
			sink_row(&k, row);
		}
	}
	free(t);
	free(p0);
	free(p1);
	return sink_end(&k, err);
}

/* ---- deposits and minimum wages -------------------------------------------- */

/*
 * One wage deposit per project once 3-18 days after the contract: 1-2% of
 * the contract amount (rounded up to whole hundreds of yuan, so never
 * below 1%), as cash, a bank guarantee or an insurance policy valid past
 * as-of. NO_DEPOSIT projects: none at all, or a guarantee that expired
 * before as-of and was not renewed. Released after a settled completion.
 */
static int emit_deposits(demo_model *m, db *d, buf *err)
{
	static const char *const cols[] = {"project_code", "deposit_no", "form", "amount",
					   "deposit_date", "expiry_date", "released_date", "issuer"};
	static const char *const forms[] = {"cash", "guarantee", "insurance"};
	static const int form_w[] = {40, 45, 15};
	sink k;

	sink_begin(&k, m, d, "deposits", cols, N(cols));
	for (int pi = 0; pi < m->nprojs && !k.failed; pi++) {
		const demo_proj *p = &m->projs[pi];
		char no[40], issuer[128];
		day_t exp = 0, rel = 0;
		demo_rng r;

		demo_rng_seed(&r, demo_mix(m->o.seed ^ 0x646570ull, (uint64_t)pi));
		day_t when = p->contract + (day_t)demo_rng_range(&r, 3, 18);
		int f = demo_rng_weighted(&r, form_w, 3);
		int expired = (p->viol & BIT(DEMO_V_NO_DEPOSIT)) && demo_rng_chance(&r, 400);
		if (when > m->as_of || ((p->viol & BIT(DEMO_V_NO_DEPOSIT)) && !expired))
			continue;
		if (expired)
			f = 1;
		int64_t amt = p->amount / 10000 * demo_rng_range(&r, 100, 200);
		amt = (amt + 9999) / 10000 * 10000;
		if (f != 0) {
			exp = p->planned_end + (day_t)demo_rng_range(&r, 90, 180);
			if (exp < m->as_of + 30)
				exp = m->as_of + (day_t)demo_rng_range(&r, 30, 365);
			if (expired)
				exp = m->as_of - (day_t)demo_rng_range(&r, 5, 60);
			if (exp < when)
				continue; /* expired before it began: just none */
		}
		if (p->end && !(p->viol & BIT(DEMO_V_UNSETTLED))) {
			day_t x = p->end + (day_t)demo_rng_range(&r, 30, 60);
			rel = x <= m->as_of ? x : 0;
		}
		dstr wd = fdate(when);
		if (f == 0) {
			demo_branch_name(&r, p->bank, issuer, sizeof issuer);
			snprintf(no, sizeof no, "BZJ%.4s%05d", wd.s, pi + 1);
		} else if (f == 1) {
			demo_branch_name(&r, (int)demo_rng_range(&r, 0, demo_nbanks - 1), issuer, sizeof issuer);
			snprintf(no, sizeof no, "LG%.4s%.2s%06d", wd.s, wd.s + 5, (int)demo_rng_range(&r, 0, 999999));
		} else {
			snprintf(issuer, sizeof issuer, "%s", demo_insurer(&r));
			snprintf(no, sizeof no, "PBAJ%.4s1201%08d", wd.s, (int)demo_rng_range(&r, 0, 99999999));
		}
		mstr a = fmoney(amt);
		dstr e = fdate(exp), rl = fdate(rel);
		const char *row[] = {p->code, no, forms[f], a.s, wd.s, e.s, rl.s, issuer};
		sink_row(&k, row);
	}
	return sink_end(&k, err);
}

/* The shipped Tianjin minimum wage, imported again (unchanged) so that the
 * demo is complete on its own. */
static int emit_min_wages(demo_model *m, db *d, buf *err)
{
	static const char *const cols[] = {"region_code", "effective_from", "monthly", "hourly"};
	static const char *const row[] = {"120000", "2021-07-01", "2180.00", "22.60"};
	sink k;

	sink_begin(&k, m, d, "min_wages", cols, N(cols));
	sink_row(&k, row);
	return sink_end(&k, err);
}

/* ---- the run ------------------------------------------------------------------ */

int64_t demo_existing_records(db *d)
{
	rec_scope all = rec_scope_all();  /* every record, whoever could see it */
	int64_t n = 0;

	for (int i = 0; KINDS[i]; i++) {
		rec_query q;
		if (!strcmp(KINDS[i]->name, "min_wages"))
			continue;
		rec_query_init(&q, KINDS[i], &all);
		int64_t c = rec_count(d, &q);
		if (c < 0)
			return -1;
		n += c;
	}
	return n;
}

int demo_generate(db *d, const demo_opts *o, demo_stats *st, buf *err)
{
	static int (*const steps[])(demo_model *, db *, buf *) = {
		emit_enterprises, emit_projects, emit_workers, emit_employments,
		emit_attendance, emit_payroll, emit_accounts, emit_transactions,
		emit_deposits, emit_min_wages,
	};
	demo_model m;
	double t0 = clk_mono();
	int rc = 0;

	memset(st, 0, sizeof *st);
	memset(&m, 0, sizeof m);
	m.o = *o;
	m.st = st;
	demo_plan_build(&m);
	if (!o->quiet)
		fprintf(stderr, "demo: 模型生成 (model built) %.2f s: %d 企业, %d 项目, %d 人, %d 用工, %d 工资行\n",
			clk_mono() - t0, m.nents, m.nprojs, m.nworkers, m.nemps, m.npays);
	for (int i = 0; i < N(steps) && rc == 0; i++)
		rc = steps[i](&m, d, err);
	for (int v = 0; v < DEMO_V_COUNT; v++)
		if (v == DEMO_V_NO_ACCOUNT || v == DEMO_V_LABOR_LATE || v == DEMO_V_NO_BOARD ||
		    v == DEMO_V_NO_DEPOSIT)
			st->viol_rows[v] = st->viol_projects[v];
	demo_model_free(&m);
	st->seconds = clk_mono() - t0;
	return rc == 0 ? 0 : -1;
}

void demo_stats_text(const demo_stats *st, buf *out)
{
	long total = 0;

	buf_puts(out, "演示数据 (demo data):\n");
	for (int i = 0; i < st->nkinds; i++) {
		buf_fmt(out, "  %s", st->kind[i]);
		for (size_t pad = strlen(st->kind[i]); pad < 14; pad++)
			buf_putc(out, ' ');
		buf_fmt(out, "%ld\n", st->rows[i]);
		total += st->rows[i];
	}
	buf_fmt(out, "  total         %ld\n", total);
	buf_puts(out, "预置违规 (planted violations: projects / rows):\n");
	for (int v = 0; v < DEMO_V_COUNT; v++) {
		buf_fmt(out, "  %s", viol_names[v].code);
		for (size_t pad = strlen(viol_names[v].code); pad < 22; pad++)
			buf_putc(out, ' ');
		buf_fmt(out, "%d / %ld  %s\n", st->viol_projects[v], st->viol_rows[v], viol_names[v].zh);
	}
	char secs[32];
	snprintf(secs, sizeof secs, "%.1f", st->seconds);
	buf_fmt(out, "用时 (seconds): %s\n", secs);
}
