/*
 * test_buf.c - unit tests of the growable buffer and its formatter.
 *
 * Covers growth across the initial capacity, every directive of buf_fmt,
 * the integer extremes, and the escaping rules that keep output safe.
 */
#include <criterion/criterion.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"

/* Formats into a fresh buf and compares with want. */
#define FMT_EQ(want, ...)                                   \
	do {                                                \
		buf b_ = BUF_INIT;                          \
		buf_fmt(&b_, __VA_ARGS__);                  \
		cr_assert_str_eq(buf_str(&b_), want);       \
		cr_assert_eq(b_.len, strlen(want));         \
		buf_free(&b_);                              \
	} while (0)

Test(buf, empty_is_empty_string)
{
	buf b = BUF_INIT;
	cr_assert_str_eq(buf_str(&b), "");
	char *s = buf_detach(&b);
	cr_assert_str_eq(s, "");
	free(s);
	buf_fmt(&b, "");
	cr_assert_not_null(b.p);
	cr_assert_str_eq(b.p, "");
	buf_free(&b);
}

Test(buf, grows_and_keeps_content)
{
	buf b;
	buf_init(&b);
	for (int i = 0; i < 10000; i++)
		buf_putc(&b, (char)('a' + i % 26));
	cr_assert_eq(b.len, 10000);
	cr_assert(b.cap > b.len);
	cr_assert_eq(b.p[10000], '\0');
	cr_assert_eq(b.p[9999], 'a' + 9999 % 26);
	cr_assert_eq(b.p[26], 'a');
	buf_free(&b);
	cr_assert_null(b.p);
	cr_assert_eq(b.len, 0);
}

Test(buf, putn_embedded_nul_and_reset)
{
	buf b = BUF_INIT;
	buf_putn(&b, "ab\0cd", 5);
	cr_assert_eq(b.len, 5);
	cr_assert_eq(memcmp(b.p, "ab\0cd", 6), 0);
	size_t cap = b.cap;
	buf_reset(&b);
	cr_assert_eq(b.len, 0);
	cr_assert_eq(b.cap, cap);
	cr_assert_str_eq(buf_str(&b), "");
	buf_puts(&b, "x");
	cr_assert_str_eq(buf_str(&b), "x");
	buf_free(&b);
}

Test(buf, detach_hands_over)
{
	buf b = BUF_INIT;
	buf_puts(&b, "hello");
	char *s = buf_detach(&b);
	cr_assert_str_eq(s, "hello");
	cr_assert_null(b.p);
	cr_assert_eq(b.len, 0);
	free(s);
}

Test(buf, fmt_appends)
{
	buf b = BUF_INIT;
	buf_puts(&b, "a=");
	buf_fmt(&b, "%d;", 1);
	buf_fmt(&b, "b=%s", "x");
	cr_assert_str_eq(buf_str(&b), "a=1;b=x");
	buf_free(&b);
}

Test(buf, fmt_integers)
{
	FMT_EQ("0 -1 42", "%d %d %d", 0, -1, 42);
	FMT_EQ("-2147483648 2147483647", "%d %d", INT_MIN, INT_MAX);
	FMT_EQ("4294967295", "%u", UINT_MAX);
	FMT_EQ("-9223372036854775808", "%lld", LLONG_MIN);
	FMT_EQ("9223372036854775807", "%lld", LLONG_MAX);
	FMT_EQ("18446744073709551615", "%llu", ULLONG_MAX);
	FMT_EQ("-7 7", "%ld %lu", -7L, 7UL);
	FMT_EQ("123", "%zu", (size_t)123);
}

Test(buf, fmt_text_directives)
{
	FMT_EQ("[abc] x 100% ", "[%s] %c 100%% ", "abc", 'x');
	FMT_EQ("(null)", "%s", (const char *)NULL);
	FMT_EQ("no directives", "no directives");
	FMT_EQ("中文", "%s", "中文");
}

Test(buf, fmt_buf_directive)
{
	buf inner = BUF_INIT, empty = BUF_INIT;
	buf_putn(&inner, "a<b", 3);
	FMT_EQ("[a<b][]", "[%S][%S]", &inner, &empty);
	buf_free(&inner);
}

Test(buf, json_escaping)
{
	FMT_EQ("null", "%j", (const char *)NULL);
	FMT_EQ("\"\"", "%j", "");
	FMT_EQ("\"a\\\"b\\\\c\"", "%j", "a\"b\\c");
	FMT_EQ("\"\\n\\r\\t\\b\\f\"", "%j", "\n\r\t\b\f");
	FMT_EQ("\"\\u0001\\u001f\\u007f\"", "%j", "\x01\x1f\x7f");
	FMT_EQ("\"张三 </script>\"", "%j", "张三 </script>");
	FMT_EQ("{\"k\":\"v\"}", "{\"k\":%j}", "v");
}

Test(buf, html_escaping)
{
	FMT_EQ("&lt;a href=&quot;x&quot; title=&#39;t&#39;&gt;&amp;amp;",
	       "%h", "<a href=\"x\" title='t'>&amp;");
	FMT_EQ("<td>李四</td>", "<td>%h</td>", "李四");
	FMT_EQ("[]", "[%h]", (const char *)NULL);
}

Test(buf, money_directive)
{
	FMT_EQ("1234.56", "%m", (int64_t)123456);
	FMT_EQ("-0.05", "%m", (int64_t)-5);
	FMT_EQ("0.00", "%m", (int64_t)0);
	FMT_EQ("1234.50", "%m", (int64_t)123450);
	FMT_EQ("-92233720368547758.08", "%m", (int64_t)INT64_MIN);
}

Test(buf, bad_directive_aborts, .signal = SIGABRT)
{
	buf b = BUF_INIT;
	buf_fmt(&b, "%5d", 1);
}

Test(buf, trailing_percent_aborts, .signal = SIGABRT)
{
	buf b = BUF_INIT;
	buf_fmt(&b, "100%");
}

Test(buf, xstrndup_stops_at_n_and_nul)
{
	char *a = xstrndup("abcdef", 3), *b = xstrndup("ab", 10), *c = xstrdup("");
	cr_assert_str_eq(a, "abc");
	cr_assert_str_eq(b, "ab");
	cr_assert_str_eq(c, "");
	free(a);
	free(b);
	free(c);
}

Test(buf, xcalloc_zeroes)
{
	int *p = xcalloc(16, sizeof *p);
	for (int i = 0; i < 16; i++)
		cr_assert_eq(p[i], 0);
	p = xrealloc(p, 1024 * sizeof *p);
	p[1023] = 5;
	cr_assert_eq(p[1023], 5);
	free(p);
}

Test(buf, csv_quotes_only_when_needed)
{
	buf b = BUF_INIT;
	buf_csv(&b, "plain 文本");
	buf_putc(&b, '|');
	buf_csv(&b, "a,b");
	buf_putc(&b, '|');
	buf_csv(&b, "say \"hi\"");
	buf_putc(&b, '|');
	buf_csv(&b, "two\r\nlines");
	buf_putc(&b, '|');
	buf_csv(&b, "\"");
	buf_putc(&b, '|');
	buf_csv(&b, NULL);
	cr_assert_str_eq(buf_str(&b), "plain 文本|\"a,b\"|\"say \"\"hi\"\"\"|\"two\r\nlines\"|\"\"\"\"|");
	buf_free(&b);
}

/* Issue 7, finding 5: a cell a spreadsheet would run as a formula gets a
 * single quote in front (OWASP); a value that starts with the quote gets
 * one more, so that the reader's rule reverses it; a plain negative
 * number stays a number; only the first character counts. */
Test(buf, csv_neutralises_formula_cells)
{
	struct { const char *in, *want; } v[] = {
		{"=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""},
		{"=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"},
		{"+8613800138000", "'+8613800138000"},
		{"-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"},
		{"@SUM(A1:A2)", "'@SUM(A1:A2)"},
		{"\tx", "'\tx"},
		{"\rx", "\"'\rx\""},
		{"'=1", "''=1"},
		{"'plain", "''plain"},
		{"-", "'-"},
		{"-5.", "'-5."},
		{"-5", "-5"},
		{"-1234.50", "-1234.50"},
		{"a=b", "a=b"},
		{"张=三", "张=三"},
		{"", ""},
	};
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		buf b = BUF_INIT;
		buf_csv(&b, v[i].in);
		cr_assert_str_eq(buf_str(&b), v[i].want, "cell %zu", i);
		buf_free(&b);
	}
}
