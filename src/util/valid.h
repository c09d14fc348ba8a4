/*
 * valid.h - identifier checks of the data-exchange standard.
 *
 * Pure functions over NUL-terminated UTF-8 strings; no allocation, no I/O.
 * Each returns 1 when the value is valid and 0 otherwise; on 0, *why (when
 * not NULL) points at a static Chinese-and-English reason suitable for an
 * import error report, e.g. "校验位错误 (check digit mismatch)".
 */
#ifndef ANXIN_VALID_H
#define ANXIN_VALID_H

#include <stdint.h>

/* 统一社会信用代码, GB 32100-2015: 18 chars of 0-9A-HJ-NPQRTUWXY, mod-31. */
int valid_uscc(const char *s, const char **why);
/* 公民身份号码, GB 11643-1999: 18 chars, real birth date, ISO 7064 MOD 11-2
 * check ('X' allowed last, upper case only). A 15-digit legacy number is
 * rejected with a hint to convert it. */
int valid_id_number(const char *s, const char **why);
/* 银行卡号, ISO/IEC 7812: 16-19 digits, Luhn. */
int valid_bank_card(const char *s, const char **why);
/* 手机号: 11 digits starting 1[3-9]. */
int valid_mobile(const char *s, const char **why);
/* Mobile, or a landline 0\d{2,3}-?\d{7,8}. */
int valid_phone_or_landline(const char *s, const char **why);
/* 行政区划代码, GB/T 2260: exactly 6 digits, first two a province 11-82. */
int valid_region(const char *s, const char **why);

/* The check characters, for generators and tests. Input: the first 17
 * characters (valid alphabet assumed); output: the 18th character. */
char valid_uscc_check_char(const char *first17);
char valid_id_check_char(const char *first17);
/* Luhn check digit to append to the digits of s. */
char valid_luhn_digit(const char *digits);

/* From a valid ID number: birth date "YYYY-MM-DD" into out (11 bytes) and
 * sex, 'M' or 'F' (17th digit odd = male). Returns 0 if s is not valid. */
int valid_id_birth(const char *s, char out[11]);
char valid_id_sex(const char *s);

#endif
