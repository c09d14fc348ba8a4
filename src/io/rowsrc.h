/*
 * rowsrc.h - a stream of rows from a CSV or XLSX file, as UTF-8 text.
 *
 * The importer reads every file through this interface, whatever its format
 * and encoding, in flat memory: one row is held at a time (plus, for XLSX,
 * the shared-string table that the format requires).
 *
 * CSV (RFC 4180): quoted fields, embedded commas, quotes and newlines; LF or
 * CRLF; UTF-8 with or without BOM, or GB18030/GBK - detected by checking the
 * whole file for UTF-8 validity first, then decoded with iconv. Blank
 * trailing lines are skipped (a blank line in the middle is returned as a
 * row with one empty field, which the importer reports); so are trailing
 * records whose fields are all empty (",,," as Excel writes them). Fields
 * are returned exactly as quoted: spaces are kept, CR LF inside a quoted
 * field stays CR LF.
 * XLSX: the first sheet of the workbook; shared, inline and formula-string
 * cells; numbers as the text Excel stored; cells whose style is a date
 * format come back as "YYYY-MM-DD" text (1900 and 1904 systems); booleans as
 * "1"/"0"; error cells as their text ("#N/A"). Missing cells are empty
 * strings, and a row shorter than the first row returned is padded to its
 * width. Rows whose cells are all empty are not returned (whether present
 * or a gap), so rowsrc_row() may jump.
 *
 * Row numbers are 1-based and count records as a spreadsheet shows them:
 * row 1 is the header. For CSV a record with an embedded newline is still
 * one row.
 */
#ifndef ANXIN_ROWSRC_H
#define ANXIN_ROWSRC_H

#include <stddef.h>

typedef struct rowsrc rowsrc;

/* Limits that protect memory: a longer field (in UTF-8 bytes) or a row
 * with more fields is an error naming the row. */
#define ROWSRC_MAX_FIELD_BYTES 65536
#define ROWSRC_MAX_FIELDS 1000

typedef enum { RS_CSV = 1, RS_XLSX = 2 } rs_format;

/* Opens path. The format is taken from the content (an XLSX file is a zip
 * starting "PK\3\4"), not from the name. Returns NULL and writes a
 * message (naming the file) into err on failure. */
rowsrc *rowsrc_open(const char *path, char *err, size_t errlen);
/* The same, but messages name the file display_name (e.g. the name the
 * user uploaded) instead of the last component of path. */
rowsrc *rowsrc_open_named(const char *path, const char *display_name,
			  char *err, size_t errlen);

/* Reads the next row. Returns 1 with *fields pointing at nfields
 * NUL-terminated strings (valid until the next call), 0 at end of file, -1
 * on a malformed file with a message in err (naming the row). */
int rowsrc_next(rowsrc *rs, char ***fields, size_t *nfields, char *err,
		size_t errlen);

/* The 1-based row number of the row last returned; after rowsrc_next()
 * returned -1, the row the error is in (the one named in its message). */
long rowsrc_row(const rowsrc *rs);
rs_format rowsrc_format(const rowsrc *rs);
/* "UTF-8", "UTF-8 (BOM)", "GB18030" or "XLSX"; static storage, still
 * valid after rowsrc_close(). */
const char *rowsrc_encoding(const rowsrc *rs);
/* Bytes consumed of the underlying file so far and its size, for progress
 * (for XLSX: uncompressed bytes of the worksheet part). */
void rowsrc_progress(const rowsrc *rs, long long *done, long long *total);
void rowsrc_close(rowsrc *rs);

#endif
