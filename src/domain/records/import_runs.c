/*
 * import_runs.c - sorted runs in a temporary file and their merge (see
 * import_runs.h). Knows the values of a row (kind_val), nothing of what
 * they mean; no SQL.
 *
 * A row in the file: its file row, then per field a tag (0 absent, 1
 * text, 3 text with its integer), the integer (8 bytes, host order: the
 * file never leaves the process) when there is one, the text's length and
 * bytes; the row and the lengths as LEB128 varints. The merge keeps the
 * runs' heads in a binary heap ordered by their sort keys.
 */
#include "domain/records/import_runs.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef IR_FANIN
#define IR_FANIN 128     /* runs merged at once (a test build may lower it) */
#endif
#define IR_RUNBUF 16384  /* read buffer of a run while merging */
#define IR_WRITE (1u << 20) /* bytes encoded before they are written */

/* ---- the sort key ---------------------------------------------------------- */

void ir_keys_of(const kind *k, ir_keys *ks)
{
	ks->n = kind_key_fields(k, ks->f, 8);
}

/*
 * Each key field in the index's order: a text followed by a NUL (less
 * than any byte of a text, so a text sorts before its extensions, as in
 * the index), an integer as 8 big-endian bytes with the sign bit flipped
 * (so bytes order as values). Sorting and merging then compare one byte
 * string instead of field after field.
 */
void ir_key(const ir_keys *ks, const kind_val *vals, buf *out)
{
	for (int i = 0; i < ks->n; i++) {
		const kind_val *v = &vals[ks->f[i]];
		if (v->present && v->is_int) {
			unsigned char be[8];
			uint64_t u = (uint64_t)v->i ^ (UINT64_C(1) << 63);
			for (int j = 7; j >= 0; j--, u >>= 8)
				be[j] = (unsigned char)(u & 0xff);
			buf_putn(out, (const char *)be, sizeof be);
		} else {
			const char *t = v->present ? v->s : "";
			buf_putn(out, t, strlen(t) + 1);
		}
	}
}

int ir_key_cmp(const char *ka, size_t la, long ra, const char *kb, size_t lb, long rb)
{
	int c = memcmp(ka, kb, la < lb ? la : lb);

	if (c)
		return c;
	if (la != lb)
		return (la > lb) - (la < lb);
	return (ra > rb) - (ra < rb);
}

/* ---- the runs ---------------------------------------------------------- */

typedef struct ir_run {
	off_t off, end;  /* its bytes in the file */
} ir_run;

struct ir_file {
	const kind *k;
	ir_keys keys;
	int fd;          /* -1 until the first row */
	off_t size;      /* bytes written */
	off_t start;     /* where the run being written began */
	ir_run *runs;
	int nruns, cap;
	buf enc;         /* rows encoded, not yet written */
};

ir_file *ir_new(const kind *k)
{
	ir_file *f = xcalloc(1, sizeof *f);

	f->k = k;
	f->fd = -1;
	ir_keys_of(k, &f->keys);
	return f;
}

void ir_free(ir_file *f)
{
	if (!f)
		return;
	if (f->fd >= 0)
		close(f->fd);
	free(f->runs);
	buf_free(&f->enc);
	free(f);
}

int ir_runs(const ir_file *f)
{
	return f->nruns;
}

static void put_varint(buf *e, unsigned long long v)
{
	buf_reserve(e, 10);
	do {
		unsigned char c = (unsigned char)(v & 0x7f);
		v >>= 7;
		e->p[e->len++] = (char)(v ? c | 0x80 : c);
	} while (v);
	e->p[e->len] = 0;
}

/* Writes the encoded bytes to the file (created on first use). Returns 0,
 * or -1 with errno set. */
static int write_out(ir_file *f)
{
	if (f->fd < 0) {
		const char *tmp = getenv("TMPDIR");
		char path[4096];
		snprintf(path, sizeof path, "%s/anxin-sort-XXXXXX", tmp && *tmp ? tmp : "/tmp");
		f->fd = mkostemp(path, O_CLOEXEC);
		if (f->fd < 0)
			return -1;
		unlink(path);
	}
	const char *p = buf_str(&f->enc);
	size_t left = f->enc.len;
	while (left > 0) {
		ssize_t w = pwrite(f->fd, p, left, f->size);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			if (w == 0)
				errno = ENOSPC;
			buf_reset(&f->enc);
			return -1;
		}
		p += w;
		left -= (size_t)w;
		f->size += w;
	}
	buf_reset(&f->enc);
	return 0;
}

int ir_put(ir_file *f, const kind_val *vals, long row)
{
	buf *e = &f->enc;

	put_varint(e, (unsigned long long)row);
	for (int i = 0; i < f->k->nfields; i++) {
		const kind_val *v = &vals[i];
		if (!v->present) {
			buf_putc(e, 0);
			continue;
		}
		size_t len = strlen(v->s);
		buf_reserve(e, 1 + sizeof v->i + len);
		e->p[e->len++] = v->is_int ? 3 : 1;
		if (v->is_int) {
			memcpy(e->p + e->len, &v->i, sizeof v->i);
			e->len += sizeof v->i;
		}
		put_varint(e, len);
		memcpy(e->p + e->len, v->s, len);
		e->len += len;
		e->p[e->len] = 0;
	}
	return e->len >= IR_WRITE ? write_out(f) : 0;
}

int ir_end_run(ir_file *f)
{
	if (write_out(f) != 0)
		return -1;
	if (f->nruns == f->cap) {
		f->cap = f->cap ? 2 * f->cap : 64;
		f->runs = xrealloc(f->runs, (size_t)f->cap * sizeof *f->runs);
	}
	f->runs[f->nruns++] = (ir_run){f->start, f->size};
	f->start = f->size;
	return 0;
}

/* ---- reading a run back ------------------------------------------------- */

/* A run being read: a buffered window of the file and its head row. */
typedef struct ir_src {
	off_t pos, end;      /* the run's bytes not read into buf yet */
	char *buf;
	size_t cap, at, len; /* buf[at, len) holds unread bytes */
	kind_val *cur;       /* the head row's values */
	long row;
	buf key;             /* its sort key */
} ir_src;

/* Makes at least n unread bytes of run s available in its buffer.
 * Returns 0, 1 at the run's end, -1 on a read error or a row cut short. */
static int src_need(int fd, ir_src *s, size_t n)
{
	if (s->len - s->at >= n)
		return 0;
	memmove(s->buf, s->buf + s->at, s->len - s->at);
	s->len -= s->at;
	s->at = 0;
	if (n > s->cap) {
		s->cap = n;
		s->buf = xrealloc(s->buf, s->cap);
	}
	while (s->len < s->cap && s->pos < s->end) {  /* fill the buffer */
		size_t want = s->cap - s->len;
		if ((off_t)want > s->end - s->pos)
			want = (size_t)(s->end - s->pos);
		ssize_t r = pread(fd, s->buf + s->len, want, s->pos);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		s->len += (size_t)r;
		s->pos += r;
	}
	if (s->len >= n)
		return 0;
	return s->len == 0 ? 1 : -1;
}

static int get_varint(int fd, ir_src *s, unsigned long long *v)
{
	*v = 0;
	for (int shift = 0; shift < 64; shift += 7) {
		int rc = src_need(fd, s, 1);
		if (rc)
			return rc;
		unsigned char c = (unsigned char)s->buf[s->at++];
		*v |= (unsigned long long)(c & 0x7f) << shift;
		if (!(c & 0x80))
			return 0;
	}
	return -1;
}

/* Decodes the next row of run s into its head. Returns 0, 1 at the run's
 * end, -1 on a read error or a damaged file. */
static int src_next(const ir_file *f, ir_src *s)
{
	unsigned long long row, len;
	int rc = get_varint(f->fd, s, &row);

	if (rc)
		return rc;
	s->row = (long)row;
	for (int i = 0; i < f->k->nfields; i++) {
		kind_val *v = &s->cur[i];
		int64_t num = 0;
		kind_val_clear(v);
		if (src_need(f->fd, s, 1) != 0)
			return -1;
		unsigned char tag = (unsigned char)s->buf[s->at++];
		if (!tag)
			continue;
		if (tag == 3) {
			if (src_need(f->fd, s, sizeof num) != 0)
				return -1;
			memcpy(&num, s->buf + s->at, sizeof num);
			s->at += sizeof num;
		}
		if (get_varint(f->fd, s, &len) != 0 || len > (1u << 30) ||
		    src_need(f->fd, s, (size_t)len) != 0)
			return -1;
		kind_val_set(v, s->buf + s->at, (size_t)len);  /* clears is_int and i */
		s->at += (size_t)len;
		v->is_int = tag == 3;
		v->i = num;
	}
	buf_reset(&s->key);
	ir_key(&f->keys, s->cur, &s->key);
	return 0;
}

/* ---- merging ----------------------------------------------------------- */

struct ir_merge {
	ir_file *f;
	ir_src *src;
	int nsrc;
	int *heap;       /* the runs that still have a row, smallest head first */
	int nheap;
	int started;     /* the top was handed out: pop it first */
	int failed;
};

static int heap_less(const ir_merge *m, int x, int y)
{
	const ir_src *p = &m->src[x], *q = &m->src[y];

	return ir_key_cmp(p->key.p, p->key.len, p->row, q->key.p, q->key.len, q->row) < 0;
}

static void heap_down(ir_merge *m, int i)
{
	for (;;) {
		int l = 2 * i + 1, r = l + 1, s = i;
		if (l < m->nheap && heap_less(m, m->heap[l], m->heap[s]))
			s = l;
		if (r < m->nheap && heap_less(m, m->heap[r], m->heap[s]))
			s = r;
		if (s == i)
			return;
		int t = m->heap[i];
		m->heap[i] = m->heap[s];
		m->heap[s] = t;
		i = s;
	}
}

/* The merge of runs [first, first + n). */
static ir_merge *merge_of(ir_file *f, int first, int n)
{
	ir_merge *m = xcalloc(1, sizeof *m);

	m->f = f;
	m->nsrc = n;
	m->src = xcalloc((size_t)(n ? n : 1), sizeof *m->src);
	m->heap = xcalloc((size_t)(n ? n : 1), sizeof *m->heap);
	for (int i = 0; i < n; i++) {
		ir_src *s = &m->src[i];
		s->pos = f->runs[first + i].off;
		s->end = f->runs[first + i].end;
		s->cap = IR_RUNBUF;
		s->buf = xmalloc(s->cap);
		s->cur = xcalloc((size_t)f->k->nfields, sizeof *s->cur);
		int rc = src_next(f, s);
		if (rc < 0)
			m->failed = 1;
		else if (rc == 0)
			m->heap[m->nheap++] = i;
	}
	for (int i = m->nheap / 2 - 1; i >= 0; i--)
		heap_down(m, i);
	return m;
}

const kind_val *ir_merge_next(ir_merge *m, long *row)
{
	if (m->started && m->nheap > 0 && !m->failed) {
		int rc = src_next(m->f, &m->src[m->heap[0]]);
		if (rc < 0)
			m->failed = 1;
		if (rc != 0)
			m->heap[0] = m->heap[--m->nheap];
		heap_down(m, 0);
	}
	m->started = 1;
	if (m->nheap == 0 || m->failed)
		return NULL;
	ir_src *s = &m->src[m->heap[0]];
	*row = s->row;
	return s->cur;
}

int ir_merge_failed(const ir_merge *m)
{
	return m->failed;
}

void ir_merge_close(ir_merge *m)
{
	if (!m)
		return;
	for (int i = 0; i < m->nsrc; i++) {
		for (int j = 0; j < m->f->k->nfields; j++)
			kind_val_clear(&m->src[i].cur[j]);
		free(m->src[i].cur);
		free(m->src[i].buf);
		buf_free(&m->src[i].key);
	}
	free(m->src);
	free(m->heap);
	free(m);
}

/* Merges the IR_FANIN oldest runs into one new run at the file's end.
 * Returns 0, or -1 with errno set. */
static int merge_oldest(ir_file *f)
{
	ir_merge *m = merge_of(f, 0, IR_FANIN);
	const kind_val *v;
	long row;
	int rc = 0;

	while (rc == 0 && (v = ir_merge_next(m, &row)) != NULL)
		rc = ir_put(f, v, row);
	if (rc == 0 && m->failed) {
		errno = EIO;
		rc = -1;
	}
	ir_merge_close(m);
	if (rc == 0)
		rc = ir_end_run(f);
	if (rc == 0) {
		f->nruns -= IR_FANIN;
		memmove(f->runs, f->runs + IR_FANIN, (size_t)f->nruns * sizeof *f->runs);
	}
	return rc;
}

ir_merge *ir_merge_open(ir_file *f)
{
	while (f->nruns > IR_FANIN)
		if (merge_oldest(f) != 0)
			return NULL;
	return merge_of(f, 0, f->nruns);
}
