/*
 * test_valid.c - unit tests of the identifier checks.
 *
 * Valid vectors are published numbers whose check character was verified
 * by hand (worked sums in the comments); invalid ones change one thing.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "util/valid.h"

#define WHY_CHECK "校验位错误 (check digit mismatch)"

/* Asserts that f rejects s with exactly the reason want. */
#define REJECT(f, s, want)                                               \
	do {                                                             \
		const char *why_ = NULL;                                 \
		cr_assert_not(f(s, &why_), #f "(\"%s\") accepted", s);   \
		cr_assert_str_eq(why_, want, #f "(\"%s\")", s);          \
	} while (0)

#define ACCEPT(f, s)                                                              \
	do {                                                                      \
		const char *why_ = NULL;                                          \
		cr_assert(f(s, &why_), #f "(\"%s\"): %s", s, why_ ? why_ : ""); \
	} while (0)

Test(uscc, valid_published)
{
	/* 91110000600037341L: values 9,1,1,1,0,0,0,0,6,0,0,0,3,7,3,4,1 times
	 * the weights: 9+3+9+27+120+24+168+30+120+28 = 538; 538 mod 31 = 11;
	 * 31-11 = 20 -> alphabet[20] = 'L'. */
	ACCEPT(valid_uscc, "91110000600037341L");
	ACCEPT(valid_uscc, "91350100M000100Y43");
	ACCEPT(valid_uscc, "9144030071526726XG");
	ACCEPT(valid_uscc, "914403001922038216");
	ACCEPT(valid_uscc, "91110000802100433B");
	cr_assert_eq(valid_uscc_check_char("91110000600037341"), 'L');
	cr_assert_eq(valid_uscc_check_char("91350100M000100Y4"), '3');
}

Test(uscc, check_zero_when_sum_divisible)
{
	/* Find a body whose sum is 0 mod 31: check must be '0', not the
	 * out-of-alphabet index 31. */
	char s[19] = "91110000000000000";
	int found = 0;
	for (int i = 0; i < 31 && !found; i++) {
		s[16] = "0123456789ABCDEFGHJKLMNPQRTUWXY"[i];
		if (valid_uscc_check_char(s) == '0')
			found = 1;
	}
	cr_assert(found);
	s[17] = '0';
	s[18] = '\0';
	ACCEPT(valid_uscc, s);
}

/*
 * Every weight of GB 32100 counts: the 17 characters of each number are
 * all different, and 31 is prime, so swapping any two weights changes the
 * weighted sum mod 31 and hence the check character. Computed
 * independently: weights as 3^i mod 31, C18 = 31 - (sum mod 31).
 */
Test(uscc, every_weight_counts)
{
	ACCEPT(valid_uscc, "91234567ABCDEFGHJU");
	ACCEPT(valid_uscc, "YNMLK9876543HG2RT3");
	cr_assert_eq(valid_uscc_check_char("91234567ABCDEFGHJ"), 'U');
	cr_assert_eq(valid_uscc_check_char("YNMLK9876543HG2RT"), '3');
}

Test(uscc, invalid)
{
	REJECT(valid_uscc, "91110000600037341M", WHY_CHECK);
	REJECT(valid_uscc, "91110000600037314L", WHY_CHECK); /* transposition */
	REJECT(valid_uscc, "911201160000000000", WHY_CHECK);
	REJECT(valid_uscc, "91110000600037341", "长度应为18位 (must be 18 characters)");
	REJECT(valid_uscc, "91110000600037341LL", "长度应为18位 (must be 18 characters)");
	REJECT(valid_uscc, "91110000600037341l", "字母应为大写 (letters must be upper case)");
	REJECT(valid_uscc, "9111000060003734IL", "含非法字符,不能含I/O/S/V/Z (invalid character)");
	REJECT(valid_uscc, "9111000060003734OL", "含非法字符,不能含I/O/S/V/Z (invalid character)");
	REJECT(valid_uscc, "", "不能为空 (empty)");
	cr_assert_not(valid_uscc(NULL, NULL));
}

Test(id_number, valid)
{
	/* GB 11643-1999 example 11010519491231002X: 1*7+1*9+0*10+1*5+0*8+5*4
	 * +1*2+9*1+4*6+9*3+1*7+2*9+3*10+1*5+0*8+0*4+2*2 = 167; 167 mod 11 = 2
	 * -> "10X98765432"[2] = 'X'. */
	ACCEPT(valid_id_number, "11010519491231002X");
	/* 44052419800101001: sum 196, 196 mod 11 = 9 -> '3'. */
	ACCEPT(valid_id_number, "440524198001010013");
	cr_assert_eq(valid_id_check_char("11010519491231002"), 'X');
	cr_assert_eq(valid_id_check_char("44052419800101001"), '3');
}

/*
 * Every weight of GB 11643 counts: swapping any two different weights
 * changes the check character of at least one of these numbers, because
 * for every such pair of positions some number has different digits there
 * (the published vectors above have zeros in most positions, so a swap of
 * two weights where both digits are 0 went unnoticed). The first three
 * have no zero at all. Check characters computed independently of
 * valid.c: weights as 2^(17-i) mod 11 (the standard's definition, not a
 * table), ISO 7064 MOD 11-2, in a throw-away script.
 */
Test(id_number, every_weight_counts)
{
	static const char *const ids[] = {"41295719611118298X", "771862192611196833",
					  "315337199411274733", "437378204208309304"};

	for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
		ACCEPT(valid_id_number, ids[i]);
		cr_assert_eq(valid_id_check_char(ids[i]), ids[i][17], "%s", ids[i]);
	}
}

Test(id_number, standard_example_born_1880_is_out_of_range)
{
	/* The standard's second example has a correct check character (sum
	 * 195, 195 mod 11 = 8 -> '4') but a birth year of 1880: our import
	 * range starts at 1900, so the date, not the check, is reported. */
	cr_assert_eq(valid_id_check_char("44052418800101001"), '4');
	REJECT(valid_id_number, "440524188001010014", "出生日期无效 (invalid birth date)");
}

Test(id_number, invalid)
{
	REJECT(valid_id_number, "110105194912310021", WHY_CHECK);
	REJECT(valid_id_number, "11010519491231002x", "末位X应为大写 (use upper-case X)");
	REJECT(valid_id_number, "110105491231002",
	       "15位旧号码,请换算为18位 (15-digit legacy number: convert to 18 digits)");
	REJECT(valid_id_number, "1101051949123100", "长度应为18位 (must be 18 characters)");
	REJECT(valid_id_number, "11010519491231002X1", "长度应为18位 (must be 18 characters)");
	REJECT(valid_id_number, "1101051949123100A2",
	       "前17位应为数字 (first 17 characters must be digits)");
	REJECT(valid_id_number, "11010519491231002Y",
	       "末位应为数字或X (last character must be a digit or X)");
	REJECT(valid_id_number, "", "不能为空 (empty)");
}

/* Builds a well-formed ID with the given birth date and a correct check
 * character, so only the date can be wrong. */
static void make_id(char out[19], const char *yyyymmdd)
{
	memcpy(out, "110105", 6);
	memcpy(out + 6, yyyymmdd, 8);
	memcpy(out + 14, "002", 3);
	out[17] = valid_id_check_char(out);
	out[18] = '\0';
}

Test(id_number, birth_date_must_be_real)
{
	char id[19];
	const char *good[] = {"20000229", "19000101", "20991231", "20240229"};
	const char *bad[] = {"19000229", "20230229", "20231301", "20230431", "20230100",
			     "18991231", "21000101"};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		make_id(id, good[i]);
		ACCEPT(valid_id_number, id);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		make_id(id, bad[i]);
		REJECT(valid_id_number, id, "出生日期无效 (invalid birth date)");
	}
}

Test(id_number, birth_and_sex)
{
	char out[11];
	cr_assert(valid_id_birth("11010519491231002X", out));
	cr_assert_str_eq(out, "1949-12-31");
	cr_assert_eq(valid_id_sex("11010519491231002X"), 'F'); /* 17th digit 2 */
	cr_assert_eq(valid_id_sex("440524198001010013"), 'M'); /* 17th digit 1 */
	cr_assert_not(valid_id_birth("110105194912310021", out));
	cr_assert_eq(valid_id_sex("110105194912310021"), 0);
}

Test(bank_card, luhn)
{
	ACCEPT(valid_bank_card, "4111111111111111");
	ACCEPT(valid_bank_card, "6222021234567890128"); /* 19 digits */
	ACCEPT(valid_bank_card, "5500000000000004");
	REJECT(valid_bank_card, "6222021234567890123", WHY_CHECK);
	REJECT(valid_bank_card, "4111111111111112", WHY_CHECK);
	REJECT(valid_bank_card, "378282246310005", "长度应为16-19位 (must be 16-19 digits)");
	REJECT(valid_bank_card, "41111111111111111111", "长度应为16-19位 (must be 16-19 digits)");
	REJECT(valid_bank_card, "4111 1111 1111 1111", "只能含数字 (digits only)");
	REJECT(valid_bank_card, "", "不能为空 (empty)");
	cr_assert_eq(valid_luhn_digit("622202123456789012"), '8');
	cr_assert_eq(valid_luhn_digit("411111111111111"), '1');
	cr_assert_eq(valid_luhn_digit("7992739871"), '3'); /* Wikipedia example */
	/* No zero digit, 16 and 19 digits: every position, doubled or not,
	 * and every digit above 4 (the "- 9" of a doubled digit) counts.
	 * Check digits computed independently. */
	ACCEPT(valid_bank_card, "9897654886865162");
	ACCEPT(valid_bank_card, "2266881265788873394");
	REJECT(valid_bank_card, "9897654886865163", WHY_CHECK);
	REJECT(valid_bank_card, "2266881265788873349", WHY_CHECK); /* transposition */
}

Test(phone, mobile)
{
	ACCEPT(valid_mobile, "13800138000");
	ACCEPT(valid_mobile, "19912345678");
	REJECT(valid_mobile, "12800138000", "手机号应以13-19开头 (mobile must start with 13-19)");
	REJECT(valid_mobile, "23800138000", "手机号应以13-19开头 (mobile must start with 13-19)");
	REJECT(valid_mobile, "1380013800", "手机号应为11位数字 (mobile must be 11 digits)");
	REJECT(valid_mobile, "138001380001", "手机号应为11位数字 (mobile must be 11 digits)");
	REJECT(valid_mobile, "138-0013-8000", "手机号应为11位数字 (mobile must be 11 digits)");
	REJECT(valid_mobile, "+8613800138000", "手机号应为11位数字 (mobile must be 11 digits)");
}

Test(phone, landline)
{
	const char *good[] = {"13800138000", "010-12345678", "0591-8765432", "01012345678",
			      "0591-87654321", "010-1234567", "0101234567", "059187654321"};
	const char *bad[] = {"10-12345678", "010-123456", "010-123456789", "05911-1234567",
			     "010--1234567", "010-1234-567", "1234567", "0591876543210",
			     "010-", "-12345678", "010 12345678", "059a-1234567"};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		ACCEPT(valid_phone_or_landline, good[i]);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		cr_assert_not(valid_phone_or_landline(bad[i], NULL), "accepted %s", bad[i]);
}

Test(region, province_prefix)
{
	ACCEPT(valid_region, "110105");
	ACCEPT(valid_region, "350100");
	ACCEPT(valid_region, "820000");
	ACCEPT(valid_region, "710000");
	REJECT(valid_region, "100000", "省级代码不存在 (unknown province code)");
	REJECT(valid_region, "160000", "省级代码不存在 (unknown province code)");
	REJECT(valid_region, "830000", "省级代码不存在 (unknown province code)");
	REJECT(valid_region, "470000", "省级代码不存在 (unknown province code)");
	REJECT(valid_region, "11010", "应为6位数字 (must be 6 digits)");
	REJECT(valid_region, "1101051", "应为6位数字 (must be 6 digits)");
	REJECT(valid_region, "11010a", "应为6位数字 (must be 6 digits)");
}
