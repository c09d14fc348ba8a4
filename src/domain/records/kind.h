/*
 * kind.h - the record kinds of the data-exchange standard, described as data.
 *
 * Each kind (enterprises, projects, workers, ...) is one table of fields:
 * English key, Chinese header, type, flags. Import, export, the JSON API,
 * the OpenAPI document and the UI's tables are all driven by these
 * descriptors, so a field is declared once (kinds.c) and nowhere else.
 * The descriptor type itself, with what the store reads of it (table,
 * columns, key, scope path, scan notes), is store/schema.h's; this header
 * adds the domain's part: the rules of a row, validation, masking.
 *
 * Stored forms: text as given (trimmed); money as integer fen; decimals
 * (hours, days) as integer hundredths; dates "YYYY-MM-DD"; months "YYYY-MM";
 * booleans 0/1; enums as their English code (the Chinese label is accepted
 * on input).
 */
#ifndef ANXIN_KIND_H
#define ANXIN_KIND_H

#include <stddef.h>
#include <stdint.h>

#include "store/schema.h"

struct kind_row;

/* The domain's part of a kind (schema.h's `rules`): the rules of one row
 * that data cannot say. */
struct kind_rules {
	/* Cross-field rules of one row (e.g. paid_date required when paid);
	 * reports through kind_row_error(). May be NULL. */
	void (*check)(struct kind_row *r);
	/* Fills F_DERIVED fields from the others (e.g. birth date from the ID
	 * number). May be NULL. */
	void (*derive)(struct kind_row *r);
};

/* A row being validated: values indexed like kind->fields. */
typedef struct kind_row {
	const kind *k;
	kind_val *v;
	long row;              /* file row, for messages */
	void (*error)(struct kind_row *r, const char *field, const char *value,
		      const char *reason);
	void *ctx;             /* the caller's (import/API) context */
	int nerrors;
} kind_row;

extern const kind *const KINDS[];  /* NULL-terminated, in dependency order */

const kind *kind_find(const char *name);
/* Index of the field whose English key or Chinese header is name (trimmed,
 * full-width brackets and the "(元)" style unit suffix tolerated), or -1. */
int kind_field_index(const kind *k, const char *name);
/* Reports an error on r for field key. */
void kind_row_error(kind_row *r, const char *key, const char *value,
		    const char *reason);
/* The value of field key in r (asserts the key exists). */
kind_val *kind_row_val(kind_row *r, const char *key);

/*
 * Validates and normalises the text of field f into *out. Returns 1 if
 * valid, 0 with *why set to a static reason otherwise. Empty text takes
 * f->dflt, else is "not present" (the required check is the caller's).
 */
int kind_parse_value(const field *f, const char *text, kind_val *out,
		     const char **why);
/* The text form of a stored value as exported: money "12.30", dec2 "7.5",
 * bool "Y"/"N". */
const char *kind_val_text(const field *f, const kind_val *v, char tmp[32]);

/* Masks a personal value: keeps the first 6 and last 4 characters of an ID
 * or card ("120116********123X"), 3 + 4 of a phone, the year of a date
 * ("1981-**-**": a birth date, which would otherwise fill in the hidden
 * digits of the ID number); writes into out. */
void kind_mask(field_type t, const char *s, char *out, size_t outlen);

#endif
