/*
 * api_warn_files.c - evidence files of a warning (a bank receipt of the
 * back pay, a signed rectification notice), docs/api.md "Warnings":
 *   POST /api/v1/warnings/{id}/files?filename=NAME   the body is the file
 *   GET  /api/v1/warnings/{id}/files/{fid}           download it
 * and the "files" member of a warning's page.
 *
 * An upload is accepted only as PDF, JPEG or PNG, decided by the first
 * bytes of the content (never by the name or the Content-Type header), and
 * at most WARN_FILE_MAX bytes. The bytes go to the content-addressed store
 * beside the database (store/file_store.c); the row naming them, its
 * history event (attached) and the audit row (warning_attach) are written
 * in one short desk transaction. A file is read through its warning: who
 * cannot see the warning (another street's, or a role without read) gets
 * 404 for its files too.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "domain/access/audit.h"
#include "http/api.h"
#include "http/api_json.h"
#include "http/auth.h"
#include "store/file_store.h"
#include "store/warn_query.h"
#include "store/warn_store.h"
#include "util/clock.h"
#include "util/date.h"

#define WARN_FILE_MAX HTTP_SMALL_FILE /* a scanned receipt is far smaller */

/* Whether warning id exists within r's scope (1), not (0), or -1. Sets
 * *live when it is not eliminated. */
static int in_scope(http_req *r, int64_t id, int *live)
{
	wq_filter f;

	memset(&f, 0, sizeof f);
	f.id = id;
	f.scope = r->caller.scope;
	int64_t n = warn_query_count(r->db, &f);
	if (n <= 0)
		return (int)n;
	f.status = "open";
	*live = warn_query_count(r->db, &f) > 0;
	return 1;
}

typedef struct files_ctx {
	buf *b;
	int n;
	ws_file one;        /* the file of a download (strings copied) */
	char sha[65], name[256], mime[32];
	int found;
} files_ctx;

static void file_json_cb(void *ctx, const ws_file *f)
{
	files_ctx *c = ctx;

	buf_fmt(c->b, "%s{\"id\":%lld,\"name\":%j,\"mime\":%j,\"size\":%lld,\"uploaded_by\":%j,"
		      "\"uploaded_at\":%j,\"url\":\"/api/v1/warnings/%lld/files/%lld\"}",
		c->n++ ? "," : "", (long long)f->id, f->name, f->mime, (long long)f->size,
		f->uploaded_by, f->uploaded_at, (long long)f->warning_id, (long long)f->id);
}

int api_warn_files_json(http_req *r, buf *b, int64_t id)
{
	files_ctx c;

	memset(&c, 0, sizeof c);
	c.b = b;
	return warn_store_files(r->db, id, 0, file_json_cb, &c);
}

int api_warning_file_add(http_req *r)
{
	int64_t id, fid = 0;
	int live = 0;
	unsigned char head[8];
	char sha[65], err[256], name[256], Ds[11], at[21];
	const char *mime;

	const char *filename = req_str(r, "filename");
	if (req_params_done(r) < 0)
		return r->status;
	if (api_parse_id(r->args[0], &id) < 0)
		return http_error(r, 404, "没有该预警 (no warning %s)", r->args[0]);
	int got = in_scope(r, id, &live);
	if (got < 0)
		return http_error(r, 500, "internal error");
	if (!got)
		return http_error(r, 404, "没有该预警，或不在您的管辖范围内 (no warning %lld in your "
				  "scope)", (long long)id);
	if (!live)
		return http_error_code(r, 409, "conflict", "该预警已消除，不能再上传证据 (warning %lld "
				       "is eliminated)", (long long)id);
	if (!r->body_file || r->body_len == 0)
		return http_error(r, 400, "请选择要上传的文件 (empty body: send the file as the body)");
	if (r->body_len > WARN_FILE_MAX)
		return http_error_code(r, 413, "too_large", "文件过大：证据文件不超过 10 MB (at most "
				       "%u bytes)", WARN_FILE_MAX);
	FILE *f = fopen(r->body_file, "rb");
	size_t n = f ? fread(head, 1, sizeof head, f) : 0;
	if (f)
		fclose(f);
	if (!(mime = file_store_sniff(head, n)))
		return http_error_code(r, 415, "unsupported_type", "只能上传 PDF、JPEG 或 PNG 文件 "
				       "(the content is not a PDF, JPEG or PNG file)");
	if (file_store_put(r->db, r->body_file, sha, err, sizeof err) != 0) {
		fprintf(stderr, "anxin: http: evidence file: %s\n", err);
		return http_error(r, 500, "cannot store the file");
	}
	file_store_clean_name(filename, "证据", name, sizeof name);
	audit_actor who = req_actor(r);
	int64_t now = auth_now();
	date_format(date_today(), Ds);
	clk_utc_iso(now, at);
	ws_file wf = {0, id, (int64_t)r->body_len, sha, name, mime, who.actor, at};
	buf after = BUF_INIT;
	char key[24];
	snprintf(key, sizeof key, "%lld", (long long)id);
	/* The bytes are stored first: a failed transaction leaves an unnamed
	 * blob (harmless, reused by the next upload of the same content). */
	int bad = db_begin_desk(r->db) != DB_OK || warn_store_file_add(r->db, &wf, Ds, &fid) != 0;
	if (!bad) {
		buf_fmt(&after, "{\"file_id\":%lld,\"name\":%j,\"mime\":%j,\"size\":%lld,\"sha256\":%j}",
			(long long)fid, name, mime, (long long)r->body_len, sha);
		audit_entry e = {&who, now, "warning_attach", "warnings", key, NULL, buf_str(&after)};
		bad = audit_append(r->db, &e) != 0 || db_commit(r->db) != DB_OK;
	}
	buf_free(&after);
	if (bad) {
		db_rollback(r->db);
		return http_error(r, 503, "%s", db_error_public(r->db, "an evidence upload"));
	}
	buf *b = http_json(r, 201);
	files_ctx c;
	memset(&c, 0, sizeof c);
	c.b = b;
	if (warn_store_files(r->db, id, fid, file_json_cb, &c) != 0 || !c.n)
		return http_error(r, 500, "internal error");
	return r->status;
}

static void file_one_cb(void *ctx, const ws_file *f)
{
	files_ctx *c = ctx;

	c->found = 1;
	snprintf(c->sha, sizeof c->sha, "%s", f->sha256);
	snprintf(c->name, sizeof c->name, "%s", f->name);
	snprintf(c->mime, sizeof c->mime, "%s", f->mime);
}

int api_warning_file_get(http_req *r)
{
	int64_t id, fid;
	int live;
	files_ctx c;
	uint64_t len;
	buf disp = BUF_INIT;

	if (req_params_done(r) < 0)
		return r->status;
	if (api_parse_id(r->args[0], &id) < 0 || api_parse_id(r->args[1], &fid) < 0)
		return http_error(r, 404, "没有该文件 (no such file)");
	int got = in_scope(r, id, &live);
	if (got < 0)
		return http_error(r, 500, "internal error");
	memset(&c, 0, sizeof c);
	if (got && warn_store_files(r->db, id, fid, file_one_cb, &c) != 0)
		return http_error(r, 500, "internal error");
	if (!got || !c.found)
		return http_error(r, 404, "没有该文件，或不在您的管辖范围内 (no file %lld of warning %lld "
				  "in your scope)", (long long)fid, (long long)id);
	int fd = file_store_open(r->db, c.sha, &len);
	if (fd < 0)
		return http_error(r, 410, "该文件已不在存储中 (the stored file is missing)");
	http_json(r, 200);
	r->ctype = strcmp(c.mime, "application/pdf") == 0 ? "application/pdf"
		   : strcmp(c.mime, "image/png") == 0   ? "image/png"
							 : "image/jpeg";
	/* RFC 6266: an ASCII fallback, and the real (Chinese) name in UTF-8. */
	buf_puts(&disp, "attachment; filename=\"evidence\"; filename*=UTF-8''");
	for (const unsigned char *p = (const unsigned char *)c.name; *p; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    strchr("-._~", *p))
			buf_putc(&disp, (char)*p);
		else {
			char hx[4];
			snprintf(hx, sizeof hx, "%%%02X", *p);
			buf_puts(&disp, hx);
		}
	}
	http_header(r, "Content-Disposition", buf_str(&disp));
	buf_free(&disp);
	r->out_fd = fd;
	r->out_fd_len = len;
	return r->status;
}
