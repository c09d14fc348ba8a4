/*
 * export.h - export of one kind (导出) to CSV (UTF-8 with BOM) or XLSX,
 * with the import headers, so that an (unmasked) export re-imports to the
 * same data. Personal fields are masked unless unmasked is set; the caller
 * decides whether the user may ask for that.
 */
#ifndef ANXIN_EXPORT_H
#define ANXIN_EXPORT_H

#include <stdio.h>

#include "domain/kind.h"
#include "store/db.h"
#include "store/record.h"

enum { EXPORT_CSV = 1, EXPORT_XLSX = 2 };
enum { EXPORT_HEADER_ZH = 0, EXPORT_HEADER_EN = 1 };

typedef struct export_opts {
	int format;        /* EXPORT_CSV or EXPORT_XLSX */
	int unmasked;      /* personal fields in full */
	int header;        /* EXPORT_HEADER_ZH (default) or _EN */
	rec_scope scope;   /* rows the user may see */
} export_opts;

/* Writes every record of k visible in o->scope to out, in key order.
 * Returns the number of records, or -1 with a message in err. */
long export_kind(db *d, const kind *k, const export_opts *o, FILE *out,
		 char *err, size_t errlen);

#endif
