/*
 * xlsx_reader.h - rows of the first worksheet of an XLSX workbook, streamed
 * with libzip and expat. Private to src/io: the importer uses rowsrc.h.
 */
#ifndef ANXIN_IO_XLSX_READER_H
#define ANXIN_IO_XLSX_READER_H

#include <stddef.h>

/* Bytes read from the worksheet part per expat call. */
#define XLSX_CHUNK 65536
/* Cap on the in-memory shared-string table (text bytes). */
#define XLSX_MAX_SST_BYTES (256L * 1024 * 1024)

typedef struct xlsx_reader xlsx_reader;

/* Opens path and loads the workbook, relationships, styles and shared
 * strings; messages name `name`. NULL with err set on failure. */
xlsx_reader *xlsx_reader_open(const char *path, const char *name, char *err,
			      size_t errlen);
/* As rowsrc_next(); *row gets the spreadsheet row number (on -1, the row
 * the error is in). */
int xlsx_reader_next(xlsx_reader *x, char ***fields, size_t *nfields,
		     long *row, char *err, size_t errlen);
/* Uncompressed worksheet bytes parsed so far, and their total. */
void xlsx_reader_progress(const xlsx_reader *x, long long *done,
			  long long *total);
void xlsx_reader_close(xlsx_reader *x);

/* 1 if an Excel number format code shows a date or time: it contains
 * y, m, d, h or s outside "quoted" text, [brackets] and \escapes. */
int xlsx_format_is_date(const char *code);

#endif
