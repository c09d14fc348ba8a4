/*
 * kind.c - generic operations over the kind descriptors of kinds.c: header
 * matching, parsing and normalising one cell by its field type, the text
 * form of a stored value, and masking of personal fields.
 *
 * Everything here is pure (no database, no I/O), so the same rules apply to
 * a CSV cell, an XLSX cell and a JSON value.
 */
#include "domain/records/kind.h"

#include <assert.h>
#include <ctype.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/date.h"
#include "util/money.h"
#include "util/valid.h"

const kind *kind_find(const char *name)
{
	for (int i = 0; KINDS[i]; i++)
		if (strcmp(KINDS[i]->name, name) == 0)
			return KINDS[i];
	return NULL;
}

/* Copies name into out, trimmed, with full-width brackets （） turned into
 * ASCII ones, ASCII letters lower-cased. */
static void header_norm(const char *name, char *out, size_t outlen)
{
	size_t n = 0;
	const char *p = name;

	while (*p == ' ' || *p == '\t')
		p++;
	while (*p && n + 1 < outlen) {
		if (strncmp(p, "\xEF\xBC\x88", 3) == 0) { /* （ */
			out[n++] = '(';
			p += 3;
		} else if (strncmp(p, "\xEF\xBC\x89", 3) == 0) { /* ） */
			out[n++] = ')';
			p += 3;
		} else {
			out[n++] = (char)tolower((unsigned char)*p);
			p++;
		}
	}
	while (n > 0 && (out[n - 1] == ' ' || out[n - 1] == '\t'))
		n--;
	out[n] = 0;
}

/* Accepts the English key, the Chinese header, or the Chinese header
 * without its trailing "(unit)" - "合同金额" for "合同金额(元)". */
int kind_field_index(const kind *k, const char *name)
{
	char want[256], zh[256];

	header_norm(name, want, sizeof want);
	for (int i = 0; i < k->nfields; i++) {
		const field *f = &k->fields[i];
		if (f->flags & F_DERIVED)
			continue;
		if (strcmp(want, f->key) == 0)
			return i;
		header_norm(f->zh, zh, sizeof zh);
		if (strcmp(want, zh) == 0)
			return i;
		char *paren = strrchr(zh, '(');
		if (paren && paren != zh && zh[strlen(zh) - 1] == ')') {
			*paren = 0;
			if (strcmp(want, zh) == 0)
				return i;
		}
	}
	return -1;
}

kind_val *kind_row_val(kind_row *r, const char *key)
{
	int i = kind_key_index(r->k, key);

	assert(i >= 0);
	return &r->v[i];
}

void kind_row_error(kind_row *r, const char *key, const char *value,
		    const char *reason)
{
	r->nerrors++;
	if (r->error)
		r->error(r, key, value, reason);
}

/* Counts UTF-8 characters (lead bytes). */
static size_t utf8_len(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

/*
 * A spreadsheet may store 1234.56 as "1234.5599999999999" (binary float
 * noise). When text looks like that - 15 or more significant digits - and
 * lies within 1e-6 of a value with two decimals, that value is meant; a
 * person typing "12.345" (few digits) is still told it has too many
 * decimals. Writes the two-decimal text into out and returns 1 if so.
 */
static int float_noise_fix(const char *s, char *out, size_t outlen)
{
	int digits = 0;
	char *end;

	for (const char *p = s; *p; p++)
		if (isdigit((unsigned char)*p))
			digits++;
	if (digits < 15)
		return 0;
	double d = strtod(s, &end);
	if (*end || d < -1e13 || d > 1e13)
		return 0;
	double r = (double)llround(d * 100.0) / 100.0;
	if (r - d > 1e-6 || d - r > 1e-6)
		return 0;
	snprintf(out, outlen, "%.2f", r);
	return 1;
}

/* Parses an integer in [f->min, f->max]. */
static int parse_int(const field *f, const char *s, int64_t *out, const char **why)
{
	char *end;
	const char *p = s;

	if (*p == '-')
		p++;
	if (!*p)
		goto bad;
	for (; *p; p++)
		if (!isdigit((unsigned char)*p))
			goto bad;
	if (strlen(s) > 15)
		goto range;
	*out = strtoll(s, &end, 10);
	if (f->max > f->min && (*out < f->min || *out > f->max))
		goto range;
	return 1;
bad:
	*why = "应为整数 (not a whole number)";
	return 0;
range:
	*why = "超出允许范围 (out of range)";
	return 0;
}

static int parse_enum(const field *f, const char *s, kind_val *out, const char **why)
{
	for (int i = 0; f->codes[i]; i++) {
		if (strcmp(s, f->codes[i]) == 0 || (f->labels && strcmp(s, f->labels[i]) == 0)) {
			kind_val_set(out, f->codes[i], strlen(f->codes[i]));
			return 1;
		}
	}
	*why = "不是允许的取值 (not one of the allowed values)";
	return 0;
}

static int parse_bool(const char *s, kind_val *out, const char **why)
{
	int v;

	if (!strcmp(s, "Y") || !strcmp(s, "y") || !strcmp(s, "是") || !strcmp(s, "1"))
		v = 1;
	else if (!strcmp(s, "N") || !strcmp(s, "n") || !strcmp(s, "否") || !strcmp(s, "0"))
		v = 0;
	else {
		*why = "应为 Y/N、是/否 或 1/0 (boolean expected: Y/N, 是/否, 1/0)";
		return 0;
	}
	kind_val_set(out, v ? "1" : "0", 1);
	out->is_int = 1;
	out->i = v;
	return 1;
}

/* The reasons of an amount above a money field's maximum, naming the
 * maximum ("金额超出上限1000000.00元 (above the maximum of 1000000.00
 * yuan)"): formatted once for every money field of KINDS (pthread_once,
 * as rows are checked on several threads), so the pointer returned stays
 * valid like the other static reasons. */
static struct {
	int64_t max;
	char text[112];
} max_reasons[24];
static int n_max_reasons;
static pthread_once_t max_reasons_once = PTHREAD_ONCE_INIT;

static void max_reasons_init(void)
{
	for (int k = 0; KINDS[k]; k++)
		for (int i = 0; i < KINDS[k]->nfields; i++) {
			const field *f = &KINDS[k]->fields[i];
			int j = 0;
			if (f->type != FT_MONEY || f->max <= 0)
				continue;
			while (j < n_max_reasons && max_reasons[j].max != f->max)
				j++;
			if (j < n_max_reasons || n_max_reasons == (int)(sizeof max_reasons / sizeof max_reasons[0]))
				continue;
			char yuan[24];
			money_format(f->max, yuan);
			snprintf(max_reasons[j].text, sizeof max_reasons[j].text,
				 "金额超出上限%s元 (above the maximum of %s yuan)", yuan, yuan);
			max_reasons[j].max = f->max;
			n_max_reasons++;
		}
}

static const char *money_max_reason(int64_t max)
{
	pthread_once(&max_reasons_once, max_reasons_init);
	for (int i = 0; i < n_max_reasons; i++)
		if (max_reasons[i].max == max)
			return max_reasons[i].text;
	return "金额超出该字段的上限 (above the field's maximum)";
}

/* Money or a two-place decimal, with the float-noise tolerance above. */
static int parse_decimal(const field *f, const char *s, kind_val *out, const char **why)
{
	char fixed[48], txt[24];
	int64_t v;
	int ok;

	if (f->type == FT_MONEY) {
		ok = money_parse(s, &v, why);
		if (!ok && float_noise_fix(s, fixed, sizeof fixed))
			ok = money_parse(fixed, &v, why);
		if (!ok)
			return 0;
		if (v < 0) {
			*why = "金额不能为负 (amount must not be negative)";
			return 0;
		}
		if ((f->flags & F_POSITIVE) && v == 0) {
			*why = "金额应大于0 (amount must be greater than 0)";
			return 0;
		}
		if (f->max > 0 && v > f->max) {
			*why = money_max_reason(f->max);
			return 0;
		}
		money_format(v, txt);
	} else {
		ok = dec2_parse(s, &v, why);
		if (!ok && float_noise_fix(s, fixed, sizeof fixed))
			ok = dec2_parse(fixed, &v, why);
		if (!ok)
			return 0;
		if (f->max > f->min && (v < f->min || v > f->max)) {
			*why = "超出允许范围 (out of range)";
			return 0;
		}
		dec2_format(v, txt);
	}
	kind_val_set(out, txt, strlen(txt));
	out->is_int = 1;
	out->i = v;
	return 1;
}

/* Dates; a month field also takes the first day of the month, which is
 * what Excel stores when someone types "2024-03" into a cell. */
static int parse_dateish(const field *f, const char *s, kind_val *out, const char **why)
{
	char txt[11];
	day_t d;
	int y, m, dd;

	if (f->type == FT_DATE) {
		if (!date_parse(s, &d)) {
			*why = "日期格式应为 YYYY-MM-DD (date expected: YYYY-MM-DD)";
			return 0;
		}
		date_format(d, txt);
		kind_val_set(out, txt, 10);
		return 1;
	}
	if (!month_parse(s, &y, &m)) {
		if (!date_parse(s, &d)) {
			*why = "月份格式应为 YYYY-MM (month expected: YYYY-MM)";
			return 0;
		}
		date_to_ymd(d, &y, &m, &dd);
		if (dd != 1) {
			*why = "月份格式应为 YYYY-MM (month expected: YYYY-MM)";
			return 0;
		}
	}
	month_format(y, m, txt);
	kind_val_set(out, txt, 7);
	return 1;
}

/* Identifiers: upper-cased (a typed 'x' in an ID number means 'X'), then
 * checked by the standard's algorithm. */
static int parse_ident(const field *f, const char *s, kind_val *out, const char **why)
{
	char up[64];
	size_t n = strlen(s);
	int ok = 0;

	if (n >= sizeof up) {
		*why = "过长 (too long)";
		return 0;
	}
	for (size_t i = 0; i <= n; i++)
		up[i] = (char)toupper((unsigned char)s[i]);
	switch (f->type) {
	case FT_USCC: ok = valid_uscc(up, why); break;
	case FT_IDNUM: ok = valid_id_number(up, why); break;
	case FT_CARD: ok = valid_bank_card(up, why); break;
	case FT_MOBILE: ok = valid_mobile(up, why); break;
	case FT_PHONE: ok = valid_phone_or_landline(up, why); break;
	case FT_REGION: ok = valid_region(up, why); break;
	default: assert(0);
	}
	if (ok)
		kind_val_set(out, up, n);
	return ok;
}

int kind_parse_value(const field *f, const char *text, kind_val *out,
		     const char **why)
{
	const char *s = text ? text : "";
	size_t n;
	char trimmed[1024];
	char *heap = NULL;
	int ok = 0;

	kind_val_clear(out);
	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
		n--;
	if (n == 0) {
		if (!f->dflt)
			return 1; /* empty: not present */
		s = f->dflt;
		n = strlen(s);
	}
	if (n < sizeof trimmed) {
		memcpy(trimmed, s, n);
		trimmed[n] = 0;
		s = trimmed;
	} else {
		s = heap = xstrndup(s, n);
	}

	switch (f->type) {
	case FT_TEXT:
		if (utf8_len(s) > (size_t)(f->maxlen ? f->maxlen : 500)) {
			*why = "文本过长 (text too long)";
			break;
		}
		kind_val_set(out, s, n);
		ok = 1;
		break;
	case FT_INT: {
		int64_t v;
		if (parse_int(f, s, &v, why)) {
			kind_val_set(out, s, n);
			out->is_int = 1;
			out->i = v;
			ok = 1;
		}
		break;
	}
	case FT_DEC2:
	case FT_MONEY: ok = parse_decimal(f, s, out, why); break;
	case FT_DATE:
	case FT_MONTH: ok = parse_dateish(f, s, out, why); break;
	case FT_BOOL: ok = parse_bool(s, out, why); break;
	case FT_ENUM: ok = parse_enum(f, s, out, why); break;
	default: ok = parse_ident(f, s, out, why); break;
	}
	free(heap);
	if (!ok)
		kind_val_clear(out);
	return ok;
}

const char *kind_val_text(const field *f, const kind_val *v, char tmp[32])
{
	if (!v->present)
		return "";
	switch (f->type) {
	case FT_MONEY: money_format(v->i, tmp); return tmp;
	case FT_DEC2: dec2_format(v->i, tmp); return tmp;
	case FT_BOOL: return v->i ? "Y" : "N";
	case FT_INT: snprintf(tmp, 32, "%lld", (long long)v->i); return tmp;
	default: return v->s ? v->s : "";
	}
}

void kind_mask(field_type t, const char *s, char *out, size_t outlen)
{
	size_t n = strlen(s), keep_head, keep_tail;

	if (t == FT_DATE) {  /* the year only: "1981-**-**" */
		if (n == 10 && outlen > 10)
			snprintf(out, outlen, "%.4s-**-**", s);
		else
			snprintf(out, outlen, "%s", n ? "****" : "");
		return;
	}
	if (t == FT_MOBILE || t == FT_PHONE) {
		keep_head = 3;
		keep_tail = 4;
	} else {
		keep_head = 6;
		keep_tail = 4;
	}
	if (n <= keep_head + keep_tail || n + 1 > outlen) {
		snprintf(out, outlen, "%s", n ? "****" : "");
		return;
	}
	memcpy(out, s, keep_head);
	for (size_t i = keep_head; i < n - keep_tail; i++)
		out[i] = '*';
	memcpy(out + n - keep_tail, s + n - keep_tail, keep_tail);
	out[n] = 0;
}
