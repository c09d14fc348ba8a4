/*
 * export.c - writes the records of a kind as CSV or XLSX, in the exchange
 * or the display form (see export.h), and the import templates.
 *
 * The sheet writer (xw_*) hides the two formats: CSV is streamed row by
 * row; XLSX goes through libxlsxwriter in constant-memory mode into a
 * temporary file that is then copied to out, so memory stays flat for any
 * table size. Column widths are fitted to the longest cell seen (a CJK
 * character counts twice) and set at the end, with the frozen header and
 * the print setup (A4 landscape, header repeated on every page).
 * Must not: know about HTTP or roles (the caller passes scope and masking).
 */
#include "domain/records/export.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "util/money.h"

/* ---- the sheet writer ------------------------------------------------------ */

struct xw {
	int format;
	FILE *out;
	buf line;            /* CSV: the current row */
	int col;             /* next column of the current row */
	lxw_workbook *wb;    /* XLSX */
	lxw_worksheet *ws;
	lxw_format *head_fmt, *money_fmt, *int_fmt, *dec_fmt, *date_fmt, *text_fmt;
	lxw_row_t row;
	char path[64];
	int ncols;
	int width[XW_MAX_COLS];
};

/* The width of s in spreadsheet columns: 2 for a CJK (3-byte UTF-8 or
 * more) character, 1 for the rest. */
static int text_width(const char *s)
{
	int w = 0;

	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p < 0x80)
			w++;
		else if (*p >= 0xE0)
			w += 2;  /* a lead byte of 3 or 4: counted once */
	}
	return w;
}

static void fit(xw *w, int width)
{
	if (w->col >= XW_MAX_COLS)
		return;
	if (width > w->width[w->col])
		w->width[w->col] = width;
	if (w->col >= w->ncols)
		w->ncols = w->col + 1;
}

xw *xw_open(int format, FILE *out, const char *sheet, char *err, size_t errlen)
{
	xw *w = xcalloc(1, sizeof *w);

	w->format = format;
	w->out = out;
	buf_init(&w->line);
	if (format != EXPORT_XLSX) {
		fputs("\xEF\xBB\xBF", out); /* BOM: Excel then reads UTF-8 */
		return w;
	}
	snprintf(w->path, sizeof w->path, "/tmp/anxin-export-XXXXXX");
	int fd = mkstemp(w->path);
	if (fd < 0) {
		snprintf(err, errlen, "cannot create a temporary file");
		free(w);
		return NULL;
	}
	close(fd);
	lxw_workbook_options opts = {.constant_memory = LXW_TRUE, .tmpdir = NULL};
	w->wb = workbook_new_opt(w->path, &opts);
	if (!w->wb) {
		snprintf(err, errlen, "cannot create the workbook");
		unlink(w->path);
		free(w);
		return NULL;
	}
	w->ws = workbook_add_worksheet(w->wb, sheet);
	w->head_fmt = workbook_add_format(w->wb);
	format_set_bold(w->head_fmt);
	format_set_bg_color(w->head_fmt, 0xDDE7F3);
	format_set_border(w->head_fmt, LXW_BORDER_THIN);
	format_set_text_wrap(w->head_fmt);
	w->money_fmt = workbook_add_format(w->wb);
	format_set_num_format(w->money_fmt, "#,##0.00");
	w->int_fmt = workbook_add_format(w->wb);
	format_set_num_format(w->int_fmt, "0");
	w->dec_fmt = workbook_add_format(w->wb);
	format_set_num_format(w->dec_fmt, "0.00");
	w->date_fmt = workbook_add_format(w->wb);
	format_set_num_format(w->date_fmt, "yyyy-mm-dd");
	w->text_fmt = workbook_add_format(w->wb);
	format_set_num_format(w->text_fmt, "@");
	return w;
}

/* One text cell in the given XLSX format (CSV: quoted as needed). */
static void cell_str(xw *w, const char *s, lxw_format *f)
{
	if (!s)
		s = "";
	fit(w, text_width(s));
	if (w->format == EXPORT_XLSX) {
		if (*s)
			worksheet_write_string(w->ws, w->row, (lxw_col_t)w->col, s, f);
	} else {
		if (w->col)
			buf_putc(&w->line, ',');
		buf_csv(&w->line, s);
	}
	w->col++;
}

void xw_head(xw *w, const char *text)
{
	cell_str(w, text, w->head_fmt);
}

void xw_text(xw *w, const char *text)
{
	cell_str(w, text, w->text_fmt);
}

/* A number cell: XLSX the value in format f, CSV the text form. */
static void cell_num(xw *w, double v, const char *text, lxw_format *f)
{
	fit(w, text_width(text) + 2);
	if (w->format == EXPORT_XLSX) {
		worksheet_write_number(w->ws, w->row, (lxw_col_t)w->col, v, f);
	} else {
		if (w->col)
			buf_putc(&w->line, ',');
		buf_csv(&w->line, text);
	}
	w->col++;
}

void xw_money(xw *w, int64_t fen)
{
	char t[24];

	money_format(fen, t);
	cell_num(w, (double)fen / 100.0, t, w->money_fmt);
}

void xw_int(xw *w, int64_t v)
{
	char t[24];

	snprintf(t, sizeof t, "%lld", (long long)v);
	cell_num(w, (double)v, t, w->int_fmt);
}

void xw_dec2(xw *w, int64_t hundredths)
{
	char t[24];

	dec2_format(hundredths, t);
	cell_num(w, (double)hundredths / 100.0, t, hundredths % 100 ? w->dec_fmt : w->int_fmt);
}

void xw_date(xw *w, const char *ymd)
{
	int y, m, d;

	if (w->format != EXPORT_XLSX || !ymd || sscanf(ymd, "%4d-%2d-%2d", &y, &m, &d) != 3) {
		xw_text(w, ymd);
		return;
	}
	lxw_datetime dt = {.year = y, .month = m, .day = d};
	fit(w, 11);
	worksheet_write_datetime(w->ws, w->row, (lxw_col_t)w->col, &dt, w->date_fmt);
	w->col++;
}

void xw_end_row(xw *w)
{
	if (w->format == EXPORT_XLSX) {
		w->row++;
	} else {
		buf_puts(&w->line, "\r\n");
		fwrite(w->line.p, 1, w->line.len, w->out);
		buf_reset(&w->line);
	}
	w->col = 0;
}

/* Copies the file at path to out. */
static int copy_file(const char *path, FILE *out)
{
	char chunk[65536];
	size_t n;
	FILE *in = fopen(path, "rb");

	if (!in)
		return -1;
	while ((n = fread(chunk, 1, sizeof chunk, in)) > 0)
		if (fwrite(chunk, 1, n, out) != n)
			break;
	int bad = ferror(in) || ferror(out);
	fclose(in);
	return bad ? -1 : 0;
}

int xw_close(xw *w, char *err, size_t errlen)
{
	int rc = 0;

	if (w->format == EXPORT_XLSX) {
		for (int c = 0; c < w->ncols; c++) {
			int cw = w->width[c] + 2;
			worksheet_set_column(w->ws, (lxw_col_t)c, (lxw_col_t)c,
					     cw < 8 ? 8 : cw > 40 ? 40 : cw, NULL);
		}
		worksheet_freeze_panes(w->ws, 1, 0);
		/* printed: A4 landscape, the header row on every page */
		worksheet_set_landscape(w->ws);
		worksheet_set_paper(w->ws, 9);
		worksheet_repeat_rows(w->ws, 0, 0);
		if (workbook_close(w->wb) != LXW_NO_ERROR) {
			snprintf(err, errlen, "cannot write the workbook");
			rc = -1;
		} else if (copy_file(w->path, w->out) != 0) {
			snprintf(err, errlen, "cannot write the output");
			rc = -1;
		}
		unlink(w->path);
	}
	buf_free(&w->line);
	free(w);
	return rc;
}

/* ---- records --------------------------------------------------------------- */

/* The name shown beside a reference (display form), with a one-entry cache
 * per column: exports come in key order, so neighbours share a project. */
typedef struct ref_col {
	const kind *k;   /* the referenced kind; NULL = no name column */
	char *key;       /* last key looked up */
	char *name;      /* its name (NULL = none) */
} ref_col;

typedef struct export_ctx {
	const kind *k;
	const export_opts *o;
	db *d;
	xw *w;
	ref_col refs[XW_MAX_COLS];
} export_ctx;

/* Whether field f is a column of form o (derived fields: display only). */
static int has_column(const export_opts *o, const field *f)
{
	return !(f->flags & F_DERIVED) || o->form == EXPORT_DISPLAY;
}

/* The referenced kind whose name is shown beside f in the display form,
 * or NULL (accounts have no name; attendance's worker is no reference). */
static const kind *name_kind(const export_opts *o, const field *f)
{
	if (o->form != EXPORT_DISPLAY || !f->ref)
		return NULL;
	const kind *rk = kind_find(f->ref);
	return rk && kind_key_index(rk, "name") >= 0 ? rk : NULL;
}

/* The header of the name column beside f: 项目名称, 姓名, or f's header +
 * 名称 (建设单位名称). */
static void name_header(const field *f, char *out, size_t outlen)
{
	if (!strcmp(f->ref, "projects"))
		snprintf(out, outlen, "项目名称");
	else if (!strcmp(f->ref, "workers"))
		snprintf(out, outlen, "姓名");
	else
		snprintf(out, outlen, "%s名称", f->zh);
}

/* The name of the record key refers to (cached per column). */
static const char *ref_name(export_ctx *c, ref_col *rc, const char *key)
{
	int64_t id;

	if (rc->key && !strcmp(rc->key, key))
		return rc->name;
	free(rc->key);
	free(rc->name);
	rc->key = xstrdup(key);
	rc->name = NULL;
	if (!rec_ref_info(c->d, rc->k, key, &id, &rc->name))
		rc->name = NULL;
	return rc->name;
}

/* The display text of a text-like value: enum label, 男/女, else as is. */
static const char *display_text(const field *f, const char *s)
{
	if (f->type == FT_ENUM && f->codes && f->labels)
		for (int i = 0; f->codes[i]; i++)
			if (!strcmp(f->codes[i], s))
				return f->labels[i];
	if (!strcmp(f->key, "sex"))
		return !strcmp(s, "M") ? "男" : !strcmp(s, "F") ? "女" : s;
	return s;
}

static void row_cb(void *ctx, int64_t id, const kind_val *vals)
{
	export_ctx *c = ctx;
	const export_opts *o = c->o;
	int disp = o->form == EXPORT_DISPLAY;
	char tmp[32], mask[128];
	int col = 0;

	for (int i = 0; i < c->k->nfields; i++) {
		const field *f = &c->k->fields[i];
		const kind_val *v = &vals[i];
		if (!has_column(o, f))
			continue;
		if (!v->present)
			xw_text(c->w, "");
		else if (f->type == FT_MONEY)
			xw_money(c->w, v->i);
		else if (f->type == FT_INT)
			xw_int(c->w, v->i);
		else if (f->type == FT_DEC2)
			xw_dec2(c->w, v->i);
		else if (f->type == FT_BOOL)
			xw_text(c->w, disp ? (v->i ? "是" : "否") : (v->i ? "Y" : "N"));
		else if ((f->flags & F_PERSONAL) && !o->unmasked) {
			kind_mask(f->type, kind_val_text(f, v, tmp), mask, sizeof mask);
			xw_text(c->w, mask);
		} else if (disp && f->type == FT_DATE)
			xw_date(c->w, v->s);
		else
			xw_text(c->w, disp ? display_text(f, v->s) : kind_val_text(f, v, tmp));
		col++;
		if (col < XW_MAX_COLS && c->refs[col].k) {
			xw_text(c->w, v->present ? ref_name(c, &c->refs[col], v->s) : "");
			col++;
		}
	}
	xw_end_row(c->w);
}

long export_kind(db *d, const kind *k, const export_opts *o, FILE *out,
		 char *err, size_t errlen)
{
	rec_query q;
	long n = -1;
	export_ctx c = {.k = k, .o = o, .d = d};
	char nh[128];

	if (o->query) {
		q = *o->query;
	} else {
		rec_query_init(&q, k, &o->scope);  /* zero: nothing */
		q.sort_field = -1;
		for (int i = 0; i < k->nfields; i++)
			if (k->fields[i].flags & F_KEY) {
				q.sort_field = i; /* the first key field */
				break;
			}
		/* A masked export is not in the order of a value it hides
		 * (workers by full ID number would rank their hidden birth
		 * dates): the kind's list order instead. */
		if (!o->unmasked && q.sort_field >= 0 &&
		    (k->fields[q.sort_field].flags & F_PERSONAL))
			q.sort_field = -1;
	}
	q.scope = o->scope;
	q.offset = 0;
	q.limit = 0;
	if (!(c.w = xw_open(o->format, out, k->zh, err, errlen)))
		return -1;
	int col = 0;
	for (int i = 0; i < k->nfields; i++) {
		const field *f = &k->fields[i];
		if (!has_column(o, f))
			continue;
		xw_head(c.w, o->header == EXPORT_HEADER_EN && o->form == EXPORT_EXCHANGE ? f->key : f->zh);
		col++;
		const kind *rk = name_kind(o, f);
		if (rk && col < XW_MAX_COLS) {
			c.refs[col].k = rk;
			name_header(f, nh, sizeof nh);
			xw_head(c.w, nh);
			col++;
		}
	}
	xw_end_row(c.w);
	n = (long)rec_list(d, &q, row_cb, &c);
	if (n < 0 && !err[0])
		snprintf(err, errlen, "%s", db_errmsg(d));
	if (xw_close(c.w, err, errlen) != 0)
		n = -1;
	for (int i = 0; i < XW_MAX_COLS; i++) {
		free(c.refs[i].key);
		free(c.refs[i].name);
	}
	if (fflush(out) != 0 && n >= 0) {
		snprintf(err, errlen, "cannot write the output");
		n = -1;
	}
	return n;
}

/* ---- templates -------------------------------------------------------------- */

/* How a value of f is written, for the template's 填写说明. */
static void type_hint(const field *f, buf *out)
{
	switch (f->type) {
	case FT_TEXT: buf_fmt(out, "文本，最多%d字", f->maxlen ? f->maxlen : 500); break;
	case FT_INT: buf_puts(out, "整数"); break;
	case FT_DEC2: buf_puts(out, "数字，最多两位小数"); break;
	case FT_MONEY: buf_puts(out, "金额(元)，最多两位小数，不加千位分隔符"); break;
	case FT_DATE: buf_puts(out, "日期，如 2026-05-31"); break;
	case FT_MONTH: buf_puts(out, "月份，如 2026-05"); break;
	case FT_BOOL: buf_puts(out, "是 / 否"); break;
	case FT_ENUM: buf_puts(out, "以下之一："); break;
	case FT_USCC: buf_puts(out, "18位统一社会信用代码"); break;
	case FT_IDNUM: buf_puts(out, "18位公民身份号码"); break;
	case FT_CARD: buf_puts(out, "16-19位银行卡号"); break;
	case FT_MOBILE: buf_puts(out, "11位手机号"); break;
	case FT_PHONE: buf_puts(out, "手机号或固定电话"); break;
	case FT_REGION: buf_puts(out, "6位行政区划代码，如 120116"); break;
	}
	if (f->type == FT_ENUM)
		for (int i = 0; f->labels && f->labels[i]; i++)
			buf_fmt(out, "%s%s", i ? "、" : "", f->labels[i]);
	if (f->dflt)
		buf_fmt(out, "；不填默认为 %s", f->dflt);
}

int export_template(const kind *k, int format, FILE *out, char *err, size_t errlen)
{
	xw *w = xw_open(format, out, k->zh, err, errlen);
	buf hint = BUF_INIT;

	if (!w)
		return -1;
	for (int i = 0; i < k->nfields; i++)
		if (!(k->fields[i].flags & F_DERIVED))
			xw_head(w, k->fields[i].zh);
	xw_end_row(w);
	if (format == EXPORT_XLSX) {
		/* The second sheet: one row per column of the first. */
		lxw_worksheet *ws = workbook_add_worksheet(w->wb, "填写说明");
		static const char *const heads[] = {"列名", "英文列名", "必填", "填写要求"};
		for (int c = 0; c < 4; c++)
			worksheet_write_string(ws, 0, (lxw_col_t)c, heads[c], w->head_fmt);
		lxw_row_t r = 1;
		for (int i = 0; i < k->nfields; i++) {
			const field *f = &k->fields[i];
			if (f->flags & F_DERIVED)
				continue;
			buf_reset(&hint);
			type_hint(f, &hint);
			worksheet_write_string(ws, r, 0, f->zh, NULL);
			worksheet_write_string(ws, r, 1, f->key, NULL);
			worksheet_write_string(ws, r, 2, (f->flags & F_REQ) ? "是" : "否", NULL);
			worksheet_write_string(ws, r, 3, buf_str(&hint), NULL);
			r++;
		}
		worksheet_set_column(ws, 0, 0, 26, NULL);
		worksheet_set_column(ws, 1, 1, 24, NULL);
		worksheet_set_column(ws, 2, 2, 6, NULL);
		worksheet_set_column(ws, 3, 3, 60, NULL);
		worksheet_freeze_panes(ws, 1, 0);
	}
	buf_free(&hint);
	int rc = xw_close(w, err, errlen);
	if (rc == 0 && fflush(out) != 0) {
		snprintf(err, errlen, "cannot write the output");
		rc = -1;
	}
	return rc;
}

void export_filename(buf *out, const char *what, const char *street, const char *date,
		     int form, int format)
{
	buf_puts(out, what);
	if (street && *street)
		buf_fmt(out, "_%s", street);
	if (form == EXPORT_EXCHANGE)
		buf_puts(out, "_导入格式");
	if (date && *date)
		buf_fmt(out, "_%s", date);
	buf_puts(out, format == EXPORT_XLSX ? ".xlsx" : ".csv");
}
