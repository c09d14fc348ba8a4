/*
 * import.c - the import pipeline (see import.h). Owns the transaction of
 * one file and the error report; knows nothing of CSV or XLSX (io/rowsrc)
 * and writes no SQL (store/record).
 */
#include "domain/records/import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "domain/access/audit.h"
#include "domain/records/import_batch.h"
#include "io/rowsrc.h"
#include "domain/warn/warn_rules.h"
#include "store/record.h"
#include "store/scan_mark.h"
#include "util/clock.h"

#define MAX_COLS 1000

struct import_sess {
	db *d;
	const kind *k;
	import_opts o;
	import_result *res;
	int ncols;
	int *map;          /* file column -> field index, -1 = ignored */
	char **headers;    /* file column names */
	kind_row row;
	rec_writer *w;
	rec_refs *refs;
	scan_mark *mark;    /* what the warning scan must look at again */
	import_batch *batch; /* validated rows, written in key order */
	long rowno;
	int cur_col;       /* file column of the cell being checked, or -1 */
	int refused;       /* o.check refused the kind: rows are not read */
};

/* Spreadsheet column letters of a 0-based index: 0 -> A, 26 -> AA. */
static void col_letters(int i, char out[16])
{
	char tmp[16];
	int n = 0;

	if (i < 0) {
		out[0] = 0;
		return;
	}
	do {
		tmp[n++] = (char)('A' + i % 26);
		i = i / 26 - 1;
	} while (i >= 0 && n < 15);
	for (int j = 0; j < n; j++)
		out[j] = tmp[n - 1 - j];
	out[n] = 0;
}

/* Records an error; only the first max_errors are kept in the list. */
static void add_error(import_result *res, int max, long row, int col,
		      const char *header, const char *fkey, const char *value,
		      const char *reason)
{
	res->nerrors++;
	if (res->nlisted >= max)
		return;
	res->errors = xrealloc(res->errors, (size_t)(res->nlisted + 1) * sizeof *res->errors);
	import_error *e = &res->errors[res->nlisted++];
	memset(e, 0, sizeof *e);
	e->row = row;
	col_letters(col, e->column);
	e->header = xstrdup(header ? header : "");
	e->field = fkey;
	e->value = xstrndup(value ? value : "", 200);
	e->reason = xstrdup(reason);
}

static int max_errors(const import_opts *o)
{
	return o->max_errors > 0 ? o->max_errors : 1000;
}

/* kind_row error callback: finds the file column of the field. */
static void row_error(kind_row *r, const char *fkey, const char *value,
		      const char *reason)
{
	import_sess *s = r->ctx;
	int fi = kind_key_index(s->k, fkey);
	int col = -1;

	for (int c = 0; c < s->ncols; c++)
		if (s->map[c] == fi)
			col = c;
	add_error(s->res, max_errors(&s->o), s->rowno, col,
		  col >= 0 ? s->headers[col] : (fi >= 0 ? s->k->fields[fi].zh : ""),
		  fi >= 0 ? s->k->fields[fi].key : fkey, value, reason);
}

const kind *import_detect_kind(const char *const *cols, int ncols,
			       const char **why)
{
	const kind *found = NULL;
	int nfound = 0;

	for (int i = 0; KINDS[i]; i++) {
		const kind *k = KINDS[i];
		int ok = 1;
		for (int c = 0; c < ncols && ok; c++)
			if (cols[c][0] && kind_field_index(k, cols[c]) < 0)
				ok = 0;
		for (int f = 0; f < k->nfields && ok; f++) {
			if (!(k->fields[f].flags & F_REQ) || k->fields[f].dflt)
				continue;
			int have = 0;
			for (int c = 0; c < ncols; c++)
				if (kind_field_index(k, cols[c]) == f)
					have = 1;
			ok = have;
		}
		if (ok) {
			found = k;
			nfound++;
		}
	}
	if (nfound == 1)
		return found;
	*why = nfound ? "表头可对应多种数据类型,请指定类型 (header fits more than one kind: give the kind)"
		      : "表头不符合任何数据类型,请指定类型 (header matches no kind: give the kind)";
	return NULL;
}

/* Maps the header to fields; reports unknown, duplicate and missing
 * required columns as errors of row 1. Returns the number of errors. */
static int map_header(import_sess *s, const char *const *cols, int ncols)
{
	const kind *k = s->k;
	int before = (int)s->res->nerrors, mx = max_errors(&s->o);

	s->ncols = ncols;
	s->map = xcalloc((size_t)ncols, sizeof *s->map);
	s->headers = xcalloc((size_t)ncols, sizeof *s->headers);
	for (int c = 0; c < ncols; c++) {
		s->headers[c] = xstrdup(cols[c]);
		int f = kind_field_index(k, cols[c]);
		s->map[c] = f;
		if (f < 0) {
			if (!s->o.ignore_unknown)
				add_error(s->res, mx, 1, c, cols[c], "", cols[c],
					  "未知的列 (unknown column; use --ignore-unknown to skip it)");
			continue;
		}
		for (int p = 0; p < c; p++)
			if (s->map[p] == f)
				add_error(s->res, mx, 1, c, cols[c], k->fields[f].key, cols[c],
					  "重复的列 (duplicate column)");
	}
	for (int f = 0; f < k->nfields; f++) {
		const field *fd = &k->fields[f];
		if (!(fd->flags & F_REQ) || fd->dflt || (fd->flags & F_DERIVED))
			continue;
		int have = 0;
		for (int c = 0; c < ncols; c++)
			if (s->map[c] == f)
				have = 1;
		if (!have)
			add_error(s->res, mx, 1, -1, fd->zh, fd->key, "",
				  "缺少必填列 (required column missing)");
	}
	return (int)s->res->nerrors - before;
}

import_sess *import_begin(db *d, const kind *k, const char *const *cols,
			  int ncols, const import_opts *o, import_result *res)
{
	import_sess *s = xcalloc(1, sizeof *s);

	s->d = d;
	s->k = k;
	s->o = *o;
	s->res = res;
	s->rowno = 1;
	res->k = k;
	s->row.k = k;
	s->row.v = xcalloc((size_t)k->nfields, sizeof *s->row.v);
	s->row.error = row_error;
	s->row.ctx = s;
	if (map_header(s, cols, ncols) > 0)
		return s;
	if (o->check) {
		const char *fk = "", *why = o->check(o->ctx, k, NULL, &fk);
		if (why) {
			add_error(res, max_errors(o), 1, -1, "", fk, k->name, why);
			s->refused = 1;
			return s;
		}
	}
	/* the main file's lock only: log-ins and other short writes go on
	 * in the desk file meanwhile (the audit row at the end takes its lock) */
	if (db_begin_main(d) != DB_OK) {
		add_error(res, max_errors(o), 0, -1, "", "", "", db_error_public(d, "starting an import"));
		return s;
	}
	s->w = rec_writer_new(d, k);
	s->batch = ib_new(k);
	s->refs = rec_refs_new(d);
	int per_month;
	unsigned mask = warn_kind_mask(k->name, &per_month);
	s->mark = scan_mark_new(d, k, mask, per_month);
	return s;
}

/* Checks the references of the row to existing records. */
static void check_refs(import_sess *s)
{
	const kind *k = s->k;

	for (int f = 0; f < k->nfields; f++) {
		const field *fd = &k->fields[f];
		kind_val *v = &s->row.v[f];
		if (!fd->ref || !v->present)
			continue;
		const kind *rk = kind_find(fd->ref);
		if (!rec_refs_exists(s->refs, rk, v->s)) {
			char why[160];
			snprintf(why, sizeof why, "引用的%s不存在 (no such %s; import it first)",
				 rk->zh, rk->name);
			kind_row_error(&s->row, fd->key, v->s, why);
		}
	}
}

/* A failed write of a batched row: reported with that row's number. */
static void batch_error(void *ctx, long row, const char *reason)
{
	import_sess *s = ctx;

	add_error(s->res, max_errors(&s->o), row, -1, "", "", "", reason);
}

/* Writes every row held back (in key order). */
static int flush_batch(import_sess *s)
{
	return ib_flush(s->batch, s->w, s->mark, s->res, batch_error, s);
}

int import_row(import_sess *s, const char *const *cells, int ncells)
{
	const kind *k = s->k;
	kind_row *r = &s->row;
	int mx = max_errors(&s->o), blank = 1;
	const char *why;

	s->rowno++;
	if (s->refused)
		return -1;
	for (int c = 0; c < ncells; c++)
		if (cells[c][0])
			blank = 0;
	if (blank)
		return 0; /* an empty line: nothing to import */
	s->res->rows++;
	r->row = s->rowno;
	r->nerrors = 0;
	for (int f = 0; f < k->nfields; f++)
		kind_val_clear(&r->v[f]);
	if (ncells > s->ncols) {
		for (int c = s->ncols; c < ncells; c++)
			if (cells[c][0]) {
				add_error(s->res, mx, s->rowno, c, "", "", cells[c],
					  "多出的单元格,没有对应的表头 (cell beyond the header)");
				r->nerrors++;
				break;
			}
	}
	for (int c = 0; c < s->ncols; c++) {
		int f = s->map[c];
		if (f < 0)
			continue;
		const char *cell = c < ncells ? cells[c] : "";
		if (!kind_parse_value(&k->fields[f], cell, &r->v[f], &why))
			kind_row_error(r, k->fields[f].key, cell, why);
	}
	for (int f = 0; f < k->nfields; f++) {
		const field *fd = &k->fields[f];
		kind_val *v = &r->v[f];
		if (!v->present && fd->dflt) /* column absent: its default */
			kind_parse_value(fd, "", v, &why);
		if ((fd->flags & F_REQ) && !(fd->flags & F_DERIVED) && !v->present) {
			int mapped = 0;
			for (int c = 0; c < s->ncols; c++)
				if (s->map[c] == f && c < ncells && cells[c][0])
					mapped = 1; /* present but invalid: already reported */
			if (!mapped)
				kind_row_error(r, fd->key, "", "必填项为空 (required field is empty)");
		}
	}
	if (r->nerrors == 0 && k->rules && k->rules->check)
		k->rules->check(r);
	/* The access check before the references: a scoped caller gets the
	 * same answer for a reference that does not exist and one outside
	 * its scope (no existence oracle). */
	if (r->nerrors == 0 && s->o.check && s->w) {
		const char *fk = "", *deny = s->o.check(s->o.ctx, k, r->v, &fk);
		if (deny) {
			int fi = kind_key_index(k, fk);
			kind_row_error(r, fk, fi >= 0 && r->v[fi].present ? r->v[fi].s : "", deny);
		}
	}
	if (r->nerrors == 0 && s->refs)
		check_refs(s);
	if (r->nerrors > 0)
		return -1;
	if (k->rules && k->rules->derive)
		k->rules->derive(r);
	if (s->res->nerrors > 0 || !s->w)
		return 0; /* the file will be rolled back: only validate */

	if (ib_full(s->batch)) {
		char err[256];
		if (ib_spill(s->batch, err, sizeof err) != 0) {
			add_error(s->res, mx, 0, -1, "", "", "", err);
			return -1;
		}
	}
	ib_add(s->batch, r->v, s->rowno);
	return 0;
}

/* Appends the audit row of a file about to be committed: one per file,
 * not per record. Returns 0, or -1 with the error added to the report. */
static int import_audit(import_sess *s)
{
	const import_result *r = s->res;
	buf after = BUF_INIT;

	buf_fmt(&after, "{\"file\":%j,\"rows\":%ld,\"inserted\":%ld,\"updated\":%ld,"
			"\"unchanged\":%ld}", r->file, r->rows, r->inserted, r->updated, r->unchanged);
	audit_entry e = {s->o.audit, s->o.now, "import", s->k->name, r->file ? r->file : "",
			 NULL, buf_str(&after)};
	int rc = audit_append(s->d, &e);
	buf_free(&after);
	if (rc != 0)
		add_error(s->res, max_errors(&s->o), 0, -1, "", "", "", db_error_public(s->d, "an import"));
	return rc;
}

int import_end(import_sess *s, int commit)
{
	int rc = -1;

	if (s->w) {
		if (s->res->nerrors == 0)
			flush_batch(s);  /* a failed write is in the report */
		ib_free(s->batch);
		rec_writer_free(s->w);
		rec_refs_free(s->refs);
		if (commit && s->res->nerrors == 0 && s->o.audit && import_audit(s) != 0)
			commit = 0;
		if (commit && s->res->nerrors == 0 && s->o.on_commit &&
		    s->o.on_commit(s->o.ctx, s->d, s->res) != 0) {
			add_error(s->res, max_errors(&s->o), 0, -1, "", "", "",
				  "无法写入审计日志 (cannot write the audit log)");
			commit = 0;
		}
		/* every change of a bank card, audited in the same transaction */
		if (commit && s->res->nerrors == 0 && audit_card_changes(s->d, s->o.audit, s->o.now) != 0) {
			add_error(s->res, max_errors(&s->o), 0, -1, "", "", "",
				  "无法写入审计日志 (cannot write the audit log)");
			commit = 0;
		}
		/* the touched projects and the attendance aggregate, in the
		 * same transaction as the rows */
		if (commit && s->res->nerrors == 0 && scan_mark_flush(s->mark) != 0) {
			add_error(s->res, max_errors(&s->o), 0, -1, "", "", "", db_error_public(s->d, "an import"));
			commit = 0;
		}
		scan_mark_free(s->mark);
		if (commit && s->res->nerrors == 0) {
			if (db_commit(s->d) == DB_OK) {
				rc = 0;
				s->res->committed = 1;
			} else {
				/* the pages are written at COMMIT: a full disk is
				 * usually met here, and must be said in words */
				add_error(s->res, max_errors(&s->o), 0, -1, "", "", "",
					  db_error_public(s->d, "committing an import"));
			}
		}
		if (!s->res->committed)
			db_rollback(s->d);
	}
	if (!s->res->committed)  /* rolled back: nothing was written */
		s->res->inserted = s->res->updated = s->res->unchanged = 0;
	for (int f = 0; f < s->k->nfields; f++)
		kind_val_clear(&s->row.v[f]);
	free(s->row.v);
	for (int c = 0; c < s->ncols; c++)
		free(s->headers[c]);
	free(s->headers);
	free(s->map);
	free(s);
	return rc;
}

/* Prints "12,345 rows  80,000 rows/s  42%  ETA 3s" over itself. */
static void show_progress(rowsrc *rs, long rows, double t0, int final)
{
	long long done, total;
	double el = clk_mono() - t0;

	rowsrc_progress(rs, &done, &total);
	double rate = el > 0 ? (double)rows / el : 0;
	double pct = total > 0 ? 100.0 * (double)done / (double)total : 0;
	double eta = done > 0 && total > done ? el * (double)(total - done) / (double)done : 0;
	fprintf(stderr, "\r%ld 行  %.0f 行/秒  %.0f%%  剩余约 %.0f 秒   %s", rows, rate, pct,
		eta, final ? "\n" : "");
}

int import_file(db *d, const char *path, const char *display_name,
		const import_opts *o, import_result *res)
{
	char err[512];
	char **cells;
	size_t ncells;
	import_sess *s = NULL;
	const kind *k = NULL;
	const char *why = NULL;
	double t0 = clk_mono(), last = t0;
	int rc = -1;

	memset(res, 0, sizeof *res);
	res->file = xstrdup(display_name ? display_name : path);
	rowsrc *rs = rowsrc_open(path, err, sizeof err);
	if (!rs) {
		add_error(res, max_errors(o), 0, -1, "", "", "", err);
		goto out;
	}
	res->encoding = rowsrc_encoding(rs);
	int got = rowsrc_next(rs, &cells, &ncells, err, sizeof err);
	if (got <= 0) {
		add_error(res, max_errors(o), got < 0 ? rowsrc_row(rs) : 1, -1, "", "", "",
			  got < 0 ? err : "文件为空,缺少表头 (empty file: the header row is missing)");
		goto out;
	}
	if (ncells > MAX_COLS) {
		add_error(res, max_errors(o), 1, -1, "", "", "", "列数过多 (too many columns)");
		goto out;
	}
	if (o->kind) {
		k = kind_find(o->kind);
		if (!k) {
			add_error(res, max_errors(o), 0, -1, "", "", o->kind, "未知的数据类型 (unknown kind)");
			goto out;
		}
	} else if (!(k = import_detect_kind((const char *const *)cells, (int)ncells, &why))) {
		add_error(res, max_errors(o), 1, -1, "", "", "", why);
		goto out;
	}
	s = import_begin(d, k, (const char *const *)cells, (int)ncells, o, res);
	while ((got = rowsrc_next(rs, &cells, &ncells, err, sizeof err)) > 0) {
		s->rowno = rowsrc_row(rs) - 1;
		import_row(s, (const char *const *)cells, (int)ncells);
		if (o->progress && (res->rows & 4095) == 0 && clk_mono() - last > 0.5) {
			last = clk_mono();
			show_progress(rs, res->rows, t0, 0);
		}
	}
	if (got < 0)
		add_error(res, max_errors(o), rowsrc_row(rs), -1, "", "", "", err);
	if (o->progress && res->rows > 4096)
		show_progress(rs, res->rows, t0, 1);
	rc = import_end(s, 1);
out:
	if (rs)
		rowsrc_close(rs);
	res->seconds = clk_mono() - t0;
	return rc;
}

void import_result_free(import_result *res)
{
	for (long i = 0; i < res->nlisted; i++) {
		free(res->errors[i].header);
		free(res->errors[i].value);
		free(res->errors[i].reason);
	}
	free(res->errors);
	free(res->file);
	memset(res, 0, sizeof *res);
}

void import_result_json(const import_result *res, buf *out)
{
	buf_fmt(out, "{\"ok\":%s,\"kind\":%j,\"file\":%j,\"encoding\":%j,\"rows\":%ld,"
		"\"inserted\":%ld,\"updated\":%ld,\"unchanged\":%ld,\"error_count\":%ld,"
		"\"truncated\":%s,\"errors\":[",
		res->committed ? "true" : "false", res->k ? res->k->name : NULL, res->file,
		res->encoding, res->rows, res->inserted, res->updated, res->unchanged,
		res->nerrors, res->nerrors > res->nlisted ? "true" : "false");
	for (long i = 0; i < res->nlisted; i++) {
		const import_error *e = &res->errors[i];
		buf_fmt(out, "%s{\"file\":%j,\"row\":%ld,\"column\":%j,\"header\":%j,"
			"\"field\":%j,\"value\":%j,\"reason\":",
			i ? "," : "", res->file, e->row, e->column, e->header,
			e->field ? e->field : "", e->value);
		/* the Chinese half only: the report is read on screen */
		char *zh = xstrndup(e->reason, text_zh_len(e->reason));
		buf_fmt(out, "%j}", zh);
		free(zh);
	}
	buf_puts(out, "]}");
}

void import_result_text(const import_result *res, buf *out)
{
	if (res->committed) {
		buf_fmt(out, "%s: %s %s: %ld 行 (rows), 新增 %ld, 更新 %ld, 未变 %ld, %s\n",
			res->file, res->k->name, res->k->zh, res->rows, res->inserted,
			res->updated, res->unchanged, res->encoding ? res->encoding : "");
		return;
	}
	for (long i = 0; i < res->nlisted; i++) {
		const import_error *e = &res->errors[i];
		buf_fmt(out, "%s", res->file);
		if (e->row > 0)
			buf_fmt(out, ": 第%ld行 (row %ld)", e->row, e->row);
		if (e->column[0] || e->header[0])
			buf_fmt(out, ", 列 %s%s%s", e->column, e->column[0] && e->header[0] ? " " : "", e->header);
		if (e->field && e->field[0])
			buf_fmt(out, " [%s]", e->field);
		if (e->value[0])
			buf_fmt(out, " \"%s\"", e->value);
		buf_fmt(out, ": %s\n", e->reason);
	}
	if (res->nerrors > res->nlisted)
		buf_fmt(out, "... 另有 %ld 处错误未列出 (%ld more errors not listed)\n",
			res->nerrors - res->nlisted, res->nerrors - res->nlisted);
	buf_fmt(out, "%s: %ld 处错误,未导入任何数据 (%ld errors: nothing was imported)\n",
		res->file, res->nerrors, res->nerrors);
}
