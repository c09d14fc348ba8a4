/*
 * clue_stats.c - the figures of a year for clues (cases.md, "Figures";
 * yearly-report.md): received, resolved (a pass decision dated in the
 * year), the review pass rate (pass decisions / all decisions in the year,
 * exact in basis points, half up), workers and amount resolved, overdue on
 * the as-of day - in total, by street, by month and by conclusion type.
 */
#include <stdio.h>
#include <string.h>

#include "domain/cases/case_int.h"
#include "domain/cases/clue.h"
#include "store/clue_store.h"

/* The row of street s (added when new; the last row takes the rest when
 * the table is full). */
static clue_stats_row *street_row(clue_stats *st, const char *s)
{
	for (int i = 0; i < st->nstreets; i++)
		if (!strcmp(st->street[i].street, s))
			return &st->street[i];
	if (st->nstreets == CLUE_STATS_STREETS)
		return &st->street[CLUE_STATS_STREETS - 1];
	clue_stats_row *r = &st->street[st->nstreets++];
	snprintf(r->street, sizeof r->street, "%s", s);
	return r;
}

static void fig_cb(void *ctx, const clue_store_fig *f)
{
	clue_stats *st = ctx;
	clue_stats_row *s = street_row(st, f->street);

	st->received += f->received;
	st->decisions += f->decisions;
	st->passes += f->passes;
	s->received += f->received;
	s->decisions += f->decisions;
	s->passes += f->passes;
	if (f->month >= 1 && f->month <= 12) {
		st->month[f->month - 1].received += f->received;
		st->month[f->month - 1].decisions += f->decisions;
		st->month[f->month - 1].passes += f->passes;
	}
}

static void resolved_cb(void *ctx, const char *street, int month, int conclusion, int64_t workers,
			int64_t fen)
{
	clue_stats *st = ctx;
	clue_stats_row *s = street_row(st, street);

	st->resolved++;
	st->workers += workers;
	st->amount_fen += fen;
	s->resolved++;
	s->workers += workers;
	s->amount_fen += fen;
	if (month >= 1 && month <= 12) {
		st->month[month - 1].resolved++;
		st->month[month - 1].workers += workers;
		st->month[month - 1].amount_fen += fen;
	}
	if (conclusion >= 1 && conclusion <= 10)
		st->by_conclusion[conclusion]++;
}

static void overdue_cb(void *ctx, const case_row *r)
{
	clue_stats *st = ctx;

	st->overdue++;
	street_row(st, r->street)->overdue++;
}

/* Passes over decisions in basis points, rounded half up; -1 without. */
static int64_t rate_bp(int64_t passes, int64_t decisions)
{
	return decisions > 0 ? (passes * 20000 + decisions) / (2 * decisions) : -1;
}

int clue_stats_year(db *d, int year, const char *street, const rec_scope *scope, day_t today,
		    clue_stats *out, char *err, size_t errlen)
{
	const kind *k = case_kind(&case_clue);
	case_filter f = {.box = "overdue", .street = street};

	memset(out, 0, sizeof *out);
	out->year = year;
	for (int i = 0; i < 12; i++)
		snprintf(out->month[i].street, sizeof out->month[i].street, "%02d", i + 1);
	if (year < 1990 || year > 2199) {
		snprintf(err, errlen, "年份 %d 无效 (year out of range)", year);
		return -1;
	}
	if (clue_store_year(d, k, year, street, scope, fig_cb, out) != 0 ||
	    clue_store_resolved(d, k, year, street, scope, resolved_cb, out) != 0) {
		snprintf(err, errlen, "%s", db_error_public(d, "the clue figures"));
		return -1;
	}
	if (case_scan_rows(d, &case_clue, &f, scope, today, overdue_cb, out, err, errlen) < 0)
		return -1;
	out->pass_rate_bp = rate_bp(out->passes, out->decisions);
	for (int i = 0; i < 12; i++)
		out->month[i].pass_rate_bp = rate_bp(out->month[i].passes, out->month[i].decisions);
	for (int i = 0; i < out->nstreets; i++)
		out->street[i].pass_rate_bp = rate_bp(out->street[i].passes, out->street[i].decisions);
	return 0;
}

void clue_stats_total(const clue_stats *s, clue_stats_row *out)
{
	memset(out, 0, sizeof *out);
	out->received = s->received;
	out->resolved = s->resolved;
	out->decisions = s->decisions;
	out->passes = s->passes;
	out->workers = s->workers;
	out->amount_fen = s->amount_fen;
	out->overdue = s->overdue;
	out->pass_rate_bp = s->pass_rate_bp;
}

void clue_rate_text(int64_t bp, char out[24])
{
	if (bp < 0)
		*out = 0;
	else
		snprintf(out, 24, "%lld.%02lld", (long long)(bp / 100), (long long)(bp % 100));
}
