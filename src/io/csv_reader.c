/*
 * csv_reader.c - turns libcsv's callbacks into a pull interface that
 * yields one record at a time (see csv_reader.h).
 *
 * Owns: the libcsv parser, a queue of the records completed by the last
 * piece fed to it (at most CSV_PIECE bytes of input, so memory stays flat
 * however large the file), and the record-numbering rules: blank lines are
 * records; all-empty records at the end of the file are dropped; a CRLF
 * pair ends one record; the formula guard's quote is removed from a cell
 * (util/csv_guard.h). Must not decode bytes (encoding.c does) or know
 * what a column means (the importer does).
 */
#include "io/csv_reader.h"

#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/encoding.h"
#include "io/rowsrc.h"
#include "util/buf.h"
#include "util/csv_guard.h"

/* One completed record waiting in the queue. blanks_before counts the
 * all-empty records just before it, still to be returned first (each as
 * one empty field): they are held back until a non-empty record proves
 * they are not trailing. */
typedef struct csv_rec {
	size_t first;		/* index of its first field in fofs */
	size_t nfields;
	long rowno;
	long blanks_before;
} csv_rec;

struct csv_reader {
	char *name;
	csv_enc *enc;
	struct csv_parser p;
	char *piece;		/* CSV_PIECE bytes of UTF-8 input */
	buf arena;		/* field texts, each NUL-terminated */
	size_t *fofs;		/* arena offset of each field */
	size_t nf, fcap;
	size_t cur_first;	/* first field of the record being built */
	csv_rec *q;
	size_t qhead, qn, qcap;
	long rows_seen;		/* records completed so far, blank included */
	long pending_blank;	/* all-empty records not yet queued */
	int last_term;		/* terminator of the last record, for CRLF */
	int eof;
	int failed;		/* err_msg holds the (sticky) error */
	long err_row;		/* the row the error is in */
	char err_msg[512];
	char **out;		/* pointers handed to the caller */
	char empty[1];		/* the field of a returned blank record */
};

/* Records the first error; later callbacks become no-ops. */
static void csv_fail(csv_reader *r, long row, const char *what)
{
	if (r->failed)
		return;
	r->failed = 1;
	r->err_row = row;
	snprintf(r->err_msg, sizeof r->err_msg, "%s: row %ld: %s", r->name,
		 row, what);
}

/* libcsv field callback: appends the field to the record being built,
 * enforcing the field-size and field-count limits. */
static void csv_on_field(void *s, size_t len, void *data)
{
	csv_reader *r = data;
	char msg[128];

	if (r->failed)
		return;
	if (r->nf - r->cur_first >= ROWSRC_MAX_FIELDS) {
		snprintf(msg, sizeof msg, "more than %d fields",
			 ROWSRC_MAX_FIELDS);
		csv_fail(r, r->rows_seen + 1, msg);
		return;
	}
	if (len > ROWSRC_MAX_FIELD_BYTES) {
		snprintf(msg, sizeof msg, "field %zu is longer than %d bytes",
			 r->nf - r->cur_first + 1, ROWSRC_MAX_FIELD_BYTES);
		csv_fail(r, r->rows_seen + 1, msg);
		return;
	}
	if (len && memchr(s, '\0', len)) {
		snprintf(msg, sizeof msg, "field %zu contains a NUL byte",
			 r->nf - r->cur_first + 1);
		csv_fail(r, r->rows_seen + 1, msg);
		return;
	}
	if (r->nf == r->fcap) {
		r->fcap = r->fcap ? 2 * r->fcap : 64;
		r->fofs = xrealloc(r->fofs, r->fcap * sizeof *r->fofs);
	}
	r->fofs[r->nf++] = r->arena.len;
	if (len)
		buf_putn(&r->arena, s, len);
	buf_putn(&r->arena, "", 1);
}

/* libcsv record callback (c is the terminator, -1 at end of file). Queues
 * the record, or counts it as pending when all its fields are empty. */
static void csv_on_record(int c, void *data)
{
	csv_reader *r = data;
	size_t n = r->nf - r->cur_first;

	if (r->failed)
		return;
	/* CSV_REPALL_NL reports the LF of a CRLF as an extra empty record. */
	if (n == 0 && c == '\n' && r->last_term == '\r') {
		r->last_term = c;
		return;
	}
	r->last_term = c;
	r->rows_seen++;
	int blank = 1;
	for (size_t i = r->cur_first; i < r->nf && blank; i++)
		if (r->arena.p[r->fofs[i]] != '\0')
			blank = 0;
	if (blank) {
		if (n)
			r->arena.len = r->fofs[r->cur_first];
		r->nf = r->cur_first;
		r->pending_blank++;
		return;
	}
	if (r->qn == r->qcap) {
		r->qcap = r->qcap ? 2 * r->qcap : 64;
		r->q = xrealloc(r->q, r->qcap * sizeof *r->q);
	}
	r->q[r->qn++] = (csv_rec){r->cur_first, n, r->rows_seen,
				  r->pending_blank};
	r->pending_blank = 0;
	r->cur_first = r->nf;
}

/* Never trim: RFC 4180 says spaces are part of a field. */
static int csv_no_space(unsigned char c)
{
	return 0;
}

csv_reader *csv_reader_open(const char *path, const char *name, char *err,
			    size_t errlen)
{
	csv_reader *r = xcalloc(1, sizeof *r);

	r->name = xstrdup(name);
	buf_init(&r->arena);
	/* csv_init() only fails on a NULL parser; it allocates nothing. */
	csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL);
	csv_set_space_func(&r->p, csv_no_space);
	r->enc = csv_enc_open(path, name, err, errlen);
	if (!r->enc)
		goto fail;
	r->piece = xmalloc(CSV_PIECE);
	r->out = xmalloc(ROWSRC_MAX_FIELDS * sizeof *r->out);
	return r;
fail:
	csv_reader_close(r);
	return NULL;
}

/* Drops the returned records and moves the partial one to the front. */
static void csv_compact(csv_reader *r)
{
	size_t n = r->nf - r->cur_first;
	size_t base = n ? r->fofs[r->cur_first] : r->arena.len;
	size_t tail = r->arena.len - base;

	if (tail)
		memmove(r->arena.p, r->arena.p + base, tail);
	r->arena.len = tail;
	for (size_t i = 0; i < n; i++)
		r->fofs[i] = r->fofs[r->cur_first + i] - base;
	r->nf = n;
	r->cur_first = 0;
	r->qhead = r->qn = 0;
}

/* Feeds the next piece of input to libcsv (or finishes it at end of
 * file). Errors are recorded with csv_fail. */
static void csv_feed(csv_reader *r)
{
	char msg[384];
	long n = csv_enc_read(r->enc, r->piece, CSV_PIECE, msg, sizeof msg);

	if (n < 0) {
		csv_fail(r, r->rows_seen + 1, msg);
		return;
	}
	if (n == 0) {
		r->eof = 1;
		if (csv_fini(&r->p, csv_on_field, csv_on_record, r) != 0)
			csv_fail(r, r->rows_seen + 1,
				 "unterminated quoted field (a \" opened here "
				 "is never closed)");
		return;
	}
	size_t used = csv_parse(&r->p, r->piece, (size_t)n, csv_on_field,
				csv_on_record, r);
	if (used != (size_t)n) {
		if (csv_error(&r->p) == CSV_EPARSE)
			csv_fail(r, r->rows_seen + 1,
				 "malformed quoting (a \" inside an unquoted "
				 "field, or text after a closing \")");
		else
			csv_fail(r, r->rows_seen + 1,
				 csv_strerror(csv_error(&r->p)));
	} else if (r->p.entry_pos > ROWSRC_MAX_FIELD_BYTES) {
		char what[96];
		snprintf(what, sizeof what, "a field is longer than %d bytes",
			 ROWSRC_MAX_FIELD_BYTES);
		csv_fail(r, r->rows_seen + 1, what);
	}
}

int csv_reader_next(csv_reader *r, char ***fields, size_t *nfields,
		    long *row, char *err, size_t errlen)
{
	for (;;) {
		if (r->qhead < r->qn) {
			csv_rec *rec = &r->q[r->qhead];
			if (rec->blanks_before > 0) {
				*row = rec->rowno - rec->blanks_before--;
				r->empty[0] = '\0';
				r->out[0] = r->empty;
				*fields = r->out;
				*nfields = 1;
				return 1;
			}
			/* csv_guard_strip: the quote anxin's own CSV writer put
			 * in front of a formula-like cell (util/csv_guard.h). */
			for (size_t i = 0; i < rec->nfields; i++)
				r->out[i] = (char *)csv_guard_strip(r->arena.p + r->fofs[rec->first + i]);
			*fields = r->out;
			*nfields = rec->nfields;
			*row = rec->rowno;
			r->qhead++;
			return 1;
		}
		if (r->failed) {
			snprintf(err, errlen, "%s", r->err_msg);
			*row = r->err_row;
			return -1;
		}
		if (r->eof)
			return 0;
		csv_compact(r);
		csv_feed(r);
	}
}

const char *csv_reader_encoding(const csv_reader *r)
{
	return csv_enc_name(r->enc);
}

void csv_reader_progress(const csv_reader *r, long long *done,
			 long long *total)
{
	csv_enc_progress(r->enc, done, total);
}

void csv_reader_close(csv_reader *r)
{
	if (!r)
		return;
	csv_free(&r->p);
	csv_enc_close(r->enc);
	buf_free(&r->arena);
	free(r->fofs);
	free(r->q);
	free(r->out);
	free(r->piece);
	free(r->name);
	free(r);
}
