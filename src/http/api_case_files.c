/*
 * api_case_files.c - attachments of a clue (附件: a scanned reply, a
 * payment receipt, a photo), docs/api.md "Cases and clues":
 *   POST /api/v1/cases/clue/{number}/files?name=FILE   the body is the file
 *   GET  /api/v1/cases/clue/{number}/files/{id}        download it
 *
 * The body is streamed to a temp file by the server (HR_FILE, at most
 * CASE_FILE_MAX); the engine (case_attach) checks scope, state, size and
 * the type by content (PDF, JPEG, PNG - never by the name), stores the bytes
 * content-addressed beside the database and writes the row, the history
 * event and the audit row in one transaction. A file is read through its
 * clue: whoever cannot see the clue gets 404 for its files too.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "domain/cases/case.h"
#include "domain/cases/clue.h"
#include "http/api.h"
#include "http/api_json.h"
#include "http/auth.h"

#define T (&case_clue)

typedef struct one_ctx {
	buf *b;
	int64_t id;
	const char *number;
	int found;
} one_ctx;

static void one_cb(void *ctx, const case_file *f)
{
	one_ctx *c = ctx;

	if (f->id != c->id || c->found)
		return;
	c->found = 1;
	buf_fmt(c->b, "{\"id\":%lld,\"name\":%j,\"mime\":%j,\"size\":%lld,\"sha256\":%j,"
		      "\"uploaded_by\":%j,\"uploaded_at\":%j,\"url\":\"/api/v1/cases/clue/",
		(long long)f->id, f->name, f->mime, (long long)f->size, f->sha256, f->uploaded_by,
		f->uploaded_at);
	buf_fmt(c->b, "%s/files/%lld\"}", c->number, (long long)f->id);
}

int api_clue_file_add(http_req *r)
{
	char err[512] = "";
	case_ctx c;
	audit_actor who;
	int64_t id = 0;

	const char *given = req_str(r, "name");
	if (api_case_ctx(r, &c, &who, r->hdr.idempotency_key) < 0 || req_params_done(r) < 0)
		return r->status;
	if (!r->body_file || r->body_len == 0)
		return http_error(r, 400, "请选择要上传的文件 (empty body: send the file as the body)");
	if (r->body_len > CASE_FILE_MAX)
		return http_error_code(r, 413, "too_large", "文件过大：附件不超过 %d MB (at most %d "
				       "bytes)", CASE_FILE_MAX >> 20, CASE_FILE_MAX);
	/* the engine keeps a clean form of the name (file_store_clean_name) */
	case_rc rc = case_attach(r->db, T, r->args[0], r->body_file, given, &c, &id, err, sizeof err);
	if (rc != CASE_OK)
		return api_case_error(r, rc, err);
	buf *b = http_json(r, 201);
	one_ctx oc = {b, id, r->args[0], 0};
	if (case_files(r->db, T, r->args[0], one_cb, &oc) < 0 || !oc.found)
		return api_case_error(r, CASE_DBERR, "reading an attachment just written");
	return r->status;
}

int api_clue_file_get(http_req *r)
{
	int64_t id;
	case_file f;
	struct stat st;
	buf disp = BUF_INIT;

	if (req_params_done(r) < 0)
		return r->status;
	memset(&f, 0, sizeof f);
	int fd = api_parse_id(r->args[1], &id) < 0
			 ? -1
			 : case_file_open(r->db, T, r->args[0], id, &r->caller.scope, &f);
	if (fd < 0)
		return http_error_code(r, 404, "not_found", "没有该附件，或不在您的管辖范围内 (no file %s "
				       "of clue %s in your scope)", r->args[1], r->args[0]);
	if (fstat(fd, &st) != 0) {
		close(fd);
		return http_error(r, 500, "服务器内部错误");
	}
	http_json(r, 200);
	r->ctype = !strcmp(f.mime, "application/pdf") ? "application/pdf"
		   : !strcmp(f.mime, "image/png")     ? "image/png"
						      : "image/jpeg";
	/* RFC 6266: an ASCII fallback, and the real (Chinese) name in UTF-8. */
	buf_puts(&disp, "attachment; filename=\"attachment\"; filename*=UTF-8''");
	for (const unsigned char *p = (const unsigned char *)(f.name ? f.name : ""); *p; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    strchr("-._~", *p))
			buf_putc(&disp, (char)*p);
		else
			buf_fmt(&disp, "%%%c%c", "0123456789ABCDEF"[*p >> 4], "0123456789ABCDEF"[*p & 15]);
	}
	http_header(r, "Content-Disposition", buf_str(&disp));
	buf_free(&disp);
	r->out_fd = fd;
	r->out_fd_len = (uint64_t)st.st_size;
	return r->status;
}
