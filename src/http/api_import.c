/*
 * api_import.c - POST /api/v1/import/{kind|auto}: the request body is a
 * CSV or XLSX file, already streamed by server.c to a temp file; this
 * handler (on a worker thread, HR_ASYNC) imports it with import_file(),
 * all rows or none, and answers 200 with the import report or 422 with the
 * same report listing every bad row. The caller's access is checked per
 * row inside the import (auth_row_check: a row outside the caller's scope,
 * or a bank token's row on another bank's account, is a row error like
 * any other), and the committed file is audited in its transaction (one
 * "import" row: kind, file name, counts). Also the 422 shape shared with
 * the create/update endpoints.
 */
#include <string.h>

#include "domain/records/import.h"
#include "http/api.h"
#include "http/api_json.h"
#include "http/metrics.h"
#include "http/auth.h"
#include "http/write.h"

void api_report_error(http_req *r, const import_result *res)
{
	buf rep = BUF_INIT;
	buf *b = http_json(r, 422);

	import_result_json(res, &rep);
	/* A failure of the file as a whole (a full disk, a busy or read-only
	 * database) is the message itself: it says what happened and what to
	 * do, where a count of "1 error" would not. */
	if (res->nerrors == 1 && res->nlisted == 1 && res->errors[0].row == 0)
		buf_fmt(b, "{\"error\":{\"status\":422,\"code\":\"invalid\",\"message\":%j},",
			res->errors[0].reason);
	else
		buf_fmt(b, "{\"error\":{\"status\":422,\"code\":\"invalid\",\"message\":"
			"\"%ld 处错误,未写入任何数据 (%ld errors: nothing was written)\"},",
			res->nerrors, res->nerrors);
	buf_putn(b, rep.p + 1, rep.len - 1);  /* the report's members */
	buf_free(&rep);
}

int api_import(http_req *r)
{
	const char *kname = r->nargs ? r->args[0] : "";
	const char *filename;
	import_opts o;
	import_result res;
	int ignore;

	memset(&o, 0, sizeof o);
	if (strcmp(kname, "auto") != 0 && !api_kind_arg(r, 0))
		return r->status;
	if (req_bool(r, "ignore_unknown", 0, &ignore) < 0)
		return r->status;
	filename = req_str(r, "filename");
	if (req_params_done(r) < 0)
		return r->status;
	if (!r->body_file || r->body_len == 0)
		return http_error(r, 400, "请求内容为空：请以请求正文上传 CSV 或 XLSX 文件");
	if (!filename || !*filename || strlen(filename) > 200)
		filename = "upload";
	o.kind = strcmp(kname, "auto") == 0 ? NULL : kname;
	o.ignore_unknown = ignore;
	audit_actor who = req_actor(r);
	o.audit = &who;
	o.now = auth_now();
	o.check = auth_row_check;
	o.ctx = r;
	int done = import_file(r->db, r->body_file, filename, &o, &res) == 0;
	metrics_import(res.k ? res.k->name : NULL, done, res.rows);
	if (done) {
		buf *b = http_json(r, 200);
		import_result_json(&res, b);
	} else {
		api_report_error(r, &res);
	}
	import_result_free(&res);
	return r->status;
}
