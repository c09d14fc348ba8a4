/*
 * money.h - exact money and small decimals.
 *
 * Money is integer fen (分) everywhere; a double never holds money. The
 * import rule: yuan with at most two decimals, an optional leading '-' only
 * where the caller allows it, digits only (no thousands separators, no
 * currency sign, no exponent): "1234", "1234.5", "1234.50", "0.01".
 */
#ifndef ANXIN_MONEY_H
#define ANXIN_MONEY_H

#include <stdint.h>

/* Parses yuan text into fen. Returns 1 on success; 0 with *why set to a
 * static reason on bad syntax, more than 2 decimals, or overflow
 * (|value| above 10^15 fen). Leading/trailing spaces are not allowed. */
int money_parse(const char *s, int64_t *fen, const char **why);
/* Writes yuan with two decimals ("-0.05", "1234.50") into out (>= 24 bytes). */
void money_format(int64_t fen, char out[24]);

/* Checked money arithmetic for sums (totals of the dashboard and the
 * warning scan): *acc += v (money_add_checked) or *acc -= v
 * (money_sub_checked). Return 1 on success; 0 when the result does not
 * fit an int64 (92,233,720,368,547,758.07 yuan), leaving *acc
 * unchanged, so a caller reports the data instead of a wrapped figure. */
int money_add_checked(int64_t *acc, int64_t v);
int money_sub_checked(int64_t *acc, int64_t v);

/* A non-negative decimal with at most two decimals, e.g. hours "7.5" or
 * days "21", into hundredths (750, 2100). Same syntax rules as money, no
 * sign. Returns 1 or 0 with *why. */
int dec2_parse(const char *s, int64_t *hundredths, const char **why);
/* "7.5" style: shortest form of hundredths ("8", "7.5", "7.25"). */
void dec2_format(int64_t hundredths, char out[24]);

#endif
