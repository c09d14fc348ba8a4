/*
 * case_deadline.c - deadlines of cases: the official calendar
 * (calendar-cn.md) and the audited parameters turned into due days and day
 * counts (see case_int.h). The same working-day arithmetic as the
 * warnings (basis/calendar.c).
 */
#include <stdio.h>
#include <string.h>

#include "domain/basis/params.h"
#include "domain/cases/case_int.h"

int case_clock_open(db *d, const case_type *t, case_clock *k, char *err, size_t errlen)
{
	memset(k, 0, sizeof *k);
	k->t = t;
	for (int i = 0; i < t->ndeadlines && i < 8; i++)
		if (param_int(d, t->deadlines[i].param, t->deadlines[i].dflt, &k->n[i], err, errlen) != 0)
			return -1;
	if (!(k->cal = cal_load(d, err, errlen)))
		return -1;
	return 0;
}

int case_deadline_days(db *d, const case_deadline *dl)
{
	char err[200];
	int n;

	return param_int(d, dl->param, dl->dflt, &n, err, sizeof err) == 0 ? n : dl->dflt;
}

void case_clock_close(case_clock *k)
{
	cal_free(k->cal);
	k->cal = NULL;
}

/* N of deadline dl. */
static int days_of(const case_clock *k, const case_deadline *dl)
{
	int i = (int)(dl - k->t->deadlines);

	return i >= 0 && i < 8 ? k->n[i] : dl->dflt;
}

int case_clock_due(const case_clock *k, const case_deadline *dl, day_t from, day_t *due,
		   char *err, size_t errlen)
{
	int n = days_of(k, dl);

	if (dl->unit == CASE_WORKDAYS)
		return cal_add_workdays(k->cal, from, n, due, err, errlen);
	/* calendar days: the first day not counted; a day off at the end
	 * moves to the next working day */
	day_t d = from + n;
	int w;
	while ((w = cal_is_workday(k->cal, d)) == 0)
		d++;
	if (w < 0) {
		int y, m, dd;
		date_to_ymd(d, &y, &m, &dd);
		snprintf(err, errlen, "%d年放假安排未知，无法计算期限 (the calendar of %d is not known: "
				      "anxin calendar add-year)", y, y);
		return -1;
	}
	*due = d;
	return 0;
}

void case_clock_basis(const case_clock *k, const case_deadline *dl, char *out, size_t n)
{
	snprintf(out, n, "%s：%s后%d个%s(%s)", dl->zh, dl->event_zh, days_of(k, dl),
		 dl->unit == CASE_WORKDAYS ? "工作日" : "日", dl->basis);
}

/* 1 when day is a working day; Monday-Friday for an unknown year. */
static int workday(const case_clock *k, day_t day)
{
	int w = cal_is_workday(k->cal, day);

	return w >= 0 ? w : date_weekday(day) <= 4;
}

int case_clock_workdays(const case_clock *k, day_t a, day_t b)
{
	int n = 0, sign = 1;

	if (b < a) {
		day_t x = a;
		a = b;
		b = x;
		sign = -1;
	}
	for (day_t d = a + 1; d <= b && d - a < 4000; d++)
		n += workday(k, d);
	return sign * n;
}

void case_fill_deadline(const case_clock *k, const case_srow *r, day_t today, case_row *row)
{
	const case_state *s = case_state_find(k->t, r->state);
	const case_deadline *dl = s && s->deadline ? case_deadline_find(k->t, s->deadline) : NULL;
	day_t due = 0, from;
	char err[200];
	int have = 0;

	char *basis = row->deadline_basis;
	size_t basislen = sizeof row->deadline_basis;

	*basis = 0;
	*row->deadline = 0;
	if (!dl || s->final)
		return;
	if (*r->deadline && date_parse_iso(r->deadline, &due)) {
		have = 1;
		snprintf(basis, basislen, "%s", r->basis);
	} else if (dl->start_col) {
		for (int i = 0; i < 4 && k->t->start_cols[i]; i++)
			if (!strcmp(k->t->start_cols[i], dl->start_col) && *r->extra[i] &&
			    date_parse_iso(r->extra[i], &from)) {
				if (case_clock_due(k, dl, from, &due, err, sizeof err) == 0) {
					have = 1;
					case_clock_basis(k, dl, basis, basislen);
				} else {
					snprintf(basis, basislen, "%s", err);
				}
			}
	}
	row->deadline_code = dl->code;
	if (!have)
		return;
	date_format(due, row->deadline);
	row->days_left = (int)(due - today);
	row->workdays_left = case_clock_workdays(k, today, due);
	row->days_overdue = today > due ? (int)(today - due) : 0;
}
