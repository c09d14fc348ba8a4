/*
 * api_meta.c - endpoints about the server and the data model rather than
 * the data: /healthz and /api/v1/kinds (every kind with its fields, from
 * KINDS[], so the UI builds its tables and forms from the same
 * descriptors as import and export).
 */
#include <string.h>

#include "http/api.h"
#include "http/meta.h"

int api_healthz(http_req *r)
{
	buf *b = http_json(r, 200);

	/* the file's version: db_open refuses any other (HR_NODB: no query) */
	buf_fmt(b, "{\"ok\":true,\"schema\":%d}", db_schema_latest());
	return r->status;
}

const char *api_type_name(field_type t)
{
	static const char *const names[] = {
		[FT_TEXT] = "text", [FT_INT] = "int", [FT_DEC2] = "dec2",
		[FT_MONEY] = "money", [FT_DATE] = "date", [FT_MONTH] = "month",
		[FT_BOOL] = "bool", [FT_ENUM] = "enum", [FT_USCC] = "uscc",
		[FT_IDNUM] = "idnum", [FT_CARD] = "card", [FT_MOBILE] = "mobile",
		[FT_PHONE] = "phone", [FT_REGION] = "region",
	};
	return (unsigned)t < sizeof names / sizeof names[0] && names[t] ? names[t] : "text";
}

int api_kinds(http_req *r)
{
	buf *b = http_json(r, 200);

	buf_putc(b, '[');
	for (int i = 0; KINDS[i]; i++) {
		const kind *k = KINDS[i];
		buf_fmt(b, "%s{\"name\":%j,\"zh\":%j,\"order_by\":%j,\"fields\":[", i ? "," : "",
			k->name, k->zh, k->order_by);
		for (int j = 0; j < k->nfields; j++) {
			const field *f = &k->fields[j];
			buf_fmt(b, "%s{\"key\":%j,\"zh\":%j,\"type\":%j,\"required\":%s,"
				"\"key_part\":%s,\"personal\":%s,\"derived\":%s,\"search\":%s,"
				"\"ref\":%j,\"values\":",
				j ? "," : "", f->key, f->zh, api_type_name(f->type),
				(f->flags & F_REQ) ? "true" : "false",
				(f->flags & F_KEY) ? "true" : "false",
				(f->flags & F_PERSONAL) ? "true" : "false",
				(f->flags & F_DERIVED) ? "true" : "false",
				(f->flags & F_SEARCH) ? "true" : "false", f->ref);
			if (f->type == FT_ENUM) {
				buf_putc(b, '[');
				for (int c = 0; f->codes[c]; c++)
					buf_fmt(b, "%s{\"code\":%j,\"label\":%j}", c ? "," : "",
						f->codes[c], f->labels ? f->labels[c] : f->codes[c]);
				buf_putc(b, ']');
			} else {
				buf_puts(b, "null");
			}
			buf_putc(b, '}');
		}
		buf_puts(b, "]}");
	}
	buf_putc(b, ']');
	return r->status;
}
