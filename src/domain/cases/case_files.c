/*
 * case_files.c - attachments of cases (photos, scanned replies, PDFs): the
 * type judged by content, the size and count limits, the bytes stored
 * content-addressed beside the database (store/file_store.c), and the
 * row, the history event and the audit row in one transaction. A file is
 * read only through a case the caller sees.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "domain/cases/case_int.h"
#include "store/file_store.h"
#include "util/buf.h"
#include "util/clock.h"

case_rc case_attach(db *d, const case_type *t, const char *number, const char *path,
		    const char *name, const case_ctx *c, int64_t *id, char *err, size_t errlen)
{
	unsigned char head[16];
	struct stat sb;
	const char *mime;
	char sha[65], nm[256], at[CLK_ISO_LEN];
	case_tbl tb;
	case_srow cur;
	buf after = BUF_INIT;
	ssize_t got;
	int fd, f;
	case_rc rc = CASE_DBERR;

	*id = 0;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0 || fstat(fd, &sb) != 0) {
		if (fd >= 0)
			close(fd);
		snprintf(err, errlen, "无法读取文件 (cannot read the file)");
		return CASE_INVALID;
	}
	got = read(fd, head, sizeof head);
	close(fd);
	if (sb.st_size > CASE_FILE_MAX) {
		snprintf(err, errlen, "文件超过 %d MiB (file larger than %d MiB)", CASE_FILE_MAX >> 20,
			 CASE_FILE_MAX >> 20);
		return CASE_LIMIT;
	}
	if (got <= 0 || !(mime = file_store_sniff(head, (size_t)got))) {
		snprintf(err, errlen, "只接受 PDF、JPEG、PNG 文件(按内容判断) (only PDF, JPEG or PNG, "
				      "judged by content)");
		return CASE_INVALID;
	}
	file_store_clean_name(name, "附件", nm, sizeof nm);
	case_tbl_of(t, &tb);
	/* the case first (no bytes stored for a case the caller cannot see) */
	if ((f = case_store_find(d, &tb, number, &c->scope, &cur)) <= 0) {
		snprintf(err, errlen, f < 0 ? "数据库错误 (database error)" : "没有编号为 %s 的%s (no %s %s)",
			 number, t->zh, t->code, number);
		return f < 0 ? CASE_DBERR : CASE_GONE;
	}
	if (file_store_put(d, path, sha, err, errlen) != DB_OK)
		return CASE_DBERR;
	clk_utc_iso(c->now, at);
	if (db_begin_main(d) != DB_OK)
		goto dberr;
	if ((f = case_store_find(d, &tb, number, &c->scope, &cur)) < 0)
		goto dberr_tx;
	const case_state *s = case_state_find(t, cur.state);
	if (!f) {
		snprintf(err, errlen, "没有编号为 %s 的%s (no %s %s)", number, t->zh, t->code, number);
		rc = CASE_GONE;
		goto rollback;
	}
	if (s && s->final) {
		snprintf(err, errlen, "%s %s 已%s，不能再添加附件 (a closed case takes no files)", t->zh,
			 number, s->zh);
		rc = CASE_STATE;
		goto rollback;
	}
	int64_t n = case_store_file_count(d, t->code, number);
	if (n < 0)
		goto dberr_tx;
	if (n >= CASE_FILES_MAX) {
		snprintf(err, errlen, "每件最多 %d 个附件 (at most %d files a case)", CASE_FILES_MAX,
			 CASE_FILES_MAX);
		rc = CASE_LIMIT;
		goto rollback;
	}
	case_sfile sf = {0, (int64_t)sb.st_size, sha, nm, mime, c->who->actor, at};
	if (case_store_file_add(d, t->code, number, &sf, id) != DB_OK)
		goto dberr_tx;
	buf_fmt(&after, "{\"file_id\":%lld,\"name\":%j,\"mime\":%j,\"size\":%lld,\"sha256\":%j}",
		(long long)*id, nm, mime, (long long)sb.st_size, sha);
	if (case_event_write(d, t, number, c, c->today, "attach", NULL, NULL, NULL, buf_str(&after),
			     c->request_key) != DB_OK)
		goto dberr_tx;
	audit_entry ae = {c->who, c->now, "case_attach", case_kind(t)->name, number, NULL,
			  buf_str(&after)};
	if (audit_append(d, &ae) != 0 || db_commit(d) != DB_OK)
		goto dberr_tx;
	rc = CASE_OK;
	goto done;
dberr_tx:
	snprintf(err, errlen, "%s", db_error_public(d, "an attachment"));
	rc = CASE_DBERR;
rollback:
	db_rollback(d);
	goto done;
dberr:
	snprintf(err, errlen, "%s", db_error_public(d, "an attachment"));
	rc = CASE_DBERR;
done:
	buf_free(&after);
	return rc;
}

typedef struct file_ctx {
	void (*cb)(void *ctx, const case_file *f);
	void *ctx;
} file_ctx;

static void file_cb(void *ctx, const case_sfile *s)
{
	file_ctx *c = ctx;
	case_file f = {s->id, s->sha256, s->name, s->mime, s->uploaded_by, s->uploaded_at, s->size};

	c->cb(c->ctx, &f);
}

int64_t case_files(db *d, const case_type *t, const char *number,
		   void (*cb)(void *ctx, const case_file *f), void *ctx)
{
	file_ctx c = {cb, ctx};

	return case_store_files(d, t->code, number, file_cb, &c);
}

int case_file_open(db *d, const case_type *t, const char *number, int64_t id,
		   const rec_scope *scope, case_file *f)
{
	case_tbl tb;
	case_srow cur;
	case_sfile s;
	uint64_t len;

	case_tbl_of(t, &tb);
	if (case_store_find(d, &tb, number, scope, &cur) != 1 ||
	    case_store_file_get(d, t->code, number, id, &s) != 1)
		return -1;
	f->id = s.id;
	f->sha256 = s.sha256;
	f->name = s.name;
	f->mime = s.mime;
	f->uploaded_by = s.uploaded_by;
	f->uploaded_at = s.uploaded_at;
	f->size = s.size;
	return file_store_open(d, s.sha256, &len);
}
