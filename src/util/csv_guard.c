/*
 * csv_guard.c - the formula guard of CSV cells (see csv_guard.h): which
 * cells the writer quotes, and which quote the reader removes.
 */
#include "util/csv_guard.h"

/* The characters that make a spreadsheet treat a cell as a formula, plus
 * the guard's own quote (so that a value starting with it round-trips). */
static int guarded_start(char c)
{
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ||
	       c == '\'';
}

/* -digits or -digits.digits: a number a spreadsheet reads as a number. */
static int plain_negative(const char *s)
{
	const char *p = s + 1;

	if (s[0] != '-' || *p < '0' || *p > '9')
		return 0;
	while (*p >= '0' && *p <= '9')
		p++;
	if (*p == '.') {
		p++;
		if (*p < '0' || *p > '9')
			return 0;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	return *p == '\0';
}

int csv_guard_needed(const char *s)
{
	return s && guarded_start(s[0]) && !plain_negative(s);
}

const char *csv_guard_strip(const char *s)
{
	return s[0] == '\'' && s[1] && guarded_start(s[1]) ? s + 1 : s;
}
