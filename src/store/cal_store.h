/*
 * cal_store.h - storage of the official working-day calendar
 * (calendar_years, calendar_days; migration 0003). The arithmetic is in
 * domain/calendar.c.
 */
#ifndef ANXIN_CAL_STORE_H
#define ANXIN_CAL_STORE_H

#include "store/db.h"

/* Calls year_cb for every known year, then day_cb for every exception
 * (date "YYYY-MM-DD", is_workday 0/1). Returns 0 or -1. */
int cal_store_load(db *d, void (*year_cb)(void *ctx, int year),
		   void (*day_cb)(void *ctx, const char *date, int is_workday), void *ctx);
/* Replaces year: its row in calendar_years (source, who, when) and its
 * exceptions (dates of that year only). One transaction. Returns DB_OK or
 * a failure code. */
int cal_store_put_year(db *d, int year, const char *source, const char *actor,
		       const char *at, const char *const *off, int noff,
		       const char *const *work, int nwork);

#endif
