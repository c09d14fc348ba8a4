/*
 * xlsx_book.h - what must be known about an XLSX workbook before its first
 * sheet can be streamed: where the sheet is, the 1904 flag, which cell
 * styles are dates, and the shared-string table. Private to src/io.
 */
#ifndef ANXIN_IO_XLSX_BOOK_H
#define ANXIN_IO_XLSX_BOOK_H

#include <expat.h>
#include <stddef.h>
#include <zip.h>

#include "util/buf.h"

typedef struct xlsx_book {
	zip_t *za;
	char *sheet_path;	/* e.g. "xl/worksheets/sheet1.xml" */
	int date1904;
	buf sst;		/* shared strings, each NUL-terminated */
	size_t *sst_ofs;
	size_t sst_n, sst_cap;
	unsigned char *xf_date;	/* per cellXfs index: 1 if a date format */
	size_t xf_n;
} xlsx_book;

/* Error state shared by the expat handlers of src/io: the first message
 * wins, and the handler stops the parser. */
typedef struct xlsx_ctx {
	int failed;
	char msg[384];
} xlsx_ctx;

/* Opens the zip at path and reads workbook, relationships, styles and
 * shared strings into b (zeroed by the caller). Returns 0, or -1 with a
 * message naming `name` in err; xlsx_book_free() is needed either way. */
int xlsx_book_load(xlsx_book *b, const char *path, const char *name,
		   char *err, size_t errlen);
void xlsx_book_free(xlsx_book *b);
/* Shared string idx, or NULL when out of range. */
const char *xlsx_book_sst(const xlsx_book *b, unsigned long idx);
/* 1 if cell style index s is a date format. */
int xlsx_book_is_date_style(const xlsx_book *b, long s);

/* Expat helpers: the local part of a possibly prefixed name ("x:row" ->
 * "row"), and an attribute's value by local name (NULL if absent). */
const char *xlsx_local(const char *name);
const char *xlsx_attr(const char **atts, const char *local);
/* Creates a parser whose handlers receive the parser itself as first
 * argument (user data ud, an xlsx_ctx first member) and that refuses DTD
 * entity declarations. */
XML_Parser xlsx_parser_new(void *ud);
/* Fails ctx with msg (first failure wins) and aborts parser p. */
void xlsx_abort(XML_Parser p, const char *msg);

#endif
