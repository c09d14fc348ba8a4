/*
 * csv_reader.h - RFC 4180 CSV records, one at a time, on top of libcsv and
 * the encoding layer. Private to src/io: the importer uses rowsrc.h.
 */
#ifndef ANXIN_IO_CSV_READER_H
#define ANXIN_IO_CSV_READER_H

#include <stddef.h>

/* UTF-8 bytes handed to libcsv per csv_parse() call; bounds the rows that
 * can be queued at once. */
#define CSV_PIECE 16384

typedef struct csv_reader csv_reader;

/* Opens path; messages name `name`. NULL with err set on failure. */
csv_reader *csv_reader_open(const char *path, const char *name, char *err,
			    size_t errlen);
/* As rowsrc_next(); *row gets the 1-based record number (on -1, the
 * number of the record the error is in). */
int csv_reader_next(csv_reader *r, char ***fields, size_t *nfields,
		    long *row, char *err, size_t errlen);
const char *csv_reader_encoding(const csv_reader *r);
void csv_reader_progress(const csv_reader *r, long long *done,
			 long long *total);
void csv_reader_close(csv_reader *r);

#endif
