/*
 * test_kind.c - the per-field rules of the exchange standard as applied by
 * kind_parse_value, header matching and masking (domain/kind.c).
 */
#include <criterion/criterion.h>
#include <string.h>

#include "domain/records/kind.h"

static const field *fld(const char *kind_name, const char *key)
{
	const kind *k = kind_find(kind_name);
	cr_assert_not_null(k);
	int i = kind_key_index(k, key);
	cr_assert(i >= 0, "%s.%s", kind_name, key);
	return &k->fields[i];
}

/* Parses text as kind.key; returns 1 if valid, leaves the value in *v. */
static int parse(const char *kind_name, const char *key, const char *text, kind_val *v)
{
	const char *why = NULL;
	memset(v, 0, sizeof *v);
	int ok = kind_parse_value(fld(kind_name, key), text, v, &why);
	if (!ok)
		cr_assert_not_null(why, "a rejection carries a reason");
	return ok;
}

Test(kind, money_to_fen_exactly)
{
	kind_val v;
	cr_assert(parse("projects", "contract_amount", "1000000.50", &v));
	cr_assert_eq(v.i, 100000050);
	cr_assert_str_eq(v.s, "1000000.50");
	kind_val_clear(&v);
	cr_assert(parse("projects", "contract_amount", "0.1", &v));
	cr_assert_eq(v.i, 10);
	kind_val_clear(&v);
	cr_assert_not(parse("projects", "contract_amount", "1,234.50", &v));
	cr_assert_not(parse("projects", "contract_amount", "12.345", &v));
	cr_assert_not(parse("projects", "contract_amount", "-1", &v));
	/* transactions.amount must be > 0 */
	cr_assert_not(parse("transactions", "amount", "0", &v));
	cr_assert(parse("transactions", "amount", "0.01", &v));
	kind_val_clear(&v);
}

Test(kind, spreadsheet_float_noise_is_the_meant_value)
{
	kind_val v;
	cr_assert(parse("payroll", "amount_due", "1234.5599999999999", &v));
	cr_assert_eq(v.i, 123456);
	kind_val_clear(&v);
	cr_assert(parse("payroll", "amount_due", "0.30000000000000004", &v));
	cr_assert_eq(v.i, 30);
	kind_val_clear(&v);
	/* a person's three decimals are still an error */
	cr_assert_not(parse("payroll", "amount_due", "0.305", &v));
}

Test(kind, decimals_in_hundredths)
{
	kind_val v;
	cr_assert(parse("attendance", "hours", "7.5", &v));
	cr_assert_eq(v.i, 750);
	kind_val_clear(&v);
	cr_assert(parse("attendance", "hours", "", &v), "empty takes the default");
	cr_assert_eq(v.i, 800);
	kind_val_clear(&v);
	cr_assert(parse("attendance", "hours", "24", &v));
	kind_val_clear(&v);
	cr_assert_not(parse("attendance", "hours", "24.01", &v));
}

Test(kind, dates_months_and_booleans)
{
	kind_val v;
	cr_assert(parse("projects", "start_date", "2024/2/9", &v));
	cr_assert_str_eq(v.s, "2024-02-09");
	kind_val_clear(&v);
	cr_assert_not(parse("projects", "start_date", "2023-02-29", &v));
	cr_assert_not(parse("projects", "start_date", "20240209", &v));
	cr_assert(parse("payroll", "period", "2024-03", &v));
	cr_assert_str_eq(v.s, "2024-03");
	kind_val_clear(&v);
	cr_assert(parse("payroll", "period", "2024-03-01", &v), "Excel's first-of-month");
	cr_assert_str_eq(v.s, "2024-03");
	kind_val_clear(&v);
	cr_assert_not(parse("payroll", "period", "2024-03-02", &v));
	const char *yes[] = {"Y", "是", "1", "y"}, *no[] = {"N", "否", "0"};
	for (size_t i = 0; i < 4; i++) {
		cr_assert(parse("payroll", "worker_confirmed", yes[i], &v));
		cr_assert_eq(v.i, 1, "%s", yes[i]);
		kind_val_clear(&v);
	}
	for (size_t i = 0; i < 3; i++) {
		cr_assert(parse("payroll", "worker_confirmed", no[i], &v));
		cr_assert_eq(v.i, 0, "%s", no[i]);
		kind_val_clear(&v);
	}
	cr_assert_not(parse("payroll", "worker_confirmed", "true", &v));
}

Test(kind, enums_by_code_or_chinese_label)
{
	kind_val v;
	cr_assert(parse("projects", "status", "在建", &v));
	cr_assert_str_eq(v.s, "active");
	kind_val_clear(&v);
	cr_assert(parse("projects", "status", "completed", &v));
	kind_val_clear(&v);
	cr_assert_not(parse("projects", "status", "Active", &v));
}

Test(kind, identifiers_checked_and_upper_cased)
{
	kind_val v;
	cr_assert(parse("workers", "id_number", "11010519491231002x", &v));
	cr_assert_str_eq(v.s, "11010519491231002X");
	kind_val_clear(&v);
	cr_assert_not(parse("workers", "id_number", "110105194912310021", &v));
	cr_assert(parse("workers", "bank_card", "6222021234567890128", &v));
	kind_val_clear(&v);
	cr_assert_not(parse("workers", "bank_card", "6222021234567890127", &v));
	cr_assert(parse("enterprises", "phone", "022-25201234", &v));
	kind_val_clear(&v);
	cr_assert_not(parse("workers", "phone", "022-25201234", &v), "workers need a mobile");
}

Test(kind, text_length_counts_characters_not_bytes)
{
	kind_val v;
	char name[400] = "";
	for (int i = 0; i < 100; i++)
		strcat(name, "很"); /* 100 characters, 300 bytes */
	cr_assert(parse("enterprises", "name", name, &v));
	kind_val_clear(&v);
	strcat(name, "长");
	cr_assert_not(parse("enterprises", "name", name, &v));
}

Test(kind, headers_in_english_or_chinese)
{
	const kind *k = kind_find("projects");
	int amount = kind_key_index(k, "contract_amount");
	cr_assert_eq(kind_field_index(k, "contract_amount"), amount);
	cr_assert_eq(kind_field_index(k, "合同金额(元)"), amount);
	cr_assert_eq(kind_field_index(k, "合同金额（元）"), amount);
	cr_assert_eq(kind_field_index(k, " 合同金额 "), amount);
	cr_assert_eq(kind_field_index(k, "CONTRACT_AMOUNT"), amount);
	cr_assert_eq(kind_field_index(k, "contract amount"), -1);
	/* derived fields are never a column */
	cr_assert_eq(kind_field_index(kind_find("workers"), "birth_date"), -1);
}

Test(kind, masking_keeps_head_and_tail)
{
	char out[64];
	kind_mask(FT_IDNUM, "12011619900101123X", out, sizeof out);
	cr_assert_str_eq(out, "120116********123X");
	kind_mask(FT_CARD, "6222021234567890128", out, sizeof out);
	cr_assert_str_eq(out, "622202*********0128");
	kind_mask(FT_MOBILE, "13800138000", out, sizeof out);
	cr_assert_str_eq(out, "138****8000");
	kind_mask(FT_MOBILE, "123", out, sizeof out);
	cr_assert_str_eq(out, "****");
}

/* Issue 7, finding 2: the ID mask hides exactly the 8 birth-date digits,
 * so a birth date shown to a masked role would rebuild it. */
Test(kind, a_birth_date_is_personal_and_masks_to_its_year)
{
	char out[64], hidden[9];
	const char *idn = "12011619900101123X";
	const field *birth = fld("workers", "birth_date");

	cr_assert(birth->flags & F_PERSONAL, "birth_date must be personal");
	cr_assert(!(fld("workers", "sex")->flags & F_PERSONAL),
		  "sex is the 17th digit's parity, which the mask shows anyway");
	kind_mask(FT_IDNUM, idn, out, sizeof out);
	memcpy(hidden, idn + 6, 8);
	hidden[8] = 0;
	cr_assert_null(strstr(out, hidden));
	kind_mask(birth->type, "1990-01-01", out, sizeof out);
	cr_assert_str_eq(out, "1990-**-**");
	kind_mask(FT_DATE, "bad", out, sizeof out);
	cr_assert_str_eq(out, "****");
	kind_mask(FT_DATE, "", out, sizeof out);
	cr_assert_str_eq(out, "");
	/* every field derived from the ID number that holds its hidden
	 * digits is personal */
	for (int i = 0; KINDS[i]; i++)
		for (int f = 0; f < KINDS[i]->nfields; f++) {
			const field *x = &KINDS[i]->fields[f];
			if ((x->flags & F_DERIVED) && x->type == FT_DATE)
				cr_assert(x->flags & F_PERSONAL, "%s.%s", KINDS[i]->name, x->key);
		}
}

Test(kind, every_reference_names_a_kind_with_one_key)
{
	for (int i = 0; KINDS[i]; i++)
		for (int f = 0; f < KINDS[i]->nfields; f++) {
			const char *ref = KINDS[i]->fields[f].ref;
			if (!ref)
				continue;
			const kind *rk = kind_find(ref);
			cr_assert_not_null(rk, "%s.%s", KINDS[i]->name, KINDS[i]->fields[f].key);
			int keys = 0;
			for (int j = 0; j < rk->nfields; j++)
				keys += !!(rk->fields[j].flags & F_KEY);
			cr_assert_eq(keys, 1, "%s is referenced, so its key is one field", ref);
		}
}

/* Issue 7, finding 6: every money field has a maximum a real row can have
 * (so that no field is forgotten), and the importer's value rule refuses
 * an amount above it with a reason naming the maximum. */
Test(kind, every_money_field_has_a_maximum)
{
	for (int k = 0; KINDS[k]; k++)
		for (int i = 0; i < KINDS[k]->nfields; i++) {
			const field *f = &KINDS[k]->fields[i];
			if (f->type == FT_MONEY)
				cr_assert(f->max > 0 && f->max <= 10000000000000LL, "%s.%s has no sane maximum",
					  KINDS[k]->name, f->key);
		}
}

Test(kind, money_above_the_field_maximum_is_refused)
{
	kind_val v;
	const char *why = NULL;

	cr_assert(parse("payroll", "amount_due", "1000000.00", &v));
	cr_assert_eq(v.i, 100000000);
	kind_val_clear(&v);
	memset(&v, 0, sizeof v);
	cr_assert_not(kind_parse_value(fld("payroll", "amount_due"), "1000000.01", &v, &why));
	cr_assert_str_eq(why, "金额超出上限1000000.00元 (above the maximum of 1000000.00 yuan)");
	/* The amount the issue found overflowing sums: allowed by the format. */
	cr_assert_not(parse("payroll", "amount_due", "9999999999999.99", &v));
	cr_assert_not(parse("payroll", "amount_paid", "9999999999999.99", &v));
	cr_assert_not(parse("employments", "wage_rate", "1000000.01", &v));
	cr_assert(parse("transactions", "amount", "10000000000.00", &v));
	kind_val_clear(&v);
	cr_assert_not(parse("transactions", "amount", "10000000000.01", &v));
	cr_assert(parse("deposits", "amount", "10000000000", &v));
	kind_val_clear(&v);
	cr_assert_not(parse("deposits", "amount", "10000000000.01", &v));
	cr_assert(parse("projects", "contract_amount", "100000000000", &v));
	kind_val_clear(&v);
	cr_assert_not(parse("projects", "contract_amount", "100000000000.01", &v));
	cr_assert_not(parse("min_wages", "monthly", "100000.01", &v));
	cr_assert_not(parse("min_wages", "hourly", "10000.01", &v));
}
