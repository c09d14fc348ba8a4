/*
 * rowsrc.c - the row-source interface (see rowsrc.h): sniffs the format
 * from the first bytes of the file and dispatches to the CSV or XLSX
 * reader.
 *
 * Owns only the dispatch and the row number of the last row returned. Must
 * not parse either format itself; csv_reader.c and xlsx_reader.c do.
 */
#include "io/rowsrc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/csv_reader.h"
#include "io/xlsx_reader.h"
#include "util/buf.h"

struct rowsrc {
	rs_format fmt;
	csv_reader *csv;
	xlsx_reader *xlsx;
	long row;
};

/* Reads up to 8 leading bytes of path into head; returns the count, or -1
 * with a message in err. */
static int rowsrc_sniff(const char *path, const char *name,
			unsigned char head[8], char *err, size_t errlen)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		snprintf(err, errlen, "%s: cannot open: %s", name,
			 strerror(errno));
		return -1;
	}
	size_t n = fread(head, 1, 8, f);
	fclose(f);
	return (int)n;
}

rowsrc *rowsrc_open_named(const char *path, const char *display_name,
			  char *err, size_t errlen)
{
	unsigned char head[8] = {0};
	rowsrc *rs = NULL;
	int n = rowsrc_sniff(path, display_name, head, err, errlen);

	if (n < 0)
		return NULL;
	if (n >= 8 && memcmp(head, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0) {
		snprintf(err, errlen,
			 "%s: legacy .xls or password-protected workbook; save "
			 "it as .xlsx (without a password) or CSV",
			 display_name);
		return NULL;
	}
	rs = xcalloc(1, sizeof *rs);
	if (n >= 4 && memcmp(head, "PK\3\4", 4) == 0) {
		rs->fmt = RS_XLSX;
		rs->xlsx = xlsx_reader_open(path, display_name, err, errlen);
	} else {
		rs->fmt = RS_CSV;
		rs->csv = csv_reader_open(path, display_name, err, errlen);
	}
	if (!rs->xlsx && !rs->csv) {
		free(rs);
		return NULL;
	}
	return rs;
}

rowsrc *rowsrc_open(const char *path, char *err, size_t errlen)
{
	const char *slash = strrchr(path, '/');
	return rowsrc_open_named(path, slash ? slash + 1 : path, err, errlen);
}

int rowsrc_next(rowsrc *rs, char ***fields, size_t *nfields, char *err,
		size_t errlen)
{
	long row = rs->row;
	int rc = rs->fmt == RS_XLSX
			 ? xlsx_reader_next(rs->xlsx, fields, nfields, &row,
					    err, errlen)
			 : csv_reader_next(rs->csv, fields, nfields, &row, err,
					   errlen);
	if (rc != 0)
		rs->row = row;
	return rc;
}

long rowsrc_row(const rowsrc *rs)
{
	return rs->row;
}

rs_format rowsrc_format(const rowsrc *rs)
{
	return rs->fmt;
}

const char *rowsrc_encoding(const rowsrc *rs)
{
	return rs->fmt == RS_XLSX ? "XLSX" : csv_reader_encoding(rs->csv);
}

void rowsrc_progress(const rowsrc *rs, long long *done, long long *total)
{
	if (rs->fmt == RS_XLSX)
		xlsx_reader_progress(rs->xlsx, done, total);
	else
		csv_reader_progress(rs->csv, done, total);
}

void rowsrc_close(rowsrc *rs)
{
	if (!rs)
		return;
	csv_reader_close(rs->csv);
	xlsx_reader_close(rs->xlsx);
	free(rs);
}
