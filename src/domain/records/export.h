/*
 * export.h - export of one kind (导出) to CSV (UTF-8 with BOM) or XLSX, in
 * one of two forms:
 *
 *   exchange  the data-exchange standard's machine form (English codes,
 *             Y/N, the import headers), so that an unmasked export
 *             re-imports to the same data. The CLI's default.
 *   display   what an official reads in Excel/WPS: Chinese enum labels,
 *             是/否, 男/女, the name beside every credit code and project
 *             code, dates as date cells, money as numbers with two
 *             decimals. The API's and the UI's default.
 *
 * Both write XLSX with a frozen, bold header and column widths fitted to
 * the content. Personal fields are masked unless unmasked is set; the
 * caller decides whether the user may ask for that. Also the sheet writer
 * (xw_*) the warning centre's export and the import templates share.
 */
#ifndef ANXIN_EXPORT_H
#define ANXIN_EXPORT_H

#include <stdio.h>

#include "domain/records/kind.h"
#include "store/db.h"
#include "store/record.h"
#include "util/buf.h"

enum { EXPORT_CSV = 1, EXPORT_XLSX = 2 };
enum { EXPORT_HEADER_ZH = 0, EXPORT_HEADER_EN = 1 };
enum { EXPORT_EXCHANGE = 0, EXPORT_DISPLAY = 1 };

typedef struct export_opts {
	int format;        /* EXPORT_CSV or EXPORT_XLSX */
	int unmasked;      /* personal fields in full */
	int header;        /* EXPORT_HEADER_ZH (default) or _EN (exchange form only) */
	int form;          /* EXPORT_EXCHANGE (default) or EXPORT_DISPLAY */
	rec_scope scope;   /* rows the user may see */
	/* The list to export (filters, q=, sort), as the list API built it;
	 * NULL = every record in key order. Its paging is ignored. */
	const rec_query *query;
} export_opts;

/* Writes the records of k visible in o->scope (and matching o->query) to
 * out. Returns the number of records, or -1 with a message in err. */
long export_kind(db *d, const kind *k, const export_opts *o, FILE *out,
		 char *err, size_t errlen);

/* Writes the import template of k (format EXPORT_CSV: the header row;
 * EXPORT_XLSX: the header row plus a second sheet 填写说明 describing each
 * column: type, required, allowed values). 0, or -1 with err set. */
int export_template(const kind *k, int format, FILE *out, char *err, size_t errlen);

/* The file name of an export (UTF-8, no path): "<kind zh>_<street>_<date>.<ext>"
 * (street omitted when empty; "_导入格式" added for the exchange form). */
void export_filename(buf *out, const char *what, const char *street, const char *date,
		     int form, int format);

/* ---- the sheet writer: one table as CSV or XLSX -------------------------- */

#define XW_MAX_COLS 64

typedef struct xw xw;

/* Starts a table written to out (XLSX: through a temp file, copied at
 * xw_close). NULL with err set on failure. */
xw *xw_open(int format, FILE *out, const char *sheet, char *err, size_t errlen);
/* The header cells, then one row at a time: cells left to right, then
 * xw_end_row. A NULL or empty text is an empty cell. */
void xw_head(xw *w, const char *text);
void xw_text(xw *w, const char *text);
void xw_money(xw *w, int64_t fen);        /* number, format #,##0.00 */
void xw_int(xw *w, int64_t v);            /* number */
void xw_dec2(xw *w, int64_t hundredths);  /* number, at most 2 decimals */
void xw_date(xw *w, const char *ymd);     /* XLSX: a date cell yyyy-mm-dd */
void xw_end_row(xw *w);
/* Sets the widths, freezes the header, finishes the file; frees w.
 * 0, or -1 with err set. */
int xw_close(xw *w, char *err, size_t errlen);

#endif
