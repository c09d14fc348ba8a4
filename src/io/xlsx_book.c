/*
 * xlsx_book.c - loads the small parts of an XLSX file that the first
 * sheet's cells refer to (see xlsx_book.h): xl/workbook.xml,
 * xl/_rels/workbook.xml.rels, xl/styles.xml and xl/sharedStrings.xml.
 *
 * Owns the zip handle and the in-memory shared-string table (bounded by
 * XLSX_MAX_SST_BYTES and ROWSRC_MAX_FIELD_BYTES per string). Must not read
 * the worksheet itself: xlsx_reader.c streams it.
 */
#include "io/xlsx_book.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/rowsrc.h"
#include "io/xlsx_reader.h"

#define XLSX_MAX_XFS 65536

const char *xlsx_local(const char *name)
{
	const char *c = strrchr(name, ':');
	return c ? c + 1 : name;
}

const char *xlsx_attr(const char **atts, const char *local)
{
	for (size_t i = 0; atts[i]; i += 2)
		if (strcmp(xlsx_local(atts[i]), local) == 0)
			return atts[i + 1];
	return NULL;
}

void xlsx_abort(XML_Parser p, const char *msg)
{
	xlsx_ctx *ctx = XML_GetUserData(p);
	if (!ctx->failed) {
		ctx->failed = 1;
		snprintf(ctx->msg, sizeof ctx->msg, "%s", msg);
	}
	XML_StopParser(p, XML_FALSE);
}

/* Entity declarations never occur in XLSX; refusing them defuses entity
 * expansion attacks. */
static void xlsx_on_entity(void *arg, const XML_Char *name, int is_param,
			   const XML_Char *value, int len, const XML_Char *base,
			   const XML_Char *sys, const XML_Char *pub,
			   const XML_Char *notation)
{
	xlsx_abort(arg, "XML entity declarations are not allowed");
}

XML_Parser xlsx_parser_new(void *ud)
{
	XML_Parser p = XML_ParserCreate("UTF-8");
	if (!p) {
		fprintf(stderr, "anxin: out of memory\n");
		abort();
	}
	XML_SetUserData(p, ud);
	XML_UseParserAsHandlerArg(p);
	XML_SetEntityDeclHandler(p, xlsx_on_entity);
	return p;
}

/* Parses zip entry `part` with p from start to end. Returns 1 when done,
 * 0 when the entry does not exist, -1 with a message in err. */
static int xlsx_parse_part(zip_t *za, const char *part, XML_Parser p,
			   const char *name, char *err, size_t errlen)
{
	xlsx_ctx *ctx = XML_GetUserData(p);
	zip_file_t *zf = NULL;
	int rc = -1;
	zip_int64_t idx = zip_name_locate(za, part, ZIP_FL_NOCASE);

	if (idx < 0)
		return 0;
	zf = zip_fopen_index(za, (zip_uint64_t)idx, 0);
	if (!zf) {
		snprintf(err, errlen, "%s: cannot read %s: %s", name, part,
			 zip_strerror(za));
		goto out;
	}
	for (;;) {
		void *b = XML_GetBuffer(p, XLSX_CHUNK);
		if (!b) {
			snprintf(err, errlen, "%s: out of memory", name);
			goto out;
		}
		zip_int64_t n = zip_fread(zf, b, XLSX_CHUNK);
		if (n < 0) {
			snprintf(err, errlen, "%s: cannot read %s: %s", name,
				 part, zip_file_strerror(zf));
			goto out;
		}
		if (XML_ParseBuffer(p, (int)n, n == 0) != XML_STATUS_OK) {
			if (ctx->failed)
				snprintf(err, errlen, "%s: %s: %s", name, part,
					 ctx->msg);
			else
				snprintf(err, errlen,
					 "%s: malformed XML in %s (line %lu: "
					 "%s)", name, part,
					 (unsigned long)XML_GetCurrentLineNumber(p),
					 XML_ErrorString(XML_GetErrorCode(p)));
			goto out;
		}
		if (n == 0)
			break;
	}
	rc = 1;
out:
	if (zf)
		zip_fclose(zf);
	return rc;
}

/* ---- xl/workbook.xml: the first sheet's relationship id, date1904 ---- */

typedef struct wb_ctx {
	xlsx_ctx ctx;
	char *rid;
	int seen_sheet;
	int date1904;
} wb_ctx;

static void wb_start(void *arg, const XML_Char *el, const XML_Char **atts)
{
	wb_ctx *w = XML_GetUserData(arg);
	const char *local = xlsx_local(el), *v;

	if (strcmp(local, "sheet") == 0 && !w->seen_sheet) {
		w->seen_sheet = 1;
		v = xlsx_attr(atts, "id");
		if (v)
			w->rid = xstrdup(v);
	} else if (strcmp(local, "workbookPr") == 0) {
		v = xlsx_attr(atts, "date1904");
		w->date1904 = v && (strcmp(v, "1") == 0 ||
				    strcmp(v, "true") == 0);
	}
}

/* ---- xl/_rels/workbook.xml.rels: the sheet's part name ---- */

typedef struct rel_ctx {
	xlsx_ctx ctx;
	const char *rid;
	char *target;
} rel_ctx;

static void rel_start(void *arg, const XML_Char *el, const XML_Char **atts)
{
	rel_ctx *r = XML_GetUserData(arg);
	const char *id = xlsx_attr(atts, "Id"), *t = xlsx_attr(atts, "Target");

	if (strcmp(xlsx_local(el), "Relationship") == 0 && !r->target && id &&
	    t && strcmp(id, r->rid) == 0)
		r->target = xstrdup(t);
}

/* Resolves a relationship target against "xl/": "/xl/a.xml" -> "xl/a.xml",
 * "worksheets/s.xml" -> "xl/worksheets/s.xml", "../x.xml" -> "x.xml". */
static char *xlsx_resolve(const char *target)
{
	buf b = BUF_INIT;

	if (target[0] == '/') {
		buf_puts(&b, target + 1);
		return buf_detach(&b);
	}
	buf_puts(&b, "xl/");
	while (strncmp(target, "../", 3) == 0 || strncmp(target, "./", 2) == 0) {
		if (target[1] == '/') {
			target += 2;
			continue;
		}
		target += 3;
		if (b.len > 0) {	/* drop the last directory */
			b.len--;
			while (b.len > 0 && b.p[b.len - 1] != '/')
				b.len--;
			b.p[b.len] = '\0';
		}
	}
	buf_puts(&b, target);
	return buf_detach(&b);
}

/* ---- xl/styles.xml: which cellXfs entries are date formats ---- */

typedef struct sty_ctx {
	xlsx_ctx ctx;
	int in_cellxfs;
	long *xf_fmt;		/* numFmtId per cellXfs entry */
	size_t xf_n, xf_cap;
	long *fmt_id;		/* custom numFmts: id and is-date */
	unsigned char *fmt_date;
	size_t fmt_n, fmt_cap;
} sty_ctx;

static void sty_start(void *arg, const XML_Char *el, const XML_Char **atts)
{
	sty_ctx *s = XML_GetUserData(arg);
	const char *local = xlsx_local(el);

	if (strcmp(local, "cellXfs") == 0) {
		s->in_cellxfs = 1;
	} else if (strcmp(local, "xf") == 0 && s->in_cellxfs) {
		const char *v = xlsx_attr(atts, "numFmtId");
		if (s->xf_n >= XLSX_MAX_XFS) {
			xlsx_abort(arg, "too many cell styles");
			return;
		}
		if (s->xf_n == s->xf_cap) {
			s->xf_cap = s->xf_cap ? 2 * s->xf_cap : 64;
			s->xf_fmt = xrealloc(s->xf_fmt,
					     s->xf_cap * sizeof *s->xf_fmt);
		}
		s->xf_fmt[s->xf_n++] = v ? strtol(v, NULL, 10) : 0;
	} else if (strcmp(local, "numFmt") == 0) {
		const char *id = xlsx_attr(atts, "numFmtId");
		const char *code = xlsx_attr(atts, "formatCode");
		if (!id || !code)
			return;
		if (s->fmt_n >= XLSX_MAX_XFS) {
			xlsx_abort(arg, "too many number formats");
			return;
		}
		if (s->fmt_n == s->fmt_cap) {
			s->fmt_cap = s->fmt_cap ? 2 * s->fmt_cap : 16;
			s->fmt_id = xrealloc(s->fmt_id,
					     s->fmt_cap * sizeof *s->fmt_id);
			s->fmt_date = xrealloc(s->fmt_date, s->fmt_cap);
		}
		s->fmt_id[s->fmt_n] = strtol(id, NULL, 10);
		s->fmt_date[s->fmt_n++] = (unsigned char)xlsx_format_is_date(code);
	}
}

static void sty_end(void *arg, const XML_Char *el)
{
	sty_ctx *s = XML_GetUserData(arg);
	if (strcmp(xlsx_local(el), "cellXfs") == 0)
		s->in_cellxfs = 0;
}

int xlsx_format_is_date(const char *code)
{
	for (const char *c = code; *c; c++) {
		switch (*c) {
		case '"':
			c = strchr(c + 1, '"');
			if (!c)
				return 0;
			break;
		case '[':
			c = strchr(c + 1, ']');
			if (!c)
				return 0;
			break;
		case '\\':
		case '_':
		case '*':
			if (!c[1])
				return 0;
			c++;
			break;
		default:
			if (strchr("yYmMdDhHsS", *c))
				return 1;
		}
	}
	return 0;
}

/* Built-in number formats that Excel renders as dates or times. */
static int xlsx_builtin_is_date(long id)
{
	return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) ||
	       (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/* Fills b->xf_date from the parsed styles: a custom numFmt with the same
 * id overrides the built-in meaning. */
static void sty_resolve(xlsx_book *b, const sty_ctx *s)
{
	b->xf_n = s->xf_n;
	b->xf_date = xcalloc(s->xf_n ? s->xf_n : 1, 1);
	for (size_t i = 0; i < s->xf_n; i++) {
		long id = s->xf_fmt[i];
		int date = xlsx_builtin_is_date(id);
		for (size_t k = 0; k < s->fmt_n; k++)
			if (s->fmt_id[k] == id)
				date = s->fmt_date[k];
		b->xf_date[i] = (unsigned char)date;
	}
}

/* ---- xl/sharedStrings.xml: <si> texts, runs concatenated ---- */

typedef struct sst_ctx {
	xlsx_ctx ctx;
	xlsx_book *b;
	int in_si, in_t, in_rph;
	size_t start;		/* arena offset of the current string */
} sst_ctx;

static void sst_start(void *arg, const XML_Char *el, const XML_Char **atts)
{
	sst_ctx *s = XML_GetUserData(arg);
	const char *local = xlsx_local(el);

	if (strcmp(local, "si") == 0) {
		s->in_si = 1;
		s->start = s->b->sst.len;
	} else if (strcmp(local, "rPh") == 0) {
		s->in_rph++;	/* phonetic guide: not part of the value */
	} else if (strcmp(local, "t") == 0 && s->in_si && !s->in_rph) {
		s->in_t = 1;
	}
}

static void sst_text(void *arg, const XML_Char *txt, int len)
{
	sst_ctx *s = XML_GetUserData(arg);
	if (!s->in_t)
		return;
	if (s->b->sst.len - s->start + (size_t)len > ROWSRC_MAX_FIELD_BYTES) {
		xlsx_abort(arg, "a shared string is longer than 65536 bytes");
		return;
	}
	if (s->b->sst.len + (size_t)len > (size_t)XLSX_MAX_SST_BYTES) {
		xlsx_abort(arg, "shared-string table too large");
		return;
	}
	buf_putn(&s->b->sst, txt, (size_t)len);
}

static void sst_end(void *arg, const XML_Char *el)
{
	sst_ctx *s = XML_GetUserData(arg);
	xlsx_book *b = s->b;
	const char *local = xlsx_local(el);

	if (strcmp(local, "t") == 0) {
		s->in_t = 0;
	} else if (strcmp(local, "rPh") == 0) {
		if (s->in_rph)
			s->in_rph--;
	} else if (strcmp(local, "si") == 0 && s->in_si) {
		s->in_si = 0;
		buf_putn(&b->sst, "", 1);
		if (b->sst_n == b->sst_cap) {
			b->sst_cap = b->sst_cap ? 2 * b->sst_cap : 256;
			b->sst_ofs = xrealloc(b->sst_ofs,
					      b->sst_cap * sizeof *b->sst_ofs);
		}
		b->sst_ofs[b->sst_n++] = s->start;
	}
}

/* Finds the first sheet's part name into b->sheet_path. Returns 0 or -1. */
static int book_find_sheet(xlsx_book *b, const char *name, char *err,
			   size_t errlen)
{
	wb_ctx w = {0};
	rel_ctx r = {0};
	XML_Parser p = xlsx_parser_new(&w), q = NULL;
	int rc = -1, got;

	XML_SetStartElementHandler(p, wb_start);
	got = xlsx_parse_part(b->za, "xl/workbook.xml", p, name, err, errlen);
	if (got < 0)
		goto out;
	if (got == 0) {
		snprintf(err, errlen,
			 "%s: not an XLSX workbook (no xl/workbook.xml)", name);
		goto out;
	}
	b->date1904 = w.date1904;
	if (w.rid) {
		r.rid = w.rid;
		q = xlsx_parser_new(&r);
		XML_SetStartElementHandler(q, rel_start);
		if (xlsx_parse_part(b->za, "xl/_rels/workbook.xml.rels", q,
				    name, err, errlen) < 0)
			goto out;
	}
	b->sheet_path = r.target ? xlsx_resolve(r.target)
				 : xstrdup("xl/worksheets/sheet1.xml");
	rc = 0;
out:
	XML_ParserFree(p);
	if (q)
		XML_ParserFree(q);
	free(w.rid);
	free(r.target);
	return rc;
}

int xlsx_book_load(xlsx_book *b, const char *path, const char *name,
		   char *err, size_t errlen)
{
	sty_ctx s = {0};
	sst_ctx t = {0};
	XML_Parser p = NULL, q = NULL;
	int rc = -1, zerr = 0;

	buf_init(&b->sst);
	b->za = zip_open(path, ZIP_RDONLY, &zerr);
	if (!b->za) {
		zip_error_t ze;
		zip_error_init_with_code(&ze, zerr);
		snprintf(err, errlen, "%s: not a readable XLSX file: %s", name,
			 zip_error_strerror(&ze));
		zip_error_fini(&ze);
		goto out;
	}
	if (book_find_sheet(b, name, err, errlen) != 0)
		goto out;
	p = xlsx_parser_new(&s);
	XML_SetElementHandler(p, sty_start, sty_end);
	if (xlsx_parse_part(b->za, "xl/styles.xml", p, name, err, errlen) < 0)
		goto out;
	sty_resolve(b, &s);
	t.b = b;
	q = xlsx_parser_new(&t);
	XML_SetElementHandler(q, sst_start, sst_end);
	XML_SetCharacterDataHandler(q, sst_text);
	if (xlsx_parse_part(b->za, "xl/sharedStrings.xml", q, name, err,
			    errlen) < 0)
		goto out;
	rc = 0;
out:
	if (p)
		XML_ParserFree(p);
	if (q)
		XML_ParserFree(q);
	free(s.xf_fmt);
	free(s.fmt_id);
	free(s.fmt_date);
	return rc;
}

void xlsx_book_free(xlsx_book *b)
{
	if (b->za)
		zip_discard(b->za);
	free(b->sheet_path);
	buf_free(&b->sst);
	free(b->sst_ofs);
	free(b->xf_date);
	memset(b, 0, sizeof *b);
}

const char *xlsx_book_sst(const xlsx_book *b, unsigned long idx)
{
	return idx < b->sst_n ? b->sst.p + b->sst_ofs[idx] : NULL;
}

int xlsx_book_is_date_style(const xlsx_book *b, long s)
{
	return s >= 0 && (size_t)s < b->xf_n && b->xf_date[s];
}
