/*
 * demo_model.c - builds the in-memory model of `anxin demo` (see
 * demo_model.h): enterprises, projects, workers, employments, the planted
 * and the ID numbers of the model, before violations are planted.
 *
 * Everything is drawn from one xoshiro256** stream seeded by the seed, in
 * a fixed order, so (seed, as_of, projects, workers) fixes the result.
 * Attendance is not stored: demo_att_month() redraws it from a stream of
 * its own per (employment, month), which keeps 2.5 M rows out of memory.
 * The violations and the payroll plan are demo_plan.c's (which calls
 * this file, never the reverse); the random numbers demo_rng.c's, the
 * names and tables demo_names.c's. No database and no I/O here.
 */
#include "demo/demo_model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/valid.h"

/* ---- calendar helpers ------------------------------------------------------ */

day_t demo_month_day(const demo_model *m, int i, int day)
{
	int dim = date_days_in_month(m->my[i], m->mm[i]);
	return date_from_ymd(m->my[i], m->mm[i], day > dim ? dim : day);
}

day_t demo_deadline(const demo_model *m, const demo_proj *p, int i)
{
	return demo_month_day(m, i + 1, p->wage_day);
}

int demo_month_index(const demo_model *m, day_t d)
{
	for (int i = 0; i < DEMO_MONTHS + 1; i++)
		if (d >= m->mfirst[i] && d < m->mfirst[i + 1])
			return i;
	return -1;
}

static void setup_window(demo_model *m)
{
	int y, mo, d;

	date_to_ymd(m->as_of, &y, &mo, &d);
	for (int i = 0; i < DEMO_MONTHS + 2; i++) {
		int yy = y, mm = mo;
		month_add(&yy, &mm, i - DEMO_MONTHS);
		m->my[i] = yy;
		m->mm[i] = mm;
		m->mfirst[i] = date_from_ymd(yy, mm, 1);
	}
}

static day_t dmax(day_t a, day_t b) { return a > b ? a : b; }
static day_t dmin(day_t a, day_t b) { return a < b ? a : b; }

/* ---- attendance ------------------------------------------------------------ */

/* Draws the days of [lo, hi] worked: Mon-Sat with probability pm/1000,
 * Sundays rarely; 8-10 hours. Bits are relative to first. */
static uint32_t att_days(demo_rng *r, day_t lo, day_t hi, day_t first, int pm,
			 int hours[31])
{
	uint32_t mask = 0;

	for (day_t d = lo; d <= hi; d++) {
		int sun = date_weekday(d) == 6;
		if (!demo_rng_chance(r, sun ? 120 : pm))
			continue;
		int k = (int)(d - first), h = (int)demo_rng_range(r, 0, 99);
		mask |= 1u << k;
		hours[k] = h < 50 ? 800 : h < 75 ? 900 : h < 90 ? 1000 : 850;
	}
	return mask;
}

uint32_t demo_att_month(const demo_model *m, int e, int i, int hours[31])
{
	const demo_emp *em = &m->emps[e];
	const demo_proj *p = &m->projs[em->proj];
	day_t lo = dmax(dmax(m->mfirst[i], em->entry), p->start);
	day_t hi = dmin(m->mfirst[i + 1] - 1, m->as_of - 1);
	demo_rng r;

	if (em->exit)
		hi = dmin(hi, em->exit);
	if (p->stop)
		hi = dmin(hi, p->stop - 1);
	if (lo > hi)
		return 0;
	demo_rng_seed(&r, demo_mix(m->o.seed ^ 0x6174746E64616E63ull, (uint64_t)e * 16 + (uint64_t)i));
	return att_days(&r, lo, hi, m->mfirst[i], em->att_permille, hours);
}

uint32_t demo_ghost_month(const demo_model *m, int g, int i, int hours[31])
{
	const demo_ghost *gh = &m->ghosts[g];
	const demo_proj *p = &m->projs[gh->proj];
	day_t lo = dmax(m->mfirst[i], p->start);
	day_t hi = dmin(m->mfirst[i + 1] - 1, m->as_of - 1);
	demo_rng r;

	if (i < gh->month0 || i >= gh->month0 + gh->nmonths)
		return 0;
	if (p->stop)
		hi = dmin(hi, p->stop - 1);
	if (lo > hi)
		return 0;
	demo_rng_seed(&r, demo_mix(m->o.seed ^ 0x67686F7374ull, (uint64_t)g * 16 + (uint64_t)i));
	return att_days(&r, lo, hi, m->mfirst[i], gh->att_permille, hours);
}

/* ---- identifiers ------------------------------------------------------------ */

/* A USCC: "91" (company) or "12" (public body) + region + 9-character
 * organisation code with its GB 11714 check + the GB 32100 check. */
static void make_uscc(demo_rng *r, int gov, const char *region, char out[19])
{
	static const int w[8] = {3, 7, 9, 10, 5, 8, 4, 2};
	char org[10];
	int sum = 0;

	for (int i = 0; i < 8; i++) {
		int v = (int)demo_rng_range(r, 0, 9);
		org[i] = (char)('0' + v);
		sum += v * w[i];
	}
	int c = 11 - sum % 11;
	org[8] = c == 10 ? 'X' : c == 11 ? '0' : (char)('0' + c);
	org[9] = 0;
	memcpy(out, gov ? "12" : "91", 2);
	memcpy(out + 2, region, 6);
	memcpy(out + 8, org, 9);
	out[17] = 0;
	out[17] = valid_uscc_check_char(out);
	out[18] = 0;
}

static int idset_add(demo_idset *s, uint64_t key)
{
	size_t i = (size_t)demo_mix(key, 7) & s->mask;
	while (s->v[i]) {
		if (s->v[i] == key)
			return 0;
		i = (i + 1) & s->mask;
	}
	s->v[i] = key;
	return 1;
}

void demo_make_id(demo_model *m, demo_idset *s, int female, char out[19])
{
	int ay, am, ad;

	date_to_ymd(m->as_of, &ay, &am, &ad);
	for (;;) {
		int age = demo_rng_chance(&m->rng, 150)
			? (int)demo_rng_range(&m->rng, 18, 62)
			: (int)(demo_rng_range(&m->rng, 18, 62) + demo_rng_range(&m->rng, 30, 62)) / 2;
		day_t b = date_from_ymd(ay - age, am, ad > 28 ? 28 : ad) - (day_t)demo_rng_range(&m->rng, 0, 360);
		int y, mo, d;
		date_to_ymd(b, &y, &mo, &d);
		int seq = (int)demo_rng_range(&m->rng, 0, 499) * 2 + (female ? 0 : 1);
		snprintf(out, 19, "%s%04d%02d%02d%03d", demo_home_region(&m->rng), y, mo, d, seq);
		if (idset_add(s, strtoull(out, NULL, 10))) {
			out[17] = valid_id_check_char(out);
			out[18] = 0;
			return;
		}
	}
}

/* ---- enterprises ------------------------------------------------------------ */

static int name_taken(const demo_model *m, const char *name, const char *uscc)
{
	for (int i = 0; i < m->nents; i++)
		if (!strcmp(m->ents[i].name, name) || !strcmp(m->ents[i].uscc, uscc))
			return 1;
	return 0;
}

static void add_enterprise(demo_model *m, int kind)
{
	static const char *const urban[] = {"120101", "120102", "120103", "120104", "120105"};
	static const char *const near_[] = {"120110", "120111", "120112", "120113"};
	demo_rng *r = &m->rng;
	demo_ent *e = &m->ents[m->nents];
	int gov, street_w[64];

	for (int s = 0; s < demo_nstreets; s++)
		street_w[s] = demo_streets[s].weight;

	memset(e, 0, sizeof *e);
	e->kind = kind;
	for (int attempt = 0;; attempt++) {
		demo_ent_name(r, kind, attempt, &gov, e->name, sizeof e->name);
		const char *region = "120116";
		if (kind == DEMO_CONTRACTOR && demo_rng_chance(r, 400))
			region = urban[demo_rng_range(r, 0, 4)];
		else if (kind == DEMO_SUB && !strncmp(e->name, "河北", 6))
			region = "130982";
		else if (kind == DEMO_SUB && demo_rng_chance(r, 150))
			region = near_[demo_rng_range(r, 0, 3)];
		snprintf(e->region, sizeof e->region, "%s", region);
		make_uscc(r, gov, region, e->uscc);
		if (!name_taken(m, e->name, e->uscc))
			break;
	}
	e->street = strcmp(e->region, "120116") ? -1
		: demo_rng_weighted(r, street_w, demo_nstreets);
	demo_person_name(r, demo_rng_chance(r, 150), e->legal_rep, sizeof e->legal_rep);
	if (demo_rng_chance(r, 750))
		demo_landline(r, e->phone);
	else
		demo_mobile(r, e->phone);
	switch (kind) {
	case DEMO_OWNER:
		e->union_est = demo_rng_chance(r, 700);
		e->employees = (int)demo_rng_range(r, 20, 300);
		break;
	case DEMO_CONTRACTOR:
		e->union_est = demo_rng_chance(r, 900);
		e->employees = (int)demo_rng_range(r, 300, 5000);
		break;
	default:
		e->union_est = demo_rng_chance(r, 350);
		e->employees = (int)demo_rng_range(r, 30, 600);
	}
	m->nents++;
}

/* ---- projects ------------------------------------------------------------- */

static int cmp_contract(const void *a, const void *b)
{
	const demo_proj *x = a, *y = b;
	if (x->contract != y->contract)
		return x->contract < y->contract ? -1 : 1;
	return strcmp(x->code, y->code); /* the draw order, kept in code */
}

/* Fills the project's dates and status; i == 0 is always an established
 * active project, so that even a tiny demo has one to plant violations in. */
static void project_dates(demo_model *m, demo_proj *p, int i)
{
	static const int status_w[] = {5, 78, 6, 11};
	demo_rng *r = &m->rng;
	day_t D = m->as_of;

	p->status = i == 0 ? DEMO_ACTIVE : demo_rng_weighted(r, status_w, 4);
	switch (p->status) {
	case DEMO_PLANNED:
		p->contract = D - (day_t)demo_rng_range(r, 3, 60);
		p->start = D + (day_t)demo_rng_range(r, 5, 90);
		break;
	case DEMO_ACTIVE:
		p->contract = D - (day_t)demo_rng_range(r, i == 0 ? 300 : 75, 730);
		p->start = p->contract + (day_t)demo_rng_range(r, 15, 45);
		break;
	case DEMO_SUSPENDED:
		p->contract = D - (day_t)demo_rng_range(r, 260, 730);
		p->start = p->contract + (day_t)demo_rng_range(r, 15, 45);
		p->stop = m->mfirst[1] + (day_t)demo_rng_range(r, 0, D - 10 - m->mfirst[1]);
		break;
	default:
		p->contract = D - (day_t)demo_rng_range(r, 420, 730);
		p->start = p->contract + (day_t)demo_rng_range(r, 15, 45);
		p->end = m->mfirst[1] + (day_t)demo_rng_range(r, 5, m->mfirst[5] - 1 - m->mfirst[1] - 5);
		p->stop = p->end + 1;
	}
	p->planned_end = p->start + (day_t)demo_rng_range(r, 300, 1100);
	if (p->end)
		p->planned_end = dmax(p->start, p->end + (day_t)demo_rng_range(r, -60, 60));
	day_t opened = p->contract + (day_t)demo_rng_range(r, 5, 14);
	p->opened = opened <= D ? opened : 0;
	if (p->status != DEMO_PLANNED)
		p->board = p->start + (day_t)demo_rng_range(r, 0, 6);
}

/* Contract amount in fen, from 5 M to 800 M yuan, most of it 20-200 M. */
static int64_t project_amount(demo_rng *r)
{
	static const int tier_w[] = {35, 35, 22, 8};
	static const int64_t lo[] = {500, 2000, 8000, 30000}, hi[] = {2000, 8000, 30000, 80000};
	int t = demo_rng_weighted(r, tier_w, 4);
	/* 万元 with two decimals -> fen */
	return demo_rng_range(r, lo[t] * 100, hi[t] * 100) * 10000;
}

static void build_projects(demo_model *m, int nown, int ncon, int nsub)
{
	demo_rng *r = &m->rng;
	int street_w[64];

	for (int s = 0; s < demo_nstreets; s++)
		street_w[s] = demo_streets[s].weight;
	m->projs = xcalloc((size_t)m->o.projects, sizeof *m->projs);
	m->nprojs = m->o.projects;
	for (int i = 0; i < m->nprojs; i++) {
		demo_proj *p = &m->projs[i];
		snprintf(p->code, sizeof p->code, "%06d", i); /* draw order, for sorting */
		project_dates(m, p, i);
		p->street = demo_rng_weighted(r, street_w, demo_nstreets);
		demo_project_name(r, p->street, i, p->name, sizeof p->name, p->address, sizeof p->address);
		p->amount = project_amount(r);
		p->owner = (int)demo_rng_range(r, 0, nown - 1);
		int64_t u = demo_rng_range(r, 0, 999);
		p->contractor = nown + (int)(ncon * u * u / 1000000); /* a few big ones */
		p->nsubs = demo_rng_chance(r, 150) ? 0 : (int)demo_rng_range(r, 1, 4);
		if (p->nsubs > nsub)
			p->nsubs = nsub;
		for (int k = 0; k < p->nsubs; k++) {
			int s, dup;
			do {
				s = nown + ncon + (int)demo_rng_range(r, 0, nsub - 1);
				dup = 0;
				for (int j = 0; j < k; j++)
					dup |= p->subs[j] == s;
			} while (dup);
			p->subs[k] = s;
		}
		p->wage_day = (int)demo_rng_range(r, 10, 25);
		p->dep_day = p->wage_day - (int)demo_rng_range(r, 3, 7);
		p->bank = demo_rng_weighted(r, (const int[]){20, 18, 20, 12, 8, 8, 9, 5}, demo_nbanks);
		demo_person_name(r, demo_rng_chance(r, 250), p->officer, sizeof p->officer);
		demo_mobile(r, p->officer_phone);
		for (int v = 0; v < DEMO_V_COUNT; v++)
			p->vemployer[v] = -1;
	}
	qsort(m->projs, (size_t)m->nprojs, sizeof *m->projs, cmp_contract);
	for (int i = 0; i < m->nprojs; i++) {
		demo_proj *p = &m->projs[i];
		int y, mo, d;
		date_to_ymd(p->contract, &y, &mo, &d);
		snprintf(p->code, sizeof p->code, "BH%d-%04d", y, i + 1);
		snprintf(p->account, sizeof p->account, "%s%07d%08d", demo_banks[p->bank].acct,
			 (int)demo_rng_range(r, 0, 9999999), i + 1);
	}
}

/* ---- workers and employments ------------------------------------------------ */

static void build_workers(demo_model *m, demo_idset *ids)
{
	demo_rng *r = &m->rng;
	static const int bank_w[] = {20, 18, 20, 12, 8, 8, 9, 5};

	m->workers = xcalloc((size_t)m->o.workers, sizeof *m->workers);
	m->nworkers = m->o.workers;
	for (int i = 0; i < m->nworkers; i++) {
		demo_worker *w = &m->workers[i];
		int female = demo_rng_chance(r, 80);
		char digits[19];
		demo_make_id(m, ids, female, w->id);
		demo_person_name(r, female, w->name, sizeof w->name);
		demo_mobile(r, w->phone);
		w->bank = demo_rng_weighted(r, bank_w, demo_nbanks);
		snprintf(digits, sizeof digits, "%s%06d%06d", demo_banks[w->bank].bin,
			 (int)demo_rng_range(r, 0, 999999), (int)demo_rng_range(r, 0, 999999));
		snprintf(w->card, sizeof w->card, "%s%c", digits, valid_luhn_digit(digits));
	}
}

/* Team, trade, employer, wage and attendance habit of a new employment. */
static void fill_job(demo_model *m, demo_emp *e, const demo_proj *p)
{
	static const int team_w[] = {22, 20, 16, 12, 14, 16};
	demo_rng *r = &m->rng;
	const demo_team *t;

	e->team = demo_rng_weighted(r, team_w, demo_nteams);
	t = &demo_teams[e->team];
	e->trade = (int)demo_rng_range(r, 0, 1);
	if (p->nsubs == 0 || (e->team == 4 && demo_rng_chance(r, 500)))
		e->employer = p->contractor;
	else
		e->employer = p->subs[e->team % p->nsubs];
	e->monthly = demo_rng_chance(r, 100);
	e->rate = e->monthly ? demo_rng_range(r, 60, 95) * 10000
			     : demo_rng_range(r, t->lo / 10, t->hi / 10) * 1000;
	e->signed_date = dmin(e->entry + (day_t)demo_rng_range(r, 0, 3), m->as_of);
	e->att_permille = (int)demo_rng_range(r, 840, 960);
}

/* Entry (and exit) of a worker joining project p. */
static void place(demo_model *m, demo_emp *e, const demo_proj *p)
{
	demo_rng *r = &m->rng;
	day_t D = m->as_of;

	if (demo_rng_chance(r, 700))
		e->entry = m->mfirst[0] - (day_t)demo_rng_range(r, 1, 300);
	else
		e->entry = m->mfirst[0] + (day_t)demo_rng_range(r, 0, D - 20 - m->mfirst[0]);
	if (e->entry < p->start)
		e->entry = p->start + (day_t)demo_rng_range(r, 0, 30);
	if (p->stop && e->entry >= p->stop - 10)
		e->entry = dmax(p->start, p->stop - (day_t)demo_rng_range(r, 30, 120));
	if (e->entry > D - 1)
		e->entry = D - 1;
	if (p->end)
		e->exit = p->end;
	if (demo_rng_chance(r, 80)) {
		day_t x = e->entry + (day_t)demo_rng_range(r, 20, 150);
		if (x < D - 1 && (!e->exit || x < e->exit))
			e->exit = x;
	}
}

static int64_t isqrt64(int64_t v)
{
	int64_t x = 0;
	while ((x + 1) * (x + 1) <= v)
		x++;
	return x;
}

static int cmp_emp(const void *a, const void *b)
{
	const demo_emp *x = a, *y = b;
	if (x->proj != y->proj)
		return x->proj < y->proj ? -1 : 1;
	if (x->entry != y->entry)
		return x->entry < y->entry ? -1 : 1;
	return x->worker < y->worker ? -1 : x->worker > y->worker;
}

/* Spreads the workers over the projects that have started, in proportion
 * to the square root of their contract amount; about 4% move to a second
 * project during the window. */
static void build_employments(demo_model *m)
{
	demo_rng *r = &m->rng;
	int *elig = xcalloc((size_t)m->nprojs, sizeof *elig), ne = 0;
	int64_t *quota = xcalloc((size_t)m->nprojs, sizeof *quota), wsum = 0;
	int cap = m->nworkers + m->nworkers / 10 + 16;

	for (int i = 0; i < m->nprojs; i++)
		if (m->projs[i].status != DEMO_PLANNED) {
			elig[ne++] = i;
			wsum += isqrt64(m->projs[i].amount / 1000000);
		}
	m->emps = xcalloc((size_t)cap, sizeof *m->emps);
	if (ne == 0)
		goto out;
	int left = m->nworkers, base = m->nworkers >= 2 * ne ? 2 : 0;
	left -= base * ne;
	int64_t given = 0;
	for (int k = 0; k < ne; k++) {
		quota[k] = base + left * isqrt64(m->projs[elig[k]].amount / 1000000) / wsum;
		given += quota[k];
	}
	for (int k = 0; given < m->nworkers; k = (k + 1) % ne, given++)
		quota[k]++;
	int w = 0;
	for (int k = 0; k < ne; k++) {
		const demo_proj *p = &m->projs[elig[k]];
		for (int64_t j = 0; j < quota[k] && w < m->nworkers; j++, w++) {
			demo_emp *e = &m->emps[m->nemps++];
			e->proj = elig[k];
			e->worker = w;
			place(m, e, p);
			fill_job(m, e, p);
		}
	}
	/* Movers: leave an active project mid-window, join another. */
	int nfirst = m->nemps;
	for (int i = 0; i < nfirst && m->nemps < cap; i++) {
		demo_emp *e = &m->emps[i];
		const demo_proj *a = &m->projs[e->proj];
		if (e->exit || a->stop || !demo_rng_chance(r, 40))
			continue;
		day_t x = m->mfirst[1] + (day_t)demo_rng_range(r, 0, m->mfirst[5] - m->mfirst[1]);
		if (x < e->entry + 20)
			continue;
		int b = elig[demo_rng_range(r, 0, ne - 1)];
		const demo_proj *pb = &m->projs[b];
		day_t in = x + (day_t)demo_rng_range(r, 3, 20);
		if (b == e->proj || pb->stop || pb->start > in || in > m->as_of - 1)
			continue;
		e->exit = x;
		demo_emp *n = &m->emps[m->nemps++];
		n->proj = b;
		n->worker = e->worker;
		n->entry = in;
		fill_job(m, n, pb);
	}
	qsort(m->emps, (size_t)m->nemps, sizeof *m->emps, cmp_emp);
out:
	for (int i = 0; i < m->nprojs; i++)
		m->projs[i].e0 = m->projs[i].e1 = 0;
	for (int i = m->nemps - 1; i >= 0; i--)
		m->projs[m->emps[i].proj].e0 = i;
	for (int i = 0; i < m->nemps; i++)
		m->projs[m->emps[i].proj].e1 = i + 1;
	free(elig);
	free(quota);
}

void demo_model_build(demo_model *m, demo_idset *ids)
{
	int P = m->o.projects;
	int nown = P / 6 < 3 ? 3 : P / 6;
	int ncon = P * 2 / 15 < 3 ? 3 : P * 2 / 15;
	int nsub = P / 2 < 5 ? 5 : P / 2;
	size_t cap = 1;

	while (cap < (size_t)m->o.workers * 4 + 4096)
		cap <<= 1;
	ids->v = xcalloc(cap, sizeof *ids->v);
	ids->mask = cap - 1;
	demo_rng_seed(&m->rng, m->o.seed);
	m->as_of = m->o.as_of;
	setup_window(m);
	m->ents = xcalloc((size_t)(nown + ncon + nsub), sizeof *m->ents);
	for (int i = 0; i < nown; i++)
		add_enterprise(m, DEMO_OWNER);
	for (int i = 0; i < ncon; i++)
		add_enterprise(m, DEMO_CONTRACTOR);
	for (int i = 0; i < nsub; i++)
		add_enterprise(m, DEMO_SUB);
	build_projects(m, nown, ncon, nsub);
	build_workers(m, ids);
	build_employments(m);
}

void demo_model_free(demo_model *m)
{
	free(m->ents);
	free(m->projs);
	free(m->workers);
	free(m->emps);
	free(m->pays);
	free(m->ghosts);
}
