/*
 * test_money.c - unit tests of exact money and 2-decimal parsing.
 *
 * The import rule is narrow on purpose; each rejected spelling below is
 * one that a spreadsheet or a clerk has produced and that a float-based
 * parser would have silently accepted.
 */
#include <criterion/criterion.h>
#include <stdint.h>

#include "util/money.h"

static int64_t fen_of(const char *s)
{
	int64_t v = -1;
	const char *why = NULL;
	cr_assert(money_parse(s, &v, &why), "money_parse(\"%s\") failed: %s", s, why);
	return v;
}

static const char *money_why(const char *s)
{
	int64_t v = 777;
	const char *why = NULL;
	cr_assert_not(money_parse(s, &v, &why), "money_parse(\"%s\") accepted", s);
	cr_assert_eq(v, 777, "output written on failure for \"%s\"", s);
	cr_assert_not_null(why);
	return why;
}

Test(money, parses_valid)
{
	cr_assert_eq(fen_of("1234"), 123400);
	cr_assert_eq(fen_of("1234.5"), 123450);
	cr_assert_eq(fen_of("1234.50"), 123450);
	cr_assert_eq(fen_of("0.01"), 1);
	cr_assert_eq(fen_of("0.5"), 50);
	cr_assert_eq(fen_of("0"), 0);
	cr_assert_eq(fen_of("-0.05"), -5);
	cr_assert_eq(fen_of("-12.3"), -1230);
	cr_assert_eq(fen_of("-0"), 0);
	cr_assert_eq(fen_of("007.10"), 710);
}

Test(money, rejects_bad_syntax)
{
	const char *bad[] = {"", "-", "1,234.50", "¥12", "1e3", "12.345", ".5",
			     "5.", "+5", " 5", "5 ", "1 000", "--5", "5-", "1.2.3",
			     "0x10", "abc", "1.-5", "-.5", "５"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		money_why(bad[i]);
	cr_assert_not(money_parse(NULL, &(int64_t){0}, NULL));
}

Test(money, reasons_name_the_mistake)
{
	cr_assert_str_eq(money_why("12.345"), "最多两位小数 (at most 2 decimals)");
	cr_assert_str_eq(money_why("1,234.50"), "不能含千位分隔符 (no thousands separators)");
	cr_assert_str_eq(money_why("1e3"), "不能用科学计数法 (no exponent notation)");
	cr_assert_str_eq(money_why("¥12"), "不能含货币符号 (no currency sign)");
	cr_assert_str_eq(money_why("+5"), "不能有正号 (no '+' sign)");
	cr_assert_str_eq(money_why(" 5"), "不能含空格 (no spaces allowed)");
	cr_assert_str_eq(money_why(""), "不能为空 (empty)");
}

Test(money, range_limit_is_inclusive)
{
	/* 10^15 fen = 10^13 yuan is the largest accepted magnitude. */
	cr_assert_eq(fen_of("10000000000000"), 1000000000000000LL);
	cr_assert_eq(fen_of("-10000000000000.00"), -1000000000000000LL);
	cr_assert_str_eq(money_why("10000000000000.01"), "数值超出范围 (value out of range)");
	cr_assert_str_eq(money_why("-10000000000000.01"), "数值超出范围 (value out of range)");
	/* Far beyond int64: must be rejected, not wrap around. */
	cr_assert_str_eq(money_why("99999999999999999999999999"), "数值超出范围 (value out of range)");
	cr_assert_str_eq(money_why("18446744073709551617"), "数值超出范围 (value out of range)");
}

Test(money, format)
{
	char out[24];
	struct { int64_t fen; const char *want; } v[] = {
		{0, "0.00"}, {1, "0.01"}, {-5, "-0.05"}, {-100, "-1.00"},
		{123450, "1234.50"}, {123456, "1234.56"}, {1000000000000000LL, "10000000000000.00"},
		{INT64_MAX, "92233720368547758.07"}, {INT64_MIN, "-92233720368547758.08"}};
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		money_format(v[i].fen, out);
		cr_assert_str_eq(out, v[i].want);
	}
}

Test(money, round_trip)
{
	const int64_t vals[] = {0, 1, -1, 9, 10, 99, 100, 101, -123456, 1000000000000000LL,
				-1000000000000000LL, 4999999999};
	char out[24];
	for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++) {
		money_format(vals[i], out);
		cr_assert_eq(fen_of(out), vals[i], "round trip of %s", out);
	}
}

Test(dec2, parse)
{
	int64_t h = -1;
	const char *why = NULL;
	cr_assert(dec2_parse("7.5", &h, &why));
	cr_assert_eq(h, 750);
	cr_assert(dec2_parse("21", &h, &why));
	cr_assert_eq(h, 2100);
	cr_assert(dec2_parse("7.25", &h, &why));
	cr_assert_eq(h, 725);
	cr_assert(dec2_parse("0", &h, &why));
	cr_assert_eq(h, 0);
	cr_assert_not(dec2_parse("-1", &h, &why));
	cr_assert_str_eq(why, "不能为负数 (must not be negative)");
	cr_assert_not(dec2_parse("7.125", &h, &why));
	cr_assert_str_eq(why, "最多两位小数 (at most 2 decimals)");
	const char *bad[] = {"", "+1", ".5", "5.", "1e2", " 7", "7 ", "1,5"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		cr_assert_not(dec2_parse(bad[i], &h, &why), "accepted \"%s\"", bad[i]);
}

Test(dec2, format_shortest)
{
	char out[24];
	struct { int64_t h; const char *want; } v[] = {
		{750, "7.5"}, {2100, "21"}, {725, "7.25"}, {0, "0"}, {5, "0.05"},
		{50, "0.5"}, {100, "1"}, {1010, "10.1"}, {1001, "10.01"}};
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		dec2_format(v[i].h, out);
		cr_assert_str_eq(out, v[i].want);
		int64_t back = -1;
		cr_assert(dec2_parse(out, &back, NULL));
		cr_assert_eq(back, v[i].h);
	}
}

/* Issue 7, finding 6: a sum that leaves int64 is refused, never wrapped. */
Test(money, add_checked_refuses_overflow)
{
	int64_t acc = 0;
	cr_assert(money_add_checked(&acc, 999999999999999LL));
	cr_assert_eq(acc, 999999999999999LL);
	acc = INT64_MAX - 5;
	cr_assert(money_add_checked(&acc, 5));
	cr_assert_eq(acc, INT64_MAX);
	cr_assert_not(money_add_checked(&acc, 1));
	cr_assert_eq(acc, INT64_MAX, "left unchanged on overflow");
	acc = INT64_MIN;
	cr_assert_not(money_add_checked(&acc, -1));
	cr_assert_eq(acc, INT64_MIN);
	/* 9,224 rows of 9,999,999,999,999.99 yuan: the sum the issue found
	 * wrapping is refused at the row that crosses the limit. */
	acc = 0;
	int ok = 1, rows = 0;
	while (ok && rows < 10000) {
		ok = money_add_checked(&acc, 999999999999999LL);
		rows += ok;
	}
	cr_assert_not(ok);
	cr_assert_eq(rows, 9223);
	cr_assert_gt(acc, 0);
}

Test(money, sub_checked_refuses_overflow)
{
	int64_t acc = 10;
	cr_assert(money_sub_checked(&acc, 25));
	cr_assert_eq(acc, -15);
	acc = INT64_MIN + 1;
	cr_assert_not(money_sub_checked(&acc, 2));
	cr_assert_eq(acc, INT64_MIN + 1);
	acc = 0;
	cr_assert_not(money_sub_checked(&acc, INT64_MIN));
	cr_assert_eq(acc, 0);
}
