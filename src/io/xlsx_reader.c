/*
 * xlsx_reader.c - streams the first worksheet of an XLSX file row by row
 * (see xlsx_reader.h).
 *
 * Owns: the worksheet's zip stream, the expat parser (suspended at each
 * </row> so one row is held at a time), and the cell rules: cell refs give
 * columns, missing cells are "", shared/inline/formula strings, booleans
 * as "1"/"0", errors as their text, numbers as stored except date-styled
 * ones, which become "YYYY-MM-DD". Rows whose cells are all empty are not
 * returned. Must not interpret columns (the importer does) or load the
 * whole sheet.
 */
#include "io/xlsx_reader.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/rowsrc.h"
#include "io/xlsx_book.h"
#include "util/date.h"

#define XLSX_MAX_ROW 100000000L
#define XLSX_COL_CAP 100000L	/* parsed column refs saturate here */

struct xlsx_reader {
	xlsx_ctx ctx;		/* first: expat user data */
	char *name;
	xlsx_book book;
	zip_file_t *zf;
	XML_Parser p;
	long long done, total;
	int suspended, final_fed, finished, row_ready;
	long row_r, last_row;	/* spreadsheet row numbers */
	/* the cell being parsed */
	int in_cell, in_v, in_is, in_t, in_rph;
	long col, last_col, style;
	char type[16];
	buf cell;
	/* the row being built: vals offset 0 holds "" for missing cells */
	buf vals;
	size_t col_ofs[ROWSRC_MAX_FIELDS];
	long maxcol;		/* highest non-empty column, -1 if none */
	size_t width;		/* field count of the first row returned */
	char *out[ROWSRC_MAX_FIELDS];
};

/* Writes the spreadsheet column name of 0-based col ("A", "AB") to out. */
static void xlsx_col_name(long col, char out[16])
{
	char tmp[16];
	int n = 0;

	col++;
	while (col > 0 && n < 15) {
		tmp[n++] = (char)('A' + (col - 1) % 26);
		col = (col - 1) / 26;
	}
	for (int i = 0; i < n; i++)
		out[i] = tmp[n - 1 - i];
	out[n] = '\0';
}

/* Aborts the parse with "row R, cell C7: what". */
static void xlsx_cell_fail(xlsx_reader *x, XML_Parser p, const char *what)
{
	char msg[256], cn[16];

	xlsx_col_name(x->col, cn);
	snprintf(msg, sizeof msg, "cell %s%ld: %s", cn, x->row_r, what);
	xlsx_abort(p, msg);
}

/* Column index (0-based) from a cell ref such as "C7"; -1 if no letters. */
static long xlsx_ref_col(const char *ref)
{
	long col = 0;
	const char *c = ref;

	for (; (*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z'); c++)
		if (col < XLSX_COL_CAP)
			col = col * 26 + ((*c | 0x20) - 'a' + 1);
	return c == ref ? -1 : col - 1;
}

static void xlsx_row_start(xlsx_reader *x, const char **atts)
{
	const char *r = xlsx_attr(atts, "r");
	char *end;
	long n = r ? strtol(r, &end, 10) : 0;

	if (!r || *end || n <= 0 || n > XLSX_MAX_ROW)
		n = x->last_row + 1;
	x->row_r = n;
	for (long i = 0; i <= x->maxcol; i++)
		x->col_ofs[i] = 0;
	x->maxcol = -1;
	x->last_col = -1;
	buf_reset(&x->vals);
	buf_putn(&x->vals, "", 1);
}

static void xlsx_cell_start(xlsx_reader *x, const char **atts)
{
	const char *r = xlsx_attr(atts, "r"), *s = xlsx_attr(atts, "s");
	const char *t = xlsx_attr(atts, "t");
	long col = r ? xlsx_ref_col(r) : -1;

	x->in_cell = 1;
	x->col = col >= 0 ? col : x->last_col + 1;
	x->style = s ? strtol(s, NULL, 10) : 0;
	snprintf(x->type, sizeof x->type, "%s", t ? t : "n");
	buf_reset(&x->cell);
}

/* The text of a numeric cell: a date when its style is a date format and
 * the serial converts, else the number as stored. Uses tmp (>= 11). */
static const char *xlsx_number(xlsx_reader *x, const char *v, char *tmp)
{
	char *end;
	day_t day;

	if (!*v || !xlsx_book_is_date_style(&x->book, x->style))
		return v;
	double serial = strtod(v, &end);
	if (*end || !date_from_excel_serial(serial, x->book.date1904, &day))
		return v;
	date_format(day, tmp);
	return tmp;
}

/* Resolves the finished cell to its text and stores it in the row. */
static void xlsx_cell_end(xlsx_reader *x, XML_Parser p)
{
	const char *v = buf_str(&x->cell);
	char tmp[16];

	x->in_cell = 0;
	x->last_col = x->col;
	if (strcmp(x->type, "s") == 0) {
		char *end;
		unsigned long idx = strtoul(v, &end, 10);
		if (!*v)
			return;
		v = *end ? NULL : xlsx_book_sst(&x->book, idx);
		if (!v) {
			xlsx_cell_fail(x, p, "shared string index out of range");
			return;
		}
	} else if (strcmp(x->type, "b") == 0) {
		if (*v)
			v = strcmp(v, "1") == 0 || strcmp(v, "true") == 0 ? "1"
									   : "0";
	} else if (strcmp(x->type, "d") == 0) {
		/* ISO 8601 date cell: keep the date part. */
		if (strlen(v) >= 10 && v[4] == '-' && v[7] == '-') {
			memcpy(tmp, v, 10);
			tmp[10] = '\0';
			v = tmp;
		}
	} else if (strcmp(x->type, "inlineStr") != 0 &&
		   strcmp(x->type, "str") != 0 && strcmp(x->type, "e") != 0) {
		v = xlsx_number(x, v, tmp);
	}
	if (!*v)
		return;
	if (x->col >= ROWSRC_MAX_FIELDS) {
		char msg[64];
		snprintf(msg, sizeof msg, "more than %d columns",
			 ROWSRC_MAX_FIELDS);
		xlsx_cell_fail(x, p, msg);
		return;
	}
	x->col_ofs[x->col] = x->vals.len;
	buf_puts(&x->vals, v);
	buf_putn(&x->vals, "", 1);
	if (x->col > x->maxcol)
		x->maxcol = x->col;
}

static void xlsx_on_start(void *arg, const XML_Char *el, const XML_Char **atts)
{
	xlsx_reader *x = XML_GetUserData(arg);
	const char *local = xlsx_local(el);

	if (strcmp(local, "row") == 0)
		xlsx_row_start(x, atts);
	else if (strcmp(local, "c") == 0)
		xlsx_cell_start(x, atts);
	else if (!x->in_cell)
		return;
	else if (strcmp(local, "v") == 0)
		x->in_v = 1;
	else if (strcmp(local, "is") == 0)
		x->in_is = 1;
	else if (strcmp(local, "rPh") == 0)
		x->in_rph++;
	else if (strcmp(local, "t") == 0 && x->in_is && !x->in_rph)
		x->in_t = 1;
}

static void xlsx_on_text(void *arg, const XML_Char *txt, int len)
{
	xlsx_reader *x = XML_GetUserData(arg);

	if (!x->in_v && !x->in_t)
		return;
	if (x->cell.len + (size_t)len > ROWSRC_MAX_FIELD_BYTES) {
		xlsx_cell_fail(x, arg, "value longer than 65536 bytes");
		return;
	}
	buf_putn(&x->cell, txt, (size_t)len);
}

/* Ends cells and rows; a row with content suspends the parser so that
 * xlsx_reader_next() can hand it out. */
static void xlsx_on_end(void *arg, const XML_Char *el)
{
	xlsx_reader *x = XML_GetUserData(arg);
	const char *local = xlsx_local(el);

	if (strcmp(local, "v") == 0) {
		x->in_v = 0;
	} else if (strcmp(local, "t") == 0) {
		x->in_t = 0;
	} else if (strcmp(local, "is") == 0) {
		x->in_is = 0;
	} else if (strcmp(local, "rPh") == 0) {
		if (x->in_rph)
			x->in_rph--;
	} else if (strcmp(local, "c") == 0 && x->in_cell) {
		xlsx_cell_end(x, arg);
	} else if (strcmp(local, "row") == 0) {
		x->last_row = x->row_r;
		if (x->maxcol >= 0 && !x->ctx.failed) {
			x->row_ready = 1;
			XML_StopParser(arg, XML_TRUE);
		} else {
			x->row_r = 0;
		}
	}
}

xlsx_reader *xlsx_reader_open(const char *path, const char *name, char *err,
			      size_t errlen)
{
	xlsx_reader *x = xcalloc(1, sizeof *x);
	zip_stat_t st;
	zip_int64_t idx;

	x->name = xstrdup(name);
	x->maxcol = -1;
	buf_init(&x->cell);
	buf_init(&x->vals);
	if (xlsx_book_load(&x->book, path, name, err, errlen) != 0)
		goto fail;
	idx = zip_name_locate(x->book.za, x->book.sheet_path, ZIP_FL_NOCASE);
	if (idx < 0) {
		snprintf(err, errlen, "%s: worksheet %s is missing", name,
			 x->book.sheet_path);
		goto fail;
	}
	x->zf = zip_fopen_index(x->book.za, (zip_uint64_t)idx, 0);
	if (!x->zf) {
		snprintf(err, errlen, "%s: cannot read %s: %s", name,
			 x->book.sheet_path, zip_strerror(x->book.za));
		goto fail;
	}
	zip_stat_init(&st);
	if (zip_stat_index(x->book.za, (zip_uint64_t)idx, 0, &st) == 0 &&
	    (st.valid & ZIP_STAT_SIZE))
		x->total = (long long)st.size;
	x->p = xlsx_parser_new(x);
	XML_SetElementHandler(x->p, xlsx_on_start, xlsx_on_end);
	XML_SetCharacterDataHandler(x->p, xlsx_on_text);
	return x;
fail:
	xlsx_reader_close(x);
	return NULL;
}

/* Feeds the next chunk (or resumes after a row). Returns the expat status;
 * read errors are recorded in x->ctx. */
static enum XML_Status xlsx_step(xlsx_reader *x)
{
	if (x->suspended) {
		x->suspended = 0;
		return XML_ResumeParser(x->p);
	}
	void *b = XML_GetBuffer(x->p, XLSX_CHUNK);
	if (!b) {
		snprintf(x->ctx.msg, sizeof x->ctx.msg, "out of memory");
		x->ctx.failed = 1;
		return XML_STATUS_ERROR;
	}
	zip_int64_t n = zip_fread(x->zf, b, XLSX_CHUNK);
	if (n < 0) {
		snprintf(x->ctx.msg, sizeof x->ctx.msg, "cannot read %s: %s",
			 x->book.sheet_path, zip_file_strerror(x->zf));
		x->ctx.failed = 1;
		return XML_STATUS_ERROR;
	}
	x->done += n;
	if (n == 0)
		x->final_fed = 1;
	return XML_ParseBuffer(x->p, (int)n, n == 0);
}

int xlsx_reader_next(xlsx_reader *x, char ***fields, size_t *nfields,
		     long *row, char *err, size_t errlen)
{
	for (;;) {
		if (x->ctx.failed) {
			*row = x->row_r ? x->row_r : x->last_row + 1;
			snprintf(err, errlen, "%s: row %ld: %s", x->name, *row,
				 x->ctx.msg);
			return -1;
		}
		if (x->row_ready) {
			size_t n = (size_t)x->maxcol + 1;
			x->row_ready = 0;
			if (x->width == 0)
				x->width = n;
			if (n < x->width)
				n = x->width;
			for (size_t i = 0; i < n; i++)
				x->out[i] = x->vals.p + x->col_ofs[i];
			*fields = x->out;
			*nfields = n;
			*row = x->row_r;
			x->row_r = 0;	/* errors now belong to the next row */
			return 1;
		}
		if (x->finished)
			return 0;
		enum XML_Status st = xlsx_step(x);
		if (st == XML_STATUS_ERROR && !x->ctx.failed) {
			snprintf(x->ctx.msg, sizeof x->ctx.msg,
				 "malformed XML in %s (line %lu: %s)",
				 x->book.sheet_path,
				 (unsigned long)XML_GetCurrentLineNumber(x->p),
				 XML_ErrorString(XML_GetErrorCode(x->p)));
			x->ctx.failed = 1;
		} else if (st == XML_STATUS_SUSPENDED) {
			x->suspended = 1;
		} else if (st == XML_STATUS_OK && x->final_fed) {
			x->finished = 1;
		}
	}
}

void xlsx_reader_progress(const xlsx_reader *x, long long *done,
			  long long *total)
{
	*done = x->done;
	*total = x->total > x->done ? x->total : x->done;
}

void xlsx_reader_close(xlsx_reader *x)
{
	if (!x)
		return;
	if (x->p)
		XML_ParserFree(x->p);
	if (x->zf)
		zip_fclose(x->zf);
	xlsx_book_free(&x->book);
	buf_free(&x->cell);
	buf_free(&x->vals);
	free(x->name);
	free(x);
}
