/*
 * schema.h - what the store knows of a kind of record, as data: its table,
 * its columns with their types and flags, its key, how its rows reach the
 * row scope, and which notes an import of it leaves for the warning scan.
 *
 * The domain fills one descriptor per kind (domain/kinds.c) and hands it to
 * the store; the store reads these fields and never asks for a kind by name
 * nor branches on one. The domain's own part of a kind - the cross-field
 * checks and derivations of a row - hangs off `rules`, which the store
 * never reads (domain/kind.h defines it). docs/architecture.md has the
 * table of fields and who reads each.
 *
 * Must not include anything above the store (no domain/ header).
 *
 * Stored forms: text as given (trimmed); money as integer fen; decimals
 * (hours, days) as integer hundredths; dates "YYYY-MM-DD"; months "YYYY-MM";
 * booleans 0/1; enums as their English code.
 */
#ifndef ANXIN_SCHEMA_H
#define ANXIN_SCHEMA_H

#include <stddef.h>
#include <stdint.h>

/* ---- columns -------------------------------------------------------------- */

/* A column's type as exchanged; it decides the stored form (integer for
 * FT_INT, FT_DEC2, FT_MONEY and FT_BOOL, text for the rest). */
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

/* One column. The store reads key, type and flags; the rest describes the
 * exchange format (headers, bounds, codes) for the domain, declared here
 * beside them so that a column is declared once. */
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

/* ---- the row scope, as data ----------------------------------------------- */

/*
 * How the rows of a kind reach the row scope (docs/security.md, "Review
 * findings (issue 7)"): the path from a row to the projects that decide
 * who sees it. The paths lead through the hubs of the schema - projects
 * (code, street, owner_uscc, contractor_uscc), employments, accounts -
 * which only store/record.c's scope section names. The zero value reaches
 * nothing: a kind without a path is seen by the district-wide roles only.
 */
typedef enum rec_reach {
	REC_REACH_NONE = 0,     /* no scoped principal sees a row (fail closed) */
	REC_REACH_PUBLIC,       /* every principal reads; none but the district writes */
	REC_REACH_PROJECT,      /* the row is a project: col is its code, street its street */
	REC_REACH_PROJECT_COL,  /* col holds the code of a project */
	REC_REACH_ACCOUNT,      /* col holds an account number: the account's project */
	REC_REACH_PERSON,       /* col holds an ID number: through an employment of the person */
	REC_REACH_PARTY,        /* col holds a USCC: the projects the enterprise is a party to */
	REC_REACH_STREET,       /* col holds a street: that street's officers (a case); no
				   enterprise or bank */
} rec_reach;

/*
 * Whose row it is among enterprises: which rows an enterprise writes (and,
 * with the general contractor, reads) beyond what its projects show it.
 */
typedef enum rec_owner {
	REC_OWNER_NONE = 0,   /* nobody's: an enterprise writes none; it reads them
				 through its projects as owner or general contractor */
	REC_OWNER_EMPLOYER,   /* the employer column's, for a worker it employs on
				 the project (an employment (project, worker, E)) */
	REC_OWNER_HIRING,     /* the employer column's; the row is an employment: a
				 new one needs a person the employer holds */
	REC_OWNER_COVERED,    /* the employer one of whose employments of worker on
				 the project covers day */
	REC_OWNER_PERSON,     /* a person's data: its current employers'; data
				 another current employer relies on stays */
} rec_owner;

typedef struct rec_scope_path {
	rec_reach reach;
	const char *col;       /* the column the path starts from */
	const char *street;    /* REC_REACH_PROJECT: the street column (a new
				  project lies in the street that writes it) */
	rec_owner owner;
	const char *employer;  /* REC_OWNER_EMPLOYER / _HIRING: the employer column */
	const char *worker;    /* the column holding the worker's ID number */
	const char *day;       /* REC_OWNER_COVERED: the day an employment covers */
} rec_scope_path;

/* ---- the scan's notes ----------------------------------------------------- */

/* What an import of the kind tells the warning scan (store/scan_mark.c),
 * beyond marking the project (and month) of each changed row dirty. */
typedef enum rec_notes {
	REC_NOTES_PROJECT = 0,   /* only that */
	REC_NOTES_ATTENDANCE,    /* feeds att_month (days per month, project, worker) */
	REC_NOTES_EMPLOYMENT,    /* re-judges whether att_month rows are covered */
	REC_NOTES_TRANSACTION,   /* feeds txn_day and wage_month; marks the account's project */
	REC_NOTES_ACCOUNT,       /* an update (the account may move project): a full scan */
	REC_NOTES_FULL,          /* any change: a full scan (e.g. minimum wages) */
} rec_notes;

/* ---- the descriptor ------------------------------------------------------- */

struct kind_rules; /* the domain's (domain/kind.h); never read by the store */

typedef struct kind {
	const char *name;      /* "projects": URLs, files, the audit log */
	const char *zh;        /* "在建项目": shown, never read by the store */
	const char *table;     /* storage table */
	const field *fields;
	int nfields;
	const char *order_by;  /* default list order: a field key */
	rec_scope_path scope;  /* how its rows reach the row scope */
	rec_notes notes;       /* what an import of it tells the scan */
	/* The key's columns in the order of the table's unique key index,
	 * NULL-terminated; NULL: the F_KEY fields in their order. An import
	 * writes its rows sorted in this order (one pass over the index), and
	 * the bulk writer groups them by all but the last of these columns. */
	const char *const *key_order;
	const struct kind_rules *rules; /* check / derive of a row; may be NULL */
} kind;

/* Index of the field whose English key is exactly key, or -1. */
int kind_key_index(const kind *k, const char *key);
/* The field indexes of k's key in its key_order (see above), at most max
 * of them, into out; returns how many. */
int kind_key_fields(const kind *k, int *out, int max);

/* ---- values ---------------------------------------------------------------- */

/* The value of one field in a row: validated (domain) or read (store). */
typedef struct kind_val {
	int present;  /* 0 = empty / NULL */
	int is_int;   /* stored as integer (money, dec2, int, bool) */
	int64_t i;
	char *s;      /* normalised text; for is_int also the text form */
	char small[64]; /* s points here when the text fits (no allocation) */
} kind_val;

void kind_val_clear(kind_val *v);
/* Sets v to the first n bytes of s (present). */
void kind_val_set(kind_val *v, const char *s, size_t n);

#endif
