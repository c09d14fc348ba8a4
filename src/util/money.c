/*
 * money.c - exact parsing and printing of money (fen) and 2-decimal numbers.
 *
 * Owns the import syntax for amounts: [-]digits[.d[d]], nothing else. No
 * floating point anywhere: text goes to int64 digit by digit, with the
 * range checked before each step so overflow can never happen. It must not
 * decide whether a negative amount is acceptable - callers do that.
 */
#include "util/money.h"

#include <string.h>

#define MONEY_MAX_FEN 1000000000000000LL /* 10^15 fen = 10^13 yuan */

/* Names the most likely mistake in a rejected amount, so that an import
 * report tells the clerk what to fix rather than just "bad number". */
static const char *money_diagnose(const char *s)
{
	if (!*s)
		return "不能为空 (empty)";
	if (strchr(s, ' ') || strchr(s, '\t'))
		return "不能含空格 (no spaces allowed)";
	if (strchr(s, ','))
		return "不能含千位分隔符 (no thousands separators)";
	if (strchr(s, 'e') || strchr(s, 'E'))
		return "不能用科学计数法 (no exponent notation)";
	if (strstr(s, "\xc2\xa5") || strstr(s, "\xef\xbf\xa5") || strchr(s, '$'))
		return "不能含货币符号 (no currency sign)";
	if (s[0] == '+')
		return "不能有正号 (no '+' sign)";
	return "数字格式错误 (invalid number)";
}

/* Parses the unsigned part "digits[.d[d]]" at s into hundredths. Returns 1,
 * or 0 with *why. Shared by money_parse and dec2_parse. */
static int dec2_parse_unsigned(const char *s, int64_t *out, const char **why)
{
	const char *p = s;
	int64_t v = 0;
	if (*p < '0' || *p > '9')
		goto bad;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (v > MONEY_MAX_FEN / 100) {
			*why = "数值超出范围 (value out of range)";
			return 0;
		}
		v = v * 10 + (*p - '0');
	}
	v *= 100;
	if (*p == '.') {
		p++;
		if (*p < '0' || *p > '9')
			goto bad;
		v += (*p++ - '0') * 10;
		if (*p >= '0' && *p <= '9')
			v += *p++ - '0';
		if (*p >= '0' && *p <= '9') {
			*why = "最多两位小数 (at most 2 decimals)";
			return 0;
		}
	}
	if (*p)
		goto bad;
	if (v > MONEY_MAX_FEN) {
		*why = "数值超出范围 (value out of range)";
		return 0;
	}
	*out = v;
	return 1;
bad:
	*why = money_diagnose(s);
	return 0;
}

/* See money.h. "-0" and "-0.00" parse to 0. */
int money_parse(const char *s, int64_t *fen, const char **why)
{
	const char *dummy;
	int64_t v;
	if (!why)
		why = &dummy;
	if (!s) {
		*why = "不能为空 (empty)";
		return 0;
	}
	int neg = s[0] == '-';
	if (!dec2_parse_unsigned(s + neg, &v, why)) {
		if (neg && s[1] == '\0')
			*why = "数字格式错误 (invalid number)";
		return 0;
	}
	*fen = neg ? -v : v;
	return 1;
}

/* Writes the magnitude of v as "I.FF" after an optional '-'. */
void money_format(int64_t fen, char out[24])
{
	uint64_t mag = fen < 0 ? 0 - (uint64_t)fen : (uint64_t)fen;
	char tmp[24];
	size_t i = sizeof tmp;
	tmp[--i] = '\0';
	tmp[--i] = (char)('0' + mag % 10);
	tmp[--i] = (char)('0' + mag / 10 % 10);
	tmp[--i] = '.';
	mag /= 100;
	do {
		tmp[--i] = (char)('0' + mag % 10);
		mag /= 10;
	} while (mag);
	if (fen < 0)
		tmp[--i] = '-';
	memcpy(out, tmp + i, sizeof tmp - i);
}

/* See money.h. The compiler's overflow built-ins: no undefined behaviour
 * and no wrapped result ever reaches *acc. */
int money_add_checked(int64_t *acc, int64_t v)
{
	int64_t r;

	if (__builtin_add_overflow(*acc, v, &r))
		return 0;
	*acc = r;
	return 1;
}

int money_sub_checked(int64_t *acc, int64_t v)
{
	int64_t r;

	if (__builtin_sub_overflow(*acc, v, &r))
		return 0;
	*acc = r;
	return 1;
}

/* See money.h: no sign accepted, same limit as money. */
int dec2_parse(const char *s, int64_t *hundredths, const char **why)
{
	const char *dummy;
	if (!why)
		why = &dummy;
	if (!s) {
		*why = "不能为空 (empty)";
		return 0;
	}
	if (s[0] == '-') {
		*why = "不能为负数 (must not be negative)";
		return 0;
	}
	return dec2_parse_unsigned(s, hundredths, why);
}

/* Shortest form: trailing zero decimals and a bare '.' are dropped. */
void dec2_format(int64_t hundredths, char out[24])
{
	money_format(hundredths, out);
	size_t n = strlen(out);
	if (out[n - 1] == '0') {
		n--;             /* "7.50" -> "7.5" */
		if (out[n - 1] == '0')
			n -= 2;  /* "21.0" -> "21" */
		out[n] = '\0';
	}
}
