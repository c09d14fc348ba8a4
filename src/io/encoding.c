/*
 * encoding.c - encoding detection and streaming GB18030 -> UTF-8 decoding
 * for CSV files (see encoding.h).
 *
 * Owns: the open file, one raw chunk buffer, the iconv descriptor. Must not
 * interpret CSV, and must never guess silently: bytes that are neither
 * valid UTF-8 nor valid GB18030 are an error, never replaced.
 */
#include "io/encoding.h"

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/buf.h"

typedef enum { ENC_UTF8, ENC_UTF8_BOM, ENC_GB18030 } enc_kind;

struct csv_enc {
	int fd;
	enc_kind kind;
	long long size;		/* file size */
	long long consumed;	/* bytes read from fd (including the BOM) */
	iconv_t cd;		/* GB18030 only, else (iconv_t)-1 */
	char *raw;		/* GB18030 only: CSV_ENC_CHUNK bytes */
	size_t rpos, rlen;	/* unconverted bytes are raw[rpos..rlen) */
	int eof;		/* fd returned 0 */
};

int csv_utf8_feed(csv_utf8_state *s, const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = p[i];
		if (s->need) {
			if (c < s->lo || c > s->hi)
				return 0;
			s->lo = 0x80;
			s->hi = 0xBF;
			s->need--;
			continue;
		}
		if (c < 0x80)
			continue;
		s->lo = 0x80;
		s->hi = 0xBF;
		if (c >= 0xC2 && c <= 0xDF) {
			s->need = 1;
		} else if (c >= 0xE0 && c <= 0xEF) {
			s->need = 2;
			if (c == 0xE0)
				s->lo = 0xA0;	/* no overlongs */
			else if (c == 0xED)
				s->hi = 0x9F;	/* no surrogates */
		} else if (c >= 0xF0 && c <= 0xF4) {
			s->need = 3;
			if (c == 0xF0)
				s->lo = 0x90;
			else if (c == 0xF4)
				s->hi = 0x8F;	/* <= U+10FFFF */
		} else {
			return 0;
		}
	}
	return 1;
}

int csv_utf8_done(const csv_utf8_state *s)
{
	return s->need == 0;
}

/* Reads all of fd from offset 0 and classifies it. Returns 0 and sets *kind,
 * or -1 with a message in err. Leaves the file offset undefined. */
static int enc_detect(int fd, const char *name, enc_kind *kind, char *err,
		      size_t errlen)
{
	unsigned char *chunk = xmalloc(CSV_ENC_CHUNK);
	csv_utf8_state st = {0, 0x80, 0xBF};
	int valid = 1, rc = -1, bom = 0;
	unsigned char head[3] = {0, 0, 0};
	size_t nhead = 0;

	for (;;) {
		ssize_t n = read(fd, chunk, CSV_ENC_CHUNK);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			snprintf(err, errlen, "%s: read error: %s", name,
				 strerror(errno));
			goto out;
		}
		if (n == 0)
			break;
		for (ssize_t i = 0; i < n && nhead < 3; i++)
			head[nhead++] = chunk[i];
		if (valid && !csv_utf8_feed(&st, chunk, (size_t)n))
			valid = 0;
	}
	if (!csv_utf8_done(&st))
		valid = 0;
	if (nhead >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) ||
			   (head[0] == 0xFE && head[1] == 0xFF))) {
		snprintf(err, errlen,
			 "%s: UTF-16 text is not supported; save the file as "
			 "CSV UTF-8 (or GB18030)", name);
		goto out;
	}
	bom = nhead == 3 && head[0] == 0xEF && head[1] == 0xBB &&
	      head[2] == 0xBF;
	if (bom && !valid) {
		snprintf(err, errlen,
			 "%s: file starts with a UTF-8 byte-order mark but "
			 "contains invalid UTF-8", name);
		goto out;
	}
	*kind = !valid ? ENC_GB18030 : bom ? ENC_UTF8_BOM : ENC_UTF8;
	rc = 0;
out:
	free(chunk);
	return rc;
}

csv_enc *csv_enc_open(const char *path, const char *name, char *err,
		      size_t errlen)
{
	csv_enc *e = xcalloc(1, sizeof *e);
	struct stat sb;

	e->cd = (iconv_t)-1;
	e->fd = open(path, O_RDONLY | O_CLOEXEC);
	if (e->fd < 0) {
		snprintf(err, errlen, "%s: cannot open: %s", name,
			 strerror(errno));
		goto fail;
	}
	if (fstat(e->fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		snprintf(err, errlen, "%s: not a regular file", name);
		goto fail;
	}
	e->size = (long long)sb.st_size;
	if (enc_detect(e->fd, name, &e->kind, err, errlen) != 0)
		goto fail;
	e->consumed = e->kind == ENC_UTF8_BOM ? 3 : 0;
	if (lseek(e->fd, (off_t)e->consumed, SEEK_SET) < 0) {
		snprintf(err, errlen, "%s: cannot seek: %s", name,
			 strerror(errno));
		goto fail;
	}
	if (e->kind == ENC_GB18030) {
		e->cd = iconv_open("UTF-8", "GB18030");
		if (e->cd == (iconv_t)-1) {
			snprintf(err, errlen, "%s: GB18030 decoder unavailable",
				 name);
			goto fail;
		}
		e->raw = xmalloc(CSV_ENC_CHUNK);
	}
	return e;
fail:
	csv_enc_close(e);
	return NULL;
}

/* read(2) that retries EINTR and counts consumed bytes. */
static ssize_t enc_readfd(csv_enc *e, char *dst, size_t cap)
{
	ssize_t n;
	do
		n = read(e->fd, dst, cap);
	while (n < 0 && errno == EINTR);
	if (n > 0)
		e->consumed += n;
	return n;
}

/* Moves the unconverted tail to the front of raw and appends the next read.
 * Returns 0, or -1 on an I/O error. Sets e->eof when the file is done. */
static int enc_refill(csv_enc *e)
{
	size_t keep = e->rlen - e->rpos;
	memmove(e->raw, e->raw + e->rpos, keep);
	e->rpos = 0;
	e->rlen = keep;
	ssize_t n = enc_readfd(e, e->raw + keep, CSV_ENC_CHUNK - keep);
	if (n < 0)
		return -1;
	if (n == 0)
		e->eof = 1;
	e->rlen += (size_t)n;
	return 0;
}

/* The GB18030 path of csv_enc_read: converts raw bytes until dst has some
 * output. An incomplete sequence at the end of raw (EINVAL) is carried over
 * to the next chunk; at end of file it is an error. */
static long enc_read_gb(csv_enc *e, char *dst, size_t cap, char *err,
			size_t errlen)
{
	char *out = dst;
	size_t outleft = cap;

	for (;;) {
		if (e->rpos == e->rlen && !e->eof && enc_refill(e) != 0)
			goto ioerr;
		if (e->rpos == e->rlen)
			return (long)(out - dst);	/* end of file */
		char *in = e->raw + e->rpos;
		size_t inleft = e->rlen - e->rpos;
		size_t r = iconv(e->cd, &in, &inleft, &out, &outleft);
		int saved = errno;
		e->rpos = (size_t)(in - e->raw);
		if (r != (size_t)-1) {
			if (out > dst)
				return (long)(out - dst);
			continue;
		}
		if (out > dst)	/* deliver output first; errors recur later */
			return (long)(out - dst);
		if (saved == EINVAL && !e->eof) {
			if (enc_refill(e) != 0)
				goto ioerr;
			if (e->eof && e->rlen - e->rpos == inleft)
				goto truncated;
			continue;
		}
		if (saved == EINVAL)
			goto truncated;
		snprintf(err, errlen,
			 "invalid GB18030 byte sequence at byte %lld "
			 "(the file is neither UTF-8 nor GB18030)",
			 e->consumed - (long long)(e->rlen - e->rpos));
		return -1;
	}
truncated:
	snprintf(err, errlen, "file ends inside a GB18030 character");
	return -1;
ioerr:
	snprintf(err, errlen, "read error: %s", strerror(errno));
	return -1;
}

long csv_enc_read(csv_enc *e, char *dst, size_t cap, char *err, size_t errlen)
{
	if (e->kind == ENC_GB18030)
		return enc_read_gb(e, dst, cap, err, errlen);
	ssize_t n = enc_readfd(e, dst, cap);
	if (n < 0) {
		snprintf(err, errlen, "read error: %s", strerror(errno));
		return -1;
	}
	return (long)n;
}

const char *csv_enc_name(const csv_enc *e)
{
	switch (e->kind) {
	case ENC_UTF8_BOM:
		return "UTF-8 (BOM)";
	case ENC_GB18030:
		return "GB18030";
	default:
		return "UTF-8";
	}
}

void csv_enc_progress(const csv_enc *e, long long *done, long long *total)
{
	*done = e->consumed;
	*total = e->size;
}

void csv_enc_close(csv_enc *e)
{
	if (!e)
		return;
	if (e->fd >= 0)
		close(e->fd);
	if (e->cd != (iconv_t)-1)
		iconv_close(e->cd);
	free(e->raw);
	free(e);
}
