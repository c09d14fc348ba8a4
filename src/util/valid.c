/*
 * valid.c - identifier checks of the data-exchange standard.
 *
 * Owns the national check-digit algorithms (USCC, citizen ID, Luhn) and the
 * shape rules for phone numbers and region codes, plus the bilingual reason
 * shown in import error reports. Pure functions: no allocation, no I/O, no
 * clock - validity of a value must not change with the day it is checked.
 */
#include "util/valid.h"

#include <string.h>

#include "util/date.h"

/* GB 32100-2015 character set: digits and upper-case letters without
 * I O Z S V. A character's value is its index here. */
static const char uscc_alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
static const int uscc_weights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20,
				     29, 25, 13, 8, 24, 10, 30, 28};
static const int id_weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

#define WHY_CHECK "校验位错误 (check digit mismatch)"
#define WHY_EMPTY "不能为空 (empty)"

/* Sets *why if the caller wants it, and returns 0 for "invalid". */
static int valid_fail(const char **why, const char *reason)
{
	if (why)
		*why = reason;
	return 0;
}

static int valid_is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Number of leading ASCII digits of s. */
static size_t valid_span_digits(const char *s)
{
	size_t n = 0;
	while (valid_is_digit(s[n]))
		n++;
	return n;
}

/* Value of c in the USCC alphabet, or -1 (NUL is not in it). */
static int uscc_value(char c)
{
	const char *p = c ? strchr(uscc_alphabet, c) : NULL;
	return p ? (int)(p - uscc_alphabet) : -1;
}

char valid_uscc_check_char(const char *first17)
{
	int sum = 0;
	for (int i = 0; i < 17; i++) {
		int v = uscc_value(first17[i]);
		sum += (v < 0 ? 0 : v) * uscc_weights[i];
	}
	return uscc_alphabet[(31 - sum % 31) % 31];
}

int valid_uscc(const char *s, const char **why)
{
	if (!s || !*s)
		return valid_fail(why, WHY_EMPTY);
	if (strlen(s) != 18)
		return valid_fail(why, "长度应为18位 (must be 18 characters)");
	for (int i = 0; i < 18; i++) {
		if (s[i] >= 'a' && s[i] <= 'z')
			return valid_fail(why, "字母应为大写 (letters must be upper case)");
		if (uscc_value(s[i]) < 0)
			return valid_fail(why, "含非法字符,不能含I/O/S/V/Z (invalid character)");
	}
	if (valid_uscc_check_char(s) != s[17])
		return valid_fail(why, WHY_CHECK);
	return 1;
}

/* ISO 7064 MOD 11-2 as GB 11643 specifies it. */
char valid_id_check_char(const char *first17)
{
	int sum = 0;
	for (int i = 0; i < 17; i++)
		sum += (first17[i] - '0') * id_weights[i];
	return "10X98765432"[sum % 11];
}

/* Birth date of an 18-character ID (digits 7-14), checked as a real date in
 * 1900-2099. Returns 1 and the parts, or 0. */
static int id_birth_ymd(const char *s, int *y, int *m, int *d)
{
	int v[3] = {0, 0, 0};
	static const int start[3] = {6, 10, 12}, len[3] = {4, 2, 2};
	for (int k = 0; k < 3; k++)
		for (int i = 0; i < len[k]; i++)
			v[k] = v[k] * 10 + (s[start[k] + i] - '0');
	*y = v[0];
	*m = v[1];
	*d = v[2];
	return *y >= 1900 && *y <= 2099 && date_is_valid_ymd(*y, *m, *d);
}

int valid_id_number(const char *s, const char **why)
{
	int y, m, d;
	if (!s || !*s)
		return valid_fail(why, WHY_EMPTY);
	size_t len = strlen(s);
	if (len == 15 && valid_span_digits(s) == 15)
		return valid_fail(why, "15位旧号码,请换算为18位 (15-digit legacy number: convert to 18 digits)");
	if (len != 18)
		return valid_fail(why, "长度应为18位 (must be 18 characters)");
	if (valid_span_digits(s) < 17)
		return valid_fail(why, "前17位应为数字 (first 17 characters must be digits)");
	if (s[17] == 'x')
		return valid_fail(why, "末位X应为大写 (use upper-case X)");
	if (!valid_is_digit(s[17]) && s[17] != 'X')
		return valid_fail(why, "末位应为数字或X (last character must be a digit or X)");
	if (!id_birth_ymd(s, &y, &m, &d))
		return valid_fail(why, "出生日期无效 (invalid birth date)");
	if (valid_id_check_char(s) != s[17])
		return valid_fail(why, WHY_CHECK);
	return 1;
}

int valid_id_birth(const char *s, char out[11])
{
	int y, m, d;
	if (!valid_id_number(s, NULL))
		return 0;
	id_birth_ymd(s, &y, &m, &d);
	date_format(date_from_ymd(y, m, d), out);
	return 1;
}

/* 'M' or 'F' from the 17th character; 0 when s is not a valid ID. */
char valid_id_sex(const char *s)
{
	if (!valid_id_number(s, NULL))
		return 0;
	return (s[16] - '0') % 2 ? 'M' : 'F';
}

/* Luhn sum of the digits of s, as if a check digit followed (so the
 * rightmost digit of s is doubled). */
static int luhn_sum_without_check(const char *s, size_t n)
{
	int sum = 0, dbl = 1;
	for (size_t i = n; i-- > 0; dbl = !dbl) {
		int v = s[i] - '0';
		if (dbl)
			v = v * 2 > 9 ? v * 2 - 9 : v * 2;
		sum += v;
	}
	return sum;
}

char valid_luhn_digit(const char *digits)
{
	int sum = luhn_sum_without_check(digits, valid_span_digits(digits));
	return (char)('0' + (10 - sum % 10) % 10);
}

int valid_bank_card(const char *s, const char **why)
{
	if (!s || !*s)
		return valid_fail(why, WHY_EMPTY);
	size_t len = strlen(s);
	if (valid_span_digits(s) != len)
		return valid_fail(why, "只能含数字 (digits only)");
	if (len < 16 || len > 19)
		return valid_fail(why, "长度应为16-19位 (must be 16-19 digits)");
	int sum = luhn_sum_without_check(s, len - 1);
	if ((char)('0' + (10 - sum % 10) % 10) != s[len - 1])
		return valid_fail(why, WHY_CHECK);
	return 1;
}

int valid_mobile(const char *s, const char **why)
{
	if (!s || !*s)
		return valid_fail(why, WHY_EMPTY);
	if (strlen(s) != 11 || valid_span_digits(s) != 11)
		return valid_fail(why, "手机号应为11位数字 (mobile must be 11 digits)");
	if (s[0] != '1' || s[1] < '3')
		return valid_fail(why, "手机号应以13-19开头 (mobile must start with 13-19)");
	return 1;
}

/* 0\d{2,3}-?\d{7,8}. Without the dash the split is ambiguous, so any
 * 10-12 digit string starting with 0 matches. */
static int valid_landline(const char *s)
{
	const char *dash = strchr(s, '-');
	size_t len = strlen(s);
	if (s[0] != '0')
		return 0;
	if (!dash)
		return valid_span_digits(s) == len && len >= 10 && len <= 12;
	size_t area = (size_t)(dash - s), local = len - area - 1;
	return valid_span_digits(s) == area && area >= 3 && area <= 4 &&
	       valid_span_digits(dash + 1) == local && local >= 7 && local <= 8;
}

int valid_phone_or_landline(const char *s, const char **why)
{
	if (!s || !*s)
		return valid_fail(why, WHY_EMPTY);
	if (valid_mobile(s, NULL) || valid_landline(s))
		return 1;
	return valid_fail(why, "应为11位手机号或带区号的固话 (must be a mobile or a landline with area code)");
}

int valid_region(const char *s, const char **why)
{
	static const char provinces[][3] = {
		"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34",
		"35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52",
		"53", "54", "61", "62", "63", "64", "65", "71", "81", "82"};
	if (!s || !*s)
		return valid_fail(why, WHY_EMPTY);
	if (strlen(s) != 6 || valid_span_digits(s) != 6)
		return valid_fail(why, "应为6位数字 (must be 6 digits)");
	for (size_t i = 0; i < sizeof provinces / sizeof provinces[0]; i++)
		if (s[0] == provinces[i][0] && s[1] == provinces[i][1])
			return 1;
	return valid_fail(why, "省级代码不存在 (unknown province code)");
}
