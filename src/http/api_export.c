/*
 * api_export.c - the file downloads of the API:
 *   GET /api/v1/export/{kind}     the list on screen as a file: the list
 *       API's filters, q= and sort (api_list_query, with the same
 *       personal-field rule), in the display form by default or the
 *       exchange form with layout=exchange (domain/export.h)
 *   GET /api/v1/export/warnings   the warning centre's list (its filters
 *       and sort), display form
 *   GET /api/v1/template/{kind}   the import template (CSV header / XLSX
 *       with a 填写说明 sheet)
 * Files are named in Chinese with the date (在建项目_泰达街道_2026-11-30.xlsx),
 * sent with an ASCII fallback and the RFC 5987 filename*. Exports run on a
 * worker thread (HR_ASYNC): the file is written to an unlinked temp file,
 * then sent from its descriptor, so a large export neither blocks the
 * HTTP threads nor sits in memory.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "domain/cases/case.h"
#include "domain/cases/clue.h"
#include "domain/records/export.h"
#include "domain/warn/warn_rules.h"
#include "http/api.h"
#include "http/api_json.h"
#include "http/auth.h"
#include "store/warn_query.h"
#include "util/date.h"

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

/* Appends s percent-encoded as an RFC 5987 value (attr-char kept). */
static void rfc5987(buf *b, const char *s)
{
	static const char keep[] = "!#$&+-.^_`|~";

	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    strchr(keep, *p))
			buf_putc(b, (char)*p);
		else {
			static const char hex[] = "0123456789ABCDEF";
			char e[3] = {'%', hex[*p >> 4], hex[*p & 15]};
			buf_putn(b, e, 3);
		}
	}
}

/* The download headers: type of format, attachment named name (UTF-8)
 * with ascii as the plain filename= for old clients. */
static void attach(http_req *r, int format, const char *name, const char *ascii)
{
	buf d = BUF_INIT;

	r->ctype = format == EXPORT_XLSX
		? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
		: "text/csv; charset=utf-8";
	buf_fmt(&d, "attachment; filename=\"%s\"; filename*=UTF-8''", ascii);
	rfc5987(&d, name);
	http_header(r, "Content-Disposition", buf_str(&d));
	buf_free(&d);
}

/* format=csv|xlsx (default dflt) into *out; -1 with a 400. */
static int format_param(http_req *r, int dflt, int *out)
{
	const char *fmt = req_str(r, "format");

	if (!fmt || !*fmt)
		*out = dflt;
	else if (!strcmp(fmt, "csv"))
		*out = EXPORT_CSV;
	else if (!strcmp(fmt, "xlsx"))
		*out = EXPORT_XLSX;
	else
		return http_error(r, 400, "参数 format：“%s”不是 csv 或 xlsx", fmt), -1;
	return 0;
}

/* Today's date (Asia/Shanghai) for a file name. */
static void today(char out[11])
{
	date_format(date_today(), out);
}

/* Writes a file through write(ctx, f, err) into a temp file and makes it
 * the response (200), or answers 500. */
static int send_file(http_req *r, int format, const char *name, const char *ascii,
		     int (*write)(void *, FILE *, char *, size_t), void *ctx)
{
	char err[256] = "";
	struct stat st;
	FILE *f = NULL;
	int fd;

	if ((fd = temp_fd()) < 0 || !(f = fdopen(dup(fd), "w+"))) {
		fprintf(stderr, "anxin: http: export temp file: %s\n", strerror(errno));
		http_error(r, 500, "服务器内部错误");
		goto out;
	}
	if (write(ctx, f, err, sizeof err) < 0) {
		fprintf(stderr, "anxin: http: export %s: %s\n", ascii, err);
		http_error(r, 500, "导出失败，请稍后重试");
		goto out;
	}
	if (fflush(f) != 0 || fstat(fd, &st) != 0 || lseek(fd, 0, SEEK_SET) != 0) {
		http_error(r, 500, "服务器内部错误");
		goto out;
	}
	http_json(r, 200);
	attach(r, format, name, ascii);
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

typedef struct kind_job {
	db *d;
	const kind *k;
	export_opts o;
} kind_job;

static int write_kind(void *ctx, FILE *f, char *err, size_t errlen)
{
	kind_job *j = ctx;

	return export_kind(j->d, j->k, &j->o, f, err, errlen) < 0 ? -1 : 0;
}

int api_export(http_req *r)
{
	const kind *k = api_kind_arg(r, 0);
	const char *hdr, *form, *street;
	kind_job j;
	kind_val vals[REC_MAX_FILTERS];
	rec_query q;
	int unmasked;
	char date[11], as_of[11];
	buf name = BUF_INIT, ascii = BUF_INIT;

	if (!k)
		return r->status;
	memset(&j, 0, sizeof j);
	memset(vals, 0, sizeof vals);
	j.d = r->db;
	j.k = k;
	hdr = req_str(r, "header");
	form = req_str(r, "layout");  /* not "form": a deposit has a field of that name */
	(void)req_str(r, "page");      /* the list's paging: the export is every page */
	(void)req_str(r, "per_page");
	if (format_param(r, EXPORT_CSV, &j.o.format) < 0)
		goto out;
	if (!hdr || !*hdr || !strcmp(hdr, "zh"))
		j.o.header = EXPORT_HEADER_ZH;
	else if (!strcmp(hdr, "en"))
		j.o.header = EXPORT_HEADER_EN;
	else {
		http_error(r, 400, "参数 header：“%s”不是 zh 或 en", hdr);
		goto out;
	}
	/* English headers exist only in the machine form: header=en alone
	 * means the exchange form */
	if (!form || !*form)
		j.o.form = j.o.header == EXPORT_HEADER_EN ? EXPORT_EXCHANGE : EXPORT_DISPLAY;
	else if (!strcmp(form, "display"))
		j.o.form = EXPORT_DISPLAY;
	else if (!strcmp(form, "exchange"))
		j.o.form = EXPORT_EXCHANGE;
	else {
		http_error(r, 400, "参数 layout：“%s”不是 display(显示格式)或 exchange(导入格式)", form);
		goto out;
	}
	if (req_bool(r, "unmasked", 0, &unmasked) < 0 || api_list_query(r, k, &q, vals, as_of) < 0 ||
	    req_params_done(r) < 0)
		goto out;
	if (unmasked && !role_can(r->caller.role, PERM_EXPORT_UNMASKED)) {
		http_error_code(r, 403, "forbidden", "您的角色无权导出未脱敏数据");
		goto out;
	}
	j.o.scope = r->caller.scope;
	j.o.unmasked = unmasked;
	/* The exchange form of the whole kind keeps its key order (a file to
	 * re-import); any list on screen is exported as listed. */
	j.o.query = j.o.form == EXPORT_EXCHANGE && q.sort_field < 0 && !q.nfilters && !q.q ? NULL : &q;
	if (unmasked) {  /* a privileged read: on the record before it happens */
		audit_actor who = req_actor(r);
		buf after = BUF_INIT;
		buf_fmt(&after, "{\"format\":%j,\"header\":%j,\"form\":%j}",
			j.o.format == EXPORT_XLSX ? "xlsx" : "csv",
			j.o.header == EXPORT_HEADER_EN ? "en" : "zh",
			j.o.form == EXPORT_EXCHANGE ? "exchange" : "display");
		audit_entry e = {&who, auth_now(), "export_unmasked", k->name, "", NULL, buf_str(&after)};
		int bad = db_begin_desk(r->db) != DB_OK || audit_append(r->db, &e) != 0 ||
			  db_commit(r->db) != DB_OK;
		buf_free(&after);
		if (bad) {
			db_rollback(r->db);
			http_error(r, 503, "无法写入审计日志，请稍后重试");
			goto out;
		}
	}
	street = NULL;
	for (int i = 0; i < q.nfilters; i++)
		if (!strcmp(k->fields[q.filters[i].field].key, "street") && q.filters[i].op == REC_EQ)
			street = q.filters[i].value;
	if (!street)
		street = r->caller.scope.street;
	today(date);
	export_filename(&name, k->zh, street, date, j.o.form, j.o.format);
	buf_fmt(&ascii, "%s_%s.%s", k->name, date, j.o.format == EXPORT_XLSX ? "xlsx" : "csv");
	send_file(r, j.o.format, buf_str(&name), buf_str(&ascii), write_kind, &j);
out:
	for (int i = 0; i < REC_MAX_FILTERS; i++)
		kind_val_clear(&vals[i]);
	buf_free(&name);
	buf_free(&ascii);
	return r->status;
}

/* ---- the warning centre's list ------------------------------------------------ */

typedef struct warn_job {
	db *d;
	wq_filter f;
	int format;
	xw *w;
} warn_job;

static const char *const WARN_HEADS[] = {
	"编号", "预警等级", "预警规则", "项目编号", "项目名称", "所属街镇", "责任单位",
	"责任单位统一社会信用代码", "所属期", "摘要", "状态", "产生日期", "最近复核日期", "处置人",
	"转执法检查日期", "消除日期", "消除原因", NULL,
};

static void warn_row(void *ctx, const wq_row *row)
{
	warn_job *j = ctx;
	const ws_warning *w = &row->w;
	int ri = warn_rule_find(w->rule);
	warn_level lv = warn_level_parse(w->level);

	xw_int(j->w, w->id);
	xw_text(j->w, lv ? warn_level_zh(lv) : w->level);
	xw_text(j->w, ri >= 0 ? WARN_RULES[ri].name : w->rule);
	xw_text(j->w, w->project_code);
	xw_text(j->w, w->project_name);
	xw_text(j->w, w->street && *w->street ? w->street : row->project_street);
	xw_text(j->w, w->enterprise_name);
	xw_text(j->w, w->enterprise_uscc);
	xw_text(j->w, w->period);
	xw_text(j->w, w->summary);
	xw_text(j->w, warn_status_zh(w->status));
	xw_date(j->w, w->raised_on);
	xw_date(j->w, w->updated_on);
	xw_text(j->w, row->assignee_name);
	xw_date(j->w, w->escalated_on);
	xw_date(j->w, w->eliminated_on);
	xw_text(j->w, w->eliminated_reason);
	xw_end_row(j->w);
}

static int write_warnings(void *ctx, FILE *f, char *err, size_t errlen)
{
	warn_job *j = ctx;

	if (!(j->w = xw_open(j->format, f, "预警清单", err, errlen)))
		return -1;
	for (int i = 0; WARN_HEADS[i]; i++)
		xw_head(j->w, WARN_HEADS[i]);
	xw_end_row(j->w);
	int64_t n = warn_query_list(j->d, &j->f, warn_row, j);
	if (n < 0)
		snprintf(err, errlen, "%s", db_errmsg(j->d));
	if (xw_close(j->w, err, errlen) != 0 || n < 0)
		return -1;
	return fflush(f) == 0 ? 0 : -1;
}

int api_export_warnings(http_req *r)
{
	warn_job j;
	char date[11];
	buf name = BUF_INIT, ascii = BUF_INIT;

	memset(&j, 0, sizeof j);
	j.d = r->db;
	(void)req_str(r, "page");
	(void)req_str(r, "per_page");
	if (format_param(r, EXPORT_XLSX, &j.format) < 0 || api_warn_filter(r, &j.f) < 0 ||
	    req_params_done(r) < 0)
		return r->status;
	today(date);
	const char *street = j.f.street && *j.f.street ? j.f.street : r->caller.scope.street;
	export_filename(&name, "预警清单", street, date, EXPORT_DISPLAY, j.format);
	buf_fmt(&ascii, "warnings_%s.%s", date, j.format == EXPORT_XLSX ? "xlsx" : "csv");
	send_file(r, j.format, buf_str(&name), buf_str(&ascii), write_warnings, &j);
	buf_free(&name);
	buf_free(&ascii);
	return r->status;
}

/* ---- the clue inbox (欠薪线索) ------------------------------------------------ */

typedef struct clue_job {
	db *d;
	case_filter f;
	rec_scope scope;
	day_t today;
	int format;
	xw *w;
} clue_job;

static const char *const CLUE_HEADS[] = {
	"线索编号", "接收日期", "来源渠道", "反映人", "被反映单位", "统一社会信用代码", "项目编号",
	"办理街镇", "涉及人数", "反映金额(元)", "状态", "转办日期", "办理期限", "剩余工作日",
	"逾期天数", "期限依据", "核处结论", "解决人数", "解决金额(元)", NULL,
};

/* A field of the clue's row as people read it: an enum's label, else
 * the stored text ("" when empty). */
static const char *clue_cell(const case_row *row, const char *key, char tmp[32])
{
	const kind *k = case_kind(row->type);
	int i = kind_field_index(k, key);

	if (i < 0 || !row->vals[i].present)
		return "";
	const field *f = &k->fields[i];
	if (f->type == FT_ENUM)
		for (int c = 0; f->codes[c]; c++)
			if (!strcmp(f->codes[c], row->vals[i].s))
				return f->labels[c];
	return kind_val_text(f, &row->vals[i], tmp);
}

/* An integer field (money in fen): its value, or -1 when empty. */
static int64_t clue_int(const case_row *row, const char *key)
{
	int i = kind_field_index(case_kind(row->type), key);

	return i >= 0 && row->vals[i].present ? row->vals[i].i : -1;
}

static void clue_row(void *ctx, const case_row *row)
{
	clue_job *j = ctx;
	char t[32];
	int64_t v;
	int concl = (int)clue_int(row, "conclusion");

	xw_text(j->w, row->number);
	xw_date(j->w, row->opened);
	xw_text(j->w, clue_cell(row, "channel", t));
	xw_text(j->w, clue_cell(row, "reporter_name", t));
	xw_text(j->w, clue_cell(row, "employer_name", t));
	xw_text(j->w, clue_cell(row, "employer_uscc", t));
	xw_text(j->w, clue_cell(row, "project_code", t));
	xw_text(j->w, row->street);
	if ((v = clue_int(row, "workers_claimed")) >= 0)
		xw_int(j->w, v);
	else
		xw_text(j->w, "");
	if ((v = clue_int(row, "amount_claimed")) >= 0)
		xw_money(j->w, v);
	else
		xw_text(j->w, "");
	xw_text(j->w, row->state_zh);
	xw_date(j->w, clue_cell(row, "transferred_date", t));
	xw_date(j->w, row->deadline);
	if (*row->deadline && !row->days_overdue)
		xw_int(j->w, row->workdays_left);
	else
		xw_text(j->w, "");
	if (row->days_overdue)
		xw_int(j->w, row->days_overdue);
	else
		xw_text(j->w, "");
	xw_text(j->w, row->deadline_basis);
	xw_text(j->w, concl > 0 && clue_conclusion_zh(concl) ? clue_conclusion_zh(concl) : "");
	if ((v = clue_int(row, "workers_resolved")) >= 0)
		xw_int(j->w, v);
	else
		xw_text(j->w, "");
	if ((v = clue_int(row, "amount_resolved")) >= 0)
		xw_money(j->w, v);
	else
		xw_text(j->w, "");
	xw_end_row(j->w);
}

static int write_clues(void *ctx, FILE *f, char *err, size_t errlen)
{
	clue_job *j = ctx;

	if (!(j->w = xw_open(j->format, f, "欠薪线索", err, errlen)))
		return -1;
	for (int i = 0; CLUE_HEADS[i]; i++)
		xw_head(j->w, CLUE_HEADS[i]);
	xw_end_row(j->w);
	int64_t n = case_list(j->d, &case_clue, &j->f, &j->scope, j->today, NULL, clue_row, j, err,
			      errlen);
	char cerr[256];
	int bad = xw_close(j->w, cerr, sizeof cerr) != 0;
	if (bad && n >= 0)
		snprintf(err, errlen, "%s", cerr);
	if (bad || n < 0)
		return -1;
	return fflush(f) == 0 ? 0 : -1;
}

int api_export_clues(http_req *r)
{
	clue_job j;
	case_ctx c;
	audit_actor who;
	char date[11];
	buf name = BUF_INIT, ascii = BUF_INIT;

	memset(&j, 0, sizeof j);
	j.d = r->db;
	if (format_param(r, EXPORT_XLSX, &j.format) < 0 || api_case_filter(r, &case_clue, &j.f) < 0 ||
	    api_case_ctx(r, &c, &who, NULL) < 0 || req_params_done(r) < 0)
		return r->status;
	j.scope = r->caller.scope;
	j.today = c.today;
	date_format(c.today, date);
	const char *street = j.f.street ? j.f.street : r->caller.scope.street;
	export_filename(&name, "欠薪线索", street, date, EXPORT_DISPLAY, j.format);
	buf_fmt(&ascii, "clues_%s.%s", date, j.format == EXPORT_XLSX ? "xlsx" : "csv");
	send_file(r, j.format, buf_str(&name), buf_str(&ascii), write_clues, &j);
	buf_free(&name);
	buf_free(&ascii);
	return r->status;
}

/* ---- import templates ------------------------------------------------------------ */

typedef struct tpl_job {
	const kind *k;
	int format;
} tpl_job;

static int write_template(void *ctx, FILE *f, char *err, size_t errlen)
{
	tpl_job *j = ctx;

	return export_template(j->k, j->format, f, err, errlen);
}

int api_template(http_req *r)
{
	const kind *k = api_kind_arg(r, 0);
	tpl_job j;
	buf name = BUF_INIT, ascii = BUF_INIT;

	if (!k)
		return r->status;
	j.k = k;
	if (format_param(r, EXPORT_XLSX, &j.format) < 0 || req_params_done(r) < 0)
		return r->status;
	buf_fmt(&name, "%s_导入模板.%s", k->zh, j.format == EXPORT_XLSX ? "xlsx" : "csv");
	buf_fmt(&ascii, "%s_template.%s", k->name, j.format == EXPORT_XLSX ? "xlsx" : "csv");
	send_file(r, j.format, buf_str(&name), buf_str(&ascii), write_template, &j);
	buf_free(&name);
	buf_free(&ascii);
	return r->status;
}
