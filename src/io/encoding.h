/*
 * encoding.h - the byte layer under the CSV reader: detects a CSV file's
 * encoding and hands out its content as UTF-8, in streaming pieces.
 *
 * Owns the file descriptor and, for GB18030, the iconv descriptor. Knows
 * nothing about CSV syntax, rows or fields (csv_reader.c does); must not
 * buffer more than one chunk of the file.
 */
#ifndef ANXIN_IO_ENCODING_H
#define ANXIN_IO_ENCODING_H

#include <stddef.h>

/* Raw read size; a GB18030 sequence may straddle two such chunks. */
#define CSV_ENC_CHUNK 65536

typedef struct csv_enc csv_enc;

/* Opens path (a regular file) and scans all of it once: a UTF-8 BOM
 * followed by valid UTF-8 is "UTF-8 (BOM)" (the BOM is skipped), valid
 * UTF-8 is "UTF-8", anything else is decoded as "GB18030". A UTF-16 BOM,
 * or a UTF-8 BOM followed by invalid UTF-8, is refused. Returns NULL with a
 * message naming `name` in err. */
csv_enc *csv_enc_open(const char *path, const char *name, char *err,
		      size_t errlen);

/* Copies up to cap (>= 16) bytes of UTF-8 into dst. Returns the count, 0
 * at end of file, or -1 with a message (no file or row prefix: the caller
 * knows the row) in err on an undecodable byte sequence or an I/O error. */
long csv_enc_read(csv_enc *e, char *dst, size_t cap, char *err, size_t errlen);

/* "UTF-8", "UTF-8 (BOM)" or "GB18030"; static storage. */
const char *csv_enc_name(const csv_enc *e);
/* Bytes of the file consumed so far, and its size. */
void csv_enc_progress(const csv_enc *e, long long *done, long long *total);
void csv_enc_close(csv_enc *e);

/* Incremental strict UTF-8 check (no overlongs, surrogates or values above
 * U+10FFFF). Start with a zeroed state; feed pieces in order; the input was
 * valid if every call returned 1 and csv_utf8_done() returns 1. */
typedef struct csv_utf8_state {
	int need;		/* continuation bytes still expected */
	unsigned char lo, hi;	/* allowed range of the next continuation */
} csv_utf8_state;
int csv_utf8_feed(csv_utf8_state *s, const unsigned char *p, size_t n);
int csv_utf8_done(const csv_utf8_state *s);

#endif
