/*
 * audit.c - the hash chain of the audit log (see audit.h): append and
 * verify. SQL lives in store/audit_store.c; this file owns the canonical
 * serialisation, which must never change for rows already written (a new
 * format would need a version field hashed in).
 */
#include "domain/access/audit.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "domain/records/kind.h"
#include "store/record.h"
#include "util/buf.h"
#include "util/clock.h"

static const char audit_genesis[] =
	"0000000000000000000000000000000000000000000000000000000000000000";

/* Feeds one field as "<len>:<bytes>\n", or "-\n" for NULL. */
static void canon_field(crypto_hash_sha256_state *h, const char *s)
{
	char len[24];

	if (!s) {
		crypto_hash_sha256_update(h, (const unsigned char *)"-\n", 2);
		return;
	}
	size_t n = strlen(s);
	int l = snprintf(len, sizeof len, "%zu:", n);
	crypto_hash_sha256_update(h, (const unsigned char *)len, (unsigned long long)l);
	crypto_hash_sha256_update(h, (const unsigned char *)s, n);
	crypto_hash_sha256_update(h, (const unsigned char *)"\n", 1);
}

void audit_row_hash(const audit_row *r, const char *prev_hash, char out[AUDIT_HASH_HEX])
{
	crypto_hash_sha256_state h;
	unsigned char md[crypto_hash_sha256_BYTES];
	char seq[24];

	snprintf(seq, sizeof seq, "%lld", (long long)r->seq);
	crypto_hash_sha256_init(&h);
	crypto_hash_sha256_update(&h, (const unsigned char *)prev_hash, strlen(prev_hash));
	canon_field(&h, seq);
	canon_field(&h, r->time);
	canon_field(&h, r->actor);
	canon_field(&h, r->role);
	canon_field(&h, r->address);
	canon_field(&h, r->action);
	canon_field(&h, r->object_kind);
	canon_field(&h, r->object_key);
	canon_field(&h, r->before);
	canon_field(&h, r->after);
	crypto_hash_sha256_final(&h, md);
	sodium_bin2hex(out, AUDIT_HASH_HEX, md, sizeof md);
}

/* Appends a row with c's content as the next link of the chain (seq,
 * prev_hash and hash computed here), and journals it in the main file
 * when journal is set. Returns 0 or -1. */
static int audit_chain(db *d, const audit_row *c, int journal)
{
	char prev[AUDIT_HASH_HEX], hash[AUDIT_HASH_HEX];
	int64_t seq;
	int have = audit_store_head(d, &seq, prev);

	if (have < 0)
		return -1;
	if (!have)
		memcpy(prev, audit_genesis, sizeof audit_genesis);
	audit_row r = *c;
	r.seq = seq + 1;
	r.prev_hash = prev;
	audit_row_hash(&r, prev, hash);
	r.hash = hash;
	if (audit_store_insert(d, &r) != DB_OK)
		return -1;
	return journal && audit_store_journal(d, &r) != DB_OK ? -1 : 0;
}

/* Rows of the journal that must be appended again, copied. */
typedef struct settle_list {
	audit_row *rows;
	int64_t n;
} settle_list;

static int settle_collect(void *ctx, const audit_row *r)
{
	settle_list *l = ctx;

	l->rows = xrealloc(l->rows, (size_t)(l->n + 1) * sizeof *l->rows);
	audit_row *c = &l->rows[l->n++];
	memset(c, 0, sizeof *c);
	c->time = xstrdup(r->time);
	c->actor = xstrdup(r->actor);
	c->role = xstrdup(r->role);
	c->address = xstrdup(r->address);
	c->action = xstrdup(r->action);
	c->object_kind = xstrdup(r->object_kind);
	c->object_key = xstrdup(r->object_key);
	c->before = r->before ? xstrdup(r->before) : NULL;
	c->after = r->after ? xstrdup(r->after) : NULL;
	return 0;
}

static void settle_free(settle_list *l)
{
	for (int64_t i = 0; i < l->n; i++) {
		audit_row *c = &l->rows[i];
		free((char *)c->time), free((char *)c->actor), free((char *)c->role);
		free((char *)c->address), free((char *)c->action), free((char *)c->object_kind);
		free((char *)c->object_key), free((char *)c->before), free((char *)c->after);
	}
	free(l->rows);
}

/*
 * The crash window between the two files (docs/architecture.md, "Two
 * write lanes"): a transaction that writes the main file and appends its
 * audit row commits the main file first, then the desk file. Its audit
 * row is therefore also kept in the main file's journal; here, with both
 * write locks held, every journaled row that did not reach the audit log
 * is appended again (same content, the next seq), and the journal is
 * emptied. Returns the number of rows appended again, or -1.
 */
static int64_t audit_settle(db *d)
{
	settle_list l = {NULL, 0};
	int64_t n = audit_store_unsettled(d, settle_collect, &l);
	int bad = n < 0;

	for (int64_t i = 0; !bad && i < l.n; i++)
		bad = audit_chain(d, &l.rows[i], 0) != 0;
	settle_free(&l);
	if (bad || audit_store_journal_clear(d) != DB_OK)
		return -1;
	return n;
}

int audit_append(db *d, const audit_entry *e)
{
	char when[21];

	/* The desk's write lock first: in a transaction that began on the
	 * main file only (an import), this is where the desk is first
	 * touched, so the head read next is current. */
	if (db_lock_desk(d) != DB_OK)
		return -1;
	int mixed = db_writing_main(d);
	if (mixed && audit_settle(d) < 0)
		return -1;
	clk_utc_iso(e->now, when);
	audit_row r = {
		.time = when,
		.actor = e->who && e->who->actor ? e->who->actor : "",
		.role = e->who && e->who->role ? e->who->role : "",
		.address = e->who && e->who->address ? e->who->address : "",
		.action = e->action ? e->action : "",
		.object_kind = e->object_kind ? e->object_kind : "",
		.object_key = e->object_key ? e->object_key : "",
		.before = e->before,
		.after = e->after,
	};
	return audit_chain(d, &r, mixed);
}

int64_t audit_reconcile(db *d)
{
	int64_t n = audit_store_unsettled(d, NULL, NULL);

	if (n <= 0)
		return n;  /* the usual case: nothing to do, and no lock taken */
	if (db_begin(d) != DB_OK)
		return -1;
	n = audit_settle(d);
	if (n < 0 || db_commit(d) != DB_OK) {
		db_rollback(d);
		return -1;
	}
	return n;
}

typedef struct verify_ctx {
	audit_verify_result *res;
	char prev[AUDIT_HASH_HEX];
} verify_ctx;

/* Checks one row against the chain so far; returns 1 (stop) at the first
 * bad row. */
static int verify_row(void *p, const audit_row *r)
{
	verify_ctx *v = p;
	audit_verify_result *res = v->res;
	int64_t want = res->rows + 1;
	char h[AUDIT_HASH_HEX];

	if (r->seq != want) {
		snprintf(res->reason, sizeof res->reason,
			 r->seq > want ? "sequence gap: row %lld is missing (deleted)"
				       : "sequence out of order: expected row %lld",
			 (long long)want);
		goto bad;
	}
	if (strcmp(r->prev_hash, v->prev) != 0) {
		snprintf(res->reason, sizeof res->reason,
			 "prev_hash does not match the hash of row %lld (row replaced, "
			 "re-ordered or a predecessor rewritten)", (long long)(want - 1));
		goto bad;
	}
	audit_row_hash(r, r->prev_hash, h);
	if (strcmp(h, r->hash) != 0) {
		snprintf(res->reason, sizeof res->reason,
			 "content does not match its hash (row edited)");
		goto bad;
	}
	memcpy(v->prev, r->hash, AUDIT_HASH_HEX);
	memcpy(res->head, r->hash, AUDIT_HASH_HEX);
	res->rows++;
	return 0;
bad:
	res->ok = 0;
	res->bad_seq = r->seq;
	return 1;
}

int64_t audit_list(db *d, const audit_filter *f, audit_row_cb cb, void *ctx)
{
	return audit_store_scan(d, f, cb, ctx);
}

int audit_verify(db *d, audit_verify_result *res)
{
	verify_ctx v = {res, {0}};

	memset(res, 0, sizeof *res);
	res->ok = 1;
	memcpy(v.prev, audit_genesis, sizeof audit_genesis);
	memcpy(res->head, audit_genesis, sizeof audit_genesis);
	res->guards = audit_store_guards(d);
	if (audit_store_scan(d, NULL, verify_row, &v) < 0)
		return -1;
	return res->ok ? 0 : 1;
}

typedef struct card_ctx {
	db *d;
	const audit_actor *who;
	int64_t now;
} card_ctx;

/* One bank_card_change row: the card masked as everywhere it is shown. */
static int card_row(void *ctx, int64_t worker_id, const char *id_number, const char *old_card,
		    const char *new_card)
{
	card_ctx *c = ctx;
	char key[24], mo[64] = "", mn[64] = "";
	buf before = BUF_INIT, after = BUF_INIT;

	(void)id_number;
	if (old_card)
		kind_mask(FT_CARD, old_card, mo, sizeof mo);
	if (new_card)
		kind_mask(FT_CARD, new_card, mn, sizeof mn);
	buf_fmt(&before, "{\"bank_card\":%j}", old_card ? mo : NULL);
	buf_fmt(&after, "{\"bank_card\":%j}", new_card ? mn : NULL);
	snprintf(key, sizeof key, "%lld", (long long)worker_id);
	audit_entry e = {c->who, c->now, "bank_card_change", "workers", key, buf_str(&before),
			 buf_str(&after)};
	int rc = audit_append(c->d, &e);
	buf_free(&before);
	buf_free(&after);
	return rc;
}

int audit_card_changes(db *d, const audit_actor *who, int64_t now)
{
	static const audit_actor sys = {"system", "", ""};
	card_ctx c = {d, who ? who : &sys, now};

	return rec_take_card_changes(d, card_row, &c) < 0 ? -1 : 0;
}

/* ---- labels ------------------------------------------------------------------ */

const audit_label AUDIT_ACTIONS[] = {
	{"login", "登录"}, {"login_failed", "登录失败"}, {"logout", "退出登录"},
	{"password_change", "修改密码"}, {"create", "新增记录"}, {"update", "修改记录"},
	{"import", "导入文件"}, {"reveal", "显示完整个人信息"}, {"export_unmasked", "未脱敏导出"},
	{"user_add", "添加用户"}, {"user_disable", "停用用户"}, {"user_enable", "启用用户"},
	{"user_passwd", "重置密码"}, {"user_unlock", "解除登录限制"},
	{"token_create", "创建接口令牌"}, {"token_revoke", "吊销接口令牌"},
	{"warning_eliminate", "消除预警"}, {"warning_assign", "指派预警"},
	{"warning_escalate", "转执法检查"}, {"warning_supervise", "领导督办"},
	{"warning_confirm", "复核通过"}, {"warning_reject", "复核退回"},
	{"warning_attach", "上传预警证据"}, {"bank_card_change", "变更工资卡"},
	{"scan", "预警扫描"}, {"param_set", "修改参数"}, {"migrate", "迁移数据库"},
	{NULL, NULL},
};

const audit_label AUDIT_OBJECTS[] = {
	{"user", "用户"}, {"token", "接口令牌"}, {"warnings", "预警"}, {"params", "参数"}, {"database", "数据库"},
	{NULL, NULL},
};

const audit_label AUDIT_FIELDS[] = {
	{"username", "用户名"}, {"name", "名称"}, {"display_name", "姓名"}, {"role", "角色"},
	{"street", "街镇"}, {"uscc", "统一社会信用代码"}, {"disabled", "已停用"},
	{"must_change", "须修改密码"}, {"status", "状态"}, {"assignee", "处置人"},
	{"reason", "原因"}, {"note", "说明"}, {"project_code", "项目编号"}, {"level", "等级"},
	{"format", "文件格式"}, {"header", "表头"}, {"form", "导出格式"}, {"field", "字段"},
	{"kinds", "可写入数据"}, {"bank_code", "银行代码"}, {"as_of", "数据日期"},
	{"full", "全量扫描"}, {"rows", "行数"}, {"inserted", "新增"}, {"updated", "更新"},
	{"unchanged", "未变"}, {"file", "文件"}, {"encoding", "编码"}, {"kind", "数据类型"},
	{"raised", "新增预警"}, {"eliminated", "自动消除"}, {"found", "发现"},
	{"projects", "项目数"}, {"ms", "耗时(毫秒)"}, {"errors", "错误数"}, {"result", "结果"},
	{"supervised", "督办意见"}, {"bank_card", "工资卡号"},
	{NULL, NULL},
};

const audit_label AUDIT_VALUES[] = {
	{"open", "待处置"}, {"handling", "处置中"}, {"eliminated", "已消除"}, {"review", "待复核"},
	{"red", "红色"}, {"orange", "橙色"}, {"yellow", "黄色"},
	{"admin", "区人社局管理员"}, {"inspector", "监察员"}, {"street", "街镇"},
	{"enterprise", "企业"}, {"leader", "领导"}, {"bank", "银行"},
	{"true", "是"}, {"false", "否"}, {"xlsx", "Excel"}, {"csv", "CSV"},
	{"zh", "中文"}, {"en", "英文"}, {"display", "显示格式"}, {"exchange", "导入格式"},
	{"ok", "成功"}, {"ok_must_change", "成功(须修改密码)"}, {"bad_password", "密码错误"},
	{"bad_password_slowed", "密码错误(已限速)"}, {"slowed", "已限速"},
	{"unknown_user", "用户不存在"}, {"disabled", "账户已停用"},
	{NULL, NULL},
};

const char *audit_label_of(const audit_label *t, const char *code)
{
	for (; code && t->code; t++)
		if (!strcmp(t->code, code))
			return t->zh;
	return code;
}
