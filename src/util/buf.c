/*
 * buf.c - the growable byte buffer and its escaping formatter.
 *
 * Owns: the buf type's memory, the x* allocation helpers, and every escaping
 * rule that output code relies on (%j JSON, %h HTML, %m money). It must not
 * know about any domain type, and it never reports bad input: a malformed
 * format string or an allocation failure is a broken invariant and aborts.
 */
#include "util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/csv_guard.h"
#include "util/money.h"

/* Prints msg to stderr and aborts; used for OOM and bad format strings. */
static void buf_die(const char *msg)
{
	fprintf(stderr, "anxin: fatal: %s\n", msg);
	abort();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		buf_die("out of memory");
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		buf_die("out of memory");
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		buf_die("out of memory");
	return q;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

/* Copies at most n bytes of s (stopping at a NUL) into a new string. */
char *xstrndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *p = xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

void buf_init(buf *b)
{
	b->p = NULL;
	b->len = 0;
	b->cap = 0;
}

void buf_free(buf *b)
{
	free(b->p);
	buf_init(b);
}

/* Empties b but keeps its allocation for reuse. */
void buf_reset(buf *b)
{
	b->len = 0;
	if (b->p)
		b->p[0] = '\0';
}

/* Ensures room for extra more bytes plus the terminator; grows by doubling
 * so that appending n bytes one at a time costs O(n). */
void buf_reserve(buf *b, size_t extra)
{
	if (extra > SIZE_MAX - b->len - 1)
		buf_die("buffer size overflow");
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	b->p = xrealloc(b->p, cap);
	b->cap = cap;
}

void buf_putn(buf *b, const char *s, size_t n)
{
	buf_reserve(b, n);
	if (n)
		memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void buf_puts(buf *b, const char *s)
{
	buf_putn(b, s, strlen(s));
}

void buf_putc(buf *b, char c)
{
	buf_putn(b, &c, 1);
}

/* JSON string literal. Control characters (< 0x20 and 0x7f) become \u00XX
 * or their short forms; bytes >= 0x80 pass through, so valid UTF-8 stays
 * valid (validating UTF-8 is the importer's job, not the printer's). The
 * buffer grows once for the worst case (every byte escaped as \u00XX),
 * then the bytes are written in place: a response body is mostly text
 * that needs no escape, copied in runs. */
void buf_json(buf *b, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p, *run;

	if (!s) {
		buf_putn(b, "null", 4);
		return;
	}
	size_t n = strlen(s);
	if (n > (SIZE_MAX - 3) / 6)
		buf_die("buffer size overflow");
	buf_reserve(b, n * 6 + 2);
	char *o = b->p + b->len;
	*o++ = '"';
	for (p = run = (const unsigned char *)s; *p; p++) {
		unsigned char c = *p;
		if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f)
			continue;
		memcpy(o, run, (size_t)(p - run));
		o += p - run;
		run = p + 1;
		*o++ = '\\';
		switch (c) {
		case '"': *o++ = '"'; break;
		case '\\': *o++ = '\\'; break;
		case '\n': *o++ = 'n'; break;
		case '\r': *o++ = 'r'; break;
		case '\t': *o++ = 't'; break;
		case '\b': *o++ = 'b'; break;
		case '\f': *o++ = 'f'; break;
		default:
			memcpy(o, "u00", 3);
			o[3] = hex[c >> 4];
			o[4] = hex[c & 15];
			o += 5;
		}
	}
	memcpy(o, run, (size_t)(p - run));
	o += p - run;
	*o++ = '"';
	b->len = (size_t)(o - b->p);
	b->p[b->len] = '\0';
}

/* HTML text and attribute escaping; NULL appends nothing. Safe runs are
 * copied in one piece. */
void buf_html(buf *b, const char *s)
{
	const char *p, *run;

	if (!s)
		return;
	for (p = run = s; *p; p++) {
		const char *rep;
		switch (*p) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default: continue;
		}
		buf_putn(b, run, (size_t)(p - run));
		buf_puts(b, rep);
		run = p + 1;
	}
	buf_putn(b, run, (size_t)(p - run));
}

void buf_csv(buf *b, const char *s)
{
	const char *p, *run;

	if (!s)
		return;
	const char *guard = csv_guard_needed(s) ? "'" : "";
	if (!strpbrk(s, ",\"\r\n")) {
		buf_puts(b, guard);
		buf_puts(b, s);
		return;
	}
	buf_putc(b, '"');
	buf_puts(b, guard);
	for (p = run = s; *p; p++)
		if (*p == '"') {
			buf_putn(b, run, (size_t)(p - run + 1));
			run = p; /* the quote is written again: doubled */
		}
	buf_puts(b, run);
	buf_putc(b, '"');
}

void buf_money(buf *b, int64_t fen)
{
	char out[24];
	money_format(fen, out);
	buf_puts(b, out);
}

/* Appends the decimal form of v, with a '-' when neg. Works on the
 * magnitude as unsigned so that INT64_MIN prints correctly. */
static void buf_put_u64(buf *b, unsigned long long v, int neg)
{
	char tmp[24];
	size_t i = sizeof tmp;
	do {
		tmp[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	if (neg)
		tmp[--i] = '-';
	buf_putn(b, tmp + i, sizeof tmp - i);
}

static void buf_put_i64(buf *b, long long v)
{
	unsigned long long mag = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	buf_put_u64(b, mag, v < 0);
}

void buf_int(buf *b, int64_t v)
{
	buf_put_i64(b, (long long)v);
}

/* Length modifier of one directive: none, l, ll or z. */
enum buf_len { LEN_NONE, LEN_L, LEN_LL, LEN_Z };

/* Handles %d / %u with the given length modifier. */
static void buf_fmt_int(buf *b, char conv, enum buf_len len, va_list *ap)
{
	if (conv == 'd') {
		long long v = len == LEN_LL ? va_arg(*ap, long long)
			: len == LEN_L ? va_arg(*ap, long) : va_arg(*ap, int);
		buf_put_i64(b, v);
	} else {
		unsigned long long v = len == LEN_LL ? va_arg(*ap, unsigned long long)
			: len == LEN_L ? va_arg(*ap, unsigned long)
			: len == LEN_Z ? va_arg(*ap, size_t) : va_arg(*ap, unsigned);
		buf_put_u64(b, v, 0);
	}
}

/* Handles one directive without a length modifier; returns 0 if unknown. */
static int buf_fmt_plain(buf *b, char conv, va_list *ap)
{
	switch (conv) {
	case 's': {
		const char *s = va_arg(*ap, const char *);
		buf_puts(b, s ? s : "(null)");
		return 1;
	}
	case 'c': buf_putc(b, (char)va_arg(*ap, int)); return 1;
	case '%': buf_putc(b, '%'); return 1;
	case 'j': buf_json(b, va_arg(*ap, const char *)); return 1;
	case 'h': buf_html(b, va_arg(*ap, const char *)); return 1;
	case 'm': buf_money(b, va_arg(*ap, int64_t)); return 1;
	case 'S': {
		buf *o = va_arg(*ap, buf *);
		buf_putn(b, o->p ? o->p : "", o->len);
		return 1;
	}
	default: return 0;
	}
}

/* The formatter. Literal runs are copied in one piece; an unknown or
 * unsupported directive (e.g. "%5d", "%zd") aborts, because format strings
 * are code, not input. va_list is passed by pointer (C11 7.16p3). */
void buf_vfmt(buf *b, const char *fmt, va_list ap)
{
	va_list aq;
	va_copy(aq, ap);
	const char *p = fmt;
	while (*p) {
		const char *pct = strchr(p, '%');
		if (!pct) {
			buf_puts(b, p);
			break;
		}
		buf_putn(b, p, (size_t)(pct - p));
		p = pct + 1;
		enum buf_len len = LEN_NONE;
		if (p[0] == 'l' && p[1] == 'l') {
			len = LEN_LL;
			p += 2;
		} else if (p[0] == 'l') {
			len = LEN_L;
			p++;
		} else if (p[0] == 'z') {
			len = LEN_Z;
			p++;
		}
		char conv = *p;
		if (conv == 'd' && len != LEN_Z)
			buf_fmt_int(b, conv, len, &aq);
		else if (conv == 'u')
			buf_fmt_int(b, conv, len, &aq);
		else if (len != LEN_NONE || !buf_fmt_plain(b, conv, &aq))
			buf_die("buf_fmt: bad directive in format string");
		p++;
	}
	va_end(aq);
	/* Make sure a buf that was formatted with "" is still a C string. */
	buf_reserve(b, 0);
	b->p[b->len] = '\0';
}

void buf_fmt(buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_vfmt(b, fmt, ap);
	va_end(ap);
}

const char *buf_str(buf *b)
{
	return b->p ? b->p : "";
}

/* Returns the string (a fresh "" when empty) and leaves b empty. */
char *buf_detach(buf *b)
{
	char *p = b->p ? b->p : xstrdup("");
	buf_init(b);
	return p;
}

int text_has_cjk(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0xE4 && (unsigned char)s[i] <= 0xE9)
			return 1;  /* the lead byte of U+4E00-U+9FFF */
	return 0;
}

size_t text_zh_len(const char *msg)
{
	size_t n = strlen(msg);
	const char *open = NULL;

	if (n < 2 || msg[n - 1] != ')')
		return n;
	for (const char *p = msg; (p = strstr(p, " (")); p++)
		open = p;  /* the last " (" */
	if (!open || !text_has_cjk(msg, (size_t)(open - msg)) ||
	    text_has_cjk(open, n - (size_t)(open - msg)))
		return n;
	return (size_t)(open - msg);
}
