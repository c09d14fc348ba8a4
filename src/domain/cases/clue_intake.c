/*
 * clue_intake.c - taking in a wage-arrears clue (线索登记): by an officer
 * (12333 hotline, walk-in, letter, transfer) or by the worker on the
 * public page. Validates every field (the ID number and phone by their
 * standards), routes the clue to a registered project and enterprise
 * where the data allows and proposes the project's street (or the
 * enterprise's), numbers it QX-YYYY-NNNNNN, flags possible duplicates and
 * starts the transfer deadline - in one transaction with its history and
 * audit rows.
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/cases/case_int.h"
#include "domain/basis/params.h"
#include "domain/cases/clue.h"
#include "store/clue_store.h"
#include "util/buf.h"
#include "util/clock.h"
#include "util/money.h"
#include "util/valid.h"

#define MAX_AMOUNT 10000000000LL

static const char *const channels[] = {"platform", "hotline", "visit", "online", "letter",
				       "transfer", NULL};

static int given(const char *s)
{
	return s && *s;
}

/* A text field: required or not, at most max bytes. */
static int check_text(const char *v, int required, size_t max, const char *zh, const char *key,
		      char *err, size_t errlen)
{
	if (required && !given(v)) {
		snprintf(err, errlen, "请填写%s (%s is required)", zh, key);
		return -1;
	}
	if (given(v) && strlen(v) > max) {
		snprintf(err, errlen, "%s过长(最多 %zu 字节) (%s longer than %zu bytes)", zh, max, key, max);
		return -1;
	}
	return 0;
}

/* Everything a clue needs, checked; *fen and *workers the parsed figures. */
static int validate(const clue_intake *in, day_t today, day_t *received, int64_t *fen,
		    int64_t *workers, char *err, size_t errlen)
{
	const char *why;
	int ok_channel = 0;

	for (int i = 0; channels[i]; i++)
		ok_channel |= given(in->channel) && !strcmp(in->channel, channels[i]);
	if (!ok_channel) {
		snprintf(err, errlen, "来源渠道“%s”无效，应为 platform/hotline/visit/online/letter/transfer "
				      "(channel)", in->channel ? in->channel : "");
		return -1;
	}
	*received = today;
	if (given(in->received_date) && !date_parse_iso(in->received_date, received)) {
		snprintf(err, errlen, "接收日期“%s”应为 YYYY-MM-DD (received_date)", in->received_date);
		return -1;
	}
	if (*received > today) {
		snprintf(err, errlen, "接收日期不能晚于今天 (received_date after today)");
		return -1;
	}
	if (check_text(in->reporter_name, 1, 150, "反映人姓名", "reporter_name", err, errlen) ||
	    check_text(in->employer_name, 1, 300, "被反映单位", "employer_name", err, errlen) ||
	    check_text(in->description, 1, 6000, "情况描述", "description", err, errlen) ||
	    check_text(in->project_code, 0, 40, "项目编号", "project_code", err, errlen) ||
	    check_text(in->project_name, 0, 600, "项目名称", "project_name", err, errlen) ||
	    check_text(in->site_address, 0, 600, "项目或工地地址", "site_address", err, errlen) ||
	    check_text(in->street, 0, 150, "街镇(功能区)", "street", err, errlen))
		return -1;
	if (in->public_form && (!given(in->reporter_id_number) || !given(in->reporter_phone))) {
		snprintf(err, errlen, "请填写身份证号码和联系电话 (reporter_id_number and reporter_phone "
				      "are required)");
		return -1;
	}
	if (given(in->reporter_id_number) && !valid_id_number(in->reporter_id_number, &why)) {
		snprintf(err, errlen, "身份证号码有误：%s (reporter_id_number)", why);
		return -1;
	}
	if (given(in->reporter_phone) && !valid_phone_or_landline(in->reporter_phone, &why)) {
		snprintf(err, errlen, "联系电话有误：%s (reporter_phone)", why);
		return -1;
	}
	if (given(in->employer_uscc) && !valid_uscc(in->employer_uscc, &why)) {
		snprintf(err, errlen, "统一社会信用代码有误：%s (employer_uscc)", why);
		return -1;
	}
	*fen = -1;
	if (given(in->amount_claimed)) {
		if (!money_parse(in->amount_claimed, fen, &why)) {
			snprintf(err, errlen, "反映金额“%s”有误：%s (amount_claimed)", in->amount_claimed, why);
			return -1;
		}
		if (*fen > MAX_AMOUNT) {
			snprintf(err, errlen, "反映金额超出上限 (amount_claimed too large)");
			return -1;
		}
	}
	*workers = in->nworkers > 0 ? in->nworkers : 1;
	if (given(in->workers_claimed)) {
		char *end;
		long long w = strtoll(in->workers_claimed, &end, 10);
		if (*end || w < 1 || w > 100000) {
			snprintf(err, errlen, "涉及人数应为 1 到 100000 的整数 (workers_claimed)");
			return -1;
		}
		*workers = w;
	}
	if (in->nworkers < 0 || in->nworkers > CLUE_MAX_WORKERS) {
		snprintf(err, errlen, "每件线索最多列出 %d 名工人 (at most %d workers)", CLUE_MAX_WORKERS,
			 CLUE_MAX_WORKERS);
		return -1;
	}
	for (int i = 0; i < in->nworkers; i++) {
		if (!given(in->workers[i].name) || strlen(in->workers[i].name) > 150) {
			snprintf(err, errlen, "第 %d 名工人须有姓名 (workers[%d].name)", i + 1, i);
			return -1;
		}
		if (given(in->workers[i].id_number) && !valid_id_number(in->workers[i].id_number, &why)) {
			snprintf(err, errlen, "第 %d 名工人身份证号码有误：%s (workers[%d].id_number)", i + 1,
				 why, i);
			return -1;
		}
		if (given(in->workers[i].phone) && !valid_phone_or_landline(in->workers[i].phone, &why)) {
			snprintf(err, errlen, "第 %d 名工人联系电话有误：%s (workers[%d].phone)", i + 1, why, i);
			return -1;
		}
	}
	return 0;
}

/* A query code of 8 characters without look-alikes (0/O, 1/I/L), about
 * 39 bits, and its SHA-256 in hex. */
static void make_code(char code[16], char hash[65])
{
	static const char alpha[] = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
	unsigned char md[crypto_hash_sha256_BYTES];

	for (int i = 0; i < 8; i++)
		code[i] = alpha[randombytes_uniform((uint32_t)(sizeof alpha - 1))];
	code[8] = 0;
	crypto_hash_sha256(md, (const unsigned char *)code, 8);
	sodium_bin2hex(hash, 65, md, sizeof md);
}

/* Collects duplicate numbers. */
static void similar_cb(void *ctx, const char *number)
{
	buf *b = ctx;

	buf_fmt(b, "%s%s", b->len ? " " : "", number);
}

/* Where the clue goes: the project's street, else the enterprise's; an
 * officer's choice wins; a street officer's clue is his street's. */
static int route(db *d, const clue_intake *in, const case_ctx *c, clue_created *out,
		 char street[64], char *err, size_t errlen)
{
	char pstreet[64] = "", estreet[64] = "";
	int f;

	if ((f = clue_store_project(d, in->project_code, in->project_name, out->matched_project,
				    pstreet)) < 0)
		return -2;
	if (!f && given(in->project_code)) {
		snprintf(err, errlen, "项目编号 %s 未在平台登记 (project %s is not registered)",
			 in->project_code, in->project_code);
		return -1;
	}
	if (!f)
		*out->matched_project = 0;
	if ((f = clue_store_enterprise(d, in->employer_uscc, given(in->employer_uscc) ? NULL
										  : in->employer_name,
				       out->matched_uscc, estreet)) < 0)
		return -2;
	if (!f)
		snprintf(out->matched_uscc, sizeof out->matched_uscc, "%s",
			 given(in->employer_uscc) ? in->employer_uscc : "");
	snprintf(street, 64, "%s", *pstreet ? pstreet : estreet);
	if (given(in->street))
		snprintf(street, 64, "%s", in->street);
	if (!c->operator && c->role == ROLE_STREET && c->scope.street)
		snprintf(street, 64, "%s", c->scope.street);
	return 0;
}

case_rc clue_create(db *d, const clue_intake *in, const case_ctx *c, clue_created *out,
		    char *err, size_t errlen)
{
	const case_type *t = &case_clue;
	day_t received;
	int64_t fen, workers, seq;
	char rday[11], street[64], hash[65] = "", at[CLK_ISO_LEN], basis[200] = "", due[11] = "";
	case_clock k;
	buf dups = BUF_INIT, after = BUF_INIT;
	case_rc rc = CASE_DBERR;
	int year, m, dd, f;

	memset(out, 0, sizeof *out);
	if (!c->operator && !(t->create_roles & CASE_ROLE(c->role)) && !in->public_form) {
		snprintf(err, errlen, "%s无权登记%s (role %s may not open a %s)", role_zh(c->role), t->zh,
			 role_code(c->role), t->code);
		return CASE_DENIED;
	}
	if (validate(in, c->today, &received, &fen, &workers, err, errlen) != 0)
		return CASE_INVALID;
	date_format(received, rday);
	date_to_ymd(received, &year, &m, &dd);
	if (case_clock_open(d, t, &k, err, errlen) != 0) {
		case_clock_close(&k);
		return CASE_DBERR;
	}
	const case_deadline *dl = case_deadline_find(t, case_state_find(t, t->initial)->deadline);
	day_t dday;
	if (dl && case_clock_due(&k, dl, received, &dday, err, errlen) != 0) {
		case_clock_close(&k);
		return CASE_INVALID;
	}
	if (dl) {
		date_format(dday, due);
		case_clock_basis(&k, dl, basis, sizeof basis);
	}
	case_clock_close(&k);
	if (in->public_form)
		make_code(out->query_code, hash);
	clk_utc_iso(c->now, at);
	if (db_begin_main(d) != DB_OK)
		goto dberr;
	if ((f = route(d, in, c, out, street, err, errlen)) != 0) {
		if (f == -2)
			goto dberr_tx;
		rc = CASE_INVALID;
		goto rollback;
	}
	/* the next free number of the year: an imported clue may hold one */
	do {
		if (case_store_seq_next(d, t->prefix, year, &seq) != DB_OK)
			goto dberr_tx;
		snprintf(out->number, sizeof out->number, "%s-%04d-%06lld", t->prefix, year, (long long)seq);
		case_tbl tb;
		case_tbl_of(t, &tb);
		if ((f = case_store_exists(d, &tb, out->number)) < 0)
			goto dberr_tx;
	} while (f);
	clue_store_new row = {
		out->number, rday, in->public_form ? "online" : in->channel, in->reporter_name,
		given(in->reporter_id_number) ? in->reporter_id_number : NULL,
		given(in->reporter_phone) ? in->reporter_phone : NULL, in->employer_name,
		*out->matched_uscc ? out->matched_uscc : NULL,
		*out->matched_project ? out->matched_project : NULL, street, t->initial, workers, fen,
		in->description, given(in->site_address) ? in->site_address : NULL, rday,
		*due ? due : NULL, *basis ? basis : NULL, *hash ? hash : NULL, at, c->who->actor};
	if (clue_store_insert(d, &row) != DB_OK)
		goto dberr_tx;
	for (int i = 0; i < in->nworkers; i++)
		if (case_store_party_add(d, t->code, out->number, in->workers[i].name,
					 given(in->workers[i].id_number) ? in->workers[i].id_number : NULL,
					 given(in->workers[i].phone) ? in->workers[i].phone : NULL) != DB_OK)
			goto dberr_tx;
	/* possible duplicates: the same employer or project within N days */
	int ndays = 30;
	char from[11];
	char perr[160];
	if (param_int(d, "clue_duplicate_days", 30, &ndays, perr, sizeof perr) != 0)
		goto dberr_tx;
	date_format(received - ndays, from);
	if (clue_store_similar(d, out->number, out->matched_uscc, in->employer_name,
			       out->matched_project, from, rday, similar_cb, &dups) < 0)
		goto dberr_tx;
	for (const char *p = buf_str(&dups); *p;) {
		char other[48];
		size_t n = strcspn(p, " ");
		snprintf(other, sizeof other, "%.*s", (int)n, p);
		if (case_store_link_add(d, t->code, out->number, t->code, other, "duplicate", at) != DB_OK ||
		    case_store_link_add(d, t->code, other, t->code, out->number, "duplicate", at) != DB_OK)
			goto dberr_tx;
		p += n + (p[n] == ' ');
	}
	buf_fmt(&after, "{\"state\":%j,\"channel\":%j,\"employer_name\":%j,\"street\":%j,\"deadline\":%j}",
		t->initial, row.channel, in->employer_name, street, due);
	if (case_event_write(d, t, out->number, c, received, "create", NULL, t->initial, NULL,
			     buf_str(&after), c->request_key) != DB_OK)
		goto dberr_tx;
	audit_entry ae = {c->who, c->now, "case_create", case_kind(t)->name, out->number, NULL,
			  buf_str(&after)};
	if (audit_append(d, &ae) != 0 || db_commit(d) != DB_OK)
		goto dberr_tx;
	snprintf(out->street, sizeof out->street, "%s", street);
	snprintf(out->duplicates, sizeof out->duplicates, "%s", buf_str(&dups));
	snprintf(out->deadline, sizeof out->deadline, "%s", due);
	rc = CASE_OK;
	goto done;
dberr_tx:
	snprintf(err, errlen, "%s", db_error_public(d, "a new clue"));
	rc = CASE_DBERR;
rollback:
	db_rollback(d);
	memset(out->number, 0, sizeof out->number);
	memset(out->query_code, 0, sizeof out->query_code);
	goto done;
dberr:
	snprintf(err, errlen, "%s", db_error_public(d, "a new clue"));
	rc = CASE_DBERR;
done:
	buf_free(&dups);
	buf_free(&after);
	return rc;
}
