/*
 * buf.h - the one growable byte buffer of anxin.
 *
 * Every string that is built up - SQL, response bodies, CSV lines, error
 * messages - is built in a buf. Escaping lives in the formatter, so the safe
 * call is the short one:
 *
 *   buf_fmt(b, "<td>%h</td>", name);       HTML-escaped
 *   buf_fmt(b, "{\"name\":%j}", name);     JSON string literal (NULL -> null)
 *   buf_fmt(b, "%m", (int64_t)123456);     money: fen -> "1234.56"
 *
 * Directives: %s %d %u %ld %lu %lld %llu %zu %c %% (as printf, no width or
 * precision), %j JSON string, %h HTML text, %m money in fen (int64_t),
 * %S a buf* appended raw. Allocation failure aborts: anxin treats it as a
 * broken invariant, never as bad input.
 */
#ifndef ANXIN_BUF_H
#define ANXIN_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

typedef struct buf {
	char *p;    /* always NUL-terminated once anything was written */
	size_t len; /* bytes used, excluding the terminator */
	size_t cap; /* bytes allocated */
} buf;

#define BUF_INIT {NULL, 0, 0}

void buf_init(buf *b);
void buf_free(buf *b);
void buf_reset(buf *b);
void buf_reserve(buf *b, size_t extra);
void buf_putn(buf *b, const char *s, size_t n);
void buf_puts(buf *b, const char *s);
void buf_putc(buf *b, char c);
void buf_fmt(buf *b, const char *fmt, ...);
/* The decimal form of v, as buf_fmt's %lld without the directive parsing
 * (a list page writes a thousand numbers). */
void buf_int(buf *b, int64_t v);
void buf_vfmt(buf *b, const char *fmt, va_list ap);
/* Appends s as a JSON string literal with quotes; NULL appends null. */
void buf_json(buf *b, const char *s);
/* Appends s with & < > " ' escaped for HTML text and attributes. */
void buf_html(buf *b, const char *s);
/* Appends s as one RFC 4180 CSV field: quoted (inner quotes doubled) only
 * when it holds a comma, a quote or a line end; NULL appends nothing. A
 * cell a spreadsheet would run as a formula (= + - @ tab CR, or a leading
 * single quote) gets a single quote in front (util/csv_guard.h). */
void buf_csv(buf *b, const char *s);
/* Appends fen as yuan with exactly two decimals, e.g. -5 -> "-0.05". */
void buf_money(buf *b, int64_t fen);
/* Returns the contents as a C string ("" when empty); stays owned by b. */
const char *buf_str(buf *b);

/* Whether the n bytes at s hold a CJK ideograph (U+4E00-U+9FFF). */
int text_has_cjk(const char *s, size_t n);
/* The length of the Chinese part of a message "中文 (english)": a trailing
 * " (…)" without Chinese after Chinese text is left out (the CLI and logs
 * keep both halves; a screen and the API's messages show Chinese only). */
size_t text_zh_len(const char *msg);
/* Hands the allocation to the caller (who frees it) and empties b. */
char *buf_detach(buf *b);

/* Checked allocation helpers shared by every module. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
