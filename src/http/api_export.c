/*
 * api_export.c - GET /api/v1/export/{kind}?format=csv|xlsx&header=zh|en:
 * the whole kind as a file with the import headers (domain/export.h),
 * personal fields masked (no roles yet). Runs on a worker thread
 * (HR_ASYNC): the file is written to an unlinked temp file, then sent from
 * its descriptor, so a large export neither blocks the HTTP threads nor
 * sits in memory.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "domain/export.h"
#include "http/api.h"
#include "http/auth.h"

/* An unlinked temp file in $TMPDIR (or /tmp), or -1. */
static int temp_fd(void)
{
	const char *tmp = getenv("TMPDIR");
	char path[512];

	snprintf(path, sizeof path, "%s/anxin-export-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	int fd = mkstemp(path);
	if (fd >= 0)
		unlink(path);
	return fd;
}

int api_export(http_req *r)
{
	const kind *k = api_kind_arg(r, 0);
	const char *fmt, *hdr;
	export_opts o;
	char err[256], disp[160];
	struct stat st;
	FILE *f = NULL;
	int fd = -1, unmasked;

	if (!k)
		return r->status;
	memset(&o, 0, sizeof o);
	fmt = req_str(r, "format");
	hdr = req_str(r, "header");
	if (!fmt || !*fmt || !strcmp(fmt, "csv"))
		o.format = EXPORT_CSV;
	else if (!strcmp(fmt, "xlsx"))
		o.format = EXPORT_XLSX;
	else
		return http_error(r, 400, "parameter 'format': '%s' is not csv or xlsx", fmt);
	if (!hdr || !*hdr || !strcmp(hdr, "zh"))
		o.header = EXPORT_HEADER_ZH;
	else if (!strcmp(hdr, "en"))
		o.header = EXPORT_HEADER_EN;
	else
		return http_error(r, 400, "parameter 'header': '%s' is not zh or en", hdr);
	if (req_bool(r, "unmasked", 0, &unmasked) < 0 || req_params_done(r) < 0)
		return r->status;
	if (unmasked && !role_can(r->caller.role, PERM_EXPORT_UNMASKED))
		return http_error_code(r, 403, "forbidden", "您的角色无权导出未脱敏数据 (your role may "
				       "not export personal data unmasked)");
	o.scope = r->caller.scope;
	o.unmasked = unmasked;
	if (unmasked) {  /* a privileged read: on the record before it happens */
		audit_actor who = req_actor(r);
		buf after = BUF_INIT;
		buf_fmt(&after, "{\"format\":%j,\"header\":%j}", o.format == EXPORT_XLSX ? "xlsx" : "csv",
			o.header == EXPORT_HEADER_EN ? "en" : "zh");
		audit_entry e = {&who, auth_now(), "export_unmasked", k->name, "", NULL, buf_str(&after)};
		int bad = db_begin_desk(r->db) != DB_OK || audit_append(r->db, &e) != 0 ||
			  db_commit(r->db) != DB_OK;
		buf_free(&after);
		if (bad) {
			db_rollback(r->db);
			return http_error(r, 503, "cannot write the audit log; try again");
		}
	}

	if ((fd = temp_fd()) < 0 || !(f = fdopen(dup(fd), "w+"))) {
		fprintf(stderr, "anxin: http: export temp file: %s\n", strerror(errno));
		http_error(r, 500, "internal error");
		goto out;
	}
	if (export_kind(r->db, k, &o, f, err, sizeof err) < 0) {
		fprintf(stderr, "anxin: http: export %s: %s\n", k->name, err);
		http_error(r, 500, "export failed");
		goto out;
	}
	if (fflush(f) != 0 || fstat(fd, &st) != 0 || lseek(fd, 0, SEEK_SET) != 0) {
		http_error(r, 500, "internal error");
		goto out;
	}
	http_json(r, 200);
	r->ctype = o.format == EXPORT_XLSX
		? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
		: "text/csv; charset=utf-8";
	snprintf(disp, sizeof disp, "attachment; filename=\"%s.%s\"", k->name,
		 o.format == EXPORT_XLSX ? "xlsx" : "csv");
	http_header(r, "Content-Disposition", disp);
	r->out_fd = fd;
	r->out_fd_len = (uint64_t)st.st_size;
	fd = -1;
out:
	if (f)
		fclose(f);
	if (fd >= 0)
		close(fd);
	return r->status;
}
