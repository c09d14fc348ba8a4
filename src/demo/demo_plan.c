/*
 * demo_plan.c - the second half of the demo model (demo_plan.h; the model is
 * demo_model.h): the
 * violations planted in a few percent of the projects, and the payroll
 * plan - one row per worker and month worked, with the day count taken
 * from the same attendance draw that demo.c writes out, paid on the wage
 * day of the next month unless a violation says otherwise.
 *
 * Violations go to established active projects (started before the
 * second window month) in a shuffled order, each kind to different
 * projects while there are enough; they hit due months only (window
 * months 1-4, whose pay deadline is always before as-of).
 */
#include "demo/demo_plan.h"

#include <stdlib.h>
#include <string.h>

#include "util/buf.h"

/* ---- violations ------------------------------------------------------------ */

/* Share of all projects (per mille) carrying each planted violation. */
static const int viol_permille[DEMO_V_COUNT] = {
	[DEMO_V_UNPAID] = 35, [DEMO_V_SHORT] = 30, [DEMO_V_CASH] = 25,
	[DEMO_V_NO_CONTRACT] = 40, [DEMO_V_NO_ACCOUNT] = 20, [DEMO_V_LABOR_LATE] = 20,
	[DEMO_V_NO_DEPOSIT] = 30, [DEMO_V_NO_BOARD] = 30, [DEMO_V_UNREGISTERED] = 25,
	[DEMO_V_BANK_MISMATCH] = 25, [DEMO_V_BELOW_MIN] = 15, [DEMO_V_DAYS_MISMATCH] = 15,
	[DEMO_V_UNSETTLED] = 5,
};

#define BIT(v) (1u << (v))

/* Whether violation v may join the ones p already has. */
static int compatible(const demo_proj *p, int v)
{
	unsigned needs_account = BIT(DEMO_V_LABOR_LATE) | BIT(DEMO_V_BANK_MISMATCH);
	if (p->viol & BIT(v))
		return 0;
	if ((BIT(v) & needs_account) && (p->viol & BIT(DEMO_V_NO_ACCOUNT)))
		return 0;
	if (v == DEMO_V_NO_ACCOUNT && (p->viol & needs_account))
		return 0;
	return 1;
}

static void add_ghosts(demo_model *m, int pi, demo_idset *ids)
{
	demo_rng *r = &m->rng;
	int n = (int)demo_rng_range(r, 2, 6);

	m->ghosts = xrealloc(m->ghosts, (size_t)(m->nghosts + n) * sizeof *m->ghosts);
	for (int k = 0; k < n; k++) {
		demo_ghost *g = &m->ghosts[m->nghosts++];
		g->proj = pi;
		demo_make_id(m, ids, 0, g->id);
		g->month0 = (int)demo_rng_range(r, 1, 4);
		g->nmonths = (int)demo_rng_range(r, 1, 2);
		g->att_permille = (int)demo_rng_range(r, 600, 900);
	}
}

/* The employer of a worker on p through all of window month i (a few
 * random draws, so big teams are likelier), for a violation to hit. */
static int busy_employer(demo_model *m, const demo_proj *p, int i)
{
	int n = p->e1 - p->e0;
	const demo_emp *e = &m->emps[p->e0 + demo_rng_range(&m->rng, 0, n - 1)];

	for (int k = 0; k < 30; k++) {
		const demo_emp *c = &m->emps[p->e0 + demo_rng_range(&m->rng, 0, n - 1)];
		if (c->entry < m->mfirst[i] && (!c->exit || c->exit >= m->mfirst[i + 1])) {
			e = c;
			break;
		}
	}
	return e->employer;
}

/* Applies the violations that live in the employments and projects. */
static void apply_static(demo_model *m, demo_proj *p, int pi, int v, demo_idset *ids)
{
	demo_rng *r = &m->rng;
	int n = p->e1 - p->e0;

	p->vmonth[v] = (int)demo_rng_range(r, 2, 4);
	p->vemployer[v] = busy_employer(m, p, p->vmonth[v]);
	switch (v) {
	case DEMO_V_UNPAID:
		if (demo_rng_chance(r, 400))
			p->vemployer[v] = -1;
		p->unpaid_n = demo_rng_chance(r, 350) && p->vmonth[v] < 4 ? 2 : 1;
		if (p->unpaid_n == 2 || demo_rng_chance(r, 300))
			p->vmonth[v]--; /* 2 months: from month 1 or 2 */
		break;
	case DEMO_V_NO_CONTRACT: {
		int first = 1;
		for (int e = p->e0; e < p->e1; e++) {
			demo_emp *em = &m->emps[e];
			if (em->entry + 30 < m->as_of && (first || demo_rng_chance(r, 350))) {
				em->signed_date = 0;
				first = 0;
				m->st->viol_rows[v]++;
			}
		}
		break;
	}
	case DEMO_V_NO_ACCOUNT: p->opened = 0; break;
	case DEMO_V_NO_BOARD: p->board = 0; break;
	case DEMO_V_UNREGISTERED: add_ghosts(m, pi, ids); break;
	case DEMO_V_BELOW_MIN: {
		int k = (int)demo_rng_range(r, 3, 6);
		for (int j = 0; j < k && j < n; j++) {
			demo_emp *em = &m->emps[p->e0 + demo_rng_range(r, 0, n - 1)];
			em->monthly = 0;
			em->rate = demo_rng_range(r, 85, 95) * 100; /* 学徒工 ¥85-95/day */
			em->trade = -1;
		}
		break;
	}
	default: break;
	}
	m->st->viol_projects[v]++;
}

/* Plants the violations (marks projects, edits employments, adds ghosts). */
static void plan_violations(demo_model *m, demo_idset *ids)
{
	demo_rng *r = &m->rng;
	int *elig = xcalloc((size_t)m->nprojs + 1, sizeof *elig), ne = 0, cur = 0;

	for (int i = 0; i < m->nprojs; i++) {
		const demo_proj *p = &m->projs[i];
		if (p->status == DEMO_ACTIVE && p->start < m->mfirst[1] && p->e1 > p->e0)
			elig[ne++] = i;
	}
	for (int i = ne - 1; i > 0; i--) { /* shuffle */
		int j = (int)demo_rng_range(r, 0, i), t = elig[i];
		elig[i] = elig[j];
		elig[j] = t;
	}
	for (int v = 0; v < DEMO_V_COUNT && ne > 0; v++) {
		if (v == DEMO_V_UNSETTLED)
			continue;
		int want = m->nprojs * viol_permille[v] / 1000;
		if (want < 1)
			want = 1;
		for (int c = 0; c < want; c++) {
			for (int tries = 0; tries < ne; tries++) {
				int pi = elig[cur++ % ne];
				if (compatible(&m->projs[pi], v)) {
					m->projs[pi].viol |= BIT(v);
					apply_static(m, &m->projs[pi], pi, v, ids);
					break;
				}
			}
		}
	}
	/* Completed projects that still owe the wages of their last month. */
	int want = m->nprojs * viol_permille[DEMO_V_UNSETTLED] / 1000, got = 0;
	for (int i = 0; i < m->nprojs && got < (want < 1 ? 1 : want); i++) {
		demo_proj *p = &m->projs[i];
		int em = p->end ? demo_month_index(m, p->end) : -1;
		if (p->status != DEMO_COMPLETED || p->e1 == p->e0 || em < 1 || em > 4)
			continue;
		p->viol |= BIT(DEMO_V_UNSETTLED);
		apply_static(m, p, i, DEMO_V_UNSETTLED, ids);
		p->vmonth[DEMO_V_UNSETTLED] = em;
		got++;
	}
	free(elig);
}

/* ---- payroll plan ----------------------------------------------------------- */

static int popcount32(uint32_t x)
{
	int n = 0;
	for (; x; x &= x - 1)
		n++;
	return n;
}

static int64_t wage_due(const demo_emp *e, int days)
{
	if (!e->monthly)
		return e->rate * days;
	return e->rate * (days > 26 ? 26 : days) / 26;
}

/* Whether row (p, employer, month i) is hit by violation v. */
static int hit(const demo_proj *p, int v, int employer, int i)
{
	if (!(p->viol & BIT(v)))
		return 0;
	if (p->vemployer[v] >= 0 && p->vemployer[v] != employer)
		return 0;
	if (v == DEMO_V_UNPAID)
		return i >= p->vmonth[v] && i < p->vmonth[v] + p->unpaid_n;
	return i == p->vmonth[v];
}

static void plan_row(demo_model *m, int e, int i, int days, demo_pay *pay)
{
	const demo_emp *em = &m->emps[e];
	const demo_proj *p = &m->projs[em->proj];
	demo_rng r;

	demo_rng_seed(&r, demo_mix(m->o.seed ^ 0x7061790000ull, (uint64_t)e * 16 + (uint64_t)i));
	memset(pay, 0, sizeof *pay);
	pay->emp = e;
	pay->month = i;
	pay->days = days;
	if (hit(p, DEMO_V_DAYS_MISMATCH, em->employer, i) && days >= 10) {
		pay->days = days - (int)demo_rng_range(&r, 4, 6);
		pay->viol |= BIT(DEMO_V_DAYS_MISMATCH);
	}
	pay->due = wage_due(em, pay->days);
	day_t when = demo_deadline(m, p, i) - (day_t)demo_rng_range(&r, 0, 2);
	if (when > m->as_of)
		return; /* not paid yet, and not due yet either */
	pay->paid = pay->due;
	pay->paid_date = when;
	pay->channel = p->opened ? DEMO_BANK : DEMO_OTHER;
	pay->confirmed = demo_rng_chance(&r, 960);
	if (hit(p, DEMO_V_UNPAID, em->employer, i) || hit(p, DEMO_V_UNSETTLED, em->employer, i)) {
		pay->paid = 0;
		pay->paid_date = 0;
		pay->confirmed = 0;
		pay->channel = DEMO_BANK;
		pay->viol |= BIT(hit(p, DEMO_V_UNPAID, em->employer, i) ? DEMO_V_UNPAID : DEMO_V_UNSETTLED);
	} else if (hit(p, DEMO_V_CASH, em->employer, i)) {
		pay->channel = DEMO_CASH;
		pay->viol |= BIT(DEMO_V_CASH);
	} else if (hit(p, DEMO_V_SHORT, em->employer, i)) {
		pay->paid = pay->due * demo_rng_range(&r, 60, 90) / 100 / 1000 * 1000;
		if (pay->paid <= 0)
			pay->paid = pay->due / 2;
		pay->viol |= BIT(DEMO_V_SHORT);
	}
	if (!p->opened)
		pay->viol |= BIT(DEMO_V_NO_ACCOUNT);
	pay->bank_paid = pay->channel == DEMO_BANK ? pay->paid : 0;
	if (pay->bank_paid > 0 && hit(p, DEMO_V_BANK_MISMATCH, em->employer, i)) {
		int64_t cut = demo_rng_range(&r, 300, 1500) * 100;
		pay->bank_paid = pay->paid - cut >= 10000 ? pay->paid - cut : pay->paid / 2;
		pay->viol |= BIT(DEMO_V_BANK_MISMATCH);
	}
	if (!em->monthly && em->rate * 2175 < 218000 * 100)
		pay->viol |= BIT(DEMO_V_BELOW_MIN);
}

/* Fills m->pays from the attendance and the violations. */
static void plan_payroll(demo_model *m)
{
	int hours[31];

	m->pays = xcalloc((size_t)m->nemps * DEMO_MONTHS + 1, sizeof *m->pays);
	for (int e = 0; e < m->nemps; e++)
		for (int i = 0; i < DEMO_MONTHS; i++) {
			int days = popcount32(demo_att_month(m, e, i, hours));
			if (days == 0)
				continue;
			demo_pay *pay = &m->pays[m->npays++];
			plan_row(m, e, i, days, pay);
			for (int v = 0; v < DEMO_V_COUNT; v++)
				if (v != DEMO_V_NO_CONTRACT && (pay->viol & BIT(v)))
					m->st->viol_rows[v]++;
		}
}

void demo_plan_build(demo_model *m)
{
	demo_idset ids;

	demo_model_build(m, &ids);
	plan_violations(m, &ids);
	plan_payroll(m);
	free(ids.v);
}
