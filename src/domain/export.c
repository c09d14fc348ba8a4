/*
 * export.c - writes the records of a kind as CSV or XLSX (see export.h).
 * CSV is streamed row by row; XLSX goes through libxlsxwriter in
 * constant-memory mode into a temporary file that is then copied to out,
 * so memory stays flat for any table size.
 */
#include "domain/export.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "util/buf.h"

typedef struct export_ctx {
	const kind *k;
	const export_opts *o;
	FILE *out;          /* CSV */
	lxw_worksheet *ws;  /* XLSX */
	lxw_format *money_fmt;
	lxw_format *text_fmt;
	lxw_row_t row;
	buf line;
} export_ctx;

/* The cell text of field f: masked personal fields unless unmasked. */
static const char *cell_text(const export_ctx *c, const field *f,
			     const kind_val *v, char tmp[32], char *mask, size_t masklen)
{
	const char *s = kind_val_text(f, v, tmp);

	if ((f->flags & F_PERSONAL) && !c->o->unmasked && *s) {
		kind_mask(f->type, s, mask, masklen);
		return mask;
	}
	return s;
}

static void csv_row(void *ctx, int64_t id, const kind_val *vals)
{
	export_ctx *c = ctx;
	char tmp[32], mask[128];
	int first = 1;

	buf_reset(&c->line);
	for (int i = 0; i < c->k->nfields; i++) {
		const field *f = &c->k->fields[i];
		if (f->flags & F_DERIVED)
			continue;
		if (!first)
			buf_putc(&c->line, ',');
		first = 0;
		buf_csv(&c->line, cell_text(c, f, &vals[i], tmp, mask, sizeof mask));
	}
	buf_puts(&c->line, "\r\n");
	fwrite(c->line.p, 1, c->line.len, c->out);
}

static void xlsx_row(void *ctx, int64_t id, const kind_val *vals)
{
	export_ctx *c = ctx;
	char tmp[32], mask[128];
	lxw_col_t col = 0;

	c->row++;
	for (int i = 0; i < c->k->nfields; i++) {
		const field *f = &c->k->fields[i];
		if (f->flags & F_DERIVED)
			continue;
		const kind_val *v = &vals[i];
		if (v->present && f->type == FT_MONEY)
			worksheet_write_number(c->ws, c->row, col, (double)v->i / 100.0, c->money_fmt);
		else if (v->present && (f->type == FT_INT || f->type == FT_DEC2))
			worksheet_write_number(c->ws, c->row, col,
					       f->type == FT_DEC2 ? (double)v->i / 100.0 : (double)v->i, NULL);
		else if (v->present)
			worksheet_write_string(c->ws, c->row, col,
					       cell_text(c, f, v, tmp, mask, sizeof mask), c->text_fmt);
		col++;
	}
}

static const char *header_of(const export_opts *o, const field *f)
{
	return o->header == EXPORT_HEADER_EN ? f->key : f->zh;
}

static long export_csv(db *d, const kind *k, const export_opts *o,
		       const rec_query *q, FILE *out)
{
	export_ctx c = {.k = k, .o = o, .out = out};
	int first = 1;

	fputs("\xEF\xBB\xBF", out); /* BOM: Excel then reads UTF-8 */
	for (int i = 0; i < k->nfields; i++) {
		if (k->fields[i].flags & F_DERIVED)
			continue;
		buf_reset(&c.line);
		if (!first)
			buf_putc(&c.line, ',');
		first = 0;
		buf_csv(&c.line, header_of(o, &k->fields[i]));
		fwrite(c.line.p, 1, c.line.len, out);
	}
	fputs("\r\n", out);
	long n = (long)rec_list(d, q, csv_row, &c);
	buf_free(&c.line);
	return n;
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

static long export_xlsx(db *d, const kind *k, const export_opts *o,
			const rec_query *q, FILE *out, char *err, size_t errlen)
{
	char path[] = "/tmp/anxin-export-XXXXXX";
	int fd = mkstemp(path);
	long n = -1;

	if (fd < 0) {
		snprintf(err, errlen, "cannot create a temporary file");
		return -1;
	}
	close(fd);
	lxw_workbook_options opts = {.constant_memory = LXW_TRUE, .tmpdir = NULL};
	lxw_workbook *wb = workbook_new_opt(path, &opts);
	if (!wb) {
		snprintf(err, errlen, "cannot create the workbook");
		goto out;
	}
	export_ctx c = {.k = k, .o = o};
	c.ws = workbook_add_worksheet(wb, k->zh);
	c.money_fmt = workbook_add_format(wb);
	format_set_num_format(c.money_fmt, "0.00");
	c.text_fmt = workbook_add_format(wb);
	format_set_num_format(c.text_fmt, "@");
	lxw_col_t col = 0;
	for (int i = 0; i < k->nfields; i++)
		if (!(k->fields[i].flags & F_DERIVED))
			worksheet_write_string(c.ws, 0, col++, header_of(o, &k->fields[i]), NULL);
	n = (long)rec_list(d, q, xlsx_row, &c);
	if (workbook_close(wb) != LXW_NO_ERROR) {
		snprintf(err, errlen, "cannot write the workbook");
		n = -1;
		goto out;
	}
	if (copy_file(path, out) != 0) {
		snprintf(err, errlen, "cannot write the output");
		n = -1;
	}
out:
	unlink(path);
	return n;
}

long export_kind(db *d, const kind *k, const export_opts *o, FILE *out,
		 char *err, size_t errlen)
{
	rec_query q;
	long n;

	rec_query_init(&q, k, &o->scope);  /* zero: nothing */
	q.sort_field = -1;
	for (int i = 0; i < k->nfields; i++)
		if (k->fields[i].flags & F_KEY) {
			q.sort_field = i; /* the first key field */
			break;
		}
	/* A masked export is not in the order of a value it hides (workers
	 * by full ID number would rank their hidden birth dates): the kind's
	 * list order instead. */
	if (!o->unmasked && q.sort_field >= 0 && (k->fields[q.sort_field].flags & F_PERSONAL))
		q.sort_field = -1;
	if (o->format == EXPORT_XLSX)
		n = export_xlsx(d, k, o, &q, out, err, errlen);
	else
		n = export_csv(d, k, o, &q, out);
	if (n < 0 && !err[0])
		snprintf(err, errlen, "%s", db_errmsg(d));
	if (fflush(out) != 0 && n >= 0) {
		snprintf(err, errlen, "cannot write the output");
		n = -1;
	}
	return n;
}
