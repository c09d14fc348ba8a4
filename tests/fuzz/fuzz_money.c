/*
 * fuzz_money.c - libFuzzer target for the small text parsers of src/util.
 *
 * Feeds one NUL-terminated input to money_parse, dec2_parse, date_parse,
 * month_parse and every valid_* check, and aborts on a broken invariant:
 * accepted money must be in range and round-trip through money_format
 * (and the buf %m directive) to the same fen; accepted dates must format
 * back to a string that parses to the same day; a rejection must give a
 * reason. Build: see the Makefile's fuzz target.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/date.h"
#include "util/money.h"
#include "util/valid.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond)              \
	do {                     \
		if (!(cond))     \
			abort(); \
	} while (0)

static void fuzz_money(const char *s)
{
	int64_t fen = 0, back = 0;
	const char *why = NULL;
	char out[24];
	if (!money_parse(s, &fen, &why)) {
		CHECK(why && *why);
		return;
	}
	CHECK(fen <= 1000000000000000LL && fen >= -1000000000000000LL);
	money_format(fen, out);
	CHECK(money_parse(out, &back, &why) && back == fen);
	buf b = BUF_INIT;
	buf_fmt(&b, "%m", fen);
	CHECK(strcmp(buf_str(&b), out) == 0);
	buf_free(&b);
}

static void fuzz_dec2(const char *s)
{
	int64_t h = 0, back = 0;
	const char *why = NULL;
	char out[24];
	if (!dec2_parse(s, &h, &why)) {
		CHECK(why && *why);
		return;
	}
	CHECK(h >= 0);
	dec2_format(h, out);
	CHECK(dec2_parse(out, &back, &why) && back == h);
}

static void fuzz_date(const char *s)
{
	day_t d = 0, back = 0;
	char out[11];
	int y, m;
	if (date_parse(s, &d)) {
		date_format(d, out);
		CHECK(date_parse_iso(out, &back) && back == d);
		CHECK(date_parse(out, &back) && back == d);
	}
	if (date_parse_iso(s, &d)) {
		date_format(d, out);
		CHECK(strcmp(out, s) == 0); /* strict ISO is canonical */
	}
	if (month_parse(s, &y, &m)) {
		char mo[8];
		int y2, m2;
		month_format(y, m, mo);
		CHECK(month_parse(mo, &y2, &m2) && y2 == y && m2 == m);
	}
}

static void fuzz_valid(const char *s)
{
	int (*const checks[])(const char *, const char **) = {
		valid_uscc, valid_id_number, valid_bank_card,
		valid_mobile, valid_phone_or_landline, valid_region};
	for (size_t i = 0; i < sizeof checks / sizeof checks[0]; i++) {
		const char *why = NULL;
		if (!checks[i](s, &why))
			CHECK(why && *why);
	}
	char birth[11];
	if (valid_id_number(s, NULL)) {
		day_t d;
		CHECK(valid_id_birth(s, birth) && date_parse_iso(birth, &d));
		CHECK(valid_id_sex(s) == 'M' || valid_id_sex(s) == 'F');
	}
	if (valid_mobile(s, NULL))
		CHECK(valid_phone_or_landline(s, NULL));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	fuzz_money(s);
	fuzz_dec2(s);
	fuzz_date(s);
	fuzz_valid(s);
	buf b = BUF_INIT;
	buf_fmt(&b, "%j%h", s, s);
	CHECK(b.len >= 2 && b.p[0] == '"');
	buf_free(&b);
	free(s);
	return 0;
}
