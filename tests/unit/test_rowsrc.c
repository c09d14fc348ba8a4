/*
 * test_rowsrc.c - unit tests of src/io (rowsrc, csv_reader, encoding,
 * xlsx_book, xlsx_reader).
 *
 * Every test writes its input file at test time (CSV bytes literally;
 * XLSX with libxlsxwriter, or by hand with libzip when the XML itself is
 * under test) and asserts what rowsrc hands back, row numbers included.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

#include "io/encoding.h"
#include "io/rowsrc.h"
#include "io/xlsx_reader.h"
#include "util/buf.h"

/* Creates an empty temp file; returns its malloc'd path. */
static char *tmp_path(const char *suffix)
{
	char *p = xmalloc(64);
	snprintf(p, 64, "/tmp/rowsrc-test-XXXXXX%s", suffix);
	int fd = mkstemps(p, (int)strlen(suffix));
	cr_assert(fd >= 0);
	close(fd);
	return p;
}

/* Writes n bytes to a new temp file; returns its malloc'd path. */
static char *write_tmp(const void *data, size_t n)
{
	char *p = tmp_path(".csv");
	FILE *f = fopen(p, "wb");
	cr_assert(f);
	cr_assert_eq(fwrite(data, 1, n, f), n);
	fclose(f);
	return p;
}

/* Drains path into "row:f1|f2\n" lines, then "END" or "ERR:<message>"
 * followed by "\n@<rowsrc_row() after the error>".
 * *enc (if given) receives a copy of the encoding name. */
static char *dump(const char *path, char **enc)
{
	buf b = BUF_INIT;
	char err[512];
	char **f;
	size_t n;
	int rc;
	rowsrc *rs = rowsrc_open(path, err, sizeof err);

	if (!rs) {
		buf_fmt(&b, "OPEN:%s", err);
		return buf_detach(&b);
	}
	if (enc)
		*enc = xstrdup(rowsrc_encoding(rs));
	while ((rc = rowsrc_next(rs, &f, &n, err, sizeof err)) == 1) {
		buf_fmt(&b, "%ld:", rowsrc_row(rs));
		for (size_t i = 0; i < n; i++) {
			if (i)
				buf_putc(&b, '|');
			buf_puts(&b, f[i]);
		}
		buf_putc(&b, '\n');
	}
	if (rc == 0)
		buf_puts(&b, "END");
	else
		buf_fmt(&b, "ERR:%s\n@%ld", err, rowsrc_row(rs));
	rowsrc_close(rs);
	return buf_detach(&b);
}

/* dump() of literal CSV bytes; the temp file is removed. */
static char *dump_csv(const char *data, size_t n, char **enc)
{
	char *p = write_tmp(data, n);
	char *out = dump(p, enc);
	unlink(p);
	free(p);
	return out;
}

#define DUMP(lit) dump_csv(lit, sizeof lit - 1, NULL)

/* ------------------------------------------------------------------ CSV */

Test(csv, quoting_commas_quotes_newlines)
{
	char *s = DUMP("a,b,c\n"
		       "\"x,1\",\"he said \"\"hi\"\"\",\"line1\nline2\"\n"
		       "last,,3\n");
	cr_assert_str_eq(s, "1:a|b|c\n"
			    "2:x,1|he said \"hi\"|line1\nline2\n"
			    "3:last||3\n"
			    "END");
	free(s);
}

Test(csv, crlf_and_embedded_crlf)
{
	char *s = DUMP("a,b\r\n1,\"x\r\ny\"\r\n2,3\r\n\r\n");
	cr_assert_str_eq(s, "1:a|b\n2:1|x\r\ny\n3:2|3\nEND");
	free(s);
}

Test(csv, no_final_newline_and_spaces_kept)
{
	char *s = DUMP("a,b\n x , y ");
	cr_assert_str_eq(s, "1:a|b\n2: x | y \nEND");
	free(s);
}

Test(csv, bom_stripped_and_reported)
{
	char *enc = NULL;
	const char data[] = "\xEF\xBB\xBF名字,b\n张三,1\n";
	char *s = dump_csv(data, sizeof data - 1, &enc);
	cr_assert_str_eq(s, "1:名字|b\n2:张三|1\nEND");
	cr_assert_str_eq(enc, "UTF-8 (BOM)");
	free(s);
	free(enc);
}

Test(csv, plain_utf8_reported)
{
	char *enc = NULL;
	const char data[] = "名字\n张三\n";
	char *s = dump_csv(data, sizeof data - 1, &enc);
	cr_assert_str_eq(s, "1:名字\n2:张三\nEND");
	cr_assert_str_eq(enc, "UTF-8");
	free(s);
	free(enc);
}

Test(csv, gb18030_decoded)
{
	char *enc = NULL;
	/* "姓名,金额\n张三,1.5\n" in GB18030 */
	const char data[] = "\xD0\xD5\xC3\xFB,\xBD\xF0\xB6\xEE\n"
			    "\xD5\xC5\xC8\xFD,1.5\n";
	char *s = dump_csv(data, sizeof data - 1, &enc);
	cr_assert_str_eq(s, "1:姓名|金额\n2:张三|1.5\nEND");
	cr_assert_str_eq(enc, "GB18030");
	free(s);
	free(enc);
}

/* Rows of one GB18030 character sequence after a header padded by pad
 * bytes, so that for some pad a character straddles every possible offset
 * of the CSV_ENC_CHUNK boundary. Every row must decode intact. */
static void check_straddle(const char *gb, const char *utf8, int pad)
{
	buf in = BUF_INIT, want = BUF_INIT;
	int rows = 0;

	buf_puts(&in, "n");
	for (int i = 0; i < pad; i++)
		buf_putc(&in, 'x');
	buf_putc(&in, '\n');
	buf_fmt(&want, "1:n%s\n", in.p + 1);
	want.len--;	/* the header line carries the '\n' already */
	want.p[want.len] = '\0';
	while (in.len < 3 * CSV_ENC_CHUNK) {
		buf_puts(&in, gb);
		buf_putc(&in, '\n');
		buf_fmt(&want, "%d:%s\n", rows + 2, utf8);
		rows++;
	}
	buf_puts(&want, "END");
	char *enc = NULL;
	char *s = dump_csv(in.p, in.len, &enc);
	cr_assert_str_eq(enc, "GB18030");
	cr_assert(strcmp(s, want.p) == 0, "pad %d: output differs", pad);
	free(s);
	free(enc);
	buf_free(&in);
	buf_free(&want);
}

Test(csv, gb18030_straddles_chunk_boundary)
{
	/* 2-byte (张三) and 4-byte (U+20000 𠀀 = 95 32 82 36) sequences;
	 * a row is 5 bytes, so pads 0..4 hit every boundary offset. */
	for (int pad = 0; pad < 5; pad++) {
		check_straddle("\xD5\xC5\xC8\xFD", "张三", pad);
		check_straddle("\x95\x32\x82\x36", "\xF0\xA0\x80\x80", pad);
	}
}

Test(csv, trailing_blank_lines_ignored)
{
	char *s = DUMP("a,b\n1,2\n\n\r\n,,\n\n");
	cr_assert_str_eq(s, "1:a|b\n2:1|2\nEND");
	free(s);
}

Test(csv, middle_blank_line_is_a_row)
{
	char *s = DUMP("a\n\n\n3\n");
	cr_assert_str_eq(s, "1:a\n2:\n3:\n4:3\nEND");
	free(s);
}

Test(csv, only_blank_lines_is_empty)
{
	char *s = DUMP("\n\r\n\n");
	cr_assert_str_eq(s, "END");
	free(s);
}

Test(csv, unterminated_quote_names_file_and_row)
{
	char *s = DUMP("a,b\n1,2\n3,\"x\n4,5\n");
	cr_assert(strstr(s, "1:a|b\n2:1|2\nERR:rowsrc-test-") == s, "%s", s);
	cr_assert(strstr(s, ".csv: row 3: unterminated quoted field"), "%s", s);
	free(s);
}

Test(csv, malformed_quote_mid_file)
{
	char *s = DUMP("a\n\"ok\"\n\"x\"y\nz\n");
	cr_assert(strstr(s, "1:a\n2:ok\nERR:"), "%s", s);
	cr_assert(strstr(s, ": row 3: malformed quoting"), "%s", s);
	cr_assert(strstr(s, "\n@3"), "%s", s);
	free(s);
}

Test(csv, multiline_record_counts_once_before_error)
{
	char *s = DUMP("a\n\"1\n2\n3\"\nb\"c\n");
	cr_assert(strstr(s, "1:a\n2:1\n2\n3\nERR:"), "%s", s);
	cr_assert(strstr(s, ": row 3: malformed"), "%s", s);
	cr_assert(strstr(s, "\n@3"), "%s", s);
	free(s);
}

Test(csv, field_too_long)
{
	size_t n = ROWSRC_MAX_FIELD_BYTES + 10;
	char *data = xmalloc(n + 8);
	memcpy(data, "a\nok\n", 5);
	memset(data + 5, 'x', n);
	data[5 + n] = '\n';
	char *s = dump_csv(data, n + 6, NULL);
	cr_assert(strstr(s, "1:a\n2:ok\nERR:"), "%.40s", s);
	cr_assert(strstr(s, ": row 3: ") && strstr(s, "longer than 65536"),
		  "%.200s", s);
	free(s);
	free(data);
}

Test(csv, field_at_limit_ok)
{
	size_t n = ROWSRC_MAX_FIELD_BYTES;
	char *data = xmalloc(n + 8);
	memcpy(data, "a\n", 2);
	memset(data + 2, 'x', n);
	data[2 + n] = '\n';
	char *p = write_tmp(data, n + 3);
	char err[256], **f;
	size_t nf;
	rowsrc *rs = rowsrc_open(p, err, sizeof err);
	cr_assert(rs, "%s", err);
	cr_assert_eq(rowsrc_next(rs, &f, &nf, err, sizeof err), 1);
	cr_assert_eq(rowsrc_next(rs, &f, &nf, err, sizeof err), 1, "%s", err);
	cr_assert_eq(strlen(f[0]), n);
	cr_assert_eq(rowsrc_next(rs, &f, &nf, err, sizeof err), 0);
	rowsrc_close(rs);
	unlink(p);
	free(p);
	free(data);
}

Test(csv, too_many_fields)
{
	buf b = BUF_INIT;
	buf_puts(&b, "a\n");
	for (int i = 0; i < ROWSRC_MAX_FIELDS; i++)
		buf_putc(&b, ',');
	buf_putc(&b, '\n');
	char *s = dump_csv(b.p, b.len, NULL);
	cr_assert(strstr(s, ": row 2: more than 1000 fields"), "%s", s);
	free(s);
	buf_free(&b);
}

Test(csv, thousand_fields_ok)
{
	buf b = BUF_INIT;
	for (int i = 0; i < ROWSRC_MAX_FIELDS - 1; i++)
		buf_putc(&b, ',');
	buf_puts(&b, "z\n");
	char *p = write_tmp(b.p, b.len);
	char err[256], **f;
	size_t n;
	rowsrc *rs = rowsrc_open(p, err, sizeof err);
	cr_assert(rs);
	cr_assert_eq(rowsrc_next(rs, &f, &n, err, sizeof err), 1, "%s", err);
	cr_assert_eq(n, ROWSRC_MAX_FIELDS);
	cr_assert_str_eq(f[n - 1], "z");
	rowsrc_close(rs);
	unlink(p);
	free(p);
	buf_free(&b);
}

Test(csv, invalid_in_both_encodings_is_error)
{
	/* 0x80 is neither UTF-8 nor a GB18030 lead byte. */
	char *s = DUMP("a\nb\n\x80\n");
	cr_assert(strstr(s, "1:a\n2:b\nERR:"), "%s", s);
	cr_assert(strstr(s, "row 3: invalid GB18030 byte sequence at byte 4"),
		  "%s", s);
	free(s);
}

Test(csv, truncated_gb18030_at_eof)
{
	char *s = DUMP("a\n\xD5\xC5\xC8");
	cr_assert(strstr(s, "ERR:") && strstr(s, "inside a GB18030"), "%s",
		  s);
	free(s);
}

Test(csv, bom_then_invalid_utf8_refused)
{
	char *s = DUMP("\xEF\xBB\xBF"
		       "a\n\xD5\xC5\n");
	cr_assert(strstr(s, "OPEN:") && strstr(s, "invalid UTF-8"), "%s", s);
	free(s);
}

Test(csv, utf16_refused)
{
	char *s = DUMP("\xFF\xFE"
		       "a\0\n\0");
	cr_assert(strstr(s, "OPEN:") && strstr(s, "UTF-16"), "%s", s);
	free(s);
}

Test(csv, nul_byte_refused)
{
	char *s = DUMP("a\nx\0y\n");
	cr_assert(strstr(s, "row 2: field 1 contains a NUL byte"), "%s", s);
	free(s);
}

Test(csv, missing_file_named)
{
	char *s = dump("/nonexistent/dir/payroll.csv", NULL);
	cr_assert(strstr(s, "OPEN:payroll.csv: cannot open"), "%s", s);
	free(s);
}

Test(csv, display_name_and_progress)
{
	const char data[] = "a,b\n1,2\n";
	char *p = write_tmp(data, sizeof data - 1);
	char err[256], **f;
	size_t n;
	long long done, total;
	rowsrc *rs = rowsrc_open_named(p, "工资表.csv", err, sizeof err);
	cr_assert(rs);
	cr_assert_eq(rowsrc_format(rs), RS_CSV);
	rowsrc_progress(rs, &done, &total);
	cr_assert_eq(done, 0);
	cr_assert_eq(total, (long long)sizeof data - 1);
	while (rowsrc_next(rs, &f, &n, err, sizeof err) == 1)
		;
	rowsrc_progress(rs, &done, &total);
	cr_assert_eq(done, total);
	rowsrc_close(rs);
	unlink(p);
	free(p);

	p = write_tmp("a\n\"x\n", 5);
	rs = rowsrc_open_named(p, "工资表.csv", err, sizeof err);
	cr_assert_eq(rowsrc_next(rs, &f, &n, err, sizeof err), 1);
	cr_assert_eq(rowsrc_next(rs, &f, &n, err, sizeof err), -1);
	const char *want = "工资表.csv: row 2: unterminated";
	cr_assert(strncmp(err, want, strlen(want)) == 0, "%s", err);
	cr_assert_eq(rowsrc_row(rs), 2);
	/* errors are sticky */
	cr_assert_eq(rowsrc_next(rs, &f, &n, err, sizeof err), -1);
	rowsrc_close(rs);
	unlink(p);
	free(p);
}

Test(csv, many_rows_across_pieces)
{
	buf in = BUF_INIT;
	buf_puts(&in, "id,name\n");
	for (int i = 0; i < 50000; i++)
		buf_fmt(&in, "%d,\"n,%d\"\r\n", i, i);
	char *p = write_tmp(in.p, in.len);
	char err[256], **f;
	size_t n;
	rowsrc *rs = rowsrc_open(p, err, sizeof err);
	cr_assert(rs);
	cr_assert_eq(rowsrc_next(rs, &f, &n, err, sizeof err), 1);
	for (int i = 0; i < 50000; i++) {
		char want[32];
		cr_assert_eq(rowsrc_next(rs, &f, &n, err, sizeof err), 1);
		cr_assert_eq(rowsrc_row(rs), i + 2);
		cr_assert_eq(n, 2);
		snprintf(want, sizeof want, "n,%d", i);
		cr_assert_str_eq(f[1], want);
	}
	cr_assert_eq(rowsrc_next(rs, &f, &n, err, sizeof err), 0);
	rowsrc_close(rs);
	unlink(p);
	free(p);
	buf_free(&in);
}

Test(encoding, utf8_validator)
{
	csv_utf8_state s = {0, 0x80, 0xBF};
	const unsigned char zh[] = "张三";
	/* split inside a character, fed in two calls */
	cr_assert(csv_utf8_feed(&s, zh, 2));
	cr_assert(!csv_utf8_done(&s));
	cr_assert(csv_utf8_feed(&s, zh + 2, 4));
	cr_assert(csv_utf8_done(&s));

	const char *bad[] = {"\xC0\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80",
			     "\xE0\x80\x80", "\x80", "\xF5\x80\x80\x80"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		csv_utf8_state t = {0, 0x80, 0xBF};
		cr_assert(!csv_utf8_feed(&t, (const unsigned char *)bad[i],
					 strlen(bad[i])),
			  "case %zu", i);
	}
	csv_utf8_state u = {0, 0x80, 0xBF};
	cr_assert(csv_utf8_feed(&u, (const unsigned char *)"\xF0\x90\x80\x80"
				    "\xEF\xBF\xBF", 7));
	cr_assert(csv_utf8_done(&u));
}

/* ----------------------------------------------------------------- XLSX */

Test(xlsx, format_codes)
{
	cr_assert(xlsx_format_is_date("yyyy-mm-dd"));
	cr_assert(xlsx_format_is_date("yyyy\"年\"m\"月\"d\"日\""));
	cr_assert(xlsx_format_is_date("[$-F800]dddd"));
	cr_assert(xlsx_format_is_date("h:mm"));
	cr_assert(!xlsx_format_is_date("0.00"));
	cr_assert(!xlsx_format_is_date("General"));
	cr_assert(!xlsx_format_is_date("0.00\"days\""));
	cr_assert(!xlsx_format_is_date("[Red]0.00;\\d0"));
	cr_assert(!xlsx_format_is_date("#,##0_);[Red](#,##0)"));
	cr_assert(!xlsx_format_is_date("\"unterminated"));
}

/* Writes the workbook used by the libxlsxwriter tests. */
static void write_book(const char *path, int constant_memory)
{
	lxw_workbook_options opt = {.constant_memory = constant_memory};
	lxw_workbook *wb = workbook_new_opt(path, &opt);
	lxw_worksheet *ws = workbook_add_worksheet(wb, "工资");
	lxw_format *iso = workbook_add_format(wb);
	lxw_format *cn = workbook_add_format(wb);
	lxw_format *b14 = workbook_add_format(wb);
	lxw_format *money = workbook_add_format(wb);
	lxw_format *red = workbook_add_format(wb);
	lxw_format *fill = workbook_add_format(wb);
	format_set_num_format(iso, "yyyy-mm-dd");
	format_set_num_format(cn, "yyyy\"年\"m\"月\"d\"日\"");
	format_set_num_format_index(b14, 14);
	format_set_num_format(money, "0.00");
	format_set_font_color(red, LXW_COLOR_RED);
	format_set_bg_color(fill, LXW_COLOR_YELLOW);

	const char *hdr[] = {"name", "amount", "date", "flag", "note", "end"};
	for (int c = 0; c < 6; c++)
		worksheet_write_string(ws, 0, (lxw_col_t)c, hdr[c], NULL);

	worksheet_write_string(ws, 1, 0, "张三", NULL);
	worksheet_write_number(ws, 1, 1, 1234.5, money);
	worksheet_write_number(ws, 1, 2, 45352, iso);	/* 2024-03-01 */
	worksheet_write_boolean(ws, 1, 3, 1, NULL);
	/* column 4 (note) missing */
	worksheet_write_string(ws, 1, 5, "x", NULL);

	worksheet_write_string(ws, 2, 0, "张三", NULL);	/* shared again */
	worksheet_write_number(ws, 2, 1, 7, NULL);
	lxw_datetime dt = {2023, 12, 31, 0, 0, 0};
	worksheet_write_datetime(ws, 2, 2, &dt, cn);
	worksheet_write_boolean(ws, 2, 3, 0, NULL);
	worksheet_write_formula_str(ws, 2, 4, "=\"a\"&\"b\"", NULL, "ab");

	/* rows 4-5 (1-based) are a gap */
	lxw_rich_string_tuple f1 = {red, "红色"}, f2 = {NULL, "黑色"};
	lxw_rich_string_tuple *rich[] = {&f1, &f2, NULL};
	worksheet_write_rich_string(ws, 5, 0, rich, NULL);
	worksheet_write_number(ws, 5, 2, 45000.75, b14);	/* 2023-03-15 */

	/* a styled but empty row at the end */
	worksheet_write_blank(ws, 9, 0, fill);
	worksheet_write_blank(ws, 9, 3, fill);
	cr_assert_eq(workbook_close(wb), LXW_NO_ERROR);
}

static const char BOOK_ROWS[] =
	"1:name|amount|date|flag|note|end\n"
	"2:张三|1234.5|2024-03-01|1||x\n"
	"3:张三|7|2023-12-31|0|ab|\n"
	"6:红色黑色||2023-03-15|||\n"
	"END";

Test(xlsx, libxlsxwriter_shared_strings)
{
	char *p = tmp_path(".xlsx"), *enc = NULL;
	write_book(p, 0);
	char *s = dump(p, &enc);
	cr_assert_str_eq(s, BOOK_ROWS);
	cr_assert_str_eq(enc, "XLSX");
	free(s);
	free(enc);
	unlink(p);
	free(p);
}

Test(xlsx, libxlsxwriter_inline_strings)
{
	char *p = tmp_path(".xlsx");
	write_book(p, 1);	/* constant_memory writes inline strings */
	char *s = dump(p, NULL);
	cr_assert_str_eq(s, BOOK_ROWS);
	free(s);
	unlink(p);
	free(p);
}

Test(xlsx, progress_and_format)
{
	char *p = tmp_path(".xlsx"), err[256], **f;
	size_t n;
	long long done, total;
	write_book(p, 0);
	rowsrc *rs = rowsrc_open(p, err, sizeof err);
	cr_assert(rs, "%s", err);
	cr_assert_eq(rowsrc_format(rs), RS_XLSX);
	while (rowsrc_next(rs, &f, &n, err, sizeof err) == 1)
		;
	rowsrc_progress(rs, &done, &total);
	cr_assert(total > 0);
	cr_assert_eq(done, total);
	rowsrc_close(rs);
	unlink(p);
	free(p);
}

static const char CT[] =
	"<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats."
	"org/package/2006/content-types\"/>";
static const char RELS[] =
	"<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas."
	"openxmlformats.org/package/2006/relationships\"><Relationship Id=\""
	"rId7\" Type=\"worksheet\" Target=\"/xl/worksheets/data.xml\"/>"
	"</Relationships>";

/* Builds an XLSX by hand: workbook (with the 1904 flag if asked), its
 * rels pointing the first sheet at xl/worksheets/data.xml, and the given
 * styles, shared strings (NULL = part absent) and sheet XML. */
static char *hand_xlsx(int date1904, const char *styles, const char *sst,
		       const char *sheet)
{
	char *p = tmp_path(".xlsx");
	char wbxml[512];
	int e;
	snprintf(wbxml, sizeof wbxml,
		 "<?xml version=\"1.0\"?><x:workbook xmlns:x=\"urn:main\" "
		 "xmlns:r=\"urn:rel\"><x:workbookPr date1904=\"%s\"/>"
		 "<x:sheets><x:sheet name=\"A\" sheetId=\"1\" r:id=\"rId7\"/>"
		 "<x:sheet name=\"B\" sheetId=\"2\" r:id=\"rId8\"/>"
		 "</x:sheets></x:workbook>",
		 date1904 ? "1" : "0");
	zip_t *za = zip_open(p, ZIP_CREATE | ZIP_TRUNCATE, &e);
	cr_assert(za);
	const char *names[] = {"[Content_Types].xml", "xl/workbook.xml",
			       "xl/_rels/workbook.xml.rels", "xl/styles.xml",
			       "xl/sharedStrings.xml", "xl/worksheets/data.xml"};
	const char *parts[] = {CT, wbxml, RELS, styles, sst, sheet};
	for (int i = 0; i < 6; i++) {
		if (!parts[i])
			continue;
		char *copy = xstrdup(parts[i]);
		zip_source_t *src =
			zip_source_buffer(za, copy, strlen(copy), 1);
		cr_assert(src);
		cr_assert(zip_file_add(za, names[i], src, ZIP_FL_OVERWRITE) >=
			  0);
	}
	cr_assert_eq(zip_close(za), 0);
	return p;
}

#define SHEET(rows)                                                      \
	"<?xml version=\"1.0\"?><worksheet xmlns=\"urn:main\"><sheetData>" \
	rows "</sheetData></worksheet>"

static char *dump_hand(int date1904, const char *styles, const char *sst,
		       const char *sheet)
{
	char *p = hand_xlsx(date1904, styles, sst, sheet);
	char *s = dump(p, NULL);
	unlink(p);
	free(p);
	return s;
}

static const char STYLES[] =
	"<styleSheet><numFmts><numFmt numFmtId=\"14\" formatCode=\"0.00\"/>"
	"<numFmt numFmtId=\"170\" formatCode=\"yyyy/m/d\"/></numFmts>"
	"<cellStyleXfs><xf numFmtId=\"170\"/></cellStyleXfs>"
	"<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/>"
	"<xf numFmtId=\"170\"/><xf numFmtId=\"22\"/></cellXfs></styleSheet>";

Test(xlsx, hand_made_cell_types)
{
	const char sst[] =
		"<sst><si><t>姓名</t></si>"
		"<si><r><t>张</t></r><r><rPr/><t>三</t></r>"
		"<rPh><t>ZHANG</t></rPh></si></sst>";
	char *s = dump_hand(
		0, STYLES, sst,
		SHEET("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
		      "<c r=\"B1\" t=\"inlineStr\"><is><r><t>a</t></r>"
		      "<r><t>&amp;b</t></r></is></c></row>"
		      "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c>"
		      "<c r=\"C2\" t=\"e\"><f>1/0</f><v>#N/A</v></c>"
		      "<c r=\"D2\" s=\"1\"><v>45352</v></c>"
		      "<c r=\"E2\" s=\"2\"><v>45352</v></c>"
		      "<c r=\"F2\" s=\"3\"><v>45352.5</v></c>"
		      "<c r=\"G2\"><v>1234.5599999999999</v></c>"
		      "<c r=\"H2\" t=\"d\"><v>2024-03-01T00:00:00Z</v></c>"
		      "</row>"
		      "<row><c><v>1</v></c><c t=\"b\"><v>0</v></c></row>"
		      "<row r=\"9\"><c r=\"A9\" s=\"2\"/></row>"));
	cr_assert_str_eq(s, "1:姓名|a&b\n"
			    "2:张三||#N/A|45352|2024-03-01|2024-03-01|"
			    "1234.5599999999999|2024-03-01\n"
			    "3:1|0\n"
			    "END");
	free(s);
}

Test(xlsx, date1904)
{
	char *s = dump_hand(1, STYLES, NULL,
			    SHEET("<row r=\"1\"><c r=\"A1\" s=\"2\"><v>0</v>"
				  "</c><c r=\"B1\" s=\"2\"><v>43890</v></c>"
				  "</row>"));
	/* 1904 system: serial 0 = 1904-01-01, 43890 = 2024-03-01 */
	cr_assert_str_eq(s, "1:1904-01-01|2024-03-01\nEND");
	free(s);
}

Test(xlsx, bad_shared_string_index_names_row_and_cell)
{
	char *s = dump_hand(0, NULL, "<sst><si><t>a</t></si></sst>",
			    SHEET("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v>"
				  "</c></row><row r=\"4\"><c r=\"B4\" t=\"s\">"
				  "<v>5</v></c></row>"));
	cr_assert(strstr(s, "1:a\nERR:rowsrc-test-"), "%s", s);
	cr_assert(strstr(s, ".xlsx: row 4: cell B4: shared string index out "
			    "of range"),
		  "%s", s);
	cr_assert(strstr(s, "\n@4"), "%s", s);
	free(s);
}

Test(xlsx, malformed_xml_names_row)
{
	char *s = dump_hand(0, NULL, NULL,
			    SHEET("<row r=\"1\"><c><v>1</v></c></row>"
				  "<row r=\"2\"><c><v>2</v></row>"));
	cr_assert(strstr(s, "1:1\nERR:"), "%s", s);
	cr_assert(strstr(s, ": row 2: malformed XML in xl/worksheets/data.xml"),
		  "%s", s);
	cr_assert(strstr(s, "\n@2"), "%s", s);
	free(s);
}

Test(xlsx, too_many_columns)
{
	char *s = dump_hand(0, NULL, NULL,
			    SHEET("<row r=\"1\"><c r=\"ALM1\"><v>1</v></c>"
				  "</row>"));
	/* ALM = column 1001 */
	cr_assert(strstr(s, "row 1: cell ALM1: more than 1000 columns"), "%s",
		  s);
	free(s);
	/* empty styled cells far right are harmless */
	s = dump_hand(0, NULL, NULL,
		      SHEET("<row r=\"1\"><c r=\"A1\"><v>1</v></c>"
			    "<c r=\"XFD1\" s=\"0\"/></row>"));
	cr_assert_str_eq(s, "1:1\nEND");
	free(s);
}

Test(xlsx, entity_declarations_refused)
{
	char *s = dump_hand(
		0, NULL, NULL,
		"<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY a \"aaaa\">]>"
		"<worksheet><sheetData><row r=\"1\"><c><v>&a;</v></c></row>"
		"</sheetData></worksheet>");
	cr_assert(strstr(s, "ERR:") && strstr(s, "entity"), "%s", s);
	free(s);
}

Test(xlsx, not_a_workbook)
{
	char *p = tmp_path(".xlsx");
	int e;
	zip_t *za = zip_open(p, ZIP_CREATE | ZIP_TRUNCATE, &e);
	zip_source_t *src = zip_source_buffer(za, "hi", 2, 0);
	zip_file_add(za, "readme.txt", src, 0);
	cr_assert_eq(zip_close(za), 0);
	char *s = dump(p, NULL);
	cr_assert(strstr(s, "OPEN:") && strstr(s, "no xl/workbook.xml"), "%s",
		  s);
	free(s);
	unlink(p);
	free(p);

	p = write_tmp("PK\3\4garbage", 11);
	s = dump(p, NULL);
	cr_assert(strstr(s, "OPEN:") && strstr(s, "not a readable XLSX"), "%s",
		  s);
	free(s);
	unlink(p);
	free(p);
}

Test(xlsx, legacy_xls_refused)
{
	char *s = DUMP("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest");
	cr_assert(strstr(s, "OPEN:") && strstr(s, "legacy .xls"), "%s", s);
	free(s);
}

/* Issue 7, finding 5: the reader removes exactly the one quote the writer
 * (buf_csv) put in front of a formula-like cell, and nothing else. */
Test(csv, formula_guard_quote_removed)
{
	char *s = DUMP("a,b,c\n"
		       "\"'=HYPERLINK(\"\"x\"\")\",'+86,'-2+3\n"
		       "'@x,\"'\tx\",''=1\n"
		       "'plain,'',it's\n"
		       "''plain,-5,'\n");
	cr_assert_str_eq(s, "1:a|b|c\n"
			    "2:=HYPERLINK(\"x\")|+86|-2+3\n"
			    "3:@x|\tx|'=1\n"
			    "4:'plain|'|it's\n"
			    "5:'plain|-5|'\n"
			    "END");
	free(s);
}

/* Whatever buf_csv writes, the reader gives back the very value. */
Test(csv, formula_guard_round_trip)
{
	const char *vals[] = {"=HYPERLINK(\"http://x\",\"y\")", "=cmd|' /C calc'!A0", "+1", "-1+1", "-5",
			      "-0.05", "@a", "\tb", "'", "''", "'=", "'x", "x'", "a,b", "=a,b\r\nc", "plain"};
	size_t n = sizeof vals / sizeof vals[0];
	buf b = BUF_INIT, want = BUF_INIT;

	buf_puts(&b, "h\n");
	buf_puts(&want, "1:h\n");
	for (size_t i = 0; i < n; i++) {
		buf_csv(&b, vals[i]);
		buf_puts(&b, "\n");
		buf_fmt(&want, "%d:%s\n", (int)i + 2, vals[i]);
	}
	buf_puts(&want, "END");
	char *s = dump_csv(b.p, b.len, NULL);
	cr_assert_str_eq(s, buf_str(&want));
	free(s);
	buf_free(&b);
	buf_free(&want);
}
