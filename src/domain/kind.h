/*
 * kind.h - the record kinds of the data-exchange standard, described as data.
 *
 * Each kind (enterprises, projects, workers, ...) is one table of fields:
 * English key, Chinese header, type, flags. Import, export, the JSON API,
 * the OpenAPI document and the UI's tables are all driven by these
 * descriptors, so a field is declared once (kinds.c) and nowhere else.
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

typedef enum {
	FT_TEXT,     /* free text, maxlen characters (0 = 500) */
	FT_INT,      /* integer within [min, max] */
	FT_DEC2,     /* decimal >= 0, at most 2 places, within [min, max] hundredths */
	FT_MONEY,    /* yuan, at most 2 places -> fen; 0..max fen (> 0 if F_POSITIVE) */
	FT_DATE,     /* YYYY-MM-DD, YYYY/M/D, Excel date cell */
	FT_MONTH,    /* YYYY-MM */
	FT_BOOL,     /* Y/N, 是/否, 1/0 */
	FT_ENUM,     /* one of codes[] (or its labels[]) */
	FT_USCC,     /* GB 32100 */
	FT_IDNUM,    /* GB 11643 */
	FT_CARD,     /* Luhn */
	FT_MOBILE,   /* 1[3-9]\d{9} */
	FT_PHONE,    /* mobile or landline */
	FT_REGION    /* GB/T 2260 six digits */
} field_type;

enum {
	F_KEY = 1,       /* part of the kind's natural key */
	F_REQ = 2,       /* required (non-empty) */
	F_PERSONAL = 4,  /* masked unless the role may see it; a role that sees
			    it masked may not filter, search or sort by it */
	F_POSITIVE = 8,  /* money must be > 0 */
	F_SEARCH = 16,   /* matched by the list API's q= substring search */
	F_DERIVED = 32   /* computed, never imported or exported */
};

typedef struct field {
	const char *key;   /* English key = column name in storage and files */
	const char *zh;    /* Chinese header */
	field_type type;
	unsigned flags;
	int maxlen;                 /* FT_TEXT: max characters (0 = 500) */
	int64_t min, max;           /* FT_INT / FT_DEC2 bounds (if max > min);
				       FT_MONEY: max is the largest amount in fen a
				       real row can hold (every money field has one) */
	const char *const *codes;   /* FT_ENUM: NULL-terminated */
	const char *const *labels;  /* FT_ENUM: Chinese labels, same order */
	const char *dflt;           /* value used when the cell is empty */
	const char *ref;            /* must name an existing record of this kind */
} field;

struct kind_row;

typedef struct kind {
	const char *name;    /* "projects" */
	const char *zh;      /* "在建项目" */
	const char *table;   /* storage table */
	const field *fields;
	int nfields;
	/* Cross-field rules of one row (e.g. paid_date required when paid);
	 * reports through kind_row_error(). May be NULL. */
	void (*check)(struct kind_row *r);
	/* Fills F_DERIVED fields from the others (e.g. birth date from the ID
	 * number). May be NULL. */
	void (*derive)(struct kind_row *r);
	const char *order_by;  /* default list order: a field key */
} kind;

/* The value of one field in a validated row. */
typedef struct kind_val {
	int present;  /* 0 = empty / NULL */
	int is_int;   /* stored as integer (money, dec2, int, bool) */
	int64_t i;
	char *s;      /* normalised text; for is_int also the text form */
	char small[64]; /* s points here when the text fits (no allocation) */
} kind_val;

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
int kind_key_index(const kind *k, const char *key);
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
void kind_val_clear(kind_val *v);
/* Sets v to the first n bytes of s (present). */
void kind_val_set(kind_val *v, const char *s, size_t n);
/* The text form of a stored value as exported: money "12.30", dec2 "7.5",
 * bool "Y"/"N". */
const char *kind_val_text(const field *f, const kind_val *v, char tmp[32]);

/* Masks a personal value: keeps the first 6 and last 4 characters of an ID
 * or card ("120116********123X"), 3 + 4 of a phone, the year of a date
 * ("1981-**-**": a birth date, which would otherwise fill in the hidden
 * digits of the ID number); writes into out. */
void kind_mask(field_type t, const char *s, char *out, size_t outlen);

#endif
